/**
 * Two runs on one endpoint (a re-triggered workflow, two branches merging):
 * the second waits for the first's update instead of failing or interleaving,
 * and a second rollout never starts on top of one in flight.
 */
import { describe, expect, it } from '@jest/globals'
import { DescribeEndpointCommand, ListEndpointConfigsCommand, ListModelsCommand } from '@aws-sdk/client-sagemaker'
import { runAction, seedModelAndEndpoint, TEST_ACCOUNT, TEST_REGION, TEST_ROLE_ARN, type ActionRun } from './harness.js'
import { useScenario } from './scenario.js'

// Long enough that the second run surely starts while the first update is under way.
const scenario = useScenario({ transitionSeconds: 1.5 })

const image = (tag: string): string => `${TEST_ACCOUNT}.dkr.ecr.${TEST_REGION}.amazonaws.com/search:${tag}`
const deploy = (model: string, extra: Record<string, string> = {}): Record<string, string> => ({
  operation: 'deploy',
  'endpoint-name': 'search',
  'image-uri': image(model),
  'execution-role-arn': TEST_ROLE_ARN,
  'model-name': model,
  ...extra
})

/** Starts `first`, and `second` once the first has the endpoint Updating. */
async function overlapping(
  first: Record<string, string>,
  second: Record<string, string>
): Promise<[ActionRun, ActionRun]> {
  let startSecond: () => void = () => undefined
  const firstIsUpdating = new Promise<void>((resolve) => (startSecond = resolve))
  const firstRun = runAction({
    inputs: first,
    emulator: scenario.emulator,
    timeoutMs: 90_000,
    onOutput: (line) => {
      if (/is Updating/.test(line)) startSecond()
    }
  })
  await firstIsUpdating
  const secondRun = runAction({ inputs: second, emulator: scenario.emulator, timeoutMs: 90_000 })
  return Promise.all([firstRun, secondRun])
}

describe('concurrent runs on one endpoint', () => {
  it('a second deploy waits for the first update to finish, then applies its own', async () => {
    await seedModelAndEndpoint(scenario.aws.sagemaker, { endpointName: 'search' })

    const [first, second] = await overlapping(deploy('search-v2'), deploy('search-v3'))

    expect(first.exitCode).toBe(0)
    expect(second.exitCode).toBe(0)
    expect(second.stdout).toMatch(/is Updating; waiting for it to finish before changing it/)
    const endpoint = await scenario.aws.sagemaker.send(new DescribeEndpointCommand({ EndpointName: 'search' }))
    expect(endpoint.EndpointStatus).toBe('InService')
    expect(endpoint.EndpointConfigName).toBe(second.outputs['endpoint-config-name'])
    expect(second.outputs['previous-endpoint-config-name']).toBe(first.outputs['endpoint-config-name'])
  }, 120_000)

  it('a rollout finding another in flight fails, naming it, and touches nothing', async () => {
    await seedModelAndEndpoint(scenario.aws.sagemaker, { endpointName: 'search' })
    const paused = await runAction({
      inputs: deploy('search-v2', { strategy: 'canary', 'traffic-steps': '20', 'bake-time': '1s' }),
      emulator: scenario.emulator,
      timeoutMs: 60_000
    })
    expect(paused.outputs['rollout-result']).toBe('paused')
    const before = await snapshot()

    const second = await runAction({
      inputs: deploy('search-v3', { strategy: 'canary', 'bake-time': '1s' }),
      emulator: scenario.emulator,
      timeoutMs: 60_000
    })

    expect(second.exitCode).toBe(1)
    expect(second.stdout).toContain(`A rollout is already in flight on endpoint "search"`)
    expect(second.stdout).toContain('search-v2')
    expect(await snapshot()).toEqual(before)
  }, 120_000)
})

/** Everything a run could change: the endpoint's config and weights, and every config and model. */
async function snapshot(): Promise<object> {
  const endpoint = await scenario.aws.sagemaker.send(new DescribeEndpointCommand({ EndpointName: 'search' }))
  const configs = await scenario.aws.sagemaker.send(new ListEndpointConfigsCommand({}))
  const models = await scenario.aws.sagemaker.send(new ListModelsCommand({}))
  return {
    config: endpoint.EndpointConfigName,
    weights: endpoint.ProductionVariants?.map((variant) => [variant.VariantName, variant.CurrentWeight]),
    configs: configs.EndpointConfigs?.map((config) => config.EndpointConfigName).sort(),
    models: models.Models?.map((model) => model.ModelName).sort()
  }
}
