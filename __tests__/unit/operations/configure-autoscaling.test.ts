import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import {
  DeleteScalingPolicyCommand,
  DeregisterScalableTargetCommand,
  DescribeScalableTargetsCommand,
  PutScalingPolicyCommand,
  RegisterScalableTargetCommand,
  type ScalableTarget,
  type ScalingPolicy
} from '@aws-sdk/client-application-auto-scaling'
import { DescribeEndpointCommand, DescribeEndpointConfigCommand } from '@aws-sdk/client-sagemaker'
import {
  givenAutoscaling,
  scalableTarget,
  scalingScope,
  targetTrackingPolicy,
  variantResourceId
} from '../../../__fixtures__/autoscaling.js'
import * as core from '../../../__fixtures__/core.js'
import { awsError, endpoint, endpointConfig } from '../../../__fixtures__/sagemaker.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, awsCallNames, resetAws, runAction } = await import('../../../__fixtures__/action.js')

const RESOURCE_ID = variantResourceId('fraud', 'AllTraffic')
const SCOPE = scalingScope(RESOURCE_ID)
const POLICY_NAME = 'sagemaker-deploy-target-tracking'

const inputs = {
  operation: 'configure-autoscaling',
  'endpoint-name': 'fraud',
  'min-capacity': '1',
  'max-capacity': '4',
  'scaling-metric': 'InvocationsPerInstance',
  'target-value': '70'
}

/** An InService endpoint with one variant and, when given, what Application Auto Scaling holds for it. */
function givenEndpoint(
  registered?: { target: ScalableTarget; policies?: ScalingPolicy[] },
  variants = [{ name: 'AllTraffic', weight: 1, count: 2 }]
): void {
  aws.sagemaker.on(DescribeEndpointCommand).resolves(endpoint('fraud', 'InService', 'cfg-1', variants))
  aws.sagemaker.on(DescribeEndpointConfigCommand).resolves(endpointConfig('cfg-1', variants))
  givenAutoscaling(
    aws.autoscaling,
    registered ? { targets: [registered.target], policies: registered.policies ?? [] } : {}
  )
}

function putInputs(): unknown[] {
  return aws.autoscaling.commandCalls(PutScalingPolicyCommand).map((call) => call.args[0].input)
}

function mutatingCalls(): string[] {
  return awsCallNames().filter((name) => /\.(Register|Put|Delete|Deregister|Update)/.test(name))
}

