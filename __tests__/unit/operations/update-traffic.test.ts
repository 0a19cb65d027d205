import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import {
  DescribeEndpointCommand,
  DescribeEndpointConfigCommand,
  UpdateEndpointWeightsAndCapacitiesCommand
} from '@aws-sdk/client-sagemaker'
import * as core from '../../../__fixtures__/core.js'
import { awsError, endpoint, endpointConfig, givenAChangeRolledBack } from '../../../__fixtures__/sagemaker.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, awsCallNames, resetAws, runAction, withoutShadowTestLookups } =
  await import('../../../__fixtures__/action.js')

const twoVariants = [
  { name: 'blue', weight: 90, count: 2 },
  { name: 'green', weight: 10, count: 1 }
]
const evenWeights = [
  { name: 'blue', weight: 50, count: 2 },
  { name: 'green', weight: 50, count: 1 }
]
const inputs = { operation: 'update-traffic', 'endpoint-name': 'fraud', 'variant-weights': 'blue=50, green=50' }

describe('update-traffic', () => {
  beforeEach(() => resetAws())

  it('sends the weights, waits for the change and reports the new split', async () => {
    aws.sagemaker
      .on(DescribeEndpointCommand)
      .resolvesOnce(endpoint('fraud', 'InService', 'cfg-1', twoVariants))
      .resolvesOnce(endpoint('fraud', 'Updating', 'cfg-1', twoVariants))
      .resolves(
        endpoint('fraud', 'InService', 'cfg-1', [
          { name: 'blue', weight: 50, count: 2 },
          { name: 'green', weight: 50, count: 1 }
        ])
      )
    aws.sagemaker.on(DescribeEndpointConfigCommand).resolves(endpointConfig('cfg-1', twoVariants))
    aws.sagemaker.on(UpdateEndpointWeightsAndCapacitiesCommand).resolves({ EndpointArn: 'arn' })

    const result = await runAction(inputs)

    expect(result.failed).toBeUndefined()
    expect(aws.sagemaker.commandCalls(UpdateEndpointWeightsAndCapacitiesCommand)[0]?.args[0].input).toEqual({
      EndpointName: 'fraud',
      DesiredWeightsAndCapacities: [
        { VariantName: 'blue', DesiredWeight: 50 },
        { VariantName: 'green', DesiredWeight: 50 }
      ]
    })
    expect(JSON.parse(result.outputs['variant-weights'] ?? '')).toEqual({ blue: 50, green: 50 })
    expect(result.outputs['endpoint-status']).toBe('InService')
    expect(result.summary).toContain('Variants')
  })

  it('fails when SageMaker rolled the change back: InService again, on the weights it had', async () => {
    givenAChangeRolledBack(aws.sagemaker, twoVariants)

    const result = await runAction(inputs)

    expect(result.failed).toBe(
      'SageMaker did not make the weight change and rolled it back: endpoint "fraud" is InService with variant "blue" at weight 90, not 50, variant "green" at weight 10, not 50.'
    )
    expect(result.outputs['variant-weights']).toBeUndefined()
  })

  it('fails when the weights asked for are not the ones served once InService, rollback seen or not', async () => {
    aws.sagemaker.on(DescribeEndpointCommand).resolves(endpoint('fraud', 'InService', 'cfg-1', twoVariants))
    aws.sagemaker.on(DescribeEndpointConfigCommand).resolves(endpointConfig('cfg-1', twoVariants))
    aws.sagemaker.on(UpdateEndpointWeightsAndCapacitiesCommand).resolves({ EndpointArn: 'arn' })

    const result = await runAction(inputs)

    expect(result.failed).toMatch(
      /^SageMaker did not make the weight change: endpoint "fraud" is InService with variant "blue" at weight 90, not 50/
    )
  })

  it('gives no traffic to a variant left out of the map', async () => {
    aws.sagemaker.on(DescribeEndpointCommand).resolves(endpoint('fraud', 'InService', 'cfg-1', twoVariants))
    aws.sagemaker.on(DescribeEndpointConfigCommand).resolves(endpointConfig('cfg-1', twoVariants))
    aws.sagemaker.on(UpdateEndpointWeightsAndCapacitiesCommand).resolves({})

    await runAction({ ...inputs, 'variant-weights': 'blue=100' })

    expect(
      aws.sagemaker.commandCalls(UpdateEndpointWeightsAndCapacitiesCommand)[0]?.args[0].input
        .DesiredWeightsAndCapacities
    ).toEqual([
      { VariantName: 'blue', DesiredWeight: 100 },
      { VariantName: 'green', DesiredWeight: 0 }
    ])
  })

  it.each([
    ['blue=50, green=40', 'sum to 100'],
    ['blue=abc', 'percentage'],
    ['blue', 'key=value'],
    ['', 'is required']
  ])('rejects variant-weights %j before any AWS call', async (weights, expected) => {
    const result = await runAction({ ...inputs, 'variant-weights': weights })
    expect(result.failed).toContain('"variant-weights"')
    expect(result.failed).toContain(expected)
    expect(awsCallNames()).toEqual([])
  })

  it('refuses a variant the endpoint does not have, changing nothing', async () => {
    aws.sagemaker.on(DescribeEndpointCommand).resolves(endpoint('fraud', 'InService', 'cfg-1', twoVariants))

    const result = await runAction({ ...inputs, 'variant-weights': 'blue=50, purple=50' })

    expect(result.failed).toMatch(/"variant-weights" names "purple".*has blue, green/)
    expect(aws.sagemaker.commandCalls(UpdateEndpointWeightsAndCapacitiesCommand)).toHaveLength(0)
  })

  it('names the API, the endpoint and the AWS error code when SageMaker refuses', async () => {
    aws.sagemaker.on(DescribeEndpointCommand).resolves(endpoint('fraud', 'InService', 'cfg-1', twoVariants))
    aws.sagemaker
      .on(UpdateEndpointWeightsAndCapacitiesCommand)
      .rejects(
        awsError('AccessDeniedException', 'not authorized to perform sagemaker:UpdateEndpointWeightsAndCapacities')
      )

    const result = await runAction(inputs)

    expect(result.failed).toContain(
      'UpdateEndpointWeightsAndCapacities on endpoint "fraud" failed: AccessDeniedException'
    )
  })

  it('plans the call without making it in a dry run', async () => {
    aws.sagemaker.on(DescribeEndpointCommand).resolves(endpoint('fraud', 'InService', 'cfg-1', twoVariants))
    aws.sagemaker.on(DescribeEndpointConfigCommand).resolves(endpointConfig('cfg-1', twoVariants))

    const result = await runAction({ ...inputs, 'dry-run': 'true' })

    expect(result.failed).toBeUndefined()
    expect(aws.sagemaker.commandCalls(UpdateEndpointWeightsAndCapacitiesCommand)).toHaveLength(0)
    expect(result.log.join('\n')).toContain('[dry-run] would call UpdateEndpointWeightsAndCapacities')
    expect(result.summary).toContain('Plan (nothing was changed)')
  })

  it('waits for an update already in progress before changing weights', async () => {
    aws.sagemaker
      .on(DescribeEndpointCommand)
      .resolvesOnce(endpoint('fraud', 'Updating', 'cfg-1', twoVariants))
      .resolvesOnce(endpoint('fraud', 'Updating', 'cfg-1', twoVariants))
      .resolves(endpoint('fraud', 'InService', 'cfg-1', twoVariants))
    aws.sagemaker.on(DescribeEndpointConfigCommand).resolves(endpointConfig('cfg-1', twoVariants))
    aws.sagemaker.on(UpdateEndpointWeightsAndCapacitiesCommand).callsFake(() => {
      aws.sagemaker.on(DescribeEndpointCommand).resolves(endpoint('fraud', 'InService', 'cfg-1', evenWeights))
      return {}
    })

    const result = await runAction(inputs)

    expect(result.failed).toBeUndefined()
    const names = withoutShadowTestLookups(awsCallNames())
    expect(names.indexOf('sagemaker.UpdateEndpointWeightsAndCapacities')).toBeGreaterThan(
      names.lastIndexOf('sagemaker.DescribeEndpoint', names.indexOf('sagemaker.UpdateEndpointWeightsAndCapacities'))
    )
    expect(names.slice(0, 3)).toEqual([
      'sagemaker.DescribeEndpoint',
      'sagemaker.DescribeEndpoint',
      'sagemaker.DescribeEndpoint'
    ])
  })
})
