// The proxy's lost-response fault against the emulator: the request reaches
// moto, moto acts on it, and the SDK (default retries) never sees the answer.
// Its retry then meets what the first attempt did, which is what a
// non-idempotent call under AWS's own lost answers runs into. The answered
// kinds, by contrast, must never let a request through.

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'

import { CloudWatchClient, DescribeAlarmsCommand, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch'
import {
  CreateEndpointConfigCommand,
  CreateModelCommand,
  DescribeEndpointCommand,
  DescribeModelCommand,
  ListModelsCommand,
  SageMakerClient,
  UpdateEndpointCommand
} from '@aws-sdk/client-sagemaker'

import { FAULT_KINDS, startProxy, type AnsweredFaultKind, type FaultPlan, type Proxy } from '../../test/proxy/proxy.mjs'
import {
  TEST_REGION,
  TEST_ROLE_ARN,
  awsClients,
  seedModelAndEndpoint,
  startEmulator,
  waitForEndpoint,
  type AwsClients,
  type Emulator
} from './harness.js'

interface SdkError {
  name: string
  message: string
  code?: string
  $fault?: string
  $metadata: { httpStatusCode?: number; attempts?: number }
}

let emulator: Emulator
// Straight to the emulator, without retries: what moto really holds.
let aws: AwsClients
let proxy: Proxy | undefined
const clients: Array<{ destroy(): void }> = []

beforeAll(async () => {
  emulator = await startEmulator({ transitionSeconds: 2 })
  aws = awsClients(emulator)
}, 60_000)

afterAll(async () => {
  aws?.destroy()
  await emulator?.stop()
})

beforeEach(async () => {
  await emulator.reset()
})

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  await proxy?.close()
  proxy = undefined
})

async function proxied(faults: FaultPlan, seed = 1): Promise<Proxy> {
  proxy = await startProxy({ target: emulator.url, seed, faults })
  return proxy
}

/** A client as the action builds one: default retries (3 attempts, standard mode), through the proxy. */
function sdk<T extends { destroy(): void }>(
  Client: new (config: {
    endpoint: string
    region: string
    credentials: { accessKeyId: string; secretAccessKey: string }
    maxAttempts?: number
  }) => T,
  p: Proxy,
  maxAttempts?: number
): T {
  const client = new Client({
    endpoint: p.url,
    region: TEST_REGION,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    ...(maxAttempts === undefined ? {} : { maxAttempts })
  })
  clients.push(client)
  return client
}

const failure = (promise: Promise<unknown>): Promise<SdkError> =>
  promise.then(
    () => {
      throw new Error('expected the call to fail')
    },
    (error: unknown) => error as SdkError
  )

