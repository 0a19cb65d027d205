/**
 * MetricsConfig with enhanced metrics publishes invocation metrics every 10
 * to 300 seconds instead of every minute (API_MetricsConfig). The fake
 * CloudWatch publishes each period that long, after it closes plus a delay;
 * the gates read the endpoint's own periods, a step waits for the last one it
 * exposed, and the plan's durations follow.
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { GetMetricDataCommand } from '@aws-sdk/client-cloudwatch'
import * as core from '../../../__fixtures__/core.js'
import { changeCalls, FakeAws } from '../../../__fixtures__/fake-aws.js'
import { CANARY_DEPLOY, withTraffic } from '../../../__fixtures__/rollout.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, resetAws, runAction } = await import('../../../__fixtures__/action.js')

const DELAY_MS = 30_000
const gated = { ...CANARY_DEPLOY, 'max-error-rate': '1%', 'gate-interval': '30s' }

let fake: FakeAws
beforeEach(() => {
  resetAws()
  fake = new FakeAws()
  fake.install(aws)
})

/** fraud-v1 on a config whose enhanced metrics are published every `seconds`. */
function seedPublishingEvery(seconds: number): void {
  fake.seedEndpoint(
    'fraud',
    'fraud-v1-config',
    [{ name: 'AllTraffic', weight: 1, count: 1, model: 'fraud-v1' }],
    { 'sagemaker-deploy:endpoint': 'fraud', 'sagemaker-deploy:role': 'release' },
    { configSettings: { MetricsConfig: { EnableEnhancedMetrics: true, MetricPublishFrequencyInSeconds: seconds } } }
  )
}

interface StepOutput {
  startedAt: number
  endedAt: number
  verdict: string
  evaluations: Array<{ verdict: string; window?: { from: number; to: number } }>
}

function stepsOf(result: { outputs: Record<string, string> }): StepOutput[] {
  return (JSON.parse(result.outputs.result ?? '{}') as { rollout: { steps: StepOutput[] } }).rollout.steps
}

/** The Period of every GetMetricData query the gates made, and whether each StartTime sat on a period boundary. */
function readsOf(periodSeconds: number): { periods: Set<number | undefined>; aligned: boolean } {
  const calls = aws.cloudwatch.commandCalls(GetMetricDataCommand).map((call) => call.args[0].input)
  return {
    periods: new Set(calls.flatMap((input) => (input.MetricDataQueries ?? []).map((q) => q.MetricStat?.Period))),
    aligned: calls.every((input) => (input.StartTime as Date).getTime() % (periodSeconds * 1000) === 0)
  }
}

/** Each step: it waited for the period holding its bake's end to be published, and not much longer. */
function expectStepsWaitedFor(result: { outputs: Record<string, string> }, periodMs: number, bakeMs: number): void {
  for (const step of stepsOf(result)) {
    const lastExposed = Math.floor((step.startedAt + bakeMs) / periodMs) * periodMs
    expect(step.endedAt).toBeGreaterThanOrEqual(lastExposed + periodMs + DELAY_MS)
    expect(step.endedAt).toBeLessThanOrEqual(lastExposed + periodMs + DELAY_MS + 20_000)
    const judged = step.evaluations.filter((evaluation) => evaluation.window)
    for (const [index, evaluation] of judged.entries()) {
      expect((evaluation.window?.from ?? 1) % periodMs).toBe(0)
      expect((evaluation.window?.to ?? 1) % periodMs).toBe(0)
      if (index > 0) expect(evaluation.window?.from).toBe(judged[index - 1]?.window?.to)
    }
    expect(judged.at(-1)?.window?.to).toBeGreaterThan(lastExposed)
    expect(step.verdict).toBe('passed')
  }
}

