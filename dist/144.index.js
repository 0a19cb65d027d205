export const id = 144;
export const ids = [144];
export const modules = {

/***/ 9091:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Il: () => (/* binding */ targetScope),
/* harmony export */   PW: () => (/* binding */ variantResourceId),
/* harmony export */   Qp: () => (/* binding */ formatVariantScaling),
/* harmony export */   cR: () => (/* binding */ targetResource),
/* harmony export */   dG: () => (/* binding */ deregisterVariantScaling),
/* harmony export */   eJ: () => (/* binding */ isSuspended),
/* harmony export */   it: () => (/* binding */ registerVariantScaling),
/* harmony export */   oM: () => (/* binding */ describeVariantScaling),
/* harmony export */   w8: () => (/* binding */ describeScalableTarget),
/* harmony export */   xX: () => (/* binding */ TARGET_TRACKING_POLICY_NAME)
/* harmony export */ });
/* unused harmony exports SERVICE_NAMESPACE, SCALABLE_DIMENSION */
/* harmony import */ var _aws_sdk_client_application_auto_scaling__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1491);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9378);
/**
 * Application Auto Scaling on SageMaker production variants: the one module
 * that reads, writes and removes a variant's scalable target, its scaling
 * policies and its scheduled actions.
 *
 * SageMaker refuses to remove a variant (or change its instance type or count
 * through UpdateEndpoint) while it is registered, so a rollout that retires a
 * variant calls, in this order:
 *
 *   const scaling = await describeVariantScaling(ctx, endpoint, oldVariant)
 *   if (scaling) await deregisterVariantScaling(ctx, endpoint, oldVariant, scaling)
 *   ... UpdateEndpoint ...
 *   if (scaling) await registerVariantScaling(ctx, endpoint, newVariant, scaling)
 *
 * and, if the update fails, registers `scaling` on the old variant again.
 * A VariantScaling is plain JSON, so it can be kept in saved state and restored
 * by the post step of a cancelled run.
 */


const SERVICE_NAMESPACE = 'sagemaker';
const SCALABLE_DIMENSION = 'sagemaker:variant:DesiredInstanceCount';
/**
 * The policy configure-autoscaling owns. One fixed name per variant makes a
 * re-run (or a change of scaling-metric) replace it instead of adding another.
 */
const TARGET_TRACKING_POLICY_NAME = 'sagemaker-deploy-target-tracking';
function variantResourceId(endpointName, variantName) {
    return `endpoint/${endpointName}/variant/${variantName}`;
}
/** The three fields that name a variant's scalable target in every Application Auto Scaling call. */
function targetScope(resourceId) {
    return { ServiceNamespace: SERVICE_NAMESPACE, ResourceId: resourceId, ScalableDimension: SCALABLE_DIMENSION };
}
/** How errors and the plan name the target: the resource id is what the AWS console shows. */
function targetResource(resourceId) {
    return `scalable target "${resourceId}"`;
}
function policyResource(policyName, resourceId) {
    return `scaling policy "${policyName}" of ${resourceId}`;
}
function scheduledActionResource(actionName, resourceId) {
    return `scheduled action "${actionName}" of ${resourceId}`;
}
/**
 * What Application Auto Scaling holds for the variant, or undefined when no
 * scalable target is registered (policies cannot exist without one).
 */
async function describeVariantScaling(ctx, endpointName, variantName) {
    const target = await describeScalableTarget(ctx, endpointName, variantName);
    if (!target)
        return undefined;
    const resourceId = variantResourceId(endpointName, variantName);
    const scope = targetScope(resourceId);
    const policies = await (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .collectPages */ .VV)('DescribeScalingPolicies', targetResource(resourceId), (page) => ctx.clients.autoscaling.send(new _aws_sdk_client_application_auto_scaling__WEBPACK_IMPORTED_MODULE_1__/* .DescribeScalingPoliciesCommand */ .yY({ ...scope, ...page })), (page) => page.ScalingPolicies);
    const actions = await (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .collectPages */ .VV)('DescribeScheduledActions', targetResource(resourceId), (page) => ctx.clients.autoscaling.send(new _aws_sdk_client_application_auto_scaling__WEBPACK_IMPORTED_MODULE_1__/* .DescribeScheduledActionsCommand */ .bE({ ...scope, ...page })), (page) => page.ScheduledActions);
    return {
        minCapacity: target.MinCapacity ?? 0,
        maxCapacity: target.MaxCapacity ?? 0,
        ...(isSuspended(target.SuspendedState) ? { suspendedState: target.SuspendedState } : {}),
        policies: policies.map(policySpec),
        scheduledActions: actions.map(scheduledActionSpec)
    };
}
function policySpec(policy) {
    const stepScaling = policy.StepScalingPolicyConfiguration;
    const alarmNames = (policy.Alarms ?? []).map((alarm) => alarm.AlarmName ?? '').filter(Boolean);
    return {
        PolicyName: policy.PolicyName ?? '',
        PolicyType: policy.PolicyType ?? (stepScaling ? 'StepScaling' : 'TargetTrackingScaling'),
        ...(policy.TargetTrackingScalingPolicyConfiguration
            ? { TargetTrackingScalingPolicyConfiguration: policy.TargetTrackingScalingPolicyConfiguration }
            : {}),
        // Target tracking's alarms belong to AWS, which makes new ones with the policy; only step scaling's are the user's.
        ...(stepScaling ? { StepScalingPolicyConfiguration: stepScaling, AlarmNames: alarmNames } : {})
    };
}
function scheduledActionSpec(action) {
    return {
        ScheduledActionName: action.ScheduledActionName ?? '',
        Schedule: action.Schedule ?? '',
        ...(action.Timezone ? { Timezone: action.Timezone } : {}),
        ...(action.StartTime ? { StartTime: new Date(action.StartTime).toISOString() } : {}),
        ...(action.EndTime ? { EndTime: new Date(action.EndTime).toISOString() } : {}),
        ...(action.ScalableTargetAction ? { ScalableTargetAction: action.ScalableTargetAction } : {})
    };
}
function isSuspended(state) {
    return Boolean(state && (state.DynamicScalingInSuspended || state.DynamicScalingOutSuspended || state.ScheduledScalingSuspended));
}
/**
 * Registers `scaling` on the variant: RegisterScalableTarget (which updates
 * min and max in place when already registered), then PutScalingPolicy and
 * PutScheduledAction for each, all through ctx.change. Metric dimensions
 * naming a variant or endpoint are pointed at this one, so a policy carried
 * over from another variant tracks the variant it now scales. Policies and
 * actions already on the variant under other names are left alone.
 */
async function registerVariantScaling(ctx, endpointName, variantName, scaling) {
    const resourceId = variantResourceId(endpointName, variantName);
    const scope = targetScope(resourceId);
    const target = {
        ...scope,
        MinCapacity: scaling.minCapacity,
        MaxCapacity: scaling.maxCapacity,
        ...(scaling.suspendedState ? { SuspendedState: scaling.suspendedState } : {})
    };
    await ctx.change('RegisterScalableTarget', targetResource(resourceId), target, () => ctx.clients.autoscaling.send(new _aws_sdk_client_application_auto_scaling__WEBPACK_IMPORTED_MODULE_1__/* .RegisterScalableTargetCommand */ .Jr(target)));
    for (const policy of scaling.policies) {
        const input = {
            ...scope,
            PolicyName: policy.PolicyName,
            PolicyType: policy.PolicyType,
            ...(policy.TargetTrackingScalingPolicyConfiguration
                ? {
                    TargetTrackingScalingPolicyConfiguration: retargetTracking(policy.TargetTrackingScalingPolicyConfiguration, endpointName, variantName)
                }
                : {}),
            ...(policy.StepScalingPolicyConfiguration
                ? { StepScalingPolicyConfiguration: policy.StepScalingPolicyConfiguration }
                : {})
        };
        const result = await ctx.change('PutScalingPolicy', policyResource(policy.PolicyName, resourceId), input, () => ctx.clients.autoscaling.send(new _aws_sdk_client_application_auto_scaling__WEBPACK_IMPORTED_MODULE_1__/* .PutScalingPolicyCommand */ .OJ(input)));
        if (policy.AlarmNames && policy.AlarmNames.length > 0) {
            // The alarms' actions hold the old policy's ARN; rewriting someone's alarms is not this action's call.
            ctx.warn(`Step scaling policy "${policy.PolicyName}" is now on ${resourceId}${result?.PolicyARN ? ` (${result.PolicyARN})` : ''}, but alarms ${policy.AlarmNames.map((name) => `"${name}"`).join(', ')} still invoke the policy it was copied from: point their actions at the new policy.`);
        }
    }
    for (const action of scaling.scheduledActions) {
        const input = {
            ...scope,
            ScheduledActionName: action.ScheduledActionName,
            Schedule: action.Schedule,
            ...(action.Timezone ? { Timezone: action.Timezone } : {}),
            ...(action.StartTime ? { StartTime: new Date(action.StartTime) } : {}),
            ...(action.EndTime ? { EndTime: new Date(action.EndTime) } : {}),
            ...(action.ScalableTargetAction ? { ScalableTargetAction: action.ScalableTargetAction } : {})
        };
        await ctx.change('PutScheduledAction', scheduledActionResource(action.ScheduledActionName, resourceId), input, () => ctx.clients.autoscaling.send(new _aws_sdk_client_application_auto_scaling__WEBPACK_IMPORTED_MODULE_1__/* .PutScheduledActionCommand */ .cx(input)));
    }
}
/**
 * Removes what `scaling` lists from the variant: DeleteScalingPolicy and
 * DeleteScheduledAction for each, then DeregisterScalableTarget, through
 * ctx.change. Something already gone counts as removed, so a retry after a
 * partial failure finishes the job.
 */
