export const id = 661;
export const ids = [661];
export const modules = {

/***/ 6661:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runPost: () => (/* binding */ runPost)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9378);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(788);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2308);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(665);
/* harmony import */ var _rollout_in_flight_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5453);
/* harmony import */ var _rollout_rollback_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5981);
/* harmony import */ var _rollout_native_alarms_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3373);
/* harmony import */ var _rollout_result_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3752);
/* harmony import */ var _rollout_scaling_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(127);
/* harmony import */ var _resources_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(2281);
/* harmony import */ var _rollout_state_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(9988);
/* harmony import */ var _summary_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(8855);
/* harmony import */ var _endpoint_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(3150);
/* harmony import */ var _lock_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(9188);
/* harmony import */ var _wait_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(910);
/**
 * The post step: runs after the job, whatever happened to it, and finishes
 * what a cancelled or killed main step left, as its saved state says:
 * - a rollout run by the action goes back to its previous config;
 * - a deployment run by SageMaker carries on by itself; once it has ended,
 *   the alarms the action made for it are deleted;
 * - the model and configs an unfinished deploy created are deleted, once
 *   nothing runs on them;
 * - the endpoint lock the main step left held is released, last.
 * Errors here are warnings: the job's verdict was decided by the main step.
 */
















async function runPost(clock, createClients) {
    const rollout = _rollout_state_js__WEBPACK_IMPORTED_MODULE_10__/* .inFlightRollout */ .VM.read();
    const native = _rollout_state_js__WEBPACK_IMPORTED_MODULE_10__/* .nativeDeployment */ .RS.read();
    const created = _rollout_state_js__WEBPACK_IMPORTED_MODULE_10__/* .unfinishedDeploy */ .Jh.read();
    const lock = _rollout_state_js__WEBPACK_IMPORTED_MODULE_10__/* .takenLock */ .NX.read();
    const target = rollout ?? native ?? created ?? lock;
    if (!target) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz('No rollout was left in flight; nothing to clean up.');
        return;
    }
    const report = (0,_report_js__WEBPACK_IMPORTED_MODULE_15__/* .newReport */ .bQ)('rollback', target.endpointName, target.region, false, clock.now());
    const saved = (0,_rollout_state_js__WEBPACK_IMPORTED_MODULE_10__/* .readCommonInputs */ .di)();
    // The rollout's own endpoint and region win: they are what the post step must restore.
    const common = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .parseCommonSettings */ .Gq)((name) => ({ ...saved, 'endpoint-name': target.endpointName, region: target.region })[name] ?? '', {});
    const ctx = new _context_js__WEBPACK_IMPORTED_MODULE_2__/* .OperationContext */ .n({ ...common, waitForCompletion: true, dryRun: false }, createClients(target.region), clock, report);
    try {
        if (rollout)
            await returnToPreviousConfig(ctx, rollout);
        if (native)
            await removeDeploymentAlarms(ctx, native);
        if (created)
            await deleteWhatTheRunCreated(ctx, created);
        report.succeeded = report.error === undefined;
    }
    finally {
        // Released last: until the endpoint is back where it was, no other run may start on it.
        if (lock)
            await (0,_lock_js__WEBPACK_IMPORTED_MODULE_13__/* .releaseEndpointLock */ .C0)(ctx, lock);
        if (rollout || native || created) {
            report.finishedAt = clock.now();
            await (0,_summary_js__WEBPACK_IMPORTED_MODULE_11__/* .writeSummary */ .Sy)(report);
        }
    }
}
async function returnToPreviousConfig(ctx, rollout) {
    ctx.warn(`A rollout on "${rollout.endpointName}" did not finish (the run was cancelled or killed); returning it to "${rollout.previousConfig}".`);
    try {
        await (0,_rollout_rollback_js__WEBPACK_IMPORTED_MODULE_5__/* .rollBack */ .F)(ctx, (0,_rollout_in_flight_js__WEBPACK_IMPORTED_MODULE_4__/* .inFlightFromSaved */ .PE)(rollout));
        ctx.note(`Cleanup after a cancelled rollout: endpoint "${rollout.endpointName}" is back on "${rollout.previousConfig}".`);
        (0,_rollout_result_js__WEBPACK_IMPORTED_MODULE_7__/* .setRolloutOutputs */ .qv)(ctx, { rolledBack: true });
        await (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_12__/* .reportEndpoint */ .Us)(ctx, await (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_12__/* .getEndpoint */ .yP)(ctx));
    }
    catch (error) {
        // The AWS message goes last: it ends its own sentence.
        ctx.report.error = `Could not return "${rollout.endpointName}" to "${rollout.previousConfig}" (run operation: rollback with endpoint-config-name: ${rollout.previousConfig}): ${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}`;
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(ctx.report.error);
        // The saved state ends with this step, and operation: rollback does not know what was suspended:
        // left now, the serving variants' scale-in would stay suspended for good.
        await (0,_rollout_scaling_js__WEBPACK_IMPORTED_MODULE_8__/* .releaseServingCapacity */ .Ay)(ctx, rollout.heldCapacity);
    }
}
/** After the endpoint is back (or never left), what the cancelled deploy made for it serves nothing. */
async function deleteWhatTheRunCreated(ctx, created) {
    const deleted = await (0,_resources_js__WEBPACK_IMPORTED_MODULE_9__/* .discardUnused */ .VL)(ctx, created);
    const names = [
        ...deleted.models.map((name) => `model "${name}"`),
        ...deleted.configs.map((name) => `endpoint config "${name}"`)
    ];
    if (names.length > 0) {
        ctx.note(`Deleted what the cancelled run created and nothing runs on: ${names.join(', ')}.`);
    }
    _rollout_state_js__WEBPACK_IMPORTED_MODULE_10__/* .unfinishedDeploy */ .Jh.clear();
}
/**
 * SageMaker's deployment needs its alarms until it ends, and nothing can stop
 * it: wait for it (as long as SageMaker itself may take, the timeout twice,
 * its own rollback included), then delete them.
 */
