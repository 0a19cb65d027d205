/**
 * Judging one step: the gates every gate-interval through bake-time, then on
 * while CloudWatch has yet to publish the periods the step exposed, and the
 * pause a promote judges before any traffic moves. Each returns a verdict;
 * what follows from it is the executor's to decide.
 */
import * as core from '@actions/core'
import type { Clock } from '../clock.js'
import type { MetricsSource } from '../invocation-metrics.js'
import { servedPeriodFor } from '../metric-retention.js'
import type { OperationContext } from '../context.js'
import { formatDuration } from '../parse.js'
import type { GateEvaluation, RolloutRecord, RolloutStepRecord } from '../report.js'
import type { RolloutSettings } from '../settings.js'
import { gatesAtWeight, hasGates, needsTraffic, StepJudge } from './gates.js'
import { ceilPeriod, floorPeriod, periodMsOf, type PeriodFigures } from './periods.js'
import type { InFlight } from './in-flight.js'
import type { PauseToJudge } from './moves.js'
import { EvaluationLog, failedStepReason, gateFailedWarning, stepPlace } from './words.js'

/** How often a step that has baked looks for the periods CloudWatch has yet to publish. */
const DATA_POLL_MS = 20_000

/** How one step ended, and why when it did not pass. */
export type StepVerdict = { verdict: 'passed' } | { verdict: 'failed' | 'inconclusive'; reason: string }

/**
 * promote judges the whole pause before any more traffic moves: a canary
 * that degraded while it waited for a person must not go further. The pause
 * runs until now, so its last periods are not published yet: like a step, it
 * is judged until CloudWatch has published the period promote began in (the
 * canary keeps its weight meanwhile), or max-data-delay has passed.
 */
export async function judgePause(
  ctx: OperationContext,
  settings: RolloutSettings,
  inFlight: InFlight,
  pause: PauseToJudge,
  record: RolloutRecord
): Promise<{ failure?: string; baseline: PeriodFigures[]; judgedThrough?: number }> {
  settings = { ...settings, gates: gatesAtWeight(settings.gates, pause.weight) }
  if (!hasGates(settings.gates)) return { baseline: [] }
  const step: RolloutStepRecord = {
    weight: pause.weight,
    startedAt: pause.since,
    evaluations: [],
    verdict: 'in-progress',
    kind: 'pause'
  }
  record.steps.push(step)
  const source = sourceServedSince(ctx, inFlight.source, pause.since, settings.maxDataDelayMs)
  const judge = new StepJudge(ctx, settings.gates, {
    newVariant: inFlight.newVariant,
    baselineVariants: inFlight.oldVariants.map((variant) => variant.name),
    source,
    firstPeriod: floorPeriod(pause.since, periodMsOf(source)),
    baselineServes: pause.weight < 100,
    earlierBaseline: []
  })
  const verdict = await core.group(
    `Judging the pause at ${pause.weight}% since ${new Date(pause.since).toISOString()}`,
    () => bake(ctx, settings, judge, step, { consecutive: 0 }, { start: ctx.clock.now(), bakeTimeMs: 0 })
  )
  step.endedAt = ctx.clock.now()
  if (verdict.verdict === 'failed') {
    step.verdict = 'failed'
    const failed = step.evaluations.findLast((evaluation) => evaluation.verdict === 'failed')
    step.reason = `the pause at ${pause.weight}% failed its gates: ${failed?.failures.join('; ') ?? verdict.reason}`
    return { failure: step.reason, baseline: judge.baselineSeen }
  }
  if (judge.leaningToFailure !== undefined) {
    // More traffic never follows a bad reading, however thin.
    step.verdict = 'failed'
    step.reason = `the pause at ${pause.weight}% ended with its ${judge.leaningToFailure}, and no more traffic moves on that`
    return { failure: step.reason, baseline: judge.baselineSeen }
  }
  step.verdict = verdict.verdict
  if (verdict.verdict === 'inconclusive') {
    step.reason = verdict.reason
    ctx.note(
      `The gates could not judge the pause at ${pause.weight}% (${step.reason}); the steps ahead are judged on their own.`
    )
  }
  return { baseline: judge.baselineSeen, judgedThrough: judge.judgedThrough }
}

/**
 * Watches one step: gates judged every gate-interval through bake-time, then,
 * while CloudWatch has not yet published the periods the step exposed to
 * traffic, on until it has or max-data-delay has passed. A step passes with at
 * least one conclusive passing evaluation, no failure left standing and no
 * window whose error rate leans toward failure on thin evidence; it
 * fails at failure-threshold failed evaluations without a pass between them
 * (an inconclusive evaluation is no evidence of health, so it does not reset
 * the count); otherwise it is inconclusive.
 */
