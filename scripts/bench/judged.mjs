// Section `judged`: rollout-controller: sagemaker with the full gate set.
// SageMaker carries the canary out (the emulator sends the new fleet its share
// of live traffic from the first shift), the action judges the new fleet on
// its own published minutes, and its verdict alarm is what SageMaker rolls
// back on. A batch of bad deployments and a batch of healthy ones run side by
// side, each on an endpoint of its own; CloudWatch publishes a minute 60 to
// 120 s after it closes, as in the evidence section.

import { verdictTimings } from './action-source.mjs'
import {
  deployInputs,
  median,
  resultOf,
  runAction,
  seedServing,
  sideBySide,
  sleep,
  spread,
  MINUTE_MS
} from './common.mjs'
import { formatTable } from '../../test/proxy/proxy.mjs'

export const JUDGED = {
  trafficSteps: '20,100',
  bakeMs: 150_000,
  gateIntervalMs: 10_000,
  instances: 5,
  ratePerSecond: 6,
  badErrorRate: 0.25,
  maxErrorRate: 0.05,
  publicationDelaySeconds: [60, 120]
}

/** The full metric gate set (probes cannot reach SageMaker's new fleet alone); the controllers section uses it too. */
export const JUDGED_GATES = {
  'max-error-rate': `${JUDGED.maxErrorRate * 100}%`,
  'max-error-rate-increase': '5%',
  'min-invocations': '10',
  'max-latency-p99': '2s'
}

/** The gate set as the bench prints it: "max-error-rate 5%, ...". */
export const gatesInWords = (gates) =>
  Object.entries(gates)
    .map(([input, value]) => `${input} ${value}`)
    .join(', ')

/** One deployment on an endpoint of its own: `kind` bad (its model fails 25%) or healthy. */
async function judgedRun(context, { kind, index, startAfterMs }) {
  const { emulator, aws, control, options } = context
  await sleep(startAfterMs)
  const name = `jd-s${options.seed}-${kind}-${String(index).padStart(2, '0')}`
  await seedServing(aws, name, { instances: JUDGED.instances })
  await control.setModelBehaviour({ match: `${name}-old`, errorRate: options.healthyErrorRate })
  await control.setModelBehaviour({
    match: `${name}-v2`,
    errorRate: kind === 'bad' ? JUDGED.badErrorRate : options.healthyErrorRate
  })
  await control.setTraffic(name, JUDGED.ratePerSecond)
  const run = await runAction(
    emulator.url,
    deployInputs(name, {
      'rollout-controller': 'sagemaker',
      strategy: 'canary',
      'traffic-steps': JUDGED.trafficSteps,
      'bake-time': `${JUDGED.bakeMs / 1000}s`,
      'gate-interval': `${JUDGED.gateIntervalMs / 1000}s`,
      ...JUDGED_GATES,
      timeout: '20m'
    }),
    { timeoutMs: 20 * MINUTE_MS }
  )
  await control.stopTraffic(name)
  const [deployment] = await control.deployments(name)
  return { kind, name, run, deployment }
}

/**
 * From the first published minute of the new fleet whose error rate is above
 * max-error-rate to SageMaker moving the traffic back (the emulator records
 * both), against the bound: gate-interval + one alarm period + SageMaker's reaction.
 */
function rollbackDelayMs(entry, publications) {
  const bad = publications
    .filter((publication) => publication.endpoint === entry.name)
    .filter((publication) => publication.endpointConfigName === entry.deployment?.newConfig)
    .filter((publication) => publication.invocations > 0)
    .filter((publication) => publication.errors5xx / publication.invocations > JUDGED.maxErrorRate)
    .map((publication) => publication.publishedAt * 1000)
  const rolledBackAt = (entry.deployment?.rollbackStartedAt ?? NaN) * 1000
  return bad.length === 0 ? NaN : rolledBackAt - Math.min(...bad)
}

