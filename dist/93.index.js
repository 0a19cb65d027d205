export const id = 93;
export const ids = [93];
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

/***/ 7093:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   workflowRunStatus: () => (/* binding */ workflowRunStatus)
/* harmony export */ });
/* harmony import */ var _api_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8943);
/**
 * Whether a workflow run has ended, as GitHub's REST API says
 * (https://docs.github.com/en/rest/actions/workflow-runs#get-a-workflow-run):
 * a run is `completed` only once every job in it has ended, post steps
 * included, whether it succeeded, failed, was cancelled or its runner was
 * lost. Needs a token that may read the run's Actions (`actions: read`).
 */

/** The run's status; throws, saying why, when GitHub could not tell. */
async function workflowRunStatus(token, run, { repository, runId }, timeoutMs = _api_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_TIMEOUT_MS */ .t1) {
    const [owner = '', repo = ''] = repository.split('/');
    try {
        const { data } = await (0,_api_js__WEBPACK_IMPORTED_MODULE_0__/* .githubClient */ .$f)(token, run).rest.actions.getWorkflowRun({
            owner,
            repo,
            run_id: Number(runId),
            request: { signal: AbortSignal.timeout(timeoutMs) }
        });
        if (data.status === 'completed')
            return { ended: true, conclusion: data.conclusion ?? 'completed' };
        return { ended: false, status: data.status ?? 'unknown' };
    }
    catch (error) {
        throw new Error((0,_api_js__WEBPACK_IMPORTED_MODULE_0__/* .describeGitHubError */ .dZ)(error, {
            apiUrl: run.apiUrl,
            timeoutMs,
            permissionHint: "The workflow must grant the job's token `permissions: actions: read`."
        }), { cause: error });
    }
}


/***/ })

};