async function deregisterVariantScaling(ctx, endpointName, variantName, scaling) {
    const resourceId = variantResourceId(endpointName, variantName);
    const scope = targetScope(resourceId);
    for (const policy of scaling.policies) {
        const input = { ...scope, PolicyName: policy.PolicyName };
        await ignoringNotFound(() => ctx.change('DeleteScalingPolicy', policyResource(policy.PolicyName, resourceId), input, () => ctx.clients.autoscaling.send(new _aws_sdk_client_application_auto_scaling__WEBPACK_IMPORTED_MODULE_1__/* .DeleteScalingPolicyCommand */ .y5(input))));
    }
    for (const action of scaling.scheduledActions) {
        const input = { ...scope, ScheduledActionName: action.ScheduledActionName };
        await ignoringNotFound(() => ctx.change('DeleteScheduledAction', scheduledActionResource(action.ScheduledActionName, resourceId), input, () => ctx.clients.autoscaling.send(new _aws_sdk_client_application_auto_scaling__WEBPACK_IMPORTED_MODULE_1__/* .DeleteScheduledActionCommand */ .Mx(input))));
    }
    await ignoringNotFound(() => ctx.change('DeregisterScalableTarget', targetResource(resourceId), scope, () => ctx.clients.autoscaling.send(new _aws_sdk_client_application_auto_scaling__WEBPACK_IMPORTED_MODULE_1__/* .DeregisterScalableTargetCommand */ .CV(scope))));
}
async function ignoringNotFound(request) {
    try {
        await request();
    }
    catch (error) {
        if (!(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isNotFound */ .c4)(error))
            throw error;
    }
}
/** A copy whose metric dimensions name the variant (and endpoint) the policy is registered on. */
function retargetTracking(configuration, endpointName, variantName) {
    const copy = structuredClone(configuration);
    const metric = copy.CustomizedMetricSpecification;
    const dimensionLists = [
        metric?.Dimensions,
        ...(metric?.Metrics ?? []).map((query) => query.MetricStat?.Metric?.Dimensions)
    ];
    for (const dimensions of dimensionLists) {
        for (const dimension of dimensions ?? []) {
            if (dimension.Name === 'VariantName')
                dimension.Value = variantName;
            if (dimension.Name === 'EndpointName')
                dimension.Value = endpointName;
        }
    }
    return copy;
}
/** One line for logs and the summary: "1 to 4 instances; policy "x": target tracking ..." */
function formatVariantScaling(scaling) {
    const parts = [`${scaling.minCapacity} to ${scaling.maxCapacity} instances`];
    if (isSuspended(scaling.suspendedState))
        parts.push('scaling suspended');
    for (const policy of scaling.policies)
        parts.push(`policy "${policy.PolicyName}": ${formatPolicy(policy)}`);
    for (const action of scaling.scheduledActions) {
        const range = action.ScalableTargetAction;
        parts.push(`scheduled action "${action.ScheduledActionName}" (${action.Schedule}${range ? `: ${range.MinCapacity ?? '-'} to ${range.MaxCapacity ?? '-'}` : ''})`);
    }
    if (scaling.policies.length === 0)
        parts.push('no scaling policies');
    return parts.join('; ');
}
function formatPolicy(policy) {
    const tracking = policy.TargetTrackingScalingPolicyConfiguration;
    if (!tracking)
        return policy.PolicyType === 'StepScaling' ? 'step scaling' : policy.PolicyType;
    const metric = tracking.PredefinedMetricSpecification?.PredefinedMetricType ??
        tracking.CustomizedMetricSpecification?.MetricName ??
        'a metric math expression';
    const cooldowns = [
        tracking.ScaleInCooldown === undefined ? '' : `scale-in cooldown ${tracking.ScaleInCooldown}s`,
        tracking.ScaleOutCooldown === undefined ? '' : `scale-out cooldown ${tracking.ScaleOutCooldown}s`
    ].filter(Boolean);
    return `target tracking ${metric} at ${tracking.TargetValue}${cooldowns.length ? ` (${cooldowns.join(', ')})` : ''}`;
}
/** The variant's scalable target alone (no policies), or undefined when it has none. */
async function describeScalableTarget(ctx, endpointName, variantName) {
    const resourceId = variantResourceId(endpointName, variantName);
    const scope = targetScope(resourceId);
    const targets = await (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)('DescribeScalableTargets', targetResource(resourceId), () => ctx.clients.autoscaling.send(new _aws_sdk_client_application_auto_scaling__WEBPACK_IMPORTED_MODULE_1__/* .DescribeScalableTargetsCommand */ .sH({
        ServiceNamespace: scope.ServiceNamespace,
        ScalableDimension: scope.ScalableDimension,
        ResourceIds: [resourceId]
    })));
    return targets.ScalableTargets?.find((candidate) => candidate.ResourceId === resourceId);
}


/***/ }),

/***/ 5010:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fg: () => (/* binding */ tagsOf),
/* harmony export */   I$: () => (/* binding */ inUseByOtherEndpoints),
/* harmony export */   Wh: () => (/* binding */ modelsOf),
/* harmony export */   ZV: () => (/* binding */ readTaggedConfig),
/* harmony export */   _F: () => (/* binding */ configTags)
/* harmony export */ });
/* unused harmony export lineageOf */
/* harmony import */ var _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4459);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9378);
/* harmony import */ var _endpoint_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3150);
/* harmony import */ var _tags_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9506);
/**
 * The action's bookkeeping, read back: which endpoint a config was made for,
 * what served before it, and which configs and models other endpoints still
 * depend on. Rollback follows these tags from whatever config is current, so
 * it never has to guess from names (an endpoint called `fraud` must never
 * pick up configs of `fraud-v2`).
 */




