export const id = 328;
export const ids = [328];
export const modules = {

/***/ 9328:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runRollback: () => (/* binding */ runRollback)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(5763);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9378);
/* harmony import */ var _endpoint_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3150);
/* harmony import */ var _lineage_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4681);
/* harmony import */ var _tags_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9506);
/* harmony import */ var _resources_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1461);
/* harmony import */ var _rollout_executor_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2894);
/* harmony import */ var _rollout_in_flight_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5453);
/* harmony import */ var _rollout_moves_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(5307);
/* harmony import */ var _rollout_result_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(3752);
/* harmony import */ var _rollout_scaling_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(127);
/* harmony import */ var _wait_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(910);
/**
 * rollback: return the endpoint to the config the user names, or by default to
 * the one recorded on its current config as serving before the last deploy.
 * The target is found by following tags from whatever config is current, never
 * by listing configs by name, so it works after any number of deploys and never
 * lands on a config of an endpoint whose name merely shares a prefix.
 */













/** A recorded chain longer than this is a tagging loop, not history. */
const MAX_CHAIN = 50;
async function runRollback(ctx, settings) {
    // Another run's update may be moving the endpoint: the current config is only known once it settles.
    const endpoint = await (0,_wait_js__WEBPACK_IMPORTED_MODULE_11__/* .waitUntilUpdatable */ .we)(ctx);
    if (!endpoint) {
        throw new Error(`Endpoint "${ctx.endpointName}" does not exist in ${ctx.settings.region}; there is nothing to roll back.`);
    }
    const currentName = endpoint.EndpointConfigName ?? '';
    ctx.output('previous-endpoint-config-name', currentName);
    (0,_rollout_result_js__WEBPACK_IMPORTED_MODULE_9__/* .setRolloutOutputs */ .qv)(ctx, { rolledBack: false });
    if (settings.endpointConfigName === currentName) {
        return alreadyThere(ctx, endpoint, currentName);
    }
    const target = settings.endpointConfigName !== undefined
        ? await chosenTarget(ctx, settings.endpointConfigName)
        : await recordedTarget(ctx, currentName);
    const targetName = target.config.EndpointConfigName ?? '';
    if (targetName === currentName)
        return alreadyThere(ctx, endpoint, currentName);
    const models = (0,_lineage_js__WEBPACK_IMPORTED_MODULE_3__/* .modelsOf */ .Wh)(target.config);
    await checkModelsExist(ctx, targetName, models);
    const moves = (0,_rollout_moves_js__WEBPACK_IMPORTED_MODULE_8__/* .rollbackMoves */ .BI)(await standingOf(ctx, endpoint, target));
    ctx.note(`Rolling endpoint "${ctx.endpointName}" back from config "${currentName}" to "${targetName}".`);
    let settled;
    try {
        settled = await (0,_rollout_executor_js__WEBPACK_IMPORTED_MODULE_6__/* .carryOutRollback */ .Wy)(ctx, moves);
    }
    catch (error) {
        // Show where the endpoint actually is (SageMaker may have returned it to the old config) before failing.
        if (error instanceof _wait_js__WEBPACK_IMPORTED_MODULE_11__/* .EndpointStateError */ .D7 && error.endpoint)
            await (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_2__/* .reportEndpoint */ .Us)(ctx, error.endpoint);
        throw error;
    }
    await (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_2__/* .reportEndpoint */ .Us)(ctx, settled ?? (await (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_2__/* .findEndpoint */ .vS)(ctx)) ?? endpoint);
    // Without waiting (or in a dry run) the endpoint may still show the old config: the output names where it is going.
    ctx.output('endpoint-config-name', targetName);
    if (models.length > 0)
        ctx.output('model-name', models.join(','));
    // A dry run rolled nothing back; without waiting, the update was accepted and endpoint-status says it is still Updating.
    (0,_rollout_result_js__WEBPACK_IMPORTED_MODULE_9__/* .setRolloutOutputs */ .qv)(ctx, { rolledBack: !ctx.dryRun });
}
/**
 * Where the endpoint stands for the way back to `target`: the target's
 * fleet, the autoscaling in the way, and, when the current config is a
 * paused canary's, its new variant, whose traffic stops first (seconds)
 * before the config changes. The return waits only when asked to.
 */
