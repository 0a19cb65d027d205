/**
 * The target-tracking policy configure-autoscaling puts on a variant, and
 * where CloudWatch publishes each metric it can track.
 */
import type { MetricType, TargetTrackingScalingPolicyConfiguration } from '@aws-sdk/client-application-auto-scaling'
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
  ModelLatency: { metricName: 'ModelLatency', namespace: 'AWS/SageMaker', unit: 'microseconds' },
  // Application Auto Scaling's predefined metrics for a component's copies; the concurrency one is published every
  // 10 seconds (https://docs.aws.amazon.com/sagemaker/latest/dg/endpoint-auto-scaling-add-code-define.html).
  InvocationsPerCopy: {
    metricName: 'SageMakerInferenceComponentInvocationsPerCopy',
    unit: 'invocations per copy per minute'
  },
  ConcurrentRequestsPerCopy: {
    metricName: 'SageMakerInferenceComponentConcurrentRequestsPerCopyHighResolution',
    unit: 'requests in flight per copy'
  }
}

type TrackingSettings = Pick<
  ConfigureAutoscalingSettings,
  'scalingMetric' | 'targetValue' | 'scaleInCooldownSeconds' | 'scaleOutCooldownSeconds'
>

/**
 * The policy configure-autoscaling puts on an inference component: its
 * copies track one of the predefined metrics, which name the component
 * through the scalable target itself.
 */
export function componentTrackingPolicy(settings: TrackingSettings): ScalingPolicySpec {
  const type = SCALING_METRIC_DETAILS[settings.scalingMetric].metricName as MetricType
  return trackingPolicy(settings, { PredefinedMetricSpecification: { PredefinedMetricType: type } })
}

function trackingPolicy(
  settings: TrackingSettings,
  metric: Pick<
    TargetTrackingScalingPolicyConfiguration,
    'PredefinedMetricSpecification' | 'CustomizedMetricSpecification'
  >
): ScalingPolicySpec {
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

/** The target-tracking policy configure-autoscaling puts on a variant. */
export function targetTrackingPolicy(
  endpointName: string,
  variantName: string,
  settings: TrackingSettings
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
  return trackingPolicy(settings, metric)
}