/** Other endpoints are described a few at a time: fast on a large account, yet gentle on SageMaker's rate limits. */
const SCAN_CONCURRENCY = 4;
function lineageOf(tags) {
    const lineage = {};
    const endpoint = tags[_tags_js__WEBPACK_IMPORTED_MODULE_2__/* .TAGS */ .gp.endpoint];
    const previousConfig = tags[_tags_js__WEBPACK_IMPORTED_MODULE_2__/* .TAGS */ .gp.previousConfig];
    const role = tags[_tags_js__WEBPACK_IMPORTED_MODULE_2__/* .TAGS */ .gp.role];
    const newVariant = tags[_tags_js__WEBPACK_IMPORTED_MODULE_2__/* .TAGS */ .gp.newVariant];
    if (endpoint)
        lineage.endpoint = endpoint;
    if (previousConfig)
        lineage.previousConfig = previousConfig;
    if (role)
        lineage.role = role;
    if (newVariant)
        lineage.newVariant = newVariant;
    return lineage;
}
/** All tags on an endpoint config (ListTags on its ARN). */
async function configTags(ctx, config) {
    const arn = config.EndpointConfigArn;
    if (!arn)
        return {};
    return tagsOf(ctx, arn, `endpoint config "${config.EndpointConfigName}"`);
}
/** All tags on a SageMaker resource, by its ARN. */
async function tagsOf(ctx, arn, resource) {
    const tags = await (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .collectPages */ .VV)('ListTags', resource, (page) => ctx.clients.sagemaker.send(new _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_3__/* .ListTagsCommand */ .bvr({ ResourceArn: arn, MaxResults: 100, ...page })), (page) => page.Tags);
    return Object.fromEntries(tags.filter((tag) => tag.Key !== undefined).map((tag) => [tag.Key, tag.Value ?? '']));
}
/** A config with its tags read; undefined when the config does not exist. */
async function readTaggedConfig(ctx, configName) {
    const config = await (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_1__/* .findEndpointConfig */ .NW)(ctx, configName);
    if (!config)
        return undefined;
    const tags = await configTags(ctx, config);
    return { config, tags, lineage: lineageOf(tags) };
}
/** Every model a config runs, shadow variants included, each once. */
function modelsOf(config) {
    const variants = [...(config.ProductionVariants ?? []), ...(config.ShadowProductionVariants ?? [])];
    return [...new Set(variants.map((variant) => variant.ModelName).filter((name) => !!name))];
}
async function listEndpoints(ctx) {
    return (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .collectPages */ .VV)('ListEndpoints', `endpoints in ${ctx.settings.region}`, (page) => ctx.clients.sagemaker.send(new _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_3__/* .ListEndpointsCommand */ .c8o({ MaxResults: 100, ...page })), (page) => page.Endpoints);
}
async function mapLimited(items, limit, task) {
    const results = [];
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            results[index] = await task(items[index]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}
function addUser(map, name, user) {
    const users = map.get(name) ?? [];
    if (!users.includes(user))
        users.push(user);
    map.set(name, users);
}
/**
 * The configs (and, with `models`, the models) that endpoints other than
 * `endpointName` run. SageMaker lets a config or model be deleted while an
 * endpoint still uses it, so this is the only guard there is. An endpoint in
 * the middle of an update counts both its current config and the one it is
 * moving to. Endpoints already being deleted are left out: they will not need
 * anything. Configs kept only as rollback targets are not seen.
 */
async function inUseByOtherEndpoints(ctx, endpointName, { models = true } = {}) {
    const inUse = { configs: new Map(), models: new Map() };
    const others = (await listEndpoints(ctx)).filter((summary) => summary.EndpointName && summary.EndpointName !== endpointName && summary.EndpointStatus !== 'Deleting');
    const described = await mapLimited(others, SCAN_CONCURRENCY, (summary) => (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_1__/* .findEndpoint */ .vS)(ctx, summary.EndpointName));
    for (const endpoint of described) {
        if (!endpoint?.EndpointName)
            continue;
        for (const configName of [endpoint.EndpointConfigName, endpoint.PendingDeploymentSummary?.EndpointConfigName]) {
            if (configName)
                addUser(inUse.configs, configName, endpoint.EndpointName);
        }
    }
    if (!models)
        return inUse;
    const configNames = [...inUse.configs.keys()];
    const configs = await mapLimited(configNames, SCAN_CONCURRENCY, (name) => (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_1__/* .findEndpointConfig */ .NW)(ctx, name));
    configs.forEach((config, index) => {
        if (!config)
            return;
        const users = inUse.configs.get(configNames[index]) ?? [];
        for (const model of modelsOf(config)) {
            for (const user of users)
                addUser(inUse.models, model, user);
        }
    });
    return inUse;
}


/***/ }),

/***/ 2281:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  u7: () => (/* binding */ createEndpointConfig),
  d_: () => (/* binding */ createEndpointOn),
  JD: () => (/* binding */ deleteConfigQuietly),
  VL: () => (/* binding */ discardUnused),
  aI: () => (/* binding */ ensureModel),
  oE: () => (/* binding */ fleetSize),
  dx: () => (/* binding */ variantDefinition)
});

// UNUSED EXPORTS: NameTakenError, includes

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-cjs/index.js
var dist_cjs = __webpack_require__(4459);
// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/endpoint.ts
var src_endpoint = __webpack_require__(3150);
// EXTERNAL MODULE: ./src/lineage.ts
var lineage = __webpack_require__(5010);
// EXTERNAL MODULE: ./src/tags.ts
var src_tags = __webpack_require__(9506);
// EXTERNAL MODULE: ./src/serving-container.ts
var serving_container = __webpack_require__(6221);
;// CONCATENATED MODULE: ./src/model-request.ts

/** The CreateModel request for a spec: what the container runs joined with its settings. */
function createModelInput(modelName, spec, tags) {
    const { containerSettings, containerInList, PrimaryContainer: runs, ...model } = spec;
    const container = (0,serving_container/* containerToCreate */.h6)(runs, containerSettings);
    return {
        ModelName: modelName,
        ...model,
        ...(containerInList ? { Containers: [container] } : { PrimaryContainer: container }),
        Tags: tags
    };
}

;// CONCATENATED MODULE: ./src/secrets.ts


/** Shorter values (`1`, `on`) are too common in ordinary messages to mask without mangling them, and guard nothing. */
const MIN_MASKED_CHARS = 4;
const MASK = '«hidden»';
/** A copy of a CreateModel request to show: every container's environment keeps its keys, not its values. */
function hideEnvironment(input) {
    const hidden = (environment) => environment && Object.fromEntries(Object.keys(environment).map((key) => [key, serving_container/* HIDDEN_VALUE */.Ls]));
    const shown = { ...input };
    if (input.PrimaryContainer) {
        shown.PrimaryContainer = { ...input.PrimaryContainer };
        if (input.PrimaryContainer.Environment) {
            shown.PrimaryContainer.Environment = hidden(input.PrimaryContainer.Environment);
        }
    }
    if (input.Containers) {
        shown.Containers = input.Containers.map((container) => container.Environment ? { ...container, Environment: hidden(container.Environment) } : container);
    }
    return shown;
}
/** The error with any of the environment's values in its message masked; the error itself when none is there. */
function maskEnvironmentValues(error, environment) {
    const values = Object.values(environment ?? {})
        .filter((value) => value.length >= MIN_MASKED_CHARS)
        // Longest first, so a shorter value never leaves part of a longer one behind.
        .sort((a, b) => b.length - a.length);
    const mask = (text) => values.reduce((masked, value) => masked.split(value).join(MASK), text);
    if (error instanceof errors/* AwsCallError */.iQ) {
        const masked = mask(error.awsMessage);
        if (masked === error.awsMessage)
            return error;
        // The cause carries the unmasked message: it is not kept.
        return new errors/* AwsCallError */.iQ(error.api, error.resource, error.code, masked);
    }
    if (error instanceof Error && mask(error.message) !== error.message) {
        const masked = new Error(mask(error.message));
        masked.name = error.name;
        return masked;
    }
    return error;
}

;// CONCATENATED MODULE: ./src/resources.ts
/** The models and endpoint configs a deploy creates, tagged so later runs can find their way back, and their clean-up. */








/**
 * Creates the model, or reuses one of the same name that already runs the
 * same container (a re-run of a job that failed after creating it). Returns
 * whether this run created it. When it creates it, the name goes into
 * `created` before CreateModel is sent (a run cancelled while the request is
 * on its way must still know it), and out again if the name turns out to be
 * another run's; `onRecord` is told of both.
 */
async function ensureModel(ctx, modelName, spec, options) {
    const input = createModelInput(modelName, spec, (0,src_tags/* toTagList */.s3)({ ...runTags(ctx, options.tags), [src_tags/* TAGS */.gp.endpoint]: ctx.endpointName }));
    if (options.reuseByName) {
        const existing = await findModel(ctx, modelName);
        if (existing) {
            const container = (0,serving_container/* servingContainer */._B)(existing);
            const wanted = (0,serving_container/* servingContainer */._B)(input);
            const same = (container?.Image ?? '') === (wanted?.Image ?? '') &&
                (container?.ModelPackageName ?? '') === (wanted?.ModelPackageName ?? '') &&
                (0,serving_container/* modelDataLocation */.RG)(container) === (0,serving_container/* modelDataLocation */.RG)(wanted) &&
                existing.ExecutionRoleArn === spec.ExecutionRoleArn;
            if (!same) {
                throw new Error(`Input "model-name": model "${modelName}" already exists with another image, model data or role; choose a new name or leave model-name empty to derive one.`);
            }
            ctx.note(`Model "${modelName}" already exists with the same container; reusing it.`);
            return false;
        }
    }
    const { created, onRecord } = options;
    created?.models.push(modelName);
    onRecord?.();
    try {
        await createOrAdopt(ctx, 
        // The plan, the log and the summary get the request with its environment's values hidden; AWS gets it whole.
        { api: 'CreateModel', resource: `model "${modelName}"`, input: hideEnvironment(input) }, () => ctx.clients.sagemaker.send(new dist_cjs/* CreateModelCommand */.TIE(input)), async () => {
            const model = await findModel(ctx, modelName);
            if (!model)
                return undefined;
            const { ModelName: _name, Tags: tags, ...wanted } = input;
            if (!includes(model, wanted))
                return 'it runs another container, model data, role or network settings';
            return ownedByThisRun(ctx, model.ModelArn, tags);
        });
    }
    catch (error) {
        if (error instanceof NameTakenError && created) {
            created.models = created.models.filter((name) => name !== modelName);
            onRecord?.();
        }
        // A validation error may quote the value it refused.
        throw maskEnvironmentValues(error, (0,serving_container/* servingContainer */._B)(input)?.Environment);
    }
    return true;
}
/** A name this run chose belongs to a resource that is not this run's. */
class NameTakenError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = 'NameTakenError';
    }
}
/**
 * The workflow's tags on top of the run's traceability tags (repository,
 * commit, ref and run URL), which also tell a resource this run created
 * from one of the same name that another run did.
 */
