/**
 * health-check on a multi-model endpoint: probes name the model to load
 * (probe-target-model, sent as TargetModel); without one, or with one on a
 * single-model endpoint, every probe would fail, so the check is refused
 * before any probe, whatever fail-on-unhealthy says.
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { DescribeEndpointCommand, DescribeEndpointConfigCommand, DescribeModelCommand } from '@aws-sdk/client-sagemaker'
import { InvokeEndpointCommand } from '@aws-sdk/client-sagemaker-runtime'
import * as core from '../../../__fixtures__/core.js'
import { endpoint, endpointConfig, IMAGE } from '../../../__fixtures__/sagemaker.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, resetAws, runAction } = await import('../../../__fixtures__/action.js')

const variants = [
  { name: 'blue', weight: 90, count: 2, model: 'tenants-v1' },
  { name: 'green', weight: 10, count: 1, model: 'single-v1' }
]
const inputs = { operation: 'health-check', 'endpoint-name': 'fraud', 'fail-on-unhealthy': 'false' }

beforeEach(() => {
  resetAws()
  aws.sagemaker.on(DescribeEndpointCommand).resolves(endpoint('fraud', 'InService', 'cfg-1', variants))
  aws.sagemaker.on(DescribeEndpointConfigCommand).resolves(endpointConfig('cfg-1', variants))
  aws.sagemaker
    .on(DescribeModelCommand, { ModelName: 'tenants-v1' })
    .resolves({ ModelName: 'tenants-v1', PrimaryContainer: { Image: IMAGE, Mode: 'MultiModel' } })
    .on(DescribeModelCommand, { ModelName: 'single-v1' })
    .resolves({ ModelName: 'single-v1', PrimaryContainer: { Image: IMAGE, Mode: 'SingleModel' } })
  aws.runtime.on(InvokeEndpointCommand).resolves({
    $metadata: { httpStatusCode: 200 },
    Body: new TextEncoder().encode('{"score": 0.1}') as never,
    InvokedProductionVariant: 'blue'
  })
})

describe('health-check on a multi-model variant', () => {
  it('sends probe-target-model as TargetModel', async () => {
    const result = await runAction({ ...inputs, 'target-variant': 'blue', 'probe-target-model': 'tenant-a.tar.gz' })

    expect(result.failed).toBeUndefined()
    expect(result.outputs.healthy).toBe('true')
    const [probe] = aws.runtime.commandCalls(InvokeEndpointCommand)
    expect(probe?.args[0].input).toMatchObject({ TargetVariant: 'blue', TargetModel: 'tenant-a.tar.gz' })
  })

  it('refuses to probe without probe-target-model, even with fail-on-unhealthy false', async () => {
    const result = await runAction(inputs)

    expect(result.failed).toMatch(
      /^Input "probe-target-model" is required: model "tenants-v1" serves in MultiModel mode/
    )
    expect(aws.runtime.commandCalls(InvokeEndpointCommand)).toEqual([])
  })
})

describe('health-check on a single-model variant', () => {
  it('refuses probe-target-model, which SageMaker refuses there', async () => {
    const result = await runAction({ ...inputs, 'target-variant': 'green', 'probe-target-model': 'tenant-a.tar.gz' })

    expect(result.failed).toMatch(/^Input "probe-target-model" is for multi-model endpoints/)
    expect(aws.runtime.commandCalls(InvokeEndpointCommand)).toEqual([])
  })

  it('probes as before without it', async () => {
    const result = await runAction({ ...inputs, 'target-variant': 'green' })

    expect(result.failed).toBeUndefined()
    expect(aws.runtime.commandCalls(InvokeEndpointCommand)[0]?.args[0].input).not.toHaveProperty('TargetModel')
  })
})
