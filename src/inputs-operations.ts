/** The inputs of the operations that look after a serving endpoint: its autoscaling and its monitoring. */
import {
  InputError,
  parseDuration,
  parseEnum,
  parseInteger,
  parseLatencyThreshold,
  parseNumber,
  parsePercentThreshold
} from './parse.js'
import { SCALING_METRICS, type ConfigureAutoscalingSettings, type MonitorSettings } from './settings.js'
import { definedOnly, type InputSource } from './input-source.js'

export function parseAutoscaling(inputs: InputSource): ConfigureAutoscalingSettings {
  const minCapacity = inputs.required('min-capacity', (raw) => parseInteger('min-capacity', raw, { min: 1, max: 1000 }))
  const maxCapacity = inputs.required('max-capacity', (raw) => parseInteger('max-capacity', raw, { min: 1, max: 1000 }))
  if (maxCapacity < minCapacity) {
    throw new InputError('max-capacity', `must be at least min-capacity (${minCapacity})`, String(maxCapacity))
  }
  return {
    ...definedOnly({ variantName: inputs.variantName() }),
    minCapacity,
    maxCapacity,
    scalingMetric: inputs.required(
      'scaling-metric',
      (raw) => parseEnum('scaling-metric', raw, SCALING_METRICS),
      `: one of ${SCALING_METRICS.join(', ')}`
    ),
    targetValue: inputs.required('target-value', (raw) => parseNumber('target-value', raw, { min: 0.001, max: 1e9 })),
    scaleInCooldownSeconds:
      inputs.withDefault('scale-in-cooldown', (raw) => parseDuration('scale-in-cooldown', raw)) / 1000,
    scaleOutCooldownSeconds:
      inputs.withDefault('scale-out-cooldown', (raw) => parseDuration('scale-out-cooldown', raw)) / 1000
  }
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
