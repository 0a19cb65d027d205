export const id = 785;
export const ids = [785];
export const modules = {

/***/ 3398:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rb: () => (/* binding */ instanceResources),
/* harmony export */   XR: () => (/* binding */ describeCompute),
/* harmony export */   c3: () => (/* binding */ capacityShortfall)
/* harmony export */ });
/**
 * ml.* instances have their EC2 namesakes' accelerators, vCPUs and memory
 * (https://docs.aws.amazon.com/batch/latest/userguide/gpu-jobs.html for the
 * G instances; https://aws.amazon.com/ec2/instance-types/ for the rest).
 * SageMaker does not document how much of an instance it keeps for itself,
 * so the check counts all of it: a fit here may still fall short by that much,
 * never the other way round.
 */
const INSTANCE_RESOURCES = {
    'ml.m5.large': { accelerators: 0, cpuCores: 2, memoryMb: 8 * 1024 },
    'ml.m5.xlarge': { accelerators: 0, cpuCores: 4, memoryMb: 16 * 1024 },
    'ml.m5.2xlarge': { accelerators: 0, cpuCores: 8, memoryMb: 32 * 1024 },
    'ml.m5.4xlarge': { accelerators: 0, cpuCores: 16, memoryMb: 64 * 1024 },
    'ml.c5.large': { accelerators: 0, cpuCores: 2, memoryMb: 4 * 1024 },
    'ml.c5.xlarge': { accelerators: 0, cpuCores: 4, memoryMb: 8 * 1024 },
    'ml.c5.2xlarge': { accelerators: 0, cpuCores: 8, memoryMb: 16 * 1024 },
    'ml.g5.xlarge': { accelerators: 1, cpuCores: 4, memoryMb: 16 * 1024 },
    'ml.g5.2xlarge': { accelerators: 1, cpuCores: 8, memoryMb: 32 * 1024 },
    'ml.g5.4xlarge': { accelerators: 1, cpuCores: 16, memoryMb: 64 * 1024 },
    'ml.g5.8xlarge': { accelerators: 1, cpuCores: 32, memoryMb: 128 * 1024 },
    'ml.g5.12xlarge': { accelerators: 4, cpuCores: 48, memoryMb: 192 * 1024 },
    'ml.g5.16xlarge': { accelerators: 1, cpuCores: 64, memoryMb: 256 * 1024 },
    'ml.g5.24xlarge': { accelerators: 4, cpuCores: 96, memoryMb: 384 * 1024 },
    'ml.g5.48xlarge': { accelerators: 8, cpuCores: 192, memoryMb: 768 * 1024 },
    'ml.g6.xlarge': { accelerators: 1, cpuCores: 4, memoryMb: 16 * 1024 },
    'ml.g6.2xlarge': { accelerators: 1, cpuCores: 8, memoryMb: 32 * 1024 },
    'ml.g6.12xlarge': { accelerators: 4, cpuCores: 48, memoryMb: 192 * 1024 },
    'ml.g6.48xlarge': { accelerators: 8, cpuCores: 192, memoryMb: 768 * 1024 },
    'ml.p4d.24xlarge': { accelerators: 8, cpuCores: 96, memoryMb: 1152 * 1024 },
    'ml.p5.48xlarge': { accelerators: 8, cpuCores: 192, memoryMb: 2048 * 1024 }
};
function instanceResources(instanceType) {
    return INSTANCE_RESOURCES[instanceType];
}
/** What did not fit, in words with the numbers; undefined when everything fits. */
function capacityShortfall(check) {
    const offered = instanceResources(check.instanceType);
    if (!offered)
        return undefined;
    const free = Array.from({ length: check.instances }, () => ({ ...offered }));
    const copies = check.copies
        .flatMap((kind) => Array.from({ length: kind.count }, () => kind))
        .sort((a, b) => weight(b.compute, offered) - weight(a.compute, offered));
    let placed = 0;
    for (const copy of copies) {
        const instance = free.find((candidate) => fits(copy.compute, candidate));
        if (!instance)
            return shortfallWords(check, offered, copy, placed, copies.length);
        instance.accelerators -= copy.compute.acceleratorDevices ?? 0;
        instance.cpuCores -= copy.compute.cpuCores ?? 0;
        instance.memoryMb -= copy.compute.memoryMb;
        placed++;
    }
    return undefined;
}
function fits(compute, free) {
    return ((compute.acceleratorDevices ?? 0) <= free.accelerators &&
        (compute.cpuCores ?? 0) <= free.cpuCores &&
        compute.memoryMb <= free.memoryMb);
}
/** The largest share of an instance a copy takes: the order of first fit, largest first. */
function weight(compute, offered) {
    return Math.max(offered.accelerators > 0 ? (compute.acceleratorDevices ?? 0) / offered.accelerators : 0, (compute.cpuCores ?? 0) / offered.cpuCores, compute.memoryMb / offered.memoryMb);
}
function shortfallWords(check, offered, copy, placed, total) {
    const per = describeCompute(copy.compute);
    const instance = `${check.instanceType} (${offered.accelerators} accelerators, ${offered.cpuCores} CPU cores, ${offered.memoryMb} MB)`;
    const where = check.managedMaximum
        ? `${check.instances} × ${instance}, managed instance scaling's maximum`
        : `${check.instances} × ${instance}`;
    const kinds = check.copies.map((kind) => `${kind.count} ${kind.label}`).join(' + ');
    return `${total} copies must run at once (${kinds}), and only ${placed} fit on ${where}: a copy of ${copy.label} reserves ${per}`;
}
function describeCompute(compute) {
    return [
        compute.acceleratorDevices ? `${compute.acceleratorDevices} accelerators` : '',
        compute.cpuCores ? `${compute.cpuCores} CPU cores` : '',
        `${compute.memoryMb} MB`
    ]
        .filter(Boolean)
        .join(', ');
}


/***/ }),

/***/ 9879:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T8: () => (/* binding */ judgeNewCopies),
/* harmony export */   g7: () => (/* binding */ ComponentUpdateJudge),
/* harmony export */   r2: () => (/* binding */ componentBaseline)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _rollout_all_at_once_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(738);
/* harmony import */ var _rollout_bake_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2428);
/* harmony import */ var _rollout_gates_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8411);
/* harmony import */ var _rollout_periods_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(215);
/* harmony import */ var _rollout_verdict_alarm_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2656);
/* harmony import */ var _rollout_words_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7080);
/**
 * Judging an inference component's rollout. SageMaker publishes a
 * component's invocation metrics under InferenceComponentName alone, and
 * documents no dimension that tells the new copies from the old during an
 * update (https://docs.aws.amazon.com/sagemaker/latest/dg/monitoring-cloudwatch.html),
 * while it routes requests to old and new copies alike. So the action judges
 * twice:
 *
 * - during SageMaker's rolling update, the component as a whole, every
 *   gate-interval, against its own minutes from before the update: a new
 *   model bad enough to show through the blend fails it, the verdict alarm
 *   fires and SageMaker rolls back, with or without the runner;
 * - once every copy runs the new model, the new copies alone for bake-time,
 *   from the first whole period after the update (probes too: they can only
 *   reach new copies then). Only that judgement can pass the rollout.
 */







