export const id = 981;
export const ids = [981];
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

/***/ 4932:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DK: () => (/* binding */ medianLatency),
/* harmony export */   Hy: () => (/* binding */ refuseProbesOnAsynchronous),
/* harmony export */   QT: () => (/* binding */ sendProbes),
/* harmony export */   wR: () => (/* binding */ refuseProbeTargetMismatch)
/* harmony export */ });
/* unused harmony exports DETAIL_MAX_CHARS, shortDetail */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _aws_sdk_client_sagemaker_runtime__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9636);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9378);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2828);
/**
 * Synthetic invocations: the only check that sees what a caller sees, where
 * metrics need real traffic and lag by minutes.
 *
 * Probes are reads as far as the dry run goes: an invocation changes no AWS
 * resource, so they are sent in a dry run too (a health check that skipped
 * them would tell nothing). They do run the model, so a model with side
 * effects of its own should be given a payload it treats as a no-op.
 *
 * The payload may hold real data: no record, log line or summary ever shows
 * it, and a model that echoes it back has the echo masked.
 */




/** Long enough to recognise an answer, short enough for a table cell. */
const DETAIL_MAX_CHARS = 120;
/** Shorter payloads ({} or 1) are too common in ordinary answers to mask without mangling them. */
const MIN_MASKED_PAYLOAD_CHARS = 4;
const PAYLOAD_MASK = '«payload»';
/**
 * Refuses probes on an asynchronous endpoint (one whose config has an
 * AsyncInferenceConfig), before anything is sent or changed. Probes call
 * InvokeEndpoint, which answers real-time endpoints; an asynchronous one is
 * invoked with InvokeEndpointAsync
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/async-inference-invoke-endpoint.html)
 * and refuses InvokeEndpoint with a ValidationError
 * (https://github.com/strands-agents/harness-sdk/issues/1969). Every probe
 * would fail and roll back a healthy model, or mark a healthy endpoint
 * unhealthy.
 */
function refuseProbesOnAsynchronous(endpointName, config, instead) {
    if (!config?.AsyncInferenceConfig)
        return;
    throw new Error(`Input "probe-payload": endpoint "${endpointName}" is asynchronous (its config "${config.EndpointConfigName}" has an AsyncInferenceConfig), and probes call InvokeEndpoint, which SageMaker answers only on real-time endpoints; nothing was changed. ${instead}`);
}
/**
 * Refuses probes that every answer would fail, before anything is sent or
 * changed. A multi-model endpoint answers only a request that names the model
 * to load (TargetModel), and a single-model endpoint refuses one that does:
 * "Endpoint ... is not a multi-model endpoint and does not support target
 * model header" (https://github.com/aws/amazon-sagemaker-examples/issues/1026;
 * https://docs.aws.amazon.com/sagemaker/latest/dg/invoke-multi-model-endpoint.html).
 */
function refuseProbeTargetMismatch(models, targetModel) {
    const multiModel = models.filter((model) => model.multiModel).map((model) => `"${model.name}"`);
    if (targetModel === undefined && multiModel.length > 0) {
        throw new _parse_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('probe-target-model', `is required: model ${multiModel.join(', ')} serves in MultiModel mode, and SageMaker answers a multi-model endpoint only for a named model; nothing was changed. Set it to a model under the prefix, such as model-a.tar.gz`);
    }
    if (targetModel !== undefined && multiModel.length === 0) {
        throw new _parse_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('probe-target-model', 'is for multi-model endpoints, and this one serves a single model: SageMaker refuses a TargetModel there; nothing was changed. Leave it empty');
    }
}
/**
 * Sends `probe.count` invocations one after another and records each. A
 * failure (an error answer, a throttle that outlasted the client's retries, a
 * slow answer) is a record with `ok: false`, never an exception: the caller
 * decides what failed probes mean.
 */
