/**
 * Application Auto Scaling on SageMaker production variants: the one module
 * that reads, writes and removes a variant's scalable target, its scaling
 * policies and its scheduled actions.
 *
 * SageMaker refuses to remove a variant (or change its instance type or count
 * through UpdateEndpoint) while it is registered, so a rollout that retires a
 * variant calls, in this order:
 *
 *   const scaling = await describeVariantScaling(ctx, endpoint, oldVariant)
 *   if (scaling) await deregisterVariantScaling(ctx, endpoint, oldVariant, scaling)
 *   ... UpdateEndpoint ...
 *   if (scaling) await registerVariantScaling(ctx, endpoint, newVariant, scaling)
 *
 * and, if the update fails, registers `scaling` on the old variant again.
 * A VariantScaling is plain JSON, so it can be kept in saved state and restored
 * by the post step of a cancelled run.
 */
import {
  DeleteScalingPolicyCommand,
  DeleteScheduledActionCommand,
  DeregisterScalableTargetCommand,
  DescribeScalableTargetsCommand,
  DescribeScalingPoliciesCommand,
  DescribeScheduledActionsCommand,
  PutScalingPolicyCommand,
  PutScheduledActionCommand,
  RegisterScalableTargetCommand,
  type CustomizedMetricSpecification,
  type PolicyType,
  type PutScalingPolicyCommandInput,
  type PutScheduledActionCommandInput,
  type RegisterScalableTargetCommandInput,
  type ScalableTargetAction,
  type ScalingPolicy,
  type ScheduledAction,
  type StepScalingPolicyConfiguration,
  type SuspendedState,
  type TargetTrackingScalingPolicyConfiguration
} from '@aws-sdk/client-application-auto-scaling'
import { awsCall, collectPages, isNotFound } from './aws/errors.js'
import type { OperationContext } from './context.js'
import { targetResource, targetScope, variantScalable, type Scalable } from './scalable.js'

export {
  COMPONENT_SCALABLE_DIMENSION,
  componentScalable,
  SCALABLE_DIMENSION,
  SERVICE_NAMESPACE,
  targetResource,
  targetScope,
  variantResourceId,
  variantScalable,
  type Scalable
} from './scalable.js'

/**
 * The policy configure-autoscaling owns. One fixed name per variant makes a
 * re-run (or a change of scaling-metric) replace it instead of adding another.
 */
export const TARGET_TRACKING_POLICY_NAME = 'sagemaker-deploy-target-tracking'

/** A scaling policy in PutScalingPolicy's own terms, so it goes back to AWS unchanged. */
export interface ScalingPolicySpec {
  PolicyName: string
  PolicyType: PolicyType
  TargetTrackingScalingPolicyConfiguration?: TargetTrackingScalingPolicyConfiguration
  StepScalingPolicyConfiguration?: StepScalingPolicyConfiguration
  /**
   * Alarms that invoke a step-scaling policy. They name the policy by ARN, so a
   * copy of the policy on another variant is not invoked by them.
   */
  AlarmNames?: string[]
}

/** A scheduled action in PutScheduledAction's terms, with times as ISO 8601 strings to survive JSON. */
export interface ScheduledActionSpec {
  ScheduledActionName: string
  Schedule: string
  Timezone?: string
  StartTime?: string
  EndTime?: string
  ScalableTargetAction?: ScalableTargetAction
}

/** Everything registered for one variant, enough to register it again on any variant. */
export interface VariantScaling {
  minCapacity: number
  maxCapacity: number
  suspendedState?: SuspendedState
  policies: ScalingPolicySpec[]
  scheduledActions: ScheduledActionSpec[]
}

function policyResource(policyName: string, resourceId: string): string {
  return `scaling policy "${policyName}" of ${resourceId}`
}

function scheduledActionResource(actionName: string, resourceId: string): string {
  return `scheduled action "${actionName}" of ${resourceId}`
}

/**
 * What Application Auto Scaling holds for the variant, or undefined when no
 * scalable target is registered (policies cannot exist without one).
 */
export async function describeVariantScaling(
  ctx: OperationContext,
  endpointName: string,
  variantName: string
): Promise<VariantScaling | undefined> {
  return describeScaling(ctx, variantScalable(endpointName, variantName))
}

