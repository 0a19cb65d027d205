/**
 * A cancelled workflow, as the runner does it: SIGINT to the running action
 * mid-bake, then the post step with the saved state. The endpoint must end on
 * its previous config with all traffic on the old model, never half-shifted.
 */
import { describe, expect, it } from '@jest/globals'
import { DescribeEndpointCommand, ListEndpointConfigsCommand } from '@aws-sdk/client-sagemaker'
import type { Progress } from '../../src/rollout/moves.js'
import { runAction, seedModelAndEndpoint, TEST_ACCOUNT, TEST_REGION, TEST_ROLE_ARN, savedForPost } from './harness.js'
import { useScenario } from './scenario.js'

const scenario = useScenario()

const canaryInputs = {
  operation: 'deploy',
  'endpoint-name': 'checkout',
  'image-uri': `${TEST_ACCOUNT}.dkr.ecr.${TEST_REGION}.amazonaws.com/checkout:2`,
  'execution-role-arn': TEST_ROLE_ARN,
  'model-name': 'checkout-v2',
  strategy: 'canary',
  'traffic-steps': '50,100',
  'bake-time': '5m',
  'gate-interval': '1s',
  'min-invocations': '0',
  'probe-payload': '{"items": 1}'
}

describe('a cancelled rollout', () => {
  it('moves traffic off the new variant at once, and the post step restores the previous config', async () => {
    const seeded = await seedModelAndEndpoint(scenario.aws.sagemaker, { endpointName: 'checkout' })

    const main = await runAction({
      inputs: canaryInputs,
      emulator: scenario.emulator,
      // The second gate evaluation at 50% means the endpoint is half-shifted and baking.
      signal: { name: 'SIGINT', whenOutput: /Evaluation 2\/\d+ at 50%/ },
      timeoutMs: 60_000
    })

    expect(main.exitCode).toBe(1)
    expect(main.stdout).toContain('Received SIGINT')
    expect(main.durationMs).toBeLessThan(60_000)
    const saved = JSON.parse(savedForPost(main.state, 'rollout') || '{}') as Partial<Progress>
    expect(saved.rollout?.previousConfig).toBe(seeded.configName)
    expect(saved.rollout?.newVariant).toBe('checkout-v2')
    // The progress says how far the rollout went: it was judging the 50% step.
    expect(saved.moves?.[saved.reached ?? -1]).toMatchObject({ kind: 'judge-step', weight: 50 })

    // Within the runner's grace period the new variant lost its traffic, though the config is still the canary's.
    const afterSignal = await scenario.aws.sagemaker.send(new DescribeEndpointCommand({ EndpointName: 'checkout' }))
    const newVariant = afterSignal.ProductionVariants?.find((variant) => variant.VariantName === 'checkout-v2')
    expect(newVariant?.DesiredWeight ?? newVariant?.CurrentWeight).toBe(0)

    const post = await runAction({
      inputs: canaryInputs,
      emulator: scenario.emulator,
      post: true,
      state: main.state,
      timeoutMs: 60_000
    })

    expect(post.exitCode).toBe(0)
    const final = await scenario.aws.sagemaker.send(new DescribeEndpointCommand({ EndpointName: 'checkout' }))
    expect(final.EndpointStatus).toBe('InService')
    expect(final.EndpointConfigName).toBe(seeded.configName)
    expect(final.ProductionVariants?.map((variant) => variant.VariantName)).toEqual(['AllTraffic'])
    expect(post.summary).toContain(`back on &quot;${seeded.configName}&quot;`)
    const configs = await scenario.aws.sagemaker.send(new ListEndpointConfigsCommand({}))
    expect(configs.EndpointConfigs?.some((config) => config.EndpointConfigName?.endsWith('-canary'))).toBe(false)
  }, 120_000)

  it('leaves nothing for the post step after a rollout that finished', async () => {
    await seedModelAndEndpoint(scenario.aws.sagemaker, { endpointName: 'checkout' })
    const main = await runAction({
      inputs: { ...canaryInputs, 'bake-time': '1s', 'traffic-steps': '100' },
      emulator: scenario.emulator,
      timeoutMs: 60_000
    })
    expect(main.exitCode).toBe(0)
    expect(savedForPost(main.state, 'rollout')).toBe('')

    const post = await runAction({ inputs: canaryInputs, emulator: scenario.emulator, post: true, state: main.state })
    expect(post.exitCode).toBe(0)
    expect(post.stdout).not.toContain('did not finish')
    const final = await scenario.aws.sagemaker.send(new DescribeEndpointCommand({ EndpointName: 'checkout' }))
    expect(final.ProductionVariants?.map((variant) => variant.VariantName)).toEqual(['AllTraffic'])
  }, 120_000)
})