describe('configure-autoscaling', () => {
  beforeEach(() => resetAws())

  it('registers the variant, puts one target-tracking policy and reports before and after', async () => {
    givenEndpoint()

    const result = await runAction(inputs)

    expect(result.failed).toBeUndefined()
    expect(mutatingCalls()).toEqual(['autoscaling.RegisterScalableTarget', 'autoscaling.PutScalingPolicy'])
    expect(aws.autoscaling.commandCalls(DescribeScalableTargetsCommand)[0]?.args[0].input).toEqual({
      ServiceNamespace: 'sagemaker',
      ScalableDimension: 'sagemaker:variant:DesiredInstanceCount',
      ResourceIds: [RESOURCE_ID]
    })
    expect(aws.autoscaling.commandCalls(RegisterScalableTargetCommand)[0]?.args[0].input).toEqual({
      ...SCOPE,
      MinCapacity: 1,
      MaxCapacity: 4
    })
    expect(putInputs()).toEqual([
      {
        ...SCOPE,
        PolicyName: POLICY_NAME,
        PolicyType: 'TargetTrackingScaling',
        TargetTrackingScalingPolicyConfiguration: {
          TargetValue: 70,
          PredefinedMetricSpecification: { PredefinedMetricType: 'SageMakerVariantInvocationsPerInstance' },
          ScaleInCooldown: 300,
          ScaleOutCooldown: 60
        }
      }
    ])
    expect(result.outputs['endpoint-name']).toBe('fraud')
    expect(result.outputs['variant-name']).toBe('AllTraffic')
    expect(result.summary).toContain(
      'Before: variant &quot;AllTraffic&quot; of endpoint &quot;fraud&quot; had no autoscaling.'
    )
    expect(result.summary).toContain(
      'Now: variant &quot;AllTraffic&quot; of endpoint &quot;fraud&quot; scales from 1 to 4'
    )
    expect(result.summary).toContain('<code>PutScalingPolicy</code>')
    expect(JSON.parse(result.outputs.result ?? '').succeeded).toBe(true)
  })

  it('takes the cooldowns from the inputs, in seconds', async () => {
    givenEndpoint()

    await runAction({ ...inputs, 'scale-in-cooldown': '10m', 'scale-out-cooldown': '30' })

    expect(putInputs()[0]).toMatchObject({
      TargetTrackingScalingPolicyConfiguration: { ScaleInCooldown: 600, ScaleOutCooldown: 30 }
    })
  })

  it.each([
    [
      'InvocationsPerInstance',
      '70',
      { PredefinedMetricSpecification: { PredefinedMetricType: 'SageMakerVariantInvocationsPerInstance' } }
    ],
    [
      'CPUUtilization',
      '65.5',
      {
        CustomizedMetricSpecification: {
          MetricName: 'CPUUtilization',
          Namespace: '/aws/sagemaker/Endpoints',
          Dimensions: [
            { Name: 'EndpointName', Value: 'fraud' },
            { Name: 'VariantName', Value: 'AllTraffic' }
          ],
          Statistic: 'Average'
        }
      }
    ],
    [
      'ModelLatency',
      '250000',
      {
        CustomizedMetricSpecification: {
          MetricName: 'ModelLatency',
          Namespace: 'AWS/SageMaker',
          Dimensions: [
            { Name: 'EndpointName', Value: 'fraud' },
            { Name: 'VariantName', Value: 'AllTraffic' }
          ],
          Statistic: 'Average'
        }
      }
    ]
  ])('tracks %s with the right CloudWatch metric', async (metric, target, specification) => {
    givenEndpoint()

    const result = await runAction({ ...inputs, 'scaling-metric': metric, 'target-value': target })

    expect(result.failed).toBeUndefined()
    expect(putInputs()).toEqual([
      {
        ...SCOPE,
        PolicyName: POLICY_NAME,
        PolicyType: 'TargetTrackingScaling',
        TargetTrackingScalingPolicyConfiguration: {
          TargetValue: Number(target),
          ...specification,
          ScaleInCooldown: 300,
          ScaleOutCooldown: 60
        }
      }
    ])
  })

  it('says that a ModelLatency target is in microseconds, and warns when it looks like milliseconds', async () => {
    givenEndpoint()

    const result = await runAction({ ...inputs, 'scaling-metric': 'ModelLatency', 'target-value': '250' })

    expect(result.failed).toBeUndefined()
    expect(result.log.join('\n')).toContain('tracking ModelLatency at 250 (microseconds)')
    expect(result.log.join('\n')).toMatch(/::warning::target-value 250 for ModelLatency is 250 microseconds/)
  })

  it('updates its own policy in place on a re-run, replacing the metric rather than adding a policy', async () => {
    givenEndpoint()
    const first = await runAction(inputs)
    expect(first.failed).toBeUndefined()

    resetAws()
    givenEndpoint({
      target: scalableTarget(RESOURCE_ID, 1, 4),
      policies: [
        targetTrackingPolicy(RESOURCE_ID, POLICY_NAME, {
          TargetValue: 70,
          PredefinedMetricSpecification: { PredefinedMetricType: 'SageMakerVariantInvocationsPerInstance' },
          ScaleInCooldown: 300,
          ScaleOutCooldown: 60
        })
      ]
    })
    const second = await runAction({
      ...inputs,
      'min-capacity': '2',
      'max-capacity': '6',
      'scaling-metric': 'CPUUtilization',
      'target-value': '50'
    })

    expect(second.failed).toBeUndefined()
    expect(mutatingCalls()).toEqual(['autoscaling.RegisterScalableTarget', 'autoscaling.PutScalingPolicy'])
    expect(aws.autoscaling.commandCalls(DeleteScalingPolicyCommand)).toHaveLength(0)
    expect(aws.autoscaling.commandCalls(DeregisterScalableTargetCommand)).toHaveLength(0)
    expect(aws.autoscaling.commandCalls(RegisterScalableTargetCommand)[0]?.args[0].input).toEqual({
      ...SCOPE,
      MinCapacity: 2,
      MaxCapacity: 6
    })
    expect(putInputs()).toEqual([
      expect.objectContaining({
        PolicyName: POLICY_NAME,
        TargetTrackingScalingPolicyConfiguration: expect.objectContaining({
          TargetValue: 50,
          CustomizedMetricSpecification: expect.objectContaining({ MetricName: 'CPUUtilization' })
        })
      })
    ])
    expect(second.log.join('\n')).toContain(
      'Before: variant "AllTraffic" of endpoint "fraud" scaled 1 to 4 instances; policy "sagemaker-deploy-target-tracking": target tracking SageMakerVariantInvocationsPerInstance at 70 (scale-in cooldown 300s, scale-out cooldown 60s).'
    )
    expect(second.log.join('\n')).toContain('scales from 2 to 6 instances, tracking CPUUtilization at 50')
  })

  it('leaves policies it does not own alone and says so', async () => {
    givenEndpoint({
      target: scalableTarget(RESOURCE_ID, 1, 4),
      policies: [
        targetTrackingPolicy(RESOURCE_ID, 'team-policy', {
          TargetValue: 10,
          PredefinedMetricSpecification: { PredefinedMetricType: 'SageMakerVariantInvocationsPerInstance' }
        })
      ]
    })

    const result = await runAction(inputs)

    expect(result.failed).toBeUndefined()
    expect(putInputs()).toHaveLength(1)
    expect(putInputs()[0]).toMatchObject({ PolicyName: POLICY_NAME })
    expect(result.log.join('\n')).toContain(
      'Left as they were: policy "team-policy" (TargetTrackingScaling); they act alongside this one.'
    )
  })

  it('warns when the variant runs outside the new range', async () => {
    givenEndpoint(undefined, [{ name: 'AllTraffic', weight: 1, count: 1 }])

    const result = await runAction({ ...inputs, 'min-capacity': '2', 'max-capacity': '4' })

    expect(result.failed).toBeUndefined()
    expect(result.log).toContain(
      '::warning::Variant "AllTraffic" has 1 instance(s), outside 2 to 4: Application Auto Scaling will move it to 2.'
    )
  })

  it('picks the named variant of an endpoint with several', async () => {
    givenEndpoint(undefined, [
      { name: 'blue', weight: 90, count: 2 },
      { name: 'green', weight: 10, count: 1 }
    ])

    const result = await runAction({ ...inputs, 'variant-name': 'green' })

    expect(result.failed).toBeUndefined()
    expect(aws.autoscaling.commandCalls(RegisterScalableTargetCommand)[0]?.args[0].input.ResourceId).toBe(
      'endpoint/fraud/variant/green'
    )
    expect(result.outputs['variant-name']).toBe('green')
  })

  it.each([
    [{ 'min-capacity': '0' }, '"min-capacity" must be a whole number from 1 to 1000'],
    [{ 'min-capacity': '' }, '"min-capacity" is required'],
    [{ 'min-capacity': '3', 'max-capacity': '2' }, '"max-capacity" must be at least min-capacity (3)'],
    [{ 'scaling-metric': 'GPUUtilization' }, '"scaling-metric" must be one of'],
    [{ 'scaling-metric': '' }, '"scaling-metric" is required: one of InvocationsPerInstance'],
    [{ 'target-value': '' }, '"target-value" is required'],
    [{ 'target-value': '-5' }, '"target-value" must be a number'],
    [{ 'scale-in-cooldown': 'soon' }, '"scale-in-cooldown" must be a duration'],
    [{ 'scale-out-cooldown': '5 minutes' }, '"scale-out-cooldown" must be a duration'],
    [{ 'variant-name': 'not a name' }, '"variant-name" must be 1 to 63 letters']
  ])('rejects %j before any AWS call', async (override, expected) => {
    const result = await runAction({ ...inputs, ...override })

    expect(result.failed).toContain(expected)
    expect(awsCallNames()).toEqual([])
  })

  it('names the API, the scalable target and the AWS error code when registration is refused', async () => {
    givenEndpoint()
    aws.autoscaling
      .on(RegisterScalableTargetCommand)
      .rejects(awsError('AccessDeniedException', 'not authorized to perform iam:CreateServiceLinkedRole'))

    const result = await runAction(inputs)

    expect(result.failed).toContain(
      `RegisterScalableTarget on scalable target "${RESOURCE_ID}" failed: AccessDeniedException: not authorized`
    )
    expect(aws.autoscaling.commandCalls(PutScalingPolicyCommand)).toHaveLength(0)
  })

  it('names the policy when PutScalingPolicy is refused', async () => {
    givenEndpoint()
    aws.autoscaling.on(PutScalingPolicyCommand).rejects(awsError('ValidationException', 'bad target value'))

    const result = await runAction(inputs)

    expect(result.failed).toContain(
      `PutScalingPolicy on scaling policy "${POLICY_NAME}" of ${RESOURCE_ID} failed: ValidationException`
    )
  })

  it('plans the calls without making them in a dry run', async () => {
    givenEndpoint()

    const result = await runAction({ ...inputs, 'dry-run': 'true' })

    expect(result.failed).toBeUndefined()
    expect(mutatingCalls()).toEqual([])
    expect(result.log.join('\n')).toContain('[dry-run] would call RegisterScalableTarget')
    expect(result.log.join('\n')).toContain('[dry-run] would call PutScalingPolicy')
    expect(result.summary).toContain('Plan (nothing was changed)')
    expect(result.summary).toContain('<code>RegisterScalableTarget</code> on scalable target')
    expect(result.summary).toContain('Would set: variant')
  })
})

