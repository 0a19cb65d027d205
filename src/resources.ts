/** The models and endpoint configs a deploy creates, tagged so later runs can find their way back, and their clean-up. */
import * as core from '@actions/core'
import {
  CreateEndpointConfigCommand,
  CreateModelCommand,
  DeleteEndpointConfigCommand,
  DeleteModelCommand,
  DescribeModelCommand,
  type CreateEndpointConfigCommandInput,
  type ContainerDefinition,
  type CreateModelCommandInput,
  type ProductionVariant
} from '@aws-sdk/client-sagemaker'
import { awsCall, errorMessage, isNotFound } from './aws/errors.js'
import type { OperationContext } from './context.js'
import { findEndpoint, findEndpointConfig, type Endpoint, type EndpointConfig } from './endpoint.js'
import { TAGS, toTagList, type ConfigRole } from './tags.js'
import type { carriedConfigSettings, ModelSettings } from './serving.js'

/** Endpoint-level settings of a config: everything but its name, variants and tags. */
export type EndpointConfigSettings = ReturnType<typeof carriedConfigSettings>

export interface NewConfigLineage {
  role: ConfigRole
  /** The config serving before the deploy began; absent for a new endpoint. */
  previousConfig?: string
  /** The variant a canary config adds. */
  newVariant?: string
}

/** Everything CreateModel needs besides the name and tags. */
export interface ModelSpec extends ModelSettings {
  PrimaryContainer: ContainerDefinition
}

/**
 * Creates the model, or reuses one of the same name that already runs the
 * same container (a re-run of a job that failed after creating it). Returns
 * whether this run created it.
 */
export async function ensureModel(
  ctx: OperationContext,
  modelName: string,
  spec: ModelSpec,
  options: { tags: Record<string, string>; reuseByName: boolean }
): Promise<boolean> {
  const input: CreateModelCommandInput = {
    ModelName: modelName,
    ...spec,
    Tags: toTagList({ ...options.tags, [TAGS.endpoint]: ctx.endpointName })
  }
  if (options.reuseByName) {
    const existing = await findModel(ctx, modelName)
    if (existing) {
      const container = existing.PrimaryContainer
      const wanted = spec.PrimaryContainer
      const same =
        (container?.Image ?? '') === (wanted.Image ?? '') &&
        (container?.ModelPackageName ?? '') === (wanted.ModelPackageName ?? '') &&
        (container?.ModelDataUrl ?? '') === (wanted.ModelDataUrl ?? '') &&
        existing.ExecutionRoleArn === spec.ExecutionRoleArn
      if (!same) {
        throw new Error(
          `Input "model-name": model "${modelName}" already exists with another image, model data or role; choose a new name or leave model-name empty to derive one.`
        )
      }
      ctx.note(`Model "${modelName}" already exists with the same container; reusing it.`)
      return false
    }
  }
  await ctx.change('CreateModel', `model "${modelName}"`, input, () =>
    ctx.clients.sagemaker.send(new CreateModelCommand(input))
  )
  return true
}

/** What a run created, so a rollout that does not go ahead can take it away again. */
export interface CreatedResources {
  models: string[]
  configs: string[]
}

/**
 * Deletes what a failed deploy created and nothing uses, so a re-run starts
 * clean instead of leaving orphans behind. Never touches what the endpoint
 * runs on. Failures here are warnings: the deploy's own error matters more.
 */
export async function discardUnused(ctx: OperationContext, created: CreatedResources): Promise<void> {
  if (ctx.dryRun) return
  try {
    const endpoint = await findEndpoint(ctx)
    // Mid-transition (a wait that timed out, a rollback SageMaker is running) the config being deployed shows
    // only as pending: deleting it then would break SageMaker's own update. Leave everything as it is.
    if (endpoint && endpoint.EndpointStatus !== 'InService') {
      core.warning(
        `Endpoint "${ctx.endpointName}" is ${endpoint.EndpointStatus}: the model and configs this run created were kept.`
      )
      return
    }
    const serving = endpoint?.EndpointConfigName
    const servingConfig = serving ? await findEndpointConfig(ctx, serving) : undefined
    const servingModels = new Set((servingConfig?.ProductionVariants ?? []).map((variant) => variant.ModelName))
    for (const name of created.configs.filter((config) => config !== serving)) {
      if (!(await findEndpointConfig(ctx, name))) continue
      await ctx.change('DeleteEndpointConfig', `endpoint config "${name}"`, { EndpointConfigName: name }, () =>
        ctx.clients.sagemaker.send(new DeleteEndpointConfigCommand({ EndpointConfigName: name }))
      )
    }
    for (const name of created.models.filter((model) => !servingModels.has(model))) {
      await ctx.change('DeleteModel', `model "${name}"`, { ModelName: name }, () =>
        ctx.clients.sagemaker.send(new DeleteModelCommand({ ModelName: name }))
      )
    }
  } catch (error) {
    core.warning(`Could not clean up what the failed deploy created: ${errorMessage(error)}`)
  }
}

