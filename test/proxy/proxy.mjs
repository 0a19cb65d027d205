// A fault-injecting, call-counting HTTP proxy between the action and the AWS
// emulator. The action is pointed at it through AWS_ENDPOINT_URL; the proxy
// names every request by service and API, keeps a timeline, and turns a
// seeded share of them into the errors AWS answers under load (throttling,
// 500, 503) in the wire shape of each service's protocol, so the SDK's retry
// logic sees exactly what it would see from AWS.
//
// Lost responses. The kinds above are answered by the proxy in the upstream's
// place, so the emulator never sees the request and a retry is always safe.
// AWS also fails the other way: the service acts on a request and the answer
// never arrives (a 5xx from a front end after the back end committed, a
// connection reset on the way back). The SDK retries that too, and the retry
// meets the effect of the first attempt: "Cannot create already existing
// model", "Cannot update in-progress endpoint". The `lost-response` kind
// reproduces it: the request is forwarded, the upstream's complete answer is
// awaited and thrown away, and the client gets either an InternalFailure 500
// (`lostResponse: 'error'`) or a reset connection (`lostResponse: 'reset'`).
// It is never drawn unless a rule names it, since it changes what the
// emulator holds; `firstCalls: n` limits a rule to the first n calls of each
// API, so a test can lose exactly one answer and watch the retry. Stats keep
// what reached the upstream apart from what the client saw succeed.
//
// Plain ESM so that both the jest e2e tests and scripts/bench.mjs (plain Node)
// can load it; types are in proxy.d.mts.

import http from 'node:http'
import { performance } from 'node:perf_hooks'

/** The fault kinds the proxy answers in the upstream's place: a rule draws from these unless it names its kinds. */
export const FAULT_KINDS = ['throttle', '500', '503']

/**
 * The fault kind that forwards the request and loses the upstream's answer.
 * Left out of FAULT_KINDS so that plans written before it draw as they did and
 * never create a resource behind the client's back.
 */
export const LOST_RESPONSE = 'lost-response'

/** What the client gets instead of a lost answer: an InternalFailure 500, or a reset connection. */
export const LOST_RESPONSE_MODES = ['error', 'reset']

