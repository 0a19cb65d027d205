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
/* harmony import */ var _alarms_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9333);
/* harmony import */ var _invocation_metrics_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9113);
/* harmony import */ var _metrics_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5670);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2828);





async function runMonitor(ctx, settings) {
    const endpoint = await (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_0__/* .getEndpoint */ .yP)(ctx);
    const config = await (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_0__/* .reportEndpoint */ .Us)(ctx, endpoint);
    const source = (0,_invocation_metrics_js__WEBPACK_IMPORTED_MODULE_2__/* .metricsSourceOf */ .er)(config);
    const status = endpoint.EndpointStatus ?? 'Unknown';
    const variants = (endpoint.ProductionVariants ?? []).map((variant) => variant.VariantName ?? '');
    const alarms = await (0,_alarms_js__WEBPACK_IMPORTED_MODULE_1__/* .describeAlarmStates */ .j)(ctx, settings.alarmNames);
    (0,_alarms_js__WEBPACK_IMPORTED_MODULE_1__/* .refuseAlarmsOnUnpublishedMetrics */ .G)(ctx.endpointName, config, alarms);
    const periodSeconds = readablePeriod(ctx, settings.periodSeconds, source);
    const { start, end } = (0,_metrics_js__WEBPACK_IMPORTED_MODULE_3__/* .alignedWindow */ .p1)(ctx.clock.now(), settings.windowMs, periodSeconds);
    const metrics = await (0,_metrics_js__WEBPACK_IMPORTED_MODULE_3__/* .fetchVariantMetrics */ .pA)(ctx, {
        endpointName: ctx.endpointName,
        variants,
        start,
        end,
        periodSeconds,
        source
    });
    ctx.report.metrics = {
        window: (0,_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .formatDuration */ .a3)(settings.windowMs),
        period: (0,_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .formatDuration */ .a3)(periodSeconds * 1000),
        variants: metrics.variants.map((entry) => (0,_metrics_js__WEBPACK_IMPORTED_MODULE_3__/* .variantMetrics */ .NJ)(metrics, entry.variant))
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
    problems.push(...thresholdBreaches(metrics.variants, settings, source));
    for (const alarm of alarms.filter((candidate) => candidate.state === 'ALARM')) {
        problems.push(`alarm "${alarm.name}" is in ALARM${alarm.reason ? ` (${shorten(alarm.reason)})` : ''}`);
    }
    const judged = settings.maxErrorRate !== undefined || settings.maxLatencyP99Ms !== undefined;
    if (judged && metrics.variants.every((entry) => entry.invocations === 0)) {
        ctx.note(`No ${source.asynchronous ? 'processed invocations' : 'invocations'} in the last ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .formatDuration */ .a3)(settings.windowMs)}: max-error-rate and max-latency-p99 had nothing to judge.`);
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
/**
 * metrics-period, or the least whole number of the endpoint's datapoints above it: five-minute datapoints read a
 * minute at a time would show four minutes in five empty.
 */
function readablePeriod(ctx, periodSeconds, source) {
    if (periodSeconds % source.periodSeconds === 0)
        return periodSeconds;
    const readable = Math.ceil(periodSeconds / source.periodSeconds) * source.periodSeconds;
    ctx.note(`Endpoint "${ctx.endpointName}" publishes its invocation metrics every ${source.periodSeconds} s (its MetricsConfig), so they are read in periods of ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .formatDuration */ .a3)(readable * 1000)} rather than metrics-period ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .formatDuration */ .a3)(periodSeconds * 1000)}.`);
    return readable;
}
/** Every variant is judged, not only the newest: any one serving badly hurts callers. */
function thresholdBreaches(variants, settings, source) {
    const breaches = [];
    for (const metrics of variants) {
        if (settings.maxErrorRate !== undefined && metrics.errorRate !== undefined) {
            if (metrics.errorRate > settings.maxErrorRate) {
                breaches.push(`variant "${metrics.variant}" error rate ${percent(metrics.errorRate)} (${(0,_invocation_metrics_js__WEBPACK_IMPORTED_MODULE_2__/* .errorsOf */ .Bp)(source, (0,_metrics_js__WEBPACK_IMPORTED_MODULE_3__/* .countedErrors */ .GJ)(metrics), metrics.invocations)}) is above max-error-rate ${percent(settings.maxErrorRate)}`);
            }
        }
        if (settings.maxLatencyP99Ms !== undefined && metrics.latencyP99Ms !== undefined) {
            if (metrics.latencyP99Ms > settings.maxLatencyP99Ms) {
                breaches.push(`variant "${metrics.variant}" p99 model latency ${metrics.latencyP99Ms.toFixed(1)} ms is above max-latency-p99 ${settings.maxLatencyP99Ms} ms`);
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


/***/ })

};
