// The capacity operations on a serverless variant, which has no instances: refused before any change, or, for
// delete-autoscaling, told that provisioned-concurrency scaling is not the action's.
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { DescribeEndpointCommand, DescribeEndpointConfigCommand } from '@aws-sdk/client-sagemaker'
import { givenAutoscaling } from '../../../__fixtures__/autoscaling.js'
import * as core from '../../../__fixtures__/core.js'
import { endpoint, endpointConfig } from '../../../__fixtures__/sagemaker.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, awsCallNames, resetAws, runAction } = await import('../../../__fixtures__/action.js')

const serverless = { MemorySizeInMB: 2048, MaxConcurrency: 20, ProvisionedConcurrency: 5 }

function givenServerlessEndpoint(): void {
  const described = endpoint('fraud', 'InService', 'cfg-1')
  const variants = (described.ProductionVariants ?? []).map(
    ({ CurrentInstanceCount: _current, DesiredInstanceCount: _desired, ...variant }) => ({
      ...variant,
      CurrentServerlessConfig: serverless,
      DesiredServerlessConfig: serverless
    })
  )
  aws.sagemaker.on(DescribeEndpointCommand).resolves({ ...described, ProductionVariants: variants })
  aws.sagemaker.on(DescribeEndpointConfigCommand).resolves(endpointConfig('cfg-1'))
  givenAutoscaling(aws.autoscaling)
}

const changes = (): string[] =>
  awsCallNames().filter((name) => !/\.(Describe|List|Get)/.test(name) && !/Context$/.test(name))

describe('a serverless variant', () => {
  beforeEach(() => {
    resetAws()
    givenServerlessEndpoint()
  })

  it('refuses update-capacity before any change, saying where its concurrency is set', async () => {
    const result = await runAction({ operation: 'update-capacity', 'endpoint-name': 'fraud', 'instance-count': '3' })

    expect(result.failed).toBe(
      'Variant "AllTraffic" of endpoint "fraud" is serverless (MemorySizeInMB 2048, MaxConcurrency 20, ProvisionedConcurrency 5): it has no instances for update-capacity to act on. Nothing was changed. Its concurrency is its endpoint config\u2019s ServerlessConfig: deploy a config with the MaxConcurrency or ProvisionedConcurrency it needs.'
    )
    expect(changes()).toEqual([])
  })

  it('refuses configure-autoscaling before any change, naming the dimension that scales it', async () => {
    const result = await runAction({
      operation: 'configure-autoscaling',
      'endpoint-name': 'fraud',
      'min-capacity': '1',
      'max-capacity': '4',
      'scaling-metric': 'InvocationsPerInstance',
      'target-value': '70'
    })

    expect(result.failed).toContain('is serverless (MemorySizeInMB 2048')
    expect(result.failed).toContain('sagemaker:variant:DesiredProvisionedConcurrency')
    expect(changes()).toEqual([])
  })

  it('says delete-autoscaling leaves its provisioned-concurrency scaling alone', async () => {
    const result = await runAction({ operation: 'delete-autoscaling', 'endpoint-name': 'fraud' })

    expect(result.failed).toBeUndefined()
    expect(result.log.find((line) => line.startsWith('::warning::No autoscaling is registered'))).toContain(
      "The variant is serverless: autoscaling of its provisioned concurrency (sagemaker:variant:DesiredProvisionedConcurrency), if any, is not this action's"
    )
    expect(changes()).toEqual([])
  })
})
