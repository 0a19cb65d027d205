/**
 * What a component deploy refuses before any change, or finds nothing to do
 * for: a component the action could not return to, one scaled to zero, and
 * the model it runs already.
 */
import type { OperationContext } from '../context.js'
import type { RolloutResult } from '../rollout/result.js'
import { modelOf, type Component } from './component.js'
import type { ComponentState } from './moves.js'

/**
 * A component defined by its container (an image and artifacts, no model) is carried by no record of the action:
 * the way back it keeps names a model (components/record.ts), and a rollback to a specification with neither would
 * be refused by SageMaker half-way.
 */
export function refuseContainerComponent(component: Component): void {
  if (modelOf(component) || !component.Specification?.Container) return
  throw new Error(
    `Inference component "${component.InferenceComponentName}" is defined by its container (an image and artifacts), not by a model, and the action can only roll, and return to, a component that names its model. Nothing was changed. Create the model (CreateModel) and update the component to name it, or deploy the new model as a new inference component.`
  )
}

/**
 * A deploy of the model the component runs already: nothing to deploy, unless the inputs ask for other settings,
 * which a deploy would not apply (refused). Copies that differ are a warning: autoscaling may have moved them since
 * the inputs were written, and a re-run must not fail on that.
 */
export function alreadyRunning(
  ctx: OperationContext,
  name: string,
  model: string,
  from: ComponentState,
  target: ComponentState
): RolloutResult {
  refuseSettingsAlone(name, model, from, target)
  if (from.copies !== target.copies) {
    ctx.warn(
      `Inference component "${name}" runs ${from.copies} copies, not the ${target.copies} of copy-count; a deploy of the model it runs already changes nothing. Change the copies with operation: update-capacity.`
    )
  }
  return {
    outcome: 'succeeded',
    decision: `Inference component "${name}" already runs model "${model}"; nothing to deploy.`,
    failsStep: false
  }
}

/** Scaled to zero (CopyCount may be 0: API_InferenceComponentRuntimeConfig): no copy to replace, none to judge. */
export function refuseScaledToZero(name: string, from: ComponentState): void {
  if (from.copies !== 0) return
  throw new Error(
    `Inference component "${name}" runs no copies (scaled to zero): SageMaker's rolling update would have no copy to replace, and the new model none to be judged on. Nothing was changed. Scale it up first (operation: update-capacity, copy-count: 2 or more), then deploy.`
  )
}

/**
 * The model the component runs already, asked for with other compute or start-up settings: a deploy releases a new
 * model, and would report "nothing to deploy" while the settings stayed as they were. Refused, naming them.
 */
function refuseSettingsAlone(name: string, model: string, from: ComponentState, target: ComponentState): void {
  const changed = [
    ...(asServing(target.specification.ComputeResourceRequirements, from.specification.ComputeResourceRequirements)
      ? []
      : ['the compute per copy (memory-per-copy, accelerators-per-copy, cpu-cores-per-copy)']),
    ...(asServing(target.specification.StartupParameters, from.specification.StartupParameters)
      ? []
      : ['the start-up timeouts (model-data-download-timeout, container-startup-timeout)'])
  ]
  if (changed.length === 0) return
  throw new Error(
    `Inference component "${name}" already runs model "${model}", and the inputs change only ${changed.join(' and ')}: a deploy releases a new model, so nothing was changed. To run the model with other settings, deploy it under a new model-name, which rolls its copies and judges them.`
  )
}

/**
 * Whether every field the new settings name holds what the serving component has: fields SageMaker describes that
 * the inputs do not set (MaxMemoryRequiredInMb, say) change nothing, so a re-run with the same inputs is no change.
 */
function asServing(wanted: object | undefined, serving: object | undefined): boolean {
  const has = (serving ?? {}) as Record<string, unknown>
  return Object.entries(wanted ?? {}).every(([key, value]) => value === undefined || has[key] === value)
}
