// Section `evidence`: gates judged on what CloudWatch has published, against
// the faithful emulator (each minute published 60 to 120 s after it closes).
// A batch of bad canaries and a batch of healthy ones run side by side, each
// on an endpoint of its own, so their minutes close and get published together
// and the section takes minutes rather than an hour.

import { formatTable, startProxy } from '../../test/proxy/proxy.mjs'
import {
  MINUTE_MS,
  WEIGHTS,
  ceilMinute,
  deployInputs,
  floorMinute,
  logOf,
  median,
  ok,
  pad,
  resultOf,
  runAction,
  seconds,
  sideBySide,
  seedServing,
  sleep,
  spread,
  sum,
  telltaleLines,
  weightOf
} from './common.mjs'

export const EVIDENCE = {
  trafficSteps: '20,100',
  bakeMs: 120_000,
  gateIntervalMs: 10_000,
  ratePerSecond: 6,
  badErrorRate: 0.25,
  maxErrorRate: 0.05,
  publicationDelaySeconds: [60, 120],
  detectionSlackMs: 5_000
}
const NEW_VARIANT = 'canary'

/** One deploy on an endpoint of its own: `kind` bad (its model fails 25%) or healthy. */
async function evidenceRun(context, { kind, index, startAfterMs }) {
  const { emulator, aws, control, options } = context
  await sleep(startAfterMs)
  const name = `ev-s${options.seed}-${kind}-${pad(index)}`
  const previousConfig = await seedServing(aws, name)
  await control.setModelBehaviour({ match: `${name}-old`, errorRate: options.healthyErrorRate })
  await control.setModelBehaviour({
    match: `${name}-v2`,
    errorRate: kind === 'bad' ? EVIDENCE.badErrorRate : options.healthyErrorRate
  })
  await control.setTraffic(name, EVIDENCE.ratePerSecond)
  const proxy = await startProxy({ target: emulator.url, captureBodies: [WEIGHTS] })
  const run = await runAction(
    proxy.url,
    deployInputs(name, {
      'variant-name': NEW_VARIANT,
      strategy: 'canary',
      'traffic-steps': EVIDENCE.trafficSteps,
      'bake-time': `${EVIDENCE.bakeMs / 1000}s`,
      'gate-interval': `${EVIDENCE.gateIntervalMs / 1000}s`,
      'max-error-rate': `${EVIDENCE.maxErrorRate * 100}%`
    })
  )
  const timeline = proxy.timeline()
  await proxy.close()
  await control.setTraffic(name, 0)
  return { name, kind, previousConfig, run, timeline, result: resultOf(run) }
}

/** The new variant's published minutes (EndpointName/VariantName dimensions), oldest first. */
function canaryMinutes(publications, name) {
  return publications
    .filter((entry) => entry.endpoint === name && entry.variant === NEW_VARIANT && entry.endpointConfigName === null)
    .map((entry) => ({ ...entry, minuteMs: Date.parse(entry.minute), dueMs: entry.dueAt * 1000 }))
    .sort((a, b) => a.minuteMs - b.minuteMs)
}

function analyseBad(run, publications, stats) {
  const minutes = canaryMinutes(publications, run.name)
  const firstBad = minutes.find(
    (minute) => minute.invocations > 0 && minute.errors5xx / minute.invocations > EVIDENCE.maxErrorRate
  )
  const weightZero = run.timeline.find(
    (entry) => entry.key === WEIGHTS && ok(entry) && weightOf(entry, NEW_VARIANT) === 0
  )
  const evaluations = (run.result.rollout?.steps ?? []).flatMap((step) => step.evaluations ?? [])
  const failed = evaluations.find((evaluation) => evaluation.verdict === 'failed')
  const canary = stats[run.name]?.variants?.[NEW_VARIANT]
  // The minute that made the evidence clear: the last one of the failed evaluation's window. Until then the
  // minutes above the limit held too few requests to tell the model from one at the limit.
  const clearMinute = failed?.window
    ? minutes.find((minute) => minute.minuteMs === failed.window.to - MINUTE_MS)
    : undefined
  return {
    name: run.name,
    outcome: run.run.outputs['rollout-result'] ?? `exit ${run.run.exitCode}`,
    badRequests: canary?.errors5xx?.total ?? 0,
    requests: canary?.requests ?? 0,
    firstBadMinute: firstBad?.minute,
    publicationDelay: firstBad ? firstBad.delaySeconds * 1000 : NaN,
    // Published -> the failed evaluation -> the weight-0 call reaching the emulator (through the proxy).
    toFailedEvaluation: firstBad && failed ? failed.at - firstBad.dueMs : NaN,
    toWeightZero: firstBad && weightZero ? weightZero.at - firstBad.dueMs : NaN,
    clearToWeightZero: clearMinute && weightZero ? weightZero.at - clearMinute.dueMs : NaN,
    evaluationToWeightZero: failed && weightZero ? weightZero.at - failed.at : NaN
  }
}

/**
 * Each step of a healthy run: what waiting for data added beyond bake-time,
 * against when CloudWatch published the last minute the step exposed (the
 * minute its bake ended in): the step cannot end before that.
 */
