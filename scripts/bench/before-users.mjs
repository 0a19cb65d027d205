// Section `before-users`: the two ways a new model is judged before users
// meet it, one after the other. First a dark first step with checked and
// compared answers; then a shadow phase, in which the new model gets a copy of
// every request and its answers, captured, are compared with the serving
// model's. In each, a batch of bad models (fast, no errors, but a wrong answer
// to 20% of requests) and a batch of healthy ones (answers that differ from the
// serving model's only within the tolerance) run side by side, each on an
// endpoint of its own with users' requests running all through. For each: the
// outcome, how long it took, and how many user requests the new model served
// (its requests that were neither the action's probes nor a shadow's copies).
// A bad model must be rolled back having served none; a healthy one promoted.

import { CreateBucketCommand } from '@aws-sdk/client-s3'
import { deployInputs, resultOf, runAction, seedServing, sideBySide, sleep, spread, sum, MINUTE_MS } from './common.mjs'
import { formatTable } from '../../test/proxy/proxy.mjs'

export const BEFORE_USERS = {
  instances: 1,
  ratePerSecond: 5,
  servingAnswer: { score: 0.4 },
  /** Healthy answers differ from the serving model's by at most this. */
  healthyJitter: 0.02,
  wrongAnswer: { score: 0.95 },
  wrongRate: 0.2,
  inputs: {
    'traffic-steps': '0,10,100',
    'bake-time': '30s',
    'gate-interval': '5s',
    'probe-payload': '{"amount": 12.5}',
    'probe-count': '5',
    'probe-expect': '$.score between 0 and 1',
    'max-disagreement': '10%',
    'compare-path': '$.score',
    'compare-tolerance': '0.05',
    strategy: 'canary'
  },
  /** The shadow phase's inputs: every request copied, the probes' answers paired through data capture. */
  shadowInputs: {
    'shadow-percent': '100',
    'traffic-steps': '10,100',
    'bake-time': '30s',
    // 4 probes every 2 s: 60 pairs over the bake, and beside 5 user requests a second within the 10 a second one
    // instance serves (more probes in a second would be turned away at the steps, where they reach the new model).
    'gate-interval': '2s',
    'probe-payload': '{"amount": 12.5}',
    'probe-count': '4',
    'max-disagreement': '5%',
    'compare-path': '$.score',
    'compare-tolerance': '0.05',
    strategy: 'canary'
  },
  capture: {
    DataCaptureConfig: {
      EnableCapture: true,
      InitialSamplingPercentage: 100,
      DestinationS3Uri: 's3://bench-capture/datacapture',
      CaptureOptions: [{ CaptureMode: 'Input' }, { CaptureMode: 'Output' }],
      CaptureContentTypeHeader: { JsonContentTypes: ['application/json'] }
    }
  }
}

/** How each way is set up: its inputs, and what the serving endpoint needs for it. */
const MODES = {
  dark: { label: 'a dark first step', prefix: 'bu', inputs: BEFORE_USERS.inputs, configSettings: {} },
  shadow: {
    label: 'a shadow phase',
    prefix: 'bs',
    inputs: BEFORE_USERS.shadowInputs,
    configSettings: BEFORE_USERS.capture
  }
}

async function beforeUsersRun(context, mode, { kind, index, startAfterMs }) {
  const { emulator, aws, control, options } = context
  await sleep(startAfterMs)
  const name = `${mode.prefix}-s${options.seed}-${kind}-${String(index).padStart(2, '0')}`
  await seedServing(aws, name, { instances: BEFORE_USERS.instances, configSettings: mode.configSettings })
  await control.setModelBehaviour({
    match: `${name}-old`,
    answer: BEFORE_USERS.servingAnswer,
    jitter: BEFORE_USERS.healthyJitter
  })
  await control.setModelBehaviour({
    match: `${name}-v2`,
    answer: BEFORE_USERS.servingAnswer,
    jitter: BEFORE_USERS.healthyJitter,
    ...(kind === 'bad' ? { wrongAnswer: BEFORE_USERS.wrongAnswer, wrongRate: BEFORE_USERS.wrongRate } : {})
  })
  await control.setTraffic(name, BEFORE_USERS.ratePerSecond)
  const startedAt = Date.now()
  const run = await runAction(emulator.url, deployInputs(name, mode.inputs), { timeoutMs: 10 * MINUTE_MS })
  const tookMs = Date.now() - startedAt
  await control.setTraffic(name, 0)
  const stats = (await control.trafficStats())[name]
  const atNew = stats?.variants[`${name}-v2`]
  return {
    kind,
    name,
    run,
    tookMs,
    userRequestsToNew: (atNew?.requests ?? 0) - (atNew?.invoked ?? 0) - (atNew?.copies ?? 0),
    probesToNew: atNew?.invoked ?? 0,
    copiesToNew: atNew?.copies ?? 0
  }
}

