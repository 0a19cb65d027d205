// Progressive rollouts run by the action, through the bundled action against
// the emulator: a canary promoted, a canary rolled back by an alarm that fires
// as traffic reaches it, a deploy refused against a firing alarm, a dark first
// step that rolls back a model answering wrong before users reach it, and a
// canary paused then promoted. The gates here are probes and alarms that fire: both
// judge at once. Gates that must wait for CloudWatch minutes are exercised in
// evidence.test.ts, side by side.

import { describe, expect, it } from '@jest/globals'
import {
  DescribeScalableTargetsCommand,
  DescribeScalingPoliciesCommand,
  DescribeScheduledActionsCommand,
  PutScalingPolicyCommand,
  PutScheduledActionCommand,
  RegisterScalableTargetCommand
} from '@aws-sdk/client-application-auto-scaling'
import { seedModelAndEndpoint, setAlarm, type ActionRun, savedForPost } from './harness.js'
import {
  annotations,
  configModels,
  configTags,
  currentWeights,
  describeEndpoint,
  expectFailure,
  expectSuccess,
  image,
  inventory,
  jsonOutput,
  resultOf,
  summaryTable,
  useScenario,
  warningAnnotations
} from './scenario.js'

const s = useScenario()

const ENDPOINT = 'fraud'
const ALARM = 'fraud-5xx'
const NEW_MODEL = 'fraud-m2'
/** The seeded endpoint: one AllTraffic variant on two instances. */
const SEED_CONFIG = `${ENDPOINT}-seed-config`
const SEED_MODEL = `${ENDPOINT}-alltraffic-model`

/** Two gate evaluations a step. */
const FAST = { 'bake-time': '2s', 'gate-interval': '1s' }
/** Probes are evidence of their own: a step judged by them alone ends at bake-time. */
const PROBED = { 'probe-payload': '{"amount": 12.5}' }

async function seed(): Promise<void> {
  await seedModelAndEndpoint(s.aws.sagemaker, {
    endpointName: ENDPOINT,
    variants: [{ variantName: 'AllTraffic', instanceCount: 2 }]
  })
}

function canary(inputs: Record<string, string>, onOutput?: (line: string) => void): Promise<ActionRun> {
  return s.deploy(
    ENDPOINT,
    { 'image-uri': image('2.0.0'), 'model-name': NEW_MODEL, strategy: 'canary', ...FAST, ...inputs },
    onOutput ? { onOutput: (line) => onOutput(line) } : {}
  )
}

/** The weight a step's traffic shift has just settled at, from the action's log. */
const SHIFT_DONE = /Endpoint "fraud" is InService \(.* into the shift to (\d+)%\)/

/** Collects work started from output hooks so a test can await it and see its errors. */
function background(): { add(work: Promise<unknown>): void; settle(): Promise<void> } {
  const pending: Array<Promise<unknown>> = []
  return {
    add: (work) => void pending.push(work),
    settle: async () => {
      await Promise.all(pending)
    }
  }
}

async function expectBackOnSeedConfig(): Promise<void> {
  const endpoint = await describeEndpoint(s.aws, ENDPOINT)
  expect(endpoint).toMatchObject({ EndpointStatus: 'InService', EndpointConfigName: SEED_CONFIG })
  expect(endpoint.ProductionVariants?.map((v) => [v.VariantName, v.CurrentWeight, v.CurrentInstanceCount])).toEqual([
    ['AllTraffic', 1, 2]
  ])
  const { configs, models } = await inventory(s.aws)
  expect(configs).toEqual([SEED_CONFIG])
  expect(models).toContain(SEED_MODEL)
}