async function sendProbes(ctx, probe, options = {}) {
    const body = new TextEncoder().encode(probe.payload);
    const target = options.targetVariant ? ` to variant "${options.targetVariant}"` : '';
    const records = [];
    for (let index = 1; index <= probe.count; index++) {
        const record = await sendProbe(ctx, probe, body, options);
        records.push(record);
        const status = record.statusCode === undefined ? '' : `, HTTP ${record.statusCode}`;
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Probe ${index}/${probe.count}${target}: ${record.ok ? 'ok' : 'failed'} in ${Math.round(record.latencyMs)} ms${status}: ${record.detail}`);
    }
    return records;
}
async function sendProbe(ctx, probe, body, options) {
    const started = ctx.clock.now();
    try {
        const response = await ctx.clients.runtime.send(new _aws_sdk_client_sagemaker_runtime__WEBPACK_IMPORTED_MODULE_3__/* .InvokeEndpointCommand */ .Pn({
            EndpointName: ctx.endpointName,
            Body: body,
            ContentType: probe.contentType,
            ...(options.targetVariant ? { TargetVariant: options.targetVariant } : {}),
            ...(probe.targetModel !== undefined ? { TargetModel: probe.targetModel } : {})
        }));
        const latencyMs = answerLatency(ctx.clock.now() - started, response);
        const statusCode = response.$metadata?.httpStatusCode ?? 200;
        const variant = response.InvokedProductionVariant ?? options.targetVariant;
        const answer = describeBody(response.Body, response.ContentType);
        const record = {
            ...(variant ? { variant } : {}),
            ok: statusCode >= 200 && statusCode < 300,
            latencyMs,
            statusCode,
            detail: answer
        };
        if (record.ok && options.maxLatencyMs !== undefined && latencyMs > options.maxLatencyMs) {
            record.ok = false;
            record.detail = `slower than ${options.maxLatencyMs} ms: ${answer}`;
        }
        record.detail = shortDetail(record.detail, probe.payload);
        return record;
    }
    catch (error) {
        const latencyMs = answerLatency(ctx.clock.now() - started, error);
        const statusCode = failureStatus(error);
        return {
            ...(options.targetVariant ? { variant: options.targetVariant } : {}),
            ok: false,
            latencyMs,
            ...(statusCode === undefined ? {} : { statusCode }),
            detail: shortDetail(`${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorCode */ .CA)(error)}: ${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}`, probe.payload)
        };
    }
}
/**
 * The time the answer took, without the SDK's backoff between retries of a
 * throttled request: a throttle is not a slow model, and probe-max-latency
 * judges the model.
 */
function answerLatency(elapsedMs, result) {
    const retryDelay = result?.$metadata?.totalRetryDelay;
    return typeof retryDelay === 'number' ? Math.max(0, elapsedMs - retryDelay) : elapsedMs;
}
/** A ModelError carries the model's own status; anything else, the HTTP status of SageMaker's answer. */
function failureStatus(error) {
    if (!error || typeof error !== 'object')
        return undefined;
    const { OriginalStatusCode, $metadata } = error;
    if (typeof OriginalStatusCode === 'number')
        return OriginalStatusCode;
    return typeof $metadata?.httpStatusCode === 'number' ? $metadata.httpStatusCode : undefined;
}
function describeBody(body, contentType) {
    if (!body || body.byteLength === 0)
        return '(empty response)';
    const text = new TextDecoder().decode(body);
    // An image or tensor answer would be noise in a log line: say what it was instead.
    if (/[\uFFFD\u0000-\u0008\u000e-\u001f]/.test(text)) {
        return `(${body.byteLength} bytes${contentType ? ` of ${contentType}` : ''})`;
    }
    return text;
}
/** One line of at most DETAIL_MAX_CHARS characters, with any echo of the payload masked. */
function shortDetail(text, payload) {
    const flatten = (value) => value.replace(/\s+/g, ' ').trim();
    const shapes = new Set([payload, payload.trim(), flatten(payload), compactJson(payload)]);
    const masks = [...shapes].filter((shape) => shape !== undefined && shape.length >= MIN_MASKED_PAYLOAD_CHARS);
    // Longest first, so a shorter form never leaves part of a longer one behind.
    masks.sort((a, b) => b.length - a.length);
    let masked = text;
    for (const shape of masks)
        masked = masked.split(shape).join(PAYLOAD_MASK);
    masked = flatten(masked);
    for (const shape of masks.map(flatten)) {
        if (shape.length >= MIN_MASKED_PAYLOAD_CHARS)
            masked = masked.split(shape).join(PAYLOAD_MASK);
    }
    return masked.length > DETAIL_MAX_CHARS ? `${masked.slice(0, DETAIL_MAX_CHARS - 1)}…` : masked;
}
function compactJson(payload) {
    try {
        return JSON.stringify(JSON.parse(payload));
    }
    catch {
        return undefined;
    }
}
/** The median latency of the probes (every probe, failed ones too); undefined for none. */
function medianLatency(records) {
    if (records.length === 0)
        return undefined;
    const sorted = records.map((record) => record.latencyMs).sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1
        ? sorted[middle]
        : (sorted[middle - 1] + sorted[middle]) / 2;
}


/***/ }),

/***/ 8411:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  AU: () => (/* binding */ StepJudge),
  yg: () => (/* binding */ describeGates),
  l9: () => (/* binding */ formatPercent),
  x0: () => (/* binding */ hasGates),
  rw: () => (/* binding */ needsTraffic)
});

// EXTERNAL MODULE: ./src/invocation-metrics.ts
var invocation_metrics = __webpack_require__(9113);
// EXTERNAL MODULE: ./src/alarms.ts
var alarms = __webpack_require__(9333);
// EXTERNAL MODULE: ./src/metrics.ts
var metrics = __webpack_require__(5670);
// EXTERNAL MODULE: ./src/rollout/periods.ts
var rollout_periods = __webpack_require__(215);
// EXTERNAL MODULE: ./src/probes.ts
var src_probes = __webpack_require__(4932);
;// CONCATENATED MODULE: ./src/rollout/statistics.ts
/**
 * The statistics behind the baseline comparisons (max-error-rate-increase,
 * max-latency-p99-increase). Each comparison has three answers: the data shows
 * the new variant worse than the margin (failed), shows it within the margin
 * (passed), or cannot tell yet (inconclusive). A canary judged on a handful of
 * requests must come out inconclusive, not passed.
 *
 * - Error rates are counts: the difference of two proportions, bounded with
 *   Newcombe's hybrid score interval (method 10 in Newcombe, "Interval
 *   estimation for the difference between independent proportions", Statistics
 *   in Medicine 17, 1998). It is built from Wilson score intervals, so it stays
 *   honest at zero errors and at small counts, where the textbook Wald interval
 *   claims certainty it does not have.
 * - Latency comes as one p99 per minute: no distribution to pool, a few values
 *   that are far from normal. The Mann-Whitney U test compares them by rank
 *   alone (as Netflix's Kayenta canary judge does), exactly for small samples
 *   and with the normal approximation and a tie correction beyond.
 */
/** Φ⁻¹(p): Acklam's rational approximation, relative error below 1.2e-9 over (0, 1). */
function normalQuantile(p) {
    if (!(p > 0 && p < 1))
        throw new Error(`normalQuantile needs 0 < p < 1; got ${p}`);
    const a = [
        -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239
    ];
    const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
    const c = [
        -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
        2.938163982698783
    ];
    const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
    const low = 0.02425;
    const [a0, a1, a2, a3, a4, a5] = a;
    const [b0, b1, b2, b3, b4] = b;
    const [c0, c1, c2, c3, c4, c5] = c;
    const [d0, d1, d2, d3] = d;
    if (p < low) {
        const q = Math.sqrt(-2 * Math.log(p));
        return (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
    }
    if (p > 1 - low)
        return -normalQuantile(1 - p);
    const q = p - 0.5;
    const r = q * q;
    return (((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) /
        (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1));
}
/** Φ(x), from the complementary error function (Numerical Recipes' erfc, fractional error below 1.2e-7). */
function normalCdf(x) {
    const z = Math.abs(x) / Math.SQRT2;
    const t = 1 / (1 + 0.5 * z);
    const erfc = t *
        Math.exp(-z * z -
            1.26551223 +
            t *
                (1.00002368 +
                    t *
                        (0.37409196 +
                            t *
                                (0.09678418 +
                                    t *
                                        (-0.18628806 +
                                            t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
    return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}
/** Wilson's score interval for a proportion of `successes` in `trials`, at the normal quantile `z`. */
function wilsonInterval(successes, trials, z) {
    if (trials <= 0)
        return [0, 1];
    const p = successes / trials;
    const z2 = z * z;
    const denominator = 1 + z2 / trials;
    const centre = (p + z2 / (2 * trials)) / denominator;
    const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
    return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
/**
 * Is the new variant's error rate more than `margin` above the baseline's?
 * Failed when even the difference's lower bound exceeds the margin, passed
 * when its upper bound does not, inconclusive in between.
 */
function compareErrorRates(input) {
    const { newErrors, newRequests, baselineErrors, baselineRequests, margin, confidence } = input;
    const newRate = newRequests > 0 ? newErrors / newRequests : 0;
    const baselineRate = baselineRequests > 0 ? baselineErrors / baselineRequests : 0;
    if (newRequests <= 0 || baselineRequests <= 0) {
        return { verdict: 'inconclusive', newRate, baselineRate, lower: -1, upper: 1 };
    }
    const z = normalQuantile(confidence);
    const [newLow, newHigh] = wilsonInterval(newErrors, newRequests, z);
    const [baseLow, baseHigh] = wilsonInterval(baselineErrors, baselineRequests, z);
    const difference = newRate - baselineRate;
    const lower = difference - Math.sqrt((newRate - newLow) ** 2 + (baseHigh - baselineRate) ** 2);
    const upper = difference + Math.sqrt((newHigh - newRate) ** 2 + (baselineRate - baseLow) ** 2);
    const verdict = lower > margin ? 'failed' : upper <= margin ? 'passed' : 'inconclusive';
    return { verdict, newRate, baselineRate, lower, upper };
}
/** Samples this small get the exact null distribution (no ties); larger ones the normal approximation. */
const EXACT_LIMIT = 30;
/** The Mann-Whitney U test of sample `x` against sample `y`, one-sided both ways. */
function mannWhitney(x, y) {
    const n = x.length;
    const m = y.length;
    if (n === 0 || m === 0)
        return { u: 0, pGreater: 1, pLess: 1 };
    let u = 0;
    let ties = false;
    for (const a of x) {
        for (const b of y) {
            if (a > b)
                u += 1;
            else if (a === b) {
                u += 0.5;
                ties = true;
            }
        }
    }
    if (!ties && n <= EXACT_LIMIT && m <= EXACT_LIMIT) {
        const counts = exactUDistribution(n, m);
        const total = counts.reduce((sum, count) => sum + count, 0);
        const tail = (from, to) => {
            let sum = 0;
            for (let k = from; k <= to; k++)
                sum += counts[k] ?? 0;
            return sum / total;
        };
        return { u, pGreater: tail(u, n * m), pLess: tail(0, u) };
    }
    const mean = (n * m) / 2;
    const ranks = rankWithTies([...x, ...y]);
    const tieTerm = ranks.tieGroups.reduce((sum, size) => sum + (size ** 3 - size), 0);
    const variance = ((n * m) / 12) * (n + m + 1 - tieTerm / ((n + m) * (n + m - 1)));
    if (variance <= 0)
        return { u, pGreater: 1, pLess: 1 };
    const sd = Math.sqrt(variance);
    // Continuity correction: U moves in steps of a half or one.
    return { u, pGreater: 1 - normalCdf((u - mean - 0.5) / sd), pLess: normalCdf((u - mean + 0.5) / sd) };
}
/** How many arrangements of n and m values give each U, from 0 to n·m (the classic recurrence). */
function exactUDistribution(n, m) {
    // ways[i][j][u]: arrangements of i x-values and j y-values with statistic u.
    let previous = Array.from({ length: m + 1 }, () => [1]);
    for (let i = 1; i <= n; i++) {
        const current = [Array.from({ length: 1 }, () => 1)];
        for (let j = 1; j <= m; j++) {
            const size = i * j + 1;
            const row = new Array(size).fill(0);
            // The largest value is an x (beating all j y-values) or a y (beating nothing new).
            const withX = previous[j] ?? [];
            const withY = current[j - 1] ?? [];
            for (let k = 0; k < size; k++)
                row[k] = (k - j >= 0 ? (withX[k - j] ?? 0) : 0) + (withY[k] ?? 0);
            current.push(row);
        }
        previous = current;
    }
    return previous[m] ?? [1];
}
function rankWithTies(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const tieGroups = [];
    for (let i = 0; i < sorted.length;) {
        let j = i;
        while (j + 1 < sorted.length && sorted[j + 1] === sorted[i])
            j++;
        if (j > i)
            tieGroups.push(j - i + 1);
        i = j + 1;
    }
    return { tieGroups };
}
/**
 * Is the new variant's p99 more than `margin` (0.2 for 20%) above the
 * baseline's? Each baseline minute's p99 is raised by the margin, then the
 * rank test asks whether the new minutes sit above those (failed) or below
 * them (passed). Logarithms keep the margin a ratio.
 */
function compareLatency(input) {
    const { newP99Ms, baselineP99Ms, margin, confidence } = input;
    const newMedianMs = median(newP99Ms);
    const baselineMedianMs = median(baselineP99Ms);
    const positive = (values) => values.filter((value) => value > 0);
    const x = positive(newP99Ms).map(Math.log);
    const y = positive(baselineP99Ms).map((value) => Math.log(value) + Math.log(1 + margin));
    const test = mannWhitney(x, y);
    // Strictly below, and clear of rounding: the most extreme of 20 orderings (p = 0.05) does not make 95%.
    const alpha = 1 - confidence - 1e-9;
    const verdict = test.pGreater < alpha ? 'failed' : test.pLess < alpha ? 'passed' : 'inconclusive';
    return { verdict, newMedianMs, baselineMedianMs, pWorse: test.pGreater, pWithin: test.pLess };
}
function median(values) {
    if (values.length === 0)
        return NaN;
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1
        ? sorted[middle]
        : (sorted[middle - 1] + sorted[middle]) / 2;
}

;// CONCATENATED MODULE: ./src/rollout/gates.ts






function hasGates(gates) {
    return gates.alarmNames.length > 0 || gates.probe !== undefined || hasMetricGates(gates);
}
function hasMetricGates(gates) {
    return (gates.maxErrorRate !== undefined ||
        gates.maxLatencyP99Ms !== undefined ||
        gates.minInvocations > 0 ||
        hasBaselineGates(gates));
}
function hasBaselineGates(gates) {
    return gates.maxErrorRateIncrease !== undefined || gates.maxLatencyP99Increase !== undefined;
}
/**
 * Gates that say nothing unless the new variant took traffic: the metric
 * gates, and alarms too, since an alarm stays OK on a variant nobody calls.
 * Probes are traffic of their own.
 */
function needsTraffic(gates) {
    return gates.alarmNames.length > 0 || hasMetricGates(gates);
}
/** The gates and their thresholds in words, for the summary and the dry-run plan. */
function describeGates(gates, source) {
    const percent = (fraction) => `${+(fraction * 100).toFixed(3)}%`;
    const rate = source ? (0,invocation_metrics/* errorRateWords */.sV)(source) : '5XX rate';
    const lines = [];
    if (gates.alarmNames.length > 0)
        lines.push(`alarm-names: ${gates.alarmNames.join(', ')} must not be in ALARM`);
    if (gates.maxErrorRate !== undefined)
        lines.push(`max-error-rate: ${rate} at most ${percent(gates.maxErrorRate)}`);
    if (gates.maxLatencyP99Ms !== undefined)
        lines.push(`max-latency-p99: p99 at most ${gates.maxLatencyP99Ms} ms`);
    if (gates.minInvocations > 0) {
        lines.push(`min-invocations: at least ${gates.minInvocations} invocations before a window is judged`);
    }
    if (gates.maxErrorRateIncrease !== undefined) {
        lines.push(`max-error-rate-increase: ${rate} at most ${percent(gates.maxErrorRateIncrease)} points above the serving variants' (at ${percent(gates.confidence)} confidence)`);
    }
    if (gates.maxLatencyP99Increase !== undefined) {
        lines.push(`max-latency-p99-increase: p99 at most ${percent(gates.maxLatencyP99Increase)} above the serving variants' (at ${percent(gates.confidence)} confidence)`);
    }
    if (gates.probe)
        lines.push(`probes: ${gates.probe.count} to the new variant at every evaluation, all must succeed`);
    return lines;
}
/**
 * Judges one step, evaluation after evaluation. Each evaluation judges the
 * periods published since the last conclusive one; a window with too few
 * invocations stays open and grows until it can be judged. The baseline
 * comparisons use every period of the step, which only ever adds evidence.
 */
