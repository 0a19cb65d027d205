export const id = 886;
export const ids = [886,741];
export const modules = {

/***/ 3975:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G5: () => (/* binding */ command),
/* harmony export */   lq: () => (/* binding */ _ep0),
/* harmony export */   yt: () => (/* binding */ _mw0)
/* harmony export */ });
/* harmony import */ var _smithy_core_client__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2658);
/* harmony import */ var _smithy_core_endpoints__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2085);
/* harmony import */ var _endpoint_EndpointParameters__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(984);



const command = (0,_smithy_core_client__WEBPACK_IMPORTED_MODULE_0__.makeBuilder)(_endpoint_EndpointParameters__WEBPACK_IMPORTED_MODULE_1__/* .commonParams */ .S, "AnyScaleFrontendService", "ApplicationAutoScalingClient", _smithy_core_endpoints__WEBPACK_IMPORTED_MODULE_2__.getEndpointPlugin);
const _ep0 = {};
const _mw0 = (Command, cs, config, o) => [];


/***/ }),

/***/ 8090:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ RegisterScalableTargetCommand)
/* harmony export */ });
/* harmony import */ var _commandBuilder__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3975);
/* harmony import */ var _schemas_schemas_0__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1289);


class RegisterScalableTargetCommand extends (0,_commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* .command */ .G5)(_commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* ._ep0 */ .lq, _commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* ._mw0 */ .yt, "RegisterScalableTarget", _schemas_schemas_0__WEBPACK_IMPORTED_MODULE_1__/* .RegisterScalableTarget$ */ .Io) {
}


/***/ }),

/***/ 5262:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  xX: () => (/* binding */ TARGET_TRACKING_POLICY_NAME),
  Bl: () => (/* reexport */ componentScalable),
  cV: () => (/* binding */ deregisterScaling),
  dG: () => (/* binding */ deregisterVariantScaling),
  w8: () => (/* binding */ describeScalableTarget),
  Rk: () => (/* binding */ describeScaling),
  oM: () => (/* binding */ describeVariantScaling),
  Qp: () => (/* binding */ formatVariantScaling),
  eJ: () => (/* binding */ isSuspended),
  Lp: () => (/* binding */ registerScaling),
  it: () => (/* binding */ registerVariantScaling),
  cR: () => (/* reexport */ targetResource),
  Il: () => (/* reexport */ targetScope),
  PW: () => (/* reexport */ variantResourceId)
});

// UNUSED EXPORTS: COMPONENT_SCALABLE_DIMENSION, SCALABLE_DIMENSION, SERVICE_NAMESPACE, describeTarget, variantScalable

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-application-auto-scaling/dist-es/commandBuilder.js
var commandBuilder = __webpack_require__(3975);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-application-auto-scaling/dist-es/schemas/schemas_0.js + 2 modules
var schemas_0 = __webpack_require__(1289);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-application-auto-scaling/dist-es/commands/DescribeScalingPoliciesCommand.js


class DescribeScalingPoliciesCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeScalingPolicies", schemas_0/* DescribeScalingPolicies$ */.DP) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-application-auto-scaling/dist-es/commands/DescribeScheduledActionsCommand.js


class DescribeScheduledActionsCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeScheduledActions", schemas_0/* DescribeScheduledActions$ */.ix) {
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-application-auto-scaling/dist-es/commands/RegisterScalableTargetCommand.js
var RegisterScalableTargetCommand = __webpack_require__(8090);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-application-auto-scaling/dist-es/commands/PutScalingPolicyCommand.js


class PutScalingPolicyCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "PutScalingPolicy", schemas_0/* PutScalingPolicy$ */.Zx) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-application-auto-scaling/dist-es/commands/PutScheduledActionCommand.js


class PutScheduledActionCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "PutScheduledAction", schemas_0/* PutScheduledAction$ */.Ri) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-application-auto-scaling/dist-es/commands/DeleteScalingPolicyCommand.js


class DeleteScalingPolicyCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DeleteScalingPolicy", schemas_0/* DeleteScalingPolicy$ */.d1) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-application-auto-scaling/dist-es/commands/DeleteScheduledActionCommand.js


class DeleteScheduledActionCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DeleteScheduledAction", schemas_0/* DeleteScheduledAction$ */.VG) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-application-auto-scaling/dist-es/commands/DeregisterScalableTargetCommand.js


class DeregisterScalableTargetCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DeregisterScalableTarget", schemas_0/* DeregisterScalableTarget$ */.B9) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-application-auto-scaling/dist-es/commands/DescribeScalableTargetsCommand.js


class DescribeScalableTargetsCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeScalableTargets", schemas_0/* DescribeScalableTargets$ */.TF) {
}

// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
;// CONCATENATED MODULE: ./src/scalable.ts
const SERVICE_NAMESPACE = 'sagemaker';
const SCALABLE_DIMENSION = 'sagemaker:variant:DesiredInstanceCount';
/**
 * An inference component scales by its copies, under a resource of its own
 * ("inference-component/<name>"), down to 0
 * (https://docs.aws.amazon.com/autoscaling/application/APIReference/API_RegisterScalableTarget.html).
 */
const COMPONENT_SCALABLE_DIMENSION = 'sagemaker:inference-component:DesiredCopyCount';
function variantScalable(endpointName, variantName) {
    return {
        resourceId: variantResourceId(endpointName, variantName),
        dimension: SCALABLE_DIMENSION,
        variant: { endpointName, variantName }
    };
}
function componentScalable(componentName) {
    return { resourceId: `inference-component/${componentName}`, dimension: COMPONENT_SCALABLE_DIMENSION };
}
function variantResourceId(endpointName, variantName) {
    return `endpoint/${endpointName}/variant/${variantName}`;
}
/** The three fields that name a scalable target in every Application Auto Scaling call. */
function targetScope(resourceId, dimension = SCALABLE_DIMENSION) {
    return { ServiceNamespace: SERVICE_NAMESPACE, ResourceId: resourceId, ScalableDimension: dimension };
}
/** How errors and the plan name the target: the resource id is what the AWS console shows. */
function targetResource(resourceId) {
    return `scalable target "${resourceId}"`;
}

;// CONCATENATED MODULE: ./src/autoscaling.ts
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




/**
 * The policy configure-autoscaling owns. One fixed name per variant makes a
 * re-run (or a change of scaling-metric) replace it instead of adding another.
 */
