// npm run bench [-- --long]
//
// Measures the bundled action (dist/index.js under Node 24, run the way the
// GitHub runner runs it) against the moto emulator, through the counting
// proxy in test/proxy/, and checks the figures against their targets:
//
//   cold start        process start to the first AWS request (median of 20), with the bundle's size,
//                     side by side with the previous release's bundle and a minimal @actions/core action
//   API calls         per API for a 4-step canary, 6 gate evaluations a step
//   overhead          rollout wall time minus bake time minus transition time, per step
//   detection         gate input turns bad -> the evaluation that sees it -> first weight change
//   rollback          gate input turns bad -> InService on the previous config
//   poll schedule     DescribeEndpoint spacing during a long transition
//
//   reliability       a canary whose creates and updates lose their answers (8 seeds, about 1 minute)
//   evidence          bad and healthy canaries judged on CloudWatch minutes published 60-120 s late
//   judged            the same under rollout-controller: sagemaker, SageMaker rolling back on the verdict
//                     (10 of each side by side, about 6 minutes)
//   controllers       the same rollout under each controller and strategy, with the same gates: fleet
//                     cost, what judged it, how fast a bad one gets traffic back on the old model, and
//                     what a runner killed mid-bake leaves to SageMaker (21 runs side by side, about 17 minutes)
//   components        inference components: SageMaker's rolling update judged by the action, bad and
//                     healthy side by side (5 of each by default, about 12 minutes)
//   before-users      a dark first step with answers checked and compared with the serving model's: models
//                     wrong on 20% of payloads and healthy ones, side by side (10 of each, about 2 minutes)
//
// --long also watches a 150 s transition, long enough to reach the 30 s poll cap.
// --only=cold,calls,detection,polls,reliability,evidence,judged,controllers,components,before-users runs
// some sections only; without it the bench runs the first five, and --all runs all ten. --transition=S sets the emulator's
// transition time for the first four (default 1 s). --seed=N seeds the emulator for evidence and
// controllers (default 1), --runs=N sets the runs of each kind in evidence and judged (default 10),
// --component-runs=N in components (default 5), --answer-runs=N in before-users (default 10),
// --healthy-error-rate=F the healthy models' 5XX share there and in controllers (default 0.01), --write-docs
// writes the controllers table into docs/controllers.md, and --previous=<commit> picks the dist/
// that cold start compares with (default: the previous release, see scripts/bench/startup.mjs).
// It prints figures; it is not a test and never fails the build.

import { PutMetricDataCommand } from '@aws-sdk/client-cloudwatch'
import { DescribeEndpointCommand } from '@aws-sdk/client-sagemaker'

import { setAlarm } from '../test/emulator/alarms.mjs'
import { emulatorControl } from '../test/emulator/control.mjs'
import { formatTable, preciseNow, seededRandom, startProxy } from '../test/proxy/proxy.mjs'
import { SetupError, ensureNode24, nodeVersion, requireBuiltAction, startEmulator } from '../test/runner/runner.mjs'
import {
  MINUTE_MS,
  WEIGHTS,
  ceilMinute,
  deployInputs,
  directClients,
  floorMinute,
  logOf,
  median,
  ok,
  runAction,
  seedServing,
  sleep
} from './bench/common.mjs'
import { controllers } from './bench/controllers.mjs'
import { evidence } from './bench/evidence.mjs'
import { judged } from './bench/judged.mjs'
import { beforeUsers } from './bench/before-users.mjs'
import { components } from './bench/components.mjs'
import { reliability } from './bench/reliability.mjs'
import { PREVIOUS_RELEASE, startup } from './bench/startup.mjs'

const LONG = process.argv.includes('--long')
const ALL = process.argv.includes('--all')
const WRITE_DOCS = process.argv.includes('--write-docs')
const argument = (name) =>
  process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(`--${name}=`.length) ?? undefined
