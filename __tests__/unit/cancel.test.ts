// A cancelled run: what the signal handler does within the runner's seconds,
// what the run's summary then says, and what its post step finishes.
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '../../__fixtures__/core.js'
import { FakeClock } from '../../__fixtures__/clock.js'
import { FakeAws, weightShifts, changeCalls } from '../../__fixtures__/fake-aws.js'
import { canaryProgress } from '../../__fixtures__/rollout.js'
import { variantResourceId } from '../../__fixtures__/autoscaling.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, resetAws } = await import('../../__fixtures__/action.js')
const { createAwsClients } = await import('../../src/aws/clients.js')
const { recordCancellation, stopTheHarm } = await import('../../src/cancel.js')
const { newReport } = await import('../../src/report.js')
const { renderSummary } = await import('../../src/summary.js')
const state = await import('../../src/rollout/state.js')

const ROLLOUT = canaryProgress('judge-step')
const CREATED = {
  endpointName: 'fraud',
  region: 'us-east-1',
  models: ['fraud-v2'],
  configs: ['fraud-release', 'fraud-canary']
}

let fake: FakeAws
beforeEach(() => {
  resetAws()
  core.resetCore({ operation: 'deploy', 'endpoint-name': 'fraud', timeout: '10m' })
  fake = new FakeAws()
  fake.seedEndpoint('fraud', 'fraud-v1-config', [{ name: 'AllTraffic', weight: 1, count: 2, model: 'fraud-v1' }])
  // The canary config, with the new model beside the old one, serving 10% of traffic.
  fake.seedEndpoint('fraud', 'fraud-canary', [
    { name: 'AllTraffic', weight: 90, count: 2, model: 'fraud-v1' },
    { name: 'fraud-v2', weight: 10, count: 2, model: 'fraud-v2' }
  ])
  fake.install(aws)
})

afterEach(() => {
  state.rolloutProgress.clear()
  state.unfinishedDeploy.clear()
})

describe('the signal handler', () => {
  it('moves all traffic off the new variant at once and says what the post step will do', async () => {
    state.rolloutProgress.save(ROLLOUT)
    state.unfinishedDeploy.save(CREATED)

    const done = await stopTheHarm(createAwsClients('us-east-1'))

    expect(done).toBe('All traffic was moved off fraud-v2 at once.')
    expect(weightShifts(changeCalls(aws))).toEqual([{ AllTraffic: 100, 'fraud-v2': 0 }])
    expect(core.log).toContain(
      '::warning::All traffic was moved off fraud-v2 at once. The post step returns endpoint "fraud" to "fraud-v1-config", then deletes what this run created and nothing runs on (model "fraud-v2", config "fraud-release", config "fraud-canary", those that exist), and releases the endpoint\'s lock.'
    )
  })

  it('sends nothing when the new variant takes no traffic: the way back starts with the previous config', async () => {
    state.rolloutProgress.save(ROLLOUT)
    fake.endpoint('fraud').variants = [
      { name: 'AllTraffic', weight: 100, count: 2 },
      { name: 'fraud-v2', weight: 0, count: 2 }
    ]

    const done = await stopTheHarm(createAwsClients('us-east-1'))

    expect(changeCalls(aws)).toEqual([])
    expect(done).toBe('fraud-v2 was taking no traffic, so none had to be moved.')
  })

  it('sends nothing while the endpoint is Updating, and explains that the post step waits for it', async () => {
    state.rolloutProgress.save(ROLLOUT)
    const endpoint = fake.endpoint('fraud')
    endpoint.config = 'fraud-v1-config'
    endpoint.variants = [{ name: 'AllTraffic', weight: 1, count: 2 }]
    endpoint.status = 'Updating'
    endpoint.pendingConfig = 'fraud-canary'
    endpoint.pending = { pollsLeft: 99, apply: () => undefined }

    const done = await stopTheHarm(createAwsClients('us-east-1'))

    expect(changeCalls(aws)).toEqual([])
    expect(done).toBe(
      'Endpoint "fraud" is Updating (moving to "fraud-canary"), and SageMaker refuses weight changes until that ends, so no traffic could be moved in the seconds the runner gives a cancelled step; fraud-v2 takes no traffic meanwhile. The post step waits for the update to finish first.'
    )
  })

  it('says how much traffic the new variant keeps when a weight change is under way', async () => {
    state.rolloutProgress.save(ROLLOUT)
    const endpoint = fake.endpoint('fraud')
    endpoint.status = 'Updating'
    endpoint.pending = { pollsLeft: 99, apply: () => undefined }

    const done = await stopTheHarm(createAwsClients('us-east-1'))

    expect(changeCalls(aws)).toEqual([])
    expect(done).toContain('fraud-v2 keeps serving 10% of traffic until then')
  })

  it('has nothing to stop outside a rollout', async () => {
    expect(await stopTheHarm(createAwsClients('us-east-1'))).toBe('')
    expect(aws.sagemaker.calls()).toEqual([])
  })
})

