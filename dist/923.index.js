export const id = 923;
export const ids = [923];
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

/***/ 5763:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ DescribeModelCommand)
/* harmony export */ });
/* harmony import */ var _commandBuilder__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2319);
/* harmony import */ var _schemas_schemas_0__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1268);


class DescribeModelCommand extends (0,_commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* .command */ .G5)(_commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* ._ep0 */ .lq, _commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* ._mw0 */ .yt, "DescribeModel", _schemas_schemas_0__WEBPACK_IMPORTED_MODULE_1__/* .DescribeModel$ */ .H8Y) {
}


/***/ }),

/***/ 1461:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  u7: () => (/* binding */ createEndpointConfig),
  d_: () => (/* binding */ createEndpointOn),
  KL: () => (/* binding */ createOrAdopt),
  JD: () => (/* binding */ deleteConfigQuietly),
  VL: () => (/* binding */ discardUnused),
  aI: () => (/* binding */ ensureModel),
  P6: () => (/* binding */ findModel),
  oE: () => (/* binding */ fleetSize),
  uI: () => (/* binding */ ownedByThisRun),
  He: () => (/* binding */ runTags),
  dx: () => (/* binding */ variantDefinition)
});

// UNUSED EXPORTS: NameTakenError, includes

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commandBuilder.js
var commandBuilder = __webpack_require__(2319);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/schemas/schemas_0.js + 2 modules
var schemas_0 = __webpack_require__(1268);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commands/CreateModelCommand.js


class CreateModelCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "CreateModel", schemas_0/* CreateModel$ */.co) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commands/CreateEndpointCommand.js


class CreateEndpointCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "CreateEndpoint", schemas_0/* CreateEndpoint$ */.WiM) {
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commands/DeleteModelCommand.js
var DeleteModelCommand = __webpack_require__(6329);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commands/DeleteEndpointConfigCommand.js
var DeleteEndpointConfigCommand = __webpack_require__(4219);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commands/DescribeModelCommand.js
var DescribeModelCommand = __webpack_require__(5763);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commands/CreateEndpointConfigCommand.js


class CreateEndpointConfigCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "CreateEndpointConfig", schemas_0/* CreateEndpointConfig$ */.aXJ) {
}

// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/endpoint.ts
var src_endpoint = __webpack_require__(3150);
// EXTERNAL MODULE: ./src/components/component.ts + 2 modules
var component = __webpack_require__(1741);
// EXTERNAL MODULE: ./src/lineage.ts
var lineage = __webpack_require__(5010);
// EXTERNAL MODULE: ./src/tags.ts
var src_tags = __webpack_require__(9506);
// EXTERNAL MODULE: ./src/serving-container.ts
var serving_container = __webpack_require__(6221);
;// CONCATENATED MODULE: ./src/model-request.ts

/** The CreateModel request for a spec: what the container runs joined with its settings. */
function createModelInput(modelName, spec, tags) {
    const { containerSettings, containerInList, PrimaryContainer: runs, ...model } = spec;
    const container = (0,serving_container/* containerToCreate */.h6)(runs, containerSettings);
    return {
        ModelName: modelName,
        ...model,
        ...(containerInList ? { Containers: [container] } : { PrimaryContainer: container }),
        Tags: tags
    };
}

;// CONCATENATED MODULE: ./src/secrets.ts


/** Shorter values (`1`, `on`) are too common in ordinary messages to mask without mangling them, and guard nothing. */
const MIN_MASKED_CHARS = 4;
const MASK = '«hidden»';
/** A copy of a CreateModel request to show: every container's environment keeps its keys, not its values. */
function hideEnvironment(input) {
    const hidden = (environment) => environment && Object.fromEntries(Object.keys(environment).map((key) => [key, serving_container/* HIDDEN_VALUE */.Ls]));
    const shown = { ...input };
    if (input.PrimaryContainer) {
        shown.PrimaryContainer = { ...input.PrimaryContainer };
        if (input.PrimaryContainer.Environment) {
            shown.PrimaryContainer.Environment = hidden(input.PrimaryContainer.Environment);
        }
    }
    if (input.Containers) {
        shown.Containers = input.Containers.map((container) => container.Environment ? { ...container, Environment: hidden(container.Environment) } : container);
    }
    return shown;
}
/** The error with any of the environment's values in its message masked; the error itself when none is there. */
function maskEnvironmentValues(error, environment) {
    const values = Object.values(environment ?? {})
        .filter((value) => value.length >= MIN_MASKED_CHARS)
        // Longest first, so a shorter value never leaves part of a longer one behind.
        .sort((a, b) => b.length - a.length);
    const mask = (text) => values.reduce((masked, value) => masked.split(value).join(MASK), text);
    if (error instanceof errors/* AwsCallError */.iQ) {
        const masked = mask(error.awsMessage);
        if (masked === error.awsMessage)
            return error;
        // The cause carries the unmasked message: it is not kept.
        return new errors/* AwsCallError */.iQ(error.api, error.resource, error.code, masked);
    }
    if (error instanceof Error && mask(error.message) !== error.message) {
        const masked = new Error(mask(error.message));
        masked.name = error.name;
        return masked;
    }
    return error;
}

