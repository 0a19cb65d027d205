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
  const { run } = await import('./main.js')
  await run()
}
