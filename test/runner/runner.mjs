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

import { describeInvalidRequests, emulatorControl, requestJson } from '../emulator/control.mjs'
import { preciseNow } from '../proxy/proxy.mjs'
import { REPO_ROOT, SetupError, applyEnv, emulatorPython, ensureNode24, shown, track } from './setup.mjs'
import {
  declaredInputs,
  evaluateDefault,
  inputEnvName,
  parseRunnerFile,
  runnerEnvironment,
  scrubEnvironment
} from './step-environment.mjs'

export {
  EMULATOR_VENV,
  MOTO_VERSION,
  REPO_ROOT,
  SetupError,
  emulatorPython,
  ensureNode24,
  nodeVersion
} from './setup.mjs'
export {
  RUNNER_GITHUB_TOKEN,
  declaredInputs,
  inputEnvName,
  parseRunnerFile,
  runnerEnvironment,
  scrubEnvironment
} from './step-environment.mjs'

/** @typedef {import('./setup.mjs').Environment} Environment */
/** @typedef {import('./setup.mjs').EmulatorPythonOptions} EmulatorPythonOptions */
/** @typedef {import('./step-environment.mjs').ActionInput} ActionInput */

/** moto's default account and the region every run uses. */
export const EMULATOR_ACCOUNT = '123456789012'
export const EMULATOR_REGION = 'us-east-1'

export const ACTION_ENTRY = path.join(REPO_ROOT, 'dist', 'index.js')
export const ACTION_YML = path.join(REPO_ROOT, 'action.yml')
const LAUNCHER = path.join(REPO_ROOT, 'test', 'emulator', 'launcher.py')

/** The runner's cancellation of a step: SIGINT, SIGTERM 7.5 s later, a kill 2.5 s after that. */
export const CANCEL_SIGTERM_MS = 7_500
export const CANCEL_KILL_MS = 10_000

const DEFAULT_STEP_TIMEOUT_MS = 120_000

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
// The emulator
// ---------------------------------------------------------------------------

/**
 * A request sent to the emulator that AWS would refuse: the emulator refused it and kept a record, and whoever
 * stops the emulator hears of it.
 */
export class InvalidRequestsError extends Error {
  name = 'InvalidRequestsError'
}

/** Emulators this process started and has not stopped: the end-to-end suite asks each after every test. */
/** @type {Set<{ url: string }>} */
const liveEmulators = new Set()

/** The emulators this process started that still run. */
export function runningEmulators() {
  return [...liveEmulators]
}

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
  const control = emulatorControl(ready)
  const emulator = {
    /** Base URL to use as AWS_ENDPOINT_URL, such as http://127.0.0.1:41234 */
    url: ready,
    port: Number(new URL(ready).port),
    /** The launcher's recent output, for failure messages. */
    logs: () => output,
    /** Clears every AWS resource and every emulator rule (POST /moto-api/reset). */
    async reset() {
      await requestJson(ready, '/moto-api/reset', 'POST', {})
    },
    /**
     * Stops the emulator; throws an InvalidRequestsError when it refused a request as AWS would and no one took the
     * request back (takeInvalidRequests), so that no test, demo or benchmark passes on calls AWS would refuse.
     */
    async stop() {
      liveEmulators.delete(emulator)
      if (ended) return
      // One that no longer answers is stopped all the same: whatever broke it fails its caller elsewhere.
      const invalid = await control.takeInvalidRequests().catch(() => [])
      child.kill('SIGTERM')
      const kill = setTimeout(() => child.kill('SIGKILL'), 5_000)
      await exited
      clearTimeout(kill)
      if (invalid.length > 0) throw new InvalidRequestsError(describeInvalidRequests(invalid))
    }
  }
  liveEmulators.add(emulator)
  child.once('exit', () => liveEmulators.delete(emulator))
  return emulator
}

export { requestJson }

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
