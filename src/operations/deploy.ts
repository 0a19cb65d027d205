/**
 * deploy: create the model and a config, then create the endpoint or move an
 * existing one onto the new model: all at once, through a progressive
 * rollout run by the action, or through SageMaker's blue/green guardrails.
 */
import * as core from '@actions/core'
import { CreateEndpointCommand, type ProductionVariant } from '@aws-sdk/client-sagemaker'
import { errorMessage } from '../aws/errors.js'
import type { OperationContext } from '../context.js'
import {
  findEndpointConfig,
  getEndpoint,
  getEndpointConfig,
  liveInstanceCount,
  reportEndpoint,
  type Endpoint,
  type EndpointConfig
} from '../endpoint.js'
import { configTags } from '../lineage.js'
import { derivedName, uniqueSuffix } from '../naming.js'
import { TAGS, toTagList } from '../tags.js'
import { createEndpointConfig, discardUnused, ensureModel, replacementVariantName } from '../rollout/configs.js'
import {
  judgeAfterSwitch,
  markInFlight,
  rollBack,
  RolloutFailedError,
  runSteps,
  startRolloutRecord,
  type InFlight
} from '../rollout/engine.js'
import { hasGates } from '../rollout/gates.js'
import { describeAlarmStates } from '../metrics.js'
import { runSageMakerRollout } from '../rollout/native.js'
import { withScalingMoved } from '../rollout/scaling.js'
import type { DeploySettings } from '../settings.js'
import { updateEndpointConfig } from '../update.js'
import { EndpointStateError, waitForInService, waitUntilUpdatable } from '../wait.js'

/** Names for everything one deploy creates. */
interface Release {
  modelName: string
  /** The config the endpoint ends on. */
  releaseConfig: string
  /** The config with old and new variants side by side, for an action-run canary or linear rollout. */
  canaryConfig: string
}

/** What this run created, so a failed deploy can take it away again. */
interface Created {
  models: string[]
  configs: string[]
}

export async function runDeploy(ctx: OperationContext, deploy: DeploySettings): Promise<void> {
  await describeAlarmStates(ctx, deploy.rollout.gates.alarmNames)
  const existing = await waitUntilUpdatable(ctx)
  const suffix = uniqueSuffix(ctx.clock.now())
  const release: Release = {
    modelName: deploy.modelName ?? derivedName(ctx.endpointName, suffix),
    releaseConfig: derivedName(ctx.endpointName, suffix),
    canaryConfig: derivedName(ctx.endpointName, `${suffix}-canary`)
  }
  ctx.output('model-name', release.modelName)
  if (!existing) return createEndpoint(ctx, deploy, release)

  const currentConfigName = existing.EndpointConfigName ?? ''
  const currentConfig = await getEndpointConfig(ctx, currentConfigName)
  const tags = await configTags(ctx, currentConfig)
  if (tags[TAGS.role] === 'canary') {
    throw new Error(
      `A rollout is already in flight on endpoint "${ctx.endpointName}": config "${currentConfigName}" carries new variant "${tags[TAGS.newVariant]}". Finish it with operation: promote or undo it with operation: rollback; nothing was changed.`
    )
  }
  const servingModels = (currentConfig.ProductionVariants ?? []).map((variant) => variant.ModelName)
  if (deploy.modelName !== undefined && servingModels.length === 1 && servingModels[0] === release.modelName) {
    // Only the same container makes this a re-run: the name taken by another image must fail, not pass unchanged.
    await ensureModel(ctx, release.modelName, deploy)
    ctx.note(`Endpoint "${ctx.endpointName}" already serves model "${release.modelName}"; nothing to deploy.`)
    ctx.output('rollout-result', 'succeeded')
    ctx.output('rolled-back', false)
    await reportEndpoint(ctx, existing)
    return
  }
  ctx.output('previous-endpoint-config-name', currentConfigName)

  if (deploy.rollout.controller === 'action' && deploy.rollout.strategy !== 'all-at-once') {
    // A clash of names is an input error: it must stop the run before the model is created.
    refuseTakenVariantName(ctx, existing, deploy.variantName ?? release.modelName)
  }

  // Anything this run made that the endpoint does not end up using goes again on failure.
  const created: Created = { models: [], configs: [release.releaseConfig, release.canaryConfig] }
  try {
    if (await ensureModel(ctx, release.modelName, deploy)) created.models.push(release.modelName)
    if (deploy.rollout.controller === 'sagemaker') {
      await runSageMakerRollout(ctx, deploy, existing, currentConfig, release.modelName, release.releaseConfig)
    } else if (deploy.rollout.strategy === 'all-at-once') {
      await replaceAllAtOnce(ctx, deploy, existing, currentConfig, release)
    } else {
      await startProgressiveRollout(ctx, deploy, existing, currentConfig, release)
    }
  } catch (error) {
    await discardUnused(ctx, created)
    throw error
  }
  // With fail-on-rollback: false a rolled-back deploy returns normally, and must tidy up all the same.
  if (ctx.report.outputs['rollout-result'] === 'rolled-back') await discardUnused(ctx, created)
}

