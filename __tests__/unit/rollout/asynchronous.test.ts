/**
 * An asynchronous endpoint publishes no Invocations (AWS's page on monitoring
 * asynchronous endpoints): the fake CloudWatch publishes for it what AWS does,
 * InvocationsProcessed and InvocationFailures beside Invocation4XX/5XXErrors
 * and ModelLatency. Gates that read Invocations would find nothing and every
 * rollout would roll back as unjudged; these judge what it publishes, with
 * both controllers.
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { GetMetricDataCommand, PutDashboardCommand, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch'
import * as core from '../../../__fixtures__/core.js'
import { changeCalls, FakeAws } from '../../../__fixtures__/fake-aws.js'
import type { ModelBehaviour } from '../../../__fixtures__/fake-cloudwatch.js'
import { CANARY_DEPLOY, withTraffic } from '../../../__fixtures__/rollout.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, resetAws, runAction } = await import('../../../__fixtures__/action.js')

const ASYNC_INFERENCE = { OutputConfig: { S3OutputPath: 's3://fraud-async/out/' } }
const FAILING: ModelBehaviour = { errorRate: 0.25, latencyP99Ms: 40 }
const gated = { ...CANARY_DEPLOY, 'max-error-rate': '1%', 'max-latency-p99': '250ms', 'min-invocations': '20' }

let fake: FakeAws
beforeEach(() => {
  resetAws()
  fake = new FakeAws()
  seedAsynchronous(fake, 10)
  fake.install(aws)
})

/** fraud-v1 alone on an asynchronous endpoint's config, a release config this action made. */
function seedAsynchronous(target: FakeAws, count: number): void {
  target.seedEndpoint(
    'fraud',
    'fraud-v1-config',
    [{ name: 'AllTraffic', weight: 1, count, model: 'fraud-v1' }],
    { 'sagemaker-deploy:endpoint': 'fraud', 'sagemaker-deploy:role': 'release' },
    { configSettings: { AsyncInferenceConfig: ASYNC_INFERENCE } }
  )
}

/** Every metric name the gates asked CloudWatch for. */
function metricsAskedFor(): Set<string | undefined> {
  return new Set(
    aws.cloudwatch
      .commandCalls(GetMetricDataCommand)
      .flatMap((call) => call.args[0].input.MetricDataQueries ?? [])
      .map((query) => query.MetricStat?.Metric?.MetricName)
  )
}

interface Evaluation {
  verdict: string
  invocations?: number
  failures: string[]
}

function evaluationsOf(result: { outputs: Record<string, string> }): Evaluation[] {
  const steps = (
    JSON.parse(result.outputs.result ?? '{}') as { rollout: { steps: Array<{ evaluations: Evaluation[] }> } }
  ).rollout.steps
  return steps.flatMap((step) => step.evaluations)
}