const ONLY = argument('only')?.split(',')
const SECTIONS = [
  'cold',
  'calls',
  'detection',
  'polls',
  'reliability',
  'evidence',
  'judged',
  'controllers',
  'components',
  'before-users'
]
// evidence and controllers wait for CloudWatch's minutes in real time: they run when asked for.
const SLOW_SECTIONS = ['evidence', 'judged', 'controllers', 'components', 'before-users']
const wanted = (section) => (ONLY ? ONLY.includes(section) : ALL || !SLOW_SECTIONS.includes(section))
const OPTIONS = {
  seed: Number(argument('seed') ?? 1),
  runs: Number(argument('runs') ?? 10),
  componentRuns: Number(argument('component-runs') ?? 5),
  answerRuns: Number(argument('answer-runs') ?? 10),
  healthyErrorRate: Number(argument('healthy-error-rate') ?? 0.01),
  writeDocs: WRITE_DOCS
}
// 1 s is the emulator's default; other values show how the 500 ms fast poll lines up with a transition.
const TRANSITION_S = Number(
  process.argv.find((arg) => arg.startsWith('--transition='))?.slice('--transition='.length) ?? 1
)
const COLD_START_RUNS = 20
const STEPS = [25, 50, 75, 100]
const BAKE_S = 6
const GATE_INTERVAL_S = 1
const LONG_TRANSITION_S = LONG ? 150 : 45

const TARGETS = {
  overheadPerStepMs: 250,
  detectionSlackMs: 500,
  weightChangeAfterDetectionMs: 1000,
  slowPollMs: 2000,
  maxPollMs: 30_000
}

const ms = (value) => `${Math.round(value)} ms`
const verdict = (ok) => (ok ? 'pass' : 'FAIL')
const results = []
const target = (name, figure, goal, ok) => results.push([name, figure, goal, verdict(ok)])
const sectionTimes = []

/** Runs one section and times it; a section that throws is a FAIL row, and the others still run. */
async function section(name, work) {
  const began = Date.now()
  try {
    await work()
  } catch (error) {
    console.log(`\nThe ${name} section failed: ${error.stack ?? error}`)
    target(
      `section ${name}`,
      `threw: ${String(error.message ?? error)
        .split('\n')[0]
        .slice(0, 80)}`,
      'runs through',
      false
    )
  }
  sectionTimes.push([name, `${Math.round((Date.now() - began) / 1000)} s`])
}

// ---------------------------------------------------------------------------
// The action, run as the runner runs it (test/runner/runner.mjs)
// ---------------------------------------------------------------------------

const setTransitionSeconds = (emulator, seconds) => emulatorControl(emulator).configure({ transitionSeconds: seconds })

// ---------------------------------------------------------------------------
// AWS resources, straight to the emulator (never through the proxy)
// ---------------------------------------------------------------------------

async function putMetrics(aws, endpoint, variant, invocations, errors5xx, Timestamp = new Date()) {
  const Dimensions = [
    { Name: 'EndpointName', Value: endpoint },
    { Name: 'VariantName', Value: variant }
  ]
  await aws.cloudwatch.send(
    new PutMetricDataCommand({
      Namespace: 'AWS/SageMaker',
      MetricData: [
        { MetricName: 'Invocations', Dimensions, Timestamp, Value: invocations, Unit: 'None' },
        { MetricName: 'Invocation5XXErrors', Dimensions, Timestamp, Value: errors5xx, Unit: 'None' }
      ]
    })
  )
}

/** Clean canary traffic every 250 ms until stopped. */
function cleanTraffic(aws, endpoint, variant) {
  let running = true
  const loop = (async () => {
    while (running) {
      await putMetrics(aws, endpoint, variant, 20, 0)
      await sleep(250)
    }
  })()
  return async () => {
    running = false
    await loop
  }
}

/** GetMetricData's EndTime: epoch seconds in the JSON protocol, ISO text in the query protocol. */
function endTimeMs(entry) {
  const end = typeof entry.body === 'string' ? new URLSearchParams(entry.body).get('EndTime') : entry.body?.EndTime
  return typeof end === 'number' ? end * 1000 : Date.parse(end)
}

const canaryWeight = (entry) =>
  entry.body?.DesiredWeightsAndCapacities?.find((variant) => variant.VariantName === 'canary')?.DesiredWeight

