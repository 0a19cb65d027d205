/**
 * Moving an endpoint to another config: the one path every operation takes
 * (deploy, rollback, promotion, the post step), so waiting for another run's
 * update, retrying SageMaker's "in-progress" refusal and checking the result
 * are done the same way everywhere.
 */
import * as core from '@actions/core'
import {
  UpdateEndpointCommand,
  UpdateEndpointWeightsAndCapacitiesCommand,
  type DesiredWeightAndCapacity,
  type UpdateEndpointCommandInput
} from '@aws-sdk/client-sagemaker'
import { errorCode, errorMessage } from './aws/errors.js'
import type { OperationContext } from './context.js'
import type { Endpoint } from './endpoint.js'
import { TYPICAL_MS } from './expectations.js'
import { addInstanceTime } from './report.js'
import { requireUpdatable, waitForInService } from './wait.js'

/** SageMaker refuses an update while another is running; another run of this action may hold the endpoint. */
export function isUpdateInProgress(error: unknown): boolean {
  return errorCode(error) === 'ValidationException' && /in-progress|in progress/i.test(errorMessage(error))
}

const IN_PROGRESS_RETRIES = 5

export interface UpdateOptions {
  /** For log lines and errors: "the update to config X". */
  purpose: string
  /** Blue/green deployment settings for the SageMaker controller. */
  deploymentConfig?: UpdateEndpointCommandInput['DeploymentConfig']
  /** Wait for InService on the new config even when wait-for-completion is false (rollouts must). */
  forceWait?: boolean
  /**
   * Keep the instance counts same-named variants serve with now, not their
   * config's initial counts: a variant taking all traffic back must not shrink
   * to what it was first deployed with. Weights still come from the config.
   */
  keepInstanceCounts?: boolean
  /** How long to wait, when it must be longer than the timeout input. */
  waitTimeoutMs?: number
  /** How long the change is expected to take, for the progress shown while waiting. */
  expectedMs?: number
  /** The instances of the fleet SageMaker provisions for the new config: counted as added while both run. */
  newFleetInstances?: number
}

/**
 * Sends a change once the endpoint is InService, waiting out another run's
 * update (SageMaker refuses changes while one is in progress).
 */
async function changeWhenUpdatable(ctx: OperationContext, send: () => Promise<unknown>): Promise<Endpoint> {
  for (let attempt = 0; ; attempt++) {
    const endpoint = await requireUpdatable(ctx)
    try {
      await send()
      return endpoint
    } catch (error) {
      if (!isUpdateInProgress(error) || attempt >= IN_PROGRESS_RETRIES) throw error
      core.info(`Endpoint "${ctx.endpointName}" is being changed by someone else; waiting for that to finish first.`)
    }
  }
}

/**
 * Updates the endpoint to `configName`, then (unless told not to wait) waits
 * and verifies it is InService on that config. Returns the endpoint as last seen.
 */
export async function updateEndpointConfig(
  ctx: OperationContext,
  configName: string,
  options: UpdateOptions
): Promise<Endpoint | undefined> {
  const input: UpdateEndpointCommandInput = { EndpointName: ctx.endpointName, EndpointConfigName: configName }
  if (options.deploymentConfig) input.DeploymentConfig = options.deploymentConfig
  if (options.keepInstanceCounts) {
    input.RetainAllVariantProperties = true
    input.ExcludeRetainedVariantProperties = [{ VariantPropertyType: 'DesiredWeight' }]
  }
  const started = ctx.clock.now()
  await changeWhenUpdatable(ctx, () =>
    ctx.change('UpdateEndpoint', `endpoint "${ctx.endpointName}"`, input, () =>
      ctx.clients.sagemaker.send(new UpdateEndpointCommand(input))
    )
  )
  if (ctx.dryRun || (!ctx.settings.waitForCompletion && !options.forceWait)) return undefined
  try {
    return await waitForInService(
      ctx,
      configName,
      options.purpose,
      options.waitTimeoutMs,
      options.expectedMs ?? ctx.expectedFleetChangeMs ?? TYPICAL_MS.fleet
    )
  } finally {
    // Both fleets ran from the call until the endpoint settled, whichever way it went.
    addInstanceTime(ctx.report, (options.newFleetInstances ?? 0) * (ctx.clock.now() - started))
  }
}

/**
 * Changes variant weights and/or instance counts in place (no new config),
 * then waits for InService on the same config unless told not to wait.
 * Returns the endpoint as last seen: before the change when not waiting.
 */
export async function updateWeightsAndCapacities(
  ctx: OperationContext,
  desired: DesiredWeightAndCapacity[],
  options: Pick<UpdateOptions, 'purpose' | 'forceWait'>
): Promise<Endpoint> {
  const input = { EndpointName: ctx.endpointName, DesiredWeightsAndCapacities: desired }
  const before = await changeWhenUpdatable(ctx, () =>
    ctx.change('UpdateEndpointWeightsAndCapacities', `endpoint "${ctx.endpointName}"`, input, () =>
      ctx.clients.sagemaker.send(new UpdateEndpointWeightsAndCapacitiesCommand(input))
    )
  )
  if (ctx.dryRun || (!ctx.settings.waitForCompletion && !options.forceWait)) return before
  return waitForInService(ctx, before.EndpointConfigName ?? '', options.purpose, undefined, TYPICAL_MS.weights)
}
