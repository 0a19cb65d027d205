// Section `controllers`: the same rollout under each controller and strategy,
// with the same gates, in one run: once healthy (what it costs in fleet and
// what judged it), once bad (judged bad by the gates from the new model's own
// published minutes, and how soon its traffic is back on the old model), and
// once with the runner killed mid-bake (does anything roll it back without
// the runner, how soon, and what is left for the next run). All of them run
// side by side, one endpoint each, in one emulator with CloudWatch's
// production-like delays, transitions of CONTROLLERS.transitionSeconds, and
// SageMaker's deployments carried out with live traffic on the new fleet.

import { promises as fsp } from 'node:fs'

import { formatTable, preciseNow, startProxy } from '../../test/proxy/proxy.mjs'
import { REPO_ROOT } from '../../test/runner/runner.mjs'
import { verdictTimings } from './action-source.mjs'
import {
  UPDATE,
  WEIGHTS,
  ceilMinute,
  deployInputs,
  logOf,
  ok,
  resultOf,
  runAction,
  seconds,
  seedServing,
  sleep,
  spread,
  sum,
  summaryInstanceHours,
  telltaleLines,
  watchEndpoints,
  watchFleet,
  weightOf
} from './common.mjs'
import { afterTheKill, describeLeftBehind, killAfter, leftBehind } from './dead-runner.mjs'
import { EVIDENCE } from './evidence.mjs'
import { JUDGED, JUDGED_GATES, gatesInWords } from './judged.mjs'

export const CONTROLLERS = {
  instances: 10,
  instanceType: 'ml.m5.large',
  ratePerSecond: 12,
  /** How long the endpoint serves before the deploy: two minutes hold a whole one. */
  servingBeforeMs: 120_000,
  gateIntervalMs: 10_000,
  /** The action's steps wait by themselves, past their bake, for the minutes they exposed to be published. */
  actionBakeMs: 60_000,
  /**
   * SageMaker's bakes cannot wait: they must hold CloudWatch's delay, or the deployment ends before the action can
   * judge it (and is rolled back for that). 150 s is what the judged section shows enough.
   */
  sagemakerBakeMs: 150_000,
  badErrorRate: 0.25,
  transitionSeconds: 10,
  publicationDelaySeconds: [60, 120],
  // What the emulator's transitions stand for: the action's own estimates (src/expectations.ts TYPICAL_MS).
  provisionSeconds: 600,
  weightChangeSeconds: 60
}

const TAKES_TRAFFIC = 'The new fleet takes traffic'

const SETUPS = [
  {
    id: 'action-canary',
    controller: 'action',
    strategy: 'canary 10,100',
    newVariant: 'canary',
    inputs: { strategy: 'canary', 'traffic-steps': '10,100', 'variant-name': 'canary' },
    // The weight change takes a transition; 30 s after it is asked for, the canary has baked for 20 s.
    kill: { marker: /^Shifting 10% of traffic/, afterMs: [30_000] }
  },
  {
    id: 'action-linear',
    controller: 'action',
    strategy: 'linear 25,50,75,100',
    newVariant: 'canary',
    inputs: { strategy: 'linear', 'traffic-steps': '25,50,75,100', 'variant-name': 'canary' },
    kill: { marker: /^Shifting 25% of traffic/, afterMs: [30_000] }
  },
  {
    id: 'action-all',
    controller: 'action',
    strategy: 'all-at-once',
    inputs: { strategy: 'all-at-once' },
    kill: { marker: /Watching .* at 100%/, afterMs: [20_000] }
  },
  {
    id: 'sm-canary',
    controller: 'sagemaker',
    strategy: 'canary 10,100',
    inputs: { 'rollout-controller': 'sagemaker', strategy: 'canary', 'traffic-steps': '10,100', timeout: '30m' },
    // Two kills at different points of the verdict alarm's period.
    kill: { marker: TAKES_TRAFFIC, afterMs: [20_000, 45_000] }
  },
  {
    id: 'sm-all',
    controller: 'sagemaker',
    strategy: 'all-at-once',
    inputs: { 'rollout-controller': 'sagemaker', strategy: 'all-at-once', timeout: '30m' },
    kill: { marker: TAKES_TRAFFIC, afterMs: [25_000, 50_000] }
  },
  {
    id: 'sm-rolling',
    controller: 'sagemaker',
    strategy: 'rolling, batch 2 instances',
    // Five batches, each budgeted 10m to provision and a bake: SageMaker's execution timeout must cover them.
    inputs: { 'rollout-controller': 'sagemaker', strategy: 'rolling', 'batch-size': '2', timeout: '2h' },
    kill: { marker: TAKES_TRAFFIC, afterMs: [30_000, 55_000] }
  }
]