function canaryInputs(endpoint, extra = {}) {
  return deployInputs(endpoint, {
    'variant-name': 'canary',
    strategy: 'canary',
    'traffic-steps': STEPS.join(','),
    'bake-time': `${BAKE_S}s`,
    'gate-interval': `${GATE_INTERVAL_S}s`,
    'alarm-names': `${endpoint}-5xx`,
    'max-error-rate': '5%',
    ...extra
  })
}

// ---------------------------------------------------------------------------
// Measurements
// ---------------------------------------------------------------------------

/** Start-up beside the previous release and a minimal action: scripts/bench/startup.mjs. */
async function coldStart(emulator, aws) {
  await startup({
    emulator,
    aws,
    runs: COLD_START_RUNS,
    previous: argument('previous') ?? PREVIOUS_RELEASE,
    log: (line) => console.log(line),
    target
  })
}

/** One gated canary of 4 steps; returns the proxy's view and the action's own rollout record. */
async function canaryRollout(emulator, aws, name, extra) {
  await seedServing(aws, name)
  await setAlarm(aws.cloudwatch, `${name}-5xx`, 'OK', 'bench')
  const proxy = await startProxy({ target: emulator.url, captureBodies: [WEIGHTS] })
  const stop = cleanTraffic(aws, name, 'canary')
  const run = await runAction(proxy.url, canaryInputs(name, extra))
  await stop()
  const timeline = proxy.timeline()
  await proxy.close()
  if (run.exitCode !== 0) throw new Error(`the ${name} rollout failed:\n${logOf(run)}`)
  const rollout = JSON.parse(run.outputs.result).rollout
  return { run, timeline, rollout }
}

function callsByApi(timeline) {
  const counts = {}
  for (const entry of timeline) counts[entry.key] = (counts[entry.key] ?? 0) + 1
  return counts
}

/**
 * How long a step must last past its bake: the gates judge closed minutes only, so a step ends once the
 * minute its bake ended in (at least its first minute) has closed and been judged. The bench's datapoints
 * are readable at once, so here that is the minute's close.
 */
function minuteWaitMs(step) {
  const bakeEnd = step.startedAt + BAKE_S * 1000
  return Math.max(ceilMinute(bakeEnd), floorMinute(step.startedAt) + MINUTE_MS) - bakeEnd
}

/** Splits each step into the weight change, the bake, the wait for its last minute and the gap before the next step. */
function stepOverheads({ timeline, rollout }) {
  const shifts = timeline.filter((entry) => entry.key === WEIGHTS && ok(entry))
  return rollout.steps.map((step, index) => {
    const shift = shifts[index]
    const next = shifts[index + 1]
    // The last step is followed by the promotion, not by another shift: its gap is not step overhead.
    const end = next ? next.at : step.endedAt
    const span = end - shift.at
    // The poll that saw the change land, against when it landed in the emulator.
    const landed = shift.doneAt + TRANSITION_S * 1000
    const seen = timeline.find((entry) => entry.api === 'DescribeEndpoint' && entry.at >= landed)
    const minuteWait = minuteWaitMs(step)
    return {
      weight: step.weight,
      evaluations: step.evaluations.length,
      span,
      minuteWait,
      overhead: span - BAKE_S * 1000 - TRANSITION_S * 1000 - minuteWait,
      shift: step.startedAt - shift.at - TRANSITION_S * 1000,
      pollLag: seen ? seen.doneAt - landed : NaN,
      bake: step.endedAt - step.startedAt - BAKE_S * 1000 - minuteWait,
      gap: next ? next.at - step.endedAt : 0
    }
  })
}

/** Evaluations made before any minute of their step had closed read no metrics. */
const readsMetrics = (evaluation) =>
  !evaluation.inconclusive.some((reason) => /has closed yet|no minute has closed since/.test(reason))

