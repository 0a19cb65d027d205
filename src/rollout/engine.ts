/**
 * The progressive rollout with the action as controller: the new model serves
 * beside the old one as a second production variant, traffic moves to it step
 * by step, health gates are judged all through each step's bake, and a failed
 * gate puts everything back: first the traffic (seconds), then the config.
 *
 * Every way a rollout can end comes back as a RolloutResult; the caller hands
 * it to concludeRollout, which sets the outputs and fails the step.
 */
import * as core from '@actions/core'
import { AddTagsCommand, type ProductionVariant } from '@aws-sdk/client-sagemaker'
import { errorMessage, isExpiredCredentials } from '../aws/errors.js'
import type { Clock } from '../clock.js'
import type { OperationContext } from '../context.js'
import {
  findEndpointConfig,
  getEndpoint,
  getEndpointConfig,
  liveInstanceCount,
  TRANSITIONAL_STATUSES,
  type Endpoint,
  type EndpointConfig
} from '../endpoint.js'
import { fetchVariantMetrics } from '../metrics.js'
import { TAGS } from '../tags.js'
import { counted, formatDuration } from '../parse.js'
import type { GateEvaluation, RolloutRecord, RolloutStepRecord } from '../report.js'
import type { RolloutSettings } from '../settings.js'
import { updateEndpointConfig, updateWeightsAndCapacities } from '../update.js'
import { addInstanceTime } from '../report.js'
import { createEndpointConfig, deleteConfigQuietly, fleetSize, variantDefinition } from '../resources.js'
import { carriedConfigSettings } from '../serving.js'
import {
  ceilMinute,
  describeGates,
  floorMinute,
  formatPercent,
  hasGates,
  MINUTE_MS,
  minutesOf,
  needsTraffic,
  StepJudge,
  type MinuteFigures
} from './gates.js'
import type { RolloutResult } from './result.js'
import {
  holdServingCapacity,
  releaseServingCapacity,
  restoreServingCapacity,
  withScalingMoved,
  type HeldCapacity
} from './scaling.js'
import { inFlightRollout } from './state.js'

/** A rollout under way: everything needed to go forward, pause, or go back. */
export interface InFlight {
  /** Where rollback returns. */
  previousConfig: string
  /** Old and new variants side by side. */
  canaryConfig: string
  newVariant: string
  /** The old variants and their shares of the traffic the new variant does not take (they sum to 1). */
  oldVariants: Array<{ name: string; share: number }>
  /** The name for the final config, with only the new variant. */
  releaseConfig: string
  /** Tags for the final config. */
  userTags: Record<string, string>
  /** The serving variants' capacity when the rollout began, held through it. */
  held: HeldCapacity[]
  /** The new variant's instances: its time beside the serving fleet is instance time the rollout adds. */
  newVariantInstances?: number
}

export function startRolloutRecord(
  ctx: OperationContext,
  settings: RolloutSettings,
  inFlight: Pick<InFlight, 'newVariant'> & { previousConfig?: string }
): RolloutRecord {
  const record: RolloutRecord = {
    controller: settings.controller,
    strategy: settings.strategy,
    newVariant: inFlight.newVariant,
    ...(inFlight.previousConfig ? { previousConfig: inFlight.previousConfig } : {}),
    ...(settings.gates.maxErrorRate !== undefined ? { maxErrorRate: settings.gates.maxErrorRate } : {}),
    gates: describeGates(settings.gates),
    steps: []
  }
  ctx.report.rollout = record
  if (inFlight.previousConfig) ctx.output('previous-endpoint-config-name', inFlight.previousConfig)
  ctx.output('variant-name', inFlight.newVariant)
  return record
}

/** Records the rollout as in flight, for the post step of a cancelled run. */
export function markInFlight(ctx: OperationContext, inFlight: InFlight): void {
  if (ctx.dryRun) return
  inFlightRollout.save({
    endpointName: ctx.endpointName,
    region: ctx.settings.region,
    previousConfig: inFlight.previousConfig,
    canaryConfig: inFlight.canaryConfig,
    newVariant: inFlight.newVariant,
    previousWeights: Object.fromEntries(inFlight.oldVariants.map(({ name, share }) => [name, share * 100])),
    heldCapacity: inFlight.held,
    startedAt: new Date(ctx.clock.now()).toISOString()
  })
}

