/**
 * What SageMaker's blue/green deployments (UpdateEndpoint's DeploymentConfig)
 * accept, checked before any change so a rollout handed to SageMaker is never
 * refused half-way:
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_BlueGreenUpdatePolicy.html and
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_TrafficRoutingConfig.html
 */
import { InputError } from '../parse.js'
import type { CommonSettings, RolloutSettings } from '../settings.js'

export const SAGEMAKER_LIMITS = {
  maxWaitIntervalSeconds: 3600,
  minExecutionTimeoutSeconds: 600,
  maxExecutionTimeoutSeconds: 28_800,
  maxCanaryPercent: 50,
  minLinearStepPercent: 10,
  maxLinearStepPercent: 50,
  maxAlarms: 10
}

/** Blue/green deployments judged by SageMaker itself accept only what DeploymentConfig can express. */
export function checkSageMakerControllerLimits(
  settings: RolloutSettings,
  common: CommonSettings,
  shown: (input: string) => string
): void {
  const limits = SAGEMAKER_LIMITS
  const onlyAlarms =
    'is judged by the action only; with rollout-controller: sagemaker only alarm-names guard the rollout'
  for (const [name, value] of [
    ['max-error-rate', settings.gates.maxErrorRate],
    ['max-latency-p99', settings.gates.maxLatencyP99Ms],
    ['probe-payload', settings.gates.probe]
  ] as const) {
    if (value !== undefined) throw new InputError(name, onlyAlarms)
  }
  if (settings.gates.minInvocations > 0) throw new InputError('min-invocations', onlyAlarms)
  if (settings.gates.alarmNames.length > limits.maxAlarms) {
    throw new InputError(
      'alarm-names',
      `may name at most ${limits.maxAlarms} alarms with rollout-controller: sagemaker`
    )
  }
  if (settings.bakeTimeMs > limits.maxWaitIntervalSeconds * 1000) {
    throw new InputError(
      'bake-time',
      'must be at most 1h with rollout-controller: sagemaker (WaitIntervalInSeconds)',
      shown('bake-time')
    )
  }
  const timeoutSeconds = common.timeoutMs / 1000
  if (timeoutSeconds < limits.minExecutionTimeoutSeconds || timeoutSeconds > limits.maxExecutionTimeoutSeconds) {
    throw new InputError(
      'timeout',
      'must be from 10m to 8h with rollout-controller: sagemaker (MaximumExecutionTimeoutInSeconds)',
      shown('timeout')
    )
  }
  if (settings.bakeTimeMs >= common.timeoutMs) {
    throw new InputError(
      'bake-time',
      'must be shorter than timeout with rollout-controller: sagemaker (MaximumExecutionTimeoutInSeconds must exceed WaitIntervalInSeconds)',
      shown('bake-time')
    )
  }
  if (settings.trafficSteps.some((step) => !Number.isInteger(step))) {
    throw new InputError(
      'traffic-steps',
      'must be whole percentages with rollout-controller: sagemaker (CapacitySize takes whole numbers)',
      settings.trafficSteps.join(',')
    )
  }
  const steps = settings.trafficSteps
  if (steps[steps.length - 1] !== 100) {
    throw new InputError(
      'traffic-steps',
      'must end at 100 with rollout-controller: sagemaker, which cannot pause',
      shown('traffic-steps')
    )
  }
  if (settings.strategy === 'canary') {
    const canary = steps[0] as number
    if (steps.length !== 2 || canary > limits.maxCanaryPercent) {
      throw new InputError(
        'traffic-steps',
        `must be one canary step of at most ${limits.maxCanaryPercent}% then 100 with rollout-controller: sagemaker (such as 10,100)`,
        steps.join(',')
      )
    }
  }
  if (settings.strategy === 'linear') {
    const step = steps[0] as number
    const evenlySpaced = steps.every((value, index) => Math.abs(value - Math.min(100, step * (index + 1))) < 1e-9)
    if (!evenlySpaced || step < limits.minLinearStepPercent || step > limits.maxLinearStepPercent) {
      throw new InputError(
        'traffic-steps',
        `must rise in equal steps of ${limits.minLinearStepPercent}% to ${limits.maxLinearStepPercent}% with rollout-controller: sagemaker (such as 25,50,75,100)`,
        steps.join(',')
      )
    }
  }
}
