/**
 * The strategies the other scenarios leave out: a linear rollout run by the
 * action, and both outcomes of a rollout run by SageMaker's own blue/green
 * guardrails (rollout-controller: sagemaker), watched to the end.
 */
import { describe, expect, it } from '@jest/globals'
import { setAlarm, seedModelAndEndpoint } from './harness.js'
import { describeEndpoint, expectFailure, expectSuccess, image, useScenario } from './scenario.js'

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
  const native = rollout({
    strategy: 'canary',
    'rollout-controller': 'sagemaker',
    'traffic-steps': '20,100',
    timeout: '10m',
    'alarm-names': 'pricing-5xx'
  })

  it('lets SageMaker run the canary and reports it done', async () => {
    await seedModelAndEndpoint(scenario.aws.sagemaker, { endpointName: 'pricing' })
    await setAlarm(scenario.aws.cloudwatch, 'pricing-5xx', 'OK')

    const run = expectSuccess(await scenario.deploy('pricing', native))

    expect(run.outputs).toMatchObject({ 'rollout-result': 'succeeded', 'rolled-back': 'false' })
    expect(run.stdout).toContain('"Type":"CANARY"')
    expect(run.stdout).toContain('"CanarySize":{"Type":"CAPACITY_PERCENT","Value":20}')
    expect(run.summary).toContain("SageMaker's blue/green guardrails")
    const endpoint = await describeEndpoint(scenario.aws, 'pricing')
    expect(endpoint.EndpointConfigName).toBe(run.outputs['endpoint-config-name'])
  })

  it('reports the rollback SageMaker makes when an alarm fires, and fails the step', async () => {
    const seeded = await seedModelAndEndpoint(scenario.aws.sagemaker, { endpointName: 'pricing' })
    await setAlarm(scenario.aws.cloudwatch, 'pricing-5xx', 'ALARM')

    const run = await scenario.deploy('pricing', native)

    const errors = expectFailure(run)
    expect(errors[0]).toMatch(/^SageMaker rolled the deployment back to "pricing-seed-config"/)
    expect(run.stdout).toMatch(/is RollingBack/)
    expect(run.outputs).toMatchObject({ 'rollout-result': 'rolled-back', 'rolled-back': 'true', healthy: 'false' })
    const endpoint = await describeEndpoint(scenario.aws, 'pricing')
    expect(endpoint.EndpointStatus).toBe('InService')
    expect(endpoint.EndpointConfigName).toBe(seeded.configName)
  })
})