const createModel = (name: string): CreateModelCommand =>
  new CreateModelCommand({
    ModelName: name,
    ExecutionRoleArn: TEST_ROLE_ARN,
    PrimaryContainer: { Image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/model:v1' }
  })

describe('a lost response', () => {
  it('lets the first CreateModel create the model; the retry meets "Cannot create already existing model"', async () => {
    const p = await proxied({ apis: { CreateModel: { kinds: ['lost-response'], firstCalls: 1 } } })
    const sagemaker = sdk(SageMakerClient, p)

    const error = await failure(sagemaker.send(createModel('lost-model')))
    expect(error.name).toBe('ValidationException')
    expect(error.message).toMatch(/^Cannot create already existing model ".*model\/lost-model"\.$/)
    expect(error.$metadata.attempts).toBe(2)

    const [first, retry] = p.timeline()
    expect(first).toMatchObject({
      api: 'CreateModel',
      fault: 'lost-response',
      lostResponse: 'error',
      reachedUpstream: true,
      upstreamStatus: 200,
      status: 500
    })
    expect(retry).toMatchObject({ api: 'CreateModel', reachedUpstream: true, upstreamStatus: 400, status: 400 })
    expect(retry?.fault).toBeUndefined()
    expect(p.stats().apis['sagemaker.CreateModel']).toMatchObject({
      calls: 2,
      reached: 2,
      accepted: 1,
      lost: 1,
      ok: 0,
      errors: 1,
      faults: 1,
      faultsByKind: { 'lost-response': 1 }
    })
    expect(p.acceptedCalls('CreateModel')).toBe(1)
    expect(p.okCalls('CreateModel')).toBe(0)

    // Created once, and only the first call of the API lost its answer.
    const models = await aws.sagemaker.send(new ListModelsCommand({}))
    expect(models.Models?.map((model) => model.ModelName)).toEqual(['lost-model'])
    await sagemaker.send(createModel('second-model'))
    expect(p.stats().apis['sagemaker.CreateModel']).toMatchObject({ calls: 3, accepted: 2, ok: 1, lost: 1 })
  }, 60_000)

  it('answers the lost call with an InternalFailure 500 in the protocol of each client', async () => {
    const p = await proxied({ kinds: ['lost-response'], firstCalls: 1 })
    const sagemaker = sdk(SageMakerClient, p, 1)
    const cloudwatch = sdk(CloudWatchClient, p, 1)

    for (const error of [
      await failure(sagemaker.send(createModel('answered-500'))),
      await failure(
        cloudwatch.send(
          new PutMetricAlarmCommand({
            AlarmName: 'lost-alarm',
            Namespace: 'AWS/SageMaker',
            MetricName: 'Invocation5XXErrors',
            Statistic: 'Sum',
            Period: 60,
            EvaluationPeriods: 1,
            Threshold: 1,
            ComparisonOperator: 'GreaterThanOrEqualToThreshold'
          })
        )
      )
    ]) {
      expect(error).toMatchObject({ name: 'InternalFailure', $fault: 'server', $metadata: { httpStatusCode: 500 } })
    }
    // Both calls were carried out all the same.
    await aws.sagemaker.send(new DescribeModelCommand({ ModelName: 'answered-500' }))
    const alarms = await aws.cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: ['lost-alarm'] }))
    expect(alarms.MetricAlarms).toHaveLength(1)
    expect(p.stats()).toMatchObject({ total: 2, reached: 2, accepted: 2, lost: 2, faults: 2 })
  }, 60_000)

  it('resets the connection after the upstream acted, and the SDK retries', async () => {
    const p = await proxied({
      apis: {
        CreateEndpointConfig: { kinds: ['lost-response'], firstCalls: 1, lostResponse: 'reset' },
        ListModels: { kinds: ['lost-response'], firstCalls: 1, lostResponse: 'reset' }
      }
    })
    const sagemaker = sdk(SageMakerClient, p)
    await aws.sagemaker.send(createModel('reset-model'))

    // A read loses nothing by being retried: the second attempt answers.
    const listed = await sagemaker.send(new ListModelsCommand({}))
    expect(listed.Models?.map((model) => model.ModelName)).toEqual(['reset-model'])
    expect(listed.$metadata.attempts).toBe(2)

    const error = await failure(
      sagemaker.send(
        new CreateEndpointConfigCommand({
          EndpointConfigName: 'reset-config',
          ProductionVariants: [
            {
              VariantName: 'AllTraffic',
              ModelName: 'reset-model',
              InstanceType: 'ml.m5.large',
              InitialInstanceCount: 1
            }
          ]
        })
      )
    )
    expect(error.name).toBe('ValidationException')
    expect(error.message).toMatch(/^Cannot create already existing endpoint configuration /)
    expect(error.$metadata.attempts).toBe(2)

    const lost = p.timeline().filter((entry) => entry.fault === 'lost-response')
    expect(lost.map((entry) => [entry.api, entry.upstreamStatus, entry.status])).toEqual([
      ['ListModels', 200, undefined],
      ['CreateEndpointConfig', 200, undefined]
    ])
    for (const entry of lost) expect(entry).toMatchObject({ lostResponse: 'reset', reachedUpstream: true })
    expect(p.stats().apis).toEqual({
      'sagemaker.ListModels': expect.objectContaining({ calls: 2, reached: 2, accepted: 2, lost: 1, ok: 1 }),
      'sagemaker.CreateEndpointConfig': expect.objectContaining({
        calls: 2,
        reached: 2,
        accepted: 1,
        lost: 1,
        ok: 0,
        errors: 1
      })
    })
  }, 60_000)

  it('loses the answer of an UpdateEndpoint that started the update: the retry meets the in-progress endpoint', async () => {
    const seeded = await seedModelAndEndpoint(aws.sagemaker, { endpointName: 'lost-update' })
    await aws.sagemaker.send(
      new CreateEndpointConfigCommand({
        EndpointConfigName: 'lost-update-v2',
        ProductionVariants: [
          {
            VariantName: 'AllTraffic',
            ModelName: seeded.modelNames[0],
            InstanceType: 'ml.m5.xlarge',
            InitialInstanceCount: 1
          }
        ]
      })
    )
    const p = await proxied({ apis: { UpdateEndpoint: { kinds: ['lost-response'], firstCalls: 1 } } })
    const sagemaker = sdk(SageMakerClient, p)

    const error = await failure(
      sagemaker.send(new UpdateEndpointCommand({ EndpointName: 'lost-update', EndpointConfigName: 'lost-update-v2' }))
    )
    expect(error.name).toBe('ValidationException')
    expect(error.message).toMatch(/^Cannot update in-progress endpoint /)
    // The first attempt is replacing the fleet all the same.
    const updating = await aws.sagemaker.send(new DescribeEndpointCommand({ EndpointName: 'lost-update' }))
    expect(updating.EndpointStatus).toBe('Updating')
    await waitForEndpoint(aws.sagemaker, 'lost-update', 'InService')
    const updated = await aws.sagemaker.send(new DescribeEndpointCommand({ EndpointName: 'lost-update' }))
    expect(updated.EndpointConfigName).toBe('lost-update-v2')

    // Back to the seed config: this answer arrives.
    await sagemaker.send(
      new UpdateEndpointCommand({ EndpointName: 'lost-update', EndpointConfigName: seeded.configName })
    )
    expect(p.stats().apis['sagemaker.UpdateEndpoint']).toMatchObject({
      calls: 3,
      reached: 3,
      accepted: 2,
      lost: 1,
      ok: 1,
      errors: 1
    })
    expect(p.acceptedCalls('UpdateEndpoint')).toBe(2)
  }, 60_000)

  it('faults only the first calls of each API a rule covers, and counts them again after reset()', async () => {
    const p = await proxied({ services: { sagemaker: { kinds: ['lost-response'], firstCalls: 2 } } })
    const sagemaker = sdk(SageMakerClient, p)
    const listed = await sagemaker.send(new ListModelsCommand({}))
    expect(listed.$metadata.attempts).toBe(3)
    await sagemaker.send(new ListModelsCommand({}))
    await failure(sagemaker.send(new DescribeModelCommand({ ModelName: 'missing' })))
    expect(p.timeline().map((entry) => [entry.api, entry.fault ?? null, entry.upstreamStatus])).toEqual([
      ['ListModels', 'lost-response', 200],
      ['ListModels', 'lost-response', 200],
      ['ListModels', null, 200],
      ['ListModels', null, 200],
      ['DescribeModel', 'lost-response', 400],
      ['DescribeModel', 'lost-response', 400],
      ['DescribeModel', null, 400]
    ])
    // A lost answer is lost whatever it said: moto's 400 counts as reached, not accepted.
    expect(p.stats().apis['sagemaker.DescribeModel']).toMatchObject({ reached: 3, accepted: 0, lost: 2, errors: 1 })

    p.reset()
    expect((await sagemaker.send(new ListModelsCommand({}))).$metadata.attempts).toBe(3)
  }, 60_000)
})

describe('the answered kinds', () => {
  it.each(FAULT_KINDS)(
    '%s never lets the request reach the emulator',
    async (kind: AnsweredFaultKind) => {
      const p = await proxied({ apis: { CreateModel: { rate: 1, kinds: [kind] } } })
      const sagemaker = sdk(SageMakerClient, p)
      const error = await failure(sagemaker.send(createModel(`never-${kind}`)))
      expect(error.$metadata.attempts).toBe(3)
      const missing = await failure(aws.sagemaker.send(new DescribeModelCommand({ ModelName: `never-${kind}` })))
      expect(missing.message).toMatch(/Could not find model/)
      expect(p.stats().apis['sagemaker.CreateModel']).toMatchObject({
        calls: 3,
        faults: 3,
        reached: 0,
        accepted: 0,
        lost: 0
      })
      for (const entry of p.timeline()) {
        expect(entry.reachedUpstream).toBeUndefined()
        expect(entry.upstreamStatus).toBeUndefined()
      }
    },
    60_000
  )
})
