import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { GetMetricDataCommand, type MetricDataResult } from '@aws-sdk/client-cloudwatch'
import * as core from '../../__fixtures__/core.js'
import { FakeClock } from '../../__fixtures__/clock.js'
import { awsError } from '../../__fixtures__/sagemaker.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, awsCallNames, resetAws } = await import('../../__fixtures__/action.js')
const { OperationContext } = await import('../../src/context.js')
const { createAwsClients } = await import('../../src/aws/clients.js')
const { newReport } = await import('../../src/report.js')
const { alignedWindow, fetchVariantMetrics, variantMetrics, wholeWindowPeriodSeconds, windowPeriodSeconds } =
  await import('../../src/metrics.js')
const { errorRate } = await import('../../src/metrics-totals.js')

function context(): InstanceType<typeof OperationContext> {
  const clock = new FakeClock()
  return new OperationContext(
    { endpointName: 'fraud', region: 'us-east-1', waitForCompletion: true, timeoutMs: 60_000, dryRun: false },
    createAwsClients('us-east-1'),
    clock,
    newReport('monitor', 'fraud', 'us-east-1', false, clock.now())
  )
}

const T0 = new Date('2026-01-15T11:57:00Z')
const T1 = new Date('2026-01-15T11:58:00Z')
const T2 = new Date('2026-01-15T11:59:00Z')
const start = new Date('2026-01-15T11:57:00Z')
const end = new Date('2026-01-15T12:00:00Z')

function series(id: string, points: Array<[Date, number]>): MetricDataResult {
  return {
    Id: id,
    Label: id,
    StatusCode: 'Complete',
    Timestamps: points.map(([timestamp]) => timestamp),
    Values: points.map(([, value]) => value)
  }
}