/** The series a component's metrics are read as: its name, under the InferenceComponentName dimension. */
function componentScope(component) {
    return { newVariant: component, fleets: { [component]: { component } }, component };
}
/** The component's periods before the update: what the comparisons judge it against. */
async function componentBaseline(ctx, settings, component, source, before) {
    return (0,_rollout_all_at_once_js__WEBPACK_IMPORTED_MODULE_1__/* .baselineBefore */ .l)(ctx, { baselineVariants: [component], deployStartedAt: before, source, fleets: { [component]: { component } } }, settings);
}
/**
 * Judges the component at every poll of the wait for SageMaker's update, and
 * publishes its verdict for the alarm SageMaker rolls back on: failed once
 * the gates fail, else "judging", republished as a heartbeat so that the
 * action's silence fires the alarm too.
 */
class ComponentUpdateJudge {
    ctx;
    settings;
    step;
    verdict;
    failure;
    failures = 0;
    nextEvaluation;
    nextHeartbeat;
    judge;
    log = new _rollout_words_js__WEBPACK_IMPORTED_MODULE_6__/* .EvaluationLog */ .XQ();
    constructor(ctx, settings, judged, step, verdict) {
        this.ctx = ctx;
        this.settings = settings;
        this.step = step;
        this.verdict = verdict;
        // Probes would reach old copies as well as new ones: they judge only once every copy is new.
        const { probe: _probes, ...gates } = settings.gates;
        this.judge = new _rollout_gates_js__WEBPACK_IMPORTED_MODULE_3__/* .StepJudge */ .AU(ctx, gates, {
            ...componentScope(judged.component),
            baselineVariants: [],
            source: judged.source,
            firstPeriod: (0,_rollout_periods_js__WEBPACK_IMPORTED_MODULE_4__/* .floorPeriod */ .eG)(step.startedAt, (0,_rollout_periods_js__WEBPACK_IMPORTED_MODULE_4__/* .periodMsOf */ .J8)(judged.source)),
            baselineServes: false,
            earlierBaseline: judged.earlierBaseline
        });
        this.nextEvaluation = step.startedAt + settings.gateIntervalMs;
        this.nextHeartbeat = ctx.clock.now();
    }
    onPoll = async () => {
        if (this.ctx.clock.now() >= this.nextEvaluation && this.failure === undefined) {
            this.nextEvaluation += this.settings.gateIntervalMs;
            await this.evaluate();
            this.nextHeartbeat = this.ctx.clock.now();
        }
        if (this.verdict && this.ctx.clock.now() >= this.nextHeartbeat) {
            await (0,_rollout_verdict_alarm_js__WEBPACK_IMPORTED_MODULE_5__/* .publishVerdict */ .TP)(this.ctx, this.verdict, this.failure === undefined ? 'judging' : 'failed');
            this.nextHeartbeat = this.ctx.clock.now() + (0,_rollout_verdict_alarm_js__WEBPACK_IMPORTED_MODULE_5__/* .heartbeatIntervalMs */ .Sr)(this.settings.gateIntervalMs);
        }
        const now = this.ctx.clock.now();
        const evaluationDue = this.failure === undefined ? this.nextEvaluation - now : Infinity;
        return Math.max(0, Math.min(this.verdict ? this.nextHeartbeat - now : Infinity, evaluationDue));
    };
    async evaluate() {
        const evaluation = await this.judge.evaluate();
        this.step.evaluations.push(evaluation);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(this.log.line(String(this.step.evaluations.length), this.step.weight, evaluation));
        if (evaluation.verdict === 'failed') {
            this.failures++;
            if (this.failures >= this.settings.failureThreshold) {
                this.failure = (0,_rollout_words_js__WEBPACK_IMPORTED_MODULE_6__/* .failedStepReason */ .om)(this.failures, this.step.weight, evaluation);
                const acted = this.verdict ? 'SageMaker rolls back on the verdict alarm' : 'auto-rollback is off';
                this.ctx.warn(`The inference component failed its gates during the update: ${this.failure}; ${acted}.`);
            }
        }
        else if (evaluation.verdict === 'passed') {
            this.failures = 0;
        }
    }
}
/**
 * The new copies alone, once SageMaker has replaced every copy: from the
 * first whole period after the update, for bake-time and until CloudWatch
 * has published what it exposed, as a step of the action's own canary.
 */
async function judgeNewCopies(ctx, settings, judged, step) {
    const judge = new _rollout_gates_js__WEBPACK_IMPORTED_MODULE_3__/* .StepJudge */ .AU(ctx, settings.gates, {
        ...componentScope(judged.component),
        baselineVariants: [],
        source: judged.source,
        firstPeriod: (0,_rollout_periods_js__WEBPACK_IMPORTED_MODULE_4__/* .ceilPeriod */ .PB)(step.startedAt, (0,_rollout_periods_js__WEBPACK_IMPORTED_MODULE_4__/* .periodMsOf */ .J8)(judged.source)),
        baselineServes: false,
        earlierBaseline: judged.earlierBaseline
    });
    return (0,_rollout_bake_js__WEBPACK_IMPORTED_MODULE_2__/* .bake */ .Wq)(ctx, settings, judge, step, { consecutive: 0 });
}


/***/ }),

/***/ 6586:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Zu: () => (/* binding */ rollingPlan),
/* harmony export */   sq: () => (/* binding */ componentRollbackMoves),
/* harmony export */   xN: () => (/* binding */ componentDeployMoves)
/* harmony export */ });
/**
 * A rolling batch as SageMaker takes it: a number counts copies, a
 * percentage the copy count, and either must come to 5% to 50% of the copies
 * (the API reference's MaximumBatchSize). Left out: a quarter of the copies,
 * at least one and at most half. Undefined when no batch is valid: one copy
 * cannot be replaced in batches of at most half of it.
 */
