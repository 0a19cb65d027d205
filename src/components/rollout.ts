/**
 * The one executor of an inference component's moves (moves.ts): it carries
 * them out in order and ends the rollout in one conclusion, or in a dry run
 * makes the same requests (ctx.change only records them) and prints the
 * schedule with its batches, bakes, duration and copies.
 */
import * as core from '@actions/core'
import { errorMessage } from '../aws/errors.js'
import type { OperationContext } from '../context.js'
import { formatDuration } from '../parse.js'
import type { RolloutRecord, RolloutStepRecord } from '../report.js'
import type { RolloutSettings } from '../settings.js'
import { describeGates } from '../rollout/gates.js'
import type { RolloutResult } from '../rollout/result.js'
import { nativeDeployment } from '../rollout/state.js'
import {
  createVerdictAlarm,
  deleteVerdictAlarm,
  leaveToSageMaker,
  type VerdictTarget
} from '../rollout/verdict-alarm.js'
import { waitForInService } from '../wait.js'
import { AddedInstances } from './added-instances.js'
import { findComponent, modelOf, waitForComponent, type Component } from './component.js'
import { componentBaseline, ComponentUpdateJudge, judgeNewCopies } from './judge.js'
import { componentRollbackMoves, type ComponentMove } from './moves.js'
import { describeComponentMove, rehearse } from './plan.js'
import { recordWhereRollbackReturns, sendMove, type ComponentRollout } from './requests.js'

/** Carries the moves out, or in a dry run records them as the plan; undefined in a dry run. */
export async function carryOutComponent(
  ctx: OperationContext,
  settings: RolloutSettings,
  rollout: ComponentRollout,
  moves: ComponentMove[]
): Promise<RolloutResult | undefined> {
  const record = startComponentRecord(ctx, settings, rollout)
  if (ctx.dryRun) {
    await rehearse(ctx, settings, rollout, moves)
    return undefined
  }
  let ended: RolloutResult | undefined
  for (const move of moves) {
    ended = await perform(ctx, settings, rollout, move, record)
    if (ended) break
  }
  const component = await findComponent(ctx, rollout.component)
  // The endpoint's variants name no model: the summary says what the component runs now.
  ctx.note(describeComponent(rollout.component, component))
  return (
    ended ?? {
      outcome: 'succeeded',
      decision: `Every copy of inference component "${rollout.component}" runs model "${modelOf(component) ?? ''}", judged healthy on its own.`,
      healthy: true,
      failsStep: false
    }
  )
}

function describeComponent(name: string, component: Component | undefined): string {
  if (!component) return `Inference component "${name}" is gone.`
  const copies = component.RuntimeConfig
  return `Inference component "${name}" is ${component.InferenceComponentStatus ?? 'unknown'}: ${copies?.CurrentCopyCount ?? 0} of ${copies?.DesiredCopyCount ?? 0} copies of model "${modelOf(component) ?? ''}".`
}

function startComponentRecord(
  ctx: OperationContext,
  settings: RolloutSettings,
  rollout: ComponentRollout
): RolloutRecord {
  const record: RolloutRecord = {
    controller: 'sagemaker',
    strategy: 'rolling',
    newVariant: `component ${rollout.component}`,
    ...(settings.gates.maxErrorRate !== undefined ? { maxErrorRate: settings.gates.maxErrorRate } : {}),
    gates: describeGates(settings.gates, rollout.source),
    steps: []
  }
  ctx.report.rollout = record
  return record
}

async function perform(
  ctx: OperationContext,
  settings: RolloutSettings,
  rollout: ComponentRollout,
  move: ComponentMove,
  record: RolloutRecord
): Promise<RolloutResult | undefined> {
  switch (move.kind) {
    case 'create-endpoint':
      await sendMove(ctx, rollout, move, settings)
      await core.group(`Creating endpoint "${ctx.endpointName}" for inference components`, () =>
        waitForInService(ctx, move.config, `the creation of endpoint "${ctx.endpointName}"`)
      )
      return undefined
    case 'create-component':
      return createAndWait(ctx, settings, rollout, move)
    case 'roll-component':
      return rollAndJudge(ctx, settings, rollout, move, record)
    case 'judge-component':
      return judgeOrGoBack(ctx, settings, rollout, record)
    default:
      throw new Error(`A rollout has no move "${move.kind}": it belongs to a rollback.`)
  }
}

