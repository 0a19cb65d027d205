/**
 * Health gates, judged on evidence. SageMaker publishes a variant's metrics as
 * one-minute datapoints that appear only after the minute has closed, one to
 * three minutes late, and a variant that takes no traffic publishes nothing
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/monitoring-cloudwatch.html).
 * So a window that ends "now" is mostly empty, and empty is not healthy: an
 * evaluation judges only closed minutes that CloudWatch has published, and
 * when there are none, or too few invocations to decide, it is inconclusive,
 * never passed.
 *
 * One evaluation makes at most one DescribeAlarms call and one GetMetricData
 * call, whatever the gates, so a long bake stays cheap and clear of throttling.
 */
import type { OperationContext } from '../context.js'
import { describeAlarmStates, fetchVariantMetrics, type Fleet, type VariantMetricsResult } from '../metrics.js'
import { sendProbes } from '../probes.js'
import type { BaselineFigures, ComparisonRecord, GateEvaluation } from '../report.js'
import type { GateSettings } from '../settings.js'
import { compareErrorRates, compareLatency, normalQuantile, wilsonInterval } from './statistics.js'

export const MINUTE_MS = 60_000

export function floorMinute(ms: number): number {
  return Math.floor(ms / MINUTE_MS) * MINUTE_MS
}

export function ceilMinute(ms: number): number {
  return Math.ceil(ms / MINUTE_MS) * MINUTE_MS
}

export function hasGates(gates: GateSettings): boolean {
  return gates.alarmNames.length > 0 || gates.probe !== undefined || hasMetricGates(gates)
}

function hasMetricGates(gates: GateSettings): boolean {
  return (
    gates.maxErrorRate !== undefined ||
    gates.maxLatencyP99Ms !== undefined ||
    gates.minInvocations > 0 ||
    hasBaselineGates(gates)
  )
}

function hasBaselineGates(gates: GateSettings): boolean {
  return gates.maxErrorRateIncrease !== undefined || gates.maxLatencyP99Increase !== undefined
}

/**
 * Gates that say nothing unless the new variant took traffic: the metric
 * gates, and alarms too, since an alarm stays OK on a variant nobody calls.
 * Probes are traffic of their own.
 */
export function needsTraffic(gates: GateSettings): boolean {
  return gates.alarmNames.length > 0 || hasMetricGates(gates)
}

/** The gates and their thresholds in words, for the summary and the dry-run plan. */
export function describeGates(gates: GateSettings): string[] {
  const percent = (fraction: number): string => `${+(fraction * 100).toFixed(3)}%`
  const lines: string[] = []
  if (gates.alarmNames.length > 0) lines.push(`alarm-names: ${gates.alarmNames.join(', ')} must not be in ALARM`)
  if (gates.maxErrorRate !== undefined) lines.push(`max-error-rate: 5XX rate at most ${percent(gates.maxErrorRate)}`)
  if (gates.maxLatencyP99Ms !== undefined) lines.push(`max-latency-p99: p99 at most ${gates.maxLatencyP99Ms} ms`)
  if (gates.minInvocations > 0) {
    lines.push(`min-invocations: at least ${gates.minInvocations} invocations before a window is judged`)
  }
  if (gates.maxErrorRateIncrease !== undefined) {
    lines.push(
      `max-error-rate-increase: 5XX rate at most ${percent(gates.maxErrorRateIncrease)} points above the serving variants' (at ${percent(gates.confidence)} confidence)`
    )
  }
  if (gates.maxLatencyP99Increase !== undefined) {
    lines.push(
      `max-latency-p99-increase: p99 at most ${percent(gates.maxLatencyP99Increase)} above the serving variants' (at ${percent(gates.confidence)} confidence)`
    )
  }
  if (gates.probe) lines.push(`probes: ${gates.probe.count} to the new variant at every evaluation, all must succeed`)
  return lines
}

/** One minute as CloudWatch published it, for one variant or the serving variants together. */
export interface MinuteFigures {
  /** The minute's start, epoch milliseconds. */
  minute: number
  invocations: number
  errors5xx: number
  latencyP99Ms?: number
}

export interface StepScope {
  newVariant: string
  /** The serving variants, the baseline the new one is compared with. */
  baselineVariants: string[]
  /** The first minute (on a minute boundary) whose data belongs to the step. */
  firstMinute: number
  /** Whether the serving variants take traffic in this step (not at 100%): then they are compared minute for minute. */
  baselineServes: boolean
  /** Baseline minutes seen before this step: what a step whose serving variants take no traffic is compared with. */
  earlierBaseline: MinuteFigures[]
  /** Where the new variant and the baseline are fleets of one variant (a SageMaker deployment): which is which. */
  fleets?: Record<string, Fleet>
}

