/**
 * Each health gate failing on its own during a canary, and what the action
 * does about it: traffic off the new variant first, then the previous config.
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch'
import * as core from '../../../__fixtures__/core.js'
import { FakeClock } from '../../../__fixtures__/clock.js'
import {
  awsCalls,
  changeCalls,
  FakeAws,
  type AwsCall,
  type VariantTraffic,
  weightShifts
} from '../../../__fixtures__/fake-aws.js'

import { CANARY_DEPLOY, seedServingEndpoint } from '../../../__fixtures__/rollout.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, resetAws, runAction } = await import('../../../__fixtures__/action.js')

const canary = CANARY_DEPLOY

const HEALTHY: VariantTraffic = { invocations: 100, errors5xx: 0, latencyP99Us: 40_000 }

/** The changes of a rollout that completes: model, canary config, update, three shifts, release config, update, delete. */
const SUCCEEDED = [
  'sagemaker.CreateModel',
  'sagemaker.CreateEndpointConfig',
  'sagemaker.UpdateEndpoint',
  'sagemaker.UpdateEndpointWeightsAndCapacities',
  'sagemaker.UpdateEndpointWeightsAndCapacities',
  'sagemaker.UpdateEndpointWeightsAndCapacities',
  'sagemaker.CreateEndpointConfig',
  'sagemaker.UpdateEndpoint',
  'sagemaker.DeleteEndpointConfig'
]

/**
 * The changes of a rollout rolled back during step `failedStep`: shifts up to
 * it, weight 0, previous config, then what the run made goes (the canary
 * config, and the model nothing runs any more).
 */
function rolledBackAt(failedStep: number): string[] {
  return [
    'sagemaker.CreateModel',
    'sagemaker.CreateEndpointConfig',
    'sagemaker.UpdateEndpoint',
    ...Array<string>(failedStep).fill('sagemaker.UpdateEndpointWeightsAndCapacities'),
    'sagemaker.UpdateEndpointWeightsAndCapacities',
    'sagemaker.UpdateEndpoint',
    'sagemaker.DeleteEndpointConfig',
    'sagemaker.DeleteModel'
  ]
}

function canaryConfigOf(calls: AwsCall[]): string {
  return calls.find((call) => call.name === 'sagemaker.CreateEndpointConfig')?.input.EndpointConfigName as string
}

/** Where a rolled-back rollout must leave the endpoint: the previous config, the old variant alone. */
function expectBackOnPreviousConfig(calls: AwsCall[]): void {
  const state = fake.endpoint('fraud')
  expect(state.status).toBe('InService')
  expect(state.config).toBe('fraud-v1-config')
  expect(state.variants.map((variant) => variant.name)).toEqual(['AllTraffic'])
  expect(fake.weights('fraud')).toEqual({ AllTraffic: 100 })
  // Other fields may ask SageMaker to keep the instance counts serving; the target is what matters here.
  expect(calls.at(-3)?.input).toMatchObject({ EndpointName: 'fraud', EndpointConfigName: 'fraud-v1-config' })
  const canaryConfig = canaryConfigOf(calls)
  expect(calls.at(-2)?.input).toEqual({ EndpointConfigName: canaryConfig })
  expect(calls.at(-1)?.input).toEqual({ ModelName: 'fraud-v2' })
  expect([...fake.configs.keys()]).toEqual(['fraud-v1-config'])
  expect([...fake.models]).toEqual(['fraud-v1'])
  expect(core.state.rollout).toBe('')
}

/**
 * Traffic that is bad in the evaluations whose (1-based) numbers are listed
 * and healthy otherwise. An evaluation is one GetMetricData call, known by
 * the end of its window.
 */
function badIn(
  evaluations: number[],
  bad: VariantTraffic
): (variant: string, start: Date, end: Date) => VariantTraffic {
  const ends: number[] = []
  return (_variant, _start, end) => {
    if (!ends.includes(end.getTime())) ends.push(end.getTime())
    return evaluations.includes(ends.indexOf(end.getTime()) + 1) ? bad : HEALTHY
  }
}