function newVariantDefinition(
  deploy: DeploySettings,
  variantName: string,
  modelName: string,
  weight: number
): ProductionVariant {
  return {
    VariantName: variantName,
    ModelName: modelName,
    InstanceType: deploy.instanceType as ProductionVariant['InstanceType'],
    InitialInstanceCount: deploy.instanceCount,
    InitialVariantWeight: weight
  }
}

/** A new endpoint has nothing to shift traffic from: its first model takes all of it. */
async function createEndpoint(ctx: OperationContext, deploy: DeploySettings, release: Release): Promise<void> {
  if (deploy.rollout.strategy !== 'all-at-once') {
    ctx.note(
      `Endpoint "${ctx.endpointName}" is new, so its first model takes all traffic; the ${deploy.rollout.strategy} rollout applies from the next deploy.`
    )
  }
  const variantName = deploy.variantName ?? 'AllTraffic'
  ctx.output('variant-name', variantName)
  await ensureModel(ctx, release.modelName, deploy)
  await createEndpointConfig(
    ctx,
    release.releaseConfig,
    [newVariantDefinition(deploy, variantName, release.modelName, 1)],
    { role: 'release' },
    deploy.tags
  )
  const input = {
    EndpointName: ctx.endpointName,
    EndpointConfigName: release.releaseConfig,
    Tags: toTagList(deploy.tags)
  }
  await ctx.change('CreateEndpoint', `endpoint "${ctx.endpointName}"`, input, () =>
    ctx.clients.sagemaker.send(new CreateEndpointCommand(input))
  )
  ctx.output('endpoint-config-name', release.releaseConfig)
  if (ctx.dryRun || !ctx.settings.waitForCompletion) return
  const endpoint = await core.group(`Creating endpoint "${ctx.endpointName}"`, () =>
    waitForInService(ctx, release.releaseConfig, `the creation of endpoint "${ctx.endpointName}"`)
  )
  await reportEndpoint(ctx, endpoint)
  await judgeNewTraffic(ctx, deploy, variantName, undefined)
}

/**
 * One new config with only the new model. SageMaker itself keeps the old
 * fleet serving until the new one is healthy, and rolls back if it is not.
 */
async function replaceAllAtOnce(
  ctx: OperationContext,
  deploy: DeploySettings,
  endpoint: Endpoint,
  currentConfig: EndpointConfig,
  release: Release
): Promise<void> {
  const variantName = replacementVariantName(deploy.variantName, endpoint)
  ctx.output('variant-name', variantName)
  const variants = [newVariantDefinition(deploy, variantName, release.modelName, 1)]
  await createEndpointConfig(
    ctx,
    release.releaseConfig,
    variants,
    { role: 'release', previousConfig: currentConfig.EndpointConfigName ?? '' },
    deploy.tags,
    currentConfig
  )
  let updated: Endpoint | undefined
  try {
    ;({ result: updated } = await withScalingMoved(
      ctx,
      { endpoint, current: currentConfig, target: variants, targetName: release.releaseConfig },
      (mustWait) =>
        core.group(`Updating endpoint "${ctx.endpointName}" to "${release.releaseConfig}"`, () =>
          updateEndpointConfig(ctx, release.releaseConfig, {
            purpose: `the update to "${release.releaseConfig}"`,
            forceWait: mustWait
          })
        )
    ))
  } catch (error) {
    await reportFailedUpdate(ctx, error)
    throw error
  }
  if (!updated) {
    ctx.output('endpoint-config-name', release.releaseConfig)
    return
  }
  await reportEndpoint(ctx, updated)
  await judgeNewTraffic(ctx, deploy, variantName, currentConfig.EndpointConfigName)
}