/**
 * Judges one step, evaluation after evaluation. Each evaluation judges the
 * minutes published since the last conclusive one; a window with too few
 * invocations stays open and grows until it can be judged. The baseline
 * comparisons use every minute of the step, which only ever adds evidence.
 */
export class StepJudge {
  /** Minutes before this one have been judged. */
  judgedThrough: number
  /** The baseline minutes this step has seen so far, for the steps after it. */
  baselineSeen: MinuteFigures[] = []
  /**
   * Set while the open window's error rate is above max-error-rate on too few
   * requests to decide: a step must not pass on the minutes before it.
   */
  leaningToFailure: string | undefined

  constructor(
    private readonly ctx: OperationContext,
    private readonly gates: GateSettings,
    readonly scope: StepScope
  ) {
    this.judgedThrough = scope.firstMinute
  }

  async evaluate(): Promise<GateEvaluation> {
    const { ctx, gates, scope } = this
    const evaluation: GateEvaluation = {
      at: ctx.clock.now(),
      verdict: 'passed',
      failures: [],
      inconclusive: [],
      alarmsInAlarm: []
    }
    if (gates.probe) {
      const probes = await sendProbes(ctx, gates.probe, { targetVariant: scope.newVariant })
      evaluation.probesSent = probes.length
      evaluation.probesPassed = probes.filter((probe) => probe.ok).length
      const failed = probes.find((probe) => !probe.ok)
      if (failed) evaluation.failures.push(`probe to ${scope.newVariant} failed: ${failed.detail}`)
    }
    if (gates.alarmNames.length > 0) {
      const states = await describeAlarmStates(ctx, gates.alarmNames)
      evaluation.alarmsChecked = states.length
      evaluation.alarmsInAlarm = states.filter((alarm) => alarm.state === 'ALARM').map((alarm) => alarm.name)
      if (evaluation.alarmsInAlarm.length > 0) {
        evaluation.failures.push(`alarm ${evaluation.alarmsInAlarm.join(', ')} in ALARM`)
      }
    }
    if (needsTraffic(gates)) await this.judgeMetrics(evaluation)
    evaluation.verdict =
      evaluation.failures.length > 0 ? 'failed' : evaluation.inconclusive.length > 0 ? 'inconclusive' : 'passed'
    return evaluation
  }

  private async judgeMetrics(evaluation: GateEvaluation): Promise<void> {
    const { ctx, gates, scope } = this
    const closedUntil = floorMinute(evaluation.at)
    if (closedUntil <= this.judgedThrough) {
      evaluation.inconclusive.push(
        closedUntil <= scope.firstMinute
          ? `no minute of this step has closed yet (the first closes at ${clockTime(scope.firstMinute + MINUTE_MS)} UTC)`
          : `no minute has closed since ${clockTime(this.judgedThrough)} UTC, the last one judged`
      )
      return
    }
    const result = await fetchVariantMetrics(ctx, {
      endpointName: ctx.endpointName,
      variants: [scope.newVariant, ...scope.baselineVariants],
      start: new Date(scope.firstMinute),
      end: new Date(closedUntil),
      periodSeconds: 60,
      ...(scope.fleets ? { fleets: scope.fleets } : {})
    })
    const newMinutes = minutesOf(result, [scope.newVariant])
    const baselineMinutes = minutesOf(result, scope.baselineVariants)
    this.baselineSeen = baselineMinutes
    const fresh = newMinutes.filter((minute) => minute.minute >= this.judgedThrough)
    if (fresh.length === 0) {
      evaluation.inconclusive.push(this.waitingReason(baselineMinutes, closedUntil))
      return
    }
    const from = this.judgedThrough
    const to = Math.max(...fresh.map((minute) => minute.minute)) + MINUTE_MS
    evaluation.window = { from, to }
    const totals = total(fresh)
    evaluation.invocations = totals.invocations
    if (totals.invocations > 0) evaluation.errorRate = totals.errors5xx / totals.invocations
    const p99s = fresh.map((minute) => minute.latencyP99Ms)
    // A p99 cannot be pooled across minutes: the worst minute's is the honest bound.
    if (p99s.every((value) => value !== undefined)) evaluation.latencyP99Ms = Math.max(...(p99s as number[]))

    const span = `${clockTime(from)}–${clockTime(to)} UTC`
    const errorRate = this.judgeErrorRate(evaluation, totals, span)
    let conclusive = errorRate !== 'undecided'
    if (totals.invocations < Math.max(1, gates.minInvocations)) {
      if (errorRate === 'within') {
        conclusive = false
        evaluation.inconclusive.push(
          `${totals.invocations} invocations of ${scope.newVariant} in ${span}, fewer than min-invocations ${gates.minInvocations}: too few to decide`
        )
      }
    } else if (gates.maxLatencyP99Ms !== undefined) {
      if (evaluation.latencyP99Ms === undefined) {
        conclusive = false
        evaluation.inconclusive.push(`CloudWatch has no p99 ModelLatency for ${span} although there were invocations`)
      } else if (evaluation.latencyP99Ms > gates.maxLatencyP99Ms) {
        evaluation.failures.push(
          `p99 latency ${Math.round(evaluation.latencyP99Ms)} ms in ${span} above max-latency-p99 ${gates.maxLatencyP99Ms} ms`
        )
      }
    }
    if (hasBaselineGates(gates)) this.compareWithBaseline(evaluation, newMinutes, baselineMinutes)
    if (conclusive) this.judgedThrough = to
  }