/** The variants each GetMetricData call asked about. */
function metricVariants(): string[][] {
  return awsCalls(aws)
    .filter((call) => call.name === 'cloudwatch.GetMetricData')
    .map(
      (call) =>
        [
          ...new Set(
            (call.input.MetricDataQueries as MetricDataQuery[]).map(
              (query) =>
                query.MetricStat?.Metric?.Dimensions?.find((dimension) => dimension.Name === 'VariantName')?.Value
            )
          )
        ] as string[]
    )
}

let fake: FakeAws
beforeEach(() => {
  resetAws()
  fake = new FakeAws()
  seedServingEndpoint(fake)
  fake.install(aws)
  fake.traffic = () => HEALTHY
})

describe('an alarm that fires during step 2', () => {
  const inputs = { ...canary, 'alarm-names': 'fraud-5xx' }
  function alarmAtFifteenMinutes(): FakeClock {
    fake.alarms.set('fraud-5xx', 'OK')
    const clock = new FakeClock()
    // Step 1 bakes for the first ten minutes; minute fifteen is half-way through step 2.
    clock.at(15 * 60_000, () => fake.alarms.set('fraud-5xx', 'ALARM'))
    return clock
  }

  it('moves traffic off the new variant first, then restores the previous config, and fails the step', async () => {
    const result = await runAction(inputs, { clock: alarmAtFifteenMinutes() })

    const calls = changeCalls(aws)
    expect(calls.map((call) => call.name)).toEqual(rolledBackAt(2))
    expect(weightShifts(calls)).toEqual([
      { AllTraffic: 90, 'fraud-v2': 10 },
      { AllTraffic: 50, 'fraud-v2': 50 },
      { AllTraffic: 100, 'fraud-v2': 0 }
    ])
    expectBackOnPreviousConfig(calls)
    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expect(result.outputs['rolled-back']).toBe('true')
    expect(result.outputs.healthy).toBe('false')
    expect(result.outputs['endpoint-config-name']).toBe('fraud-v1-config')
    expect(result.failed).toMatch(/^Rolled back: .*alarm fraud-5xx in ALARM.*All traffic is back on fraud-v1-config\.$/)

    const output = JSON.parse(result.outputs.result ?? '{}') as {
      rollout: { steps: Array<{ weight: number; verdict: string; evaluations: Array<{ alarmsInAlarm: string[] }> }> }
    }
    expect(output.rollout.steps.map((step) => [step.weight, step.verdict])).toEqual([
      [10, 'passed'],
      [50, 'failed']
    ])
    // Minute 15 is the third evaluation of step 2 (at 2, 4 and 6 minutes in, the step having begun a little after 10).
    expect(output.rollout.steps[1]?.evaluations.map((evaluation) => evaluation.alarmsInAlarm)).toEqual([
      [],
      [],
      ['fraud-5xx']
    ])
    expect(result.summary).toContain('<td>2</td><td>50%</td>')
    expect(result.summary).toContain('<td>fraud-5xx</td><td>—</td><td>❌ failed</td>')
  })

  it('with fail-on-rollback: false the step succeeds with the same outputs and the same end state', async () => {
    const result = await runAction({ ...inputs, 'fail-on-rollback': 'false' }, { clock: alarmAtFifteenMinutes() })

    expect(result.failed).toBeUndefined()
    const calls = changeCalls(aws)
    expect(calls.map((call) => call.name)).toEqual(rolledBackAt(2))
    expectBackOnPreviousConfig(calls)
    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expect(result.outputs['rolled-back']).toBe('true')
    expect(result.outputs.healthy).toBe('false')
    expect(result.log).toContainEqual(expect.stringMatching(/The step succeeds because fail-on-rollback is false\.$/))
  })
})