function rollingPlan(copies, batch, rollbackBatch) {
    const batchCopies = batch
        ? batch.type === 'CAPACITY_PERCENT'
            ? Math.floor((batch.value / 100) * copies)
            : batch.value
        : Math.min(Math.floor(copies / 2), Math.max(1, Math.floor(copies / 4)));
    if (batchCopies < 1 || batchCopies < 0.05 * copies || batchCopies > 0.5 * copies)
        return undefined;
    return {
        batch: capacitySize(batch) ?? { Type: 'COPY_COUNT', Value: batchCopies },
        ...(rollbackBatch ? { rollbackBatch: capacitySize(rollbackBatch) } : {}),
        batchCopies,
        batches: Math.ceil(copies / batchCopies),
        peakCopies: copies + batchCopies
    };
}
function capacitySize(batch) {
    if (!batch)
        return undefined;
    return { Type: batch.type === 'CAPACITY_PERCENT' ? 'CAPACITY_PERCENT' : 'COPY_COUNT', Value: batch.value };
}
/** A deploy's moves: the endpoint when it is missing, the component created or rolled, then the new copies judged. */
function componentDeployMoves(plan) {
    const moves = [];
    if (plan.newEndpoint)
        moves.push({ kind: 'create-endpoint', ...plan.newEndpoint });
    if (plan.from && plan.rolling) {
        moves.push({ kind: 'roll-component', from: plan.from, target: plan.target, rolling: plan.rolling });
    }
    else {
        moves.push({ kind: 'create-component', variant: plan.variant, target: plan.target });
    }
    moves.push({ kind: 'judge-component' });
    return moves;
}
/**
 * The way back from a deploy that failed its judging: an updated component
 * returns to what it ran before, rolled back a batch at a time (as large as
 * rollback-batch-size, else half the copies: SageMaker takes no more), a
 * created one goes.
 */
function componentRollbackMoves(from, rollbackBatch) {
    if (!from)
        return [{ kind: 'delete-component' }];
    const rolling = rollingPlan(from.copies, rollbackBatch) ?? rollingPlan(from.copies, { type: 'CAPACITY_PERCENT', value: 50 });
    return [{ kind: 'restore-component', target: from, ...(rolling ? { rolling } : {}) }];
}


/***/ }),

/***/ 4307:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bh: () => (/* binding */ encodeComponentState),
/* harmony export */   VY: () => (/* binding */ PREVIOUS_STATE_TAG),
/* harmony export */   dx: () => (/* binding */ decodeComponentState)
/* harmony export */ });
const PREVIOUS_STATE_TAG = 'sagemaker-deploy:previous-component';
function encodeComponentState(state) {
    const spec = state.specification;
    const compute = spec.ComputeResourceRequirements;
    const startup = spec.StartupParameters;
    const words = [
        ['model', spec.ModelName],
        ['copies', state.copies],
        ['accelerators', compute?.NumberOfAcceleratorDevicesRequired],
        ['cpus', compute?.NumberOfCpuCoresRequired],
        ['memory', compute?.MinMemoryRequiredInMb],
        ['download', startup?.ModelDataDownloadTimeoutInSeconds],
        ['startup', startup?.ContainerStartupHealthCheckTimeoutInSeconds]
    ];
    return words
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => `${key}=${value}`)
        .join(' ');
}
/** The state a tag recorded; undefined when it holds no model to return to. */
function decodeComponentState(value) {
    if (!value)
        return undefined;
    const fields = new Map(value
        .trim()
        .split(/\s+/)
        .map((word) => word.split('=')));
    const model = fields.get('model');
    if (!model)
        return undefined;
    const number = (key) => (fields.has(key) ? Number(fields.get(key)) : undefined);
    const defined = (entries) => Object.fromEntries(Object.entries(entries).filter(([, amount]) => amount !== undefined));
    const memory = number('memory');
    const startup = defined({
        ModelDataDownloadTimeoutInSeconds: number('download'),
        ContainerStartupHealthCheckTimeoutInSeconds: number('startup')
    });
    const specification = {
        ModelName: model,
        ...(memory !== undefined
            ? {
                ComputeResourceRequirements: {
                    MinMemoryRequiredInMb: memory,
                    ...defined({
                        NumberOfAcceleratorDevicesRequired: number('accelerators'),
                        NumberOfCpuCoresRequired: number('cpus')
                    })
                }
            }
            : {}),
        ...(Object.keys(startup).length > 0 ? { StartupParameters: startup } : {})
    };
    return { specification, copies: number('copies') ?? 1 };
}


/***/ }),

/***/ 1785:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H5: () => (/* binding */ updateRequest),
/* harmony export */   hl: () => (/* binding */ carryOutComponent)
/* harmony export */ });
/* unused harmony exports goBack, describeComponentMove */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(4459);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9378);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2828);
/* harmony import */ var _resources_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2281);
/* harmony import */ var _rollout_gates_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8411);
/* harmony import */ var _rollout_native_limits_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7783);
/* harmony import */ var _rollout_plan_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5762);
/* harmony import */ var _rollout_verdict_alarm_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2656);
/* harmony import */ var _tags_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9506);
/* harmony import */ var _wait_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(910);
/* harmony import */ var _component_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(5999);
/* harmony import */ var _judge_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(9879);
/* harmony import */ var _moves_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(6586);
/* harmony import */ var _record_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(4307);
/* harmony import */ var _capacity_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(3398);
/**
 * The one executor of an inference component's moves (moves.ts): it carries
 * them out in order and ends the rollout in one conclusion, or in a dry run
 * makes the same requests (ctx.change only records them) and prints the
 * schedule with its batches, bakes, duration and copies.
 */
