  /**
   * max-error-rate on the window's requests. A rate measured above the limit
   * fails only when the evidence says so: when even the lower bound of its
   * Wilson interval, one-sided at `confidence`, is above the limit. A step's
   * first minute is partial, and a healthy model's one error in a dozen
   * requests is 8%; called a failure, it rolled back healthy canaries (1 to 3
   * runs in 10 in the benchmark). So that window is undecided: it stays open
   * and grows with the next minutes until the rate falls within the limit or
   * the bound rises above it. No count of requests is too few to call a model
   * broken, so a clear failure never waits for min-invocations.
   */
  private judgeErrorRate(
    evaluation: GateEvaluation,
    totals: { invocations: number; errors5xx: number },
    span: string
  ): 'within' | 'failed' | 'undecided' {
    const { gates } = this
    const rate = evaluation.errorRate
    this.leaningToFailure = undefined
    if (gates.maxErrorRate === undefined || rate === undefined || rate <= gates.maxErrorRate) return 'within'
    const [lower] = wilsonInterval(totals.errors5xx, totals.invocations, normalQuantile(gates.confidence))
    const measured = `error rate ${formatPercent(rate)} (${totals.errors5xx} 5XX of ${totals.invocations}) in ${span}`
    const bound = `the ${formatPercent(gates.confidence)} lower bound, ${formatPercent(lower)}`
    if (lower > gates.maxErrorRate) {
      evaluation.failures.push(
        `${measured} above max-error-rate ${formatPercent(gates.maxErrorRate)}, and so is ${bound}`
      )
      return 'failed'
    }
    this.leaningToFailure = `${measured} is above max-error-rate ${formatPercent(gates.maxErrorRate)}, but ${bound}, is not: too few invocations to decide`
    evaluation.inconclusive.push(`${this.leaningToFailure}; the window stays open for the next minutes`)
    return 'undecided'
  }

  /** Why there is nothing new to judge: not published yet, or published without traffic to the new variant. */
  private waitingReason(baselineMinutes: MinuteFigures[], closedUntil: number): string {
    const { scope } = this
    const published = baselineMinutes.filter((minute) => minute.minute >= this.judgedThrough)
    if (published.length > 0) {
      const last = Math.max(...published.map((minute) => minute.minute)) + MINUTE_MS
      return `no invocations of ${scope.newVariant} in ${clockTime(this.judgedThrough)}–${clockTime(last)} UTC, which CloudWatch has published for the serving variants`
    }
    return `waiting for CloudWatch: ${clockTime(this.judgedThrough)}–${clockTime(closedUntil)} UTC has closed but is not published yet (SageMaker publishes a minute one to three minutes after it closes)`
  }

