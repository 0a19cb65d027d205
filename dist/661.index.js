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
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8077);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(665);
/* harmony import */ var _rollout_executor_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2894);
/* harmony import */ var _rollout_verdict_alarm_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4466);
/* harmony import */ var _rollout_result_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3752);
/* harmony import */ var _rollout_scaling_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5316);
/* harmony import */ var _resources_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(1461);
/* harmony import */ var _rollout_state_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(9988);
/* harmony import */ var _summary_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(2829);
/* harmony import */ var _endpoint_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(3150);
/* harmony import */ var _lock_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(2776);
/* harmony import */ var _wait_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(910);
/* harmony import */ var _components_component_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(1741);
/**
 * The post step: runs after the job, whatever happened to it, and finishes
 * what a cancelled or killed main step left, as its saved state says:
 * - a rollout run by the action goes back to its previous config, by the
 *   plan built from its progress;
 * - a deployment run by SageMaker carries on by itself; once it has ended,
 *   the alarms the action made for it are deleted;
 * - the model and configs an unfinished deploy created are deleted, once
 *   nothing runs on them;
 * - autoscaling taken off for an update the run did not see through is put
 *   back, on the variant the endpoint has;
 * - the endpoint lock the main step left held is released, last.
 * Errors here are warnings: the job's verdict was decided by the main step.
 */
















async function runPost(clock, createClients) {
    const progress = _rollout_state_js__WEBPACK_IMPORTED_MODULE_9__/* .rolloutProgress */ .XP.read();
    const native = _rollout_state_js__WEBPACK_IMPORTED_MODULE_9__/* .nativeDeployment */ .RS.read();
    const created = _rollout_state_js__WEBPACK_IMPORTED_MODULE_9__/* .unfinishedDeploy */ .Jh.read();
    const scalingOff = _rollout_state_js__WEBPACK_IMPORTED_MODULE_9__/* .scalingTakenOff */ .gS.read();
    const lock = _rollout_state_js__WEBPACK_IMPORTED_MODULE_9__/* .takenLock */ .NX.read();
    const target = progress ?? native ?? created ?? scalingOff ?? lock;
    if (!target) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz('No rollout was left in flight; nothing to clean up.');
        return;
    }
    const report = (0,_report_js__WEBPACK_IMPORTED_MODULE_15__/* .newReport */ .bQ)('rollback', target.endpointName, target.region, false, clock.now());
    const saved = (0,_rollout_state_js__WEBPACK_IMPORTED_MODULE_9__/* .readCommonInputs */ .di)();
    // The rollout's own endpoint and region win: they are what the post step must restore.
    const common = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .parseCommonSettings */ .Gq)((name) => ({ ...saved, 'endpoint-name': target.endpointName, region: target.region })[name] ?? '', {});
    const ctx = new _context_js__WEBPACK_IMPORTED_MODULE_2__/* .OperationContext */ .n({ ...common, waitForCompletion: true, dryRun: false }, createClients(target.region), clock, report);
    try {
        if (progress)
            await returnToPreviousConfig(ctx, progress);
        if (native)
            await removeDeploymentAlarms(ctx, native);
        if (created)
            await deleteWhatTheRunCreated(ctx, created);
        if (scalingOff)
            await (0,_rollout_scaling_js__WEBPACK_IMPORTED_MODULE_7__/* .putBackScalingLeftOff */ .as)(ctx, scalingOff);
        report.succeeded = report.error === undefined;
    }
    finally {
        // Released last: until the endpoint is back where it was, no other run may start on it.
        if (lock)
            await (0,_lock_js__WEBPACK_IMPORTED_MODULE_12__/* .releaseEndpointLock */ .C0)(ctx, lock);
        if (progress || native || created || scalingOff) {
            report.finishedAt = clock.now();
            await (0,_summary_js__WEBPACK_IMPORTED_MODULE_10__/* .writeSummary */ .Sy)(report);
        }
    }
}
async function returnToPreviousConfig(ctx, progress) {
    const { endpointName } = progress;
    const { previousConfig } = progress.rollout;
    ctx.warn(`A rollout on "${endpointName}" did not finish (the run was cancelled or killed); returning it to "${previousConfig}".`);
    try {
        await (0,_rollout_executor_js__WEBPACK_IMPORTED_MODULE_4__/* .rollBack */ .Fu)(ctx, progress);
        ctx.note(`Cleanup after a cancelled rollout: endpoint "${endpointName}" is back on "${previousConfig}".`);
        (0,_rollout_result_js__WEBPACK_IMPORTED_MODULE_6__/* .setRolloutOutputs */ .qv)(ctx, { rolledBack: true });
        await (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_11__/* .reportEndpoint */ .Us)(ctx, await (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_11__/* .getEndpoint */ .yP)(ctx));
    }
    catch (error) {
        // The AWS message goes last: it ends its own sentence.
        ctx.report.error = `Could not return "${endpointName}" to "${previousConfig}" (run operation: rollback with endpoint-config-name: ${previousConfig}): ${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}`;
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(ctx.report.error);
        // The saved state ends with this step, and operation: rollback does not know what was suspended:
        // left now, the serving variants' scale-in would stay suspended for good.
        await (0,_rollout_scaling_js__WEBPACK_IMPORTED_MODULE_7__/* .releaseServingCapacity */ .Ay)(ctx, progress.rollout.held);
    }
}
/** After the endpoint is back (or never left), what the cancelled deploy made for it serves nothing. */
async function deleteWhatTheRunCreated(ctx, created) {
    const deleted = await (0,_resources_js__WEBPACK_IMPORTED_MODULE_8__/* .discardUnused */ .VL)(ctx, created);
    const names = [
        ...deleted.models.map((name) => `model "${name}"`),
        ...deleted.configs.map((name) => `endpoint config "${name}"`)
    ];
    if (names.length > 0) {
        ctx.note(`Deleted what the cancelled run created and nothing runs on: ${names.join(', ')}.`);
    }
    _rollout_state_js__WEBPACK_IMPORTED_MODULE_9__/* .unfinishedDeploy */ .Jh.clear();
}
/**
 * SageMaker's deployment needs its alarms until it ends, and nothing can stop
 * it: wait for it (as long as SageMaker itself may take, the timeout twice,
 * its own rollback included), then delete them.
 */
