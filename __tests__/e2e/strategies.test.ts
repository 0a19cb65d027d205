/**
 * The strategies the other scenarios leave out: a linear rollout run by the
 * action, and rollouts run by SageMaker's own deployments
 * (rollout-controller: sagemaker): a canary judged by the action through its
 * verdict alarm, its rollback, a cancel, a timeout it would hit, and a
 * rolling update.
 */
import { describe, expect, it } from '@jest/globals'
import { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch'
import { savedForPost, setAlarm, seedModelAndEndpoint } from './harness.js'
import { describeEndpoint, expectFailure, expectSuccess, image, inventory, useScenario } from './scenario.js'

const scenario = useScenario()

const rollout = (extra: Record<string, string>): Record<string, string> => ({
  'image-uri': image('2'),
  'model-name': 'pricing-v2',
  'bake-time': '1s',
  'gate-interval': '1s',
  ...extra
})

describe('linear, run by the action', () => {
  it('walks 50 then 100 and retires the old variant', async () => {
    const seeded = await seedModelAndEndpoint(scenario.aws.sagemaker, { endpointName: 'pricing' })

    const run = expectSuccess(
      await scenario.deploy('pricing', rollout({ strategy: 'linear', 'traffic-steps': '50,100' }))
    )

    expect(run.outputs['rollout-result']).toBe('succeeded')
    expect(run.stdout).toContain('Shifting 50% of traffic to pricing-v2.')
    expect(run.stdout).toContain('Shifting 100% of traffic to pricing-v2.')
    const endpoint = await describeEndpoint(scenario.aws, 'pricing')
    expect(endpoint.EndpointConfigName).toBe(run.outputs['endpoint-config-name'])
    // Released under the name the endpoint served under before.
    expect(endpoint.ProductionVariants?.map((variant) => variant.VariantName)).toEqual(['AllTraffic'])
    expect(run.outputs['previous-endpoint-config-name']).toBe(seeded.configName)
  })
})

/**
 * SageMaker's deployments bake for real seconds (30 s and more) beside provisioning, and the run must see them
 * end: longer than a scenario's default minute, so that a busy machine does not fail a run that is only slow.
 */
const SAGEMAKER_RUN_MS = 180_000

describe('rollout-controller: sagemaker', () => {
  // Five instances: a 20% canary is one of them. A timeout that fits provisioning (about 10m) and the bakes, the
  // final one longer by what a dead runner's silence takes to reach SageMaker (55 s).
  // No client traffic and bakes shorter than CloudWatch's minutes: the action can never judge the new fleet,
  // so nothing here may succeed. A fleet judged on its minutes is in evidence.test.ts.
  const native = rollout({
    strategy: 'canary',
    'rollout-controller': 'sagemaker',
    'traffic-steps': '20,100',
    'bake-time': '30s',
    timeout: '12m',
    'alarm-names': 'pricing-5xx'
  })
  const seedFive = (): ReturnType<typeof seedModelAndEndpoint> =>
    seedModelAndEndpoint(scenario.aws.sagemaker, {
      endpointName: 'pricing',
      variants: [{ variantName: 'AllTraffic', instanceCount: 5 }]
    })

  /** The alarms this action made, by name: they must exist only while SageMaker's deployment runs. */
  async function ownAlarms(): Promise<string[]> {
    const found = await scenario.aws.cloudwatch.send(
      new DescribeAlarmsCommand({ AlarmNamePrefix: 'sagemaker-deploy-' })
    )
    return (found.MetricAlarms ?? []).map((alarm) => alarm.AlarmName ?? '')
  }

  it(
    "lets SageMaker run the canary with one UpdateEndpoint and the action's verdict alarm, which rolls back a fleet nothing judged",
    async () => {
      const seeded = await seedFive()
      await setAlarm(scenario.aws.cloudwatch, 'pricing-5xx', 'OK')
      let during: Promise<string[]> | undefined

      const run = await scenario.deploy('pricing', native, {
        // The bakes (30 s each, the final one 55 s longer) outlast a scenario's default run.
        timeoutMs: SAGEMAKER_RUN_MS - 10_000,
        onOutput: (line) => {
          if (line.includes('SageMaker runs the rollout')) during = ownAlarms()
        }
      })

      const verdict = ((await during) ?? [])[0] ?? ''
      expect(verdict).toMatch(/^sagemaker-deploy-pricing-.*-verdict$/)
      expect(run.stdout).toContain('"CanarySize":{"Type":"CAPACITY_PERCENT","Value":20}')
      expect(run.stdout).toContain(
        `"AutoRollbackConfiguration":{"Alarms":[{"AlarmName":"pricing-5xx"},{"AlarmName":"${verdict}"}]}`
      )
      // Judged while the new fleet served, and never a success without evidence: SageMaker rolled back on the verdict.
      expect(run.stdout).toContain('The new fleet takes traffic: the action judges it against the old fleet.')
      expect(expectFailure(run)[0]).toMatch(
        /^SageMaker rolled the deployment back to "pricing-seed-config" on the action's verdict: the gates could not judge the new fleet/
      )
      expect(run.outputs).toMatchObject({ 'rollout-result': 'rolled-back', 'rolled-back': 'true', healthy: 'false' })
      expect((await describeEndpoint(scenario.aws, 'pricing')).EndpointConfigName).toBe(seeded.configName)
      expect((await scenario.control.fleet()).pricing?.updateEndpointCalls).toBe(1)
      expect(await ownAlarms()).toEqual([])
      expect(run.summary).toContain("SageMaker's blue/green guardrails")
    },
    SAGEMAKER_RUN_MS
  )

  it(
    'reports the rollback SageMaker makes when an alarm fires, fails the step, and deletes its alarms',
    async () => {
      const seeded = await seedFive()
      await setAlarm(scenario.aws.cloudwatch, 'pricing-5xx', 'OK')
      let firing: Promise<void> | undefined

      const run = await scenario.deploy('pricing', native, {
        onOutput: (line) => {
          if (line.includes('SageMaker runs the rollout'))
            firing = setAlarm(scenario.aws.cloudwatch, 'pricing-5xx', 'ALARM')
        }
      })
      await firing

      const errors = expectFailure(run)
      expect(errors[0]).toMatch(/^SageMaker rolled the deployment back to "pricing-seed-config"/)
      expect(run.stdout).toMatch(/is RollingBack/)
      expect(run.outputs).toMatchObject({ 'rollout-result': 'rolled-back', 'rolled-back': 'true', healthy: 'false' })
      const endpoint = await describeEndpoint(scenario.aws, 'pricing')
      expect(endpoint.EndpointStatus).toBe('InService')
      expect(endpoint.EndpointConfigName).toBe(seeded.configName)
      expect(await ownAlarms()).toEqual([])
    },
    SAGEMAKER_RUN_MS
  )

  it(
    'after a cancel, the post step waits for SageMaker to finish, then deletes the alarms',
    async () => {
      await seedFive()
      await setAlarm(scenario.aws.cloudwatch, 'pricing-5xx', 'OK')
      // Long enough for the cancel to land while SageMaker is still deploying.
      await scenario.control.setTransitionSeconds(6)

      const cancelled = await scenario.deploy('pricing', native, {
        signal: { name: 'SIGINT', whenOutput: 'SageMaker runs the rollout' }
      })
      expect(cancelled.exitCode).not.toBe(0)
      expect(await ownAlarms()).toHaveLength(1)
      expect(savedForPost(cancelled.state, 'nativeDeployment')).toContain('sagemaker-deploy-')

      const post = await scenario.run(
        { operation: 'deploy', 'endpoint-name': 'pricing', timeout: '12m' },
        { post: true, state: cancelled.state }
      )

      expect(post.exitCode).toBe(0)
      expect(post.stdout).toMatch(/SageMaker's deployment on "pricing" has ended; its alarms .* were deleted/)
      expect(await ownAlarms()).toEqual([])
      expect((await describeEndpoint(scenario.aws, 'pricing')).EndpointStatus).toBe('InService')
    },
    SAGEMAKER_RUN_MS
  )

  it(
    'refuses a timeout SageMaker would hit, before any change, naming the least that fits',
    async () => {
      await seedFive()
      await setAlarm(scenario.aws.cloudwatch, 'pricing-5xx', 'OK')
      const before = await inventory(scenario.aws)

      const run = await scenario.deploy('pricing', { ...native, timeout: '10m' })

      expect(expectFailure(run)[0]).toMatch(/^Input "timeout" must be at least 12m with rollout-controller: sagemaker/)
      expect(await inventory(scenario.aws)).toEqual(before)
    },
    SAGEMAKER_RUN_MS
  )

  it(
    'rolls a fleet of three one instance at a time when batch-size is left out, where a quarter of it is less than one',
    async () => {
      await seedModelAndEndpoint(scenario.aws.sagemaker, {
        endpointName: 'pricing',
        variants: [{ variantName: 'AllTraffic', instanceCount: 3 }]
      })
      await setAlarm(scenario.aws.cloudwatch, 'pricing-5xx', 'OK')

      // Three batches of a provisioning and a 30 s bake each: longer than a scenario's default run. (A bake under
      // the verdict's way to SageMaker, 16 s, would end before SageMaker heard it.)
      const run = await scenario.deploy(
        'pricing',
        { ...native, strategy: 'rolling', 'traffic-steps': '', timeout: '45m' },
        { timeoutMs: SAGEMAKER_RUN_MS - 10_000 }
      )

      // One instance: within SageMaker's 5% to 50% of three (one is 33%), and whole.
      expect(run.stdout).toContain('"RollingUpdatePolicy":{"MaximumBatchSize":{"Type":"INSTANCE_COUNT","Value":1}')
      expect(expectFailure(run)[0]).toMatch(/^SageMaker rolled the deployment back to .* on the action's verdict/)
      const [deployment] = await scenario.control.deployments('pricing')
      expect(deployment?.status).toBe('RolledBack')
    },
    SAGEMAKER_RUN_MS
  )

  it('refuses to roll a fleet of one instance before any change, saying what to do instead', async () => {
    await seedModelAndEndpoint(scenario.aws.sagemaker, { endpointName: 'pricing' })
    await setAlarm(scenario.aws.cloudwatch, 'pricing-5xx', 'OK')
    const before = await inventory(scenario.aws)

    const run = await scenario.deploy('pricing', { ...native, strategy: 'rolling', 'traffic-steps': '' })

    expect(expectFailure(run)[0]).toMatch(
      /^Input "strategy" rolling needs a fleet of at least 2 instances, and this one has 1 instance: .* Deploy with strategy canary, linear or all-at-once/
    )
    expect(await inventory(scenario.aws)).toEqual(before)
    expect(await scenario.control.deployments('pricing')).toEqual([])
  })

  it(
    "maps strategy rolling to SageMaker's RollingUpdatePolicy, whose last batch is rolled back on the verdict",
    async () => {
      await seedModelAndEndpoint(scenario.aws.sagemaker, {
        endpointName: 'pricing',
        variants: [{ variantName: 'AllTraffic', instanceCount: 4 }]
      })
      await setAlarm(scenario.aws.cloudwatch, 'pricing-5xx', 'OK')

      const run = await scenario.deploy('pricing', {
        ...native,
        strategy: 'rolling',
        'traffic-steps': '',
        'batch-size': '2',
        timeout: '45m'
      })

      expect(run.stdout).toContain(
        '"RollingUpdatePolicy":{"MaximumBatchSize":{"Type":"INSTANCE_COUNT","Value":2},"WaitIntervalInSeconds":30'
      )
      // Unjudged by the last batch's bake, the verdict turned failed while SageMaker still listened.
      expect(expectFailure(run)[0]).toMatch(/^SageMaker rolled the deployment back to .* on the action's verdict/)
      const fleet = (await scenario.control.fleet()).pricing
      // SageMaker rolled back by itself: the action sent no update of its own.
      expect(fleet?.updateEndpointCalls).toBe(1)
    },
    SAGEMAKER_RUN_MS
  )
})
