// Alarms for the action's gates, as the end-to-end tests and the benchmark
// set them up in the emulator. Plain ESM so that both load it; typed with
// JSDoc, which the type check reads and checks.
// @ts-check

import { PutMetricAlarmCommand, PutMetricDataCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch'

/** @typedef {import('@aws-sdk/client-cloudwatch').CloudWatchClient} CloudWatchClient */
/** @typedef {import('@aws-sdk/client-cloudwatch').StateValue} StateValue */

/** Where setAlarm's alarms read the state they are given. */
export const ALARM_STATE_NAMESPACE = 'E2E/AlarmState'

let settings = 0

/**
 * Puts an alarm in a state that its own data holds. A state set with SetAlarmState lasts only until the alarm's next
 * evaluation (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html), so the alarm
 * is (re)defined on a high-resolution metric of its own, fed one datapoint that breaches for ALARM and does not for
 * OK, with missing data ignored so the state stands after the datapoint ages out. SetAlarmState makes the change at
 * once; the next evaluation confirms it. Each call reads a fresh dimension, so an earlier datapoint cannot outvote it.
 * @param {CloudWatchClient} cloudwatch
 * @param {string} alarmName
 * @param {StateValue} state
 * @param {string} [reason]
 * @returns {Promise<void>}
 */
export async function setAlarm(cloudwatch, alarmName, state, reason = 'set by the e2e test') {
  const dimensions = [
    { Name: 'AlarmName', Value: alarmName },
    { Name: 'Setting', Value: `${Date.now()}-${++settings}` }
  ]
  await cloudwatch.send(
    new PutMetricAlarmCommand({
      AlarmName: alarmName,
      AlarmDescription: 'State set by a test through its own metric',
      Namespace: ALARM_STATE_NAMESPACE,
      MetricName: 'Breaching',
      Dimensions: dimensions,
      Statistic: 'Maximum',
      Period: 10,
      EvaluationPeriods: 1,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'ignore'
    })
  )
  if (state !== 'INSUFFICIENT_DATA') {
    await cloudwatch.send(
      new PutMetricDataCommand({
        Namespace: ALARM_STATE_NAMESPACE,
        MetricData: [
          {
            MetricName: 'Breaching',
            Dimensions: dimensions,
            Value: state === 'ALARM' ? 1 : 0,
            Timestamp: new Date(),
            StorageResolution: 1
          }
        ]
      })
    )
  }
  await cloudwatch.send(new SetAlarmStateCommand({ AlarmName: alarmName, StateValue: state, StateReason: reason }))
}
