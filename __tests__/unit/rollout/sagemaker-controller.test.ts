/**
 * rollout-controller: sagemaker. The rollout inputs become UpdateEndpoint's
 * DeploymentConfig; SageMaker shifts the traffic and rolls back on its alarms,
 * and the action reports what happened. Inputs that DeploymentConfig cannot
 * express, or that break SageMaker's limits, fail before any AWS call.
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '../../../__fixtures__/core.js'
import { FakeClock } from '../../../__fixtures__/clock.js'
import { changeCalls, FakeAws } from '../../../__fixtures__/fake-aws.js'
import { IMAGE, ROLE_ARN } from '../../../__fixtures__/sagemaker.js'

import { seedServingEndpoint } from '../../../__fixtures__/rollout.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, awsCallNames, resetAws, runAction } = await import('../../../__fixtures__/action.js')

const native = {
  operation: 'deploy',
  'endpoint-name': 'fraud',
  'image-uri': IMAGE,
  'execution-role-arn': ROLE_ARN,
  'model-name': 'fraud-v2',
  'rollout-controller': 'sagemaker',
  strategy: 'canary',
  'bake-time': '10m',
  timeout: '45m',
  'alarm-names': 'fraud-5xx, fraud-latency'
}

const ALARMS = { Alarms: [{ AlarmName: 'fraud-5xx' }, { AlarmName: 'fraud-latency' }] }

let fake: FakeAws
beforeEach(() => {
  resetAws()
  fake = new FakeAws()
  seedServingEndpoint(fake, 2)
  fake.alarms.set('fraud-5xx', 'OK')
  fake.alarms.set('fraud-latency', 'OK')
  fake.install(aws)
})

/** The DeploymentConfig of the one UpdateEndpoint a SageMaker-run deploy makes. */
function sentDeploymentConfig(): unknown {
  const updates = changeCalls(aws).filter((call) => call.name === 'sagemaker.UpdateEndpoint')
  expect(updates).toHaveLength(1)
  return updates[0]?.input.DeploymentConfig
}

describe('the DeploymentConfig sent', () => {
  it('canary: CanarySize from the first step, WaitIntervalInSeconds from bake-time, the timeout, the alarms', async () => {
    const result = await runAction(native)

    expect(result.failed).toBeUndefined()
    const releaseConfig = result.outputs['endpoint-config-name'] as string
    expect(changeCalls(aws).map((call) => [call.name, call.input.EndpointConfigName])).toEqual([
      ['sagemaker.CreateModel', undefined],
      ['sagemaker.CreateEndpointConfig', releaseConfig],
      ['sagemaker.UpdateEndpoint', releaseConfig]
    ])
    expect(changeCalls(aws)[2]?.input).toEqual({
      EndpointName: 'fraud',
      EndpointConfigName: releaseConfig,
      DeploymentConfig: {
        BlueGreenUpdatePolicy: {
          TrafficRoutingConfiguration: {
            Type: 'CANARY',
            WaitIntervalInSeconds: 600,
            CanarySize: { Type: 'CAPACITY_PERCENT', Value: 10 }
          },
          MaximumExecutionTimeoutInSeconds: 2700
        },
        AutoRollbackConfiguration: ALARMS
      }
    })
    // SageMaker judges; the action reads no metrics and sends no probes of its own.
    expect(awsCallNames().filter((name) => name.startsWith('cloudwatch.') || name.startsWith('runtime.'))).toEqual([
      'cloudwatch.DescribeAlarms'
    ])
    expect(result.outputs['rollout-result']).toBe('succeeded')
    expect(result.outputs['rolled-back']).toBe('false')
    const state = fake.endpoint('fraud')
    expect(state.config).toBe(releaseConfig)
    // The new fleet is the size of the one it replaces.
    expect(state.variants).toEqual([{ name: 'AllTraffic', weight: 1, count: 2 }])
    expect(fake.configs.get(releaseConfig)?.variants[0]?.ModelName).toBe('fraud-v2')
    expect(fake.configs.get(releaseConfig)?.tags['sagemaker-deploy:previous-config']).toBe('fraud-v1-config')
  })

  it('linear: LinearStepSize from the step', async () => {
    const result = await runAction({
      ...native,
      strategy: 'linear',
      'traffic-steps': '20,40,60,80,100',
      'bake-time': '3m'
    })

    expect(result.failed).toBeUndefined()
    expect(sentDeploymentConfig()).toEqual({
      BlueGreenUpdatePolicy: {
        TrafficRoutingConfiguration: {
          Type: 'LINEAR',
          WaitIntervalInSeconds: 180,
          LinearStepSize: { Type: 'CAPACITY_PERCENT', Value: 20 }
        },
        MaximumExecutionTimeoutInSeconds: 2700
      },
      AutoRollbackConfiguration: ALARMS
    })
  })

  it('all-at-once: one shift, then the bake', async () => {
    const result = await runAction({ ...native, strategy: 'all-at-once', timeout: '1h' })

    expect(result.failed).toBeUndefined()
    expect(sentDeploymentConfig()).toEqual({
      BlueGreenUpdatePolicy: {
        TrafficRoutingConfiguration: { Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 600 },
        MaximumExecutionTimeoutInSeconds: 3600
      },
      AutoRollbackConfiguration: ALARMS
    })
  })
})