async function removeDeploymentAlarms(ctx, native) {
    try {
        await (0,_wait_js__WEBPACK_IMPORTED_MODULE_14__/* .waitForSettled */ .SG)(ctx, "SageMaker's deployment to end before deleting its alarms", ctx.settings.timeoutMs * 2);
        await (0,_rollout_native_alarms_js__WEBPACK_IMPORTED_MODULE_6__/* .deleteGateAlarms */ .hN)(ctx, native.alarms);
        ctx.note(`SageMaker's deployment on "${native.endpointName}" has ended; its alarms ${native.alarms.join(', ')} were deleted.`);
        _rollout_state_js__WEBPACK_IMPORTED_MODULE_10__/* .nativeDeployment */ .RS.clear();
    }
    catch (error) {
        ctx.report.error = `SageMaker's deployment on "${native.endpointName}" had not ended, so its alarms ${native.alarms.join(', ')} were kept: ${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)} Delete them once it has.`;
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(ctx.report.error);
    }
}


/***/ }),

/***/ 3373:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cl: () => (/* binding */ createGateAlarms),
/* harmony export */   hN: () => (/* binding */ deleteGateAlarms)
/* harmony export */ });
/* unused harmony export gateAlarmNames */
/* harmony import */ var _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4085);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9378);
/* harmony import */ var _gates_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8411);
/**
 * With rollout-controller: sagemaker, SageMaker judges a deployment by
 * CloudWatch alarms alone. max-error-rate and max-latency-p99 become alarms
 * on the new fleet for the deployment's length, created before UpdateEndpoint
 * and deleted once it has ended.
 *
 * Which fleet: during a blue/green deployment SageMaker also publishes the
 * variant's metrics with the dimension EndpointConfigName set to the new
 * config, once the new fleet takes traffic
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-configuration.html);
 * an alarm on EndpointName, VariantName and EndpointConfigName watches the new
 * fleet only, where the same variant name would otherwise mix both.
 *
 * How fast: one-minute periods, and a single breaching minute fires
 * (EvaluationPeriods 1, DatapointsToAlarm 1). A minute appears one to three
 * minutes after it closes, so an alarm that waited for several breaching
 * minutes would often fire after the bake it was meant to guard had ended.
 * Missing data does not breach: before the new fleet takes traffic there is
 * none, and treating that as breaching would roll back every deployment.
 */



