export const id = 894;
export const ids = [894];
export const modules = {

/***/ 6543:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ AddTagsCommand)
/* harmony export */ });
/* harmony import */ var _commandBuilder__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2319);
/* harmony import */ var _schemas_schemas_0__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1268);


class AddTagsCommand extends (0,_commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* .command */ .G5)(_commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* ._ep0 */ .lq, _commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* ._mw0 */ .yt, "AddTags", _schemas_schemas_0__WEBPACK_IMPORTED_MODULE_1__/* .AddTags$ */ .FBv) {
}


/***/ }),

/***/ 8499:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B5: () => (/* binding */ replacementVariantName),
/* harmony export */   Pr: () => (/* binding */ derivedName),
/* harmony export */   Rr: () => (/* binding */ servingVariantName),
/* harmony export */   Vo: () => (/* binding */ canaryVariantName),
/* harmony export */   v_: () => (/* binding */ uniqueSuffix)
/* harmony export */ });
/** Names for the resources a deploy creates. */
const MAX_NAME_LENGTH = 63;
/**
 * A UTC timestamp and a random suffix: two deploys in the same second (a re-run,
 * a matrix job) still get different names.
 */
function uniqueSuffix(now, random = Math.random) {
    const stamp = new Date(now).toISOString().replace(/[-:T]/g, '').slice(0, 14);
    const token = Math.floor(random() * 36 ** 5)
        .toString(36)
        .padStart(5, '0');
    return `${stamp}-${token}`;
}
/** `<base>-<suffix>`, cutting the base so the whole stays within SageMaker's 63 characters. */
function derivedName(base, suffix) {
    const room = MAX_NAME_LENGTH - suffix.length - 1;
    const trimmed = base.slice(0, room).replace(/-+$/, '');
    return `${trimmed}-${suffix}`;
}
/**
 * The name an endpoint serves under: its variant with the largest share of
 * traffic (live weights where the endpoint reports them, else the config's),
 * the first of equals. Alarms, dashboards and autoscaling are keyed on it, so
 * every release keeps it.
 */
function servingVariantName(variants) {
    const weightOf = (variant) => variant.CurrentWeight ?? variant.DesiredWeight ?? variant.InitialVariantWeight ?? 0;
    let serving;
    for (const variant of variants)
        if (!serving || weightOf(variant) > weightOf(serving))
            serving = variant;
    return serving?.VariantName;
}
/**
 * The variant a whole-config replacement (all at once, or SageMaker's own
 * deployment) deploys into: the name asked for, else the name the endpoint
 * serves under, else AllTraffic.
 */
function replacementVariantName(requested, live) {
    return requested ?? servingVariantName(live) ?? 'AllTraffic';
}
/**
 * The new variant's own name while it serves beside the serving ones in a
 * canary: variant-name, else the model's name, which no serving variant may
 * have (two variants cannot share one); an endpoint whose variant is already
 * named after that model gets the model's name with `-canary`.
 */
function canaryVariantName(requested, modelName, serving) {
    if (requested !== undefined || !serving.includes(modelName))
        return requested ?? modelName;
    return derivedName(modelName, 'canary');
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

/***/ 6117:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G9: () => (/* binding */ maxDisagreementWords),
/* harmony export */   I1: () => (/* binding */ judgeAgreement),
/* harmony export */   ZN: () => (/* binding */ compareAnswers),
/* harmony export */   bz: () => (/* binding */ comparisonWords),
/* harmony export */   uX: () => (/* binding */ tooManyDiffer)
/* harmony export */ });
/* harmony import */ var _answer_checks_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5859);
/* harmony import */ var _probes_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4476);


async function judgeAgreement(ctx, compare, fromNew, evaluation) {
    const { probe, agreement, servingVariant } = compare;
    // The same payloads, to the model that serves now; its answers are read, never held to probe-expect.
    const { expect: _checks, ...asSent } = probe;
    const replayed = fromNew.flatMap(({ capturedIndex }) => (capturedIndex === undefined ? [] : [capturedIndex]));
    const fromServing = await (0,_probes_js__WEBPACK_IMPORTED_MODULE_1__/* .sendProbesWithAnswers */ .D_)(ctx, asSent, {
        targetVariant: servingVariant,
        ...(replayed.length > 0 ? { capturedIndexes: replayed } : {})
    });
    const pairs = fromNew.flatMap((answered, index) => {
        const serving = fromServing[index]?.answer;
        if (answered.answer === undefined || serving === undefined)
            return [];
        return [{ fromNew: answered.answer, fromServing: serving, masked: answered.masked }];
    });
    const { compared, differing } = compareAnswers(pairs, agreement, evaluation);
    if (compared === 0) {
        evaluation.inconclusive.push(`no answer of the new variant could be compared with serving variant ${servingVariant}'s: one of them answered with an error`);
        return;
    }
    if (tooManyDiffer(compared, differing, agreement)) {
        evaluation.failures.push(`${differing.length} of ${compared} answers differ from serving variant ${servingVariant}'s, more than ${maxDisagreementWords(agreement)} (first: ${differing[0]})`);
    }
}
/**
 * Each pair compared as max-disagreement says (whole, or at compare-path
 * within compare-tolerance), counted into `evaluation`; the differences, in
 * words, in order. The probes of a step and the captured answers of a shadow
 * phase are judged alike.
 */
function compareAnswers(pairs, agreement, evaluation) {
    const differing = pairs.flatMap(({ fromNew, fromServing, masked }) => {
        const difference = (0,_answer_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .disagreement */ .fn)(fromNew, fromServing, agreement);
        if (difference === undefined)
            return [];
        return [(0,_probes_js__WEBPACK_IMPORTED_MODULE_1__/* .shortDetail */ .Ad)(difference, masked)];
    });
    evaluation.answersCompared = pairs.length;
    evaluation.answersDiffering = differing.length;
    return { compared: pairs.length, differing };
}
/** Whether more than max-disagreement of the answers compared differ. */
function tooManyDiffer(compared, differing, agreement) {
    return compared > 0 && differing.length / compared > agreement.maxDisagreement;
}
/** `max-disagreement 10%`, as failures name it. */
function maxDisagreementWords(agreement) {
    return `max-disagreement ${+(agreement.maxDisagreement * 100).toFixed(3)}%`;
}
/** How two answers are compared, in words: `$.score within 0.05`, `$.label`, or `whole`. */
function comparisonWords(agreement) {
    if (!agreement.path)
        return 'whole';
    const tolerance = agreement.tolerance ? ` within ${agreement.tolerance}` : '';
    return `on ${(0,_answer_checks_js__WEBPACK_IMPORTED_MODULE_0__/* .pathText */ .LF)(agreement.path)}${tolerance}`;
}


/***/ }),

/***/ 2428:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kc: () => (/* binding */ sleepUntil),
/* harmony export */   Wq: () => (/* binding */ bake),
/* harmony export */   sm: () => (/* binding */ judgePause)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _metric_retention_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4180);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2828);
/* harmony import */ var _gates_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8411);
/* harmony import */ var _periods_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(215);
/* harmony import */ var _words_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7080);
/**
 * Judging one step: the gates every gate-interval through bake-time, then on
 * while CloudWatch has yet to publish the periods the step exposed, and the
 * pause a promote judges before any traffic moves. Each returns a verdict;
 * what follows from it is the executor's to decide.
 */






/** How often a step that has baked looks for the periods CloudWatch has yet to publish. */
const DATA_POLL_MS = 20_000;
/**
 * promote judges the whole pause before any more traffic moves: a canary
 * that degraded while it waited for a person must not go further. The pause
 * runs until now, so its last periods are not published yet: like a step, it
 * is judged until CloudWatch has published the period promote began in (the
 * canary keeps its weight meanwhile), or max-data-delay has passed.
 */
async function judgePause(ctx, settings, inFlight, pause, record) {
    settings = { ...settings, gates: (0,_gates_js__WEBPACK_IMPORTED_MODULE_3__/* .gatesAtWeight */ .WV)(settings.gates, pause.weight) };
    if (!(0,_gates_js__WEBPACK_IMPORTED_MODULE_3__/* .hasGates */ .x0)(settings.gates))
        return { baseline: [] };
    const step = {
        weight: pause.weight,
        startedAt: pause.since,
        evaluations: [],
        verdict: 'in-progress',
        kind: 'pause'
    };
    record.steps.push(step);
    const source = sourceServedSince(ctx, inFlight.source, pause.since, settings.maxDataDelayMs);
    const judge = new _gates_js__WEBPACK_IMPORTED_MODULE_3__/* .StepJudge */ .AU(ctx, settings.gates, {
        newVariant: inFlight.newVariant,
        baselineVariants: inFlight.oldVariants.map((variant) => variant.name),
        source,
        firstPeriod: (0,_periods_js__WEBPACK_IMPORTED_MODULE_5__/* .floorPeriod */ .eG)(pause.since, (0,_periods_js__WEBPACK_IMPORTED_MODULE_5__/* .periodMsOf */ .J8)(source)),
        baselineServes: pause.weight < 100,
        earlierBaseline: []
    });
    const verdict = await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os(`Judging the pause at ${pause.weight}% since ${new Date(pause.since).toISOString()}`, () => bake(ctx, settings, judge, step, { consecutive: 0 }, { start: ctx.clock.now(), bakeTimeMs: 0 }));
    step.endedAt = ctx.clock.now();
    if (verdict.verdict === 'failed') {
        step.verdict = 'failed';
        const failed = step.evaluations.findLast((evaluation) => evaluation.verdict === 'failed');
        step.reason = `the pause at ${pause.weight}% failed its gates: ${failed?.failures.join('; ') ?? verdict.reason}`;
        return { failure: step.reason, baseline: judge.baselineSeen };
    }
    if (judge.leaningToFailure !== undefined) {
        // More traffic never follows a bad reading, however thin.
        step.verdict = 'failed';
        step.reason = `the pause at ${pause.weight}% ended with its ${judge.leaningToFailure}, and no more traffic moves on that`;
        return { failure: step.reason, baseline: judge.baselineSeen };
    }
    step.verdict = verdict.verdict;
    if (verdict.verdict === 'inconclusive') {
        step.reason = verdict.reason;
        ctx.note(`The gates could not judge the pause at ${pause.weight}% (${step.reason}); the steps ahead are judged on their own.`);
    }
    return { baseline: judge.baselineSeen, judgedThrough: judge.judgedThrough };
}
/**
 * Watches one step: gates judged every gate-interval through bake-time, then,
 * while CloudWatch has not yet published the periods the step exposed to
 * traffic, on until it has or max-data-delay has passed. A step passes with at
 * least one conclusive passing evaluation, no failure left standing and no
 * window whose error rate leans toward failure on thin evidence; it
 * fails at failure-threshold failed evaluations without a pass between them
 * (an inconclusive evaluation is no evidence of health, so it does not reset
 * the count); otherwise it is inconclusive.
 */
async function bake(ctx, settings, judge, step, failures, { start, bakeTimeMs } = {
    start: step.startedAt,
    bakeTimeMs: settings.bakeTimeMs
}) {
    const bakeEnd = start + bakeTimeMs;
    if (!(0,_gates_js__WEBPACK_IMPORTED_MODULE_3__/* .hasGates */ .x0)(settings.gates)) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Baking for ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(bakeTimeMs)}.`);
        await sleepUntil(ctx.clock, bakeEnd);
        return { verdict: 'passed' };
    }
    const waitsForData = (0,_gates_js__WEBPACK_IMPORTED_MODULE_3__/* .needsTraffic */ .rw)(settings.gates);
    // The periods the step exposed to traffic; at least one whole period, however short the bake.
    const exposedUntil = Math.max((0,_periods_js__WEBPACK_IMPORTED_MODULE_5__/* .ceilPeriod */ .PB)(bakeEnd, judge.periodMs), judge.scope.firstPeriod + judge.periodMs);
    const deadline = waitsForData ? Math.max(bakeEnd, exposedUntil) + settings.maxDataDelayMs : bakeEnd;
    const due = Math.max(1, Math.ceil(bakeTimeMs / settings.gateIntervalMs));
    // Past bake-time the step only waits for CloudWatch: look more often, so it ends soon after the data lands.
    const waitingInterval = Math.min(settings.gateIntervalMs, DATA_POLL_MS);
    let passedOnce = false;
    let last;
    const log = new _words_js__WEBPACK_IMPORTED_MODULE_4__/* .EvaluationLog */ .XQ();
    for (let index = 1;; index++) {
        const dueAt = index <= due
            ? start + Math.min(index * settings.gateIntervalMs, bakeTimeMs)
            : Math.min(bakeEnd + (index - due) * waitingInterval, deadline);
        await sleepUntil(ctx.clock, dueAt);
        const evaluation = await judge.evaluate();
        last = evaluation;
        step.evaluations.push(evaluation);
        const label = index <= due ? `${index}/${due}` : `${index - due} past bake-time`;
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(log.line(label, (0,_words_js__WEBPACK_IMPORTED_MODULE_4__/* .stepPlace */ .qN)(step), evaluation));
        if (evaluation.verdict === 'failed') {
            failures.consecutive++;
            if (failures.consecutive >= settings.failureThreshold) {
                return { verdict: 'failed', reason: (0,_words_js__WEBPACK_IMPORTED_MODULE_4__/* .failedStepReason */ .om)(failures.consecutive, (0,_words_js__WEBPACK_IMPORTED_MODULE_4__/* .stepPlace */ .qN)(step), evaluation) };
            }
            ctx.warn((0,_words_js__WEBPACK_IMPORTED_MODULE_4__/* .gateFailedWarning */ .h8)(failures.consecutive, settings.failureThreshold, evaluation));
        }
        else if (evaluation.verdict === 'passed') {
            failures.consecutive = 0;
            passedOnce = true;
        }
        const now = ctx.clock.now();
        // Every evaluation the schedule promised is made, even when a slow one (a retried probe) ran past bake-time.
        if (index < due)
            continue;
        if (now >= deadline)
            break;
        if (now < bakeEnd)
            continue;
        // A step never ends on a failure left standing: more traffic never follows a bad reading.
        if (failures.consecutive > 0)
            continue;
        if (waitsForData && judge.judgedThrough < exposedUntil)
            continue;
        // Nor on a window whose error rate is above the limit, however thin its evidence.
        if (judge.leaningToFailure !== undefined)
            continue;
        if (passedOnce)
            return { verdict: 'passed' };
    }
    return verdictAtDeadline(ctx, settings, judge, step, { failures, passedOnce, last, waitsForData });
}
/** max-data-delay has passed: the step ends on what it has seen. */
function verdictAtDeadline(ctx, settings, judge, step, seen) {
    if (seen.failures.consecutive > 0) {
        return {
            verdict: 'failed',
            reason: `a failed gate evaluation ${(0,_words_js__WEBPACK_IMPORTED_MODULE_4__/* .stepPlace */ .qN)(step)} was not cleared by a passing one within max-data-delay: ${seen.last?.failures.join('; ') ?? ''}`
        };
    }
    if (judge.leaningToFailure !== undefined) {
        return {
            verdict: 'inconclusive',
            reason: `within max-data-delay, the last window was still undecided: ${judge.leaningToFailure}`
        };
    }
    if (seen.passedOnce) {
        if (seen.waitsForData) {
            ctx.note(`Judging ${(0,_words_js__WEBPACK_IMPORTED_MODULE_4__/* .stepPlace */ .qN)(step)}, CloudWatch had not published every period the step exposed within max-data-delay (${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(settings.maxDataDelayMs)}); the step passed on the periods it had.`);
        }
        return { verdict: 'passed' };
    }
    return {
        verdict: 'inconclusive',
        reason: seen.last?.inconclusive.join('; ') || 'no evaluation could judge it'
    };
}
async function sleepUntil(clock, at) {
    const remaining = at - clock.now();
    if (remaining > 0)
        await clock.sleep(remaining);
}
/**
 * The pause's metrics as CloudWatch still serves them: 10 or 30 s datapoints only for 3 hours, minutes for 15 days
 * (metric-retention.ts). A pause promoted the morning after is read in the shortest period still served, a whole
 * number of the endpoint's own, to the end of its judging: the wait for its last period, max-data-delay, and five
 * minutes' margin. Read in its own period, its oldest part would no longer be served, and would go unjudged.
 */
function sourceServedSince(ctx, source, since, maxDataDelayMs) {
    const judgingMs = source.periodSeconds * 1000 + maxDataDelayMs + 5 * 60_000;
    const periodSeconds = (0,_metric_retention_js__WEBPACK_IMPORTED_MODULE_1__/* .servedPeriodFor */ .uu)(source.periodSeconds, ctx.clock.now() - since + judgingMs);
    if (periodSeconds === undefined || periodSeconds === source.periodSeconds)
        return source;
    ctx.note(`The pause began ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(ctx.clock.now() - since)} ago; CloudWatch serves metrics that old only in longer periods, so it is judged in periods of ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(periodSeconds * 1000)} rather than the endpoint's ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(source.periodSeconds * 1000)}.`);
    return { ...source, periodSeconds };
}


