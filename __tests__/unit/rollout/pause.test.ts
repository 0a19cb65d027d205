/**
 * traffic-steps that stop short of 100 pause the rollout; a later run
 * promotes it or rolls it back. The FakeAws keeps the endpoint between runs,
 * as AWS does between workflow jobs.
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '../../../__fixtures__/core.js'
import type { FakeClock } from '../../../__fixtures__/clock.js'
import { changeCalls, FakeAws, weightShifts } from '../../../__fixtures__/fake-aws.js'
import { IMAGE, ROLE_ARN } from '../../../__fixtures__/sagemaker.js'
import { withTraffic } from '../../../__fixtures__/rollout.js'
import type { Progress } from '../../../src/rollout/moves.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, resetAws, runAction } = await import('../../../__fixtures__/action.js')

const gates = { 'bake-time': '10m', 'gate-interval': '2m', 'max-error-rate': '1%' }
const deploy = {
  operation: 'deploy',
  'endpoint-name': 'fraud',
  'image-uri': IMAGE,
  'execution-role-arn': ROLE_ARN,
  'model-name': 'fraud-v2',
  strategy: 'canary',
  'traffic-steps': '10,50',
  ...gates
}
const promote = { operation: 'promote', 'endpoint-name': 'fraud', ...gates }

/** The rollout part of the record the run saved for the post step, each time it changed; '' where it was cleared. */
function savedRolloutStates(): string[] {
  const parts = core.saveState.mock.calls
    .filter(([name]) => name === 'run')
    .map(([, value]) => (JSON.parse(String(value)) as { rollout?: unknown }).rollout)
    .map((rollout) => (rollout === undefined ? '' : JSON.stringify(rollout)))
  // The record holds other parts too (the lock, what the deploy created): only the rollout's changes count.
  const changes = parts.filter((part, index) => part !== (index === 0 ? '' : parts[index - 1]))
  return changes
}

function clearHistory(): void {
  for (const client of Object.values(aws)) client.resetHistory()
  core.saveState.mockClear()
}

let fake: FakeAws
let canaryConfig: string
beforeEach(async () => {
  resetAws()
  core.saveState.mockClear()
  fake = new FakeAws()
  fake.seedEndpoint(
    'fraud',
    'fraud-v1-config',
    [{ name: 'AllTraffic', weight: 1, count: 2, model: 'fraud-v1', initialCount: 2 }],
    {
      'sagemaker-deploy:endpoint': 'fraud',
      'sagemaker-deploy:role': 'release'
    }
  )
  fake.install(aws)
  clock = withTraffic(fake)
})
let clock: FakeClock

/** A canary paused at 50%, then half an hour of traffic before anyone promotes it. */
async function pauseAtFifty(duringPause?: () => void): Promise<void> {
  const paused = await runAction(deploy, { clock })
  expect(paused.failed).toBeUndefined()
  expect(paused.outputs['rollout-result']).toBe('paused')
  canaryConfig = fake.endpoint('fraud').config
  duringPause?.()
  clock.advance(30 * 60_000)
  clearHistory()
}

