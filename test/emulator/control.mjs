// Typed access to the emulator's control endpoints (test/emulator/README.md
// describes each one). Plain ESM so tests, scripts and benchmarks can use it
// without a TypeScript loader; the types are in control.d.mts.

const DEFAULT_ACCOUNT = '123456789012'
const DEFAULT_REGION = 'us-east-1'

/** A JSON call to the emulator's own endpoints (/moto-api, /emulator). */
export async function requestJson(url, pathname, method, body) {
  const init = { method, headers: { 'content-type': 'application/json' } }
  if (body !== undefined) init.body = JSON.stringify(body)
  const response = await fetch(`${url}${pathname}`, init)
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} ${pathname} answered ${response.status}: ${text}`)
  return text ? JSON.parse(text) : {}
}

/**
 * @param {string | { url: string }} target the emulator's base URL, or an object with one
 * @param {{ account?: string, region?: string }} [options] where seedInvokeResults puts its answers
 */
export function emulatorControl(target, options = {}) {
  const url = (typeof target === 'string' ? target : target.url).replace(/\/+$/, '')
  const call = (pathname, method, body) => requestJson(url, pathname, method, body)
  const done = async (promise) => {
    await promise
  }
  return {
    url,
    reset: () => done(call('/moto-api/reset', 'POST', {})),
    health: () => call('/emulator/health', 'GET'),

    failInvocations: (rule) => done(call('/emulator/invoke-failures', 'POST', rule)),
    clearInvocationFailures: () => done(call('/emulator/invoke-failures', 'DELETE')),
    delayInvocations: (rule) => done(call('/emulator/invoke-delays', 'POST', rule)),
    clearInvocationDelays: () => done(call('/emulator/invoke-delays', 'DELETE')),
    invocations: async () => (await call('/emulator/invocations', 'GET')).invocations,
    clearInvocations: () => done(call('/emulator/invocations', 'DELETE')),
    setTransitionSeconds: (seconds) => done(call('/emulator/config', 'POST', { transitionSeconds: seconds })),
    transitionSeconds: async () => (await call('/emulator/config', 'GET')).transitionSeconds,
    seedInvokeResults: (results) =>
      done(
        call('/moto-api/static/sagemaker/endpoint-results', 'POST', {
          account_id: options.account ?? DEFAULT_ACCOUNT,
          region: options.region ?? DEFAULT_REGION,
          results
        })
      ),

    setTraffic: async (endpoint, ratePerSecond) =>
      (await call('/emulator/traffic', 'POST', { endpoint, ratePerSecond })).traffic,
    stopTraffic: async (endpoint) =>
      (await call('/emulator/traffic', 'DELETE', endpoint === undefined ? undefined : { endpoint })).traffic,
    traffic: async () => (await call('/emulator/traffic', 'GET')).traffic,

    setModelBehaviour: async (rule) => (await call('/emulator/model-behaviour', 'POST', rule)).rules,
    clearModelBehaviours: () => done(call('/emulator/model-behaviour', 'DELETE')),
    modelBehaviours: () => call('/emulator/model-behaviour', 'GET'),

    configure: (settings) => call('/emulator/config', 'POST', settings),
    config: () => call('/emulator/config', 'GET'),

    fleet: async () => (await call('/emulator/fleet', 'GET')).endpoints,
    trafficStats: async () => (await call('/emulator/traffic-stats', 'GET')).endpoints,
    metricPublications: async (endpoint) =>
      (
        await call(
          `/emulator/metric-publications${endpoint === undefined ? '' : `?endpoint=${encodeURIComponent(endpoint)}`}`,
          'GET'
        )
      ).publications,
    deployments: async (endpoint) =>
      (
        await call(
          `/emulator/deployments${endpoint === undefined ? '' : `?endpoint=${encodeURIComponent(endpoint)}`}`,
          'GET'
        )
      ).deployments,

    invalidRequests: async () => (await call('/emulator/invalid-requests', 'GET')).invalidRequests,
    takeInvalidRequests: async () => (await call('/emulator/invalid-requests', 'DELETE')).invalidRequests
  }
}

// The user agent the action's AWS clients add (src/version.ts).
const ACTION_USER_AGENT = /(^|\s)sagemaker-deploy-action\//

/** What the emulator refused as AWS would, one line a request, for a failure message. */
export function describeInvalidRequests(requests) {
  const lines = requests.map((request) => {
    const sender = ACTION_USER_AGENT.test(request.userAgent) ? 'the action' : 'another client'
    const parameters = [...new Set(request.errors.map((error) => error.parameter))].join(', ')
    return `  ${request.service} ${request.operation} from ${sender}, ${parameters}: ${request.message}`
  })
  return (
    `The emulator refused ${requests.length} request${requests.length === 1 ? '' : 's'} that AWS would refuse ` +
    `(invalid against AWS's service models):\n${lines.join('\n')}\n` +
    'A test that sends an invalid request on purpose takes it back with takeInvalidRequests() (test/emulator/control.mjs).'
  )
}
