/**
 * Moving autoscaling from the old variants to the new one at promotion.
 * SageMaker refuses an update that removes a variant registered with
 * Application Auto Scaling, so registrations are taken off first and put back
 * afterwards: on the new variant after a promotion, on the old ones if it failed.
 */
import * as core from '@actions/core'
import { errorMessage } from '../aws/errors.js'
import {
  deregisterVariantScaling,
  describeVariantScaling,
  registerVariantScaling,
  type VariantScaling
} from '../autoscaling.js'
import type { OperationContext } from '../context.js'

export interface ScalingHandover {
  taken: Array<{ variant: string; scaling: VariantScaling }>
}

/** Reads and deregisters the scaling of each of `variants` that has any. */
export async function carryScalingOver(ctx: OperationContext, variants: string[]): Promise<ScalingHandover> {
  const taken: ScalingHandover['taken'] = []
  for (const variant of variants) {
    const scaling = await describeVariantScaling(ctx, ctx.endpointName, variant)
    if (!scaling) continue
    await deregisterVariantScaling(ctx, ctx.endpointName, variant, scaling)
    taken.push({ variant, scaling })
  }
  return { taken }
}

/**
 * Registers what was taken: on `newVariant` when given (the first old
 * variant's settings; a rollout has one serving variant in the usual case),
 * otherwise back on the variants it came from.
 */
export async function restoreScaling(
  ctx: OperationContext,
  handover: ScalingHandover,
  newVariant?: string
): Promise<void> {
  const targets = newVariant
    ? handover.taken.slice(0, 1).map(({ variant, scaling }) => ({ from: variant, to: newVariant, scaling }))
    : handover.taken.map(({ variant, scaling }) => ({ from: variant, to: variant, scaling }))
  if (newVariant && handover.taken.length > 1) {
    core.warning(
      `Several old variants had autoscaling (${handover.taken.map((entry) => entry.variant).join(', ')}); ${newVariant} takes the settings of ${handover.taken[0]?.variant}.`
    )
  }
  for (const { from, to, scaling } of targets) {
    try {
      await registerVariantScaling(ctx, ctx.endpointName, to, scaling)
      ctx.note(
        from === to
          ? `Autoscaling restored on ${to}.`
          : `Autoscaling carried over from ${from} to ${to} (min ${scaling.minCapacity}, max ${scaling.maxCapacity}).`
      )
    } catch (error) {
      core.warning(
        `Could not register autoscaling on ${to}: ${errorMessage(error)}. Re-run configure-autoscaling for it.`
      )
    }
  }
}