class StepJudge {
    ctx;
    gates;
    scope;
    /** Periods before this one have been judged. */
    judgedThrough;
    /** The baseline periods this step has seen so far, for the steps after it. */
    baselineSeen = [];
    /**
     * Set while the open window's error rate is above max-error-rate on too few
     * requests to decide: a step must not pass on the periods before it.
     */
    leaningToFailure;
    constructor(ctx, gates, scope) {
        this.ctx = ctx;
        this.gates = gates;
        this.scope = scope;
        this.judgedThrough = scope.firstPeriod;
    }
    /** How long one period is, in milliseconds. */
    get periodMs() {
        return (0,rollout_periods/* periodMsOf */.J8)(this.scope.source);
    }
    async evaluate() {
        const { ctx, gates, scope } = this;
        const evaluation = {
            at: ctx.clock.now(),
            verdict: 'passed',
            failures: [],
            inconclusive: [],
            alarmsInAlarm: []
        };
        if (gates.probe) {
            const probes = await (0,src_probes/* sendProbes */.QT)(ctx, gates.probe, { targetVariant: scope.newVariant });
            evaluation.probesSent = probes.length;
            evaluation.probesPassed = probes.filter((probe) => probe.ok).length;
            const failed = probes.find((probe) => !probe.ok);
            if (failed)
                evaluation.failures.push(`probe to ${scope.newVariant} failed: ${failed.detail}`);
        }
        if (gates.alarmNames.length > 0) {
            const states = await (0,alarms/* describeAlarmStates */.j)(ctx, gates.alarmNames);
            evaluation.alarmsChecked = states.length;
            evaluation.alarmsInAlarm = states.filter((alarm) => alarm.state === 'ALARM').map((alarm) => alarm.name);
            if (evaluation.alarmsInAlarm.length > 0) {
                evaluation.failures.push(`alarm ${evaluation.alarmsInAlarm.join(', ')} in ALARM`);
            }
        }
        if (needsTraffic(gates))
            await this.judgeMetrics(evaluation);
        evaluation.verdict =
            evaluation.failures.length > 0 ? 'failed' : evaluation.inconclusive.length > 0 ? 'inconclusive' : 'passed';
        return evaluation;
    }
    async judgeMetrics(evaluation) {
        const { ctx, gates, scope, periodMs } = this;
        const period = (0,invocation_metrics/* periodWords */.Hj)(scope.source);
        const closedUntil = (0,rollout_periods/* floorPeriod */.eG)(evaluation.at, periodMs);
        if (closedUntil <= this.judgedThrough) {
            evaluation.inconclusive.push(closedUntil <= scope.firstPeriod
                ? `no ${period} of this step has closed yet (the first closes at ${(0,rollout_periods/* clockTime */.qo)(scope.firstPeriod + periodMs, periodMs)} UTC)`
                : `no ${period} has closed since ${(0,rollout_periods/* clockTime */.qo)(this.judgedThrough, periodMs)} UTC, the last one judged`);
            return;
        }
        const result = await (0,metrics/* fetchVariantMetrics */.pA)(ctx, {
            endpointName: ctx.endpointName,
            variants: [scope.newVariant, ...scope.baselineVariants],
            start: new Date(scope.firstPeriod),
            end: new Date(closedUntil),
            periodSeconds: scope.source.periodSeconds,
            source: scope.source,
            ...(scope.fleets ? { fleets: scope.fleets } : {})
        });
        const newPeriods = (0,rollout_periods/* periodsOf */.qC)(result, [scope.newVariant]);
        const baselinePeriods = (0,rollout_periods/* periodsOf */.qC)(result, scope.baselineVariants);
        this.baselineSeen = baselinePeriods;
        const fresh = newPeriods.filter((figures) => figures.start >= this.judgedThrough);
        if (fresh.length === 0) {
            evaluation.inconclusive.push(this.waitingReason(baselinePeriods, closedUntil));
            return;
        }
        const from = this.judgedThrough;
        const to = Math.max(...fresh.map((figures) => figures.start)) + periodMs;
        evaluation.window = { from, to };
        const totals = (0,rollout_periods/* totalOf */.e6)(fresh);
        evaluation.invocations = totals.invocations;
        if (totals.invocations > 0)
            evaluation.errorRate = totals.errors / totals.invocations;
        const p99s = fresh.map((figures) => figures.latencyP99Ms);
        // A p99 cannot be pooled across periods: the worst period's is the honest bound.
        if (p99s.every((value) => value !== undefined))
            evaluation.latencyP99Ms = Math.max(...p99s);
        const span = `${(0,rollout_periods/* clockTime */.qo)(from, periodMs)}–${(0,rollout_periods/* clockTime */.qo)(to, periodMs)} UTC`;
        const errorRate = this.judgeErrorRate(evaluation, totals, span);
        let conclusive = errorRate !== 'undecided';
        if (totals.invocations < Math.max(1, gates.minInvocations)) {
            if (errorRate === 'within') {
                conclusive = false;
                evaluation.inconclusive.push(`${totals.invocations} ${invocationsWord(scope.source)} of ${scope.newVariant} in ${span}, fewer than min-invocations ${gates.minInvocations}: too few to decide`);
            }
        }
        else if (gates.maxLatencyP99Ms !== undefined) {
            if (evaluation.latencyP99Ms === undefined) {
                conclusive = false;
                evaluation.inconclusive.push(`CloudWatch has no p99 ModelLatency for ${span} although there were invocations`);
            }
            else if (evaluation.latencyP99Ms > gates.maxLatencyP99Ms) {
                evaluation.failures.push(`p99 latency ${Math.round(evaluation.latencyP99Ms)} ms in ${span} above max-latency-p99 ${gates.maxLatencyP99Ms} ms`);
            }
        }
        if (hasBaselineGates(gates))
            this.compareWithBaseline(evaluation, newPeriods, baselinePeriods);
        if (conclusive)
            this.judgedThrough = to;
    }
    /**
     * max-error-rate on the window's requests. A rate measured above the limit
     * fails only when the evidence says so: when even the lower bound of its
     * Wilson interval, one-sided at `confidence`, is above the limit. A step's
     * first minute is partial, and a healthy model's one error in a dozen
     * requests is 8%; called a failure, it rolled back healthy canaries (1 to 3
     * runs in 10 in the benchmark). So that window is undecided: it stays open
     * and grows with the next minutes until the rate falls within the limit or
     * the bound rises above it. No count of requests is too few to call a model
     * broken, so a clear failure never waits for min-invocations.
     */
    judgeErrorRate(evaluation, totals, span) {
        const { gates } = this;
        const rate = evaluation.errorRate;
        this.leaningToFailure = undefined;
        if (gates.maxErrorRate === undefined || rate === undefined || rate <= gates.maxErrorRate)
            return 'within';
        const [lower] = wilsonInterval(totals.errors, totals.invocations, normalQuantile(gates.confidence));
        const counts = (0,invocation_metrics/* errorsOf */.Bp)(this.scope.source, totals.errors, totals.invocations);
        const measured = `error rate ${formatPercent(rate)} (${counts}) in ${span}`;
        const bound = `the ${formatPercent(gates.confidence)} lower bound, ${formatPercent(lower)}`;
        if (lower > gates.maxErrorRate) {
            evaluation.failures.push(`${measured} above max-error-rate ${formatPercent(gates.maxErrorRate)}, and so is ${bound}`);
            return 'failed';
        }
        this.leaningToFailure = `${measured} is above max-error-rate ${formatPercent(gates.maxErrorRate)}, but ${bound}, is not: too few invocations to decide`;
        evaluation.inconclusive.push(`${this.leaningToFailure}; the window stays open for the next ${(0,invocation_metrics/* periodWords */.Hj)(this.scope.source)}s`);
        return 'undecided';
    }
    /** Why there is nothing new to judge: not published yet, or published without traffic to the new variant. */
    waitingReason(baselinePeriods, closedUntil) {
        const { scope } = this;
        const published = baselinePeriods.filter((figures) => figures.start >= this.judgedThrough);
        if (published.length > 0) {
            const last = Math.max(...published.map((figures) => figures.start)) + this.periodMs;
            return `no ${invocationsWord(scope.source)} of ${scope.newVariant} in ${(0,rollout_periods/* clockTime */.qo)(this.judgedThrough, this.periodMs)}–${(0,rollout_periods/* clockTime */.qo)(last, this.periodMs)} UTC, which CloudWatch has published for the serving variants`;
        }
        return `waiting for CloudWatch: ${(0,rollout_periods/* clockTime */.qo)(this.judgedThrough, this.periodMs)}–${(0,rollout_periods/* clockTime */.qo)(closedUntil, this.periodMs)} UTC has closed but is not published yet (SageMaker publishes a ${(0,invocation_metrics/* periodWords */.Hj)(scope.source)} one to three minutes after it closes)`;
    }
    /**
     * The new variant against the serving variants over the same periods, or,
     * when the serving variants take no traffic (the last step), against their
     * periods from the earlier steps.
     */
    compareWithBaseline(evaluation, newPeriods, baselinePeriods) {
        const { gates, scope } = this;
        const periods = `${(0,invocation_metrics/* periodWords */.Hj)(scope.source)}s`;
        const serving = new Map(baselinePeriods.filter((p) => p.invocations > 0).map((p) => [p.start, p]));
        const samePeriods = scope.baselineServes;
        const compared = samePeriods ? newPeriods.filter((figures) => serving.has(figures.start)) : newPeriods;
        const baseline = samePeriods
            ? compared.map((figures) => serving.get(figures.start))
            : [...scope.earlierBaseline, ...serving.values()].filter((figures) => figures.invocations > 0);
        const against = samePeriods
            ? `over the same ${periods}`
            : 'from the earlier steps (the serving variants take no traffic now)';
        const newTotals = (0,rollout_periods/* totalOf */.e6)(compared);
        const baseTotals = (0,rollout_periods/* totalOf */.e6)(baseline);
        const figures = { invocations: baseTotals.invocations };
        if (baseTotals.invocations > 0)
            figures.errorRate = baseTotals.errors / baseTotals.invocations;
        const baselineP99s = baseline.flatMap((p) => (p.latencyP99Ms === undefined ? [] : [p.latencyP99Ms]));
        if (baselineP99s.length > 0)
            figures.latencyP99Ms = Math.max(...baselineP99s);
        evaluation.baseline = figures;
        const comparisons = [];
        const confidence = formatPercent(gates.confidence);
        if (gates.maxErrorRateIncrease !== undefined) {
            const test = compareErrorRates({
                newErrors: newTotals.errors,
                newRequests: newTotals.invocations,
                baselineErrors: baseTotals.errors,
                baselineRequests: baseTotals.invocations,
                margin: gates.maxErrorRateIncrease,
                confidence: gates.confidence
            });
            const points = (value) => `${(value * 100).toFixed(2)} pp`;
            const detail = newTotals.invocations === 0 || baseTotals.invocations === 0
                ? `no ${periods} with traffic to both ${scope.newVariant} and the baseline ${against}`
                : `${scope.newVariant} ${formatPercent(test.newRate)} (${newTotals.errors} of ${newTotals.invocations}) vs baseline ${formatPercent(test.baselineRate)} (${baseTotals.errors} of ${baseTotals.invocations}) ${against}: the increase is between ${points(test.lower)} and ${points(test.upper)} at ${confidence} confidence, margin ${points(gates.maxErrorRateIncrease)}`;
            comparisons.push({ gate: 'max-error-rate-increase', verdict: test.verdict, detail });
        }
        if (gates.maxLatencyP99Increase !== undefined) {
            const newP99s = compared.flatMap((p) => (p.latencyP99Ms === undefined ? [] : [p.latencyP99Ms]));
            const test = compareLatency({
                newP99Ms: newP99s,
                baselineP99Ms: baselineP99s,
                margin: gates.maxLatencyP99Increase,
                confidence: gates.confidence
            });
            const detail = newP99s.length === 0 || baselineP99s.length === 0
                ? `no ${periods} with a p99 for both ${scope.newVariant} and the baseline ${against}`
                : `${scope.newVariant} p99 median ${Math.round(test.newMedianMs)} ms over ${newP99s.length} ${periods} vs baseline ${Math.round(test.baselineMedianMs)} ms over ${baselineP99s.length} ${against} (Mann-Whitney, margin +${formatPercent(gates.maxLatencyP99Increase)}: p = ${test.pWorse.toFixed(3)} that it is worse, p = ${test.pWithin.toFixed(3)} that it is within)`;
            comparisons.push({ gate: 'max-latency-p99-increase', verdict: test.verdict, detail });
        }
        evaluation.comparisons = comparisons;
        for (const comparison of comparisons) {
            if (comparison.verdict === 'failed')
                evaluation.failures.push(`${comparison.gate}: ${comparison.detail}`);
            if (comparison.verdict === 'inconclusive') {
                evaluation.inconclusive.push(`${comparison.gate} cannot tell yet: ${comparison.detail}`);
            }
        }
    }
}
/** What a variant's requests are called: an asynchronous endpoint counts those it processed. */
function invocationsWord(source) {
    return source.asynchronous ? 'processed invocations' : 'invocations';
}
function formatPercent(fraction) {
    return `${(fraction * 100).toFixed(2)}%`;
}


