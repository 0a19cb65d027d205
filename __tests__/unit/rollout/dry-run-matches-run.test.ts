/**
 * A dry run prints the plan the run carries out: for every strategy,
 * controller and operation that changes an endpoint, the dry run's calls
 * (recorded through ctx.change) are the real run's, in the same order,
 * against the same stateful fake. So are those of every rollback plan, from
 * each point a rollback starts from.
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '../../../__fixtures__/core.js'
import { changeCalls, FakeAws } from '../../../__fixtures__/fake-aws.js'
import type { FakeClock } from '../../../__fixtures__/clock.js'
import { CANARY_DEPLOY, canaryProgress, seedServingEndpoint, withTraffic } from '../../../__fixtures__/rollout.js'
import type { OperationContext as Context } from '../../../src/context.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, resetAws, runAction } = await import('../../../__fixtures__/action.js')
const { OperationContext } = await import('../../../src/context.js')
const { createAwsClients } = await import('../../../src/aws/clients.js')
const { newReport } = await import('../../../src/report.js')
const { rollBack, switchBack } = await import('../../../src/rollout/executor.js')

let fake: FakeAws
let clock: FakeClock

function freshFake(): void {
  resetAws()
  fake = new FakeAws()
  seedServingEndpoint(fake, 4)
  fake.alarms.set('fraud-5xx', 'OK')
  fake.install(aws)
  clock = withTraffic(fake)
}

/** The calls a dry run would make, as its log lists them. */
function plannedCalls(log: string[]): string[] {
  return log.flatMap((line) => {
    const call = /^\[dry-run\] would call (\w+) on /.exec(line)
    return call ? [call[1] as string] : []
  })
}

/** The calls the run made; of the verdicts it published, the first (the heartbeats after it change nothing). */
function madeCalls(): string[] {
  return changeCalls(aws)
    .map((call) => call.name.replace(/^\w+\./, ''))
    .filter((name, index, all) => name !== 'PutMetricData' || all.indexOf(name) === index)
}

/** The rollback plan a run printed, move by move; a canary config's name, unique to each deploy, as one. */
function rollbackPlan(log: string[]): string[] {
  return log
    .filter((line) => line.startsWith('Rollback plan:'))
    .flatMap((line) => line.split('\n').slice(1))
    .map((line) => line.replace(/fraud-\d+-\w+-canary/g, '<canary config>'))
}

/** The variant names of each config the dry run would create, from the requests its log shows. */
function plannedConfigVariants(log: string[]): string[][] {
  return log.flatMap((line) => {
    const call = /^\[dry-run\] would call CreateEndpointConfig on [^:]*: (.*)$/.exec(line)
    if (!call) return []
    const input = JSON.parse(call[1] as string) as { ProductionVariants: Array<{ VariantName: string }> }
    return [input.ProductionVariants.map((variant) => variant.VariantName)]
  })
}

/** The variant names of each config the run created. */
function madeConfigVariants(): string[][] {
  return changeCalls(aws)
    .filter((call) => call.name === 'sagemaker.CreateEndpointConfig')
    .map((call) => (call.input.ProductionVariants as Array<{ VariantName: string }>).map((v) => v.VariantName))
}

/**
 * Dry run first, then the same inputs for real on a fresh endpoint: the same
 * calls in the same order, and configs of the same variants (the release's
 * named after the serving variant in both).
 */
async function expectDryRunToMatch(
  inputs: Record<string, string>,
  before?: () => Promise<void>
): Promise<{ planned: string[]; dryLog: string[]; realLog: string[] }> {
  freshFake()
  if (before) await before()
  for (const client of Object.values(aws)) client.resetHistory()
  const dry = await runAction({ ...inputs, 'dry-run': 'true' }, { clock })
  expect(dry.failed).toBeUndefined()
  expect(madeCalls()).toEqual([])
  const planned = plannedCalls(dry.log)
  const plannedVariants = plannedConfigVariants(dry.log)

  freshFake()
  if (before) await before()
  for (const client of Object.values(aws)) client.resetHistory()
  const real = await runAction(inputs, { clock })
  expect(real.failed).toBeUndefined()
  expect(planned).toEqual(madeCalls())
  expect(plannedVariants).toEqual(madeConfigVariants())
  return { planned, dryLog: dry.log, realLog: real.log }
}