/***/ }),

/***/ 2894:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  u0: () => (/* binding */ carryOut),
  Wy: () => (/* binding */ carryOutRollback),
  Fu: () => (/* binding */ rollBack),
  gw: () => (/* binding */ switchBack)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/report.ts
var report = __webpack_require__(665);
// EXTERNAL MODULE: ./src/resources.ts + 5 modules
var resources = __webpack_require__(1461);
// EXTERNAL MODULE: ./src/rollout/bake.ts
var bake = __webpack_require__(2428);
// EXTERNAL MODULE: ./src/rollout/gates.ts + 1 modules
var gates = __webpack_require__(8411);
// EXTERNAL MODULE: ./src/rollout/periods.ts
var periods = __webpack_require__(215);
// EXTERNAL MODULE: ./src/rollout/in-flight.ts
var in_flight = __webpack_require__(5453);
// EXTERNAL MODULE: ./src/rollout/moves.ts
var rollout_moves = __webpack_require__(5307);
// EXTERNAL MODULE: ./src/rollout/plan.ts
var plan = __webpack_require__(5762);
// EXTERNAL MODULE: ./src/rollout/result.ts
var result = __webpack_require__(3752);
// EXTERNAL MODULE: ./src/endpoint.ts
var src_endpoint = __webpack_require__(3150);
// EXTERNAL MODULE: ./src/update.ts + 1 modules
var update = __webpack_require__(8191);
// EXTERNAL MODULE: ./src/rollout/scaling.ts
var scaling = __webpack_require__(5316);
// EXTERNAL MODULE: ./src/rollout/state.ts
var state = __webpack_require__(9988);
;// CONCATENATED MODULE: ./src/rollout/rollback.ts
/**
 * The moves of a rollback, and where each rollback starts from. Every way
 * back (a failed gate, a failed update to the canary config or the release,
 * a failed all-at-once judgement, a deployment SageMaker completed that the
 * gates could not pass, operation: rollback, a cancel and the post step) is a
 * plan that rollbackMoves (moves.ts) builds from where the endpoint stands;
 * the executor carries it out with the moves here.
 */






/**
 * The endpoint as a rollout's way back starts from. When it cannot be read,
 * the plan goes on without moving traffic first: the return to the previous
 * config restores the old weights too.
 */
async function endpointNow(ctx, newVariant) {
    try {
        return await (0,src_endpoint/* getEndpoint */.yP)(ctx);
    }
    catch (error) {
        ctx.warn(`Could not move traffic off ${newVariant} first: ${(0,errors/* errorMessage */.gJ)(error)}`);
        return undefined;
    }
}
/**
 * Where an endpoint switched whole to a new config stands (an all-at-once
 * deploy, or a deployment SageMaker ran): it goes back to `target` as it was,
 * at the instances its variants serve with now, with the autoscaling in the
 * way moved off and back.
 */
async function switchedStanding(ctx, target) {
    const variants = (await (0,src_endpoint/* getEndpointConfig */.s3)(ctx, target)).ProductionVariants ?? [];
    const endpoint = await (0,src_endpoint/* getEndpoint */.yP)(ctx);
    const current = await (0,src_endpoint/* findEndpointConfig */.NW)(ctx, endpoint.EndpointConfigName ?? '');
    return {
        target,
        fleet: (0,resources/* fleetSize */.oE)(variants),
        endpoint,
        scaling: await (0,scaling/* scalingMovesFor */.ZD)(ctx, endpoint, current, variants, target),
        waits: true
    };
}
/** Weight 0 takes seconds where the return takes minutes; when it fails, the return restores the weights anyway. */
async function trafficOff(ctx, move) {
    try {
        await (0,update/* updateWeightsAndCapacities */.ep)(ctx, move.weights, {
            purpose: 'the shift of all traffic back to the old variants',
            forceWait: true
        });
    }
    catch (error) {
        ctx.warn(`Could not move traffic off ${move.variant} first: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
}
/**
 * The endpoint back on the config, its variants at the instances they serve
 * with now. Returns the endpoint as it landed; undefined when not waited for.
 */
async function returnTo(ctx, move) {
    await (0,scaling/* takeScalingOff */.on)(ctx, move.scaling, move.config);
    let landed;
    try {
        landed = await (0,update/* updateEndpointConfig */.vG)(ctx, move.config, {
            newFleetInstances: move.fleet,
            purpose: `the rollback to ${move.config}`,
            forceWait: move.wait,
            keepInstanceCounts: true
        });
    }
    catch (error) {
        await (0,scaling/* restoreScaling */.oQ)(ctx, move.scaling);
        throw error;
    }
    await (0,scaling/* putScalingBack */.UV)(ctx, move.scaling);
    return landed;
}
/** The rollout holds nothing more: nothing of it is left for the post step. */
async function giveBackCapacity(ctx, move) {
    if (move.restoreCounts)
        await (0,scaling/* restoreServingCapacity */.nW)(ctx, move.held);
    await (0,scaling/* releaseServingCapacity */.Ay)(ctx, move.held);
    state/* rolloutProgress */.XP.clear();
}

// EXTERNAL MODULE: ./src/rollout/switch.ts
var rollout_switch = __webpack_require__(2821);
// EXTERNAL MODULE: ./src/rollout/shadow.ts + 1 modules
var shadow = __webpack_require__(6460);
// EXTERNAL MODULE: ./src/rollout/words.ts
var words = __webpack_require__(7080);
;// CONCATENATED MODULE: ./src/rollout/executor.ts
/**
 * The one executor of the action's moves: it carries out a rollout's list
 * (moves.ts) in order, keeps one progress record of where it stands (saved
 * for a cancel and the post step), and ends it in one conclusion: released,
 * paused, rolled back, or failed and left in place. A rollback is a list of
 * moves too, built from where the endpoint stands. A dry run hands a
 * rollout's list to plan.ts.
 */

















/**
 * Carries the moves out, or in a dry run records them as the plan. Returns
 * how the rollout ended; undefined in a dry run.
 */
async function carryOut(ctx, settings, inFlight, moves, scene) {
    if (ctx.dryRun) {
        await (0,plan/* rehearse */.Km)(ctx, settings, inFlight, moves, scene);
        return undefined;
    }
    const progress = {
        endpointName: ctx.endpointName,
        region: ctx.settings.region,
        rollout: inFlight,
        moves,
        reached: 0,
        failures: { consecutive: 0 },
        baseline: []
    };
    let judgingSince;
    let saving = false;
    try {
        for (const [index, move] of moves.entries()) {
            progress.reached = index;
            // From the hold on, the serving fleet is the rollout's to give back: a cancel must find how far it went.
            saving ||= move.kind === 'hold-capacity';
            if (saving)
                state/* rolloutProgress */.XP.save(progress);
            if (judgingSince === undefined && (0,rollout_moves/* isJudging */.Ps)(move)) {
                judgingSince = ctx.clock.now();
                if (!(0,gates/* hasGates */.x0)(settings.gates))
                    ctx.warn(words/* NO_GATES_WARNING */.Ii);
            }
            const ended = await perform(ctx, settings, move, scene, progress);
            if (ended)
                return ended;
        }
        return { outcome: 'failed', decision: 'The rollout plan ended without a conclusion.', failsStep: true };
    }
    finally {
        if (judgingSince !== undefined) {
            (0,report/* addInstanceTime */.o6)(ctx.report, (inFlight.newVariantInstances ?? 0) * (ctx.clock.now() - judgingSince));
            // However it ended (promoted, paused, rolled back), the old variants' autoscaling is theirs again.
            await (0,scaling/* releaseServingCapacity */.Ay)(ctx, inFlight.held);
        }
    }
}
/**
 * Carries a rollback plan out, move by move; in a dry run each change is
 * only recorded, so the list printed is the one a run carries out. Returns
 * the endpoint as the return left it (undefined when it was not waited for).
 */
async function carryOutRollback(ctx, moves) {
    core/* info */.pq(`Rollback plan:\n${moves.map((move, index) => `  ${index + 1}. ${(0,words/* describeMove */.xS)(move)}`).join('\n')}`);
    let landed;
    for (const move of moves) {
        if (move.kind === 'traffic-off')
            await trafficOff(ctx, move);
        else if (move.kind === 'return')
            landed = await returnTo(ctx, move);
        else if (move.kind === 'give-back-capacity')
            await giveBackCapacity(ctx, move);
        else if (move.kind === 'delete-config')
            await (0,resources/* deleteConfigQuietly */.JD)(ctx, move.config);
        else
            throw new Error(`A rollback has no move "${move.kind}": it belongs to a rollout.`);
    }
    return landed;
}
/**
 * A rollout run by the action, back from wherever it stands: on the canary
 * config, half-way to it or to the release, or already on the previous
 * config. Its progress says what it holds and how far it went.
 */
async function rollBack(ctx, progress) {
    const endpoint = await endpointNow(ctx, progress.rollout.newVariant);
    return carryOutRollback(ctx, (0,rollout_moves/* rollbackMoves */.BI)((0,rollout_moves/* rolloutStanding */.k_)(progress, endpoint)));
}
/** An endpoint switched whole to a new config (all at once, or by SageMaker), back on `previousConfig`. */
async function switchBack(ctx, previousConfig) {
    return carryOutRollback(ctx, (0,rollout_moves/* rollbackMoves */.BI)(await switchedStanding(ctx, previousConfig)));
}
/** One move; a result when the rollout ends with it. */
async function perform(ctx, settings, move, scene, progress) {
    const inFlight = progress.rollout;
    switch (move.kind) {
        case 'create-canary-config':
            await (0,rollout_switch/* createCanaryConfig */.Hu)(ctx, inFlight, move);
            return undefined;
        case 'create-shadow-config':
            await (0,shadow/* createShadowConfig */.TU)(ctx, inFlight, move);
            return undefined;
        case 'hold-capacity':
            await holdCapacity(ctx, progress, scene.endpoint, move.atLeast);
            return undefined;
        case 'join-shadow':
            return joinOrRollBack(ctx, progress, () => (0,shadow/* joinShadow */.B6)(ctx, inFlight, move.fleet));
        case 'join':
            // After a failed shadow phase nothing joins: the ending rolls back.
            return progress.stopped ? undefined : joinOrRollBack(ctx, progress, () => (0,rollout_switch/* joinCanary */.JI)(ctx, inFlight, move.fleet));
        case 'judge-pause':
        case 'judge-shadow':
        case 'shift':
        case 'judge-step':
            return judgeOrStop(ctx, settings, move, progress);
        case 'pause':
            return concludePause(ctx, settings, progress, move.weight);
        case 'switch-to-release':
            return releaseOrRollBack(ctx, settings, progress);
        default:
            throw new Error(`A rollout has no move "${move.kind}" here: it belongs to a rollback.`);
    }
}
async function holdCapacity(ctx, progress, endpoint, atLeast) {
    const inFlight = progress.rollout;
    await (0,in_flight/* holdServingCapacityFor */.n)(ctx, endpoint, inFlight, (held) => state/* rolloutProgress */.XP.save({ ...progress, rollout: { ...inFlight, held } }));
    for (const entry of inFlight.held)
        entry.instances = Math.max(entry.instances, atLeast?.[entry.variant] ?? 0);
}
async function joinOrRollBack(ctx, progress, join) {
    const inFlight = progress.rollout;
    try {
        await join();
        return undefined;
    }
    catch (error) {
        // The endpoint may be anywhere between the two configs (or SageMaker already put it back).
        await rollBack(ctx, progress).catch(async (rollbackError) => {
            ctx.warn(`Could not return to "${inFlight.previousConfig}": ${(0,errors/* errorMessage */.gJ)(rollbackError)}`);
            await (0,scaling/* releaseServingCapacity */.Ay)(ctx, inFlight.held);
        });
        return ((0,result/* failedUpdateResult */.Ci)(error) ?? { outcome: 'failed', decision: (0,errors/* errorMessage */.gJ)(error), failsStep: true, cause: error });
    }
}
/** The judging moves; once the rollout has stopped short, the moves left are skipped until its ending. */
async function judgeOrStop(ctx, settings, move, progress) {
    if (progress.stopped)
        return undefined;
    const inFlight = progress.rollout;
    const record = ctx.report.rollout;
    try {
        if (move.kind === 'judge-pause') {
            const judged = await (0,bake/* judgePause */.sm)(ctx, settings, inFlight, move.pause, record);
            progress.baseline = judged.baseline;
            if (judged.judgedThrough !== undefined)
                progress.pauseJudgedThrough = judged.judgedThrough;
            if (judged.failure)
                progress.stopped = { kind: 'failed', reason: judged.failure, weight: move.pause.weight };
        }
        else if (move.kind === 'judge-shadow') {
            await (0,shadow/* judgeShadow */.gV)(ctx, settings, progress, record, move);
        }
        else if (move.kind === 'shift') {
            await (0,rollout_switch/* shift */.BN)(ctx, inFlight, move, record);
        }
        else {
            await judgeStep(ctx, settings, inFlight, move, progress, record);
        }
        return undefined;
    }
    catch (error) {
        core/* endGroup */.N4();
        return stoppedByError(ctx, settings, progress, record, error);
    }
}
async function judgeStep(ctx, settings, inFlight, move, progress, record) {
    const step = record.steps.at(-1);
    // After a pause, the first step starts from the first period its judging left: the canary served at the
    // paused weight while promote waited for CloudWatch, and those periods are this step's to judge.
    const afterPause = move.index === 0 && progress.pauseJudgedThrough !== undefined;
    const stepStart = (0,periods/* floorPeriod */.eG)(step.startedAt, (0,periods/* periodMsOf */.J8)(inFlight.source));
    const stepSettings = { ...settings, gates: (0,gates/* gatesAtWeight */.WV)(settings.gates, move.weight) };
    const judge = new gates/* StepJudge */.AU(ctx, stepSettings.gates, {
        newVariant: inFlight.newVariant,
        baselineVariants: inFlight.oldVariants.map((variant) => variant.name),
        source: inFlight.source,
        firstPeriod: afterPause ? Math.min(stepStart, progress.pauseJudgedThrough) : stepStart,
        baselineServes: move.weight < 100,
        earlierBaseline: progress.baseline
    });
    const verdict = await (0,bake/* bake */.Wq)(ctx, stepSettings, judge, step, progress.failures);
    progress.baseline = [...progress.baseline, ...judge.baselineSeen];
    core/* endGroup */.N4();
    step.endedAt = ctx.clock.now();
    step.verdict = verdict.verdict;
    if (verdict.verdict !== 'passed') {
        step.reason = verdict.reason;
        progress.stopped = { kind: verdict.verdict, reason: verdict.reason, weight: move.weight };
    }
}
function stoppedByError(ctx, settings, progress, record, error) {
    const current = record.steps.at(-1);
    if (current && current.verdict === 'in-progress') {
        current.verdict = 'failed';
        current.endedAt = ctx.clock.now();
    }
    if ((0,errors/* isExpiredCredentials */.CW)(error)) {
        // Every call from here would fail the same way: say where the endpoint was left instead.
        return {
            outcome: 'failed',
            decision: words/* decisions */.a.credentialsExpired(current?.weight ?? 0),
            healthy: false,
            failsStep: true,
            cause: error
        };
    }
    return rollBackOrStop(ctx, settings, progress, `the rollout could not go on: ${(0,errors/* errorMessage */.gJ)(error)}`);
}
/** The rollout's ending where its steps stop short of 100, or stopped short. */
function concludePause(ctx, settings, progress, weight) {
    const inFlight = progress.rollout;
    return progress.stopped
        ? concludeStopped(ctx, settings, progress, progress.stopped)
        : pauseHere(ctx, inFlight, {
            decision: words/* decisions */.a.pausedAsAsked(weight, inFlight.newVariant, inFlight.previousConfig),
            failsStep: false,
            healthy: true
        });
}
function concludeStopped(ctx, settings, progress, stopped) {
    if (stopped.kind === 'failed')
        return rollBackOrStop(ctx, settings, progress, stopped.reason);
    const why = words/* decisions */.a.undecidedStep(stopped.weight, stopped.reason, stopped.shadow);
    // A shadow phase has no pause to rest in: promote goes on from a canary.
    if (settings.onInconclusive !== 'pause' || stopped.shadow)
        return rollBackOrStop(ctx, settings, progress, why);
    return pauseHere(ctx, progress.rollout, {
        decision: words/* decisions */.a.pausedUndecided(stopped.weight, progress.rollout.newVariant, why),
        failsStep: true,
        healthy: false
    });
}
async function releaseOrRollBack(ctx, settings, progress) {
    if (progress.stopped)
        return concludeStopped(ctx, settings, progress, progress.stopped);
    const inFlight = progress.rollout;
    try {
        await core/* group */.Os(`Promoting ${inFlight.newVariant}: retiring the old variants`, () => (0,rollout_switch/* switchToRelease */.Fm)(ctx, inFlight));
    }
    catch (error) {
        return rollBackOrStop(ctx, settings, progress, `promotion failed: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
    // The new model serves under the stable name now: the one to key alarms, dashboards and health checks on.
    ctx.output('variant-name', inFlight.stableVariant);
    return {
        outcome: 'succeeded',
        decision: words/* decisions */.a.released(inFlight.newVariant, inFlight.stableVariant, inFlight.releaseConfig),
        healthy: true,
        failsStep: false
    };
}
/**
 * A pause is a resting state, not one to undo: the post step has nothing to
 * do, and the canary config records when the pause began, so promote can
 * judge all of it.
 */
async function pauseHere(ctx, inFlight, result) {
    state/* rolloutProgress */.XP.clear();
    await (0,rollout_switch/* recordPauseStart */.q7)(ctx, inFlight.canaryConfig);
    return { outcome: 'paused', ...result };
}
async function rollBackOrStop(ctx, settings, progress, failure) {
    const { previousConfig } = progress.rollout;
    if (!settings.autoRollback) {
        state/* rolloutProgress */.XP.clear();
        return {
            outcome: 'failed',
            decision: words/* decisions */.a.leftInPlace(failure, previousConfig),
            healthy: false,
            failsStep: true
        };
    }
    ctx.warn(`Rolling back: ${failure}`);
    try {
        await core/* group */.Os(`Rolling back to ${previousConfig}`, () => rollBack(ctx, progress));
    }
    catch (error) {
        return {
            outcome: 'failed',
            decision: words/* decisions */.a.rollbackFailed(failure, (0,errors/* errorMessage */.gJ)(error)),
            healthy: false,
            failsStep: true
        };
    }
    return {
        outcome: 'rolled-back',
        decision: words/* decisions */.a.rolledBack(failure, previousConfig),
        healthy: false,
        failsStep: settings.failOnRollback
    };
}


/***/ }),

