export const id = 225;
export const ids = [225];
export const modules = {

/***/ 8225:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runDeploy: () => (/* binding */ runDeploy)
});

// EXTERNAL MODULE: ./src/endpoint.ts
var src_endpoint = __webpack_require__(3150);
// EXTERNAL MODULE: ./src/lineage.ts
var lineage = __webpack_require__(5010);
// EXTERNAL MODULE: ./src/naming.ts
var naming = __webpack_require__(8499);
// EXTERNAL MODULE: ./src/tags.ts
var src_tags = __webpack_require__(9506);
// EXTERNAL MODULE: ./src/resources.ts + 2 modules
var resources = __webpack_require__(2281);
// EXTERNAL MODULE: ./src/serving.ts + 2 modules
var src_serving = __webpack_require__(941);
// EXTERNAL MODULE: ./src/rollout/result.ts
var rollout_result = __webpack_require__(3752);
// EXTERNAL MODULE: ./src/metrics.ts
var metrics = __webpack_require__(5670);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/parse.ts
var parse = __webpack_require__(2828);
// EXTERNAL MODULE: ./src/update.ts
var update = __webpack_require__(6082);
// EXTERNAL MODULE: ./src/wait.ts
var wait = __webpack_require__(910);
// EXTERNAL MODULE: ./src/rollout/record.ts
var rollout_record = __webpack_require__(7476);
// EXTERNAL MODULE: ./src/rollout/native-alarms.ts
var native_alarms = __webpack_require__(3373);
// EXTERNAL MODULE: ./src/rollout/native-limits.ts
var native_limits = __webpack_require__(7783);
// EXTERNAL MODULE: ./src/rollout/plan.ts
var plan = __webpack_require__(5762);
// EXTERNAL MODULE: ./src/rollout/state.ts
var state = __webpack_require__(9988);
// EXTERNAL MODULE: ./src/rollout/scaling.ts + 1 modules
var scaling = __webpack_require__(127);
;// CONCATENATED MODULE: ./src/rollout/native.ts
/**
 * rollout-controller: sagemaker. The same inputs, mapped onto UpdateEndpoint's
 * DeploymentConfig: SageMaker runs the blue/green shift and judges it by the
 * alarms; the action starts it, watches it to the end and reports what happened.
 * The inputs were checked against SageMaker's limits by the input parser.
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
            TerminationWaitInSeconds: waitIntervalInSeconds,
            MaximumExecutionTimeoutInSeconds: maximumExecutionTimeoutInSeconds
        };
    }
    if (alarms.length > 0)
        config.AutoRollbackConfiguration = { Alarms: alarms.map((AlarmName) => ({ AlarmName })) };
    return config;
}
async function runSageMakerRollout(ctx, deploy, endpoint, currentConfig, variant, releaseConfig, configSettings) {
    // The model exists already: deploy created it (or found it) before choosing the controller.
    const settings = deploy.rollout;
    const variantName = variant.VariantName ?? '';
    const previousConfig = currentConfig.EndpointConfigName ?? '';
    if (settings.gates.alarmNames.length === 0 && (0,native_limits/* generatedAlarmCount */.ix)(settings.gates) === 0) {
        ctx.warn('rollout-controller: sagemaker with no alarm-names, max-error-rate or max-latency-p99: SageMaker has nothing to judge the new fleet by and will not roll back on its own.');
    }
    const record = (0,rollout_record/* startRolloutRecord */.H)(ctx, settings, { newVariant: variantName, previousConfig });
    await (0,resources/* createEndpointConfig */.u7)(ctx, releaseConfig, [variant], { role: 'release', previousConfig }, deploy.tags, configSettings);
    // The gates SageMaker cannot judge itself become alarms on the new fleet, for this deployment only.
    const generated = await (0,native_alarms/* createGateAlarms */.cl)(ctx, { variantName, newConfig: releaseConfig }, settings.gates);
    const alarms = [...settings.gates.alarmNames, ...generated];
    const deploymentConfig = deploymentConfigFor(settings, ctx.settings.timeoutMs, alarms);
    record.plan = describePlan(settings, alarms);
    core/* info */.pq(`SageMaker runs the rollout: ${JSON.stringify(deploymentConfig)}`);
    if (!ctx.dryRun)
        state/* nativeDeployment */.RS.save({ endpointName: ctx.endpointName, region: ctx.settings.region, alarms: generated });
    // Blue/green provisions the whole new fleet beside the old; rolling, a batch at a time.
    const fleet = (0,resources/* fleetSize */.oE)([variant]);
    const newFleetInstances = settings.strategy === 'rolling' ? Math.min(fleet, rollingBatchInstances(settings, fleet)) : fleet;
    let ended = true;
    try {
        const { result: updated } = await (0,scaling/* withScalingMoved */.Dl)(ctx, { endpoint, current: currentConfig, target: [variant], targetName: releaseConfig }, () => (0,update/* updateEndpointConfig */.vG)(ctx, releaseConfig, {
            newFleetInstances,
            purpose: `SageMaker's ${settings.strategy} blue/green deployment to "${releaseConfig}"`,
            deploymentConfig,
            forceWait: true,
            // SageMaker starts its own rollback when MaximumExecutionTimeout runs out: keep watching through it.
            waitTimeoutMs: ctx.settings.timeoutMs * 2
        }));
        if (!updated) {
            if (ctx.dryRun) {
                (0,plan/* planSageMakerDeployment */.hm)(ctx, settings, {
                    description: record.plan,
                    newFleetInstances,
                    batches: Math.ceil(fleet / Math.max(1, newFleetInstances))
                });
            }
            return {
                outcome: 'succeeded',
                decision: `Planned SageMaker's ${settings.strategy} deployment.`,
                failsStep: false
            };
        }
        return {
            outcome: 'succeeded',
            decision: `SageMaker completed the ${settings.strategy} deployment; ${variantName} serves all traffic on "${releaseConfig}".`,
            healthy: true,
            failsStep: false
        };
    }
    catch (error) {
        // Still running when the wait gave up: SageMaker needs the alarms until it is done; the post step deletes them.
        if (error instanceof wait/* WaitTimeoutError */.Do)
            ended = false;
        const landed = error instanceof wait/* EndpointStateError */.D7 ? error.endpoint : undefined;
        if (!landed)
            throw error;
        if (landed.EndpointStatus === 'InService' && landed.EndpointConfigName === previousConfig) {
            return {
                outcome: 'rolled-back',
                decision: `SageMaker rolled the deployment back to "${previousConfig}"${landed.FailureReason ? `: ${withoutFullStop(landed.FailureReason)}` : ''}.`,
                healthy: false,
                failsStep: settings.failOnRollback
            };
        }
        return {
            outcome: 'failed',
            decision: landed.EndpointStatus === 'UpdateRollbackFailed'
                ? `SageMaker could not roll the deployment back (UpdateRollbackFailed)${landed.FailureReason ? `: ${withoutFullStop(landed.FailureReason)}` : ''}. The endpoint needs attention: update it to "${previousConfig}" once it can take updates.`
                : error.message,
            healthy: false,
            failsStep: true
        };
    }
    finally {
        if (ended) {
            await (0,native_alarms/* deleteGateAlarms */.hN)(ctx, generated);
            state/* nativeDeployment */.RS.clear();
        }
    }
}
function withoutFullStop(text) {
    return text.trim().replace(/\.+$/, '');
}
/** The deployment SageMaker was asked for, in words, for the summary. */
function describePlan(settings, alarms) {
    const wait = (0,parse/* formatDuration */.a3)(settings.bakeTimeMs);
    const first = settings.trafficSteps[0] ?? 100;
    const batch = settings.batchSize;
    const shift = settings.strategy === 'canary'
        ? `Asked SageMaker to send ${first}% of capacity to the new fleet, wait ${wait}, then move the rest and keep the old fleet ${wait} more`
        : settings.strategy === 'linear'
            ? `Asked SageMaker to move traffic to the new fleet ${first}% of capacity at a time, ${wait} apart, and keep the old fleet ${wait} after the last step`
            : settings.strategy === 'rolling'
                ? `Asked SageMaker to replace the fleet in batches of ${batch?.type === 'INSTANCE_COUNT' ? `${batch.value} instances` : `${batch?.value ?? 25}% of its capacity`}, ${wait} apart, without a second fleet`
                : `Asked SageMaker to move all traffic to the new fleet at once and keep the old fleet ${wait} more`;
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

// EXTERNAL MODULE: ./src/expectations.ts
var expectations = __webpack_require__(1236);
// EXTERNAL MODULE: ./src/rollout/bake.ts
var bake = __webpack_require__(2428);
// EXTERNAL MODULE: ./src/rollout/gates.ts + 1 modules
var gates = __webpack_require__(8411);
// EXTERNAL MODULE: ./src/rollout/rollback.ts
var rollback = __webpack_require__(5981);
;// CONCATENATED MODULE: ./src/rollout/all-at-once.ts
/**
 * An all-at-once deploy judged by the action: the new config takes all
 * traffic at once (SageMaker keeps the old fleet until the new one is
 * healthy), then the gates judge it for one bake, and a failure returns the
 * endpoint to its previous config.
 */







/**
 * All-at-once is one step of 100% judged by the same gates after the switch.
 * Its minutes start with the first whole minute after the switch: the
 * variant may keep the old one's name, and the minute of the switch holds
 * both models' traffic. The serving variants' minutes from before the deploy
 * are the baseline. A failed gate returns the endpoint to its previous
 * config, when there is one.
 */
async function judgeAllAtOnce(ctx, settings, judged) {
    const { variant, previousConfig } = judged;
    if (!(0,gates/* hasGates */.x0)(settings.gates)) {
        return { outcome: 'succeeded', decision: `${variant} serves all traffic.`, failsStep: false };
    }
    const record = (0,rollout_record/* startRolloutRecord */.H)(ctx, settings, {
        newVariant: variant,
        ...(previousConfig ? { previousConfig } : {})
    });
    const step = { weight: 100, startedAt: ctx.clock.now(), evaluations: [], verdict: 'in-progress' };
    record.steps.push(step);
    const earlierBaseline = await baselineBefore(ctx, judged.baselineVariants, judged.deployStartedAt, settings);
    const judge = new gates/* StepJudge */.AU(ctx, settings.gates, {
        newVariant: variant,
        baselineVariants: [],
        firstMinute: (0,gates/* ceilMinute */.Gq)(step.startedAt),
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
    await (0,rollback/* returnToConfig */.o)(ctx, previousConfig);
    return {
        outcome: 'rolled-back',
        decision: `Rolled back: ${failure}. The endpoint is back on "${previousConfig}".`,
        healthy: false,
        failsStep: settings.failOnRollback
    };
}
/** The serving variants' published minutes before the deploy began: the baseline of an all-at-once switch. */
async function baselineBefore(ctx, variants, deployStartedAt, settings) {
    if (variants.length === 0)
        return [];
    const { maxErrorRateIncrease, maxLatencyP99Increase } = settings.gates;
    if (maxErrorRateIncrease === undefined && maxLatencyP99Increase === undefined)
        return [];
    const end = (0,gates/* floorMinute */.tW)(deployStartedAt);
    // As long a look back as the step will take, and never less than a quarter of an hour.
    const span = Math.max(15 * gates/* MINUTE_MS */.kg, (0,gates/* ceilMinute */.Gq)(settings.bakeTimeMs));
    const result = await (0,metrics/* fetchVariantMetrics */.pA)(ctx, {
        endpointName: ctx.endpointName,
        variants,
        start: new Date(end - span),
        end: new Date(end),
        periodSeconds: 60
    });
    return (0,gates/* minutesOf */.dp)(result, variants);
}
function capitalised(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

// EXTERNAL MODULE: ./src/rollout/executor.ts
var executor = __webpack_require__(9660);
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
    await (0,resources/* ensureModel */.aI)(ctx, release.modelName, blueprint.model, {
        tags: deploy.tags,
        reuseByName: deploy.modelName !== undefined,
        created,
        onRecord: () => track(ctx, created)
    });
    const variants = [blueprint.variant(variantName, 1)];
    await (0,resources/* createEndpointConfig */.u7)(ctx, release.releaseConfig, variants, { role: 'release' }, deploy.tags, blueprint.configSettings);
    await (0,resources/* createEndpointOn */.d_)(ctx, release.releaseConfig, deploy.tags);
    ctx.output('endpoint-config-name', release.releaseConfig);
    if (ctx.dryRun) {
        (0,plan/* planAllAtOnce */.xW)(ctx, deploy.rollout, {
            variant: variantName,
            releaseConfig: release.releaseConfig,
            fleet: (0,resources/* fleetSize */.oE)(variants)
        });
        return undefined;
    }
    if (!ctx.settings.waitForCompletion)
        return undefined;
    const endpoint = await core/* group */.Os(`Creating endpoint "${ctx.endpointName}"`, () => (0,wait/* waitForInService */.pP)(ctx, release.releaseConfig, `the creation of endpoint "${ctx.endpointName}"`));
    await (0,src_endpoint/* reportEndpoint */.Us)(ctx, endpoint);
    return judgeAllAtOnce(ctx, deploy.rollout, {
        variant: variantName,
        baselineVariants: [],
        deployStartedAt: ctx.clock.now()
    });
}
/**
 * One new config with only the new model. SageMaker itself keeps the old
 * fleet serving until the new one is healthy, and rolls back if it is not;
 * the gates then judge the new model for one bake-time.
 */
async function replaceAllAtOnce(ctx, deploy, blueprint, endpoint, currentConfig, deployStartedAt) {
    const { release } = blueprint;
    const variantName = (0,resources/* replacementVariantName */.B5)(deploy.variantName, endpoint);
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
                previousConfig
            });
        }
        return undefined;
    }
    await (0,src_endpoint/* reportEndpoint */.Us)(ctx, updated);
    return judgeAllAtOnce(ctx, deploy.rollout, {
        variant: variantName,
        previousConfig,
        baselineVariants: (endpoint.ProductionVariants ?? []).map((variant) => variant.VariantName ?? ''),
        deployStartedAt
    });
}
/** The new variant serves beside the old ones, so it needs a name none of them has. */
function refuseTakenVariantName(ctx, endpoint, newVariant) {
    if ((endpoint.ProductionVariants ?? []).some((variant) => variant.VariantName === newVariant)) {
        throw new Error(`Input "variant-name": endpoint "${ctx.endpointName}" already has a variant "${newVariant}"; the new variant needs a name of its own.`);
    }
}
/**
 * Canary and linear run by the action: the new variant joins at weight 0
 * beside the serving ones, which keep the instance counts they serve with now
 * (autoscaling may have moved them from their config's initial counts).
 */
