/**
 * Each health gate during a canary, judged on data that arrives as it does
 * from SageMaker: a minute's datapoints appear 90 s after the minute closes,
 * and a variant without traffic publishes nothing. What the action does on a
 * failed gate: traffic off the new variant first, then the previous config.
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { PutDashboardCommand, type MetricDataQuery } from '@aws-sdk/client-cloudwatch'
import * as core from '../../../__fixtures__/core.js'
import { awsCalls, changeCalls, FakeAws, type AwsCall, weightShifts } from '../../../__fixtures__/fake-aws.js'
import type { ModelBehaviour } from '../../../__fixtures__/fake-cloudwatch.js'
import { CANARY_DEPLOY, PUBLICATION_DELAY_MS, seedServingEndpoint, withTraffic } from '../../../__fixtures__/rollout.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, resetAws, runAction } = await import('../../../__fixtures__/action.js')

const canary = CANARY_DEPLOY
const MINUTE = 60_000
const START = Date.UTC(2026, 0, 15, 12, 0, 0)

const BAD: ModelBehaviour = { errorRate: 0.25, latencyP99Ms: 40 }

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
  expect(calls.at(-3)?.input).toMatchObject({ EndpointName: 'fraud', EndpointConfigName: 'fraud-v1-config' })
  const canaryConfig = canaryConfigOf(calls)
  expect(calls.at(-2)?.input).toEqual({ EndpointConfigName: canaryConfig })
  expect(calls.at(-1)?.input).toEqual({ ModelName: 'fraud-v2' })
  expect([...fake.configs.keys()]).toEqual(['fraud-v1-config'])
  expect([...fake.models]).toEqual(['fraud-v1'])
  expect(core.savedPart('rollout')).toBe('')
}

interface StepOutput {
  weight: number
  verdict: string
  startedAt: number
  endedAt: number
  reason?: string
  evaluations: Array<{
    at: number
    verdict: string
    failures: string[]
    inconclusive: string[]
    invocations?: number
    window?: { from: number; to: number }
    alarmsInAlarm: string[]
    baseline?: { errorRate?: number }
    comparisons?: Array<{ gate: string; verdict: string }>
  }>
}

function stepsOf(result: { outputs: Record<string, string> }): StepOutput[] {
  return (JSON.parse(result.outputs.result ?? '{}') as { rollout: { steps: StepOutput[] } }).rollout.steps
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
})

describe('a bad canary whose data arrives late', () => {
  const inputs = { ...canary, 'max-error-rate': '1%' }

  it('waits for CloudWatch instead of passing on an empty window, then rolls back on the first published minute', async () => {
    const clock = withTraffic(fake)
    fake.cloudwatch.setBehaviour('fraud-v2', BAD)

    const result = await runAction(inputs, { clock })

    const calls = changeCalls(aws)
    expect(calls.map((call) => call.name)).toEqual(rolledBackAt(1))
    expect(weightShifts(calls)).toEqual([
      { AllTraffic: 90, 'fraud-v2': 10 },
      { AllTraffic: 100, 'fraud-v2': 0 }
    ])
    expectBackOnPreviousConfig(calls)
    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expect(result.outputs.healthy).toBe('false')
    expect(result.failed).toMatch(
      /error rate 2\d\.\d\d% \(\d+ 5XX of \d+\) in 12:00–12:0\d UTC above max-error-rate 1\.00%/
    )

    const [step] = stepsOf(result)
    // Two minutes in, minute 12:00 has closed but is not published until 12:02:30: nothing to judge yet.
    const [first, second] = step?.evaluations ?? []
    expect(first?.verdict).toBe('inconclusive')
    expect(first?.inconclusive.join()).toMatch(
      /waiting for CloudWatch: 12:00–12:02 UTC has closed but is not published yet/
    )
    expect(first?.invocations).toBeUndefined()
    // The next evaluation is the first after publication, and it fails.
    expect(second?.verdict).toBe('failed')
    expect(second?.at).toBeGreaterThanOrEqual(START + MINUTE + PUBLICATION_DELAY_MS)
    expect(second?.at).toBeLessThanOrEqual(START + MINUTE + PUBLICATION_DELAY_MS + 2 * MINUTE)
    expect(step?.evaluations).toHaveLength(2)
    expect(result.log).toContainEqual(
      expect.stringMatching(/^Evaluation 1\/5 at 10%: inconclusive \(waiting for CloudWatch/)
    )
  })

  it('judges the new variant only: errors on the old one do not stop the rollout', async () => {
    const clock = withTraffic(fake)
    fake.cloudwatch.setBehaviour('fraud-v1', { errorRate: 0.5, latencyP99Ms: 40 })

    const result = await runAction(inputs, { clock })

    expect(result.failed).toBeUndefined()
    expect(result.outputs['rollout-result']).toBe('succeeded')
    expect(changeCalls(aws).map((call) => call.name)).toEqual(SUCCEEDED)
    // The serving variant is read in the same call, but no gate judges it.
    expect(new Set(metricVariants().map((variants) => variants.join()))).toEqual(new Set(['fraud-v2,AllTraffic']))
  })
})

describe('a healthy canary', () => {
  it('ends each step only once CloudWatch has published every minute the step exposed', async () => {
    const clock = withTraffic(fake)

    const result = await runAction({ ...canary, 'max-error-rate': '1%' }, { clock })

    expect(result.failed).toBeUndefined()
    expect(result.outputs['rollout-result']).toBe('succeeded')
    for (const step of stepsOf(result)) {
      const bakeEnd = step.startedAt + 10 * MINUTE
      const lastExposedMinute = Math.floor(bakeEnd / MINUTE) * MINUTE
      // The step outlasts its bake until the minute holding the bake's end is published ...
      expect(step.endedAt).toBeGreaterThanOrEqual(lastExposedMinute + MINUTE + PUBLICATION_DELAY_MS)
      // ... and not by much more: one look every 20 s while it waits.
      expect(step.endedAt).toBeLessThanOrEqual(lastExposedMinute + MINUTE + PUBLICATION_DELAY_MS + 20_000)
      const judged = step.evaluations.filter((evaluation) => evaluation.window)
      expect(judged.at(-1)?.window?.to).toBeGreaterThan(lastExposedMinute)
      // Every minute is judged once: the windows follow each other without a gap or an overlap.
      for (const [index, evaluation] of judged.entries()) {
        if (index > 0) expect(evaluation.window?.from).toBe(judged[index - 1]?.window?.to)
      }
      expect(step.verdict).toBe('passed')
    }
  })

  it('with min-invocations is promoted, its early evaluations inconclusive rather than failed', async () => {
    const clock = withTraffic(fake)

    const result = await runAction(
      { ...canary, 'min-invocations': '5', 'gate-interval': '30s', 'max-error-rate': '1%' },
      { clock }
    )

    expect(result.failed).toBeUndefined()
    expect(result.outputs['rollout-result']).toBe('succeeded')
    const [step] = stepsOf(result)
    expect(step?.evaluations[0]?.verdict).toBe('inconclusive')
    expect(step?.evaluations.some((evaluation) => evaluation.verdict === 'failed')).toBe(false)
    expect(result.summary).toMatch(/\d+ passed, \d+ inconclusive<\/td><td>✅ passed/)
  })

  it('passes a p99 of 200 ms against max-latency-p99 250ms (ModelLatency is published in microseconds)', async () => {
    const clock = withTraffic(fake)
    fake.cloudwatch.setBehaviour('fraud-v2', { errorRate: 0, latencyP99Ms: 200 })

    const result = await runAction({ ...canary, 'max-latency-p99': '250ms' }, { clock })

    expect(result.outputs['rollout-result']).toBe('succeeded')
    expect(result.summary).toContain('<td>200 ms</td>')
  })
})

describe('latency', () => {
  it('rolls back when the p99 is 300 ms against 250ms', async () => {
    const clock = withTraffic(fake)
    fake.cloudwatch.setBehaviour('fraud-v2', { errorRate: 0, latencyP99Ms: 300 })

    const result = await runAction({ ...canary, 'max-latency-p99': '250ms' }, { clock })

    const calls = changeCalls(aws)
    expect(calls.map((call) => call.name)).toEqual(rolledBackAt(1))
    expectBackOnPreviousConfig(calls)
    expect(result.failed).toMatch(/p99 latency 300 ms in 12:0\d–12:0\d UTC above max-latency-p99 250 ms/)
    expect(result.summary).toContain('<td>300 ms</td>')
  })
})

describe('no traffic to the canary', () => {
  it('never succeeds: the gates could not judge, so it is rolled back', async () => {
    const clock = withTraffic(fake, 0)

    const result = await runAction({ ...canary, 'max-error-rate': '1%' }, { clock })

    expect(changeCalls(aws).map((call) => call.name)).toEqual(rolledBackAt(1))
    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expect(result.outputs.healthy).toBe('false')
    expect(result.failed).toMatch(/^Rolled back: the gates could not judge the 10% step \(waiting for CloudWatch/)
    const [step] = stepsOf(result)
    expect(step?.verdict).toBe('inconclusive')
    expect(step?.evaluations.every((evaluation) => evaluation.verdict === 'inconclusive')).toBe(true)
    // It waited bake-time plus max-data-delay for data that never came.
    expect((step?.endedAt ?? 0) - (step?.startedAt ?? 0)).toBeGreaterThanOrEqual(15 * MINUTE)
    expect(result.summary).toContain('❔ inconclusive')
  })

  it('with alarms only: an alarm that stays OK on a variant nobody calls proves nothing', async () => {
    const clock = withTraffic(fake, 0)
    fake.alarms.set('fraud-5xx', 'OK')

    const result = await runAction({ ...canary, 'alarm-names': 'fraud-5xx' }, { clock })

    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expect(result.failed).toContain('the gates could not judge the 10% step')
  })

  it('with on-inconclusive: pause stays at the step, fails the step and says the gates could not judge', async () => {
    const clock = withTraffic(fake, 0)

    const result = await runAction({ ...canary, 'max-error-rate': '1%', 'on-inconclusive': 'pause' }, { clock })

    expect(result.outputs['rollout-result']).toBe('paused')
    expect(result.outputs['rolled-back']).toBe('false')
    expect(result.outputs.healthy).toBe('false')
    expect(result.failed).toMatch(/^Paused at 10% on fraud-v2: the gates could not judge the 10% step/)
    expect(fake.weights('fraud')).toEqual({ AllTraffic: 90, 'fraud-v2': 10 })
    expect(weightShifts(changeCalls(aws))).toEqual([{ AllTraffic: 90, 'fraud-v2': 10 }])
    // A pause is a resting state: nothing for the post step to undo, and promote knows when it began.
    expect(core.savedPart('rollout')).toBe('')
    const canaryConfig = canaryConfigOf(changeCalls(aws))
    expect(fake.configs.get(canaryConfig)?.tags['sagemaker-deploy:paused-at']).toMatch(/^2026-01-15T12:\d\d:\d\d/)
  })
})

describe('too little traffic for min-invocations', () => {
  it('keeps the window open to gather invocations, and rolls back when they never add up', async () => {
    // 0.05 requests a second, 10% to the canary: about one request every three minutes.
    const clock = withTraffic(fake, 0.05)

    const result = await runAction({ ...canary, 'min-invocations': '50' }, { clock })

    expect(changeCalls(aws).map((call) => call.name)).toEqual(rolledBackAt(1))
    expect(result.failed).toMatch(
      /the gates could not judge the 10% step \(\d+ invocations of fraud-v2 in 12:00–12:\d\d UTC, fewer than min-invocations 50: too few to decide/
    )
  })
})

describe('a canary failing clearly before min-invocations is reached', () => {
  it('is rolled back on the first minutes that show it, not fed traffic until the count adds up', async () => {
    // 0.5 requests a second, 10% to the canary: about three requests a minute, a quarter of them failing.
    const clock = withTraffic(fake, 0.5)
    fake.cloudwatch.setBehaviour('fraud-v2', BAD)

    const result = await runAction({ ...canary, 'min-invocations': '100', 'max-error-rate': '1%' }, { clock })

    expect(changeCalls(aws).map((call) => call.name)).toEqual(rolledBackAt(1))
    expect(result.failed).toMatch(
      /error rate [\d.]+% \(\d+ 5XX of \d+\) in 12:\d\d–12:\d\d UTC above max-error-rate 1\.00%, and so is the 95\.00% lower bound, [\d.]+%/
    )
    // Well before the ten-minute bake would have ended, and with far fewer than 100 requests seen.
    expect(clock.now() - START).toBeLessThan(10 * MINUTE)
  })

  it('stays inconclusive on an error or two that a healthy model could show', async () => {
    const clock = withTraffic(fake, 0.5)
    fake.cloudwatch.setBehaviour('fraud-v2', { errorRate: 0.002, latencyP99Ms: 40 })

    const result = await runAction({ ...canary, 'min-invocations': '100', 'max-error-rate': '5%' }, { clock })

    expect(result.failed).toContain('fewer than min-invocations 100: too few to decide')
    expect(result.failed).not.toContain('lower bound')
  })
})

describe('an error rate above max-error-rate on a window of a few requests', () => {
  // 2 requests a second, 10% to the canary: a dozen requests a minute, judged as each minute is published.
  const thin = { ...canary, 'max-error-rate': '5%', 'gate-interval': '30s' }

  it("keeps a healthy model's one error in a dozen undecided, and promotes once the minutes add up", async () => {
    const clock = withTraffic(fake, 2)
    // The step's first minute is partial and holds one error in eleven requests, as a healthy 1% model sometimes shows.
    fake.cloudwatch.setBehaviour('fraud-v2', { errorRate: 0.09, latencyP99Ms: 40 })
    clock.at(MINUTE, () => fake.cloudwatch.setBehaviour('fraud-v2', { errorRate: 0.01, latencyP99Ms: 40 }))

    const result = await runAction(thin, { clock })

    expect(result.outputs['rollout-result']).toBe('succeeded')
    expect(changeCalls(aws).map((call) => call.name)).toEqual(SUCCEEDED)
    const first = stepsOf(result)[0]?.evaluations.find((evaluation) => evaluation.invocations !== undefined)
    expect(first?.verdict).toBe('inconclusive')
    expect(first?.inconclusive.join('; ')).toMatch(
      /^error rate 9\.09% \(1 5XX of 11\) in 12:00–12:01 UTC is above max-error-rate 5\.00%, but the 95\.00% lower bound, 2\.05%, is not: too few invocations to decide; the window stays open/
    )
    // The window that decided it holds the first minute too: evidence is added to, never dropped.
    const decided = stepsOf(result)[0]?.evaluations.find((evaluation) => evaluation.verdict === 'passed')
    expect(decided?.window?.from).toBe(START)
    expect(decided?.invocations).toBeGreaterThan(12)
  })

  it('never promotes a rate that stays above the limit on thin evidence: inconclusive at max-data-delay, rolled back', async () => {
    const clock = withTraffic(fake, 2)
    fake.cloudwatch.setBehaviour('fraud-v2', { errorRate: 0.09, latencyP99Ms: 40 })

    const result = await runAction({ ...thin, 'bake-time': '4m' }, { clock })

    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expect(changeCalls(aws).map((call) => call.name)).toEqual(rolledBackAt(1))
    expect(result.failed).toMatch(
      /the gates could not judge the 10% step \(within max-data-delay, the last window was still undecided: error rate [89]\.\d\d% \(\d 5XX of \d\d\) in 12:\d\d–12:\d\d UTC is above max-error-rate 5\.00%, but the 95\.00% lower bound, [0-4]\.\d\d%, is not/
    )
    expectBackOnPreviousConfig(changeCalls(aws))
  })

  it('rolls back on the first published minute when the lower bound is above the limit too: two errors in eleven', async () => {
    const clock = withTraffic(fake, 2)
    fake.cloudwatch.setBehaviour('fraud-v2', BAD)

    const result = await runAction(thin, { clock })

    expect(changeCalls(aws).map((call) => call.name)).toEqual(rolledBackAt(1))
    expect(result.failed).toMatch(
      /error rate 18\.18% \(2 5XX of 11\) in 12:00–12:01 UTC above max-error-rate 5\.00%, and so is the 95\.00% lower bound, 6\.21%/
    )
  })
})

describe('dashboard: true', () => {
  it('is written after a rollback too, and the summary links it', async () => {
    const clock = withTraffic(fake)
    fake.cloudwatch.setBehaviour('fraud-v2', BAD)
    aws.cloudwatch.on(PutDashboardCommand).resolves({})

    const result = await runAction({ ...canary, 'max-error-rate': '1%', dashboard: 'true' }, { clock })

    expect(result.outputs['rollout-result']).toBe('rolled-back')
    const put = awsCalls(aws).filter((call) => call.name === 'cloudwatch.PutDashboard')
    expect(put.map((call) => call.input.DashboardName)).toEqual(['sagemaker_fraud_us-east-1'])
    expect(result.summary).toContain('>CloudWatch dashboard</a>')
  })
})

describe('data published later than max-data-delay', () => {
  it('is inconclusive, not passed', async () => {
    const clock = withTraffic(fake, 20, 20 * MINUTE)

    const result = await runAction({ ...canary, 'max-error-rate': '1%', 'max-data-delay': '2m' }, { clock })

    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expect(result.failed).toContain('the gates could not judge the 10% step (waiting for CloudWatch')
  })
})

describe('an alarm in INSUFFICIENT_DATA', () => {
  const inputs = { ...canary, 'alarm-names': 'fraud-5xx' }

  it('cannot vouch for the new variant: with traffic flowing, the step stays inconclusive and is rolled back', async () => {
    const clock = withTraffic(fake)
    // On a dimension nothing publishes, say: it never has data.
    fake.alarms.set('fraud-5xx', 'INSUFFICIENT_DATA')

    const result = await runAction(inputs, { clock })

    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expect(result.failed).toMatch(/^Rolled back: the gates could not judge the 10% step/)
    expect(result.failed).toContain('alarm fraud-5xx in INSUFFICIENT_DATA: it has no data to judge by')
  })

  it('vouches once it has data: the step passes when the alarm turns OK', async () => {
    const clock = withTraffic(fake)
    fake.alarms.set('fraud-5xx', 'INSUFFICIENT_DATA')
    clock.at(4 * MINUTE, () => fake.alarms.set('fraud-5xx', 'OK'))

    const result = await runAction(inputs, { clock })

    expect(result.outputs['rollout-result']).toBe('succeeded')
    const [first] = stepsOf(result)
    expect(first?.evaluations[0]?.verdict).toBe('inconclusive')
  })
})

describe('an alarm that fires during step 2', () => {
  const inputs = { ...canary, 'alarm-names': 'fraud-5xx' }

  it('moves traffic off the new variant first, then restores the previous config, and fails the step', async () => {
    const clock = withTraffic(fake)
    fake.alarms.set('fraud-5xx', 'OK')
    clock.at(20 * MINUTE, () => fake.alarms.set('fraud-5xx', 'ALARM'))

    const result = await runAction(inputs, { clock })

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
    const steps = stepsOf(result)
    expect(steps.map((step) => [step.weight, step.verdict])).toEqual([
      [10, 'passed'],
      [50, 'failed']
    ])
    const failed = steps[1]?.evaluations.at(-1)
    expect(failed?.alarmsInAlarm).toEqual(['fraud-5xx'])
    expect(failed?.at).toBeGreaterThanOrEqual(START + 20 * MINUTE)
    expect(failed?.at).toBeLessThanOrEqual(START + 22 * MINUTE)
    expect(steps[1]?.evaluations.slice(0, -1).every((evaluation) => evaluation.alarmsInAlarm.length === 0)).toBe(true)
    expect(result.summary).toMatch(
      /<td>2<\/td><td>50%<\/td>.*<td>fraud-5xx<\/td><td>—<\/td><td>[^<]*<\/td><td>❌ failed<\/td>/
    )
  })

  it('with fail-on-rollback: false the step succeeds with the same outputs and the same end state', async () => {
    const clock = withTraffic(fake)
    fake.alarms.set('fraud-5xx', 'OK')
    clock.at(20 * MINUTE, () => fake.alarms.set('fraud-5xx', 'ALARM'))

    const result = await runAction({ ...inputs, 'fail-on-rollback': 'false' }, { clock })

    expect(result.failed).toBeUndefined()
    expectBackOnPreviousConfig(changeCalls(aws))
    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expect(result.outputs['rolled-back']).toBe('true')
    expect(result.log).toContainEqual(expect.stringMatching(/The step succeeds because fail-on-rollback is false\.$/))
  })

  it('says "none set" in the alarms column when no alarm was asked for', async () => {
    const clock = withTraffic(fake)

    const result = await runAction({ ...canary, 'max-error-rate': '1%' }, { clock })

    expect(result.summary).toMatch(/<td>none set<\/td><td>—<\/td><td>[^<]*<\/td><td>✅ passed<\/td>/)
  })
})

describe('an alarm already in ALARM', () => {
  it('refuses the deploy before creating anything', async () => {
    fake.alarms.set('fraud-5xx', 'ALARM')

    const result = await runAction({ ...canary, 'alarm-names': 'fraud-5xx' })

    expect(result.failed).toBe(
      'Input "alarm-names": "fraud-5xx" is already in ALARM, so the new model could not pass its gates; nothing was created. Deploy once the alarm is OK.'
    )
    expect(changeCalls(aws)).toEqual([])
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
    expect(result.failed).toContain('probe to fraud-v2 failed: ModelError')
    expect(targets()).toEqual(['fraud-v2', 'fraud-v2'])
    expect(result.summary).toMatch(/<td>0\/2<\/td><td>1 failed<\/td><td>❌ failed<\/td>/)
  })

  it('are evidence of their own: a probe-only rollout needs no metrics and ends at bake-time', async () => {
    const result = await runAction(inputs)

    expect(result.failed).toBeUndefined()
    expect(result.outputs['rollout-result']).toBe('succeeded')
    expect(changeCalls(aws).map((call) => call.name)).toEqual(SUCCEEDED)
    expect(targets()).toEqual(Array(3 * 5 * 2).fill('fraud-v2'))
    expect(awsCalls(aws).filter((call) => call.name.startsWith('cloudwatch.'))).toEqual([])
    for (const step of stepsOf(result)) expect(step.endedAt - step.startedAt).toBe(10 * MINUTE)
  })
})

describe('failure-threshold: 2', () => {
  const inputs = { ...canary, 'max-error-rate': '1%', 'failure-threshold': '2', 'gate-interval': '1m' }

  it('rides out one bad minute followed by good ones', async () => {
    const clock = withTraffic(fake)
    clock.at(4 * MINUTE, () => fake.cloudwatch.setBehaviour('fraud-v2', BAD))
    clock.at(5 * MINUTE, () => fake.cloudwatch.setBehaviour('fraud-v2', { errorRate: 0, latencyP99Ms: 40 }))

    const result = await runAction(inputs, { clock })

    expect(result.failed).toBeUndefined()
    expect(result.outputs['rollout-result']).toBe('succeeded')
    expect(result.log).toContainEqual(
      expect.stringContaining('Gate failed (1 without a pass between them; failure-threshold 2 rolls back)')
    )
    const [step] = stepsOf(result)
    expect(step?.evaluations.filter((evaluation) => evaluation.verdict === 'failed')).toHaveLength(1)
    expect(step?.verdict).toBe('passed')
  })

  it('rolls back on two bad minutes in a row', async () => {
    const clock = withTraffic(fake)
    clock.at(4 * MINUTE, () => fake.cloudwatch.setBehaviour('fraud-v2', BAD))

    const result = await runAction(inputs, { clock })

    expect(changeCalls(aws).map((call) => call.name)).toEqual(rolledBackAt(1))
    expect(result.failed).toContain('2 failed gate evaluations without a pass between them at 10%')
  })
})

describe('comparison with the baseline', () => {
  const relative = { ...canary, 'max-error-rate-increase': '2%' }

  it('passes errors the new variant shares with the serving one, and shows both side by side', async () => {
    const clock = withTraffic(fake, 50)
    const shared: ModelBehaviour = { errorRate: 0.05, latencyP99Ms: 40 }
    fake.cloudwatch.setBehaviour('fraud-v1', shared)
    fake.cloudwatch.setBehaviour('fraud-v2', shared)

    const result = await runAction(relative, { clock })

    expect(result.failed).toBeUndefined()
    expect(result.outputs['rollout-result']).toBe('succeeded')
    const steps = stepsOf(result)
    const compared = steps[0]?.evaluations.findLast((evaluation) => evaluation.verdict === 'passed')
    expect(compared?.baseline?.errorRate).toBeCloseTo(0.05, 2)
    expect(compared?.comparisons).toEqual([
      expect.objectContaining({ gate: 'max-error-rate-increase', verdict: 'passed' })
    ])
    // Both variants read in one call per evaluation.
    expect(metricVariants()[0]).toEqual(['fraud-v2', 'AllTraffic'])
    expect(result.summary).toMatch(/<td>5\.\d\d% \(baseline 5\.\d\d%\)<\/td>/)
    // The last step has no serving traffic: it is compared with the baseline of the steps before it.
    expect(steps[2]?.evaluations.at(-1)?.baseline?.errorRate).toBeCloseTo(0.05, 2)
    expect(result.summary).toContain('from the earlier steps (the serving variants take no traffic now)')
  })

  it('fails a regression beyond the margin', async () => {
    const clock = withTraffic(fake, 50)
    fake.cloudwatch.setBehaviour('fraud-v1', { errorRate: 0.05, latencyP99Ms: 40 })
    fake.cloudwatch.setBehaviour('fraud-v2', { errorRate: 0.15, latencyP99Ms: 40 })

    const result = await runAction(relative, { clock })

    expect(changeCalls(aws).map((call) => call.name)).toEqual(rolledBackAt(1))
    expect(result.failed).toMatch(
      /max-error-rate-increase: fraud-v2 1[45]\.\d\d% .* vs baseline 5\.\d\d% .* over the same minutes/
    )
  })

  it('fails a regression that appears only at 100%, against the earlier steps', async () => {
    const clock = withTraffic(fake, 50)
    fake.cloudwatch.setBehaviour('fraud-v1', { errorRate: 0.05, latencyP99Ms: 40 })
    fake.cloudwatch.setBehaviour('fraud-v2', { errorRate: 0.05, latencyP99Ms: 40 })
    // Step 1 (50%) ends at about 12:13; from 12:16 the new model fails a fifth of its requests.
    clock.at(16 * MINUTE, () => fake.cloudwatch.setBehaviour('fraud-v2', { errorRate: 0.2, latencyP99Ms: 40 }))

    const result = await runAction({ ...relative, 'traffic-steps': '50,100' }, { clock })

    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expect(stepsOf(result).map((step) => step.verdict)).toEqual(['passed', 'failed'])
    expect(result.failed).toContain('from the earlier steps')
  })

  /** Both models error-free at these p99s, judged by max-latency-p99-increase 20%. */
  const judgeLatencies = (servingP99Ms: number, newP99Ms: number) => {
    const clock = withTraffic(fake, 50)
    fake.cloudwatch.setBehaviour('fraud-v1', { errorRate: 0, latencyP99Ms: servingP99Ms })
    fake.cloudwatch.setBehaviour('fraud-v2', { errorRate: 0, latencyP99Ms: newP99Ms })
    return runAction({ ...canary, 'max-latency-p99-increase': '20%' }, { clock })
  }

  it('passes a new variant as fast as the serving one once it has the minutes to rank, inconclusive until then', async () => {
    const result = await judgeLatencies(100, 100)

    expect(result.outputs['rollout-result']).toBe('succeeded')
    const verdicts = stepsOf(result)[0]?.evaluations.flatMap(
      (evaluation) => evaluation.comparisons?.map((comparison) => comparison.verdict) ?? []
    )
    // Three minutes against three can never reach 95%: the first comparisons cannot tell, later ones pass.
    expect(verdicts?.[0]).toBe('inconclusive')
    expect(verdicts?.at(-1)).toBe('passed')
  })

  it('compares p99s minute by minute and fails a new variant twice as slow', async () => {
    const result = await judgeLatencies(100, 200)

    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expect(result.failed).toMatch(
      /max-latency-p99-increase: fraud-v2 p99 median 200 ms over \d+ minutes vs baseline 100 ms/
    )
  })
})

