export const id = 796;
export const ids = [796,741];
export const modules = {

/***/ 1741:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Yr: () => (/* binding */ adaptersOf),
  bx: () => (/* binding */ baseOf),
  cF: () => (/* binding */ componentsOn),
  he: () => (/* binding */ describeComponentsOn),
  Tn: () => (/* binding */ findComponent),
  QQ: () => (/* binding */ getComponent),
  DM: () => (/* binding */ modelOf),
  G8: () => (/* binding */ modelsComponentsRun),
  j1: () => (/* binding */ noteAdapters),
  wc: () => (/* binding */ reportComponent),
  BO: () => (/* binding */ settledComponent),
  mt: () => (/* binding */ waitForComponent)
});

// UNUSED EXPORTS: COMPONENT_TRANSITIONS

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commandBuilder.js
var commandBuilder = __webpack_require__(2319);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/schemas/schemas_0.js + 2 modules
var schemas_0 = __webpack_require__(1268);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commands/DescribeInferenceComponentCommand.js


class DescribeInferenceComponentCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeInferenceComponent", schemas_0/* DescribeInferenceComponent$ */.i5n) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commands/ListInferenceComponentsCommand.js


class ListInferenceComponentsCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "ListInferenceComponents", schemas_0/* ListInferenceComponents$ */.k96) {
}

// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/wait.ts
var wait = __webpack_require__(910);
;// CONCATENATED MODULE: ./src/components/component.ts
/**
 * Inference components as SageMaker shows them: read, listed per endpoint,
 * and waited for. A component has no RollingBack status: after SageMaker
 * rolls an update back it is simply InService again, on the specification it
 * had (AWS's sample on rolling updates: the component "will revert to
 * InService status without any changes"), so what an update did is read
 * from the specification it ended on, never from the status alone.
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DescribeInferenceComponent.html
 */



/** Statuses from which SageMaker reaches InService or Failed by itself. */
const COMPONENT_TRANSITIONS = ['Creating', 'Updating', 'Deleting'];
async function findComponent(ctx, name) {
    try {
        return await (0,errors/* awsCall */.uF)('DescribeInferenceComponent', `inference component "${name}"`, () => ctx.clients.sagemaker.send(new DescribeInferenceComponentCommand({ InferenceComponentName: name })));
    }
    catch (error) {
        if ((0,errors/* isNotFound */.c4)(error))
            return undefined;
        throw error;
    }
}
async function getComponent(ctx, name) {
    const component = await findComponent(ctx, name);
    if (!component) {
        throw new Error(`Inference component "${name}" does not exist on endpoint "${ctx.endpointName}" in ${ctx.settings.region}.`);
    }
    if (component.EndpointName !== ctx.endpointName) {
        throw new Error(`Inference component "${name}" runs on endpoint "${component.EndpointName}", not "${ctx.endpointName}"; nothing was changed.`);
    }
    return component;
}
/** Every component on the endpoint, as ListInferenceComponents summarises them (no specification). */
async function componentsOn(ctx, endpointName = ctx.endpointName) {
    return (0,errors/* collectPages */.VV)('ListInferenceComponents', `endpoint "${endpointName}"`, (page) => ctx.clients.sagemaker.send(new ListInferenceComponentsCommand({ EndpointNameEquals: endpointName, MaxResults: 100, ...page })), (page) => page.InferenceComponents);
}
/** Every component on the endpoint, described: its specification and copies. */
async function describeComponentsOn(ctx) {
    const summaries = await componentsOn(ctx);
    const described = await Promise.all(summaries.map((summary) => findComponent(ctx, summary.InferenceComponentName ?? '')));
    return described.filter((component) => component !== undefined);
}
/**
 * The models the endpoint's components run; undefined (with a warning) while
 * one is changing, when what it will run is not known yet, so that nothing it
 * may need is deleted.
 */
