export const id = 152;
export const ids = [152];
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

/***/ 3398:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rb: () => (/* binding */ instanceResources),
/* harmony export */   XR: () => (/* binding */ describeCompute),
/* harmony export */   c3: () => (/* binding */ capacityShortfall)
/* harmony export */ });
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2828);
/**
 * Whether an endpoint's instances can hold an inference component's rolling
 * update: every copy reserves its accelerators, CPU cores and memory on one
 * instance (ComputeResourceRequirements), and during a batch the new copies
 * run beside all the old ones, and beside every other component's copies.
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_InferenceComponentComputeResourceRequirements.html
 *
 * AWS does not document what a rolling update does when its batch cannot be
 * placed (fail, roll back, or wait until MaximumExecutionTimeout), so the
 * action refuses before any change instead: the copies are placed first fit,
 * largest first, on the instances the endpoint runs or, with managed
 * instance scaling, on its maximum.
 */

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
        compute.acceleratorDevices ? (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .counted */ .hS)(compute.acceleratorDevices, 'accelerator') : '',
        compute.cpuCores ? `${compute.cpuCores} CPU cores` : '',
        `${compute.memoryMb} MB`
    ]
        .filter(Boolean)
        .join(', ');
}


/***/ }),

/***/ 6586:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ge: () => (/* binding */ HALF_THE_COPIES),
/* harmony export */   H5: () => (/* binding */ updateRequest),
/* harmony export */   Zu: () => (/* binding */ rollingPlan),
/* harmony export */   sq: () => (/* binding */ componentRollbackMoves),
/* harmony export */   xN: () => (/* binding */ componentDeployMoves)
/* harmony export */ });
/* harmony import */ var _rolling_batch_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8527);
/* harmony import */ var _rollout_native_limits_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7783);


/**
 * A rolling batch as SageMaker takes it: a number counts copies, a
 * percentage the copy count, and either must come to 5% to 50% of the copies
 * (the API reference's MaximumBatchSize). Left out: a quarter of the copies,
 * at least one and at most half. Undefined when no batch is valid: one copy
 * cannot be replaced in batches of at most half of it.
 */
function rollingPlan(copies, batch, rollbackBatch) {
    const { least, most } = (0,_rolling_batch_js__WEBPACK_IMPORTED_MODULE_0__/* .rollingBatchRange */ .vI)(copies);
    const batchCopies = batch ? (0,_rolling_batch_js__WEBPACK_IMPORTED_MODULE_0__/* .batchInstances */ .d)(batch, copies) : (0,_rolling_batch_js__WEBPACK_IMPORTED_MODULE_0__/* .defaultBatchUnits */ .t_)(copies);
    const percentOutside = batch?.type === 'CAPACITY_PERCENT' && (batch.value < 5 || batch.value > 50);
    if (most < least || percentOutside || batchCopies < least || batchCopies > most)
        return undefined;
    const forward = capacitySize(batch) ?? { Type: 'COPY_COUNT', Value: batchCopies };
    const rollbackCopies = rollbackBatch ? Math.max(1, (0,_rolling_batch_js__WEBPACK_IMPORTED_MODULE_0__/* .batchInstances */ .d)(rollbackBatch, copies)) : batchCopies;
    return {
        batch: forward,
        // Left out, SageMaker's rollback batch is "100% of the total capacity": the whole old fleet provisioned at once,
        // beside the new copies, on instances the endpoint's components share (API_InferenceComponentRollingUpdatePolicy).
        // The forward batch instead, so a rollback needs no more room than the update did.
        rollbackBatch: capacitySize(rollbackBatch) ?? forward,
        batchCopies,
        rollbackCopies,
        batches: Math.ceil(copies / batchCopies),
        peakCopies: copies + batchCopies + Math.min(rollbackCopies, copies - batchCopies)
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
/** Half the copies a batch, the most SageMaker takes: operation rollback's way back, which no deploy planned. */
const HALF_THE_COPIES = { type: 'CAPACITY_PERCENT', value: 50 };
/**
 * The way back from a deploy that failed its judging: an updated component
 * returns to what it ran before, rolled back a batch at a time (`batch`: the
 * room the deploy checked for, rollback-batch-size or its forward batch;
 * where that is no valid batch of the old copies, a quarter of them), a
 * created one goes.
 */
function componentRollbackMoves(from, batch) {
    if (!from)
        return [{ kind: 'delete-component' }];
    const rolling = (batch && rollingPlan(from.copies, batch)) || rollingPlan(from.copies, undefined);
    return [{ kind: 'restore-component', target: from, ...(rolling ? { rolling } : {}) }];
}
/**
 * The rolling update's MaximumExecutionTimeoutInSeconds takes 10 minutes to
 * 8 hours: a deploy refuses a timeout outside them, other operations (a
 * rollback) send the nearest.
 */
function executionTimeoutSeconds(timeoutMs) {
    const seconds = Math.round(timeoutMs / 1000);
    return Math.min(Math.max(seconds, _rollout_native_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .SAGEMAKER_LIMITS */ .Yv.minExecutionTimeoutSeconds), _rollout_native_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .SAGEMAKER_LIMITS */ .Yv.maxExecutionTimeoutSeconds);
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
                        MaximumExecutionTimeoutInSeconds: executionTimeoutSeconds(how.timeoutMs),
                        RollbackMaximumBatchSize: rolling.rollbackBatch
                    },
                    ...(how.alarms.length > 0
                        ? { AutoRollbackConfiguration: { Alarms: how.alarms.map((AlarmName) => ({ AlarmName })) } }
                        : {})
                }
            }
            : {})
    };
}


/***/ }),

/***/ 3707:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IX: () => (/* binding */ refuseWhatCannotBePlaced),
/* harmony export */   LQ: () => (/* binding */ computeOf),
/* harmony export */   qB: () => (/* binding */ copiesOfOthers)
/* harmony export */ });
/* harmony import */ var _resources_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1461);
/* harmony import */ var _capacity_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3398);


/** Every other component's copies (adapters run inside their base's, and take nothing of their own). */
function copiesOfOthers(others) {
    return others
        .filter((other) => !other.Specification?.BaseInferenceComponentName)
        .map((other) => ({
        label: `"${other.InferenceComponentName}"`,
        count: Math.max(other.RuntimeConfig?.DesiredCopyCount ?? 0, other.RuntimeConfig?.CurrentCopyCount ?? 0),
        compute: computeOf(other.Specification?.ComputeResourceRequirements)
    }));
}
function computeOf(requirements) {
    return {
        memoryMb: requirements?.MinMemoryRequiredInMb ?? 0,
        ...(requirements?.NumberOfAcceleratorDevicesRequired !== undefined
            ? { acceleratorDevices: requirements.NumberOfAcceleratorDevicesRequired }
            : {}),
        ...(requirements?.NumberOfCpuCoresRequired !== undefined ? { cpuCores: requirements.NumberOfCpuCoresRequired } : {})
    };
}
/**
 * Throws, with the numbers, when the copies of one of the `moments` cannot
 * all run at once on the endpoint's instances (managed instance scaling's
 * maximum when it is on); warns once and lets SageMaker judge when the
 * instance type is one the action does not know. A moment's `refusal`
 * starts the message and `remedy` ends it.
 */
function refuseWhatCannotBePlaced(ctx, room, moments, remedy) {
    const { variant } = room;
    const instanceType = variant?.InstanceType ?? '';
    if (!(0,_capacity_js__WEBPACK_IMPORTED_MODULE_1__/* .instanceResources */ .Rb)(instanceType)) {
        ctx.warn(`The action does not know what a ${instanceType || 'variant without an instance type'} offers, so it could not check that the copies fit; SageMaker will refuse or roll back what does not.`);
        return;
    }
    const scaling = variant?.ManagedInstanceScaling;
    const managed = scaling?.Status === 'ENABLED' && scaling.MaxInstanceCount !== undefined;
    const live = room.endpoint?.ProductionVariants?.find((summary) => summary.VariantName === variant?.VariantName)?.CurrentInstanceCount;
    const instances = managed ? scaling.MaxInstanceCount : (live ?? (0,_resources_js__WEBPACK_IMPORTED_MODULE_0__/* .fleetSize */ .oE)(variant ? [variant] : []));
    for (const { copies, refusal } of moments) {
        const shortfall = (0,_capacity_js__WEBPACK_IMPORTED_MODULE_1__/* .capacityShortfall */ .c3)({ instanceType, instances, managedMaximum: managed, copies });
        if (shortfall)
            throw new Error(`${refusal}: ${shortfall}. Nothing was changed. ${remedy}`);
    }
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
        ['startup', startup?.ContainerStartupHealthCheckTimeoutInSeconds],
        ['maxmemory', compute?.MaxMemoryRequiredInMb],
        ['cache', spec.DataCacheConfig?.EnableCaching],
        ['placement', spec.SchedulingConfig?.PlacementStrategy],
        ['azbalance', spec.SchedulingConfig?.AvailabilityZoneBalance?.EnforcementMode],
        ['azimbalance', spec.SchedulingConfig?.AvailabilityZoneBalance?.MaxImbalance]
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
                        NumberOfCpuCoresRequired: number('cpus'),
                        MaxMemoryRequiredInMb: number('maxmemory')
                    })
                }
            }
            : {}),
        ...(Object.keys(startup).length > 0 ? { StartupParameters: startup } : {}),
        ...(fields.has('cache') ? { DataCacheConfig: { EnableCaching: fields.get('cache') === 'true' } } : {}),
        ...schedulingOf(fields)
    };
    return { specification, copies: number('copies') ?? 1 };
}
/** The copies' placement a record holds, as SchedulingConfig. */
function schedulingOf(fields) {
    const strategy = fields.get('placement');
    if (!strategy)
        return {};
    const mode = fields.get('azbalance');
    const imbalance = fields.get('azimbalance');
    return {
        SchedulingConfig: {
            PlacementStrategy: strategy,
            ...(mode
                ? {
                    AvailabilityZoneBalance: {
                        EnforcementMode: mode,
                        ...(imbalance !== undefined ? { MaxImbalance: Number(imbalance) } : {})
                    }
                }
                : {})
        }
    };
}


/***/ }),

/***/ 856:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Sb: () => (/* binding */ recordWhereRollbackReturns),
  c: () => (/* binding */ sendMove),
  ZP: () => (/* binding */ updateComponent)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commandBuilder.js
var commandBuilder = __webpack_require__(2319);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/schemas/schemas_0.js + 2 modules
var schemas_0 = __webpack_require__(1268);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commands/CreateInferenceComponentCommand.js


class CreateInferenceComponentCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "CreateInferenceComponent", schemas_0/* CreateInferenceComponent$ */.xqm) {
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commands/DeleteInferenceComponentCommand.js
var DeleteInferenceComponentCommand = __webpack_require__(8708);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commands/UpdateInferenceComponentCommand.js


class UpdateInferenceComponentCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "UpdateInferenceComponent", schemas_0/* UpdateInferenceComponent$ */.s8q) {
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commands/AddTagsCommand.js
var AddTagsCommand = __webpack_require__(6543);
// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/resources.ts + 5 modules
var resources = __webpack_require__(1461);
// EXTERNAL MODULE: ./src/tags.ts
var tags = __webpack_require__(9506);
// EXTERNAL MODULE: ./src/wait.ts
var wait = __webpack_require__(910);
// EXTERNAL MODULE: ./src/components/component.ts + 2 modules
var components_component = __webpack_require__(1741);
// EXTERNAL MODULE: ./src/components/moves.ts
var moves = __webpack_require__(6586);
// EXTERNAL MODULE: ./src/components/record.ts
var record = __webpack_require__(4307);
;// CONCATENATED MODULE: ./src/components/requests.ts
/**
 * The requests an inference component's moves make, the same in a run and
 * a dry run (ctx.change only records them in a dry run), and what the moves
 * act on.
 */








/** The request each move makes (none for judging): the same in a run and a dry run. */
async function sendMove(ctx, rollout, move, settings, alarms = []) {
    const sagemaker = ctx.clients.sagemaker;
    const resource = `inference component "${rollout.component}"`;
    switch (move.kind) {
        case 'create-endpoint':
            await (0,resources/* createEndpointConfig */.u7)(ctx, move.config, [move.variant], { role: 'release' }, rollout.userTags, {
                ExecutionRoleArn: move.executionRoleArn
            });
            await (0,resources/* createEndpointOn */.d_)(ctx, move.config, rollout.userTags);
            return;
        case 'create-component': {
            const input = {
                InferenceComponentName: rollout.component,
                EndpointName: ctx.endpointName,
                VariantName: move.variant,
                Specification: move.target.specification,
                RuntimeConfig: { CopyCount: move.target.copies },
                Tags: (0,tags/* toTagList */.s3)((0,resources/* runTags */.He)(ctx, rollout.userTags))
            };
            await (0,resources/* createOrAdopt */.KL)(ctx, { api: 'CreateInferenceComponent', resource, input }, () => sagemaker.send(new CreateInferenceComponentCommand(input)), async () => {
                const found = await (0,components_component/* findComponent */.Tn)(ctx, rollout.component);
                return found ? (0,resources/* ownedByThisRun */.uI)(ctx, found.InferenceComponentArn, input.Tags) : undefined;
            });
            return;
        }
        case 'roll-component':
        case 'restore-component':
            await updateComponent(ctx, rollout.component, move, { bakeTimeMs: settings.bakeTimeMs, alarms });
            return;
        case 'delete-component': {
            await afterEndpointSettles(ctx);
            const input = { InferenceComponentName: rollout.component };
            await ctx
                .change('DeleteInferenceComponent', resource, input, () => sagemaker.send(new DeleteInferenceComponentCommand/* DeleteInferenceComponentCommand */.n(input)))
                .catch((error) => {
                if (!(0,errors/* isNotFound */.c4)(error))
                    throw error;
            });
            return;
        }
        case 'judge-component':
            return;
    }
}
/**
 * UpdateInferenceComponent for a move that rolls the component forward or
 * back. The way back bakes nothing and watches no alarm: what it returns to
 * served before the deploy, and an alarm firing on the way back would roll
 * the component forward again.
 */
async function updateComponent(ctx, component, move, forward) {
    const back = move.kind === 'restore-component';
    if (back)
        await afterEndpointSettles(ctx);
    const input = (0,moves/* updateRequest */.H5)(component, move.target, {
        ...(move.rolling ? { rolling: move.rolling } : {}),
        bakeTimeMs: back ? 0 : forward.bakeTimeMs,
        timeoutMs: ctx.settings.timeoutMs,
        alarms: back ? [] : forward.alarms
    });
    await ctx.change('UpdateInferenceComponent', `inference component "${component}"`, input, () => ctx.clients.sagemaker.send(new UpdateInferenceComponentCommand(input)));
}
/**
 * A way back waits for the endpoint to be InService. With managed instance scaling the endpoint stays Updating for
 * minutes after a component's rolling update has completed, while SageMaker releases the instance the update added
 * (AWS's sample: https://github.com/aws-samples/sagemaker-genai-hosting-examples/blob/main/03-features/deployment/ic_rolling_deployment.ipynb).
 * AWS does not say whether a component can change meanwhile: the safer reading is that it cannot, and a rollback
 * sent then would be refused, leaving the model that failed its gates on every copy.
 */
async function afterEndpointSettles(ctx) {
    if (!ctx.dryRun)
        await (0,wait/* waitUntilUpdatable */.we)(ctx);
}
/** Where operation: rollback returns, on the component itself, before anything changes it. */
async function recordWhereRollbackReturns(ctx, rollout, from) {
    const component = await (0,components_component/* findComponent */.Tn)(ctx, rollout.component);
    const arn = component?.InferenceComponentArn;
    if (!arn)
        return;
    const input = { ResourceArn: arn, Tags: [{ Key: record/* PREVIOUS_STATE_TAG */.VY, Value: (0,record/* encodeComponentState */.Bh)(from) }] };
    await ctx.change('AddTags', `inference component "${rollout.component}"`, input, () => ctx.clients.sagemaker.send(new AddTagsCommand/* AddTagsCommand */.y(input)));
}


/***/ }),

