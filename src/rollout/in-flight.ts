/**
 * A rollout run by the action while it has the endpoint off its previous
 * config: which configs and variants it moves between, and what it holds of
 * the serving fleet.
 */
import type { ProductionVariant } from '@aws-sdk/client-sagemaker'
import type { OperationContext } from '../context.js'
import { liveInstanceCount, weightPercentages, type Endpoint, type EndpointConfig } from '../endpoint.js'
import type { MetricsSource } from '../invocation-metrics.js'
import { servingVariantName } from '../naming.js'
import { variantDefinition } from '../resources.js'
import { holdServingCapacity, type HeldCapacity } from './scaling.js'

/** A rollout under way: everything needed to go forward, pause, or go back. */
export interface InFlight {
  /** Where rollback returns. */
  previousConfig: string
  /** Old and new variants side by side. */
  canaryConfig: string
  /** shadow-percent: the config in which the new variant is the serving variant's shadow, before the canary. */
  shadowConfig?: string
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
  /** What the endpoint publishes on the canary config, which carries the serving config's settings: what gates read. */
  source: MetricsSource
}

/**
 * Suspends the serving variants' scale-in for the rollout. `onHeld` is told
 * what is held as each suspension is about to go out, so that the progress
 * saved for the post step says what to resume wherever a cancel falls.
 */
export async function holdServingCapacityFor(
  ctx: OperationContext,
  endpoint: Endpoint,
  inFlight: InFlight,
  onHeld?: (held: HeldCapacity[]) => void
): Promise<void> {
  inFlight.held = await holdServingCapacity(
    ctx,
    endpoint,
    inFlight.oldVariants.map((variant) => variant.name),
    onHeld
  )
}

/** The serving variants beside `newVariant` on the endpoint now, with their shares of the traffic it does not take. */
export function servingShares(endpoint: Endpoint, newVariant: string): InFlight['oldVariants'] {
  const old = Object.entries(weightPercentages(endpoint.ProductionVariants ?? [])).filter(
    ([name]) => name !== newVariant
  )
  const oldTotal = old.reduce((sum, [, weight]) => sum + weight, 0)
  return old.map(([name, weight]) => ({ name, share: oldTotal > 0 ? weight / oldTotal : 1 / old.length }))
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
