import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import {
  DescribeEndpointCommand,
  DescribeEndpointConfigCommand,
  UpdateInferenceComponentRuntimeConfigCommand
} from '@aws-sdk/client-sagemaker'
import { givenAutoscaling, scalableTarget } from '../../../__fixtures__/autoscaling.js'
import { givenComponents } from '../../../__fixtures__/components.js'
import * as core from '../../../__fixtures__/core.js'
import { endpoint, endpointConfig } from '../../../__fixtures__/sagemaker.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, awsCallNames, resetAws, runAction } = await import('../../../__fixtures__/action.js')

const inputs = {
  operation: 'update-capacity',
  'endpoint-name': 'fraud',
  'inference-component-name': 'scorer',
  'copy-count': '4'
}

function givenEndpointOf(fleet: { instances: number }): void {
  const variants = [{ name: 'AllTraffic', count: fleet.instances, instanceType: 'ml.m5.large' }]
  aws.sagemaker.on(DescribeEndpointCommand).resolves(endpoint('fraud', 'InService', 'fraud-config', variants))
  aws.sagemaker.on(DescribeEndpointConfigCommand).resolves(endpointConfig('fraud-config', variants))
}

function updates(): unknown[] {
  return aws.sagemaker.commandCalls(UpdateInferenceComponentRuntimeConfigCommand).map((call) => call.args[0].input)
}