/***/ }),

/***/ 5453:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BE: () => (/* binding */ markInFlight),
/* harmony export */   PE: () => (/* binding */ inFlightFromSaved),
/* harmony export */   ax: () => (/* binding */ desiredWeights),
/* harmony export */   n: () => (/* binding */ holdServingCapacityFor),
/* harmony export */   rY: () => (/* binding */ releaseVariant)
/* harmony export */ });
/* harmony import */ var _endpoint_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3150);
/* harmony import */ var _invocation_metrics_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9113);
/* harmony import */ var _resources_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2281);
/* harmony import */ var _scaling_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(127);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9988);





/** Records the rollout as in flight, for the post step of a cancelled run. */
function markInFlight(ctx, inFlight) {
    if (ctx.dryRun)
        return;
    _state_js__WEBPACK_IMPORTED_MODULE_4__/* .inFlightRollout */ .VM.save({
        endpointName: ctx.endpointName,
        region: ctx.settings.region,
        previousConfig: inFlight.previousConfig,
        canaryConfig: inFlight.canaryConfig,
        newVariant: inFlight.newVariant,
        previousWeights: Object.fromEntries(inFlight.oldVariants.map(({ name, share }) => [name, share * 100])),
        heldCapacity: inFlight.held,
        startedAt: new Date(ctx.clock.now()).toISOString()
    });
}
/** The saved record read back as a rollout to undo: the post step has no release to go on to. */
function inFlightFromSaved(saved) {
    return {
        previousConfig: saved.previousConfig,
        canaryConfig: saved.canaryConfig,
        newVariant: saved.newVariant,
        oldVariants: Object.entries(saved.previousWeights).map(([name, weight]) => ({ name, share: weight / 100 })),
        releaseConfig: '',
        userTags: {},
        held: saved.heldCapacity ?? [],
        // The post step only goes back: it judges nothing, so what the endpoint publishes plays no part.
        source: _invocation_metrics_js__WEBPACK_IMPORTED_MODULE_1__/* .REAL_TIME_MINUTES */ .lm
    };
}
/**
 * Suspends the serving variants' scale-in for the rollout. The rollout is
 * saved for the post step first, and again as each suspension is about to go
 * out: wherever a cancel falls, the post step knows what to resume.
 */