function runTags(ctx, userTags) {
    return { ...ctx.run.tags, ...userTags };
}
/**
 * Creates a resource under a name this run chose. The SDK retries a create
 * whose answer was lost, and SageMaker refuses the retry: the name is taken,
 * by the first attempt. So when the create is refused as already existing, or
 * fails in a way that may hide a success, what has that name is looked at:
 * this run's own (the spec it asked for, tagged with this run) is used as if
 * the create had answered; anything else fails the run, naming it.
 */
async function createOrAdopt(ctx, change, send, ownership) {
    try {
        await ctx.change(change.api, change.resource, change.input, send);
    }
    catch (error) {
        if (!(0,errors/* isAlreadyExists */.x9)(error) && !(0,errors/* answerMayBeLost */.hx)(error))
            throw error;
        const found = await ownership();
        if (found === undefined)
            throw error;
        if (found !== true) {
            throw new NameTakenError(`${capitalised(change.resource)} already exists and is not this run's: ${found}. It was left as it is; run again to derive new names, or remove it if nothing needs it.`, { cause: error });
        }
        ctx.note(`${capitalised(change.resource)} was created by this run, though ${change.api}'s answer was lost or refused on a retry; using it.`);
    }
}
/** Whether a resource's tags carry every tag this run gave it: the run URL among them, when there is one. */
async function ownedByThisRun(ctx, arn, wanted) {
    const tags = arn ? await (0,lineage/* tagsOf */.Fg)(ctx, arn, arn) : {};
    const differing = (wanted ?? []).filter((tag) => tag.Key !== undefined && tags[tag.Key] !== tag.Value);
    if (differing.length === 0)
        return true;
    const runUrl = tags['sagemaker-deploy:run-url'];
    return `its tags differ (${differing.map((tag) => tag.Key).join(', ')})${runUrl ? `; it was created by ${runUrl}` : ''}`;
}
/**
 * Whether `actual` holds everything `wanted` asks for: every field given, in
 * arrays element by element. SageMaker's describe calls add fields of their
 * own (defaults, ARNs, times), and leave out empty ones.
 */
function includes(actual, wanted) {
    if (wanted === undefined || wanted === null)
        return true;
    if (Array.isArray(wanted)) {
        if (wanted.length === 0)
            return actual === undefined || (Array.isArray(actual) && actual.length === 0);
        return (Array.isArray(actual) && actual.length === wanted.length && wanted.every((item, i) => includes(actual[i], item)));
    }
    if (typeof wanted === 'object') {
        const entries = Object.entries(wanted);
        if (entries.length === 0)
            return true;
        if (!actual || typeof actual !== 'object')
            return false;
        return entries.every(([key, value]) => includes(actual[key], value));
    }
    return actual === wanted;
}
function capitalised(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
/** Creates the endpoint on `configName`, tagged as everything the run creates. */
async function createEndpointOn(ctx, configName, userTags) {
    const input = {
        EndpointName: ctx.endpointName,
        EndpointConfigName: configName,
        Tags: (0,src_tags/* toTagList */.s3)(runTags(ctx, userTags))
    };
    await createOrAdopt(ctx, { api: 'CreateEndpoint', resource: `endpoint "${ctx.endpointName}"`, input }, () => ctx.clients.sagemaker.send(new dist_cjs/* CreateEndpointCommand */.fRi(input)), async () => {
        const endpoint = await (0,src_endpoint/* findEndpoint */.vS)(ctx);
        if (!endpoint)
            return undefined;
        const on = [endpoint.EndpointConfigName, endpoint.PendingDeploymentSummary?.EndpointConfigName];
        if (!on.includes(configName))
            return `it runs endpoint config "${endpoint.EndpointConfigName}"`;
        return ownedByThisRun(ctx, endpoint.EndpointArn, input.Tags);
    });
}
/**
 * Deletes what a failed deploy created and nothing uses, so a re-run starts
 * clean instead of leaving orphans behind. Never touches what the endpoint
 * runs on. Failures here are warnings: the deploy's own error matters more.
 * Returns what it deleted.
 */
async function discardUnused(ctx, created) {
    const deleted = { models: [], configs: [] };
    if (ctx.dryRun)
        return deleted;
    try {
        const endpoint = await (0,src_endpoint/* findEndpoint */.vS)(ctx);
        // Mid-transition (a wait that timed out, a rollback SageMaker is running) the config being deployed shows
        // only as pending: deleting it then would break SageMaker's own update. Leave everything as it is.
        if (endpoint && endpoint.EndpointStatus !== 'InService') {
            ctx.warn(`Endpoint "${ctx.endpointName}" is ${endpoint.EndpointStatus}: the model and configs this run created were kept.`);
            return deleted;
        }
        const serving = endpoint?.EndpointConfigName;
        const servingConfig = serving ? await (0,src_endpoint/* findEndpointConfig */.NW)(ctx, serving) : undefined;
        const servingModels = new Set((servingConfig?.ProductionVariants ?? []).map((variant) => variant.ModelName));
        for (const name of created.configs.filter((config) => config !== serving)) {
            if (!(await (0,src_endpoint/* findEndpointConfig */.NW)(ctx, name)))
                continue;
            await deleteConfig(ctx, name);
            deleted.configs.push(name);
        }
        for (const name of created.models.filter((model) => !servingModels.has(model))) {
            // Recorded before its CreateModel was sent: a run cancelled then may never have made it.
            if (!(await findModel(ctx, name)))
                continue;
            await deleteOnce(ctx, { api: 'DeleteModel', resource: `model "${name}"`, input: { ModelName: name } }, () => ctx.clients.sagemaker.send(new dist_cjs/* DeleteModelCommand */.em({ ModelName: name })), async () => (await findModel(ctx, name)) !== undefined);
            deleted.models.push(name);
        }
    }
    catch (error) {
        ctx.warn(`Could not clean up what the failed deploy created: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
    return deleted;
}
/**
 * A delete whose answer was lost is retried by the SDK, and the retry finds
 * nothing to delete: gone is what was asked for, so "not found" is success,
 * and so is a lost answer when the resource is gone.
 */
async function deleteOnce(ctx, change, send, stillThere) {
    try {
        await ctx.change(change.api, change.resource, change.input, send);
    }
    catch (error) {
        if ((0,errors/* isNotFound */.c4)(error))
            return;
        if ((0,errors/* answerMayBeLost */.hx)(error) && !(await stillThere()))
            return;
        throw error;
    }
}
async function deleteConfig(ctx, name) {
    const input = { EndpointConfigName: name };
    await deleteOnce(ctx, { api: 'DeleteEndpointConfig', resource: `endpoint config "${name}"`, input }, () => ctx.clients.sagemaker.send(new dist_cjs/* DeleteEndpointConfigCommand */.WLA(input)), async () => (await (0,src_endpoint/* findEndpointConfig */.NW)(ctx, name)) !== undefined);
}
async function findModel(ctx, modelName) {
    try {
        return await (0,errors/* awsCall */.uF)('DescribeModel', `model "${modelName}"`, () => ctx.clients.sagemaker.send(new dist_cjs/* DescribeModelCommand */.utY({ ModelName: modelName })));
    }
    catch (error) {
        if ((0,errors/* isNotFound */.c4)(error))
            return undefined;
        throw error;
    }
}
/**
 * Creates an endpoint config with the given variants and the endpoint-level
 * `settings` (data capture, encryption key, asynchronous inference...), which
 * callers carry from the config that served, so a deploy never silently
 * turns them off.
 */
async function createEndpointConfig(ctx, configName, variants, lineage, userTags, settings = {}) {
    const tags = {
        ...runTags(ctx, userTags),
        [src_tags/* TAGS */.gp.endpoint]: ctx.endpointName,
        [src_tags/* TAGS */.gp.role]: lineage.role
    };
    if (lineage.previousConfig)
        tags[src_tags/* TAGS */.gp.previousConfig] = lineage.previousConfig;
    if (lineage.newVariant)
        tags[src_tags/* TAGS */.gp.newVariant] = lineage.newVariant;
    if (lineage.modelAsIs)
        tags[src_tags/* TAGS */.gp.modelAsIs] = 'true';
    const input = {
        ...settings,
        EndpointConfigName: configName,
        ProductionVariants: variants,
        Tags: (0,src_tags/* toTagList */.s3)(tags)
    };
    await createOrAdopt(ctx, { api: 'CreateEndpointConfig', resource: `endpoint config "${configName}"`, input }, () => ctx.clients.sagemaker.send(new dist_cjs/* CreateEndpointConfigCommand */.dH8(input)), async () => {
        const config = await (0,src_endpoint/* findEndpointConfig */.NW)(ctx, configName);
        if (!config)
            return undefined;
        const { EndpointConfigName: _name, Tags: wantedTags, ...wanted } = input;
        if (!includes(config, wanted))
            return 'its variants or settings are not the ones this run asked for';
        return ownedByThisRun(ctx, config.EndpointConfigArn, wantedTags);
    });
}
/** A variant definition as CreateEndpointConfig wants it, from a described config's variant. */
function variantDefinition(config, variantName, overrides) {
    const found = config.ProductionVariants?.find((variant) => variant.VariantName === variantName);
    if (!found) {
        throw new Error(`Endpoint config "${config.EndpointConfigName}" has no variant "${variantName}".`);
    }
    return { ...found, ...overrides };
}
/** Deletes a config the endpoint does not run on, if it exists; a failure is only a warning. */
async function deleteConfigQuietly(ctx, configName) {
    if (!configName)
        return;
    try {
        if (!(await (0,src_endpoint/* findEndpointConfig */.NW)(ctx, configName)))
            return;
        await deleteConfig(ctx, configName);
    }
    catch (error) {
        ctx.warn(`Could not delete endpoint config "${configName}": ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
}
/** The instances of a set of variants; serverless ones run none of their own. */
function fleetSize(variants) {
    return variants.reduce((sum, variant) => sum + (variant.ServerlessConfig ? 0 : (variant.InitialInstanceCount ?? 0)), 0);
}


/***/ }),

/***/ 3752:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ci: () => (/* binding */ failedUpdateResult),
/* harmony export */   NS: () => (/* binding */ concludeRollout),
/* harmony export */   qv: () => (/* binding */ setRolloutOutputs)
/* harmony export */ });
/* unused harmony export RolloutFailedError */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9378);
/* harmony import */ var _endpoint_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3150);
/* harmony import */ var _resources_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2281);
/* harmony import */ var _wait_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(910);
/**
 * How a rollout ended, decided once. The engine, the all-at-once judge and
 * the SageMaker controller each return a RolloutResult; concludeRollout is the
 * one place that turns it into outputs, the summary's decision, the log's
 * verdict and the clean-up, so no operation ever reads its own outputs back.
 */





