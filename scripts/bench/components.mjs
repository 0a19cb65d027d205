// Section `components`: an inference component's rollout, SageMaker's rolling
// update judged by the action. A batch of bad updates and a batch of healthy
// ones run side by side, each on an endpoint of its own made for components
// (two ml.g5.12xlarge, a component of four one-GPU copies, two copies a
// batch); clients send requests to the component, which SageMaker routes to
// old and new copies alike; CloudWatch publishes a component's minute 60 to
// 120 s after it closes, under InferenceComponentName alone. For each run:
// the calls that changed the component, the copies and instances at the
// peak, how long it took, and for a bad one how soon after its first bad
// minute was published SageMaker began to roll back.

import { seedComponentEndpoint } from '../../test/emulator/components.mjs'
import { verdictTimings } from './action-source.mjs'
import {
  IMAGE,
  ROLE_ARN,
  deployInputs,
  median,
  resultOf,
  runAction,
  sideBySide,
  sleep,
  spread,
  MINUTE_MS
} from './common.mjs'
import { gatesInWords, JUDGED_GATES } from './judged.mjs'
import { formatTable } from '../../test/proxy/proxy.mjs'

export const COMPONENTS = {
  instances: 2,
  copies: 4,
  batchSize: 2,
  bakeMs: 150_000,
  gateIntervalMs: 10_000,
  ratePerSecond: 6,
  badErrorRate: 0.25,
  maxErrorRate: 0.05,
  publicationDelaySeconds: [60, 120]
}

async function componentRun(context, { kind, index, startAfterMs }) {
  const { emulator, aws, control, options } = context
  await sleep(startAfterMs)
  const name = `ic-s${options.seed}-${kind}-${String(index).padStart(2, '0')}`
  const component = await seedComponentEndpoint(aws.sagemaker, {
    name,
    roleArn: ROLE_ARN,
    image: IMAGE(`${name}-old`),
    instances: COMPONENTS.instances,
    copies: COMPONENTS.copies
  })
  await control.setModelBehaviour({ match: `${name}-old`, errorRate: options.healthyErrorRate })
  await control.setModelBehaviour({
    match: `${name}-v2`,
    errorRate: kind === 'bad' ? COMPONENTS.badErrorRate : options.healthyErrorRate
  })
  await control.setComponentTraffic(name, component, COMPONENTS.ratePerSecond)
  // A minute of traffic before the update: the minutes the comparisons judge it against.
  await sleep(MINUTE_MS)
  const startedAt = Date.now()
  const run = await runAction(
    emulator.url,
    deployInputs(name, {
      'inference-component-name': component,
      'batch-size': String(COMPONENTS.batchSize),
      'bake-time': `${COMPONENTS.bakeMs / 1000}s`,
      'gate-interval': `${COMPONENTS.gateIntervalMs / 1000}s`,
      ...JUDGED_GATES,
      timeout: '40m'
    }),
    { timeoutMs: 25 * MINUTE_MS }
  )
  const tookMs = Date.now() - startedAt
  await control.setComponentTraffic(name, component, 0)
  const updates = await control.componentUpdates(component)
  return { kind, name, component, run, tookMs, updates }
}

/** From the first published minute of the component above max-error-rate to SageMaker starting its rollback. */
function rollbackDelayMs(entry, publications) {
  const update = entry.updates.find((candidate) => candidate.trigger === 'UpdateInferenceComponent')
  const startedAt = (update?.startedAt ?? Infinity) * 1000
  const bad = publications
    .filter((publication) => publication.inferenceComponent === entry.component)
    .filter((publication) => Date.parse(publication.minute) + MINUTE_MS > startedAt)
    .filter((publication) => publication.invocations > 0)
    .filter((publication) => publication.errors5xx / publication.invocations > COMPONENTS.maxErrorRate)
    .map((publication) => publication.publishedAt * 1000)
  const rolledBackAt = (update?.rollbackStartedAt ?? NaN) * 1000
  return bad.length === 0 ? NaN : rolledBackAt - Math.min(...bad)
}

