/**
 * The one executor of the action's moves: it carries out a rollout's list
 * (moves.ts) in order, keeps one progress record of where it stands (saved
 * for a cancel and the post step), and ends it in one conclusion: released,
 * paused, rolled back, or failed and left in place. A rollback is a list of
 * moves too, built from where the endpoint stands. A dry run hands a
 * rollout's list to plan.ts.
 */
import * as core from '@actions/core'
import { errorMessage, isExpiredCredentials } from '../aws/errors.js'
import type { OperationContext } from '../context.js'
import type { Endpoint, EndpointConfig } from '../endpoint.js'
import { addInstanceTime, type RolloutRecord, type RolloutStepRecord } from '../report.js'
import type { RolloutSettings } from '../settings.js'
import { deleteConfigQuietly } from '../resources.js'
import { bake, judgePause } from './bake.js'
import { gatesAtWeight, hasGates, StepJudge } from './gates.js'
import { floorPeriod, periodMsOf } from './periods.js'
import { holdServingCapacityFor, type InFlight } from './in-flight.js'
import { isJudging, rollbackMoves, rolloutStanding, type Move, type Progress } from './moves.js'
import { rehearse } from './plan.js'
import { failedUpdateResult, type RolloutResult } from './result.js'
import { endpointNow, giveBackCapacity, returnTo, switchedStanding, trafficOff } from './rollback.js'
import { releaseServingCapacity } from './scaling.js'
import { rolloutProgress } from './state.js'
import { createCanaryConfig, joinCanary, recordPauseStart, shift, switchToRelease } from './switch.js'
import { createShadowConfig, joinShadow, judgeShadow } from './shadow.js'
import { decisions, describeMove, NO_GATES_WARNING } from './words.js'

/** What the moves act on: the endpoint and its config as the run found them. */
export interface Scene {
  endpoint: Endpoint
  current: EndpointConfig
}

/**
 * Carries the moves out, or in a dry run records them as the plan. Returns
 * how the rollout ended; undefined in a dry run.
 */
export async function carryOut(
  ctx: OperationContext,
  settings: RolloutSettings,
  inFlight: InFlight,
  moves: Move[],
  scene: Scene
): Promise<RolloutResult | undefined> {
  if (ctx.dryRun) {
    await rehearse(ctx, settings, inFlight, moves, scene)
    return undefined
  }
  const progress: Progress = {
    endpointName: ctx.endpointName,
    region: ctx.settings.region,
    rollout: inFlight,
    moves,
    reached: 0,
    failures: { consecutive: 0 },
    baseline: []
  }
  let judgingSince: number | undefined
  let saving = false
  try {
    for (const [index, move] of moves.entries()) {
      progress.reached = index
      // From the hold on, the serving fleet is the rollout's to give back: a cancel must find how far it went.
      saving ||= move.kind === 'hold-capacity'
      if (saving) rolloutProgress.save(progress)
      if (judgingSince === undefined && isJudging(move)) {
        judgingSince = ctx.clock.now()
        if (!hasGates(settings.gates)) ctx.warn(NO_GATES_WARNING)
      }
      const ended = await perform(ctx, settings, move, scene, progress)
      if (ended) return ended
    }
    return { outcome: 'failed', decision: 'The rollout plan ended without a conclusion.', failsStep: true }
  } finally {
    if (judgingSince !== undefined) {
      addInstanceTime(ctx.report, (inFlight.newVariantInstances ?? 0) * (ctx.clock.now() - judgingSince))
      // However it ended (promoted, paused, rolled back), the old variants' autoscaling is theirs again.
      await releaseServingCapacity(ctx, inFlight.held)
    }
  }
}

/**
 * Carries a rollback plan out, move by move; in a dry run each change is
 * only recorded, so the list printed is the one a run carries out. Returns
 * the endpoint as the return left it (undefined when it was not waited for).
 */
export async function carryOutRollback(ctx: OperationContext, moves: Move[]): Promise<Endpoint | undefined> {
  core.info(`Rollback plan:\n${moves.map((move, index) => `  ${index + 1}. ${describeMove(move)}`).join('\n')}`)
  let landed: Endpoint | undefined
  for (const move of moves) {
    if (move.kind === 'traffic-off') await trafficOff(ctx, move)
    else if (move.kind === 'return') landed = await returnTo(ctx, move)
    else if (move.kind === 'give-back-capacity') await giveBackCapacity(ctx, move)
    else if (move.kind === 'delete-config') await deleteConfigQuietly(ctx, move.config)
    else throw new Error(`A rollback has no move "${move.kind}": it belongs to a rollout.`)
  }
  return landed
}

/**
 * A rollout run by the action, back from wherever it stands: on the canary
 * config, half-way to it or to the release, or already on the previous
 * config. Its progress says what it holds and how far it went.
 */
export async function rollBack(ctx: OperationContext, progress: Progress): Promise<Endpoint | undefined> {
  const endpoint = await endpointNow(ctx, progress.rollout.newVariant)
  return carryOutRollback(ctx, rollbackMoves(rolloutStanding(progress, endpoint)))
}

