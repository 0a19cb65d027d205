// Section `reliability`: a canary whose creates and updates sometimes lose
// their answer. The proxy forwards such a call, lets the emulator act on it,
// then throws the answer away (`lost-response`): the SDK retries a create,
// and the retry meets what the first attempt did; an update comes back to the
// action, which looks before it sends it again. A rollout that keeps its promises
// still ends promoted, with one model and exactly two UpdateEndpoint calls
// (the canary config, then the release).

import { formatTable, startProxy } from '../../test/proxy/proxy.mjs'
import { deployInputs, pad, resultOf, runAction, seedServing, telltaleLines } from './common.mjs'

export const RELIABILITY = {
  seeds: 8,
  apis: ['CreateModel', 'CreateEndpointConfig', 'UpdateEndpoint', 'UpdateEndpointWeightsAndCapacities'],
  // Each call of those APIs loses its answer with this chance, drawn from the proxy's seeded stream.
  rate: 0.5,
  trafficSteps: '50,100',
  bakeTime: '2s',
  gateInterval: '1s'
}

async function reliabilityRun(context, seed) {
  const { emulator, aws } = context
  const name = `rel-s${pad(seed)}`
  await seedServing(aws, name)
  // Odd seeds get an InternalFailure 500 in place of the answer, even ones a reset connection.
  const lostResponse = seed % 2 ? 'error' : 'reset'
  const rule = { kinds: ['lost-response'], rate: RELIABILITY.rate, lostResponse }
  const proxy = await startProxy({
    target: emulator.url,
    seed,
    faults: { apis: Object.fromEntries(RELIABILITY.apis.map((api) => [api, rule])) }
  })
  const run = await runAction(
    proxy.url,
    deployInputs(name, {
      'variant-name': 'canary',
      strategy: 'canary',
      'traffic-steps': RELIABILITY.trafficSteps,
      'bake-time': RELIABILITY.bakeTime,
      'gate-interval': RELIABILITY.gateInterval,
      // Probes are judged at once: no CloudWatch minute to wait for.
      'probe-payload': '{"amount": 12.5}',
      'probe-count': '1'
    })
  )
  const stats = proxy.stats()
  const figures = {
    seed,
    name,
    lostResponse,
    outcome: run.outputs['rollout-result'] ?? `no result (exit ${run.exitCode})`,
    succeeded: run.exitCode === 0 && run.outputs['rollout-result'] === 'succeeded',
    models: proxy.acceptedCalls('CreateModel'),
    configs: proxy.acceptedCalls('CreateEndpointConfig'),
    updates: proxy.acceptedCalls('UpdateEndpoint'),
    weightChanges: proxy.acceptedCalls('UpdateEndpointWeightsAndCapacities'),
    faults: stats.faults,
    faultsByApi: Object.fromEntries(
      Object.entries(stats.apis)
        .filter(([, api]) => api.faults > 0)
        .map(([key, api]) => [key.split('.').pop(), api.faults])
    ),
    calls: stats.total,
    error: run.exitCode === 0 ? '' : (resultOf(run).error ?? telltaleLines(run, 1)[0] ?? ''),
    run
  }
  await proxy.close()
  return figures
}

export async function reliability(context) {
  const { control, options, target, log } = context
  const started = Date.now()
  const seeds = Array.from({ length: options.reliabilitySeeds ?? RELIABILITY.seeds }, (_, index) => index + 1)
  await control.configure({ transitionSeconds: 1 })
  log(
    `\nReliability: ${seeds.length} canaries (${RELIABILITY.trafficSteps}, probes as the gate) side by side, proxy seeds ${seeds[0]} to ${seeds.at(-1)}; ` +
      `each call of ${RELIABILITY.apis.join(', ')} loses its answer with a chance of ${RELIABILITY.rate * 100}% (the emulator acted on it; ` +
      'the action gets an InternalFailure 500 on odd seeds, a reset connection on even ones)\n'
  )
  const runs = await Promise.all(seeds.map((seed) => reliabilityRun(context, seed)))
  log(
    formatTable([
      [
        'seed',
        'answer lost as',
        'result',
        'models created',
        'configs created',
        'UpdateEndpoint accepted',
        'weight changes accepted',
        'faults injected',
        'lost answers by API',
        'error'
      ],
      ...runs.map((run) => [
        run.seed,
        run.lostResponse,
        run.outcome,
        run.models,
        run.configs,
        run.updates,
        run.weightChanges,
        run.faults,
        Object.entries(run.faultsByApi)
          .map(([api, count]) => `${api} ${count}`)
          .join(', ') || '-',
        run.error.length > 110 ? `${run.error.slice(0, 107)}...` : run.error
      ])
    ])
  )
  // What the action saw of the lost answers, where it cost something: a failure, or more than two updates.
  for (const run of runs.filter((candidate) => !candidate.succeeded || candidate.updates !== 2)) {
    log(`\nseed ${run.seed} (${run.outcome}, ${run.updates} UpdateEndpoint accepted); its log says:`)
    const lines = `${run.run.stdout}${run.run.stderr}`
      .split('\n')
      .filter((line) => /^(Create|Update)\w+ on |someone else|already exist|^::error::|^::warning::/.test(line))
    for (const line of lines.slice(0, 12)) log(`  ${line.length > 300 ? `${line.slice(0, 297)}...` : line}`)
  }
  const succeeded = runs.filter((run) => run.succeeded).length
  const oneModel = runs.filter((run) => run.models === 1).length
  const twoUpdates = runs.filter((run) => run.updates === 2).length
  const faults = runs.reduce((total, run) => total + run.faults, 0)
  const tookMs = Date.now() - started
  log(
    `Succeeded ${succeeded} of ${runs.length}; one model in ${oneModel}; exactly two UpdateEndpoint in ${twoUpdates}; ` +
      `${faults} answers lost in ${runs.reduce((total, run) => total + run.calls, 0)} calls. The reliability section took ${Math.round(tookMs / 1000)} s.`
  )
  target(
    `lost answers on creates/updates: canaries promoted (${runs.length} seeds)`,
    `${succeeded}/${runs.length}`,
    'every run',
    succeeded === runs.length
  )
  target(
    '  ... runs that created exactly one model',
    `${oneModel}/${runs.length}`,
    'every run',
    oneModel === runs.length
  )
  target(
    '  ... runs with exactly two accepted UpdateEndpoint',
    `${twoUpdates}/${runs.length}`,
    'every run',
    twoUpdates === runs.length
  )
  target('  ... answers lost (faults injected)', String(faults), '(no target)', true)
  return { tookMs, runs }
}
