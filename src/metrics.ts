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
import { MICROSECONDS_PER_MS, summarise, type VariantMetricsSeries } from './metrics-totals.js'

const NAMESPACE = 'AWS/SageMaker'
const MINUTE_MS = 60_000
/** GetMetricData takes at most 500 queries in one request. */
const MAX_QUERIES = 500
/**
 * The longest period the window's own p99 is asked for in. AWS documented a day as GetMetricStatistics' longest
 * period and no longer states one for GetMetricData.
 */
const LONGEST_WINDOW_PERIOD_SECONDS = 86_400
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
  | 'latency_p99_window'
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
  /** Also the whole window's own p99 as the totals' p99 (wholeWindowPeriodSeconds), for a report of a long window. */
  windowP99?: boolean
}

/**
 * One fleet of a variant (the variant's name and the config the fleet runs),
 * or an inference component, whose metrics SageMaker publishes under the
 * InferenceComponentName dimension alone
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/monitoring-cloudwatch.html).
 */
export type Fleet = { variant: string; config: string } | { component: string }

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

/**
 * The window as one period, when it spans several: a p99 cannot be combined across periods, and the worst period's
 * overstates the window's. A period of a hundred requests or fewer has for p99 about its slowest request
 * ("CloudWatch aggregates all data points with time stamps that fall within each … period":
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html), so one cold start in a
 * quiet minute would stand for the window. A window widened past a day (a day's, to whole periods) is read in its
 * first day, the longest period asked for; its last period's p99 is in the series. Undefined when the window is one
 * period already.
 */
export function wholeWindowPeriodSeconds(
  request: Pick<MetricsRequest, 'start' | 'end' | 'periodSeconds'>
): number | undefined {
  const span = (request.end.getTime() - request.start.getTime()) / 1000
  if (span <= request.periodSeconds) return undefined
  const seconds = Math.min(span, LONGEST_WINDOW_PERIOD_SECONDS)
  // A whole number of minutes, as CloudWatch takes a period of a minute or more, and of the window's periods.
  return seconds % 60 === 0 && seconds % request.periodSeconds === 0 ? seconds : undefined
}

/** The queries for one request: a handful a variant, Ids indexed because variant names may hold hyphens. */
export function metricQueries(request: MetricsRequest): MetricDataQuery[] {
  const windowPeriod = request.windowP99 ? wholeWindowPeriodSeconds(request) : undefined
  const statistics: Array<Statistic & { period?: number }> = [
    ...statisticsFor(request.source ?? REAL_TIME_MINUTES),
    ...(windowPeriod
      ? [{ key: 'latency_p99_window' as const, metric: 'ModelLatency', stat: 'p99', period: windowPeriod }]
      : [])
  ]
  return request.variants.flatMap((variant, index) =>
    statistics.map(({ key, metric, stat, period }) => ({
      Id: queryId(index, key),
      Label: `${variant} ${metric} ${stat}${period ? ' over the window' : ''}`,
      MetricStat: {
        Metric: { Namespace: NAMESPACE, MetricName: metric, Dimensions: seriesDimensions(request, variant) },
        Period: period ?? request.periodSeconds,
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
  const queries = metricQueries(request)
  if (queries.length > MAX_QUERIES) {
    throw new Error(`Cannot read metrics of ${variants.length} variants in one request.`)
  }
  const result: VariantMetricsResult = { start, end, periodSeconds, variants: [] }
  if (variants.length === 0) return result

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
    const series = summarise(variant, {
      invocations: larger(values('invocations'), values('invocations_alt')),
      errors4xx: values('errors4xx'),
      errors5xx: values('errors5xx'),
      ...(source.asynchronous ? { failures: values('failures') } : { modelErrors: values('model_errors') }),
      latencyAverage: values('latency_avg'),
      latencyP99: values('latency_p99')
    })
    // The window's own p99 where CloudWatch served one; else the worst period's stands, which overstates it.
    const [windowP99] = values('latency_p99_window').values()
    if (windowP99 !== undefined && series.latencyP99Ms !== undefined)
      series.latencyP99Ms = windowP99 / MICROSECONDS_PER_MS
    return series
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
