#!/usr/bin/env node
// `npm run demo`: the action's main job, end to end, with no AWS account.
//
// Starts the local AWS emulator (moto, patched by test/emulator/launcher.py),
// deploys a first model to a new endpoint, starts simulated clients sending it
// requests, then canary-deploys a second model behind health gates, running
// the committed dist/index.js under Node 24 the way a GitHub runner runs a
// `node24` action (INPUT_* variables, the GITHUB_OUTPUT / GITHUB_STATE /
// GITHUB_STEP_SUMMARY files, the post step). Plain Node on purpose: it must
// run straight after `npm ci`, without a TypeScript loader, and it must keep
// working whatever the tests need.
//
// The gates judge what the emulator publishes from those requests, as
// CloudWatch does: a minute's AWS/SageMaker metrics only once the minute has
// closed and a delay has passed. CloudWatch's delay is one to three minutes;
// the demo's emulator uses 5 to 15 s, so that its three-step canary takes about
// three minutes instead of eight or more, and the demo says so when it starts.
//
// Ctrl-C during a step is handled as a cancelled workflow run: SIGINT to the
// action, SIGTERM 7.5 s later, then its post step, then the emulator stops.
//
// EMULATOR_PYTHON picks the Python that runs moto; without it the demo uses
// python3 if it has the right moto, or makes .cache/emulator-venv and
// installs moto there. Flags: see USAGE below.

import { PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch'

import { emulatorClients } from '../test/emulator/clients.mjs'
import { describeInvalidRequests, emulatorControl } from '../test/emulator/control.mjs'
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
const NEW_MODEL = 'fraud-detector-v2'
// A canary's variant is named after its model.
const NEW_VARIANT = NEW_MODEL
const ALARM = `${ENDPOINT}-v2-5xx`

// Two ml.m5.2xlarge serve 80 requests/s in the emulator (40 each): 40 requests/s
// keeps every variant at half load or less, where latency is still flat, and
// gives the canary 4 a second at 10%, so the part of a minute a step starts in
// usually holds min-invocations already (fewer, and the step waits for the next
// minute too).
const INSTANCE_TYPE = 'ml.m5.2xlarge'
const INSTANCE_COUNT = 2
const REQUESTS_PER_SECOND = 40
// Enough that 8% errors rarely hide: 50 requests all succeed 1.5% of the time (the 50% step then catches it).
const MIN_INVOCATIONS = 50
// CloudWatch publishes a minute one to three minutes after it closes; the
// emulator does the same by default, which would make the demo a ten-minute wait.
const METRICS_DELAY_SECONDS = [5, 15]
// What --rollback makes of model v2: 8% of its requests fail, eight times max-error-rate.
const BAD_ERROR_RATE = 0.08
const MAX_ERROR_RATE = '1%'

// The demo itself runs on the developer's Node (20.19 or later, package.json's engines); the SDK's notice about
// future Node versions concerns this script, not the action, and would only confuse.
process.removeAllListeners('warning')
process.on('warning', (warning) => {
  if (!/NodeVersionSupportWarning/.test(`${warning.name} ${warning.message}`))
    console.warn(`${warning.name}: ${warning.message}`)
})

const USAGE = `Usage: npm run demo [-- [--rollback] [--verbose] [--full]]

Deploys model v1 to a new endpoint on a local AWS emulator, sends it simulated
traffic, then canary-deploys model v2 (10% -> 50% -> 100%) behind health gates
judged on the CloudWatch minutes the emulator publishes. Three to four minutes;
with --rollback about one.

  --rollback  model v2 fails ${BAD_ERROR_RATE * 100}% of its requests: the max-error-rate gate
              (${MAX_ERROR_RATE}) fails at the 10% step and the canary is rolled back
              (fail-on-rollback: false, so the step still succeeds)
  --verbose   show the action's debug lines
  --full      print output values whole
  --help      this text

EMULATOR_PYTHON picks the Python that runs the emulator (moto ${MOTO_VERSION}).`

const FLAGS = ['--rollback', '--verbose', '--full']
const args = new Set(process.argv.slice(2))
if (args.has('--help') || args.has('-h') || [...args].some((arg) => !FLAGS.includes(arg))) {
  const help = args.has('--help') || args.has('-h')
  if (!help) console.error(`Unknown option: ${[...args].filter((arg) => !FLAGS.includes(arg)).join(' ')}\n`)
  ;(help ? console.log : console.error)(USAGE)
  process.exit(help ? 0 : 2)
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

/** A workflow command's message, as the runner reads it. */
const unescapeCommand = (text) => text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')

/** Renders workflow commands (::group::, ::warning:: ...) as the runner's log viewer would. */
function logPrinter(out) {
  let depth = 0
  const print = (text, style = (t) => t) => {
    for (const line of text.split('\n')) out(`${dim('│')} ${'  '.repeat(depth)}${style(line)}`)
  }
  return (line) => {
    const command = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line)
    if (!command) return print(line)
    const [, name, , raw] = command
    const message = unescapeCommand(raw)
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

/**
 * The summary's mermaid xycharts as text bars, on the chart's own y-axis: the
 * share of traffic per step (0–100%), and the error rate per step, whose
 * `line` is the max-error-rate limit, drawn as a mark across the bars.
 */
function renderMermaid(source) {
  const title = /title\s+"([^"]*)"/.exec(source)?.[1]
  const list = (keyword) =>
    /\[([^\]]*)\]/
      .exec(source.split('\n').find((l) => l.trim().startsWith(keyword)) ?? '')?.[1]
      ?.split(',')
      .map((value) => value.trim().replace(/^"|"$/g, ''))
  const labels = list('x-axis')
  const bars = list('bar')?.map(Number)
  const limits = list('line')?.map(Number)
  const top = Number(/y-axis[^\n]*-->\s*([\d.]+)/.exec(source)?.[1]) || 100
  if (!source.includes('xychart') || !labels || !bars)
    return dim('(a mermaid chart, drawn by GitHub in the job summary)')
  const cells = 20
  const at = (value) => Math.min(cells, Math.max(0, Math.round((value / top) * cells)))
  const out = title ? [dim(title.replace(/, line: /, ', ┃ '))] : []
  const labelWidth = Math.max(...labels.map(width))
  labels.forEach((label, i) => {
    const value = bars[i] ?? 0
    const limit = limits?.[i]
    const bar = [...'█'.repeat(at(value)).padEnd(cells, '·')]
    if (limit !== undefined) bar.splice(Math.min(at(limit), cells - 1), 1, '┃')
    const over = limit !== undefined && value > limit
    out.push(`  step ${pad(label, labelWidth)} ${(over ? red : cyan)(bar.join(''))} ${String(value).padStart(5)}%`)
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

/** What the clients' requests met, per variant, as the emulator counted them: the ground truth behind the gates. */
function printTraffic(stats) {
  const variants = Object.entries(stats?.variants ?? {})
  if (variants.length === 0) return say(dim('(no requests were sent)'))
  const columns = Math.max(...variants.map(([name]) => name.length))
  const ms = (value) => (value === null || value === undefined ? '–' : `${Math.round(value)} ms`)
  for (const [name, counts] of variants) {
    const { total: errors, model, capacity } = counts.errors5xx
    const rate = counts.requests > 0 ? ` (${((errors / counts.requests) * 100).toFixed(2)}%)` : ''
    const causes = capacity > 0 ? `: ${model} from the model, ${capacity} beyond capacity` : ''
    say(
      `  ${bold(name.padEnd(columns))}  ${String(counts.requests).padStart(6)} requests, ${errors} 5XX${rate}${causes}, latency p50 ${ms(counts.latencyMs.p50)}, p99 ${ms(counts.latencyMs.p99)}`
    )
  }
  if (stats.rejected > 0) say(dim(`  ${stats.rejected} requests were turned away while the endpoint was not serving`))
}

async function main() {
  const startedAt = Date.now()
  say(bold('SageMaker Endpoint Deploy: demo against a local AWS emulator (no AWS account needed)'))
  requireBuiltAction()
  const onInstall = (message) => say(dim(message))
  const [node, python] = await Promise.all([ensureNode24({ onInstall }), emulatorPython({ onInstall })])
  const emulator = await startEmulator({ python, transitionSeconds: 1, detached: true })
  const control = emulatorControl(emulator, { account: ACCOUNT, region: REGION })
  await control.configure({ metricsDelaySeconds: METRICS_DELAY_SECONDS })
  const [fastest, slowest] = METRICS_DELAY_SECONDS
  say(
    dim(
      `Emulator: ${emulator.url} (moto ${MOTO_VERSION}) · action: dist/index.js on Node ${(await nodeVersion(node)).slice(1)}`
    )
  )
  say(
    dim(
      `CloudWatch publishes a minute 1–3 minutes after it closes; the demo's emulator publishes after ${fastest}–${slowest} s to keep the demo short.`
    )
  )

  const aws = emulatorClients(emulator, { maxAttempts: 3 })
  const { cloudwatch } = aws
  const steps = []
  let traffic
  let rollbackReason
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
      'instance-type': INSTANCE_TYPE,
      'instance-count': String(INSTANCE_COUNT),
      tags: 'team=risk,env=demo'
    })
    if (first.ok && !cancelled) {
      const o = first.outputs
      say(
        dim(
          `→ ${o['endpoint-name']} is ${o['endpoint-status']} on ${o['endpoint-config-name']}, variant ${o['variant-name']}`
        )
      )

      // The clients: every metric the gates read comes from their requests.
      await control.setTraffic(ENDPOINT, REQUESTS_PER_SECOND)
      say(
        dim(
          `Clients now send ${REQUESTS_PER_SECOND} requests/s to ${ENDPOINT}; the emulator routes them by variant weight and publishes their AWS/SageMaker metrics per variant and minute.`
        )
      )
      // An alarm of the team's own, on the new variant's 5XX count, beside the action's own thresholds.
      await cloudwatch.send(
        new PutMetricAlarmCommand({
          AlarmName: ALARM,
          Namespace: 'AWS/SageMaker',
          MetricName: 'Invocation5XXErrors',
          Dimensions: [
            { Name: 'EndpointName', Value: ENDPOINT },
            { Name: 'VariantName', Value: NEW_VARIANT }
          ],
          Statistic: 'Sum',
          Period: 60,
          EvaluationPeriods: 1,
          Threshold: 5,
          ComparisonOperator: 'GreaterThanOrEqualToThreshold',
          TreatMissingData: 'notBreaching'
        })
      )
      say(dim(`Alarm ${ALARM}: 5 or more 5XX from ${NEW_VARIANT} in a minute.`))
      if (ROLLBACK) {
        await control.setModelBehaviour({ match: `${IMAGE}:2.0.0`, errorRate: BAD_ERROR_RATE })
        say(
          yellow(`(demo: model v2 fails ${BAD_ERROR_RATE * 100}% of the requests it gets, as a broken release would)`)
        )
      }

      const canaryInputs = {
        operation: 'deploy',
        'endpoint-name': ENDPOINT,
        'image-uri': `${IMAGE}:2.0.0`,
        'model-data-url': 's3://demo-models/fraud-detector/2.0.0/model.tar.gz',
        'execution-role-arn': ROLE_ARN,
        'model-name': NEW_MODEL,
        strategy: 'canary',
        'traffic-steps': '10,50,100',
        // A step lasts until every minute it exposed to traffic is published: the rest of the minute it
        // started in, plus the delay. A bake that ends past that minute adds a whole minute, so it is short.
        'bake-time': '15s',
        'gate-interval': '10s',
        'alarm-names': ALARM,
        'max-error-rate': MAX_ERROR_RATE,
        'max-latency-p99': '250ms',
        'min-invocations': String(MIN_INVOCATIONS),
        // A rollback is the expected outcome of --rollback, not a failed demo.
        ...(ROLLBACK ? { 'fail-on-rollback': 'false' } : {})
      }
      const canary = await step(
        ROLLBACK
          ? `Step 2 · canary-deploy model v2, which fails ${BAD_ERROR_RATE * 100}% of its requests`
          : 'Step 2 · canary-deploy model v2 with health gates (10% → 50% → 100%)',
        canaryInputs,
        (line) => {
          const reason = /^::warning::Rolling back: (.*)$/.exec(line)?.[1]
          if (reason !== undefined) rollbackReason ??= unescapeCommand(reason)
        }
      )
      traffic = (await control.trafficStats())[ENDPOINT]
      await control.stopTraffic()
      const expected = ROLLBACK ? 'rolled-back' : 'succeeded'
      if (canary.ok && !cancelled && canary.outputs['rollout-result'] !== expected) {
        failure ??= `the canary ended "${canary.outputs['rollout-result']}", not "${expected}"`
      }
    }
  } finally {
    await control.stopTraffic().catch(() => {})
    // The runner runs every post step at the end of the job, last step first.
    for (const { title, inputs, result } of [...steps].reverse()) {
      if (!result.state.isPost) continue
      const post = await runLoggedStep({
        emulator,
        title: `Post · ${title.split(' · ')[0]}`,
        inputs,
        post: true,
        state: result.state,
        // Quiet unless the main step left a rollout to undo (its record's rollout part).
        quiet: !JSON.parse(result.state.run || '{}').rollout
      })
      if (post.summary.trim()) steps.push({ title: `Post · ${title}`, inputs, result: post, post: true })
    }
    aws.destroy()
    // A request AWS would refuse fails the demo, after its summaries: a real account would not have done the same.
    const refused = await control.takeInvalidRequests()
    if (refused.length > 0) failure ??= describeInvalidRequests(refused)
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
  if (traffic) {
    banner(`What the clients' requests met (the emulator's count, not CloudWatch's)`)
    printTraffic(traffic)
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
        ? `✔ Demo finished in ${seconds} s: the gates rolled model v2 back (${rollbackReason ?? 'see the log'}); model v1 serves all traffic on ${ENDPOINT}.`
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
