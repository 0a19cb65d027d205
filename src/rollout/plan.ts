/**
 * A dry run's rollout: every call it would make, in order (each goes through
 * ctx.change, which in a dry run only records it), the gate schedule with its
 * thresholds, how long it would take, and the instance-hours it would add.
 * Nothing is sent that changes anything; reads still happen, so the plan
 * starts from the endpoint as it is.
 */
import * as core from '@actions/core'
import { DeleteEndpointConfigCommand } from '@aws-sdk/client-sagemaker'
import type { OperationContext } from '../context.js'
import type { Endpoint, EndpointConfig } from '../endpoint.js'
import { TYPICAL_MS } from '../expectations.js'
import { counted, formatDuration } from '../parse.js'
import { addInstanceTime, type Report } from '../report.js'
import { createEndpointConfig, fleetSize } from '../resources.js'
import type { RolloutSettings } from '../settings.js'
import { instanceHoursText } from '../summary.js'
import { updateEndpointConfig, updateWeightsAndCapacities } from '../update.js'
import { holdServingCapacityFor, type InFlight } from './in-flight.js'
import { desiredWeights, isJudging, type Move } from './moves.js'
import { createCanaryConfig, recordPauseStart } from './switch.js'
import { createShadowConfig, shadowGates } from './shadow.js'
import { periodWords, type MetricsSource } from '../invocation-metrics.js'
import { describeGates, gatesAtWeight, hasGates, needsTraffic } from './gates.js'
import { leastTimeoutMs } from './native-limits.js'
import { periodMsOf } from './periods.js'
import { releaseServingCapacity, withScalingMoved } from './scaling.js'

/** How late SageMaker typically publishes a closed period: one to three minutes. */
const TYPICAL_PUBLICATION_DELAY_MS = 120_000

/**
 * What a step that waits for CloudWatch typically adds past its bake: its
 * last period closing (as long as a period, at most), then publication. A
 * minute's datapoints take three minutes; five-minute ones (MetricsConfig)
 * seven.
 */
function typicalDataWaitMs(source: MetricsSource): number {
  return periodMsOf(source) + TYPICAL_PUBLICATION_DELAY_MS
}

/** What a dry run of the moves adds up to: the schedule's lines, its duration and the instance time it adds. */
interface Rehearsal {
  schedule: string[]
  durationMs: number
  instanceMs: number
  /** The time the new variant serves beside the old ones: its instances run all of it. */
  canaryMs: number
}

/**
 * A dry run of the moves the executor would carry out: each change goes
 * through the same calls (ctx.change only records them), each judged step
 * becomes a line of the schedule with what it typically takes.
 */
export async function rehearse(
  ctx: OperationContext,
  settings: RolloutSettings,
  inFlight: InFlight,
  moves: Move[],
  scene: { endpoint: Endpoint; current: EndpointConfig }
): Promise<void> {
  const rehearsal: Rehearsal = { schedule: [], durationMs: 0, instanceMs: 0, canaryMs: 0 }
  const newVariantInstances = inFlight.newVariantInstances ?? newVariantFleet(moves, inFlight)
  for (const move of moves) await rehearseMove(ctx, settings, inFlight, move, scene, rehearsal)
  // As the run ends a rollout that judged: the serving variants' scale-in given back, if nothing gave it back yet.
  if (moves.some(isJudging)) await releaseServingCapacity(ctx, inFlight.held)
  rehearsal.durationMs += rehearsal.canaryMs
  rehearsal.instanceMs += newVariantInstances * rehearsal.canaryMs
  recordPlan(ctx, {
    schedule: rehearsal.schedule,
    gates: describeGates(settings.gates, inFlight.source),
    durationMs: rehearsal.durationMs,
    instanceMs: rehearsal.instanceMs
  })
}

