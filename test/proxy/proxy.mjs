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
// can load it; typed with JSDoc, which the type check reads and checks.
// @ts-check

import http from 'node:http'
import { performance } from 'node:perf_hooks'

import { LOST_RESPONSE, compileFaults, seededRandom } from './fault-plan.mjs'
import { faultResponse, identify } from './protocols.mjs'

export { LOST_RESPONSE, LOST_RESPONSE_MODES, seededRandom } from './fault-plan.mjs'
export { FAULT_KINDS, faultResponse, identify } from './protocols.mjs'

/** @typedef {import('./protocols.mjs').AnsweredFaultKind} AnsweredFaultKind */
/** @typedef {import('./protocols.mjs').Protocol} Protocol */
/** @typedef {import('./protocols.mjs').Identity} Identity */
/** @typedef {import('./fault-plan.mjs').FaultKind} FaultKind */
/** @typedef {import('./fault-plan.mjs').LostResponseMode} LostResponseMode */
/** @typedef {import('./fault-plan.mjs').FaultRule} FaultRule */
/** @typedef {import('./fault-plan.mjs').FaultPlan} FaultPlan */

/**
 * @typedef {object} TimelineEntry
 * @property {number} seq
 * @property {number} at Arrival, epoch milliseconds (sub-millisecond precision).
 * @property {number} [doneAt] When the answer was complete.
 * @property {string} service
 * @property {string} api
 * @property {string} key `service.Api`.
 * @property {Protocol} protocol
 * @property {string} [resource] The endpoint of a runtime call.
 * @property {string} [targetVariant]
 * @property {FaultKind} [fault]
 * @property {LostResponseMode} [lostResponse] How a `lost-response` fault reaches the client.
 * @property {boolean} [reachedUpstream] The upstream answered this request (so it may have acted on it).
 * @property {number} [upstreamStatus] The upstream's own status; differs from `status` only when its answer was lost.
 * @property {number} [status] What the client got (absent when its connection was reset).
 * @property {string} [error]
 * @property {unknown} [body] The request body (parsed JSON when it is JSON), for the APIs in captureBodies.
 */

/**
 * @typedef {object} ApiStats
 * @property {number} calls
 * @property {number} ok Forwarded answers the client saw succeed (< 400).
 * @property {number} errors Forwarded answers the client saw fail.
 * @property {number} faults
 * @property {Partial<Record<FaultKind, number>>} faultsByKind
 * @property {number} reached Requests the upstream answered, the lost answers included.
 * @property {number} accepted Of those, the ones it accepted (< 400), whether or not the client saw it.
 * @property {number} lost Answers the upstream gave and the client never got.
 * @property {number} first
 * @property {number} [last]
 */

/**
 * @typedef {object} ProxyStats
 * @property {number} total
 * @property {number} faults
 * @property {Partial<Record<FaultKind, number>>} faultsByKind
 * @property {number} reached
 * @property {number} accepted
 * @property {number} lost
 * @property {Record<string, ApiStats>} apis
 */

/**
 * @typedef {object} ProxyOptions
 * @property {string} target The emulator's base URL.
 * @property {number} [seed]
 * @property {FaultPlan} [faults]
 * @property {string[] | true} [captureBodies]
 * @property {(entry: TimelineEntry) => void} [onRequest]
 */

/** Epoch milliseconds with sub-millisecond precision, comparable with Date.now(). */
export const preciseNow = () => performance.timeOrigin + performance.now()

/**
 * @param {import('node:stream').Readable} stream
 * @returns {Promise<Buffer>}
 */
function readBody(stream) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = []
    stream.on('data', (chunk) => chunks.push(chunk))
    stream.on('end', () => resolve(Buffer.concat(chunks)))
    stream.on('error', reject)
  })
}

/**
 * Starts the proxy. Options: `target` (the emulator's base URL), `seed`
 * (default 1), `faults` (see compileFaults), `captureBodies` (keep request
 * bodies of these `service.Api` names in the timeline, or `true` for all
 * JSON ones), `onRequest(entry)` (called when a request arrives, before it is
 * answered).
 * @param {ProxyOptions} options
 */
