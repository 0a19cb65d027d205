// What the rollout sections of the benchmark (evidence, controllers,
// reliability) share: endpoints seeded straight into the emulator, the
// action run as the runner runs it, and small helpers to read what it left.

import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  DescribeEndpointCommand
} from '@aws-sdk/client-sagemaker'

import { emulatorClients } from '../../test/emulator/clients.mjs'
import { preciseNow } from '../../test/proxy/proxy.mjs'
import { EMULATOR_ACCOUNT, EMULATOR_REGION, runStep } from '../../test/runner/runner.mjs'

export const ROLE_ARN = `arn:aws:iam::${EMULATOR_ACCOUNT}:role/sagemaker-execution`
export const IMAGE = (tag) => `${EMULATOR_ACCOUNT}.dkr.ecr.${EMULATOR_REGION}.amazonaws.com/model:${tag}`
export const WEIGHTS = 'sagemaker.UpdateEndpointWeightsAndCapacities'
export const UPDATE = 'sagemaker.UpdateEndpoint'
export const MINUTE_MS = 60_000

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
export const floorMinute = (ms) => Math.floor(ms / MINUTE_MS) * MINUTE_MS
export const ceilMinute = (ms) => Math.ceil(ms / MINUTE_MS) * MINUTE_MS
export const pad = (n) => String(n).padStart(2, '0')
export const seconds = (ms, digits = 1) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(digits)} s` : '-')
export const sum = (values) => values.reduce((total, value) => total + value, 0)

export function quantile(values, q) {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const position = (sorted.length - 1) * q
  const low = Math.floor(position)
  const high = Math.ceil(position)
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low)
}
export const median = (values) => quantile(values, 0.5)

/** "median a (min b, max c)" of millisecond figures. */
export function spread(values, digits = 1) {
  if (values.length === 0) return '-'
  return `${seconds(median(values), digits)} (${seconds(Math.min(...values), digits)} to ${seconds(Math.max(...values), digits)})`
}

/** SDK clients straight to the emulator (never through a proxy), with a few attempts for the bench's own calls. */
export const directClients = (url) => emulatorClients(url, { maxAttempts: 3 })

/**
 * An endpoint serving `variants` (one, AllTraffic, by default) of `instances`
 * instances each, at equal weights. Its one model is IMAGE(`${name}-old`), or
 * one per variant, `${name}-${variant}-old`, so a model-behaviour rule can
 * match it alone. Resolves with its config's name once it is InService.
 */
export async function seedServing(
  aws,
  name,
  { instances = 1, instanceType = 'ml.m5.large', variants = ['AllTraffic'], configSettings = {} } = {}
) {
  const config = `${name}-seed-config`
  const modelOf = (variant) => (variants.length === 1 ? `${name}-old` : `${name}-${variant}-old`.toLowerCase())
  for (const variant of variants) {
    const model = modelOf(variant)
    await aws.sagemaker.send(
      new CreateModelCommand({
        ModelName: model,
        ExecutionRoleArn: ROLE_ARN,
        PrimaryContainer: { Image: IMAGE(model) }
      })
    )
  }
  await aws.sagemaker.send(
    new CreateEndpointConfigCommand({
      ...configSettings,
      EndpointConfigName: config,
      ProductionVariants: variants.map((variant) => ({
        VariantName: variant,
        ModelName: modelOf(variant),
        InstanceType: instanceType,
        InitialInstanceCount: instances,
        InitialVariantWeight: 1
      }))
    })
  )
  await aws.sagemaker.send(new CreateEndpointCommand({ EndpointName: name, EndpointConfigName: config }))
  for (;;) {
    const endpoint = await aws.sagemaker.send(new DescribeEndpointCommand({ EndpointName: name }))
    if (endpoint.EndpointStatus === 'InService') return config
    await sleep(100)
  }
}

/** The deploy inputs every rollout section starts from: the new model is IMAGE(`${name}-v2`). */
export function deployInputs(name, extra) {
  return {
    operation: 'deploy',
    'endpoint-name': name,
    'image-uri': IMAGE(`${name}-v2`),
    'execution-role-arn': ROLE_ARN,
    'model-name': `${name}-v2`,
    ...extra
  }
}

/** dist/index.js once, as the runner runs it; at most `timeoutMs`. */
export const runAction = (url, inputs, options = {}) =>
  runStep({ emulator: url, inputs, timeoutMs: options.timeoutMs ?? 40 * MINUTE_MS, onOutput: options.onOutput })

export const logOf = (run) => `${run.stdout}${run.stderr}`

/** The `result` output, parsed (empty when the run set none). */
export function resultOf(run) {
  try {
    return JSON.parse(run.outputs.result ?? '{}')
  } catch {
    return {}
  }
}

/** The summary's "Instance-hours this run added": the action's own figure, as the summary prints it. */
export function summaryInstanceHours(run) {
  return /Instance-hours (?:this run added|this rollout would add):<\/strong> ([\d.]+)/.exec(run.summary)?.[1]
}

/** The lines of a run's log that say why it ended as it did: failed evaluations, warnings and errors. */
export function telltaleLines(run, limit = 8) {
  return logOf(run)
    .split('\n')
    .filter((line) => /FAILED|^::warning::|^::error::|Rolling back|rolled back|inconclusive \(/i.test(line))
    .slice(-limit)
}

export const ok = (entry) => !entry.fault && entry.status !== undefined && entry.status < 400
export const weightOf = (entry, variant) =>
  entry.body?.DesiredWeightsAndCapacities?.find((candidate) => candidate.VariantName === variant)?.DesiredWeight

/**
 * DescribeEndpoint of each endpoint every `everyMs`, straight to the emulator:
 * when its status, config and variants' current weights changed.
 */
export function watchEndpoints(aws, everyMs = 250) {
  const watched = new Map()
  let running = true
  const loop = (async () => {
    while (running) {
      const started = Date.now()
      await Promise.all(
        [...watched.entries()].map(async ([name, samples]) => {
          try {
            const endpoint = await aws.sagemaker.send(new DescribeEndpointCommand({ EndpointName: name }))
            samples.push({
              at: preciseNow(),
              status: endpoint.EndpointStatus,
              config: endpoint.EndpointConfigName,
              lastModified: endpoint.LastModifiedTime?.getTime(),
              weights: Object.fromEntries(
                (endpoint.ProductionVariants ?? []).map((variant) => [variant.VariantName, variant.CurrentWeight])
              )
            })
          } catch {
            // Not there yet, or gone: nothing to record.
          }
        })
      )
      await sleep(Math.max(0, everyMs - (Date.now() - started)))
    }
  })()
  return {
    add(name) {
      if (!watched.has(name)) watched.set(name, [])
      return watched.get(name)
    },
    samples: (name) => watched.get(name) ?? [],
    async stop() {
      running = false
      await loop
    }
  }
}

/** GET /emulator/fleet every `everyMs`: each endpoint's running instances over time. */
export function watchFleet(control, everyMs = 250) {
  const samples = []
  let running = true
  const loop = (async () => {
    while (running) {
      const started = Date.now()
      try {
        samples.push({ at: preciseNow(), fleet: await control.fleet() })
      } catch {
        // The next sample will do.
      }
      await sleep(Math.max(0, everyMs - (Date.now() - started)))
    }
  })()
  return {
    /** Instance-seconds of `endpoint` within the windows [from, to] (ms), from the samples as a step function. */
    instanceSecondsWithin(endpoint, windows) {
      let total = 0
      for (let index = 0; index + 1 < samples.length; index++) {
        const here = samples[index]
        const next = samples[index + 1]
        const count = here.fleet[endpoint]?.currentInstances ?? 0
        for (const [from, to] of windows) {
          const overlap = Math.min(next.at, to) - Math.max(here.at, from)
          if (overlap > 0) total += (count * overlap) / 1000
        }
      }
      return total
    },
    async stop() {
      running = false
      await loop
    }
  }
}

/**
 * `runs` bad and `runs` healthy rollouts, their starts spread over a minute so
 * that steps begin at every point of a minute.
 */
export function sideBySide(runs) {
  const plans = []
  for (let index = 1; index <= runs; index++) {
    plans.push({ kind: 'bad', index, startAfterMs: ((index - 1) * MINUTE_MS) / runs })
    plans.push({ kind: 'healthy', index, startAfterMs: ((index - 0.5) * MINUTE_MS) / runs })
  }
  return plans
}
