// Rollouts through a proxy that fails 30% of every AWS call the action makes
// (throttling, 500 and 503, in each protocol's wire shape): the SDK's retries
// must absorb them so that no gate evaluation is lost, a healthy canary is
// promoted and a failing one is rolled back all the same. The gates are
// probes, judged at once: the gates that wait for CloudWatch are exercised
// in evidence.test.ts.

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'

import { ApplicationAutoScalingClient, DescribeScalableTargetsCommand } from '@aws-sdk/client-application-auto-scaling'
import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch'
import { DescribeEndpointCommand, ListEndpointsCommand, SageMakerClient } from '@aws-sdk/client-sagemaker'
import { InvokeEndpointCommand, SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime'

import { formatStats, startProxy, type FaultKind, type Proxy, type TimelineEntry } from '../../test/proxy/proxy.mjs'
import { emulatorControl } from '../../test/emulator/control.mjs'
import {
  TEST_ACCOUNT,
  TEST_REGION,
  TEST_ROLE_ARN,
  awsClients,
  runAction,
  seedModelAndEndpoint,
  startEmulator,
  type ActionRun,
  type AwsClients,
  type Emulator
} from './harness.js'

const FAULT_RATE = 0.3
// Another seed draws another fault sequence (FAULTS_SEED=n to reproduce one).
const SEED = Number(process.env.FAULTS_SEED ?? 2026)
const KINDS: FaultKind[] = ['throttle', '500', '503']
const STEPS = [25, 50, 75, 100]
const BAKE_SECONDS = 2
const GATE_INTERVAL_SECONDS = 1
const PROBE_COUNT = 2
const WEIGHT_CHANGES = 'sagemaker.UpdateEndpointWeightsAndCapacities'

let emulator: Emulator
let aws: AwsClients
let proxy: Proxy | undefined
const figures: string[] = []

beforeAll(async () => {
  emulator = await startEmulator({ transitionSeconds: 0.5 })
  aws = awsClients(emulator)
}, 60_000)

afterAll(async () => {
  aws?.destroy()
  await emulator?.stop()
  if (figures.length) console.log(`Fault-injection figures\n\n${figures.join('\n\n')}`)
})

beforeEach(async () => {
  await emulator.reset()
})

afterEach(async () => {
  await proxy?.close()
  proxy = undefined
})

interface Evaluation {
  verdict: 'passed' | 'failed' | 'inconclusive'
  probesSent?: number
}
interface Step {
  weight: number
  verdict: string
  evaluations: Evaluation[]
}

function rolloutSteps(run: ActionRun): Step[] {
  const result = JSON.parse(run.outputs.result ?? '{}') as { rollout?: { steps?: Step[] } }
  return result.rollout?.steps ?? []
}

function canaryInputs(endpoint: string): Record<string, string> {
  return {
    operation: 'deploy',
    'endpoint-name': endpoint,
    'image-uri': `${TEST_ACCOUNT}.dkr.ecr.${TEST_REGION}.amazonaws.com/model:v2`,
    'execution-role-arn': TEST_ROLE_ARN,
    'model-name': `${endpoint}-v2`,
    'variant-name': 'canary',
    strategy: 'canary',
    'traffic-steps': STEPS.join(','),
    'bake-time': `${BAKE_SECONDS}s`,
    'gate-interval': `${GATE_INTERVAL_SECONDS}s`,
    'probe-payload': '{"amount": 12.5}',
    'probe-count': String(PROBE_COUNT)
  }
}

/** The canary's weight in each weight change that reached the emulator, in order. */
function canaryWeights(timeline: TimelineEntry[]): number[] {
  return timeline
    .filter((entry) => entry.key === WEIGHT_CHANGES && !entry.fault && (entry.status ?? 500) < 400)
    .map((entry) => {
      const body = entry.body as { DesiredWeightsAndCapacities?: Array<{ VariantName: string; DesiredWeight: number }> }
      return body.DesiredWeightsAndCapacities?.find((variant) => variant.VariantName === 'canary')?.DesiredWeight ?? -1
    })
}

function record(title: string, run: ActionRun, p: Proxy, extra: string[] = []): void {
  const stats = p.stats()
  const kinds = KINDS.map((kind) => `${kind} ${stats.faultsByKind[kind] ?? 0}`).join(', ')
  figures.push(
    [
      `${title}: rollout-result ${run.outputs['rollout-result']}, ${(run.durationMs / 1000).toFixed(1)} s`,
      `faults injected: ${stats.faults} of ${stats.total} AWS requests (${kinds})`,
      ...extra,
      formatStats(stats)
    ].join('\n')
  )
}

describe('the proxy', () => {
  it.each(KINDS)(
    'answers a %s fault in the shape each SDK client reads, and the SDK retries it',
    async (kind) => {
      proxy = await startProxy({ target: emulator.url, seed: 7, faults: { rate: 1, kinds: [kind] } })
      const config = (maxAttempts: number) => ({
        endpoint: proxy?.url ?? '',
        region: TEST_REGION,
        credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
        maxAttempts
      })
      const expected =
        kind === 'throttle'
          ? { status: 400, names: ['ThrottlingException', 'Throttling'], fault: 'client' }
          : {
              status: Number(kind),
              names: [kind === '500' ? 'InternalFailure' : 'ServiceUnavailable'],
              fault: 'server'
            }
      const clients = {
        sagemaker: new SageMakerClient(config(1)),
        cloudwatch: new CloudWatchClient(config(1)),
        autoscaling: new ApplicationAutoScalingClient(config(1)),
        runtime: new SageMakerRuntimeClient(config(1)),
        retrying: new SageMakerClient(config(10))
      }
      const calls = [
        () => clients.sagemaker.send(new ListEndpointsCommand({})),
        () => clients.cloudwatch.send(new DescribeAlarmsCommand({})),
        () => clients.autoscaling.send(new DescribeScalableTargetsCommand({ ServiceNamespace: 'sagemaker' })),
        () => clients.runtime.send(new InvokeEndpointCommand({ EndpointName: 'x', Body: '{}' }))
      ]
      for (const call of calls) {
        const error = (await call().catch((caught: unknown) => caught)) as {
          name: string
          $fault: string
          $metadata: { httpStatusCode: number }
        }
        expect(expected.names).toContain(error.name)
        expect(error.$metadata.httpStatusCode).toBe(expected.status)
        expect(error.$fault).toBe(expected.fault)
      }
      expect(proxy.stats().apis).toEqual({
        'sagemaker.ListEndpoints': expect.objectContaining({ calls: 1, faults: 1 }),
        'cloudwatch.DescribeAlarms': expect.objectContaining({ calls: 1, faults: 1 }),
        'autoscaling.DescribeScalableTargets': expect.objectContaining({ calls: 1, faults: 1 }),
        'runtime.InvokeEndpoint': expect.objectContaining({ calls: 1, faults: 1 })
      })

      // Every other request fails: a client with retries gets through.
      proxy.setFaults({ rate: 0.5, kinds: [kind] })
      proxy.reset(3)
      for (let i = 0; i < 5; i++) await clients.retrying.send(new ListEndpointsCommand({}))
      expect(proxy.okCalls('ListEndpoints')).toBe(5)
      expect(proxy.stats().faults).toBeGreaterThan(0)
      for (const client of Object.values(clients)) if (typeof client !== 'function') client.destroy()
    },
    120_000
  )

  it('draws the same faults from the same seed', async () => {
    const plan = { rate: 0.3, kinds: KINDS }
    const sequence = async (seed: number): Promise<Array<string | undefined>> => {
      const p = await startProxy({ target: emulator.url, seed, faults: plan })
      const client = new SageMakerClient({
        endpoint: p.url,
        region: TEST_REGION,
        credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
        maxAttempts: 1
      })
      for (let i = 0; i < 30; i++) await client.send(new ListEndpointsCommand({})).catch(() => undefined)
      const faults = p.timeline().map((entry) => entry.fault)
      client.destroy()
      await p.close()
      return faults
    }
    const first = await sequence(11)
    expect(await sequence(11)).toEqual(first)
    expect(await sequence(12)).not.toEqual(first)
    expect(first.filter(Boolean).length).toBeGreaterThan(0)
  }, 60_000)
})

describe(`a canary rollout with ${FAULT_RATE * 100}% of every AWS call failing`, () => {
  it('completes, promotes, and judges every gate evaluation', async () => {
    const endpoint = 'faults-promote'
    const seeded = await seedModelAndEndpoint(aws.sagemaker, { endpointName: endpoint })
    proxy = await startProxy({
      target: emulator.url,
      seed: SEED,
      faults: { rate: FAULT_RATE, kinds: KINDS },
      captureBodies: [WEIGHT_CHANGES]
    })
    const run = await runAction({ inputs: canaryInputs(endpoint), emulator: proxy.url, timeoutMs: 280_000 })
    if (run.exitCode !== 0) throw new Error(`the action failed:\n${run.stdout}\n${run.stderr}`)

    expect(run.outputs['rollout-result']).toBe('succeeded')
    const steps = rolloutSteps(run)
    expect(steps.map((step) => [step.weight, step.verdict])).toEqual(STEPS.map((weight) => [weight, 'passed']))
    const evaluations = steps.flatMap((step) => step.evaluations)
    const perStep = Math.ceil(BAKE_SECONDS / GATE_INTERVAL_SECONDS)
    expect(evaluations).toHaveLength(STEPS.length * perStep)
    for (const evaluation of evaluations) {
      expect(evaluation.verdict).toBe('passed')
      expect(evaluation.probesSent).toBe(PROBE_COUNT)
    }

    // No evaluation was skipped or judged on a failed call: each sent its probes, and each probe got through.
    expect(proxy.okCalls('runtime.InvokeEndpoint')).toBe(evaluations.length * PROBE_COUNT)
    expect(canaryWeights(proxy.timeline())).toEqual(STEPS)

    // Every API had the same odds of failing (an API called a few times may
    // draw none); the gates' own calls did fail.
    const stats = proxy.stats()
    expect(stats.faults / stats.total).toBeGreaterThan(0.2)
    expect(stats.faults / stats.total).toBeLessThan(0.4)
    for (const kind of KINDS) expect(stats.faultsByKind[kind]).toBeGreaterThan(0)
    expect(stats.apis['runtime.InvokeEndpoint']?.faults).toBeGreaterThan(0)

    const final = await aws.sagemaker.send(new DescribeEndpointCommand({ EndpointName: endpoint }))
    expect(final.EndpointStatus).toBe('InService')
    expect(final.EndpointConfigName).toBe(run.outputs['endpoint-config-name'])
    expect(final.EndpointConfigName).not.toBe(seeded.configName)
    // Promoted under the serving variant's name: only the canary phase was named "canary".
    expect(final.ProductionVariants?.map((variant) => variant.VariantName)).toEqual(['AllTraffic'])

    record('Promoted canary', run, proxy, [
      `gate evaluations: ${evaluations.length} judged, ${proxy.okCalls('InvokeEndpoint')} probes answered`
    ])
  }, 300_000)

  it('still rolls back when the canary starts failing at the second step', async () => {
    const endpoint = 'faults-rollback'
    const seeded = await seedModelAndEndpoint(aws.sagemaker, { endpointName: endpoint })
    let fired: Promise<void> | undefined
    proxy = await startProxy({
      target: emulator.url,
      seed: SEED + 1,
      faults: { rate: FAULT_RATE, kinds: KINDS },
      captureBodies: [WEIGHT_CHANGES],
      onRequest: (entry) => {
        const body = entry.body as {
          DesiredWeightsAndCapacities?: Array<{ VariantName: string; DesiredWeight: number }>
        }
        const canary = body?.DesiredWeightsAndCapacities?.find((variant) => variant.VariantName === 'canary')
        if (entry.key === WEIGHT_CHANGES && canary?.DesiredWeight === 50)
          fired ??= emulatorControl(emulator).failInvocations({ endpoint, variant: 'canary' })
      }
    })
    const run = await runAction({ inputs: canaryInputs(endpoint), emulator: proxy.url, timeoutMs: 280_000 })
    await fired

    expect(run.exitCode).toBe(1)
    expect(run.outputs['rollout-result']).toBe('rolled-back')
    expect(run.outputs['rolled-back']).toBe('true')
    const steps = rolloutSteps(run)
    expect(steps.map((step) => [step.weight, step.verdict])).toEqual([
      [25, 'passed'],
      [50, 'failed']
    ])
    const evaluations = steps.flatMap((step) => step.evaluations)
    expect(evaluations.at(-1)).toMatchObject({ verdict: 'failed' })
    expect(run.stdout).toContain('probe to canary failed')

    // Traffic came off the canary first, then the previous config returned.
    const timeline = proxy.timeline()
    expect(canaryWeights(timeline)).toEqual([25, 50, 0])
    const ok = (entry: TimelineEntry): boolean => !entry.fault && (entry.status ?? 500) < 400
    const offCanary = timeline.findIndex(
      (entry) => ok(entry) && entry.key === WEIGHT_CHANGES && canaryWeights([entry])[0] === 0
    )
    const restore = timeline.findIndex(
      (entry, index) => index > offCanary && ok(entry) && entry.api === 'UpdateEndpoint'
    )
    expect(offCanary).toBeGreaterThan(0)
    expect(restore).toBeGreaterThan(offCanary)

    const final = await aws.sagemaker.send(new DescribeEndpointCommand({ EndpointName: endpoint }))
    expect(final.EndpointStatus).toBe('InService')
    expect(final.EndpointConfigName).toBe(seeded.configName)
    expect(final.ProductionVariants?.map((variant) => [variant.VariantName, variant.CurrentWeight])).toEqual([
      ['AllTraffic', 1]
    ])

    record('Rolled-back canary (failing at 50%)', run, proxy, [
      `gate evaluations: ${evaluations.length} judged (the last one failed)`
    ])
  }, 300_000)
})
