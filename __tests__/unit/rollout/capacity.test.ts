/**
 * Capacity through a canary: the old variants keep the instances they serve
 * with (autoscaling may have moved them off their config's counts), and the
 * serving variant's autoscaling covers the new model after the release,
 * which keeps the variant's name: it stays registered, unless the instance
 * type changes, which AWS allows only deregistered.
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { RegisterScalableTargetCommand } from '@aws-sdk/client-application-auto-scaling'
import * as core from '../../../__fixtures__/core.js'
import type { FakeClock } from '../../../__fixtures__/clock.js'
import { scalingScope, variantResourceId } from '../../../__fixtures__/autoscaling.js'
import { changeCalls, FakeAws, weightShifts } from '../../../__fixtures__/fake-aws.js'

import { CANARY_DEPLOY, withTraffic } from '../../../__fixtures__/rollout.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, resetAws, runAction } = await import('../../../__fixtures__/action.js')

const canary = { ...CANARY_DEPLOY, 'traffic-steps': '10,100', 'max-error-rate': '1%' }

const SCALE_IN_SUSPENDED = {
  DynamicScalingInSuspended: true,
  DynamicScalingOutSuspended: false,
  ScheduledScalingSuspended: false
}
const NOTHING_SUSPENDED = { ...SCALE_IN_SUSPENDED, DynamicScalingInSuspended: false }

const OLD = variantResourceId('fraud', 'AllTraffic')
const NEW = variantResourceId('fraud', 'fraud-v2')

const invocationsPolicy = {
  PolicyName: 'sagemaker-deploy-target-tracking',
  PolicyType: 'TargetTrackingScaling' as const,
  PolicyARN: 'arn:policy/old',
  TargetTrackingScalingPolicyConfiguration: {
    TargetValue: 70,
    PredefinedMetricSpecification: { PredefinedMetricType: 'SageMakerVariantInvocationsPerInstance' as const },
    ScaleInCooldown: 300,
    ScaleOutCooldown: 60
  }
}

/** A policy on a custom metric that names its variant: the copy must name the variant it now scales. */
const latencyPolicy = {
  PolicyName: 'latency',
  PolicyType: 'TargetTrackingScaling' as const,
  PolicyARN: 'arn:policy/latency',
  TargetTrackingScalingPolicyConfiguration: {
    TargetValue: 200_000,
    CustomizedMetricSpecification: {
      MetricName: 'ModelLatency',
      Namespace: 'AWS/SageMaker',
      Statistic: 'Average' as const,
      Dimensions: [
        { Name: 'EndpointName', Value: 'fraud' },
        { Name: 'VariantName', Value: 'AllTraffic' }
      ]
    },
    ScaleInCooldown: 600,
    ScaleOutCooldown: 30
  }
}

let fake: FakeAws
beforeEach(() => {
  resetAws()
  fake = new FakeAws()
  fake.install(aws)
  clock = withTraffic(fake)
})
let clock: FakeClock

function seedOneVariant(count: number, initialCount: number): void {
  fake.seedEndpoint(
    'fraud',
    'fraud-v1-config',
    [{ name: 'AllTraffic', weight: 1, count, initialCount, model: 'fraud-v1' }],
    { 'sagemaker-deploy:endpoint': 'fraud', 'sagemaker-deploy:role': 'release' }
  )
}