const bakeMsOf = (setup) => (setup.controller === 'sagemaker' ? CONTROLLERS.sagemakerBakeMs : CONTROLLERS.actionBakeMs)

/** Every run of the section: each setup healthy, bad, and killed once per kill time. */
function plans() {
  return SETUPS.flatMap((setup, index) => [
    { setup, kind: 'healthy', label: 'ok', startAfterMs: index * 4_000 },
    { setup, kind: 'bad', label: 'bad', startAfterMs: index * 4_000 + 1_000 },
    ...setup.kill.afterMs.map((killAfterMs, kill) => ({
      setup,
      kind: 'killed',
      label: `kill${kill + 1}`,
      killAfterMs,
      startAfterMs: index * 4_000 + 2_000 + kill * 1_000
    }))
  ])
}

/** The windows [from, to] (ms) of the emulator's transitions that the run's accepted calls started. */
function transitionWindows(timeline, key) {
  const length = CONTROLLERS.transitionSeconds * 1000
  return timeline
    .filter((entry) => entry.key === key && ok(entry))
    .map((entry) => [entry.doneAt ?? entry.at, (entry.doneAt ?? entry.at) + length])
}

/**
 * The provisionings of SageMaker's deployment: the new fleet before its first traffic, and a rolling update's
 * every batch before it takes its share (GET /emulator/deployments: each step starts when provisioning ends).
 */
function provisioningWindows(deployment) {
  const length = CONTROLLERS.transitionSeconds * 1000
  const steps = deployment?.type === 'ROLLING' ? deployment.steps : (deployment?.steps ?? []).slice(0, 1)
  return steps.map((step) => [step.at * 1000 - length, step.at * 1000])
}

async function controllerRun(context, plan, watchers, bounds) {
  const { emulator, aws, control, options } = context
  const { setup, kind } = plan
  await sleep(plan.startAfterMs)
  const name = `ct-${setup.id}-${plan.label}`
  const previousConfig = await seedServing(aws, name, {
    instances: CONTROLLERS.instances,
    instanceType: CONTROLLERS.instanceType
  })
  await control.setModelBehaviour({ match: `${name}-old`, errorRate: options.healthyErrorRate })
  await control.setModelBehaviour({
    match: `${name}-v2`,
    errorRate: kind === 'bad' ? CONTROLLERS.badErrorRate : options.healthyErrorRate
  })
  await control.setTraffic(name, CONTROLLERS.ratePerSecond)
  // An endpoint that has served for a while: an all-at-once deploy compares the new model with the serving one's
  // minutes from before it began, and a whole minute of them must have closed.
  await sleep(CONTROLLERS.servingBeforeMs)
  const samples = kind === 'healthy' ? [] : watchers.endpoints.add(name)
  const beforeAt = preciseNow()
  const before = (await control.fleet())[name]
  const proxy = await startProxy({ target: emulator.url, captureBodies: [WEIGHTS, UPDATE] })
  const kill = kind === 'killed' ? killAfter(setup.kill.marker, plan.killAfterMs) : undefined
  const run = await runAction(
    proxy.url,
    deployInputs(name, {
      ...setup.inputs,
      'bake-time': `${bakeMsOf(setup) / 1000}s`,
      'gate-interval': `${CONTROLLERS.gateIntervalMs / 1000}s`,
      ...JUDGED_GATES
    }),
    { onOutput: kill?.onOutput }
  )
  const after = (await control.fleet())[name]
  const afterAt = preciseNow()
  const timeline = proxy.timeline()
  await proxy.close()
  const killedAt = kill?.killed()
  // Watched for twice as long as SageMaker may take to act on a silent runner.
  const dead = killedAt
    ? await afterTheKill(context, {
        name,
        controller: setup.controller,
        killedAt,
        watchMs: 2 * bounds.silenceRollbackMs,
        samples
      })
    : undefined
  await control.setTraffic(name, 0)
  const deployments = await control.deployments(name)
  const left = killedAt
    ? await leftBehind(aws, { name, newConfig: deployments[0]?.newConfig, model: `${name}-v2` })
    : undefined
  return {
    ...plan,
    name,
    previousConfig,
    run,
    result: resultOf(run),
    timeline,
    before,
    beforeAt,
    after,
    afterAt,
    deployments,
    killedAt,
    dead,
    left
  }
}