/***/ 1152:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runDeploy: () => (/* binding */ runDeploy)
});

// EXTERNAL MODULE: ./src/endpoint.ts
var src_endpoint = __webpack_require__(3150);
// EXTERNAL MODULE: ./src/rolling-batch.ts
var rolling_batch = __webpack_require__(8527);
// EXTERNAL MODULE: ./src/lineage.ts
var lineage = __webpack_require__(5010);
// EXTERNAL MODULE: ./src/naming.ts
var naming = __webpack_require__(8499);
// EXTERNAL MODULE: ./src/rollout/shadow.ts + 1 modules
var shadow = __webpack_require__(6460);
// EXTERNAL MODULE: ./src/resources.ts + 5 modules
var resources = __webpack_require__(1461);
// EXTERNAL MODULE: ./src/serving.ts + 3 modules
var src_serving = __webpack_require__(5905);
// EXTERNAL MODULE: ./src/shadow-tests.ts + 2 modules
var shadow_tests = __webpack_require__(7429);
// EXTERNAL MODULE: ./src/rollout/result.ts
var rollout_result = __webpack_require__(3752);
// EXTERNAL MODULE: ./src/alarms.ts + 1 modules
var src_alarms = __webpack_require__(400);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/invocation-metrics.ts
var invocation_metrics = __webpack_require__(9113);
// EXTERNAL MODULE: ./src/parse.ts
var parse = __webpack_require__(2828);
// EXTERNAL MODULE: ./src/update.ts + 1 modules
var update = __webpack_require__(8191);
// EXTERNAL MODULE: ./src/wait.ts
var wait = __webpack_require__(910);
// EXTERNAL MODULE: ./src/metrics.ts + 1 modules
var metrics = __webpack_require__(4023);
// EXTERNAL MODULE: ./src/rollout/bake.ts
var bake = __webpack_require__(2428);
// EXTERNAL MODULE: ./src/rollout/executor.ts + 1 modules
var executor = __webpack_require__(2894);
// EXTERNAL MODULE: ./src/rollout/gates.ts + 1 modules
var rollout_gates = __webpack_require__(8411);
// EXTERNAL MODULE: ./src/rollout/periods.ts
var periods = __webpack_require__(215);
// EXTERNAL MODULE: ./src/rollout/record.ts
var rollout_record = __webpack_require__(7476);
;// CONCATENATED MODULE: ./src/rollout/all-at-once.ts
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
    if (!(0,rollout_gates/* hasGates */.x0)(settings.gates)) {
        return { outcome: 'succeeded', decision: `${variant} serves all traffic.`, failsStep: false };
    }
    const record = (0,rollout_record/* startRolloutRecord */.H)(ctx, settings, {
        newVariant: variant,
        source: judged.source,
        ...(previousConfig ? { previousConfig } : {})
    });
    const step = { weight: 100, startedAt: ctx.clock.now(), evaluations: [], verdict: 'in-progress' };
    record.steps.push(step);
    const earlierBaseline = await baselineBefore(ctx, judged, settings);
    const judge = new rollout_gates/* StepJudge */.AU(ctx, settings.gates, {
        newVariant: variant,
        baselineVariants: [],
        source: judged.source,
        firstPeriod: (0,periods/* ceilPeriod */.PB)(step.startedAt, (0,periods/* periodMsOf */.J8)(judged.source)),
        baselineServes: false,
        earlierBaseline
    });
    const verdict = await core/* group */.Os(`Watching ${variant} at 100% for ${(0,parse/* formatDuration */.a3)(settings.bakeTimeMs)}`, () => (0,bake/* bake */.Wq)(ctx, settings, judge, step, { consecutive: 0 }));
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
    await (0,executor/* switchBack */.gw)(ctx, previousConfig);
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
    const periodMs = (0,periods/* periodMsOf */.J8)(judged.source);
    const end = (0,periods/* floorPeriod */.eG)(judged.deployStartedAt, periodMs);
    // As long a look back as the step will take, and never less than a quarter of an hour.
    const span = (0,periods/* ceilPeriod */.PB)(Math.max(15 * periods/* MINUTE_MS */.kg, settings.bakeTimeMs), periodMs);
    const result = await (0,metrics/* fetchVariantMetrics */.pA)(ctx, {
        endpointName: ctx.endpointName,
        variants,
        start: new Date(end - span),
        end: new Date(end),
        periodSeconds: judged.source.periodSeconds,
        source: judged.source,
        ...(judged.fleets ? { fleets: judged.fleets } : {})
    });
    return (0,periods/* periodsOf */.qC)(result, variants);
}
function capitalised(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

// EXTERNAL MODULE: ./src/rollout/verdict-alarm.ts + 3 modules
var verdict_alarm = __webpack_require__(4466);
;// CONCATENATED MODULE: ./src/rollout/judging-rhythm.ts

class JudgingRhythm {
    ctx;
    gateIntervalMs;
    target;
    running;
    failed;
    nextEvaluation;
    nextHeartbeat;
    /** `target` is the verdict alarm's: without one (auto-rollback off), nothing is published. */
    constructor(ctx, gateIntervalMs, target) {
        this.ctx = ctx;
        this.gateIntervalMs = gateIntervalMs;
        this.target = target;
        this.nextHeartbeat = ctx.clock.now();
    }
    /** Whether an evaluation is running: a decision on the time left waits for it, as its verdict may settle it. */
    get evaluating() {
        return this.running !== undefined;
    }
    /** Evaluations from `at` on, every gate interval; the first call sets it. */
    evaluateFrom(at) {
        this.nextEvaluation ??= at;
    }
    /**
     * One poll: throws the error of an evaluation that failed; starts one when due (and none runs) if `mayEvaluate`
     * (a judge that has concluded judges no more); publishes `verdict()` when due. Returns when to poll again.
     */
    async poll(evaluate, verdict, mayEvaluate) {
        if (this.failed)
            throw this.failed.error;
        const now = this.ctx.clock.now();
        if (mayEvaluate && !this.running && this.nextEvaluation !== undefined && now >= this.nextEvaluation) {
            this.nextEvaluation += this.gateIntervalMs;
            this.running = this.evaluateThenPublish(evaluate, verdict);
        }
        if (this.ctx.clock.now() >= this.nextHeartbeat)
            await this.publish(verdict());
        const after = this.ctx.clock.now();
        const heartbeatDue = this.target ? this.nextHeartbeat - after : Infinity;
        // While one runs, the next waits for it: the heartbeat's polls notice when it has ended.
        const evaluationDue = mayEvaluate && !this.running && this.nextEvaluation !== undefined ? this.nextEvaluation - after : Infinity;
        return Math.max(0, Math.min(heartbeatDue, evaluationDue));
    }
    /** Waits for an evaluation still running, and throws its error: the judge concludes on every evaluation it began. */
    async settle() {
        await this.running;
        if (this.failed)
            throw this.failed.error;
    }
    async evaluateThenPublish(evaluate, verdict) {
        try {
            await evaluate();
            await this.publish(verdict());
        }
        catch (error) {
            this.failed = { error };
        }
        finally {
            this.running = undefined;
        }
    }
    async publish(verdict) {
        if (!this.target)
            return;
        await (0,verdict_alarm/* publishVerdict */.TP)(this.ctx, this.target, verdict);
        this.nextHeartbeat = this.ctx.clock.now() + (0,verdict_alarm/* heartbeatIntervalMs */.Sr)(this.gateIntervalMs);
    }
}

// EXTERNAL MODULE: ./src/rollout/words.ts
var words = __webpack_require__(7080);
;// CONCATENATED MODULE: ./src/rollout/native-judge.ts
/**
 * rollout-controller: sagemaker, judged by the action. SageMaker moves the
 * traffic between the fleets; the action judges the new fleet on its own
 * metrics (the EndpointConfigName dimension SageMaker publishes for each
 * fleet during a deployment) against the old fleet over the same minutes,
 * with the same gates and evidence rules as its own canary, and publishes
 * each verdict for the alarm SageMaker rolls back on (verdict-alarm.ts).
 * https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-configuration.html
 *
 * It works at every poll of the wait for the deployment, which it keeps
 * short enough for its evaluations and heartbeats. A verdict is never
 * "passed" without evidence: when the new fleet has not served enough to
 * judge by the time SageMaker would finish (less the time a failed verdict
 * takes to reach it: failedVerdictRollbackMs), the verdict turns failed
 * (on-inconclusive: rollback), so SageMaker rolls back instead of completing
 * a deployment nothing showed healthy.
 */







/** How often the last look after SageMaker completed reads CloudWatch: soon after each period lands. */
const LAST_LOOK_POLL_MS = 20_000;
/** The new fleet's share shows in the pending variant's status: Baking (or ActivatingTraffic) once it takes traffic. */
function trafficStartedAt(endpoint, newConfig, now) {
    const pending = endpoint.PendingDeploymentSummary;
    if (pending?.EndpointConfigName !== newConfig)
        return undefined;
    const statuses = (pending.ProductionVariants ?? []).flatMap((variant) => variant.VariantStatus ?? []);
    const serving = statuses.find((status) => status.Status === 'Baking' || status.Status === 'ActivatingTraffic');
    if (!serving)
        return undefined;
    return Math.min(serving.StartTime?.getTime() ?? now, now);
}
/**
 * Judges a deployment SageMaker carries out, at every poll of the wait for
 * it (onPoll), and says what it concluded once the deployment has ended
 * (conclude). The verdict is published whenever it is due, judged or not:
 * the alarm takes silence for a dead runner.
 */
class DeploymentJudge {
    ctx;
    settings;
    fleets;
    step;
    conclusion;
    published = 'judging';
    trafficSince;
    /** The starts of the bakes seen so far (a rolling update's batches each start one). */
    bakesSeen = new Set();
    rhythm;
    /** When SageMaker completed the deployment, once it has. */
    completedAt;
    passedOnce = false;
    failures = 0;
    last;
    log = new words/* EvaluationLog */.XQ();
    judge;
    constructor(ctx, settings, fleets, step) {
        this.ctx = ctx;
        this.settings = settings;
        this.fleets = fleets;
        this.step = step;
        const newFleet = `${fleets.variant} on ${fleets.newConfig}`;
        const oldFleet = `${fleets.variant} on ${fleets.oldConfig}`;
        this.judge = new rollout_gates/* StepJudge */.AU(ctx, settings.gates, {
            newVariant: newFleet,
            baselineVariants: [oldFleet],
            source: fleets.source,
            firstPeriod: (0,periods/* floorPeriod */.eG)(step.startedAt, (0,periods/* periodMsOf */.J8)(fleets.source)),
            baselineServes: fleets.earlierBaseline === undefined,
            earlierBaseline: fleets.earlierBaseline ?? [],
            fleets: {
                [newFleet]: { variant: fleets.variant, config: fleets.newConfig },
                [oldFleet]: { variant: fleets.variant, config: fleets.oldConfig }
            }
        });
        const target = { newConfig: fleets.newConfig, gateIntervalMs: settings.gateIntervalMs };
        this.rhythm = new JudgingRhythm(ctx, settings.gateIntervalMs, target);
    }
    /** One poll of the deployment: judge when due, decide when time is up, publish the verdict; when to come back. */
    onPoll = async (endpoint) => {
        const now = this.ctx.clock.now();
        const bakingSince = trafficStartedAt(endpoint, this.fleets.newConfig, now);
        if (bakingSince !== undefined)
            this.bakesSeen.add(bakingSince);
        if (this.trafficSince === undefined) {
            this.trafficSince = bakingSince;
            if (this.trafficSince !== undefined) {
                core/* info */.pq('The new fleet takes traffic: the action judges it against the old fleet.');
                this.rhythm.evaluateFrom(now + this.settings.gateIntervalMs);
            }
        }
        const next = await this.rhythm.poll(() => this.evaluate(), () => this.published, !this.conclusion);
        // An evaluation running (one due has just started) may yet pass the fleet: it judges the time left as it ends.
        if (!this.rhythm.evaluating)
            this.decideUndecided();
        return next;
    };
    async evaluate() {
        const evaluation = await this.judge.evaluate();
        this.last = evaluation;
        this.step.evaluations.push(evaluation);
        core/* info */.pq(this.log.line(String(this.step.evaluations.length), (0,words/* stepPlace */.qN)(this.step), evaluation));
        if (evaluation.verdict === 'failed') {
            this.failures++;
            if (this.failures >= this.settings.failureThreshold) {
                this.fail((0,words/* failedStepReason */.om)(this.failures, (0,words/* stepPlace */.qN)(this.step), evaluation));
            }
        }
        else if (evaluation.verdict === 'passed') {
            this.failures = 0;
            if (this.judge.leaningToFailure === undefined)
                this.passedOnce = true;
        }
        // The time left is judged with this evaluation's verdict in hand, while SageMaker still listens.
        if (this.completedAt === undefined)
            this.decideUndecided();
    }
    /**
     * SageMaker ends the deployment when its bakes are over. If by then the new
     * fleet has not passed on evidence, the verdict must have turned failed a
     * period earlier, so the alarm fires while SageMaker still listens.
     */
    decideUndecided() {
        // A pass stands only while no window leans to failure on thin evidence, as at the end of the action's steps.
        const healthy = this.passedOnce && this.judge.leaningToFailure === undefined;
        if (this.conclusion || healthy || this.trafficSince === undefined)
            return;
        const lastBakeFrom = this.lastBakeStart();
        if (lastBakeFrom === undefined)
            return;
        const decideBy = lastBakeFrom + this.fleets.bakesMs - (0,verdict_alarm/* failedVerdictRollbackMs */.tS)(this.settings.gateIntervalMs);
        if (this.ctx.clock.now() < decideBy)
            return;
        const why = this.judge.leaningToFailure ??
            (this.last?.inconclusive.join('; ') || 'no period of the new fleet was published to judge');
        this.conclusion = {
            verdict: 'inconclusive',
            reason: `the gates could not judge the new fleet within SageMaker's bakes (${(0,parse/* formatDuration */.a3)(this.fleets.bakesMs)}): ${why}`
        };
        this.published = 'failed';
    }
    /** From when SageMaker's remaining bakes (bakesMs) run: the first traffic, or a rolling update's last batch. */
    lastBakeStart() {
        const batches = this.fleets.rollingBatches;
        if (batches === undefined)
            return this.trafficSince;
        return this.bakesSeen.size >= batches ? Math.max(...this.bakesSeen) : undefined;
    }
    fail(reason) {
        this.conclusion = { verdict: 'failed', reason };
        this.published = 'failed';
        const acted = !this.settings.autoRollback
            ? 'auto-rollback is off'
            : this.completedAt !== undefined
                ? 'SageMaker has completed the deployment, so the action returns the endpoint to the previous config'
                : 'SageMaker rolls back on the verdict alarm';
        this.ctx.warn(`The new fleet failed its gates: ${reason}; ${acted}.`);
    }
    /**
     * SageMaker completed the deployment, and CloudWatch has yet to publish its last minutes at full traffic. As the
     * action's own steps are, the fleet is judged on until the period the deployment ended in is published, or
     * max-data-delay has passed: a success is never reported on minutes nobody read. What fails now is the action's
     * to take back (completedBySageMaker).
     */
    async judgeToTheEnd(endedAt) {
        await this.rhythm.settle();
        this.completedAt = endedAt;
        if (this.conclusion || this.trafficSince === undefined || !(0,rollout_gates/* needsTraffic */.rw)(this.settings.gates))
            return;
        const exposedUntil = (0,periods/* ceilPeriod */.PB)(endedAt, this.judge.periodMs);
        const deadline = exposedUntil + this.settings.maxDataDelayMs;
        if (this.judge.judgedThrough >= exposedUntil)
            return;
        core/* info */.pq('SageMaker has completed the deployment: judging its last minutes as CloudWatch publishes them.');
        while (!this.conclusion && this.judge.judgedThrough < exposedUntil && this.ctx.clock.now() < deadline) {
            await this.ctx.clock.sleep(Math.min(this.settings.gateIntervalMs, LAST_LOOK_POLL_MS));
            await this.evaluate();
        }
        if (!this.conclusion && this.judge.judgedThrough < exposedUntil) {
            this.ctx.note(`CloudWatch had not published every period of the deployment within max-data-delay (${(0,parse/* formatDuration */.a3)(this.settings.maxDataDelayMs)}); the new fleet was judged on the periods it had.`);
        }
    }
    /** What the action concluded, once an evaluation still running has ended. */
    async conclude() {
        await this.rhythm.settle();
        if (this.conclusion)
            return { ...this.conclusion, toldSageMaker: this.published === 'failed' };
        if (this.judge.leaningToFailure !== undefined) {
            return { verdict: 'inconclusive', reason: `the last window was still undecided: ${this.judge.leaningToFailure}` };
        }
        if (this.passedOnce && this.failures === 0)
            return { verdict: 'passed' };
        if (this.failures > 0) {
            return {
                verdict: 'failed',
                reason: `a failed gate evaluation was not cleared by a passing one: ${this.last?.failures.join('; ') ?? ''}`
            };
        }
        return {
            verdict: 'inconclusive',
            reason: this.last?.inconclusive.join('; ') || 'the new fleet served nothing the gates could judge'
        };
    }
}

// EXTERNAL MODULE: ./src/rollout/native-limits.ts
var native_limits = __webpack_require__(7783);
// EXTERNAL MODULE: ./src/rollout/plan.ts
var plan = __webpack_require__(5762);
// EXTERNAL MODULE: ./src/rollout/scaling.ts
var scaling = __webpack_require__(5316);
// EXTERNAL MODULE: ./src/rollout/state.ts
var state = __webpack_require__(9988);
;// CONCATENATED MODULE: ./src/rollout/native.ts
/**
 * rollout-controller: sagemaker. The same inputs, mapped onto UpdateEndpoint's
 * DeploymentConfig: SageMaker carries out the blue/green shift (or the rolling
 * update) and rolls back on the alarms it is given; the action judges the new
 * fleet all through it (native-judge.ts), and its verdict is one of those
 * alarms (verdict-alarm.ts). The inputs were checked against SageMaker's
 * limits by the input parser.
 */


















/**
 * The DeploymentConfig for UpdateEndpoint: blue/green with canary, linear or
 * all-at-once traffic routing, or a rolling update; the final bake at full
 * traffic (TerminationWaitInSeconds) keeps the old fleet for an instant
 * rollback as long as any step's bake.
 */
function deploymentConfigFor(settings, timeoutMs, alarms) {
    const waitIntervalInSeconds = Math.round(settings.bakeTimeMs / 1000);
    const maximumExecutionTimeoutInSeconds = Math.round(timeoutMs / 1000);
    const first = settings.trafficSteps[0] ?? 100;
    const config = {};
    if (settings.strategy === 'rolling') {
        config.RollingUpdatePolicy = {
            MaximumBatchSize: {
                Type: settings.batchSize?.type ?? 'CAPACITY_PERCENT',
                Value: settings.batchSize?.value ?? 25
            },
            WaitIntervalInSeconds: waitIntervalInSeconds,
            MaximumExecutionTimeoutInSeconds: maximumExecutionTimeoutInSeconds,
            ...(settings.rollbackBatchSize
                ? {
                    RollbackMaximumBatchSize: { Type: settings.rollbackBatchSize.type, Value: settings.rollbackBatchSize.value }
                }
                : {})
        };
    }
    else {
        config.BlueGreenUpdatePolicy = {
            TrafficRoutingConfiguration: settings.strategy === 'canary'
                ? {
                    Type: 'CANARY',
                    WaitIntervalInSeconds: waitIntervalInSeconds,
                    CanarySize: { Type: 'CAPACITY_PERCENT', Value: first }
                }
                : settings.strategy === 'linear'
                    ? {
                        Type: 'LINEAR',
                        WaitIntervalInSeconds: waitIntervalInSeconds,
                        LinearStepSize: { Type: 'CAPACITY_PERCENT', Value: first }
                    }
                    : { Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: waitIntervalInSeconds },
            // Longer than the bakes by what a dead runner's silence takes to reach SageMaker (finalBakeGuardMs).
            TerminationWaitInSeconds: Math.ceil((0,native_limits/* finalBakeMs */.kM)(settings) / 1000),
            MaximumExecutionTimeoutInSeconds: maximumExecutionTimeoutInSeconds
        };
    }
    if (alarms.length > 0)
        config.AutoRollbackConfiguration = { Alarms: alarms.map((AlarmName) => ({ AlarmName })) };
    return config;
}
/**
 * SageMaker carries the deployment out; the action judges the new fleet all
 * through it and hands its verdict to SageMaker through the verdict alarm,
 * beside alarm-names. The deployment ends succeeded only when the action
 * judged the new fleet healthy on evidence.
 */
async function runSageMakerRollout(ctx, deploy, deployment) {
    // The model exists already: deploy created it (or found it) before choosing the controller.
    const settings = deploy.rollout;
    const { variant, releaseConfig } = deployment;
    const variantName = variant.VariantName ?? '';
    const previousConfig = deployment.currentConfig.EndpointConfigName ?? '';
    if (!(0,rollout_gates/* hasGates */.x0)(settings.gates))
        ctx.warn(words/* NO_GATES_WARNING */.Ii);
    const record = (0,rollout_record/* startRolloutRecord */.H)(ctx, settings, {
        newVariant: variantName,
        previousConfig,
        source: (0,invocation_metrics/* metricsSourceOf */.er)(deployment.configSettings)
    });
    await (0,resources/* createEndpointConfig */.u7)(ctx, releaseConfig, [variant], { role: 'release', previousConfig }, deploy.tags, deployment.configSettings);
    const verdictTarget = { newConfig: releaseConfig, gateIntervalMs: settings.gateIntervalMs };
    // Without auto-rollback SageMaker is not told to roll back on the verdict; the action still judges and reports.
    const verdictAlarm = settings.autoRollback ? await (0,verdict_alarm/* createVerdictAlarm */.Fp)(ctx, verdictTarget) : undefined;
    const alarms = [...settings.gates.alarmNames, ...(verdictAlarm ? [verdictAlarm] : [])];
    const deploymentConfig = deploymentConfigFor(settings, ctx.settings.timeoutMs, alarms);
    record.plan = describePlan(settings, alarms);
    core/* info */.pq(`SageMaker runs the rollout, judged by the action: ${JSON.stringify(deploymentConfig)}`);
    if (!ctx.dryRun) {
        state/* nativeDeployment */.RS.save({
            endpointName: ctx.endpointName,
            region: ctx.settings.region,
            alarms: verdictAlarm ? [verdictAlarm] : []
        });
    }
    let ended = true;
    try {
        return await deployAndJudge(ctx, settings, deployment, { deploymentConfig, record });
    }
    catch (error) {
        // Still running when the run stopped watching: SageMaker needs the alarm until it is done; the post step deletes it.
        const alarm = verdictAlarm ? { name: verdictAlarm, target: verdictTarget } : undefined;
        if (await (0,verdict_alarm/* leaveToSageMaker */.h$)(ctx, error, alarm, () => deploymentGoesOn(ctx, releaseConfig)))
            ended = false;
        throw error;
    }
    finally {
        if (ended) {
            if (verdictAlarm)
                await (0,verdict_alarm/* deleteVerdictAlarm */.eI)(ctx, verdictAlarm);
            state/* nativeDeployment */.RS.clear();
        }
    }
}
/**
 * Whether SageMaker's deployment to `releaseConfig` goes on: the endpoint updating to it, or rolling back from it.
 * An update the run never got to send, or the action's own after SageMaker completed, is not it.
 */
async function deploymentGoesOn(ctx, releaseConfig) {
    const endpoint = await (0,src_endpoint/* findEndpoint */.vS)(ctx);
    if (endpoint?.EndpointStatus === 'RollingBack')
        return true;
    const updating = endpoint?.EndpointStatus === 'Updating';
    return updating && endpoint?.PendingDeploymentSummary?.EndpointConfigName === releaseConfig;
}
async function deployAndJudge(ctx, settings, deployment, sent) {
    const { variant, releaseConfig, currentConfig, endpoint } = deployment;
    const previousConfig = currentConfig.EndpointConfigName ?? '';
    // Blue/green provisions the whole new fleet beside the old; rolling, a batch at a time.
    const fleet = (0,resources/* fleetSize */.oE)([variant]);
    const newFleetInstances = settings.strategy === 'rolling' ? Math.min(fleet, rollingBatchInstances(settings, fleet)) : fleet;
    const batches = Math.ceil(fleet / Math.max(1, newFleetInstances));
    const step = {
        weight: settings.strategy === 'all-at-once' ? 100 : (settings.trafficSteps[0] ?? 100),
        startedAt: ctx.clock.now(),
        evaluations: [],
        verdict: 'in-progress'
    };
    if (!ctx.dryRun)
        sent.record.steps.push(step);
    const source = (0,invocation_metrics/* metricsSourceOf */.er)(deployment.configSettings);
    // All at once, the old fleet serves nothing once SageMaker shifts: its periods before the deploy are the baseline.
    const earlierBaseline = settings.strategy === 'all-at-once'
        ? await baselineBefore(ctx, { baselineVariants: [variant.VariantName ?? ''], deployStartedAt: step.startedAt, source }, settings)
        : undefined;
    const judge = new DeploymentJudge(ctx, settings, {
        variant: variant.VariantName ?? '',
        newConfig: releaseConfig,
        oldConfig: previousConfig,
        ...(earlierBaseline ? { earlierBaseline } : {}),
        source,
        ...(settings.strategy === 'rolling'
            ? { bakesMs: settings.bakeTimeMs, rollingBatches: batches }
            : { bakesMs: bakesAfterTrafficMs(settings) })
    }, step);
    let updated;
    try {
        ;
        ({ result: updated } = await (0,scaling/* withScalingMoved */.Dl)(ctx, { endpoint, current: currentConfig, target: [variant], targetName: releaseConfig }, () => (0,update/* updateEndpointConfig */.vG)(ctx, releaseConfig, {
            newFleetInstances,
            purpose: `SageMaker's ${settings.strategy} blue/green deployment to "${releaseConfig}"`,
            deploymentConfig: sent.deploymentConfig,
            forceWait: true,
            // SageMaker starts its own rollback when MaximumExecutionTimeout runs out: keep watching through it.
            waitTimeoutMs: ctx.settings.timeoutMs * 2,
            whileWaiting: judge.onPoll
        })));
    }
    catch (error) {
        const landed = error instanceof wait/* EndpointStateError */.D7 ? error.endpoint : undefined;
        if (!landed)
            throw error;
        return endedBySageMaker(landed, previousConfig, settings, await judge.conclude(), step, ctx);
    }
    if (!updated) {
        if (ctx.dryRun) {
            (0,plan/* planSageMakerDeployment */.hm)(ctx, settings, {
                description: sent.record.plan ?? '',
                newFleetInstances,
                batches,
                source: (0,invocation_metrics/* metricsSourceOf */.er)(deployment.configSettings)
            });
        }
        return { outcome: 'succeeded', decision: `Planned SageMaker's ${settings.strategy} deployment.`, failsStep: false };
    }
    await judge.judgeToTheEnd(ctx.clock.now());
    return completedBySageMaker(ctx, settings, deployment, await judge.conclude(), step);
}
/** SageMaker ended the deployment on the old config (rolled back) or could not. */
function endedBySageMaker(landed, previousConfig, settings, judged, step, ctx) {
    closeStep(ctx, step, judged);
    const onVerdict = judged.toldSageMaker && judged.reason ? ` on the action's verdict: ${judged.reason}` : '';
    const failure = landed.FailureReason ? withoutFullStop(landed.FailureReason) : undefined;
    const reason = failure ? (onVerdict ? ` (${failure})` : `: ${failure}`) : '';
    if (landed.EndpointStatus === 'InService' && landed.EndpointConfigName === previousConfig) {
        return {
            outcome: 'rolled-back',
            decision: `SageMaker rolled the deployment back to "${previousConfig}"${onVerdict}${reason}.`,
            healthy: false,
            failsStep: settings.failOnRollback
        };
    }
    return {
        outcome: 'failed',
        decision: landed.EndpointStatus === 'UpdateRollbackFailed'
            ? `SageMaker could not roll the deployment back (UpdateRollbackFailed)${reason}. The endpoint needs attention: update it to "${previousConfig}" once it can take updates.`
            : `The deployment ended ${landed.EndpointStatus ?? 'in an unknown state'} on "${landed.EndpointConfigName ?? ''}"${reason}.`,
        healthy: false,
        failsStep: true
    };
}
/**
 * SageMaker completed the deployment. Only a fleet the action judged healthy
 * on evidence is a success; otherwise the verdict came too late for
 * SageMaker, and the action returns the endpoint to the previous config itself.
 */
async function completedBySageMaker(ctx, settings, deployment, judged, step) {
    closeStep(ctx, step, judged);
    const variantName = deployment.variant.VariantName ?? '';
    if (judged.verdict === 'passed') {
        return {
            outcome: 'succeeded',
            decision: `SageMaker completed the ${settings.strategy} deployment and the action judged the new fleet healthy; ${variantName} serves all traffic on "${deployment.releaseConfig}".`,
            healthy: true,
            failsStep: false
        };
    }
    const previousConfig = deployment.currentConfig.EndpointConfigName ?? '';
    const failure = judged.verdict === 'failed'
        ? (judged.reason ?? 'the gates failed')
        : `the gates could not judge it: ${judged.reason}`;
    if (!settings.autoRollback) {
        return {
            outcome: 'failed',
            decision: `SageMaker completed the deployment, but ${failure}. auto-rollback is off, so it was left in place; run operation: rollback to return to "${previousConfig}".`,
            healthy: false,
            failsStep: true
        };
    }
    ctx.warn(`SageMaker completed the deployment, but ${failure}: returning to "${previousConfig}".`);
    await (0,executor/* switchBack */.gw)(ctx, previousConfig);
    return {
        outcome: 'rolled-back',
        decision: `Rolled back: SageMaker completed the deployment, but ${failure}. The endpoint is back on "${previousConfig}".`,
        healthy: false,
        failsStep: settings.failOnRollback
    };
}
function closeStep(ctx, step, judged) {
    step.endedAt = ctx.clock.now();
    step.verdict = judged.verdict;
    if (judged.reason)
        step.reason = judged.reason;
}
/**
 * How long a blue/green deployment bakes from the moment the new fleet first takes traffic, on the fewest bakes AWS's
 * pages allow (blueGreenBakes): the action must have decided by then.
 */
function bakesAfterTrafficMs(settings) {
    return (0,native_limits/* blueGreenBakes */.EI)(settings).fewest * settings.bakeTimeMs + (0,native_limits/* finalBakeGuardMs */.$M)(settings);
}
function withoutFullStop(text) {
    return text.trim().replace(/\.+$/, '');
}
/** The deployment SageMaker was asked for, in words, for the summary. */
function describePlan(settings, alarms) {
    const wait = (0,parse/* formatDuration */.a3)(settings.bakeTimeMs);
    // The final bake is longer by the time a dead runner's silence takes to reach SageMaker.
    const final = (0,parse/* formatDuration */.a3)((0,native_limits/* finalBakeMs */.kM)(settings));
    const first = settings.trafficSteps[0] ?? 100;
    const batch = settings.batchSize;
    const shift = settings.strategy === 'canary'
        ? `Asked SageMaker to send ${first}% of capacity to the new fleet, wait ${wait}, then move the rest and keep the old fleet ${final} more`
        : settings.strategy === 'linear'
            ? `Asked SageMaker to move traffic to the new fleet ${first}% of capacity at a time, ${wait} apart, and keep the old fleet ${final} after the last step`
            : settings.strategy === 'rolling'
                ? `Asked SageMaker to replace the fleet in batches of ${batch?.type === 'INSTANCE_COUNT' ? `${batch.value} instances` : `${batch?.value ?? 25}% of its capacity`}, ${wait} apart, without a second fleet`
                : `Asked SageMaker to move all traffic to the new fleet at once and keep the old fleet ${final} more`;
    const guard = alarms.length > 0 ? `, rolling back if ${alarms.join(', ')} goes into ALARM.` : ', with no alarms to roll back on.';
    return shift + guard;
}
/** The instances one rolling batch replaces. */
function rollingBatchInstances(settings, fleet) {
    const batch = settings.batchSize;
    if (!batch)
        return Math.max(1, Math.floor(fleet / 4));
    return batch.type === 'INSTANCE_COUNT' ? batch.value : Math.max(1, Math.floor((batch.value / 100) * fleet));
}

// EXTERNAL MODULE: ./src/serving-container.ts
var serving_container = __webpack_require__(6221);
;// CONCATENATED MODULE: ./src/rollout/latency-check.ts


/** How far back the serving variant's traffic is looked at. */
const LATENCY_CHECK_WINDOW_MS = 60 * 60_000;
/**
 * Refuses the latency gates when the serving variant took traffic in the last
 * hour and CloudWatch served no p99 of its ModelLatency. A variant with no
 * traffic proves nothing either way, and is let through: its rollout's own
 * minutes are judged as they come.
 */
async function refuseUnservedLatencyPercentile(ctx, gates, servingVariant, source) {
    const input = gates.maxLatencyP99Ms !== undefined
        ? 'max-latency-p99'
        : gates.maxLatencyP99Increase !== undefined
            ? 'max-latency-p99-increase'
            : undefined;
    if (!input)
        return;
    // What the endpoint publishes (an asynchronous one has no Invocations), in whole periods of it.
    const periodSeconds = Math.max(60, source.periodSeconds);
    const { start, end } = (0,metrics/* alignedWindow */.p1)(ctx.clock.now(), LATENCY_CHECK_WINDOW_MS, periodSeconds);
    const result = await (0,metrics/* fetchVariantMetrics */.pA)(ctx, {
        endpointName: ctx.endpointName,
        variants: [servingVariant],
        start,
        end,
        periodSeconds,
        source
    });
    const serving = result.variants[0];
    if (!serving || serving.invocations === 0 || serving.latencyP99Ms !== undefined)
        return;
    const published = serving.latencyAverageMs === undefined
        ? 'and no ModelLatency at all'
        : `and ModelLatency's average (${serving.latencyAverageMs.toFixed(1)} ms) but not its p99`;
    throw new parse/* InputError */.dz(input, `cannot be judged on endpoint "${ctx.endpointName}": its serving variant "${servingVariant}" took ${serving.invocations} requests in the last hour, ${published}, so CloudWatch serves this endpoint no p99 and every latency gate would be inconclusive; nothing was changed. Remove ${input} and name a CloudWatch alarm on ModelLatency's Average or Maximum in alarm-names instead`);
}

// EXTERNAL MODULE: ./src/expectations.ts
var expectations = __webpack_require__(1236);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commands/DescribeModelCommand.js
var DescribeModelCommand = __webpack_require__(5763);
// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/probes.ts + 2 modules
var probes = __webpack_require__(4476);
;// CONCATENATED MODULE: ./src/existing-model.ts
/**
 * model-name alone: a model that exists already, deployed as it is. It is
 * read before any change, so a name that names no model is refused then; it
 * gets no CreateModel, and since the run did not create it, no failure or
 * rollback of the run ever deletes it. Its description is returned: what
 * its containers run is judged with the rest.
 */




async function readExistingModel(ctx, deploy, modelName, sources) {
    let model;
    try {
        model = await (0,errors/* awsCall */.uF)('DescribeModel', `model "${modelName}"`, () => ctx.clients.sagemaker.send(new DescribeModelCommand/* DescribeModelCommand */.u({ ModelName: modelName })));
    }
    catch (error) {
        if (!(0,errors/* isNotFound */.c4)(error))
            throw error;
    }
    if (!model) {
        throw new Error(`Input "model-name": model "${modelName}" does not exist in ${ctx.settings.region}, and without image-uri, model-package-arn or framework a deploy creates no model; nothing was changed. Name a model that exists, or give image-uri (or model-package-arn, or framework) to create "${modelName}".`);
    }
    // Probes to it need a TargetModel exactly when it serves in MultiModel mode: refused now, not found by a rollback.
    const probe = deploy.rollout.gates.probe;
    if (probe) {
        (0,probes/* refuseProbeTargetMismatch */.wR)([{ name: modelName, multiModel: (0,serving_container/* servingContainer */._B)(model)?.Mode === 'MultiModel' }], probe.targetModel);
    }
    (0,serving_container/* recordSetting */.k1)(sources, 'Model', modelName, 'input model-name: an existing model, deployed as it is');
    ctx.note(`Model "${modelName}" exists: it is deployed as it is, without CreateModel.`);
    return model;
}

;// CONCATENATED MODULE: ./src/operations/deploy-blueprint.ts




async function blueprintFor(ctx, deploy, release, serving) {
    const sources = [];
    const { source } = deploy;
    let model;
    let newModel;
    if (source.kind === 'existing') {
        newModel = await readExistingModel(ctx, deploy, release.modelName, sources);
    }
    else {
        const modelSettings = (0,src_serving/* newModelSettings */.Tc)(deploy, serving, sources);
        model = { ...modelSettings, PrimaryContainer: await (0,src_serving/* newContainer */.Yh)(ctx, source, (0,src_serving/* newInstanceType */.WV)(deploy, serving)) };
        newModel = model;
    }
    const configSettings = (0,src_serving/* configOverrides */.G_)(deploy, (0,src_serving/* carriedConfigSettings */.E6)(serving?.config), sources);
    const blueprint = {
        release,
        ...(model ? { model } : {}),
        newModel,
        ...(serving ? { serving } : {}),
        configSettings,
        sources,
        variant: (name, weight) => (0,src_serving/* newVariant */.SF)(deploy, serving, { name, model: release.modelName, weight }, sources)
    };
    // The sources are complete once the variant is built: record them with its first use.
    blueprint.variant('AllTraffic', 1);
    ctx.report.settings = sources;
    return blueprint;
}
/**
 * What the gates can already judge is judged before anything is created: a
 * deploy into an endpoint whose alarm is firing would be rolled back at its
 * first evaluation, after minutes of provisioning for nothing.
 */
async function refuseFiringAlarms(ctx, alarmNames) {
    const alarms = await (0,src_alarms/* describeAlarmStates */.j)(ctx, alarmNames);
    const firing = alarms.filter((alarm) => alarm.state === 'ALARM');
    if (firing.length === 0)
        return alarms;
    const names = firing.map((alarm) => `"${alarm.name}"${alarm.reason ? ` (${alarm.reason})` : ''}`).join(', ');
    throw new Error(`Input "alarm-names": ${names} ${firing.length === 1 ? 'is' : 'are'} already in ALARM, so the new model could not pass its gates; nothing was created. Deploy once the alarm is OK.`);
}
/**
 * The names of what one deploy creates, unique to it (`suffix`): the model,
 * named after `modelBase` unless model-name says otherwise, and the configs.
 * Set as the model-name output at once, so a failed run still says it.
 */
function nameRelease(ctx, deploy, modelBase, suffix) {
    const release = {
        modelName: deploy.modelName ?? (0,naming/* derivedName */.Pr)(modelBase, suffix),
        releaseConfig: (0,naming/* derivedName */.Pr)(ctx.endpointName, suffix),
        canaryConfig: (0,naming/* derivedName */.Pr)(ctx.endpointName, `${suffix}-canary`),
        shadowConfig: (0,naming/* derivedName */.Pr)(ctx.endpointName, `${suffix}-shadow`)
    };
    ctx.output('model-name', release.modelName);
    return release;
}

// EXTERNAL MODULE: ./src/components/placement.ts
var placement = __webpack_require__(3707);
// EXTERNAL MODULE: ./src/components/component.ts + 2 modules
var components_component = __webpack_require__(1741);
;// CONCATENATED MODULE: ./src/components/judge.ts
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
    return baselineBefore(ctx, { baselineVariants: [component], deployStartedAt: before, source, fleets: { [component]: { component } } }, settings);
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
    /** Whether an evaluation passed on evidence: the update's step says so, never on silence. */
    passedOnce = false;
    failures = 0;
    rhythm;
    judge;
    log = new words/* EvaluationLog */.XQ();
    constructor(ctx, settings, judged, step, verdict) {
        this.ctx = ctx;
        this.settings = settings;
        this.step = step;
        this.verdict = verdict;
        // Probes would reach old copies as well as new ones: they judge only once every copy is new.
        const { probe: _probes, ...gates } = settings.gates;
        this.judge = new rollout_gates/* StepJudge */.AU(ctx, gates, {
            ...componentScope(judged.component),
            baselineVariants: [],
            source: judged.source,
            firstPeriod: (0,periods/* floorPeriod */.eG)(step.startedAt, (0,periods/* periodMsOf */.J8)(judged.source)),
            baselineServes: false,
            earlierBaseline: judged.earlierBaseline
        });
        this.rhythm = new JudgingRhythm(ctx, settings.gateIntervalMs, verdict);
        this.rhythm.evaluateFrom(step.startedAt + settings.gateIntervalMs);
    }
    onPoll = () => this.rhythm.poll(() => this.evaluate(), () => (this.failure === undefined ? 'judging' : 'failed'), this.failure === undefined);
    /** Waits for an evaluation still running as the update ends: its verdict counts too. */
    settle() {
        return this.rhythm.settle();
    }
    async evaluate() {
        const evaluation = await this.judge.evaluate();
        this.step.evaluations.push(evaluation);
        core/* info */.pq(this.log.line(String(this.step.evaluations.length), (0,words/* stepPlace */.qN)(this.step), evaluation));
        if (evaluation.verdict === 'failed') {
            this.failures++;
            if (this.failures >= this.settings.failureThreshold) {
                this.failure = (0,words/* failedStepReason */.om)(this.failures, (0,words/* stepPlace */.qN)(this.step), evaluation);
                const acted = this.verdict ? 'SageMaker rolls back on the verdict alarm' : 'auto-rollback is off';
                this.ctx.warn(`The inference component failed its gates during the update: ${this.failure}; ${acted}.`);
            }
        }
        else if (evaluation.verdict === 'passed') {
            this.failures = 0;
            this.passedOnce = true;
        }
    }
}
/**
 * The new copies alone, once SageMaker has replaced every copy: from the
 * first whole period after the update, for bake-time and until CloudWatch
 * has published what it exposed, as a step of the action's own canary.
 */
