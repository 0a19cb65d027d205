/**
 * Moving an endpoint to another config: the one path every operation takes
 * (deploy, rollback, promotion, the post step), so waiting for another run's
 * update, retrying SageMaker's "in-progress" refusal and checking the result
 * are done the same way everywhere.
 *
 * An update is never sent twice blindly. Every UpdateEndpoint deploys a new
 * fleet (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_UpdateEndpoint.html),
 * so changes go through the client that retries throttles only
 * (aws/clients.ts): a lost answer (a 5xx, a dropped connection) comes back
 * here, where the first attempt may have started the update. Before sending
 * again, DescribeEndpoint says whether the endpoint is already moving to, or
 * already on, what was asked.
 */
import * as core from '@actions/core'
import {
  UpdateEndpointCommand,
  UpdateEndpointWeightsAndCapacitiesCommand,
  type DesiredWeightAndCapacity,
  type UpdateEndpointCommandInput
} from '@aws-sdk/client-sagemaker'
import { RETRY_SETTINGS } from './aws/clients.js'
import { answerMayBeLost, errorCode, errorMessage } from './aws/errors.js'
import type { OperationContext } from './context.js'
import { getEndpoint, TRANSITIONAL_STATUSES, type Endpoint } from './endpoint.js'
import { TYPICAL_MS } from './expectations.js'
import { addInstanceTime } from './report.js'
import { EndpointStateError, requireUpdatable, waitForInService, type WhileWaiting } from './wait.js'

/** SageMaker refuses an update while another is running; another run of this action may hold the endpoint. */
export function isUpdateInProgress(error: unknown): boolean {
  return errorCode(error) === 'ValidationException' && /in-progress|in progress/i.test(errorMessage(error))
}

const IN_PROGRESS_RETRIES = 5
/** As patient with a lost answer as the SDK is with other calls, backing off as it does (capped at 20 s). */
const LOST_ANSWER_ATTEMPTS = RETRY_SETTINGS.maxAttempts
const lostAnswerBackoffMs = (lost: number): number => Math.min(20_000, 500 * 2 ** (lost - 1))

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
  /** Work that goes on at every poll while the endpoint moves (judging a deployment SageMaker runs). */
  whileWaiting?: WhileWaiting
}

/** Where the endpoint stands with a change that was sent: not seen, under way, or done. */
export type Landing = 'not-seen' | 'under-way' | 'done'

/**
 * Sends a change once the endpoint is InService, waiting out another run's
 * update (SageMaker refuses changes while one is in progress). After a
 * refusal as "in progress" or a lost answer, the change is sent again only if
 * `landing` finds no sign of it, and only while the endpoint is still on the
 * config it was on: a config someone else put there in between is theirs.
 * Returns the endpoint as it was when the change was first sent.
 */
