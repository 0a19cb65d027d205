// Typed access to the emulator's control endpoints (test/emulator/README.md
// describes each one). Plain ESM so tests, scripts and benchmarks can use it
// without a TypeScript loader; typed with JSDoc, which the type check reads
// and checks.
// @ts-check

const DEFAULT_ACCOUNT = '123456789012'
const DEFAULT_REGION = 'us-east-1'

/**
 * @typedef {object} InvokeFailureRule
 * @property {string} endpoint
 * @property {string} [variant] Omit to fail every variant of the endpoint.
 * @property {number} [status] The container's HTTP status carried in ModelError.OriginalStatusCode (default 500).
 * @property {string} [message]
 * @property {number} [count] Fail only this many invocations, then stop failing.
 */

/**
 * @typedef {object} WeightChangeFailureRule
 * @property {string} endpoint
 * @property {number} [count] Fail only this many UpdateEndpointWeightsAndCapacities calls, then stop failing.
 */

/**
 * @typedef {object} InvokeDelayRule
 * @property {string} endpoint
 * @property {string} [variant]
 * @property {number} delayMs
 */

/**
 * @typedef {object} RecordedInvocation
 * @property {string} endpoint
 * @property {string | null} variant
 * @property {string | null} targetVariant
 * @property {string | null} targetModel The TargetModel a multi-model endpoint was asked for.
 * @property {string | null} inferenceComponent The InferenceComponentName the call named.
 * @property {number} status 200, 400 (ValidationError) or 424 (ModelError).
 * @property {number} time Epoch seconds.
 */

/**
 * @typedef {object} SeededInvokeResult
 * @property {string} Body
 * @property {string} [ContentType]
 * @property {string} [InvokedProductionVariant]
 * @property {string} [CustomAttributes]
 */

/**
 * How the model of every variant whose container image (or model name) contains `match` behaves.
 * @typedef {object} ModelBehaviourRule
 * @property {string} match
 * @property {number} [errorRate] Share of requests answered 5XX, 0..1 (default 0).
 * @property {number} [unansweredRate] Share of requests the model never answers, 0..1 - errorRate (default 0): the
 *   caller gets SageMaker's timeout ModelError (status 0), counted in InvocationModelErrors and not in 5XX.
 * @property {number} [latencyMs] Median latency (default 40 ms).
 * @property {number} [latencyP99Ms] p99 latency (default 80 ms, or twice latencyMs when only that is given).
 * @property {unknown} [answer] The JSON the model answers every request it serves (default: who answered).
 * @property {number} [jitter] Each number in `answer` is drawn within this much of its value, request by request.
 * @property {unknown} [wrongAnswer] What a share `wrongRate` (0..1) of the requests get instead of `answer`.
 * @property {number} [wrongRate]
 */

/**
 * @typedef {object} ModelBehaviours
 * @property {Required<ModelBehaviourRule>[]} rules Newest first: the first match wins.
 * @property {Required<Omit<ModelBehaviourRule, 'match'>>} default
 */

/** @typedef {'faithful' | 'instant'} MetricsMode */

/**
 * @typedef {object} EmulatorSettings
 * @property {number} [transitionSeconds] Seconds an endpoint spends Creating/Updating/RollingBack, and a capacity change takes.
 * @property {number | null} [seed] Makes every random draw reproducible; null returns to unseeded draws.
 * @property {[number, number] | number} [metricsDelaySeconds] [min, max] seconds after a minute closes before its metrics are published (default [60, 120]).
 * @property {MetricsMode} [metricsMode] 'instant' publishes each request's metrics at once, the open minute included.
 * @property {boolean} [latencyPercentiles] false publishes ModelLatency as statistic sets, from which CloudWatch serves no percentile (default true).
 * @property {Record<string, number>} [capacityPerInstance] Requests per second one instance serves, by instance type.
 * @property {number} [defaultCapacityPerInstance] Requests per second of a .large instance of a type not in capacityPerInstance (x2 per size step).
 * @property {number} [autoscalingIntervalSeconds] Seconds between two target-tracking evaluations (default 10).
 */

