/**
 * all-at-once with gates: one step of 100%, judged after SageMaker has
 * switched the endpoint to the new config; a failed gate switches it back.
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '../../../__fixtures__/core.js'
import type { FakeClock } from '../../../__fixtures__/clock.js'
import { changeCalls, FakeAws } from '../../../__fixtures__/fake-aws.js'
import { IMAGE, ROLE_ARN } from '../../../__fixtures__/sagemaker.js'

import { seedServingEndpoint, withTraffic } from '../../../__fixtures__/rollout.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, awsCallNames, resetAws, runAction } = await import('../../../__fixtures__/action.js')

const allAtOnce = {
  operation: 'deploy',
  'endpoint-name': 'fraud',
  'image-uri': IMAGE,
  'execution-role-arn': ROLE_ARN,
  'model-name': 'fraud-v2',
  'bake-time': '10m',
  'gate-interval': '2m',
  'max-error-rate': '1%'
}

let fake: FakeAws
beforeEach(() => {
  resetAws()
  fake = new FakeAws()
  seedServingEndpoint(fake)
  fake.install(aws)
  clock = withTraffic(fake)
})
let clock: FakeClock

/** The new model errs once it serves: the variant keeps its name, so only the model behind it tells them apart. */
function newModelErrs(): void {
  fake.cloudwatch.setBehaviour('fraud-v2', { errorRate: 0.4, latencyP99Ms: 40 })
}

