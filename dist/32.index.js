export const id = 32;
export const ids = [32];
export const modules = {

/***/ 400:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  j: () => (/* binding */ describeAlarmStates),
  G: () => (/* binding */ refuseAlarmsOnUnpublishedMetrics)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch/dist-es/commandBuilder.js + 6 modules
var commandBuilder = __webpack_require__(7489);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch/dist-es/schemas/schemas_0.js + 2 modules
var schemas_0 = __webpack_require__(3037);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/DescribeAlarmsCommand.js


class DescribeAlarmsCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeAlarms", schemas_0/* DescribeAlarms$ */.K7p) {
}

// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/invocation-metrics.ts
var invocation_metrics = __webpack_require__(9113);
;// CONCATENATED MODULE: ./src/alarms.ts
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
    const alarms = await (0,errors/* collectPages */.VV)('DescribeAlarms', resource, (page) => ctx.clients.cloudwatch.send(new DescribeAlarmsCommand({
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
    if (!(0,invocation_metrics/* metricsSourceOf */.er)(config).asynchronous)
        return;
    const unpublished = invocation_metrics/* UNPUBLISHED_WHEN_ASYNCHRONOUS */.A2;
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

/***/ 4180:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IA: () => (/* binding */ servedSince),
/* harmony export */   uu: () => (/* binding */ servedPeriodFor)
/* harmony export */ });
/* unused harmony exports servedForMs, shortestServedPeriod */
/** How far back CloudWatch serves metrics at each period: what a read may ask for and get an answer. */
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/**
 * How far back CloudWatch serves datapoints of a period: "If the StartTime
 * parameter specifies a time stamp that is greater than 3 hours ago, you must
 * specify the period as follows or no data points in that time range is
 * returned": a multiple of 60 s up to 15 days ago, of 300 s up to 63 days, of
 * 3600 s beyond (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_MetricStat.html);
 * and it keeps hourly data for 455 days.
 */
function servedForMs(periodSeconds) {
    if (periodSeconds % 3600 === 0)
        return 455 * DAY_MS;
    if (periodSeconds % 300 === 0)
        return 63 * DAY_MS;
    if (periodSeconds % 60 === 0)
        return 15 * DAY_MS;
    return 3 * HOUR_MS;
}
/** The shortest period that reads data starting `ageMs` ago, or undefined beyond CloudWatch's 455 days. */
function shortestServedPeriod(ageMs) {
    return [1, 60, 300, 3600].find((period) => ageMs <= servedForMs(period));
}
/**
 * The shortest period, a whole number of an endpoint's `publishedSeconds` datapoints, that CloudWatch still serves
 * for data `ageMs` old; undefined beyond its 455 days.
 */
function servedPeriodFor(publishedSeconds, ageMs) {
    const needed = shortestServedPeriod(ageMs);
    if (needed === undefined)
        return undefined;
    const gcd = (a, b) => (b === 0 ? a : gcd(b, a % b));
    return (publishedSeconds * needed) / gcd(publishedSeconds, needed);
}
/**
 * The earliest start, on a period boundary, of data CloudWatch still serves at `periodSeconds` at `nowMs`: a
 * period later than the limit, so that a read is never refused for a second's drift.
 */
function servedSince(nowMs, periodSeconds) {
    const periodMs = periodSeconds * 1000;
    return Math.ceil((nowMs - servedForMs(periodSeconds)) / periodMs) * periodMs + periodMs;
}


/***/ }),

/***/ 456:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GJ: () => (/* binding */ countedErrors),
/* harmony export */   Ld: () => (/* binding */ MICROSECONDS_PER_MS),
/* harmony export */   fS: () => (/* binding */ summarise)
/* harmony export */ });
/* unused harmony export errorRate */
/** ModelLatency is published in microseconds; everything the action reports is milliseconds. */
const MICROSECONDS_PER_MS = 1000;
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
/** The errors a rate counts: an asynchronous endpoint's failures, else its 5XX errors and unanswered requests. */
function countedErrors(metrics) {
    return metrics.failures ?? metrics.errors5xx + (metrics.unanswered ?? 0);
}
/**
 * The requests of a period the model never answered with a status (a timeout, a dropped connection, a malformed
 * response): InvocationModelErrors less the 4XX and 5XX it also counts (invocation-metrics.ts).
 */
