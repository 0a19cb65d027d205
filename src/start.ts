import * as nodeModule from 'node:module'
import path from 'node:path'
import * as core from '@actions/core'
import { unsupportedRuntime } from './runtime.js'

/** Saved when the main step refuses the runtime, so that the post step stays quiet. */
const REFUSED_STATE = 'unsupported-runtime'

/**
 * The runtime is checked before the action itself is loaded: main.js is a
 * dynamic import, so nothing of it runs on a Node it was not built for.
 */
export async function start(nodeVersion: string = process.versions.node): Promise<void> {
  if (core.getState(REFUSED_STATE) === 'true') return
  const problem = unsupportedRuntime(nodeVersion)
  if (problem) {
    core.saveState(REFUSED_STATE, 'true')
    core.setFailed(problem)
    return
  }
  keepCompiledCode(process.env.RUNNER_TEMP)
  const { run } = await import('./main.js')
  await run()
}

/**
 * Most of a start is V8 compiling the bundle's chunks. Node's compile cache
 * (https://nodejs.org/api/module.html#moduleenablecompilecacheoptions) keeps
 * what this step compiled in the runner's temp folder, which lives as long as
 * the job: the post step, and every later step of this action in the job,
 * start from it. Code is taken from the cache only when its source hash
 * matches, and a cache that cannot be written costs nothing but the saving.
 */
function keepCompiledCode(runnerTemp: string | undefined): void {
  // Looked up, not imported by name: on a Node without it the import itself would fail, before the runtime check.
  const enable = (nodeModule as Partial<typeof nodeModule>).enableCompileCache
  if (runnerTemp && enable) enable(path.join(runnerTemp, 'sagemaker-deploy-action-compile-cache'))
}