/**
 * From the minute that made the evidence clear to SageMaker moving the traffic back: the last minute of the window
 * the first failed evaluation judged. A first bad minute whose rate is above max-error-rate on too few requests to
 * tell (its Wilson lower bound is not) leaves the window open for the next minute, which decides it; then this is
 * the figure the bound holds for, and rollbackDelayMs is as late as that next minute's publication.
 */
function clearRollbackDelayMs(entry, publications) {
  const failed = (resultOf(entry.run).rollout?.steps ?? [])
    .flatMap((step) => step.evaluations ?? [])
    .find((evaluation) => evaluation.verdict === 'failed')
  if (!failed?.window) return NaN
  const clear = publications.find(
    (publication) =>
      publication.endpoint === entry.name &&
      publication.endpointConfigName === entry.deployment?.newConfig &&
      Date.parse(publication.minute) === failed.window.to - MINUTE_MS
  )
  return clear ? (entry.deployment?.rollbackStartedAt ?? NaN) * 1000 - clear.publishedAt * 1000 : NaN
}

/**
 * What held a bad run past the bound, or led to a false decision: its new fleet's minutes as CloudWatch published
 * them, the evaluations that read them (those still waiting for CloudWatch left out) and when SageMaker rolled back.
 */
function lateRollbackLines(entry, publications) {
  const clock = (epochMs) => new Date(epochMs).toISOString().slice(11, 19)
  const minutes = publications
    .filter((publication) => publication.endpoint === entry.name)
    .filter((publication) => publication.endpointConfigName === entry.deployment?.newConfig)
    .map((publication) => ({
      at: publication.publishedAt * 1000,
      line: `minute ${publication.minute.slice(11, 16)}: ${publication.errors5xx} 5XX of ${publication.invocations}, published`
    }))
  const evaluations = (resultOf(entry.run).rollout?.steps ?? [])
    .flatMap((step) => step.evaluations ?? [])
    .filter((evaluation) => !evaluation.inconclusive.every((reason) => reason.startsWith('waiting for CloudWatch')))
    .map((evaluation) => ({
      at: evaluation.at,
      line: `evaluation ${evaluation.verdict}: ${[...evaluation.failures, ...evaluation.inconclusive].join('; ') || `${evaluation.invocations} invocations`}`
    }))
  const rollbackAt = entry.deployment?.rollbackStartedAt
  const rollback = rollbackAt ? [{ at: rollbackAt * 1000, line: 'SageMaker rolls back' }] : []
  return [...minutes, ...evaluations, ...rollback]
    .sort((a, b) => a.at - b.at)
    .map((event) => `    ${clock(event.at)} ${event.line}`)
}

