// The shadow phase (shadow-percent), through the bundled action against the
// emulator: the new model runs as a shadow of the serving variant, gets a
// copy of the requests and answers nobody; data capture holds both variants'
// answers to the same InferenceId, and the action compares them. A model that
// answers wrong is rolled back from the shadow, having served no user request;
// a healthy one goes on to its canary steps and is promoted.

import { describe, expect, it } from '@jest/globals'
import { CreateBucketCommand } from '@aws-sdk/client-s3'
import { captureEverything, seedModelAndEndpoint } from './harness.js'
import {
  describeEndpoint,
  expectFailure,
  expectSuccess,
  image,
  inventory,
  summaryTable,
  useScenario
} from './scenario.js'

const s = useScenario()

const NEW_MODEL = 'scorer-m2'
const SEED_MODEL_OF = (endpoint: string): string => `${endpoint}-alltraffic-model`

/** The serving model answers this, within the jitter; so does a healthy new one. */
const SERVING_ANSWER = { score: 0.4 }

const SHADOW_INPUTS = {
  strategy: 'canary',
  'traffic-steps': '10,100',
  'bake-time': '3s',
  'gate-interval': '1s',
  'shadow-percent': '100',
  'probe-payload': '{"amount": 12.5}',
  'probe-count': '4',
  'max-disagreement': '10%',
  'compare-path': '$.score',
  'compare-tolerance': '0.05',
  'max-data-delay': '20s'
}

async function seedCapturing(endpointName: string): Promise<void> {
  await s.aws.s3.send(new CreateBucketCommand({ Bucket: 'capture' }))
  await seedModelAndEndpoint(s.aws.sagemaker, {
    endpointName,
    configSettings: captureEverything('s3://capture/datacapture')
  })
  await s.control.setModelBehaviour({ match: SEED_MODEL_OF(endpointName), answer: SERVING_ANSWER, jitter: 0.01 })
}

describe('shadow phase', () => {
  it('rolls back from the shadow a model that answers fast and wrong, before it serves a user request', async () => {
    const endpoint = 'shadowed'
    await seedCapturing(endpoint)
    await s.control.setModelBehaviour({
      match: NEW_MODEL,
      answer: SERVING_ANSWER,
      wrongAnswer: { score: 0.95 },
      wrongRate: 0.5
    })
    // Users' requests all through: the shadow gets copies of them, and serves none.
    await s.control.setTraffic(endpoint, 10)

    const run = await s.deploy(endpoint, { 'image-uri': image('2.0.0'), 'model-name': NEW_MODEL, ...SHADOW_INPUTS })

    const errors = expectFailure(run)
    expect(run.outputs['rollout-result']).toBe('rolled-back')
    expect(errors[0]).toMatch(
      /^Rolled back: (a failed gate evaluation in the shadow phase: )?the shadow's answers differ from AllTraffic's in \d+ of \d+ captured requests, more than max-disagreement 10% \(first: \$\.score 0\.95 against 0\.(39|4)/
    )
    // It never joined as a canary: no weight moved, no canary config went live.
    expect(run.stdout).not.toMatch(/Adding scorer-m2 beside the serving variants|Shifting \d+% of traffic/)
    const stats = (await s.control.trafficStats())[endpoint]
    await s.control.stopTraffic(endpoint)
    const atNew = stats?.variants[NEW_MODEL]
    // Everything it served was a copy: no user request, and no probe, reached it.
    expect(atNew?.copies).toBeGreaterThan(0)
    expect(atNew?.requests).toBe(atNew?.copies)
    expect(summaryTable(run.summary, 'Step')).toContainEqual(
      expect.arrayContaining([
        'shadow',
        'a copy of 100%',
        expect.stringMatching(/^answers \d+\/\d+ agree$/),
        '❌ failed'
      ])
    )
    const described = await describeEndpoint(s.aws, endpoint)
    expect(described).toMatchObject({ EndpointStatus: 'InService', EndpointConfigName: `${endpoint}-seed-config` })
    expect(described.ShadowProductionVariants ?? []).toEqual([])
    expect((await inventory(s.aws)).configs).toEqual([`${endpoint}-seed-config`])
  })

  it('promotes a healthy model from its shadow phase through a dark step and its canary steps', async () => {
    const endpoint = 'shadowed-ok'
    await seedCapturing(endpoint)
    await s.control.setModelBehaviour({ match: NEW_MODEL, answer: SERVING_ANSWER, jitter: 0.02 })

    const run = expectSuccess(
      await s.deploy(endpoint, {
        'image-uri': image('2.0.0'),
        'model-name': NEW_MODEL,
        ...SHADOW_INPUTS,
        'traffic-steps': '0,10,100',
        'probe-expect': '$.score between 0 and 1'
      })
    )

    expect(run.outputs['rollout-result']).toBe('succeeded')
    expect(run.stdout).toMatch(/Captured answers over the phase: [1-9]\d* pairs, 0 differing/)
    const rows = summaryTable(run.summary, 'Step')
    expect(rows.map((row) => [row[0], row[1]])).toEqual([
      ['shadow', 'a copy of 100%'],
      ['1', '0%'],
      ['2', '10%'],
      ['3', '100%']
    ])
    const described = await describeEndpoint(s.aws, endpoint)
    expect(described.ProductionVariants?.map((variant) => variant.VariantName)).toEqual(['AllTraffic'])
    // The shadow and canary configs served the rollout only; the seed config stays, the rollback target.
    expect((await inventory(s.aws)).configs).toEqual([described.EndpointConfigName, `${endpoint}-seed-config`].sort())
  })
})
