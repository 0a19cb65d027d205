export const id = 43;
export const ids = [43];
export const modules = {

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

/***/ 2043:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runConfigureAutoscaling: () => (/* binding */ runConfigureAutoscaling)
});

// EXTERNAL MODULE: ./src/autoscaling.ts + 1 modules
var autoscaling = __webpack_require__(6886);
// EXTERNAL MODULE: ./src/components/component.ts + 2 modules
var components_component = __webpack_require__(1741);
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
    ModelLatency: { metricName: 'ModelLatency', namespace: 'AWS/SageMaker', unit: 'microseconds' },
    // Application Auto Scaling's predefined metrics for a component's copies; the concurrency one is published every
    // 10 seconds (https://docs.aws.amazon.com/sagemaker/latest/dg/endpoint-auto-scaling-add-code-define.html).
    InvocationsPerCopy: {
        metricName: 'SageMakerInferenceComponentInvocationsPerCopy',
        unit: 'invocations per copy per minute'
    },
    ConcurrentRequestsPerCopy: {
        metricName: 'SageMakerInferenceComponentConcurrentRequestsPerCopyHighResolution',
        unit: 'requests in flight per copy'
    }
};
/**
 * The policy configure-autoscaling puts on an inference component: its
 * copies track one of the predefined metrics, which name the component
 * through the scalable target itself.
 */
function componentTrackingPolicy(settings) {
    const type = SCALING_METRIC_DETAILS[settings.scalingMetric].metricName;
    return trackingPolicy(settings, { PredefinedMetricSpecification: { PredefinedMetricType: type } });
}
function trackingPolicy(settings, metric) {
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
    return trackingPolicy(settings, metric);
}

// EXTERNAL MODULE: ./src/endpoint.ts
var src_endpoint = __webpack_require__(3150);
// EXTERNAL MODULE: ./src/invocation-metrics.ts
var invocation_metrics = __webpack_require__(9113);
// EXTERNAL MODULE: ./src/serverless-variant.ts
var serverless_variant = __webpack_require__(8609);
// EXTERNAL MODULE: ./src/wait.ts
var wait = __webpack_require__(910);
;// CONCATENATED MODULE: ./src/operations/configure-autoscaling.ts
/**
 * configure-autoscaling: register the variant with Application Auto Scaling
 * and give it one target-tracking policy. The policy's name is fixed, so a
 * re-run updates it in place and a new scaling-metric replaces the old one.
 * With inference-component-name the component's copies are scaled instead
 * (ResourceId inference-component/<name>), on a metric per copy.
 */







async function runConfigureAutoscaling(ctx, settings) {
    const component = ctx.settings.inferenceComponentName;
    if (component !== undefined)
        return configureComponentScaling(ctx, component, settings);
    // Application Auto Scaling checks the variant against the live endpoint, which must not be mid-update.
    const endpoint = await (0,wait/* requireUpdatable */.Mc)(ctx);
    const variantName = (0,src_endpoint/* resolveVariant */.KC)(endpoint, settings.variantName);
    ctx.output('variant-name', variantName);
    (0,serverless_variant/* refuseServerlessVariant */.me)(endpoint, variantName, 'configure-autoscaling');
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
    noteWhatStays(ctx, where, before);
}
/** Other policies act beside the action's, and a suspended target keeps it from acting at all. */
function noteWhatStays(ctx, where, before) {
    const others = (before?.policies ?? []).filter((existing) => existing.PolicyName !== autoscaling/* TARGET_TRACKING_POLICY_NAME */.xX);
    if (others.length > 0) {
        ctx.note(`Left as they were: ${others.map((existing) => `policy "${existing.PolicyName}" (${existing.PolicyType})`).join(', ')}; they act alongside this one.`);
    }
    if ((0,autoscaling/* isSuspended */.eJ)(before?.suspendedState)) {
        ctx.warn(`Scaling is suspended on ${where} (SuspendedState ${JSON.stringify(before?.suspendedState)}): the policy will not act until it is resumed.`);
    }
}
/**
 * The component's copies between min-capacity and max-capacity, tracking a
 * predefined metric per copy. An adapter has no copies to scale. Down to 0
 * only where something brings a copy back: "after scaling in to zero
 * instances, your endpoint can't respond to any incoming inference requests
 * until it provisions at least one instance. To automate the provisioning
 * process, you create a step scaling policy"
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/endpoint-auto-scaling-zero-instances.html).
 */
