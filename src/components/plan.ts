/**
 * An inference component's rollout in words and as a dry run: each move
 * with the copies and batches it involves, the same list the executor
 * (rollout.ts) carries out, and how long it typically takes.
 */
import type { OperationContext } from '../context.js'
import { counted, formatDuration } from '../parse.js'
import type { RolloutSettings } from '../settings.js'
import { describeGates } from '../rollout/gates.js'
import { PROVISIONING_ESTIMATE_MS } from '../rollout/native-limits.js'
import { recordPlan } from '../rollout/plan.js'
import { createVerdictAlarm } from '../rollout/verdict-alarm.js'
import { describeCompute } from './capacity.js'
import type { ComponentMove, ComponentState } from './moves.js'
import { recordWhereRollbackReturns, sendMove, type ComponentRollout } from './requests.js'

/** One move in words, with the copies and batches it involves, for the plan and the log. */
export function describeComponentMove(move: ComponentMove, settings: RolloutSettings): string {
  const bake = formatDuration(settings.bakeTimeMs)
  switch (move.kind) {
    case 'create-endpoint':
      return `Create endpoint config "${move.config}" for inference components (${counted(move.variant.InitialInstanceCount ?? 1, 'instance')} of ${move.variant.InstanceType ?? ''}${scalingWords(move.variant)}, no model on the variant) and the endpoint on it.`
    case 'create-component':
      return `Create the component on variant ${move.variant} with ${counted(move.target.copies, 'copy', 'copies')} of model "${move.target.specification.ModelName ?? ''}", each reserving ${computeWords(move.target)}.`
    case 'roll-component':
      return `SageMaker's rolling update from model "${move.from.specification.ModelName ?? ''}" to "${move.target.specification.ModelName ?? ''}": ${counted(move.rolling.batches, 'batch', 'batches')} of ${counted(move.rolling.batchCopies, 'copy', 'copies')}, each placed then baked ${bake} with the alarms watched; up to ${move.from.copies + move.rolling.batchCopies} copies at once (${move.from.copies} old + ${move.rolling.batchCopies} new), each reserving ${computeWords(move.target)}; a rollback brings the old copies back ${counted(move.rolling.rollbackCopies, 'copy', 'copies')} at a time, ${move.rolling.peakCopies} copies at once should it begin as the last batch bakes. The action judges the whole component every ${formatDuration(settings.gateIntervalMs)} against its minutes before the update, and SageMaker rolls back on its verdict alarm.`
    case 'judge-component':
      return `Judge the new copies alone for ${bake}, from the first whole period after the update; a failure rolls the component back.`
    case 'restore-component':
      return move.rolling
        ? `Return the component to model "${move.target.specification.ModelName ?? ''}" with ${counted(move.target.copies, 'copy', 'copies')}, ${counted(move.rolling.batchCopies, 'copy', 'copies')} a batch.`
        : `Return the component to model "${move.target.specification.ModelName ?? ''}" with ${counted(move.target.copies, 'copy', 'copies')}, all at once (one copy cannot roll in batches).`
    case 'delete-component':
      return 'Delete the component this run created; the endpoint stays.'
  }
}

function scalingWords(variant: Extract<ComponentMove, { kind: 'create-endpoint' }>['variant']): string {
  const scaling = variant.ManagedInstanceScaling
  return scaling?.Status === 'ENABLED'
    ? `, managed instance scaling ${scaling.MinInstanceCount ?? 1} to ${scaling.MaxInstanceCount ?? 1}`
    : ''
}

function computeWords(state: ComponentState): string {
  const compute = state.specification.ComputeResourceRequirements
  return describeCompute({
    memoryMb: compute?.MinMemoryRequiredInMb ?? 0,
    ...(compute?.NumberOfAcceleratorDevicesRequired
      ? { acceleratorDevices: compute.NumberOfAcceleratorDevicesRequired }
      : {}),
    ...(compute?.NumberOfCpuCoresRequired ? { cpuCores: compute.NumberOfCpuCoresRequired } : {})
  })
}

/**
 * A dry run: every request the moves make, recorded not sent, and the
 * schedule: provisioning and a bake per batch, then the judging of the new
 * copies, and how long that typically takes.
 */
export async function rehearse(
  ctx: OperationContext,
  settings: RolloutSettings,
  rollout: ComponentRollout,
  moves: ComponentMove[]
): Promise<void> {
  let durationMs = 0
  for (const move of moves) {
    if (move.kind === 'roll-component') {
      await recordWhereRollbackReturns(ctx, rollout, move.from)
      const verdict = { newConfig: rollout.verdictKey, gateIntervalMs: settings.gateIntervalMs }
      const alarm = settings.autoRollback ? await createVerdictAlarm(ctx, verdict) : undefined
      await sendMove(ctx, rollout, move, settings, [...settings.gates.alarmNames, ...(alarm ? [alarm] : [])])
      durationMs += move.rolling.batches * (PROVISIONING_ESTIMATE_MS + settings.bakeTimeMs)
      continue
    }
    if (move.kind === 'create-endpoint' || move.kind === 'create-component') {
      durationMs += PROVISIONING_ESTIMATE_MS
    } else if (move.kind === 'judge-component') {
      durationMs += settings.bakeTimeMs
    }
    await sendMove(ctx, rollout, move, settings, settings.gates.alarmNames)
  }
  recordPlan(ctx, {
    schedule: moves.map((move) => describeComponentMove(move, settings)),
    gates: describeGates(settings.gates, rollout.source),
    durationMs,
    instanceMs: 0
  })
}
