export const id = 187;
export const ids = [187];
export const modules = {

/***/ 5859:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AS: () => (/* binding */ checksStatus),
/* harmony export */   Hf: () => (/* binding */ parseJsonPath),
/* harmony export */   LF: () => (/* binding */ pathText),
/* harmony export */   WU: () => (/* binding */ failedCheck),
/* harmony export */   Z7: () => (/* binding */ parseAnswerChecks),
/* harmony export */   fn: () => (/* binding */ disagreement)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2828);
/**
 * probe-expect: what a probe's answer must say, not only that it came back.
 * A model that answers quickly with wrong predictions passes every metric
 * gate (a wrong prediction is a 200), so each probe can be held to checks on
 * its answer, one a line:
 *
 *   status == 200                     the model's HTTP status
 *   $.label == "fraud"                a JSON path's value
 *   $.label in ["fraud", "legit"]     one of a set of values
 *   $.scores[0] between 0 and 1       a number within a range, ends included
 *
 * Values are JSON. A path starts at `$` and goes on by `.name` and `[index]`.
 * A probe passes only when every check holds; a failed check says what the
 * answer held, truncated, and the payload is never printed.
 */


const INPUT = 'probe-expect';
const STATUS = /^status\s*==\s*(\d{3})$/;
/** A path as a pattern reads it; parsePath reads its steps, and refuses what the pattern let through. */
const PATH = String.raw `(\$(?:[^\s"]|"[^"]*")*)`;
const EQUALS = new RegExp(String.raw `^${PATH}\s*==\s*(.+)$`);
const ONE_OF = new RegExp(String.raw `^${PATH}\s+in\s+(\[.*\])$`);
const RANGE = new RegExp(String.raw `^${PATH}\s+between\s+(\S+)\s+and\s+(\S+)$`);
const PATH_STEP = /^(?:\.([A-Za-z_][\w-]*)|\[(\d+)\]|\["([^"]*)"\])/;
/** One check a line; blank lines are skipped. Throws an InputError naming probe-expect on a line it cannot read. */
function parseAnswerChecks(raw) {
    return raw
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '')
        .map(parseCheck);
}
function parseCheck(text) {
    const status = STATUS.exec(text);
    if (status)
        return { kind: 'status', text, status: Number(status[1]) };
    const range = RANGE.exec(text);
    if (range) {
        const [min, max] = [Number(range[2]), Number(range[3])];
        if (!Number.isFinite(min) || !Number.isFinite(max) || min > max) {
            throw new _parse_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(INPUT, 'needs two numbers, the lower first, in "<path> between <min> and <max>"', text);
        }
        return { kind: 'range', text, path: parsePath(range[1], text), min, max };
    }
    const oneOf = ONE_OF.exec(text);
    if (oneOf) {
        const values = jsonValue(oneOf[2], text);
        if (!Array.isArray(values) || values.length === 0) {
            throw new _parse_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(INPUT, 'needs a JSON list of at least one value after "in"', text);
        }
        return { kind: 'one-of', text, path: parsePath(oneOf[1], text), values };
    }
    const equals = EQUALS.exec(text);
    if (equals) {
        return {
            kind: 'equals',
            text,
            path: parsePath(equals[1], text),
            value: jsonValue(equals[2], text)
        };
    }
    throw new _parse_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(INPUT, 'must hold one check a line: status == 200, $.path == <JSON value>, $.path in [<JSON values>] or $.path between <min> and <max>', text);
}
/** compare-path: a JSON path as probe-expect reads one. */
function parseJsonPath(input, raw) {
    const path = raw.trim();
    if (!path.startsWith('$'))
        throw new _parse_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, 'must be a JSON path that starts at $, such as $.score', raw);
    return parsePath(path, raw, input);
}
function parsePath(path, text, input = INPUT) {
    const steps = [];
    let rest = path.slice(1);
    while (rest !== '') {
        const step = PATH_STEP.exec(rest);
        if (!step)
            throw new _parse_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, 'has a path it cannot read: use $.name, $[0] or $["name"] steps', text);
        steps.push(step[2] !== undefined ? Number(step[2]) : (step[1] ?? step[3]));
        rest = rest.slice(step[0].length);
    }
    return steps;
}
function jsonValue(raw, text) {
    try {
        return JSON.parse(raw);
    }
    catch {
        throw new _parse_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(INPUT, `has a value that is not JSON (${raw}); quote strings, as in $.label == "fraud"`, text);
    }
}
/** Whether a check is on the status: then the status decides, not the default of any 2xx. */
function checksStatus(checks) {
    return checks.some((check) => check.kind === 'status');
}
/**
 * Why the answer fails the checks, the first that fails, in words; undefined
 * when every check holds. `body` is the answer's text; a check on a path of
 * an answer that is not JSON fails.
 */
function failedCheck(checks, statusCode, body) {
    let parsed;
    const answer = () => {
        if (parsed === undefined) {
            try {
                parsed = { value: JSON.parse(body) };
            }
            catch {
                return undefined;
            }
        }
        return parsed;
    };
    for (const check of checks) {
        if (check.kind === 'status') {
            if (statusCode !== check.status)
                return `${check.text}: the status was ${statusCode ?? 'none'}`;
            continue;
        }
        const json = answer();
        if (!json)
            return `${check.text}: the answer is not JSON`;
        const found = at(json.value, check.path);
        if (!found)
            return `${check.text}: the answer has no ${pathText(check.path)}`;
        const failure = judge(check, found.value);
        if (failure !== undefined)
            return `${check.text}: ${pathText(check.path)} is ${JSON.stringify(found.value)}${failure}`;
    }
    return undefined;
}
/** Undefined when the value holds; otherwise what to say after the value ('' when the value says it all). */
function judge(check, value) {
    switch (check.kind) {
        case 'equals':
            return (0,node_util__WEBPACK_IMPORTED_MODULE_0__.isDeepStrictEqual)(value, check.value) ? undefined : '';
        case 'one-of':
            return check.values.some((wanted) => (0,node_util__WEBPACK_IMPORTED_MODULE_0__.isDeepStrictEqual)(value, wanted)) ? undefined : '';
        case 'range':
            if (typeof value !== 'number')
                return ', not a number';
            return value >= check.min && value <= check.max ? undefined : '';
    }
}
function at(value, path) {
    let current = value;
    for (const step of path) {
        if (typeof step === 'number') {
            if (!Array.isArray(current) || step >= current.length)
                return undefined;
            current = current[step];
        }
        else {
            if (current === null || typeof current !== 'object' || Array.isArray(current) || !(step in current)) {
                return undefined;
            }
            current = current[step];
        }
    }
    return { value: current };
}
function pathText(path) {
    return `$${path.map((step) => (typeof step === 'number' ? `[${step}]` : /^[A-Za-z_][\w-]*$/.test(step) ? `.${step}` : `["${step}"]`)).join('')}`;
}
/**
 * How the new model's answer differs from the serving model's to the same
 * payload, in words; undefined when they agree. Whole answers agree when
 * equal as JSON (or as text, when either is not JSON); with a path, the
 * values there agree when equal, or, both numbers, within the tolerance.
 */
function disagreement(newAnswer, servingAnswer, how) {
    const parse = (text) => {
        try {
            return { value: JSON.parse(text) };
        }
        catch {
            return undefined;
        }
    };
    const [fresh, serving] = [parse(newAnswer), parse(servingAnswer)];
    if (!how.path) {
        if (fresh && serving)
            return (0,node_util__WEBPACK_IMPORTED_MODULE_0__.isDeepStrictEqual)(fresh.value, serving.value) ? undefined : 'the answers differ';
        return newAnswer === servingAnswer ? undefined : 'the answers differ';
    }
    const where = pathText(how.path);
    const [a, b] = [fresh && at(fresh.value, how.path), serving && at(serving.value, how.path)];
    if (!a || !b)
        return `${where} is missing from ${!a ? "the new model's" : "the serving model's"} answer`;
    if (typeof a.value === 'number' && typeof b.value === 'number') {
        return Math.abs(a.value - b.value) <= (how.tolerance ?? 0) ? undefined : `${where} ${a.value} against ${b.value}`;
    }
    return (0,node_util__WEBPACK_IMPORTED_MODULE_0__.isDeepStrictEqual)(a.value, b.value)
        ? undefined
        : `${where} ${JSON.stringify(a.value)} against ${JSON.stringify(b.value)}`;
}


/***/ }),

/***/ 6886:
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

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-application-auto-scaling/dist-es/commands/DescribeScalingPoliciesCommand.js
var DescribeScalingPoliciesCommand = __webpack_require__(3457);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-application-auto-scaling/dist-es/commands/DescribeScheduledActionsCommand.js
var DescribeScheduledActionsCommand = __webpack_require__(3898);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-application-auto-scaling/dist-es/commands/RegisterScalableTargetCommand.js
var RegisterScalableTargetCommand = __webpack_require__(8090);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-application-auto-scaling/dist-es/commands/PutScalingPolicyCommand.js
var PutScalingPolicyCommand = __webpack_require__(8791);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-application-auto-scaling/dist-es/commands/PutScheduledActionCommand.js
var PutScheduledActionCommand = __webpack_require__(3461);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-application-auto-scaling/dist-es/commands/DeleteScalingPolicyCommand.js
var DeleteScalingPolicyCommand = __webpack_require__(8327);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-application-auto-scaling/dist-es/commands/DeleteScheduledActionCommand.js
var DeleteScheduledActionCommand = __webpack_require__(7301);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-application-auto-scaling/dist-es/commands/DeregisterScalableTargetCommand.js
var DeregisterScalableTargetCommand = __webpack_require__(1575);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-application-auto-scaling/dist-es/commands/DescribeScalableTargetsCommand.js
var DescribeScalableTargetsCommand = __webpack_require__(9897);
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
    const policies = await (0,errors/* collectPages */.VV)('DescribeScalingPolicies', targetResource(resourceId), (page) => ctx.clients.autoscaling.send(new DescribeScalingPoliciesCommand/* DescribeScalingPoliciesCommand */.y({ ...scope, ...page })), (page) => page.ScalingPolicies);
    const actions = await (0,errors/* collectPages */.VV)('DescribeScheduledActions', targetResource(resourceId), (page) => ctx.clients.autoscaling.send(new DescribeScheduledActionsCommand/* DescribeScheduledActionsCommand */.b({ ...scope, ...page })), (page) => page.ScheduledActions);
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
        const result = await ctx.change('PutScalingPolicy', policyResource(policy.PolicyName, resourceId), input, () => ctx.clients.autoscaling.send(new PutScalingPolicyCommand/* PutScalingPolicyCommand */.O(input)));
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
        await ctx.change('PutScheduledAction', scheduledActionResource(action.ScheduledActionName, resourceId), input, () => ctx.clients.autoscaling.send(new PutScheduledActionCommand/* PutScheduledActionCommand */.c(input)));
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
        await ignoringNotFound(() => ctx.change('DeleteScalingPolicy', policyResource(policy.PolicyName, resourceId), input, () => ctx.clients.autoscaling.send(new DeleteScalingPolicyCommand/* DeleteScalingPolicyCommand */.y(input))));
    }
    for (const action of scaling.scheduledActions) {
        const input = { ...scope, ScheduledActionName: action.ScheduledActionName };
        await ignoringNotFound(() => ctx.change('DeleteScheduledAction', scheduledActionResource(action.ScheduledActionName, resourceId), input, () => ctx.clients.autoscaling.send(new DeleteScheduledActionCommand/* DeleteScheduledActionCommand */.M(input))));
    }
    await ignoringNotFound(() => ctx.change('DeregisterScalableTarget', targetResource(resourceId), scope, () => ctx.clients.autoscaling.send(new DeregisterScalableTargetCommand/* DeregisterScalableTargetCommand */.C(scope))));
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
    const targets = await (0,errors/* awsCall */.uF)('DescribeScalableTargets', targetResource(resourceId), () => ctx.clients.autoscaling.send(new DescribeScalableTargetsCommand/* DescribeScalableTargetsCommand */.s({
        ServiceNamespace: scope.ServiceNamespace,
        ScalableDimension: scope.ScalableDimension,
        ResourceIds: [resourceId]
    })));
    return targets.ScalableTargets?.find((candidate) => candidate.ResourceId === resourceId);
}


/***/ }),

/***/ 201:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gv: () => (/* binding */ createAwsClients),
/* harmony export */   Rh: () => (/* binding */ RETRY_SETTINGS)
/* harmony export */ });
/* unused harmony exports PROBE_RETRY_SETTINGS, retryingThrottlesOnly */
/* harmony import */ var _aws_sdk_client_application_auto_scaling__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9545);
/* harmony import */ var _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4234);
/* harmony import */ var _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3485);
/* harmony import */ var _aws_sdk_client_sagemaker_runtime__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9570);
/* harmony import */ var _smithy_core_retry__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3609);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(311);
/**
 * The one place AWS clients are made: region, user agent and retry policy are
 * set here. Endpoint overrides (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_SAGEMAKER, ...)
 * are left to the SDK, which reads them itself, so the action can be pointed at
 * an emulator without inputs of its own.
 */






/**
 * SageMaker's control plane throttles at a few calls per second per account,
 * and a rollout polls for many minutes: adaptive retries back off (with jitter)
 * as throttling rises instead of failing the deploy on a busy account.
 */
const RETRY_SETTINGS = { maxAttempts: 10, retryMode: 'adaptive' };
/**
 * Probes measure the model, and the SDK never retries the model's own answer:
 * a ModelError (the container failed, HTTP 424), a validation error or a slow
 * reply comes back on the first attempt whatever the limit. What it does retry,
 * a throttle or SageMaker's own 5xx, turned the request away before it reached
 * the model and says nothing about the new variant, so a probe gets the same
 * patience as the control plane; with only 3 attempts a busy account's
 * throttling would roll back a healthy model. Standard mode: the adaptive rate
 * limiter would hold a probe back behind other callers' throttles.
 */
const PROBE_RETRY_SETTINGS = { maxAttempts: RETRY_SETTINGS.maxAttempts, retryMode: 'standard' };
/**
 * A change to an endpoint is never re-sent blindly. The SDK retries a request
 * whose answer was lost (a 5xx, a dropped connection) as it was: if the first
 * attempt started an UpdateEndpoint and the update ended before the retry
 * arrived, the retry is accepted and SageMaker provisions the whole fleet a
 * second time (every UpdateEndpoint deploys a new fleet:
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_UpdateEndpoint.html).
 * So the client for changes retries only throttles, which AWS refused before
 * acting on them; any other failure reaches update.ts, which asks
 * DescribeEndpoint whether the change landed before sending it again.
 */
function retryingThrottlesOnly(inner) {
    return {
        acquireInitialRetryToken: (scope) => inner.acquireInitialRetryToken(scope),
        refreshRetryTokenForRetry: (token, errorInfo) => errorInfo.errorType === 'THROTTLING'
            ? inner.refreshRetryTokenForRetry(token, errorInfo)
            : // The SDK answers a refused retry by throwing the request's own error.
                Promise.reject(new Error(`not retried: ${errorInfo.errorType}`)),
        recordSuccess: (token) => inner.recordSuccess(token)
    };
}
function createAwsClients(region) {
    let s3;
    const config = {
        region,
        customUserAgent: [[_version_js__WEBPACK_IMPORTED_MODULE_0__/* .ACTION_NAME */ .p, _version_js__WEBPACK_IMPORTED_MODULE_0__/* .ACTION_VERSION */ .Y]],
        ...RETRY_SETTINGS
    };
    return {
        sagemaker: new _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_1__/* .SageMakerClient */ .k(config),
        sagemakerChanges: new _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_1__/* .SageMakerClient */ .k({
            ...config,
            retryStrategy: retryingThrottlesOnly(new _smithy_core_retry__WEBPACK_IMPORTED_MODULE_2__.AdaptiveRetryStrategy(async () => RETRY_SETTINGS.maxAttempts))
        }),
        runtime: new _aws_sdk_client_sagemaker_runtime__WEBPACK_IMPORTED_MODULE_3__/* .SageMakerRuntimeClient */ .O({ ...config, ...PROBE_RETRY_SETTINGS }),
        autoscaling: new _aws_sdk_client_application_auto_scaling__WEBPACK_IMPORTED_MODULE_4__/* .ApplicationAutoScalingClient */ .g(config),
        cloudwatch: new _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_5__/* .CloudWatchClient */ .W(config),
        s3: () => (s3 ??= __webpack_require__.e(/* import() */ 624).then(__webpack_require__.bind(__webpack_require__, 2624)).then(
        // An S3-compatible endpoint of one's own (an emulator) answers paths, not a bucket's own host name.
        ({ S3Client }) => new S3Client({
            ...config,
            forcePathStyle: Boolean(process.env.AWS_ENDPOINT_URL_S3 ?? process.env.AWS_ENDPOINT_URL)
        })))
    };
}


/***/ }),

/***/ 9378:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CA: () => (/* binding */ errorCode),
/* harmony export */   CW: () => (/* binding */ isExpiredCredentials),
/* harmony export */   VV: () => (/* binding */ collectPages),
/* harmony export */   c4: () => (/* binding */ isNotFound),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   hx: () => (/* binding */ answerMayBeLost),
/* harmony export */   iQ: () => (/* binding */ AwsCallError),
/* harmony export */   uF: () => (/* binding */ awsCall),
/* harmony export */   x9: () => (/* binding */ isAlreadyExists)
/* harmony export */ });
/** AWS failures rewritten to name the call, the resource and AWS's error code. */
class AwsCallError extends Error {
    api;
    resource;
    code;
    awsMessage;
    constructor(api, resource, code, awsMessage, options) {
        super(`${api} on ${resource} failed: ${code}: ${awsMessage}`, options);
        this.api = api;
        this.resource = resource;
        this.code = code;
        this.awsMessage = awsMessage;
        this.name = 'AwsCallError';
    }
}
function errorCode(error) {
    if (error instanceof AwsCallError)
        return error.code;
    if (error && typeof error === 'object' && 'name' in error && typeof error.name === 'string')
        return error.name;
    return 'UnknownError';
}
function errorMessage(error) {
    if (error instanceof AwsCallError)
        return error.awsMessage;
    return error instanceof Error ? error.message : String(error);
}
/** SageMaker answers "not found" with a ValidationException, not a dedicated code. */
function isNotFound(error) {
    const code = errorCode(error);
    if (code === 'ResourceNotFound' || code === 'ResourceNotFoundException' || code === 'ObjectNotFoundException') {
        return true;
    }
    return code === 'ValidationException' && /could not find|not found|does not exist/i.test(errorMessage(error));
}
/**
 * An error after which the request may still have been carried out: its
 * answer was lost (a server error, a dropped connection, a timeout) rather
 * than a refusal. The SDK retries such a request, so a create or an update
 * can be applied once and then refused, or fail, on the retry.
 */
function answerMayBeLost(error) {
    const original = error instanceof AwsCallError ? error.cause : error;
    if (!original || typeof original !== 'object')
        return false;
    const { $fault, $metadata } = original;
    if ($fault === 'server')
        return true;
    const status = $metadata?.httpStatusCode;
    if (status !== undefined)
        return status >= 500;
    // No HTTP answer at all: the connection dropped or timed out after the request was sent.
    return ($metadata !== undefined ||
        /ECONNRESET|EPIPE|ETIMEDOUT|socket hang up|TimeoutError|AbortError/i.test(`${original.code ?? ''} ${original.name ?? ''} ${errorMessage(original)}`));
}
/** SageMaker refuses to create a resource whose name is taken: "Cannot create already existing ...". */
function isAlreadyExists(error) {
    return (/^(ValidationException|ResourceInUse|ConflictException)$/.test(errorCode(error)) &&
        /already exist/i.test(errorMessage(error)));
}
/** Credentials that expired mid-run: the message must say what to do about it. */
function isExpiredCredentials(error) {
    return /^(ExpiredToken|ExpiredTokenException|RequestExpired)$/.test(errorCode(error));
}
/** Runs one AWS request and, if it fails, throws an AwsCallError that says which one. */
async function awsCall(api, resource, request) {
    try {
        return await request();
    }
    catch (error) {
        if (error instanceof AwsCallError)
            throw error;
        throw new AwsCallError(api, resource, errorCode(error), errorMessage(error), { cause: error });
    }
}
/**
 * Every item of a paginated call, following NextToken to the last page: on a
 * large account the first page is not the whole answer.
 */
async function collectPages(api, resource, request, items) {
    const collected = [];
    let token;
    do {
        const page = await awsCall(api, resource, () => request(token ? { NextToken: token } : {}));
        collected.push(...((page && items(page)) ?? []));
        token = page?.NextToken ?? undefined;
    } while (token);
    return collected;
}


/***/ }),

/***/ 204:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $w: () => (/* binding */ markCancelled),
/* harmony export */   r1: () => (/* binding */ wasCancelled)
/* harmony export */ });
/* unused harmony export resetCancelled */
/**
 * Whether the run has been cancelled. The cancellation handler (cancel.ts)
 * moves the traffic off the new variant and leaves the rest to the post step;
 * the main flow, still running beside it for the seconds before the runner
 * kills the process, must change nothing more: a shift it sends then would
 * undo the handler's, and a promotion it finishes would leave the post step
 * nothing to return.
 */
let cancelled = false;
function markCancelled() {
    cancelled = true;
}
function wasCancelled() {
    return cancelled;
}
/** For tests, which run many operations in one process. */
function resetCancelled() {
    cancelled = false;
}


/***/ }),

/***/ 2337:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I8: () => (/* binding */ readCaptureObject),
/* harmony export */   Xv: () => (/* binding */ parseCaptureLocation),
/* harmony export */   ot: () => (/* binding */ loadCapturedPayloads),
/* harmony export */   yW: () => (/* binding */ destinationLocation),
/* harmony export */   zx: () => (/* binding */ MAX_BYTES)
/* harmony export */ });
/* unused harmony exports MAX_PAYLOADS, capturedRequest, readCapturedPayloads, payloadDigest */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9378);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2828);
/**
 * probe-payloads-from: probes that replay what users sent, read from the
 * endpoint's data capture in S3. SageMaker writes each captured request as a
 * line of JSON (JSON Lines) under the config's DestinationS3Uri, by endpoint,
 * variant and hour; the request is `captureData.endpointInput`, its `data`
 * encoded as its `encoding` says (JSON, CSV or BASE64) and sent as
 * `observedContentType`
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/model-monitor-data-capture-endpoint.html).
 *
 * The objects of the newest folders under the prefix are read, newest first,
 * within bounds: at most MAX_PAYLOADS requests and MAX_BYTES read in all,
 * each request at most InvokeEndpoint's 6 MB. What was replayed is recorded
 * (how many, from how many objects, and a digest of each), never the
 * payloads themselves.
 */



/** Enough to cover a model's common inputs; few enough that an evaluation's probes stay short. */
const MAX_PAYLOADS = 100;
/** How much of the capture is read at most, so that a busy endpoint's hour of capture is not downloaded whole. */
const MAX_BYTES = 8 * 1024 * 1024;
const MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;
const MAX_OBJECTS_LISTED = 1000;
/** Listings at most on the way down to a capture's newest objects: a few variants, each five folders deep. */
const MAX_LISTINGS = 40;
/** Objects enough to stop listing: each holds a few minutes of an instance's requests. */
const ENOUGH_OBJECTS = 10;
const BUCKET = '([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])';
const S3_URI = new RegExp(`^s3://${BUCKET}(?:/(.*))?$`);
/** SageMaker also takes https:// destinations (DataCaptureConfig's DestinationS3Uri pattern is `^(https|s3)://...`). */
const S3_HOST = String.raw `s3(?:[.-][a-z0-9-]+)?\.amazonaws\.com(?:\.cn)?`;
const VIRTUAL_HOSTED_URL = new RegExp(`^https://${BUCKET}\\.${S3_HOST}(?:/(.*))?$`);
const PATH_STYLE_URL = new RegExp(`^https://${S3_HOST}/${BUCKET}(?:/(.*))?$`);
/** `s3://bucket/prefix/`: where the capture is, or a narrower prefix of it (an endpoint, a variant, a day). */
function parseCaptureLocation(input, raw) {
    const match = S3_URI.exec(raw.trim());
    if (!match)
        throw new _parse_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, 'must be an S3 location such as s3://my-bucket/datacapture/my-endpoint/', raw);
    return { bucket: match[1], prefix: match[2] ?? '' };
}
/**
 * The bucket and prefix of a DestinationS3Uri as SageMaker holds it: an
 * s3:// URI, or an https:// URL of S3 (virtual-hosted or path-style,
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/VirtualHosting.html);
 * undefined for any other form.
 */
function destinationLocation(uri) {
    const trimmed = uri.trim();
    const match = S3_URI.exec(trimmed) ?? VIRTUAL_HOSTED_URL.exec(trimmed) ?? PATH_STYLE_URL.exec(trimmed);
    return match ? { bucket: match[1], prefix: match[2] ?? '' } : undefined;
}
/** One captured line's request, or undefined for a line that holds none (output only, or not capture at all). */
function capturedRequest(line) {
    let parsed;
    try {
        parsed = JSON.parse(line);
    }
    catch {
        return undefined;
    }
    const input = parsed?.captureData
        ?.endpointInput;
    if (!input || typeof input.data !== 'string')
        return undefined;
    const contentType = typeof input.observedContentType === 'string' ? input.observedContentType : 'application/json';
    const body = input.encoding === 'BASE64'
        ? new Uint8Array(Buffer.from(input.data, 'base64'))
        : new TextEncoder().encode(input.data);
    if (body.byteLength === 0 || body.byteLength > MAX_PAYLOAD_BYTES)
        return undefined;
    return { body, contentType };
}
/** Folders that are not dated first (each endpoint and variant is looked into), then the newest dated folder. */
function newestFirst(a, b) {
    if ((a.dated === '') !== (b.dated === ''))
        return a.dated === '' ? -1 : 1;
    return a.dated < b.dated ? 1 : a.dated > b.dated ? -1 : 0;
}
/**
 * The capture objects of the newest folders under `location`, newest first.
 * SageMaker writes a variant's capture under `{endpoint}/{variant}/yyyy/mm/dd/hh/`,
 * and S3 lists keys in ascending order, so one listing of a capture that has
 * run for a while holds its oldest objects. The walk lists folder by folder
 * instead, the newest dated folder next (zero-padded, so later sorts after),
 * until it has ENOUGH_OBJECTS or has made MAX_LISTINGS listings.
 */
async function newestCaptureObjects(ctx, location) {
    const { ListObjectsV2Command } = await __webpack_require__.e(/* import() */ 624).then(__webpack_require__.bind(__webpack_require__, 2624));
    const s3 = await ctx.clients.s3();
    const objects = [];
    const pending = [{ prefix: location.prefix, dated: '' }];
    for (let listings = 0; listings < MAX_LISTINGS && pending.length > 0 && objects.length < ENOUGH_OBJECTS; listings++) {
        const folder = pending.sort(newestFirst).shift();
        const listed = await (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .awsCall */ .uF)('ListObjectsV2', `s3://${location.bucket}/${folder.prefix}`, () => s3.send(new ListObjectsV2Command({
            Bucket: location.bucket,
            Prefix: folder.prefix,
            Delimiter: '/',
            MaxKeys: MAX_OBJECTS_LISTED
        })));
        for (const object of listed.Contents ?? []) {
            if (!object.Key?.endsWith('.jsonl'))
                continue;
            objects.push({ key: object.Key, writtenAt: object.LastModified?.getTime() ?? 0 });
        }
        const subfolders = (listed.CommonPrefixes ?? []).flatMap((common) => (common.Prefix ? [common.Prefix] : []));
        const names = subfolders.map((sub) => sub.slice(folder.prefix.length));
        const dated = names.length > 0 && names.every((name) => /^\d+\/$/.test(name));
        pending.push(...subfolders.map((prefix, index) => ({ prefix, dated: dated ? `${folder.dated}${names[index]}` : '' })));
    }
    return objects.sort((a, b) => b.writtenAt - a.writtenAt);
}
/** The text of a capture object, read no further than `budget` bytes. */
async function readCaptureObject(ctx, bucket, key, budget) {
    const { GetObjectCommand } = await __webpack_require__.e(/* import() */ 624).then(__webpack_require__.bind(__webpack_require__, 2624));
    const s3 = await ctx.clients.s3();
    const got = await (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .awsCall */ .uF)('GetObject', `s3://${bucket}/${key}`, () => s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=0-${budget - 1}` })));
    return (await got.Body?.transformToString()) ?? '';
}
/** Reads the newest captured requests under `location`, within the bounds; fails when there are none. */
async function readCapturedPayloads(ctx, location) {
    const where = `s3://${location.bucket}/${location.prefix}`;
    const objects = await newestCaptureObjects(ctx, location);
    const payloads = [];
    let bytes = 0;
    let read = 0;
    for (const object of objects) {
        if (payloads.length >= MAX_PAYLOADS || bytes >= MAX_BYTES)
            break;
        const text = await readCaptureObject(ctx, location.bucket, object.key, MAX_BYTES - bytes);
        bytes += text.length;
        read++;
        for (const line of text.split('\n')) {
            const request = capturedRequest(line);
            if (request)
                payloads.push(request);
            if (payloads.length >= MAX_PAYLOADS)
                break;
        }
    }
    if (payloads.length === 0) {
        throw new Error(`Input "probe-payloads-from": ${where} holds no captured request (${objects.length} .jsonl objects in its newest folders, ${read} read); nothing was changed. Point it at the endpoint's data capture (its config's DataCaptureConfig.DestinationS3Uri, with REQUEST among CaptureOptions), or use probe-payload.`);
    }
    return { payloads, objects: read };
}
/** A short digest of each payload, for the record of what was replayed: the same request gives the same digest. */
function payloadDigest(payload) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(payload.body).digest('hex').slice(0, 12);
}
/** The probes of an operation that sends them, when they replay captured requests. */
function replayingProbe(settings) {
    const probe = settings.operation === 'deploy'
        ? settings.deploy.rollout.gates.probe
        : settings.operation === 'promote'
            ? settings.rollout.gates.probe
            : settings.operation === 'health-check'
                ? settings.healthCheck.probe
                : undefined;
    return probe?.from ? probe : undefined;
}
/**
 * Reads the captured requests an operation's probes replay, before the
 * operation changes anything: a capture that holds none fails the run while
 * nothing has moved. Records how many were read and their digests.
 */
async function loadCapturedPayloads(ctx, settings) {
    const probe = replayingProbe(settings);
    if (!probe?.from)
        return;
    const { payloads, objects } = await readCapturedPayloads(ctx, probe.from);
    probe.captured = payloads;
    ctx.note(`Probes replay ${payloads.length} captured requests from s3://${probe.from.bucket}/${probe.from.prefix} (the newest ${objects} objects; payloads not shown, digests ${payloads
        .slice(0, 5)
        .map(payloadDigest)
        .join(', ')}${payloads.length > 5 ? ', …' : ''}).`);
}


/***/ }),

/***/ 9373:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ systemClock)
/* harmony export */ });
const systemClock = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)))
};


/***/ }),

