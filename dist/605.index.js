export const id = 605;
export const ids = [605];
export const modules = {

/***/ 9605:
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
// EXTERNAL MODULE: ./src/endpoint.ts
var src_endpoint = __webpack_require__(3150);
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
    await refuseOutsideScalingRange(ctx, name, requested);
    const adapters = await (0,components_component/* adaptersOf */.Yr)(ctx, name);
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
/** Application Auto Scaling would move the copies back inside the range registered for the component. */
async function refuseOutsideScalingRange(ctx, name, requested) {
    const target = await (0,autoscaling/* describeTarget */.ff)(ctx, (0,autoscaling/* componentScalable */.Bl)(name));
    if (!target)
        return;
    const min = target.MinCapacity ?? 0;
    const max = target.MaxCapacity ?? 0;
    if (requested >= min && requested <= max)
        return;
    throw new Error(`Input "copy-count" is ${requested}, outside the autoscaling range registered for inference component "${name}" (${min} to ${max} copies): Application Auto Scaling would undo the change. Change the range with configure-autoscaling, or remove it with delete-autoscaling, first. Nothing was changed.`);
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
 * Refused when autoscaling would undo it.
 */





async function runUpdateCapacity(ctx, settings) {
    if ('componentName' in settings)
        return updateComponentCopies(ctx, settings.componentName, settings.copyCount);
    const endpoint = await (0,wait/* requireUpdatable */.Mc)(ctx);
    const variantName = (0,src_endpoint/* resolveVariant */.KC)(endpoint, settings.variantName);
    ctx.output('variant-name', variantName);
    const where = `variant "${variantName}" of endpoint "${ctx.endpointName}"`;
    const requested = settings.instanceCount;
    const scaling = await (0,autoscaling/* describeVariantScaling */.oM)(ctx, ctx.endpointName, variantName);
    if (scaling && (requested < scaling.minCapacity || requested > scaling.maxCapacity)) {
        throw new Error(`Input "instance-count" is ${requested}, outside the autoscaling range registered for ${where} (${scaling.minCapacity} to ${scaling.maxCapacity}): Application Auto Scaling would undo the change. Change the range with configure-autoscaling, or remove it with delete-autoscaling, first.`);
    }
    const live = endpoint.ProductionVariants?.find((variant) => variant.VariantName === variantName);
    const before = live ? (0,src_endpoint/* liveInstanceCount */.xZ)(live) : undefined;
    if (before === requested && live?.DesiredInstanceCount === requested) {
        ctx.note(`Variant "${variantName}" already has ${requested} instance(s); nothing to change.`);
        await (0,src_endpoint/* reportEndpoint */.Us)(ctx, endpoint);
        return;
    }
    // Weights are left out, so SageMaker keeps them as they are.
    const input = {
        EndpointName: ctx.endpointName,
        DesiredWeightsAndCapacities: [{ VariantName: variantName, DesiredInstanceCount: requested }]
    };
    await ctx.change('UpdateEndpointWeightsAndCapacities', where, input, () => ctx.clients.sagemaker.send(new UpdateEndpointWeightsAndCapacitiesCommand/* UpdateEndpointWeightsAndCapacitiesCommand */.G(input)));
    const change = `${before ?? 'an unknown number of'} to ${requested} instance(s)`;
    if (ctx.dryRun || !ctx.settings.waitForCompletion) {
        ctx.note(`${ctx.dryRun ? 'Would change' : 'Asked SageMaker to change'} ${where} from ${change}.`);
        await (0,src_endpoint/* reportEndpoint */.Us)(ctx, endpoint);
        return;
    }
    const settled = await (0,wait/* waitForInService */.pP)(ctx, endpoint.EndpointConfigName ?? '', 'the capacity change');
    const after = settled.ProductionVariants?.find((variant) => variant.VariantName === variantName);
    const count = after ? (0,src_endpoint/* liveInstanceCount */.xZ)(after) : undefined;
    await (0,src_endpoint/* reportEndpoint */.Us)(ctx, settled);
    if (count !== requested) {
        // A capacity change SageMaker could not make leaves the endpoint InService on the old count.
        if (settled.FailureReason) {
            throw new Error(`SageMaker did not change ${where} to ${requested} instance(s); it has ${count ?? 'none'}. FailureReason: ${settled.FailureReason}`);
        }
        ctx.warn(`Variant "${variantName}" has ${count ?? 'no'} instance(s) after the change to ${requested}${scaling ? ': autoscaling may have moved it already' : ''}.`);
    }
    ctx.note(`Changed ${where} from ${change}.`);
}


/***/ })

};
