/**
 * rollout-controller: sagemaker. The rollout inputs become UpdateEndpoint's
 * DeploymentConfig, max-error-rate and max-latency-p99 become alarms on the
 * new fleet; SageMaker shifts the traffic and rolls back on the alarms, and
 * the action reports what happened and deletes the alarms it made. Inputs
 * that DeploymentConfig cannot express, or that break SageMaker's limits,
 * fail before any change.
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
  // Ten instances: a 10% canary is one of them.
  seedServingEndpoint(fake, 10)
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
          TerminationWaitInSeconds: 600,
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
    expect(state.variants).toEqual([{ name: 'AllTraffic', weight: 1, count: 10 }])
    expect(fake.configs.get(releaseConfig)?.variants[0]?.ModelName).toBe('fraud-v2')
    expect(fake.configs.get(releaseConfig)?.tags['sagemaker-deploy:previous-config']).toBe('fraud-v1-config')
  })

  it('canary, in a dry run: the plan says how long SageMaker takes, provisioning and every bake', async () => {
    const result = await runAction({ ...native, 'dry-run': 'true' })

    expect(result.failed).toBeUndefined()
    expect(changeCalls(aws)).toEqual([])
    const planned = core.log.slice(core.log.findIndex((line) => line.startsWith('Rollout plan:')))
    // Provisioning (10m), the canary's bake and the final wait (10m each).
    expect(planned[0]).toBe('Rollout plan: about 30m, assuming a new fleet typically takes 10m to come up.')
    expect(planned[1]).toMatch(/^ {2}1\. Asked SageMaker to send .* About 30m: the new fleet provisioned/)
    expect(result.summary).toContain('<h3>Rollout plan: about 30m</h3>')
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
        // The old fleet stays a final bake-time, for an instant rollback at full traffic.
        TerminationWaitInSeconds: 180,
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
        TerminationWaitInSeconds: 600,
        MaximumExecutionTimeoutInSeconds: 3600
      },
      AutoRollbackConfiguration: ALARMS
    })
  })
})

describe('max-error-rate and max-latency-p99 become alarms on the new fleet', () => {
  const gated = { ...native, 'max-error-rate': '1%', 'max-latency-p99': '250ms' }
  const newFleet = (config: string): Array<{ Name: string; Value: string }> => [
    { Name: 'EndpointName', Value: 'fraud' },
    { Name: 'VariantName', Value: 'AllTraffic' },
    { Name: 'EndpointConfigName', Value: config }
  ]

  it('creates them before the one UpdateEndpoint, passes them with the user alarms, and deletes them after', async () => {
    const specs: Array<Record<string, unknown>> = []
    const clock = new FakeClock()
    clock.at(500, () => specs.push(...fake.alarmSpecs.values()))

    const result = await runAction(gated, { clock })

    expect(result.failed).toBeUndefined()
    const calls = changeCalls(aws)
    const releaseConfig = result.outputs['endpoint-config-name'] as string
    const errorAlarm = `sagemaker-deploy-${releaseConfig}-max-error-rate`
    const latencyAlarm = `sagemaker-deploy-${releaseConfig}-max-latency-p99`
    expect(calls.map((call) => call.name)).toEqual([
      'sagemaker.CreateModel',
      'sagemaker.CreateEndpointConfig',
      'cloudwatch.PutMetricAlarm',
      'cloudwatch.PutMetricAlarm',
      'sagemaker.UpdateEndpoint',
      'cloudwatch.DeleteAlarms'
    ])
    expect(calls[2]?.input).toMatchObject({
      AlarmName: errorAlarm,
      Threshold: 0.01,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 1,
      DatapointsToAlarm: 1,
      TreatMissingData: 'notBreaching',
      Metrics: [
        {
          Id: 'errors',
          MetricStat: {
            Metric: { MetricName: 'Invocation5XXErrors', Dimensions: newFleet(releaseConfig) },
            Period: 60,
            Stat: 'Sum'
          }
        },
        {
          Id: 'invocations',
          MetricStat: {
            Metric: { MetricName: 'Invocations', Dimensions: newFleet(releaseConfig) },
            Period: 60,
            Stat: 'Sum'
          }
        },
        { Id: 'error_rate', Expression: 'errors / invocations', ReturnData: true }
      ]
    })
    // ModelLatency is published in microseconds.
    expect(calls[3]?.input).toMatchObject({
      AlarmName: latencyAlarm,
      MetricName: 'ModelLatency',
      ExtendedStatistic: 'p99',
      Dimensions: newFleet(releaseConfig),
      Period: 60,
      Threshold: 250_000
    })
    expect(calls[4]?.input.DeploymentConfig).toMatchObject({
      AutoRollbackConfiguration: {
        Alarms: [
          { AlarmName: 'fraud-5xx' },
          { AlarmName: 'fraud-latency' },
          { AlarmName: errorAlarm },
          { AlarmName: latencyAlarm }
        ]
      }
    })
    expect(calls[5]?.input).toEqual({ AlarmNames: [errorAlarm, latencyAlarm] })
    // They existed during the deployment, and none is left after it.
    expect(specs.map((spec) => spec.AlarmName)).toEqual([errorAlarm, latencyAlarm])
    expect([...fake.alarmSpecs.keys()]).toEqual([])
    expect(result.summary).toContain(
      `rolling back if fraud-5xx, fraud-latency, ${errorAlarm}, ${latencyAlarm} goes into ALARM`
    )
  })

  it('SageMaker rolls back when one fires, and the alarms are deleted all the same', async () => {
    fake.transitionPolls = 10
    const clock = new FakeClock()
    clock.at(2_000, () => {
      const name = [...fake.alarmSpecs.keys()].find((key) => key.endsWith('-max-error-rate'))
      if (name) fake.alarms.set(name, 'ALARM')
    })

    const result = await runAction({ ...gated, 'alarm-names': '' }, { clock })

    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expect(result.failed).toMatch(/^SageMaker rolled the deployment back to "fraud-v1-config": .*max-error-rate/)
    expect(changeCalls(aws).at(-3)).toMatchObject({ name: 'cloudwatch.DeleteAlarms' })
    expect([...fake.alarmSpecs.keys()]).toEqual([])
  })

  it('after a cancel, the post step waits for the deployment to end, then deletes them', async () => {
    fake.transitionPolls = 3
    fake.seedEndpoint('fraud', 'fraud-v1-config', [{ name: 'AllTraffic', weight: 1, count: 2, model: 'fraud-v1' }])
    fake.alarms.set('sagemaker-deploy-fraud-x-max-error-rate', 'OK')
    fake.alarmSpecs.set('sagemaker-deploy-fraud-x-max-error-rate', {})
    fake.endpoint('fraud').status = 'Updating'
    fake.endpoint('fraud').pending = { pollsLeft: 3, apply: () => (fake.endpoint('fraud').status = 'InService') }
    core.resetCore({ operation: 'deploy', 'endpoint-name': 'fraud' })
    core.state.isPost = 'true'
    core.leaveForPost('nativeDeployment', {
      endpointName: 'fraud',
      region: 'us-east-1',
      alarms: ['sagemaker-deploy-fraud-x-max-error-rate']
    })
    const { run } = await import('../../../src/main.js')

    await run({ env: { AWS_REGION: 'us-east-1' }, clock: new FakeClock() })

    const names = awsCallNames()
    // Not one DeleteAlarms while SageMaker still needed the alarm.
    expect(names.lastIndexOf('sagemaker.DescribeEndpoint')).toBeLessThan(names.indexOf('cloudwatch.DeleteAlarms'))
    expect(names.filter((name) => name === 'sagemaker.DescribeEndpoint').length).toBeGreaterThan(2)
    expect([...fake.alarmSpecs.keys()]).toEqual([])
    expect(core.savedPart('nativeDeployment')).toBe('')
    expect(core.writtenSummaries.join('')).toContain('its alarms sagemaker-deploy-fraud-x-max-error-rate were deleted')
  })
})

describe("SageMaker's rules, checked before any change", () => {
  it('a canary smaller than one instance of the new fleet', async () => {
    fake.seedEndpoint('fraud', 'fraud-v1-config', [{ name: 'AllTraffic', weight: 1, count: 2, model: 'fraud-v1' }])

    const result = await runAction({ ...native, 'traffic-steps': '10,100' })

    // Two instances: 10% is a fifth of one.
    expect(result.failed).toBe(
      'Input "traffic-steps" starts at 10%, which is 0.2 of the new fleet\'s 2 instances: SageMaker shifts traffic to whole instances of capacity, so the first step must be at least one instance (50% or more), or raise instance-count; got "10,100".'
    )
    expect(changeCalls(aws)).toEqual([])
  })

  it("a new variant that does not keep the serving variant's name", async () => {
    const result = await runAction({ ...native, 'traffic-steps': '50,100', 'variant-name': 'Blue' })

    expect(result.failed).toMatch(/^Input "variant-name" must be the serving variant's name, "AllTraffic"/)
    expect(changeCalls(aws)).toEqual([])
  })

  it('an endpoint with two variants', async () => {
    fake.seedEndpoint('fraud', 'fraud-ab-config', [
      { name: 'A', weight: 50, count: 2, model: 'fraud-a' },
      { name: 'B', weight: 50, count: 2, model: 'fraud-b' }
    ])

    const result = await runAction({ ...native, 'traffic-steps': '50,100' })

    expect(result.failed).toMatch(/^Input "rollout-controller" sagemaker needs an endpoint with one production variant/)
    expect(changeCalls(aws)).toEqual([])
  })
})

describe('strategy: rolling', () => {
  const rolling = { ...native, strategy: 'rolling', 'traffic-steps': '', 'bake-time': '5m', timeout: '1h' }

  it("becomes SageMaker's RollingUpdatePolicy: batch size, bake-time as the wait, the rollback batch", async () => {
    fake.seedEndpoint('fraud', 'fraud-v1-config', [{ name: 'AllTraffic', weight: 1, count: 4, model: 'fraud-v1' }])

    const result = await runAction({ ...rolling, 'batch-size': '1', 'rollback-batch-size': '50%' })

    expect(result.failed).toBeUndefined()
    expect(sentDeploymentConfig()).toEqual({
      RollingUpdatePolicy: {
        MaximumBatchSize: { Type: 'INSTANCE_COUNT', Value: 1 },
        WaitIntervalInSeconds: 300,
        MaximumExecutionTimeoutInSeconds: 3600,
        RollbackMaximumBatchSize: { Type: 'CAPACITY_PERCENT', Value: 50 }
      },
      AutoRollbackConfiguration: ALARMS
    })
    expect(result.summary).toContain('replace the fleet in batches of 1 instances, 5m apart, without a second fleet')
  })

  it('plans a dry run: what SageMaker is asked to do, and how long its batches take', async () => {
    fake.seedEndpoint('fraud', 'fraud-v1-config', [{ name: 'AllTraffic', weight: 1, count: 4, model: 'fraud-v1' }])

    const result = await runAction({ ...rolling, 'batch-size': '1', 'dry-run': 'true' })

    expect(result.failed).toBeUndefined()
    expect(changeCalls(aws)).toEqual([])
    const planned = core.log.slice(core.log.findIndex((line) => line.startsWith('Rollout plan:')))
    // Four batches of one instance, each provisioned (10m) and baked (5m).
    expect(planned[0]).toBe('Rollout plan: about 1h, assuming a new fleet typically takes 10m to come up.')
    expect(planned[1]).toMatch(
      /^ {2}1\. Asked SageMaker to replace the fleet in batches of 1 instances, 5m apart.* About 1h: 4 batches, each provisioned \(about 10m\) and baked\.$/
    )
    // One instance at a time beside the fleet, for the hour.
    expect(result.summary).toContain('<strong>Instance-hours this rollout would add:</strong> 1.00')
  })

  it('refuses a fleet of one instance, which cannot roll', async () => {
    fake.seedEndpoint('fraud', 'fraud-v1-config', [{ name: 'AllTraffic', weight: 1, count: 1, model: 'fraud-v1' }])

    const result = await runAction(rolling)

    expect(result.failed).toMatch(
      /^Input "batch-size" must be 5% to 50% of the fleet's 1 instance.*a fleet of one instance cannot roll/
    )
    expect(changeCalls(aws)).toEqual([])
  })

  it('names the least timeout for the batches', async () => {
    fake.seedEndpoint('fraud', 'fraud-v1-config', [{ name: 'AllTraffic', weight: 1, count: 8, model: 'fraud-v1' }])

    const result = await runAction({ ...rolling, 'batch-size': '25%', 'bake-time': '10m' })

    // Four batches of two instances, each provisioned (about 10m) and baked (10m).
    expect(result.failed).toMatch(/^Input "timeout" must be at least 1h20m for a rolling update in 4 batches/)
    expect(changeCalls(aws)).toEqual([])
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
    expect(state.variants).toEqual([{ name: 'AllTraffic', weight: 1, count: 10 }])
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
    // A deployment that uses nearly all of its twenty minutes, then SageMaker's rollback on top.
    const clock = new FakeClock()
    fake.clock = clock
    fake.transitionMs = { Updating: 19 * 60_000, RollingBack: 4 * 60_000 }
    clock.at(5 * 60_000, () => fake.alarms.set('fraud-5xx', 'ALARM'))

    const result = await runAction({ ...native, timeout: '20m', 'bake-time': '5m' }, { clock })

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
    [
      '9 alarms and max-error-rate and max-latency-p99, 11 in all',
      {
        'alarm-names': Array.from({ length: 9 }, (_, index) => `alarm-${index + 1}`).join(','),
        'max-error-rate': '1%',
        'max-latency-p99': '250ms'
      },
      'alarm-names'
    ],
    ['max-error-rate-increase', { 'max-error-rate-increase': '1%' }, 'max-error-rate-increase'],
    ['min-invocations', { 'min-invocations': '10' }, 'min-invocations'],
    ['a probe payload', { 'probe-payload': '{}' }, 'probe-payload'],
    ['traffic-steps not ending at 100', { 'traffic-steps': '10,50' }, 'traffic-steps'],
    // DeploymentConfig takes whole percentages only (CapacitySize.Value is an integer).
    ['a fractional canary size', { 'traffic-steps': '12.5,100' }, 'traffic-steps'],
    // SageMaker times the whole deployment out: provisioning, the bakes and the final wait must fit.
    ['a timeout that the bakes do not fit in', { 'bake-time': '45m', timeout: '1h' }, 'timeout'],
    ['rolling with the action as controller', { 'rollout-controller': 'action', strategy: 'rolling' }, 'strategy'],
    ['rolling with traffic steps', { strategy: 'rolling', 'traffic-steps': '50,100' }, 'traffic-steps'],
    ['a batch size that is neither a share nor a count', { strategy: 'rolling', 'batch-size': 'half' }, 'batch-size']
  ]

  it.each(cases)('%s', async (_label, inputs, inputName) => {
    const before = structuredClone({ endpoint: fake.endpoint('fraud'), configs: [...fake.configs.keys()] })

    const result = await runAction({ ...native, ...inputs })

    expect(result.failed).toMatch(new RegExp(`^Input "${inputName}" `))
    expect(awsCallNames()).toEqual([])
    expect({ endpoint: fake.endpoint('fraud'), configs: [...fake.configs.keys()] }).toEqual(before)
  })

  it('names what the sagemaker controller accepts', async () => {
    const result = await runAction({ ...native, 'probe-payload': '{}' })

    expect(result.failed).toBe(
      'Input "probe-payload" is judged by the action only; with rollout-controller: sagemaker, alarm-names, max-error-rate and max-latency-p99 guard the rollout.'
    )
  })

  it('names the least timeout that fits, and why', async () => {
    const result = await runAction({ ...native, 'bake-time': '15m', timeout: '30m' })

    expect(result.failed).toBe(
      'Input "timeout" must be at least 40m with rollout-controller: sagemaker: SageMaker times the whole deployment out at it (MaximumExecutionTimeoutInSeconds), and it takes provisioning the new fleet (about 10m) plus a bake of 15m on the canary and a final one of 15m at full traffic; got "30m".'
    )
  })
})
