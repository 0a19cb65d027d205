/**
 * rollout-controller: sagemaker. The same inputs, mapped onto UpdateEndpoint's
 * DeploymentConfig: SageMaker carries out the blue/green shift (or the rolling
 * update) and rolls back on the alarms it is given; the action judges the new
 * fleet all through it (native-judge.ts), and its verdict is one of those
 * alarms (verdict-alarm.ts). The inputs were checked against SageMaker's
 * limits by the input parser.
 */
import * as core from '@actions/core'
import type { DeploymentConfig, ProductionVariant } from '@aws-sdk/client-sagemaker'
import type { OperationContext } from '../context.js'
import { metricsSourceOf } from '../invocation-metrics.js'
import { formatDuration } from '../parse.js'
import { findEndpoint, type Endpoint, type EndpointConfig } from '../endpoint.js'
import type { RolloutRecord, RolloutStepRecord } from '../report.js'
import type { DeploySettings, RolloutSettings } from '../settings.js'
import { updateEndpointConfig } from '../update.js'
import { EndpointStateError } from '../wait.js'
import { createEndpointConfig, fleetSize, type EndpointConfigSettings } from '../resources.js'
import { baselineBefore } from './all-at-once.js'
import { switchBack } from './executor.js'
import { hasGates } from './gates.js'
import { DeploymentJudge, type FleetVerdict } from './native-judge.js'
import { blueGreenBakes, finalBakeGuardMs, finalBakeMs } from './native-limits.js'
import { planSageMakerDeployment } from './plan.js'
import { startRolloutRecord } from './record.js'
import type { RolloutResult } from './result.js'
import { withScalingMoved } from './scaling.js'
import { nativeDeployment } from './state.js'
import { createVerdictAlarm, deleteVerdictAlarm, leaveToSageMaker } from './verdict-alarm.js'
import { NO_GATES_WARNING } from './words.js'

/**
 * The DeploymentConfig for UpdateEndpoint: blue/green with canary, linear or
 * all-at-once traffic routing, or a rolling update; the final bake at full
 * traffic (TerminationWaitInSeconds) keeps the old fleet for an instant
 * rollback as long as any step's bake.
 */
export function deploymentConfigFor(settings: RolloutSettings, timeoutMs: number, alarms: string[]): DeploymentConfig {
  const waitIntervalInSeconds = Math.round(settings.bakeTimeMs / 1000)
  const maximumExecutionTimeoutInSeconds = Math.round(timeoutMs / 1000)
  const first = settings.trafficSteps[0] ?? 100
  const config: DeploymentConfig = {}
  if (settings.strategy === 'rolling') {
    config.RollingUpdatePolicy = {
      MaximumBatchSize: {
        Type: settings.batchSize?.type ?? 'CAPACITY_PERCENT',
        Value: settings.batchSize?.value ?? 25
      },
      WaitIntervalInSeconds: waitIntervalInSeconds,
      MaximumExecutionTimeoutInSeconds: maximumExecutionTimeoutInSeconds,
      ...(settings.rollbackBatchSize
        ? {
            RollbackMaximumBatchSize: { Type: settings.rollbackBatchSize.type, Value: settings.rollbackBatchSize.value }
          }
        : {})
    }
  } else {
    config.BlueGreenUpdatePolicy = {
      TrafficRoutingConfiguration:
        settings.strategy === 'canary'
          ? {
              Type: 'CANARY',
              WaitIntervalInSeconds: waitIntervalInSeconds,
              CanarySize: { Type: 'CAPACITY_PERCENT', Value: first }
            }
          : settings.strategy === 'linear'
            ? {
                Type: 'LINEAR',
                WaitIntervalInSeconds: waitIntervalInSeconds,
                LinearStepSize: { Type: 'CAPACITY_PERCENT', Value: first }
              }
            : { Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: waitIntervalInSeconds },
      // Longer than the bakes by what a dead runner's silence takes to reach SageMaker (finalBakeGuardMs).
      TerminationWaitInSeconds: Math.ceil(finalBakeMs(settings) / 1000),
      MaximumExecutionTimeoutInSeconds: maximumExecutionTimeoutInSeconds
    }
  }
  if (alarms.length > 0) config.AutoRollbackConfiguration = { Alarms: alarms.map((AlarmName) => ({ AlarmName })) }
  return config
}

