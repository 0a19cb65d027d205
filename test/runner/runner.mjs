// Runs the bundled action the way a GitHub runner runs a `node24` action
// step, against the local AWS emulator (moto, patched by
// test/emulator/launcher.py). The end-to-end tests, `npm run demo` and
// `npm run bench` all go through here, so they cannot drift apart.
//
// Plain ESM so that the scripts load it with plain Node straight after
// `npm ci`, without a TypeScript loader; typed with JSDoc, which the type
// check reads and checks. Nothing from node_modules is imported at load time,
// so ensure-emulator.mjs also runs where no packages are installed (the CI
// self-test job).
// @ts-check

import { spawn } from 'node:child_process'
import { existsSync, promises as fsp } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'

import { requestJson } from '../emulator/control.mjs'
import { preciseNow } from '../proxy/proxy.mjs'

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/** The moto release the launcher's patches are written against: the one place it is pinned. */
export const MOTO_VERSION = '5.2.1'
const MOTO_REQUIREMENT = `moto[server]==${MOTO_VERSION}`

/** moto's default account and the region every run uses. */
export const EMULATOR_ACCOUNT = '123456789012'
export const EMULATOR_REGION = 'us-east-1'

export const ACTION_ENTRY = path.join(REPO_ROOT, 'dist', 'index.js')
export const ACTION_YML = path.join(REPO_ROOT, 'action.yml')
const LAUNCHER = path.join(REPO_ROOT, 'test', 'emulator', 'launcher.py')
const CACHE = path.join(REPO_ROOT, '.cache')
export const EMULATOR_VENV = path.join(CACHE, 'emulator-venv')

/** The runner's cancellation of a step: SIGINT, SIGTERM 7.5 s later, a kill 2.5 s after that. */
export const CANCEL_SIGTERM_MS = 7_500
export const CANCEL_KILL_MS = 10_000

const DEFAULT_STEP_TIMEOUT_MS = 120_000
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

/**
 * @typedef {object} EmulatorOptions
 * @property {number} [transitionSeconds] Seconds an endpoint spends Creating/Updating/RollingBack.
 * @property {string} [python] Python interpreter; emulatorPython() by default.
 * @property {Environment} [env] Extra environment for the launcher (a value of undefined removes the variable).
 * @property {number} [startTimeoutMs]
 * @property {boolean} [detached] In its own process group, so a Ctrl-C in the terminal reaches the caller alone,
 *   which then stops it in order.
 */

/**
 * @typedef {object} SignalPlan
 * @property {NodeJS.Signals} name
 * @property {number} [afterMs] Send the signal this long after start.
 * @property {RegExp | string} [whenOutput] Send the signal when a stdout/stderr line matches.
 */

/**
 * @typedef {object} RunStepOptions
 * @property {Record<string, string>} inputs
 * @property {Emulator | string} [emulator] The emulator (or its URL, such as a proxy's). Without one, AWS calls go
 *   to a closed local port.
 * @property {Environment} [env] Extra environment, applied last (set a value to undefined to remove it).
 * @property {{ name: string, payload: unknown }} [event] The event that triggered the run: its name
 *   (GITHUB_EVENT_NAME) and the payload written to GITHUB_EVENT_PATH.
 * @property {boolean} [post] Run as the post step, with `state` passed as STATE_<name> variables.
 * @property {Record<string, string>} [state]
 * @property {SignalPlan} [signal]
 * @property {AbortSignal} [cancel] Aborting it cancels the step as the runner cancels a run: SIGINT, SIGTERM 7.5 s
 *   later, a kill at 10 s.
 * @property {(line: string, stream: 'stdout' | 'stderr', send: (signal: NodeJS.Signals) => void) => void} [onOutput]
 *   Called for every output line; may send signals through `send`.
 * @property {number} [timeoutMs] The process is killed after this long (default 120 000); Infinity for no limit.
 * @property {string} [entry] Defaults to <repo>/dist/index.js.
 * @property {string} [actionYml] Defaults to <repo>/action.yml.
 * @property {boolean} [allowUndeclaredInputs] The runner only warns about inputs action.yml does not declare; here
 *   they are taken as typos.
 * @property {boolean} [detached] In its own process group, so a Ctrl-C in the terminal reaches the caller alone,
 *   which then cancels it.
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
function track(child) {
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
const shown = (file) => (file.startsWith(REPO_ROOT + path.sep) ? path.relative(REPO_ROOT, file) : file)

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
function applyEnv(target, changes = {}) {
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
// The emulator
// ---------------------------------------------------------------------------

/** @param {string} url */
async function answersHealth(url) {
  try {
    return (await fetch(`${url}/emulator/health`)).ok
  } catch {
    return false
  }
}

