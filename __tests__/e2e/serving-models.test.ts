// What production models run, through the bundled action against the
// emulator: the new model carries the serving container's environment
// (merged, the inputs winning) and image config but not its model data; an
// S3 prefix is uncompressed model data; environment values appear in no log
// line, summary or output, in a dry run or a real one; a multi-model model
// stays one and is probed with TargetModel; a model of several containers is
// refused before any change.
//
// Gates are probes or none, so nothing waits for CloudWatch minutes. Each
// scenario has an endpoint of its own in one emulator, side by side.

import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  DescribeModelCommand,
  type ContainerDefinition,
  type CreateModelCommandInput,
  type DescribeModelCommandOutput
} from '@aws-sdk/client-sagemaker'
import { emulatorControl, type EmulatorControl } from '../../test/emulator/control.mjs'
import {
  TEST_ROLE_ARN,
  awsClients,
  runAction,
  startEmulator,
  waitForEndpoint,
  type ActionRun,
  type AwsClients,
  type Emulator
} from './harness.js'
import { expectFailure, expectSuccess, image, inventory, transcript } from './scenario.js'

jest.setTimeout(90_000)

let emulator: Emulator
let aws: AwsClients
let control: EmulatorControl

beforeAll(async () => {
  emulator = await startEmulator({ transitionSeconds: 0.3 })
  aws = awsClients(emulator)
  control = emulatorControl(emulator)
  await control.configure({ seed: 11 })
}, 120_000)

afterAll(async () => {
  aws?.destroy()
  await emulator?.stop()
})

/** Secret-looking values: one given as an input, one carried from the serving model. */
const INPUT_SECRET = 'sk-live-9d8c7b6a5f4e3d2c1b0a'
const CARRIED_SECRET = 'postgres://fraud:correct-horse-battery@db.internal/fraud'
const PROBED = { 'bake-time': '1s', 'gate-interval': '1s', 'probe-payload': '{"rows": [[1, 2, 3]]}' }

/** An endpoint of its own serving one model built from `model`, on two ml.m5.large. */
async function serving(endpointName: string, model: Omit<CreateModelCommandInput, 'ModelName'>): Promise<string> {
  const modelName = `${endpointName}-serving`
  await aws.sagemaker.send(new CreateModelCommand({ ModelName: modelName, ...model }))
  await aws.sagemaker.send(
    new CreateEndpointConfigCommand({
      EndpointConfigName: `${modelName}-config`,
      ProductionVariants: [
        {
          VariantName: 'AllTraffic',
          ModelName: modelName,
          InstanceType: 'ml.m5.large',
          InitialInstanceCount: 2,
          InitialVariantWeight: 1
        }
      ]
    })
  )
  await aws.sagemaker.send(
    new CreateEndpointCommand({ EndpointName: endpointName, EndpointConfigName: `${modelName}-config` })
  )
  await waitForEndpoint(aws.sagemaker, endpointName, 'InService')
  return modelName
}

function deploy(endpointName: string, inputs: Record<string, string>): Promise<ActionRun> {
  return runAction({
    timeoutMs: 60_000,
    emulator,
    inputs: {
      operation: 'deploy',
      'endpoint-name': endpointName,
      'image-uri': image(`${endpointName}-new`),
      'model-name': `${endpointName}-new`,
      ...inputs
    }
  })
}

const describeModel = (name: string): Promise<DescribeModelCommandOutput> =>
  aws.sagemaker.send(new DescribeModelCommand({ ModelName: name }))

/**
 * Everything the run printed or left behind for a reader: log, summary,
 * outputs and saved state. `::add-mask::` lines are the runner's own: it
 * takes the value from them to mask, and shows none of them.
 */
function everythingShown(run: ActionRun): string {
  const log = transcript(run)
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n')
  return [log, run.summary, JSON.stringify(run.outputs), JSON.stringify(run.state)].join('\n')
}

const FRAMEWORK_CONTAINER: ContainerDefinition = {
  Image: image('framework-serving'),
  ModelDataUrl: 's3://models/fraud/v1/model.tar.gz',
  Environment: {
    SAGEMAKER_PROGRAM: 'inference.py',
    SAGEMAKER_SUBMIT_DIRECTORY: '/opt/ml/model/code',
    DATABASE_URL: CARRIED_SECRET,
    LOG_LEVEL: 'info'
  }
}