async function modelsComponentsRun(ctx) {
    const components = await describeComponentsOn(ctx);
    const moving = components.find((component) => component.InferenceComponentStatus !== 'InService');
    if (moving) {
        ctx.warn(`Inference component "${moving.InferenceComponentName}" is ${moving.InferenceComponentStatus}: the model and configs this run created were kept.`);
        return undefined;
    }
    return components.flatMap((component) => component.Specification?.ModelName ?? []);
}
/** The model a component's specification runs, for messages and comparisons. */
function modelOf(component) {
    return component?.Specification?.ModelName;
}
/**
 * Polls a component until it leaves its transition (or is gone: undefined),
 * on the same schedule as an endpoint's, logging progress with its copies.
 */
async function waitForComponent(ctx, name, purpose, { timeoutMs = ctx.settings.timeoutMs, whileWaiting } = {}) {
    return (0,wait/* pollTransition */.VB)(ctx, {
        read: () => findComponent(ctx, name),
        status: (component) => component?.InferenceComponentStatus ?? 'Deleted',
        transitional: COMPONENT_TRANSITIONS,
        describe: (component, status) => {
            const copies = component?.RuntimeConfig;
            const counts = copies ? `, ${copies.CurrentCopyCount ?? 0} of ${copies.DesiredCopyCount ?? 0} copies` : '';
            return `Inference component "${name}" is ${status}${counts}`;
        },
        purpose,
        timeoutMs,
        ...(whileWaiting ? { whileWaiting } : {}),
        stillAfterTimeout: (status) => `Inference component "${name}" was still ${status}`
    });
}
/**
 * The component named by inference-component-name on this endpoint, once a
 * transition of its own has ended (a dry run only says it would wait);
 * refused when it does not end InService.
 */
async function settledComponent(ctx, name, purpose) {
    const component = await getComponent(ctx, name);
    const status = component.InferenceComponentStatus ?? '';
    if (!COMPONENT_TRANSITIONS.includes(status))
        return requireInService(component);
    if (ctx.dryRun) {
        ctx.note(`Inference component "${name}" is ${status}; a real run would wait for that to end before ${purpose}.`);
        return component;
    }
    const settled = await waitForComponent(ctx, name, `its ${status} to end before ${purpose}`);
    if (!settled)
        throw new Error(`Inference component "${name}" was deleted while this run waited for it.`);
    return requireInService(settled);
}
function requireInService(component) {
    if (component.InferenceComponentStatus === 'InService')
        return component;
    const reason = component.FailureReason ? ` (FailureReason: ${component.FailureReason})` : '';
    throw new Error(`Inference component "${component.InferenceComponentName}" is ${component.InferenceComponentStatus ?? 'in an unknown state'}${reason}, not InService; nothing was changed.`);
}
/** The base an adapter component runs inside, or undefined for a component with copies of its own. */
function baseOf(component) {
    return component.Specification?.BaseInferenceComponentName;
}
/**
 * The adapter components of `base` on the endpoint: they run inside its
 * copies, and an operation on the base leaves them as they are.
 * https://docs.aws.amazon.com/sagemaker/latest/dg/realtime-endpoints-adapt.html
 */
async function adaptersOf(ctx, base) {
    const components = await describeComponentsOn(ctx);
    return components
        .filter((component) => baseOf(component) === base)
        .map((component) => component.InferenceComponentName ?? '');
}
/** Names the adapters an operation left alone, in the log and the summary. */
function noteAdapters(ctx, base, adapters) {
    if (adapters.length === 0)
        return;
    ctx.note(`Adapter components of "${base}", left as they are: ${adapters.map((name) => `"${name}"`).join(', ')}. They run inside its copies.`);
}
/** The component's status and copies: outputs, and a line of the summary. */
function reportComponent(ctx, component) {
    const name = component.InferenceComponentName ?? '';
    const status = component.InferenceComponentStatus ?? 'Unknown';
    const copies = component.RuntimeConfig;
    ctx.output('inference-component-status', status);
    if (copies?.DesiredCopyCount !== undefined)
        ctx.output('copy-count', copies.DesiredCopyCount);
    const base = baseOf(component);
    const runs = base ? `an adapter of "${base}"` : `model "${modelOf(component) ?? 'unknown'}"`;
    const counts = copies ? `, ${copies.CurrentCopyCount ?? 0} of ${copies.DesiredCopyCount ?? 0} copies` : '';
    ctx.note(`Inference component "${name}" on variant "${component.VariantName ?? 'unknown'}" of endpoint "${component.EndpointName ?? ctx.endpointName}": ${status}${counts}, ${runs}.`);
}


