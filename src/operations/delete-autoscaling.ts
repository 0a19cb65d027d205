/**
 * delete-autoscaling: remove the variant's scaling policies and scheduled
 * actions and deregister it from Application Auto Scaling. The variant keeps
 * the instance count it has at that moment; with inference-component-name,
 * the component keeps the copies it runs.
 */
import {
  componentScalable,
  deregisterScaling,
  deregisterVariantScaling,
  describeScaling,
  describeVariantScaling,
  formatVariantScaling
} from '../autoscaling.js'
import { findComponent, reportComponent } from '../components/component.js'
import type { OperationContext } from '../context.js'
import { findEndpoint, reportEndpoint, resolveVariant } from '../endpoint.js'
import type { DeleteAutoscalingSettings } from '../settings.js'
import { serverlessScalingNote } from '../serverless-variant.js'

export async function runDeleteAutoscaling(ctx: OperationContext, settings: DeleteAutoscalingSettings): Promise<void> {
  const component = ctx.settings.inferenceComponentName
  if (component !== undefined) return deleteComponentScaling(ctx, component)
  const endpoint = await findEndpoint(ctx)
  let variantName: string
  if (endpoint) {
    variantName = resolveVariant(endpoint, settings.variantName)
  } else if (settings.variantName !== undefined) {
    // A registration can outlive its endpoint; with the variant named, it can still be cleaned up.
    variantName = settings.variantName
    ctx.note(
      `Endpoint "${ctx.endpointName}" does not exist in ${ctx.settings.region}; looking for autoscaling still registered for variant "${variantName}".`
    )
  } else {
    throw new Error(
      `Endpoint "${ctx.endpointName}" does not exist in ${ctx.settings.region}, and input "variant-name" is not set.`
    )
  }
  ctx.output('variant-name', variantName)
  const where = `variant "${variantName}" of endpoint "${ctx.endpointName}"`

  const scaling = await describeVariantScaling(ctx, ctx.endpointName, variantName)
  if (!scaling) {
    const message = `No autoscaling is registered for ${where}: nothing to delete.${serverlessScalingNote(endpoint, variantName)}`
    ctx.warn(message)
  } else {
    await deregisterVariantScaling(ctx, ctx.endpointName, variantName, scaling)
    ctx.note(
      `${ctx.dryRun ? 'Would remove' : 'Removed'} autoscaling from ${where} (was ${formatVariantScaling(scaling)}).`
    )
  }
  if (endpoint) await reportEndpoint(ctx, endpoint)
}

/** A registration can outlive its component: it is removed whether or not the component is still there. */
async function deleteComponentScaling(ctx: OperationContext, name: string): Promise<void> {
  const component = await findComponent(ctx, name)
  if (component && component.EndpointName !== ctx.endpointName) {
    throw new Error(
      `Inference component "${name}" runs on endpoint "${component.EndpointName}", not "${ctx.endpointName}"; nothing was changed.`
    )
  }
  if (!component) {
    ctx.note(
      `Inference component "${name}" does not exist in ${ctx.settings.region}; looking for autoscaling still registered for it.`
    )
  }
  const where = `inference component "${name}"`
  const scalable = componentScalable(name)
  const scaling = await describeScaling(ctx, scalable)
  if (!scaling) {
    ctx.warn(`No autoscaling is registered for ${where}: nothing to delete.`)
  } else {
    await deregisterScaling(ctx, scalable, scaling)
    ctx.note(
      `${ctx.dryRun ? 'Would remove' : 'Removed'} autoscaling from ${where} (was ${formatVariantScaling(scaling, 'copies')}); it keeps the copies it runs.`
    )
  }
  if (component) reportComponent(ctx, component)
}