/** An endpoint switched whole to a new config (all at once, or by SageMaker), back on `previousConfig`. */
export async function switchBack(ctx: OperationContext, previousConfig: string): Promise<Endpoint | undefined> {
  return carryOutRollback(ctx, rollbackMoves(await switchedStanding(ctx, previousConfig)))
}

/** One move; a result when the rollout ends with it. */
async function perform(
  ctx: OperationContext,
  settings: RolloutSettings,
  move: Move,
  scene: Scene,
  progress: Progress
): Promise<RolloutResult | undefined> {
  const inFlight = progress.rollout
  switch (move.kind) {
    case 'create-canary-config':
      await createCanaryConfig(ctx, inFlight, move)
      return undefined
    case 'create-shadow-config':
      await createShadowConfig(ctx, inFlight, move)
      return undefined
    case 'hold-capacity':
      await holdCapacity(ctx, progress, scene.endpoint, move.atLeast)
      return undefined
    case 'join-shadow':
      return joinOrRollBack(ctx, progress, () => joinShadow(ctx, inFlight, move.fleet))
    case 'join':
      // After a failed shadow phase nothing joins: the ending rolls back.
      return progress.stopped ? undefined : joinOrRollBack(ctx, progress, () => joinCanary(ctx, inFlight, move.fleet))
    case 'judge-pause':
    case 'judge-shadow':
    case 'shift':
    case 'judge-step':
      return judgeOrStop(ctx, settings, move, progress)
    case 'pause':
      return concludePause(ctx, settings, progress, move.weight)
    case 'switch-to-release':
      return releaseOrRollBack(ctx, settings, progress)
    default:
      throw new Error(`A rollout has no move "${move.kind}" here: it belongs to a rollback.`)
  }
}

async function holdCapacity(
  ctx: OperationContext,
  progress: Progress,
  endpoint: Endpoint,
  atLeast: Record<string, number> | undefined
): Promise<void> {
  const inFlight = progress.rollout
  await holdServingCapacityFor(ctx, endpoint, inFlight, (held) =>
    rolloutProgress.save({ ...progress, rollout: { ...inFlight, held } })
  )
  for (const entry of inFlight.held) entry.instances = Math.max(entry.instances, atLeast?.[entry.variant] ?? 0)
}

async function joinOrRollBack(
  ctx: OperationContext,
  progress: Progress,
  join: () => Promise<void>
): Promise<RolloutResult | undefined> {
  const inFlight = progress.rollout
  try {
    await join()
    return undefined
  } catch (error) {
    // The endpoint may be anywhere between the two configs (or SageMaker already put it back).
    await rollBack(ctx, progress).catch(async (rollbackError: unknown) => {
      ctx.warn(`Could not return to "${inFlight.previousConfig}": ${errorMessage(rollbackError)}`)
      await releaseServingCapacity(ctx, inFlight.held)
    })
    return (
      failedUpdateResult(error) ?? { outcome: 'failed', decision: errorMessage(error), failsStep: true, cause: error }
    )
  }
}

/** The judging moves; once the rollout has stopped short, the moves left are skipped until its ending. */
async function judgeOrStop(
  ctx: OperationContext,
  settings: RolloutSettings,
  move: Extract<Move, { kind: 'judge-pause' | 'judge-shadow' | 'shift' | 'judge-step' }>,
  progress: Progress
): Promise<RolloutResult | undefined> {
  if (progress.stopped) return undefined
  const inFlight = progress.rollout
  const record = ctx.report.rollout as RolloutRecord
  try {
    if (move.kind === 'judge-pause') {
      const judged = await judgePause(ctx, settings, inFlight, move.pause, record)
      progress.baseline = judged.baseline
      if (judged.judgedThrough !== undefined) progress.pauseJudgedThrough = judged.judgedThrough
      if (judged.failure) progress.stopped = { kind: 'failed', reason: judged.failure, weight: move.pause.weight }
    } else if (move.kind === 'judge-shadow') {
      await judgeShadow(ctx, settings, progress, record, move)
    } else if (move.kind === 'shift') {
      await shift(ctx, inFlight, move, record)
    } else {
      await judgeStep(ctx, settings, inFlight, move, progress, record)
    }
    return undefined
  } catch (error) {
    core.endGroup()
    return stoppedByError(ctx, settings, progress, record, error)
  }
}