export async function judged(context) {
  const { control, options, target, log } = context
  const runs = options.runs
  const started = Date.now()
  await control.configure({
    seed: options.seed,
    metricsMode: 'faithful',
    metricsDelaySeconds: JUDGED.publicationDelaySeconds
  })
  log(
    `\nJudged by the action, carried out by SageMaker: ${runs} bad and ${runs} healthy canaries side by side (emulator seed ${options.seed}); ` +
      `${JUDGED.instances} instances, traffic-steps ${JUDGED.trafficSteps}, bake-time ${JUDGED.bakeMs / 1000}s, gate-interval ${JUDGED.gateIntervalMs / 1000}s, ` +
      `${gatesInWords(JUDGED_GATES)}; ` +
      `${JUDGED.ratePerSecond} requests/s; bad model 5XX ${JUDGED.badErrorRate * 100}%, healthy ${options.healthyErrorRate * 100}%; ` +
      `CloudWatch publishes a minute ${JUDGED.publicationDelaySeconds.join(' to ')} s after it closes.`
  )
  const done = await Promise.all(sideBySide(runs).map((plan) => judgedRun(context, plan)))
  const publications = await control.metricPublications()
  const outcome = (entry) => entry.run.outputs['rollout-result'] ?? `no result (exit ${entry.run.exitCode})`
  const bad = done.filter((entry) => entry.kind === 'bad')
  const healthy = done.filter((entry) => entry.kind === 'healthy')
  const count = (list, value) => list.filter((entry) => outcome(entry) === value).length
  const delays = bad.map((entry) => rollbackDelayMs(entry, publications)).filter(Number.isFinite)
  // gate-interval + the verdict alarm's period + SageMaker's reaction, as the action reckons it.
  const bound = (await verdictTimings(JUDGED.gateIntervalMs)).failedVerdictRollbackMs
  log(
    formatTable([
      ['deployment', 'runs', 'succeeded', 'rolled back', 'other', 'mistakes'],
      ...[
        ['bad', bad, 'succeeded'],
        ['healthy', healthy, 'rolled-back']
      ].map(([kind, list, mistake]) => [
        kind,
        String(list.length),
        String(count(list, 'succeeded')),
        String(count(list, 'rolled-back')),
        String(list.length - count(list, 'succeeded') - count(list, 'rolled-back')),
        String(count(list, mistake))
      ])
    ])
  )
  for (const entry of [...bad, ...healthy].filter((item) => !['succeeded', 'rolled-back'].includes(outcome(item)))) {
    log(`  ${entry.name}: ${outcome(entry)}: ${entry.run.stdout.split('\n').slice(-3).join(' | ')}`)
  }
  // A false decision says why it was taken: the action's decision, and the evaluations that led to it.
  const mistaken = [
    ...bad.filter((item) => outcome(item) === 'succeeded'),
    ...healthy.filter((item) => outcome(item) === 'rolled-back')
  ]
  for (const entry of mistaken) {
    log(`\n  ${entry.name} ${outcome(entry)}: ${resultOf(entry.run).rollout?.decision ?? '(no decision recorded)'}`)
    for (const line of lateRollbackLines(entry, publications)) log(line)
  }
  const clearDelays = bad.map((entry) => clearRollbackDelayMs(entry, publications)).filter(Number.isFinite)
  log(
    `\nFirst bad minute published -> SageMaker moves traffic back: ${spread(delays)} (median ${((median(delays) ?? NaN) / 1000).toFixed(1)} s; bound ${bound / 1000} s)`
  )
  log(
    `The minute that made the evidence clear published -> SageMaker moves traffic back: ${spread(clearDelays)} (bound ${bound / 1000} s)`
  )
  for (const entry of bad.filter((item) => rollbackDelayMs(item, publications) > bound)) {
    log(`\n  ${entry.name}: ${(rollbackDelayMs(entry, publications) / 1000).toFixed(1)} s, past the bound:`)
    for (const line of lateRollbackLines(entry, publications)) log(line)
  }
  target(
    `bad SageMaker canaries rolled back on the verdict (${bad.length} runs)`,
    `${count(bad, 'rolled-back')}/${bad.length}`,
    'all',
    count(bad, 'rolled-back') === bad.length
  )
  target(
    `healthy SageMaker canaries succeeded (${healthy.length} runs)`,
    `${count(healthy, 'succeeded')}/${healthy.length}`,
    'all',
    count(healthy, 'succeeded') === healthy.length
  )
  target(
    'first bad minute published -> SageMaker rolls back, worst',
    delays.length > 0 ? `${(Math.max(...delays) / 1000).toFixed(1)} s` : '-',
    `<= ${bound / 1000} s`,
    delays.length > 0 && Math.max(...delays) <= bound
  )
  target(
    'the minute that made the evidence clear published -> SageMaker rolls back, worst',
    clearDelays.length > 0 ? `${(Math.max(...clearDelays) / 1000).toFixed(1)} s` : '-',
    `<= ${bound / 1000} s`,
    clearDelays.length === bad.length && Math.max(...clearDelays) <= bound
  )
  log(`\nThe section took ${Math.round((Date.now() - started) / 1000)} s.`)
}
