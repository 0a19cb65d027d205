export const id = 781;
export const ids = [781];
export const modules = {

/***/ 8499:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ derivedName),
/* harmony export */   v: () => (/* binding */ uniqueSuffix)
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


/***/ }),

/***/ 2428:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Wq: () => (/* binding */ bake),
/* harmony export */   sm: () => (/* binding */ judgePause)
/* harmony export */ });
/* unused harmony export sleepUntil */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2828);
/* harmony import */ var _gates_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8411);
/* harmony import */ var _periods_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(215);
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
    if (!(0,_gates_js__WEBPACK_IMPORTED_MODULE_2__/* .hasGates */ .x0)(settings.gates))
        return { baseline: [] };
    const step = {
        weight: pause.weight,
        startedAt: pause.since,
        evaluations: [],
        verdict: 'in-progress',
        kind: 'pause'
    };
    record.steps.push(step);
    const judge = new _gates_js__WEBPACK_IMPORTED_MODULE_2__/* .StepJudge */ .AU(ctx, settings.gates, {
        newVariant: inFlight.newVariant,
        baselineVariants: inFlight.oldVariants.map((variant) => variant.name),
        source: inFlight.source,
        firstPeriod: (0,_periods_js__WEBPACK_IMPORTED_MODULE_3__/* .floorPeriod */ .eG)(pause.since, (0,_periods_js__WEBPACK_IMPORTED_MODULE_3__/* .periodMsOf */ .J8)(inFlight.source)),
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
    if (!(0,_gates_js__WEBPACK_IMPORTED_MODULE_2__/* .hasGates */ .x0)(settings.gates)) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Baking for ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(bakeTimeMs)}.`);
        await sleepUntil(ctx.clock, bakeEnd);
        return { verdict: 'passed' };
    }
    const waitsForData = (0,_gates_js__WEBPACK_IMPORTED_MODULE_2__/* .needsTraffic */ .rw)(settings.gates);
    // The periods the step exposed to traffic; at least one whole period, however short the bake.
    const exposedUntil = Math.max((0,_periods_js__WEBPACK_IMPORTED_MODULE_3__/* .ceilPeriod */ .PB)(bakeEnd, judge.periodMs), judge.scope.firstPeriod + judge.periodMs);
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
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(log.line(label, step.weight, evaluation));
        if (evaluation.verdict === 'failed') {
            failures.consecutive++;
            if (failures.consecutive >= settings.failureThreshold) {
                return { verdict: 'failed', reason: (0,_words_js__WEBPACK_IMPORTED_MODULE_4__/* .failedStepReason */ .om)(failures.consecutive, step.weight, evaluation) };
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
            reason: `a failed gate evaluation at ${step.weight}% was not cleared by a passing one within max-data-delay: ${seen.last?.failures.join('; ') ?? ''}`
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
            ctx.note(`At ${step.weight}%, CloudWatch had not published every period the step exposed within max-data-delay (${(0,_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(settings.maxDataDelayMs)}); the step passed on the periods it had.`);
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


/***/ }),

/***/ 9660:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ carryOut)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9378);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(665);
/* harmony import */ var _update_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6082);
/* harmony import */ var _resources_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2281);
/* harmony import */ var _bake_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2428);
/* harmony import */ var _gates_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8411);
/* harmony import */ var _periods_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(215);
/* harmony import */ var _in_flight_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5453);
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(5762);
/* harmony import */ var _result_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(3752);
/* harmony import */ var _rollback_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(5981);
/* harmony import */ var _scaling_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(127);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(9988);
/* harmony import */ var _switch_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(2821);
/* harmony import */ var _words_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(7080);
/**
 * The one executor of a rollout run by the action: it carries out a list of
 * moves (moves.ts) in order, keeps one progress record of where the rollout
 * stands, and ends it in one conclusion: released, paused, rolled back, or
 * failed and left in place. A dry run hands the same list to plan.ts.
 */
















/**
 * Carries the moves out, or in a dry run records them as the plan. Returns
 * how the rollout ended; undefined in a dry run.
 */
async function carryOut(ctx, settings, inFlight, moves, scene) {
    if (ctx.dryRun) {
        await (0,_plan_js__WEBPACK_IMPORTED_MODULE_8__/* .rehearse */ .Km)(ctx, settings, inFlight, moves, scene);
        return undefined;
    }
    const progress = { moves, reached: 0, failures: { consecutive: 0 }, baseline: [] };
    let judgingSince;
    try {
        for (const [index, move] of moves.entries()) {
            progress.reached = index;
            if (judgingSince === undefined && isJudging(move)) {
                judgingSince = ctx.clock.now();
                if (!(0,_gates_js__WEBPACK_IMPORTED_MODULE_5__/* .hasGates */ .x0)(settings.gates))
                    ctx.warn(_words_js__WEBPACK_IMPORTED_MODULE_14__/* .NO_GATES_WARNING */ .Ii);
            }
            const ended = await perform(ctx, settings, inFlight, move, scene, progress);
            if (ended)
                return ended;
        }
        return { outcome: 'failed', decision: 'The rollout plan ended without a conclusion.', failsStep: true };
    }
    finally {
        if (judgingSince !== undefined) {
            (0,_report_js__WEBPACK_IMPORTED_MODULE_15__/* .addInstanceTime */ .o6)(ctx.report, (inFlight.newVariantInstances ?? 0) * (ctx.clock.now() - judgingSince));
            // However it ended (promoted, paused, rolled back), the old variants' autoscaling is theirs again.
            await (0,_scaling_js__WEBPACK_IMPORTED_MODULE_11__/* .releaseServingCapacity */ .Ay)(ctx, inFlight.held);
        }
    }
}
function isJudging(move) {
    return move.kind === 'judge-pause' || move.kind === 'shift';
}
/** One move; a result when the rollout ends with it. */
async function perform(ctx, settings, inFlight, move, scene, progress) {
    switch (move.kind) {
        case 'create-canary-config':
            await (0,_switch_js__WEBPACK_IMPORTED_MODULE_13__/* .createCanaryConfig */ .Hu)(ctx, inFlight, move);
            return undefined;
        case 'hold-capacity':
            await holdCapacity(ctx, inFlight, scene.endpoint, move.atLeast);
            return undefined;
        case 'join':
            return joinOrRollBack(ctx, inFlight, move.fleet);
        case 'judge-pause':
        case 'shift':
        case 'judge-step':
            return judgeOrStop(ctx, settings, inFlight, move, progress);
        case 'pause':
            return concludePause(ctx, settings, inFlight, progress, move.weight);
        case 'switch-to-release':
            return releaseOrRollBack(ctx, settings, inFlight, progress);
        default:
            throw new Error(`A rollout has no move "${move.kind}" here: it belongs to a rollback.`);
    }
}
async function holdCapacity(ctx, inFlight, endpoint, atLeast) {
    await (0,_in_flight_js__WEBPACK_IMPORTED_MODULE_7__/* .holdServingCapacityFor */ .n)(ctx, endpoint, inFlight);
    for (const entry of inFlight.held)
        entry.instances = Math.max(entry.instances, atLeast?.[entry.variant] ?? 0);
}
async function joinOrRollBack(ctx, inFlight, fleet) {
    try {
        await (0,_switch_js__WEBPACK_IMPORTED_MODULE_13__/* .joinCanary */ .JI)(ctx, inFlight, fleet);
        return undefined;
    }
    catch (error) {
        // The endpoint may be anywhere between the two configs (or SageMaker already put it back).
        await (0,_rollback_js__WEBPACK_IMPORTED_MODULE_10__/* .rollBack */ .F)(ctx, inFlight).catch(async (rollbackError) => {
            ctx.warn(`Could not return to "${inFlight.previousConfig}": ${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(rollbackError)}`);
            await (0,_scaling_js__WEBPACK_IMPORTED_MODULE_11__/* .releaseServingCapacity */ .Ay)(ctx, inFlight.held);
        });
        return ((0,_result_js__WEBPACK_IMPORTED_MODULE_9__/* .failedUpdateResult */ .Ci)(error) ?? { outcome: 'failed', decision: (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error), failsStep: true, cause: error });
    }
}
/** The judging moves; once the rollout has stopped short, the moves left are skipped until its ending. */
async function judgeOrStop(ctx, settings, inFlight, move, progress) {
    if (progress.stopped)
        return undefined;
    const record = ctx.report.rollout;
    try {
        if (move.kind === 'judge-pause') {
            const judged = await (0,_bake_js__WEBPACK_IMPORTED_MODULE_4__/* .judgePause */ .sm)(ctx, settings, inFlight, move.pause, record);
            progress.baseline = judged.baseline;
            if (judged.judgedThrough !== undefined)
                progress.pauseJudgedThrough = judged.judgedThrough;
            if (judged.failure)
                progress.stopped = { kind: 'failed', reason: judged.failure, weight: move.pause.weight };
        }
        else if (move.kind === 'shift') {
            await shift(ctx, inFlight, move, record);
        }
        else {
            await judgeStep(ctx, settings, inFlight, move, progress, record);
        }
        return undefined;
    }
    catch (error) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .endGroup */ .N4();
        return stoppedByError(ctx, settings, inFlight, record, error);
    }
}
async function shift(ctx, inFlight, { weight, index, of }, record) {
    const step = { weight, startedAt: ctx.clock.now(), evaluations: [], verdict: 'in-progress' };
    record.steps.push(step);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .startGroup */ .Oh(`Step ${index + 1}/${of}: ${weight}% of traffic to ${inFlight.newVariant}`);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Shifting ${weight}% of traffic to ${inFlight.newVariant}.`);
    await (0,_update_js__WEBPACK_IMPORTED_MODULE_2__/* .updateWeightsAndCapacities */ .ep)(ctx, (0,_in_flight_js__WEBPACK_IMPORTED_MODULE_7__/* .desiredWeights */ .ax)(inFlight, weight), {
        purpose: `the shift to ${weight}%`,
        forceWait: true
    });
    step.startedAt = ctx.clock.now();
}
async function judgeStep(ctx, settings, inFlight, move, progress, record) {
    const step = record.steps.at(-1);
    // After a pause, the first step starts from the first period its judging left: the canary served at the
    // paused weight while promote waited for CloudWatch, and those periods are this step's to judge.
    const afterPause = move.index === 0 && progress.pauseJudgedThrough !== undefined;
    const stepStart = (0,_periods_js__WEBPACK_IMPORTED_MODULE_6__/* .floorPeriod */ .eG)(step.startedAt, (0,_periods_js__WEBPACK_IMPORTED_MODULE_6__/* .periodMsOf */ .J8)(inFlight.source));
    const judge = new _gates_js__WEBPACK_IMPORTED_MODULE_5__/* .StepJudge */ .AU(ctx, settings.gates, {
        newVariant: inFlight.newVariant,
        baselineVariants: inFlight.oldVariants.map((variant) => variant.name),
        source: inFlight.source,
        firstPeriod: afterPause ? Math.min(stepStart, progress.pauseJudgedThrough) : stepStart,
        baselineServes: move.weight < 100,
        earlierBaseline: progress.baseline
    });
    const verdict = await (0,_bake_js__WEBPACK_IMPORTED_MODULE_4__/* .bake */ .Wq)(ctx, settings, judge, step, progress.failures);
    progress.baseline = [...progress.baseline, ...judge.baselineSeen];
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .endGroup */ .N4();
    step.endedAt = ctx.clock.now();
    step.verdict = verdict.verdict;
    if (verdict.verdict !== 'passed') {
        step.reason = verdict.reason;
        progress.stopped = { kind: verdict.verdict, reason: verdict.reason, weight: move.weight };
    }
}
function stoppedByError(ctx, settings, inFlight, record, error) {
    const current = record.steps.at(-1);
    if (current && current.verdict === 'in-progress') {
        current.verdict = 'failed';
        current.endedAt = ctx.clock.now();
    }
    if ((0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isExpiredCredentials */ .CW)(error)) {
        // Every call from here would fail the same way: say where the endpoint was left instead.
        return {
            outcome: 'failed',
            decision: _words_js__WEBPACK_IMPORTED_MODULE_14__/* .decisions */ .a.credentialsExpired(current?.weight ?? 0),
            healthy: false,
            failsStep: true,
            cause: error
        };
    }
    return rollBackOrStop(ctx, settings, inFlight, `the rollout could not go on: ${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}`);
}
/** The rollout's ending where its steps stop short of 100, or stopped short. */
function concludePause(ctx, settings, inFlight, progress, weight) {
    return progress.stopped
        ? concludeStopped(ctx, settings, inFlight, progress.stopped)
        : pauseHere(ctx, inFlight, {
            decision: _words_js__WEBPACK_IMPORTED_MODULE_14__/* .decisions */ .a.pausedAsAsked(weight, inFlight.newVariant, inFlight.previousConfig),
            failsStep: false,
            healthy: true
        });
}
function concludeStopped(ctx, settings, inFlight, stopped) {
    if (stopped.kind === 'failed')
        return rollBackOrStop(ctx, settings, inFlight, stopped.reason);
    const why = _words_js__WEBPACK_IMPORTED_MODULE_14__/* .decisions */ .a.undecidedStep(stopped.weight, stopped.reason);
    if (settings.onInconclusive !== 'pause')
        return rollBackOrStop(ctx, settings, inFlight, why);
    return pauseHere(ctx, inFlight, {
        decision: _words_js__WEBPACK_IMPORTED_MODULE_14__/* .decisions */ .a.pausedUndecided(stopped.weight, inFlight.newVariant, why),
        failsStep: true,
        healthy: false
    });
}
async function releaseOrRollBack(ctx, settings, inFlight, progress) {
    if (progress.stopped)
        return concludeStopped(ctx, settings, inFlight, progress.stopped);
    try {
        await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os(`Promoting ${inFlight.newVariant}: retiring the old variants`, () => (0,_switch_js__WEBPACK_IMPORTED_MODULE_13__/* .switchToRelease */ .Fm)(ctx, inFlight));
    }
    catch (error) {
        return rollBackOrStop(ctx, settings, inFlight, `promotion failed: ${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}`);
    }
    return {
        outcome: 'succeeded',
        decision: _words_js__WEBPACK_IMPORTED_MODULE_14__/* .decisions */ .a.released(inFlight.newVariant, inFlight.releaseConfig),
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
    _state_js__WEBPACK_IMPORTED_MODULE_12__/* .inFlightRollout */ .VM.clear();
    await (0,_switch_js__WEBPACK_IMPORTED_MODULE_13__/* .recordPauseStart */ .q7)(ctx, inFlight.canaryConfig);
    return { outcome: 'paused', ...result };
}
async function rollBackOrStop(ctx, settings, inFlight, failure) {
    if (!settings.autoRollback) {
        _state_js__WEBPACK_IMPORTED_MODULE_12__/* .inFlightRollout */ .VM.clear();
        return {
            outcome: 'failed',
            decision: _words_js__WEBPACK_IMPORTED_MODULE_14__/* .decisions */ .a.leftInPlace(failure, inFlight.previousConfig),
            healthy: false,
            failsStep: true
        };
    }
    ctx.warn(`Rolling back: ${failure}`);
    try {
        await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os(`Rolling back to ${inFlight.previousConfig}`, () => (0,_rollback_js__WEBPACK_IMPORTED_MODULE_10__/* .rollBack */ .F)(ctx, inFlight));
    }
    catch (error) {
        return {
            outcome: 'failed',
            decision: _words_js__WEBPACK_IMPORTED_MODULE_14__/* .decisions */ .a.rollbackFailed(failure, (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)),
            healthy: false,
            failsStep: true
        };
    }
    // A failed promotion may have left its release config behind; its name is this run's own.
    await (0,_resources_js__WEBPACK_IMPORTED_MODULE_3__/* .deleteConfigQuietly */ .JD)(ctx, inFlight.releaseConfig);
    return {
        outcome: 'rolled-back',
        decision: _words_js__WEBPACK_IMPORTED_MODULE_14__/* .decisions */ .a.rolledBack(failure, inFlight.previousConfig),
        healthy: false,
        failsStep: settings.failOnRollback
    };
}


/***/ }),