async function holdServingCapacityFor(ctx, endpoint, inFlight) {
    markInFlight(ctx, inFlight);
    inFlight.held = await (0,_scaling_js__WEBPACK_IMPORTED_MODULE_3__/* .holdServingCapacity */ .If)(ctx, endpoint, inFlight.oldVariants.map((variant) => variant.name), (held) => markInFlight(ctx, { ...inFlight, held }));
}
/** The new variant takes `weight`%; the old variants share the rest as they did before. */
function desiredWeights(inFlight, weight) {
    return [
        ...inFlight.oldVariants.map(({ name, share }) => ({
            VariantName: name,
            DesiredWeight: Math.round((100 - weight) * share * 1000) / 1000
        })),
        { VariantName: inFlight.newVariant, DesiredWeight: weight }
    ];
}
/** The new variant alone, as the release config holds it: the canary config's definition at the instances it serves with now. */
function releaseVariant(endpoint, canaryConfig, newVariant) {
    const live = endpoint.ProductionVariants?.find((variant) => variant.VariantName === newVariant);
    const count = (live && (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_0__/* .liveInstanceCount */ .xZ)(live)) ?? undefined;
    return (0,_resources_js__WEBPACK_IMPORTED_MODULE_2__/* .variantDefinition */ .dx)(canaryConfig, newVariant, {
        InitialVariantWeight: 1,
        ...(count ? { InitialInstanceCount: count } : {})
    });
}


