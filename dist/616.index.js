export const id = 616;
export const ids = [616];
export const modules = {

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

/***/ 6616:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runUpdateCapacity: () => (/* binding */ runUpdateCapacity)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commands/UpdateEndpointWeightsAndCapacitiesCommand.js
var UpdateEndpointWeightsAndCapacitiesCommand = __webpack_require__(954);
// EXTERNAL MODULE: ./src/autoscaling.ts + 1 modules
var autoscaling = __webpack_require__(6886);
;// CONCATENATED MODULE: ./src/capacity-against-scaling.ts
function checkCapacityAgainstScaling(ctx, change, scaling) {
    if (!scaling)
        return;
    const { input, where, unit, requested, current } = change;
    const range = `${scaling.minCapacity} to ${scaling.maxCapacity} ${unit}`;
    if (requested < scaling.minCapacity || requested > scaling.maxCapacity) {
        throw new Error(`Input "${input}" is ${requested}, outside the autoscaling range registered for ${where} (${range}): Application Auto Scaling would undo the change. Change the range with configure-autoscaling, or remove it with delete-autoscaling, first. Nothing was changed.`);
    }
    const state = scaling.suspendedState;
    const raising = requested > (current ?? requested);
    const moving = raising ? !state?.DynamicScalingInSuspended : !state?.DynamicScalingOutSuspended;
    if (scaling.policies.length === 0 || !moving || requested === current)
        return;
    const policies = scaling.policies.map((policy) => `"${policy.PolicyName}"`).join(', ');
    // Raised, a policy scales it back in; lowered, back out: the range's bound on that side is what holds it.
    const hold = raising
        ? `To keep at least ${requested}, raise min-capacity to ${requested}`
        : `To keep at most ${requested}, lower max-capacity to ${requested}`;
    ctx.warn(`${where[0]?.toUpperCase()}${where.slice(1)} scales on ${scaling.policies.length === 1 ? 'policy' : 'policies'} ${policies} within ${range}: ${requested} ${unit} hold only until the policy next scales ${raising ? 'in' : 'out'}, as its metric requires. ${hold} with configure-autoscaling instead.`);
}

// EXTERNAL MODULE: ./src/endpoint.ts
var src_endpoint = __webpack_require__(3150);
// EXTERNAL MODULE: ./src/serverless-variant.ts
var serverless_variant = __webpack_require__(8609);
// EXTERNAL MODULE: ./src/shadow-tests.ts + 2 modules
var shadow_tests = __webpack_require__(7429);
// EXTERNAL MODULE: ./src/update.ts + 1 modules
var update = __webpack_require__(8191);
// EXTERNAL MODULE: ./src/wait.ts
var wait = __webpack_require__(910);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commandBuilder.js
var commandBuilder = __webpack_require__(2319);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/schemas/schemas_0.js + 2 modules
var schemas_0 = __webpack_require__(1268);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commands/UpdateInferenceComponentRuntimeConfigCommand.js


class UpdateInferenceComponentRuntimeConfigCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "UpdateInferenceComponentRuntimeConfig", schemas_0/* UpdateInferenceComponentRuntimeConfig$ */.Uzr) {
}

// EXTERNAL MODULE: ./src/parse.ts
var parse = __webpack_require__(2828);
// EXTERNAL MODULE: ./src/components/placement.ts
var placement = __webpack_require__(3707);
// EXTERNAL MODULE: ./src/components/component.ts + 2 modules
var components_component = __webpack_require__(1741);
;// CONCATENATED MODULE: ./src/operations/update-capacity-component.ts
/**
 * update-capacity with inference-component-name: set the component's copy
 * count with UpdateInferenceComponentRuntimeConfig, which changes the copies
 * and nothing of the specification. Refused when autoscaling would undo it,
 * and on an adapter, which runs inside its base's copies and has none.
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_UpdateInferenceComponentRuntimeConfig.html
 */