/***/ 8411:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  AU: () => (/* binding */ StepJudge),
  yg: () => (/* binding */ describeGates),
  Gc: () => (/* binding */ emptyEvaluation),
  l9: () => (/* binding */ formatPercent),
  WV: () => (/* binding */ gatesAtWeight),
  x0: () => (/* binding */ hasGates),
  rw: () => (/* binding */ needsTraffic),
  Vp: () => (/* binding */ settleVerdict)
});

// EXTERNAL MODULE: ./src/invocation-metrics.ts
var invocation_metrics = __webpack_require__(9113);
// EXTERNAL MODULE: ./src/alarms.ts + 1 modules
var alarms = __webpack_require__(400);
// EXTERNAL MODULE: ./src/metrics.ts + 1 modules
var metrics = __webpack_require__(4023);
// EXTERNAL MODULE: ./src/rollout/periods.ts
var rollout_periods = __webpack_require__(215);
// EXTERNAL MODULE: ./src/probes.ts + 2 modules
var src_probes = __webpack_require__(4476);
// EXTERNAL MODULE: ./src/rollout/agreement.ts
var agreement = __webpack_require__(6117);
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
 * gates, and alarms too, since an alarm on a variant nobody calls has no data
 * (OK if it treats missing data as not breaching, else INSUFFICIENT_DATA).
 * Probes are traffic of their own.
 */
function needsTraffic(gates) {
    return gates.alarmNames.length > 0 || hasMetricGates(gates);
}
/**
 * The gates of a step at `weight`%. At 0% (a dark step) the new variant
 * serves no user traffic: its metrics stay empty and an alarm on it has no
 * data, so only probes, with their answer checks and their comparison with
 * the serving model's answers, judge it.
 */
function gatesAtWeight(gates, weight) {
    if (weight > 0)
        return gates;
    const dark = { alarmNames: [], minInvocations: 0, confidence: gates.confidence };
    return {
        ...dark,
        ...(gates.probe ? { probe: gates.probe } : {}),
        ...(gates.agreement ? { agreement: gates.agreement } : {})
    };
}
/** The gates and their thresholds in words, for the summary and the dry-run plan. */
function describeGates(gates, source) {
    const percent = (fraction) => `${+(fraction * 100).toFixed(3)}%`;
    const rate = (0,invocation_metrics/* errorRateWords */.sV)(source ?? invocation_metrics/* REAL_TIME_MINUTES */.lm);
    const lines = [];
    if (gates.alarmNames.length > 0) {
        const alarms = gates.alarmNames.join(', ');
        lines.push(`alarm-names: ${alarms} must not be in ALARM, and must have data (INSUFFICIENT_DATA is no verdict)`);
    }
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
    if (gates.agreement) {
        lines.push(`max-disagreement: at most ${percent(gates.agreement.maxDisagreement)} of the probes' answers may differ from the serving variant's to the same payload (compared ${(0,agreement/* comparisonWords */.bz)(gates.agreement)})`);
    }
    return lines;
}
/** An evaluation at `at` that has found nothing yet. */
function emptyEvaluation(at) {
    return { at, verdict: 'passed', failures: [], inconclusive: [], alarmsInAlarm: [] };
}
/** An evaluation's verdict from what it found: any failure fails it; else anything undecided leaves it inconclusive. */
function settleVerdict(evaluation) {
    evaluation.verdict =
        evaluation.failures.length > 0 ? 'failed' : evaluation.inconclusive.length > 0 ? 'inconclusive' : 'passed';
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
        const evaluation = emptyEvaluation(ctx.clock.now());
        if (gates.probe) {
            const target = scope.component ? { inferenceComponentName: scope.component } : { targetVariant: scope.newVariant };
            const answered = await (0,src_probes/* sendProbesWithAnswers */.D_)(ctx, gates.probe, target);
            const probes = answered.map(({ record }) => record);
            evaluation.probesSent = probes.length;
            evaluation.probesPassed = probes.filter((probe) => probe.ok).length;
            const failed = probes.find((probe) => !probe.ok);
            if (failed)
                evaluation.failures.push(`probe to ${scope.newVariant} failed: ${failed.detail}`);
            const servingVariant = scope.baselineVariants[0];
            if (gates.agreement && servingVariant && !scope.component) {
                await (0,agreement/* judgeAgreement */.I1)(ctx, { probe: gates.probe, agreement: gates.agreement, servingVariant }, answered, evaluation);
            }
        }
        if (gates.alarmNames.length > 0) {
            const states = await (0,alarms/* describeAlarmStates */.j)(ctx, gates.alarmNames);
            evaluation.alarmsChecked = states.length;
            evaluation.alarmsInAlarm = states.filter((alarm) => alarm.state === 'ALARM').map((alarm) => alarm.name);
            if (evaluation.alarmsInAlarm.length > 0) {
                evaluation.failures.push(`alarm ${evaluation.alarmsInAlarm.join(', ')} in ALARM`);
            }
            // An alarm whose evaluation range holds no data goes to INSUFFICIENT_DATA unless it treats missing data as
            // good or bad (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarms-and-missing-data.html):
            // it watches nothing, as one on a misspelt dimension always does, and cannot vouch for the new variant.
            const blind = states.filter((alarm) => alarm.state === 'INSUFFICIENT_DATA').map((alarm) => alarm.name);
            if (blind.length > 0) {
                evaluation.inconclusive.push(`alarm ${blind.join(', ')} in INSUFFICIENT_DATA: it has no data to judge by, so it cannot vouch for ${scope.newVariant}`);
            }
        }
        if (needsTraffic(gates))
            await this.judgeMetrics(evaluation);
        settleVerdict(evaluation);
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
        const counts = (0,invocation_metrics/* errorsOf */.Bp)(this.scope.source, totals.errors, totals.invocations, totals.unanswered);
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
/* harmony export */   Or: () => (/* binding */ stableVariantOf),
/* harmony export */   n: () => (/* binding */ holdServingCapacityFor),
/* harmony export */   rY: () => (/* binding */ releaseVariant),
/* harmony export */   x1: () => (/* binding */ servingShares)
/* harmony export */ });
/* harmony import */ var _endpoint_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3150);
/* harmony import */ var _naming_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8499);
/* harmony import */ var _resources_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1461);
/* harmony import */ var _scaling_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5316);




/**
 * Suspends the serving variants' scale-in for the rollout. `onHeld` is told
 * what is held as each suspension is about to go out, so that the progress
 * saved for the post step says what to resume wherever a cancel falls.
 */
async function holdServingCapacityFor(ctx, endpoint, inFlight, onHeld) {
    inFlight.held = await (0,_scaling_js__WEBPACK_IMPORTED_MODULE_2__/* .holdServingCapacity */ .If)(ctx, endpoint, inFlight.oldVariants.map((variant) => variant.name), onHeld);
}
/** The serving variants beside `newVariant` on the endpoint now, with their shares of the traffic it does not take. */
function servingShares(endpoint, newVariant) {
    const old = Object.entries((0,_endpoint_js__WEBPACK_IMPORTED_MODULE_0__/* .weightPercentages */ .IC)(endpoint.ProductionVariants ?? [])).filter(([name]) => name !== newVariant);
    const oldTotal = old.reduce((sum, [, weight]) => sum + weight, 0);
    return old.map(([name, weight]) => ({ name, share: oldTotal > 0 ? weight / oldTotal : 1 / old.length }));
}
/**
 * The name the release gives the new model's variant: the serving variant's
 * among the old variants of the canary config (the largest share when the
 * rollout began, which the config records), so the deploy that starts a
 * canary and the promote that finishes it agree.
 */
function stableVariantOf(canaryVariants, newVariant) {
    return (0,_naming_js__WEBPACK_IMPORTED_MODULE_3__/* .servingVariantName */ .Rr)(canaryVariants.filter((variant) => variant.VariantName !== newVariant)) ?? newVariant;
}
/**
 * The new variant alone, as the release config holds it: the canary
 * config's definition at the instances it serves with now, under the stable
 * name.
 */
function releaseVariant(endpoint, canaryConfig, inFlight) {
    const live = endpoint.ProductionVariants?.find((variant) => variant.VariantName === inFlight.newVariant);
    const count = (live && (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_0__/* .liveInstanceCount */ .xZ)(live)) ?? undefined;
    return (0,_resources_js__WEBPACK_IMPORTED_MODULE_1__/* .variantDefinition */ .dx)(canaryConfig, inFlight.newVariant, {
        VariantName: inFlight.stableVariant,
        InitialVariantWeight: 1,
        ...(count ? { InitialInstanceCount: count } : {})
    });
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
/* harmony import */ var _metrics_totals_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(456);

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
                unanswered: 0,
                weightedP99: 0,
                p99Weight: 0,
                p99Missing: false
            };
            figures.invocations += point.invocations;
            figures.errors += (0,_metrics_totals_js__WEBPACK_IMPORTED_MODULE_0__/* .countedErrors */ .GJ)(point);
            figures.unanswered += point.unanswered ?? 0;
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
        errors: sum.errors + figures.errors,
        unanswered: sum.unanswered + figures.unanswered
    }), { invocations: 0, errors: 0, unanswered: 0 });
}
/** HH:MM in UTC as CloudWatch shows it; HH:MM:SS where periods are shorter than a minute, or `ms` falls within one. */
function clockTime(ms, periodMs = MINUTE_MS) {
    const seconds = periodMs % MINUTE_MS !== 0 || ms % MINUTE_MS !== 0;
    return new Date(ms).toISOString().slice(11, seconds ? 19 : 16);
}


/***/ }),

/***/ 5762:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BJ: () => (/* binding */ recordPlan),
/* harmony export */   Km: () => (/* binding */ rehearse),
/* harmony export */   hm: () => (/* binding */ planSageMakerDeployment),
/* harmony export */   xW: () => (/* binding */ planAllAtOnce)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(4219);
/* harmony import */ var _expectations_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1236);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2828);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_16__ = __webpack_require__(665);
/* harmony import */ var _resources_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1461);
/* harmony import */ var _summary_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2829);
/* harmony import */ var _update_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8191);
/* harmony import */ var _in_flight_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5453);
/* harmony import */ var _moves_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5307);
/* harmony import */ var _switch_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(2821);
/* harmony import */ var _shadow_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(6460);
/* harmony import */ var _invocation_metrics_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(9113);
/* harmony import */ var _gates_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(8411);
/* harmony import */ var _native_limits_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(7783);
/* harmony import */ var _periods_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(215);
/* harmony import */ var _scaling_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(5316);
/**
 * A dry run's rollout: every call it would make, in order (each goes through
 * ctx.change, which in a dry run only records it), the gate schedule with its
 * thresholds, how long it would take, and the instance-hours it would add.
 * Nothing is sent that changes anything; reads still happen, so the plan
 * starts from the endpoint as it is.
 */

















/** How late SageMaker typically publishes a closed period: one to three minutes. */
const TYPICAL_PUBLICATION_DELAY_MS = 120_000;
/**
 * What a step that waits for CloudWatch typically adds past its bake: its
 * last period closing (as long as a period, at most), then publication. A
 * minute's datapoints take three minutes; five-minute ones (MetricsConfig)
 * seven.
 */
function typicalDataWaitMs(source) {
    return (0,_periods_js__WEBPACK_IMPORTED_MODULE_14__/* .periodMsOf */ .J8)(source) + TYPICAL_PUBLICATION_DELAY_MS;
}
/**
 * A dry run of the moves the executor would carry out: each change goes
 * through the same calls (ctx.change only records them), each judged step
 * becomes a line of the schedule with what it typically takes.
 */