;// CONCATENATED MODULE: ./src/resources.ts
/** The models and endpoint configs a deploy creates, tagged so later runs can find their way back, and their clean-up. */









/**
 * Creates the model, or reuses one of the same name that already runs the
 * same container (a re-run of a job that failed after creating it). Returns
 * whether this run created it. When it creates it, the name goes into
 * `created` before CreateModel is sent (a run cancelled while the request is
 * on its way must still know it), and out again if the name turns out to be
 * another run's; `onRecord` is told of both.
 */
async function ensureModel(ctx, modelName, spec, options) {
    const input = createModelInput(modelName, spec, (0,src_tags/* toTagList */.s3)({ ...runTags(ctx, options.tags), [src_tags/* TAGS */.gp.endpoint]: ctx.endpointName }));
    if (options.reuseByName) {
        const existing = await findModel(ctx, modelName);
        if (existing) {
            const container = (0,serving_container/* servingContainer */._B)(existing);
            const wanted = (0,serving_container/* servingContainer */._B)(input);
            const same = (container?.Image ?? '') === (wanted?.Image ?? '') &&
                (container?.ModelPackageName ?? '') === (wanted?.ModelPackageName ?? '') &&
                (0,serving_container/* modelDataLocation */.RG)(container) === (0,serving_container/* modelDataLocation */.RG)(wanted) &&
                existing.ExecutionRoleArn === spec.ExecutionRoleArn;
            if (!same) {
                throw new Error(`Input "model-name": model "${modelName}" already exists with another image, model data or role; choose a new name or leave model-name empty to derive one.`);
            }
            ctx.note(`Model "${modelName}" already exists with the same container; reusing it.`);
            return false;
        }
    }
    const { created, onRecord } = options;
    created?.models.push(modelName);
    onRecord?.();
    try {
        await createOrAdopt(ctx, 
        // The plan, the log and the summary get the request with its environment's values hidden; AWS gets it whole.
        { api: 'CreateModel', resource: `model "${modelName}"`, input: hideEnvironment(input) }, () => ctx.clients.sagemaker.send(new CreateModelCommand(input)), async () => {
            const model = await findModel(ctx, modelName);
            if (!model)
                return undefined;
            const { ModelName: _name, Tags: tags, ...wanted } = input;
            if (!includes(model, wanted))
                return 'it runs another container, model data, role or network settings';
            return ownedByThisRun(ctx, model.ModelArn, tags);
        });
    }
    catch (error) {
        if (error instanceof NameTakenError && created) {
            created.models = created.models.filter((name) => name !== modelName);
            onRecord?.();
        }
        // A validation error may quote the value it refused.
        throw maskEnvironmentValues(error, (0,serving_container/* servingContainer */._B)(input)?.Environment);
    }
    return true;
}
/** A name this run chose belongs to a resource that is not this run's. */
class NameTakenError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = 'NameTakenError';
    }
}
/**
 * The workflow's tags on top of the run's traceability tags (repository,
 * commit, ref and run URL), which also tell a resource this run created
 * from one of the same name that another run did.
 */
function runTags(ctx, userTags) {
    return { ...ctx.run.tags, ...userTags };
}
/**
 * Creates a resource under a name this run chose. The SDK retries a create
 * whose answer was lost, and SageMaker refuses the retry: the name is taken,
 * by the first attempt. So when the create is refused as already existing, or
 * fails in a way that may hide a success, what has that name is looked at:
 * this run's own (the spec it asked for, tagged with this run) is used as if
 * the create had answered; anything else fails the run, naming it.
 */
async function createOrAdopt(ctx, change, send, ownership) {
    try {
        await ctx.change(change.api, change.resource, change.input, send);
    }
    catch (error) {
        if (!(0,errors/* isAlreadyExists */.x9)(error) && !(0,errors/* answerMayBeLost */.hx)(error))
            throw error;
        const found = await ownership();
        if (found === undefined)
            throw error;
        if (found !== true) {
            throw new NameTakenError(`${capitalised(change.resource)} already exists and is not this run's: ${found}. It was left as it is; run again to derive new names, or remove it if nothing needs it.`, { cause: error });
        }
        ctx.note(`${capitalised(change.resource)} was created by this run, though ${change.api}'s answer was lost or refused on a retry; using it.`);
    }
}
/** Whether a resource's tags carry every tag this run gave it: the run URL among them, when there is one. */
async function ownedByThisRun(ctx, arn, wanted) {
    const tags = arn ? await (0,lineage/* tagsOf */.Fg)(ctx, arn, arn) : {};
    const differing = (wanted ?? []).filter((tag) => tag.Key !== undefined && tags[tag.Key] !== tag.Value);
    if (differing.length === 0)
        return true;
    const runUrl = tags['sagemaker-deploy:run-url'];
    return `its tags differ (${differing.map((tag) => tag.Key).join(', ')})${runUrl ? `; it was created by ${runUrl}` : ''}`;
}
/**
 * Whether `actual` holds everything `wanted` asks for: every field given, in
 * arrays element by element. SageMaker's describe calls add fields of their
 * own (defaults, ARNs, times), and leave out empty ones.
 */
