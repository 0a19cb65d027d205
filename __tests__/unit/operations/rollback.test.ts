import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { DescribeScalableTargetsCommand, RegisterScalableTargetCommand } from '@aws-sdk/client-application-auto-scaling'
import {
  DescribeEndpointCommand,
  DescribeEndpointConfigCommand,
  DescribeModelCommand,
  DeleteEndpointConfigCommand,
  ListEndpointConfigsCommand,
  ListTagsCommand,
  UpdateEndpointCommand
} from '@aws-sdk/client-sagemaker'
import {
  givenAutoscaling,
  scalableTarget,
  targetTrackingPolicy,
  variantResourceId
} from '../../../__fixtures__/autoscaling.js'
import * as core from '../../../__fixtures__/core.js'
import { awsError, endpoint, endpointConfig, type VariantState } from '../../../__fixtures__/sagemaker.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, awsCallNames, resetAws, runAction } = await import('../../../__fixtures__/action.js')

const inputs = { operation: 'rollback', 'endpoint-name': 'fraud' }

interface Lineage {
  endpoint?: string
  previous?: string
  role?: string
}

/** A config as the action leaves it: described, tagged, and its models present. */
function givenConfig(name: string, lineage: Lineage | undefined, variants?: VariantState[]): void {
  const config = endpointConfig(name, variants)
  aws.sagemaker.on(DescribeEndpointConfigCommand, { EndpointConfigName: name }).resolves(config)
  const tags = lineage
    ? [
        ...(lineage.endpoint ? [{ Key: 'sagemaker-deploy:endpoint', Value: lineage.endpoint }] : []),
        ...(lineage.previous ? [{ Key: 'sagemaker-deploy:previous-config', Value: lineage.previous }] : []),
        { Key: 'sagemaker-deploy:role', Value: lineage.role ?? 'release' }
      ]
    : []
  aws.sagemaker.on(ListTagsCommand, { ResourceArn: config.EndpointConfigArn }).resolves({ Tags: tags })
}

/**
 * An endpoint that runs `current` and moves to whatever config UpdateEndpoint
 * names, passing through Updating; `landsOn` overrides where the update ends
 * (SageMaker rolling a failed update back).
 */
function givenEndpoint(
  current: string,
  { variants, landsOn, failureReason }: { variants?: VariantState[]; landsOn?: string; failureReason?: string } = {}
): void {
  let config = current
  let updating = 0
  aws.sagemaker.on(UpdateEndpointCommand).callsFake((input: { EndpointConfigName: string }) => {
    config = landsOn ?? input.EndpointConfigName
    updating = 2
    return { EndpointArn: 'arn' }
  })
  aws.sagemaker.on(DescribeEndpointCommand).callsFake(() => {
    if (updating > 0) {
      updating--
      return endpoint('fraud', 'Updating', current, variants)
    }
    return endpoint('fraud', 'InService', config, variants, failureReason ? { FailureReason: failureReason } : {})
  })
}

function updateTargets(): string[] {
  return aws.sagemaker.commandCalls(UpdateEndpointCommand).map((call) => call.args[0].input.EndpointConfigName ?? '')
}

