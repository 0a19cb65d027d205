// Section `before-users`: a dark first step with checked and compared
// answers. A batch of bad models (fast, no errors, but a wrong answer to 20%
// of requests) and a batch of healthy ones (answers that differ from the
// serving model's only within the tolerance) run side by side, each on an
// endpoint of its own with users' requests running all through. For each: the
// outcome, how long it took, and how many user requests the new model served
// (its requests that were not the action's probes). A bad model must be
// rolled back having served none; a healthy one promoted.

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
  }
}

async function beforeUsersRun(context, { kind, index, startAfterMs }) {
  const { emulator, aws, control, options } = context
  await sleep(startAfterMs)
  const name = `bu-s${options.seed}-${kind}-${String(index).padStart(2, '0')}`
  await seedServing(aws, name, { instances: BEFORE_USERS.instances })
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
  const run = await runAction(emulator.url, deployInputs(name, BEFORE_USERS.inputs), { timeoutMs: 10 * MINUTE_MS })
  const tookMs = Date.now() - startedAt
  await control.setTraffic(name, 0)
  const stats = (await control.trafficStats())[name]
  const atNew = stats?.variants[`${name}-v2`]
  return {
    kind,
    name,
    run,
    tookMs,
    userRequestsToNew: (atNew?.requests ?? 0) - (atNew?.invoked ?? 0),
    probesToNew: atNew?.invoked ?? 0
  }
}

export async function beforeUsers(context) {
  const { control, options, target, log } = context
  const runs = options.answerRuns
  const started = Date.now()
  await control.configure({ seed: options.seed })
  log(
    `\nBefore users see it: a dark first step, answers checked and compared with the serving model's; ${runs} bad and ${runs} healthy side by side (emulator seed ${options.seed}); ` +
      `${Object.entries(BEFORE_USERS.inputs)
        .map(([input, value]) => `${input} ${value}`)
        .join(', ')}; users send ${BEFORE_USERS.ratePerSecond} requests/s all through; ` +
      `the serving model answers ${JSON.stringify(BEFORE_USERS.servingAnswer)} within ±${BEFORE_USERS.healthyJitter}; a healthy new model the same; ` +
      `a bad one too, but ${JSON.stringify(BEFORE_USERS.wrongAnswer)} to ${BEFORE_USERS.wrongRate * 100}% of requests, fast and without an error.`
  )
  const done = await Promise.all(sideBySide(runs).map((plan) => beforeUsersRun(context, plan)))
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
        'time (median, range)'
      ],
      row('bad', bad),
      row('healthy', healthy)
    ])
  )
  for (const entry of done.filter((item) => outcome(item) !== (item.kind === 'bad' ? 'rolled-back' : 'succeeded'))) {
    log(`  ${entry.name}: ${outcome(entry)}: ${resultOf(entry.run).rollout?.decision ?? entry.run.stdout.slice(-300)}`)
  }
  const caughtDark = bad.filter((entry) => outcome(entry) === 'rolled-back' && entry.userRequestsToNew === 0).length
  target(
    `bad models rolled back before serving a user request (${bad.length} runs)`,
    `${caughtDark}/${bad.length}; user requests served: ${sum(bad.map((entry) => entry.userRequestsToNew))}`,
    'all, 0 served',
    caughtDark === bad.length
  )
  target(
    `healthy models within tolerance promoted, no false rollback (${healthy.length} runs)`,
    `${count(healthy, 'succeeded')}/${healthy.length}`,
    'all',
    count(healthy, 'succeeded') === healthy.length
  )
  log(`\nThe section took ${Math.round((Date.now() - started) / 1000)} s.`)
}