/***/ }),

/***/ 1796:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runMonitor: () => (/* binding */ runMonitor)
/* harmony export */ });
/* harmony import */ var _endpoint_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3150);
/* harmony import */ var _components_component_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1741);
/* harmony import */ var _alarms_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(400);
/* harmony import */ var _invocation_metrics_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9113);
/* harmony import */ var _metrics_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4023);
/* harmony import */ var _metrics_totals_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(456);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2828);







async function runMonitor(ctx, settings) {
    const endpoint = await (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_0__/* .getEndpoint */ .yP)(ctx);
    const config = await (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_0__/* .reportEndpoint */ .Us)(ctx, endpoint);
    const source = (0,_invocation_metrics_js__WEBPACK_IMPORTED_MODULE_3__/* .metricsSourceOf */ .er)(config);
    const status = endpoint.EndpointStatus ?? 'Unknown';
    const scope = await monitoredScope(ctx, endpoint);
    const alarms = await (0,_alarms_js__WEBPACK_IMPORTED_MODULE_2__/* .describeAlarmStates */ .j)(ctx, settings.alarmNames);
    (0,_alarms_js__WEBPACK_IMPORTED_MODULE_2__/* .refuseAlarmsOnUnpublishedMetrics */ .G)(ctx.endpointName, config, alarms);
    const periodSeconds = readablePeriod(ctx, settings.periodSeconds, source);
    const { start, end } = (0,_metrics_js__WEBPACK_IMPORTED_MODULE_4__/* .alignedWindow */ .p1)(ctx.clock.now(), settings.windowMs, periodSeconds);
    const metrics = await (0,_metrics_js__WEBPACK_IMPORTED_MODULE_4__/* .fetchVariantMetrics */ .pA)(ctx, {
        endpointName: ctx.endpointName,
        variants: scope.series,
        ...(scope.fleets ? { fleets: scope.fleets } : {}),
        start,
        end,
        periodSeconds,
        source,
        windowP99: true
    });
    ctx.report.metrics = {
        window: (0,_parse_js__WEBPACK_IMPORTED_MODULE_5__/* .formatDuration */ .a3)(settings.windowMs),
        period: (0,_parse_js__WEBPACK_IMPORTED_MODULE_5__/* .formatDuration */ .a3)(periodSeconds * 1000),
        variants: metrics.variants.map((entry) => (0,_metrics_js__WEBPACK_IMPORTED_MODULE_4__/* .variantMetrics */ .NJ)(metrics, entry.variant))
    };
    ctx.output('metrics', metricsOutput(metrics));
    const problems = [];
    // An update in progress still serves on the old fleet: a scheduled monitor must not page anyone for a deploy.
    if (SERVING_STATUSES.includes(status) && status !== 'InService') {
        ctx.note(`Endpoint "${ctx.endpointName}" is ${status}; it keeps serving while SageMaker works.`);
    }
    else if (status !== 'InService') {
        problems.push(`it is ${status}, not InService${endpoint.FailureReason ? ` (FailureReason: ${endpoint.FailureReason})` : ''}`);
    }
    problems.push(...scope.problems);
    problems.push(...thresholdBreaches(metrics.variants, settings, source, scope.noun));
    for (const alarm of alarms.filter((candidate) => candidate.state === 'ALARM')) {
        problems.push(`alarm "${alarm.name}" is in ALARM${alarm.reason ? ` (${shorten(alarm.reason)})` : ''}`);
    }
    const judged = settings.maxErrorRate !== undefined || settings.maxLatencyP99Ms !== undefined;
    if (judged && metrics.variants.every((entry) => entry.invocations === 0)) {
        ctx.note(`No ${source.asynchronous ? 'processed invocations' : 'invocations'} in the last ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_5__/* .formatDuration */ .a3)(settings.windowMs)}: max-error-rate and max-latency-p99 had nothing to judge.`);
    }
    // What was set but could not be checked is said, so that "healthy" never covers a check that was not made.
    for (const unchecked of uncheckedThresholds(metrics.variants, settings, alarms, scope.noun))
        ctx.warn(unchecked);
    ctx.output('healthy', problems.length === 0);
    if (problems.length === 0) {
        ctx.note(`Endpoint "${ctx.endpointName}" is healthy: ${healthyBecause(settings)}.`);
        return;
    }
    const message = `Endpoint "${ctx.endpointName}" is unhealthy: ${problems.join('; ')}.`;
    if (settings.failOnUnhealthy)
        throw new Error(message);
    ctx.note(message);
    ctx.warn(`${message} The step succeeds because fail-on-unhealthy is false.`);
}
const SERVING_STATUSES = ['InService', 'Updating', 'SystemUpdating'];
/** What is watched: every variant, or the named component alone, with what its status makes unhealthy. */
async function monitoredScope(ctx, endpoint) {
    const name = ctx.settings.inferenceComponentName;
    if (name === undefined) {
        const series = (endpoint.ProductionVariants ?? []).map((variant) => variant.VariantName ?? '');
        return { series, noun: 'variant', problems: [] };
    }
    const component = await (0,_components_component_js__WEBPACK_IMPORTED_MODULE_1__/* .getComponent */ .QQ)(ctx, name);
    (0,_components_component_js__WEBPACK_IMPORTED_MODULE_1__/* .reportComponent */ .wc)(ctx, component);
    const status = component.InferenceComponentStatus ?? 'Unknown';
    const problems = [];
    // Its old copies serve while SageMaker updates it, as an endpoint's old fleet does.
    if (status !== 'InService' && status !== 'Updating') {
        const reason = component.FailureReason ? ` (FailureReason: ${component.FailureReason})` : '';
        problems.push(`inference component "${name}" is ${status}, not InService${reason}`);
    }
    else if (component.RuntimeConfig?.CurrentCopyCount === 0) {
        problems.push(`inference component "${name}" runs no copies, so requests to it fail`);
    }
    return { series: [name], fleets: { [name]: { component: name } }, noun: 'inference component', problems };
}
/**
 * metrics-period, or the least whole number of the endpoint's datapoints above it: five-minute datapoints read a
 * minute at a time would show four minutes in five empty.
 */