describe('rollback', () => {
  beforeEach(() => {
    resetAws()
    aws.sagemaker
      .on(DescribeEndpointConfigCommand)
      .rejects(awsError('ValidationException', 'Could not find endpoint configuration.'))
    aws.sagemaker.on(DescribeModelCommand).resolves({ ModelName: 'any' })
    aws.autoscaling.on(DescribeScalableTargetsCommand).resolves({ ScalableTargets: [] })
  })

  it('returns the endpoint to the config recorded as serving before the last deploy', async () => {
    givenConfig('fraud-cfg-1', { endpoint: 'fraud' })
    givenConfig('fraud-cfg-2', { endpoint: 'fraud', previous: 'fraud-cfg-1' })
    givenEndpoint('fraud-cfg-2')

    const result = await runAction(inputs)

    expect(result.failed).toBeUndefined()
    expect(aws.sagemaker.commandCalls(UpdateEndpointCommand)[0]?.args[0].input).toEqual({
      EndpointName: 'fraud',
      EndpointConfigName: 'fraud-cfg-1',
      // The variants taking traffic back keep the instance counts they serve with now.
      RetainAllVariantProperties: true,
      ExcludeRetainedVariantProperties: [{ VariantPropertyType: 'DesiredWeight' }]
    })
    expect(result.outputs).toMatchObject({
      'previous-endpoint-config-name': 'fraud-cfg-2',
      'endpoint-config-name': 'fraud-cfg-1',
      'model-name': 'fraud-cfg-1-model',
      'rolled-back': 'true',
      'endpoint-status': 'InService'
    })
    expect(aws.sagemaker.commandCalls(DescribeModelCommand)[0]?.args[0].input).toEqual({
      ModelName: 'fraud-cfg-1-model'
    })
    const names = awsCallNames()
    expect(names.indexOf('sagemaker.DescribeModel')).toBeLessThan(names.indexOf('sagemaker.UpdateEndpoint'))
    expect(result.summary).toContain('back from config &quot;fraud-cfg-2&quot; to &quot;fraud-cfg-1&quot;')
    expect(result.summary).toContain('fraud-cfg-1-model')
  })

  it('returns to the config named in endpoint-config-name, even one without the action tags', async () => {
    givenConfig('hand-made-cfg', undefined)
    givenConfig('fraud-cfg-2', { endpoint: 'fraud', previous: 'fraud-cfg-1' })
    givenEndpoint('fraud-cfg-2')

    const result = await runAction({ ...inputs, 'endpoint-config-name': 'hand-made-cfg' })

    expect(result.failed).toBeUndefined()
    expect(updateTargets()).toEqual(['hand-made-cfg'])
    expect(result.outputs['endpoint-config-name']).toBe('hand-made-cfg')
    expect(result.outputs['rolled-back']).toBe('true')
  })

  it('follows the tag of whatever config is current after a dozen deploys, never listing configs', async () => {
    const name = (n: number) => `fraud-${String(n).padStart(2, '0')}`
    for (let n = 1; n <= 12; n++)
      givenConfig(name(n), { endpoint: 'fraud', ...(n > 1 ? { previous: name(n - 1) } : {}) })
    aws.sagemaker.on(ListEndpointConfigsCommand).resolves({
      EndpointConfigs: [{ EndpointConfigName: 'fraud-v2-99', EndpointConfigArn: 'x', CreationTime: new Date(1) }]
    })
    givenEndpoint(name(12))

    const first = await runAction(inputs)
    const second = await runAction(inputs)

    expect(first.failed).toBeUndefined()
    expect(second.failed).toBeUndefined()
    expect(updateTargets()).toEqual([name(11), name(10)])
    expect(second.outputs['previous-endpoint-config-name']).toBe(name(11))
    expect(aws.sagemaker.commandCalls(ListEndpointConfigsCommand)).toHaveLength(0)
  })

  it('never picks a config of an endpoint whose name shares the prefix', async () => {
    aws.sagemaker.on(ListEndpointConfigsCommand).resolves({
      EndpointConfigs: [
        { EndpointConfigName: 'fraud-v2-20260115120000-abcde', EndpointConfigArn: 'x', CreationTime: new Date(2) },
        { EndpointConfigName: 'fraud-20260101120000-aaaaa', EndpointConfigArn: 'y', CreationTime: new Date(1) }
      ]
    })
    givenConfig('fraud-v2-20260115120000-abcde', { endpoint: 'fraud-v2', previous: 'fraud-v2-20260101000000-zzzzz' })
    givenConfig('fraud-20260101120000-aaaaa', { endpoint: 'fraud' })
    givenEndpoint('fraud-20260101120000-aaaaa')

    const implicit = await runAction(inputs)
    const explicit = await runAction({ ...inputs, 'endpoint-config-name': 'fraud-v2-20260115120000-abcde' })

    expect(implicit.failed).toContain('No previous config is recorded for endpoint "fraud"')
    expect(implicit.failed).toContain('endpoint-config-name')
    expect(explicit.failed).toContain(
      'Endpoint config "fraud-v2-20260115120000-abcde" belongs to endpoint "fraud-v2" (tag sagemaker-deploy:endpoint), not "fraud"'
    )
    expect(aws.sagemaker.commandCalls(UpdateEndpointCommand)).toHaveLength(0)
    expect(aws.sagemaker.commandCalls(ListEndpointConfigsCommand)).toHaveLength(0)
  })

  it('refuses a recorded previous config that another endpoint owns', async () => {
    givenConfig('fraud-v2-cfg-1', { endpoint: 'fraud-v2' })
    givenConfig('fraud-cfg-2', { endpoint: 'fraud', previous: 'fraud-v2-cfg-1' })
    givenEndpoint('fraud-cfg-2')

    const result = await runAction(inputs)

    expect(result.failed).toContain('belongs to endpoint "fraud-v2"')
    expect(aws.sagemaker.commandCalls(UpdateEndpointCommand)).toHaveLength(0)
  })

  it('refuses to follow the chain from a config made for another endpoint', async () => {
    givenConfig('fraud-v2-cfg-2', { endpoint: 'fraud-v2', previous: 'fraud-v2-cfg-1' })
    givenEndpoint('fraud-v2-cfg-2')

    const result = await runAction(inputs)

    expect(result.failed).toContain('its current config "fraud-v2-cfg-2" was made for endpoint "fraud-v2"')
    expect(aws.sagemaker.commandCalls(UpdateEndpointCommand)).toHaveLength(0)
  })

  it('refuses a canary config as the target', async () => {
    givenConfig('fraud-canary-3', { endpoint: 'fraud', previous: 'fraud-cfg-2', role: 'canary' })
    givenConfig('fraud-cfg-2', { endpoint: 'fraud', previous: 'fraud-cfg-1' })
    givenEndpoint('fraud-cfg-2')

    const result = await runAction({ ...inputs, 'endpoint-config-name': 'fraud-canary-3' })

    expect(result.failed).toContain(
      'Endpoint config "fraud-canary-3" exists only for the duration of a rollout (tag sagemaker-deploy:role=canary)'
    )
    expect(aws.sagemaker.commandCalls(UpdateEndpointCommand)).toHaveLength(0)
  })

  it('takes a paused canary back to the config it started from', async () => {
    givenConfig('fraud-cfg-2', { endpoint: 'fraud', previous: 'fraud-cfg-1' })
    givenConfig('fraud-canary-3', { endpoint: 'fraud', previous: 'fraud-cfg-2', role: 'canary' })
    givenEndpoint('fraud-canary-3')

    const result = await runAction(inputs)

    expect(result.failed).toBeUndefined()
    expect(updateTargets()).toEqual(['fraud-cfg-2'])
  })

  it('takes a shadow phase left in place back to the config it started from, and deletes its shadow config', async () => {
    givenConfig('fraud-cfg-2', { endpoint: 'fraud', previous: 'fraud-cfg-1' })
    givenConfig('fraud-3-shadow', { endpoint: 'fraud', previous: 'fraud-cfg-2', role: 'shadow' })
    givenEndpoint('fraud-3-shadow')

    const result = await runAction(inputs)

    expect(result.failed).toBeUndefined()
    expect(updateTargets()).toEqual(['fraud-cfg-2'])
    expect(
      aws.sagemaker.commandCalls(DeleteEndpointConfigCommand).map((call) => call.args[0].input.EndpointConfigName)
    ).toEqual(['fraud-3-shadow'])
  })

  it('steps over a canary config recorded as previous, to the release it was built on', async () => {
    givenConfig('fraud-cfg-2', { endpoint: 'fraud', previous: 'fraud-cfg-1' })
    givenConfig('fraud-canary-3', { endpoint: 'fraud', previous: 'fraud-cfg-2', role: 'canary' })
    givenConfig('fraud-cfg-4', { endpoint: 'fraud', previous: 'fraud-canary-3' })
    givenEndpoint('fraud-cfg-4')

    const result = await runAction(inputs)

    expect(result.failed).toBeUndefined()
    expect(updateTargets()).toEqual(['fraud-cfg-2'])
    expect(result.summary).toContain('Stepped over canary config')
  })

  it('refuses a target whose model no longer exists, sending no UpdateEndpoint', async () => {
    givenConfig('fraud-cfg-1', { endpoint: 'fraud' }, [{ name: 'AllTraffic', model: 'fraud-model-1' }])
    givenConfig('fraud-cfg-2', { endpoint: 'fraud', previous: 'fraud-cfg-1' })
    givenEndpoint('fraud-cfg-2')
    aws.sagemaker
      .on(DescribeModelCommand, { ModelName: 'fraud-model-1' })
      .rejects(awsError('ValidationException', 'Could not find model "fraud-model-1".'))

    const result = await runAction(inputs)

    expect(result.failed).toBe(
      'Cannot roll back to endpoint config "fraud-cfg-1": its model "fraud-model-1" no longer exists. Nothing was changed.'
    )
    expect(aws.sagemaker.commandCalls(UpdateEndpointCommand)).toHaveLength(0)
    expect(result.outputs['rolled-back']).toBe('false')
  })

  it('refuses a recorded previous config that was deleted', async () => {
    givenConfig('fraud-cfg-2', { endpoint: 'fraud', previous: 'fraud-cfg-1' })
    givenEndpoint('fraud-cfg-2')

    const result = await runAction(inputs)

    expect(result.failed).toContain('was "fraud-cfg-1", which no longer exists')
    expect(result.failed).toContain('endpoint-config-name')
    expect(aws.sagemaker.commandCalls(UpdateEndpointCommand)).toHaveLength(0)
  })

  it('refuses an endpoint-config-name that does not exist', async () => {
    givenConfig('fraud-cfg-2', { endpoint: 'fraud' })
    givenEndpoint('fraud-cfg-2')

    const result = await runAction({ ...inputs, 'endpoint-config-name': 'fraud-cfg-typo' })

    expect(result.failed).toContain(
      'Input "endpoint-config-name" names endpoint config "fraud-cfg-typo", which does not exist'
    )
    expect(aws.sagemaker.commandCalls(UpdateEndpointCommand)).toHaveLength(0)
  })

  it('says to pass endpoint-config-name when no previous config is recorded', async () => {
    givenConfig('fraud-cfg-1', { endpoint: 'fraud' })
    givenEndpoint('fraud-cfg-1')

    const result = await runAction(inputs)

    expect(result.failed).toBe(
      'No previous config is recorded for endpoint "fraud": config "fraud-cfg-1" has no sagemaker-deploy:previous-config tag (it was the endpoint\'s first deploy by this action). Pass endpoint-config-name to choose the config to return to.'
    )
    expect(aws.sagemaker.commandCalls(UpdateEndpointCommand)).toHaveLength(0)
  })

  it('fails quoting FailureReason when SageMaker rolls the update back', async () => {
    givenConfig('fraud-cfg-1', { endpoint: 'fraud' })
    givenConfig('fraud-cfg-2', { endpoint: 'fraud', previous: 'fraud-cfg-1' })
    givenEndpoint('fraud-cfg-2', {
      landsOn: 'fraud-cfg-2',
      failureReason: 'The primary container for production variant AllTraffic did not pass the ping health check.'
    })

    const result = await runAction(inputs)

    expect(result.failed).toContain('is InService on "fraud-cfg-2", not "fraud-cfg-1"')
    expect(result.failed).toContain(
      'FailureReason: The primary container for production variant AllTraffic did not pass the ping health check.'
    )
    expect(result.outputs['rolled-back']).toBe('false')
    expect(result.outputs['endpoint-config-name']).toBe('fraud-cfg-2')
    expect(result.summary).toContain('did not pass the ping health check')
  })

  it('plans the update without making it in a dry run', async () => {
    givenConfig('fraud-cfg-1', { endpoint: 'fraud' })
    givenConfig('fraud-cfg-2', { endpoint: 'fraud', previous: 'fraud-cfg-1' })
    givenEndpoint('fraud-cfg-2')

    const result = await runAction({ ...inputs, 'dry-run': 'true' })

    expect(result.failed).toBeUndefined()
    expect(aws.sagemaker.commandCalls(UpdateEndpointCommand)).toHaveLength(0)
    expect(result.log.join('\n')).toContain(
      '[dry-run] would call UpdateEndpoint on endpoint "fraud": {"EndpointName":"fraud","EndpointConfigName":"fraud-cfg-1","RetainAllVariantProperties":true'
    )
    expect(result.outputs['rolled-back']).toBe('false')
    expect(result.outputs['endpoint-config-name']).toBe('fraud-cfg-1')
    expect(result.summary).toContain('Plan (nothing was changed)')
  })

  it('does nothing, successfully, when the endpoint already runs the target', async () => {
    givenConfig('fraud-cfg-2', { endpoint: 'fraud', previous: 'fraud-cfg-1' })
    givenEndpoint('fraud-cfg-2')

    const result = await runAction({ ...inputs, 'endpoint-config-name': 'fraud-cfg-2' })

    expect(result.failed).toBeUndefined()
    expect(result.log).toContain('::notice::Endpoint "fraud" already runs config "fraud-cfg-2"; nothing to roll back.')
    expect(result.outputs['rolled-back']).toBe('false')
    expect(aws.sagemaker.commandCalls(UpdateEndpointCommand)).toHaveLength(0)
  })

  describe('with autoscaling', () => {
    /** `variant` of fraud is registered from 2 to 6 instances with one target-tracking policy. */
    function givenScaled(variant: string): void {
      const resourceId = variantResourceId('fraud', variant)
      givenAutoscaling(aws.autoscaling, {
        targets: [scalableTarget(resourceId, 2, 6)],
        policies: [targetTrackingPolicy(resourceId, 'sagemaker-deploy-target-tracking')]
      })
    }

    const changes = () =>
      awsCallNames().filter((name) => /\.(Deregister|Register|Put|Delete|UpdateEndpoint)/.test(name))

    it('takes a promoted canary’s scaling off before the update and carries it back to the restored variant', async () => {
      givenConfig('fraud-cfg-1', { endpoint: 'fraud' }, [{ name: 'blue', model: 'model-1' }])
      givenConfig('fraud-cfg-2', { endpoint: 'fraud', previous: 'fraud-cfg-1' }, [{ name: 'green', model: 'model-2' }])
      givenEndpoint('fraud-cfg-2', { variants: [{ name: 'green' }] })
      givenScaled('green')

      const result = await runAction({ ...inputs, 'wait-for-completion': 'false' })

      expect(result.failed).toBeUndefined()
      expect(changes()).toEqual([
        'autoscaling.DeleteScalingPolicy',
        'autoscaling.DeregisterScalableTarget',
        'sagemaker.UpdateEndpoint',
        'autoscaling.RegisterScalableTarget',
        'autoscaling.PutScalingPolicy'
      ])
      expect(aws.autoscaling.commandCalls(RegisterScalableTargetCommand)[0]?.args[0].input).toMatchObject({
        ResourceId: 'endpoint/fraud/variant/blue',
        MinCapacity: 2,
        MaxCapacity: 6
      })
      // Scaling can only go on the restored variant once it exists: the update is waited for despite wait-for-completion.
      const names = awsCallNames()
      expect(
        names.slice(names.indexOf('sagemaker.UpdateEndpoint')).indexOf('sagemaker.DescribeEndpoint')
      ).toBeGreaterThan(0)
      expect(result.summary).toContain('Autoscaling carried over from variant &quot;green&quot; to &quot;blue&quot;')
    })

    it('puts scaling back on a variant whose instance type the rollback changes', async () => {
      givenConfig('fraud-cfg-1', { endpoint: 'fraud' }, [{ name: 'green', instanceType: 'ml.c5.xlarge' }])
      givenConfig('fraud-cfg-2', { endpoint: 'fraud', previous: 'fraud-cfg-1' }, [
        { name: 'green', instanceType: 'ml.g5.xlarge' }
      ])
      givenEndpoint('fraud-cfg-2', { variants: [{ name: 'green' }] })
      givenScaled('green')

      const result = await runAction(inputs)

      expect(result.failed).toBeUndefined()
      expect(changes()).toEqual([
        'autoscaling.DeleteScalingPolicy',
        'autoscaling.DeregisterScalableTarget',
        'sagemaker.UpdateEndpoint',
        'autoscaling.RegisterScalableTarget',
        'autoscaling.PutScalingPolicy'
      ])
      expect(aws.autoscaling.commandCalls(RegisterScalableTargetCommand)[0]?.args[0].input.ResourceId).toBe(
        'endpoint/fraud/variant/green'
      )
    })

    it('leaves scaling alone on a variant the target has on the same instance type', async () => {
      givenConfig('fraud-cfg-1', { endpoint: 'fraud' }, [{ name: 'green', model: 'model-1' }])
      givenConfig('fraud-cfg-2', { endpoint: 'fraud', previous: 'fraud-cfg-1' }, [{ name: 'green', model: 'model-2' }])
      givenEndpoint('fraud-cfg-2', { variants: [{ name: 'green' }] })
      givenScaled('green')

      const result = await runAction(inputs)

      expect(result.failed).toBeUndefined()
      expect(changes()).toEqual(['sagemaker.UpdateEndpoint'])
      expect(result.log.join('\n')).not.toContain('::warning::')
    })

    it('warns when the removed variant’s scaling has nowhere to go', async () => {
      givenConfig('fraud-cfg-1', { endpoint: 'fraud' }, [
        { name: 'blue', model: 'model-1' },
        { name: 'red', model: 'model-3' }
      ])
      givenConfig('fraud-cfg-2', { endpoint: 'fraud', previous: 'fraud-cfg-1' }, [{ name: 'green', model: 'model-2' }])
      givenEndpoint('fraud-cfg-2', { variants: [{ name: 'green' }] })
      givenScaled('green')

      const result = await runAction(inputs)

      expect(result.failed).toBeUndefined()
      expect(changes()).toEqual([
        'autoscaling.DeleteScalingPolicy',
        'autoscaling.DeregisterScalableTarget',
        'sagemaker.UpdateEndpoint'
      ])
      expect(result.log.join('\n')).toContain(
        '::warning::Autoscaling on variant "green" (2 to 6 instances; policy "sagemaker-deploy-target-tracking"'
      )
      expect(result.log.join('\n')).toContain('Run configure-autoscaling on the variants that need it')
    })

    it('restores the scaling it took off when SageMaker rolls the update back', async () => {
      givenConfig('fraud-cfg-1', { endpoint: 'fraud' }, [{ name: 'blue', model: 'model-1' }])
      givenConfig('fraud-cfg-2', { endpoint: 'fraud', previous: 'fraud-cfg-1' }, [{ name: 'green', model: 'model-2' }])
      givenEndpoint('fraud-cfg-2', {
        variants: [{ name: 'green' }],
        landsOn: 'fraud-cfg-2',
        failureReason: 'Ping failed.'
      })
      givenScaled('green')

      const result = await runAction(inputs)

      expect(result.failed).toContain('FailureReason: Ping failed.')
      expect(changes()).toEqual([
        'autoscaling.DeleteScalingPolicy',
        'autoscaling.DeregisterScalableTarget',
        'sagemaker.UpdateEndpoint',
        'autoscaling.RegisterScalableTarget',
        'autoscaling.PutScalingPolicy'
      ])
      expect(aws.autoscaling.commandCalls(RegisterScalableTargetCommand)[0]?.args[0].input.ResourceId).toBe(
        'endpoint/fraud/variant/green'
      )
    })

    it('plans the scaling changes in a dry run', async () => {
      givenConfig('fraud-cfg-1', { endpoint: 'fraud' }, [{ name: 'blue', model: 'model-1' }])
      givenConfig('fraud-cfg-2', { endpoint: 'fraud', previous: 'fraud-cfg-1' }, [{ name: 'green', model: 'model-2' }])
      givenEndpoint('fraud-cfg-2', { variants: [{ name: 'green' }] })
      givenScaled('green')

      const result = await runAction({ ...inputs, 'dry-run': 'true' })

      expect(result.failed).toBeUndefined()
      expect(changes()).toEqual([])
      const planned = result.log
        .filter((line) => line.startsWith('[dry-run] would call'))
        .map((line) => line.split(' on ')[0])
      expect(planned).toEqual([
        '[dry-run] would call DeleteScalingPolicy',
        '[dry-run] would call DeregisterScalableTarget',
        '[dry-run] would call UpdateEndpoint',
        '[dry-run] would call RegisterScalableTarget',
        '[dry-run] would call PutScalingPolicy'
      ])
    })
  })

  it('still rolls back, with a warning, when autoscaling cannot be read', async () => {
    givenConfig('fraud-cfg-1', { endpoint: 'fraud' })
    givenConfig('fraud-cfg-2', { endpoint: 'fraud', previous: 'fraud-cfg-1' })
    givenEndpoint('fraud-cfg-2')
    aws.autoscaling
      .on(DescribeScalableTargetsCommand)
      .rejects(awsError('AccessDeniedException', 'not authorized to perform DescribeScalableTargets'))

    const result = await runAction(inputs)

    expect(result.failed).toBeUndefined()
    expect(updateTargets()).toEqual(['fraud-cfg-1'])
    expect(result.log.join('\n')).toContain(
      "::warning::Could not read the endpoint's autoscaling (AccessDeniedException)"
    )
  })

  it('rejects a malformed endpoint-config-name before any AWS call', async () => {
    const result = await runAction({ ...inputs, 'endpoint-config-name': 'not a name!' })

    expect(result.failed).toContain('"endpoint-config-name"')
    expect(awsCallNames()).toEqual([])
  })

  it('names the API, the endpoint and the AWS error code when SageMaker refuses the update', async () => {
    givenConfig('fraud-cfg-1', { endpoint: 'fraud' })
    givenConfig('fraud-cfg-2', { endpoint: 'fraud', previous: 'fraud-cfg-1' })
    givenEndpoint('fraud-cfg-2')
    aws.sagemaker
      .on(UpdateEndpointCommand)
      .rejects(awsError('AccessDeniedException', 'not authorized to perform sagemaker:UpdateEndpoint'))

    const result = await runAction(inputs)

    expect(result.failed).toContain('UpdateEndpoint on endpoint "fraud" failed: AccessDeniedException')
    expect(result.outputs['rolled-back']).toBe('false')
  })
})
