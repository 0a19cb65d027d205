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
    expect(endpoint.ProductionVariants?.map((variant) => variant.VariantName)).toEqual(['pricing-v2'])
    expect(run.outputs['previous-endpoint-config-name']).toBe(seeded.configName)
  })
})

describe('rollout-controller: sagemaker', () => {
  // Five instances: a 20% canary is one of them. A timeout that fits provisioning (about 10m) and the bakes.
  // Judged by an alarm, which needs no published minute: the metric gates are judged in evidence.test.ts.
  const native = rollout({
    strategy: 'canary',
    'rollout-controller': 'sagemaker',
    'traffic-steps': '20,100',
    'bake-time': '10s',
    timeout: '11m',
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

  it("lets SageMaker run the canary with one UpdateEndpoint, the action's verdict alarm beside the user's, and leaves none behind", async () => {
    await seedFive()
    await setAlarm(scenario.aws.cloudwatch, 'pricing-5xx', 'OK')
    let during: Promise<string[]> | undefined

    const run = expectSuccess(
      await scenario.deploy('pricing', native, {
        onOutput: (line) => {
          if (line.includes('SageMaker runs the rollout')) during = ownAlarms()
        }
      })
    )

    expect(run.outputs).toMatchObject({ 'rollout-result': 'succeeded', 'rolled-back': 'false' })
    const release = run.outputs['endpoint-config-name'] ?? ''
    const verdict = `sagemaker-deploy-${release}-verdict`
    expect((await during) ?? []).toEqual([verdict])
    expect(run.stdout).toContain('"CanarySize":{"Type":"CAPACITY_PERCENT","Value":20}')
    expect(run.stdout).toContain(
      `"AutoRollbackConfiguration":{"Alarms":[{"AlarmName":"pricing-5xx"},{"AlarmName":"${verdict}"}]}`
    )
    // Judged while the new fleet served, not after SageMaker had finished.
    expect(run.stdout).toContain('The new fleet takes traffic: the action judges it against the old fleet.')
    expect((await scenario.control.fleet()).pricing?.updateEndpointCalls).toBe(1)
    expect(await ownAlarms()).toEqual([])
    expect(run.summary).toContain("SageMaker's blue/green guardrails")
    const endpoint = await describeEndpoint(scenario.aws, 'pricing')
    expect(endpoint.EndpointConfigName).toBe(release)
  })

  it('reports the rollback SageMaker makes when an alarm fires, fails the step, and deletes its alarms', async () => {
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
  })

  it('after a cancel, the post step waits for SageMaker to finish, then deletes the alarms', async () => {
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
      { operation: 'deploy', 'endpoint-name': 'pricing', timeout: '11m' },
      { post: true, state: cancelled.state }
    )

    expect(post.exitCode).toBe(0)
    expect(post.stdout).toMatch(/SageMaker's deployment on "pricing" has ended; its alarms .* were deleted/)
    expect(await ownAlarms()).toEqual([])
    expect((await describeEndpoint(scenario.aws, 'pricing')).EndpointStatus).toBe('InService')
  })

  it('refuses a timeout SageMaker would hit, before any change, naming the least that fits', async () => {
    await seedFive()
    await setAlarm(scenario.aws.cloudwatch, 'pricing-5xx', 'OK')
    const before = await inventory(scenario.aws)

    const run = await scenario.deploy('pricing', { ...native, timeout: '10m' })

    expect(expectFailure(run)[0]).toMatch(/^Input "timeout" must be at least 11m with rollout-controller: sagemaker/)
    expect(await inventory(scenario.aws)).toEqual(before)
  })

  it("maps strategy rolling to SageMaker's RollingUpdatePolicy, which never doubles the fleet", async () => {
    await seedModelAndEndpoint(scenario.aws.sagemaker, {
      endpointName: 'pricing',
      variants: [{ variantName: 'AllTraffic', instanceCount: 4 }]
    })
    await setAlarm(scenario.aws.cloudwatch, 'pricing-5xx', 'OK')

    const run = expectSuccess(
      await scenario.deploy('pricing', {
        ...native,
        strategy: 'rolling',
        'traffic-steps': '',
        'batch-size': '1',
        timeout: '45m'
      })
    )

    expect(run.stdout).toContain(
      '"RollingUpdatePolicy":{"MaximumBatchSize":{"Type":"INSTANCE_COUNT","Value":1},"WaitIntervalInSeconds":1'
    )
    const fleet = (await scenario.control.fleet()).pricing
    expect(fleet?.updateEndpointCalls).toBe(1)
    // Four serving, and never more than one batch beside them.
    expect(fleet?.peakInstances).toBeLessThanOrEqual(5)
  })
})
