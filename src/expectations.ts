/**
 * How long an endpoint change is expected to take, for the progress a long
 * wait shows and for a dry run's expected duration. This endpoint's own last
 * update is the best guide; without one, SageMaker's typical figures: a new
 * fleet of real-time instances comes up in five to ten minutes, a weight
 * change settles within a minute.
 */
import type { Endpoint, EndpointConfig } from './endpoint.js'

export const TYPICAL_MS = {
  /** UpdateEndpoint and CreateEndpoint: a whole new fleet is provisioned. */
  fleet: 10 * 60_000,
  /** UpdateEndpointWeightsAndCapacities without new instances. */
  weights: 60_000
} as const

/** Longer than this between a config's creation and the endpoint's last change, and something else changed it since. */
const LONGEST_BELIEVABLE_UPDATE_MS = 60 * 60_000

/**
 * How long the endpoint's last fleet change took: from its config's
 * creation (the action creates a config just before it updates to it) to the
 * endpoint's last change. Undefined when that says nothing (the config was
 * made long before, or something changed the endpoint since).
 */
export function lastFleetChangeMs(endpoint: Endpoint, config: EndpointConfig | undefined): number | undefined {
  const created = config?.CreationTime?.getTime()
  const modified = endpoint.LastModifiedTime?.getTime()
  if (created === undefined || modified === undefined) return undefined
  const took = modified - created
  return took > 0 && took <= LONGEST_BELIEVABLE_UPDATE_MS ? took : undefined
}
