/**
 * The inputs of a deploy that names an inference component: what each copy
 * reserves, how many copies, and how a new endpoint is made ready for
 * components. Inference components are updated by SageMaker's rolling
 * update (UpdateInferenceComponent's DeploymentConfig), so the rollout
 * inputs that only an endpoint's variants can take are refused here.
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_UpdateInferenceComponent.html
 */
import { InputError, parseEnum, parseInteger, parseNumber } from './parse.js'
import { definedOnly, type InputSource } from './input-source.js'
import { checkAlarmCount, SAGEMAKER_LIMITS } from './rollout/native-limits.js'
import { ROUTING_STRATEGIES, type ComponentSettings, type ComputePerCopy, type RolloutSettings } from './settings.js'

/** CreateInferenceComponent's floors (ComputeResourceRequirements). */
const LEAST_MEMORY_MB = 128
const LEAST_CPU_CORES = 0.25

export function parseComponent(inputs: InputSource, name: string): ComponentSettings {
  const min = inputs.optional('min-instance-count', (raw) =>
    parseInteger('min-instance-count', raw, { min: 0, max: 1000 })
  )
  const max = inputs.optional('max-instance-count', (raw) =>
    parseInteger('max-instance-count', raw, { min: 1, max: 1000 })
  )
  if (min !== undefined && max === undefined) {
    throw new InputError(
      'max-instance-count',
      'is required with min-instance-count (managed instance scaling needs both)'
    )
  }
  if (min !== undefined && max !== undefined && max < min) {
    throw new InputError('max-instance-count', `must be at least min-instance-count (${min})`, String(max))
  }
  return {
    name,
    ...definedOnly({
      copyCount: inputs.optional('copy-count', (raw) => parseInteger('copy-count', raw, { min: 1, max: 1000 })),
      compute: parseCompute(inputs),
      managedScaling: max === undefined ? undefined : { min: min ?? 1, max },
      routing: inputs.optional('routing-strategy', (raw) =>
        parseEnum('routing-strategy', raw.toUpperCase().replace(/-/g, '_'), ROUTING_STRATEGIES)
      )
    })
  }
}

/**
 * A component has no variant of its own to shift weights on: the action
 * cannot run a canary on it, and SageMaker updates it only by rolling
 * batches of copies (or all at once without a DeploymentConfig, which leaves
 * nothing to roll back on). So its rollout is always SageMaker's rolling
 * update, judged by the action; strategy and rollout-controller may be left
 * as they are, or say so.
 */
export function componentRollout(
  settings: RolloutSettings,
  timeoutMs: number,
  shown: (input: string) => string
): RolloutSettings {
  if (settings.strategy === 'canary' || settings.strategy === 'linear') {
    throw new InputError(
      'strategy',
      `cannot be ${settings.strategy} with inference-component-name: a component is updated by SageMaker's rolling update, a batch of copies at a time (batch-size, bake-time between batches). Leave strategy out or set it to rolling`,
      shown('strategy')
    )
  }
  checkAlarmCount(settings, 'inference-component-name')
  if (settings.bakeTimeMs > SAGEMAKER_LIMITS.maxWaitIntervalSeconds * 1000) {
    throw new InputError(
      'bake-time',
      "must be at most 1h with inference-component-name (the rolling update's WaitIntervalInSeconds)",
      shown('bake-time')
    )
  }
  const timeoutSeconds = timeoutMs / 1000
  if (
    timeoutSeconds < SAGEMAKER_LIMITS.minExecutionTimeoutSeconds ||
    timeoutSeconds > SAGEMAKER_LIMITS.maxExecutionTimeoutSeconds
  ) {
    throw new InputError(
      'timeout',
      "must be from 10m to 8h with inference-component-name (the rolling update's MaximumExecutionTimeoutInSeconds)",
      shown('timeout')
    )
  }
  if (settings.onInconclusive === 'pause') {
    throw new InputError(
      'on-inconclusive',
      'cannot be pause with inference-component-name: a rolling update cannot rest half-way, so a component the gates could not judge goes back',
      shown('on-inconclusive')
    )
  }
  return { ...settings, strategy: 'rolling', controller: 'sagemaker' }
}

/** The compute each copy reserves; absent when no input sets any of it (carried over from the serving component). */
function parseCompute(inputs: InputSource): ComputePerCopy | undefined {
  const memoryMb = inputs.optional('memory-per-copy', (raw) => parseMemory('memory-per-copy', raw))
  const acceleratorDevices = inputs.optional('accelerators-per-copy', (raw) =>
    parseInteger('accelerators-per-copy', raw, { min: 1, max: 64 })
  )
  const cpuCores = inputs.optional('cpu-cores-per-copy', (raw) => {
    const cores = parseNumber('cpu-cores-per-copy', raw, { min: LEAST_CPU_CORES, max: 1024 })
    // SageMaker takes cores in quarters.
    if (!Number.isInteger(cores * 4)) {
      throw new InputError('cpu-cores-per-copy', 'must be a multiple of 0.25 cores, such as 0.5 or 2', raw)
    }
    return cores
  })
  if (memoryMb === undefined && acceleratorDevices === undefined && cpuCores === undefined) return undefined
  if (memoryMb === undefined) {
    throw new InputError(
      'memory-per-copy',
      'is required with accelerators-per-copy or cpu-cores-per-copy: SageMaker reserves memory for every copy (MinMemoryRequiredInMb), such as 8GB'
    )
  }
  return { memoryMb, ...definedOnly({ acceleratorDevices, cpuCores }) }
}

/** Memory with its unit, MB or GB (1 GB = 1024 MB, as SageMaker's MinMemoryRequiredInMb counts): never a bare number. */
export function parseMemory(input: string, raw: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(MB|GB|MiB|GiB)$/i.exec(raw.trim())
  if (!match) throw new InputError(input, 'must be an amount of memory with its unit, such as 2048MB or 16GB', raw)
  const amount = Number(match[1])
  const megabytes = /^g/i.test(match[2] as string) ? amount * 1024 : amount
  if (!Number.isInteger(megabytes) || megabytes < LEAST_MEMORY_MB || megabytes > 4_194_304) {
    throw new InputError(input, `must be a whole number of MB from ${LEAST_MEMORY_MB}MB, such as 2048MB or 16GB`, raw)
  }
  return megabytes
}
