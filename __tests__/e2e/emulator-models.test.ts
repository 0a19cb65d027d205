// The emulator checks and serves models as SageMaker does where the action's
// promises depend on it: CreateModel refuses an empty VpcConfig (the service
// model's constraints, as every request is checked), an S3 prefix that does not
// end in /, and ModelDataSource on a multi-model container;
// DescribeModel gives back what was created and nothing empty; InvokeEndpoint
// needs a TargetModel on a multi-model endpoint and refuses one on a
// single-model endpoint. Everything goes through the AWS SDK, as the action does.

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  DescribeModelCommand,
  type ContainerDefinition,
  type CreateModelCommandInput
} from '@aws-sdk/client-sagemaker'
import { InvokeEndpointCommand } from '@aws-sdk/client-sagemaker-runtime'
import { emulatorControl } from '../../test/emulator/control.mjs'
import { awsClients, startEmulator, TEST_ROLE_ARN, waitForEndpoint, type AwsClients, type Emulator } from './harness.js'

const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/models:1'

let emulator: Emulator
let aws: AwsClients

beforeAll(async () => {
  emulator = await startEmulator({ transitionSeconds: 0.2 })
  aws = awsClients(emulator)
}, 120_000)

afterAll(async () => {
  aws?.destroy()
  await emulator?.stop()
})

function createModel(name: string, extra: Partial<CreateModelCommandInput>): Promise<unknown> {
  return aws.sagemaker.send(
    new CreateModelCommand({
      ModelName: name,
      ExecutionRoleArn: TEST_ROLE_ARN,
      PrimaryContainer: { Image: IMAGE },
      ...extra
    })
  )
}

async function endpointServing(name: string, container: ContainerDefinition): Promise<void> {
  await createModel(`${name}-model`, { PrimaryContainer: container })
  await aws.sagemaker.send(
    new CreateEndpointConfigCommand({
      EndpointConfigName: `${name}-config`,
      ProductionVariants: [
        { VariantName: 'AllTraffic', ModelName: `${name}-model`, InstanceType: 'ml.m5.large', InitialInstanceCount: 1 }
      ]
    })
  )
  await aws.sagemaker.send(new CreateEndpointCommand({ EndpointName: name, EndpointConfigName: `${name}-config` }))
  await waitForEndpoint(aws.sagemaker, name, 'InService')
}

function invoke(endpoint: string, targetModel?: string): Promise<string> {
  return aws.runtime
    .send(
      new InvokeEndpointCommand({
        EndpointName: endpoint,
        Body: new TextEncoder().encode('{}'),
        ContentType: 'application/json',
        ...(targetModel ? { TargetModel: targetModel } : {})
      })
    )
    .then(
      (answer) => new TextDecoder().decode(answer.Body),
      (error: Error) => `${error.name}: ${error.message}`
    )
}

describe('CreateModel', () => {
  it('refuses a VpcConfig without subnets and security groups', async () => {
    await expect(createModel('empty-vpc', { VpcConfig: { Subnets: [], SecurityGroupIds: [] } })).rejects.toThrow(
      /Value '\[\]' at 'vpcConfig.subnets' failed to satisfy constraint: Member must have length greater than or equal to 1/
    )
    // Sent on purpose: taken back, so that the suite's check for invalid requests passes.
    const refused = await emulatorControl(emulator).takeInvalidRequests()
    expect(refused.flatMap((request) => request.errors.map((error) => error.parameter))).toEqual([
      'VpcConfig.SecurityGroupIds',
      'VpcConfig.Subnets'
    ])
  })

  it('refuses an S3 prefix that does not end in /, and ModelDataSource in MultiModel mode', async () => {
    const source = (uri: string): ContainerDefinition['ModelDataSource'] => ({
      S3DataSource: { S3Uri: uri, S3DataType: 'S3Prefix', CompressionType: 'None' }
    })
    await expect(
      createModel('bad-prefix', { PrimaryContainer: { Image: IMAGE, ModelDataSource: source('s3://models/llm/v2') } })
    ).rejects.toThrow(/must end with \//)
    await expect(
      createModel('mme-source', {
        PrimaryContainer: { Image: IMAGE, Mode: 'MultiModel', ModelDataSource: source('s3://models/llm/v2/') }
      })
    ).rejects.toThrow(/ModelDataSource is not supported for a container in MultiModel mode/)
  })

  it('keeps ModelDataSource, Mode and Environment, and describes nothing empty', async () => {
    const container: ContainerDefinition = {
      Image: IMAGE,
      Mode: 'SingleModel',
      Environment: { HF_MODEL_ID: '/opt/ml/model' },
      ModelDataSource: {
        S3DataSource: {
          S3Uri: 's3://models/llm/v2/',
          S3DataType: 'S3Prefix',
          CompressionType: 'None',
          ModelAccessConfig: { AcceptEula: true }
        }
      }
    }
    await createModel('prefix-model', { PrimaryContainer: container })

    const described = await aws.sagemaker.send(new DescribeModelCommand({ ModelName: 'prefix-model' }))

    expect(described.PrimaryContainer).toEqual(container)
    expect(described).not.toHaveProperty('VpcConfig')
    expect(described).not.toHaveProperty('Containers')
  })
})

describe('DescribeModel with empty structures', () => {
  it('answers an empty VpcConfig and Containers for a model named to it, which CreateModel would refuse back', async () => {
    await createModel('described-empty', {})
    await emulatorControl(emulator).describeEmpty('described-empty')

    const described = await aws.sagemaker.send(new DescribeModelCommand({ ModelName: 'described-empty' }))

    expect(described.VpcConfig).toEqual({})
    expect(described.Containers).toEqual([])
    expect(described.PrimaryContainer).toEqual({ Image: IMAGE })
    // Sent back as described, it is refused, as AWS's service model refuses it.
    const control = emulatorControl(emulator)
    await expect(createModel('copied-empty', { VpcConfig: described.VpcConfig })).rejects.toThrow(
      /vpcConfig\.subnets.*Member must not be null/
    )
    expect((await control.takeInvalidRequests()).map((request) => request.operation)).toEqual(['CreateModel'])
  })
})

describe('InvokeEndpoint with TargetModel', () => {
  beforeAll(async () => {
    await endpointServing('single', { Image: IMAGE })
    await endpointServing('tenants', { Image: IMAGE, Mode: 'MultiModel', ModelDataUrl: 's3://models/tenants/' })
  }, 60_000)

  it('answers a multi-model endpoint for the model named, and refuses a request naming none', async () => {
    expect(JSON.parse(await invoke('tenants', 'tenant-a.tar.gz'))).toMatchObject({ targetModel: 'tenant-a.tar.gz' })
    expect(await invoke('tenants')).toMatch(/^ValidationError: .*missing a target model header/)
  })

  it('refuses a TargetModel on a single-model endpoint, and answers without one', async () => {
    expect(await invoke('single', 'tenant-a.tar.gz')).toMatch(
      /^ValidationError: Endpoint single is not a multi-model endpoint and does not support target model header/
    )
    expect(JSON.parse(await invoke('single'))).toMatchObject({ ok: true })
  })
})