/** An update SageMaker rolled back leaves the endpoint on its previous config: say so in the outputs. */
async function reportFailedUpdate(ctx: OperationContext, error: unknown): Promise<void> {
  if (!(error instanceof EndpointStateError) || !error.endpoint) return
  ctx.output('rollout-result', 'failed')
  ctx.output('rolled-back', error.endpoint.EndpointStatus === 'InService')
  await reportEndpoint(ctx, error.endpoint)
}

/**
 * All-at-once is one step of 100% with the same gates after the switch. A
 * failed gate returns the endpoint to its previous config, when there is one.
 */
async function judgeNewTraffic(
  ctx: OperationContext,
  deploy: DeploySettings,
  variantName: string,
  previousConfig: string | undefined
): Promise<void> {
  const settings = deploy.rollout
  if (!hasGates(settings.gates)) {
    ctx.output('rollout-result', 'succeeded')
    ctx.output('rolled-back', false)
    return
  }
  const failure = await judgeAfterSwitch(ctx, settings, variantName, previousConfig)
  if (!failure) return
  if (!previousConfig || !settings.autoRollback) {
    ctx.output('rollout-result', 'failed')
    ctx.output('rolled-back', false)
    ctx.output('healthy', false)
    throw new RolloutFailedError(
      `${failure}${previousConfig ? `. auto-rollback is off; run operation: rollback to return to "${previousConfig}".` : '. The endpoint is new, so there is nothing to roll back to.'}`
    )
  }
  core.warning(`Rolling back: ${failure}`)
  const previous = await getEndpointConfig(ctx, previousConfig)
  const endpoint = await getEndpoint(ctx)
  await withScalingMoved(
    ctx,
    {
      endpoint,
      current: await findEndpointConfig(ctx, endpoint.EndpointConfigName ?? ''),
      target: previous.ProductionVariants ?? [],
      targetName: previousConfig
    },
    () =>
      updateEndpointConfig(ctx, previousConfig, {
        purpose: `the rollback to "${previousConfig}"`,
        forceWait: true,
        keepInstanceCounts: true
      })
  )
  const decision = `Rolled back: ${failure}. The endpoint is back on "${previousConfig}".`
  if (ctx.report.rollout) {
    ctx.report.rollout.result = 'rolled-back'
    ctx.report.rollout.decision = decision
  }
  ctx.output('rollout-result', 'rolled-back')
  ctx.output('rolled-back', true)
  await reportEndpoint(ctx, await getEndpoint(ctx))
  if (settings.failOnRollback) throw new RolloutFailedError(decision)
  core.warning(`${decision} The step succeeds because fail-on-rollback is false.`)
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
  endpoint: Endpoint,
  currentConfig: EndpointConfig,
  release: Release
): Promise<void> {
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
    userTags: deploy.tags
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
  await createEndpointConfig(
    ctx,
    release.canaryConfig,
    [...oldDefinitions, newVariantDefinition(deploy, newVariant, release.modelName, 0)],
    { role: 'canary', previousConfig: inFlight.previousConfig, newVariant },
    deploy.tags,
    currentConfig
  )
  if (ctx.dryRun) {
    ctx.note(`Would add ${newVariant} at weight 0, then shift ${deploy.rollout.trafficSteps.join('% → ')}% with gates.`)
    return
  }
  markInFlight(ctx, inFlight)
  try {
    await core.group(`Adding ${newVariant} beside the serving variants at weight 0`, () =>
      updateEndpointConfig(ctx, release.canaryConfig, {
        purpose: `adding ${newVariant} beside the serving variants`,
        forceWait: true
      })
    )
  } catch (error) {
    // The endpoint may be anywhere between the two configs (or SageMaker already put it back).
    await rollBack(ctx, inFlight).catch((rollbackError: unknown) =>
      core.warning(`Could not return to "${inFlight.previousConfig}": ${errorMessage(rollbackError)}`)
    )
    ctx.output('rollout-result', 'failed')
    await reportFailedUpdate(ctx, error)
    throw error
  }
  await runSteps(ctx, deploy.rollout, inFlight, deploy.rollout.trafficSteps)
}
