export const id = 796;
export const ids = [796];
export const modules = {

/***/ 9333:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ refuseAlarmsOnUnpublishedMetrics),
/* harmony export */   j: () => (/* binding */ describeAlarmStates)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4085);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9378);
/* harmony import */ var _invocation_metrics_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9113);
/**
 * The CloudWatch alarms a workflow names (alarm-names): what state each is in,
 * and what metrics it watches, read in one DescribeAlarms call, so a gate or
 * monitor can act on them, and refuse one that could never judge.
 */



function watchedMetrics(alarm) {
    const dimensions = (list) => Object.fromEntries((list ?? []).map((dimension) => [dimension.Name ?? '', dimension.Value ?? '']));
    if (alarm.MetricName) {
        return [
            { namespace: alarm.Namespace ?? '', metricName: alarm.MetricName, dimensions: dimensions(alarm.Dimensions) }
        ];
    }
    return (alarm.Metrics ?? []).flatMap((query) => {
        const metric = query.MetricStat?.Metric;
        if (!metric?.MetricName)
            return [];
        return [
            { namespace: metric.Namespace ?? '', metricName: metric.MetricName, dimensions: dimensions(metric.Dimensions) }
        ];
    });
}
/**
 * The states of the named alarms (metric, composite and log alarms) from one
 * DescribeAlarms call: a name that matches no alarm is an error naming `input`,
 * since a misspelt alarm would otherwise never fire and always pass.
 */
async function describeAlarmStates(ctx, names, input = 'alarm-names') {
    if (names.length === 0)
        return [];
    const found = new Map();
    const resource = `alarms ${names.map((name) => `"${name}"`).join(', ')}`;
    const alarms = await (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .collectPages */ .VV)('DescribeAlarms', resource, (page) => ctx.clients.cloudwatch.send(new _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_2__/* .DescribeAlarmsCommand */ .zWD({
        AlarmNames: names,
        AlarmTypes: ['MetricAlarm', 'CompositeAlarm', 'LogAlarm'],
        MaxRecords: 100,
        ...page
    })), (page) => [...(page.MetricAlarms ?? []), ...(page.CompositeAlarms ?? []), ...(page.LogAlarms ?? [])]);
    for (const alarm of alarms) {
        if (!alarm.AlarmName)
            continue;
        const metrics = watchedMetrics(alarm);
        found.set(alarm.AlarmName, {
            name: alarm.AlarmName,
            state: alarm.StateValue ?? 'INSUFFICIENT_DATA',
            ...(alarm.StateReason ? { reason: alarm.StateReason } : {}),
            ...(metrics.length > 0 ? { metrics } : {})
        });
    }
    const missing = names.filter((name) => !found.has(name));
    if (missing.length > 0) {
        throw new Error(`Input "${input}" names ${missing.map((name) => `"${name}"`).join(', ')}, which ${missing.length === 1 ? 'is not a CloudWatch alarm' : 'are not CloudWatch alarms'} in ${ctx.settings.region}.`);
    }
    return names.map((name) => found.get(name));
}
/**
 * Refuses, before any change, an alarm that watches a metric SageMaker does
 * not publish for this endpoint because it is asynchronous: Invocations,
 * InvocationsPerInstance or OverheadLatency of it never has a datapoint
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/async-inference-monitor.html),
 * so the alarm could never fire on it, or would always (missing data
 * treated as breaching), and a gate or a health check on it would judge
 * nothing.
 */