/** What Application Auto Scaling holds for a variant or a component, or undefined when nothing is registered. */
export async function describeScaling(ctx: OperationContext, scalable: Scalable): Promise<VariantScaling | undefined> {
  const target = await describeTarget(ctx, scalable)
  if (!target) return undefined
  const { resourceId } = scalable
  const scope = targetScope(resourceId, scalable.dimension)

  const policies = await collectPages(
    'DescribeScalingPolicies',
    targetResource(resourceId),
    (page) => ctx.clients.autoscaling.send(new DescribeScalingPoliciesCommand({ ...scope, ...page })),
    (page) => page.ScalingPolicies
  )
  const actions = await collectPages(
    'DescribeScheduledActions',
    targetResource(resourceId),
    (page) => ctx.clients.autoscaling.send(new DescribeScheduledActionsCommand({ ...scope, ...page })),
    (page) => page.ScheduledActions
  )

  return {
    minCapacity: target.MinCapacity ?? 0,
    maxCapacity: target.MaxCapacity ?? 0,
    ...(isSuspended(target.SuspendedState) ? { suspendedState: target.SuspendedState as SuspendedState } : {}),
    policies: policies.map(policySpec),
    scheduledActions: actions.map(scheduledActionSpec)
  }
}

function policySpec(policy: ScalingPolicy): ScalingPolicySpec {
  const stepScaling = policy.StepScalingPolicyConfiguration
  const alarmNames = (policy.Alarms ?? []).map((alarm) => alarm.AlarmName ?? '').filter(Boolean)
  return {
    PolicyName: policy.PolicyName ?? '',
    PolicyType: policy.PolicyType ?? (stepScaling ? 'StepScaling' : 'TargetTrackingScaling'),
    ...(policy.TargetTrackingScalingPolicyConfiguration
      ? { TargetTrackingScalingPolicyConfiguration: policy.TargetTrackingScalingPolicyConfiguration }
      : {}),
    // Target tracking's alarms belong to AWS, which makes new ones with the policy; only step scaling's are the user's.
    ...(stepScaling ? { StepScalingPolicyConfiguration: stepScaling, AlarmNames: alarmNames } : {})
  }
}

function scheduledActionSpec(action: ScheduledAction): ScheduledActionSpec {
  return {
    ScheduledActionName: action.ScheduledActionName ?? '',
    Schedule: action.Schedule ?? '',
    ...(action.Timezone ? { Timezone: action.Timezone } : {}),
    ...(action.StartTime ? { StartTime: new Date(action.StartTime).toISOString() } : {}),
    ...(action.EndTime ? { EndTime: new Date(action.EndTime).toISOString() } : {}),
    ...(action.ScalableTargetAction ? { ScalableTargetAction: action.ScalableTargetAction } : {})
  }
}

export function isSuspended(state: SuspendedState | undefined): boolean {
  return Boolean(
    state && (state.DynamicScalingInSuspended || state.DynamicScalingOutSuspended || state.ScheduledScalingSuspended)
  )
}

/**
 * Registers `scaling` on the variant: RegisterScalableTarget (which updates
 * min and max in place when already registered), then PutScalingPolicy and
 * PutScheduledAction for each, all through ctx.change. Metric dimensions
 * naming a variant or endpoint are pointed at this one, so a policy carried
 * over from another variant tracks the variant it now scales. Policies and
 * actions already on the variant under other names are left alone.
 */
export async function registerVariantScaling(
  ctx: OperationContext,
  endpointName: string,
  variantName: string,
  scaling: VariantScaling
): Promise<void> {
  return registerScaling(ctx, variantScalable(endpointName, variantName), scaling)
}