describe('canary rollout', () => {
  it('promotes a canary through 10, 50 and 100%, its probes passing, under the serving name and its autoscaling, schedules included', async () => {
    await seed()
    const target = {
      ServiceNamespace: 'sagemaker' as const,
      ScalableDimension: 'sagemaker:variant:DesiredInstanceCount' as const
    }
    await s.aws.autoscaling.send(
      new RegisterScalableTargetCommand({
        ...target,
        ResourceId: `endpoint/${ENDPOINT}/variant/AllTraffic`,
        MinCapacity: 2,
        MaxCapacity: 6
      })
    )
    await s.aws.autoscaling.send(
      new PutScalingPolicyCommand({
        ...target,
        ResourceId: `endpoint/${ENDPOINT}/variant/AllTraffic`,
        PolicyName: 'invocations',
        PolicyType: 'TargetTrackingScaling',
        TargetTrackingScalingPolicyConfiguration: {
          TargetValue: 700,
          PredefinedMetricSpecification: { PredefinedMetricType: 'SageMakerVariantInvocationsPerInstance' }
        }
      })
    )
    const mornings = {
      ScheduledActionName: 'weekday-mornings',
      Schedule: 'cron(0 8 ? * MON-FRI *)',
      Timezone: 'Europe/Paris',
      StartTime: new Date('2027-01-04T00:00:00Z'),
      ScalableTargetAction: { MinCapacity: 3, MaxCapacity: 6 }
    }
    await s.aws.autoscaling.send(
      new PutScheduledActionCommand({ ...target, ResourceId: `endpoint/${ENDPOINT}/variant/AllTraffic`, ...mornings })
    )

    const work = background()
    const seen: Record<string, Record<string, number | undefined>> = {}
    const run = await canary({ 'traffic-steps': '10,50,100', ...PROBED }, (line) => {
      const shifted = SHIFT_DONE.exec(line)
      if (shifted) {
        const weight = shifted[1] ?? ''
        work.add(describeEndpoint(s.aws, ENDPOINT).then((endpoint) => (seen[weight] = currentWeights(endpoint))))
      }
    })
    await work.settle()
    expectSuccess(run)

    const release = run.outputs['endpoint-config-name'] ?? ''
    expect(run.outputs).toMatchObject({
      'endpoint-status': 'InService',
      'previous-endpoint-config-name': SEED_CONFIG,
      'model-name': NEW_MODEL,
      'variant-name': 'AllTraffic',
      'rollout-result': 'succeeded',
      'rolled-back': 'false',
      healthy: 'true'
    })
    expect(jsonOutput(run, 'variant-weights')).toEqual({ AllTraffic: 100 })
    expect(seen).toEqual({
      '10': { AllTraffic: 90, [NEW_MODEL]: 10 },
      '50': { AllTraffic: 50, [NEW_MODEL]: 50 },
      '100': { AllTraffic: 0, [NEW_MODEL]: 100 }
    })

    expect(run.summary).toContain(`<h2>✅ deploy succeeded: ${ENDPOINT}</h2>`)
    expect(run.summary).toContain('<h3>Rollout (canary, gates judged by the action)</h3>')
    const steps = summaryTable(run.summary, 'Step').map((row) => row.filter((_, i) => i !== 2))
    expect(steps).toEqual([
      ['1', '10%', '—', '—', '—', 'none set', '1/1', '2 passed', '✅ passed'],
      ['2', '50%', '—', '—', '—', 'none set', '1/1', '2 passed', '✅ passed'],
      ['3', '100%', '—', '—', '—', 'none set', '1/1', '2 passed', '✅ passed']
    ])
    expect(run.summary).toContain('bar [10, 50, 100]')
    // The new model serves under the old variant's name, with the two instances it served with, not the defaults.
    expect(summaryTable(run.summary, 'Variant')).toEqual([['AllTraffic', NEW_MODEL, 'ml.m5.large', '2', '100%']])
    // The payload may hold real data: it is never shown.
    expect(run.stdout + run.summary).not.toContain('12.5')

    const endpoint = await describeEndpoint(s.aws, ENDPOINT)
    expect(endpoint).toMatchObject({ EndpointStatus: 'InService', EndpointConfigName: release })
    expect(Object.keys(currentWeights(endpoint))).toEqual(['AllTraffic'])
    expect(await configModels(s.aws, release)).toEqual({ AllTraffic: NEW_MODEL })
    expect(await configTags(s.aws, release)).toMatchObject({
      'sagemaker-deploy:role': 'release',
      'sagemaker-deploy:previous-config': SEED_CONFIG
    })
    // The side-by-side canary config is gone; the seed config stays for rollback.
    expect(await inventory(s.aws)).toEqual({
      models: [SEED_MODEL, NEW_MODEL].sort(),
      configs: [SEED_CONFIG, release].sort(),
      endpoints: [ENDPOINT]
    })

    // One probe per evaluation, each sent to the new variant alone.
    const probes = await s.control.invocations()
    expect(probes).toHaveLength(6)
    expect(probes.every((p) => p.targetVariant === NEW_MODEL && p.variant === NEW_MODEL && p.status === 200)).toBe(true)

    // Scale-in was held for the rollout and given back; the scaling stayed on the name the new model took.
    expect(run.stdout).toContain('Scale-in of variant "AllTraffic" is suspended for the rollout, at 2 instances.')
    expect(run.stdout).not.toContain('DeregisterScalableTarget')
    const targets = await s.aws.autoscaling.send(new DescribeScalableTargetsCommand({ ServiceNamespace: 'sagemaker' }))
    expect(targets.ScalableTargets?.map((t) => [t.ResourceId, t.MinCapacity, t.MaxCapacity])).toEqual([
      [`endpoint/${ENDPOINT}/variant/AllTraffic`, 2, 6]
    ])
    expect(targets.ScalableTargets?.[0]?.SuspendedState?.DynamicScalingInSuspended ?? false).toBe(false)
    const policies = await s.aws.autoscaling.send(new DescribeScalingPoliciesCommand({ ServiceNamespace: 'sagemaker' }))
    expect(policies.ScalingPolicies?.map((p) => [p.ResourceId, p.PolicyName])).toEqual([
      [`endpoint/${ENDPOINT}/variant/AllTraffic`, 'invocations']
    ])
    const scheduled = await s.aws.autoscaling.send(
      new DescribeScheduledActionsCommand({ ServiceNamespace: 'sagemaker' })
    )
    expect(scheduled.ScheduledActions).toEqual([
      expect.objectContaining({ ...mornings, ResourceId: `endpoint/${ENDPOINT}/variant/AllTraffic` })
    ])
    expect(savedForPost(run.state, 'rollout')).toBe('')
  })

  it('refuses to deploy against an alarm already in ALARM, and creates nothing', async () => {
    await seed()
    await setAlarm(s.aws.cloudwatch, ALARM, 'ALARM', 'Threshold crossed: 12 5XX errors')
    const before = await inventory(s.aws)

    const run = await canary({ 'traffic-steps': '10,50,100', 'alarm-names': ALARM })

    expect(expectFailure(run)).toEqual([
      `Input "alarm-names": "${ALARM}" (Threshold crossed: 12 5XX errors) is already in ALARM, so the new model could not pass its gates; nothing was created. Deploy once the alarm is OK.`
    ])
    expect(await inventory(s.aws)).toEqual(before)
    await expectBackOnSeedConfig()
  })

  it('rolls back when the alarm fires as traffic reaches the canary: traffic off it first, then the config', async () => {
    await seed()
    await setAlarm(s.aws.cloudwatch, ALARM, 'OK')
    const work = background()
    const run = await canary({ 'traffic-steps': '10,50,100', 'alarm-names': ALARM }, (line) => {
      if (line.includes('Shifting 10% of traffic')) work.add(setAlarm(s.aws.cloudwatch, ALARM, 'ALARM'))
    })
    await work.settle()

    const errors = expectFailure(run)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/^Rolled back: a failed gate evaluation at 10%: alarm fraud-5xx in ALARM/)
    expect(errors[0]).toContain(`All traffic is back on ${SEED_CONFIG}`)
    expect(run.outputs).toMatchObject({
      'endpoint-status': 'InService',
      'endpoint-config-name': SEED_CONFIG,
      'previous-endpoint-config-name': SEED_CONFIG,
      'rollout-result': 'rolled-back',
      'rolled-back': 'true',
      healthy: 'false'
    })
    expect(jsonOutput(run, 'variant-weights')).toEqual({ AllTraffic: 100 })

    // The harm stops first: the new variant's weight goes to 0 before the config is restored.
    const zeroed = run.stdout.indexOf('the shift of all traffic back to the old variants')
    const restored = run.stdout.indexOf(`into the rollback to ${SEED_CONFIG}`)
    expect(zeroed).toBeGreaterThan(0)
    expect(restored).toBeGreaterThan(zeroed)

    expect(run.summary).toContain(`<h2>↩️ deploy rolled back: ${ENDPOINT}</h2>`)
    // The error is the decision: said once, first.
    expect(run.summary).toContain('<strong>❌ Error:</strong> Rolled back:')
    expect(run.summary).not.toContain('<strong>Decision:</strong>')
    const steps = summaryTable(run.summary, 'Step')
    expect(steps.map((row) => [row[1], row[6], row[9]])).toEqual([['10%', ALARM, '❌ failed']])
    // A lone step needs no chart.
    expect(run.summary).not.toContain('xychart-beta')
    expect(summaryTable(run.summary, 'Variant')).toEqual([['AllTraffic', SEED_MODEL, 'ml.m5.large', '2', '100%']])
    const rollout = resultOf(run).rollout as { result: string; steps: Array<{ verdict: string }> }
    expect(rollout.result).toBe('rolled-back')

    await expectBackOnSeedConfig()
    expect(savedForPost(run.state, 'rollout')).toBe('')
  })

  it("rolls back when SageMaker cannot make a step's shift and puts the weights back", async () => {
    await seed()
    // The shift to 10% goes Updating, RollingBack, then InService at the weights it had: no traffic reached the canary.
    await s.control.failWeightChanges({ endpoint: ENDPOINT, count: 1 })

    const run = await canary({ 'traffic-steps': '10,100' })

    const errors = expectFailure(run)
    expect(errors[0]).toContain('SageMaker did not make the shift to 10% and rolled it back')
    expect(errors[0]).toContain('at weight 0, not 10')
    expect(run.outputs).toMatchObject({ 'rollout-result': 'rolled-back', 'rolled-back': 'true' })
    expect(run.summary).not.toContain('✅')
    await expectBackOnSeedConfig()
  })

  it('lets a rolled-back canary pass the step with fail-on-rollback false', async () => {
    await seed()
    await setAlarm(s.aws.cloudwatch, ALARM, 'OK')
    const work = background()
    const run = expectSuccess(
      await canary({ 'traffic-steps': '10,100', 'alarm-names': ALARM, 'fail-on-rollback': 'false' }, (line) => {
        if (line.includes('Shifting 10% of traffic')) work.add(setAlarm(s.aws.cloudwatch, ALARM, 'ALARM'))
      })
    )
    await work.settle()
    expect(run.outputs).toMatchObject({ 'rollout-result': 'rolled-back', 'rolled-back': 'true', healthy: 'false' })
    expect(warningAnnotations(run).some((w) => w.includes('fail-on-rollback is false'))).toBe(true)
    await expectBackOnSeedConfig()
  })
})

