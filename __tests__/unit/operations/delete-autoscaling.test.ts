import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import {
  DeleteScalingPolicyCommand,
  DeleteScheduledActionCommand,
  DeregisterScalableTargetCommand,
  DescribeScalableTargetsCommand
} from '@aws-sdk/client-application-auto-scaling'
import { DescribeEndpointCommand, DescribeEndpointConfigCommand } from '@aws-sdk/client-sagemaker'
import {
  givenAutoscaling,
  scalableTarget,
  scalingScope,
  scheduledAction,
  targetTrackingPolicy,
  variantResourceId
} from '../../../__fixtures__/autoscaling.js'
import * as core from '../../../__fixtures__/core.js'
import { awsError, endpoint, endpointConfig } from '../../../__fixtures__/sagemaker.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, awsCallNames, resetAws, runAction } = await import('../../../__fixtures__/action.js')

const RESOURCE_ID = variantResourceId('fraud', 'AllTraffic')
const SCOPE = scalingScope(RESOURCE_ID)
const inputs = { operation: 'delete-autoscaling', 'endpoint-name': 'fraud' }

function givenEndpoint(
  registered: boolean,
  variants = [{ name: 'AllTraffic', weight: 1, count: 2 }],
  exists = true
): void {
  if (exists) {
    aws.sagemaker.on(DescribeEndpointCommand).resolves(endpoint('fraud', 'InService', 'cfg-1', variants))
  } else {
    aws.sagemaker
      .on(DescribeEndpointCommand)
      .rejects(awsError('ValidationException', 'Could not find endpoint "fraud".'))
  }
  aws.sagemaker.on(DescribeEndpointConfigCommand).resolves(endpointConfig('cfg-1', variants))
  givenAutoscaling(
    aws.autoscaling,
    registered
      ? {
          targets: [scalableTarget(RESOURCE_ID, 1, 4)],
          policies: [
            targetTrackingPolicy(RESOURCE_ID, 'sagemaker-deploy-target-tracking'),
            targetTrackingPolicy(RESOURCE_ID, 'team')
          ],
          scheduled: [scheduledAction(RESOURCE_ID, 'nightly', 1, 1)]
        }
      : {}
  )
}

function mutatingCalls(): string[] {
  return awsCallNames().filter((name) => /\.(Register|Put|Delete|Deregister|Update)/.test(name))
}

describe('delete-autoscaling', () => {
  beforeEach(() => resetAws())

  it('deletes every policy and scheduled action, then deregisters the variant', async () => {
    givenEndpoint(true)

    const result = await runAction(inputs)

    expect(result.failed).toBeUndefined()
    expect(mutatingCalls()).toEqual([
      'autoscaling.DeleteScalingPolicy',
      'autoscaling.DeleteScalingPolicy',
      'autoscaling.DeleteScheduledAction',
      'autoscaling.DeregisterScalableTarget'
    ])
    expect(aws.autoscaling.commandCalls(DeleteScalingPolicyCommand).map((call) => call.args[0].input)).toEqual([
      { ...SCOPE, PolicyName: 'sagemaker-deploy-target-tracking' },
      { ...SCOPE, PolicyName: 'team' }
    ])
    expect(aws.autoscaling.commandCalls(DeleteScheduledActionCommand)[0]?.args[0].input).toEqual({
      ...SCOPE,
      ScheduledActionName: 'nightly'
    })
    expect(aws.autoscaling.commandCalls(DeregisterScalableTargetCommand)[0]?.args[0].input).toEqual(SCOPE)
    expect(result.outputs['variant-name']).toBe('AllTraffic')
    expect(result.outputs['endpoint-name']).toBe('fraud')
    expect(result.log.join('\n')).toContain(
      'Removed autoscaling from variant "AllTraffic" of endpoint "fraud" (was 1 to 4 instances;'
    )
    expect(result.summary).toContain('<code>DeregisterScalableTarget</code> on scalable target')
  })

  it('warns and succeeds when nothing is registered', async () => {
    givenEndpoint(false)

    const result = await runAction(inputs)

    expect(result.failed).toBeUndefined()
    expect(mutatingCalls()).toEqual([])
    expect(result.log).toContain(
      '::warning::No autoscaling is registered for variant "AllTraffic" of endpoint "fraud": nothing to delete.'
    )
    expect(result.summary).toContain('nothing to delete')
    expect(JSON.parse(result.outputs.result ?? '').succeeded).toBe(true)
  })

  it('counts a policy that is already gone as deleted', async () => {
    givenEndpoint(true)
    aws.autoscaling
      .on(DeleteScalingPolicyCommand, { PolicyName: 'team' })
      .rejects(awsError('ObjectNotFoundException', 'No scaling policy found for service namespace: sagemaker'))

    const result = await runAction(inputs)

    expect(result.failed).toBeUndefined()
    expect(aws.autoscaling.commandCalls(DeregisterScalableTargetCommand)).toHaveLength(1)
  })

  it('removes the named variant on an endpoint with several', async () => {
    givenEndpoint(true, [
      { name: 'blue', weight: 90, count: 2 },
      { name: 'AllTraffic', weight: 10, count: 1 }
    ])

    const result = await runAction({ ...inputs, 'variant-name': 'AllTraffic' })

    expect(result.failed).toBeUndefined()
    expect(aws.autoscaling.commandCalls(DescribeScalableTargetsCommand)[0]?.args[0].input.ResourceIds).toEqual([
      RESOURCE_ID
    ])
  })

  it('cleans up a registration that outlived its endpoint when the variant is named', async () => {
    givenEndpoint(true, undefined, false)

    const result = await runAction({ ...inputs, 'variant-name': 'AllTraffic' })

    expect(result.failed).toBeUndefined()
    expect(aws.autoscaling.commandCalls(DeregisterScalableTargetCommand)).toHaveLength(1)
    expect(result.outputs['variant-name']).toBe('AllTraffic')
  })

  it('rejects a malformed variant-name before any AWS call', async () => {
    const result = await runAction({ ...inputs, 'variant-name': 'blue_green' })

    expect(result.failed).toContain('"variant-name" must be 1 to 63 letters')
    expect(awsCallNames()).toEqual([])
  })

  it('names the API, the scalable target and the AWS error code when AWS refuses', async () => {
    givenEndpoint(true)
    aws.autoscaling
      .on(DeregisterScalableTargetCommand)
      .rejects(awsError('AccessDeniedException', 'not authorized to perform application-autoscaling:Deregister'))

    const result = await runAction(inputs)

    expect(result.failed).toBe(
      `DeregisterScalableTarget on scalable target "${RESOURCE_ID}" failed: AccessDeniedException: not authorized to perform application-autoscaling:Deregister`
    )
  })

  it('plans the calls without making them in a dry run', async () => {
    givenEndpoint(true)

    const result = await runAction({ ...inputs, 'dry-run': 'true' })

    expect(result.failed).toBeUndefined()
    expect(mutatingCalls()).toEqual([])
    expect(result.log.join('\n')).toContain(
      `[dry-run] would call DeregisterScalableTarget on scalable target "${RESOURCE_ID}"`
    )
    expect(result.summary).toContain('Plan (nothing was changed)')
    expect(result.summary).toContain('<code>DeleteScalingPolicy</code> on scaling policy')
    expect(result.summary).toContain('Would remove autoscaling from variant')
  })
})
