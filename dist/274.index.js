export const id = 274;
export const ids = [274,137];
export const modules = {

/***/ 9813:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ DeleteEndpointCommand)
/* harmony export */ });
/* harmony import */ var _commandBuilder__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2319);
/* harmony import */ var _schemas_schemas_0__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1268);


class DeleteEndpointCommand extends (0,_commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* .command */ .G5)(_commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* ._ep0 */ .lq, _commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* ._mw0 */ .yt, "DeleteEndpoint", _schemas_schemas_0__WEBPACK_IMPORTED_MODULE_1__/* .DeleteEndpoint$ */ .tGx) {
}


/***/ }),

/***/ 4219:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ DeleteEndpointConfigCommand)
/* harmony export */ });
/* harmony import */ var _commandBuilder__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2319);
/* harmony import */ var _schemas_schemas_0__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1268);


class DeleteEndpointConfigCommand extends (0,_commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* .command */ .G5)(_commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* ._ep0 */ .lq, _commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* ._mw0 */ .yt, "DeleteEndpointConfig", _schemas_schemas_0__WEBPACK_IMPORTED_MODULE_1__/* .DeleteEndpointConfig$ */ .P8J) {
}


/***/ }),

/***/ 8708:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ DeleteInferenceComponentCommand)
/* harmony export */ });
/* harmony import */ var _commandBuilder__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2319);
/* harmony import */ var _schemas_schemas_0__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1268);


class DeleteInferenceComponentCommand extends (0,_commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* .command */ .G5)(_commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* ._ep0 */ .lq, _commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* ._mw0 */ .yt, "DeleteInferenceComponent", _schemas_schemas_0__WEBPACK_IMPORTED_MODULE_1__/* .DeleteInferenceComponent$ */ .qWT) {
}


/***/ }),

/***/ 6329:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ DeleteModelCommand)
/* harmony export */ });
/* harmony import */ var _commandBuilder__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2319);
/* harmony import */ var _schemas_schemas_0__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1268);


class DeleteModelCommand extends (0,_commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* .command */ .G5)(_commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* ._ep0 */ .lq, _commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* ._mw0 */ .yt, "DeleteModel", _schemas_schemas_0__WEBPACK_IMPORTED_MODULE_1__/* .DeleteModel$ */ .rNw) {
}


/***/ }),

/***/ 1137:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  componentsToGraph: () => (/* binding */ componentsToGraph),
  lq: () => (/* binding */ deleteEndpointDashboard),
  putEndpointDashboard: () => (/* binding */ putEndpointDashboard)
});

// UNUSED EXPORTS: dashboardBody, dashboardName, dashboardUrl

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch/dist-es/commandBuilder.js + 6 modules
var commandBuilder = __webpack_require__(7489);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch/dist-es/schemas/schemas_0.js + 2 modules
var schemas_0 = __webpack_require__(3037);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/PutDashboardCommand.js


class PutDashboardCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "PutDashboard", schemas_0/* PutDashboard$ */.q3) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/GetDashboardCommand.js


class GetDashboardCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "GetDashboard", schemas_0/* GetDashboard$ */.Z3D) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/DeleteDashboardsCommand.js


class DeleteDashboardsCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DeleteDashboards", schemas_0/* DeleteDashboards$ */.PDn) {
}

// EXTERNAL MODULE: ./src/components/component.ts + 2 modules
var component = __webpack_require__(1741);
// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/invocation-metrics.ts
var invocation_metrics = __webpack_require__(9113);
// EXTERNAL MODULE: ./src/summary.ts + 2 modules
var summary = __webpack_require__(2829);
;// CONCATENATED MODULE: ./src/dashboard.ts
/**
 * A CloudWatch dashboard for an endpoint: one row of graphs per variant, so
 * after a deploy the summary can link to traffic, errors and latency of the
 * new variant beside the old one.
 *
 * PutDashboard replaces the whole dashboard, so every deploy rewrites it for
 * the variants the endpoint has now.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutDashboard.html
 * Body: https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html
 * Metrics: https://docs.aws.amazon.com/sagemaker/latest/dg/monitoring-cloudwatch.html
 * An asynchronous endpoint publishes other ones (invocation-metrics.ts): its
 * rows graph what it publishes, the queue included. An endpoint that runs
 * inference components gets a row per component, and its variants' rows
 * show how much of their instances the copies reserve.
 */







