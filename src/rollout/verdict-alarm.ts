/**
 * The action's verdict as a CloudWatch alarm, so SageMaker acts on it and
 * rolls back without the runner.
 *
 * With rollout-controller: sagemaker, SageMaker carries out the deployment and
 * rolls back only on the alarms of its AutoRollbackConfiguration
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-configuration.html).
 * The action judges on its own evidence and publishes each verdict as a
 * custom metric (1 failed, 0 passing or still judging); one alarm on it,
 * Maximum >= 1, fires on a failed verdict. Missing data is breaching, so the
 * action falling silent (the runner died) fires it too: the action republishes
 * its last verdict as a heartbeat, and the heartbeat window says how long it
 * may be silent before SageMaker rolls back.
 *
 * How fast the verdict, or the action's silence, reaches SageMaker: verdict-timing.ts.
 */
import {
  DeleteAlarmsCommand,
  PutMetricAlarmCommand,
  PutMetricDataCommand,
  type PutMetricAlarmCommandInput,
  type PutMetricDataCommandInput
} from '@aws-sdk/client-cloudwatch'
import * as core from '@actions/core'
import { awsCall, errorMessage } from '../aws/errors.js'
import type { OperationContext } from '../context.js'
import { heartbeatWindowMs, verdictPeriodSeconds } from './verdict-timing.js'

export {
  evaluationRangePeriods,
  failedVerdictRollbackMs,
  heartbeatIntervalMs,
  heartbeatWindowMs,
  SAGEMAKER_REACTION_MS,
  silenceRollbackMs,
  verdictPeriodSeconds
} from './verdict-timing.js'

export const VERDICT_NAMESPACE = 'SageMakerDeploy'
export const VERDICT_METRIC = 'RolloutVerdict'
/** CloudWatch's longest alarm name. */
const MAX_ALARM_NAME = 255

/** failed: the action judged the new fleet bad; passing and judging publish 0. */
export type Verdict = 'passing' | 'judging' | 'failed'

export interface VerdictTarget {
  /** The config the deployment moves to: the verdict is about its fleet, and its name is unique to this run. */
  newConfig: string
  /** How often the action judges: the alarm's period follows from it. */
  gateIntervalMs: number
}

export function verdictAlarmName(target: Pick<VerdictTarget, 'newConfig'>): string {
  const name = `sagemaker-deploy-${target.newConfig}-verdict`
  if (name.length > MAX_ALARM_NAME) throw new Error(`the alarm name ${name} is longer than ${MAX_ALARM_NAME}`)
  return name
}

function verdictDimensions(endpointName: string, target: VerdictTarget) {
  return [
    { Name: 'EndpointName', Value: endpointName },
    { Name: 'EndpointConfigName', Value: target.newConfig }
  ]
}

/** One verdict as PutMetricData: high resolution when the alarm's period is under a minute. */
export function verdictMetricInput(
  endpointName: string,
  target: VerdictTarget,
  verdict: Verdict,
  at: Date
): PutMetricDataCommandInput {
  return {
    Namespace: VERDICT_NAMESPACE,
    MetricData: [
      {
        MetricName: VERDICT_METRIC,
        Dimensions: verdictDimensions(endpointName, target),
        Timestamp: at,
        Value: verdict === 'failed' ? 1 : 0,
        StorageResolution: verdictPeriodSeconds(target.gateIntervalMs) < 60 ? 1 : 60
      }
    ]
  }
}

/** The one alarm on the verdicts: a failed verdict or silence puts it in ALARM. */
export function verdictAlarmInput(endpointName: string, target: VerdictTarget): PutMetricAlarmCommandInput {
  const period = verdictPeriodSeconds(target.gateIntervalMs)
  return {
    AlarmName: verdictAlarmName(target),
    AlarmDescription: `The verdict of sagemaker-deploy on the new fleet of "${target.newConfig}": a failed verdict, or no verdict for ${Math.round(heartbeatWindowMs(target.gateIntervalMs) / 1000)} s, makes SageMaker roll back. Deleted when the deployment ends.`,
    Namespace: VERDICT_NAMESPACE,
    MetricName: VERDICT_METRIC,
    Dimensions: verdictDimensions(endpointName, target),
    Statistic: 'Maximum',
    Period: period,
    EvaluationPeriods: 1,
    DatapointsToAlarm: 1,
    Threshold: 1,
    ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    TreatMissingData: 'breaching'
  }
}

/**
 * Publishes one verdict. Not recorded as a change: the heartbeat republishes every few seconds and would bury the
 * summary's "What changed"; createVerdictAlarm records the first publication, so a dry run shows it.
 */