/** Thrown when a rollout ended rolled back, failed or undecided; outputs and summary are already set. */
class RolloutFailedError extends Error {
    constructor(message) {
        super(message);
        this.name = 'RolloutFailedError';
    }
}
/**
 * Records the result (outputs, summary, log), takes away what the run made
 * and nothing runs on when the rollout did not go ahead, shows where the
 * endpoint was left, and fails the step when the result says so.
 */
async function concludeRollout(ctx, result, created) {
    const record = ctx.report.rollout;
    if (record) {
        record.result = result.outcome;
        record.decision = result.decision;
    }
    else if (!result.failsStep) {
        // For the summary only: announce() below puts it in the log, as a notice.
        ctx.report.notes.push(result.decision);
    }
    setRolloutOutputs(ctx, {
        outcome: result.outcome,
        rolledBack: result.rolledBack ?? result.outcome === 'rolled-back',
        ...(result.healthy !== undefined ? { healthy: result.healthy } : {})
    });
    announce(result);
    if (created && (result.outcome === 'rolled-back' || result.outcome === 'failed')) {
        await (0,_resources_js__WEBPACK_IMPORTED_MODULE_3__/* .discardUnused */ .VL)(ctx, created);
    }
    if (!ctx.dryRun) {
        try {
            const endpoint = await (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_2__/* .findEndpoint */ .vS)(ctx);
            if (endpoint)
                await (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_2__/* .reportEndpoint */ .Us)(ctx, endpoint);
        }
        catch (error) {
            ctx.warn(`Could not read where endpoint "${ctx.endpointName}" was left: ${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}`);
        }
    }
    if (result.cause !== undefined)
        throw result.cause;
    if (result.failsStep)
        throw new RolloutFailedError(result.decision);
    if (result.outcome === 'rolled-back') {
        ctx.warn(`${result.decision} The step succeeds because fail-on-rollback is false.`);
    }
}
/**
 * The one place rollout-result, rolled-back and healthy are set: by a
 * rollout's conclusion, and by the rollback operation and the post step,
 * which roll back without a rollout of their own.
 */
function setRolloutOutputs(ctx, outputs) {
    if (outputs.outcome !== undefined)
        ctx.output('rollout-result', outputs.outcome);
    ctx.output('rolled-back', outputs.rolledBack);
    if (outputs.healthy !== undefined)
        ctx.output('healthy', outputs.healthy);
}
function announce(result) {
    if (result.failsStep || result.outcome === 'failed') {
        // The step's own failure message says it; the log gets the decision where it happened.
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(result.decision);
        return;
    }
    if (result.outcome === 'succeeded' || result.outcome === 'paused')
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .notice */ .lm(result.decision);
}
/** An update SageMaker did not complete: failed, and rolled back when SageMaker put the old config back. */
function failedUpdateResult(error) {
    if (!(error instanceof _wait_js__WEBPACK_IMPORTED_MODULE_4__/* .EndpointStateError */ .D7) || !error.endpoint)
        return undefined;
    return {
        outcome: 'failed',
        decision: error.message,
        rolledBack: error.endpoint.EndpointStatus === 'InService',
        failsStep: true
    };
}


/***/ }),

/***/ 127:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  If: () => (/* binding */ holdServingCapacity),
  UV: () => (/* binding */ putScalingBack),
  Ay: () => (/* binding */ releaseServingCapacity),
  oQ: () => (/* binding */ restoreScaling),
  nW: () => (/* binding */ restoreServingCapacity),
  ZD: () => (/* binding */ scalingMovesFor),
  on: () => (/* binding */ takeScalingOff),
  Dl: () => (/* binding */ withScalingMoved)
});

// EXTERNAL MODULE: ./src/autoscaling.ts
var autoscaling = __webpack_require__(9091);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-application-auto-scaling/dist-cjs/index.js
var dist_cjs = __webpack_require__(1491);
;// CONCATENATED MODULE: ./src/scale-in.ts
/**
 * Holding a variant's capacity through a rollout: its dynamic scale-in
 * suspended while traffic moves away from it, and put back as it was.
 * https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-suspend-resume-scaling.html
 */


/** All three switches, so an update never leaves one to chance. */
function fullState(state) {
    return {
        DynamicScalingInSuspended: state?.DynamicScalingInSuspended ?? false,
        DynamicScalingOutSuspended: state?.DynamicScalingOutSuspended ?? false,
        ScheduledScalingSuspended: state?.ScheduledScalingSuspended ?? false
    };
}
/**
 * Suspends the variant's dynamic scale-in (scale-out stays on), so traffic
 * moving away from it cannot shrink the fleet a rollback would return to.
 * Returns the state it had, to put back; undefined when the variant is not
 * scaled or its scale-in is suspended already.
 * https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-suspend-resume-scaling.html
 */
async function suspendScaleIn(ctx, endpointName, variantName, aboutToSuspend = () => { }) {
    const target = await (0,autoscaling/* describeScalableTarget */.w8)(ctx, endpointName, variantName);
    if (!target || target.SuspendedState?.DynamicScalingInSuspended)
        return undefined;
    const before = fullState(target.SuspendedState);
    // Told before the call goes out: a run cancelled while it is out must still know what to put back.
    aboutToSuspend(before);
    const resourceId = (0,autoscaling/* variantResourceId */.PW)(endpointName, variantName);
    // Min and max left out: RegisterScalableTarget on a registered target changes only what it is given.
    const input = {
        ...(0,autoscaling/* targetScope */.Il)(resourceId),
        SuspendedState: { ...before, DynamicScalingInSuspended: true }
    };
    await ctx.change('RegisterScalableTarget', (0,autoscaling/* targetResource */.cR)(resourceId), input, () => ctx.clients.autoscaling.send(new dist_cjs/* RegisterScalableTargetCommand */.Jr(input)));
    return before;
}
/**
 * Puts back the state suspendScaleIn found, if scale-in is still suspended;
 * a variant no longer registered (its scaling moved elsewhere) is left
 * alone. Safe to repeat, from the post step too. A dry run suspended
 * nothing, so it plans the resume its run would send to a registered variant.
 */