const NAMESPACE = 'AWS/SageMaker';
/** PutDashboard: at most 255 characters of A-Z, a-z, 0-9, `-` and `_`. */
const MAX_NAME_LENGTH = 255;
const NOT_IN_NAME = /[^A-Za-z0-9_-]/g;
const GRID_WIDTH = 24;
const GRAPH_WIDTH = GRID_WIDTH / 4;
const GRAPH_HEIGHT = 6;
/**
 * `sagemaker_<endpoint>_<region>`. Dashboards belong to the account, not to a
 * region, so the region is part of the name or two endpoints of the same name
 * in two regions would overwrite each other's. The underscores cannot occur in
 * an endpoint name or a region, so no two endpoints share a name; a name that
 * had to be changed to fit the rules gets a hash of the original for the same reason.
 */
function dashboardName(endpointName, region) {
    const wanted = `sagemaker_${endpointName}_${region}`;
    const valid = wanted.replace(NOT_IN_NAME, '-');
    if (valid === wanted && valid.length <= MAX_NAME_LENGTH)
        return valid;
    const hash = (0,external_node_crypto_.createHash)('sha256').update(wanted).digest('hex').slice(0, 8);
    const room = MAX_NAME_LENGTH - hash.length - 1;
    const regionPart = `_${region.replace(NOT_IN_NAME, '-')}`.slice(0, room);
    const endpointPart = `sagemaker_${endpointName.replace(NOT_IN_NAME, '-')}`.slice(0, room - regionPart.length);
    return `${endpointPart}${regionPart}-${hash}`;
}
/** The header's words that say the action wrote a dashboard, and may delete it with its endpoint. */
const WRITTEN_BY_THE_ACTION = 'Written by sagemaker-deploy on every deploy';
function dashboardUrl(region, name) {
    return `https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}#dashboards/dashboard/${encodeURIComponent(name)}`;
}
/** The DashboardBody, as an object: a text header, then per variant a title row and four graphs. */
function dashboardBody({ endpointName, region, variants, source, components }) {
    const widgets = [
        {
            type: 'text',
            x: 0,
            y: 0,
            width: GRID_WIDTH,
            height: 2,
            properties: {
                // AWS suggests saying on a dashboard made by a script that edits in the console will not last.
                markdown: [
                    `## SageMaker endpoint ${markdownText(endpointName)} (${markdownText(region)})`,
                    `${WRITTEN_BY_THE_ACTION}: changes made here are replaced. [Endpoint in the SageMaker console](${(0,summary/* consoleUrl */.B9)(region, endpointName)})`
                ].join('\n')
            }
        }
    ];
    let y = 2;
    const addRow = (title, graphs) => {
        widgets.push({ type: 'text', x: 0, y, width: GRID_WIDTH, height: 1, properties: { markdown: `### ${title}` } });
        y += 1;
        graphs.forEach((properties, index) => {
            widgets.push({ type: 'metric', x: index * GRAPH_WIDTH, y, width: GRAPH_WIDTH, height: GRAPH_HEIGHT, properties });
        });
        y += GRAPH_HEIGHT;
    };
    for (const variant of new Set(variants)) {
        const graphs = components
            ? [reservationGraph(endpointName, region, variant)]
            : variantGraphs(endpointName, region, variant, source ?? invocation_metrics/* REAL_TIME_MINUTES */.lm);
        addRow(`Variant ${markdownText(variant)}`, graphs);
    }
    for (const component of new Set(components)) {
        addRow(`Inference component ${markdownText(component)}`, componentGraphs(region, component));
    }
    return { start: '-PT3H', periodOverride: 'inherit', widgets };
}
/** The metric lines and graphs of one variant or component, at the endpoint's period. */
function grapher(scope, region, source) {
    return {
        metric: (name, options) => [scope.namespace ?? NAMESPACE, name, ...scope.dimensions, options],
        graph: (title, metrics, yAxis) => ({
            title: `${scope.title}: ${title}`,
            view: 'timeSeries',
            stacked: false,
            region,
            // Never shorter than the endpoint's datapoints (a minute, or its MetricsConfig's frequency).
            period: source.periodSeconds,
            metrics,
            yAxis
        })
    };
}
const COUNTS = { left: { min: 0, label: 'Count', showUnits: false } };
/** Traffic, errors with the 5XX rate the gates hold against max-error-rate, and model latency. */
function invocationGraphs({ metric, graph }) {
    return [
        graph('invocations', [metric('Invocations', { stat: 'Sum', label: 'Invocations' })], COUNTS),
        graph('errors', [
            metric('Invocation4XXErrors', { id: 'errors4xx', stat: 'Sum', label: '4XX errors' }),
            metric('Invocation5XXErrors', { id: 'errors5xx', stat: 'Sum', label: '5XX errors' }),
            metric(invocation_metrics/* MODEL_ERRORS_METRIC */.nd, { id: 'modelerrors', stat: 'Sum', visible: false }),
            metric('Invocations', { id: 'invocations', stat: 'Sum', visible: false }),
            // The rate the rollout gates hold against max-error-rate: 5XX errors and the requests the model never
            // answered (InvocationModelErrors less the 4XX and 5XX it also counts) over invocations.
            [
                {
                    expression: '100 * MAX([errors5xx, FILL(modelerrors, 0) - errors4xx]) / invocations',
                    id: 'rate5xx',
                    label: 'Error rate, 5XX and unanswered (%)',
                    yAxis: 'right'
                }
            ]
        ], { ...COUNTS, right: { min: 0, label: '%', showUnits: false } }),
        latencyGraph({ metric, graph })
    ];
}
function latencyGraph({ metric, graph }) {
    return graph('model latency', [
        metric('ModelLatency', { stat: 'Average', label: 'ModelLatency average (µs)' }),
        metric('ModelLatency', { stat: 'p99', label: 'ModelLatency p99 (µs)' })
    ], 
    // SageMaker publishes ModelLatency in microseconds, and the graph shows it as published.
    { left: { min: 0, label: 'Microseconds', showUnits: false } });
}
/** One variant's graphs: traffic, errors and their rate, model latency, and load (or, asynchronous, the queue). */
function variantGraphs(endpointName, region, variant, source) {
    const scope = { title: variant, dimensions: ['EndpointName', endpointName, 'VariantName', variant] };
    const { metric, graph } = grapher(scope, region, source);
    if (source.asynchronous) {
        const { processed, failures, queue } = asynchronousGraphs(endpointName, source, metric, graph);
        return [processed, failures, latencyGraph({ metric, graph }), queue];
    }
    return [
        ...invocationGraphs({ metric, graph }),
        graph('invocations per instance', [metric('InvocationsPerInstance', { stat: 'Sum', label: 'Invocations per instance' })], COUNTS)
    ];
}
/**
 * A component's graphs: its invocation metrics are published under
 * InferenceComponentName alone, beside those of the variant, and its load
 * per copy (https://docs.aws.amazon.com/sagemaker/latest/dg/monitoring-cloudwatch.html).
 */
