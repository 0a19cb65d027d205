/**
 * What SageMaker's own deployments (UpdateEndpoint's DeploymentConfig)
 * accept, checked before any change so a rollout handed to SageMaker is never
 * refused, or timed out, half-way:
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_BlueGreenUpdatePolicy.html,
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_TrafficRoutingConfig.html,
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_RollingUpdatePolicy.html and
 * https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-exclusions.html
 */
import type { ProductionVariant } from '@aws-sdk/client-sagemaker'
import { TYPICAL_MS } from '../expectations.js'
import { counted, formatDuration, InputError } from '../parse.js'
import { batchInstances, rollingBatchFor } from '../rolling-batch.js'
import type { BatchSize, CommonSettings, RolloutSettings } from '../settings.js'
import { SAGEMAKER_REACTION_MS, silenceRollbackMs } from './verdict-timing.js'

export const SAGEMAKER_LIMITS = {
  maxWaitIntervalSeconds: 3600,
  minExecutionTimeoutSeconds: 600,
  maxExecutionTimeoutSeconds: 28_800,
  maxCanaryPercent: 50,
  minLinearStepPercent: 10,
  maxLinearStepPercent: 50,
  /** A rolling batch is 5% to 50% of the variant's instances. */
  minBatchPercent: 5,
  maxBatchPercent: 50,
  maxAlarms: 10
}

/**
 * How long the action budgets for SageMaker to provision a fleet, inside the
 * deployment's MaximumExecutionTimeoutInSeconds: a real-time endpoint's
 * instances typically take five to ten minutes to come up, a large model's
 * longer (its download and health-check timeouts).
 */
export const PROVISIONING_ESTIMATE_MS = TYPICAL_MS.fleet

/** The action's verdict reaches SageMaker as one alarm of the deployment's AutoRollbackConfiguration. */
const VERDICT_ALARMS = 1

/**
 * How much longer than bake-time SageMaker keeps the old fleet at full traffic (TerminationWaitInSeconds) when the
 * verdict alarm guards the deployment: as long as a dead runner's silence takes to fire the alarm and reach
 * SageMaker. Without it, a runner that died in the last moments of the bakes left SageMaker to complete a fleet
 * nobody judged to the end. None without the alarm, or for a rolling update, which has no final wait.
 */
export function finalBakeGuardMs(settings: RolloutSettings): number {
  if (!settings.autoRollback || settings.strategy === 'rolling') return 0
  return silenceRollbackMs(settings.gateIntervalMs) + SAGEMAKER_REACTION_MS
}

/** The final bake at full traffic a blue/green deployment is given (TerminationWaitInSeconds): bake-time and the guard. */
export function finalBakeMs(settings: RolloutSettings): number {
  return settings.bakeTimeMs + finalBakeGuardMs(settings)
}

/**
 * The bakes of a blue/green deployment from its first traffic shift, in bake-times, the final one at full traffic
 * included. AWS leaves two counts open: whether linear traffic bakes WaitIntervalInSeconds after its last step as
 * well as TerminationWaitInSeconds, and which of the two is all at once's one baking period
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-blue-green-all-at-once.html). The fewest
 * set when the action must have decided, the most what the timeout must cover: each the safer reading where it is
 * used.
 */
export function blueGreenBakes(settings: RolloutSettings): { fewest: number; most: number } {
  if (settings.strategy === 'linear')
    return { fewest: settings.trafficSteps.length, most: settings.trafficSteps.length + 1 }
  if (settings.strategy === 'all-at-once') return { fewest: 1, most: 2 }
  // A canary bakes once on its share, then once at full traffic.
  return { fewest: 2, most: 2 }
}

/**
 * The least timeout SageMaker needs for the whole deployment: provisioning,
 * every bake, and the final wait before the old fleet goes. Rolling
 * provisions batch by batch, so it is judged again once the fleet's size is
 * known (checkFleetFits).
 */