function refuseAlarmsOnUnpublishedMetrics(endpointName, config, alarms, input = 'alarm-names') {
    if (!(0,_invocation_metrics_js__WEBPACK_IMPORTED_MODULE_1__/* .metricsSourceOf */ .er)(config).asynchronous)
        return;
    const unpublished = _invocation_metrics_js__WEBPACK_IMPORTED_MODULE_1__/* .UNPUBLISHED_WHEN_ASYNCHRONOUS */ .A2;
    const blind = alarms.flatMap((alarm) => {
        const metric = (alarm.metrics ?? []).find((watched) => watched.namespace === 'AWS/SageMaker' &&
            unpublished.includes(watched.metricName) &&
            watched.dimensions.EndpointName === endpointName);
        return metric ? [`"${alarm.name}" watches ${metric.metricName}`] : [];
    });
    if (blind.length === 0)
        return;
    throw new Error(`Input "${input}": ${blind.join(', ')} of endpoint "${endpointName}", which SageMaker does not publish for an asynchronous endpoint (its config "${config?.EndpointConfigName}" has an AsyncInferenceConfig), so the alarm could never judge it; nothing was changed. Alarm on what it publishes instead: InvocationFailures and InvocationsProcessed (per variant, with EndpointName and VariantName), ModelLatency, or ApproximateBacklogSize (EndpointName alone).`);
}


/***/ }),