/** Carries the moves out, or in a dry run records them as the plan; undefined in a dry run. */
async function carryOutComponent(ctx, settings, rollout, moves) {
    const record = startComponentRecord(ctx, settings, rollout);
    if (ctx.dryRun) {
        await rehearse(ctx, settings, rollout, moves);
        return undefined;
    }
    for (const move of moves) {
        const ended = await perform(ctx, settings, rollout, move, record);
        if (ended)
            return ended;
    }
    return {
        outcome: 'succeeded',
        decision: `Every copy of inference component "${rollout.component}" runs model "${(0,_component_js__WEBPACK_IMPORTED_MODULE_10__/* .modelOf */ .DM)(await (0,_component_js__WEBPACK_IMPORTED_MODULE_10__/* .findComponent */ .Tn)(ctx, rollout.component)) ?? ''}", judged healthy on its own.`,
        healthy: true,
        failsStep: false
    };
}
function startComponentRecord(ctx, settings, rollout) {
    const record = {
        controller: 'sagemaker',
        strategy: 'rolling',
        newVariant: `component ${rollout.component}`,
        ...(settings.gates.maxErrorRate !== undefined ? { maxErrorRate: settings.gates.maxErrorRate } : {}),
        gates: (0,_rollout_gates_js__WEBPACK_IMPORTED_MODULE_4__/* .describeGates */ .yg)(settings.gates, rollout.source),
        steps: []
    };
    ctx.report.rollout = record;
    return record;
}
async function perform(ctx, settings, rollout, move, record) {
    switch (move.kind) {
        case 'create-endpoint':
            await sendMove(ctx, rollout, move, settings);
            await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os(`Creating endpoint "${ctx.endpointName}" for inference components`, () => (0,_wait_js__WEBPACK_IMPORTED_MODULE_9__/* .waitForInService */ .pP)(ctx, move.config, `the creation of endpoint "${ctx.endpointName}"`));
            return undefined;
        case 'create-component':
            return createAndWait(ctx, settings, rollout, move);
        case 'roll-component':
            return rollAndJudge(ctx, settings, rollout, move, record);
        case 'judge-component':
            return judgeOrGoBack(ctx, settings, rollout, record);
        default:
            throw new Error(`A rollout has no move "${move.kind}": it belongs to a rollback.`);
    }
}
/** The request each move makes (none for judging): the same in a run and a dry run. */
async function sendMove(ctx, rollout, move, settings, alarms = []) {
    const sagemaker = ctx.clients.sagemaker;
    const resource = `inference component "${rollout.component}"`;
    switch (move.kind) {
        case 'create-endpoint':
            await (0,_resources_js__WEBPACK_IMPORTED_MODULE_3__/* .createEndpointConfig */ .u7)(ctx, move.config, [move.variant], { role: 'release' }, rollout.userTags, {
                ExecutionRoleArn: move.executionRoleArn
            });
            await (0,_resources_js__WEBPACK_IMPORTED_MODULE_3__/* .createEndpointOn */ .d_)(ctx, move.config, rollout.userTags);
            return;
        case 'create-component': {
            const input = {
                InferenceComponentName: rollout.component,
                EndpointName: ctx.endpointName,
                VariantName: move.variant,
                Specification: move.target.specification,
                RuntimeConfig: { CopyCount: move.target.copies },
                Tags: (0,_tags_js__WEBPACK_IMPORTED_MODULE_8__/* .toTagList */ .s3)((0,_resources_js__WEBPACK_IMPORTED_MODULE_3__/* .runTags */ .He)(ctx, rollout.userTags))
            };
            await (0,_resources_js__WEBPACK_IMPORTED_MODULE_3__/* .createOrAdopt */ .KL)(ctx, { api: 'CreateInferenceComponent', resource, input }, () => sagemaker.send(new _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_13__/* .CreateInferenceComponentCommand */ .__F(input)), async () => {
                const found = await (0,_component_js__WEBPACK_IMPORTED_MODULE_10__/* .findComponent */ .Tn)(ctx, rollout.component);
                return found ? (0,_resources_js__WEBPACK_IMPORTED_MODULE_3__/* .ownedByThisRun */ .uI)(ctx, found.InferenceComponentArn, input.Tags) : undefined;
            });
            return;
        }
        case 'roll-component':
        case 'restore-component': {
            const input = updateRequest(rollout.component, move.target, {
                ...(move.rolling ? { rolling: move.rolling } : {}),
                bakeTimeMs: settings.bakeTimeMs,
                timeoutMs: ctx.settings.timeoutMs,
                alarms
            });
            await ctx.change('UpdateInferenceComponent', resource, input, () => sagemaker.send(new _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_13__/* .UpdateInferenceComponentCommand */ .hzm(input)));
            return;
        }
        case 'delete-component': {
            const input = { InferenceComponentName: rollout.component };
            await ctx
                .change('DeleteInferenceComponent', resource, input, () => sagemaker.send(new _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_13__/* .DeleteInferenceComponentCommand */ .nx3(input)))
                .catch((error) => {
                if (!(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isNotFound */ .c4)(error))
                    throw error;
            });
            return;
        }
        case 'judge-component':
            return;
    }
}
/**
 * UpdateInferenceComponent with the whole specification and the copy count
 * (AWS's samples always send both), and a rolling DeploymentConfig with the
 * alarms SageMaker rolls back on.
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_InferenceComponentDeploymentConfig.html
 */
function updateRequest(component, target, how) {
    const { rolling } = how;
    return {
        InferenceComponentName: component,
        Specification: target.specification,
        RuntimeConfig: { CopyCount: target.copies },
        ...(rolling
            ? {
                DeploymentConfig: {
                    RollingUpdatePolicy: {
                        MaximumBatchSize: rolling.batch,
                        WaitIntervalInSeconds: Math.round(how.bakeTimeMs / 1000),
                        MaximumExecutionTimeoutInSeconds: Math.round(how.timeoutMs / 1000),
                        ...(rolling.rollbackBatch ? { RollbackMaximumBatchSize: rolling.rollbackBatch } : {})
                    },
                    ...(how.alarms.length > 0
                        ? { AutoRollbackConfiguration: { Alarms: how.alarms.map((AlarmName) => ({ AlarmName })) } }
                        : {})
                }
            }
            : {})
    };
}
async function createAndWait(ctx, settings, rollout, move) {
    await sendMove(ctx, rollout, move, settings);
    const created = await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os(`Creating inference component "${rollout.component}"`, () => (0,_component_js__WEBPACK_IMPORTED_MODULE_10__/* .waitForComponent */ .mt)(ctx, rollout.component, `the creation of inference component "${rollout.component}"`));
    if (created?.InferenceComponentStatus === 'InService')
        return undefined;
    const why = `inference component "${rollout.component}" ended ${created?.InferenceComponentStatus ?? 'deleted'}${reasonOf(created)}`;
    await goBack(ctx, settings, rollout);
    return { outcome: 'failed', decision: `The deploy failed: ${why}. It was deleted.`, healthy: false, failsStep: true };
}
/**
 * SageMaker's rolling update, judged all through it. The verdict alarm goes
 * first (published "judging" before the alarm exists, so it starts OK), and
 * is deleted once the update has ended either way.
 */
