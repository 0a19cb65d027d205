/**
 * delete: remove the endpoint, then (staged, once it is gone) its config and
 * its models. Everything is read before anything is deleted, so a missing
 * permission or a typo stops the run while nothing has changed yet. With
 * inference-component-name the component goes first (delete-component.ts),
 * and the endpoint only when delete-endpoint asks.
 */
import * as core from '@actions/core'
import { DeleteEndpointCommand, DeleteEndpointConfigCommand, DeleteModelCommand } from '@aws-sdk/client-sagemaker'
import { isNotFound } from '../aws/errors.js'
import type { OperationContext } from '../context.js'
import { deleteEndpointDashboard } from '../dashboard.js'
import {
  findEndpoint,
  findEndpointConfig,
  TRANSITIONAL_STATUSES,
  variantRows,
  type Endpoint,
  type EndpointConfig
} from '../endpoint.js'
import { inUseByOtherEndpoints, modelsOf, type InUse } from '../lineage.js'
import type { DeleteSettings } from '../settings.js'
import { EndpointStateError, waitForSettled } from '../wait.js'
import { deleteComponent } from './delete-component.js'

/**
 * `endpoint-status` once the endpoint no longer exists. With ignore-missing an
 * endpoint that was never there reports it too: the step promises "no such
 * endpoint afterwards", and downstream steps can test one value for that.
 */
const GONE = 'Deleted'

export async function runDelete(ctx: OperationContext, settings: DeleteSettings): Promise<void> {
  const component = ctx.settings.inferenceComponentName
  if (component !== undefined && !(await deleteComponent(ctx, component, settings))) return
  const found = await findEndpoint(ctx)
  if (!found) {
    const message = `Endpoint "${ctx.endpointName}" does not exist in ${ctx.settings.region}`
    if (!settings.ignoreMissing) {
      throw new Error(`${message}; nothing to delete. Set ignore-missing: true if that is expected.`)
    }
    // Without the endpoint its config and models are unknown: guessing them by name could delete another endpoint's.
    ctx.warn(`${message}; nothing was deleted (ignore-missing is true).`)
    ctx.note(`${message}; nothing was deleted.`)
    ctx.output('endpoint-status', GONE)
    return
  }

  const endpoint = await settleBeforeDelete(ctx, found)
  const configName = (endpoint ?? found).EndpointConfigName
  const config = configName ? await findEndpointConfig(ctx, configName) : undefined
  const models = config ? modelsOf(config) : []
  reportTargets(ctx, endpoint ?? found, config, models)
  const inUse = await scanOtherEndpoints(ctx, settings)

  if (endpoint) await deleteEndpoint(ctx, endpoint)
  else ctx.note(`Endpoint "${ctx.endpointName}" was deleted by someone else while this run waited for it.`)

  if (!ctx.dryRun && !(await waitUntilGone(ctx, endpoint))) {
    // Not waiting: SageMaker only warns against deleting the config of a live or changing endpoint, and this one is Deleting.
    ctx.output('endpoint-status', 'Deleting')
  }

  if (configName) await deleteConfig(ctx, settings, configName, config, inUse)
  await deleteModels(ctx, settings, models, inUse)
  await deleteEndpointDashboard(ctx)
}

/**
 * SageMaker refuses to delete an endpoint mid-transition (Creating, Updating,
 * SystemUpdating...), so that is waited out first. Undefined when the endpoint
 * disappeared meanwhile.
 */
async function settleBeforeDelete(ctx: OperationContext, endpoint: Endpoint): Promise<Endpoint | undefined> {
  const status = endpoint.EndpointStatus ?? ''
  if (status === 'Deleting' || !TRANSITIONAL_STATUSES.includes(status)) return endpoint
  if (ctx.dryRun) {
    ctx.note(`Endpoint "${ctx.endpointName}" is ${status}; a real run would wait for that to finish before deleting.`)
    return endpoint
  }
  core.info(`Endpoint "${ctx.endpointName}" is ${status}; waiting for that to finish before deleting it.`)
  return waitForSettled(ctx, `the endpoint's ${status} to finish before deleting it`)
}

function reportTargets(
  ctx: OperationContext,
  endpoint: Endpoint,
  config: EndpointConfig | undefined,
  models: string[]
): void {
  // The variant table shows what is being deleted: the last view of the endpoint anyone will get.
  ctx.report.variants = variantRows(endpoint, config)
  if (endpoint.EndpointArn) ctx.output('endpoint-arn', endpoint.EndpointArn)
  if (endpoint.EndpointStatus) ctx.output('endpoint-status', endpoint.EndpointStatus)
  if (endpoint.EndpointConfigName) ctx.output('endpoint-config-name', endpoint.EndpointConfigName)
  // Every model the config ran, deleted or kept: the notes say which.
  if (models.length > 0) ctx.output('model-name', models.join(','))
}

