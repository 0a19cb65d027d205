/**
 * Synthetic invocations: the only check that sees what a caller sees, where
 * metrics need real traffic and lag by minutes.
 *
 * Probes are reads as far as the dry run goes: an invocation changes no AWS
 * resource, so they are sent in a dry run too (a health check that skipped
 * them would tell nothing). They do run the model, so a model with side
 * effects of its own should be given a payload it treats as a no-op.
 *
 * The payload may hold real data: no record, log line or summary ever shows
 * it, and a model that echoes it back has the echo masked.
 */
import * as core from '@actions/core'
import { InvokeEndpointCommand } from '@aws-sdk/client-sagemaker-runtime'
import { checksStatus, failedCheck, type AnswerCheck } from './answer-checks.js'
import { errorCode, errorMessage } from './aws/errors.js'
import type { OperationContext } from './context.js'
import type { EndpointConfig } from './endpoint.js'
import { InputError } from './parse.js'
import type { ProbeRecord } from './report.js'
import type { CapturedPayload } from './captured-payloads.js'
import type { ProbeSettings } from './settings.js'

/** Long enough to recognise an answer, short enough for a table cell. */
export const DETAIL_MAX_CHARS = 120
/** Shorter payloads ({} or 1) are too common in ordinary answers to mask without mangling them. */
const MIN_MASKED_PAYLOAD_CHARS = 4
const PAYLOAD_MASK = '«payload»'

export interface ProbeOptions {
  /** Sent as TargetVariant: probes reach only this variant, whatever its weight. */
  targetVariant?: string
  /**
   * Sent as InferenceComponentName: probes reach this inference component's copies (never with TargetVariant:
   * a component belongs to one variant, and AWS shows the two together nowhere).
   */
  inferenceComponentName?: string
  /** A slower answer is a failed probe. */
  maxLatencyMs?: number
  /** Replaying captured requests: exactly these, rather than the next ones in turn. */
  capturedIndexes?: number[]
  /** Each probe's InferenceId: how data capture pairs the serving and shadow variants' answers to it. */
  inferenceId?: () => string
}

/**
 * Refuses probes on an asynchronous endpoint (one whose config has an
 * AsyncInferenceConfig), before anything is sent or changed. Probes call
 * InvokeEndpoint, which answers real-time endpoints; an asynchronous one is
 * invoked with InvokeEndpointAsync
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/async-inference-invoke-endpoint.html)
 * and refuses InvokeEndpoint with a ValidationError
 * (https://github.com/strands-agents/harness-sdk/issues/1969). Every probe
 * would fail and roll back a healthy model, or mark a healthy endpoint
 * unhealthy.
 */
export function refuseProbesOnAsynchronous(
  endpointName: string,
  config: EndpointConfig | undefined,
  instead: string
): void {
  if (!config?.AsyncInferenceConfig) return
  throw new Error(
    `Input "probe-payload": endpoint "${endpointName}" is asynchronous (its config "${config.EndpointConfigName}" has an AsyncInferenceConfig), and probes call InvokeEndpoint, which SageMaker answers only on real-time endpoints; nothing was changed. ${instead}`
  )
}

/** The largest request a serverless endpoint takes: https://docs.aws.amazon.com/sagemaker/latest/dg/serverless-endpoints-invoke.html. */
const SERVERLESS_MAX_PAYLOAD_BYTES = 4 * 1024 * 1024

/**
 * Refuses, before anything is sent or changed, a probe larger than a
 * serverless endpoint takes: "The maximum request and response payload size
 * for serverless invocations is 4 MB", against 6 MB on instances. SageMaker
 * would refuse each such probe, and the gates would roll a healthy model back.
 */
