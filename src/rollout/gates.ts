/**
 * Health gates, judged on evidence. SageMaker publishes a variant's metrics as
 * one-minute datapoints that appear only after the minute has closed, one to
 * three minutes late, and a variant that takes no traffic publishes nothing
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/monitoring-cloudwatch.html).
 * So a window that ends "now" is mostly empty, and empty is not healthy: an
 * evaluation judges only closed periods that CloudWatch has published, and
 * when there are none, or too few invocations to decide, it is inconclusive,
 * never passed.
 *
 * A period is a minute unless the endpoint publishes otherwise: enhanced
 * metrics at MetricsConfig's frequency, 10 s to 5 minutes. An asynchronous
 * endpoint is judged on what it publishes: the requests it processed and
 * those that failed (invocation-metrics.ts).
 *
 * One evaluation makes at most one DescribeAlarms call and one GetMetricData
 * call, whatever the gates, so a long bake stays cheap and clear of throttling.
 */
import type { OperationContext } from '../context.js'
import { errorRateWords, errorsOf, periodWords, REAL_TIME_MINUTES, type MetricsSource } from '../invocation-metrics.js'
import { describeAlarmStates } from '../alarms.js'
import { fetchVariantMetrics, type Fleet } from '../metrics.js'
import { clockTime, floorPeriod, periodMsOf, periodsOf, totalOf, type PeriodFigures } from './periods.js'
import { sendProbesWithAnswers } from '../probes.js'
import { comparisonWords, judgeAgreement } from './agreement.js'
import type { BaselineFigures, ComparisonRecord, GateEvaluation } from '../report.js'
import type { GateSettings } from '../settings.js'
import { compareErrorRates, compareLatency, normalQuantile, wilsonInterval } from './statistics.js'

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
 * gates, and alarms too, since an alarm on a variant nobody calls has no data
 * (OK if it treats missing data as not breaching, else INSUFFICIENT_DATA).
 * Probes are traffic of their own.
 */
export function needsTraffic(gates: GateSettings): boolean {
  return gates.alarmNames.length > 0 || hasMetricGates(gates)
}

/**
 * The gates of a step at `weight`%. At 0% (a dark step) the new variant
 * serves no user traffic: its metrics stay empty and an alarm on it has no
 * data, so only probes, with their answer checks and their comparison with
 * the serving model's answers, judge it.
 */
export function gatesAtWeight(gates: GateSettings, weight: number): GateSettings {
  if (weight > 0) return gates
  const dark: GateSettings = { alarmNames: [], minInvocations: 0, confidence: gates.confidence }
  return {
    ...dark,
    ...(gates.probe ? { probe: gates.probe } : {}),
    ...(gates.agreement ? { agreement: gates.agreement } : {})
  }
}

/** The gates and their thresholds in words, for the summary and the dry-run plan. */
export function describeGates(gates: GateSettings, source?: MetricsSource): string[] {
  const percent = (fraction: number): string => `${+(fraction * 100).toFixed(3)}%`
  const rate = errorRateWords(source ?? REAL_TIME_MINUTES)
  const lines: string[] = []
  if (gates.alarmNames.length > 0) {
    const alarms = gates.alarmNames.join(', ')
    lines.push(`alarm-names: ${alarms} must not be in ALARM, and must have data (INSUFFICIENT_DATA is no verdict)`)
  }
  if (gates.maxErrorRate !== undefined) lines.push(`max-error-rate: ${rate} at most ${percent(gates.maxErrorRate)}`)
  if (gates.maxLatencyP99Ms !== undefined) lines.push(`max-latency-p99: p99 at most ${gates.maxLatencyP99Ms} ms`)
  if (gates.minInvocations > 0) {
    lines.push(`min-invocations: at least ${gates.minInvocations} invocations before a window is judged`)
  }
  if (gates.maxErrorRateIncrease !== undefined) {
    lines.push(
      `max-error-rate-increase: ${rate} at most ${percent(gates.maxErrorRateIncrease)} points above the serving variants' (at ${percent(gates.confidence)} confidence)`
    )
  }
  if (gates.maxLatencyP99Increase !== undefined) {
    lines.push(
      `max-latency-p99-increase: p99 at most ${percent(gates.maxLatencyP99Increase)} above the serving variants' (at ${percent(gates.confidence)} confidence)`
    )
  }
  if (gates.probe) lines.push(`probes: ${gates.probe.count} to the new variant at every evaluation, all must succeed`)
  if (gates.agreement) {
    lines.push(
      `max-disagreement: at most ${percent(gates.agreement.maxDisagreement)} of the probes' answers may differ from the serving variant's to the same payload (compared ${comparisonWords(gates.agreement)})`
    )
  }
  return lines
}

