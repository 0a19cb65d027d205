// Rollouts of endpoints that do not publish one-minute Invocations, through
// the bundled action against the emulator: an asynchronous endpoint publishes
// no Invocations, only the requests it processed and those that failed (AWS's
// page on monitoring asynchronous endpoints), and an endpoint config with
// enhanced metrics publishes every MetricPublishFrequencyInSeconds. The gates
// must judge what is published, when it is: CloudWatch publishes each period
// 15 to 30 s after it closes, so nothing passes on data that arrived
// instantly. The scenarios run side by side, each on an endpoint of its own.

import { afterAll, beforeAll, expect, it, jest } from '@jest/globals'
import { ListMetricsCommand, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch'
import { DescribeEndpointConfigCommand, UpdateEndpointWeightsAndCapacitiesCommand } from '@aws-sdk/client-sagemaker'
import { emulatorControl, type EmulatorControl } from '../../test/emulator/control.mjs'
import {
  TEST_ROLE_ARN,
  awsClients,
  runAction,
  seedModelAndEndpoint,
  startEmulator,
  waitForEndpoint,
  type ActionRun,
  type AwsClients,
  type Emulator
} from './harness.js'
import { describeEndpoint, image, inventory, resultOf, transcript } from './scenario.js'

// Each scenario waits for periods to close and be published; together they take three to four minutes.
jest.setTimeout(10 * 60_000)

const PUBLICATION_DELAY_SECONDS: [number, number] = [15, 30]
const ASYNC_INFERENCE = { OutputConfig: { S3OutputPath: 's3://inference-results/async/' } }

let emulator: Emulator
let aws: AwsClients
let control: EmulatorControl

beforeAll(async () => {
  emulator = await startEmulator({ transitionSeconds: 0.3 })
  aws = awsClients(emulator)
  control = emulatorControl(emulator)
  await control.configure({ seed: 17, metricsDelaySeconds: PUBLICATION_DELAY_SECONDS })
}, 120_000)

afterAll(async () => {
  await control?.stopTraffic()
  aws?.destroy()
  await emulator?.stop()
})

interface Step {
  verdict: string
  startedAt: number
  endedAt?: number
  reason?: string
  evaluations: Array<{ verdict: string; invocations?: number; window?: { from: number; to: number } }>
}

function stepsOf(run: ActionRun): Step[] {
  return ((resultOf(run).rollout as { steps?: Step[] } | undefined)?.steps ?? []) as Step[]
}

/** An endpoint of its own, serving `old` on one variant whose config carries `settings`, with clients at `rate`. */
async function serving(endpointName: string, settings: Record<string, unknown>, rate = 6): Promise<void> {
  await seedModelAndEndpoint(aws.sagemaker, {
    endpointName,
    image: image(`${endpointName}-old`),
    configSettings: settings
  })
  await control.setTraffic(endpointName, rate)
}

function deploy(endpointName: string, inputs: Record<string, string>): Promise<ActionRun> {
  return runAction({
    emulator,
    timeoutMs: 8 * 60_000,
    inputs: {
      operation: 'deploy',
      'endpoint-name': endpointName,
      'execution-role-arn': TEST_ROLE_ARN,
      'image-uri': image(`${endpointName}-new`),
      'model-name': `${endpointName}-new`,
      strategy: 'canary',
      'traffic-steps': '50,100',
      'bake-time': '30s',
      'gate-interval': '10s',
      'max-error-rate': '5%',
      'min-invocations': '5',
      ...inputs
    }
  })
}

// Jest runs the concurrent tests of one describe block together, and blocks one after another: each
// scenario is a test of the file's root, so that all of them wait for their minutes at once.
it.concurrent(
  'an asynchronous endpoint is promoted on the requests it processed, though it publishes no Invocations',
  async () => {
    const name = 'async-healthy'
    await serving(name, { AsyncInferenceConfig: ASYNC_INFERENCE })

    const run = await deploy(name, { 'max-latency-p99': '2s' })

    if (run.exitCode !== 0) throw new Error(transcript(run))
    expect(run.outputs['rollout-result']).toBe('succeeded')
    const steps = stepsOf(run)
    expect(steps.map((step) => step.verdict)).toEqual(['passed', 'passed'])
    // Judged on evidence: passing evaluations counted processed requests of the new variant.
    const passed = steps.flatMap((step) => step.evaluations).filter((evaluation) => evaluation.verdict === 'passed')
    expect(passed.length).toBeGreaterThan(0)
    expect(passed.every((evaluation) => (evaluation.invocations ?? 0) >= 5)).toBe(true)
    // What the gates read is what the endpoint published: no Invocations of it exist.
    const listed = await aws.cloudwatch.send(
      new ListMetricsCommand({ Namespace: 'AWS/SageMaker', Dimensions: [{ Name: 'EndpointName', Value: name }] })
    )
    const names = new Set((listed.Metrics ?? []).map((metric) => metric.MetricName))
    expect(names.has('InvocationsProcesssed')).toBe(true)
    expect(names.has('Invocations')).toBe(false)
    expect(run.summary).toContain('failure rate (InvocationFailures / InvocationsProcessed) at most 5%')
  }
)

it.concurrent(
  "an asynchronous endpoint scaled to zero gets a new fleet of its config's initial count, never one of zero",
  async () => {
    const name = 'async-zero'
    await seedModelAndEndpoint(aws.sagemaker, {
      endpointName: name,
      image: image(`${name}-old`),
      variants: [{ variantName: 'AllTraffic', instanceCount: 2 }],
      configSettings: { AsyncInferenceConfig: ASYNC_INFERENCE }
    })
    // Scaled in to zero while its queue is empty, as AWS's autoscaling of asynchronous endpoints allows.
    await aws.sagemaker.send(
      new UpdateEndpointWeightsAndCapacitiesCommand({
        EndpointName: name,
        DesiredWeightsAndCapacities: [{ VariantName: 'AllTraffic', DesiredInstanceCount: 0 }]
      })
    )
    await waitForEndpoint(aws.sagemaker, name, 'InService')
    expect((await describeEndpoint(aws, name)).ProductionVariants?.[0]?.CurrentInstanceCount).toBe(0)

    const run = await deploy(name, {
      strategy: 'all-at-once',
      'traffic-steps': '',
      'max-error-rate': '',
      'min-invocations': ''
    })

    if (run.exitCode !== 0) throw new Error(transcript(run))
    expect(run.summary).toMatch(/it is scaled to zero, so its config\S+s initial count, at least one instance/)
    const endpoint = await describeEndpoint(aws, name)
    expect(endpoint.EndpointConfigName).toBe(run.outputs['endpoint-config-name'])
    const config = await aws.sagemaker.send(
      new DescribeEndpointConfigCommand({ EndpointConfigName: endpoint.EndpointConfigName })
    )
    expect(config.ProductionVariants?.map((variant) => variant.InitialInstanceCount)).toEqual([2])
    expect(endpoint.ProductionVariants?.[0]?.CurrentInstanceCount).toBe(2)
  }
)

it.concurrent('an asynchronous endpoint is rolled back when the new model fails, on its failures', async () => {
  const name = 'async-failing'
  await serving(name, { AsyncInferenceConfig: ASYNC_INFERENCE })
  await control.setModelBehaviour({ match: `${name}-new`, errorRate: 0.4 })

  const run = await deploy(name, {})

  expect(run.exitCode).toBe(1)
  expect(run.outputs['rollout-result']).toBe('rolled-back')
  const [step] = stepsOf(run)
  expect(step?.verdict).toBe('failed')
  expect(step?.reason).toMatch(
    /error rate \d\d\.\d\d% \(\d+ failed of \d+ processed\) in .* above max-error-rate 5\.00%/
  )
  const endpoint = await describeEndpoint(aws, name)
  expect(endpoint.EndpointConfigName).toBe(`${name}-seed-config`)
})

it.concurrent(
  "an asynchronous endpoint is rolled back by SageMaker on the action's verdict, judged on its failures",
  async () => {
    const name = 'async-sagemaker'
    // Four instances: SageMaker's canary of 50% is two of them.
    await seedModelAndEndpoint(aws.sagemaker, {
      endpointName: name,
      image: image(`${name}-old`),
      variants: [{ variantName: 'AllTraffic', instanceCount: 4 }],
      configSettings: { AsyncInferenceConfig: ASYNC_INFERENCE }
    })
    await control.setTraffic(name, 6)
    await control.setModelBehaviour({ match: `${name}-new`, errorRate: 0.4 })

    const run = await deploy(name, { 'rollout-controller': 'sagemaker', 'bake-time': '150s', timeout: '20m' })

    if (run.outputs['rollout-result'] !== 'rolled-back') throw new Error(transcript(run))
    expect(run.exitCode).toBe(1)
    // No alarm could divide by Invocations here: the action judged the new fleet's failures over what it
    // processed, and SageMaker rolled back on its verdict.
    const [deployment] = await control.deployments(name)
    expect(deployment?.status).toBe('RolledBack')
    expect(deployment?.firingAlarms.some((alarm) => alarm.endsWith('-verdict'))).toBe(true)
    expect(run.stdout).toMatch(
      /on the action's verdict: .*\(\d+ failed of \d+ processed\).* above max-error-rate 5\.00%/
    )
    expect((await describeEndpoint(aws, name)).EndpointConfigName).toBe(`${name}-seed-config`)
  }
)

it.concurrent('an asynchronous endpoint with an alarm on its Invocations is refused before any change', async () => {
  const name = 'async-blind-alarm'
  await serving(name, { AsyncInferenceConfig: ASYNC_INFERENCE }, 0)
  await aws.cloudwatch.send(
    new PutMetricAlarmCommand({
      AlarmName: `${name}-traffic`,
      Namespace: 'AWS/SageMaker',
      MetricName: 'Invocations',
      Dimensions: [
        { Name: 'EndpointName', Value: name },
        { Name: 'VariantName', Value: 'AllTraffic' }
      ],
      Statistic: 'Sum',
      Period: 60,
      EvaluationPeriods: 1,
      Threshold: 1,
      ComparisonOperator: 'LessThanThreshold',
      TreatMissingData: 'notBreaching'
    })
  )
  // Other scenarios create resources meanwhile: only this endpoint's are compared.
  const own = async (): Promise<string[]> => {
    const all = await inventory(aws)
    return [...all.models, ...all.configs, ...all.endpoints].filter((resource) => resource.startsWith(name))
  }
  const before = await own()

  const run = await deploy(name, { 'alarm-names': `${name}-traffic` })

  expect(run.exitCode).toBe(1)
  expect(run.stdout).toContain(
    `Input "alarm-names": "${name}-traffic" watches Invocations of endpoint "${name}", which SageMaker does not publish for an asynchronous endpoint`
  )
  expect(await own()).toEqual(before)
})

it.concurrent(
  'an endpoint publishing every 10 seconds is judged in 10 s periods, each step ending once its last ones are published',
  async () => {
    const name = 'ten-seconds'
    await serving(name, { MetricsConfig: { EnableEnhancedMetrics: true, MetricPublishFrequencyInSeconds: 10 } })

    const run = await deploy(name, {})

    if (run.exitCode !== 0) throw new Error(transcript(run))
    expect(run.outputs['rollout-result']).toBe('succeeded')
    for (const step of stepsOf(run)) {
      const windows = step.evaluations.flatMap((evaluation) => (evaluation.window ? [evaluation.window] : []))
      expect(windows.length).toBeGreaterThan(0)
      for (const window of windows) {
        expect(window.from % 10_000).toBe(0)
        expect(window.to % 10_000).toBe(0)
      }
      // Some window is shorter than a minute: the gates did not wait for whole minutes.
      expect(windows.some((window) => window.to - window.from < 60_000)).toBe(true)
      // The bake's last 10 s closed, then were published 15 to 30 s later: far less than a minute's wait.
      const bakeEnd = step.startedAt + 30_000
      expect(step.endedAt ?? Infinity).toBeLessThan(bakeEnd + 10_000 + 30_000 + 25_000)
      expect(step.verdict).toBe('passed')
    }
  }
)