function readablePeriod(ctx, periodSeconds, source) {
    if (periodSeconds % source.periodSeconds === 0)
        return periodSeconds;
    const readable = Math.ceil(periodSeconds / source.periodSeconds) * source.periodSeconds;
    ctx.note(`Endpoint "${ctx.endpointName}" publishes its invocation metrics every ${source.periodSeconds} s (its MetricsConfig), so they are read in periods of ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_5__/* .formatDuration */ .a3)(readable * 1000)} rather than metrics-period ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_5__/* .formatDuration */ .a3)(periodSeconds * 1000)}.`);
    return readable;
}
/** Every variant is judged, not only the newest: any one serving badly hurts callers. */
function thresholdBreaches(variants, settings, source, noun) {
    const breaches = [];
    for (const metrics of variants) {
        if (settings.maxErrorRate !== undefined && metrics.errorRate !== undefined) {
            if (metrics.errorRate > settings.maxErrorRate) {
                breaches.push(`${noun} "${metrics.variant}" error rate ${percent(metrics.errorRate)} (${(0,_invocation_metrics_js__WEBPACK_IMPORTED_MODULE_3__/* .errorsOf */ .Bp)(source, (0,_metrics_totals_js__WEBPACK_IMPORTED_MODULE_6__/* .countedErrors */ .GJ)(metrics), metrics.invocations, metrics.unanswered)}) is above max-error-rate ${percent(settings.maxErrorRate)}`);
            }
        }
        if (settings.maxLatencyP99Ms !== undefined && metrics.latencyP99Ms !== undefined) {
            if (metrics.latencyP99Ms > settings.maxLatencyP99Ms) {
                breaches.push(`${noun} "${metrics.variant}" p99 model latency ${metrics.latencyP99Ms.toFixed(1)} ms is above max-latency-p99 ${settings.maxLatencyP99Ms} ms`);
            }
        }
    }
    return breaches;
}
/**
 * A p99 CloudWatch did not serve for a variant that took requests (ModelLatency published as statistic sets, from
 * which no percentile is computed), and an alarm with no data to judge by (INSUFFICIENT_DATA).
 */
