import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { DescribeEndpointCommand } from '@aws-sdk/client-sagemaker'
import { FakeClock } from '../../__fixtures__/clock.js'
import * as core from '../../__fixtures__/core.js'
import { canaryProgress } from '../../__fixtures__/rollout.js'
import { awsError, IMAGE, ROLE_ARN } from '../../__fixtures__/sagemaker.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, awsCallNames, resetAws, runAction } = await import('../../__fixtures__/action.js')

beforeEach(() => {
  resetAws()
  core.setSecret.mockClear()
})

describe('every run', () => {
  it('writes the result output and a summary even when the input is bad', async () => {
    const result = await runAction({ operation: 'deploy', 'endpoint-name': 'bad_name' })

    expect(result.failed).toContain('Input "endpoint-name"')
    expect(awsCallNames()).toEqual([])
    expect(JSON.parse(result.outputs.result ?? '{}')).toMatchObject({ operation: 'deploy', succeeded: false })
    expect(result.summary).toMatch(/^<h2>❌ deploy failed/)
    expect(result.summary).toContain('Input &quot;endpoint-name&quot;')
  })

  it('lists only the inputs the workflow chose, not the defaults the runner fills in', async () => {
    aws.sagemaker.on(DescribeEndpointCommand).rejects(awsError('AccessDeniedException', 'not authorized'))

    const result = await runAction({
      operation: 'monitor',
      'endpoint-name': 'fraud',
      timeout: '30m',
      'metrics-window': '1h'
    })

    expect(result.summary).toContain('<td><code>metrics-window</code></td><td>1h</td>')
    expect(result.summary).not.toContain('<code>timeout</code>')
  })

  it('names an unknown operation and the ones it takes', async () => {
    const result = await runAction({ operation: 'deploy-everything', 'endpoint-name': 'fraud' })

    expect(result.failed).toContain('Input "operation" must be one of deploy, promote, update-traffic')
  })

  it('writes the summary of an AWS failure, naming the call and the code', async () => {
    aws.sagemaker.on(DescribeEndpointCommand).rejects(awsError('AccessDeniedException', 'not authorized'))

    const result = await runAction({ operation: 'monitor', 'endpoint-name': 'fraud' })

    expect(result.failed).toBe('DescribeEndpoint on endpoint "fraud" failed: AccessDeniedException: not authorized')
    expect(result.summary).toContain('AccessDeniedException')
  })
})

describe('secrets', () => {
  it('masks container environment values and never shows them in the summary', async () => {
    aws.sagemaker.on(DescribeEndpointCommand).rejects(awsError('AccessDeniedException', 'not authorized'))

    const result = await runAction({
      operation: 'deploy',
      'endpoint-name': 'fraud',
      'image-uri': IMAGE,
      'execution-role-arn': ROLE_ARN,
      'model-environment': 'API_TOKEN=s3cr3t-token-value, LOG_LEVEL=info'
    })

    expect(core.setSecret).toHaveBeenCalledWith('s3cr3t-token-value')
    expect(result.summary).not.toContain('s3cr3t-token-value')
    expect(result.summary).toContain('not shown')
  })
})

describe('the post step', () => {
  it('does nothing when no rollout was left in flight', async () => {
    core.resetCore({ operation: 'deploy', 'endpoint-name': 'fraud' })
    core.state.isPost = 'true'
    const { run } = await import('../../src/main.js')

    await run({ env: { AWS_REGION: 'us-east-1' }, clock: new FakeClock() })

    expect(awsCallNames()).toEqual([])
    expect(core.setFailed).not.toHaveBeenCalled()
  })
})

describe('the post step after a cancelled rollout', () => {
  it('returns the endpoint to its previous config, traffic first, and deletes the canary config', async () => {
    const { FakeAws } = await import('../../__fixtures__/fake-aws.js')
    const fake = new FakeAws()
    fake.seedEndpoint('fraud', 'cfg-1', [{ name: 'AllTraffic', weight: 1, count: 2 }])
    fake.seedEndpoint('fraud', 'cfg-canary', [
      { name: 'AllTraffic', weight: 50, count: 2 },
      { name: 'fraud-v2', weight: 50, count: 1 }
    ])
    fake.install(aws)
    core.resetCore({ operation: 'deploy', 'endpoint-name': 'fraud', timeout: '10m' })
    core.state.isPost = 'true'
    core.leaveForPost('rollout', canaryProgress('judge-step', { previousConfig: 'cfg-1', canaryConfig: 'cfg-canary' }))
    const { run } = await import('../../src/main.js')

    await run({ env: { AWS_REGION: 'us-east-1' }, clock: new FakeClock() })

    expect(core.setFailed).not.toHaveBeenCalled()
    const changes = awsCallNames().filter((name) => /Update|Delete/.test(name))
    expect(changes).toEqual([
      'sagemaker.UpdateEndpointWeightsAndCapacities',
      'sagemaker.UpdateEndpoint',
      'sagemaker.DeleteEndpointConfig'
    ])
    expect(fake.endpoint('fraud').config).toBe('cfg-1')
    expect(fake.endpoint('fraud').variants.map((variant) => variant.name)).toEqual(['AllTraffic'])
    expect(fake.configs.has('cfg-canary')).toBe(false)
    expect(core.writtenSummaries.join('')).toContain('back on &quot;cfg-1&quot;')
  })

  it('gives the serving variant its scale-in back even when the previous config cannot be restored', async () => {
    const { FakeAws } = await import('../../__fixtures__/fake-aws.js')
    const fake = new FakeAws()
    // The endpoint is still on the canary config; its previous config has been deleted since.
    fake.seedEndpoint('fraud', 'cfg-canary', [
      { name: 'AllTraffic', weight: 100, count: 2 },
      { name: 'fraud-v2', weight: 0, count: 1 }
    ])
    const before = {
      DynamicScalingInSuspended: false,
      DynamicScalingOutSuspended: true,
      ScheduledScalingSuspended: false
    }
    fake.scalableTargets.set('endpoint/fraud/variant/AllTraffic', {
      min: 2,
      max: 6,
      suspended: { ...before, DynamicScalingInSuspended: true }
    })
    fake.install(aws)
    core.resetCore({ operation: 'deploy', 'endpoint-name': 'fraud', timeout: '10m' })
    core.state.isPost = 'true'
    core.leaveForPost(
      'rollout',
      canaryProgress('judge-step', {
        previousConfig: 'cfg-1',
        canaryConfig: 'cfg-canary',
        held: [{ variant: 'AllTraffic', instances: 2, before }]
      })
    )
    const { run } = await import('../../src/main.js')

    await run({ env: { AWS_REGION: 'us-east-1' }, clock: new FakeClock() })

    expect(fake.endpoint('fraud').config).toBe('cfg-canary')
    expect(core.warning).toHaveBeenCalledWith(expect.stringContaining('Could not return "fraud" to "cfg-1"'))
    expect(fake.scalableTargets.get('endpoint/fraud/variant/AllTraffic')).toEqual({ min: 2, max: 6, suspended: before })
  })
})

describe('the inputs table', () => {
  it('shortens a long value so the summary stays within its size limit', async () => {
    aws.sagemaker.on(DescribeEndpointCommand).rejects(awsError('AccessDeniedException', 'not authorized'))

    const result = await runAction({ operation: 'monitor', 'endpoint-name': 'fraud', 'alarm-names': 'a'.repeat(5000) })

    expect(result.summary).toContain(`${'a'.repeat(297)}...`)
    expect(result.summary).not.toContain('a'.repeat(301))
  })
})
