/** The models and endpoint configs a deploy creates, tagged so later runs can find their way back, and their clean-up. */
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  DeleteEndpointConfigCommand,
  DeleteModelCommand,
  DescribeModelCommand,
  type CreateEndpointCommandInput,
  type CreateEndpointConfigCommandInput,
  type ProductionVariant,
  type Tag
} from '@aws-sdk/client-sagemaker'
import { answerMayBeLost, awsCall, errorMessage, isAlreadyExists, isNotFound } from './aws/errors.js'
import type { OperationContext } from './context.js'
import { findEndpoint, findEndpointConfig, type EndpointConfig } from './endpoint.js'
import { modelsComponentsRun } from './components/component.js'
import { tagsOf } from './lineage.js'
import { TAGS, toTagList, type ConfigRole } from './tags.js'
import type { carriedConfigSettings } from './serving.js'
import { createModelInput, type ModelSpec } from './model-request.js'
import { modelDataLocation, servingContainer } from './serving-container.js'
import { hideEnvironment, maskEnvironmentValues } from './secrets.js'

/** Endpoint-level settings of a config: everything but its name, variants and tags. */
export type EndpointConfigSettings = ReturnType<typeof carriedConfigSettings>

export interface NewConfigLineage {
  role: ConfigRole
  /** The config serving before the deploy began; absent for a new endpoint. */
  previousConfig?: string
  /** The variant a canary config adds. */
  newVariant?: string
  /** A canary config's new model existed before the deploy, which deploys it as it is. */
  modelAsIs?: boolean
}

export type { ModelSpec } from './model-request.js'

/**
 * Creates the model, or reuses one of the same name that already runs the
 * same container (a re-run of a job that failed after creating it). Returns
 * whether this run created it. When it creates it, the name goes into
 * `created` before CreateModel is sent (a run cancelled while the request is
 * on its way must still know it), and out again if the name turns out to be
 * another run's; `onRecord` is told of both.
 */