/***/ 788:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ OperationContext)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9378);
/* harmony import */ var _identity_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5625);
/* harmony import */ var _cancelled_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(204);
/** What every operation is handed: settings, AWS clients, time, and the run's report. */




class OperationContext {
    settings;
    clients;
    clock;
    report;
    run;
    /** How long a fleet change of this endpoint is expected to take, once the run has read its history. */
    expectedFleetChangeMs;
    constructor(settings, clients, clock, report, run = (0,_identity_js__WEBPACK_IMPORTED_MODULE_2__/* .runIdentity */ .y)(process.env)) {
        this.settings = settings;
        this.clients = clients;
        this.clock = clock;
        this.report = report;
        this.run = run;
    }
    get endpointName() {
        return this.settings.endpointName;
    }
    get dryRun() {
        return this.settings.dryRun;
    }
    /** Sets a step output at once (a later failure must not lose it) and keeps it for the summary. */
    output(name, value) {
        // Once cancelled, the handler has set the outputs that say so: an outcome the refused flow reaches is not the run's.
        if ((0,_cancelled_js__WEBPACK_IMPORTED_MODULE_3__/* .wasCancelled */ .r1)())
            return;
        const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
        this.report.outputs[name] = text;
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(name, text);
    }
    note(message) {
        this.report.notes.push(message);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(message);
    }
    /** A note that also stands out in the log and on the run page as a warning annotation. */
    warn(message) {
        this.report.notes.push(message);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(message);
    }
    /**
     * Every call that changes AWS goes through here: in a dry run it is only
     * printed and recorded as the plan, otherwise it is made and recorded as done.
     */
    async change(api, resource, input, request) {
        this.report.changes.push({ api, resource, input });
        if (this.dryRun) {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`[dry-run] would call ${api} on ${resource}: ${JSON.stringify(input)}`);
            return undefined;
        }
        if ((0,_cancelled_js__WEBPACK_IMPORTED_MODULE_3__/* .wasCancelled */ .r1)()) {
            throw new Error(`${api} on ${resource} was not sent: the run was cancelled.`);
        }
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${api} on ${resource}`);
        return (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .awsCall */ .uF)(api, resource, request);
    }
}


/***/ }),

/***/ 3150:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IC: () => (/* binding */ weightPercentages),
/* harmony export */   KC: () => (/* binding */ resolveVariant),
/* harmony export */   LQ: () => (/* binding */ variantRows),
/* harmony export */   NW: () => (/* binding */ findEndpointConfig),
/* harmony export */   Us: () => (/* binding */ reportEndpoint),
/* harmony export */   g8: () => (/* binding */ missingEndpoint),
/* harmony export */   kQ: () => (/* binding */ TRANSITIONAL_STATUSES),
/* harmony export */   s3: () => (/* binding */ getEndpointConfig),
/* harmony export */   vS: () => (/* binding */ findEndpoint),
/* harmony export */   xZ: () => (/* binding */ liveInstanceCount),
/* harmony export */   yP: () => (/* binding */ getEndpoint)
/* harmony export */ });
/* unused harmony export roundPercent */
/* harmony import */ var _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5707);
/* harmony import */ var _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7733);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9378);
/* harmony import */ var _invocation_metrics_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9113);
/** Reading an endpoint and its config, shared by every operation. */



/** Statuses from which SageMaker will reach InService (or Failed) without our help. */
const TRANSITIONAL_STATUSES = ['Creating', 'Updating', 'SystemUpdating', 'RollingBack', 'Deleting'];
async function findEndpoint(ctx, endpointName = ctx.endpointName) {
    try {
        return await (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)('DescribeEndpoint', `endpoint "${endpointName}"`, () => ctx.clients.sagemaker.send(new _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_2__/* .DescribeEndpointCommand */ .C({ EndpointName: endpointName })));
    }
    catch (error) {
        if ((0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isNotFound */ .c4)(error))
            return undefined;
        throw error;
    }
}
async function getEndpoint(ctx) {
    const endpoint = await findEndpoint(ctx);
    if (!endpoint)
        throw missingEndpoint(ctx);
    return endpoint;
}
function missingEndpoint(ctx) {
    return new Error(`Endpoint "${ctx.endpointName}" does not exist in ${ctx.settings.region}.`);
}
async function getEndpointConfig(ctx, configName) {
    return (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)('DescribeEndpointConfig', `endpoint config "${configName}"`, () => ctx.clients.sagemaker.send(new _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_3__/* .DescribeEndpointConfigCommand */ .u({ EndpointConfigName: configName })));
}
async function findEndpointConfig(ctx, configName) {
    try {
        return await getEndpointConfig(ctx, configName);
    }
    catch (error) {
        if ((0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isNotFound */ .c4)(error))
            return undefined;
        throw error;
    }
}
/** The variants' live weights as percentages of the endpoint's traffic. */
function weightPercentages(variants) {
    const weights = variants.map((variant) => variant.CurrentWeight ?? variant.DesiredWeight ?? 0);
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    return Object.fromEntries(variants.map((variant, index) => [
        variant.VariantName ?? '',
        total > 0 ? roundPercent((weights[index] / total) * 100) : 0
    ]));
}
function roundPercent(value) {
    return Math.round(value * 100) / 100;
}
function liveInstanceCount(variant) {
    return variant.CurrentInstanceCount ?? variant.DesiredInstanceCount;
}
/** Rows for the summary's variant table: live weights and counts, model and type from the config. */
function variantRows(endpoint, config) {
    const live = endpoint.ProductionVariants ?? [];
    const weights = weightPercentages(live);
    return live.map((variant) => {
        const name = variant.VariantName ?? '';
        const definition = config?.ProductionVariants?.find((candidate) => candidate.VariantName === name);
        const row = { name, weight: weights[name] ?? 0 };
        const count = liveInstanceCount(variant);
        if (count !== undefined)
            row.instanceCount = count;
        if (definition?.ModelName)
            row.model = definition.ModelName;
        if (definition?.InstanceType)
            row.instanceType = definition.InstanceType;
        return row;
    });
}
/** Records the endpoint's state in outputs and in the summary's variant table. */
/** Puts the endpoint in the report and the outputs; resolves with its config, when it still exists. */
async function reportEndpoint(ctx, endpoint) {
    const config = endpoint.EndpointConfigName ? await findEndpointConfig(ctx, endpoint.EndpointConfigName) : undefined;
    ctx.report.variants = variantRows(endpoint, config);
    if (config)
        ctx.report.metricsSource = (0,_invocation_metrics_js__WEBPACK_IMPORTED_MODULE_1__/* .metricsSourceOf */ .er)(config);
    ctx.output('endpoint-name', endpoint.EndpointName ?? ctx.endpointName);
    if (endpoint.EndpointArn)
        ctx.output('endpoint-arn', endpoint.EndpointArn);
    if (endpoint.EndpointStatus)
        ctx.output('endpoint-status', endpoint.EndpointStatus);
    if (endpoint.EndpointConfigName)
        ctx.output('endpoint-config-name', endpoint.EndpointConfigName);
    ctx.output('variant-weights', weightPercentages(endpoint.ProductionVariants ?? []));
    return config;
}
/** The one variant an operation may act on when the user named none. */
function resolveVariant(endpoint, requested, input = 'variant-name') {
    const names = (endpoint.ProductionVariants ?? []).map((variant) => variant.VariantName ?? '');
    if (requested !== undefined) {
        if (!names.includes(requested)) {
            throw new Error(`Input "${input}" names variant "${requested}", which endpoint "${endpoint.EndpointName}" does not have (it has ${names.join(', ')}).`);
        }
        return requested;
    }
    if (names.length !== 1) {
        throw new Error(`Input "${input}" is required: endpoint "${endpoint.EndpointName}" has ${names.length} variants (${names.join(', ')}).`);
    }
    return names[0];
}


/***/ }),

/***/ 1236:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ TYPICAL_MS),
/* harmony export */   j: () => (/* binding */ lastFleetChangeMs)
/* harmony export */ });
const TYPICAL_MS = {
    /** UpdateEndpoint and CreateEndpoint: a whole new fleet is provisioned. */
    fleet: 10 * 60_000,
    /** UpdateEndpointWeightsAndCapacities without new instances. */
    weights: 60_000
};
/** Longer than this between a config's creation and the endpoint's last change, and something else changed it since. */
const LONGEST_BELIEVABLE_UPDATE_MS = 60 * 60_000;
/**
 * How long the endpoint's last fleet change took: from its config's
 * creation (the action creates a config just before it updates to it) to the
 * endpoint's last change. Undefined when that says nothing (the config was
 * made long before, or something changed the endpoint since).
 */
function lastFleetChangeMs(endpoint, config) {
    const created = config?.CreationTime?.getTime();
    const modified = endpoint.LastModifiedTime?.getTime();
    if (created === undefined || modified === undefined)
        return undefined;
    const took = modified - created;
    return took > 0 && took <= LONGEST_BELIEVABLE_UPDATE_MS ? took : undefined;
}


/***/ }),

/***/ 1738:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ workflowRun)
/* harmony export */ });
/**
 * The workflow run as the runner describes it in its default environment
 * variables: which repository, commit and ref, and where the run's page is.
 * https://docs.github.com/en/actions/reference/workflows-and-actions/variables#default-environment-variables
 */
function workflowRun(env) {
    const value = (name) => env[name]?.trim() || undefined;
    const repository = value('GITHUB_REPOSITORY');
    const [owner, repo, ...rest] = repository?.split('/') ?? [];
    const wellFormed = owner && repo && rest.length === 0;
    const serverUrl = (value('GITHUB_SERVER_URL') ?? 'https://github.com').replace(/\/+$/, '');
    const runId = value('GITHUB_RUN_ID');
    const runAttempt = value('GITHUB_RUN_ATTEMPT');
    const runUrl = repository && runId
        ? `${serverUrl}/${repository}/actions/runs/${runId}${runAttempt ? `/attempts/${runAttempt}` : ''}`
        : undefined;
    return {
        repository,
        owner: wellFormed ? owner : undefined,
        repo: wellFormed ? repo : undefined,
        sha: value('GITHUB_SHA'),
        ref: value('GITHUB_REF'),
        serverUrl,
        apiUrl: (value('GITHUB_API_URL') ?? 'https://api.github.com').replace(/\/+$/, ''),
        runId,
        runAttempt,
        runUrl
    };
}


/***/ }),

/***/ 5625:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ runIdentity)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _github_run_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1738);
/* harmony import */ var _tags_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9506);
/**
 * Who is running: the endpoint lock names its holder with it, and everything
 * a run creates is tagged with it, so a create whose answer was lost can tell
 * its own resource from another run's.
 */




function runIdentity(env, newToken = node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID) {
    const run = (0,_github_run_js__WEBPACK_IMPORTED_MODULE_3__/* .workflowRun */ .t)(env);
    const identity = {
        owner: run.runUrl ?? localRun(env),
        token: newToken(),
        tags: (0,_tags_js__WEBPACK_IMPORTED_MODULE_2__/* .traceabilityTags */ .j5)(env)
    };
    if (run.repository)
        identity.repository = run.repository;
    if (run.runId)
        identity.runId = run.runId;
    if (run.runAttempt)
        identity.runAttempt = run.runAttempt;
    const job = env.GITHUB_JOB?.trim();
    if (job)
        identity.job = job;
    return identity;
}
function localRun(env) {
    let user = env.USER ?? env.USERNAME ?? '';
    try {
        user ||= (0,node_os__WEBPACK_IMPORTED_MODULE_1__.userInfo)().username;
    }
    catch {
        // No user entry (a container's arbitrary UID): the host and process still say which run it is.
    }
    return `a run outside GitHub Actions${user ? ` by ${user}` : ''} on ${(0,node_os__WEBPACK_IMPORTED_MODULE_1__.hostname)()} (process ${process.pid})`;
}


/***/ }),

/***/ 4533:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  SS: () => (/* binding */ FRAMEWORK_NAMES),
  Ev: () => (/* binding */ isKnownFramework),
  af: () => (/* binding */ resolveFrameworkImage)
});

// UNUSED EXPORTS: registryDomain

// EXTERNAL MODULE: ./src/parse.ts
var parse = __webpack_require__(2828);
;// CONCATENATED MODULE: ./src/images/framework-images.generated.ts
const FRAMEWORK_IMAGES = {
    sdkCommit: "a24812666d258d9d19c9a82d0c9385ca0bd3ba01",
    registries: [
        { "af-south-1": "510948584623", "ap-east-1": "651117190479", "ap-northeast-1": "354813040037", "ap-northeast-2": "366743142698", "ap-northeast-3": "867004704886", "ap-south-1": "720646828776", "ap-south-2": "628508329040", "ap-southeast-1": "121021644041", "ap-southeast-2": "783357654285", "ap-southeast-3": "951798379941", "ap-southeast-4": "106583098589", "ca-central-1": "341280168497", "ca-west-1": "190319476487", "cn-north-1": "450853457545", "cn-northwest-1": "451049120500", "eu-central-1": "492215442770", "eu-central-2": "680994064768", "eu-north-1": "662702820516", "eu-south-1": "978288397137", "eu-south-2": "104374241257", "eu-west-1": "141502667606", "eu-west-2": "764974769150", "eu-west-3": "659782779980", "il-central-1": "898809789911", "me-central-1": "272398656194", "me-south-1": "801668240914", "sa-east-1": "737474898029", "us-east-1": "683313688378", "us-east-2": "257758044811", "us-gov-east-1": "237065988967", "us-gov-west-1": "414596584902", "us-iso-east-1": "833128469047", "us-isob-east-1": "281123927165", "us-isof-east-1": "108575199400", "us-isof-south-1": "124985052026", "us-west-1": "746614075791", "us-west-2": "246618743249" },
        { "af-south-1": "455444449433", "ap-east-1": "286214385809", "ap-northeast-1": "501404015308", "ap-northeast-2": "306986355934", "ap-northeast-3": "867004704886", "ap-south-1": "991648021394", "ap-south-2": "628508329040", "ap-southeast-1": "475088953585", "ap-southeast-2": "544295431143", "ap-southeast-3": "951798379941", "ap-southeast-4": "106583098589", "ca-central-1": "469771592824", "cn-north-1": "390948362332", "cn-northwest-1": "387376663083", "eu-central-1": "813361260812", "eu-central-2": "680994064768", "eu-north-1": "669576153137", "eu-south-1": "257386234256", "eu-south-2": "104374241257", "eu-west-1": "685385470294", "eu-west-2": "644912444149", "eu-west-3": "749696950732", "me-central-1": "272398656194", "me-south-1": "249704162688", "sa-east-1": "855470959533", "us-east-1": "811284229777", "us-east-2": "825641698319", "us-gov-east-1": "237065988967", "us-gov-west-1": "226302683700", "us-iso-east-1": "490574956308", "us-isob-east-1": "765400339828", "us-west-1": "632365934929", "us-west-2": "433757028032" },
        { "af-south-1": "313743910680", "ap-east-1": "057415533634", "ap-northeast-1": "520713654638", "ap-northeast-2": "520713654638", "ap-south-1": "520713654638", "ap-southeast-1": "520713654638", "ap-southeast-2": "520713654638", "ca-central-1": "520713654638", "cn-north-1": "422961961927", "cn-northwest-1": "423003514399", "eu-central-1": "520713654638", "eu-north-1": "520713654638", "eu-south-1": "048378556238", "eu-west-1": "520713654638", "eu-west-2": "520713654638", "eu-west-3": "520713654638", "me-south-1": "724002660598", "sa-east-1": "520713654638", "us-east-1": "520713654638", "us-east-2": "520713654638", "us-gov-west-1": "246785580436", "us-iso-east-1": "744548109606", "us-isob-east-1": "453391408702", "us-west-1": "520713654638", "us-west-2": "520713654638" },
        { "af-south-1": "626614931356", "ap-east-1": "871362719292", "ap-east-2": "975050140332", "ap-northeast-1": "763104351884", "ap-northeast-2": "763104351884", "ap-northeast-3": "364406365360", "ap-south-1": "763104351884", "ap-south-2": "772153158452", "ap-southeast-1": "763104351884", "ap-southeast-2": "763104351884", "ap-southeast-3": "907027046896", "ap-southeast-4": "457447274322", "ap-southeast-5": "550225433462", "ap-southeast-6": "633930458069", "ap-southeast-7": "590183813437", "ca-central-1": "763104351884", "ca-west-1": "204538143572", "cn-north-1": "727897471807", "cn-northwest-1": "727897471807", "eu-central-1": "763104351884", "eu-central-2": "380420809688", "eu-north-1": "763104351884", "eu-south-1": "692866216735", "eu-south-2": "503227376785", "eu-west-1": "763104351884", "eu-west-2": "763104351884", "eu-west-3": "763104351884", "il-central-1": "780543022126", "me-central-1": "914824155844", "me-south-1": "217643126080", "mx-central-1": "637423239942", "sa-east-1": "763104351884", "us-east-1": "763104351884", "us-east-2": "763104351884", "us-gov-east-1": "446045086412", "us-gov-west-1": "442386744353", "us-iso-east-1": "886529160074", "us-isob-east-1": "094389454867", "us-west-1": "763104351884", "us-west-2": "763104351884" },
        { "af-south-1": "626614931356", "ap-east-1": "871362719292", "ap-east-2": "975050140332", "ap-northeast-1": "763104351884", "ap-northeast-2": "763104351884", "ap-northeast-3": "364406365360", "ap-south-1": "763104351884", "ap-south-2": "772153158452", "ap-southeast-1": "763104351884", "ap-southeast-2": "763104351884", "ap-southeast-3": "907027046896", "ap-southeast-4": "457447274322", "ap-southeast-5": "550225433462", "ap-southeast-6": "633930458069", "ap-southeast-7": "590183813437", "ca-central-1": "763104351884", "ca-west-1": "204538143572", "cn-north-1": "727897471807", "cn-northwest-1": "727897471807", "eu-central-1": "763104351884", "eu-central-2": "380420809688", "eu-north-1": "763104351884", "eu-south-1": "692866216735", "eu-south-2": "503227376785", "eu-west-1": "763104351884", "eu-west-2": "763104351884", "eu-west-3": "763104351884", "il-central-1": "780543022126", "me-central-1": "914824155844", "me-south-1": "217643126080", "mx-central-1": "637423239942", "sa-east-1": "763104351884", "us-east-1": "763104351884", "us-east-2": "763104351884", "us-gov-east-1": "446045086412", "us-gov-west-1": "442386744353", "us-iso-east-1": "886529160074", "us-isob-east-1": "094389454867", "us-isof-east-1": "303241398832", "us-isof-south-1": "454834333376", "us-west-1": "763104351884", "us-west-2": "763104351884" },
        { "af-south-1": "626614931356", "ap-east-1": "871362719292", "ap-east-2": "975050140332", "ap-northeast-1": "763104351884", "ap-northeast-2": "763104351884", "ap-northeast-3": "364406365360", "ap-south-1": "763104351884", "ap-south-2": "772153158452", "ap-southeast-1": "763104351884", "ap-southeast-2": "763104351884", "ap-southeast-3": "907027046896", "ap-southeast-4": "457447274322", "ap-southeast-5": "550225433462", "ap-southeast-6": "633930458069", "ap-southeast-7": "590183813437", "ca-central-1": "763104351884", "ca-west-1": "204538143572", "cn-north-1": "727897471807", "cn-northwest-1": "727897471807", "eu-central-1": "763104351884", "eu-central-2": "380420809688", "eu-north-1": "763104351884", "eu-south-1": "692866216735", "eu-south-2": "503227376785", "eu-west-1": "763104351884", "eu-west-2": "763104351884", "eu-west-3": "763104351884", "il-central-1": "780543022126", "me-central-1": "914824155844", "me-south-1": "217643126080", "mx-central-1": "637423239942", "sa-east-1": "763104351884", "us-east-1": "763104351884", "us-east-2": "763104351884", "us-gov-east-1": "446045086412", "us-gov-west-1": "442386744353", "us-west-1": "763104351884", "us-west-2": "763104351884" },
        { "af-south-1": "626614931356", "ap-east-1": "871362719292", "ap-northeast-1": "763104351884", "ap-northeast-2": "763104351884", "ap-northeast-3": "364406365360", "ap-south-1": "763104351884", "ap-south-2": "772153158452", "ap-southeast-1": "763104351884", "ap-southeast-2": "763104351884", "ap-southeast-3": "907027046896", "ap-southeast-4": "457447274322", "ca-central-1": "763104351884", "ca-west-1": "204538143572", "cn-north-1": "727897471807", "cn-northwest-1": "727897471807", "eu-central-1": "763104351884", "eu-central-2": "380420809688", "eu-north-1": "763104351884", "eu-south-1": "692866216735", "eu-south-2": "503227376785", "eu-west-1": "763104351884", "eu-west-2": "763104351884", "eu-west-3": "763104351884", "il-central-1": "780543022126", "me-central-1": "914824155844", "me-south-1": "217643126080", "sa-east-1": "763104351884", "us-east-1": "763104351884", "us-east-2": "763104351884", "us-gov-east-1": "446045086412", "us-gov-west-1": "442386744353", "us-iso-east-1": "886529160074", "us-isob-east-1": "094389454867", "us-west-1": "763104351884", "us-west-2": "763104351884" },
        { "af-south-1": "626614931356", "ap-east-1": "871362719292", "ap-east-2": "975050140332", "ap-northeast-1": "763104351884", "ap-northeast-2": "763104351884", "ap-northeast-3": "364406365360", "ap-south-1": "763104351884", "ap-south-2": "772153158452", "ap-southeast-1": "763104351884", "ap-southeast-2": "763104351884", "ap-southeast-3": "907027046896", "ap-southeast-4": "457447274322", "ap-southeast-5": "550225433462", "ap-southeast-6": "633930458069", "ap-southeast-7": "590183813437", "ca-central-1": "763104351884", "ca-west-1": "204538143572", "cn-north-1": "727897471807", "cn-northwest-1": "727897471807", "eu-central-1": "763104351884", "eu-central-2": "380420809688", "eu-isoe-west-1": "371248457586", "eu-north-1": "763104351884", "eu-south-1": "692866216735", "eu-south-2": "503227376785", "eu-west-1": "763104351884", "eu-west-2": "763104351884", "eu-west-3": "763104351884", "eusc-de-east-1": "204133271717", "il-central-1": "780543022126", "me-central-1": "914824155844", "me-south-1": "217643126080", "mx-central-1": "637423239942", "sa-east-1": "763104351884", "us-east-1": "763104351884", "us-east-2": "763104351884", "us-gov-east-1": "446045086412", "us-gov-west-1": "442386744353", "us-iso-east-1": "886529160074", "us-isob-east-1": "094389454867", "us-isof-east-1": "303241398832", "us-isof-south-1": "454834333376", "us-west-1": "763104351884", "us-west-2": "763104351884" },
        { "af-south-1": "626614931356", "ap-east-1": "871362719292", "ap-east-2": "975050140332", "ap-northeast-1": "763104351884", "ap-northeast-2": "763104351884", "ap-northeast-3": "364406365360", "ap-south-1": "763104351884", "ap-south-2": "772153158452", "ap-southeast-1": "763104351884", "ap-southeast-2": "763104351884", "ap-southeast-3": "907027046896", "ap-southeast-4": "457447274322", "ap-southeast-5": "550225433462", "ap-southeast-6": "633930458069", "ap-southeast-7": "590183813437", "ca-central-1": "763104351884", "ca-west-1": "204538143572", "cn-north-1": "727897471807", "cn-northwest-1": "727897471807", "eu-central-1": "763104351884", "eu-central-2": "380420809688", "eu-north-1": "763104351884", "eu-south-1": "692866216735", "eu-south-2": "503227376785", "eu-west-1": "763104351884", "eu-west-2": "763104351884", "eu-west-3": "763104351884", "eusc-de-east-1": "204133271717", "il-central-1": "780543022126", "me-central-1": "914824155844", "me-south-1": "217643126080", "mx-central-1": "637423239942", "sa-east-1": "763104351884", "us-east-1": "763104351884", "us-east-2": "763104351884", "us-gov-east-1": "446045086412", "us-gov-west-1": "442386744353", "us-west-1": "763104351884", "us-west-2": "763104351884" }
    ],
    frameworks: {
        "sklearn": {
            defaults: { "repository": "sagemaker-scikit-learn", "registries": 0, "processors": ["cpu"], "py": ["py3"] },
            versions: {
                "0.20.0": {},
                "0.23-1": {},
                "1.0-1": {},
                "1.2-1": {},
                "1.4-2-py312": {}
            },
            aliases: {}
        },
        "xgboost": {
            defaults: { "repository": "sagemaker-xgboost", "registries": 0, "processors": [], "py": [] },
            versions: {
                "1": { "repository": "xgboost", "registries": 1 },
                "0.90-1": { "processors": ["cpu"], "py": ["py3"] },
                "0.90-2": { "processors": ["cpu"], "py": ["py3"] },
                "1.0-1": { "processors": ["cpu"], "py": ["py3"] },
                "1.2-1": {},
                "1.2-2": {},
                "1.3-1": {},
                "1.5-1": {},
                "1.7-1": {},
                "3.0-5": {},
                "3.2-0": {}
            },
            aliases: {}
        },
        "pytorch": {
            defaults: { "repository": "pytorch-inference", "registries": 3, "processors": ["cpu", "gpu"], "py": ["py38"] },
            versions: {
                "0.4.0": { "repository": "sagemaker-pytorch", "registries": 2, "py": ["py2", "py3"] },
                "1.0.0": { "repository": "sagemaker-pytorch", "registries": 2, "py": ["py2", "py3"] },
                "1.1.0": { "repository": "sagemaker-pytorch", "registries": 2, "py": ["py2", "py3"] },
                "1.2.0": { "py": ["py2", "py3"] },
                "1.3.1": { "py": ["py2", "py3"] },
                "1.4.0": { "py": ["py3", "py36"] },
                "1.5.0": { "py": ["py3", "py36"] },
                "1.6.0": { "py": ["py3", "py36"] },
                "1.7.1": { "py": ["py3", "py36"] },
                "1.8.0": { "py": ["py3", "py36"] },
                "1.8.1": { "py": ["py3", "py36"] },
                "1.9.0": {},
                "1.9.1": {},
                "1.10.0": {},
                "1.10.2": {},
                "1.11.0": {},
                "1.12.0": {},
                "1.12.1": {},
                "1.13.1": { "py": ["py39"] },
                "2.0.0": { "py": ["py310"] },
                "2.0.1": { "py": ["py310"] },
                "2.1.0": { "registries": 4, "py": ["py310"] },
                "2.2.0": { "registries": 4, "py": ["py310"] },
                "2.3.0": { "registries": 5, "py": ["py311"] },
                "2.4.0": { "registries": 5, "py": ["py311"] },
                "2.5.1": { "registries": 5, "py": ["py311"] },
                "2.6.0": { "registries": 5, "py": ["py312"] }
            },
            aliases: { "0.4": "0.4.0", "1.0": "1.0.0", "1.1": "1.1.0", "1.2": "1.2.0", "1.3": "1.3.1", "1.4": "1.4.0", "1.5": "1.5.0", "1.6": "1.6.0", "1.7": "1.7.1", "1.8": "1.8.1", "1.9": "1.9.1", "1.10": "1.10.2", "1.11": "1.11.0", "1.12": "1.12.1", "1.13": "1.13.1", "2.0": "2.0.1", "2.1": "2.1.0", "2.2": "2.2.0", "2.3": "2.3.0", "2.4": "2.4.0", "2.5": "2.5.1", "2.6": "2.6.0" }
        },
        "tensorflow": {
            defaults: { "repository": "tensorflow-inference", "registries": 3, "processors": ["cpu", "gpu"], "py": [] },
            versions: {
                "1.4.1": { "repository": "sagemaker-tensorflow", "registries": 2, "py": ["py2"] },
                "1.5.0": { "repository": "sagemaker-tensorflow", "registries": 2, "py": ["py2"] },
                "1.6.0": { "repository": "sagemaker-tensorflow", "registries": 2, "py": ["py2"] },
                "1.7.0": { "repository": "sagemaker-tensorflow", "registries": 2, "py": ["py2"] },
                "1.8.0": { "repository": "sagemaker-tensorflow", "registries": 2, "py": ["py2"] },
                "1.9.0": { "repository": "sagemaker-tensorflow", "registries": 2, "py": ["py2"] },
                "1.10.0": { "repository": "sagemaker-tensorflow", "registries": 2, "py": ["py2"] },
                "1.11.0": { "repository": "sagemaker-tensorflow-serving", "registries": 2 },
                "1.12.0": { "repository": "sagemaker-tensorflow-serving", "registries": 2 },
                "1.13.0": {},
                "1.14.0": {},
                "1.15.0": {},
                "1.15.2": {},
                "1.15.3": {},
                "1.15.4": {},
                "1.15.5": {},
                "2.0.0": {},
                "2.0.1": {},
                "2.0.2": {},
                "2.0.3": {},
                "2.0.4": {},
                "2.1.0": {},
                "2.1.1": {},
                "2.1.2": {},
                "2.1.3": {},
                "2.2.0": {},
                "2.2.1": {},
                "2.2.2": {},
                "2.3.0": {},
                "2.3.1": {},
                "2.3.2": {},
                "2.4.1": {},
                "2.4.3": {},
                "2.5.1": {},
                "2.6.0": {},
                "2.6.3": {},
                "2.7.0": {},
                "2.8.0": {},
                "2.8.4": {},
                "2.9.2": {},
                "2.9.3": {},
                "2.10.0": {},
                "2.10.1": {},
                "2.11.0": {},
                "2.11.1": {},
                "2.12.1": {},
                "2.13.0": { "registries": 4 },
                "2.14.1": { "registries": 4 },
                "2.16.1": { "registries": 5 },
                "2.18.0": { "registries": 5 },
                "2.19.0": { "registries": 5 }
            },
            aliases: { "1.4": "1.4.1", "1.5": "1.5.0", "1.6": "1.6.0", "1.7": "1.7.0", "1.8": "1.8.0", "1.9": "1.9.0", "1.10": "1.10.0", "1.11": "1.11.0", "1.12": "1.12.0", "1.13": "1.13.0", "1.14": "1.14.0", "1.15": "1.15.5", "2.0": "2.0.4", "2.1": "2.1.3", "2.2": "2.2.2", "2.3": "2.3.2", "2.4": "2.4.3", "2.5": "2.5.1", "2.6": "2.6.3", "2.7": "2.7.0", "2.8": "2.8.4", "2.9": "2.9.3", "2.10": "2.10.1", "2.11": "2.11.1", "2.12": "2.12.1", "2.13": "2.13.0", "2.14": "2.14.1", "2.16": "2.16.1", "2.18": "2.18.0", "2.19": "2.19.0" }
        },
        "huggingface": {
            tagStyle: "huggingface",
            defaults: { "repository": "huggingface-pytorch-inference", "registries": 6, "processors": ["cpu", "gpu"], "py": ["py38"] },
            versions: {
                "4.6.1-pytorch1.7.1": { "py": ["py36"], "container": { "gpu": "cu110-ubuntu18.04", "cpu": "ubuntu18.04" } },
                "4.6.1-pytorch1.8.1": { "py": ["py36"], "container": { "gpu": "cu111-ubuntu18.04", "cpu": "ubuntu18.04" } },
                "4.10.2-pytorch1.8.1": { "py": ["py36"], "container": { "gpu": "cu111-ubuntu18.04", "cpu": "ubuntu18.04" } },
                "4.10.2-pytorch1.9.0": { "container": { "gpu": "cu111-ubuntu20.04", "cpu": "ubuntu20.04" } },
                "4.11.0-pytorch1.9.0": { "container": { "gpu": "cu111-ubuntu20.04", "cpu": "ubuntu20.04" } },
                "4.12.3-pytorch1.9.1": { "container": { "gpu": "cu111-ubuntu20.04", "cpu": "ubuntu20.04" } },
                "4.17.0-pytorch1.10.2": { "container": { "gpu": "cu113-ubuntu20.04", "cpu": "ubuntu20.04" } },
                "4.26.0-pytorch1.13.1": { "py": ["py39"], "container": { "gpu": "cu117-ubuntu20.04", "cpu": "ubuntu20.04" } },
                "4.28.1-pytorch2.0.0": { "py": ["py310"], "container": { "gpu": "cu118-ubuntu20.04", "cpu": "ubuntu20.04" } },
                "4.37.0-pytorch2.1.0": { "py": ["py310"], "container": { "gpu": "cu118-ubuntu20.04", "cpu": "ubuntu22.04" } },
                "4.48.0-pytorch2.3.0": { "py": ["py311"], "container": { "gpu": "cu121-ubuntu22.04", "cpu": "ubuntu22.04" } },
                "4.49.0-pytorch2.6.0": { "py": ["py312"], "container": { "gpu": "cu124-ubuntu22.04", "cpu": "ubuntu22.04" } },
                "4.51.3-pytorch2.6.0": { "py": ["py312"], "container": { "gpu": "cu124-ubuntu22.04", "cpu": "ubuntu22.04" } },
                "5.5.3-pytorch2.6.0": { "py": ["py312"], "container": { "gpu": "cu124-ubuntu22.04", "cpu": "ubuntu22.04" } }
            },
            aliases: { "4.6.1-pytorch1.7": "4.6.1-pytorch1.7.1", "4.6-pytorch1.7.1": "4.6.1-pytorch1.7.1", "4.6-pytorch1.7": "4.6.1-pytorch1.7.1", "4.6-pytorch1.8.1": "4.6.1-pytorch1.8.1", "4.10.2-pytorch1.8": "4.10.2-pytorch1.8.1", "4.10-pytorch1.8.1": "4.10.2-pytorch1.8.1", "4.10-pytorch1.8": "4.10.2-pytorch1.8.1", "4.10.2-pytorch1.9": "4.10.2-pytorch1.9.0", "4.10-pytorch1.9.0": "4.10.2-pytorch1.9.0", "4.10-pytorch1.9": "4.10.2-pytorch1.9.0", "4.11.0-pytorch1.9": "4.11.0-pytorch1.9.0", "4.11-pytorch1.9.0": "4.11.0-pytorch1.9.0", "4.11-pytorch1.9": "4.11.0-pytorch1.9.0", "4.12.3-pytorch1.9": "4.12.3-pytorch1.9.1", "4.12-pytorch1.9.1": "4.12.3-pytorch1.9.1", "4.12-pytorch1.9": "4.12.3-pytorch1.9.1", "4.17.0-pytorch1.10": "4.17.0-pytorch1.10.2", "4.17-pytorch1.10.2": "4.17.0-pytorch1.10.2", "4.17-pytorch1.10": "4.17.0-pytorch1.10.2", "4.26.0-pytorch1.13": "4.26.0-pytorch1.13.1", "4.26-pytorch1.13.1": "4.26.0-pytorch1.13.1", "4.26-pytorch1.13": "4.26.0-pytorch1.13.1", "4.28.1-pytorch2.0": "4.28.1-pytorch2.0.0", "4.28-pytorch2.0.0": "4.28.1-pytorch2.0.0", "4.28-pytorch2.0": "4.28.1-pytorch2.0.0", "4.37.0-pytorch2.1": "4.37.0-pytorch2.1.0", "4.37-pytorch2.1.0": "4.37.0-pytorch2.1.0", "4.37-pytorch2.1": "4.37.0-pytorch2.1.0", "4.48.0-pytorch2.3": "4.48.0-pytorch2.3.0", "4.49.0-pytorch2.6": "4.49.0-pytorch2.6.0", "4.49-pytorch2.6.0": "4.49.0-pytorch2.6.0", "4.49-pytorch2.6": "4.49.0-pytorch2.6.0", "4.51.3-pytorch2.6": "4.51.3-pytorch2.6.0", "4.51-pytorch2.6.0": "4.51.3-pytorch2.6.0", "4.51-pytorch2.6": "4.51.3-pytorch2.6.0", "5.5.3-pytorch2.6": "5.5.3-pytorch2.6.0", "5.5-pytorch2.6.0": "5.5.3-pytorch2.6.0", "5.5-pytorch2.6": "5.5.3-pytorch2.6.0" }
        },
        "djl-lmi": {
            defaults: { "repository": "djl-inference", "registries": 7, "processors": [], "py": [] },
            versions: {
                "0.36.0": { "tagPrefix": "0.36.0-lmi27.0.0-cu130" },
                "0.35.0": { "tagPrefix": "0.35.0-lmi17.0.0-cu128" },
                "0.34.0": { "tagPrefix": "0.34.0-lmi16.0.0-cu128" },
                "0.33.0": { "tagPrefix": "0.33.0-lmi15.0.0-cu128" },
                "0.32.0": { "registries": 8, "tagPrefix": "0.32.0-lmi14.0.0-cu126" },
                "0.31.0": { "registries": 8, "tagPrefix": "0.31.0-lmi13.0.0-cu124" },
                "0.30.0": { "registries": 8, "tagPrefix": "0.30.0-lmi12.0.0-cu124" },
                "0.29.0": { "registries": 8, "tagPrefix": "0.29.0-lmi11.0.0-cu124" },
                "0.28.0": { "tagPrefix": "0.28.0-lmi10.0.0-cu124" }
            },
            aliases: {}
        }
    }
};

;// CONCATENATED MODULE: ./src/images/framework-image.ts
/**
 * Turns `framework` + `framework-version` into the AWS-provided inference image
 * for the region and instance type, following the rules of the SageMaker
 * Python SDK's image_uris.retrieve, so a model that deploys with the SDK
 * deploys here with the same image.
 */


/** The values the `framework` input accepts. */
const FRAMEWORK_NAMES = Object.keys(FRAMEWORK_IMAGES.frameworks);
function isKnownFramework(name) {
    return Object.hasOwn(FRAMEWORK_IMAGES.frameworks, name);
}
function resolveFrameworkImage(request, table = FRAMEWORK_IMAGES) {
    const { framework, version, region, instanceType } = request;
    const images = Object.hasOwn(table.frameworks, framework) ? table.frameworks[framework] : undefined;
    if (images === undefined) {
        throw new parse/* InputError */.dz('framework', `must be one of ${Object.keys(table.frameworks).join(', ')}`, framework);
    }
    const known = Object.keys(images.versions);
    const key = Object.hasOwn(images.aliases, version) ? images.aliases[version] : version;
    const entry = key !== undefined && Object.hasOwn(images.versions, key) ? images.versions[key] : undefined;
    if (key === undefined || entry === undefined) {
        const form = images.tagStyle === 'huggingface' ? ' (<transformers>-pytorch<pytorch>)' : '';
        throw new parse/* InputError */.dz('framework-version', `must be a known ${framework} version${form}: ${known.join(', ')}`, version);
    }
    const image = { ...images.defaults, ...entry };
    const registries = table.registries[image.registries];
    const account = registries !== undefined && Object.hasOwn(registries, region) ? registries[region] : undefined;
    if (registries === undefined || account === undefined) {
        const here = known.filter((v) => {
            const map = table.registries[images.versions[v]?.registries ?? images.defaults.registries];
            return map !== undefined && Object.hasOwn(map, region);
        });
        throw new parse/* InputError */.dz('framework-version', `names ${framework} ${version}, which AWS does not publish in region ${region}` +
            (here.length > 0
                ? `; versions published there: ${here.join(', ')}`
                : `; no ${framework} image is published there, so give "image-uri" instead`));
    }
    const processor = processorFor(instanceType, image.processors, framework, key);
    rejectRetiredInstance(framework, key, instanceType);
    const prefix = image.tagPrefix ?? (images.tagStyle === 'huggingface' ? huggingfacePrefix(version) : version);
    const py = newestPython(image.py);
    const container = processor === undefined ? undefined : image.container?.[processor];
    let tag = [prefix, processor, py, container].filter((part) => part !== undefined && part !== '').join('-');
    if (framework === 'pytorch' && instanceFamily(instanceType) === 'p4d')
        tag += P4D_SUFFIXES[tag] ?? '';
    return `${account}.dkr.ecr.${region}.${registryDomain(region)}/${image.repository}:${tag}`;
}
/** `ml.g5.xlarge` → `g5`; the same pattern the SDK uses, so the same names are accepted. */
function instanceFamily(instanceType) {
    return /^ml[._]([a-z\d-]+)\.?\w*$/.exec(instanceType)?.[1];
}
function processorFor(instanceType, processors, framework, version) {
    const family = instanceFamily(instanceType);
    if (family === undefined) {
        throw new parse/* InputError */.dz('instance-type', 'must be a SageMaker instance type such as ml.m5.large', instanceType);
    }
    if (family.startsWith('inf') || family.startsWith('trn')) {
        throw new parse/* InputError */.dz('instance-type', `is an Inferentia or Trainium instance, which the ${framework} images do not run on; ` +
            'give a Neuron image as "image-uri" or choose a CPU or GPU instance', instanceType);
    }
    // Graviton families (m6g, c7gn, r8gd, ...) are Arm: the x86 images would not start there.
    if (/^[a-z]+\d+g[a-z]*$/.test(family) && !family.startsWith('g')) {
        throw new parse/* InputError */.dz('instance-type', `is a Graviton (Arm) instance, which the ${framework} images do not run on; ` +
            'give an arm64 image as "image-uri" or choose an x86 instance', instanceType);
    }
    // Images built once for every instance carry no processor in their tag.
    if (processors.length === 0)
        return undefined;
    const processor = family.startsWith('g') || family.startsWith('p') ? 'gpu' : 'cpu';
    if (!processors.includes(processor)) {
        const other = processor === 'gpu' ? 'CPU' : 'GPU';
        throw new parse/* InputError */.dz('instance-type', `must be a ${other} instance: ${framework} ${version} has no ${processor.toUpperCase()} image`, instanceType);
    }
    return processor;
}
/** The SDK refuses these: from these versions on, the GPU images no longer support P2's K80 GPUs. */
function rejectRetiredInstance(framework, version, instanceType) {
    if (instanceFamily(instanceType) !== 'p2')
        return;
    const floor = framework === 'pytorch' ? [1, 13] : framework === 'tensorflow' ? [2, 12] : undefined;
    if (floor !== undefined && compareVersions(version, floor) >= 0) {
        throw new parse/* InputError */.dz('instance-type', `must not be a P2 instance: ${framework} ${version} images no longer support P2`, instanceType);
    }
}
function compareVersions(version, floor) {
    const parts = version.split('.').map((part) => Number.parseInt(part, 10));
    for (let i = 0; i < floor.length; i++) {
        const diff = (parts[i] ?? 0) - (floor[i] ?? 0);
        if (diff !== 0)
            return diff;
    }
    return 0;
}
/** `4.37.0-pytorch2.1.0` → `2.1.0-transformers4.37.0`, keeping the spellings given as the SDK does. */
function huggingfacePrefix(version) {
    const match = /^(.+)-pytorch(.+)$/.exec(version);
    return match ? `${match[2]}-transformers${match[1]}` : version;
}
/**
 * The SDK asks for a Python version when an image comes in several; these are
 * all old releases (py2/py3, py3/py36), and the newest Python is the one still
 * maintained, so it is taken without asking.
 */
function newestPython(versions) {
    const rank = (py) => {
        const match = /^py(\d)(\d*)$/.exec(py);
        return match ? Number(match[1]) * 1000 + (match[2] === '' ? -1 : Number(match[2])) : -Infinity;
    };
    return versions.reduce((best, py) => (best === undefined || rank(py) > rank(best) ? py : best), undefined);
}
// The SDK moves these PyTorch 1.6 GPU images to a CUDA 11 build on p4d, whose A100s need it.
const P4D_SUFFIXES = {
    '1.6-gpu-py3': '-cu110-ubuntu18.04-v3',
    '1.6.0-gpu-py3': '-cu110-ubuntu18.04',
    '1.6-gpu-py36': '-cu110-ubuntu18.04-v3',
    '1.6.0-gpu-py36': '-cu110-ubuntu18.04'
};
/** DNS suffix per partition, as botocore's endpoint data gives ECR; regions of the commercial partition need none listed. */
const PARTITION_DOMAINS = [
    [/^cn-/, 'amazonaws.com.cn'],
    [/^us-iso-/, 'c2s.ic.gov'],
    [/^us-isob-/, 'sc2s.sgov.gov'],
    [/^us-isof-/, 'csp.hci.ic.gov'],
    [/^eu-isoe-/, 'cloud.adc-e.uk'],
    [/^eusc-/, 'amazonaws.eu']
];
function registryDomain(region) {
    return PARTITION_DOMAINS.find(([pattern]) => pattern.test(region))?.[1] ?? 'amazonaws.com';
}


/***/ }),

/***/ 8077:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  s7: () => (/* binding */ COMMON_INPUTS),
  Gq: () => (/* binding */ parseCommonSettings),
  P$: () => (/* binding */ parseSettings),
  ly: () => (/* binding */ readHeadline),
  zI: () => (/* binding */ recordingReader)
});

// UNUSED EXPORTS: DEFAULT_TRAFFIC_STEPS, definedOnly, parseTrafficSteps, parseVariantWeights, resolveRegion

// EXTERNAL MODULE: ./src/parse.ts
var src_parse = __webpack_require__(2828);
;// CONCATENATED MODULE: ./src/inputs-before-users.ts
/**
 * The inputs of what happens before users see a new model (a dark first
 * step, answers compared with the serving model's), checked against the
 * rollout they are part of, before any AWS call.
 */

/**
 * A dark first step (0%) is judged by probes alone, so it needs them. Only the
 * action's canary and linear rollouts hold a variant dark: SageMaker's
 * CapacitySize and a component's batches take no 0. promote goes on from a
 * pause it judges first, and never takes traffic back to 0. Comparing the
 * answers with the serving model's needs both reachable apart, which only
 * the action's canary gives.
 */
function checkBeforeUsers(settings, on, raw) {
    if (settings.gates.agreement && (on.component || settings.controller === 'sagemaker')) {
        // The serving model is reached by TargetVariant beside the new one only in the action's canary.
        throw new src_parse/* InputError */.dz('max-disagreement', `cannot be judged ${notActionCanary(on)}: no request reaches the serving model and the new one apart`);
    }
    checkShadowPhase(settings, on);
    if (settings.trafficSteps[0] !== 0)
        return;
    if (on.operation === 'promote') {
        throw new src_parse/* InputError */.dz('traffic-steps', 'cannot start at 0 with promote, which goes on from the pause (judging it first): list the steps after it, such as 10,100', raw);
    }
    if (on.component || settings.controller === 'sagemaker') {
        throw new src_parse/* InputError */.dz('traffic-steps', `cannot start at 0 ${notActionCanary(on)}: only the action's canary holds a model dark`, raw);
    }
    if (!settings.gates.probe) {
        throw new src_parse/* InputError */.dz('traffic-steps', 'starts at 0, a dark step in which the new variant serves no user traffic, so only probes can judge it: set probe-payload, and probe-expect to check the answers', raw);
    }
}
function notActionCanary(on) {
    return on.component ? 'with inference-component-name' : 'with rollout-controller: sagemaker';
}
/**
 * A shadow phase runs before the action's canary: SageMaker copies requests
 * from the one production variant to a shadow, so neither SageMaker's own
 * deployment nor a component's rolling update can hold one, and nor can an
 * all-at-once swap. It is judged by metrics, alarms and captured answers:
 * probes cannot reach a shadow variant (TargetVariant names a production
 * variant: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_runtime_InvokeEndpoint.html),
 * so without one of those nothing could judge it.
 */
