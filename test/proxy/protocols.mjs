// How an AWS request is named and how AWS answers one with an error, per
// protocol: the proxy names every request it forwards by service and API, and
// answers an injected fault in the shape that service's SDK client reads.
//
// Plain ESM, typed with JSDoc, which the type check reads and checks.
// @ts-check

/** @typedef {'throttle' | '500' | '503'} AnsweredFaultKind Answered by the proxy: the request never reaches the upstream. */

/** @typedef {'json' | 'query' | 'cbor' | 'rest-json' | 'control' | 'unknown'} Protocol */

/**
 * @typedef {object} Identity
 * @property {string} service
 * @property {string} api
 * @property {Protocol} protocol
 * @property {'1.0' | '1.1'} [jsonVersion]
 * @property {string} [resource]
 */

/**
 * The fault kinds the proxy answers in the upstream's place: a rule draws from these unless it names its kinds.
 * @type {AnsweredFaultKind[]}
 */
export const FAULT_KINDS = ['throttle', '500', '503']

/**
 * X-Amz-Target prefixes of the JSON-protocol services the action uses.
 * @type {Record<string, string>}
 */
const TARGET_PREFIXES = {
  SageMaker: 'sagemaker',
  AnyScaleFrontendService: 'autoscaling',
  GraniteServiceVersion20100801: 'cloudwatch'
}

/**
 * SigV4 signing names, for query-protocol requests that carry no X-Amz-Target.
 * @type {Record<string, string>}
 */
const SIGNING_NAMES = {
  monitoring: 'cloudwatch',
  sagemaker: 'sagemaker',
  'application-autoscaling': 'autoscaling'
}

/** @typedef {import('node:http').IncomingHttpHeaders} Headers */

/** @param {Headers} headers */
function signingService(headers) {
  const match = /Credential=[^/]+\/\d{8}\/[^/]+\/([^/]+)\/aws4_request/.exec(headers.authorization ?? '')
  const name = match?.[1]
  return name === undefined ? undefined : (SIGNING_NAMES[name] ?? name)
}

/**
 * Names a request: `{ service, api, protocol, resource? }`. Protocols:
 * `json` (X-Amz-Target, JSON 1.0/1.1), `query` (Action= form body), `cbor`
 * (Smithy RPC v2 CBOR), `rest-json` (SageMaker runtime), `control` (the
 * emulator's own endpoints, never faulted).
 * @param {string} method
 * @param {string} url
 * @param {Headers} headers
 * @param {Buffer} body
 * @returns {Identity}
 */
export function identify(method, url, headers, body) {
  const path = url.split('?')[0] ?? ''
  const target = headers['x-amz-target']
  if (typeof target === 'string' && target.includes('.')) {
    const [prefix = '', api = ''] = target.split('.', 2)
    return {
      service: TARGET_PREFIXES[prefix] ?? prefix.toLowerCase(),
      api,
      protocol: 'json',
      jsonVersion: /json-1\.0/.test(headers['content-type'] ?? '') ? '1.0' : '1.1'
    }
  }
  const cbor = /^\/service\/([^/]+)\/operation\/([^/]+)$/.exec(path)
  if (cbor) {
    const [, service = '', api = ''] = cbor
    return { service: TARGET_PREFIXES[service] ?? service, api, protocol: 'cbor' }
  }
  const runtime = /^\/endpoints\/([^/]+)\/(invocations|invocations-response-stream|async-invocations)$/.exec(path)
  if (runtime) {
    const [, endpoint = '', route = ''] = runtime
    /** @type {Record<string, string>} */
    const apis = {
      invocations: 'InvokeEndpoint',
      'invocations-response-stream': 'InvokeEndpointWithResponseStream',
      'async-invocations': 'InvokeEndpointAsync'
    }
    return {
      service: 'runtime',
      api: apis[route] ?? route,
      protocol: 'rest-json',
      resource: decodeURIComponent(endpoint)
    }
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

/**
 * The error each fault kind stands for: the code AWS uses, its HTTP status, and the query-protocol fault type.
 * @type {Record<AnsweredFaultKind, { status: number, code: string, queryCode: string, type: string, message: string }>}
 */
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

/**
 * A CBOR map of text strings: all an RPC v2 CBOR error body needs.
 * @param {Record<string, string>} entries
 */
function cborTextMap(entries) {
  /** @param {string} value */
  const text = (value) => {
    const bytes = Buffer.from(value, 'utf8')
    if (bytes.length < 24) return Buffer.concat([Buffer.from([0x60 + bytes.length]), bytes])
    if (bytes.length < 256) return Buffer.concat([Buffer.from([0x78, bytes.length]), bytes])
    return Buffer.concat([Buffer.from([0x79, bytes.length >> 8, bytes.length & 0xff]), bytes])
  }
  const pairs = Object.entries(entries).flatMap(([key, value]) => [text(key), text(value)])
  return Buffer.concat([Buffer.from([0xa0 + pairs.length / 2]), ...pairs])
}

/**
 * Status, headers and body of an injected fault, shaped for the request's protocol.
 * @param {AnsweredFaultKind} kind
 * @param {Identity} identity
 * @param {string} requestId
 * @returns {{ status: number, headers: Record<string, string>, body: string | Buffer }}
 */
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
