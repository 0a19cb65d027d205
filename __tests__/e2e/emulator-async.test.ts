// What the emulator publishes for an endpoint depends on its config, as
// SageMaker's does: an asynchronous endpoint (AsyncInferenceConfig) publishes
// no Invocations, InvocationsPerInstance or OverheadLatency, but the requests
// it processed and those that failed (AWS's page on monitoring asynchronous
// endpoints), and takes InvokeEndpointAsync; an endpoint config whose
// MetricsConfig enables enhanced metrics publishes its invocation metrics at
// its frequency (API_MetricsConfig). Everything goes through the AWS SDK.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { GetMetricDataCommand, type MetricDataQuery } from '@aws-sdk/client-cloudwatch'
import { InvokeEndpointAsyncCommand, InvokeEndpointCommand } from '@aws-sdk/client-sagemaker-runtime'
import { emulatorControl, type EmulatorControl } from '../../test/emulator/control.mjs'
import { awsClients, seedModelAndEndpoint, startEmulator, type AwsClients, type Emulator } from './harness.js'
import { image } from './scenario.js'

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))
const ASYNC_INFERENCE = { OutputConfig: { S3OutputPath: 's3://inference-results/async/' } }

let emulator: Emulator
let aws: AwsClients
let control: EmulatorControl

beforeAll(async () => {
  emulator = await startEmulator({ transitionSeconds: 0.2 })
  aws = awsClients(emulator)
  control = emulatorControl(emulator)
}, 60_000)

afterAll(async () => {
  await control?.stopTraffic()
  aws?.destroy()
  await emulator?.stop()
})

beforeEach(async () => {
  await control.reset()
})

function query(endpoint: string, name: string, stat: string, period = 60): MetricDataQuery {
  return {
    Id: `${name.toLowerCase()}_${stat.toLowerCase()}`,
    MetricStat: {
      Metric: {
        Namespace: 'AWS/SageMaker',
        MetricName: name,
        Dimensions: [
          { Name: 'EndpointName', Value: endpoint },
          { Name: 'VariantName', Value: 'AllTraffic' }
        ]
      },
      Period: period,
      Stat: stat
    }
  }
}

/** The sum of each named metric over the last five minutes. */
async function sums(endpoint: string, names: string[]): Promise<Record<string, number>> {
  const now = Date.now()
  const result = await aws.cloudwatch.send(
    new GetMetricDataCommand({
      MetricDataQueries: names.map((name) => query(endpoint, name, 'Sum')),
      StartTime: new Date(now - 5 * 60_000),
      EndTime: new Date(now + 60_000)
    })
  )
  return Object.fromEntries(
    names.map((name, index) => [name, (result.MetricDataResults?.[index]?.Values ?? []).reduce((a, b) => a + b, 0)])
  )
}