function checkShadowPhase(settings, on) {
    if (settings.shadowPercent === undefined)
        return;
    if (on.component || settings.controller === 'sagemaker') {
        throw new src_parse/* InputError */.dz('shadow-percent', `cannot be used ${notActionCanary(on)}: a shadow phase runs before the action's own canary`);
    }
    if (settings.strategy !== 'canary' && settings.strategy !== 'linear') {
        throw new src_parse/* InputError */.dz('shadow-percent', `cannot be used with strategy ${settings.strategy}: a shadow phase runs before a canary or linear rollout`);
    }
    const { gates } = settings;
    const judged = gates.alarmNames.length > 0 ||
        gates.maxErrorRate !== undefined ||
        gates.maxLatencyP99Ms !== undefined ||
        gates.maxErrorRateIncrease !== undefined ||
        gates.maxLatencyP99Increase !== undefined ||
        gates.agreement !== undefined;
    if (!judged) {
        throw new src_parse/* InputError */.dz('shadow-percent', 'needs something to judge the shadow by: max-error-rate, max-latency-p99, max-error-rate-increase, max-latency-p99-increase, alarm-names or max-disagreement (probes cannot reach a shadow variant)');
    }
}

;// CONCATENATED MODULE: ./src/action-defaults.ts
// Generated from action.yml by scripts/docs.mjs (npm run docs); do not edit.
const ACTION_DEFAULTS = {
    'wait-for-completion': "true",
    'timeout': "30m",
    'dry-run': "false",
    'github-token': "${{ github.token }}",
    'dashboard': "false",
    'plan-comment': "false",
    'strategy': "all-at-once",
    'rollout-controller': "action",
    'bake-time': "5m",
    'gate-interval': "60s",
    'failure-threshold': "1",
    'min-invocations': "0",
    'confidence': "95%",
    'max-data-delay': "5m",
    'on-inconclusive': "rollback",
    'auto-rollback': "true",
    'fail-on-rollback': "true",
    'probe-content-type': "application/json",
    'probe-count': "1",
    'fail-on-unhealthy': "true",
    'scale-in-cooldown': "300s",
    'scale-out-cooldown': "60s",
    'metrics-window': "15m",
    'metrics-period': "60s",
    'delete-endpoint': "false",
    'delete-endpoint-config': "true",
    'delete-model': "false",
    'ignore-missing': "false"
};

// EXTERNAL MODULE: ./src/rollout/native-limits.ts
var native_limits = __webpack_require__(7783);
// EXTERNAL MODULE: ./src/settings.ts
var src_settings = __webpack_require__(8750);
// EXTERNAL MODULE: ./src/answer-checks.ts
var answer_checks = __webpack_require__(5859);
// EXTERNAL MODULE: ./src/captured-payloads.ts
var captured_payloads = __webpack_require__(2337);
;// CONCATENATED MODULE: ./src/input-source.ts
/**
 * Reading inputs by name, each accessor parsing what it reads: the typed
 * input source every parser of inputs.ts and inputs-deploy.ts is handed.
 */




/** The default action.yml declares for an input; the runner passes it as the input's value. */
function declaredDefault(name) {
    const fallback = ACTION_DEFAULTS[name];
    if (fallback === undefined)
        throw new Error(`Input "${name}" has no default in action.yml.`);
    return fallback;
}
/** Reads inputs by name; each accessor parses, so a value is never used unchecked. */
class InputSource {
    read;
    constructor(read) {
        this.read = read;
    }
    raw(name) {
        return this.read(name).trim();
    }
    optional(name, parse) {
        const raw = this.raw(name);
        return raw === '' ? undefined : parse(raw);
    }
    required(name, parse, why = '') {
        const raw = this.raw(name);
        if (raw === '')
            throw new src_parse/* InputError */.dz(name, `is required${why}`);
        return parse(raw);
    }
    /** An input whose default action.yml declares: the runner passes it, yet a caller of run() may not. */
    withDefault(name, parse) {
        const raw = this.raw(name);
        return parse(raw === '' ? declaredDefault(name) : raw);
    }
    /** The value as the user would recognise it in an error: what they wrote, or the default they left. */
    shown(name) {
        return this.raw(name) || declaredDefault(name);
    }
    variantName(name = 'variant-name') {
        return this.optional(name, (raw) => (0,src_parse/* parseSageMakerName */.d$)(name, raw));
    }
    boolean(name) {
        return this.withDefault(name, (raw) => (0,src_parse/* parseBoolean */.yG)(name, raw));
    }
    /** CloudWatch alarm names, without repeats; one DescribeAlarms page holds at most 100. */
    alarmNames() {
        const names = [...new Set((0,src_parse/* parseList */.E1)(this.raw('alarm-names')))];
        if (names.length > 100)
            throw new src_parse/* InputError */.dz('alarm-names', 'may name at most 100 alarms');
        for (const name of names) {
            if (name.length > 255 || /[\u0000-\u001f\u007f]/.test(name)) {
                throw new src_parse/* InputError */.dz('alarm-names', 'must be CloudWatch alarm names of at most 255 printable characters', name);
            }
        }
        return names;
    }
    /** Probe settings; undefined when there is no payload and no fallback (a rollout without probes). */
    probe(fallbackPayload) {
        const from = this.optional('probe-payloads-from', (raw) => (0,captured_payloads/* parseCaptureLocation */.Xv)('probe-payloads-from', raw));
        if (from && this.raw('probe-payload')) {
            throw new src_parse/* InputError */.dz('probe-payloads-from', 'replaces probe-payload with captured requests: set one of the two');
        }
        // Captured requests carry their own payloads and content types, read before the operation begins.
        if (from)
            return this.probeOf({ payload: '', contentType: 'application/json', from });
        const payload = this.raw('probe-payload') || fallbackPayload;
        if (payload === undefined)
            return undefined;
        if (Buffer.byteLength(payload) > 6 * 1024 * 1024) {
            throw new src_parse/* InputError */.dz('probe-payload', 'must be at most 6 MB, the largest request InvokeEndpoint accepts');
        }
        const contentType = this.withDefault('probe-content-type', (raw) => raw);
        // Spaces and tabs only around parameters: a line break would end up inside an HTTP header.
        if (!/^[\w.+-]+\/[\w.+-]+([ \t]*;[ \t]*[\w.-]+=[\w.-]+)*$/.test(contentType)) {
            throw new src_parse/* InputError */.dz('probe-content-type', 'must be a MIME type such as application/json', contentType);
        }
        if (contentType.startsWith('application/json')) {
            try {
                JSON.parse(payload);
            }
            catch {
                throw new src_parse/* InputError */.dz('probe-payload', 'must be valid JSON when probe-content-type is application/json', payload);
            }
        }
        return this.probeOf({ payload, contentType });
    }
    /** The probe settings every kind of payload shares. */
    probeOf(sent) {
        return {
            ...sent,
            count: this.withDefault('probe-count', (raw) => (0,src_parse/* parseInteger */.cG)('probe-count', raw, { min: 1, max: 100 })),
            ...definedOnly({
                targetModel: this.optional('probe-target-model', (raw) => (0,src_parse/* parseTargetModel */.Y6)('probe-target-model', raw)),
                expect: this.optional('probe-expect', answer_checks/* parseAnswerChecks */.Z7)
            })
        };
    }
    /**
     * max-disagreement, with compare-path and compare-tolerance saying how two
     * answers are compared; undefined without it. The other two mean nothing
     * alone, and are refused alone.
     */
    agreement(probe) {
        const maxDisagreement = this.optional('max-disagreement', (raw) => (0,src_parse/* parsePercentThreshold */.IP)('max-disagreement', raw));
        const path = this.optional('compare-path', (raw) => (0,answer_checks/* parseJsonPath */.Hf)('compare-path', raw));
        const tolerance = this.optional('compare-tolerance', (raw) => (0,src_parse/* parseNumber */.$J)('compare-tolerance', raw, { min: 0, max: Number.MAX_VALUE }));
        if (maxDisagreement === undefined) {
            const alone = path !== undefined ? 'compare-path' : tolerance !== undefined ? 'compare-tolerance' : undefined;
            if (alone)
                throw new src_parse/* InputError */.dz(alone, 'says how answers are compared, and needs max-disagreement to compare them');
            return undefined;
        }
        if (tolerance !== undefined && path === undefined) {
            throw new src_parse/* InputError */.dz('compare-tolerance', 'needs compare-path: the number within a tolerance is found at a path');
        }
        if (!probe) {
            throw new src_parse/* InputError */.dz('max-disagreement', "compares the probes' answers with the serving model's, and needs probe-payload or probe-payloads-from to send them");
        }
        return { maxDisagreement, ...definedOnly({ path, tolerance }) };
    }
}
/** Drops undefined members so optional properties stay absent (exactOptionalPropertyTypes). */
function definedOnly(value) {
    return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined));
}

// EXTERNAL MODULE: ./src/tags.ts
var src_tags = __webpack_require__(9506);
// EXTERNAL MODULE: ./src/images/framework-image.ts + 1 modules
var framework_image = __webpack_require__(4533);
;// CONCATENATED MODULE: ./src/inputs-component.ts
/**
 * The inputs of a deploy that names an inference component: what each copy
 * reserves, how many copies, and how a new endpoint is made ready for
 * components. Inference components are updated by SageMaker's rolling
 * update (UpdateInferenceComponent's DeploymentConfig), so the rollout
 * inputs that only an endpoint's variants can take are refused here.
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_UpdateInferenceComponent.html
 */




/** CreateInferenceComponent's floors (ComputeResourceRequirements). */
const LEAST_MEMORY_MB = 128;
const LEAST_CPU_CORES = 0.25;
function parseComponent(inputs, name) {
    const min = inputs.optional('min-instance-count', (raw) => (0,src_parse/* parseInteger */.cG)('min-instance-count', raw, { min: 0, max: 1000 }));
    const max = inputs.optional('max-instance-count', (raw) => (0,src_parse/* parseInteger */.cG)('max-instance-count', raw, { min: 1, max: 1000 }));
    if (min !== undefined && max === undefined) {
        throw new src_parse/* InputError */.dz('max-instance-count', 'is required with min-instance-count (managed instance scaling needs both)');
    }
    if (min !== undefined && max !== undefined && max < min) {
        throw new src_parse/* InputError */.dz('max-instance-count', `must be at least min-instance-count (${min})`, String(max));
    }
    return {
        name,
        ...definedOnly({
            copyCount: inputs.optional('copy-count', (raw) => (0,src_parse/* parseInteger */.cG)('copy-count', raw, { min: 1, max: 1000 })),
            compute: parseCompute(inputs),
            managedScaling: max === undefined ? undefined : { min: min ?? 1, max },
            routing: inputs.optional('routing-strategy', (raw) => (0,src_parse/* parseEnum */.nL)('routing-strategy', raw.toUpperCase().replace(/-/g, '_'), src_settings/* ROUTING_STRATEGIES */.jK))
        })
    };
}
/**
 * A component has no variant of its own to shift weights on: the action
 * cannot run a canary on it, and SageMaker updates it only by rolling
 * batches of copies (or all at once without a DeploymentConfig, which leaves
 * nothing to roll back on). So its rollout is always SageMaker's rolling
 * update, judged by the action; strategy and rollout-controller may be left
 * as they are, or say so.
 */
function componentRollout(settings, timeoutMs, shown) {
    if (settings.strategy === 'canary' || settings.strategy === 'linear') {
        throw new src_parse/* InputError */.dz('strategy', `cannot be ${settings.strategy} with inference-component-name: a component is updated by SageMaker's rolling update, a batch of copies at a time (batch-size, bake-time between batches). Leave strategy out or set it to rolling`, shown('strategy'));
    }
    (0,native_limits/* checkAlarmCount */.F3)(settings, 'inference-component-name');
    if (settings.bakeTimeMs > native_limits/* SAGEMAKER_LIMITS */.Yv.maxWaitIntervalSeconds * 1000) {
        throw new src_parse/* InputError */.dz('bake-time', "must be at most 1h with inference-component-name (the rolling update's WaitIntervalInSeconds)", shown('bake-time'));
    }
    const timeoutSeconds = timeoutMs / 1000;
    if (timeoutSeconds < native_limits/* SAGEMAKER_LIMITS */.Yv.minExecutionTimeoutSeconds ||
        timeoutSeconds > native_limits/* SAGEMAKER_LIMITS */.Yv.maxExecutionTimeoutSeconds) {
        throw new src_parse/* InputError */.dz('timeout', "must be from 10m to 8h with inference-component-name (the rolling update's MaximumExecutionTimeoutInSeconds)", shown('timeout'));
    }
    if (settings.onInconclusive === 'pause') {
        throw new src_parse/* InputError */.dz('on-inconclusive', 'cannot be pause with inference-component-name: a rolling update cannot rest half-way, so a component the gates could not judge goes back', shown('on-inconclusive'));
    }
    return { ...settings, strategy: 'rolling', controller: 'sagemaker' };
}
/** The compute each copy reserves; absent when no input sets any of it (carried over from the serving component). */
function parseCompute(inputs) {
    const memoryMb = inputs.optional('memory-per-copy', (raw) => parseMemory('memory-per-copy', raw));
    const acceleratorDevices = inputs.optional('accelerators-per-copy', (raw) => (0,src_parse/* parseInteger */.cG)('accelerators-per-copy', raw, { min: 1, max: 64 }));
    const cpuCores = inputs.optional('cpu-cores-per-copy', (raw) => {
        const cores = (0,src_parse/* parseNumber */.$J)('cpu-cores-per-copy', raw, { min: LEAST_CPU_CORES, max: 1024 });
        // SageMaker takes cores in quarters.
        if (!Number.isInteger(cores * 4)) {
            throw new src_parse/* InputError */.dz('cpu-cores-per-copy', 'must be a multiple of 0.25 cores, such as 0.5 or 2', raw);
        }
        return cores;
    });
    if (memoryMb === undefined && acceleratorDevices === undefined && cpuCores === undefined)
        return undefined;
    if (memoryMb === undefined) {
        throw new src_parse/* InputError */.dz('memory-per-copy', 'is required with accelerators-per-copy or cpu-cores-per-copy: SageMaker reserves memory for every copy (MinMemoryRequiredInMb), such as 8GB');
    }
    return { memoryMb, ...definedOnly({ acceleratorDevices, cpuCores }) };
}
/** Memory with its unit, MB or GB (1 GB = 1024 MB, as SageMaker's MinMemoryRequiredInMb counts): never a bare number. */
function parseMemory(input, raw) {
    const match = /^(\d+(?:\.\d+)?)\s*(MB|GB|MiB|GiB)$/i.exec(raw.trim());
    if (!match)
        throw new src_parse/* InputError */.dz(input, 'must be an amount of memory with its unit, such as 2048MB or 16GB', raw);
    const amount = Number(match[1]);
    const megabytes = /^g/i.test(match[2]) ? amount * 1024 : amount;
    if (!Number.isInteger(megabytes) || megabytes < LEAST_MEMORY_MB || megabytes > 4_194_304) {
        throw new src_parse/* InputError */.dz(input, `must be a whole number of MB from ${LEAST_MEMORY_MB}MB, such as 2048MB or 16GB`, raw);
    }
    return megabytes;
}

