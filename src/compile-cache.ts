import * as nodeModule from 'node:module'
import path from 'node:path'

/**
 * Most of a start is V8 compiling the bundle's chunks. Node's compile cache
 * (https://nodejs.org/api/module.html#moduleenablecompilecacheoptions) keeps
 * what this step compiled in the runner's temp folder, which lives as long as
 * the job: the post step, and every later step of this action in the job,
 * start from it. Code is taken from the cache only when its source hash
 * matches, and a cache that cannot be written costs nothing but the saving.
 */
export function keepCompiledCode(runnerTemp: string | undefined): void {
  // Looked up, not imported by name: on a Node without it the import itself would fail, before the runtime check.
  const enable = (nodeModule as Partial<typeof nodeModule>).enableCompileCache
  if (runnerTemp && enable) enable(path.join(runnerTemp, 'sagemaker-deploy-action-compile-cache'))
}