function componentGraphs(region, component) {
    const scope = { title: component, dimensions: ['InferenceComponentName', component] };
    const { metric, graph } = grapher(scope, region, invocation_metrics/* REAL_TIME_MINUTES */.lm);
    return [
        ...invocationGraphs({ metric, graph }),
        graph('invocations per copy', [metric('InvocationsPerCopy', { stat: 'Sum', label: 'Invocations per copy' })], COUNTS)
    ];
}
/**
 * How much of a variant's instances the components' copies reserve: CPU,
 * memory and accelerators, published in /aws/sagemaker/Endpoints only for
 * endpoints that host inference components. A reservation near 100% is an
 * endpoint where a rolling update's next batch will wait for an instance.
 */
function reservationGraph(endpointName, region, variant) {
    const scope = {
        title: variant,
        dimensions: ['EndpointName', endpointName, 'VariantName', variant],
        namespace: '/aws/sagemaker/Endpoints'
    };
    const { metric, graph } = grapher(scope, region, invocation_metrics/* REAL_TIME_MINUTES */.lm);
    return graph('reserved by copies', [
        metric('CPUReservation', { stat: 'Average', label: 'CPU reserved (%)' }),
        metric('MemoryReservation', { stat: 'Average', label: 'Memory reserved (%)' }),
        metric('GPUReservation', { stat: 'Average', label: 'Accelerators reserved (%)' })
    ], { left: { min: 0, max: 100, label: '%', showUnits: false } });
}
/**
 * An asynchronous variant's traffic and errors, and the endpoint's queue: it publishes no Invocations. Its count
 * of processed requests is read under both spellings (invocation-metrics.ts), the larger at each point.
 */