const TARGET_TRACKING_POLICY_NAME = 'sagemaker-deploy-target-tracking';
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
    return describeScaling(ctx, variantScalable(endpointName, variantName));
}
/** What Application Auto Scaling holds for a variant or a component, or undefined when nothing is registered. */
async function describeScaling(ctx, scalable) {
    const target = await describeTarget(ctx, scalable);
    if (!target)
        return undefined;
    const { resourceId } = scalable;
    const scope = targetScope(resourceId, scalable.dimension);
    const policies = await (0,errors/* collectPages */.VV)('DescribeScalingPolicies', targetResource(resourceId), (page) => ctx.clients.autoscaling.send(new DescribeScalingPoliciesCommand({ ...scope, ...page })), (page) => page.ScalingPolicies);
    const actions = await (0,errors/* collectPages */.VV)('DescribeScheduledActions', targetResource(resourceId), (page) => ctx.clients.autoscaling.send(new DescribeScheduledActionsCommand({ ...scope, ...page })), (page) => page.ScheduledActions);
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
    return registerScaling(ctx, variantScalable(endpointName, variantName), scaling);
}
/** registerVariantScaling's work, on a variant or a component. */
async function registerScaling(ctx, scalable, scaling) {
    const { resourceId } = scalable;
    const scope = targetScope(resourceId, scalable.dimension);
    const target = {
        ...scope,
        MinCapacity: scaling.minCapacity,
        MaxCapacity: scaling.maxCapacity,
        ...(scaling.suspendedState ? { SuspendedState: scaling.suspendedState } : {})
    };
    await ctx.change('RegisterScalableTarget', targetResource(resourceId), target, () => ctx.clients.autoscaling.send(new RegisterScalableTargetCommand/* RegisterScalableTargetCommand */.J(target)));
    for (const policy of scaling.policies) {
        const input = {
            ...scope,
            PolicyName: policy.PolicyName,
            PolicyType: policy.PolicyType,
            ...(policy.TargetTrackingScalingPolicyConfiguration
                ? {
                    TargetTrackingScalingPolicyConfiguration: scalable.variant
                        ? retargetTracking(policy.TargetTrackingScalingPolicyConfiguration, scalable.variant.endpointName, scalable.variant.variantName)
                        : policy.TargetTrackingScalingPolicyConfiguration
                }
                : {}),
            ...(policy.StepScalingPolicyConfiguration
                ? { StepScalingPolicyConfiguration: policy.StepScalingPolicyConfiguration }
                : {})
        };
        const result = await ctx.change('PutScalingPolicy', policyResource(policy.PolicyName, resourceId), input, () => ctx.clients.autoscaling.send(new PutScalingPolicyCommand(input)));
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
        await ctx.change('PutScheduledAction', scheduledActionResource(action.ScheduledActionName, resourceId), input, () => ctx.clients.autoscaling.send(new PutScheduledActionCommand(input)));
    }
}
/**
 * Removes what `scaling` lists from the variant: DeleteScalingPolicy and
 * DeleteScheduledAction for each, then DeregisterScalableTarget, through
 * ctx.change. Something already gone counts as removed, so a retry after a
 * partial failure finishes the job.
 */
async function deregisterVariantScaling(ctx, endpointName, variantName, scaling) {
    return deregisterScaling(ctx, variantScalable(endpointName, variantName), scaling);
}
/** deregisterVariantScaling's work, on a variant or a component. */
async function deregisterScaling(ctx, scalable, scaling) {
    const { resourceId } = scalable;
    const scope = targetScope(resourceId, scalable.dimension);
    for (const policy of scaling.policies) {
        const input = { ...scope, PolicyName: policy.PolicyName };
        await ignoringNotFound(() => ctx.change('DeleteScalingPolicy', policyResource(policy.PolicyName, resourceId), input, () => ctx.clients.autoscaling.send(new DeleteScalingPolicyCommand(input))));
    }
    for (const action of scaling.scheduledActions) {
        const input = { ...scope, ScheduledActionName: action.ScheduledActionName };
        await ignoringNotFound(() => ctx.change('DeleteScheduledAction', scheduledActionResource(action.ScheduledActionName, resourceId), input, () => ctx.clients.autoscaling.send(new DeleteScheduledActionCommand(input))));
    }
    await ignoringNotFound(() => ctx.change('DeregisterScalableTarget', targetResource(resourceId), scope, () => ctx.clients.autoscaling.send(new DeregisterScalableTargetCommand(scope))));
}
async function ignoringNotFound(request) {
    try {
        await request();
    }
    catch (error) {
        if (!(0,errors/* isNotFound */.c4)(error))
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
function formatVariantScaling(scaling, unit = 'instances') {
    const parts = [`${scaling.minCapacity} to ${scaling.maxCapacity} ${unit}`];
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
    return describeTarget(ctx, variantScalable(endpointName, variantName));
}
/** A variant's or a component's scalable target alone, or undefined when it has none. */
async function describeTarget(ctx, scalable) {
    const { resourceId } = scalable;
    const scope = targetScope(resourceId, scalable.dimension);
    const targets = await (0,errors/* awsCall */.uF)('DescribeScalableTargets', targetResource(resourceId), () => ctx.clients.autoscaling.send(new DescribeScalableTargetsCommand({
        ServiceNamespace: scope.ServiceNamespace,
        ScalableDimension: scope.ScalableDimension,
        ResourceIds: [resourceId]
    })));
    return targets.ScalableTargets?.find((candidate) => candidate.ResourceId === resourceId);
}


/***/ }),