async function startProgressiveRollout(ctx, deploy, blueprint, endpoint, currentConfig) {
    const { release } = blueprint;
    const serving = endpoint.ProductionVariants ?? [];
    const newVariant = deploy.variantName ?? release.modelName;
    refuseTakenVariantName(ctx, endpoint, newVariant);
    const weights = serving.map((variant) => variant.CurrentWeight ?? variant.DesiredWeight ?? 0);
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    const inFlight = {
        previousConfig: currentConfig.EndpointConfigName ?? '',
        canaryConfig: release.canaryConfig,
        newVariant,
        oldVariants: serving.map((variant, index) => ({
            name: variant.VariantName ?? '',
            share: total > 0 ? weights[index] / total : 1 / serving.length
        })),
        releaseConfig: release.releaseConfig,
        userTags: deploy.tags,
        held: []
    };
    (0,rollout_record/* startRolloutRecord */.H)(ctx, deploy.rollout, inFlight);
    const oldDefinitions = serving.map((variant, index) => {
        const definition = currentConfig.ProductionVariants?.find((candidate) => candidate.VariantName === variant.VariantName);
        const count = (0,src_endpoint/* liveInstanceCount */.xZ)(variant);
        return {
            ...definition,
            VariantName: variant.VariantName ?? '',
            InitialVariantWeight: (inFlight.oldVariants[index]?.share ?? 0) * 100,
            ...(count ? { InitialInstanceCount: count } : {})
        };
    });
    const newVariantDefinition = blueprint.variant(newVariant, 0);
    inFlight.newVariantInstances = (0,resources/* fleetSize */.oE)([newVariantDefinition]);
    const moves = (0,rollout_moves/* deployMoves */.sX)({
        steps: deploy.rollout.trafficSteps,
        canaryVariants: [...oldDefinitions, newVariantDefinition],
        newVariant: newVariantDefinition,
        configSettings: blueprint.configSettings
    });
    return (0,executor/* carryOut */.u)(ctx, deploy.rollout, inFlight, moves, { endpoint, current: currentConfig });
}

