/**
 * Application Auto Scaling as the tests see it: scalable targets, policies and
 * scheduled actions shaped as DescribeScalableTargets, DescribeScalingPolicies
 * and DescribeScheduledActions return them, and one way to answer those calls
 * from an aws-sdk-client-mock. The stateful FakeAws keeps its own registry but
 * names resources with the same helpers.
 */
import {
  DeleteScalingPolicyCommand,
  DeleteScheduledActionCommand,
  DeregisterScalableTargetCommand,
  DescribeScalableTargetsCommand,
  DescribeScalingPoliciesCommand,
  DescribeScheduledActionsCommand,
  PutScalingPolicyCommand,
  RegisterScalableTargetCommand,
  type ApplicationAutoScalingClient,
  type ScalableTarget,
  type ScalingPolicy,
  type ScheduledAction,
  type SuspendedState,
  type TargetTrackingScalingPolicyConfiguration
} from '@aws-sdk/client-application-auto-scaling'
import type { AwsClientStub } from 'aws-sdk-client-mock'
import { ACCOUNT } from './sagemaker.js'

export const SCALABLE_DIMENSION = 'sagemaker:variant:DesiredInstanceCount'

export function variantResourceId(endpointName: string, variantName: string): string {
  return `endpoint/${endpointName}/variant/${variantName}`
}

/** What names one variant's scalable dimension in every Application Auto Scaling call. */
export function scalingScope(resourceId: string) {
  return { ServiceNamespace: 'sagemaker', ResourceId: resourceId, ScalableDimension: SCALABLE_DIMENSION } as const
}

/** The service-linked role Application Auto Scaling creates for SageMaker endpoints on first registration. */
export const SCALING_ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/aws-service-role/sagemaker.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_SageMakerEndpoint`

export function scalableTarget(
  resourceId: string,
  min: number,
  max: number,
  suspended?: Partial<SuspendedState>
): ScalableTarget {
  return {
    ...scalingScope(resourceId),
    MinCapacity: min,
    MaxCapacity: max,
    RoleARN: SCALING_ROLE_ARN,
    CreationTime: new Date(0),
    ...(suspended
      ? {
          SuspendedState: {
            DynamicScalingInSuspended: false,
            DynamicScalingOutSuspended: false,
            ScheduledScalingSuspended: false,
            ...suspended
          }
        }
      : {})
  }
}

/** One target on invocations per instance, as configure-autoscaling puts it unless told otherwise. */
export const INVOCATIONS_TARGET: TargetTrackingScalingPolicyConfiguration = {
  TargetValue: 70,
  PredefinedMetricSpecification: { PredefinedMetricType: 'SageMakerVariantInvocationsPerInstance' }
}

export function targetTrackingPolicy(
  resourceId: string,
  name: string,
  configuration: TargetTrackingScalingPolicyConfiguration = INVOCATIONS_TARGET
): ScalingPolicy {
  return {
    ...scalingScope(resourceId),
    PolicyARN: `arn:aws:autoscaling:us-east-1:${ACCOUNT}:scalingPolicy:id:resource/SageMaker/${resourceId}:policyName/${name}`,
    PolicyName: name,
    PolicyType: 'TargetTrackingScaling',
    TargetTrackingScalingPolicyConfiguration: configuration,
    Alarms: [{ AlarmName: `TargetTracking-${resourceId}-AlarmHigh-1`, AlarmARN: 'arn:alarm' }],
    CreationTime: new Date(0)
  }
}

export function scheduledAction(resourceId: string, name: string, min: number, max: number): ScheduledAction {
  return {
    ...scalingScope(resourceId),
    ScheduledActionName: name,
    ScheduledActionARN: `arn:aws:autoscaling:us-east-1:${ACCOUNT}:scheduledAction:id:resource/SageMaker/${resourceId}:scheduledActionName/${name}`,
    Schedule: 'cron(0 22 * * ? *)',
    ScalableTargetAction: { MinCapacity: min, MaxCapacity: max },
    CreationTime: new Date(0)
  }
}

/**
 * Answers the describe calls from what is registered, filtered by resource as
 * Application Auto Scaling filters them, and accepts every change. A test that
 * needs a change refused sets that one command after calling this.
 */
export function givenAutoscaling(
  autoscaling: AwsClientStub<ApplicationAutoScalingClient>,
  registered: { targets?: ScalableTarget[]; policies?: ScalingPolicy[]; scheduled?: ScheduledAction[] } = {}
): void {
  const { targets = [], policies = [], scheduled = [] } = registered
  autoscaling.on(DescribeScalableTargetsCommand).callsFake((input: { ResourceIds?: string[] }) => ({
    ScalableTargets: targets.filter((target) => !input.ResourceIds || input.ResourceIds.includes(target.ResourceId!))
  }))
  autoscaling.on(DescribeScalingPoliciesCommand).callsFake((input: { ResourceId?: string }) => ({
    ScalingPolicies: policies.filter((policy) => !input.ResourceId || policy.ResourceId === input.ResourceId)
  }))
  autoscaling.on(DescribeScheduledActionsCommand).callsFake((input: { ResourceId?: string }) => ({
    ScheduledActions: scheduled.filter((action) => !input.ResourceId || action.ResourceId === input.ResourceId)
  }))
  autoscaling.on(RegisterScalableTargetCommand).resolves({ ScalableTargetARN: 'arn:scalable-target' })
  autoscaling.on(PutScalingPolicyCommand).resolves({ PolicyARN: 'arn:policy/new' })
  autoscaling.on(DeleteScalingPolicyCommand).resolves({})
  autoscaling.on(DeleteScheduledActionCommand).resolves({})
  autoscaling.on(DeregisterScalableTargetCommand).resolves({})
}
