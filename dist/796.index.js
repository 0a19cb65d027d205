export const id = 796;
export const ids = [796];
export const modules = {

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


/***/ })

};