function asynchronousGraphs(endpointName, source, metric, graph) {
    const [spelt, other] = (0,invocation_metrics/* requestMetricNames */.u7)(source);
    // The larger of the two spellings at each point: whichever is published, never both added. MAX of an array of
    // series is a series of the highest value at each point; FILL gives a spelling never published zeros
    // (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/using-metric-math.html).
    const processed = 'MAX([FILL(processed1, 0), FILL(processed2, 0)])';
    return {
        processed: graph('processed invocations', [
            metric(spelt, { id: 'processed1', stat: 'Sum', visible: false }),
            metric(other, { id: 'processed2', stat: 'Sum', visible: false }),
            [{ expression: processed, id: 'processed', label: 'Invocations processed' }]
        ], COUNTS),
        failures: graph('failures', [
            metric((0,invocation_metrics/* errorMetricName */.Sb)(source), { id: 'failures', stat: 'Sum', label: 'Invocation failures' }),
            metric('Invocation4XXErrors', { stat: 'Sum', label: '4XX errors' }),
            metric('Invocation5XXErrors', { stat: 'Sum', label: '5XX errors' }),
            metric(spelt, { id: 'processed1', stat: 'Sum', visible: false }),
            metric(other, { id: 'processed2', stat: 'Sum', visible: false }),
            // The rate the rollout gates hold against max-error-rate: failures over processed requests.
            [{ expression: `100 * failures / ${processed}`, id: 'failurerate', label: 'Failure rate (%)', yAxis: 'right' }]
        ], { ...COUNTS, right: { min: 0, label: '%', showUnits: false } }),
        queue: graph('endpoint queue', 
        // The queue is the endpoint's: these are published with EndpointName alone.
        [
            [NAMESPACE, 'ApproximateBacklogSize', 'EndpointName', endpointName, { stat: 'Average', label: 'Backlog' }],
            [
                NAMESPACE,
                'ApproximateAgeOfOldestRequest',
                'EndpointName',
                endpointName,
                { stat: 'Maximum', label: 'Oldest request (s)', yAxis: 'right' }
            ]
        ], { ...COUNTS, right: { min: 0, label: 'Seconds', showUnits: false } })
    };
}
/** Names come from inputs: keep Markdown from reading them as formatting. */
function markdownText(text) {
    return text.replace(/([\\`*_[\]()#<>|])/g, '\\$1');
}
/**
 * Every inference component on the endpoint when the run acted on one (the
 * dashboard is the endpoint's, and PutDashboard replaces it whole, so a
 * deploy of one component keeps the others' rows); undefined otherwise.
 * When they cannot be listed, the one acted on, with a warning.
 */
async function componentsToGraph(ctx) {
    const acted = ctx.settings.inferenceComponentName;
    if (acted === undefined)
        return undefined;
    try {
        const names = (await (0,component/* componentsOn */.cF)(ctx)).map((summary) => summary.InferenceComponentName ?? '');
        return [...new Set([acted, ...names.filter(Boolean)])].sort();
    }
    catch (error) {
        ctx.warn(`CloudWatch dashboard: the endpoint's inference components could not be listed (${error instanceof Error ? error.message : String(error)}); only "${acted}" is graphed.`);
        return [acted];
    }
}
/**
 * Creates or replaces the endpoint's dashboard. A dashboard is a convenience,
 * so a failure (most often a role without cloudwatch:PutDashboard) is a warning
 * and never fails the deploy. Undefined in a dry run, where the call is only planned,
 * and when it failed.
 */
async function putEndpointDashboard(ctx, request) {
    const name = dashboardName(request.endpointName, request.region);
    if (request.variants.length === 0 && (request.components ?? []).length === 0) {
        ctx.warn(`CloudWatch dashboard ${name} was not written: endpoint "${request.endpointName}" has no variants to show.`);
        return undefined;
    }
    const input = { DashboardName: name, DashboardBody: JSON.stringify(dashboardBody(request)) };
    let response;
    try {
        response = await ctx.change('PutDashboard', `dashboard "${name}"`, input, () => ctx.clients.cloudwatch.send(new PutDashboardCommand(input)));
    }
    catch (error) {
        ctx.warn(`CloudWatch dashboard ${name} was not written (${error instanceof Error ? error.message : String(error)}). The role needs cloudwatch:PutDashboard; the deploy itself is not affected.`);
        return undefined;
    }
    if (!response)
        return undefined;
    // PutDashboard still saves a dashboard it has remarks about; they say which widget will not draw.
    for (const remark of response.DashboardValidationMessages ?? []) {
        ctx.warn(`CloudWatch dashboard ${name}: ${remark.DataPath ?? ''} ${remark.Message ?? ''}`.trim());
    }
    const url = dashboardUrl(request.region, name);
    core/* info */.pq(`CloudWatch dashboard: ${url}`);
    return { name, url };
}
/**
 * Deletes the endpoint's dashboard with the endpoint: one left behind shows an endpoint that no longer exists, and
 * dashboards beyond CloudWatch's free three are billed each month. Only one the action wrote (its header says so),
 * never a dashboard of the same name someone else made. A convenience, like writing it: a failure is a warning.
 */
async function deleteEndpointDashboard(ctx) {
    const name = dashboardName(ctx.endpointName, ctx.settings.region);
    try {
        const found = await ctx.clients.cloudwatch.send(new GetDashboardCommand({ DashboardName: name }));
        if (!found.DashboardBody?.includes(WRITTEN_BY_THE_ACTION))
            return;
        const input = { DashboardNames: [name] };
        await ctx.change('DeleteDashboards', `dashboard "${name}"`, input, () => ctx.clients.cloudwatch.send(new DeleteDashboardsCommand(input)));
        ctx.note(`${ctx.dryRun ? 'Would delete' : 'Deleted'} CloudWatch dashboard ${name}.`);
    }
    catch (error) {
        // GetDashboard's DashboardNotFoundError, ResourceNotFound on the wire: none to delete.
        if ((0,errors/* errorCode */.CA)(error) === 'DashboardNotFoundError' || (0,errors/* isNotFound */.c4)(error))
            return;
        ctx.warn(`CloudWatch dashboard ${name} was not deleted (${(0,errors/* errorMessage */.gJ)(error)}). The role needs cloudwatch:GetDashboard and cloudwatch:DeleteDashboards on it; the endpoint is deleted all the same.`);
    }
}


/***/ }),