async function apiCallsAndOverhead(emulator, aws) {
  // Side by side: each step now lasts until its minute closes, so one after the other would take twice as long.
  const [plain, probed] = await Promise.all([
    canaryRollout(emulator, aws, 'bench-calls', {}),
    canaryRollout(emulator, aws, 'bench-probes', {
      'probe-payload': '{"amount": 12.5}',
      'probe-count': '1'
    })
  ])
  const evaluations = (rollout) => rollout.steps.reduce((sum, step) => sum + step.evaluations.length, 0)
  const counts = [callsByApi(plain.timeline), callsByApi(probed.timeline)]
  const apis = [...new Set(counts.flatMap((count) => Object.keys(count)))].sort()
  const rows = apis.map((api) => [api, counts[0][api] ?? 0, counts[1][api] ?? 0])
  rows.push(['total', plain.timeline.length, probed.timeline.length])
  rows.push(['gate evaluations', evaluations(plain.rollout), evaluations(probed.rollout)])
  console.log(
    `\nAPI calls per rollout: canary ${STEPS.join(',')}, bake-time ${BAKE_S}s, gate-interval ${GATE_INTERVAL_S}s ` +
      `(gates: one alarm, max-error-rate; probes: probe-count 1), emulator transition ${TRANSITION_S}s\n`
  )
  console.log(formatTable([['api', 'without probes', 'with probes'], ...rows]))

  for (const [label, measured] of [
    ['without probes', plain],
    ['with probes', probed]
  ]) {
    const n = evaluations(measured.rollout)
    const reading = measured.rollout.steps.flatMap((step) => step.evaluations).filter(readsMetrics).length
    const count = callsByApi(measured.timeline)
    const metrics = count['cloudwatch.GetMetricData'] ?? 0
    // The deploy checks once, up front, that the alarms exist.
    const alarms = (count['cloudwatch.DescribeAlarms'] ?? 0) - 1
    target(
      `GetMetricData per evaluation with a closed minute (${label})`,
      `${metrics}/${reading} (${n - reading} before one closed: none)`,
      '= 1',
      metrics === reading
    )
    target(`DescribeAlarms per evaluation (${label})`, `${alarms}/${n} (+1 up front)`, '<= 1', alarms <= n)
  }

  const steps = [...stepOverheads(plain), ...stepOverheads(probed)]
  console.log(
    `\nControl-plane overhead per step = (weight change sent -> next weight change sent) - bake-time ${BAKE_S}s - transition ${TRANSITION_S}s` +
      ` - the wait for the step's last minute to close**\n`
  )
  console.log(
    formatTable([
      [
        'rollout',
        'step',
        'evals',
        'overhead',
        'weight change*',
        'of which poll lag',
        'minute to close**',
        'end after it',
        'gap to next'
      ],
      ...steps.map((step, index) => [
        index < plain.rollout.steps.length ? 'without probes' : 'with probes',
        `${step.weight}%`,
        step.evaluations,
        ms(step.overhead),
        ms(step.shift),
        ms(step.pollLag),
        ms(step.minuteWait),
        ms(step.bake),
        step.gap ? ms(step.gap) : '(promotion)'
      ])
    ])
  )
  console.log(
    '* weight change: sent -> the action saw it land, minus the transition; poll lag: the emulator finished -> the poll that saw it\n' +
      "** the gates judge closed minutes only: a step lasts until the minute its bake ended in has closed (the bench's datapoints are readable at once); " +
      `past bake-time it looks every gate-interval (${GATE_INTERVAL_S}s), so up to that much comes on top`
  )
  const worst = Math.max(...steps.map((step) => step.overhead))
  const average = steps.reduce((sum, step) => sum + step.overhead, 0) / steps.length
  // Past its minute's close a step ends at its next evaluation: up to one gate-interval on top of the action's own.
  const limit = GATE_INTERVAL_S * 1000 + TARGETS.overheadPerStepMs
  target(
    'overhead per step past its last minute (mean)',
    ms(average),
    `<= gate-interval + ${ms(TARGETS.overheadPerStepMs)}`,
    average <= limit
  )
  target(
    'overhead per step past its last minute (worst)',
    ms(worst),
    `<= gate-interval + ${ms(TARGETS.overheadPerStepMs)}`,
    worst <= limit
  )
  target(
    'minute to close, per step (mean)',
    ms(steps.reduce((sum, step) => sum + step.minuteWait, 0) / steps.length),
    '(no target: the rest of the minute)',
    true
  )
  // What is left is the poll interval in force when the transition ends (500 ms in the first 10 s).
  const own = Math.max(...steps.map((step) => step.overhead - step.pollLag))
  target(
    'overhead per step less poll lag (worst)',
    ms(own),
    `<= gate-interval + ${ms(TARGETS.overheadPerStepMs)}`,
    own <= limit
  )
}