export function leastTimeoutMs(
  settings: RolloutSettings,
  batches = 1,
  provisioningMs = PROVISIONING_ESTIMATE_MS
): number {
  if (settings.strategy === 'rolling') return batches * (provisioningMs + settings.bakeTimeMs)
  return provisioningMs + blueGreenBakes(settings).most * settings.bakeTimeMs + finalBakeGuardMs(settings)
}

function roundUpToMinute(ms: number): number {
  return Math.ceil(ms / 60_000) * 60_000
}

/** Deployments run by SageMaker itself accept only what DeploymentConfig can express. */
export function checkSageMakerControllerLimits(
  settings: RolloutSettings,
  common: CommonSettings,
  shown: (input: string) => string
): void {
  const limits = SAGEMAKER_LIMITS
  refuseWhatSageMakerCannotJudge(settings)
  const guardMs = finalBakeGuardMs(settings)
  if (finalBakeMs(settings) > limits.maxWaitIntervalSeconds * 1000) {
    const guard =
      guardMs > 0
        ? `, less the ${formatDuration(guardMs)} the final bake is given for the verdict alarm to hear a dead runner's silence (TerminationWaitInSeconds)`
        : ''
    throw new InputError(
      'bake-time',
      `must be at most ${formatDuration(limits.maxWaitIntervalSeconds * 1000 - guardMs)} with rollout-controller: sagemaker: SageMaker bakes at most 1h (WaitIntervalInSeconds)${guard}`,
      shown('bake-time')
    )
  }
  const timeoutSeconds = common.timeoutMs / 1000
  if (timeoutSeconds < limits.minExecutionTimeoutSeconds || timeoutSeconds > limits.maxExecutionTimeoutSeconds) {
    throw new InputError(
      'timeout',
      'must be from 10m to 8h with rollout-controller: sagemaker (MaximumExecutionTimeoutInSeconds)',
      shown('timeout')
    )
  }
  if (settings.trafficSteps.some((step) => !Number.isInteger(step))) {
    throw new InputError(
      'traffic-steps',
      'must be whole percentages with rollout-controller: sagemaker (CapacitySize takes whole numbers)',
      settings.trafficSteps.join(',')
    )
  }
  const steps = settings.trafficSteps
  if (steps[steps.length - 1] !== 100) {
    throw new InputError(
      'traffic-steps',
      'must end at 100 with rollout-controller: sagemaker, which cannot pause',
      shown('traffic-steps')
    )
  }
  if (settings.strategy === 'canary') {
    const canary = steps[0] as number
    if (steps.length !== 2 || canary > limits.maxCanaryPercent) {
      throw new InputError(
        'traffic-steps',
        `must be one canary step of at most ${limits.maxCanaryPercent}% then 100 with rollout-controller: sagemaker (such as 10,100)`,
        steps.join(',')
      )
    }
  }
  if (settings.strategy === 'linear') {
    const step = steps[0] as number
    const evenlySpaced = steps.every((value, index) => Math.abs(value - Math.min(100, step * (index + 1))) < 1e-9)
    if (!evenlySpaced || step < limits.minLinearStepPercent || step > limits.maxLinearStepPercent) {
      throw new InputError(
        'traffic-steps',
        `must rise in equal steps of ${limits.minLinearStepPercent}% to ${limits.maxLinearStepPercent}% with rollout-controller: sagemaker (such as 25,50,75,100)`,
        steps.join(',')
      )
    }
  }
  const least = leastTimeoutMs(settings)
  if (common.timeoutMs < least) {
    throw new InputError(
      'timeout',
      `must be at least ${formatDuration(roundUpToMinute(least))} with rollout-controller: sagemaker: SageMaker times the whole deployment out at it (MaximumExecutionTimeoutInSeconds), and it takes provisioning the new fleet (about ${formatDuration(PROVISIONING_ESTIMATE_MS)}) plus ${describeBakes(settings)}`,
      shown('timeout')
    )
  }
}