function includes(actual, wanted) {
    if (wanted === undefined || wanted === null)
        return true;
    if (Array.isArray(wanted)) {
        if (wanted.length === 0)
            return actual === undefined || (Array.isArray(actual) && actual.length === 0);
        return (Array.isArray(actual) && actual.length === wanted.length && wanted.every((item, i) => includes(actual[i], item)));
    }
    if (typeof wanted === 'object') {
        const entries = Object.entries(wanted);
        if (entries.length === 0)
            return true;
        if (!actual || typeof actual !== 'object')
            return false;
        return entries.every(([key, value]) => includes(actual[key], value));
    }
    return actual === wanted;
}
function capitalised(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
/** Creates the endpoint on `configName`, tagged as everything the run creates. */
async function createEndpointOn(ctx, configName, userTags) {
    const input = {
        EndpointName: ctx.endpointName,
        EndpointConfigName: configName,
        Tags: (0,src_tags/* toTagList */.s3)(runTags(ctx, userTags))
    };
    await createOrAdopt(ctx, { api: 'CreateEndpoint', resource: `endpoint "${ctx.endpointName}"`, input }, () => ctx.clients.sagemaker.send(new CreateEndpointCommand(input)), async () => {
        const endpoint = await (0,src_endpoint/* findEndpoint */.vS)(ctx);
        if (!endpoint)
            return undefined;
        const on = [endpoint.EndpointConfigName, endpoint.PendingDeploymentSummary?.EndpointConfigName];
        if (!on.includes(configName))
            return `it runs endpoint config "${endpoint.EndpointConfigName}"`;
        return ownedByThisRun(ctx, endpoint.EndpointArn, input.Tags);
    });
}
/**
 * Deletes what a failed deploy created and nothing uses, so a re-run starts
 * clean instead of leaving orphans behind. Never touches what the endpoint
 * runs on. Failures here are warnings: the deploy's own error matters more.
 * Returns what it deleted.
 */
async function discardUnused(ctx, created) {
    const deleted = { models: [], configs: [] };
    if (ctx.dryRun)
        return deleted;
    try {
        const endpoint = await (0,src_endpoint/* findEndpoint */.vS)(ctx);
        // Mid-transition (a wait that timed out, a rollback SageMaker is running) the config being deployed shows
        // only as pending: deleting it then would break SageMaker's own update. Leave everything as it is.
        if (endpoint && endpoint.EndpointStatus !== 'InService') {
            ctx.warn(`Endpoint "${ctx.endpointName}" is ${endpoint.EndpointStatus}: the model and configs this run created were kept.`);
            return deleted;
        }
        const serving = endpoint?.EndpointConfigName;
        const servingConfig = serving ? await (0,src_endpoint/* findEndpointConfig */.NW)(ctx, serving) : undefined;
        const servingModels = new Set((servingConfig?.ProductionVariants ?? []).map((variant) => variant.ModelName));
        // An endpoint for inference components names no model on its variants: its components run them.
        if ((servingConfig?.ProductionVariants ?? []).some((variant) => !variant.ModelName)) {
            const models = await (0,component/* modelsComponentsRun */.G8)(ctx);
            if (!models)
                return deleted;
            for (const model of models)
                servingModels.add(model);
        }
        for (const name of created.configs.filter((config) => config !== serving)) {
            if (!(await (0,src_endpoint/* findEndpointConfig */.NW)(ctx, name)))
                continue;
            await deleteConfig(ctx, name);
            deleted.configs.push(name);
        }
        for (const name of created.models.filter((model) => !servingModels.has(model))) {
            // Recorded before its CreateModel was sent: a run cancelled then may never have made it.
            if (!(await findModel(ctx, name)))
                continue;
            await deleteOnce(ctx, { api: 'DeleteModel', resource: `model "${name}"`, input: { ModelName: name } }, () => ctx.clients.sagemaker.send(new DeleteModelCommand/* DeleteModelCommand */.e({ ModelName: name })), async () => (await findModel(ctx, name)) !== undefined);
            deleted.models.push(name);
        }
    }
    catch (error) {
        ctx.warn(`Could not clean up what the failed deploy created: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
    return deleted;
}
/**
 * A delete whose answer was lost is retried by the SDK, and the retry finds
 * nothing to delete: gone is what was asked for, so "not found" is success,
 * and so is a lost answer when the resource is gone.
 */
async function deleteOnce(ctx, change, send, stillThere) {
    try {
        await ctx.change(change.api, change.resource, change.input, send);
    }
    catch (error) {
        if ((0,errors/* isNotFound */.c4)(error))
            return;
        if ((0,errors/* answerMayBeLost */.hx)(error) && !(await stillThere()))
            return;
        throw error;
    }
}
async function deleteConfig(ctx, name) {
    const input = { EndpointConfigName: name };
    await deleteOnce(ctx, { api: 'DeleteEndpointConfig', resource: `endpoint config "${name}"`, input }, () => ctx.clients.sagemaker.send(new DeleteEndpointConfigCommand/* DeleteEndpointConfigCommand */.W(input)), async () => (await (0,src_endpoint/* findEndpointConfig */.NW)(ctx, name)) !== undefined);
}
async function findModel(ctx, modelName) {
    try {
        return await (0,errors/* awsCall */.uF)('DescribeModel', `model "${modelName}"`, () => ctx.clients.sagemaker.send(new DescribeModelCommand/* DescribeModelCommand */.u({ ModelName: modelName })));
    }
    catch (error) {
        if ((0,errors/* isNotFound */.c4)(error))
            return undefined;
        throw error;
    }
}
/**
 * Creates an endpoint config with the given variants and the endpoint-level
 * `settings` (data capture, encryption key, asynchronous inference...), which
 * callers carry from the config that served, so a deploy never silently
 * turns them off.
 */
async function createEndpointConfig(ctx, configName, variants, lineage, userTags, settings = {}) {
    const tags = {
        ...runTags(ctx, userTags),
        [src_tags/* TAGS */.gp.endpoint]: ctx.endpointName,
        [src_tags/* TAGS */.gp.role]: lineage.role
    };
    if (lineage.previousConfig)
        tags[src_tags/* TAGS */.gp.previousConfig] = lineage.previousConfig;
    if (lineage.newVariant)
        tags[src_tags/* TAGS */.gp.newVariant] = lineage.newVariant;
    if (lineage.modelAsIs)
        tags[src_tags/* TAGS */.gp.modelAsIs] = 'true';
    const input = {
        ...settings,
        EndpointConfigName: configName,
        ProductionVariants: variants,
        Tags: (0,src_tags/* toTagList */.s3)(tags)
    };
    await createOrAdopt(ctx, { api: 'CreateEndpointConfig', resource: `endpoint config "${configName}"`, input }, () => ctx.clients.sagemaker.send(new CreateEndpointConfigCommand(input)), async () => {
        const config = await (0,src_endpoint/* findEndpointConfig */.NW)(ctx, configName);
        if (!config)
            return undefined;
        const { EndpointConfigName: _name, Tags: wantedTags, ...wanted } = input;
        if (!includes(config, wanted))
            return 'its variants or settings are not the ones this run asked for';
        return ownedByThisRun(ctx, config.EndpointConfigArn, wantedTags);
    });
}
/** A variant definition as CreateEndpointConfig wants it, from a described config's variant. */
function variantDefinition(config, variantName, overrides) {
    const found = config.ProductionVariants?.find((variant) => variant.VariantName === variantName);
    if (!found) {
        throw new Error(`Endpoint config "${config.EndpointConfigName}" has no variant "${variantName}".`);
    }
    return { ...found, ...overrides };
}
/** Deletes a config the endpoint does not run on, if it exists; a failure is only a warning. */
async function deleteConfigQuietly(ctx, configName) {
    if (!configName)
        return;
    try {
        if (!(await (0,src_endpoint/* findEndpointConfig */.NW)(ctx, configName)))
            return;
        await deleteConfig(ctx, configName);
    }
    catch (error) {
        ctx.warn(`Could not delete endpoint config "${configName}": ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
}
/** The instances of a set of variants; serverless ones run none of their own. */
function fleetSize(variants) {
    return variants.reduce((sum, variant) => sum + (variant.ServerlessConfig ? 0 : (variant.InitialInstanceCount ?? 0)), 0);
}


/***/ }),

/***/ 6221:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D5: () => (/* binding */ namesSomething),
/* harmony export */   EU: () => (/* binding */ modelPackagesOf),
/* harmony export */   H$: () => (/* binding */ newContainerSettings),
/* harmony export */   Ls: () => (/* binding */ HIDDEN_VALUE),
/* harmony export */   RG: () => (/* binding */ modelDataLocation),
/* harmony export */   _B: () => (/* binding */ servingContainer),
/* harmony export */   a7: () => (/* binding */ modelDataUrlOf),
/* harmony export */   bX: () => (/* binding */ withoutEmptyFields),
/* harmony export */   fI: () => (/* binding */ severalContainers),
/* harmony export */   h6: () => (/* binding */ containerToCreate),
/* harmony export */   k1: () => (/* binding */ recordSetting),
/* harmony export */   zK: () => (/* binding */ carriedExecutionConfig)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2828);
/**
 * The new model's container as what serves configures it. A framework
 * container finds its entry point through SAGEMAKER_PROGRAM and
 * SAGEMAKER_SUBMIT_DIRECTORY, a large-model container its model through
 * HF_MODEL_ID and OPTION_*, a multi-model container loads what callers name:
 * none of that is repeated in a workflow, and a new model without it would
 * not start, or would serve something else. So the serving container's
 * settings are carried over and the inputs laid on top. Its model data is
 * not: a new model means new data, or none.
 *
 * Only what names something is carried: a describe call may answer an empty
 * structure (an emulator does), which CreateModel would refuse.
 */


