// What the end-to-end tests, the demo and the benchmark need installed before
// they run anything: the Python that runs the emulator (moto at the version the
// launcher is written for) and a Node 24 binary, each installed once under
// .cache even when parallel processes ask at the same time; and the child
// processes they start, which never outlive the process that started them.
//
// Plain ESM that imports nothing from node_modules, so ensure-emulator.mjs runs
// where no packages are installed; typed with JSDoc, which the type check reads
// and checks. runner.mjs re-exports what callers use.
// @ts-check

import { spawn } from 'node:child_process'
import { existsSync, promises as fsp } from 'node:fs'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/** The moto release the launcher's patches are written against: the one place it is pinned. */
export const MOTO_VERSION = '5.2.1'
const MOTO_REQUIREMENT = `moto[server]==${MOTO_VERSION}`

const CACHE = path.join(REPO_ROOT, '.cache')
export const EMULATOR_VENV = path.join(CACHE, 'emulator-venv')

// A lock left behind by a killed process must not block the next one forever.
const STALE_LOCK_MS = 10 * 60_000

/** A failure the person running the tests or scripts can act on: worth its message, not its stack. */
export class SetupError extends Error {
  name = 'SetupError'
}

/** @typedef {Record<string, string | undefined>} Environment */

/**
 * @typedef {object} EmulatorPythonOptions
 * @property {Environment} [env] Where EMULATOR_PYTHON and PATH are read; process.env by default.
 * @property {string} [venv] The virtual environment to use or make; .cache/emulator-venv by default.
 * @property {(message: string) => void} [onInstall] Called with a line to show before a slow install starts.
 */

// ---------------------------------------------------------------------------
// Child processes
// ---------------------------------------------------------------------------

// A test or script that ends early must leave no emulator or action running.
/** @type {Set<import('node:child_process').ChildProcess>} */
const liveChildren = new Set()
const killLiveChildren = () => {
  for (const child of liveChildren) child.kill('SIGKILL')
}

/**
 * @template {import('node:child_process').ChildProcess} Child
 * @param {Child} child
 * @returns {Child}
 */
export function track(child) {
  // The hook lives only while something runs: jest loads this module once per
  // test file in one process, and a hook per load would pile up.
  if (liveChildren.size === 0) process.on('exit', killLiveChildren)
  liveChildren.add(child)
  const forget = () => {
    liveChildren.delete(child)
    if (liveChildren.size === 0) process.removeListener('exit', killLiveChildren)
  }
  child.once('exit', forget)
  child.once('error', forget)
  return child
}

/**
 * @typedef {object} Captured
 * @property {number | null} code
 * @property {NodeJS.Signals | null} signal
 * @property {string} stdout
 * @property {string} stderr
 * @property {NodeJS.ErrnoException} [error] Why the command could not be started.
 */

/**
 * Runs a command to its end and keeps what it printed.
 * @param {string} command
 * @param {string[]} args
 * @param {{ env?: Environment, cwd?: string, timeoutMs?: number }} [options]
 * @returns {Promise<Captured>}
 */
function capture(command, args, { env = process.env, cwd = REPO_ROOT, timeoutMs } = {}) {
  return new Promise((resolve) => {
    let stdout = ''
    let stderr = ''
    let settled = false
    let child
    try {
      child = track(spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] }))
    } catch (error) {
      // Node throws some spawn failures instead of emitting them: ETXTBSY when
      // another process is still writing the binary, for one.
      resolve({ code: null, signal: null, stdout, stderr, error: /** @type {NodeJS.ErrnoException} */ (error) })
      return
    }
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.stdout.setEncoding('utf8').on('data', (text) => (stdout += text))
    child.stderr.setEncoding('utf8').on('data', (text) => (stderr += text))
    /** @param {Captured} result */
    const finish = (result) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      resolve(result)
    }
    child.once('error', (error) => finish({ code: null, signal: null, stdout, stderr, error }))
    child.once('close', (code, signal) => finish({ code, signal, stdout, stderr }))
  })
}

/**
 * A path as a message shows it: relative inside the repository, whole outside it.
 * @param {string} file
 */
export const shown = (file) => (file.startsWith(REPO_ROOT + path.sep) ? path.relative(REPO_ROOT, file) : file)

/** @param {string} text */
const lastLines = (text, count = 15) => text.trim().split('\n').slice(-count).join('\n')

/**
 * Runs `work` while holding a lock directory, so that parallel callers never install the same thing twice.
 * @template T
 * @param {string} lockDir
 * @param {() => Promise<T>} work
 * @returns {Promise<T>}
 */