async function rehearse(ctx, settings, inFlight, moves, scene) {
    const rehearsal = { schedule: [], durationMs: 0, instanceMs: 0, canaryMs: 0 };
    const newVariantInstances = inFlight.newVariantInstances ?? newVariantFleet(moves, inFlight);
    for (const move of moves)
        await rehearseMove(ctx, settings, inFlight, move, scene, rehearsal);
    // As the run ends a rollout that judged: the serving variants' scale-in given back, if nothing gave it back yet.
    if (moves.some(_moves_js__WEBPACK_IMPORTED_MODULE_7__/* .isJudging */ .Ps))
        await (0,_scaling_js__WEBPACK_IMPORTED_MODULE_13__/* .releaseServingCapacity */ .Ay)(ctx, inFlight.held);
    rehearsal.durationMs += rehearsal.canaryMs;
    rehearsal.instanceMs += newVariantInstances * rehearsal.canaryMs;
    recordPlan(ctx, {
        schedule: rehearsal.schedule,
        gates: (0,_gates_js__WEBPACK_IMPORTED_MODULE_11__/* .describeGates */ .yg)(settings.gates, inFlight.source),
        durationMs: rehearsal.durationMs,
        instanceMs: rehearsal.instanceMs
    });
}
/** The new variant's instances, as the release would hold it. */
function newVariantFleet(moves, inFlight) {
    const release = moves.find((move) => move.kind === 'switch-to-release');
    if (release?.kind === 'switch-to-release')
        return release.planned.InitialInstanceCount ?? 0;
    const canary = moves.find((move) => move.kind === 'create-canary-config');
    const variant = canary?.kind === 'create-canary-config'
        ? canary.variants.find((candidate) => candidate.VariantName === inFlight.newVariant)
        : undefined;
    return variant?.InitialInstanceCount ?? 0;
}
async function rehearseMove(ctx, settings, inFlight, move, scene, rehearsal) {
    const fleetMs = ctx.expectedFleetChangeMs ?? _expectations_js__WEBPACK_IMPORTED_MODULE_1__/* .TYPICAL_MS */ .K.fleet;
    switch (move.kind) {
        case 'create-canary-config':
            await (0,_switch_js__WEBPACK_IMPORTED_MODULE_8__/* .createCanaryConfig */ .Hu)(ctx, inFlight, move);
            return;
        case 'hold-capacity':
            await (0,_in_flight_js__WEBPACK_IMPORTED_MODULE_6__/* .holdServingCapacityFor */ .n)(ctx, scene.endpoint, inFlight);
            return;
        case 'create-shadow-config':
        case 'join-shadow':
        case 'judge-shadow':
            return rehearseShadowMove(ctx, settings, inFlight, move, rehearsal);
        case 'join':
            await (0,_update_js__WEBPACK_IMPORTED_MODULE_5__/* .updateEndpointConfig */ .vG)(ctx, inFlight.canaryConfig, { purpose: 'the canary config', forceWait: true });
            rehearsal.schedule.push(`Update the endpoint to ${inFlight.canaryConfig}: ${inFlight.newVariant} joins at weight 0 beside the serving variants, a new fleet of ${move.fleet} instances, about ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(fleetMs)}${inFlight.shadowConfig ? `; then delete ${inFlight.shadowConfig}` : ''}.`);
            rehearsal.durationMs += fleetMs;
            rehearsal.instanceMs += move.fleet * fleetMs;
            if (inFlight.shadowConfig)
                await recordConfigDeletion(ctx, inFlight.shadowConfig);
            return;
        case 'judge-pause':
            rehearsal.canaryMs += dataWaitMs({ ...settings, gates: (0,_gates_js__WEBPACK_IMPORTED_MODULE_11__/* .gatesAtWeight */ .WV)(settings.gates, move.pause.weight) }, inFlight.source);
            rehearsal.schedule.push(pauseJudgedText(settings, inFlight.source, move.pause.weight));
            return;
        case 'shift':
            // A dark step moves nothing: the new variant joined at weight 0 (executor.ts).
            if (move.weight === 0)
                return;
            await (0,_update_js__WEBPACK_IMPORTED_MODULE_5__/* .updateWeightsAndCapacities */ .ep)(ctx, (0,_moves_js__WEBPACK_IMPORTED_MODULE_7__/* .desiredWeights */ .ax)(inFlight, move.weight), {
                purpose: `the shift to ${move.weight}%`
            });
            return;
        case 'judge-step': {
            const dark = move.weight === 0;
            const step = judgedStep({ ...settings, gates: (0,_gates_js__WEBPACK_IMPORTED_MODULE_11__/* .gatesAtWeight */ .WV)(settings.gates, move.weight) }, inFlight.source, dark
                ? `Step ${move.index + 1}: dark, no user traffic to ${inFlight.newVariant}, judged by its probes alone,`
                : `Step ${move.index + 1}: ${move.weight}% of traffic to ${inFlight.newVariant}`);
            rehearsal.canaryMs += (dark ? 0 : _expectations_js__WEBPACK_IMPORTED_MODULE_1__/* .TYPICAL_MS */ .K.weights) + step.durationMs;
            rehearsal.schedule.push(`${step.text} ${stepEndingText(settings)}`);
            return;
        }
        case 'pause':
            await (0,_switch_js__WEBPACK_IMPORTED_MODULE_8__/* .recordPauseStart */ .q7)(ctx, inFlight.canaryConfig);
            rehearsal.schedule.push(`Pause at ${move.weight}%: operation: promote finishes it (judging the pause first), operation: rollback undoes it.`);
            return;
        case 'switch-to-release':
            await rehearseRelease(ctx, inFlight, move, scene);
            rehearsal.schedule.push(`Promote: update the endpoint to ${inFlight.releaseConfig} with ${inFlight.newVariant}'s model alone, as ${inFlight.stableVariant}, a new fleet of ${(0,_resources_js__WEBPACK_IMPORTED_MODULE_3__/* .fleetSize */ .oE)([move.planned])} instances, about ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(fleetMs)}; then delete ${inFlight.canaryConfig}.`);
            rehearsal.durationMs += fleetMs;
            rehearsal.instanceMs += (0,_resources_js__WEBPACK_IMPORTED_MODULE_3__/* .fleetSize */ .oE)([move.planned]) * fleetMs;
            return;
        default:
            throw new Error(`A dry run has no move "${move.kind}": it belongs to a rollback.`);
    }
}
/** The shadow phase's moves, rehearsed: its config, the endpoint joining it, and its judging. */
async function rehearseShadowMove(ctx, settings, inFlight, move, rehearsal) {
    const fleetMs = ctx.expectedFleetChangeMs ?? _expectations_js__WEBPACK_IMPORTED_MODULE_1__/* .TYPICAL_MS */ .K.fleet;
    const serving = inFlight.oldVariants[0]?.name;
    if (move.kind === 'create-shadow-config') {
        await (0,_shadow_js__WEBPACK_IMPORTED_MODULE_9__/* .createShadowConfig */ .TU)(ctx, inFlight, move);
    }
    else if (move.kind === 'join-shadow') {
        await (0,_update_js__WEBPACK_IMPORTED_MODULE_5__/* .updateEndpointConfig */ .vG)(ctx, inFlight.shadowConfig, { purpose: 'the shadow config', forceWait: true });
        rehearsal.schedule.push(`Update the endpoint to ${inFlight.shadowConfig}: ${inFlight.newVariant} joins as the shadow of ${serving}, a new fleet of ${move.fleet} instances, about ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(fleetMs)}.`);
        rehearsal.durationMs += fleetMs;
        rehearsal.instanceMs += move.fleet * fleetMs;
    }
    else {
        const step = judgedStep({ ...settings, gates: (0,_shadow_js__WEBPACK_IMPORTED_MODULE_9__/* .shadowGates */ .XQ)(settings.gates) }, inFlight.source, `Shadow phase: ${move.percent}% of ${serving}'s requests copied to ${inFlight.newVariant}, its answers going nowhere,`);
        const answers = move.capture
            ? " Then its captured answers are compared with the serving variant's to the same InferenceId (max-disagreement)."
            : '';
        rehearsal.canaryMs += step.durationMs;
        rehearsal.schedule.push(`${step.text}${answers} ${stepEndingText(settings, true)}`);
    }
}
async function rehearseRelease(ctx, inFlight, move, scene) {
    await (0,_scaling_js__WEBPACK_IMPORTED_MODULE_13__/* .releaseServingCapacity */ .Ay)(ctx, inFlight.held);
    await (0,_resources_js__WEBPACK_IMPORTED_MODULE_3__/* .createEndpointConfig */ .u7)(ctx, inFlight.releaseConfig, [{ ...move.planned, InitialVariantWeight: 1 }], { role: 'release', previousConfig: inFlight.previousConfig }, inFlight.userTags, move.configSettings);
    await (0,_scaling_js__WEBPACK_IMPORTED_MODULE_13__/* .withScalingMoved */ .Dl)(ctx, { endpoint: scene.endpoint, current: scene.current, target: [move.planned], targetName: inFlight.releaseConfig }, () => (0,_update_js__WEBPACK_IMPORTED_MODULE_5__/* .updateEndpointConfig */ .vG)(ctx, inFlight.releaseConfig, { purpose: 'the promotion', forceWait: true }));
    await recordConfigDeletion(ctx, inFlight.canaryConfig);
}
/** In a deploy's dry run the rollout's configs were never made, so this records a delete without looking for it. */
async function recordConfigDeletion(ctx, configName) {
    const input = { EndpointConfigName: configName };
    await ctx.change('DeleteEndpointConfig', `endpoint config "${configName}"`, input, () => ctx.clients.sagemaker.send(new _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_15__/* .DeleteEndpointConfigCommand */ .W(input)));
}
function pauseJudgedText(settings, source, weight) {
    const waiting = (0,_gates_js__WEBPACK_IMPORTED_MODULE_11__/* .needsTraffic */ .rw)(settings.gates)
        ? `until CloudWatch has published the ${(0,_invocation_metrics_js__WEBPACK_IMPORTED_MODULE_10__/* .periodWords */ .Hj)(source)} this run began in (typically ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(typicalDataWaitMs(source))}, at most max-data-delay ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(settings.maxDataDelayMs)} past it)`
        : 'at once';
    return `Judge the pause at ${weight}%: the gates over the whole pause, ${waiting}; a failure ${settings.autoRollback ? 'rolls back' : 'stops the rollout'} before any traffic moves.`;
}
function stepEndingText(settings, shadow = false) {
    const consequence = settings.autoRollback ? 'roll' : 'stop';
    const failing = settings.failureThreshold === 1
        ? `A failed evaluation ${consequence === 'roll' ? 'rolls back' : 'stops the rollout'}`
        : `${settings.failureThreshold} failed evaluations without a pass between them ${consequence === 'roll' ? 'roll back' : 'stop the rollout'}`;
    // A shadow phase has no pause to rest in (executor.ts): undecided, it ends as a failure does.
    if (shadow)
        return `${failing}; so does a shadow phase the gates cannot judge.`;
    return `${failing}; a step the gates cannot judge ${settings.onInconclusive === 'pause' ? 'pauses' : 'rolls back'}.`;
}
/**
 * A deploy that replaces the model all at once (or creates the endpoint) as a
 * plan: the one fleet update, then the gates judging the new variant alone.
 */
function planAllAtOnce(ctx, settings, deploy) {
    const fleetMs = ctx.expectedFleetChangeMs ?? _expectations_js__WEBPACK_IMPORTED_MODULE_1__/* .TYPICAL_MS */ .K.fleet;
    const gates = (0,_gates_js__WEBPACK_IMPORTED_MODULE_11__/* .describeGates */ .yg)(settings.gates, deploy.source);
    const schedule = [
        deploy.previousConfig
            ? `Update the endpoint to ${deploy.releaseConfig}: ${deploy.variant} alone, a new fleet of ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .counted */ .hS)(deploy.fleet, 'instance')} beside the serving one until it is healthy, about ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(fleetMs)} (SageMaker returns to ${deploy.previousConfig} by itself if it never is).`
            : `Create the endpoint on ${deploy.releaseConfig}: ${deploy.variant} on ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .counted */ .hS)(deploy.fleet, 'instance')}, about ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(fleetMs)}.`
    ];
    let durationMs = fleetMs;
    if (gates.length > 0) {
        const step = judgedStep(settings, deploy.source, `Then ${deploy.variant} takes all traffic`);
        durationMs += step.durationMs;
        schedule.push(`${step.text} A failed gate ${!deploy.previousConfig
            ? 'fails the step; the endpoint is new, so there is nothing to roll back to'
            : settings.autoRollback
                ? `returns the endpoint to ${deploy.previousConfig} (a new fleet again, about ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(fleetMs)})`
                : `fails the step, leaving ${deploy.variant} in place (auto-rollback is off)`}.`);
    }
    // Only an update adds instances: the new fleet runs beside the serving one until it takes over.
    recordPlan(ctx, { schedule, gates, durationMs, instanceMs: deploy.previousConfig ? deploy.fleet * fleetMs : 0 });
}
/**
 * A deployment SageMaker runs (rollout-controller: sagemaker) as a plan: what
 * it was asked to do, and how long that takes, provisioning and every bake.
 */
function planSageMakerDeployment(ctx, settings, deployment) {
    const fleetMs = ctx.expectedFleetChangeMs ?? _expectations_js__WEBPACK_IMPORTED_MODULE_1__/* .TYPICAL_MS */ .K.fleet;
    const durationMs = (0,_native_limits_js__WEBPACK_IMPORTED_MODULE_12__/* .leastTimeoutMs */ .lo)(settings, deployment.batches, fleetMs);
    const provisioning = deployment.batches > 1
        ? `${deployment.batches} batches, each provisioned (about ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(fleetMs)}) and baked`
        : `the new fleet provisioned (about ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(fleetMs)}), then every bake`;
    recordPlan(ctx, {
        schedule: [`${deployment.description} About ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(durationMs)}: ${provisioning}.`],
        gates: (0,_gates_js__WEBPACK_IMPORTED_MODULE_11__/* .describeGates */ .yg)(settings.gates, deployment.source),
        durationMs,
        instanceMs: deployment.newFleetInstances * durationMs
    });
}
/** One judged step in words, and how long it typically lasts: its bake, then the wait for its periods. */
function judgedStep(settings, source, what) {
    const evaluations = Math.max(1, Math.ceil(settings.bakeTimeMs / settings.gateIntervalMs));
    return {
        durationMs: settings.bakeTimeMs + dataWaitMs(settings, source),
        text: `${what} for ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(settings.bakeTimeMs)}, ${(0,_gates_js__WEBPACK_IMPORTED_MODULE_11__/* .hasGates */ .x0)(settings.gates)
            ? `gates judged every ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(settings.gateIntervalMs)} (${evaluations} evaluations)`
            : 'no gates: it only waits'}${(0,_gates_js__WEBPACK_IMPORTED_MODULE_11__/* .needsTraffic */ .rw)(settings.gates)
            ? `, then until CloudWatch has published the step's ${(0,_invocation_metrics_js__WEBPACK_IMPORTED_MODULE_10__/* .periodWords */ .Hj)(source)}s (typically ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(typicalDataWaitMs(source))} more, at most max-data-delay ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(settings.maxDataDelayMs)} past the last one's close)`
            : ''}.`
    };
}
/**
 * What waiting for CloudWatch typically adds past a bake, when the gates need its periods: the last one
 * closing, then publication, which max-data-delay bounds past the close.
 */
function dataWaitMs(settings, source) {
    if (!(0,_gates_js__WEBPACK_IMPORTED_MODULE_11__/* .needsTraffic */ .rw)(settings.gates))
        return 0;
    return (0,_periods_js__WEBPACK_IMPORTED_MODULE_14__/* .periodMsOf */ .J8)(source) + Math.min(TYPICAL_PUBLICATION_DELAY_MS, settings.maxDataDelayMs);
}
function recordPlan(ctx, plan) {
    const planned = {
        schedule: plan.schedule,
        gates: plan.gates,
        expectedDurationMs: plan.durationMs,
        basis: ctx.expectedFleetChangeMs !== undefined
            ? `this endpoint's last update took ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(ctx.expectedFleetChangeMs)}`
            : `a new fleet typically takes ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(_expectations_js__WEBPACK_IMPORTED_MODULE_1__/* .TYPICAL_MS */ .K.fleet)} to come up`
    };
    ctx.report.plan = planned;
    (0,_report_js__WEBPACK_IMPORTED_MODULE_16__/* .addInstanceTime */ .o6)(ctx.report, plan.instanceMs);
    logPlan(planned, ctx.report.addedInstanceHours, ctx.report.instanceHourPrice);
}
/**
 * The plan in the log as well as in the summary: a dry run is often read in
 * the step's log (or a local run's output), where the calls alone would not
 * say how the rollout is judged or how long it takes.
 */
function logPlan(plan, hours, price) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Rollout plan: about ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(plan.expectedDurationMs)}, assuming ${plan.basis}.`);
    plan.schedule.forEach((line, index) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`  ${index + 1}. ${line}`));
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(plan.gates.length > 0 ? `Gates: ${plan.gates.join('; ')}.` : 'No gates are set.');
    if (hours !== undefined)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Instance-hours this rollout would add: ${(0,_summary_js__WEBPACK_IMPORTED_MODULE_4__/* .instanceHoursText */ .gC)(hours, price)}.`);
}


/***/ }),

/***/ 3752:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ci: () => (/* binding */ failedUpdateResult),
/* harmony export */   NS: () => (/* binding */ concludeRollout),
/* harmony export */   qv: () => (/* binding */ setRolloutOutputs)
/* harmony export */ });
/* unused harmony export RolloutFailedError */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9378);
/* harmony import */ var _endpoint_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3150);
/* harmony import */ var _resources_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1461);
/* harmony import */ var _wait_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(910);
/**
 * How a rollout ended, decided once. The engine, the all-at-once judge and
 * the SageMaker controller each return a RolloutResult; concludeRollout is the
 * one place that turns it into outputs, the summary's decision, the log's
 * verdict and the clean-up, so no operation ever reads its own outputs back.
 */





/** Thrown when a rollout ended rolled back, failed or undecided; outputs and summary are already set. */
class RolloutFailedError extends Error {
    constructor(message) {
        super(message);
        this.name = 'RolloutFailedError';
    }
}
/**
 * Records the result (outputs, summary, log), takes away what the run made
 * and nothing runs on when the rollout did not go ahead, shows where the
 * endpoint was left, and fails the step when the result says so.
 */
async function concludeRollout(ctx, result, created) {
    const record = ctx.report.rollout;
    if (record) {
        record.result = result.outcome;
        record.decision = result.decision;
    }
    else if (!result.failsStep) {
        // For the summary only: announce() below puts it in the log, as a notice.
        ctx.report.notes.push(result.decision);
    }
    setRolloutOutputs(ctx, {
        outcome: result.outcome,
        rolledBack: result.rolledBack ?? result.outcome === 'rolled-back',
        ...(result.healthy !== undefined ? { healthy: result.healthy } : {})
    });
    announce(result);
    if (created && (result.outcome === 'rolled-back' || result.outcome === 'failed')) {
        await (0,_resources_js__WEBPACK_IMPORTED_MODULE_3__/* .discardUnused */ .VL)(ctx, created);
    }
    if (!ctx.dryRun) {
        try {
            const endpoint = await (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_2__/* .findEndpoint */ .vS)(ctx);
            if (endpoint)
                await (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_2__/* .reportEndpoint */ .Us)(ctx, endpoint);
        }
        catch (error) {
            ctx.warn(`Could not read where endpoint "${ctx.endpointName}" was left: ${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}`);
        }
    }
    if (result.cause !== undefined)
        throw result.cause;
    if (result.failsStep)
        throw new RolloutFailedError(result.decision);
    if (result.outcome === 'rolled-back') {
        ctx.warn(`${result.decision} The step succeeds because fail-on-rollback is false.`);
    }
}
/**
 * The one place rollout-result, rolled-back and healthy are set: by a
 * rollout's conclusion, and by the rollback operation and the post step,
 * which roll back without a rollout of their own.
 */