describe('on an asynchronous endpoint', () => {
  beforeEach(() => resetAws())

  function givenAsynchronous(): void {
    givenEndpoint()
    aws.sagemaker.on(DescribeEndpointConfigCommand).resolves({
      ...endpointConfig('cfg-1', [{ name: 'AllTraffic', weight: 1, count: 2 }]),
      AsyncInferenceConfig: { OutputConfig: { S3OutputPath: 's3://fraud-async/out/' } }
    })
  }

  it('refuses InvocationsPerInstance, which it never publishes, before any change', async () => {
    givenAsynchronous()

    const result = await runAction(inputs)

    expect(result.failed).toBe(
      'Input "scaling-metric": endpoint "fraud" is asynchronous (its config "cfg-1" has an AsyncInferenceConfig), and SageMaker publishes no InvocationsPerInstance for it, so a policy tracking it would never scale; nothing was changed. Register a target-tracking policy on ApproximateBacklogSizePerInstance with Application Auto Scaling, as AWS advises for asynchronous endpoints, or track CPUUtilization.'
    )
    expect(mutatingCalls()).toEqual([])
  })

  it('takes CPUUtilization', async () => {
    givenAsynchronous()

    const result = await runAction({ ...inputs, 'scaling-metric': 'CPUUtilization', 'target-value': '70' })

    expect(result.failed).toBeUndefined()
    expect(mutatingCalls()).toContain('autoscaling.PutScalingPolicy')
  })
})
