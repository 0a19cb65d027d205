#!/usr/bin/env node
// `npm run demo`: the action's main job, end to end, with no AWS account.
//
// Starts the local AWS emulator (moto, patched by test/emulator/launcher.py),
// deploys a first model to a new endpoint, then canary-deploys a second one
// behind health gates, running the committed dist/index.js under Node 24 the
// way a GitHub runner runs a `node24` action (INPUT_* variables, the
// GITHUB_OUTPUT / GITHUB_STATE / GITHUB_STEP_SUMMARY files, the post step).
// Plain Node on purpose: it must run straight after `npm ci`, without a
// TypeScript loader, and it must keep working whatever the tests need.
//
// Ctrl-C during a step is handled as a cancelled workflow run: SIGINT to the
// action, SIGTERM 7.5 s later, then its post step, then the emulator stops.
//
// Flags: --rollback puts the alarm into ALARM at the 50% step, to show an
// automatic rollback; --verbose shows the action's debug lines; --full prints
// output values whole. EMULATOR_PYTHON picks the Python that runs moto.

import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, rmdirSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'

import {
  CloudWatchClient,
  PutMetricAlarmCommand,
  PutMetricDataCommand,
  SetAlarmStateCommand
} from '@aws-sdk/client-cloudwatch'
import { parse as parseYaml } from 'yaml'

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const ENTRY = path.join(REPO_ROOT, 'dist', 'index.js')
const LAUNCHER = path.join(REPO_ROOT, 'test', 'emulator', 'launcher.py')
const MOTO_VERSION = '5.2.1'
const MOTO_INSTALL = `python3 -m pip install 'moto[server]==${MOTO_VERSION}'`

const REGION = 'us-east-1'
const ACCOUNT = '123456789012'
const ENDPOINT = 'fraud-detector-demo'
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/SageMakerExecution`
const IMAGE = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/fraud-detector`
const ALARM = `${ENDPOINT}-5xx`
const NEW_MODEL = 'fraud-detector-v2'

/** The runner's cancellation sequence: SIGINT, SIGTERM 7.5 s later, a kill 2.5 s after that. */
const CANCEL_SIGTERM_MS = 7_500
const CANCEL_KILL_MS = 10_000

// The demo itself runs on the developer's Node (20 or later); the SDK's notice about
// future Node versions concerns this script, not the action, and would only confuse.
process.removeAllListeners('warning')
process.on('warning', (warning) => {
  if (!/NodeVersionSupportWarning/.test(`${warning.name} ${warning.message}`))
    console.warn(`${warning.name}: ${warning.message}`)
})

const FLAGS = ['--rollback', '--verbose', '--full']
const args = new Set(process.argv.slice(2))
if (args.has('--help') || args.has('-h') || [...args].some((arg) => !FLAGS.includes(arg))) {
  console.log(`Usage: npm run demo [-- ${FLAGS.join(' ')}]`)
  process.exit(args.has('--help') || args.has('-h') ? 0 : 2)
}
const VERBOSE = args.has('--verbose')
const FULL = args.has('--full')
const ROLLBACK = args.has('--rollback')

// ---------------------------------------------------------------------------
// Terminal output
// ---------------------------------------------------------------------------

const COLOR = process.stdout.isTTY && !process.env.NO_COLOR
const paint = (code) => (text) => (COLOR ? `\x1b[${code}m${text}\x1b[0m` : text)
const bold = paint('1')
const dim = paint('2')
const red = paint('31')
const green = paint('32')
const yellow = paint('33')
const cyan = paint('36')

const say = (text = '') => process.stdout.write(`${text}\n`)
const banner = (text) => {
  say()
  say(bold(cyan(`━━ ${text} ${'━'.repeat(Math.max(3, 74 - text.length))}`)))
}

/** A failure the user can act on: printed without a stack trace. */
class DemoError extends Error {}

// ---------------------------------------------------------------------------
// Prerequisites: the bundle, python3 with moto, Node 24
// ---------------------------------------------------------------------------

function run(command, argv, options = {}) {
  return new Promise((resolve) => {
    let stdout = ''
    let stderr = ''
    const child = spawn(command, argv, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], ...options })
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.once('error', (error) => resolve({ code: null, stdout, stderr, error }))
    child.once('close', (code) => resolve({ code, stdout, stderr }))
  })
}