/***/ 5999:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BO: () => (/* binding */ settledComponent),
/* harmony export */   DM: () => (/* binding */ modelOf),
/* harmony export */   G8: () => (/* binding */ modelsComponentsRun),
/* harmony export */   QQ: () => (/* binding */ getComponent),
/* harmony export */   Tn: () => (/* binding */ findComponent),
/* harmony export */   Yr: () => (/* binding */ adaptersOf),
/* harmony export */   bx: () => (/* binding */ baseOf),
/* harmony export */   he: () => (/* binding */ describeComponentsOn),
/* harmony export */   j1: () => (/* binding */ noteAdapters),
/* harmony export */   mt: () => (/* binding */ waitForComponent),
/* harmony export */   wc: () => (/* binding */ reportComponent)
/* harmony export */ });
/* unused harmony exports COMPONENT_TRANSITIONS, componentsOn */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4459);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9378);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2828);
/* harmony import */ var _wait_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(910);
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
/** How often a long wait says it is still waiting. */
const PROGRESS_EVERY_MS = 60_000;
async function findComponent(ctx, name) {
    try {
        return await (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .awsCall */ .uF)('DescribeInferenceComponent', `inference component "${name}"`, () => ctx.clients.sagemaker.send(new _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_4__/* .DescribeInferenceComponentCommand */ .vAd({ InferenceComponentName: name })));
    }
    catch (error) {
        if ((0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isNotFound */ .c4)(error))
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
    return (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .collectPages */ .VV)('ListInferenceComponents', `endpoint "${endpointName}"`, (page) => ctx.clients.sagemaker.send(new _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_4__/* .ListInferenceComponentsCommand */ .PbB({ EndpointNameEquals: endpointName, MaxResults: 100, ...page })), (page) => page.InferenceComponents);
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
 * on the same schedule as an endpoint's, logging progress.
 */
async function waitForComponent(ctx, name, purpose, { timeoutMs = ctx.settings.timeoutMs, whileWaiting } = {}) {
    const { clock } = ctx;
    const started = clock.now();
    let lastStatus = '';
    let lastLogAt = started;
    let delay = 0;
    for (;;) {
        const component = await findComponent(ctx, name);
        const status = component?.InferenceComponentStatus ?? 'Deleted';
        const elapsed = clock.now() - started;
        if (status !== lastStatus || clock.now() - lastLogAt >= PROGRESS_EVERY_MS) {
            const copies = component?.RuntimeConfig;
            const counts = copies ? `, ${copies.CurrentCopyCount ?? 0} of ${copies.DesiredCopyCount ?? 0} copies` : '';
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Inference component "${name}" is ${status}${counts} (${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(elapsed)} into ${purpose})${status === lastStatus ? ', still waiting' : ''}`);
            lastStatus = status;
            lastLogAt = clock.now();
        }
        if (!component || !COMPONENT_TRANSITIONS.includes(status))
            return component;
        delay = (0,_wait_js__WEBPACK_IMPORTED_MODULE_3__/* .nextPollDelay */ .qC)(elapsed, delay);
        const dueInMs = whileWaiting ? await whileWaiting(component) : Infinity;
        delay = Math.max(0, Math.min(delay, dueInMs));
        if (clock.now() + delay > started + timeoutMs) {
            throw new _wait_js__WEBPACK_IMPORTED_MODULE_3__/* .WaitTimeoutError */ .Do(`Inference component "${name}" was still ${status} after ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(timeoutMs)} (input "timeout") waiting for ${purpose}. SageMaker carries on with it; nothing more was changed.`);
        }
        await clock.sleep(delay);
    }
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

/***/ 5670:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GJ: () => (/* binding */ countedErrors),
/* harmony export */   NJ: () => (/* binding */ variantMetrics),
/* harmony export */   p1: () => (/* binding */ alignedWindow),
/* harmony export */   pA: () => (/* binding */ fetchVariantMetrics)
/* harmony export */ });
/* unused harmony exports statisticsFor, windowPeriodSeconds, metricQueries, errorRate */
/* harmony import */ var _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4085);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9378);
/* harmony import */ var _invocation_metrics_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9113);
/**
 * SageMaker's per-variant CloudWatch metrics, read with one GetMetricData call.
 *
 * Two callers, two shapes of window:
 * - monitor reads a long window in short periods (`alignedWindow`), for a
 *   table of totals and a per-period series;
 * - the rollout engine judges a gate over one evaluation window, so it asks
 *   for a single period that covers the whole window:
 *
 *     const periodSeconds = windowPeriodSeconds(start, end)
 *     const result = await fetchVariantMetrics(ctx, { endpointName, variants: [newVariant], start, end, periodSeconds })
 *     const { invocations, errorRate, latencyP99Ms } = variantMetrics(result, newVariant)
 *
 * A p99 cannot be summed across periods, so with one period the gate's p99 is
 * the window's own p99 rather than the worst of several partial ones.
 *
 * Which metrics are read depends on the endpoint (invocation-metrics.ts): an
 * asynchronous one publishes no Invocations, so its requests are counted by
 * InvocationsProcessed and its errors by InvocationFailures.
 */



const NAMESPACE = 'AWS/SageMaker';
const MINUTE_MS = 60_000;
/** ModelLatency is published in microseconds; everything the action reports is milliseconds. */
const MICROSECONDS_PER_MS = 1000;
/** GetMetricData takes at most 500 queries in one request. */
const MAX_QUERIES = 500;
/** Periods CloudWatch takes below a minute, for high-resolution metrics (API_GetMetricData). */
const HIGH_RESOLUTION_PERIODS = [1, 5, 10, 20, 30];
/** What is read of each variant: the counts, errors and ModelLatency the endpoint publishes. */
function statisticsFor(source) {
    const [requests, alternative] = (0,_invocation_metrics_js__WEBPACK_IMPORTED_MODULE_1__/* .requestMetricNames */ .u7)(source);
    return [
        { key: 'invocations', metric: requests, stat: 'Sum' },
        ...(alternative ? [{ key: 'invocations_alt', metric: alternative, stat: 'Sum' }] : []),
        { key: 'errors4xx', metric: 'Invocation4XXErrors', stat: 'Sum' },
        { key: 'errors5xx', metric: 'Invocation5XXErrors', stat: 'Sum' },
        ...(source.asynchronous ? [{ key: 'failures', metric: (0,_invocation_metrics_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMetricName */ .Sb)(source), stat: 'Sum' }] : []),
        { key: 'latency_avg', metric: 'ModelLatency', stat: 'Average' },
        { key: 'latency_p99', metric: 'ModelLatency', stat: 'p99' }
    ];
}
/**
 * A window of `windowMs` ending now, widened to whole periods: the current,
 * still-filling period is included, so a run right after traffic sees it.
 */
function alignedWindow(nowMs, windowMs, periodSeconds) {
    const periodMs = periodSeconds * 1000;
    const end = Math.ceil(nowMs / periodMs) * periodMs;
    const start = Math.floor((nowMs - windowMs) / periodMs) * periodMs;
    return { start: new Date(start), end: new Date(end) };
}
/**
 * The period (seconds, a multiple of 60) that makes [start, end) a single
 * datapoint. CloudWatch rounds a recent StartTime down to the minute, so the
 * period is measured from there, or the window's tail would spill into a
 * second period.
 */
function windowPeriodSeconds(start, end) {
    const roundedStart = Math.floor(start.getTime() / MINUTE_MS) * MINUTE_MS;
    const minutes = Math.ceil((end.getTime() - roundedStart) / MINUTE_MS);
    return Math.max(1, minutes) * 60;
}
function queryId(variantIndex, key) {
    return `v${variantIndex}_${key}`;
}
/** The queries for one request: a handful a variant, Ids indexed because variant names may hold hyphens. */
function metricQueries(request) {
    const statistics = statisticsFor(request.source ?? _invocation_metrics_js__WEBPACK_IMPORTED_MODULE_1__/* .REAL_TIME_MINUTES */ .lm);
    return request.variants.flatMap((variant, index) => statistics.map(({ key, metric, stat }) => ({
        Id: queryId(index, key),
        Label: `${variant} ${metric} ${stat}`,
        MetricStat: {
            Metric: { Namespace: NAMESPACE, MetricName: metric, Dimensions: seriesDimensions(request, variant) },
            Period: request.periodSeconds,
            Stat: stat
        },
        ReturnData: true
    })));
}
function seriesDimensions(request, series) {
    const fleet = request.fleets?.[series];
    if (fleet && 'component' in fleet)
        return [{ Name: 'InferenceComponentName', Value: fleet.component }];
    return [
        { Name: 'EndpointName', Value: request.endpointName },
        { Name: 'VariantName', Value: fleet?.variant ?? series },
        ...(fleet ? [{ Name: 'EndpointConfigName', Value: fleet.config }] : [])
    ];
}
/**
 * A period CloudWatch takes (1, 5, 10, 20, 30 s or a whole number of
 * minutes) that is a whole number of the published datapoints: a shorter one
 * would split a datapoint's requests from its own period, or show periods
 * empty that are not.
 */
function checkPeriod(periodSeconds, source) {
    const cloudWatchTakes = Number.isInteger(periodSeconds) &&
        (HIGH_RESOLUTION_PERIODS.includes(periodSeconds) || (periodSeconds >= 60 && periodSeconds % 60 === 0));
    if (!cloudWatchTakes) {
        throw new Error(`Metrics period must be 1, 5, 10, 20, 30 s or a whole number of minutes; got ${periodSeconds}s.`);
    }
    if (periodSeconds % source.periodSeconds !== 0) {
        throw new Error(`Metrics period ${periodSeconds}s is not a whole number of the endpoint's ${source.periodSeconds}s datapoints.`);
    }
}
/**
 * Reads every variant's invocations, 4XX and 5XX errors (and, for an
 * asynchronous endpoint, its failures) and ModelLatency (average and p99, in
 * ms) over [start, end). A variant with no traffic gets zero counts and no
 * latency. Pages are followed, though one page (100,800 datapoints) already
 * holds a day of one-minute periods for ten variants.
 */
async function fetchVariantMetrics(ctx, request) {
    const { endpointName, variants, start, end, periodSeconds } = request;
    const source = request.source ?? _invocation_metrics_js__WEBPACK_IMPORTED_MODULE_1__/* .REAL_TIME_MINUTES */ .lm;
    checkPeriod(periodSeconds, source);
    if (variants.length * statisticsFor(source).length > MAX_QUERIES) {
        throw new Error(`Cannot read metrics of ${variants.length} variants in one request.`);
    }
    const result = { start, end, periodSeconds, variants: [] };
    if (variants.length === 0)
        return result;
    const queries = metricQueries(request);
    const collected = new Map();
    const resource = `endpoint "${endpointName}" (${variants.join(', ')})`;
    const results = await (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .collectPages */ .VV)('GetMetricData', resource, (page) => ctx.clients.cloudwatch.send(new _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_2__/* .GetMetricDataCommand */ .Soe({
        MetricDataQueries: queries,
        StartTime: start,
        EndTime: end,
        ScanBy: 'TimestampAscending',
        ...page
    })), (page) => page.MetricDataResults);
    for (const series of results)
        collect(collected, series, resource);
    result.variants = variants.map((variant, index) => {
        const values = (key) => collected.get(queryId(index, key)) ?? new Map();
        return summarise(variant, {
            invocations: larger(values('invocations'), values('invocations_alt')),
            errors4xx: values('errors4xx'),
            errors5xx: values('errors5xx'),
            ...(source.asynchronous ? { failures: values('failures') } : {}),
            latencyAverage: values('latency_avg'),
            latencyP99: values('latency_p99')
        });
    });
    return result;
}
/** The totals of one variant in a result, without the series; zeros for a variant the result does not hold. */
function variantMetrics(result, variant) {
    const entry = result.variants.find((candidate) => candidate.variant === variant);
    if (!entry)
        return { variant, invocations: 0, errors4xx: 0, errors5xx: 0 };
    const { series: _series, ...totals } = entry;
    return totals;
}
function collect(collected, series, resource) {
    // Forbidden (no cloudwatch:GetMetricData on the metric) and InternalError
    // come back inside a successful response: counting them as "no traffic"
    // would pass every threshold.
    if (series.StatusCode === 'Forbidden' || series.StatusCode === 'InternalError') {
        const detail = (series.Messages ?? []).map((message) => message.Value ?? message.Code).join('; ');
        throw new _aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsCallError */ .iQ('GetMetricData', resource, series.StatusCode, detail || `no data for ${series.Label ?? series.Id}`);
    }
    const id = series.Id ?? '';
    const values = collected.get(id) ?? new Map();
    collected.set(id, values);
    const timestamps = series.Timestamps ?? [];
    timestamps.forEach((timestamp, index) => {
        const value = series.Values?.[index];
        if (value !== undefined && Number.isFinite(value))
            values.set(new Date(timestamp).getTime(), value);
    });
}
/** Two series of one count under two names, period by period the larger: only one is published. */
function larger(first, second) {
    const merged = new Map(first);
    for (const [at, value] of second)
        merged.set(at, Math.max(value, merged.get(at) ?? 0));
    return merged;
}
/**
 * Errors over invocations (5XX errors, or an asynchronous endpoint's
 * failures over the requests it processed). SageMaker counts a failed
 * request among its invocations; the larger of the two as denominator keeps
 * the rate within [0, 1] even where a period's counts disagree.
 */
function errorRate(invocations, errors5xx) {
    const requests = Math.max(invocations, errors5xx);
    return requests > 0 ? errors5xx / requests : undefined;
}
/** The errors a rate counts: an asynchronous endpoint's failures, else its 5XX errors. */
function countedErrors(metrics) {
    return metrics.failures ?? metrics.errors5xx;
}
function summarise(variant, raw) {
    const timestamps = [
        ...new Set(Object.values(raw).flatMap((values) => [...(values?.keys() ?? [])]))
    ].sort((a, b) => a - b);
    const series = timestamps.map((timestamp) => {
        const point = {
            timestamp: new Date(timestamp).toISOString(),
            invocations: raw.invocations.get(timestamp) ?? 0,
            errors4xx: raw.errors4xx.get(timestamp) ?? 0,
            errors5xx: raw.errors5xx.get(timestamp) ?? 0,
            ...(raw.failures ? { failures: raw.failures.get(timestamp) ?? 0 } : {})
        };
        const rate = errorRate(point.invocations, countedErrors(point));
        if (rate !== undefined)
            point.errorRate = rate;
        const average = raw.latencyAverage.get(timestamp);
        if (average !== undefined)
            point.latencyAverageMs = average / MICROSECONDS_PER_MS;
        const p99 = raw.latencyP99.get(timestamp);
        if (p99 !== undefined)
            point.latencyP99Ms = p99 / MICROSECONDS_PER_MS;
        return point;
    });
    const totals = {
        variant,
        invocations: sum(series.map((point) => point.invocations)),
        errors4xx: sum(series.map((point) => point.errors4xx)),
        errors5xx: sum(series.map((point) => point.errors5xx)),
        ...(raw.failures ? { failures: sum(series.map((point) => point.failures ?? 0)) } : {})
    };
    const rate = errorRate(totals.invocations, countedErrors(totals));
    if (rate !== undefined)
        totals.errorRate = rate;
    const average = weightedLatencyAverage(series);
    if (average !== undefined)
        totals.latencyAverageMs = average;
    const p99s = series.flatMap((point) => (point.latencyP99Ms === undefined ? [] : [point.latencyP99Ms]));
    // Percentiles of different periods cannot be combined; the worst period's is the honest bound.
    if (p99s.length > 0)
        totals.latencyP99Ms = Math.max(...p99s);
    return { ...totals, series };
}
/** Each period's average weighted by its invocations, so a quiet minute does not count as much as a busy one. */
function weightedLatencyAverage(series) {
    const withLatency = series.filter((point) => point.latencyAverageMs !== undefined);
    if (withLatency.length === 0)
        return undefined;
    const weight = sum(withLatency.map((point) => point.invocations));
    if (weight === 0)
        return sum(withLatency.map((point) => point.latencyAverageMs)) / withLatency.length;
    return sum(withLatency.map((point) => point.latencyAverageMs * point.invocations)) / weight;
}
function sum(values) {
    return values.reduce((total, value) => total + value, 0);
}


/***/ }),