/** A rollout whose gate input turns bad at a random point of step 1's bake. */
async function detectionTrial(emulator, aws, kind, index, random) {
  const name = `bench-detect-${kind}-${index}`
  const previousConfig = await seedServing(aws, name)
  const alarm = `${name}-5xx`
  await setAlarm(aws.cloudwatch, alarm, 'OK', 'bench')
  const gateApi = kind === 'alarm' ? 'cloudwatch.DescribeAlarms' : 'cloudwatch.GetMetricData'
  let flip
  let evaluationsSeen = 0
  const proxy = await startProxy({
    target: emulator.url,
    captureBodies: [WEIGHTS, 'sagemaker.UpdateEndpoint', 'cloudwatch.GetMetricData'],
    onRequest: (entry) => {
      // Alarms are read at every evaluation; metrics only once a minute of the step has closed, so the
      // first GetMetricData call already marks an evaluation made with data.
      if (entry.key === gateApi && !flip && ++evaluationsSeen === (kind === 'alarm' ? 2 : 1)) {
        // A moment anywhere within a gate interval after an evaluation.
        flip = (async () => {
          const wait = random() * GATE_INTERVAL_S * 1000
          if (kind === '5xx') await stopTraffic()
          await sleep(wait)
          const at = preciseNow()
          if (kind === 'alarm') {
            // Held by the alarm's own data: a state set by hand lasts only until its next evaluation.
            await setAlarm(aws.cloudwatch, alarm, 'ALARM', 'bench')
          } else {
            // Bad from this instant: the datapoint carries it as its timestamp, and outweighs the clean
            // traffic its minute already had.
            await putMetrics(aws, name, 'canary', 10_000, 10_000, new Date(Math.ceil(at)))
          }
          return { at, doneAt: preciseNow() }
        })()
      }
    }
  })
  const stopTraffic = cleanTraffic(aws, name, 'canary')
  const run = await runAction(proxy.url, canaryInputs(name, { 'traffic-steps': '25,100', 'bake-time': '30s' }))
  await stopTraffic()
  const timeline = proxy.timeline()
  await proxy.close()
  if (!flip) throw new Error(`${name}: the gate input was never turned bad:\n${logOf(run)}`)
  const bad = await flip
  const final = await aws.sagemaker.send(new DescribeEndpointCommand({ EndpointName: name }))
  if (run.outputs['rollout-result'] !== 'rolled-back' || final.EndpointConfigName !== previousConfig) {
    throw new Error(`${name}: expected a rollback to ${previousConfig}:\n${logOf(run)}`)
  }
  // An alarm is read as it is when the call arrives. A datapoint is judged only once its minute has
  // closed: the gates read closed minutes only (the bench's own datapoints need no publication delay).
  const stamp = Math.ceil(bad.at)
  const readableAt = kind === 'alarm' ? bad.at : floorMinute(stamp) + MINUTE_MS
  const detecting = timeline.find((entry) =>
    kind === 'alarm'
      ? entry.key === gateApi && entry.at >= bad.doneAt
      : entry.key === gateApi && Math.floor(endTimeMs(entry) / 1000) * 1000 > stamp
  )
  const offCanary = timeline.find((entry) => entry.key === WEIGHTS && entry.at >= bad.at && canaryWeight(entry) === 0)
  const restore = timeline.find(
    (entry) => entry.api === 'UpdateEndpoint' && entry.at >= bad.at && entry.body?.EndpointConfigName === previousConfig
  )
  const landed = restore.doneAt + TRANSITION_S * 1000
  const seenBack = timeline.find((entry) => entry.api === 'DescribeEndpoint' && entry.at >= landed)
  return {
    kind,
    readable: readableAt - bad.at,
    detection: detecting.doneAt - readableAt,
    detectionFromBad: detecting.doneAt - bad.at,
    weightChange: offCanary.at - detecting.doneAt,
    firstWeightChange: offCanary.at - bad.at,
    rollback: seenBack.doneAt - bad.at - 2 * TRANSITION_S * 1000
  }
}