async function resumeScaleIn(ctx, endpointName, variantName, before) {
    const target = await (0,autoscaling/* describeScalableTarget */.w8)(ctx, endpointName, variantName);
    if (!target || (!ctx.dryRun && !target.SuspendedState?.DynamicScalingInSuspended))
        return;
    const resourceId = (0,autoscaling/* variantResourceId */.PW)(endpointName, variantName);
    const input = { ...(0,autoscaling/* targetScope */.Il)(resourceId), SuspendedState: fullState(before) };
    await ctx.change('RegisterScalableTarget', (0,autoscaling/* targetResource */.cR)(resourceId), input, () => ctx.clients.autoscaling.send(new dist_cjs/* RegisterScalableTargetCommand */.Jr(input)));
}

// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/endpoint.ts
var src_endpoint = __webpack_require__(3150);
// EXTERNAL MODULE: ./src/update.ts
var update = __webpack_require__(6082);
;// CONCATENATED MODULE: ./src/rollout/scaling.ts





/** The moves an update from `current` to a config of `target` variants needs; none when nothing is scaled. */
async function scalingMovesFor(ctx, endpoint, current, target, targetName) {
    return (await planScaling(ctx, endpoint, current, target, targetName)).moves;
}
/** The moves, and the scaled variants the update keeps as they are (their registration stays through it). */
async function planScaling(ctx, endpoint, current, target, targetName) {
    const live = (endpoint.ProductionVariants ?? []).map((variant) => variant.VariantName ?? '');
    const scaled = [];
    try {
        for (const variant of live) {
            const scaling = await (0,autoscaling/* describeVariantScaling */.oM)(ctx, ctx.endpointName, variant);
            if (scaling)
                scaled.push({ variant, scaling });
        }
    }
    catch (error) {
        if ((0,errors/* errorCode */.CA)(error) !== 'AccessDeniedException')
            throw error;
        // Reading is only a precaution: if nothing is scaled the update goes through, and if something is SageMaker says so.
        ctx.warn(`Could not read the endpoint's autoscaling (${(0,errors/* errorCode */.CA)(error)}); if a scaled variant is removed or changes instance type, SageMaker will refuse the update.`);
        return { moves: [], kept: [] };
    }
    const moves = [];
    const removed = [];
    const kept = [];
    for (const { variant, scaling } of scaled) {
        const staying = target.find((candidate) => candidate.VariantName === variant);
        const before = current?.ProductionVariants?.find((candidate) => candidate.VariantName === variant);
        if (!staying)
            removed.push({ from: variant, scaling });
        else if (before && staying.InstanceType !== before.InstanceType)
            moves.push({ from: variant, to: variant, scaling });
        else
            kept.push(variant);
    }
    const unscaled = target
        .map((variant) => variant.VariantName ?? '')
        .filter((name) => !scaled.some((entry) => entry.variant === name));
    const receiver = unscaled.length === 1 && removed.length === 1 ? unscaled[0] : undefined;
    for (const move of removed) {
        if (receiver) {
            moves.push({ ...move, to: receiver });
            continue;
        }
        ctx.warn(`Autoscaling on variant "${move.from}" (${(0,autoscaling/* formatVariantScaling */.Qp)(move.scaling)}) is removed: config "${targetName}" has no variant "${move.from}" and no single variant to carry it to. Run configure-autoscaling on the variants that need it.`);
        moves.push(move);
    }
    return { moves, kept };
}
/** Deregisters the scaling of every move, before the update. */
async function takeScalingOff(ctx, moves) {
    for (const { from, scaling } of moves)
        await (0,autoscaling/* deregisterVariantScaling */.dG)(ctx, ctx.endpointName, from, scaling);
}
/** Registers each move's scaling on its new variant; a failure is a warning, the update itself having succeeded. */
async function putScalingBack(ctx, moves) {
    for (const { from, to, scaling } of moves) {
        if (!to)
            continue;
        try {
            await (0,autoscaling/* registerVariantScaling */.it)(ctx, ctx.endpointName, to, scaling);
            ctx.note(from === to
                ? `Autoscaling put back on variant "${to}" after its instance type changed.`
                : `Autoscaling carried over from variant "${from}" to "${to}" (${scaling.minCapacity} to ${scaling.maxCapacity} instances).`);
        }
        catch (error) {
            ctx.warn(`Could not register autoscaling on variant "${to}": ${(0,errors/* errorMessage */.gJ)(error)} Run configure-autoscaling for it.`);
        }
    }
}
/**
 * After a failed update the endpoint may be back on the variants whose
 * scaling was taken off; they get it back so the failure leaves them as they were.
 */
async function restoreScaling(ctx, moves) {
    if (moves.length === 0 || ctx.dryRun)
        return;
    const now = await (0,src_endpoint/* findEndpoint */.vS)(ctx).catch(() => undefined);
    const live = (now?.ProductionVariants ?? []).map((variant) => variant.VariantName ?? '');
    for (const { from, scaling } of moves) {
        if (now?.EndpointStatus !== 'InService' || !live.includes(from)) {
            ctx.warn(`Autoscaling of variant "${from}" (${(0,autoscaling/* formatVariantScaling */.Qp)(scaling)}) was removed for the update and could not be put back; run configure-autoscaling once the endpoint is InService.`);
            continue;
        }
        try {
            await (0,autoscaling/* registerVariantScaling */.it)(ctx, ctx.endpointName, from, scaling);
            ctx.note(`Autoscaling restored on variant "${from}" after the failed update.`);
        }
        catch (error) {
            ctx.warn(`Could not restore autoscaling on variant "${from}": ${(0,errors/* errorMessage */.gJ)(error)} Run configure-autoscaling for it.`);
        }
    }
}
/**
 * Runs `update` with the autoscaling in its way taken off first and put back
 * after, or restored where it was if the update fails. `update` is told when it
 * must wait for the new config: scaling can only be registered on a variant
 * that exists. Returns, besides its result, the variants of the new config
 * that scale after it.
 */
async function withScalingMoved(ctx, plan, update) {
    const { moves, kept } = await planScaling(ctx, plan.endpoint, plan.current, plan.target, plan.targetName);
    await takeScalingOff(ctx, moves);
    let result;
    try {
        result = await update(moves.some((move) => move.to !== undefined));
    }
    catch (error) {
        await restoreScaling(ctx, moves);
        throw error;
    }
    await putScalingBack(ctx, moves);
    const carried = moves.flatMap((move) => (move.to ? [move.to] : []));
    return { result, scaled: [...kept, ...carried] };
}
/**
 * Keeps the serving variants at the capacity they serve with: as traffic
 * shifts away from them their autoscaling would scale them in, and a
 * rollback would then send all traffic back to a shrunken fleet.
 */
async function holdServingCapacity(ctx, endpoint, variants, 
/** Called with what is held so far as each suspension is about to be sent, for the post step to undo. */
onHeld = () => { }) {
    const held = [];
    for (const variant of variants) {
        const summary = endpoint.ProductionVariants?.find((candidate) => candidate.VariantName === variant);
        const instances = (summary && (0,src_endpoint/* liveInstanceCount */.xZ)(summary)) ?? 0;
        let before;
        try {
            before = await suspendScaleIn(ctx, ctx.endpointName, variant, (found) => onHeld([...held, { variant, instances, before: found }]));
        }
        catch (error) {
            // Reading is a precaution: without permission the rollout still runs, and the rollback still restores counts.
            ctx.warn(`Could not suspend the scale-in of variant "${variant}" (${(0,errors/* errorCode */.CA)(error)}: ${(0,errors/* errorMessage */.gJ)(error)}); its autoscaling may shrink it while traffic moves away.`);
        }
        if (before)
            ctx.note(`Scale-in of variant "${variant}" is suspended for the rollout, at ${instances} instances.`);
        held.push({ variant, instances, ...(before ? { before } : {}) });
    }
    return held;
}
/**
 * Puts each held variant's scale-in back as it was, once: a variant given
 * back is marked so (its `before` goes), and a second call (a rollout's end
 * after its release gave it back) sends nothing, in a dry run as in the run.
 * A failure is a warning naming what to do.
 */
