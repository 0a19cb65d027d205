/**
 * deploy: create the model and a config, then create the endpoint or move an
 * existing one onto the new model: all at once, through a progressive
 * rollout run by the action, or through SageMaker's blue/green guardrails.
 */
import * as core from '@actions/core'
import type { ProductionVariant } from '@aws-sdk/client-sagemaker'
import type { OperationContext } from '../context.js'
import {
  getEndpointConfig,
  liveInstanceCount,
  reportEndpoint,
  type Endpoint,
  type EndpointConfig
} from '../endpoint.js'
import { configTags } from '../lineage.js'
import { derivedName, uniqueSuffix } from '../naming.js'
import { TAGS } from '../tags.js'
import {
  createEndpointConfig,
  createEndpointOn,
  discardUnused,
  ensureModel,
  fleetSize,
  replacementVariantName,
  type CreatedResources,
  type EndpointConfigSettings,
  type ModelSpec
} from '../resources.js'
import {
  carriedConfigSettings,
  configOverrides,
  newContainer,
  newInstanceType,
  newModelSettings,
  newVariant,
  readServing,
  refuseWhatCannotBeCarried,
  type Serving,
  type SettingSource
} from '../serving.js'
import { judgeAllAtOnce } from '../rollout/all-at-once.js'
import { carryOut } from '../rollout/executor.js'
import type { InFlight } from '../rollout/in-flight.js'
import { deployMoves } from '../rollout/moves.js'
import { startRolloutRecord } from '../rollout/record.js'
import { concludeRollout, failedUpdateResult, type RolloutResult } from '../rollout/result.js'
import { describeAlarmStates } from '../metrics.js'
import { runSageMakerRollout } from '../rollout/native.js'
import { planAllAtOnce } from '../rollout/plan.js'
import { checkFleetFits } from '../rollout/native-limits.js'
import { lastFleetChangeMs } from '../expectations.js'
import { formatDuration } from '../parse.js'
import { withScalingMoved } from '../rollout/scaling.js'
import { unfinishedDeploy, nativeDeployment, inFlightRollout } from '../rollout/state.js'
import type { DeploySettings } from '../settings.js'
import { updateEndpointConfig } from '../update.js'
import { waitForInService, waitUntilUpdatable } from '../wait.js'

/** Names for everything one deploy creates. */
interface Release {
  modelName: string
  /** The config the endpoint ends on. */
  releaseConfig: string
  /** The config with old and new variants side by side, for an action-run canary or linear rollout. */
  canaryConfig: string
}

/**
 * What the deploy will create, worked out before anything changes: the new
 * model, and the settings every new variant and config takes, each with
 * where it came from.
 */
interface Plan {
  release: Release
  model: ModelSpec
  serving?: Serving
  configSettings: EndpointConfigSettings
  sources: SettingSource[]
  /** The new variant, under whichever name and weight the path gives it. */
  variant(name: string, weight: number): ProductionVariant
}

async function planDeploy(
  ctx: OperationContext,
  deploy: DeploySettings,
  release: Release,
  serving: Serving | undefined
): Promise<Plan> {
  const sources: SettingSource[] = []
  const modelSettings = newModelSettings(deploy, serving, sources)
  const container = await newContainer(ctx, deploy, newInstanceType(deploy, serving))
  const configSettings = configOverrides(deploy, carriedConfigSettings(serving?.config), sources)
  const plan: Plan = {
    release,
    model: { ...modelSettings, PrimaryContainer: container },
    ...(serving ? { serving } : {}),
    configSettings,
    sources,
    variant: (name, weight) => newVariant(deploy, serving, { name, model: release.modelName, weight }, sources)
  }
  // The sources are complete once the variant is built: record them with its first use.
  plan.variant('AllTraffic', 1)
  ctx.report.settings = sources
  return plan
}

export async function runDeploy(ctx: OperationContext, deploy: DeploySettings): Promise<void> {
  try {
    await deployModel(ctx, deploy)
  } finally {
    // Unless a rollout is left for the post step, what the run created is in use or already deleted.
    if (!inFlightRollout.current && !nativeDeployment.current) unfinishedDeploy.clear()
  }
}