/** registerVariantScaling's work, on a variant or a component. */
export async function registerScaling(
  ctx: OperationContext,
  scalable: Scalable,
  scaling: VariantScaling
): Promise<void> {
  const { resourceId } = scalable
  const scope = targetScope(resourceId, scalable.dimension)
  const target: RegisterScalableTargetCommandInput = {
    ...scope,
    MinCapacity: scaling.minCapacity,
    MaxCapacity: scaling.maxCapacity,
    ...(scaling.suspendedState ? { SuspendedState: scaling.suspendedState } : {})
  }
  await ctx.change('RegisterScalableTarget', targetResource(resourceId), target, () =>
    ctx.clients.autoscaling.send(new RegisterScalableTargetCommand(target))
  )

  for (const policy of scaling.policies) {
    const input: PutScalingPolicyCommandInput = {
      ...scope,
      PolicyName: policy.PolicyName,
      PolicyType: policy.PolicyType,
      ...(policy.TargetTrackingScalingPolicyConfiguration
        ? {
            TargetTrackingScalingPolicyConfiguration: scalable.variant
              ? retargetTracking(
                  policy.TargetTrackingScalingPolicyConfiguration,
                  scalable.variant.endpointName,
                  scalable.variant.variantName
                )
              : policy.TargetTrackingScalingPolicyConfiguration
          }
        : {}),
      ...(policy.StepScalingPolicyConfiguration
        ? { StepScalingPolicyConfiguration: policy.StepScalingPolicyConfiguration }
        : {})
    }
    const result = await ctx.change('PutScalingPolicy', policyResource(policy.PolicyName, resourceId), input, () =>
      ctx.clients.autoscaling.send(new PutScalingPolicyCommand(input))
    )
    if (policy.AlarmNames && policy.AlarmNames.length > 0) {
      // The alarms' actions hold the old policy's ARN; rewriting someone's alarms is not this action's call.
      ctx.warn(
        `Step scaling policy "${policy.PolicyName}" is now on ${resourceId}${
          result?.PolicyARN ? ` (${result.PolicyARN})` : ''
        }, but alarms ${policy.AlarmNames.map((name) => `"${name}"`).join(', ')} still invoke the policy it was copied from: point their actions at the new policy.`
      )
    }
  }

  for (const action of scaling.scheduledActions) {
    const input: PutScheduledActionCommandInput = {
      ...scope,
      ScheduledActionName: action.ScheduledActionName,
      Schedule: action.Schedule,
      ...(action.Timezone ? { Timezone: action.Timezone } : {}),
      ...(action.StartTime ? { StartTime: new Date(action.StartTime) } : {}),
      ...(action.EndTime ? { EndTime: new Date(action.EndTime) } : {}),
      ...(action.ScalableTargetAction ? { ScalableTargetAction: action.ScalableTargetAction } : {})
    }
    await ctx.change('PutScheduledAction', scheduledActionResource(action.ScheduledActionName, resourceId), input, () =>
      ctx.clients.autoscaling.send(new PutScheduledActionCommand(input))
    )
  }
}

/**
 * Removes what `scaling` lists from the variant: DeleteScalingPolicy and
 * DeleteScheduledAction for each, then DeregisterScalableTarget, through
 * ctx.change. Something already gone counts as removed, so a retry after a
 * partial failure finishes the job.
 */
export async function deregisterVariantScaling(
  ctx: OperationContext,
  endpointName: string,
  variantName: string,
  scaling: VariantScaling
): Promise<void> {
  return deregisterScaling(ctx, variantScalable(endpointName, variantName), scaling)
}

/** deregisterVariantScaling's work, on a variant or a component. */
export async function deregisterScaling(
  ctx: OperationContext,
  scalable: Scalable,
  scaling: VariantScaling
): Promise<void> {
  const { resourceId } = scalable
  const scope = targetScope(resourceId, scalable.dimension)
  for (const policy of scaling.policies) {
    const input = { ...scope, PolicyName: policy.PolicyName }
    await ignoringNotFound(() =>
      ctx.change('DeleteScalingPolicy', policyResource(policy.PolicyName, resourceId), input, () =>
        ctx.clients.autoscaling.send(new DeleteScalingPolicyCommand(input))
      )
    )
  }
  for (const action of scaling.scheduledActions) {
    const input = { ...scope, ScheduledActionName: action.ScheduledActionName }
    await ignoringNotFound(() =>
      ctx.change('DeleteScheduledAction', scheduledActionResource(action.ScheduledActionName, resourceId), input, () =>
        ctx.clients.autoscaling.send(new DeleteScheduledActionCommand(input))
      )
    )
  }
  await ignoringNotFound(() =>
    ctx.change('DeregisterScalableTarget', targetResource(resourceId), scope, () =>
      ctx.clients.autoscaling.send(new DeregisterScalableTargetCommand(scope))
    )
  )
}