async function standingOf(ctx, endpoint, target) {
    const currentName = endpoint.EndpointConfigName ?? '';
    const targetName = target.config.EndpointConfigName ?? '';
    const variants = target.config.ProductionVariants ?? [];
    const scaling = await (0,_rollout_scaling_js__WEBPACK_IMPORTED_MODULE_10__/* .scalingMovesFor */ .ZD)(ctx, endpoint, await (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_2__/* .findEndpointConfig */ .NW)(ctx, currentName), variants, targetName);
    const leaving = await (0,_lineage_js__WEBPACK_IMPORTED_MODULE_3__/* .readTaggedConfig */ .ZV)(ctx, currentName);
    const newVariant = leaving?.lineage.role === 'canary' ? leaving.lineage.newVariant : undefined;
    return {
        target: targetName,
        fleet: (0,_resources_js__WEBPACK_IMPORTED_MODULE_5__/* .fleetSize */ .oE)(variants),
        endpoint,
        ...(newVariant
            ? { canary: { canaryConfig: currentName, newVariant, oldVariants: (0,_rollout_in_flight_js__WEBPACK_IMPORTED_MODULE_7__/* .servingShares */ .x1)(endpoint, newVariant) } }
            : {}),
        scaling,
        waits: ctx.settings.waitForCompletion
    };
}
async function alreadyThere(ctx, endpoint, configName) {
    const message = `Endpoint "${ctx.endpointName}" already runs config "${configName}"; nothing to roll back.`;
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .notice */ .lm(message);
    ctx.note(message);
    await (0,_endpoint_js__WEBPACK_IMPORTED_MODULE_2__/* .reportEndpoint */ .Us)(ctx, endpoint);
}
/** The config the user named: theirs to choose, unless it belongs to another endpoint or to a canary. */
async function chosenTarget(ctx, configName) {
    const target = await (0,_lineage_js__WEBPACK_IMPORTED_MODULE_3__/* .readTaggedConfig */ .ZV)(ctx, configName);
    if (!target) {
        throw new Error(`Input "endpoint-config-name" names endpoint config "${configName}", which does not exist in ${ctx.settings.region}; nothing was changed.`);
    }
    refuseForeign(ctx, target);
    if (target.lineage.role === 'canary') {
        throw new Error(`Endpoint config "${configName}" exists only for the duration of a canary rollout (tag ${_tags_js__WEBPACK_IMPORTED_MODULE_4__/* .TAGS */ .gp.role}=canary) and is never a rollback target; nothing was changed.`);
    }
    return target;
}
/**
 * Follows the previous-config tag from the current config. A canary config in
 * the chain (a deploy that started while a canary was paused records one) is
 * stepped over to the release it was built on.
 */
async function recordedTarget(ctx, currentName) {
    const passHint = 'Pass endpoint-config-name to choose the config to return to.';
    const current = await (0,_lineage_js__WEBPACK_IMPORTED_MODULE_3__/* .readTaggedConfig */ .ZV)(ctx, currentName);
    if (!current) {
        throw new Error(`Endpoint "${ctx.endpointName}" runs config "${currentName}", which no longer exists, so the config before it is unknown. ${passHint}`);
    }
    if (current.lineage.endpoint !== ctx.endpointName) {
        const whose = current.lineage.endpoint
            ? `was made for endpoint "${current.lineage.endpoint}"`
            : `has no ${_tags_js__WEBPACK_IMPORTED_MODULE_4__/* .TAGS */ .gp.endpoint} tag (it was not deployed by this action)`;
        throw new Error(`No previous config is recorded for endpoint "${ctx.endpointName}": its current config "${currentName}" ${whose}. ${passHint}`);
    }
    const seen = new Set([currentName]);
    let from = current;
    for (let hop = 0; hop < MAX_CHAIN; hop++) {
        const fromName = from.config.EndpointConfigName ?? '';
        const previousName = from.lineage.previousConfig;
        if (!previousName) {
            throw new Error(`No previous config is recorded for endpoint "${ctx.endpointName}": config "${fromName}" has no ${_tags_js__WEBPACK_IMPORTED_MODULE_4__/* .TAGS */ .gp.previousConfig} tag (it was the endpoint's first deploy by this action). ${passHint}`);
        }
        if (seen.has(previousName)) {
            throw new Error(`The configs recorded as previous for endpoint "${ctx.endpointName}" form a loop at "${previousName}". ${passHint}`);
        }
        seen.add(previousName);
        const previous = await (0,_lineage_js__WEBPACK_IMPORTED_MODULE_3__/* .readTaggedConfig */ .ZV)(ctx, previousName);
        if (!previous) {
            throw new Error(`The config that served endpoint "${ctx.endpointName}" before "${fromName}" was "${previousName}", which no longer exists; nothing was changed. ${passHint}`);
        }
        refuseForeign(ctx, previous);
        if (previous.lineage.role !== 'canary')
            return previous;
        ctx.note(`Stepped over canary config "${previousName}": canary configs are never rollback targets.`);
        from = previous;
    }
    throw new Error(`The previous-config chain of endpoint "${ctx.endpointName}" is longer than ${MAX_CHAIN}. ${passHint}`);
}
function refuseForeign(ctx, target) {
    const owner = target.lineage.endpoint;
    if (owner !== undefined && owner !== ctx.endpointName) {
        throw new Error(`Endpoint config "${target.config.EndpointConfigName}" belongs to endpoint "${owner}" (tag ${_tags_js__WEBPACK_IMPORTED_MODULE_4__/* .TAGS */ .gp.endpoint}), not "${ctx.endpointName}"; the action never rolls an endpoint onto another endpoint's config. Nothing was changed.`);
    }
}
/** UpdateEndpoint would accept a config whose model is gone and then fail minutes later: refuse it now. */
async function checkModelsExist(ctx, configName, models) {
    const missing = [];
    for (const model of models) {
        try {
            await (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .awsCall */ .uF)('DescribeModel', `model "${model}"`, () => ctx.clients.sagemaker.send(new _aws_sdk_client_sagemaker__WEBPACK_IMPORTED_MODULE_12__/* .DescribeModelCommand */ .u({ ModelName: model })));
        }
        catch (error) {
            if (!(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isNotFound */ .c4)(error))
                throw error;
            missing.push(model);
        }
    }
    if (missing.length > 0) {
        throw new Error(`Cannot roll back to endpoint config "${configName}": its ${missing.length === 1 ? 'model' : 'models'} ${missing
            .map((name) => `"${name}"`)
            .join(', ')} no longer ${missing.length === 1 ? 'exists' : 'exist'}. Nothing was changed.`);
    }
}


/***/ })

};