async function judgeStep(
  ctx: OperationContext,
  settings: RolloutSettings,
  inFlight: InFlight,
  move: Extract<Move, { kind: 'judge-step' }>,
  progress: Progress,
  record: RolloutRecord
): Promise<void> {
  const step = record.steps.at(-1) as RolloutStepRecord
  // After a pause, the first step starts from the first period its judging left: the canary served at the
  // paused weight while promote waited for CloudWatch, and those periods are this step's to judge.
  const afterPause = move.index === 0 && progress.pauseJudgedThrough !== undefined
  const stepStart = floorPeriod(step.startedAt, periodMsOf(inFlight.source))
  const stepSettings = { ...settings, gates: gatesAtWeight(settings.gates, move.weight) }
  const judge = new StepJudge(ctx, stepSettings.gates, {
    newVariant: inFlight.newVariant,
    baselineVariants: inFlight.oldVariants.map((variant) => variant.name),
    source: inFlight.source,
    firstPeriod: afterPause ? Math.min(stepStart, progress.pauseJudgedThrough as number) : stepStart,
    baselineServes: move.weight < 100,
    earlierBaseline: progress.baseline
  })
  const verdict = await bake(ctx, stepSettings, judge, step, progress.failures)
  progress.baseline = [...progress.baseline, ...judge.baselineSeen]
  core.endGroup()
  step.endedAt = ctx.clock.now()
  step.verdict = verdict.verdict
  if (verdict.verdict !== 'passed') {
    step.reason = verdict.reason
    progress.stopped = { kind: verdict.verdict, reason: verdict.reason, weight: move.weight }
  }
}

function stoppedByError(
  ctx: OperationContext,
  settings: RolloutSettings,
  progress: Progress,
  record: RolloutRecord,
  error: unknown
): Promise<RolloutResult> | RolloutResult {
  const current = record.steps.at(-1)
  if (current && current.verdict === 'in-progress') {
    current.verdict = 'failed'
    current.endedAt = ctx.clock.now()
  }
  if (isExpiredCredentials(error)) {
    // Every call from here would fail the same way: say where the endpoint was left instead.
    return {
      outcome: 'failed',
      decision: decisions.credentialsExpired(current?.weight ?? 0),
      healthy: false,
      failsStep: true,
      cause: error
    }
  }
  return rollBackOrStop(ctx, settings, progress, `the rollout could not go on: ${errorMessage(error)}`)
}

/** The rollout's ending where its steps stop short of 100, or stopped short. */
function concludePause(
  ctx: OperationContext,
  settings: RolloutSettings,
  progress: Progress,
  weight: number
): Promise<RolloutResult> {
  const inFlight = progress.rollout
  return progress.stopped
    ? concludeStopped(ctx, settings, progress, progress.stopped)
    : pauseHere(ctx, inFlight, {
        decision: decisions.pausedAsAsked(weight, inFlight.newVariant, inFlight.previousConfig),
        failsStep: false,
        healthy: true
      })
}

function concludeStopped(
  ctx: OperationContext,
  settings: RolloutSettings,
  progress: Progress,
  stopped: NonNullable<Progress['stopped']>
): Promise<RolloutResult> {
  if (stopped.kind === 'failed') return rollBackOrStop(ctx, settings, progress, stopped.reason)
  const why = decisions.undecidedStep(stopped.weight, stopped.reason, stopped.shadow)
  // A shadow phase has no pause to rest in: promote goes on from a canary.
  if (settings.onInconclusive !== 'pause' || stopped.shadow) return rollBackOrStop(ctx, settings, progress, why)
  return pauseHere(ctx, progress.rollout, {
    decision: decisions.pausedUndecided(stopped.weight, progress.rollout.newVariant, why),
    failsStep: true,
    healthy: false
  })
}

async function releaseOrRollBack(
  ctx: OperationContext,
  settings: RolloutSettings,
  progress: Progress
): Promise<RolloutResult> {
  if (progress.stopped) return concludeStopped(ctx, settings, progress, progress.stopped)
  const inFlight = progress.rollout
  try {
    await core.group(`Promoting ${inFlight.newVariant}: retiring the old variants`, () =>
      switchToRelease(ctx, inFlight)
    )
  } catch (error) {
    return rollBackOrStop(ctx, settings, progress, `promotion failed: ${errorMessage(error)}`)
  }
  // The new model serves under the stable name now: the one to key alarms, dashboards and health checks on.
  ctx.output('variant-name', inFlight.stableVariant)
  return {
    outcome: 'succeeded',
    decision: decisions.released(inFlight.newVariant, inFlight.stableVariant, inFlight.releaseConfig),
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
  rolloutProgress.clear()
  await recordPauseStart(ctx, inFlight.canaryConfig)
  return { outcome: 'paused', ...result }
}

async function rollBackOrStop(
  ctx: OperationContext,
  settings: RolloutSettings,
  progress: Progress,
  failure: string
): Promise<RolloutResult> {
  const { previousConfig } = progress.rollout
  if (!settings.autoRollback) {
    rolloutProgress.clear()
    return {
      outcome: 'failed',
      decision: decisions.leftInPlace(failure, previousConfig),
      healthy: false,
      failsStep: true
    }
  }
  ctx.warn(`Rolling back: ${failure}`)
  try {
    await core.group(`Rolling back to ${previousConfig}`, () => rollBack(ctx, progress))
  } catch (error) {
    return {
      outcome: 'failed',
      decision: decisions.rollbackFailed(failure, errorMessage(error)),
      healthy: false,
      failsStep: true
    }
  }
  return {
    outcome: 'rolled-back',
    decision: decisions.rolledBack(failure, previousConfig),
    healthy: false,
    failsStep: settings.failOnRollback
  }
}