function uncheckedThresholds(variants, settings, alarms, noun) {
    const unchecked = [];
    if (settings.maxLatencyP99Ms !== undefined) {
        for (const metrics of variants.filter((entry) => entry.invocations > 0 && entry.latencyP99Ms === undefined)) {
            unchecked.push(`max-latency-p99 was not checked on ${noun} "${metrics.variant}": it took ${metrics.invocations} requests, but CloudWatch served no p99 of its ModelLatency.`);
        }
    }
    for (const alarm of alarms.filter((candidate) => candidate.state === 'INSUFFICIENT_DATA')) {
        unchecked.push(`Alarm "${alarm.name}" is in INSUFFICIENT_DATA: it has no data to judge by, and says nothing of the endpoint's health.`);
    }
    return unchecked;
}
function healthyBecause(settings) {
    const checks = ['InService'];
    if (settings.maxErrorRate !== undefined)
        checks.push(`error rate at most ${percent(settings.maxErrorRate)}`);
    if (settings.maxLatencyP99Ms !== undefined)
        checks.push(`p99 latency at most ${settings.maxLatencyP99Ms} ms`);
    if (settings.alarmNames.length > 0)
        checks.push(`no alarm of ${settings.alarmNames.length} in ALARM`);
    return checks.join(', ');
}
/** The `metrics` output: keyed by variant so a workflow can read `fromJSON(...).variants.<name>.errorRate`. */
function metricsOutput(metrics) {
    return {
        start: metrics.start.toISOString(),
        end: metrics.end.toISOString(),
        periodSeconds: metrics.periodSeconds,
        variants: Object.fromEntries(metrics.variants.map(({ variant, ...values }) => [variant, values]))
    };
}
function percent(rate) {
    return `${Number((rate * 100).toFixed(2))}%`;
}
function shorten(text) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > 160 ? `${flat.slice(0, 159)}…` : flat;
}


/***/ }),

/***/ 910:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D7: () => (/* binding */ EndpointStateError),
/* harmony export */   Do: () => (/* binding */ WaitTimeoutError),
/* harmony export */   Mc: () => (/* binding */ requireUpdatable),
/* harmony export */   SG: () => (/* binding */ waitForSettled),
/* harmony export */   VB: () => (/* binding */ pollTransition),
/* harmony export */   pP: () => (/* binding */ waitForInService),
/* harmony export */   we: () => (/* binding */ waitUntilUpdatable)
/* harmony export */ });
/* unused harmony exports nextPollDelay, timeLeft */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _endpoint_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3150);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2828);
/**
 * Waiting for SageMaker endpoint transitions. Polls DescribeEndpoint quickly at
 * first (an emulator or a weight change settles in seconds), then backs off to
 * spare the control plane's rate limits during a real ten-minute update. Every
 * status change is logged with the time elapsed.
 */



