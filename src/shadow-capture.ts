/**
 * The answers a variant gave, as the endpoint's data capture holds them:
 * what a shadow phase compares, since a shadow variant's answers go nowhere
 * else ("Only the responses of the production variant are returned to the
 * calling application": https://docs.aws.amazon.com/sagemaker/latest/dg/shadow-tests.html;
 * data capture can "log requests and responses of your production and shadow
 * variants": https://docs.aws.amazon.com/sagemaker/latest/dg/shadow-tests-create.html).
 *
 * SageMaker writes a variant's capture under
 * `{DestinationS3Uri}/{endpoint}/{variant}/yyyy/mm/dd/hh/`
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/model-monitor-data-capture-endpoint.html).
 * Two answers are the same request's when they carry the same InferenceId,
 * which is how AWS's own shadow example pairs them
 * (aws/amazon-sagemaker-examples, sagemaker-shadow-variant/shadow-api/Shadow-Experiment-API.ipynb reads
 * `eventMetadata.inferenceId`). AWS does not say that anything else, such as
 * the eventId, is shared between the two records, so a request sent without
 * an InferenceId cannot be paired and is not compared.
 */
import type { OperationContext } from './context.js'
import { awsCall } from './aws/errors.js'
import { MAX_BYTES, readCaptureObject, type CaptureLocation } from './captured-payloads.js'

/** Pages of a variant's capture listed at most, so that a busy endpoint's capture is not walked whole. */
const MAX_PAGES = 10

/** One captured answer: its text, and the request's, to mask wherever words about the answer could echo it. */
export interface CapturedAnswer {
  answer: string
  request: string
}

/** The keys of a capture's hour folder: what comes before them sorts before the hour. */
function hourFolder(at: number): string {
  const iso = new Date(at).toISOString()
  return `${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(11, 13)}/`
}

/** A captured line's InferenceId and answer, or undefined for a line that holds no answer or no InferenceId. */
export function capturedAnswer(line: string): { inferenceId: string; captured: CapturedAnswer } | undefined {
  let parsed: unknown
  try {
    parsed = JSON.parse(line)
  } catch {
    return undefined
  }
  const record = parsed as {
    captureData?: Record<string, { data?: unknown; encoding?: unknown } | undefined>
    eventMetadata?: { inferenceId?: unknown }
  } | null
  const inferenceId = record?.eventMetadata?.inferenceId
  const output = record?.captureData?.endpointOutput
  if (typeof inferenceId !== 'string' || typeof output?.data !== 'string') return undefined
  return { inferenceId, captured: { answer: decoded(output), request: decoded(record?.captureData?.endpointInput) } }
}

function decoded(data: { data?: unknown; encoding?: unknown } | undefined): string {
  if (typeof data?.data !== 'string') return ''
  return data.encoding === 'BASE64' ? Buffer.from(data.data, 'base64').toString('utf8') : data.data
}

/**
 * The answers one variant gave since a time, by InferenceId, read from its
 * capture folders from that hour on. Each refresh reads only the objects it
 * has not read yet (a capture object is written once), so a phase can look
 * at every evaluation; all refreshes together list at most MAX_PAGES pages
 * each and read at most MAX_BYTES.
 */
export class CapturedAnswers {
  readonly answers = new Map<string, CapturedAnswer>()
  private readonly read = new Set<string>()
  private bytes = 0
  private readonly prefix: string

  constructor(
    private readonly capture: CaptureLocation,
    endpointName: string,
    variant: string,
    private readonly since: number
  ) {
    const base = capture.prefix.replace(/\/+$/, '')
    this.prefix = `${base ? `${base}/` : ''}${endpointName}/${variant}/`
  }

  async refresh(ctx: OperationContext): Promise<void> {
    const { ListObjectsV2Command } = await import('@aws-sdk/client-s3')
    const s3 = await ctx.clients.s3()
    const { bucket } = this.capture
    let token: string | undefined
    for (let page = 0; page < MAX_PAGES && this.bytes < MAX_BYTES; page++) {
      const listed = await awsCall('ListObjectsV2', `s3://${bucket}/${this.prefix}`, () =>
        s3.send(
          new ListObjectsV2Command({
            Bucket: bucket,
            Prefix: this.prefix,
            StartAfter: `${this.prefix}${hourFolder(this.since)}`,
            ...(token ? { ContinuationToken: token } : {})
          })
        )
      )
      for (const object of listed.Contents ?? []) {
        const key = object.Key ?? ''
        if (!key.endsWith('.jsonl') || this.read.has(key) || this.bytes >= MAX_BYTES) continue
        const text = await readCaptureObject(ctx, bucket, key, MAX_BYTES - this.bytes)
        this.read.add(key)
        this.bytes += text.length
        for (const line of text.split('\n')) {
          const found = capturedAnswer(line)
          if (found) this.answers.set(found.inferenceId, found.captured)
        }
      }
      token = listed.NextContinuationToken
      if (!listed.IsTruncated || !token) break
    }
  }
}
