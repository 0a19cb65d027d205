/**
 * A release keeps the name the endpoint served under: the new model serves as
 * the serving variant once promoted, so alarms, dashboards and autoscaling
 * keyed on that name cover every model it serves. Only the canary phase uses
 * a second name, derived from the model, never one a serving variant has.
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '../../../__fixtures__/core.js'
import type { FakeClock } from '../../../__fixtures__/clock.js'
import { variantResourceId } from '../../../__fixtures__/autoscaling.js'
import { changeCalls, FakeAws, weightShifts } from '../../../__fixtures__/fake-aws.js'
import { CANARY_DEPLOY, seedServingEndpoint, withTraffic } from '../../../__fixtures__/rollout.js'
import { IMAGE } from '../../../__fixtures__/sagemaker.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, resetAws, runAction } = await import('../../../__fixtures__/action.js')

const canary = { ...CANARY_DEPLOY, 'traffic-steps': '10,100', 'bake-time': '4m', 'max-error-rate': '1%' }
const SERVING = variantResourceId('fraud', 'AllTraffic')

let fake: FakeAws
let clock: FakeClock
beforeEach(() => {
  resetAws()
  fake = new FakeAws()
  fake.install(aws)
  clock = withTraffic(fake)
})

function clearHistory(): void {
  for (const client of Object.values(aws)) client.resetHistory()
}

/** The variants of the config the endpoint runs on, as name to model. */
function serving(): Record<string, string | undefined> {
  const config = fake.configs.get(fake.endpoint('fraud').config)
  return Object.fromEntries((config?.variants ?? []).map((variant) => [variant.VariantName, variant.ModelName]))
}

/** The variants each config the run created names, in order. */
function createdConfigVariants(): string[][] {
  return changeCalls(aws)
    .filter((call) => call.name === 'sagemaker.CreateEndpointConfig')
    .map((call) => (call.input.ProductionVariants as Array<{ VariantName: string }>).map((v) => v.VariantName))
}

