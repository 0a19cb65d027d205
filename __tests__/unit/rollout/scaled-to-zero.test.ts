/**
 * An asynchronous endpoint may be scaled to zero instances. The new variant
 * is sized like the serving one, from the instances it serves with now:
 * zero would be a fleet that serves nothing, and SageMaker takes at least one
 * instance for a variant. So it starts with the serving config's initial
 * count, at least one.
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '../../../__fixtures__/core.js'
import type { FakeClock } from '../../../__fixtures__/clock.js'
import { changeCalls, FakeAws } from '../../../__fixtures__/fake-aws.js'
import { PLAIN_DEPLOY, withTraffic } from '../../../__fixtures__/rollout.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, resetAws, runAction } = await import('../../../__fixtures__/action.js')

let fake: FakeAws
let clock: FakeClock
beforeEach(() => {
  resetAws()
  fake = new FakeAws()
  fake.install(aws)
  clock = withTraffic(fake, 0)
})

/** An asynchronous endpoint whose one variant autoscaling has taken to zero instances. */
function seedScaledToZero(initialCount?: number): void {
  fake.seedEndpoint(
    'fraud',
    'fraud-v1-config',
    [{ name: 'AllTraffic', weight: 1, count: 0, model: 'fraud-v1', ...(initialCount ? { initialCount } : {}) }],
    { 'sagemaker-deploy:endpoint': 'fraud', 'sagemaker-deploy:role': 'release' },
    { configSettings: { AsyncInferenceConfig: { OutputConfig: { S3OutputPath: 's3://fraud-async/out' } } } }
  )
}

const deploy = PLAIN_DEPLOY

function newVariantCount(): unknown {
  const [config] = changeCalls(aws).filter((call) => call.name === 'sagemaker.CreateEndpointConfig')
  return (config?.input.ProductionVariants as Array<Record<string, unknown>>)[0]?.InitialInstanceCount
}

describe('an asynchronous endpoint scaled to zero', () => {
  it("gives the new variant the serving config's initial count, not a fleet of zero", async () => {
    seedScaledToZero(3)

    const result = await runAction(deploy, { clock })

    expect(result.failed).toBeUndefined()
    expect(newVariantCount()).toBe(3)
    expect(result.summary).toContain(
      `<tr><td><code>InitialInstanceCount</code></td><td>3</td><td>inherited from variant &quot;AllTraffic&quot;: it is scaled to zero, so its config's initial count, at least one instance</td></tr>`
    )
  })

  it('gives it at least one instance', async () => {
    seedScaledToZero()

    const result = await runAction(deploy, { clock })

    expect(result.failed).toBeUndefined()
    expect(newVariantCount()).toBe(1)
  })

  it('gives it what instance-count says', async () => {
    seedScaledToZero(3)

    await runAction({ ...deploy, 'instance-count': '2' }, { clock })

    expect(newVariantCount()).toBe(2)
  })
})
