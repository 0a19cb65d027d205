export const id = 43;
export const ids = [43];
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

/***/ 3079:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  xX: () => (/* binding */ TARGET_TRACKING_POLICY_NAME),
  dG: () => (/* binding */ deregisterVariantScaling),
  w8: () => (/* binding */ describeScalableTarget),
  oM: () => (/* binding */ describeVariantScaling),
  Qp: () => (/* binding */ formatVariantScaling),
  eJ: () => (/* binding */ isSuspended),
  it: () => (/* binding */ registerVariantScaling),
  cR: () => (/* binding */ targetResource),
  Il: () => (/* binding */ targetScope),
  PW: () => (/* binding */ variantResourceId)
});

// UNUSED EXPORTS: SCALABLE_DIMENSION, SERVICE_NAMESPACE

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
    const resourceId = variantResourceId(endpointName, variantName);
    const scope = targetScope(resourceId);
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
                    TargetTrackingScalingPolicyConfiguration: retargetTracking(policy.TargetTrackingScalingPolicyConfiguration, endpointName, variantName)
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
    const resourceId = variantResourceId(endpointName, variantName);
    const scope = targetScope(resourceId);
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
    const targets = await (0,errors/* awsCall */.uF)('DescribeScalableTargets', targetResource(resourceId), () => ctx.clients.autoscaling.send(new DescribeScalableTargetsCommand({
        ServiceNamespace: scope.ServiceNamespace,
        ScalableDimension: scope.ScalableDimension,
        ResourceIds: [resourceId]
    })));
    return targets.ScalableTargets?.find((candidate) => candidate.ResourceId === resourceId);
}


/***/ }),

/***/ 2043:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runConfigureAutoscaling: () => (/* binding */ runConfigureAutoscaling)
});

// EXTERNAL MODULE: ./src/autoscaling.ts + 8 modules
var autoscaling = __webpack_require__(3079);
;// CONCATENATED MODULE: ./src/scaling-policy.ts

/** Where CloudWatch publishes each metric configure-autoscaling can track, and in what unit. */
const SCALING_METRIC_DETAILS = {
    InvocationsPerInstance: {
        metricName: 'SageMakerVariantInvocationsPerInstance',
        unit: 'invocations per instance per minute'
    },
    CPUUtilization: {
        metricName: 'CPUUtilization',
        namespace: '/aws/sagemaker/Endpoints',
        unit: "percent, summed over the instance's vCPUs (up to 400 on 4 vCPUs)"
    },
    ModelLatency: { metricName: 'ModelLatency', namespace: 'AWS/SageMaker', unit: 'microseconds' }
};
/** The target-tracking policy configure-autoscaling puts on a variant. */
function targetTrackingPolicy(endpointName, variantName, settings) {
    const details = SCALING_METRIC_DETAILS[settings.scalingMetric];
    const metric = settings.scalingMetric === 'InvocationsPerInstance'
        ? { PredefinedMetricSpecification: { PredefinedMetricType: 'SageMakerVariantInvocationsPerInstance' } }
        : {
            CustomizedMetricSpecification: {
                MetricName: details.metricName,
                Namespace: details.namespace,
                Dimensions: [
                    { Name: 'EndpointName', Value: endpointName },
                    { Name: 'VariantName', Value: variantName }
                ],
                Statistic: 'Average'
            }
        };
    return {
        PolicyName: autoscaling/* TARGET_TRACKING_POLICY_NAME */.xX,
        PolicyType: 'TargetTrackingScaling',
        TargetTrackingScalingPolicyConfiguration: {
            TargetValue: settings.targetValue,
            ...metric,
            // Cooldowns are whole seconds in the API.
            ScaleInCooldown: Math.round(settings.scaleInCooldownSeconds),
            ScaleOutCooldown: Math.round(settings.scaleOutCooldownSeconds)
        }
    };
}

// EXTERNAL MODULE: ./src/endpoint.ts
var src_endpoint = __webpack_require__(3150);
// EXTERNAL MODULE: ./src/invocation-metrics.ts
var invocation_metrics = __webpack_require__(9113);
// EXTERNAL MODULE: ./src/wait.ts
var wait = __webpack_require__(910);
;// CONCATENATED MODULE: ./src/operations/configure-autoscaling.ts
/**
 * configure-autoscaling: register the variant with Application Auto Scaling
 * and give it one target-tracking policy. The policy's name is fixed, so a
 * re-run updates it in place and a new scaling-metric replaces the old one.
 */





