// CloudWatch alarms as the emulator evaluates them: every 10 s, over
// CloudWatch's evaluation range, missing data per TreatMissingData, M out of
// N, high-resolution custom metrics, metric math with the functions alarms may
// use, and the action's verdict alarm going to ALARM when its publisher falls
// silent. Everything goes through the AWS SDK.

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  DescribeAlarmsCommand,
  GetMetricDataCommand,
  PutMetricAlarmCommand,
  PutMetricDataCommand,
  SetAlarmStateCommand,
  type MetricAlarm,
  type PutMetricAlarmCommandInput
} from '@aws-sdk/client-cloudwatch'

import { awsClients, startEmulator, type AwsClients, type Emulator } from './harness.js'
import { verdictAlarmInput, verdictMetricInput } from '../../src/rollout/verdict-alarm.js'

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))
const NAMESPACE = 'E2E/Alarms'

let emulator: Emulator
let aws: AwsClients

beforeAll(async () => {
  emulator = await startEmulator({ transitionSeconds: 1 })
  aws = awsClients(emulator)
}, 60_000)

afterAll(async () => {
  aws?.destroy()
  await emulator?.stop()
})

async function alarms(): Promise<Record<string, MetricAlarm>> {
  const found = (await aws.cloudwatch.send(new DescribeAlarmsCommand({}))).MetricAlarms ?? []
  return Object.fromEntries(found.map((alarm) => [alarm.AlarmName ?? '', alarm]))
}

async function waitForAlarms(
  done: (all: Record<string, MetricAlarm>) => boolean,
  timeoutMs = 30_000
): Promise<Record<string, MetricAlarm>> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const all = await alarms()
    if (done(all) || Date.now() > deadline) return all
    await sleep(250)
  }
}

const dimension = (name: string) => [{ Name: 'Case', Value: name }]

/** Datapoints of one case's high-resolution metric, each `secondsAgo` before now. */
async function put(name: string, points: Array<[secondsAgo: number, value: number]>): Promise<void> {
  const now = Date.now()
  await aws.cloudwatch.send(
    new PutMetricDataCommand({
      Namespace: NAMESPACE,
      MetricData: points.map(([ago, value]) => ({
        MetricName: 'Value',
        Dimensions: dimension(name),
        Timestamp: new Date(now - ago * 1000),
        Value: value,
        StorageResolution: 1
      }))
    })
  )
}

/** An alarm on a case's metric: Maximum >= 1 over 10-second periods. */
function caseAlarm(name: string, extra: Partial<PutMetricAlarmCommandInput>): PutMetricAlarmCommand {
  return new PutMetricAlarmCommand({
    AlarmName: name,
    Namespace: NAMESPACE,
    MetricName: 'Value',
    Dimensions: dimension(name),
    Statistic: 'Maximum',
    Period: 10,
    EvaluationPeriods: 1,
    Threshold: 1,
    ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    ...extra
  })
}