;// CONCATENATED MODULE: ./src/inputs-deploy.ts





const ENVIRONMENT_KEY = /^[a-zA-Z_][a-zA-Z0-9_]{0,1023}$/;
const TAG_KEY = /^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$/u;
function parseDeploy(inputs, env, rollout) {
    const component = inputs.optional('inference-component-name', (raw) => (0,src_parse/* parseSageMakerName */.d$)('inference-component-name', raw));
    const roleRaw = inputs.raw('execution-role-arn') || (env.SAGEMAKER_EXECUTION_ROLE_ARN ?? '').trim();
    const startupTimeout = inputs.optional('container-startup-timeout', (raw) => (0,src_parse/* parseDuration */.E9)('container-startup-timeout', raw, { minMs: 60_000 }));
    const downloadTimeout = inputs.optional('model-data-download-timeout', (raw) => (0,src_parse/* parseDuration */.E9)('model-data-download-timeout', raw, { minMs: 60_000 }));
    for (const [name, ms] of [
        ['container-startup-timeout', startupTimeout],
        ['model-data-download-timeout', downloadTimeout]
    ]) {
        // SageMaker takes 60 to 3600 seconds for both.
        if (ms !== undefined && ms > 3_600_000)
            throw new src_parse/* InputError */.dz(name, 'must be from 60s to 1h', inputs.raw(name));
    }
    return {
        source: parseModelSource(inputs),
        ...definedOnly({
            executionRoleArn: roleRaw === '' ? undefined : (0,src_parse/* parseRoleArn */.DM)('execution-role-arn', roleRaw),
            modelName: inputs.optional('model-name', (raw) => (0,src_parse/* parseSageMakerName */.d$)('model-name', raw)),
            variantName: inputs.variantName(),
            instanceType: inputs.optional('instance-type', (raw) => {
                if (!/^ml\.[a-z0-9-]+\.[a-z0-9]+$/.test(raw)) {
                    throw new src_parse/* InputError */.dz('instance-type', 'must be a SageMaker instance type such as ml.m5.large', raw);
                }
                return raw;
            }),
            instanceCount: inputs.optional('instance-count', (raw) => (0,src_parse/* parseInteger */.cG)('instance-count', raw, { min: 1, max: 1000 })),
            vpc: parseVpc(inputs),
            enableNetworkIsolation: inputs.optional('enable-network-isolation', (raw) => (0,src_parse/* parseBoolean */.yG)('enable-network-isolation', raw)),
            containerStartupTimeoutSeconds: startupTimeout === undefined ? undefined : Math.round(startupTimeout / 1000),
            modelDataDownloadTimeoutSeconds: downloadTimeout === undefined ? undefined : Math.round(downloadTimeout / 1000),
            volumeSizeGb: inputs.optional('volume-size', (raw) => parseVolumeSize(raw)),
            dataCapture: parseDataCapture(inputs),
            acceptEula: parseAcceptEula(inputs)
        }),
        ...(component ? { component: parseComponent(inputs, component) } : {}),
        modelEnvironment: parseEnvironment(inputs.raw('model-environment')),
        // The run's traceability tags join these on every create (resources.ts), a workflow tag of the same key winning.
        tags: parseTags(inputs.raw('tags')),
        rollout
    };
}
const MODEL_PACKAGE_ARN = /^arn:aws[a-z-]*:sagemaker:[a-z0-9-]+:\d{12}:model-package\/[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}(\/\d{1,10})?$/;
/**
 * Exactly one of image-uri, model-package-arn and framework says what to
 * deploy; with none of them, model-name names a model that exists already.
 */
function parseModelSource(inputs) {
    const given = ['image-uri', 'model-package-arn', 'framework'].filter((name) => inputs.raw(name) !== '');
    if (given.length === 0) {
        if (inputs.raw('model-name') !== '')
            return existingModelSource(inputs);
        throw new src_parse/* InputError */.dz('image-uri', 'is required: the container image to deploy (or model-package-arn for a Model Registry package, framework with framework-version for an AWS image, or model-name alone for a model that exists)');
    }
    if (given.length > 1) {
        throw new src_parse/* InputError */.dz(given[1], `cannot be given with ${given[0]}: give one of image-uri, model-package-arn, framework`);
    }
    const modelDataUrl = inputs.optional('model-data-url', (raw) => (0,src_parse/* parseS3Uri */.yc)('model-data-url', raw));
    if (given[0] === 'model-package-arn') {
        if (modelDataUrl !== undefined) {
            throw new src_parse/* InputError */.dz('model-data-url', 'cannot be given with model-package-arn: the package names its own model data');
        }
        return {
            kind: 'package',
            modelPackageArn: inputs.required('model-package-arn', (raw) => {
                if (!MODEL_PACKAGE_ARN.test(raw)) {
                    throw new src_parse/* InputError */.dz('model-package-arn', 'must be a model package version ARN such as arn:aws:sagemaker:us-east-1:123456789012:model-package/fraud/3', raw);
                }
                return raw;
            })
        };
    }
    if (given[0] === 'framework') {
        const framework = inputs.required('framework', (raw) => {
            if (!(0,framework_image/* isKnownFramework */.Ev)(raw))
                throw new src_parse/* InputError */.dz('framework', `must be one of ${framework_image/* FRAMEWORK_NAMES */.SS.join(', ')}`, raw);
            return raw;
        });
        const version = inputs.required('framework-version', (raw) => raw, ' with framework: the version of the AWS-provided image, such as 1.2-1 for sklearn');
        return { kind: 'framework', framework, version, ...definedOnly({ modelDataUrl }) };
    }
    return {
        kind: 'image',
        imageUri: inputs.required('image-uri', (raw) => (0,src_parse/* parseImageUri */.f9)('image-uri', raw)),
        ...definedOnly({ modelDataUrl })
    };
}
/** What only CreateModel takes: given with an existing model deployed as it is, it would change nothing. */
const NEW_MODEL_INPUTS = [
    'model-data-url',
    'model-environment',
    'accept-eula',
    'execution-role-arn',
    'vpc-subnets',
    'vpc-security-group-ids',
    'enable-network-isolation',
    'framework-version'
];
/**
 * model-name alone deploys that model as it is: no CreateModel, so an input
 * that only a new model would take is refused rather than silently dropped.
 */
function existingModelSource(inputs) {
    const modelName = inputs.required('model-name', (raw) => (0,src_parse/* parseSageMakerName */.d$)('model-name', raw));
    const ignored = NEW_MODEL_INPUTS.find((name) => inputs.raw(name) !== '');
    if (ignored) {
        throw new src_parse/* InputError */.dz(ignored, `cannot be given with model-name alone, which deploys model "${modelName}" as it is, without creating a model: give image-uri (or model-package-arn, or framework) to create a new one, or leave ${ignored} empty`);
    }
    return { kind: 'existing', modelName };
}
/** A EULA is accepted for the model data SageMaker downloads: without model data there is nothing to accept it for. */
function parseAcceptEula(inputs) {
    const accept = inputs.optional('accept-eula', (raw) => (0,src_parse/* parseBoolean */.yG)('accept-eula', raw));
    if (accept === true && inputs.raw('model-data-url') === '') {
        throw new src_parse/* InputError */.dz('accept-eula', 'needs input "model-data-url": SageMaker takes the acceptance with the model data it downloads');
    }
    return accept;
}
/** Subnets and security groups go together: a model in a VPC needs both. */
function parseVpc(inputs) {
    const subnets = (0,src_parse/* parseList */.E1)(inputs.raw('vpc-subnets'));
    const securityGroupIds = (0,src_parse/* parseList */.E1)(inputs.raw('vpc-security-group-ids'));
    if (subnets.length === 0 && securityGroupIds.length === 0)
        return undefined;
    if (subnets.length === 0) {
        throw new src_parse/* InputError */.dz('vpc-security-group-ids', 'must come with input "vpc-subnets": a model in a VPC needs both');
    }
    if (securityGroupIds.length === 0) {
        throw new src_parse/* InputError */.dz('vpc-subnets', 'must come with input "vpc-security-group-ids": a model in a VPC needs both');
    }
    // VpcConfig takes 1 to 16 subnets and 1 to 5 security groups.
    if (subnets.length > 16)
        throw new src_parse/* InputError */.dz('vpc-subnets', 'may list at most 16 subnets');
    if (securityGroupIds.length > 5)
        throw new src_parse/* InputError */.dz('vpc-security-group-ids', 'may list at most 5 security groups');
    for (const subnet of subnets) {
        if (!/^subnet-[0-9a-f]{8,17}$/.test(subnet)) {
            throw new src_parse/* InputError */.dz('vpc-subnets', 'must be subnet IDs such as subnet-0abc1234def567890', subnet);
        }
    }
    for (const group of securityGroupIds) {
        if (!/^sg-[0-9a-f]{8,17}$/.test(group)) {
            throw new src_parse/* InputError */.dz('vpc-security-group-ids', 'must be security group IDs such as sg-0abc1234def567890', group);
        }
    }
    return { subnets, securityGroupIds };
}
function parseVolumeSize(raw) {
    const match = /^(\d+)\s*(GB|GiB)?$/i.exec(raw);
    const size = match ? Number(match[1]) : NaN;
    // ProductionVariant.VolumeSizeInGB takes 1 to 512.
    if (!(size >= 1 && size <= 512))
        throw new src_parse/* InputError */.dz('volume-size', 'must be a size in GB from 1 to 512, such as 64', raw);
    return size;
}
function parseDataCapture(inputs) {
    const percent = inputs.optional('data-capture-percent', (raw) => {
        const value = (0,src_parse/* parsePercentage */.A3)('data-capture-percent', raw);
        if (!Number.isInteger(value)) {
            throw new src_parse/* InputError */.dz('data-capture-percent', 'must be a whole percentage from 0 to 100, such as 20%', raw);
        }
        return value;
    });
    const destination = inputs.optional('data-capture-s3-uri', (raw) => {
        if (!/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/[^\s]*)?$/.test(raw)) {
            throw new src_parse/* InputError */.dz('data-capture-s3-uri', 'must be an S3 URI such as s3://bucket/capture', raw);
        }
        return raw;
    });
    if (destination === undefined) {
        if (percent !== undefined) {
            throw new src_parse/* InputError */.dz('data-capture-percent', 'must come with input "data-capture-s3-uri", where captured data goes');
        }
        return undefined;
    }
    return { destinationS3Uri: destination, samplingPercent: percent ?? 100 };
}
function parseEnvironment(raw) {
    const environment = [];
    const entries = (0,src_parse/* parseMap */.y1)('model-environment', raw, { secretValues: true });
    if (entries.size > 100)
        throw new src_parse/* InputError */.dz('model-environment', 'may hold at most 100 variables');
    for (const [key, value] of entries) {
        if (!ENVIRONMENT_KEY.test(key)) {
            // Not quoted: a "key" that is no variable name is often part of a value split at a comma.
            throw new src_parse/* InputError */.dz('model-environment', 'keys must be environment variable names (letters, digits, underscores); one is not, and is not shown, since it may be part of a value split at a comma');
        }
        if (value.length > 1024 || /[\u0000-\u001f]/.test(value)) {
            throw new src_parse/* InputError */.dz('model-environment', `value of ${key} must be at most 1024 printable characters`);
        }
        environment.push([key, value]);
    }
    // fromEntries defines own properties: a key such as __proto__ stays a key instead of vanishing into the prototype.
    return Object.fromEntries(environment);
}
function parseTags(raw) {
    const tags = [];
    const entries = (0,src_parse/* parseMap */.y1)('tags', raw);
    // A few of SageMaker's 50 tags are the action's own bookkeeping (see tags.ts).
    if (entries.size > src_tags/* MAX_USER_TAGS */.F5)
        throw new src_parse/* InputError */.dz('tags', `may hold at most ${src_tags/* MAX_USER_TAGS */.F5} tags`);
    for (const [key, value] of entries) {
        if (key.length > 128 || !TAG_KEY.test(key) || key.toLowerCase().startsWith('aws:')) {
            throw new src_parse/* InputError */.dz('tags', 'keys must be at most 128 letters, digits, spaces or _.:/=+-@ and must not start with aws:', key);
        }
        if (value.length > 256 || !TAG_KEY.test(value)) {
            throw new src_parse/* InputError */.dz('tags', `value of ${key} must be at most 256 letters, digits, spaces or _.:/=+-@`);
        }
        tags.push([key, value]);
    }
    return Object.fromEntries(tags);
}

;// CONCATENATED MODULE: ./src/inputs-operations.ts
/**
 * The inputs of the operations that look after a serving endpoint: its
 * capacity, its autoscaling and its monitoring. With inference-component-name
 * they act on the component, which scales by copies and runs on the variant
 * it was created on: the inputs that only a variant takes are refused.
 */



/**
 * A variant's instance count, or a component's copy count. Copies may go to
 * 0 (DesiredRuntimeConfig.CopyCount, min 0:
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_InferenceComponentRuntimeConfig.html).
 */
function parseUpdateCapacity(inputs, component) {
    if (component === undefined) {
        refuseWithoutComponent(inputs, 'copy-count', 'instance-count');
        return {
            ...definedOnly({ variantName: inputs.variantName() }),
            instanceCount: inputs.required('instance-count', (raw) => (0,src_parse/* parseInteger */.cG)('instance-count', raw, { min: 1, max: 1000 }))
        };
    }
    refuseVariantWithComponent(inputs, component, 'variant-name');
    if (inputs.raw('instance-count') !== '') {
        throw new src_parse/* InputError */.dz('instance-count', 'cannot be set with inference-component-name: a component scales by its copies; set copy-count', inputs.raw('instance-count'));
    }
    return {
        componentName: component,
        copyCount: inputs.required('copy-count', (raw) => (0,src_parse/* parseInteger */.cG)('copy-count', raw, { min: 0, max: 1000 }), ' with inference-component-name: the number of copies the component should run')
    };
}
/** A component runs on the variant it was created on: a variant input beside it can only be a mistake. */
function refuseVariantWithComponent(inputs, component, input) {
    if (component === undefined || inputs.raw(input) === '')
        return;
    throw new src_parse/* InputError */.dz(input, `cannot be set with inference-component-name: the operation acts on inference component "${component}", on the variant it runs on`, inputs.raw(input));
}
/** A component is rolled back to the state recorded on it, not to an endpoint config. */
function refuseConfigWithComponent(inputs, component) {
    if (component === undefined || inputs.raw('endpoint-config-name') === '')
        return;
    throw new src_parse/* InputError */.dz('endpoint-config-name', `cannot be set with inference-component-name: a component returns to the specification its last deploy recorded on it, and the endpoint's config stays as it is`, inputs.raw('endpoint-config-name'));
}
function refuseWithoutComponent(inputs, input, instead) {
    if (inputs.raw(input) === '')
        return;
    throw new src_parse/* InputError */.dz(input, `is for an inference component (inference-component-name); a variant takes ${instead}`);
}
function parseAutoscaling(inputs, component) {
    refuseVariantWithComponent(inputs, component, 'variant-name');
    // A component may scale to no copies at all; a variant keeps at least one instance.
    const least = component === undefined ? 1 : 0;
    const minCapacity = inputs.required('min-capacity', (raw) => (0,src_parse/* parseInteger */.cG)('min-capacity', raw, { min: least, max: 1000 }));
    const maxCapacity = inputs.required('max-capacity', (raw) => (0,src_parse/* parseInteger */.cG)('max-capacity', raw, { min: 1, max: 1000 }));
    if (maxCapacity < minCapacity) {
        throw new src_parse/* InputError */.dz('max-capacity', `must be at least min-capacity (${minCapacity})`, String(maxCapacity));
    }
    return {
        ...definedOnly({ variantName: inputs.variantName() }),
        minCapacity,
        maxCapacity,
        scalingMetric: parseScalingMetric(inputs, component),
        targetValue: inputs.required('target-value', (raw) => (0,src_parse/* parseNumber */.$J)('target-value', raw, { min: 0.001, max: 1e9 })),
        scaleInCooldownSeconds: inputs.withDefault('scale-in-cooldown', (raw) => (0,src_parse/* parseDuration */.E9)('scale-in-cooldown', raw)) / 1000,
        scaleOutCooldownSeconds: inputs.withDefault('scale-out-cooldown', (raw) => (0,src_parse/* parseDuration */.E9)('scale-out-cooldown', raw)) / 1000
    };
}
/** The metrics a variant scales on and those a component scales on are not interchangeable. */
function parseScalingMetric(inputs, component) {
    const metrics = src_settings/* SCALING_METRICS */.am.filter((metric) => src_settings/* COMPONENT_SCALING_METRICS */.uA.includes(metric) === !!component);
    const metric = inputs.required('scaling-metric', (raw) => (0,src_parse/* parseEnum */.nL)('scaling-metric', raw, src_settings/* SCALING_METRICS */.am), `: one of ${metrics.join(', ')}`);
    if (metrics.includes(metric))
        return metric;
    throw new src_parse/* InputError */.dz('scaling-metric', component === undefined
        ? `is ${metric}, which only an inference component scales on (inference-component-name); a variant scales on one of ${metrics.join(', ')}`
        : `is ${metric}, which a variant scales on; inference component "${component}" scales its copies on one of ${metrics.join(', ')}`);
}
function parseMonitor(inputs) {
    const windowMs = inputs.withDefault('metrics-window', (raw) => (0,src_parse/* parseDuration */.E9)('metrics-window', raw, { minMs: 60_000 }));
    const periodMs = inputs.withDefault('metrics-period', (raw) => (0,src_parse/* parseDuration */.E9)('metrics-period', raw, { minMs: 60_000 }));
    if (periodMs % 60_000 !== 0) {
        throw new src_parse/* InputError */.dz('metrics-period', 'must be a whole number of minutes (CloudWatch periods are multiples of 60s)', inputs.raw('metrics-period'));
    }
    if (periodMs > windowMs) {
        throw new src_parse/* InputError */.dz('metrics-period', `must not be longer than metrics-window`, inputs.raw('metrics-period'));
    }
    return {
        windowMs,
        periodSeconds: periodMs / 1000,
        alarmNames: inputs.alarmNames(),
        ...definedOnly({
            maxErrorRate: inputs.optional('max-error-rate', (raw) => (0,src_parse/* parsePercentThreshold */.IP)('max-error-rate', raw)),
            maxLatencyP99Ms: inputs.optional('max-latency-p99', (raw) => (0,src_parse/* parseLatencyThreshold */.d4)('max-latency-p99', raw))
        }),
        failOnUnhealthy: inputs.boolean('fail-on-unhealthy')
    };
}

;// CONCATENATED MODULE: ./src/inputs.ts
/**
 * The one place that reads the action's inputs. Every value is validated here,
 * before any AWS call, so a typo in a workflow can never half-change an endpoint.
 */










const DEFAULT_TRAFFIC_STEPS = {
    'all-at-once': [100],
    canary: [10, 100],
    linear: [25, 50, 75, 100],
    rolling: [100]
};
function parseSettings(read, env = process.env) {
    const inputs = new InputSource(read);
    const operationRaw = inputs.raw('operation');
    if (operationRaw === '')
        throw new src_parse/* InputError */.dz('operation', `is required: one of ${src_settings/* OPERATIONS */.xb.join(', ')}`);
    const operation = (0,src_parse/* parseEnum */.nL)('operation', operationRaw, src_settings/* OPERATIONS */.xb);
    const common = { ...parseCommon(inputs, env), record: parseReleaseRecord(inputs) };
    switch (operation) {
        case 'deploy':
            return { ...common, operation, deploy: parseDeploy(inputs, env, parseRollout(inputs, common, operation)) };
        case 'promote':
            refuseComponent(common, "a component's rolling update never pauses, so there is no rollout to promote");
            return { ...common, operation, rollout: parseRollout(inputs, common, operation) };
        case 'update-traffic':
            refuseComponent(common, 'a component has no weight of its own: SageMaker routes its requests to its copies');
            return {
                ...common,
                operation,
                updateTraffic: { variantWeights: inputs.required('variant-weights', (raw) => parseVariantWeights(raw)) }
            };
        case 'update-capacity':
            return { ...common, operation, updateCapacity: parseUpdateCapacity(inputs, common.inferenceComponentName) };
        case 'configure-autoscaling':
            return { ...common, operation, autoscaling: parseAutoscaling(inputs, common.inferenceComponentName) };
        case 'delete-autoscaling':
            refuseVariantWithComponent(inputs, common.inferenceComponentName, 'variant-name');
            return { ...common, operation, deleteAutoscaling: definedOnly({ variantName: inputs.variantName() }) };
        case 'monitor':
            return { ...common, operation, monitor: parseMonitor(inputs) };
        case 'health-check':
            refuseVariantWithComponent(inputs, common.inferenceComponentName, 'target-variant');
            return {
                ...common,
                operation,
                healthCheck: {
                    probe: inputs.probe('{}'),
                    ...definedOnly({
                        targetVariant: inputs.variantName('target-variant'),
                        maxLatencyMs: inputs.optional('probe-max-latency', (raw) => (0,src_parse/* parseLatencyThreshold */.d4)('probe-max-latency', raw))
                    }),
                    failOnUnhealthy: inputs.boolean('fail-on-unhealthy')
                }
            };
        case 'delete':
            return {
                ...common,
                operation,
                delete: {
                    deleteEndpoint: inputs.boolean('delete-endpoint'),
                    deleteEndpointConfig: inputs.boolean('delete-endpoint-config'),
                    deleteModel: inputs.boolean('delete-model'),
                    ignoreMissing: inputs.boolean('ignore-missing')
                }
            };
        case 'rollback':
            refuseConfigWithComponent(inputs, common.inferenceComponentName);
            return {
                ...common,
                operation,
                rollback: definedOnly({
                    endpointConfigName: inputs.optional('endpoint-config-name', (raw) => (0,src_parse/* parseSageMakerName */.d$)('endpoint-config-name', raw))
                })
            };
    }
}
/** For the operations that have nothing to do with a component. */
function refuseComponent(common, why) {
    if (common.inferenceComponentName === undefined)
        return;
    throw new src_parse/* InputError */.dz('inference-component-name', `does not apply here: ${why}`, common.inferenceComponentName);
}
/** The inputs every operation shares; the post step rebuilds them from saved state with this too. */
function parseCommonSettings(read, env = process.env) {
    return parseCommon(new InputSource(read), env);
}
/** The inputs parseCommonSettings reads, to save for the post step. */
const COMMON_INPUTS = ['endpoint-name', 'region', 'wait-for-completion', 'timeout', 'dry-run'];
function parseCommon(inputs, env) {
    return {
        endpointName: inputs.required('endpoint-name', (raw) => (0,src_parse/* parseSageMakerName */.d$)('endpoint-name', raw)),
        ...definedOnly({
            inferenceComponentName: inputs.optional('inference-component-name', (raw) => (0,src_parse/* parseSageMakerName */.d$)('inference-component-name', raw))
        }),
        region: resolveRegion(inputs.raw('region'), env),
        waitForCompletion: inputs.boolean('wait-for-completion'),
        timeoutMs: inputs.withDefault('timeout', (raw) => (0,src_parse/* parseDuration */.E9)('timeout', raw, { minMs: 1000 })),
        dryRun: inputs.boolean('dry-run')
    };
}
function parseReleaseRecord(inputs) {
    return {
        githubToken: inputs.raw('github-token'),
        dashboard: inputs.boolean('dashboard'),
        planComment: inputs.boolean('plan-comment'),
        ...definedOnly({
            environment: inputs.optional('environment', (raw) => {
                // GitHub's environment names: at most 255 characters, no control characters.
                if (raw.length > 255 || /[\u0000-\u001f\u007f]/.test(raw)) {
                    throw new src_parse/* InputError */.dz('environment', 'must be a GitHub environment name of at most 255 printable characters', raw);
                }
                return raw;
            }),
            instanceHourPrice: inputs.optional('instance-hour-price', (raw) => (0,src_parse/* parseNumber */.$J)('instance-hour-price', raw.replace(/^\$/, ''), { min: 0, max: 1000 }))
        })
    };
}
function readHeadline(read, env) {
    const raw = (name) => read(name).trim();
    return {
        operation: raw('operation') || 'unknown',
        endpointName: raw('endpoint-name') || '(not set)',
        region: raw('region') || env.AWS_REGION?.trim() || env.AWS_DEFAULT_REGION?.trim() || 'unknown',
        dryRun: raw('dry-run') === 'true'
    };
}
/** Inputs that may carry secrets are summarised by size, never shown. */
const UNSHOWN_INPUTS = new Set(['probe-payload', 'model-environment']);
/**
 * A reader that records every input the workflow chose, for the summary. The
 * runner passes every default too: those are left out, so the list shows
 * what the workflow asked for.
 */
function recordingReader(read, request) {
    return (name) => {
        const value = read(name);
        const trimmed = value.trim();
        // The runner passes the job's token whatever the workflow says: it tells a reader nothing.
        const worthShowing = name !== 'github-token';
        if (worthShowing &&
            trimmed !== '' &&
            trimmed !== ACTION_DEFAULTS[name] &&
            !request.some(([recorded]) => recorded === name)) {
            request.push([
                name,
                UNSHOWN_INPUTS.has(name) ? `(${Buffer.byteLength(value)} bytes, not shown)` : shortened(trimmed)
            ]);
        }
        return value;
    };
}
/** A summary holds at most 1 MiB: an input pasted whole could crowd out the rest. */
function shortened(value) {
    return value.length > 300 ? `${value.slice(0, 297)}...` : value;
}
function parseRollout(inputs, common, operation) {
    const strategy = inputs.withDefault('strategy', (raw) => (0,src_parse/* parseEnum */.nL)('strategy', raw, src_settings/* STRATEGIES */.YL));
    const controller = inputs.withDefault('rollout-controller', (raw) => (0,src_parse/* parseEnum */.nL)('rollout-controller', raw, src_settings/* CONTROLLERS */.A0));
    const trafficSteps = inputs.optional('traffic-steps', (raw) => parseTrafficSteps(raw)) ?? DEFAULT_TRAFFIC_STEPS[strategy];
    // strategy is a deploy input: promote continues whatever rollout is paused, with the steps it is given.
    const wholeFleet = strategy === 'all-at-once' || strategy === 'rolling';
    if (operation === 'deploy' && wholeFleet && (trafficSteps.length !== 1 || trafficSteps[0] !== 100)) {
        throw new src_parse/* InputError */.dz('traffic-steps', `must be 100 (or empty) with strategy ${strategy}`, inputs.raw('traffic-steps'));
    }
    const component = operation === 'deploy' && common.inferenceComponentName !== undefined;
    if (operation === 'deploy' && strategy === 'rolling' && controller !== 'sagemaker' && !component) {
        throw new src_parse/* InputError */.dz('strategy', "rolling is SageMaker's rolling update: it needs rollout-controller: sagemaker", inputs.raw('strategy'));
    }
    const gates = parseGates(inputs);
    const settings = {
        strategy,
        controller,
        trafficSteps,
        bakeTimeMs: inputs.withDefault('bake-time', (raw) => (0,src_parse/* parseDuration */.E9)('bake-time', raw, { minMs: 1000 })),
        gateIntervalMs: inputs.withDefault('gate-interval', (raw) => (0,src_parse/* parseDuration */.E9)('gate-interval', raw, { minMs: 1000 })),
        failureThreshold: inputs.withDefault('failure-threshold', (raw) => (0,src_parse/* parseInteger */.cG)('failure-threshold', raw, { min: 1, max: 100 })),
        gates,
        maxDataDelayMs: inputs.withDefault('max-data-delay', (raw) => (0,src_parse/* parseDuration */.E9)('max-data-delay', raw, { minMs: 0 })),
        onInconclusive: inputs.withDefault('on-inconclusive', (raw) => (0,src_parse/* parseEnum */.nL)('on-inconclusive', raw, src_settings/* INCONCLUSIVE_ACTIONS */.PT)),
        ...definedOnly({
            batchSize: strategy === 'rolling' || component
                ? inputs.optional('batch-size', (raw) => (0,native_limits/* parseBatchSize */.DV)('batch-size', raw))
                : undefined,
            rollbackBatchSize: strategy === 'rolling' || component
                ? inputs.optional('rollback-batch-size', (raw) => (0,native_limits/* parseBatchSize */.DV)('rollback-batch-size', raw))
                : undefined
        }),
        autoRollback: inputs.boolean('auto-rollback'),
        failOnRollback: inputs.boolean('fail-on-rollback')
    };
    if (operation === 'deploy') {
        const shadowPercent = inputs.optional('shadow-percent', (raw) => (0,src_parse/* parseInteger */.cG)('shadow-percent', raw, { min: 1, max: 100 }));
        if (shadowPercent !== undefined)
            settings.shadowPercent = shadowPercent;
    }
    checkBeforeUsers(settings, { operation, component }, inputs.raw('traffic-steps'));
    // An inference component's rollout is SageMaker's rolling update of its copies, with limits of its own.
    if (component)
        return componentRollout(settings, common.timeoutMs, (name) => inputs.shown(name));
    if (controller === 'sagemaker')
        (0,native_limits/* checkSageMakerControllerLimits */.j3)(settings, common, (name) => inputs.shown(name));
    return settings;
}
/** The gates a rollout's steps are judged by. */
function parseGates(inputs) {
    const probe = inputs.probe();
    return {
        alarmNames: inputs.alarmNames(),
        ...definedOnly({
            agreement: inputs.agreement(probe),
            maxErrorRate: inputs.optional('max-error-rate', (raw) => (0,src_parse/* parsePercentThreshold */.IP)('max-error-rate', raw)),
            maxLatencyP99Ms: inputs.optional('max-latency-p99', (raw) => (0,src_parse/* parseLatencyThreshold */.d4)('max-latency-p99', raw)),
            probe,
            maxErrorRateIncrease: inputs.optional('max-error-rate-increase', (raw) => (0,src_parse/* parsePercentThreshold */.IP)('max-error-rate-increase', raw)),
            maxLatencyP99Increase: inputs.optional('max-latency-p99-increase', (raw) => (0,src_parse/* parsePercentThreshold */.IP)('max-latency-p99-increase', raw, { max: 1000 }))
        }),
        minInvocations: inputs.withDefault('min-invocations', (raw) => (0,src_parse/* parseInteger */.cG)('min-invocations', raw, { min: 0, max: 1_000_000_000 })),
        confidence: inputs.withDefault('confidence', (raw) => {
            const confidence = (0,src_parse/* parsePercentThreshold */.IP)('confidence', raw);
            if (confidence < 0.5 || confidence > 0.999) {
                throw new src_parse/* InputError */.dz('confidence', 'must be from 50% to 99.9%, such as 95%', raw);
            }
            return confidence;
        })
    };
}
function parseTrafficSteps(raw) {
    const steps = (0,src_parse/* parseList */.E1)(raw).map((item) => (0,src_parse/* parsePercentage */.A3)('traffic-steps', item));
    if (steps.length === 0 || steps.length > 20) {
        throw new src_parse/* InputError */.dz('traffic-steps', 'must list 1 to 20 percentages such as 10,50,100', raw);
    }
    steps.forEach((step, index) => {
        // Rising, so only the first may be 0: a dark step, before any user traffic.
        if (index > 0 && step <= steps[index - 1]) {
            throw new src_parse/* InputError */.dz('traffic-steps', 'must be percentages in rising order such as 10,50,100 (only the first may be 0, a dark step)', raw);
        }
    });
    return steps;
}
function parseVariantWeights(raw) {
    const weights = {};
    for (const [variant, weight] of (0,src_parse/* parseMap */.y1)('variant-weights', raw)) {
        (0,src_parse/* parseSageMakerName */.d$)('variant-weights', variant);
        weights[variant] = (0,src_parse/* parsePercentage */.A3)('variant-weights', weight);
    }
    const total = Object.values(weights).reduce((sum, weight) => sum + weight, 0);
    if (Object.keys(weights).length === 0 || Math.abs(total - 100) > 1e-6) {
        throw new src_parse/* InputError */.dz('variant-weights', `must give percentages that sum to 100 (these sum to ${total})`, raw);
    }
    return weights;
}
function resolveRegion(input, env) {
    const region = input || env.AWS_REGION?.trim() || env.AWS_DEFAULT_REGION?.trim() || '';
    if (region === '') {
        throw new src_parse/* InputError */.dz('region', 'is required: set the region input, AWS_REGION or AWS_DEFAULT_REGION');
    }
    if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) {
        throw new src_parse/* InputError */.dz('region', 'must be an AWS region such as us-east-1', region);
    }
    return region;
}