export function refuseProbesTooLargeForServerless(
  endpointName: string,
  config: EndpointConfig | undefined,
  probe: ProbeSettings
): void {
  if (!(config?.ProductionVariants ?? []).some((variant) => variant.ServerlessConfig)) return
  const sizes = probe.captured
    ? probe.captured.map((payload) => payload.body.byteLength)
    : [Buffer.byteLength(probe.payload)]
  const largest = Math.max(0, ...sizes)
  if (largest <= SERVERLESS_MAX_PAYLOAD_BYTES) return
  const input = probe.captured ? 'probe-payloads-from' : 'probe-payload'
  throw new InputError(
    input,
    `${probe.captured ? 'holds a request of' : 'is'} ${(largest / 1024 / 1024).toFixed(1)} MB, and endpoint "${endpointName}" is serverless, which takes requests of up to 4 MB; nothing was changed. Probe with a smaller payload`
  )
}

/**
 * Refuses probes that every answer would fail, before anything is sent or
 * changed. A multi-model endpoint answers only a request that names the model
 * to load (TargetModel), and a single-model endpoint refuses one that does:
 * "Endpoint ... is not a multi-model endpoint and does not support target
 * model header" (https://github.com/aws/amazon-sagemaker-examples/issues/1026;
 * https://docs.aws.amazon.com/sagemaker/latest/dg/invoke-multi-model-endpoint.html).
 */
export function refuseProbeTargetMismatch(
  models: Array<{ name: string; multiModel: boolean }>,
  targetModel: string | undefined
): void {
  const multiModel = models.filter((model) => model.multiModel).map((model) => `"${model.name}"`)
  if (targetModel === undefined && multiModel.length > 0) {
    throw new InputError(
      'probe-target-model',
      `is required: model ${multiModel.join(', ')} serves in MultiModel mode, and SageMaker answers a multi-model endpoint only for a named model; nothing was changed. Set it to a model under the prefix, such as model-a.tar.gz`
    )
  }
  if (targetModel !== undefined && multiModel.length === 0) {
    throw new InputError(
      'probe-target-model',
      'is for multi-model endpoints, and this one serves a single model: SageMaker refuses a TargetModel there; nothing was changed. Leave it empty'
    )
  }
}

/**
 * Sends `probe.count` invocations one after another and records each. A
 * failure (an error answer, a throttle that outlasted the client's retries, a
 * slow answer) is a record with `ok: false`, never an exception: the caller
 * decides what failed probes mean.
 */
export async function sendProbes(
  ctx: OperationContext,
  probe: ProbeSettings,
  options: ProbeOptions = {}
): Promise<ProbeRecord[]> {
  return (await sendProbesWithAnswers(ctx, probe, options)).map(({ record }) => record)
}

/** A probe's record, and the answer's text for comparing with another model's: kept in memory, never recorded. */
export interface AnsweredProbe {
  record: ProbeRecord
  answer?: string
  /** Which of the captured requests it replayed. */
  capturedIndex?: number
  /** The payload as text, to mask wherever words about the answer could echo it. */
  masked: string
}

/** sendProbes, with each answer's text beside its record (absent for an error answer). */
export async function sendProbesWithAnswers(
  ctx: OperationContext,
  probe: ProbeSettings,
  options: ProbeOptions = {}
): Promise<AnsweredProbe[]> {
  const target = options.inferenceComponentName
    ? ` to inference component "${options.inferenceComponentName}"`
    : options.targetVariant
      ? ` to variant "${options.targetVariant}"`
      : ''
  const records: AnsweredProbe[] = []
  const sent = payloadsToSend(probe, options)
  for (let index = 1; index <= sent.length; index++) {
    const answered = await sendProbe(ctx, probe, sent[index - 1] as SentPayload, options)
    records.push(answered)
    const { record } = answered
    const status = record.statusCode === undefined ? '' : `, HTTP ${record.statusCode}`
    core.info(
      `Probe ${index}/${sent.length}${target}: ${record.ok ? 'ok' : 'failed'} in ${Math.round(record.latencyMs)} ms${status}: ${record.detail}`
    )
  }
  return records
}

/** One probe's request: its body, content type, the text masked wherever an answer echoes it, and which capture. */
interface SentPayload {
  body: Uint8Array
  contentType: string
  masked: string
  capturedIndex?: number
}