/***/ 8274:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runDelete: () => (/* binding */ runDelete)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commands/DeleteEndpointCommand.js
var DeleteEndpointCommand = __webpack_require__(9813);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commands/DeleteEndpointConfigCommand.js
var DeleteEndpointConfigCommand = __webpack_require__(4219);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commands/DeleteModelCommand.js
var DeleteModelCommand = __webpack_require__(6329);
// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/dashboard.ts + 3 modules
var dashboard = __webpack_require__(1137);
// EXTERNAL MODULE: ./src/endpoint.ts
var src_endpoint = __webpack_require__(3150);
// EXTERNAL MODULE: ./src/lineage.ts
var lineage = __webpack_require__(5010);
// EXTERNAL MODULE: ./src/wait.ts
var wait = __webpack_require__(910);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commands/DeleteInferenceComponentCommand.js
var DeleteInferenceComponentCommand = __webpack_require__(8708);
// EXTERNAL MODULE: ./src/autoscaling.ts + 1 modules
var autoscaling = __webpack_require__(6886);
// EXTERNAL MODULE: ./src/components/component.ts + 2 modules
var components_component = __webpack_require__(1741);
;// CONCATENATED MODULE: ./src/operations/delete-component.ts
/**
 * delete with inference-component-name: remove the component, and the
 * endpoint only when delete-endpoint asks and no other component runs on it.
 * A base whose adapters still run is refused: they run inside its copies
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/realtime-endpoints-adapt.html).
 * Everything is read, and every refusal made, before the first deletion.
 */




