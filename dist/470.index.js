export const id = 470;
export const ids = [470];
export const modules = {

/***/ 470:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runPromote: () => (/* binding */ runPromote)
/* harmony export */ });
/* harmony import */ var _endpoint_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3150);
/* harmony import */ var _invocation_metrics_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9113);
/* harmony import */ var _probes_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4476);
/* harmony import */ var _probe_targets_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3526);
/* harmony import */ var _lineage_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5010);
/* harmony import */ var _naming_js__WEBPACK_IMPORTED_MODULE_16__ = __webpack_require__(8499);
/* harmony import */ var _tags_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9506);
/* harmony import */ var _rollout_executor_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2894);
/* harmony import */ var _rollout_gates_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8411);
/* harmony import */ var _rollout_in_flight_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(5453);
/* harmony import */ var _rollout_moves_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(5307);
/* harmony import */ var _rollout_record_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(7476);
/* harmony import */ var _rollout_result_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(3752);
/* harmony import */ var _alarms_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(400);
/* harmony import */ var _serving_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(5905);
/* harmony import */ var _shadow_tests_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(7429);
/* harmony import */ var _wait_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(910);

















async function runPromote(ctx, settings) {
    if (settings.controller === 'sagemaker') {
        throw new Error('Input "rollout-controller": promote continues a rollout run by the action; SageMaker-run deployments never pause.');
    }
    const alarms = await (0,_alarms_js__WEBPACK_IMPORTED_MODULE_12__/* .describeAlarmStates */ .j)(ctx, settings.gates.alarmNames);
    const endpoint = await (0,_wait_js__WEBPACK_IMPORTED_MODULE_15__/* .requireUpdatable */ .Mc)(ctx);
    const configName = endpoint.EndpointConfigName ?? '';
    const canaryConfig = await (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_0__/* .getEndpointConfig */ .s3)(ctx, configName);
    (0,_alarms_js__WEBPACK_IMPORTED_MODULE_12__/* .refuseAlarmsOnUnpublishedMetrics */ .G)(ctx.endpointName, canaryConfig, alarms);
    if (settings.gates.probe) {
        (0,_probes_js__WEBPACK_IMPORTED_MODULE_2__/* .refuseProbesOnAsynchronous */ .Hy)(ctx.endpointName, canaryConfig, 'Judge the pause on its metrics instead: alarm-names, max-error-rate, max-latency-p99.');
    }
    const tags = await (0,_lineage_js__WEBPACK_IMPORTED_MODULE_4__/* .configTags */ ._F)(ctx, canaryConfig);
    const newVariant = tags[_tags_js__WEBPACK_IMPORTED_MODULE_5__/* .TAGS */ .gp.newVariant];
    const previousConfig = tags[_tags_js__WEBPACK_IMPORTED_MODULE_5__/* .TAGS */ .gp.previousConfig];
    if (tags[_tags_js__WEBPACK_IMPORTED_MODULE_5__/* .TAGS */ .gp.role] !== 'canary' || !newVariant || !previousConfig) {
        throw new Error(`Endpoint "${ctx.endpointName}" has no paused rollout to promote: its config "${configName}" was not created for a canary by this action.`);
    }
    const pausedAt = Date.parse(tags[_tags_js__WEBPACK_IMPORTED_MODULE_5__/* .TAGS */ .gp.pausedAt] ?? '');
    if (!Number.isFinite(pausedAt)) {
        // A canary that stopped without pausing failed its gates (auto-rollback off) or lost its run: not one to take on.
        throw new Error(`Endpoint "${ctx.endpointName}" is on canary config "${configName}", which records no pause (${_tags_js__WEBPACK_IMPORTED_MODULE_5__/* .TAGS */ .gp.pausedAt}): its rollout stopped without pausing (it failed its gates with auto-rollback off, or its run was cancelled or died), or its pause could not be recorded, as that run warned. There is no pause to promote; nothing was changed. Run operation: rollback to return to "${previousConfig}", then deploy again.`);
    }
    // A multi-model canary answers a probe only for a TargetModel: refused now, not found out by a rollback.
    if (settings.gates.probe) {
        await (0,_probe_targets_js__WEBPACK_IMPORTED_MODULE_3__/* .refuseMismatchedTargetModel */ .k)(ctx, canaryConfig, newVariant, settings.gates.probe.targetModel);
    }
    // A shadow test scheduled while the canary paused would undo the release as it would a deploy's.
    await (0,_shadow_tests_js__WEBPACK_IMPORTED_MODULE_14__/* .refuseShadowTestsOnEndpoint */ .u)(ctx, 'promote');
    const inFlight = pausedRollout(ctx, endpoint, canaryConfig, { newVariant, previousConfig, tags });
    const current = (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_0__/* .weightPercentages */ .IC)(endpoint.ProductionVariants ?? [])[newVariant] ?? 0;
    const remaining = settings.trafficSteps.filter((step) => step > current);
    const steps = remaining.length > 0 ? remaining : [100];
    ctx.note(`Promoting ${newVariant} from ${current}%: ${steps.map((step) => `${step}%`).join(' → ')}.`);
    const record = (0,_rollout_record_js__WEBPACK_IMPORTED_MODULE_10__/* .startRolloutRecord */ .H)(ctx, settings, inFlight);
    // strategy is a deploy input (all-at-once unless given): the summary must not call a promoted canary that.
    record.strategy = 'promote';
    // The pause is judged from when it began, as recorded on the canary config.
    const since = pausedAt;
    // Scale-in ran again while paused: what a rollback owes them is what they served with before the canary.
    const owed = Object.fromEntries((canaryConfig.ProductionVariants ?? []).map((variant) => [
        variant.VariantName ?? '',
        variant.InitialInstanceCount ?? 0
    ]));
    const moves = (0,_rollout_moves_js__WEBPACK_IMPORTED_MODULE_9__/* .promoteMoves */ .r0)({
        judgePause: (0,_rollout_gates_js__WEBPACK_IMPORTED_MODULE_7__/* .hasGates */ .x0)(settings.gates),
        steps,
        pause: { since, weight: current },
        release: (0,_rollout_in_flight_js__WEBPACK_IMPORTED_MODULE_8__/* .releaseVariant */ .rY)(endpoint, canaryConfig, inFlight),
        configSettings: (0,_serving_js__WEBPACK_IMPORTED_MODULE_13__/* .carriedConfigSettings */ .E6)(canaryConfig),
        owed
    });
    const result = await (0,_rollout_executor_js__WEBPACK_IMPORTED_MODULE_6__/* .carryOut */ .u0)(ctx, settings, inFlight, moves, { endpoint, current: canaryConfig });
    if (!result)
        return;
    // The deploy that paused made the new model, unless it deployed one as it was; a rolled-back promotion leaves it unused.
    const model = canaryConfig.ProductionVariants?.find((variant) => variant.VariantName === newVariant)?.ModelName;
    const made = model && tags[_tags_js__WEBPACK_IMPORTED_MODULE_5__/* .TAGS */ .gp.modelAsIs] !== 'true';
    await (0,_rollout_result_js__WEBPACK_IMPORTED_MODULE_11__/* .concludeRollout */ .NS)(ctx, result, { models: made ? [model] : [], configs: [] });
}
/**
 * The paused rollout as its canary config and the endpoint tell it: the old
 * variants' shares now, and the stable name the release gives the new
 * variant, read from the canary config as the deploy that paused chose it.
 */