describe('an asynchronous endpoint', () => {
  it('publishes what AWS lists for it and nothing it does not, for simulated clients and InvokeEndpointAsync', async () => {
    await control.configure({ seed: 3, metricsMode: 'instant' })
    await control.setModelBehaviour({ match: 'async-failing', errorRate: 0.5 })
    await seedModelAndEndpoint(aws.sagemaker, {
      endpointName: 'queued',
      image: image('async-failing'),
      configSettings: { AsyncInferenceConfig: ASYNC_INFERENCE }
    })

    const accepted = await aws.runtime.send(
      new InvokeEndpointAsyncCommand({ EndpointName: 'queued', InputLocation: 's3://requests/one.json' })
    )
    expect(accepted.InferenceId).toBeTruthy()
    expect(accepted.OutputLocation).toBe(`s3://inference-results/async/${accepted.InferenceId}.out`)
    await control.setTraffic('queued', 20)
    await sleep(3_000)
    await control.stopTraffic('queued')

    const published = await sums('queued', [
      'Invocations',
      'InvocationsPerInstance',
      'OverheadLatency',
      'InvocationsProcesssed',
      'InvocationFailures',
      'Invocation5XXErrors'
    ])
    const served = (await control.trafficStats())['queued']?.variants['AllTraffic']
    expect(published.Invocations).toBe(0)
    expect(published.InvocationsPerInstance).toBe(0)
    expect(published.OverheadLatency).toBe(0)
    expect(published.InvocationsProcesssed).toBe(served?.requests)
    expect(served?.invoked).toBe(1)
    // Half the requests fail: the failures count them, 5XX answers among them.
    expect(published.InvocationFailures).toBe(served?.errors5xx.total)
    expect(published.InvocationFailures).toBeGreaterThan(0)
    expect(published.Invocation5XXErrors).toBe(published.InvocationFailures)
    // Queued, not turned away: a burst beyond the instance's capacity fails nothing of its own.
    expect(served?.errors5xx.capacity).toBe(0)
  }, 60_000)

  it('is refused InvokeEndpoint, and a real-time endpoint InvokeEndpointAsync', async () => {
    await seedModelAndEndpoint(aws.sagemaker, {
      endpointName: 'queued',
      configSettings: { AsyncInferenceConfig: ASYNC_INFERENCE }
    })
    await seedModelAndEndpoint(aws.sagemaker, { endpointName: 'direct' })

    await expect(
      aws.runtime.send(
        new InvokeEndpointCommand({ EndpointName: 'queued', Body: '{}', ContentType: 'application/json' })
      )
    ).rejects.toMatchObject({ name: 'ValidationError' })
    await expect(
      aws.runtime.send(
        new InvokeEndpointAsyncCommand({ EndpointName: 'direct', InputLocation: 's3://requests/one.json' })
      )
    ).rejects.toMatchObject({ name: 'ValidationError' })
  }, 60_000)
})

describe('an endpoint with enhanced metrics every 10 seconds', () => {
  it('publishes each 10 seconds after they close plus the delay, read back in 10 s periods', async () => {
    await control.configure({ seed: 4, metricsMode: 'faithful', metricsDelaySeconds: [1, 2] })
    await seedModelAndEndpoint(aws.sagemaker, {
      endpointName: 'fine',
      configSettings: { MetricsConfig: { EnableEnhancedMetrics: true, MetricPublishFrequencyInSeconds: 10 } }
    })
    await seedModelAndEndpoint(aws.sagemaker, {
      endpointName: 'coarse',
      // Without enhanced metrics the frequency is the utilization metrics' only: invocations stay at a minute.
      configSettings: { MetricsConfig: { EnableEnhancedMetrics: false, MetricPublishFrequencyInSeconds: 10 } }
    })
    const started = Date.now()
    await control.setTraffic('fine', 5)
    await control.setTraffic('coarse', 5)
    await sleep(25_000)

    const publications = await control.metricPublications('fine')
    expect(publications.length).toBeGreaterThanOrEqual(1)
    for (const entry of publications) {
      expect(entry.periodSeconds).toBe(10)
      expect(Date.parse(entry.minute) % 10_000).toBe(0)
      expect(entry.dueAt).toBeGreaterThanOrEqual(Date.parse(entry.minute) / 1000 + 10 + 1)
      expect(entry.dueAt).toBeLessThanOrEqual(Date.parse(entry.minute) / 1000 + 10 + 2)
    }
    const result = await aws.cloudwatch.send(
      new GetMetricDataCommand({
        MetricDataQueries: [query('fine', 'Invocations', 'Sum', 10)],
        StartTime: new Date(started - 10_000),
        EndTime: new Date(Date.now())
      })
    )
    const stamps = result.MetricDataResults?.[0]?.Timestamps ?? []
    expect(stamps.length).toBeGreaterThanOrEqual(1)
    for (const stamp of stamps) expect(stamp.getTime() % 10_000).toBe(0)
    // The minute endpoint has published nothing of a minute that has not closed plus its delay.
    const coarse = await control.metricPublications('coarse')
    expect(coarse.every((entry) => entry.periodSeconds === 60)).toBe(true)
    await control.stopTraffic()
  }, 90_000)
})