/***/ }),

/***/ 9113:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A2: () => (/* binding */ UNPUBLISHED_WHEN_ASYNCHRONOUS),
/* harmony export */   Bp: () => (/* binding */ errorsOf),
/* harmony export */   Hj: () => (/* binding */ periodWords),
/* harmony export */   Sb: () => (/* binding */ errorMetricName),
/* harmony export */   er: () => (/* binding */ metricsSourceOf),
/* harmony export */   lm: () => (/* binding */ REAL_TIME_MINUTES),
/* harmony export */   nd: () => (/* binding */ MODEL_ERRORS_METRIC),
/* harmony export */   sV: () => (/* binding */ errorRateWords),
/* harmony export */   u7: () => (/* binding */ requestMetricNames)
/* harmony export */ });
/* unused harmony export PUBLISH_FREQUENCIES */
/** A real-time endpoint without enhanced metrics: one-minute datapoints of Invocations and the rest. */
const REAL_TIME_MINUTES = { asynchronous: false, periodSeconds: 60 };
/** The frequencies MetricsConfig takes (API_MetricsConfig). */
const PUBLISH_FREQUENCIES = [10, 30, 60, 120, 180, 240, 300];
/** The metrics an endpoint config's endpoint publishes, and their period. */
function metricsSourceOf(config) {
    const asynchronous = Boolean(config?.AsyncInferenceConfig);
    const metrics = config?.MetricsConfig;
    const frequency = metrics?.EnableEnhancedMetrics ? (metrics.MetricPublishFrequencyInSeconds ?? 60) : 60;
    if (!PUBLISH_FREQUENCIES.includes(frequency)) {
        throw new Error(`Endpoint config "${config?.EndpointConfigName}" has MetricPublishFrequencyInSeconds ${frequency}, which SageMaker does not take (${PUBLISH_FREQUENCIES.join(', ')}).`);
    }
    return { asynchronous, periodSeconds: asynchronous ? Math.max(frequency, 60) : frequency };
}
/** The invocation metrics an asynchronous endpoint does not publish, which an alarm on it would wait for in vain. */
const UNPUBLISHED_WHEN_ASYNCHRONOUS = ['Invocations', 'InvocationsPerInstance', 'OverheadLatency'];
/** The metric names that count a variant's requests: each period takes the larger (see above). */
function requestMetricNames(source) {
    return source.asynchronous ? ['InvocationsProcesssed', 'InvocationsProcessed'] : ['Invocations'];
}
/** A real-time endpoint's count of every request that did not end in a 2XX (see above). */
const MODEL_ERRORS_METRIC = 'InvocationModelErrors';
/** The metric that counts the requests the error rate counts as errors. */
function errorMetricName(source) {
    return source.asynchronous ? 'InvocationFailures' : 'Invocation5XXErrors';
}
/**
 * How the judged errors and requests read in a sentence: "3 5XX of 12", "3 5XX or unanswered of 12 (2
 * unanswered)", "3 failed of 12 processed".
 */
function errorsOf(source, errors, requests, unanswered = 0) {
    if (source.asynchronous)
        return `${errors} failed of ${requests} processed`;
    return unanswered > 0
        ? `${errors} 5XX or unanswered of ${requests} (${unanswered} unanswered)`
        : `${errors} 5XX of ${requests}`;
}
/** What the error rate is a rate of, in words. */
function errorRateWords(source) {
    return source.asynchronous
        ? 'failure rate (InvocationFailures / InvocationsProcessed)'
        : 'rate of 5XX and unanswered requests';
}
/** A period's length in words: "minute", "10 s period". */
function periodWords(source) {
    return source.periodSeconds === 60 ? 'minute' : `${source.periodSeconds} s period`;
}


/***/ }),

/***/ 5010:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fg: () => (/* binding */ tagsOf),
/* harmony export */   I$: () => (/* binding */ inUseByOtherEndpoints),
/* harmony export */   IM: () => (/* binding */ standingRollout),
/* harmony export */   Wh: () => (/* binding */ modelsOf),
/* harmony export */   ZV: () => (/* binding */ readTaggedConfig),
/* harmony export */   _F: () => (/* binding */ configTags)
/* harmony export */ });
/* unused harmony export lineageOf */
/* harmony import */ var _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7944);
/* harmony import */ var _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2359);
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
    const tags = await (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .collectPages */ .VV)('ListTags', resource, (page) => ctx.clients.sagemaker.send(new _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_3__/* .ListTagsCommand */ .b({ ResourceArn: arn, MaxResults: 100, ...page })), (page) => page.Tags);
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
/**
 * The lineage of the endpoint's current config when it is a canary or shadow config: a rollout another run left
 * paused or unfinished. Undefined on a release, or on a config the action did not create.
 */
async function standingRollout(ctx, current) {
    const lineage = lineageOf(await configTags(ctx, current));
    return (0,_tags_js__WEBPACK_IMPORTED_MODULE_2__/* .isRolloutConfigRole */ .QR)(lineage.role) ? lineage : undefined;
}
/** Every model a config runs, shadow variants included, each once. */
function modelsOf(config) {
    const variants = [...(config.ProductionVariants ?? []), ...(config.ShadowProductionVariants ?? [])];
    return [...new Set(variants.map((variant) => variant.ModelName).filter((name) => !!name))];
}
async function listEndpoints(ctx) {
    return (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .collectPages */ .VV)('ListEndpoints', `endpoints in ${ctx.settings.region}`, (page) => ctx.clients.sagemaker.send(new _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_4__/* .ListEndpointsCommand */ .c({ MaxResults: 100, ...page })), (page) => page.Endpoints);
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

/***/ 803:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ik: () => (/* binding */ inheritHolds),
/* harmony export */   PR: () => (/* binding */ takeInheritedHold),
/* harmony export */   Rm: () => (/* binding */ noteScaleInHeld),
/* harmony export */   Z$: () => (/* binding */ HOLDS_PROPERTY),
/* harmony export */   e8: () => (/* binding */ holdsOf),
/* harmony export */   oO: () => (/* binding */ clearInheritedHolds),
/* harmony export */   vt: () => (/* binding */ takeAllInheritedHolds)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(973);
/* harmony import */ var _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9609);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9378);
/* harmony import */ var _rollout_state_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9988);



/** The lock's property that holds them: a JSON object of variant to the SuspendedState to put back. */
const HOLDS_PROPERTY = 'scaleInHeld';
/** The holds a lock's properties note; none when unreadable. */
function holdsOf(properties) {
    try {
        const parsed = JSON.parse(properties[HOLDS_PROPERTY] ?? '{}');
        return parsed && typeof parsed === 'object' ? parsed : {};
    }
    catch {
        return {};
    }
}
/** Notes on this run's lock that it holds the variant's scale-in, and what to put back. Never throws. */
async function noteScaleInHeld(ctx, variant, before) {
    const held = _rollout_state_js__WEBPACK_IMPORTED_MODULE_1__/* .takenLock */ .NX.current;
    if (ctx.dryRun || !held)
        return;
    try {
        const context = await (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)('DescribeContext', `the lock "${held.name}"`, () => ctx.clients.sagemaker.send(new _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_2__/* .DescribeContextCommand */ .G({ ContextName: held.name })));
        const properties = context?.Properties ?? {};
        if (properties.token !== held.token)
            return;
        const holds = JSON.stringify({ ...holdsOf(properties), [variant]: before });
        // "Properties: The new list of properties. Overwrites the current property list." So all of them go back.
        const input = { ContextName: held.name, Properties: { ...properties, [HOLDS_PROPERTY]: holds } };
        await (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsCall */ .uF)('UpdateContext', `the lock "${held.name}"`, () => ctx.clients.sagemaker.send(new _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_3__/* .UpdateContextCommand */ .o(input)));
    }
    catch (error) {
        ctx.warn(`Could not note on the endpoint's lock that this run holds the scale-in of variant "${variant}" (${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)}); the role needs sagemaker:UpdateContext. If the run dies before it gives it back, a later run cannot tell it is this action's.`);
    }
}
/** Holds a dead run left on the lock this run took over, not yet taken on by this run's rollout. */
let inherited = {};
/** None: each run starts with no holds of another run's to give back. */
function clearInheritedHolds() {
    inherited = {};
}
function inheritHolds(ctx, holds, from) {
    inherited = { ...holds };
    const variants = Object.keys(holds);
    if (variants.length === 0)
        return;
    ctx.warn(`${from} held the scale-in of ${variants.map((variant) => `variant "${variant}"`).join(', ')} and ended without giving it back; this run gives it back when it ends, unless a rollout still stands then.`);
}
/** The hold a dead run left on the variant, taken on by this run's rollout; undefined when there is none. */
function takeInheritedHold(variant) {
    const hold = inherited[variant];
    delete inherited[variant];
    return hold;
}
/** The holds not taken on, emptied: the run gives them back as it ends. */
function takeAllInheritedHolds() {
    const holds = inherited;
    inherited = {};
    return holds;
}


/***/ }),

/***/ 2776:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  C0: () => (/* binding */ releaseEndpointLock),
  v: () => (/* binding */ withEndpointLock)
});

// UNUSED EXPORTS: EndpointLockedError, LOCKED_OPERATIONS, acquireEndpointLock, lockName

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commands/CreateContextCommand.js
var CreateContextCommand = __webpack_require__(7900);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commands/DescribeContextCommand.js
var DescribeContextCommand = __webpack_require__(973);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commands/DeleteContextCommand.js
var DeleteContextCommand = __webpack_require__(6683);
// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/cancelled.ts
var cancelled = __webpack_require__(204);
// EXTERNAL MODULE: ./src/github/run.ts
var run = __webpack_require__(1738);
;// CONCATENATED MODULE: ./src/lock-lifetime.ts
/**
 * A job runs for at most its timeout-minutes, which is 360 unless the
 * workflow sets it, and GitHub-hosted runners stop every job at 6 hours. A
 * lock held longer than that belongs to a run that is gone. (The action
 * cannot read its job's timeout-minutes: the runner does not expose it.)
 * https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#jobsjob_idtimeout-minutes
 * https://docs.github.com/en/actions/reference/actions-limits
 */
const JOB_TIMEOUT_MS = 6 * 60 * 60_000;
/**
 * Endpoint transitions a run may wait for besides its steps' shifts: for the
 * endpoint to become updatable, the canary config, the promotion and a
 * rollback's weights and config. Each wait lasts at most `timeout`.
 */
const TRANSITIONS_OUTSIDE_STEPS = 5;
/** The post step of a cancelled run waits out the update under way, then restores the config. */
const POST_STEP_TRANSITIONS = 2;
/**
 * How long a lock may stand: as long as a job can run, or as long as this
 * operation could take if that is longer (a workflow may give a long rollout
 * a longer timeout-minutes on its own runners), and the post step after it.
 */
function lockLifetimeMs(settings) {
    const timeout = settings.timeoutMs;
    const rollout = settings.operation === 'deploy'
        ? settings.deploy.rollout
        : settings.operation === 'promote'
            ? settings.rollout
            : undefined;
    // A shadow phase is one more bake, and one more fleet change (the shadow config, then the canary's).
    const shadow = rollout?.shadowPercent !== undefined ? 1 : 0;
    const steps = (rollout?.trafficSteps.length ?? 0) + shadow;
    const perStep = rollout ? rollout.bakeTimeMs + rollout.maxDataDelayMs + timeout : 0;
    const planned = steps * perStep + (TRANSITIONS_OUTSIDE_STEPS + shadow) * timeout;
    return Math.max(JOB_TIMEOUT_MS, planned) + POST_STEP_TRANSITIONS * timeout;
}

// EXTERNAL MODULE: ./src/rollout/state.ts
var state = __webpack_require__(9988);
// EXTERNAL MODULE: ./src/lock-holds.ts
var lock_holds = __webpack_require__(803);
// EXTERNAL MODULE: ./src/scale-in.ts
var scale_in = __webpack_require__(5173);
;// CONCATENATED MODULE: ./src/lock.ts
/**
 * One run at a time may change an endpoint, across workflows and repositories:
 * GitHub's `concurrency` only orders runs of one repository, and says nothing
 * of a second repository, the action run by hand, or a workflow without the
 * endpoint's group.
 *
 * The lock is a SageMaker lineage context named after the endpoint. Context
 * names are unique in an account and region, and CreateContext refuses a name
 * that exists, so of two runs that start at once exactly one creates it; the
 * other finds it, reads whose it is, and stops before changing anything. A
 * context costs nothing and nothing serves from it.
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateContext.html (and _DescribeContext, _DeleteContext)
 *
 * Its properties name the holder (the run's URL, repository, run ID) and an
 * expiry, so a lock whose run died without a post step can be taken over (at
 * once, once GitHub says that run has ended). The lock calls are
 * not in the run's list of changes: they change nothing that serves, and a
 * dry run, which changes nothing, takes no lock.
 */









/**
 * The operations that change an endpoint or its variants' autoscaling; the
 * others only read. Autoscaling is locked too: a rollout suspends the serving
 * variants' scale-in and moves their scaling to the new variant at promotion,
 * and a registration or deletion in between would be undone or refused.
 */
const LOCKED_OPERATIONS = new Set([
    'deploy',
    'promote',
    'rollback',
    'update-traffic',
    'update-capacity',
    'configure-autoscaling',
    'delete-autoscaling',
    'delete'
]);
const LOCK_PREFIX = 'sagemaker-deploy-lock-';
const LOCK_CONTEXT_TYPE = 'sagemaker-deploy-lock';
/** A takeover takes seconds; a claim this old was left by a run that died taking over. */
const STALE_CLAIM_MS = 10 * 60_000;
/** Create, find it taken by a lock that goes away at once, create again: give up after that. */
const ACQUIRE_ATTEMPTS = 3;
/** The record's fields a lock may lack: an older lock, or one taken outside a workflow run. */
const OPTIONAL_FIELDS = ['repository', 'runId', 'runAttempt', 'job', lock_holds/* HOLDS_PROPERTY */.Z$];
class EndpointLockedError extends Error {
    constructor(message) {
        super(message);
        this.name = 'EndpointLockedError';
    }
}
function lockName(endpointName) {
    return `${LOCK_PREFIX}${endpointName}`;
}
/**
 * Runs `work` holding the endpoint's lock when the operation changes the
 * endpoint. The lock is released when `work` ends, unless it left work for
 * the post step (a rollout to undo, SageMaker's deployment to wait for, what
 * a cancelled deploy created) or the run was cancelled: then the post step
 * releases it when done.
 */
async function withEndpointLock(ctx, settings, work, env = process.env) {
    if (ctx.dryRun || !LOCKED_OPERATIONS.has(settings.operation))
        return work();
    const github = { token: settings.record.githubToken, run: (0,run/* workflowRun */.t)(env) };
    const held = await acquireEndpointLock(ctx, settings.operation, lockLifetimeMs(settings), github);
    let succeeded = false;
    try {
        const result = await work();
        succeeded = true;
        return result;
    }
    finally {
        // A dead run's holds this run took over: given back once its own operation is over, unless it was cancelled.
        if (!(0,cancelled/* wasCancelled */.r1)())
            await (0,scale_in/* giveBackInheritedHolds */.lV)(ctx, succeeded);
        if ((0,state/* leftForPostStep */.ng)() || (0,cancelled/* wasCancelled */.r1)()) {
            core/* info */.pq(`The post step releases the lock on endpoint "${ctx.endpointName}" once it has finished.`);
        }
        else {
            await releaseEndpointLock(ctx, held);
        }
    }
}
async function acquireEndpointLock(ctx, operation, lifetimeMs, github) {
    const held = {
        endpointName: ctx.endpointName,
        region: ctx.settings.region,
        name: lockName(ctx.endpointName),
        token: ctx.run.token
    };
    const now = ctx.clock.now();
    const record = recordFor(ctx, operation, now, now + lifetimeMs);
    (0,lock_holds/* clearInheritedHolds */.oO)();
    // Saved before the create: a run cancelled while it waits for the answer leaves the post step to check.
    state/* takenLock */.NX.save(held);
    try {
        for (let attempt = 1;; attempt++) {
            const taken = await claim(ctx, held.name, record, 'the lock');
            if (taken === 'held')
                break;
            const { holder, refusal } = taken;
            if (!holder) {
                if (attempt < ACQUIRE_ATTEMPTS)
                    continue;
                throw refusal;
            }
            const stale = staleness(ctx, holder) ?? (await holderRunEnded(ctx, holder, github));
            if (!stale || attempt >= ACQUIRE_ATTEMPTS)
                throw lockedError(ctx, holder);
            await takeOver(ctx, held.name, holder, stale);
        }
    }
    catch (error) {
        state/* takenLock */.NX.clear();
        throw error;
    }
    core/* info */.pq(`Locked endpoint "${ctx.endpointName}" for this run until ${record.expiresAt} (SageMaker context "${held.name}").`);
    return held;
}
/**
 * Releases the lock if this run still holds it; a lock another run holds
 * (taken over after this one's expiry) is left alone. Never throws: the
 * lock expires by itself, and the run's own outcome matters more.
 */
async function releaseEndpointLock(ctx, held) {
    try {
        const holder = await findLock(ctx, held.name);
        if (holder && holder.token !== held.token) {
            ctx.warn(`The lock on endpoint "${held.endpointName}" is now held by ${holder.owner}, so it was left alone.`);
        }
        else if (holder) {
            await deleteContext(ctx, held.name, 'the lock');
            core/* info */.pq(`Released the lock on endpoint "${held.endpointName}".`);
        }
        state/* takenLock */.NX.clear();
    }
    catch (error) {
        ctx.warn(`Could not release the lock on endpoint "${held.endpointName}" (${(0,errors/* errorMessage */.gJ)(error)}); it expires by itself, or delete SageMaker context "${held.name}".`);
    }
}
function recordFor(ctx, operation, now, expiresAt) {
    const { run } = ctx;
    return {
        owner: run.owner,
        token: run.token,
        operation,
        endpoint: ctx.endpointName,
        acquiredAt: new Date(now).toISOString(),
        expiresAt: new Date(expiresAt).toISOString(),
        ...(run.repository ? { repository: run.repository } : {}),
        ...(run.runId ? { runId: run.runId } : {}),
        ...(run.runAttempt ? { runAttempt: run.runAttempt } : {}),
        ...(run.job ? { job: run.job } : {})
    };
}
/**
 * Why a lock another process holds may be taken over, if it may: it has
 * expired, or an earlier attempt of this same run holds it (GitHub starts a
 * re-run only once every job of the run has ended).
 */
function staleness(ctx, holder) {
    const { run } = ctx;
    const expiresAt = Date.parse(holder.expiresAt);
    if (!Number.isFinite(expiresAt) || expiresAt <= ctx.clock.now())
        return `it expired at ${holder.expiresAt}`;
    if (run.runId !== undefined &&
        holder.repository === run.repository &&
        holder.runId === run.runId &&
        Number(holder.runAttempt) < Number(run.runAttempt)) {
        return `attempt ${holder.runAttempt} of this run holds it, and has ended`;
    }
    return undefined;
}
/**
 * Why a lock held by another run of this repository may be taken over: that run has ended, post steps included.
 * GitHub stops a cancelled job's post step at its cancellation timeout, often before the return it waits for has
 * landed, and a lost runner runs none: either left the lock for hours, refusing the rollback the endpoint needed.
 * Undefined when that cannot be told (another repository, no token, no `actions: read`): the lock stands.
 */
async function holderRunEnded(ctx, holder, github) {
    const { repository, runId } = holder;
    if (!github?.token || !repository || !runId || repository !== ctx.run.repository || runId === ctx.run.runId) {
        return undefined;
    }
    try {
        const { workflowRunStatus } = await Promise.all(/* import() */[__webpack_require__.e(413), __webpack_require__.e(93)]).then(__webpack_require__.bind(__webpack_require__, 7093));
        const status = await workflowRunStatus(github.token, github.run, { repository, runId });
        return status.ended ? `the run that holds it has ended (${status.conclusion})` : undefined;
    }
    catch (error) {
        core/* info */.pq(`Could not ask GitHub whether the run holding the lock has ended: ${(0,errors/* errorMessage */.gJ)(error)}`);
        return undefined;
    }
}
/**
 * Deleting a stale lock must not delete the fresh lock another run has just
 * created in its place. So takeovers go one at a time, behind a second
 * context (a claim) that only one run can create, and the stale lock is
 * deleted only if it is still the one found stale. The new lock is then
 * created by the caller, where a newcomer may still win the name fairly.
 */
async function takeOver(ctx, name, stale, why) {
    const claimName = `${name}-takeover`;
    const now = ctx.clock.now();
    const record = recordFor(ctx, 'take over the lock', now, now + STALE_CLAIM_MS);
    const taken = await claim(ctx, claimName, record, 'the takeover claim');
    if (taken !== 'held') {
        const other = taken.holder;
        if (other && Date.parse(other.acquiredAt) + STALE_CLAIM_MS > now) {
            throw lockedError(ctx, stale, `${other.owner} is taking it over`);
        }
        if (other)
            await deleteContext(ctx, claimName, 'a stale takeover claim');
        if ((await claim(ctx, claimName, record, 'the takeover claim')) !== 'held') {
            throw lockedError(ctx, stale, 'another run is taking it over');
        }
    }
    try {
        const current = await findLock(ctx, name);
        if (current?.token === stale.token) {
            ctx.warn(`Taking over the lock on endpoint "${ctx.endpointName}" from ${stale.owner}: ${why}.`);
            await deleteContext(ctx, name, 'the stale lock');
            (0,lock_holds/* inheritHolds */.Ik)(ctx, (0,lock_holds/* holdsOf */.e8)(current), `The run that held it, ${stale.owner},`);
        }
    }
    finally {
        await deleteContext(ctx, claimName, 'the takeover claim').catch((error) => ctx.warn(`Could not delete the takeover claim "${claimName}": ${(0,errors/* errorMessage */.gJ)(error)}`));
    }
}
/**
 * Creates the context, or finds it already this process's own: a create
 * whose answer was lost is retried by the SDK and refused, yet it did its
 * work. Otherwise says who holds the name, if anyone still does.
 */
async function claim(ctx, name, record, what) {
    const refusal = await tryCreate(ctx, name, record, what);
    if (!refusal)
        return 'held';
    const holder = await findLock(ctx, name);
    return holder?.token === record.token ? 'held' : { holder, refusal };
}
/** Creates the context; returns the error when the name was taken (or may have been), throws any other. */
async function tryCreate(ctx, name, record, what) {
    const input = {
        ContextName: name,
        ContextType: LOCK_CONTEXT_TYPE,
        Description: `Held by ${record.owner} for ${record.operation} on endpoint "${record.endpoint}" until ${record.expiresAt}. Delete it only if that run is no longer running.`,
        Source: { SourceUri: record.owner, SourceType: 'workflow-run' },
        Properties: { ...record }
    };
    try {
        await (0,errors/* awsCall */.uF)('CreateContext', `${what} "${name}"`, () => ctx.clients.sagemaker.send(new CreateContextCommand/* CreateContextCommand */.N(input)));
        return undefined;
    }
    catch (error) {
        // Whatever SageMaker's refusal of a taken name says, and whether a lost answer hides a success, a look at the name tells.
        if (/^(ValidationException|ResourceInUse|ConflictException)$/.test((0,errors/* errorCode */.CA)(error)) || (0,errors/* answerMayBeLost */.hx)(error)) {
            return error;
        }
        throw error;
    }
}
async function findLock(ctx, name) {
    try {
        const context = await (0,errors/* awsCall */.uF)('DescribeContext', `the lock "${name}"`, () => ctx.clients.sagemaker.send(new DescribeContextCommand/* DescribeContextCommand */.G({ ContextName: name })));
        const properties = context?.Properties ?? {};
        return {
            owner: properties.owner ?? 'an unknown run',
            token: properties.token ?? '',
            operation: properties.operation ?? 'an operation',
            endpoint: properties.endpoint ?? ctx.endpointName,
            acquiredAt: properties.acquiredAt ?? context?.CreationTime?.toISOString() ?? '',
            expiresAt: properties.expiresAt ?? '',
            ...Object.fromEntries(OPTIONAL_FIELDS.flatMap((field) => (properties[field] ? [[field, properties[field]]] : [])))
        };
    }
    catch (error) {
        if ((0,errors/* isNotFound */.c4)(error))
            return undefined;
        throw error;
    }
}
async function deleteContext(ctx, name, what) {
    try {
        await (0,errors/* awsCall */.uF)('DeleteContext', `${what} "${name}"`, () => ctx.clients.sagemaker.send(new DeleteContextCommand/* DeleteContextCommand */.m({ ContextName: name })));
    }
    catch (error) {
        // Gone already: a retried delete whose first answer was lost, or the holder released it meanwhile.
        if ((0,errors/* isNotFound */.c4)(error))
            return;
        if ((0,errors/* answerMayBeLost */.hx)(error) && !(await findLock(ctx, name)))
            return;
        throw error;
    }
}
function lockedError(ctx, holder, detail) {
    const { run } = ctx;
    const sameRun = run.runId !== undefined && holder.runId === run.runId && holder.repository === run.repository;
    const who = sameRun ? `another job or step of this same run (${holder.owner})` : `another run: ${holder.owner}`;
    const since = holder.acquiredAt ? ` since ${holder.acquiredAt}` : '';
    const expiry = holder.expiresAt ? ` Its lock expires at ${holder.expiresAt}` : ' Its lock has no expiry';
    const ours = !sameRun && holder.repository !== undefined && holder.repository === run.repository;
    const takeover = ours
        ? ' A run of this repository takes it over once GitHub says that run has ended, if the job may read its Actions (permissions: actions: read).'
        : '';
    return new EndpointLockedError(`Endpoint "${ctx.endpointName}" is locked by ${who}, running ${holder.operation}${since}${detail ? `; ${detail}` : ''}. One run at a time may change an endpoint, so this run changed nothing.${expiry}; if that run is no longer running, remove the lock with: aws sagemaker delete-context --context-name ${lockName(ctx.endpointName)} --region ${ctx.settings.region}.${takeover}`);
}


/***/ }),

/***/ 6187:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// UNUSED EXPORTS: resultOutput

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/aws/clients.ts
var aws_clients = __webpack_require__(201);
// EXTERNAL MODULE: ./src/captured-payloads.ts
var captured_payloads = __webpack_require__(2337);
// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/clock.ts
var clock = __webpack_require__(9373);
// EXTERNAL MODULE: ./src/context.ts
var context = __webpack_require__(788);
// EXTERNAL MODULE: ./src/inputs.ts + 6 modules
var inputs = __webpack_require__(8077);
// EXTERNAL MODULE: ./src/report.ts
var src_report = __webpack_require__(665);
// EXTERNAL MODULE: ./src/summary.ts + 2 modules
var summary = __webpack_require__(2829);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commands/DescribeEndpointCommand.js
var DescribeEndpointCommand = __webpack_require__(5707);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commands/UpdateEndpointWeightsAndCapacitiesCommand.js
var UpdateEndpointWeightsAndCapacitiesCommand = __webpack_require__(954);
// EXTERNAL MODULE: ./src/cancelled.ts
var cancelled = __webpack_require__(204);
// EXTERNAL MODULE: ./src/endpoint.ts
var src_endpoint = __webpack_require__(3150);
// EXTERNAL MODULE: ./src/rollout/moves.ts
var moves = __webpack_require__(5307);
// EXTERNAL MODULE: ./src/rollout/state.ts
var state = __webpack_require__(9988);
;// CONCATENATED MODULE: ./src/cancel.ts
/**
 * Cancellation. When a run is cancelled the runner sends SIGINT, then SIGTERM
 * 7.5 s later, then kills the process 2.5 s after that: too little time to
 * restore a config (minutes), but enough to stop the harm. The handler builds
 * the way back from the rollout's progress as the post step will, carries out
 * its first move when that is taking all traffic off the new variant, leaves
 * the progress for the post step, which carries out the rest, deletes what
 * the run created and releases the endpoint's lock, and exits.
 */







