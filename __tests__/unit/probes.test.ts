import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { InvokeEndpointCommand, type InvokeEndpointCommandOutput } from '@aws-sdk/client-sagemaker-runtime'
import * as core from '../../__fixtures__/core.js'
import { FakeClock } from '../../__fixtures__/clock.js'
import { awsError } from '../../__fixtures__/sagemaker.js'
import type { ProbeRecord } from '../../src/report.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, resetAws } = await import('../../__fixtures__/action.js')
const { OperationContext } = await import('../../src/context.js')
const { createAwsClients } = await import('../../src/aws/clients.js')
const { newReport } = await import('../../src/report.js')
const { DETAIL_MAX_CHARS, medianLatency, sendProbes } = await import('../../src/probes.js')

const PAYLOAD = '{"card": "4111111111111111", "amount": 12.5}'
const probe = { payload: PAYLOAD, contentType: 'application/json', count: 3 }

function context(clock = new FakeClock()): InstanceType<typeof OperationContext> {
  return new OperationContext(
    { endpointName: 'fraud', region: 'us-east-1', waitForCompletion: true, timeoutMs: 60_000, dryRun: false },
    createAwsClients('us-east-1'),
    clock,
    newReport('health-check', 'fraud', 'us-east-1', false, clock.now())
  )
}

function answer(
  body: string | Uint8Array,
  extra: Partial<InvokeEndpointCommandOutput> = {}
): InvokeEndpointCommandOutput {
  return {
    $metadata: { httpStatusCode: 200 },
    Body: (typeof body === 'string' ? new TextEncoder().encode(body) : body) as InvokeEndpointCommandOutput['Body'],
    ContentType: 'application/json',
    ...extra
  }
}

/** Answers after `latencies[i]` ms of fake time, one per call. */
function answerAfter(clock: FakeClock, latencies: number[], response: InvokeEndpointCommandOutput): void {
  let call = 0
  aws.runtime.on(InvokeEndpointCommand).callsFake(async () => {
    clock.advance(latencies[call++] ?? 0)
    return response
  })
}