/** Captured payloads handed out in turn across a run's evaluations, so that each evaluation replays new ones. */
const nextCaptured = new WeakMap<ProbeSettings, number>()

/**
 * probe-count copies of probe-payload; or, replaying captured requests, the
 * next probe-count of them in turn (the ones `options.capturedIndexes` names:
 * the same payloads again, for the serving model to answer).
 */
function payloadsToSend(probe: ProbeSettings, options: ProbeOptions): SentPayload[] {
  const captured = probe.captured ?? []
  if (captured.length === 0) {
    const body = new TextEncoder().encode(probe.payload)
    return Array.from({ length: probe.count }, () => ({ body, contentType: probe.contentType, masked: probe.payload }))
  }
  let indexes = options.capturedIndexes
  if (!indexes) {
    const first = nextCaptured.get(probe) ?? 0
    indexes = Array.from({ length: probe.count }, (_, offset) => (first + offset) % captured.length)
    nextCaptured.set(probe, first + probe.count)
  }
  return indexes.map((capturedIndex) => {
    const payload = captured[capturedIndex] as CapturedPayload
    const text = new TextDecoder().decode(payload.body)
    return { body: payload.body, contentType: payload.contentType, masked: text, capturedIndex }
  })
}

async function sendProbe(
  ctx: OperationContext,
  probe: ProbeSettings,
  sent: SentPayload,
  options: ProbeOptions
): Promise<AnsweredProbe> {
  const started = ctx.clock.now()
  const where = {
    masked: sent.masked,
    ...(sent.capturedIndex === undefined ? {} : { capturedIndex: sent.capturedIndex })
  }
  try {
    const response = await ctx.clients.runtime.send(
      new InvokeEndpointCommand({
        EndpointName: ctx.endpointName,
        Body: sent.body,
        ContentType: sent.contentType,
        ...(options.targetVariant ? { TargetVariant: options.targetVariant } : {}),
        ...(options.inferenceComponentName ? { InferenceComponentName: options.inferenceComponentName } : {}),
        ...(options.inferenceId ? { InferenceId: options.inferenceId() } : {}),
        ...(probe.targetModel !== undefined ? { TargetModel: probe.targetModel } : {})
      })
    )
    const latencyMs = answerLatency(ctx.clock.now() - started, response)
    const statusCode = response.$metadata?.httpStatusCode ?? 200
    const variant = response.InvokedProductionVariant ?? options.targetVariant
    const answer = describeBody(response.Body, response.ContentType)
    const record: ProbeRecord = {
      ...(variant ? { variant } : {}),
      ok: statusCode >= 200 && statusCode < 300,
      latencyMs,
      statusCode,
      detail: answer
    }
    if (record.ok && options.maxLatencyMs !== undefined && latencyMs > options.maxLatencyMs) {
      record.ok = false
      record.detail = `slower than ${options.maxLatencyMs} ms: ${answer}`
    }
    // A probe already failed for its latency stays failed.
    if (record.ok) checkAnswer(record, probe.expect, answer)
    record.detail = shortDetail(record.detail, sent.masked)
    return { record, answer, ...where }
  } catch (error) {
    const latencyMs = answerLatency(ctx.clock.now() - started, error)
    const statusCode = failureStatus(error)
    const record: ProbeRecord = {
      ...(options.targetVariant ? { variant: options.targetVariant } : {}),
      ok: false,
      latencyMs,
      ...(statusCode === undefined ? {} : { statusCode }),
      detail: `${errorCode(error)}: ${errorMessage(error)}`
    }
    // An error answer of the model's that the checks expect (status == 400, say) is a probe that passed; its body is
    // the model's message. Only a ModelError is the model's ("Model (owned by the customer in the container)
    // returned 4xx or 5xx error code": API_runtime_InvokeEndpoint, Errors): a request SageMaker refused before any
    // model saw it (ValidationError, 400) or could not serve (ServiceUnavailable) is no answer, whatever its status.
    if (probe.expect && checksStatus(probe.expect) && errorCode(error) === 'ModelError') {
      checkAnswer(record, probe.expect, modelMessage(error))
    }
    record.detail = shortDetail(record.detail, sent.masked)
    return { record, ...where }
  }
}