async function withLock(lockDir, work) {
  await fsp.mkdir(path.dirname(lockDir), { recursive: true })
  for (;;) {
    try {
      await fsp.mkdir(lockDir)
      break
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error
      const stat = await fsp.stat(lockDir).catch(() => undefined)
      if (stat && Date.now() - stat.mtimeMs > STALE_LOCK_MS) await fsp.rm(lockDir, { recursive: true, force: true })
      await sleep(250)
    }
  }
  try {
    return await work()
  } finally {
    await fsp.rm(lockDir, { recursive: true, force: true })
  }
}

/**
 * @param {Environment} target
 * @param {Environment} [changes]
 */
export function applyEnv(target, changes = {}) {
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete target[key]
    else target[key] = value
  }
  return target
}

// ---------------------------------------------------------------------------
// The emulator's Python
// ---------------------------------------------------------------------------

const MOTO_PROBE = 'import moto.server, flask, werkzeug; from importlib.metadata import version; print(version("moto"))'

/**
 * Why `python` cannot run the emulator, or undefined when it can.
 * @param {string} python
 * @param {Environment} env
 */
async function motoProblem(python, env) {
  const probe = await capture(python, ['-c', MOTO_PROBE], { env, timeoutMs: 60_000 })
  if (probe.error?.code === 'ENOENT') return `${python} was not found`
  if (probe.error) return `${python} could not be started (${probe.error.message})`
  if (probe.code !== 0) return `${python} cannot import moto's server (${lastLines(probe.stderr, 1)})`
  const version = probe.stdout.trim()
  // The launcher patches moto internals that change between releases.
  if (version !== MOTO_VERSION) return `${python} has moto ${version}, and the emulator is written for ${MOTO_VERSION}`
  return undefined
}

/** @type {Map<string, Promise<string>>} */
const pythonChoices = new Map()

/**
 * The Python that runs the emulator: EMULATOR_PYTHON when set, else the first
 * of the emulator's venv and python3 that has moto at MOTO_VERSION with its
 * server extras, else a new venv with it pip-installed. A venv because
 * PEP 668 system Pythons refuse `pip install` outside one; with the system's
 * site packages, so that a moto already installed there is used, not fetched.
 * @param {EmulatorPythonOptions} [options]
 * @returns {Promise<string>}
 */
export function emulatorPython(options = {}) {
  const env = options.env ?? process.env
  const venv = options.venv ?? EMULATOR_VENV
  const key = JSON.stringify([env.EMULATOR_PYTHON, env.PATH, venv])
  let choice = pythonChoices.get(key)
  if (!choice) {
    choice = choosePython(env, venv, options.onInstall)
    pythonChoices.set(key, choice)
    // A failure is looked into again by the next caller, not remembered.
    choice.catch(() => pythonChoices.delete(key))
  }
  return choice
}

/**
 * @param {Environment} env
 * @param {string} venv
 * @param {((message: string) => void) | undefined} onInstall
 * @returns {Promise<string>}
 */
async function choosePython(env, venv, onInstall) {
  const chosen = env.EMULATOR_PYTHON
  if (chosen) {
    const problem = await motoProblem(chosen, env)
    if (problem) {
      throw new SetupError(
        `EMULATOR_PYTHON is ${chosen}, and ${problem}.\n` +
          `Install moto there (${chosen} -m pip install '${MOTO_REQUIREMENT}'), or unset EMULATOR_PYTHON ` +
          `to let the emulator make its own virtual environment in .cache/emulator-venv.`
      )
    }
    return chosen
  }
  const venvPython = path.join(venv, 'bin', 'python')
  for (const python of [venvPython, 'python3']) {
    if (python === venvPython && !existsSync(venvPython)) continue
    if (!(await motoProblem(python, env))) return python
  }
  return withLock(`${venv}.lock`, async () => {
    // Another process may have made it while this one waited for the lock.
    if (existsSync(venvPython) && !(await motoProblem(venvPython, env))) return venvPython
    onInstall?.(`Installing ${MOTO_REQUIREMENT} into ${shown(venv)}, once…`)
    await installMoto(venv, venvPython, env)
    const problem = await motoProblem(venvPython, env)
    if (problem) throw new SetupError(`After installing ${MOTO_REQUIREMENT} into ${venv}, ${problem}.`)
    return venvPython
  })
}

/**
 * @param {string} venv
 * @param {string} venvPython
 * @param {Environment} env
 */