/**
 * @typedef {object} EmulatorConfig
 * @property {number} transitionSeconds
 * @property {number | null} seed
 * @property {[number, number]} metricsDelaySeconds
 * @property {MetricsMode} metricsMode
 * @property {boolean} latencyPercentiles
 * @property {Record<string, number>} capacityPerInstance
 * @property {number} defaultCapacityPerInstance
 * @property {number} autoscalingIntervalSeconds
 */

/**
 * @typedef {object} FleetStats
 * @property {number} updateEndpointCalls UpdateEndpoint calls SageMaker accepted.
 * @property {number} instancesProvisioned Every instance ever launched for the endpoint.
 * @property {number} peakInstances Most instances running at once (old and new fleets overlap during an update).
 * @property {number} instanceSeconds Instance-seconds, integrated over real time.
 * @property {number} currentInstances
 */

/**
 * @typedef {object} LatencyPercentiles
 * @property {number | null} p50
 * @property {number | null} p99
 */

/**
 * @typedef {object} RequestCounts
 * @property {number} requests Requests that reached the variant (simulated and invoked).
 * @property {number} invoked Of which real InvokeEndpoint calls.
 * @property {number} copies Of which a shadow variant's copies of the production variant's requests (answering nobody).
 * @property {number} errors4xx
 * @property {{ model: number, capacity: number, total: number }} errors5xx
 * @property {number} unanswered Requests the model never answered (unansweredRate).
 * @property {LatencyPercentiles} latencyMs Client-seen latency (model plus overhead) of the requests the model answered.
 */

/**
 * A variant's requests, and one entry per minute with requests, oldest first.
 * @typedef {RequestCounts & { minutes: (RequestCounts & { minute: string })[] }} VariantTrafficStats
 */

/**
 * @typedef {object} EndpointTrafficStats
 * @property {number} rejected Requests turned away because the endpoint was missing, Creating or Failed.
 * @property {Record<string, VariantTrafficStats>} variants
 * @property {Record<string, VariantTrafficStats>} fleets By endpoint config (fleet), once the endpoint has been
 *   through an UpdateEndpoint: both fleets of a deployment run the same variant names, so this is where the new
 *   fleet's requests are told from the old one's.
 */

/**
 * One traffic step of a deployment SageMaker runs inside an UpdateEndpoint.
 * @typedef {object} DeploymentStep
 * @property {number} at Epoch seconds at which the step's share of the traffic went to the new fleet.
 * @property {string} startedAt ISO 8601 form of `at`.
 * @property {number} newFleetShare Share of the traffic on the new fleet, 0..1.
 * @property {number} bakeSeconds WaitIntervalInSeconds baked at this step (0 for a canary's full-traffic step).
 */

/**
 * An UpdateEndpoint's deployment as the emulator runs it (GET /emulator/deployments).
 * @typedef {object} Deployment
 * @property {string} endpoint
 * @property {string} newConfig
 * @property {string} oldConfig
 * @property {'ALL_AT_ONCE' | 'CANARY' | 'LINEAR' | 'ROLLING'} type
 * @property {DeploymentStep[]} steps Empty when the new fleet failed its health checks and never took traffic.
 * @property {number} terminationWaitSeconds Full traffic on the new fleet before the old one goes (blue/green).
 * @property {string[]} alarms AutoRollbackConfiguration alarms, watched from the first step to the end.
 * @property {number} startedAt Epoch seconds of the UpdateEndpoint.
 * @property {number} plannedEndAt When it ends if nothing rolls it back.
 * @property {'InProgress' | 'RollingBack' | 'Succeeded' | 'RolledBack' | 'Failed'} status
 * @property {number | null} rollbackStartedAt When SageMaker moved all traffic back to the old fleet (the alarm seen
 *   in ALARM), or null.
 * @property {string[]} firingAlarms
 * @property {number | null} endedAt
 */