async function configureComponentScaling(ctx, name, settings) {
    const component = await (0,components_component/* settledComponent */.BO)(ctx, name, 'its autoscaling changes');
    const base = (0,components_component/* baseOf */.bx)(component);
    if (base) {
        throw new Error(`Inference component "${name}" is an adapter of "${base}": it runs inside the base's copies and has none of its own to scale. Nothing was changed; configure autoscaling on "${base}".`);
    }
    (0,components_component/* reportComponent */.wc)(ctx, component);
    const where = `inference component "${name}"`;
    const scalable = (0,autoscaling/* componentScalable */.Bl)(name);
    const before = await (0,autoscaling/* describeScaling */.Rk)(ctx, scalable);
    ctx.note(before
        ? `Before: ${where} scaled ${(0,autoscaling/* formatVariantScaling */.Qp)(before, 'copies')}.`
        : `Before: ${where} had no autoscaling.`);
    refuseZeroWithNoWayBack(name, settings, before);
    const copies = component.RuntimeConfig?.DesiredCopyCount;
    if (copies !== undefined && (copies < settings.minCapacity || copies > settings.maxCapacity)) {
        const bound = copies < settings.minCapacity ? settings.minCapacity : settings.maxCapacity;
        ctx.warn(`Inference component "${name}" runs ${copies} copies, outside ${settings.minCapacity} to ${settings.maxCapacity}: Application Auto Scaling will move it to ${bound}.`);
    }
    const adapters = await (0,components_component/* adaptersOf */.Yr)(ctx, name);
    await (0,autoscaling/* registerScaling */.Lp)(ctx, scalable, {
        minCapacity: settings.minCapacity,
        maxCapacity: settings.maxCapacity,
        policies: [componentTrackingPolicy(settings)],
        scheduledActions: []
    });
    const unit = SCALING_METRIC_DETAILS[settings.scalingMetric].unit;
    ctx.note(`${ctx.dryRun ? 'Would set' : 'Now'}: ${where} scales from ${settings.minCapacity} to ${settings.maxCapacity} copies, tracking ${settings.scalingMetric} at ${settings.targetValue} (${unit}), scale-in cooldown ${settings.scaleInCooldownSeconds}s, scale-out cooldown ${settings.scaleOutCooldownSeconds}s (policy "${autoscaling/* TARGET_TRACKING_POLICY_NAME */.xX}").`);
    if (settings.minCapacity === 0) {
        ctx.note(`At 0 copies the component answers no requests until its step scaling policy brings a copy back, which takes minutes.`);
    }
    noteWhatStays(ctx, where, before);
    (0,components_component/* noteAdapters */.j1)(ctx, name, adapters);
}
/**
 * Target tracking alone never scales out of zero copies (no copy publishes the metric it tracks): min-capacity 0 is
 * taken only for a component that already has a step scaling policy, as AWS's way out of zero is one, invoked by an
 * alarm on NoCapacityInvocationFailures.
 */
function refuseZeroWithNoWayBack(name, settings, before) {
    if (settings.minCapacity !== 0 || before?.policies.some((policy) => policy.PolicyType === 'StepScaling'))
        return;
    throw new Error(`Input "min-capacity" is 0, but nothing would bring inference component "${name}" back from zero copies: target tracking scales on a metric no copy publishes then, and every request would fail until someone added a copy. Nothing was changed. Set min-capacity to 1 or more, or first give the component a step scaling policy that adds a copy, invoked by a CloudWatch alarm on its NoCapacityInvocationFailures metric, as AWS describes: https://docs.aws.amazon.com/sagemaker/latest/dg/endpoint-auto-scaling-zero-instances.html (this operation keeps that policy).`);
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
    throw new Error(`Input "scaling-metric": endpoint "${ctx.endpointName}" is asynchronous (its config "${config?.EndpointConfigName}" has an AsyncInferenceConfig), and SageMaker publishes no InvocationsPerInstance for it, so a policy tracking it would never scale; nothing was changed. Register a target-tracking policy on ApproximateBacklogSizePerInstance with Application Auto Scaling, as AWS advises for asynchronous endpoints, or track CPUUtilization.`);
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