describe('traffic-steps 10,50', () => {
  it('pauses at 50% on the canary config and leaves nothing for the post step', async () => {
    const result = await runAction(deploy, { clock })

    expect(result.failed).toBeUndefined()
    expect(result.outputs['rollout-result']).toBe('paused')
    expect(result.outputs['rolled-back']).toBe('false')
    expect(result.outputs.healthy).toBe('true')
    expect(JSON.parse(result.outputs['variant-weights'] ?? '{}')).toEqual({ AllTraffic: 50, 'fraud-v2': 50 })
    const calls = changeCalls(aws)
    expect(calls.map((call) => call.name)).toEqual([
      'sagemaker.CreateModel',
      'sagemaker.CreateEndpointConfig',
      'sagemaker.UpdateEndpoint',
      'sagemaker.UpdateEndpointWeightsAndCapacities',
      'sagemaker.UpdateEndpointWeightsAndCapacities',
      // When the pause began, for promote to judge all of it.
      'sagemaker.AddTags'
    ])
    expect(weightShifts(calls)).toEqual([
      { AllTraffic: 90, 'fraud-v2': 10 },
      { AllTraffic: 50, 'fraud-v2': 50 }
    ])

    const state = fake.endpoint('fraud')
    const configName = calls[1]?.input.EndpointConfigName as string
    expect(state.config).toBe(configName)
    expect(state.status).toBe('InService')
    expect(fake.weights('fraud')).toEqual({ AllTraffic: 50, 'fraud-v2': 50 })
    expect(state.variants).toEqual([
      { name: 'AllTraffic', weight: 50, count: 2 },
      // The new variant is sized like the one it joins: the two instances it serves with.
      { name: 'fraud-v2', weight: 50, count: 2 }
    ])
    expect(fake.configs.get(configName)?.tags).toMatchObject({
      'sagemaker-deploy:role': 'canary',
      'sagemaker-deploy:previous-config': 'fraud-v1-config',
      'sagemaker-deploy:new-variant': 'fraud-v2'
    })
    // Saved from the hold on, at every move it reached, and cleared once paused: a pause is a resting state, not one
    // to undo.
    const saved = savedRolloutStates()
    const first = JSON.parse(saved[0] as string) as Progress
    expect(first).toMatchObject({
      endpointName: 'fraud',
      rollout: {
        previousConfig: 'fraud-v1-config',
        canaryConfig: configName,
        newVariant: 'fraud-v2',
        oldVariants: [{ name: 'AllTraffic', share: 1 }]
      }
    })
    const kinds = first.moves.map((move) => move.kind)
    expect(kinds).toEqual([
      'create-canary-config',
      'hold-capacity',
      'join',
      'shift',
      'judge-step',
      'shift',
      'judge-step',
      'pause'
    ])
    const reached = saved.slice(0, -1).map((part) => kinds[(JSON.parse(part) as Progress).reached])
    expect(reached[0]).toBe('hold-capacity')
    expect(reached.at(-1)).toBe('pause')
    expect(saved.at(-1)).toBe('')
    expect(result.summary).toContain('⏸️ deploy paused')
  })

  it('then promote with probes on an asynchronous endpoint is refused before it moves anything', async () => {
    await pauseAtFifty()
    const paused = fake.configs.get(canaryConfig)
    if (paused)
      paused.settings = { ...paused.settings, AsyncInferenceConfig: { OutputConfig: { S3OutputPath: 's3://out' } } }

    const result = await runAction({ ...promote, 'probe-payload': '{"amount": 1}' }, { clock })

    expect(result.failed).toMatch(
      /^Input "probe-payload": endpoint "fraud" is asynchronous .*; nothing was changed\. Judge the pause on its metrics instead/
    )
    expect(changeCalls(aws)).toEqual([])
    expect(fake.endpoint('fraud').config).toBe(canaryConfig)
  })

  it('then promote continues to 100 and retires the old variant', async () => {
    await pauseAtFifty()

    const result = await runAction(promote, { clock })

    expect(result.failed).toBeUndefined()
    expect(result.outputs['rollout-result']).toBe('succeeded')
    expect(result.outputs['previous-endpoint-config-name']).toBe('fraud-v1-config')
    const calls = changeCalls(aws)
    const releaseConfig = result.outputs['endpoint-config-name'] as string
    expect(releaseConfig).toMatch(/^fraud-\d{14}-[0-9a-z]{5}$/)
    expect(calls).toEqual([
      {
        name: 'sagemaker.UpdateEndpointWeightsAndCapacities',
        input: {
          EndpointName: 'fraud',
          DesiredWeightsAndCapacities: [
            { VariantName: 'AllTraffic', DesiredWeight: 0 },
            { VariantName: 'fraud-v2', DesiredWeight: 100 }
          ]
        }
      },
      { name: 'sagemaker.CreateEndpointConfig', input: expect.objectContaining({ EndpointConfigName: releaseConfig }) },
      { name: 'sagemaker.UpdateEndpoint', input: { EndpointName: 'fraud', EndpointConfigName: releaseConfig } },
      { name: 'sagemaker.DeleteEndpointConfig', input: { EndpointConfigName: canaryConfig } }
    ])
    // The release names the new model after the serving variant, as the deploy that paused would have.
    expect(calls[1]?.input.ProductionVariants).toEqual([
      expect.objectContaining({ VariantName: 'AllTraffic', ModelName: 'fraud-v2', InitialVariantWeight: 1 })
    ])
    expect(result.outputs['variant-name']).toBe('AllTraffic')
    const state = fake.endpoint('fraud')
    expect(state.config).toBe(releaseConfig)
    expect(state.variants).toEqual([{ name: 'AllTraffic', weight: 1, count: 2 }])
    expect(fake.configs.has(canaryConfig)).toBe(false)
    expect(fake.configs.get(releaseConfig)?.tags).toMatchObject({
      'sagemaker-deploy:endpoint': 'fraud',
      'sagemaker-deploy:role': 'release',
      'sagemaker-deploy:previous-config': 'fraud-v1-config'
    })
    expect(savedRolloutStates().at(-1)).toBe('')
  })

  it('then promote with traffic-steps 25,75,100 runs only the steps above 50%', async () => {
    await pauseAtFifty()

    const result = await runAction({ ...promote, strategy: 'canary', 'traffic-steps': '25,75,100' }, { clock })

    expect(result.failed).toBeUndefined()
    expect(result.outputs['rollout-result']).toBe('succeeded')
    const calls = changeCalls(aws)
    expect(calls.map((call) => call.name)).toEqual([
      'sagemaker.UpdateEndpointWeightsAndCapacities',
      'sagemaker.UpdateEndpointWeightsAndCapacities',
      'sagemaker.CreateEndpointConfig',
      'sagemaker.UpdateEndpoint',
      'sagemaker.DeleteEndpointConfig'
    ])
    expect(weightShifts(calls)).toEqual([
      { AllTraffic: 25, 'fraud-v2': 75 },
      { AllTraffic: 0, 'fraud-v2': 100 }
    ])
    const output = JSON.parse(result.outputs.result ?? '{}') as {
      rollout: { steps: Array<{ weight: number; kind?: string }> }
    }
    // The pause at 50% is judged first, then the steps above it.
    expect(output.rollout.steps.map((step) => [step.kind ?? 'step', step.weight])).toEqual([
      ['pause', 50],
      ['step', 75],
      ['step', 100]
    ])
    expect(fake.endpoint('fraud').variants.map((variant) => variant.name)).toEqual(['AllTraffic'])
    expect(fake.configs.has(canaryConfig)).toBe(false)
  })

  it('then promote takes traffic-steps without a strategy: it continues a canary whatever the input says', async () => {
    await pauseAtFifty()

    // The deploy step's own traffic-steps, copied to the promote step as a user would.
    const result = await runAction({ ...promote, 'traffic-steps': '25,75,100' }, { clock })

    expect(result.failed).toBeUndefined()
    expect(weightShifts(changeCalls(aws))).toEqual([
      { AllTraffic: 25, 'fraud-v2': 75 },
      { AllTraffic: 0, 'fraud-v2': 100 }
    ])
  })

  it('then promote judges the pause first: a canary that degraded while paused gets no more traffic', async () => {
    await pauseAtFifty(() => fake.cloudwatch.setBehaviour('fraud-v2', { errorRate: 0.3, latencyP99Ms: 40 }))

    const result = await runAction(promote, { clock })

    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expect(result.failed).toMatch(/^Rolled back: the pause at 50% failed its gates: error rate 3\d\.\d\d%/)
    const calls = changeCalls(aws)
    // Not one weight change toward the new variant: straight back to the old one.
    expect(weightShifts(calls)).toEqual([{ AllTraffic: 100, 'fraud-v2': 0 }])
    expect(calls.map((call) => call.name)).toEqual([
      'sagemaker.UpdateEndpointWeightsAndCapacities',
      'sagemaker.UpdateEndpoint',
      'sagemaker.DeleteEndpointConfig',
      'sagemaker.DeleteModel'
    ])
    expect(fake.endpoint('fraud').config).toBe('fraud-v1-config')
    const output = JSON.parse(result.outputs.result ?? '{}') as {
      rollout: {
        steps: Array<{
          kind?: string
          weight: number
          verdict: string
          evaluations: Array<{ window?: { from: number } }>
        }>
      }
    }
    // The pause was judged from when it began, recorded on the canary config.
    const [pause] = output.rollout.steps
    expect(pause).toMatchObject({ kind: 'pause', weight: 50, verdict: 'failed' })
    expect(result.summary).toContain('<td>pause</td><td>50%</td>')
  })

  it('then promote moves no traffic on a pause whose error rate is above the limit, even on too few requests to decide', async () => {
    // A quiet half hour: about thirty requests to the canary, one or two of them failing.
    await pauseAtFifty(() => {
      fake.cloudwatch.requestRates.set('fraud', 1 / 30)
      fake.cloudwatch.setBehaviour('fraud-v2', { errorRate: 0.04, latencyP99Ms: 40 })
    })

    const result = await runAction(promote, { clock })

    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expect(result.failed).toMatch(
      /^Rolled back: the pause at 50% ended with its error rate [\d.]+% \(\d 5XX of \d\d\) in \d\d:\d\d–\d\d:\d\d UTC is above max-error-rate 1\.00%, but the 95\.00% lower bound, 0\.\d\d%, is not: too few invocations to decide, and no more traffic moves on that/
    )
    expect(weightShifts(changeCalls(aws))).toEqual([{ AllTraffic: 100, 'fraud-v2': 0 }])
  })

  it('then a dry-run promote plans the judging of the pause, the steps and the promotion, and changes nothing', async () => {
    await pauseAtFifty()

    const result = await runAction({ ...promote, 'dry-run': 'true' }, { clock })

    expect(result.failed).toBeUndefined()
    expect(changeCalls(aws)).toEqual([])
    const plan = JSON.parse(result.outputs.result ?? '{}') as { changes: Array<{ api: string }> }
    expect(plan.changes.map((change) => change.api)).toEqual([
      'UpdateEndpointWeightsAndCapacities',
      'CreateEndpointConfig',
      'UpdateEndpoint',
      'DeleteEndpointConfig'
    ])
    const planned = core.log.slice(core.log.findIndex((line) => line.startsWith('Rollout plan:')))
    // The pause's data wait (3m), the 100% step (1m + 10m + 3m), the promotion (10m).
    expect(planned[0]).toBe('Rollout plan: about 27m, assuming a new fleet typically takes 10m to come up.')
    expect(planned.slice(1, 4)).toEqual([
      expect.stringMatching(
        /^ {2}1\. Judge the pause at 50%: the gates over the whole pause, until CloudWatch has published the minute this run began in/
      ),
      expect.stringMatching(/^ {2}2\. Step 1: 100% of traffic to fraud-v2 for 10m, gates judged every 2m/),
      expect.stringMatching(
        /^ {2}3\. Promote: update the endpoint to fraud-.* with fraud-v2's model alone, as AllTraffic,/
      )
    ])
    expect(result.summary).toContain('Plan (nothing was changed)')
    expect(fake.endpoint('fraud').config).toBe(canaryConfig)
  })

  it("then promote waits for the pause's last minutes: a canary that went bad just before it gets no more traffic", async () => {
    // Failing most requests in the last minute of the half hour: one CloudWatch has not published when promote starts.
    await pauseAtFifty(() =>
      clock.at(29 * 60_000, () => fake.cloudwatch.setBehaviour('fraud-v2', { errorRate: 0.9, latencyP99Ms: 40 }))
    )

    const result = await runAction(promote, { clock })

    expect(result.outputs['rollout-result']).toBe('rolled-back')
    // Promote began at 12:54: the pause's minute 12:53 was published at 12:55:30, and judged before any shift.
    expect(result.failed).toMatch(
      /^Rolled back: the pause at 50% failed its gates: error rate 90\.00% \(\d+ 5XX of \d+\) in 12:53–12:54 UTC above max-error-rate 1\.00%/
    )
    expect(weightShifts(changeCalls(aws))).toEqual([{ AllTraffic: 100, 'fraud-v2': 0 }])
  })

  it('then judges the minutes the canary served while promote waited for CloudWatch in the first step: none goes unjudged', async () => {
    // Promote starts within 12:54, so the pause is judged through 12:54 and the shift comes once that minute is
    // published, at 12:56:30. Bad only in the minute between, 12:55.
    await pauseAtFifty(() => {
      clock.at(31 * 60_000, () => fake.cloudwatch.setBehaviour('fraud-v2', { errorRate: 0.9, latencyP99Ms: 40 }))
      clock.at(32 * 60_000, () => fake.cloudwatch.setBehaviour('fraud-v2', { errorRate: 0, latencyP99Ms: 40 }))
    })

    const result = await runAction(promote, { clock })

    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expect(result.failed).toMatch(/^Rolled back: a failed gate evaluation at 100%: error rate \d+\.\d\d% .* in 12:55–/)
  })

  it('then a failed gate during promote returns to the config before the canary', async () => {
    await pauseAtFifty()
    // Healthy through the pause; errors from a minute into the promotion.
    clock.at(60_000, () => fake.cloudwatch.setBehaviour('fraud-v2', { errorRate: 0.3, latencyP99Ms: 40 }))

    const result = await runAction(promote, { clock })

    expect(result.outputs['rollout-result']).toBe('rolled-back')
    const calls = changeCalls(aws)
    expect(calls.map((call) => call.name)).toEqual([
      'sagemaker.UpdateEndpointWeightsAndCapacities',
      'sagemaker.UpdateEndpointWeightsAndCapacities',
      'sagemaker.UpdateEndpoint',
      'sagemaker.DeleteEndpointConfig',
      // The paused deploy's model serves nothing once the promotion is rolled back.
      'sagemaker.DeleteModel'
    ])
    expect(weightShifts(calls)).toEqual([
      { AllTraffic: 0, 'fraud-v2': 100 },
      { AllTraffic: 100, 'fraud-v2': 0 }
    ])
    expect(calls[2]?.input).toMatchObject({ EndpointName: 'fraud', EndpointConfigName: 'fraud-v1-config' })
    expect(fake.endpoint('fraud').config).toBe('fraud-v1-config')
    expect(fake.endpoint('fraud').variants.map((variant) => variant.name)).toEqual(['AllTraffic'])
    expect(fake.configs.has(canaryConfig)).toBe(false)
  })
})