export interface SageMakerDeployment {
  endpoint: Endpoint
  currentConfig: EndpointConfig
  variant: ProductionVariant
  releaseConfig: string
  configSettings: EndpointConfigSettings
}

/**
 * SageMaker carries the deployment out; the action judges the new fleet all
 * through it and hands its verdict to SageMaker through the verdict alarm,
 * beside alarm-names. The deployment ends succeeded only when the action
 * judged the new fleet healthy on evidence.
 */
export async function runSageMakerRollout(
  ctx: OperationContext,
  deploy: DeploySettings,
  deployment: SageMakerDeployment
): Promise<RolloutResult> {
  // The model exists already: deploy created it (or found it) before choosing the controller.
  const settings = deploy.rollout
  const { variant, releaseConfig } = deployment
  const variantName = variant.VariantName ?? ''
  const previousConfig = deployment.currentConfig.EndpointConfigName ?? ''
  if (!hasGates(settings.gates)) ctx.warn(NO_GATES_WARNING)
  const record = startRolloutRecord(ctx, settings, {
    newVariant: variantName,
    previousConfig,
    source: metricsSourceOf(deployment.configSettings)
  })
  await createEndpointConfig(
    ctx,
    releaseConfig,
    [variant],
    { role: 'release', previousConfig },
    deploy.tags,
    deployment.configSettings
  )
  const verdictTarget = { newConfig: releaseConfig, gateIntervalMs: settings.gateIntervalMs }
  // Without auto-rollback SageMaker is not told to roll back on the verdict; the action still judges and reports.
  const verdictAlarm = settings.autoRollback ? await createVerdictAlarm(ctx, verdictTarget) : undefined
  const alarms = [...settings.gates.alarmNames, ...(verdictAlarm ? [verdictAlarm] : [])]
  const deploymentConfig = deploymentConfigFor(settings, ctx.settings.timeoutMs, alarms)
  record.plan = describePlan(settings, alarms)
  core.info(`SageMaker runs the rollout, judged by the action: ${JSON.stringify(deploymentConfig)}`)
  if (!ctx.dryRun) {
    nativeDeployment.save({
      endpointName: ctx.endpointName,
      region: ctx.settings.region,
      alarms: verdictAlarm ? [verdictAlarm] : []
    })
  }
  let ended = true
  try {
    return await deployAndJudge(ctx, settings, deployment, { deploymentConfig, record })
  } catch (error) {
    // Still running when the run stopped watching: SageMaker needs the alarm until it is done; the post step deletes it.
    const alarm = verdictAlarm ? { name: verdictAlarm, target: verdictTarget } : undefined
    if (await leaveToSageMaker(ctx, error, alarm, () => deploymentGoesOn(ctx, releaseConfig))) ended = false
    throw error
  } finally {
    if (ended) {
      if (verdictAlarm) await deleteVerdictAlarm(ctx, verdictAlarm)
      nativeDeployment.clear()
    }
  }
}

/**
 * Whether SageMaker's deployment to `releaseConfig` goes on: the endpoint updating to it, or rolling back from it.
 * An update the run never got to send, or the action's own after SageMaker completed, is not it.
 */
async function deploymentGoesOn(ctx: OperationContext, releaseConfig: string): Promise<boolean> {
  const endpoint = await findEndpoint(ctx)
  if (endpoint?.EndpointStatus === 'RollingBack') return true
  const updating = endpoint?.EndpointStatus === 'Updating'
  return updating && endpoint?.PendingDeploymentSummary?.EndpointConfigName === releaseConfig
}

