export const id = 606;
export const ids = [606];
export const modules = {

/***/ 606:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  blueprintFor: () => (/* binding */ blueprintFor),
  refuseFiringAlarms: () => (/* binding */ refuseFiringAlarms),
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
// EXTERNAL MODULE: ./src/tags.ts
var src_tags = __webpack_require__(9506);
// EXTERNAL MODULE: ./src/resources.ts + 2 modules
var resources = __webpack_require__(2281);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-cjs/index.js
var dist_cjs = __webpack_require__(4459);
// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/probes.ts
var probes = __webpack_require__(4932);
// EXTERNAL MODULE: ./src/serving-container.ts
var serving_container = __webpack_require__(6221);
;// CONCATENATED MODULE: ./src/existing-model.ts
/**
 * model-name alone: a model that exists already, deployed as it is. It is
 * read before any change, so a name that names no model is refused then; it
 * gets no CreateModel, and since the run did not create it, no failure or
 * rollback of the run ever deletes it.
 */




async function readExistingModel(ctx, deploy, modelName, sources) {
    let model;
    try {
        model = await (0,errors/* awsCall */.uF)('DescribeModel', `model "${modelName}"`, () => ctx.clients.sagemaker.send(new dist_cjs/* DescribeModelCommand */.utY({ ModelName: modelName })));
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
}

// EXTERNAL MODULE: ./src/serving.ts + 2 modules
var src_serving = __webpack_require__(941);
// EXTERNAL MODULE: ./src/rollout/result.ts
var rollout_result = __webpack_require__(3752);
// EXTERNAL MODULE: ./src/alarms.ts
var src_alarms = __webpack_require__(9333);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/invocation-metrics.ts
var invocation_metrics = __webpack_require__(9113);
// EXTERNAL MODULE: ./src/parse.ts
var parse = __webpack_require__(2828);
// EXTERNAL MODULE: ./src/update.ts
var update = __webpack_require__(6082);
// EXTERNAL MODULE: ./src/wait.ts
var wait = __webpack_require__(910);
// EXTERNAL MODULE: ./src/rollout/all-at-once.ts
var all_at_once = __webpack_require__(738);
// EXTERNAL MODULE: ./src/rollout/executor.ts + 1 modules
var executor = __webpack_require__(2894);
// EXTERNAL MODULE: ./src/rollout/gates.ts + 1 modules
var gates = __webpack_require__(8411);
// EXTERNAL MODULE: ./src/rollout/periods.ts
var periods = __webpack_require__(215);
// EXTERNAL MODULE: ./src/rollout/verdict-alarm.ts
var verdict_alarm = __webpack_require__(2656);
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
    nextEvaluation;
    nextHeartbeat;
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
        this.judge = new gates/* StepJudge */.AU(ctx, settings.gates, {
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
        this.nextHeartbeat = ctx.clock.now();
    }
    get target() {
        return { newConfig: this.fleets.newConfig, gateIntervalMs: this.settings.gateIntervalMs };
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
                this.nextEvaluation = now + this.settings.gateIntervalMs;
            }
        }
        if (this.nextEvaluation !== undefined && now >= this.nextEvaluation && !this.conclusion) {
            this.nextEvaluation += this.settings.gateIntervalMs;
            await this.evaluate();
            this.nextHeartbeat = this.ctx.clock.now();
        }
        this.decideUndecided();
        if (this.ctx.clock.now() >= this.nextHeartbeat) {
            await (0,verdict_alarm/* publishVerdict */.TP)(this.ctx, this.target, this.published);
            this.nextHeartbeat = this.ctx.clock.now() + (0,verdict_alarm/* heartbeatIntervalMs */.Sr)(this.settings.gateIntervalMs);
        }
        const after = this.ctx.clock.now();
        const evaluationDue = this.nextEvaluation === undefined || this.conclusion ? Infinity : this.nextEvaluation - after;
        return Math.max(0, Math.min(this.nextHeartbeat - after, evaluationDue));
    };
    async evaluate() {
        const evaluation = await this.judge.evaluate();
        this.last = evaluation;
        this.step.evaluations.push(evaluation);
        core/* info */.pq(this.log.line(String(this.step.evaluations.length), this.step.weight, evaluation));
        if (evaluation.verdict === 'failed') {
            this.failures++;
            if (this.failures >= this.settings.failureThreshold) {
                this.fail((0,words/* failedStepReason */.om)(this.failures, this.step.weight, evaluation));
            }
        }
        else if (evaluation.verdict === 'passed') {
            this.failures = 0;
            if (this.judge.leaningToFailure === undefined)
                this.passedOnce = true;
        }
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
        const acted = this.settings.autoRollback ? 'SageMaker rolls back on the verdict alarm' : 'auto-rollback is off';
        this.ctx.warn(`The new fleet failed its gates: ${reason}; ${acted}.`);
    }
    conclude() {
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
// EXTERNAL MODULE: ./src/rollout/record.ts
var rollout_record = __webpack_require__(7476);
// EXTERNAL MODULE: ./src/rollout/scaling.ts + 1 modules
var scaling = __webpack_require__(127);
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
            TerminationWaitInSeconds: waitIntervalInSeconds,
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
    if (!(0,gates/* hasGates */.x0)(settings.gates))
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
        // Still running when the wait gave up: SageMaker needs the alarm until it is done; the post step deletes it.
        if (error instanceof wait/* WaitTimeoutError */.Do)
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
        ? await (0,all_at_once/* baselineBefore */.l)(ctx, { baselineVariants: [variant.VariantName ?? ''], deployStartedAt: step.startedAt, source }, settings)
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
        return endedBySageMaker(landed, previousConfig, settings, judge.conclude(), step, ctx);
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
    return completedBySageMaker(ctx, settings, deployment, judge.conclude(), step);
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
 * How long a blue/green deployment bakes from the moment the new fleet first
 * takes traffic: every bake and the final wait at full traffic.
 */
function bakesAfterTrafficMs(settings) {
    // All at once bakes at full traffic, then waits TerminationWaitInSeconds before the old fleet goes
    // (https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-blue-green-all-at-once.html).
    if (settings.strategy === 'all-at-once')
        return 2 * settings.bakeTimeMs;
    return (0,native_limits/* leastTimeoutMs */.lo)(settings) - native_limits/* PROVISIONING_ESTIMATE_MS */.a6;
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

// EXTERNAL MODULE: ./src/metrics.ts
var metrics = __webpack_require__(5670);
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
// EXTERNAL MODULE: ./src/components/capacity.ts
var capacity = __webpack_require__(3398);
// EXTERNAL MODULE: ./src/components/component.ts
var components_component = __webpack_require__(5999);
// EXTERNAL MODULE: ./src/components/judge.ts
var judge = __webpack_require__(9879);
// EXTERNAL MODULE: ./src/components/moves.ts
var components_moves = __webpack_require__(6586);
// EXTERNAL MODULE: ./src/components/rollout.ts
var components_rollout = __webpack_require__(1785);
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
    const endpoint = await core/* group */.Os(`Creating endpoint "${ctx.endpointName}"`, () => (0,wait/* waitForInService */.pP)(ctx, release.releaseConfig, `the creation of endpoint "${ctx.endpointName}"`));
    await (0,src_endpoint/* reportEndpoint */.Us)(ctx, endpoint);
    return (0,all_at_once/* judgeAllAtOnce */.E)(ctx, deploy.rollout, {
        variant: variantName,
        baselineVariants: [],
        deployStartedAt: ctx.clock.now(),
        source: (0,invocation_metrics/* metricsSourceOf */.er)(blueprint.configSettings)
    });
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
    return (0,all_at_once/* judgeAllAtOnce */.E)(ctx, deploy.rollout, {
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
            ...definition,
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
        ...(deploy.source.kind === 'existing' ? { modelAsIs: true } : {})
    };
    (0,rollout_record/* startRolloutRecord */.H)(ctx, deploy.rollout, inFlight);
    const newVariantDefinition = blueprint.variant(newVariant, 0);
    inFlight.newVariantInstances = (0,resources/* fleetSize */.oE)([newVariantDefinition]);
    const moves = (0,rollout_moves/* deployMoves */.sX)({
        steps: deploy.rollout.trafficSteps,
        canaryVariants: [...oldDefinitions, newVariantDefinition],
        release: { ...newVariantDefinition, VariantName: inFlight.stableVariant, InitialVariantWeight: 1 },
        configSettings: blueprint.configSettings
    });
    return (0,executor/* carryOut */.u0)(ctx, deploy.rollout, inFlight, moves, { endpoint, current: currentConfig });
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
    const release = {
        modelName: deploy.modelName ?? (0,naming/* derivedName */.Pr)(settings.name, suffix),
        releaseConfig: (0,naming/* derivedName */.Pr)(ctx.endpointName, suffix),
        canaryConfig: (0,naming/* derivedName */.Pr)(ctx.endpointName, `${suffix}-canary`)
    };
    ctx.output('model-name', release.modelName);
    const servingModel = serving ? await (0,resources/* findModel */.P6)(ctx, (0,components_component/* modelOf */.DM)(serving) ?? '') : undefined;
    const blueprint = await blueprintFor(ctx, deploy, release, servingModel && endpoint && config
        ? { endpoint, config, primary: config.ProductionVariants?.[0] ?? {}, model: servingModel }
        : undefined);
    const from = serving ? stateOf(serving) : undefined;
    const target = {
        specification: specificationFor(deploy, settings, release.modelName, serving),
        copies: settings.copyCount ?? serving?.RuntimeConfig?.DesiredCopyCount ?? 1
    };
    if (serving && (0,components_component/* modelOf */.DM)(serving) === release.modelName) {
        return (0,rollout_result/* concludeRollout */.NS)(ctx, {
            outcome: 'succeeded',
            decision: `Inference component "${settings.name}" already runs model "${release.modelName}"; nothing to deploy.`,
            failsStep: false
        });
    }
    const rolling = from ? rollingFor(deploy, target.copies) : undefined;
    const siblings = endpoint ? await siblingsOf(ctx, settings.name) : [];
    const newVariant = endpoint ? undefined : componentVariant(deploy, settings, blueprint.variant('AllTraffic', 1));
    refuseWhatCannotBePlaced(ctx, { settings, config, endpoint, newVariant, siblings, from, target, rolling });
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
        earlierBaseline: from
            ? await (0,judge/* componentBaseline */.r2)(ctx, deploy.rollout, settings.name, (0,invocation_metrics/* metricsSourceOf */.er)(config ?? {}), ctx.clock.now())
            : []
    };
    const moves = (0,components_moves/* componentDeployMoves */.xN)({
        ...(newVariant
            ? {
                newEndpoint: {
                    config: release.releaseConfig,
                    variant: newVariant,
                    executionRoleArn: blueprint.model?.ExecutionRoleArn ?? deploy.executionRoleArn ?? ''
                }
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
    const result = await (0,components_rollout/* carryOutComponent */.hl)(ctx, deploy.rollout, rollout, moves);
    if (result)
        await (0,rollout_result/* concludeRollout */.NS)(ctx, result, created);
}
/** Components need an endpoint made for them: variants that name no model, the config's ExecutionRoleArn. */
function refuseEndpointWithModels(ctx, config) {
    const withModels = (config.ProductionVariants ?? []).filter((variant) => variant.ModelName);
    if (withModels.length === 0)
        return;
    throw new Error(`Input "inference-component-name": endpoint "${ctx.endpointName}" serves models on its variants (${withModels.map((variant) => `${variant.VariantName} runs "${variant.ModelName}"`).join(', ')}), and SageMaker places inference components only on an endpoint made for them, whose variants name no model. Nothing was changed. Deploy the component to a new endpoint (the action creates it ready for components), or leave inference-component-name out to deploy a variant.`);
}
/** The component when it exists, once settled; refused when it cannot be updated. */
async function servingComponent(ctx, name) {
    let component = await (0,components_component/* findComponent */.Tn)(ctx, name);
    if (!component)
        return undefined;
    if (component.EndpointName !== ctx.endpointName) {
        throw new Error(`Input "inference-component-name": inference component "${name}" runs on endpoint "${component.EndpointName}", not "${ctx.endpointName}"; nothing was changed.`);
    }
    if (component.InferenceComponentStatus !== 'InService') {
        component = await (0,components_component/* waitForComponent */.mt)(ctx, name, `its ${component.InferenceComponentStatus ?? ''} to finish`);
    }
    if (!component || component.InferenceComponentStatus !== 'InService') {
        throw new Error(`Inference component "${name}" is ${component?.InferenceComponentStatus ?? 'gone'} and cannot be updated${component?.FailureReason ? ` (FailureReason: ${component.FailureReason})` : ''}; nothing was changed.`);
    }
    if (component.Specification?.BaseInferenceComponentName) {
        throw new Error(`Inference component "${name}" is an adapter of "${component.Specification.BaseInferenceComponentName}": it runs inside the base component's copies and has no copies of its own to roll. Nothing was changed; update the base component, or the adapter's artifacts with UpdateInferenceComponent.`);
    }
    return component;
}
function stateOf(component) {
    const spec = component.Specification;
    return {
        specification: {
            ...(spec?.ModelName ? { ModelName: spec.ModelName } : {}),
            ...(spec?.ComputeResourceRequirements ? { ComputeResourceRequirements: spec.ComputeResourceRequirements } : {}),
            ...(spec?.StartupParameters ? { StartupParameters: spec.StartupParameters } : {})
        },
        copies: component.RuntimeConfig?.DesiredCopyCount ?? 1
    };
}
/** The new specification: the new model, with the compute and start-up settings the inputs set or the serving component has. */
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
        ...(Object.keys(startup).length > 0 ? { StartupParameters: startup } : {})
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
    throw new Error(`Input "batch-size": ${batch?.value}${batch?.type === 'CAPACITY_PERCENT' ? '%' : ' copies'} of ${copies} copies is outside SageMaker's 5% to 50% of the copies (from ${Math.max(1, Math.ceil(0.05 * copies))} to ${Math.floor(copies / 2)} copies); nothing was changed.`);
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
 * The worst moment of the rollout must fit: every other component's copies,
 * every old copy and one batch of new ones (a new component: all its copies),
 * on the instances the endpoint runs, or managed scaling's maximum.
 */
function refuseWhatCannotBePlaced(ctx, on) {
    const variant = on.newVariant ?? on.config?.ProductionVariants?.[0];
    const instanceType = variant?.InstanceType ?? '';
    if (!(0,capacity/* instanceResources */.Rb)(instanceType)) {
        ctx.warn(`The action does not know what a ${instanceType || 'variant without an instance type'} offers, so it could not check that the copies fit; SageMaker will refuse or roll back what does not.`);
        return;
    }
    const scaling = variant?.ManagedInstanceScaling;
    const managed = scaling?.Status === 'ENABLED' && scaling.MaxInstanceCount !== undefined;
    const live = on.endpoint?.ProductionVariants?.[0]?.CurrentInstanceCount;
    const instances = managed ? scaling.MaxInstanceCount : (live ?? (0,resources/* fleetSize */.oE)(variant ? [variant] : []));
    const copies = on.siblings
        .filter((sibling) => !sibling.Specification?.BaseInferenceComponentName)
        .map((sibling) => ({
        label: `"${sibling.InferenceComponentName}"`,
        count: Math.max(sibling.RuntimeConfig?.DesiredCopyCount ?? 0, sibling.RuntimeConfig?.CurrentCopyCount ?? 0),
        compute: computeOf(sibling.Specification?.ComputeResourceRequirements)
    }));
    const name = `"${on.settings.name}"`;
    if (on.from && on.rolling) {
        copies.push({
            label: `${name} (old)`,
            count: on.from.copies,
            compute: computeOf(on.from.specification.ComputeResourceRequirements)
        });
        copies.push({
            label: `${name} (new)`,
            count: on.rolling.batchCopies,
            compute: computeOf(on.target.specification.ComputeResourceRequirements)
        });
    }
    else {
        copies.push({
            label: name,
            count: on.target.copies,
            compute: computeOf(on.target.specification.ComputeResourceRequirements)
        });
    }
    const shortfall = (0,capacity/* capacityShortfall */.c3)({ instanceType, instances, managedMaximum: managed, copies });
    if (!shortfall)
        return;
    const what = on.from ? 'the rolling update' : 'the new component';
    throw new Error(`Endpoint "${ctx.endpointName}" cannot hold ${what}: ${shortfall}. Nothing was changed. Give it room (more instances, or a higher max-instance-count with managed instance scaling), a smaller batch-size, or smaller copies.`);
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





















async function blueprintFor(ctx, deploy, release, serving) {
    const sources = [];
    const { source } = deploy;
    let model;
    if (source.kind === 'existing') {
        await readExistingModel(ctx, deploy, release.modelName, sources);
    }
    else {
        const modelSettings = (0,src_serving/* newModelSettings */.Tc)(deploy, serving, sources);
        model = { ...modelSettings, PrimaryContainer: await (0,src_serving/* newContainer */.Yh)(ctx, source, (0,src_serving/* newInstanceType */.WV)(deploy, serving)) };
    }
    const configSettings = (0,src_serving/* configOverrides */.G_)(deploy, (0,src_serving/* carriedConfigSettings */.E6)(serving?.config), sources);
    const blueprint = {
        release,
        ...(model ? { model } : {}),
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
    const release = {
        modelName: deploy.modelName ?? (0,naming/* derivedName */.Pr)(ctx.endpointName, suffix),
        releaseConfig: (0,naming/* derivedName */.Pr)(ctx.endpointName, suffix),
        canaryConfig: (0,naming/* derivedName */.Pr)(ctx.endpointName, `${suffix}-canary`)
    };
    ctx.output('model-name', release.modelName);
    if (!existing) {
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
    const tags = await (0,lineage/* configTags */._F)(ctx, currentConfig);
    if (tags[src_tags/* TAGS */.gp.role] === 'canary') {
        throw new Error(`A rollout is already in flight on endpoint "${ctx.endpointName}": config "${currentConfigName}" carries new variant "${tags[src_tags/* TAGS */.gp.newVariant]}". Finish it with operation: promote or undo it with operation: rollback; nothing was changed.`);
    }
    ctx.expectedFleetChangeMs = (0,expectations/* lastFleetChangeMs */.j)(existing, currentConfig);
    const serving = await (0,src_serving/* readServing */.xT)(ctx, existing, currentConfig);
    (0,src_serving/* refuseWhatCannotBeCarried */.f1)(ctx, serving, deploy);
    await refuseUnservedLatencyPercentile(ctx, deploy.rollout.gates, serving.primary.VariantName ?? '', (0,invocation_metrics/* metricsSourceOf */.er)(currentConfig));
    const blueprint = await blueprintFor(ctx, deploy, release, serving);
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
        (0,native_limits/* refuseGuardrailExclusions */.x3)(existing.EndpointArn, [...(currentConfig.ProductionVariants ?? []), nativeVariant], [
            (0,serving_container/* servingContainer */._B)(serving.model)?.ModelPackageName,
            deploy.source.kind === 'package' ? deploy.source.modelPackageArn : undefined
        ]);
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


/***/ })

};