async function judgeNewCopies(ctx, settings, judged, step) {
    const judge = new rollout_gates/* StepJudge */.AU(ctx, settings.gates, {
        ...componentScope(judged.component),
        baselineVariants: [],
        source: judged.source,
        firstPeriod: (0,periods/* ceilPeriod */.PB)(step.startedAt, (0,periods/* periodMsOf */.J8)(judged.source)),
        baselineServes: false,
        earlierBaseline: judged.earlierBaseline
    });
    return (0,bake/* bake */.Wq)(ctx, settings, judge, step, { consecutive: 0 });
}

// EXTERNAL MODULE: ./src/components/moves.ts
var components_moves = __webpack_require__(6586);
;// CONCATENATED MODULE: ./src/components/refusals.ts

/**
 * A component defined by its container (an image and artifacts, no model) is carried by no record of the action:
 * the way back it keeps names a model (components/record.ts), and a rollback to a specification with neither would
 * be refused by SageMaker half-way.
 */
function refuseContainerComponent(component) {
    if ((0,components_component/* modelOf */.DM)(component) || !component.Specification?.Container)
        return;
    throw new Error(`Inference component "${component.InferenceComponentName}" is defined by its container (an image and artifacts), not by a model, and the action can only roll, and return to, a component that names its model. Nothing was changed. Create the model (CreateModel) and update the component to name it, or deploy the new model as a new inference component.`);
}
/**
 * A deploy of the model the component runs already: nothing to deploy, unless the inputs ask for other settings,
 * which a deploy would not apply (refused). Copies that differ are a warning: autoscaling may have moved them since
 * the inputs were written, and a re-run must not fail on that.
 */