/**
 * Suspends the serving variants' scale-in for the rollout. The rollout is
 * saved for the post step first, and again as each suspension is about to go
 * out: wherever a cancel falls, the post step knows what to resume.
 */
export async function holdServingCapacityFor(
  ctx: OperationContext,
  endpoint: Endpoint,
  inFlight: InFlight
): Promise<void> {
  markInFlight(ctx, inFlight)
  inFlight.held = await holdServingCapacity(
    ctx,
    endpoint,
    inFlight.oldVariants.map((variant) => variant.name),
    (held) => markInFlight(ctx, { ...inFlight, held })
  )
}

/** How often a step that has baked looks for the minutes CloudWatch has yet to publish. */
const DATA_POLL_MS = 20_000

/** How one step ended, and why when it did not pass. */
type StepVerdict = { verdict: 'passed' } | { verdict: 'failed' | 'inconclusive'; reason: string }

/** Where a promoted rollout picks up: the pause it judges first. */
export interface PauseToJudge {
  /** When the paused step began, epoch milliseconds. */
  since: number
  weight: number
}

/**
 * Runs `steps` (the new variant's share at each), then pauses (a list that
 * stops short of 100) or promotes. A failed gate, a step the gates could not
 * judge, or a failed update ends in a rollback (auto-rollback), a pause
 * (on-inconclusive: pause) or a failure left in place.
 */
export async function runSteps(
  ctx: OperationContext,
  settings: RolloutSettings,
  inFlight: InFlight,
  steps: number[],
  pause?: PauseToJudge
): Promise<RolloutResult> {
  const started = ctx.clock.now()
  try {
    return await stepThrough(ctx, settings, inFlight, steps, pause)
  } finally {
    addInstanceTime(ctx.report, (inFlight.newVariantInstances ?? 0) * (ctx.clock.now() - started))
    // However it ended (promoted, paused, rolled back), the old variants' autoscaling is theirs again.
    await releaseServingCapacity(ctx, inFlight.held)
  }
}

