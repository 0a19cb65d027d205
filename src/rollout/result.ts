/**
 * How a rollout ended, decided once. The engine, the all-at-once judge and
 * the SageMaker controller each return a RolloutResult; concludeRollout is the
 * one place that turns it into outputs, the summary's decision, the log's
 * verdict and the clean-up, so no operation ever reads its own outputs back.
 */
import * as core from '@actions/core'
import { errorMessage } from '../aws/errors.js'
import type { OperationContext } from '../context.js'
import { findEndpoint, reportEndpoint } from '../endpoint.js'
import type { RolloutOutcome } from '../report.js'
import { discardUnused, type CreatedResources } from '../resources.js'
import { EndpointStateError } from '../wait.js'

export type { RolloutOutcome }

export interface RolloutResult {
  outcome: RolloutOutcome
  /** What happened and why, in a sentence or two: the summary's decision and, on failure, the step's error. */
  decision: string
  /** Whether the gates found the new model healthy; absent when nothing judged it. */
  healthy?: boolean
  /** Whether the endpoint is back where it started; defaults to outcome === 'rolled-back'. */
  rolledBack?: boolean
  /** The step fails: a failed rollout, a rollback with fail-on-rollback, a pause because the gates could not judge. */
  failsStep: boolean
  /** An error to fail the step with instead of the decision, when its own message says more (expired credentials). */
  cause?: unknown
}

/** Thrown when a rollout ended rolled back, failed or undecided; outputs and summary are already set. */
export class RolloutFailedError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'RolloutFailedError'
  }
}

/**
 * Records the result (outputs, summary, log), takes away what the run made
 * and nothing runs on when the rollout did not go ahead, shows where the
 * endpoint was left, and fails the step when the result says so.
 */
export async function concludeRollout(
  ctx: OperationContext,
  result: RolloutResult,
  created?: CreatedResources
): Promise<void> {
  const record = ctx.report.rollout
  if (record) {
    record.result = result.outcome
    record.decision = result.decision
  } else if (!result.failsStep) {
    // For the summary only: announce() below puts it in the log, as a notice.
    ctx.report.notes.push(result.decision)
  }
  setRolloutOutputs(ctx, {
    outcome: result.outcome,
    rolledBack: result.rolledBack ?? result.outcome === 'rolled-back',
    ...(result.healthy !== undefined ? { healthy: result.healthy } : {})
  })
  announce(result)
  if (created && (result.outcome === 'rolled-back' || result.outcome === 'failed')) {
    await discardUnused(ctx, created)
  }
  if (!ctx.dryRun) {
    try {
      const endpoint = await findEndpoint(ctx)
      if (endpoint) await reportEndpoint(ctx, endpoint)
    } catch (error) {
      ctx.warn(`Could not read where endpoint "${ctx.endpointName}" was left: ${errorMessage(error)}`)
    }
  }
  if (result.cause !== undefined) throw result.cause
  if (result.failsStep) throw new RolloutFailedError(result.decision)
  if (result.outcome === 'rolled-back') {
    ctx.warn(`${result.decision} The step succeeds because fail-on-rollback is false.`)
  }
}

/**
 * The one place rollout-result, rolled-back and healthy are set: by a
 * rollout's conclusion, and by the rollback operation and the post step,
 * which roll back without a rollout of their own.
 */
export function setRolloutOutputs(
  ctx: OperationContext,
  outputs: { outcome?: RolloutOutcome; rolledBack: boolean; healthy?: boolean }
): void {
  if (outputs.outcome !== undefined) ctx.output('rollout-result', outputs.outcome)
  ctx.output('rolled-back', outputs.rolledBack)
  if (outputs.healthy !== undefined) ctx.output('healthy', outputs.healthy)
}

function announce(result: RolloutResult): void {
  if (result.failsStep || result.outcome === 'failed') {
    // The step's own failure message says it; the log gets the decision where it happened.
    core.info(result.decision)
    return
  }
  if (result.outcome === 'succeeded' || result.outcome === 'paused') core.notice(result.decision)
}

/** An update SageMaker did not complete: failed, and rolled back when SageMaker put the old config back. */
export function failedUpdateResult(error: unknown): RolloutResult | undefined {
  if (!(error instanceof EndpointStateError) || !error.endpoint) return undefined
  return {
    outcome: 'failed',
    decision: error.message,
    rolledBack: error.endpoint.EndpointStatus === 'InService',
    failsStep: true
  }
}