describe('what the post step is handed', () => {
  it("carries no baseline: the serving variants' periods grow all through a rollout, and only its judging reads them", async () => {
    const paused = await runAction(deploy, { clock })
    expect(paused.outputs['rollout-result']).toBe('paused')

    const saved = core.saveState.mock.calls
      .filter(([name]) => name === 'run')
      .map(
        ([, value]) =>
          (
            JSON.parse(String(value)) as {
              rollout?: { reached: number; moves: Array<{ kind: string }>; baseline: unknown[] }
            }
          ).rollout
      )
      .filter((rollout) => rollout !== undefined)
    const afterAJudgedStep = saved.filter(
      (rollout) => rollout.reached > rollout.moves.findIndex((move) => move.kind === 'judge-step')
    )
    expect(afterAJudgedStep.length).toBeGreaterThan(0)
    for (const rollout of saved) expect(rollout.baseline).toEqual([])
  })
})

describe('a canary that stopped without pausing', () => {
  it('failed its gates with auto-rollback off: promote refuses it, changing nothing, and says to roll back', async () => {
    fake.cloudwatch.setBehaviour('fraud-v2', { errorRate: 0.3, latencyP99Ms: 40 })
    const failed = await runAction({ ...deploy, 'auto-rollback': 'false' }, { clock })
    expect(failed.outputs['rollout-result']).toBe('failed')
    canaryConfig = fake.endpoint('fraud').config
    const weights = fake.weights('fraud')
    clock.advance(30 * 60_000)
    clearHistory()

    const result = await runAction(promote, { clock })

    expect(result.failed).toBe(
      `Endpoint "fraud" is on canary config "${canaryConfig}", which records no pause (sagemaker-deploy:paused-at): its rollout stopped without pausing (it failed its gates with auto-rollback off, or its run was cancelled or died), or its pause could not be recorded, as that run warned. There is no pause to promote; nothing was changed. Run operation: rollback to return to "fraud-v1-config", then deploy again.`
    )
    expect(changeCalls(aws)).toEqual([])
    expect(fake.weights('fraud')).toEqual(weights)
  })
})