const gates = { 'max-error-rate': '1%', 'bake-time': '4m', 'gate-interval': '2m' }

beforeEach(() => freshFake())

describe('a dry run plans the calls its run makes', () => {
  it.each([
    ['canary', { strategy: 'canary', 'traffic-steps': '10,100' }],
    ['linear', { strategy: 'linear', 'traffic-steps': '25,50,75,100' }],
    ['a canary that pauses', { strategy: 'canary', 'traffic-steps': '10' }],
    ['a shadow phase, then a canary', { strategy: 'canary', 'traffic-steps': '10,100', 'shadow-percent': '50' }],
    ['all-at-once', { strategy: 'all-at-once', 'traffic-steps': '100' }]
  ])('deploy, %s, run by the action', async (_name, strategy) => {
    const { planned } = await expectDryRunToMatch({ ...CANARY_DEPLOY, ...gates, ...strategy })
    expect(planned).toContain('UpdateEndpoint')
  })

  // The serving variant's scale-in is suspended for the rollout and given back at its end: both are planned.
  const scaled = async (): Promise<void> => {
    fake.seedScaling('fraud', 'AllTraffic', { min: 2, max: 6 }, [
      { PolicyName: 'cpu', PolicyARN: 'arn:policy/cpu', PolicyType: 'TargetTrackingScaling' }
    ])
  }

  it.each([
    ['released, keeping its instance type: the scaling stays registered', {}],
    ['released on another instance type: the scaling comes off and goes back on', { 'instance-type': 'ml.c5.xlarge' }],
    ['paused', { 'traffic-steps': '10' }]
  ])('deploy, canary onto a scaled serving variant, %s', async (_name, inputs) => {
    const { planned } = await expectDryRunToMatch(
      { ...CANARY_DEPLOY, ...gates, 'traffic-steps': '10,100', ...inputs },
      scaled
    )
    expect(planned.filter((call) => call === 'RegisterScalableTarget').length).toBe('instance-type' in inputs ? 3 : 2)
    expect(planned.includes('DeregisterScalableTarget')).toBe('instance-type' in inputs)
  })

  it('promote from a pause, on a scaled serving variant', async () => {
    const pause = async (): Promise<void> => {
      await scaled()
      const paused = await runAction({ ...CANARY_DEPLOY, ...gates, 'traffic-steps': '10' }, { clock })
      expect(paused.outputs['rollout-result']).toBe('paused')
    }
    const { planned } = await expectDryRunToMatch({ operation: 'promote', 'endpoint-name': 'fraud', ...gates }, pause)
    expect(planned.filter((call) => call === 'RegisterScalableTarget')).toHaveLength(2)
  })

  it('deploy of an existing model as it is', async () => {
    const existing = async (): Promise<void> => {
      fake.models.add('fraud-trained')
    }
    const { 'image-uri': _image, 'execution-role-arn': _role, ...withoutModelInputs } = CANARY_DEPLOY
    const { planned } = await expectDryRunToMatch(
      { ...withoutModelInputs, 'model-name': 'fraud-trained', ...gates, 'traffic-steps': '10,100' },
      existing
    )
    expect(planned).not.toContain('CreateModel')
    expect(planned).toContain('UpdateEndpoint')
  })

  it.each(['canary', 'linear', 'all-at-once', 'rolling'])('deploy, %s, run by SageMaker', async (strategy) => {
    // As long as SageMaker's bakes: the action judges the new fleet while it serves.
    const lasting = async (): Promise<void> => {
      fake.transitionMs = { Updating: 40 * 60_000 }
    }
    const { planned } = await expectDryRunToMatch(
      {
        ...CANARY_DEPLOY,
        'rollout-controller': 'sagemaker',
        strategy,
        'traffic-steps': strategy === 'linear' ? '25,50,75,100' : strategy === 'canary' ? '25,100' : '100',
        ...(strategy === 'rolling' ? { 'batch-size': '1' } : {}),
        'bake-time': '5m',
        timeout: '2h',
        'alarm-names': 'fraud-5xx',
        'max-error-rate': '1%'
      },
      lasting
    )
    expect(planned).toEqual(
      expect.arrayContaining(['CreateModel', 'CreateEndpointConfig', 'PutMetricAlarm', 'UpdateEndpoint'])
    )
  })

  const pause = async (): Promise<void> => {
    const paused = await runAction({ ...CANARY_DEPLOY, ...gates, 'traffic-steps': '10' }, { clock })
    expect(paused.outputs['rollout-result']).toBe('paused')
  }

  it('promote from a pause', async () => {
    const { planned } = await expectDryRunToMatch({ operation: 'promote', 'endpoint-name': 'fraud', ...gates }, pause)
    expect(planned).toContain('UpdateEndpointWeightsAndCapacities')
  })

  it('rollback of a paused canary, printing the plan it carries out', async () => {
    const { planned, dryLog, realLog } = await expectDryRunToMatch(
      { operation: 'rollback', 'endpoint-name': 'fraud' },
      pause
    )
    expect(planned).toEqual(['UpdateEndpointWeightsAndCapacities', 'UpdateEndpoint', 'DeleteEndpointConfig'])
    expect(rollbackPlan(dryLog)).toHaveLength(3)
    expect(rollbackPlan(dryLog)).toEqual(rollbackPlan(realLog))
  })

  it.each([
    ['rollback', { operation: 'rollback', 'endpoint-name': 'fraud', 'endpoint-config-name': 'fraud-v1-config' }],
    ['update-traffic', { operation: 'update-traffic', 'endpoint-name': 'fraud', 'variant-weights': 'AllTraffic=100' }],
    ['update-capacity', { operation: 'update-capacity', 'endpoint-name': 'fraud', 'instance-count': '6' }],
    [
      'configure-autoscaling',
      {
        operation: 'configure-autoscaling',
        'endpoint-name': 'fraud',
        'min-capacity': '2',
        'max-capacity': '8',
        'scaling-metric': 'InvocationsPerInstance',
        'target-value': '100'
      }
    ],
    ['delete', { operation: 'delete', 'endpoint-name': 'fraud', 'delete-model': 'true' }],
    ['delete-autoscaling', { operation: 'delete-autoscaling', 'endpoint-name': 'fraud' }]
  ])('%s', async (name, inputs) => {
    const before: Record<string, () => Promise<void>> = {
      rollback: async () => {
        const deployed = await runAction(
          { ...CANARY_DEPLOY, strategy: 'all-at-once', 'traffic-steps': '100' },
          { clock }
        )
        expect(deployed.failed).toBeUndefined()
      },
      // Something to delete: the variant registered with a policy.
      'delete-autoscaling': async () => {
        fake.seedScaling('fraud', 'AllTraffic', { min: 1, max: 4 }, [
          { PolicyName: 'cpu', PolicyARN: 'arn:policy/cpu', PolicyType: 'TargetTrackingScaling' }
        ])
      }
    }
    const { planned } = await expectDryRunToMatch(inputs, before[name])
    expect(planned.length).toBeGreaterThan(0)
  })
})