async function runConfigureAutoscaling(ctx, settings) {
    // Application Auto Scaling checks the variant against the live endpoint, which must not be mid-update.
    const endpoint = await (0,wait/* requireUpdatable */.Mc)(ctx);
    const variantName = (0,src_endpoint/* resolveVariant */.KC)(endpoint, settings.variantName);
    ctx.output('variant-name', variantName);
    const config = await (0,src_endpoint/* reportEndpoint */.Us)(ctx, endpoint);
    refuseUnpublishedScalingMetric(ctx, settings, config);
    const where = `variant "${variantName}" of endpoint "${ctx.endpointName}"`;
    const before = await (0,autoscaling/* describeVariantScaling */.oM)(ctx, ctx.endpointName, variantName);
    ctx.note(before ? `Before: ${where} scaled ${(0,autoscaling/* formatVariantScaling */.Qp)(before)}.` : `Before: ${where} had no autoscaling.`);
    const live = endpoint.ProductionVariants?.find((variant) => variant.VariantName === variantName);
    const count = live ? (0,src_endpoint/* liveInstanceCount */.xZ)(live) : undefined;
    if (count !== undefined && (count < settings.minCapacity || count > settings.maxCapacity)) {
        const bound = count < settings.minCapacity ? settings.minCapacity : settings.maxCapacity;
        ctx.warn(`Variant "${variantName}" has ${count} instance(s), outside ${settings.minCapacity} to ${settings.maxCapacity}: Application Auto Scaling will move it to ${bound}.`);
    }
    const policy = targetTrackingPolicy(ctx.endpointName, variantName, settings);
    await (0,autoscaling/* registerVariantScaling */.it)(ctx, ctx.endpointName, variantName, {
        minCapacity: settings.minCapacity,
        maxCapacity: settings.maxCapacity,
        policies: [policy],
        // Scheduled actions already registered are not ours to touch; an empty list leaves them as they are.
        scheduledActions: []
    });
    const unit = SCALING_METRIC_DETAILS[settings.scalingMetric].unit;
    ctx.note(`${ctx.dryRun ? 'Would set' : 'Now'}: ${where} scales from ${settings.minCapacity} to ${settings.maxCapacity} instances, tracking ${settings.scalingMetric} at ${settings.targetValue} (${unit}), scale-in cooldown ${settings.scaleInCooldownSeconds}s, scale-out cooldown ${settings.scaleOutCooldownSeconds}s (policy "${autoscaling/* TARGET_TRACKING_POLICY_NAME */.xX}").`);
    if (settings.scalingMetric === 'ModelLatency' && settings.targetValue < 1000) {
        ctx.warn(`target-value ${settings.targetValue} for ModelLatency is ${settings.targetValue} microseconds (${settings.targetValue / 1000} ms): CloudWatch reports ModelLatency in microseconds, so 250 ms is 250000.`);
    }
    const others = (before?.policies ?? []).filter((existing) => existing.PolicyName !== autoscaling/* TARGET_TRACKING_POLICY_NAME */.xX);
    if (others.length > 0) {
        ctx.note(`Left as they were: ${others.map((existing) => `policy "${existing.PolicyName}" (${existing.PolicyType})`).join(', ')}; they act alongside this one.`);
    }
    if ((0,autoscaling/* isSuspended */.eJ)(before?.suspendedState)) {
        ctx.warn(`Scaling is suspended on ${where} (SuspendedState ${JSON.stringify(before?.suspendedState)}): the policy will not act until it is resumed.`);
    }
}
/**
 * Target tracking on InvocationsPerInstance needs its datapoints, and an
 * asynchronous endpoint publishes none
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/async-inference-monitor.html):
 * the policy would never scale. AWS scales those on their backlog
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/async-inference-autoscale.html).
 */
function refuseUnpublishedScalingMetric(ctx, settings, config) {
    if (settings.scalingMetric !== 'InvocationsPerInstance' || !(0,invocation_metrics/* metricsSourceOf */.er)(config).asynchronous)
        return;
    throw new Error(`Input "scaling-metric": endpoint "${ctx.endpointName}" is asynchronous (its config "${config?.EndpointConfigName}" has an AsyncInferenceConfig), and SageMaker publishes no InvocationsPerInstance for it, so a policy tracking it would never scale; nothing was changed. Track CPUUtilization or ModelLatency, or register a target-tracking policy on ApproximateBacklogSizePerInstance with Application Auto Scaling, as AWS advises for asynchronous endpoints.`);
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
/* harmony export */   qC: () => (/* binding */ nextPollDelay),
/* harmony export */   we: () => (/* binding */ waitUntilUpdatable)
/* harmony export */ });
/* unused harmony export timeLeft */
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