function analyseHealthy(run, publications) {
  const minutes = canaryMinutes(publications, run.name)
  return (run.result.rollout?.steps ?? [])
    .filter((step) => step.kind !== 'pause' && step.endedAt !== undefined)
    .map((step) => {
      const bakeEnd = step.startedAt + EVIDENCE.bakeMs
      const exposedUntil = Math.max(ceilMinute(bakeEnd), floorMinute(step.startedAt) + MINUTE_MS)
      const last = minutes.find((minute) => minute.minuteMs === exposedUntil - MINUTE_MS)
      const ready = last ? last.dueMs : NaN
      return {
        name: run.name,
        weight: step.weight,
        verdict: step.verdict,
        evaluations: step.evaluations.length,
        beyondBake: step.endedAt - bakeEnd,
        restOfMinute: exposedUntil - bakeEnd,
        publicationDelay: last ? last.delaySeconds * 1000 : NaN,
        dataReadyAfterBake: ready - bakeEnd,
        // How long after the last minute was readable the step ended: the action's own share.
        lag: step.endedAt - Math.max(bakeEnd, ready)
      }
    })
}

export async function evidence(context) {
  const { control, options, target, log } = context
  const runs = options.runs
  const started = Date.now()
  await control.configure({
    seed: options.seed,
    metricsMode: 'faithful',
    metricsDelaySeconds: EVIDENCE.publicationDelaySeconds
  })
  log(
    `\nEvidence: ${runs} bad and ${runs} healthy canaries side by side, one endpoint each (emulator seed ${options.seed}; ` +
      `each endpoint draws its requests, errors and publication delays from streams of its own). ` +
      `traffic-steps ${EVIDENCE.trafficSteps}, bake-time ${EVIDENCE.bakeMs / 1000}s, gate-interval ${EVIDENCE.gateIntervalMs / 1000}s, ` +
      `max-error-rate ${EVIDENCE.maxErrorRate * 100}%, ${EVIDENCE.ratePerSecond} requests/s; bad model 5XX ${EVIDENCE.badErrorRate * 100}%, ` +
      `healthy models (old and new) ${options.healthyErrorRate * 100}%; CloudWatch publishes a minute ${EVIDENCE.publicationDelaySeconds.join(' to ')} s after it closes.`
  )
  const done = await Promise.all(sideBySide(runs).map((plan) => evidenceRun(context, plan)))
  const publications = await control.metricPublications()
  const stats = await control.trafficStats()
  const tookMs = Date.now() - started

  const bad = done.filter((run) => run.kind === 'bad')
  const healthy = done.filter((run) => run.kind === 'healthy')
  const badFigures = bad.map((run) => analyseBad(run, publications, stats))
  const steps = healthy.flatMap((run) => analyseHealthy(run, publications))
  const outcome = (run) => run.run.outputs['rollout-result'] ?? `no result (exit ${run.run.exitCode})`
  const count = (list, value) => list.filter((run) => outcome(run) === value).length

  log(`\nA bad canary (model fails ${EVIDENCE.badErrorRate * 100}% of its requests), ${bad.length} runs\n`)
  log(
    formatTable([
      [
        'run',
        'result',
        'canary requests',
        'bad requests served (canary 5XX)',
        'first bad minute',
        'its publication delay',
        'published -> failed evaluation',
        'published -> weight-0 call',
        'evidence clear (minute published) -> weight-0 call',
        'failed evaluation -> weight-0 call'
      ],
      ...badFigures.map((figure) => [
        figure.name,
        figure.outcome,
        figure.requests,
        figure.badRequests,
        figure.firstBadMinute?.slice(11, 16) ?? '-',
        seconds(figure.publicationDelay),
        seconds(figure.toFailedEvaluation),
        seconds(figure.toWeightZero),
        seconds(figure.clearToWeightZero),
        seconds(figure.evaluationToWeightZero, 2)
      ])
    ])
  )
  const detections = badFigures.map((figure) => figure.toWeightZero)
  const rolledBack = count(bad, 'rolled-back')
  const detectionLimit = EVIDENCE.gateIntervalMs + EVIDENCE.detectionSlackMs
  const worstOf = (values) => Math.max(...values.map((value) => (Number.isFinite(value) ? value : Infinity)))
  const worstDetection = worstOf(detections)
  const clearDetections = badFigures.map((figure) => figure.clearToWeightZero)
  const worstClearDetection = worstOf(clearDetections)
  const badRequests = badFigures.map((figure) => figure.badRequests)
  log(
    `Rolled back: ${rolledBack === bad.length ? 'yes' : 'NO'}, ${rolledBack} of ${bad.length}. Bad requests served: median ${median(badRequests)}, ` +
      `${Math.min(...badRequests)} to ${Math.max(...badRequests)} (${sum(badRequests)} in all). ` +
      `First bad minute published -> weight-0 call reached the emulator: ${spread(detections)}; ` +
      `from the minute that made the evidence clear: ${spread(clearDetections)}.`
  )

  log(
    `\nA healthy canary (models at ${options.healthyErrorRate * 100}% 5XX), ${healthy.length} runs: each step past bake-time\n`
  )
  log(
    formatTable([
      [
        'run',
        'step',
        'verdict',
        'evaluations',
        'waiting for data beyond bake-time',
        'rest of the minute',
        'publication delay',
        'last minute readable after bake',
        'step ended after it was readable'
      ],
      ...steps.map((step) => [
        step.name,
        `${step.weight}%`,
        step.verdict,
        step.evaluations,
        seconds(step.beyondBake),
        seconds(step.restOfMinute),
        seconds(step.publicationDelay),
        seconds(step.dataReadyAfterBake),
        seconds(step.lag)
      ])
    ])
  )
  const promoted = count(healthy, 'succeeded')
  // A step that failed ended on its failure, not on its data: only the steps that passed waited it out.
  const waited = steps.filter((step) => step.verdict === 'passed')
  const waits = waited.map((step) => step.beyondBake)
  const lags = waited.map((step) => step.lag)
  const readies = waited.map((step) => step.dataReadyAfterBake)
  const delays = waited.map((step) => step.publicationDelay)
  const worstLag = Math.max(...lags.map((value) => (Number.isFinite(value) ? value : Infinity)))
  log(
    `Promoted: ${promoted === healthy.length ? 'yes' : 'NO'}, ${promoted} of ${healthy.length}. Over the ${waited.length} steps that passed, ` +
      `waiting for data beyond bake-time: ${spread(waits)}; the step's last minute became readable ${spread(readies)} after bake-time ` +
      `(the rest of the minute the bake ended in, plus its publication delay of ${spread(delays)}); the step ended ${spread(lags)} after it was readable.`
  )

  const falseRollbacks = healthy.filter((run) => outcome(run) !== 'succeeded')
  const falsePromotions = bad.filter((run) => outcome(run) === 'succeeded')
  const otherBad = bad.filter((run) => !['succeeded', 'rolled-back'].includes(outcome(run)))
  log(`\nMistakes over ${runs} seeded runs of each kind\n`)
  log(
    formatTable([
      ['canary', 'runs', 'promoted', 'rolled back', 'other', 'mistakes'],
      [
        'healthy',
        healthy.length,
        promoted,
        count(healthy, 'rolled-back'),
        healthy.length - promoted - count(healthy, 'rolled-back'),
        `${falseRollbacks.length} not promoted`
      ],
      ['bad', bad.length, count(bad, 'succeeded'), rolledBack, otherBad.length, `${falsePromotions.length} promoted`]
    ])
  )
  for (const run of [...falseRollbacks, ...falsePromotions, ...otherBad]) {
    log(`\n${run.name} (${run.kind}) ended ${outcome(run)}; its log says:`)
    for (const line of telltaleLines(run.run)) log(`  ${line}`)
    if (!run.result.rollout) log(logOf(run.run).split('\n').slice(-15).join('\n'))
  }
  log(`\nThe evidence section took ${Math.round(tookMs / 1000)} s.`)

  const delay = `${EVIDENCE.publicationDelaySeconds.join('-')} s`
  target(
    `bad canary rolled back (${bad.length} runs, delay ${delay})`,
    `${rolledBack}/${bad.length}`,
    'every run',
    rolledBack === bad.length
  )
  target(
    'bad requests the bad canary served (median, max)',
    `${median(badRequests)}, ${Math.max(...badRequests)}`,
    '(no target)',
    true
  )
  target(
    'first bad minute published -> weight-0 call (worst)',
    seconds(worstDetection),
    `<= gate-interval + 5 s (${seconds(detectionLimit, 0)})`,
    worstDetection <= detectionLimit
  )
  target(
    '  ... from the minute that made the evidence clear (worst)',
    seconds(worstClearDetection),
    `<= gate-interval + 5 s (${seconds(detectionLimit, 0)})`,
    worstClearDetection <= detectionLimit
  )
  target(
    `healthy canary promoted (${healthy.length} runs)`,
    `${promoted}/${healthy.length}`,
    'every run',
    promoted === healthy.length
  )
  target(
    'waiting for data beyond bake-time, per step (median, max)',
    `${seconds(median(waits))}, ${seconds(Math.max(...waits))}`,
    '(below)',
    true
  )
  target(
    'step end after its last minute was readable (worst)',
    seconds(worstLag),
    `<= gate-interval (${seconds(EVIDENCE.gateIntervalMs, 0)}): wait <= data ready + gate-interval`,
    worstLag <= EVIDENCE.gateIntervalMs
  )
  // Read literally, against the publication delay alone: a bake that ends mid-minute must first let that minute close.
  const withinDelay = waited.filter((step) => step.beyondBake <= step.publicationDelay + EVIDENCE.gateIntervalMs)
  target(
    '  ... steps ending within publication delay + gate-interval',
    `${withinDelay.length}/${waited.length}`,
    '(the others: the rest of the minute the bake ended in)',
    true
  )
  target(
    `false rollbacks / false promotions (${runs} + ${runs} runs)`,
    `${falseRollbacks.length} / ${falsePromotions.length}`,
    '0 / 0',
    falseRollbacks.length === 0 && falsePromotions.length === 0
  )
  return { tookMs }
}