function alreadyRunning(ctx, name, model, from, target) {
    refuseSettingsAlone(name, model, from, target);
    if (from.copies !== target.copies) {
        ctx.warn(`Inference component "${name}" runs ${from.copies} copies, not the ${target.copies} of copy-count; a deploy of the model it runs already changes nothing. Change the copies with operation: update-capacity.`);
    }
    return {
        outcome: 'succeeded',
        decision: `Inference component "${name}" already runs model "${model}"; nothing to deploy.`,
        failsStep: false
    };
}
/** Scaled to zero (CopyCount may be 0: API_InferenceComponentRuntimeConfig): no copy to replace, none to judge. */
function refuseScaledToZero(name, from) {
    if (from.copies !== 0)
        return;
    throw new Error(`Inference component "${name}" runs no copies (scaled to zero): SageMaker's rolling update would have no copy to replace, and the new model none to be judged on. Nothing was changed. Scale it up first (operation: update-capacity, copy-count: 2 or more), then deploy.`);
}
/**
 * The model the component runs already, asked for with other compute or start-up settings: a deploy releases a new
 * model, and would report "nothing to deploy" while the settings stayed as they were. Refused, naming them.
 */
function refuseSettingsAlone(name, model, from, target) {
    const changed = [
        ...(asServing(target.specification.ComputeResourceRequirements, from.specification.ComputeResourceRequirements)
            ? []
            : ['the compute per copy (memory-per-copy, accelerators-per-copy, cpu-cores-per-copy)']),
        ...(asServing(target.specification.StartupParameters, from.specification.StartupParameters)
            ? []
            : ['the start-up timeouts (model-data-download-timeout, container-startup-timeout)'])
    ];
    if (changed.length === 0)
        return;
    throw new Error(`Inference component "${name}" already runs model "${model}", and the inputs change only ${changed.join(' and ')}: a deploy releases a new model, so nothing was changed. To run the model with other settings, deploy it under a new model-name, which rolls its copies and judges them.`);
}
/**
 * Whether every field the new settings name holds what the serving component has: fields SageMaker describes that
 * the inputs do not set (MaxMemoryRequiredInMb, say) change nothing, so a re-run with the same inputs is no change.
 */