async function removeDeploymentAlarms(ctx, native) {
    try {
        const purpose = "SageMaker's deployment to end before deleting its alarms";
        const timeoutMs = ctx.settings.timeoutMs * 2;
        if (native.component)
            await (0,_components_component_js__WEBPACK_IMPORTED_MODULE_14__/* .waitForComponent */ .mt)(ctx, native.component, purpose, { timeoutMs });
        else
            await (0,_wait_js__WEBPACK_IMPORTED_MODULE_13__/* .waitForSettled */ .SG)(ctx, purpose, timeoutMs);
        for (const alarm of native.alarms)
            await (0,_rollout_verdict_alarm_js__WEBPACK_IMPORTED_MODULE_5__/* .deleteVerdictAlarm */ .eI)(ctx, alarm);
        ctx.note(`SageMaker's deployment on "${native.endpointName}" has ended; its alarms ${native.alarms.join(', ')} were deleted.`);
        _rollout_state_js__WEBPACK_IMPORTED_MODULE_9__/* .nativeDeployment */ .RS.clear();
    }
    catch (error) {
        ctx.report.error = `SageMaker's deployment on "${native.endpointName}" had not ended, so its alarms ${native.alarms.join(', ')} were kept: ${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)} Delete them once it has.`;
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(ctx.report.error);
    }
}


/***/ }),

/***/ 4466:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Fp: () => (/* binding */ createVerdictAlarm),
  eI: () => (/* binding */ deleteVerdictAlarm),
  tS: () => (/* reexport */ verdict_timing/* failedVerdictRollbackMs */.tS),
  Sr: () => (/* reexport */ verdict_timing/* heartbeatIntervalMs */.Sr),
  h$: () => (/* binding */ leaveToSageMaker),
  TP: () => (/* binding */ publishVerdict)
});