async function deployAndJudge(
  ctx: OperationContext,
  settings: RolloutSettings,
  deployment: SageMakerDeployment,
  sent: { deploymentConfig: DeploymentConfig; record: RolloutRecord }
): Promise<RolloutResult> {
  const { variant, releaseConfig, currentConfig, endpoint } = deployment
  const previousConfig = currentConfig.EndpointConfigName ?? ''
  // Blue/green provisions the whole new fleet beside the old; rolling, a batch at a time.
  const fleet = fleetSize([variant])
  const newFleetInstances =
    settings.strategy === 'rolling' ? Math.min(fleet, rollingBatchInstances(settings, fleet)) : fleet
  const batches = Math.ceil(fleet / Math.max(1, newFleetInstances))
  const step: RolloutStepRecord = {
    weight: settings.strategy === 'all-at-once' ? 100 : (settings.trafficSteps[0] ?? 100),
    startedAt: ctx.clock.now(),
    evaluations: [],
    verdict: 'in-progress'
  }
  if (!ctx.dryRun) sent.record.steps.push(step)
  const source = metricsSourceOf(deployment.configSettings)
  // All at once, the old fleet serves nothing once SageMaker shifts: its periods before the deploy are the baseline.
  const earlierBaseline =
    settings.strategy === 'all-at-once'
      ? await baselineBefore(
          ctx,
          { baselineVariants: [variant.VariantName ?? ''], deployStartedAt: step.startedAt, source },
          settings
        )
      : undefined
  const judge = new DeploymentJudge(
    ctx,
    settings,
    {
      variant: variant.VariantName ?? '',
      newConfig: releaseConfig,
      oldConfig: previousConfig,
      ...(earlierBaseline ? { earlierBaseline } : {}),
      source,
      ...(settings.strategy === 'rolling'
        ? { bakesMs: settings.bakeTimeMs, rollingBatches: batches }
        : { bakesMs: bakesAfterTrafficMs(settings) })
    },
    step
  )
  let updated: Endpoint | undefined
  try {
    ;({ result: updated } = await withScalingMoved(
      ctx,
      { endpoint, current: currentConfig, target: [variant], targetName: releaseConfig },
      () =>
        updateEndpointConfig(ctx, releaseConfig, {
          newFleetInstances,
          purpose: `SageMaker's ${settings.strategy} blue/green deployment to "${releaseConfig}"`,
          deploymentConfig: sent.deploymentConfig,
          forceWait: true,
          // SageMaker starts its own rollback when MaximumExecutionTimeout runs out: keep watching through it.
          waitTimeoutMs: ctx.settings.timeoutMs * 2,
          whileWaiting: judge.onPoll
        })
    ))
  } catch (error) {
    const landed = error instanceof EndpointStateError ? error.endpoint : undefined
    if (!landed) throw error
    return endedBySageMaker(landed, previousConfig, settings, await judge.conclude(), step, ctx)
  }
  if (!updated) {
    if (ctx.dryRun) {
      planSageMakerDeployment(ctx, settings, {
        description: sent.record.plan ?? '',
        newFleetInstances,
        batches,
        source: metricsSourceOf(deployment.configSettings)
      })
    }
    return { outcome: 'succeeded', decision: `Planned SageMaker's ${settings.strategy} deployment.`, failsStep: false }
  }
  await judge.judgeToTheEnd(ctx.clock.now())
  return completedBySageMaker(ctx, settings, deployment, await judge.conclude(), step)
}

/** SageMaker ended the deployment on the old config (rolled back) or could not. */
function endedBySageMaker(
  landed: Endpoint,
  previousConfig: string,
  settings: RolloutSettings,
  judged: FleetVerdict,
  step: RolloutStepRecord,
  ctx: OperationContext
): RolloutResult {
  closeStep(ctx, step, judged)
  const onVerdict = judged.toldSageMaker && judged.reason ? ` on the action's verdict: ${judged.reason}` : ''
  const failure = landed.FailureReason ? withoutFullStop(landed.FailureReason) : undefined
  const reason = failure ? (onVerdict ? ` (${failure})` : `: ${failure}`) : ''
  if (landed.EndpointStatus === 'InService' && landed.EndpointConfigName === previousConfig) {
    return {
      outcome: 'rolled-back',
      decision: `SageMaker rolled the deployment back to "${previousConfig}"${onVerdict}${reason}.`,
      healthy: false,
      failsStep: settings.failOnRollback
    }
  }
  return {
    outcome: 'failed',
    decision:
      landed.EndpointStatus === 'UpdateRollbackFailed'
        ? `SageMaker could not roll the deployment back (UpdateRollbackFailed)${reason}. The endpoint needs attention: update it to "${previousConfig}" once it can take updates.`
        : `The deployment ended ${landed.EndpointStatus ?? 'in an unknown state'} on "${landed.EndpointConfigName ?? ''}"${reason}.`,
    healthy: false,
    failsStep: true
  }
}