async function rollAndJudge(ctx, settings, rollout, move, record) {
    await recordWhereRollbackReturns(ctx, rollout, move.from);
    const verdict = { newConfig: rollout.verdictKey, gateIntervalMs: settings.gateIntervalMs };
    const alarm = settings.autoRollback ? await (0,_rollout_verdict_alarm_js__WEBPACK_IMPORTED_MODULE_7__/* .createVerdictAlarm */ .Fp)(ctx, verdict) : undefined;
    const step = { weight: 100, startedAt: ctx.clock.now(), evaluations: [], verdict: 'in-progress' };
    record.steps.push(step);
    const judge = new _judge_js__WEBPACK_IMPORTED_MODULE_11__/* .ComponentUpdateJudge */ .g7(ctx, settings, rollout, step, alarm ? verdict : undefined);
    let ended;
    try {
        await sendMove(ctx, rollout, move, settings, [...settings.gates.alarmNames, ...(alarm ? [alarm] : [])]);
        ended = await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os(`SageMaker's rolling update of "${rollout.component}", judged by the action`, () => (0,_component_js__WEBPACK_IMPORTED_MODULE_10__/* .waitForComponent */ .mt)(ctx, rollout.component, `the rolling update of "${rollout.component}"`, {
            // SageMaker rolls back by itself when MaximumExecutionTimeout runs out: keep watching through that.
            timeoutMs: ctx.settings.timeoutMs * 2,
            whileWaiting: judge.onPoll
        }));
    }
    finally {
        if (alarm)
            await (0,_rollout_verdict_alarm_js__WEBPACK_IMPORTED_MODULE_7__/* .deleteVerdictAlarm */ .eI)(ctx, alarm);
    }
    step.endedAt = ctx.clock.now();
    const model = (0,_component_js__WEBPACK_IMPORTED_MODULE_10__/* .modelOf */ .DM)(ended);
    if (ended?.InferenceComponentStatus === 'InService' && model === move.target.specification.ModelName) {
        step.verdict = judge.failure ? 'failed' : 'passed';
        if (!judge.failure)
            return undefined;
        // The verdict failed too late for SageMaker: the action takes it back itself.
        return rollBackOrStop(ctx, settings, rollout, judge.failure);
    }
    step.verdict = 'failed';
    const onVerdict = judge.failure ? ` on the action's verdict: ${judge.failure}` : '';
    if (ended?.InferenceComponentStatus === 'InService' && model === move.from.specification.ModelName) {
        step.reason = `SageMaker rolled the update back${onVerdict}`;
        return {
            outcome: 'rolled-back',
            decision: `SageMaker rolled inference component "${rollout.component}" back to model "${model ?? ''}"${onVerdict}${reasonOf(ended)}.`,
            healthy: false,
            failsStep: settings.failOnRollback
        };
    }
    return {
        outcome: 'failed',
        decision: `The rolling update of inference component "${rollout.component}" ended ${ended?.InferenceComponentStatus ?? 'with the component gone'} on model "${model ?? ''}"${reasonOf(ended)}. It needs attention: run operation: rollback once it is InService.`,
        healthy: false,
        failsStep: true
    };
}
/** Where operation: rollback returns, on the component itself, before anything changes it. */
async function recordWhereRollbackReturns(ctx, rollout, from) {
    const component = await (0,_component_js__WEBPACK_IMPORTED_MODULE_10__/* .findComponent */ .Tn)(ctx, rollout.component);
    const arn = component?.InferenceComponentArn;
    if (!arn)
        return;
    const input = { ResourceArn: arn, Tags: [{ Key: _record_js__WEBPACK_IMPORTED_MODULE_14__/* .PREVIOUS_STATE_TAG */ .VY, Value: (0,_record_js__WEBPACK_IMPORTED_MODULE_14__/* .encodeComponentState */ .Bh)(from) }] };
    await ctx.change('AddTags', `inference component "${rollout.component}"`, input, () => ctx.clients.sagemaker.send(new _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_13__/* .AddTagsCommand */ .yjM(input)));
}
async function judgeOrGoBack(ctx, settings, rollout, record) {
    const step = { weight: 100, startedAt: ctx.clock.now(), evaluations: [], verdict: 'in-progress' };
    record.steps.push(step);
    const verdict = await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os(`Judging the new copies of "${rollout.component}" alone for ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(settings.bakeTimeMs)}`, () => (0,_judge_js__WEBPACK_IMPORTED_MODULE_11__/* .judgeNewCopies */ .T8)(ctx, settings, rollout, step));
    step.endedAt = ctx.clock.now();
    step.verdict = verdict.verdict;
    if (verdict.verdict === 'passed')
        return undefined;
    step.reason = verdict.reason;
    const failure = verdict.verdict === 'inconclusive' ? `the gates could not judge the new copies (${verdict.reason})` : verdict.reason;
    return rollBackOrStop(ctx, settings, rollout, failure);
}
async function rollBackOrStop(ctx, settings, rollout, failure) {
    const back = rollout.from ? `model "${rollout.from.specification.ModelName ?? ''}"` : 'no component';
    if (!settings.autoRollback) {
        return {
            outcome: 'failed',
            decision: `${failure}. auto-rollback is off, so it was left in place; run operation: rollback to return to ${back}.`,
            healthy: false,
            failsStep: true
        };
    }
    ctx.warn(`Rolling back: ${failure}`);
    try {
        await goBack(ctx, settings, rollout);
    }
    catch (error) {
        return {
            outcome: 'failed',
            decision: `${failure}, and the rollback failed: ${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}`,
            healthy: false,
            failsStep: true
        };
    }
    return {
        outcome: 'rolled-back',
        decision: `Rolled back: ${failure}. Inference component "${rollout.component}" is back on ${back}.`,
        healthy: false,
        failsStep: settings.failOnRollback
    };
}
/** The rollback plan, from the component's own record, carried out move by move. */
async function goBack(ctx, settings, rollout) {
    const moves = (0,_moves_js__WEBPACK_IMPORTED_MODULE_15__/* .componentRollbackMoves */ .sq)(rollout.from, settings.rollbackBatchSize);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Rollback plan:\n${moves.map((move, index) => `  ${index + 1}. ${describeComponentMove(move, settings)}`).join('\n')}`);
    for (const move of moves) {
        await sendMove(ctx, rollout, move, settings, settings.gates.alarmNames);
        const ended = await (0,_component_js__WEBPACK_IMPORTED_MODULE_10__/* .waitForComponent */ .mt)(ctx, rollout.component, `the rollback of "${rollout.component}"`);
        if (move.kind === 'restore-component' && (0,_component_js__WEBPACK_IMPORTED_MODULE_10__/* .modelOf */ .DM)(ended) !== move.target.specification.ModelName) {
            throw new Error(`inference component "${rollout.component}" ended ${ended?.InferenceComponentStatus ?? 'gone'} on model "${(0,_component_js__WEBPACK_IMPORTED_MODULE_10__/* .modelOf */ .DM)(ended) ?? ''}"${reasonOf(ended)}`);
        }
    }
}
function reasonOf(component) {
    return component?.FailureReason ? ` (${component.FailureReason.trim().replace(/\.+$/, '')})` : '';
}
/** One move in words, with the copies and batches it involves, for the plan and the log. */
function describeComponentMove(move, settings) {
    const bake = (0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(settings.bakeTimeMs);
    switch (move.kind) {
        case 'create-endpoint':
            return `Create endpoint config "${move.config}" for inference components (${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .counted */ .hS)(move.variant.InitialInstanceCount ?? 1, 'instance')} of ${move.variant.InstanceType ?? ''}${scalingWords(move.variant)}, no model on the variant) and the endpoint on it.`;
        case 'create-component':
            return `Create the component on variant ${move.variant} with ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .counted */ .hS)(move.target.copies, 'copy', 'copies')} of model "${move.target.specification.ModelName ?? ''}", each reserving ${computeWords(move.target)}.`;
        case 'roll-component':
            return `SageMaker's rolling update from model "${move.from.specification.ModelName ?? ''}" to "${move.target.specification.ModelName ?? ''}": ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .counted */ .hS)(move.rolling.batches, 'batch', 'batches')} of ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .counted */ .hS)(move.rolling.batchCopies, 'copy', 'copies')}, each placed then baked ${bake} with the alarms watched; up to ${move.rolling.peakCopies} copies at once (${move.from.copies} old + ${move.rolling.batchCopies} new), each reserving ${computeWords(move.target)}. The action judges the whole component every ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(settings.gateIntervalMs)} against its minutes before the update, and SageMaker rolls back on its verdict alarm.`;
        case 'judge-component':
            return `Judge the new copies alone for ${bake}, from the first whole period after the update; a failure rolls the component back.`;
        case 'restore-component':
            return move.rolling
                ? `Return the component to model "${move.target.specification.ModelName ?? ''}" with ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .counted */ .hS)(move.target.copies, 'copy', 'copies')}, ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .counted */ .hS)(move.rolling.batchCopies, 'copy', 'copies')} a batch.`
                : `Return the component to model "${move.target.specification.ModelName ?? ''}" with ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .counted */ .hS)(move.target.copies, 'copy', 'copies')}, all at once (one copy cannot roll in batches).`;
        case 'delete-component':
            return 'Delete the component this run created; the endpoint stays.';
    }
}
function scalingWords(variant) {
    const scaling = variant.ManagedInstanceScaling;
    return scaling?.Status === 'ENABLED'
        ? `, managed instance scaling ${scaling.MinInstanceCount ?? 1} to ${scaling.MaxInstanceCount ?? 1}`
        : '';
}
function computeWords(state) {
    const compute = state.specification.ComputeResourceRequirements;
    return (0,_capacity_js__WEBPACK_IMPORTED_MODULE_12__/* .describeCompute */ .XR)({
        memoryMb: compute?.MinMemoryRequiredInMb ?? 0,
        ...(compute?.NumberOfAcceleratorDevicesRequired
            ? { acceleratorDevices: compute.NumberOfAcceleratorDevicesRequired }
            : {}),
        ...(compute?.NumberOfCpuCoresRequired ? { cpuCores: compute.NumberOfCpuCoresRequired } : {})
    });
}
/**
 * A dry run: every request the moves make, recorded not sent, and the
 * schedule: provisioning and a bake per batch, then the judging of the new
 * copies, and how long that typically takes.
 */