describe('max-latency-p99 on an endpoint whose p99 CloudWatch does not serve', () => {
  /** The serving variant has served for ten minutes before the deploy, so the last hour holds its traffic. */
  function afterTenMinutesOfTraffic(): ReturnType<typeof withTraffic> {
    const clock = withTraffic(fake)
    fake.recordServing('fraud')
    clock.advance(10 * MINUTE)
    return clock
  }

  it('is refused before any change, naming the input and what to use instead', async () => {
    const clock = afterTenMinutesOfTraffic()
    fake.cloudwatch.latencyPercentiles = false

    const result = await runAction({ ...canary, 'max-latency-p99': '250ms' }, { clock })

    expect(changeCalls(aws)).toEqual([])
    expect(result.failed).toMatch(/^Input "max-latency-p99" cannot be judged on endpoint "fraud"/)
    expect(result.failed).toMatch(/"AllTraffic" took \d+ requests in the last hour/)
    expect(result.failed).toContain("ModelLatency's average (20.0 ms) but not its p99")
    expect(result.failed).toContain('alarm-names')
    expect(fake.endpoint('fraud').config).toBe('fraud-v1-config')
  })

  it('refuses max-latency-p99-increase alone too', async () => {
    const clock = afterTenMinutesOfTraffic()
    fake.cloudwatch.latencyPercentiles = false

    const result = await runAction({ ...canary, 'max-latency-p99-increase': '20%' }, { clock })

    expect(changeCalls(aws)).toEqual([])
    expect(result.failed).toMatch(/^Input "max-latency-p99-increase" cannot be judged/)
  })

  it('goes ahead where the p99 is served, judging the rollout on it', async () => {
    const clock = afterTenMinutesOfTraffic()

    const result = await runAction({ ...canary, 'max-latency-p99': '250ms' }, { clock })

    expect(result.outputs['rollout-result']).toBe('succeeded')
    expect(changeCalls(aws).map((call) => call.name)).toEqual(SUCCEEDED)
  })

  it('is not refused on an endpoint with no traffic in the last hour: nothing says either way', async () => {
    const clock = withTraffic(fake, 0)
    fake.cloudwatch.latencyPercentiles = false

    const result = await runAction({ ...canary, 'max-latency-p99': '250ms' }, { clock })

    expect(result.failed ?? '').not.toContain('cannot be judged')
    expect(changeCalls(aws).length).toBeGreaterThan(0)
  })
})