const FAST_PHASE_MS = 10_000;
const FAST_POLL_MS = 500;
/** A weight change often settles within a couple of seconds: look closer then, so the next step is not kept waiting. */
const QUICK_PHASE_MS = 2_000;
const QUICK_POLL_MS = 250;
const FIRST_SLOW_POLL_MS = 2_000;
const MAX_POLL_MS = 30_000;
const BACKOFF_FACTOR = 1.5;
/** A quiet wait still prints a line this often, so the log shows it is alive. */
const PROGRESS_EVERY_MS = 60_000;
/** Delay before the next DescribeEndpoint, given how long the transition has run and the last delay. */
function nextPollDelay(elapsedMs, previousDelayMs) {
    if (elapsedMs + QUICK_POLL_MS <= QUICK_PHASE_MS)
        return QUICK_POLL_MS;
    // The fast phase ends by FAST_PHASE_MS: its last poll must not spill past it.
    if (elapsedMs + FAST_POLL_MS <= FAST_PHASE_MS)
        return FAST_POLL_MS;
    if (previousDelayMs < FIRST_SLOW_POLL_MS)
        return FIRST_SLOW_POLL_MS;
    return Math.min(MAX_POLL_MS, Math.round(previousDelayMs * BACKOFF_FACTOR));
}
/** An endpoint that settled somewhere other than where it was asked to go. */
class EndpointStateError extends Error {
    endpoint;
    constructor(message, endpoint) {
        super(message);
        this.endpoint = endpoint;
        this.name = 'EndpointStateError';
    }
}
class WaitTimeoutError extends Error {
    constructor(message) {
        super(message);
        this.name = 'WaitTimeoutError';
    }
}
/**
 * Polls until the endpoint leaves every transitional status (or is gone, which
 * returns undefined). Throws WaitTimeoutError after `timeoutMs` (the `timeout`
 * input unless a caller needs longer).
 */
async function waitForSettled(ctx, purpose, timeoutMs = ctx.settings.timeoutMs, expectedMs, whileWaiting) {
    const { endpointName } = ctx;
    return pollTransition(ctx, {
        read: () => (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_1__/* .findEndpoint */ .vS)(ctx, endpointName),
        status: (endpoint) => endpoint?.EndpointStatus ?? 'Deleted',
        transitional: _endpoint_js__WEBPACK_IMPORTED_MODULE_1__/* .TRANSITIONAL_STATUSES */ .kQ,
        describe: (_endpoint, status) => `Endpoint "${endpointName}" is ${status}`,
        purpose,
        timeoutMs,
        left: (status, elapsed) => timeLeft(status, elapsed, expectedMs),
        ...(whileWaiting ? { whileWaiting } : {}),
        stillAfterTimeout: (status) => `Endpoint "${endpointName}" was still ${status}`
    });
}
/**
 * Polls a resource until it leaves its transitional statuses (or is gone:
 * undefined), logging each status change and, in a quiet wait, a line a
 * minute. Throws WaitTimeoutError after `timeoutMs`.
 */
