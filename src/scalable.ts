/**
 * What Application Auto Scaling scales for SageMaker, and the fields that
 * name it in every call: a variant's instances, or an inference component's
 * copies.
 */
import type { ScalableDimension, ServiceNamespace } from '@aws-sdk/client-application-auto-scaling'

export const SERVICE_NAMESPACE = 'sagemaker'
export const SCALABLE_DIMENSION = 'sagemaker:variant:DesiredInstanceCount'
/**
 * An inference component scales by its copies, under a resource of its own
 * ("inference-component/<name>"), down to 0
 * (https://docs.aws.amazon.com/autoscaling/application/APIReference/API_RegisterScalableTarget.html).
 */
export const COMPONENT_SCALABLE_DIMENSION = 'sagemaker:inference-component:DesiredCopyCount'

/** What Application Auto Scaling scales: a variant's instances, or an inference component's copies. */
export interface Scalable {
  resourceId: string
  dimension: ScalableDimension
  /** A variant: where a policy carried over from another variant is pointed. */
  variant?: { endpointName: string; variantName: string }
}

export function variantScalable(endpointName: string, variantName: string): Scalable {
  return {
    resourceId: variantResourceId(endpointName, variantName),
    dimension: SCALABLE_DIMENSION,
    variant: { endpointName, variantName }
  }
}

export function componentScalable(componentName: string): Scalable {
  return { resourceId: `inference-component/${componentName}`, dimension: COMPONENT_SCALABLE_DIMENSION }
}

export function variantResourceId(endpointName: string, variantName: string): string {
  return `endpoint/${endpointName}/variant/${variantName}`
}

/** The three fields that name a scalable target in every Application Auto Scaling call. */
export function targetScope(
  resourceId: string,
  dimension: ScalableDimension = SCALABLE_DIMENSION
): {
  ServiceNamespace: ServiceNamespace
  ResourceId: string
  ScalableDimension: ScalableDimension
} {
  return { ServiceNamespace: SERVICE_NAMESPACE, ResourceId: resourceId, ScalableDimension: dimension }
}

/** How errors and the plan name the target: the resource id is what the AWS console shows. */
export function targetResource(resourceId: string): string {
  return `scalable target "${resourceId}"`
}
