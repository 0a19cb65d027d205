/**
 * The post step: runs after the job, whatever happened to it, and finishes
 * what a cancelled or killed main step left, as its saved state says:
 * - a rollout run by the action goes back to its previous config, by the
 *   plan built from its progress;
 * - a deployment run by SageMaker carries on by itself; once it has ended,
 *   the alarms the action made for it are deleted;
 * - the model and configs an unfinished deploy created are deleted, once
 *   nothing runs on them;
 * - autoscaling taken off for an update the run did not see through is put
 *   back, on the variant the endpoint has;
 * - the endpoint lock the main step left held is released, last.
 * Errors here are warnings: the job's verdict was decided by the main step.
 */
import * as core from '@actions/core'
import type { AwsClients } from './aws/clients.js'
import { errorMessage } from './aws/errors.js'
import type { Clock } from './clock.js'
import { OperationContext } from './context.js'
import { parseCommonSettings } from './inputs.js'
import { newReport } from './report.js'
import { rollBack } from './rollout/executor.js'
import type { Progress } from './rollout/moves.js'
import { deleteVerdictAlarm } from './rollout/verdict-alarm.js'
import { setRolloutOutputs } from './rollout/result.js'
import { putBackScalingLeftOff, releaseServingCapacity } from './rollout/scaling.js'
import { discardUnused } from './resources.js'
import {
  nativeDeployment,
  unfinishedDeploy,
  readCommonInputs,
  takenLock,
  rolloutProgress,
  scalingTakenOff,
  type NativeDeployment,
  type UnfinishedDeploy
} from './rollout/state.js'
import { writeSummary } from './summary.js'
import { reportEndpoint, getEndpoint } from './endpoint.js'
import { releaseEndpointLock } from './lock.js'
import { waitForSettled } from './wait.js'
import { waitForComponent } from './components/component.js'

export async function runPost(clock: Clock, createClients: (region: string) => AwsClients): Promise<void> {
  const progress = rolloutProgress.read()
  const native = nativeDeployment.read()
  const created = unfinishedDeploy.read()
  const scalingOff = scalingTakenOff.read()
  const lock = takenLock.read()
  const target = progress ?? native ?? created ?? scalingOff ?? lock
  if (!target) {
    core.debug('No rollout was left in flight; nothing to clean up.')
    return
  }
  const report = newReport('rollback', target.endpointName, target.region, false, clock.now())
  const saved = readCommonInputs()
  // The rollout's own endpoint and region win: they are what the post step must restore.
  const common = parseCommonSettings(
    (name) => ({ ...saved, 'endpoint-name': target.endpointName, region: target.region })[name] ?? '',
    {}
  )
  const ctx = new OperationContext(
    { ...common, waitForCompletion: true, dryRun: false },
    createClients(target.region),
    clock,
    report
  )
  try {
    if (progress) await returnToPreviousConfig(ctx, progress)
    if (native) await removeDeploymentAlarms(ctx, native)
    if (created) await deleteWhatTheRunCreated(ctx, created)
    if (scalingOff) await putBackScalingLeftOff(ctx, scalingOff)
    report.succeeded = report.error === undefined
  } finally {
    // Released last: until the endpoint is back where it was, no other run may start on it.
    if (lock) await releaseEndpointLock(ctx, lock)
    if (progress || native || created || scalingOff) {
      report.finishedAt = clock.now()
      await writeSummary(report)
    }
  }
}

async function returnToPreviousConfig(ctx: OperationContext, progress: Progress): Promise<void> {
  const { endpointName } = progress
  const { previousConfig } = progress.rollout
  ctx.warn(
    `A rollout on "${endpointName}" did not finish (the run was cancelled or killed); returning it to "${previousConfig}".`
  )
  try {
    await rollBack(ctx, progress)
    ctx.note(`Cleanup after a cancelled rollout: endpoint "${endpointName}" is back on "${previousConfig}".`)
    setRolloutOutputs(ctx, { rolledBack: true })
    await reportEndpoint(ctx, await getEndpoint(ctx))
  } catch (error) {
    // The AWS message goes last: it ends its own sentence.
    ctx.report.error = `Could not return "${endpointName}" to "${previousConfig}" (run operation: rollback with endpoint-config-name: ${previousConfig}): ${errorMessage(error)}`
    core.warning(ctx.report.error)
    // The saved state ends with this step, and operation: rollback does not know what was suspended:
    // left now, the serving variants' scale-in would stay suspended for good.
    await releaseServingCapacity(ctx, progress.rollout.held)
  }
}

/** After the endpoint is back (or never left), what the cancelled deploy made for it serves nothing. */
async function deleteWhatTheRunCreated(ctx: OperationContext, created: UnfinishedDeploy): Promise<void> {
  const deleted = await discardUnused(ctx, created)
  const names = [
    ...deleted.models.map((name) => `model "${name}"`),
    ...deleted.configs.map((name) => `endpoint config "${name}"`)
  ]
  if (names.length > 0) {
    ctx.note(`Deleted what the cancelled run created and nothing runs on: ${names.join(', ')}.`)
  }
  unfinishedDeploy.clear()
}

/**
 * SageMaker's deployment needs its alarms until it ends, and nothing can stop
 * it: wait for it (as long as SageMaker itself may take, the timeout twice,
 * its own rollback included), then delete them.
 */
async function removeDeploymentAlarms(ctx: OperationContext, native: NativeDeployment): Promise<void> {
  try {
    const purpose = "SageMaker's deployment to end before deleting its alarms"
    const timeoutMs = ctx.settings.timeoutMs * 2
    if (native.component) await waitForComponent(ctx, native.component, purpose, { timeoutMs })
    else await waitForSettled(ctx, purpose, timeoutMs)
    for (const alarm of native.alarms) await deleteVerdictAlarm(ctx, alarm)
    ctx.note(
      `SageMaker's deployment on "${native.endpointName}" has ended; its alarms ${native.alarms.join(', ')} were deleted.`
    )
    nativeDeployment.clear()
  } catch (error) {
    ctx.report.error = `SageMaker's deployment on "${native.endpointName}" had not ended, so its alarms ${native.alarms.join(', ')} were kept: ${errorMessage(error)} Delete them once it has.`
    core.warning(ctx.report.error)
  }
}