describe('fetchVariantMetrics', () => {
  beforeEach(() => resetAws())

  it('asks for every variant in one GetMetricData call, with index-based query Ids and a p99', async () => {
    aws.cloudwatch.on(GetMetricDataCommand).resolves({ MetricDataResults: [] })

    await fetchVariantMetrics(context(), {
      endpointName: 'fraud',
      variants: ['blue-v1', 'green-v2'],
      start,
      end,
      periodSeconds: 60,
      windowP99: true
    })

    expect(awsCallNames()).toEqual(['cloudwatch.GetMetricData'])
    const input = aws.cloudwatch.commandCalls(GetMetricDataCommand)[0]?.args[0].input
    expect(input?.StartTime).toEqual(start)
    expect(input?.EndTime).toEqual(end)
    expect(input?.ScanBy).toBe('TimestampAscending')
    const queries = input?.MetricDataQueries ?? []
    expect(queries.map((query) => query.Id)).toEqual([
      'v0_invocations',
      'v0_errors4xx',
      'v0_errors5xx',
      'v0_model_errors',
      'v0_latency_avg',
      'v0_latency_p99',
      'v0_latency_p99_window',
      'v1_invocations',
      'v1_errors4xx',
      'v1_errors5xx',
      'v1_model_errors',
      'v1_latency_avg',
      'v1_latency_p99',
      'v1_latency_p99_window'
    ])
    for (const query of queries) expect(query.Id).toMatch(/^[a-z][a-zA-Z0-9_]*$/)
    expect(queries.map((query) => [query.MetricStat?.Metric?.MetricName, query.MetricStat?.Stat])).toEqual([
      ['Invocations', 'Sum'],
      ['Invocation4XXErrors', 'Sum'],
      ['Invocation5XXErrors', 'Sum'],
      ['InvocationModelErrors', 'Sum'],
      ['ModelLatency', 'Average'],
      ['ModelLatency', 'p99'],
      ['ModelLatency', 'p99'],
      ['Invocations', 'Sum'],
      ['Invocation4XXErrors', 'Sum'],
      ['Invocation5XXErrors', 'Sum'],
      ['InvocationModelErrors', 'Sum'],
      ['ModelLatency', 'Average'],
      ['ModelLatency', 'p99'],
      ['ModelLatency', 'p99']
    ])
    expect(queries[12]).toEqual({
      Id: 'v1_latency_p99',
      Label: 'green-v2 ModelLatency p99',
      MetricStat: {
        Metric: {
          Namespace: 'AWS/SageMaker',
          MetricName: 'ModelLatency',
          Dimensions: [
            { Name: 'EndpointName', Value: 'fraud' },
            { Name: 'VariantName', Value: 'green-v2' }
          ]
        },
        Period: 60,
        Stat: 'p99'
      },
      ReturnData: true
    })
  })

  it('adds up counts, converts latency from microseconds and weights the average by invocations', async () => {
    aws.cloudwatch.on(GetMetricDataCommand).resolves({
      MetricDataResults: [
        series('v0_invocations', [
          [T0, 100],
          [T1, 300]
        ]),
        series('v0_errors4xx', [
          [T0, 3],
          [T1, 1]
        ]),
        series('v0_errors5xx', [
          [T0, 0],
          [T1, 8]
        ]),
        series('v0_latency_avg', [
          [T0, 20_000],
          [T1, 40_000]
        ]),
        series('v0_latency_p99', [
          [T0, 90_000],
          [T1, 250_500]
        ])
      ]
    })

    const result = await fetchVariantMetrics(context(), {
      endpointName: 'fraud',
      variants: ['blue'],
      start,
      end,
      periodSeconds: 60
    })

    expect(result.variants).toEqual([
      {
        variant: 'blue',
        invocations: 400,
        errors4xx: 4,
        errors5xx: 8,
        errorRate: 0.02,
        // (20 ms × 100 + 40 ms × 300) / 400
        latencyAverageMs: 35,
        latencyP99Ms: 250.5,
        series: [
          {
            timestamp: '2026-01-15T11:57:00.000Z',
            invocations: 100,
            errors4xx: 3,
            errors5xx: 0,
            errorRate: 0,
            latencyAverageMs: 20,
            latencyP99Ms: 90
          },
          {
            timestamp: '2026-01-15T11:58:00.000Z',
            invocations: 300,
            errors4xx: 1,
            errors5xx: 8,
            errorRate: 8 / 300,
            latencyAverageMs: 40,
            latencyP99Ms: 250.5
          }
        ]
      }
    ])
    expect(variantMetrics(result, 'blue')).toEqual({
      variant: 'blue',
      invocations: 400,
      errors4xx: 4,
      errors5xx: 8,
      errorRate: 0.02,
      latencyAverageMs: 35,
      latencyP99Ms: 250.5
    })
  })

  it('gives a variant without traffic zero counts and no error rate or latency', async () => {
    aws.cloudwatch.on(GetMetricDataCommand).resolves({
      MetricDataResults: [
        series('v0_invocations', [[T2, 10]]),
        series('v0_errors5xx', [[T2, 0]]),
        series('v1_invocations', []),
        series('v1_latency_p99', [])
      ]
    })

    const result = await fetchVariantMetrics(context(), {
      endpointName: 'fraud',
      variants: ['blue', 'green'],
      start,
      end,
      periodSeconds: 60
    })

    expect(result.variants[0]).toMatchObject({ variant: 'blue', invocations: 10, errors4xx: 0, errorRate: 0 })
    expect(result.variants[1]).toEqual({ variant: 'green', invocations: 0, errors4xx: 0, errors5xx: 0, series: [] })
    expect(variantMetrics(result, 'purple')).toEqual({ variant: 'purple', invocations: 0, errors4xx: 0, errors5xx: 0 })
  })

  it('follows NextToken pages and joins each query across them', async () => {
    aws.cloudwatch
      .on(GetMetricDataCommand)
      .resolvesOnce({
        MetricDataResults: [series('v0_invocations', [[T0, 5]])],
        NextToken: 'page-2'
      })
      .resolves({ MetricDataResults: [series('v0_invocations', [[T1, 7]])] })

    const result = await fetchVariantMetrics(context(), {
      endpointName: 'fraud',
      variants: ['blue'],
      start,
      end,
      periodSeconds: 60
    })

    const calls = aws.cloudwatch.commandCalls(GetMetricDataCommand)
    expect(calls).toHaveLength(2)
    expect(calls[0]?.args[0].input.NextToken).toBeUndefined()
    expect(calls[1]?.args[0].input.NextToken).toBe('page-2')
    expect(result.variants[0]?.invocations).toBe(12)
  })

  it('makes no call for no variants', async () => {
    const result = await fetchVariantMetrics(context(), {
      endpointName: 'fraud',
      variants: [],
      start,
      end,
      periodSeconds: 60
    })
    expect(result.variants).toEqual([])
    expect(awsCallNames()).toEqual([])
  })

  it('refuses a period CloudWatch would not accept', async () => {
    await expect(
      fetchVariantMetrics(context(), { endpointName: 'fraud', variants: ['blue'], start, end, periodSeconds: 90 })
    ).rejects.toThrow('whole number of minutes')
    await expect(
      fetchVariantMetrics(context(), { endpointName: 'fraud', variants: ['blue'], start, end, periodSeconds: 15 })
    ).rejects.toThrow('whole number of minutes')
    expect(awsCallNames()).toEqual([])
  })

  it('asks for no window p99 when the window is one period already, as a gate reads it', async () => {
    aws.cloudwatch.on(GetMetricDataCommand).resolves({ MetricDataResults: [] })
    const periodSeconds = windowPeriodSeconds(start, end)
    await fetchVariantMetrics(context(), {
      endpointName: 'fraud',
      variants: ['blue'],
      start,
      end,
      periodSeconds,
      windowP99: true
    })
    const queries = aws.cloudwatch.commandCalls(GetMetricDataCommand)[0]?.args[0].input.MetricDataQueries ?? []
    expect(queries.map((query) => query.Id)).not.toContain('v0_latency_p99_window')
    expect(new Set(queries.map((query) => query.MetricStat?.Period))).toEqual(new Set([periodSeconds]))
  })

  it('reads a day\u2019s window, widened to whole minutes, in one day for its p99', () => {
    const day = { start: new Date('2026-01-14T12:00:00Z'), end: new Date('2026-01-15T12:01:00Z'), periodSeconds: 60 }
    expect(wholeWindowPeriodSeconds(day)).toBe(86_400)
    expect(wholeWindowPeriodSeconds({ ...day, end: new Date('2026-01-14T12:15:00Z') })).toBe(900)
    // Seven-minute periods do not fit a day: the worst period's p99 stands.
    expect(wholeWindowPeriodSeconds({ ...day, periodSeconds: 420 })).toBeUndefined()
    expect(wholeWindowPeriodSeconds({ ...day, end: new Date('2026-01-14T12:01:00Z') })).toBeUndefined()
  })

  it('reads 10 s periods where the endpoint publishes them, and refuses one shorter than its datapoints', async () => {
    aws.cloudwatch.on(GetMetricDataCommand).resolves({ MetricDataResults: [] })
    const tenSeconds = { asynchronous: false, periodSeconds: 10 }
    await fetchVariantMetrics(context(), {
      endpointName: 'fraud',
      variants: ['blue'],
      start,
      end,
      periodSeconds: 10,
      source: tenSeconds,
      windowP99: true
    })
    const queries = aws.cloudwatch.commandCalls(GetMetricDataCommand)[0]?.args[0].input.MetricDataQueries ?? []
    // Every statistic at 10 s, and the window's own p99 in one period of its 3 minutes.
    expect(queries.map((query) => query.MetricStat?.Period)).toEqual([10, 10, 10, 10, 10, 10, 180])

    // Five-minute datapoints read a minute at a time would show four empty minutes in every five.
    const fiveMinutes = { asynchronous: false, periodSeconds: 300 }
    await expect(
      fetchVariantMetrics(context(), {
        endpointName: 'fraud',
        variants: ['blue'],
        start,
        end,
        periodSeconds: 60,
        source: fiveMinutes
      })
    ).rejects.toThrow("not a whole number of the endpoint's 300s datapoints")
  })

  it('reads from where CloudWatch still serves the period: 10 s data goes back 3 hours, minutes 15 days', async () => {
    const ctx = context()
    await ctx.clock.sleep(4 * 60 * 60_000)
    const now = ctx.clock.now()
    const request = { endpointName: 'fraud', variants: ['blue'], start, end: new Date(now) }
    aws.cloudwatch.on(GetMetricDataCommand).resolves({ MetricDataResults: [] })

    await fetchVariantMetrics(ctx, {
      ...request,
      periodSeconds: 10,
      source: { asynchronous: false, periodSeconds: 10 }
    })
    await fetchVariantMetrics(ctx, { ...request, periodSeconds: 60 })

    const starts = aws.cloudwatch.commandCalls(GetMetricDataCommand).map((call) => call.args[0].input.StartTime as Date)
    // Asked from 4 hours back, CloudWatch would answer the 10 s read with nothing at all.
    expect(starts[0]!.getTime()).toBeGreaterThan(now - 3 * 60 * 60_000)
    expect(starts[0]!.getTime()).toBeLessThanOrEqual(now - 3 * 60 * 60_000 + 20_000)
    expect(starts[0]!.getTime() % 10_000).toBe(0)
    expect(starts[1]).toEqual(start)
  })

  it('counts the unanswered requests of a period, never more than the requests it did not count otherwise', async () => {
    aws.cloudwatch.on(GetMetricDataCommand).resolves({
      MetricDataResults: [
        series('v0_invocations', [
          [T0, 100],
          [T1, 10]
        ]),
        series('v0_errors4xx', [[T0, 3]]),
        series('v0_errors5xx', [
          [T0, 2],
          [T1, 2]
        ]),
        // T0: 3 4XX, 2 5XX, 5 timeouts. T1: more than its 10 requests, a timeout of T0's counted late, say.
        series('v0_model_errors', [
          [T0, 10],
          [T1, 20]
        ])
      ]
    })

    const result = await fetchVariantMetrics(context(), {
      endpointName: 'fraud',
      variants: ['blue'],
      start,
      end,
      periodSeconds: 60
    })

    const [blue] = result.variants
    expect(blue?.series.map((point) => [point.unanswered, point.errorRate])).toEqual([
      [5, 0.07],
      [8, 1]
    ])
    expect(blue).toMatchObject({ errors5xx: 4, unanswered: 13, errorRate: 17 / 110 })
  })

  it('names the API, the endpoint and the AWS error code when CloudWatch refuses', async () => {
    aws.cloudwatch
      .on(GetMetricDataCommand)
      .rejects(awsError('AccessDenied', 'not authorized to perform cloudwatch:GetMetricData'))

    await expect(
      fetchVariantMetrics(context(), { endpointName: 'fraud', variants: ['blue'], start, end, periodSeconds: 60 })
    ).rejects.toThrow('GetMetricData on endpoint "fraud" (blue) failed: AccessDenied: not authorized')
  })

  it('treats a query answered Forbidden as a failure, not as no traffic', async () => {
    aws.cloudwatch.on(GetMetricDataCommand).resolves({
      MetricDataResults: [
        { Id: 'v0_invocations', StatusCode: 'Forbidden', Messages: [{ Code: 'Forbidden', Value: 'denied' }] }
      ]
    })

    await expect(
      fetchVariantMetrics(context(), { endpointName: 'fraud', variants: ['blue'], start, end, periodSeconds: 60 })
    ).rejects.toThrow('GetMetricData on endpoint "fraud" (blue) failed: Forbidden: denied')
  })
})