async function releaseServingCapacity(ctx, held) {
    for (const entry of held ?? []) {
        const { variant, before } = entry;
        if (!before)
            continue;
        try {
            await resumeScaleIn(ctx, ctx.endpointName, variant, before);
            delete entry.before;
        }
        catch (error) {
            ctx.warn(`Could not resume the scale-in of variant "${variant}": ${(0,errors/* errorMessage */.gJ)(error)} Resume it with RegisterScalableTarget (SuspendedState DynamicScalingInSuspended=false).`);
        }
    }
}
/**
 * After a rollback, every held variant serves with at least the instances it
 * had when the rollout began: it takes all the traffic back.
 */
async function restoreServingCapacity(ctx, held) {
    if (ctx.dryRun || !held || held.length === 0)
        return;
    const endpoint = await (0,src_endpoint/* findEndpoint */.vS)(ctx);
    const short = held.flatMap(({ variant, instances }) => {
        const summary = endpoint?.ProductionVariants?.find((candidate) => candidate.VariantName === variant);
        const now = summary ? (0,src_endpoint/* liveInstanceCount */.xZ)(summary) : undefined;
        return now !== undefined && now < instances ? [{ VariantName: variant, DesiredInstanceCount: instances }] : [];
    });
    if (short.length === 0)
        return;
    ctx.warn(`Variants ${short.map((entry) => `"${entry.VariantName}"`).join(', ')} had shrunk during the rollout; returning them to the instances they served with before it (${short.map((entry) => `${entry.VariantName} ${entry.DesiredInstanceCount}`).join(', ')}).`);
    await (0,update/* updateWeightsAndCapacities */.ep)(ctx, short, { purpose: 'restoring the serving capacity', forceWait: true });
}


/***/ }),

/***/ 6221:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D5: () => (/* binding */ namesSomething),
/* harmony export */   H$: () => (/* binding */ newContainerSettings),
/* harmony export */   Ls: () => (/* binding */ HIDDEN_VALUE),
/* harmony export */   RG: () => (/* binding */ modelDataLocation),
/* harmony export */   _B: () => (/* binding */ servingContainer),
/* harmony export */   a7: () => (/* binding */ modelDataUrlOf),
/* harmony export */   fI: () => (/* binding */ severalContainers),
/* harmony export */   h6: () => (/* binding */ containerToCreate),
/* harmony export */   k1: () => (/* binding */ recordSetting),
/* harmony export */   zK: () => (/* binding */ carriedExecutionConfig)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2828);
/**
 * The new model's container as what serves configures it. A framework
 * container finds its entry point through SAGEMAKER_PROGRAM and
 * SAGEMAKER_SUBMIT_DIRECTORY, a large-model container its model through
 * HF_MODEL_ID and OPTION_*, a multi-model container loads what callers name:
 * none of that is repeated in a workflow, and a new model without it would
 * not start, or would serve something else. So the serving container's
 * settings are carried over and the inputs laid on top. Its model data is
 * not: a new model means new data, or none.
 *
 * Only what names something is carried: a describe call may answer an empty
 * structure (an emulator does), which CreateModel would refuse.
 */


/** What a summary shows instead of an environment variable's value, which may be a secret. */
const HIDDEN_VALUE = '(value not shown)';
/** A model's one container, wherever it is declared; undefined for none, or for several (refused before any change). */
function servingContainer(model) {
    if (model?.PrimaryContainer)
        return model.PrimaryContainer;
    const containers = model?.Containers ?? [];
    return containers.length === 1 ? containers[0] : undefined;
}
/** The containers of a model that runs several (an inference pipeline, direct invocation), in words; else undefined. */
function severalContainers(model) {
    const containers = model?.Containers ?? [];
    if (containers.length < 2)
        return undefined;
    const names = containers.map((container, index) => container.ContainerHostname ?? container.Image ?? container.ModelPackageName ?? `#${index + 1}`);
    const mode = model?.InferenceExecutionConfig?.Mode;
    return `${(0,_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .counted */ .hS)(containers.length, 'container')} (${names.join(', ')})${mode ? `, invoked ${mode}` : ''}`;
}
/** Whether a structure read from AWS names anything: `{}`, `[]` and `{"Subnets": []}` do not. */
function namesSomething(value) {
    if (value === undefined || value === null)
        return false;
    if (Array.isArray(value))
        return value.some(namesSomething);
    if (typeof value === 'object')
        return Object.values(value).some(namesSomething);
    return value !== '';
}
/**
 * The new container's settings: the serving container's, with the inputs
 * laid over. `model-environment` wins over a carried variable of the same
 * name; every variable is recorded by key and source, never by value.
 */
function newContainerSettings(deploy, model, sources) {
    const serving = servingContainer(model);
    const from = model?.ModelName ? `inherited from model "${model.ModelName}"` : 'the serving model';
    const settings = {};
    const environment = {};
    for (const [key, value] of Object.entries(serving?.Environment ?? {})) {
        environment[key] = value;
        // As the inputs' values are (main.ts): the runner masks it should anything print it.
        if (value.length >= 6)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(value);
        recordSetting(sources, `Environment ${key}`, HIDDEN_VALUE, from + codeInS3(key, value));
    }
    for (const [key, value] of Object.entries(deploy.modelEnvironment)) {
        environment[key] = value;
        recordSetting(sources, `Environment ${key}`, HIDDEN_VALUE, 'input model-environment');
    }
    if (Object.keys(environment).length > 0)
        settings.Environment = environment;
    // A private registry's access mode belongs to the image it was set for: an
    // AWS framework image or a package's own image is pulled from ECR.
    if (deploy.source.kind === 'image' && namesSomething(serving?.ImageConfig?.RepositoryAccessMode)) {
        settings.ImageConfig = serving?.ImageConfig;
        recordSetting(sources, 'ImageConfig', JSON.stringify(settings.ImageConfig), from);
    }
    if (serving?.Mode) {
        settings.Mode = serving.Mode;
        recordSetting(sources, 'Mode', serving.Mode, from);
    }
    if (serving?.Mode === 'MultiModel' && namesSomething(serving.MultiModelConfig)) {
        settings.MultiModelConfig = serving.MultiModelConfig;
        recordSetting(sources, 'MultiModelConfig', JSON.stringify(settings.MultiModelConfig), from);
    }
    const carriedAccess = serving?.ModelDataSource?.S3DataSource?.ModelAccessConfig;
    if (deploy.acceptEula) {
        settings.ModelAccessConfig = { AcceptEula: true };
        recordSetting(sources, 'ModelAccessConfig', 'AcceptEula: true', 'input accept-eula');
    }
    else if (deploy.acceptEula === undefined && carriedAccess?.AcceptEula !== undefined && modelDataUrlOf(deploy)) {
        settings.ModelAccessConfig = { AcceptEula: carriedAccess.AcceptEula };
        recordSetting(sources, 'ModelAccessConfig', `AcceptEula: ${carriedAccess.AcceptEula}`, from);
    }
    return settings;
}
/**
 * A framework container's SAGEMAKER_SUBMIT_DIRECTORY may name the serving
 * model's code archive in S3 (the SageMaker Python SDK's source_dir may be an
 * S3 URI of a tar file: https://github.com/aws/sagemaker-python-sdk/pull/1498)
 * rather than code inside its model data: carried, the new model runs that
 * code. The summary says so, without the value.
 */
function codeInS3(key, value) {
    return key === 'SAGEMAKER_SUBMIT_DIRECTORY' && value.startsWith('s3://')
        ? ': it names code in S3, which the new model runs unless model-environment sets it'
        : '';
}
/** The model's settings that describe how its containers are called, carried as they serve. */
function carriedExecutionConfig(model, sources) {
    const config = model?.InferenceExecutionConfig;
    if (!config?.Mode)
        return undefined;
    recordSetting(sources, 'InferenceExecutionConfig', config.Mode, `inherited from model "${model?.ModelName}"`);
    return { Mode: config.Mode };
}
/** The model data an input names, whatever the model source. */
function modelDataUrlOf(deploy) {
    return 'modelDataUrl' in deploy.source ? deploy.source.modelDataUrl : undefined;
}
/**
 * The container CreateModel is sent: what runs (image or package, and the
 * model data's location) with the carried settings. A `model-data-url`
 * ending in `/` is an uncompressed S3 prefix, given as ModelDataSource; a
 * multi-model container takes the prefix of its models as ModelDataUrl
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/create-multi-model-endpoint.html),
 * and ModelDataSource is not for multi-model endpoints
 * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ContainerDefinition.html).
 * An accepted EULA goes with the data
 * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_S3ModelDataSource.html),
 * so a compressed archive then goes as ModelDataSource too.
 */