describe('missing data and M out of N', () => {
  it('judges each case as CloudWatch documents, and replaces states set by hand', async () => {
    const cases: Array<[string, Partial<PutMetricAlarmCommandInput>, Array<[number, number]>]> = [
      ['silent-breaching', { TreatMissingData: 'breaching' }, []],
      ['silent-not-breaching', { TreatMissingData: 'notBreaching' }, []],
      ['silent-missing', { TreatMissingData: 'missing' }, []],
      [
        'two-of-three',
        { EvaluationPeriods: 3, DatapointsToAlarm: 2 },
        [
          [25, 1],
          [15, 0],
          [5, 1]
        ]
      ],
      [
        'one-of-three',
        { EvaluationPeriods: 3, DatapointsToAlarm: 2 },
        [
          [25, 1],
          [15, 0],
          [5, 0]
        ]
      ],
      ['sparse-breaching', { EvaluationPeriods: 3, DatapointsToAlarm: 2, TreatMissingData: 'breaching' }, [[5, 0]]],
      [
        'sparse-not-breaching',
        { EvaluationPeriods: 3, DatapointsToAlarm: 2, TreatMissingData: 'notBreaching' },
        [[5, 0]]
      ],
      ['sparse-ignore', { EvaluationPeriods: 3, DatapointsToAlarm: 2, TreatMissingData: 'ignore' }, [[5, 0]]],
      ['stale-ignore', { EvaluationPeriods: 3, DatapointsToAlarm: 3, TreatMissingData: 'ignore' }, [[25, 1]]]
    ]
    for (const [name, extra, points] of cases) {
      if (points.length) await put(name, points)
      await aws.cloudwatch.send(caseAlarm(name, extra))
    }
    // States set by hand, each different from what the data says (stale-ignore: what it keeps). silent-missing is set
    // last: once it has turned, an evaluation has run after every one of them.
    const byHand = { 'stale-ignore': 'OK', 'sparse-ignore': 'ALARM', 'silent-missing': 'OK' } as const
    for (const [name, state] of Object.entries(byHand)) {
      await aws.cloudwatch.send(
        new SetAlarmStateCommand({ AlarmName: name, StateValue: state, StateReason: 'by hand' })
      )
    }
    const expected: Record<string, string> = {
      'silent-breaching': 'ALARM',
      'silent-not-breaching': 'OK',
      'silent-missing': 'INSUFFICIENT_DATA',
      'two-of-three': 'ALARM',
      'one-of-three': 'OK',
      'sparse-breaching': 'ALARM',
      'sparse-not-breaching': 'OK',
      'sparse-ignore': 'OK',
      'stale-ignore': 'OK'
    }
    const seen = await waitForAlarms((all) =>
      Object.entries(expected).every(([name, state]) => all[name]?.StateValue === state)
    )
    expect(Object.fromEntries(Object.keys(expected).map((name) => [name, seen[name]?.StateValue]))).toEqual(expected)
    // stale-ignore: one old breaching point among too few is not enough, and ignore keeps the state set by hand.
    expect(seen['stale-ignore']?.StateReason).toBe('by hand')
    expect(seen['silent-missing']?.StateReason).toMatch(/Insufficient Data/)
    expect(seen['two-of-three']?.StateReason).toMatch(/^Threshold Crossed: 2 out of the last 3 datapoints/)
  }, 60_000)
})

describe('metric math', () => {
  it('computes the functions alarms may use in GetMetricData, and refuses SQRT', async () => {
    const t0 = Math.floor(Date.now() / 10_000) * 10_000 - 60_000
    await aws.cloudwatch.send(
      new PutMetricDataCommand({
        Namespace: NAMESPACE,
        MetricData: [
          [0, 4],
          [10, 1],
          [30, 9]
        ].map(([offset, value]) => ({
          MetricName: 'Value',
          Dimensions: dimension('math'),
          Timestamp: new Date(t0 + (offset as number) * 1000),
          Value: value,
          StorageResolution: 1
        }))
      })
    )
    const m = {
      Id: 'm',
      MetricStat: {
        Metric: { Namespace: NAMESPACE, MetricName: 'Value', Dimensions: dimension('math') },
        Period: 10,
        Stat: 'Maximum'
      },
      ReturnData: false
    }
    const expressions: Record<string, string> = {
      zero: 'FILL(m, 0)',
      repeat: 'FILL(m, REPEAT)',
      linear: 'FILL(m, LINEAR)',
      big: 'IF(m > 2, m, 0)',
      only_big: 'IF(m > 2, m)',
      root: 'm ^ 0.5',
      absolute: 'ABS(0 - m)',
      between: '(m > 2) AND (m < 5)',
      either: 'm < 2 || m > 5',
      headroom: 'MAX(m) - m'
    }
    const result = await aws.cloudwatch.send(
      new GetMetricDataCommand({
        MetricDataQueries: [m, ...Object.entries(expressions).map(([Id, Expression]) => ({ Id, Expression }))],
        StartTime: new Date(t0),
        EndTime: new Date(t0 + 40_000),
        ScanBy: 'TimestampAscending'
      })
    )
    const values = Object.fromEntries((result.MetricDataResults ?? []).map((r) => [r.Id, r.Values]))
    expect(values).toEqual({
      zero: [4, 1, 0, 9],
      repeat: [4, 1, 1, 9],
      linear: [4, 1, 5, 9],
      big: [4, 0, 9],
      only_big: [4, 9],
      root: [2, 1, 3],
      absolute: [4, 1, 9],
      between: [1, 0, 0],
      either: [0, 1, 1],
      headroom: [5, 8, 0]
    })
    await expect(
      aws.cloudwatch.send(
        new GetMetricDataCommand({
          MetricDataQueries: [m, { Id: 'bad', Expression: 'SQRT(m)' }],
          StartTime: new Date(t0),
          EndTime: new Date(t0 + 40_000)
        })
      )
    ).rejects.toThrow(/SQRT/)
  })

  it('treats a value missing from one series as 0 in an alarm, and lets FILL make a gap breach', async () => {
    await put('math-a', [[5, 1]])
    const series = (id: string, name: string) => ({
      Id: id,
      MetricStat: {
        Metric: { Namespace: NAMESPACE, MetricName: 'Value', Dimensions: dimension(name) },
        Period: 10,
        Stat: 'Maximum'
      },
      ReturnData: false
    })
    const mathAlarm = (name: string, expression: string) =>
      new PutMetricAlarmCommand({
        AlarmName: name,
        EvaluationPeriods: 1,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
        Metrics: [series('a', 'math-a'), series('b', 'math-b'), { Id: 'e', Expression: expression, ReturnData: true }]
      })
    // b has no data at all: a + b is a + 0 where a has a value; FILL gives b a value in every period.
    await aws.cloudwatch.send(mathAlarm('sum-with-missing', 'a + b'))
    await aws.cloudwatch.send(mathAlarm('filled-gap', 'IF(FILL(b, 5) > 2, 1, 0)'))
    await aws.cloudwatch.send(mathAlarm('product-with-missing', 'a * b'))
    const names = ['sum-with-missing', 'filled-gap', 'product-with-missing']
    const seen = await waitForAlarms((all) => names.every((name) => all[name]?.StateValue !== 'INSUFFICIENT_DATA'))
    expect(names.map((name) => seen[name]?.StateValue)).toEqual(['ALARM', 'ALARM', 'OK'])
  }, 40_000)
})

