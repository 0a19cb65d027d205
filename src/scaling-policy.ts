/**
 * The target-tracking policy configure-autoscaling puts on a variant, and
 * where CloudWatch publishes each metric it can track.
 */
import type { TargetTrackingScalingPolicyConfiguration } from '@aws-sdk/client-application-auto-scaling'
import { TARGET_TRACKING_POLICY_NAME, type ScalingPolicySpec } from './autoscaling.js'
import type { ConfigureAutoscalingSettings, ScalingMetric } from './settings.js'

/** Where CloudWatch publishes each metric configure-autoscaling can track, and in what unit. */
export const SCALING_METRIC_DETAILS: Record<ScalingMetric, { metricName: string; namespace?: string; unit: string }> = {
  InvocationsPerInstance: {
    metricName: 'SageMakerVariantInvocationsPerInstance',
    unit: 'invocations per instance per minute'
  },
  CPUUtilization: {
    metricName: 'CPUUtilization',
    namespace: '/aws/sagemaker/Endpoints',
    unit: "percent, summed over the instance's vCPUs (up to 400 on 4 vCPUs)"
  },
  ModelLatency: { metricName: 'ModelLatency', namespace: 'AWS/SageMaker', unit: 'microseconds' }
}

/** The target-tracking policy configure-autoscaling puts on a variant. */
export function targetTrackingPolicy(
  endpointName: string,
  variantName: string,
  settings: Pick<
    ConfigureAutoscalingSettings,
    'scalingMetric' | 'targetValue' | 'scaleInCooldownSeconds' | 'scaleOutCooldownSeconds'
  >
): ScalingPolicySpec {
  const details = SCALING_METRIC_DETAILS[settings.scalingMetric]
  const metric: Pick<
    TargetTrackingScalingPolicyConfiguration,
    'PredefinedMetricSpecification' | 'CustomizedMetricSpecification'
  > =
    settings.scalingMetric === 'InvocationsPerInstance'
      ? { PredefinedMetricSpecification: { PredefinedMetricType: 'SageMakerVariantInvocationsPerInstance' } }
      : {
          CustomizedMetricSpecification: {
            MetricName: details.metricName,
            Namespace: details.namespace,
            Dimensions: [
              { Name: 'EndpointName', Value: endpointName },
              { Name: 'VariantName', Value: variantName }
            ],
            Statistic: 'Average'
          }
        }
  return {
    PolicyName: TARGET_TRACKING_POLICY_NAME,
    PolicyType: 'TargetTrackingScaling',
    TargetTrackingScalingPolicyConfiguration: {
      TargetValue: settings.targetValue,
      ...metric,
      // Cooldowns are whole seconds in the API.
      ScaleInCooldown: Math.round(settings.scaleInCooldownSeconds),
      ScaleOutCooldown: Math.round(settings.scaleOutCooldownSeconds)
    }
  }
}