async function findModel(ctx: OperationContext, modelName: string) {
  try {
    return await awsCall('DescribeModel', `model "${modelName}"`, () =>
      ctx.clients.sagemaker.send(new DescribeModelCommand({ ModelName: modelName }))
    )
  } catch (error) {
    if (isNotFound(error)) return undefined
    throw error
  }
}

/**
 * Creates an endpoint config with the given variants and the endpoint-level
 * `settings` (data capture, encryption key, asynchronous inference...), which
 * callers carry from the config that served, so a deploy never silently
 * turns them off.
 */
export async function createEndpointConfig(
  ctx: OperationContext,
  configName: string,
  variants: ProductionVariant[],
  lineage: NewConfigLineage,
  userTags: Record<string, string>,
  settings: EndpointConfigSettings = {}
): Promise<void> {
  const tags: Record<string, string> = { ...userTags, [TAGS.endpoint]: ctx.endpointName, [TAGS.role]: lineage.role }
  if (lineage.previousConfig) tags[TAGS.previousConfig] = lineage.previousConfig
  if (lineage.newVariant) tags[TAGS.newVariant] = lineage.newVariant
  const input: CreateEndpointConfigCommandInput = {
    ...settings,
    EndpointConfigName: configName,
    ProductionVariants: variants,
    Tags: toTagList(tags)
  }
  await ctx.change('CreateEndpointConfig', `endpoint config "${configName}"`, input, () =>
    ctx.clients.sagemaker.send(new CreateEndpointConfigCommand(input))
  )
}

/** A variant definition as CreateEndpointConfig wants it, from a described config's variant. */
export function variantDefinition(
  config: EndpointConfig,
  variantName: string,
  overrides: Partial<ProductionVariant>
): ProductionVariant {
  const found = config.ProductionVariants?.find((variant) => variant.VariantName === variantName)
  if (!found) {
    throw new Error(`Endpoint config "${config.EndpointConfigName}" has no variant "${variantName}".`)
  }
  return { ...found, ...overrides }
}

/** Deletes a config the endpoint does not run on, if it exists; a failure is only a warning. */
export async function deleteConfigQuietly(ctx: OperationContext, configName: string): Promise<void> {
  if (!configName) return
  try {
    if (!(await findEndpointConfig(ctx, configName))) return
    const input = { EndpointConfigName: configName }
    await ctx.change('DeleteEndpointConfig', `endpoint config "${configName}"`, input, () =>
      ctx.clients.sagemaker.send(new DeleteEndpointConfigCommand(input))
    )
  } catch (error) {
    core.warning(`Could not delete endpoint config "${configName}": ${errorMessage(error)}`)
  }
}

/**
 * The variant a whole-config replacement deploys into: the name asked for,
 * else the serving variant's own name when there is one (so dashboards and
 * autoscaling keyed on it carry on), else AllTraffic.
 */
export function replacementVariantName(requested: string | undefined, endpoint: Endpoint): string {
  const serving = (endpoint.ProductionVariants ?? []).map((variant) => variant.VariantName ?? '')
  return requested ?? (serving.length === 1 ? (serving[0] as string) : 'AllTraffic')
}

/** The instances of a set of variants; serverless ones run none of their own. */
export function fleetSize(variants: ProductionVariant[]): number {
  return variants.reduce(
    (sum, variant) => sum + (variant.ServerlessConfig ? 0 : (variant.InitialInstanceCount ?? 0)),
    0
  )
}