function asServing(wanted, serving) {
    const has = (serving ?? {});
    return Object.entries(wanted ?? {}).every(([key, value]) => value === undefined || has[key] === value);
}

// EXTERNAL MODULE: ./src/report.ts
var report = __webpack_require__(665);
;// CONCATENATED MODULE: ./src/components/added-instances.ts


/** Often enough that a launched instance's minutes are not missed, rarely enough to be one read among many. */
const SAMPLE_INTERVAL_MS = 30_000;
class AddedInstances {
    ctx;
    variant;
    before;
    last;
    constructor(ctx, variant, before) {
        this.ctx = ctx;
        this.variant = variant;
        this.before = before;
    }
    /**
     * Reads the count the endpoint runs before the update; the summary states the hours even when none are added.
     * Undefined when the count cannot be read: nothing is then measured, rather than the whole fleet counted as added.
     */
    static async start(ctx, variant) {
        const before = await instancesOf(ctx, variant).catch(() => undefined);
        if (before === undefined)
            return undefined;
        const meter = new AddedInstances(ctx, variant, before);
        ctx.report.addedInstanceHours ??= 0;
        ctx.report.addedInstancesBy = 'instances managed instance scaling launched for the rolling update';
        meter.last = { at: ctx.clock.now(), extra: 0 };
        return meter;
    }
    /** A read of the count, when the last is SAMPLE_INTERVAL_MS old; a failed read only skips one sample. */
    sample = async () => {
        const now = this.ctx.clock.now();
        if (this.last && now - this.last.at < SAMPLE_INTERVAL_MS)
            return;
        const count = await instancesOf(this.ctx, this.variant).catch(() => undefined);
        if (count === undefined)
            return;
        this.close(now);
        this.last = { at: now, extra: Math.max(0, count - this.before) };
    };
    /** The update has ended: the last count read is held until now. */
    finish() {
        this.close(this.ctx.clock.now());
        this.last = undefined;
    }
    close(now) {
        if (this.last)
            (0,report/* addInstanceTime */.o6)(this.ctx.report, this.last.extra * (now - this.last.at));
    }
}
/** An instance is paid from its launch: the desired count leads the current one while instances come up. */
async function instancesOf(ctx, variant) {
    const endpoint = await (0,src_endpoint/* findEndpoint */.vS)(ctx);
    const summary = endpoint?.ProductionVariants?.find((candidate) => candidate.VariantName === variant);
    if (summary?.CurrentInstanceCount === undefined)
        return undefined;
    return Math.max(summary.CurrentInstanceCount, summary.DesiredInstanceCount ?? 0);
}

// EXTERNAL MODULE: ./src/components/capacity.ts
var capacity = __webpack_require__(3398);
// EXTERNAL MODULE: ./src/components/requests.ts + 2 modules
var requests = __webpack_require__(856);
;// CONCATENATED MODULE: ./src/components/plan.ts