async function rehearse(ctx, settings, rollout, moves) {
    let durationMs = 0;
    for (const move of moves) {
        if (move.kind === 'roll-component') {
            await recordWhereRollbackReturns(ctx, rollout, move.from);
            const verdict = { newConfig: rollout.verdictKey, gateIntervalMs: settings.gateIntervalMs };
            const alarm = settings.autoRollback ? await (0,_rollout_verdict_alarm_js__WEBPACK_IMPORTED_MODULE_7__/* .createVerdictAlarm */ .Fp)(ctx, verdict) : undefined;
            await sendMove(ctx, rollout, move, settings, [...settings.gates.alarmNames, ...(alarm ? [alarm] : [])]);
            durationMs += move.rolling.batches * (_rollout_native_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .PROVISIONING_ESTIMATE_MS */ .a6 + settings.bakeTimeMs);
            continue;
        }
        if (move.kind === 'create-endpoint' || move.kind === 'create-component') {
            durationMs += _rollout_native_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .PROVISIONING_ESTIMATE_MS */ .a6;
        }
        else if (move.kind === 'judge-component') {
            durationMs += settings.bakeTimeMs;
        }
        await sendMove(ctx, rollout, move, settings, settings.gates.alarmNames);
    }
    (0,_rollout_plan_js__WEBPACK_IMPORTED_MODULE_6__/* .recordPlan */ .BJ)(ctx, {
        schedule: moves.map((move) => describeComponentMove(move, settings)),
        gates: (0,_rollout_gates_js__WEBPACK_IMPORTED_MODULE_4__/* .describeGates */ .yg)(settings.gates, rollout.source),
        durationMs,
        instanceMs: 0
    });
}


/***/ }),

/***/ 738:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ judgeAllAtOnce),
/* harmony export */   l: () => (/* binding */ baselineBefore)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _metrics_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5670);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2828);
/* harmony import */ var _bake_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2428);
/* harmony import */ var _executor_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2894);
/* harmony import */ var _gates_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8411);
/* harmony import */ var _periods_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(215);
/* harmony import */ var _record_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7476);
/**
 * An all-at-once deploy judged by the action: the new config takes all
 * traffic at once (SageMaker keeps the old fleet until the new one is
 * healthy), then the gates judge it for one bake, and a failure returns the
 * endpoint to its previous config.
 */








/**
 * All-at-once is one step of 100% judged by the same gates after the switch.
 * Its periods start with the first whole period after the switch: the
 * variant may keep the old one's name, and the period of the switch holds
 * both models' traffic. The serving variants' periods from before the deploy
 * are the baseline. A failed gate returns the endpoint to its previous
 * config, when there is one.
 */