/** The weight change must be sent well inside the 7.5 s before SIGTERM. */
const CANCEL_BUDGET_MS = 5_000;
function installCancellationHandlers(clients, onCancelled) {
    let handling = false;
    const handler = (signal) => {
        if (handling)
            return;
        handling = true;
        (0,cancelled/* markCancelled */.$w)();
        core/* warning */.$e(`Received ${signal}: the run was cancelled.`);
        void stopTheHarm(clients())
            .then(onCancelled)
            .finally(() => process.exit(1));
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
    return () => {
        process.off('SIGINT', handler);
        process.off('SIGTERM', handler);
    };
}
/** What the handler did about the traffic, in a sentence for the log and the summary. */
async function stopTheHarm(clients) {
    const progress = state/* rolloutProgress */.XP.current;
    if (!progress || !clients)
        return '';
    const { newVariant } = progress.rollout;
    const abortSignal = AbortSignal.timeout(CANCEL_BUDGET_MS);
    let done;
    try {
        const endpoint = await clients.sagemaker.send(new DescribeEndpointCommand/* DescribeEndpointCommand */.C({ EndpointName: progress.endpointName }), { abortSignal });
        const status = endpoint.EndpointStatus ?? '';
        done = src_endpoint/* TRANSITIONAL_STATUSES */.kQ.includes(status)
            ? whileUpdating(progress, status, endpoint)
            : await firstMoveBack(clients, progress, endpoint, abortSignal);
    }
    catch (error) {
        done = `Traffic could not be moved off ${newVariant} (${(0,errors/* errorMessage */.gJ)(error)}).`;
    }
    core/* warning */.$e(`${done} ${postStepPlan()}`);
    return done;
}
/**
 * The way back's first move, when it is the one that fits in the runner's
 * seconds: the traffic off the new variant (weight 0 takes seconds, a config
 * minutes). The post step builds the plan again from where the endpoint then
 * stands, and carries out the rest.
 */
async function firstMoveBack(clients, progress, endpoint, abortSignal) {
    const { newVariant } = progress.rollout;
    const first = (0,moves/* rollbackMoves */.BI)((0,moves/* rolloutStanding */.k_)(progress, endpoint))[0];
    if (first?.kind !== 'traffic-off')
        return `${newVariant} was taking no traffic, so none had to be moved.`;
    await clients.sagemaker.send(new UpdateEndpointWeightsAndCapacitiesCommand/* UpdateEndpointWeightsAndCapacitiesCommand */.G({
        EndpointName: progress.endpointName,
        DesiredWeightsAndCapacities: first.weights
    }), { abortSignal });
    return `All traffic was moved off ${newVariant} at once.`;
}
/**
 * SageMaker refuses UpdateEndpointWeightsAndCapacities until an update ends,
 * and an update takes minutes: nothing can move traffic within the runner's
 * ten seconds, so the handler only says where things stand.
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_UpdateEndpointWeightsAndCapacities.html
 */
function whileUpdating(progress, status, endpoint) {
    const { newVariant } = progress.rollout;
    const moving = endpoint.PendingDeploymentSummary?.EndpointConfigName;
    const share = (0,src_endpoint/* weightPercentages */.IC)(endpoint.ProductionVariants ?? [])[newVariant];
    const exposure = share === undefined || share === 0
        ? `${newVariant} takes no traffic meanwhile`
        : `${newVariant} keeps serving ${share}% of traffic until then`;
    return `Endpoint "${progress.endpointName}" is ${status}${moving ? ` (moving to "${moving}")` : ''}, and SageMaker refuses weight changes until that ends, so no traffic could be moved in the seconds the runner gives a cancelled step; ${exposure}. The post step waits for the update to finish first.`;
}
/** What the post step will do, from the state this run saved for it. */
function postStepPlan() {
    const progress = state/* rolloutProgress */.XP.current;
    const created = state/* unfinishedDeploy */.Jh.current;
    const plans = [];
    if (progress)
        plans.push(`returns endpoint "${progress.endpointName}" to "${progress.rollout.previousConfig}"`);
    if (state/* nativeDeployment */.RS.current)
        plans.push("deletes the alarms of SageMaker's deployment once it has ended");
    if (created && created.models.length + created.configs.length > 0) {
        plans.push(`deletes what this run created and nothing runs on (${[
            ...created.models.map((name) => `model "${name}"`),
            ...created.configs.map((name) => `config "${name}"`)
        ].join(', ')}, those that exist)`);
    }
    const scalingOff = state/* scalingTakenOff */.gS.current;
    if (scalingOff) {
        const variants = scalingOff.moves.map((move) => `"${move.to ?? move.from}"`).join(', ');
        plans.push(`puts back the autoscaling taken off for the update (variants ${variants}) once the endpoint is InService`);
    }
    if (plans.length === 0)
        return '';
    return `The post step ${plans.join(', then ')}, and releases the endpoint's lock.`;
}
/**
 * The run's report once cancelled: the rollout's step under way is marked
 * cancelled, not left "in progress", and the error says what was done and
 * what the post step will do.
 */
function recordCancellation(report, whatWasDone, now) {
    report.succeeded = false;
    report.cancelled = true;
    const step = report.rollout?.steps.at(-1);
    if (step && step.verdict === 'in-progress') {
        step.verdict = 'cancelled';
        step.endedAt = now;
        step.reason = 'the run was cancelled';
    }
    if (report.rollout && !report.rollout.result) {
        report.rollout.decision = `Cancelled${step ? ` at ${step.weight}% on ${report.rollout.newVariant}` : ''}.`;
    }
    report.error = ['The run was cancelled.', whatWasDone, postStepPlan()].filter(Boolean).join(' ');
}

// EXTERNAL MODULE: ./src/identity.ts
var identity = __webpack_require__(5625);
// EXTERNAL MODULE: ./src/lock.ts + 1 modules
var lock = __webpack_require__(2776);
;// CONCATENATED MODULE: ./src/main.ts
/**
 * The action's entry point: parse every input, dispatch to the operation's
 * module, and always (failed runs too) set the result output and write the
 * job summary.
 */














async function run(overrides = {}) {
    const deps = {
        clock: clock/* systemClock */.m,
        createClients: aws_clients/* createAwsClients */.Gv,
        env: process.env,
        ...overrides
    };
    // One bundle serves both steps; the main step leaves a mark the post step finds.
    if (core/* getState */.Gu(state/* STATE_KEYS */.LU.isPost) === 'true') {
        const { runPost } = await Promise.all(/* import() */[__webpack_require__.e(541), __webpack_require__.e(923), __webpack_require__.e(32), __webpack_require__.e(894), __webpack_require__.e(661)]).then(__webpack_require__.bind(__webpack_require__, 6661));
        return runPost(deps.clock, deps.createClients);
    }
    core/* saveState */.LZ(state/* STATE_KEYS */.LU.isPost, 'true');
    const request = [];
    const readInput = (0,inputs/* recordingReader */.zI)((name) => core/* getInput */.V4(name), request);
    let report = reportFromHeadline(deps, request);
    let clients;
    let deployment;
    /** Set on a dry run with plan-comment: where the plan goes besides the job summary. */
    let planComment;
    const decision = () => report.rollout?.decision ?? report.error ?? '';
    /** The `result` output and the job summary, whose HTML comes back for a plan comment. */
    const writeResult = async () => {
        core/* setOutput */.uH('result', JSON.stringify(resultOutput(report)));
        return (0,summary/* writeSummary */.Sy)(report);
    };
    const finish = async () => {
        report.finishedAt = deps.clock.now();
        // First, so that a warning about it reaches the summary.
        await deployment?.finish(deploymentOutcome(report), decision());
        const html = await writeResult();
        if (planComment && html) {
            const { postPlanComment } = await Promise.all(/* import() */[__webpack_require__.e(413), __webpack_require__.e(144)]).then(__webpack_require__.bind(__webpack_require__, 8144));
            await postPlanComment({ ...planComment, body: html });
        }
    };
    /** Set when the run should leave a dashboard: written however the operation ends, a rollback most of all. */
    let dashboardFor;
    const uninstall = installCancellationHandlers(() => clients, async (whatWasDone) => {
        recordCancellation(report, whatWasDone, deps.clock.now());
        report.finishedAt = deps.clock.now();
        // The runner kills a cancelled step within seconds: the summary and outputs go out before GitHub is
        // called, which may take its whole timeout when GitHub is slow.
        await writeResult();
        await deployment?.finish('inactive', decision());
    });
    try {
        const settings = (0,inputs/* parseSettings */.P$)(readInput, deps.env);
        maskSecrets(settings);
        // The post step rebuilds these through the same parser, without reading inputs again.
        (0,state/* saveCommonInputs */.aw)(Object.fromEntries(inputs/* COMMON_INPUTS */.s7.map((name) => [name, core/* getInput */.V4(name)])));
        report = (0,src_report/* newReport */.bQ)(settings.operation, settings.endpointName, settings.region, settings.dryRun, deps.clock.now());
        report.request = request;
        if (settings.record.instanceHourPrice !== undefined)
            report.instanceHourPrice = settings.record.instanceHourPrice;
        clients = deps.createClients(settings.region);
        const ctx = new context/* OperationContext */.n(settings, clients, deps.clock, report, (0,identity/* runIdentity */.y)(deps.env));
        planComment = planCommentFor(settings, deps.env);
        ctx.output('endpoint-name', settings.endpointName);
        if (settings.record.dashboard && RELEASING.has(settings.operation))
            dashboardFor = ctx;
        await operateLocked(ctx, settings, deps.env, (handle) => (deployment = handle));
        report.succeeded = true;
    }
    catch (error) {
        // Cancelled: the handler reports the run, and the post step finishes it; a change refused since is no failure.
        if ((0,cancelled/* wasCancelled */.r1)())
            return;
        report.succeeded = false;
        report.error = describeFailure(error, report);
        core/* setFailed */.C1(report.error);
    }
    finally {
        uninstall();
        if (!(0,cancelled/* wasCancelled */.r1)()) {
            // After a failure too: the graphs of a rolled-back canary are what a person wants to see next.
            if (dashboardFor)
                await recordDashboard(dashboardFor);
            await finish();
        }
    }
}
/** The report before the inputs are parsed: from the few a failed parse still needs, for its summary. */
function reportFromHeadline(deps, request) {
    const headline = (0,inputs/* readHeadline */.ly)((name) => core/* getInput */.V4(name), deps.env);
    const report = (0,src_report/* newReport */.bQ)(headline.operation, headline.endpointName, headline.region, headline.dryRun, deps.clock.now());
    report.request = request;
    return report;
}
/** Where a dry run's plan goes besides the job summary, with plan-comment. */
function planCommentFor(settings, env) {
    if (!settings.dryRun || !settings.record.planComment)
        return undefined;
    return { token: settings.record.githubToken, endpointName: settings.endpointName, region: settings.region, env };
}
/** The operation inside the endpoint's lock, with the GitHub deployment that records it. */
async function operateLocked(ctx, settings, env, recordDeployment) {
    await (0,lock/* withEndpointLock */.v)(ctx, settings, async () => {
        // Inside the lock: a run turned away by another one's lock records no deployment of its own.
        if (RELEASING.has(settings.operation) && !settings.dryRun) {
            const { startDeployment } = await Promise.all(/* import() */[__webpack_require__.e(413), __webpack_require__.e(887)]).then(__webpack_require__.bind(__webpack_require__, 6887));
            recordDeployment(await startDeployment({
                token: settings.record.githubToken,
                environment: settings.record.environment,
                endpointName: settings.endpointName,
                region: settings.region,
                env,
                description: `${settings.operation} of ${settings.endpointName} in ${settings.region}`,
                warn: (message) => ctx.warn(message),
                clock: ctx.clock
            }));
        }
        // Before the operation changes anything: a capture without requests fails while nothing has moved.
        await (0,captured_payloads/* loadCapturedPayloads */.ot)(ctx, settings);
        await dispatch(ctx, settings);
    }, env);
}
/** The operations that change what an endpoint serves: the ones a GitHub deployment records. */
const RELEASING = new Set(['deploy', 'promote', 'rollback']);
/** A rollout that paused is still under way: its deployment stays in progress until promote or rollback. */
function deploymentOutcome(report) {
    const result = report.outputs['rollout-result'];
    if (!report.succeeded || result === 'rolled-back' || result === 'failed')
        return 'failure';
    return result === 'paused' ? 'in_progress' : 'success';
}
async function recordDashboard(ctx) {
    const { componentsToGraph, putEndpointDashboard } = await Promise.all(/* import() */[__webpack_require__.e(541), __webpack_require__.e(137)]).then(__webpack_require__.bind(__webpack_require__, 1137));
    const components = await componentsToGraph(ctx);
    const dashboard = await putEndpointDashboard(ctx, {
        endpointName: ctx.endpointName,
        region: ctx.settings.region,
        variants: (ctx.report.variants ?? []).map((variant) => variant.name),
        ...(ctx.report.metricsSource ? { source: ctx.report.metricsSource } : {}),
        ...(components ? { components } : {})
    });
    if (dashboard)
        ctx.report.dashboardUrl = dashboard.url;
}
/**
 * Each operation is loaded when it runs: the runner starts the bundle for every
 * step, and V8 compiles what is loaded, so a monitor need not pay for the
 * rollout engine, autoscaling or the framework image tables. ncc emits each
 * dynamic import as a chunk beside dist/index.js.
 */
async function dispatch(ctx, settings) {
    switch (settings.operation) {
        case 'deploy':
            return (await Promise.all(/* import() */[__webpack_require__.e(541), __webpack_require__.e(923), __webpack_require__.e(32), __webpack_require__.e(894), __webpack_require__.e(152)]).then(__webpack_require__.bind(__webpack_require__, 1152))).runDeploy(ctx, settings.deploy);
        case 'promote':
            return (await Promise.all(/* import() */[__webpack_require__.e(541), __webpack_require__.e(923), __webpack_require__.e(32), __webpack_require__.e(894), __webpack_require__.e(470)]).then(__webpack_require__.bind(__webpack_require__, 470))).runPromote(ctx, settings.rollout);
        case 'update-traffic':
            return (await __webpack_require__.e(/* import() */ 509).then(__webpack_require__.bind(__webpack_require__, 2509))).runUpdateTraffic(ctx, settings.updateTraffic);
        case 'update-capacity':
            return (await Promise.all(/* import() */[__webpack_require__.e(923), __webpack_require__.e(616)]).then(__webpack_require__.bind(__webpack_require__, 6616))).runUpdateCapacity(ctx, settings.updateCapacity);
        case 'configure-autoscaling':
            return (await __webpack_require__.e(/* import() */ 43).then(__webpack_require__.bind(__webpack_require__, 2043))).runConfigureAutoscaling(ctx, settings.autoscaling);
        case 'delete-autoscaling':
            return (await __webpack_require__.e(/* import() */ 106).then(__webpack_require__.bind(__webpack_require__, 8106))).runDeleteAutoscaling(ctx, settings.deleteAutoscaling);
        case 'monitor':
            return (await Promise.all(/* import() */[__webpack_require__.e(541), __webpack_require__.e(32), __webpack_require__.e(796)]).then(__webpack_require__.bind(__webpack_require__, 1796))).runMonitor(ctx, settings.monitor);
        case 'health-check':
            return (await __webpack_require__.e(/* import() */ 211).then(__webpack_require__.bind(__webpack_require__, 3211))).runHealthCheck(ctx, settings.healthCheck);
        case 'delete':
            return (await Promise.all(/* import() */[__webpack_require__.e(541), __webpack_require__.e(274)]).then(__webpack_require__.bind(__webpack_require__, 8274))).runDelete(ctx, settings.delete);
        case 'rollback':
            return (await Promise.all(/* import() */[__webpack_require__.e(541), __webpack_require__.e(923), __webpack_require__.e(32), __webpack_require__.e(894), __webpack_require__.e(750)]).then(__webpack_require__.bind(__webpack_require__, 6750))).runRollback(ctx, settings.rollback);
    }
}
/**
 * Container environment values are often credentials: mask them in the log in
 * case anything (an AWS error echoing a request, say) would print one. Very
 * short values are left alone, or every "1" or "on" in the log would vanish.
 */
function maskSecrets(settings) {
    if (settings.operation !== 'deploy')
        return;
    for (const value of Object.values(settings.deploy.modelEnvironment)) {
        if (value.length >= 6)
            core/* setSecret */.Pq(value);
    }
}
function describeFailure(error, report) {
    const message = error instanceof Error ? error.message : String(error);
    if (!(0,errors/* isExpiredCredentials */.CW)(error))
        return message;
    const step = report.rollout?.steps.at(-1);
    const where = step
        ? ` The rollout had reached ${step.weight}% on ${report.rollout?.newVariant}: the endpoint may still be on its canary config. With fresh credentials, run operation: rollback (back to ${report.rollout?.previousConfig ?? 'the previous config'}) or operation: promote.`
        : ' Check the endpoint before re-running.';
    return `${message} The AWS credentials expired during the run.${where} To avoid it, make the role session outlast the whole run: role-duration-seconds in aws-actions/configure-aws-credentials, and the role's maximum session duration.`;
}
/** The `result` output: the whole operation as JSON, for scripts downstream. */
function resultOutput(report) {
    const { result: _result, ...outputs } = report.outputs;
    return {
        operation: report.operation,
        endpointName: report.endpointName,
        region: report.region,
        dryRun: report.dryRun,
        succeeded: report.succeeded ?? false,
        ...(report.error ? { error: report.error } : {}),
        outputs,
        changes: report.changes.map(({ api, resource }) => ({ api, resource })),
        ...(report.rollout ? { rollout: report.rollout } : {}),
        ...(report.probes ? { probes: report.probes } : {}),
        ...(report.metrics ? { metrics: report.metrics } : {}),
        notes: report.notes,
        durationMs: (report.finishedAt ?? report.startedAt) - report.startedAt
    };
}


/***/ }),

/***/ 2828:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $J: () => (/* binding */ parseNumber),
/* harmony export */   A3: () => (/* binding */ parsePercentage),
/* harmony export */   DM: () => (/* binding */ parseRoleArn),
/* harmony export */   E1: () => (/* binding */ parseList),
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   IP: () => (/* binding */ parsePercentThreshold),
/* harmony export */   Y6: () => (/* binding */ parseTargetModel),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   cG: () => (/* binding */ parseInteger),
/* harmony export */   d$: () => (/* binding */ parseSageMakerName),
/* harmony export */   d4: () => (/* binding */ parseLatencyThreshold),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   f9: () => (/* binding */ parseImageUri),
/* harmony export */   hS: () => (/* binding */ counted),
/* harmony export */   nL: () => (/* binding */ parseEnum),
/* harmony export */   y1: () => (/* binding */ parseMap),
/* harmony export */   yG: () => (/* binding */ parseBoolean),
/* harmony export */   yc: () => (/* binding */ parseS3Uri)
/* harmony export */ });
/* unused harmony export quoteForMessage */
/**
 * Parsers for the value formats every input shares (durations, percentages,
 * lists, maps, integers). Each throws an InputError that names the input and
 * what it expected, so the user can fix the workflow without reading source.
 */
class InputError extends Error {
    input;
    constructor(input, expected, received) {
        super(received === undefined
            ? `Input "${input}" ${expected}.`
            : `Input "${input}" ${expected}; got ${quoteForMessage(received)}.`);
        this.input = input;
        this.name = 'InputError';
    }
}
/** Long or multi-line values are cut so an error never floods the log. */
function quoteForMessage(value) {
    const flat = value.replace(/\s+/g, ' ');
    const shown = flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
    return JSON.stringify(shown);
}
const DURATION_UNITS_MS = {
    ms: 1,
    s: 1000,
    m: 60_000,
    h: 3_600_000
};
/** Units largest first, each at most once: `1s1s` or `5m1h` is more likely a typo than a sum. */
const DURATION = /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s)?(?:(\d+(?:\.\d+)?)ms)?$/;
/** The longest duration any input may take: SageMaker's own limits stop at 8 hours. */
const MAX_DURATION_MS = 24 * 3_600_000;
/**
 * Accepts `45s`, `5m`, `1h30m`, `250ms` or a bare number of seconds. Returns
 * milliseconds.
 */
function parseDuration(input, raw, { minMs = 0 } = {}) {
    const value = raw.trim();
    const expected = `must be a duration such as 45s, 5m, 1h30m or a number of seconds${minMs > 0 ? `, at least ${formatDuration(minMs)}` : ''}`;
    let ms;
    const parts = DURATION.exec(value);
    if (/^\d+(\.\d+)?$/.test(value)) {
        ms = Number(value) * 1000;
    }
    else if (parts && value !== '') {
        ms = 0;
        for (const [index, unit] of ['h', 'm', 's', 'ms'].entries()) {
            const amount = parts[index + 1];
            if (amount !== undefined)
                ms += Number(amount) * DURATION_UNITS_MS[unit];
        }
    }
    else {
        throw new InputError(input, expected, raw);
    }
    if (!Number.isFinite(ms) || ms < minMs || ms > MAX_DURATION_MS) {
        throw new InputError(input, `${expected} and at most 24h`, raw);
    }
    return Math.round(ms);
}
/** "1 subnet", "2 subnets": a count with its noun, in English's regular plural unless one is given. */
function counted(n, noun, plural = `${noun}s`) {
    return `${n} ${n === 1 ? noun : plural}`;
}
function formatDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)}ms`;
    let seconds = Math.round(ms / 1000);
    const hours = Math.floor(seconds / 3600);
    seconds -= hours * 3600;
    const minutes = Math.floor(seconds / 60);
    seconds -= minutes * 60;
    return [hours ? `${hours}h` : '', minutes ? `${minutes}m` : '', seconds || (!hours && !minutes) ? `${seconds}s` : '']
        .filter(Boolean)
        .join('');
}
/** Accepts `10%` or `10`, from 0 to 100. */
function parsePercentage(input, raw) {
    const value = raw.trim().replace(/%$/, '').trim();
    if (!/^\d+(\.\d+)?$/.test(value) || Number(value) > 100) {
        throw new InputError(input, 'must be a percentage from 0 to 100 such as 10% or 10', raw);
    }
    return Number(value);
}
/**
 * A threshold in percent, which must carry its % sign: a bare 0.01 could mean
 * 1% or 0.01%, and a gate that guesses wrong never fires. Returns a fraction
 * (5% gives 0.05). `max` is in percent.
 */
function parsePercentThreshold(input, raw, { max = 100 } = {}) {
    const value = raw.trim();
    const match = /^(\d+(?:\.\d+)?)\s*%$/.exec(value);
    if (!match) {
        const bare = /^\d+(\.\d+)?$/.test(value);
        throw new InputError(input, `must be a percentage with its % sign, such as 1% or 0.5%${bare ? ' (a bare number is ambiguous: is 0.01 1% or 0.01%?)' : ''}`, raw);
    }
    const percent = Number(match[1]);
    if (percent > max)
        throw new InputError(input, `must be a percentage from 0% to ${max}%`, raw);
    return percent / 100;
}
/**
 * A latency threshold, which must carry its unit (ms or s): ModelLatency is
 * published in microseconds, so a bare 250 is as likely 250 µs as 250 ms.
 * Returns milliseconds.
 */
function parseLatencyThreshold(input, raw) {
    const value = raw.trim();
    const match = /^(\d+(?:\.\d+)?)\s*(ms|s)$/.exec(value);
    const ms = match ? Number(match[1]) * (match[2] === 's' ? 1000 : 1) : NaN;
    if (!match || !(ms > 0) || ms > 3_600_000) {
        const bare = /^\d+(\.\d+)?$/.test(value);
        throw new InputError(input, `must be a latency with its unit, ms or s, such as 250ms or 1.5s${bare ? ' (a bare number is ambiguous: ModelLatency is published in microseconds)' : ''}`, raw);
    }
    return ms;
}
function parseInteger(input, raw, { min, max }) {
    const value = raw.trim();
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
        throw new InputError(input, `must be a whole number from ${min} to ${max}`, raw);
    }
    return Number(value);
}
function parseNumber(input, raw, { min, max }) {
    const value = raw.trim();
    if (!/^\d+(\.\d+)?$/.test(value) || Number(value) < min || Number(value) > max) {
        throw new InputError(input, `must be a number from ${min} to ${max}`, raw);
    }
    return Number(value);
}
function parseBoolean(input, raw) {
    const value = raw.trim().toLowerCase();
    if (value === 'true')
        return true;
    if (value === 'false')
        return false;
    throw new InputError(input, 'must be true or false', raw);
}
/** Items separated by commas or newlines; blanks are dropped. */
function parseList(raw) {
    return raw
        .split(/[,\n]/)
        .map((item) => item.trim())
        .filter((item) => item.length > 0);
}
/**
 * `key=value` pairs separated by commas or newlines. Keys must be unique.
 * With `secretValues`, a malformed entry is not quoted: it may be a value, or
 * part of one split at a comma.
 */
function parseMap(input, raw, { secretValues = false } = {}) {
    const map = new Map();
    for (const pair of parseList(raw)) {
        const separator = pair.indexOf('=');
        const key = separator > 0 ? pair.slice(0, separator).trim() : '';
        if (!key && secretValues) {
            throw new InputError(input, 'must be key=value pairs separated by commas or newlines; an entry without a key was not shown, since it may hold a value (a value cannot contain a comma: put each pair on a line of its own)');
        }
        if (!key) {
            throw new InputError(input, 'must be key=value pairs separated by commas or newlines', pair);
        }
        if (map.has(key)) {
            throw new InputError(input, `has the key "${key}" twice`);
        }
        map.set(key, pair.slice(separator + 1).trim());
    }
    return map;
}
function parseEnum(input, raw, allowed) {
    const value = raw.trim();
    if (!allowed.includes(value)) {
        throw new InputError(input, `must be one of ${allowed.join(', ')}`, raw);
    }
    return value;
}
/** SageMaker's pattern for endpoint, config, model and variant names. */
const SAGEMAKER_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;
function parseSageMakerName(input, raw) {
    const value = raw.trim();
    if (!SAGEMAKER_NAME.test(value)) {
        throw new InputError(input, 'must be 1 to 63 letters, digits and hyphens, starting and ending with a letter or digit', raw);
    }
    return value;
}
function parseS3Uri(input, raw) {
    const value = raw.trim();
    const [, bucket = '', key = ''] = (value.length <= 1024 && /^s3:\/\/([^/]*)\/(.*)$/s.exec(value)) || [];
    if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket) ||
        bucket.includes('..') ||
        !/^[^\s\u0000-\u001f\u007f]+$/.test(key) ||
        // SageMaker would fetch "." and ".." segments literally, while most tools resolve them: never what was meant.
        key.split('/').some((segment) => segment === '.' || segment === '..')) {
        throw new InputError(input, 'must be an S3 URI such as s3://bucket/path/model.tar.gz', raw);
    }
    return value;
}
function parseRoleArn(input, raw) {
    const value = raw.trim();
    // A path of up to 512 characters, then a role name of at most 64.
    if (value.length > 700 ||
        !/^arn:aws[a-z-]*:iam::\d{12}:role\/(?:[\w+=,.@-]+\/){0,256}[\w+=,.@-]{1,64}$/.test(value)) {
        throw new InputError(input, 'must be an IAM role ARN such as arn:aws:iam::123456789012:role/SageMakerExecution', raw);
    }
    return value;
}
/**
 * Docker's reference grammar: a registry host, lower-case path components
 * (which rules out `..` and look-alike letters), then a tag or a digest.
 */
const IMAGE_REFERENCE = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::\d+)?(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)+(?::\w[\w.-]{0,127}|@sha256:[a-f0-9]{64})?$/;
/** A container image in ECR (or any registry SageMaker can pull from with VPC access). */
function parseImageUri(input, raw) {
    const value = raw.trim();
    if (value.length > 255 || !IMAGE_REFERENCE.test(value)) {
        throw new InputError(input, 'must be a container image such as 123456789012.dkr.ecr.us-east-1.amazonaws.com/model:1.2.0', raw);
    }
    return value;
}
/**
 * InvokeEndpoint's TargetModel: the model's path under the multi-model
 * prefix, 1 to 1024 printable characters without leading whitespace
 * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_runtime_InvokeEndpoint.html).
 */
function parseTargetModel(input, raw) {
    const value = raw.trim();
    if (value.length > 1024 || !/^\S[\x20-\x7e]*$/.test(value)) {
        throw new InputError(input, 'must be a model path under the prefix, such as model-a.tar.gz', raw);
    }
    return value;
}


/***/ }),

/***/ 665:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bQ: () => (/* binding */ newReport),
/* harmony export */   o6: () => (/* binding */ addInstanceTime)
/* harmony export */ });
/* unused harmony export OUTPUT_NAMES */
const OUTPUT_NAMES = (/* unused pure expression or super */ null && ([
    'endpoint-name',
    'endpoint-arn',
    'endpoint-status',
    'endpoint-config-name',
    'previous-endpoint-config-name',
    'model-name',
    'variant-name',
    'variant-weights',
    'inference-component-status',
    'copy-count',
    'rollout-result',
    'rolled-back',
    'healthy',
    'latency-ms',
    'metrics',
    'result'
]));
function newReport(operation, endpointName, region, dryRun, now) {
    return { operation, endpointName, region, dryRun, startedAt: now, request: [], changes: [], notes: [], outputs: {} };
}
/** Adds instance time (instances × milliseconds) beyond the steady fleet to the run's tally. */
function addInstanceTime(report, instanceMs) {
    if (!(instanceMs > 0))
        return;
    report.addedInstanceHours = (report.addedInstanceHours ?? 0) + instanceMs / 3_600_000;
}


/***/ }),

/***/ 8527:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ batchInstances),
/* harmony export */   t_: () => (/* binding */ defaultBatchUnits),
/* harmony export */   tc: () => (/* binding */ rollingBatchFor),
/* harmony export */   vI: () => (/* binding */ rollingBatchRange)
/* harmony export */ });
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2828);
/**
 * The batch a rolling update replaces at a time. SageMaker's rolling update
 * takes a MaximumBatchSize of 5% to 50% of the variant's instances
 * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_RollingUpdatePolicy.html),
 * and instances are whole: a batch is at least one. A fleet of one instance
 * satisfies neither at once, and is refused with what to do instead; any
 * larger fleet has a default batch that satisfies both.
 */

const MIN_BATCH_PERCENT = 5;
const MAX_BATCH_PERCENT = 50;
/** About a quarter of the fleet: four batches, each small enough to roll back from. */
const DEFAULT_BATCH_PERCENT = 25;
/** The fewest and most instances one batch of a fleet may replace. */
function rollingBatchRange(fleet) {
    return {
        least: Math.max(1, Math.ceil((MIN_BATCH_PERCENT / 100) * fleet)),
        most: Math.floor((MAX_BATCH_PERCENT / 100) * fleet)
    };
}
/** The default batch: a quarter of the fleet in whole units (instances, or a component's copies), within the limits. */
function defaultBatchUnits(fleet) {
    const { least, most } = rollingBatchRange(fleet);
    return Math.min(most, Math.max(least, Math.round((DEFAULT_BATCH_PERCENT / 100) * fleet)));
}
/** The instances a batch replaces in a fleet: a share of capacity rounds down to whole instances. */
function batchInstances(batch, fleet) {
    return batch.type === 'INSTANCE_COUNT' ? batch.value : Math.floor((batch.value / 100) * fleet);
}
/**
 * The batch to send for a fleet of `fleet` instances: `requested` when it is
 * within SageMaker's limits, else an InputError naming batch-size (shown as
 * `shown`) and the batches that fit; absent, a quarter of the fleet in whole
 * instances, within the limits.
 */
function rollingBatchFor(fleet, requested, shown = '') {
    const { least, most } = rollingBatchRange(fleet);
    if (most < least) {
        throw new _parse_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('strategy', `rolling needs a fleet of at least 2 instances, and this one has ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .counted */ .hS)(fleet, 'instance')}: SageMaker's rolling update replaces ${MIN_BATCH_PERCENT}% to ${MAX_BATCH_PERCENT}% of the fleet in each batch, and at least one instance. Deploy with strategy canary, linear or all-at-once (a blue/green deployment), or raise instance-count to 2 or more`);
    }
    if (!requested)
        return { type: 'INSTANCE_COUNT', value: defaultBatchUnits(fleet) };
    const instances = batchInstances(requested, fleet);
    const percentOutside = requested.type === 'CAPACITY_PERCENT' &&
        (requested.value < MIN_BATCH_PERCENT || requested.value > MAX_BATCH_PERCENT);
    if (percentOutside || instances < least || instances > most) {
        throw new _parse_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('batch-size', `must be ${MIN_BATCH_PERCENT}% to ${MAX_BATCH_PERCENT}% of the fleet's ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .counted */ .hS)(fleet, 'instance')}, and at least one instance: from ${least} to ${most} instances here`, shown);
    }
    return requested;
}