/** mulberry32: small, fast and good enough to make fault sequences reproducible. */
export function seededRandom(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Epoch milliseconds with sub-millisecond precision, comparable with Date.now(). */
export const preciseNow = () => performance.timeOrigin + performance.now()

// X-Amz-Target prefixes of the JSON-protocol services the action uses.
const TARGET_PREFIXES = {
  SageMaker: 'sagemaker',
  AnyScaleFrontendService: 'autoscaling',
  GraniteServiceVersion20100801: 'cloudwatch'
}

// SigV4 signing names, for query-protocol requests that carry no X-Amz-Target.
const SIGNING_NAMES = {
  monitoring: 'cloudwatch',
  sagemaker: 'sagemaker',
  'application-autoscaling': 'autoscaling'
}

function signingService(headers) {
  const match = /Credential=[^/]+\/\d{8}\/[^/]+\/([^/]+)\/aws4_request/.exec(headers.authorization ?? '')
  return match ? (SIGNING_NAMES[match[1]] ?? match[1]) : undefined
}

/**
 * Names a request: `{ service, api, protocol, resource? }`. Protocols:
 * `json` (X-Amz-Target, JSON 1.0/1.1), `query` (Action= form body), `cbor`
 * (Smithy RPC v2 CBOR), `rest-json` (SageMaker runtime), `control` (the
 * emulator's own endpoints, never faulted).
 */
export function identify(method, url, headers, body) {
  const path = url.split('?')[0] ?? ''
  const target = headers['x-amz-target']
  if (typeof target === 'string' && target.includes('.')) {
    const [prefix, api] = target.split('.', 2)
    return {
      service: TARGET_PREFIXES[prefix] ?? prefix.toLowerCase(),
      api,
      protocol: 'json',
      jsonVersion: /json-1\.0/.test(headers['content-type'] ?? '') ? '1.0' : '1.1'
    }
  }
  const cbor = /^\/service\/([^/]+)\/operation\/([^/]+)$/.exec(path)
  if (cbor) return { service: TARGET_PREFIXES[cbor[1]] ?? cbor[1], api: cbor[2], protocol: 'cbor' }
  const runtime = /^\/endpoints\/([^/]+)\/(invocations|invocations-response-stream|async-invocations)$/.exec(path)
  if (runtime) {
    const api = {
      invocations: 'InvokeEndpoint',
      'invocations-response-stream': 'InvokeEndpointWithResponseStream',
      'async-invocations': 'InvokeEndpointAsync'
    }[runtime[2]]
    return { service: 'runtime', api, protocol: 'rest-json', resource: decodeURIComponent(runtime[1]) }
  }
  if (path.startsWith('/moto-api') || path.startsWith('/emulator/')) {
    return { service: 'emulator', api: `${method} ${path}`, protocol: 'control' }
  }
  const contentType = headers['content-type'] ?? ''
  if (method === 'POST' && contentType.includes('application/x-www-form-urlencoded')) {
    const action = new URLSearchParams(body.toString('utf8')).get('Action')
    if (action) return { service: signingService(headers) ?? 'unknown', api: action, protocol: 'query' }
  }
  const query = new URLSearchParams(url.split('?')[1] ?? '').get('Action')
  if (query) return { service: signingService(headers) ?? 'unknown', api: query, protocol: 'query' }
  return { service: signingService(headers) ?? 'unknown', api: `${method} ${path}`, protocol: 'unknown' }
}

// The error each fault kind stands for: the code AWS uses, its HTTP status,
// and the query-protocol fault type.
const FAULTS = {
  throttle: {
    status: 400,
    code: 'ThrottlingException',
    queryCode: 'Throttling',
    type: 'Sender',
    message: 'Rate exceeded'
  },
  500: {
    status: 500,
    code: 'InternalFailure',
    queryCode: 'InternalFailure',
    type: 'Receiver',
    message: 'The request processing has failed because of an unknown error, exception or failure.'
  },
  503: {
    status: 503,
    code: 'ServiceUnavailable',
    queryCode: 'ServiceUnavailable',
    type: 'Receiver',
    message: 'The request has failed due to a temporary failure of the server.'
  }
}

/** A CBOR map of text strings: all an RPC v2 CBOR error body needs. */
function cborTextMap(entries) {
  const text = (value) => {
    const bytes = Buffer.from(value, 'utf8')
    if (bytes.length < 24) return Buffer.concat([Buffer.from([0x60 + bytes.length]), bytes])
    if (bytes.length < 256) return Buffer.concat([Buffer.from([0x78, bytes.length]), bytes])
    return Buffer.concat([Buffer.from([0x79, bytes.length >> 8, bytes.length & 0xff]), bytes])
  }
  const pairs = Object.entries(entries).flatMap(([key, value]) => [text(key), text(value)])
  return Buffer.concat([Buffer.from([0xa0 + pairs.length / 2]), ...pairs])
}

/** Status, headers and body of an injected fault, shaped for the request's protocol. */
export function faultResponse(kind, identity, requestId) {
  const fault = FAULTS[kind]
  if (!fault) throw new Error(`unknown fault kind ${kind}; expected one of ${FAULT_KINDS.join(', ')}`)
  const headers = { 'x-amzn-requestid': requestId, 'x-amz-request-id': requestId }
  switch (identity.protocol) {
    case 'query':
      return {
        status: fault.status,
        headers: { ...headers, 'content-type': 'text/xml' },
        body:
          `<ErrorResponse><Error><Type>${fault.type}</Type><Code>${fault.queryCode}</Code>` +
          `<Message>${fault.message}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`
      }
    case 'cbor':
      return {
        status: fault.status,
        headers: { ...headers, 'content-type': 'application/cbor', 'smithy-protocol': 'rpc-v2-cbor' },
        body: cborTextMap({ __type: fault.code, message: fault.message })
      }
    case 'rest-json':
      return {
        status: fault.status,
        headers: { ...headers, 'content-type': 'application/json', 'x-amzn-errortype': fault.code },
        body: JSON.stringify({ message: fault.message })
      }
    default: {
      const extra =
        identity.service === 'cloudwatch'
          ? // CloudWatch speaks JSON on behalf of its query API: the query error code travels in this header.
            { 'x-amzn-query-error': `${fault.queryCode};${fault.type}` }
          : {}
      return {
        status: fault.status,
        headers: { ...headers, ...extra, 'content-type': `application/x-amz-json-${identity.jsonVersion ?? '1.1'}` },
        body: JSON.stringify({ __type: fault.code, message: fault.message })
      }
    }
  }
}

function readBody(stream) {
  return new Promise((resolve, reject) => {
    const chunks = []
    stream.on('data', (chunk) => chunks.push(chunk))
    stream.on('end', () => resolve(Buffer.concat(chunks)))
    stream.on('error', reject)
  })
}

function normalizeRule(rule, where) {
  if (rule === undefined || rule === null) return undefined
  const normalized = typeof rule === 'number' ? { rate: rule } : { ...rule }
  if (normalized.firstCalls !== undefined) {
    if (!(Number.isInteger(normalized.firstCalls) && normalized.firstCalls >= 0)) {
      throw new Error(`${where}: firstCalls must be a whole number from 0`)
    }
    // "Fault the first call" means that call, not a chance of it.
    normalized.rate ??= 1
  }
  if (!(normalized.rate >= 0 && normalized.rate <= 1)) throw new Error(`${where}: rate must be from 0 to 1`)
  normalized.kinds = normalized.kinds ?? FAULT_KINDS
  for (const kind of normalized.kinds) {
    if (!FAULTS[kind] && kind !== LOST_RESPONSE) throw new Error(`${where}: unknown fault kind ${kind}`)
  }
  normalized.lostResponse = normalized.lostResponse ?? 'error'
  if (!LOST_RESPONSE_MODES.includes(normalized.lostResponse)) {
    throw new Error(`${where}: lostResponse must be one of ${LOST_RESPONSE_MODES.join(', ')}`)
  }
  // Calls counted per `service.Api` for firstCalls; a fresh count with every plan and reset().
  normalized.calls = new Map()
  return normalized
}

/**
 * Fault plan: `{ rate, kinds, firstCalls, lostResponse, apis: { 'DescribeEndpoint' | 'sagemaker.DescribeEndpoint':
 * rate | rule }, services: { cloudwatch: rate | rule } }`, a rule being `{ rate, kinds, firstCalls, lostResponse }`.
 * The most specific rule wins: `service.Api`, then `Api`, then the service, then the global one. A rule with
 * `firstCalls: n` faults only the first n calls of each API it covers (at `rate`, 1 unless given).
 */
function compileFaults(plan = {}) {
  const global = normalizeRule(
    {
      rate: plan.rate ?? (plan.firstCalls === undefined ? 0 : undefined),
      kinds: plan.kinds,
      firstCalls: plan.firstCalls,
      lostResponse: plan.lostResponse
    },
    'faults'
  )
  const apis = Object.fromEntries(
    Object.entries(plan.apis ?? {}).map(([key, rule]) => [key, normalizeRule(rule, `faults.apis.${key}`)])
  )
  const services = Object.fromEntries(
    Object.entries(plan.services ?? {}).map(([key, rule]) => [key, normalizeRule(rule, `faults.services.${key}`)])
  )
  return (identity) => {
    if (identity.protocol === 'control') return undefined
    return apis[`${identity.service}.${identity.api}`] ?? apis[identity.api] ?? services[identity.service] ?? global
  }
}

/**
 * Starts the proxy. Options: `target` (the emulator's base URL), `seed`
 * (default 1), `faults` (see compileFaults), `captureBodies` (keep request
 * bodies of these `service.Api` names in the timeline, or `true` for all
 * JSON ones), `onRequest(entry)` (called when a request arrives, before it is
 * answered).
 */
export async function startProxy({ target, seed = 1, faults = {}, captureBodies = [], onRequest } = {}) {
  if (!target) throw new Error('startProxy needs the target URL')
  const upstream = new URL(target)
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })
  let random = seededRandom(seed)
  let plan = faults
  let ruleFor = compileFaults(plan)
  let timeline = []
  let sequence = 0
  let listener = onRequest
  const capture = (key) => captureBodies === true || (Array.isArray(captureBodies) && captureBodies.includes(key))

  const server = http.createServer(async (req, res) => {
    let body
    try {
      body = await readBody(req)
    } catch {
      res.destroy()
      return
    }
    const identity = identify(req.method ?? 'GET', req.url ?? '/', req.headers, body)
    const key = `${identity.service}.${identity.api}`
    const entry = {
      seq: ++sequence,
      at: preciseNow(),
      service: identity.service,
      api: identity.api,
      key,
      protocol: identity.protocol
    }
    if (identity.resource) entry.resource = identity.resource
    if (capture(key) && body.length > 0 && body.length < 256 * 1024) {
      const text = body.toString('utf8')
      try {
        entry.body = JSON.parse(text)
      } catch {
        entry.body = text
      }
    }
    if (identity.service === 'runtime') {
      const variant = req.headers['x-amzn-sagemaker-target-variant']
      if (variant) entry.targetVariant = variant
    }
    // The decision is drawn for every faultable request, faulted or not, so
    // one API's rate never shifts the sequence another API sees.
    const rule = ruleFor(identity)
    if (rule && identity.protocol !== 'control') {
      const roll = random()
      const pick = random()
      const call = (rule.calls.get(key) ?? 0) + 1
      rule.calls.set(key, call)
      const inWindow = rule.firstCalls === undefined || call <= rule.firstCalls
      if (inWindow && rule.rate > 0 && roll < rule.rate && rule.kinds.length > 0) {
        entry.fault = rule.kinds[Math.min(rule.kinds.length - 1, Math.floor(pick * rule.kinds.length))]
        if (entry.fault === LOST_RESPONSE) entry.lostResponse = rule.lostResponse
      }
    }
    timeline.push(entry)
    try {
      listener?.(entry)
    } catch {
      // A listener's failure is the caller's business, never the proxied request's.
    }

    if (entry.fault && entry.fault !== LOST_RESPONSE) {
      const response = faultResponse(entry.fault, identity, `proxy-${entry.seq}`)
      entry.status = response.status
      entry.doneAt = preciseNow()
      res.writeHead(response.status, { ...response.headers, 'content-length': Buffer.byteLength(response.body) })
      res.end(response.body)
      return
    }

    const loseAnswer = () => {
      if (res.writableEnded || res.destroyed) return
      entry.doneAt = preciseNow()
      if (entry.lostResponse === 'reset') {
        entry.error = 'connection reset by the proxy'
        // An RST rather than a FIN: what the SDK sees when a connection drops mid-answer (ECONNRESET).
        req.socket.resetAndDestroy()
        return
      }
      const response = faultResponse('500', identity, `proxy-${entry.seq}`)
      entry.status = response.status
      res.writeHead(response.status, { ...response.headers, 'content-length': Buffer.byteLength(response.body) })
      res.end(response.body)
    }

    const headers = { ...req.headers }
    delete headers['content-length']
    if (body.length > 0 || !['GET', 'HEAD'].includes(req.method ?? 'GET')) headers['content-length'] = body.length
    const forward = http.request(
      {
        protocol: upstream.protocol,
        hostname: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers,
        agent
      },
      (upstreamRes) => {
        entry.reachedUpstream = true
        entry.upstreamStatus = upstreamRes.statusCode
        if (entry.fault === LOST_RESPONSE) {
          // Only once the whole answer is in has the upstream surely finished acting on the request.
          readBody(upstreamRes).then(loseAnswer, loseAnswer)
          return
        }
        entry.status = upstreamRes.statusCode
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers)
        upstreamRes.pipe(res)
        upstreamRes.on('end', () => {
          entry.doneAt = preciseNow()
        })
      }
    )
    forward.on('error', (error) => {
      entry.status = 502
      entry.error = error.message
      entry.doneAt = preciseNow()
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' })
      res.end(`proxy: upstream error: ${error.message}`)
    })
    forward.end(body)
  })
  server.keepAliveTimeout = 30_000

  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  const sockets = new Set()
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })

  const isAws = (entry) => entry.protocol !== 'control'

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    /** Requests seen so far (a copy), oldest first. */
    timeline: () => timeline.map((entry) => ({ ...entry })),
    /**
     * Per-API counts: calls, faults injected (by kind), forwarded answers the client saw ok (< 400) and errors;
     * requests that reached the upstream, those it accepted (< 400) whether or not the client saw it, and the
     * answers lost on the way back.
     */
    stats() {
      const apis = {}
      const faultsByKind = {}
      let total = 0
      let faulted = 0
      let reached = 0
      let accepted = 0
      let lost = 0
      for (const entry of timeline.filter(isAws)) {
        total++
        const api = (apis[entry.key] ??= {
          calls: 0,
          ok: 0,
          errors: 0,
          faults: 0,
          faultsByKind: {},
          reached: 0,
          accepted: 0,
          lost: 0,
          first: entry.at
        })
        api.calls++
        api.last = entry.at
        if (entry.reachedUpstream) {
          reached++
          api.reached++
          if (entry.upstreamStatus !== undefined && entry.upstreamStatus < 400) {
            accepted++
            api.accepted++
          }
          if (entry.fault === LOST_RESPONSE) {
            lost++
            api.lost++
          }
        }
        if (entry.fault) {
          faulted++
          api.faults++
          api.faultsByKind[entry.fault] = (api.faultsByKind[entry.fault] ?? 0) + 1
          faultsByKind[entry.fault] = (faultsByKind[entry.fault] ?? 0) + 1
        } else if (entry.status !== undefined && entry.status < 400) {
          api.ok++
        } else if (entry.status !== undefined) {
          api.errors++
        }
      }
      return { total, faults: faulted, faultsByKind, reached, accepted, lost, apis }
    },
    /** Successful (forwarded, < 400) calls of `key` (`service.Api` or `Api`). */
    okCalls(key) {
      return timeline.filter(
        (entry) =>
          (entry.key === key || entry.api === key) && !entry.fault && entry.status !== undefined && entry.status < 400
      ).length
    },
    /** Calls of `key` the upstream accepted (< 400), whether or not their answer reached the client. */
    acceptedCalls(key) {
      return timeline.filter(
        (entry) =>
          (entry.key === key || entry.api === key) &&
          entry.reachedUpstream &&
          entry.upstreamStatus !== undefined &&
          entry.upstreamStatus < 400
      ).length
    },
    /** Changes the fault plan from now on; firstCalls count from here. */
    setFaults(newPlan) {
      plan = newPlan
      ruleFor = compileFaults(plan)
    },
    /** Replaces the onRequest listener. */
    onRequest(callback) {
      listener = callback
    },
    /** Clears the timeline and restarts the fault sequence from `seed`, and the count of firstCalls. */
    reset(newSeed = seed) {
      timeline = []
      sequence = 0
      random = seededRandom(newSeed)
      ruleFor = compileFaults(plan)
    },
    async close() {
      agent.destroy()
      for (const socket of sockets) socket.destroy()
      await new Promise((resolve) => server.close(() => resolve()))
    }
  }
}

