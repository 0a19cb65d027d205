/** update-traffic: set the variants' weights, as percentages that sum to 100. */
import { UpdateEndpointWeightsAndCapacitiesCommand } from '@aws-sdk/client-sagemaker'
import type { OperationContext } from '../context.js'
import { reportEndpoint } from '../endpoint.js'
import type { UpdateTrafficSettings } from '../settings.js'
import { waitForInService, waitUntilUpdatable } from '../wait.js'

export async function runUpdateTraffic(ctx: OperationContext, settings: UpdateTrafficSettings): Promise<void> {
  const endpoint = await waitUntilUpdatable(ctx)
  if (!endpoint) throw new Error(`Endpoint "${ctx.endpointName}" does not exist in ${ctx.settings.region}.`)
  const existing = (endpoint.ProductionVariants ?? []).map((variant) => variant.VariantName ?? '')
  const unknown = Object.keys(settings.variantWeights).filter((name) => !existing.includes(name))
  if (unknown.length > 0) {
    throw new Error(
      `Input "variant-weights" names ${unknown.map((name) => `"${name}"`).join(', ')}, which endpoint "${ctx.endpointName}" does not have (it has ${existing.join(', ')}).`
    )
  }
  // Variants left out of the map get no traffic: the weights given are the whole picture.
  const desired = existing.map((name) => ({ VariantName: name, DesiredWeight: settings.variantWeights[name] ?? 0 }))
  const input = { EndpointName: ctx.endpointName, DesiredWeightsAndCapacities: desired }
  await ctx.change('UpdateEndpointWeightsAndCapacities', `endpoint "${ctx.endpointName}"`, input, () =>
    ctx.clients.sagemaker.send(new UpdateEndpointWeightsAndCapacitiesCommand(input))
  )
  const settled =
    ctx.dryRun || !ctx.settings.waitForCompletion
      ? endpoint
      : await waitForInService(ctx, endpoint.EndpointConfigName ?? '', 'the weight change')
  await reportEndpoint(ctx, settled)
  if (ctx.dryRun) ctx.output('variant-weights', settings.variantWeights)
}