async function checkPython(python) {
  const probe = await run(python, [
    '-c',
    'import moto.server, flask, werkzeug; from importlib.metadata import version; print(version("moto"))'
  ])
  if (probe.error?.code === 'ENOENT') {
    throw new DemoError(
      `The demo runs a local AWS emulator that needs ${python} (Python 3), and ${python} is not on PATH.\n` +
        `Install Python 3, then run: ${MOTO_INSTALL}`
    )
  }
  if (probe.code !== 0) {
    throw new DemoError(
      `The demo's AWS emulator needs moto ${MOTO_VERSION} with its server extras, and ${python} cannot import it.\n` +
        `Run: ${MOTO_INSTALL}`
    )
  }
  const version = probe.stdout.trim()
  // The launcher patches moto internals that change between releases.
  if (version !== MOTO_VERSION) {
    throw new DemoError(
      `The emulator is written for moto ${MOTO_VERSION}, and ${python} has ${version}. Run: ${MOTO_INSTALL}`
    )
  }
}

async function nodeVersion(binary) {
  if (!existsSync(binary)) return undefined
  const result = await run(binary, ['--version'])
  return result.code === 0 ? result.stdout.trim() : undefined
}

/** The same folder and lock as the end-to-end tests, so the two never install Node 24 at once. */
async function ensureNode24() {
  const pkg = `node-${process.platform}-${process.arch}`
  const prefix = path.join(REPO_ROOT, '.cache', 'node24')
  const binary = path.join(prefix, 'node_modules', pkg, 'bin', 'node')
  if ((await nodeVersion(binary))?.startsWith('v24.')) return binary
  const lock = path.join(REPO_ROOT, '.cache', 'node24.lock')
  mkdirSync(prefix, { recursive: true })
  for (;;) {
    try {
      mkdirSync(lock)
      break
    } catch (error) {
      if (error.code !== 'EEXIST') throw error
      // A lock left by a killed run must not block forever.
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now())
      if (age > 10 * 60_000) rmSync(lock, { recursive: true, force: true })
      await sleep(250)
    }
  }
  try {
    if (!(await nodeVersion(binary))?.startsWith('v24.')) {
      say(dim(`Installing Node 24 (${pkg}@24 from the npm registry) into .cache/node24, once…`))
      // `npm run` exports npm_config_* for this project; they must not steer this install elsewhere.
      const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)))
      const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
      const result = await run(
        npm,
        ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, `${pkg}@24`],
        { cwd: prefix, env }
      )
      if (result.code !== 0) {
        throw new DemoError(`npm install ${pkg}@24 failed:\n${(result.stderr || result.stdout).trim()}`)
      }
    }
  } finally {
    rmdirSync(lock)
  }
  const version = await nodeVersion(binary)
  if (!version?.startsWith('v24.')) throw new DemoError(`Installed ${pkg}@24, but ${binary} reports ${version}`)
  return binary
}

// ---------------------------------------------------------------------------
// The emulator
// ---------------------------------------------------------------------------

/** Children in their own process group: Ctrl-C reaches the demo alone, which then cancels them in order. */
const children = new Set()
function track(child) {
  children.add(child)
  child.once('exit', () => children.delete(child))
  return child
}
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL')
})

// Until a step runs, Ctrl-C just stops everything; main() swaps in the cancellation handler.
let onSignal = () => process.exit(130)
process.on('SIGINT', (signal) => onSignal(signal))
process.on('SIGTERM', (signal) => onSignal(signal))

async function startEmulator(python) {
  const child = track(
    spawn(python, [LAUNCHER, '--host', '127.0.0.1', '--port', '0'], {
      cwd: REPO_ROOT,
      env: { ...process.env, PYTHONUNBUFFERED: '1', EMULATOR_TRANSITION_SECONDS: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true
    })
  )
  let output = ''
  const exited = new Promise((resolve) => child.once('exit', resolve))
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new DemoError(`The emulator did not start within 30 s:\n${output}`)), 30_000)
    const onData = (chunk) => {
      output = (output + chunk).slice(-20_000)
      const ready = /EMULATOR READY (http:\/\/\S+)/.exec(output)
      if (ready) {
        clearTimeout(timer)
        resolve(ready[1])
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    exited.then(() => {
      clearTimeout(timer)
      reject(new DemoError(`The emulator exited before it was ready:\n${output}`))
    })
  })
  for (let attempt = 0; ; attempt++) {
    try {
      if ((await fetch(`${url}/emulator/health`)).ok) break
    } catch {
      // not accepting connections yet
    }
    if (attempt > 100) throw new DemoError(`The emulator at ${url} does not answer:\n${output}`)
    await sleep(50)
  }
  return {
    url,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
      await exited
      clearTimeout(timer)
    }
  }
}