async function judgeAllAtOnce(ctx, settings, judged) {
    const { variant, previousConfig } = judged;
    if (!(0,_gates_js__WEBPACK_IMPORTED_MODULE_5__/* .hasGates */ .x0)(settings.gates)) {
        return { outcome: 'succeeded', decision: `${variant} serves all traffic.`, failsStep: false };
    }
    const record = (0,_record_js__WEBPACK_IMPORTED_MODULE_7__/* .startRolloutRecord */ .H)(ctx, settings, {
        newVariant: variant,
        source: judged.source,
        ...(previousConfig ? { previousConfig } : {})
    });
    const step = { weight: 100, startedAt: ctx.clock.now(), evaluations: [], verdict: 'in-progress' };
    record.steps.push(step);
    const earlierBaseline = await baselineBefore(ctx, judged, settings);
    const judge = new _gates_js__WEBPACK_IMPORTED_MODULE_5__/* .StepJudge */ .AU(ctx, settings.gates, {
        newVariant: variant,
        baselineVariants: [],
        source: judged.source,
        firstPeriod: (0,_periods_js__WEBPACK_IMPORTED_MODULE_6__/* .ceilPeriod */ .PB)(step.startedAt, (0,_periods_js__WEBPACK_IMPORTED_MODULE_6__/* .periodMsOf */ .J8)(judged.source)),
        baselineServes: false,
        earlierBaseline
    });
    const verdict = await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os(`Watching ${variant} at 100% for ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(settings.bakeTimeMs)}`, () => (0,_bake_js__WEBPACK_IMPORTED_MODULE_3__/* .bake */ .Wq)(ctx, settings, judge, step, { consecutive: 0 }));
    step.endedAt = ctx.clock.now();
    step.verdict = verdict.verdict;
    if (verdict.verdict === 'passed') {
        return {
            outcome: 'succeeded',
            decision: `All gates passed with ${variant} serving all traffic.`,
            healthy: true,
            failsStep: false
        };
    }
    step.reason = verdict.reason;
    const failure = verdict.verdict === 'inconclusive' ? `the gates could not judge ${variant} (${verdict.reason})` : verdict.reason;
    if (verdict.verdict === 'inconclusive' && settings.onInconclusive === 'pause') {
        return {
            outcome: 'paused',
            decision: `${variant} serves all traffic, but ${failure}. on-inconclusive is pause, so it was left in place: look at it, then keep it or run operation: rollback${previousConfig ? ` to return to "${previousConfig}"` : ''}.`,
            healthy: false,
            failsStep: true
        };
    }
    if (!previousConfig || !settings.autoRollback) {
        return {
            outcome: 'failed',
            decision: `${capitalised(failure)}${previousConfig ? `. auto-rollback is off; run operation: rollback to return to "${previousConfig}".` : '. The endpoint is new, so there is nothing to roll back to.'}`,
            healthy: false,
            failsStep: true
        };
    }
    ctx.warn(`Rolling back: ${failure}`);
    await (0,_executor_js__WEBPACK_IMPORTED_MODULE_4__/* .switchBack */ .gw)(ctx, previousConfig);
    return {
        outcome: 'rolled-back',
        decision: `Rolled back: ${failure}. The endpoint is back on "${previousConfig}".`,
        healthy: false,
        failsStep: settings.failOnRollback
    };
}
/** The serving variants' published periods before the deploy began: the baseline of an all-at-once switch. */
async function baselineBefore(ctx, judged, settings) {
    const variants = judged.baselineVariants;
    if (variants.length === 0)
        return [];
    const { maxErrorRateIncrease, maxLatencyP99Increase } = settings.gates;
    if (maxErrorRateIncrease === undefined && maxLatencyP99Increase === undefined)
        return [];
    const periodMs = (0,_periods_js__WEBPACK_IMPORTED_MODULE_6__/* .periodMsOf */ .J8)(judged.source);
    const end = (0,_periods_js__WEBPACK_IMPORTED_MODULE_6__/* .floorPeriod */ .eG)(judged.deployStartedAt, periodMs);
    // As long a look back as the step will take, and never less than a quarter of an hour.
    const span = (0,_periods_js__WEBPACK_IMPORTED_MODULE_6__/* .ceilPeriod */ .PB)(Math.max(15 * _periods_js__WEBPACK_IMPORTED_MODULE_6__/* .MINUTE_MS */ .kg, settings.bakeTimeMs), periodMs);
    const result = await (0,_metrics_js__WEBPACK_IMPORTED_MODULE_1__/* .fetchVariantMetrics */ .pA)(ctx, {
        endpointName: ctx.endpointName,
        variants,
        start: new Date(end - span),
        end: new Date(end),
        periodSeconds: judged.source.periodSeconds,
        source: judged.source,
        ...(judged.fleets ? { fleets: judged.fleets } : {})
    });
    return (0,_periods_js__WEBPACK_IMPORTED_MODULE_6__/* .periodsOf */ .qC)(result, variants);
}
function capitalised(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
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

/***/ 2656:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fp: () => (/* binding */ createVerdictAlarm),
/* harmony export */   Sr: () => (/* binding */ heartbeatIntervalMs),
/* harmony export */   TP: () => (/* binding */ publishVerdict),
/* harmony export */   eI: () => (/* binding */ deleteVerdictAlarm),
/* harmony export */   tS: () => (/* binding */ failedVerdictRollbackMs)
/* harmony export */ });
/* unused harmony exports VERDICT_NAMESPACE, VERDICT_METRIC, SAGEMAKER_REACTION_MS, verdictPeriodSeconds, evaluationRangePeriods, heartbeatWindowMs, verdictAlarmName, verdictMetricInput, verdictAlarmInput, errorRateLowerBoundExpression, errorRateLowerBoundAlarmInput */
/* harmony import */ var _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4085);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9378);
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
 * The period: the smallest CloudWatch allows (10 or 30 s on a high-resolution
 * metric, else a multiple of 60;
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html)
 * that is at least the gate interval, so the verdict published at every gate
 * evaluation lands in every period, and a failed verdict is seen within one
 * period of being published: a rollback starts within gate-interval + one
 * period (+ SageMaker's reaction) of the evidence.
 *
 * Silence: with missing data breaching, CloudWatch judges the newest real
 * datapoint in its evaluation range and fires only when the range holds none
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarms-and-missing-data.html).
 * AWS gives the range's length by example only (5 datapoints for 3 evaluation
 * periods); the reading taken, the emulator's too: EvaluationPeriods + 2
 * periods under a minute, EvaluationPeriods + max(2, ceil(300 s / period)) for
 * a minute or more, plus one period for the evaluation to come round.
 */



const VERDICT_NAMESPACE = 'SageMakerDeploy';
const VERDICT_METRIC = 'RolloutVerdict';
/** CloudWatch's longest alarm name. */
const MAX_ALARM_NAME = 255;
/** Period × EvaluationPeriods may not exceed a day for periods under an hour. */
const MAX_PERIOD_SECONDS = 86_400;
const HIGH_RESOLUTION_PERIODS = [10, 30];
/** What SageMaker adds to an alarm's firing before it moves traffic back, as the rollback bound counts it. */
const SAGEMAKER_REACTION_MS = 5_000;
/** The alarm's period in seconds: the least CloudWatch allows that is at least the gate interval. */
function verdictPeriodSeconds(gateIntervalMs) {
    if (!(gateIntervalMs > 0))
        throw new Error(`the gate interval must be positive; got ${gateIntervalMs} ms`);
    const seconds = Math.ceil(gateIntervalMs / 1000);
    const highResolution = HIGH_RESOLUTION_PERIODS.find((period) => seconds <= period);
    const period = highResolution ?? Math.ceil(seconds / 60) * 60;
    if (period > MAX_PERIOD_SECONDS) {
        throw new Error(`a gate interval of ${seconds} s is longer than a CloudWatch alarm period may be (a day)`);
    }
    return period;
}
/** How many periods one evaluation of a one-period alarm looks back over (see the module's note). */
function evaluationRangePeriods(periodSeconds, evaluationPeriods = 1) {
    if (periodSeconds < 60)
        return evaluationPeriods + 2;
    return evaluationPeriods + Math.max(2, Math.ceil(300 / periodSeconds));
}
/** How often the action republishes its last verdict: twice a period, so a late gate evaluation misses none. */
function heartbeatIntervalMs(gateIntervalMs) {
    return (verdictPeriodSeconds(gateIntervalMs) * 1000) / 2;
}
/**
 * The heartbeat window: the longest the action may be silent before its alarm fires and SageMaker rolls back
 * (the evaluation range, plus one period for the evaluation to come round).
 */
