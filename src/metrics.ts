/**
 * SageMaker's per-variant CloudWatch metrics, read with one GetMetricData call.
 *
 * Two callers, two shapes of window:
 * - monitor reads a long window in short periods (`alignedWindow`), for a
 *   table of totals and a per-period series;
 * - the rollout engine judges a gate over one evaluation window, so it asks
 *   for a single period that covers the whole window:
 *
 *     const periodSeconds = windowPeriodSeconds(start, end)
 *     const result = await fetchVariantMetrics(ctx, { endpointName, variants: [newVariant], start, end, periodSeconds })
 *     const { invocations, errorRate, latencyP99Ms } = variantMetrics(result, newVariant)
 *
 * A p99 cannot be summed across periods, so with one period the gate's p99 is
 * the window's own p99 rather than the worst of several partial ones.
 *
 * Which metrics are read depends on the endpoint (invocation-metrics.ts): an
 * asynchronous one publishes no Invocations, so its requests are counted by
 * InvocationsProcessed and its errors by InvocationFailures.
 */
import { GetMetricDataCommand, type MetricDataQuery, type MetricDataResult } from '@aws-sdk/client-cloudwatch'
import { AwsCallError, collectPages } from './aws/errors.js'
import type { OperationContext } from './context.js'
import {
  errorMetricName,
  MODEL_ERRORS_METRIC,
  REAL_TIME_MINUTES,
  requestMetricNames,
  type MetricsSource
} from './invocation-metrics.js'
import { servedSince } from './metric-retention.js'
import type { VariantMetrics } from './report.js'

const NAMESPACE = 'AWS/SageMaker'
const MINUTE_MS = 60_000
/** ModelLatency is published in microseconds; everything the action reports is milliseconds. */
const MICROSECONDS_PER_MS = 1000
/** GetMetricData takes at most 500 queries in one request. */
const MAX_QUERIES = 500
/** Periods CloudWatch takes below a minute, for high-resolution metrics (API_GetMetricData). */
const HIGH_RESOLUTION_PERIODS = [1, 5, 10, 20, 30]

/** The statistics read for each variant: the query Id's suffix, the metric and the statistic. */
type StatisticKey =
  | 'invocations'
  | 'invocations_alt'
  | 'errors4xx'
  | 'errors5xx'
  | 'model_errors'
  | 'failures'
  | 'latency_avg'
  | 'latency_p99'
interface Statistic {
  key: StatisticKey
  metric: string
  stat: string
}

/** What is read of each variant: the counts, errors and ModelLatency the endpoint publishes. */
export function statisticsFor(source: MetricsSource): Statistic[] {
  const [requests, alternative] = requestMetricNames(source) as [string, string | undefined]
  return [
    { key: 'invocations', metric: requests, stat: 'Sum' },
    ...(alternative ? [{ key: 'invocations_alt' as const, metric: alternative, stat: 'Sum' }] : []),
    { key: 'errors4xx', metric: 'Invocation4XXErrors', stat: 'Sum' },
    { key: 'errors5xx', metric: 'Invocation5XXErrors', stat: 'Sum' },
    ...(source.asynchronous
      ? [{ key: 'failures' as const, metric: errorMetricName(source), stat: 'Sum' }]
      : [{ key: 'model_errors' as const, metric: MODEL_ERRORS_METRIC, stat: 'Sum' }]),
    { key: 'latency_avg', metric: 'ModelLatency', stat: 'Average' },
    { key: 'latency_p99', metric: 'ModelLatency', stat: 'p99' }
  ]
}

export interface MetricsRequest {
  endpointName: string
  variants: string[]
  start: Date
  end: Date
  /** A whole number of the source's periods, in seconds. */
  periodSeconds: number
  /** What the endpoint publishes and how often; a real-time endpoint's minutes when left out. */
  source?: MetricsSource
  /**
   * Series that are one fleet of a variant during a SageMaker deployment,
   * by their name in `variants`: both fleets carry the same VariantName, and
   * SageMaker tells them apart by the EndpointConfigName dimension
   * (https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-configuration.html).
   */
  fleets?: Record<string, Fleet>
}

/**
 * One fleet of a variant (the variant's name and the config the fleet runs),
 * or an inference component, whose metrics SageMaker publishes under the
 * InferenceComponentName dimension alone
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/monitoring-cloudwatch.html).
 */
export type Fleet = { variant: string; config: string } | { component: string }