/***/ 5762:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Km: () => (/* binding */ rehearse),
/* harmony export */   hm: () => (/* binding */ planSageMakerDeployment),
/* harmony export */   xW: () => (/* binding */ planAllAtOnce)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(4459);
/* harmony import */ var _expectations_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1236);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2828);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(665);
/* harmony import */ var _resources_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2281);
/* harmony import */ var _summary_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2829);
/* harmony import */ var _update_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6082);
/* harmony import */ var _in_flight_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5453);
/* harmony import */ var _switch_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2821);
/* harmony import */ var _invocation_metrics_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9113);
/* harmony import */ var _gates_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(8411);
/* harmony import */ var _native_limits_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(7783);
/* harmony import */ var _periods_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(215);
/* harmony import */ var _scaling_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(127);
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
    return (0,_periods_js__WEBPACK_IMPORTED_MODULE_11__/* .periodMsOf */ .J8)(source) + TYPICAL_PUBLICATION_DELAY_MS;
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
    rehearsal.durationMs += rehearsal.canaryMs;
    rehearsal.instanceMs += newVariantInstances * rehearsal.canaryMs;
    recordPlan(ctx, {
        schedule: rehearsal.schedule,
        gates: (0,_gates_js__WEBPACK_IMPORTED_MODULE_9__/* .describeGates */ .yg)(settings.gates, inFlight.source),
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
            await (0,_switch_js__WEBPACK_IMPORTED_MODULE_7__/* .createCanaryConfig */ .Hu)(ctx, inFlight, move);
            return;
        case 'hold-capacity':
            await (0,_in_flight_js__WEBPACK_IMPORTED_MODULE_6__/* .holdServingCapacityFor */ .n)(ctx, scene.endpoint, inFlight);
            return;
        case 'join':
            await (0,_update_js__WEBPACK_IMPORTED_MODULE_5__/* .updateEndpointConfig */ .vG)(ctx, inFlight.canaryConfig, { purpose: 'the canary config', forceWait: true });
            rehearsal.schedule.push(`Update the endpoint to ${inFlight.canaryConfig}: ${inFlight.newVariant} joins at weight 0 beside the serving variants, a new fleet of ${move.fleet} instances, about ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(fleetMs)}.`);
            rehearsal.durationMs += fleetMs;
            rehearsal.instanceMs += move.fleet * fleetMs;
            return;
        case 'judge-pause':
            rehearsal.canaryMs += dataWaitMs(settings, inFlight.source);
            rehearsal.schedule.push(pauseJudgedText(settings, inFlight.source, move.pause.weight));
            return;
        case 'shift':
            await (0,_update_js__WEBPACK_IMPORTED_MODULE_5__/* .updateWeightsAndCapacities */ .ep)(ctx, (0,_in_flight_js__WEBPACK_IMPORTED_MODULE_6__/* .desiredWeights */ .ax)(inFlight, move.weight), {
                purpose: `the shift to ${move.weight}%`
            });
            return;
        case 'judge-step': {
            const step = judgedStep(settings, inFlight.source, `Step ${move.index + 1}: ${move.weight}% of traffic to ${inFlight.newVariant}`);
            rehearsal.canaryMs += _expectations_js__WEBPACK_IMPORTED_MODULE_1__/* .TYPICAL_MS */ .K.weights + step.durationMs;
            rehearsal.schedule.push(`${step.text} ${stepEndingText(settings)}`);
            return;
        }
        case 'pause':
            await (0,_switch_js__WEBPACK_IMPORTED_MODULE_7__/* .recordPauseStart */ .q7)(ctx, inFlight.canaryConfig);
            rehearsal.schedule.push(`Pause at ${move.weight}%: operation: promote finishes it (judging the pause first), operation: rollback undoes it.`);
            return;
        case 'switch-to-release':
            await rehearseRelease(ctx, inFlight, move, scene);
            rehearsal.schedule.push(`Promote: update the endpoint to ${inFlight.releaseConfig} with ${inFlight.newVariant} alone, a new fleet of ${(0,_resources_js__WEBPACK_IMPORTED_MODULE_3__/* .fleetSize */ .oE)([move.planned])} instances, about ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(fleetMs)}; then delete ${inFlight.canaryConfig}.`);
            rehearsal.durationMs += fleetMs;
            rehearsal.instanceMs += (0,_resources_js__WEBPACK_IMPORTED_MODULE_3__/* .fleetSize */ .oE)([move.planned]) * fleetMs;
            return;
        default:
            throw new Error(`A dry run has no move "${move.kind}": it belongs to a rollback.`);
    }
}
async function rehearseRelease(ctx, inFlight, move, scene) {
    await (0,_resources_js__WEBPACK_IMPORTED_MODULE_3__/* .createEndpointConfig */ .u7)(ctx, inFlight.releaseConfig, [{ ...move.planned, InitialVariantWeight: 1 }], { role: 'release', previousConfig: inFlight.previousConfig }, inFlight.userTags, move.configSettings);
    await (0,_scaling_js__WEBPACK_IMPORTED_MODULE_12__/* .withScalingMoved */ .Dl)(ctx, { endpoint: scene.endpoint, current: scene.current, target: [move.planned], targetName: inFlight.releaseConfig }, () => (0,_update_js__WEBPACK_IMPORTED_MODULE_5__/* .updateEndpointConfig */ .vG)(ctx, inFlight.releaseConfig, { purpose: 'the promotion', forceWait: true }));
    // In a deploy's dry run the canary config was never made, so this records the delete without looking for it.
    const input = { EndpointConfigName: inFlight.canaryConfig };
    await ctx.change('DeleteEndpointConfig', `endpoint config "${inFlight.canaryConfig}"`, input, () => ctx.clients.sagemaker.send(new _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_13__/* .DeleteEndpointConfigCommand */ .WLA(input)));
}
function pauseJudgedText(settings, source, weight) {
    const waiting = (0,_gates_js__WEBPACK_IMPORTED_MODULE_9__/* .needsTraffic */ .rw)(settings.gates)
        ? `until CloudWatch has published the ${(0,_invocation_metrics_js__WEBPACK_IMPORTED_MODULE_8__/* .periodWords */ .Hj)(source)} this run began in (typically ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(typicalDataWaitMs(source))}, at most max-data-delay ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(settings.maxDataDelayMs)} past it)`
        : 'at once';
    return `Judge the pause at ${weight}%: the gates over the whole pause, ${waiting}; a failure ${settings.autoRollback ? 'rolls back' : 'stops the rollout'} before any traffic moves.`;
}
function stepEndingText(settings) {
    const consequence = settings.autoRollback ? 'roll' : 'stop';
    const failing = settings.failureThreshold === 1
        ? `A failed evaluation ${consequence === 'roll' ? 'rolls back' : 'stops the rollout'}`
        : `${settings.failureThreshold} failed evaluations without a pass between them ${consequence === 'roll' ? 'roll back' : 'stop the rollout'}`;
    return `${failing}; a step the gates cannot judge ${settings.onInconclusive === 'pause' ? 'pauses' : 'rolls back'}.`;
}
/**
 * A deploy that replaces the model all at once (or creates the endpoint) as a
 * plan: the one fleet update, then the gates judging the new variant alone.
 */