describe('sendProbes', () => {
  beforeEach(() => {
    resetAws()
    core.resetCore()
  })

  it('leaves the SDK backoff between throttled retries out of the latency it judges', async () => {
    const clock = new FakeClock()
    // 1.2 s in all, 1 s of it spent backing off from a throttle before the answer that counted.
    answerAfter(clock, [1200], answer('{"score": 0.02}', { $metadata: { httpStatusCode: 200, totalRetryDelay: 1000 } }))

    const records = await sendProbes(context(clock), { ...probe, count: 1 }, { maxLatencyMs: 500 })

    expect(records[0]).toMatchObject({ ok: true, latencyMs: 200 })
  })

  it('sends count invocations of the payload to the target variant and times each', async () => {
    const clock = new FakeClock()
    answerAfter(clock, [40, 55, 30], answer('{"score": 0.02}', { InvokedProductionVariant: 'green' }))

    const records = await sendProbes(context(clock), probe, { targetVariant: 'green' })

    const calls = aws.runtime.commandCalls(InvokeEndpointCommand)
    expect(calls).toHaveLength(3)
    const input = calls[0]?.args[0].input
    expect(input).toEqual({
      EndpointName: 'fraud',
      Body: new TextEncoder().encode(PAYLOAD),
      ContentType: 'application/json',
      TargetVariant: 'green'
    })
    expect(input).not.toHaveProperty('Accept')
    expect(records).toEqual([
      { variant: 'green', ok: true, latencyMs: 40, statusCode: 200, detail: '{"score": 0.02}' },
      { variant: 'green', ok: true, latencyMs: 55, statusCode: 200, detail: '{"score": 0.02}' },
      { variant: 'green', ok: true, latencyMs: 30, statusCode: 200, detail: '{"score": 0.02}' }
    ])
    expect(core.log).toContain('Probe 2/3 to variant "green": ok in 55 ms, HTTP 200: {"score": 0.02}')
  })

  it('leaves TargetVariant out when no variant is targeted and records the variant that answered', async () => {
    aws.runtime.on(InvokeEndpointCommand).resolves(answer('ok', { InvokedProductionVariant: 'blue' }))

    const records = await sendProbes(context(), { ...probe, count: 1 })

    expect(aws.runtime.commandCalls(InvokeEndpointCommand)[0]?.args[0].input).not.toHaveProperty('TargetVariant')
    expect(records[0]?.variant).toBe('blue')
  })

  it('records a model error as a failed probe instead of throwing', async () => {
    const modelError = Object.assign(awsError('ModelError', 'Received server error (500) from primary'), {
      OriginalStatusCode: 500
    })
    aws.runtime.on(InvokeEndpointCommand).rejectsOnce(modelError).resolves(answer('{"score": 0.5}'))

    const records = await sendProbes(context(), { ...probe, count: 2 }, { targetVariant: 'green' })

    expect(records[0]).toEqual({
      variant: 'green',
      ok: false,
      latencyMs: 0,
      statusCode: 500,
      detail: 'ModelError: Received server error (500) from primary'
    })
    expect(records[1]?.ok).toBe(true)
  })

  it('records throttling that outlasted the retries as a failed probe with its HTTP status', async () => {
    aws.runtime
      .on(InvokeEndpointCommand)
      .rejects(Object.assign(awsError('ThrottlingException', 'Rate exceeded'), { $metadata: { httpStatusCode: 429 } }))

    const records = await sendProbes(context(), { ...probe, count: 1 })

    expect(records).toEqual([
      { ok: false, latencyMs: 0, statusCode: 429, detail: 'ThrottlingException: Rate exceeded' }
    ])
  })

  it('fails a probe slower than maxLatencyMs', async () => {
    const clock = new FakeClock()
    answerAfter(clock, [120, 480], answer('{"score": 0.1}'))

    const records = await sendProbes(context(clock), { ...probe, count: 2 }, { maxLatencyMs: 250 })

    expect(records.map((record) => record.ok)).toEqual([true, false])
    expect(records[1]?.detail).toBe('slower than 250 ms: {"score": 0.1}')
  })

  it('cuts a long answer to one short line', async () => {
    const long = `{\n  "scores": [${Array.from({ length: 100 }, (_, index) => index / 100).join(', ')}]\n}`
    aws.runtime.on(InvokeEndpointCommand).resolves(answer(long))

    const [record] = await sendProbes(context(), { ...probe, count: 1 })

    expect(record?.detail).toHaveLength(DETAIL_MAX_CHARS)
    expect(record?.detail).toMatch(/^\{ "scores": \[0, 0\.01, 0\.02.*…$/)
    expect(record?.detail).not.toContain('\n')
  })

  it('masks the payload when the model echoes it, as sent or re-serialised', async () => {
    aws.runtime
      .on(InvokeEndpointCommand)
      .resolvesOnce(answer(`{"input": ${PAYLOAD}, "score": 0.9}`))
      .resolvesOnce(answer(`{"input":${JSON.stringify(JSON.parse(PAYLOAD))},"score":0.9}`))
      .rejects(awsError('ModelError', `Received client error (400) from primary with message "bad input ${PAYLOAD}"`))

    const records = await sendProbes(context(), probe)

    expect(records.map((record) => record.detail)).toEqual([
      '{"input": «payload», "score": 0.9}',
      '{"input":«payload»,"score":0.9}',
      'ModelError: Received client error (400) from primary with message "bad input «payload»"'
    ])
    expect(core.log.join('\n')).not.toContain('4111111111111111')
  })

  it('describes a binary answer instead of printing it', async () => {
    aws.runtime
      .on(InvokeEndpointCommand)
      .resolves(answer(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), { ContentType: 'image/png' }))

    const [record] = await sendProbes(context(), { ...probe, count: 1 })

    expect(record).toMatchObject({ ok: true, detail: '(8 bytes of image/png)' })
  })

  it('says so when the answer is empty', async () => {
    aws.runtime.on(InvokeEndpointCommand).resolves(answer(''))
    const [record] = await sendProbes(context(), { ...probe, count: 1 })
    expect(record?.detail).toBe('(empty response)')
  })
})

describe('medianLatency', () => {
  const withLatencies = (latencies: number[]): ProbeRecord[] =>
    latencies.map((latencyMs) => ({ ok: true, latencyMs, detail: '' }))

  it('is the middle latency, or the mean of the two middle ones', () => {
    expect(medianLatency(withLatencies([90, 10, 40]))).toBe(40)
    expect(medianLatency(withLatencies([90, 10, 40, 20]))).toBe(30)
    expect(medianLatency(withLatencies([7]))).toBe(7)
  })

  it('is undefined without probes', () => {
    expect(medianLatency([])).toBeUndefined()
  })
})
