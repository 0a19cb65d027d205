// Alarms for the action's gates, as the end-to-end tests and the benchmark
// set them up in the emulator. Plain ESM so that both load it; types are in
// alarms.d.mts.

import { DescribeAlarmsCommand, PutMetricAlarmCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch'

/** Sets an alarm's state, creating a plain 5XX metric alarm of that name first if there is none. */
export async function setAlarm(cloudwatch, alarmName, state, reason = 'set by the e2e test') {
  const existing = await cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: [alarmName] }))
  if (!existing.MetricAlarms?.length && !existing.CompositeAlarms?.length) {
    await cloudwatch.send(
      new PutMetricAlarmCommand({
        AlarmName: alarmName,
        Namespace: 'AWS/SageMaker',
        MetricName: 'Invocation5XXErrors',
        Statistic: 'Sum',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold'
      })
    )
  }
  await cloudwatch.send(new SetAlarmStateCommand({ AlarmName: alarmName, StateValue: state, StateReason: reason }))
}