/** Saved as it grows: the post step of a cancelled run deletes whatever of it nothing runs on. */
function track(ctx: OperationContext, created: CreatedResources): void {
  if (ctx.dryRun) return
  unfinishedDeploy.save({
    endpointName: ctx.endpointName,
    region: ctx.settings.region,
    models: [...created.models],
    configs: [...created.configs]
  })
}

async function deployModel(ctx: OperationContext, deploy: DeploySettings): Promise<void> {
  await refuseFiringAlarms(ctx, deploy.rollout.gates.alarmNames)
  const startedAt = ctx.clock.now()
  const existing = await waitUntilUpdatable(ctx)
  const suffix = uniqueSuffix(ctx.clock.now())
  const release: Release = {
    modelName: deploy.modelName ?? derivedName(ctx.endpointName, suffix),
    releaseConfig: derivedName(ctx.endpointName, suffix),
    canaryConfig: derivedName(ctx.endpointName, `${suffix}-canary`)
  }
  ctx.output('model-name', release.modelName)
  if (!existing) {
    const result = await createEndpoint(ctx, deploy, await planDeploy(ctx, deploy, release, undefined))
    if (result) await concludeRollout(ctx, result)
    return
  }

  const currentConfigName = existing.EndpointConfigName ?? ''
  const currentConfig = await getEndpointConfig(ctx, currentConfigName)
  const tags = await configTags(ctx, currentConfig)
  if (tags[TAGS.role] === 'canary') {
    throw new Error(
      `A rollout is already in flight on endpoint "${ctx.endpointName}": config "${currentConfigName}" carries new variant "${tags[TAGS.newVariant]}". Finish it with operation: promote or undo it with operation: rollback; nothing was changed.`
    )
  }
  ctx.expectedFleetChangeMs = lastFleetChangeMs(existing, currentConfig)
  const serving = await readServing(ctx, existing, currentConfig)
  refuseWhatCannotBeCarried(ctx, serving, deploy.rollout)
  const plan = await planDeploy(ctx, deploy, release, serving)
  const servingModels = (currentConfig.ProductionVariants ?? []).map((variant) => variant.ModelName)
  if (deploy.modelName !== undefined && servingModels.length === 1 && servingModels[0] === release.modelName) {
    // Only the same container makes this a re-run: the name taken by another image must fail, not pass unchanged.
    await ensureModel(ctx, release.modelName, plan.model, { tags: deploy.tags, reuseByName: true })
    return concludeRollout(ctx, {
      outcome: 'succeeded',
      decision: `Endpoint "${ctx.endpointName}" already serves model "${release.modelName}"; nothing to deploy.`,
      failsStep: false
    })
  }
  ctx.output('previous-endpoint-config-name', currentConfigName)

  if (deploy.rollout.controller === 'action' && deploy.rollout.strategy !== 'all-at-once') {
    // A clash of names is an input error: it must stop the run before the model is created.
    refuseTakenVariantName(ctx, existing, deploy.variantName ?? release.modelName)
  }
  const nativeVariant =
    deploy.rollout.controller === 'sagemaker'
      ? plan.variant(replacementVariantName(deploy.variantName, existing), 1)
      : undefined
  if (nativeVariant) {
    // What SageMaker would refuse (or time out on) half-way is refused now, before anything is created.
    checkFleetFits(
      deploy.rollout,
      ctx.settings.timeoutMs,
      currentConfig.ProductionVariants ?? [],
      nativeVariant,
      (name) => shownSetting(deploy, ctx.settings.timeoutMs, name)
    )
  }

  // Anything this run made that the endpoint does not end up using goes again on failure.
  const created: CreatedResources = { models: [], configs: [release.releaseConfig, release.canaryConfig] }
  track(ctx, created)
  let result: RolloutResult | undefined
  try {
    await ensureModel(ctx, release.modelName, plan.model, {
      tags: deploy.tags,
      reuseByName: deploy.modelName !== undefined,
      created,
      onRecord: () => track(ctx, created)
    })
    if (nativeVariant) {
      result = await runSageMakerRollout(
        ctx,
        deploy,
        existing,
        currentConfig,
        nativeVariant,
        release.releaseConfig,
        plan.configSettings
      )
    } else if (deploy.rollout.strategy === 'all-at-once') {
      result = await replaceAllAtOnce(ctx, deploy, plan, existing, currentConfig, startedAt)
    } else {
      result = await startProgressiveRollout(ctx, deploy, plan, existing, currentConfig)
    }
  } catch (error) {
    await discardUnused(ctx, created)
    throw error
  }
  if (result) await concludeRollout(ctx, result, created)
}