describe('error rate', () => {
  const inputs = { ...canary, 'max-error-rate': '1%' }

  it('rolls back when the new variant answers more 5XX errors than max-error-rate', async () => {
    fake.traffic = (variant) =>
      variant === 'fraud-v2' ? { invocations: 1000, errors5xx: 50, latencyP99Us: 40_000 } : HEALTHY

    const result = await runAction(inputs)

    const calls = changeCalls(aws)
    expect(calls.map((call) => call.name)).toEqual(rolledBackAt(1))
    expect(weightShifts(calls)).toEqual([
      { AllTraffic: 90, 'fraud-v2': 10 },
      { AllTraffic: 100, 'fraud-v2': 0 }
    ])
    expectBackOnPreviousConfig(calls)
    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expect(result.failed).toContain('error rate 5.00% above max-error-rate 1.00%')
    // The first evaluation failed; nothing more was read.
    expect(metricVariants()).toEqual([['fraud-v2']])
  })

  it('judges the new variant only: errors on the old one do not stop the rollout', async () => {
    fake.traffic = (variant) =>
      variant === 'AllTraffic' ? { invocations: 1000, errors5xx: 500, latencyP99Us: 40_000 } : HEALTHY

    const result = await runAction(inputs)

    expect(result.failed).toBeUndefined()
    expect(result.outputs['rollout-result']).toBe('succeeded')
    expect(changeCalls(aws).map((call) => call.name)).toEqual(SUCCEEDED)
    expect(metricVariants()).toEqual(Array(15).fill(['fraud-v2']))
    expect(fake.endpoint('fraud').variants.map((variant) => variant.name)).toEqual(['fraud-v2'])
  })
})

describe('latency', () => {
  // CloudWatch publishes ModelLatency in microseconds; the input is in milliseconds.
  const inputs = { ...canary, 'max-latency-p99': '250ms' }

  it('rolls back when the p99 is 300 ms (300,000 µs) against 250ms', async () => {
    fake.traffic = (variant) => (variant === 'fraud-v2' ? { invocations: 100, latencyP99Us: 300_000 } : HEALTHY)

    const result = await runAction(inputs)

    const calls = changeCalls(aws)
    expect(calls.map((call) => call.name)).toEqual(rolledBackAt(1))
    expectBackOnPreviousConfig(calls)
    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expect(result.failed).toContain('p99 latency 300 ms above max-latency-p99 250 ms')
    expect(result.summary).toContain('<td>300 ms</td>')
  })

  it('passes when the p99 is 200 ms (200,000 µs)', async () => {
    fake.traffic = () => ({ invocations: 100, latencyP99Us: 200_000 })

    const result = await runAction(inputs)

    expect(result.failed).toBeUndefined()
    expect(result.outputs['rollout-result']).toBe('succeeded')
    expect(changeCalls(aws).map((call) => call.name)).toEqual(SUCCEEDED)
    expect(result.summary).toContain('<td>200 ms</td>')
  })
})

describe('probes', () => {
  const inputs = { ...canary, 'probe-payload': '{"features":[0.1,0.2]}', 'probe-count': '2' }
  const targets = (): unknown[] =>
    awsCalls(aws)
      .filter((call) => call.name === 'runtime.InvokeEndpoint')
      .map((call) => call.input.TargetVariant)

  it('rolls back when a probe to the new variant fails', async () => {
    fake.failingProbeVariants.add('fraud-v2')

    const result = await runAction(inputs)

    const calls = changeCalls(aws)
    expect(calls.map((call) => call.name)).toEqual(rolledBackAt(1))
    expectBackOnPreviousConfig(calls)
    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expect(result.failed).toContain('probe to fraud-v2 failed: ModelError')
    // One evaluation of two probes, each aimed at the new variant whatever its weight.
    expect(targets()).toEqual(['fraud-v2', 'fraud-v2'])
    expect(result.summary).toContain('<td>0/2</td><td>❌ failed</td>')
  })

  it('sends probe-count probes to the new variant at every evaluation', async () => {
    const result = await runAction(inputs)

    expect(result.failed).toBeUndefined()
    expect(result.outputs['rollout-result']).toBe('succeeded')
    expect(changeCalls(aws).map((call) => call.name)).toEqual(SUCCEEDED)
    expect(targets()).toEqual(Array(3 * 5 * 2).fill('fraud-v2'))
    // Probes alone need no metrics.
    expect(awsCalls(aws).filter((call) => call.name.startsWith('cloudwatch.'))).toEqual([])
  })
})