/**
 * Holds the answer to probe-expect: a check on the status replaces the
 * default (any 2xx passes), and a failed check fails the probe, saying why.
 */
function checkAnswer(record: ProbeRecord, checks: AnswerCheck[] | undefined, body: string): void {
  if (!checks || checks.length === 0) return
  const failure = failedCheck(checks, record.statusCode, body)
  record.ok = failure === undefined
  if (failure) record.detail = `answer failed ${failure}`
}

function modelMessage(error: unknown): string {
  const message = (error as { OriginalMessage?: unknown } | undefined)?.OriginalMessage
  return typeof message === 'string' ? message : errorMessage(error)
}

/**
 * The time the answer took, without the SDK's backoff between retries of a
 * throttled request: a throttle is not a slow model, and probe-max-latency
 * judges the model.
 */
function answerLatency(elapsedMs: number, result: unknown): number {
  const retryDelay = (result as { $metadata?: { totalRetryDelay?: unknown } } | undefined)?.$metadata?.totalRetryDelay
  return typeof retryDelay === 'number' ? Math.max(0, elapsedMs - retryDelay) : elapsedMs
}

/** A ModelError carries the model's own status; anything else, the HTTP status of SageMaker's answer. */
function failureStatus(error: unknown): number | undefined {
  if (!error || typeof error !== 'object') return undefined
  const { OriginalStatusCode, $metadata } = error as {
    OriginalStatusCode?: unknown
    $metadata?: { httpStatusCode?: unknown }
  }
  if (typeof OriginalStatusCode === 'number') return OriginalStatusCode
  return typeof $metadata?.httpStatusCode === 'number' ? $metadata.httpStatusCode : undefined
}

function describeBody(body: Uint8Array | undefined, contentType: string | undefined): string {
  if (!body || body.byteLength === 0) return '(empty response)'
  const text = new TextDecoder().decode(body)
  // An image or tensor answer would be noise in a log line: say what it was instead.
  if (/[\uFFFD\u0000-\u0008\u000e-\u001f]/.test(text)) {
    return `(${body.byteLength} bytes${contentType ? ` of ${contentType}` : ''})`
  }
  return text
}

/** One line of at most DETAIL_MAX_CHARS characters, with any echo of the payload masked. */
export function shortDetail(text: string, payload: string): string {
  const flatten = (value: string): string => value.replace(/\s+/g, ' ').trim()
  const shapes = new Set([payload, payload.trim(), flatten(payload), compactJson(payload)])
  const masks = [...shapes].filter(
    (shape): shape is string => shape !== undefined && shape.length >= MIN_MASKED_PAYLOAD_CHARS
  )
  // Longest first, so a shorter form never leaves part of a longer one behind.
  masks.sort((a, b) => b.length - a.length)
  let masked = text
  for (const shape of masks) masked = masked.split(shape).join(PAYLOAD_MASK)
  masked = flatten(masked)
  for (const shape of masks.map(flatten)) {
    if (shape.length >= MIN_MASKED_PAYLOAD_CHARS) masked = masked.split(shape).join(PAYLOAD_MASK)
  }
  return masked.length > DETAIL_MAX_CHARS ? `${masked.slice(0, DETAIL_MAX_CHARS - 1)}…` : masked
}

function compactJson(payload: string): string | undefined {
  try {
    return JSON.stringify(JSON.parse(payload))
  } catch {
    return undefined
  }
}

/** The median latency of the probes (every probe, failed ones too); undefined for none. */
export function medianLatency(records: ProbeRecord[]): number | undefined {
  if (records.length === 0) return undefined
  const sorted = records.map((record) => record.latencyMs).sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}
