export const id = 750;
export const ids = [750];
export const modules = {

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

/***/ 6750:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runRollback: () => (/* binding */ runRollback)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commands/DescribeModelCommand.js
var DescribeModelCommand = __webpack_require__(5763);
// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/endpoint.ts
var src_endpoint = __webpack_require__(3150);
// EXTERNAL MODULE: ./src/lineage.ts
var lineage = __webpack_require__(5010);
// EXTERNAL MODULE: ./src/tags.ts
var tags = __webpack_require__(9506);
// EXTERNAL MODULE: ./src/resources.ts + 5 modules
var resources = __webpack_require__(1461);
// EXTERNAL MODULE: ./src/rollout/executor.ts + 1 modules
var executor = __webpack_require__(2894);
// EXTERNAL MODULE: ./src/rollout/in-flight.ts
var in_flight = __webpack_require__(5453);
// EXTERNAL MODULE: ./src/rollout/moves.ts
var rollout_moves = __webpack_require__(5307);
// EXTERNAL MODULE: ./src/rollout/result.ts
var result = __webpack_require__(3752);
// EXTERNAL MODULE: ./src/rollout/scaling.ts
var rollout_scaling = __webpack_require__(5316);
// EXTERNAL MODULE: ./src/wait.ts
var wait = __webpack_require__(910);
// EXTERNAL MODULE: ./src/components/component.ts + 2 modules
var components_component = __webpack_require__(1741);
// EXTERNAL MODULE: ./src/components/moves.ts
var moves = __webpack_require__(6586);
// EXTERNAL MODULE: ./src/components/requests.ts + 2 modules
var requests = __webpack_require__(856);
// EXTERNAL MODULE: ./src/components/record.ts
var record = __webpack_require__(4307);
;// CONCATENATED MODULE: ./src/operations/rollback-component.ts







async function rollBackComponent(ctx, name) {
    (0,result/* setRolloutOutputs */.qv)(ctx, { rolledBack: false });
    const component = await (0,components_component/* settledComponent */.BO)(ctx, name, 'rolling it back');
    const recorded = await recordedState(ctx, component);
    (0,components_component/* reportComponent */.wc)(ctx, component);
    if (sameSpecification(component, recorded)) {
        ctx.note(`Inference component "${name}" already runs the specification recorded before its last deploy (model "${recorded.specification.ModelName}"); nothing to roll back. Its copies are left as they are.`);
        return;
    }
    await refuseMissingModel(ctx, name, recorded);
    const adapters = await (0,components_component/* adaptersOf */.Yr)(ctx, name);
    const [restore] = (0,moves/* componentRollbackMoves */.sq)(recorded, moves/* HALF_THE_COPIES */.Ge);
    if (restore?.kind !== 'restore-component')
        throw new Error(`No way back was planned for inference component "${name}".`);
    const how = restore.rolling
        ? `${restore.rolling.batchCopies} copies a batch`
        : 'all at once (one copy cannot roll in batches)';
    ctx.note(`Rolling inference component "${name}" back from model "${(0,components_component/* modelOf */.DM)(component)}" to "${recorded.specification.ModelName}" with ${recorded.copies} copies, ${how}.`);
    await (0,requests/* updateComponent */.ZP)(ctx, name, restore, { bakeTimeMs: 0, alarms: [] });
    (0,components_component/* noteAdapters */.j1)(ctx, name, adapters);
    ctx.output('model-name', recorded.specification.ModelName ?? '');
    if (ctx.dryRun || !ctx.settings.waitForCompletion) {
        (0,result/* setRolloutOutputs */.qv)(ctx, { rolledBack: !ctx.dryRun });
        return;
    }
    await checkReturned(ctx, name, recorded);
}
/** The state the last deploy recorded; a component without one was never updated by a deploy of this action. */
async function recordedState(ctx, component) {
    const name = component.InferenceComponentName ?? '';
    const base = (0,components_component/* baseOf */.bx)(component);
    if (base) {
        throw new Error(`Inference component "${name}" is an adapter of "${base}": a deploy never updates an adapter, so it has nothing recorded to return to. Nothing was changed; roll back "${base}" instead.`);
    }
    const tags = await (0,lineage/* tagsOf */.Fg)(ctx, component.InferenceComponentArn ?? '', `inference component "${name}"`);
    const recorded = (0,record/* decodeComponentState */.dx)(tags[record/* PREVIOUS_STATE_TAG */.VY]);
    if (recorded)
        return recorded;
    throw new Error(`Inference component "${name}" has no record of what it ran before (tag ${record/* PREVIOUS_STATE_TAG */.VY}): only a deploy of this action that updated it leaves one, and its first deploy created it. Nothing was changed. To return to an earlier model, deploy it with operation: deploy and inference-component-name: ${name}.`);
}
/** The model, compute and start-up settings as recorded; the copies may have moved since, by autoscaling. */
function sameSpecification(component, recorded) {
    const spec = component.Specification;
    const wanted = recorded.specification;
    return (spec?.ModelName === wanted.ModelName &&
        JSON.stringify(spec?.ComputeResourceRequirements ?? {}) === JSON.stringify(wanted.ComputeResourceRequirements ?? {}));
}
/** SageMaker would take the update and fail minutes later, copies half-replaced: refuse it now. */
async function refuseMissingModel(ctx, name, recorded) {
    const model = recorded.specification.ModelName ?? '';
    if (await (0,resources/* findModel */.P6)(ctx, model))
        return;
    throw new Error(`Cannot roll inference component "${name}" back: model "${model}", which it ran before its last deploy, no longer exists. Nothing was changed.`);
}
/** A component has no RollingBack status: only the model it ends InService on tells where it is. */
async function checkReturned(ctx, name, recorded) {
    const ended = await (0,components_component/* waitForComponent */.mt)(ctx, name, 'the rollback');
    if (ended)
        (0,components_component/* reportComponent */.wc)(ctx, ended);
    if (ended?.InferenceComponentStatus === 'InService' && (0,components_component/* modelOf */.DM)(ended) === recorded.specification.ModelName) {
        (0,result/* setRolloutOutputs */.qv)(ctx, { rolledBack: true });
        ctx.note(`Inference component "${name}" is back on model "${recorded.specification.ModelName}".`);
        return;
    }
    const reason = ended?.FailureReason ? ` FailureReason: ${ended.FailureReason}` : '';
    throw new Error(`The rollback of inference component "${name}" ended ${ended?.InferenceComponentStatus ?? 'with the component gone'} on model "${(0,components_component/* modelOf */.DM)(ended) ?? ''}", not "${recorded.specification.ModelName}".${reason}`);
}

;// CONCATENATED MODULE: ./src/operations/rollback.ts
/**
 * rollback: return the endpoint to the config the user names, or by default to
 * the one recorded on its current config as serving before the last deploy.
 * The target is found by following tags from whatever config is current, never
 * by listing configs by name, so it works after any number of deploys and never
 * lands on a config of an endpoint whose name merely shares a prefix. With
 * inference-component-name the component returns instead, and the endpoint's
 * config stays (rollback-component.ts).
 */














/** A recorded chain longer than this is a tagging loop, not history. */
const MAX_CHAIN = 50;
async function runRollback(ctx, settings) {
    const component = ctx.settings.inferenceComponentName;
    if (component !== undefined)
        return rollBackComponent(ctx, component);
    // Another run's update may be moving the endpoint: the current config is only known once it settles.
    const endpoint = await (0,wait/* waitUntilUpdatable */.we)(ctx);
    if (!endpoint) {
        throw new Error(`Endpoint "${ctx.endpointName}" does not exist in ${ctx.settings.region}; there is nothing to roll back.`);
    }
    const currentName = endpoint.EndpointConfigName ?? '';
    ctx.output('previous-endpoint-config-name', currentName);
    (0,result/* setRolloutOutputs */.qv)(ctx, { rolledBack: false });
    if (settings.endpointConfigName === currentName) {
        return alreadyThere(ctx, endpoint, currentName);
    }
    const target = settings.endpointConfigName !== undefined
        ? await chosenTarget(ctx, settings.endpointConfigName)
        : await recordedTarget(ctx, currentName);
    const targetName = target.config.EndpointConfigName ?? '';
    if (targetName === currentName)
        return alreadyThere(ctx, endpoint, currentName);
    const models = (0,lineage/* modelsOf */.Wh)(target.config);
    await checkModelsExist(ctx, targetName, models);
    const moves = (0,rollout_moves/* rollbackMoves */.BI)(await standingOf(ctx, endpoint, target));
    ctx.note(`Rolling endpoint "${ctx.endpointName}" back from config "${currentName}" to "${targetName}".`);
    let settled;
    try {
        settled = await (0,executor/* carryOutRollback */.Wy)(ctx, moves);
    }
    catch (error) {
        // Show where the endpoint actually is (SageMaker may have returned it to the old config) before failing.
        if (error instanceof wait/* EndpointStateError */.D7 && error.endpoint)
            await (0,src_endpoint/* reportEndpoint */.Us)(ctx, error.endpoint);
        throw error;
    }
    await (0,src_endpoint/* reportEndpoint */.Us)(ctx, settled ?? (await (0,src_endpoint/* findEndpoint */.vS)(ctx)) ?? endpoint);
    // Without waiting (or in a dry run) the endpoint may still show the old config: the output names where it is going.
    ctx.output('endpoint-config-name', targetName);
    if (models.length > 0)
        ctx.output('model-name', models.join(','));
    // A dry run rolled nothing back; without waiting, the update was accepted and endpoint-status says it is still Updating.
    (0,result/* setRolloutOutputs */.qv)(ctx, { rolledBack: !ctx.dryRun });
}
/**
 * Where the endpoint stands for the way back to `target`: the target's
 * fleet, the autoscaling in the way, and, when the current config is a
 * paused canary's, its new variant, whose traffic stops first (seconds)
 * before the config changes. The return waits only when asked to.
 */
async function standingOf(ctx, endpoint, target) {
    const currentName = endpoint.EndpointConfigName ?? '';
    const targetName = target.config.EndpointConfigName ?? '';
    const variants = target.config.ProductionVariants ?? [];
    const scaling = await (0,rollout_scaling/* scalingMovesFor */.ZD)(ctx, endpoint, await (0,src_endpoint/* findEndpointConfig */.NW)(ctx, currentName), variants, targetName);
    const leaving = await (0,lineage/* readTaggedConfig */.ZV)(ctx, currentName);
    const newVariant = leaving?.lineage.role === 'canary' ? leaving.lineage.newVariant : undefined;
    // A shadow config goes with the return, as the run that made it would have deleted it; its shadow takes no traffic.
    const shadowConfig = leaving?.lineage.role === 'shadow' && ctx.settings.waitForCompletion ? currentName : undefined;
    return {
        target: targetName,
        fleet: (0,resources/* fleetSize */.oE)(variants),
        endpoint,
        ...(newVariant
            ? { canary: { canaryConfig: currentName, newVariant, oldVariants: (0,in_flight/* servingShares */.x1)(endpoint, newVariant) } }
            : {}),
        scaling,
        waits: ctx.settings.waitForCompletion,
        ...(shadowConfig ? { shadowConfig } : {})
    };
}
async function alreadyThere(ctx, endpoint, configName) {
    const message = `Endpoint "${ctx.endpointName}" already runs config "${configName}"; nothing to roll back.`;
    core/* notice */.lm(message);
    ctx.note(message);
    await (0,src_endpoint/* reportEndpoint */.Us)(ctx, endpoint);
}
/** The config the user named: theirs to choose, unless it belongs to another endpoint or to a canary. */
async function chosenTarget(ctx, configName) {
    const target = await (0,lineage/* readTaggedConfig */.ZV)(ctx, configName);
    if (!target) {
        throw new Error(`Input "endpoint-config-name" names endpoint config "${configName}", which does not exist in ${ctx.settings.region}; nothing was changed.`);
    }
    refuseForeign(ctx, target);
    if ((0,tags/* isRolloutConfigRole */.QR)(target.lineage.role)) {
        throw new Error(`Endpoint config "${configName}" exists only for the duration of a rollout (tag ${tags/* TAGS */.gp.role}=${target.lineage.role}) and is never a rollback target; nothing was changed.`);
    }
    return target;
}
/**
 * Follows the previous-config tag from the current config. A canary config in
 * the chain (a deploy that started while a canary was paused records one) is
 * stepped over to the release it was built on.
 */
async function recordedTarget(ctx, currentName) {
    const passHint = 'Pass endpoint-config-name to choose the config to return to.';
    const current = await (0,lineage/* readTaggedConfig */.ZV)(ctx, currentName);
    if (!current) {
        throw new Error(`Endpoint "${ctx.endpointName}" runs config "${currentName}", which no longer exists, so the config before it is unknown. ${passHint}`);
    }
    if (current.lineage.endpoint !== ctx.endpointName) {
        const whose = current.lineage.endpoint
            ? `was made for endpoint "${current.lineage.endpoint}"`
            : `has no ${tags/* TAGS */.gp.endpoint} tag (it was not deployed by this action)`;
        throw new Error(`No previous config is recorded for endpoint "${ctx.endpointName}": its current config "${currentName}" ${whose}. ${passHint}`);
    }
    const seen = new Set([currentName]);
    let from = current;
    for (let hop = 0; hop < MAX_CHAIN; hop++) {
        const fromName = from.config.EndpointConfigName ?? '';
        const previousName = from.lineage.previousConfig;
        if (!previousName) {
            throw new Error(`No previous config is recorded for endpoint "${ctx.endpointName}": config "${fromName}" has no ${tags/* TAGS */.gp.previousConfig} tag (it was the endpoint's first deploy by this action). ${passHint}`);
        }
        if (seen.has(previousName)) {
            throw new Error(`The configs recorded as previous for endpoint "${ctx.endpointName}" form a loop at "${previousName}". ${passHint}`);
        }
        seen.add(previousName);
        const previous = await (0,lineage/* readTaggedConfig */.ZV)(ctx, previousName);
        if (!previous) {
            throw new Error(`The config that served endpoint "${ctx.endpointName}" before "${fromName}" was "${previousName}", which no longer exists; nothing was changed. ${passHint}`);
        }
        refuseForeign(ctx, previous);
        if (!(0,tags/* isRolloutConfigRole */.QR)(previous.lineage.role))
            return previous;
        ctx.note(`Stepped over ${previous.lineage.role} config "${previousName}": a rollout's own configs are never rollback targets.`);
        from = previous;
    }
    throw new Error(`The previous-config chain of endpoint "${ctx.endpointName}" is longer than ${MAX_CHAIN}. ${passHint}`);
}
function refuseForeign(ctx, target) {
    const owner = target.lineage.endpoint;
    if (owner !== undefined && owner !== ctx.endpointName) {
        throw new Error(`Endpoint config "${target.config.EndpointConfigName}" belongs to endpoint "${owner}" (tag ${tags/* TAGS */.gp.endpoint}), not "${ctx.endpointName}"; the action never rolls an endpoint onto another endpoint's config. Nothing was changed.`);
    }
}
/** UpdateEndpoint would accept a config whose model is gone and then fail minutes later: refuse it now. */
async function checkModelsExist(ctx, configName, models) {
    const missing = [];
    for (const model of models) {
        try {
            await (0,errors/* awsCall */.uF)('DescribeModel', `model "${model}"`, () => ctx.clients.sagemaker.send(new DescribeModelCommand/* DescribeModelCommand */.u({ ModelName: model })));
        }
        catch (error) {
            if (!(0,errors/* isNotFound */.c4)(error))
                throw error;
            missing.push(model);
        }
    }
    if (missing.length > 0) {
        throw new Error(`Cannot roll back to endpoint config "${configName}": its ${missing.length === 1 ? 'model' : 'models'} ${missing
            .map((name) => `"${name}"`)
            .join(', ')} no longer ${missing.length === 1 ? 'exists' : 'exist'}. Nothing was changed.`);
    }
}


/***/ })

};
