// The emulator behaves like production wherever the action's promises depend
// on it: traffic split by weight, models that fail and slow down, bounded
// capacity, metrics published late, CloudWatch rounding and percentiles,
// alarms that evaluate, describe calls that keep every field, fleets and
// autoscaling. Everything here goes through the AWS SDK, as the action does.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import {
  DeregisterScalableTargetCommand,
  PutScalingPolicyCommand,
  RegisterScalableTargetCommand
} from '@aws-sdk/client-application-auto-scaling'
import {
  DescribeAlarmsCommand,
  GetMetricDataCommand,
  GetMetricStatisticsCommand,
  ListMetricsCommand,
  PutMetricAlarmCommand,
  PutMetricDataCommand,
  SetAlarmStateCommand,
  type MetricDataQuery,
  type MetricDataResult
} from '@aws-sdk/client-cloudwatch'
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  CreateModelPackageCommand,
  CreateInferenceExperimentCommand,
  CreateModelPackageGroupCommand,
  DescribeEndpointCommand,
  DescribeEndpointConfigCommand,
  DescribeModelCommand,
  DescribeInferenceExperimentCommand,
  DescribeModelPackageCommand,
  ListInferenceExperimentsCommand,
  StopInferenceExperimentCommand,
  UpdateEndpointCommand,
  UpdateEndpointWeightsAndCapacitiesCommand,
  UpdateModelPackageCommand,
  type CreateEndpointConfigCommandInput
} from '@aws-sdk/client-sagemaker'
import { InvokeEndpointCommand } from '@aws-sdk/client-sagemaker-runtime'
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3'

import { emulatorControl, type EmulatorControl } from '../../test/emulator/control.mjs'
import {
  awsClients,
  captureEverything,
  OTHER_ACCOUNT,
  seedModelAndEndpoint,
  seedModelPackage,
  shadowTestRequest,
  startEmulator,
  TEST_ROLE_ARN,
  waitForEndpoint,
  type AwsClients,
  type Emulator
} from './harness.js'

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))
const IMAGE = (name: string): string => `123456789012.dkr.ecr.us-east-1.amazonaws.com/${name}:1`
const SCALABLE = 'sagemaker:variant:DesiredInstanceCount'

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

function metric(endpoint: string, variant: string, name: string, stat: string, period = 60, id?: string) {
  return {
    Id: id ?? `${name.toLowerCase()}_${stat.replace(/\W/g, '_')}`,
    MetricStat: {
      Metric: {
        Namespace: 'AWS/SageMaker',
        MetricName: name,
        Dimensions: [
          { Name: 'EndpointName', Value: endpoint },
          { Name: 'VariantName', Value: variant }
        ]
      },
      Period: period,
      Stat: stat
    }
  } satisfies MetricDataQuery
}

async function metricData(
  queries: MetricDataQuery[],
  start: Date,
  end: Date,
  scanBy?: 'TimestampAscending' | 'TimestampDescending'
): Promise<Record<string, MetricDataResult>> {
  const result = await aws.cloudwatch.send(
    new GetMetricDataCommand({
      MetricDataQueries: queries,
      StartTime: start,
      EndTime: end,
      ...(scanBy ? { ScanBy: scanBy } : {})
    })
  )
  return Object.fromEntries((result.MetricDataResults ?? []).map((r) => [r.Id ?? '', r]))
}

const sum = (result: MetricDataResult | undefined): number => (result?.Values ?? []).reduce((a, b) => a + b, 0)

/** The last five minutes and the next one: every datapoint of a short test. */
function recentWindow(): { start: Date; end: Date } {
  const now = Date.now()
  return { start: new Date(now - 5 * 60_000), end: new Date(now + 60_000) }
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (done(value) || Date.now() > deadline) return value
    await sleep(200)
  }
}

const invoke = (endpoint: string, target?: string) =>
  aws.runtime.send(
    new InvokeEndpointCommand({
      EndpointName: endpoint,
      Body: new TextEncoder().encode('{}'),
      ContentType: 'application/json',
      ...(target ? { TargetVariant: target } : {})
    })
  )

/** A metric-math alarm on a variant's 5XX rate in percent, above 10 %. */
const rateAlarm = (name: string, endpoint: string, variant: string) =>
  new PutMetricAlarmCommand({
    AlarmName: name,
    EvaluationPeriods: 1,
    Threshold: 10,
    ComparisonOperator: 'GreaterThanThreshold',
    TreatMissingData: 'notBreaching',
    Metrics: [
      { ...metric(endpoint, variant, 'Invocation5XXErrors', 'Sum', 60, 'errors'), ReturnData: false },
      { ...metric(endpoint, variant, 'Invocations', 'Sum', 60, 'requests'), ReturnData: false },
      { Id: 'rate', Expression: '100 * errors / requests', ReturnData: true }
    ]
  })