/** The new variant's instances, as the release would hold it. */
function newVariantFleet(moves: Move[], inFlight: InFlight): number {
  const release = moves.find((move) => move.kind === 'switch-to-release')
  if (release?.kind === 'switch-to-release') return release.planned.InitialInstanceCount ?? 0
  const canary = moves.find((move) => move.kind === 'create-canary-config')
  const variant =
    canary?.kind === 'create-canary-config'
      ? canary.variants.find((candidate) => candidate.VariantName === inFlight.newVariant)
      : undefined
  return variant?.InitialInstanceCount ?? 0
}

async function rehearseMove(
  ctx: OperationContext,
  settings: RolloutSettings,
  inFlight: InFlight,
  move: Move,
  scene: { endpoint: Endpoint; current: EndpointConfig },
  rehearsal: Rehearsal
): Promise<void> {
  const fleetMs = ctx.expectedFleetChangeMs ?? TYPICAL_MS.fleet
  switch (move.kind) {
    case 'create-canary-config':
      await createCanaryConfig(ctx, inFlight, move)
      return
    case 'hold-capacity':
      await holdServingCapacityFor(ctx, scene.endpoint, inFlight)
      return
    case 'create-shadow-config':
    case 'join-shadow':
    case 'judge-shadow':
      return rehearseShadowMove(ctx, settings, inFlight, move, rehearsal)
    case 'join':
      await updateEndpointConfig(ctx, inFlight.canaryConfig, { purpose: 'the canary config', forceWait: true })
      rehearsal.schedule.push(
        `Update the endpoint to ${inFlight.canaryConfig}: ${inFlight.newVariant} joins at weight 0 beside the serving variants, a new fleet of ${move.fleet} instances, about ${formatDuration(fleetMs)}${inFlight.shadowConfig ? `; then delete ${inFlight.shadowConfig}` : ''}.`
      )
      rehearsal.durationMs += fleetMs
      rehearsal.instanceMs += move.fleet * fleetMs
      if (inFlight.shadowConfig) await recordConfigDeletion(ctx, inFlight.shadowConfig)
      return
    case 'judge-pause':
      rehearsal.canaryMs += dataWaitMs(
        { ...settings, gates: gatesAtWeight(settings.gates, move.pause.weight) },
        inFlight.source
      )
      rehearsal.schedule.push(pauseJudgedText(settings, inFlight.source, move.pause.weight))
      return
    case 'shift':
      // A dark step moves nothing: the new variant joined at weight 0 (executor.ts).
      if (move.weight === 0) return
      await updateWeightsAndCapacities(ctx, desiredWeights(inFlight, move.weight), {
        purpose: `the shift to ${move.weight}%`
      })
      return
    case 'judge-step': {
      const dark = move.weight === 0
      const step = judgedStep(
        { ...settings, gates: gatesAtWeight(settings.gates, move.weight) },
        inFlight.source,
        dark
          ? `Step ${move.index + 1}: dark, no user traffic to ${inFlight.newVariant}, judged by its probes alone,`
          : `Step ${move.index + 1}: ${move.weight}% of traffic to ${inFlight.newVariant}`
      )
      rehearsal.canaryMs += (dark ? 0 : TYPICAL_MS.weights) + step.durationMs
      rehearsal.schedule.push(`${step.text} ${stepEndingText(settings)}`)
      return
    }
    case 'pause':
      await recordPauseStart(ctx, inFlight.canaryConfig)
      rehearsal.schedule.push(
        `Pause at ${move.weight}%: operation: promote finishes it (judging the pause first), operation: rollback undoes it.`
      )
      return
    case 'switch-to-release':
      await rehearseRelease(ctx, inFlight, move, scene)
      rehearsal.schedule.push(
        `Promote: update the endpoint to ${inFlight.releaseConfig} with ${inFlight.newVariant}'s model alone, as ${inFlight.stableVariant}, a new fleet of ${fleetSize([move.planned])} instances, about ${formatDuration(fleetMs)}; then delete ${inFlight.canaryConfig}.`
      )
      rehearsal.durationMs += fleetMs
      rehearsal.instanceMs += fleetSize([move.planned]) * fleetMs
      return
    default:
      throw new Error(`A dry run has no move "${move.kind}": it belongs to a rollback.`)
  }
}

