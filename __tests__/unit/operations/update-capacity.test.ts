import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { DescribeScalableTargetsCommand, type ScalableTarget } from '@aws-sdk/client-application-auto-scaling'
import {
  DescribeEndpointCommand,
  DescribeEndpointConfigCommand,
  UpdateEndpointWeightsAndCapacitiesCommand
} from '@aws-sdk/client-sagemaker'
import { givenAutoscaling, scalableTarget, variantResourceId } from '../../../__fixtures__/autoscaling.js'
import * as core from '../../../__fixtures__/core.js'
import {
  awsError,
  endpoint,
  endpointConfig,
  givenAChangeRolledBack,
  type VariantState
} from '../../../__fixtures__/sagemaker.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, awsCallNames, resetAws, runAction, withoutShadowTestLookups } =
  await import('../../../__fixtures__/action.js')

const oneVariant = [{ name: 'AllTraffic', weight: 1, count: 1 }]
const twoVariants = [
  { name: 'blue', weight: 90, count: 2 },
  { name: 'green', weight: 10, count: 1 }
]
const inputs = { operation: 'update-capacity', 'endpoint-name': 'fraud', 'instance-count': '3' }

/** What Application Auto Scaling holds for the endpoint: nothing, or `target` with no policies. */
function givenScaling(target?: ScalableTarget): void {
  givenAutoscaling(aws.autoscaling, { targets: target ? [target] : [] })
}

/** The endpoint as DescribeEndpoint shows it: first `before`, then Updating, then InService with `after`. */
function givenEndpoint(before: VariantState[], after: VariantState[] = before): void {
  aws.sagemaker
    .on(DescribeEndpointCommand)
    .resolvesOnce(endpoint('fraud', 'InService', 'cfg-1', before))
    .resolvesOnce(endpoint('fraud', 'Updating', 'cfg-1', before))
    .resolves(endpoint('fraud', 'InService', 'cfg-1', after))
  aws.sagemaker.on(DescribeEndpointConfigCommand).resolves(endpointConfig('cfg-1', before))
  aws.sagemaker.on(UpdateEndpointWeightsAndCapacitiesCommand).resolves({ EndpointArn: 'arn' })
}

function updateInputs(): unknown[] {
  return aws.sagemaker.commandCalls(UpdateEndpointWeightsAndCapacitiesCommand).map((call) => call.args[0].input)
}

