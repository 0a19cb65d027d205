// SageMaker's deployment guardrails inside one UpdateEndpoint, as the emulator
// runs them: the new fleet takes live traffic from the moment it is shifted
// (canary, linear, all at once, rolling), with its own model; both fleets
// publish under their own EndpointConfigName; an alarm that fires mid-bake
// rolls the deployment back and the traffic returns to the old fleet.
// Everything goes through the AWS SDK and the control client.

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { DescribeAlarmsCommand, GetMetricDataCommand, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch'

import { emulatorControl, type EmulatorControl } from '../../test/emulator/control.mjs'
import { endpointWithNextConfig, fleets, IMAGE, newShare, pendingStatus, update } from './deployments.js'
import { awsClients, startEmulator, waitForEndpoint, type AwsClients, type Emulator } from './harness.js'

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

let emulator: Emulator
let aws: AwsClients
let control: EmulatorControl

beforeAll(async () => {
  emulator = await startEmulator({ transitionSeconds: 1 })
  aws = awsClients(emulator)
  control = emulatorControl(emulator)
  await control.configure({ seed: 7, metricsMode: 'instant' })
  await control.setModelBehaviour({ match: 'failing-model', errorRate: 0.5 })
}, 60_000)

afterAll(async () => {
  aws?.destroy()
  await emulator?.stop()
})

describe('traffic during a deployment', () => {
  it('canary: the new fleet takes its share from the shift on, fails with its own model, and all of it at the end', async () => {
    const next = await endpointWithNextConfig(aws, 'cn', IMAGE('failing-model'))
    await control.setTraffic('cn', 20)
    await update(aws, 'cn', next, {
      BlueGreenUpdatePolicy: {
        TrafficRoutingConfiguration: {
          Type: 'CANARY',
          WaitIntervalInSeconds: 4,
          CanarySize: { Type: 'CAPACITY_PERCENT', Value: 25 }
        },
        TerminationWaitInSeconds: 2
      }
    })
    // While the new fleet is provisioned it takes nothing.
    const creating = await waitForEndpoint(aws.sagemaker, 'cn', () => true)
    const provisioning = await fleets(control, 'cn')
    const stillCreating = await waitForEndpoint(aws.sagemaker, 'cn', () => true)
    expect([pendingStatus(creating)?.Status, pendingStatus(stillCreating)?.Status]).toEqual(['Creating', 'Creating'])
    expect(provisioning[next]).toBeUndefined()

    // The canary's bake: both fleets serve, the new one a quarter, and only it fails.
    const baking = await waitForEndpoint(aws.sagemaker, 'cn', (d) => pendingStatus(d)?.Status === 'Baking')
    expect(pendingStatus(baking)?.StatusMessage).toMatch(/^25% of traffic on the new fleet/)
    const start = await fleets(control, 'cn')
    await sleep(3_000)
    const end = await fleets(control, 'cn')
    const [deployment] = await control.deployments('cn')
    expect(deployment?.steps.map((step) => [step.newFleetShare, step.bakeSeconds])).toEqual([
      [0.25, 4],
      [1, 0]
    ])
    // The snapshots were both taken within the canary step.
    expect((await waitForEndpoint(aws.sagemaker, 'cn', () => true)).EndpointStatus).toBe('Updating')
    const share = newShare(start, end, 'cn-seed-config', next)
    expect(share).toBeGreaterThan(0.1)
    expect(share).toBeLessThan(0.45)
    expect(end[next]?.errors).toBeGreaterThan(0)
    expect(end['cn-seed-config']?.errors).toBe(0)

    const done = await waitForEndpoint(aws.sagemaker, 'cn', 'InService')
    expect(done.EndpointConfigName).toBe(next)
    expect((await control.deployments('cn'))[0]?.status).toBe('Succeeded')
    // Once the old fleet is gone it serves nothing more.
    const after = await fleets(control, 'cn')
    await sleep(1_000)
    const later = await fleets(control, 'cn')
    expect(later['cn-seed-config']?.requests).toBe(after['cn-seed-config']?.requests)
    expect(later[next]?.requests).toBeGreaterThan(after[next]?.requests ?? 0)
    await control.stopTraffic('cn')

    // Each fleet publishes under its own EndpointConfigName; the plain series holds both.
    const query = (id: string, metric: string, config?: string) => ({
      Id: id,
      MetricStat: {
        Metric: {
          Namespace: 'AWS/SageMaker',
          MetricName: metric,
          Dimensions: [
            { Name: 'EndpointName', Value: 'cn' },
            { Name: 'VariantName', Value: 'AllTraffic' },
            ...(config ? [{ Name: 'EndpointConfigName', Value: config }] : [])
          ]
        },
        Period: 300,
        Stat: 'Sum'
      }
    })
    const now = Date.now()
    const result = await aws.cloudwatch.send(
      new GetMetricDataCommand({
        MetricDataQueries: [
          query('all', 'Invocations'),
          query('old', 'Invocations', 'cn-seed-config'),
          query('next', 'Invocations', next),
          query('old_errors', 'Invocation5XXErrors', 'cn-seed-config'),
          query('next_errors', 'Invocation5XXErrors', next)
        ],
        StartTime: new Date(now - 10 * 60_000),
        EndTime: new Date(now + 60_000)
      })
    )
    const total = (id: string) =>
      (result.MetricDataResults?.find((r) => r.Id === id)?.Values ?? []).reduce((a, b) => a + b, 0)
    const served = await fleets(control, 'cn')
    const variant = (await control.trafficStats())['cn']?.variants['AllTraffic']
    expect(total('old')).toBe(served['cn-seed-config']?.requests)
    expect(total('next')).toBe(served[next]?.requests)
    expect(total('next_errors')).toBe(served[next]?.errors)
    expect(total('old_errors')).toBe(0)
    expect(total('all')).toBe(variant?.requests)
    expect(total('all')).toBeGreaterThanOrEqual(total('old') + total('next'))
  }, 60_000)

  it('linear and rolling: each step shifts its share and bakes it', async () => {
    const linear = await endpointWithNextConfig(aws, 'ln', IMAGE('good-model'))
    const rolling = await endpointWithNextConfig(aws, 'rl', IMAGE('good-model'))
    await control.setTraffic('ln', 20)
    await control.setTraffic('rl', 20)
    await update(aws, 'ln', linear, {
      BlueGreenUpdatePolicy: {
        TrafficRoutingConfiguration: {
          Type: 'LINEAR',
          WaitIntervalInSeconds: 4,
          LinearStepSize: { Type: 'CAPACITY_PERCENT', Value: 50 }
        },
        TerminationWaitInSeconds: 1
      }
    })
    await update(aws, 'rl', rolling, {
      RollingUpdatePolicy: { MaximumBatchSize: { Type: 'INSTANCE_COUNT', Value: 2 }, WaitIntervalInSeconds: 4 }
    })
    const halfway = async (name: string, next: string): Promise<void> => {
      await waitForEndpoint(aws.sagemaker, name, (d) => /^50% /.test(pendingStatus(d)?.StatusMessage ?? ''))
      const start = await fleets(control, name)
      await sleep(2_000)
      const end = await fleets(control, name)
      // Both snapshots within the 50% step.
      expect(pendingStatus(await waitForEndpoint(aws.sagemaker, name, () => true))?.StatusMessage).toMatch(/^50% /)
      const share = newShare(start, end, `${name}-seed-config`, next)
      expect(share).toBeGreaterThan(0.2)
      expect(share).toBeLessThan(0.8)
    }
    await Promise.all([halfway('ln', linear), halfway('rl', rolling)])
    await waitForEndpoint(aws.sagemaker, 'ln', 'InService')
    await waitForEndpoint(aws.sagemaker, 'rl', 'InService')
    await control.stopTraffic()
    const [linearDeployment] = await control.deployments('ln')
    const [rollingDeployment] = await control.deployments('rl')
    expect(linearDeployment).toMatchObject({ type: 'LINEAR', status: 'Succeeded', terminationWaitSeconds: 1 })
    expect(linearDeployment?.steps.map((s) => [s.newFleetShare, s.bakeSeconds])).toEqual([
      [0.5, 4],
      [1, 4]
    ])
    expect(rollingDeployment).toMatchObject({ type: 'ROLLING', status: 'Succeeded' })
    expect(rollingDeployment?.steps.map((s) => [s.newFleetShare, s.bakeSeconds])).toEqual([
      [0.5, 4],
      [1, 4]
    ])
  }, 60_000)
})

describe('auto-rollback during a bake', () => {
  it('rolls back as soon as an alarm fires mid-bake, and the traffic returns to the old fleet', async () => {
    const next = await endpointWithNextConfig(aws, 'rb', IMAGE('failing-model'))
    await aws.cloudwatch.send(
      new PutMetricAlarmCommand({
        AlarmName: 'rb-new-fleet-5xx',
        Namespace: 'AWS/SageMaker',
        MetricName: 'Invocation5XXErrors',
        Dimensions: [
          { Name: 'EndpointName', Value: 'rb' },
          { Name: 'VariantName', Value: 'AllTraffic' },
          { Name: 'EndpointConfigName', Value: next }
        ],
        Statistic: 'Sum',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 5,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching'
      })
    )
    await control.setTraffic('rb', 20)
    // A bake of ten minutes: only an alarm seen during it can end the deployment this soon.
    await update(aws, 'rb', next, {
      BlueGreenUpdatePolicy: {
        TrafficRoutingConfiguration: { Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 600 },
        TerminationWaitInSeconds: 0
      },
      AutoRollbackConfiguration: { Alarms: [{ AlarmName: 'rb-new-fleet-5xx' }] }
    })
    const seen = new Set<string>()
    const done = await waitForEndpoint(
      aws.sagemaker,
      'rb',
      (d) => {
        seen.add(d.EndpointStatus ?? '')
        return d.EndpointStatus === 'InService'
      },
      40_000
    )
    expect([...seen]).toEqual(['Updating', 'RollingBack', 'InService'])
    expect(done.EndpointConfigName).toBe('rb-seed-config')
    expect(done.FailureReason).toContain('rb-new-fleet-5xx')
    const alarm = (await aws.cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: ['rb-new-fleet-5xx'] })))
      .MetricAlarms?.[0]
    expect(alarm?.StateValue).toBe('ALARM')

    const [deployment] = await control.deployments('rb')
    expect(deployment).toMatchObject({ status: 'RolledBack', firingAlarms: ['rb-new-fleet-5xx'] })
    expect(deployment?.rollbackStartedAt).toBeGreaterThanOrEqual(deployment?.steps[0]?.at ?? Infinity)
    expect(deployment?.rollbackStartedAt).toBeLessThan(deployment?.plannedEndAt ?? 0)

    // The new fleet's traffic stopped with the rollback; the old fleet serves it all.
    const before = await fleets(control, 'rb')
    await sleep(1_500)
    const after = await fleets(control, 'rb')
    await control.stopTraffic('rb')
    expect(after[next]?.requests).toBe(before[next]?.requests)
    expect(after['rb-seed-config']?.requests).toBeGreaterThan(before['rb-seed-config']?.requests ?? 0)
  }, 60_000)
})