/**
 * One closed minute of one variant's metrics, as the emulator published it (faithful mode).
 * @typedef {object} MetricPublication
 * @property {string} endpoint
 * @property {string} variant
 * @property {string | null} endpointConfigName Set for the copy with the EndpointConfigName dimension, null for the
 *   EndpointName/VariantName one.
 * @property {string | null} inferenceComponent Set for an inference component's metrics (dimension
 *   InferenceComponentName only), null for the variant's.
 * @property {string} minute The period's start, ISO 8601.
 * @property {number} periodSeconds How long the period is: 60 unless MetricsConfig says otherwise.
 * @property {number} dueAt Epoch seconds from which any read sees the period: its close plus the drawn publication delay.
 * @property {number} publishedAt Epoch seconds of the sync that published it (the tick, or the first read after dueAt).
 * @property {number} delaySeconds dueAt minus the period's close.
 * @property {number} invocations
 * @property {number} errors5xx
 * @property {number | null} failures An asynchronous endpoint's InvocationFailures; null for a real-time one.
 */

/**
 * A copy of an inference component, on one instance of its variant.
 * @typedef {object} ComponentCopy
 * @property {string} id
 * @property {string} inferenceComponent
 * @property {string} instance The instance's id.
 * @property {number} specVersion 1 for the Specification of the create, one more for each update's.
 * @property {string | null} modelName
 * @property {'old' | 'new' | 'current'} generation During an update, whether the copy runs the old or the new
 *   Specification; 'current' otherwise.
 * @property {boolean} ready Serving: placed and started (a copy takes transitionSeconds, after its instance's launch).
 * @property {number | null} readyAt Epoch seconds.
 */

/**
 * One instance of a variant of an endpoint for inference components.
 * @typedef {object} ComponentInstance
 * @property {string} id
 * @property {number | null} launchedAt Epoch seconds; null for the instances the endpoint was created with.
 * @property {number} readyAt
 * @property {boolean} ready
 * @property {{ acceleratorDevices: number, cpuCores: number, memoryMiB: number }} free What copies leave free.
 * @property {ComponentCopy[]} copies
 */

/**
 * @typedef {object} ComponentVariant
 * @property {string} instanceType
 * @property {{ acceleratorDevices: number, cpuCores: number, memoryMiB: number }} instanceResources One instance's.
 * @property {{ Status: string, MinInstanceCount?: number, MaxInstanceCount?: number } | null} managedInstanceScaling
 *   The variant's ManagedInstanceScaling when ENABLED, else null.
 * @property {ComponentInstance[]} instances Running or launching.
 * @property {number} instancesLaunched Every instance ever started for the variant, the first ones included.
 * @property {number} instancesReleased
 * @property {number} peakInstances
 */

/**
 * An inference component as the emulator holds it.
 * @typedef {object} InferenceComponentState
 * @property {string} endpoint
 * @property {string} variant
 * @property {'Creating' | 'InService' | 'Updating' | 'Failed' | 'Deleting'} status
 * @property {number} specVersion The Specification DescribeInferenceComponent shows.
 * @property {string | null} modelName
 * @property {string | null} baseInferenceComponentName
 * @property {number | null} desiredCopyCount null for an adapter.
 * @property {ComponentCopy[]} copies
 * @property {number} requests Requests served by its copies (simulated and invoked).
 * @property {number} rejected Simulated requests turned away (component missing or not serving).
 * @property {number} errors5xx
 * @property {Record<string, number>} requestsBySpecVersion
 * @property {Record<string, number>} requestsByModel
 */

/**
 * @typedef {object} InferenceComponentsReport
 * @property {Record<string, { variants: Record<string, ComponentVariant> }>} endpoints Endpoints for components.
 * @property {Record<string, InferenceComponentState>} inferenceComponents
 * @property {number} time
 */

/**
 * One batch of an inference component's update: new copies placed, baked, then old ones removed.
 * @typedef {object} ComponentUpdateBatch
 * @property {number} newCopies
 * @property {number} placedAt Epoch seconds.
 * @property {number} readyAt When the new copies took traffic.
 * @property {number} bakeSeconds
 * @property {number} bakedAt
 * @property {number} oldCopiesRemoved Old copies removed once the batch baked (0 until it has).
 */

