/**
 * The shadow phase judged on the metrics of the same minutes, against the
 * stateful fake on a fake clock: the shadow's copies of the requests are its
 * evidence, published as CloudWatch publishes them (late), and a shadow that
 * fails rolls back before the canary joins.
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import { mockClient } from 'aws-sdk-client-mock'
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

  it('is planned by a dry run: the shadow config, its judged phase, then the canary, the shadow config deleted', async () => {
    const result = await runAction({ ...SHADOWED, 'dry-run': 'true' }, { clock })

    expect(result.failed).toBeUndefined()
    expect(changeCalls(aws)).toEqual([])
    const planned = core.log.slice(core.log.findIndex((line) => line.startsWith('Rollout plan:')) + 1)
    expect(planned[0]).toMatch(
      /^ {2}1\. Update the endpoint to fraud-\d{14}-\w{5}-shadow: fraud-v2 joins as the shadow of AllTraffic, a new fleet of 4 instances/
    )
    expect(planned[1]).toMatch(
      /^ {2}2\. Shadow phase: 50% of AllTraffic's requests copied to fraud-v2, its answers going nowhere, for 4m, .* A failed evaluation rolls back; so does a shadow phase the gates cannot judge\.$/
    )
    expect(planned[2]).toMatch(
      /joins at weight 0 beside the serving variants, .*; then delete fraud-\d{14}-\w{5}-shadow\.$/
    )
  })

  it('rolls back a shadow phase the gates cannot judge, even with on-inconclusive: pause (a shadow cannot pause)', async () => {
    // Nobody calls the endpoint: the shadow gets no copies, and nothing judges it.
    fake.cloudwatch.requestRates.set('fraud', 0)

    const result = await runAction({ ...SHADOWED, 'on-inconclusive': 'pause', 'max-data-delay': '2m' }, { clock })

    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expect(result.failed).toMatch(/^Rolled back: the gates could not judge the shadow phase \(/)
    const updates = changeCalls(aws).filter((call) => call.name === 'sagemaker.UpdateEndpoint')
    expect(updates.map((call) => call.input.EndpointConfigName)).toEqual([
      expect.stringMatching(/-shadow$/),
      'fraud-v1-config'
    ])
  })
})

describe('a shadow phase judged on its captured answers', () => {
  const s3 = mockClient(S3Client)
  beforeEach(() => {
    s3.reset()
    resetAws()
    fake = new FakeAws()
    fake.seedEndpoint(
      'fraud',
      'fraud-v1-config',
      [{ name: 'AllTraffic', weight: 1, count: 2, model: 'fraud-v1' }],
      { 'sagemaker-deploy:endpoint': 'fraud', 'sagemaker-deploy:role': 'release' },
      {
        configSettings: {
          DataCaptureConfig: {
            EnableCapture: true,
            InitialSamplingPercentage: 100,
            DestinationS3Uri: 's3://capture/dc',
            CaptureOptions: [{ CaptureMode: 'Input' }, { CaptureMode: 'Output' }]
          }
        }
      }
    )
    fake.install(aws)
    clock = withTraffic(fake)
  })

  it('waits past the bake for capture that comes late, and passes on the pairs it then finds', async () => {
    // SageMaker writes capture in batches: here nothing shows until two minutes after the first look, when the
    // bake of two evaluations (at 2 and 4 minutes) is over.
    let firstLook: number | undefined
    s3.on(ListObjectsV2Command).callsFake((input: { Prefix: string }) => {
      firstLook ??= clock.now()
      if (clock.now() <= firstLook + 120_000) return { Contents: [] }
      return { Contents: [{ Key: `${input.Prefix}2026/01/15/12/batch.jsonl` }], IsTruncated: false }
    })
    // Both variants answered the same two requests alike.
    s3.on(GetObjectCommand).callsFake(() => {
      const lines = ['u1', 'u2'].map((id) =>
        JSON.stringify({
          captureData: { endpointOutput: { data: '{"score":0.4}', encoding: 'JSON' } },
          eventMetadata: { inferenceId: id }
        })
      )
      return { Body: { transformToString: async () => lines.join('\n') } as never }
    })

    const result = await runAction(
      {
        ...CANARY_DEPLOY,
        'traffic-steps': '10,100',
        'shadow-percent': '50',
        'bake-time': '4m',
        'gate-interval': '2m',
        'probe-payload': '{"amount": 1}',
        'max-disagreement': '10%'
      },
      { clock }
    )

    expect(result.failed).toBeUndefined()
    expect(result.outputs['rollout-result']).toBe('succeeded')
    expect(core.log).toContain('Captured answers over the phase: 2 pairs, 0 differing.')
    // The summary's row for the phase says how many captured answers agreed.
    expect(result.summary).toMatch(
      /<td>shadow<\/td><td>a copy of 50%<\/td>(<td>[^<]*<\/td>){5}<td>answers 2\/2 agree<\/td>/
    )
    expect(s3.commandCalls(ListObjectsV2Command)[0]?.args[0].input).toMatchObject({
      Bucket: 'capture',
      Prefix: 'dc/fraud/fraud-v2/'
    })
  })
})