function setRolloutOutputs(ctx, outputs) {
    if (outputs.outcome !== undefined)
        ctx.output('rollout-result', outputs.outcome);
    ctx.output('rolled-back', outputs.rolledBack);
    if (outputs.healthy !== undefined)
        ctx.output('healthy', outputs.healthy);
}
function announce(result) {
    if (result.failsStep || result.outcome === 'failed') {
        // The step's own failure message says it; the log gets the decision where it happened.
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(result.decision);
        return;
    }
    if (result.outcome === 'succeeded' || result.outcome === 'paused')
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .notice */ .lm(result.decision);
}
/** An update SageMaker did not complete: failed, and rolled back when SageMaker put the old config back. */
function failedUpdateResult(error) {
    if (!(error instanceof _wait_js__WEBPACK_IMPORTED_MODULE_4__/* .EndpointStateError */ .D7) || !error.endpoint)
        return undefined;
    return {
        outcome: 'failed',
        decision: error.message,
        rolledBack: error.endpoint.EndpointStatus === 'InService',
        failsStep: true
    };
}


/***/ }),

/***/ 5316:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ay: () => (/* binding */ releaseServingCapacity),
/* harmony export */   Dl: () => (/* binding */ withScalingMoved),
/* harmony export */   If: () => (/* binding */ holdServingCapacity),
/* harmony export */   UV: () => (/* binding */ putScalingBack),
/* harmony export */   ZD: () => (/* binding */ scalingMovesFor),
/* harmony export */   as: () => (/* binding */ putBackScalingLeftOff),
/* harmony export */   nW: () => (/* binding */ restoreServingCapacity),
/* harmony export */   oQ: () => (/* binding */ restoreScaling),
/* harmony export */   on: () => (/* binding */ takeScalingOff)
/* harmony export */ });
/* harmony import */ var _autoscaling_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6886);
/* harmony import */ var _scale_in_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5173);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9378);
/* harmony import */ var _endpoint_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3150);
/* harmony import */ var _update_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8191);
/* harmony import */ var _wait_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(910);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9988);







/** The moves an update from `current` to a config of `target` variants needs; none when nothing is scaled. */
async function scalingMovesFor(ctx, endpoint, current, target, targetName) {
    return (await planScaling(ctx, endpoint, current, target, targetName)).moves;
}
/** The moves, and the scaled variants the update keeps as they are (their registration stays through it). */
async function planScaling(ctx, endpoint, current, target, targetName) {
    const live = (endpoint.ProductionVariants ?? []).map((variant) => variant.VariantName ?? '');
    const scaled = [];
    try {
        for (const variant of live) {
            const scaling = await (0,_autoscaling_js__WEBPACK_IMPORTED_MODULE_0__/* .describeVariantScaling */ .oM)(ctx, ctx.endpointName, variant);
            if (scaling)
                scaled.push({ variant, scaling });
        }
    }
    catch (error) {
        if ((0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorCode */ .CA)(error) !== 'AccessDeniedException')
            throw error;
        // Reading is only a precaution: if nothing is scaled the update goes through, and if something is SageMaker says so.
        ctx.warn(`Could not read the endpoint's autoscaling (${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorCode */ .CA)(error)}); if a scaled variant is removed or changes instance type, SageMaker will refuse the update.`);
        return { moves: [], kept: [] };
    }
    const moves = [];
    const removed = [];
    const kept = [];
    for (const { variant, scaling } of scaled) {
        const staying = target.find((candidate) => candidate.VariantName === variant);
        const before = current?.ProductionVariants?.find((candidate) => candidate.VariantName === variant);
        if (!staying)
            removed.push({ from: variant, scaling });
        else if (before && staying.InstanceType !== before.InstanceType)
            moves.push({ from: variant, to: variant, scaling });
        else
            kept.push(variant);
    }
    const unscaled = target
        .map((variant) => variant.VariantName ?? '')
        .filter((name) => !scaled.some((entry) => entry.variant === name));
    const receiver = unscaled.length === 1 && removed.length === 1 ? unscaled[0] : undefined;
    for (const move of removed) {
        if (receiver) {
            moves.push({ ...move, to: receiver });
            continue;
        }
        ctx.warn(`Autoscaling on variant "${move.from}" (${(0,_autoscaling_js__WEBPACK_IMPORTED_MODULE_0__/* .formatVariantScaling */ .Qp)(move.scaling)}) is removed: config "${targetName}" has no variant "${move.from}" and no single variant to carry it to. Run configure-autoscaling on the variants that need it.`);
        moves.push(move);
    }
    return { moves, kept };
}
/** Deregisters the scaling of every move, before the update, saved first for a post step to put back. */
async function takeScalingOff(ctx, moves, targetConfig) {
    if (moves.length === 0)
        return;
    if (!ctx.dryRun) {
        _state_js__WEBPACK_IMPORTED_MODULE_6__/* .scalingTakenOff */ .gS.save({ endpointName: ctx.endpointName, region: ctx.settings.region, targetConfig, moves });
    }
    for (const { from, scaling } of moves)
        await (0,_autoscaling_js__WEBPACK_IMPORTED_MODULE_0__/* .deregisterVariantScaling */ .dG)(ctx, ctx.endpointName, from, scaling);
}
/** Registers each move's scaling on its new variant; a failure is a warning, the update itself having succeeded. */
async function putScalingBack(ctx, moves) {
    for (const { from, to, scaling } of moves) {
        if (!to)
            continue;
        try {
            await (0,_autoscaling_js__WEBPACK_IMPORTED_MODULE_0__/* .registerVariantScaling */ .it)(ctx, ctx.endpointName, to, scaling);
            ctx.note(from === to
                ? `Autoscaling put back on variant "${to}" after its instance type changed.`
                : `Autoscaling carried over from variant "${from}" to "${to}" (${scaling.minCapacity} to ${scaling.maxCapacity} instances).`);
        }
        catch (error) {
            ctx.warn(`Could not register autoscaling on variant "${to}": ${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)} Run configure-autoscaling for it.`);
        }
    }
    if (moves.length > 0)
        _state_js__WEBPACK_IMPORTED_MODULE_6__/* .scalingTakenOff */ .gS.clear();
}
/**
 * After a failed update the endpoint may be back on the variants whose
 * scaling was taken off; they get it back so the failure leaves them as they were.
 */
async function restoreScaling(ctx, moves) {
    if (moves.length === 0 || ctx.dryRun)
        return;
    const now = await (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_3__/* .findEndpoint */ .vS)(ctx).catch(() => undefined);
    const live = (now?.ProductionVariants ?? []).map((variant) => variant.VariantName ?? '');
    for (const { from, scaling } of moves) {
        if (now?.EndpointStatus !== 'InService' || !live.includes(from)) {
            ctx.warn(`Autoscaling of variant "${from}" (${(0,_autoscaling_js__WEBPACK_IMPORTED_MODULE_0__/* .formatVariantScaling */ .Qp)(scaling)}) was removed for the update and could not be put back; run configure-autoscaling once the endpoint is InService.`);
            continue;
        }
        try {
            await (0,_autoscaling_js__WEBPACK_IMPORTED_MODULE_0__/* .registerVariantScaling */ .it)(ctx, ctx.endpointName, from, scaling);
            ctx.note(`Autoscaling restored on variant "${from}" after the failed update.`);
        }
        catch (error) {
            ctx.warn(`Could not restore autoscaling on variant "${from}": ${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)} Run configure-autoscaling for it.`);
        }
    }
    _state_js__WEBPACK_IMPORTED_MODULE_6__/* .scalingTakenOff */ .gS.clear();
}
/**
 * The post step's: the autoscaling a cut-short run took off, put back once the endpoint is InService, on the
 * variant each move was bound for if the update landed, else on the one it came from (the update failed, or was
 * undone: the variants are the old config's, whatever their names).
 */
async function putBackScalingLeftOff(ctx, off) {
    let endpoint;
    try {
        endpoint = await (0,_wait_js__WEBPACK_IMPORTED_MODULE_5__/* .waitForSettled */ .SG)(ctx, 'the endpoint to be InService before its autoscaling is registered again');
    }
    catch (error) {
        ctx.warn(`Could not wait for endpoint "${off.endpointName}": ${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}`);
    }
    const live = new Set((endpoint?.ProductionVariants ?? []).map((variant) => variant.VariantName ?? ''));
    const landed = endpoint?.EndpointConfigName === off.targetConfig;
    for (const { from, to, scaling } of off.moves) {
        const onto = landed ? to : from;
        // Landed with no variant for it: its scaling was dropped on purpose, with a warning, when it came off.
        if (onto === undefined)
            continue;
        const settings = (0,_autoscaling_js__WEBPACK_IMPORTED_MODULE_0__/* .formatVariantScaling */ .Qp)(scaling);
        if (endpoint?.EndpointStatus !== 'InService' || !live.has(onto)) {
            ctx.warn(`Autoscaling of variant "${from}" (${settings}) was taken off for an update the run did not finish, and could not be put back; run configure-autoscaling once the endpoint is InService.`);
            continue;
        }
        try {
            await (0,_autoscaling_js__WEBPACK_IMPORTED_MODULE_0__/* .registerVariantScaling */ .it)(ctx, ctx.endpointName, onto, scaling);
            ctx.note(`Autoscaling put back on variant "${onto}" (${settings}): the run was cut short during an update.`);
        }
        catch (error) {
            ctx.warn(`Could not put autoscaling back on variant "${onto}" (${settings}): ${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)} Run configure-autoscaling for it.`);
        }
    }
    _state_js__WEBPACK_IMPORTED_MODULE_6__/* .scalingTakenOff */ .gS.clear();
}
/**
 * Runs `update` with the autoscaling in its way taken off first and put back
 * after, or restored where it was if the update fails. `update` is told when it
 * must wait for the new config: scaling can only be registered on a variant
 * that exists. Returns, besides its result, the variants of the new config
 * that scale after it.
 */
async function withScalingMoved(ctx, plan, update) {
    const { moves, kept } = await planScaling(ctx, plan.endpoint, plan.current, plan.target, plan.targetName);
    await takeScalingOff(ctx, moves, plan.targetName);
    let result;
    try {
        result = await update(moves.some((move) => move.to !== undefined));
    }
    catch (error) {
        await restoreScaling(ctx, moves);
        throw error;
    }
    await putScalingBack(ctx, moves);
    const carried = moves.flatMap((move) => (move.to ? [move.to] : []));
    return { result, scaled: [...kept, ...carried] };
}
/**
 * Keeps the serving variants at the capacity they serve with: as traffic
 * shifts away from them their autoscaling would scale them in, and a
 * rollback would then send all traffic back to a shrunken fleet.
 */
async function holdServingCapacity(ctx, endpoint, variants, 
/** Called with what is held so far as each suspension is about to be sent, for the post step to undo. */
onHeld = () => { }) {
    const held = [];
    for (const variant of variants) {
        const summary = endpoint.ProductionVariants?.find((candidate) => candidate.VariantName === variant);
        const instances = (summary && (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_3__/* .liveInstanceCount */ .xZ)(summary)) ?? 0;
        let before;
        try {
            before = await (0,_scale_in_js__WEBPACK_IMPORTED_MODULE_1__/* .suspendScaleIn */ .am)(ctx, ctx.endpointName, variant, (found) => onHeld([...held, { variant, instances, before: found }]));
        }
        catch (error) {
            // Reading is a precaution: without permission the rollout still runs, and the rollback still restores counts.
            ctx.warn(`Could not suspend the scale-in of variant "${variant}" (${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorCode */ .CA)(error)}: ${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}); its autoscaling may shrink it while traffic moves away.`);
        }
        if (before)
            ctx.note(`Scale-in of variant "${variant}" is suspended for the rollout, at ${instances} instances.`);
        held.push({ variant, instances, ...(before ? { before } : {}) });
    }
    return held;
}
/**
 * Puts each held variant's scale-in back as it was, once: a variant given
 * back is marked so (its `before` goes), and a second call (a rollout's end
 * after its release gave it back) sends nothing, in a dry run as in the run.
 * A failure is a warning naming what to do.
 */
async function releaseServingCapacity(ctx, held) {
    for (const entry of held ?? []) {
        const { variant, before } = entry;
        if (!before)
            continue;
        try {
            await (0,_scale_in_js__WEBPACK_IMPORTED_MODULE_1__/* .resumeScaleIn */ .ni)(ctx, ctx.endpointName, variant, before);
            delete entry.before;
        }
        catch (error) {
            ctx.warn(`Could not resume the scale-in of variant "${variant}": ${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)} Resume it with RegisterScalableTarget (SuspendedState DynamicScalingInSuspended=false).`);
        }
    }
}
/**
 * After a rollback, every held variant serves with at least the instances it
 * had when the rollout began: it takes all the traffic back.
 */
async function restoreServingCapacity(ctx, held) {
    if (ctx.dryRun || !held || held.length === 0)
        return;
    const endpoint = await (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_3__/* .findEndpoint */ .vS)(ctx);
    const short = held.flatMap(({ variant, instances }) => {
        const summary = endpoint?.ProductionVariants?.find((candidate) => candidate.VariantName === variant);
        const now = summary ? (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_3__/* .liveInstanceCount */ .xZ)(summary) : undefined;
        return now !== undefined && now < instances ? [{ VariantName: variant, DesiredInstanceCount: instances }] : [];
    });
    if (short.length === 0)
        return;
    ctx.warn(`Variants ${short.map((entry) => `"${entry.VariantName}"`).join(', ')} had shrunk during the rollout; returning them to the instances they served with before it (${short.map((entry) => `${entry.VariantName} ${entry.DesiredInstanceCount}`).join(', ')}).`);
    // One variant a call: the API changes "capacity of one variant" at a time
    // (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_UpdateEndpointWeightsAndCapacities.html).
    for (const entry of short) {
        try {
            await (0,_update_js__WEBPACK_IMPORTED_MODULE_4__/* .updateWeightsAndCapacities */ .ep)(ctx, [entry], {
                purpose: `restoring the serving capacity of "${entry.VariantName}"`,
                forceWait: true
            });
        }
        catch (error) {
            // The traffic is back already: one variant SageMaker could not regrow must not stop the others, or the rest
            // of the rollback.
            ctx.warn(`Could not return variant "${entry.VariantName}" to ${entry.DesiredInstanceCount} instances: ${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)} It serves all its traffic with fewer; raise it with operation: update-capacity.`);
        }
    }
}


/***/ }),

/***/ 6460:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  uS: () => (/* binding */ captureOf),
  TU: () => (/* binding */ createShadowConfig),
  B6: () => (/* binding */ joinShadow),
  gV: () => (/* binding */ judgeShadow),
  Mb: () => (/* binding */ refuseShadowPhase),
  w0: () => (/* binding */ shadowConfigMove),
  XQ: () => (/* binding */ shadowGates)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/captured-payloads.ts
var captured_payloads = __webpack_require__(2337);
// EXTERNAL MODULE: ./src/probes.ts + 2 modules
var probes = __webpack_require__(4476);
// EXTERNAL MODULE: ./src/resources.ts + 5 modules
var resources = __webpack_require__(1461);
// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
;// CONCATENATED MODULE: ./src/shadow-capture.ts


/** Pages of a variant's capture listed at most, so that a busy endpoint's capture is not walked whole. */
const MAX_PAGES = 10;
/** The keys of a capture's hour folder: what comes before them sorts before the hour. */
function hourFolder(at) {
    const iso = new Date(at).toISOString();
    return `${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(11, 13)}/`;
}
/** A captured line's InferenceId and answer, or undefined for a line that holds no answer or no InferenceId. */
function capturedAnswer(line) {
    let parsed;
    try {
        parsed = JSON.parse(line);
    }
    catch {
        return undefined;
    }
    const record = parsed;
    const inferenceId = record?.eventMetadata?.inferenceId;
    const output = record?.captureData?.endpointOutput;
    if (typeof inferenceId !== 'string' || typeof output?.data !== 'string')
        return undefined;
    return { inferenceId, captured: { answer: decoded(output), request: decoded(record?.captureData?.endpointInput) } };
}
function decoded(data) {
    if (typeof data?.data !== 'string')
        return '';
    return data.encoding === 'BASE64' ? Buffer.from(data.data, 'base64').toString('utf8') : data.data;
}
/**
 * The answers one variant gave since a time, by InferenceId, read from its
 * capture folders from that hour on. Each refresh reads only the objects it
 * has not read yet (a capture object is written once), so a phase can look
 * at every evaluation; all refreshes together list at most MAX_PAGES pages
 * each and read at most MAX_BYTES.
 */