function containerToCreate(runs, settings) {
    const { ModelDataUrl: url, ...what } = runs;
    const { ModelAccessConfig: access, ...rest } = settings;
    const container = { ...what, ...rest };
    if (url === undefined)
        return container;
    if (settings.Mode === 'MultiModel' || (!url.endsWith('/') && !access))
        return { ...container, ModelDataUrl: url };
    const prefix = url.endsWith('/');
    container.ModelDataSource = {
        S3DataSource: {
            S3Uri: url,
            S3DataType: prefix ? 'S3Prefix' : 'S3Object',
            CompressionType: prefix ? 'None' : 'Gzip',
            ...(access ? { ModelAccessConfig: access } : {})
        }
    };
    return container;
}
/** Where a container's model data is, in whichever form it was given. */
function modelDataLocation(container) {
    return container?.ModelDataUrl ?? container?.ModelDataSource?.S3DataSource?.S3Uri ?? '';
}
function recordSetting(sources, setting, value, source) {
    const existing = sources.findIndex((entry) => entry.setting === setting);
    const entry = { setting, value, source: source ?? 'default' };
    if (existing >= 0)
        sources[existing] = entry;
    else
        sources.push(entry);
}


/***/ }),

/***/ 6082:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ep: () => (/* binding */ updateWeightsAndCapacities),
/* harmony export */   vG: () => (/* binding */ updateEndpointConfig)
/* harmony export */ });
/* unused harmony exports isUpdateInProgress, configLanding, weightsLanding */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4459);
/* harmony import */ var _aws_clients_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(201);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9378);
/* harmony import */ var _endpoint_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3150);
/* harmony import */ var _expectations_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1236);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(665);
/* harmony import */ var _wait_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(910);
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
    return (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorCode */ .CA)(error) === 'ValidationException' && /in-progress|in progress/i.test((0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error));
}
const IN_PROGRESS_RETRIES = 5;
/** As patient with a lost answer as the SDK is with other calls, backing off as it does (capped at 20 s). */
const LOST_ANSWER_ATTEMPTS = _aws_clients_js__WEBPACK_IMPORTED_MODULE_1__/* .RETRY_SETTINGS */ .Rh.maxAttempts;
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
        const endpoint = await (0,_wait_js__WEBPACK_IMPORTED_MODULE_5__/* .requireUpdatable */ .Mc)(ctx);
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
            if (!inProgress && !(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .answerMayBeLost */ .hx)(error))
                throw error;
            // Looked at even after the last attempt: the change it failed to confirm may have landed.
            const landed = landing(await (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_3__/* .getEndpoint */ .yP)(ctx));
            if (landed !== 'not-seen') {
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${capitalised(what)} was accepted though its answer was ${inProgress ? 'refused on a retry' : 'lost'}: endpoint "${ctx.endpointName}" ${landed === 'done' ? 'already shows it' : 'is carrying it out'}, so it is not sent again.`);
                return before;
            }
            if (inProgress ? ++refusedInProgress > IN_PROGRESS_RETRIES : ++lostAnswers >= LOST_ANSWER_ATTEMPTS)
                throw error;
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(inProgress
                ? `Endpoint "${ctx.endpointName}" is being changed by someone else; waiting for that to finish first.`
                : `The answer to ${what} was lost (${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}) and endpoint "${ctx.endpointName}" shows no sign of it; sending it again.`);
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
        const settled = !_endpoint_js__WEBPACK_IMPORTED_MODULE_3__/* .TRANSITIONAL_STATUSES */ .kQ.includes(endpoint.EndpointStatus ?? '');
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
        if (_endpoint_js__WEBPACK_IMPORTED_MODULE_3__/* .TRANSITIONAL_STATUSES */ .kQ.includes(endpoint.EndpointStatus ?? ''))
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
    await changeWhenUpdatable(ctx, `the update to "${configName}"`, () => ctx.change('UpdateEndpoint', `endpoint "${ctx.endpointName}"`, input, () => ctx.clients.sagemakerChanges.send(new _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_6__/* .UpdateEndpointCommand */ .sU7(input))), configLanding(configName));
    if (ctx.dryRun || (!ctx.settings.waitForCompletion && !options.forceWait))
        return undefined;
    try {
        return await (0,_wait_js__WEBPACK_IMPORTED_MODULE_5__/* .waitForInService */ .pP)(ctx, configName, options.purpose, options.waitTimeoutMs, options.expectedMs ?? ctx.expectedFleetChangeMs ?? _expectations_js__WEBPACK_IMPORTED_MODULE_4__/* .TYPICAL_MS */ .K.fleet, options.whileWaiting);
    }
    finally {
        // Both fleets ran from the call until the endpoint settled, whichever way it went.
        (0,_report_js__WEBPACK_IMPORTED_MODULE_7__/* .addInstanceTime */ .o6)(ctx.report, (options.newFleetInstances ?? 0) * (ctx.clock.now() - started));
    }
}
/**
 * Changes variant weights and/or instance counts in place (no new config),
 * then waits for InService on the same config unless told not to wait.
 * Returns the endpoint as last seen: before the change when not waiting.
 */
async function updateWeightsAndCapacities(ctx, desired, options) {
    const input = { EndpointName: ctx.endpointName, DesiredWeightsAndCapacities: desired };
    const before = await changeWhenUpdatable(ctx, options.purpose, () => ctx.change('UpdateEndpointWeightsAndCapacities', `endpoint "${ctx.endpointName}"`, input, () => ctx.clients.sagemakerChanges.send(new _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_6__/* .UpdateEndpointWeightsAndCapacitiesCommand */ .GO9(input))), weightsLanding(desired));
    if (ctx.dryRun || (!ctx.settings.waitForCompletion && !options.forceWait))
        return before;
    return (0,_wait_js__WEBPACK_IMPORTED_MODULE_5__/* .waitForInService */ .pP)(ctx, before.EndpointConfigName ?? '', options.purpose, undefined, _expectations_js__WEBPACK_IMPORTED_MODULE_4__/* .TYPICAL_MS */ .K.weights);
}


/***/ }),

/***/ 910:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D7: () => (/* binding */ EndpointStateError),
/* harmony export */   Do: () => (/* binding */ WaitTimeoutError),
/* harmony export */   Mc: () => (/* binding */ requireUpdatable),
/* harmony export */   SG: () => (/* binding */ waitForSettled),
/* harmony export */   pP: () => (/* binding */ waitForInService),
/* harmony export */   we: () => (/* binding */ waitUntilUpdatable)
/* harmony export */ });
/* unused harmony exports nextPollDelay, timeLeft */
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
    const { clock, endpointName } = ctx;
    const started = clock.now();
    const deadline = started + timeoutMs;
    let lastStatus = '';
    let lastLogAt = started;
    let delay = 0;
    for (;;) {
        const endpoint = await (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_1__/* .findEndpoint */ .vS)(ctx, endpointName);
        const status = endpoint?.EndpointStatus ?? 'Deleted';
        const elapsed = clock.now() - started;
        if (status !== lastStatus || clock.now() - lastLogAt >= PROGRESS_EVERY_MS) {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Endpoint "${endpointName}" is ${status} (${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(elapsed)} into ${purpose}${timeLeft(status, elapsed, expectedMs)})${status === lastStatus ? ', still waiting' : ''}`);
            lastStatus = status;
            lastLogAt = clock.now();
        }
        if (!endpoint || !_endpoint_js__WEBPACK_IMPORTED_MODULE_1__/* .TRANSITIONAL_STATUSES */ .kQ.includes(status))
            return endpoint;
        delay = nextPollDelay(elapsed, delay);
        // Work that must go on during the transition (judging SageMaker's deployment) says when it is next due.
        const dueInMs = whileWaiting ? await whileWaiting(endpoint) : Infinity;
        delay = Math.max(0, Math.min(delay, dueInMs));
        if (clock.now() + delay > deadline) {
            throw new WaitTimeoutError(`Endpoint "${endpointName}" was still ${status} after ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(timeoutMs)} (input "timeout") waiting for ${purpose}. SageMaker carries on with it; nothing more was changed.`);
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
        throw new EndpointStateError(`Endpoint "${endpointName}" is ${settled.EndpointStatus} and cannot be updated.${settled.FailureReason ? ` FailureReason: ${settled.FailureReason}` : ''}`, settled);
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
