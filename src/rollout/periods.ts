/**
 * The periods of CloudWatch data the gates judge: a minute, or what the
 * endpoint's MetricsConfig makes it publish (invocation-metrics.ts), counted
 * from the epoch as CloudWatch aligns them, and each variant's figures in them.
 */
import type { MetricsSource } from '../invocation-metrics.js'
import type { VariantMetricsResult } from '../metrics.js'
import { countedErrors } from '../metrics-totals.js'

export const MINUTE_MS = 60_000

/** The start of the period `ms` falls in, periods of `periodMs` counted from the epoch as CloudWatch aligns them. */
export function floorPeriod(ms: number, periodMs: number): number {
  return Math.floor(ms / periodMs) * periodMs
}

export function ceilPeriod(ms: number, periodMs: number): number {
  return Math.ceil(ms / periodMs) * periodMs
}

/** How long one of the source's published datapoints is, in milliseconds. */
export function periodMsOf(source: MetricsSource): number {
  return source.periodSeconds * 1000
}

/** One period as CloudWatch published it, for one variant or the serving variants together. */
export interface PeriodFigures {
  /** The period's start, epoch milliseconds. */
  start: number
  invocations: number
  /** What the error rate counts: 5XX errors and unanswered requests, or an asynchronous endpoint's failures. */
  errors: number
  /** Of `errors`, the requests a real-time model never answered (metrics.ts). */
  unanswered: number
  latencyP99Ms?: number
}

/** A variant's published periods, or several variants' summed period by period (the serving variants as one baseline). */
export function periodsOf(result: VariantMetricsResult, variants: string[]): PeriodFigures[] {
  const byStart = new Map<number, PeriodFigures & { weightedP99: number; p99Weight: number; p99Missing: boolean }>()
  for (const entry of result.variants.filter((candidate) => variants.includes(candidate.variant))) {
    for (const point of entry.series) {
      if (point.invocations <= 0) continue
      const start = new Date(point.timestamp).getTime()
      const figures = byStart.get(start) ?? {
        start,
        invocations: 0,
        errors: 0,
        unanswered: 0,
        weightedP99: 0,
        p99Weight: 0,
        p99Missing: false
      }
      figures.invocations += point.invocations
      figures.errors += countedErrors(point)
      figures.unanswered += point.unanswered ?? 0
      if (point.latencyP99Ms === undefined) figures.p99Missing = true
      else {
        // Several serving variants: their p99s weighted by traffic, an approximation of the pooled p99.
        figures.weightedP99 += point.latencyP99Ms * point.invocations
        figures.p99Weight += point.invocations
      }
      byStart.set(start, figures)
    }
  }
  return [...byStart.values()]
    .sort((a, b) => a.start - b.start)
    .map(({ weightedP99, p99Weight, p99Missing, ...figures }) =>
      p99Missing || p99Weight === 0 ? figures : { ...figures, latencyP99Ms: weightedP99 / p99Weight }
    )
}

export function totalOf(periods: PeriodFigures[]): { invocations: number; errors: number; unanswered: number } {
  return periods.reduce(
    (sum, figures) => ({
      invocations: sum.invocations + figures.invocations,
      errors: sum.errors + figures.errors,
      unanswered: sum.unanswered + figures.unanswered
    }),
    { invocations: 0, errors: 0, unanswered: 0 }
  )
}

/** HH:MM in UTC as CloudWatch shows it; HH:MM:SS where periods are shorter than a minute, or `ms` falls within one. */
export function clockTime(ms: number, periodMs = MINUTE_MS): string {
  const seconds = periodMs % MINUTE_MS !== 0 || ms % MINUTE_MS !== 0
  return new Date(ms).toISOString().slice(11, seconds ? 19 : 16)
}
