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
import { GetMetricDataCommand, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch'
import { IMAGE, ROLE_ARN } from '../../../__fixtures__/sagemaker.js'
import { UpdateEndpointCommand } from '@aws-sdk/client-sagemaker'

import { seedServingEndpoint, withTraffic } from '../../../__fixtures__/rollout.js'

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

/** The config the deploy moved the endpoint to. */
function releaseConfigOf(): string {
  const update = changeCalls(aws).find((call) => call.name === 'sagemaker.UpdateEndpoint')
  return update?.input.EndpointConfigName as string
}

/** The DeploymentConfig of the one UpdateEndpoint a SageMaker-run deploy makes. */
function sentDeploymentConfig(): unknown {
  const updates = changeCalls(aws).filter((call) => call.name === 'sagemaker.UpdateEndpoint')
  expect(updates).toHaveLength(1)
  return updates[0]?.input.DeploymentConfig
}

/**
 * A deployment that lasts as SageMaker's do (its bakes, with client traffic on the fake clock), so the action
 * judges the new fleet while it serves: a deployment too short to judge never succeeds.
 */
function judgedDeployment(lastsMs = 25 * 60_000): FakeClock {
  const clock = withTraffic(fake)
  fake.transitionMs = { Updating: lastsMs }
  return clock
}

/** The user's alarms and the action's verdict alarm for the deployment to `releaseConfig`. */
function alarmsWithVerdict(releaseConfig: string): { Alarms: Array<{ AlarmName: string }> } {
  return { Alarms: [...ALARMS.Alarms, { AlarmName: `sagemaker-deploy-${releaseConfig}-verdict` }] }
}

describe('the DeploymentConfig sent', () => {
  it('canary: CanarySize from the first step, WaitIntervalInSeconds from bake-time, the timeout, the alarms', async () => {
    const result = await runAction(native, { clock: judgedDeployment() })

    expect(result.failed).toBeUndefined()
    const releaseConfig = result.outputs['endpoint-config-name'] as string
    const sagemakerCalls = changeCalls(aws).filter((call) => call.name.startsWith('sagemaker.'))
    expect(sagemakerCalls.map((call) => [call.name, call.input.EndpointConfigName])).toEqual([
      ['sagemaker.CreateModel', undefined],
      ['sagemaker.CreateEndpointConfig', releaseConfig],
      ['sagemaker.UpdateEndpoint', releaseConfig]
    ])
    expect(sagemakerCalls[2]?.input).toEqual({
      EndpointName: 'fraud',
      EndpointConfigName: releaseConfig,
      DeploymentConfig: {
        BlueGreenUpdatePolicy: {
          TrafficRoutingConfiguration: {
            Type: 'CANARY',
            WaitIntervalInSeconds: 600,
            CanarySize: { Type: 'CAPACITY_PERCENT', Value: 10 }
          },
          // bake-time, and what a dead runner's silence takes to reach SageMaker: a 30 s verdict period's
          // window (2m), one period and SageMaker's reaction.
          TerminationWaitInSeconds: 600 + 155,
          MaximumExecutionTimeoutInSeconds: 2700
        },
        AutoRollbackConfiguration: alarmsWithVerdict(releaseConfig)
      }
    })
    // The action judged the new fleet by the alarms while it served, and told SageMaker so all along.
    const names = awsCallNames()
    expect(names.filter((name) => name === 'cloudwatch.DescribeAlarms').length).toBeGreaterThan(5)
    expect(names.filter((name) => name === 'cloudwatch.PutMetricData').length).toBeGreaterThan(5)
    expect(names.filter((name) => name.startsWith('runtime.'))).toEqual([])
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
    // Provisioning (10m), the canary's bake (10m) and the final one, longer by the time a dead runner's silence
    // takes to reach SageMaker (2m35s).
    expect(planned[0]).toBe('Rollout plan: about 32m35s, assuming a new fleet typically takes 10m to come up.')
    expect(planned[1]).toMatch(/^ {2}1\. Asked SageMaker to send .* About 32m35s: the new fleet provisioned/)
    expect(planned[1]).toContain('keep the old fleet 12m35s more')
    expect(result.summary).toContain('<h3>Rollout plan: about 32m35s</h3>')
  })

  it('linear: LinearStepSize from the step', async () => {
    const result = await runAction(
      {
        ...native,
        strategy: 'linear',
        'traffic-steps': '20,40,60,80,100',
        'bake-time': '3m'
      },
      { clock: judgedDeployment() }
    )

    expect(result.failed).toBeUndefined()
    expect(sentDeploymentConfig()).toEqual({
      BlueGreenUpdatePolicy: {
        TrafficRoutingConfiguration: {
          Type: 'LINEAR',
          WaitIntervalInSeconds: 180,
          LinearStepSize: { Type: 'CAPACITY_PERCENT', Value: 20 }
        },
        // The old fleet stays a final bake-time, for an instant rollback at full traffic, and time for the verdict
        // alarm to hear a runner that died at the end of the bakes.
        TerminationWaitInSeconds: 180 + 155,
        MaximumExecutionTimeoutInSeconds: 2700
      },
      AutoRollbackConfiguration: alarmsWithVerdict(releaseConfigOf())
    })
  })

  it('all-at-once: one shift, then the bake', async () => {
    const result = await runAction({ ...native, strategy: 'all-at-once', timeout: '1h' }, { clock: judgedDeployment() })

    expect(result.failed).toBeUndefined()
    expect(sentDeploymentConfig()).toEqual({
      BlueGreenUpdatePolicy: {
        TrafficRoutingConfiguration: { Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 600 },
        TerminationWaitInSeconds: 600 + 155,
        MaximumExecutionTimeoutInSeconds: 3600
      },
      AutoRollbackConfiguration: alarmsWithVerdict(releaseConfigOf())
    })
  })

  it('without auto-rollback, no verdict alarm to hear a dead runner by, so the final bake is bake-time alone', async () => {
    const result = await runAction({ ...native, 'auto-rollback': 'false' }, { clock: judgedDeployment() })

    expect(result.failed).toBeUndefined()
    expect(sentDeploymentConfig()).toMatchObject({ BlueGreenUpdatePolicy: { TerminationWaitInSeconds: 600 } })
  })
})

describe('the action judges the new fleet and SageMaker acts on its verdict', () => {
  const gated = { ...native, 'alarm-names': '', 'max-error-rate': '1%', 'max-error-rate-increase': '2%' }

  it("all-at-once compares the new fleet with the old fleet's minutes from before the deploy, as the old fleet then serves nothing", async () => {
    const clock = judgedDeployment()
    fake.recordServing('fraud')
    clock.advance(20 * 60_000)

    const result = await runAction({ ...gated, strategy: 'all-at-once', timeout: '1h' }, { clock })

    expect(result.failed).toBeUndefined()
    expect(result.outputs['rollout-result']).toBe('succeeded')
    const comparisons = JSON.parse(result.outputs.result ?? '{}').rollout.steps[0].evaluations.flatMap(
      (evaluation: { comparisons?: Array<{ gate: string; verdict: string }> }) => evaluation.comparisons ?? []
    )
    expect(comparisons.at(-1)).toMatchObject({ gate: 'max-error-rate-increase', verdict: 'passed' })
  })

  it('creates the verdict alarm before the one UpdateEndpoint, judges the new fleet against the old, deletes it after', async () => {
    const result = await runAction(gated, { clock: judgedDeployment() })

    expect(result.failed).toBeUndefined()
    expect(result.outputs['rollout-result']).toBe('succeeded')
    expect(result.outputs.healthy).toBe('true')
    const releaseConfig = result.outputs['endpoint-config-name'] as string
    const verdictAlarm = `sagemaker-deploy-${releaseConfig}-verdict`
    // The first verdict is a change of the run's; the heartbeats after it are not listed here.
    const calls = changeCalls(aws).filter(
      (call, index, all) =>
        call.name !== 'cloudwatch.PutMetricData' || all.findIndex((c) => c.name === call.name) === index
    )
    expect(calls.map((call) => call.name)).toEqual([
      'sagemaker.CreateModel',
      'sagemaker.CreateEndpointConfig',
      // A "judging" verdict first: missing data is breaching, so the alarm must never start without one.
      'cloudwatch.PutMetricData',
      'cloudwatch.PutMetricAlarm',
      'sagemaker.UpdateEndpoint',
      'cloudwatch.DeleteAlarms'
    ])
    expect(calls[3]?.input).toMatchObject({
      AlarmName: verdictAlarm,
      Namespace: 'SageMakerDeploy',
      MetricName: 'RolloutVerdict',
      TreatMissingData: 'breaching'
    })
    expect(calls[4]?.input.DeploymentConfig).toMatchObject({
      AutoRollbackConfiguration: { Alarms: [{ AlarmName: verdictAlarm }] }
    })
    // Each fleet read under its own config: the new against the old, over the same minutes.
    const queried = aws.cloudwatch
      .commandCalls(GetMetricDataCommand)
      .flatMap((call) => call.args[0].input.MetricDataQueries ?? [])
      .map((query) => query.MetricStat?.Metric?.Dimensions?.find((d) => d.Name === 'EndpointConfigName')?.Value)
    expect(new Set(queried)).toEqual(new Set([releaseConfig, 'fraud-v1-config']))
    const verdicts = aws.cloudwatch
      .commandCalls(PutMetricDataCommand)
      .map((call) => call.args[0].input.MetricData?.[0]?.Value)
    expect(verdicts.length).toBeGreaterThan(10)
    expect(verdicts.every((value) => value === 0)).toBe(true)
    expect([...fake.alarmSpecs.keys()]).toEqual([])
    expect(result.summary).toContain(`rolling back if ${verdictAlarm} goes into ALARM`)
  })

  it('a bad new fleet: its failed verdict puts the alarm in ALARM, SageMaker rolls back, the alarm is deleted', async () => {
    const clock = judgedDeployment()
    fake.cloudwatch.setBehaviour('fraud-v2', { errorRate: 0.25, latencyP99Ms: 40 })

    const result = await runAction(gated, { clock })

    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expect(result.failed).toMatch(
      /^SageMaker rolled the deployment back to "fraud-v1-config" on the action's verdict: a failed gate evaluation .*error rate/
    )
    const verdicts = aws.cloudwatch
      .commandCalls(PutMetricDataCommand)
      .map((call) => call.args[0].input.MetricData?.[0]?.Value)
    expect(verdicts).toContain(1)
    // Once failed, the verdict never turns back: SageMaker must not miss it.
    expect(verdicts.slice(verdicts.indexOf(1)).every((value) => value === 1)).toBe(true)
    expect(fake.endpoint('fraud').config).toBe('fraud-v1-config')
    expect([...fake.alarmSpecs.keys()]).toEqual([])
  })

  it('a new fleet that serves nothing to judge never succeeds: the verdict turns failed before SageMaker ends', async () => {
    const clock = judgedDeployment()
    fake.cloudwatch.requestRates.set('fraud', 0)

    const result = await runAction(gated, { clock })

    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expect(result.outputs.healthy).toBe('false')
    expect(result.failed).toMatch(
      /on the action's verdict: the gates could not judge the new fleet within SageMaker's bakes/
    )
  })

  it('turns the verdict failed in time however often the gates are judged: an evaluation always under way never holds it off', async () => {
    const clock = judgedDeployment()
    fake.cloudwatch.requestRates.set('fraud', 0)
    // Every read takes longer than the gate interval: at every poll an evaluation is running or due.
    aws.cloudwatch
      .on(GetMetricDataCommand)
      .callsFake(
        (input) => new Promise((resolve) => clock.at(1_500, () => resolve(fake.cloudwatch.getMetricData(input))))
      )

    const result = await runAction({ ...gated, 'gate-interval': '1s' }, { clock })

    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expect(result.failed).toMatch(
      /on the action's verdict: the gates could not judge the new fleet within SageMaker's bakes/
    )
  })

  it('judges the last minutes after SageMaker completes, and takes back a fleet that went bad in them', async () => {
    const clock = judgedDeployment()
    // Healthy through the canary and most of the final bake, then bad in the minutes CloudWatch has yet to publish
    // when SageMaker completes.
    clock.at(24 * 60_000, () => fake.cloudwatch.setBehaviour('fraud-v2', { errorRate: 0.25, latencyP99Ms: 40 }))

    const result = await runAction({ ...gated, 'max-data-delay': '5m' }, { clock })

    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expect(result.failed).toMatch(/^Rolled back: SageMaker completed the deployment, but .*error rate/)
    expect(result.log.join('\n')).toContain('SageMaker has completed the deployment: judging its last minutes')
    expect(fake.endpoint('fraud').config).toBe('fraud-v1-config')
  })

  it('a deployment SageMaker completes before the action could judge it is judged on its minutes once published', async () => {
    // Over in two minutes: SageMaker was told bakes of ten, so the verdict was still "judging" when it ended.
    const clock = judgedDeployment(2 * 60_000)

    const result = await runAction(gated, { clock })

    expect(result.failed).toBeUndefined()
    expect(result.outputs['rollout-result']).toBe('succeeded')
    expect(result.log.join('\n')).toContain('SageMaker has completed the deployment: judging its last minutes')
    const [step] = JSON.parse(result.outputs.result ?? '{}').rollout.steps
    expect(
      step.evaluations.some(
        (e: { verdict: string; invocations?: number }) => e.verdict === 'passed' && (e.invocations ?? 0) > 0
      )
    ).toBe(true)
  })

  it('a deployment SageMaker completes whose minutes CloudWatch does not publish in time is rolled back by the action', async () => {
    const clock = judgedDeployment(2 * 60_000)
    // Later than max-data-delay (5m) allows.
    fake.cloudwatch.publicationDelayMs = () => 10 * 60_000

    const result = await runAction(gated, { clock })

    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expect(result.failed).toMatch(/^Rolled back: SageMaker completed the deployment, but the gates could not judge it/)
    expect(fake.endpoint('fraud').config).toBe('fraud-v1-config')
  })

  it('a slow evaluation never silences the heartbeat, which SageMaker would take for a dead runner', async () => {
    const clock = judgedDeployment()
    let reads = 0
    aws.cloudwatch.on(GetMetricDataCommand).callsFake((input) => {
      reads++
      if (reads !== 3) return fake.cloudwatch.getMetricData(input)
      // Throttled, and held by the SDK's retries for two minutes: five times the heartbeat window of a 10 s period.
      return new Promise((resolve) => clock.at(120_000, () => resolve(fake.cloudwatch.getMetricData(input))))
    })

    const result = await runAction({ ...gated, 'gate-interval': '10s' }, { clock })

    expect(result.failed).toBeUndefined()
    expect(result.outputs['rollout-result']).toBe('succeeded')
    const published = aws.cloudwatch
      .commandCalls(PutMetricDataCommand)
      .map((call) => call.args[0].input.MetricData?.[0]?.Timestamp?.getTime() ?? 0)
    const gaps = published.slice(1).map((at, index) => at - (published[index] ?? 0))
    // A verdict in every 10 s period of the alarm, the slow read's two minutes included.
    expect(Math.max(...gaps)).toBeLessThanOrEqual(10_000)
    expect(published.at(-1)! - published[0]!).toBeGreaterThan(120_000)
  })

  it('a run stopped by an error mid-deployment turns its verdict failed and keeps the alarm for the post step', async () => {
    const clock = judgedDeployment()
    let reads = 0
    aws.cloudwatch.on(GetMetricDataCommand).callsFake((input) => {
      reads++
      if (reads > 3) throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' })
      return fake.cloudwatch.getMetricData(input)
    })

    const result = await runAction(gated, { clock })

    expect(result.failed).toMatch(/Rate exceeded/)
    // SageMaker goes on: left to itself it would complete a fleet nobody judged to the end.
    expect(fake.endpoint('fraud').status).toBe('Updating')
    const verdicts = aws.cloudwatch
      .commandCalls(PutMetricDataCommand)
      .map((call) => call.args[0].input.MetricData?.[0]?.Value)
    expect(verdicts.at(-1)).toBe(1)
    const verdictAlarm = `sagemaker-deploy-${releaseConfigOf()}-verdict`
    expect([...fake.alarmSpecs.keys()]).toEqual([verdictAlarm])
    expect(core.savedPart('nativeDeployment')).toContain(verdictAlarm)
    expect(result.log.join('\n')).toContain("The action stopped judging SageMaker's deployment")
  })

  it('keeps the verdict failed once judging stopped, whatever an evaluation still running publishes after', async () => {
    const clock = judgedDeployment()
    let reads = 0
    let release = (): void => undefined
    aws.cloudwatch.on(GetMetricDataCommand).callsFake((input) => {
      reads++
      if (reads !== 3) return fake.cloudwatch.getMetricData(input)
      // A read held up beyond the run's end.
      return new Promise((resolve) => (release = () => resolve(fake.cloudwatch.getMetricData(input))))
    })
    let refused = false
    aws.cloudwatch.on(PutMetricDataCommand).callsFake(() => {
      // The heartbeat beside that read is refused once: the wait throws while the read still runs.
      if (reads >= 3 && !refused) {
        refused = true
        throw Object.assign(new Error('Internal failure'), { name: 'InternalFailure' })
      }
      return {}
    })

    const result = await runAction({ ...gated, 'gate-interval': '10s' }, { clock })
    release()
    await new Promise((resolve) => setTimeout(resolve, 20))

    expect(result.failed).toMatch(/Internal failure/)
    const verdicts = aws.cloudwatch
      .commandCalls(PutMetricDataCommand)
      .map((call) => call.args[0].input.MetricData?.[0]?.Value)
    const failedAt = verdicts.indexOf(1)
    expect(failedAt).toBeGreaterThan(0)
    // The evaluation that ended after the run published too, and only failed.
    expect(verdicts.length).toBeGreaterThan(failedAt + 1)
    expect(verdicts.slice(failedAt)).toEqual(verdicts.slice(failedAt).map(() => 1))
  })

  it('an error before SageMaker starts deploying leaves no alarm behind', async () => {
    const denied = Object.assign(new Error('Access denied'), { name: 'AccessDeniedException' })
    aws.sagemaker.on(UpdateEndpointCommand).rejects(denied)

    const result = await runAction(gated, { clock: judgedDeployment() })

    expect(result.failed).toMatch(/Access denied/)
    expect([...fake.alarmSpecs.keys()]).toEqual([])
    expect(core.savedPart('nativeDeployment')).toBe('')
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

describe('endpoints SageMaker would not guard, refused before any change', () => {
  it('a fleet on Inf1 instances, which SageMaker would shift all at once with no bake', async () => {
    fake.seedEndpoint('fraud', 'fraud-v1-config', [
      { name: 'AllTraffic', weight: 1, count: 10, model: 'fraud-v1', instanceType: 'ml.inf1.xlarge' }
    ])

    const result = await runAction({ ...native, 'traffic-steps': '10,100' })

    expect(result.failed).toMatch(
      /^Input "rollout-controller" sagemaker cannot guard a deployment on Inf1 instances \(variant "AllTraffic" runs on ml\.inf1\.xlarge\)/
    )
    expect(result.failed).toContain('use rollout-controller: action')
    expect(changeCalls(aws)).toEqual([])
  })

  it("a serving model from another account's model package, as Marketplace packages are", async () => {
    const marketplace = 'arn:aws:sagemaker:us-east-1:865070037744:model-package/fraud-scorer-v3'
    fake.seedEndpoint(
      'fraud',
      'fraud-v1-config',
      [{ name: 'AllTraffic', weight: 1, count: 10, model: 'fraud-v1' }],
      {},
      {
        modelSpec: { PrimaryContainer: { ModelPackageName: marketplace } }
      }
    )

    const result = await runAction({ ...native, 'traffic-steps': '10,100' })

    expect(result.failed).toContain(`sagemaker cannot guard a deployment of model package "${marketplace}"`)
    expect(changeCalls(aws)).toEqual([])
  })

  it("a new model from another account's package version (model-package-arn)", async () => {
    const shared = 'arn:aws:sagemaker:us-east-1:210987654321:model-package/fraud-scorer/3'
    fake.modelPackages.set(shared, { approval: 'Approved' })
    const { 'image-uri': _image, ...withoutImage } = native

    const result = await runAction({ ...withoutImage, 'model-package-arn': shared, 'traffic-steps': '10,100' })

    expect(result.failed).toContain(`sagemaker cannot guard a deployment of model package "${shared}"`)
    expect(changeCalls(aws)).toEqual([])
  })

  describe('model-name alone, deploying a model that exists as it is', () => {
    const marketplace = 'arn:aws:sagemaker:us-east-1:865070037744:model-package/fraud-scorer-v3'
    const {
      'image-uri': _image,
      'execution-role-arn': _role,
      ...asIs
    } = { ...native, 'model-name': 'fraud-trained', 'traffic-steps': '10,100' }

    it("whose containers run another account's package, one of several", async () => {
      fake.models.add('fraud-trained')
      fake.modelSpecs.set('fraud-trained', {
        Containers: [{ Image: `${IMAGE}-preprocess` }, { ModelPackageName: marketplace }],
        ExecutionRoleArn: ROLE_ARN
      })

      const result = await runAction(asIs)

      expect(result.failed).toContain(`sagemaker cannot guard a deployment of model package "${marketplace}"`)
      expect(changeCalls(aws)).toEqual([])
    })

    it("onto a serving model of several containers, one another account's package", async () => {
      fake.seedEndpoint(
        'fraud',
        'fraud-v1-config',
        [{ name: 'AllTraffic', weight: 1, count: 10, model: 'fraud-v1' }],
        {},
        { modelSpec: { Containers: [{ Image: `${IMAGE}-preprocess` }, { ModelPackageName: marketplace }] } }
      )
      fake.models.add('fraud-trained')
      fake.modelSpecs.set('fraud-trained', {
        PrimaryContainer: { Image: `${IMAGE}-trained` },
        ExecutionRoleArn: ROLE_ARN
      })

      const result = await runAction(asIs)

      expect(result.failed).toContain(`sagemaker cannot guard a deployment of model package "${marketplace}"`)
      expect(changeCalls(aws)).toEqual([])
    })

    it("goes ahead when they run the endpoint's own account's images and packages", async () => {
      fake.models.add('fraud-trained')
      fake.modelSpecs.set('fraud-trained', {
        Containers: [
          { Image: `${IMAGE}-preprocess` },
          { ModelPackageName: 'arn:aws:sagemaker:us-east-1:123456789012:model-package/fraud/4' }
        ],
        ExecutionRoleArn: ROLE_ARN
      })

      const result = await runAction(asIs, { clock: judgedDeployment() })

      expect(result.failed ?? '').not.toContain('cannot guard')
      expect(changeCalls(aws).map((call) => call.name)).toContain('sagemaker.UpdateEndpoint')
    })
  })

  it("a package of the endpoint's own account goes ahead", async () => {
    fake.seedEndpoint(
      'fraud',
      'fraud-v1-config',
      [{ name: 'AllTraffic', weight: 1, count: 10, model: 'fraud-v1' }],
      {},
      {
        modelSpec: {
          PrimaryContainer: { ModelPackageName: 'arn:aws:sagemaker:us-east-1:123456789012:model-package/fraud/1' }
        }
      }
    )
    const clock = judgedDeployment()

    const result = await runAction({ ...native, 'traffic-steps': '10,100' }, { clock })

    expect(result.failed ?? '').not.toContain('cannot guard')
    expect(changeCalls(aws).map((call) => call.name)).toContain('sagemaker.UpdateEndpoint')
  })
})

describe('strategy: rolling', () => {
  const rolling = { ...native, strategy: 'rolling', 'traffic-steps': '', 'bake-time': '5m', timeout: '1h' }

  it("becomes SageMaker's RollingUpdatePolicy: batch size, bake-time as the wait, the rollback batch", async () => {
    fake.seedEndpoint('fraud', 'fraud-v1-config', [{ name: 'AllTraffic', weight: 1, count: 4, model: 'fraud-v1' }])

    const result = await runAction(
      { ...rolling, 'batch-size': '1', 'rollback-batch-size': '50%' },
      { clock: judgedDeployment(60 * 60_000) }
    )

    expect(result.failed).toBeUndefined()
    expect(sentDeploymentConfig()).toEqual({
      RollingUpdatePolicy: {
        MaximumBatchSize: { Type: 'INSTANCE_COUNT', Value: 1 },
        WaitIntervalInSeconds: 300,
        MaximumExecutionTimeoutInSeconds: 3600,
        RollbackMaximumBatchSize: { Type: 'CAPACITY_PERCENT', Value: 50 }
      },
      AutoRollbackConfiguration: alarmsWithVerdict(releaseConfigOf())
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
      /^Input "strategy" rolling needs a fleet of at least 2 instances, and this one has 1 instance: .*Deploy with strategy canary, linear or all-at-once/
    )
    expect(changeCalls(aws)).toEqual([])
  })

  it('takes a quarter of a small fleet in whole instances when batch-size is left out, not a share below one', async () => {
    fake.seedEndpoint('fraud', 'fraud-v1-config', [{ name: 'AllTraffic', weight: 1, count: 3, model: 'fraud-v1' }])

    const result = await runAction({ ...rolling, 'dry-run': 'true' })

    // 25% of three instances is 0.75 of one: the batch is one instance, 33% of the fleet, within 5% to 50%.
    expect(result.failed).toBeUndefined()
    expect(core.log.join('\n')).toContain('"MaximumBatchSize":{"Type":"INSTANCE_COUNT","Value":1}')
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
    const calls = changeCalls(aws).filter((call) => call.name.startsWith('sagemaker.'))
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
    expect(
      changeCalls(aws)
        .filter((call) => call.name.startsWith('sagemaker.'))
        .map((call) => call.name)
    ).toEqual(['sagemaker.CreateModel', 'sagemaker.CreateEndpointConfig', 'sagemaker.UpdateEndpoint'])
    expect(fake.configs.size).toBe(2)
    expect(fake.models.has('fraud-v2')).toBe(true)
  })

  it('watches a rollback that ends after the deployment timeout to its end', async () => {
    // A deployment that uses nearly all of its 25 minutes, then SageMaker's rollback on top.
    const clock = new FakeClock()
    fake.clock = clock
    fake.transitionMs = { Updating: 24 * 60_000, RollingBack: 4 * 60_000 }
    clock.at(5 * 60_000, () => fake.alarms.set('fraud-5xx', 'ALARM'))

    const result = await runAction({ ...native, timeout: '25m', 'bake-time': '5m' }, { clock })

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
    ['a bake-time that leaves the final bake no room for the verdict alarm', { 'bake-time': '58m' }, 'bake-time'],
    ['a timeout under 10m', { timeout: '9m' }, 'timeout'],
    ['a timeout over 8h', { timeout: '8h1m' }, 'timeout'],
    [
      '11 alarms',
      { 'alarm-names': Array.from({ length: 11 }, (_, index) => `alarm-${index + 1}`).join(',') },
      'alarm-names'
    ],
    [
      "10 alarms and the action's verdict, 11 in all",
      { 'alarm-names': Array.from({ length: 10 }, (_, index) => `alarm-${index + 1}`).join(',') },
      'alarm-names'
    ],
    ['on-inconclusive: pause, which SageMaker cannot do', { 'on-inconclusive': 'pause' }, 'on-inconclusive'],
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

  it('says why a probe cannot reach the new fleet alone, and what to use instead', async () => {
    const result = await runAction({ ...native, 'probe-payload': '{}' })

    expect(result.failed).toMatch(
      /^Input "probe-payload" cannot be judged with rollout-controller: sagemaker: .*share the variant's name.*Judge the new fleet on its metrics .*or use rollout-controller: action/
    )
  })

  it('names the least timeout that fits, and why', async () => {
    const result = await runAction({ ...native, 'bake-time': '15m', timeout: '30m' })

    expect(result.failed).toBe(
      'Input "timeout" must be at least 43m with rollout-controller: sagemaker: SageMaker times the whole deployment out at it (MaximumExecutionTimeoutInSeconds), and it takes provisioning the new fleet (about 10m) plus a bake of 15m on the canary and a final one of 17m35s (bake-time and 2m35s for the verdict alarm to hear a dead runner\'s silence) at full traffic; got "30m".'
    )
  })
})