describe('all-at-once with gates', () => {
  it('switches configs, then judges one step of 100%', async () => {
    const result = await runAction(allAtOnce, { clock })

    expect(result.failed).toBeUndefined()
    expect(result.outputs['rollout-result']).toBe('succeeded')
    expect(result.outputs['rolled-back']).toBe('false')
    const releaseConfig = result.outputs['endpoint-config-name'] as string
    expect(changeCalls(aws)).toEqual([
      { name: 'sagemaker.CreateModel', input: expect.objectContaining({ ModelName: 'fraud-v2' }) },
      {
        name: 'sagemaker.CreateEndpointConfig',
        input: expect.objectContaining({
          EndpointConfigName: releaseConfig,
          ProductionVariants: [
            {
              VariantName: 'AllTraffic',
              ModelName: 'fraud-v2',
              InstanceType: 'ml.m5.large',
              InitialInstanceCount: 1,
              InitialVariantWeight: 1
            }
          ]
        })
      },
      { name: 'sagemaker.UpdateEndpoint', input: { EndpointName: 'fraud', EndpointConfigName: releaseConfig } }
    ])
    // Every gate evaluation comes after the switch.
    const names = awsCallNames()
    expect(names.indexOf('cloudwatch.GetMetricData')).toBeGreaterThan(names.indexOf('sagemaker.UpdateEndpoint'))
    const output = JSON.parse(result.outputs.result ?? '{}') as {
      rollout: {
        steps: Array<{
          weight: number
          verdict: string
          startedAt: number
          evaluations: Array<{ window?: { from: number } }>
        }>
      }
    }
    expect(output.rollout.steps).toHaveLength(1)
    const [step] = output.rollout.steps
    expect(step).toMatchObject({ weight: 100, verdict: 'passed' })
    // The variant keeps its name, so the minute of the switch holds both models' requests: judging starts after it.
    const judged = (step?.evaluations ?? []).flatMap((evaluation) =>
      evaluation.window ? [evaluation.window.from] : []
    )
    expect(judged[0]).toBe(Math.ceil((step?.startedAt ?? 0) / 60_000) * 60_000)

    const state = fake.endpoint('fraud')
    expect(state.config).toBe(releaseConfig)
    expect(state.variants).toEqual([{ name: 'AllTraffic', weight: 1, count: 1 }])
    expect(fake.configs.get(releaseConfig)?.variants[0]?.ModelName).toBe('fraud-v2')
    expect(fake.configs.get(releaseConfig)?.tags['sagemaker-deploy:previous-config']).toBe('fraud-v1-config')
  })

  it('plans a dry run: the update, the gates judging the new model alone, and how long it takes', async () => {
    const result = await runAction({ ...allAtOnce, 'dry-run': 'true' }, { clock })

    expect(result.failed).toBeUndefined()
    expect(changeCalls(aws)).toEqual([])
    const planned = core.log.slice(core.log.findIndex((line) => line.startsWith('Rollout plan:')))
    // The update (10m), then the bake (10m) and the wait for its minutes (3m).
    expect(planned[0]).toBe('Rollout plan: about 23m, assuming a new fleet typically takes 10m to come up.')
    expect(planned.slice(1, 3)).toEqual([
      expect.stringMatching(
        /^ {2}1\. Update the endpoint to fraud-\S+: AllTraffic alone, a new fleet of 1 instance beside the serving one/
      ),
      expect.stringMatching(
        /^ {2}2\. Then AllTraffic takes all traffic for 10m, gates judged every 2m \(5 evaluations\), then until CloudWatch has published the step's minutes .* A failed gate returns the endpoint to fraud-v1-config/
      )
    ])
    expect(planned[3]).toBe('Gates: max-error-rate: rate of 5XX and unanswered requests at most 1%.')
    expect(result.summary).toContain('<h3>Rollout plan: about 23m</h3>')
  })

  it('returns the endpoint to the previous config when a gate fails', async () => {
    newModelErrs()

    const result = await runAction(allAtOnce, { clock })

    const calls = changeCalls(aws)
    const releaseConfig = calls[1]?.input.EndpointConfigName as string
    expect(calls.map((call) => [call.name, call.input.EndpointConfigName])).toEqual([
      ['sagemaker.CreateModel', undefined],
      ['sagemaker.CreateEndpointConfig', releaseConfig],
      ['sagemaker.UpdateEndpoint', releaseConfig],
      ['sagemaker.UpdateEndpoint', 'fraud-v1-config'],
      // Neither the release config nor the new model serves anywhere after the rollback.
      ['sagemaker.DeleteEndpointConfig', releaseConfig],
      ['sagemaker.DeleteModel', undefined]
    ])
    expect(calls.at(-1)?.input).toEqual({ ModelName: 'fraud-v2' })
    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expect(result.outputs['rolled-back']).toBe('true')
    expect(result.outputs['endpoint-config-name']).toBe('fraud-v1-config')
    expect(result.failed).toMatch(
      /^Rolled back: .*error rate 40\.\d\d% \(\d+ 5XX of \d+\) in .* above max-error-rate 1\.00%.*"fraud-v1-config"\.$/
    )
    // The first evaluation with data failed; the rollback followed it at once.
    const verdicts = (
      JSON.parse(result.outputs.result ?? '{}') as {
        rollout: { steps: Array<{ evaluations: Array<{ verdict: string }> }> }
      }
    ).rollout.steps[0]?.evaluations.map((evaluation) => evaluation.verdict)
    expect(verdicts?.at(-1)).toBe('failed')
    expect(verdicts?.slice(0, -1).every((verdict) => verdict === 'inconclusive')).toBe(true)

    const state = fake.endpoint('fraud')
    expect(state.status).toBe('InService')
    expect(state.config).toBe('fraud-v1-config')
    expect(state.variants.map((variant) => variant.name)).toEqual(['AllTraffic'])
    expect(fake.configs.get('fraud-v1-config')?.variants[0]?.ModelName).toBe('fraud-v1')
    expect([...fake.configs.keys()]).toEqual(['fraud-v1-config'])
    expect([...fake.models]).toEqual(['fraud-v1'])
  })

  it('with auto-rollback: false leaves the new config serving and fails', async () => {
    newModelErrs()

    const result = await runAction({ ...allAtOnce, 'auto-rollback': 'false' }, { clock })

    expect(changeCalls(aws).map((call) => call.name)).toEqual([
      'sagemaker.CreateModel',
      'sagemaker.CreateEndpointConfig',
      'sagemaker.UpdateEndpoint'
    ])
    expect(result.outputs['rollout-result']).toBe('failed')
    expect(result.outputs['rolled-back']).toBe('false')
    expect(result.failed).toContain('run operation: rollback to return to "fraud-v1-config"')
    expect(fake.endpoint('fraud').config).toBe(result.outputs['endpoint-config-name'])
  })
})
