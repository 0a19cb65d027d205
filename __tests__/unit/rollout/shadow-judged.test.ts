/**
 * The shadow phase judged on the metrics of the same minutes, against the
 * stateful fake on a fake clock: the shadow's copies of the requests are its
 * evidence, published as CloudWatch publishes them (late), and a shadow that
 * fails rolls back before the canary joins.
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '../../../__fixtures__/core.js'
import { changeCalls, FakeAws } from '../../../__fixtures__/fake-aws.js'
import type { FakeClock } from '../../../__fixtures__/clock.js'
import { CANARY_DEPLOY, seedServingEndpoint, withTraffic } from '../../../__fixtures__/rollout.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, resetAws, runAction } = await import('../../../__fixtures__/action.js')

const SHADOWED = {
  ...CANARY_DEPLOY,
  'traffic-steps': '10,100',
  'shadow-percent': '50',
  'max-error-rate': '1%',
  'bake-time': '4m',
  'gate-interval': '2m'
}

let fake: FakeAws
let clock: FakeClock
beforeEach(() => {
  resetAws()
  fake = new FakeAws()
  seedServingEndpoint(fake, 2)
  fake.install(aws)
  clock = withTraffic(fake)
})

describe('a shadow phase judged on its metrics', () => {
  it('rolls back a shadow whose copies fail, before the canary joins or any weight moves', async () => {
    fake.cloudwatch.setBehaviour('fraud-v2', { errorRate: 0.2, latencyP99Ms: 40 })

    const result = await runAction({ ...SHADOWED, 'max-error-rate-increase': '1%' }, { clock })

    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expect(result.failed).toMatch(
      /^Rolled back: a failed gate evaluation in the shadow phase: error rate 2\d\.\d\d% \(\d+ 5XX of \d+\) in 12:00–12:02 UTC above max-error-rate 1\.00%.*; max-error-rate-increase: fraud-v2 2\d\.\d\d% \(\d+ of \d+\) vs baseline 0\.00% \(0 of 2400\) over the same minutes/
    )
    const calls = changeCalls(aws)
    const configs = calls.filter((call) => call.name === 'sagemaker.CreateEndpointConfig')
    const shadowConfig = configs.find((call) => String(call.input.EndpointConfigName).endsWith('-shadow'))
    expect(shadowConfig?.input).toMatchObject({
      ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: 'fraud-v1', InitialVariantWeight: 1 }],
      ShadowProductionVariants: [{ VariantName: 'fraud-v2', ModelName: 'fraud-v2', InitialVariantWeight: 0.5 }]
    })
    // The endpoint went to the shadow config and back to the previous one: never to the canary config.
    expect(
      calls.filter((call) => call.name === 'sagemaker.UpdateEndpoint').map((call) => call.input.EndpointConfigName)
    ).toEqual([shadowConfig?.input.EndpointConfigName, 'fraud-v1-config'])
    expect(calls.some((call) => call.name === 'sagemaker.UpdateEndpointWeightsAndCapacities')).toBe(false)
    // The summary's row for the phase: the copies it answered, its error rate beside the serving variant's.
    expect(result.summary).toMatch(
      /<td>shadow<\/td><td>a copy of 50%<\/td><td>[^<]+<\/td><td>[\d,]+<\/td><td>2\d\.\d+% \(baseline 0\.00%\)<\/td>/
    )
  })

  it('goes on from a healthy shadow to the canary steps, judged on the copies it answered', async () => {
    const result = await runAction(SHADOWED, { clock })

    expect(result.failed).toBeUndefined()
    expect(result.outputs['rollout-result']).toBe('succeeded')
    const rows = [
      ...result.summary.matchAll(/<tr><td>(shadow|\d)<\/td><td>([^<]+)<\/td><td>[^<]+<\/td><td>([\d,]+)<\/td>/g)
    ]
    expect(rows.map((row) => [row[1], row[2]])).toEqual([
      ['shadow', 'a copy of 50%'],
      ['1', '10%'],
      ['2', '100%']
    ])
    // Half the serving variant's requests were copied: 20 x 0.5 a second, 600 a minute, over the phase's minutes.
    expect(Number(rows[0]?.[3]?.replace(/,/g, ''))).toBeGreaterThan(1000)
    // The shadow config went once the canary had joined.
    const deleted = changeCalls(aws)
      .filter((call) => call.name === 'sagemaker.DeleteEndpointConfig')
      .map((call) => String(call.input.EndpointConfigName))
    expect(deleted.some((name) => name.endsWith('-shadow'))).toBe(true)
  })
})