describe('an asynchronous endpoint, rolled out by the action', () => {
  it('is judged on the requests it processed and promoted when healthy', async () => {
    const clock = withTraffic(fake)

    const result = await runAction(gated, { clock })

    expect(result.failed).toBeUndefined()
    expect(result.outputs['rollout-result']).toBe('succeeded')
    const passed = evaluationsOf(result).filter((evaluation) => evaluation.verdict === 'passed')
    expect(passed.length).toBeGreaterThan(3)
    expect(passed.every((evaluation) => (evaluation.invocations ?? 0) >= 20)).toBe(true)
    const asked = metricsAskedFor()
    expect(asked).toContain('InvocationFailures')
    expect(asked).toContain('InvocationsProcesssed')
    expect(asked).not.toContain('Invocations')
    expect(result.summary).toContain(
      'max-error-rate: failure rate (InvocationFailures / InvocationsProcessed) at most 1%'
    )
  })

  it('gets a dashboard of what it publishes', async () => {
    const clock = withTraffic(fake)

    const result = await runAction({ ...gated, dashboard: 'true' }, { clock })

    expect(result.outputs['rollout-result']).toBe('succeeded')
    const body = aws.cloudwatch.commandCalls(PutDashboardCommand)[0]?.args[0].input.DashboardBody ?? ''
    expect(body).toContain('"InvocationFailures"')
    expect(body).toContain('"ApproximateBacklogSize"')
    expect(body).not.toContain('"Invocations"')
  })

  it('counts the requests under the other spelling of InvocationsProcessed just the same', async () => {
    const clock = withTraffic(fake)
    fake.cloudwatch.processedMetricName = 'InvocationsProcessed'

    const result = await runAction(gated, { clock })

    expect(result.outputs['rollout-result']).toBe('succeeded')
    expect(evaluationsOf(result).filter((evaluation) => evaluation.verdict === 'passed').length).toBeGreaterThan(3)
  })

  it('rolls back a model that fails a quarter of its requests, on its failures', async () => {
    const clock = withTraffic(fake)
    fake.cloudwatch.setBehaviour('fraud-v2', FAILING)

    const result = await runAction(gated, { clock })

    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expect(result.failed).toMatch(
      /error rate 2\d\.\d\d% \(\d+ failed of \d+ processed\) in 12:00–12:0\d UTC above max-error-rate 1\.00%/
    )
    expect(fake.endpoint('fraud').config).toBe('fraud-v1-config')
  })

  it('rolls back a model slower than max-latency-p99 on its ModelLatency', async () => {
    const clock = withTraffic(fake)
    fake.cloudwatch.setBehaviour('fraud-v2', { errorRate: 0, latencyP99Ms: 400 })

    const result = await runAction(gated, { clock })

    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expect(result.failed).toMatch(/p99 latency 400 ms in .* above max-latency-p99 250 ms/)
  })

  it('compares its failure rate with the serving variant over the same minutes', async () => {
    const clock = withTraffic(fake)
    fake.cloudwatch.setBehaviour('fraud-v2', { errorRate: 0.1, latencyP99Ms: 40 })

    const result = await runAction({ ...CANARY_DEPLOY, 'max-error-rate-increase': '2%' }, { clock })

    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expect(result.failed).toMatch(/max-error-rate-increase: fraud-v2 \d+\.\d\d% \(\d+ of \d+\) vs baseline 0\.00%/)
  })
})

