/**
 * The progressive rollout with the action as controller: the new model serves
 * beside the old one as a second production variant, traffic moves to it step
 * by step, health gates are judged all through each step's bake, and a failed
 * gate puts everything back: first the traffic (seconds), then the config.
 */
import * as core from '@actions/core'
import { errorMessage, isExpiredCredentials } from '../aws/errors.js'
import type { Clock } from '../clock.js'
import type { OperationContext } from '../context.js'
import {
  getEndpoint,
  getEndpointConfig,
  liveInstanceCount,
  reportEndpoint,
  TRANSITIONAL_STATUSES,
  type Endpoint
} from '../endpoint.js'
import { formatDuration } from '../parse.js'
import type { GateEvaluation, RolloutRecord, RolloutResult, RolloutStepRecord } from '../report.js'
import type { RolloutSettings } from '../settings.js'
import { updateEndpointConfig, updateWeightsAndCapacities } from '../update.js'
import { createEndpointConfig, deleteConfigQuietly, variantDefinition } from './configs.js'
import { evaluateGates, hasGates } from './gates.js'
import { withScalingMoved } from './scaling.js'
import { clearInFlightRollout, saveInFlightRollout } from './state.js'

/** A rollout under way: everything needed to go forward, pause, or go back. */
export interface InFlight {
  /** Where rollback returns. */
  previousConfig: string
  /** Old and new variants side by side. */
  canaryConfig: string
  newVariant: string
  /** The old variants and their shares of the traffic the new variant does not take (they sum to 1). */
  oldVariants: Array<{ name: string; share: number }>
  /** The name for the final config, with only the new variant. */
  releaseConfig: string
  /** Tags for the final config. */
  userTags: Record<string, string>
}

/** Thrown when a rollout ended rolled back or failed; outputs and summary are already set. */
export class RolloutFailedError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'RolloutFailedError'
  }
}

export function startRolloutRecord(
  ctx: OperationContext,
  settings: RolloutSettings,
  inFlight: InFlight
): RolloutRecord {
  const record: RolloutRecord = {
    controller: settings.controller,
    strategy: settings.strategy,
    newVariant: inFlight.newVariant,
    previousConfig: inFlight.previousConfig,
    ...(settings.gates.maxErrorRate !== undefined ? { maxErrorRate: settings.gates.maxErrorRate } : {}),
    steps: []
  }
  ctx.report.rollout = record
  ctx.output('previous-endpoint-config-name', inFlight.previousConfig)
  ctx.output('variant-name', inFlight.newVariant)
  return record
}

/** Records the rollout as in flight, for the post step of a cancelled run. */
export function markInFlight(ctx: OperationContext, inFlight: InFlight): void {
  if (ctx.dryRun) return
  saveInFlightRollout({
    endpointName: ctx.endpointName,
    region: ctx.settings.region,
    previousConfig: inFlight.previousConfig,
    canaryConfig: inFlight.canaryConfig,
    newVariant: inFlight.newVariant,
    previousWeights: Object.fromEntries(inFlight.oldVariants.map(({ name, share }) => [name, share * 100])),
    startedAt: new Date(ctx.clock.now()).toISOString()
  })
}

/**
 * Runs `steps` (the new variant's share at each), then pauses (a list that
 * stops short of 100) or promotes. On a failed gate or update, rolls back when
 * auto-rollback is on. Sets rollout-result, rolled-back and healthy.
 */
