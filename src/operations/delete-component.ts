/**
 * delete with inference-component-name: remove the component, and the
 * endpoint only when delete-endpoint asks and no other component runs on it.
 * A base whose adapters still run is refused: they run inside its copies
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/realtime-endpoints-adapt.html).
 * Everything is read, and every refusal made, before the first deletion.
 */
import { DeleteInferenceComponentCommand } from '@aws-sdk/client-sagemaker'
import { componentScalable, deregisterScaling, describeScaling, formatVariantScaling } from '../autoscaling.js'
import { isNotFound } from '../aws/errors.js'
import type { OperationContext } from '../context.js'
import type { DeleteSettings } from '../settings.js'
import {
  baseOf,
  describeComponentsOn,
  findComponent,
  reportComponent,
  waitForComponent,
  type Component
} from '../components/component.js'

/** Deletes the component; true when the endpoint is to be deleted after it. */
export async function deleteComponent(ctx: OperationContext, name: string, settings: DeleteSettings): Promise<boolean> {
  const component = await findComponent(ctx, name)
  if (!component || component.EndpointName !== ctx.endpointName) return missing(ctx, name, settings, component)
  const others = (await describeComponentsOn(ctx)).filter((other) => other.InferenceComponentName !== name)
  refuseWhatWouldBreak(ctx, name, settings, others)
  reportComponent(ctx, component)
  await sendDelete(ctx, name, component)
  await removeScaling(ctx, name)
  const model = component.Specification?.ModelName
  if (model) ctx.note(`Kept model "${model}" of the component: the action deletes only the endpoint's own models.`)
  if (!settings.deleteEndpoint) ctx.note(`Kept endpoint "${ctx.endpointName}" (delete-endpoint is false).`)
  if (ctx.dryRun) return settings.deleteEndpoint
  if (!ctx.settings.waitForCompletion && !settings.deleteEndpoint) return false
  // SageMaker refuses to delete an endpoint while a component on it is still being deleted.
  const remaining = await waitForComponent(ctx, name, 'the deletion')
  if (remaining) {
    throw new Error(
      `Inference component "${name}" is ${remaining.InferenceComponentStatus} after DeleteInferenceComponent, not gone${remaining.FailureReason ? ` (FailureReason: ${remaining.FailureReason})` : ''}; the endpoint was kept.`
    )
  }
  ctx.output('inference-component-status', 'Deleted')
  return settings.deleteEndpoint
}

/**
 * A component's scalable target outlives it: AWS documents that deleting an
 * endpoint deregisters its variants' targets
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/endpoint-delete-with-scaling.html),
 * and says nothing of components, so the action does it, once the deletion
 * was accepted: a target left behind would scale, by its old policy, the
 * next component given this name.
 */
async function removeScaling(ctx: OperationContext, name: string): Promise<void> {
  const scalable = componentScalable(name)
  const scaling = await describeScaling(ctx, scalable)
  if (!scaling) return
  await deregisterScaling(ctx, scalable, scaling)
  ctx.note(
    `${ctx.dryRun ? 'Would remove' : 'Removed'} the autoscaling of inference component "${name}" with it (was ${formatVariantScaling(scaling, 'copies')}).`
  )
}

function missing(
  ctx: OperationContext,
  name: string,
  settings: DeleteSettings,
  component: Component | undefined
): boolean {
  if (component) {
    throw new Error(
      `Inference component "${name}" runs on endpoint "${component.EndpointName}", not "${ctx.endpointName}"; nothing was deleted.`
    )
  }
  const message = `Inference component "${name}" does not exist in ${ctx.settings.region}`
  if (!settings.ignoreMissing)
    throw new Error(`${message}; nothing to delete. Set ignore-missing: true if that is expected.`)
  ctx.warn(`${message}; nothing was deleted (ignore-missing is true).`)
  ctx.output('inference-component-status', 'Deleted')
  return false
}

/** Adapters would lose the copies they run in; delete-endpoint would take other components with it. */
function refuseWhatWouldBreak(
  ctx: OperationContext,
  name: string,
  settings: DeleteSettings,
  others: Component[]
): void {
  const adapters = others.filter((other) => baseOf(other) === name).map((other) => `"${other.InferenceComponentName}"`)
  if (adapters.length > 0) {
    throw new Error(
      `Inference component "${name}" is the base of adapter components ${adapters.join(', ')}, which run inside its copies. Nothing was deleted; delete the adapters first.`
    )
  }
  if (!settings.deleteEndpoint || others.length === 0) return
  throw new Error(
    `Input "delete-endpoint": endpoint "${ctx.endpointName}" also runs inference components ${others.map((other) => `"${other.InferenceComponentName}"`).join(', ')}, so it cannot go with "${name}". Nothing was deleted; set delete-endpoint: false to delete the component alone.`
  )
}

async function sendDelete(ctx: OperationContext, name: string, component: Component): Promise<void> {
  if (component.InferenceComponentStatus === 'Deleting') {
    ctx.note(`Inference component "${name}" was already being deleted.`)
    return
  }
  const input = { InferenceComponentName: name }
  try {
    await ctx.change('DeleteInferenceComponent', `inference component "${name}"`, input, () =>
      ctx.clients.sagemaker.send(new DeleteInferenceComponentCommand(input))
    )
    ctx.note(`${ctx.dryRun ? 'Would delete' : 'Deleted'} inference component "${name}".`)
  } catch (error) {
    if (!isNotFound(error)) throw error
    ctx.note(`Inference component "${name}" was deleted by someone else meanwhile.`)
  }
}