export async function publishVerdict(ctx: OperationContext, target: VerdictTarget, verdict: Verdict): Promise<void> {
  if (ctx.dryRun) return
  const kept = abandoned.has(targetKey(ctx.endpointName, target)) ? 'failed' : verdict
  const input = verdictMetricInput(ctx.endpointName, target, kept, new Date(ctx.clock.now()))
  await awsCall('PutMetricData', `metric ${VERDICT_NAMESPACE}/${VERDICT_METRIC}`, () =>
    ctx.clients.cloudwatch.send(new PutMetricDataCommand(input))
  )
}

/**
 * Publishes a "judging" verdict, then creates the alarm. The order matters: missing data is breaching, so an alarm
 * created before its first datapoint would fire at its first evaluation. Returns the alarm's name.
 */
export async function createVerdictAlarm(ctx: OperationContext, target: VerdictTarget): Promise<string> {
  const metric = verdictMetricInput(ctx.endpointName, target, 'judging', new Date(ctx.clock.now()))
  await ctx.change('PutMetricData', `metric ${VERDICT_NAMESPACE}/${VERDICT_METRIC}`, metric, () =>
    ctx.clients.cloudwatch.send(new PutMetricDataCommand(metric))
  )
  const alarm = verdictAlarmInput(ctx.endpointName, target)
  await ctx.change('PutMetricAlarm', `alarm "${alarm.AlarmName}"`, alarm, () =>
    ctx.clients.cloudwatch.send(new PutMetricAlarmCommand(alarm))
  )
  return alarm.AlarmName as string
}

/**
 * Whether SageMaker's deployment to the run's config goes on, read from SageMaker; throws when it cannot tell. Not
 * merely a transitional status: an update the run never got to send (an endpoint SystemUpdating before it), or the
 * action's own update after SageMaker completed, is not SageMaker's deployment.
 */
export type DeploymentGoesOn = () => Promise<boolean>

/** Targets whose judging stopped: their verdict stays failed, whatever an evaluation still running publishes. */
const abandoned = new Set<string>()

function targetKey(endpointName: string, target: VerdictTarget): string {
  return `${endpointName}/${target.newConfig}`
}

/**
 * The run stopped watching SageMaker's deployment on `error`. SageMaker rolls back only on an alarm, so a deployment
 * that goes on would complete a fleet nobody judged to the end: the verdict turns failed for good, SageMaker rolls
 * back on it, and the alarm is kept for the post step to delete once the deployment has ended. Returns whether it
 * was kept. A deployment that cannot be read is taken as going on, the safer reading. Never throws: a failed verdict
 * that cannot be published is silence, which fires the alarm within the heartbeat window all the same.
 */
export async function leaveToSageMaker(
  ctx: OperationContext,
  error: unknown,
  alarm: { name: string; target: VerdictTarget } | undefined,
  goesOn: DeploymentGoesOn
): Promise<boolean> {
  if (!alarm || ctx.dryRun) return false
  if (!(await readOrAssume(goesOn))) return false
  // An evaluation still running beside the wait must not publish its "judging" over this.
  abandoned.add(targetKey(ctx.endpointName, alarm.target))
  try {
    await publishVerdict(ctx, alarm.target, 'failed')
  } catch (publishing) {
    core.debug(
      `The failed verdict could not be published (${errorMessage(publishing)}); the alarm fires on the silence.`
    )
  }
  ctx.warn(
    `The action stopped judging SageMaker's deployment (${errorMessage(error)}) while it went on: its verdict is now failed, so SageMaker rolls back rather than complete a fleet nobody judged to the end. The alarm ${alarm.name} is kept until the deployment has ended; the post step deletes it.`
  )
  return true
}

async function readOrAssume(goesOn: DeploymentGoesOn): Promise<boolean> {
  try {
    return await goesOn()
  } catch {
    return true
  }
}

/** Deletes the verdict alarm; a failure is a warning naming it, the deployment's own result matters more. */
export async function deleteVerdictAlarm(ctx: OperationContext, name: string): Promise<void> {
  const input = { AlarmNames: [name] }
  try {
    await ctx.change('DeleteAlarms', `alarm "${name}"`, input, () =>
      ctx.clients.cloudwatch.send(new DeleteAlarmsCommand(input))
    )
  } catch (error) {
    ctx.warn(`Could not delete the verdict alarm ${name}: ${errorMessage(error)} Delete it by hand.`)
  }
}