/**
 * SageMaker completed the deployment. Only a fleet the action judged healthy
 * on evidence is a success; otherwise the verdict came too late for
 * SageMaker, and the action returns the endpoint to the previous config itself.
 */
async function completedBySageMaker(
  ctx: OperationContext,
  settings: RolloutSettings,
  deployment: SageMakerDeployment,
  judged: FleetVerdict,
  step: RolloutStepRecord
): Promise<RolloutResult> {
  closeStep(ctx, step, judged)
  const variantName = deployment.variant.VariantName ?? ''
  if (judged.verdict === 'passed') {
    return {
      outcome: 'succeeded',
      decision: `SageMaker completed the ${settings.strategy} deployment and the action judged the new fleet healthy; ${variantName} serves all traffic on "${deployment.releaseConfig}".`,
      healthy: true,
      failsStep: false
    }
  }
  const previousConfig = deployment.currentConfig.EndpointConfigName ?? ''
  const failure =
    judged.verdict === 'failed'
      ? (judged.reason ?? 'the gates failed')
      : `the gates could not judge it: ${judged.reason}`
  if (!settings.autoRollback) {
    return {
      outcome: 'failed',
      decision: `SageMaker completed the deployment, but ${failure}. auto-rollback is off, so it was left in place; run operation: rollback to return to "${previousConfig}".`,
      healthy: false,
      failsStep: true
    }
  }
  ctx.warn(`SageMaker completed the deployment, but ${failure}: returning to "${previousConfig}".`)
  await switchBack(ctx, previousConfig)
  return {
    outcome: 'rolled-back',
    decision: `Rolled back: SageMaker completed the deployment, but ${failure}. The endpoint is back on "${previousConfig}".`,
    healthy: false,
    failsStep: settings.failOnRollback
  }
}

function closeStep(ctx: OperationContext, step: RolloutStepRecord, judged: FleetVerdict): void {
  step.endedAt = ctx.clock.now()
  step.verdict = judged.verdict
  if (judged.reason) step.reason = judged.reason
}

/**
 * How long a blue/green deployment bakes from the moment the new fleet first takes traffic, on the fewest bakes AWS's
 * pages allow (blueGreenBakes): the action must have decided by then.
 */
export function bakesAfterTrafficMs(settings: RolloutSettings): number {
  return blueGreenBakes(settings).fewest * settings.bakeTimeMs + finalBakeGuardMs(settings)
}

function withoutFullStop(text: string): string {
  return text.trim().replace(/\.+$/, '')
}

/** The deployment SageMaker was asked for, in words, for the summary. */
export function describePlan(settings: RolloutSettings, alarms: string[]): string {
  const wait = formatDuration(settings.bakeTimeMs)
  // The final bake is longer by the time a dead runner's silence takes to reach SageMaker.
  const final = formatDuration(finalBakeMs(settings))
  const first = settings.trafficSteps[0] ?? 100
  const batch = settings.batchSize
  const shift =
    settings.strategy === 'canary'
      ? `Asked SageMaker to send ${first}% of capacity to the new fleet, wait ${wait}, then move the rest and keep the old fleet ${final} more`
      : settings.strategy === 'linear'
        ? `Asked SageMaker to move traffic to the new fleet ${first}% of capacity at a time, ${wait} apart, and keep the old fleet ${final} after the last step`
        : settings.strategy === 'rolling'
          ? `Asked SageMaker to replace the fleet in batches of ${batch?.type === 'INSTANCE_COUNT' ? `${batch.value} instances` : `${batch?.value ?? 25}% of its capacity`}, ${wait} apart, without a second fleet`
          : `Asked SageMaker to move all traffic to the new fleet at once and keep the old fleet ${final} more`
  const guard =
    alarms.length > 0 ? `, rolling back if ${alarms.join(', ')} goes into ALARM.` : ', with no alarms to roll back on.'
  return shift + guard
}

/** The instances one rolling batch replaces. */
function rollingBatchInstances(settings: RolloutSettings, fleet: number): number {
  const batch = settings.batchSize
  if (!batch) return Math.max(1, Math.floor(fleet / 4))
  return batch.type === 'INSTANCE_COUNT' ? batch.value : Math.max(1, Math.floor((batch.value / 100) * fleet))
}