/***/ 1741:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Yr: () => (/* binding */ adaptersOf),
  bx: () => (/* binding */ baseOf),
  cF: () => (/* binding */ componentsOn),
  he: () => (/* binding */ describeComponentsOn),
  Tn: () => (/* binding */ findComponent),
  QQ: () => (/* binding */ getComponent),
  DM: () => (/* binding */ modelOf),
  G8: () => (/* binding */ modelsComponentsRun),
  j1: () => (/* binding */ noteAdapters),
  wc: () => (/* binding */ reportComponent),
  BO: () => (/* binding */ settledComponent),
  mt: () => (/* binding */ waitForComponent)
});

// UNUSED EXPORTS: COMPONENT_TRANSITIONS

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commandBuilder.js
var commandBuilder = __webpack_require__(2319);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/schemas/schemas_0.js + 2 modules
var schemas_0 = __webpack_require__(1268);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commands/DescribeInferenceComponentCommand.js


class DescribeInferenceComponentCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DescribeInferenceComponent", schemas_0/* DescribeInferenceComponent$ */.i5n) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commands/ListInferenceComponentsCommand.js


class ListInferenceComponentsCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "ListInferenceComponents", schemas_0/* ListInferenceComponents$ */.k96) {
}

// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/wait.ts
var wait = __webpack_require__(910);
;// CONCATENATED MODULE: ./src/components/component.ts
/**
 * Inference components as SageMaker shows them: read, listed per endpoint,
 * and waited for. A component has no RollingBack status: after SageMaker
 * rolls an update back it is simply InService again, on the specification it
 * had (AWS's sample on rolling updates: the component "will revert to
 * InService status without any changes"), so what an update did is read
 * from the specification it ended on, never from the status alone.
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DescribeInferenceComponent.html
 */



/** Statuses from which SageMaker reaches InService or Failed by itself. */
const COMPONENT_TRANSITIONS = ['Creating', 'Updating', 'Deleting'];
async function findComponent(ctx, name) {
    try {
        return await (0,errors/* awsCall */.uF)('DescribeInferenceComponent', `inference component "${name}"`, () => ctx.clients.sagemaker.send(new DescribeInferenceComponentCommand({ InferenceComponentName: name })));
    }
    catch (error) {
        if ((0,errors/* isNotFound */.c4)(error))
            return undefined;
        throw error;
    }
}
async function getComponent(ctx, name) {
    const component = await findComponent(ctx, name);
    if (!component) {
        throw new Error(`Inference component "${name}" does not exist on endpoint "${ctx.endpointName}" in ${ctx.settings.region}.`);
    }
    if (component.EndpointName !== ctx.endpointName) {
        throw new Error(`Inference component "${name}" runs on endpoint "${component.EndpointName}", not "${ctx.endpointName}"; nothing was changed.`);
    }
    return component;
}
/** Every component on the endpoint, as ListInferenceComponents summarises them (no specification). */
async function componentsOn(ctx, endpointName = ctx.endpointName) {
    return (0,errors/* collectPages */.VV)('ListInferenceComponents', `endpoint "${endpointName}"`, (page) => ctx.clients.sagemaker.send(new ListInferenceComponentsCommand({ EndpointNameEquals: endpointName, MaxResults: 100, ...page })), (page) => page.InferenceComponents);
}
/** Every component on the endpoint, described: its specification and copies. */
async function describeComponentsOn(ctx) {
    const summaries = await componentsOn(ctx);
    const described = await Promise.all(summaries.map((summary) => findComponent(ctx, summary.InferenceComponentName ?? '')));
    return described.filter((component) => component !== undefined);
}
/**
 * The models the endpoint's components run; undefined (with a warning) while
 * one is changing, when what it will run is not known yet, so that nothing it
 * may need is deleted.
 */