describe('traffic and metrics', () => {
  it('splits simulated traffic by current weight, and a weight-0 variant publishes nothing', async () => {
    await control.configure({ seed: 11, metricsMode: 'instant', defaultCapacityPerInstance: 1000 })
    await seedModelAndEndpoint(aws.sagemaker, {
      endpointName: 'split',
      variants: [
        { variantName: 'blue', weight: 3 },
        { variantName: 'green', weight: 1 },
        { variantName: 'idle', weight: 0 }
      ]
    })
    await control.setTraffic('split', 40)
    await sleep(3000)
    await control.stopTraffic('split')

    const stats = (await control.trafficStats())['split']
    const blue = stats?.variants['blue']?.requests ?? 0
    const green = stats?.variants['green']?.requests ?? 0
    expect(blue + green).toBeGreaterThan(80)
    expect(blue / (blue + green)).toBeGreaterThan(0.6)
    expect(blue / (blue + green)).toBeLessThan(0.9)
    expect(stats?.variants['idle']).toBeUndefined()

    const { start, end } = recentWindow()
    const results = await metricData(
      [
        metric('split', 'blue', 'Invocations', 'Sum', 300, 'blue'),
        metric('split', 'green', 'Invocations', 'Sum', 300, 'green'),
        metric('split', 'idle', 'Invocations', 'Sum', 300, 'idle')
      ],
      start,
      end
    )
    expect(sum(results['blue'])).toBe(blue)
    expect(sum(results['green'])).toBe(green)
    expect(results['idle']?.Values).toEqual([])
    const listed = await aws.cloudwatch.send(
      new ListMetricsCommand({ Namespace: 'AWS/SageMaker', Dimensions: [{ Name: 'VariantName', Value: 'idle' }] })
    )
    expect(listed.Metrics ?? []).toEqual([])

    // After a weight change completes, the split follows the new current weights.
    await aws.sagemaker.send(
      new UpdateEndpointWeightsAndCapacitiesCommand({
        EndpointName: 'split',
        DesiredWeightsAndCapacities: [
          { VariantName: 'blue', DesiredWeight: 0 },
          { VariantName: 'idle', DesiredWeight: 1 }
        ]
      })
    )
    await waitForEndpoint(aws.sagemaker, 'split', 'InService')
    await control.setTraffic('split', 40)
    await sleep(1500)
    await control.stopTraffic()
    const after = (await control.trafficStats())['split']
    expect(after?.variants['blue']?.requests).toBe(blue)
    expect(after?.variants['idle']?.requests ?? 0).toBeGreaterThan(10)
  }, 30_000)

  it('takes percentiles from the whole distribution: a bad model has a high p99', async () => {
    await control.configure({ seed: 5, metricsMode: 'instant', defaultCapacityPerInstance: 1000 })
    await control.setModelBehaviour({ match: 'slow-model', latencyMs: 100, latencyP99Ms: 2000 })
    await seedModelAndEndpoint(aws.sagemaker, {
      endpointName: 'latency',
      variants: [
        { variantName: 'good', image: IMAGE('fast-model') },
        { variantName: 'bad', image: IMAGE('slow-model') }
      ]
    })
    await control.setTraffic('latency', 100)
    await sleep(3000)
    await control.stopTraffic()

    const { start, end } = recentWindow()
    const results = await metricData(
      [
        metric('latency', 'good', 'ModelLatency', 'p99', 3600, 'good_p99'),
        metric('latency', 'bad', 'ModelLatency', 'p99', 3600, 'bad_p99'),
        metric('latency', 'bad', 'ModelLatency', 'p50', 3600, 'bad_p50'),
        metric('latency', 'bad', 'ModelLatency', 'Average', 3600, 'bad_avg'),
        metric('latency', 'bad', 'ModelLatency', 'p99', 60, 'bad_p99_minutes')
      ],
      start,
      end
    )
    const one = (id: string): number => results[id]?.Values?.[0] ?? NaN
    // Microseconds: the default model's p99 is 80 ms, the slow one's 2 s.
    expect(one('good_p99')).toBeLessThan(150_000)
    expect(one('bad_p99')).toBeGreaterThan(1_000_000)
    expect(one('bad_p50')).toBeGreaterThan(60_000)
    expect(one('bad_p50')).toBeLessThan(170_000)
    // A log-normal's mean sits above its median: the p99 is not the average.
    expect(one('bad_avg')).toBeGreaterThan(one('bad_p50'))
    const perMinute = results['bad_p99_minutes']?.Values ?? []
    expect(one('bad_p99')).toBeGreaterThanOrEqual(Math.min(...perMinute))
    expect(one('bad_p99')).toBeLessThanOrEqual(Math.max(...perMinute))

    // Two minutes of hand-published samples: the period's p50 is the median
    // of all 200, not a statistic of the two per-minute medians.
    const minute = Math.floor(Date.now() / 60_000) * 60_000 - 10 * 60_000
    const dimensions = [
      { Name: 'EndpointName', Value: 'by-hand' },
      { Name: 'VariantName', Value: 'v' }
    ]
    for (const [offset, first] of [
      [0, 1],
      [60_000, 101]
    ] as const) {
      await aws.cloudwatch.send(
        new PutMetricDataCommand({
          Namespace: 'AWS/SageMaker',
          MetricData: [
            {
              MetricName: 'ModelLatency',
              Dimensions: dimensions,
              Timestamp: new Date(minute + offset + 5_000),
              Unit: 'Microseconds',
              Values: Array.from({ length: 100 }, (_, i) => (first + i) * 1000),
              Counts: Array.from({ length: 100 }, () => 1)
            }
          ]
        })
      )
    }
    const byHand = await metricData(
      [
        metric('by-hand', 'v', 'ModelLatency', 'p50', 120, 'p50'),
        metric('by-hand', 'v', 'ModelLatency', 'p99', 120, 'p99')
      ],
      new Date(minute),
      new Date(minute + 120_000)
    )
    expect(byHand['p50']?.Values).toEqual([100_000])
    expect(byHand['p99']?.Values).toEqual([198_000])
  }, 30_000)

  it('fails requests beyond capacity and slows the ones it serves', async () => {
    await control.configure({ seed: 3, metricsMode: 'instant', capacityPerInstance: { 'ml.m5.large': 5 } })
    await seedModelAndEndpoint(aws.sagemaker, { endpointName: 'calm', variants: [{ variantName: 'v' }] })
    await seedModelAndEndpoint(aws.sagemaker, { endpointName: 'busy', variants: [{ variantName: 'v' }] })
    await control.setTraffic('calm', 1)
    await control.setTraffic('busy', 15)
    await sleep(3500)
    await control.stopTraffic()

    const stats = await control.trafficStats()
    const calm = stats['calm']?.variants['v']
    const busy = stats['busy']?.variants['v']
    expect(calm?.errors5xx.total).toBe(0)
    // 15 requests a second against 5 a second of capacity: two in three fail.
    expect(busy?.errors5xx.capacity).toBeGreaterThan((busy?.requests ?? 0) * 0.5)
    expect(busy?.errors5xx.model).toBe(0)
    expect(busy?.latencyMs.p50 ?? 0).toBeGreaterThan(3 * (calm?.latencyMs.p50 ?? Infinity))

    const { start, end } = recentWindow()
    const results = await metricData(
      [
        metric('busy', 'v', 'Invocation5XXErrors', 'Sum', 300, 'errors'),
        metric('busy', 'v', 'Invocations', 'Sum', 300, 'requests')
      ],
      start,
      end
    )
    expect(sum(results['errors'])).toBe(busy?.errors5xx.total)
    expect(sum(results['requests'])).toBe(busy?.requests)
  }, 30_000)

  it('counts probes in their variant metrics, failures included', async () => {
    await control.configure({ metricsMode: 'instant' })
    await control.setModelBehaviour({ match: 'broken-model', errorRate: 1 })
    await seedModelAndEndpoint(aws.sagemaker, {
      endpointName: 'probed',
      variants: [
        { variantName: 'live', weight: 1 },
        { variantName: 'shadow', weight: 0 },
        { variantName: 'broken', weight: 0, image: IMAGE('broken-model') }
      ]
    })
    for (let i = 0; i < 4; i++) expect((await invoke('probed', 'shadow')).InvokedProductionVariant).toBe('shadow')
    for (let i = 0; i < 3; i++) expect((await invoke('probed')).InvokedProductionVariant).toBe('live')
    await control.failInvocations({ endpoint: 'probed', variant: 'shadow', status: 404, count: 1 })
    await expect(invoke('probed', 'shadow')).rejects.toMatchObject({ name: 'ModelError', OriginalStatusCode: 404 })
    await expect(invoke('probed', 'broken')).rejects.toMatchObject({
      name: 'ModelError',
      $metadata: { httpStatusCode: 424 },
      OriginalStatusCode: 500
    })

    const { start, end } = recentWindow()
    const query = (variant: string, name: string, id: string) => metric('probed', variant, name, 'Sum', 300, id)
    const results = await metricData(
      [
        query('shadow', 'Invocations', 'shadow'),
        query('shadow', 'Invocation4XXErrors', 'shadow4xx'),
        query('live', 'Invocations', 'live'),
        query('broken', 'Invocations', 'broken'),
        query('broken', 'Invocation5XXErrors', 'broken5xx'),
        metric('probed', 'shadow', 'InvocationsPerInstance', 'Sum', 300, 'perInstance')
      ],
      start,
      end
    )
    expect(sum(results['shadow'])).toBe(5)
    expect(sum(results['shadow4xx'])).toBe(1)
    expect(sum(results['live'])).toBe(3)
    expect(sum(results['broken'])).toBe(1)
    expect(sum(results['broken5xx'])).toBe(1)
    expect(sum(results['perInstance'])).toBe(5)
  }, 30_000)
})