async function stepThrough(
  ctx: OperationContext,
  settings: RolloutSettings,
  inFlight: InFlight,
  steps: number[],
  pause: PauseToJudge | undefined
): Promise<RolloutResult> {
  const record = ctx.report.rollout as RolloutRecord
  if (!hasGates(settings.gates)) {
    core.warning(
      'No health gates are set (alarm-names, max-error-rate, max-latency-p99, min-invocations, probe-payload, max-error-rate-increase, max-latency-p99-increase): each step only waits for bake-time.'
    )
  }
  const failures = { consecutive: 0 }
  let earlierBaseline: MinuteFigures[] = []
  let stopped: { kind: 'failed' | 'inconclusive'; reason: string; weight: number } | undefined
  let pauseJudgedThrough: number | undefined
  try {
    if (pause) {
      const judged = await judgePause(ctx, settings, inFlight, pause, record)
      earlierBaseline = judged.baseline
      pauseJudgedThrough = judged.judgedThrough
      if (judged.failure) stopped = { kind: 'failed', reason: judged.failure, weight: pause.weight }
    }
    for (const [index, weight] of steps.entries()) {
      if (stopped) break
      const step: RolloutStepRecord = { weight, startedAt: ctx.clock.now(), evaluations: [], verdict: 'in-progress' }
      record.steps.push(step)
      const verdict = await core.group(
        `Step ${index + 1}/${steps.length}: ${weight}% of traffic to ${inFlight.newVariant}`,
        async () => {
          await shiftTraffic(ctx, inFlight, weight)
          step.startedAt = ctx.clock.now()
          const judge = new StepJudge(ctx, settings.gates, {
            newVariant: inFlight.newVariant,
            baselineVariants: inFlight.oldVariants.map((variant) => variant.name),
            // After a pause, the first step starts from the first minute its judging left: the canary served at
            // the paused weight while promote waited for CloudWatch, and those minutes are this step's to judge.
            firstMinute:
              index === 0 && pauseJudgedThrough !== undefined
                ? Math.min(floorMinute(step.startedAt), pauseJudgedThrough)
                : floorMinute(step.startedAt),
            baselineServes: weight < 100,
            earlierBaseline
          })
          const outcome = await bake(ctx, settings, judge, step, failures)
          earlierBaseline = [...earlierBaseline, ...judge.baselineSeen]
          return outcome
        }
      )
      step.endedAt = ctx.clock.now()
      step.verdict = verdict.verdict
      if (verdict.verdict !== 'passed') {
        step.reason = verdict.reason
        stopped = { kind: verdict.verdict, reason: verdict.reason, weight }
      }
    }
  } catch (error) {
    const current = record.steps.at(-1)
    if (current && current.verdict === 'in-progress') {
      current.verdict = 'failed'
      current.endedAt = ctx.clock.now()
    }
    if (isExpiredCredentials(error)) {
      // Every call from here would fail the same way: say where the endpoint was left instead.
      return {
        outcome: 'failed',
        decision: `Stopped at ${current?.weight ?? 0}%: the AWS credentials expired.`,
        healthy: false,
        failsStep: true,
        cause: error
      }
    }
    return rollBackOrStop(ctx, settings, inFlight, `the rollout could not go on: ${errorMessage(error)}`)
  }

  if (stopped?.kind === 'inconclusive') {
    const why = `the gates could not judge the ${stopped.weight}% step (${stopped.reason})`
    if (settings.onInconclusive === 'pause') {
      return pauseHere(ctx, inFlight, {
        decision: `Paused at ${stopped.weight}% on ${inFlight.newVariant}: ${why}. Nothing shows the new model is healthy, and nothing shows it is not: look at it, then run operation: promote or operation: rollback.`,
        failsStep: true,
        healthy: false
      })
    }
    return rollBackOrStop(ctx, settings, inFlight, why)
  }
  if (stopped) return rollBackOrStop(ctx, settings, inFlight, stopped.reason)

  const lastWeight = steps.at(-1) ?? 0
  if (lastWeight < 100) {
    return pauseHere(ctx, inFlight, {
      decision: `Paused at ${lastWeight}% on ${inFlight.newVariant}, as traffic-steps asked. Run operation: promote to finish, or operation: rollback to return to ${inFlight.previousConfig}.`,
      failsStep: false,
      healthy: true
    })
  }
  try {
    await core.group(`Promoting ${inFlight.newVariant}: retiring the old variants`, () => promote(ctx, inFlight))
  } catch (error) {
    return rollBackOrStop(ctx, settings, inFlight, `promotion failed: ${errorMessage(error)}`)
  }
  return {
    outcome: 'succeeded',
    decision: `All steps passed; ${inFlight.newVariant} now serves all traffic on ${inFlight.releaseConfig}.`,
    healthy: true,
    failsStep: false
  }
}

/**
 * A pause is a resting state, not one to undo: the post step has nothing to
 * do, and the canary config records when the pause began, so promote can
 * judge all of it.
 */
async function pauseHere(
  ctx: OperationContext,
  inFlight: InFlight,
  result: { decision: string; failsStep: boolean; healthy: boolean }
): Promise<RolloutResult> {
  inFlightRollout.clear()
  await recordPauseStart(ctx, inFlight.canaryConfig)
  return { outcome: 'paused', ...result }
}

async function recordPauseStart(ctx: OperationContext, canaryConfig: string): Promise<void> {
  try {
    const config = await findEndpointConfig(ctx, canaryConfig)
    if (!config?.EndpointConfigArn) return
    const input = {
      ResourceArn: config.EndpointConfigArn,
      Tags: [{ Key: TAGS.pausedAt, Value: new Date(ctx.clock.now()).toISOString() }]
    }
    await ctx.change('AddTags', `endpoint config "${canaryConfig}"`, input, () =>
      ctx.clients.sagemaker.send(new AddTagsCommand(input))
    )
  } catch (error) {
    // promote falls back to the endpoint's last change; the pause itself stands.
    core.warning(`Could not record when the pause began on "${canaryConfig}": ${errorMessage(error)}`)
  }
}