export async function ensureModel(
  ctx: OperationContext,
  modelName: string,
  spec: ModelSpec,
  options: {
    tags: Record<string, string>
    reuseByName: boolean
    created?: CreatedResources
    onRecord?: () => void
  }
): Promise<boolean> {
  const input = createModelInput(
    modelName,
    spec,
    toTagList({ ...runTags(ctx, options.tags), [TAGS.endpoint]: ctx.endpointName })
  )
  if (options.reuseByName) {
    const existing = await findModel(ctx, modelName)
    if (existing) {
      const container = servingContainer(existing)
      const wanted = servingContainer(input)
      const same =
        (container?.Image ?? '') === (wanted?.Image ?? '') &&
        (container?.ModelPackageName ?? '') === (wanted?.ModelPackageName ?? '') &&
        modelDataLocation(container) === modelDataLocation(wanted) &&
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
  const { created, onRecord } = options
  created?.models.push(modelName)
  onRecord?.()
  try {
    await createOrAdopt(
      ctx,
      // The plan, the log and the summary get the request with its environment's values hidden; AWS gets it whole.
      { api: 'CreateModel', resource: `model "${modelName}"`, input: hideEnvironment(input) },
      () => ctx.clients.sagemaker.send(new CreateModelCommand(input)),
      async () => {
        const model = await findModel(ctx, modelName)
        if (!model) return undefined
        const { ModelName: _name, Tags: tags, ...wanted } = input
        if (!includes(model, wanted)) return 'it runs another container, model data, role or network settings'
        return ownedByThisRun(ctx, model.ModelArn, tags)
      }
    )
  } catch (error) {
    if (error instanceof NameTakenError && created) {
      created.models = created.models.filter((name) => name !== modelName)
      onRecord?.()
    }
    // A validation error may quote the value it refused.
    throw maskEnvironmentValues(error, servingContainer(input)?.Environment)
  }
  return true
}

/** A name this run chose belongs to a resource that is not this run's. */
export class NameTakenError extends Error {
  constructor(message: string, options: { cause: unknown }) {
    super(message, options)
    this.name = 'NameTakenError'
  }
}

/**
 * The workflow's tags on top of the run's traceability tags (repository,
 * commit, ref and run URL), which also tell a resource this run created
 * from one of the same name that another run did.
 */
export function runTags(ctx: OperationContext, userTags: Record<string, string>): Record<string, string> {
  return { ...ctx.run.tags, ...userTags }
}

/** Undefined: missing. True: this run's own. Otherwise why it is not. */
type Ownership = undefined | true | string

/**
 * Creates a resource under a name this run chose. The SDK retries a create
 * whose answer was lost, and SageMaker refuses the retry: the name is taken,
 * by the first attempt. So when the create is refused as already existing, or
 * fails in a way that may hide a success, what has that name is looked at:
 * this run's own (the spec it asked for, tagged with this run) is used as if
 * the create had answered; anything else fails the run, naming it.
 */
export async function createOrAdopt(
  ctx: OperationContext,
  change: { api: string; resource: string; input: object },
  send: () => Promise<unknown>,
  ownership: () => Promise<Ownership>
): Promise<void> {
  try {
    await ctx.change(change.api, change.resource, change.input, send)
  } catch (error) {
    if (!isAlreadyExists(error) && !answerMayBeLost(error)) throw error
    const found = await ownership()
    if (found === undefined) throw error
    if (found !== true) {
      throw new NameTakenError(
        `${capitalised(change.resource)} already exists and is not this run's: ${found}. It was left as it is; run again to derive new names, or remove it if nothing needs it.`,
        { cause: error }
      )
    }
    ctx.note(
      `${capitalised(change.resource)} was created by this run, though ${change.api}'s answer was lost or refused on a retry; using it.`
    )
  }
}

/** Whether a resource's tags carry every tag this run gave it: the run URL among them, when there is one. */
export async function ownedByThisRun(
  ctx: OperationContext,
  arn: string | undefined,
  wanted: Tag[] | undefined
): Promise<Ownership> {
  const tags = arn ? await tagsOf(ctx, arn, arn) : {}
  const differing = (wanted ?? []).filter((tag) => tag.Key !== undefined && tags[tag.Key] !== tag.Value)
  if (differing.length === 0) return true
  const runUrl = tags['sagemaker-deploy:run-url']
  return `its tags differ (${differing.map((tag) => tag.Key).join(', ')})${runUrl ? `; it was created by ${runUrl}` : ''}`
}

/**
 * Whether `actual` holds everything `wanted` asks for: every field given, in
 * arrays element by element. SageMaker's describe calls add fields of their
 * own (defaults, ARNs, times), and leave out empty ones.
 */
export function includes(actual: unknown, wanted: unknown): boolean {
  if (wanted === undefined || wanted === null) return true
  if (Array.isArray(wanted)) {
    if (wanted.length === 0) return actual === undefined || (Array.isArray(actual) && actual.length === 0)
    return (
      Array.isArray(actual) && actual.length === wanted.length && wanted.every((item, i) => includes(actual[i], item))
    )
  }
  if (typeof wanted === 'object') {
    const entries = Object.entries(wanted)
    if (entries.length === 0) return true
    if (!actual || typeof actual !== 'object') return false
    return entries.every(([key, value]) => includes((actual as Record<string, unknown>)[key], value))
  }
  return actual === wanted
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** Creates the endpoint on `configName`, tagged as everything the run creates. */
export async function createEndpointOn(
  ctx: OperationContext,
  configName: string,
  userTags: Record<string, string>
): Promise<void> {
  const input: CreateEndpointCommandInput = {
    EndpointName: ctx.endpointName,
    EndpointConfigName: configName,
    Tags: toTagList(runTags(ctx, userTags))
  }
  await createOrAdopt(
    ctx,
    { api: 'CreateEndpoint', resource: `endpoint "${ctx.endpointName}"`, input },
    () => ctx.clients.sagemaker.send(new CreateEndpointCommand(input)),
    async () => {
      const endpoint = await findEndpoint(ctx)
      if (!endpoint) return undefined
      const on = [endpoint.EndpointConfigName, endpoint.PendingDeploymentSummary?.EndpointConfigName]
      if (!on.includes(configName)) return `it runs endpoint config "${endpoint.EndpointConfigName}"`
      return ownedByThisRun(ctx, endpoint.EndpointArn, input.Tags)
    }
  )
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
 * Returns what it deleted.
 */
export async function discardUnused(ctx: OperationContext, created: CreatedResources): Promise<CreatedResources> {
  const deleted: CreatedResources = { models: [], configs: [] }
  if (ctx.dryRun) return deleted
  try {
    const endpoint = await findEndpoint(ctx)
    // Mid-transition (a wait that timed out, a rollback SageMaker is running) the config being deployed shows
    // only as pending: deleting it then would break SageMaker's own update. Leave everything as it is.
    if (endpoint && endpoint.EndpointStatus !== 'InService') {
      ctx.warn(
        `Endpoint "${ctx.endpointName}" is ${endpoint.EndpointStatus}: the model and configs this run created were kept.`
      )
      return deleted
    }
    const serving = endpoint?.EndpointConfigName
    const servingConfig = serving ? await findEndpointConfig(ctx, serving) : undefined
    const servingModels = new Set((servingConfig?.ProductionVariants ?? []).map((variant) => variant.ModelName))
    // An endpoint for inference components names no model on its variants: its components run them.
    if ((servingConfig?.ProductionVariants ?? []).some((variant) => !variant.ModelName)) {
      const models = await modelsComponentsRun(ctx)
      if (!models) return deleted
      for (const model of models) servingModels.add(model)
    }
    for (const name of created.configs.filter((config) => config !== serving)) {
      if (!(await findEndpointConfig(ctx, name))) continue
      await deleteConfig(ctx, name)
      deleted.configs.push(name)
    }
    for (const name of created.models.filter((model) => !servingModels.has(model))) {
      // Recorded before its CreateModel was sent: a run cancelled then may never have made it.
      if (!(await findModel(ctx, name))) continue
      await deleteOnce(
        ctx,
        { api: 'DeleteModel', resource: `model "${name}"`, input: { ModelName: name } },
        () => ctx.clients.sagemaker.send(new DeleteModelCommand({ ModelName: name })),
        async () => (await findModel(ctx, name)) !== undefined
      )
      deleted.models.push(name)
    }
  } catch (error) {
    ctx.warn(`Could not clean up what the failed deploy created: ${errorMessage(error)}`)
  }
  return deleted
}

/**
 * A delete whose answer was lost is retried by the SDK, and the retry finds
 * nothing to delete: gone is what was asked for, so "not found" is success,
 * and so is a lost answer when the resource is gone.
 */
async function deleteOnce(
  ctx: OperationContext,
  change: { api: string; resource: string; input: object },
  send: () => Promise<unknown>,
  stillThere: () => Promise<boolean>
): Promise<void> {
  try {
    await ctx.change(change.api, change.resource, change.input, send)
  } catch (error) {
    if (isNotFound(error)) return
    if (answerMayBeLost(error) && !(await stillThere())) return
    throw error
  }
}

async function deleteConfig(ctx: OperationContext, name: string): Promise<void> {
  const input = { EndpointConfigName: name }
  await deleteOnce(
    ctx,
    { api: 'DeleteEndpointConfig', resource: `endpoint config "${name}"`, input },
    () => ctx.clients.sagemaker.send(new DeleteEndpointConfigCommand(input)),
    async () => (await findEndpointConfig(ctx, name)) !== undefined
  )
}

export async function findModel(ctx: OperationContext, modelName: string) {
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
  const tags: Record<string, string> = {
    ...runTags(ctx, userTags),
    [TAGS.endpoint]: ctx.endpointName,
    [TAGS.role]: lineage.role
  }
  if (lineage.previousConfig) tags[TAGS.previousConfig] = lineage.previousConfig
  if (lineage.newVariant) tags[TAGS.newVariant] = lineage.newVariant
  if (lineage.modelAsIs) tags[TAGS.modelAsIs] = 'true'
  const input: CreateEndpointConfigCommandInput = {
    ...settings,
    EndpointConfigName: configName,
    ProductionVariants: variants,
    Tags: toTagList(tags)
  }
  await createOrAdopt(
    ctx,
    { api: 'CreateEndpointConfig', resource: `endpoint config "${configName}"`, input },
    () => ctx.clients.sagemaker.send(new CreateEndpointConfigCommand(input)),
    async () => {
      const config = await findEndpointConfig(ctx, configName)
      if (!config) return undefined
      const { EndpointConfigName: _name, Tags: wantedTags, ...wanted } = input
      if (!includes(config, wanted)) return 'its variants or settings are not the ones this run asked for'
      return ownedByThisRun(ctx, config.EndpointConfigArn, wantedTags)
    }
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
    await deleteConfig(ctx, configName)
  } catch (error) {
    ctx.warn(`Could not delete endpoint config "${configName}": ${errorMessage(error)}`)
  }
}

/** The instances of a set of variants; serverless ones run none of their own. */
export function fleetSize(variants: ProductionVariant[]): number {
  return variants.reduce(
    (sum, variant) => sum + (variant.ServerlessConfig ? 0 : (variant.InitialInstanceCount ?? 0)),
    0
  )
}