function pausedRollout(ctx, endpoint, canaryConfig, found) {
    const { newVariant, tags } = found;
    return {
        previousConfig: found.previousConfig,
        canaryConfig: canaryConfig.EndpointConfigName ?? '',
        newVariant,
        stableVariant: (0,_rollout_in_flight_js__WEBPACK_IMPORTED_MODULE_8__/* .stableVariantOf */ .Or)(canaryConfig.ProductionVariants ?? [], newVariant),
        oldVariants: (0,_rollout_in_flight_js__WEBPACK_IMPORTED_MODULE_8__/* .servingShares */ .x1)(endpoint, newVariant),
        releaseConfig: (0,_naming_js__WEBPACK_IMPORTED_MODULE_16__/* .derivedName */ .Pr)(ctx.endpointName, (0,_naming_js__WEBPACK_IMPORTED_MODULE_16__/* .uniqueSuffix */ .v_)(ctx.clock.now())),
        // The release config is this run's: it carries this run's traceability, the workflow's own tags as they were.
        userTags: {
            ...ctx.run.tags,
            ...Object.fromEntries(Object.entries(tags).filter(([key]) => !key.startsWith('sagemaker-deploy:')))
        },
        held: [],
        source: (0,_invocation_metrics_js__WEBPACK_IMPORTED_MODULE_1__/* .metricsSourceOf */ .er)(canaryConfig)
    };
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

/***/ 7476:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ startRolloutRecord)
/* harmony export */ });
/* harmony import */ var _gates_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8411);

function startRolloutRecord(ctx, settings, inFlight) {
    const record = {
        controller: settings.controller,
        strategy: settings.strategy,
        newVariant: inFlight.newVariant,
        ...(inFlight.previousConfig ? { previousConfig: inFlight.previousConfig } : {}),
        ...(settings.gates.maxErrorRate !== undefined ? { maxErrorRate: settings.gates.maxErrorRate } : {}),
        gates: (0,_gates_js__WEBPACK_IMPORTED_MODULE_0__/* .describeGates */ .yg)(settings.gates, inFlight.source),
        steps: []
    };
    ctx.report.rollout = record;
    if (inFlight.previousConfig)
        ctx.output('previous-endpoint-config-name', inFlight.previousConfig);
    ctx.output('variant-name', inFlight.newVariant);
    return record;
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


/***/ })

};