/** What the healthy rollout cost in fleet, as the emulator counted it and scaled to SageMaker's timings. */
function fleetFigures(entry, fleetWatch) {
  const { before, after, timeline, setup } = entry
  const durationMs = entry.afterAt - entry.beforeAt
  const steady = before.currentInstances
  const instanceSeconds = after.instanceSeconds - before.instanceSeconds
  const fleetWindows =
    setup.controller === 'sagemaker' ? provisioningWindows(entry.deployments[0]) : transitionWindows(timeline, UPDATE)
  const weightWindows = transitionWindows(timeline, WEIGHTS)
  const fleetFactor = CONTROLLERS.provisionSeconds / CONTROLLERS.transitionSeconds
  const weightFactor = CONTROLLERS.weightChangeSeconds / CONTROLLERS.transitionSeconds
  const inFleetTransitions = fleetWatch.instanceSecondsWithin(entry.name, fleetWindows)
  const inWeightChanges = fleetWatch.instanceSecondsWithin(entry.name, weightWindows)
  const length = (windows) => sum(windows.map(([from, to]) => to - from)) / 1000
  const scaledSeconds = instanceSeconds + (fleetFactor - 1) * inFleetTransitions + (weightFactor - 1) * inWeightChanges
  const scaledDuration =
    durationMs / 1000 + (fleetFactor - 1) * length(fleetWindows) + (weightFactor - 1) * length(weightWindows)
  return {
    outcome: outcomeOf(entry),
    updateEndpointCalls: after.updateEndpointCalls - before.updateEndpointCalls,
    provisioned: after.instancesProvisioned - before.instancesProvisioned,
    peak: after.peakInstances,
    steady,
    durationMs,
    instanceHours: instanceSeconds / 3600,
    addedHours: (instanceSeconds - steady * (durationMs / 1000)) / 3600,
    scaledAddedHours: (scaledSeconds - steady * scaledDuration) / 3600,
    scaledDurationMs: scaledDuration * 1000,
    actionHours: summaryInstanceHours(entry.run)
  }
}

const outcomeOf = (entry) => entry.run.outputs['rollout-result'] ?? `exit ${entry.run.exitCode}`
const evaluationsOf = (entry) => (entry.result.rollout?.steps ?? []).flatMap((step) => step.evaluations ?? [])

/** The alarms the run put in SageMaker's AutoRollbackConfiguration, from the UpdateEndpoint it sent. */
function rollbackAlarms(entry) {
  const update = entry.timeline.find((candidate) => candidate.key === UPDATE && ok(candidate))
  return (update?.body?.DeploymentConfig?.AutoRollbackConfiguration?.Alarms ?? []).map((alarm) => alarm.AlarmName)
}

const isVerdictAlarm = (alarm) => alarm.endsWith('-verdict')
const alarmWords = (alarms) => alarms.map((alarm) => (isVerdictAlarm(alarm) ? 'the verdict alarm' : alarm)).join(', ')

/** Who judged the healthy rollout, on what, and who acts on the verdict: from its result and the calls it made. */
function whatJudged(entry) {
  const evaluations = evaluationsOf(entry)
  const gates = (entry.result.rollout?.gates ?? []).map((line) => line.split(':')[0])
  const configured = Object.keys(JUDGED_GATES)
  const allGates = gates.length === configured.length && configured.every((gate) => gates.includes(gate))
  const passed = evaluations.filter((evaluation) => evaluation.verdict === 'passed').length
  const judgedBy = `the action, ${allGates ? `all ${gates.length} gates` : gates.join(', ') || 'no gates'}: ${evaluations.length} evaluations, ${passed} passed`
  const alarms = rollbackAlarms(entry)
  return alarms.some(isVerdictAlarm) ? `${judgedBy}; verdict to SageMaker as ${alarmWords(alarms)}` : judgedBy
}

