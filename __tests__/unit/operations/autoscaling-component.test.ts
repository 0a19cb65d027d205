import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import {
  DeregisterScalableTargetCommand,
  DeleteScalingPolicyCommand,
  PutScalingPolicyCommand,
  RegisterScalableTargetCommand
} from '@aws-sdk/client-application-auto-scaling'
import { givenAutoscaling, scalableTarget, targetTrackingPolicy } from '../../../__fixtures__/autoscaling.js'
import { givenComponents } from '../../../__fixtures__/components.js'
import * as core from '../../../__fixtures__/core.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, awsCallNames, resetAws, runAction } = await import('../../../__fixtures__/action.js')

const scope = {
  ServiceNamespace: 'sagemaker',
  ResourceId: 'inference-component/scorer',
  ScalableDimension: 'sagemaker:inference-component:DesiredCopyCount'
} as const
const configure = {
  operation: 'configure-autoscaling',
  'endpoint-name': 'fraud',
  'inference-component-name': 'scorer',
  'min-capacity': '0',
  'max-capacity': '6',
  'scaling-metric': 'ConcurrentRequestsPerCopy',
  'target-value': '4'
}

function sent(command: Parameters<typeof aws.autoscaling.commandCalls>[0]): unknown[] {
  return aws.autoscaling.commandCalls(command).map((call) => call.args[0].input)
}

describe('configure-autoscaling with an inference component', () => {
  beforeEach(() => {
    resetAws()
    givenAutoscaling(aws.autoscaling)
  })

  it('refuses min-capacity 0 when nothing would bring a copy back, changing nothing', async () => {
    givenComponents(aws.sagemaker, [[{ name: 'scorer', copies: 2 }]])

    const result = await runAction(configure)

    expect(result.failed).toContain(
      'Input "min-capacity" is 0, but nothing would bring inference component "scorer" back from zero copies'
    )
    expect(result.failed).toContain('NoCapacityInvocationFailures')
    expect(sent(RegisterScalableTargetCommand)).toEqual([])
    expect(sent(PutScalingPolicyCommand)).toEqual([])
  })

  it("registers the component's copies, down to 0, on the high-resolution concurrency metric", async () => {
    givenComponents(aws.sagemaker, [[{ name: 'scorer', copies: 2 }]])
    // The way out of zero AWS describes, set up beforehand: a step policy an alarm on NoCapacityInvocationFailures invokes.
    givenAutoscaling(aws.autoscaling, {
      targets: [{ ...scope, MinCapacity: 1, MaxCapacity: 6, RoleARN: 'arn:role', CreationTime: new Date(0) }],
      policies: [
        {
          ...scope,
          PolicyName: 'scale-out-from-zero',
          PolicyARN: 'arn:policy/from-zero',
          PolicyType: 'StepScaling',
          StepScalingPolicyConfiguration: {
            AdjustmentType: 'ChangeInCapacity',
            MetricAggregationType: 'Maximum',
            StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 1 }]
          },
          CreationTime: new Date(0)
        }
      ]
    })

    const result = await runAction(configure)

    expect(result.failed).toBeUndefined()
    expect(sent(RegisterScalableTargetCommand)).toEqual([{ ...scope, MinCapacity: 0, MaxCapacity: 6 }])
    expect(sent(PutScalingPolicyCommand)).toEqual([
      {
        ...scope,
        PolicyName: 'sagemaker-deploy-target-tracking',
        PolicyType: 'TargetTrackingScaling',
        TargetTrackingScalingPolicyConfiguration: {
          TargetValue: 4,
          PredefinedMetricSpecification: {
            PredefinedMetricType: 'SageMakerInferenceComponentConcurrentRequestsPerCopyHighResolution'
          },
          ScaleInCooldown: 300,
          ScaleOutCooldown: 60
        }
      }
    ])
    expect(result.log.join('\n')).toContain('inference component "scorer" scales from 0 to 6 copies')
    expect(result.log.join('\n')).toContain('until its step scaling policy brings a copy back')
    // Kept: only the action's own policy is put.
    expect(sent(DeleteScalingPolicyCommand)).toEqual([])
    expect(result.outputs['copy-count']).toBe('2')
  })

  it('tracks invocations per copy', async () => {
    givenComponents(aws.sagemaker, [[{ name: 'scorer', copies: 2 }]])

    const result = await runAction({ ...configure, 'min-capacity': '1', 'scaling-metric': 'InvocationsPerCopy' })

    expect(result.failed).toBeUndefined()
    const [policy] = sent(PutScalingPolicyCommand) as Array<{
      TargetTrackingScalingPolicyConfiguration: { PredefinedMetricSpecification: unknown }
    }>
    expect(policy?.TargetTrackingScalingPolicyConfiguration.PredefinedMetricSpecification).toEqual({
      PredefinedMetricType: 'SageMakerInferenceComponentInvocationsPerCopy'
    })
  })

  it('refuses an adapter before any change', async () => {
    givenComponents(aws.sagemaker, [[{ name: 'scorer', base: 'base' }]])

    const result = await runAction(configure)

    expect(result.failed).toContain('Inference component "scorer" is an adapter of "base"')
    expect(sent(RegisterScalableTargetCommand)).toEqual([])
  })

  it.each([
    [
      { 'scaling-metric': 'InvocationsPerInstance' },
      'Input "scaling-metric" is InvocationsPerInstance, which a variant scales on'
    ],
    [{ 'variant-name': 'AllTraffic' }, 'Input "variant-name" cannot be set with inference-component-name'],
    [{ 'min-capacity': '-1' }, 'Input "min-capacity" must be a whole number from 0 to 1000'],
    [
      { 'inference-component-name': '', 'scaling-metric': 'InvocationsPerCopy', 'min-capacity': '1' },
      'Input "scaling-metric" is InvocationsPerCopy, which only an inference component scales on'
    ],
    [
      { 'inference-component-name': '', 'scaling-metric': 'CPUUtilization' },
      'Input "min-capacity" must be a whole number from 1'
    ]
  ])('refuses %j before any AWS call', async (override, expected) => {
    const result = await runAction({ ...configure, ...override })

    expect(result.failed).toContain(expected)
    expect(awsCallNames({ lock: true })).toEqual([])
  })
})