async function scanOtherEndpoints(ctx: OperationContext, settings: DeleteSettings): Promise<InUse> {
  if (!settings.deleteEndpointConfig && !settings.deleteModel) return { configs: new Map(), models: new Map() }
  return inUseByOtherEndpoints(ctx, ctx.endpointName, { models: settings.deleteModel })
}

async function deleteEndpoint(ctx: OperationContext, endpoint: Endpoint): Promise<void> {
  if (endpoint.EndpointStatus === 'Deleting') {
    ctx.note(`Endpoint "${ctx.endpointName}" was already being deleted.`)
    return
  }
  const input = { EndpointName: ctx.endpointName }
  try {
    await ctx.change('DeleteEndpoint', `endpoint "${ctx.endpointName}"`, input, () =>
      ctx.clients.sagemaker.send(new DeleteEndpointCommand(input))
    )
    ctx.note(`${ctx.dryRun ? 'Would delete' : 'Deleted'} endpoint "${ctx.endpointName}".`)
  } catch (error) {
    if (!isNotFound(error)) throw error
    ctx.note(`Endpoint "${ctx.endpointName}" was deleted by someone else meanwhile.`)
  }
}

/** True when the endpoint is known to be gone; false when the run was told not to wait. */
async function waitUntilGone(ctx: OperationContext, endpoint: Endpoint | undefined): Promise<boolean> {
  if (endpoint && !ctx.settings.waitForCompletion) return false
  const remaining = endpoint ? await waitForSettled(ctx, 'the deletion') : undefined
  if (remaining) {
    // The config and models stay: the endpoint still exists and may still need them.
    throw new EndpointStateError(
      `Endpoint "${ctx.endpointName}" is ${remaining.EndpointStatus} after DeleteEndpoint, not gone; its config and models were kept.${
        remaining.FailureReason ? ` FailureReason: ${remaining.FailureReason}` : ''
      }`,
      remaining
    )
  }
  ctx.output('endpoint-status', GONE)
  return true
}

async function deleteConfig(
  ctx: OperationContext,
  settings: DeleteSettings,
  configName: string,
  config: EndpointConfig | undefined,
  inUse: InUse
): Promise<void> {
  if (!settings.deleteEndpointConfig) {
    ctx.note(`Kept endpoint config "${configName}" (delete-endpoint-config is false).`)
    return
  }
  if (!config) {
    ctx.warn(`Endpoint config "${configName}" no longer existed; its models could not be read.`)
    ctx.note(`Endpoint config "${configName}" no longer existed.`)
    return
  }
  const users = inUse.configs.get(configName)
  if (users) {
    const message = `Kept endpoint config "${configName}": ${describeUsers(users)} it.`
    ctx.warn(message)
    return
  }
  const input = { EndpointConfigName: configName }
  try {
    await ctx.change('DeleteEndpointConfig', `endpoint config "${configName}"`, input, () =>
      ctx.clients.sagemaker.send(new DeleteEndpointConfigCommand(input))
    )
    ctx.note(`${ctx.dryRun ? 'Would delete' : 'Deleted'} endpoint config "${configName}".`)
  } catch (error) {
    if (!isNotFound(error)) throw error
    ctx.note(`Endpoint config "${configName}" was deleted by someone else meanwhile.`)
  }
}

async function deleteModels(
  ctx: OperationContext,
  settings: DeleteSettings,
  models: string[],
  inUse: InUse
): Promise<void> {
  if (models.length === 0) return
  if (!settings.deleteModel) {
    ctx.note(`Kept ${models.length === 1 ? 'model' : 'models'} ${quoteAll(models)} (delete-model is false).`)
    return
  }
  for (const model of models) {
    const users = inUse.models.get(model)
    if (users) {
      const message = `Kept model "${model}": ${describeUsers(users)} it.`
      ctx.warn(message)
      continue
    }
    const input = { ModelName: model }
    try {
      await ctx.change('DeleteModel', `model "${model}"`, input, () =>
        ctx.clients.sagemaker.send(new DeleteModelCommand(input))
      )
      ctx.note(`${ctx.dryRun ? 'Would delete' : 'Deleted'} model "${model}".`)
    } catch (error) {
      if (!isNotFound(error)) throw error
      ctx.note(`Model "${model}" was deleted by someone else meanwhile.`)
    }
  }
}

function describeUsers(endpoints: string[]): string {
  return endpoints.length === 1 ? `endpoint ${quoteAll(endpoints)} uses` : `endpoints ${quoteAll(endpoints)} use`
}

function quoteAll(names: string[]): string {
  return names.map((name) => `"${name}"`).join(', ')
}