function planAllAtOnce(ctx, settings, deploy) {
    const fleetMs = ctx.expectedFleetChangeMs ?? _expectations_js__WEBPACK_IMPORTED_MODULE_1__/* .TYPICAL_MS */ .K.fleet;
    const gates = (0,_gates_js__WEBPACK_IMPORTED_MODULE_9__/* .describeGates */ .yg)(settings.gates, deploy.source);
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
    const durationMs = (0,_native_limits_js__WEBPACK_IMPORTED_MODULE_10__/* .leastTimeoutMs */ .lo)(settings, deployment.batches, fleetMs);
    const provisioning = deployment.batches > 1
        ? `${deployment.batches} batches, each provisioned (about ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(fleetMs)}) and baked`
        : `the new fleet provisioned (about ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(fleetMs)}), then every bake`;
    recordPlan(ctx, {
        schedule: [`${deployment.description} About ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(durationMs)}: ${provisioning}.`],
        gates: (0,_gates_js__WEBPACK_IMPORTED_MODULE_9__/* .describeGates */ .yg)(settings.gates, deployment.source),
        durationMs,
        instanceMs: deployment.newFleetInstances * durationMs
    });
}
/** One judged step in words, and how long it typically lasts: its bake, then the wait for its periods. */
function judgedStep(settings, source, what) {
    const evaluations = Math.max(1, Math.ceil(settings.bakeTimeMs / settings.gateIntervalMs));
    return {
        durationMs: settings.bakeTimeMs + dataWaitMs(settings, source),
        text: `${what} for ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(settings.bakeTimeMs)}, ${(0,_gates_js__WEBPACK_IMPORTED_MODULE_9__/* .hasGates */ .x0)(settings.gates)
            ? `gates judged every ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(settings.gateIntervalMs)} (${evaluations} evaluations)`
            : 'no gates: it only waits'}${(0,_gates_js__WEBPACK_IMPORTED_MODULE_9__/* .needsTraffic */ .rw)(settings.gates)
            ? `, then until CloudWatch has published the step's ${(0,_invocation_metrics_js__WEBPACK_IMPORTED_MODULE_8__/* .periodWords */ .Hj)(source)}s (typically ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(typicalDataWaitMs(source))} more, at most max-data-delay ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(settings.maxDataDelayMs)} past the last one's close)`
            : ''}.`
    };
}
/**
 * What waiting for CloudWatch typically adds past a bake, when the gates need its periods: the last one
 * closing, then publication, which max-data-delay bounds past the close.
 */