async function pollTransition(ctx, transition) {
    const { clock } = ctx;
    const { purpose, timeoutMs } = transition;
    const started = clock.now();
    let lastStatus = '';
    let lastLogAt = started;
    let delay = 0;
    for (;;) {
        const item = await transition.read();
        const status = transition.status(item);
        const elapsed = clock.now() - started;
        if (status !== lastStatus || clock.now() - lastLogAt >= PROGRESS_EVERY_MS) {
            const left = transition.left?.(status, elapsed) ?? '';
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${transition.describe(item, status)} (${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(elapsed)} into ${purpose}${left})${status === lastStatus ? ', still waiting' : ''}`);
            lastStatus = status;
            lastLogAt = clock.now();
        }
        if (!item || !transition.transitional.includes(status))
            return item;
        delay = nextPollDelay(elapsed, delay);
        const dueInMs = transition.whileWaiting ? await transition.whileWaiting(item) : Infinity;
        delay = Math.max(0, Math.min(delay, dueInMs));
        if (clock.now() + delay > started + timeoutMs) {
            throw new WaitTimeoutError(`${transition.stillAfterTimeout(status)} after ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(timeoutMs)} (input "timeout") waiting for ${purpose}. SageMaker carries on with it; nothing more was changed.`);
        }
        await clock.sleep(delay);
    }
}
/** What is left of a transition, against what it was expected to take. */
function timeLeft(status, elapsedMs, expectedMs) {
    if (expectedMs === undefined || !_endpoint_js__WEBPACK_IMPORTED_MODULE_1__/* .TRANSITIONAL_STATUSES */ .kQ.includes(status))
        return '';
    const left = expectedMs - elapsedMs;
    const expected = (0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(expectedMs);
    if (left <= 0)
        return `; longer than the ${expected} expected`;
    // Whole minutes: a countdown in seconds would promise a precision no estimate has.
    if (left < 60_000)
        return `; under a minute left of the ${expected} expected`;
    return `; about ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(Math.ceil(left / 60_000) * 60_000)} left of the ${expected} expected`;
}
/**
 * Waits for an update or creation to finish and checks it landed: InService on
 * `expectedConfig`. SageMaker rolls a failed update back to the old config and
 * reports InService, so "InService" alone does not mean success.
 */
async function waitForInService(ctx, expectedConfig, purpose, timeoutMs = ctx.settings.timeoutMs, expectedMs, whileWaiting) {
    const { endpointName } = ctx;
    const endpoint = await waitForSettled(ctx, purpose, timeoutMs, expectedMs, whileWaiting);
    if (!endpoint) {
        throw new EndpointStateError(`Endpoint "${endpointName}" disappeared during ${purpose}.`, undefined);
    }
    const reason = endpoint.FailureReason ? ` FailureReason: ${endpoint.FailureReason}` : '';
    if (endpoint.EndpointStatus !== 'InService') {
        throw new EndpointStateError(`Endpoint "${endpointName}" ended ${endpoint.EndpointStatus} during ${purpose}.${reason}`, endpoint);
    }
    if (endpoint.EndpointConfigName !== expectedConfig) {
        throw new EndpointStateError(`SageMaker did not complete ${purpose} and restored the endpoint: "${endpointName}" is InService on "${endpoint.EndpointConfigName}", not "${expectedConfig}".${reason}`, endpoint);
    }
    return endpoint;
}
/**
 * An endpoint can only be changed from InService: wait out another run's (or
 * SageMaker's own) transition first, and refuse a Failed endpoint outright.
 */
async function waitUntilUpdatable(ctx) {
    const { endpointName } = ctx;
    const endpoint = await (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_1__/* .findEndpoint */ .vS)(ctx, endpointName);
    if (!endpoint)
        return undefined;
    let settled = endpoint;
    if (_endpoint_js__WEBPACK_IMPORTED_MODULE_1__/* .TRANSITIONAL_STATUSES */ .kQ.includes(endpoint.EndpointStatus ?? '')) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Endpoint "${endpointName}" is ${endpoint.EndpointStatus}; waiting for it to finish before changing it.`);
        settled = await waitForSettled(ctx, `the endpoint's ${endpoint.EndpointStatus} to finish`);
    }
    if (settled && settled.EndpointStatus !== 'InService') {
        // "DeleteEndpoint is the only operation that can be performed on a failed endpoint" (API_DescribeEndpoint).
        const remedy = settled.EndpointStatus === 'Failed'
            ? ' SageMaker allows nothing on a failed endpoint but its deletion: delete it (operation: delete), then deploy.'
            : '';
        throw new EndpointStateError(`Endpoint "${endpointName}" is ${settled.EndpointStatus} and cannot be updated.${settled.FailureReason ? ` FailureReason: ${settled.FailureReason}` : ''}${remedy}`, settled);
    }
    return settled;
}
/** As waitUntilUpdatable, for operations that need the endpoint to exist. */
async function requireUpdatable(ctx) {
    const endpoint = await waitUntilUpdatable(ctx);
    if (!endpoint)
        throw (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_1__/* .missingEndpoint */ .g8)(ctx);
    return endpoint;
}


/***/ })

};