/** One move in words, with the copies and batches it involves, for the plan and the log. */
function describeComponentMove(move, settings) {
    const bake = (0,parse/* formatDuration */.a3)(settings.bakeTimeMs);
    switch (move.kind) {
        case 'create-endpoint':
            return `Create endpoint config "${move.config}" for inference components (${(0,parse/* counted */.hS)(move.variant.InitialInstanceCount ?? 1, 'instance')} of ${move.variant.InstanceType ?? ''}${scalingWords(move.variant)}, no model on the variant) and the endpoint on it.`;
        case 'create-component':
            return `Create the component on variant ${move.variant} with ${(0,parse/* counted */.hS)(move.target.copies, 'copy', 'copies')} of model "${move.target.specification.ModelName ?? ''}", each reserving ${computeWords(move.target)}.`;
        case 'roll-component':
            return `SageMaker's rolling update from model "${move.from.specification.ModelName ?? ''}" to "${move.target.specification.ModelName ?? ''}": ${(0,parse/* counted */.hS)(move.rolling.batches, 'batch', 'batches')} of ${(0,parse/* counted */.hS)(move.rolling.batchCopies, 'copy', 'copies')}, each placed then baked ${bake} with the alarms watched; up to ${move.from.copies + move.rolling.batchCopies} copies at once (${move.from.copies} old + ${move.rolling.batchCopies} new), each reserving ${computeWords(move.target)}; a rollback brings the old copies back ${(0,parse/* counted */.hS)(move.rolling.rollbackCopies, 'copy', 'copies')} at a time, ${move.rolling.peakCopies} copies at once should it begin as the last batch bakes. The action judges the whole component every ${(0,parse/* formatDuration */.a3)(settings.gateIntervalMs)} against its minutes before the update, and SageMaker rolls back on its verdict alarm.`;
        case 'judge-component':
            return `Judge the new copies alone for ${bake}, from the first whole period after the update; a failure rolls the component back.`;
        case 'restore-component':
            return move.rolling
                ? `Return the component to model "${move.target.specification.ModelName ?? ''}" with ${(0,parse/* counted */.hS)(move.target.copies, 'copy', 'copies')}, ${(0,parse/* counted */.hS)(move.rolling.batchCopies, 'copy', 'copies')} a batch.`
                : `Return the component to model "${move.target.specification.ModelName ?? ''}" with ${(0,parse/* counted */.hS)(move.target.copies, 'copy', 'copies')}, all at once (one copy cannot roll in batches).`;
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
    return (0,capacity/* describeCompute */.XR)({
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
            await (0,requests/* recordWhereRollbackReturns */.Sb)(ctx, rollout, move.from);
            const verdict = { newConfig: rollout.verdictKey, gateIntervalMs: settings.gateIntervalMs };
            const alarm = settings.autoRollback ? await (0,verdict_alarm/* createVerdictAlarm */.Fp)(ctx, verdict) : undefined;
            await (0,requests/* sendMove */.c)(ctx, rollout, move, settings, [...settings.gates.alarmNames, ...(alarm ? [alarm] : [])]);
            durationMs += move.rolling.batches * (native_limits/* PROVISIONING_ESTIMATE_MS */.a6 + settings.bakeTimeMs);
            continue;
        }
        if (move.kind === 'create-endpoint' || move.kind === 'create-component') {
            durationMs += native_limits/* PROVISIONING_ESTIMATE_MS */.a6;
        }
        else if (move.kind === 'judge-component') {
            durationMs += settings.bakeTimeMs;
        }
        await (0,requests/* sendMove */.c)(ctx, rollout, move, settings, settings.gates.alarmNames);
    }
    (0,plan/* recordPlan */.BJ)(ctx, {
        schedule: moves.map((move) => describeComponentMove(move, settings)),
        gates: (0,rollout_gates/* describeGates */.yg)(settings.gates, rollout.source),
        durationMs,
        instanceMs: 0
    });
}

;// CONCATENATED MODULE: ./src/components/rollout.ts
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
    let ended;
    for (const move of moves) {
        ended = await perform(ctx, settings, rollout, move, record);
        if (ended)
            break;
    }
    const component = await (0,components_component/* findComponent */.Tn)(ctx, rollout.component);
    // The endpoint's variants name no model: the summary says what the component runs now.
    ctx.note(describeComponent(rollout.component, component));
    return (ended ?? {
        outcome: 'succeeded',
        decision: `Every copy of inference component "${rollout.component}" runs model "${(0,components_component/* modelOf */.DM)(component) ?? ''}", judged healthy on its own.`,
        healthy: true,
        failsStep: false
    });
}
function describeComponent(name, component) {
    if (!component)
        return `Inference component "${name}" is gone.`;
    const copies = component.RuntimeConfig;
    return `Inference component "${name}" is ${component.InferenceComponentStatus ?? 'unknown'}: ${copies?.CurrentCopyCount ?? 0} of ${copies?.DesiredCopyCount ?? 0} copies of model "${(0,components_component/* modelOf */.DM)(component) ?? ''}".`;
}
function startComponentRecord(ctx, settings, rollout) {
    const record = {
        controller: 'sagemaker',
        strategy: 'rolling',
        newVariant: `component ${rollout.component}`,
        ...(settings.gates.maxErrorRate !== undefined ? { maxErrorRate: settings.gates.maxErrorRate } : {}),
        gates: (0,rollout_gates/* describeGates */.yg)(settings.gates, rollout.source),
        steps: []
    };
    ctx.report.rollout = record;
    return record;
}
async function perform(ctx, settings, rollout, move, record) {
    switch (move.kind) {
        case 'create-endpoint':
            await (0,requests/* sendMove */.c)(ctx, rollout, move, settings);
            await core/* group */.Os(`Creating endpoint "${ctx.endpointName}" for inference components`, () => (0,wait/* waitForInService */.pP)(ctx, move.config, `the creation of endpoint "${ctx.endpointName}"`));
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
async function createAndWait(ctx, settings, rollout, move) {
    await (0,requests/* sendMove */.c)(ctx, rollout, move, settings);
    const created = await core/* group */.Os(`Creating inference component "${rollout.component}"`, () => (0,components_component/* waitForComponent */.mt)(ctx, rollout.component, `the creation of inference component "${rollout.component}"`));
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
    await (0,requests/* recordWhereRollbackReturns */.Sb)(ctx, rollout, move.from);
    const verdict = { newConfig: rollout.verdictKey, gateIntervalMs: settings.gateIntervalMs };
    const alarm = settings.autoRollback ? await (0,verdict_alarm/* createVerdictAlarm */.Fp)(ctx, verdict) : undefined;
    const step = { weight: 100, startedAt: ctx.clock.now(), evaluations: [], verdict: 'in-progress' };
    record.steps.push(step);
    const judge = new ComponentUpdateJudge(ctx, settings, rollout, step, alarm ? verdict : undefined);
    // A cancelled run's post step deletes the alarm once SageMaker is done with it.
    if (alarm) {
        state/* nativeDeployment */.RS.save({
            endpointName: ctx.endpointName,
            region: ctx.settings.region,
            alarms: [alarm],
            component: rollout.component
        });
    }
    let ended;
    let settled = true;
    const added = await AddedInstances.start(ctx, rollout.variant);
    try {
        await (0,requests/* sendMove */.c)(ctx, rollout, move, settings, [...settings.gates.alarmNames, ...(alarm ? [alarm] : [])]);
        ended = await core/* group */.Os(`SageMaker's rolling update of "${rollout.component}", judged by the action`, () => (0,components_component/* waitForComponent */.mt)(ctx, rollout.component, `the rolling update of "${rollout.component}"`, {
            // SageMaker rolls back by itself when MaximumExecutionTimeout runs out: keep watching through that.
            timeoutMs: ctx.settings.timeoutMs * 2,
            whileWaiting: async () => {
                await added?.sample();
                return judge.onPoll();
            }
        }));
        await judge.settle();
    }
    catch (error) {
        // Still running when the run stopped watching: SageMaker needs the alarm until it is done; the post step deletes it.
        // The component's rolling update is the only change under way while it is Updating: the run holds the lock.
        const goesOn = async () => (await (0,components_component/* findComponent */.Tn)(ctx, rollout.component))?.InferenceComponentStatus === 'Updating';
        const kept = alarm ? { name: alarm, target: verdict } : undefined;
        if (await (0,verdict_alarm/* leaveToSageMaker */.h$)(ctx, error, kept, goesOn))
            settled = false;
        throw error;
    }
    finally {
        added?.finish();
        if (alarm && settled) {
            await (0,verdict_alarm/* deleteVerdictAlarm */.eI)(ctx, alarm);
            state/* nativeDeployment */.RS.clear();
        }
    }
    step.endedAt = ctx.clock.now();
    const model = (0,components_component/* modelOf */.DM)(ended);
    if (ended?.InferenceComponentStatus === 'InService' && model === move.target.specification.ModelName) {
        // Not the last word either way: the new copies alone are judged next.
        step.verdict = judge.failure ? 'failed' : judge.passedOnce ? 'passed' : 'inconclusive';
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
async function judgeOrGoBack(ctx, settings, rollout, record) {
    const step = { weight: 100, startedAt: ctx.clock.now(), evaluations: [], verdict: 'in-progress' };
    record.steps.push(step);
    // By now CloudWatch has published the minutes just before the deploy, which it had not when the deploy began.
    const earlierBaseline = rollout.from
        ? await componentBaseline(ctx, settings, rollout.component, rollout.source, rollout.startedAt)
        : [];
    const verdict = await core/* group */.Os(`Judging the new copies of "${rollout.component}" alone for ${(0,parse/* formatDuration */.a3)(settings.bakeTimeMs)}`, () => judgeNewCopies(ctx, settings, { ...rollout, earlierBaseline }, step));
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
            decision: `${failure}, and the rollback failed: ${(0,errors/* errorMessage */.gJ)(error)}`,
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
    const moves = (0,components_moves/* componentRollbackMoves */.sq)(rollout.from, settings.rollbackBatchSize ?? settings.batchSize);
    core/* info */.pq(`Rollback plan:\n${moves.map((move, index) => `  ${index + 1}. ${describeComponentMove(move, settings)}`).join('\n')}`);
    for (const move of moves) {
        await (0,requests/* sendMove */.c)(ctx, rollout, move, settings, settings.gates.alarmNames);
        const ended = await (0,components_component/* waitForComponent */.mt)(ctx, rollout.component, `the rollback of "${rollout.component}"`);
        if (move.kind === 'restore-component' && (0,components_component/* modelOf */.DM)(ended) !== move.target.specification.ModelName) {
            throw new Error(`inference component "${rollout.component}" ended ${ended?.InferenceComponentStatus ?? 'gone'} on model "${(0,components_component/* modelOf */.DM)(ended) ?? ''}"${reasonOf(ended)}`);
        }
    }
}
function reasonOf(component) {
    return component?.FailureReason ? ` (${component.FailureReason.trim().replace(/\.+$/, '')})` : '';
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commands/DeleteEndpointCommand.js
var DeleteEndpointCommand = __webpack_require__(9813);
// EXTERNAL MODULE: ./src/rollout/in-flight.ts
var in_flight = __webpack_require__(5453);
// EXTERNAL MODULE: ./src/rollout/moves.ts
var rollout_moves = __webpack_require__(5307);
;// CONCATENATED MODULE: ./src/operations/deploy-paths.ts
/**
 * The ways a deploy goes: a new endpoint created on its first model, an
 * existing one replaced all at once, or a canary or linear rollout run by
 * the action. deploy.ts chooses; each path here makes its configs and
 * returns how it ended.
 */




















/** Saved as it grows: the post step of a cancelled run deletes whatever of it nothing runs on. */
function track(ctx, created) {
    if (ctx.dryRun)
        return;
    state/* unfinishedDeploy */.Jh.save({
        endpointName: ctx.endpointName,
        region: ctx.settings.region,
        models: [...created.models],
        configs: [...created.configs]
    });
}
/**
 * The model the new variant names: created, or found already made by this
 * run (a retry) or by an earlier run of the same inputs (model-name); an
 * existing model deployed as it is needs nothing.
 */
async function provideModel(ctx, deploy, blueprint, created) {
    if (!blueprint.model)
        return;
    await (0,resources/* ensureModel */.aI)(ctx, blueprint.release.modelName, blueprint.model, {
        tags: deploy.tags,
        reuseByName: deploy.modelName !== undefined,
        created,
        onRecord: () => track(ctx, created)
    });
}
/**
 * A new endpoint has nothing to shift traffic from: its first model takes all
 * of it. Returns nothing when there is nothing to judge yet (a dry run, or
 * not waiting for the endpoint).
 */
async function createEndpoint(ctx, deploy, blueprint) {
    const { release } = blueprint;
    if (deploy.rollout.strategy !== 'all-at-once') {
        ctx.note(`Endpoint "${ctx.endpointName}" is new, so its first model takes all traffic; the ${deploy.rollout.strategy} rollout applies from the next deploy.`);
    }
    const variantName = deploy.variantName ?? 'AllTraffic';
    ctx.output('variant-name', variantName);
    const created = { models: [], configs: [release.releaseConfig] };
    track(ctx, created);
    await provideModel(ctx, deploy, blueprint, created);
    const variants = [blueprint.variant(variantName, 1)];
    await (0,resources/* createEndpointConfig */.u7)(ctx, release.releaseConfig, variants, { role: 'release' }, deploy.tags, blueprint.configSettings);
    await (0,resources/* createEndpointOn */.d_)(ctx, release.releaseConfig, deploy.tags);
    ctx.output('endpoint-config-name', release.releaseConfig);
    if (ctx.dryRun) {
        (0,plan/* planAllAtOnce */.xW)(ctx, deploy.rollout, {
            variant: variantName,
            releaseConfig: release.releaseConfig,
            fleet: (0,resources/* fleetSize */.oE)(variants),
            source: (0,invocation_metrics/* metricsSourceOf */.er)(blueprint.configSettings)
        });
        return undefined;
    }
    if (!ctx.settings.waitForCompletion)
        return undefined;
    const endpoint = await core/* group */.Os(`Creating endpoint "${ctx.endpointName}"`, () => (0,wait/* waitForInService */.pP)(ctx, release.releaseConfig, `the creation of endpoint "${ctx.endpointName}"`))
        .catch(async (error) => {
        throw await removeFailedEndpoint(ctx, error, created);
    });
    await (0,src_endpoint/* reportEndpoint */.Us)(ctx, endpoint);
    return judgeAllAtOnce(ctx, deploy.rollout, {
        variant: variantName,
        baselineVariants: [],
        deployStartedAt: ctx.clock.now(),
        source: (0,invocation_metrics/* metricsSourceOf */.er)(blueprint.configSettings)
    });
}
/**
 * A new endpoint that ended Failed never served, and "DeleteEndpoint is the only operation that can be performed on
 * a failed endpoint" (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DescribeEndpoint.html,
 * EndpointStatus): left as it is, it refuses every later deploy. It is deleted, with the config and model this run
 * made for it, so that deploying the fixed model is a re-run. Returns the error to throw.
 */
async function removeFailedEndpoint(ctx, error, created) {
    if (!(error instanceof wait/* EndpointStateError */.D7) || error.endpoint?.EndpointStatus !== 'Failed')
        return error;
    const input = { EndpointName: ctx.endpointName };
    try {
        await ctx.change('DeleteEndpoint', `endpoint "${ctx.endpointName}"`, input, () => ctx.clients.sagemaker.send(new DeleteEndpointCommand/* DeleteEndpointCommand */.o(input)));
        const remaining = await (0,wait/* waitForSettled */.SG)(ctx, `the deletion of failed endpoint "${ctx.endpointName}"`);
        if (remaining)
            throw new Error(`it is ${remaining.EndpointStatus}`);
    }
    catch (deletion) {
        return new wait/* EndpointStateError */.D7(`${error.message} The failed endpoint could not be deleted (${(0,errors/* errorMessage */.gJ)(deletion)}); SageMaker allows nothing else on it, so delete it (operation: delete) before deploying again.`, error.endpoint);
    }
    const deleted = await (0,resources/* discardUnused */.VL)(ctx, created);
    const alsoDeleted = [
        ...deleted.configs.map((name) => `config "${name}"`),
        ...deleted.models.map((name) => `model "${name}"`)
    ];
    return new wait/* EndpointStateError */.D7(`${error.message} The endpoint never served, and SageMaker allows nothing on a failed endpoint but its deletion: it was deleted${alsoDeleted.length > 0 ? `, with ${alsoDeleted.join(' and ')}` : ''}, so deploying again starts afresh.`, error.endpoint);
}
/**
 * One new config with only the new model. SageMaker itself keeps the old
 * fleet serving until the new one is healthy, and rolls back if it is not;
 * the gates then judge the new model for one bake-time.
 */
async function replaceAllAtOnce(ctx, deploy, blueprint, endpoint, currentConfig, deployStartedAt) {
    const { release } = blueprint;
    const variantName = (0,naming/* replacementVariantName */.B5)(deploy.variantName, endpoint.ProductionVariants ?? []);
    ctx.output('variant-name', variantName);
    const variants = [blueprint.variant(variantName, 1)];
    const previousConfig = currentConfig.EndpointConfigName ?? '';
    await (0,resources/* createEndpointConfig */.u7)(ctx, release.releaseConfig, variants, { role: 'release', previousConfig }, deploy.tags, blueprint.configSettings);
    let updated;
    try {
        ;
        ({ result: updated } = await (0,scaling/* withScalingMoved */.Dl)(ctx, { endpoint, current: currentConfig, target: variants, targetName: release.releaseConfig }, (mustWait) => core/* group */.Os(`Updating endpoint "${ctx.endpointName}" to "${release.releaseConfig}"`, () => (0,update/* updateEndpointConfig */.vG)(ctx, release.releaseConfig, {
            newFleetInstances: (0,resources/* fleetSize */.oE)(variants),
            purpose: `the update to "${release.releaseConfig}"`,
            forceWait: mustWait
        }))));
    }
    catch (error) {
        const failed = (0,rollout_result/* failedUpdateResult */.Ci)(error);
        if (failed)
            return failed;
        throw error;
    }
    if (!updated) {
        ctx.output('endpoint-config-name', release.releaseConfig);
        if (ctx.dryRun) {
            (0,plan/* planAllAtOnce */.xW)(ctx, deploy.rollout, {
                variant: variantName,
                releaseConfig: release.releaseConfig,
                fleet: (0,resources/* fleetSize */.oE)(variants),
                previousConfig,
                source: (0,invocation_metrics/* metricsSourceOf */.er)(blueprint.configSettings)
            });
        }
        return undefined;
    }
    await (0,src_endpoint/* reportEndpoint */.Us)(ctx, updated);
    return judgeAllAtOnce(ctx, deploy.rollout, {
        variant: variantName,
        previousConfig,
        baselineVariants: (endpoint.ProductionVariants ?? []).map((variant) => variant.VariantName ?? ''),
        deployStartedAt,
        source: (0,invocation_metrics/* metricsSourceOf */.er)(blueprint.configSettings)
    });
}
/**
 * The new variant's name for the canary phase, beside the serving variants:
 * variant-name, else one derived from the model. It needs a name none of
 * them has; at the release it takes the serving variant's.
 */
function canaryVariantFor(ctx, deploy, release, endpoint) {
    const serving = (endpoint.ProductionVariants ?? []).map((variant) => variant.VariantName ?? '');
    const name = (0,naming/* canaryVariantName */.Vo)(deploy.variantName, release.modelName, serving);
    if (serving.includes(name)) {
        throw new Error(`Input "variant-name": endpoint "${ctx.endpointName}" already has a variant "${name}"; the new variant serves beside it during the canary and needs a name of its own (the release then names it after the serving variant).`);
    }
    return name;
}
/**
 * The serving variants as the canary config holds them: their definitions
 * whole, at the instances they serve with now (autoscaling may have moved them
 * from their config's initial counts) and their shares of the traffic.
 */
function servingDefinitions(endpoint, currentConfig, shares) {
    return (endpoint.ProductionVariants ?? []).map((variant, index) => {
        const definition = currentConfig.ProductionVariants?.find((candidate) => candidate.VariantName === variant.VariantName);
        const count = (0,src_endpoint/* liveInstanceCount */.xZ)(variant);
        return {
            // Sent back whole, but for empty structures a describe may answer: CreateEndpointConfig may refuse them.
            ...(0,serving_container/* withoutEmptyFields */.bX)(definition ?? {}),
            VariantName: variant.VariantName ?? '',
            InitialVariantWeight: (shares[index]?.share ?? 0) * 100,
            ...(count ? { InitialInstanceCount: count } : {})
        };
    });
}
/**
 * Canary and linear run by the action: the new variant joins at weight 0
 * beside the serving ones, which keep the instance counts they serve with now.
 * The release names it after the serving variant, so what is keyed on that
 * name (alarms, dashboards, autoscaling) covers the new model.
 */
async function startProgressiveRollout(ctx, deploy, blueprint, endpoint, currentConfig) {
    const { release } = blueprint;
    const serving = endpoint.ProductionVariants ?? [];
    const newVariant = canaryVariantFor(ctx, deploy, release, endpoint);
    const weights = serving.map((variant) => variant.CurrentWeight ?? variant.DesiredWeight ?? 0);
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    const oldVariants = serving.map((variant, index) => ({
        name: variant.VariantName ?? '',
        share: total > 0 ? weights[index] / total : 1 / serving.length
    }));
    const oldDefinitions = servingDefinitions(endpoint, currentConfig, oldVariants);
    const inFlight = {
        previousConfig: currentConfig.EndpointConfigName ?? '',
        canaryConfig: release.canaryConfig,
        newVariant,
        stableVariant: (0,in_flight/* stableVariantOf */.Or)(oldDefinitions, newVariant),
        oldVariants,
        releaseConfig: release.releaseConfig,
        userTags: deploy.tags,
        held: [],
        source: (0,invocation_metrics/* metricsSourceOf */.er)(blueprint.configSettings),
        ...(deploy.source.kind === 'existing' ? { modelAsIs: true } : {}),
        ...(deploy.rollout.shadowPercent !== undefined ? { shadowConfig: release.shadowConfig } : {})
    };
    (0,rollout_record/* startRolloutRecord */.H)(ctx, deploy.rollout, inFlight);
    const newVariantDefinition = blueprint.variant(newVariant, 0);
    inFlight.newVariantInstances = (0,resources/* fleetSize */.oE)([newVariantDefinition]);
    const moves = (0,rollout_moves/* deployMoves */.sX)({
        steps: deploy.rollout.trafficSteps,
        canaryVariants: [...oldDefinitions, newVariantDefinition],
        release: { ...newVariantDefinition, VariantName: inFlight.stableVariant, InitialVariantWeight: 1 },
        configSettings: blueprint.configSettings,
        ...shadowPhase(deploy.rollout, oldDefinitions[0], newVariantDefinition, blueprint.configSettings)
    });
    return (0,executor/* carryOut */.u0)(ctx, deploy.rollout, inFlight, moves, { endpoint, current: currentConfig });
}
/** The shadow phase's moves, when shadow-percent asks for one (refused earlier where it cannot run). */
function shadowPhase(rollout, serving, newVariant, configSettings) {
    const percent = rollout.shadowPercent;
    if (percent === undefined || !serving)
        return {};
    const capture = rollout.gates.agreement ? (0,shadow/* captureOf */.uS)(configSettings) : undefined;
    return {
        shadow: {
            config: (0,shadow/* shadowConfigMove */.w0)({ serving, newVariant, percent, configSettings }),
            judge: { kind: 'judge-shadow', percent, ...(capture ? { capture } : {}) }
        }
    };
}

;// CONCATENATED MODULE: ./src/operations/deploy-component.ts

















async function deployComponent(ctx, deploy, settings) {
    await refuseFiringAlarms(ctx, deploy.rollout.gates.alarmNames);
    const endpoint = await (0,wait/* waitUntilUpdatable */.we)(ctx);
    const config = endpoint ? await (0,src_endpoint/* getEndpointConfig */.s3)(ctx, endpoint.EndpointConfigName ?? '') : undefined;
    if (config)
        refuseEndpointWithModels(ctx, config);
    const serving = endpoint ? await servingComponent(ctx, settings.name) : undefined;
    const suffix = (0,naming/* uniqueSuffix */.v_)(ctx.clock.now());
    const release = nameRelease(ctx, deploy, settings.name, suffix);
    if (serving)
        refuseContainerComponent(serving);
    const servingModel = serving ? await (0,resources/* findModel */.P6)(ctx, (0,components_component/* modelOf */.DM)(serving) ?? '') : undefined;
    const blueprint = await blueprintFor(ctx, deploy, release, servingModel && endpoint && config
        ? { endpoint, config, primary: config.ProductionVariants?.[0] ?? {}, model: servingModel }
        : undefined);
    const from = serving ? stateOf(serving) : undefined;
    const target = {
        specification: specificationFor(deploy, settings, release.modelName, serving),
        copies: settings.copyCount ?? serving?.RuntimeConfig?.DesiredCopyCount ?? 1
    };
    if (from && (0,components_component/* modelOf */.DM)(serving) === release.modelName) {
        return (0,rollout_result/* concludeRollout */.NS)(ctx, alreadyRunning(ctx, settings.name, release.modelName, from, target));
    }
    if (from)
        refuseScaledToZero(settings.name, from);
    const rolling = from ? rollingFor(deploy, target.copies) : undefined;
    const siblings = endpoint ? await siblingsOf(ctx, settings.name) : [];
    const newVariant = endpoint ? undefined : componentVariant(deploy, settings, blueprint.variant('AllTraffic', 1));
    refuseWhatCannotBeHeld(ctx, { settings, config, endpoint, newVariant, siblings, from, target, rolling });
    if (rolling)
        refuseShortTimeout(ctx, deploy, rolling);
    nameAdapters(ctx, settings.name, siblings);
    const rollout = {
        component: settings.name,
        variant: newVariant?.VariantName ?? config?.ProductionVariants?.[0]?.VariantName ?? 'AllTraffic',
        ...(from ? { from } : {}),
        verdictKey: (0,naming/* derivedName */.Pr)(settings.name, suffix),
        source: (0,invocation_metrics/* metricsSourceOf */.er)(config ?? {}),
        userTags: deploy.tags,
        startedAt: ctx.clock.now(),
        earlierBaseline: from
            ? await componentBaseline(ctx, deploy.rollout, settings.name, (0,invocation_metrics/* metricsSourceOf */.er)(config ?? {}), ctx.clock.now())
            : []
    };
    const moves = (0,components_moves/* componentDeployMoves */.xN)({
        ...(newVariant
            ? {
                newEndpoint: newEndpointFor(release, newVariant, blueprint.model?.ExecutionRoleArn ?? deploy.executionRoleArn)
            }
            : {}),
        variant: rollout.variant,
        ...(from ? { from } : {}),
        target,
        ...(rolling ? { rolling } : {})
    });
    const created = { models: [], configs: newVariant ? [release.releaseConfig] : [] };
    track(ctx, created);
    await provideModel(ctx, deploy, blueprint, created);
    const result = await carryOutComponent(ctx, deploy.rollout, rollout, moves);
    if (result)
        await (0,rollout_result/* concludeRollout */.NS)(ctx, result, created);
}
/** The endpoint a first component needs: its config names the role components run as. */
function newEndpointFor(release, variant, executionRoleArn) {
    if (!executionRoleArn) {
        throw new Error('Input "execution-role-arn" is required for a new endpoint for inference components: its config names the role they run as (ExecutionRoleArn). Nothing was changed.');
    }
    return { config: release.releaseConfig, variant, executionRoleArn };
}
/** Components need an endpoint made for them: variants that name no model, the config's ExecutionRoleArn. */
function refuseEndpointWithModels(ctx, config) {
    const withModels = (config.ProductionVariants ?? []).filter((variant) => variant.ModelName);
    if (withModels.length === 0)
        return;
    throw new Error(`Input "inference-component-name": endpoint "${ctx.endpointName}" serves models on its variants (${withModels.map((variant) => `${variant.VariantName} runs "${variant.ModelName}"`).join(', ')}), and SageMaker places inference components only on an endpoint made for them, whose variants name no model. Nothing was changed. Deploy the component to a new endpoint (the action creates it ready for components), or leave inference-component-name out to deploy a variant.`);
}
/** The component when it exists, once settled (settledComponent refuses one that cannot be updated); not an adapter. */
async function servingComponent(ctx, name) {
    if (!(await (0,components_component/* findComponent */.Tn)(ctx, name)))
        return undefined;
    const component = await (0,components_component/* settledComponent */.BO)(ctx, name, 'the deploy updates it');
    const base = (0,components_component/* baseOf */.bx)(component);
    if (base) {
        throw new Error(`Inference component "${name}" is an adapter of "${base}": it runs inside the base component's copies and has no copies of its own to roll. Nothing was changed; update the base component, or the adapter's artifacts with UpdateInferenceComponent.`);
    }
    return component;
}
function stateOf(component) {
    const spec = component.Specification;
    return {
        specification: {
            ...(spec?.ModelName ? { ModelName: spec.ModelName } : {}),
            ...(spec?.ComputeResourceRequirements ? { ComputeResourceRequirements: spec.ComputeResourceRequirements } : {}),
            ...(spec?.StartupParameters ? { StartupParameters: spec.StartupParameters } : {}),
            ...placementAndCaching(component)
        },
        copies: component.RuntimeConfig?.DesiredCopyCount ?? 1
    };
}
/**
 * How the serving component caches its model data and places its copies (API_InferenceComponentSpecification):
 * carried into the new specification and onto the way back, since AWS does not say whether an update keeps a
 * setting its specification leaves out, and the safer reading is that it does not.
 */
function placementAndCaching(component) {
    const spec = component?.Specification;
    const caching = spec?.DataCacheConfig?.EnableCaching;
    return {
        ...(caching !== undefined ? { DataCacheConfig: { EnableCaching: caching } } : {}),
        ...(spec?.SchedulingConfig ? { SchedulingConfig: spec.SchedulingConfig } : {})
    };
}
/**
 * The new specification: the new model, with the compute and start-up settings the inputs set or the serving
 * component has, and its caching and placement.
 */
function specificationFor(deploy, settings, modelName, serving) {
    const carried = serving?.Specification;
    const compute = settings.compute
        ? {
            MinMemoryRequiredInMb: settings.compute.memoryMb,
            ...(settings.compute.acceleratorDevices !== undefined
                ? { NumberOfAcceleratorDevicesRequired: settings.compute.acceleratorDevices }
                : {}),
            ...(settings.compute.cpuCores !== undefined ? { NumberOfCpuCoresRequired: settings.compute.cpuCores } : {})
        }
        : carried?.ComputeResourceRequirements;
    if (!compute) {
        throw new Error(`Input "memory-per-copy" is required for a new inference component: SageMaker reserves memory (and accelerators-per-copy, cpu-cores-per-copy) for every copy. Nothing was changed.`);
    }
    const startup = {
        ...carried?.StartupParameters,
        ...(deploy.modelDataDownloadTimeoutSeconds !== undefined
            ? { ModelDataDownloadTimeoutInSeconds: deploy.modelDataDownloadTimeoutSeconds }
            : {}),
        ...(deploy.containerStartupTimeoutSeconds !== undefined
            ? { ContainerStartupHealthCheckTimeoutInSeconds: deploy.containerStartupTimeoutSeconds }
            : {})
    };
    return {
        ModelName: modelName,
        ComputeResourceRequirements: compute,
        ...(Object.keys(startup).length > 0 ? { StartupParameters: startup } : {}),
        ...placementAndCaching(serving)
    };
}
function rollingFor(deploy, copies) {
    const rolling = (0,components_moves/* rollingPlan */.Zu)(copies, deploy.rollout.batchSize, deploy.rollout.rollbackBatchSize);
    if (rolling)
        return rolling;
    const batch = deploy.rollout.batchSize;
    if (copies < 2) {
        throw new Error(`Input "copy-count": one copy cannot be updated by SageMaker's rolling update, whose batches are 5% to 50% of the copies. Run 2 copies or more (copy-count: 2); nothing was changed.`);
    }
    const { least, most } = (0,rolling_batch/* rollingBatchRange */.vI)(copies);
    throw new Error(`Input "batch-size": ${batch?.value}${batch?.type === 'CAPACITY_PERCENT' ? '%' : ' copies'} of ${copies} copies must be 5% to 50% of the copies, and at least one whole copy (AWS does not say how it rounds a share): from ${least} to ${most} copies here. Nothing was changed.`);
}
/** A new endpoint's variant for components: the instances, no model, managed scaling and routing as asked. */
function componentVariant(deploy, settings, modelled) {
    return {
        VariantName: deploy.variantName ?? 'AllTraffic',
        InstanceType: modelled.InstanceType,
        InitialInstanceCount: modelled.InitialInstanceCount ?? 1,
        ...(settings.managedScaling
            ? {
                ManagedInstanceScaling: {
                    Status: 'ENABLED',
                    MinInstanceCount: settings.managedScaling.min,
                    MaxInstanceCount: settings.managedScaling.max
                }
            }
            : {}),
        ...(settings.routing ? { RoutingConfig: { RoutingStrategy: settings.routing } } : {})
    };
}
/** Every other component on the endpoint: their copies take the same instances. */
async function siblingsOf(ctx, name) {
    return (await (0,components_component/* describeComponentsOn */.he)(ctx)).filter((component) => component.InferenceComponentName !== name);
}
/**
 * The worst moments of the rollout must fit: every other component's copies,
 * every old copy and one batch of new ones (a new component: all its copies),
 * then for its rollback every new copy, the last batch's old ones and a batch
 * of old ones coming back, on the instances the endpoint runs, or managed
 * scaling's maximum.
 */
function refuseWhatCannotBeHeld(ctx, on) {
    const name = `"${on.settings.name}"`;
    const copies = (label, count, state) => ({
        label,
        count,
        compute: (0,placement/* computeOf */.LQ)(state.specification.ComputeResourceRequirements)
    });
    const moments = [{ what: 'the new component', own: [copies(name, on.target.copies, on.target)] }];
    if (on.from && on.rolling) {
        moments[0] = {
            what: 'the rolling update',
            own: [
                copies(`${name} (old)`, on.from.copies, on.from),
                copies(`${name} (new)`, on.rolling.batchCopies, on.target)
            ]
        };
        // A rollback while the last batch bakes: SageMaker removes a batch's old copies once it has baked, and brings
        // old ones back before it removes new ones (RollbackMaximumBatchSize: API_InferenceComponentRollingUpdatePolicy).
        const { batchCopies, rollbackCopies } = on.rolling;
        moments.push({
            what: "the rolling update's rollback",
            own: [
                copies(`${name} (new)`, on.target.copies, on.target),
                copies(`${name} (old)`, batchCopies, on.from),
                copies(`${name} (old, coming back)`, Math.min(rollbackCopies, on.target.copies - batchCopies), on.from)
            ]
        });
    }
    const room = { variant: on.newVariant ?? on.config?.ProductionVariants?.[0], endpoint: on.endpoint };
    (0,placement/* refuseWhatCannotBePlaced */.IX)(ctx, room, moments.map(({ what, own }) => ({
        copies: [...(0,placement/* copiesOfOthers */.qB)(on.siblings), ...own],
        refusal: `Endpoint "${ctx.endpointName}" cannot hold ${what}`
    })), 'Give it room (more instances, or a higher max-instance-count with managed instance scaling), a smaller batch-size or rollback-batch-size, or smaller copies.');
}
/** SageMaker's MaximumExecutionTimeout must hold every batch: placed (a provisioning at worst) and baked. */
function refuseShortTimeout(ctx, deploy, rolling) {
    const needed = rolling.batches * (native_limits/* PROVISIONING_ESTIMATE_MS */.a6 + deploy.rollout.bakeTimeMs);
    if (ctx.settings.timeoutMs >= needed)
        return;
    const least = Math.ceil(needed / 60_000) * 60_000;
    throw new Error(`Input "timeout": ${(0,parse/* formatDuration */.a3)(ctx.settings.timeoutMs)} is shorter than SageMaker's rolling update would take, ${rolling.batches} batches each placed (up to ${(0,parse/* formatDuration */.a3)(native_limits/* PROVISIONING_ESTIMATE_MS */.a6)}) and baked ${(0,parse/* formatDuration */.a3)(deploy.rollout.bakeTimeMs)}; SageMaker would time out and roll back half-way. Set timeout to at least ${(0,parse/* formatDuration */.a3)(least)}, or a larger batch-size. Nothing was changed.`);
}
/** Adapters run inside their base's copies: the update reaches them too, and the action leaves them as they are. */
function nameAdapters(ctx, base, siblings) {
    const adapters = siblings
        .filter((sibling) => sibling.Specification?.BaseInferenceComponentName === base)
        .map((sibling) => `"${sibling.InferenceComponentName}"`);
    if (adapters.length === 0)
        return;
    ctx.note(`Adapter components of "${base}", left as they are: ${adapters.join(', ')}. They run inside its copies, so each new copy loads them; check them once the rollout ends.`);
}

;// CONCATENATED MODULE: ./src/operations/deploy.ts






















async function runDeploy(ctx, deploy) {
    try {
        await deployModel(ctx, deploy);
    }
    finally {
        // Unless a rollout is left for the post step, what the run created is in use or already deleted.
        if (!state/* rolloutProgress */.XP.current && !state/* nativeDeployment */.RS.current)
            state/* unfinishedDeploy */.Jh.clear();
    }
}
async function deployModel(ctx, deploy) {
    if (deploy.component)
        return deployComponent(ctx, deploy, deploy.component);
    const alarms = await refuseFiringAlarms(ctx, deploy.rollout.gates.alarmNames);
    const startedAt = ctx.clock.now();
    const existing = await (0,wait/* waitUntilUpdatable */.we)(ctx);
    const suffix = (0,naming/* uniqueSuffix */.v_)(ctx.clock.now());
    const release = nameRelease(ctx, deploy, ctx.endpointName, suffix);
    if (!existing) {
        if (deploy.rollout.shadowPercent !== undefined) {
            throw new Error(`Input "shadow-percent": endpoint "${ctx.endpointName}" does not exist yet, so no model serves for the new one to shadow; nothing was changed. Create the endpoint without shadow-percent, and use it for the next model.`);
        }
        const result = await createEndpoint(ctx, deploy, await blueprintFor(ctx, deploy, release, undefined));
        if (result)
            await (0,rollout_result/* concludeRollout */.NS)(ctx, result);
        return;
    }
    await deployOver(ctx, deploy, release, { existing, alarms }, startedAt);
}
/** The new model onto an endpoint that serves: refused, planned, then carried out by the path the inputs chose. */
async function deployOver(ctx, deploy, release, { existing, alarms }, startedAt) {
    const currentConfigName = existing.EndpointConfigName ?? '';
    const currentConfig = await (0,src_endpoint/* getEndpointConfig */.s3)(ctx, currentConfigName);
    (0,src_alarms/* refuseAlarmsOnUnpublishedMetrics */.G)(ctx.endpointName, currentConfig, alarms);
    await refuseRolloutInFlight(ctx, currentConfig);
    // Before the config's own shadow variants are refused: a running test has put them there, and is named here.
    await (0,shadow_tests/* refuseShadowTestsOnEndpoint */.u)(ctx);
    ctx.expectedFleetChangeMs = (0,expectations/* lastFleetChangeMs */.j)(existing, currentConfig);
    const serving = await (0,src_serving/* readServing */.xT)(ctx, existing, currentConfig);
    (0,src_serving/* refuseWhatCannotBeCarried */.f1)(ctx, serving, deploy);
    await refuseUnservedLatencyPercentile(ctx, deploy.rollout.gates, serving.primary.VariantName ?? '', (0,invocation_metrics/* metricsSourceOf */.er)(currentConfig));
    const blueprint = await blueprintFor(ctx, deploy, release, serving);
    (0,shadow/* refuseShadowPhase */.Mb)(ctx.endpointName, deploy.rollout, serving, {
        configSettings: blueprint.configSettings,
        newVariant: blueprint.variant(serving.primary.VariantName ?? '', 0),
        newModel: blueprint.newModel
    });
    const servingModels = (currentConfig.ProductionVariants ?? []).map((variant) => variant.ModelName);
    if (deploy.modelName !== undefined && servingModels.length === 1 && servingModels[0] === release.modelName) {
        // Only the same container makes this a re-run: the name taken by another image must fail, not pass unchanged.
        if (blueprint.model) {
            await (0,resources/* ensureModel */.aI)(ctx, release.modelName, blueprint.model, { tags: deploy.tags, reuseByName: true });
        }
        return (0,rollout_result/* concludeRollout */.NS)(ctx, {
            outcome: 'succeeded',
            decision: `Endpoint "${ctx.endpointName}" already serves model "${release.modelName}"; nothing to deploy.`,
            failsStep: false
        });
    }
    ctx.output('previous-endpoint-config-name', currentConfigName);
    if (deploy.rollout.controller === 'action' && deploy.rollout.strategy !== 'all-at-once') {
        // A clash of names is an input error: it must stop the run before the model is created.
        canaryVariantFor(ctx, deploy, release, existing);
    }
    const nativeVariant = deploy.rollout.controller === 'sagemaker'
        ? blueprint.variant((0,naming/* replacementVariantName */.B5)(deploy.variantName, existing.ProductionVariants ?? []), 1)
        : undefined;
    if (nativeVariant) {
        // What SageMaker would refuse (or time out on) half-way is refused now, before anything is created.
        (0,native_limits/* checkFleetFits */.P$)(deploy.rollout, ctx.settings.timeoutMs, currentConfig.ProductionVariants ?? [], nativeVariant, (name) => shownSetting(deploy, ctx.settings.timeoutMs, name));
        (0,native_limits/* refuseGuardrailExclusions */.x3)(existing.EndpointArn, [...(currentConfig.ProductionVariants ?? []), nativeVariant], [...(0,serving_container/* modelPackagesOf */.EU)(serving.model), ...(0,serving_container/* modelPackagesOf */.EU)(blueprint.newModel)]);
        // The batch SageMaker is sent: the one asked for, or a quarter of the fleet within SageMaker's limits.
        if (deploy.rollout.strategy === 'rolling') {
            deploy.rollout.batchSize = (0,rolling_batch/* rollingBatchFor */.tc)((0,resources/* fleetSize */.oE)([nativeVariant]), deploy.rollout.batchSize);
        }
    }
    await carryOutDeploy(ctx, deploy, blueprint, {
        existing,
        currentConfig,
        ...(nativeVariant ? { nativeVariant } : {}),
        startedAt
    });
}
/** A canary or shadow config on the endpoint: a rollout another run left paused or unfinished. */
async function refuseRolloutInFlight(ctx, currentConfig) {
    const standing = await (0,lineage/* standingRollout */.IM)(ctx, currentConfig);
    if (standing) {
        throw new Error(`A rollout is already in flight on endpoint "${ctx.endpointName}": config "${currentConfig.EndpointConfigName}" carries new variant "${standing.newVariant}". Finish it with operation: promote or undo it with operation: rollback; nothing was changed.`);
    }
}
/** Creates the model, then takes the path chosen; on failure, takes back what the run made and nothing uses. */
async function carryOutDeploy(ctx, deploy, blueprint, on) {
    const { release } = blueprint;
    const { existing, currentConfig, nativeVariant, startedAt } = on;
    // Anything this run made that the endpoint does not end up using goes again on failure.
    const created = { models: [], configs: [release.releaseConfig, release.canaryConfig] };
    track(ctx, created);
    let result;
    try {
        await provideModel(ctx, deploy, blueprint, created);
        if (nativeVariant) {
            result = await runSageMakerRollout(ctx, deploy, {
                endpoint: existing,
                currentConfig,
                variant: nativeVariant,
                releaseConfig: release.releaseConfig,
                configSettings: blueprint.configSettings
            });
        }
        else if (deploy.rollout.strategy === 'all-at-once') {
            result = await replaceAllAtOnce(ctx, deploy, blueprint, existing, currentConfig, startedAt);
        }
        else {
            result = await startProgressiveRollout(ctx, deploy, blueprint, existing, currentConfig);
        }
    }
    catch (error) {
        await (0,resources/* discardUnused */.VL)(ctx, created);
        throw error;
    }
    if (result)
        await (0,rollout_result/* concludeRollout */.NS)(ctx, result, created);
}
/** A setting as the user wrote it, near enough, for an error found after parsing. */
function shownSetting(deploy, timeoutMs, input) {
    const batch = deploy.rollout.batchSize;
    switch (input) {
        case 'traffic-steps':
            return deploy.rollout.trafficSteps.join(',');
        case 'timeout':
            return (0,parse/* formatDuration */.a3)(timeoutMs);
        case 'batch-size':
            return batch ? `${batch.value}${batch.type === 'CAPACITY_PERCENT' ? '%' : ''}` : '';
        default:
            return deploy.variantName ?? '';
    }
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
