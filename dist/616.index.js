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
// EXTERNAL MODULE: ./src/autoscaling.ts + 9 modules
var autoscaling = __webpack_require__(5262);
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
    const moving = requested > (current ?? requested) ? !state?.DynamicScalingInSuspended : !state?.DynamicScalingOutSuspended;
    if (scaling.policies.length === 0 || !moving || requested === current)
        return;
    const policies = scaling.policies.map((policy) => `"${policy.PolicyName}"`).join(', ');
    ctx.warn(`${where[0]?.toUpperCase()}${where.slice(1)} scales on ${scaling.policies.length === 1 ? 'policy' : 'policies'} ${policies} within ${range}: ${requested} ${unit} hold only until the policy next scales ${requested > (current ?? requested) ? 'in' : 'out'}, as its metric requires. To keep at least ${requested}, raise min-capacity to ${requested} with configure-autoscaling instead.`);
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


/***/ })

};