/***/ 1796:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runMonitor: () => (/* binding */ runMonitor)
/* harmony export */ });
/* harmony import */ var _endpoint_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3150);
/* harmony import */ var _components_component_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5999);
/* harmony import */ var _alarms_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9333);
/* harmony import */ var _invocation_metrics_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9113);
/* harmony import */ var _metrics_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5670);
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
        source
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
                breaches.push(`${noun} "${metrics.variant}" error rate ${percent(metrics.errorRate)} (${(0,_invocation_metrics_js__WEBPACK_IMPORTED_MODULE_3__/* .errorsOf */ .Bp)(source, (0,_metrics_js__WEBPACK_IMPORTED_MODULE_4__/* .countedErrors */ .GJ)(metrics), metrics.invocations)}) is above max-error-rate ${percent(settings.maxErrorRate)}`);
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
/* harmony export */   pP: () => (/* binding */ waitForInService),
/* harmony export */   qC: () => (/* binding */ nextPollDelay),
/* harmony export */   we: () => (/* binding */ waitUntilUpdatable)
/* harmony export */ });
/* unused harmony export timeLeft */
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
    const { clock, endpointName } = ctx;
    const started = clock.now();
    const deadline = started + timeoutMs;
    let lastStatus = '';
    let lastLogAt = started;
    let delay = 0;
    for (;;) {
        const endpoint = await (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_1__/* .findEndpoint */ .vS)(ctx, endpointName);
        const status = endpoint?.EndpointStatus ?? 'Deleted';
        const elapsed = clock.now() - started;
        if (status !== lastStatus || clock.now() - lastLogAt >= PROGRESS_EVERY_MS) {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Endpoint "${endpointName}" is ${status} (${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(elapsed)} into ${purpose}${timeLeft(status, elapsed, expectedMs)})${status === lastStatus ? ', still waiting' : ''}`);
            lastStatus = status;
            lastLogAt = clock.now();
        }
        if (!endpoint || !_endpoint_js__WEBPACK_IMPORTED_MODULE_1__/* .TRANSITIONAL_STATUSES */ .kQ.includes(status))
            return endpoint;
        delay = nextPollDelay(elapsed, delay);
        // Work that must go on during the transition (judging SageMaker's deployment) says when it is next due.
        const dueInMs = whileWaiting ? await whileWaiting(endpoint) : Infinity;
        delay = Math.max(0, Math.min(delay, dueInMs));
        if (clock.now() + delay > deadline) {
            throw new WaitTimeoutError(`Endpoint "${endpointName}" was still ${status} after ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(timeoutMs)} (input "timeout") waiting for ${purpose}. SageMaker carries on with it; nothing more was changed.`);
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
        throw new EndpointStateError(`Endpoint "${endpointName}" is ${settled.EndpointStatus} and cannot be updated.${settled.FailureReason ? ` FailureReason: ${settled.FailureReason}` : ''}`, settled);
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