export async function beforeUsers(context) {
  await context.aws.s3.send(new CreateBucketCommand({ Bucket: 'bench-capture' }))
  for (const mode of Object.values(MODES)) await beforeUsersIn(context, mode)
}

async function beforeUsersIn(context, mode) {
  const { control, options, target, log } = context
  const runs = options.answerRuns
  const started = Date.now()
  await control.configure({ seed: options.seed })
  log(
    `\nBefore users see it, by ${mode.label}: answers checked and compared with the serving model's; ${runs} bad and ${runs} healthy side by side (emulator seed ${options.seed}); ` +
      `${Object.entries(mode.inputs)
        .map(([input, value]) => `${input} ${value}`)
        .join(', ')}; users send ${BEFORE_USERS.ratePerSecond} requests/s all through; ` +
      `the serving model answers ${JSON.stringify(BEFORE_USERS.servingAnswer)} within ±${BEFORE_USERS.healthyJitter}; a healthy new model the same; ` +
      `a bad one too, but ${JSON.stringify(BEFORE_USERS.wrongAnswer)} to ${BEFORE_USERS.wrongRate * 100}% of requests, fast and without an error.`
  )
  const done = await Promise.all(sideBySide(runs).map((plan) => beforeUsersRun(context, mode, plan)))
  const outcome = (entry) => entry.run.outputs['rollout-result'] ?? `no result (exit ${entry.run.exitCode})`
  const bad = done.filter((entry) => entry.kind === 'bad')
  const healthy = done.filter((entry) => entry.kind === 'healthy')
  const count = (list, value) => list.filter((entry) => outcome(entry) === value).length
  const row = (kind, list) => [
    kind,
    String(list.length),
    String(count(list, 'succeeded')),
    String(count(list, 'rolled-back')),
    String(sum(list.map((entry) => entry.userRequestsToNew))),
    String(sum(list.map((entry) => entry.probesToNew))),
    String(sum(list.map((entry) => entry.copiesToNew))),
    spread(
      list.map((entry) => entry.tookMs),
      0
    )
  ]
  log(
    formatTable([
      [
        'new model',
        'runs',
        'promoted',
        'rolled back',
        'user requests it served',
        'probes it answered',
        'copies it answered (shadow)',
        'time (median, range)'
      ],
      row('bad', bad),
      row('healthy', healthy)
    ])
  )
  for (const entry of done.filter((item) => outcome(item) !== (item.kind === 'bad' ? 'rolled-back' : 'succeeded'))) {
    log(`  ${entry.name}: ${outcome(entry)}: ${resultOf(entry.run).rollout?.decision ?? entry.run.stdout.slice(-300)}`)
  }
  const caught = bad.filter((entry) => outcome(entry) === 'rolled-back' && entry.userRequestsToNew === 0).length
  target(
    `${mode.label}: bad models rolled back before serving a user request (${bad.length} runs)`,
    `${caught}/${bad.length}; user requests served: ${sum(bad.map((entry) => entry.userRequestsToNew))}`,
    'all, 0 served',
    caught === bad.length
  )
  target(
    `${mode.label}: healthy models within tolerance promoted, no false rollback (${healthy.length} runs)`,
    `${count(healthy, 'succeeded')}/${healthy.length}`,
    'all',
    count(healthy, 'succeeded') === healthy.length
  )
  log(`\nThe section took ${Math.round((Date.now() - started) / 1000)} s.`)
}