/** One period of one variant; `timestamp` is the period's start (ISO 8601). */
export type MetricsDatapoint = Omit<VariantMetrics, 'variant'> & { timestamp: string }

/** A variant's totals over the whole window, with the periods they add up from. */
export interface VariantMetricsSeries extends VariantMetrics {
  /** Periods that had any datapoint, oldest first. */
  series: MetricsDatapoint[]
}

export interface VariantMetricsResult {
  start: Date
  end: Date
  periodSeconds: number
  /** One entry for every variant asked for, in the order asked. */
  variants: VariantMetricsSeries[]
}

/**
 * A window of `windowMs` ending now, widened to whole periods: the current,
 * still-filling period is included, so a run right after traffic sees it.
 */
export function alignedWindow(nowMs: number, windowMs: number, periodSeconds: number): { start: Date; end: Date } {
  const periodMs = periodSeconds * 1000
  const end = Math.ceil(nowMs / periodMs) * periodMs
  const start = Math.floor((nowMs - windowMs) / periodMs) * periodMs
  return { start: new Date(start), end: new Date(end) }
}

/**
 * The period (seconds, a multiple of 60) that makes [start, end) a single
 * datapoint. CloudWatch rounds a recent StartTime down to the minute, so the
 * period is measured from there, or the window's tail would spill into a
 * second period.
 */
export function windowPeriodSeconds(start: Date, end: Date): number {
  const roundedStart = Math.floor(start.getTime() / MINUTE_MS) * MINUTE_MS
  const minutes = Math.ceil((end.getTime() - roundedStart) / MINUTE_MS)
  return Math.max(1, minutes) * 60
}

function queryId(variantIndex: number, key: StatisticKey): string {
  return `v${variantIndex}_${key}`
}

/** The queries for one request: a handful a variant, Ids indexed because variant names may hold hyphens. */
export function metricQueries(request: MetricsRequest): MetricDataQuery[] {
  const statistics = statisticsFor(request.source ?? REAL_TIME_MINUTES)
  return request.variants.flatMap((variant, index) =>
    statistics.map(({ key, metric, stat }) => ({
      Id: queryId(index, key),
      Label: `${variant} ${metric} ${stat}`,
      MetricStat: {
        Metric: { Namespace: NAMESPACE, MetricName: metric, Dimensions: seriesDimensions(request, variant) },
        Period: request.periodSeconds,
        Stat: stat
      },
      ReturnData: true
    }))
  )
}

function seriesDimensions(request: MetricsRequest, series: string): Array<{ Name: string; Value: string }> {
  const fleet = request.fleets?.[series]
  if (fleet && 'component' in fleet) return [{ Name: 'InferenceComponentName', Value: fleet.component }]
  return [
    { Name: 'EndpointName', Value: request.endpointName },
    { Name: 'VariantName', Value: fleet?.variant ?? series },
    ...(fleet ? [{ Name: 'EndpointConfigName', Value: fleet.config }] : [])
  ]
}

/**
 * A period CloudWatch takes (1, 5, 10, 20, 30 s or a whole number of
 * minutes) that is a whole number of the published datapoints: a shorter one
 * would split a datapoint's requests from its own period, or show periods
 * empty that are not.
 */
function checkPeriod(periodSeconds: number, source: MetricsSource): void {
  const cloudWatchTakes =
    Number.isInteger(periodSeconds) &&
    (HIGH_RESOLUTION_PERIODS.includes(periodSeconds) || (periodSeconds >= 60 && periodSeconds % 60 === 0))
  if (!cloudWatchTakes) {
    throw new Error(`Metrics period must be 1, 5, 10, 20, 30 s or a whole number of minutes; got ${periodSeconds}s.`)
  }
  if (periodSeconds % source.periodSeconds !== 0) {
    throw new Error(
      `Metrics period ${periodSeconds}s is not a whole number of the endpoint's ${source.periodSeconds}s datapoints.`
    )
  }
}

/**
 * Reads every variant's invocations, 4XX and 5XX errors (and, for an
 * asynchronous endpoint, its failures) and ModelLatency (average and p99, in
 * ms) over [start, end). A variant with no traffic gets zero counts and no
 * latency. Pages are followed, though one page (100,800 datapoints) already
 * holds a day of one-minute periods for ten variants.
 */