async function ignoringNotFound(request: () => Promise<unknown>): Promise<void> {
  try {
    await request()
  } catch (error) {
    if (!isNotFound(error)) throw error
  }
}

/** A copy whose metric dimensions name the variant (and endpoint) the policy is registered on. */
function retargetTracking(
  configuration: TargetTrackingScalingPolicyConfiguration,
  endpointName: string,
  variantName: string
): TargetTrackingScalingPolicyConfiguration {
  const copy = structuredClone(configuration)
  const metric: CustomizedMetricSpecification | undefined = copy.CustomizedMetricSpecification
  const dimensionLists = [
    metric?.Dimensions,
    ...(metric?.Metrics ?? []).map((query) => query.MetricStat?.Metric?.Dimensions)
  ]
  for (const dimensions of dimensionLists) {
    for (const dimension of dimensions ?? []) {
      if (dimension.Name === 'VariantName') dimension.Value = variantName
      if (dimension.Name === 'EndpointName') dimension.Value = endpointName
    }
  }
  return copy
}

/** One line for logs and the summary: "1 to 4 instances; policy "x": target tracking ..." */
export function formatVariantScaling(scaling: VariantScaling, unit = 'instances'): string {
  const parts = [`${scaling.minCapacity} to ${scaling.maxCapacity} ${unit}`]
  if (isSuspended(scaling.suspendedState)) parts.push('scaling suspended')
  for (const policy of scaling.policies) parts.push(`policy "${policy.PolicyName}": ${formatPolicy(policy)}`)
  for (const action of scaling.scheduledActions) {
    const range = action.ScalableTargetAction
    parts.push(
      `scheduled action "${action.ScheduledActionName}" (${action.Schedule}${
        range ? `: ${range.MinCapacity ?? '-'} to ${range.MaxCapacity ?? '-'}` : ''
      })`
    )
  }
  if (scaling.policies.length === 0) parts.push('no scaling policies')
  return parts.join('; ')
}

function formatPolicy(policy: ScalingPolicySpec): string {
  const tracking = policy.TargetTrackingScalingPolicyConfiguration
  if (!tracking) return policy.PolicyType === 'StepScaling' ? 'step scaling' : policy.PolicyType
  const metric =
    tracking.PredefinedMetricSpecification?.PredefinedMetricType ??
    tracking.CustomizedMetricSpecification?.MetricName ??
    'a metric math expression'
  const cooldowns = [
    tracking.ScaleInCooldown === undefined ? '' : `scale-in cooldown ${tracking.ScaleInCooldown}s`,
    tracking.ScaleOutCooldown === undefined ? '' : `scale-out cooldown ${tracking.ScaleOutCooldown}s`
  ].filter(Boolean)
  return `target tracking ${metric} at ${tracking.TargetValue}${cooldowns.length ? ` (${cooldowns.join(', ')})` : ''}`
}

/** The variant's scalable target alone (no policies), or undefined when it has none. */
export async function describeScalableTarget(ctx: OperationContext, endpointName: string, variantName: string) {
  return describeTarget(ctx, variantScalable(endpointName, variantName))
}

/** A variant's or a component's scalable target alone, or undefined when it has none. */
export async function describeTarget(ctx: OperationContext, scalable: Scalable) {
  const { resourceId } = scalable
  const scope = targetScope(resourceId, scalable.dimension)
  const targets = await awsCall('DescribeScalableTargets', targetResource(resourceId), () =>
    ctx.clients.autoscaling.send(
      new DescribeScalableTargetsCommand({
        ServiceNamespace: scope.ServiceNamespace,
        ScalableDimension: scope.ScalableDimension,
        ResourceIds: [resourceId]
      })
    )
  )
  return targets.ScalableTargets?.find((candidate) => candidate.ResourceId === resourceId)
}
