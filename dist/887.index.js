export const id = 887;
export const ids = [887];
export const modules = {

/***/ 8943:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $f: () => (/* binding */ githubClient),
/* harmony export */   LH: () => (/* binding */ withRetries),
/* harmony export */   dZ: () => (/* binding */ describeGitHubError),
/* harmony export */   em: () => (/* binding */ sentence),
/* harmony export */   t1: () => (/* binding */ DEFAULT_TIMEOUT_MS)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2413);
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9373);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(311);
/**
 * What every use of GitHub's REST API shares: one way to make the client, one
 * limit on each call, and one way to say what went wrong and what to do.
 * Nothing that talks to GitHub may fail a deploy: callers turn these errors
 * into warnings.
 */



/** A limit on each API call, so a GitHub that does not answer never holds up the deploy. */
const DEFAULT_TIMEOUT_MS = 10_000;
function githubClient(token, run) {
    return (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token, { baseUrl: run.apiUrl, userAgent: `${_version_js__WEBPACK_IMPORTED_MODULE_2__/* .ACTION_NAME */ .p}/${_version_js__WEBPACK_IMPORTED_MODULE_2__/* .ACTION_VERSION */ .Y}` });
}
/** Attempts at a call GitHub may answer later. */
const ATTEMPTS = 3;
/** GitHub asks for at least a minute before a retry after a secondary rate limit that gives no retry-after; the longest waited. */
const RATE_LIMIT_WAIT_MS = 60_000;
/**
 * Runs `call`, again after a wait when GitHub may answer it later: a 5XX, no answer at all, or a secondary rate
 * limit (429, or 403 saying so), waiting as its retry-after header says, else a minute ("If the retry-after response
 * header is present, you should not retry your request until after that many seconds has elapsed. Otherwise, wait
 * for at least one minute before retrying":
 * https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api#handle-rate-limit-errors-appropriately),
 * once, and only for a wait of a minute or less. A spent primary limit (x-ratelimit-remaining 0) resets within the
 * hour, so it is not waited for. Only for calls a
 * repeat cannot harm: a status posted twice is the same status.
 */
async function withRetries(call, clock = _clock_js__WEBPACK_IMPORTED_MODULE_1__/* .systemClock */ .m, attempts = ATTEMPTS) {
    for (let attempt = 1;; attempt++) {
        try {
            return await call();
        }
        catch (error) {
            const waitMs = retryWaitMs(error, attempt);
            if (attempt >= attempts || waitMs === undefined)
                throw error;
            await clock.sleep(waitMs);
        }
    }
}
function retryWaitMs(error, attempt) {
    const fields = (error && typeof error === 'object' ? error : {});
    if (fields.response === undefined)
        return attempt * 1000;
    const status = typeof fields.status === 'number' ? fields.status : 0;
    const headers = fields.response.headers ?? {};
    const limited = status === 429 || (status === 403 && /rate limit/i.test(String(fields.message)));
    if (limited) {
        // Once, and never sooner than GitHub asks: a longer wait would hold the run's summary back.
        if (attempt > 1 || headers['x-ratelimit-remaining'] === '0')
            return undefined;
        const after = headers['retry-after'] === undefined ? RATE_LIMIT_WAIT_MS / 1000 : Number(headers['retry-after']);
        return Number.isFinite(after) && after >= 0 && after * 1000 <= RATE_LIMIT_WAIT_MS ? after * 1000 : undefined;
    }
    return status >= 500 ? attempt * 1000 : undefined;
}
/**
 * The HTTP status and GitHub's message, with what to do for the answers that
 * have a known cause. No status means GitHub was never reached.
 */
function describeGitHubError(error, { apiUrl, timeoutMs, permissionHint }) {
    const fields = (error && typeof error === 'object' ? error : {});
    const where = apiUrl ? ` at ${apiUrl}` : '';
    if (fields.response === undefined || typeof fields.status !== 'number') {
        // Octokit reports a request it could not make as HTTP 500 with no response; the cause says why.
        if (fields.cause?.name === 'TimeoutError')
            return `GitHub did not answer${where} within ${timeoutMs / 1000}s.`;
        return `GitHub could not be reached${where} (${deepestMessage(error)}).`;
    }
    // Octokit appends GitHub's documentation_url; the hints below say more about what to do.
    const message = String(fields.message ?? '').replace(/ - https?:\/\/\S+$/, '');
    const text = `HTTP ${fields.status}: ${sentence(message)}`;
    switch (fields.status) {
        case 401:
            return `${text} The token was refused. ${permissionHint}`;
        case 403:
        case 404:
            // The permission a fork's pull request or Dependabot lacks cannot be granted by the workflow.
            return `${text} ${permissionHint} A run for a pull request from a fork, or started by Dependabot, gets a read-only token whatever the workflow grants.`;
        case 409:
            return `${text} GitHub found a conflict with the ref (a merge conflict, or required status checks that did not pass).`;
        default:
            return text;
    }
}
/** fetch says only "fetch failed"; the reason (ECONNREFUSED, a DNS failure) is in its cause. */
function deepestMessage(error) {
    let message = String(error);
    let current = error;
    for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
        if ('message' in current && typeof current.message === 'string' && current.message)
            message = current.message;
        current = 'cause' in current ? current.cause : undefined;
    }
    return message;
}
function sentence(text) {
    const trimmed = text.trim();
    return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}