async function updateComponentCopies(ctx, name, requested) {
    const component = await (0,components_component/* settledComponent */.BO)(ctx, name, 'its copies change');
    const base = (0,components_component/* baseOf */.bx)(component);
    if (base) {
        throw new Error(`Inference component "${name}" is an adapter of "${base}": it runs inside the base's copies and has none of its own. Nothing was changed; set copy-count on "${base}".`);
    }
    const asked = {
        input: 'copy-count',
        where: `inference component "${name}"`,
        unit: 'copies',
        requested,
        current: component.RuntimeConfig?.DesiredCopyCount
    };
    checkCapacityAgainstScaling(ctx, asked, await (0,autoscaling/* describeScaling */.Rk)(ctx, (0,autoscaling/* componentScalable */.Bl)(name)));
    // The endpoint's other components, read once: the room they take, and the adapters that run inside this one.
    const others = (await (0,components_component/* describeComponentsOn */.he)(ctx)).filter((other) => other.InferenceComponentName !== name);
    await refuseWhatDoesNotFit(ctx, component, requested, others);
    const adapters = others.filter((other) => (0,components_component/* baseOf */.bx)(other) === name).map((other) => other.InferenceComponentName ?? '');
    const before = component.RuntimeConfig?.DesiredCopyCount;
    if (before === requested && component.RuntimeConfig?.CurrentCopyCount === requested) {
        ctx.note(`Inference component "${name}" already runs ${(0,parse/* counted */.hS)(requested, 'copy', 'copies')}; nothing to change.`);
        (0,components_component/* reportComponent */.wc)(ctx, component);
        return;
    }
    const input = { InferenceComponentName: name, DesiredRuntimeConfig: { CopyCount: requested } };
    await ctx.change('UpdateInferenceComponentRuntimeConfig', `inference component "${name}"`, input, () => ctx.clients.sagemaker.send(new UpdateInferenceComponentRuntimeConfigCommand(input)));
    (0,components_component/* noteAdapters */.j1)(ctx, name, adapters);
    if (requested === 0) {
        ctx.warn(`Inference component "${name}" is to run no copies: requests to it fail (NoCapacityInvocationFailures) until it has copies again.`);
    }
    const change = `inference component "${name}" from ${before ?? 'an unknown number of'} to ${(0,parse/* counted */.hS)(requested, 'copy', 'copies')}`;
    if (ctx.dryRun || !ctx.settings.waitForCompletion) {
        ctx.note(`${ctx.dryRun ? 'Would change' : 'Asked SageMaker to change'} ${change}.`);
        (0,components_component/* reportComponent */.wc)(ctx, { ...component, RuntimeConfig: { ...component.RuntimeConfig, DesiredCopyCount: requested } });
        return;
    }
    const settled = await (0,components_component/* waitForComponent */.mt)(ctx, name, 'the change of its copies');
    checkCopies(ctx, name, requested, settled);
    ctx.note(`Changed ${change}.`);
}
/**
 * More copies must fit beside every other component's on the endpoint's
 * instances (managed scaling's maximum): SageMaker would accept the request
 * and leave the copies it cannot place pending. Fewer copies always fit.
 */