/** A plain-text table of `rows` (arrays of cells), columns padded; the first row is the header. */
export function formatTable(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column] ?? '').length)))
  const line = (row) =>
    row
      .map((cell, column) =>
        typeof cell === 'number' ? String(cell).padStart(widths[column]) : String(cell ?? '').padEnd(widths[column])
      )
      .join('  ')
      .trimEnd()
  return [line(rows[0]), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.slice(1).map(line)].join('\n')
}

/**
 * Per-API stats as a table: api, calls, ok, faults, errors; and accepted and lost once an answer was lost, when
 * what the client saw no longer tells what the upstream did.
 */
export function formatStats(stats) {
  const withLost = (stats.lost ?? 0) > 0
  const rows = Object.entries(stats.apis)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, api]) => [
      key,
      api.calls,
      api.ok,
      api.faults,
      api.errors,
      ...(withLost ? [api.accepted ?? 0, api.lost ?? 0] : [])
    ])
  rows.push([
    'total',
    stats.total,
    rows.reduce((sum, row) => sum + row[2], 0),
    stats.faults,
    rows.reduce((s, r) => s + r[4], 0),
    ...(withLost ? [stats.accepted, stats.lost] : [])
  ])
  const header = ['api', 'calls', 'ok', 'faults', 'errors', ...(withLost ? ['accepted', 'lost'] : [])]
  return formatTable([header, ...rows])
}