/** An evaluation at `at` that has found nothing yet. */
export function emptyEvaluation(at: number): GateEvaluation {
  return { at, verdict: 'passed', failures: [], inconclusive: [], alarmsInAlarm: [] }
}

/** An evaluation's verdict from what it found: any failure fails it; else anything undecided leaves it inconclusive. */
export function settleVerdict(evaluation: GateEvaluation): void {
  evaluation.verdict =
    evaluation.failures.length > 0 ? 'failed' : evaluation.inconclusive.length > 0 ? 'inconclusive' : 'passed'
}

export interface StepScope {
  newVariant: string
  /** The serving variants, the baseline the new one is compared with. */
  baselineVariants: string[]
  /** What the endpoint publishes, and the period it publishes at. */
  source: MetricsSource
  /** The first period (on a period boundary) whose data belongs to the step. */
  firstPeriod: number
  /** Whether the serving variants take traffic in this step (not at 100%): then they are compared period for period. */
  baselineServes: boolean
  /** Baseline periods seen before this step: what a step whose serving variants take no traffic is compared with. */
  earlierBaseline: PeriodFigures[]
  /** Where the new variant and the baseline are fleets of one variant (a SageMaker deployment): which is which. */
  fleets?: Record<string, Fleet>
  /** The new series is this inference component: probes name it rather than a variant. */
  component?: string
}

/**
 * Judges one step, evaluation after evaluation. Each evaluation judges the
 * periods published since the last conclusive one; a window with too few
 * invocations stays open and grows until it can be judged. The baseline
 * comparisons use every period of the step, which only ever adds evidence.
 */
export class StepJudge {
  /** Periods before this one have been judged. */
  judgedThrough: number
  /** The baseline periods this step has seen so far, for the steps after it. */
  baselineSeen: PeriodFigures[] = []
  /**
   * Set while the open window's error rate is above max-error-rate on too few
   * requests to decide: a step must not pass on the periods before it.
   */
  leaningToFailure: string | undefined

  constructor(
    protected readonly ctx: OperationContext,
    private readonly gates: GateSettings,
    readonly scope: StepScope
  ) {
    this.judgedThrough = scope.firstPeriod
  }

  /** How long one period is, in milliseconds. */
  get periodMs(): number {
    return periodMsOf(this.scope.source)
  }

  async evaluate(): Promise<GateEvaluation> {
    const { ctx, gates, scope } = this
    const evaluation = emptyEvaluation(ctx.clock.now())
    if (gates.probe) {
      const target = scope.component ? { inferenceComponentName: scope.component } : { targetVariant: scope.newVariant }
      const answered = await sendProbesWithAnswers(ctx, gates.probe, target)
      const probes = answered.map(({ record }) => record)
      evaluation.probesSent = probes.length
      evaluation.probesPassed = probes.filter((probe) => probe.ok).length
      const failed = probes.find((probe) => !probe.ok)
      if (failed) evaluation.failures.push(`probe to ${scope.newVariant} failed: ${failed.detail}`)
      const servingVariant = scope.baselineVariants[0]
      if (gates.agreement && servingVariant && !scope.component) {
        await judgeAgreement(
          ctx,
          { probe: gates.probe, agreement: gates.agreement, servingVariant },
          answered,
          evaluation
        )
      }
    }
    if (gates.alarmNames.length > 0) {
      const states = await describeAlarmStates(ctx, gates.alarmNames)
      evaluation.alarmsChecked = states.length
      evaluation.alarmsInAlarm = states.filter((alarm) => alarm.state === 'ALARM').map((alarm) => alarm.name)
      if (evaluation.alarmsInAlarm.length > 0) {
        evaluation.failures.push(`alarm ${evaluation.alarmsInAlarm.join(', ')} in ALARM`)
      }
      // An alarm whose evaluation range holds no data goes to INSUFFICIENT_DATA unless it treats missing data as
      // good or bad (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarms-and-missing-data.html):
      // it watches nothing, as one on a misspelt dimension always does, and cannot vouch for the new variant.
      const blind = states.filter((alarm) => alarm.state === 'INSUFFICIENT_DATA').map((alarm) => alarm.name)
      if (blind.length > 0) {
        evaluation.inconclusive.push(
          `alarm ${blind.join(', ')} in INSUFFICIENT_DATA: it has no data to judge by, so it cannot vouch for ${scope.newVariant}`
        )
      }
    }
    if (needsTraffic(gates)) await this.judgeMetrics(evaluation)
    settleVerdict(evaluation)
    return evaluation
  }