export async function runSteps(
  ctx: OperationContext,
  settings: RolloutSettings,
  inFlight: InFlight,
  steps: number[]
): Promise<void> {
  const record = ctx.report.rollout as RolloutRecord
  if (!hasGates(settings.gates)) {
    core.warning(
      'No health gates are set (alarm-names, max-error-rate, max-latency-p99, min-invocations, probe-payload): each step only waits for bake-time.'
    )
  }
  const failures = { consecutive: 0 }
  let failure: string | undefined
  try {
    for (const [index, weight] of steps.entries()) {
      const step: RolloutStepRecord = { weight, startedAt: ctx.clock.now(), evaluations: [], verdict: 'in-progress' }
      record.steps.push(step)
      await core.group(
        `Step ${index + 1}/${steps.length}: ${weight}% of traffic to ${inFlight.newVariant}`,
        async () => {
          await shiftTraffic(ctx, inFlight, weight)
          step.startedAt = ctx.clock.now()
          failure = await bake(ctx, settings, inFlight.newVariant, step, failures)
        }
      )
      step.endedAt = ctx.clock.now()
      step.verdict = failure ? 'failed' : 'passed'
      if (failure) break
    }
  } catch (error) {
    const current = record.steps.at(-1)
    if (current && current.verdict === 'in-progress') {
      current.verdict = 'failed'
      current.endedAt = ctx.clock.now()
    }
    if (isExpiredCredentials(error)) {
      // Every call from here would fail the same way: say where the endpoint was left instead.
      finish(ctx, record, 'failed', false, `Stopped at ${current?.weight ?? 0}%: the AWS credentials expired.`)
      throw error
    }
    failure = `the rollout could not go on: ${errorMessage(error)}`
  }

  if (!failure) {
    const lastWeight = steps.at(-1) ?? 0
    if (lastWeight < 100) return pause(ctx, inFlight, record, lastWeight)
    try {
      await core.group(`Promoting ${inFlight.newVariant}: retiring the old variants`, () => promote(ctx, inFlight))
      const decision = `All steps passed; ${inFlight.newVariant} now serves all traffic on ${inFlight.releaseConfig}.`
      core.notice(decision)
      return finish(ctx, record, 'succeeded', true, decision)
    } catch (error) {
      failure = `promotion failed: ${errorMessage(error)}`
    }
  }
  await handleFailure(ctx, settings, inFlight, record, failure)
}

async function pause(ctx: OperationContext, inFlight: InFlight, record: RolloutRecord, weight: number): Promise<void> {
  clearInFlightRollout()
  const decision = `Paused at ${weight}% on ${inFlight.newVariant}, as traffic-steps asked. Run operation: promote to finish, or operation: rollback to return to ${inFlight.previousConfig}.`
  core.notice(decision)
  finish(ctx, record, 'paused', true, decision)
  await reportEndpoint(ctx, await getEndpoint(ctx))
}

function finish(
  ctx: OperationContext,
  record: RolloutRecord,
  result: RolloutResult,
  healthy: boolean,
  decision: string
): void {
  record.result = result
  record.decision = decision
  ctx.output('rollout-result', result)
  ctx.output('rolled-back', result === 'rolled-back')
  ctx.output('healthy', healthy)
}

async function handleFailure(
  ctx: OperationContext,
  settings: RolloutSettings,
  inFlight: InFlight,
  record: RolloutRecord,
  failure: string
): Promise<void> {
  if (!settings.autoRollback) {
    clearInFlightRollout()
    const decision = `Failed: ${failure}. auto-rollback is off, so the endpoint was left as it is; run operation: rollback to return to ${inFlight.previousConfig}.`
    core.error(decision)
    finish(ctx, record, 'failed', false, decision)
    await reportEndpoint(ctx, await getEndpoint(ctx))
    throw new RolloutFailedError(decision)
  }
  core.warning(`Rolling back: ${failure}`)
  try {
    await core.group(`Rolling back to ${inFlight.previousConfig}`, () => rollBack(ctx, inFlight))
  } catch (error) {
    const decision = `Failed: ${failure}. The rollback also failed: ${errorMessage(error)}`
    finish(ctx, record, 'failed', false, decision)
    throw new RolloutFailedError(decision)
  }
  // A failed promotion may have left its release config behind; its name is this run's own.
  await deleteConfigQuietly(ctx, inFlight.releaseConfig)
  const decision = `Rolled back: ${failure}. All traffic is back on ${inFlight.previousConfig}.`
  finish(ctx, record, 'rolled-back', false, decision)
  await reportEndpoint(ctx, await getEndpoint(ctx))
  if (settings.failOnRollback) throw new RolloutFailedError(decision)
  core.warning(`${decision} The step succeeds because fail-on-rollback is false.`)
}

/** The new variant takes `weight`%; the old variants share the rest as they did before. */
export function desiredWeights(
  inFlight: InFlight,
  weight: number
): Array<{ VariantName: string; DesiredWeight: number }> {
  return [
    ...inFlight.oldVariants.map(({ name, share }) => ({
      VariantName: name,
      DesiredWeight: Math.round((100 - weight) * share * 1000) / 1000
    })),
    { VariantName: inFlight.newVariant, DesiredWeight: weight }
  ]
}

