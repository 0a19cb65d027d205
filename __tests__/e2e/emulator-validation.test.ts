// The emulator checks every request against AWS's service models (botocore's,
// test/emulator/emu_validation.py) before acting on it, as AWS does: a request
// AWS would refuse is answered with AWS's ValidationException naming the
// parameter, changes nothing, and is recorded, so that every end-to-end test,
// the demo and the benchmark fail on one. Every request here that is invalid on
// purpose is taken back (takeInvalidRequests) after its answer is checked.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { RegisterScalableTargetCommand, type ScalableDimension } from '@aws-sdk/client-application-auto-scaling'
import { GetMetricDataCommand, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch'
import {
  CreateContextCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  DescribeEndpointConfigCommand,
  DescribeModelCommand,
  UpdateEndpointCommand,
  type ProductionVariantInstanceType
} from '@aws-sdk/client-sagemaker'
import { InvokeEndpointCommand } from '@aws-sdk/client-sagemaker-runtime'

import { emulatorControl, type EmulatorControl, type InvalidRequest } from '../../test/emulator/control.mjs'
import {
  awsClients,
  seedModelAndEndpoint,
  startEmulator,
  TEST_ROLE_ARN,
  type AwsClients,
  type Emulator
} from './harness.js'

const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/model:1'

let emulator: Emulator
let aws: AwsClients
let control: EmulatorControl

beforeAll(async () => {
  emulator = await startEmulator({ transitionSeconds: 0.2 })
  aws = awsClients(emulator)
  control = emulatorControl(emulator)
}, 60_000)

afterAll(async () => {
  aws?.destroy()
  await emulator?.stop()
})

beforeEach(async () => {
  await control.reset()
})

/** The parameters of the requests refused since the last call, which are taken back. */
async function refusedParameters(): Promise<string[][]> {
  const refused: InvalidRequest[] = await control.takeInvalidRequests()
  return refused.map((request) => request.errors.map((error) => `${request.operation} ${error.parameter}`))
}

/** A JSON-protocol request as an SDK sends it, with a body no SDK would serialize. */
async function rawJson(
  target: string,
  signingName: string,
  body: unknown
): Promise<{ status: number; body: { __type?: string; message?: string } }> {
  const response = await fetch(`${emulator.url}/`, {
    method: 'POST',
    headers: {
      'x-amz-target': target,
      'content-type': 'application/x-amz-json-1.1',
      authorization: `AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/${signingName}/aws4_request, SignedHeaders=host, Signature=0`
    },
    body: JSON.stringify(body)
  })
  return { status: response.status, body: (await response.json()) as { __type?: string; message?: string } }
}

describe('a request AWS would refuse', () => {
  it('is answered with a ValidationException naming the parameter, and changes nothing', async () => {
    await aws.sagemaker.send(
      new CreateModelCommand({ ModelName: 'm', ExecutionRoleArn: TEST_ROLE_ARN, PrimaryContainer: { Image: IMAGE } })
    )
    const refusal = aws.sagemaker.send(
      new CreateEndpointConfigCommand({
        EndpointConfigName: 'c',
        ProductionVariants: [
          {
            VariantName: 'v'.repeat(64),
            ModelName: 'm',
            InstanceType: 'ml.m5.enormous' as ProductionVariantInstanceType,
            InitialInstanceCount: 1
          }
        ]
      })
    )
    await expect(refusal).rejects.toMatchObject({
      name: 'ValidationException',
      $metadata: { httpStatusCode: 400 },
      message: expect.stringMatching(
        /^3 validation errors detected: Value 'v{64}' at 'productionVariants\.1\.member\.variantName' failed to satisfy constraint: Member must have length less than or equal to 63; .*Value 'ml\.m5\.enormous' at 'productionVariants\.1\.member\.instanceType' failed to satisfy constraint: Member must satisfy enum value set: \[.*ml\.m5\.large, /
      )
    })
    await expect(
      aws.sagemaker.send(new DescribeEndpointConfigCommand({ EndpointConfigName: 'c' }))
    ).rejects.toMatchObject({ name: 'ValidationException' })
    expect(await refusedParameters()).toEqual([
      [
        'CreateEndpointConfig ProductionVariants[0].VariantName',
        'CreateEndpointConfig ProductionVariants[0].VariantName',
        'CreateEndpointConfig ProductionVariants[0].InstanceType'
      ]
    ])
  })

  it('is refused for what AWS checks beyond the SDK: maximum values, patterns, unknown members, JSON types', async () => {
    await seedModelAndEndpoint(aws.sagemaker, { endpointName: 'ep' })
    // A bake over SageMaker's hour, and a name SageMaker's pattern refuses.
    await expect(
      aws.sagemaker.send(
        new UpdateEndpointCommand({
          EndpointName: 'ep',
          EndpointConfigName: 'ep_next',
          DeploymentConfig: {
            BlueGreenUpdatePolicy: {
              TrafficRoutingConfiguration: { Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 3601 }
            }
          }
        })
      )
    ).rejects.toThrow(
      /Value '3601' at 'deploymentConfig\.blueGreenUpdatePolicy\.trafficRoutingConfiguration\.waitIntervalInSeconds' failed to satisfy constraint: Member must have value less than or equal to 3600/
    )
    // A pattern's "." stops at a line break, as in Java's regular expressions, which AWS's patterns are.
    await expect(
      aws.sagemaker.send(
        new CreateContextCommand({
          ContextName: 'lock',
          ContextType: 'lock',
          Source: { SourceUri: 'https://github.com/o/r/actions/runs/1' },
          Description: 'two\nlines'
        })
      )
    ).rejects.toThrow(
      /at 'description' failed to satisfy constraint: Member must satisfy regular expression pattern: \.\*/
    )
    // A member the operation does not have, and a timestamp as text where JSON protocols send epoch seconds.
    const unknown = await rawJson('SageMaker.DescribeEndpoint', 'sagemaker', { EndpointName: 'ep', Verbose: true })
    expect(unknown).toEqual({
      status: 400,
      body: { __type: 'ValidationException', message: expect.stringContaining("Unknown member 'Verbose'") }
    })
    const textTime = await rawJson('GraniteServiceVersion20100801.GetMetricStatistics', 'monitoring', {
      Namespace: 'AWS/SageMaker',
      MetricName: 'Invocations',
      StartTime: '2026-01-01T00:00:00Z',
      EndTime: 1767229200,
      Period: 60,
      Statistics: ['Sum']
    })
    expect(textTime.body.message).toMatch(
      /Value '2026-01-01T00:00:00Z' at 'startTime' is not a timestamp in epoch seconds/
    )
    expect(await refusedParameters()).toEqual([
      [
        'UpdateEndpoint EndpointConfigName',
        'UpdateEndpoint DeploymentConfig.BlueGreenUpdatePolicy.TrafficRoutingConfiguration.WaitIntervalInSeconds'
      ],
      ['CreateContext Description'],
      ['DescribeEndpoint Verbose'],
      ['GetMetricStatistics StartTime']
    ])
  })

  it('is refused by CloudWatch and Application Auto Scaling in their own error shapes', async () => {
    const alarm = aws.cloudwatch.send(
      new PutMetricAlarmCommand({
        AlarmName: 'a',
        Namespace: 'AWS/SageMaker',
        MetricName: 'Invocations',
        Statistic: 'Sum',
        Period: 60,
        EvaluationPeriods: 0,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanThreshold'
      })
    )
    // CloudWatch answers JSON for its query API, whose error code travels beside it.
    await expect(alarm).rejects.toMatchObject({
      Code: 'ValidationError',
      message:
        "1 validation error detected: Value '0' at 'evaluationPeriods' failed to satisfy constraint: Member must have value greater than or equal to 1"
    })
    await expect(
      aws.autoscaling.send(
        new RegisterScalableTargetCommand({
          ServiceNamespace: 'sagemaker',
          ResourceId: 'endpoint/ep/variant/AllTraffic',
          ScalableDimension: 'sagemaker:variant:InstanceCount' as ScalableDimension,
          MinCapacity: 1,
          MaxCapacity: 2
        })
      )
    ).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringMatching(
        /Value 'sagemaker:variant:InstanceCount' at 'scalableDimension' failed to satisfy constraint: Member must satisfy enum value set: \[.*sagemaker:variant:DesiredInstanceCount/
      )
    })
    expect(await refusedParameters()).toEqual([
      ['PutMetricAlarm EvaluationPeriods'],
      ['RegisterScalableTarget ScalableDimension']
    ])
  })

  it("is refused by the runtime for its headers' constraints, before the endpoint is looked at", async () => {
    await seedModelAndEndpoint(aws.sagemaker, { endpointName: 'ep' })
    const invoke = (extra: { TargetVariant?: string; InferenceComponentName?: string }): Promise<unknown> =>
      aws.runtime.send(
        new InvokeEndpointCommand({ EndpointName: 'ep', Body: '{}', ContentType: 'application/json', ...extra })
      )
    await expect(invoke({ TargetVariant: 'A'.repeat(64) })).rejects.toMatchObject({
      name: 'ValidationError',
      message: expect.stringMatching(
        /Value 'A{64}' at 'targetVariant' failed to satisfy constraint: Member must have length less than or equal to 63/
      )
    })
    await expect(invoke({ InferenceComponentName: 'ends-with-' })).rejects.toThrow(
      /at 'inferenceComponentName' failed to satisfy constraint: Member must satisfy regular expression pattern/
    )
    expect(await refusedParameters()).toEqual([
      ['InvokeEndpoint TargetVariant'],
      ['InvokeEndpoint InferenceComponentName']
    ])
    // The refused calls never reached the endpoint.
    expect(await control.invocations()).toEqual([])
  })
})

describe('a request AWS would accept', () => {
  it('passes, with what JSON carries: epoch timestamps, any letters in tags, environment maps', async () => {
    await aws.sagemaker.send(
      new CreateModelCommand({
        ModelName: 'accepted',
        ExecutionRoleArn: TEST_ROLE_ARN,
        PrimaryContainer: { Image: IMAGE, Environment: { SAGEMAKER_PROGRAM: 'serve.py', EMPTY: '' } },
        Tags: [{ Key: 'équipe', Value: 'Zürich recherche 2026: a/b=c+d@e' }]
      })
    )
    expect((await aws.sagemaker.send(new DescribeModelCommand({ ModelName: 'accepted' }))).ModelName).toBe('accepted')
    const now = Date.now()
    await aws.cloudwatch.send(
      new GetMetricDataCommand({
        MetricDataQueries: [
          {
            Id: 'invocations',
            MetricStat: {
              Metric: { Namespace: 'AWS/SageMaker', MetricName: 'Invocations' },
              Period: 60,
              Stat: 'Sum'
            }
          }
        ],
        StartTime: new Date(now - 600_000),
        EndTime: new Date(now)
      })
    )
    expect(await control.invalidRequests()).toEqual([])
  })

  it('keeps the record of refused requests through a reset, until they are taken back', async () => {
    await expect(
      aws.sagemaker.send(
        new CreateModelCommand({
          ModelName: 'bad_name',
          ExecutionRoleArn: TEST_ROLE_ARN,
          PrimaryContainer: { Image: IMAGE }
        })
      )
    ).rejects.toThrow(/at 'modelName' failed to satisfy constraint: Member must satisfy regular expression pattern/)
    await control.reset()
    const [kept] = await control.invalidRequests()
    expect(kept).toMatchObject({
      service: 'sagemaker',
      operation: 'CreateModel',
      errors: [{ parameter: 'ModelName' }],
      userAgent: expect.stringMatching(/aws-sdk-js/)
    })
    expect(await refusedParameters()).toEqual([['CreateModel ModelName']])
    expect(await control.invalidRequests()).toEqual([])
  })
})