/**
 * An update (UpdateInferenceComponent, UpdateInferenceComponentRuntimeConfig or a scaling step) and its outcome.
 * @typedef {object} ComponentUpdate
 * @property {string} inferenceComponent
 * @property {string} endpoint
 * @property {'ROLLING' | 'BLUE_GREEN' | 'COPY_COUNT'} type
 * @property {'UpdateInferenceComponent' | 'UpdateInferenceComponentRuntimeConfig' | 'ApplicationAutoScaling'} trigger
 * @property {number} fromSpecVersion
 * @property {string | null} fromModel
 * @property {number | null} fromCopyCount
 * @property {number} toSpecVersion
 * @property {string | null} toModel
 * @property {number} toCopyCount
 * @property {number} [batchSize] Copies a batch places (ROLLING; BLUE_GREEN places all at once).
 * @property {number | null} [rollbackBatchSize] null: the whole old copy count at once.
 * @property {number} [waitSeconds]
 * @property {number | null} [maximumExecutionTimeoutSeconds]
 * @property {ComponentUpdateBatch[]} batches
 * @property {{ at: number, newCopiesRemoved: number, oldCopiesPlaced: number }[]} rollbackBatches
 * @property {string[]} alarms
 * @property {number} peakCopies Most copies at once, old and new.
 * @property {number} peakInstances Most instances of the variant at once.
 * @property {'InProgress' | 'RollingBack' | 'Succeeded' | 'RolledBack' | 'Failed'} status
 * @property {'alarm' | 'timeout' | 'capacity' | null} rolledBackBy
 * @property {string[]} firingAlarms
 * @property {string | null} failureReason
 * @property {number} startedAt
 * @property {string} startedAtIso
 * @property {number | null} rollbackStartedAt
 * @property {number | null} endedAt
 */

/**
 * A JSON call to the emulator's own endpoints (/moto-api, /emulator).
 * @param {string} url
 * @param {string} pathname
 * @param {string} method
 * @param {unknown} [body]
 * @returns {Promise<unknown>}
 */