function dataWaitMs(settings, source) {
    if (!(0,_gates_js__WEBPACK_IMPORTED_MODULE_9__/* .needsTraffic */ .rw)(settings.gates))
        return 0;
    return (0,_periods_js__WEBPACK_IMPORTED_MODULE_11__/* .periodMsOf */ .J8)(source) + Math.min(TYPICAL_PUBLICATION_DELAY_MS, settings.maxDataDelayMs);
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
    (0,_report_js__WEBPACK_IMPORTED_MODULE_14__/* .addInstanceTime */ .o6)(ctx.report, plan.instanceMs);
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

/***/ 2821:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fm: () => (/* binding */ switchToRelease),
/* harmony export */   Hu: () => (/* binding */ createCanaryConfig),
/* harmony export */   JI: () => (/* binding */ joinCanary),
/* harmony export */   q7: () => (/* binding */ recordPauseStart)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(4459);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9378);
/* harmony import */ var _endpoint_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3150);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2828);
/* harmony import */ var _resources_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2281);
/* harmony import */ var _serving_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(941);
/* harmony import */ var _tags_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9506);
/* harmony import */ var _update_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6082);
/* harmony import */ var _in_flight_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(5453);
/* harmony import */ var _scaling_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(127);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(9988);
/**
 * The config changes of a rollout run by the action: the endpoint joins the
 * canary config (the new variant beside the serving ones, at weight 0), and
 * at the end switches to the release config (the new variant alone). Also
 * the tag that records when a pause began.
 */