describe("a cancelled run's summary", () => {
  it('says it was cancelled, shows the step as cancelled, not in progress, and what the post step will do', () => {
    state.rolloutProgress.save(ROLLOUT)
    const report = newReport('deploy', 'fraud', 'us-east-1', false, 0)
    report.rollout = {
      controller: 'action',
      strategy: 'canary',
      newVariant: 'fraud-v2',
      previousConfig: 'fraud-v1-config',
      steps: [
        { weight: 10, startedAt: 0, endedAt: 60_000, evaluations: [], verdict: 'passed' },
        { weight: 50, startedAt: 60_000, evaluations: [], verdict: 'in-progress' }
      ]
    }

    recordCancellation(report, 'All traffic was moved off fraud-v2 at once.', 90_000)
    renderSummary(core.summary, report)
    const html = core.summary.stringify()
    core.summary.emptyBuffer()

    expect(report.succeeded).toBe(false)
    expect(report.rollout.steps[1]).toMatchObject({ verdict: 'cancelled', endedAt: 90_000 })
    expect(html).toMatch(/^<h2>⏹️ deploy cancelled: fraud<\/h2>/)
    expect(html).toContain('<td>⏹️ cancelled</td>')
    expect(html).not.toContain('in progress')
    expect(html).toContain('Cancelled at 50% on fraud-v2.')
    expect(report.error).toBe(
      'The run was cancelled. All traffic was moved off fraud-v2 at once. The post step returns endpoint "fraud" to "fraud-v1-config", and releases the endpoint\'s lock.'
    )
  })
})