describe('shadow variants', () => {
  it("copy a share of the production variant's requests to the shadow: its own metrics, its answers captured only", async () => {
    await control.configure({ metricsMode: 'instant' })
    await aws.s3.send(new CreateBucketCommand({ Bucket: 'shadow-capture' }))
    await aws.sagemaker.send(
      new CreateModelCommand({
        ModelName: 'mirror-model',
        ExecutionRoleArn: TEST_ROLE_ARN,
        PrimaryContainer: { Image: IMAGE('mirror-model') }
      })
    )
    await control.setModelBehaviour({ match: 'mirror-model', answer: { score: 0.9 } })
    // Fleets that serve the 40 requests below, and the copies, within a second: an instance serves 10 a second, and
    // requests beyond that are refused for capacity (a fast machine sends them all in well under a second).
    await seedModelAndEndpoint(aws.sagemaker, {
      endpointName: 'mirrored',
      variants: [{ variantName: 'AllTraffic', instanceCount: 5 }],
      configSettings: {
        ShadowProductionVariants: [
          {
            VariantName: 'mirror',
            ModelName: 'mirror-model',
            InstanceType: 'ml.m5.large',
            InitialInstanceCount: 5,
            InitialVariantWeight: 0.5
          }
        ],
        ...captureEverything('s3://shadow-capture/dc')
      }
    })
    for (let i = 0; i < 40; i++) {
      const answer = await aws.runtime.send(
        new InvokeEndpointCommand({
          EndpointName: 'mirrored',
          Body: new TextEncoder().encode('{}'),
          ContentType: 'application/json',
          InferenceId: `request-${i}`
        })
      )
      // Only the production variant answers the caller.
      expect(answer.InvokedProductionVariant).toBe('AllTraffic')
    }

    const stats = (await control.trafficStats())['mirrored']
    const copies = stats?.variants['mirror']?.copies ?? 0
    // Weight 0.5 against the production variant's 1: about half the requests are copied.
    expect(copies).toBeGreaterThan(10)
    expect(copies).toBeLessThan(30)
    expect(stats?.variants['mirror']?.requests).toBe(copies)
    expect(stats?.variants['AllTraffic']?.requests).toBe(40)
    const { start, end } = recentWindow()
    const results = await metricData([metric('mirrored', 'mirror', 'Invocations', 'Sum', 300, 'mirror')], start, end)
    expect(sum(results['mirror'])).toBe(copies)

    // Each copy's answer is captured under the shadow variant, with the caller's InferenceId, as the production
    // variant's answer to the same request is under its own.
    const keys = async (variant: string): Promise<string[]> =>
      (
        (await aws.s3.send(new ListObjectsV2Command({ Bucket: 'shadow-capture', Prefix: `dc/mirrored/${variant}/` })))
          .Contents ?? []
      ).map((object) => object.Key ?? '')
    const shadowKeys = await keys('mirror')
    expect(shadowKeys).toHaveLength(copies)
    expect(await keys('AllTraffic')).toHaveLength(40)
    const line = JSON.parse(
      (await (
        await aws.s3.send(new GetObjectCommand({ Bucket: 'shadow-capture', Key: shadowKeys[0] }))
      ).Body?.transformToString()) ?? '{}'
    ) as { captureData: { endpointOutput: { data: string } }; eventMetadata: { inferenceId: string } }
    expect(line.captureData.endpointOutput.data).toBe('{"score": 0.9}')
    expect(line.eventMetadata.inferenceId).toMatch(/^request-\d+$/)
  }, 30_000)

  it('are refused beside two production variants, as CreateEndpointConfig documents', async () => {
    await expect(
      aws.sagemaker.send(
        new CreateEndpointConfigCommand({
          EndpointConfigName: 'two-and-a-shadow',
          ProductionVariants: ['a', 'b'].map((name) => ({
            VariantName: name,
            ModelName: 'mirror-model',
            InstanceType: 'ml.m5.large',
            InitialInstanceCount: 1,
            InitialVariantWeight: 1
          })),
          ShadowProductionVariants: [
            { VariantName: 'c', ModelName: 'mirror-model', InstanceType: 'ml.m5.large', InitialInstanceCount: 1 }
          ]
        })
      )
    ).rejects.toThrow(
      'can only specify one variant for ProductionVariants and one variant for ShadowProductionVariants'
    )
  })
})

describe('weight and capacity changes', () => {
  it('one SageMaker cannot make goes Updating, RollingBack, then InService as it was; two capacities in a call are refused', async () => {
    await seedModelAndEndpoint(aws.sagemaker, {
      endpointName: 'reweighed',
      variants: [
        { variantName: 'blue', instanceCount: 2, weight: 80 },
        { variantName: 'green', instanceCount: 1, weight: 20 }
      ]
    })
    await expect(
      aws.sagemaker.send(
        new UpdateEndpointWeightsAndCapacitiesCommand({
          EndpointName: 'reweighed',
          DesiredWeightsAndCapacities: [
            { VariantName: 'blue', DesiredInstanceCount: 3 },
            { VariantName: 'green', DesiredInstanceCount: 2 }
          ]
        })
      )
    ).rejects.toThrow(/capacity of one variant only/)
    await control.failWeightChanges({ endpoint: 'reweighed', count: 1 })

    await aws.sagemaker.send(
      new UpdateEndpointWeightsAndCapacitiesCommand({
        EndpointName: 'reweighed',
        DesiredWeightsAndCapacities: [
          { VariantName: 'blue', DesiredWeight: 10, DesiredInstanceCount: 4 },
          { VariantName: 'green', DesiredWeight: 90 }
        ]
      })
    )
    const statuses: string[] = []
    const settled = await waitForEndpoint(aws.sagemaker, 'reweighed', (endpoint) => {
      if (statuses.at(-1) !== endpoint.EndpointStatus) statuses.push(endpoint.EndpointStatus ?? '')
      return endpoint.EndpointStatus === 'InService'
    })
    expect(statuses).toEqual(['Updating', 'RollingBack', 'InService'])
    expect(
      settled.ProductionVariants?.map((v) => [v.VariantName, v.CurrentWeight, v.DesiredWeight, v.CurrentInstanceCount])
    ).toEqual([
      ['blue', 80, 80, 2],
      ['green', 20, 20, 1]
    ])
    // The instances asked for started, then went again.
    expect((await control.fleet())['reweighed']?.currentInstances).toBe(3)

    // The next change is made.
    await aws.sagemaker.send(
      new UpdateEndpointWeightsAndCapacitiesCommand({
        EndpointName: 'reweighed',
        DesiredWeightsAndCapacities: [{ VariantName: 'blue', DesiredWeight: 10 }]
      })
    )
    const changed = await waitForEndpoint(aws.sagemaker, 'reweighed', 'InService')
    expect(changed.ProductionVariants?.[0]?.CurrentWeight).toBe(10)
  })
})