/***/ }),

/***/ 5307:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BI: () => (/* binding */ rollbackMoves),
/* harmony export */   Ps: () => (/* binding */ isJudging),
/* harmony export */   ax: () => (/* binding */ desiredWeights),
/* harmony export */   k_: () => (/* binding */ rolloutStanding),
/* harmony export */   r0: () => (/* binding */ promoteMoves),
/* harmony export */   sX: () => (/* binding */ deployMoves)
/* harmony export */ });
/* harmony import */ var _endpoint_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3150);

/** The new variant takes `weight`%; the old variants share the rest as they did before. */
function desiredWeights(inFlight, weight) {
    return [
        ...inFlight.oldVariants.map(({ name, share }) => ({
            VariantName: name,
            DesiredWeight: Math.round((100 - weight) * share * 1000) / 1000
        })),
        { VariantName: inFlight.newVariant, DesiredWeight: weight }
    ];
}
/** The moves from which the rollout judges: the serving capacity is held until the rollout ends. */
function isJudging(move) {
    return move.kind === 'judge-pause' || move.kind === 'judge-shadow' || move.kind === 'shift';
}
/** The steps and their ending: a list that stops short of 100 pauses there, else the release takes over. */
function stepsThenEnd(steps, release) {
    const moves = steps.flatMap((weight, index) => [
        { kind: 'shift', weight, index, of: steps.length },
        { kind: 'judge-step', weight, index, of: steps.length }
    ]);
    const last = steps.at(-1) ?? 0;
    moves.push(last < 100 ? { kind: 'pause', weight: last } : { kind: 'switch-to-release', ...release });
    return moves;
}
/** A deploy's canary or linear rollout run by the action, after its shadow phase when it has one. */
function deployMoves(plan) {
    const fleetOf = (variants) => variants.reduce((sum, v) => sum + (v.InitialInstanceCount ?? 0), 0);
    const { shadow } = plan;
    return [
        { kind: 'create-canary-config', variants: plan.canaryVariants, configSettings: plan.configSettings },
        ...(shadow ? [shadow.config] : []),
        { kind: 'hold-capacity' },
        ...(shadow
            ? [{ kind: 'join-shadow', fleet: fleetOf([shadow.config.serving, shadow.config.shadow]) }, shadow.judge]
            : []),
        { kind: 'join', fleet: fleetOf(plan.canaryVariants) },
        ...stepsThenEnd(plan.steps, { planned: plan.release, configSettings: plan.configSettings })
    ];
}
/** promote: the pause judged first (when there is anything to judge it by), then the steps left. */
function promoteMoves(plan) {
    return [
        { kind: 'hold-capacity', atLeast: plan.owed },
        ...(plan.judgePause ? [{ kind: 'judge-pause', pause: plan.pause }] : []),
        ...stepsThenEnd(plan.steps, { planned: plan.release, configSettings: plan.configSettings })
    ];
}
/**
 * The way back, from where the endpoint stands. Already back on the target
 * (a failed update SageMaker undid, a rollout that never left): only the held
 * capacity to give back. Otherwise the harm stops first (weight 0 takes
 * seconds, and is skipped when nothing sends the new variant traffic, as
 * after a cancel), then the config goes back. A canary config goes once the
 * endpoint is known to have left it.
 */
function rollbackMoves(standing) {
    const { target, endpoint, canary, held, scaling } = standing;
    const back = endpoint?.EndpointConfigName === target && !_endpoint_js__WEBPACK_IMPORTED_MODULE_0__/* .TRANSITIONAL_STATUSES */ .kQ.includes(endpoint.EndpointStatus ?? '');
    // Autoscaling can only be put back on a variant that exists, that is once the return has landed.
    const waits = standing.waits || scaling.some((move) => move.to !== undefined);
    const moves = [];
    if (!back && canary && takesTraffic(endpoint, canary.newVariant)) {
        moves.push({ kind: 'traffic-off', variant: canary.newVariant, weights: desiredWeights(canary, 0) });
    }
    if (!back)
        moves.push({ kind: 'return', config: target, fleet: standing.fleet, scaling, wait: waits });
    if (held)
        moves.push({ kind: 'give-back-capacity', held, restoreCounts: !back });
    if (canary && (back || waits))
        moves.push({ kind: 'delete-config', config: canary.canaryConfig });
    if (standing.shadowConfig && (back || waits))
        moves.push({ kind: 'delete-config', config: standing.shadowConfig });
    if (standing.leftover)
        moves.push({ kind: 'delete-config', config: standing.leftover });
    return moves;
}
function takesTraffic(endpoint, variant) {
    const live = endpoint?.ProductionVariants?.find((candidate) => candidate.VariantName === variant);
    return (live?.CurrentWeight ?? 0) > 0 || (live?.DesiredWeight ?? 0) > 0;
}
/**
 * Where a rollout run by the action stands, from its progress and the
 * endpoint as read now: it goes back to the previous config, its old
 * variants at the instances they held (their autoscaling stays where it is:
 * only its scale-in was suspended), and a release config is left only by a
 * rollout that reached its release.
 */
function rolloutStanding(progress, endpoint) {
    const { rollout } = progress;
    const released = progress.moves.slice(0, progress.reached + 1).some((move) => move.kind === 'switch-to-release');
    return {
        target: rollout.previousConfig,
        fleet: rollout.held.reduce((sum, entry) => sum + entry.instances, 0),
        ...(endpoint ? { endpoint } : {}),
        canary: rollout,
        held: rollout.held,
        scaling: [],
        waits: true,
        ...(released && rollout.releaseConfig ? { leftover: rollout.releaseConfig } : {}),
        ...(rollout.shadowConfig ? { shadowConfig: rollout.shadowConfig } : {})
    };
}


/***/ }),

/***/ 7783:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $M: () => (/* binding */ finalBakeGuardMs),
/* harmony export */   DV: () => (/* binding */ parseBatchSize),
/* harmony export */   EI: () => (/* binding */ blueGreenBakes),
/* harmony export */   F3: () => (/* binding */ checkAlarmCount),
/* harmony export */   NO: () => (/* binding */ inf1Fleet),
/* harmony export */   P$: () => (/* binding */ checkFleetFits),
/* harmony export */   Yv: () => (/* binding */ SAGEMAKER_LIMITS),
/* harmony export */   a6: () => (/* binding */ PROVISIONING_ESTIMATE_MS),
/* harmony export */   j3: () => (/* binding */ checkSageMakerControllerLimits),
/* harmony export */   kM: () => (/* binding */ finalBakeMs),
/* harmony export */   lo: () => (/* binding */ leastTimeoutMs),
/* harmony export */   x3: () => (/* binding */ refuseGuardrailExclusions),
/* harmony export */   ye: () => (/* binding */ foreignModelPackage)
/* harmony export */ });
/* harmony import */ var _expectations_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1236);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2828);
/* harmony import */ var _rolling_batch_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8527);
/* harmony import */ var _verdict_timing_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(503);




const SAGEMAKER_LIMITS = {
    maxWaitIntervalSeconds: 3600,
    minExecutionTimeoutSeconds: 600,
    maxExecutionTimeoutSeconds: 28_800,
    maxCanaryPercent: 50,
    minLinearStepPercent: 10,
    maxLinearStepPercent: 50,
    /** A rolling batch is 5% to 50% of the variant's instances. */
    minBatchPercent: 5,
    maxBatchPercent: 50,
    maxAlarms: 10
};
/**
 * How long the action budgets for SageMaker to provision a fleet, inside the
 * deployment's MaximumExecutionTimeoutInSeconds: a real-time endpoint's
 * instances typically take five to ten minutes to come up, a large model's
 * longer (its download and health-check timeouts).
 */
const PROVISIONING_ESTIMATE_MS = _expectations_js__WEBPACK_IMPORTED_MODULE_0__/* .TYPICAL_MS */ .K.fleet;
/** The action's verdict reaches SageMaker as one alarm of the deployment's AutoRollbackConfiguration. */
const VERDICT_ALARMS = 1;
/**
 * How much longer than bake-time SageMaker keeps the old fleet at full traffic (TerminationWaitInSeconds) when the
 * verdict alarm guards the deployment: as long as a dead runner's silence takes to fire the alarm and reach
 * SageMaker. Without it, a runner that died in the last moments of the bakes left SageMaker to complete a fleet
 * nobody judged to the end. None without the alarm, or for a rolling update, which has no final wait.
 */
function finalBakeGuardMs(settings) {
    if (!settings.autoRollback || settings.strategy === 'rolling')
        return 0;
    return (0,_verdict_timing_js__WEBPACK_IMPORTED_MODULE_3__/* .silenceRollbackMs */ .Sy)(settings.gateIntervalMs) + _verdict_timing_js__WEBPACK_IMPORTED_MODULE_3__/* .SAGEMAKER_REACTION_MS */ .ek;
}
/** The final bake at full traffic a blue/green deployment is given (TerminationWaitInSeconds): bake-time and the guard. */
function finalBakeMs(settings) {
    return settings.bakeTimeMs + finalBakeGuardMs(settings);
}
/**
 * The bakes of a blue/green deployment from its first traffic shift, in bake-times, the final one at full traffic
 * included. AWS leaves two counts open: whether linear traffic bakes WaitIntervalInSeconds after its last step as
 * well as TerminationWaitInSeconds, and which of the two is all at once's one baking period
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-blue-green-all-at-once.html). The fewest
 * set when the action must have decided, the most what the timeout must cover: each the safer reading where it is
 * used.
 */
function blueGreenBakes(settings) {
    if (settings.strategy === 'linear')
        return { fewest: settings.trafficSteps.length, most: settings.trafficSteps.length + 1 };
    if (settings.strategy === 'all-at-once')
        return { fewest: 1, most: 2 };
    // A canary bakes once on its share, then once at full traffic.
    return { fewest: 2, most: 2 };
}
/**
 * The least timeout SageMaker needs for the whole deployment: provisioning,
 * every bake, and the final wait before the old fleet goes. Rolling
 * provisions batch by batch, so it is judged again once the fleet's size is
 * known (checkFleetFits).
 */
function leastTimeoutMs(settings, batches = 1, provisioningMs = PROVISIONING_ESTIMATE_MS) {
    if (settings.strategy === 'rolling')
        return batches * (provisioningMs + settings.bakeTimeMs);
    return provisioningMs + blueGreenBakes(settings).most * settings.bakeTimeMs + finalBakeGuardMs(settings);
}
function roundUpToMinute(ms) {
    return Math.ceil(ms / 60_000) * 60_000;
}
/** Deployments run by SageMaker itself accept only what DeploymentConfig can express. */
function checkSageMakerControllerLimits(settings, common, shown) {
    const limits = SAGEMAKER_LIMITS;
    refuseWhatSageMakerCannotJudge(settings);
    const guardMs = finalBakeGuardMs(settings);
    if (finalBakeMs(settings) > limits.maxWaitIntervalSeconds * 1000) {
        const guard = guardMs > 0
            ? `, less the ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(guardMs)} the final bake is given for the verdict alarm to hear a dead runner's silence (TerminationWaitInSeconds)`
            : '';
        throw new _parse_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('bake-time', `must be at most ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(limits.maxWaitIntervalSeconds * 1000 - guardMs)} with rollout-controller: sagemaker: SageMaker bakes at most 1h (WaitIntervalInSeconds)${guard}`, shown('bake-time'));
    }
    const timeoutSeconds = common.timeoutMs / 1000;
    if (timeoutSeconds < limits.minExecutionTimeoutSeconds || timeoutSeconds > limits.maxExecutionTimeoutSeconds) {
        throw new _parse_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('timeout', 'must be from 10m to 8h with rollout-controller: sagemaker (MaximumExecutionTimeoutInSeconds)', shown('timeout'));
    }
    if (settings.trafficSteps.some((step) => !Number.isInteger(step))) {
        throw new _parse_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('traffic-steps', 'must be whole percentages with rollout-controller: sagemaker (CapacitySize takes whole numbers)', settings.trafficSteps.join(','));
    }
    const steps = settings.trafficSteps;
    if (steps[steps.length - 1] !== 100) {
        throw new _parse_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('traffic-steps', 'must end at 100 with rollout-controller: sagemaker, which cannot pause', shown('traffic-steps'));
    }
    if (settings.strategy === 'canary') {
        const canary = steps[0];
        if (steps.length !== 2 || canary > limits.maxCanaryPercent) {
            throw new _parse_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('traffic-steps', `must be one canary step of at most ${limits.maxCanaryPercent}% then 100 with rollout-controller: sagemaker (such as 10,100)`, steps.join(','));
        }
    }
    if (settings.strategy === 'linear') {
        const step = steps[0];
        const evenlySpaced = steps.every((value, index) => Math.abs(value - Math.min(100, step * (index + 1))) < 1e-9);
        if (!evenlySpaced || step < limits.minLinearStepPercent || step > limits.maxLinearStepPercent) {
            throw new _parse_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('traffic-steps', `must rise in equal steps of ${limits.minLinearStepPercent}% to ${limits.maxLinearStepPercent}% with rollout-controller: sagemaker (such as 25,50,75,100)`, steps.join(','));
        }
    }
    const least = leastTimeoutMs(settings);
    if (common.timeoutMs < least) {
        throw new _parse_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('timeout', `must be at least ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(roundUpToMinute(least))} with rollout-controller: sagemaker: SageMaker times the whole deployment out at it (MaximumExecutionTimeoutInSeconds), and it takes provisioning the new fleet (about ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(PROVISIONING_ESTIMATE_MS)}) plus ${describeBakes(settings)}`, shown('timeout'));
    }
}
function describeBakes(settings) {
    const bake = (0,_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(settings.bakeTimeMs);
    const guardMs = finalBakeGuardMs(settings);
    const final = guardMs > 0
        ? `${(0,_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(finalBakeMs(settings))} (bake-time and ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(guardMs)} for the verdict alarm to hear a dead runner's silence)`
        : bake;
    switch (settings.strategy) {
        case 'canary':
            return `a bake of ${bake} on the canary and a final one of ${final} at full traffic`;
        case 'linear':
            return `a bake of ${bake} at each of ${settings.trafficSteps.length} steps and a final one of ${final} at full traffic`;
        case 'rolling':
            return `a bake of ${bake} after each batch`;
        default:
            return `a bake of ${bake} and a final one of ${final} at full traffic`;
    }
}
/**
 * What only the fleet's size can tell, checked before any change: a
 * traffic share SageMaker cannot give to whole instances, a rolling batch
 * outside 5% to 50% of the fleet, a variant name SageMaker would not match.
 */
function checkFleetFits(settings, timeoutMs, serving, variant, shown) {
    const servingNames = serving.map((candidate) => candidate.VariantName);
    if (serving.length !== 1) {
        throw new _parse_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('rollout-controller', `sagemaker needs an endpoint with one production variant: SageMaker's deployments keep the variant's name, and this endpoint has ${serving.length} (${servingNames.join(', ')}); use rollout-controller: action`);
    }
    if (variant.VariantName !== servingNames[0]) {
        throw new _parse_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('variant-name', `must be the serving variant's name, "${servingNames[0]}", with rollout-controller: sagemaker: its deployments keep the variant's name`, variant.VariantName);
    }
    const count = variant.InitialInstanceCount ?? 1;
    const instances = (percent) => (percent / 100) * count;
    const first = settings.trafficSteps[0] ?? 100;
    if ((settings.strategy === 'canary' || settings.strategy === 'linear') && instances(first) < 1) {
        throw new _parse_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('traffic-steps', `starts at ${first}%, which is ${+instances(first).toFixed(2)} of the new fleet's ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .counted */ .hS)(count, 'instance')}: SageMaker shifts traffic to whole instances of capacity, so the first step must be at least one instance (${Math.ceil(100 / count)}% or more), or raise instance-count`, shown('traffic-steps'));
    }
    if (settings.strategy === 'rolling') {
        const batch = (0,_rolling_batch_js__WEBPACK_IMPORTED_MODULE_2__/* .rollingBatchFor */ .tc)(count, settings.batchSize, shown('batch-size'));
        const batches = Math.ceil(count / Math.max(1, (0,_rolling_batch_js__WEBPACK_IMPORTED_MODULE_2__/* .batchInstances */ .d)(batch, count)));
        const least = leastTimeoutMs(settings, batches);
        if (timeoutMs < least) {
            throw new _parse_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('timeout', `must be at least ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(roundUpToMinute(least))} for a rolling update in ${batches} batches: each provisions (about ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(PROVISIONING_ESTIMATE_MS)}) and bakes for ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(settings.bakeTimeMs)}`, shown('timeout'));
        }
    }
}
/** `25%` (of the fleet's capacity) or `2` (instances). */
function parseBatchSize(input, raw) {
    const value = raw.trim();
    const percent = /^(\d+)\s*%$/.exec(value);
    if (percent) {
        const amount = Number(percent[1]);
        if (amount < 1 || amount > 100)
            throw new _parse_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, 'must be a percentage such as 25% or a number of instances such as 2', raw);
        return { type: 'CAPACITY_PERCENT', value: amount };
    }
    if (/^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 1000) {
        return { type: 'INSTANCE_COUNT', value: Number(value) };
    }
    throw new _parse_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, 'must be a percentage such as 25% or a number of instances such as 2', raw);
}
/** What the action's judging cannot do inside SageMaker's deployment, or SageMaker cannot take. */
function refuseWhatSageMakerCannotJudge(settings) {
    if (settings.gates.probe) {
        // Both fleets carry the same variant name, so TargetVariant reaches whichever fleet SageMaker routes to.
        throw new _parse_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('probe-payload', "cannot be judged with rollout-controller: sagemaker: during SageMaker's deployment the old and new fleets share the variant's name, so a probe with TargetVariant reaches whichever fleet SageMaker routes it to, not the new fleet alone. Judge the new fleet on its metrics (max-error-rate, max-latency-p99, the baseline comparisons), or use rollout-controller: action, whose canary is a variant of its own");
    }
    if (settings.onInconclusive === 'pause') {
        throw new _parse_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('on-inconclusive', "must be rollback with rollout-controller: sagemaker: SageMaker's deployments cannot pause, so a new fleet the gates could not judge is rolled back");
    }
    checkAlarmCount(settings, 'rollout-controller: sagemaker');
}
/**
 * The alarms of a deployment SageMaker carries out, the action's verdict among them, within AutoRollbackConfig's
 * 10 (API_AutoRollbackConfig; an inference component's rolling update takes the same type): `under` says which.
 */
function checkAlarmCount(settings, under) {
    const limits = SAGEMAKER_LIMITS;
    const verdict = settings.autoRollback ? VERDICT_ALARMS : 0;
    if (settings.gates.alarmNames.length + verdict > limits.maxAlarms) {
        throw new _parse_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('alarm-names', `may name at most ${limits.maxAlarms - verdict} alarms with ${under}: SageMaker takes ${limits.maxAlarms} in all${verdict > 0 ? ", and the action's verdict is one of them" : ''}`);
    }
}
/** The account of an ARN (its fifth field), or undefined for anything that is not one. */
function accountOf(arn) {
    const parts = (arn ?? '').split(':');
    return parts[0] === 'arn' && parts.length >= 6 ? parts[4] : undefined;
}
/**
 * Endpoints SageMaker will not run a guarded deployment on: with Marketplace
 * containers or Inf1 instances it "will fall back to using a blue/green
 * deployment with all at once traffic shifting and no final baking period"
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-exclusions.html).
 * All traffic would move before anything could be judged, and the deployment
 * end before the action's verdict could reach it, so it is refused before any
 * change. AWS gives no way to tell a Marketplace package from one shared by
 * another account: a package of any other account is taken for one, the safer
 * reading.
 */
function refuseGuardrailExclusions(endpointArn, fleets, modelPackages) {
    const inf1 = inf1Fleet(fleets);
    const instead = 'use rollout-controller: action, whose canary is judged before traffic moves';
    if (inf1) {
        throw new _parse_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('rollout-controller', `sagemaker cannot guard a deployment on Inf1 instances (variant "${inf1.VariantName}" runs on ${inf1.InstanceType}): SageMaker would fall back to moving all traffic at once with no baking period, so nothing could be judged before it moved; ${instead}`);
    }
    const foreign = foreignModelPackage(endpointArn, modelPackages);
    if (foreign) {
        throw new _parse_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('rollout-controller', `sagemaker cannot guard a deployment of model package "${foreign}": it belongs to another account, as every AWS Marketplace package does, and with Marketplace containers SageMaker falls back to moving all traffic at once with no baking period, so nothing could be judged before it moved; ${instead}`);
    }
}
/** A fleet on Inf1 instances, which SageMaker's deployment guardrails and its shadow tests both exclude. */
function inf1Fleet(fleets) {
    return fleets.find((fleet) => fleet.InstanceType?.startsWith('ml.inf1.'));
}
/**
 * A model package of another account than the endpoint's: every AWS
 * Marketplace package is one, and AWS gives no other way to tell them apart,
 * so one of another account is taken for Marketplace (the safer reading).
 */
function foreignModelPackage(endpointArn, modelPackages) {
    const account = accountOf(endpointArn);
    // A package named without an ARN is the caller's own.
    return modelPackages.find((arn) => {
        const owner = accountOf(arn);
        return owner !== undefined && account !== undefined && owner !== account;
    });
}


/***/ }),

/***/ 9988:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jh: () => (/* binding */ unfinishedDeploy),
/* harmony export */   LU: () => (/* binding */ STATE_KEYS),
/* harmony export */   NX: () => (/* binding */ takenLock),
/* harmony export */   RS: () => (/* binding */ nativeDeployment),
/* harmony export */   XP: () => (/* binding */ rolloutProgress),
/* harmony export */   aw: () => (/* binding */ saveCommonInputs),
/* harmony export */   di: () => (/* binding */ readCommonInputs),
/* harmony export */   gS: () => (/* binding */ scalingTakenOff),
/* harmony export */   ng: () => (/* binding */ leftForPostStep)
/* harmony export */ });
/* unused harmony export SavedPart */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _cancelled_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(204);
/**
 * Saved state for the post step: while a rollout has the endpoint off its
 * previous config, its progress says how to put it back. A cancelled workflow
 * (SIGINT, then SIGTERM, then a kill) leaves the post step to finish the job.
 */


const STATE_KEYS = {
    isPost: 'isPost',
    /** What the main step leaves the post step, in one record: see RunRecord. */
    run: 'run',
    /** The main step's common inputs (endpoint, region, timeout), for the post step's settings. */
    inputs: 'inputs'
};
/**
 * The run's record. Saved state is readable only in the post step, so the
 * main step keeps its own copy too: the signal handler must act on it
 * within seconds.
 */
class RunState {
    record = {};
    set(part, value) {
        // Once cancelled, what is saved is what the post step must finish: the main flow, which goes on for the
        // seconds before the runner kills it, must not clear or change it.
        if ((0,_cancelled_js__WEBPACK_IMPORTED_MODULE_1__/* .wasCancelled */ .r1)())
            return;
        if (value === undefined)
            delete this.record[part];
        else
            this.record[part] = value;
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(STATE_KEYS.run, JSON.stringify(this.record, leftForThePostStep));
    }
    get(part) {
        return this.record[part];
    }
    /** What the main step saved, read in the post step. */
    read() {
        const raw = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(STATE_KEYS.run);
        if (!raw)
            return {};
        try {
            const parsed = JSON.parse(raw);
            return parsed && typeof parsed === 'object' ? parsed : {};
        }
        catch {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`The saved run state is unreadable and was ignored: ${raw.slice(0, 200)}`);
            return {};
        }
    }
}
/**
 * What the post step is handed: the record without the rollout's baseline, the serving variants' periods, which
 * only the main step's judging reads. It grows by one period per period: a long rollout on an endpoint publishing
 * every 10 s would outgrow what the runner can hand a process, one environment variable (128 KiB on Linux, 32 KiB
 * on Windows), and the post step, which must undo the rollout, would not start.
 */
function leftForThePostStep(key, value) {
    return key === 'baseline' && this !== null && typeof this === 'object' && 'moves' in this ? [] : value;
}
const runState = new RunState();
/** One part of the run's record, as the code that owns it sees it. */
class SavedPart {
    part;
    constructor(part) {
        this.part = part;
    }
    save(value) {
        runState.set(this.part, value);
    }
    /** Nothing of this part left for the post step. */
    clear() {
        runState.set(this.part, undefined);
    }
    /** What this process saved and has not cleared. */
    get current() {
        return runState.get(this.part);
    }
    /** What the main step saved, read in the post step. */
    read() {
        return runState.read()[this.part];
    }
}
/** The progress of the rollout under way, from which a cancel and the post step build the way back. */
const rolloutProgress = new SavedPart('rollout');
function saveCommonInputs(inputs) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(STATE_KEYS.inputs, JSON.stringify(inputs));
}
function readCommonInputs() {
    try {
        const parsed = JSON.parse(_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(STATE_KEYS.inputs) || '{}');
        return parsed && typeof parsed === 'object' ? parsed : {};
    }
    catch {
        return {};
    }
}
/** The deployment this process left to SageMaker, whose alarms the post step deletes. */
const nativeDeployment = new SavedPart('nativeDeployment');
/** The endpoint lock the main step holds. */
const takenLock = new SavedPart('lock');
/** What the deploy under way has created: the post step deletes what nothing runs on. */
const unfinishedDeploy = new SavedPart('created');
/** The autoscaling this process has taken off and not yet put back. */
const scalingTakenOff = new SavedPart('scalingOff');
/** Work the main step leaves to the post step: while there is some, the post step holds the endpoint lock. */
function leftForPostStep() {
    return [rolloutProgress, nativeDeployment, unfinishedDeploy, scalingTakenOff].some((state) => state.current !== undefined);
}


/***/ }),

/***/ 503:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DS: () => (/* binding */ heartbeatWindowMs),
/* harmony export */   GE: () => (/* binding */ verdictPeriodSeconds),
/* harmony export */   Sr: () => (/* binding */ heartbeatIntervalMs),
/* harmony export */   Sy: () => (/* binding */ silenceRollbackMs),
/* harmony export */   ek: () => (/* binding */ SAGEMAKER_REACTION_MS),
/* harmony export */   tS: () => (/* binding */ failedVerdictRollbackMs)
/* harmony export */ });
/* unused harmony export evaluationRangePeriods */
/**
 * How fast the verdict alarm (verdict-alarm.ts) carries the action's verdict,
 * or its silence, to SageMaker. Pure arithmetic, so the input parser can hold
 * a deployment's bakes against it without loading CloudWatch's client.
 *
 * The period: 10 s when the gates are judged that often, else 30 s, both on
 * a high-resolution metric
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html).
 * It no longer follows gate-interval up to whole minutes: the heartbeat
 * republishes the verdict every half period whatever the gates are doing
 * (judging-rhythm.ts), so every period holds a datapoint anyway, while a
 * minute's period made the heartbeat window 7 minutes, longer than most of a
 * deployment's bakes: a runner that died after their first minutes left
 * SageMaker to complete a fleet nobody judged. A failed verdict is seen
 * within one period of being published: a rollback starts within
 * gate-interval + one period (+ SageMaker's reaction) of the evidence.
 *
 * Silence: with missing data breaching, CloudWatch judges the newest real
 * datapoint in its evaluation range and fires only when the range holds none
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarms-and-missing-data.html).
 * AWS gives the range's length by example only (5 datapoints for 3 evaluation
 * periods); the reading taken, the emulator's too: EvaluationPeriods + 2
 * periods under a minute, EvaluationPeriods + max(2, ceil(300 s / period)) for
 * a minute or more, plus one period for the evaluation to come round.
 */
/** What SageMaker adds to an alarm's firing before it moves traffic back, as the rollback bound counts it. */
const SAGEMAKER_REACTION_MS = 5_000;
/** The alarm's period in seconds: 10 for gates judged at least every 10 s, else 30. */
function verdictPeriodSeconds(gateIntervalMs) {
    if (!(gateIntervalMs > 0))
        throw new Error(`the gate interval must be positive; got ${gateIntervalMs} ms`);
    return gateIntervalMs <= 10_000 ? 10 : 30;
}
/** How many periods one evaluation of a one-period alarm looks back over (see the module's note). */
function evaluationRangePeriods(periodSeconds, evaluationPeriods = 1) {
    if (periodSeconds < 60)
        return evaluationPeriods + 2;
    return evaluationPeriods + Math.max(2, Math.ceil(300 / periodSeconds));
}
/** How often the action republishes its last verdict: twice a period, so no period goes without one. */
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
/** The longest from a dead runner's last verdict to SageMaker's rollback: the heartbeat window and one period. */
function silenceRollbackMs(gateIntervalMs) {
    return heartbeatWindowMs(gateIntervalMs) + verdictPeriodSeconds(gateIntervalMs) * 1000;
}
/** The longest from the evidence to SageMaker's rollback on a failed verdict: gate interval, one period, reaction. */
function failedVerdictRollbackMs(gateIntervalMs) {
    return gateIntervalMs + verdictPeriodSeconds(gateIntervalMs) * 1000 + SAGEMAKER_REACTION_MS;
}


/***/ }),

/***/ 5173:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   am: () => (/* binding */ suspendScaleIn),
/* harmony export */   lV: () => (/* binding */ giveBackInheritedHolds),
/* harmony export */   ni: () => (/* binding */ resumeScaleIn)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_application_auto_scaling__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8090);
/* harmony import */ var _autoscaling_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6886);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9378);
/* harmony import */ var _lock_holds_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(803);
/* harmony import */ var _endpoint_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3150);
/* harmony import */ var _lineage_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5010);
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
    const target = await (0,_autoscaling_js__WEBPACK_IMPORTED_MODULE_0__/* .describeScalableTarget */ .w8)(ctx, endpointName, variantName);
    if (!target)
        return undefined;
    if (target.SuspendedState?.DynamicScalingInSuspended) {
        // The hold of a run whose lock this one took over: this rollout holds it on, and gives it back at its end.
        const inherited = (0,_lock_holds_js__WEBPACK_IMPORTED_MODULE_2__/* .takeInheritedHold */ .PR)(variantName);
        if (inherited) {
            aboutToSuspend(inherited);
            await (0,_lock_holds_js__WEBPACK_IMPORTED_MODULE_2__/* .noteScaleInHeld */ .Rm)(ctx, variantName, inherited);
            ctx.note(`Scale-in of variant "${variantName}" stays suspended, held on from the run whose lock this one took over.`);
            return inherited;
        }
        // Someone's deliberate hold, or one a run of this action left when GitHub stopped its post step: say so, since
        // nothing else will, and leave it as it was.
        ctx.warn(`Scale-in of variant "${variantName}" was suspended already, by someone else or by a run of this action whose post step was stopped before it resumed it; it is left suspended. If nothing should hold it, resume it: ${resumeCommand(endpointName, variantName)}`);
        return undefined;
    }
    const before = fullState(target.SuspendedState);
    // Told before the call goes out: a run cancelled while it is out must still know what to put back.
    aboutToSuspend(before);
    await (0,_lock_holds_js__WEBPACK_IMPORTED_MODULE_2__/* .noteScaleInHeld */ .Rm)(ctx, variantName, before);
    const resourceId = (0,_autoscaling_js__WEBPACK_IMPORTED_MODULE_0__/* .variantResourceId */ .PW)(endpointName, variantName);
    // Min and max left out: RegisterScalableTarget on a registered target changes only what it is given.
    const input = {
        ...(0,_autoscaling_js__WEBPACK_IMPORTED_MODULE_0__/* .targetScope */ .Il)(resourceId),
        SuspendedState: { ...before, DynamicScalingInSuspended: true }
    };
    await ctx.change('RegisterScalableTarget', (0,_autoscaling_js__WEBPACK_IMPORTED_MODULE_0__/* .targetResource */ .cR)(resourceId), input, () => ctx.clients.autoscaling.send(new _aws_sdk_client_application_auto_scaling__WEBPACK_IMPORTED_MODULE_5__/* .RegisterScalableTargetCommand */ .J(input)));
    return before;
}
/**
 * Puts back the state suspendScaleIn found, if scale-in is still suspended;
 * a variant no longer registered (its scaling moved elsewhere) is left
 * alone. Safe to repeat, from the post step too. A dry run suspended
 * nothing, so it plans the resume its run would send to a registered variant.
 */
