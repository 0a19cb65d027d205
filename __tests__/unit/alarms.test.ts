import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch'
import * as core from '../../__fixtures__/core.js'
import { FakeClock } from '../../__fixtures__/clock.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, awsCallNames, resetAws } = await import('../../__fixtures__/action.js')
const { OperationContext } = await import('../../src/context.js')
const { createAwsClients } = await import('../../src/aws/clients.js')
const { newReport } = await import('../../src/report.js')
const { describeAlarmStates } = await import('../../src/alarms.js')

function context(): InstanceType<typeof OperationContext> {
  const clock = new FakeClock()
  return new OperationContext(
    { endpointName: 'fraud', region: 'us-east-1', waitForCompletion: true, timeoutMs: 60_000, dryRun: false },
    createAwsClients('us-east-1'),
    clock,
    newReport('monitor', 'fraud', 'us-east-1', false, clock.now())
  )
}

describe('describeAlarmStates', () => {
  beforeEach(() => resetAws())

  it('reads every named alarm in one call, metric, composite and log alarms alike', async () => {
    aws.cloudwatch.on(DescribeAlarmsCommand).resolves({
      MetricAlarms: [{ AlarmName: 'latency', StateValue: 'OK' }],
      CompositeAlarms: [{ AlarmName: 'errors', StateValue: 'ALARM', StateReason: 'child in ALARM' }]
    })

    const states = await describeAlarmStates(context(), ['errors', 'latency'])

    expect(states).toEqual([
      { name: 'errors', state: 'ALARM', reason: 'child in ALARM' },
      { name: 'latency', state: 'OK' }
    ])
    expect(aws.cloudwatch.commandCalls(DescribeAlarmsCommand)[0]?.args[0].input).toEqual({
      AlarmNames: ['errors', 'latency'],
      AlarmTypes: ['MetricAlarm', 'CompositeAlarm', 'LogAlarm'],
      MaxRecords: 100
    })
  })

  it('names the input when an alarm does not exist', async () => {
    aws.cloudwatch.on(DescribeAlarmsCommand).resolves({ MetricAlarms: [{ AlarmName: 'latency', StateValue: 'OK' }] })

    await expect(describeAlarmStates(context(), ['latency', 'typo'])).rejects.toThrow(
      'Input "alarm-names" names "typo", which is not a CloudWatch alarm in us-east-1.'
    )
  })

  it('makes no call for no alarms', async () => {
    expect(await describeAlarmStates(context(), [])).toEqual([])
    expect(awsCallNames()).toEqual([])
  })
})