async function shiftTraffic(ctx: OperationContext, inFlight: InFlight, weight: number): Promise<void> {
  core.info(`Shifting ${weight}% of traffic to ${inFlight.newVariant}.`)
  await updateWeightsAndCapacities(ctx, desiredWeights(inFlight, weight), {
    purpose: `the shift to ${weight}%`,
    forceWait: true
  })
}

/**
 * Watches one step for bake-time, judging the gates every gate-interval.
 * Returns why the step failed, or undefined when it passed.
 */
async function bake(
  ctx: OperationContext,
  settings: RolloutSettings,
  variant: string,
  step: RolloutStepRecord,
  failures: { consecutive: number }
): Promise<string | undefined> {
  const start = step.startedAt
  if (!hasGates(settings.gates)) {
    core.info(`Baking for ${formatDuration(settings.bakeTimeMs)}.`)
    await sleepUntil(ctx.clock, start + settings.bakeTimeMs)
    return undefined
  }
  const due = Math.max(1, Math.ceil(settings.bakeTimeMs / settings.gateIntervalMs))
  let lastEvaluationAt = start
  // A step never ends on a failed evaluation: past bake-time, an unconfirmed failure is judged again
  // until it clears or reaches failure-threshold, so more traffic never follows a bad reading.
  for (let index = 1; index <= due || failures.consecutive > 0; index++) {
    const dueAt =
      index <= due
        ? start + Math.min(index * settings.gateIntervalMs, settings.bakeTimeMs)
        : start + settings.bakeTimeMs + (index - due) * settings.gateIntervalMs
    await sleepUntil(ctx.clock, dueAt)
    const now = ctx.clock.now()
    // CloudWatch has one-minute datapoints: look back at least a minute, never before the step began.
    const windowStart = Math.max(start, Math.min(lastEvaluationAt, now - 60_000))
    const evaluation = await evaluateGates(ctx, settings.gates, {
      endpointName: ctx.endpointName,
      variant,
      start: windowStart,
      end: now
    })
    lastEvaluationAt = now
    step.evaluations.push(evaluation)
    const label = index <= due ? `${index}/${due}` : `${index - due} past bake-time`
    core.info(`Evaluation ${label} at ${step.weight}%: ${describeEvaluation(evaluation)}`)
    if (evaluation.verdict === 'failed') {
      failures.consecutive++
      if (failures.consecutive >= settings.failureThreshold) {
        return `${failures.consecutive === 1 ? 'a failed gate evaluation' : `${failures.consecutive} failed gate evaluations in a row`} at ${step.weight}%: ${evaluation.failures.join('; ')}`
      }
      core.warning(
        `Gate failed (${failures.consecutive} in a row; failure-threshold ${settings.failureThreshold} rolls back): ${evaluation.failures.join('; ')}`
      )
    } else {
      failures.consecutive = 0
    }
  }
  return undefined
}

export function describeEvaluation(evaluation: GateEvaluation): string {
  const parts = [evaluation.verdict === 'passed' ? 'passed' : `FAILED (${evaluation.failures.join('; ')})`]
  if (evaluation.invocations !== undefined) parts.push(`${evaluation.invocations} invocations`)
  if (evaluation.errorRate !== undefined) parts.push(`error rate ${(evaluation.errorRate * 100).toFixed(2)}%`)
  if (evaluation.latencyP99Ms !== undefined) parts.push(`p99 ${Math.round(evaluation.latencyP99Ms)} ms`)
  if (evaluation.probesSent) parts.push(`probes ${evaluation.probesPassed}/${evaluation.probesSent}`)
  return parts.join(', ')
}

async function sleepUntil(clock: Clock, at: number): Promise<void> {
  const remaining = at - clock.now()
  if (remaining > 0) await clock.sleep(remaining)
}

/**
 * The new variant alone, at the capacity it serves with now. Autoscaling on
 * the old variants moves to it: SageMaker refuses to remove a scaled variant,
 * so the old registrations go first and the new one comes after.
 */