export async function fetchVariantMetrics(
  ctx: OperationContext,
  request: MetricsRequest
): Promise<VariantMetricsResult> {
  const { endpointName, variants, start, end, periodSeconds } = request
  const source = request.source ?? REAL_TIME_MINUTES
  checkPeriod(periodSeconds, source)
  // CloudWatch answers a read that reaches further back than it serves at this period with no data at all
  // (metric-retention.ts): it starts where the data is still served. What is older has been judged already, or is
  // read in a longer period (a pause judged long after it began: rollout/bake.ts).
  // A window wholly older than that is asked for its last period, which CloudWatch answers with nothing.
  const readFrom = Math.min(Math.max(start.getTime(), servedSince(ctx.clock.now(), periodSeconds)), end.getTime() - 1)
  if (variants.length * statisticsFor(source).length > MAX_QUERIES) {
    throw new Error(`Cannot read metrics of ${variants.length} variants in one request.`)
  }
  const result: VariantMetricsResult = { start, end, periodSeconds, variants: [] }
  if (variants.length === 0) return result

  const queries = metricQueries(request)
  const collected = new Map<string, Map<number, number>>()
  const resource = `endpoint "${endpointName}" (${variants.join(', ')})`
  const results = await collectPages(
    'GetMetricData',
    resource,
    (page) =>
      ctx.clients.cloudwatch.send(
        new GetMetricDataCommand({
          MetricDataQueries: queries,
          StartTime: new Date(readFrom),
          EndTime: end,
          ScanBy: 'TimestampAscending',
          ...page
        })
      ),
    (page) => page.MetricDataResults
  )
  for (const series of results) collect(collected, series, resource)

  result.variants = variants.map((variant, index) => {
    const values = (key: StatisticKey): Map<number, number> => collected.get(queryId(index, key)) ?? new Map()
    return summarise(variant, {
      invocations: larger(values('invocations'), values('invocations_alt')),
      errors4xx: values('errors4xx'),
      errors5xx: values('errors5xx'),
      ...(source.asynchronous ? { failures: values('failures') } : { modelErrors: values('model_errors') }),
      latencyAverage: values('latency_avg'),
      latencyP99: values('latency_p99')
    })
  })
  return result
}

/** The totals of one variant in a result, without the series; zeros for a variant the result does not hold. */
export function variantMetrics(result: VariantMetricsResult, variant: string): VariantMetrics {
  const entry = result.variants.find((candidate) => candidate.variant === variant)
  if (!entry) return { variant, invocations: 0, errors4xx: 0, errors5xx: 0 }
  const { series: _series, ...totals } = entry
  return totals
}

function collect(collected: Map<string, Map<number, number>>, series: MetricDataResult, resource: string): void {
  // Forbidden (no cloudwatch:GetMetricData on the metric) and InternalError
  // come back inside a successful response: counting them as "no traffic"
  // would pass every threshold.
  if (series.StatusCode === 'Forbidden' || series.StatusCode === 'InternalError') {
    const detail = (series.Messages ?? []).map((message) => message.Value ?? message.Code).join('; ')
    throw new AwsCallError(
      'GetMetricData',
      resource,
      series.StatusCode,
      detail || `no data for ${series.Label ?? series.Id}`
    )
  }
  const id = series.Id ?? ''
  const values = collected.get(id) ?? new Map<number, number>()
  collected.set(id, values)
  const timestamps = series.Timestamps ?? []
  timestamps.forEach((timestamp, index) => {
    const value = series.Values?.[index]
    if (value !== undefined && Number.isFinite(value)) values.set(new Date(timestamp).getTime(), value)
  })
}

/** Two series of one count under two names, period by period the larger: only one is published. */
function larger(first: Map<number, number>, second: Map<number, number>): Map<number, number> {
  const merged = new Map(first)
  for (const [at, value] of second) merged.set(at, Math.max(value, merged.get(at) ?? 0))
  return merged
}

interface RawSeries {
  invocations: Map<number, number>
  errors4xx: Map<number, number>
  errors5xx: Map<number, number>
  /** InvocationFailures, for an asynchronous endpoint: what its error rate counts. */
  failures?: Map<number, number>
  /** InvocationModelErrors, for a real-time one: its 4XX and 5XX, and the requests the model never answered. */
  modelErrors?: Map<number, number>
  /** Microseconds. */
  latencyAverage: Map<number, number>
  /** Microseconds. */
  latencyP99: Map<number, number>
}

/**
 * Errors over invocations (5XX errors, or an asynchronous endpoint's
 * failures over the requests it processed). SageMaker counts a failed
 * request among its invocations; the larger of the two as denominator keeps
 * the rate within [0, 1] even where a period's counts disagree.
 */
