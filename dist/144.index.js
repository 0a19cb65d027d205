export const id = 144;
export const ids = [144];
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

/***/ 8144:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   postPlanComment: () => (/* binding */ postPlanComment)
/* harmony export */ });
/* unused harmony exports planMarker, pullRequestNumber */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6421);
/* harmony import */ var _api_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8943);
/* harmony import */ var _run_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1738);
/**
 * A dry run's plan on the pull request it was run for (`plan-comment: true`),
 * so reviewers read what a merge would do where they review it. One comment
 * per endpoint and region: a later dry run updates it instead of adding
 * another. Like the deployment, nothing here may fail the run: every problem
 * with the GitHub API is a warning.
 *
 * REST API: https://docs.github.com/en/rest/issues/comments (a pull request's
 * conversation comments are its issue's comments).
 */




const PERMISSION_HINT = "The workflow must grant the job's token `permissions: pull-requests: write`, or pass a token that has it as github-token.";
/** GitHub refuses a comment body longer than this. */
const MAX_BODY_LENGTH = 65_536;
/** Comments looked through for this endpoint's: a busy pull request's first thousand. */
const MAX_PAGES = 10;
const PER_PAGE = 100;
/** The hidden line that marks the comment as this endpoint's plan, so a later run finds it. */
function planMarker(endpointName, region) {
    return `<!-- sagemaker-deploy-plan: ${region}/${endpointName} -->`;
}
/**
 * The pull request the run is for: the event's `pull_request` (pull_request
 * and pull_request_target events), or an issue comment's pull request, or
 * else a `refs/pull/<n>/merge` ref.
 */
function pullRequestNumber(env, run) {
    const path = env.GITHUB_EVENT_PATH?.trim();
    if (path) {
        try {
            const event = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8'));
            const number = event.pull_request?.number ?? (event.issue?.pull_request ? event.issue.number : undefined);
            if (typeof number === 'number' && Number.isInteger(number) && number > 0)
                return number;
        }
        catch {
            // An unreadable event file leaves the ref to say.
        }
    }
    const fromRef = /^refs\/pull\/(\d+)\//.exec(run.ref ?? '')?.[1];
    return fromRef ? Number(fromRef) : undefined;
}
/** Posts or updates the plan's comment; resolves with its URL, or undefined when there was none to post. */
async function postPlanComment(request) {
    const warn = request.warn ?? ((message) => _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e(message));
    const run = (0,_run_js__WEBPACK_IMPORTED_MODULE_3__/* .workflowRun */ .t)(request.env);
    const number = pullRequestNumber(request.env, run);
    if (number === undefined) {
        _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq('plan-comment: this run is not for a pull request, so the plan is in the job summary only.');
        return undefined;
    }
    const prefix = `The plan's comment on pull request #${number}`;
    const token = request.token.trim();
    if (!token) {
        warn(`${prefix} was not posted: no github-token was given. ${PERMISSION_HINT}`);
        return undefined;
    }
    if (!run.owner || !run.repo) {
        warn(`${prefix} was not posted: GITHUB_REPOSITORY must name the repository.`);
        return undefined;
    }
    const octokit = (0,_api_js__WEBPACK_IMPORTED_MODULE_2__/* .githubClient */ .$f)(token, run);
    const timeoutMs = request.timeoutMs ?? _api_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_TIMEOUT_MS */ .t1;
    const options = () => ({ request: { signal: AbortSignal.timeout(timeoutMs) } });
    const marker = planMarker(request.endpointName, request.region);
    const body = commentBody(marker, request, run);
    const issue = { owner: run.owner, repo: run.repo, issue_number: number };
    try {
        const existing = await findComment(octokit, issue, marker, options);
        const answer = existing
            ? await octokit.rest.issues.updateComment({
                owner: run.owner,
                repo: run.repo,
                comment_id: existing,
                body,
                ...options()
            })
            : await octokit.rest.issues.createComment({ ...issue, body, ...options() });
        _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq(`${existing ? 'Updated' : 'Posted'} the plan on pull request #${number}: ${answer.data.html_url}`);
        return answer.data.html_url;
    }
    catch (error) {
        warn(`${prefix} was not posted: ${(0,_api_js__WEBPACK_IMPORTED_MODULE_2__/* .describeGitHubError */ .dZ)(error, { apiUrl: run.apiUrl, timeoutMs, permissionHint: PERMISSION_HINT })}`);
        return undefined;
    }
}
async function findComment(octokit, issue, marker, options) {
    for (let page = 1; page <= MAX_PAGES; page++) {
        const { data } = await octokit.rest.issues.listComments({ ...issue, per_page: PER_PAGE, page, ...options() });
        const found = data.find((comment) => comment.body?.includes(marker) && mayBeOurs(comment));
        if (found)
            return found.id;
        if (data.length < PER_PAGE)
            return undefined;
    }
    return undefined;
}
/**
 * Associations of people the repository has taken in (owners, members, invited collaborators), unlike anyone who
 * may comment on a public pull request: a personal token's comments carry its owner's.
 * https://docs.github.com/en/graphql/reference/enums#commentauthorassociation
 */
const WRITERS = new Set(['OWNER', 'MEMBER', 'COLLABORATOR']);
/**
 * Whether a comment with the marker may be the plan an earlier run posted: written by the workflow's token
 * (github-actions[bot]) or by someone who can push. Anyone may comment on a public repository's pull request; a
 * comment of theirs carrying the hidden marker would otherwise be the one updated, which its author could edit into
 * a false plan for reviewers, or, if the token may not edit it, keep the plan from being posted at all.
 */
function mayBeOurs(comment) {
    const bySelf = comment.user?.type === 'Bot' && comment.user.login === 'github-actions[bot]';
    return bySelf || WRITERS.has(comment.author_association ?? '');
}
function commentBody(marker, request, run) {
    const by = run.runUrl ? `[this run](${run.runUrl})` : 'a run';
    const commit = run.sha ? ` at ${run.sha.slice(0, 7)}` : '';
    const footer = `\n\n<sub>Dry run of endpoint ${request.endpointName} in ${request.region}, by ${by}${commit}: nothing was changed. A later dry run updates this comment.</sub>`;
    const room = MAX_BODY_LENGTH - marker.length - footer.length - 2;
    return `${marker}\n${fitted(request.body, room)}${footer}`;
}
const CUT_SHORT = '\n\n(cut short: see the run)';
/**
 * The plan within `room` characters, cut where the rest still renders: the charts go first (they repeat the
 * step table), then the text is cut outside any code fence and any tag, so the footer after it is not swallowed
 * by an unclosed mermaid block or half a tag.
 */
function fitted(plan, room) {
    if (plan.length <= room)
        return plan;
    const withoutCharts = plan.replace(/\n?```mermaid\n[\s\S]*?\n```\n?/g, '\n');
    if (withoutCharts.length + CUT_SHORT.length <= room)
        return `${withoutCharts}${CUT_SHORT}`;
    let cut = withoutCharts.slice(0, room - CUT_SHORT.length);
    if ((cut.match(/```/g) ?? []).length % 2 === 1)
        cut = cut.slice(0, cut.lastIndexOf('```'));
    if (cut.lastIndexOf('<') > cut.lastIndexOf('>'))
        cut = cut.slice(0, cut.lastIndexOf('<'));
    return `${cut}${CUT_SHORT}`;
}


/***/ })

};