export async function components(context) {
  const { control, options, target, log } = context
  const runs = options.componentRuns
  const started = Date.now()
  await control.configure({
    seed: options.seed,
    metricsMode: 'faithful',
    metricsDelaySeconds: COMPONENTS.publicationDelaySeconds
  })
  log(
    `\nInference components, SageMaker's rolling update judged by the action: ${runs} bad and ${runs} healthy side by side (emulator seed ${options.seed}); ` +
      `${COMPONENTS.instances} × ml.g5.12xlarge, ${COMPONENTS.copies} copies of 1 GPU, batch-size ${COMPONENTS.batchSize}, bake-time ${COMPONENTS.bakeMs / 1000}s, gate-interval ${COMPONENTS.gateIntervalMs / 1000}s, ` +
      `${gatesInWords(JUDGED_GATES)}; ${COMPONENTS.ratePerSecond} requests/s; bad model 5XX ${COMPONENTS.badErrorRate * 100}%, healthy ${options.healthyErrorRate * 100}%; ` +
      `CloudWatch publishes a minute ${COMPONENTS.publicationDelaySeconds.join(' to ')} s after it closes.`
  )
  const done = await Promise.all(sideBySide(runs).map((plan) => componentRun(context, plan)))
  const publications = await control.metricPublications()
  const outcome = (entry) => entry.run.outputs['rollout-result'] ?? `no result (exit ${entry.run.exitCode})`
  const bad = done.filter((entry) => entry.kind === 'bad')
  const healthy = done.filter((entry) => entry.kind === 'healthy')
  const count = (list, value) => list.filter((entry) => outcome(entry) === value).length
  const changes = (entry) => entry.updates.filter((update) => update.trigger === 'UpdateInferenceComponent')
  const row = (kind, list) => {
    const calls = list.map((entry) => changes(entry).length)
    const peakCopies = list.flatMap((entry) => changes(entry).map((update) => update.peakCopies))
    const peakInstances = list.flatMap((entry) => changes(entry).map((update) => update.peakInstances))
    return [
      kind,
      String(list.length),
      String(count(list, 'succeeded')),
      String(count(list, 'rolled-back')),
      `${Math.min(...calls)} to ${Math.max(...calls)}`,
      `${Math.max(...peakCopies)} of ${COMPONENTS.copies}`,
      `${Math.max(...peakInstances)} of ${COMPONENTS.instances}`,
      spread(
        list.map((entry) => entry.tookMs),
        0
      )
    ]
  }
  log(
    formatTable([
      [
        'update',
        'runs',
        'succeeded',
        'rolled back',
        'UpdateInferenceComponent calls',
        'copies at peak',
        'instances at peak',
        'time (median, range)'
      ],
      row('bad', bad),
      row('healthy', healthy)
    ])
  )
  for (const entry of done.filter((item) => outcome(item) !== (item.kind === 'bad' ? 'rolled-back' : 'succeeded'))) {
    log(
      `  ${entry.name}: ${outcome(entry)}: ${resultOf(entry.run).rollout?.decision ?? entry.run.stdout.split('\n').slice(-3).join(' | ')}`
    )
  }
  const byVerdict = bad.filter((entry) => changes(entry)[0]?.rolledBackBy === 'alarm').length
  const delays = bad.map((entry) => rollbackDelayMs(entry, publications)).filter(Number.isFinite)
  const bound = (await verdictTimings(COMPONENTS.gateIntervalMs)).failedVerdictRollbackMs
  log(`\nBad updates SageMaker rolled back on an alarm: ${byVerdict} of ${bad.length}`)
  log(
    `First bad minute published -> SageMaker rolls back: ${spread(delays)} (median ${((median(delays) ?? NaN) / 1000).toFixed(1)} s; bound ${bound / 1000} s)`
  )
  target(
    `bad component updates rolled back (${bad.length} runs)`,
    `${count(bad, 'rolled-back')}/${bad.length}`,
    'all',
    count(bad, 'rolled-back') === bad.length
  )
  target(
    `healthy component updates succeeded (${healthy.length} runs)`,
    `${count(healthy, 'succeeded')}/${healthy.length}`,
    'all',
    count(healthy, 'succeeded') === healthy.length
  )
  log(`\nThe section took ${Math.round((Date.now() - started) / 1000)} s.`)
}