/** Deletes the component; true when the endpoint is to be deleted after it. */
async function deleteComponent(ctx, name, settings) {
    const component = await (0,components_component/* findComponent */.Tn)(ctx, name);
    if (!component || component.EndpointName !== ctx.endpointName)
        return missing(ctx, name, settings, component);
    const others = (await (0,components_component/* describeComponentsOn */.he)(ctx)).filter((other) => other.InferenceComponentName !== name);
    refuseWhatWouldBreak(ctx, name, settings, others);
    (0,components_component/* reportComponent */.wc)(ctx, component);
    await sendDelete(ctx, name, component);
    await removeScaling(ctx, name);
    const model = component.Specification?.ModelName;
    if (model)
        ctx.note(`Kept model "${model}" of the component: the action deletes only the endpoint's own models.`);
    if (!settings.deleteEndpoint)
        ctx.note(`Kept endpoint "${ctx.endpointName}" (delete-endpoint is false).`);
    if (ctx.dryRun)
        return settings.deleteEndpoint;
    if (!ctx.settings.waitForCompletion && !settings.deleteEndpoint)
        return false;
    // SageMaker refuses to delete an endpoint while a component on it is still being deleted.
    const remaining = await (0,components_component/* waitForComponent */.mt)(ctx, name, 'the deletion');
    if (remaining) {
        throw new Error(`Inference component "${name}" is ${remaining.InferenceComponentStatus} after DeleteInferenceComponent, not gone${remaining.FailureReason ? ` (FailureReason: ${remaining.FailureReason})` : ''}; the endpoint was kept.`);
    }
    ctx.output('inference-component-status', 'Deleted');
    return settings.deleteEndpoint;
}
/**
 * A component's scalable target outlives it: AWS documents that deleting an
 * endpoint deregisters its variants' targets
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/endpoint-delete-with-scaling.html),
 * and says nothing of components, so the action does it, once the deletion
 * was accepted: a target left behind would scale, by its old policy, the
 * next component given this name.
 */
async function removeScaling(ctx, name) {
    const scalable = (0,autoscaling/* componentScalable */.Bl)(name);
    const scaling = await (0,autoscaling/* describeScaling */.Rk)(ctx, scalable);
    if (!scaling)
        return;
    await (0,autoscaling/* deregisterScaling */.cV)(ctx, scalable, scaling);
    ctx.note(`${ctx.dryRun ? 'Would remove' : 'Removed'} the autoscaling of inference component "${name}" with it (was ${(0,autoscaling/* formatVariantScaling */.Qp)(scaling, 'copies')}).`);
}
function missing(ctx, name, settings, component) {
    if (component) {
        throw new Error(`Inference component "${name}" runs on endpoint "${component.EndpointName}", not "${ctx.endpointName}"; nothing was deleted.`);
    }
    const message = `Inference component "${name}" does not exist in ${ctx.settings.region}`;
    if (!settings.ignoreMissing)
        throw new Error(`${message}; nothing to delete. Set ignore-missing: true if that is expected.`);
    ctx.warn(`${message}; nothing was deleted (ignore-missing is true).`);
    ctx.output('inference-component-status', 'Deleted');
    return false;
}
/** Adapters would lose the copies they run in; delete-endpoint would take other components with it. */
function refuseWhatWouldBreak(ctx, name, settings, others) {
    const adapters = others.filter((other) => (0,components_component/* baseOf */.bx)(other) === name).map((other) => `"${other.InferenceComponentName}"`);
    if (adapters.length > 0) {
        throw new Error(`Inference component "${name}" is the base of adapter components ${adapters.join(', ')}, which run inside its copies. Nothing was deleted; delete the adapters first.`);
    }
    if (!settings.deleteEndpoint || others.length === 0)
        return;
    throw new Error(`Input "delete-endpoint": endpoint "${ctx.endpointName}" also runs inference components ${others.map((other) => `"${other.InferenceComponentName}"`).join(', ')}, so it cannot go with "${name}". Nothing was deleted; set delete-endpoint: false to delete the component alone.`);
}
async function sendDelete(ctx, name, component) {
    if (component.InferenceComponentStatus === 'Deleting') {
        ctx.note(`Inference component "${name}" was already being deleted.`);
        return;
    }
    const input = { InferenceComponentName: name };
    try {
        await ctx.change('DeleteInferenceComponent', `inference component "${name}"`, input, () => ctx.clients.sagemaker.send(new DeleteInferenceComponentCommand/* DeleteInferenceComponentCommand */.n(input)));
        ctx.note(`${ctx.dryRun ? 'Would delete' : 'Deleted'} inference component "${name}".`);
    }
    catch (error) {
        if (!(0,errors/* isNotFound */.c4)(error))
            throw error;
        ctx.note(`Inference component "${name}" was deleted by someone else meanwhile.`);
    }
}

