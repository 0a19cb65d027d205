/**
 * Cancellation. When a run is cancelled the runner sends SIGINT, then SIGTERM
 * 7.5 s later, then kills the process 2.5 s after that: too little time to
 * restore a config (minutes), but enough to stop the harm. The handler moves
 * all traffic back to the old variants at once, leaves the saved state for the
 * post step, which restores the previous config, and exits.
 */
import * as core from '@actions/core'
import { UpdateEndpointWeightsAndCapacitiesCommand } from '@aws-sdk/client-sagemaker'
import type { AwsClients } from './aws/clients.js'
import { errorMessage } from './aws/errors.js'
import { runningRollout } from './rollout/state.js'

/** The weight change must be sent well inside the 7.5 s before SIGTERM. */
const CANCEL_BUDGET_MS = 5_000

export function installCancellationHandlers(
  clients: () => AwsClients | undefined,
  onCancelled: () => Promise<void>
): () => void {
  let handling = false
  const handler = (signal: NodeJS.Signals): void => {
    if (handling) return
    handling = true
    core.warning(`Received ${signal}: the run was cancelled.`)
    void stopTheHarm(clients())
      .then(onCancelled)
      .finally(() => process.exit(1))
  }
  process.on('SIGINT', handler)
  process.on('SIGTERM', handler)
  return () => {
    process.off('SIGINT', handler)
    process.off('SIGTERM', handler)
  }
}

async function stopTheHarm(clients: AwsClients | undefined): Promise<void> {
  const rollout = runningRollout()
  if (!rollout || !clients) return
  const desired = [
    ...Object.entries(rollout.previousWeights).map(([VariantName, DesiredWeight]) => ({ VariantName, DesiredWeight })),
    { VariantName: rollout.newVariant, DesiredWeight: 0 }
  ]
  try {
    await clients.sagemaker.send(
      new UpdateEndpointWeightsAndCapacitiesCommand({
        EndpointName: rollout.endpointName,
        DesiredWeightsAndCapacities: desired
      }),
      { abortSignal: AbortSignal.timeout(CANCEL_BUDGET_MS) }
    )
    core.warning(
      `Moved all traffic off ${rollout.newVariant}; the post step returns "${rollout.endpointName}" to "${rollout.previousConfig}".`
    )
  } catch (error) {
    // Mid-transition SageMaker refuses weight changes; the post step still restores the config.
    core.warning(
      `Could not move traffic off ${rollout.newVariant} (${errorMessage(error)}); the post step returns "${rollout.endpointName}" to "${rollout.previousConfig}".`
    )
  }
}