/** The shadow phase's moves, rehearsed: its config, the endpoint joining it, and its judging. */
async function rehearseShadowMove(
  ctx: OperationContext,
  settings: RolloutSettings,
  inFlight: InFlight,
  move: Extract<Move, { kind: 'create-shadow-config' | 'join-shadow' | 'judge-shadow' }>,
  rehearsal: Rehearsal
): Promise<void> {
  const fleetMs = ctx.expectedFleetChangeMs ?? TYPICAL_MS.fleet
  const serving = inFlight.oldVariants[0]?.name
  if (move.kind === 'create-shadow-config') {
    await createShadowConfig(ctx, inFlight, move)
  } else if (move.kind === 'join-shadow') {
    await updateEndpointConfig(ctx, inFlight.shadowConfig as string, { purpose: 'the shadow config', forceWait: true })
    rehearsal.schedule.push(
      `Update the endpoint to ${inFlight.shadowConfig}: ${inFlight.newVariant} joins as the shadow of ${serving}, a new fleet of ${move.fleet} instances, about ${formatDuration(fleetMs)}.`
    )
    rehearsal.durationMs += fleetMs
    rehearsal.instanceMs += move.fleet * fleetMs
  } else {
    const step = judgedStep(
      { ...settings, gates: shadowGates(settings.gates) },
      inFlight.source,
      `Shadow phase: ${move.percent}% of ${serving}'s requests copied to ${inFlight.newVariant}, its answers going nowhere,`
    )
    const answers = move.capture
      ? " Then its captured answers are compared with the serving variant's to the same InferenceId (max-disagreement)."
      : ''
    rehearsal.canaryMs += step.durationMs
    rehearsal.schedule.push(`${step.text}${answers} ${stepEndingText(settings, true)}`)
  }
}

async function rehearseRelease(
  ctx: OperationContext,
  inFlight: InFlight,
  move: Extract<Move, { kind: 'switch-to-release' }>,
  scene: { endpoint: Endpoint; current: EndpointConfig }
): Promise<void> {
  await releaseServingCapacity(ctx, inFlight.held)
  await createEndpointConfig(
    ctx,
    inFlight.releaseConfig,
    [{ ...move.planned, InitialVariantWeight: 1 }],
    { role: 'release', previousConfig: inFlight.previousConfig },
    inFlight.userTags,
    move.configSettings
  )
  await withScalingMoved(
    ctx,
    { endpoint: scene.endpoint, current: scene.current, target: [move.planned], targetName: inFlight.releaseConfig },
    () => updateEndpointConfig(ctx, inFlight.releaseConfig, { purpose: 'the promotion', forceWait: true })
  )
  await recordConfigDeletion(ctx, inFlight.canaryConfig)
}

/** In a deploy's dry run the rollout's configs were never made, so this records a delete without looking for it. */
async function recordConfigDeletion(ctx: OperationContext, configName: string): Promise<void> {
  const input = { EndpointConfigName: configName }
  await ctx.change('DeleteEndpointConfig', `endpoint config "${configName}"`, input, () =>
    ctx.clients.sagemaker.send(new DeleteEndpointConfigCommand(input))
  )
}

function pauseJudgedText(settings: RolloutSettings, source: MetricsSource, weight: number): string {
  const waiting = needsTraffic(settings.gates)
    ? `until CloudWatch has published the ${periodWords(source)} this run began in (typically ${formatDuration(typicalDataWaitMs(source))}, at most max-data-delay ${formatDuration(settings.maxDataDelayMs)} past it)`
    : 'at once'
  return `Judge the pause at ${weight}%: the gates over the whole pause, ${waiting}; a failure ${settings.autoRollback ? 'rolls back' : 'stops the rollout'} before any traffic moves.`
}