function describeBakes(settings: RolloutSettings): string {
  const bake = formatDuration(settings.bakeTimeMs)
  const guardMs = finalBakeGuardMs(settings)
  const final =
    guardMs > 0
      ? `${formatDuration(finalBakeMs(settings))} (bake-time and ${formatDuration(guardMs)} for the verdict alarm to hear a dead runner's silence)`
      : bake
  switch (settings.strategy) {
    case 'canary':
      return `a bake of ${bake} on the canary and a final one of ${final} at full traffic`
    case 'linear':
      return `a bake of ${bake} at each of ${settings.trafficSteps.length} steps and a final one of ${final} at full traffic`
    case 'rolling':
      return `a bake of ${bake} after each batch`
    default:
      return `a bake of ${bake} and a final one of ${final} at full traffic`
  }
}

/**
 * What only the fleet's size can tell, checked before any change: a
 * traffic share SageMaker cannot give to whole instances, a rolling batch
 * outside 5% to 50% of the fleet, a variant name SageMaker would not match.
 */
export function checkFleetFits(
  settings: RolloutSettings,
  timeoutMs: number,
  serving: ProductionVariant[],
  variant: ProductionVariant,
  shown: (input: string) => string
): void {
  const servingNames = serving.map((candidate) => candidate.VariantName)
  if (serving.length !== 1) {
    throw new InputError(
      'rollout-controller',
      `sagemaker needs an endpoint with one production variant: SageMaker's deployments keep the variant's name, and this endpoint has ${serving.length} (${servingNames.join(', ')}); use rollout-controller: action`
    )
  }
  if (variant.VariantName !== servingNames[0]) {
    throw new InputError(
      'variant-name',
      `must be the serving variant's name, "${servingNames[0]}", with rollout-controller: sagemaker: its deployments keep the variant's name`,
      variant.VariantName
    )
  }
  const count = variant.InitialInstanceCount ?? 1
  const instances = (percent: number): number => (percent / 100) * count
  const first = settings.trafficSteps[0] ?? 100
  if ((settings.strategy === 'canary' || settings.strategy === 'linear') && instances(first) < 1) {
    throw new InputError(
      'traffic-steps',
      `starts at ${first}%, which is ${+instances(first).toFixed(2)} of the new fleet's ${counted(count, 'instance')}: SageMaker shifts traffic to whole instances of capacity, so the first step must be at least one instance (${Math.ceil(100 / count)}% or more), or raise instance-count`,
      shown('traffic-steps')
    )
  }
  if (settings.strategy === 'rolling') {
    const batch = rollingBatchFor(count, settings.batchSize, shown('batch-size'))
    const batches = Math.ceil(count / Math.max(1, batchInstances(batch, count)))
    const least = leastTimeoutMs(settings, batches)
    if (timeoutMs < least) {
      throw new InputError(
        'timeout',
        `must be at least ${formatDuration(roundUpToMinute(least))} for a rolling update in ${batches} batches: each provisions (about ${formatDuration(PROVISIONING_ESTIMATE_MS)}) and bakes for ${formatDuration(settings.bakeTimeMs)}`,
        shown('timeout')
      )
    }
  }
}

/** `25%` (of the fleet's capacity) or `2` (instances). */
export function parseBatchSize(input: string, raw: string): BatchSize {
  const value = raw.trim()
  const percent = /^(\d+)\s*%$/.exec(value)
  if (percent) {
    const amount = Number(percent[1])
    if (amount < 1 || amount > 100)
      throw new InputError(input, 'must be a percentage such as 25% or a number of instances such as 2', raw)
    return { type: 'CAPACITY_PERCENT', value: amount }
  }
  if (/^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 1000) {
    return { type: 'INSTANCE_COUNT', value: Number(value) }
  }
  throw new InputError(input, 'must be a percentage such as 25% or a number of instances such as 2', raw)
}