export async function requestJson(url, pathname, method, body) {
  /** @type {RequestInit} */
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
  /**
   * The endpoint's answer, of the shape the README gives for it: the emulator's own JSON, not checked here.
   * @template T
   * @param {string} pathname
   * @param {string} method
   * @param {unknown} [body]
   * @returns {Promise<T>}
   */
  const call = async (pathname, method, body) => /** @type {T} */ (await requestJson(url, pathname, method, body))
  /** @param {string} pathname @param {string} method @param {unknown} [body] */
  const send = async (pathname, method, body) => {
    await requestJson(url, pathname, method, body)
  }
  /** @param {string} pathname @param {string | undefined} endpoint */
  const ofEndpoint = (pathname, endpoint) =>
    `${pathname}${endpoint === undefined ? '' : `?endpoint=${encodeURIComponent(endpoint)}`}`
  return {
    url,
    /**
     * Clears every AWS resource, every rule and all traffic; settings return to their start-up values.
     * @returns {Promise<void>}
     */
    reset: () => send('/moto-api/reset', 'POST', {}),
    /** @returns {Promise<{ ok: boolean, transitionSeconds: number }>} */
    health: () => call('/emulator/health', 'GET'),

    /** @param {InvokeFailureRule} rule @returns {Promise<void>} */
    failInvocations: (rule) => send('/emulator/invoke-failures', 'POST', rule),
    /** @returns {Promise<void>} */
    clearInvocationFailures: () => send('/emulator/invoke-failures', 'DELETE'),
    /**
     * The endpoint's next weight and capacity changes fail: Updating, then RollingBack, then InService on the
     * weights and counts it had, as SageMaker rolls back a change it could not make.
     * @param {WeightChangeFailureRule} rule @returns {Promise<void>}
     */
    failWeightChanges: (rule) => send('/emulator/weight-change-failures', 'POST', rule),
    /** @param {InvokeDelayRule} rule @returns {Promise<void>} */
    delayInvocations: (rule) => send('/emulator/invoke-delays', 'POST', rule),
    /** @returns {Promise<void>} */
    clearInvocationDelays: () => send('/emulator/invoke-delays', 'DELETE'),
    /** @returns {Promise<RecordedInvocation[]>} */
    invocations: async () => {
      /** @type {{ invocations: RecordedInvocation[] }} */
      const answer = await call('/emulator/invocations', 'GET')
      return answer.invocations
    },
    /** @returns {Promise<void>} */
    clearInvocations: () => send('/emulator/invocations', 'DELETE'),
    /** @param {number} seconds @returns {Promise<void>} */
    setTransitionSeconds: (seconds) => send('/emulator/config', 'POST', { transitionSeconds: seconds }),
    /** @returns {Promise<number>} */
    transitionSeconds: async () => {
      /** @type {EmulatorConfig} */
      const answer = await call('/emulator/config', 'GET')
      return answer.transitionSeconds
    },
    /**
     * moto's own queue of InvokeEndpoint answers (consumed in order).
     * @param {SeededInvokeResult[]} results
     * @returns {Promise<void>}
     */
    seedInvokeResults: (results) =>
      send('/moto-api/static/sagemaker/endpoint-results', 'POST', {
        account_id: options.account ?? DEFAULT_ACCOUNT,
        region: options.region ?? DEFAULT_REGION,
        results
      }),

    /**
     * Starts (or changes) a simulated client; 0 stops it. Answers every client's rate.
     * @param {string} endpoint
     * @param {number} ratePerSecond
     * @returns {Promise<Record<string, number>>}
     */
    setTraffic: async (endpoint, ratePerSecond) => {
      /** @type {{ traffic: Record<string, number> }} */
      const answer = await call('/emulator/traffic', 'POST', { endpoint, ratePerSecond })
      return answer.traffic
    },
    /**
     * Starts (or changes) a simulated client of one inference component of an endpoint (InvokeEndpoint with
     * InferenceComponentName); 0 stops it. Answers every component client's rate, by endpoint and component.
     * @param {string} endpoint
     * @param {string} inferenceComponent
     * @param {number} ratePerSecond
     * @returns {Promise<Record<string, Record<string, number>>>}
     */
    setComponentTraffic: async (endpoint, inferenceComponent, ratePerSecond) => {
      /** @type {{ componentTraffic: Record<string, Record<string, number>> }} */
      const answer = await call('/emulator/traffic', 'POST', { endpoint, inferenceComponent, ratePerSecond })
      return answer.componentTraffic
    },
    /** @returns {Promise<Record<string, Record<string, number>>>} */
    componentTraffic: async () => {
      /** @type {{ componentTraffic: Record<string, Record<string, number>> }} */
      const answer = await call('/emulator/traffic', 'GET')
      return answer.componentTraffic
    },
    /**
     * Endpoints for inference components (their instances and the copies on each) and every component; of one
     * endpoint, or of all.
     * @param {string} [endpoint]
     * @returns {Promise<InferenceComponentsReport>}
     */
    inferenceComponents: (endpoint) => call(ofEndpoint('/emulator/inference-components', endpoint), 'GET'),
    /**
     * Every inference component update, oldest first; of one component, or of all.
     * @param {string} [inferenceComponent]
     * @returns {Promise<ComponentUpdate[]>}
     */
    componentUpdates: async (inferenceComponent) => {
      const query =
        inferenceComponent === undefined ? '' : `?inferenceComponent=${encodeURIComponent(inferenceComponent)}`
      /** @type {{ updates: ComponentUpdate[] }} */
      const answer = await call(`/emulator/component-updates${query}`, 'GET')
      return answer.updates
    },
    /**
     * Stops one endpoint's simulated clients (its inference components' too), or all of them.
     * @param {string} [endpoint]
     * @returns {Promise<Record<string, number>>}
     */
    stopTraffic: async (endpoint) => {
      /** @type {{ traffic: Record<string, number> }} */
      const answer = await call('/emulator/traffic', 'DELETE', endpoint === undefined ? undefined : { endpoint })
      return answer.traffic
    },
    /** @returns {Promise<Record<string, number>>} */
    traffic: async () => {
      /** @type {{ traffic: Record<string, number> }} */
      const answer = await call('/emulator/traffic', 'GET')
      return answer.traffic
    },

    /** @param {ModelBehaviourRule} rule @returns {Promise<Required<ModelBehaviourRule>[]>} */
    setModelBehaviour: async (rule) => {
      /** @type {ModelBehaviours} */
      const answer = await call('/emulator/model-behaviour', 'POST', rule)
      return answer.rules
    },
    /** @returns {Promise<void>} */
    clearModelBehaviours: () => send('/emulator/model-behaviour', 'DELETE'),
    /** @returns {Promise<ModelBehaviours>} */
    modelBehaviours: () => call('/emulator/model-behaviour', 'GET'),

    /** @param {EmulatorSettings} settings @returns {Promise<EmulatorConfig>} */
    configure: (settings) => call('/emulator/config', 'POST', settings),
    /** @returns {Promise<EmulatorConfig>} */
    config: () => call('/emulator/config', 'GET'),

    /** @returns {Promise<Record<string, FleetStats>>} */
    fleet: async () => {
      /** @type {{ endpoints: Record<string, FleetStats> }} */
      const answer = await call('/emulator/fleet', 'GET')
      return answer.endpoints
    },
    /** @returns {Promise<Record<string, EndpointTrafficStats>>} */
    trafficStats: async () => {
      /** @type {{ endpoints: Record<string, EndpointTrafficStats> }} */
      const answer = await call('/emulator/traffic-stats', 'GET')
      return answer.endpoints
    },
    /**
     * When each closed minute's metrics became readable, oldest first; of one endpoint, or of all.
     * @param {string} [endpoint]
     * @returns {Promise<MetricPublication[]>}
     */
    metricPublications: async (endpoint) => {
      /** @type {{ publications: MetricPublication[] }} */
      const answer = await call(ofEndpoint('/emulator/metric-publications', endpoint), 'GET')
      return answer.publications
    },
    /**
     * Describes `model` with an empty VpcConfig and Containers from now on, as a describe may answer for settings a
     * model lacks: CreateModel refuses an empty VpcConfig, so the action must not send it back.
     * @param {string} model
     * @returns {Promise<void>}
     */
    describeEmpty: (model) => send('/emulator/empty-describes', 'POST', { model }),
    /**
     * Every UpdateEndpoint's deployment, oldest first; of one endpoint, or of all.
     * @param {string} [endpoint]
     * @returns {Promise<Deployment[]>}
     */
    deployments: async (endpoint) => {
      /** @type {{ deployments: Deployment[] }} */
      const answer = await call(ofEndpoint('/emulator/deployments', endpoint), 'GET')
      return answer.deployments
    },
    /**
     * Every request refused as invalid since start-up (a reset keeps them), oldest first.
     * @returns {Promise<InvalidRequest[]>}
     */
    invalidRequests: async () => {
      /** @type {{ invalidRequests: InvalidRequest[] }} */
      const answer = await call('/emulator/invalid-requests', 'GET')
      return answer.invalidRequests
    },
    /**
     * Removes the invalid requests from the record and answers them: how a test that sends one on purpose takes it
     * back, so that the suite's check that no test sent one passes.
     * @returns {Promise<InvalidRequest[]>}
     */
    takeInvalidRequests: async () => {
      /** @type {{ invalidRequests: InvalidRequest[] }} */
      const answer = await call('/emulator/invalid-requests', 'DELETE')
      return answer.invalidRequests
    }
  }
}

/**
 * One of a request's errors against AWS's service model.
 * @typedef {object} RequestError
 * @property {string} parameter The parameter as an SDK call names it: `ProductionVariants[0].VariantName`, `Environment["KEY"]`.
 * @property {string} message AWS's wording: `Value '...' at 'productionVariants.1.member.variantName' failed to satisfy constraint: ...`.
 */

/**
 * A request the emulator refused as AWS would: invalid against the operation's input in botocore's service model.
 * @typedef {object} InvalidRequest
 * @property {string} service botocore's service name: sagemaker, sagemaker-runtime, cloudwatch, application-autoscaling.
 * @property {string} operation
 * @property {RequestError[]} errors
 * @property {string} message The ValidationException's message, as the caller got it.
 * @property {string} userAgent
 * @property {number} time Epoch seconds.
 */

// The user agent the action's AWS clients add (src/version.ts).
const ACTION_USER_AGENT = /(^|\s)sagemaker-deploy-action\//

/**
 * What the emulator refused as AWS would, one line a request, for a failure message.
 * @param {InvalidRequest[]} requests
 * @returns {string}
 */
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

/** @typedef {ReturnType<typeof emulatorControl>} EmulatorControl */