async function resumeScaleIn(ctx, endpointName, variantName, before) {
    const target = await (0,_autoscaling_js__WEBPACK_IMPORTED_MODULE_0__/* .describeScalableTarget */ .w8)(ctx, endpointName, variantName);
    if (!target || (!ctx.dryRun && !target.SuspendedState?.DynamicScalingInSuspended))
        return;
    const resourceId = (0,_autoscaling_js__WEBPACK_IMPORTED_MODULE_0__/* .variantResourceId */ .PW)(endpointName, variantName);
    const input = { ...(0,_autoscaling_js__WEBPACK_IMPORTED_MODULE_0__/* .targetScope */ .Il)(resourceId), SuspendedState: fullState(before) };
    await ctx.change('RegisterScalableTarget', (0,_autoscaling_js__WEBPACK_IMPORTED_MODULE_0__/* .targetResource */ .cR)(resourceId), input, () => ctx.clients.autoscaling.send(new _aws_sdk_client_application_auto_scaling__WEBPACK_IMPORTED_MODULE_5__/* .RegisterScalableTargetCommand */ .J(input)));
}
/**
 * Gives back the holds a dead run left on the lock this run took over, as the run ends (a rollout took on the ones
 * it needed): once the endpoint is on a release again, nothing needs them. While a canary or shadow config still
 * serves, or this run failed, they are left, with a warning and the command. Never throws.
 */
async function giveBackInheritedHolds(ctx, succeeded) {
    const holds = Object.entries((0,_lock_holds_js__WEBPACK_IMPORTED_MODULE_2__/* .takeAllInheritedHolds */ .vt)());
    if (holds.length === 0)
        return;
    // The hold keeps the fleet a rollback returns to: while the dead run's canary still stands, it is still needed.
    const standing = succeeded ? await rolloutConfigStanding(ctx) : 'this run failed';
    for (const [variant, before] of holds) {
        const command = resumeCommand(ctx.endpointName, variant);
        if (standing) {
            ctx.warn(`Scale-in of variant "${variant}", held by the run whose lock this one took over, is left suspended: ${standing}. Once the endpoint is back on a release (operation: rollback or promote), resume it: ${command}`);
            continue;
        }
        try {
            await resumeScaleIn(ctx, ctx.endpointName, variant, before);
            ctx.note(`Gave back the scale-in of variant "${variant}", held by the run whose lock this one took over.`);
        }
        catch (error) {
            ctx.warn(`Could not give back the scale-in of variant "${variant}": ${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)} Resume it: ${command}`);
        }
    }
}
/** Why a rollout is still standing on the endpoint (a canary or shadow config serving), if one is. */
async function rolloutConfigStanding(ctx) {
    try {
        const name = (await (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_3__/* .findEndpoint */ .vS)(ctx))?.EndpointConfigName;
        const config = name ? await (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_3__/* .findEndpointConfig */ .NW)(ctx, name) : undefined;
        const standing = config ? await (0,_lineage_js__WEBPACK_IMPORTED_MODULE_4__/* .standingRollout */ .IM)(ctx, config) : undefined;
        return standing ? `the endpoint is still on ${standing.role} config "${name}"` : undefined;
    }
    catch (error) {
        return `the endpoint could not be read (${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)})`;
    }
}
/** The command that resumes a variant's scale-in, for the warnings that leave it suspended. */
function resumeCommand(endpointName, variantName) {
    return `aws application-autoscaling register-scalable-target --service-namespace sagemaker --scalable-dimension sagemaker:variant:DesiredInstanceCount --resource-id ${(0,_autoscaling_js__WEBPACK_IMPORTED_MODULE_0__/* .variantResourceId */ .PW)(endpointName, variantName)} --suspended-state DynamicScalingInSuspended=false`;
}


/***/ }),

/***/ 8750:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A0: () => (/* binding */ CONTROLLERS),
/* harmony export */   PT: () => (/* binding */ INCONCLUSIVE_ACTIONS),
/* harmony export */   YL: () => (/* binding */ STRATEGIES),
/* harmony export */   am: () => (/* binding */ SCALING_METRICS),
/* harmony export */   jK: () => (/* binding */ ROUTING_STRATEGIES),
/* harmony export */   uA: () => (/* binding */ COMPONENT_SCALING_METRICS),
/* harmony export */   xb: () => (/* binding */ OPERATIONS),
/* harmony export */   yj: () => (/* binding */ NEW_ENDPOINT_DEFAULTS)
/* harmony export */ });
const OPERATIONS = [
    'deploy',
    'promote',
    'update-traffic',
    'update-capacity',
    'configure-autoscaling',
    'delete-autoscaling',
    'monitor',
    'health-check',
    'delete',
    'rollback'
];
/** rolling is SageMaker's rolling update (rollout-controller: sagemaker only). */
const STRATEGIES = ['all-at-once', 'canary', 'linear', 'rolling'];
const CONTROLLERS = ['action', 'sagemaker'];
/** What a step whose gates could not judge it does: go back, or stay where it is for a person to decide. */
const INCONCLUSIVE_ACTIONS = ['rollback', 'pause'];
const SCALING_METRICS = [
    'InvocationsPerInstance',
    'CPUUtilization',
    'ModelLatency',
    'InvocationsPerCopy',
    'ConcurrentRequestsPerCopy'
];
/** What an inference component's copies scale on: Application Auto Scaling's predefined metrics for components. */
const COMPONENT_SCALING_METRICS = ['InvocationsPerCopy', 'ConcurrentRequestsPerCopy'];
/**
 * What a new endpoint gets when the inputs leave it open. Applied by the
 * action rather than written as action.yml defaults, so an input left out can
 * be told apart from one that was set (and a deploy to an existing endpoint
 * takes what serves instead).
 */
const NEW_ENDPOINT_DEFAULTS = { instanceType: 'ml.m5.large', instanceCount: 1 };
const ROUTING_STRATEGIES = ['LEAST_OUTSTANDING_REQUESTS', 'RANDOM'];


/***/ }),

/***/ 2829:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  B9: () => (/* binding */ consoleUrl),
  gC: () => (/* binding */ instanceHoursText),
  Sy: () => (/* binding */ writeSummary)
});

// UNUSED EXPORTS: addCapacity, addChanges, addHeading, addMetrics, addNotes, addPlan, addProbes, addRequest, addSettings, addVariants, escapeHtml, renderSummary, rolloutCharts

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/parse.ts
var parse = __webpack_require__(2828);
;// CONCATENATED MODULE: ./src/summary-format.ts
/** How the job summary writes numbers and text: shared by its sections. */
function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
function formatCount(count) {
    return count.toLocaleString('en-US');
}
function formatRate(rate) {
    return rate === undefined ? '—' : `${(rate * 100).toFixed(2)}%`;
}

;// CONCATENATED MODULE: ./src/summary-rollout.ts


/** The evaluation a step's row shows: the failed one, else the last conclusive pass, else the last. */
function decidingEvaluation(step) {
    return (step.evaluations.find((evaluation) => evaluation.verdict === 'failed') ??
        step.evaluations.findLast((evaluation) => evaluation.verdict === 'passed') ??
        step.evaluations.at(-1));
}
/**
 * The probes that passed, and, where answers were compared with the serving
 * model's (max-disagreement: the probes' in a step, captured pairs in a
 * shadow phase), how many agreed.
 */
function probesCell(evaluation) {
    const probes = evaluation?.probesSent ? `${evaluation.probesPassed}/${evaluation.probesSent}` : undefined;
    const compared = evaluation?.answersCompared;
    const answers = compared ? `answers ${compared - (evaluation?.answersDiffering ?? 0)}/${compared} agree` : undefined;
    return [probes, answers].filter((part) => part !== undefined).join(', ') || '—';
}
/** The new variant's figure, with the serving variants' beside it when a baseline was compared. */
function besideBaseline(value, baseline) {
    return baseline === undefined || baseline === '—' ? value : `${value} (baseline ${baseline})`;
}
/** Invocations the step's judged windows held: each minute is judged in one window only. */
function judgedInvocations(step) {
    const windows = step.evaluations.filter((evaluation) => evaluation.window && evaluation.invocations !== undefined);
    if (windows.length === 0)
        return undefined;
    // A window that stayed open to gather more invocations is judged again, larger; count the latest of each start.
    const byStart = new Map();
    for (const evaluation of windows)
        byStart.set(evaluation.window?.from ?? 0, evaluation.invocations ?? 0);
    return [...byStart.values()].reduce((sum, count) => sum + count, 0);
}
function alarmsCell(evaluation) {
    if (evaluation === undefined)
        return '—';
    if (evaluation.alarmsChecked === undefined)
        return 'none set';
    return evaluation.alarmsInAlarm.length ? escapeHtml(evaluation.alarmsInAlarm.join(', ')) : 'OK';
}
/** How the step's evaluations came out, such as "3 passed, 9 inconclusive". */
function evaluationCounts(step) {
    const counts = new Map();
    for (const evaluation of step.evaluations)
        counts.set(evaluation.verdict, (counts.get(evaluation.verdict) ?? 0) + 1);
    return ['passed', 'failed', 'inconclusive']
        .filter((verdict) => counts.has(verdict))
        .map((verdict) => `${counts.get(verdict)} ${verdict}`)
        .join(', ');
}
function addRollout(summary, report) {
    const rollout = report.rollout;
    if (!rollout)
        return;
    const judge = rollout.controller === 'action'
        ? 'gates judged by the action'
        : "carried out by SageMaker's blue/green guardrails, gates judged by the action";
    summary.addHeading(`Rollout (${rollout.strategy}, ${judge})`, 3);
    if (rollout.plan)
        summary.addRaw(`<p>${escapeHtml(rollout.plan)}</p>`, true);
    if (rollout.gates && rollout.gates.length > 0) {
        summary.addRaw(`<p>Gates: ${rollout.gates.map(escapeHtml).join('; ')}.</p>`, true);
    }
    if (rollout.steps.length === 0)
        return;
    summary.addTable([
        ['Step', 'Weight', 'Time', 'Invocations', 'Error rate', 'p99', 'Alarms', 'Probes', 'Evaluations', 'Verdict'].map((data) => ({ data, header: true })),
        ...rollout.steps.map((step, index) => {
            const evaluation = decidingEvaluation(step);
            const invocations = judgedInvocations(step);
            const baseline = evaluation?.baseline;
            return [
                step.kind ?? String(stepNumber(rollout.steps, index)),
                step.kind === 'shadow' ? `a copy of ${step.shadowPercent ?? 0}%` : `${step.weight}%`,
                step.endedAt === undefined ? '—' : (0,parse/* formatDuration */.a3)(step.endedAt - step.startedAt),
                invocations === undefined ? '—' : formatCount(invocations),
                besideBaseline(formatRate(evaluation?.errorRate), baseline && formatRate(baseline.errorRate)),
                besideBaseline(formatMs(evaluation?.latencyP99Ms), baseline && formatMs(baseline.latencyP99Ms)),
                alarmsCell(evaluation),
                probesCell(evaluation),
                evaluationCounts(step) || '—',
                stepVerdict(step)
            ];
        })
    ]);
    const findings = rollout.steps.flatMap((step, index) => {
        const label = step.kind === 'pause'
            ? 'The pause'
            : step.kind === 'shadow'
                ? 'The shadow phase'
                : `Step ${stepNumber(rollout.steps, index)}`;
        const comparisons = decidingEvaluation(step)?.comparisons ?? [];
        return [
            ...(step.reason && step.verdict !== 'passed' ? [`${label} ${step.verdict}: ${step.reason}`] : []),
            ...comparisons.map((comparison) => `${label}, ${comparison.gate} ${comparison.verdict}: ${comparison.detail}`)
        ];
    });
    if (findings.length > 0) {
        summary.addDetails(`Why each step ended as it did (${findings.length})`, `<ul>${findings.map((finding) => `<li>${escapeHtml(finding)}</li>`).join('')}</ul>`);
    }
    summary.addRaw(rolloutCharts(rollout), true);
}
/** Steps are numbered without the pause a promotion judged first. */
function stepNumber(steps, index) {
    return steps.slice(0, index + 1).filter((step) => step.kind === undefined).length;
}
function formatMs(ms) {
    return ms === undefined ? '—' : `${Math.round(ms)} ms`;
}
function stepVerdict(step) {
    switch (step.verdict) {
        case 'passed':
            return '✅ passed';
        case 'failed':
            return '❌ failed';
        case 'inconclusive':
            return '❔ inconclusive';
        case 'skipped':
            return '⏭️ skipped';
        case 'cancelled':
            return '⏹️ cancelled';
        default:
            return '⏳ in progress';
    }
}
/**
 * Mermaid charts (GitHub renders them in job summaries): the new variant's
 * share of traffic per step, and its error rate per step against the limit.
 * Two charts, because an error rate of 0.3% drawn on a 0-100% weight axis is
 * a flat line; and no error-rate chart when no gate measured one, rather than
 * a chart of zeros nobody measured.
 */
function rolloutCharts(rollout) {
    if (rollout.steps.length < 2)
        return '';
    const variant = rollout.newVariant.replace(/"/g, '');
    const labels = rollout.steps
        .map((step, index) => `"${index + 1}${step.verdict === 'failed' ? ' ❌' : ''}"`)
        .join(', ');
    const charts = [
        chart(`${variant}: share of traffic per step (%)`, labels, 100, [
            `bar [${rollout.steps.map((step) => step.weight).join(', ')}]`
        ])
    ];
    const rates = rollout.steps.map((step) => decidingEvaluation(step)?.errorRate);
    if (rates.some((rate) => rate !== undefined)) {
        const values = rates.map((rate) => (rate === undefined ? 0 : asPercent(rate)));
        const limit = rollout.maxErrorRate === undefined ? undefined : asPercent(rollout.maxErrorRate);
        const top = niceCeiling(Math.max(...values, limit ?? 0, 0.1) * 1.2);
        charts.push(chart(`${variant}: 5XX error rate per step (%)${limit === undefined ? '' : `, line: max-error-rate ${limit}%`}`, labels, top, [`bar [${values.join(', ')}]`, ...(limit === undefined ? [] : [`line [${values.map(() => limit).join(', ')}]`])]));
    }
    return charts.join('\n');
}
function chart(title, labels, top, series) {
    return [
        '',
        '```mermaid',
        // Half the default height: two charts should not push the variants off the first screen.
        '%%{init: {"xyChart": {"height": 250}}}%%',
        'xychart-beta',
        `    title "${title}"`,
        `    x-axis "Step" [${labels}]`,
        `    y-axis "%" 0 --> ${top}`,
        ...series.map((line) => `    ${line}`),
        '```',
        ''
    ].join('\n');
}
function asPercent(rate) {
    return Math.round(rate * 10000) / 100;
}
/** The axis top: 1, 2 or 5 times a power of ten, so small rates fill the chart. */
function niceCeiling(value) {
    const power = 10 ** Math.floor(Math.log10(value));
    return [1, 2, 5, 10].map((factor) => factor * power).find((top) => top >= value - 1e-9) ?? value;
}

;// CONCATENATED MODULE: ./src/summary.ts
/**
 * The job summary: one function per section, rendered from the run's report.
 * The verdict comes first, because that is what a person opens the page for.
 */






/** Operations that only look: their page is about health, not about changes. */
const READ_ONLY = new Set(['monitor', 'health-check']);
function consoleUrl(region, endpointName) {
    return `https://${region}.console.aws.amazon.com/sagemaker/home?region=${region}#/endpoints/${encodeURIComponent(endpointName)}`;
}
function verdict(report) {
    const result = report.outputs['rollout-result'];
    if (report.cancelled)
        return { icon: '⏹️', text: 'cancelled' };
    if (result === 'rolled-back')
        return { icon: '↩️', text: 'rolled back' };
    if (report.outputs.healthy === 'false')
        return { icon: '❌', text: 'unhealthy' };
    if (report.dryRun && report.succeeded)
        return { icon: '📝', text: 'dry run: nothing was changed' };
    if (result === 'paused')
        return { icon: '⏸️', text: 'paused' };
    if (report.succeeded && report.outputs.healthy === 'true' && READ_ONLY.has(report.operation)) {
        return { icon: '✅', text: 'healthy' };
    }
    if (report.succeeded)
        return { icon: '✅', text: 'succeeded' };
    return { icon: '❌', text: 'failed' };
}
function addHeading(summary, report) {
    const { icon, text } = verdict(report);
    summary.addHeading(`${icon} ${report.operation} ${text}: ${escapeHtml(report.endpointName)}`, 2);
    const facts = [
        `<a href="${consoleUrl(report.region, report.endpointName)}">Endpoint in the AWS console</a>`,
        `region <code>${escapeHtml(report.region)}</code>`
    ];
    if (report.dashboardUrl)
        facts.push(`<a href="${escapeHtml(report.dashboardUrl)}">CloudWatch dashboard</a>`);
    if (report.finishedAt !== undefined)
        facts.push(`took ${(0,parse/* formatDuration */.a3)(report.finishedAt - report.startedAt)}`);
    summary.addRaw(`<p>${facts.join(' · ')}</p>`, true);
    if (report.error)
        summary.addRaw(`<p><strong>❌ Error:</strong> ${escapeHtml(report.error)}</p>`, true);
    const decision = report.rollout?.decision;
    if (decision && decision !== report.error) {
        summary.addRaw(`<p><strong>Decision:</strong> ${escapeHtml(decision)}</p>`, true);
    }
}
/** The inputs, folded away: they matter when something went wrong, not at a glance. */
function addRequest(summary, report) {
    if (report.request.length === 0)
        return;
    const rows = report.request
        .map(([name, value]) => `<tr><td><code>${escapeHtml(name)}</code></td><td>${escapeHtml(value)}</td></tr>`)
        .join('');
    summary.addDetails(`What was asked (${report.request.length} inputs)`, `<table><tr><th>Input</th><th>Value</th></tr>${rows}</table>`);
}
/**
 * The instance-hours the run added beyond the steady fleet, and what they
 * cost at the price the workflow gave: the second fleet SageMaker runs during
 * every update and the canary beside the serving variants are what a
 * progressive rollout costs.
 */
function addCapacity(summary, report) {
    const hours = report.addedInstanceHours;
    if (hours === undefined)
        return;
    summary.addRaw(`<p><strong>Instance-hours ${report.dryRun ? 'this rollout would add' : 'this run added'}:</strong> ${instanceHoursText(hours, report.instanceHourPrice)} (${report.addedInstancesBy ?? 'the second fleet while SageMaker updates the endpoint, and the canary beside the serving variants'}).</p>`, true);
}
/** `1.40`, or with a price `1.40, about $2.10 at $1.5 an instance-hour`: the summary and a dry run's log say it alike. */
function instanceHoursText(hours, price) {
    const cost = price === undefined ? '' : `, about $${(hours * price).toFixed(2)} at $${price} an instance-hour`;
    // An instance launched for a minute is not nothing: below a hundredth, one significant digit.
    const shown = hours === 0 || hours >= 0.01 ? hours.toFixed(2) : hours.toPrecision(1);
    return `${shown}${cost}`;
}
/** A dry run's rollout, step by step: what would happen, judged how, and for how long. */
function addPlan(summary, report) {
    const plan = report.plan;
    if (!plan)
        return;
    summary.addHeading(`Rollout plan: about ${(0,parse/* formatDuration */.a3)(plan.expectedDurationMs)}`, 3);
    summary.addList(plan.schedule.map(escapeHtml), true);
    summary.addRaw(`<p>${plan.gates.length > 0 ? `Gates: ${plan.gates.map(escapeHtml).join('; ')}.` : 'No gates are set.'} The duration assumes ${escapeHtml(plan.basis)}.</p>`, true);
}
/** In a dry run the plan is the point and stays open; otherwise the calls made are folded away. */
function addChanges(summary, report) {
    if (report.changes.length === 0) {
        if (!READ_ONLY.has(report.operation))
            summary.addRaw('<p>Nothing was changed.</p>', true);
        return;
    }
    const items = report.changes.map((change) => `<li><code>${change.api}</code> on ${escapeHtml(change.resource)}${describeWeights(change.input)}</li>`);
    if (report.dryRun) {
        summary.addHeading('Plan (nothing was changed)', 3);
        summary.addRaw(`<ol>${items.join('')}</ol>`, true);
        return;
    }
    summary.addDetails(`What changed (${report.changes.length} calls)`, `<ol>${items.join('')}</ol>`);
}
/** Weight changes look alike in a list; their weights tell the shift from the rollback. */
function describeWeights(input) {
    const desired = input
        ?.DesiredWeightsAndCapacities ?? [];
    const weights = desired.filter((entry) => entry.DesiredWeight !== undefined);
    if (weights.length === 0)
        return '';
    return `: ${weights.map((entry) => `${escapeHtml(entry.VariantName ?? '?')} ${entry.DesiredWeight}`).join(', ')}`;
}
function addNotes(summary, report) {
    if (report.notes.length === 0)
        return;
    summary.addList(report.notes.map(escapeHtml));
}
function addVariants(summary, report) {
    if (!report.variants || report.variants.length === 0)
        return;
    summary.addHeading('Variants now', 3);
    summary.addTable([
        ['Variant', 'Model', 'Instance type', 'Instances', 'Weight'].map((data) => ({ data, header: true })),
        ...report.variants.map((variant) => [
            escapeHtml(variant.name),
            escapeHtml(variant.model ?? '—'),
            escapeHtml(variant.instanceType ?? '—'),
            variant.instanceCount === undefined ? '—' : String(variant.instanceCount),
            variant.weight === undefined ? '—' : `${variant.weight}%`
        ])
    ]);
}
/**
 * Where each setting of the new model and variant came from: a production
 * endpoint's VPC or timeouts kept without anyone repeating them is only
 * reassuring when the page says so.
 */
function addSettings(summary, report) {
    if (!report.settings || report.settings.length === 0)
        return;
    const rows = report.settings
        .map((entry) => `<tr><td><code>${escapeHtml(entry.setting)}</code></td><td>${escapeHtml(shortValue(entry.value))}</td><td>${escapeHtml(entry.source)}</td></tr>`)
        .join('');
    summary.addDetails(`Settings of the new model and variant (${report.settings.length}): inherited, from inputs, or defaults`, `<table><tr><th>Setting</th><th>Value</th><th>From</th></tr>${rows}</table>`);
}
function shortValue(value) {
    return value.length > 160 ? `${value.slice(0, 157)}...` : value;
}
function addProbes(summary, report) {
    if (!report.probes || report.probes.length === 0)
        return;
    summary.addHeading('Health probes', 3);
    summary.addTable([
        ['#', 'Variant', 'Result', 'Latency', 'Detail'].map((data) => ({ data, header: true })),
        ...report.probes.map((probe, index) => [
            String(index + 1),
            escapeHtml(probe.variant ?? 'any'),
            probe.ok ? '✅ ok' : '❌ failed',
            `${Math.round(probe.latencyMs)} ms`,
            escapeHtml(probe.detail)
        ])
    ]);
}
function addMetrics(summary, report) {
    if (!report.metrics)
        return;
    summary.addHeading(`Metrics (last ${report.metrics.window}, ${report.metrics.period} periods)`, 3);
    // An asynchronous endpoint counts the requests it processed, and rates its failures for any reason.
    const asynchronous = report.metrics.variants.some((metrics) => metrics.failures !== undefined);
    // Requests a real-time model never answered count in its error rate: shown where there were any.
    const unanswered = !asynchronous && report.metrics.variants.some((metrics) => (metrics.unanswered ?? 0) > 0);
    const headers = asynchronous
        ? ['Variant', 'Processed', '4XX', '5XX', 'Failures', 'Failure rate', 'Latency avg', 'Latency p99']
        : [
            'Variant',
            'Invocations',
            '4XX',
            '5XX',
            ...(unanswered ? ['Unanswered'] : []),
            'Error rate',
            'Latency avg',
            'Latency p99'
        ];
    summary.addTable([
        headers.map((data) => ({ data, header: true })),
        ...report.metrics.variants.map((metrics) => [
            escapeHtml(metrics.variant),
            formatCount(metrics.invocations),
            formatCount(metrics.errors4xx),
            formatCount(metrics.errors5xx),
            ...(asynchronous ? [formatCount(metrics.failures ?? 0)] : []),
            ...(unanswered ? [formatCount(metrics.unanswered ?? 0)] : []),
            formatRate(metrics.errorRate),
            metrics.latencyAverageMs === undefined ? '—' : `${metrics.latencyAverageMs.toFixed(1)} ms`,
            metrics.latencyP99Ms === undefined ? '—' : `${metrics.latencyP99Ms.toFixed(1)} ms`
        ])
    ]);
}
function renderSummary(summary, report) {
    addHeading(summary, report);
    addNotes(summary, report);
    addPlan(summary, report);
    addRollout(summary, report);
    addCapacity(summary, report);
    addVariants(summary, report);
    addSettings(summary, report);
    addProbes(summary, report);
    addMetrics(summary, report);
    addChanges(summary, report);
    addRequest(summary, report);
}
/**
 * Writes the summary once; a failure here is a warning and never hides the
 * run's own error. Resolves with its HTML, for a dry run's plan comment.
 */
async function writeSummary(report) {
    let html;
    try {
        renderSummary(core/* summary */.z, report);
        html = core/* summary */.z.stringify();
        await core/* summary */.z.write();
    }
    catch (error) {
        core/* warning */.$e(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`);
    }
    return html;
}


/***/ }),

/***/ 9506:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F5: () => (/* binding */ MAX_USER_TAGS),
/* harmony export */   QR: () => (/* binding */ isRolloutConfigRole),
/* harmony export */   gp: () => (/* binding */ TAGS),
/* harmony export */   j5: () => (/* binding */ traceabilityTags),
/* harmony export */   s3: () => (/* binding */ toTagList)
/* harmony export */ });
/* unused harmony exports TRACEABILITY_TAGS, MAX_TAGS_PER_RESOURCE, tagValue */
/* harmony import */ var _github_run_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1738);
/**
 * The tags the action puts on what it creates: its own bookkeeping, which ties
 * endpoint configs to their endpoint and to the config a rollback returns to,
 * and traceability tags that lead from a resource back to the commit and the
 * workflow run that made it.
 *
 * SageMaker's tag rules: keys of 1 to 128 and values of 0 to 256 characters,
 * both from letters, digits, spaces and `_.:/=+-@`; keys starting with `aws:`
 * are reserved; at most 50 tags on one resource.
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_Tag.html
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateEndpointConfig.html
 */

/** Tags the action keeps on the endpoint configs it creates. */
const TAGS = {
    endpoint: 'sagemaker-deploy:endpoint',
    /** The config that served before this deploy started: where rollback returns. */
    previousConfig: 'sagemaker-deploy:previous-config',
    /** `release` for a config meant to serve; `canary` for one that exists only during a rollout. */
    role: 'sagemaker-deploy:role',
    newVariant: 'sagemaker-deploy:new-variant',
    /** On a canary config: when its rollout paused (ISO 8601), so promote can judge the whole pause. */
    pausedAt: 'sagemaker-deploy:paused-at',
    /**
     * `true` on a canary config whose new model existed before the deploy
     * (model-name alone): a rolled-back promote must leave that model, which
     * the run did not create.
     */
    modelAsIs: 'sagemaker-deploy:model-as-is'
};
/** A config that exists only while a rollout is under way: never a rollback target, never a release. */
function isRolloutConfigRole(role) {
    return role === 'canary' || role === 'shadow';
}
/** Where a resource came from: the repository, commit, ref and run that created it. */
const TRACEABILITY_TAGS = {
    repository: 'sagemaker-deploy:repository',
    commit: 'sagemaker-deploy:commit',
    ref: 'sagemaker-deploy:ref',
    runUrl: 'sagemaker-deploy:run-url'
};
const MAX_TAGS_PER_RESOURCE = 50;
const MAX_TAG_VALUE_LENGTH = 256;
/**
 * How many tags a workflow can give so that its tags, the bookkeeping and the
 * traceability tags fit on one endpoint config together.
 */
const MAX_USER_TAGS = MAX_TAGS_PER_RESOURCE - Object.keys(TAGS).length - Object.keys(TRACEABILITY_TAGS).length;
const NOT_IN_TAG_VALUE = /[^\p{L}\p{Z}\p{N}_.:/=+\-@]/gu;
function toTagList(tags) {
    return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}
/**
 * A value SageMaker accepts, made from any text: a character it refuses
 * becomes `_` (a branch name may hold `#`, `!` or `%`), and the length is counted
 * in characters, so a long value is cut without splitting one.
 */
function tagValue(text) {
    return Array.from(text.replace(NOT_IN_TAG_VALUE, '_')).slice(0, MAX_TAG_VALUE_LENGTH).join('');
}
/** The repository, commit, ref and run URL from the runner's environment; a variable not set gives no tag. */
function traceabilityTags(env) {
    const run = (0,_github_run_js__WEBPACK_IMPORTED_MODULE_0__/* .workflowRun */ .t)(env);
    const values = [
        [TRACEABILITY_TAGS.repository, run.repository],
        [TRACEABILITY_TAGS.commit, run.sha],
        [TRACEABILITY_TAGS.ref, run.ref],
        [TRACEABILITY_TAGS.runUrl, run.runUrl]
    ];
    return Object.fromEntries(values
        .filter((entry) => entry[1] !== undefined)
        .map(([key, value]) => [key, tagValue(value)]));
}


/***/ }),

/***/ 311:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ ACTION_VERSION),
/* harmony export */   p: () => (/* binding */ ACTION_NAME)
/* harmony export */ });
const ACTION_NAME = 'sagemaker-deploy-action';
const ACTION_VERSION = '1.0.0';


/***/ })

};