/** The config with the serving variants and the new one beside them at weight 0: the same call in a dry run. */
async function createCanaryConfig(ctx, inFlight, move) {
    await (0,_resources_js__WEBPACK_IMPORTED_MODULE_4__/* .createEndpointConfig */ .u7)(ctx, inFlight.canaryConfig, move.variants, { role: 'canary', previousConfig: inFlight.previousConfig, newVariant: inFlight.newVariant }, inFlight.userTags, move.configSettings);
}
async function joinCanary(ctx, inFlight, fleet) {
    await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os(`Adding ${inFlight.newVariant} beside the serving variants at weight 0`, () => (0,_update_js__WEBPACK_IMPORTED_MODULE_7__/* .updateEndpointConfig */ .vG)(ctx, inFlight.canaryConfig, {
        newFleetInstances: fleet,
        purpose: `adding ${inFlight.newVariant} beside the serving variants`,
        forceWait: true
    }));
}
/**
 * The new variant alone, at the capacity it serves with now. Autoscaling on
 * the old variants moves to it: SageMaker refuses to remove a scaled variant,
 * so the old registrations go first and the new one comes after.
 */
async function switchToRelease(ctx, inFlight) {
    // Scale-in back as it was first: the old variants' scaling moves to the new one as it is registered.
    await (0,_scaling_js__WEBPACK_IMPORTED_MODULE_9__/* .releaseServingCapacity */ .Ay)(ctx, inFlight.held);
    const endpoint = await (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_2__/* .getEndpoint */ .yP)(ctx);
    const canaryConfig = await (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_2__/* .getEndpointConfig */ .s3)(ctx, inFlight.canaryConfig);
    const release = [(0,_in_flight_js__WEBPACK_IMPORTED_MODULE_8__/* .releaseVariant */ .rY)(endpoint, canaryConfig, inFlight.newVariant)];
    const count = release[0]?.InitialInstanceCount;
    await (0,_resources_js__WEBPACK_IMPORTED_MODULE_4__/* .createEndpointConfig */ .u7)(ctx, inFlight.releaseConfig, release, { role: 'release', previousConfig: inFlight.previousConfig }, inFlight.userTags, (0,_serving_js__WEBPACK_IMPORTED_MODULE_5__/* .carriedConfigSettings */ .E6)(canaryConfig));
    const { moves } = await (0,_scaling_js__WEBPACK_IMPORTED_MODULE_9__/* .withScalingMoved */ .Dl)(ctx, { endpoint, current: canaryConfig, target: release, targetName: inFlight.releaseConfig }, () => (0,_update_js__WEBPACK_IMPORTED_MODULE_7__/* .updateEndpointConfig */ .vG)(ctx, inFlight.releaseConfig, {
        newFleetInstances: (0,_resources_js__WEBPACK_IMPORTED_MODULE_4__/* .fleetSize */ .oE)(release),
        purpose: `the promotion to ${inFlight.releaseConfig}`,
        forceWait: true
    }));
    const oldCapacity = (endpoint.ProductionVariants ?? [])
        .filter((variant) => variant.VariantName !== inFlight.newVariant)
        .reduce((sum, variant) => sum + ((0,_endpoint_js__WEBPACK_IMPORTED_MODULE_2__/* .liveInstanceCount */ .xZ)(variant) ?? 0), 0);
    const scalesNow = moves.some((move) => move.to === inFlight.newVariant);
    if (count !== undefined && count < oldCapacity && !scalesNow) {
        ctx.warn(`${inFlight.newVariant} takes all traffic with ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .counted */ .hS)(count, 'instance')} where the old variants served with ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .counted */ .hS)(oldCapacity, 'instance')}; raise instance-count or configure autoscaling if it needs more.`);
    }
    _state_js__WEBPACK_IMPORTED_MODULE_10__/* .inFlightRollout */ .VM.clear();
    await (0,_resources_js__WEBPACK_IMPORTED_MODULE_4__/* .deleteConfigQuietly */ .JD)(ctx, inFlight.canaryConfig);
}
/** promote judges a pause from when it began: the canary config carries that time. */
async function recordPauseStart(ctx, canaryConfig) {
    try {
        const config = await (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_2__/* .findEndpointConfig */ .NW)(ctx, canaryConfig);
        const input = {
            // In a dry run the canary config is not made, so its ARN is not known yet.
            ResourceArn: config?.EndpointConfigArn ?? `(the ARN of endpoint config "${canaryConfig}")`,
            Tags: [{ Key: _tags_js__WEBPACK_IMPORTED_MODULE_6__/* .TAGS */ .gp.pausedAt, Value: new Date(ctx.clock.now()).toISOString() }]
        };
        if (!config?.EndpointConfigArn && !ctx.dryRun)
            return;
        await ctx.change('AddTags', `endpoint config "${canaryConfig}"`, input, () => ctx.clients.sagemaker.send(new _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_11__/* .AddTagsCommand */ .yjM(input)));
    }
    catch (error) {
        // promote falls back to the endpoint's last change; the pause itself stands.
        ctx.warn(`Could not record when the pause began on "${canaryConfig}": ${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}`);
    }
}


