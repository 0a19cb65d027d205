export const id = 211;
export const ids = [211];
export const modules = {

/***/ 5763:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ DescribeModelCommand)
/* harmony export */ });
/* harmony import */ var _commandBuilder__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2319);
/* harmony import */ var _schemas_schemas_0__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1268);


class DescribeModelCommand extends (0,_commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* .command */ .G5)(_commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* ._ep0 */ .lq, _commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* ._mw0 */ .yt, "DescribeModel", _schemas_schemas_0__WEBPACK_IMPORTED_MODULE_1__/* .DescribeModel$ */ .H8Y) {
}


/***/ }),

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

/***/ 3211:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runHealthCheck: () => (/* binding */ runHealthCheck)
/* harmony export */ });
/* harmony import */ var _endpoint_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3150);
/* harmony import */ var _probe_targets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3526);
/* harmony import */ var _probes_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4476);
/* harmony import */ var _components_component_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1741);




/**
 * The statuses in which an endpoint serves: an update "shifts endpoint traffic to the new instances" with "no
 * availability loss" (API_UpdateEndpoint), SystemUpdating is maintenance that "does not change any
 * customer-specified values", and RollingBack returns it to what served (API_DescribeEndpoint, EndpointStatus).
 * In these a health check probes, and judges on the answers: a scheduled check must not page anyone through every
 * deploy and maintenance window. UpdateRollbackFailed serves too, but on "a mix of the old and new endpoint
 * configurations", which needs someone: it is unhealthy, as Creating, Deleting, Failed and OutOfService are.
 */
const SERVING_STATUSES = ['InService', 'Updating', 'SystemUpdating', 'RollingBack'];
async function runHealthCheck(ctx, settings) {
    const endpoint = await (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_0__/* .findEndpoint */ .vS)(ctx);
    if (!endpoint) {
        return unhealthy(ctx, settings, `Endpoint "${ctx.endpointName}" does not exist in ${ctx.settings.region}.`);
    }
    const config = await (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_0__/* .reportEndpoint */ .Us)(ctx, endpoint);
    // An endpoint that cannot be probed is a workflow mistake, not an unhealthy endpoint: it fails whatever fail-on-unhealthy says.
    (0,_probes_js__WEBPACK_IMPORTED_MODULE_2__/* .refuseProbesOnAsynchronous */ .Hy)(ctx.endpointName, config, "Use operation: monitor, which judges the endpoint's status and metrics.");
    (0,_probes_js__WEBPACK_IMPORTED_MODULE_2__/* .refuseProbesTooLargeForServerless */ .Q$)(ctx.endpointName, config, settings.probe);
    const { targetVariant } = settings;
    if (targetVariant !== undefined) {
        // A misspelt variant is a workflow mistake, not an unhealthy endpoint: it fails whatever fail-on-unhealthy says.
        (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_0__/* .resolveVariant */ .KC)(endpoint, targetVariant, 'target-variant');
        ctx.output('variant-name', targetVariant);
    }
    // Probes a multi-model endpoint refuses, or a single-model one, are a workflow mistake too.
    await (0,_probe_targets_js__WEBPACK_IMPORTED_MODULE_1__/* .refuseMismatchedTargetModel */ .k)(ctx, config, targetVariant, settings.probe.targetModel);
    const status = endpoint.EndpointStatus ?? 'Unknown';
    if (!SERVING_STATUSES.includes(status)) {
        const reason = endpoint.FailureReason ? ` FailureReason: ${endpoint.FailureReason}` : '';
        return unhealthy(ctx, settings, `Endpoint "${ctx.endpointName}" is ${status}, not InService.${reason}`);
    }
    if (status !== 'InService') {
        ctx.note(`Endpoint "${ctx.endpointName}" is ${status}, and serves meanwhile: its health is judged on its probes.`);
    }
    const component = ctx.settings.inferenceComponentName;
    if (component !== undefined) {
        const problem = await componentProblem(ctx, component);
        if (problem)
            return unhealthy(ctx, settings, problem);
    }
    if (ctx.dryRun)
        ctx.note('Dry run: probes are still sent, since an invocation changes nothing in AWS.');
    const records = await (0,_probes_js__WEBPACK_IMPORTED_MODULE_2__/* .sendProbes */ .QT)(ctx, settings.probe, {
        ...(targetVariant !== undefined ? { targetVariant } : {}),
        ...(component !== undefined ? { inferenceComponentName: component } : {}),
        ...(settings.maxLatencyMs !== undefined ? { maxLatencyMs: settings.maxLatencyMs } : {})
    });
    ctx.report.probes = records;
    const median = (0,_probes_js__WEBPACK_IMPORTED_MODULE_2__/* .medianLatency */ .DK)(records);
    if (median !== undefined)
        ctx.output('latency-ms', Math.round(median));
    const target = component !== undefined
        ? ` to inference component "${component}"`
        : targetVariant !== undefined
            ? ` to variant "${targetVariant}"`
            : '';
    const failed = records.filter((record) => !record.ok);
    if (failed.length > 0) {
        return unhealthy(ctx, settings, `Endpoint "${ctx.endpointName}" is unhealthy: ${failed.length} of ${records.length} probes${target} failed (first: ${failed[0]?.detail}).`);
    }
    ctx.output('healthy', true);
    ctx.note(`Endpoint "${ctx.endpointName}" is healthy: ${records.length} of ${records.length} probes${target} answered, median ${Math.round(median ?? 0)} ms.`);
}
/** Why the component cannot answer, or undefined when it can; one of another endpoint is a workflow mistake. */
async function componentProblem(ctx, name) {
    const component = await (0,_components_component_js__WEBPACK_IMPORTED_MODULE_3__/* .findComponent */ .Tn)(ctx, name);
    if (!component)
        return `Inference component "${name}" does not exist on endpoint "${ctx.endpointName}".`;
    if (component.EndpointName !== ctx.endpointName) {
        throw new Error(`Inference component "${name}" runs on endpoint "${component.EndpointName}", not "${ctx.endpointName}".`);
    }
    (0,_components_component_js__WEBPACK_IMPORTED_MODULE_3__/* .reportComponent */ .wc)(ctx, component);
    const status = component.InferenceComponentStatus ?? 'Unknown';
    // A rolling update keeps copies serving all through it: judged on its probes, as an endpoint that is Updating.
    if (status !== 'InService' && status !== 'Updating') {
        const reason = component.FailureReason ? ` FailureReason: ${component.FailureReason}` : '';
        return `Inference component "${name}" is ${status}, not InService.${reason}`;
    }
    if (component.RuntimeConfig?.CurrentCopyCount === 0)
        return `Inference component "${name}" runs no copies.`;
    return undefined;
}
function unhealthy(ctx, settings, message) {
    ctx.output('healthy', false);
    if (settings.failOnUnhealthy)
        throw new Error(message);
    ctx.note(message);
    ctx.warn(`${message} The step succeeds because fail-on-unhealthy is false.`);
}


