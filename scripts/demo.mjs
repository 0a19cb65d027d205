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
// output values whole. EMULATOR_PYTHON picks the Python that runs moto;
// without it the demo uses python3 if it has the right moto, or makes
// .cache/emulator-venv and installs moto there.

import { setTimeout as sleep } from 'node:timers/promises'

import {
  CloudWatchClient,
  PutMetricAlarmCommand,
  PutMetricDataCommand,
  SetAlarmStateCommand
} from '@aws-sdk/client-cloudwatch'

import {
  CANCEL_SIGTERM_MS,
  EMULATOR_ACCOUNT,
  EMULATOR_REGION,
  MOTO_VERSION,
  SetupError,
  emulatorPython,
  ensureNode24,
  nodeVersion,
  requireBuiltAction,
  runStep,
  startEmulator
} from '../test/runner/runner.mjs'

const REGION = EMULATOR_REGION
const ACCOUNT = EMULATOR_ACCOUNT
const ENDPOINT = 'fraud-detector-demo'
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/SageMakerExecution`
const IMAGE = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/fraud-detector`
const ALARM = `${ENDPOINT}-5xx`
const NEW_MODEL = 'fraud-detector-v2'

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

// ---------------------------------------------------------------------------
// Running the action as the runner does (test/runner/runner.mjs), with its log on screen
// ---------------------------------------------------------------------------

// Until main() swaps in the cancellation, Ctrl-C just stops everything (the
// runner module kills what it started when this process exits).
let onSignal = () => process.exit(130)
process.on('SIGINT', (signal) => onSignal(signal))
process.on('SIGTERM', (signal) => onSignal(signal))

/**
 * Runs dist/index.js once (the main step, or the post step with `state`),
 * streaming its log, and returns whether it succeeded, its outputs, summary and state.
 */
async function runLoggedStep({ emulator, title, inputs, post = false, state = {}, quiet = false, onLine, cancel }) {
  // A quiet step shows its log only if it printed something worth reading.
  const held = []
  const out = quiet ? (text) => held.push(text) : say
  if (!quiet) banner(title)
  const log = logPrinter(out)
  const run = await runStep({
    emulator,
    inputs,
    post,
    state,
    cancel,
    // Its own process group: Ctrl-C reaches the demo alone, which then cancels the step as the runner would.
    detached: true,
    timeoutMs: Infinity,
    onOutput: (line) => {
      log(line)
      onLine?.(line)
    }
  })
  const seconds = (run.durationMs / 1000).toFixed(1)
  const ok = run.exitCode === 0
  if (quiet && (held.length > 0 || !ok)) {
    banner(title)
    held.forEach((line) => say(line))
  }
  if (!quiet || held.length > 0 || !ok) {
    say(
      ok
        ? green(`✔ ${post ? 'post step' : 'step'} finished in ${seconds} s`)
        : red(`✘ exit ${run.exitCode ?? run.signal} after ${seconds} s`)
    )
  }
  return { ok, outputs: run.outputs, state: run.state, summary: run.summary }
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
  requireBuiltAction()
  const onInstall = (message) => say(dim(message))
  const [node, python] = await Promise.all([ensureNode24({ onInstall }), emulatorPython({ onInstall })])
  const emulator = await startEmulator({ python, transitionSeconds: 1, detached: true })
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
  const cancellation = new AbortController()

  // Ctrl-C: cancel the running step as the runner cancels a workflow run; a second Ctrl-C stops at once.
  onSignal = (signal) => {
    if (cancelled) {
      say(red('Stopping now.'))
      process.exit(130)
    }
    cancelled = true
    say()
    say(
      yellow(
        `${signal}: cancelling, as GitHub does when a run is cancelled (SIGINT, then SIGTERM after ${CANCEL_SIGTERM_MS / 1000} s, then the post step). Ctrl-C again to stop at once.`
      )
    )
    cancellation.abort()
  }

  const step = async (title, inputs, onLine) => {
    const result = await runLoggedStep({ emulator, title, inputs, onLine, cancel: cancellation.signal })
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
      const post = await runLoggedStep({
        emulator,
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
    say(red(error instanceof SetupError ? error.message : (error?.stack ?? String(error))))
    process.exit(1)
  }
)