/** What a summary shows instead of an environment variable's value, which may be a secret. */
const HIDDEN_VALUE = '(value not shown)';
/** A model's one container, wherever it is declared; undefined for none, or for several (refused before any change). */
function servingContainer(model) {
    if (model?.PrimaryContainer)
        return model.PrimaryContainer;
    const containers = model?.Containers ?? [];
    return containers.length === 1 ? containers[0] : undefined;
}
/** The model packages a model's containers name, however many it has. */
function modelPackagesOf(model) {
    const containers = [...(model?.PrimaryContainer ? [model.PrimaryContainer] : []), ...(model?.Containers ?? [])];
    return containers.flatMap((container) => (container.ModelPackageName ? [container.ModelPackageName] : []));
}
/** The containers of a model that runs several (an inference pipeline, direct invocation), in words; else undefined. */
function severalContainers(model) {
    const containers = model?.Containers ?? [];
    if (containers.length < 2)
        return undefined;
    const names = containers.map((container, index) => container.ContainerHostname ?? container.Image ?? container.ModelPackageName ?? `#${index + 1}`);
    const mode = model?.InferenceExecutionConfig?.Mode;
    return `${(0,_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .counted */ .hS)(containers.length, 'container')} (${names.join(', ')})${mode ? `, invoked ${mode}` : ''}`;
}
/** Whether a structure read from AWS names anything: `{}`, `[]` and `{"Subnets": []}` do not. */
function namesSomething(value) {
    if (value === undefined || value === null)
        return false;
    if (Array.isArray(value))
        return value.some(namesSomething);
    if (typeof value === 'object')
        return Object.values(value).some(namesSomething);
    return value !== '';
}
/** The fields of a structure read from AWS that name something: a describe may answer empty ones for settings never set. */
function withoutEmptyFields(value) {
    return Object.fromEntries(Object.entries(value).filter(([, field]) => namesSomething(field)));
}
/**
 * The new container's settings: the serving container's, with the inputs
 * laid over. `model-environment` wins over a carried variable of the same
 * name; every variable is recorded by key and source, never by value.
 */
