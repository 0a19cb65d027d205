/**
 * Autoscaling around an UpdateEndpoint. Application Auto Scaling makes the
 * update fail when it would remove a scaled variant or change its instance
 * type, so that scaling comes off first and goes back on afterwards: on the
 * same variant when only its instance type changes, on the one variant of the
 * new config that has none when exactly one scaled variant goes (a rollback
 * to a config of another name, or undoing one), otherwise nowhere, with a
 * warning. A scaled variant the new config keeps, on the same instance type,
 * stays registered through the update, a new model and all: AWS allows that
 * change (https://docs.aws.amazon.com/sagemaker/latest/dg/endpoint-scaling-update.html),
 * and it is how a release keeps the serving variant's autoscaling. Every
 * operation that moves an endpoint to another config (deploy, promote,
 * rollback) uses this.
 */
import type { ProductionVariant } from '@aws-sdk/client-sagemaker'
import type { SuspendedState } from '@aws-sdk/client-application-auto-scaling'
import {
  deregisterVariantScaling,
  describeVariantScaling,
  formatVariantScaling,
  registerVariantScaling,
  type VariantScaling
} from '../autoscaling.js'
import { resumeScaleIn, suspendScaleIn } from '../scale-in.js'
import { errorCode, errorMessage } from '../aws/errors.js'
import type { OperationContext } from '../context.js'
import { findEndpoint, liveInstanceCount, type Endpoint, type EndpointConfig } from '../endpoint.js'
import { updateWeightsAndCapacities } from '../update.js'
import { waitForSettled } from '../wait.js'
import { scalingTakenOff, type ScalingOff } from './state.js'

/** A variant's autoscaling taken off for the update, and the variant it goes back on, if any. */
export interface ScalingMove {
  from: string
  to?: string
  scaling: VariantScaling
}

/** The moves an update from `current` to a config of `target` variants needs; none when nothing is scaled. */
export async function scalingMovesFor(
  ctx: OperationContext,
  endpoint: Endpoint,
  current: EndpointConfig | undefined,
  target: ProductionVariant[],
  targetName: string
): Promise<ScalingMove[]> {
  return (await planScaling(ctx, endpoint, current, target, targetName)).moves
}

/** The moves, and the scaled variants the update keeps as they are (their registration stays through it). */
async function planScaling(
  ctx: OperationContext,
  endpoint: Endpoint,
  current: EndpointConfig | undefined,
  target: ProductionVariant[],
  targetName: string
): Promise<{ moves: ScalingMove[]; kept: string[] }> {
  const live = (endpoint.ProductionVariants ?? []).map((variant) => variant.VariantName ?? '')
  const scaled: Array<{ variant: string; scaling: VariantScaling }> = []
  try {
    for (const variant of live) {
      const scaling = await describeVariantScaling(ctx, ctx.endpointName, variant)
      if (scaling) scaled.push({ variant, scaling })
    }
  } catch (error) {
    if (errorCode(error) !== 'AccessDeniedException') throw error
    // Reading is only a precaution: if nothing is scaled the update goes through, and if something is SageMaker says so.
    ctx.warn(
      `Could not read the endpoint's autoscaling (${errorCode(error)}); if a scaled variant is removed or changes instance type, SageMaker will refuse the update.`
    )
    return { moves: [], kept: [] }
  }
  const moves: ScalingMove[] = []
  const removed: ScalingMove[] = []
  const kept: string[] = []
  for (const { variant, scaling } of scaled) {
    const staying = target.find((candidate) => candidate.VariantName === variant)
    const before = current?.ProductionVariants?.find((candidate) => candidate.VariantName === variant)
    if (!staying) removed.push({ from: variant, scaling })
    else if (before && staying.InstanceType !== before.InstanceType) moves.push({ from: variant, to: variant, scaling })
    else kept.push(variant)
  }
  const unscaled = target
    .map((variant) => variant.VariantName ?? '')
    .filter((name) => !scaled.some((entry) => entry.variant === name))
  const receiver = unscaled.length === 1 && removed.length === 1 ? unscaled[0] : undefined
  for (const move of removed) {
    if (receiver) {
      moves.push({ ...move, to: receiver })
      continue
    }
    ctx.warn(
      `Autoscaling on variant "${move.from}" (${formatVariantScaling(move.scaling)}) is removed: config "${targetName}" has no variant "${move.from}" and no single variant to carry it to. Run configure-autoscaling on the variants that need it.`
    )
    moves.push(move)
  }
  return { moves, kept }
}

/** Deregisters the scaling of every move, before the update, saved first for a post step to put back. */
export async function takeScalingOff(ctx: OperationContext, moves: ScalingMove[], targetConfig: string): Promise<void> {
  if (moves.length === 0) return
  if (!ctx.dryRun) {
    scalingTakenOff.save({ endpointName: ctx.endpointName, region: ctx.settings.region, targetConfig, moves })
  }
  for (const { from, scaling } of moves) await deregisterVariantScaling(ctx, ctx.endpointName, from, scaling)
}

