/**
 * The inputs of the operations that look after a serving endpoint: its
 * capacity, its autoscaling and its monitoring. With inference-component-name
 * they act on the component, which scales by copies and runs on the variant
 * it was created on: the inputs that only a variant takes are refused.
 */
import {
  InputError,
  parseDuration,
  parseEnum,
  parseInteger,
  parseLatencyThreshold,
  parseNumber,
  parsePercentThreshold
} from './parse.js'
import {
  COMPONENT_SCALING_METRICS,
  SCALING_METRICS,
  type ConfigureAutoscalingSettings,
  type MonitorSettings,
  type UpdateCapacitySettings
} from './settings.js'
import { definedOnly, type InputSource } from './input-source.js'

/**
 * A variant's instance count, or a component's copy count. Copies may go to
 * 0 (DesiredRuntimeConfig.CopyCount, min 0:
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_InferenceComponentRuntimeConfig.html).
 */
export function parseUpdateCapacity(inputs: InputSource, component: string | undefined): UpdateCapacitySettings {
  if (component === undefined) {
    refuseWithoutComponent(inputs, 'copy-count', 'instance-count')
    return {
      ...definedOnly({ variantName: inputs.variantName() }),
      instanceCount: inputs.required('instance-count', (raw) =>
        parseInteger('instance-count', raw, { min: 1, max: 1000 })
      )
    }
  }
  refuseVariantWithComponent(inputs, component, 'variant-name')
  if (inputs.raw('instance-count') !== '') {
    throw new InputError(
      'instance-count',
      'cannot be set with inference-component-name: a component scales by its copies; set copy-count',
      inputs.raw('instance-count')
    )
  }
  return {
    componentName: component,
    copyCount: inputs.required(
      'copy-count',
      (raw) => parseInteger('copy-count', raw, { min: 0, max: 1000 }),
      ' with inference-component-name: the number of copies the component should run'
    )
  }
}

/** A component runs on the variant it was created on: a variant input beside it can only be a mistake. */
export function refuseVariantWithComponent(inputs: InputSource, component: string | undefined, input: string): void {
  if (component === undefined || inputs.raw(input) === '') return
  throw new InputError(
    input,
    `cannot be set with inference-component-name: the operation acts on inference component "${component}", on the variant it runs on`,
    inputs.raw(input)
  )
}

/** A component is rolled back to the state recorded on it, not to an endpoint config. */
export function refuseConfigWithComponent(inputs: InputSource, component: string | undefined): void {
  if (component === undefined || inputs.raw('endpoint-config-name') === '') return
  throw new InputError(
    'endpoint-config-name',
    `cannot be set with inference-component-name: a component returns to the specification its last deploy recorded on it, and the endpoint's config stays as it is`,
    inputs.raw('endpoint-config-name')
  )
}

function refuseWithoutComponent(inputs: InputSource, input: string, instead: string): void {
  if (inputs.raw(input) === '') return
  throw new InputError(input, `is for an inference component (inference-component-name); a variant takes ${instead}`)
}

export function parseAutoscaling(inputs: InputSource, component?: string): ConfigureAutoscalingSettings {
  refuseVariantWithComponent(inputs, component, 'variant-name')
  // A component may scale to no copies at all; a variant keeps at least one instance.
  const least = component === undefined ? 1 : 0
  const minCapacity = inputs.required('min-capacity', (raw) =>
    parseInteger('min-capacity', raw, { min: least, max: 1000 })
  )
  const maxCapacity = inputs.required('max-capacity', (raw) => parseInteger('max-capacity', raw, { min: 1, max: 1000 }))
  if (maxCapacity < minCapacity) {
    throw new InputError('max-capacity', `must be at least min-capacity (${minCapacity})`, String(maxCapacity))
  }
  return {
    ...definedOnly({ variantName: inputs.variantName() }),
    minCapacity,
    maxCapacity,
    scalingMetric: parseScalingMetric(inputs, component),
    targetValue: inputs.required('target-value', (raw) => parseNumber('target-value', raw, { min: 0.001, max: 1e9 })),
    scaleInCooldownSeconds:
      inputs.withDefault('scale-in-cooldown', (raw) => parseDuration('scale-in-cooldown', raw)) / 1000,
    scaleOutCooldownSeconds:
      inputs.withDefault('scale-out-cooldown', (raw) => parseDuration('scale-out-cooldown', raw)) / 1000
  }
}

/** The metrics a variant scales on and those a component scales on are not interchangeable. */
function parseScalingMetric(inputs: InputSource, component: string | undefined) {
  const metrics = SCALING_METRICS.filter((metric) => COMPONENT_SCALING_METRICS.includes(metric) === !!component)
  const metric = inputs.required(
    'scaling-metric',
    (raw) => parseEnum('scaling-metric', raw, SCALING_METRICS),
    `: one of ${metrics.join(', ')}`
  )
  if (metrics.includes(metric)) return metric
  throw new InputError(
    'scaling-metric',
    component === undefined
      ? `is ${metric}, which only an inference component scales on (inference-component-name); a variant scales on one of ${metrics.join(', ')}`
      : `is ${metric}, which a variant scales on; inference component "${component}" scales its copies on one of ${metrics.join(', ')}`
  )
}

export function parseMonitor(inputs: InputSource): MonitorSettings {
  const windowMs = inputs.withDefault('metrics-window', (raw) =>
    parseDuration('metrics-window', raw, { minMs: 60_000 })
  )
  const periodMs = inputs.withDefault('metrics-period', (raw) =>
    parseDuration('metrics-period', raw, { minMs: 60_000 })
  )
  if (periodMs % 60_000 !== 0) {
    throw new InputError(
      'metrics-period',
      'must be a whole number of minutes (CloudWatch periods are multiples of 60s)',
      inputs.raw('metrics-period')
    )
  }
  if (periodMs > windowMs) {
    throw new InputError('metrics-period', `must not be longer than metrics-window`, inputs.raw('metrics-period'))
  }
  return {
    windowMs,
    periodSeconds: periodMs / 1000,
    alarmNames: inputs.alarmNames(),
    ...definedOnly({
      maxErrorRate: inputs.optional('max-error-rate', (raw) => parsePercentThreshold('max-error-rate', raw)),
      maxLatencyP99Ms: inputs.optional('max-latency-p99', (raw) => parseLatencyThreshold('max-latency-p99', raw))
    }),
    failOnUnhealthy: inputs.boolean('fail-on-unhealthy')
  }
}