function stepEndingText(settings: RolloutSettings, shadow = false): string {
  const consequence = settings.autoRollback ? 'roll' : 'stop'
  const failing =
    settings.failureThreshold === 1
      ? `A failed evaluation ${consequence === 'roll' ? 'rolls back' : 'stops the rollout'}`
      : `${settings.failureThreshold} failed evaluations without a pass between them ${consequence === 'roll' ? 'roll back' : 'stop the rollout'}`
  // A shadow phase has no pause to rest in (executor.ts): undecided, it ends as a failure does.
  if (shadow) return `${failing}; so does a shadow phase the gates cannot judge.`
  return `${failing}; a step the gates cannot judge ${settings.onInconclusive === 'pause' ? 'pauses' : 'rolls back'}.`
}

/**
 * A deploy that replaces the model all at once (or creates the endpoint) as a
 * plan: the one fleet update, then the gates judging the new variant alone.
 */
export function planAllAtOnce(
  ctx: OperationContext,
  settings: RolloutSettings,
  deploy: { variant: string; releaseConfig: string; fleet: number; previousConfig?: string; source: MetricsSource }
): void {
  const fleetMs = ctx.expectedFleetChangeMs ?? TYPICAL_MS.fleet
  const gates = describeGates(settings.gates, deploy.source)
  const schedule = [
    deploy.previousConfig
      ? `Update the endpoint to ${deploy.releaseConfig}: ${deploy.variant} alone, a new fleet of ${counted(deploy.fleet, 'instance')} beside the serving one until it is healthy, about ${formatDuration(fleetMs)} (SageMaker returns to ${deploy.previousConfig} by itself if it never is).`
      : `Create the endpoint on ${deploy.releaseConfig}: ${deploy.variant} on ${counted(deploy.fleet, 'instance')}, about ${formatDuration(fleetMs)}.`
  ]
  let durationMs = fleetMs
  if (gates.length > 0) {
    const step = judgedStep(settings, deploy.source, `Then ${deploy.variant} takes all traffic`)
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
  deployment: { description: string; newFleetInstances: number; batches: number; source: MetricsSource }
): void {
  const fleetMs = ctx.expectedFleetChangeMs ?? TYPICAL_MS.fleet
  const durationMs = leastTimeoutMs(settings, deployment.batches, fleetMs)
  const provisioning =
    deployment.batches > 1
      ? `${deployment.batches} batches, each provisioned (about ${formatDuration(fleetMs)}) and baked`
      : `the new fleet provisioned (about ${formatDuration(fleetMs)}), then every bake`
  recordPlan(ctx, {
    schedule: [`${deployment.description} About ${formatDuration(durationMs)}: ${provisioning}.`],
    gates: describeGates(settings.gates, deployment.source),
    durationMs,
    instanceMs: deployment.newFleetInstances * durationMs
  })
}

/** One judged step in words, and how long it typically lasts: its bake, then the wait for its periods. */
function judgedStep(
  settings: RolloutSettings,
  source: MetricsSource,
  what: string
): { text: string; durationMs: number } {
  const evaluations = Math.max(1, Math.ceil(settings.bakeTimeMs / settings.gateIntervalMs))
  return {
    durationMs: settings.bakeTimeMs + dataWaitMs(settings, source),
    text: `${what} for ${formatDuration(settings.bakeTimeMs)}, ${
      hasGates(settings.gates)
        ? `gates judged every ${formatDuration(settings.gateIntervalMs)} (${evaluations} evaluations)`
        : 'no gates: it only waits'
    }${
      needsTraffic(settings.gates)
        ? `, then until CloudWatch has published the step's ${periodWords(source)}s (typically ${formatDuration(typicalDataWaitMs(source))} more, at most max-data-delay ${formatDuration(settings.maxDataDelayMs)} past the last one's close)`
        : ''
    }.`
  }
}

/**
 * What waiting for CloudWatch typically adds past a bake, when the gates need its periods: the last one
 * closing, then publication, which max-data-delay bounds past the close.
 */
function dataWaitMs(settings: RolloutSettings, source: MetricsSource): number {
  if (!needsTraffic(settings.gates)) return 0
  return periodMsOf(source) + Math.min(TYPICAL_PUBLICATION_DELAY_MS, settings.maxDataDelayMs)
}

export function recordPlan(
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