/** Registers each move's scaling on its new variant; a failure is a warning, the update itself having succeeded. */
export async function putScalingBack(ctx: OperationContext, moves: ScalingMove[]): Promise<void> {
  for (const { from, to, scaling } of moves) {
    if (!to) continue
    try {
      await registerVariantScaling(ctx, ctx.endpointName, to, scaling)
      ctx.note(
        from === to
          ? `Autoscaling put back on variant "${to}" after its instance type changed.`
          : `Autoscaling carried over from variant "${from}" to "${to}" (${scaling.minCapacity} to ${scaling.maxCapacity} instances).`
      )
    } catch (error) {
      ctx.warn(
        `Could not register autoscaling on variant "${to}": ${errorMessage(error)} Run configure-autoscaling for it.`
      )
    }
  }
  if (moves.length > 0) scalingTakenOff.clear()
}

/**
 * After a failed update the endpoint may be back on the variants whose
 * scaling was taken off; they get it back so the failure leaves them as they were.
 */
export async function restoreScaling(ctx: OperationContext, moves: ScalingMove[]): Promise<void> {
  if (moves.length === 0 || ctx.dryRun) return
  const now = await findEndpoint(ctx).catch(() => undefined)
  const live = (now?.ProductionVariants ?? []).map((variant) => variant.VariantName ?? '')
  for (const { from, scaling } of moves) {
    if (now?.EndpointStatus !== 'InService' || !live.includes(from)) {
      ctx.warn(
        `Autoscaling of variant "${from}" (${formatVariantScaling(scaling)}) was removed for the update and could not be put back; run configure-autoscaling once the endpoint is InService.`
      )
      continue
    }
    try {
      await registerVariantScaling(ctx, ctx.endpointName, from, scaling)
      ctx.note(`Autoscaling restored on variant "${from}" after the failed update.`)
    } catch (error) {
      ctx.warn(
        `Could not restore autoscaling on variant "${from}": ${errorMessage(error)} Run configure-autoscaling for it.`
      )
    }
  }
  scalingTakenOff.clear()
}

/**
 * The post step's: the autoscaling a cut-short run took off, put back once the endpoint is InService, on the
 * variant each move was bound for if the update landed, else on the one it came from (the update failed, or was
 * undone: the variants are the old config's, whatever their names).
 */
export async function putBackScalingLeftOff(ctx: OperationContext, off: ScalingOff): Promise<void> {
  let endpoint: Endpoint | undefined
  try {
    endpoint = await waitForSettled(ctx, 'the endpoint to be InService before its autoscaling is registered again')
  } catch (error) {
    ctx.warn(`Could not wait for endpoint "${off.endpointName}": ${errorMessage(error)}`)
  }
  const live = new Set((endpoint?.ProductionVariants ?? []).map((variant) => variant.VariantName ?? ''))
  const landed = endpoint?.EndpointConfigName === off.targetConfig
  for (const { from, to, scaling } of off.moves) {
    const onto = landed ? to : from
    // Landed with no variant for it: its scaling was dropped on purpose, with a warning, when it came off.
    if (onto === undefined) continue
    const settings = formatVariantScaling(scaling)
    if (endpoint?.EndpointStatus !== 'InService' || !live.has(onto)) {
      ctx.warn(
        `Autoscaling of variant "${from}" (${settings}) was taken off for an update the run did not finish, and could not be put back; run configure-autoscaling once the endpoint is InService.`
      )
      continue
    }
    try {
      await registerVariantScaling(ctx, ctx.endpointName, onto, scaling)
      ctx.note(`Autoscaling put back on variant "${onto}" (${settings}): the run was cut short during an update.`)
    } catch (error) {
      ctx.warn(
        `Could not put autoscaling back on variant "${onto}" (${settings}): ${errorMessage(error)} Run configure-autoscaling for it.`
      )
    }
  }
  scalingTakenOff.clear()
}

/**
 * Runs `update` with the autoscaling in its way taken off first and put back
 * after, or restored where it was if the update fails. `update` is told when it
 * must wait for the new config: scaling can only be registered on a variant
 * that exists. Returns, besides its result, the variants of the new config
 * that scale after it.
 */
export async function withScalingMoved<T>(
  ctx: OperationContext,
  plan: { endpoint: Endpoint; current: EndpointConfig | undefined; target: ProductionVariant[]; targetName: string },
  update: (mustWait: boolean) => Promise<T>
): Promise<{ result: T; scaled: string[] }> {
  const { moves, kept } = await planScaling(ctx, plan.endpoint, plan.current, plan.target, plan.targetName)
  await takeScalingOff(ctx, moves, plan.targetName)
  let result: T
  try {
    result = await update(moves.some((move) => move.to !== undefined))
  } catch (error) {
    await restoreScaling(ctx, moves)
    throw error
  }
  await putScalingBack(ctx, moves)
  const carried = moves.flatMap((move) => (move.to ? [move.to] : []))
  return { result, scaled: [...kept, ...carried] }
}

