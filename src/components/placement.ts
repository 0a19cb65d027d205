/**
 * Whether an endpoint can hold the copies an operation is about to ask for,
 * checked before any change: deploy (the worst moment of a rolling update, or
 * a new component) and update-capacity (more copies). SageMaker would accept
 * either request and fail minutes later, with copies half-placed.
 */
import type { ProductionVariant } from '@aws-sdk/client-sagemaker'
import type { OperationContext } from '../context.js'
import type { Endpoint } from '../endpoint.js'
import { fleetSize } from '../resources.js'
import { capacityShortfall, instanceResources, type CopiesToPlace } from './capacity.js'
import type { Component } from './component.js'
import type { ComponentState } from './moves.js'

/** What the copies are placed on: the variant the components share, and the endpoint it runs on now. */
export interface PlacementRoom {
  variant: ProductionVariant | undefined
  endpoint: Endpoint | undefined
}

/** Every other component's copies (adapters run inside their base's, and take nothing of their own). */
export function copiesOfOthers(others: Component[]): CopiesToPlace[] {
  return others
    .filter((other) => !other.Specification?.BaseInferenceComponentName)
    .map((other) => ({
      label: `"${other.InferenceComponentName}"`,
      count: Math.max(other.RuntimeConfig?.DesiredCopyCount ?? 0, other.RuntimeConfig?.CurrentCopyCount ?? 0),
      compute: computeOf(other.Specification?.ComputeResourceRequirements)
    }))
}

export function computeOf(
  requirements: NonNullable<ComponentState['specification']['ComputeResourceRequirements']> | undefined
): CopiesToPlace['compute'] {
  return {
    memoryMb: requirements?.MinMemoryRequiredInMb ?? 0,
    ...(requirements?.NumberOfAcceleratorDevicesRequired !== undefined
      ? { acceleratorDevices: requirements.NumberOfAcceleratorDevicesRequired }
      : {}),
    ...(requirements?.NumberOfCpuCoresRequired !== undefined ? { cpuCores: requirements.NumberOfCpuCoresRequired } : {})
  }
}

/**
 * Throws, with the numbers, when the copies of one of the `moments` cannot
 * all run at once on the endpoint's instances (managed instance scaling's
 * maximum when it is on); warns once and lets SageMaker judge when the
 * instance type is one the action does not know. A moment's `refusal`
 * starts the message and `remedy` ends it.
 */
export function refuseWhatCannotBePlaced(
  ctx: OperationContext,
  room: PlacementRoom,
  moments: Array<{ copies: CopiesToPlace[]; refusal: string }>,
  remedy: string
): void {
  const { variant } = room
  const instanceType = variant?.InstanceType ?? ''
  if (!instanceResources(instanceType)) {
    ctx.warn(
      `The action does not know what a ${instanceType || 'variant without an instance type'} offers, so it could not check that the copies fit; SageMaker will refuse or roll back what does not.`
    )
    return
  }
  const scaling = variant?.ManagedInstanceScaling
  const managed = scaling?.Status === 'ENABLED' && scaling.MaxInstanceCount !== undefined
  const live = room.endpoint?.ProductionVariants?.find(
    (summary) => summary.VariantName === variant?.VariantName
  )?.CurrentInstanceCount
  const instances = managed ? (scaling.MaxInstanceCount as number) : (live ?? fleetSize(variant ? [variant] : []))
  for (const { copies, refusal } of moments) {
    const shortfall = capacityShortfall({ instanceType, instances, managedMaximum: managed, copies })
    if (shortfall) throw new Error(`${refusal}: ${shortfall}. Nothing was changed. ${remedy}`)
  }
}
