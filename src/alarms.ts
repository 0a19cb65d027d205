/**
 * The CloudWatch alarms a workflow names (alarm-names): what state each is in,
 * and what metrics it watches, read in one DescribeAlarms call, so a gate or
 * monitor can act on them, and refuse one that could never judge.
 */
import { DescribeAlarmsCommand, type Dimension, type MetricAlarm } from '@aws-sdk/client-cloudwatch'
import { collectPages } from './aws/errors.js'
import type { OperationContext } from './context.js'
import type { EndpointConfig } from './endpoint.js'
import { metricsSourceOf, UNPUBLISHED_WHEN_ASYNCHRONOUS } from './invocation-metrics.js'

/** A metric an alarm watches: on its own, or one of its metric math's. */
export interface WatchedMetric {
  namespace: string
  metricName: string
  dimensions: Record<string, string>
}

export interface AlarmState {
  name: string
  /** OK, ALARM or INSUFFICIENT_DATA. */
  state: string
  reason?: string
  /** The metrics a metric alarm watches; composite and log alarms have none of their own. */
  metrics?: WatchedMetric[]
}

function watchedMetrics(alarm: MetricAlarm): WatchedMetric[] {
  const dimensions = (list: Dimension[] | undefined): Record<string, string> =>
    Object.fromEntries((list ?? []).map((dimension) => [dimension.Name ?? '', dimension.Value ?? '']))
  if (alarm.MetricName) {
    return [
      { namespace: alarm.Namespace ?? '', metricName: alarm.MetricName, dimensions: dimensions(alarm.Dimensions) }
    ]
  }
  return (alarm.Metrics ?? []).flatMap((query) => {
    const metric = query.MetricStat?.Metric
    if (!metric?.MetricName) return []
    return [
      { namespace: metric.Namespace ?? '', metricName: metric.MetricName, dimensions: dimensions(metric.Dimensions) }
    ]
  })
}

/**
 * The states of the named alarms (metric, composite and log alarms) from one
 * DescribeAlarms call: a name that matches no alarm is an error naming `input`,
 * since a misspelt alarm would otherwise never fire and always pass.
 */
export async function describeAlarmStates(
  ctx: OperationContext,
  names: string[],
  input = 'alarm-names'
): Promise<AlarmState[]> {
  if (names.length === 0) return []
  const found = new Map<string, AlarmState>()
  const resource = `alarms ${names.map((name) => `"${name}"`).join(', ')}`
  const alarms = await collectPages(
    'DescribeAlarms',
    resource,
    (page) =>
      ctx.clients.cloudwatch.send(
        new DescribeAlarmsCommand({
          AlarmNames: names,
          AlarmTypes: ['MetricAlarm', 'CompositeAlarm', 'LogAlarm'],
          MaxRecords: 100,
          ...page
        })
      ),
    (page) => [...(page.MetricAlarms ?? []), ...(page.CompositeAlarms ?? []), ...(page.LogAlarms ?? [])]
  )
  for (const alarm of alarms) {
    if (!alarm.AlarmName) continue
    const metrics = watchedMetrics(alarm as MetricAlarm)
    found.set(alarm.AlarmName, {
      name: alarm.AlarmName,
      state: alarm.StateValue ?? 'INSUFFICIENT_DATA',
      ...(alarm.StateReason ? { reason: alarm.StateReason } : {}),
      ...(metrics.length > 0 ? { metrics } : {})
    })
  }
  const missing = names.filter((name) => !found.has(name))
  if (missing.length > 0) {
    throw new Error(
      `Input "${input}" names ${missing.map((name) => `"${name}"`).join(', ')}, which ${
        missing.length === 1 ? 'is not a CloudWatch alarm' : 'are not CloudWatch alarms'
      } in ${ctx.settings.region}.`
    )
  }
  return names.map((name) => found.get(name) as AlarmState)
}

/**
 * Refuses, before any change, an alarm that watches a metric SageMaker does
 * not publish for this endpoint because it is asynchronous: Invocations,
 * InvocationsPerInstance or OverheadLatency of it never has a datapoint
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/async-inference-monitor.html),
 * so the alarm could never fire on it, or would always (missing data
 * treated as breaching), and a gate or a health check on it would judge
 * nothing.
 */
export function refuseAlarmsOnUnpublishedMetrics(
  endpointName: string,
  config: EndpointConfig | undefined,
  alarms: AlarmState[],
  input = 'alarm-names'
): void {
  if (!metricsSourceOf(config).asynchronous) return
  const unpublished: readonly string[] = UNPUBLISHED_WHEN_ASYNCHRONOUS
  const blind = alarms.flatMap((alarm) => {
    const metric = (alarm.metrics ?? []).find(
      (watched) =>
        watched.namespace === 'AWS/SageMaker' &&
        unpublished.includes(watched.metricName) &&
        watched.dimensions.EndpointName === endpointName
    )
    return metric ? [`"${alarm.name}" watches ${metric.metricName}`] : []
  })
  if (blind.length === 0) return
  throw new Error(
    `Input "${input}": ${blind.join(', ')} of endpoint "${endpointName}", which SageMaker does not publish for an asynchronous endpoint (its config "${config?.EndpointConfigName}" has an AsyncInferenceConfig), so the alarm could never judge it; nothing was changed. Alarm on what it publishes instead: InvocationFailures and InvocationsProcessed (per variant, with EndpointName and VariantName), ModelLatency, or ApproximateBacklogSize (EndpointName alone).`
  )
}