/**
 * Starts test/emulator/launcher.py on a port the OS picks, and waits until it answers.
 * @param {EmulatorOptions} [options]
 */
export async function startEmulator(options = {}) {
  const python = options.python ?? (await emulatorPython())
  const env = applyEnv({ ...process.env }, options.env)
  env.PYTHONUNBUFFERED = '1'
  if (options.transitionSeconds !== undefined) env.EMULATOR_TRANSITION_SECONDS = String(options.transitionSeconds)
  // Port 0: the launcher binds whatever port the OS gives it and reports it,
  // so no other process can take the port between choosing and binding.
  const child = track(
    spawn(python, [LAUNCHER, '--host', '127.0.0.1', '--port', '0'], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: options.detached ?? false
    })
  )
  let output = ''
  /** @param {string} text */
  const append = (text) => (output = (output + text).slice(-20_000))
  child.stdout.setEncoding('utf8').on('data', append)
  child.stderr.setEncoding('utf8').on('data', append)
  /** @type {string | undefined} */
  let ended
  const exited = new Promise((resolve) => {
    child.once('exit', () => resolve((ended ??= 'exited')))
    child.once('error', (error) => resolve((ended ??= `could not be started (${error.message})`)))
  })

  const timeoutMs = options.startTimeoutMs ?? 30_000
  const deadline = Date.now() + timeoutMs
  /** @type {string | undefined} */
  let url
  for (;;) {
    if (ended) throw new SetupError(`The emulator (${python} ${LAUNCHER}) ${ended} before it was ready:\n${output}`)
    url ??= /EMULATOR READY (http:\/\/\S+)/.exec(output)?.[1]
    if (url && (await answersHealth(url))) break
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new SetupError(`The emulator did not become ready within ${timeoutMs / 1000} s:\n${output}`)
    }
    await sleep(50)
  }

  const ready = url
  return {
    /** Base URL to use as AWS_ENDPOINT_URL, such as http://127.0.0.1:41234 */
    url: ready,
    port: Number(new URL(ready).port),
    /** The launcher's recent output, for failure messages. */
    logs: () => output,
    /** Clears every AWS resource and every emulator rule (POST /moto-api/reset). */
    async reset() {
      await requestJson(ready, '/moto-api/reset', 'POST', {})
    },
    async stop() {
      if (ended) return
      child.kill('SIGTERM')
      const kill = setTimeout(() => child.kill('SIGKILL'), 5_000)
      await exited
      clearTimeout(kill)
    }
  }
}

export { requestJson }

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

// ---------------------------------------------------------------------------
// What the runner gives a step
// ---------------------------------------------------------------------------

/** @type {Map<string, { mtimeMs: number, inputs: ActionInput[] }>} */
const inputCache = new Map()

/** The job's token, as the runner puts it where a default says `${{ github.token }}`. */
export const RUNNER_GITHUB_TOKEN = 'ghs_runner-job-token'

/**
 * A default as the runner passes it: the one expression action.yml uses evaluated, the rest as written.
 * @param {string} text
 */
function evaluateDefault(text) {
  return text.replace(/\$\{\{\s*github\.token\s*\}\}/g, RUNNER_GITHUB_TOKEN)
}

