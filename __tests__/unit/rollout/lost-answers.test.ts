// Answers lost on the way back: SageMaker carried the request out, and the
// action got an error instead (the SDK gave up), or the SDK's retry met what
// the first request had done ("already exists", "in progress"). Every create
// must end with one resource, adopted; every update must be sent once.
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { CreateModelCommand } from '@aws-sdk/client-sagemaker'
import * as core from '../../../__fixtures__/core.js'
import { changeCalls, FakeAws, weightShifts, type LostAnswer } from '../../../__fixtures__/fake-aws.js'
import type { FakeClock } from '../../../__fixtures__/clock.js'
import { CANARY_DEPLOY, seedServingEndpoint, withTraffic } from '../../../__fixtures__/rollout.js'
import { awsError, IMAGE, ROLE_ARN } from '../../../__fixtures__/sagemaker.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, resetAws, runAction } = await import('../../../__fixtures__/action.js')

const RUN = {
  AWS_REGION: 'us-east-1',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'acme/fraud-models',
  GITHUB_RUN_ID: '4242',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567'
}
const canary = { ...CANARY_DEPLOY, 'max-error-rate': '1%' }
const MODES: LostAnswer[] = ['retry', 'error']

let fake: FakeAws
let clock: FakeClock
beforeEach(() => {
  resetAws()
  fake = new FakeAws()
  seedServingEndpoint(fake, 2)
  fake.install(aws)
  clock = withTraffic(fake)
})

const sent = (api: string): number => changeCalls(aws).filter((call) => call.name === `sagemaker.${api}`).length

describe.each(MODES)('a canary whose answers are lost (%s)', (mode) => {
  it('adopts the model and the configs it created', async () => {
    fake.loseAnswers('CreateModel', 1, mode)
    fake.loseAnswers('CreateEndpointConfig', 2, mode)

    const result = await runAction(canary, { clock, env: RUN })

    expect(result.failed).toBeUndefined()
    expect(result.outputs['rollout-result']).toBe('succeeded')
    expect(fake.accepted.get('CreateModel')).toBe(1)
    expect(fake.accepted.get('CreateEndpointConfig')).toBe(2)
    expect([...fake.models].sort()).toEqual(['fraud-v1', 'fraud-v2'])
    expect(result.summary).toContain(
      "Model &quot;fraud-v2&quot; was created by this run, though CreateModel's answer was lost or refused on a retry; using it."
    )
    expect(fake.endpoint('fraud').variants.map((variant) => variant.name)).toEqual(['AllTraffic'])
  })

  it('sends UpdateEndpoint once for each config, and waits for the one under way', async () => {
    fake.loseAnswers('UpdateEndpoint', 2, mode)

    const result = await runAction(canary, { clock, env: RUN })

    expect(result.failed).toBeUndefined()
    expect(sent('UpdateEndpoint')).toBe(2)
    expect(fake.accepted.get('UpdateEndpoint')).toBe(2)
    expect(result.log.join('\n')).toMatch(/was accepted though its answer was (lost|refused on a retry)/)
    expect(fake.endpoint('fraud').config).toBe(result.outputs['endpoint-config-name'])
  })

  it('sends each weight change once', async () => {
    fake.loseAnswers('UpdateEndpointWeightsAndCapacities', 3, mode)

    const result = await runAction(canary, { clock, env: RUN })

    expect(result.failed).toBeUndefined()
    expect(weightShifts(changeCalls(aws))).toEqual([
      { AllTraffic: 90, 'fraud-v2': 10 },
      { AllTraffic: 50, 'fraud-v2': 50 },
      { AllTraffic: 0, 'fraud-v2': 100 }
    ])
    expect(fake.accepted.get('UpdateEndpointWeightsAndCapacities')).toBe(3)
  })

  it('comes through with every create, update and delete answered late at once', async () => {
    for (const api of [
      'CreateContext',
      'CreateModel',
      'CreateEndpointConfig',
      'UpdateEndpoint',
      'UpdateEndpointWeightsAndCapacities',
      'DeleteEndpointConfig',
      'DeleteContext'
    ]) {
      fake.loseAnswers(api, 9, mode)
    }

    const result = await runAction(canary, { clock, env: RUN })

    expect(result.failed).toBeUndefined()
    expect(result.log.join('\n')).not.toContain('::warning::')
    expect(fake.accepted.get('UpdateEndpoint')).toBe(2)
    expect(sent('UpdateEndpoint')).toBe(2)
    expect([...fake.models].sort()).toEqual(['fraud-v1', 'fraud-v2'])
    expect([...fake.configs.keys()].sort()).toEqual(['fraud-v1-config', result.outputs['endpoint-config-name']].sort())
    expect(fake.contexts.contexts.size).toBe(0)
  })
})

describe('a name taken by another run', () => {
  it('fails naming the model, and leaves it as it is', async () => {
    const theirs = [
      { Key: 'sagemaker-deploy:run-url', Value: 'https://github.com/acme/other/actions/runs/9/attempts/1' }
    ]
    // Between this run's look for model-name and its create, another run creates a model of that name.
    aws.sagemaker.on(CreateModelCommand).callsFake(() => {
      fake.models.add('fraud-v2')
      fake.modelSpecs.set('fraud-v2', { PrimaryContainer: { Image: IMAGE }, ExecutionRoleArn: ROLE_ARN, Tags: theirs })
      throw awsError('ValidationException', 'Cannot create already existing model "fraud-v2".')
    })

    const result = await runAction(canary, { clock, env: RUN })

    expect(result.failed).toBe(
      `Model "fraud-v2" already exists and is not this run's: its tags differ (sagemaker-deploy:repository, sagemaker-deploy:commit, sagemaker-deploy:run-url, sagemaker-deploy:endpoint); it was created by https://github.com/acme/other/actions/runs/9/attempts/1. It was left as it is; run again to derive new names, or remove it if nothing needs it.`
    )
    expect(fake.models.has('fraud-v2')).toBe(true)
    expect(changeCalls(aws).map((call) => call.name)).toEqual(['sagemaker.CreateModel'])
    expect(fake.endpoint('fraud').config).toBe('fraud-v1-config')
  })
})

describe('a new endpoint whose CreateEndpoint answer was lost', () => {
  it.each(MODES)('adopts the endpoint it created (%s)', async (mode) => {
    fake.loseAnswers('CreateEndpoint', 1, mode)

    const result = await runAction({ ...CANARY_DEPLOY, 'endpoint-name': 'fresh' }, { clock, env: RUN })

    expect(result.failed).toBeUndefined()
    expect(fake.accepted.get('CreateEndpoint')).toBe(1)
    expect(fake.endpoint('fresh').status).toBe('InService')
    expect(fake.endpoint('fresh').tags).toMatchObject({
      'sagemaker-deploy:run-url': 'https://github.com/acme/fraud-models/actions/runs/4242/attempts/1'
    })
  })
})