async function modelsComponentsRun(ctx) {
    const components = await describeComponentsOn(ctx);
    const moving = components.find((component) => component.InferenceComponentStatus !== 'InService');
    if (moving) {
        ctx.warn(`Inference component "${moving.InferenceComponentName}" is ${moving.InferenceComponentStatus}: the model and configs this run created were kept.`);
        return undefined;
    }
    return components.flatMap((component) => component.Specification?.ModelName ?? []);
}
/** The model a component's specification runs, for messages and comparisons. */
function modelOf(component) {
    return component?.Specification?.ModelName;
}
/**
 * Polls a component until it leaves its transition (or is gone: undefined),
 * on the same schedule as an endpoint's, logging progress with its copies.
 */
async function waitForComponent(ctx, name, purpose, { timeoutMs = ctx.settings.timeoutMs, whileWaiting } = {}) {
    return (0,wait/* pollTransition */.VB)(ctx, {
        read: () => findComponent(ctx, name),
        status: (component) => component?.InferenceComponentStatus ?? 'Deleted',
        transitional: COMPONENT_TRANSITIONS,
        describe: (component, status) => {
            const copies = component?.RuntimeConfig;
            const counts = copies ? `, ${copies.CurrentCopyCount ?? 0} of ${copies.DesiredCopyCount ?? 0} copies` : '';
            return `Inference component "${name}" is ${status}${counts}`;
        },
        purpose,
        timeoutMs,
        ...(whileWaiting ? { whileWaiting } : {}),
        stillAfterTimeout: (status) => `Inference component "${name}" was still ${status}`
    });
}
/**
 * The component named by inference-component-name on this endpoint, once a
 * transition of its own has ended (a dry run only says it would wait);
 * refused when it does not end InService.
 */
async function settledComponent(ctx, name, purpose) {
    const component = await getComponent(ctx, name);
    const status = component.InferenceComponentStatus ?? '';
    if (!COMPONENT_TRANSITIONS.includes(status))
        return requireInService(component);
    if (ctx.dryRun) {
        ctx.note(`Inference component "${name}" is ${status}; a real run would wait for that to end before ${purpose}.`);
        return component;
    }
    const settled = await waitForComponent(ctx, name, `its ${status} to end before ${purpose}`);
    if (!settled)
        throw new Error(`Inference component "${name}" was deleted while this run waited for it.`);
    return requireInService(settled);
}
function requireInService(component) {
    if (component.InferenceComponentStatus === 'InService')
        return component;
    const reason = component.FailureReason ? ` (FailureReason: ${component.FailureReason})` : '';
    throw new Error(`Inference component "${component.InferenceComponentName}" is ${component.InferenceComponentStatus ?? 'in an unknown state'}${reason}, not InService; nothing was changed.`);
}
/** The base an adapter component runs inside, or undefined for a component with copies of its own. */
function baseOf(component) {
    return component.Specification?.BaseInferenceComponentName;
}
/**
 * The adapter components of `base` on the endpoint: they run inside its
 * copies, and an operation on the base leaves them as they are.
 * https://docs.aws.amazon.com/sagemaker/latest/dg/realtime-endpoints-adapt.html
 */
async function adaptersOf(ctx, base) {
    const components = await describeComponentsOn(ctx);
    return components
        .filter((component) => baseOf(component) === base)
        .map((component) => component.InferenceComponentName ?? '');
}
/** Names the adapters an operation left alone, in the log and the summary. */
function noteAdapters(ctx, base, adapters) {
    if (adapters.length === 0)
        return;
    ctx.note(`Adapter components of "${base}", left as they are: ${adapters.map((name) => `"${name}"`).join(', ')}. They run inside its copies.`);
}
/** The component's status and copies: outputs, and a line of the summary. */
function reportComponent(ctx, component) {
    const name = component.InferenceComponentName ?? '';
    const status = component.InferenceComponentStatus ?? 'Unknown';
    const copies = component.RuntimeConfig;
    ctx.output('inference-component-status', status);
    if (copies?.DesiredCopyCount !== undefined)
        ctx.output('copy-count', copies.DesiredCopyCount);
    const base = baseOf(component);
    const runs = base ? `an adapter of "${base}"` : `model "${modelOf(component) ?? 'unknown'}"`;
    const counts = copies ? `, ${copies.CurrentCopyCount ?? 0} of ${copies.DesiredCopyCount ?? 0} copies` : '';
    ctx.note(`Inference component "${name}" on variant "${component.VariantName ?? 'unknown'}" of endpoint "${component.EndpointName ?? ctx.endpointName}": ${status}${counts}, ${runs}.`);
}