describe("SageMaker's shadow tests (inference experiments)", () => {
  const models = { production: 'tested-alltraffic-model', shadow: 'other' }
  const experiment = (
    name: string,
    endpoint: string,
    startInHours: number,
    days = 7
  ): CreateInferenceExperimentCommand => shadowTestRequest(name, endpoint, models, { startInHours, days })

  it('are scheduled on an endpoint that exists, listed page by page and by status, described with their endpoint, stopped', async () => {
    await seedModelAndEndpoint(aws.sagemaker, { endpointName: 'tested' })
    await expect(aws.sagemaker.send(experiment('nowhere-test', 'nowhere', 2))).rejects.toThrow(
      /Could not find endpoint/
    )
    await expect(aws.sagemaker.send(experiment('too-long', 'tested', 2, 31))).rejects.toThrow(/30 days/)
    // The emulator never starts a test, so it holds none that would start before a test could see it.
    await expect(aws.sagemaker.send(experiment('at-once', 'tested', 0))).rejects.toMatchObject({
      name: 'EmulatorNotImplemented'
    })
    for (const name of ['first-test', 'second-test', 'third-test'])
      await aws.sagemaker.send(experiment(name, 'tested', 2))

    const firstPage = await aws.sagemaker.send(new ListInferenceExperimentsCommand({ MaxResults: 2 }))
    const secondPage = await aws.sagemaker.send(
      new ListInferenceExperimentsCommand({ MaxResults: 2, NextToken: firstPage.NextToken })
    )
    const listed = [...(firstPage.InferenceExperiments ?? []), ...(secondPage.InferenceExperiments ?? [])]
    expect(listed.map((summary) => summary.Name).sort()).toEqual(['first-test', 'second-test', 'third-test'])
    expect(secondPage.NextToken).toBeUndefined()
    expect(listed.every((summary) => summary.Status === 'Created')).toBe(true)
    const described = await aws.sagemaker.send(new DescribeInferenceExperimentCommand({ Name: 'second-test' }))
    expect(described.EndpointMetadata).toMatchObject({
      EndpointName: 'tested',
      EndpointConfigName: 'tested-seed-config'
    })

    await aws.sagemaker.send(
      new StopInferenceExperimentCommand({
        Name: 'second-test',
        ModelVariantActions: { production: 'Retain', shadow: 'Remove' }
      })
    )
    const created = await aws.sagemaker.send(new ListInferenceExperimentsCommand({ StatusEquals: 'Created' }))
    expect((created.InferenceExperiments ?? []).map((summary) => summary.Name).sort()).toEqual([
      'first-test',
      'third-test'
    ])
    const completed = await aws.sagemaker.send(new ListInferenceExperimentsCommand({ StatusEquals: 'Completed' }))
    expect((completed.InferenceExperiments ?? []).map((summary) => summary.Name)).toEqual(['second-test'])
  })
})

describe('deployment metrics', () => {
  it('publishes the EndpointConfigName set for the fleets of an update', async () => {
    await control.configure({ metricsMode: 'instant', transitionSeconds: 1.5 })
    await seedModelAndEndpoint(aws.sagemaker, { endpointName: 'guarded' })
    for (let i = 0; i < 3; i++) await invoke('guarded')
    await aws.sagemaker.send(
      new CreateEndpointConfigCommand({
        EndpointConfigName: 'guarded-next',
        ProductionVariants: [
          {
            VariantName: 'AllTraffic',
            ModelName: 'guarded-alltraffic-model',
            InstanceType: 'ml.m5.large',
            InitialInstanceCount: 1
          }
        ]
      })
    )
    await aws.sagemaker.send(new UpdateEndpointCommand({ EndpointName: 'guarded', EndpointConfigName: 'guarded-next' }))
    // The old fleet serves while the update runs.
    for (let i = 0; i < 2; i++) await invoke('guarded')
    await waitForEndpoint(aws.sagemaker, 'guarded', 'InService')
    for (let i = 0; i < 4; i++) await invoke('guarded')

    const byConfig = (config: string, id: string) => {
      const query = metric('guarded', 'AllTraffic', 'Invocations', 'Sum', 300, id)
      query.MetricStat.Metric.Dimensions.push({ Name: 'EndpointConfigName', Value: config })
      return query
    }
    const { start, end } = recentWindow()
    const results = await metricData(
      [
        metric('guarded', 'AllTraffic', 'Invocations', 'Sum', 300, 'all'),
        byConfig('guarded-seed-config', 'old'),
        byConfig('guarded-next', 'next')
      ],
      start,
      end
    )
    expect(sum(results['all'])).toBe(9)
    expect(sum(results['old'])).toBe(2)
    expect(sum(results['next'])).toBe(4)
  }, 30_000)
})

describe('CloudWatch reads', () => {
  it('rounds StartTime down, aligns datapoints to StartTime + k * Period, and honours each query period', async () => {
    const t0 = Math.floor(Date.now() / 60_000) * 60_000 - 10 * 60_000
    const dimensions = [
      { Name: 'EndpointName', Value: 'rounding' },
      { Name: 'VariantName', Value: 'v' }
    ]
    const put = (at: number, value: number) =>
      aws.cloudwatch.send(
        new PutMetricDataCommand({
          Namespace: 'AWS/SageMaker',
          MetricData: [{ MetricName: 'Invocations', Dimensions: dimensions, Timestamp: new Date(at), Value: value }]
        })
      )
    await put(t0 + 10_000, 1)
    await put(t0 + 70_000, 2)
    await put(t0 + 130_000, 4)
    await put(t0 + 250_000, 8)

    // 30 s past the minute: rounded down to t0, so the datum at t0 + 10 s counts.
    const results = await metricData(
      [
        metric('rounding', 'v', 'Invocations', 'Sum', 120, 'twoMinutes'),
        metric('rounding', 'v', 'Invocations', 'Sum', 60, 'oneMinute')
      ],
      new Date(t0 + 30_000),
      new Date(t0 + 300_000)
    )
    // ScanBy defaults to TimestampDescending.
    expect(results['twoMinutes']?.Timestamps?.map((t) => t.getTime())).toEqual([t0 + 240_000, t0 + 120_000, t0])
    expect(results['twoMinutes']?.Values).toEqual([8, 4, 3])
    expect(results['oneMinute']?.Timestamps?.map((t) => t.getTime())).toEqual([
      t0 + 240_000,
      t0 + 120_000,
      t0 + 60_000,
      t0
    ])
    expect(results['oneMinute']?.Values).toEqual([8, 4, 2, 1])

    const ascending = await metricData(
      [metric('rounding', 'v', 'Invocations', 'Sum', 120, 'up')],
      new Date(t0 + 30_000),
      new Date(t0 + 300_000),
      'TimestampAscending'
    )
    expect(ascending['up']?.Values).toEqual([3, 4, 8])

    const statistics = await aws.cloudwatch.send(
      new GetMetricStatisticsCommand({
        Namespace: 'AWS/SageMaker',
        MetricName: 'Invocations',
        Dimensions: dimensions,
        StartTime: new Date(t0 + 30_000),
        EndTime: new Date(t0 + 300_000),
        Period: 120,
        Statistics: ['Sum']
      })
    )
    const datapoints = (statistics.Datapoints ?? []).sort(
      (a, b) => (a.Timestamp?.getTime() ?? 0) - (b.Timestamp?.getTime() ?? 0)
    )
    expect(datapoints.map((d) => [d.Timestamp?.getTime(), d.Sum])).toEqual([
      [t0, 3],
      [t0 + 120_000, 4],
      [t0 + 240_000, 8]
    ])

    // Between 15 and 63 days ago the start is rounded down to 5 minutes.
    const old = Math.floor((Date.now() - 20 * 86_400_000) / 300_000) * 300_000
    await put(old + 130_000, 16)
    const older = await metricData(
      [metric('rounding', 'v', 'Invocations', 'Sum', 300, 'old')],
      new Date(old + 200_000),
      new Date(old + 600_000)
    )
    expect(older['old']?.Timestamps?.map((t) => t.getTime())).toEqual([old])
    expect(older['old']?.Values).toEqual([16])
  }, 30_000)
  it('serves a percentile of statistic sets only where each holds one sample or its Min equals its Max', async () => {
    const t0 = Math.floor(Date.now() / 60_000) * 60_000 - 10 * 60_000
    const put = (
      variant: string,
      at: number,
      set: { SampleCount: number; Sum: number; Minimum: number; Maximum: number }
    ) =>
      aws.cloudwatch.send(
        new PutMetricDataCommand({
          Namespace: 'AWS/SageMaker',
          MetricData: [
            {
              MetricName: 'ModelLatency',
              Dimensions: [
                { Name: 'EndpointName', Value: 'percentiles' },
                { Name: 'VariantName', Value: variant }
              ],
              Timestamp: new Date(at),
              StatisticValues: set
            }
          ]
        })
      )
    await put('spread', t0 + 5_000, { SampleCount: 3, Sum: 600, Minimum: 100, Maximum: 300 })
    await put('flat', t0 + 5_000, { SampleCount: 2, Sum: 400, Minimum: 200, Maximum: 200 })
    await put('flat', t0 + 15_000, { SampleCount: 1, Sum: 900, Minimum: 900, Maximum: 900 })

    const results = await metricData(
      [
        metric('percentiles', 'spread', 'ModelLatency', 'p99', 60, 'spreadP99'),
        metric('percentiles', 'spread', 'ModelLatency', 'Average', 60, 'spreadAverage'),
        metric('percentiles', 'flat', 'ModelLatency', 'p50', 60, 'flatP50'),
        metric('percentiles', 'flat', 'ModelLatency', 'p99', 60, 'flatP99')
      ],
      new Date(t0),
      new Date(t0 + 60_000)
    )
    expect(results['spreadP99']?.Values).toEqual([])
    expect(results['spreadAverage']?.Values).toEqual([200])
    expect(results['flatP50']?.Values).toEqual([200])
    expect(results['flatP99']?.Values).toEqual([900])
  }, 30_000)
})