/**
 * When the first bad minute (5XX rate above max-error-rate) became readable: of the new model's series the judge
 * reads (`read`), and of its own (`own`). They differ for the action's all-at-once deploy, which reads the variant's
 * series from the first whole minute after the switch (the minute of the switch holds both models, under one
 * variant name), where the new config's own series has the switch minute too.
 */
function firstBadMinutes(entry, publications) {
  const { setup } = entry
  const newConfig = entry.deployments[0]?.newConfig
  const switchedAt = entry.result.rollout?.steps?.[0]?.startedAt ?? NaN
  const own = (publication) =>
    setup.newVariant
      ? publication.variant === setup.newVariant && publication.endpointConfigName === null
      : publication.endpointConfigName === newConfig
  const read = (publication) =>
    setup.newVariant || setup.controller === 'sagemaker'
      ? own(publication)
      : publication.endpointConfigName === null && Date.parse(publication.minute) >= ceilMinute(switchedAt)
  const bad = publications
    .filter((publication) => publication.endpoint === entry.name && publication.invocations > 0)
    .filter((publication) => publication.errors5xx / publication.invocations > JUDGED.maxErrorRate)
  const first = (series) => Math.min(...bad.filter(series).map((publication) => publication.dueAt * 1000))
  return { read: first(read), own: first(own) }
}

/**
 * The bad rollout: from its first bad minute's publication (and from the failed evaluation) to the rollback's
 * beginning (the action's call that moves traffic back, or SageMaker's RollingBack) and to the traffic back.
 */
function recoveryFigures(entry, samples, publications) {
  const { setup, timeline, previousConfig } = entry
  const badAt = firstBadMinutes(entry, publications)
  const failed = evaluationsOf(entry).find((evaluation) => evaluation.verdict === 'failed')
  let begins
  let back
  let by
  if (setup.controller === 'sagemaker') {
    const deployment = entry.deployments[0]
    begins = (deployment?.rollbackStartedAt ?? NaN) * 1000
    // SageMaker moves all traffic back to the old fleet, still up, as RollingBack begins.
    back = begins
    by = `SageMaker's RollingBack, on ${alarmWords(deployment?.firingAlarms ?? []) || 'no alarm'}`
  } else if (setup.newVariant) {
    const zero = timeline.find(
      (candidate) => candidate.key === WEIGHTS && ok(candidate) && weightOf(candidate, setup.newVariant) === 0
    )
    begins = zero?.at ?? NaN
    back = samples.find((sample) => sample.at > begins && sample.weights[setup.newVariant] === 0)?.at ?? NaN
    by = "the action's weight-0 call"
  } else {
    const restore = timeline.find(
      (candidate) => candidate.key === UPDATE && ok(candidate) && candidate.body?.EndpointConfigName === previousConfig
    )
    begins = restore?.at ?? NaN
    // All at once has no old variant to shift back to: traffic is back once the previous config serves again.
    back =
      samples.find((sample) => sample.at > begins && sample.config === previousConfig && sample.status === 'InService')
        ?.at ?? NaN
    by = "the action's UpdateEndpoint to the previous config"
  }
  return {
    outcome: outcomeOf(entry),
    by,
    toBegin: begins - badAt.read,
    toBack: back - badAt.read,
    ownToBegin: begins - badAt.own,
    failedToBegin: failed ? begins - failed.at : NaN
  }
}

/** What the killed runs show: does the endpoint go back to the old model without the runner, and how soon. */
function deadRunnerFigures(setup, killed) {
  const runs = killed.map((entry) => {
    const deployment = entry.dead?.deployment
    const sample = entry.dead?.endpointAt
    const weights = Object.values(sample?.weights ?? {})
    // The new model's share of the traffic when the watch ended.
    const share = setup.newVariant
      ? (sample?.weights?.[setup.newVariant] ?? 0) / Math.max(sum(weights), Number.EPSILON)
      : sample?.config === entry.previousConfig
        ? 0
        : 1
    return {
      name: entry.name,
      killed: entry.killedAt !== undefined,
      rollbackMs: entry.dead?.rollbackMs ?? NaN,
      onVerdict: (deployment?.firingAlarms ?? []).some(isVerdictAlarm),
      watchedMs: entry.dead?.watchedMs ?? NaN,
      share,
      left: entry.left ? describeLeftBehind(entry.left, entry.killedAt) : 'the runner was never killed'
    }
  })
  const rolledBack = runs.filter((run) => Number.isFinite(run.rollbackMs) && run.onVerdict)
  let words
  if (runs.some((run) => !run.killed)) words = 'not measured: a run ended before its kill'
  else if (rolledBack.length === runs.length) {
    words = `yes: RollingBack ${rolledBack.map((run) => seconds(run.rollbackMs)).join(', ')} after the SIGKILL`
  } else {
    const run = runs.find((candidate) => !rolledBack.includes(candidate))
    words = `no: ${Math.round(run.share * 100)}% of the traffic still on the new model ${seconds(run.watchedMs, 0)} after the SIGKILL`
  }
  return { runs, rolledBack, words }
}