/***/ }),

/***/ 5307:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BI: () => (/* binding */ rollbackMoves),
/* harmony export */   r0: () => (/* binding */ promoteMoves),
/* harmony export */   sX: () => (/* binding */ deployMoves)
/* harmony export */ });
/* harmony import */ var _gates_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8411);

/** The steps and their ending: a list that stops short of 100 pauses there, else the release takes over. */
function stepsThenEnd(steps, release) {
    const moves = steps.flatMap((weight, index) => [
        { kind: 'shift', weight, index, of: steps.length },
        { kind: 'judge-step', weight, index, of: steps.length }
    ]);
    const last = steps.at(-1) ?? 0;
    moves.push(last < 100 ? { kind: 'pause', weight: last } : { kind: 'switch-to-release', ...release });
    return moves;
}
/** A deploy's canary or linear rollout run by the action. */
function deployMoves(plan) {
    return [
        { kind: 'create-canary-config', variants: plan.canaryVariants, configSettings: plan.configSettings },
        { kind: 'hold-capacity' },
        { kind: 'join', fleet: plan.canaryVariants.reduce((sum, v) => sum + (v.InitialInstanceCount ?? 0), 0) },
        ...stepsThenEnd(plan.steps, { planned: plan.newVariant, configSettings: plan.configSettings })
    ];
}
/** promote: the pause judged first (when there is anything to judge it by), then the steps left. */
function promoteMoves(settings, plan) {
    return [
        { kind: 'hold-capacity', atLeast: plan.owed },
        ...((0,_gates_js__WEBPACK_IMPORTED_MODULE_0__/* .hasGates */ .x0)(settings.gates) ? [{ kind: 'judge-pause', pause: plan.pause }] : []),
        ...stepsThenEnd(plan.steps, { planned: plan.release, configSettings: plan.configSettings })
    ];
}
/**
 * The way back from wherever the rollout stands, read from the endpoint now.
 * Still (or again) on the previous config: only the held capacity to give
 * back. Otherwise the harm stops first (weight 0 takes seconds, and is
 * skipped when a cancel already moved it), then the config goes back.
 */