describe('the post step after a cancel', () => {
  const lock = { endpointName: 'fraud', region: 'us-east-1', name: 'sagemaker-deploy-lock-fraud', token: 'main-token' }

  async function runPostStep(): Promise<void> {
    core.state.isPost = 'true'
    const { run } = await import('../../src/main.js')
    await run({ env: { AWS_REGION: 'us-east-1' }, clock: new FakeClock() })
  }

  it('restores the previous config, deletes the model and configs the run created, then releases the lock', async () => {
    // The promotion had begun: the release config was made before the cancel.
    fake.configs.set('fraud-release', { arn: 'arn:release', tags: {}, variants: [] })
    fake.contexts.seedLock('fraud', { owner: 'https://github.com/acme/x/actions/runs/1', token: 'main-token' })
    core.leaveForPost('rollout', canaryProgress('switch-to-release'))
    core.leaveForPost('created', CREATED)
    core.leaveForPost('lock', lock)

    await runPostStep()

    expect(core.setFailed).not.toHaveBeenCalled()
    expect(fake.endpoint('fraud').config).toBe('fraud-v1-config')
    expect(fake.weights('fraud')).toEqual({ AllTraffic: 100 })
    expect([...fake.models]).toEqual(['fraud-v1'])
    expect([...fake.configs.keys()]).toEqual(['fraud-v1-config'])
    expect(fake.contexts.contexts.size).toBe(0)
    const summary = core.writtenSummaries.join('')
    expect(summary).toContain('back on &quot;fraud-v1-config&quot;')
    // The canary config and the release the progress reached went with the rollback, the model after it.
    expect(changeCalls(aws).map((call) => [call.name, call.input])).toEqual([
      [
        'sagemaker.UpdateEndpointWeightsAndCapacities',
        {
          EndpointName: 'fraud',
          DesiredWeightsAndCapacities: [
            { VariantName: 'AllTraffic', DesiredWeight: 100 },
            { VariantName: 'fraud-v2', DesiredWeight: 0 }
          ]
        }
      ],
      ['sagemaker.UpdateEndpoint', expect.objectContaining({ EndpointConfigName: 'fraud-v1-config' })],
      ['sagemaker.DeleteEndpointConfig', { EndpointConfigName: 'fraud-canary' }],
      ['sagemaker.DeleteEndpointConfig', { EndpointConfigName: 'fraud-release' }],
      ['sagemaker.DeleteModel', { ModelName: 'fraud-v2' }]
    ])
    expect(summary).toContain('Deleted what the cancelled run created and nothing runs on: model &quot;fraud-v2&quot;.')
    expect(core.savedPart('created')).toBe('')
    expect(core.savedPart('lock')).toBe('')
  })

  it('puts back the autoscaling a run took off for an update it did not see through, then releases the lock', async () => {
    // Cancelled while the release changed AllTraffic's instance type: its scaling was off, the update under way.
    const scaling = {
      minCapacity: 2,
      maxCapacity: 6,
      policies: [
        {
          PolicyName: 'sagemaker-deploy-target-tracking',
          PolicyType: 'TargetTrackingScaling',
          TargetTrackingScalingPolicyConfiguration: {
            TargetValue: 70,
            PredefinedMetricSpecification: { PredefinedMetricType: 'SageMakerVariantInvocationsPerInstance' }
          }
        }
      ],
      scheduledActions: []
    }
    const endpoint = fake.endpoint('fraud')
    endpoint.status = 'Updating'
    endpoint.pending = {
      pollsLeft: 2,
      apply: () => {
        endpoint.status = 'InService'
      }
    }
    fake.contexts.seedLock('fraud', { owner: 'https://github.com/acme/x/actions/runs/1', token: 'main-token' })
    core.leaveForPost('scalingOff', {
      endpointName: 'fraud',
      region: 'us-east-1',
      // The update it was cut short in never landed: the endpoint is still on the canary config.
      targetConfig: 'fraud-v1-config',
      moves: [
        { from: 'AllTraffic', to: 'AllTraffic', scaling },
        // Bound for AllTraffic, which the endpoint has too: it goes back where it came from all the same.
        { from: 'fraud-v2', to: 'AllTraffic', scaling: { ...scaling, maxCapacity: 4 } }
      ]
    })
    core.leaveForPost('lock', lock)

    await runPostStep()

    expect(core.setFailed).not.toHaveBeenCalled()
    expect(endpoint.status).toBe('InService')
    expect([...fake.scalableTargets]).toEqual([
      [variantResourceId('fraud', 'AllTraffic'), expect.objectContaining({ min: 2, max: 6 })],
      [variantResourceId('fraud', 'fraud-v2'), expect.objectContaining({ min: 2, max: 4 })]
    ])
    expect(fake.scalingPolicies.get(variantResourceId('fraud', 'AllTraffic'))?.map((p) => p.PolicyName)).toEqual([
      'sagemaker-deploy-target-tracking'
    ])
    // Registered only once the endpoint was InService again, and the lock released last.
    const names = changeCalls(aws).map((call) => call.name)
    expect(names.slice(0, 2)).toEqual(['autoscaling.RegisterScalableTarget', 'autoscaling.PutScalingPolicy'])
    expect(core.writtenSummaries.join('')).toContain(
      'Autoscaling put back on variant &quot;AllTraffic&quot; (2 to 6 instances'
    )
    expect(core.savedPart('scalingOff')).toBe('')
    expect(fake.contexts.contexts.size).toBe(0)
  })

  it('sends no second weight change when the cancelled step already moved the traffic off', async () => {
    const endpoint = fake.endpoint('fraud')
    endpoint.variants = [
      { name: 'AllTraffic', weight: 100, count: 2 },
      { name: 'fraud-v2', weight: 0, count: 2 }
    ]
    core.leaveForPost('rollout', ROLLOUT)

    await runPostStep()

    expect(core.setFailed).not.toHaveBeenCalled()
    expect(fake.endpoint('fraud').config).toBe('fraud-v1-config')
    expect(changeCalls(aws).map((call) => call.name)).toEqual([
      'sagemaker.UpdateEndpoint',
      'sagemaker.DeleteEndpointConfig'
    ])
  })

  it('deletes the model of a run cancelled before its rollout began, leaving the endpoint as it was', async () => {
    const endpoint = fake.endpoint('fraud')
    endpoint.config = 'fraud-v1-config'
    endpoint.variants = [{ name: 'AllTraffic', weight: 1, count: 2 }]
    fake.configs.delete('fraud-canary')
    fake.contexts.seedLock('fraud', { owner: 'https://github.com/acme/x/actions/runs/1', token: 'main-token' })
    core.leaveForPost('created', CREATED)
    core.leaveForPost('lock', lock)

    await runPostStep()

    expect(changeCalls(aws).map((call) => call.name)).toEqual(['sagemaker.DeleteModel'])
    expect([...fake.models]).toEqual(['fraud-v1'])
    expect(fake.endpoint('fraud').config).toBe('fraud-v1-config')
    expect(fake.contexts.contexts.size).toBe(0)
    expect(core.writtenSummaries.join('')).toContain(
      'Deleted what the cancelled run created and nothing runs on: model &quot;fraud-v2&quot;.'
    )
  })
})