async function rollBackOrStop(
  ctx: OperationContext,
  settings: RolloutSettings,
  inFlight: InFlight,
  failure: string
): Promise<RolloutResult> {
  if (!settings.autoRollback) {
    inFlightRollout.clear()
    return {
      outcome: 'failed',
      decision: `Failed: ${failure}. auto-rollback is off, so the endpoint was left as it is; run operation: rollback to return to ${inFlight.previousConfig}.`,
      healthy: false,
      failsStep: true
    }
  }
  core.warning(`Rolling back: ${failure}`)
  try {
    await core.group(`Rolling back to ${inFlight.previousConfig}`, () => rollBack(ctx, inFlight))
  } catch (error) {
    return {
      outcome: 'failed',
      decision: `Failed: ${failure}. The rollback also failed: ${errorMessage(error)}`,
      healthy: false,
      failsStep: true
    }
  }
  // A failed promotion may have left its release config behind; its name is this run's own.
  await deleteConfigQuietly(ctx, inFlight.releaseConfig)
  return {
    outcome: 'rolled-back',
    decision: `Rolled back: ${failure}. All traffic is back on ${inFlight.previousConfig}.`,
    healthy: false,
    failsStep: settings.failOnRollback
  }
}

/**
 * promote judges the whole pause before any more traffic moves: a canary
 * that degraded while it waited for a person must not go further. The pause
 * runs until now, so its last minutes are not published yet: like a step, it
 * is judged until CloudWatch has published the minute promote began in (the
 * canary keeps its weight meanwhile), or max-data-delay has passed.
 */
