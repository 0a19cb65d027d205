/**
 * model-name alone deploys a model that exists as it is: no CreateModel, the
 * configs name it, and nothing the run does afterwards (a rollback, a failed
 * promote) deletes it, since the run did not create it. A name that names no
 * model is refused before any change, and so is an input only a new model takes.
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '../../../__fixtures__/core.js'
import type { FakeClock } from '../../../__fixtures__/clock.js'
import { changeCalls, FakeAws } from '../../../__fixtures__/fake-aws.js'
import { seedServingEndpoint, withTraffic } from '../../../__fixtures__/rollout.js'
import { IMAGE } from '../../../__fixtures__/sagemaker.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, awsCallNames, resetAws, runAction } = await import('../../../__fixtures__/action.js')

/** Made outside the action: by a training pipeline, or by hand. */
const EXISTING = 'fraud-trained-0412'
const gates = { 'bake-time': '4m', 'gate-interval': '2m', 'max-error-rate': '1%' }
const asIs = {
  operation: 'deploy',
  'endpoint-name': 'fraud',
  'model-name': EXISTING,
  strategy: 'canary',
  'traffic-steps': '10,100',
  ...gates
}

let fake: FakeAws
let clock: FakeClock
beforeEach(() => {
  resetAws()
  fake = new FakeAws()
  seedServingEndpoint(fake, 2)
  fake.models.add(EXISTING)
  fake.modelSpecs.set(EXISTING, { PrimaryContainer: { Image: `${IMAGE}-trained` }, ExecutionRoleArn: 'role' })
  fake.install(aws)
  clock = withTraffic(fake)
})

function changes(): string[] {
  return changeCalls(aws).map((call) => call.name)
}

describe('model-name alone, naming a model that exists', () => {
  it('deploys it through a canary without CreateModel, and says so', async () => {
    const result = await runAction(asIs, { clock })

    expect(result.failed).toBeUndefined()
    expect(result.outputs).toMatchObject({ 'rollout-result': 'succeeded', 'model-name': EXISTING })
    expect(changes()).not.toContain('sagemaker.CreateModel')
    expect(changes()[0]).toBe('sagemaker.CreateEndpointConfig')
    const release = fake.configs.get(fake.endpoint('fraud').config)
    expect(release?.variants.map((variant) => variant.ModelName)).toEqual([EXISTING])
    expect(result.log).toContain(`Model "${EXISTING}" exists: it is deployed as it is, without CreateModel.`)
    expect(result.summary).toContain(
      `<tr><td><code>Model</code></td><td>${EXISTING}</td><td>input model-name: an existing model, deployed as it is</td></tr>`
    )
    // Nothing of the model was cloned from the serving one: there is no model to clone into.
    expect(result.summary).not.toContain('<code>ExecutionRoleArn</code>')
  })

  it('needs no execution role for a new endpoint, and creates only its config and the endpoint', async () => {
    const result = await runAction({ operation: 'deploy', 'endpoint-name': 'fresh', 'model-name': EXISTING }, { clock })

    expect(result.failed).toBeUndefined()
    expect(changes()).toEqual(['sagemaker.CreateEndpointConfig', 'sagemaker.CreateEndpoint'])
    expect(fake.configs.get(fake.endpoint('fresh').config)?.variants).toEqual([
      expect.objectContaining({ VariantName: 'AllTraffic', ModelName: EXISTING, InstanceType: 'ml.m5.large' })
    ])
  })

  it('plans the same in a dry run: its read, no CreateModel', async () => {
    const result = await runAction({ ...asIs, 'dry-run': 'true' }, { clock })

    expect(result.failed).toBeUndefined()
    expect(changes()).toEqual([])
    const planned = result.log.filter((line) => line.startsWith('[dry-run] would call'))
    expect(planned[0]).toMatch(/^\[dry-run\] would call CreateEndpointConfig on endpoint config "fraud-.*-canary"/)
    expect(planned.join('\n')).not.toContain('CreateModel')
    expect(result.log).toContain(`Model "${EXISTING}" exists: it is deployed as it is, without CreateModel.`)
  })

  it('keeps the model when the canary is rolled back', async () => {
    fake.cloudwatch.setBehaviour(EXISTING, { errorRate: 0.5, latencyP99Ms: 40 })

    const result = await runAction(asIs, { clock })

    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expect(fake.endpoint('fraud').config).toBe('fraud-v1-config')
    expect(changes()).not.toContain('sagemaker.DeleteModel')
    expect(fake.models.has(EXISTING)).toBe(true)
  })

  it('keeps the model when a promote from a pause is rolled back: the canary config says the run did not make it', async () => {
    const paused = await runAction({ ...asIs, 'traffic-steps': '10' }, { clock })
    expect(paused.outputs['rollout-result']).toBe('paused')
    expect(fake.configs.get(fake.endpoint('fraud').config)?.tags).toMatchObject({
      'sagemaker-deploy:model-as-is': 'true'
    })
    fake.cloudwatch.setBehaviour(EXISTING, { errorRate: 0.5, latencyP99Ms: 40 })
    clock.advance(10 * 60_000)

    const promoted = await runAction({ operation: 'promote', 'endpoint-name': 'fraud', ...gates }, { clock })

    expect(promoted.outputs['rollout-result']).toBe('rolled-back')
    expect(fake.endpoint('fraud').config).toBe('fraud-v1-config')
    expect(fake.models.has(EXISTING)).toBe(true)
  })

  it('deploys a model of several containers over a serving one, which a new model could not be cloned from', async () => {
    fake.modelSpecs.set('fraud-v1', {
      Containers: [{ Image: `${IMAGE}-pre` }, { Image: `${IMAGE}-old` }],
      InferenceExecutionConfig: { Mode: 'Serial' }
    })
    fake.modelSpecs.set(EXISTING, {
      Containers: [{ Image: `${IMAGE}-pre` }, { Image: `${IMAGE}-trained` }],
      InferenceExecutionConfig: { Mode: 'Serial' }
    })

    const result = await runAction({ ...asIs, strategy: 'all-at-once', 'traffic-steps': '100' }, { clock })

    expect(result.failed).toBeUndefined()
    expect(changes()).toEqual(['sagemaker.CreateEndpointConfig', 'sagemaker.UpdateEndpoint'])
  })
})