const NAMESPACE = 'AWS/SageMaker';
/** ModelLatency is published in microseconds. */
const MICROSECONDS_PER_MS = 1000;
/** The alarms' names: the deployment's config name is unique to this run, so a re-run never collides. */
function gateAlarmNames(target, gates) {
    return alarmInputs('', target, gates).map((input) => input.AlarmName);
}
function alarmInputs(endpointName, target, gates) {
    const dimensions = [
        { Name: 'EndpointName', Value: endpointName },
        { Name: 'VariantName', Value: target.variantName },
        { Name: 'EndpointConfigName', Value: target.newConfig }
    ];
    const shared = {
        ComparisonOperator: 'GreaterThanThreshold',
        EvaluationPeriods: 1,
        DatapointsToAlarm: 1,
        TreatMissingData: 'notBreaching'
    };
    const description = (gate) => `${gate} of the new fleet during the deployment of "${target.newConfig}", created by sagemaker-deploy for SageMaker's auto-rollback; deleted when the deployment ends.`;
    const alarms = [];
    if (gates.maxErrorRate !== undefined) {
        alarms.push({
            ...shared,
            AlarmName: `sagemaker-deploy-${target.newConfig}-max-error-rate`,
            AlarmDescription: description(`max-error-rate ${(0,_gates_js__WEBPACK_IMPORTED_MODULE_1__/* .formatPercent */ .l9)(gates.maxErrorRate)}`),
            Threshold: gates.maxErrorRate,
            Metrics: [
                metric('errors', 'Invocation5XXErrors', dimensions),
                metric('invocations', 'Invocations', dimensions),
                { Id: 'error_rate', Expression: 'errors / invocations', Label: '5XX errors / invocations', ReturnData: true }
            ]
        });
    }
    if (gates.maxLatencyP99Ms !== undefined) {
        alarms.push({
            ...shared,
            AlarmName: `sagemaker-deploy-${target.newConfig}-max-latency-p99`,
            AlarmDescription: description(`max-latency-p99 ${gates.maxLatencyP99Ms} ms`),
            Namespace: NAMESPACE,
            MetricName: 'ModelLatency',
            Dimensions: dimensions,
            Period: 60,
            ExtendedStatistic: 'p99',
            Unit: 'Microseconds',
            Threshold: gates.maxLatencyP99Ms * MICROSECONDS_PER_MS
        });
    }
    return alarms;
}
function metric(id, metricName, dimensions) {
    return {
        Id: id,
        MetricStat: {
            Metric: { Namespace: NAMESPACE, MetricName: metricName, Dimensions: dimensions },
            Period: 60,
            Stat: 'Sum'
        },
        ReturnData: false
    };
}
/** Creates the gate alarms (PutMetricAlarm, through ctx.change). Returns their names. */
async function createGateAlarms(ctx, target, gates) {
    const inputs = alarmInputs(ctx.endpointName, target, gates);
    const created = [];
    try {
        for (const input of inputs) {
            await ctx.change('PutMetricAlarm', `alarm "${input.AlarmName}"`, input, () => ctx.clients.cloudwatch.send(new _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_2__/* .PutMetricAlarmCommand */ .AZU(input)));
            created.push(input.AlarmName);
        }
    }
    catch (error) {
        // Half a set of alarms guards nothing: take back what was made before failing.
        await deleteGateAlarms(ctx, created);
        throw error;
    }
    return created;
}
/** Deletes the gate alarms; a failure is a warning naming them, the deployment's own result matters more. */
async function deleteGateAlarms(ctx, names) {
    if (names.length === 0)
        return;
    const input = { AlarmNames: names };
    try {
        await ctx.change('DeleteAlarms', `alarms ${names.map((name) => `"${name}"`).join(', ')}`, input, () => ctx.clients.cloudwatch.send(new _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_2__/* .DeleteAlarmsCommand */ .nds(input)));
    }
    catch (error) {
        ctx.warn(`Could not delete the deployment's alarms ${names.join(', ')}: ${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)} Delete them by hand.`);
    }
}


/***/ })

};