describe('alarms', () => {
  it('evaluates metric-math and percentile alarms: ALARM for a bad model, OK for a good one', async () => {
    await control.configure({ seed: 9, metricsMode: 'instant' })
    await control.setModelBehaviour({ match: 'bad-model', errorRate: 0.5, latencyMs: 300, latencyP99Ms: 900 })
    await seedModelAndEndpoint(aws.sagemaker, {
      endpointName: 'alarmed',
      variants: [
        { variantName: 'good', image: IMAGE('good-model') },
        { variantName: 'bad', image: IMAGE('bad-model') }
      ]
    })
    await aws.cloudwatch.send(rateAlarm('good-5xx-rate', 'alarmed', 'good'))
    await aws.cloudwatch.send(rateAlarm('bad-5xx-rate', 'alarmed', 'bad'))
    await aws.cloudwatch.send(
      new PutMetricAlarmCommand({
        AlarmName: 'bad-p99',
        Namespace: 'AWS/SageMaker',
        MetricName: 'ModelLatency',
        Dimensions: metric('alarmed', 'bad', 'ModelLatency', 'p99').MetricStat.Metric.Dimensions,
        ExtendedStatistic: 'p99',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 250_000,
        ComparisonOperator: 'GreaterThanThreshold'
      })
    )
    const states = async () =>
      Object.fromEntries(
        ((await aws.cloudwatch.send(new DescribeAlarmsCommand({}))).MetricAlarms ?? []).map((a) => [a.AlarmName, a])
      )
    // A state set by hand lasts only until the next evaluation: an alarm on a metric nobody publishes, missing data
    // not breaching, returns to OK.
    await aws.cloudwatch.send(rateAlarm('quiet', 'nowhere', 'v'))
    await aws.cloudwatch.send(
      new SetAlarmStateCommand({ AlarmName: 'quiet', StateValue: 'ALARM', StateReason: 'by hand' })
    )
    expect((await states())['quiet']).toMatchObject({ StateValue: 'ALARM', StateReason: 'by hand' })

    await control.setTraffic('alarmed', 6)
    const seen = await waitFor(
      states,
      (alarms) =>
        alarms['bad-5xx-rate']?.StateValue === 'ALARM' &&
        alarms['bad-p99']?.StateValue === 'ALARM' &&
        alarms['quiet']?.StateValue === 'OK',
      25_000
    )
    await control.stopTraffic()
    expect(seen['bad-5xx-rate']?.StateValue).toBe('ALARM')
    expect(seen['bad-5xx-rate']?.StateReason).toMatch(/greater than the threshold \(10(\.0)?\)/)
    expect(seen['bad-p99']?.StateValue).toBe('ALARM')
    expect(seen['good-5xx-rate']?.StateValue).toBe('OK')
    expect(seen['quiet']?.StateValue).toBe('OK')
    expect(seen['quiet']?.StateReason).not.toBe('by hand')
  }, 40_000)
})

describe('publication delay', () => {
  it('publishes a minute only after it closes plus the delay, and alarms wait for it', async () => {
    await control.configure({ seed: 2, metricsMode: 'faithful', metricsDelaySeconds: [3, 5] })
    await control.setModelBehaviour({ match: 'late-bad-model', errorRate: 0.5 })
    await seedModelAndEndpoint(aws.sagemaker, { endpointName: 'late', variants: [{ variantName: 'v' }] })
    await seedModelAndEndpoint(aws.sagemaker, {
      endpointName: 'late-alarm',
      variants: [{ variantName: 'v', image: IMAGE('late-bad-model') }]
    })
    await aws.cloudwatch.send(rateAlarm('late-5xx-rate', 'late-alarm', 'v'))
    // The minute judged must have a few seconds of traffic in it, and no
    // earlier minute any.
    const untilNextMinute = 60_000 - (Date.now() % 60_000)
    if (untilNextMinute < 5_000) await sleep(untilNextMinute + 100)
    await control.setTraffic('late', 5)
    await control.setTraffic('late-alarm', 5)
    const minute = Math.floor(Date.now() / 60_000) * 60_000
    const closes = minute + 60_000
    const window = { start: new Date(minute), end: new Date(minute + 60_000) }
    const invocations = async (endpoint: string) =>
      sum((await metricData([metric(endpoint, 'v', 'Invocations', 'Sum', 60, 'n')], window.start, window.end))['n'])
    const alarmState = async () =>
      (await aws.cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: ['late-5xx-rate'] }))).MetricAlarms?.[0]
        ?.StateValue

    const publication = async (): Promise<void> => {
      await sleep(Math.max(0, closes - 2_000 - Date.now()))
      expect(await invocations('late')).toBe(0) // the minute is still open
      await sleep(Math.max(0, closes + 1_500 - Date.now()))
      expect(await invocations('late')).toBe(0) // closed, but the delay is at least 3 s
      await sleep(Math.max(0, closes + 6_000 - Date.now()))
      const published = await invocations('late')
      const stats = (await control.trafficStats())['late']?.variants['v']?.minutes ?? []
      const served = stats.find((m) => Date.parse(m.minute) === minute)?.requests
      expect(served).toBeGreaterThan(0)
      expect(published).toBe(served)
      // The emulator says when: readable from the minute's close plus the delay drawn for it.
      const noted = (await control.metricPublications('late')).find(
        (entry) => Date.parse(entry.minute) === minute && entry.endpointConfigName === null
      )
      expect(noted).toMatchObject({ endpoint: 'late', variant: 'v', invocations: served, errors5xx: 0 })
      expect(noted?.dueAt).toBeGreaterThanOrEqual(closes / 1000 + 3)
      expect(noted?.dueAt).toBeLessThanOrEqual(closes / 1000 + 5)
      expect(noted?.delaySeconds).toBeCloseTo((noted?.dueAt ?? 0) - closes / 1000, 2)
      expect(noted?.publishedAt).toBeGreaterThanOrEqual(noted?.dueAt ?? Infinity)
    }
    const alarm = async (): Promise<void> => {
      await sleep(Math.max(0, closes + 1_500 - Date.now()))
      expect(await alarmState()).toBe('OK')
      // Published at most 5 s after the close, judged at the next evaluation (every 10 s).
      const state = await waitFor(alarmState, (s) => s === 'ALARM', Math.max(0, closes + 20_000 - Date.now()))
      expect(state).toBe('ALARM')
    }
    await Promise.all([publication(), alarm()])
    await control.stopTraffic()
  }, 100_000)
})