function newContainerSettings(deploy, model, sources) {
    const serving = servingContainer(model);
    const from = model?.ModelName ? `inherited from model "${model.ModelName}"` : 'the serving model';
    const settings = {};
    const environment = {};
    for (const [key, value] of Object.entries(serving?.Environment ?? {})) {
        environment[key] = value;
        // As the inputs' values are (main.ts): the runner masks it should anything print it.
        if (value.length >= 6)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(value);
        recordSetting(sources, `Environment ${key}`, HIDDEN_VALUE, from + codeInS3(key, value));
    }
    for (const [key, value] of Object.entries(deploy.modelEnvironment)) {
        environment[key] = value;
        recordSetting(sources, `Environment ${key}`, HIDDEN_VALUE, 'input model-environment');
    }
    if (Object.keys(environment).length > 0)
        settings.Environment = environment;
    // A private registry's access mode belongs to the image it was set for: an
    // AWS framework image or a package's own image is pulled from ECR.
    if (deploy.source.kind === 'image' && namesSomething(serving?.ImageConfig?.RepositoryAccessMode)) {
        settings.ImageConfig = serving?.ImageConfig;
        recordSetting(sources, 'ImageConfig', JSON.stringify(settings.ImageConfig), from);
    }
    if (serving?.Mode) {
        settings.Mode = serving.Mode;
        recordSetting(sources, 'Mode', serving.Mode, from);
    }
    if (serving?.Mode === 'MultiModel' && namesSomething(serving.MultiModelConfig)) {
        settings.MultiModelConfig = serving.MultiModelConfig;
        recordSetting(sources, 'MultiModelConfig', JSON.stringify(settings.MultiModelConfig), from);
    }
    const carriedAccess = serving?.ModelDataSource?.S3DataSource?.ModelAccessConfig;
    if (deploy.acceptEula) {
        settings.ModelAccessConfig = { AcceptEula: true };
        recordSetting(sources, 'ModelAccessConfig', 'AcceptEula: true', 'input accept-eula');
    }
    else if (deploy.acceptEula === undefined && carriedAccess?.AcceptEula !== undefined && modelDataUrlOf(deploy)) {
        settings.ModelAccessConfig = { AcceptEula: carriedAccess.AcceptEula };
        recordSetting(sources, 'ModelAccessConfig', `AcceptEula: ${carriedAccess.AcceptEula}`, from);
    }
    return settings;
}
/**
 * A framework container's SAGEMAKER_SUBMIT_DIRECTORY may name the serving
 * model's code archive in S3 (the SageMaker Python SDK's source_dir may be an
 * S3 URI of a tar file: https://github.com/aws/sagemaker-python-sdk/pull/1498)
 * rather than code inside its model data: carried, the new model runs that
 * code. The summary says so, without the value.
 */