function rollbackMoves(inFlight, endpoint, settled) {
    if (endpoint?.EndpointConfigName === inFlight.previousConfig && settled) {
        return [{ kind: 'give-back-capacity', restoreCounts: false }, { kind: 'delete-canary-config' }];
    }
    const newVariant = endpoint?.ProductionVariants?.find((variant) => variant.VariantName === inFlight.newVariant);
    const serving = (newVariant?.CurrentWeight ?? 0) > 0 || (newVariant?.DesiredWeight ?? 0) > 0;
    return [
        ...(serving ? [{ kind: 'traffic-off' }] : []),
        { kind: 'return-to-previous' },
        { kind: 'give-back-capacity', restoreCounts: true },
        { kind: 'delete-canary-config' }
    ];
}


/***/ }),

/***/ 215:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J8: () => (/* binding */ periodMsOf),
/* harmony export */   PB: () => (/* binding */ ceilPeriod),
/* harmony export */   e6: () => (/* binding */ totalOf),
/* harmony export */   eG: () => (/* binding */ floorPeriod),
/* harmony export */   kg: () => (/* binding */ MINUTE_MS),
/* harmony export */   qC: () => (/* binding */ periodsOf),
/* harmony export */   qo: () => (/* binding */ clockTime)
/* harmony export */ });
/* harmony import */ var _metrics_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5670);

const MINUTE_MS = 60_000;
/** The start of the period `ms` falls in, periods of `periodMs` counted from the epoch as CloudWatch aligns them. */
function floorPeriod(ms, periodMs) {
    return Math.floor(ms / periodMs) * periodMs;
}
function ceilPeriod(ms, periodMs) {
    return Math.ceil(ms / periodMs) * periodMs;
}
/** How long one of the source's published datapoints is, in milliseconds. */
function periodMsOf(source) {
    return source.periodSeconds * 1000;
}
/** A variant's published periods, or several variants' summed period by period (the serving variants as one baseline). */
function periodsOf(result, variants) {
    const byStart = new Map();
    for (const entry of result.variants.filter((candidate) => variants.includes(candidate.variant))) {
        for (const point of entry.series) {
            if (point.invocations <= 0)
                continue;
            const start = new Date(point.timestamp).getTime();
            const figures = byStart.get(start) ?? {
                start,
                invocations: 0,
                errors: 0,
                weightedP99: 0,
                p99Weight: 0,
                p99Missing: false
            };
            figures.invocations += point.invocations;
            figures.errors += (0,_metrics_js__WEBPACK_IMPORTED_MODULE_0__/* .countedErrors */ .GJ)(point);
            if (point.latencyP99Ms === undefined)
                figures.p99Missing = true;
            else {
                // Several serving variants: their p99s weighted by traffic, an approximation of the pooled p99.
                figures.weightedP99 += point.latencyP99Ms * point.invocations;
                figures.p99Weight += point.invocations;
            }
            byStart.set(start, figures);
        }
    }
    return [...byStart.values()]
        .sort((a, b) => a.start - b.start)
        .map(({ weightedP99, p99Weight, p99Missing, ...figures }) => p99Missing || p99Weight === 0 ? figures : { ...figures, latencyP99Ms: weightedP99 / p99Weight });
}
function totalOf(periods) {
    return periods.reduce((sum, figures) => ({
        invocations: sum.invocations + figures.invocations,
        errors: sum.errors + figures.errors
    }), { invocations: 0, errors: 0 });
}
/** HH:MM in UTC as CloudWatch shows it; HH:MM:SS where periods are shorter than a minute, or `ms` falls within one. */
function clockTime(ms, periodMs = MINUTE_MS) {
    const seconds = periodMs % MINUTE_MS !== 0 || ms % MINUTE_MS !== 0;
    return new Date(ms).toISOString().slice(11, seconds ? 19 : 16);
}