describe('an asynchronous endpoint, rolled out by SageMaker and judged by the action', () => {
  const native = {
    ...CANARY_DEPLOY,
    'rollout-controller': 'sagemaker',
    'traffic-steps': '10,100',
    timeout: '45m',
    'max-error-rate': '1%',
    'max-error-rate-increase': '2%'
  }

  it('succeeds on evidence when healthy: both fleets read by what they publish', async () => {
    const clock = withTraffic(fake)
    fake.transitionMs = { Updating: 25 * 60_000 }

    const result = await runAction(native, { clock })

    expect(result.failed).toBeUndefined()
    expect(result.outputs['rollout-result']).toBe('succeeded')
    expect(metricsAskedFor()).not.toContain('Invocations')
    const verdicts = aws.cloudwatch
      .commandCalls(PutMetricDataCommand)
      .map((call) => call.args[0].input.MetricData?.[0]?.Value)
    expect(verdicts.every((value) => value === 0)).toBe(true)
  })

  it('fails the verdict on a new fleet that fails, and SageMaker rolls back', async () => {
    const clock = withTraffic(fake)
    fake.transitionMs = { Updating: 25 * 60_000 }
    fake.cloudwatch.setBehaviour('fraud-v2', FAILING)

    const result = await runAction(native, { clock })

    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expect(result.failed).toMatch(/on the action's verdict: a failed gate evaluation .*failed of \d+ processed/)
    expect(fake.endpoint('fraud').config).toBe('fraud-v1-config')
    expect(changeCalls(aws).filter((call) => call.name === 'sagemaker.UpdateEndpoint')).toHaveLength(1)
  })
})

describe('an alarm that watches what an asynchronous endpoint does not publish', () => {
  const dimensions = [
    { Name: 'EndpointName', Value: 'fraud' },
    { Name: 'VariantName', Value: 'AllTraffic' }
  ]

  function alarmOn(name: string, spec: Record<string, unknown>): void {
    fake.alarms.set(name, 'OK')
    fake.alarmSpecs.set(name, spec)
  }

  it('is refused before any change, naming the input and what to alarm on instead', async () => {
    alarmOn('fraud-traffic', { Namespace: 'AWS/SageMaker', MetricName: 'Invocations', Dimensions: dimensions })

    const result = await runAction({ ...gated, 'alarm-names': 'fraud-traffic' }, { clock: withTraffic(fake) })

    expect(result.failed).toBe(
      'Input "alarm-names": "fraud-traffic" watches Invocations of endpoint "fraud", which SageMaker does not publish for an asynchronous endpoint (its config "fraud-v1-config" has an AsyncInferenceConfig), so the alarm could never judge it; nothing was changed. Alarm on what it publishes instead: InvocationFailures and InvocationsProcessed (per variant, with EndpointName and VariantName), ModelLatency, or ApproximateBacklogSize (EndpointName alone).'
    )
    expect(changeCalls(aws)).toEqual([])
  })

  it('is refused inside metric math too, and with SageMaker running the deployment', async () => {
    alarmOn('fraud-error-rate', {
      Metrics: [
        {
          Id: 'e',
          MetricStat: {
            Metric: { Namespace: 'AWS/SageMaker', MetricName: 'Invocation5XXErrors', Dimensions: dimensions }
          }
        },
        {
          Id: 'i',
          MetricStat: { Metric: { Namespace: 'AWS/SageMaker', MetricName: 'Invocations', Dimensions: dimensions } }
        },
        { Id: 'rate', Expression: 'e / i' }
      ]
    })

    const result = await runAction(
      {
        ...gated,
        'rollout-controller': 'sagemaker',
        'traffic-steps': '10,100',
        timeout: '45m',
        'alarm-names': 'fraud-error-rate'
      },
      { clock: withTraffic(fake) }
    )

    expect(result.failed).toMatch(/^Input "alarm-names": "fraud-error-rate" watches Invocations of endpoint "fraud"/)
    expect(changeCalls(aws)).toEqual([])
  })

  it('is refused by promote before any traffic moves', async () => {
    const clock = withTraffic(fake)
    const paused = await runAction({ ...gated, 'traffic-steps': '10' }, { clock })
    expect(paused.outputs['rollout-result']).toBe('paused')
    alarmOn('fraud-overhead', { Namespace: 'AWS/SageMaker', MetricName: 'OverheadLatency', Dimensions: dimensions })
    const before = changeCalls(aws).length

    const result = await runAction({ ...gated, operation: 'promote', 'alarm-names': 'fraud-overhead' }, { clock })

    expect(result.failed).toMatch(/^Input "alarm-names": "fraud-overhead" watches OverheadLatency of endpoint "fraud"/)
    expect(changeCalls(aws)).toHaveLength(before)
  })

  it('is taken when it watches what the endpoint publishes', async () => {
    alarmOn('fraud-failures', { Namespace: 'AWS/SageMaker', MetricName: 'InvocationFailures', Dimensions: dimensions })

    const result = await runAction({ ...gated, 'alarm-names': 'fraud-failures' }, { clock: withTraffic(fake) })

    expect(result.outputs['rollout-result']).toBe('succeeded')
  })

  it('on a real-time endpoint, which publishes Invocations, is taken', async () => {
    resetAws()
    fake = new FakeAws()
    fake.seedEndpoint('fraud', 'fraud-v1-config', [{ name: 'AllTraffic', weight: 1, count: 10, model: 'fraud-v1' }], {
      'sagemaker-deploy:endpoint': 'fraud',
      'sagemaker-deploy:role': 'release'
    })
    fake.install(aws)
    alarmOn('fraud-traffic', { Namespace: 'AWS/SageMaker', MetricName: 'Invocations', Dimensions: dimensions })

    const result = await runAction({ ...gated, 'alarm-names': 'fraud-traffic' }, { clock: withTraffic(fake) })

    expect(result.outputs['rollout-result']).toBe('succeeded')
  })
})
