/**
 * A dry run's rollout: every call it would make, in order (each goes through
 * ctx.change, which in a dry run only records it), the gate schedule with its
 * thresholds, how long it would take, and the instance-hours it would add.
 * Nothing is sent that changes anything; reads still happen, so the plan
 * starts from the endpoint as it is.
 */
import * as core from '@actions/core'
import { DeleteEndpointConfigCommand, type ProductionVariant } from '@aws-sdk/client-sagemaker'
import type { OperationContext } from '../context.js'
import type { Endpoint, EndpointConfig } from '../endpoint.js'
import { TYPICAL_MS } from '../expectations.js'
import { counted, formatDuration } from '../parse.js'
import { addInstanceTime, type Report } from '../report.js'
import { createEndpointConfig, fleetSize, type EndpointConfigSettings } from '../resources.js'
import type { RolloutSettings } from '../settings.js'
import { instanceHoursText } from '../summary.js'
import { updateEndpointConfig, updateWeightsAndCapacities } from '../update.js'
import { desiredWeights, type InFlight } from './engine.js'
import { describeGates, hasGates, needsTraffic } from './gates.js'
import { leastTimeoutMs } from './native-limits.js'
import { withScalingMoved } from './scaling.js'

/** What a step that waits for CloudWatch typically adds past its bake: its last minute closing, then publication. */
const TYPICAL_DATA_WAIT_MS = 60_000 + 120_000

export interface PlannedRollout {
  endpoint: Endpoint
  current: EndpointConfig
  inFlight: InFlight
  steps: number[]
  /** Every variant of the canary config: the fleet the first update provisions. */
  canaryVariants: ProductionVariant[]
  /** The new variant as the release config would hold it. */
  release: ProductionVariant
  userTags: Record<string, string>
  configSettings: EndpointConfigSettings
  /** Set for promote: the endpoint is already on the canary config, paused at this weight, and the pause is judged first. */
  pausedAt?: number
}