describe('the main flow after the cancellation', () => {
  it('sends no more changes: a shift now would undo the handler, and the post step takes the rollout back', async () => {
    const { markCancelled, resetCancelled } = await import('../../src/cancelled.js')
    const { runAction } = await import('../../__fixtures__/action.js')
    fake.seedEndpoint('fraud', 'fraud-canary', [
      { name: 'AllTraffic', weight: 100, count: 2, model: 'fraud-v1' },
      { name: 'fraud-v2', weight: 0, count: 1, model: 'fraud-v2' }
    ])
    markCancelled()
    try {
      const result = await runAction({
        operation: 'update-traffic',
        'endpoint-name': 'fraud',
        'variant-weights': 'AllTraffic=50, fraud-v2=50'
      })

      // Refused, not failed: the handler reports the cancelled run, the post step finishes it.
      expect(result.failed).toBeUndefined()
      expect(result.log).toContain('The post step releases the lock on endpoint "fraud" once it has finished.')
      expect(changeCalls(aws)).toEqual([])
      expect(fake.weights('fraud')).toEqual({ AllTraffic: 100, 'fraud-v2': 0 })
    } finally {
      resetCancelled()
    }
  })
})

describe('a rollout cancelled in its bake', () => {
  it.each([
    ['auto-rollback off', { 'auto-rollback': 'false' }],
    ['a pause at its only step', { 'traffic-steps': '10' }],
    ['auto-rollback on', {}]
  ])('with %s leaves the post step its progress and the lock, and writes no result of its own', async (_, extra) => {
    const { markCancelled, resetCancelled } = await import('../../src/cancelled.js')
    const { runAction } = await import('../../__fixtures__/action.js')
    const { withTraffic, CANARY_DEPLOY } = await import('../../__fixtures__/rollout.js')
    const clock = withTraffic(fake)
    fake.cloudwatch.setBehaviour('fraud-v3', { errorRate: 0.5, latencyP99Ms: 40 })
    clock.at(3 * 60_000, markCancelled)
    try {
      const result = await runAction(
        { ...CANARY_DEPLOY, 'model-name': 'fraud-v3', 'max-error-rate': '1%', ...extra },
        { clock, env: { AWS_REGION: 'us-east-1', GITHUB_REPOSITORY: 'acme/models', GITHUB_RUN_ID: '51' } }
      )

      expect(JSON.parse(core.savedPart('rollout') || '{}')).toMatchObject({ endpointName: 'fraud' })
      expect(core.savedPart('lock')).not.toBe('')
      expect(fake.contexts.contexts.size).toBe(1)
      // The handler writes the run's summary and outputs, once: the main flow, refused, writes none.
      expect(result.summary).toBe('')
      expect(result.outputs['rollout-result']).toBeUndefined()
    } finally {
      resetCancelled()
    }
  })
})