  private async judgeMetrics(evaluation: GateEvaluation): Promise<void> {
    const { ctx, gates, scope, periodMs } = this
    const period = periodWords(scope.source)
    const closedUntil = floorPeriod(evaluation.at, periodMs)
    if (closedUntil <= this.judgedThrough) {
      evaluation.inconclusive.push(
        closedUntil <= scope.firstPeriod
          ? `no ${period} of this step has closed yet (the first closes at ${clockTime(scope.firstPeriod + periodMs, periodMs)} UTC)`
          : `no ${period} has closed since ${clockTime(this.judgedThrough, periodMs)} UTC, the last one judged`
      )
      return
    }
    const result = await fetchVariantMetrics(ctx, {
      endpointName: ctx.endpointName,
      variants: [scope.newVariant, ...scope.baselineVariants],
      start: new Date(scope.firstPeriod),
      end: new Date(closedUntil),
      periodSeconds: scope.source.periodSeconds,
      source: scope.source,
      ...(scope.fleets ? { fleets: scope.fleets } : {})
    })
    const newPeriods = periodsOf(result, [scope.newVariant])
    const baselinePeriods = periodsOf(result, scope.baselineVariants)
    this.baselineSeen = baselinePeriods
    const fresh = newPeriods.filter((figures) => figures.start >= this.judgedThrough)
    if (fresh.length === 0) {
      evaluation.inconclusive.push(this.waitingReason(baselinePeriods, closedUntil))
      return
    }
    const from = this.judgedThrough
    const to = Math.max(...fresh.map((figures) => figures.start)) + periodMs
    evaluation.window = { from, to }
    const totals = totalOf(fresh)
    evaluation.invocations = totals.invocations
    if (totals.invocations > 0) evaluation.errorRate = totals.errors / totals.invocations
    const p99s = fresh.map((figures) => figures.latencyP99Ms)
    // A p99 cannot be pooled across periods: the worst period's is the honest bound.
    if (p99s.every((value) => value !== undefined)) evaluation.latencyP99Ms = Math.max(...(p99s as number[]))

    const span = `${clockTime(from, periodMs)}–${clockTime(to, periodMs)} UTC`
    const errorRate = this.judgeErrorRate(evaluation, totals, span)
    let conclusive = errorRate !== 'undecided'
    if (totals.invocations < Math.max(1, gates.minInvocations)) {
      if (errorRate === 'within') {
        conclusive = false
        evaluation.inconclusive.push(
          `${totals.invocations} ${invocationsWord(scope.source)} of ${scope.newVariant} in ${span}, fewer than min-invocations ${gates.minInvocations}: too few to decide`
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
    if (hasBaselineGates(gates)) this.compareWithBaseline(evaluation, newPeriods, baselinePeriods)
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
    totals: { invocations: number; errors: number; unanswered: number },
    span: string
  ): 'within' | 'failed' | 'undecided' {
    const { gates } = this
    const rate = evaluation.errorRate
    this.leaningToFailure = undefined
    if (gates.maxErrorRate === undefined || rate === undefined || rate <= gates.maxErrorRate) return 'within'
    const [lower] = wilsonInterval(totals.errors, totals.invocations, normalQuantile(gates.confidence))
    const counts = errorsOf(this.scope.source, totals.errors, totals.invocations, totals.unanswered)
    const measured = `error rate ${formatPercent(rate)} (${counts}) in ${span}`
    const bound = `the ${formatPercent(gates.confidence)} lower bound, ${formatPercent(lower)}`
    if (lower > gates.maxErrorRate) {
      evaluation.failures.push(
        `${measured} above max-error-rate ${formatPercent(gates.maxErrorRate)}, and so is ${bound}`
      )
      return 'failed'
    }
    this.leaningToFailure = `${measured} is above max-error-rate ${formatPercent(gates.maxErrorRate)}, but ${bound}, is not: too few invocations to decide`
    evaluation.inconclusive.push(
      `${this.leaningToFailure}; the window stays open for the next ${periodWords(this.scope.source)}s`
    )
    return 'undecided'
  }

  /** Why there is nothing new to judge: not published yet, or published without traffic to the new variant. */
  private waitingReason(baselinePeriods: PeriodFigures[], closedUntil: number): string {
    const { scope } = this
    const published = baselinePeriods.filter((figures) => figures.start >= this.judgedThrough)
    if (published.length > 0) {
      const last = Math.max(...published.map((figures) => figures.start)) + this.periodMs
      return `no ${invocationsWord(scope.source)} of ${scope.newVariant} in ${clockTime(this.judgedThrough, this.periodMs)}–${clockTime(last, this.periodMs)} UTC, which CloudWatch has published for the serving variants`
    }
    return `waiting for CloudWatch: ${clockTime(this.judgedThrough, this.periodMs)}–${clockTime(closedUntil, this.periodMs)} UTC has closed but is not published yet (SageMaker publishes a ${periodWords(scope.source)} one to three minutes after it closes)`
  }

  /**
   * The new variant against the serving variants over the same periods, or,
   * when the serving variants take no traffic (the last step), against their
   * periods from the earlier steps.
   */
  private compareWithBaseline(
    evaluation: GateEvaluation,
    newPeriods: PeriodFigures[],
    baselinePeriods: PeriodFigures[]
  ): void {
    const { gates, scope } = this
    const periods = `${periodWords(scope.source)}s`
    const serving = new Map(baselinePeriods.filter((p) => p.invocations > 0).map((p) => [p.start, p]))
    const samePeriods = scope.baselineServes
    const compared = samePeriods ? newPeriods.filter((figures) => serving.has(figures.start)) : newPeriods
    const baseline = samePeriods
      ? compared.map((figures) => serving.get(figures.start) as PeriodFigures)
      : [...scope.earlierBaseline, ...serving.values()].filter((figures) => figures.invocations > 0)
    const against = samePeriods
      ? `over the same ${periods}`
      : 'from the earlier steps (the serving variants take no traffic now)'
    const newTotals = totalOf(compared)
    const baseTotals = totalOf(baseline)
    const figures: BaselineFigures = { invocations: baseTotals.invocations }
    if (baseTotals.invocations > 0) figures.errorRate = baseTotals.errors / baseTotals.invocations
    const baselineP99s = baseline.flatMap((p) => (p.latencyP99Ms === undefined ? [] : [p.latencyP99Ms]))
    if (baselineP99s.length > 0) figures.latencyP99Ms = Math.max(...baselineP99s)
    evaluation.baseline = figures
    const comparisons: ComparisonRecord[] = []
    const confidence = formatPercent(gates.confidence)
    if (gates.maxErrorRateIncrease !== undefined) {
      const test = compareErrorRates({
        newErrors: newTotals.errors,
        newRequests: newTotals.invocations,
        baselineErrors: baseTotals.errors,
        baselineRequests: baseTotals.invocations,
        margin: gates.maxErrorRateIncrease,
        confidence: gates.confidence
      })
      const points = (value: number): string => `${(value * 100).toFixed(2)} pp`
      const detail =
        newTotals.invocations === 0 || baseTotals.invocations === 0
          ? `no ${periods} with traffic to both ${scope.newVariant} and the baseline ${against}`
          : `${scope.newVariant} ${formatPercent(test.newRate)} (${newTotals.errors} of ${newTotals.invocations}) vs baseline ${formatPercent(test.baselineRate)} (${baseTotals.errors} of ${baseTotals.invocations}) ${against}: the increase is between ${points(test.lower)} and ${points(test.upper)} at ${confidence} confidence, margin ${points(gates.maxErrorRateIncrease)}`
      comparisons.push({ gate: 'max-error-rate-increase', verdict: test.verdict, detail })
    }
    if (gates.maxLatencyP99Increase !== undefined) {
      const newP99s = compared.flatMap((p) => (p.latencyP99Ms === undefined ? [] : [p.latencyP99Ms]))
      const test = compareLatency({
        newP99Ms: newP99s,
        baselineP99Ms: baselineP99s,
        margin: gates.maxLatencyP99Increase,
        confidence: gates.confidence
      })
      const detail =
        newP99s.length === 0 || baselineP99s.length === 0
          ? `no ${periods} with a p99 for both ${scope.newVariant} and the baseline ${against}`
          : `${scope.newVariant} p99 median ${Math.round(test.newMedianMs)} ms over ${newP99s.length} ${periods} vs baseline ${Math.round(test.baselineMedianMs)} ms over ${baselineP99s.length} ${against} (Mann-Whitney, margin +${formatPercent(gates.maxLatencyP99Increase)}: p = ${test.pWorse.toFixed(3)} that it is worse, p = ${test.pWithin.toFixed(3)} that it is within)`
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

/** What a variant's requests are called: an asynchronous endpoint counts those it processed. */
function invocationsWord(source: MetricsSource): string {
  return source.asynchronous ? 'processed invocations' : 'invocations'
}

export function formatPercent(fraction: number): string {
  return `${(fraction * 100).toFixed(2)}%`
}
