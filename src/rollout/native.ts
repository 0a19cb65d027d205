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
import { EndpointStateError } from '../wait.js'
import { createEndpointConfig, type EndpointConfigSettings } from '../resources.js'
import { startRolloutRecord } from './engine.js'
import type { RolloutResult } from './result.js'
import { withScalingMoved } from './scaling.js'

export function deploymentConfigFor(settings: RolloutSettings, timeoutMs: number): DeploymentConfig {
  const waitIntervalInSeconds = Math.round(settings.bakeTimeMs / 1000)
  const first = settings.trafficSteps[0] ?? 100
  const routing: DeploymentConfig['BlueGreenUpdatePolicy'] extends infer P
    ? P extends { TrafficRoutingConfiguration?: infer T }
      ? NonNullable<T>
      : never
    : never =
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
        : { Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: waitIntervalInSeconds }
  const config: DeploymentConfig = {
    BlueGreenUpdatePolicy: {
      TrafficRoutingConfiguration: routing,
      MaximumExecutionTimeoutInSeconds: Math.round(timeoutMs / 1000)
    }
  }
  if (settings.gates.alarmNames.length > 0) {
    config.AutoRollbackConfiguration = { Alarms: settings.gates.alarmNames.map((AlarmName) => ({ AlarmName })) }
  }
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
  if (settings.gates.alarmNames.length === 0) {
    core.warning(
      'rollout-controller: sagemaker with no alarm-names: SageMaker has nothing to judge the new fleet by and will not roll back on its own.'
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
  const deploymentConfig = deploymentConfigFor(settings, ctx.settings.timeoutMs)
  record.plan = describePlan(settings)
  core.info(`SageMaker runs the rollout: ${JSON.stringify(deploymentConfig)}`)
  try {
    const { result: updated } = await withScalingMoved(
      ctx,
      { endpoint, current: currentConfig, target: [variant], targetName: releaseConfig },
      () =>
        updateEndpointConfig(ctx, releaseConfig, {
          purpose: `SageMaker's ${settings.strategy} blue/green deployment to "${releaseConfig}"`,
          deploymentConfig,
          forceWait: true,
          // SageMaker starts its own rollback when MaximumExecutionTimeout runs out: keep watching through it.
          waitTimeoutMs: ctx.settings.timeoutMs * 2
        })
    )
    if (!updated) {
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
  }
}

function withoutFullStop(text: string): string {
  return text.trim().replace(/\.+$/, '')
}

/** The deployment SageMaker was asked for, in words, for the summary. */
export function describePlan(settings: RolloutSettings): string {
  const wait = formatDuration(settings.bakeTimeMs)
  const first = settings.trafficSteps[0] ?? 100
  const shift =
    settings.strategy === 'canary'
      ? `Asked SageMaker to send ${first}% of capacity to the new fleet, wait ${wait}, then move the rest`
      : settings.strategy === 'linear'
        ? `Asked SageMaker to move traffic to the new fleet ${first}% of capacity at a time, ${wait} apart`
        : `Asked SageMaker to move all traffic to the new fleet at once and watch it for ${wait}`
  const guard =
    settings.gates.alarmNames.length > 0
      ? `, rolling back if ${settings.gates.alarmNames.join(', ')} goes into ALARM.`
      : ', with no alarms to roll back on.'
  return shift + guard
}