describe("the serving container's settings", () => {
  it.concurrent(
    'reach the new model merged with the inputs, from an uncompressed prefix, values printed nowhere',
    async () => {
      const name = 'framework-env'
      await serving(name, { ExecutionRoleArn: TEST_ROLE_ARN, PrimaryContainer: FRAMEWORK_CONTAINER })
      const inputs = {
        strategy: 'canary',
        'traffic-steps': '50,100',
        ...PROBED,
        'model-data-url': 's3://models/fraud/v2/',
        'model-environment': `LOG_LEVEL=debug\nAPI_TOKEN=${INPUT_SECRET}`
      }

      const planned = expectSuccess(await deploy(name, { ...inputs, 'dry-run': 'true' }))
      expect(planned.stdout).toContain('"API_TOKEN":"(value not shown)"')
      const released = expectSuccess(await deploy(name, inputs))
      expect(released.outputs['rollout-result']).toBe('succeeded')

      const model = await describeModel(`${name}-new`)
      expect(model.PrimaryContainer).toEqual({
        Image: image(`${name}-new`),
        ModelDataSource: {
          S3DataSource: { S3Uri: 's3://models/fraud/v2/', S3DataType: 'S3Prefix', CompressionType: 'None' }
        },
        Environment: {
          SAGEMAKER_PROGRAM: 'inference.py',
          SAGEMAKER_SUBMIT_DIRECTORY: '/opt/ml/model/code',
          DATABASE_URL: CARRIED_SECRET,
          LOG_LEVEL: 'debug',
          API_TOKEN: INPUT_SECRET
        }
      })
      for (const run of [planned, released]) {
        // The runner is told to mask both, should anything print them.
        expect(run.stdout).toContain(`::add-mask::${CARRIED_SECRET}`)
        const shown = everythingShown(run)
        expect(shown).not.toContain(INPUT_SECRET)
        expect(shown).not.toContain(CARRIED_SECRET)
        expect(run.summary).toContain('<td><code>Environment DATABASE_URL</code></td><td>(value not shown)</td>')
      }
    }
  )
})

describe("a gated model's EULA acceptance", () => {
  it.concurrent('is carried from the serving data to the new data, with the data as SageMaker takes it', async () => {
    const name = 'gated-llm'
    await serving(name, {
      ExecutionRoleArn: TEST_ROLE_ARN,
      PrimaryContainer: {
        Image: image('gated-serving'),
        Environment: { HF_MODEL_ID: '/opt/ml/model', OPTION_TENSOR_PARALLEL_DEGREE: '1' },
        ModelDataSource: {
          S3DataSource: {
            S3Uri: 's3://models/llm/v1/',
            S3DataType: 'S3Prefix',
            CompressionType: 'None',
            ModelAccessConfig: { AcceptEula: true }
          }
        }
      }
    })

    expectSuccess(await deploy(name, { 'model-data-url': 's3://models/llm/v2/model.tar.gz' }))

    expect((await describeModel(`${name}-new`)).PrimaryContainer).toEqual({
      Image: image(`${name}-new`),
      Environment: { HF_MODEL_ID: '/opt/ml/model', OPTION_TENSOR_PARALLEL_DEGREE: '1' },
      ModelDataSource: {
        S3DataSource: {
          S3Uri: 's3://models/llm/v2/model.tar.gz',
          S3DataType: 'S3Object',
          CompressionType: 'Gzip',
          ModelAccessConfig: { AcceptEula: true }
        }
      }
    })
  })
})

describe('settings the serving model runs with', () => {
  it.concurrent('carry its private registry access and its network to the new model', async () => {
    const name = 'private-registry'
    const vpc = { Subnets: ['subnet-0a1b2c3d'], SecurityGroupIds: ['sg-0a1b2c3d'] }
    const imageConfig = {
      RepositoryAccessMode: 'Vpc' as const,
      RepositoryAuthConfig: {
        RepositoryCredentialsProviderArn: 'arn:aws:lambda:us-east-1:123456789012:function:registry-credentials'
      }
    }
    await serving(name, {
      ExecutionRoleArn: TEST_ROLE_ARN,
      VpcConfig: vpc,
      PrimaryContainer: { Image: image('private-serving'), ImageConfig: imageConfig }
    })

    expectSuccess(await deploy(name, {}))

    const model = await describeModel(`${name}-new`)
    expect(model.PrimaryContainer).toEqual({ Image: image(`${name}-new`), ImageConfig: imageConfig })
    expect(model.VpcConfig).toEqual(vpc)
  })

  it.concurrent('of one container in a list give a model of the same shape, called as it was', async () => {
    const name = 'listed-container'
    await serving(name, {
      ExecutionRoleArn: TEST_ROLE_ARN,
      Containers: [{ Image: image('listed-serving'), Environment: { SAGEMAKER_PROGRAM: 'serve.py' } }],
      InferenceExecutionConfig: { Mode: 'Direct' }
    })

    const released = expectSuccess(await deploy(name, {}))

    const model = await describeModel(`${name}-new`)
    expect(model.Containers).toEqual([{ Image: image(`${name}-new`), Environment: { SAGEMAKER_PROGRAM: 'serve.py' } }])
    expect(model.PrimaryContainer).toBeUndefined()
    expect(model.InferenceExecutionConfig).toEqual({ Mode: 'Direct' })
    expect(released.summary).toContain('InferenceExecutionConfig')
  })
})

