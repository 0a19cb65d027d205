/**
 * Holding a variant's capacity through a rollout: its dynamic scale-in
 * suspended while traffic moves away from it, and put back as it was.
 * https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-suspend-resume-scaling.html
 */
import {
  RegisterScalableTargetCommand,
  type RegisterScalableTargetCommandInput,
  type SuspendedState
} from '@aws-sdk/client-application-auto-scaling'
import type { OperationContext } from './context.js'
import { describeScalableTarget, targetResource, targetScope, variantResourceId } from './autoscaling.js'
import { errorMessage } from './aws/errors.js'
import { noteScaleInHeld, takeAllInheritedHolds, takeInheritedHold } from './lock-holds.js'
import { findEndpoint, findEndpointConfig } from './endpoint.js'
import { standingRollout } from './lineage.js'

/** All three switches, so an update never leaves one to chance. */
function fullState(state: SuspendedState | undefined): Required<SuspendedState> {
  return {
    DynamicScalingInSuspended: state?.DynamicScalingInSuspended ?? false,
    DynamicScalingOutSuspended: state?.DynamicScalingOutSuspended ?? false,
    ScheduledScalingSuspended: state?.ScheduledScalingSuspended ?? false
  }
}

/**
 * Suspends the variant's dynamic scale-in (scale-out stays on), so traffic
 * moving away from it cannot shrink the fleet a rollback would return to.
 * Returns the state it had, to put back; undefined when the variant is not
 * scaled or its scale-in is suspended already.
 * https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-suspend-resume-scaling.html
 */
export async function suspendScaleIn(
  ctx: OperationContext,
  endpointName: string,
  variantName: string,
  aboutToSuspend: (before: Required<SuspendedState>) => void = () => {}
): Promise<Required<SuspendedState> | undefined> {
  const target = await describeScalableTarget(ctx, endpointName, variantName)
  if (!target) return undefined
  if (target.SuspendedState?.DynamicScalingInSuspended) {
    // The hold of a run whose lock this one took over: this rollout holds it on, and gives it back at its end.
    const inherited = takeInheritedHold(variantName)
    if (inherited) {
      aboutToSuspend(inherited)
      await noteScaleInHeld(ctx, variantName, inherited)
      ctx.note(
        `Scale-in of variant "${variantName}" stays suspended, held on from the run whose lock this one took over.`
      )
      return inherited
    }
    // Someone's deliberate hold, or one a run of this action left when GitHub stopped its post step: say so, since
    // nothing else will, and leave it as it was.
    ctx.warn(
      `Scale-in of variant "${variantName}" was suspended already, by someone else or by a run of this action whose post step was stopped before it resumed it; it is left suspended. If nothing should hold it, resume it: ${resumeCommand(endpointName, variantName)}`
    )
    return undefined
  }
  const before = fullState(target.SuspendedState)
  // Told before the call goes out: a run cancelled while it is out must still know what to put back.
  aboutToSuspend(before)
  await noteScaleInHeld(ctx, variantName, before)
  const resourceId = variantResourceId(endpointName, variantName)
  // Min and max left out: RegisterScalableTarget on a registered target changes only what it is given.
  const input: RegisterScalableTargetCommandInput = {
    ...targetScope(resourceId),
    SuspendedState: { ...before, DynamicScalingInSuspended: true }
  }
  await ctx.change('RegisterScalableTarget', targetResource(resourceId), input, () =>
    ctx.clients.autoscaling.send(new RegisterScalableTargetCommand(input))
  )
  return before
}

/**
 * Puts back the state suspendScaleIn found, if scale-in is still suspended;
 * a variant no longer registered (its scaling moved elsewhere) is left
 * alone. Safe to repeat, from the post step too. A dry run suspended
 * nothing, so it plans the resume its run would send to a registered variant.
 */
export async function resumeScaleIn(
  ctx: OperationContext,
  endpointName: string,
  variantName: string,
  before: SuspendedState
): Promise<void> {
  const target = await describeScalableTarget(ctx, endpointName, variantName)
  if (!target || (!ctx.dryRun && !target.SuspendedState?.DynamicScalingInSuspended)) return
  const resourceId = variantResourceId(endpointName, variantName)
  const input: RegisterScalableTargetCommandInput = { ...targetScope(resourceId), SuspendedState: fullState(before) }
  await ctx.change('RegisterScalableTarget', targetResource(resourceId), input, () =>
    ctx.clients.autoscaling.send(new RegisterScalableTargetCommand(input))
  )
}

/**
 * Gives back the holds a dead run left on the lock this run took over, as the run ends (a rollout took on the ones
 * it needed): once the endpoint is on a release again, nothing needs them. While a canary or shadow config still
 * serves, or this run failed, they are left, with a warning and the command. Never throws.
 */
export async function giveBackInheritedHolds(ctx: OperationContext, succeeded: boolean): Promise<void> {
  const holds = Object.entries(takeAllInheritedHolds())
  if (holds.length === 0) return
  // The hold keeps the fleet a rollback returns to: while the dead run's canary still stands, it is still needed.
  const standing = succeeded ? await rolloutConfigStanding(ctx) : 'this run failed'
  for (const [variant, before] of holds) {
    const command = resumeCommand(ctx.endpointName, variant)
    if (standing) {
      ctx.warn(
        `Scale-in of variant "${variant}", held by the run whose lock this one took over, is left suspended: ${standing}. Once the endpoint is back on a release (operation: rollback or promote), resume it: ${command}`
      )
      continue
    }
    try {
      await resumeScaleIn(ctx, ctx.endpointName, variant, before)
      ctx.note(`Gave back the scale-in of variant "${variant}", held by the run whose lock this one took over.`)
    } catch (error) {
      ctx.warn(`Could not give back the scale-in of variant "${variant}": ${errorMessage(error)} Resume it: ${command}`)
    }
  }
}

/** Why a rollout is still standing on the endpoint (a canary or shadow config serving), if one is. */
async function rolloutConfigStanding(ctx: OperationContext): Promise<string | undefined> {
  try {
    const name = (await findEndpoint(ctx))?.EndpointConfigName
    const config = name ? await findEndpointConfig(ctx, name) : undefined
    const standing = config ? await standingRollout(ctx, config) : undefined
    return standing ? `the endpoint is still on ${standing.role} config "${name}"` : undefined
  } catch (error) {
    return `the endpoint could not be read (${errorMessage(error)})`
  }
}

/** The command that resumes a variant's scale-in, for the warnings that leave it suspended. */
function resumeCommand(endpointName: string, variantName: string): string {
  return `aws application-autoscaling register-scalable-target --service-namespace sagemaker --scalable-dimension sagemaker:variant:DesiredInstanceCount --resource-id ${variantResourceId(endpointName, variantName)} --suspended-state DynamicScalingInSuspended=false`
}