describe('describe calls', () => {
  it('return every field the resources were created with', async () => {
    await aws.sagemaker.send(
      new CreateModelCommand({
        ModelName: 'full-model',
        ExecutionRoleArn: TEST_ROLE_ARN,
        PrimaryContainer: { Image: IMAGE('full'), Environment: { MODE: 'strict' }, ModelDataUrl: 's3://b/m.tar.gz' },
        VpcConfig: { SecurityGroupIds: ['sg-1'], Subnets: ['subnet-1', 'subnet-2'] },
        EnableNetworkIsolation: true,
        InferenceExecutionConfig: { Mode: 'Serial' }
      })
    )
    const model = await aws.sagemaker.send(new DescribeModelCommand({ ModelName: 'full-model' }))
    expect(model).toMatchObject({
      EnableNetworkIsolation: true,
      VpcConfig: { SecurityGroupIds: ['sg-1'], Subnets: ['subnet-1', 'subnet-2'] },
      InferenceExecutionConfig: { Mode: 'Serial' },
      PrimaryContainer: { Image: IMAGE('full'), Environment: { MODE: 'strict' }, ModelDataUrl: 's3://b/m.tar.gz' }
    })

    const config = {
      EndpointConfigName: 'full-config',
      ProductionVariants: [
        {
          VariantName: 'main',
          ModelName: 'full-model',
          InstanceType: 'ml.g5.xlarge',
          InitialInstanceCount: 2,
          InitialVariantWeight: 1,
          VolumeSizeInGB: 64,
          ModelDataDownloadTimeoutInSeconds: 900,
          ContainerStartupHealthCheckTimeoutInSeconds: 600,
          InferenceAmiVersion: 'al2-ami-sagemaker-inference-gpu-2',
          RoutingConfig: { RoutingStrategy: 'LEAST_OUTSTANDING_REQUESTS' },
          CoreDumpConfig: { DestinationS3Uri: 's3://b/core', KmsKeyId: 'core-key' },
          EnableSSMAccess: true
        }
      ],
      ShadowProductionVariants: [
        { VariantName: 'shadow', ModelName: 'full-model', InstanceType: 'ml.m5.xlarge', InitialInstanceCount: 1 }
      ],
      DataCaptureConfig: {
        EnableCapture: true,
        InitialSamplingPercentage: 25,
        DestinationS3Uri: 's3://b/capture',
        CaptureOptions: [{ CaptureMode: 'Input' }, { CaptureMode: 'Output' }]
      },
      KmsKeyId: 'volume-key',
      ExplainerConfig: { ClarifyExplainerConfig: { ShapConfig: { ShapBaselineConfig: { MimeType: 'text/csv' } } } }
    } satisfies CreateEndpointConfigCommandInput
    await aws.sagemaker.send(new CreateEndpointConfigCommand(config))
    const described = await aws.sagemaker.send(new DescribeEndpointConfigCommand({ EndpointConfigName: 'full-config' }))
    expect(described).toMatchObject(config)

    await aws.sagemaker.send(
      new CreateEndpointConfigCommand({
        EndpointConfigName: 'async-config',
        ProductionVariants: [
          { VariantName: 'main', ModelName: 'full-model', InstanceType: 'ml.m5.large', InitialInstanceCount: 1 }
        ],
        AsyncInferenceConfig: {
          OutputConfig: { S3OutputPath: 's3://b/out' },
          ClientConfig: { MaxConcurrentInvocationsPerInstance: 4 }
        }
      })
    )
    expect(
      await aws.sagemaker.send(new DescribeEndpointConfigCommand({ EndpointConfigName: 'async-config' }))
    ).toMatchObject({
      AsyncInferenceConfig: {
        OutputConfig: { S3OutputPath: 's3://b/out' },
        ClientConfig: { MaxConcurrentInvocationsPerInstance: 4 }
      }
    })

    await aws.sagemaker.send(new CreateEndpointCommand({ EndpointName: 'full', EndpointConfigName: 'full-config' }))
    const endpoint = await waitForEndpoint(aws.sagemaker, 'full', 'InService')
    expect(endpoint.ProductionVariants?.[0]).toMatchObject({
      VariantName: 'main',
      CurrentInstanceCount: 2,
      RoutingConfig: { RoutingStrategy: 'LEAST_OUTSTANDING_REQUESTS' }
    })
    expect(endpoint.ShadowProductionVariants?.[0]).toMatchObject({ VariantName: 'shadow', CurrentInstanceCount: 1 })
    expect(endpoint.DataCaptureConfig).toMatchObject({
      EnableCapture: true,
      CaptureStatus: 'Started',
      CurrentSamplingPercentage: 25,
      DestinationS3Uri: 's3://b/capture'
    })
    expect(endpoint.ExplainerConfig).toEqual(config.ExplainerConfig)

    await aws.sagemaker.send(
      new CreateEndpointConfigCommand({
        EndpointConfigName: 'serverless-config',
        ProductionVariants: [
          { VariantName: 'sls', ModelName: 'full-model', ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 5 } }
        ]
      })
    )
    await aws.sagemaker.send(
      new CreateEndpointCommand({ EndpointName: 'sls', EndpointConfigName: 'serverless-config' })
    )
    const serverless = await waitForEndpoint(aws.sagemaker, 'sls', 'InService')
    expect(serverless.ProductionVariants?.[0]?.CurrentServerlessConfig).toEqual({
      MemorySizeInMB: 2048,
      MaxConcurrency: 5
    })
    expect(serverless.ProductionVariants?.[0]?.CurrentInstanceCount).toBeUndefined()
  }, 30_000)

  it('serve models from model packages', async () => {
    await control.configure({ metricsMode: 'instant' })
    await aws.sagemaker.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'ranker' }))
    const { ModelPackageArn: arn } = await aws.sagemaker.send(
      new CreateModelPackageCommand({
        ModelPackageGroupName: 'ranker',
        ModelApprovalStatus: 'PendingManualApproval',
        CustomerMetadataProperties: { owner: 'search' },
        InferenceSpecification: {
          Containers: [{ Image: IMAGE('packaged-model'), ModelDataUrl: 's3://b/ranker.tar.gz' }],
          SupportedContentTypes: ['application/json'],
          SupportedResponseMIMETypes: ['application/json'],
          SupportedRealtimeInferenceInstanceTypes: ['ml.m5.large']
        }
      })
    )
    expect(arn).toMatch(/model-package\/ranker\/1$/)
    expect(await aws.sagemaker.send(new DescribeModelPackageCommand({ ModelPackageName: arn }))).toMatchObject({
      ModelPackageGroupName: 'ranker',
      ModelPackageVersion: 1,
      ModelApprovalStatus: 'PendingManualApproval',
      InferenceSpecification: { Containers: [{ Image: IMAGE('packaged-model') }] }
    })
    await aws.sagemaker.send(new UpdateModelPackageCommand({ ModelPackageArn: arn, ModelApprovalStatus: 'Approved' }))
    expect(await aws.sagemaker.send(new DescribeModelPackageCommand({ ModelPackageName: arn }))).toMatchObject({
      ModelApprovalStatus: 'Approved',
      CustomerMetadataProperties: { owner: 'search' }
    })

    await expect(
      aws.sagemaker.send(
        new CreateModelCommand({
          ModelName: 'orphan',
          ExecutionRoleArn: TEST_ROLE_ARN,
          // A version the group does not have: a well-formed ARN, so that it is the package SageMaker misses.
          PrimaryContainer: { ModelPackageName: arn?.replace(/\/1$/, '/99') }
        })
      )
    ).rejects.toMatchObject({ name: 'ValidationException' })
    await aws.sagemaker.send(
      new CreateModelCommand({
        ModelName: 'packaged',
        ExecutionRoleArn: TEST_ROLE_ARN,
        PrimaryContainer: { ModelPackageName: arn }
      })
    )
    expect((await aws.sagemaker.send(new DescribeModelCommand({ ModelName: 'packaged' }))).PrimaryContainer).toEqual({
      ModelPackageName: arn
    })

    // The package's image is what serves: it is deployed, and behaviour
    // rules that match it apply.
    await control.setModelBehaviour({ match: 'packaged-model', errorRate: 1 })
    await aws.sagemaker.send(
      new CreateEndpointConfigCommand({
        EndpointConfigName: 'packaged-config',
        ProductionVariants: [
          { VariantName: 'v', ModelName: 'packaged', InstanceType: 'ml.m5.large', InitialInstanceCount: 1 }
        ]
      })
    )
    await aws.sagemaker.send(
      new CreateEndpointCommand({ EndpointName: 'packaged', EndpointConfigName: 'packaged-config' })
    )
    const endpoint = await waitForEndpoint(aws.sagemaker, 'packaged', 'InService')
    expect(endpoint.ProductionVariants?.[0]?.DeployedImages?.[0]?.SpecifiedImage).toBe(IMAGE('packaged-model'))
    await expect(invoke('packaged')).rejects.toMatchObject({ name: 'ModelError', OriginalStatusCode: 500 })
  }, 30_000)

  it("serve another account's model package, named by its ARN, as a shared or Marketplace one is", async () => {
    const arn = await seedModelPackage(emulator, { group: 'shared-ranker', image: IMAGE('shared-model') })
    expect(arn).toBe(`arn:aws:sagemaker:us-east-1:${OTHER_ACCOUNT}:model-package/shared-ranker/1`)

    expect(await aws.sagemaker.send(new DescribeModelPackageCommand({ ModelPackageName: arn }))).toMatchObject({
      ModelPackageArn: arn,
      ModelApprovalStatus: 'Approved',
      InferenceSpecification: { Containers: [{ Image: IMAGE('shared-model') }] }
    })
    // A bare name is the caller's own package, and changes are the owner's.
    await expect(
      aws.sagemaker.send(new DescribeModelPackageCommand({ ModelPackageName: 'shared-ranker' }))
    ).rejects.toMatchObject({ name: 'ValidationException' })
    await expect(
      aws.sagemaker.send(new UpdateModelPackageCommand({ ModelPackageArn: arn, ModelApprovalStatus: 'Rejected' }))
    ).rejects.toMatchObject({ name: 'ValidationException' })
    // Neither a version the other account lacks nor an account that has no packages names one.
    for (const missing of [arn.replace(/\/1$/, '/2'), arn.replace(OTHER_ACCOUNT, '111122223333')]) {
      await expect(
        aws.sagemaker.send(new DescribeModelPackageCommand({ ModelPackageName: missing }))
      ).rejects.toMatchObject({ name: 'ValidationException' })
      await expect(
        aws.sagemaker.send(
          new CreateModelCommand({
            ModelName: 'orphan',
            ExecutionRoleArn: TEST_ROLE_ARN,
            PrimaryContainer: { ModelPackageName: missing }
          })
        )
      ).rejects.toMatchObject({ name: 'ValidationException' })
    }

    await aws.sagemaker.send(
      new CreateModelCommand({
        ModelName: 'shared',
        ExecutionRoleArn: TEST_ROLE_ARN,
        PrimaryContainer: { ModelPackageName: arn }
      })
    )
    expect((await aws.sagemaker.send(new DescribeModelCommand({ ModelName: 'shared' }))).PrimaryContainer).toEqual({
      ModelPackageName: arn
    })
    await aws.sagemaker.send(
      new CreateEndpointConfigCommand({
        EndpointConfigName: 'shared-config',
        ProductionVariants: [
          { VariantName: 'v', ModelName: 'shared', InstanceType: 'ml.m5.large', InitialInstanceCount: 1 }
        ]
      })
    )
    await aws.sagemaker.send(new CreateEndpointCommand({ EndpointName: 'shared', EndpointConfigName: 'shared-config' }))
    const endpoint = await waitForEndpoint(aws.sagemaker, 'shared', 'InService')
    expect(endpoint.ProductionVariants?.[0]?.DeployedImages?.[0]?.SpecifiedImage).toBe(IMAGE('shared-model'))
    expect(await aws.sagemaker.send(new DescribeModelPackageCommand({ ModelPackageName: arn }))).toMatchObject({
      ModelApprovalStatus: 'Approved'
    })
  }, 30_000)
})