describe('refused before any change', () => {
  it('a model-name that names no model, naming the input', async () => {
    const result = await runAction({ ...asIs, 'model-name': 'fraud-never-made' }, { clock })

    expect(result.failed).toBe(
      'Input "model-name": model "fraud-never-made" does not exist in us-east-1, and without image-uri, model-package-arn or framework a deploy creates no model; nothing was changed. Name a model that exists, or give image-uri (or model-package-arn, or framework) to create "fraud-never-made".'
    )
    expect(changes()).toEqual([])
  })

  it('in a dry run too', async () => {
    const result = await runAction({ ...asIs, 'model-name': 'fraud-never-made', 'dry-run': 'true' }, { clock })

    expect(result.failed).toMatch(/^Input "model-name": model "fraud-never-made" does not exist/)
  })

  it.each(['model-data-url', 'model-environment', 'execution-role-arn', 'vpc-subnets', 'enable-network-isolation'])(
    '%s, which only a new model takes, before any AWS call',
    async (input) => {
      const values: Record<string, string> = {
        'model-data-url': 's3://models/fraud/model.tar.gz',
        'model-environment': 'THRESHOLD=0.8',
        'execution-role-arn': 'arn:aws:iam::123456789012:role/Other',
        'vpc-subnets': 'subnet-0aaa1111bbbb2222c',
        'enable-network-isolation': 'true'
      }
      const result = await runAction({ ...asIs, [input]: values[input] as string }, { clock })

      expect(result.failed).toBe(
        `Input "${input}" cannot be given with model-name alone, which deploys model "${EXISTING}" as it is, without creating a model: give image-uri (or model-package-arn, or framework) to create a new one, or leave ${input} empty.`
      )
      expect(awsCallNames()).toEqual([])
    }
  )

  it('a shadow phase for an existing model of several containers, which shadow tests exclude', async () => {
    fake.modelSpecs.set(EXISTING, {
      Containers: [
        { ContainerHostname: 'features', Image: `${IMAGE}-features` },
        { ContainerHostname: 'predict', Image: `${IMAGE}-trained` }
      ],
      ExecutionRoleArn: 'role'
    })

    const result = await runAction({ ...asIs, 'shadow-percent': '20' }, { clock })

    expect(result.failed).toMatch(
      /^Input "shadow-percent": the rollout would run a model of 2 containers \(features, predict\), which SageMaker's shadow tests exclude; nothing was changed\./
    )
    expect(changes()).toEqual([])
  })

  it('neither an image nor a model name: the error says model-name alone is a way', async () => {
    const result = await runAction({ ...asIs, 'model-name': '' }, { clock })

    expect(result.failed).toMatch(/^Input "image-uri" is required: .*or model-name alone for a model that exists\)\.$/)
  })
})