const hours = (value) => (value === undefined || !Number.isFinite(value) ? '-' : value.toFixed(2))

/** The table as printed and as written into docs/controllers.md. */
function tableRows(rows) {
  return [
    [
      'controller',
      'strategy',
      'healthy / bad ended',
      'UpdateEndpoint calls',
      'instances provisioned',
      'peak instances',
      'wall time*',
      'added instance-hours*',
      "the action's own figure",
      'what judged',
      'bad: first bad minute published -> rollback begins',
      '-> traffic back on the old model',
      'rolls back without the runner'
    ],
    ...rows.map(({ setup, fleet, judged, recovery, dead }) => [
      setup.controller,
      setup.strategy,
      `${fleet.outcome} / ${recovery.outcome}`,
      fleet.updateEndpointCalls,
      fleet.provisioned,
      fleet.peak,
      `${(fleet.scaledDurationMs / 60_000).toFixed(1)} min`,
      hours(fleet.scaledAddedHours),
      fleet.actionHours ?? '-',
      judged,
      `${seconds(recovery.toBegin)}: ${recovery.by}`,
      seconds(recovery.toBack),
      dead.words
    ])
  ]
}

/** The emulator's own figures, unscaled, for the log. */
function rawRows(rows) {
  return [
    [
      'controller',
      'strategy',
      'wall time (emulator)',
      'instance-hours (emulator)',
      'added (emulator)',
      "bad: the new model's own first bad minute -> rollback begins",
      'failed evaluation -> rollback begins'
    ],
    ...rows.map(({ setup, fleet, recovery }) => [
      setup.controller,
      setup.strategy,
      seconds(fleet.durationMs, 0),
      hours(fleet.instanceHours),
      hours(fleet.addedHours),
      seconds(recovery.ownToBegin),
      seconds(recovery.failedToBegin)
    ])
  ]
}

