/**
 * The ways a deploy goes: a new endpoint created on its first model, an
 * existing one replaced all at once, or a canary or linear rollout run by
 * the action. deploy.ts chooses; each path here makes its configs and
 * returns how it ended.
 */
import * as core from '@actions/core'
import { DeleteEndpointCommand, type ProductionVariant } from '@aws-sdk/client-sagemaker'
import { errorMessage } from '../aws/errors.js'
import type { OperationContext } from '../context.js'
import { metricsSourceOf } from '../invocation-metrics.js'
import { liveInstanceCount, reportEndpoint, type Endpoint, type EndpointConfig } from '../endpoint.js'
import {
  createEndpointConfig,
  createEndpointOn,
  discardUnused,
  ensureModel,
  fleetSize,
  type CreatedResources,
  type EndpointConfigSettings,
  type ModelSpec
} from '../resources.js'
import type { Serving, SettingSource } from '../serving.js'
import type { ModelContainers } from '../serving-container.js'
import { judgeAllAtOnce } from '../rollout/all-at-once.js'
import { carryOut } from '../rollout/executor.js'
import { stableVariantOf, type InFlight } from '../rollout/in-flight.js'
import { deployMoves } from '../rollout/moves.js'
import { captureOf, shadowConfigMove } from '../rollout/shadow.js'
import { startRolloutRecord } from '../rollout/record.js'
import { failedUpdateResult, type RolloutResult } from '../rollout/result.js'
import { planAllAtOnce } from '../rollout/plan.js'
import { withScalingMoved } from '../rollout/scaling.js'
import { unfinishedDeploy } from '../rollout/state.js'
import type { DeploySettings } from '../settings.js'
import { canaryVariantName, replacementVariantName } from '../naming.js'
import { updateEndpointConfig } from '../update.js'
import { EndpointStateError, waitForInService, waitForSettled } from '../wait.js'
import { withoutEmptyFields } from '../serving-container.js'

/** Names for everything one deploy creates. */
export interface Release {
  modelName: string
  /** The config the endpoint ends on. */
  releaseConfig: string
  /** The config with old and new variants side by side, for an action-run canary or linear rollout. */
  canaryConfig: string
  /** shadow-percent: the config with the new variant as the serving variant's shadow. */
  shadowConfig: string
}

/**
 * What the deploy will create, worked out before anything changes: the new
 * model, and the settings every new variant and config takes, each with
 * where it came from.
 */
export interface Blueprint {
  release: Release
  /** The CreateModel request; absent when model-name alone deploys an existing model as it is. */
  model?: ModelSpec
  /** What the new model runs: the containers of the CreateModel request, or of the existing model deployed as it is. */
  newModel: ModelContainers
  serving?: Serving
  configSettings: EndpointConfigSettings
  sources: SettingSource[]
  /** The new variant, under whichever name and weight the path gives it. */
  variant(name: string, weight: number): ProductionVariant
}

/** Saved as it grows: the post step of a cancelled run deletes whatever of it nothing runs on. */
export function track(ctx: OperationContext, created: CreatedResources): void {
  if (ctx.dryRun) return
  unfinishedDeploy.save({
    endpointName: ctx.endpointName,
    region: ctx.settings.region,
    models: [...created.models],
    configs: [...created.configs]
  })
}

/**
 * The model the new variant names: created, or found already made by this
 * run (a retry) or by an earlier run of the same inputs (model-name); an
 * existing model deployed as it is needs nothing.
 */
export async function provideModel(
  ctx: OperationContext,
  deploy: DeploySettings,
  blueprint: Blueprint,
  created: CreatedResources
): Promise<void> {
  if (!blueprint.model) return
  await ensureModel(ctx, blueprint.release.modelName, blueprint.model, {
    tags: deploy.tags,
    reuseByName: deploy.modelName !== undefined,
    created,
    onRecord: () => track(ctx, created)
  })
}

/**
 * A new endpoint has nothing to shift traffic from: its first model takes all
 * of it. Returns nothing when there is nothing to judge yet (a dry run, or
 * not waiting for the endpoint).
 */
export async function createEndpoint(
  ctx: OperationContext,
  deploy: DeploySettings,
  blueprint: Blueprint
): Promise<RolloutResult | undefined> {
  const { release } = blueprint
  if (deploy.rollout.strategy !== 'all-at-once') {
    ctx.note(
      `Endpoint "${ctx.endpointName}" is new, so its first model takes all traffic; the ${deploy.rollout.strategy} rollout applies from the next deploy.`
    )
  }
  const variantName = deploy.variantName ?? 'AllTraffic'
  ctx.output('variant-name', variantName)
  const created: CreatedResources = { models: [], configs: [release.releaseConfig] }
  track(ctx, created)
  await provideModel(ctx, deploy, blueprint, created)
  const variants = [blueprint.variant(variantName, 1)]
  await createEndpointConfig(
    ctx,
    release.releaseConfig,
    variants,
    { role: 'release' },
    deploy.tags,
    blueprint.configSettings
  )
  await createEndpointOn(ctx, release.releaseConfig, deploy.tags)
  ctx.output('endpoint-config-name', release.releaseConfig)
  if (ctx.dryRun) {
    planAllAtOnce(ctx, deploy.rollout, {
      variant: variantName,
      releaseConfig: release.releaseConfig,
      fleet: fleetSize(variants),
      source: metricsSourceOf(blueprint.configSettings)
    })
    return undefined
  }
  if (!ctx.settings.waitForCompletion) return undefined
  const endpoint = await core
    .group(`Creating endpoint "${ctx.endpointName}"`, () =>
      waitForInService(ctx, release.releaseConfig, `the creation of endpoint "${ctx.endpointName}"`)
    )
    .catch(async (error: unknown) => {
      throw await removeFailedEndpoint(ctx, error, created)
    })
  await reportEndpoint(ctx, endpoint)
  return judgeAllAtOnce(ctx, deploy.rollout, {
    variant: variantName,
    baselineVariants: [],
    deployStartedAt: ctx.clock.now(),
    source: metricsSourceOf(blueprint.configSettings)
  })
}