async function refuseWhatDoesNotFit(ctx, component, requested, others) {
    const running = Math.max(component.RuntimeConfig?.DesiredCopyCount ?? 0, component.RuntimeConfig?.CurrentCopyCount ?? 0);
    if (requested <= running)
        return;
    const name = component.InferenceComponentName ?? '';
    const endpoint = await (0,src_endpoint/* getEndpoint */.yP)(ctx);
    const config = await (0,src_endpoint/* getEndpointConfig */.s3)(ctx, endpoint.EndpointConfigName ?? '');
    const variant = config.ProductionVariants?.find((candidate) => candidate.VariantName === component.VariantName);
    const own = {
        label: `"${name}"`,
        count: requested,
        compute: (0,placement/* computeOf */.LQ)(component.Specification?.ComputeResourceRequirements)
    };
    (0,placement/* refuseWhatCannotBePlaced */.IX)(ctx, { variant, endpoint }, [
        {
            copies: [...(0,placement/* copiesOfOthers */.qB)(others), own],
            refusal: `Input "copy-count" is ${requested}, and endpoint "${ctx.endpointName}" cannot hold that many copies of inference component "${name}"`
        }
    ], 'Give the endpoint room (more instances, or a higher max-instance-count with managed instance scaling), or ask for fewer copies.');
}
/** SageMaker could not place every copy (its FailureReason says why), or the component went. */
function checkCopies(ctx, name, requested, settled) {
    if (!settled)
        throw new Error(`Inference component "${name}" was deleted while its copies changed.`);
    (0,components_component/* reportComponent */.wc)(ctx, settled);
    const current = settled.RuntimeConfig?.CurrentCopyCount;
    if (settled.InferenceComponentStatus === 'InService' && current === requested)
        return;
    const reason = settled.FailureReason ? ` FailureReason: ${settled.FailureReason}` : '';
    throw new Error(`SageMaker did not change inference component "${name}" to ${(0,parse/* counted */.hS)(requested, 'copy', 'copies')}: it is ${settled.InferenceComponentStatus ?? 'in an unknown state'} with ${current ?? 'no'} running.${reason}`);
}

;// CONCATENATED MODULE: ./src/operations/update-capacity.ts
/**
 * update-capacity: set one variant's instance count, leaving every weight as
 * it is, or with inference-component-name the component's copy count.
 * Refused when autoscaling would undo it, and warned of when a scaling
 * policy may move it.
 */









async function runUpdateCapacity(ctx, settings) {
    if ('componentName' in settings)
        return updateComponentCopies(ctx, settings.componentName, settings.copyCount);
    const endpoint = await (0,wait/* requireUpdatable */.Mc)(ctx);
    const variantName = (0,src_endpoint/* resolveVariant */.KC)(endpoint, settings.variantName);
    ctx.output('variant-name', variantName);
    (0,serverless_variant/* refuseServerlessVariant */.me)(endpoint, variantName, 'update-capacity');
    const where = `variant "${variantName}" of endpoint "${ctx.endpointName}"`;
    const requested = settings.instanceCount;
    const live = endpoint.ProductionVariants?.find((variant) => variant.VariantName === variantName);
    const before = live ? (0,src_endpoint/* liveInstanceCount */.xZ)(live) : undefined;
    const scaling = await (0,autoscaling/* describeVariantScaling */.oM)(ctx, ctx.endpointName, variantName);
    const asked = { input: 'instance-count', where, unit: 'instances', requested, current: before };
    checkCapacityAgainstScaling(ctx, asked, scaling);
    if (before === requested && live?.DesiredInstanceCount === requested) {
        ctx.note(`Variant "${variantName}" already has ${requested} instance(s); nothing to change.`);
        await (0,src_endpoint/* reportEndpoint */.Us)(ctx, endpoint);
        return;
    }
    await (0,shadow_tests/* warnOfShadowTestsOnEndpoint */.H)(ctx, 'capacity change');
    // Weights are left out, so SageMaker keeps them as they are.
    const input = {
        EndpointName: ctx.endpointName,
        DesiredWeightsAndCapacities: [{ VariantName: variantName, DesiredInstanceCount: requested }]
    };
    await ctx.change('UpdateEndpointWeightsAndCapacities', where, input, () => ctx.clients.sagemaker.send(new UpdateEndpointWeightsAndCapacitiesCommand/* UpdateEndpointWeightsAndCapacitiesCommand */.G(input)));
    const fromTo = `${before ?? 'an unknown number of'} to ${requested} instance(s)`;
    if (ctx.dryRun || !ctx.settings.waitForCompletion) {
        ctx.note(`${ctx.dryRun ? 'Would change' : 'Asked SageMaker to change'} ${where} from ${fromTo}.`);
        await (0,src_endpoint/* reportEndpoint */.Us)(ctx, endpoint);
        return;
    }
    const settled = await (0,update/* waitForChangeMade */.qd)(ctx, endpoint.EndpointConfigName ?? '', input.DesiredWeightsAndCapacities, 'the capacity change');
    const after = settled.ProductionVariants?.find((variant) => variant.VariantName === variantName);
    const count = after ? (0,src_endpoint/* liveInstanceCount */.xZ)(after) : undefined;
    await (0,src_endpoint/* reportEndpoint */.Us)(ctx, settled);
    if (count !== requested) {
        // Not rolled back (that failed above): a FailureReason says SageMaker could not reach the count; without one,
        // autoscaling moved it.
        if (settled.FailureReason) {
            throw new Error(`SageMaker did not change ${where} to ${requested} instance(s); it has ${count ?? 'none'}. FailureReason: ${settled.FailureReason}`);
        }
        ctx.warn(`Variant "${variantName}" has ${count ?? 'no'} instance(s) after the change to ${requested}${scaling ? ': autoscaling may have moved it already' : ''}.`);
    }
    ctx.note(`Changed ${where} from ${fromTo}.`);
}