/** Records the whole rollout as a plan on the report. */
export async function planRollout(
  ctx: OperationContext,
  settings: RolloutSettings,
  plan: PlannedRollout
): Promise<void> {
  const { inFlight } = plan
  const fleetMs = ctx.expectedFleetChangeMs ?? TYPICAL_MS.fleet
  const schedule: string[] = []
  let durationMs = 0
  let instanceMs = 0

  const waitsForData = needsTraffic(settings.gates)
  const gates = describeGates(settings.gates)
  let canaryMs = 0
  if (plan.pausedAt === undefined) {
    await updateEndpointConfig(ctx, inFlight.canaryConfig, { purpose: 'the canary config', forceWait: true })
    const canaryFleet = fleetSize(plan.canaryVariants)
    schedule.push(
      `Update the endpoint to ${inFlight.canaryConfig}: ${inFlight.newVariant} joins at weight 0 beside the serving variants, a new fleet of ${canaryFleet} instances, about ${formatDuration(fleetMs)}.`
    )
    durationMs += fleetMs
    instanceMs += canaryFleet * fleetMs
  } else if (gates.length > 0) {
    canaryMs += dataWaitMs(settings)
    schedule.push(
      `Judge the pause at ${plan.pausedAt}%: the gates over the whole pause, ${
        waitsForData
          ? `until CloudWatch has published the minute this run began in (typically ${formatDuration(TYPICAL_DATA_WAIT_MS)}, at most max-data-delay ${formatDuration(settings.maxDataDelayMs)} past it)`
          : 'at once'
      }; a failure ${settings.autoRollback ? 'rolls back' : 'stops the rollout'} before any traffic moves.`
    )
  }
  for (const [index, weight] of plan.steps.entries()) {
    await updateWeightsAndCapacities(ctx, desiredWeights(inFlight, weight), { purpose: `the shift to ${weight}%` })
    const step = judgedStep(settings, `Step ${index + 1}: ${weight}% of traffic to ${inFlight.newVariant}`)
    canaryMs += TYPICAL_MS.weights + step.durationMs
    schedule.push(
      `${step.text} ${settings.failureThreshold === 1 ? `A failed evaluation ${settings.autoRollback ? 'rolls back' : 'stops the rollout'}` : `${settings.failureThreshold} failed evaluations without a pass between them ${settings.autoRollback ? 'roll back' : 'stop the rollout'}`}; a step the gates cannot judge ${settings.onInconclusive === 'pause' ? 'pauses' : 'rolls back'}.`
    )
  }
  durationMs += canaryMs
  instanceMs += (plan.release.InitialInstanceCount ?? 0) * canaryMs

  const last = plan.steps.at(-1) ?? 0
  if (last < 100) {
    schedule.push(
      `Pause at ${last}%: operation: promote finishes it (judging the pause first), operation: rollback undoes it.`
    )
  } else {
    await createEndpointConfig(
      ctx,
      inFlight.releaseConfig,
      [{ ...plan.release, InitialVariantWeight: 1 }],
      { role: 'release', previousConfig: inFlight.previousConfig },
      plan.userTags,
      plan.configSettings
    )
    await withScalingMoved(
      ctx,
      { endpoint: plan.endpoint, current: plan.current, target: [plan.release], targetName: inFlight.releaseConfig },
      () => updateEndpointConfig(ctx, inFlight.releaseConfig, { purpose: 'the promotion', forceWait: true })
    )
    const input = { EndpointConfigName: inFlight.canaryConfig }
    await ctx.change('DeleteEndpointConfig', `endpoint config "${inFlight.canaryConfig}"`, input, () =>
      ctx.clients.sagemaker.send(new DeleteEndpointConfigCommand(input))
    )
    const releaseFleet = fleetSize([plan.release])
    schedule.push(
      `Promote: update the endpoint to ${inFlight.releaseConfig} with ${inFlight.newVariant} alone, a new fleet of ${releaseFleet} instances, about ${formatDuration(fleetMs)}; then delete ${inFlight.canaryConfig}.`
    )
    durationMs += fleetMs
    instanceMs += releaseFleet * fleetMs
  }
  recordPlan(ctx, { schedule, gates, durationMs, instanceMs })
}

/**
 * A deploy that replaces the model all at once (or creates the endpoint) as a
 * plan: the one fleet update, then the gates judging the new variant alone.
 */
export function planAllAtOnce(
  ctx: OperationContext,
  settings: RolloutSettings,
  deploy: { variant: string; releaseConfig: string; fleet: number; previousConfig?: string }
): void {
  const fleetMs = ctx.expectedFleetChangeMs ?? TYPICAL_MS.fleet
  const gates = describeGates(settings.gates)
  const schedule = [
    deploy.previousConfig
      ? `Update the endpoint to ${deploy.releaseConfig}: ${deploy.variant} alone, a new fleet of ${counted(deploy.fleet, 'instance')} beside the serving one until it is healthy, about ${formatDuration(fleetMs)} (SageMaker returns to ${deploy.previousConfig} by itself if it never is).`
      : `Create the endpoint on ${deploy.releaseConfig}: ${deploy.variant} on ${counted(deploy.fleet, 'instance')}, about ${formatDuration(fleetMs)}.`
  ]
  let durationMs = fleetMs
  if (gates.length > 0) {
    const step = judgedStep(settings, `Then ${deploy.variant} takes all traffic`)
    durationMs += step.durationMs
    schedule.push(
      `${step.text} A failed gate ${
        !deploy.previousConfig
          ? 'fails the step; the endpoint is new, so there is nothing to roll back to'
          : settings.autoRollback
            ? `returns the endpoint to ${deploy.previousConfig} (a new fleet again, about ${formatDuration(fleetMs)})`
            : `fails the step, leaving ${deploy.variant} in place (auto-rollback is off)`
      }.`
    )
  }
  // Only an update adds instances: the new fleet runs beside the serving one until it takes over.
  recordPlan(ctx, { schedule, gates, durationMs, instanceMs: deploy.previousConfig ? deploy.fleet * fleetMs : 0 })
}

