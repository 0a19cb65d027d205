/**
 * What the new model could not serve as asked is refused before any change,
 * naming the input and what to do instead: model data SageMaker would take
 * only as ModelDataSource on a serverless endpoint, and an environment above
 * the 32 KB SageMaker takes for a container, the carried variables counted.
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '../../../__fixtures__/core.js'
import type { FakeClock } from '../../../__fixtures__/clock.js'
import { changeCalls, FakeAws } from '../../../__fixtures__/fake-aws.js'
import { PLAIN_DEPLOY, withTraffic } from '../../../__fixtures__/rollout.js'
import { IMAGE, ROLE_ARN } from '../../../__fixtures__/sagemaker.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, resetAws, runAction } = await import('../../../__fixtures__/action.js')

let fake: FakeAws
let clock: FakeClock
beforeEach(() => {
  resetAws()
  fake = new FakeAws()
  fake.install(aws)
  clock = withTraffic(fake)
})

const deploy = PLAIN_DEPLOY

describe('a serverless endpoint', () => {
  beforeEach(() =>
    fake.seedEndpoint('fraud', 'fraud-sl-config', [
      {
        name: 'AllTraffic',
        weight: 1,
        count: 1,
        model: 'fraud-v1',
        fields: { ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 20 } }
      }
    ])
  )

  it.each([
    ['an uncompressed prefix', { 'model-data-url': 's3://models/fraud/v2/' }, 'model-data-url'],
    [
      'an accepted EULA',
      { 'model-data-url': 's3://models/fraud/v2/model.tar.gz', 'accept-eula': 'true' },
      'accept-eula'
    ]
  ])('refuses %s, which only ModelDataSource carries, before any change', async (_case, inputs, input) => {
    const result = await runAction({ ...deploy, ...inputs }, { clock })

    expect(result.failed).toBe(
      `Input "${input}" needs ModelDataSource, which SageMaker does not take for a serverless endpoint; nothing was changed. Give a model.tar.gz archive without accept-eula, or move the endpoint to instances with instance-type.`
    )
    expect(changeCalls(aws)).toEqual([])
  })

  it('takes a prefix once instance-type moves it to instances', async () => {
    const result = await runAction(
      { ...deploy, 'model-data-url': 's3://models/fraud/v2/', 'instance-type': 'ml.m5.large' },
      { clock }
    )

    expect(result.failed).toBeUndefined()
  })
})

describe('an environment above 32 KB', () => {
  it('is refused before any change, the carried variables counted', async () => {
    const carried = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`CARRIED_${i}`, 'c'.repeat(1000)]))
    fake.seedEndpoint(
      'fraud',
      'fraud-v1-config',
      [{ name: 'AllTraffic', weight: 1, count: 2, model: 'fraud-v1' }],
      {},
      { modelSpec: { ExecutionRoleArn: ROLE_ARN, PrimaryContainer: { Image: IMAGE, Environment: carried } } }
    )
    const inputs = Array.from({ length: 4 }, (_, i) => `INPUT_${i}=${'i'.repeat(1000)}`).join('\n')

    const result = await runAction({ ...deploy, 'model-environment': inputs }, { clock })

    expect(result.failed).toMatch(
      /^Input "model-environment" with the 30 variables carried from model "fraud-v1" comes to 34\d{3} bytes, above the 32 KB SageMaker takes for a container's environment; nothing was changed\./
    )
    expect(changeCalls(aws)).toEqual([])
  })
})