/** A setting as the user wrote it, near enough, for an error found after parsing. */
function shownSetting(deploy: DeploySettings, timeoutMs: number, input: string): string {
  const batch = deploy.rollout.batchSize
  switch (input) {
    case 'traffic-steps':
      return deploy.rollout.trafficSteps.join(',')
    case 'timeout':
      return formatDuration(timeoutMs)
    case 'batch-size':
      return batch ? `${batch.value}${batch.type === 'CAPACITY_PERCENT' ? '%' : ''}` : ''
    default:
      return deploy.variantName ?? ''
  }
}

/**
 * What the gates can already judge is judged before anything is created: a
 * deploy into an endpoint whose alarm is firing would be rolled back at its
 * first evaluation, after minutes of provisioning for nothing.
 */
async function refuseFiringAlarms(ctx: OperationContext, alarmNames: string[]): Promise<void> {
  const firing = (await describeAlarmStates(ctx, alarmNames)).filter((alarm) => alarm.state === 'ALARM')
  if (firing.length === 0) return
  const names = firing.map((alarm) => `"${alarm.name}"${alarm.reason ? ` (${alarm.reason})` : ''}`).join(', ')
  throw new Error(
    `Input "alarm-names": ${names} ${firing.length === 1 ? 'is' : 'are'} already in ALARM, so the new model could not pass its gates; nothing was created. Deploy once the alarm is OK.`
  )
}

/**
 * A new endpoint has nothing to shift traffic from: its first model takes all
 * of it. Returns nothing when there is nothing to judge yet (a dry run, or
 * not waiting for the endpoint).
 */
async function createEndpoint(
  ctx: OperationContext,
  deploy: DeploySettings,
  plan: Plan
): Promise<RolloutResult | undefined> {
  const { release } = plan
  if (deploy.rollout.strategy !== 'all-at-once') {
    ctx.note(
      `Endpoint "${ctx.endpointName}" is new, so its first model takes all traffic; the ${deploy.rollout.strategy} rollout applies from the next deploy.`
    )
  }
  const variantName = deploy.variantName ?? 'AllTraffic'
  ctx.output('variant-name', variantName)
  const created: CreatedResources = { models: [], configs: [release.releaseConfig] }
  track(ctx, created)
  await ensureModel(ctx, release.modelName, plan.model, {
    tags: deploy.tags,
    reuseByName: deploy.modelName !== undefined,
    created,
    onRecord: () => track(ctx, created)
  })
  const variants = [plan.variant(variantName, 1)]
  await createEndpointConfig(
    ctx,
    release.releaseConfig,
    variants,
    { role: 'release' },
    deploy.tags,
    plan.configSettings
  )
  await createEndpointOn(ctx, release.releaseConfig, deploy.tags)
  ctx.output('endpoint-config-name', release.releaseConfig)
  if (ctx.dryRun) {
    planAllAtOnce(ctx, deploy.rollout, {
      variant: variantName,
      releaseConfig: release.releaseConfig,
      fleet: fleetSize(variants)
    })
    return undefined
  }
  if (!ctx.settings.waitForCompletion) return undefined
  const endpoint = await core.group(`Creating endpoint "${ctx.endpointName}"`, () =>
    waitForInService(ctx, release.releaseConfig, `the creation of endpoint "${ctx.endpointName}"`)
  )
  await reportEndpoint(ctx, endpoint)
  return judgeAllAtOnce(ctx, deploy.rollout, {
    variant: variantName,
    baselineVariants: [],
    deployStartedAt: ctx.clock.now()
  })
}