// UNUSED EXPORTS: SAGEMAKER_REACTION_MS, VERDICT_METRIC, VERDICT_NAMESPACE, evaluationRangePeriods, heartbeatWindowMs, silenceRollbackMs, verdictAlarmInput, verdictAlarmName, verdictMetricInput, verdictPeriodSeconds

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch/dist-es/commandBuilder.js + 6 modules
var commandBuilder = __webpack_require__(7489);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch/dist-es/schemas/schemas_0.js + 2 modules
var schemas_0 = __webpack_require__(3037);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/PutMetricDataCommand.js


class PutMetricDataCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw1 */.Fw, "PutMetricData", schemas_0/* PutMetricData$ */._pc) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/PutMetricAlarmCommand.js


class PutMetricAlarmCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "PutMetricAlarm", schemas_0/* PutMetricAlarm$ */.xg9) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/DeleteAlarmsCommand.js


class DeleteAlarmsCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DeleteAlarms", schemas_0/* DeleteAlarms$ */._M9) {
}

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/rollout/verdict-timing.ts
var verdict_timing = __webpack_require__(503);
;// CONCATENATED MODULE: ./src/rollout/verdict-alarm.ts
/**
 * The action's verdict as a CloudWatch alarm, so SageMaker acts on it and
 * rolls back without the runner.
 *
 * With rollout-controller: sagemaker, SageMaker carries out the deployment and
 * rolls back only on the alarms of its AutoRollbackConfiguration
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-configuration.html).
 * The action judges on its own evidence and publishes each verdict as a
 * custom metric (1 failed, 0 passing or still judging); one alarm on it,
 * Maximum >= 1, fires on a failed verdict. Missing data is breaching, so the
 * action falling silent (the runner died) fires it too: the action republishes
 * its last verdict as a heartbeat, and the heartbeat window says how long it
 * may be silent before SageMaker rolls back.
 *
 * How fast the verdict, or the action's silence, reaches SageMaker: verdict-timing.ts.
 */





const VERDICT_NAMESPACE = 'SageMakerDeploy';
const VERDICT_METRIC = 'RolloutVerdict';
/** CloudWatch's longest alarm name. */
const MAX_ALARM_NAME = 255;
function verdictAlarmName(target) {
    const name = `sagemaker-deploy-${target.newConfig}-verdict`;
    if (name.length > MAX_ALARM_NAME)
        throw new Error(`the alarm name ${name} is longer than ${MAX_ALARM_NAME}`);
    return name;
}
function verdictDimensions(endpointName, target) {
    return [
        { Name: 'EndpointName', Value: endpointName },
        { Name: 'EndpointConfigName', Value: target.newConfig }
    ];
}
/** One verdict as PutMetricData: high resolution when the alarm's period is under a minute. */
function verdictMetricInput(endpointName, target, verdict, at) {
    return {
        Namespace: VERDICT_NAMESPACE,
        MetricData: [
            {
                MetricName: VERDICT_METRIC,
                Dimensions: verdictDimensions(endpointName, target),
                Timestamp: at,
                Value: verdict === 'failed' ? 1 : 0,
                StorageResolution: (0,verdict_timing/* verdictPeriodSeconds */.GE)(target.gateIntervalMs) < 60 ? 1 : 60
            }
        ]
    };
}
/** The one alarm on the verdicts: a failed verdict or silence puts it in ALARM. */
function verdictAlarmInput(endpointName, target) {
    const period = (0,verdict_timing/* verdictPeriodSeconds */.GE)(target.gateIntervalMs);
    return {
        AlarmName: verdictAlarmName(target),
        AlarmDescription: `The verdict of sagemaker-deploy on the new fleet of "${target.newConfig}": a failed verdict, or no verdict for ${Math.round((0,verdict_timing/* heartbeatWindowMs */.DS)(target.gateIntervalMs) / 1000)} s, makes SageMaker roll back. Deleted when the deployment ends.`,
        Namespace: VERDICT_NAMESPACE,
        MetricName: VERDICT_METRIC,
        Dimensions: verdictDimensions(endpointName, target),
        Statistic: 'Maximum',
        Period: period,
        EvaluationPeriods: 1,
        DatapointsToAlarm: 1,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'breaching'
    };
}
/**
 * Publishes one verdict. Not recorded as a change: the heartbeat republishes every few seconds and would bury the
 * summary's "What changed"; createVerdictAlarm records the first publication, so a dry run shows it.
 */