/**
 * @typedef {object} ActionInput
 * @property {string} name
 * @property {string} [default] As the runner passes it: text.
 * @property {boolean} required
 */

/**
 * The inputs action.yml declares, with their defaults as the runner passes them (text) and their required flags.
 * @param {string} actionYmlPath
 * @returns {Promise<ActionInput[]>}
 */
export async function declaredInputs(actionYmlPath) {
  const { mtimeMs } = await fsp.stat(actionYmlPath)
  const cached = inputCache.get(actionYmlPath)
  if (cached?.mtimeMs === mtimeMs) return cached.inputs
  // Loaded here, not at the top, so that the rest of the module works without node_modules.
  const { parse } = await import('yaml')
  const declared = parse(await fsp.readFile(actionYmlPath, 'utf8'))?.inputs ?? {}
  if (typeof declared !== 'object' || Array.isArray(declared)) {
    throw new Error(`${actionYmlPath}: inputs is not a mapping of input names`)
  }
  const inputs = Object.entries(declared).map(([name, spec]) => {
    /** @type {ActionInput} */
    const input = { name, required: spec?.required === true || spec?.required === 'true' }
    // The same text scripts/docs.mjs writes into src/action-defaults.ts; an empty `default:` is ''.
    if (spec?.default !== undefined) input.default = spec.default === null ? '' : String(spec.default)
    return input
  })
  inputCache.set(actionYmlPath, { mtimeMs, inputs })
  return inputs
}

/**
 * The runner's rule: upper-case, spaces to underscores, hyphens kept.
 * @param {string} name
 */
export const inputEnvName = (name) => `INPUT_${name.replace(/ /g, '_').toUpperCase()}`

/**
 * Reads a GITHUB_OUTPUT / GITHUB_STATE / GITHUB_ENV file as the runner does:
 * `name=value` lines and `name<<DELIMITER` heredocs; any other line is an error.
 * @param {string} text
 */
export function parseRunnerFile(text) {
  /** @type {Record<string, string>} */
  const result = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    if (line === '') continue
    const equals = line.indexOf('=')
    const heredoc = line.indexOf('<<')
    if (equals >= 0 && (heredoc < 0 || equals < heredoc)) {
      if (equals === 0) throw new Error(`Invalid line in runner file, no name: ${JSON.stringify(line)}`)
      result[line.slice(0, equals)] = line.slice(equals + 1)
      continue
    }
    if (heredoc < 0) throw new Error(`Invalid line in runner file: ${JSON.stringify(line)}`)
    const name = line.slice(0, heredoc)
    const delimiter = line.slice(heredoc + 2)
    if (!name || !delimiter) throw new Error(`Invalid heredoc line in runner file: ${JSON.stringify(line)}`)
    const value = []
    let closed = false
    for (i++; i < lines.length; i++) {
      if (lines[i] === delimiter) {
        closed = true
        break
      }
      value.push(lines[i])
    }
    if (!closed) throw new Error(`Heredoc for ${name} is missing its closing delimiter ${delimiter}`)
    result[name] = value.join('\n')
  }
  return result
}

/**
 * What the runner exports for every step; a caller that needs other values passes them through `env`.
 * @param {{ workspace: string, temp: string, eventPath: string }} dirs
 */
export function runnerEnvironment(dirs) {
  return {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'example/repo',
    GITHUB_REPOSITORY_OWNER: 'example',
    GITHUB_WORKSPACE: dirs.workspace,
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_EVENT_PATH: dirs.eventPath,
    GITHUB_WORKFLOW: 'deploy',
    GITHUB_JOB: 'deploy',
    GITHUB_RUN_ID: '1001',
    GITHUB_RUN_NUMBER: '7',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTOR: 'octocat',
    GITHUB_ACTION: '__self',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REF_NAME: 'main',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_GRAPHQL_URL: 'https://api.github.com/graphql',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'e2e-runner',
    RUNNER_TEMP: dirs.temp,
    RUNNER_TOOL_CACHE: path.join(dirs.temp, 'tool-cache')
  }
}