describe('rollback of a paused canary', () => {
  it('returns the endpoint to the config it ran before the canary', async () => {
    await pauseAtFifty()

    const result = await runAction({ operation: 'rollback', 'endpoint-name': 'fraud' }, { clock })

    expect(result.failed).toBeUndefined()
    expect(result.outputs['rolled-back']).toBe('true')
    expect(result.outputs['previous-endpoint-config-name']).toBe(canaryConfig)
    expect(result.outputs['endpoint-config-name']).toBe('fraud-v1-config')
    const updates = changeCalls(aws).filter((call) => call.name === 'sagemaker.UpdateEndpoint')
    expect(updates).toHaveLength(1)
    expect(updates[0]?.input).toMatchObject({ EndpointName: 'fraud', EndpointConfigName: 'fraud-v1-config' })
    const state = fake.endpoint('fraud')
    expect(state.status).toBe('InService')
    expect(state.config).toBe('fraud-v1-config')
    expect(state.variants).toEqual([{ name: 'AllTraffic', weight: 1, count: 2 }])
    expect(fake.configs.has('fraud-v1-config')).toBe(true)
  })

  it('takes away the canary config once the endpoint has left it', async () => {
    await pauseAtFifty()

    await runAction({ operation: 'rollback', 'endpoint-name': 'fraud' }, { clock })

    // As a rollback after a failed gate does: a canary config exists only for the duration of its canary.
    expect(changeCalls(aws).at(-1)).toEqual({
      name: 'sagemaker.DeleteEndpointConfig',
      input: { EndpointConfigName: canaryConfig }
    })
    expect([...fake.configs.keys()]).toEqual(['fraud-v1-config'])
  })

  it('never lands on the canary config, even when asked by name', async () => {
    await pauseAtFifty()
    await runAction({ operation: 'rollback', 'endpoint-name': 'fraud' }, { clock })
    clearHistory()

    const result = await runAction(
      {
        operation: 'rollback',
        'endpoint-name': 'fraud',
        'endpoint-config-name': canaryConfig
      },
      { clock }
    )

    // Either refused as a canary config, or gone because the canary ended: never an update onto it.
    expect(result.failed).toMatch(/never a rollback target|does not exist/)
    expect(changeCalls(aws)).toEqual([])
    expect(fake.endpoint('fraud').config).toBe('fraud-v1-config')
  })
})