async function publishVerdict(ctx, target, verdict) {
    if (ctx.dryRun)
        return;
    const kept = abandoned.has(targetKey(ctx.endpointName, target)) ? 'failed' : verdict;
    const input = verdictMetricInput(ctx.endpointName, target, kept, new Date(ctx.clock.now()));
    await (0,errors/* awsCall */.uF)('PutMetricData', `metric ${VERDICT_NAMESPACE}/${VERDICT_METRIC}`, () => ctx.clients.cloudwatch.send(new PutMetricDataCommand(input)));
}
/**
 * Publishes a "judging" verdict, then creates the alarm. The order matters: missing data is breaching, so an alarm
 * created before its first datapoint would fire at its first evaluation. Returns the alarm's name.
 */
async function createVerdictAlarm(ctx, target) {
    const metric = verdictMetricInput(ctx.endpointName, target, 'judging', new Date(ctx.clock.now()));
    await ctx.change('PutMetricData', `metric ${VERDICT_NAMESPACE}/${VERDICT_METRIC}`, metric, () => ctx.clients.cloudwatch.send(new PutMetricDataCommand(metric)));
    const alarm = verdictAlarmInput(ctx.endpointName, target);
    await ctx.change('PutMetricAlarm', `alarm "${alarm.AlarmName}"`, alarm, () => ctx.clients.cloudwatch.send(new PutMetricAlarmCommand(alarm)));
    return alarm.AlarmName;
}
/** Targets whose judging stopped: their verdict stays failed, whatever an evaluation still running publishes. */
const abandoned = new Set();
function targetKey(endpointName, target) {
    return `${endpointName}/${target.newConfig}`;
}
/**
 * The run stopped watching SageMaker's deployment on `error`. SageMaker rolls back only on an alarm, so a deployment
 * that goes on would complete a fleet nobody judged to the end: the verdict turns failed for good, SageMaker rolls
 * back on it, and the alarm is kept for the post step to delete once the deployment has ended. Returns whether it
 * was kept. A deployment that cannot be read is taken as going on, the safer reading. Never throws: a failed verdict
 * that cannot be published is silence, which fires the alarm within the heartbeat window all the same.
 */
async function leaveToSageMaker(ctx, error, alarm, goesOn) {
    if (!alarm || ctx.dryRun)
        return false;
    if (!(await readOrAssume(goesOn)))
        return false;
    // An evaluation still running beside the wait must not publish its "judging" over this.
    abandoned.add(targetKey(ctx.endpointName, alarm.target));
    try {
        await publishVerdict(ctx, alarm.target, 'failed');
    }
    catch (publishing) {
        core/* debug */.Yz(`The failed verdict could not be published (${(0,errors/* errorMessage */.gJ)(publishing)}); the alarm fires on the silence.`);
    }
    ctx.warn(`The action stopped judging SageMaker's deployment (${(0,errors/* errorMessage */.gJ)(error)}) while it went on: its verdict is now failed, so SageMaker rolls back rather than complete a fleet nobody judged to the end. The alarm ${alarm.name} is kept until the deployment has ended; the post step deletes it.`);
    return true;
}
async function readOrAssume(goesOn) {
    try {
        return await goesOn();
    }
    catch {
        return true;
    }
}
/** Deletes the verdict alarm; a failure is a warning naming it, the deployment's own result matters more. */
async function deleteVerdictAlarm(ctx, name) {
    const input = { AlarmNames: [name] };
    try {
        await ctx.change('DeleteAlarms', `alarm "${name}"`, input, () => ctx.clients.cloudwatch.send(new DeleteAlarmsCommand(input)));
    }
    catch (error) {
        ctx.warn(`Could not delete the verdict alarm ${name}: ${(0,errors/* errorMessage */.gJ)(error)} Delete it by hand.`);
    }
}


/***/ })

};