async function judgePause(
  ctx: OperationContext,
  settings: RolloutSettings,
  inFlight: InFlight,
  pause: PauseToJudge,
  record: RolloutRecord
): Promise<{ failure?: string; baseline: MinuteFigures[]; judgedThrough?: number }> {
  if (!hasGates(settings.gates)) return { baseline: [] }
  const step: RolloutStepRecord = {
    weight: pause.weight,
    startedAt: pause.since,
    evaluations: [],
    verdict: 'in-progress',
    kind: 'pause'
  }
  record.steps.push(step)
  const judge = new StepJudge(ctx, settings.gates, {
    newVariant: inFlight.newVariant,
    baselineVariants: inFlight.oldVariants.map((variant) => variant.name),
    firstMinute: floorMinute(pause.since),
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

/** The new variant takes `weight`%; the old variants share the rest as they did before. */
export function desiredWeights(
  inFlight: InFlight,
  weight: number
): Array<{ VariantName: string; DesiredWeight: number }> {
  return [
    ...inFlight.oldVariants.map(({ name, share }) => ({
      VariantName: name,
      DesiredWeight: Math.round((100 - weight) * share * 1000) / 1000
    })),
    { VariantName: inFlight.newVariant, DesiredWeight: weight }
  ]
}

async function shiftTraffic(ctx: OperationContext, inFlight: InFlight, weight: number): Promise<void> {
  core.info(`Shifting ${weight}% of traffic to ${inFlight.newVariant}.`)
  await updateWeightsAndCapacities(ctx, desiredWeights(inFlight, weight), {
    purpose: `the shift to ${weight}%`,
    forceWait: true
  })
}

/**
 * Watches one step: gates judged every gate-interval through bake-time, then,
 * while CloudWatch has not yet published the minutes the step exposed to
 * traffic, on until it has or max-data-delay has passed. A step passes with at
 * least one conclusive passing evaluation, no failure left standing and no
 * window whose error rate leans toward failure on thin evidence; it
 * fails at failure-threshold failed evaluations without a pass between them
 * (an inconclusive evaluation is no evidence of health, so it does not reset
 * the count); otherwise it is inconclusive.
 */
async function bake(
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
  // The minutes the step exposed to traffic; at least one whole minute, however short the bake.
  const exposedUntil = Math.max(ceilMinute(bakeEnd), judge.scope.firstMinute + MINUTE_MS)
  const deadline = waitsForData ? Math.max(bakeEnd, exposedUntil) + settings.maxDataDelayMs : bakeEnd
  const due = Math.max(1, Math.ceil(bakeTimeMs / settings.gateIntervalMs))
  // Past bake-time the step only waits for CloudWatch: look more often, so it ends soon after the data lands.
  const waitingInterval = Math.min(settings.gateIntervalMs, DATA_POLL_MS)
  let passedOnce = false
  let last: GateEvaluation | undefined
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
    core.info(`Evaluation ${label} at ${step.weight}%: ${describeEvaluation(evaluation)}`)
    if (evaluation.verdict === 'failed') {
      failures.consecutive++
      if (failures.consecutive >= settings.failureThreshold) {
        return {
          verdict: 'failed',
          reason: `${failures.consecutive === 1 ? 'a failed gate evaluation' : `${failures.consecutive} failed gate evaluations without a pass between them`} at ${step.weight}%: ${evaluation.failures.join('; ')}`
        }
      }
      core.warning(
        `Gate failed (${failures.consecutive} without a pass between them; failure-threshold ${settings.failureThreshold} rolls back): ${evaluation.failures.join('; ')}`
      )
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
  if (failures.consecutive > 0) {
    return {
      verdict: 'failed',
      reason: `a failed gate evaluation at ${step.weight}% was not cleared by a passing one within max-data-delay: ${last?.failures.join('; ') ?? ''}`
    }
  }
  if (judge.leaningToFailure !== undefined) {
    return {
      verdict: 'inconclusive',
      reason: `within max-data-delay, the last window was still undecided: ${judge.leaningToFailure}`
    }
  }
  if (passedOnce) {
    if (waitsForData) {
      ctx.note(
        `At ${step.weight}%, CloudWatch had not published every minute the step exposed within max-data-delay (${formatDuration(settings.maxDataDelayMs)}); the step passed on the minutes it had.`
      )
    }
    return { verdict: 'passed' }
  }
  return {
    verdict: 'inconclusive',
    reason: last?.inconclusive.join('; ') || 'no evaluation could judge it'
  }
}

export function describeEvaluation(evaluation: GateEvaluation): string {
  const parts = [
    evaluation.verdict === 'passed'
      ? 'passed'
      : evaluation.verdict === 'failed'
        ? `FAILED (${evaluation.failures.join('; ')})`
        : `inconclusive (${evaluation.inconclusive.join('; ')})`
  ]
  if (evaluation.invocations !== undefined) parts.push(`${evaluation.invocations} invocations`)
  if (evaluation.errorRate !== undefined) parts.push(`error rate ${formatPercent(evaluation.errorRate)}`)
  if (evaluation.latencyP99Ms !== undefined) parts.push(`p99 ${Math.round(evaluation.latencyP99Ms)} ms`)
  if (evaluation.baseline?.errorRate !== undefined) {
    parts.push(`baseline error rate ${formatPercent(evaluation.baseline.errorRate)}`)
  }
  if (evaluation.probesSent) parts.push(`probes ${evaluation.probesPassed}/${evaluation.probesSent}`)
  return parts.join(', ')
}

async function sleepUntil(clock: Clock, at: number): Promise<void> {
  const remaining = at - clock.now()
  if (remaining > 0) await clock.sleep(remaining)
}

/**
 * The new variant alone, at the capacity it serves with now. Autoscaling on
 * the old variants moves to it: SageMaker refuses to remove a scaled variant,
 * so the old registrations go first and the new one comes after.
 */
/** The new variant alone, as the release config holds it: the canary config's definition at the instances it serves with now. */
export function releaseVariant(
  endpoint: Endpoint,
  canaryConfig: EndpointConfig,
  newVariant: string
): ProductionVariant {
  const live = endpoint.ProductionVariants?.find((variant) => variant.VariantName === newVariant)
  const count = (live && liveInstanceCount(live)) ?? undefined
  return variantDefinition(canaryConfig, newVariant, {
    InitialVariantWeight: 1,
    ...(count ? { InitialInstanceCount: count } : {})
  })
}

async function promote(ctx: OperationContext, inFlight: InFlight): Promise<void> {
  // Scale-in back as it was first: the old variants' scaling moves to the new one as it is registered.
  await releaseServingCapacity(ctx, inFlight.held)
  const endpoint = await getEndpoint(ctx)
  const canaryConfig = await getEndpointConfig(ctx, inFlight.canaryConfig)
  const release = [releaseVariant(endpoint, canaryConfig, inFlight.newVariant)]
  const count = release[0]?.InitialInstanceCount
  await createEndpointConfig(
    ctx,
    inFlight.releaseConfig,
    release,
    { role: 'release', previousConfig: inFlight.previousConfig },
    inFlight.userTags,
    carriedConfigSettings(canaryConfig)
  )
  const { moves } = await withScalingMoved(
    ctx,
    { endpoint, current: canaryConfig, target: release, targetName: inFlight.releaseConfig },
    () =>
      updateEndpointConfig(ctx, inFlight.releaseConfig, {
        newFleetInstances: fleetSize(release),
        purpose: `the promotion to ${inFlight.releaseConfig}`,
        forceWait: true
      })
  )
  const oldCapacity = (endpoint.ProductionVariants ?? [])
    .filter((variant) => variant.VariantName !== inFlight.newVariant)
    .reduce((sum, variant) => sum + (liveInstanceCount(variant) ?? 0), 0)
  const scalesNow = moves.some((move) => move.to === inFlight.newVariant)
  if (count !== undefined && count < oldCapacity && !scalesNow) {
    ctx.warn(
      `${inFlight.newVariant} takes all traffic with ${instances(count)} where the old variants served with ${instances(oldCapacity)}; raise instance-count or configure autoscaling if it needs more.`
    )
  }
  inFlightRollout.clear()
  await deleteCanaryConfig(ctx, inFlight)
}

/**
 * All-at-once is one step of 100% judged by the same gates after the switch.
 * Its minutes start with the first whole minute after the switch: the
 * variant may keep the old one's name, and the minute of the switch holds
 * both models' traffic. The serving variants' minutes from before the deploy
 * are the baseline. A failed gate returns the endpoint to its previous
 * config, when there is one.
 */
export async function judgeAllAtOnce(
  ctx: OperationContext,
  settings: RolloutSettings,
  judged: { variant: string; previousConfig?: string; baselineVariants: string[]; deployStartedAt: number }
): Promise<RolloutResult> {
  const { variant, previousConfig } = judged
  if (!hasGates(settings.gates)) {
    return { outcome: 'succeeded', decision: `${variant} serves all traffic.`, failsStep: false }
  }
  const record = startRolloutRecord(ctx, settings, {
    newVariant: variant,
    ...(previousConfig ? { previousConfig } : {})
  })
  const step: RolloutStepRecord = { weight: 100, startedAt: ctx.clock.now(), evaluations: [], verdict: 'in-progress' }
  record.steps.push(step)
  const earlierBaseline = await baselineBefore(ctx, judged.baselineVariants, judged.deployStartedAt, settings)
  const judge = new StepJudge(ctx, settings.gates, {
    newVariant: variant,
    baselineVariants: [],
    firstMinute: ceilMinute(step.startedAt),
    baselineServes: false,
    earlierBaseline
  })
  const verdict = await core.group(`Watching ${variant} at 100% for ${formatDuration(settings.bakeTimeMs)}`, () =>
    bake(ctx, settings, judge, step, { consecutive: 0 })
  )
  step.endedAt = ctx.clock.now()
  step.verdict = verdict.verdict
  if (verdict.verdict === 'passed') {
    return {
      outcome: 'succeeded',
      decision: `All gates passed with ${variant} serving all traffic.`,
      healthy: true,
      failsStep: false
    }
  }
  step.reason = verdict.reason
  const failure =
    verdict.verdict === 'inconclusive' ? `the gates could not judge ${variant} (${verdict.reason})` : verdict.reason
  if (verdict.verdict === 'inconclusive' && settings.onInconclusive === 'pause') {
    return {
      outcome: 'paused',
      decision: `${variant} serves all traffic, but ${failure}. on-inconclusive is pause, so it was left in place: look at it, then keep it or run operation: rollback${previousConfig ? ` to return to "${previousConfig}"` : ''}.`,
      healthy: false,
      failsStep: true
    }
  }
  if (!previousConfig || !settings.autoRollback) {
    return {
      outcome: 'failed',
      decision: `${capitalised(failure)}${previousConfig ? `. auto-rollback is off; run operation: rollback to return to "${previousConfig}".` : '. The endpoint is new, so there is nothing to roll back to.'}`,
      healthy: false,
      failsStep: true
    }
  }
  core.warning(`Rolling back: ${failure}`)
  const previous = await getEndpointConfig(ctx, previousConfig)
  const endpoint = await getEndpoint(ctx)
  await withScalingMoved(
    ctx,
    {
      endpoint,
      current: await findEndpointConfig(ctx, endpoint.EndpointConfigName ?? ''),
      target: previous.ProductionVariants ?? [],
      targetName: previousConfig
    },
    () =>
      updateEndpointConfig(ctx, previousConfig, {
        newFleetInstances: fleetSize(previous.ProductionVariants ?? []),
        purpose: `the rollback to "${previousConfig}"`,
        forceWait: true,
        keepInstanceCounts: true
      })
  )
  return {
    outcome: 'rolled-back',
    decision: `Rolled back: ${failure}. The endpoint is back on "${previousConfig}".`,
    healthy: false,
    failsStep: settings.failOnRollback
  }
}

/** The serving variants' published minutes before the deploy began: the baseline of an all-at-once switch. */
async function baselineBefore(
  ctx: OperationContext,
  variants: string[],
  deployStartedAt: number,
  settings: RolloutSettings
): Promise<MinuteFigures[]> {
  if (variants.length === 0) return []
  const { maxErrorRateIncrease, maxLatencyP99Increase } = settings.gates
  if (maxErrorRateIncrease === undefined && maxLatencyP99Increase === undefined) return []
  const end = floorMinute(deployStartedAt)
  // As long a look back as the step will take, and never less than a quarter of an hour.
  const span = Math.max(15 * MINUTE_MS, ceilMinute(settings.bakeTimeMs))
  const result = await fetchVariantMetrics(ctx, {
    endpointName: ctx.endpointName,
    variants,
    start: new Date(end - span),
    end: new Date(end),
    periodSeconds: 60
  })
  return minutesOf(result, variants)
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/**
 * Stops the harm first (weight 0 takes seconds), then restores the previous
 * config. Safe to call wherever the endpoint is: on the canary config, half-way
 * to it, or already back on the previous config.
 */
export async function rollBack(ctx: OperationContext, inFlight: InFlight): Promise<Endpoint | undefined> {
  try {
    const endpoint = await getEndpoint(ctx)
    if (
      endpoint.EndpointConfigName === inFlight.previousConfig &&
      !TRANSITIONAL_STATUSES.includes(endpoint.EndpointStatus ?? '')
    ) {
      // It never left (cancelled or refused before the update took): only the suspended scale-in to undo.
      await releaseServingCapacity(ctx, inFlight.held)
      inFlightRollout.clear()
      await deleteCanaryConfig(ctx, inFlight)
      return endpoint
    }
    const newVariant = endpoint.ProductionVariants?.find((variant) => variant.VariantName === inFlight.newVariant)
    // Already at weight 0 (a cancelled step moved it off): the same weights again would only be one more update.
    if (newVariant && ((newVariant.CurrentWeight ?? 0) > 0 || (newVariant.DesiredWeight ?? 0) > 0)) {
      await updateWeightsAndCapacities(ctx, desiredWeights(inFlight, 0), {
        purpose: `the shift of all traffic back to the old variants`,
        forceWait: true
      })
    }
  } catch (error) {
    // The config update below restores the old weights too; keep going.
    core.warning(`Could not move traffic off ${inFlight.newVariant} first: ${errorMessage(error)}`)
  }
  const endpoint = await updateEndpointConfig(ctx, inFlight.previousConfig, {
    // The old variants come back at the instances they held.
    newFleetInstances: inFlight.held.reduce((sum, entry) => sum + entry.instances, 0),
    purpose: `the rollback to ${inFlight.previousConfig}`,
    forceWait: true,
    keepInstanceCounts: true
  })
  await restoreServingCapacity(ctx, inFlight.held)
  await releaseServingCapacity(ctx, inFlight.held)
  inFlightRollout.clear()
  await deleteCanaryConfig(ctx, inFlight)
  return endpoint
}

/** A canary config exists only for the rollout; once the endpoint has left it, it is clutter. */
async function deleteCanaryConfig(ctx: OperationContext, inFlight: InFlight): Promise<void> {
  await deleteConfigQuietly(ctx, inFlight.canaryConfig)
}

function instances(n: number): string {
  return counted(n, 'instance')
}
