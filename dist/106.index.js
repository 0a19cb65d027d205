export const id = 106;
export const ids = [106];
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

/***/ 8106:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runDeleteAutoscaling: () => (/* binding */ runDeleteAutoscaling)
/* harmony export */ });
/* harmony import */ var _autoscaling_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3079);
/* harmony import */ var _endpoint_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3150);
/**
 * delete-autoscaling: remove the variant's scaling policies and scheduled
 * actions and deregister it from Application Auto Scaling. The variant keeps
 * the instance count it has at that moment.
 */


async function runDeleteAutoscaling(ctx, settings) {
    const endpoint = await (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_1__/* .findEndpoint */ .vS)(ctx);
    let variantName;
    if (endpoint) {
        variantName = (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_1__/* .resolveVariant */ .KC)(endpoint, settings.variantName);
    }
    else if (settings.variantName !== undefined) {
        // A registration can outlive its endpoint; with the variant named, it can still be cleaned up.
        variantName = settings.variantName;
        ctx.note(`Endpoint "${ctx.endpointName}" does not exist in ${ctx.settings.region}; looking for autoscaling still registered for variant "${variantName}".`);
    }
    else {
        throw new Error(`Endpoint "${ctx.endpointName}" does not exist in ${ctx.settings.region}, and input "variant-name" is not set.`);
    }
    ctx.output('variant-name', variantName);
    const where = `variant "${variantName}" of endpoint "${ctx.endpointName}"`;
    const scaling = await (0,_autoscaling_js__WEBPACK_IMPORTED_MODULE_0__/* .describeVariantScaling */ .oM)(ctx, ctx.endpointName, variantName);
    if (!scaling) {
        const message = `No autoscaling is registered for ${where}: nothing to delete.`;
        ctx.warn(message);
    }
    else {
        await (0,_autoscaling_js__WEBPACK_IMPORTED_MODULE_0__/* .deregisterVariantScaling */ .dG)(ctx, ctx.endpointName, variantName, scaling);
        ctx.note(`${ctx.dryRun ? 'Would remove' : 'Removed'} autoscaling from ${where} (was ${(0,_autoscaling_js__WEBPACK_IMPORTED_MODULE_0__/* .formatVariantScaling */ .Qp)(scaling)}).`);
    }
    if (endpoint)
        await (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_1__/* .reportEndpoint */ .Us)(ctx, endpoint);
}


/***/ })

};
