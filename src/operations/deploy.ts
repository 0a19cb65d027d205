/**
 * deploy: create the model and a config, then create the endpoint or move an
 * existing one onto the new model: all at once, through a progressive
 * rollout run by the action, or through SageMaker's blue/green guardrails.
 */
import type { OperationContext } from '../context.js'
import type { ProductionVariant } from '@aws-sdk/client-sagemaker'
import { getEndpointConfig, type Endpoint, type EndpointConfig } from '../endpoint.js'
import { rollingBatchFor } from '../rolling-batch.js'
import { standingRollout } from '../lineage.js'
import { replacementVariantName, uniqueSuffix } from '../naming.js'
import { refuseShadowPhase } from '../rollout/shadow.js'
import { discardUnused, ensureModel, fleetSize, type CreatedResources } from '../resources.js'
import { readServing, refuseWhatCannotBeCarried } from '../serving.js'
import { refuseShadowTestsOnEndpoint } from '../shadow-tests.js'
import { concludeRollout, type RolloutResult } from '../rollout/result.js'
import { refuseAlarmsOnUnpublishedMetrics, type AlarmState } from '../alarms.js'
import { runSageMakerRollout } from '../rollout/native.js'
import { checkFleetFits, refuseGuardrailExclusions } from '../rollout/native-limits.js'
import { modelPackagesOf } from '../serving-container.js'
import { refuseUnservedLatencyPercentile } from '../rollout/latency-check.js'
import { metricsSourceOf } from '../invocation-metrics.js'
import { lastFleetChangeMs } from '../expectations.js'
import { formatDuration } from '../parse.js'
import { unfinishedDeploy, nativeDeployment, rolloutProgress } from '../rollout/state.js'
import type { DeploySettings } from '../settings.js'
import { waitUntilUpdatable } from '../wait.js'
import { blueprintFor, nameRelease, refuseFiringAlarms } from './deploy-blueprint.js'
import { deployComponent } from './deploy-component.js'
import {
  createEndpoint,
  provideModel,
  canaryVariantFor,
  replaceAllAtOnce,
  startProgressiveRollout,
  track,
  type Blueprint,
  type Release
} from './deploy-paths.js'

export async function runDeploy(ctx: OperationContext, deploy: DeploySettings): Promise<void> {
  try {
    await deployModel(ctx, deploy)
  } finally {
    // Unless a rollout is left for the post step, what the run created is in use or already deleted.
    if (!rolloutProgress.current && !nativeDeployment.current) unfinishedDeploy.clear()
  }
}

async function deployModel(ctx: OperationContext, deploy: DeploySettings): Promise<void> {
  if (deploy.component) return deployComponent(ctx, deploy, deploy.component)
  const alarms = await refuseFiringAlarms(ctx, deploy.rollout.gates.alarmNames)
  const startedAt = ctx.clock.now()
  const existing = await waitUntilUpdatable(ctx)
  const suffix = uniqueSuffix(ctx.clock.now())
  const release = nameRelease(ctx, deploy, ctx.endpointName, suffix)
  if (!existing) {
    if (deploy.rollout.shadowPercent !== undefined) {
      throw new Error(
        `Input "shadow-percent": endpoint "${ctx.endpointName}" does not exist yet, so no model serves for the new one to shadow; nothing was changed. Create the endpoint without shadow-percent, and use it for the next model.`
      )
    }
    const result = await createEndpoint(ctx, deploy, await blueprintFor(ctx, deploy, release, undefined))
    if (result) await concludeRollout(ctx, result)
    return
  }
  await deployOver(ctx, deploy, release, { existing, alarms }, startedAt)
}

