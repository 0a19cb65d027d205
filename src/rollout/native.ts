/**
 * rollout-controller: sagemaker. The same inputs, mapped onto UpdateEndpoint's
 * DeploymentConfig: SageMaker runs the blue/green shift and judges it by the
 * alarms; the action starts it, watches it to the end and reports what happened.
 * The inputs were checked against SageMaker's limits by the input parser.
 */
import * as core from '@actions/core'
import type { DeploymentConfig, ProductionVariant } from '@aws-sdk/client-sagemaker'
import type { OperationContext } from '../context.js'
import { formatDuration } from '../parse.js'
import type { Endpoint, EndpointConfig } from '../endpoint.js'
import type { DeploySettings, RolloutSettings } from '../settings.js'
import { updateEndpointConfig } from '../update.js'
import { EndpointStateError, WaitTimeoutError } from '../wait.js'
import { createEndpointConfig, fleetSize, type EndpointConfigSettings } from '../resources.js'
import { startRolloutRecord } from './record.js'
import { createGateAlarms, deleteGateAlarms } from './native-alarms.js'
import { generatedAlarmCount } from './native-limits.js'
import { planSageMakerDeployment } from './plan.js'
import { nativeDeployment } from './state.js'
import type { RolloutResult } from './result.js'
import { withScalingMoved } from './scaling.js'

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
      TerminationWaitInSeconds: waitIntervalInSeconds,
      MaximumExecutionTimeoutInSeconds: maximumExecutionTimeoutInSeconds
    }
  }
  if (alarms.length > 0) config.AutoRollbackConfiguration = { Alarms: alarms.map((AlarmName) => ({ AlarmName })) }
  return config
}

export async function runSageMakerRollout(
  ctx: OperationContext,
  deploy: DeploySettings,
  endpoint: Endpoint,
  currentConfig: EndpointConfig,
  variant: ProductionVariant,
  releaseConfig: string,
  configSettings: EndpointConfigSettings
): Promise<RolloutResult> {
  // The model exists already: deploy created it (or found it) before choosing the controller.
  const settings = deploy.rollout
  const variantName = variant.VariantName ?? ''
  const previousConfig = currentConfig.EndpointConfigName ?? ''
  if (settings.gates.alarmNames.length === 0 && generatedAlarmCount(settings.gates) === 0) {
    ctx.warn(
      'rollout-controller: sagemaker with no alarm-names, max-error-rate or max-latency-p99: SageMaker has nothing to judge the new fleet by and will not roll back on its own.'
    )
  }
  const record = startRolloutRecord(ctx, settings, { newVariant: variantName, previousConfig })

  await createEndpointConfig(
    ctx,
    releaseConfig,
    [variant],
    { role: 'release', previousConfig },
    deploy.tags,
    configSettings
  )
  // The gates SageMaker cannot judge itself become alarms on the new fleet, for this deployment only.
  const generated = await createGateAlarms(ctx, { variantName, newConfig: releaseConfig }, settings.gates)
  const alarms = [...settings.gates.alarmNames, ...generated]
  const deploymentConfig = deploymentConfigFor(settings, ctx.settings.timeoutMs, alarms)
  record.plan = describePlan(settings, alarms)
  core.info(`SageMaker runs the rollout: ${JSON.stringify(deploymentConfig)}`)
  if (!ctx.dryRun)
    nativeDeployment.save({ endpointName: ctx.endpointName, region: ctx.settings.region, alarms: generated })
  // Blue/green provisions the whole new fleet beside the old; rolling, a batch at a time.
  const fleet = fleetSize([variant])
  const newFleetInstances =
    settings.strategy === 'rolling' ? Math.min(fleet, rollingBatchInstances(settings, fleet)) : fleet
  let ended = true
  try {
    const { result: updated } = await withScalingMoved(
      ctx,
      { endpoint, current: currentConfig, target: [variant], targetName: releaseConfig },
      () =>
        updateEndpointConfig(ctx, releaseConfig, {
          newFleetInstances,
          purpose: `SageMaker's ${settings.strategy} blue/green deployment to "${releaseConfig}"`,
          deploymentConfig,
          forceWait: true,
          // SageMaker starts its own rollback when MaximumExecutionTimeout runs out: keep watching through it.
          waitTimeoutMs: ctx.settings.timeoutMs * 2
        })
    )
    if (!updated) {
      if (ctx.dryRun) {
        planSageMakerDeployment(ctx, settings, {
          description: record.plan,
          newFleetInstances,
          batches: Math.ceil(fleet / Math.max(1, newFleetInstances))
        })
      }
      return {
        outcome: 'succeeded',
        decision: `Planned SageMaker's ${settings.strategy} deployment.`,
        failsStep: false
      }
    }
    return {
      outcome: 'succeeded',
      decision: `SageMaker completed the ${settings.strategy} deployment; ${variantName} serves all traffic on "${releaseConfig}".`,
      healthy: true,
      failsStep: false
    }
  } catch (error) {
    // Still running when the wait gave up: SageMaker needs the alarms until it is done; the post step deletes them.
    if (error instanceof WaitTimeoutError) ended = false
    const landed = error instanceof EndpointStateError ? error.endpoint : undefined
    if (!landed) throw error
    if (landed.EndpointStatus === 'InService' && landed.EndpointConfigName === previousConfig) {
      return {
        outcome: 'rolled-back',
        decision: `SageMaker rolled the deployment back to "${previousConfig}"${landed.FailureReason ? `: ${withoutFullStop(landed.FailureReason)}` : ''}.`,
        healthy: false,
        failsStep: settings.failOnRollback
      }
    }
    return {
      outcome: 'failed',
      decision:
        landed.EndpointStatus === 'UpdateRollbackFailed'
          ? `SageMaker could not roll the deployment back (UpdateRollbackFailed)${landed.FailureReason ? `: ${withoutFullStop(landed.FailureReason)}` : ''}. The endpoint needs attention: update it to "${previousConfig}" once it can take updates.`
          : (error as Error).message,
      healthy: false,
      failsStep: true
    }
  } finally {
    if (ended) {
      await deleteGateAlarms(ctx, generated)
      nativeDeployment.clear()
    }
  }
}

function withoutFullStop(text: string): string {
  return text.trim().replace(/\.+$/, '')
}

/** The deployment SageMaker was asked for, in words, for the summary. */
export function describePlan(settings: RolloutSettings, alarms: string[]): string {
  const wait = formatDuration(settings.bakeTimeMs)
  const first = settings.trafficSteps[0] ?? 100
  const batch = settings.batchSize
  const shift =
    settings.strategy === 'canary'
      ? `Asked SageMaker to send ${first}% of capacity to the new fleet, wait ${wait}, then move the rest and keep the old fleet ${wait} more`
      : settings.strategy === 'linear'
        ? `Asked SageMaker to move traffic to the new fleet ${first}% of capacity at a time, ${wait} apart, and keep the old fleet ${wait} after the last step`
        : settings.strategy === 'rolling'
          ? `Asked SageMaker to replace the fleet in batches of ${batch?.type === 'INSTANCE_COUNT' ? `${batch.value} instances` : `${batch?.value ?? 25}% of its capacity`}, ${wait} apart, without a second fleet`
          : `Asked SageMaker to move all traffic to the new fleet at once and keep the old fleet ${wait} more`
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