/**
 * A serving variant's capacity when a rollout began: what a rollback must
 * give it back, and the scale-in the rollout suspended to keep it. Plain
 * JSON, kept in saved state for the post step.
 */
export interface HeldCapacity {
  variant: string
  /** Instances it served with when the rollout began. */
  instances: number
  /** Its SuspendedState before the rollout suspended scale-in; absent when the rollout did not. */
  before?: SuspendedState
}

/**
 * Keeps the serving variants at the capacity they serve with: as traffic
 * shifts away from them their autoscaling would scale them in, and a
 * rollback would then send all traffic back to a shrunken fleet.
 */
export async function holdServingCapacity(
  ctx: OperationContext,
  endpoint: Endpoint,
  variants: string[],
  /** Called with what is held so far as each suspension is about to be sent, for the post step to undo. */
  onHeld: (held: HeldCapacity[]) => void = () => {}
): Promise<HeldCapacity[]> {
  const held: HeldCapacity[] = []
  for (const variant of variants) {
    const summary = endpoint.ProductionVariants?.find((candidate) => candidate.VariantName === variant)
    const instances = (summary && liveInstanceCount(summary)) ?? 0
    let before: SuspendedState | undefined
    try {
      before = await suspendScaleIn(ctx, ctx.endpointName, variant, (found) =>
        onHeld([...held, { variant, instances, before: found }])
      )
    } catch (error) {
      // Reading is a precaution: without permission the rollout still runs, and the rollback still restores counts.
      ctx.warn(
        `Could not suspend the scale-in of variant "${variant}" (${errorCode(error)}: ${errorMessage(error)}); its autoscaling may shrink it while traffic moves away.`
      )
    }
    if (before) ctx.note(`Scale-in of variant "${variant}" is suspended for the rollout, at ${instances} instances.`)
    held.push({ variant, instances, ...(before ? { before } : {}) })
  }
  return held
}

/**
 * Puts each held variant's scale-in back as it was, once: a variant given
 * back is marked so (its `before` goes), and a second call (a rollout's end
 * after its release gave it back) sends nothing, in a dry run as in the run.
 * A failure is a warning naming what to do.
 */
export async function releaseServingCapacity(ctx: OperationContext, held: HeldCapacity[] | undefined): Promise<void> {
  for (const entry of held ?? []) {
    const { variant, before } = entry
    if (!before) continue
    try {
      await resumeScaleIn(ctx, ctx.endpointName, variant, before)
      delete entry.before
    } catch (error) {
      ctx.warn(
        `Could not resume the scale-in of variant "${variant}": ${errorMessage(error)} Resume it with RegisterScalableTarget (SuspendedState DynamicScalingInSuspended=false).`
      )
    }
  }
}

/**
 * After a rollback, every held variant serves with at least the instances it
 * had when the rollout began: it takes all the traffic back.
 */
export async function restoreServingCapacity(ctx: OperationContext, held: HeldCapacity[] | undefined): Promise<void> {
  if (ctx.dryRun || !held || held.length === 0) return
  const endpoint = await findEndpoint(ctx)
  const short = held.flatMap(({ variant, instances }) => {
    const summary = endpoint?.ProductionVariants?.find((candidate) => candidate.VariantName === variant)
    const now = summary ? liveInstanceCount(summary) : undefined
    return now !== undefined && now < instances ? [{ VariantName: variant, DesiredInstanceCount: instances }] : []
  })
  if (short.length === 0) return
  ctx.warn(
    `Variants ${short.map((entry) => `"${entry.VariantName}"`).join(', ')} had shrunk during the rollout; returning them to the instances they served with before it (${short.map((entry) => `${entry.VariantName} ${entry.DesiredInstanceCount}`).join(', ')}).`
  )
  // One variant a call: the API changes "capacity of one variant" at a time
  // (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_UpdateEndpointWeightsAndCapacities.html).
  for (const entry of short) {
    try {
      await updateWeightsAndCapacities(ctx, [entry], {
        purpose: `restoring the serving capacity of "${entry.VariantName}"`,
        forceWait: true
      })
    } catch (error) {
      // The traffic is back already: one variant SageMaker could not regrow must not stop the others, or the rest
      // of the rollback.
      ctx.warn(
        `Could not return variant "${entry.VariantName}" to ${entry.DesiredInstanceCount} instances: ${errorMessage(error)} It serves all its traffic with fewer; raise it with operation: update-capacity.`
      )
    }
  }
}
