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
