// A deployment SageMaker runs, judged by the action's verdict alarm: it bakes
// while the verdicts flow and rolls back once they stop (the runner died);
// and both fleets' metrics published under their own EndpointConfigName,
// late by the same delay as the plain series.

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { DescribeAlarmsCommand, PutMetricAlarmCommand, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch'

import { emulatorControl, type EmulatorControl } from '../../test/emulator/control.mjs'
import { verdictAlarmInput, verdictMetricInput } from '../../src/rollout/verdict-alarm.js'
import { endpointWithNextConfig, IMAGE, pendingStatus, update } from './deployments.js'
import { awsClients, startEmulator, waitForEndpoint, type AwsClients, type Emulator } from './harness.js'

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

let emulator: Emulator
let aws: AwsClients
let control: EmulatorControl

beforeAll(async () => {
  emulator = await startEmulator({ transitionSeconds: 1 })
  aws = awsClients(emulator)
  control = emulatorControl(emulator)
  await control.configure({ seed: 11, metricsMode: 'instant' })
}, 60_000)

afterAll(async () => {
  aws?.destroy()
  await emulator?.stop()
})

describe('the verdict alarm in a deployment', () => {
  it('lets the deployment bake while verdicts flow, and rolls it back once they stop', async () => {
    const next = await endpointWithNextConfig(aws, 'vd', IMAGE('good-model'))
    const target = { newConfig: next, gateIntervalMs: 10_000 }
    const alarm = verdictAlarmInput('vd', target)
    let last = 0
    const publish = async (): Promise<void> => {
      last = Date.now()
      await aws.cloudwatch.send(new PutMetricDataCommand(verdictMetricInput('vd', target, 'passing', new Date(last))))
    }
    // As createVerdictAlarm does: a first verdict, then the alarm.
    await publish()
    await aws.cloudwatch.send(new PutMetricAlarmCommand(alarm))
    let beating = true
    const heartbeat = (async () => {
      while (beating) {
        await publish()
        await sleep(2_000)
      }
    })()
    await control.setTraffic('vd', 10)
    await update(aws, 'vd', next, {
      BlueGreenUpdatePolicy: {
        TrafficRoutingConfiguration: {
          Type: 'CANARY',
          WaitIntervalInSeconds: 600,
          CanarySize: { Type: 'CAPACITY_PERCENT', Value: 25 }
        },
        TerminationWaitInSeconds: 0
      },
      AutoRollbackConfiguration: { Alarms: [{ AlarmName: alarm.AlarmName }] }
    })
    await waitForEndpoint(aws.sagemaker, 'vd', (d) => pendingStatus(d)?.Status === 'Baking')
    // Two evaluations pass with the canary taking traffic and the alarm OK: the deployment keeps baking.
    const evaluated = async () =>
      (await aws.cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: [alarm.AlarmName ?? ''] }))).MetricAlarms?.[0]
    await sleep(20_000)
    expect((await evaluated())?.StateValue).toBe('OK')
    expect((await waitForEndpoint(aws.sagemaker, 'vd', () => true)).EndpointStatus).toBe('Updating')

    beating = false
    await heartbeat
    const done = await waitForEndpoint(aws.sagemaker, 'vd', 'InService', 90_000, 250)
    await control.stopTraffic('vd')
    expect(done.EndpointConfigName).toBe('vd-seed-config')
    const [deployment] = await control.deployments('vd')
    expect(deployment).toMatchObject({ status: 'RolledBack', firingAlarms: [alarm.AlarmName] })
    expect((deployment?.rollbackStartedAt ?? 0) * 1000).toBeGreaterThan(last)
  }, 150_000)
})

describe('publication of both fleets', () => {
  it('publishes each fleet under its own EndpointConfigName with the same delay as the plain series', async () => {
    await control.configure({ metricsMode: 'faithful', metricsDelaySeconds: [1, 2] })
    const next = await endpointWithNextConfig(aws, 'pd', IMAGE('good-model'))
    await control.setTraffic('pd', 10)
    await update(aws, 'pd', next, {
      BlueGreenUpdatePolicy: {
        TrafficRoutingConfiguration: { Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 2 },
        TerminationWaitInSeconds: 0
      }
    })
    await waitForEndpoint(aws.sagemaker, 'pd', 'InService')
    await sleep(1_000)
    await control.stopTraffic('pd')
    const startedAt = (await control.deployments('pd'))[0]?.startedAt ?? 0
    const lastMinute = Math.floor(Date.now() / 60_000) * 60_000
    const published = async () => control.metricPublications('pd')
    const deadline = lastMinute + 60_000 + 10_000
    let entries = await published()
    while (
      !entries.some((e) => Date.parse(e.minute) === lastMinute && e.endpointConfigName === next) &&
      Date.now() < deadline
    ) {
      await sleep(500)
      entries = await published()
    }
    const byConfig = (config: string | null) => entries.filter((e) => e.endpointConfigName === config)
    expect(byConfig(next).length).toBeGreaterThan(0)
    expect(byConfig('pd-seed-config').length).toBeGreaterThan(0)
    // Every config-dimensioned minute is published with its plain twin, late by the same draw.
    for (const entry of [...byConfig(next), ...byConfig('pd-seed-config')]) {
      const plain = byConfig(null).find((e) => e.minute === entry.minute && e.variant === entry.variant)
      expect(plain?.dueAt).toBe(entry.dueAt)
      expect(entry.dueAt).toBeGreaterThanOrEqual(Date.parse(entry.minute) / 1000 + 60 + 1)
      expect(entry.publishedAt).toBeGreaterThanOrEqual(entry.dueAt)
    }
    // The old config's own series starts with the deployment: before it, the old fleet published no config dimension.
    for (const entry of byConfig('pd-seed-config')) {
      expect(Date.parse(entry.minute) / 1000 + 60).toBeGreaterThan(startedAt)
    }
    await control.configure({ metricsMode: 'instant' })
  }, 120_000)
})