async function promote(ctx: OperationContext, inFlight: InFlight): Promise<void> {
  const endpoint = await getEndpoint(ctx)
  const canaryConfig = await getEndpointConfig(ctx, inFlight.canaryConfig)
  const live = endpoint.ProductionVariants?.find((variant) => variant.VariantName === inFlight.newVariant)
  const count = (live && liveInstanceCount(live)) ?? undefined
  const release = [
    variantDefinition(canaryConfig, inFlight.newVariant, {
      InitialVariantWeight: 1,
      ...(count ? { InitialInstanceCount: count } : {})
    })
  ]
  await createEndpointConfig(
    ctx,
    inFlight.releaseConfig,
    release,
    { role: 'release', previousConfig: inFlight.previousConfig },
    inFlight.userTags,
    canaryConfig
  )
  const { moves } = await withScalingMoved(
    ctx,
    { endpoint, current: canaryConfig, target: release, targetName: inFlight.releaseConfig },
    () =>
      updateEndpointConfig(ctx, inFlight.releaseConfig, {
        purpose: `the promotion to ${inFlight.releaseConfig}`,
        forceWait: true
      })
  )
  const oldCapacity = (endpoint.ProductionVariants ?? [])
    .filter((variant) => variant.VariantName !== inFlight.newVariant)
    .reduce((sum, variant) => sum + (liveInstanceCount(variant) ?? 0), 0)
  const scalesNow = moves.some((move) => move.to === inFlight.newVariant)
  if (count !== undefined && count < oldCapacity && !scalesNow) {
    ctx.warn(
      `${inFlight.newVariant} takes all traffic with ${instances(count)} where the old variants served with ${instances(oldCapacity)}; raise instance-count or configure autoscaling if it needs more.`
    )
  }
  clearInFlightRollout()
  await deleteCanaryConfig(ctx, inFlight)
  await reportEndpoint(ctx, await getEndpoint(ctx))
}

/**
 * All-at-once is one step of 100% judged by the same gates after the switch.
 * Returns why it failed, or undefined when it passed.
 */
export async function judgeAfterSwitch(
  ctx: OperationContext,
  settings: RolloutSettings,
  variant: string,
  previousConfig: string | undefined
): Promise<string | undefined> {
  const record: RolloutRecord = {
    controller: 'action',
    strategy: settings.strategy,
    newVariant: variant,
    ...(previousConfig ? { previousConfig } : {}),
    steps: []
  }
  ctx.report.rollout = record
  const step: RolloutStepRecord = { weight: 100, startedAt: ctx.clock.now(), evaluations: [], verdict: 'in-progress' }
  record.steps.push(step)
  const failure = await core.group(`Watching ${variant} at 100% for ${formatDuration(settings.bakeTimeMs)}`, () =>
    bake(ctx, settings, variant, step, { consecutive: 0 })
  )
  step.endedAt = ctx.clock.now()
  step.verdict = failure ? 'failed' : 'passed'
  if (!failure) finish(ctx, record, 'succeeded', true, `All gates passed with ${variant} serving all traffic.`)
  return failure
}

/**
 * Stops the harm first (weight 0 takes seconds), then restores the previous
 * config. Safe to call wherever the endpoint is: on the canary config, half-way
 * to it, or already back on the previous config.
 */
export async function rollBack(ctx: OperationContext, inFlight: InFlight): Promise<Endpoint | undefined> {
  try {
    const endpoint = await getEndpoint(ctx)
    if (
      endpoint.EndpointConfigName === inFlight.previousConfig &&
      !TRANSITIONAL_STATUSES.includes(endpoint.EndpointStatus ?? '')
    ) {
      clearInFlightRollout()
      await deleteCanaryConfig(ctx, inFlight)
      return endpoint
    }
    if (endpoint.ProductionVariants?.some((variant) => variant.VariantName === inFlight.newVariant)) {
      await updateWeightsAndCapacities(ctx, desiredWeights(inFlight, 0), {
        purpose: `the shift of all traffic back to the old variants`,
        forceWait: true
      })
    }
  } catch (error) {
    // The config update below restores the old weights too; keep going.
    core.warning(`Could not move traffic off ${inFlight.newVariant} first: ${errorMessage(error)}`)
  }
  const endpoint = await updateEndpointConfig(ctx, inFlight.previousConfig, {
    purpose: `the rollback to ${inFlight.previousConfig}`,
    forceWait: true,
    keepInstanceCounts: true
  })
  clearInFlightRollout()
  await deleteCanaryConfig(ctx, inFlight)
  return endpoint
}

/** A canary config exists only for the rollout; once the endpoint has left it, it is clutter. */
async function deleteCanaryConfig(ctx: OperationContext, inFlight: InFlight): Promise<void> {
  await deleteConfigQuietly(ctx, inFlight.canaryConfig)
}

function instances(count: number): string {
  return `${count} instance${count === 1 ? '' : 's'}`
}