function unansweredIn(modelErrors, { invocations, errors4xx, errors5xx }) {
    // Never more than the period's requests not otherwise counted: a request's InvocationModelErrors could land in
    // the next period when SageMaker gives up on it, and a rate must stay within [0, 1].
    return Math.max(0, Math.min((modelErrors ?? 0) - errors4xx - errors5xx, invocations - errors5xx));
}
function summarise(variant, raw) {
    const timestamps = [
        ...new Set(Object.values(raw).flatMap((values) => [...(values?.keys() ?? [])]))
    ].sort((a, b) => a - b);
    const series = timestamps.map((timestamp) => {
        const invocations = raw.invocations.get(timestamp) ?? 0;
        const errors4xx = raw.errors4xx.get(timestamp) ?? 0;
        const errors5xx = raw.errors5xx.get(timestamp) ?? 0;
        const unanswered = unansweredIn(raw.modelErrors?.get(timestamp), { invocations, errors4xx, errors5xx });
        const point = {
            timestamp: new Date(timestamp).toISOString(),
            invocations,
            errors4xx,
            errors5xx,
            // Only where there are some: a variant the model answers every time reads as it always has.
            ...(unanswered > 0 ? { unanswered } : {}),
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
        errors5xx: sum(series.map((point) => point.errors5xx))
    };
    const unanswered = sum(series.map((point) => point.unanswered ?? 0));
    if (unanswered > 0)
        totals.unanswered = unanswered;
    if (raw.failures)
        totals.failures = sum(series.map((point) => point.failures ?? 0));
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

/***/ 4023:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  p1: () => (/* binding */ alignedWindow),
  pA: () => (/* binding */ fetchVariantMetrics),
  NJ: () => (/* binding */ variantMetrics)
});

// UNUSED EXPORTS: metricQueries, statisticsFor, wholeWindowPeriodSeconds, windowPeriodSeconds

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch/dist-es/commandBuilder.js + 6 modules
var commandBuilder = __webpack_require__(7489);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch/dist-es/schemas/schemas_0.js + 2 modules
var schemas_0 = __webpack_require__(3037);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/GetMetricDataCommand.js


class GetMetricDataCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "GetMetricData", schemas_0/* GetMetricData$ */.xuT) {
}

// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/invocation-metrics.ts
var invocation_metrics = __webpack_require__(9113);
// EXTERNAL MODULE: ./src/metric-retention.ts
var metric_retention = __webpack_require__(4180);
// EXTERNAL MODULE: ./src/metrics-totals.ts
var metrics_totals = __webpack_require__(456);
;// CONCATENATED MODULE: ./src/metrics.ts
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
/** GetMetricData takes at most 500 queries in one request. */
const MAX_QUERIES = 500;
/**
 * The longest period the window's own p99 is asked for in. AWS documented a day as GetMetricStatistics' longest
 * period and no longer states one for GetMetricData.
 */
