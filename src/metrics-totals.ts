/**
 * A variant's periods as CloudWatch returned them, added up into the totals
 * a report shows: counts summed, the average weighted by invocations, and
 * the error rate over the requests counted (invocation-metrics.ts).
 */
import type { VariantMetrics } from './report.js'

/** ModelLatency is published in microseconds; everything the action reports is milliseconds. */
export const MICROSECONDS_PER_MS = 1000

/** One period of one variant; `timestamp` is the period's start (ISO 8601). */
export type MetricsDatapoint = Omit<VariantMetrics, 'variant'> & { timestamp: string }

/** A variant's totals over the whole window, with the periods they add up from. */
export interface VariantMetricsSeries extends VariantMetrics {
  /** Periods that had any datapoint, oldest first. */
  series: MetricsDatapoint[]
}

export interface RawSeries {
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

export function summarise(variant: string, raw: RawSeries): VariantMetricsSeries {
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