/***/ }),

/***/ 7080:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ii: () => (/* binding */ NO_GATES_WARNING),
/* harmony export */   XQ: () => (/* binding */ EvaluationLog),
/* harmony export */   a: () => (/* binding */ decisions),
/* harmony export */   h8: () => (/* binding */ gateFailedWarning),
/* harmony export */   om: () => (/* binding */ failedStepReason)
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
    line(label, weight, evaluation) {
        const reason = evaluation.verdict === 'inconclusive' ? evaluation.inconclusive.join('; ') : undefined;
        if (reason !== undefined && reason === this.lastReason) {
            this.sameSince++;
            return `Evaluation ${label} at ${weight}%: still inconclusive for the same reason (${(0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .counted */ .hS)(this.sameSince + 1, 'evaluation')} in a row).`;
        }
        this.lastReason = reason;
        this.sameSince = 0;
        return `Evaluation ${label} at ${weight}%: ${describeEvaluation(evaluation)}`;
    }
}
function failedStepReason(consecutive, weight, evaluation) {
    const what = consecutive === 1
        ? 'a failed gate evaluation'
        : `${consecutive} failed gate evaluations without a pass between them`;
    return `${what} at ${weight}%: ${evaluation.failures.join('; ')}`;
}
function gateFailedWarning(consecutive, threshold, evaluation) {
    return `Gate failed (${consecutive} without a pass between them; failure-threshold ${threshold} rolls back): ${evaluation.failures.join('; ')}`;
}
const NO_GATES_WARNING = 'No health gates are set (alarm-names, max-error-rate, max-latency-p99, min-invocations, probe-payload, max-error-rate-increase, max-latency-p99-increase): each step only waits for bake-time.';
/** How a rollout run by the action ended, in the sentence the summary and the step's error carry. */
const decisions = {
    pausedAsAsked: (weight, variant, previousConfig) => `Paused at ${weight}% on ${variant}, as traffic-steps asked. Run operation: promote to finish, or operation: rollback to return to ${previousConfig}.`,
    pausedUndecided: (weight, variant, why) => `Paused at ${weight}% on ${variant}: ${why}. Nothing shows the new model is healthy, and nothing shows it is not: look at it, then run operation: promote or operation: rollback.`,
    undecidedStep: (weight, reason) => `the gates could not judge the ${weight}% step (${reason})`,
    released: (variant, releaseConfig) => `All steps passed; ${variant} now serves all traffic on ${releaseConfig}.`,
    leftInPlace: (failure, previousConfig) => `Failed: ${failure}. auto-rollback is off, so the endpoint was left as it is; run operation: rollback to return to ${previousConfig}.`,
    rollbackFailed: (failure, error) => `Failed: ${failure}. The rollback also failed: ${error}`,
    rolledBack: (failure, previousConfig) => `Rolled back: ${failure}. All traffic is back on ${previousConfig}.`,
    credentialsExpired: (weight) => `Stopped at ${weight}%: the AWS credentials expired.`
};


