/**
 * rollback: return the endpoint to the config the user names, or by default to
 * the one recorded on its current config as serving before the last deploy.
 * The target is found by following tags from whatever config is current, never
 * by listing configs by name, so it works after any number of deploys and never
 * lands on a config of an endpoint whose name merely shares a prefix. With
 * inference-component-name the component returns instead, and the endpoint's
 * config stays (rollback-component.ts).
 */
import * as core from '@actions/core'
import { DescribeModelCommand } from '@aws-sdk/client-sagemaker'
import { awsCall, isNotFound } from '../aws/errors.js'
import type { OperationContext } from '../context.js'
import { findEndpoint, findEndpointConfig, reportEndpoint, type Endpoint } from '../endpoint.js'
import { modelsOf, readTaggedConfig, type TaggedConfig } from '../lineage.js'
import { isRolloutConfigRole, TAGS } from '../tags.js'
import type { RollbackSettings } from '../settings.js'
import { fleetSize } from '../resources.js'
import { carryOutRollback } from '../rollout/executor.js'
import { servingShares } from '../rollout/in-flight.js'
import { rollbackMoves, type Standing } from '../rollout/moves.js'
import { setRolloutOutputs } from '../rollout/result.js'
import { scalingMovesFor } from '../rollout/scaling.js'
import { EndpointStateError, waitUntilUpdatable } from '../wait.js'
import { rollBackComponent } from './rollback-component.js'

/** A recorded chain longer than this is a tagging loop, not history. */
const MAX_CHAIN = 50

export async function runRollback(ctx: OperationContext, settings: RollbackSettings): Promise<void> {
  const component = ctx.settings.inferenceComponentName
  if (component !== undefined) return rollBackComponent(ctx, component)
  // Another run's update may be moving the endpoint: the current config is only known once it settles.
  const endpoint = await waitUntilUpdatable(ctx)
  if (!endpoint) {
    throw new Error(
      `Endpoint "${ctx.endpointName}" does not exist in ${ctx.settings.region}; there is nothing to roll back.`
    )
  }
  const currentName = endpoint.EndpointConfigName ?? ''
  ctx.output('previous-endpoint-config-name', currentName)
  setRolloutOutputs(ctx, { rolledBack: false })

  if (settings.endpointConfigName === currentName) {
    return alreadyThere(ctx, endpoint, currentName)
  }
  const target =
    settings.endpointConfigName !== undefined
      ? await chosenTarget(ctx, settings.endpointConfigName)
      : await recordedTarget(ctx, currentName)
  const targetName = target.config.EndpointConfigName ?? ''
  if (targetName === currentName) return alreadyThere(ctx, endpoint, currentName)

  const models = modelsOf(target.config)
  await checkModelsExist(ctx, targetName, models)
  const moves = rollbackMoves(await standingOf(ctx, endpoint, target))

  ctx.note(`Rolling endpoint "${ctx.endpointName}" back from config "${currentName}" to "${targetName}".`)
  let settled: Endpoint | undefined
  try {
    settled = await carryOutRollback(ctx, moves)
  } catch (error) {
    // Show where the endpoint actually is (SageMaker may have returned it to the old config) before failing.
    if (error instanceof EndpointStateError && error.endpoint) await reportEndpoint(ctx, error.endpoint)
    throw error
  }
  await reportEndpoint(ctx, settled ?? (await findEndpoint(ctx)) ?? endpoint)
  // Without waiting (or in a dry run) the endpoint may still show the old config: the output names where it is going.
  ctx.output('endpoint-config-name', targetName)
  if (models.length > 0) ctx.output('model-name', models.join(','))
  // A dry run rolled nothing back; without waiting, the update was accepted and endpoint-status says it is still Updating.
  setRolloutOutputs(ctx, { rolledBack: !ctx.dryRun })
}

/**
 * Where the endpoint stands for the way back to `target`: the target's
 * fleet, the autoscaling in the way, and, when the current config is a
 * paused canary's, its new variant, whose traffic stops first (seconds)
 * before the config changes. The return waits only when asked to.
 */
async function standingOf(ctx: OperationContext, endpoint: Endpoint, target: TaggedConfig): Promise<Standing> {
  const currentName = endpoint.EndpointConfigName ?? ''
  const targetName = target.config.EndpointConfigName ?? ''
  const variants = target.config.ProductionVariants ?? []
  const scaling = await scalingMovesFor(ctx, endpoint, await findEndpointConfig(ctx, currentName), variants, targetName)
  const leaving = await readTaggedConfig(ctx, currentName)
  const newVariant = leaving?.lineage.role === 'canary' ? leaving.lineage.newVariant : undefined
  // A shadow config goes with the return, as the run that made it would have deleted it; its shadow takes no traffic.
  const shadowConfig = leaving?.lineage.role === 'shadow' && ctx.settings.waitForCompletion ? currentName : undefined
  return {
    target: targetName,
    fleet: fleetSize(variants),
    endpoint,
    ...(newVariant
      ? { canary: { canaryConfig: currentName, newVariant, oldVariants: servingShares(endpoint, newVariant) } }
      : {}),
    scaling,
    waits: ctx.settings.waitForCompletion,
    ...(shadowConfig ? { shadowConfig } : {})
  }
}

