export const id = 72;
export const ids = [72];
export const modules = {

/***/ 4219:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ DeleteEndpointConfigCommand)
/* harmony export */ });
/* harmony import */ var _commandBuilder__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2319);
/* harmony import */ var _schemas_schemas_0__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1268);


class DeleteEndpointConfigCommand extends (0,_commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* .command */ .G5)(_commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* ._ep0 */ .lq, _commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* ._mw0 */ .yt, "DeleteEndpointConfig", _schemas_schemas_0__WEBPACK_IMPORTED_MODULE_1__/* .DeleteEndpointConfig$ */ .P8J) {
}


/***/ }),

/***/ 8708:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ DeleteInferenceComponentCommand)
/* harmony export */ });
/* harmony import */ var _commandBuilder__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2319);
/* harmony import */ var _schemas_schemas_0__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1268);


class DeleteInferenceComponentCommand extends (0,_commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* .command */ .G5)(_commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* ._ep0 */ .lq, _commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* ._mw0 */ .yt, "DeleteInferenceComponent", _schemas_schemas_0__WEBPACK_IMPORTED_MODULE_1__/* .DeleteInferenceComponent$ */ .qWT) {
}


/***/ }),

/***/ 6329:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ DeleteModelCommand)
/* harmony export */ });
/* harmony import */ var _commandBuilder__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2319);
/* harmony import */ var _schemas_schemas_0__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1268);


class DeleteModelCommand extends (0,_commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* .command */ .G5)(_commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* ._ep0 */ .lq, _commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* ._mw0 */ .yt, "DeleteModel", _schemas_schemas_0__WEBPACK_IMPORTED_MODULE_1__/* .DeleteModel$ */ .rNw) {
}


/***/ }),

/***/ 1741:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Yr: () => (/* binding */ adaptersOf),
  bx: () => (/* binding */ baseOf),
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

// UNUSED EXPORTS: COMPONENT_TRANSITIONS, componentsOn

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

/***/ 4681:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  _F: () => (/* binding */ configTags),
  I$: () => (/* binding */ inUseByOtherEndpoints),
  Wh: () => (/* binding */ modelsOf),
  ZV: () => (/* binding */ readTaggedConfig),
  Fg: () => (/* binding */ tagsOf)
});

// UNUSED EXPORTS: lineageOf

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commandBuilder.js
var commandBuilder = __webpack_require__(2319);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/schemas/schemas_0.js + 2 modules
var schemas_0 = __webpack_require__(1268);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commands/ListTagsCommand.js


class ListTagsCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "ListTags", schemas_0/* ListTags$ */.SsF) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commands/ListEndpointsCommand.js


class ListEndpointsCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "ListEndpoints", schemas_0/* ListEndpoints$ */.BlX) {
}

// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/endpoint.ts
var endpoint = __webpack_require__(3150);
// EXTERNAL MODULE: ./src/tags.ts
var src_tags = __webpack_require__(9506);
;// CONCATENATED MODULE: ./src/lineage.ts
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
    const endpoint = tags[src_tags/* TAGS */.gp.endpoint];
    const previousConfig = tags[src_tags/* TAGS */.gp.previousConfig];
    const role = tags[src_tags/* TAGS */.gp.role];
    const newVariant = tags[src_tags/* TAGS */.gp.newVariant];
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
    const tags = await (0,errors/* collectPages */.VV)('ListTags', resource, (page) => ctx.clients.sagemaker.send(new ListTagsCommand({ ResourceArn: arn, MaxResults: 100, ...page })), (page) => page.Tags);
    return Object.fromEntries(tags.filter((tag) => tag.Key !== undefined).map((tag) => [tag.Key, tag.Value ?? '']));
}
/** A config with its tags read; undefined when the config does not exist. */
async function readTaggedConfig(ctx, configName) {
    const config = await (0,endpoint/* findEndpointConfig */.NW)(ctx, configName);
    if (!config)
        return undefined;
    const tags = await configTags(ctx, config);
    return { config, tags, lineage: lineageOf(tags) };
}
/** Every model a config runs, shadow variants included, each once. */
function modelsOf(config) {
    const variants = [...(config.ProductionVariants ?? []), ...(config.ShadowProductionVariants ?? [])];
    return [...new Set(variants.map((variant) => variant.ModelName).filter((name) => !!name))];
}
async function listEndpoints(ctx) {
    return (0,errors/* collectPages */.VV)('ListEndpoints', `endpoints in ${ctx.settings.region}`, (page) => ctx.clients.sagemaker.send(new ListEndpointsCommand({ MaxResults: 100, ...page })), (page) => page.Endpoints);
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
    const described = await mapLimited(others, SCAN_CONCURRENCY, (summary) => (0,endpoint/* findEndpoint */.vS)(ctx, summary.EndpointName));
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
    const configs = await mapLimited(configNames, SCAN_CONCURRENCY, (name) => (0,endpoint/* findEndpointConfig */.NW)(ctx, name));
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

/***/ 5072:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runDelete: () => (/* binding */ runDelete)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commandBuilder.js
var commandBuilder = __webpack_require__(2319);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/schemas/schemas_0.js + 2 modules
var schemas_0 = __webpack_require__(1268);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commands/DeleteEndpointCommand.js


class DeleteEndpointCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "DeleteEndpoint", schemas_0/* DeleteEndpoint$ */.tGx) {
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commands/DeleteEndpointConfigCommand.js
var DeleteEndpointConfigCommand = __webpack_require__(4219);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commands/DeleteModelCommand.js
var DeleteModelCommand = __webpack_require__(6329);
// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/endpoint.ts
var src_endpoint = __webpack_require__(3150);
// EXTERNAL MODULE: ./src/lineage.ts + 2 modules
var lineage = __webpack_require__(4681);
// EXTERNAL MODULE: ./src/wait.ts
var wait = __webpack_require__(910);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commands/DeleteInferenceComponentCommand.js
var DeleteInferenceComponentCommand = __webpack_require__(8708);
// EXTERNAL MODULE: ./src/components/component.ts + 2 modules
var components_component = __webpack_require__(1741);
;// CONCATENATED MODULE: ./src/operations/delete-component.ts
/**
 * delete with inference-component-name: remove the component, and the
 * endpoint only when delete-endpoint asks and no other component runs on it.
 * A base whose adapters still run is refused: they run inside its copies
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/realtime-endpoints-adapt.html).
 * Everything is read, and every refusal made, before the first deletion.
 */



/** Deletes the component; true when the endpoint is to be deleted after it. */
async function deleteComponent(ctx, name, settings) {
    const component = await (0,components_component/* findComponent */.Tn)(ctx, name);
    if (!component || component.EndpointName !== ctx.endpointName)
        return missing(ctx, name, settings, component);
    const others = (await (0,components_component/* describeComponentsOn */.he)(ctx)).filter((other) => other.InferenceComponentName !== name);
    refuseWhatWouldBreak(ctx, name, settings, others);
    (0,components_component/* reportComponent */.wc)(ctx, component);
    await sendDelete(ctx, name, component);
    const model = component.Specification?.ModelName;
    if (model)
        ctx.note(`Kept model "${model}" of the component: the action deletes only the endpoint's own models.`);
    if (!settings.deleteEndpoint)
        ctx.note(`Kept endpoint "${ctx.endpointName}" (delete-endpoint is false).`);
    if (ctx.dryRun)
        return settings.deleteEndpoint;
    if (!ctx.settings.waitForCompletion && !settings.deleteEndpoint)
        return false;
    // SageMaker refuses to delete an endpoint while a component on it is still being deleted.
    const remaining = await (0,components_component/* waitForComponent */.mt)(ctx, name, 'the deletion');
    if (remaining) {
        throw new Error(`Inference component "${name}" is ${remaining.InferenceComponentStatus} after DeleteInferenceComponent, not gone${remaining.FailureReason ? ` (FailureReason: ${remaining.FailureReason})` : ''}; the endpoint was kept.`);
    }
    ctx.output('inference-component-status', 'Deleted');
    return settings.deleteEndpoint;
}
function missing(ctx, name, settings, component) {
    if (component) {
        throw new Error(`Inference component "${name}" runs on endpoint "${component.EndpointName}", not "${ctx.endpointName}"; nothing was deleted.`);
    }
    const message = `Inference component "${name}" does not exist in ${ctx.settings.region}`;
    if (!settings.ignoreMissing)
        throw new Error(`${message}; nothing to delete. Set ignore-missing: true if that is expected.`);
    ctx.warn(`${message}; nothing was deleted (ignore-missing is true).`);
    ctx.output('inference-component-status', 'Deleted');
    return false;
}
/** Adapters would lose the copies they run in; delete-endpoint would take other components with it. */
function refuseWhatWouldBreak(ctx, name, settings, others) {
    const adapters = others.filter((other) => (0,components_component/* baseOf */.bx)(other) === name).map((other) => `"${other.InferenceComponentName}"`);
    if (adapters.length > 0) {
        throw new Error(`Inference component "${name}" is the base of adapter components ${adapters.join(', ')}, which run inside its copies. Nothing was deleted; delete the adapters first.`);
    }
    if (!settings.deleteEndpoint || others.length === 0)
        return;
    throw new Error(`Input "delete-endpoint": endpoint "${ctx.endpointName}" also runs inference components ${others.map((other) => `"${other.InferenceComponentName}"`).join(', ')}, so it cannot go with "${name}". Nothing was deleted; set delete-endpoint: false to delete the component alone.`);
}
async function sendDelete(ctx, name, component) {
    if (component.InferenceComponentStatus === 'Deleting') {
        ctx.note(`Inference component "${name}" was already being deleted.`);
        return;
    }
    const input = { InferenceComponentName: name };
    try {
        await ctx.change('DeleteInferenceComponent', `inference component "${name}"`, input, () => ctx.clients.sagemaker.send(new DeleteInferenceComponentCommand/* DeleteInferenceComponentCommand */.n(input)));
        ctx.note(`${ctx.dryRun ? 'Would delete' : 'Deleted'} inference component "${name}".`);
    }
    catch (error) {
        if (!(0,errors/* isNotFound */.c4)(error))
            throw error;
        ctx.note(`Inference component "${name}" was deleted by someone else meanwhile.`);
    }
}

;// CONCATENATED MODULE: ./src/operations/delete.ts
/**
 * delete: remove the endpoint, then (staged, once it is gone) its config and
 * its models. Everything is read before anything is deleted, so a missing
 * permission or a typo stops the run while nothing has changed yet. With
 * inference-component-name the component goes first (delete-component.ts),
 * and the endpoint only when delete-endpoint asks.
 */







/**
 * `endpoint-status` once the endpoint no longer exists. With ignore-missing an
 * endpoint that was never there reports it too: the step promises "no such
 * endpoint afterwards", and downstream steps can test one value for that.
 */
const GONE = 'Deleted';
async function runDelete(ctx, settings) {
    const component = ctx.settings.inferenceComponentName;
    if (component !== undefined && !(await deleteComponent(ctx, component, settings)))
        return;
    const found = await (0,src_endpoint/* findEndpoint */.vS)(ctx);
    if (!found) {
        const message = `Endpoint "${ctx.endpointName}" does not exist in ${ctx.settings.region}`;
        if (!settings.ignoreMissing) {
            throw new Error(`${message}; nothing to delete. Set ignore-missing: true if that is expected.`);
        }
        // Without the endpoint its config and models are unknown: guessing them by name could delete another endpoint's.
        ctx.warn(`${message}; nothing was deleted (ignore-missing is true).`);
        ctx.note(`${message}; nothing was deleted.`);
        ctx.output('endpoint-status', GONE);
        return;
    }
    const endpoint = await settleBeforeDelete(ctx, found);
    const configName = (endpoint ?? found).EndpointConfigName;
    const config = configName ? await (0,src_endpoint/* findEndpointConfig */.NW)(ctx, configName) : undefined;
    const models = config ? (0,lineage/* modelsOf */.Wh)(config) : [];
    reportTargets(ctx, endpoint ?? found, config, models);
    const inUse = await scanOtherEndpoints(ctx, settings);
    if (endpoint)
        await deleteEndpoint(ctx, endpoint);
    else
        ctx.note(`Endpoint "${ctx.endpointName}" was deleted by someone else while this run waited for it.`);
    if (!ctx.dryRun && !(await waitUntilGone(ctx, endpoint))) {
        // Not waiting: SageMaker only warns against deleting the config of a live or changing endpoint, and this one is Deleting.
        ctx.output('endpoint-status', 'Deleting');
    }
    if (configName)
        await deleteConfig(ctx, settings, configName, config, inUse);
    await deleteModels(ctx, settings, models, inUse);
}
/**
 * SageMaker refuses to delete an endpoint mid-transition (Creating, Updating,
 * SystemUpdating...), so that is waited out first. Undefined when the endpoint
 * disappeared meanwhile.
 */
async function settleBeforeDelete(ctx, endpoint) {
    const status = endpoint.EndpointStatus ?? '';
    if (status === 'Deleting' || !src_endpoint/* TRANSITIONAL_STATUSES */.kQ.includes(status))
        return endpoint;
    if (ctx.dryRun) {
        ctx.note(`Endpoint "${ctx.endpointName}" is ${status}; a real run would wait for that to finish before deleting.`);
        return endpoint;
    }
    core/* info */.pq(`Endpoint "${ctx.endpointName}" is ${status}; waiting for that to finish before deleting it.`);
    return (0,wait/* waitForSettled */.SG)(ctx, `the endpoint's ${status} to finish before deleting it`);
}
function reportTargets(ctx, endpoint, config, models) {
    // The variant table shows what is being deleted: the last view of the endpoint anyone will get.
    ctx.report.variants = (0,src_endpoint/* variantRows */.LQ)(endpoint, config);
    if (endpoint.EndpointArn)
        ctx.output('endpoint-arn', endpoint.EndpointArn);
    if (endpoint.EndpointStatus)
        ctx.output('endpoint-status', endpoint.EndpointStatus);
    if (endpoint.EndpointConfigName)
        ctx.output('endpoint-config-name', endpoint.EndpointConfigName);
    // Every model the config ran, deleted or kept: the notes say which.
    if (models.length > 0)
        ctx.output('model-name', models.join(','));
}
async function scanOtherEndpoints(ctx, settings) {
    if (!settings.deleteEndpointConfig && !settings.deleteModel)
        return { configs: new Map(), models: new Map() };
    return (0,lineage/* inUseByOtherEndpoints */.I$)(ctx, ctx.endpointName, { models: settings.deleteModel });
}
async function deleteEndpoint(ctx, endpoint) {
    if (endpoint.EndpointStatus === 'Deleting') {
        ctx.note(`Endpoint "${ctx.endpointName}" was already being deleted.`);
        return;
    }
    const input = { EndpointName: ctx.endpointName };
    try {
        await ctx.change('DeleteEndpoint', `endpoint "${ctx.endpointName}"`, input, () => ctx.clients.sagemaker.send(new DeleteEndpointCommand(input)));
        ctx.note(`${ctx.dryRun ? 'Would delete' : 'Deleted'} endpoint "${ctx.endpointName}".`);
    }
    catch (error) {
        if (!(0,errors/* isNotFound */.c4)(error))
            throw error;
        ctx.note(`Endpoint "${ctx.endpointName}" was deleted by someone else meanwhile.`);
    }
}
/** True when the endpoint is known to be gone; false when the run was told not to wait. */
async function waitUntilGone(ctx, endpoint) {
    if (endpoint && !ctx.settings.waitForCompletion)
        return false;
    const remaining = endpoint ? await (0,wait/* waitForSettled */.SG)(ctx, 'the deletion') : undefined;
    if (remaining) {
        // The config and models stay: the endpoint still exists and may still need them.
        throw new wait/* EndpointStateError */.D7(`Endpoint "${ctx.endpointName}" is ${remaining.EndpointStatus} after DeleteEndpoint, not gone; its config and models were kept.${remaining.FailureReason ? ` FailureReason: ${remaining.FailureReason}` : ''}`, remaining);
    }
    ctx.output('endpoint-status', GONE);
    return true;
}
async function deleteConfig(ctx, settings, configName, config, inUse) {
    if (!settings.deleteEndpointConfig) {
        ctx.note(`Kept endpoint config "${configName}" (delete-endpoint-config is false).`);
        return;
    }
    if (!config) {
        ctx.warn(`Endpoint config "${configName}" no longer existed; its models could not be read.`);
        ctx.note(`Endpoint config "${configName}" no longer existed.`);
        return;
    }
    const users = inUse.configs.get(configName);
    if (users) {
        const message = `Kept endpoint config "${configName}": ${describeUsers(users)} it.`;
        ctx.warn(message);
        return;
    }
    const input = { EndpointConfigName: configName };
    try {
        await ctx.change('DeleteEndpointConfig', `endpoint config "${configName}"`, input, () => ctx.clients.sagemaker.send(new DeleteEndpointConfigCommand/* DeleteEndpointConfigCommand */.W(input)));
        ctx.note(`${ctx.dryRun ? 'Would delete' : 'Deleted'} endpoint config "${configName}".`);
    }
    catch (error) {
        if (!(0,errors/* isNotFound */.c4)(error))
            throw error;
        ctx.note(`Endpoint config "${configName}" was deleted by someone else meanwhile.`);
    }
}
async function deleteModels(ctx, settings, models, inUse) {
    if (models.length === 0)
        return;
    if (!settings.deleteModel) {
        ctx.note(`Kept ${models.length === 1 ? 'model' : 'models'} ${quoteAll(models)} (delete-model is false).`);
        return;
    }
    for (const model of models) {
        const users = inUse.models.get(model);
        if (users) {
            const message = `Kept model "${model}": ${describeUsers(users)} it.`;
            ctx.warn(message);
            continue;
        }
        const input = { ModelName: model };
        try {
            await ctx.change('DeleteModel', `model "${model}"`, input, () => ctx.clients.sagemaker.send(new DeleteModelCommand/* DeleteModelCommand */.e(input)));
            ctx.note(`${ctx.dryRun ? 'Would delete' : 'Deleted'} model "${model}".`);
        }
        catch (error) {
            if (!(0,errors/* isNotFound */.c4)(error))
                throw error;
            ctx.note(`Model "${model}" was deleted by someone else meanwhile.`);
        }
    }
}
function describeUsers(endpoints) {
    return endpoints.length === 1 ? `endpoint ${quoteAll(endpoints)} uses` : `endpoints ${quoteAll(endpoints)} use`;
}
function quoteAll(names) {
    return names.map((name) => `"${name}"`).join(', ');
}


/***/ }),

/***/ 910:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D7: () => (/* binding */ EndpointStateError),
/* harmony export */   Do: () => (/* binding */ WaitTimeoutError),
/* harmony export */   Mc: () => (/* binding */ requireUpdatable),
/* harmony export */   SG: () => (/* binding */ waitForSettled),
/* harmony export */   VB: () => (/* binding */ pollTransition),
/* harmony export */   pP: () => (/* binding */ waitForInService),
/* harmony export */   we: () => (/* binding */ waitUntilUpdatable)
/* harmony export */ });
/* unused harmony exports nextPollDelay, timeLeft */
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