/**
 * A deployment SageMaker runs (rollout-controller: sagemaker) as a plan: what
 * it was asked to do, and how long that takes, provisioning and every bake.
 */
export function planSageMakerDeployment(
  ctx: OperationContext,
  settings: RolloutSettings,
  deployment: { description: string; newFleetInstances: number; batches: number }
): void {
  const fleetMs = ctx.expectedFleetChangeMs ?? TYPICAL_MS.fleet
  const durationMs = leastTimeoutMs(settings, deployment.batches, fleetMs)
  const provisioning =
    deployment.batches > 1
      ? `${deployment.batches} batches, each provisioned (about ${formatDuration(fleetMs)}) and baked`
      : `the new fleet provisioned (about ${formatDuration(fleetMs)}), then every bake`
  recordPlan(ctx, {
    schedule: [`${deployment.description} About ${formatDuration(durationMs)}: ${provisioning}.`],
    gates: describeGates(settings.gates),
    durationMs,
    instanceMs: deployment.newFleetInstances * durationMs
  })
}

/** One judged step in words, and how long it typically lasts: its bake, then the wait for its minutes. */
function judgedStep(settings: RolloutSettings, what: string): { text: string; durationMs: number } {
  const evaluations = Math.max(1, Math.ceil(settings.bakeTimeMs / settings.gateIntervalMs))
  return {
    durationMs: settings.bakeTimeMs + dataWaitMs(settings),
    text: `${what} for ${formatDuration(settings.bakeTimeMs)}, ${
      hasGates(settings.gates)
        ? `gates judged every ${formatDuration(settings.gateIntervalMs)} (${evaluations} evaluations)`
        : 'no gates: it only waits'
    }${
      needsTraffic(settings.gates)
        ? `, then until CloudWatch has published the step's minutes (typically ${formatDuration(TYPICAL_DATA_WAIT_MS)} more, at most max-data-delay ${formatDuration(settings.maxDataDelayMs)})`
        : ''
    }.`
  }
}

/** What waiting for CloudWatch typically adds past a bake, when the gates need its minutes. */
function dataWaitMs(settings: RolloutSettings): number {
  return needsTraffic(settings.gates) ? Math.min(TYPICAL_DATA_WAIT_MS, settings.maxDataDelayMs) : 0
}

function recordPlan(
  ctx: OperationContext,
  plan: { schedule: string[]; gates: string[]; durationMs: number; instanceMs: number }
): void {
  const planned = {
    schedule: plan.schedule,
    gates: plan.gates,
    expectedDurationMs: plan.durationMs,
    basis:
      ctx.expectedFleetChangeMs !== undefined
        ? `this endpoint's last update took ${formatDuration(ctx.expectedFleetChangeMs)}`
        : `a new fleet typically takes ${formatDuration(TYPICAL_MS.fleet)} to come up`
  }
  ctx.report.plan = planned
  addInstanceTime(ctx.report, plan.instanceMs)
  logPlan(planned, ctx.report.addedInstanceHours, ctx.report.instanceHourPrice)
}

/**
 * The plan in the log as well as in the summary: a dry run is often read in
 * the step's log (or a local run's output), where the calls alone would not
 * say how the rollout is judged or how long it takes.
 */
function logPlan(plan: NonNullable<Report['plan']>, hours: number | undefined, price: number | undefined): void {
  core.info(`Rollout plan: about ${formatDuration(plan.expectedDurationMs)}, assuming ${plan.basis}.`)
  plan.schedule.forEach((line, index) => core.info(`  ${index + 1}. ${line}`))
  core.info(plan.gates.length > 0 ? `Gates: ${plan.gates.join('; ')}.` : 'No gates are set.')
  if (hours !== undefined) core.info(`Instance-hours this rollout would add: ${instanceHoursText(hours, price)}.`)
}