describe('delete-autoscaling with an inference component', () => {
  beforeEach(() => resetAws())

  it("removes the component's policy and deregisters it, leaving its copies", async () => {
    givenComponents(aws.sagemaker, [[{ name: 'scorer', copies: 3 }]])
    givenAutoscaling(aws.autoscaling, {
      targets: [{ ...scalableTarget('inference-component/scorer', 1, 4), ...scope }],
      policies: [{ ...targetTrackingPolicy('inference-component/scorer', 'ours'), ...scope }]
    })

    const result = await runAction({
      operation: 'delete-autoscaling',
      'endpoint-name': 'fraud',
      'inference-component-name': 'scorer'
    })

    expect(result.failed).toBeUndefined()
    expect(sent(DeleteScalingPolicyCommand)).toEqual([{ ...scope, PolicyName: 'ours' }])
    expect(sent(DeregisterScalableTargetCommand)).toEqual([scope])
    expect(result.log.join('\n')).toContain('Removed autoscaling from inference component "scorer" (was 1 to 4 copies')
    expect(result.outputs['copy-count']).toBe('3')
  })

  it('cleans up a registration that outlived its component', async () => {
    givenComponents(aws.sagemaker, [])
    givenAutoscaling(aws.autoscaling, {
      targets: [{ ...scalableTarget('inference-component/scorer', 1, 4), ...scope }]
    })

    const result = await runAction({
      operation: 'delete-autoscaling',
      'endpoint-name': 'fraud',
      'inference-component-name': 'scorer'
    })

    expect(result.failed).toBeUndefined()
    expect(sent(DeregisterScalableTargetCommand)).toEqual([scope])
  })
})
