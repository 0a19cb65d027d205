/** update-traffic: set the variants' weights, as percentages that sum to 100. */
import type { OperationContext } from '../context.js'
import { getEndpoint, reportEndpoint } from '../endpoint.js'
import type { UpdateTrafficSettings } from '../settings.js'
import { warnOfShadowTestsOnEndpoint } from '../shadow-tests.js'
import { updateWeightsAndCapacities } from '../update.js'

export async function runUpdateTraffic(ctx: OperationContext, settings: UpdateTrafficSettings): Promise<void> {
  const endpoint = await getEndpoint(ctx)
  const existing = (endpoint.ProductionVariants ?? []).map((variant) => variant.VariantName ?? '')
  const unknown = Object.keys(settings.variantWeights).filter((name) => !existing.includes(name))
  if (unknown.length > 0) {
    throw new Error(
      `Input "variant-weights" names ${unknown.map((name) => `"${name}"`).join(', ')}, which endpoint "${ctx.endpointName}" does not have (it has ${existing.join(', ')}).`
    )
  }
  await warnOfShadowTestsOnEndpoint(ctx, 'weight change')
  // Variants left out of the map get no traffic: the weights given are the whole picture.
  const desired = existing.map((name) => ({ VariantName: name, DesiredWeight: settings.variantWeights[name] ?? 0 }))
  const settled = await updateWeightsAndCapacities(ctx, desired, { purpose: 'the weight change' })
  await reportEndpoint(ctx, settled)
  if (ctx.dryRun || !ctx.settings.waitForCompletion) ctx.output('variant-weights', settings.variantWeights)
}