describe('autoscaling through a release', () => {
  beforeEach(() => {
    seedOneVariant(4, 2)
    fake.seedScaling('fraud', 'AllTraffic', { min: 2, max: 6 }, [invocationsPolicy, latencyPolicy])
  })

  it("stays registered on the serving variant's name, which the release gives the new model", async () => {
    const result = await runAction(canary, { clock })

    expect(result.failed).toBeUndefined()
    expect(result.outputs['rollout-result']).toBe('succeeded')
    const calls = changeCalls(aws)
    expect(calls.map((call) => call.name)).toEqual([
      'sagemaker.CreateModel',
      'sagemaker.CreateEndpointConfig',
      // Scale-in suspended before traffic starts to move away from the old variant ...
      'autoscaling.RegisterScalableTarget',
      'sagemaker.UpdateEndpoint',
      'sagemaker.UpdateEndpointWeightsAndCapacities',
      'sagemaker.UpdateEndpointWeightsAndCapacities',
      // ... and resumed before the release: the variant scales on as it did before the rollout.
      'autoscaling.RegisterScalableTarget',
      'sagemaker.CreateEndpointConfig',
      // Only the variant's model changes, which AWS allows a scaled variant: nothing is deregistered.
      'sagemaker.UpdateEndpoint',
      'sagemaker.DeleteEndpointConfig'
    ])
    expect(calls[2]?.input).toEqual({ ...scalingScope(OLD), SuspendedState: SCALE_IN_SUSPENDED })
    expect(calls[6]?.input).toEqual({ ...scalingScope(OLD), SuspendedState: NOTHING_SUSPENDED })

    expect(fake.endpoint('fraud').variants.map((variant) => variant.name)).toEqual(['AllTraffic'])
    expect(fake.configs.get(fake.endpoint('fraud').config)?.variants[0]?.ModelName).toBe('fraud-v2')
    expect([...fake.scalableTargets]).toEqual([[OLD, { min: 2, max: 6, suspended: NOTHING_SUSPENDED }]])
    // The policies as they were, the one whose metric names the variant too: the name now covers the new model.
    expect(fake.scalingPolicies.get(OLD)).toEqual([
      expect.objectContaining(invocationsPolicy),
      expect.objectContaining(latencyPolicy)
    ])
    expect(result.summary).toContain(
      "Autoscaling of variant &quot;AllTraffic&quot; covers the new model: the release kept the variant's name."
    )
  })

  it('is taken off before a release that changes the instance type, and put back on the same name after', async () => {
    const result = await runAction({ ...canary, 'instance-type': 'ml.c5.xlarge' }, { clock })

    expect(result.outputs['rollout-result']).toBe('succeeded')
    // AWS refuses to change a scaled variant's instance type: deregistered first, registered again after.
    expect(
      changeCalls(aws)
        .map((call) => call.name)
        .slice(7)
    ).toEqual([
      'sagemaker.CreateEndpointConfig',
      'autoscaling.DeleteScalingPolicy',
      'autoscaling.DeleteScalingPolicy',
      'autoscaling.DeregisterScalableTarget',
      'sagemaker.UpdateEndpoint',
      'autoscaling.RegisterScalableTarget',
      'autoscaling.PutScalingPolicy',
      'autoscaling.PutScalingPolicy',
      'sagemaker.DeleteEndpointConfig'
    ])
    expect(fake.configs.get(fake.endpoint('fraud').config)?.variants[0]).toMatchObject({
      VariantName: 'AllTraffic',
      InstanceType: 'ml.c5.xlarge'
    })
    expect([...fake.scalableTargets.keys()]).toEqual([OLD])
    expect(fake.scalingPolicies.get(OLD)?.map((policy) => policy.PolicyName)).toEqual([
      'sagemaker-deploy-target-tracking',
      'latency'
    ]) // Saved for a post step before it came off, and cleared once it was back on.
    const saved = core.saveState.mock.calls.map(([, value]) => JSON.parse(String(value)) as { scalingOff?: unknown })
    expect(saved.some((record) => record.scalingOff !== undefined)).toBe(true)
    expect(core.savedPart('scalingOff')).toBe('')
  })

  it('stays on the serving variant when SageMaker rolls the release back', async () => {
    fake.failUpdateTo = { config: (name) => /^fraud-\d{14}-[0-9a-z]{5}$/.test(name), reason: 'Insufficient capacity.' }

    const result = await runAction(canary, { clock })

    expect(result.outputs['rollout-result']).toBe('rolled-back')
    const names = changeCalls(aws).map((call) => call.name)
    expect(names.slice(7)).toEqual([
      'sagemaker.CreateEndpointConfig',
      'sagemaker.UpdateEndpoint',
      'sagemaker.UpdateEndpointWeightsAndCapacities',
      'sagemaker.UpdateEndpoint',
      'sagemaker.DeleteEndpointConfig',
      'sagemaker.DeleteEndpointConfig',
      'sagemaker.DeleteModel'
    ])
    expect(fake.endpoint('fraud').config).toBe('fraud-v1-config')
    expect([...fake.scalableTargets]).toEqual([[OLD, { min: 2, max: 6, suspended: NOTHING_SUSPENDED }]])
    expect(fake.scalingPolicies.get(OLD)?.map((policy) => policy.PolicyName)).toEqual([
      'sagemaker-deploy-target-tracking',
      'latency'
    ])
  })

  it('leaves the old variant registered through a rollback after a failed gate, its scale-in resumed', async () => {
    fake.cloudwatch.setBehaviour('fraud-v2', { errorRate: 0.5, latencyP99Ms: 40 })

    const result = await runAction(canary, { clock })

    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expect(changeCalls(aws).filter((call) => call.name.startsWith('autoscaling.'))).toEqual([
      {
        name: 'autoscaling.RegisterScalableTarget',
        input: { ...scalingScope(OLD), SuspendedState: SCALE_IN_SUSPENDED }
      },
      {
        name: 'autoscaling.RegisterScalableTarget',
        input: { ...scalingScope(OLD), SuspendedState: NOTHING_SUSPENDED }
      }
    ])
    expect(fake.endpoint('fraud').config).toBe('fraud-v1-config')
    expect([...fake.scalableTargets]).toEqual([[OLD, { min: 2, max: 6, suspended: NOTHING_SUSPENDED }]])
  })

  it('keeps scale-in suspended all through the rollout, and not a moment after', async () => {
    const suspended: Array<boolean | undefined> = []
    const look = (): number => suspended.push(fake.scalableTargets.get(OLD)?.suspended?.DynamicScalingInSuspended)
    clock.at(5 * 60_000, look)
    clock.at(20 * 60_000, look)

    const result = await runAction({ ...canary, 'traffic-steps': '10,50' }, { clock })

    expect(result.outputs['rollout-result']).toBe('paused')
    expect(suspended).toEqual([true, true])
    // Paused is a resting state: autoscaling is the variant's own again until promote suspends it anew.
    expect(fake.scalableTargets.get(OLD)?.suspended?.DynamicScalingInSuspended).toBe(false)
  })

  it('has saved what it suspends before the suspension is sent: a run cancelled meanwhile leaves the post step what to resume', async () => {
    let savedWhileSending: string | undefined
    aws.autoscaling.on(RegisterScalableTargetCommand).callsFakeOnce(() => {
      savedWhileSending = core.savedPart('rollout')
      throw Object.assign(new Error('socket hang up'), { name: 'TimeoutError' })
    })

    await runAction(canary, { clock })

    expect(JSON.parse(savedWhileSending ?? '{}')).toMatchObject({
      rollout: {
        newVariant: 'fraud-v2',
        held: [{ variant: 'AllTraffic', instances: 4, before: NOTHING_SUSPENDED }]
      }
    })
  })

  it('resumes scale-in when SageMaker rolls back the update that adds the canary', async () => {
    fake.failUpdateTo = { config: (name) => name.endsWith('-canary'), reason: 'The ping health check failed.' }

    const result = await runAction(canary, { clock })

    expect(result.outputs['rollout-result']).toBe('failed')
    expect(fake.endpoint('fraud').config).toBe('fraud-v1-config')
    const suspensions = changeCalls(aws)
      .filter((call) => call.name === 'autoscaling.RegisterScalableTarget')
      .map((call) => call.input.SuspendedState)
    expect(suspensions).toEqual([SCALE_IN_SUSPENDED, NOTHING_SUSPENDED])
    expect(fake.scalableTargets.get(OLD)?.suspended).toEqual(NOTHING_SUSPENDED)
  })

  it('leaves a scale-in the user suspended as it was', async () => {
    fake.scalableTargets.set(OLD, { min: 2, max: 6, suspended: { DynamicScalingInSuspended: true } })

    const result = await runAction(canary, { clock })

    // Said, since nothing else says it: a run whose post step GitHub stopped leaves scale-in suspended like this.
    const warning = result.log.find((line) =>
      line.startsWith('::warning::Scale-in of variant "AllTraffic" was suspended already')
    )
    expect(warning).toContain(
      '--resource-id endpoint/fraud/variant/AllTraffic --suspended-state DynamicScalingInSuspended=false'
    )

    // Nothing suspended or resumed on the old variant: the user's suspension is theirs ...
    expect(
      changeCalls(aws).filter(
        (call) => call.name === 'autoscaling.RegisterScalableTarget' && call.input.ResourceId === OLD
      )
    ).toEqual([])
    // ... and it stays with the scaling, on the name the new model now serves under.
    expect(fake.scalableTargets.get(OLD)?.suspended).toEqual({ DynamicScalingInSuspended: true })
    expect(fake.scalableTargets.has(NEW)).toBe(false)
  })
})

