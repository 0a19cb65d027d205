/**
 * probe-payloads-from: probes that replay what users sent, read from the
 * endpoint's data capture in S3. SageMaker writes each captured request as a
 * line of JSON (JSON Lines) under the config's DestinationS3Uri, by endpoint,
 * variant and hour; the request is `captureData.endpointInput`, its `data`
 * encoded as its `encoding` says (JSON, CSV or BASE64) and sent as
 * `observedContentType`
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/model-monitor-data-capture-endpoint.html).
 *
 * The objects of the newest folders under the prefix are read, newest first,
 * within bounds: at most MAX_PAYLOADS requests and MAX_BYTES read in all,
 * each request at most InvokeEndpoint's 6 MB. What was replayed is recorded
 * (how many, from how many objects, and a digest of each), never the
 * payloads themselves.
 */
import { createHash } from 'node:crypto'
import type { OperationContext } from './context.js'
import { awsCall } from './aws/errors.js'
import { InputError } from './parse.js'
import type { ProbeSettings, Settings } from './settings.js'

/** Enough to cover a model's common inputs; few enough that an evaluation's probes stay short. */
export const MAX_PAYLOADS = 100
/** How much of the capture is read at most, so that a busy endpoint's hour of capture is not downloaded whole. */
export const MAX_BYTES = 8 * 1024 * 1024
const MAX_PAYLOAD_BYTES = 6 * 1024 * 1024
const MAX_OBJECTS_LISTED = 1000
/** Listings at most on the way down to a capture's newest objects: a few variants, each five folders deep. */
const MAX_LISTINGS = 40
/** Objects enough to stop listing: each holds a few minutes of an instance's requests. */
const ENOUGH_OBJECTS = 10

export interface CapturedPayload {
  body: Uint8Array
  contentType: string
}

export interface CaptureLocation {
  bucket: string
  prefix: string
}

const BUCKET = '([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])'
const S3_URI = new RegExp(`^s3://${BUCKET}(?:/(.*))?$`)
/** SageMaker also takes https:// destinations (DataCaptureConfig's DestinationS3Uri pattern is `^(https|s3)://...`). */
const S3_HOST = String.raw`s3(?:[.-][a-z0-9-]+)?\.amazonaws\.com(?:\.cn)?`
const VIRTUAL_HOSTED_URL = new RegExp(`^https://${BUCKET}\\.${S3_HOST}(?:/(.*))?$`)
const PATH_STYLE_URL = new RegExp(`^https://${S3_HOST}/${BUCKET}(?:/(.*))?$`)

/** `s3://bucket/prefix/`: where the capture is, or a narrower prefix of it (an endpoint, a variant, a day). */
export function parseCaptureLocation(input: string, raw: string): CaptureLocation {
  const match = S3_URI.exec(raw.trim())
  if (!match) throw new InputError(input, 'must be an S3 location such as s3://my-bucket/datacapture/my-endpoint/', raw)
  return { bucket: match[1] as string, prefix: match[2] ?? '' }
}

/**
 * The bucket and prefix of a DestinationS3Uri as SageMaker holds it: an
 * s3:// URI, or an https:// URL of S3 (virtual-hosted or path-style,
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/VirtualHosting.html);
 * undefined for any other form.
 */
export function destinationLocation(uri: string): CaptureLocation | undefined {
  const trimmed = uri.trim()
  const match = S3_URI.exec(trimmed) ?? VIRTUAL_HOSTED_URL.exec(trimmed) ?? PATH_STYLE_URL.exec(trimmed)
  return match ? { bucket: match[1] as string, prefix: match[2] ?? '' } : undefined
}

/** One captured line's request, or undefined for a line that holds none (output only, or not capture at all). */
export function capturedRequest(line: string): CapturedPayload | undefined {
  let parsed: unknown
  try {
    parsed = JSON.parse(line)
  } catch {
    return undefined
  }
  const input = (parsed as { captureData?: { endpointInput?: Record<string, unknown> } } | null)?.captureData
    ?.endpointInput
  if (!input || typeof input.data !== 'string') return undefined
  const contentType = typeof input.observedContentType === 'string' ? input.observedContentType : 'application/json'
  const body =
    input.encoding === 'BASE64'
      ? new Uint8Array(Buffer.from(input.data, 'base64'))
      : new TextEncoder().encode(input.data)
  if (body.byteLength === 0 || body.byteLength > MAX_PAYLOAD_BYTES) return undefined
  return { body, contentType }
}

/** One capture object as listed: its key and when it was written. */
interface CaptureObject {
  key: string
  writtenAt: number
}

/** A folder still to list, with the dated folders that lead to it ('' for none yet: an endpoint, a variant). */
interface CaptureFolder {
  prefix: string
  dated: string
}

/** Folders that are not dated first (each endpoint and variant is looked into), then the newest dated folder. */
function newestFirst(a: CaptureFolder, b: CaptureFolder): number {
  if ((a.dated === '') !== (b.dated === '')) return a.dated === '' ? -1 : 1
  return a.dated < b.dated ? 1 : a.dated > b.dated ? -1 : 0
}