// The runner starts an action with a clean slate of these: nothing of the
// developer's own AWS setup, inputs, state, test runner or `npm run` may leak
// into a step.
const DEVELOPER_ONLY = /^(AWS_|INPUT_|STATE_|GITHUB_|RUNNER_|ACTIONS_|JEST_|SAGEMAKER_|npm_|NODE_OPTIONS$|NODE_ENV$)/i

/**
 * A copy of `env` without the variables a runner would not pass to an action.
 * @param {Environment} env
 * @returns {Record<string, string>}
 */
export function scrubEnvironment(env) {
  return Object.fromEntries(
    Object.entries(env).flatMap(([key, value]) =>
      value === undefined || DEVELOPER_ONLY.test(key) ? [] : [/** @type {const} */ ([key, value])]
    )
  )
}

/** Throws unless the bundle exists: every run executes the committed dist/index.js. */
export function requireBuiltAction(entry = ACTION_ENTRY) {
  if (!existsSync(entry)) {
    throw new SetupError(`${shown(entry)} is missing: run "npm run build" first.`)
  }
}

// ---------------------------------------------------------------------------
// Running a step
// ---------------------------------------------------------------------------

/**
 * @param {RegExp | string} pattern
 * @param {string} line
 */
const lineMatches = (pattern, line) => (typeof pattern === 'string' ? line.includes(pattern) : pattern.test(line))

/**
 * Runs the action once, as the main step or (with `post`) as the post step, the way the runner does.
 * @param {RunStepOptions} options
 */
