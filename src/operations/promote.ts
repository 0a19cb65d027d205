/**
 * promote: finish a paused rollout. Continues from where the endpoint is now:
 * the steps of traffic-steps above the new variant's current share, then the
 * old variants are retired.
 */
import type { OperationContext } from '../context.js'
import { getEndpointConfig, weightPercentages, type Endpoint, type EndpointConfig } from '../endpoint.js'
import { metricsSourceOf } from '../invocation-metrics.js'
import { refuseProbesOnAsynchronous } from '../probes.js'
import { refuseMismatchedTargetModel } from '../probe-targets.js'
import { configTags } from '../lineage.js'
import { derivedName, uniqueSuffix } from '../naming.js'
import { TAGS } from '../tags.js'
import { carryOut } from '../rollout/executor.js'
import { hasGates } from '../rollout/gates.js'
import { releaseVariant, servingShares, stableVariantOf, type InFlight } from '../rollout/in-flight.js'
import { promoteMoves } from '../rollout/moves.js'
import { startRolloutRecord } from '../rollout/record.js'
import { concludeRollout } from '../rollout/result.js'
import { describeAlarmStates, refuseAlarmsOnUnpublishedMetrics } from '../alarms.js'
import type { RolloutSettings } from '../settings.js'
import { carriedConfigSettings } from '../serving.js'
import { refuseShadowTestsOnEndpoint } from '../shadow-tests.js'
import { requireUpdatable } from '../wait.js'

export async function runPromote(ctx: OperationContext, settings: RolloutSettings): Promise<void> {
  if (settings.controller === 'sagemaker') {
    throw new Error(
      'Input "rollout-controller": promote continues a rollout run by the action; SageMaker-run deployments never pause.'
    )
  }
  const alarms = await describeAlarmStates(ctx, settings.gates.alarmNames)
  const endpoint = await requireUpdatable(ctx)
  const configName = endpoint.EndpointConfigName ?? ''
  const canaryConfig = await getEndpointConfig(ctx, configName)
  refuseAlarmsOnUnpublishedMetrics(ctx.endpointName, canaryConfig, alarms)
  if (settings.gates.probe) {
    refuseProbesOnAsynchronous(
      ctx.endpointName,
      canaryConfig,
      'Judge the pause on its metrics instead: alarm-names, max-error-rate, max-latency-p99.'
    )
  }
  const tags = await configTags(ctx, canaryConfig)
  const newVariant = tags[TAGS.newVariant]
  const previousConfig = tags[TAGS.previousConfig]
  if (tags[TAGS.role] !== 'canary' || !newVariant || !previousConfig) {
    throw new Error(
      `Endpoint "${ctx.endpointName}" has no paused rollout to promote: its config "${configName}" was not created for a canary by this action.`
    )
  }
  const pausedAt = Date.parse(tags[TAGS.pausedAt] ?? '')
  if (!Number.isFinite(pausedAt)) {
    // A canary that stopped without pausing failed its gates (auto-rollback off) or lost its run: not one to take on.
    throw new Error(
      `Endpoint "${ctx.endpointName}" is on canary config "${configName}", which records no pause (${TAGS.pausedAt}): its rollout stopped without pausing (it failed its gates with auto-rollback off, or its run was cancelled or died), or its pause could not be recorded, as that run warned. There is no pause to promote; nothing was changed. Run operation: rollback to return to "${previousConfig}", then deploy again.`
    )
  }
  // A multi-model canary answers a probe only for a TargetModel: refused now, not found out by a rollback.
  if (settings.gates.probe) {
    await refuseMismatchedTargetModel(ctx, canaryConfig, newVariant, settings.gates.probe.targetModel)
  }
  // A shadow test scheduled while the canary paused would undo the release as it would a deploy's.
  await refuseShadowTestsOnEndpoint(ctx, 'promote')
  const inFlight = pausedRollout(ctx, endpoint, canaryConfig, { newVariant, previousConfig, tags })
  const current = weightPercentages(endpoint.ProductionVariants ?? [])[newVariant] ?? 0
  const remaining = settings.trafficSteps.filter((step) => step > current)
  const steps = remaining.length > 0 ? remaining : [100]
  ctx.note(`Promoting ${newVariant} from ${current}%: ${steps.map((step) => `${step}%`).join(' → ')}.`)
  const record = startRolloutRecord(ctx, settings, inFlight)
  // strategy is a deploy input (all-at-once unless given): the summary must not call a promoted canary that.
  record.strategy = 'promote'
  // The pause is judged from when it began, as recorded on the canary config.
  const since = pausedAt
  // Scale-in ran again while paused: what a rollback owes them is what they served with before the canary.
  const owed = Object.fromEntries(
    (canaryConfig.ProductionVariants ?? []).map((variant) => [
      variant.VariantName ?? '',
      variant.InitialInstanceCount ?? 0
    ])
  )
  const moves = promoteMoves({
    judgePause: hasGates(settings.gates),
    steps,
    pause: { since, weight: current },
    release: releaseVariant(endpoint, canaryConfig, inFlight),
    configSettings: carriedConfigSettings(canaryConfig),
    owed
  })
  const result = await carryOut(ctx, settings, inFlight, moves, { endpoint, current: canaryConfig })
  if (!result) return
  // The deploy that paused made the new model, unless it deployed one as it was; a rolled-back promotion leaves it unused.
  const model = canaryConfig.ProductionVariants?.find((variant) => variant.VariantName === newVariant)?.ModelName
  const made = model && tags[TAGS.modelAsIs] !== 'true'
  await concludeRollout(ctx, result, { models: made ? [model] : [], configs: [] })
}

/**
 * The paused rollout as its canary config and the endpoint tell it: the old
 * variants' shares now, and the stable name the release gives the new
 * variant, read from the canary config as the deploy that paused chose it.
 */
function pausedRollout(
  ctx: OperationContext,
  endpoint: Endpoint,
  canaryConfig: EndpointConfig,
  found: { newVariant: string; previousConfig: string; tags: Record<string, string> }
): InFlight {
  const { newVariant, tags } = found
  return {
    previousConfig: found.previousConfig,
    canaryConfig: canaryConfig.EndpointConfigName ?? '',
    newVariant,
    stableVariant: stableVariantOf(canaryConfig.ProductionVariants ?? [], newVariant),
    oldVariants: servingShares(endpoint, newVariant),
    releaseConfig: derivedName(ctx.endpointName, uniqueSuffix(ctx.clock.now())),
    // The release config is this run's: it carries this run's traceability, the workflow's own tags as they were.
    userTags: {
      ...ctx.run.tags,
      ...Object.fromEntries(Object.entries(tags).filter(([key]) => !key.startsWith('sagemaker-deploy:')))
    },
    held: [],
    source: metricsSourceOf(canaryConfig)
  }
}