describe('the verdict alarm', () => {
  it('stays OK while verdicts flow, fires when they stop, and fires at once on a failed verdict', async () => {
    const target = { newConfig: 'verdict-next', gateIntervalMs: 10_000 }
    const publish = async (verdict: 'passing' | 'failed'): Promise<number> => {
      const at = Date.now()
      await aws.cloudwatch.send(new PutMetricDataCommand(verdictMetricInput('verdict', target, verdict, new Date(at))))
      return at
    }
    const alarm = verdictAlarmInput('verdict', target)
    const state = async () => (await alarms())[alarm.AlarmName ?? '']
    await publish('passing')
    await aws.cloudwatch.send(new PutMetricAlarmCommand(alarm))

    // A heartbeat every 2 s keeps it OK across evaluations.
    let last = 0
    let beating = true
    const heartbeat = (async () => {
      while (beating) {
        last = await publish('passing')
        await sleep(2_000)
      }
    })()
    const ok = await waitForAlarms((all) => all[alarm.AlarmName ?? '']?.StateValue === 'OK')
    expect(ok[alarm.AlarmName ?? '']?.StateValue).toBe('OK')
    const okSince = ok[alarm.AlarmName ?? '']?.StateUpdatedTimestamp
    await sleep(12_000)
    expect((await state())?.StateUpdatedTimestamp).toEqual(okSince)
    beating = false
    await heartbeat

    // Silence: missing data is breaching once no verdict is left in the evaluation range.
    const silent = await waitForAlarms((all) => all[alarm.AlarmName ?? '']?.StateValue === 'ALARM', 70_000)
    expect(silent[alarm.AlarmName ?? '']?.StateValue).toBe('ALARM')
    expect(silent[alarm.AlarmName ?? '']?.StateUpdatedTimestamp?.getTime()).toBeGreaterThan(last)

    await publish('passing')
    await waitForAlarms((all) => all[alarm.AlarmName ?? '']?.StateValue === 'OK')
    const failedAt = await publish('failed')
    const failed = await waitForAlarms((all) => all[alarm.AlarmName ?? '']?.StateValue === 'ALARM')
    expect(failed[alarm.AlarmName ?? '']?.StateReason).toMatch(
      /^Threshold Crossed: 1 out of the last 1 datapoints \[1\.0/
    )
    expect(failed[alarm.AlarmName ?? '']?.StateUpdatedTimestamp?.getTime()).toBeGreaterThanOrEqual(failedAt - 1_000)
  }, 150_000)
})