// ---------------------------------------------------------------------------
// Running the action as the runner does
// ---------------------------------------------------------------------------

const actionYml = parseYaml(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8'))
const inputEnvName = (name) => `INPUT_${name.replace(/ /g, '_').toUpperCase()}`

/** GITHUB_OUTPUT / GITHUB_STATE: `name=value` lines and `name<<DELIMITER` heredocs. */
function parseRunnerFile(text) {
  const result = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (!line) continue
    const equals = line.indexOf('=')
    const heredoc = line.indexOf('<<')
    if (equals >= 0 && (heredoc < 0 || equals < heredoc)) {
      result[line.slice(0, equals)] = line.slice(equals + 1)
      continue
    }
    if (heredoc < 0) continue
    const delimiter = line.slice(heredoc + 2)
    const value = []
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i])
    result[line.slice(0, heredoc)] = value.join('\n')
  }
  return result
}

// The runner starts an action with none of the developer's AWS setup, inputs or state.
const SCRUBBED_ENV = /^(AWS_|INPUT_|STATE_|GITHUB_|RUNNER_|ACTIONS_|NODE_OPTIONS$|SAGEMAKER_|npm_)/i

let current // the action process of the step that is running, for Ctrl-C

/**
 * Runs dist/index.js once (the main step, or the post step with `state`),
 * streaming its log, and returns its exit code, outputs, summary and state.
 */
async function runStep({ node, emulatorUrl, title, inputs, post = false, state = {}, quiet = false, onLine }) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'sagemaker-deploy-demo-'))
  const file = (name) => path.join(root, name)
  mkdirSync(file('workspace'))
  mkdirSync(file('runner-temp'))
  writeFileSync(file('event.json'), '{}')
  const files = {
    GITHUB_OUTPUT: file('output'),
    GITHUB_STATE: file('state'),
    GITHUB_STEP_SUMMARY: file('step-summary'),
    GITHUB_ENV: file('env'),
    GITHUB_PATH: file('path')
  }
  for (const name of Object.values(files)) writeFileSync(name, '')

  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !SCRUBBED_ENV.test(key)))
  Object.assign(env, files, {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'your-org/fraud-detector',
    GITHUB_REPOSITORY_OWNER: 'your-org',
    GITHUB_WORKSPACE: file('workspace'),
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: file('event.json'),
    GITHUB_WORKFLOW: 'demo',
    GITHUB_JOB: 'deploy',
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_NUMBER: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTOR: 'octocat',
    GITHUB_ACTION: '__self',
    GITHUB_SHA: '0000000000000000000000000000000000000000',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REF_NAME: 'main',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_GRAPHQL_URL: 'https://api.github.com/graphql',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'demo',
    RUNNER_TEMP: file('runner-temp'),
    AWS_ENDPOINT_URL: emulatorUrl,
    AWS_REGION: REGION,
    AWS_ACCESS_KEY_ID: 'demo',
    AWS_SECRET_ACCESS_KEY: 'demo',
    // Keep the developer's ~/.aws files and any instance metadata out of reach.
    AWS_CONFIG_FILE: file('aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: file('aws-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true'
  })
  for (const [name, input] of Object.entries(actionYml.inputs)) {
    if (input.default !== undefined) env[inputEnvName(name)] = String(input.default)
  }
  for (const [name, value] of Object.entries(inputs)) {
    if (!(name in actionYml.inputs)) throw new Error(`The demo passes "${name}", which action.yml does not declare`)
    env[inputEnvName(name)] = value
  }
  for (const [name, value] of Object.entries(state)) env[`STATE_${name}`] = value

  // A quiet step shows its log only if it printed something worth reading.
  const held = []
  const out = quiet ? (text) => held.push(text) : say
  if (!quiet) banner(title)
  const started = Date.now()
  const child = track(
    spawn(node, [ENTRY], { cwd: file('workspace'), env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  )
  current = child
  const log = logPrinter(out)
  const pipe = (stream) => {
    let pending = ''
    stream.on('data', (chunk) => {
      pending += chunk
      const lines = pending.split('\n')
      pending = lines.pop()
      for (const line of lines) {
        log(line)
        onLine?.(line)
      }
    })
    stream.on('end', () => pending && log(pending))
  }
  pipe(child.stdout)
  pipe(child.stderr)
  const [exitCode, signal] = await new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (code, sig) => resolve([code, sig]))
  })
  current = undefined
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  const ok = exitCode === 0
  if (quiet && (held.length > 0 || !ok)) {
    banner(title)
    held.forEach((line) => say(line))
  }
  if (!quiet || held.length > 0 || !ok) {
    say(
      ok
        ? green(`✔ ${post ? 'post step' : 'step'} finished in ${seconds} s`)
        : red(`✘ exit ${exitCode ?? signal} after ${seconds} s`)
    )
  }
  const result = {
    ok,
    outputs: parseRunnerFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    state: parseRunnerFile(readFileSync(files.GITHUB_STATE, 'utf8')),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8')
  }
  rmSync(root, { recursive: true, force: true })
  return result
}