describe('fleets', () => {
  it('accounts for the instances an UpdateEndpoint provisions, blue/green and rolling', async () => {
    await control.setTransitionSeconds(1)
    await seedModelAndEndpoint(aws.sagemaker, {
      endpointName: 'fleet',
      variants: [{ variantName: 'v', instanceCount: 2 }]
    })
    const createConfig = (name: string, count: number) =>
      aws.sagemaker.send(
        new CreateEndpointConfigCommand({
          EndpointConfigName: name,
          ProductionVariants: [
            { VariantName: 'v', ModelName: 'fleet-v-model', InstanceType: 'ml.m5.large', InitialInstanceCount: count }
          ]
        })
      )
    await createConfig('fleet-3', 3)
    await createConfig('fleet-4', 4)
    expect((await control.fleet())['fleet']).toMatchObject({
      instancesProvisioned: 2,
      currentInstances: 2,
      updateEndpointCalls: 0
    })

    // Blue/green (the default): the whole new fleet runs beside the old one.
    await aws.sagemaker.send(new UpdateEndpointCommand({ EndpointName: 'fleet', EndpointConfigName: 'fleet-3' }))
    expect((await control.fleet())['fleet']).toMatchObject({ currentInstances: 5, peakInstances: 5 })
    await waitForEndpoint(aws.sagemaker, 'fleet', 'InService')
    const blueGreen = (await control.fleet())['fleet']
    expect(blueGreen).toMatchObject({
      updateEndpointCalls: 1,
      instancesProvisioned: 5,
      peakInstances: 5,
      currentInstances: 3
    })

    // Rolling, one instance a batch: never more than the old fleet plus a batch.
    await aws.sagemaker.send(
      new UpdateEndpointCommand({
        EndpointName: 'fleet',
        EndpointConfigName: 'fleet-4',
        DeploymentConfig: {
          RollingUpdatePolicy: { MaximumBatchSize: { Type: 'INSTANCE_COUNT', Value: 1 }, WaitIntervalInSeconds: 0 }
        }
      })
    )
    await waitForEndpoint(aws.sagemaker, 'fleet', 'InService')
    const rolling = (await control.fleet())['fleet']
    expect(rolling).toMatchObject({
      updateEndpointCalls: 2,
      instancesProvisioned: 9,
      peakInstances: 5,
      currentInstances: 4
    })

    // A capacity change launches only the difference and is no UpdateEndpoint.
    await aws.sagemaker.send(
      new UpdateEndpointWeightsAndCapacitiesCommand({
        EndpointName: 'fleet',
        DesiredWeightsAndCapacities: [{ VariantName: 'v', DesiredInstanceCount: 6 }]
      })
    )
    await waitForEndpoint(aws.sagemaker, 'fleet', 'InService')
    const final = (await control.fleet())['fleet']
    expect(final).toMatchObject({
      updateEndpointCalls: 2,
      instancesProvisioned: 11,
      peakInstances: 6,
      currentInstances: 6
    })
    // Two seconds of updates with five, then four-ish instances, and the rest at 2..6.
    expect(final?.instanceSeconds).toBeGreaterThan(2 * 3)
    expect(final?.instanceSeconds).toBeLessThan(60 * 6)
  }, 30_000)

  it('scales serving variants in as traffic moves away, unless scale-in is suspended', async () => {
    await control.configure({
      autoscalingIntervalSeconds: 0.5,
      transitionSeconds: 0.2,
      defaultCapacityPerInstance: 1000
    })
    const variantsOf = async (name: string) =>
      Object.fromEntries(
        ((await aws.sagemaker.send(new DescribeEndpointCommand({ EndpointName: name }))).ProductionVariants ?? []).map(
          (v) => [v.VariantName, v]
        )
      )
    for (const name of ['shrinks', 'held']) {
      await seedModelAndEndpoint(aws.sagemaker, {
        endpointName: name,
        variants: [
          { variantName: 'serving', instanceCount: 3, weight: 1 },
          { variantName: 'canary', instanceCount: 1, weight: 0 }
        ]
      })
      const ResourceId = `endpoint/${name}/variant/serving`
      await aws.autoscaling.send(
        new RegisterScalableTargetCommand({
          ServiceNamespace: 'sagemaker',
          ResourceId,
          ScalableDimension: SCALABLE,
          MinCapacity: 1,
          MaxCapacity: 4,
          SuspendedState: { DynamicScalingInSuspended: name === 'held' }
        })
      )
      await aws.autoscaling.send(
        new PutScalingPolicyCommand({
          PolicyName: `${name}-invocations`,
          ServiceNamespace: 'sagemaker',
          ResourceId,
          ScalableDimension: SCALABLE,
          PolicyType: 'TargetTrackingScaling',
          TargetTrackingScalingPolicyConfiguration: {
            TargetValue: 120,
            PredefinedMetricSpecification: { PredefinedMetricType: 'SageMakerVariantInvocationsPerInstance' }
          }
        })
      )
      // 300 requests a minute over three instances at 120 each: three is right.
      await control.setTraffic(name, 5)
    }
    await sleep(2500)
    for (const name of ['shrinks', 'held']) {
      expect((await variantsOf(name))['serving']?.CurrentInstanceCount).toBe(3)
      // The canary takes 90 % of the traffic: 30 a minute are left for serving.
      await aws.sagemaker.send(
        new UpdateEndpointWeightsAndCapacitiesCommand({
          EndpointName: name,
          DesiredWeightsAndCapacities: [
            { VariantName: 'serving', DesiredWeight: 1 },
            { VariantName: 'canary', DesiredWeight: 9 }
          ]
        })
      )
    }
    const shrunk = await waitFor(
      () => variantsOf('shrinks'),
      (variants) => variants['serving']?.CurrentInstanceCount === 1,
      20_000
    )
    expect(shrunk['serving']?.CurrentInstanceCount).toBe(1)
    expect(shrunk['canary']?.CurrentInstanceCount).toBe(1)
    expect((await variantsOf('held'))['serving']?.CurrentInstanceCount).toBe(3)
    const fleet = await control.fleet()
    expect(fleet['shrinks']?.currentInstances).toBe(2)
    expect(fleet['held']?.currentInstances).toBe(4)

    // Lifting the suspension lets the held variant follow.
    await aws.autoscaling.send(
      new RegisterScalableTargetCommand({
        ServiceNamespace: 'sagemaker',
        ResourceId: 'endpoint/held/variant/serving',
        ScalableDimension: SCALABLE,
        SuspendedState: { DynamicScalingInSuspended: false }
      })
    )
    const released = await waitFor(
      () => variantsOf('held'),
      (variants) => variants['serving']?.CurrentInstanceCount === 1,
      20_000
    )
    expect(released['serving']?.CurrentInstanceCount).toBe(1)
    await control.stopTraffic()
    await aws.autoscaling.send(
      new DeregisterScalableTargetCommand({
        ServiceNamespace: 'sagemaker',
        ResourceId: 'endpoint/held/variant/serving',
        ScalableDimension: SCALABLE
      })
    )
  }, 60_000)
})