async function installMoto(venv, venvPython, env) {
  const elsewhere = `or set EMULATOR_PYTHON to a Python that has '${MOTO_REQUIREMENT}'`
  // --clear: a venv that failed the check is remade rather than patched.
  const made = await capture('python3', ['-m', 'venv', '--clear', '--system-site-packages', venv], {
    env,
    timeoutMs: 5 * 60_000
  })
  if (made.error?.code === 'ENOENT') {
    throw new SetupError(
      `The AWS emulator needs Python 3 with moto ${MOTO_VERSION}, and python3 is not on PATH.\n` +
        `Install Python 3 with its venv module (Debian and Ubuntu: apt-get install python3 python3-venv), ${elsewhere}.`
    )
  }
  if (made.code !== 0) {
    throw new SetupError(
      `python3 -m venv could not make ${venv}:\n${lastLines(made.stderr || made.stdout)}\n` +
        `Install Python's venv module (Debian and Ubuntu: apt-get install python3-venv), ${elsewhere}.`
    )
  }
  const pip = await capture(
    venvPython,
    ['-m', 'pip', 'install', '--disable-pip-version-check', '--quiet', MOTO_REQUIREMENT],
    { env, timeoutMs: 15 * 60_000 }
  )
  if (pip.code !== 0) {
    throw new SetupError(
      `pip could not install '${MOTO_REQUIREMENT}' into ${venv} (exit ${pip.code ?? pip.signal}):\n` +
        `${lastLines(pip.stderr || pip.stdout)}\n` +
        `Without access to PyPI, install it where python3 finds it (the venv sees python3's packages), ${elsewhere}.`
    )
  }
}

// ---------------------------------------------------------------------------
// Node 24
// ---------------------------------------------------------------------------

/**
 * `node --version` of a binary, or undefined when it is missing or broken.
 * @param {string} binary
 * @returns {Promise<string | undefined>}
 */
export async function nodeVersion(binary) {
  if (!existsSync(binary)) return undefined
  const result = await capture(binary, ['--version'], { timeoutMs: 30_000 })
  return result.code === 0 ? result.stdout.trim() : undefined
}

/** @type {Promise<string> | undefined} */
let node24

/**
 * A Node 24 binary (GitHub's node24 runtime), installed from the npm registry into .cache/node24 on first use.
 * @param {{ onInstall?: (message: string) => void }} [options]
 * @returns {Promise<string>}
 */
export function ensureNode24(options = {}) {
  if (!node24) {
    node24 = installNode24(options.onInstall)
    // A failed install is tried again by the next caller, not remembered.
    node24.catch(() => (node24 = undefined))
  }
  return node24
}

/** @param {((message: string) => void) | undefined} onInstall */
async function installNode24(onInstall) {
  const pkg = `node-${process.platform}-${process.arch}`
  const prefix = path.join(CACHE, 'node24')
  const binary = path.join(prefix, 'node_modules', pkg, 'bin', 'node')
  const isNode24 = async () => (await nodeVersion(binary))?.startsWith('v24.') ?? false
  // Checked without the lock: the binary only ever appears whole (see below).
  if (await isNode24()) return binary
  await withLock(path.join(CACHE, 'node24.lock'), async () => {
    if (await isNode24()) return
    onInstall?.(`Installing Node 24 (${pkg}@24 from the npm registry) into .cache/node24, once…`)
    // npm writes into a staging folder that is then renamed into place, so a
    // process checking .cache/node24 without the lock finds no binary or a
    // whole one, never one still being written (spawning that fails: ETXTBSY).
    const staging = `${prefix}.staging-${process.pid}`
    await fsp.rm(staging, { recursive: true, force: true })
    await fsp.mkdir(staging, { recursive: true })
    // `npm run` and `npm test` export npm_config_* for this project; they
    // must not steer this install into another folder.
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)))
    const result = await capture(
      'npm',
      ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', staging, `${pkg}@24`],
      { cwd: staging, env, timeoutMs: 10 * 60_000 }
    )
    if (result.code !== 0) {
      await fsp.rm(staging, { recursive: true, force: true })
      throw new SetupError(
        `npm install ${pkg}@24 failed (exit ${result.code}):\n${(result.stderr || result.stdout || String(result.error ?? '')).trim()}`
      )
    }
    await fsp.rm(prefix, { recursive: true, force: true })
    await fsp.rename(staging, prefix)
  })
  const version = await nodeVersion(binary)
  if (!version?.startsWith('v24.')) {
    throw new SetupError(`Installed ${pkg}@24, but ${binary} reports ${version ?? 'nothing'}`)
  }
  return binary
}