/**
 * A new endpoint that ended Failed never served, and "DeleteEndpoint is the only operation that can be performed on
 * a failed endpoint" (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DescribeEndpoint.html,
 * EndpointStatus): left as it is, it refuses every later deploy. It is deleted, with the config and model this run
 * made for it, so that deploying the fixed model is a re-run. Returns the error to throw.
 */
async function removeFailedEndpoint(
  ctx: OperationContext,
  error: unknown,
  created: CreatedResources
): Promise<unknown> {
  if (!(error instanceof EndpointStateError) || error.endpoint?.EndpointStatus !== 'Failed') return error
  const input = { EndpointName: ctx.endpointName }
  try {
    await ctx.change('DeleteEndpoint', `endpoint "${ctx.endpointName}"`, input, () =>
      ctx.clients.sagemaker.send(new DeleteEndpointCommand(input))
    )
    const remaining = await waitForSettled(ctx, `the deletion of failed endpoint "${ctx.endpointName}"`)
    if (remaining) throw new Error(`it is ${remaining.EndpointStatus}`)
  } catch (deletion) {
    return new EndpointStateError(
      `${error.message} The failed endpoint could not be deleted (${errorMessage(deletion)}); SageMaker allows nothing else on it, so delete it (operation: delete) before deploying again.`,
      error.endpoint
    )
  }
  const deleted = await discardUnused(ctx, created)
  const alsoDeleted = [
    ...deleted.configs.map((name) => `config "${name}"`),
    ...deleted.models.map((name) => `model "${name}"`)
  ]
  return new EndpointStateError(
    `${error.message} The endpoint never served, and SageMaker allows nothing on a failed endpoint but its deletion: it was deleted${alsoDeleted.length > 0 ? `, with ${alsoDeleted.join(' and ')}` : ''}, so deploying again starts afresh.`,
    error.endpoint
  )
}

/**
 * One new config with only the new model. SageMaker itself keeps the old
 * fleet serving until the new one is healthy, and rolls back if it is not;
 * the gates then judge the new model for one bake-time.
 */
export async function replaceAllAtOnce(
  ctx: OperationContext,
  deploy: DeploySettings,
  blueprint: Blueprint,
  endpoint: Endpoint,
  currentConfig: EndpointConfig,
  deployStartedAt: number
): Promise<RolloutResult | undefined> {
  const { release } = blueprint
  const variantName = replacementVariantName(deploy.variantName, endpoint.ProductionVariants ?? [])
  ctx.output('variant-name', variantName)
  const variants = [blueprint.variant(variantName, 1)]
  const previousConfig = currentConfig.EndpointConfigName ?? ''
  await createEndpointConfig(
    ctx,
    release.releaseConfig,
    variants,
    { role: 'release', previousConfig },
    deploy.tags,
    blueprint.configSettings
  )
  let updated: Endpoint | undefined
  try {
    ;({ result: updated } = await withScalingMoved(
      ctx,
      { endpoint, current: currentConfig, target: variants, targetName: release.releaseConfig },
      (mustWait) =>
        core.group(`Updating endpoint "${ctx.endpointName}" to "${release.releaseConfig}"`, () =>
          updateEndpointConfig(ctx, release.releaseConfig, {
            newFleetInstances: fleetSize(variants),
            purpose: `the update to "${release.releaseConfig}"`,
            forceWait: mustWait
          })
        )
    ))
  } catch (error) {
    const failed = failedUpdateResult(error)
    if (failed) return failed
    throw error
  }
  if (!updated) {
    ctx.output('endpoint-config-name', release.releaseConfig)
    if (ctx.dryRun) {
      planAllAtOnce(ctx, deploy.rollout, {
        variant: variantName,
        releaseConfig: release.releaseConfig,
        fleet: fleetSize(variants),
        previousConfig,
        source: metricsSourceOf(blueprint.configSettings)
      })
    }
    return undefined
  }
  await reportEndpoint(ctx, updated)
  return judgeAllAtOnce(ctx, deploy.rollout, {
    variant: variantName,
    previousConfig,
    baselineVariants: (endpoint.ProductionVariants ?? []).map((variant) => variant.VariantName ?? ''),
    deployStartedAt,
    source: metricsSourceOf(blueprint.configSettings)
  })
}