async function changeWhenUpdatable(
  ctx: OperationContext,
  what: string,
  send: () => Promise<unknown>,
  landing: (endpoint: Endpoint) => Landing
): Promise<Endpoint> {
  let before: Endpoint | undefined
  let refusedInProgress = 0
  let lostAnswers = 0
  for (;;) {
    const endpoint = await requireUpdatable(ctx)
    if (before && endpoint.EndpointConfigName !== before.EndpointConfigName) {
      throw new Error(
        `Endpoint "${ctx.endpointName}" was moved from "${before.EndpointConfigName}" to "${endpoint.EndpointConfigName}" by someone else while this run was sending ${what}; ${what} was not sent again.`
      )
    }
    before ??= endpoint
    try {
      await send()
      return before
    } catch (error) {
      const inProgress = isUpdateInProgress(error)
      if (!inProgress && !answerMayBeLost(error)) throw error
      // Looked at even after the last attempt: the change it failed to confirm may have landed.
      const landed = landing(await getEndpoint(ctx))
      if (landed !== 'not-seen') {
        core.info(
          `${capitalised(what)} was accepted though its answer was ${inProgress ? 'refused on a retry' : 'lost'}: endpoint "${ctx.endpointName}" ${landed === 'done' ? 'already shows it' : 'is carrying it out'}, so it is not sent again.`
        )
        return before
      }
      if (inProgress ? ++refusedInProgress > IN_PROGRESS_RETRIES : ++lostAnswers >= LOST_ANSWER_ATTEMPTS) throw error
      core.info(
        inProgress
          ? `Endpoint "${ctx.endpointName}" is being changed by someone else; waiting for that to finish first.`
          : `The answer to ${what} was lost (${errorMessage(error)}) and endpoint "${ctx.endpointName}" shows no sign of it; sending it again.`
      )
      if (!inProgress) await ctx.clock.sleep(lostAnswerBackoffMs(lostAnswers))
    }
  }
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** An UpdateEndpoint to `configName` shows as the pending deployment, then as the endpoint's config. */
export function configLanding(configName: string): (endpoint: Endpoint) => Landing {
  return (endpoint) => {
    if (endpoint.PendingDeploymentSummary?.EndpointConfigName === configName) return 'under-way'
    const settled = !TRANSITIONAL_STATUSES.includes(endpoint.EndpointStatus ?? '')
    return settled && endpoint.EndpointConfigName === configName ? 'done' : 'not-seen'
  }
}

/**
 * A weights and capacities change shows at once in the variants' Desired*
 * fields, while the endpoint is Updating, and in their Current* fields once
 * it is done.
 */
export function weightsLanding(desired: DesiredWeightAndCapacity[]): (endpoint: Endpoint) => Landing {
  return (endpoint) => {
    const variants = endpoint.ProductionVariants ?? []
    const matches = (current: boolean): boolean =>
      desired.every((wanted) => {
        const variant = variants.find((candidate) => candidate.VariantName === wanted.VariantName)
        if (!variant) return false
        const weight = current ? variant.CurrentWeight : variant.DesiredWeight
        const count = current ? variant.CurrentInstanceCount : variant.DesiredInstanceCount
        return (
          (wanted.DesiredWeight === undefined || sameNumber(weight, wanted.DesiredWeight)) &&
          (wanted.DesiredInstanceCount === undefined || count === wanted.DesiredInstanceCount)
        )
      })
    if (TRANSITIONAL_STATUSES.includes(endpoint.EndpointStatus ?? '')) return matches(false) ? 'under-way' : 'not-seen'
    return matches(true) ? 'done' : 'not-seen'
  }
}

function sameNumber(actual: number | undefined, wanted: number): boolean {
  return actual !== undefined && Math.abs(actual - wanted) < 1e-6
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
  await changeWhenUpdatable(
    ctx,
    `the update to "${configName}"`,
    () =>
      ctx.change('UpdateEndpoint', `endpoint "${ctx.endpointName}"`, input, () =>
        ctx.clients.sagemakerChanges.send(new UpdateEndpointCommand(input))
      ),
    configLanding(configName)
  )
  if (ctx.dryRun || (!ctx.settings.waitForCompletion && !options.forceWait)) return undefined
  try {
    return await waitForInService(
      ctx,
      configName,
      options.purpose,
      options.waitTimeoutMs,
      options.expectedMs ?? ctx.expectedFleetChangeMs ?? TYPICAL_MS.fleet,
      options.whileWaiting
    )
  } finally {
    // Both fleets ran from the call until the endpoint settled, whichever way it went.
    addInstanceTime(ctx.report, (options.newFleetInstances ?? 0) * (ctx.clock.now() - started))
  }
}

/**
 * Changes variant weights and/or instance counts in place (no new config),
 * then waits for InService on the same config unless told not to wait, and
 * checks the change was made. Returns the endpoint as last seen: before the
 * change when not waiting.
 */
export async function updateWeightsAndCapacities(
  ctx: OperationContext,
  desired: DesiredWeightAndCapacity[],
  options: Pick<UpdateOptions, 'purpose' | 'forceWait'>
): Promise<Endpoint> {
  const input = { EndpointName: ctx.endpointName, DesiredWeightsAndCapacities: desired }
  const before = await changeWhenUpdatable(
    ctx,
    options.purpose,
    () =>
      ctx.change('UpdateEndpointWeightsAndCapacities', `endpoint "${ctx.endpointName}"`, input, () =>
        ctx.clients.sagemakerChanges.send(new UpdateEndpointWeightsAndCapacitiesCommand(input))
      ),
    weightsLanding(desired)
  )
  if (ctx.dryRun || (!ctx.settings.waitForCompletion && !options.forceWait)) return before
  return waitForChangeMade(ctx, before.EndpointConfigName ?? '', desired, options.purpose)
}

/**
 * Waits for a weights and capacities change to end, and checks it was made:
 * throws an EndpointStateError naming what the endpoint shows instead.
 */
export async function waitForChangeMade(
  ctx: OperationContext,
  configName: string,
  desired: DesiredWeightAndCapacity[],
  purpose: string
): Promise<Endpoint> {
  let rolledBack = false
  // New instances take a fleet's time to come up; weights alone, a minute.
  const expectedMs = desired.some((wanted) => wanted.DesiredInstanceCount !== undefined)
    ? TYPICAL_MS.fleet
    : TYPICAL_MS.weights
  const settled = await waitForInService(ctx, configName, purpose, undefined, expectedMs, async (endpoint) => {
    rolledBack ||= endpoint.EndpointStatus === 'RollingBack'
    return Infinity
  })
  const missed = changesNotMade(desired, settled, rolledBack)
  if (missed.length > 0) {
    throw new EndpointStateError(
      `SageMaker did not make ${purpose}${rolledBack ? ' and rolled it back' : ''}: endpoint "${ctx.endpointName}" is InService with ${missed.join(', ')}.${settled.FailureReason ? ` FailureReason: ${settled.FailureReason}` : ''}`,
      settled
    )
  }
  return settled
}

/**
 * What of a weights and capacities change the endpoint does not show once
 * InService. SageMaker rolls back a change it cannot make (RollingBack, then
 * InService as before: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DescribeEndpoint.html),
 * so InService alone is no evidence. Nothing else moves a weight, so a weight
 * must be the one asked for; autoscaling may move an instance count as soon
 * as the change is made, so a count is held to it only after a rollback.
 */
function changesNotMade(desired: DesiredWeightAndCapacity[], endpoint: Endpoint, rolledBack: boolean): string[] {
  return desired.flatMap((wanted) => {
    const variant = endpoint.ProductionVariants?.find((candidate) => candidate.VariantName === wanted.VariantName)
    const missed: string[] = []
    if (wanted.DesiredWeight !== undefined && !sameNumber(variant?.CurrentWeight, wanted.DesiredWeight)) {
      missed.push(
        `variant "${wanted.VariantName}" at weight ${variant?.CurrentWeight ?? 'none'}, not ${wanted.DesiredWeight}`
      )
    }
    const count = variant?.CurrentInstanceCount
    if (rolledBack && wanted.DesiredInstanceCount !== undefined && count !== wanted.DesiredInstanceCount) {
      missed.push(`variant "${wanted.VariantName}" on ${count ?? 'no'} instance(s), not ${wanted.DesiredInstanceCount}`)
    }
    return missed
  })
}