/***/ }),

/***/ 941:
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

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-cjs/index.js
var dist_cjs = __webpack_require__(4459);
// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/endpoint.ts
var src_endpoint = __webpack_require__(3150);
// EXTERNAL MODULE: ./src/probes.ts
var probes = __webpack_require__(4932);
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
        ? await (0,errors/* awsCall */.uF)('DescribeModel', `model "${primary.ModelName}"`, () => ctx.clients.sagemaker.send(new dist_cjs/* DescribeModelCommand */.utY({ ModelName: primary.ModelName })))
        : { $metadata: {} };
    const summary = live.find((candidate) => candidate.VariantName === primary.VariantName);
    const instances = summary ? (0,src_endpoint/* liveInstanceCount */.xZ)(summary) : undefined;
    return { endpoint, config, primary, ...(instances !== undefined ? { primaryInstances: instances } : {}), model };
}
/**
 * Refuses, before any change, an endpoint whose configs the action could not
 * rebuild faithfully: its rollout would drop what it cannot carry.
 */
function refuseWhatCannotBeCarried(ctx, serving, rollout) {
    const { config } = serving;
    const name = `endpoint "${ctx.endpointName}"`;
    if ((config.ShadowProductionVariants ?? []).length > 0) {
        const shadows = (config.ShadowProductionVariants ?? []).map((variant) => variant.VariantName).join(', ');
        throw new Error(`${capitalise(name)} runs shadow variants (${shadows}), which this action cannot carry into a new config; nothing was changed. End the shadow test first (promote or remove the shadow variant), then deploy.`);
    }
    const pipeline = (0,serving_container/* severalContainers */.fI)(serving.model);
    if (pipeline) {
        throw new Error(`${capitalise(name)} serves model "${serving.model.ModelName}" of ${pipeline}, which this action cannot carry into a new model of one container; nothing was changed. Create the new model with all its containers yourself (CreateModel), and move the endpoint to a config that names it (CreateEndpointConfig, UpdateEndpoint).`);
    }
    const componentBased = (config.ProductionVariants ?? []).some((variant) => !variant.ModelName);
    if (componentBased) {
        throw new Error(`${capitalise(name)} serves inference components (its variants name no model), which this action does not deploy; nothing was changed. Update the inference components with CreateInferenceComponent / UpdateInferenceComponent instead.`);
    }
    if (rollout.gates.probe) {
        (0,probes/* refuseProbesOnAsynchronous */.Hy)(ctx.endpointName, config, 'Judge the rollout on its metrics instead: alarm-names, max-error-rate, max-latency-p99.');
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
async function newContainer(ctx, deploy, instanceType) {
    const source = deploy.source;
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
    const described = await (0,errors/* awsCall */.uF)('DescribeModelPackage', `model package "${arn}"`, () => ctx.clients.sagemaker.send(new dist_cjs/* DescribeModelPackageCommand */.Uxr({ ModelPackageName: arn })));
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
        if (inherited !== undefined) {
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
        if (value === undefined || value === null)
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
