/**
 * The post step: runs after the job, whatever happened to it. If the main step
 * was cancelled mid-rollout, the saved state says so, and the endpoint goes
 * back to its previous config. Errors here are warnings: the job's verdict was
 * decided by the main step.
 */
import * as core from '@actions/core'
import type { AwsClients } from './aws/clients.js'
import { errorMessage } from './aws/errors.js'
import type { Clock } from './clock.js'
import { OperationContext } from './context.js'
import { parseCommonSettings } from './inputs.js'
import { newReport } from './report.js'
import { rollBack } from './rollout/engine.js'
import { setRolloutOutputs } from './rollout/result.js'
import { readCommonInputs, readInFlightRollout } from './rollout/state.js'
import { writeSummary } from './summary.js'
import { reportEndpoint, getEndpoint } from './endpoint.js'

export async function runPost(clock: Clock, createClients: (region: string) => AwsClients): Promise<void> {
  const rollout = readInFlightRollout()
  if (!rollout) {
    core.debug('No rollout was left in flight; nothing to clean up.')
    return
  }
  const report = newReport('rollback', rollout.endpointName, rollout.region, false, clock.now())
  const saved = readCommonInputs()
  // The rollout's own endpoint and region win: they are what the post step must restore.
  const common = parseCommonSettings(
    (name) => ({ ...saved, 'endpoint-name': rollout.endpointName, region: rollout.region })[name] ?? '',
    {}
  )
  const ctx = new OperationContext(
    { ...common, waitForCompletion: true, dryRun: false },
    createClients(rollout.region),
    clock,
    report
  )
  core.warning(
    `A rollout on "${rollout.endpointName}" did not finish (the run was cancelled or killed); returning it to "${rollout.previousConfig}".`
  )
  try {
    await rollBack(ctx, {
      previousConfig: rollout.previousConfig,
      canaryConfig: rollout.canaryConfig,
      newVariant: rollout.newVariant,
      oldVariants: Object.entries(rollout.previousWeights).map(([name, weight]) => ({ name, share: weight / 100 })),
      releaseConfig: '',
      userTags: {},
      held: rollout.heldCapacity ?? []
    })
    ctx.note(
      `Cleanup after a cancelled rollout: endpoint "${rollout.endpointName}" is back on "${rollout.previousConfig}".`
    )
    setRolloutOutputs(ctx, { rolledBack: true })
    await reportEndpoint(ctx, await getEndpoint(ctx))
    report.succeeded = true
  } catch (error) {
    report.error = `Could not return "${rollout.endpointName}" to "${rollout.previousConfig}": ${errorMessage(error)}. Run operation: rollback with endpoint-config-name: ${rollout.previousConfig}.`
    core.warning(report.error)
  } finally {
    report.finishedAt = clock.now()
    await writeSummary(report)
  }
}