describe('control', () => {
  it('makes draws reproducible with a seed and returns to start-up settings on reset', async () => {
    const routes = async (): Promise<string[]> => {
      await control.configure({ seed: 42 })
      await seedModelAndEndpoint(aws.sagemaker, {
        endpointName: 'seeded',
        // Two instances each: the 20 requests below may all come within a second, and one serves 10 a second.
        variants: [
          { variantName: 'a', weight: 1, instanceCount: 2 },
          { variantName: 'b', weight: 1, instanceCount: 2 }
        ]
      })
      const picked: string[] = []
      for (let i = 0; i < 20; i++) picked.push((await invoke('seeded')).InvokedProductionVariant ?? '')
      return picked
    }
    const first = await routes()
    expect(new Set(first)).toEqual(new Set(['a', 'b']))
    await control.reset()
    expect(await routes()).toEqual(first)

    await control.configure({
      metricsMode: 'instant',
      metricsDelaySeconds: [1, 2],
      capacityPerInstance: { 'ml.m5.large': 1 }
    })
    await control.setTraffic('seeded', 1)
    await control.setModelBehaviour({ match: 'x' })
    await control.reset()
    expect(await control.config()).toMatchObject({
      seed: null,
      metricsMode: 'faithful',
      metricsDelaySeconds: [60, 120],
      capacityPerInstance: {},
      defaultCapacityPerInstance: 10,
      autoscalingIntervalSeconds: 10
    })
    expect(await control.traffic()).toEqual({})
    expect((await control.modelBehaviours()).rules).toEqual([])
    expect(await control.trafficStats()).toEqual({})
    expect(await control.fleet()).toEqual({})
  }, 30_000)
})