describe('update-capacity', () => {
  beforeEach(() => resetAws())

  it('sets the instance count of the only variant, waits and reports the result', async () => {
    givenEndpoint(oneVariant, [{ name: 'AllTraffic', weight: 1, count: 3 }])
    givenScaling()

    const result = await runAction(inputs)

    expect(result.failed).toBeUndefined()
    expect(updateInputs()).toEqual([
      { EndpointName: 'fraud', DesiredWeightsAndCapacities: [{ VariantName: 'AllTraffic', DesiredInstanceCount: 3 }] }
    ])
    expect(withoutShadowTestLookups(awsCallNames())).toEqual([
      'sagemaker.DescribeEndpoint',
      'autoscaling.DescribeScalableTargets',
      'sagemaker.UpdateEndpointWeightsAndCapacities',
      'sagemaker.DescribeEndpoint',
      'sagemaker.DescribeEndpoint',
      'sagemaker.DescribeEndpointConfig'
    ])
    expect(result.outputs['variant-name']).toBe('AllTraffic')
    expect(result.outputs['endpoint-status']).toBe('InService')
    expect(result.outputs['endpoint-name']).toBe('fraud')
    expect(result.log).toContain('Changed variant "AllTraffic" of endpoint "fraud" from 1 to 3 instance(s).')
    expect(result.summary).toContain('<td>3</td>')
  })

  it('changes only the named variant and sends no weights', async () => {
    givenEndpoint(twoVariants, [
      { name: 'blue', weight: 90, count: 2 },
      { name: 'green', weight: 10, count: 3 }
    ])
    givenScaling()

    const result = await runAction({ ...inputs, 'variant-name': 'green' })

    expect(result.failed).toBeUndefined()
    expect(updateInputs()).toEqual([
      { EndpointName: 'fraud', DesiredWeightsAndCapacities: [{ VariantName: 'green', DesiredInstanceCount: 3 }] }
    ])
    expect(result.outputs['variant-name']).toBe('green')
    expect(JSON.parse(result.outputs['variant-weights'] ?? '')).toEqual({ blue: 90, green: 10 })
  })

  it('goes ahead within the registered autoscaling range', async () => {
    givenEndpoint(oneVariant, [{ name: 'AllTraffic', weight: 1, count: 3 }])
    givenScaling(scalableTarget(variantResourceId('fraud', 'AllTraffic'), 1, 4))

    const result = await runAction(inputs)

    expect(result.failed).toBeUndefined()
    expect(updateInputs()).toHaveLength(1)
    // A target with no policy keeps the count where it is put.
    expect(result.log.filter((line) => line.startsWith('::warning::'))).toEqual([])
  })

  it('warns, within the range, that a scaling policy will move the count, and how to hold it', async () => {
    givenEndpoint(oneVariant, [{ name: 'AllTraffic', weight: 1, count: 3 }])
    const resourceId = variantResourceId('fraud', 'AllTraffic')
    const policy = {
      PolicyName: 'sagemaker-deploy-target-tracking',
      PolicyARN: 'arn:policy',
      PolicyType: 'TargetTrackingScaling' as const,
      ServiceNamespace: 'sagemaker' as const,
      ResourceId: resourceId,
      ScalableDimension: 'sagemaker:variant:DesiredInstanceCount' as const,
      CreationTime: new Date()
    }
    givenAutoscaling(aws.autoscaling, { targets: [scalableTarget(resourceId, 1, 4)], policies: [policy] })

    const result = await runAction(inputs)

    expect(result.failed).toBeUndefined()
    expect(updateInputs()).toHaveLength(1)
    expect(result.log).toContain(
      '::warning::Variant "AllTraffic" of endpoint "fraud" scales on policy "sagemaker-deploy-target-tracking" within 1 to 4 instances: 3 instances hold only until the policy next scales in, as its metric requires. To keep at least 3, raise min-capacity to 3 with configure-autoscaling instead.'
    )
    // Lowered from 4 to 2, it is scaling out that undoes it, and max-capacity that holds it.
    resetAws()
    givenEndpoint([{ name: 'AllTraffic', weight: 1, count: 4 }], [{ name: 'AllTraffic', weight: 1, count: 2 }])
    givenAutoscaling(aws.autoscaling, { targets: [scalableTarget(resourceId, 1, 4)], policies: [policy] })
    const lowered = await runAction({ ...inputs, 'instance-count': '2' })
    expect(lowered.log.find((line) => line.includes('hold only until'))).toContain(
      '2 instances hold only until the policy next scales out, as its metric requires. To keep at most 2, lower max-capacity to 2 with configure-autoscaling instead.'
    )
  })

  it.each([
    ['6', 'is 6, outside the autoscaling range'],
    ['1', 'is 1, outside the autoscaling range']
  ])('refuses instance-count %s outside the registered autoscaling range, changing nothing', async (count, text) => {
    givenEndpoint(oneVariant)
    givenScaling(scalableTarget(variantResourceId('fraud', 'AllTraffic'), 2, 4))

    const result = await runAction({ ...inputs, 'instance-count': count })

    expect(result.failed).toContain(`Input "instance-count" ${text}`)
    expect(result.failed).toContain('registered for variant "AllTraffic" of endpoint "fraud" (2 to 4 instances)')
    expect(result.failed).toContain('Application Auto Scaling would undo the change')
    expect(updateInputs()).toEqual([])
  })

  it.each([
    [{ 'instance-count': '0' }, '"instance-count" must be a whole number from 1 to 1000'],
    [{ 'instance-count': 'two' }, '"instance-count" must be a whole number'],
    [{ 'instance-count': '1.5' }, '"instance-count" must be a whole number'],
    [{ 'instance-count': '' }, '"instance-count" is required'],
    [{ 'variant-name': '-blue' }, '"variant-name" must be 1 to 63 letters'],
    [{ 'endpoint-name': '' }, '"endpoint-name" is required'],
    [{ 'wait-for-completion': 'maybe' }, '"wait-for-completion" must be true or false']
  ])('rejects %j before any AWS call', async (override, expected) => {
    const result = await runAction({ ...inputs, ...override })

    expect(result.failed).toContain(expected)
    expect(awsCallNames()).toEqual([])
  })

  it('names the API, the variant and the AWS error code when SageMaker refuses', async () => {
    givenEndpoint(oneVariant)
    givenScaling()
    aws.sagemaker
      .on(UpdateEndpointWeightsAndCapacitiesCommand)
      .rejects(awsError('ResourceLimitExceeded', 'account-level service limit for ml.m5.large is 2 instances'))

    const result = await runAction(inputs)

    expect(result.failed).toBe(
      'UpdateEndpointWeightsAndCapacities on variant "AllTraffic" of endpoint "fraud" failed: ResourceLimitExceeded: account-level service limit for ml.m5.large is 2 instances'
    )
  })

  it('names the API and the scalable target when reading autoscaling fails', async () => {
    givenEndpoint(oneVariant)
    aws.autoscaling
      .on(DescribeScalableTargetsCommand)
      .rejects(awsError('AccessDeniedException', 'not authorized to perform application-autoscaling:Describe*'))

    const result = await runAction(inputs)

    expect(result.failed).toContain(
      'DescribeScalableTargets on scalable target "endpoint/fraud/variant/AllTraffic" failed: AccessDeniedException'
    )
    expect(updateInputs()).toEqual([])
  })

  it('fails, quoting FailureReason, when SageMaker could not reach the count', async () => {
    aws.sagemaker
      .on(DescribeEndpointCommand)
      .resolvesOnce(endpoint('fraud', 'InService', 'cfg-1', oneVariant))
      .resolves(
        endpoint('fraud', 'InService', 'cfg-1', oneVariant, { FailureReason: 'Insufficient capacity for ml.m5.large' })
      )
    aws.sagemaker.on(DescribeEndpointConfigCommand).resolves(endpointConfig('cfg-1', oneVariant))
    aws.sagemaker.on(UpdateEndpointWeightsAndCapacitiesCommand).resolves({})
    givenScaling()

    const result = await runAction(inputs)

    expect(result.failed).toBe(
      'SageMaker did not change variant "AllTraffic" of endpoint "fraud" to 3 instance(s); it has 1. FailureReason: Insufficient capacity for ml.m5.large'
    )
  })

  it('fails when SageMaker rolled the change back, though autoscaling could have moved the count', async () => {
    givenAChangeRolledBack(aws.sagemaker, oneVariant)
    givenScaling(scalableTarget(variantResourceId('fraud', 'AllTraffic'), 1, 4))

    const result = await runAction(inputs)

    expect(result.failed).toBe(
      'SageMaker did not make the capacity change and rolled it back: endpoint "fraud" is InService with variant "AllTraffic" on 1 instance(s), not 3.'
    )
    expect(result.log.join('\n')).not.toContain('Changed variant')
  })

  it('plans the call without making it in a dry run', async () => {
    givenEndpoint(oneVariant)
    givenScaling()

    const result = await runAction({ ...inputs, 'dry-run': 'true' })

    expect(result.failed).toBeUndefined()
    expect(updateInputs()).toEqual([])
    expect(result.log.join('\n')).toContain(
      '[dry-run] would call UpdateEndpointWeightsAndCapacities on variant "AllTraffic" of endpoint "fraud": {"EndpointName":"fraud","DesiredWeightsAndCapacities":[{"VariantName":"AllTraffic","DesiredInstanceCount":3}]}'
    )
    expect(result.summary).toContain('Plan (nothing was changed)')
    expect(result.summary).toContain('<code>UpdateEndpointWeightsAndCapacities</code> on variant')
    expect(result.outputs['variant-name']).toBe('AllTraffic')
  })

  it('does not wait when wait-for-completion is false', async () => {
    givenEndpoint(oneVariant)
    givenScaling()

    const result = await runAction({ ...inputs, 'wait-for-completion': 'false' })

    expect(result.failed).toBeUndefined()
    expect(updateInputs()).toHaveLength(1)
    expect(awsCallNames().filter((name) => name === 'sagemaker.DescribeEndpoint')).toHaveLength(1)
    expect(result.clock.sleptMs).toBe(0)
  })

  it('waits for an update already in progress before changing the count', async () => {
    aws.sagemaker
      .on(DescribeEndpointCommand)
      .resolvesOnce(endpoint('fraud', 'Updating', 'cfg-1', oneVariant))
      .resolvesOnce(endpoint('fraud', 'Updating', 'cfg-1', oneVariant))
      .resolvesOnce(endpoint('fraud', 'InService', 'cfg-1', oneVariant))
      .resolves(endpoint('fraud', 'InService', 'cfg-1', [{ name: 'AllTraffic', weight: 1, count: 3 }]))
    aws.sagemaker.on(DescribeEndpointConfigCommand).resolves(endpointConfig('cfg-1', oneVariant))
    aws.sagemaker.on(UpdateEndpointWeightsAndCapacitiesCommand).resolves({})
    givenScaling()

    const result = await runAction(inputs)

    expect(result.failed).toBeUndefined()
    expect(withoutShadowTestLookups(awsCallNames()).slice(0, 5)).toEqual([
      'sagemaker.DescribeEndpoint',
      'sagemaker.DescribeEndpoint',
      'sagemaker.DescribeEndpoint',
      'autoscaling.DescribeScalableTargets',
      'sagemaker.UpdateEndpointWeightsAndCapacities'
    ])
  })

  it('refuses a Failed endpoint without changing it', async () => {
    aws.sagemaker
      .on(DescribeEndpointCommand)
      .resolves(endpoint('fraud', 'Failed', 'cfg-1', oneVariant, { FailureReason: 'image not found' }))

    const result = await runAction(inputs)

    expect(result.failed).toBe(
      'Endpoint "fraud" is Failed and cannot be updated. FailureReason: image not found SageMaker allows nothing on a failed endpoint but its deletion: delete it (operation: delete), then deploy.'
    )
    expect(updateInputs()).toEqual([])
  })

  it('changes nothing when the variant already has the count', async () => {
    givenEndpoint([{ name: 'AllTraffic', weight: 1, count: 3 }])
    givenScaling()

    const result = await runAction(inputs)

    expect(result.failed).toBeUndefined()
    expect(updateInputs()).toEqual([])
    expect(result.log).toContain('Variant "AllTraffic" already has 3 instance(s); nothing to change.')
    expect(result.summary).toContain('Nothing was changed.')
  })
})