/** Renders workflow commands (::group::, ::warning:: ...) as the runner's log viewer would. */
function logPrinter(out) {
  let depth = 0
  const unescape = (text) => text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
  const print = (text, style = (t) => t) => {
    for (const line of text.split('\n')) out(`${dim('│')} ${'  '.repeat(depth)}${style(line)}`)
  }
  return (line) => {
    const command = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line)
    if (!command) return print(line)
    const [, name, , raw] = command
    const message = unescape(raw)
    switch (name) {
      case 'group':
        print(`▸ ${message}`, cyan)
        depth++
        return undefined
      case 'endgroup':
        depth = Math.max(0, depth - 1)
        return undefined
      case 'warning':
        return print(`Warning: ${message}`, yellow)
      case 'error':
        return print(`Error: ${message}`, red)
      case 'notice':
        return print(`Notice: ${message}`, cyan)
      case 'debug':
        return VERBOSE ? print(`debug: ${message}`, dim) : undefined
      default:
        // add-mask, save-state and the like are for the runner, not the log.
        return undefined
    }
  }
}

// ---------------------------------------------------------------------------
// The job summary, readable in a terminal
// ---------------------------------------------------------------------------

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }
const decode = (text) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity) => {
    if (entity[0] === '#') {
      const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : Number(entity.slice(1))
      return String.fromCodePoint(code)
    }
    return ENTITIES[entity.toLowerCase()] ?? whole
  })
const inline = (html) =>
  decode(
    html
      .replace(/<br\s*\/?>/gi, ' ')
      .replace(/<[^>]+>/g, '')
      .replace(/\s+/g, ' ')
  ).trim()

const segmenter = new Intl.Segmenter()
/** Columns a string takes in a terminal: emoji take two. */
function width(text) {
  let columns = 0
  for (const { segment } of segmenter.segment(text)) {
    columns += /\p{Emoji_Presentation}|\uFE0F/u.test(segment) ? 2 : 1
  }
  return columns
}
const pad = (text, columns) => text + ' '.repeat(Math.max(0, columns - width(text)))

function renderTable(html) {
  const rows = [...html.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/gi)].map((row) => ({
    header: /<th[\s>]/i.test(row[1]),
    cells: [...row[1].matchAll(/<t([hd])[^>]*>([\s\S]*?)<\/t\1>/gi)].map((cell) => inline(cell[2]))
  }))
  const columns = Math.max(0, ...rows.map((row) => row.cells.length))
  const widths = Array.from({ length: columns }, (_, i) => Math.max(1, ...rows.map((row) => width(row.cells[i] ?? ''))))
  const lines = []
  const line = (left, middle, right) =>
    lines.push(dim(left + widths.map((w) => '─'.repeat(w + 2)).join(middle) + right))
  line('┌', '┬', '┐')
  rows.forEach((row, index) => {
    const cells = widths.map((w, i) => pad(row.cells[i] ?? '', w))
    lines.push(`${dim('│')} ${cells.map((cell) => (row.header ? bold(cell) : cell)).join(` ${dim('│')} `)} ${dim('│')}`)
    if (row.header && index < rows.length - 1) line('├', '┼', '┤')
  })
  line('└', '┴', '┘')
  return lines.join('\n')
}