/**
 * The capture objects of the newest folders under `location`, newest first.
 * SageMaker writes a variant's capture under `{endpoint}/{variant}/yyyy/mm/dd/hh/`,
 * and S3 lists keys in ascending order, so one listing of a capture that has
 * run for a while holds its oldest objects. The walk lists folder by folder
 * instead, the newest dated folder next (zero-padded, so later sorts after),
 * until it has ENOUGH_OBJECTS or has made MAX_LISTINGS listings.
 */
async function newestCaptureObjects(ctx: OperationContext, location: CaptureLocation): Promise<CaptureObject[]> {
  const { ListObjectsV2Command } = await import('@aws-sdk/client-s3')
  const s3 = await ctx.clients.s3()
  const objects: CaptureObject[] = []
  const pending: CaptureFolder[] = [{ prefix: location.prefix, dated: '' }]
  for (let listings = 0; listings < MAX_LISTINGS && pending.length > 0 && objects.length < ENOUGH_OBJECTS; listings++) {
    const folder = pending.sort(newestFirst).shift() as CaptureFolder
    const listed = await awsCall('ListObjectsV2', `s3://${location.bucket}/${folder.prefix}`, () =>
      s3.send(
        new ListObjectsV2Command({
          Bucket: location.bucket,
          Prefix: folder.prefix,
          Delimiter: '/',
          MaxKeys: MAX_OBJECTS_LISTED
        })
      )
    )
    for (const object of listed.Contents ?? []) {
      if (!object.Key?.endsWith('.jsonl')) continue
      objects.push({ key: object.Key, writtenAt: object.LastModified?.getTime() ?? 0 })
    }
    const subfolders = (listed.CommonPrefixes ?? []).flatMap((common) => (common.Prefix ? [common.Prefix] : []))
    const names = subfolders.map((sub) => sub.slice(folder.prefix.length))
    const dated = names.length > 0 && names.every((name) => /^\d+\/$/.test(name))
    pending.push(
      ...subfolders.map((prefix, index) => ({ prefix, dated: dated ? `${folder.dated}${names[index]}` : '' }))
    )
  }
  return objects.sort((a, b) => b.writtenAt - a.writtenAt)
}

/** The text of a capture object, read no further than `budget` bytes. */
export async function readCaptureObject(
  ctx: OperationContext,
  bucket: string,
  key: string,
  budget: number
): Promise<string> {
  const { GetObjectCommand } = await import('@aws-sdk/client-s3')
  const s3 = await ctx.clients.s3()
  const got = await awsCall('GetObject', `s3://${bucket}/${key}`, () =>
    s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=0-${budget - 1}` }))
  )
  return (await got.Body?.transformToString()) ?? ''
}

/** Reads the newest captured requests under `location`, within the bounds; fails when there are none. */
export async function readCapturedPayloads(
  ctx: OperationContext,
  location: CaptureLocation
): Promise<{ payloads: CapturedPayload[]; objects: number }> {
  const where = `s3://${location.bucket}/${location.prefix}`
  const objects = await newestCaptureObjects(ctx, location)
  const payloads: CapturedPayload[] = []
  let bytes = 0
  let read = 0
  for (const object of objects) {
    if (payloads.length >= MAX_PAYLOADS || bytes >= MAX_BYTES) break
    const text = await readCaptureObject(ctx, location.bucket, object.key, MAX_BYTES - bytes)
    bytes += text.length
    read++
    for (const line of text.split('\n')) {
      const request = capturedRequest(line)
      if (request) payloads.push(request)
      if (payloads.length >= MAX_PAYLOADS) break
    }
  }
  if (payloads.length === 0) {
    throw new Error(
      `Input "probe-payloads-from": ${where} holds no captured request (${objects.length} .jsonl objects in its newest folders, ${read} read); nothing was changed. Point it at the endpoint's data capture (its config's DataCaptureConfig.DestinationS3Uri, with REQUEST among CaptureOptions), or use probe-payload.`
    )
  }
  return { payloads, objects: read }
}

/** A short digest of each payload, for the record of what was replayed: the same request gives the same digest. */
export function payloadDigest(payload: CapturedPayload): string {
  return createHash('sha256').update(payload.body).digest('hex').slice(0, 12)
}

/** The probes of an operation that sends them, when they replay captured requests. */
function replayingProbe(settings: Settings): ProbeSettings | undefined {
  const probe =
    settings.operation === 'deploy'
      ? settings.deploy.rollout.gates.probe
      : settings.operation === 'promote'
        ? settings.rollout.gates.probe
        : settings.operation === 'health-check'
          ? settings.healthCheck.probe
          : undefined
  return probe?.from ? probe : undefined
}

/**
 * Reads the captured requests an operation's probes replay, before the
 * operation changes anything: a capture that holds none fails the run while
 * nothing has moved. Records how many were read and their digests.
 */
export async function loadCapturedPayloads(ctx: OperationContext, settings: Settings): Promise<void> {
  const probe = replayingProbe(settings)
  if (!probe?.from) return
  const { payloads, objects } = await readCapturedPayloads(ctx, probe.from)
  probe.captured = payloads
  ctx.note(
    `Probes replay ${payloads.length} captured requests from s3://${probe.from.bucket}/${probe.from.prefix} (the newest ${objects} objects; payloads not shown, digests ${payloads
      .slice(0, 5)
      .map(payloadDigest)
      .join(', ')}${payloads.length > 5 ? ', …' : ''}).`
  )
}
