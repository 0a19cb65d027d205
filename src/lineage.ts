/**
 * The action's bookkeeping, read back: which endpoint a config was made for,
 * what served before it, and which configs and models other endpoints still
 * depend on. Rollback follows these tags from whatever config is current, so
 * it never has to guess from names (an endpoint called `fraud` must never
 * pick up configs of `fraud-v2`).
 */
import { ListEndpointsCommand, ListTagsCommand, type EndpointSummary } from '@aws-sdk/client-sagemaker'
import { collectPages } from './aws/errors.js'
import type { OperationContext } from './context.js'
import { findEndpoint, findEndpointConfig, type EndpointConfig } from './endpoint.js'
import { isRolloutConfigRole, TAGS } from './tags.js'

/** What the action's tags say about one endpoint config; every field is absent on a config it did not create. */
export interface ConfigLineage {
  /** The endpoint the config was created for. */
  endpoint?: string
  /** The config that served before the deploy that created this one started. */
  previousConfig?: string
  /** `release` or `canary`; kept as a string because a user may have edited the tag. */
  role?: string
  newVariant?: string
}

export interface TaggedConfig {
  config: EndpointConfig
  tags: Record<string, string>
  lineage: ConfigLineage
}

/** Names of configs and models other endpoints depend on, each with those endpoints' names. */
export interface InUse {
  configs: Map<string, string[]>
  models: Map<string, string[]>
}

/** Other endpoints are described a few at a time: fast on a large account, yet gentle on SageMaker's rate limits. */
const SCAN_CONCURRENCY = 4

export function lineageOf(tags: Record<string, string>): ConfigLineage {
  const lineage: ConfigLineage = {}
  const endpoint = tags[TAGS.endpoint]
  const previousConfig = tags[TAGS.previousConfig]
  const role = tags[TAGS.role]
  const newVariant = tags[TAGS.newVariant]
  if (endpoint) lineage.endpoint = endpoint
  if (previousConfig) lineage.previousConfig = previousConfig
  if (role) lineage.role = role
  if (newVariant) lineage.newVariant = newVariant
  return lineage
}

/** All tags on an endpoint config (ListTags on its ARN). */
export async function configTags(ctx: OperationContext, config: EndpointConfig): Promise<Record<string, string>> {
  const arn = config.EndpointConfigArn
  if (!arn) return {}
  return tagsOf(ctx, arn, `endpoint config "${config.EndpointConfigName}"`)
}

/** All tags on a SageMaker resource, by its ARN. */
export async function tagsOf(ctx: OperationContext, arn: string, resource: string): Promise<Record<string, string>> {
  const tags = await collectPages(
    'ListTags',
    resource,
    (page) => ctx.clients.sagemaker.send(new ListTagsCommand({ ResourceArn: arn, MaxResults: 100, ...page })),
    (page) => page.Tags
  )
  return Object.fromEntries(tags.filter((tag) => tag.Key !== undefined).map((tag) => [tag.Key, tag.Value ?? '']))
}

/** A config with its tags read; undefined when the config does not exist. */
export async function readTaggedConfig(ctx: OperationContext, configName: string): Promise<TaggedConfig | undefined> {
  const config = await findEndpointConfig(ctx, configName)
  if (!config) return undefined
  const tags = await configTags(ctx, config)
  return { config, tags, lineage: lineageOf(tags) }
}

/**
 * The lineage of the endpoint's current config when it is a canary or shadow config: a rollout another run left
 * paused or unfinished. Undefined on a release, or on a config the action did not create.
 */
export async function standingRollout(
  ctx: OperationContext,
  current: EndpointConfig
): Promise<ConfigLineage | undefined> {
  const lineage = lineageOf(await configTags(ctx, current))
  return isRolloutConfigRole(lineage.role) ? lineage : undefined
}

/** Every model a config runs, shadow variants included, each once. */
export function modelsOf(config: EndpointConfig): string[] {
  const variants = [...(config.ProductionVariants ?? []), ...(config.ShadowProductionVariants ?? [])]
  return [...new Set(variants.map((variant) => variant.ModelName).filter((name): name is string => !!name))]
}

async function listEndpoints(ctx: OperationContext): Promise<EndpointSummary[]> {
  return collectPages(
    'ListEndpoints',
    `endpoints in ${ctx.settings.region}`,
    (page) => ctx.clients.sagemaker.send(new ListEndpointsCommand({ MaxResults: 100, ...page })),
    (page) => page.Endpoints
  )
}

async function mapLimited<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = []
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++
      results[index] = await task(items[index] as T)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

function addUser(map: Map<string, string[]>, name: string, user: string): void {
  const users = map.get(name) ?? []
  if (!users.includes(user)) users.push(user)
  map.set(name, users)
}

/**
 * The configs (and, with `models`, the models) that endpoints other than
 * `endpointName` run. SageMaker lets a config or model be deleted while an
 * endpoint still uses it, so this is the only guard there is. An endpoint in
 * the middle of an update counts both its current config and the one it is
 * moving to. Endpoints already being deleted are left out: they will not need
 * anything. Configs kept only as rollback targets are not seen.
 */
export async function inUseByOtherEndpoints(
  ctx: OperationContext,
  endpointName: string,
  { models = true }: { models?: boolean } = {}
): Promise<InUse> {
  const inUse: InUse = { configs: new Map(), models: new Map() }
  const others = (await listEndpoints(ctx)).filter(
    (summary) => summary.EndpointName && summary.EndpointName !== endpointName && summary.EndpointStatus !== 'Deleting'
  )
  const described = await mapLimited(others, SCAN_CONCURRENCY, (summary) =>
    findEndpoint(ctx, summary.EndpointName as string)
  )
  for (const endpoint of described) {
    if (!endpoint?.EndpointName) continue
    for (const configName of [endpoint.EndpointConfigName, endpoint.PendingDeploymentSummary?.EndpointConfigName]) {
      if (configName) addUser(inUse.configs, configName, endpoint.EndpointName)
    }
  }
  if (!models) return inUse
  const configNames = [...inUse.configs.keys()]
  const configs = await mapLimited(configNames, SCAN_CONCURRENCY, (name) => findEndpointConfig(ctx, name))
  configs.forEach((config, index) => {
    if (!config) return
    const users = inUse.configs.get(configNames[index] as string) ?? []
    for (const model of modelsOf(config)) {
      for (const user of users) addUser(inUse.models, model, user)
    }
  })
  return inUse
}