class CapturedAnswers {
    capture;
    since;
    answers = new Map();
    read = new Set();
    bytes = 0;
    prefix;
    constructor(capture, endpointName, variant, since) {
        this.capture = capture;
        this.since = since;
        const base = capture.prefix.replace(/\/+$/, '');
        this.prefix = `${base ? `${base}/` : ''}${endpointName}/${variant}/`;
    }
    async refresh(ctx) {
        const { ListObjectsV2Command } = await __webpack_require__.e(/* import() */ 624).then(__webpack_require__.bind(__webpack_require__, 2624));
        const s3 = await ctx.clients.s3();
        const { bucket } = this.capture;
        let token;
        for (let page = 0; page < MAX_PAGES && this.bytes < captured_payloads/* MAX_BYTES */.zx; page++) {
            const listed = await (0,errors/* awsCall */.uF)('ListObjectsV2', `s3://${bucket}/${this.prefix}`, () => s3.send(new ListObjectsV2Command({
                Bucket: bucket,
                Prefix: this.prefix,
                StartAfter: `${this.prefix}${hourFolder(this.since)}`,
                ...(token ? { ContinuationToken: token } : {})
            })));
            for (const object of listed.Contents ?? []) {
                const key = object.Key ?? '';
                if (!key.endsWith('.jsonl') || this.read.has(key) || this.bytes >= captured_payloads/* MAX_BYTES */.zx)
                    continue;
                const text = await (0,captured_payloads/* readCaptureObject */.I8)(ctx, bucket, key, captured_payloads/* MAX_BYTES */.zx - this.bytes);
                this.read.add(key);
                this.bytes += text.length;
                for (const line of text.split('\n')) {
                    const found = capturedAnswer(line);
                    if (found)
                        this.answers.set(found.inferenceId, found.captured);
                }
            }
            token = listed.NextContinuationToken;
            if (!listed.IsTruncated || !token)
                break;
        }
    }
}

// EXTERNAL MODULE: ./src/serving-container.ts
var serving_container = __webpack_require__(6221);
// EXTERNAL MODULE: ./src/update.ts + 1 modules
var update = __webpack_require__(8191);
// EXTERNAL MODULE: ./src/rollout/agreement.ts
var rollout_agreement = __webpack_require__(6117);
// EXTERNAL MODULE: ./src/rollout/bake.ts
var bake = __webpack_require__(2428);
// EXTERNAL MODULE: ./src/rollout/gates.ts + 1 modules
var gates = __webpack_require__(8411);
// EXTERNAL MODULE: ./src/rollout/native-limits.ts
var native_limits = __webpack_require__(7783);
// EXTERNAL MODULE: ./src/rollout/periods.ts
var periods = __webpack_require__(215);
;// CONCATENATED MODULE: ./src/rollout/shadow.ts
/**
 * The shadow phase (shadow-percent): before the new model takes any user
 * request, it runs as a shadow variant beside the one serving variant and
 * gets a copy of a share of its requests; its answers go nowhere
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/shadow-tests.html). It is
 * judged against the serving variant on the same minutes, by its own metrics
 * (a shadow variant publishes them under its VariantName, as AWS's shadow
 * example reads them: aws/amazon-sagemaker-examples, Shadow_variant.ipynb),
 * and by the answers data capture holds from both for the same InferenceId.
 * Then the canary config replaces the shadow config, the new variant joins at
 * weight 0 and the steps follow; a failed phase rolls back, and users never
 * met the new model.
 *
 * SageMaker allows a shadow variant beside one production variant only
 * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateEndpointConfig.html).
 * The share copied is the shadow's weight against the production variant's:
 * AWS's example sets the production weight to 1 and the shadow's to 0.5 to
 * copy "50% of the production variant requests" (Shadow_variant.ipynb), and
 * says nothing of other weights, so the shadow config always gives the
 * production variant weight 1.
 */













/** How often the end of a shadow phase looks for the captured answers SageMaker has yet to write. */
const CAPTURE_POLL_MS = 20_000;
/** Where data capture writes the endpoint's answers, when it captures them. */
function captureOf(settings) {
    const capture = settings.DataCaptureConfig;
    if (!capture?.DestinationS3Uri || capture.EnableCapture === false)
        return undefined;
    const modes = (capture.CaptureOptions ?? []).map((option) => option.CaptureMode);
    if (!modes.includes('Output') && !modes.includes('InputAndOutput'))
        return undefined;
    const location = (0,captured_payloads/* destinationLocation */.yW)(capture.DestinationS3Uri);
    if (!location) {
        // Carried from the serving config, so no input of this run is to blame.
        throw new Error(`The endpoint's data capture writes to "${capture.DestinationS3Uri}", which the action cannot read as an S3 bucket and prefix; nothing was changed. Set data-capture-s3-uri to its s3:// form.`);
    }
    return location;
}
/**
 * What a shadow phase cannot run on, refused before anything is created.
 * One production variant only (CreateEndpointConfig). SageMaker's shadow
 * tests exclude serverless and asynchronous inference, multi-model and
 * multiple-container endpoints, Inf1 instances and Marketplace containers
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/shadow-tests-exclusions.html);
 * AWS does not say whether a config's ShadowProductionVariants share those
 * limits, so the action takes them as its own.
 */
function refuseShadowPhase(endpointName, rollout, serving, planned) {
    const { configSettings } = planned;
    if (rollout.shadowPercent === undefined)
        return;
    const refuse = (why, instead) => {
        throw new Error(`Input "shadow-percent": ${why}; nothing was changed. ${instead}`);
    };
    const variants = (serving.endpoint.ProductionVariants ?? []).map((variant) => variant.VariantName);
    const without = 'Deploy without shadow-percent (a dark first step, traffic-steps 0,..., checks answers before users too).';
    if (variants.length !== 1) {
        refuse(`endpoint "${endpointName}" serves ${variants.length} variants (${variants.join(', ')}), and SageMaker runs a shadow beside one production variant only`, without);
    }
    const primary = serving.primary;
    // Both models: the new one may be an existing model deployed as it is, with containers of its own.
    const models = [serving.model, planned.newModel];
    const severalOf = models.map(serving_container/* severalContainers */.fI).find(Boolean);
    const inf1 = (0,native_limits/* inf1Fleet */.NO)([primary, planned.newVariant]);
    const marketplace = (0,native_limits/* foreignModelPackage */.ye)(serving.endpoint.EndpointArn, models.flatMap(serving_container/* modelPackagesOf */.EU));
    const excluded = primary.ServerlessConfig
        ? 'a serverless variant'
        : configSettings.AsyncInferenceConfig
            ? 'an asynchronous endpoint'
            : models.some((model) => (0,serving_container/* servingContainer */._B)(model)?.Mode === 'MultiModel')
                ? 'a multi-model endpoint'
                : severalOf
                    ? `a model of ${severalOf}`
                    : inf1
                        ? `Inf1 instances (${inf1.InstanceType})`
                        : marketplace
                            ? `model package "${marketplace}" of another account, as every AWS Marketplace package is`
                            : undefined;
    if (excluded)
        refuse(`the rollout would run ${excluded}, which SageMaker's shadow tests exclude`, without);
    if (rollout.gates.agreement && !captureOf(configSettings)) {
        refuse("max-disagreement compares the shadow's answers with the serving variant's, which only data capture holds, and the endpoint does not capture its answers", 'Set data-capture-s3-uri (the new configs then capture requests and answers), or leave out max-disagreement.');
    }
}
/** The shadow config: the serving variant at weight 1 and the new one as its shadow, copying `percent`%. */
function shadowConfigMove(plan) {
    return {
        kind: 'create-shadow-config',
        serving: { ...plan.serving, InitialVariantWeight: 1 },
        shadow: { ...plan.newVariant, InitialVariantWeight: plan.percent / 100 },
        configSettings: plan.configSettings
    };
}
async function createShadowConfig(ctx, inFlight, move) {
    await (0,resources/* createEndpointConfig */.u7)(ctx, inFlight.shadowConfig, [move.serving], { role: 'shadow', previousConfig: inFlight.previousConfig, newVariant: inFlight.newVariant }, inFlight.userTags, { ...move.configSettings, ShadowProductionVariants: [move.shadow] });
}
async function joinShadow(ctx, inFlight, fleet) {
    await core/* group */.Os(`Adding ${inFlight.newVariant} as a shadow of the serving variant`, () => (0,update/* updateEndpointConfig */.vG)(ctx, inFlight.shadowConfig, {
        newFleetInstances: fleet,
        purpose: `adding ${inFlight.newVariant} as a shadow`,
        forceWait: true
    }));
}
/** The gates that can judge a shadow: its metrics and alarms. Probes cannot reach it; agreement is judged from capture. */
function shadowGates(gates) {
    const { probe: _probe, agreement: _agreement, ...rest } = gates;
    return rest;
}
/**
 * Both variants' answers as data capture holds them, paired by InferenceId
 * and compared as max-disagreement says, over the whole phase so far.
 * SageMaker writes capture in batches, so the pairs arrive as the phase goes.
 */
class CapturedComparison {
    compare;
    fromShadow;
    fromServing;
    constructor(endpointName, compare) {
        this.compare = compare;
        this.fromShadow = new CapturedAnswers(compare.capture, endpointName, compare.shadow, compare.since);
        this.fromServing = new CapturedAnswers(compare.capture, endpointName, compare.serving, compare.since);
    }
    /** Reads what capture holds now and judges it into `evaluation`; returns how many pairs it compared. */
    async judge(ctx, evaluation, final) {
        await this.fromShadow.refresh(ctx);
        await this.fromServing.refresh(ctx);
        const { agreement, serving, shadow } = this.compare;
        const paired = [...this.fromShadow.answers].flatMap(([id, answer]) => {
            const theirs = this.fromServing.answers.get(id);
            return theirs ? [{ fromNew: answer.answer, fromServing: theirs.answer, masked: answer.request }] : [];
        });
        const { compared: pairs, differing } = (0,rollout_agreement/* compareAnswers */.ZN)(paired, agreement, evaluation);
        if (pairs === 0) {
            // Capture comes in batches, perhaps only after the bake: no pair yet is no verdict, until the last look.
            if (final) {
                evaluation.inconclusive.push(`the shadow's answers could not be compared: data capture holds no answer of ${shadow}'s and ${serving}'s to the same InferenceId`);
            }
        }
        else if ((0,rollout_agreement/* tooManyDiffer */.uX)(pairs, differing, agreement)) {
            evaluation.failures.push(`the shadow's answers differ from ${serving}'s in ${differing.length} of ${pairs} captured requests, more than ${(0,rollout_agreement/* maxDisagreementWords */.G9)(agreement)} (first: ${differing[0]})`);
        }
        (0,gates/* settleVerdict */.Vp)(evaluation);
        return pairs;
    }
}
/**
 * A step judge whose every evaluation first sends the probes to the
 * endpoint, each with an InferenceId: the serving variant answers them and
 * SageMaker copies its share to the shadow, so data capture holds pairs to
 * compare even when users send no InferenceId. Their answers are the serving
 * model's, and not judged; the captured pairs are, at every evaluation.
 */
class ShadowJudge extends gates/* StepJudge */.AU {
    /** The probes as sent, with no checks; one object for the whole phase, so replayed captures go on in turn. */
    probe;
    comparison;
    constructor(ctx, gates, scope, answers) {
        super(ctx, gates, scope);
        this.comparison = answers.comparison;
        if (answers.probe) {
            const { expect: _checks, ...asSent } = answers.probe;
            this.probe = asSent;
        }
    }
    async evaluate() {
        if (this.probe)
            await (0,probes/* sendProbesWithAnswers */.D_)(this.ctx, this.probe, { inferenceId: () => (0,external_node_crypto_.randomUUID)() });
        const evaluation = await super.evaluate();
        if (this.comparison)
            await this.comparison.judge(this.ctx, evaluation, false);
        return evaluation;
    }
}
/** The shadow phase judged: its metrics, alarms and captured answers at every evaluation, then its answers once more. */
async function judgeShadow(ctx, settings, progress, record, move) {
    const inFlight = progress.rollout;
    const serving = inFlight.oldVariants[0]?.name ?? '';
    const step = {
        weight: 0,
        startedAt: ctx.clock.now(),
        evaluations: [],
        verdict: 'in-progress',
        kind: 'shadow',
        shadowPercent: move.percent
    };
    record.steps.push(step);
    core/* startGroup */.Oh(`Shadow phase: ${move.percent}% of the requests to ${serving} copied to ${inFlight.newVariant}`);
    const gates = shadowGates(settings.gates);
    const { agreement, probe } = settings.gates;
    const comparison = agreement && move.capture
        ? new CapturedComparison(ctx.endpointName, {
            agreement,
            capture: move.capture,
            serving,
            shadow: inFlight.newVariant,
            since: step.startedAt
        })
        : undefined;
    const judge = new ShadowJudge(ctx, gates, {
        newVariant: inFlight.newVariant,
        baselineVariants: [serving],
        source: inFlight.source,
        firstPeriod: (0,periods/* floorPeriod */.eG)(step.startedAt, (0,periods/* periodMsOf */.J8)(inFlight.source)),
        baselineServes: true,
        earlierBaseline: []
    }, { probe: comparison ? probe : undefined, comparison });
    // With a comparison, the probes make every evaluation worth having: bake() then judges even without metric gates.
    const bakeGates = { ...gates, ...(comparison && probe ? { probe } : {}) };
    let verdict = await (0,bake/* bake */.Wq)(ctx, { ...settings, gates: bakeGates }, judge, step, progress.failures);
    if (verdict.verdict !== 'failed' && comparison) {
        const last = await lastLookAtCapture(ctx, settings, comparison);
        step.evaluations.push(last);
        if (last.verdict !== 'passed') {
            verdict = { verdict: last.verdict, reason: [...last.failures, ...last.inconclusive].join('; ') };
        }
    }
    core/* endGroup */.N4();
    step.endedAt = ctx.clock.now();
    step.verdict = verdict.verdict;
    if (verdict.verdict !== 'passed') {
        step.reason = verdict.reason;
        progress.stopped = { kind: verdict.verdict, reason: verdict.reason, weight: 0, shadow: true };
    }
    else {
        progress.baseline = [...progress.baseline, ...judge.baselineSeen];
    }
}
/**
 * Once the bake is over, the captured pairs once more, late ones included:
 * with none at all yet, it waits for them up to max-data-delay, since
 * SageMaker writes capture in batches; none then is no evidence, and
 * inconclusive.
 */
async function lastLookAtCapture(ctx, settings, comparison) {
    const deadline = ctx.clock.now() + settings.maxDataDelayMs;
    for (;;) {
        const evaluation = (0,gates/* emptyEvaluation */.Gc)(ctx.clock.now());
        const final = ctx.clock.now() >= deadline;
        const pairs = await comparison.judge(ctx, evaluation, final);
        if (pairs > 0 || final) {
            core/* info */.pq(`Captured answers over the phase: ${pairs} pairs, ${evaluation.answersDiffering ?? 0} differing.`);
            return evaluation;
        }
        core/* info */.pq("No captured answer of the shadow pairs with the serving variant's yet; looking again shortly.");
        await (0,bake/* sleepUntil */.Kc)(ctx.clock, Math.min(deadline, ctx.clock.now() + CAPTURE_POLL_MS));
    }
}


/***/ }),

/***/ 2821:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BN: () => (/* binding */ shift),
/* harmony export */   Fm: () => (/* binding */ switchToRelease),
/* harmony export */   Hu: () => (/* binding */ createCanaryConfig),
/* harmony export */   JI: () => (/* binding */ joinCanary),
/* harmony export */   q7: () => (/* binding */ recordPauseStart)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(6543);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9378);
/* harmony import */ var _endpoint_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3150);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2828);
/* harmony import */ var _resources_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1461);
/* harmony import */ var _serving_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5905);
/* harmony import */ var _tags_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9506);
/* harmony import */ var _update_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8191);
/* harmony import */ var _in_flight_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(5453);
/* harmony import */ var _moves_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(5307);
/* harmony import */ var _scaling_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(5316);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(9988);
/**
 * The config changes of a rollout run by the action: the endpoint joins the
 * canary config (the new variant beside the serving ones, at weight 0), each
 * step shifts its weight, and at the end it switches to the release config
 * (the new variant alone). Also the tag that records when a pause began.
 */













/** The config with the serving variants and the new one beside them at weight 0: the same call in a dry run. */
async function createCanaryConfig(ctx, inFlight, move) {
    await (0,_resources_js__WEBPACK_IMPORTED_MODULE_4__/* .createEndpointConfig */ .u7)(ctx, inFlight.canaryConfig, move.variants, {
        role: 'canary',
        previousConfig: inFlight.previousConfig,
        newVariant: inFlight.newVariant,
        ...(inFlight.modelAsIs ? { modelAsIs: true } : {})
    }, inFlight.userTags, move.configSettings);
}
async function joinCanary(ctx, inFlight, fleet) {
    await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os(`Adding ${inFlight.newVariant} beside the serving variants at weight 0`, () => (0,_update_js__WEBPACK_IMPORTED_MODULE_7__/* .updateEndpointConfig */ .vG)(ctx, inFlight.canaryConfig, {
        newFleetInstances: fleet,
        purpose: `adding ${inFlight.newVariant} beside the serving variants`,
        forceWait: true
    }));
    // The endpoint has left the shadow config: it served only the shadow phase.
    if (inFlight.shadowConfig)
        await (0,_resources_js__WEBPACK_IMPORTED_MODULE_4__/* .deleteConfigQuietly */ .JD)(ctx, inFlight.shadowConfig);
}
/**
 * The new model alone, at the capacity it serves with now, under the
 * serving variant's name: alarms, dashboards and autoscaling keyed on that
 * name cover it from here on. The serving variant's autoscaling stays
 * registered through the update (only its model changes); a change of
 * instance type, or a scaled variant the release drops, moves it around the
 * update (scaling.ts).
 */
