/**
 * update-capacity: set one variant's instance count, leaving every weight as
 * it is, or with inference-component-name the component's copy count.
 * Refused when autoscaling would undo it, and warned of when a scaling
 * policy may move it.
 */
import { UpdateEndpointWeightsAndCapacitiesCommand } from '@aws-sdk/client-sagemaker'
import { describeVariantScaling } from '../autoscaling.js'
import { checkCapacityAgainstScaling } from '../capacity-against-scaling.js'
import type { OperationContext } from '../context.js'
import { liveInstanceCount, reportEndpoint, resolveVariant } from '../endpoint.js'
import type { UpdateCapacitySettings } from '../settings.js'
import { refuseServerlessVariant } from '../serverless-variant.js'
import { warnOfShadowTestsOnEndpoint } from '../shadow-tests.js'
import { waitForChangeMade } from '../update.js'
import { requireUpdatable } from '../wait.js'
import { updateComponentCopies } from './update-capacity-component.js'

export async function runUpdateCapacity(ctx: OperationContext, settings: UpdateCapacitySettings): Promise<void> {
  if ('componentName' in settings) return updateComponentCopies(ctx, settings.componentName, settings.copyCount)
  const endpoint = await requireUpdatable(ctx)
  const variantName = resolveVariant(endpoint, settings.variantName)
  ctx.output('variant-name', variantName)
  refuseServerlessVariant(endpoint, variantName, 'update-capacity')
  const where = `variant "${variantName}" of endpoint "${ctx.endpointName}"`
  const requested = settings.instanceCount

  const live = endpoint.ProductionVariants?.find((variant) => variant.VariantName === variantName)
  const before = live ? liveInstanceCount(live) : undefined
  const scaling = await describeVariantScaling(ctx, ctx.endpointName, variantName)
  const asked = { input: 'instance-count', where, unit: 'instances', requested, current: before }
  checkCapacityAgainstScaling(ctx, asked, scaling)
  if (before === requested && live?.DesiredInstanceCount === requested) {
    ctx.note(`Variant "${variantName}" already has ${requested} instance(s); nothing to change.`)
    await reportEndpoint(ctx, endpoint)
    return
  }

  await warnOfShadowTestsOnEndpoint(ctx, 'capacity change')
  // Weights are left out, so SageMaker keeps them as they are.
  const input = {
    EndpointName: ctx.endpointName,
    DesiredWeightsAndCapacities: [{ VariantName: variantName, DesiredInstanceCount: requested }]
  }
  await ctx.change('UpdateEndpointWeightsAndCapacities', where, input, () =>
    ctx.clients.sagemaker.send(new UpdateEndpointWeightsAndCapacitiesCommand(input))
  )
  const fromTo = `${before ?? 'an unknown number of'} to ${requested} instance(s)`
  if (ctx.dryRun || !ctx.settings.waitForCompletion) {
    ctx.note(`${ctx.dryRun ? 'Would change' : 'Asked SageMaker to change'} ${where} from ${fromTo}.`)
    await reportEndpoint(ctx, endpoint)
    return
  }

  const settled = await waitForChangeMade(
    ctx,
    endpoint.EndpointConfigName ?? '',
    input.DesiredWeightsAndCapacities,
    'the capacity change'
  )
  const after = settled.ProductionVariants?.find((variant) => variant.VariantName === variantName)
  const count = after ? liveInstanceCount(after) : undefined
  await reportEndpoint(ctx, settled)
  if (count !== requested) {
    // Not rolled back (that failed above): a FailureReason says SageMaker could not reach the count; without one,
    // autoscaling moved it.
    if (settled.FailureReason) {
      throw new Error(
        `SageMaker did not change ${where} to ${requested} instance(s); it has ${count ?? 'none'}. FailureReason: ${settled.FailureReason}`
      )
    }
    ctx.warn(
      `Variant "${variantName}" has ${count ?? 'no'} instance(s) after the change to ${requested}${scaling ? ': autoscaling may have moved it already' : ''}.`
    )
  }
  ctx.note(`Changed ${where} from ${fromTo}.`)
}