const LONGEST_WINDOW_PERIOD_SECONDS = 86_400;
/** Periods CloudWatch takes below a minute, for high-resolution metrics (API_GetMetricData). */
const HIGH_RESOLUTION_PERIODS = [1, 5, 10, 20, 30];
/** What is read of each variant: the counts, errors and ModelLatency the endpoint publishes. */
function statisticsFor(source) {
    const [requests, alternative] = (0,invocation_metrics/* requestMetricNames */.u7)(source);
    return [
        { key: 'invocations', metric: requests, stat: 'Sum' },
        ...(alternative ? [{ key: 'invocations_alt', metric: alternative, stat: 'Sum' }] : []),
        { key: 'errors4xx', metric: 'Invocation4XXErrors', stat: 'Sum' },
        { key: 'errors5xx', metric: 'Invocation5XXErrors', stat: 'Sum' },
        ...(source.asynchronous
            ? [{ key: 'failures', metric: (0,invocation_metrics/* errorMetricName */.Sb)(source), stat: 'Sum' }]
            : [{ key: 'model_errors', metric: invocation_metrics/* MODEL_ERRORS_METRIC */.nd, stat: 'Sum' }]),
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
/**
 * The window as one period, when it spans several: a p99 cannot be combined across periods, and the worst period's
 * overstates the window's. A period of a hundred requests or fewer has for p99 about its slowest request
 * ("CloudWatch aggregates all data points with time stamps that fall within each … period":
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html), so one cold start in a
 * quiet minute would stand for the window. A window widened past a day (a day's, to whole periods) is read in its
 * first day, the longest period asked for; its last period's p99 is in the series. Undefined when the window is one
 * period already.
 */
function wholeWindowPeriodSeconds(request) {
    const span = (request.end.getTime() - request.start.getTime()) / 1000;
    if (span <= request.periodSeconds)
        return undefined;
    const seconds = Math.min(span, LONGEST_WINDOW_PERIOD_SECONDS);
    // A whole number of minutes, as CloudWatch takes a period of a minute or more, and of the window's periods.
    return seconds % 60 === 0 && seconds % request.periodSeconds === 0 ? seconds : undefined;
}
/** The queries for one request: a handful a variant, Ids indexed because variant names may hold hyphens. */
function metricQueries(request) {
    const windowPeriod = request.windowP99 ? wholeWindowPeriodSeconds(request) : undefined;
    const statistics = [
        ...statisticsFor(request.source ?? invocation_metrics/* REAL_TIME_MINUTES */.lm),
        ...(windowPeriod
            ? [{ key: 'latency_p99_window', metric: 'ModelLatency', stat: 'p99', period: windowPeriod }]
            : [])
    ];
    return request.variants.flatMap((variant, index) => statistics.map(({ key, metric, stat, period }) => ({
        Id: queryId(index, key),
        Label: `${variant} ${metric} ${stat}${period ? ' over the window' : ''}`,
        MetricStat: {
            Metric: { Namespace: NAMESPACE, MetricName: metric, Dimensions: seriesDimensions(request, variant) },
            Period: period ?? request.periodSeconds,
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
    const source = request.source ?? invocation_metrics/* REAL_TIME_MINUTES */.lm;
    checkPeriod(periodSeconds, source);
    // CloudWatch answers a read that reaches further back than it serves at this period with no data at all
    // (metric-retention.ts): it starts where the data is still served. What is older has been judged already, or is
    // read in a longer period (a pause judged long after it began: rollout/bake.ts).
    // A window wholly older than that is asked for its last period, which CloudWatch answers with nothing.
    const readFrom = Math.min(Math.max(start.getTime(), (0,metric_retention/* servedSince */.IA)(ctx.clock.now(), periodSeconds)), end.getTime() - 1);
    const queries = metricQueries(request);
    if (queries.length > MAX_QUERIES) {
        throw new Error(`Cannot read metrics of ${variants.length} variants in one request.`);
    }
    const result = { start, end, periodSeconds, variants: [] };
    if (variants.length === 0)
        return result;
    const collected = new Map();
    const resource = `endpoint "${endpointName}" (${variants.join(', ')})`;
    const results = await (0,errors/* collectPages */.VV)('GetMetricData', resource, (page) => ctx.clients.cloudwatch.send(new GetMetricDataCommand({
        MetricDataQueries: queries,
        StartTime: new Date(readFrom),
        EndTime: end,
        ScanBy: 'TimestampAscending',
        ...page
    })), (page) => page.MetricDataResults);
    for (const series of results)
        collect(collected, series, resource);
    result.variants = variants.map((variant, index) => {
        const values = (key) => collected.get(queryId(index, key)) ?? new Map();
        const series = (0,metrics_totals/* summarise */.fS)(variant, {
            invocations: larger(values('invocations'), values('invocations_alt')),
            errors4xx: values('errors4xx'),
            errors5xx: values('errors5xx'),
            ...(source.asynchronous ? { failures: values('failures') } : { modelErrors: values('model_errors') }),
            latencyAverage: values('latency_avg'),
            latencyP99: values('latency_p99')
        });
        // The window's own p99 where CloudWatch served one; else the worst period's stands, which overstates it.
        const [windowP99] = values('latency_p99_window').values();
        if (windowP99 !== undefined && series.latencyP99Ms !== undefined)
            series.latencyP99Ms = windowP99 / metrics_totals/* MICROSECONDS_PER_MS */.Ld;
        return series;
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
        throw new errors/* AwsCallError */.iQ('GetMetricData', resource, series.StatusCode, detail || `no data for ${series.Label ?? series.Id}`);
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


/***/ })

};