async function switchToRelease(ctx, inFlight) {
    // Scale-in back as it was first: the serving variant scales on as it did before the rollout.
    await (0,_scaling_js__WEBPACK_IMPORTED_MODULE_10__/* .releaseServingCapacity */ .Ay)(ctx, inFlight.held);
    const endpoint = await (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_2__/* .getEndpoint */ .yP)(ctx);
    const canaryConfig = await (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_2__/* .getEndpointConfig */ .s3)(ctx, inFlight.canaryConfig);
    const release = [(0,_in_flight_js__WEBPACK_IMPORTED_MODULE_8__/* .releaseVariant */ .rY)(endpoint, canaryConfig, inFlight)];
    const count = release[0]?.InitialInstanceCount;
    await (0,_resources_js__WEBPACK_IMPORTED_MODULE_4__/* .createEndpointConfig */ .u7)(ctx, inFlight.releaseConfig, release, { role: 'release', previousConfig: inFlight.previousConfig }, inFlight.userTags, (0,_serving_js__WEBPACK_IMPORTED_MODULE_5__/* .carriedConfigSettings */ .E6)(canaryConfig));
    const { scaled } = await (0,_scaling_js__WEBPACK_IMPORTED_MODULE_10__/* .withScalingMoved */ .Dl)(ctx, { endpoint, current: canaryConfig, target: release, targetName: inFlight.releaseConfig }, () => (0,_update_js__WEBPACK_IMPORTED_MODULE_7__/* .updateEndpointConfig */ .vG)(ctx, inFlight.releaseConfig, {
        newFleetInstances: (0,_resources_js__WEBPACK_IMPORTED_MODULE_4__/* .fleetSize */ .oE)(release),
        purpose: `the promotion to ${inFlight.releaseConfig}`,
        forceWait: true
    }));
    const oldCapacity = (endpoint.ProductionVariants ?? [])
        .filter((variant) => variant.VariantName !== inFlight.newVariant)
        .reduce((sum, variant) => sum + ((0,_endpoint_js__WEBPACK_IMPORTED_MODULE_2__/* .liveInstanceCount */ .xZ)(variant) ?? 0), 0);
    if (scaled.includes(inFlight.stableVariant)) {
        ctx.note(`Autoscaling of variant "${inFlight.stableVariant}" covers the new model: the release kept the variant's name.`);
    }
    else if (count !== undefined && count < oldCapacity) {
        ctx.warn(`${inFlight.newVariant} takes all traffic as ${inFlight.stableVariant} with ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .counted */ .hS)(count, 'instance')} where the old variants served with ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .counted */ .hS)(oldCapacity, 'instance')}; raise instance-count or configure autoscaling if it needs more.`);
    }
    _state_js__WEBPACK_IMPORTED_MODULE_11__/* .rolloutProgress */ .XP.clear();
    await (0,_resources_js__WEBPACK_IMPORTED_MODULE_4__/* .deleteConfigQuietly */ .JD)(ctx, inFlight.canaryConfig);
}
/** promote judges a pause from when it began: the canary config carries that time. */
async function recordPauseStart(ctx, canaryConfig) {
    const pausedAt = new Date(ctx.clock.now()).toISOString();
    try {
        const config = await (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_2__/* .findEndpointConfig */ .NW)(ctx, canaryConfig);
        const input = {
            // In a dry run the canary config is not made, so its ARN is not known yet.
            ResourceArn: config?.EndpointConfigArn ?? `(the ARN of endpoint config "${canaryConfig}")`,
            Tags: [{ Key: _tags_js__WEBPACK_IMPORTED_MODULE_6__/* .TAGS */ .gp.pausedAt, Value: pausedAt }]
        };
        if (!config?.EndpointConfigArn && !ctx.dryRun)
            return;
        await ctx.change('AddTags', `endpoint config "${canaryConfig}"`, input, () => ctx.clients.sagemaker.send(new _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_12__/* .AddTagsCommand */ .y(input)));
    }
    catch (error) {
        // The pause itself stands; promote takes forward only a recorded one, so say how to record it by hand.
        ctx.warn(`Could not record when the pause began on "${canaryConfig}" (${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}), and promote takes forward only a pause so recorded: tag the config with ${_tags_js__WEBPACK_IMPORTED_MODULE_6__/* .TAGS */ .gp.pausedAt}=${pausedAt} (aws sagemaker add-tags), or run rollback.`);
    }
}
/** A step's shift: the new variant takes its weight, the serving variants share the rest. */
async function shift(ctx, inFlight, { weight, index, of }, record) {
    const step = { weight, startedAt: ctx.clock.now(), evaluations: [], verdict: 'in-progress' };
    record.steps.push(step);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .startGroup */ .Oh(`Step ${index + 1}/${of}: ${weight}% of traffic to ${inFlight.newVariant}`);
    if (weight === 0) {
        // Only the first step may be 0, and the new variant joined at weight 0: nothing moves.
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${inFlight.newVariant} serves no user traffic in this dark step: probes alone judge it.`);
        return;
    }
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Shifting ${weight}% of traffic to ${inFlight.newVariant}.`);
    await (0,_update_js__WEBPACK_IMPORTED_MODULE_7__/* .updateWeightsAndCapacities */ .ep)(ctx, (0,_moves_js__WEBPACK_IMPORTED_MODULE_9__/* .desiredWeights */ .ax)(inFlight, weight), {
        purpose: `the shift to ${weight}%`,
        forceWait: true
    });
    step.startedAt = ctx.clock.now();
}


/***/ }),

/***/ 7080:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ii: () => (/* binding */ NO_GATES_WARNING),
/* harmony export */   XQ: () => (/* binding */ EvaluationLog),
/* harmony export */   a: () => (/* binding */ decisions),
/* harmony export */   h8: () => (/* binding */ gateFailedWarning),
/* harmony export */   om: () => (/* binding */ failedStepReason),
/* harmony export */   qN: () => (/* binding */ stepPlace),
/* harmony export */   xS: () => (/* binding */ describeMove)
/* harmony export */ });
/* unused harmony export describeEvaluation */
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2828);
/* harmony import */ var _gates_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8411);
/**
 * The rollout's words for people. The engine decides with data (verdicts,
 * weights, counts); this module is the one place those become sentences for
 * the log, the summary and the step's error, so wording never sits inside the
 * control flow.
 */


function describeEvaluation(evaluation) {
    const parts = [verdictWords(evaluation)];
    if (evaluation.invocations !== undefined)
        parts.push(`${evaluation.invocations} invocations`);
    if (evaluation.errorRate !== undefined)
        parts.push(`error rate ${(0,_gates_js__WEBPACK_IMPORTED_MODULE_1__/* .formatPercent */ .l9)(evaluation.errorRate)}`);
    if (evaluation.latencyP99Ms !== undefined)
        parts.push(`p99 ${Math.round(evaluation.latencyP99Ms)} ms`);
    if (evaluation.baseline?.errorRate !== undefined) {
        parts.push(`baseline error rate ${(0,_gates_js__WEBPACK_IMPORTED_MODULE_1__/* .formatPercent */ .l9)(evaluation.baseline.errorRate)}`);
    }
    if (evaluation.probesSent)
        parts.push(`probes ${evaluation.probesPassed}/${evaluation.probesSent}`);
    if (evaluation.answersCompared) {
        parts.push(`answers differing from the serving model's ${evaluation.answersDiffering}/${evaluation.answersCompared}`);
    }
    return parts.join(', ');
}
function verdictWords(evaluation) {
    if (evaluation.verdict === 'passed')
        return 'passed';
    if (evaluation.verdict === 'failed')
        return `FAILED (${evaluation.failures.join('; ')})`;
    return `inconclusive (${evaluation.inconclusive.join('; ')})`;
}
/**
 * The log line of one evaluation. A step waiting for CloudWatch is
 * inconclusive for the same reason several times over: the reason is said
 * once, and the evaluations after it only count on.
 */
class EvaluationLog {
    lastReason;
    sameSince = 0;
    line(label, place, evaluation) {
        const reason = evaluation.verdict === 'inconclusive' ? evaluation.inconclusive.join('; ') : undefined;
        if (reason !== undefined && reason === this.lastReason) {
            this.sameSince++;
            return `Evaluation ${label} ${place}: still inconclusive for the same reason (${(0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .counted */ .hS)(this.sameSince + 1, 'evaluation')} in a row).`;
        }
        this.lastReason = reason;
        this.sameSince = 0;
        return `Evaluation ${label} ${place}: ${describeEvaluation(evaluation)}`;
    }
}
/** Where a step stands, in words: `at 10%`, or `in the shadow phase`, whose variant takes copies and no weight. */
function stepPlace(step) {
    return step.kind === 'shadow' ? 'in the shadow phase' : `at ${step.weight}%`;
}
function failedStepReason(consecutive, place, evaluation) {
    const what = consecutive === 1
        ? 'a failed gate evaluation'
        : `${consecutive} failed gate evaluations without a pass between them`;
    return `${what} ${place}: ${evaluation.failures.join('; ')}`;
}
function gateFailedWarning(consecutive, threshold, evaluation) {
    return `Gate failed (${consecutive} without a pass between them; failure-threshold ${threshold} rolls back): ${evaluation.failures.join('; ')}`;
}
const NO_GATES_WARNING = 'No health gates are set (alarm-names, max-error-rate, max-latency-p99, min-invocations, probe-payload, max-error-rate-increase, max-latency-p99-increase): each step only waits for bake-time.';
/** How a rollout run by the action ended, in the sentence the summary and the step's error carry. */
const decisions = {
    pausedAsAsked: (weight, variant, previousConfig) => `Paused at ${weight}% on ${variant}, as traffic-steps asked. Run operation: promote to finish, or operation: rollback to return to ${previousConfig}.`,
    pausedUndecided: (weight, variant, why) => `Paused at ${weight}% on ${variant}: ${why}. Nothing shows the new model is healthy, and nothing shows it is not: look at it, then run operation: promote or operation: rollback.`,
    undecidedStep: (weight, reason, shadow = false) => `the gates could not judge the ${shadow ? 'shadow phase' : `${weight}% step`} (${reason})`,
    released: (canaryVariant, stableVariant, releaseConfig) => `All steps passed; ${canaryVariant}'s model now serves all traffic as ${stableVariant}, the name the endpoint served under before, on ${releaseConfig}.`,
    leftInPlace: (failure, previousConfig) => `Failed: ${failure}. auto-rollback is off, so the endpoint was left as it is; run operation: rollback to return to ${previousConfig}.`,
    rollbackFailed: (failure, error) => `Failed: ${failure}. The rollback also failed: ${error}`,
    rolledBack: (failure, previousConfig) => `Rolled back: ${failure}. All traffic is back on ${previousConfig}.`,
    credentialsExpired: (weight) => `Stopped at ${weight}%: the AWS credentials expired.`
};
/** A move of a rollback plan, as the plan's line in the log. */
function describeMove(move) {
    switch (move.kind) {
        case 'traffic-off':
            return `Move all traffic off ${move.variant} at once (${move.weights.map((weight) => `${weight.VariantName} ${weight.DesiredWeight}`).join(', ')}).`;
        case 'return': {
            const scaling = move.scaling.map(({ from, to }) => `the autoscaling of ${from} taken off first${to ? ` and put back on ${to} after` : ''}`);
            return `Return the endpoint to ${move.config}: a new fleet of ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .counted */ .hS)(move.fleet, 'instance')}, at the counts its variants serve with now${scaling.length > 0 ? `, ${scaling.join(', ')}` : ''}${move.wait ? '' : ', without waiting for it'}.`;
        }
        case 'give-back-capacity':
            return move.restoreCounts
                ? 'Give the serving variants back at least the instances they served with before the rollout, and their scale-in.'
                : 'Give the serving variants back their scale-in.';
        case 'delete-config':
            return `Delete endpoint config ${move.config}, made for the rollout only.`;
        default:
            return move.kind;
    }
}


/***/ }),

/***/ 5905:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  E6: () => (/* binding */ carriedConfigSettings),
  G_: () => (/* binding */ configOverrides),
  Yh: () => (/* binding */ newContainer),
  WV: () => (/* binding */ newInstanceType),
  Tc: () => (/* binding */ newModelSettings),
  SF: () => (/* binding */ newVariant),
  xT: () => (/* binding */ readServing),
  f1: () => (/* binding */ refuseWhatCannotBeCarried)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commands/DescribeModelCommand.js
var DescribeModelCommand = __webpack_require__(5763);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commandBuilder.js
var commandBuilder = __webpack_require__(2319);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/schemas/schemas_0.js + 2 modules
var schemas_0 = __webpack_require__(1268);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commands/DescribeModelPackageCommand.js


class DescribeModelPackageCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeModelPackage", schemas_0/* DescribeModelPackage$ */.xWt) {
}

// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/endpoint.ts
var src_endpoint = __webpack_require__(3150);
// EXTERNAL MODULE: ./src/probes.ts + 2 modules
var probes = __webpack_require__(4476);
// EXTERNAL MODULE: ./src/images/framework-image.ts + 1 modules
var framework_image = __webpack_require__(4533);
// EXTERNAL MODULE: ./src/parse.ts
var parse = __webpack_require__(2828);
// EXTERNAL MODULE: ./src/serving-container.ts
var serving_container = __webpack_require__(6221);
;// CONCATENATED MODULE: ./src/serving-refusals.ts
/**
 * What the new model could not serve as asked, refused before anything is
 * created: each names the input and what to do instead.
 */



/** SageMaker's limit on one container's environment, keys and values together. */
const MAX_ENVIRONMENT_BYTES = 32 * 1024;
function refuseWhatTheModelCannotServe(deploy, serving) {
    const container = (0,serving_container/* servingContainer */._B)(serving?.model);
    const multiModel = container?.Mode === 'MultiModel';
    const url = (0,serving_container/* modelDataUrlOf */.a7)(deploy);
    const name = serving?.model.ModelName ?? '';
    if (multiModel)
        refuseForMultiModel(deploy, name, url);
    const probe = deploy.rollout.gates.probe;
    if (probe)
        (0,probes/* refuseProbeTargetMismatch */.wR)(serving ? [{ name, multiModel }] : [], probe.targetModel);
    // A serverless variant stays serverless unless instance-type moves it to instances.
    const serverless = serving?.primary.ServerlessConfig !== undefined && deploy.instanceType === undefined;
    if (serverless && url !== undefined && (url.endsWith('/') || deploy.acceptEula === true)) {
        // https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ContainerDefinition.html
        throw new parse/* InputError */.dz(url.endsWith('/') ? 'model-data-url' : 'accept-eula', 'needs ModelDataSource, which SageMaker does not take for a serverless endpoint; nothing was changed. Give a model.tar.gz archive without accept-eula, or move the endpoint to instances with instance-type');
    }
    const environment = { ...container?.Environment, ...deploy.modelEnvironment };
    const bytes = Object.entries(environment).reduce((sum, [key, value]) => sum + Buffer.byteLength(key) + Buffer.byteLength(value), 0);
    if (bytes > MAX_ENVIRONMENT_BYTES) {
        // https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ContainerDefinition.html
        throw new parse/* InputError */.dz('model-environment', `with the ${Object.keys(container?.Environment ?? {}).length} variables carried from model "${name}" comes to ${bytes} bytes, above the 32 KB SageMaker takes for a container's environment; nothing was changed. Shorten the values, or move large settings to the model data`);
    }
}
/**
 * A multi-model container loads the models under the prefix its ModelDataUrl
 * names (https://docs.aws.amazon.com/sagemaker/latest/dg/create-multi-model-endpoint.html);
 * without one, or with one archive, the new model would serve nothing.
 */
function refuseForMultiModel(deploy, model, url) {
    if (deploy.source.kind === 'package') {
        throw new parse/* InputError */.dz('model-package-arn', `cannot replace model "${model}", which serves in MultiModel mode: the new model needs the S3 prefix of its models; nothing was changed. Deploy with image-uri and model-data-url ending in /`);
    }
    if (url === undefined || !url.endsWith('/')) {
        throw new parse/* InputError */.dz('model-data-url', `must be the S3 prefix of the models, ending in /, since model "${model}" serves in MultiModel mode; nothing was changed`, url ?? '');
    }
    if (deploy.acceptEula === true) {
        // ModelAccessConfig goes in ModelDataSource, which multi-model endpoints do not take.
        throw new parse/* InputError */.dz('accept-eula', `cannot be set for model "${model}", which serves in MultiModel mode: SageMaker takes a EULA's acceptance only with ModelDataSource, which multi-model endpoints do not use; nothing was changed`);
    }
}