function codeInS3(key, value) {
    return key === 'SAGEMAKER_SUBMIT_DIRECTORY' && value.startsWith('s3://')
        ? ': it names code in S3, which the new model runs unless model-environment sets it'
        : '';
}
/** The model's settings that describe how its containers are called, carried as they serve. */
function carriedExecutionConfig(model, sources) {
    const config = model?.InferenceExecutionConfig;
    if (!config?.Mode)
        return undefined;
    recordSetting(sources, 'InferenceExecutionConfig', config.Mode, `inherited from model "${model?.ModelName}"`);
    return { Mode: config.Mode };
}
/** The model data an input names, whatever the model source. */
function modelDataUrlOf(deploy) {
    return 'modelDataUrl' in deploy.source ? deploy.source.modelDataUrl : undefined;
}
/**
 * The container CreateModel is sent: what runs (image or package, and the
 * model data's location) with the carried settings. A `model-data-url`
 * ending in `/` is an uncompressed S3 prefix, given as ModelDataSource; a
 * multi-model container takes the prefix of its models as ModelDataUrl
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/create-multi-model-endpoint.html),
 * and ModelDataSource is not for multi-model endpoints
 * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ContainerDefinition.html).
 * An accepted EULA goes with the data
 * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_S3ModelDataSource.html),
 * so a compressed archive then goes as ModelDataSource too.
 */
function containerToCreate(runs, settings) {
    const { ModelDataUrl: url, ...what } = runs;
    const { ModelAccessConfig: access, ...rest } = settings;
    const container = { ...what, ...rest };
    if (url === undefined)
        return container;
    if (settings.Mode === 'MultiModel' || (!url.endsWith('/') && !access))
        return { ...container, ModelDataUrl: url };
    const prefix = url.endsWith('/');
    container.ModelDataSource = {
        S3DataSource: {
            S3Uri: url,
            S3DataType: prefix ? 'S3Prefix' : 'S3Object',
            CompressionType: prefix ? 'None' : 'Gzip',
            ...(access ? { ModelAccessConfig: access } : {})
        }
    };
    return container;
}
/** Where a container's model data is, in whichever form it was given. */
function modelDataLocation(container) {
    return container?.ModelDataUrl ?? container?.ModelDataSource?.S3DataSource?.S3Uri ?? '';
}
function recordSetting(sources, setting, value, source) {
    const existing = sources.findIndex((entry) => entry.setting === setting);
    const entry = { setting, value, source: source ?? 'default' };
    if (existing >= 0)
        sources[existing] = entry;
    else
        sources.push(entry);
}


/***/ }),

/***/ 8191:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  vG: () => (/* binding */ updateEndpointConfig),
  ep: () => (/* binding */ updateWeightsAndCapacities),
  qd: () => (/* binding */ waitForChangeMade)
});

// UNUSED EXPORTS: configLanding, isUpdateInProgress, weightsLanding

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commandBuilder.js
var commandBuilder = __webpack_require__(2319);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/schemas/schemas_0.js + 2 modules
var schemas_0 = __webpack_require__(1268);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commands/UpdateEndpointCommand.js


class UpdateEndpointCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "UpdateEndpoint", schemas_0/* UpdateEndpoint$ */.hBg) {
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-sagemaker/dist-es/commands/UpdateEndpointWeightsAndCapacitiesCommand.js
var UpdateEndpointWeightsAndCapacitiesCommand = __webpack_require__(954);
// EXTERNAL MODULE: ./src/aws/clients.ts
var clients = __webpack_require__(201);
// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/endpoint.ts
var src_endpoint = __webpack_require__(3150);
// EXTERNAL MODULE: ./src/expectations.ts
var expectations = __webpack_require__(1236);
// EXTERNAL MODULE: ./src/report.ts
var report = __webpack_require__(665);
// EXTERNAL MODULE: ./src/wait.ts
var wait = __webpack_require__(910);
;// CONCATENATED MODULE: ./src/update.ts
/**
 * Moving an endpoint to another config: the one path every operation takes
 * (deploy, rollback, promotion, the post step), so waiting for another run's
 * update, retrying SageMaker's "in-progress" refusal and checking the result
 * are done the same way everywhere.
 *
 * An update is never sent twice blindly. Every UpdateEndpoint deploys a new
 * fleet (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_UpdateEndpoint.html),
 * so changes go through the client that retries throttles only
 * (aws/clients.ts): a lost answer (a 5xx, a dropped connection) comes back
 * here, where the first attempt may have started the update. Before sending
 * again, DescribeEndpoint says whether the endpoint is already moving to, or
 * already on, what was asked.
 */








/** SageMaker refuses an update while another is running; another run of this action may hold the endpoint. */
function isUpdateInProgress(error) {
    return (0,errors/* errorCode */.CA)(error) === 'ValidationException' && /in-progress|in progress/i.test((0,errors/* errorMessage */.gJ)(error));
}
const IN_PROGRESS_RETRIES = 5;
/** As patient with a lost answer as the SDK is with other calls, backing off as it does (capped at 20 s). */
const LOST_ANSWER_ATTEMPTS = clients/* RETRY_SETTINGS */.Rh.maxAttempts;
const lostAnswerBackoffMs = (lost) => Math.min(20_000, 500 * 2 ** (lost - 1));
/**
 * Sends a change once the endpoint is InService, waiting out another run's
 * update (SageMaker refuses changes while one is in progress). After a
 * refusal as "in progress" or a lost answer, the change is sent again only if
 * `landing` finds no sign of it, and only while the endpoint is still on the
 * config it was on: a config someone else put there in between is theirs.
 * Returns the endpoint as it was when the change was first sent.
 */
async function changeWhenUpdatable(ctx, what, send, landing) {
    let before;
    let refusedInProgress = 0;
    let lostAnswers = 0;
    for (;;) {
        const endpoint = await (0,wait/* requireUpdatable */.Mc)(ctx);
        if (before && endpoint.EndpointConfigName !== before.EndpointConfigName) {
            throw new Error(`Endpoint "${ctx.endpointName}" was moved from "${before.EndpointConfigName}" to "${endpoint.EndpointConfigName}" by someone else while this run was sending ${what}; ${what} was not sent again.`);
        }
        before ??= endpoint;
        try {
            await send();
            return before;
        }
        catch (error) {
            const inProgress = isUpdateInProgress(error);
            if (!inProgress && !(0,errors/* answerMayBeLost */.hx)(error))
                throw error;
            // Looked at even after the last attempt: the change it failed to confirm may have landed.
            const landed = landing(await (0,src_endpoint/* getEndpoint */.yP)(ctx));
            if (landed !== 'not-seen') {
                core/* info */.pq(`${capitalised(what)} was accepted though its answer was ${inProgress ? 'refused on a retry' : 'lost'}: endpoint "${ctx.endpointName}" ${landed === 'done' ? 'already shows it' : 'is carrying it out'}, so it is not sent again.`);
                return before;
            }
            if (inProgress ? ++refusedInProgress > IN_PROGRESS_RETRIES : ++lostAnswers >= LOST_ANSWER_ATTEMPTS)
                throw error;
            core/* info */.pq(inProgress
                ? `Endpoint "${ctx.endpointName}" is being changed by someone else; waiting for that to finish first.`
                : `The answer to ${what} was lost (${(0,errors/* errorMessage */.gJ)(error)}) and endpoint "${ctx.endpointName}" shows no sign of it; sending it again.`);
            if (!inProgress)
                await ctx.clock.sleep(lostAnswerBackoffMs(lostAnswers));
        }
    }
}
function capitalised(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
/** An UpdateEndpoint to `configName` shows as the pending deployment, then as the endpoint's config. */
function configLanding(configName) {
    return (endpoint) => {
        if (endpoint.PendingDeploymentSummary?.EndpointConfigName === configName)
            return 'under-way';
        const settled = !src_endpoint/* TRANSITIONAL_STATUSES */.kQ.includes(endpoint.EndpointStatus ?? '');
        return settled && endpoint.EndpointConfigName === configName ? 'done' : 'not-seen';
    };
}
/**
 * A weights and capacities change shows at once in the variants' Desired*
 * fields, while the endpoint is Updating, and in their Current* fields once
 * it is done.
 */
function weightsLanding(desired) {
    return (endpoint) => {
        const variants = endpoint.ProductionVariants ?? [];
        const matches = (current) => desired.every((wanted) => {
            const variant = variants.find((candidate) => candidate.VariantName === wanted.VariantName);
            if (!variant)
                return false;
            const weight = current ? variant.CurrentWeight : variant.DesiredWeight;
            const count = current ? variant.CurrentInstanceCount : variant.DesiredInstanceCount;
            return ((wanted.DesiredWeight === undefined || sameNumber(weight, wanted.DesiredWeight)) &&
                (wanted.DesiredInstanceCount === undefined || count === wanted.DesiredInstanceCount));
        });
        if (src_endpoint/* TRANSITIONAL_STATUSES */.kQ.includes(endpoint.EndpointStatus ?? ''))
            return matches(false) ? 'under-way' : 'not-seen';
        return matches(true) ? 'done' : 'not-seen';
    };
}
function sameNumber(actual, wanted) {
    return actual !== undefined && Math.abs(actual - wanted) < 1e-6;
}
/**
 * Updates the endpoint to `configName`, then (unless told not to wait) waits
 * and verifies it is InService on that config. Returns the endpoint as last seen.
 */
async function updateEndpointConfig(ctx, configName, options) {
    const input = { EndpointName: ctx.endpointName, EndpointConfigName: configName };
    if (options.deploymentConfig)
        input.DeploymentConfig = options.deploymentConfig;
    if (options.keepInstanceCounts) {
        input.RetainAllVariantProperties = true;
        input.ExcludeRetainedVariantProperties = [{ VariantPropertyType: 'DesiredWeight' }];
    }
    const started = ctx.clock.now();
    await changeWhenUpdatable(ctx, `the update to "${configName}"`, () => ctx.change('UpdateEndpoint', `endpoint "${ctx.endpointName}"`, input, () => ctx.clients.sagemakerChanges.send(new UpdateEndpointCommand(input))), configLanding(configName));
    if (ctx.dryRun || (!ctx.settings.waitForCompletion && !options.forceWait))
        return undefined;
    try {
        return await (0,wait/* waitForInService */.pP)(ctx, configName, options.purpose, options.waitTimeoutMs, options.expectedMs ?? ctx.expectedFleetChangeMs ?? expectations/* TYPICAL_MS */.K.fleet, options.whileWaiting);
    }
    finally {
        // Both fleets ran from the call until the endpoint settled, whichever way it went.
        (0,report/* addInstanceTime */.o6)(ctx.report, (options.newFleetInstances ?? 0) * (ctx.clock.now() - started));
    }
}
/**
 * Changes variant weights and/or instance counts in place (no new config),
 * then waits for InService on the same config unless told not to wait, and
 * checks the change was made. Returns the endpoint as last seen: before the
 * change when not waiting.
 */
async function updateWeightsAndCapacities(ctx, desired, options) {
    const input = { EndpointName: ctx.endpointName, DesiredWeightsAndCapacities: desired };
    const before = await changeWhenUpdatable(ctx, options.purpose, () => ctx.change('UpdateEndpointWeightsAndCapacities', `endpoint "${ctx.endpointName}"`, input, () => ctx.clients.sagemakerChanges.send(new UpdateEndpointWeightsAndCapacitiesCommand/* UpdateEndpointWeightsAndCapacitiesCommand */.G(input))), weightsLanding(desired));
    if (ctx.dryRun || (!ctx.settings.waitForCompletion && !options.forceWait))
        return before;
    return waitForChangeMade(ctx, before.EndpointConfigName ?? '', desired, options.purpose);
}
/**
 * Waits for a weights and capacities change to end, and checks it was made:
 * throws an EndpointStateError naming what the endpoint shows instead.
 */
async function waitForChangeMade(ctx, configName, desired, purpose) {
    let rolledBack = false;
    // New instances take a fleet's time to come up; weights alone, a minute.
    const expectedMs = desired.some((wanted) => wanted.DesiredInstanceCount !== undefined)
        ? expectations/* TYPICAL_MS */.K.fleet
        : expectations/* TYPICAL_MS */.K.weights;
    const settled = await (0,wait/* waitForInService */.pP)(ctx, configName, purpose, undefined, expectedMs, async (endpoint) => {
        rolledBack ||= endpoint.EndpointStatus === 'RollingBack';
        return Infinity;
    });
    const missed = changesNotMade(desired, settled, rolledBack);
    if (missed.length > 0) {
        throw new wait/* EndpointStateError */.D7(`SageMaker did not make ${purpose}${rolledBack ? ' and rolled it back' : ''}: endpoint "${ctx.endpointName}" is InService with ${missed.join(', ')}.${settled.FailureReason ? ` FailureReason: ${settled.FailureReason}` : ''}`, settled);
    }
    return settled;
}
/**
 * What of a weights and capacities change the endpoint does not show once
 * InService. SageMaker rolls back a change it cannot make (RollingBack, then
 * InService as before: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DescribeEndpoint.html),
 * so InService alone is no evidence. Nothing else moves a weight, so a weight
 * must be the one asked for; autoscaling may move an instance count as soon
 * as the change is made, so a count is held to it only after a rollback.
 */
function changesNotMade(desired, endpoint, rolledBack) {
    return desired.flatMap((wanted) => {
        const variant = endpoint.ProductionVariants?.find((candidate) => candidate.VariantName === wanted.VariantName);
        const missed = [];
        if (wanted.DesiredWeight !== undefined && !sameNumber(variant?.CurrentWeight, wanted.DesiredWeight)) {
            missed.push(`variant "${wanted.VariantName}" at weight ${variant?.CurrentWeight ?? 'none'}, not ${wanted.DesiredWeight}`);
        }
        const count = variant?.CurrentInstanceCount;
        if (rolledBack && wanted.DesiredInstanceCount !== undefined && count !== wanted.DesiredInstanceCount) {
            missed.push(`variant "${wanted.VariantName}" on ${count ?? 'no'} instance(s), not ${wanted.DesiredInstanceCount}`);
        }
        return missed;
    });
}


/***/ })

};
