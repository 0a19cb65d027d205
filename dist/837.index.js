export const id = 837;
export const ids = [837];
export const modules = {

/***/ 7837:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  start: () => (/* binding */ start)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
;// CONCATENATED MODULE: ./src/runtime.ts
/**
 * The runner the action needs, and the one sign of an older one the action can
 * see. action.yml says `runs.using: node24`, which runners run from 2.327.1 on
 * (https://github.com/actions/runner/releases/tag/v2.327.1), that is GitHub
 * Enterprise Server 3.18 or later. An older runner refuses the action while
 * reading action.yml ("'using: node24' is not supported", ActionManifestManager
 * in https://github.com/actions/runner), before any code here runs, and no
 * runner tells a step its own version in the environment: neither case can be
 * reported from here. What can be seen is the Node the step runs on: a runner
 * on Linux ARM32 runs node24 actions on Node 20 (NodeUtil.CheckNodeVersionForLinuxArm32
 * in the runner's source), and a hand-started bundle may run on anything.
 */
const MINIMUM_NODE_MAJOR = 24;
const RUNNER_REQUIREMENT = 'runs.using: node24, which needs a GitHub Actions runner 2.327.1 or later (GitHub Enterprise Server 3.18 or later) on a platform it runs Node 24 on (not Linux ARM32)';
/** Why this Node cannot run the action, or undefined when it can. */
function unsupportedRuntime(nodeVersion) {
    const major = Number(/^v?(\d+)\./.exec(nodeVersion)?.[1]);
    if (Number.isInteger(major) && major >= MINIMUM_NODE_MAJOR)
        return undefined;
    return `This action needs Node ${MINIMUM_NODE_MAJOR} and was started on Node ${nodeVersion}. It declares ${RUNNER_REQUIREMENT}. Update the runner, or run the job on another one; nothing was changed.`;
}

;// CONCATENATED MODULE: ./src/start.ts


/** Saved when the main step refuses the runtime, so that the post step stays quiet. */
const REFUSED_STATE = 'unsupported-runtime';
/**
 * The runtime is checked before the action itself is loaded: main.js is a
 * dynamic import, so nothing of it runs on a Node it was not built for.
 */
async function start(nodeVersion = process.versions.node) {
    if (core/* getState */.Gu(REFUSED_STATE) === 'true')
        return;
    const problem = unsupportedRuntime(nodeVersion);
    if (problem) {
        core/* saveState */.LZ(REFUSED_STATE, 'true');
        core/* setFailed */.C1(problem);
        return;
    }
    const { run } = await Promise.all(/* import() */[__webpack_require__.e(675), __webpack_require__.e(187)]).then(__webpack_require__.bind(__webpack_require__, 6187));
    await run();
}


/***/ })

};