describe('fetchVariantMetrics on an asynchronous endpoint', () => {
  beforeEach(() => resetAws())
  const asynchronous = { asynchronous: true, periodSeconds: 60 }

  it('reads what AWS publishes for it, never Invocations: InvocationsProcessed in both spellings and InvocationFailures', async () => {
    aws.cloudwatch.on(GetMetricDataCommand).resolves({ MetricDataResults: [] })

    await fetchVariantMetrics(context(), {
      endpointName: 'fraud',
      variants: ['blue'],
      start,
      end,
      periodSeconds: 60,
      source: asynchronous,
      windowP99: true
    })

    const queries = aws.cloudwatch.commandCalls(GetMetricDataCommand)[0]?.args[0].input.MetricDataQueries ?? []
    expect(queries.map((query) => [query.Id, query.MetricStat?.Metric?.MetricName, query.MetricStat?.Stat])).toEqual([
      ['v0_invocations', 'InvocationsProcesssed', 'Sum'],
      ['v0_invocations_alt', 'InvocationsProcessed', 'Sum'],
      ['v0_errors4xx', 'Invocation4XXErrors', 'Sum'],
      ['v0_errors5xx', 'Invocation5XXErrors', 'Sum'],
      ['v0_failures', 'InvocationFailures', 'Sum'],
      ['v0_latency_avg', 'ModelLatency', 'Average'],
      ['v0_latency_p99', 'ModelLatency', 'p99'],
      ['v0_latency_p99_window', 'ModelLatency', 'p99']
    ])
    for (const name of ['Invocations', 'InvocationsPerInstance', 'OverheadLatency']) {
      expect(queries.map((query) => query.MetricStat?.Metric?.MetricName)).not.toContain(name)
    }
  })

  it('counts the requests under whichever spelling is published, and rates failures over them', async () => {
    aws.cloudwatch.on(GetMetricDataCommand).resolves({
      MetricDataResults: [
        // AWS's page spells it with three s; a minute published under the other spelling counts all the same.
        series('v0_invocations', [[T0, 40]]),
        series('v0_invocations_alt', [[T1, 60]]),
        series('v0_errors5xx', [[T1, 1]]),
        series('v0_failures', [
          [T0, 2],
          [T1, 3]
        ])
      ]
    })

    const result = await fetchVariantMetrics(context(), {
      endpointName: 'fraud',
      variants: ['blue'],
      start,
      end,
      periodSeconds: 60,
      source: asynchronous
    })

    expect(variantMetrics(result, 'blue')).toEqual({
      variant: 'blue',
      invocations: 100,
      errors4xx: 0,
      errors5xx: 1,
      failures: 5,
      // Failures for any reason, not only the model's 5XX answers.
      errorRate: 0.05
    })
    expect(result.variants[0]?.series.map((point) => [point.invocations, point.failures, point.errorRate])).toEqual([
      [40, 2, 0.05],
      [60, 3, 0.05]
    ])
  })

  it('counts a period published under both spellings once', async () => {
    aws.cloudwatch.on(GetMetricDataCommand).resolves({
      MetricDataResults: [series('v0_invocations', [[T0, 40]]), series('v0_invocations_alt', [[T0, 40]])]
    })

    const result = await fetchVariantMetrics(context(), {
      endpointName: 'fraud',
      variants: ['blue'],
      start,
      end,
      periodSeconds: 60,
      source: asynchronous
    })

    expect(variantMetrics(result, 'blue').invocations).toBe(40)
  })
})

