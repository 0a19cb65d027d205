/**
 * Whether an endpoint's instances can hold an inference component's rolling
 * update: every copy reserves its accelerators, CPU cores and memory on one
 * instance (ComputeResourceRequirements), and during a batch the new copies
 * run beside all the old ones, and beside every other component's copies.
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_InferenceComponentComputeResourceRequirements.html
 *
 * AWS does not document what a rolling update does when its batch cannot be
 * placed (fail, roll back, or wait until MaximumExecutionTimeout), so the
 * action refuses before any change instead: the copies are placed first fit,
 * largest first, on the instances the endpoint runs or, with managed
 * instance scaling, on its maximum.
 */
import { counted } from '../parse.js'
import type { ComputePerCopy } from '../settings.js'

/** What one instance offers its copies. */
export interface InstanceResources {
  accelerators: number
  cpuCores: number
  memoryMb: number
}

/**
 * ml.* instances have their EC2 namesakes' accelerators, vCPUs and memory
 * (https://docs.aws.amazon.com/batch/latest/userguide/gpu-jobs.html for the
 * G instances; https://aws.amazon.com/ec2/instance-types/ for the rest).
 * SageMaker does not document how much of an instance it keeps for itself,
 * so the check counts all of it: a fit here may still fall short by that much,
 * never the other way round.
 */
const INSTANCE_RESOURCES: Record<string, InstanceResources> = {
  'ml.m5.large': { accelerators: 0, cpuCores: 2, memoryMb: 8 * 1024 },
  'ml.m5.xlarge': { accelerators: 0, cpuCores: 4, memoryMb: 16 * 1024 },
  'ml.m5.2xlarge': { accelerators: 0, cpuCores: 8, memoryMb: 32 * 1024 },
  'ml.m5.4xlarge': { accelerators: 0, cpuCores: 16, memoryMb: 64 * 1024 },
  'ml.c5.large': { accelerators: 0, cpuCores: 2, memoryMb: 4 * 1024 },
  'ml.c5.xlarge': { accelerators: 0, cpuCores: 4, memoryMb: 8 * 1024 },
  'ml.c5.2xlarge': { accelerators: 0, cpuCores: 8, memoryMb: 16 * 1024 },
  'ml.g5.xlarge': { accelerators: 1, cpuCores: 4, memoryMb: 16 * 1024 },
  'ml.g5.2xlarge': { accelerators: 1, cpuCores: 8, memoryMb: 32 * 1024 },
  'ml.g5.4xlarge': { accelerators: 1, cpuCores: 16, memoryMb: 64 * 1024 },
  'ml.g5.8xlarge': { accelerators: 1, cpuCores: 32, memoryMb: 128 * 1024 },
  'ml.g5.12xlarge': { accelerators: 4, cpuCores: 48, memoryMb: 192 * 1024 },
  'ml.g5.16xlarge': { accelerators: 1, cpuCores: 64, memoryMb: 256 * 1024 },
  'ml.g5.24xlarge': { accelerators: 4, cpuCores: 96, memoryMb: 384 * 1024 },
  'ml.g5.48xlarge': { accelerators: 8, cpuCores: 192, memoryMb: 768 * 1024 },
  'ml.g6.xlarge': { accelerators: 1, cpuCores: 4, memoryMb: 16 * 1024 },
  'ml.g6.2xlarge': { accelerators: 1, cpuCores: 8, memoryMb: 32 * 1024 },
  'ml.g6.12xlarge': { accelerators: 4, cpuCores: 48, memoryMb: 192 * 1024 },
  'ml.g6.48xlarge': { accelerators: 8, cpuCores: 192, memoryMb: 768 * 1024 },
  'ml.p4d.24xlarge': { accelerators: 8, cpuCores: 96, memoryMb: 1152 * 1024 },
  'ml.p5.48xlarge': { accelerators: 8, cpuCores: 192, memoryMb: 2048 * 1024 }
}

export function instanceResources(instanceType: string): InstanceResources | undefined {
  return INSTANCE_RESOURCES[instanceType]
}

/** Copies of one kind to place: a component's old or new copies, or another component's. */
export interface CopiesToPlace {
  /** Who they are, for the message: `"chat" (new)`. */
  label: string
  count: number
  compute: ComputePerCopy
}

export interface CapacityCheck {
  instanceType: string
  /** The instances the copies may use: the endpoint's now, or managed scaling's maximum. */
  instances: number
  /** Whether `instances` is managed scaling's maximum. */
  managedMaximum: boolean
  copies: CopiesToPlace[]
}

/** What did not fit, in words with the numbers; undefined when everything fits. */
export function capacityShortfall(check: CapacityCheck): string | undefined {
  const offered = instanceResources(check.instanceType)
  if (!offered) return undefined
  const free = Array.from({ length: check.instances }, () => ({ ...offered }))
  const copies = check.copies
    .flatMap((kind) => Array.from({ length: kind.count }, () => kind))
    .sort((a, b) => weight(b.compute, offered) - weight(a.compute, offered))
  let placed = 0
  for (const copy of copies) {
    const instance = free.find((candidate) => fits(copy.compute, candidate))
    if (!instance) return shortfallWords(check, offered, copy, placed, copies.length)
    instance.accelerators -= copy.compute.acceleratorDevices ?? 0
    instance.cpuCores -= copy.compute.cpuCores ?? 0
    instance.memoryMb -= copy.compute.memoryMb
    placed++
  }
  return undefined
}

function fits(compute: ComputePerCopy, free: InstanceResources): boolean {
  return (
    (compute.acceleratorDevices ?? 0) <= free.accelerators &&
    (compute.cpuCores ?? 0) <= free.cpuCores &&
    compute.memoryMb <= free.memoryMb
  )
}

/** The largest share of an instance a copy takes: the order of first fit, largest first. */
function weight(compute: ComputePerCopy, offered: InstanceResources): number {
  return Math.max(
    offered.accelerators > 0 ? (compute.acceleratorDevices ?? 0) / offered.accelerators : 0,
    (compute.cpuCores ?? 0) / offered.cpuCores,
    compute.memoryMb / offered.memoryMb
  )
}

function shortfallWords(
  check: CapacityCheck,
  offered: InstanceResources,
  copy: CopiesToPlace,
  placed: number,
  total: number
): string {
  const per = describeCompute(copy.compute)
  const instance = `${check.instanceType} (${offered.accelerators} accelerators, ${offered.cpuCores} CPU cores, ${offered.memoryMb} MB)`
  const where = check.managedMaximum
    ? `${check.instances} × ${instance}, managed instance scaling's maximum`
    : `${check.instances} × ${instance}`
  const kinds = check.copies.map((kind) => `${kind.count} ${kind.label}`).join(' + ')
  return `${total} copies must run at once (${kinds}), and only ${placed} fit on ${where}: a copy of ${copy.label} reserves ${per}`
}

export function describeCompute(compute: ComputePerCopy): string {
  return [
    compute.acceleratorDevices ? counted(compute.acceleratorDevices, 'accelerator') : '',
    compute.cpuCores ? `${compute.cpuCores} CPU cores` : '',
    `${compute.memoryMb} MB`
  ]
    .filter(Boolean)
    .join(', ')
}