/***/ }),

/***/ 3526:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ refuseMismatchedTargetModel)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5763);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9378);
/* harmony import */ var _probes_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4476);
/* harmony import */ var _serving_container_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6221);
/**
 * Whether probes need a TargetModel depends on the models of the variants
 * they reach: read them, and refuse before any probe or change what every
 * answer would fail (see refuseProbeTargetMismatch).
 */




/** Whether the probed variants' models serve in MultiModel mode decides whether probes need a TargetModel. */
async function refuseMismatchedTargetModel(ctx, config, targetVariant, targetModel) {
    const probed = (config?.ProductionVariants ?? []).filter((variant) => variant.ModelName && (targetVariant === undefined || variant.VariantName === targetVariant));
    const models = await Promise.all([...new Set(probed.map((variant) => variant.ModelName))].map(async (name) => {
        const model = await (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)('DescribeModel', `model "${name}"`, () => ctx.clients.sagemaker.send(new _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_3__/* .DescribeModelCommand */ .u({ ModelName: name })));
        return { name, multiModel: (0,_serving_container_js__WEBPACK_IMPORTED_MODULE_2__/* .servingContainer */ ._B)(model)?.Mode === 'MultiModel' };
    }));
    if (models.length > 0)
        (0,_probes_js__WEBPACK_IMPORTED_MODULE_1__/* .refuseProbeTargetMismatch */ .wR)(models, targetModel);
}


/***/ }),

/***/ 4476:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DK: () => (/* binding */ medianLatency),
  wR: () => (/* binding */ refuseProbeTargetMismatch),
  Hy: () => (/* binding */ refuseProbesOnAsynchronous),
  Q$: () => (/* binding */ refuseProbesTooLargeForServerless),
  QT: () => (/* binding */ sendProbes),
  D_: () => (/* binding */ sendProbesWithAnswers),
  Ad: () => (/* binding */ shortDetail)
});