export function markdownTable(rows) {
  const cell = (value) => String(value).replace(/\|/g, '\\|')
  const [head, ...body] = rows
  return [
    `| ${head.map(cell).join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...body.map((row) => `| ${row.map(cell).join(' | ')} |`)
  ].join('\n')
}

function footnotes(seed, tookMs, bounds, deadRuns) {
  const c = CONTROLLERS
  const sagemakerKills = deadRuns.filter((run) => run.setup.controller === 'sagemaker').flatMap((run) => run.runs)
  const left = (controller) => deadRuns.find((run) => run.setup.controller === controller)?.runs[0]?.left ?? '-'
  return [
    `Measured by \`npm run bench -- --only=controllers\` (seed ${seed}, ${Math.round(tookMs / 60_000)} minutes; every setup run healthy, bad and with its runner killed, side by side): ` +
      `an endpoint of ${c.instances} × ${c.instanceType} serving ${c.ratePerSecond} requests/s; every setup with the same gates (${gatesInWords(JUDGED_GATES)}), \`gate-interval: ${c.gateIntervalMs / 1000}s\`; ` +
      `\`bake-time: ${c.actionBakeMs / 1000}s\` for the action, whose steps then wait for their minutes to be published, and \`${c.sagemakerBakeMs / 1000}s\` for SageMaker, whose bakes cannot wait and must hold CloudWatch's delay. ` +
      `The old model and a healthy new one fail 1% of their requests, a bad one ${c.badErrorRate * 100}%; CloudWatch publishes a minute ${c.publicationDelaySeconds.join(' to ')} s after it closes; every emulator transition (a fleet provisioning, a weight change, a rollback) takes ${c.transitionSeconds} s.`,
    `Fleet figures are the healthy run's, from the emulator (\`GET /emulator/fleet\`): instances provisioned beyond the ${c.instances} the endpoint had, the most running at once, and \`UpdateEndpoint\` calls SageMaker accepted. The action's own figure is the instance-hours its job summary reported.`,
    `\\* At SageMaker's timings: the emulator's transitions are short, so the instance-seconds inside each fleet provisioning (the action's \`UpdateEndpoint\`s; SageMaker's new fleet, and each rolling batch) are scaled by ${c.provisionSeconds / c.transitionSeconds} (${c.transitionSeconds} s standing for ${c.provisionSeconds / 60} minutes) and inside each weight change by ${c.weightChangeSeconds / c.transitionSeconds} (${c.weightChangeSeconds} s), the action's own estimates; bakes and CloudWatch's delays are real time already. Added instance-hours are those beyond the steady ${c.instances}-instance fleet over the rollout.`,
    "What judged: the healthy run's gate evaluations, from its `result` output, and the alarms its `UpdateEndpoint` put in SageMaker's `AutoRollbackConfiguration`.",
    `Bad: the new model's first published minute with a 5XX rate above \`max-error-rate\` (\`GET /emulator/metric-publications\`, when it became readable) to the rollback's beginning: the action's call, as it reached the emulator, or SageMaker's RollingBack (\`GET /emulator/deployments\`), which moves the traffic back to the old fleet at once; then to the traffic back as \`DescribeEndpoint\` showed it (polled every 250 ms), after the emulator's transition. Bound for SageMaker: \`gate-interval\` + the verdict alarm's period + SageMaker's reaction = ${bounds.failedVerdictRollbackMs / 1000} s; for the action, \`gate-interval\` + ${EVIDENCE.detectionSlackMs / 1000} s = ${(c.gateIntervalMs + EVIDENCE.detectionSlackMs) / 1000} s.`,
    `Rolls back without the runner: a healthy run whose action was killed with SIGKILL in its first bake (no post step), then watched for ${(2 * bounds.silenceRollbackMs) / 1000} s. SIGKILL to SageMaker's RollingBack: ${spread(sagemakerKills.map((run) => run.rollbackMs).filter(Number.isFinite))} over ${sagemakerKills.length} runs, against the heartbeat window + one alarm period = ${bounds.heartbeatWindowMs / 1000} + ${bounds.periodMs / 1000} = ${bounds.silenceRollbackMs / 1000} s (src/rollout/verdict-alarm.ts for a ${c.gateIntervalMs / 1000} s \`gate-interval\`). ` +
      `Left behind once SageMaker had rolled back: ${left('sagemaker')}; after the action's killed canary: ${left('action')}.`
  ]
}

