// Section `controllers`: the same rollout under each controller and strategy,
// once healthy (what it costs in fleet) and once bad (how fast traffic gets
// back to the old model). All twelve run side by side, one endpoint each, in
// one emulator with production-like CloudWatch delays and transitions of
// CONTROLLERS.transitionSeconds.

import { promises as fsp } from 'node:fs'

import { SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch'

import { formatTable, preciseNow, startProxy } from '../../test/proxy/proxy.mjs'
import { REPO_ROOT } from '../../test/runner/runner.mjs'
import {
  UPDATE,
  WEIGHTS,
  deployInputs,
  logOf,
  ok,
  resultOf,
  runAction,
  seconds,
  seedServing,
  sleep,
  sum,
  summaryInstanceHours,
  telltaleLines,
  watchEndpoints,
  watchFleet,
  weightOf
} from './common.mjs'

export const CONTROLLERS = {
  instances: 10,
  instanceType: 'ml.m5.large',
  ratePerSecond: 10,
  bakeMs: 60_000,
  gateIntervalMs: 10_000,
  maxErrorRate: 0.05,
  badErrorRate: 0.25,
  transitionSeconds: 10,
  publicationDelaySeconds: [60, 120],
  // What the emulator's transitions stand for: the action's own estimates (src/expectations.ts TYPICAL_MS).
  provisionSeconds: 600,
  weightChangeSeconds: 60
}

const SETUPS = [
  {
    id: 'action-canary',
    controller: 'action',
    strategy: 'canary 10,100',
    newVariant: 'canary',
    inputs: { strategy: 'canary', 'traffic-steps': '10,100', 'variant-name': 'canary' }
  },
  {
    id: 'action-linear',
    controller: 'action',
    strategy: 'linear 25,50,75,100',
    newVariant: 'canary',
    inputs: { strategy: 'linear', 'traffic-steps': '25,50,75,100', 'variant-name': 'canary' }
  },
  { id: 'action-all', controller: 'action', strategy: 'all-at-once', inputs: { strategy: 'all-at-once' } },
  {
    id: 'sm-canary',
    controller: 'sagemaker',
    strategy: 'canary 10,100',
    inputs: { 'rollout-controller': 'sagemaker', strategy: 'canary', 'traffic-steps': '10,100', timeout: '30m' }
  },
  {
    id: 'sm-all',
    controller: 'sagemaker',
    strategy: 'all-at-once',
    inputs: { 'rollout-controller': 'sagemaker', strategy: 'all-at-once', timeout: '30m' }
  },
  {
    id: 'sm-rolling',
    controller: 'sagemaker',
    strategy: 'rolling, batch 1 instance',
    // Ten batches, each budgeted 10m to provision and a bake: SageMaker's execution timeout must cover them.
    inputs: { 'rollout-controller': 'sagemaker', strategy: 'rolling', 'batch-size': '1', timeout: '2h' }
  }
]

/** The windows [from, to] (ms) of the emulator's transitions that the run's accepted calls started. */
function transitionWindows(timeline, key) {
  const length = CONTROLLERS.transitionSeconds * 1000
  return timeline
    .filter((entry) => entry.key === key && ok(entry))
    .map((entry) => [entry.doneAt ?? entry.at, (entry.doneAt ?? entry.at) + length])
}

async function controllerRun(context, setup, bad, startAfterMs, watchers) {
  const { emulator, aws, control } = context
  await sleep(startAfterMs)
  const name = `ct-${setup.id}-${bad ? 'bad' : 'ok'}`
  const previousConfig = await seedServing(aws, name, {
    instances: CONTROLLERS.instances,
    instanceType: CONTROLLERS.instanceType
  })
  await control.setModelBehaviour({ match: `${name}-v2`, errorRate: bad ? CONTROLLERS.badErrorRate : 0 })
  await control.setTraffic(name, CONTROLLERS.ratePerSecond)
  if (bad) watchers.endpoints.add(name)
  const beforeAt = preciseNow()
  const before = (await control.fleet())[name]
  const proxy = await startProxy({ target: emulator.url, captureBodies: [WEIGHTS, UPDATE] })

  // SageMaker's deployment goes bad: the alarm the action made from max-error-rate is put in ALARM by hand as soon as
  // the new fleet takes traffic (SageMaker watches its alarms from the first shift), and held there until SageMaker
  // rolls back: a state set by hand lasts only until the alarm's next evaluation, and the new fleet's own minutes may
  // take longer than the bench's bake to be published.
  let alarming
  const onOutput = (line) => {
    if (!bad || setup.controller !== 'sagemaker' || alarming || !line.includes('SageMaker runs the rollout')) return
    const deployment = JSON.parse(line.slice(line.indexOf('{')))
    const alarm = (deployment.AutoRollbackConfiguration?.Alarms ?? [])
      .map((entry) => entry.AlarmName)
      .find((alarmName) => alarmName.endsWith('-max-error-rate'))
    alarming = (async () => {
      const deadline = Date.now() + 120_000
      const shifted = async () =>
        ((await control.deployments(name)).at(-1)?.steps ?? []).some((step) => step.at * 1000 <= Date.now())
      while (!(await shifted()) && Date.now() < deadline) await sleep(50)
      const at = preciseNow()
      while (watchers.endpoints.samples(name).at(-1)?.status === 'Updating' && Date.now() < deadline) {
        await aws.cloudwatch.send(
          new SetAlarmStateCommand({ AlarmName: alarm, StateValue: 'ALARM', StateReason: 'bench: the new fleet fails' })
        )
        await sleep(250)
      }
      return { at, alarm }
    })()
  }
  const run = await runAction(
    proxy.url,
    deployInputs(name, {
      ...setup.inputs,
      'bake-time': `${CONTROLLERS.bakeMs / 1000}s`,
      'gate-interval': `${CONTROLLERS.gateIntervalMs / 1000}s`,
      'max-error-rate': `${CONTROLLERS.maxErrorRate * 100}%`
    }),
    { onOutput }
  )
  const after = (await control.fleet())[name]
  const afterAt = preciseNow()
  const timeline = proxy.timeline()
  await proxy.close()
  await control.setTraffic(name, 0)
  return {
    setup,
    bad,
    name,
    previousConfig,
    run,
    result: resultOf(run),
    timeline,
    before,
    beforeAt,
    after,
    afterAt,
    alarm: alarming ? await alarming : undefined
  }
}

/** What the healthy rollout cost in fleet, as the emulator counted it and scaled to SageMaker's timings. */
function fleetFigures(entry, fleetWatch) {
  const { before, after, timeline } = entry
  const durationMs = entry.afterAt - entry.beforeAt
  const steady = before.currentInstances
  const instanceSeconds = after.instanceSeconds - before.instanceSeconds
  const fleetWindows = transitionWindows(timeline, UPDATE)
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
    outcome: entry.run.outputs['rollout-result'] ?? `exit ${entry.run.exitCode}`,
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

/** From what judged the rollout bad to traffic back on the old model. */
function recoveryFigures(entry, samples) {
  const { setup, timeline, previousConfig } = entry
  const outcome = entry.run.outputs['rollout-result'] ?? `exit ${entry.run.exitCode}`
  const backOnOld = (after) =>
    samples.find((sample) => sample.at > after && sample.config === previousConfig && sample.status === 'InService')
  if (setup.controller === 'sagemaker') {
    const alarmAt = entry.alarm?.at
    const rollingBack = samples.find((sample) => sample.at > alarmAt && sample.status === 'RollingBack')
    // DescribeEndpoint's LastModifiedTime is when the RollingBack transition began; the sample only saw it.
    const rollbackBegan = rollingBack ? (rollingBack.lastModified ?? rollingBack.at) : NaN
    const old = backOnOld(alarmAt)
    return {
      outcome,
      detection: 'alarm in ALARM (set by the bench)',
      toTrafficBack: rollbackBegan - alarmAt,
      trafficBack: 'RollingBack begins',
      toOldConfig: old ? old.at - alarmAt : NaN
    }
  }
  const evaluations = (entry.result.rollout?.steps ?? []).flatMap((step) => step.evaluations ?? [])
  const failed = evaluations.find((evaluation) => evaluation.verdict === 'failed')
  const sinceFailed = (moment) => (moment && failed ? moment.at - failed.at : NaN)
  const old = failed ? backOnOld(failed.at) : undefined
  if (setup.newVariant) {
    const zero = timeline.find(
      (candidate) => candidate.key === WEIGHTS && ok(candidate) && weightOf(candidate, setup.newVariant) === 0
    )
    const landed = zero
      ? samples.find((sample) => sample.at > zero.at && sample.weights[setup.newVariant] === 0)
      : undefined
    return {
      outcome,
      detection: 'failed evaluation',
      toCall: sinceFailed(zero),
      call: 'weight-0 call',
      toTrafficBack: sinceFailed(landed),
      trafficBack: 'weight 0 in effect',
      toOldConfig: sinceFailed(old)
    }
  }
  const restore = timeline.find(
    (candidate) => candidate.key === UPDATE && ok(candidate) && candidate.body?.EndpointConfigName === previousConfig
  )
  // All at once has no old variant to shift back to: traffic is back once the previous config serves again.
  return {
    outcome,
    detection: 'failed evaluation',
    toCall: sinceFailed(restore),
    call: 'UpdateEndpoint to the previous config',
    toTrafficBack: sinceFailed(old),
    trafficBack: 'InService on the previous config',
    toOldConfig: sinceFailed(old)
  }
}

const hours = (value) => (value === undefined || !Number.isFinite(value) ? '-' : value.toFixed(3))

function describeRecovery(recovery) {
  if (!recovery) return '-'
  const call = recovery.call ? `; ${recovery.call} after ${seconds(recovery.toCall, 2)}` : ''
  return `${seconds(recovery.toTrafficBack)} (${recovery.detection} -> ${recovery.trafficBack}${call}; InService on the old config after ${seconds(recovery.toOldConfig)})`
}

/** The table as printed and as written into docs/controllers.md. */
function tableRows(rows) {
  return [
    [
      'controller',
      'strategy',
      'UpdateEndpoint calls',
      'instances provisioned',
      'peak instances',
      'rollout wall time (emulator)',
      'wall time, at SageMaker timings*',
      'instance-hours (emulator)',
      'added beyond the fleet (emulator)',
      'added, at SageMaker timings*',
      "the action's own figure",
      'bad rollout: detection -> traffic back on the old model'
    ],
    ...rows.map(({ setup, fleet, recovery }) => [
      setup.controller,
      setup.strategy,
      fleet.updateEndpointCalls,
      fleet.provisioned,
      fleet.peak,
      seconds(fleet.durationMs, 0),
      `${(fleet.scaledDurationMs / 60_000).toFixed(1)} min`,
      hours(fleet.instanceHours),
      hours(fleet.addedHours),
      hours(fleet.scaledAddedHours),
      fleet.actionHours ?? '-',
      describeRecovery(recovery)
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

function footnotes(seed, tookMs) {
  const c = CONTROLLERS
  return [
    `Measured by \`npm run bench -- --only=controllers\` (seed ${seed}, one run of each, healthy and bad, side by side, ${Math.round(tookMs / 60_000)} minutes): ` +
      `an endpoint of ${c.instances} × ${c.instanceType} serving ${c.ratePerSecond} requests/s, one gate (\`max-error-rate: ${c.maxErrorRate * 100}%\`), ` +
      `\`bake-time: ${c.bakeMs / 1000}s\`, \`gate-interval: ${c.gateIntervalMs / 1000}s\`; the bad model fails ${c.badErrorRate * 100}% of its requests; ` +
      `CloudWatch publishes a minute ${c.publicationDelaySeconds.join(' to ')} s after it closes; every emulator transition (a fleet update, a weight change, a rollback) takes ${c.transitionSeconds} s.`,
    `Fleet figures are the emulator's (\`GET /emulator/fleet\`) over the rollout: instances provisioned beyond the ${c.instances} the endpoint had, the most running at once, instance-hours, and those beyond the steady ${c.instances}-instance fleet over the same time.`,
    `\\* Transitions are shortened: the instance-seconds inside each fleet update (UpdateEndpoint) are scaled by ${c.provisionSeconds / c.transitionSeconds} (${c.transitionSeconds} s standing for ${c.provisionSeconds / 60} minutes of provisioning) and inside each weight change by ${c.weightChangeSeconds / c.transitionSeconds} (${c.weightChangeSeconds} s), the action's own estimates; bakes and CloudWatch waits are real time already.`,
    "SageMaker's deployments run their bakes inside the one UpdateEndpoint (each step's `bake-time`, then the final wait at full traffic, with both fleets up), and a rolling update provisions and bakes batch by batch; the new fleet takes its share of the traffic from each shift (`GET /emulator/deployments`).",
    "Detection -> traffic back: for the action, from the failed gate evaluation to the weight change (or, all-at-once, the update back to the previous config) in effect, seen by polling DescribeEndpoint every 250 ms; for SageMaker, from its alarm going into ALARM to its RollingBack transition beginning, when SageMaker moves traffic back. The bench puts SageMaker's alarm in ALARM by hand once the new fleet takes traffic (its own minutes may be published after the bake), so that figure is the emulator's reaction to the alarm, not CloudWatch's delay."
  ]
}

export async function controllers(context) {
  const { control, options, target, log } = context
  const started = Date.now()
  await control.configure({
    seed: options.seed,
    transitionSeconds: CONTROLLERS.transitionSeconds,
    metricsMode: 'faithful',
    metricsDelaySeconds: CONTROLLERS.publicationDelaySeconds
  })
  log(
    `\nControllers: ${SETUPS.length} controllers and strategies, each once healthy and once bad, side by side (seed ${options.seed}); ` +
      `${CONTROLLERS.instances} × ${CONTROLLERS.instanceType}, ${CONTROLLERS.ratePerSecond} requests/s, bake-time ${CONTROLLERS.bakeMs / 1000}s, ` +
      `gate max-error-rate ${CONTROLLERS.maxErrorRate * 100}%, emulator transitions ${CONTROLLERS.transitionSeconds} s, CloudWatch delay ${CONTROLLERS.publicationDelaySeconds.join('-')} s`
  )
  const watchers = { endpoints: watchEndpoints(context.aws, 250), fleet: watchFleet(control, 250) }
  let done
  try {
    done = await Promise.all(
      SETUPS.flatMap((setup, index) => [
        controllerRun(context, setup, false, index * 4_000, watchers),
        controllerRun(context, setup, true, index * 4_000 + 2_000, watchers)
      ])
    )
  } finally {
    await watchers.endpoints.stop()
    await watchers.fleet.stop()
  }
  const tookMs = Date.now() - started
  const rows = SETUPS.map((setup) => {
    const healthy = done.find((entry) => entry.setup === setup && !entry.bad)
    const bad = done.find((entry) => entry.setup === setup && entry.bad)
    return {
      setup,
      healthy,
      bad,
      fleet: fleetFigures(healthy, watchers.fleet),
      recovery: recoveryFigures(bad, watchers.endpoints.samples(bad.name))
    }
  })
  const table = tableRows(rows)
  log('')
  log(formatTable(table))
  const notes = footnotes(options.seed, tookMs)
  for (const note of notes) log(note.replace(/\\\*/g, '*').replace(/`/g, ''))
  log(
    '\nOutcomes: ' +
      rows.map((row) => `${row.setup.id} healthy ${row.fleet.outcome}, bad ${row.recovery.outcome}`).join('; ')
  )
  for (const entry of done) {
    const outcome = entry.run.outputs['rollout-result']
    if ((entry.bad && outcome === 'rolled-back') || (!entry.bad && outcome === 'succeeded')) continue
    log(`\n${entry.name} ended ${outcome ?? `exit ${entry.run.exitCode}`}; its log says:`)
    for (const line of telltaleLines(entry.run)) log(`  ${line}`)
    if (!entry.result.rollout) log(logOf(entry.run).split('\n').slice(-15).join('\n'))
  }
  log(`\nThe controllers section took ${Math.round(tookMs / 1000)} s.`)

  for (const row of rows) {
    const label = `${row.setup.controller} ${row.setup.strategy}`
    target(
      `${label}: UpdateEndpoint / provisioned / peak / added instance-h*`,
      `${row.fleet.updateEndpointCalls} / ${row.fleet.provisioned} / ${row.fleet.peak} / ${hours(row.fleet.scaledAddedHours)}`,
      '(no target)',
      true
    )
    target(
      `${label}: bad, detection -> traffic back`,
      `${seconds(row.recovery.toTrafficBack)} (${row.recovery.trafficBack})`,
      '(no target)',
      true
    )
    target(
      `${label}: healthy promoted, bad rolled back`,
      `${row.fleet.outcome}, ${row.recovery.outcome}`,
      'succeeded, rolled-back',
      row.fleet.outcome === 'succeeded' && row.recovery.outcome === 'rolled-back'
    )
  }
  if (options.writeDocs) {
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
  return { tookMs, rows }
}
