import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { InvokeEndpointCommand } from '@aws-sdk/client-sagemaker-runtime'
import * as core from '../../__fixtures__/core.js'
import { FakeClock } from '../../__fixtures__/clock.js'
import { awsError } from '../../__fixtures__/sagemaker.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, resetAws } = await import('../../__fixtures__/action.js')
const { OperationContext } = await import('../../src/context.js')
const { createAwsClients } = await import('../../src/aws/clients.js')
const { newReport } = await import('../../src/report.js')
const { sendProbes } = await import('../../src/probes.js')
const { failedCheck, parseAnswerChecks } = await import('../../src/answer-checks.js')
const { parseSettings } = await import('../../src/inputs.js')

const PAYLOAD = '{"card": "4111111111111111", "amount": 12.5}'

function context() {
  const clock = new FakeClock()
  return new OperationContext(
    { endpointName: 'fraud', region: 'us-east-1', waitForCompletion: true, timeoutMs: 60_000, dryRun: false },
    createAwsClients('us-east-1'),
    clock,
    newReport('health-check', 'fraud', 'us-east-1', false, clock.now())
  )
}

function answers(...bodies: string[]): void {
  const chain = aws.runtime.on(InvokeEndpointCommand)
  for (const body of bodies) {
    chain.resolvesOnce({
      $metadata: { httpStatusCode: 200 },
      Body: new TextEncoder().encode(body) as never,
      ContentType: 'application/json'
    })
  }
}

describe('probe-expect, read', () => {
  it('reads one check a line: status, a value, a set, a range', () => {
    const checks = parseAnswerChecks(
      'status == 200\n\n$.label == "fraud"\n$.labels[0] in ["fraud", "legit"]\n$["the score"] between 0 and 1\n'
    )
    expect(checks).toEqual([
      { kind: 'status', text: 'status == 200', status: 200 },
      { kind: 'equals', text: '$.label == "fraud"', path: ['label'], value: 'fraud' },
      { kind: 'one-of', text: '$.labels[0] in ["fraud", "legit"]', path: ['labels', 0], values: ['fraud', 'legit'] },
      { kind: 'range', text: '$["the score"] between 0 and 1', path: ['the score'], min: 0, max: 1 }
    ])
  })

  it.each([
    ['label == "fraud"', 'must hold one check a line'],
    ['$.label == fraud', 'is not JSON'],
    ['$.score between 1 and 0', 'the lower first'],
    ['$.label in []', 'at least one value'],
    ['$..label == 1', 'has a path it cannot read']
  ])('refuses %s, naming the input', (line, expected) => {
    expect(() => parseAnswerChecks(line)).toThrow(`Input "probe-expect"`)
    expect(() => parseAnswerChecks(line)).toThrow(expected)
  })

  it('is part of the probe settings a health check parses', () => {
    const settings = parseSettings((name) =>
      name === 'operation'
        ? 'health-check'
        : name === 'endpoint-name'
          ? 'fraud'
          : name === 'region'
            ? 'us-east-1'
            : name === 'probe-expect'
              ? '$.label == "fraud"'
              : ''
    )
    if (settings.operation !== 'health-check') throw new Error(`parsed as ${settings.operation}`)
    expect(settings.healthCheck.probe.expect).toEqual([
      { kind: 'equals', text: '$.label == "fraud"', path: ['label'], value: 'fraud' }
    ])
  })
})

describe('an answer, checked', () => {
  const checks = parseAnswerChecks(
    '$.label in ["fraud", "legit"]\n$.score between 0 and 1\n$.meta == {"v": 2, "ok": true}'
  )

  it('passes when every check holds, objects compared key by key', () => {
    expect(failedCheck(checks, 200, '{"label": "legit", "score": 1, "meta": {"ok": true, "v": 2.0}}')).toBeUndefined()
  })

  it('says which check failed and what the answer held', () => {
    expect(failedCheck(checks, 200, '{"label": "spam", "score": 0.2, "meta": {}}')).toBe(
      '$.label in ["fraud", "legit"]: $.label is "spam"'
    )
    expect(failedCheck(checks, 200, '{"label": "fraud", "score": 1.5}')).toBe('$.score between 0 and 1: $.score is 1.5')
    expect(failedCheck(checks, 200, '{"label": "fraud", "score": "high"}')).toBe(
      '$.score between 0 and 1: $.score is "high", not a number'
    )
    expect(failedCheck(checks, 200, '{"label": "fraud"}')).toBe('$.score between 0 and 1: the answer has no $.score')
    expect(failedCheck(checks, 200, 'fraud')).toBe('$.label in ["fraud", "legit"]: the answer is not JSON')
  })
})

