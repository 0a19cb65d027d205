/**
 * The inputs of what happens before users see a new model (a dark first
 * step, answers compared with the serving model's), checked against the
 * rollout they are part of, before any AWS call.
 */
import { InputError } from './parse.js'
import type { RolloutSettings } from './settings.js'

/**
 * A dark first step (0%) is judged by probes alone, so it needs them. Only the
 * action's canary and linear rollouts hold a variant dark: SageMaker's
 * CapacitySize and a component's batches take no 0. promote goes on from a
 * pause it judges first, and never takes traffic back to 0. Comparing the
 * answers with the serving model's needs both reachable apart, which only
 * the action's canary gives.
 */
export function checkBeforeUsers(
  settings: RolloutSettings,
  on: { operation: 'deploy' | 'promote'; component: boolean },
  raw: string | undefined
): void {
  if (settings.gates.agreement && (on.component || settings.controller === 'sagemaker')) {
    // The serving model is reached by TargetVariant beside the new one only in the action's canary.
    throw new InputError(
      'max-disagreement',
      `cannot be judged ${notActionCanary(on)}: no request reaches the serving model and the new one apart`
    )
  }
  checkShadowPhase(settings, on)
  if (settings.trafficSteps[0] !== 0) return
  if (on.operation === 'promote') {
    throw new InputError(
      'traffic-steps',
      'cannot start at 0 with promote, which goes on from the pause (judging it first): list the steps after it, such as 10,100',
      raw
    )
  }
  if (on.component || settings.controller === 'sagemaker') {
    throw new InputError(
      'traffic-steps',
      `cannot start at 0 ${notActionCanary(on)}: only the action's canary holds a model dark`,
      raw
    )
  }
  if (!settings.gates.probe) {
    throw new InputError(
      'traffic-steps',
      'starts at 0, a dark step in which the new variant serves no user traffic, so only probes can judge it: set probe-payload, and probe-expect to check the answers',
      raw
    )
  }
}

function notActionCanary(on: { component: boolean }): string {
  return on.component ? 'with inference-component-name' : 'with rollout-controller: sagemaker'
}

/**
 * A shadow phase runs before the action's canary: SageMaker copies requests
 * from the one production variant to a shadow, so neither SageMaker's own
 * deployment nor a component's rolling update can hold one, and nor can an
 * all-at-once swap. It is judged by metrics, alarms and captured answers:
 * probes cannot reach a shadow variant (TargetVariant names a production
 * variant: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_runtime_InvokeEndpoint.html),
 * so without one of those nothing could judge it.
 */
function checkShadowPhase(settings: RolloutSettings, on: { component: boolean }): void {
  if (settings.shadowPercent === undefined) return
  if (on.component || settings.controller === 'sagemaker') {
    throw new InputError(
      'shadow-percent',
      `cannot be used ${notActionCanary(on)}: a shadow phase runs before the action's own canary`
    )
  }
  if (settings.strategy !== 'canary' && settings.strategy !== 'linear') {
    throw new InputError(
      'shadow-percent',
      `cannot be used with strategy ${settings.strategy}: a shadow phase runs before a canary or linear rollout`
    )
  }
  const { gates } = settings
  const judged =
    gates.alarmNames.length > 0 ||
    gates.maxErrorRate !== undefined ||
    gates.maxLatencyP99Ms !== undefined ||
    gates.maxErrorRateIncrease !== undefined ||
    gates.maxLatencyP99Increase !== undefined ||
    gates.agreement !== undefined
  if (!judged) {
    throw new InputError(
      'shadow-percent',
      'needs something to judge the shadow by: max-error-rate, max-latency-p99, max-error-rate-increase, max-latency-p99-increase, alarm-names or max-disagreement (probes cannot reach a shadow variant)'
    )
  }
}
