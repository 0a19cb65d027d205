/**
 * A rollout run by the action while it has the endpoint off its previous
 * config: which configs and variants it moves between, what it holds of the
 * serving fleet, and the one record of it the post step and a cancel read.
 */
import type { ProductionVariant } from '@aws-sdk/client-sagemaker'
import type { OperationContext } from '../context.js'
import { liveInstanceCount, type Endpoint, type EndpointConfig } from '../endpoint.js'
import { servingVariantName } from '../naming.js'
import { variantDefinition } from '../resources.js'
import { holdServingCapacity, type HeldCapacity } from './scaling.js'
import { inFlightRollout } from './state.js'

/** A rollout under way: everything needed to go forward, pause, or go back. */
export interface InFlight {
  /** Where rollback returns. */
  previousConfig: string
  /** Old and new variants side by side. */
  canaryConfig: string
  /** The new variant's own name while it serves beside the old ones. */
  newVariant: string
  /**
   * The name it serves under once released: the serving variant's, so what
   * is keyed on it (alarms, dashboards, autoscaling) covers the new model.
   */
  stableVariant: string
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
  /** The new model existed before the deploy (model-name alone): the canary config says so, for promote. */
  modelAsIs?: boolean
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

/** The saved record read back as a rollout to undo: the post step has no release to go on to. */
export function inFlightFromSaved(saved: {
  previousConfig: string
  canaryConfig: string
  newVariant: string
  previousWeights: Record<string, number>
  heldCapacity?: HeldCapacity[]
}): InFlight {
  return {
    previousConfig: saved.previousConfig,
    canaryConfig: saved.canaryConfig,
    newVariant: saved.newVariant,
    // The post step only goes back: it has no release, and no name to give one.
    stableVariant: '',
    oldVariants: Object.entries(saved.previousWeights).map(([name, weight]) => ({ name, share: weight / 100 })),
    releaseConfig: '',
    userTags: {},
    held: saved.heldCapacity ?? []
  }
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

/**
 * The name the release gives the new model's variant: the serving variant's
 * among the old variants of the canary config (the largest share when the
 * rollout began, which the config records), so the deploy that starts a
 * canary and the promote that finishes it agree.
 */
export function stableVariantOf(canaryVariants: ProductionVariant[], newVariant: string): string {
  return servingVariantName(canaryVariants.filter((variant) => variant.VariantName !== newVariant)) ?? newVariant
}

/**
 * The new variant alone, as the release config holds it: the canary
 * config's definition at the instances it serves with now, under the stable
 * name.
 */
export function releaseVariant(
  endpoint: Endpoint,
  canaryConfig: EndpointConfig,
  inFlight: Pick<InFlight, 'newVariant' | 'stableVariant'>
): ProductionVariant {
  const live = endpoint.ProductionVariants?.find((variant) => variant.VariantName === inFlight.newVariant)
  const count = (live && liveInstanceCount(live)) ?? undefined
  return variantDefinition(canaryConfig, inFlight.newVariant, {
    VariantName: inFlight.stableVariant,
    InitialVariantWeight: 1,
    ...(count ? { InitialInstanceCount: count } : {})
  })
}
