export const id = 509;
export const ids = [509];
export const modules = {

/***/ 2509:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runUpdateTraffic: () => (/* binding */ runUpdateTraffic)
/* harmony export */ });
/* harmony import */ var _endpoint_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3150);
/* harmony import */ var _shadow_tests_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7429);
/* harmony import */ var _update_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8191);



async function runUpdateTraffic(ctx, settings) {
    const endpoint = await (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_0__/* .getEndpoint */ .yP)(ctx);
    const existing = (endpoint.ProductionVariants ?? []).map((variant) => variant.VariantName ?? '');
    const unknown = Object.keys(settings.variantWeights).filter((name) => !existing.includes(name));
    if (unknown.length > 0) {
        throw new Error(`Input "variant-weights" names ${unknown.map((name) => `"${name}"`).join(', ')}, which endpoint "${ctx.endpointName}" does not have (it has ${existing.join(', ')}).`);
    }
    await (0,_shadow_tests_js__WEBPACK_IMPORTED_MODULE_1__/* .warnOfShadowTestsOnEndpoint */ .H)(ctx, 'weight change');
    // Variants left out of the map get no traffic: the weights given are the whole picture.
    const desired = existing.map((name) => ({ VariantName: name, DesiredWeight: settings.variantWeights[name] ?? 0 }));
    const settled = await (0,_update_js__WEBPACK_IMPORTED_MODULE_2__/* .updateWeightsAndCapacities */ .ep)(ctx, desired, { purpose: 'the weight change' });
    await (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_0__/* .reportEndpoint */ .Us)(ctx, settled);
    if (ctx.dryRun || !ctx.settings.waitForCompletion)
        ctx.output('variant-weights', settings.variantWeights);
}


/***/ }),

/***/ 7429:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  u: () => (/* binding */ refuseShadowTestsOnEndpoint),
  H: () => (/* binding */ warnOfShadowTestsOnEndpoint)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commandBuilder.js
var commandBuilder = __webpack_require__(2319);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/schemas/schemas_0.js + 2 modules
var schemas_0 = __webpack_require__(1268);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commands/ListInferenceExperimentsCommand.js


class ListInferenceExperimentsCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "ListInferenceExperiments", schemas_0/* ListInferenceExperiments$ */.wns) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commands/DescribeInferenceExperimentCommand.js


class DescribeInferenceExperimentCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeInferenceExperiment", schemas_0/* DescribeInferenceExperiment$ */.CYZ) {
}

// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
;// CONCATENATED MODULE: ./src/shadow-tests.ts
/**
 * SageMaker's own shadow tests (inference experiments) on the endpoint. SageMaker
 * carries one out on the endpoint itself: when it starts, the endpoint is moved
 * onto the test's production and shadow variants, and when it ends "the endpoint
 * reverts to the state it was in prior to starting the test"
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/shadow-tests-create.html).
 * A release made inside a test's window would be replaced by the test's own
 * variants while it runs, or undone when it ends, with no word to anyone: a
 * deploy is refused before any change while a test on the endpoint has not ended.
 *
 * ListInferenceExperiments names no endpoint (API_InferenceExperimentSummary), so
 * every test that has not ended is described for its EndpointMetadata.
 */


/** Every status but Completed and Cancelled (API_InferenceExperimentSummary): a test still to start, running, or ending. */
const NOT_ENDED = ['Creating', 'Created', 'Updating', 'Starting', 'Running', 'Stopping'];
/** The largest page ListInferenceExperiments serves. */
const PAGE_SIZE = 100;
/** Refuses, before any change, a release (`operation`: deploy or promote) onto an endpoint under a shadow test. */
async function refuseShadowTestsOnEndpoint(ctx, operation = 'deploy') {
    const tests = await shadowTestsOnEndpoint(ctx, 'would replace this release while it runs and undo it when it ends');
    if (tests.length === 0)
        return;
    throw new Error(`Endpoint "${ctx.endpointName}" is under ${namedTests(tests)}. SageMaker moves the endpoint onto a test's variants when it starts, and puts it back as it was before the test when it ends, so a release made now would be replaced while the test runs or undone when it ends; nothing was changed. Run ${operation} once the test has ended, or stop the test first (StopInferenceExperiment, or Stop in the console's shadow tests), keeping the variant you want.`);
}
/**
 * Warns of a day-two change (update-traffic, update-capacity) made under a shadow test. Not refused: such a change
 * is often made to meet load now, and it holds until the test moves the endpoint (a test still to start puts it back
 * as it is now; one running puts it back as it was before the test began).
 */