async function detection(emulator, aws) {
  const random = seededRandom(42)
  const trials = []
  for (const kind of ['alarm', '5xx']) {
    for (let index = 1; index <= 3; index++) trials.push(await detectionTrial(emulator, aws, kind, index, random))
  }
  console.log(
    `\nDetection and rollback (gate-interval ${GATE_INTERVAL_S}s; input turned bad at a random point after an evaluation; transition ${TRANSITION_S}s)\n`
  )
  console.log(
    formatTable([
      [
        'input turned bad',
        'judgeable after**',
        'detected after judgeable',
        'detected after bad',
        'weight 0 sent after detection',
        'weight 0 sent after bad',
        'rollback time*'
      ],
      ...trials.map((trial) => [
        trial.kind === 'alarm' ? 'alarm -> ALARM' : '5XX metrics published',
        ms(trial.readable),
        ms(trial.detection),
        ms(trial.detectionFromBad),
        ms(trial.weightChange),
        ms(trial.firstWeightChange),
        ms(trial.rollback)
      ])
    ])
  )
  console.log(
    `* rollback time: input bad -> the action saw InService on the previous config, minus the two transitions (weights, then config: ${2 * TRANSITION_S}s)\n` +
      '** an alarm is readable at once; a 5XX datapoint once its minute has closed, since the gates judge closed minutes only'
  )
  const worstDetection = Math.max(...trials.map((trial) => trial.detection))
  const worstChange = Math.max(...trials.map((trial) => trial.weightChange))
  const limit = GATE_INTERVAL_S * 1000 + TARGETS.detectionSlackMs
  target(
    'detection after the input is judgeable (worst of 6)',
    ms(worstDetection),
    `<= ${ms(limit)}`,
    worstDetection <= limit
  )
  target(
    'first weight change after detection (worst)',
    ms(worstChange),
    `<= ${ms(TARGETS.weightChangeAfterDetectionMs)}`,
    worstChange <= TARGETS.weightChangeAfterDetectionMs
  )
  for (const kind of ['alarm', '5xx']) {
    const rollbacks = trials.filter((trial) => trial.kind === kind).map((trial) => trial.rollback)
    target(
      `rollback time, ${kind === 'alarm' ? 'alarm' : '5XX metrics'} (median)`,
      ms(median(rollbacks)),
      '(no target)',
      true
    )
  }
}

/** Starts update-traffic on an endpoint whose transition takes LONG_TRANSITION_S; returns a promise of its polls. */
async function startLongTransition(emulator, aws) {
  const name = 'bench-long'
  await seedServing(aws, name, { variants: ['blue', 'green'] })
  let seen
  const changed = new Promise((resolve) => (seen = resolve))
  const proxy = await startProxy({
    target: emulator.url,
    onRequest: (entry) => entry.key === WEIGHTS && seen(entry)
  })
  await setTransitionSeconds(emulator, LONG_TRANSITION_S)
  const running = runAction(proxy.url, {
    operation: 'update-traffic',
    'endpoint-name': name,
    'variant-weights': 'blue=80,green=20'
  })
  await changed
  // The emulator fixes a transition's length when it starts: later ones are short again.
  await sleep(200)
  await setTransitionSeconds(emulator, TRANSITION_S)
  return (async () => {
    const run = await running
    const timeline = proxy.timeline()
    await proxy.close()
    if (run.exitCode !== 0) throw new Error(`the long update-traffic failed:\n${logOf(run)}`)
    return timeline
  })()
}

