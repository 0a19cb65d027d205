import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { DescribeEndpointCommand, DescribeEndpointConfigCommand } from '@aws-sdk/client-sagemaker'
import { InvokeEndpointCommand, type InvokeEndpointCommandOutput } from '@aws-sdk/client-sagemaker-runtime'
import * as core from '../../../__fixtures__/core.js'
import { FakeClock } from '../../../__fixtures__/clock.js'
import { awsError, endpoint, endpointConfig } from '../../../__fixtures__/sagemaker.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, awsCallNames, resetAws, runAction } = await import('../../../__fixtures__/action.js')

const variants = [
  { name: 'blue', weight: 90, count: 2 },
  { name: 'green', weight: 10, count: 1 }
]
const SECRET = 'acct-7f3e9c21-secret'
const PAYLOAD = `{"customer": "${SECRET}", "amount": 12.5}`
const inputs = { operation: 'health-check', 'endpoint-name': 'fraud', 'probe-payload': PAYLOAD }

function answer(body: string, variant = 'blue'): InvokeEndpointCommandOutput {
  return {
    $metadata: { httpStatusCode: 200 },
    Body: new TextEncoder().encode(body) as InvokeEndpointCommandOutput['Body'],
    ContentType: 'application/json',
    InvokedProductionVariant: variant
  }
}

function inService(): void {
  aws.sagemaker.on(DescribeEndpointCommand).resolves(endpoint('fraud', 'InService', 'cfg-1', variants))
  aws.sagemaker.on(DescribeEndpointConfigCommand).resolves(endpointConfig('cfg-1', variants))
}

/** Each probe takes `latencies[i]` ms of the run's fake time. */
function answersAfter(clock: FakeClock, latencies: number[], body: string, variant?: string): void {
  let call = 0
  aws.runtime.on(InvokeEndpointCommand).callsFake(async () => {
    clock.advance(latencies[call++] ?? 0)
    return answer(body, variant)
  })
}