;// CONCATENATED MODULE: ./src/operations/delete.ts
/**
 * delete: remove the endpoint, then (staged, once it is gone) its config and
 * its models. Everything is read before anything is deleted, so a missing
 * permission or a typo stops the run while nothing has changed yet. With
 * inference-component-name the component goes first (delete-component.ts),
 * and the endpoint only when delete-endpoint asks.
 */








/**
 * `endpoint-status` once the endpoint no longer exists. With ignore-missing an
 * endpoint that was never there reports it too: the step promises "no such
 * endpoint afterwards", and downstream steps can test one value for that.
 */
const GONE = 'Deleted';
async function runDelete(ctx, settings) {
    const component = ctx.settings.inferenceComponentName;
    if (component !== undefined && !(await deleteComponent(ctx, component, settings)))
        return;
    const found = await (0,src_endpoint/* findEndpoint */.vS)(ctx);
    if (!found) {
        const message = `Endpoint "${ctx.endpointName}" does not exist in ${ctx.settings.region}`;
        if (!settings.ignoreMissing) {
            throw new Error(`${message}; nothing to delete. Set ignore-missing: true if that is expected.`);
        }
        // Without the endpoint its config and models are unknown: guessing them by name could delete another endpoint's.
        ctx.warn(`${message}; nothing was deleted (ignore-missing is true).`);
        ctx.note(`${message}; nothing was deleted.`);
        ctx.output('endpoint-status', GONE);
        return;
    }
    const endpoint = await settleBeforeDelete(ctx, found);
    const configName = (endpoint ?? found).EndpointConfigName;
    const config = configName ? await (0,src_endpoint/* findEndpointConfig */.NW)(ctx, configName) : undefined;
    const models = config ? (0,lineage/* modelsOf */.Wh)(config) : [];
    reportTargets(ctx, endpoint ?? found, config, models);
    const inUse = await scanOtherEndpoints(ctx, settings);
    if (endpoint)
        await deleteEndpoint(ctx, endpoint);
    else
        ctx.note(`Endpoint "${ctx.endpointName}" was deleted by someone else while this run waited for it.`);
    if (!ctx.dryRun && !(await waitUntilGone(ctx, endpoint))) {
        // Not waiting: SageMaker only warns against deleting the config of a live or changing endpoint, and this one is Deleting.
        ctx.output('endpoint-status', 'Deleting');
    }
    if (configName)
        await deleteConfig(ctx, settings, configName, config, inUse);
    await deleteModels(ctx, settings, models, inUse);
    await (0,dashboard/* deleteEndpointDashboard */.lq)(ctx);
}
/**
 * SageMaker refuses to delete an endpoint mid-transition (Creating, Updating,
 * SystemUpdating...), so that is waited out first. Undefined when the endpoint
 * disappeared meanwhile.
 */