/** The variants the dashboard the run wrote has a row for. */
function dashboardVariants(): string[] {
  const put = changeCalls(aws).find((call) => call.name === 'cloudwatch.PutDashboard')
  const body = JSON.parse(String(put?.input.DashboardBody ?? '{}')) as {
    widgets: Array<{ type: string; properties: { markdown?: string } }>
  }
  return body.widgets.flatMap((widget) => /^### Variant (.+)$/.exec(widget.properties.markdown ?? '')?.slice(1) ?? [])
}

describe('two canary releases in a row', () => {
  beforeEach(() => {
    seedServingEndpoint(fake, 2)
    fake.seedScaling('fraud', 'AllTraffic', { min: 2, max: 6 })
  })

  it('serve under the same variant name, each canary under its own, and autoscaling and the dashboard follow', async () => {
    const first = await runAction({ ...canary, dashboard: 'true' }, { clock })

    expect(first.outputs['rollout-result']).toBe('succeeded')
    expect(first.outputs['variant-name']).toBe('AllTraffic')
    expect(createdConfigVariants()).toEqual([['AllTraffic', 'fraud-v2'], ['AllTraffic']])
    expect(serving()).toEqual({ AllTraffic: 'fraud-v2' })
    expect(dashboardVariants()).toEqual(['AllTraffic'])

    clock.advance(10 * 60_000)
    clearHistory()
    const second = await runAction({ ...canary, 'model-name': 'fraud-v3', dashboard: 'true' }, { clock })

    expect(second.outputs['rollout-result']).toBe('succeeded')
    expect(second.outputs['previous-endpoint-config-name']).toBe(first.outputs['endpoint-config-name'])
    // The second canary serves beside AllTraffic under the third model's name, then takes AllTraffic's.
    expect(createdConfigVariants()).toEqual([['AllTraffic', 'fraud-v3'], ['AllTraffic']])
    expect(weightShifts(changeCalls(aws))).toEqual([
      { AllTraffic: 90, 'fraud-v3': 10 },
      { AllTraffic: 0, 'fraud-v3': 100 }
    ])
    expect(serving()).toEqual({ AllTraffic: 'fraud-v3' })
    expect(second.outputs['variant-name']).toBe('AllTraffic')
    expect(dashboardVariants()).toEqual(['AllTraffic'])
    // The scaling registered before the first release still covers the endpoint, never deregistered.
    expect(changeCalls(aws).map((call) => call.name)).not.toContain('autoscaling.DeregisterScalableTarget')
    expect([...fake.scalableTargets.keys()]).toEqual([SERVING])
  })

  it('can be undone by rollback, which returns the previous model under the same name and leaves the scaling', async () => {
    const first = await runAction(canary, { clock })
    await runAction({ ...canary, 'model-name': 'fraud-v3' }, { clock })
    clearHistory()

    const rolledBack = await runAction({ operation: 'rollback', 'endpoint-name': 'fraud' }, { clock })

    expect(rolledBack.failed).toBeUndefined()
    expect(fake.endpoint('fraud').config).toBe(first.outputs['endpoint-config-name'])
    expect(serving()).toEqual({ AllTraffic: 'fraud-v2' })
    expect(changeCalls(aws).map((call) => call.name)).toEqual(['sagemaker.UpdateEndpoint'])
    expect([...fake.scalableTargets.keys()]).toEqual([SERVING])
  })
})

describe('the canary phase name', () => {
  it('is variant-name when given; the release still takes the serving name', async () => {
    seedServingEndpoint(fake, 1)

    const result = await runAction({ ...canary, 'variant-name': 'challenger' }, { clock })

    expect(result.outputs['rollout-result']).toBe('succeeded')
    expect(createdConfigVariants()).toEqual([['AllTraffic', 'challenger'], ['AllTraffic']])
    expect(serving()).toEqual({ AllTraffic: 'fraud-v2' })
  })

  it("is the paused canary's own, in the outputs, until promote releases it under the serving name", async () => {
    seedServingEndpoint(fake, 1)

    const paused = await runAction({ ...canary, 'traffic-steps': '10' }, { clock })
    expect(paused.outputs['variant-name']).toBe('fraud-v2')
    clock.advance(10 * 60_000)
    const promoted = await runAction(
      { operation: 'promote', 'endpoint-name': 'fraud', 'bake-time': '4m', 'max-error-rate': '1%' },
      { clock }
    )

    expect(promoted.outputs['variant-name']).toBe('AllTraffic')
    expect(serving()).toEqual({ AllTraffic: 'fraud-v2' })
  })

  it("keeps off a serving variant's name: one already named after the model gets the model's name with -canary", async () => {
    // Named by hand after the model it is about to run, or by a release of an earlier version of the action.
    fake.seedEndpoint('fraud', 'fraud-v1-config', [{ name: 'fraud-v2', weight: 1, count: 1, model: 'fraud-v1' }])

    const result = await runAction(canary, { clock })

    expect(result.outputs['rollout-result']).toBe('succeeded')
    expect(createdConfigVariants()).toEqual([['fraud-v2', 'fraud-v2-canary'], ['fraud-v2']])
    expect(serving()).toEqual({ 'fraud-v2': 'fraud-v2' })
  })
})

describe('the serving name of an endpoint with several variants', () => {
  beforeEach(() => {
    fake.seedEndpoint('fraud', 'fraud-ab-config', [
      { name: 'Challenger', weight: 30, count: 1, model: 'fraud-b' },
      { name: 'Champion', weight: 70, count: 2, model: 'fraud-a' }
    ])
  })

  it("is the one with the largest share: a canary's release takes it", async () => {
    const result = await runAction(canary, { clock })

    expect(result.outputs['rollout-result']).toBe('succeeded')
    expect(serving()).toEqual({ Champion: 'fraud-v2' })
  })

  it('and an all-at-once deploy takes it too, rather than a name neither had', async () => {
    const result = await runAction(
      { ...canary, strategy: 'all-at-once', 'traffic-steps': '100', 'image-uri': IMAGE },
      { clock }
    )

    expect(result.failed).toBeUndefined()
    expect(result.outputs['variant-name']).toBe('Champion')
    expect(serving()).toEqual({ Champion: 'fraud-v2' })
  })
})