// UNUSED EXPORTS: DETAIL_MAX_CHARS

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-cjs/submodules/client/index.js
var client = __webpack_require__(2658);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-cjs/submodules/endpoints/index.js
var endpoints = __webpack_require__(2085);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker-runtime/dist-es/endpoint/EndpointParameters.js
var EndpointParameters = __webpack_require__(5990);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-sagemaker-runtime/dist-es/commandBuilder.js



const command = (0,client.makeBuilder)(EndpointParameters/* commonParams */.S, "AmazonSageMakerRuntime", "SageMakerRuntimeClient", endpoints.getEndpointPlugin);
const _ep0 = {};
const _mw0 = (Command, cs, config, o) => [];

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker-runtime/dist-es/schemas/schemas_0.js + 2 modules
var schemas_0 = __webpack_require__(6028);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-sagemaker-runtime/dist-es/commands/InvokeEndpointCommand.js


class InvokeEndpointCommand extends command(_ep0, _mw0, "InvokeEndpoint", schemas_0/* InvokeEndpoint$ */.Gy) {
}

// EXTERNAL MODULE: ./src/answer-checks.ts
var answer_checks = __webpack_require__(5859);
// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/parse.ts
var parse = __webpack_require__(2828);
;// CONCATENATED MODULE: ./src/probes.ts
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
/** The largest request a serverless endpoint takes: https://docs.aws.amazon.com/sagemaker/latest/dg/serverless-endpoints-invoke.html. */
const SERVERLESS_MAX_PAYLOAD_BYTES = 4 * 1024 * 1024;
/**
 * Refuses, before anything is sent or changed, a probe larger than a
 * serverless endpoint takes: "The maximum request and response payload size
 * for serverless invocations is 4 MB", against 6 MB on instances. SageMaker
 * would refuse each such probe, and the gates would roll a healthy model back.
 */
function refuseProbesTooLargeForServerless(endpointName, config, probe) {
    if (!(config?.ProductionVariants ?? []).some((variant) => variant.ServerlessConfig))
        return;
    const sizes = probe.captured
        ? probe.captured.map((payload) => payload.body.byteLength)
        : [Buffer.byteLength(probe.payload)];
    const largest = Math.max(0, ...sizes);
    if (largest <= SERVERLESS_MAX_PAYLOAD_BYTES)
        return;
    const input = probe.captured ? 'probe-payloads-from' : 'probe-payload';
    throw new parse/* InputError */.dz(input, `${probe.captured ? 'holds a request of' : 'is'} ${(largest / 1024 / 1024).toFixed(1)} MB, and endpoint "${endpointName}" is serverless, which takes requests of up to 4 MB; nothing was changed. Probe with a smaller payload`);
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
        throw new parse/* InputError */.dz('probe-target-model', `is required: model ${multiModel.join(', ')} serves in MultiModel mode, and SageMaker answers a multi-model endpoint only for a named model; nothing was changed. Set it to a model under the prefix, such as model-a.tar.gz`);
    }
    if (targetModel !== undefined && multiModel.length === 0) {
        throw new parse/* InputError */.dz('probe-target-model', 'is for multi-model endpoints, and this one serves a single model: SageMaker refuses a TargetModel there; nothing was changed. Leave it empty');
    }
}
/**
 * Sends `probe.count` invocations one after another and records each. A
 * failure (an error answer, a throttle that outlasted the client's retries, a
 * slow answer) is a record with `ok: false`, never an exception: the caller
 * decides what failed probes mean.
 */
async function sendProbes(ctx, probe, options = {}) {
    return (await sendProbesWithAnswers(ctx, probe, options)).map(({ record }) => record);
}
/** sendProbes, with each answer's text beside its record (absent for an error answer). */
async function sendProbesWithAnswers(ctx, probe, options = {}) {
    const target = options.inferenceComponentName
        ? ` to inference component "${options.inferenceComponentName}"`
        : options.targetVariant
            ? ` to variant "${options.targetVariant}"`
            : '';
    const records = [];
    const sent = payloadsToSend(probe, options);
    for (let index = 1; index <= sent.length; index++) {
        const answered = await sendProbe(ctx, probe, sent[index - 1], options);
        records.push(answered);
        const { record } = answered;
        const status = record.statusCode === undefined ? '' : `, HTTP ${record.statusCode}`;
        core/* info */.pq(`Probe ${index}/${sent.length}${target}: ${record.ok ? 'ok' : 'failed'} in ${Math.round(record.latencyMs)} ms${status}: ${record.detail}`);
    }
    return records;
}
/** Captured payloads handed out in turn across a run's evaluations, so that each evaluation replays new ones. */
const nextCaptured = new WeakMap();
/**
 * probe-count copies of probe-payload; or, replaying captured requests, the
 * next probe-count of them in turn (the ones `options.capturedIndexes` names:
 * the same payloads again, for the serving model to answer).
 */