describe('dark first step', () => {
  it('rolls back a model that answers fast and wrong before any user traffic reaches it', async () => {
    await seed()
    await s.control.setModelBehaviour({ match: NEW_MODEL, answer: { label: 'spam' } })
    // Users' requests all through the rollout: none may reach the new model.
    await s.control.setTraffic(ENDPOINT, 20)

    const run = await canary({
      'traffic-steps': '0,10,100',
      ...PROBED,
      'probe-expect': '$.label in ["fraud", "legit"]'
    })

    const errors = expectFailure(run)
    expect(errors[0]).toContain('answer failed $.label in ["fraud", "legit"]: $.label is "spam"')
    expect(run.outputs['rollout-result']).toBe('rolled-back')
    // No weight ever moved: the new variant joined at 0 and was judged there.
    expect(run.stdout).not.toMatch(/Shifting \d+% of traffic/)
    const stats = (await s.control.trafficStats())[ENDPOINT]
    await s.control.stopTraffic(ENDPOINT)
    // The new variant's requests were the probes, and nothing else; the serving one took the users'.
    const atNew = stats?.variants[NEW_MODEL]
    expect(atNew?.invoked).toBeGreaterThan(0)
    expect(atNew?.requests).toBe(atNew?.invoked)
    expect(stats?.variants.AllTraffic?.requests).toBeGreaterThan(20)
    await expectBackOnSeedConfig()
  })
})

