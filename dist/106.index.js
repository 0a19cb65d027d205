export const id = 106;
export const ids = [106];
export const modules = {

/***/ 8106:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runDeleteAutoscaling: () => (/* binding */ runDeleteAutoscaling)
/* harmony export */ });
/* harmony import */ var _autoscaling_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5262);
/* harmony import */ var _components_component_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1741);
/* harmony import */ var _endpoint_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3150);
/* harmony import */ var _serverless_variant_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8609);
/**
 * delete-autoscaling: remove the variant's scaling policies and scheduled
 * actions and deregister it from Application Auto Scaling. The variant keeps
 * the instance count it has at that moment; with inference-component-name,
 * the component keeps the copies it runs.
 */




async function runDeleteAutoscaling(ctx, settings) {
    const component = ctx.settings.inferenceComponentName;
    if (component !== undefined)
        return deleteComponentScaling(ctx, component);
    const endpoint = await (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_2__/* .findEndpoint */ .vS)(ctx);
    let variantName;
    if (endpoint) {
        variantName = (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_2__/* .resolveVariant */ .KC)(endpoint, settings.variantName);
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
        const message = `No autoscaling is registered for ${where}: nothing to delete.${(0,_serverless_variant_js__WEBPACK_IMPORTED_MODULE_3__/* .serverlessScalingNote */ .Kk)(endpoint, variantName)}`;
        ctx.warn(message);
    }
    else {
        await (0,_autoscaling_js__WEBPACK_IMPORTED_MODULE_0__/* .deregisterVariantScaling */ .dG)(ctx, ctx.endpointName, variantName, scaling);
        ctx.note(`${ctx.dryRun ? 'Would remove' : 'Removed'} autoscaling from ${where} (was ${(0,_autoscaling_js__WEBPACK_IMPORTED_MODULE_0__/* .formatVariantScaling */ .Qp)(scaling)}).`);
    }
    if (endpoint)
        await (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_2__/* .reportEndpoint */ .Us)(ctx, endpoint);
}
/** A registration can outlive its component: it is removed whether or not the component is still there. */
async function deleteComponentScaling(ctx, name) {
    const component = await (0,_components_component_js__WEBPACK_IMPORTED_MODULE_1__/* .findComponent */ .Tn)(ctx, name);
    if (component && component.EndpointName !== ctx.endpointName) {
        throw new Error(`Inference component "${name}" runs on endpoint "${component.EndpointName}", not "${ctx.endpointName}"; nothing was changed.`);
    }
    if (!component) {
        ctx.note(`Inference component "${name}" does not exist in ${ctx.settings.region}; looking for autoscaling still registered for it.`);
    }
    const where = `inference component "${name}"`;
    const scalable = (0,_autoscaling_js__WEBPACK_IMPORTED_MODULE_0__/* .componentScalable */ .Bl)(name);
    const scaling = await (0,_autoscaling_js__WEBPACK_IMPORTED_MODULE_0__/* .describeScaling */ .Rk)(ctx, scalable);
    if (!scaling) {
        ctx.warn(`No autoscaling is registered for ${where}: nothing to delete.`);
    }
    else {
        await (0,_autoscaling_js__WEBPACK_IMPORTED_MODULE_0__/* .deregisterScaling */ .cV)(ctx, scalable, scaling);
        ctx.note(`${ctx.dryRun ? 'Would remove' : 'Removed'} autoscaling from ${where} (was ${(0,_autoscaling_js__WEBPACK_IMPORTED_MODULE_0__/* .formatVariantScaling */ .Qp)(scaling, 'copies')}); it keeps the copies it runs.`);
    }
    if (component)
        (0,_components_component_js__WEBPACK_IMPORTED_MODULE_1__/* .reportComponent */ .wc)(ctx, component);
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
