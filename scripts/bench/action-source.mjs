// The action's own functions for the bench's bounds, so a bound printed beside
// a figure is the one the action works to, never a copy that could drift from
// it. A module of src/ is transpiled (types stripped, nothing bundled) with
// the modules it imports into .cache/bench-source/, beside node_modules, and
// imported from there. Only modules without side effects at import belong
// here: the verdict alarm's arithmetic, for one.

import { promises as fsp } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import ts from 'typescript'

import { REPO_ROOT } from '../../test/runner/runner.mjs'

const OUT = path.join(REPO_ROOT, '.cache', 'bench-source')
const RELATIVE_IMPORT = /(?:from|import)\s*['"](\.{1,2}\/[^'"]+)\.js['"]/g

/** Transpiles src/<file>.ts and, recursively, the relative imports left after types are stripped. */
async function transpileTree(file, done = new Set()) {
  if (done.has(file)) return
  done.add(file)
  const source = await fsp.readFile(path.join(REPO_ROOT, file), 'utf8')
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    fileName: file
  })
  const target = path.join(OUT, file.replace(/\.ts$/, '.js'))
  await fsp.mkdir(path.dirname(target), { recursive: true })
  await fsp.writeFile(target, outputText)
  for (const [, specifier] of outputText.matchAll(RELATIVE_IMPORT)) {
    await transpileTree(path.join(path.dirname(file), `${specifier}.ts`), done)
  }
}

/** The module src/<file>.ts of this checkout, as the action has it now. */
export async function actionSource(file) {
  await transpileTree(file)
  return import(pathToFileURL(path.join(OUT, file.replace(/\.ts$/, '.js'))).href)
}

/** The verdict alarm's timings for a gate-interval: src/rollout/verdict-timing.ts. */
export async function verdictTimings(gateIntervalMs) {
  const timing = await actionSource('src/rollout/verdict-timing.ts')
  return {
    periodMs: timing.verdictPeriodSeconds(gateIntervalMs) * 1000,
    heartbeatWindowMs: timing.heartbeatWindowMs(gateIntervalMs),
    /** A failed verdict: the evidence to SageMaker's rollback. */
    failedVerdictRollbackMs: timing.failedVerdictRollbackMs(gateIntervalMs),
    /** A dead runner: its last verdict to SageMaker's rollback, at most the heartbeat window and one period. */
    silenceRollbackMs: timing.silenceRollbackMs(gateIntervalMs)
  }
}
