import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import {
  GetObjectCommand,
  ListObjectsV2Command,
  S3Client,
  type GetObjectCommandInput,
  type ListObjectsV2CommandInput
} from '@aws-sdk/client-s3'
import { InvokeEndpointCommand } from '@aws-sdk/client-sagemaker-runtime'
import { mockClient } from 'aws-sdk-client-mock'
import * as core from '../../__fixtures__/core.js'
import { endpoint, endpointConfig } from '../../__fixtures__/sagemaker.js'
import { DescribeEndpointCommand, DescribeEndpointConfigCommand } from '@aws-sdk/client-sagemaker'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, awsCallNames, resetAws, runAction } = await import('../../__fixtures__/action.js')
const { capturedRequest, parseCaptureLocation } = await import('../../src/captured-payloads.js')

const s3 = mockClient(S3Client)

/** A line of SageMaker's data capture: the request as captured, and the model's answer. */
function captureLine(data: string, encoding = 'JSON', contentType = 'application/json'): string {
  return JSON.stringify({
    captureData: {
      endpointInput: { observedContentType: contentType, mode: 'INPUT', data, encoding },
      endpointOutput: {
        observedContentType: 'application/json',
        mode: 'OUTPUT',
        data: '{"score":0.1}',
        encoding: 'JSON'
      }
    },
    eventMetadata: { eventId: 'e1', inferenceTime: '2026-12-06T10:00:00Z' },
    eventVersion: '0'
  })
}

/**
 * A bucket holding `objects`, written in the order given, listed as S3 lists:
 * keys in ascending order, after StartAfter, at most MaxKeys of them, and
 * with a Delimiter the folders below the prefix as CommonPrefixes.
 */
