/**
 * The moves of a rollback, and where each rollback starts from. Every way
 * back (a failed gate, a failed update to the canary config or the release,
 * a failed all-at-once judgement, a deployment SageMaker completed that the
 * gates could not pass, operation: rollback, a cancel and the post step) is a
 * plan that rollbackMoves (moves.ts) builds from where the endpoint stands;
 * the executor carries it out with the moves here.
 */
import { errorMessage } from '../aws/errors.js'
import type { OperationContext } from '../context.js'
import { findEndpointConfig, getEndpoint, getEndpointConfig, type Endpoint } from '../endpoint.js'
import { fleetSize } from '../resources.js'
import { updateEndpointConfig, updateWeightsAndCapacities } from '../update.js'
import type { Move, Standing } from './moves.js'
import {
  putScalingBack,
  releaseServingCapacity,
  restoreScaling,
  restoreServingCapacity,
  scalingMovesFor,
  takeScalingOff
} from './scaling.js'
import { rolloutProgress } from './state.js'

/**
 * The endpoint as a rollout's way back starts from. When it cannot be read,
 * the plan goes on without moving traffic first: the return to the previous
 * config restores the old weights too.
 */
export async function endpointNow(ctx: OperationContext, newVariant: string): Promise<Endpoint | undefined> {
  try {
    return await getEndpoint(ctx)
  } catch (error) {
    ctx.warn(`Could not move traffic off ${newVariant} first: ${errorMessage(error)}`)
    return undefined
  }
}

/**
 * Where an endpoint switched whole to a new config stands (an all-at-once
 * deploy, or a deployment SageMaker ran): it goes back to `target` as it was,
 * at the instances its variants serve with now, with the autoscaling in the
 * way moved off and back.
 */
export async function switchedStanding(ctx: OperationContext, target: string): Promise<Standing> {
  const variants = (await getEndpointConfig(ctx, target)).ProductionVariants ?? []
  const endpoint = await getEndpoint(ctx)
  const current = await findEndpointConfig(ctx, endpoint.EndpointConfigName ?? '')
  return {
    target,
    fleet: fleetSize(variants),
    endpoint,
    scaling: await scalingMovesFor(ctx, endpoint, current, variants, target),
    waits: true
  }
}

/** Weight 0 takes seconds where the return takes minutes; when it fails, the return restores the weights anyway. */
export async function trafficOff(ctx: OperationContext, move: Extract<Move, { kind: 'traffic-off' }>): Promise<void> {
  try {
    await updateWeightsAndCapacities(ctx, move.weights, {
      purpose: 'the shift of all traffic back to the old variants',
      forceWait: true
    })
  } catch (error) {
    ctx.warn(`Could not move traffic off ${move.variant} first: ${errorMessage(error)}`)
  }
}

/**
 * The endpoint back on the config, its variants at the instances they serve
 * with now. Returns the endpoint as it landed; undefined when not waited for.
 */
export async function returnTo(
  ctx: OperationContext,
  move: Extract<Move, { kind: 'return' }>
): Promise<Endpoint | undefined> {
  await takeScalingOff(ctx, move.scaling, move.config)
  let landed: Endpoint | undefined
  try {
    landed = await updateEndpointConfig(ctx, move.config, {
      newFleetInstances: move.fleet,
      purpose: `the rollback to ${move.config}`,
      forceWait: move.wait,
      keepInstanceCounts: true
    })
  } catch (error) {
    await restoreScaling(ctx, move.scaling)
    throw error
  }
  await putScalingBack(ctx, move.scaling)
  return landed
}

/** The rollout holds nothing more: nothing of it is left for the post step. */
export async function giveBackCapacity(
  ctx: OperationContext,
  move: Extract<Move, { kind: 'give-back-capacity' }>
): Promise<void> {
  if (move.restoreCounts) await restoreServingCapacity(ctx, move.held)
  await releaseServingCapacity(ctx, move.held)
  rolloutProgress.clear()
}