/***/ }),

/***/ 5981:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ rollBack),
/* harmony export */   o: () => (/* binding */ returnToConfig)
/* harmony export */ });
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9378);
/* harmony import */ var _endpoint_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3150);
/* harmony import */ var _resources_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2281);
/* harmony import */ var _update_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6082);
/* harmony import */ var _in_flight_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5453);
/* harmony import */ var _moves_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5307);
/* harmony import */ var _scaling_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(127);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9988);
/**
 * The rollbacks of a rollout run by the action. A canary's, used by a failed
 * gate, a failed update to the canary config, a failed release, and the post
 * step of a cancelled run, is a plan built from where the endpoint stands now
 * (rollbackMoves), carried out move by move. An all-at-once deploy's is one
 * return to the previous config (returnToConfig).
 */








/**
 * Safe to call wherever the endpoint is: on the canary config, half-way to
 * it, or already back on the previous config. Returns the endpoint as the
 * return to the previous config left it.
 */
async function rollBack(ctx, inFlight) {
    let endpoint;
    try {
        endpoint = await (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_1__/* .getEndpoint */ .yP)(ctx);
    }
    catch (error) {
        // The return to the previous config restores the old weights too; keep going.
        ctx.warn(`Could not move traffic off ${inFlight.newVariant} first: ${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)}`);
    }
    const settled = endpoint !== undefined && !_endpoint_js__WEBPACK_IMPORTED_MODULE_1__/* .TRANSITIONAL_STATUSES */ .kQ.includes(endpoint.EndpointStatus ?? '');
    let landed = endpoint;
    for (const move of (0,_moves_js__WEBPACK_IMPORTED_MODULE_5__/* .rollbackMoves */ .BI)(inFlight, endpoint, settled)) {
        const result = await performRollbackMove(ctx, inFlight, move);
        if (result)
            landed = result;
    }
    return landed;
}
async function performRollbackMove(ctx, inFlight, move) {
    switch (move.kind) {
        case 'traffic-off':
            try {
                await (0,_update_js__WEBPACK_IMPORTED_MODULE_3__/* .updateWeightsAndCapacities */ .ep)(ctx, (0,_in_flight_js__WEBPACK_IMPORTED_MODULE_4__/* .desiredWeights */ .ax)(inFlight, 0), {
                    purpose: `the shift of all traffic back to the old variants`,
                    forceWait: true
                });
            }
            catch (error) {
                ctx.warn(`Could not move traffic off ${inFlight.newVariant} first: ${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)}`);
            }
            return undefined;
        case 'return-to-previous':
            return (0,_update_js__WEBPACK_IMPORTED_MODULE_3__/* .updateEndpointConfig */ .vG)(ctx, inFlight.previousConfig, {
                // The old variants come back at the instances they held.
                newFleetInstances: inFlight.held.reduce((sum, entry) => sum + entry.instances, 0),
                purpose: `the rollback to ${inFlight.previousConfig}`,
                forceWait: true,
                keepInstanceCounts: true
            });
        case 'give-back-capacity':
            if (move.restoreCounts)
                await (0,_scaling_js__WEBPACK_IMPORTED_MODULE_6__/* .restoreServingCapacity */ .nW)(ctx, inFlight.held);
            await (0,_scaling_js__WEBPACK_IMPORTED_MODULE_6__/* .releaseServingCapacity */ .Ay)(ctx, inFlight.held);
            _state_js__WEBPACK_IMPORTED_MODULE_7__/* .inFlightRollout */ .VM.clear();
            return undefined;
        case 'delete-canary-config':
            await (0,_resources_js__WEBPACK_IMPORTED_MODULE_2__/* .deleteConfigQuietly */ .JD)(ctx, inFlight.canaryConfig);
            return undefined;
        default:
            throw new Error(`A rollback has no move "${move.kind}".`);
    }
}
/**
 * Returns the endpoint to `targetName` as it was, at the instances its
 * variants serve with now, with autoscaling moved out of the way and back:
 * an all-at-once deploy's way back, where no canary config stands between.
 */
async function returnToConfig(ctx, targetName) {
    const target = await (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_1__/* .getEndpointConfig */ .s3)(ctx, targetName);
    const endpoint = await (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_1__/* .getEndpoint */ .yP)(ctx);
    const { result } = await (0,_scaling_js__WEBPACK_IMPORTED_MODULE_6__/* .withScalingMoved */ .Dl)(ctx, {
        endpoint,
        current: await (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_1__/* .findEndpointConfig */ .NW)(ctx, endpoint.EndpointConfigName ?? ''),
        target: target.ProductionVariants ?? [],
        targetName
    }, () => (0,_update_js__WEBPACK_IMPORTED_MODULE_3__/* .updateEndpointConfig */ .vG)(ctx, targetName, {
        newFleetInstances: (0,_resources_js__WEBPACK_IMPORTED_MODULE_2__/* .fleetSize */ .oE)(target.ProductionVariants ?? []),
        purpose: `the rollback to "${targetName}"`,
        forceWait: true,
        keepInstanceCounts: true
    }));
    return result;
}


/***/ })

};
