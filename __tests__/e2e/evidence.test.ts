// Gates judged on evidence, through the bundled action against an emulator
// that behaves like production: simulated clients send requests split by the
// variants' weights, each model answers with its own error rate and latency,
// an instance serves a bounded rate, and CloudWatch publishes a minute only
// after it has closed plus 15 to 30 s. Nothing here can pass because data
// arrived instantly. These runs take real minutes, so they run side by side,
// each on an endpoint of its own in one emulator.

import { afterAll, beforeAll, expect, it, jest } from '@jest/globals'
import {
  DescribeScalableTargetsCommand,
  PutScalingPolicyCommand,
  RegisterScalableTargetCommand
} from '@aws-sdk/client-application-auto-scaling'
import { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch'
import { DescribeContextCommand, DescribeEndpointConfigCommand, DescribeModelCommand } from '@aws-sdk/client-sagemaker'
import { emulatorControl, type EmulatorControl } from '../../test/emulator/control.mjs'
import { startProxy } from '../../test/proxy/proxy.mjs'
import {
  TEST_ROLE_ARN,
  awsClients,
  runAction,
  seedModelAndEndpoint,
  startEmulator,
  type ActionRun,
  type AwsClients,
  type Emulator
} from './harness.js'
import {
  describeEndpoint,
  expectFailure,
  image,
  jsonOutput,
  resultOf,
  transcript,
  warningAnnotations
} from './scenario.js'

// Each scenario waits for minutes to close and be published; all of them together take about five minutes.
jest.setTimeout(12 * 60_000)

/** Later than a ten-second gate-interval, so a step must wait for its data; sooner than production, to save minutes. */
const PUBLICATION_DELAY_SECONDS: [number, number] = [15, 30]

let emulator: Emulator
let aws: AwsClients
let control: EmulatorControl

beforeAll(async () => {
  emulator = await startEmulator({ transitionSeconds: 0.3 })
  aws = awsClients(emulator)
  control = emulatorControl(emulator)
  await control.configure({ seed: 11, metricsDelaySeconds: PUBLICATION_DELAY_SECONDS, autoscalingIntervalSeconds: 2 })
}, 120_000)

afterAll(async () => {
  await control?.stopTraffic()
  aws?.destroy()
  await emulator?.stop()
})

interface Step {
  weight: number
  verdict: string
  kind?: string
  startedAt: number
  endedAt?: number
  reason?: string
  evaluations: Array<{ at: number; verdict: string; inconclusive: string[]; failures: string[]; invocations?: number }>
}

function stepsOf(run: ActionRun): Step[] {
  return ((resultOf(run).rollout as { steps?: Step[] } | undefined)?.steps ?? []) as Step[]
}

/** An endpoint of its own, serving `old` on one variant, with clients sending `rate` requests a second. */
async function serving(
  endpointName: string,
  {
    rate,
    instanceType = 'ml.m5.large',
    instanceCount = 1
  }: { rate: number; instanceType?: string; instanceCount?: number }
): Promise<void> {
  await seedModelAndEndpoint(aws.sagemaker, {
    endpointName,
    image: image(`${endpointName}-old`),
    variants: [{ variantName: 'AllTraffic', instanceType, instanceCount }]
  })
  if (rate > 0) await control.setTraffic(endpointName, rate)
}

function deploy(
  endpointName: string,
  inputs: Record<string, string>,
  extra: { timeoutMs?: number } = {}
): Promise<ActionRun> {
  return runAction({
    emulator,
    timeoutMs: extra.timeoutMs ?? 8 * 60_000,
    inputs: {
      operation: 'deploy',
      'endpoint-name': endpointName,
      'execution-role-arn': TEST_ROLE_ARN,
      'image-uri': image(`${endpointName}-new`),
      'model-name': `${endpointName}-new`,
      strategy: 'canary',
      'bake-time': '30s',
      'gate-interval': '10s',
      ...inputs
    }
  })
}

// Jest runs the concurrent tests of one describe block together, and blocks one after another: every
// scenario here is a test of the file's root, so that all of them wait for their minutes at once.

// Gates that hold on production-like CloudWatch.
it.concurrent('a bad canary whose data arrives late is rolled back, not promoted on empty windows', async () => {
  const name = 'late-bad'
  await serving(name, { rate: 6 })
  await control.setModelBehaviour({ match: `${name}-new`, errorRate: 0.25 })

  const run = await deploy(name, { 'traffic-steps': '20,100', 'bake-time': '60s', 'max-error-rate': '5%' })

  expect(run.exitCode).toBe(1)
  expect(run.outputs['rollout-result']).toBe('rolled-back')
  const [step] = stepsOf(run)
  // Judged before any data could exist, the first evaluation is inconclusive, never passed ...
  expect(step?.evaluations[0]?.verdict).toBe('inconclusive')
  expect(step?.evaluations.some((evaluation) => evaluation.verdict === 'passed')).toBe(false)
  // ... and the step fails on the data once CloudWatch has published it.
  expect(step?.verdict).toBe('failed')
  expect(step?.reason).toMatch(/error rate \d\d\.\d\d% .* above max-error-rate 5\.00%/)
  const endpoint = await describeEndpoint(aws, name)
  expect(endpoint.ProductionVariants?.map((variant) => variant.VariantName)).toEqual(['AllTraffic'])
})

it.concurrent('a healthy canary with min-invocations is promoted', async () => {
  const name = 'healthy-min'
  await serving(name, { rate: 6 })

  const run = await deploy(name, { 'traffic-steps': '20,100', 'min-invocations': '5', 'max-error-rate': '5%' })

  if (run.exitCode !== 0) throw new Error(transcript(run))
  expect(run.outputs['rollout-result']).toBe('succeeded')
  const steps = stepsOf(run)
  expect(steps.map((step) => step.verdict)).toEqual(['passed', 'passed'])
  // The first look came before any minute could be published: inconclusive, not a rollback.
  expect(steps[0]?.evaluations[0]?.verdict).toBe('inconclusive')
  expect(jsonOutput(run, 'variant-weights')).toEqual({ AllTraffic: 100 })
})

it.concurrent('a canary with no traffic never succeeds', async () => {
  const name = 'no-traffic'
  await serving(name, { rate: 0 })

  const run = await deploy(name, {
    'traffic-steps': '20,100',
    'max-error-rate': '1%',
    'bake-time': '20s',
    'max-data-delay': '40s'
  })

  expect(run.exitCode).toBe(1)
  expect(run.outputs['rollout-result']).toBe('rolled-back')
  expect(stepsOf(run).map((step) => step.verdict)).toEqual(['inconclusive'])
  expect(run.stdout).toContain('the gates could not judge the 20% step')
  expect(run.summary).toContain('❔ inconclusive')
})

it.concurrent('errors the new model shares with the baseline pass a relative gate', async () => {
  const name = 'shared-errors'
  // Three instances serve 30 a second: the errors are the models', none for lack of capacity.
  await serving(name, { rate: 20, instanceCount: 3 })
  await control.setModelBehaviour({ match: `${name}-old`, errorRate: 0.05 })
  await control.setModelBehaviour({ match: `${name}-new`, errorRate: 0.05 })

  const run = await deploy(name, { 'traffic-steps': '50,100', 'max-error-rate-increase': '5%', 'bake-time': '60s' })

  if (run.exitCode !== 0) throw new Error(transcript(run))
  expect(run.outputs['rollout-result']).toBe('succeeded')
  expect(run.summary).toMatch(/<td>\d\.\d\d% \(baseline \d\.\d\d%\)<\/td>/)
  expect(run.summary).toContain('max-error-rate-increase passed')
})

it.concurrent('a regression beyond the margin fails the relative gate', async () => {
  const name = 'regression'
  await serving(name, { rate: 20, instanceCount: 3 })
  await control.setModelBehaviour({ match: `${name}-old`, errorRate: 0.05 })
  await control.setModelBehaviour({ match: `${name}-new`, errorRate: 0.3 })

  const run = await deploy(name, { 'traffic-steps': '50,100', 'max-error-rate-increase': '5%' })

  expect(run.exitCode).toBe(1)
  expect(run.outputs['rollout-result']).toBe('rolled-back')
  expect(run.stdout).toMatch(/max-error-rate-increase: regression-new \d\d\.\d\d% .* vs baseline \d\.\d\d%/)
})

it.concurrent('promote after a degraded pause shifts no more traffic', async () => {
  const name = 'degraded-pause'
  await serving(name, { rate: 10 })
  const paused = await deploy(name, { 'traffic-steps': '30', 'max-error-rate': '5%' })
  if (paused.exitCode !== 0) throw new Error(transcript(paused))
  expect(paused.outputs['rollout-result']).toBe('paused')

  // The canary goes bad just before promote: no bad minute has closed, let alone been published,
  // when it starts, so it must wait for the pause's last minutes before it moves any traffic.
  await control.setModelBehaviour({ match: `${name}-new`, errorRate: 0.5 })
  await new Promise((resolve) => setTimeout(resolve, 5_000))

  const promoted = await runAction({
    emulator,
    timeoutMs: 5 * 60_000,
    inputs: {
      operation: 'promote',
      'endpoint-name': name,
      'traffic-steps': '100',
      'bake-time': '30s',
      'gate-interval': '10s',
      'max-error-rate': '5%'
    }
  })

  expect(promoted.exitCode).toBe(1)
  expect(promoted.outputs['rollout-result']).toBe('rolled-back')
  const steps = stepsOf(promoted)
  expect(steps.map((step) => [step.kind ?? 'step', step.verdict])).toEqual([['pause', 'failed']])
  expect(steps[0]?.reason).toMatch(
    /^the pause at 30% failed its gates: error rate \d\d\.\d\d% .* above max-error-rate 5\.00%/
  )
  expect(promoted.stdout).not.toContain('Shifting 100% of traffic')
  const endpoint = await describeEndpoint(aws, name)
  expect(endpoint.ProductionVariants?.map((variant) => variant.VariantName)).toEqual(['AllTraffic'])
})

// Capacity that holds on production-like traffic.
it.concurrent(
  'a canary on 4 × ml.m5.xlarge gets 4 × ml.m5.xlarge, and no request fails for lack of capacity',
  async () => {
    const name = 'capacity'
    // 50 requests a second: four xlarge instances serve 80; one large, the old default, 10.
    await serving(name, { rate: 50, instanceType: 'ml.m5.xlarge', instanceCount: 4 })

    const run = await deploy(name, { 'traffic-steps': '50,100', 'max-error-rate': '1%' })

    if (run.exitCode !== 0) throw new Error(transcript(run))
    const config = await aws.sagemaker.send(
      new DescribeEndpointConfigCommand({ EndpointConfigName: run.outputs['endpoint-config-name'] })
    )
    expect(config.ProductionVariants?.map((variant) => [variant.InstanceType, variant.InitialInstanceCount])).toEqual([
      ['ml.m5.xlarge', 4]
    ])
    const stats = (await control.trafficStats())[name]
    const capacityErrors = Object.values(stats?.variants ?? {}).map((variant) => variant.errors5xx.capacity)
    expect(capacityErrors.length).toBeGreaterThan(1)
    expect(capacityErrors.every((count) => count === 0)).toBe(true)
  }
)

it.concurrent(
  'keeps the serving variant from scaling in while traffic moves away, and gives scale-in back after',
  async () => {
    const name = 'scale-in'
    // Three instances at 12.5 requests a second, 750 a minute: target tracking at 300 a minute per instance keeps
    // three (750 / 300 rounds up to 3) until the rollout moves half of it away, when two would do. So scale-in is
    // due only because of the rollout, however long the action takes to start (the clients send evenly spaced).
    await serving(name, { rate: 12.5, instanceCount: 3 })
    const target = {
      ServiceNamespace: 'sagemaker' as const,
      ResourceId: `endpoint/${name}/variant/AllTraffic`,
      ScalableDimension: 'sagemaker:variant:DesiredInstanceCount' as const
    }
    await aws.autoscaling.send(new RegisterScalableTargetCommand({ ...target, MinCapacity: 1, MaxCapacity: 4 }))
    await aws.autoscaling.send(
      new PutScalingPolicyCommand({
        ...target,
        PolicyName: 'invocations',
        PolicyType: 'TargetTrackingScaling',
        TargetTrackingScalingPolicyConfiguration: {
          TargetValue: 300,
          PredefinedMetricSpecification: { PredefinedMetricType: 'SageMakerVariantInvocationsPerInstance' }
        }
      })
    )

    const counts: number[] = []
    let watching = true
    const watch = (async () => {
      while (watching) {
        const endpoint = await describeEndpoint(aws, name)
        const old = endpoint.ProductionVariants?.find((variant) => variant.VariantName === 'AllTraffic')
        if (old?.CurrentInstanceCount !== undefined) counts.push(old.CurrentInstanceCount)
        await new Promise((resolve) => setTimeout(resolve, 2_000))
      }
    })()
    const run = await deploy(name, { 'traffic-steps': '50', 'max-error-rate': '5%', 'bake-time': '60s' })
    watching = false
    await watch

    if (run.exitCode !== 0) throw new Error(transcript(run))
    expect(run.outputs['rollout-result']).toBe('paused')
    expect(counts.length).toBeGreaterThan(10)
    expect(Math.min(...counts)).toBe(3)
    expect(run.stdout).toContain('Scale-in of variant "AllTraffic" is suspended for the rollout, at 3 instances.')
    // Paused: the variant's autoscaling is its own again.
    const { ScalableTargets } = await aws.autoscaling.send(
      new DescribeScalableTargetsCommand({
        ServiceNamespace: 'sagemaker',
        ResourceIds: [target.ResourceId]
      })
    )
    expect(ScalableTargets?.[0]?.SuspendedState?.DynamicScalingInSuspended).toBe(false)
  }
)

/**
 * rollout-controller: sagemaker. SageMaker moves the traffic between the
 * fleets (the emulator sends the new fleet its share from the first shift),
 * the action judges the new fleet on its own published minutes, and its
 * verdict alarm is what SageMaker rolls back on.
 */
/** Five instances (a 20% canary is one), bakes long enough for CloudWatch's minutes to be judged. */
async function servingFive(name: string): Promise<void> {
  await serving(name, { rate: 6, instanceCount: 5 })
}
const judged = {
  'rollout-controller': 'sagemaker',
  'traffic-steps': '20,100',
  'bake-time': '90s',
  'gate-interval': '10s',
  'max-error-rate': '5%',
  timeout: '15m'
}

/** The inputs of a judged deploy of `<name>-new`, for a run made without deploy() (killed, or through a proxy). */
function judgedDeploy(name: string): Record<string, string> {
  return {
    operation: 'deploy',
    'endpoint-name': name,
    'execution-role-arn': TEST_ROLE_ARN,
    'image-uri': image(`${name}-new`),
    'model-name': `${name}-new`,
    strategy: 'canary',
    ...judged
  }
}

it.concurrent('a healthy new fleet succeeds, judged on its own minutes against the old fleet', async () => {
  const name = 'judged-healthy'
  await servingFive(name)

  const run = await deploy(name, judged)

  if (run.exitCode !== 0) throw new Error(transcript(run))
  expect(run.outputs['rollout-result']).toBe('succeeded')
  expect(run.outputs.healthy).toBe('true')
  const [step] = stepsOf(run)
  // Passed on evidence: invocations of the new fleet were judged, not just the absence of an alarm.
  expect(
    step?.evaluations.some((evaluation) => evaluation.verdict === 'passed' && (evaluation.invocations ?? 0) > 0)
  ).toBe(true)
  const [deployment] = await control.deployments(name)
  expect(deployment?.status).toBe('Succeeded')
})

it.concurrent('a bad new fleet (25% errors) is rolled back by SageMaker on the verdict', async () => {
  const name = 'judged-bad'
  await servingFive(name)
  await control.setModelBehaviour({ match: `${name}-new`, errorRate: 0.25 })

  const run = await deploy(name, judged)

  expect(run.exitCode).toBe(1)
  expect(run.outputs['rollout-result']).toBe('rolled-back')
  expect(run.stderr + run.stdout).toMatch(
    /SageMaker rolled the deployment back to .* on the action's verdict: .*error rate/
  )
  const [deployment] = await control.deployments(name)
  expect(deployment?.status).toBe('RolledBack')
  expect(deployment?.firingAlarms.some((alarm) => alarm.endsWith('-verdict'))).toBe(true)
  // Rolled back in the bakes, not after SageMaker would have finished.
  expect(deployment?.rollbackStartedAt ?? Infinity).toBeLessThan(deployment?.plannedEndAt ?? 0)
  const endpoint = await describeEndpoint(aws, name)
  expect(endpoint.EndpointConfigName).toBe(deployment?.oldConfig)
})

it.concurrent('a runner killed mid-bake leaves SageMaker to roll back by itself, on the silence', async () => {
  const name = 'judged-killed'
  await servingFive(name)

  const killedDeploy = judgedDeploy(name)
  const run = await runAction({
    emulator,
    timeoutMs: 4 * 60_000,
    signal: { name: 'SIGKILL', whenOutput: 'The new fleet takes traffic' },
    inputs: killedDeploy
  })
  expect(run.signal).toBe('SIGKILL')

  // No post step: nothing of the action runs from here. The verdict alarm fires once its heartbeat stops.
  const deadline = Date.now() + 3 * 60_000
  let deployment = (await control.deployments(name))[0]
  while (deployment?.status === 'InProgress' || deployment?.status === 'RollingBack') {
    if (Date.now() > deadline) throw new Error(`still ${deployment.status}: ${JSON.stringify(deployment)}`)
    await new Promise((resolve) => setTimeout(resolve, 2_000))
    deployment = (await control.deployments(name))[0]
  }
  expect(deployment?.status).toBe('RolledBack')
  expect(deployment?.firingAlarms.some((alarm) => alarm.endsWith('-verdict'))).toBe(true)
  expect(deployment?.rollbackStartedAt ?? Infinity).toBeLessThan(deployment?.plannedEndAt ?? 0)
  expect((await describeEndpoint(aws, name)).EndpointConfigName).toBe(deployment?.oldConfig)

  // What the next run finds (docs/controllers.md, "A dead runner"). No post step ran, so: the lock, still the
  // dead run's until it expires (at least the six hours a job may run) ...
  const lock = await aws.sagemaker.send(new DescribeContextCommand({ ContextName: `sagemaker-deploy-lock-${name}` }))
  expect(lock.Properties?.owner).toBe('https://github.com/example/repo/actions/runs/1001/attempts/1')
  expect(Date.parse(lock.Properties?.expiresAt ?? '')).toBeGreaterThan(Date.now() + 6 * 60 * 60_000)
  // ... the verdict alarm, left in ALARM: its metric stays silent, and missing data is breaching ...
  const verdictAlarm = `sagemaker-deploy-${deployment?.newConfig ?? ''}-verdict`
  expect(await alarmState(verdictAlarm)).toBe('ALARM')
  // ... and the new config and model, which nothing runs on.
  await aws.sagemaker.send(new DescribeEndpointConfigCommand({ EndpointConfigName: deployment?.newConfig }))
  await aws.sagemaker.send(new DescribeModelCommand({ ModelName: `${name}-new` }))

  // Another run is refused by the lock before it changes anything ...
  const other = await runAction({
    emulator,
    timeoutMs: 60_000,
    env: { GITHUB_RUN_ID: '1002' },
    inputs: killedDeploy
  })
  expect(expectFailure(other).join('\n')).toMatch(
    /is locked by another run: https:\/\/github\.com\/example\/repo\/actions\/runs\/1001\/attempts\/1, running deploy/
  )
  expect(await control.deployments(name)).toHaveLength(1)

  // ... while a re-run of the dead run's job (its next attempt) takes the lock over at once, reuses the model by
  // its name, deploys, and releases the lock. The dead attempt's verdict alarm is not its own: it stays.
  const rerun = await runAction({
    emulator,
    timeoutMs: 8 * 60_000,
    env: { GITHUB_RUN_ATTEMPT: '2' },
    inputs: killedDeploy
  })
  if (rerun.exitCode !== 0) throw new Error(transcript(rerun))
  expect(rerun.outputs['rollout-result']).toBe('succeeded')
  expect(warningAnnotations(rerun).join('\n')).toMatch(
    /Taking over the lock on endpoint "judged-killed" from .*\/attempts\/1: attempt 1 of this run holds it, and has ended/
  )
  expect(rerun.stdout).toContain(`Model "${name}-new" already exists with the same container; reusing it.`)
  await expect(
    aws.sagemaker.send(new DescribeContextCommand({ ContextName: `sagemaker-deploy-lock-${name}` }))
  ).rejects.toThrow()
  expect(await alarmState(verdictAlarm)).toBe('ALARM')
  const [, redeployed] = await control.deployments(name)
  expect(await alarmState(`sagemaker-deploy-${redeployed?.newConfig ?? ''}-verdict`)).toBeUndefined()
})

it.concurrent(
  'a run that loses CloudWatch mid-deployment stops judging: SageMaker rolls back on its failed verdict, the post step deletes the alarm',
  async () => {
    const name = 'judged-blind'
    await servingFive(name)
    const proxy = await startProxy({ target: emulator.url, seed: 5 })
    const inputs = judgedDeploy(name)
    try {
      // Once the new fleet takes traffic, every read of CloudWatch's metrics is throttled: the run can judge no more.
      const main = await runAction({
        emulator: proxy.url,
        timeoutMs: 5 * 60_000,
        inputs,
        onOutput: (line) => {
          if (line.includes('The new fleet takes traffic')) {
            proxy.setFaults({ apis: { 'cloudwatch.GetMetricData': { rate: 1, kinds: ['throttle'] } } })
          }
        }
      })

      expect(main.exitCode).toBe(1)
      expect(warningAnnotations(main).join('\n')).toContain("The action stopped judging SageMaker's deployment")
      const [deployment] = await control.deployments(name)
      const verdictAlarm = `sagemaker-deploy-${deployment?.newConfig ?? ''}-verdict`
      // Kept for SageMaker, which goes on: it rolls back on the failed verdict, within the bakes.
      expect(await alarmState(verdictAlarm)).toBeDefined()
      const post = await runAction({
        emulator: proxy.url,
        inputs,
        post: true,
        state: main.state,
        timeoutMs: 4 * 60_000
      })

      if (post.exitCode !== 0) throw new Error(transcript(post))
      const [ended] = await control.deployments(name)
      expect(ended?.status).toBe('RolledBack')
      expect(ended?.firingAlarms).toContain(verdictAlarm)
      expect(ended?.rollbackStartedAt ?? Infinity).toBeLessThan(ended?.plannedEndAt ?? 0)
      expect((await describeEndpoint(aws, name)).EndpointConfigName).toBe(ended?.oldConfig)
      expect(post.stdout).toContain(`its alarms ${verdictAlarm} were deleted`)
      expect(await alarmState(verdictAlarm)).toBeUndefined()
    } finally {
      await proxy.close()
    }
  }
)

async function alarmState(alarmName: string): Promise<string | undefined> {
  const { MetricAlarms } = await aws.cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: [alarmName] }))
  return MetricAlarms?.[0]?.StateValue
}