/***/ }),

/***/ 6887:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   startDeployment: () => (/* binding */ startDeployment)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _summary_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2829);
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9373);
/* harmony import */ var _api_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8943);
/* harmony import */ var _run_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1738);
/**
 * A GitHub deployment for the run: with an `environment`, the repository's
 * environment page and the commit show what was deployed, where it serves
 * and how it went. Nothing here may fail the deploy: every problem with the
 * GitHub API is a warning and the SageMaker deploy goes on.
 *
 * REST API: https://docs.github.com/en/rest/deployments/deployments and
 * https://docs.github.com/en/rest/deployments/statuses
 */





/** GitHub refuses a longer status description. */
const MAX_DESCRIPTION_LENGTH = 140;
/** Older deployments of the endpoint looked at when a new one succeeds: enough to catch one left behind. */
const SUPERSEDED_LOOKBACK = 30;
/**
 * Pages of the environment's deployments read to find them, newest first: one environment may hold many
 * endpoints' deployments, and this endpoint's last one may lie well past the first page.
 */
const LOOKBACK_PAGES = 5;
const PAGE_SIZE = 100;
const PERMISSION_HINT = "The workflow must grant the job's token `permissions: deployments: write`, or pass a token that has it as github-token.";
/**
 * Creates the deployment and marks it in progress. Undefined when there is
 * nothing to record or GitHub would not create it (with a warning saying why).
 */