describe('health-check', () => {
  beforeEach(() => resetAws())

  it('probes the target variant and reports healthy with the median latency', async () => {
    inService()
    const clock = new FakeClock()
    answersAfter(clock, [80, 20, 45], '{"score": 0.03}', 'green')

    const result = await runAction({ ...inputs, 'target-variant': 'green', 'probe-count': '3' }, { clock })

    expect(result.failed).toBeUndefined()
    const calls = aws.runtime.commandCalls(InvokeEndpointCommand)
    expect(calls).toHaveLength(3)
    expect(calls[0]?.args[0].input).toEqual({
      EndpointName: 'fraud',
      Body: new TextEncoder().encode(PAYLOAD),
      ContentType: 'application/json',
      TargetVariant: 'green'
    })
    expect(result.outputs).toMatchObject({
      healthy: 'true',
      'latency-ms': '45',
      'endpoint-status': 'InService',
      'variant-name': 'green'
    })
    expect(JSON.parse(result.outputs['variant-weights'] ?? '')).toEqual({ blue: 90, green: 10 })
    expect(result.summary).toContain('<h3>Health probes</h3>')
    expect(result.summary).toContain(
      '<tr><td>2</td><td>green</td><td>✅ ok</td><td>20 ms</td><td>{&quot;score&quot;: 0.03}</td></tr>'
    )
    expect(result.summary).toContain('<h3>Variants now</h3>')
    expect(result.summary).toContain('✅ health-check healthy')
  })

  it('sends {} to any variant by default', async () => {
    inService()
    aws.runtime.on(InvokeEndpointCommand).resolves(answer('[]'))

    const result = await runAction({ operation: 'health-check', 'endpoint-name': 'fraud' })

    expect(result.failed).toBeUndefined()
    const input = aws.runtime.commandCalls(InvokeEndpointCommand)[0]?.args[0].input
    expect(new TextDecoder().decode(input?.Body as Uint8Array)).toBe('{}')
    expect(input).not.toHaveProperty('TargetVariant')
    expect(result.outputs).not.toHaveProperty('variant-name')
    expect(result.outputs.healthy).toBe('true')
  })

  it('never shows the payload, even when the model echoes it back', async () => {
    inService()
    aws.runtime
      .on(InvokeEndpointCommand)
      .resolvesOnce(answer(`{"echo": ${PAYLOAD}}`))
      .rejects(
        awsError('ModelError', `Received client error (400) from primary with message "cannot score ${PAYLOAD}"`)
      )

    const result = await runAction({ ...inputs, 'probe-count': '2', 'fail-on-unhealthy': 'false' })

    expect(result.summary).toContain('«payload»')
    for (const text of [result.log.join('\n'), result.summary, JSON.stringify(result.outputs)]) {
      expect(text).not.toContain(SECRET)
    }
  })

  it('fails the step when a probe fails, saying why', async () => {
    inService()
    aws.runtime
      .on(InvokeEndpointCommand)
      .resolvesOnce(answer('{"score": 0.1}'))
      .rejects(
        Object.assign(awsError('ModelError', 'Received server error (500) from primary: out of memory'), {
          OriginalStatusCode: 500
        })
      )

    const result = await runAction({ ...inputs, 'probe-count': '2' })

    expect(result.failed).toBe(
      'Endpoint "fraud" is unhealthy: 1 of 2 probes failed (first: ModelError: Received server error (500) from primary: out of memory).'
    )
    expect(result.outputs.healthy).toBe('false')
    expect(result.summary).toContain('❌ health-check unhealthy')
    expect(result.summary).toContain('<td>❌ failed</td>')
  })

  it('warns and succeeds with healthy=false when fail-on-unhealthy is false', async () => {
    inService()
    aws.runtime.on(InvokeEndpointCommand).rejects(awsError('ValidationException', 'Endpoint fraud is not ready'))

    const result = await runAction({ ...inputs, 'fail-on-unhealthy': 'false' })

    expect(result.failed).toBeUndefined()
    expect(result.outputs.healthy).toBe('false')
    expect(result.log).toContain(
      '::warning::Endpoint "fraud" is unhealthy: 1 of 1 probes failed (first: ValidationException: Endpoint fraud is not ready). The step succeeds because fail-on-unhealthy is false.'
    )
    expect(result.summary).toContain('❌ health-check unhealthy')
  })

  it('fails a probe slower than probe-max-latency', async () => {
    inService()
    const clock = new FakeClock()
    answersAfter(clock, [700], '{"score": 0.1}')

    const result = await runAction({ ...inputs, 'probe-max-latency': '500ms' }, { clock })

    expect(result.failed).toContain('1 of 1 probes failed (first: slower than 500 ms: {"score": 0.1})')
    expect(result.outputs['latency-ms']).toBe('700')
  })

  it('is unhealthy when the endpoint does not exist', async () => {
    aws.sagemaker
      .on(DescribeEndpointCommand)
      .rejects(awsError('ValidationException', 'Could not find endpoint "fraud".'))

    const failing = await runAction(inputs)
    expect(failing.failed).toBe('Endpoint "fraud" does not exist in us-east-1.')
    expect(failing.outputs.healthy).toBe('false')

    const lenient = await runAction({ ...inputs, 'fail-on-unhealthy': 'false' })
    expect(lenient.failed).toBeUndefined()
    expect(lenient.outputs.healthy).toBe('false')
    expect(lenient.log).toContain(
      '::warning::Endpoint "fraud" does not exist in us-east-1. The step succeeds because fail-on-unhealthy is false.'
    )
    expect(aws.runtime.commandCalls(InvokeEndpointCommand)).toHaveLength(0)
  })

  it('is unhealthy when the endpoint is not InService, quoting the FailureReason, and sends no probe', async () => {
    aws.sagemaker.on(DescribeEndpointCommand).resolves(
      endpoint('fraud', 'Failed', 'cfg-1', variants, {
        FailureReason: 'The primary container did not pass the ping health check.'
      })
    )
    aws.sagemaker.on(DescribeEndpointConfigCommand).resolves(endpointConfig('cfg-1', variants))

    const result = await runAction(inputs)

    expect(result.failed).toBe(
      'Endpoint "fraud" is Failed, not InService. FailureReason: The primary container did not pass the ping health check.'
    )
    expect(result.outputs).toMatchObject({ healthy: 'false', 'endpoint-status': 'Failed' })
    expect(aws.runtime.commandCalls(InvokeEndpointCommand)).toHaveLength(0)
  })

  it.each(['Updating', 'SystemUpdating', 'RollingBack'])(
    'probes an endpoint that is %s, which serves meanwhile, and judges it on the answers',
    async (status) => {
      aws.sagemaker.on(DescribeEndpointCommand).resolves(endpoint('fraud', status, 'cfg-1', variants))
      aws.sagemaker.on(DescribeEndpointConfigCommand).resolves(endpointConfig('cfg-1', variants))
      const clock = new FakeClock()
      answersAfter(clock, [30], '{"score": 0.03}')

      const result = await runAction({ ...inputs, 'probe-count': '1' }, { clock })

      expect(result.failed).toBeUndefined()
      expect(result.outputs).toMatchObject({ healthy: 'true', 'endpoint-status': status })
      expect(result.log).toContain(
        `Endpoint "fraud" is ${status}, and serves meanwhile: its health is judged on its probes.`
      )
      expect(aws.runtime.commandCalls(InvokeEndpointCommand)).toHaveLength(1)
    }
  )

  it('is unhealthy when SageMaker could not roll an update back: it serves a mix of two configs', async () => {
    aws.sagemaker.on(DescribeEndpointCommand).resolves(endpoint('fraud', 'UpdateRollbackFailed', 'cfg-1', variants))
    aws.sagemaker.on(DescribeEndpointConfigCommand).resolves(endpointConfig('cfg-1', variants))

    const result = await runAction(inputs)

    expect(result.failed).toBe('Endpoint "fraud" is UpdateRollbackFailed, not InService.')
    expect(aws.runtime.commandCalls(InvokeEndpointCommand)).toHaveLength(0)
  })

  it('refuses, before any probe, a payload larger than the 4 MB a serverless endpoint takes', async () => {
    const serverless = [{ name: 'AllTraffic', weight: 1, count: 1 }]
    aws.sagemaker.on(DescribeEndpointCommand).resolves(endpoint('fraud', 'InService', 'cfg-1', serverless))
    const config = endpointConfig('cfg-1', serverless)
    aws.sagemaker.on(DescribeEndpointConfigCommand).resolves({
      ...config,
      ProductionVariants: (config.ProductionVariants ?? []).map((variant) => ({
        ...variant,
        ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 5 }
      }))
    })
    const large = JSON.stringify({ pixels: 'x'.repeat(5 * 1024 * 1024) })

    const result = await runAction({ ...inputs, 'probe-payload': large, 'fail-on-unhealthy': 'false' })

    expect(result.failed).toBe(
      'Input "probe-payload" is 5.0 MB, and endpoint "fraud" is serverless, which takes requests of up to 4 MB; nothing was changed. Probe with a smaller payload.'
    )
    expect(aws.runtime.commandCalls(InvokeEndpointCommand)).toHaveLength(0)
  })

  it('refuses a target-variant the endpoint does not have, whatever fail-on-unhealthy says', async () => {
    inService()

    const result = await runAction({ ...inputs, 'target-variant': 'purple', 'fail-on-unhealthy': 'false' })

    expect(result.failed).toBe(
      'Input "target-variant" names variant "purple", which endpoint "fraud" does not have (it has blue, green).'
    )
    expect(aws.runtime.commandCalls(InvokeEndpointCommand)).toHaveLength(0)
  })

  it.each([
    ['probe-count', '0', 'whole number from 1 to 100'],
    ['probe-payload', '{not json', 'valid JSON'],
    ['probe-content-type', 'json', 'MIME type'],
    ['probe-max-latency', 'fast', 'latency with its unit, ms or s'],
    ['probe-max-latency', '500', 'a bare number is ambiguous'],
    ['target-variant', 'green_v2', 'letters, digits and hyphens'],
    ['fail-on-unhealthy', 'maybe', 'true or false']
  ])('rejects %s %j before any AWS call', async (input, value, expected) => {
    const result = await runAction({ ...inputs, [input]: value })
    expect(result.failed).toContain(`"${input}"`)
    expect(result.failed).toContain(expected)
    expect(awsCallNames()).toEqual([])
  })

  it('still probes in a dry run, since probes change nothing', async () => {
    inService()
    aws.runtime.on(InvokeEndpointCommand).resolves(answer('{"score": 0.1}'))

    const result = await runAction({ ...inputs, 'dry-run': 'true' })

    expect(result.failed).toBeUndefined()
    expect(aws.runtime.commandCalls(InvokeEndpointCommand)).toHaveLength(1)
    expect(result.outputs.healthy).toBe('true')
    expect(result.summary).toContain('Dry run: probes are still sent')
  })

  it('names the API, the endpoint and the AWS error code when SageMaker refuses', async () => {
    aws.sagemaker
      .on(DescribeEndpointCommand)
      .rejects(awsError('AccessDeniedException', 'not authorized to perform sagemaker:DescribeEndpoint'))

    const result = await runAction({ ...inputs, 'fail-on-unhealthy': 'false' })

    expect(result.failed).toBe(
      'DescribeEndpoint on endpoint "fraud" failed: AccessDeniedException: not authorized to perform sagemaker:DescribeEndpoint'
    )
  })
})