async function warnOfShadowTestsOnEndpoint(ctx, change) {
    let tests;
    try {
        tests = await shadowTestsOnEndpoint(ctx, `would set this ${change} aside while it runs`);
    }
    catch (error) {
        // Only a warning could come of the look: a change made to meet load must not wait on it.
        ctx.warn(`Could not look for SageMaker shadow tests on endpoint "${ctx.endpointName}": ${(0,errors/* errorMessage */.gJ)(error)}`);
        return;
    }
    if (tests.length === 0)
        return;
    ctx.warn(`Endpoint "${ctx.endpointName}" is under ${namedTests(tests)}. SageMaker moves the endpoint onto a test's variants when it starts, and puts it back as it was before the test when it ends: a ${change} made while a test runs is undone when it ends, and one made before it starts is set aside while it runs.`);
}
/** The tests not yet ended on this endpoint; none, with a warning, when the role may not look. */
async function shadowTestsOnEndpoint(ctx, consequence) {
    try {
        const names = (await Promise.all(NOT_ENDED.map((status) => testsIn(ctx, status)))).flat();
        return (await Promise.all(names.map((name) => describeTest(ctx, name)))).filter((test) => test?.EndpointMetadata?.EndpointName === ctx.endpointName);
    }
    catch (error) {
        if ((0,errors/* errorCode */.CA)(error) !== 'AccessDeniedException')
            throw error;
        // A warning, not a refusal: a role granted before this check existed must not stop every release.
        ctx.warn(`Could not look for SageMaker shadow tests (${(0,errors/* errorCode */.CA)(error)}): grant sagemaker:ListInferenceExperiments and sagemaker:DescribeInferenceExperiment. A shadow test scheduled on endpoint "${ctx.endpointName}" ${consequence}.`);
        return [];
    }
}
/** `SageMaker shadow test "a" (...)` or `SageMaker shadow tests "a" (...), "b" (...)`. */
function namedTests(tests) {
    return `SageMaker shadow test${tests.length > 1 ? 's' : ''} ${tests.map(describedTest).join(', ')}`;
}
async function testsIn(ctx, status) {
    const names = [];
    let nextToken;
    do {
        const page = await (0,errors/* awsCall */.uF)('ListInferenceExperiments', `shadow tests ${status}`, () => ctx.clients.sagemaker.send(new ListInferenceExperimentsCommand({
            StatusEquals: status,
            MaxResults: PAGE_SIZE,
            ...(nextToken ? { NextToken: nextToken } : {})
        })));
        names.push(...(page?.InferenceExperiments ?? []).flatMap((test) => (test.Name ? [test.Name] : [])));
        nextToken = page?.NextToken;
    } while (nextToken);
    return names;
}
async function describeTest(ctx, name) {
    try {
        return await (0,errors/* awsCall */.uF)('DescribeInferenceExperiment', `shadow test "${name}"`, () => ctx.clients.sagemaker.send(new DescribeInferenceExperimentCommand({ Name: name })));
    }
    catch (error) {
        // Deleted between the listing and now: it no longer stands in the way.
        if ((0,errors/* isNotFound */.c4)(error))
            return undefined;
        throw error;
    }
}
/** `"name" (Created, from 2026-12-07 10:00 UTC to 2026-12-14 10:00 UTC)`. */
function describedTest(test) {
    const { StartTime: start, EndTime: end } = test.Schedule ?? {};
    const at = (when) => `${when.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    const window = start && end ? `, from ${at(start)} to ${at(end)}` : end ? `, until ${at(end)}` : '';
    return `"${test.Name}" (${test.Status}${window})`;
}


/***/ }),

/***/ 8191:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  vG: () => (/* binding */ updateEndpointConfig),
  ep: () => (/* binding */ updateWeightsAndCapacities),
  qd: () => (/* binding */ waitForChangeMade)
});

// UNUSED EXPORTS: configLanding, isUpdateInProgress, weightsLanding

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commandBuilder.js
var commandBuilder = __webpack_require__(2319);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/schemas/schemas_0.js + 2 modules
var schemas_0 = __webpack_require__(1268);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commands/UpdateEndpointCommand.js


class UpdateEndpointCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "UpdateEndpoint", schemas_0/* UpdateEndpoint$ */.hBg) {
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commands/UpdateEndpointWeightsAndCapacitiesCommand.js
var UpdateEndpointWeightsAndCapacitiesCommand = __webpack_require__(954);
// EXTERNAL MODULE: ./src/aws/clients.ts
var clients = __webpack_require__(201);
// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/endpoint.ts
var src_endpoint = __webpack_require__(3150);
// EXTERNAL MODULE: ./src/expectations.ts
var expectations = __webpack_require__(1236);
// EXTERNAL MODULE: ./src/report.ts
var report = __webpack_require__(665);
// EXTERNAL MODULE: ./src/wait.ts
var wait = __webpack_require__(910);
;// CONCATENATED MODULE: ./src/update.ts
/**
 * Moving an endpoint to another config: the one path every operation takes
 * (deploy, rollback, promotion, the post step), so waiting for another run's
 * update, retrying SageMaker's "in-progress" refusal and checking the result
 * are done the same way everywhere.
 *
 * An update is never sent twice blindly. Every UpdateEndpoint deploys a new
 * fleet (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_UpdateEndpoint.html),
 * so changes go through the client that retries throttles only
 * (aws/clients.ts): a lost answer (a 5xx, a dropped connection) comes back
 * here, where the first attempt may have started the update. Before sending
 * again, DescribeEndpoint says whether the endpoint is already moving to, or
 * already on, what was asked.
 */








/** SageMaker refuses an update while another is running; another run of this action may hold the endpoint. */
function isUpdateInProgress(error) {
    return (0,errors/* errorCode */.CA)(error) === 'ValidationException' && /in-progress|in progress/i.test((0,errors/* errorMessage */.gJ)(error));
}
const IN_PROGRESS_RETRIES = 5;
/** As patient with a lost answer as the SDK is with other calls, backing off as it does (capped at 20 s). */
const LOST_ANSWER_ATTEMPTS = clients/* RETRY_SETTINGS */.Rh.maxAttempts;
const lostAnswerBackoffMs = (lost) => Math.min(20_000, 500 * 2 ** (lost - 1));
/**
 * Sends a change once the endpoint is InService, waiting out another run's
 * update (SageMaker refuses changes while one is in progress). After a
 * refusal as "in progress" or a lost answer, the change is sent again only if
 * `landing` finds no sign of it, and only while the endpoint is still on the
 * config it was on: a config someone else put there in between is theirs.
 * Returns the endpoint as it was when the change was first sent.
 */
async function changeWhenUpdatable(ctx, what, send, landing) {
    let before;
    let refusedInProgress = 0;
    let lostAnswers = 0;
    for (;;) {
        const endpoint = await (0,wait/* requireUpdatable */.Mc)(ctx);
        if (before && endpoint.EndpointConfigName !== before.EndpointConfigName) {
            throw new Error(`Endpoint "${ctx.endpointName}" was moved from "${before.EndpointConfigName}" to "${endpoint.EndpointConfigName}" by someone else while this run was sending ${what}; ${what} was not sent again.`);
        }
        before ??= endpoint;
        try {
            await send();
            return before;
        }
        catch (error) {
            const inProgress = isUpdateInProgress(error);
            if (!inProgress && !(0,errors/* answerMayBeLost */.hx)(error))
                throw error;
            // Looked at even after the last attempt: the change it failed to confirm may have landed.
            const landed = landing(await (0,src_endpoint/* getEndpoint */.yP)(ctx));
            if (landed !== 'not-seen') {
                core/* info */.pq(`${capitalised(what)} was accepted though its answer was ${inProgress ? 'refused on a retry' : 'lost'}: endpoint "${ctx.endpointName}" ${landed === 'done' ? 'already shows it' : 'is carrying it out'}, so it is not sent again.`);
                return before;
            }
            if (inProgress ? ++refusedInProgress > IN_PROGRESS_RETRIES : ++lostAnswers >= LOST_ANSWER_ATTEMPTS)
                throw error;
            core/* info */.pq(inProgress
                ? `Endpoint "${ctx.endpointName}" is being changed by someone else; waiting for that to finish first.`
                : `The answer to ${what} was lost (${(0,errors/* errorMessage */.gJ)(error)}) and endpoint "${ctx.endpointName}" shows no sign of it; sending it again.`);
            if (!inProgress)
                await ctx.clock.sleep(lostAnswerBackoffMs(lostAnswers));
        }
    }
}
function capitalised(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
/** An UpdateEndpoint to `configName` shows as the pending deployment, then as the endpoint's config. */
function configLanding(configName) {
    return (endpoint) => {
        if (endpoint.PendingDeploymentSummary?.EndpointConfigName === configName)
            return 'under-way';
        const settled = !src_endpoint/* TRANSITIONAL_STATUSES */.kQ.includes(endpoint.EndpointStatus ?? '');
        return settled && endpoint.EndpointConfigName === configName ? 'done' : 'not-seen';
    };
}
/**
 * A weights and capacities change shows at once in the variants' Desired*
 * fields, while the endpoint is Updating, and in their Current* fields once
 * it is done.
 */
function weightsLanding(desired) {
    return (endpoint) => {
        const variants = endpoint.ProductionVariants ?? [];
        const matches = (current) => desired.every((wanted) => {
            const variant = variants.find((candidate) => candidate.VariantName === wanted.VariantName);
            if (!variant)
                return false;
            const weight = current ? variant.CurrentWeight : variant.DesiredWeight;
            const count = current ? variant.CurrentInstanceCount : variant.DesiredInstanceCount;
            return ((wanted.DesiredWeight === undefined || sameNumber(weight, wanted.DesiredWeight)) &&
                (wanted.DesiredInstanceCount === undefined || count === wanted.DesiredInstanceCount));
        });
        if (src_endpoint/* TRANSITIONAL_STATUSES */.kQ.includes(endpoint.EndpointStatus ?? ''))
            return matches(false) ? 'under-way' : 'not-seen';
        return matches(true) ? 'done' : 'not-seen';
    };
}
function sameNumber(actual, wanted) {
    return actual !== undefined && Math.abs(actual - wanted) < 1e-6;
}
/**
 * Updates the endpoint to `configName`, then (unless told not to wait) waits
 * and verifies it is InService on that config. Returns the endpoint as last seen.
 */
async function updateEndpointConfig(ctx, configName, options) {
    const input = { EndpointName: ctx.endpointName, EndpointConfigName: configName };
    if (options.deploymentConfig)
        input.DeploymentConfig = options.deploymentConfig;
    if (options.keepInstanceCounts) {
        input.RetainAllVariantProperties = true;
        input.ExcludeRetainedVariantProperties = [{ VariantPropertyType: 'DesiredWeight' }];
    }
    const started = ctx.clock.now();
    await changeWhenUpdatable(ctx, `the update to "${configName}"`, () => ctx.change('UpdateEndpoint', `endpoint "${ctx.endpointName}"`, input, () => ctx.clients.sagemakerChanges.send(new UpdateEndpointCommand(input))), configLanding(configName));
    if (ctx.dryRun || (!ctx.settings.waitForCompletion && !options.forceWait))
        return undefined;
    try {
        return await (0,wait/* waitForInService */.pP)(ctx, configName, options.purpose, options.waitTimeoutMs, options.expectedMs ?? ctx.expectedFleetChangeMs ?? expectations/* TYPICAL_MS */.K.fleet, options.whileWaiting);
    }
    finally {
        // Both fleets ran from the call until the endpoint settled, whichever way it went.
        (0,report/* addInstanceTime */.o6)(ctx.report, (options.newFleetInstances ?? 0) * (ctx.clock.now() - started));
    }
}
/**
 * Changes variant weights and/or instance counts in place (no new config),
 * then waits for InService on the same config unless told not to wait, and
 * checks the change was made. Returns the endpoint as last seen: before the
 * change when not waiting.
 */
async function updateWeightsAndCapacities(ctx, desired, options) {
    const input = { EndpointName: ctx.endpointName, DesiredWeightsAndCapacities: desired };
    const before = await changeWhenUpdatable(ctx, options.purpose, () => ctx.change('UpdateEndpointWeightsAndCapacities', `endpoint "${ctx.endpointName}"`, input, () => ctx.clients.sagemakerChanges.send(new UpdateEndpointWeightsAndCapacitiesCommand/* UpdateEndpointWeightsAndCapacitiesCommand */.G(input))), weightsLanding(desired));
    if (ctx.dryRun || (!ctx.settings.waitForCompletion && !options.forceWait))
        return before;
    return waitForChangeMade(ctx, before.EndpointConfigName ?? '', desired, options.purpose);
}
/**
 * Waits for a weights and capacities change to end, and checks it was made:
 * throws an EndpointStateError naming what the endpoint shows instead.
 */
async function waitForChangeMade(ctx, configName, desired, purpose) {
    let rolledBack = false;
    // New instances take a fleet's time to come up; weights alone, a minute.
    const expectedMs = desired.some((wanted) => wanted.DesiredInstanceCount !== undefined)
        ? expectations/* TYPICAL_MS */.K.fleet
        : expectations/* TYPICAL_MS */.K.weights;
    const settled = await (0,wait/* waitForInService */.pP)(ctx, configName, purpose, undefined, expectedMs, async (endpoint) => {
        rolledBack ||= endpoint.EndpointStatus === 'RollingBack';
        return Infinity;
    });
    const missed = changesNotMade(desired, settled, rolledBack);
    if (missed.length > 0) {
        throw new wait/* EndpointStateError */.D7(`SageMaker did not make ${purpose}${rolledBack ? ' and rolled it back' : ''}: endpoint "${ctx.endpointName}" is InService with ${missed.join(', ')}.${settled.FailureReason ? ` FailureReason: ${settled.FailureReason}` : ''}`, settled);
    }
    return settled;
}
/**
 * What of a weights and capacities change the endpoint does not show once
 * InService. SageMaker rolls back a change it cannot make (RollingBack, then
 * InService as before: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DescribeEndpoint.html),
 * so InService alone is no evidence. Nothing else moves a weight, so a weight
 * must be the one asked for; autoscaling may move an instance count as soon
 * as the change is made, so a count is held to it only after a rollback.
 */
function changesNotMade(desired, endpoint, rolledBack) {
    return desired.flatMap((wanted) => {
        const variant = endpoint.ProductionVariants?.find((candidate) => candidate.VariantName === wanted.VariantName);
        const missed = [];
        if (wanted.DesiredWeight !== undefined && !sameNumber(variant?.CurrentWeight, wanted.DesiredWeight)) {
            missed.push(`variant "${wanted.VariantName}" at weight ${variant?.CurrentWeight ?? 'none'}, not ${wanted.DesiredWeight}`);
        }
        const count = variant?.CurrentInstanceCount;
        if (rolledBack && wanted.DesiredInstanceCount !== undefined && count !== wanted.DesiredInstanceCount) {
            missed.push(`variant "${wanted.VariantName}" on ${count ?? 'no'} instance(s), not ${wanted.DesiredInstanceCount}`);
        }
        return missed;
    });
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
