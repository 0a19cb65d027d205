/**
 * Two runs on one endpoint (a re-triggered workflow, two branches merging):
 * the second finds the first's lock and stops before changing anything,
 * naming the first run, and a second rollout never starts on top of one in
 * flight.
 */
import { describe, expect, it } from '@jest/globals'
import { DescribeEndpointCommand, ListEndpointConfigsCommand, ListModelsCommand } from '@aws-sdk/client-sagemaker'
import { runAction, seedModelAndEndpoint, TEST_ACCOUNT, TEST_REGION, TEST_ROLE_ARN, type ActionRun } from './harness.js'
import { useScenario } from './scenario.js'

// Long enough that the second run starts and reaches the lock while the first update is under way, even on a
// loaded machine where starting Node takes a second or two.
const scenario = useScenario({ transitionSeconds: 5 })

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
    env: { GITHUB_RUN_ID: '3001' },
    onOutput: (line) => {
      if (/is Updating/.test(line)) startSecond()
    }
  })
  await firstIsUpdating
  const secondRun = runAction({
    inputs: second,
    emulator: scenario.emulator,
    timeoutMs: 90_000,
    env: { GITHUB_RUN_ID: '3002' }
  })
  return Promise.all([firstRun, secondRun])
}

describe('concurrent runs on one endpoint', () => {
  it("a second deploy started during the first one's update fails before any change, naming the first run", async () => {
    await seedModelAndEndpoint(scenario.aws.sagemaker, { endpointName: 'search' })

    const [first, second] = await overlapping(deploy('search-v2'), deploy('search-v3'))

    expect(first.exitCode).toBe(0)
    expect(second.exitCode).toBe(1)
    expect(second.stdout).toContain(
      'Endpoint "search" is locked by another run: https://github.com/example/repo/actions/runs/3001/attempts/1'
    )
    const endpoint = await scenario.aws.sagemaker.send(new DescribeEndpointCommand({ EndpointName: 'search' }))
    expect(endpoint.EndpointStatus).toBe('InService')
    expect(endpoint.EndpointConfigName).toBe(first.outputs['endpoint-config-name'])
    const models = await scenario.aws.sagemaker.send(new ListModelsCommand({}))
    expect(models.Models?.map((model) => model.ModelName)).not.toContain('search-v3')
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