describe('a serving model described with empty structures', () => {
  it.concurrent('gives a new model without them: CreateModel refuses an empty VpcConfig', async () => {
    const name = 'empty-described'
    const model = await serving(name, { ExecutionRoleArn: TEST_ROLE_ARN, PrimaryContainer: { Image: image('plain') } })
    await control.describeEmpty(model)
    expect((await describeModel(model)).VpcConfig).toEqual({})

    const released = expectSuccess(await deploy(name, {}))

    expect(released.outputs['endpoint-config-name']).toBeDefined()
    const created = await describeModel(`${name}-new`)
    expect(created).not.toHaveProperty('VpcConfig')
    expect(created).not.toHaveProperty('Containers')
    expect(created.PrimaryContainer).toEqual({ Image: image(`${name}-new`) })
  })
})

describe('accept-eula', () => {
  it.concurrent("accepts a gated model's licence on the new data, where the serving model accepted none", async () => {
    const name = 'gated-accept'
    await serving(name, {
      ExecutionRoleArn: TEST_ROLE_ARN,
      PrimaryContainer: { Image: image('open-serving'), ModelDataUrl: 's3://models/open/v1/model.tar.gz' }
    })

    const released = expectSuccess(
      await deploy(name, { 'model-data-url': 's3://models/gated/v2/', 'accept-eula': 'true' })
    )

    expect((await describeModel(`${name}-new`)).PrimaryContainer).toEqual({
      Image: image(`${name}-new`),
      ModelDataSource: {
        S3DataSource: {
          S3Uri: 's3://models/gated/v2/',
          S3DataType: 'S3Prefix',
          CompressionType: 'None',
          ModelAccessConfig: { AcceptEula: true }
        }
      }
    })
    expect(released.outputs['rollout-result']).toBe('succeeded')
  })
})

describe('a multi-model serving model', () => {
  const MULTI_MODEL: ContainerDefinition = {
    Image: image('tenants-serving'),
    Mode: 'MultiModel',
    ModelDataUrl: 's3://models/tenants/v1/'
  }

  it.concurrent('gives a multi-model model, probed with the model to load', async () => {
    const name = 'tenants-canary'
    await serving(name, { ExecutionRoleArn: TEST_ROLE_ARN, PrimaryContainer: MULTI_MODEL })

    const released = expectSuccess(
      await deploy(name, {
        strategy: 'canary',
        'traffic-steps': '50,100',
        ...PROBED,
        'model-data-url': 's3://models/tenants/v2/',
        'probe-target-model': 'tenant-a.tar.gz'
      })
    )

    expect(released.outputs['rollout-result']).toBe('succeeded')
    expect((await describeModel(`${name}-new`)).PrimaryContainer).toEqual({
      Image: image(`${name}-new`),
      Mode: 'MultiModel',
      ModelDataUrl: 's3://models/tenants/v2/'
    })
    const probes = (await control.invocations()).filter((invocation) => invocation.endpoint === name)
    expect(probes.length).toBeGreaterThan(0)
    for (const probe of probes) expect(probe).toMatchObject({ targetModel: 'tenant-a.tar.gz', status: 200 })
  })

  it.concurrent('is health-checked with probe-target-model, and refused without it', async () => {
    const name = 'tenants-health'
    await serving(name, { ExecutionRoleArn: TEST_ROLE_ARN, PrimaryContainer: MULTI_MODEL })
    const check = (inputs: Record<string, string>): Promise<ActionRun> =>
      runAction({
        timeoutMs: 60_000,
        emulator,
        inputs: { operation: 'health-check', 'endpoint-name': name, ...inputs }
      })

    const healthy = expectSuccess(await check({ 'probe-target-model': 'tenant-a.tar.gz' }))
    expect(healthy.outputs.healthy).toBe('true')
    const refused = expectFailure(await check({ 'fail-on-unhealthy': 'false' }))
    expect(refused.join('\n')).toContain('Input "probe-target-model" is required')
  })
})

describe('a serving model of several containers', () => {
  it.concurrent('is refused before any change, naming its containers', async () => {
    const name = 'pipeline'
    await serving(name, {
      ExecutionRoleArn: TEST_ROLE_ARN,
      Containers: [
        { ContainerHostname: 'preprocess', Image: image('pipeline-pre') },
        { ContainerHostname: 'predict', Image: image('pipeline-predict') }
      ],
      InferenceExecutionConfig: { Mode: 'Serial' }
    })
    const before = await inventory(aws)

    const errors = expectFailure(await deploy(name, { 'execution-role-arn': TEST_ROLE_ARN }))

    expect(errors.join('\n')).toContain(
      'Endpoint "pipeline" serves model "pipeline-serving" of 2 containers (preprocess, predict), invoked Serial'
    )
    const after = await inventory(aws)
    expect(after.models.filter((model) => model.startsWith(name))).toEqual(
      before.models.filter((model) => model.startsWith(name))
    )
  })
})