describe('SageMaker rolling the deployment back', () => {
  function alarmDuringTheShift(): FakeClock {
    fake.transitionPolls = 10
    const clock = new FakeClock()
    clock.at(2_000, () => fake.alarms.set('fraud-5xx', 'ALARM'))
    return clock
  }

  /**
   * SageMaker did the rolling back: after its one update the action only
   * takes away what it made (the release config and the model), which
   * nothing runs.
   */
  function expectRolledBackBySageMaker(): void {
    const calls = changeCalls(aws)
    const releaseConfig = calls[1]?.input.EndpointConfigName
    expect(calls.map((call) => [call.name, call.input.EndpointConfigName ?? call.input.ModelName])).toEqual([
      ['sagemaker.CreateModel', 'fraud-v2'],
      ['sagemaker.CreateEndpointConfig', releaseConfig],
      ['sagemaker.UpdateEndpoint', releaseConfig],
      ['sagemaker.DeleteEndpointConfig', releaseConfig],
      ['sagemaker.DeleteModel', 'fraud-v2']
    ])
    const state = fake.endpoint('fraud')
    expect(state.status).toBe('InService')
    expect(state.config).toBe('fraud-v1-config')
    expect(state.variants).toEqual([{ name: 'AllTraffic', weight: 1, count: 2 }])
    expect([...fake.configs.keys()]).toEqual(['fraud-v1-config'])
    expect([...fake.models]).toEqual(['fraud-v1'])
  }

  it('reports rolled-back when the endpoint goes RollingBack, then InService on the old config', async () => {
    const result = await runAction(native, { clock: alarmDuringTheShift() })

    expect(fake.endpoint('fraud').history).toEqual(['InService', 'Updating', 'RollingBack', 'InService'])
    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expect(result.outputs['rolled-back']).toBe('true')
    expect(result.outputs.healthy).toBe('false')
    expect(result.outputs['endpoint-config-name']).toBe('fraud-v1-config')
    expect(result.failed).toBe(
      'SageMaker rolled the deployment back to "fraud-v1-config": Deployment was rolled back because CloudWatch alarm "fraud-5xx" went into ALARM state.'
    )
    expectRolledBackBySageMaker()
  })

  it('with fail-on-rollback: false the step succeeds, still reporting rolled-back', async () => {
    const result = await runAction({ ...native, 'fail-on-rollback': 'false' }, { clock: alarmDuringTheShift() })

    expect(result.failed).toBeUndefined()
    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expect(result.outputs['rolled-back']).toBe('true')
    expectRolledBackBySageMaker()
  })

  it('fails with a clear message when the rollback itself fails (UpdateRollbackFailed)', async () => {
    fake.blueGreenRollbackFails = true

    const result = await runAction(native, { clock: alarmDuringTheShift() })

    expect(fake.endpoint('fraud').status).toBe('UpdateRollbackFailed')
    expect(result.outputs['rollout-result']).toBe('failed')
    expect(result.outputs['rolled-back']).toBe('false')
    expect(result.outputs['endpoint-status']).toBe('UpdateRollbackFailed')
    expect(result.failed).toMatch(
      /^SageMaker could not roll the deployment back \(UpdateRollbackFailed\): .*CloudWatch alarm "fraud-5xx".* The endpoint needs attention: update it to "fraud-v1-config" once it can take updates\.$/
    )
    // Where the endpoint stands is unknown: nothing it may still run on is deleted.
    expect(changeCalls(aws).map((call) => call.name)).toEqual([
      'sagemaker.CreateModel',
      'sagemaker.CreateEndpointConfig',
      'sagemaker.UpdateEndpoint'
    ])
    expect(fake.configs.size).toBe(2)
    expect(fake.models.has('fraud-v2')).toBe(true)
  })

  it('watches a rollback that ends after the deployment timeout to its end', async () => {
    // A deployment that uses nearly all of its ten minutes, then SageMaker's rollback on top.
    const clock = new FakeClock()
    fake.clock = clock
    fake.transitionMs = { Updating: 9 * 60_000, RollingBack: 4 * 60_000 }
    clock.at(5 * 60_000, () => fake.alarms.set('fraud-5xx', 'ALARM'))

    const result = await runAction({ ...native, timeout: '10m', 'bake-time': '5m' }, { clock })

    expect(fake.endpoint('fraud').history).toEqual(['InService', 'Updating', 'RollingBack', 'InService'])
    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expect(result.outputs['rolled-back']).toBe('true')
  })
})