/***/ }),

/***/ 910:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D7: () => (/* binding */ EndpointStateError),
/* harmony export */   Do: () => (/* binding */ WaitTimeoutError),
/* harmony export */   Mc: () => (/* binding */ requireUpdatable),
/* harmony export */   SG: () => (/* binding */ waitForSettled),
/* harmony export */   VB: () => (/* binding */ pollTransition),
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
    const { endpointName } = ctx;
    return pollTransition(ctx, {
        read: () => (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_1__/* .findEndpoint */ .vS)(ctx, endpointName),
        status: (endpoint) => endpoint?.EndpointStatus ?? 'Deleted',
        transitional: _endpoint_js__WEBPACK_IMPORTED_MODULE_1__/* .TRANSITIONAL_STATUSES */ .kQ,
        describe: (_endpoint, status) => `Endpoint "${endpointName}" is ${status}`,
        purpose,
        timeoutMs,
        left: (status, elapsed) => timeLeft(status, elapsed, expectedMs),
        ...(whileWaiting ? { whileWaiting } : {}),
        stillAfterTimeout: (status) => `Endpoint "${endpointName}" was still ${status}`
    });
}
/**
 * Polls a resource until it leaves its transitional statuses (or is gone:
 * undefined), logging each status change and, in a quiet wait, a line a
 * minute. Throws WaitTimeoutError after `timeoutMs`.
 */
async function pollTransition(ctx, transition) {
    const { clock } = ctx;
    const { purpose, timeoutMs } = transition;
    const started = clock.now();
    let lastStatus = '';
    let lastLogAt = started;
    let delay = 0;
    for (;;) {
        const item = await transition.read();
        const status = transition.status(item);
        const elapsed = clock.now() - started;
        if (status !== lastStatus || clock.now() - lastLogAt >= PROGRESS_EVERY_MS) {
            const left = transition.left?.(status, elapsed) ?? '';
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${transition.describe(item, status)} (${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(elapsed)} into ${purpose}${left})${status === lastStatus ? ', still waiting' : ''}`);
            lastStatus = status;
            lastLogAt = clock.now();
        }
        if (!item || !transition.transitional.includes(status))
            return item;
        delay = nextPollDelay(elapsed, delay);
        const dueInMs = transition.whileWaiting ? await transition.whileWaiting(item) : Infinity;
        delay = Math.max(0, Math.min(delay, dueInMs));
        if (clock.now() + delay > started + timeoutMs) {
            throw new WaitTimeoutError(`${transition.stillAfterTimeout(status)} after ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(timeoutMs)} (input "timeout") waiting for ${purpose}. SageMaker carries on with it; nothing more was changed.`);
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
        // "DeleteEndpoint is the only operation that can be performed on a failed endpoint" (API_DescribeEndpoint).
        const remedy = settled.EndpointStatus === 'Failed'
            ? ' SageMaker allows nothing on a failed endpoint but its deletion: delete it (operation: delete), then deploy.'
            : '';
        throw new EndpointStateError(`Endpoint "${endpointName}" is ${settled.EndpointStatus} and cannot be updated.${settled.FailureReason ? ` FailureReason: ${settled.FailureReason}` : ''}${remedy}`, settled);
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