function givenCapture(objects: Record<string, string[]>): void {
  const keys = Object.keys(objects)
  const writtenAt = (key: string): Date => new Date(Date.UTC(2026, 11, 6, 10, keys.indexOf(key)))
  s3.on(ListObjectsV2Command).callsFake((input: ListObjectsV2CommandInput) => {
    const prefix = input.Prefix ?? ''
    const under = keys
      .filter((key) => key.startsWith(prefix) && key > (input.StartAfter ?? ''))
      .sort()
      .slice(0, input.MaxKeys ?? 1000)
    const contents = input.Delimiter ? under.filter((key) => !key.slice(prefix.length).includes('/')) : under
    const folders = input.Delimiter
      ? [
          ...new Set(
            under.flatMap((key) => /^[^/]*\//.exec(key.slice(prefix.length))?.map((sub) => prefix + sub) ?? [])
          )
        ]
      : []
    return {
      Contents: contents.map((Key) => ({ Key, LastModified: writtenAt(Key) })),
      ...(folders.length > 0 ? { CommonPrefixes: folders.map((Prefix) => ({ Prefix })) } : {})
    }
  })
  s3.on(GetObjectCommand).callsFake((input: GetObjectCommandInput) => ({
    Body: { transformToString: async () => (objects[input.Key ?? ''] ?? []).join('\n') } as never
  }))
}

describe('probe-payloads-from, read', () => {
  it('takes an S3 location, bucket and prefix', () => {
    expect(parseCaptureLocation('probe-payloads-from', 's3://capture-bucket/datacapture/fraud/')).toEqual({
      bucket: 'capture-bucket',
      prefix: 'datacapture/fraud/'
    })
    expect(() => parseCaptureLocation('probe-payloads-from', 'capture-bucket/x')).toThrow(
      'Input "probe-payloads-from" must be an S3 location'
    )
  })

  it("decodes a captured line's request as its encoding says, and skips lines without one", () => {
    const json = capturedRequest(captureLine('{"amount": 3}'))
    expect(new TextDecoder().decode(json?.body)).toBe('{"amount": 3}')
    expect(json?.contentType).toBe('application/json')
    const binary = capturedRequest(
      captureLine(Buffer.from([1, 2, 3]).toString('base64'), 'BASE64', 'application/x-npy')
    )
    expect([...(binary?.body ?? [])]).toEqual([1, 2, 3])
    expect(binary?.contentType).toBe('application/x-npy')
    expect(capturedRequest('{"captureData": {"endpointOutput": {"data": "x"}}}')).toBeUndefined()
    expect(capturedRequest('not json')).toBeUndefined()
  })
})

describe('a health check that replays captured requests', () => {
  beforeEach(() => {
    resetAws()
    s3.reset()
    core.resetCore()
    aws.sagemaker.on(DescribeEndpointCommand).resolves(endpoint('fraud', 'InService', 'cfg'))
    aws.sagemaker.on(DescribeEndpointConfigCommand).resolves(endpointConfig('cfg'))
    aws.runtime.on(InvokeEndpointCommand).resolves({
      $metadata: { httpStatusCode: 200 },
      Body: new TextEncoder().encode('{"score": 0.2}') as never,
      ContentType: 'application/json'
    })
  })

  it('sends the newest captured requests, each with its content type, and never prints them', async () => {
    givenCapture({
      'datacapture/fraud/AllTraffic/2026/12/06/09/old.jsonl': [captureLine('{"card": "4111-old"}')],
      'datacapture/fraud/AllTraffic/2026/12/06/10/new.jsonl': [
        captureLine('{"card": "4111-new-1"}'),
        captureLine('amount,3', 'CSV', 'text/csv'),
        ''
      ]
    })

    const result = await runAction({
      operation: 'health-check',
      'endpoint-name': 'fraud',
      'probe-payloads-from': 's3://capture-bucket/datacapture/fraud/',
      'probe-count': '3'
    })

    expect(result.failed).toBeUndefined()
    const sent = aws.runtime
      .commandCalls(InvokeEndpointCommand)
      .map((call) => [new TextDecoder().decode(call.args[0].input.Body as Uint8Array), call.args[0].input.ContentType])
    expect(sent).toEqual([
      ['{"card": "4111-new-1"}', 'application/json'],
      ['amount,3', 'text/csv'],
      ['{"card": "4111-old"}', 'application/json']
    ])
    expect(result.log.join('\n')).toContain(
      'Probes replay 3 captured requests from s3://capture-bucket/datacapture/fraud/'
    )
    expect(result.log.join('\n') + result.summary).not.toContain('4111')
  })

  it("walks down to the newest hours, never reading a long-running capture's oldest objects", async () => {
    /** `count` hours of a variant's capture from `from` on, an object an hour, each holding one request. */
    const hours = (variant: string, from: number, count: number): Record<string, string[]> =>
      Object.fromEntries(
        Array.from({ length: count }, (_, index) => {
          const hour = new Date(from + index * 3_600_000).toISOString()
          const folder = `${hour.slice(0, 4)}/${hour.slice(5, 7)}/${hour.slice(8, 10)}/${hour.slice(11, 13)}`
          return [
            `datacapture/fraud/${variant}/${folder}/part.jsonl`,
            [captureLine(`{"from": "${variant} ${folder}"}`)]
          ]
        })
      )
    // Two months of a retired variant's capture (more keys than one listing holds), then the serving one's
    // last thirty hours, oldest written first.
    givenCapture({
      ...hours('fraud-v1-20251001', Date.UTC(2025, 9, 1), 1_440),
      ...hours('AllTraffic', Date.UTC(2026, 11, 5), 30)
    })

    const result = await runAction({
      operation: 'health-check',
      'endpoint-name': 'fraud',
      'probe-payloads-from': 's3://capture-bucket/datacapture/fraud/',
      'probe-count': '2'
    })

    expect(result.failed).toBeUndefined()
    const read = s3.commandCalls(GetObjectCommand).map((call) => call.args[0].input.Key)
    // Today's six hours, then yesterday's last four, until ten objects: nothing of the retired variant.
    expect(read).toEqual([
      ...[5, 4, 3, 2, 1, 0].map((hour) => `datacapture/fraud/AllTraffic/2026/12/06/0${hour}/part.jsonl`),
      ...[23, 22, 21, 20].map((hour) => `datacapture/fraud/AllTraffic/2026/12/05/${hour}/part.jsonl`)
    ])
    expect(s3.commandCalls(ListObjectsV2Command).length).toBeLessThanOrEqual(40)
    const sent = aws.runtime
      .commandCalls(InvokeEndpointCommand)
      .map((call) => new TextDecoder().decode(call.args[0].input.Body as Uint8Array))
    expect(sent).toEqual(['{"from": "AllTraffic 2026/12/06/05"}', '{"from": "AllTraffic 2026/12/06/04"}'])
  })

  it('fails before any probe when the capture holds no request, saying what to do', async () => {
    givenCapture({ 'datacapture/fraud/AllTraffic/2026/12/06/10/out.jsonl': ['{"captureData": {}}'] })

    const result = await runAction({
      operation: 'health-check',
      'endpoint-name': 'fraud',
      'probe-payloads-from': 's3://capture-bucket/datacapture/fraud/'
    })

    expect(result.failed).toContain(
      'Input "probe-payloads-from": s3://capture-bucket/datacapture/fraud/ holds no captured request'
    )
    expect(awsCallNames()).not.toContain('runtime.InvokeEndpoint')
  })

  it('refuses probe-payload beside it, before any AWS call', async () => {
    const result = await runAction({
      operation: 'health-check',
      'endpoint-name': 'fraud',
      'probe-payload': '{}',
      'probe-payloads-from': 's3://capture-bucket/datacapture/fraud/'
    })

    expect(result.failed).toContain('Input "probe-payloads-from" replaces probe-payload')
    expect(s3.calls()).toHaveLength(0)
  })
})

describe("a shadow phase's captured answers", () => {
  beforeEach(() => {
    s3.reset()
  })

  it('lists from the phase hour on, reads each object once, and keys the answers by InferenceId', async () => {
    const { CapturedAnswers } = await import('../../src/shadow-capture.js')
    const { OperationContext } = await import('../../src/context.js')
    const { createAwsClients } = await import('../../src/aws/clients.js')
    const { newReport } = await import('../../src/report.js')
    const { FakeClock } = await import('../../__fixtures__/clock.js')
    const clock = new FakeClock()
    const ctx = new OperationContext(
      { endpointName: 'fraud', region: 'us-east-1', waitForCompletion: true, timeoutMs: 60_000, dryRun: false },
      createAwsClients('us-east-1'),
      clock,
      newReport('deploy', 'fraud', 'us-east-1', false, clock.now())
    )
    const answered = (id: string, score: number): string =>
      JSON.stringify({
        captureData: { endpointOutput: { data: `{"score":${score}}`, encoding: 'JSON' } },
        eventMetadata: { eventId: `e-${id}`, inferenceId: id }
      })
    const first = 'datacapture/fraud/fraud-v2/2026/12/06/10/a.jsonl'
    givenCapture({ [first]: [answered('p1', 0.4), answered('p2', 0.9)] })
    const since = Date.UTC(2026, 11, 6, 10, 20)
    const answers = new CapturedAnswers({ bucket: 'capture', prefix: 'datacapture/' }, 'fraud', 'fraud-v2', since)

    await answers.refresh(ctx)
    const second = 'datacapture/fraud/fraud-v2/2026/12/06/10/b.jsonl'
    givenCapture({ [first]: [], [second]: [answered('p3', 0.1)] })
    await answers.refresh(ctx)

    expect(s3.commandCalls(ListObjectsV2Command)[0]?.args[0].input).toMatchObject({
      Bucket: 'capture',
      Prefix: 'datacapture/fraud/fraud-v2/',
      StartAfter: 'datacapture/fraud/fraud-v2/2026/12/06/10/'
    })
    expect(s3.commandCalls(GetObjectCommand).map((call) => call.args[0].input.Key)).toEqual([first, second])
    expect([...answers.answers].map(([id, { answer }]) => [id, answer])).toEqual([
      ['p1', '{"score":0.4}'],
      ['p2', '{"score":0.9}'],
      ['p3', '{"score":0.1}']
    ])
  })
})
