/**
 * The rollbacks of a rollout run by the action. A canary's, used by a failed
 * gate, a failed update to the canary config, a failed release, and the post
 * step of a cancelled run, is a plan built from where the endpoint stands now
 * (rollbackMoves), carried out move by move. An all-at-once deploy's is one
 * return to the previous config (returnToConfig).
 */
import { errorMessage } from '../aws/errors.js'
import type { OperationContext } from '../context.js'
import {
  findEndpointConfig,
  getEndpoint,
  getEndpointConfig,
  TRANSITIONAL_STATUSES,
  type Endpoint
} from '../endpoint.js'
import { deleteConfigQuietly, fleetSize } from '../resources.js'
import { updateEndpointConfig, updateWeightsAndCapacities } from '../update.js'
import { desiredWeights, type InFlight } from './in-flight.js'
import { rollbackMoves, type Move } from './moves.js'
import { releaseServingCapacity, restoreServingCapacity, withScalingMoved } from './scaling.js'
import { inFlightRollout } from './state.js'

/**
 * Safe to call wherever the endpoint is: on the canary config, half-way to
 * it, or already back on the previous config. Returns the endpoint as the
 * return to the previous config left it.
 */
export async function rollBack(ctx: OperationContext, inFlight: InFlight): Promise<Endpoint | undefined> {
  let endpoint: Endpoint | undefined
  try {
    endpoint = await getEndpoint(ctx)
  } catch (error) {
    // The return to the previous config restores the old weights too; keep going.
    ctx.warn(`Could not move traffic off ${inFlight.newVariant} first: ${errorMessage(error)}`)
  }
  const settled = endpoint !== undefined && !TRANSITIONAL_STATUSES.includes(endpoint.EndpointStatus ?? '')
  let landed = endpoint
  for (const move of rollbackMoves(inFlight, endpoint, settled)) {
    const result = await performRollbackMove(ctx, inFlight, move)
    if (result) landed = result
  }
  return landed
}

async function performRollbackMove(
  ctx: OperationContext,
  inFlight: InFlight,
  move: Move
): Promise<Endpoint | undefined> {
  switch (move.kind) {
    case 'traffic-off':
      try {
        await updateWeightsAndCapacities(ctx, desiredWeights(inFlight, 0), {
          purpose: `the shift of all traffic back to the old variants`,
          forceWait: true
        })
      } catch (error) {
        ctx.warn(`Could not move traffic off ${inFlight.newVariant} first: ${errorMessage(error)}`)
      }
      return undefined
    case 'return-to-previous':
      return updateEndpointConfig(ctx, inFlight.previousConfig, {
        // The old variants come back at the instances they held.
        newFleetInstances: inFlight.held.reduce((sum, entry) => sum + entry.instances, 0),
        purpose: `the rollback to ${inFlight.previousConfig}`,
        forceWait: true,
        keepInstanceCounts: true
      })
    case 'give-back-capacity':
      if (move.restoreCounts) await restoreServingCapacity(ctx, inFlight.held)
      await releaseServingCapacity(ctx, inFlight.held)
      inFlightRollout.clear()
      return undefined
    case 'delete-canary-config':
      await deleteConfigQuietly(ctx, inFlight.canaryConfig)
      return undefined
    default:
      throw new Error(`A rollback has no move "${move.kind}".`)
  }
}

/**
 * Returns the endpoint to `targetName` as it was, at the instances its
 * variants serve with now, with autoscaling moved out of the way and back:
 * an all-at-once deploy's way back, where no canary config stands between.
 */
export async function returnToConfig(ctx: OperationContext, targetName: string): Promise<Endpoint | undefined> {
  const target = await getEndpointConfig(ctx, targetName)
  const endpoint = await getEndpoint(ctx)
  const { result } = await withScalingMoved(
    ctx,
    {
      endpoint,
      current: await findEndpointConfig(ctx, endpoint.EndpointConfigName ?? ''),
      target: target.ProductionVariants ?? [],
      targetName
    },
    () =>
      updateEndpointConfig(ctx, targetName, {
        newFleetInstances: fleetSize(target.ProductionVariants ?? []),
        purpose: `the rollback to "${targetName}"`,
        forceWait: true,
        keepInstanceCounts: true
      })
  )
  return result
}