describe('update-capacity with an inference component', () => {
  beforeEach(() => {
    resetAws()
    aws.sagemaker.on(UpdateInferenceComponentRuntimeConfigCommand).resolves({ InferenceComponentArn: 'arn' })
    givenAutoscaling(aws.autoscaling, { targets: [] })
    // Two ml.m5.large (2 CPU cores each) hold four copies of 1 core and 2 GB.
    givenEndpointOf({ instances: 2 })
  })

  it('sets the copy count, waits for the copies and reports them', async () => {
    givenComponents(aws.sagemaker, [
      [
        { name: 'scorer', copies: 2 },
        // Read again among the endpoint's components, once: for room and for adapters.
        { name: 'scorer', copies: 2 },
        { name: 'scorer', status: 'Updating', copies: 4, current: 2 },
        { name: 'scorer', copies: 4 }
      ]
    ])

    const result = await runAction(inputs)

    expect(result.failed).toBeUndefined()
    expect(updates()).toEqual([{ InferenceComponentName: 'scorer', DesiredRuntimeConfig: { CopyCount: 4 } }])
    expect(awsCallNames()).toEqual([
      'sagemaker.DescribeInferenceComponent',
      'autoscaling.DescribeScalableTargets',
      'sagemaker.ListInferenceComponents',
      'sagemaker.DescribeInferenceComponent',
      'sagemaker.DescribeEndpoint',
      'sagemaker.DescribeEndpointConfig',
      'sagemaker.UpdateInferenceComponentRuntimeConfig',
      'sagemaker.DescribeInferenceComponent',
      'sagemaker.DescribeInferenceComponent'
    ])
    const scope = aws.autoscaling.calls()[0]?.args[0].input
    expect(scope).toEqual({
      ServiceNamespace: 'sagemaker',
      ScalableDimension: 'sagemaker:inference-component:DesiredCopyCount',
      ResourceIds: ['inference-component/scorer']
    })
    expect(result.outputs['copy-count']).toBe('4')
    expect(result.outputs['inference-component-status']).toBe('InService')
    expect(result.log).toContain('Changed inference component "scorer" from 2 to 4 copies.')
    expect(result.summary).toContain('4 of 4 copies')
  })

  it('may take the copies to 0, warning that requests then fail', async () => {
    givenComponents(aws.sagemaker, [
      [
        { name: 'scorer', copies: 2 },
        { name: 'scorer', copies: 2 },
        { name: 'scorer', copies: 0 }
      ]
    ])

    const result = await runAction({ ...inputs, 'copy-count': '0' })

    expect(result.failed).toBeUndefined()
    expect(updates()).toEqual([{ InferenceComponentName: 'scorer', DesiredRuntimeConfig: { CopyCount: 0 } }])
    expect(result.log.join('\n')).toContain('NoCapacityInvocationFailures')
  })

  it('changes nothing when the component already runs that many copies', async () => {
    givenComponents(aws.sagemaker, [[{ name: 'scorer', copies: 4 }]])

    const result = await runAction(inputs)

    expect(result.failed).toBeUndefined()
    expect(updates()).toEqual([])
    expect(result.log).toContain('Inference component "scorer" already runs 4 copies; nothing to change.')
  })

  it('fails, quoting FailureReason, when SageMaker could not place the copies', async () => {
    givenComponents(aws.sagemaker, [
      [
        { name: 'scorer', copies: 2 },
        { name: 'scorer', copies: 2 },
        { name: 'scorer', copies: 4, current: 2, failureReason: 'CapacityError: no room' }
      ]
    ])

    const result = await runAction(inputs)

    expect(result.failed).toBe(
      'SageMaker did not change inference component "scorer" to 4 copies: it is InService with 2 running. FailureReason: CapacityError: no room'
    )
  })

  it('names the adapters it left alone', async () => {
    givenComponents(aws.sagemaker, [
      [
        { name: 'scorer', copies: 2 },
        { name: 'scorer', copies: 2 },
        { name: 'scorer', copies: 4 }
      ],
      [{ name: 'scorer-fr', base: 'scorer' }]
    ])

    const result = await runAction(inputs)

    expect(result.failed).toBeUndefined()
    expect(result.summary).toContain(
      'Adapter components of &quot;scorer&quot;, left as they are: &quot;scorer-fr&quot;'
    )
  })

  it('refuses a copy count outside the registered autoscaling range, changing nothing', async () => {
    givenComponents(aws.sagemaker, [[{ name: 'scorer', copies: 2 }]])
    givenAutoscaling(aws.autoscaling, {
      targets: [
        {
          ...scalableTarget('inference-component/scorer', 1, 3),
          ScalableDimension: 'sagemaker:inference-component:DesiredCopyCount'
        }
      ]
    })

    const result = await runAction(inputs)

    expect(result.failed).toContain(
      'Input "copy-count" is 4, outside the autoscaling range registered for inference component "scorer" (1 to 3 copies)'
    )
    expect(updates()).toEqual([])
  })

  it('refuses more copies than the instances hold beside the other components, changing nothing', async () => {
    givenComponents(aws.sagemaker, [[{ name: 'scorer', copies: 1 }], [{ name: 'ranker', copies: 1 }]])
    givenEndpointOf({ instances: 2 })

    const result = await runAction(inputs)

    expect(result.failed).toContain(
      'Input "copy-count" is 4, and endpoint "fraud" cannot hold that many copies of inference component "scorer": 5 copies must run at once (1 "ranker" + 4 "scorer"), and only 4 fit on 2 × ml.m5.large'
    )
    expect(result.failed).toContain('Nothing was changed.')
    expect(updates()).toEqual([])
  })

  it('lets fewer copies through without reading the endpoint', async () => {
    givenComponents(aws.sagemaker, [
      [
        { name: 'scorer', copies: 6 },
        { name: 'scorer', copies: 6 },
        { name: 'scorer', copies: 4 }
      ]
    ])
    givenEndpointOf({ instances: 1 })

    const result = await runAction(inputs)

    expect(result.failed).toBeUndefined()
    expect(updates()).toHaveLength(1)
    expect(awsCallNames()).not.toContain('sagemaker.DescribeEndpoint')
  })

  it('refuses an adapter, which has no copies of its own', async () => {
    givenComponents(aws.sagemaker, [[{ name: 'scorer-fr', base: 'scorer' }]])

    const result = await runAction({ ...inputs, 'inference-component-name': 'scorer-fr' })

    expect(result.failed).toContain('Inference component "scorer-fr" is an adapter of "scorer"')
    expect(updates()).toEqual([])
  })

  it('refuses a component of another endpoint', async () => {
    givenComponents(aws.sagemaker, [[{ name: 'scorer', endpoint: 'other' }]])

    const result = await runAction(inputs)

    expect(result.failed).toContain('Inference component "scorer" runs on endpoint "other", not "fraud"')
    expect(updates()).toEqual([])
  })

  it('records the change in a dry run without sending it or waiting', async () => {
    givenComponents(aws.sagemaker, [[{ name: 'scorer', copies: 2 }]])

    const result = await runAction({ ...inputs, 'dry-run': 'true' })

    expect(result.failed).toBeUndefined()
    expect(updates()).toEqual([])
    expect(result.log).toContain('Would change inference component "scorer" from 2 to 4 copies.')
    expect(result.outputs['copy-count']).toBe('4')
  })

  it.each([
    [{ 'copy-count': '' }, 'Input "copy-count" is required with inference-component-name'],
    [{ 'copy-count': '-1' }, 'Input "copy-count" must be a whole number from 0 to 1000'],
    [{ 'instance-count': '2' }, 'Input "instance-count" cannot be set with inference-component-name'],
    [{ 'variant-name': 'AllTraffic' }, 'Input "variant-name" cannot be set with inference-component-name'],
    [{ 'inference-component-name': '' }, 'Input "copy-count" is for an inference component']
  ])('refuses %j before any AWS call', async (override, expected) => {
    const result = await runAction({ ...inputs, ...override })

    expect(result.failed).toContain(expected)
    expect(awsCallNames({ lock: true })).toEqual([])
  })
})