describe('probes held to their answers', () => {
  beforeEach(() => {
    resetAws()
    core.resetCore()
  })

  it('fails a fast 200 whose answer is wrong, saying why without the payload', async () => {
    answers('{"label": "fraud"}', `{"label": "legit", "echo": ${PAYLOAD}}`)
    const probe = {
      payload: PAYLOAD,
      contentType: 'application/json',
      count: 2,
      expect: parseAnswerChecks('$.label == "fraud"')
    }

    const records = await sendProbes(context(), probe)

    expect(records.map((record) => record.ok)).toEqual([true, false])
    expect(records[1]?.detail).toBe('answer failed $.label == "fraud": $.label is "legit"')
    expect(core.log.join('\n')).not.toContain('4111111111111111')
  })

  it('passes an error answer that a status check expects, and fails a 200 it does not', async () => {
    const invalid = Object.assign(awsError('ModelError', 'Received client error (400) from primary'), {
      OriginalStatusCode: 400,
      OriginalMessage: '{"error": "amount missing"}'
    })
    aws.runtime
      .on(InvokeEndpointCommand)
      .rejectsOnce(invalid)
      .resolvesOnce({
        $metadata: { httpStatusCode: 200 },
        Body: new TextEncoder().encode('{"label": "fraud"}') as never
      })
    const probe = {
      payload: '{}',
      contentType: 'application/json',
      count: 2,
      expect: parseAnswerChecks('status == 400\n$.error == "amount missing"')
    }

    const records = await sendProbes(context(), probe)

    expect(records.map((record) => record.ok)).toEqual([true, false])
    expect(records[1]?.detail).toBe('answer failed status == 400: the status was 200')
  })
})

describe('a status check and a request SageMaker refused', () => {
  beforeEach(() => {
    resetAws()
    core.resetCore()
  })

  it('fails the probe: a ValidationError is no answer of the model, though its status is the one expected', async () => {
    const refused = Object.assign(awsError('ValidationError', 'Endpoint variant "canary" not found'), {
      $metadata: { httpStatusCode: 400 }
    })
    aws.runtime.on(InvokeEndpointCommand).rejects(refused)
    const probe = {
      payload: '{}',
      contentType: 'application/json',
      count: 1,
      expect: parseAnswerChecks('status == 400')
    }

    const records = await sendProbes(context(), probe)

    expect(records[0]?.ok).toBe(false)
    expect(records[0]?.statusCode).toBe(400)
    expect(records[0]?.detail).toBe('ValidationError: Endpoint variant "canary" not found')
  })
})

describe("the new model's answer against the serving model's", () => {
  it('compares whole answers as JSON, or as text when either is not JSON', async () => {
    const { disagreement } = await import('../../src/answer-checks.js')
    expect(disagreement('{"a": 1, "b": [2]}', '{"b": [2], "a": 1.0}', {})).toBeUndefined()
    expect(disagreement('{"a": 1}', '{"a": 2}', {})).toBe('the answers differ')
    expect(disagreement('fraud', 'fraud', {})).toBeUndefined()
  })

  it('compares one path, numbers within the tolerance', async () => {
    const { disagreement, parseJsonPath } = await import('../../src/answer-checks.js')
    const path = parseJsonPath('compare-path', '$.scores[0]')
    expect(
      disagreement('{"scores": [0.52]}', '{"scores": [0.5], "other": 1}', { path, tolerance: 0.05 })
    ).toBeUndefined()
    expect(disagreement('{"scores": [0.9]}', '{"scores": [0.5]}', { path, tolerance: 0.05 })).toBe(
      '$.scores[0] 0.9 against 0.5'
    )
    expect(disagreement('{"scores": []}', '{"scores": [0.5]}', { path })).toBe(
      "$.scores[0] is missing from the new model's answer"
    )
    const label = parseJsonPath('compare-path', '$.label')
    expect(disagreement('{"label": "spam"}', '{"label": "fraud"}', { path: label })).toBe(
      '$.label "spam" against "fraud"'
    )
  })

  it.each([
    [{ 'max-disagreement': '5%' }, 'Input "max-disagreement"', 'needs probe-payload'],
    [{ 'compare-path': '$.score', 'probe-payload': '{}' }, 'Input "compare-path"', 'needs max-disagreement'],
    [
      { 'max-disagreement': '5%', 'compare-tolerance': '0.1', 'probe-payload': '{}' },
      'Input "compare-tolerance"',
      'needs compare-path'
    ],
    [
      { 'max-disagreement': '5%', 'compare-path': 'score', 'probe-payload': '{}' },
      'Input "compare-path"',
      'starts at $'
    ],
    [
      { 'max-disagreement': '5%', 'probe-payload': '{}', 'rollout-controller': 'sagemaker' },
      'Input "max-disagreement"',
      'cannot be judged with rollout-controller: sagemaker'
    ]
  ])('refuses %j', (inputs, name, expected) => {
    const all: Record<string, string> = {
      operation: 'deploy',
      'endpoint-name': 'fraud',
      region: 'us-east-1',
      'image-uri': '123456789012.dkr.ecr.us-east-1.amazonaws.com/fraud:2',
      strategy: 'canary',
      'traffic-steps': '10,100',
      ...inputs
    }
    expect(() => parseSettings((name) => all[name] ?? '')).toThrow(name)
    expect(() => parseSettings((name) => all[name] ?? '')).toThrow(expected)
  })
})