function payloadsToSend(probe, options) {
    const captured = probe.captured ?? [];
    if (captured.length === 0) {
        const body = new TextEncoder().encode(probe.payload);
        return Array.from({ length: probe.count }, () => ({ body, contentType: probe.contentType, masked: probe.payload }));
    }
    let indexes = options.capturedIndexes;
    if (!indexes) {
        const first = nextCaptured.get(probe) ?? 0;
        indexes = Array.from({ length: probe.count }, (_, offset) => (first + offset) % captured.length);
        nextCaptured.set(probe, first + probe.count);
    }
    return indexes.map((capturedIndex) => {
        const payload = captured[capturedIndex];
        const text = new TextDecoder().decode(payload.body);
        return { body: payload.body, contentType: payload.contentType, masked: text, capturedIndex };
    });
}
async function sendProbe(ctx, probe, sent, options) {
    const started = ctx.clock.now();
    const where = {
        masked: sent.masked,
        ...(sent.capturedIndex === undefined ? {} : { capturedIndex: sent.capturedIndex })
    };
    try {
        const response = await ctx.clients.runtime.send(new InvokeEndpointCommand({
            EndpointName: ctx.endpointName,
            Body: sent.body,
            ContentType: sent.contentType,
            ...(options.targetVariant ? { TargetVariant: options.targetVariant } : {}),
            ...(options.inferenceComponentName ? { InferenceComponentName: options.inferenceComponentName } : {}),
            ...(options.inferenceId ? { InferenceId: options.inferenceId() } : {}),
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
        // A probe already failed for its latency stays failed.
        if (record.ok)
            checkAnswer(record, probe.expect, answer);
        record.detail = shortDetail(record.detail, sent.masked);
        return { record, answer, ...where };
    }
    catch (error) {
        const latencyMs = answerLatency(ctx.clock.now() - started, error);
        const statusCode = failureStatus(error);
        const record = {
            ...(options.targetVariant ? { variant: options.targetVariant } : {}),
            ok: false,
            latencyMs,
            ...(statusCode === undefined ? {} : { statusCode }),
            detail: `${(0,errors/* errorCode */.CA)(error)}: ${(0,errors/* errorMessage */.gJ)(error)}`
        };
        // An error answer of the model's that the checks expect (status == 400, say) is a probe that passed; its body is
        // the model's message. Only a ModelError is the model's ("Model (owned by the customer in the container)
        // returned 4xx or 5xx error code": API_runtime_InvokeEndpoint, Errors): a request SageMaker refused before any
        // model saw it (ValidationError, 400) or could not serve (ServiceUnavailable) is no answer, whatever its status.
        if (probe.expect && (0,answer_checks/* checksStatus */.AS)(probe.expect) && (0,errors/* errorCode */.CA)(error) === 'ModelError') {
            checkAnswer(record, probe.expect, modelMessage(error));
        }
        record.detail = shortDetail(record.detail, sent.masked);
        return { record, ...where };
    }
}
/**
 * Holds the answer to probe-expect: a check on the status replaces the
 * default (any 2xx passes), and a failed check fails the probe, saying why.
 */
function checkAnswer(record, checks, body) {
    if (!checks || checks.length === 0)
        return;
    const failure = (0,answer_checks/* failedCheck */.WU)(checks, record.statusCode, body);
    record.ok = failure === undefined;
    if (failure)
        record.detail = `answer failed ${failure}`;
}
function modelMessage(error) {
    const message = error?.OriginalMessage;
    return typeof message === 'string' ? message : (0,errors/* errorMessage */.gJ)(error);
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

/***/ 6221:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D5: () => (/* binding */ namesSomething),
/* harmony export */   EU: () => (/* binding */ modelPackagesOf),
/* harmony export */   H$: () => (/* binding */ newContainerSettings),
/* harmony export */   Ls: () => (/* binding */ HIDDEN_VALUE),
/* harmony export */   RG: () => (/* binding */ modelDataLocation),
/* harmony export */   _B: () => (/* binding */ servingContainer),
/* harmony export */   a7: () => (/* binding */ modelDataUrlOf),
/* harmony export */   bX: () => (/* binding */ withoutEmptyFields),
/* harmony export */   fI: () => (/* binding */ severalContainers),
/* harmony export */   h6: () => (/* binding */ containerToCreate),
/* harmony export */   k1: () => (/* binding */ recordSetting),
/* harmony export */   zK: () => (/* binding */ carriedExecutionConfig)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2828);
/**
 * The new model's container as what serves configures it. A framework
 * container finds its entry point through SAGEMAKER_PROGRAM and
 * SAGEMAKER_SUBMIT_DIRECTORY, a large-model container its model through
 * HF_MODEL_ID and OPTION_*, a multi-model container loads what callers name:
 * none of that is repeated in a workflow, and a new model without it would
 * not start, or would serve something else. So the serving container's
 * settings are carried over and the inputs laid on top. Its model data is
 * not: a new model means new data, or none.
 *
 * Only what names something is carried: a describe call may answer an empty
 * structure (an emulator does), which CreateModel would refuse.
 */


/** What a summary shows instead of an environment variable's value, which may be a secret. */
const HIDDEN_VALUE = '(value not shown)';
/** A model's one container, wherever it is declared; undefined for none, or for several (refused before any change). */
function servingContainer(model) {
    if (model?.PrimaryContainer)
        return model.PrimaryContainer;
    const containers = model?.Containers ?? [];
    return containers.length === 1 ? containers[0] : undefined;
}
/** The model packages a model's containers name, however many it has. */
function modelPackagesOf(model) {
    const containers = [...(model?.PrimaryContainer ? [model.PrimaryContainer] : []), ...(model?.Containers ?? [])];
    return containers.flatMap((container) => (container.ModelPackageName ? [container.ModelPackageName] : []));
}
/** The containers of a model that runs several (an inference pipeline, direct invocation), in words; else undefined. */
function severalContainers(model) {
    const containers = model?.Containers ?? [];
    if (containers.length < 2)
        return undefined;
    const names = containers.map((container, index) => container.ContainerHostname ?? container.Image ?? container.ModelPackageName ?? `#${index + 1}`);
    const mode = model?.InferenceExecutionConfig?.Mode;
    return `${(0,_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .counted */ .hS)(containers.length, 'container')} (${names.join(', ')})${mode ? `, invoked ${mode}` : ''}`;
}
/** Whether a structure read from AWS names anything: `{}`, `[]` and `{"Subnets": []}` do not. */
function namesSomething(value) {
    if (value === undefined || value === null)
        return false;
    if (Array.isArray(value))
        return value.some(namesSomething);
    if (typeof value === 'object')
        return Object.values(value).some(namesSomething);
    return value !== '';
}
/** The fields of a structure read from AWS that name something: a describe may answer empty ones for settings never set. */
function withoutEmptyFields(value) {
    return Object.fromEntries(Object.entries(value).filter(([, field]) => namesSomething(field)));
}
/**
 * The new container's settings: the serving container's, with the inputs
 * laid over. `model-environment` wins over a carried variable of the same
 * name; every variable is recorded by key and source, never by value.
 */
function newContainerSettings(deploy, model, sources) {
    const serving = servingContainer(model);
    const from = model?.ModelName ? `inherited from model "${model.ModelName}"` : 'the serving model';
    const settings = {};
    const environment = {};
    for (const [key, value] of Object.entries(serving?.Environment ?? {})) {
        environment[key] = value;
        // As the inputs' values are (main.ts): the runner masks it should anything print it.
        if (value.length >= 6)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(value);
        recordSetting(sources, `Environment ${key}`, HIDDEN_VALUE, from + codeInS3(key, value));
    }
    for (const [key, value] of Object.entries(deploy.modelEnvironment)) {
        environment[key] = value;
        recordSetting(sources, `Environment ${key}`, HIDDEN_VALUE, 'input model-environment');
    }
    if (Object.keys(environment).length > 0)
        settings.Environment = environment;
    // A private registry's access mode belongs to the image it was set for: an
    // AWS framework image or a package's own image is pulled from ECR.
    if (deploy.source.kind === 'image' && namesSomething(serving?.ImageConfig?.RepositoryAccessMode)) {
        settings.ImageConfig = serving?.ImageConfig;
        recordSetting(sources, 'ImageConfig', JSON.stringify(settings.ImageConfig), from);
    }
    if (serving?.Mode) {
        settings.Mode = serving.Mode;
        recordSetting(sources, 'Mode', serving.Mode, from);
    }
    if (serving?.Mode === 'MultiModel' && namesSomething(serving.MultiModelConfig)) {
        settings.MultiModelConfig = serving.MultiModelConfig;
        recordSetting(sources, 'MultiModelConfig', JSON.stringify(settings.MultiModelConfig), from);
    }
    const carriedAccess = serving?.ModelDataSource?.S3DataSource?.ModelAccessConfig;
    if (deploy.acceptEula) {
        settings.ModelAccessConfig = { AcceptEula: true };
        recordSetting(sources, 'ModelAccessConfig', 'AcceptEula: true', 'input accept-eula');
    }
    else if (deploy.acceptEula === undefined && carriedAccess?.AcceptEula !== undefined && modelDataUrlOf(deploy)) {
        settings.ModelAccessConfig = { AcceptEula: carriedAccess.AcceptEula };
        recordSetting(sources, 'ModelAccessConfig', `AcceptEula: ${carriedAccess.AcceptEula}`, from);
    }
    return settings;
}
/**
 * A framework container's SAGEMAKER_SUBMIT_DIRECTORY may name the serving
 * model's code archive in S3 (the SageMaker Python SDK's source_dir may be an
 * S3 URI of a tar file: https://github.com/aws/sagemaker-python-sdk/pull/1498)
 * rather than code inside its model data: carried, the new model runs that
 * code. The summary says so, without the value.
 */
function codeInS3(key, value) {
    return key === 'SAGEMAKER_SUBMIT_DIRECTORY' && value.startsWith('s3://')
        ? ': it names code in S3, which the new model runs unless model-environment sets it'
        : '';
}
/** The model's settings that describe how its containers are called, carried as they serve. */
function carriedExecutionConfig(model, sources) {
    const config = model?.InferenceExecutionConfig;
    if (!config?.Mode)
        return undefined;
    recordSetting(sources, 'InferenceExecutionConfig', config.Mode, `inherited from model "${model?.ModelName}"`);
    return { Mode: config.Mode };
}
/** The model data an input names, whatever the model source. */
function modelDataUrlOf(deploy) {
    return 'modelDataUrl' in deploy.source ? deploy.source.modelDataUrl : undefined;
}
/**
 * The container CreateModel is sent: what runs (image or package, and the
 * model data's location) with the carried settings. A `model-data-url`
 * ending in `/` is an uncompressed S3 prefix, given as ModelDataSource; a
 * multi-model container takes the prefix of its models as ModelDataUrl
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/create-multi-model-endpoint.html),
 * and ModelDataSource is not for multi-model endpoints
 * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ContainerDefinition.html).
 * An accepted EULA goes with the data
 * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_S3ModelDataSource.html),
 * so a compressed archive then goes as ModelDataSource too.
 */
function containerToCreate(runs, settings) {
    const { ModelDataUrl: url, ...what } = runs;
    const { ModelAccessConfig: access, ...rest } = settings;
    const container = { ...what, ...rest };
    if (url === undefined)
        return container;
    if (settings.Mode === 'MultiModel' || (!url.endsWith('/') && !access))
        return { ...container, ModelDataUrl: url };
    const prefix = url.endsWith('/');
    container.ModelDataSource = {
        S3DataSource: {
            S3Uri: url,
            S3DataType: prefix ? 'S3Prefix' : 'S3Object',
            CompressionType: prefix ? 'None' : 'Gzip',
            ...(access ? { ModelAccessConfig: access } : {})
        }
    };
    return container;
}
/** Where a container's model data is, in whichever form it was given. */
function modelDataLocation(container) {
    return container?.ModelDataUrl ?? container?.ModelDataSource?.S3DataSource?.S3Uri ?? '';
}
function recordSetting(sources, setting, value, source) {
    const existing = sources.findIndex((entry) => entry.setting === setting);
    const entry = { setting, value, source: source ?? 'default' };
    if (existing >= 0)
        sources[existing] = entry;
    else
        sources.push(entry);
}


/***/ }),

/***/ 910:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D7: () => (/* binding */ EndpointStateError),
/* harmony export */   Mc: () => (/* binding */ requireUpdatable),
/* harmony export */   SG: () => (/* binding */ waitForSettled),
/* harmony export */   VB: () => (/* binding */ pollTransition),
/* harmony export */   pP: () => (/* binding */ waitForInService),
/* harmony export */   we: () => (/* binding */ waitUntilUpdatable)
/* harmony export */ });
/* unused harmony exports nextPollDelay, WaitTimeoutError, timeLeft */
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