/**
 * One new config with only the new model. SageMaker itself keeps the old
 * fleet serving until the new one is healthy, and rolls back if it is not;
 * the gates then judge the new model for one bake-time.
 */
async function replaceAllAtOnce(
  ctx: OperationContext,
  deploy: DeploySettings,
  plan: Plan,
  endpoint: Endpoint,
  currentConfig: EndpointConfig,
  deployStartedAt: number
): Promise<RolloutResult | undefined> {
  const { release } = plan
  const variantName = replacementVariantName(deploy.variantName, endpoint)
  ctx.output('variant-name', variantName)
  const variants = [plan.variant(variantName, 1)]
  const previousConfig = currentConfig.EndpointConfigName ?? ''
  await createEndpointConfig(
    ctx,
    release.releaseConfig,
    variants,
    { role: 'release', previousConfig },
    deploy.tags,
    plan.configSettings
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
        previousConfig
      })
    }
    return undefined
  }
  await reportEndpoint(ctx, updated)
  return judgeAllAtOnce(ctx, deploy.rollout, {
    variant: variantName,
    previousConfig,
    baselineVariants: (endpoint.ProductionVariants ?? []).map((variant) => variant.VariantName ?? ''),
    deployStartedAt
  })
}

/** The new variant serves beside the old ones, so it needs a name none of them has. */
function refuseTakenVariantName(ctx: OperationContext, endpoint: Endpoint, newVariant: string): void {
  if ((endpoint.ProductionVariants ?? []).some((variant) => variant.VariantName === newVariant)) {
    throw new Error(
      `Input "variant-name": endpoint "${ctx.endpointName}" already has a variant "${newVariant}"; the new variant needs a name of its own.`
    )
  }
}

/**
 * Canary and linear run by the action: the new variant joins at weight 0
 * beside the serving ones, which keep the instance counts they serve with now
 * (autoscaling may have moved them from their config's initial counts).
 */
async function startProgressiveRollout(
  ctx: OperationContext,
  deploy: DeploySettings,
  plan: Plan,
  endpoint: Endpoint,
  currentConfig: EndpointConfig
): Promise<RolloutResult | undefined> {
  const { release } = plan
  const serving = endpoint.ProductionVariants ?? []
  const newVariant = deploy.variantName ?? release.modelName
  refuseTakenVariantName(ctx, endpoint, newVariant)
  const weights = serving.map((variant) => variant.CurrentWeight ?? variant.DesiredWeight ?? 0)
  const total = weights.reduce((sum, weight) => sum + weight, 0)
  const inFlight: InFlight = {
    previousConfig: currentConfig.EndpointConfigName ?? '',
    canaryConfig: release.canaryConfig,
    newVariant,
    oldVariants: serving.map((variant, index) => ({
      name: variant.VariantName ?? '',
      share: total > 0 ? (weights[index] as number) / total : 1 / serving.length
    })),
    releaseConfig: release.releaseConfig,
    userTags: deploy.tags,
    held: []
  }
  startRolloutRecord(ctx, deploy.rollout, inFlight)
  const oldDefinitions = serving.map((variant, index) => {
    const definition = currentConfig.ProductionVariants?.find(
      (candidate) => candidate.VariantName === variant.VariantName
    )
    const count = liveInstanceCount(variant)
    return {
      ...definition,
      VariantName: variant.VariantName ?? '',
      InitialVariantWeight: (inFlight.oldVariants[index]?.share ?? 0) * 100,
      ...(count ? { InitialInstanceCount: count } : {})
    } as ProductionVariant
  })
  const newVariantDefinition = plan.variant(newVariant, 0)
  inFlight.newVariantInstances = fleetSize([newVariantDefinition])
  const moves = deployMoves({
    steps: deploy.rollout.trafficSteps,
    canaryVariants: [...oldDefinitions, newVariantDefinition],
    newVariant: newVariantDefinition,
    configSettings: plan.configSettings
  })
  return carryOut(ctx, deploy.rollout, inFlight, moves, { endpoint, current: currentConfig })
}