function heartbeatWindowMs(gateIntervalMs) {
    const period = verdictPeriodSeconds(gateIntervalMs);
    return (evaluationRangePeriods(period) + 1) * period * 1000;
}
/** The longest from the evidence to SageMaker's rollback on a failed verdict: gate interval, one period, reaction. */
function failedVerdictRollbackMs(gateIntervalMs) {
    return gateIntervalMs + verdictPeriodSeconds(gateIntervalMs) * 1000 + SAGEMAKER_REACTION_MS;
}
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
                StorageResolution: verdictPeriodSeconds(target.gateIntervalMs) < 60 ? 1 : 60
            }
        ]
    };
}
/** The one alarm on the verdicts: a failed verdict or silence puts it in ALARM. */
function verdictAlarmInput(endpointName, target) {
    const period = verdictPeriodSeconds(target.gateIntervalMs);
    return {
        AlarmName: verdictAlarmName(target),
        AlarmDescription: `The verdict of sagemaker-deploy on the new fleet of "${target.newConfig}": a failed verdict, or no verdict for ${Math.round(heartbeatWindowMs(target.gateIntervalMs) / 1000)} s, makes SageMaker roll back. Deleted when the deployment ends.`,
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
    const input = verdictMetricInput(ctx.endpointName, target, verdict, new Date(ctx.clock.now()));
    await (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)('PutMetricData', `metric ${VERDICT_NAMESPACE}/${VERDICT_METRIC}`, () => ctx.clients.cloudwatch.send(new _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_1__/* .PutMetricDataCommand */ .zmv(input)));
}
/**
 * Publishes a "judging" verdict, then creates the alarm. The order matters: missing data is breaching, so an alarm
 * created before its first datapoint would fire at its first evaluation. Returns the alarm's name.
 */
async function createVerdictAlarm(ctx, target) {
    const metric = verdictMetricInput(ctx.endpointName, target, 'judging', new Date(ctx.clock.now()));
    await ctx.change('PutMetricData', `metric ${VERDICT_NAMESPACE}/${VERDICT_METRIC}`, metric, () => ctx.clients.cloudwatch.send(new _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_1__/* .PutMetricDataCommand */ .zmv(metric)));
    const alarm = verdictAlarmInput(ctx.endpointName, target);
    await ctx.change('PutMetricAlarm', `alarm "${alarm.AlarmName}"`, alarm, () => ctx.clients.cloudwatch.send(new _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_1__/* .PutMetricAlarmCommand */ .AZU(alarm)));
    return alarm.AlarmName;
}
/** Deletes the verdict alarm; a failure is a warning naming it, the deployment's own result matters more. */
async function deleteVerdictAlarm(ctx, name) {
    const input = { AlarmNames: [name] };
    try {
        await ctx.change('DeleteAlarms', `alarm "${name}"`, input, () => ctx.clients.cloudwatch.send(new _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_1__/* .DeleteAlarmsCommand */ .nds(input)));
    }
    catch (error) {
        ctx.warn(`Could not delete the verdict alarm ${name}: ${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)} Delete it by hand.`);
    }
}
/** A number as metric math takes it: plain decimals, enough digits to change nothing that matters. */
function literal(value) {
    return String(Number(value.toPrecision(10)));
}
/**
 * The Wilson score lower bound of the new fleet's 5XX rate over one minute, as metric math an alarm may use:
 * arithmetic and ^0.5 (an alarm may not use SQRT;
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Create-alarm-on-metric-math-expression.html).
 * A minute with no invocations divides by zero: CloudWatch drops that datapoint, so it is missing, not breaching.
 */
function errorRateLowerBoundExpression(errorsId, invocationsId, z) {
    const rate = `(${errorsId} / ${invocationsId})`;
    const z2 = literal(z * z);
    return (`(${rate} + ${z2} / (2 * ${invocationsId}) - ${literal(z)} * ` +
        `(${rate} * (1 - ${rate}) / ${invocationsId} + ${z2} / (4 * ${invocationsId} ^ 2)) ^ 0.5) / ` +
        `(1 + ${z2} / ${invocationsId})`);
}
/**
 * For a real-time endpoint: an asynchronous one publishes no Invocations, and this alarm would divide by nothing
 * and never fire. The action's own deployments SageMaker runs are judged through the verdict alarm instead, on
 * what the endpoint publishes (invocation-metrics.ts).
 *
 * max-error-rate as an alarm that a thin minute cannot fire: it fires only when the new fleet's error rate is above
 * the limit at `confidence` (the Wilson lower bound above it), so one failure in ten requests does not roll a
 * deployment back, and a fleet failing a steady share of a real load still does within a minute or two.
 */
function errorRateLowerBoundAlarmInput(endpointName, target, maxErrorRate, confidence) {
    if (!(confidence > 0.5 && confidence < 1))
        throw new Error(`confidence must be between 0.5 and 1; got ${confidence}`);
    const dimensions = [
        { Name: 'EndpointName', Value: endpointName },
        { Name: 'VariantName', Value: target.variantName },
        { Name: 'EndpointConfigName', Value: target.newConfig }
    ];
    const metric = (id, metricName) => ({
        Id: id,
        MetricStat: {
            Metric: { Namespace: 'AWS/SageMaker', MetricName: metricName, Dimensions: dimensions },
            Period: 60,
            Stat: 'Sum'
        },
        ReturnData: false
    });
    const name = `sagemaker-deploy-${target.newConfig}-max-error-rate-bound`;
    if (name.length > MAX_ALARM_NAME)
        throw new Error(`the alarm name ${name} is longer than ${MAX_ALARM_NAME}`);
    return {
        AlarmName: name,
        AlarmDescription: `max-error-rate ${literal(maxErrorRate * 100)}% of the new fleet of "${target.newConfig}" at ${literal(confidence * 100)}% confidence (Wilson lower bound), created by sagemaker-deploy for SageMaker's auto-rollback; deleted when the deployment ends.`,
        ComparisonOperator: 'GreaterThanThreshold',
        Threshold: maxErrorRate,
        EvaluationPeriods: 1,
        DatapointsToAlarm: 1,
        // Before the new fleet takes traffic there is no data: that must not roll back.
        TreatMissingData: 'notBreaching',
        Metrics: [
            metric('errors', 'Invocation5XXErrors'),
            metric('invocations', 'Invocations'),
            {
                Id: 'error_rate_lower_bound',
                Expression: errorRateLowerBoundExpression('errors', 'invocations', normalQuantile(confidence)),
                Label: '5XX rate, Wilson lower bound',
                ReturnData: true
            }
        ]
    };
}


/***/ })

};
