import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '../../../__fixtures__/core.js'
import { changeCalls, FakeAws, type AwsCall, weightShifts } from '../../../__fixtures__/fake-aws.js'
import type { FakeClock } from '../../../__fixtures__/clock.js'

import { CANARY_DEPLOY, PUBLICATION_DELAY_MS, seedServingEndpoint, withTraffic } from '../../../__fixtures__/rollout.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, awsCallNames, resetAws, runAction } = await import('../../../__fixtures__/action.js')

const canary = { ...CANARY_DEPLOY, 'max-error-rate': '1%' }

function configNamed(calls: AwsCall[], suffix: RegExp): string {
  const created = calls
    .filter((call) => call.name === 'sagemaker.CreateEndpointConfig')
    .map((call) => call.input.EndpointConfigName as string)
  const name = created.find((candidate) => suffix.test(candidate))
  if (!name) throw new Error(`no config matching ${suffix} among ${created.join(', ')}`)
  return name
}

let fake: FakeAws
beforeEach(() => {
  resetAws()
  fake = new FakeAws()
  seedServingEndpoint(fake, 3)
  fake.install(aws)
  clock = withTraffic(fake)
})
let clock: FakeClock

describe('canary rollout run by the action', () => {
  it("shifts step by step, then releases the new model under the serving variant's name", async () => {
    const result = await runAction(canary, { clock })

    expect(result.failed).toBeUndefined()
    expect(result.outputs['rollout-result']).toBe('succeeded')
    expect(result.outputs['rolled-back']).toBe('false')
    expect(result.outputs.healthy).toBe('true')
    expect(result.outputs['previous-endpoint-config-name']).toBe('fraud-v1-config')
    // After the release the endpoint serves under the name it served under before.
    expect(result.outputs['variant-name']).toBe('AllTraffic')
    expect(JSON.parse(result.outputs['variant-weights'] ?? '{}')).toEqual({ AllTraffic: 100 })

    const calls = changeCalls(aws)
    const canaryConfig = configNamed(calls, /-canary$/)
    const releaseConfig = configNamed(calls, /^fraud-\d{14}-[0-9a-z]{5}$/)
    expect(calls.map((call) => call.name)).toEqual([
      'sagemaker.CreateModel',
      'sagemaker.CreateEndpointConfig',
      'sagemaker.UpdateEndpoint',
      'sagemaker.UpdateEndpointWeightsAndCapacities',
      'sagemaker.UpdateEndpointWeightsAndCapacities',
      'sagemaker.UpdateEndpointWeightsAndCapacities',
      'sagemaker.CreateEndpointConfig',
      'sagemaker.UpdateEndpoint',
      'sagemaker.DeleteEndpointConfig'
    ])
    // The new variant joins at weight 0 beside the old one, which keeps the three instances it serves with.
    expect(calls[1]?.input).toMatchObject({
      EndpointConfigName: canaryConfig,
      ProductionVariants: [
        { VariantName: 'AllTraffic', ModelName: 'fraud-v1', InitialInstanceCount: 3, InitialVariantWeight: 100 },
        { VariantName: 'fraud-v2', ModelName: 'fraud-v2', InitialInstanceCount: 3, InitialVariantWeight: 0 }
      ]
    })
    expect(calls[2]?.input).toEqual({ EndpointName: 'fraud', EndpointConfigName: canaryConfig })
    // Each step: the new variant takes w, the old one 100 - w.
    expect(weightShifts(calls)).toEqual([
      { AllTraffic: 90, 'fraud-v2': 10 },
      { AllTraffic: 50, 'fraud-v2': 50 },
      { AllTraffic: 0, 'fraud-v2': 100 }
    ])
    // The release names the new model's variant after the serving one: only the canary phase used a second name.
    expect(calls[6]?.input).toMatchObject({
      EndpointConfigName: releaseConfig,
      ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: 'fraud-v2', InitialVariantWeight: 1 }]
    })
    expect(calls[7]?.input).toEqual({ EndpointName: 'fraud', EndpointConfigName: releaseConfig })
    expect(calls[8]?.input).toEqual({ EndpointConfigName: canaryConfig })

    const state = fake.endpoint('fraud')
    expect(state.status).toBe('InService')
    expect(state.config).toBe(releaseConfig)
    expect(state.variants).toEqual([{ name: 'AllTraffic', weight: 1, count: 3 }])
    expect(result.summary).toContain(
      `All steps passed; fraud-v2's model now serves all traffic as AllTraffic, the name the endpoint served under before, on ${releaseConfig}.`
    )
    expect(result.outputs['endpoint-config-name']).toBe(releaseConfig)
    expect(fake.configs.has(canaryConfig)).toBe(false)
    expect(fake.configs.has('fraud-v1-config')).toBe(true)
    expect(fake.configs.get(releaseConfig)?.tags).toMatchObject({
      'sagemaker-deploy:endpoint': 'fraud',
      'sagemaker-deploy:role': 'release',
      'sagemaker-deploy:previous-config': 'fraud-v1-config'
    })
    // A finished rollout leaves nothing for the post step to undo.
    expect(core.savedPart('rollout')).toBe('')

    // One GetMetricData call an evaluation, and nothing else from CloudWatch.
    const evaluations = (
      JSON.parse(result.outputs.result ?? '{}') as { rollout: { steps: Array<{ evaluations: unknown[] }> } }
    ).rollout.steps.reduce((sum, step) => sum + step.evaluations.length, 0)
    expect(awsCallNames().filter((name) => name.startsWith('cloudwatch.'))).toEqual(
      Array<string>(evaluations).fill('cloudwatch.GetMetricData')
    )
  })

  it('rolls back a model that leaves a quarter of its requests unanswered, though it returns no 5XX', async () => {
    // Timeouts and dropped connections: in InvocationModelErrors, never in Invocation5XXErrors.
    fake.cloudwatch.setBehaviour('fraud-v2', { errorRate: 0, unansweredRate: 0.25, latencyP99Ms: 40 })

    const result = await runAction(canary, { clock })

    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expect(result.failed).toMatch(
      /^Rolled back: a failed gate evaluation at 10%: error rate 2\d\.\d+% \(\d+ 5XX or unanswered of \d+ \((\d+) unanswered\)\)/
    )
    const [, counted, unanswered] =
      /\((\d+) 5XX or unanswered of \d+ \((\d+) unanswered\)\)/.exec(result.failed ?? '') ?? []
    // Every error counted was one the model never answered.
    expect(counted).toBe(unanswered)
    expect(weightShifts(changeCalls(aws)).at(-1)).toMatchObject({ 'fraud-v2': 0 })
  })

  it('shows a row per step and a chart of weight and error rate in the summary', async () => {
    // 0.5% errors: under max-error-rate, but visible on the chart.
    fake.cloudwatch.setBehaviour('fraud-v2', { errorRate: 0.005, latencyP99Ms: 40 })

    const result = await runAction(canary, { clock })

    expect(result.failed).toBeUndefined()
    expect(result.summary).toContain('<h3>Rollout (canary, gates judged by the action)</h3>')
    expect(result.summary).toContain('<p>Gates: max-error-rate: rate of 5XX and unanswered requests at most 1%.</p>')
    for (const [step, weight] of [
      [1, 10],
      [2, 50],
      [3, 100]
    ]) {
      expect(result.summary).toMatch(
        new RegExp(
          `<tr><td>${step}</td><td>${weight}%</td><td>1[23]m(\\d+s)?</td><td>[\\d,]+</td><td>0\\.\\d\\d%</td><td>40 ms</td><td>none set</td><td>—</td><td>\\d+ passed, \\d+ inconclusive</td><td>✅ passed</td></tr>`
        )
      )
    }
    expect(result.summary).toMatch(/```mermaid\n%%{init: [^\n]*\nxychart-beta/)
    expect(result.summary).toContain('x-axis "Step" ["1", "2", "3"]')
    // One chart of the traffic share, one of the error rate against max-error-rate (1%), on an axis that fits it.
    expect(result.summary).toContain('bar [10, 50, 100]')
    expect(result.summary).toMatch(/bar \[0\.\d+, 0\.\d+, 0\.\d+\]/)
    expect(result.summary).toContain('line [1, 1, 1]')
    expect(result.summary).toContain('y-axis "%" 0 --> 2')
  })

  it('plans a dry run without changing anything', async () => {
    const result = await runAction({ ...canary, 'dry-run': 'true' }, { clock })

    expect(result.failed).toBeUndefined()
    expect(changeCalls(aws)).toEqual([])
    expect(awsCallNames().every((name) => /\.(Describe|List|Get)[A-Z]/.test(name))).toBe(true)
    const plan = JSON.parse(result.outputs.result ?? '{}') as { dryRun: boolean; changes: Array<{ api: string }> }
    expect(plan.dryRun).toBe(true)
    // Every call the rollout would make, in order, promotion included.
    expect(plan.changes.map((change) => change.api)).toEqual([
      'CreateModel',
      'CreateEndpointConfig',
      'UpdateEndpoint',
      'UpdateEndpointWeightsAndCapacities',
      'UpdateEndpointWeightsAndCapacities',
      'UpdateEndpointWeightsAndCapacities',
      'CreateEndpointConfig',
      'UpdateEndpoint',
      'DeleteEndpointConfig'
    ])
    expect(result.summary).toContain('Plan (nothing was changed)')
    expect(result.summary).toContain('<code>CreateModel</code> on model &quot;fraud-v2&quot;')
    // The gate schedule with its thresholds, and how long it would take: 10m + 3 × (1m + 10m + 3m) + 10m.
    expect(result.summary).toContain('<h3>Rollout plan: about 1h2m</h3>')
    expect(result.summary).toContain(
      'Step 2: 50% of traffic to fraud-v2 for 10m, gates judged every 2m (5 evaluations), then until CloudWatch has published'
    )
    expect(result.summary).toContain('Gates: max-error-rate: rate of 5XX and unanswered requests at most 1%.')
    expect(result.summary).toMatch(/<strong>Instance-hours this rollout would add:<\/strong> \d+\.\d\d/)
    // The log says it too, after the calls: the schedule, the gates and the duration.
    const planned = core.log.slice(core.log.findIndex((line) => line.startsWith('Rollout plan:')))
    expect(planned[0]).toBe('Rollout plan: about 1h2m, assuming a new fleet typically takes 10m to come up.')
    expect(planned.slice(1, 6)).toEqual([
      expect.stringMatching(/^ {2}1\. Update the endpoint to fraud-.*-canary: fraud-v2 joins at weight 0/),
      expect.stringMatching(/^ {2}2\. Step 1: 10% of traffic to fraud-v2 for 10m, gates judged every 2m/),
      expect.stringMatching(/^ {2}3\. Step 2: 50% of traffic/),
      expect.stringMatching(/^ {2}4\. Step 3: 100% of traffic/),
      expect.stringMatching(/^ {2}5\. Promote: update the endpoint to fraud-/)
    ])
    expect(planned[6]).toBe('Gates: max-error-rate: rate of 5XX and unanswered requests at most 1%.')
    expect(planned[7]).toMatch(/^Instance-hours this rollout would add: \d+\.\d\d\.$/)
    expect(core.log.filter((line) => line.startsWith('[dry-run] would call')).length).toBe(plan.changes.length)

    const state = fake.endpoint('fraud')
    expect(state.config).toBe('fraud-v1-config')
    expect(state.variants).toEqual([{ name: 'AllTraffic', weight: 1, count: 3 }])
    expect([...fake.configs.keys()]).toEqual(['fraud-v1-config'])
    expect(fake.models.has('fraud-v2')).toBe(false)
    expect(core.savedPart('rollout')).toBe('')
  })

  it('runs a forty-minute rollout without waiting: gates every gate-interval, then every 20 s until the data is in', async () => {
    const result = await runAction(canary, { clock })

    expect(result.failed).toBeUndefined()
    const output = JSON.parse(result.outputs.result ?? '{}') as {
      durationMs: number
      rollout: {
        steps: Array<{ weight: number; startedAt: number; endedAt: number; evaluations: Array<{ at: number }> }>
      }
    }
    expect(output.durationMs).toBe(clock.sleptMs)
    expect(output.rollout.steps.map((step) => step.weight)).toEqual([10, 50, 100])
    for (const step of output.rollout.steps) {
      const offsets = step.evaluations.map((evaluation) => evaluation.at - step.startedAt)
      expect(offsets.slice(0, 5)).toEqual([2, 4, 6, 8, 10].map((minutes) => minutes * 60_000))
      offsets.slice(5).forEach((offset, index) => expect(offset).toBe(10 * 60_000 + (index + 1) * 20_000))
      // Past the bake, only until the minute that held its end has been published.
      const lastMinuteClosed = Math.ceil((step.startedAt + 10 * 60_000) / 60_000) * 60_000
      expect(step.endedAt).toBeGreaterThanOrEqual(lastMinuteClosed + PUBLICATION_DELAY_MS)
      expect(step.endedAt).toBeLessThan(lastMinuteClosed + PUBLICATION_DELAY_MS + 20_000)
    }
  })

  it('makes every evaluation the schedule promised, even when one runs past bake-time', async () => {
    // The first probe takes two and a half minutes (a throttled call the SDK retried, say): the first
    // evaluation of the 10% step ends after its two-minute bake would have.
    fake.probeDelaysMs.push(150_000)
    const probes = { 'probe-payload': '{"amount":1}', 'probe-count': '1', 'bake-time': '2m', 'gate-interval': '1m' }

    const result = await runAction({ ...CANARY_DEPLOY, ...probes }, { clock })

    expect(result.failed).toBeUndefined()
    const output = JSON.parse(result.outputs.result ?? '{}') as {
      rollout: { steps: Array<{ weight: number; evaluations: unknown[] }> }
    }
    expect(output.rollout.steps.map((step) => [step.weight, step.evaluations.length])).toEqual([
      [10, 2],
      [50, 2],
      [100, 2]
    ])
  })
})

describe('a canary whose model answers fast and wrong', () => {
  it('is rolled back at its first step on the checked answers, while every metric is healthy', async () => {
    fake.probeAnswers.set('fraud-v2', '{"score": 3.5}')
    const probes = {
      'probe-payload': '{"amount":1}',
      'probe-count': '2',
      'probe-expect': '$.score between 0 and 1',
      'bake-time': '2m',
      'gate-interval': '1m'
    }

    const result = await runAction({ ...canary, ...probes }, { clock })

    expect(result.outputs['rollout-result']).toBe('rolled-back')
    const output = JSON.parse(result.outputs.result ?? '{}') as {
      rollout: { steps: Array<{ weight: number; verdict: string; reason?: string }> }
    }
    expect(output.rollout.steps.map((step) => [step.weight, step.verdict])).toEqual([[10, 'failed']])
    expect(result.log.join('\n')).toContain('answer failed $.score between 0 and 1: $.score is 3.5')
  })

  it('passes when the answers hold', async () => {
    fake.probeAnswers.set('fraud-v2', '{"score": 0.4}')
    const probes = { 'probe-payload': '{"amount":1}', 'probe-expect': '$.score between 0 and 1' }

    const result = await runAction({ ...canary, ...probes }, { clock })

    expect(result.outputs['rollout-result']).toBe('succeeded')
  })
})

describe('a dark first step', () => {
  const dark = {
    ...canary,
    'traffic-steps': '0,10,100',
    'probe-payload': '{"amount":1}',
    'probe-expect': '$.score between 0 and 1',
    'bake-time': '2m',
    'gate-interval': '1m'
  }

  it('judges the new variant by its probes with no user traffic, then shifts as usual', async () => {
    const result = await runAction(dark, { clock })

    expect(result.failed).toBeUndefined()
    expect(result.outputs['rollout-result']).toBe('succeeded')
    // No shift to 0: the new variant joined at weight 0 and stayed there through the dark step.
    expect(weightShifts(changeCalls(aws))).toEqual([
      { AllTraffic: 90, 'fraud-v2': 10 },
      { AllTraffic: 0, 'fraud-v2': 100 }
    ])
    const output = JSON.parse(result.outputs.result ?? '{}') as {
      rollout: {
        steps: Array<{
          weight: number
          verdict: string
          evaluations: Array<{ probesSent?: number; invocations?: number }>
        }>
      }
    }
    const [darkStep] = output.rollout.steps
    expect(darkStep?.weight).toBe(0)
    expect(darkStep?.verdict).toBe('passed')
    // Judged by probes alone: the metric gates, which a variant without traffic cannot pass, were not read.
    expect(darkStep?.evaluations.every((evaluation) => evaluation.probesSent === 1)).toBe(true)
    expect(darkStep?.evaluations.some((evaluation) => evaluation.invocations !== undefined)).toBe(false)
  })

  it('rolls back a model that answers wrong before any user sees it', async () => {
    fake.probeAnswers.set('fraud-v2', '{"score": 7}')

    const result = await runAction(dark, { clock })

    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expect(weightShifts(changeCalls(aws))).toEqual([])
    expect(result.log.join('\n')).toContain('answer failed $.score between 0 and 1: $.score is 7')
  })

  it('pauses dark when the steps end at 0', async () => {
    const result = await runAction({ ...dark, 'traffic-steps': '0' }, { clock })

    expect(result.outputs['rollout-result']).toBe('paused')
    expect(weightShifts(changeCalls(aws))).toEqual([])
    expect(JSON.parse(result.outputs['variant-weights'] ?? '{}')).toEqual({ AllTraffic: 100, 'fraud-v2': 0 })
  })

  it.each([
    [{ 'probe-payload': '' }, 'only probes can judge it: set probe-payload'],
    [{ 'rollout-controller': 'sagemaker', strategy: 'canary' }, 'cannot start at 0 with rollout-controller: sagemaker'],
    [{ 'traffic-steps': '10,0,100' }, 'only the first may be 0']
  ])('refuses %j before any AWS call', async (override, expected) => {
    const result = await runAction({ ...dark, ...override }, { clock })

    expect(result.failed).toContain('Input "traffic-steps"')
    expect(result.failed).toContain(expected)
    expect(awsCallNames({ lock: true })).toEqual([])
  })
})

describe('a dark first step, dry run', () => {
  it('plans the dark step without a weight change, judged by probes and no wait for CloudWatch', async () => {
    const result = await runAction(
      {
        ...canary,
        'traffic-steps': '0,100',
        'probe-payload': '{"amount":1}',
        'bake-time': '5m',
        'gate-interval': '1m',
        'dry-run': 'true'
      },
      { clock }
    )

    expect(result.failed).toBeUndefined()
    const planned = core.log.slice(core.log.findIndex((line) => line.startsWith('Rollout plan:')))
    expect(planned[2]).toBe(
      '  2. Step 1: dark, no user traffic to fraud-v2, judged by its probes alone, for 5m, gates judged every 1m (5 evaluations). A failed evaluation rolls back; a step the gates cannot judge rolls back.'
    )
    // One weight change, to 100%: the dark step moves nothing.
    const plan = JSON.parse(result.outputs.result ?? '{}') as { changes: Array<{ api: string }> }
    expect(plan.changes.filter((change) => change.api === 'UpdateEndpointWeightsAndCapacities')).toHaveLength(1)
  })
})

describe("a canary's answers compared with the serving model's", () => {
  const compared = {
    ...canary,
    'traffic-steps': '0,10,100',
    'probe-payload': '{"amount":1}',
    'probe-count': '3',
    'max-disagreement': '10%',
    'compare-path': '$.score',
    'compare-tolerance': '0.05',
    'bake-time': '2m',
    'gate-interval': '1m'
  }

  it('rolls back, still dark, a model that disagrees with the serving one on the same payloads', async () => {
    fake.probeAnswers.set('AllTraffic', '{"score": 0.1}')
    fake.probeAnswers.set('fraud-v2', '{"score": 0.9}')

    const result = await runAction(compared, { clock })

    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expect(weightShifts(changeCalls(aws))).toEqual([])
    expect(result.log.join('\n')).toContain(
      "3 of 3 answers differ from serving variant AllTraffic's, more than max-disagreement 10% (first: $.score 0.9 against 0.1)"
    )
    // The serving variant was asked the same payloads, by TargetVariant.
    const targets = aws.runtime.calls().map((call) => (call.args[0].input as { TargetVariant?: string }).TargetVariant)
    expect(targets.filter((target) => target === 'AllTraffic').length).toBe(
      targets.filter((target) => target === 'fraud-v2').length
    )
  })

  it('goes on when the answers agree within the tolerance, and says so at each evaluation', async () => {
    fake.probeAnswers.set('AllTraffic', '{"score": 0.1}')
    fake.probeAnswers.set('fraud-v2', '{"score": 0.12}')

    const result = await runAction(compared, { clock })

    expect(result.outputs['rollout-result']).toBe('succeeded')
    expect(result.log.join('\n')).toContain("answers differing from the serving model's 0/3")
    expect(result.summary).toContain('max-disagreement: at most 10% of the probes')
  })
})