describe('inputs SageMaker cannot take fail before any AWS call', () => {
  const cases: Array<[string, Record<string, string>, string]> = [
    ['a canary step above 50%', { 'traffic-steps': '60,100' }, 'traffic-steps'],
    ['a canary with more than one step before 100', { 'traffic-steps': '10,50,100' }, 'traffic-steps'],
    [
      'a linear step of 5%',
      { strategy: 'linear', 'traffic-steps': Array.from({ length: 20 }, (_, index) => (index + 1) * 5).join(',') },
      'traffic-steps'
    ],
    ['a linear step of 60%', { strategy: 'linear', 'traffic-steps': '60,100' }, 'traffic-steps'],
    ['uneven linear steps', { strategy: 'linear', 'traffic-steps': '20,50,100' }, 'traffic-steps'],
    ['a bake-time over 1h', { 'bake-time': '61m' }, 'bake-time'],
    ['a timeout under 10m', { timeout: '9m' }, 'timeout'],
    ['a timeout over 8h', { timeout: '8h1m' }, 'timeout'],
    [
      '11 alarms',
      { 'alarm-names': Array.from({ length: 11 }, (_, index) => `alarm-${index + 1}`).join(',') },
      'alarm-names'
    ],
    ['max-error-rate', { 'max-error-rate': '1%' }, 'max-error-rate'],
    ['max-latency-p99', { 'max-latency-p99': '250ms' }, 'max-latency-p99'],
    ['min-invocations', { 'min-invocations': '10' }, 'min-invocations'],
    ['a probe payload', { 'probe-payload': '{}' }, 'probe-payload'],
    ['traffic-steps not ending at 100', { 'traffic-steps': '10,50' }, 'traffic-steps'],
    // DeploymentConfig takes whole percentages only (CapacitySize.Value is an integer).
    ['a fractional canary size', { 'traffic-steps': '12.5,100' }, 'traffic-steps'],
    // SageMaker wants MaximumExecutionTimeoutInSeconds above the waiting it is asked to do.
    ['a bake-time longer than the timeout', { 'bake-time': '45m', timeout: '30m' }, 'bake-time']
  ]

  it.each(cases)('%s', async (_label, inputs, inputName) => {
    const before = structuredClone({ endpoint: fake.endpoint('fraud'), configs: [...fake.configs.keys()] })

    const result = await runAction({ ...native, ...inputs })

    expect(result.failed).toMatch(new RegExp(`^Input "${inputName}" `))
    expect(awsCallNames()).toEqual([])
    expect({ endpoint: fake.endpoint('fraud'), configs: [...fake.configs.keys()] }).toEqual(before)
  })

  it('names what the sagemaker controller accepts', async () => {
    const result = await runAction({ ...native, 'max-error-rate': '1%' })

    expect(result.failed).toBe(
      'Input "max-error-rate" is judged by the action only; with rollout-controller: sagemaker only alarm-names guard the rollout.'
    )
  })
})