describe('min-invocations', () => {
  it('rolls back when the new variant sees too few requests to judge', async () => {
    fake.traffic = (variant) => (variant === 'fraud-v2' ? { invocations: 10, errors5xx: 0 } : HEALTHY)

    const result = await runAction({ ...canary, 'min-invocations': '50' })

    const calls = changeCalls(aws)
    expect(calls.map((call) => call.name)).toEqual(rolledBackAt(1))
    expectBackOnPreviousConfig(calls)
    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expect(result.failed).toContain('10 invocations, fewer than min-invocations 50')
  })

  it('counts a window with no datapoints at all as zero invocations', async () => {
    fake.traffic = () => ({ invocations: 0 })

    const result = await runAction({ ...canary, 'min-invocations': '1' })

    expect(changeCalls(aws).map((call) => call.name)).toEqual(rolledBackAt(1))
    expect(result.failed).toContain('0 invocations, fewer than min-invocations 1')
  })
})

describe('failure-threshold: 2', () => {
  const inputs = { ...canary, 'max-error-rate': '1%', 'failure-threshold': '2' }
  const BAD: VariantTraffic = { invocations: 100, errors5xx: 20, latencyP99Us: 40_000 }

  it('rides out one failed evaluation followed by good ones', async () => {
    fake.traffic = badIn([3], BAD)

    const result = await runAction(inputs)

    expect(result.failed).toBeUndefined()
    expect(result.outputs['rollout-result']).toBe('succeeded')
    expect(changeCalls(aws).map((call) => call.name)).toEqual(SUCCEEDED)
    expect(fake.endpoint('fraud').variants.map((variant) => variant.name)).toEqual(['fraud-v2'])
    expect(result.log).toContainEqual(
      expect.stringContaining('Gate failed (1 in a row; failure-threshold 2 rolls back)')
    )
    const output = JSON.parse(result.outputs.result ?? '{}') as {
      rollout: { steps: Array<{ verdict: string; evaluations: Array<{ verdict: string }> }> }
    }
    expect(output.rollout.steps[0]?.evaluations.map((evaluation) => evaluation.verdict)).toEqual([
      'passed',
      'passed',
      'failed',
      'passed',
      'passed'
    ])
    expect(output.rollout.steps.map((step) => step.verdict)).toEqual(['passed', 'passed', 'passed'])
  })

  it('rolls back on two failed evaluations in a row', async () => {
    fake.traffic = badIn([3, 4], BAD)

    const result = await runAction(inputs)

    const calls = changeCalls(aws)
    expect(calls.map((call) => call.name)).toEqual(rolledBackAt(1))
    expectBackOnPreviousConfig(calls)
    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expect(result.failed).toContain('2 failed gate evaluations in a row at 10%')
    expect(awsCalls(aws).filter((call) => call.name === 'cloudwatch.GetMetricData')).toHaveLength(4)
  })

  it('judges a failed last evaluation again before shifting more traffic, and rolls back when it fails twice', async () => {
    // The last planned evaluation of step 1, then the extra one past bake-time.
    fake.traffic = badIn([5, 6], BAD)

    const result = await runAction(inputs)

    expect(changeCalls(aws).map((call) => call.name)).toEqual(rolledBackAt(1))
    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expect(result.failed).toContain('2 failed gate evaluations in a row at 10%')
    expect(result.log).toContainEqual(expect.stringContaining('Evaluation 1 past bake-time at 10%: FAILED'))
  })

  it('moves on once the extra evaluation past bake-time passes', async () => {
    fake.traffic = badIn([5], BAD)

    const result = await runAction(inputs)

    expect(result.outputs['rollout-result']).toBe('succeeded')
    const output = JSON.parse(result.outputs.result ?? '{}') as {
      rollout: { steps: Array<{ evaluations: Array<{ verdict: string }> }> }
    }
    expect(output.rollout.steps[0]?.evaluations.map((evaluation) => evaluation.verdict)).toEqual([
      'passed',
      'passed',
      'passed',
      'passed',
      'failed',
      'passed'
    ])
  })
})