/***/ }),

/***/ 8609:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kk: () => (/* binding */ serverlessScalingNote),
/* harmony export */   me: () => (/* binding */ refuseServerlessVariant)
/* harmony export */ });
/* unused harmony export serverlessSettings */
const SERVERLESS_SCALING = 'https://docs.aws.amazon.com/sagemaker/latest/dg/serverless-endpoints-autoscale.html';
/** Its serverless settings as DescribeEndpoint shows them, or undefined for a variant on instances. */
function serverlessSettings(endpoint, variantName) {
    const live = endpoint.ProductionVariants?.find((variant) => variant.VariantName === variantName);
    const config = live?.CurrentServerlessConfig ?? live?.DesiredServerlessConfig;
    if (!config)
        return undefined;
    const provisioned = config.ProvisionedConcurrency ? `, ProvisionedConcurrency ${config.ProvisionedConcurrency}` : '';
    return `MemorySizeInMB ${config.MemorySizeInMB}, MaxConcurrency ${config.MaxConcurrency}${provisioned}`;
}
/** Refuses an instance-count change or instance autoscaling on a serverless variant, before any change. */
function refuseServerlessVariant(endpoint, variantName, operation) {
    const settings = serverlessSettings(endpoint, variantName);
    if (!settings)
        return;
    const where = `Variant "${variantName}" of endpoint "${endpoint.EndpointName}" is serverless (${settings}): it has no instances`;
    const instead = operation === 'update-capacity'
        ? 'Its concurrency is its endpoint config\u2019s ServerlessConfig: deploy a config with the MaxConcurrency or ProvisionedConcurrency it needs.'
        : `SageMaker scales its concurrency by itself; to scale its provisioned concurrency, register sagemaker:variant:DesiredProvisionedConcurrency with Application Auto Scaling (${SERVERLESS_SCALING}), which this action does not manage.`;
    throw new Error(`${where} for ${operation} to act on. Nothing was changed. ${instead}`);
}
/** What delete-autoscaling says of a serverless variant it found no instance autoscaling on. */
function serverlessScalingNote(endpoint, variantName) {
    if (!endpoint || !serverlessSettings(endpoint, variantName))
        return '';
    return ` The variant is serverless: autoscaling of its provisioned concurrency (sagemaker:variant:DesiredProvisionedConcurrency), if any, is not this action's and was left as it is (${SERVERLESS_SCALING}).`;
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


/***/ }),

/***/ 910:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D7: () => (/* binding */ EndpointStateError),
/* harmony export */   Mc: () => (/* binding */ requireUpdatable),
/* harmony export */   SG: () => (/* binding */ waitForSettled),
/* harmony export */   VB: () => (/* binding */ pollTransition),
/* harmony export */   pP: () => (/* binding */ waitForInService),
/* harmony export */   we: () => (/* binding */ waitUntilUpdatable)
/* harmony export */ });
/* unused harmony exports nextPollDelay, WaitTimeoutError, timeLeft */
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
