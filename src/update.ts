/**
 * Moving an endpoint to another config: the one path every operation takes
 * (deploy, rollback, promotion, the post step), so waiting for another run's
 * update, retrying SageMaker's "in-progress" refusal and checking the result
 * are done the same way everywhere.
 */
import * as core from '@actions/core'
import { UpdateEndpointCommand, type UpdateEndpointCommandInput } from '@aws-sdk/client-sagemaker'
import { errorCode, errorMessage } from './aws/errors.js'
import type { OperationContext } from './context.js'
import type { Endpoint } from './endpoint.js'
import { waitForInService, waitUntilUpdatable } from './wait.js'

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
  for (let attempt = 0; ; attempt++) {
    await waitUntilUpdatable(ctx)
    try {
      await ctx.change('UpdateEndpoint', `endpoint "${ctx.endpointName}"`, input, () =>
        ctx.clients.sagemaker.send(new UpdateEndpointCommand(input))
      )
      break
    } catch (error) {
      if (!isUpdateInProgress(error) || attempt >= IN_PROGRESS_RETRIES) throw error
      core.info(`Endpoint "${ctx.endpointName}" is being changed by someone else; waiting for that to finish first.`)
    }
  }
  if (ctx.dryRun || (!ctx.settings.waitForCompletion && !options.forceWait)) return undefined
  return waitForInService(ctx, configName, options.purpose)
}