  /**
   * The new variant against the serving variants over the same minutes, or,
   * when the serving variants take no traffic (the last step), against their
   * minutes from the earlier steps.
   */
  private compareWithBaseline(
    evaluation: GateEvaluation,
    newMinutes: MinuteFigures[],
    baselineMinutes: MinuteFigures[]
  ): void {
    const { gates, scope } = this
    const serving = new Map(baselineMinutes.filter((minute) => minute.invocations > 0).map((m) => [m.minute, m]))
    const sameMinutes = scope.baselineServes
    const compared = sameMinutes ? newMinutes.filter((minute) => serving.has(minute.minute)) : newMinutes
    const baseline = sameMinutes
      ? compared.map((minute) => serving.get(minute.minute) as MinuteFigures)
      : [...scope.earlierBaseline, ...serving.values()].filter((minute) => minute.invocations > 0)
    const against = sameMinutes
      ? 'over the same minutes'
      : 'from the earlier steps (the serving variants take no traffic now)'
    const newTotals = total(compared)
    const baseTotals = total(baseline)
    const figures: BaselineFigures = { invocations: baseTotals.invocations }
    if (baseTotals.invocations > 0) figures.errorRate = baseTotals.errors5xx / baseTotals.invocations
    const baselineP99s = baseline.flatMap((minute) => (minute.latencyP99Ms === undefined ? [] : [minute.latencyP99Ms]))
    if (baselineP99s.length > 0) figures.latencyP99Ms = Math.max(...baselineP99s)
    evaluation.baseline = figures
    const comparisons: ComparisonRecord[] = []
    const confidence = formatPercent(gates.confidence)
    if (gates.maxErrorRateIncrease !== undefined) {
      const test = compareErrorRates({
        newErrors: newTotals.errors5xx,
        newRequests: newTotals.invocations,
        baselineErrors: baseTotals.errors5xx,
        baselineRequests: baseTotals.invocations,
        margin: gates.maxErrorRateIncrease,
        confidence: gates.confidence
      })
      const points = (value: number): string => `${(value * 100).toFixed(2)} pp`
      const detail =
        newTotals.invocations === 0 || baseTotals.invocations === 0
          ? `no minutes with traffic to both ${scope.newVariant} and the baseline ${against}`
          : `${scope.newVariant} ${formatPercent(test.newRate)} (${newTotals.errors5xx} of ${newTotals.invocations}) vs baseline ${formatPercent(test.baselineRate)} (${baseTotals.errors5xx} of ${baseTotals.invocations}) ${against}: the increase is between ${points(test.lower)} and ${points(test.upper)} at ${confidence} confidence, margin ${points(gates.maxErrorRateIncrease)}`
      comparisons.push({ gate: 'max-error-rate-increase', verdict: test.verdict, detail })
    }
    if (gates.maxLatencyP99Increase !== undefined) {
      const newP99s = compared.flatMap((minute) => (minute.latencyP99Ms === undefined ? [] : [minute.latencyP99Ms]))
      const test = compareLatency({
        newP99Ms: newP99s,
        baselineP99Ms: baselineP99s,
        margin: gates.maxLatencyP99Increase,
        confidence: gates.confidence
      })
      const detail =
        newP99s.length === 0 || baselineP99s.length === 0
          ? `no minutes with a p99 for both ${scope.newVariant} and the baseline ${against}`
          : `${scope.newVariant} p99 median ${Math.round(test.newMedianMs)} ms over ${newP99s.length} minutes vs baseline ${Math.round(test.baselineMedianMs)} ms over ${baselineP99s.length} ${against} (Mann-Whitney, margin +${formatPercent(gates.maxLatencyP99Increase)}: p = ${test.pWorse.toFixed(3)} that it is worse, p = ${test.pWithin.toFixed(3)} that it is within)`
      comparisons.push({ gate: 'max-latency-p99-increase', verdict: test.verdict, detail })
    }
    evaluation.comparisons = comparisons
    for (const comparison of comparisons) {
      if (comparison.verdict === 'failed') evaluation.failures.push(`${comparison.gate}: ${comparison.detail}`)
      if (comparison.verdict === 'inconclusive') {
        evaluation.inconclusive.push(`${comparison.gate} cannot tell yet: ${comparison.detail}`)
      }
    }
  }
}

/** A variant's published minutes, or several variants' summed minute by minute (the serving variants as one baseline). */
export function minutesOf(result: VariantMetricsResult, variants: string[]): MinuteFigures[] {
  const byMinute = new Map<number, MinuteFigures & { weightedP99: number; p99Weight: number; p99Missing: boolean }>()
  for (const entry of result.variants.filter((candidate) => variants.includes(candidate.variant))) {
    for (const point of entry.series) {
      if (point.invocations <= 0) continue
      const minute = new Date(point.timestamp).getTime()
      const figures = byMinute.get(minute) ?? {
        minute,
        invocations: 0,
        errors5xx: 0,
        weightedP99: 0,
        p99Weight: 0,
        p99Missing: false
      }
      figures.invocations += point.invocations
      figures.errors5xx += point.errors5xx
      if (point.latencyP99Ms === undefined) figures.p99Missing = true
      else {
        // Several serving variants: their p99s weighted by traffic, an approximation of the pooled p99.
        figures.weightedP99 += point.latencyP99Ms * point.invocations
        figures.p99Weight += point.invocations
      }
      byMinute.set(minute, figures)
    }
  }
  return [...byMinute.values()]
    .sort((a, b) => a.minute - b.minute)
    .map(({ weightedP99, p99Weight, p99Missing, ...figures }) =>
      p99Missing || p99Weight === 0 ? figures : { ...figures, latencyP99Ms: weightedP99 / p99Weight }
    )
}

function total(minutes: MinuteFigures[]): { invocations: number; errors5xx: number } {
  return minutes.reduce(
    (sum, minute) => ({
      invocations: sum.invocations + minute.invocations,
      errors5xx: sum.errors5xx + minute.errors5xx
    }),
    { invocations: 0, errors5xx: 0 }
  )
}

/** HH:MM of a minute, in UTC as CloudWatch shows it. */
export function clockTime(ms: number): string {
  return new Date(ms).toISOString().slice(11, 16)
}

export function formatPercent(fraction: number): string {
  return `${(fraction * 100).toFixed(2)}%`
}