describe('answers compared with the serving model', () => {
  it("rolls back, dark, a model whose answers differ from the serving model's on the same payloads", async () => {
    await seed()
    await s.control.setModelBehaviour({ match: SEED_MODEL, answer: { score: 0.1 } })
    await s.control.setModelBehaviour({ match: NEW_MODEL, answer: { score: 0.8 } })

    const run = await canary({
      'traffic-steps': '0,100',
      ...PROBED,
      'probe-count': '2',
      'max-disagreement': '10%',
      'compare-path': '$.score',
      'compare-tolerance': '0.05'
    })

    const errors = expectFailure(run)
    expect(errors[0]).toContain(
      "2 of 2 answers differ from serving variant AllTraffic's, more than max-disagreement 10% (first: $.score 0.8 against 0.1)"
    )
    // Each payload went to both, by TargetVariant.
    const invocations = await s.control.invocations()
    const to = (variant: string) => invocations.filter((call) => call.targetVariant === variant).length
    expect(to('AllTraffic')).toBe(to(NEW_MODEL))
    expect(to(NEW_MODEL)).toBeGreaterThan(0)
    await expectBackOnSeedConfig()
  })
})

describe('paused canary', () => {
  it('pauses at 50%, refuses a second deploy, then promotes and rolls back past the canary', async () => {
    await seed()
    const paused = expectSuccess(
      await canary({ 'traffic-steps': '10,50', ...PROBED, 'bake-time': '1s', 'gate-interval': '1s' })
    )
    expect(paused.outputs).toMatchObject({
      'rollout-result': 'paused',
      'rolled-back': 'false',
      healthy: 'true',
      'variant-name': NEW_MODEL,
      'previous-endpoint-config-name': SEED_CONFIG
    })
    expect(jsonOutput(paused, 'variant-weights')).toEqual({ AllTraffic: 50, [NEW_MODEL]: 50 })
    expect(annotations(paused, 'notice')).toEqual([
      expect.stringMatching(/^Paused at 50% on fraud-m2, as traffic-steps asked/)
    ])
    expect(paused.summary).toContain(`<h2>⏸️ deploy paused: ${ENDPOINT}</h2>`)
    expect(summaryTable(paused.summary, 'Variant')).toEqual([
      ['AllTraffic', SEED_MODEL, 'ml.m5.large', '2', '50%'],
      [NEW_MODEL, NEW_MODEL, 'ml.m5.large', '2', '50%']
    ])
    const canaryConfig = paused.outputs['endpoint-config-name'] ?? ''
    expect(canaryConfig).toMatch(/-canary$/)
    expect(await configTags(s.aws, canaryConfig)).toMatchObject({
      'sagemaker-deploy:role': 'canary',
      'sagemaker-deploy:new-variant': NEW_MODEL,
      'sagemaker-deploy:previous-config': SEED_CONFIG,
      'sagemaker-deploy:paused-at': expect.stringMatching(/^\d{4}-\d\d-\d\dT/)
    })
    const pausedEndpoint = await describeEndpoint(s.aws, ENDPOINT)
    expect(pausedEndpoint.EndpointConfigName).toBe(canaryConfig)
    expect(currentWeights(pausedEndpoint)).toEqual({ AllTraffic: 50, [NEW_MODEL]: 50 })
    // Paused is a resting state: nothing for the post step to undo.
    expect(savedForPost(paused.state, 'rollout')).toBe('')

    // A second deploy must not stack a rollout on the paused one.
    const before = await inventory(s.aws)
    const second = await s.deploy(ENDPOINT, { 'image-uri': image('3.0.0'), 'model-name': 'fraud-m3' })
    expect(expectFailure(second)[0]).toContain('A rollout is already in flight')
    expect(await inventory(s.aws)).toEqual(before)

    const promoted = expectSuccess(
      await s.run({
        operation: 'promote',
        'endpoint-name': ENDPOINT,
        'traffic-steps': '10,50,75,100',
        ...PROBED,
        'bake-time': '1s',
        'gate-interval': '1s'
      })
    )
    const release = promoted.outputs['endpoint-config-name'] ?? ''
    expect(release).not.toBe(canaryConfig)
    expect(promoted.outputs).toMatchObject({
      'rollout-result': 'succeeded',
      'rolled-back': 'false',
      healthy: 'true',
      'variant-name': 'AllTraffic',
      'previous-endpoint-config-name': SEED_CONFIG,
      'endpoint-status': 'InService'
    })
    expect(jsonOutput(promoted, 'variant-weights')).toEqual({ AllTraffic: 100 })
    expect(promoted.summary).toContain(`<h2>✅ promote succeeded: ${ENDPOINT}</h2>`)
    expect(promoted.summary).toContain('<h3>Rollout (promote, gates judged by the action)</h3>')
    // The pause is judged first, then the steps above it.
    expect(summaryTable(promoted.summary, 'Step').map((row) => [row[0], row[1], row[9]])).toEqual([
      ['pause', '50%', '✅ passed'],
      ['1', '75%', '✅ passed'],
      ['2', '100%', '✅ passed']
    ])
    const endpoint = await describeEndpoint(s.aws, ENDPOINT)
    expect(endpoint).toMatchObject({ EndpointStatus: 'InService', EndpointConfigName: release })
    expect(currentWeights(endpoint)).toEqual({ AllTraffic: 1 })
    expect(await configTags(s.aws, release)).toMatchObject({
      'sagemaker-deploy:role': 'release',
      'sagemaker-deploy:previous-config': SEED_CONFIG
    })
    expect((await inventory(s.aws)).configs).toEqual([SEED_CONFIG, release].sort())

    // The canary config never becomes a rollback target: rollback goes to what served before the deploy.
    const rolledBack = expectSuccess(await s.run({ operation: 'rollback', 'endpoint-name': ENDPOINT }))
    expect(rolledBack.outputs).toMatchObject({ 'endpoint-config-name': SEED_CONFIG, 'rolled-back': 'true' })
    expect((await describeEndpoint(s.aws, ENDPOINT)).EndpointConfigName).toBe(SEED_CONFIG)
  })
})
