/**
 * With rollout-controller: sagemaker, SageMaker judges a deployment by
 * CloudWatch alarms alone. max-error-rate and max-latency-p99 become alarms
 * on the new fleet for the deployment's length, created before UpdateEndpoint
 * and deleted once it has ended.
 *
 * Which fleet: during a blue/green deployment SageMaker also publishes the
 * variant's metrics with the dimension EndpointConfigName set to the new
 * config, once the new fleet takes traffic
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-configuration.html);
 * an alarm on EndpointName, VariantName and EndpointConfigName watches the new
 * fleet only, where the same variant name would otherwise mix both.
 *
 * How fast: one-minute periods, and a single breaching minute fires
 * (EvaluationPeriods 1, DatapointsToAlarm 1). A minute appears one to three
 * minutes after it closes, so an alarm that waited for several breaching
 * minutes would often fire after the bake it was meant to guard had ended.
 * Missing data does not breach: before the new fleet takes traffic there is
 * none, and treating that as breaching would roll back every deployment.
 */
import { DeleteAlarmsCommand, PutMetricAlarmCommand, type PutMetricAlarmCommandInput } from '@aws-sdk/client-cloudwatch'
import { errorMessage } from '../aws/errors.js'
import type { OperationContext } from '../context.js'
import type { GateSettings } from '../settings.js'
import { formatPercent } from './gates.js'

const NAMESPACE = 'AWS/SageMaker'
/** ModelLatency is published in microseconds. */
const MICROSECONDS_PER_MS = 1000

export interface GateAlarmTarget {
  variantName: string
  /** The config the deployment moves to: its name selects the new fleet's metrics. */
  newConfig: string
}

/** The alarms' names: the deployment's config name is unique to this run, so a re-run never collides. */
export function gateAlarmNames(target: GateAlarmTarget, gates: GateSettings): string[] {
  return alarmInputs('', target, gates).map((input) => input.AlarmName as string)
}

function alarmInputs(endpointName: string, target: GateAlarmTarget, gates: GateSettings): PutMetricAlarmCommandInput[] {
  const dimensions = [
    { Name: 'EndpointName', Value: endpointName },
    { Name: 'VariantName', Value: target.variantName },
    { Name: 'EndpointConfigName', Value: target.newConfig }
  ]
  const shared = {
    ComparisonOperator: 'GreaterThanThreshold' as const,
    EvaluationPeriods: 1,
    DatapointsToAlarm: 1,
    TreatMissingData: 'notBreaching' as const
  }
  const description = (gate: string): string =>
    `${gate} of the new fleet during the deployment of "${target.newConfig}", created by sagemaker-deploy for SageMaker's auto-rollback; deleted when the deployment ends.`
  const alarms: PutMetricAlarmCommandInput[] = []
  if (gates.maxErrorRate !== undefined) {
    alarms.push({
      ...shared,
      AlarmName: `sagemaker-deploy-${target.newConfig}-max-error-rate`,
      AlarmDescription: description(`max-error-rate ${formatPercent(gates.maxErrorRate)}`),
      Threshold: gates.maxErrorRate,
      Metrics: [
        metric('errors', 'Invocation5XXErrors', dimensions),
        metric('invocations', 'Invocations', dimensions),
        { Id: 'error_rate', Expression: 'errors / invocations', Label: '5XX errors / invocations', ReturnData: true }
      ]
    })
  }
  if (gates.maxLatencyP99Ms !== undefined) {
    alarms.push({
      ...shared,
      AlarmName: `sagemaker-deploy-${target.newConfig}-max-latency-p99`,
      AlarmDescription: description(`max-latency-p99 ${gates.maxLatencyP99Ms} ms`),
      Namespace: NAMESPACE,
      MetricName: 'ModelLatency',
      Dimensions: dimensions,
      Period: 60,
      ExtendedStatistic: 'p99',
      Unit: 'Microseconds',
      Threshold: gates.maxLatencyP99Ms * MICROSECONDS_PER_MS
    })
  }
  return alarms
}

function metric(id: string, metricName: string, dimensions: Array<{ Name: string; Value: string }>) {
  return {
    Id: id,
    MetricStat: {
      Metric: { Namespace: NAMESPACE, MetricName: metricName, Dimensions: dimensions },
      Period: 60,
      Stat: 'Sum'
    },
    ReturnData: false
  }
}

/** Creates the gate alarms (PutMetricAlarm, through ctx.change). Returns their names. */
export async function createGateAlarms(
  ctx: OperationContext,
  target: GateAlarmTarget,
  gates: GateSettings
): Promise<string[]> {
  const inputs = alarmInputs(ctx.endpointName, target, gates)
  const created: string[] = []
  try {
    for (const input of inputs) {
      await ctx.change('PutMetricAlarm', `alarm "${input.AlarmName}"`, input, () =>
        ctx.clients.cloudwatch.send(new PutMetricAlarmCommand(input))
      )
      created.push(input.AlarmName as string)
    }
  } catch (error) {
    // Half a set of alarms guards nothing: take back what was made before failing.
    await deleteGateAlarms(ctx, created)
    throw error
  }
  return created
}

/** Deletes the gate alarms; a failure is a warning naming them, the deployment's own result matters more. */
export async function deleteGateAlarms(ctx: OperationContext, names: string[]): Promise<void> {
  if (names.length === 0) return
  const input = { AlarmNames: names }
  try {
    await ctx.change('DeleteAlarms', `alarms ${names.map((name) => `"${name}"`).join(', ')}`, input, () =>
      ctx.clients.cloudwatch.send(new DeleteAlarmsCommand(input))
    )
  } catch (error) {
    ctx.warn(
      `Could not delete the deployment's alarms ${names.join(', ')}: ${errorMessage(error)} Delete them by hand.`
    )
  }
}
