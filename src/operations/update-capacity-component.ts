/**
 * update-capacity with inference-component-name: set the component's copy
 * count with UpdateInferenceComponentRuntimeConfig, which changes the copies
 * and nothing of the specification. Refused when autoscaling would undo it,
 * and on an adapter, which runs inside its base's copies and has none.
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_UpdateInferenceComponentRuntimeConfig.html
 */
import { UpdateInferenceComponentRuntimeConfigCommand } from '@aws-sdk/client-sagemaker'
import { componentScalable, describeScaling } from '../autoscaling.js'
import { checkCapacityAgainstScaling } from '../capacity-against-scaling.js'
import type { OperationContext } from '../context.js'
import { getEndpoint, getEndpointConfig } from '../endpoint.js'
import { counted } from '../parse.js'
import { computeOf, copiesOfOthers, refuseWhatCannotBePlaced } from '../components/placement.js'
import {
  baseOf,
  describeComponentsOn,
  noteAdapters,
  reportComponent,
  settledComponent,
  waitForComponent,
  type Component
} from '../components/component.js'

export async function updateComponentCopies(ctx: OperationContext, name: string, requested: number): Promise<void> {
  const component = await settledComponent(ctx, name, 'its copies change')
  const base = baseOf(component)
  if (base) {
    throw new Error(
      `Inference component "${name}" is an adapter of "${base}": it runs inside the base's copies and has none of its own. Nothing was changed; set copy-count on "${base}".`
    )
  }
  const asked = {
    input: 'copy-count',
    where: `inference component "${name}"`,
    unit: 'copies',
    requested,
    current: component.RuntimeConfig?.DesiredCopyCount
  }
  checkCapacityAgainstScaling(ctx, asked, await describeScaling(ctx, componentScalable(name)))
  // The endpoint's other components, read once: the room they take, and the adapters that run inside this one.
  const others = (await describeComponentsOn(ctx)).filter((other) => other.InferenceComponentName !== name)
  await refuseWhatDoesNotFit(ctx, component, requested, others)
  const adapters = others.filter((other) => baseOf(other) === name).map((other) => other.InferenceComponentName ?? '')
  const before = component.RuntimeConfig?.DesiredCopyCount
  if (before === requested && component.RuntimeConfig?.CurrentCopyCount === requested) {
    ctx.note(`Inference component "${name}" already runs ${counted(requested, 'copy', 'copies')}; nothing to change.`)
    reportComponent(ctx, component)
    return
  }
  const input = { InferenceComponentName: name, DesiredRuntimeConfig: { CopyCount: requested } }
  await ctx.change('UpdateInferenceComponentRuntimeConfig', `inference component "${name}"`, input, () =>
    ctx.clients.sagemaker.send(new UpdateInferenceComponentRuntimeConfigCommand(input))
  )
  noteAdapters(ctx, name, adapters)
  if (requested === 0) {
    ctx.warn(
      `Inference component "${name}" is to run no copies: requests to it fail (NoCapacityInvocationFailures) until it has copies again.`
    )
  }
  const change = `inference component "${name}" from ${before ?? 'an unknown number of'} to ${counted(requested, 'copy', 'copies')}`
  if (ctx.dryRun || !ctx.settings.waitForCompletion) {
    ctx.note(`${ctx.dryRun ? 'Would change' : 'Asked SageMaker to change'} ${change}.`)
    reportComponent(ctx, { ...component, RuntimeConfig: { ...component.RuntimeConfig, DesiredCopyCount: requested } })
    return
  }
  const settled = await waitForComponent(ctx, name, 'the change of its copies')
  checkCopies(ctx, name, requested, settled)
  ctx.note(`Changed ${change}.`)
}

/**
 * More copies must fit beside every other component's on the endpoint's
 * instances (managed scaling's maximum): SageMaker would accept the request
 * and leave the copies it cannot place pending. Fewer copies always fit.
 */
async function refuseWhatDoesNotFit(
  ctx: OperationContext,
  component: Component,
  requested: number,
  others: Component[]
): Promise<void> {
  const running = Math.max(
    component.RuntimeConfig?.DesiredCopyCount ?? 0,
    component.RuntimeConfig?.CurrentCopyCount ?? 0
  )
  if (requested <= running) return
  const name = component.InferenceComponentName ?? ''
  const endpoint = await getEndpoint(ctx)
  const config = await getEndpointConfig(ctx, endpoint.EndpointConfigName ?? '')
  const variant = config.ProductionVariants?.find((candidate) => candidate.VariantName === component.VariantName)
  const own = {
    label: `"${name}"`,
    count: requested,
    compute: computeOf(component.Specification?.ComputeResourceRequirements)
  }
  refuseWhatCannotBePlaced(
    ctx,
    { variant, endpoint },
    [
      {
        copies: [...copiesOfOthers(others), own],
        refusal: `Input "copy-count" is ${requested}, and endpoint "${ctx.endpointName}" cannot hold that many copies of inference component "${name}"`
      }
    ],
    'Give the endpoint room (more instances, or a higher max-instance-count with managed instance scaling), or ask for fewer copies.'
  )
}

/** SageMaker could not place every copy (its FailureReason says why), or the component went. */
function checkCopies(ctx: OperationContext, name: string, requested: number, settled: Component | undefined): void {
  if (!settled) throw new Error(`Inference component "${name}" was deleted while its copies changed.`)
  reportComponent(ctx, settled)
  const current = settled.RuntimeConfig?.CurrentCopyCount
  if (settled.InferenceComponentStatus === 'InService' && current === requested) return
  const reason = settled.FailureReason ? ` FailureReason: ${settled.FailureReason}` : ''
  throw new Error(
    `SageMaker did not change inference component "${name}" to ${counted(requested, 'copy', 'copies')}: it is ${settled.InferenceComponentStatus ?? 'in an unknown state'} with ${current ?? 'no'} running.${reason}`
  )
}