function reportPolls(timeline) {
  const change = timeline.find((entry) => entry.key === WEIGHTS)
  const polls = timeline.filter((entry) => entry.api === 'DescribeEndpoint' && entry.at > change.at)
  // The transition as the waiter sees it starts with its first poll; a gap counts by the poll that ends it.
  const gaps = polls.slice(1).map((poll, index) => ({
    at: poll.at - polls[0].at,
    gap: poll.at - polls[index].at
  }))
  const fast = gaps.filter((gap) => gap.at <= 10_000)
  const slow = gaps.filter((gap) => gap.at > 10_000)
  console.log(
    `\nDescribeEndpoint during a ${LONG_TRANSITION_S}s transition (update-traffic): ${polls.length} polls; first 10 s: ${fast.length + 1} polls ` +
      `(${fast.length ? ms(Math.min(...fast.map((gap) => gap.gap))) : '-'} apart at least); after 10 s, gaps: ` +
      slow.map((gap) => `${(gap.gap / 1000).toFixed(1)}s`).join(', ')
  )
  const tooOften = slow.filter((gap) => gap.gap < TARGETS.slowPollMs)
  const shrinking = slow.filter((gap, index) => index > 0 && gap.gap < slow[index - 1].gap - 50)
  const longest = Math.max(...slow.map((gap) => gap.gap))
  target(
    'DescribeEndpoint after 10 s: never more often than 2 s',
    `shortest ${ms(Math.min(...slow.map((gap) => gap.gap)))}`,
    '>= 2000 ms',
    tooOften.length === 0
  )
  target(
    'DescribeEndpoint after 10 s: backs off, never beyond 30 s',
    `grows to ${(longest / 1000).toFixed(1)} s`,
    'rising, <= 30 s',
    shrinking.length === 0 && longest <= TARGETS.maxPollMs + 500
  )
  if (!LONG) console.log(`(npm run bench -- --long watches a 150 s transition, long enough to reach the 30 s cap)`)
}

// ---------------------------------------------------------------------------

let node
let emulator
try {
  requireBuiltAction()
  node = await ensureNode24({ onInstall: (message) => console.log(message) })
  emulator = await startEmulator({ transitionSeconds: TRANSITION_S })
} catch (error) {
  if (!(error instanceof SetupError)) throw error
  console.error(error.message)
  process.exit(1)
}
const aws = directClients(emulator.url)
const started = Date.now()
try {
  console.log(`Benchmark of dist/index.js under Node ${await nodeVersion(node)}`)
  if (ONLY?.some((section) => !SECTIONS.includes(section))) throw new Error(`--only takes ${SECTIONS.join(', ')}`)
  if (wanted('cold')) await section('cold', () => coldStart(emulator, aws))
  // The long transition runs beside the rollouts: it only polls, every few seconds.
  const longPolls = wanted('polls') ? await startLongTransition(emulator, aws) : undefined
  if (wanted('calls')) await section('calls', () => apiCallsAndOverhead(emulator, aws))
  if (wanted('detection')) await section('detection', () => detection(emulator, aws))
  if (longPolls) await section('polls', async () => reportPolls(await longPolls))
  const rollouts = [
    ['reliability', reliability],
    ['evidence', evidence],
    ['judged', judged],
    ['controllers', controllers],
    ['components', components],
    ['before-users', beforeUsers]
  ].filter(([section]) => wanted(section))
  if (rollouts.length > 0) {
    const context = {
      emulator,
      aws,
      control: emulatorControl(emulator),
      options: OPTIONS,
      log: (line) => console.log(line),
      target: (name, figure, goal, passed) => target(name, figure, goal, passed)
    }
    try {
      for (const [name, run] of rollouts) {
        // Each section starts from an empty emulator at its start-up settings, then sets its own.
        await emulator.reset()
        await section(name, () => run(context))
      }
    } finally {
      await context.control.stopTraffic().catch(() => undefined)
    }
  }
  if (!ONLY && !ALL) {
    console.log(
      '\n(evidence, judged, controllers and components wait for CloudWatch in real time, about 10, 6, 17 and 12 minutes: run them with --all or --only=evidence,judged,controllers,components)'
    )
  }
  console.log(`\nTargets\n`)
  console.log(formatTable([['figure', 'measured', 'target', 'result'], ...results]))
  console.log(
    `\nSections: ${sectionTimes.map(([name, took]) => `${name} ${took}`).join(', ')}` +
      `${longPolls ? ' (polls runs beside calls and detection)' : ''}.`
  )
  console.log(`\nBench took ${Math.round((Date.now() - started) / 1000)} s.`)
} finally {
  aws.destroy()
  await emulator.stop()
}
