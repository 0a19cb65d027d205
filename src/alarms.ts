/**
 * The CloudWatch alarms a workflow names (alarm-names): what state each is in,
 * read in one DescribeAlarms call, so a gate or monitor can act on them.
 */
import { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch'
import { collectPages } from './aws/errors.js'
import type { OperationContext } from './context.js'

export interface AlarmState {
  name: string
  /** OK, ALARM or INSUFFICIENT_DATA. */
  state: string
  reason?: string
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
    found.set(alarm.AlarmName, {
      name: alarm.AlarmName,
      state: alarm.StateValue ?? 'INSUFFICIENT_DATA',
      ...(alarm.StateReason ? { reason: alarm.StateReason } : {})
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