describe('traffic-steps 0: paused dark', () => {
  const probes = { 'probe-payload': '{"amount": 1}', 'probe-expect': '$.score between 0 and 1' }

  it('then promote judges the dark pause by its probes, and moves traffic only when they pass', async () => {
    const paused = await runAction({ ...deploy, ...probes, 'traffic-steps': '0' }, { clock })
    expect(paused.outputs['rollout-result']).toBe('paused')
    clock.advance(30 * 60_000)
    clearHistory()

    const result = await runAction({ ...promote, ...probes }, { clock })

    expect(result.failed).toBeUndefined()
    expect(result.outputs['rollout-result']).toBe('succeeded')
    const output = JSON.parse(result.outputs.result ?? '{}') as {
      rollout: {
        steps: Array<{ weight: number; kind?: string; verdict: string; evaluations: Array<{ invocations?: number }> }>
      }
    }
    const [pause] = output.rollout.steps
    expect(pause).toMatchObject({ weight: 0, kind: 'pause', verdict: 'passed' })
    expect(pause?.evaluations.some((evaluation) => evaluation.invocations !== undefined)).toBe(false)
  })

  it('then promote moves no traffic when the dark model answers wrong', async () => {
    await runAction({ ...deploy, ...probes, 'traffic-steps': '0' }, { clock })
    fake.probeAnswers.set('fraud-v2', '{"score": -1}')
    clearHistory()

    const result = await runAction({ ...promote, ...probes }, { clock })

    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expect(weightShifts(changeCalls(aws))).toEqual([])
  })

  it('refuses promote steps that start at 0', async () => {
    const result = await runAction({ ...promote, ...probes, 'traffic-steps': '0,100' }, { clock })

    expect(result.failed).toContain('Input "traffic-steps" cannot start at 0 with promote')
  })
})