async function createAndWait(
  ctx: OperationContext,
  settings: RolloutSettings,
  rollout: ComponentRollout,
  move: Extract<ComponentMove, { kind: 'create-component' }>
): Promise<RolloutResult | undefined> {
  await sendMove(ctx, rollout, move, settings)
  const created = await core.group(`Creating inference component "${rollout.component}"`, () =>
    waitForComponent(ctx, rollout.component, `the creation of inference component "${rollout.component}"`)
  )
  if (created?.InferenceComponentStatus === 'InService') return undefined
  const why = `inference component "${rollout.component}" ended ${created?.InferenceComponentStatus ?? 'deleted'}${reasonOf(created)}`
  await goBack(ctx, settings, rollout)
  return { outcome: 'failed', decision: `The deploy failed: ${why}. It was deleted.`, healthy: false, failsStep: true }
}

/**
 * SageMaker's rolling update, judged all through it. The verdict alarm goes
 * first (published "judging" before the alarm exists, so it starts OK), and
 * is deleted once the update has ended either way.
 */
async function rollAndJudge(
  ctx: OperationContext,
  settings: RolloutSettings,
  rollout: ComponentRollout,
  move: Extract<ComponentMove, { kind: 'roll-component' }>,
  record: RolloutRecord
): Promise<RolloutResult | undefined> {
  await recordWhereRollbackReturns(ctx, rollout, move.from)
  const verdict: VerdictTarget = { newConfig: rollout.verdictKey, gateIntervalMs: settings.gateIntervalMs }
  const alarm = settings.autoRollback ? await createVerdictAlarm(ctx, verdict) : undefined
  const step: RolloutStepRecord = { weight: 100, startedAt: ctx.clock.now(), evaluations: [], verdict: 'in-progress' }
  record.steps.push(step)
  const judge = new ComponentUpdateJudge(ctx, settings, rollout, step, alarm ? verdict : undefined)
  // A cancelled run's post step deletes the alarm once SageMaker is done with it.
  if (alarm) {
    nativeDeployment.save({
      endpointName: ctx.endpointName,
      region: ctx.settings.region,
      alarms: [alarm],
      component: rollout.component
    })
  }
  let ended: Component | undefined
  let settled = true
  const added = await AddedInstances.start(ctx, rollout.variant)
  try {
    await sendMove(ctx, rollout, move, settings, [...settings.gates.alarmNames, ...(alarm ? [alarm] : [])])
    ended = await core.group(`SageMaker's rolling update of "${rollout.component}", judged by the action`, () =>
      waitForComponent(ctx, rollout.component, `the rolling update of "${rollout.component}"`, {
        // SageMaker rolls back by itself when MaximumExecutionTimeout runs out: keep watching through that.
        timeoutMs: ctx.settings.timeoutMs * 2,
        whileWaiting: async () => {
          await added?.sample()
          return judge.onPoll()
        }
      })
    )
    await judge.settle()
  } catch (error) {
    // Still running when the run stopped watching: SageMaker needs the alarm until it is done; the post step deletes it.
    // The component's rolling update is the only change under way while it is Updating: the run holds the lock.
    const goesOn = async () => (await findComponent(ctx, rollout.component))?.InferenceComponentStatus === 'Updating'
    const kept = alarm ? { name: alarm, target: verdict } : undefined
    if (await leaveToSageMaker(ctx, error, kept, goesOn)) settled = false
    throw error
  } finally {
    added?.finish()
    if (alarm && settled) {
      await deleteVerdictAlarm(ctx, alarm)
      nativeDeployment.clear()
    }
  }
  step.endedAt = ctx.clock.now()
  const model = modelOf(ended)
  if (ended?.InferenceComponentStatus === 'InService' && model === move.target.specification.ModelName) {
    // Not the last word either way: the new copies alone are judged next.
    step.verdict = judge.failure ? 'failed' : judge.passedOnce ? 'passed' : 'inconclusive'
    if (!judge.failure) return undefined
    // The verdict failed too late for SageMaker: the action takes it back itself.
    return rollBackOrStop(ctx, settings, rollout, judge.failure)
  }
  step.verdict = 'failed'
  const onVerdict = judge.failure ? ` on the action's verdict: ${judge.failure}` : ''
  if (ended?.InferenceComponentStatus === 'InService' && model === move.from.specification.ModelName) {
    step.reason = `SageMaker rolled the update back${onVerdict}`
    return {
      outcome: 'rolled-back',
      decision: `SageMaker rolled inference component "${rollout.component}" back to model "${model ?? ''}"${onVerdict}${reasonOf(ended)}.`,
      healthy: false,
      failsStep: settings.failOnRollback
    }
  }
  return {
    outcome: 'failed',
    decision: `The rolling update of inference component "${rollout.component}" ended ${ended?.InferenceComponentStatus ?? 'with the component gone'} on model "${model ?? ''}"${reasonOf(ended)}. It needs attention: run operation: rollback once it is InService.`,
    healthy: false,
    failsStep: true
  }
}