export async function runStep(options) {
  const entry = options.entry ?? ACTION_ENTRY
  requireBuiltAction(entry)
  const actionYml = options.actionYml ?? ACTION_YML
  const declared = await declaredInputs(actionYml)
  const undeclared = Object.keys(options.inputs).filter((name) => !declared.some((input) => input.name === name))
  if (undeclared.length && !options.allowUndeclaredInputs) {
    throw new Error(
      `Input(s) not declared in ${path.basename(actionYml)}: ${undeclared.join(', ')}. ` +
        `Declared: ${declared.map((input) => input.name).join(', ')}`
    )
  }
  const node = await ensureNode24()

  const root = await fsp.mkdtemp(path.join(os.tmpdir(), 'action-run-'))
  try {
    const dirs = {
      workspace: path.join(root, 'workspace'),
      temp: path.join(root, 'runner-temp'),
      eventPath: path.join(root, 'event.json')
    }
    await fsp.mkdir(dirs.workspace)
    await fsp.mkdir(dirs.temp)
    await fsp.writeFile(dirs.eventPath, JSON.stringify(options.event?.payload ?? { inputs: {} }))
    const files = {
      GITHUB_OUTPUT: path.join(root, 'output'),
      GITHUB_STATE: path.join(root, 'state'),
      GITHUB_STEP_SUMMARY: path.join(root, 'step-summary'),
      GITHUB_ENV: path.join(root, 'env'),
      GITHUB_PATH: path.join(root, 'path')
    }
    for (const file of Object.values(files)) await fsp.writeFile(file, '')

    const emulatorUrl = typeof options.emulator === 'string' ? options.emulator : options.emulator?.url
    /** @type {Environment} */
    const env = {
      ...scrubEnvironment(process.env),
      ...runnerEnvironment(dirs),
      ...files,
      // Without an emulator, AWS calls go to a closed local port, never to AWS.
      AWS_ENDPOINT_URL: emulatorUrl ?? 'http://127.0.0.1:9',
      AWS_REGION: EMULATOR_REGION,
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
      // Keep the developer's ~/.aws files and any instance metadata out of reach.
      AWS_CONFIG_FILE: path.join(root, 'aws-config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(root, 'aws-credentials'),
      AWS_EC2_METADATA_DISABLED: 'true'
    }
    if (options.event) env.GITHUB_EVENT_NAME = options.event.name
    for (const input of declared) {
      if (input.default !== undefined) env[inputEnvName(input.name)] = evaluateDefault(input.default)
    }
    for (const [name, value] of Object.entries(options.inputs)) env[inputEnvName(name)] = value
    if (options.post) {
      for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value
    }
    applyEnv(env, options.env)

    const ended = await execute(node, entry, dirs.workspace, env, options)
    /** @param {string} file */
    const read = (file) => fsp.readFile(file, 'utf8')
    return {
      ...ended,
      outputs: parseRunnerFile(await read(files.GITHUB_OUTPUT)),
      summary: await read(files.GITHUB_STEP_SUMMARY),
      state: parseRunnerFile(await read(files.GITHUB_STATE)),
      exportedEnv: parseRunnerFile(await read(files.GITHUB_ENV))
    }
  } finally {
    await fsp.rm(root, { recursive: true, force: true })
  }
}

/**
 * Starts the step's process, feeds its lines to the caller, sends planned signals and waits for its end.
 * @param {string} node
 * @param {string} entry
 * @param {string} cwd
 * @param {Environment} env
 * @param {RunStepOptions} options
 */
async function execute(node, entry, cwd, env, options) {
  const startedAt = preciseNow()
  const child = track(
    spawn(node, [entry], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: options.detached ?? false })
  )
  const output = { stdout: '', stderr: '' }
  let timedOut = false
  /** @type {NodeJS.Timeout[]} */
  const timers = []
  /** @param {NodeJS.Signals} signal */
  const send = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal)
  }
  const plan = options.signal
  let planned = false
  const sendPlanned = () => {
    if (plan && !planned) {
      planned = true
      send(plan.name)
    }
  }
  if (plan?.afterMs !== undefined) timers.push(setTimeout(sendPlanned, plan.afterMs))
  const cancel = () => {
    send('SIGINT')
    timers.push(setTimeout(() => send('SIGTERM'), CANCEL_SIGTERM_MS))
    timers.push(setTimeout(() => send('SIGKILL'), CANCEL_KILL_MS))
  }
  if (options.cancel?.aborted) cancel()
  else options.cancel?.addEventListener('abort', cancel, { once: true })
  const timeoutMs = options.timeoutMs ?? DEFAULT_STEP_TIMEOUT_MS
  if (Number.isFinite(timeoutMs)) {
    timers.push(
      setTimeout(() => {
        timedOut = true
        send('SIGKILL')
      }, timeoutMs)
    )
  }

  /**
   * @param {string} line
   * @param {'stdout' | 'stderr'} stream
   */
  const onLine = (line, stream) => {
    options.onOutput?.(line, stream, send)
    if (plan?.whenOutput !== undefined && lineMatches(plan.whenOutput, line)) sendPlanned()
  }
  for (const stream of /** @type {const} */ (['stdout', 'stderr'])) {
    let pending = ''
    child[stream].setEncoding('utf8')
    child[stream].on('data', (text) => {
      output[stream] += text
      const lines = (pending + text).split('\n')
      pending = lines.pop() ?? ''
      for (const line of lines) onLine(line, stream)
    })
    child[stream].on('end', () => pending && onLine(pending, stream))
  }

  try {
    /** @type {[number | null, NodeJS.Signals | null]} */
    const [exitCode, signal] = await new Promise((resolve, reject) => {
      child.once('error', reject)
      child.once('close', (code, sig) => resolve([code, sig]))
    })
    const endedAt = preciseNow()
    return { exitCode, signal, timedOut, startedAt, endedAt, durationMs: endedAt - startedAt, ...output }
  } finally {
    for (const timer of timers) clearTimeout(timer)
    options.cancel?.removeEventListener('abort', cancel)
  }
}

/** @typedef {Awaited<ReturnType<typeof startEmulator>>} Emulator */
/** What a step did: how it ended, what it printed, and the runner files it wrote, parsed. */
/** @typedef {Awaited<ReturnType<typeof runStep>>} ActionRun */