describe('an endpoint publishing every 10 seconds', () => {
  beforeEach(() => seedPublishingEvery(10))

  it('is read in 10 s periods, each step ending once its last 10 seconds are published', async () => {
    const clock = withTraffic(fake, 20, DELAY_MS)

    const result = await runAction(gated, { clock })

    expect(result.failed).toBeUndefined()
    expect(result.outputs['rollout-result']).toBe('succeeded')
    const reads = readsOf(10)
    expect(reads.periods).toEqual(new Set([10]))
    expect(reads.aligned).toBe(true)
    expectStepsWaitedFor(result, 10_000, 10 * 60_000)
    // MetricsConfig is carried into the canary and the release config, so the new fleet publishes as the old.
    const configs = changeCalls(aws).filter((call) => call.name === 'sagemaker.CreateEndpointConfig')
    expect(configs).toHaveLength(2)
    for (const config of configs) {
      expect(config.input.MetricsConfig).toEqual({ EnableEnhancedMetrics: true, MetricPublishFrequencyInSeconds: 10 })
    }
  })

  it('judges a pause promoted the morning after in minutes: CloudWatch serves 10 s data for 3 hours only', async () => {
    const clock = withTraffic(fake, 20, DELAY_MS)
    const paused = await runAction({ ...gated, 'traffic-steps': '10,50' }, { clock })
    expect(paused.outputs['rollout-result']).toBe('paused')
    clock.advance(9 * 60 * 60_000)
    aws.cloudwatch.resetHistory()

    const promoted = await runAction(
      { operation: 'promote', 'endpoint-name': 'fraud', 'max-error-rate': '1%', 'gate-interval': '30s' },
      { clock }
    )

    expect(promoted.outputs['rollout-result']).toBe('succeeded')
    expect(promoted.log.join('\n')).toContain("so it is judged in periods of 1m rather than the endpoint's 10s")
    // The pause's reads in minutes, from a start on a minute; the step after it in the endpoint's own 10 s.
    const calls = aws.cloudwatch.commandCalls(GetMetricDataCommand).map((call) => call.args[0].input)
    const periodOf = (input: (typeof calls)[number]): number | undefined =>
      input.MetricDataQueries?.[0]?.MetricStat?.Period
    expect(periodOf(calls[0]!)).toBe(60)
    expect((calls[0]?.StartTime as Date).getTime() % 60_000).toBe(0)
    expect(periodOf(calls.at(-1)!)).toBe(10)
  })

  it('promotes a healthy model through a 4 hour bake: reads start where CloudWatch still serves 10 s data', async () => {
    const clock = withTraffic(fake, 20, DELAY_MS)

    const result = await runAction({ ...gated, 'traffic-steps': '100', 'bake-time': '4h' }, { clock })

    expect(result.failed).toBeUndefined()
    expect(result.outputs['rollout-result']).toBe('succeeded')
    const starts = aws.cloudwatch.commandCalls(GetMetricDataCommand).map((call) => call.args[0].input.StartTime as Date)
    const stepStart = stepsOf(result)[0]!.startedAt
    // Late in the bake, a read from the step's start would get nothing back.
    expect(starts.at(-1)!.getTime()).toBeGreaterThan(stepStart)
  })

  it('judges a 4 hour all-at-once bake against the serving model, reading what CloudWatch still serves', async () => {
    const clock = withTraffic(fake, 20, DELAY_MS)
    // Seeded again on the clock, the serving model has a history: half an hour of traffic before the deploy.
    seedPublishingEvery(10)
    clock.advance(30 * 60_000)

    const result = await runAction(
      {
        operation: 'deploy',
        'endpoint-name': 'fraud',
        'image-uri': CANARY_DEPLOY['image-uri']!,
        'execution-role-arn': CANARY_DEPLOY['execution-role-arn']!,
        'model-name': 'fraud-v2',
        'bake-time': '4h',
        'gate-interval': '30s',
        'max-error-rate-increase': '1%'
      },
      { clock }
    )

    expect(result.failed).toBeUndefined()
    expect(result.outputs['rollout-result']).toBe('succeeded')
  })

  it('rolls back a failing model on its first published 10 seconds, named to the second', async () => {
    const clock = withTraffic(fake, 20, DELAY_MS)
    fake.cloudwatch.setBehaviour('fraud-v2', { errorRate: 0.5, latencyP99Ms: 40 })

    const result = await runAction(gated, { clock })

    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expect(result.failed).toMatch(/\(\d+ 5XX of \d+\) in 12:00:\d0–12:0\d:\d0 UTC above max-error-rate 1\.00%/)
  })
})

describe('an endpoint publishing every 300 seconds', () => {
  beforeEach(() => seedPublishingEvery(300))

  it('is read in five-minute periods, each step waiting for the five minutes that hold its end', async () => {
    const clock = withTraffic(fake, 20, DELAY_MS)

    const result = await runAction(gated, { clock })

    expect(result.failed).toBeUndefined()
    expect(result.outputs['rollout-result']).toBe('succeeded')
    const reads = readsOf(300)
    expect(reads.periods).toEqual(new Set([300]))
    expect(reads.aligned).toBe(true)
    expectStepsWaitedFor(result, 300_000, 10 * 60_000)
    // Minutes read out of five-minute datapoints would find four in five unpublished, and say so.
    expect(result.summary).not.toContain('had not published every')
  })

  it('rolls back a failing model', async () => {
    const clock = withTraffic(fake, 20, DELAY_MS)
    fake.cloudwatch.setBehaviour('fraud-v2', { errorRate: 0.5, latencyP99Ms: 40 })

    const result = await runAction(gated, { clock })

    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expect(result.failed).toMatch(/in 12:00–12:05 UTC above max-error-rate 1\.00%/)
  })
})

describe('the plan of a dry run', () => {
  /** The duration the plan gives, and its line for the first step. */
  async function planned(seconds: number): Promise<{ duration: string; step: string }> {
    seedPublishingEvery(seconds)
    await runAction({ ...gated, 'dry-run': 'true' })
    const lines = core.log.slice(core.log.findIndex((line) => line.startsWith('Rollout plan:')))
    return { duration: lines[0] ?? '', step: lines.find((line) => line.includes('Step 1:')) ?? '' }
  }

  it('adds a period and the publication delay to each step: 10 s beside 300 s', async () => {
    const ten = await planned(10)
    resetAws()
    fake = new FakeAws()
    fake.install(aws)
    core.log.length = 0
    const fiveMinutes = await planned(300)

    // 10m to join, 3 steps of 1m (the weights) + 10m + the wait, 10m to promote.
    expect(ten.duration).toBe('Rollout plan: about 59m30s, assuming a new fleet typically takes 10m to come up.')
    expect(ten.step).toContain("then until CloudWatch has published the step's 10 s periods (typically 2m10s more")
    expect(fiveMinutes.duration).toBe('Rollout plan: about 1h14m, assuming a new fleet typically takes 10m to come up.')
    expect(fiveMinutes.step).toContain(
      "then until CloudWatch has published the step's 300 s periods (typically 7m more"
    )
  })
})