export async function controllers(context) {
  const { control, options, target, log } = context
  const started = Date.now()
  const bounds = await verdictTimings(CONTROLLERS.gateIntervalMs)
  await control.configure({
    seed: options.seed,
    transitionSeconds: CONTROLLERS.transitionSeconds,
    metricsMode: 'faithful',
    metricsDelaySeconds: CONTROLLERS.publicationDelaySeconds
  })
  const planned = plans()
  log(
    `\nControllers: ${SETUPS.length} controllers and strategies, each healthy, bad and with its runner killed (${planned.length} runs side by side, seed ${options.seed}); ` +
      `${CONTROLLERS.instances} × ${CONTROLLERS.instanceType}, ${CONTROLLERS.ratePerSecond} requests/s, gates ${gatesInWords(JUDGED_GATES)}, ` +
      `bake-time ${CONTROLLERS.actionBakeMs / 1000}s (action) and ${CONTROLLERS.sagemakerBakeMs / 1000}s (SageMaker), ` +
      `emulator transitions ${CONTROLLERS.transitionSeconds} s, CloudWatch delay ${CONTROLLERS.publicationDelaySeconds.join('-')} s`
  )
  const watchers = { endpoints: watchEndpoints(context.aws, 250), fleet: watchFleet(control, 250) }
  let done
  try {
    done = await Promise.all(planned.map((plan) => controllerRun(context, plan, watchers, bounds)))
  } finally {
    await watchers.endpoints.stop()
    await watchers.fleet.stop()
  }
  const tookMs = Date.now() - started
  const publications = await control.metricPublications()
  const rows = SETUPS.map((setup) => {
    const of = (kind) => done.filter((entry) => entry.setup === setup && entry.kind === kind)
    const [healthy] = of('healthy')
    const [bad] = of('bad')
    return {
      setup,
      healthy,
      bad,
      fleet: fleetFigures(healthy, watchers.fleet),
      judged: whatJudged(healthy),
      recovery: recoveryFigures(bad, watchers.endpoints.samples(bad.name), publications),
      dead: { setup, ...deadRunnerFigures(setup, of('killed')) }
    }
  })
  const table = tableRows(rows)
  log('')
  log(formatTable(table))
  log('')
  log(formatTable(rawRows(rows)))
  const notes = footnotes(
    options.seed,
    tookMs,
    bounds,
    rows.map((row) => row.dead)
  )
  log('')
  for (const note of notes) log(note.replace(/\\\*/g, '*').replace(/`/g, ''))
  log('\nKilled runs:')
  for (const row of rows) {
    for (const run of row.dead.runs) {
      const rollback = Number.isFinite(run.rollbackMs)
        ? `RollingBack ${seconds(run.rollbackMs)} after the SIGKILL${run.onVerdict ? ', on the verdict alarm' : ''}`
        : `no rollback; ${Math.round(run.share * 100)}% on the new model ${seconds(run.watchedMs, 0)} after it`
      log(`  ${run.name}: ${rollback}; left: ${run.left}`)
    }
  }
  for (const entry of done.filter((item) => item.kind !== 'killed')) {
    const outcome = outcomeOf(entry)
    if ((entry.kind === 'bad' && outcome === 'rolled-back') || (entry.kind === 'healthy' && outcome === 'succeeded')) {
      continue
    }
    log(`\n${entry.name} ended ${outcome}; its log says:`)
    for (const line of telltaleLines(entry.run)) log(`  ${line}`)
    if (!entry.result.rollout) log(logOf(entry.run).split('\n').slice(-15).join('\n'))
  }
  log(`\nThe controllers section took ${Math.round(tookMs / 1000)} s.`)
  report(rows, bounds, target)
  if (options.writeDocs) await writeDocs(table, notes, log)
  return { tookMs, rows }
}

function report(rows, bounds, target) {
  const kills = rows.filter((row) => row.setup.controller === 'sagemaker').flatMap((row) => row.dead.runs)
  for (const row of rows) {
    const label = `${row.setup.controller} ${row.setup.strategy}`
    target(
      `${label}: healthy promoted, bad rolled back`,
      `${row.fleet.outcome}, ${row.recovery.outcome}`,
      'succeeded, rolled-back',
      row.fleet.outcome === 'succeeded' && row.recovery.outcome === 'rolled-back'
    )
    const bound =
      row.setup.controller === 'sagemaker'
        ? bounds.failedVerdictRollbackMs
        : CONTROLLERS.gateIntervalMs + EVIDENCE.detectionSlackMs
    target(
      `${label}: first bad minute published -> rollback begins`,
      seconds(row.recovery.toBegin),
      `<= ${bound / 1000} s`,
      row.recovery.toBegin <= bound
    )
    target(
      `${label}: rolls back without the runner`,
      row.dead.words,
      row.setup.controller === 'sagemaker' ? 'yes' : '(no target)',
      row.setup.controller !== 'sagemaker' || row.dead.words.startsWith('yes')
    )
  }
  const worst = Math.max(...kills.map((run) => (Number.isFinite(run.rollbackMs) ? run.rollbackMs : Infinity)))
  target(
    `SageMaker: SIGKILL mid-bake -> RollingBack, worst of ${kills.length}`,
    seconds(worst),
    `<= ${bounds.silenceRollbackMs / 1000} s`,
    worst <= bounds.silenceRollbackMs
  )
}

async function writeDocs(table, notes, log) {
  const page = `${REPO_ROOT}/docs/controllers.md`
  const text = await fsp.readFile(page, 'utf8')
  const pattern = /(<!-- controllers:start -->\n)[\s\S]*?(<!-- controllers:end -->)/
  if (!pattern.test(text)) throw new Error('docs/controllers.md has no <!-- controllers:start/end --> markers')
  const block = [markdownTable(table), '', ...notes.flatMap((note) => [note, ''])].join('\n').trimEnd()
  await fsp.writeFile(
    page,
    text.replace(pattern, (_, start, end) => `${start}${block}\n${end}`)
  )
  log('Wrote the table into docs/controllers.md.')
}
