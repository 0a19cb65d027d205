/**
 * A multi-model container stays one: the new model serves in MultiModel mode
 * from the prefix `model-data-url` names, and probes name the model to load
 * (`probe-target-model`). A model of several containers is refused before any
 * change, and so are probes every answer would fail.
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { InvokeEndpointCommand } from '@aws-sdk/client-sagemaker-runtime'
import * as core from '../../../__fixtures__/core.js'
import type { FakeClock } from '../../../__fixtures__/clock.js'
import { changeCalls, FakeAws } from '../../../__fixtures__/fake-aws.js'
import { CANARY_DEPLOY, withTraffic } from '../../../__fixtures__/rollout.js'
import { IMAGE } from '../../../__fixtures__/sagemaker.js'

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

function seedServing(model: Record<string, unknown>): void {
  fake.seedEndpoint(
    'fraud',
    'fraud-v1-config',
    [{ name: 'AllTraffic', weight: 1, count: 2, model: 'fraud-v1' }],
    { 'sagemaker-deploy:endpoint': 'fraud', 'sagemaker-deploy:role': 'release' },
    { modelSpec: { ExecutionRoleArn: 'arn:aws:iam::123456789012:role/fraud-serving', ...model } }
  )
}

const MULTI_MODEL = {
  PrimaryContainer: {
    Image: `${IMAGE}-old`,
    Mode: 'MultiModel',
    ModelDataUrl: 's3://models/tenants/v1/',
    MultiModelConfig: { ModelCacheSetting: 'Disabled' }
  }
}

const canary = {
  ...CANARY_DEPLOY,
  'execution-role-arn': '',
  'traffic-steps': '10,100',
  'bake-time': '2m',
  'gate-interval': '1m',
  'model-data-url': 's3://models/tenants/v2/'
}
const probed = { ...canary, 'probe-payload': '{"amount": 1}' }

function createdModel(): Record<string, unknown> {
  const [model] = changeCalls(aws)
    .filter((call) => call.name === 'sagemaker.CreateModel')
    .map((call) => call.input)
  return model as Record<string, unknown>
}

describe('a serving model in MultiModel mode', () => {
  beforeEach(() => seedServing(MULTI_MODEL))

  it('gives a new model in MultiModel mode, whose ModelDataUrl is the prefix of its models', async () => {
    const result = await runAction({ ...probed, 'probe-target-model': 'tenant-a.tar.gz' }, { clock })

    expect(result.failed).toBeUndefined()
    expect(createdModel().PrimaryContainer).toEqual({
      Image: IMAGE,
      Mode: 'MultiModel',
      MultiModelConfig: { ModelCacheSetting: 'Disabled' },
      ModelDataUrl: 's3://models/tenants/v2/'
    })
    expect(result.summary).toContain('<tr><td><code>Mode</code></td><td>MultiModel</td>')
  })

  it('sends every probe with the model to load as TargetModel', async () => {
    await runAction({ ...probed, 'probe-target-model': 'tenant-a.tar.gz' }, { clock })

    const probes = aws.runtime.commandCalls(InvokeEndpointCommand).map((call) => call.args[0].input)
    expect(probes.length).toBeGreaterThan(0)
    for (const probe of probes)
      expect(probe).toMatchObject({ TargetVariant: 'fraud-v2', TargetModel: 'tenant-a.tar.gz' })
  })

  it('refuses probes without probe-target-model, which SageMaker would answer with an error', async () => {
    const result = await runAction(probed, { clock })

    expect(result.failed).toMatch(/^Input "probe-target-model" is required: model "fraud-v1" serves in MultiModel mode/)
    expect(changeCalls(aws)).toEqual([])
    expect(aws.runtime.commandCalls(InvokeEndpointCommand)).toEqual([])
  })

  it('refuses to promote a paused multi-model canary with probes but no probe-target-model, moving nothing', async () => {
    const paused = await runAction({ ...canary, 'traffic-steps': '10' }, { clock })
    expect(paused.outputs['rollout-result']).toBe('paused')
    for (const client of Object.values(aws)) client.resetHistory()

    const result = await runAction(
      { operation: 'promote', 'endpoint-name': 'fraud', 'probe-payload': '{"amount": 1}' },
      { clock }
    )

    expect(result.failed).toMatch(/^Input "probe-target-model" is required: model "fraud-v2" serves in MultiModel mode/)
    expect(changeCalls(aws).filter((call) => !call.name.startsWith('cloudwatch.'))).toEqual([])
    expect(aws.runtime.commandCalls(InvokeEndpointCommand)).toEqual([])
  })

  it.each([
    [
      'an archive',
      { 'model-data-url': 's3://models/tenants/v2/model.tar.gz' },
      /^Input "model-data-url" must be the S3 prefix of the models, ending in \//
    ],
    ['no model data', { 'model-data-url': '' }, /^Input "model-data-url" must be the S3 prefix of the models/],
    [
      'accept-eula',
      { 'accept-eula': 'true' },
      /^Input "accept-eula" cannot be set for model "fraud-v1", which serves in MultiModel mode/
    ]
  ])('refuses %s before any change', async (_case, inputs, message) => {
    const result = await runAction({ ...canary, ...inputs }, { clock })

    expect(result.failed).toMatch(message)
    expect(result.failed).toContain('nothing was changed')
    expect(changeCalls(aws)).toEqual([])
  })
})

describe('probe-target-model on a single-model endpoint', () => {
  it('is refused before any change: SageMaker refuses a TargetModel there', async () => {
    seedServing({ PrimaryContainer: { Image: `${IMAGE}-old` } })

    const result = await runAction(
      { ...probed, 'model-data-url': '', 'probe-target-model': 'tenant-a.tar.gz' },
      { clock }
    )

    expect(result.failed).toMatch(/^Input "probe-target-model" is for multi-model endpoints/)
    expect(changeCalls(aws)).toEqual([])
  })
})

describe('a serving model of several containers', () => {
  it('is refused before any change, naming them', async () => {
    seedServing({
      Containers: [
        { ContainerHostname: 'preprocess', Image: `${IMAGE}-pre` },
        { ContainerHostname: 'predict', Image: `${IMAGE}-old` }
      ],
      InferenceExecutionConfig: { Mode: 'Serial' }
    })

    const result = await runAction({ ...canary, 'model-data-url': '' }, { clock })

    expect(result.failed).toMatch(
      /^Endpoint "fraud" serves model "fraud-v1" of 2 containers \(preprocess, predict\), invoked Serial, which this action cannot carry into a new model of one container; nothing was changed\./
    )
    expect(changeCalls(aws)).toEqual([])
  })

  it('of one container in a list gives a model in the same shape, with its execution config', async () => {
    seedServing({
      Containers: [{ Image: `${IMAGE}-old`, Environment: { SAGEMAKER_PROGRAM: 'serve.py' } }],
      InferenceExecutionConfig: { Mode: 'Direct' }
    })

    const result = await runAction({ ...canary, 'model-data-url': '' }, { clock })

    expect(result.failed).toBeUndefined()
    expect(createdModel().Containers).toEqual([{ Image: IMAGE, Environment: { SAGEMAKER_PROGRAM: 'serve.py' } }])
    expect(createdModel()).not.toHaveProperty('PrimaryContainer')
    expect(createdModel().InferenceExecutionConfig).toEqual({ Mode: 'Direct' })
  })
})