export function errorRate(invocations: number, errors5xx: number): number | undefined {
  const requests = Math.max(invocations, errors5xx)
  return requests > 0 ? errors5xx / requests : undefined
}

/** The errors a rate counts: an asynchronous endpoint's failures, else its 5XX errors and unanswered requests. */
export function countedErrors(metrics: Pick<VariantMetrics, 'errors5xx' | 'failures' | 'unanswered'>): number {
  return metrics.failures ?? metrics.errors5xx + (metrics.unanswered ?? 0)
}

/**
 * The requests of a period the model never answered with a status (a timeout, a dropped connection, a malformed
 * response): InvocationModelErrors less the 4XX and 5XX it also counts (invocation-metrics.ts).
 */
function unansweredIn(
  modelErrors: number | undefined,
  { invocations, errors4xx, errors5xx }: { invocations: number; errors4xx: number; errors5xx: number }
): number {
  // Never more than the period's requests not otherwise counted: a request's InvocationModelErrors could land in
  // the next period when SageMaker gives up on it, and a rate must stay within [0, 1].
  return Math.max(0, Math.min((modelErrors ?? 0) - errors4xx - errors5xx, invocations - errors5xx))
}

function summarise(variant: string, raw: RawSeries): VariantMetricsSeries {
  const timestamps = [
    ...new Set(Object.values(raw).flatMap((values: Map<number, number> | undefined) => [...(values?.keys() ?? [])]))
  ].sort((a, b) => a - b)
  const series = timestamps.map((timestamp) => {
    const invocations = raw.invocations.get(timestamp) ?? 0
    const errors4xx = raw.errors4xx.get(timestamp) ?? 0
    const errors5xx = raw.errors5xx.get(timestamp) ?? 0
    const unanswered = unansweredIn(raw.modelErrors?.get(timestamp), { invocations, errors4xx, errors5xx })
    const point: MetricsDatapoint = {
      timestamp: new Date(timestamp).toISOString(),
      invocations,
      errors4xx,
      errors5xx,
      // Only where there are some: a variant the model answers every time reads as it always has.
      ...(unanswered > 0 ? { unanswered } : {}),
      ...(raw.failures ? { failures: raw.failures.get(timestamp) ?? 0 } : {})
    }
    const rate = errorRate(point.invocations, countedErrors(point))
    if (rate !== undefined) point.errorRate = rate
    const average = raw.latencyAverage.get(timestamp)
    if (average !== undefined) point.latencyAverageMs = average / MICROSECONDS_PER_MS
    const p99 = raw.latencyP99.get(timestamp)
    if (p99 !== undefined) point.latencyP99Ms = p99 / MICROSECONDS_PER_MS
    return point
  })

  const totals: VariantMetrics = {
    variant,
    invocations: sum(series.map((point) => point.invocations)),
    errors4xx: sum(series.map((point) => point.errors4xx)),
    errors5xx: sum(series.map((point) => point.errors5xx))
  }
  const unanswered = sum(series.map((point) => point.unanswered ?? 0))
  if (unanswered > 0) totals.unanswered = unanswered
  if (raw.failures) totals.failures = sum(series.map((point) => point.failures ?? 0))
  const rate = errorRate(totals.invocations, countedErrors(totals))
  if (rate !== undefined) totals.errorRate = rate
  const average = weightedLatencyAverage(series)
  if (average !== undefined) totals.latencyAverageMs = average
  const p99s = series.flatMap((point) => (point.latencyP99Ms === undefined ? [] : [point.latencyP99Ms]))
  // Percentiles of different periods cannot be combined; the worst period's is the honest bound.
  if (p99s.length > 0) totals.latencyP99Ms = Math.max(...p99s)
  return { ...totals, series }
}

/** Each period's average weighted by its invocations, so a quiet minute does not count as much as a busy one. */
function weightedLatencyAverage(series: MetricsDatapoint[]): number | undefined {
  const withLatency = series.filter((point) => point.latencyAverageMs !== undefined)
  if (withLatency.length === 0) return undefined
  const weight = sum(withLatency.map((point) => point.invocations))
  if (weight === 0) return sum(withLatency.map((point) => point.latencyAverageMs as number)) / withLatency.length
  return sum(withLatency.map((point) => (point.latencyAverageMs as number) * point.invocations)) / weight
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0)
}