async function alreadyThere(ctx: OperationContext, endpoint: Endpoint, configName: string): Promise<void> {
  const message = `Endpoint "${ctx.endpointName}" already runs config "${configName}"; nothing to roll back.`
  core.notice(message)
  ctx.note(message)
  await reportEndpoint(ctx, endpoint)
}

/** The config the user named: theirs to choose, unless it belongs to another endpoint or to a canary. */
async function chosenTarget(ctx: OperationContext, configName: string): Promise<TaggedConfig> {
  const target = await readTaggedConfig(ctx, configName)
  if (!target) {
    throw new Error(
      `Input "endpoint-config-name" names endpoint config "${configName}", which does not exist in ${ctx.settings.region}; nothing was changed.`
    )
  }
  refuseForeign(ctx, target)
  if (isRolloutConfigRole(target.lineage.role)) {
    throw new Error(
      `Endpoint config "${configName}" exists only for the duration of a rollout (tag ${TAGS.role}=${target.lineage.role}) and is never a rollback target; nothing was changed.`
    )
  }
  return target
}

/**
 * Follows the previous-config tag from the current config. A canary config in
 * the chain (a deploy that started while a canary was paused records one) is
 * stepped over to the release it was built on.
 */
async function recordedTarget(ctx: OperationContext, currentName: string): Promise<TaggedConfig> {
  const passHint = 'Pass endpoint-config-name to choose the config to return to.'
  const current = await readTaggedConfig(ctx, currentName)
  if (!current) {
    throw new Error(
      `Endpoint "${ctx.endpointName}" runs config "${currentName}", which no longer exists, so the config before it is unknown. ${passHint}`
    )
  }
  if (current.lineage.endpoint !== ctx.endpointName) {
    const whose = current.lineage.endpoint
      ? `was made for endpoint "${current.lineage.endpoint}"`
      : `has no ${TAGS.endpoint} tag (it was not deployed by this action)`
    throw new Error(
      `No previous config is recorded for endpoint "${ctx.endpointName}": its current config "${currentName}" ${whose}. ${passHint}`
    )
  }
  const seen = new Set([currentName])
  let from = current
  for (let hop = 0; hop < MAX_CHAIN; hop++) {
    const fromName = from.config.EndpointConfigName ?? ''
    const previousName = from.lineage.previousConfig
    if (!previousName) {
      throw new Error(
        `No previous config is recorded for endpoint "${ctx.endpointName}": config "${fromName}" has no ${TAGS.previousConfig} tag (it was the endpoint's first deploy by this action). ${passHint}`
      )
    }
    if (seen.has(previousName)) {
      throw new Error(
        `The configs recorded as previous for endpoint "${ctx.endpointName}" form a loop at "${previousName}". ${passHint}`
      )
    }
    seen.add(previousName)
    const previous = await readTaggedConfig(ctx, previousName)
    if (!previous) {
      throw new Error(
        `The config that served endpoint "${ctx.endpointName}" before "${fromName}" was "${previousName}", which no longer exists; nothing was changed. ${passHint}`
      )
    }
    refuseForeign(ctx, previous)
    if (!isRolloutConfigRole(previous.lineage.role)) return previous
    ctx.note(
      `Stepped over ${previous.lineage.role} config "${previousName}": a rollout's own configs are never rollback targets.`
    )
    from = previous
  }
  throw new Error(
    `The previous-config chain of endpoint "${ctx.endpointName}" is longer than ${MAX_CHAIN}. ${passHint}`
  )
}

function refuseForeign(ctx: OperationContext, target: TaggedConfig): void {
  const owner = target.lineage.endpoint
  if (owner !== undefined && owner !== ctx.endpointName) {
    throw new Error(
      `Endpoint config "${target.config.EndpointConfigName}" belongs to endpoint "${owner}" (tag ${TAGS.endpoint}), not "${ctx.endpointName}"; the action never rolls an endpoint onto another endpoint's config. Nothing was changed.`
    )
  }
}

/** UpdateEndpoint would accept a config whose model is gone and then fail minutes later: refuse it now. */
async function checkModelsExist(ctx: OperationContext, configName: string, models: string[]): Promise<void> {
  const missing: string[] = []
  for (const model of models) {
    try {
      await awsCall('DescribeModel', `model "${model}"`, () =>
        ctx.clients.sagemaker.send(new DescribeModelCommand({ ModelName: model }))
      )
    } catch (error) {
      if (!isNotFound(error)) throw error
      missing.push(model)
    }
  }
  if (missing.length > 0) {
    throw new Error(
      `Cannot roll back to endpoint config "${configName}": its ${missing.length === 1 ? 'model' : 'models'} ${missing
        .map((name) => `"${name}"`)
        .join(', ')} no longer ${missing.length === 1 ? 'exists' : 'exist'}. Nothing was changed.`
    )
  }
}