describe('errorRate', () => {
  it('is 5XX errors over invocations, and undefined with no requests', () => {
    expect(errorRate(200, 5)).toBe(0.025)
    expect(errorRate(200, 0)).toBe(0)
    expect(errorRate(0, 0)).toBeUndefined()
  })

  it('stays within 0 to 1 where a period counts more errors than invocations', () => {
    expect(errorRate(0, 3)).toBe(1)
    expect(errorRate(2, 4)).toBe(1)
  })
})

describe('windows', () => {
  it('makes one period cover a gate evaluation window', () => {
    expect(windowPeriodSeconds(new Date('2026-01-15T12:00:00Z'), new Date('2026-01-15T12:05:00Z'))).toBe(300)
    // CloudWatch moves a start of 12:32:34 back to 12:32:00, so the period must reach 12:37:34 from there.
    expect(windowPeriodSeconds(new Date('2026-01-15T12:32:34Z'), new Date('2026-01-15T12:37:34Z'))).toBe(360)
    expect(windowPeriodSeconds(new Date('2026-01-15T12:00:00Z'), new Date('2026-01-15T12:00:05Z'))).toBe(60)
    expect(windowPeriodSeconds(new Date('2026-01-15T12:00:00Z'), new Date('2026-01-15T12:00:00Z'))).toBe(60)
  })

  it('widens a monitor window to whole periods, the current one included', () => {
    const now = Date.parse('2026-01-15T12:00:30Z')
    expect(alignedWindow(now, 15 * 60_000, 60)).toEqual({
      start: new Date('2026-01-15T11:45:00Z'),
      end: new Date('2026-01-15T12:01:00Z')
    })
    expect(alignedWindow(Date.parse('2026-01-15T12:00:00Z'), 15 * 60_000, 300)).toEqual({
      start: new Date('2026-01-15T11:45:00Z'),
      end: new Date('2026-01-15T12:00:00Z')
    })
  })
})