export async function bake(
  ctx: OperationContext,
  settings: RolloutSettings,
  judge: StepJudge,
  step: RolloutStepRecord,
  failures: { consecutive: number },
  { start, bakeTimeMs }: { start: number; bakeTimeMs: number } = {
    start: step.startedAt,
    bakeTimeMs: settings.bakeTimeMs
  }
): Promise<StepVerdict> {
  const bakeEnd = start + bakeTimeMs
  if (!hasGates(settings.gates)) {
    core.info(`Baking for ${formatDuration(bakeTimeMs)}.`)
    await sleepUntil(ctx.clock, bakeEnd)
    return { verdict: 'passed' }
  }
  const waitsForData = needsTraffic(settings.gates)
  // The periods the step exposed to traffic; at least one whole period, however short the bake.
  const exposedUntil = Math.max(ceilPeriod(bakeEnd, judge.periodMs), judge.scope.firstPeriod + judge.periodMs)
  const deadline = waitsForData ? Math.max(bakeEnd, exposedUntil) + settings.maxDataDelayMs : bakeEnd
  const due = Math.max(1, Math.ceil(bakeTimeMs / settings.gateIntervalMs))
  // Past bake-time the step only waits for CloudWatch: look more often, so it ends soon after the data lands.
  const waitingInterval = Math.min(settings.gateIntervalMs, DATA_POLL_MS)
  let passedOnce = false
  let last: GateEvaluation | undefined
  const log = new EvaluationLog()
  for (let index = 1; ; index++) {
    const dueAt =
      index <= due
        ? start + Math.min(index * settings.gateIntervalMs, bakeTimeMs)
        : Math.min(bakeEnd + (index - due) * waitingInterval, deadline)
    await sleepUntil(ctx.clock, dueAt)
    const evaluation = await judge.evaluate()
    last = evaluation
    step.evaluations.push(evaluation)
    const label = index <= due ? `${index}/${due}` : `${index - due} past bake-time`
    core.info(log.line(label, stepPlace(step), evaluation))
    if (evaluation.verdict === 'failed') {
      failures.consecutive++
      if (failures.consecutive >= settings.failureThreshold) {
        return { verdict: 'failed', reason: failedStepReason(failures.consecutive, stepPlace(step), evaluation) }
      }
      ctx.warn(gateFailedWarning(failures.consecutive, settings.failureThreshold, evaluation))
    } else if (evaluation.verdict === 'passed') {
      failures.consecutive = 0
      passedOnce = true
    }
    const now = ctx.clock.now()
    // Every evaluation the schedule promised is made, even when a slow one (a retried probe) ran past bake-time.
    if (index < due) continue
    if (now >= deadline) break
    if (now < bakeEnd) continue
    // A step never ends on a failure left standing: more traffic never follows a bad reading.
    if (failures.consecutive > 0) continue
    if (waitsForData && judge.judgedThrough < exposedUntil) continue
    // Nor on a window whose error rate is above the limit, however thin its evidence.
    if (judge.leaningToFailure !== undefined) continue
    if (passedOnce) return { verdict: 'passed' }
  }
  return verdictAtDeadline(ctx, settings, judge, step, { failures, passedOnce, last, waitsForData })
}

/** max-data-delay has passed: the step ends on what it has seen. */
function verdictAtDeadline(
  ctx: OperationContext,
  settings: RolloutSettings,
  judge: StepJudge,
  step: RolloutStepRecord,
  seen: { failures: { consecutive: number }; passedOnce: boolean; last?: GateEvaluation; waitsForData: boolean }
): StepVerdict {
  if (seen.failures.consecutive > 0) {
    return {
      verdict: 'failed',
      reason: `a failed gate evaluation ${stepPlace(step)} was not cleared by a passing one within max-data-delay: ${seen.last?.failures.join('; ') ?? ''}`
    }
  }
  if (judge.leaningToFailure !== undefined) {
    return {
      verdict: 'inconclusive',
      reason: `within max-data-delay, the last window was still undecided: ${judge.leaningToFailure}`
    }
  }
  if (seen.passedOnce) {
    if (seen.waitsForData) {
      ctx.note(
        `Judging ${stepPlace(step)}, CloudWatch had not published every period the step exposed within max-data-delay (${formatDuration(settings.maxDataDelayMs)}); the step passed on the periods it had.`
      )
    }
    return { verdict: 'passed' }
  }
  return {
    verdict: 'inconclusive',
    reason: seen.last?.inconclusive.join('; ') || 'no evaluation could judge it'
  }
}

export async function sleepUntil(clock: Clock, at: number): Promise<void> {
  const remaining = at - clock.now()
  if (remaining > 0) await clock.sleep(remaining)
}

/**
 * The pause's metrics as CloudWatch still serves them: 10 or 30 s datapoints only for 3 hours, minutes for 15 days
 * (metric-retention.ts). A pause promoted the morning after is read in the shortest period still served, a whole
 * number of the endpoint's own, to the end of its judging: the wait for its last period, max-data-delay, and five
 * minutes' margin. Read in its own period, its oldest part would no longer be served, and would go unjudged.
 */
function sourceServedSince(
  ctx: OperationContext,
  source: MetricsSource,
  since: number,
  maxDataDelayMs: number
): MetricsSource {
  const judgingMs = source.periodSeconds * 1000 + maxDataDelayMs + 5 * 60_000
  const periodSeconds = servedPeriodFor(source.periodSeconds, ctx.clock.now() - since + judgingMs)
  if (periodSeconds === undefined || periodSeconds === source.periodSeconds) return source
  ctx.note(
    `The pause began ${formatDuration(ctx.clock.now() - since)} ago; CloudWatch serves metrics that old only in longer periods, so it is judged in periods of ${formatDuration(periodSeconds * 1000)} rather than the endpoint's ${formatDuration(source.periodSeconds * 1000)}.`
  )
  return { ...source, periodSeconds }
}
