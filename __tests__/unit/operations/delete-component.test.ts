import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import {
  DeleteEndpointCommand,
  DeleteEndpointConfigCommand,
  DeleteInferenceComponentCommand,
  DescribeEndpointCommand,
  DescribeEndpointConfigCommand,
  ListEndpointsCommand
} from '@aws-sdk/client-sagemaker'
import { DeleteScalingPolicyCommand, DeregisterScalableTargetCommand } from '@aws-sdk/client-application-auto-scaling'
import { givenAutoscaling, scalableTarget, targetTrackingPolicy } from '../../../__fixtures__/autoscaling.js'
import { givenComponents } from '../../../__fixtures__/components.js'
import * as core from '../../../__fixtures__/core.js'
import { awsError, endpoint, endpointConfig } from '../../../__fixtures__/sagemaker.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, resetAws, runAction } = await import('../../../__fixtures__/action.js')

const inputs = { operation: 'delete', 'endpoint-name': 'fraud', 'inference-component-name': 'scorer' }

function deleted(): string[] {
  return [
    ...aws.sagemaker
      .commandCalls(DeleteInferenceComponentCommand)
      .map((call) => call.args[0].input.InferenceComponentName),
    ...aws.sagemaker.commandCalls(DeleteEndpointCommand).map((call) => `endpoint ${call.args[0].input.EndpointName}`)
  ].map(String)
}

/** Once deleted, the component is not found. */
function componentGoesAway(): void {
  aws.sagemaker.on(DeleteInferenceComponentCommand).callsFake(() => {
    givenComponents(aws.sagemaker, [])
    return {}
  })
}