/** The summary's mermaid xychart (weight bars, error-rate line) as text bars. */
function renderMermaid(source) {
  const title = /title\s+"([^"]*)"/.exec(source)?.[1]
  const list = (keyword) =>
    /\[([^\]]*)\]/
      .exec(source.split('\n').find((l) => l.trim().startsWith(keyword)) ?? '')?.[1]
      ?.split(',')
      .map((value) => value.trim().replace(/^"|"$/g, ''))
  const labels = list('x-axis')
  const bars = list('bar')?.map(Number)
  const line = list('line')?.map(Number)
  if (!source.includes('xychart') || !labels || !bars)
    return dim('(a mermaid chart, drawn by GitHub in the job summary)')
  const out = title ? [dim(title)] : []
  labels.forEach((label, i) => {
    const weight = bars[i] ?? 0
    const bar = '█'.repeat(Math.round(weight / 5)).padEnd(20, '·')
    const rate = line?.[i]
    out.push(
      `  step ${label.padEnd(3)} ${cyan(bar)} ${String(weight).padStart(3)}%${rate === undefined ? '' : `   error rate ${rate}%`}`
    )
  })
  return out.join('\n')
}

function renderSummary(html) {
  const blocks = []
  const keep = (text) => `\u0000${blocks.push(text) - 1}\u0000`
  let text = html
    .replace(/```mermaid\n([\s\S]*?)```/g, (_, source) => `\n${keep(renderMermaid(source))}\n`)
    .replace(/<table[^>]*>([\s\S]*?)<\/table>/gi, (_, body) => `\n${keep(renderTable(body))}\n`)
    .replace(/<h([1-6])[^>]*>([\s\S]*?)<\/h\1>/gi, (_, level, body) => {
      const title = inline(body)
      return `\n\n${keep(level <= '2' ? bold(title) + '\n' + dim('═'.repeat(width(title))) : bold(title))}\n`
    })
    .replace(/<summary[^>]*>([\s\S]*?)<\/summary>/gi, (_, body) => `\n${keep(bold(`▸ ${inline(body)}`))}\n`)
    .replace(/<a [^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi, (_, href, body) => `${inline(body)} (${decode(href)})`)
    .replace(/<li[^>]*>/gi, '\n  • ')
    .replace(/<blockquote[^>]*>/gi, '\n> ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?(p|ul|ol|div|details|blockquote|pre)[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
  text = decode(text)
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
  return text.replace(/\u0000(\d+)\u0000/g, (_, index) => blocks[Number(index)])
}

function printOutputs(outputs) {
  const names = Object.keys(outputs)
  if (names.length === 0) return say(dim('(no outputs)'))
  const columns = Math.max(...names.map((name) => name.length))
  const room = Math.max(40, (process.stdout.columns || 120) - columns - 4)
  for (const name of names) {
    let value = outputs[name].replace(/\n/g, '\\n')
    if (!FULL && value.length > room) value = `${value.slice(0, room - 30)}${dim(`… (${value.length} chars; --full)`)}`
    say(`  ${bold(name.padEnd(columns))}  ${value}`)
  }
}

// ---------------------------------------------------------------------------
// The scenario
// ---------------------------------------------------------------------------

/** Clean traffic for the new variant, published while the canary bakes, as SageMaker would. */
function publishCleanMetrics(cloudwatch, variants) {
  let stopped = false
  const loop = (async () => {
    while (!stopped) {
      const Timestamp = new Date()
      const MetricData = variants.flatMap((variant) => {
        const Dimensions = [
          { Name: 'EndpointName', Value: ENDPOINT },
          { Name: 'VariantName', Value: variant }
        ]
        const count = (MetricName, Value) => ({ MetricName, Dimensions, Timestamp, Value, Unit: 'None' })
        return [
          count('Invocations', 40),
          count('Invocation5XXErrors', 0),
          count('Invocation4XXErrors', 0),
          // ModelLatency is in microseconds: 18 to 42 ms.
          {
            MetricName: 'ModelLatency',
            Dimensions,
            Timestamp,
            Unit: 'Microseconds',
            Values: [18_000, 24_000, 31_000, 42_000],
            Counts: [20, 12, 6, 2]
          }
        ]
      })
      try {
        await cloudwatch.send(new PutMetricDataCommand({ Namespace: 'AWS/SageMaker', MetricData }))
      } catch (error) {
        if (!stopped) say(yellow(`(could not publish demo metrics: ${error.message})`))
      }
      await sleep(1_000)
    }
  })()
  return async () => {
    stopped = true
    await loop
  }
}

async function main() {
  const startedAt = Date.now()
  say(bold('SageMaker Endpoint Deploy: demo against a local AWS emulator (no AWS account needed)'))
  if (!existsSync(ENTRY)) throw new DemoError('dist/index.js is missing: run "npm run build" first.')
  const python = process.env.EMULATOR_PYTHON || 'python3'
  const [node] = await Promise.all([ensureNode24(), checkPython(python)])
  const emulator = await startEmulator(python)
  say(
    dim(
      `Emulator: ${emulator.url} (moto ${MOTO_VERSION}) · action: dist/index.js on Node ${(await nodeVersion(node)).slice(1)}`
    )
  )

  const cloudwatch = new CloudWatchClient({
    region: REGION,
    endpoint: emulator.url,
    credentials: { accessKeyId: 'demo', secretAccessKey: 'demo' }
  })
  const steps = []
  let stopMetrics = async () => {}
  let failure
  let cancelled = false

  // Ctrl-C: cancel the running step as the runner cancels a workflow run; a second Ctrl-C stops at once.
  onSignal = (signal) => {
    if (cancelled) {
      say(red('Stopping now.'))
      for (const child of children) child.kill('SIGKILL')
      process.exit(130)
    }
    cancelled = true
    say()
    say(
      yellow(
        `${signal}: cancelling, as GitHub does when a run is cancelled (SIGINT, then SIGTERM after 7.5 s, then the post step). Ctrl-C again to stop at once.`
      )
    )
    const child = current
    if (!child) return
    child.kill('SIGINT')
    const term = setTimeout(() => child.kill('SIGTERM'), CANCEL_SIGTERM_MS)
    const kill = setTimeout(() => child.kill('SIGKILL'), CANCEL_KILL_MS)
    child.once('exit', () => {
      clearTimeout(term)
      clearTimeout(kill)
    })
  }

  const step = async (title, inputs, onLine) => {
    const result = await runStep({ node, emulatorUrl: emulator.url, title, inputs, onLine })
    steps.push({ title, inputs, result })
    if (!result.ok) failure ??= `${title} failed`
    return result
  }

  try {
    const first = await step('Step 1 · deploy model v1 to a new endpoint (all-at-once)', {
      operation: 'deploy',
      'endpoint-name': ENDPOINT,
      'image-uri': `${IMAGE}:1.0.0`,
      'model-data-url': 's3://demo-models/fraud-detector/1.0.0/model.tar.gz',
      'execution-role-arn': ROLE_ARN,
      'model-name': 'fraud-detector-v1',
      'instance-type': 'ml.m5.large',
      tags: 'team=risk,env=demo'
    })
    if (first.ok && !cancelled) {
      const o = first.outputs
      say(
        dim(
          `→ ${o['endpoint-name']} is ${o['endpoint-status']} on ${o['endpoint-config-name']}, variant ${o['variant-name']}`
        )
      )

      // The gates' inputs: an alarm in OK, and healthy traffic for the new variant.
      await cloudwatch.send(
        new PutMetricAlarmCommand({
          AlarmName: ALARM,
          Namespace: 'AWS/SageMaker',
          MetricName: 'Invocation5XXErrors',
          Dimensions: [{ Name: 'EndpointName', Value: ENDPOINT }],
          Statistic: 'Sum',
          Period: 60,
          EvaluationPeriods: 1,
          Threshold: 5,
          ComparisonOperator: 'GreaterThanOrEqualToThreshold'
        })
      )
      await cloudwatch.send(new SetAlarmStateCommand({ AlarmName: ALARM, StateValue: 'OK', StateReason: 'demo' }))
      stopMetrics = publishCleanMetrics(cloudwatch, [NEW_MODEL, first.outputs['variant-name'] || 'AllTraffic'])
      say(
        dim(`Alarm ${ALARM} is OK; publishing clean metrics (40 invocations/s, no 5XX, p99 42 ms) for both variants.`)
      )

      const canaryInputs = {
        operation: 'deploy',
        'endpoint-name': ENDPOINT,
        'image-uri': `${IMAGE}:2.0.0`,
        'model-data-url': 's3://demo-models/fraud-detector/2.0.0/model.tar.gz',
        'execution-role-arn': ROLE_ARN,
        'model-name': NEW_MODEL,
        strategy: 'canary',
        'traffic-steps': '10,50,100',
        'bake-time': '3s',
        'gate-interval': '1s',
        'alarm-names': ALARM,
        'max-error-rate': '1%',
        'max-latency-p99': '250ms',
        'probe-payload': '{"amount": 12.5, "country": "NL"}',
        'probe-count': '2',
        // A rollback is the expected outcome of --rollback, not a failed demo.
        ...(ROLLBACK ? { 'fail-on-rollback': 'false' } : {})
      }
      let alarmRaised = false
      const raiseAlarm = (line) => {
        if (!ROLLBACK || alarmRaised || !/Step 2\/3/.test(line)) return
        alarmRaised = true
        say(yellow(`(demo: setting ${ALARM} to ALARM)`))
        cloudwatch
          .send(new SetAlarmStateCommand({ AlarmName: ALARM, StateValue: 'ALARM', StateReason: 'demo: 5XX spike' }))
          .catch((error) => say(red(`(could not set the alarm: ${error.message})`)))
      }
      const canary = await step(
        ROLLBACK
          ? 'Step 2 · canary-deploy model v2, which trips an alarm at 50%'
          : 'Step 2 · canary-deploy model v2 with health gates (10% → 50% → 100%)',
        canaryInputs,
        raiseAlarm
      )
      await stopMetrics()
      const expected = ROLLBACK ? 'rolled-back' : 'succeeded'
      if (canary.ok && !cancelled && canary.outputs['rollout-result'] !== expected) {
        failure ??= `the canary ended "${canary.outputs['rollout-result']}", not "${expected}"`
      }
    }
  } finally {
    await stopMetrics()
    // The runner runs every post step at the end of the job, last step first.
    for (const { title, inputs, result } of [...steps].reverse()) {
      if (!result.state.isPost) continue
      const post = await runStep({
        node,
        emulatorUrl: emulator.url,
        title: `Post · ${title.split(' · ')[0]}`,
        inputs,
        post: true,
        state: result.state,
        quiet: !result.state.rollout
      })
      if (post.summary.trim()) steps.push({ title: `Post · ${title}`, inputs, result: post, post: true })
    }
    cloudwatch.destroy()
    await emulator.stop()
    say(dim('Emulator stopped.'))
  }

  const last = steps.filter((entry) => !entry.post).at(-1)
  const shown = [last, ...steps.filter((entry) => entry.post)].filter(Boolean)
  for (const entry of shown) {
    banner(`Job summary · ${entry.title}`)
    say(entry.result.summary.trim() ? renderSummary(entry.result.summary) : dim('(no summary written)'))
  }
  if (last) {
    banner(`Outputs · ${last.title}`)
    printOutputs(last.result.outputs)
  }
  say()
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1)
  if (cancelled) {
    say(yellow(`Cancelled after ${seconds} s.`))
    return 130
  }
  if (failure) {
    say(red(`✘ Demo failed: ${failure} (${seconds} s).`))
    return 1
  }
  say(
    green(
      ROLLBACK
        ? `✔ Demo finished in ${seconds} s: the alarm rolled the canary back; model v1 serves all traffic on ${ENDPOINT}.`
        : `✔ Demo finished in ${seconds} s: model v2 serves all traffic on ${ENDPOINT}.`
    )
  )
  return 0
}

main().then(
  (code) => process.exit(code),
  (error) => {
    say(red(error instanceof DemoError ? error.message : (error?.stack ?? String(error))))
    process.exit(1)
  }
)