// EXTERNAL MODULE: ./src/settings.ts
var settings = __webpack_require__(8750);
;// CONCATENATED MODULE: ./src/serving-capacity.ts
/** How many instances the new variant starts with, and why. */

/**
 * The new variant's instances: the input, else the count the serving variant
 * serves with now (autoscaling may have grown it past its config's initial
 * count), else the action's default. An asynchronous endpoint may be scaled
 * to zero (https://docs.aws.amazon.com/sagemaker/latest/dg/async-inference-autoscale.html),
 * and a variant takes at least one instance (InitialInstanceCount, minimum 1,
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ProductionVariant.html):
 * then the config's initial count, at least one, so the new model is never a
 * fleet of zero.
 */
function newInstanceCount(deploy, serving) {
    if (deploy.instanceCount !== undefined)
        return { count: deploy.instanceCount, source: 'input instance-count' };
    const primary = serving?.primary;
    if (!primary?.InstanceType)
        return { count: settings/* NEW_ENDPOINT_DEFAULTS */.yj.instanceCount, source: 'default' };
    const from = `inherited from variant "${primary.VariantName}"`;
    const live = serving?.primaryInstances;
    if (live === 0) {
        return {
            count: Math.max(1, primary.InitialInstanceCount ?? 1),
            source: `${from}: it is scaled to zero, so its config's initial count, at least one instance`
        };
    }
    if (live !== undefined)
        return { count: live, source: `${from}, the instances it serves with now` };
    return { count: primary.InitialInstanceCount ?? settings/* NEW_ENDPOINT_DEFAULTS */.yj.instanceCount, source: from };
}

;// CONCATENATED MODULE: ./src/serving.ts
/**
 * What a deploy builds from: the serving endpoint read whole (its config, its
 * variants, the model behind the main one), and the new model and variant
 * cloned from it with the inputs laid over. A production endpoint carries
 * settings nobody repeats in a workflow (a VPC, longer health-check timeouts
 * for a large model, asynchronous inference, data capture); a deploy that
 * started from defaults would drop them silently.
 *
 * What cannot be carried into the configs this action creates is refused
 * here, before anything changes.
 */










const ANY_CPU_INSTANCE_TYPE = 'ml.m5.large';
async function readServing(ctx, endpoint, config) {
    const live = endpoint.ProductionVariants ?? [];
    const weightOf = (name) => {
        const variant = live.find((candidate) => candidate.VariantName === name);
        return variant?.CurrentWeight ?? variant?.DesiredWeight ?? 0;
    };
    const variants = config.ProductionVariants ?? [];
    const primary = [...variants].sort((a, b) => weightOf(b.VariantName) - weightOf(a.VariantName))[0];
    if (!primary)
        throw new Error(`Endpoint config "${config.EndpointConfigName}" has no production variants.`);
    const model = primary.ModelName
        ? await (0,errors/* awsCall */.uF)('DescribeModel', `model "${primary.ModelName}"`, () => ctx.clients.sagemaker.send(new DescribeModelCommand/* DescribeModelCommand */.u({ ModelName: primary.ModelName })))
        : { $metadata: {} };
    const summary = live.find((candidate) => candidate.VariantName === primary.VariantName);
    const instances = summary ? (0,src_endpoint/* liveInstanceCount */.xZ)(summary) : undefined;
    return { endpoint, config, primary, ...(instances !== undefined ? { primaryInstances: instances } : {}), model };
}
/**
 * Refuses, before any change, an endpoint whose configs the action could not
 * rebuild faithfully: its rollout would drop what it cannot carry.
 */
function refuseWhatCannotBeCarried(ctx, serving, deploy) {
    const { config } = serving;
    const rollout = deploy.rollout;
    const name = `endpoint "${ctx.endpointName}"`;
    // A config with ShadowProductionVariants may hold one production variant only
    // (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateEndpointConfig.html): a canary's two cannot
    // run beside it, and a release that kept it would go on copying users' requests to a model nobody asked for.
    if ((config.ShadowProductionVariants ?? []).length > 0) {
        const shadows = (config.ShadowProductionVariants ?? []).map((variant) => variant.VariantName).join(', ');
        throw new Error(`${capitalise(name)} runs shadow variants (${shadows}), which this action cannot carry into a new config: SageMaker allows a shadow variant beside one production variant only, so a canary cannot run beside it, and a release would have to drop it or keep copying users' requests to it; nothing was changed. End the shadow test first (promote or remove the shadow variant), then deploy.`);
    }
    // A model deployed as it is carries nothing from the serving one: it may have several containers of its own.
    const pipeline = deploy.source.kind === 'existing' ? undefined : (0,serving_container/* severalContainers */.fI)(serving.model);
    if (pipeline) {
        throw new Error(`${capitalise(name)} serves model "${serving.model.ModelName}" of ${pipeline}, which this action cannot carry into a new model of one container; nothing was changed. Create the new model with all its containers yourself (CreateModel), then deploy it as it is with model-name alone.`);
    }
    const componentBased = (config.ProductionVariants ?? []).some((variant) => !variant.ModelName);
    if (componentBased) {
        throw new Error(`${capitalise(name)} serves inference components (its variants name no model), which this action does not deploy; nothing was changed. Update the inference components with CreateInferenceComponent / UpdateInferenceComponent instead.`);
    }
    if (rollout.gates.probe) {
        (0,probes/* refuseProbesOnAsynchronous */.Hy)(ctx.endpointName, config, 'Judge the rollout on its metrics instead: alarm-names, max-error-rate, max-latency-p99.');
        (0,probes/* refuseProbesTooLargeForServerless */.Q$)(ctx.endpointName, config, rollout.gates.probe);
    }
    const serverless = (config.ProductionVariants ?? []).some((variant) => variant.ServerlessConfig);
    if (serverless && (rollout.controller === 'sagemaker' || rollout.strategy !== 'all-at-once')) {
        throw new Error(`Input "strategy": ${name} is serverless, and a ${rollout.controller === 'sagemaker' ? 'SageMaker-controlled' : rollout.strategy} rollout needs instance-backed variants to split traffic between; nothing was changed. Deploy with strategy: all-at-once and rollout-controller: action.`);
    }
}
/**
 * What the new model runs, resolved from whichever source the inputs gave:
 * the image or package, and where its model data is. Its other settings
 * (environment, mode...) are the model settings' `containerSettings`.
 */
async function newContainer(ctx, source, instanceType) {
    switch (source.kind) {
        case 'image':
            return {
                Image: source.imageUri,
                ...(source.modelDataUrl ? { ModelDataUrl: source.modelDataUrl } : {})
            };
        case 'framework':
            return {
                Image: (0,framework_image/* resolveFrameworkImage */.af)({
                    framework: source.framework,
                    version: source.version,
                    region: ctx.settings.region,
                    // A serverless variant has no instance type and runs on CPU: any CPU type picks the CPU image.
                    instanceType: instanceType ?? ANY_CPU_INSTANCE_TYPE
                }),
                ...(source.modelDataUrl ? { ModelDataUrl: source.modelDataUrl } : {})
            };
        case 'package': {
            await requireApprovedPackage(ctx, source.modelPackageArn);
            return { ModelPackageName: source.modelPackageArn };
        }
    }
}
/**
 * Only an approved package version deploys: the Model Registry's approval is
 * the gate a team put before production.
 * https://docs.aws.amazon.com/sagemaker/latest/dg/model-registry-approve.html
 */
async function requireApprovedPackage(ctx, arn) {
    const described = await (0,errors/* awsCall */.uF)('DescribeModelPackage', `model package "${arn}"`, () => ctx.clients.sagemaker.send(new DescribeModelPackageCommand({ ModelPackageName: arn })));
    const status = described.ModelApprovalStatus ?? 'unknown';
    if (status !== 'Approved') {
        throw new Error(`Input "model-package-arn": model package "${arn}" is ${status}, not Approved; nothing was changed. Approve it in the Model Registry (UpdateModelPackage ModelApprovalStatus=Approved), then deploy.`);
    }
    if (described.ModelPackageStatus && described.ModelPackageStatus !== 'Completed') {
        throw new Error(`Input "model-package-arn": model package "${arn}" is ${described.ModelPackageStatus}, not Completed; nothing was changed.`);
    }
}
function newModelSettings(deploy, serving, sources) {
    const from = serving?.model.ModelName ? `inherited from model "${serving.model.ModelName}"` : undefined;
    const role = deploy.executionRoleArn ?? serving?.model.ExecutionRoleArn;
    if (!role) {
        throw new Error('Input "execution-role-arn" is required (or set SAGEMAKER_EXECUTION_ROLE_ARN): the IAM role SageMaker assumes to run the model.');
    }
    refuseWhatTheModelCannotServe(deploy, serving);
    (0,serving_container/* recordSetting */.k1)(sources, 'ExecutionRoleArn', role, deploy.executionRoleArn ? 'input execution-role-arn' : from);
    const settings = {
        ExecutionRoleArn: role,
        containerSettings: (0,serving_container/* newContainerSettings */.H$)(deploy, serving?.model, sources)
    };
    const executionConfig = (0,serving_container/* carriedExecutionConfig */.zK)(serving?.model, sources);
    if (executionConfig)
        settings.InferenceExecutionConfig = executionConfig;
    if (serving && !serving.model.PrimaryContainer && (0,serving_container/* servingContainer */._B)(serving.model))
        settings.containerInList = true;
    const vpc = deploy.vpc
        ? { Subnets: deploy.vpc.subnets, SecurityGroupIds: deploy.vpc.securityGroupIds }
        : carriedVpc(serving?.model.VpcConfig);
    if (vpc) {
        settings.VpcConfig = vpc;
        (0,serving_container/* recordSetting */.k1)(sources, 'VpcConfig', `${(0,parse/* counted */.hS)(vpc.Subnets?.length ?? 0, 'subnet')} (${(vpc.Subnets ?? []).join(', ')}), ${(0,parse/* counted */.hS)(vpc.SecurityGroupIds?.length ?? 0, 'security group')}`, deploy.vpc ? 'input vpc-subnets, vpc-security-group-ids' : from);
    }
    const isolation = deploy.enableNetworkIsolation ?? serving?.model.EnableNetworkIsolation;
    if (isolation !== undefined) {
        settings.EnableNetworkIsolation = isolation;
        (0,serving_container/* recordSetting */.k1)(sources, 'EnableNetworkIsolation', String(isolation), deploy.enableNetworkIsolation !== undefined ? 'input enable-network-isolation' : from);
    }
    return settings;
}
/**
 * The serving model's VPC, when it names subnets and security groups: an
 * empty or partial VpcConfig read back (an emulator answers `{}` for a model
 * outside any VPC) is refused by CreateModel, which needs 1 to 16 subnets and
 * 1 to 5 security groups
 * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_VpcConfig.html).
 */
function carriedVpc(vpc) {
    if (!(0,serving_container/* namesSomething */.D5)(vpc?.Subnets) || !(0,serving_container/* namesSomething */.D5)(vpc?.SecurityGroupIds))
        return undefined;
    return { Subnets: vpc?.Subnets, SecurityGroupIds: vpc?.SecurityGroupIds };
}
/** The new variant's instance type; undefined when it stays serverless like the one it replaces. */
function newInstanceType(deploy, serving) {
    if (deploy.instanceType)
        return deploy.instanceType;
    const primary = serving?.primary;
    if (primary?.ServerlessConfig)
        return undefined;
    return primary?.InstanceType ?? settings/* NEW_ENDPOINT_DEFAULTS */.yj.instanceType;
}
/** Variant settings carried from the serving variant; each may be overridden by an input. */
const INHERITED_VARIANT_FIELDS = [
    'ContainerStartupHealthCheckTimeoutInSeconds',
    'ModelDataDownloadTimeoutInSeconds',
    'VolumeSizeInGB',
    'InferenceAmiVersion',
    'RoutingConfig',
    'ManagedInstanceScaling'
];
/**
 * The new variant: the serving variant's instance type, instance count and
 * production settings, with the inputs laid over; a new endpoint's from the
 * inputs and the action's defaults.
 */
function newVariant(deploy, serving, placement, sources) {
    const primary = serving?.primary;
    const from = primary ? `inherited from variant "${primary.VariantName}"` : undefined;
    const variant = {
        VariantName: placement.name,
        ModelName: placement.model,
        InitialVariantWeight: placement.weight
    };
    if (primary?.ServerlessConfig && deploy.instanceType === undefined) {
        variant.ServerlessConfig = primary.ServerlessConfig;
        (0,serving_container/* recordSetting */.k1)(sources, 'ServerlessConfig', JSON.stringify(primary.ServerlessConfig), from);
    }
    else {
        const instanceType = newInstanceType(deploy, serving) ?? settings/* NEW_ENDPOINT_DEFAULTS */.yj.instanceType;
        const instances = newInstanceCount(deploy, serving);
        variant.InstanceType = instanceType;
        variant.InitialInstanceCount = instances.count;
        (0,serving_container/* recordSetting */.k1)(sources, 'InstanceType', instanceType, deploy.instanceType ? 'input instance-type' : primary?.InstanceType ? from : 'default');
        (0,serving_container/* recordSetting */.k1)(sources, 'InitialInstanceCount', String(instances.count), instances.source);
    }
    for (const field of INHERITED_VARIANT_FIELDS) {
        const inherited = primary?.[field];
        // An empty structure read back (a RoutingConfig of nothing) is no setting: CreateEndpointConfig may refuse it.
        if ((0,serving_container/* namesSomething */.D5)(inherited)) {
            Object.assign(variant, { [field]: inherited });
            (0,serving_container/* recordSetting */.k1)(sources, field, typeof inherited === 'object' ? JSON.stringify(inherited) : String(inherited), from);
        }
    }
    const overrides = [
        ['ContainerStartupHealthCheckTimeoutInSeconds', deploy.containerStartupTimeoutSeconds, 'container-startup-timeout'],
        ['ModelDataDownloadTimeoutInSeconds', deploy.modelDataDownloadTimeoutSeconds, 'model-data-download-timeout'],
        ['VolumeSizeInGB', deploy.volumeSizeGb, 'volume-size']
    ];
    for (const [field, value, input] of overrides) {
        if (value === undefined)
            continue;
        Object.assign(variant, { [field]: value });
        (0,serving_container/* recordSetting */.k1)(sources, field, String(value), `input ${input}`);
    }
    return variant;
}
/**
 * Every endpoint-level setting of the serving config, for every config the
 * action creates: whatever DescribeEndpointConfig returns besides the
 * config's identity and its variants is a setting to keep (data capture, the
 * KMS key, asynchronous inference, the explainer, and any added later).
 */
function carriedConfigSettings(config) {
    if (!config)
        return {};
    const { $metadata: _metadata, EndpointConfigName: _name, EndpointConfigArn: _arn, CreationTime: _created, ProductionVariants: _variants, ShadowProductionVariants: _shadows, ...settings } = config;
    const carried = {};
    for (const [key, value] of Object.entries(settings)) {
        // Nothing empty is sent back: an empty structure, list or string read back is no setting.
        if (!(0,serving_container/* namesSomething */.D5)(value))
            continue;
        // Some describes return an empty capture setting; CreateEndpointConfig refuses one without a destination.
        if (key === 'DataCaptureConfig' && !value.DestinationS3Uri)
            continue;
        carried[key] = value;
    }
    return carried;
}
/** The config-level settings a deploy's inputs set, laid over what is carried. */
function configOverrides(deploy, carried, sources) {
    const settings = { ...carried };
    for (const [key, value] of Object.entries(carried)) {
        (0,serving_container/* recordSetting */.k1)(sources, key, typeof value === 'object' ? JSON.stringify(value) : String(value), 'inherited from the serving config');
    }
    if (deploy.dataCapture) {
        // Capture both what callers send and what the model answers, as a model monitor needs.
        settings.DataCaptureConfig = {
            EnableCapture: true,
            InitialSamplingPercentage: deploy.dataCapture.samplingPercent,
            DestinationS3Uri: deploy.dataCapture.destinationS3Uri,
            CaptureOptions: [{ CaptureMode: 'Input' }, { CaptureMode: 'Output' }]
        };
        (0,serving_container/* recordSetting */.k1)(sources, 'DataCaptureConfig', `${deploy.dataCapture.samplingPercent}% of requests and responses to ${deploy.dataCapture.destinationS3Uri}`, 'input data-capture-s3-uri');
    }
    return settings;
}
function capitalise(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}


/***/ })

};