/** The new model onto an endpoint that serves: refused, planned, then carried out by the path the inputs chose. */
async function deployOver(
  ctx: OperationContext,
  deploy: DeploySettings,
  release: Release,
  { existing, alarms }: { existing: Endpoint; alarms: AlarmState[] },
  startedAt: number
): Promise<void> {
  const currentConfigName = existing.EndpointConfigName ?? ''
  const currentConfig = await getEndpointConfig(ctx, currentConfigName)
  refuseAlarmsOnUnpublishedMetrics(ctx.endpointName, currentConfig, alarms)
  await refuseRolloutInFlight(ctx, currentConfig)
  // Before the config's own shadow variants are refused: a running test has put them there, and is named here.
  await refuseShadowTestsOnEndpoint(ctx)
  ctx.expectedFleetChangeMs = lastFleetChangeMs(existing, currentConfig)
  const serving = await readServing(ctx, existing, currentConfig)
  refuseWhatCannotBeCarried(ctx, serving, deploy)
  await refuseUnservedLatencyPercentile(
    ctx,
    deploy.rollout.gates,
    serving.primary.VariantName ?? '',
    metricsSourceOf(currentConfig)
  )
  const blueprint = await blueprintFor(ctx, deploy, release, serving)
  refuseShadowPhase(ctx.endpointName, deploy.rollout, serving, {
    configSettings: blueprint.configSettings,
    newVariant: blueprint.variant(serving.primary.VariantName ?? '', 0),
    newModel: blueprint.newModel
  })
  const servingModels = (currentConfig.ProductionVariants ?? []).map((variant) => variant.ModelName)
  if (deploy.modelName !== undefined && servingModels.length === 1 && servingModels[0] === release.modelName) {
    // Only the same container makes this a re-run: the name taken by another image must fail, not pass unchanged.
    if (blueprint.model) {
      await ensureModel(ctx, release.modelName, blueprint.model, { tags: deploy.tags, reuseByName: true })
    }
    return concludeRollout(ctx, {
      outcome: 'succeeded',
      decision: `Endpoint "${ctx.endpointName}" already serves model "${release.modelName}"; nothing to deploy.`,
      failsStep: false
    })
  }
  ctx.output('previous-endpoint-config-name', currentConfigName)

  if (deploy.rollout.controller === 'action' && deploy.rollout.strategy !== 'all-at-once') {
    // A clash of names is an input error: it must stop the run before the model is created.
    canaryVariantFor(ctx, deploy, release, existing)
  }
  const nativeVariant =
    deploy.rollout.controller === 'sagemaker'
      ? blueprint.variant(replacementVariantName(deploy.variantName, existing.ProductionVariants ?? []), 1)
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
    refuseGuardrailExclusions(
      existing.EndpointArn,
      [...(currentConfig.ProductionVariants ?? []), nativeVariant],
      [...modelPackagesOf(serving.model), ...modelPackagesOf(blueprint.newModel)]
    )
    // The batch SageMaker is sent: the one asked for, or a quarter of the fleet within SageMaker's limits.
    if (deploy.rollout.strategy === 'rolling') {
      deploy.rollout.batchSize = rollingBatchFor(fleetSize([nativeVariant]), deploy.rollout.batchSize)
    }
  }

  await carryOutDeploy(ctx, deploy, blueprint, {
    existing,
    currentConfig,
    ...(nativeVariant ? { nativeVariant } : {}),
    startedAt
  })
}

/** A canary or shadow config on the endpoint: a rollout another run left paused or unfinished. */
async function refuseRolloutInFlight(ctx: OperationContext, currentConfig: EndpointConfig): Promise<void> {
  const standing = await standingRollout(ctx, currentConfig)
  if (standing) {
    throw new Error(
      `A rollout is already in flight on endpoint "${ctx.endpointName}": config "${currentConfig.EndpointConfigName}" carries new variant "${standing.newVariant}". Finish it with operation: promote or undo it with operation: rollback; nothing was changed.`
    )
  }
}

/** Creates the model, then takes the path chosen; on failure, takes back what the run made and nothing uses. */
async function carryOutDeploy(
  ctx: OperationContext,
  deploy: DeploySettings,
  blueprint: Blueprint,
  on: { existing: Endpoint; currentConfig: EndpointConfig; nativeVariant?: ProductionVariant; startedAt: number }
): Promise<void> {
  const { release } = blueprint
  const { existing, currentConfig, nativeVariant, startedAt } = on
  // Anything this run made that the endpoint does not end up using goes again on failure.
  const created: CreatedResources = { models: [], configs: [release.releaseConfig, release.canaryConfig] }
  track(ctx, created)
  let result: RolloutResult | undefined
  try {
    await provideModel(ctx, deploy, blueprint, created)
    if (nativeVariant) {
      result = await runSageMakerRollout(ctx, deploy, {
        endpoint: existing,
        currentConfig,
        variant: nativeVariant,
        releaseConfig: release.releaseConfig,
        configSettings: blueprint.configSettings
      })
    } else if (deploy.rollout.strategy === 'all-at-once') {
      result = await replaceAllAtOnce(ctx, deploy, blueprint, existing, currentConfig, startedAt)
    } else {
      result = await startProgressiveRollout(ctx, deploy, blueprint, existing, currentConfig)
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
