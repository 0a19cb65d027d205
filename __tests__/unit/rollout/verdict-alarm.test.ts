/**
 * The verdict alarm: the action's verdict published as a custom metric and
 * one alarm on it that SageMaker rolls back on, for a failed verdict or for
 * the action falling silent; and max-error-rate as a Wilson-lower-bound
 * alarm that a thin minute cannot fire.
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { DeleteAlarmsCommand, PutMetricAlarmCommand, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch'
import * as core from '../../../__fixtures__/core.js'
import { FakeClock } from '../../../__fixtures__/clock.js'
import { awsError } from '../../../__fixtures__/sagemaker.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, awsCallNames, resetAws } = await import('../../../__fixtures__/action.js')
const { OperationContext } = await import('../../../src/context.js')
const { createAwsClients } = await import('../../../src/aws/clients.js')
const { newReport } = await import('../../../src/report.js')
const verdicts = await import('../../../src/rollout/verdict-alarm.js')

const TARGET = { newConfig: 'fraud-config-20260115-a1b2', gateIntervalMs: 10_000 }

function context(dryRun = false): InstanceType<typeof OperationContext> {
  const clock = new FakeClock()
  return new OperationContext(
    { endpointName: 'fraud', region: 'us-east-1', waitForCompletion: true, timeoutMs: 60_000, dryRun },
    createAwsClients('us-east-1'),
    clock,
    newReport('deploy', 'fraud', 'us-east-1', dryRun, clock.now())
  )
}

beforeEach(() => {
  resetAws()
  core.warning.mockClear()
})

describe('the alarm period and the heartbeat', () => {
  it('takes 10 s periods for gates judged that often, else 30 s: never whole minutes, whose heartbeat window outlasts the bakes', () => {
    expect(verdicts.verdictPeriodSeconds(1_000)).toBe(10)
    expect(verdicts.verdictPeriodSeconds(10_000)).toBe(10)
    expect(verdicts.verdictPeriodSeconds(10_001)).toBe(30)
    expect(verdicts.verdictPeriodSeconds(60_000)).toBe(30)
    expect(verdicts.verdictPeriodSeconds(600_000)).toBe(30)
    expect(() => verdicts.verdictPeriodSeconds(0)).toThrow(/positive/)
  })

  it('heartbeats twice a period, so every period gets a verdict whatever the gates are doing', () => {
    for (const gate of [1_000, 10_000, 25_000, 60_000, 300_000]) {
      const periodMs = verdicts.verdictPeriodSeconds(gate) * 1000
      expect(verdicts.heartbeatIntervalMs(gate)).toBeLessThanOrEqual(periodMs / 2)
    }
  })

  it('gives the silence before a rollback as the evaluation range plus one period', () => {
    // 10 s periods: 3 periods of range (1 evaluation period + 2), plus one.
    expect(verdicts.heartbeatWindowMs(10_000)).toBe(40_000)
    // 30 s periods, whatever the gate interval above 10 s: 2 minutes, where a minute's period made it 7.
    expect(verdicts.heartbeatWindowMs(60_000)).toBe(120_000)
    expect(verdicts.heartbeatWindowMs(600_000)).toBe(120_000)
    // The range's reading from a minute on (1 + 5 periods), kept for what CloudWatch does there.
    expect(verdicts.evaluationRangePeriods(60)).toBe(6)
    // A window always outlasts several heartbeats: one lost publication never rolls back.
    for (const gate of [1_000, 10_000, 30_000, 60_000, 600_000]) {
      expect(verdicts.heartbeatWindowMs(gate)).toBeGreaterThanOrEqual(4 * verdicts.heartbeatIntervalMs(gate))
    }
    expect(verdicts.silenceRollbackMs(10_000)).toBe(50_000)
  })

  it('bounds a failed verdict\u2019s rollback by gate interval + one period + 5 s', () => {
    expect(verdicts.failedVerdictRollbackMs(10_000)).toBe(10_000 + 10_000 + 5_000)
    expect(verdicts.failedVerdictRollbackMs(60_000)).toBe(60_000 + 30_000 + 5_000)
  })
})

describe('verdictMetricInput and verdictAlarmInput', () => {
  it('publishes 1 for a failed verdict and 0 otherwise, high resolution under a one-minute period', () => {
    const at = new Date('2026-01-15T12:00:05Z')
    const failed = verdicts.verdictMetricInput('fraud', TARGET, 'failed', at)
    expect(failed).toEqual({
      Namespace: 'SageMakerDeploy',
      MetricData: [
        {
          MetricName: 'RolloutVerdict',
          Dimensions: [
            { Name: 'EndpointName', Value: 'fraud' },
            { Name: 'EndpointConfigName', Value: TARGET.newConfig }
          ],
          Timestamp: at,
          Value: 1,
          StorageResolution: 1
        }
      ]
    })
    expect(verdicts.verdictMetricInput('fraud', TARGET, 'passing', at).MetricData?.[0]?.Value).toBe(0)
    expect(verdicts.verdictMetricInput('fraud', TARGET, 'judging', at).MetricData?.[0]?.Value).toBe(0)
    const minute = verdicts.verdictMetricInput('fraud', { ...TARGET, gateIntervalMs: 60_000 }, 'passing', at)
    expect(minute.MetricData?.[0]?.StorageResolution).toBe(1)
  })

  it('alarms on the same metric: Maximum >= 1 over one period, missing data breaching', () => {
    const input = verdicts.verdictAlarmInput('fraud', TARGET)
    expect(input).toMatchObject({
      AlarmName: `sagemaker-deploy-${TARGET.newConfig}-verdict`,
      Namespace: 'SageMakerDeploy',
      MetricName: 'RolloutVerdict',
      Dimensions: verdicts.verdictMetricInput('fraud', TARGET, 'failed', new Date()).MetricData?.[0]?.Dimensions,
      Statistic: 'Maximum',
      Period: 10,
      EvaluationPeriods: 1,
      DatapointsToAlarm: 1,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'breaching'
    })
    expect(input.AlarmDescription).toContain('no verdict for 40 s')
    expect(verdicts.verdictAlarmInput('fraud', { ...TARGET, gateIntervalMs: 120_000 }).Period).toBe(30)
  })

  it('keeps alarm names within CloudWatch\u2019s 255 characters', () => {
    expect(verdicts.verdictAlarmName({ newConfig: 'c'.repeat(63) }).length).toBeLessThanOrEqual(255)
    expect(() => verdicts.verdictAlarmName({ newConfig: 'c'.repeat(240) })).toThrow(/longer than 255/)
  })
})

describe('publishVerdict, createVerdictAlarm, deleteVerdictAlarm', () => {
  it('creates the alarm only after a first "judging" datapoint, both through the recorded changes', async () => {
    aws.cloudwatch.on(PutMetricDataCommand).resolves({})
    aws.cloudwatch.on(PutMetricAlarmCommand).resolves({})
    const ctx = context()

    const name = await verdicts.createVerdictAlarm(ctx, TARGET)

    expect(name).toBe(`sagemaker-deploy-${TARGET.newConfig}-verdict`)
    expect(awsCallNames()).toEqual(['cloudwatch.PutMetricData', 'cloudwatch.PutMetricAlarm'])
    expect(aws.cloudwatch.commandCalls(PutMetricDataCommand)[0]?.args[0].input.MetricData?.[0]).toMatchObject({
      Value: 0,
      Timestamp: new Date(ctx.clock.now())
    })
    expect(ctx.report.changes.map((change) => change.api)).toEqual(['PutMetricData', 'PutMetricAlarm'])
  })

  it('records the plan in a dry run and calls nothing', async () => {
    const ctx = context(true)
    await verdicts.createVerdictAlarm(ctx, TARGET)
    await verdicts.publishVerdict(ctx, TARGET, 'failed')
    await verdicts.deleteVerdictAlarm(ctx, 'sagemaker-deploy-x-verdict')
    expect(awsCallNames()).toEqual([])
    expect(ctx.report.changes.map((change) => change.api)).toEqual(['PutMetricData', 'PutMetricAlarm', 'DeleteAlarms'])
  })

  it('publishes each verdict at the clock\u2019s time without listing every heartbeat as a change', async () => {
    aws.cloudwatch.on(PutMetricDataCommand).resolves({})
    const ctx = context()
    await verdicts.publishVerdict(ctx, TARGET, 'passing')
    ;(ctx.clock as FakeClock).advance(5_000)
    await verdicts.publishVerdict(ctx, TARGET, 'failed')

    const sent = aws.cloudwatch.commandCalls(PutMetricDataCommand).map((call) => call.args[0].input.MetricData?.[0])
    expect(sent.map((datum) => [datum?.Value, datum?.Timestamp?.getTime()])).toEqual([
      [0, ctx.clock.now() - 5_000],
      [1, ctx.clock.now()]
    ])
    expect(ctx.report.changes).toEqual([])
  })

  it('names the call when a publication fails', async () => {
    aws.cloudwatch.on(PutMetricDataCommand).rejects(awsError('AccessDenied', 'not allowed'))
    await expect(verdicts.publishVerdict(context(), TARGET, 'failed')).rejects.toThrow(/PutMetricData.*AccessDenied/s)
  })

  it('deletes the alarm, and a failed delete is a warning naming it', async () => {
    aws.cloudwatch.on(DeleteAlarmsCommand).resolvesOnce({}).rejectsOnce(awsError('Throttling', 'slow down'))
    await verdicts.deleteVerdictAlarm(context(), 'sagemaker-deploy-a-verdict')
    expect(aws.cloudwatch.commandCalls(DeleteAlarmsCommand)[0]?.args[0].input).toEqual({
      AlarmNames: ['sagemaker-deploy-a-verdict']
    })
    expect(core.warning).not.toHaveBeenCalled()

    await verdicts.deleteVerdictAlarm(context(), 'sagemaker-deploy-b-verdict')
    expect(core.warning).toHaveBeenCalledWith(expect.stringContaining('sagemaker-deploy-b-verdict'))
  })
})