/** What the action's judging cannot do inside SageMaker's deployment, or SageMaker cannot take. */
function refuseWhatSageMakerCannotJudge(settings: RolloutSettings): void {
  if (settings.gates.probe) {
    // Both fleets carry the same variant name, so TargetVariant reaches whichever fleet SageMaker routes to.
    throw new InputError(
      'probe-payload',
      "cannot be judged with rollout-controller: sagemaker: during SageMaker's deployment the old and new fleets share the variant's name, so a probe with TargetVariant reaches whichever fleet SageMaker routes it to, not the new fleet alone. Judge the new fleet on its metrics (max-error-rate, max-latency-p99, the baseline comparisons), or use rollout-controller: action, whose canary is a variant of its own"
    )
  }
  if (settings.onInconclusive === 'pause') {
    throw new InputError(
      'on-inconclusive',
      "must be rollback with rollout-controller: sagemaker: SageMaker's deployments cannot pause, so a new fleet the gates could not judge is rolled back"
    )
  }
  checkAlarmCount(settings, 'rollout-controller: sagemaker')
}

/**
 * The alarms of a deployment SageMaker carries out, the action's verdict among them, within AutoRollbackConfig's
 * 10 (API_AutoRollbackConfig; an inference component's rolling update takes the same type): `under` says which.
 */
export function checkAlarmCount(settings: RolloutSettings, under: string): void {
  const limits = SAGEMAKER_LIMITS
  const verdict = settings.autoRollback ? VERDICT_ALARMS : 0
  if (settings.gates.alarmNames.length + verdict > limits.maxAlarms) {
    throw new InputError(
      'alarm-names',
      `may name at most ${limits.maxAlarms - verdict} alarms with ${under}: SageMaker takes ${limits.maxAlarms} in all${verdict > 0 ? ", and the action's verdict is one of them" : ''}`
    )
  }
}

/** The account of an ARN (its fifth field), or undefined for anything that is not one. */
function accountOf(arn: string | undefined): string | undefined {
  const parts = (arn ?? '').split(':')
  return parts[0] === 'arn' && parts.length >= 6 ? parts[4] : undefined
}

/**
 * Endpoints SageMaker will not run a guarded deployment on: with Marketplace
 * containers or Inf1 instances it "will fall back to using a blue/green
 * deployment with all at once traffic shifting and no final baking period"
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-exclusions.html).
 * All traffic would move before anything could be judged, and the deployment
 * end before the action's verdict could reach it, so it is refused before any
 * change. AWS gives no way to tell a Marketplace package from one shared by
 * another account: a package of any other account is taken for one, the safer
 * reading.
 */
export function refuseGuardrailExclusions(
  endpointArn: string | undefined,
  fleets: ProductionVariant[],
  modelPackages: Array<string | undefined>
): void {
  const inf1 = inf1Fleet(fleets)
  const instead = 'use rollout-controller: action, whose canary is judged before traffic moves'
  if (inf1) {
    throw new InputError(
      'rollout-controller',
      `sagemaker cannot guard a deployment on Inf1 instances (variant "${inf1.VariantName}" runs on ${inf1.InstanceType}): SageMaker would fall back to moving all traffic at once with no baking period, so nothing could be judged before it moved; ${instead}`
    )
  }
  const foreign = foreignModelPackage(endpointArn, modelPackages)
  if (foreign) {
    throw new InputError(
      'rollout-controller',
      `sagemaker cannot guard a deployment of model package "${foreign}": it belongs to another account, as every AWS Marketplace package does, and with Marketplace containers SageMaker falls back to moving all traffic at once with no baking period, so nothing could be judged before it moved; ${instead}`
    )
  }
}

/** A fleet on Inf1 instances, which SageMaker's deployment guardrails and its shadow tests both exclude. */
export function inf1Fleet(fleets: ProductionVariant[]): ProductionVariant | undefined {
  return fleets.find((fleet) => fleet.InstanceType?.startsWith('ml.inf1.'))
}

/**
 * A model package of another account than the endpoint's: every AWS
 * Marketplace package is one, and AWS gives no other way to tell them apart,
 * so one of another account is taken for Marketplace (the safer reading).
 */
export function foreignModelPackage(
  endpointArn: string | undefined,
  modelPackages: Array<string | undefined>
): string | undefined {
  const account = accountOf(endpointArn)
  // A package named without an ARN is the caller's own.
  return modelPackages.find((arn) => {
    const owner = accountOf(arn)
    return owner !== undefined && account !== undefined && owner !== account
  })
}