describe("a rollback plan's dry run plans the calls its run makes, from each point a rollback starts", () => {
  /** The serving variant's capacity as a canary held it: its 4 instances, its scale-in left alone. */
  const held = [{ variant: 'AllTraffic', instances: 4 }]

  function context(dryRun: boolean): Context {
    return new OperationContext(
      { endpointName: 'fraud', region: 'us-east-1', waitForCompletion: true, timeoutMs: 3_600_000, dryRun },
      createAwsClients('us-east-1'),
      clock,
      newReport('deploy', 'fraud', 'us-east-1', dryRun, clock.now())
    )
  }

  /** The same rollback from the same starting point, rehearsed and then carried out on a fresh endpoint. */
  async function expectRollbackDryRunToMatch(
    seed: () => void,
    rollBackWith: (ctx: Context) => Promise<unknown>
  ): Promise<string[]> {
    const runs: Array<{ calls: string[]; plan: string[] }> = []
    for (const dryRun of [true, false]) {
      freshFake()
      seed()
      for (const client of Object.values(aws)) client.resetHistory()
      core.resetCore({})
      const ctx = context(dryRun)
      await rollBackWith(ctx)
      runs.push({
        calls: dryRun ? ctx.report.changes.map((change) => change.api) : madeCalls(),
        plan: rollbackPlan(core.log)
      })
      if (dryRun) expect(madeCalls()).toEqual([])
    }
    const [dry, real] = runs as [{ calls: string[]; plan: string[] }, { calls: string[]; plan: string[] }]
    expect(dry.calls).toEqual(real.calls)
    expect(dry.plan).toEqual(real.plan)
    return dry.calls
  }

  /** fraud-v2 beside the serving AllTraffic on the canary config, at `weight`% of the traffic. */
  function seedCanary(weight: number): void {
    fake.seedEndpoint('fraud', 'fraud-canary', [
      { name: 'AllTraffic', weight: 100 - weight, count: 4, model: 'fraud-v1' },
      { name: 'fraud-v2', weight, count: 2, model: 'fraud-v2' }
    ])
  }

  it('a canary whose gate failed at 10%', async () => {
    const calls = await expectRollbackDryRunToMatch(
      () => seedCanary(10),
      (ctx) => rollBack(ctx, canaryProgress('judge-step', { held }))
    )
    expect(calls).toEqual(['UpdateEndpointWeightsAndCapacities', 'UpdateEndpoint', 'DeleteEndpointConfig'])
  })

  it('a canary whose release failed, leaving its release config', async () => {
    const calls = await expectRollbackDryRunToMatch(
      () => {
        seedCanary(100)
        fake.configs.set('fraud-release', { arn: 'arn:release', tags: {}, variants: [] })
      },
      (ctx) => rollBack(ctx, canaryProgress('switch-to-release', { held }))
    )
    expect(calls).toEqual([
      'UpdateEndpointWeightsAndCapacities',
      'UpdateEndpoint',
      'DeleteEndpointConfig',
      'DeleteEndpointConfig'
    ])
  })

  it('a canary whose join SageMaker undid', async () => {
    const calls = await expectRollbackDryRunToMatch(
      () => {
        seedCanary(0)
        seedServingEndpoint(fake, 4)
      },
      (ctx) => rollBack(ctx, canaryProgress('join', { held }))
    )
    expect(calls).toEqual(['DeleteEndpointConfig'])
  })

  it('the post step of a canary whose cancel moved the traffic off', async () => {
    const calls = await expectRollbackDryRunToMatch(
      () => seedCanary(0),
      (ctx) => rollBack(ctx, canaryProgress('judge-step', { held }))
    )
    expect(calls).toEqual(['UpdateEndpoint', 'DeleteEndpointConfig'])
  })

  it('an all-at-once switch the gates failed, or a deployment SageMaker completed that they could not pass', async () => {
    const calls = await expectRollbackDryRunToMatch(
      () => {
        fake.seedEndpoint('fraud', 'fraud-v2-config', [{ name: 'fraud-v2', weight: 1, count: 4, model: 'fraud-v2' }])
        // Its autoscaling goes back with the traffic, onto the variant it returns to.
        fake.seedScaling('fraud', 'fraud-v2', { min: 2, max: 6 })
      },
      (ctx) => switchBack(ctx, 'fraud-v1-config')
    )
    expect(calls).toEqual(['DeregisterScalableTarget', 'UpdateEndpoint', 'RegisterScalableTarget'])
  })
})
