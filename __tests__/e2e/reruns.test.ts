/**
 * Re-running a job that failed half-way must succeed without name clashes and
 * leave nothing behind from the failed attempt; deploying the same model twice
 * is harmless.
 */
import { describe, expect, it } from '@jest/globals'
import { DescribeEndpointCommand, ListEndpointConfigsCommand, ListModelsCommand } from '@aws-sdk/client-sagemaker'
import { runAction, seedModelAndEndpoint, TEST_ACCOUNT, TEST_REGION, TEST_ROLE_ARN } from './harness.js'
import { useScenario } from './scenario.js'

const scenario = useScenario()

const registry = `${TEST_ACCOUNT}.dkr.ecr.${TEST_REGION}.amazonaws.com`
const deploy = (image: string, extra: Record<string, string> = {}): Record<string, string> => ({
  operation: 'deploy',
  'endpoint-name': 'ranker',
  'image-uri': `${registry}/${image}`,
  'execution-role-arn': TEST_ROLE_ARN,
  ...extra
})

async function names(): Promise<{ models: string[]; configs: string[] }> {
  const models = await scenario.aws.sagemaker.send(new ListModelsCommand({}))
  const configs = await scenario.aws.sagemaker.send(new ListEndpointConfigsCommand({}))
  return {
    models: (models.Models ?? []).map((model) => model.ModelName ?? '').sort(),
    configs: (configs.EndpointConfigs ?? []).map((config) => config.EndpointConfigName ?? '').sort()
  }
}

describe('re-runs', () => {
  it('a re-run after an update SageMaker rolled back succeeds and leaves no orphans', async () => {
    const seeded = await seedModelAndEndpoint(scenario.aws.sagemaker, { endpointName: 'ranker' })
    const before = await names()

    // The model and config are created, then the update fails and SageMaker restores the old config.
    const failed = await runAction({
      inputs: deploy('ranker:fail-update', { 'model-name': 'ranker-v2' }),
      emulator: scenario.emulator
    })
    expect(failed.exitCode).toBe(1)
    expect(failed.stdout).toMatch(/FailureReason/)
    expect(await names()).toEqual(before)

    const rerun = await runAction({
      inputs: deploy('ranker:2', { 'model-name': 'ranker-v2' }),
      emulator: scenario.emulator
    })
    expect(rerun.exitCode).toBe(0)
    const endpoint = await scenario.aws.sagemaker.send(new DescribeEndpointCommand({ EndpointName: 'ranker' }))
    expect(endpoint.EndpointConfigName).toBe(rerun.outputs['endpoint-config-name'])
    expect(await names()).toEqual({
      models: [...seeded.modelNames, 'ranker-v2'].sort(),
      configs: [seeded.configName, rerun.outputs['endpoint-config-name'] ?? ''].sort()
    })
  }, 120_000)

  it('a first deploy whose endpoint ends Failed deletes it, so the re-run creates it afresh', async () => {
    const failed = await runAction({
      inputs: deploy('ranker:fail-create', { 'model-name': 'ranker-v1' }),
      emulator: scenario.emulator
    })
    expect(failed.exitCode).toBe(1)
    expect(failed.stdout).toMatch(
      /ended Failed during the creation of endpoint "ranker"\. FailureReason: .*health check/
    )
    expect(failed.stdout).toContain('it was deleted, with config')
    expect(await names()).toEqual({ models: [], configs: [] })
    await expect(scenario.aws.sagemaker.send(new DescribeEndpointCommand({ EndpointName: 'ranker' }))).rejects.toThrow(
      /Could not find endpoint/
    )

    const rerun = await runAction({
      inputs: deploy('ranker:1', { 'model-name': 'ranker-v1' }),
      emulator: scenario.emulator
    })
    expect(rerun.exitCode).toBe(0)
    const endpoint = await scenario.aws.sagemaker.send(new DescribeEndpointCommand({ EndpointName: 'ranker' }))
    expect(endpoint.EndpointStatus).toBe('InService')
  }, 120_000)

  it('deploying the model the endpoint already serves changes nothing', async () => {
    await seedModelAndEndpoint(scenario.aws.sagemaker, { endpointName: 'ranker' })
    const first = await runAction({
      inputs: deploy('ranker:2', { 'model-name': 'ranker-v2' }),
      emulator: scenario.emulator
    })
    expect(first.exitCode).toBe(0)
    const before = await names()

    const again = await runAction({
      inputs: deploy('ranker:2', { 'model-name': 'ranker-v2' }),
      emulator: scenario.emulator
    })

    expect(again.exitCode).toBe(0)
    expect(again.stdout).toContain('already serves model "ranker-v2"')
    expect(await names()).toEqual(before)
  }, 120_000)

  it('two deploys in the same second get different names', async () => {
    await seedModelAndEndpoint(scenario.aws.sagemaker, { endpointName: 'ranker' })
    const [a, b] = await Promise.all([
      runAction({ inputs: deploy('ranker:3', { 'dry-run': 'true' }), emulator: scenario.emulator }),
      runAction({ inputs: deploy('ranker:3', { 'dry-run': 'true' }), emulator: scenario.emulator })
    ])
    expect(a.exitCode).toBe(0)
    expect(b.exitCode).toBe(0)
    expect(a.outputs['model-name']).toMatch(/^ranker-\d{14}-[a-z0-9]{5}$/)
    expect(a.outputs['model-name']).not.toBe(b.outputs['model-name'])
  }, 120_000)
})
