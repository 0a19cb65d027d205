/**
 * A capacity set by hand (update-capacity) against the autoscaling registered
 * for it: refused outside the registered range, which Application Auto
 * Scaling would undo, and warned of inside it, where a target-tracking or
 * step policy goes on moving the count as its metric requires ("When the
 * metric is below the target value, Application Auto Scaling scales in":
 * https://docs.aws.amazon.com/autoscaling/application/userguide/target-tracking-scaling-policy-overview.html).
 * Raising the range's minimum holds a count: "If the resource's current
 * capacity is outside of this range, Application Auto Scaling changes it to a
 * value that is inside of this range"
 * (https://docs.aws.amazon.com/autoscaling/application/APIReference/API_RegisterScalableTarget.html).
 */
import type { VariantScaling } from './autoscaling.js'
import type { OperationContext } from './context.js'

export function checkCapacityAgainstScaling(
  ctx: OperationContext,
  change: { input: string; where: string; unit: string; requested: number; current: number | undefined },
  scaling: VariantScaling | undefined
): void {
  if (!scaling) return
  const { input, where, unit, requested, current } = change
  const range = `${scaling.minCapacity} to ${scaling.maxCapacity} ${unit}`
  if (requested < scaling.minCapacity || requested > scaling.maxCapacity) {
    throw new Error(
      `Input "${input}" is ${requested}, outside the autoscaling range registered for ${where} (${range}): Application Auto Scaling would undo the change. Change the range with configure-autoscaling, or remove it with delete-autoscaling, first. Nothing was changed.`
    )
  }
  const state = scaling.suspendedState
  const raising = requested > (current ?? requested)
  const moving = raising ? !state?.DynamicScalingInSuspended : !state?.DynamicScalingOutSuspended
  if (scaling.policies.length === 0 || !moving || requested === current) return
  const policies = scaling.policies.map((policy) => `"${policy.PolicyName}"`).join(', ')
  // Raised, a policy scales it back in; lowered, back out: the range's bound on that side is what holds it.
  const hold = raising
    ? `To keep at least ${requested}, raise min-capacity to ${requested}`
    : `To keep at most ${requested}, lower max-capacity to ${requested}`
  ctx.warn(
    `${where[0]?.toUpperCase()}${where.slice(1)} scales on ${scaling.policies.length === 1 ? 'policy' : 'policies'} ${policies} within ${range}: ${requested} ${unit} hold only until the policy next scales ${raising ? 'in' : 'out'}, as its metric requires. ${hold} with configure-autoscaling instead.`
  )
}