async function startDeployment(request) {
    const github = connect(request);
    if (!github)
        return undefined;
    const id = await createDeployment(github, request);
    if (id === undefined)
        return undefined;
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Recorded GitHub deployment ${id} to environment "${github.environment}".`);
    const post = statusPoster(github, id, request);
    // Not retried: it would hold up the deploy, and the final status, which is, replaces it.
    await post('in_progress', request.description ?? `Deploying to SageMaker endpoint ${request.endpointName}`, false);
    const target = { endpointName: request.endpointName, region: request.region };
    let finished = false;
    return {
        id,
        environment: github.environment,
        async finish(outcome, description) {
            if (finished)
                return;
            finished = true;
            const posted = await post(outcome, description, true);
            if (posted && outcome !== 'in_progress') {
                await retireSuperseded(github.octokit, {
                    ...github.repository,
                    environment: github.environment,
                    id,
                    target,
                    // A success replaces what served; any ending replaces a rollout left in progress
                    // (a paused canary this run promoted or rolled back, or a run that died).
                    states: outcome === 'success' ? ['success', 'in_progress'] : ['in_progress'],
                    options: github.options,
                    timeoutMs: github.timeoutMs,
                    warn: (text) => github.warn(`${github.prefix}: ${text}`)
                });
            }
        }
    };
}
/** The client and the repository, commit and environment to record under; undefined (with a warning) when one is missing. */
function connect(request) {
    const environment = request.environment?.trim();
    if (!environment)
        return undefined;
    const warn = request.warn ?? ((message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(message));
    const prefix = `GitHub deployment to environment "${environment}"`;
    const token = request.token.trim();
    if (!token) {
        warn(`${prefix} was not recorded: no github-token was given. ${PERMISSION_HINT}`);
        return undefined;
    }
    const run = (0,_run_js__WEBPACK_IMPORTED_MODULE_4__/* .workflowRun */ .t)(request.env);
    const ref = request.ref?.trim() || run.sha;
    if (!run.owner || !run.repo || !ref) {
        warn(`${prefix} was not recorded: GITHUB_REPOSITORY and GITHUB_SHA must name the repository and commit.`);
        return undefined;
    }
    const timeoutMs = request.timeoutMs ?? _api_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_TIMEOUT_MS */ .t1;
    return {
        octokit: (0,_api_js__WEBPACK_IMPORTED_MODULE_3__/* .githubClient */ .$f)(token, run),
        repository: { owner: run.owner, repo: run.repo },
        run,
        ref,
        environment,
        timeoutMs,
        options: () => ({ request: { signal: AbortSignal.timeout(timeoutMs) } }),
        warn,
        prefix,
        clock: request.clock ?? _clock_js__WEBPACK_IMPORTED_MODULE_2__/* .systemClock */ .m
    };
}
async function createDeployment(github, request) {
    const { warn, prefix, ref } = github;
    const target = { endpointName: request.endpointName, region: request.region };
    try {
        const created = await github.octokit.rest.repos.createDeployment({
            ...github.repository,
            ref,
            environment: github.environment,
            task: 'deploy',
            // The commit was built and tested by this workflow: deploy it as it is,
            // not merged with the default branch, and without waiting on status checks.
            auto_merge: false,
            required_contexts: [],
            description: shortened(request.description ?? `SageMaker endpoint ${request.endpointName} in ${request.region}`),
            payload: { ...request.payload, ...target },
            ...github.options()
        });
        if (!('id' in created.data)) {
            // 202: GitHub merged the default branch into the ref instead of creating a deployment.
            warn(`${prefix} was not created: GitHub answered HTTP ${created.status}: ${(0,_api_js__WEBPACK_IMPORTED_MODULE_3__/* .sentence */ .em)(created.data.message ?? 'no deployment')}`);
            return undefined;
        }
        return created.data.id;
    }
    catch (error) {
        warn(`${prefix} could not be created at ${ref}: ${describeError(github, error)}`);
        return undefined;
    }
}
/** Sets the deployment's status; false (with a warning) when GitHub would not. */
function statusPoster(github, id, request) {
    const environmentUrl = (0,_summary_js__WEBPACK_IMPORTED_MODULE_1__/* .consoleUrl */ .B9)(request.region, request.endpointName);
    return async (state, description, retried) => {
        try {
            // Retried where GitHub may answer later: a deployment left in progress by one lost answer stays so until the
            // endpoint's next deploy. (The deployment itself is not: a create whose answer was lost would make two.)
            await (0,_api_js__WEBPACK_IMPORTED_MODULE_3__/* .withRetries */ .LH)(() => github.octokit.rest.repos.createDeploymentStatus({
                ...github.repository,
                deployment_id: id,
                state,
                description: shortened(description),
                environment_url: environmentUrl,
                ...(github.run.runUrl ? { log_url: github.run.runUrl } : {}),
                // GitHub would mark every earlier successful deployment of the environment
                // inactive, whichever endpoint it put there; retireSuperseded does it for this endpoint only.
                auto_inactive: false,
                ...github.options()
            }), github.clock, retried ? undefined : 1);
            return true;
        }
        catch (error) {
            github.warn(`${github.prefix}: could not set deployment ${id} to ${state}: ${describeError(github, error)}`);
            return false;
        }
    };
}
function describeError(github, error) {
    return (0,_api_js__WEBPACK_IMPORTED_MODULE_3__/* .describeGitHubError */ .dZ)(error, {
        apiUrl: github.run.apiUrl,
        timeoutMs: github.timeoutMs,
        permissionHint: PERMISSION_HINT
    });
}
/**
 * Once a deployment succeeds, the endpoint no longer serves what earlier ones
 * put there: their `success` becomes `inactive`; and once one ends, an earlier
 * one still `in_progress` is over too. Only deployments of the same
 * endpoint and region are touched, since one environment may hold several
 * endpoints; and only older ones, since a newer run may already have succeeded.
 * GitHub's own auto_inactive cannot do this: it would take every endpoint in a
 * non-production environment and none in a production one.
 */
async function retireSuperseded(octokit, scope) {
    const { owner, repo, environment, id, target, options, timeoutMs } = scope;
    try {
        const earlier = [];
        for (let page = 1; page <= LOOKBACK_PAGES && earlier.length < SUPERSEDED_LOOKBACK; page++) {
            const { data } = await octokit.rest.repos.listDeployments({
                owner,
                repo,
                environment,
                per_page: PAGE_SIZE,
                page,
                ...options()
            });
            earlier.push(...data.filter((deployment) => deployment.id < id && sameTarget(deployment.payload, target)));
            if (data.length < PAGE_SIZE)
                break;
        }
        for (const deployment of earlier.slice(0, SUPERSEDED_LOOKBACK)) {
            const { data: statuses } = await octokit.rest.repos.listDeploymentStatuses({
                owner,
                repo,
                deployment_id: deployment.id,
                per_page: 1,
                ...options()
            });
            if (!scope.states.includes(statuses[0]?.state ?? ''))
                continue;
            await octokit.rest.repos.createDeploymentStatus({
                owner,
                repo,
                deployment_id: deployment.id,
                state: 'inactive',
                description: `Superseded by deployment ${id}`,
                ...options()
            });
        }
    }
    catch (error) {
        scope.warn(`could not mark earlier deployments of the endpoint inactive: ${(0,_api_js__WEBPACK_IMPORTED_MODULE_3__/* .describeGitHubError */ .dZ)(error, { apiUrl: '', timeoutMs, permissionHint: PERMISSION_HINT })}`);
    }
}
/** Whether a deployment's payload names this endpoint; GitHub returns it as an object, or as the string it was given. */
function sameTarget(payload, target) {
    let value = payload;
    if (typeof value === 'string') {
        try {
            value = JSON.parse(value);
        }
        catch {
            return false;
        }
    }
    if (!value || typeof value !== 'object')
        return false;
    const fields = value;
    return fields.endpointName === target.endpointName && fields.region === target.region;
}
function shortened(text) {
    return text.length > MAX_DESCRIPTION_LENGTH ? `${text.slice(0, MAX_DESCRIPTION_LENGTH - 3)}...` : text;
}


/***/ })

};