/**
 * blue on 4 instances and green on 3, at 50/50, both down to one a minute into a rollout of a failing fraud-v2:
 * the rollback must regrow them.
 */
function seedBlueAndGreenThatShrink(): void {
  fake.seedEndpoint(
    'fraud',
    'fraud-v1-config',
    [
      { name: 'blue', weight: 50, count: 4, model: 'fraud-v1' },
      { name: 'green', weight: 50, count: 3, model: 'fraud-v1' }
    ],
    { 'sagemaker-deploy:endpoint': 'fraud', 'sagemaker-deploy:role': 'release' }
  )
  fake.cloudwatch.setBehaviour('fraud-v2', { errorRate: 0.5, latencyP99Ms: 40 })
  clock.at(60_000, () => {
    for (const variant of fake.endpoint('fraud').variants) if (variant.name !== 'fraud-v2') variant.count = 1
  })
}

describe('serving capacity', () => {
  it('gives the old variant the five instances it serves with, not the one its config says', async () => {
    seedOneVariant(5, 1)

    const result = await runAction(canary, { clock })

    expect(result.failed).toBeUndefined()
    const calls = changeCalls(aws)
    expect(calls[1]?.input).toMatchObject({
      ProductionVariants: [
        { VariantName: 'AllTraffic', InitialInstanceCount: 5, InitialVariantWeight: 100 },
        // The new variant too: it will take all the traffic the five serve now.
        { VariantName: 'fraud-v2', InitialInstanceCount: 5, InitialVariantWeight: 0 }
      ]
    })
    // No step changed the old variant's count.
    for (const call of calls.filter((entry) => entry.name === 'sagemaker.UpdateEndpointWeightsAndCapacities')) {
      expect(JSON.stringify(call.input)).not.toContain('DesiredInstanceCount')
    }
  })

  it('keeps the five instances serving while the canary runs', async () => {
    seedOneVariant(5, 1)
    const counts: number[] = []
    // Half-way through the 10% step.
    clock.at(5 * 60_000, () => counts.push(...fake.endpoint('fraud').variants.map((variant) => variant.count)))

    await runAction({ ...canary, 'traffic-steps': '10,50' }, { clock })

    expect(counts).toEqual([5, 5])
    expect(fake.endpoint('fraud').variants).toEqual([
      { name: 'AllTraffic', weight: 50, count: 5 },
      { name: 'fraud-v2', weight: 50, count: 5 }
    ])
  })

  it('returns the old variant to its five instances after a rollback even when it shrank during the rollout', async () => {
    seedOneVariant(5, 1)
    fake.cloudwatch.setBehaviour('fraud-v2', { errorRate: 0.5, latencyP99Ms: 40 })
    // Something else (a person, a scheduled action) takes two instances away half-way through the 10% step.
    clock.at(60_000, () => {
      const old = fake.endpoint('fraud').variants.find((variant) => variant.name === 'AllTraffic')
      if (old) old.count = 3
    })

    const result = await runAction(canary, { clock })

    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expect(fake.endpoint('fraud').variants).toEqual([{ name: 'AllTraffic', weight: expect.any(Number), count: 5 }])
    const restore = changeCalls(aws).findLast((call) => call.name === 'sagemaker.UpdateEndpointWeightsAndCapacities')
    expect(restore?.input).toEqual({
      EndpointName: 'fraud',
      DesiredWeightsAndCapacities: [{ VariantName: 'AllTraffic', DesiredInstanceCount: 5 }]
    })
    expect(result.summary).toContain('had shrunk during the rollout')
  })

  it('regrows two serving variants that shrank one call each: the API changes one capacity at a time', async () => {
    seedBlueAndGreenThatShrink()

    const result = await runAction(canary, { clock })

    expect(result.outputs['rollout-result']).toBe('rolled-back')
    const regrown = changeCalls(aws)
      .filter((call) => call.name === 'sagemaker.UpdateEndpointWeightsAndCapacities')
      .filter((call) => JSON.stringify(call.input).includes('DesiredInstanceCount'))
      .map((call) => call.input.DesiredWeightsAndCapacities)
    expect(regrown).toEqual([
      [{ VariantName: 'blue', DesiredInstanceCount: 4 }],
      [{ VariantName: 'green', DesiredInstanceCount: 3 }]
    ])
    expect(fake.endpoint('fraud').variants.map((variant) => [variant.name, variant.count])).toEqual([
      ['blue', 4],
      ['green', 3]
    ])
  })

  it('regrows the other variants, and warns, when SageMaker cannot regrow one', async () => {
    seedBlueAndGreenThatShrink()
    // Out of ml.m5.large capacity, say: blue's regrow is rolled back.
    fake.rollsBackWeightChange = (desired) =>
      desired.some((entry) => entry.VariantName === 'blue' && entry.DesiredInstanceCount !== undefined)

    const result = await runAction(canary, { clock })

    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expect(fake.endpoint('fraud').config).toBe('fraud-v1-config')
    expect(fake.endpoint('fraud').variants.map((variant) => [variant.name, variant.count])).toEqual([
      ['blue', 1],
      ['green', 3]
    ])
    expect(result.log).toContainEqual(
      expect.stringMatching(
        /^::warning::Could not return variant "blue" to 4 instances: SageMaker did not make restoring/
      )
    )
  })

  it('gives the old variant back the instances it served with when a failed gate rolls back', async () => {
    seedOneVariant(5, 1)
    fake.cloudwatch.setBehaviour('fraud-v2', { errorRate: 0.5, latencyP99Ms: 40 })

    const result = await runAction(canary, { clock })

    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expect(fake.endpoint('fraud').config).toBe('fraud-v1-config')
    // Back to all traffic on the old variant: it needs every instance it had before the canary.
    expect(fake.endpoint('fraud').variants).toEqual([{ name: 'AllTraffic', weight: expect.any(Number), count: 5 }])
  })

  it('keeps two serving variants at 70/30 to each other as the new variant grows', async () => {
    fake.seedEndpoint(
      'fraud',
      'fraud-ab-config',
      [
        { name: 'ModelA', weight: 70, count: 2, model: 'fraud-a' },
        { name: 'ModelB', weight: 30, count: 1, model: 'fraud-b' }
      ],
      { 'sagemaker-deploy:endpoint': 'fraud', 'sagemaker-deploy:role': 'release' }
    )

    const result = await runAction({ ...canary, 'traffic-steps': '10,50,100' }, { clock })

    expect(result.failed).toBeUndefined()
    const calls = changeCalls(aws)
    expect(calls[1]?.input).toMatchObject({
      ProductionVariants: [
        { VariantName: 'ModelA', ModelName: 'fraud-a', InitialInstanceCount: 2, InitialVariantWeight: 70 },
        { VariantName: 'ModelB', ModelName: 'fraud-b', InitialInstanceCount: 1, InitialVariantWeight: 30 },
        { VariantName: 'fraud-v2', InitialVariantWeight: 0 }
      ]
    })
    const shifts = weightShifts(calls)
    expect(shifts).toEqual([
      { ModelA: 63, ModelB: 27, 'fraud-v2': 10 },
      { ModelA: 35, ModelB: 15, 'fraud-v2': 50 },
      { ModelA: 0, ModelB: 0, 'fraud-v2': 100 }
    ])
    for (const shift of shifts.slice(0, 2))
      expect((shift.ModelA as number) / (shift.ModelB as number)).toBeCloseTo(7 / 3)
    // Released under the name that served the larger share: ModelA's.
    expect(fake.endpoint('fraud').variants.map((variant) => variant.name)).toEqual(['ModelA'])
    expect(fake.configs.has('fraud-ab-config')).toBe(true)
  })
})
