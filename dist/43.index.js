export const id = 43;
export const ids = [43];
export const modules = {

/***/ 2043:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runConfigureAutoscaling: () => (/* binding */ runConfigureAutoscaling)
});

// EXTERNAL MODULE: ./src/autoscaling.ts + 9 modules
var autoscaling = __webpack_require__(5262);
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
    throw new Error(`Input "scaling-metric": endpoint "${ctx.endpointName}" is asynchronous (its config "${config?.EndpointConfigName}" has an AsyncInferenceConfig), and SageMaker publishes no InvocationsPerInstance for it, so a policy tracking it would never scale; nothing was changed. Track CPUUtilization or ModelLatency, or register a target-tracking policy on ApproximateBacklogSizePerInstance with Application Auto Scaling, as AWS advises for asynchronous endpoints.`);
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


/***/ })

};