async function settleBeforeDelete(ctx, endpoint) {
    const status = endpoint.EndpointStatus ?? '';
    if (status === 'Deleting' || !src_endpoint/* TRANSITIONAL_STATUSES */.kQ.includes(status))
        return endpoint;
    if (ctx.dryRun) {
        ctx.note(`Endpoint "${ctx.endpointName}" is ${status}; a real run would wait for that to finish before deleting.`);
        return endpoint;
    }
    core/* info */.pq(`Endpoint "${ctx.endpointName}" is ${status}; waiting for that to finish before deleting it.`);
    return (0,wait/* waitForSettled */.SG)(ctx, `the endpoint's ${status} to finish before deleting it`);
}
function reportTargets(ctx, endpoint, config, models) {
    // The variant table shows what is being deleted: the last view of the endpoint anyone will get.
    ctx.report.variants = (0,src_endpoint/* variantRows */.LQ)(endpoint, config);
    if (endpoint.EndpointArn)
        ctx.output('endpoint-arn', endpoint.EndpointArn);
    if (endpoint.EndpointStatus)
        ctx.output('endpoint-status', endpoint.EndpointStatus);
    if (endpoint.EndpointConfigName)
        ctx.output('endpoint-config-name', endpoint.EndpointConfigName);
    // Every model the config ran, deleted or kept: the notes say which.
    if (models.length > 0)
        ctx.output('model-name', models.join(','));
}
async function scanOtherEndpoints(ctx, settings) {
    if (!settings.deleteEndpointConfig && !settings.deleteModel)
        return { configs: new Map(), models: new Map() };
    return (0,lineage/* inUseByOtherEndpoints */.I$)(ctx, ctx.endpointName, { models: settings.deleteModel });
}
async function deleteEndpoint(ctx, endpoint) {
    if (endpoint.EndpointStatus === 'Deleting') {
        ctx.note(`Endpoint "${ctx.endpointName}" was already being deleted.`);
        return;
    }
    const input = { EndpointName: ctx.endpointName };
    try {
        await ctx.change('DeleteEndpoint', `endpoint "${ctx.endpointName}"`, input, () => ctx.clients.sagemaker.send(new DeleteEndpointCommand/* DeleteEndpointCommand */.o(input)));
        ctx.note(`${ctx.dryRun ? 'Would delete' : 'Deleted'} endpoint "${ctx.endpointName}".`);
    }
    catch (error) {
        if (!(0,errors/* isNotFound */.c4)(error))
            throw error;
        ctx.note(`Endpoint "${ctx.endpointName}" was deleted by someone else meanwhile.`);
    }
}
/** True when the endpoint is known to be gone; false when the run was told not to wait. */
async function waitUntilGone(ctx, endpoint) {
    if (endpoint && !ctx.settings.waitForCompletion)
        return false;
    const remaining = endpoint ? await (0,wait/* waitForSettled */.SG)(ctx, 'the deletion') : undefined;
    if (remaining) {
        // The config and models stay: the endpoint still exists and may still need them.
        throw new wait/* EndpointStateError */.D7(`Endpoint "${ctx.endpointName}" is ${remaining.EndpointStatus} after DeleteEndpoint, not gone; its config and models were kept.${remaining.FailureReason ? ` FailureReason: ${remaining.FailureReason}` : ''}`, remaining);
    }
    ctx.output('endpoint-status', GONE);
    return true;
}
async function deleteConfig(ctx, settings, configName, config, inUse) {
    if (!settings.deleteEndpointConfig) {
        ctx.note(`Kept endpoint config "${configName}" (delete-endpoint-config is false).`);
        return;
    }
    if (!config) {
        ctx.warn(`Endpoint config "${configName}" no longer existed; its models could not be read.`);
        ctx.note(`Endpoint config "${configName}" no longer existed.`);
        return;
    }
    const users = inUse.configs.get(configName);
    if (users) {
        const message = `Kept endpoint config "${configName}": ${describeUsers(users)} it.`;
        ctx.warn(message);
        return;
    }
    const input = { EndpointConfigName: configName };
    try {
        await ctx.change('DeleteEndpointConfig', `endpoint config "${configName}"`, input, () => ctx.clients.sagemaker.send(new DeleteEndpointConfigCommand/* DeleteEndpointConfigCommand */.W(input)));
        ctx.note(`${ctx.dryRun ? 'Would delete' : 'Deleted'} endpoint config "${configName}".`);
    }
    catch (error) {
        if (!(0,errors/* isNotFound */.c4)(error))
            throw error;
        ctx.note(`Endpoint config "${configName}" was deleted by someone else meanwhile.`);
    }
}
async function deleteModels(ctx, settings, models, inUse) {
    if (models.length === 0)
        return;
    if (!settings.deleteModel) {
        ctx.note(`Kept ${models.length === 1 ? 'model' : 'models'} ${quoteAll(models)} (delete-model is false).`);
        return;
    }
    for (const model of models) {
        const users = inUse.models.get(model);
        if (users) {
            const message = `Kept model "${model}": ${describeUsers(users)} it.`;
            ctx.warn(message);
            continue;
        }
        const input = { ModelName: model };
        try {
            await ctx.change('DeleteModel', `model "${model}"`, input, () => ctx.clients.sagemaker.send(new DeleteModelCommand/* DeleteModelCommand */.e(input)));
            ctx.note(`${ctx.dryRun ? 'Would delete' : 'Deleted'} model "${model}".`);
        }
        catch (error) {
            if (!(0,errors/* isNotFound */.c4)(error))
                throw error;
            ctx.note(`Model "${model}" was deleted by someone else meanwhile.`);
        }
    }
}
function describeUsers(endpoints) {
    return endpoints.length === 1 ? `endpoint ${quoteAll(endpoints)} uses` : `endpoints ${quoteAll(endpoints)} use`;
}
function quoteAll(names) {
    return names.map((name) => `"${name}"`).join(', ');
}


/***/ })

};