;// CONCATENATED MODULE: ./src/operations/deploy.ts















async function blueprintFor(ctx, deploy, release, serving) {
    const sources = [];
    const modelSettings = (0,src_serving/* newModelSettings */.Tc)(deploy, serving, sources);
    const container = await (0,src_serving/* newContainer */.Yh)(ctx, deploy, (0,src_serving/* newInstanceType */.WV)(deploy, serving));
    const configSettings = (0,src_serving/* configOverrides */.G_)(deploy, (0,src_serving/* carriedConfigSettings */.E6)(serving?.config), sources);
    const blueprint = {
        release,
        model: { ...modelSettings, PrimaryContainer: container },
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
async function runDeploy(ctx, deploy) {
    try {
        await deployModel(ctx, deploy);
    }
    finally {
        // Unless a rollout is left for the post step, what the run created is in use or already deleted.
        if (!state/* inFlightRollout */.VM.current && !state/* nativeDeployment */.RS.current)
            state/* unfinishedDeploy */.Jh.clear();
    }
}
async function deployModel(ctx, deploy) {
    await refuseFiringAlarms(ctx, deploy.rollout.gates.alarmNames);
    const startedAt = ctx.clock.now();
    const existing = await (0,wait/* waitUntilUpdatable */.we)(ctx);
    const suffix = (0,naming/* uniqueSuffix */.v)(ctx.clock.now());
    const release = {
        modelName: deploy.modelName ?? (0,naming/* derivedName */.P)(ctx.endpointName, suffix),
        releaseConfig: (0,naming/* derivedName */.P)(ctx.endpointName, suffix),
        canaryConfig: (0,naming/* derivedName */.P)(ctx.endpointName, `${suffix}-canary`)
    };
    ctx.output('model-name', release.modelName);
    if (!existing) {
        const result = await createEndpoint(ctx, deploy, await blueprintFor(ctx, deploy, release, undefined));
        if (result)
            await (0,rollout_result/* concludeRollout */.NS)(ctx, result);
        return;
    }
    const currentConfigName = existing.EndpointConfigName ?? '';
    const currentConfig = await (0,src_endpoint/* getEndpointConfig */.s3)(ctx, currentConfigName);
    const tags = await (0,lineage/* configTags */._F)(ctx, currentConfig);
    if (tags[src_tags/* TAGS */.gp.role] === 'canary') {
        throw new Error(`A rollout is already in flight on endpoint "${ctx.endpointName}": config "${currentConfigName}" carries new variant "${tags[src_tags/* TAGS */.gp.newVariant]}". Finish it with operation: promote or undo it with operation: rollback; nothing was changed.`);
    }
    ctx.expectedFleetChangeMs = (0,expectations/* lastFleetChangeMs */.j)(existing, currentConfig);
    const serving = await (0,src_serving/* readServing */.xT)(ctx, existing, currentConfig);
    (0,src_serving/* refuseWhatCannotBeCarried */.f1)(ctx, serving, deploy.rollout);
    const blueprint = await blueprintFor(ctx, deploy, release, serving);
    const servingModels = (currentConfig.ProductionVariants ?? []).map((variant) => variant.ModelName);
    if (deploy.modelName !== undefined && servingModels.length === 1 && servingModels[0] === release.modelName) {
        // Only the same container makes this a re-run: the name taken by another image must fail, not pass unchanged.
        await (0,resources/* ensureModel */.aI)(ctx, release.modelName, blueprint.model, { tags: deploy.tags, reuseByName: true });
        return (0,rollout_result/* concludeRollout */.NS)(ctx, {
            outcome: 'succeeded',
            decision: `Endpoint "${ctx.endpointName}" already serves model "${release.modelName}"; nothing to deploy.`,
            failsStep: false
        });
    }
    ctx.output('previous-endpoint-config-name', currentConfigName);
    if (deploy.rollout.controller === 'action' && deploy.rollout.strategy !== 'all-at-once') {
        // A clash of names is an input error: it must stop the run before the model is created.
        refuseTakenVariantName(ctx, existing, deploy.variantName ?? release.modelName);
    }
    const nativeVariant = deploy.rollout.controller === 'sagemaker'
        ? blueprint.variant((0,resources/* replacementVariantName */.B5)(deploy.variantName, existing), 1)
        : undefined;
    if (nativeVariant) {
        // What SageMaker would refuse (or time out on) half-way is refused now, before anything is created.
        (0,native_limits/* checkFleetFits */.P$)(deploy.rollout, ctx.settings.timeoutMs, currentConfig.ProductionVariants ?? [], nativeVariant, (name) => shownSetting(deploy, ctx.settings.timeoutMs, name));
    }
    // Anything this run made that the endpoint does not end up using goes again on failure.
    const created = { models: [], configs: [release.releaseConfig, release.canaryConfig] };
    track(ctx, created);
    let result;
    try {
        await (0,resources/* ensureModel */.aI)(ctx, release.modelName, blueprint.model, {
            tags: deploy.tags,
            reuseByName: deploy.modelName !== undefined,
            created,
            onRecord: () => track(ctx, created)
        });
        if (nativeVariant) {
            result = await runSageMakerRollout(ctx, deploy, existing, currentConfig, nativeVariant, release.releaseConfig, blueprint.configSettings);
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
/**
 * What the gates can already judge is judged before anything is created: a
 * deploy into an endpoint whose alarm is firing would be rolled back at its
 * first evaluation, after minutes of provisioning for nothing.
 */
async function refuseFiringAlarms(ctx, alarmNames) {
    const firing = (await (0,metrics/* describeAlarmStates */.j2)(ctx, alarmNames)).filter((alarm) => alarm.state === 'ALARM');
    if (firing.length === 0)
        return;
    const names = firing.map((alarm) => `"${alarm.name}"${alarm.reason ? ` (${alarm.reason})` : ''}`).join(', ');
    throw new Error(`Input "alarm-names": ${names} ${firing.length === 1 ? 'is' : 'are'} already in ALARM, so the new model could not pass its gates; nothing was created. Deploy once the alarm is OK.`);
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