/**
 * The new variant's name for the canary phase, beside the serving variants:
 * variant-name, else one derived from the model. It needs a name none of
 * them has; at the release it takes the serving variant's.
 */
export function canaryVariantFor(
  ctx: OperationContext,
  deploy: DeploySettings,
  release: Release,
  endpoint: Endpoint
): string {
  const serving = (endpoint.ProductionVariants ?? []).map((variant) => variant.VariantName ?? '')
  const name = canaryVariantName(deploy.variantName, release.modelName, serving)
  if (serving.includes(name)) {
    throw new Error(
      `Input "variant-name": endpoint "${ctx.endpointName}" already has a variant "${name}"; the new variant serves beside it during the canary and needs a name of its own (the release then names it after the serving variant).`
    )
  }
  return name
}

/**
 * The serving variants as the canary config holds them: their definitions
 * whole, at the instances they serve with now (autoscaling may have moved them
 * from their config's initial counts) and their shares of the traffic.
 */
function servingDefinitions(
  endpoint: Endpoint,
  currentConfig: EndpointConfig,
  shares: InFlight['oldVariants']
): ProductionVariant[] {
  return (endpoint.ProductionVariants ?? []).map((variant, index) => {
    const definition = currentConfig.ProductionVariants?.find(
      (candidate) => candidate.VariantName === variant.VariantName
    )
    const count = liveInstanceCount(variant)
    return {
      // Sent back whole, but for empty structures a describe may answer: CreateEndpointConfig may refuse them.
      ...withoutEmptyFields(definition ?? {}),
      VariantName: variant.VariantName ?? '',
      InitialVariantWeight: (shares[index]?.share ?? 0) * 100,
      ...(count ? { InitialInstanceCount: count } : {})
    } as ProductionVariant
  })
}

/**
 * Canary and linear run by the action: the new variant joins at weight 0
 * beside the serving ones, which keep the instance counts they serve with now.
 * The release names it after the serving variant, so what is keyed on that
 * name (alarms, dashboards, autoscaling) covers the new model.
 */
export async function startProgressiveRollout(
  ctx: OperationContext,
  deploy: DeploySettings,
  blueprint: Blueprint,
  endpoint: Endpoint,
  currentConfig: EndpointConfig
): Promise<RolloutResult | undefined> {
  const { release } = blueprint
  const serving = endpoint.ProductionVariants ?? []
  const newVariant = canaryVariantFor(ctx, deploy, release, endpoint)
  const weights = serving.map((variant) => variant.CurrentWeight ?? variant.DesiredWeight ?? 0)
  const total = weights.reduce((sum, weight) => sum + weight, 0)
  const oldVariants = serving.map((variant, index) => ({
    name: variant.VariantName ?? '',
    share: total > 0 ? (weights[index] as number) / total : 1 / serving.length
  }))
  const oldDefinitions = servingDefinitions(endpoint, currentConfig, oldVariants)
  const inFlight: InFlight = {
    previousConfig: currentConfig.EndpointConfigName ?? '',
    canaryConfig: release.canaryConfig,
    newVariant,
    stableVariant: stableVariantOf(oldDefinitions, newVariant),
    oldVariants,
    releaseConfig: release.releaseConfig,
    userTags: deploy.tags,
    held: [],
    source: metricsSourceOf(blueprint.configSettings),
    ...(deploy.source.kind === 'existing' ? { modelAsIs: true } : {}),
    ...(deploy.rollout.shadowPercent !== undefined ? { shadowConfig: release.shadowConfig } : {})
  }
  startRolloutRecord(ctx, deploy.rollout, inFlight)
  const newVariantDefinition = blueprint.variant(newVariant, 0)
  inFlight.newVariantInstances = fleetSize([newVariantDefinition])
  const moves = deployMoves({
    steps: deploy.rollout.trafficSteps,
    canaryVariants: [...oldDefinitions, newVariantDefinition],
    release: { ...newVariantDefinition, VariantName: inFlight.stableVariant, InitialVariantWeight: 1 },
    configSettings: blueprint.configSettings,
    ...shadowPhase(deploy.rollout, oldDefinitions[0], newVariantDefinition, blueprint.configSettings)
  })
  return carryOut(ctx, deploy.rollout, inFlight, moves, { endpoint, current: currentConfig })
}

/** The shadow phase's moves, when shadow-percent asks for one (refused earlier where it cannot run). */
function shadowPhase(
  rollout: DeploySettings['rollout'],
  serving: ProductionVariant | undefined,
  newVariant: ProductionVariant,
  configSettings: EndpointConfigSettings
): Pick<Parameters<typeof deployMoves>[0], 'shadow'> {
  const percent = rollout.shadowPercent
  if (percent === undefined || !serving) return {}
  const capture = rollout.gates.agreement ? captureOf(configSettings) : undefined
  return {
    shadow: {
      config: shadowConfigMove({ serving, newVariant, percent, configSettings }),
      judge: { kind: 'judge-shadow', percent, ...(capture ? { capture } : {}) }
    }
  }
}
