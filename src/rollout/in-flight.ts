/**
 * A rollout run by the action while it has the endpoint off its previous
 * config: which configs and variants it moves between, what it holds of the
 * serving fleet, and the one record of it the post step and a cancel read.
 */
import type { ProductionVariant } from '@aws-sdk/client-sagemaker'
import type { OperationContext } from '../context.js'
import { liveInstanceCount, type Endpoint, type EndpointConfig } from '../endpoint.js'
import { REAL_TIME_MINUTES, type MetricsSource } from '../invocation-metrics.js'
import { variantDefinition } from '../resources.js'
import { holdServingCapacity, type HeldCapacity } from './scaling.js'
import { inFlightRollout } from './state.js'

/** A rollout under way: everything needed to go forward, pause, or go back. */
export interface InFlight {
  /** Where rollback returns. */
  previousConfig: string
  /** Old and new variants side by side. */
  canaryConfig: string
  newVariant: string
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
  /** What the endpoint publishes on the canary config, which carries the serving config's settings: what gates read. */
  source: MetricsSource
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
    oldVariants: Object.entries(saved.previousWeights).map(([name, weight]) => ({ name, share: weight / 100 })),
    releaseConfig: '',
    userTags: {},
    held: saved.heldCapacity ?? [],
    // The post step only goes back: it judges nothing, so what the endpoint publishes plays no part.
    source: REAL_TIME_MINUTES
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

/** The new variant alone, as the release config holds it: the canary config's definition at the instances it serves with now. */
export function releaseVariant(
  endpoint: Endpoint,
  canaryConfig: EndpointConfig,
  newVariant: string
): ProductionVariant {
  const live = endpoint.ProductionVariants?.find((variant) => variant.VariantName === newVariant)
  const count = (live && liveInstanceCount(live)) ?? undefined
  return variantDefinition(canaryConfig, newVariant, {
    InitialVariantWeight: 1,
    ...(count ? { InitialInstanceCount: count } : {})
  })
}