describe('delete with an inference component', () => {
  beforeEach(() => {
    resetAws()
    givenAutoscaling(aws.autoscaling)
    componentGoesAway()
  })

  it('deletes the component and keeps the endpoint by default', async () => {
    givenComponents(aws.sagemaker, [[{ name: 'scorer' }]])

    const result = await runAction(inputs)

    expect(result.failed).toBeUndefined()
    expect(deleted()).toEqual(['scorer'])
    expect(result.outputs['inference-component-status']).toBe('Deleted')
    expect(result.log).toContain('Kept endpoint "fraud" (delete-endpoint is false).')
  })

  it('deletes the endpoint too with delete-endpoint, once the component is gone', async () => {
    givenComponents(aws.sagemaker, [[{ name: 'scorer' }]])
    aws.sagemaker
      .on(DescribeEndpointCommand)
      .resolvesOnce(endpoint('fraud', 'InService', 'cfg-1'))
      .rejects(awsError('ValidationException', 'Could not find endpoint "fraud".'))
    aws.sagemaker.on(DescribeEndpointConfigCommand).resolves(endpointConfig('cfg-1'))
    aws.sagemaker.on(ListEndpointsCommand).resolves({ Endpoints: [] })
    aws.sagemaker.on(DeleteEndpointCommand).resolves({})
    aws.sagemaker.on(DeleteEndpointConfigCommand).resolves({})

    const result = await runAction({ ...inputs, 'delete-endpoint': 'true' })

    expect(result.failed).toBeUndefined()
    expect(deleted()).toEqual(['scorer', 'endpoint fraud'])
    expect(result.outputs['endpoint-status']).toBe('Deleted')
  })

  it("deregisters the component's autoscaling once the component is deleted", async () => {
    givenComponents(aws.sagemaker, [[{ name: 'scorer' }]])
    const scope = {
      ServiceNamespace: 'sagemaker' as const,
      ResourceId: 'inference-component/scorer',
      ScalableDimension: 'sagemaker:inference-component:DesiredCopyCount' as const
    }
    givenAutoscaling(aws.autoscaling, {
      targets: [{ ...scalableTarget('inference-component/scorer', 1, 4), ...scope }],
      policies: [{ ...targetTrackingPolicy('inference-component/scorer', 'ours'), ...scope }]
    })
    const order: string[] = []
    aws.sagemaker.on(DeleteInferenceComponentCommand).callsFake(() => {
      order.push('DeleteInferenceComponent')
      givenComponents(aws.sagemaker, [])
      return {}
    })
    aws.autoscaling.on(DeregisterScalableTargetCommand).callsFake(() => {
      order.push('DeregisterScalableTarget')
      return {}
    })

    const result = await runAction(inputs)

    expect(result.failed).toBeUndefined()
    expect(order).toEqual(['DeleteInferenceComponent', 'DeregisterScalableTarget'])
    expect(aws.autoscaling.commandCalls(DeleteScalingPolicyCommand).map((call) => call.args[0].input)).toEqual([
      { ...scope, PolicyName: 'ours' }
    ])
    expect(result.log.join('\n')).toContain('Removed the autoscaling of inference component "scorer" with it')
  })

  it('keeps the autoscaling when the deletion is refused', async () => {
    givenComponents(aws.sagemaker, [[{ name: 'scorer' }]])
    givenAutoscaling(aws.autoscaling, {
      targets: [
        {
          ...scalableTarget('inference-component/scorer', 1, 4),
          ServiceNamespace: 'sagemaker',
          ResourceId: 'inference-component/scorer',
          ScalableDimension: 'sagemaker:inference-component:DesiredCopyCount'
        }
      ]
    })
    aws.sagemaker.on(DeleteInferenceComponentCommand).rejects(awsError('ValidationException', 'Cannot delete now.'))

    const result = await runAction(inputs)

    expect(result.failed).toContain('Cannot delete now.')
    expect(aws.autoscaling.commandCalls(DeregisterScalableTargetCommand)).toHaveLength(0)
  })

  it('refuses delete-endpoint while another component runs there, deleting nothing', async () => {
    givenComponents(aws.sagemaker, [[{ name: 'scorer' }], [{ name: 'ranker' }]])

    const result = await runAction({ ...inputs, 'delete-endpoint': 'true' })

    expect(result.failed).toContain(
      'Input "delete-endpoint": endpoint "fraud" also runs inference components "ranker", so it cannot go with "scorer". Nothing was deleted'
    )
    expect(deleted()).toEqual([])
  })

  it('refuses to delete a base whose adapters still run, deleting nothing', async () => {
    givenComponents(aws.sagemaker, [[{ name: 'scorer' }], [{ name: 'scorer-fr', base: 'scorer' }]])

    const result = await runAction(inputs)

    expect(result.failed).toContain(
      'Inference component "scorer" is the base of adapter components "scorer-fr", which run inside its copies. Nothing was deleted'
    )
    expect(deleted()).toEqual([])
  })

  it('deletes an adapter on its own', async () => {
    givenComponents(aws.sagemaker, [[{ name: 'scorer' }], [{ name: 'scorer-fr', base: 'scorer' }]])

    const result = await runAction({ ...inputs, 'inference-component-name': 'scorer-fr' })

    expect(result.failed).toBeUndefined()
    expect(deleted()).toEqual(['scorer-fr'])
  })

  it('fails on a missing component unless ignore-missing', async () => {
    givenComponents(aws.sagemaker, [])

    expect((await runAction(inputs)).failed).toContain('Inference component "scorer" does not exist')
    const ignored = await runAction({ ...inputs, 'ignore-missing': 'true' })
    expect(ignored.failed).toBeUndefined()
    expect(ignored.outputs['inference-component-status']).toBe('Deleted')
    expect(deleted()).toEqual([])
  })

  it('records the deletion in a dry run without sending it', async () => {
    givenComponents(aws.sagemaker, [[{ name: 'scorer' }]])

    const result = await runAction({ ...inputs, 'dry-run': 'true' })

    expect(result.failed).toBeUndefined()
    expect(deleted()).toEqual([])
    expect(result.log).toContain('Would delete inference component "scorer".')
  })
})