async function judgeOrGoBack(
  ctx: OperationContext,
  settings: RolloutSettings,
  rollout: ComponentRollout,
  record: RolloutRecord
): Promise<RolloutResult | undefined> {
  const step: RolloutStepRecord = { weight: 100, startedAt: ctx.clock.now(), evaluations: [], verdict: 'in-progress' }
  record.steps.push(step)
  // By now CloudWatch has published the minutes just before the deploy, which it had not when the deploy began.
  const earlierBaseline = rollout.from
    ? await componentBaseline(ctx, settings, rollout.component, rollout.source, rollout.startedAt)
    : []
  const verdict = await core.group(
    `Judging the new copies of "${rollout.component}" alone for ${formatDuration(settings.bakeTimeMs)}`,
    () => judgeNewCopies(ctx, settings, { ...rollout, earlierBaseline }, step)
  )
  step.endedAt = ctx.clock.now()
  step.verdict = verdict.verdict
  if (verdict.verdict === 'passed') return undefined
  step.reason = verdict.reason
  const failure =
    verdict.verdict === 'inconclusive' ? `the gates could not judge the new copies (${verdict.reason})` : verdict.reason
  return rollBackOrStop(ctx, settings, rollout, failure)
}

async function rollBackOrStop(
  ctx: OperationContext,
  settings: RolloutSettings,
  rollout: ComponentRollout,
  failure: string
): Promise<RolloutResult> {
  const back = rollout.from ? `model "${rollout.from.specification.ModelName ?? ''}"` : 'no component'
  if (!settings.autoRollback) {
    return {
      outcome: 'failed',
      decision: `${failure}. auto-rollback is off, so it was left in place; run operation: rollback to return to ${back}.`,
      healthy: false,
      failsStep: true
    }
  }
  ctx.warn(`Rolling back: ${failure}`)
  try {
    await goBack(ctx, settings, rollout)
  } catch (error) {
    return {
      outcome: 'failed',
      decision: `${failure}, and the rollback failed: ${errorMessage(error)}`,
      healthy: false,
      failsStep: true
    }
  }
  return {
    outcome: 'rolled-back',
    decision: `Rolled back: ${failure}. Inference component "${rollout.component}" is back on ${back}.`,
    healthy: false,
    failsStep: settings.failOnRollback
  }
}

/** The rollback plan, from the component's own record, carried out move by move. */
export async function goBack(
  ctx: OperationContext,
  settings: RolloutSettings,
  rollout: ComponentRollout
): Promise<void> {
  const moves = componentRollbackMoves(rollout.from, settings.rollbackBatchSize ?? settings.batchSize)
  core.info(
    `Rollback plan:\n${moves.map((move, index) => `  ${index + 1}. ${describeComponentMove(move, settings)}`).join('\n')}`
  )
  for (const move of moves) {
    await sendMove(ctx, rollout, move, settings, settings.gates.alarmNames)
    const ended = await waitForComponent(ctx, rollout.component, `the rollback of "${rollout.component}"`)
    if (move.kind === 'restore-component' && modelOf(ended) !== move.target.specification.ModelName) {
      throw new Error(
        `inference component "${rollout.component}" ended ${ended?.InferenceComponentStatus ?? 'gone'} on model "${modelOf(ended) ?? ''}"${reasonOf(ended)}`
      )
    }
  }
}

function reasonOf(component: Component | undefined): string {
  return component?.FailureReason ? ` (${component.FailureReason.trim().replace(/\.+$/, '')})` : ''
}