export async function startProxy({ target, seed = 1, faults = {}, captureBodies = [], onRequest }) {
  if (!target) throw new Error('startProxy needs the target URL')
  const upstream = new URL(target)
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })
  let random = seededRandom(seed)
  let plan = faults
  let ruleFor = compileFaults(plan)
  /** @type {TimelineEntry[]} */
  let timeline = []
  let sequence = 0
  let listener = onRequest
  /** @param {string} key */
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
    /** @type {TimelineEntry} */
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
      if (typeof variant === 'string' && variant) entry.targetVariant = variant
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
      const fault =
        inWindow && rule.rate > 0 && roll < rule.rate
          ? rule.kinds[Math.min(rule.kinds.length - 1, Math.floor(pick * rule.kinds.length))]
          : undefined
      if (fault !== undefined) {
        entry.fault = fault
        if (fault === LOST_RESPONSE) entry.lostResponse = rule.lostResponse
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

    /** @type {http.OutgoingHttpHeaders} */
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
        // Always set on an answer to a client request; 502 only satisfies the type.
        const status = upstreamRes.statusCode ?? 502
        entry.reachedUpstream = true
        entry.upstreamStatus = status
        if (entry.fault === LOST_RESPONSE) {
          // Only once the whole answer is in has the upstream surely finished acting on the request.
          readBody(upstreamRes).then(loseAnswer, loseAnswer)
          return
        }
        entry.status = status
        res.writeHead(status, upstreamRes.headers)
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
    server.listen(0, '127.0.0.1', () => resolve(undefined))
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  /** @type {Set<import('node:net').Socket>} */
  const sockets = new Set()
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })

  /** @param {TimelineEntry} entry */
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
      /** @type {Record<string, ApiStats>} */
      const apis = {}
      /** @type {Partial<Record<FaultKind, number>>} */
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
    /**
     * Successful (forwarded, < 400) calls of `key` (`service.Api` or `Api`).
     * @param {string} key
     */
    okCalls(key) {
      return timeline.filter(
        (entry) =>
          (entry.key === key || entry.api === key) && !entry.fault && entry.status !== undefined && entry.status < 400
      ).length
    },
    /**
     * Calls of `key` the upstream accepted (< 400), whether or not their answer reached the client.
     * @param {string} key
     */
    acceptedCalls(key) {
      return timeline.filter(
        (entry) =>
          (entry.key === key || entry.api === key) &&
          entry.reachedUpstream &&
          entry.upstreamStatus !== undefined &&
          entry.upstreamStatus < 400
      ).length
    },
    /**
     * Changes the fault plan from now on; firstCalls count from here.
     * @param {FaultPlan} newPlan
     */
    setFaults(newPlan) {
      plan = newPlan
      ruleFor = compileFaults(plan)
    },
    /**
     * Replaces the onRequest listener.
     * @param {((entry: TimelineEntry) => void) | undefined} callback
     */
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
      await new Promise((resolve) => server.close(() => resolve(undefined)))
    }
  }
}

/**
 * A plain-text table of `rows` (arrays of cells), columns padded; the first row is the header.
 * @param {Array<Array<string | number>>} rows
 */
export function formatTable(rows) {
  const [header = [], ...body] = rows
  const widths = header.map((_, column) => Math.max(...rows.map((row) => String(row[column] ?? '').length)))
  /** @param {Array<string | number>} row */
  const line = (row) =>
    row
      .map((cell, column) => {
        const width = widths[column] ?? 0
        return typeof cell === 'number' ? String(cell).padStart(width) : String(cell ?? '').padEnd(width)
      })
      .join('  ')
      .trimEnd()
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...body.map(line)].join('\n')
}

/**
 * Per-API stats as a table: api, calls, ok, faults, errors; and accepted and lost once an answer was lost, when
 * what the client saw no longer tells what the upstream did.
 * @param {ProxyStats} stats
 */
export function formatStats(stats) {
  const withLost = (stats.lost ?? 0) > 0
  const apis = Object.values(stats.apis)
  /** @type {Array<Array<string | number>>} */
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
    apis.reduce((sum, api) => sum + api.ok, 0),
    stats.faults,
    apis.reduce((sum, api) => sum + api.errors, 0),
    ...(withLost ? [stats.accepted, stats.lost] : [])
  ])
  const header = ['api', 'calls', 'ok', 'faults', 'errors', ...(withLost ? ['accepted', 'lost'] : [])]
  return formatTable([header, ...rows])
}

/** @typedef {Awaited<ReturnType<typeof startProxy>>} Proxy */
