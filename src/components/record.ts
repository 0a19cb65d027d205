/**
 * What a component ran before the last deploy, kept on the component itself
 * as a tag, so operation: rollback can return to it from any later run (and
 * after a runner that died). SageMaker's tag values take letters, digits,
 * spaces and `_.:/=+-@` only, up to 256 characters
 * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_Tag.html):
 * the record is `key=value` words, and keeps what a model-named component's
 * specification holds.
 */
import type {
  AvailabilityZoneBalanceEnforcementMode,
  InferenceComponentPlacementStrategy,
  InferenceComponentSpecification
} from '@aws-sdk/client-sagemaker'
import type { ComponentState } from './moves.js'

export const PREVIOUS_STATE_TAG = 'sagemaker-deploy:previous-component'

export function encodeComponentState(state: ComponentState): string {
  const spec = state.specification
  const compute = spec.ComputeResourceRequirements
  const startup = spec.StartupParameters
  const words: Array<[string, string | number | boolean | undefined]> = [
    ['model', spec.ModelName],
    ['copies', state.copies],
    ['accelerators', compute?.NumberOfAcceleratorDevicesRequired],
    ['cpus', compute?.NumberOfCpuCoresRequired],
    ['memory', compute?.MinMemoryRequiredInMb],
    ['download', startup?.ModelDataDownloadTimeoutInSeconds],
    ['startup', startup?.ContainerStartupHealthCheckTimeoutInSeconds],
    ['maxmemory', compute?.MaxMemoryRequiredInMb],
    ['cache', spec.DataCacheConfig?.EnableCaching],
    ['placement', spec.SchedulingConfig?.PlacementStrategy],
    ['azbalance', spec.SchedulingConfig?.AvailabilityZoneBalance?.EnforcementMode],
    ['azimbalance', spec.SchedulingConfig?.AvailabilityZoneBalance?.MaxImbalance]
  ]
  return words
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${value}`)
    .join(' ')
}

/** The state a tag recorded; undefined when it holds no model to return to. */
export function decodeComponentState(value: string | undefined): ComponentState | undefined {
  if (!value) return undefined
  const fields = new Map(
    value
      .trim()
      .split(/\s+/)
      .map((word) => word.split('=') as [string, string])
  )
  const model = fields.get('model')
  if (!model) return undefined
  const number = (key: string): number | undefined => (fields.has(key) ? Number(fields.get(key)) : undefined)
  const defined = (entries: Record<string, number | undefined>) =>
    Object.fromEntries(Object.entries(entries).filter(([, amount]) => amount !== undefined)) as Record<string, number>
  const memory = number('memory')
  const startup = defined({
    ModelDataDownloadTimeoutInSeconds: number('download'),
    ContainerStartupHealthCheckTimeoutInSeconds: number('startup')
  })
  const specification: InferenceComponentSpecification = {
    ModelName: model,
    ...(memory !== undefined
      ? {
          ComputeResourceRequirements: {
            MinMemoryRequiredInMb: memory,
            ...defined({
              NumberOfAcceleratorDevicesRequired: number('accelerators'),
              NumberOfCpuCoresRequired: number('cpus'),
              MaxMemoryRequiredInMb: number('maxmemory')
            })
          }
        }
      : {}),
    ...(Object.keys(startup).length > 0 ? { StartupParameters: startup } : {}),
    ...(fields.has('cache') ? { DataCacheConfig: { EnableCaching: fields.get('cache') === 'true' } } : {}),
    ...schedulingOf(fields)
  }
  return { specification, copies: number('copies') ?? 1 }
}

/** The copies' placement a record holds, as SchedulingConfig. */
function schedulingOf(fields: Map<string, string>): Pick<InferenceComponentSpecification, 'SchedulingConfig'> {
  const strategy = fields.get('placement')
  if (!strategy) return {}
  const mode = fields.get('azbalance')
  const imbalance = fields.get('azimbalance')
  return {
    SchedulingConfig: {
      PlacementStrategy: strategy as InferenceComponentPlacementStrategy,
      ...(mode
        ? {
            AvailabilityZoneBalance: {
              EnforcementMode: mode as AvailabilityZoneBalanceEnforcementMode,
              ...(imbalance !== undefined ? { MaxImbalance: Number(imbalance) } : {})
            }
          }
        : {})
    }
  }
}
