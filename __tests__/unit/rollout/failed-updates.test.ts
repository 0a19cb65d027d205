/**
 * UpdateEndpoint calls that SageMaker itself rolls back (a container that
 * never turns healthy, a capacity shortage), and a deploy that would trample
 * a rollout still in flight.
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { DeleteEndpointCommand } from '@aws-sdk/client-sagemaker'
import * as core from '../../../__fixtures__/core.js'
import type { FakeClock } from '../../../__fixtures__/clock.js'
import { changeCalls, FakeAws, type AwsCall } from '../../../__fixtures__/fake-aws.js'

import { awsError } from '../../../__fixtures__/sagemaker.js'
import { CANARY_DEPLOY, PLAIN_DEPLOY, seedServingEndpoint, withTraffic } from '../../../__fixtures__/rollout.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, awsCallNames, resetAws, runAction } = await import('../../../__fixtures__/action.js')

const canary = { ...CANARY_DEPLOY, 'max-error-rate': '1%' }

const RELEASE_CONFIG = /^fraud-\d{14}-[0-9a-z]{5}$/
const CANARY_CONFIG = /^fraud-\d{14}-[0-9a-z]{5}-canary$/

function createdConfigs(calls: AwsCall[]): string[] {
  return calls
    .filter((call) => call.name === 'sagemaker.CreateEndpointConfig')
    .map((call) => call.input.EndpointConfigName as string)
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

describe('SageMaker rolls back the update that adds the canary', () => {
  const reason = 'The primary container for production variant fraud-v2 did not pass the ping health check.'

  it('fails the step quoting FailureReason, shifts no traffic and deletes what it made', async () => {
    fake.failUpdateTo = { config: (name) => CANARY_CONFIG.test(name), reason }

    const result = await runAction(canary, { clock })

    const calls = changeCalls(aws)
    const [canaryConfig] = createdConfigs(calls)
    expect(calls).toEqual([
      { name: 'sagemaker.CreateModel', input: expect.objectContaining({ ModelName: 'fraud-v2' }) },
      { name: 'sagemaker.CreateEndpointConfig', input: expect.objectContaining({ EndpointConfigName: canaryConfig }) },
      { name: 'sagemaker.UpdateEndpoint', input: { EndpointName: 'fraud', EndpointConfigName: canaryConfig } },
      { name: 'sagemaker.DeleteEndpointConfig', input: { EndpointConfigName: canaryConfig } },
      { name: 'sagemaker.DeleteModel', input: { ModelName: 'fraud-v2' } }
    ])
    expect(result.failed).toContain(`FailureReason: ${reason}`)
    expect(result.failed).toContain('is InService on "fraud-v1-config"')
    expect(result.outputs['rollout-result']).toBe('failed')
    // SageMaker, not the action, put the endpoint back: it is on its previous config.
    expect(result.outputs['rolled-back']).toBe('true')
    expect(result.outputs['endpoint-config-name']).toBe('fraud-v1-config')

    const state = fake.endpoint('fraud')
    expect(state.status).toBe('InService')
    expect(state.config).toBe('fraud-v1-config')
    expect(state.failureReason).toBe(reason)
    expect(state.variants).toEqual([{ name: 'AllTraffic', weight: 1, count: 1 }])
    expect([...fake.configs.keys()]).toEqual(['fraud-v1-config'])
    expect([...fake.models]).toEqual(['fraud-v1'])
    expect(core.savedPart('rollout')).toBe('')
  })
})

describe('a new endpoint that SageMaker cannot create', () => {
  const reason = 'The primary container for production variant AllTraffic did not pass the ping health check.'

  it('is deleted, with its config and model, so a re-run starts afresh', async () => {
    fake.endpoints.delete('fraud')
    fake.failCreate = reason

    const result = await runAction({ ...PLAIN_DEPLOY, 'endpoint-name': 'fraud' }, { clock })

    const calls = changeCalls(aws)
    const [config] = createdConfigs(calls)
    expect(calls.map((call) => call.name)).toEqual([
      'sagemaker.CreateModel',
      'sagemaker.CreateEndpointConfig',
      'sagemaker.CreateEndpoint',
      'sagemaker.DeleteEndpoint',
      'sagemaker.DeleteEndpointConfig',
      'sagemaker.DeleteModel'
    ])
    expect(result.failed).toBe(
      `Endpoint "fraud" ended Failed during the creation of endpoint "fraud". FailureReason: ${reason} The endpoint never served, and SageMaker allows nothing on a failed endpoint but its deletion: it was deleted, with config "${config}" and model "fraud-v2", so deploying again starts afresh.`
    )
    expect(fake.endpoints.has('fraud')).toBe(false)
    expect(fake.models.has('fraud-v2')).toBe(false)

    const rerun = await runAction({ ...PLAIN_DEPLOY, 'endpoint-name': 'fraud' }, { clock })

    expect(rerun.failed).toBeUndefined()
    expect(fake.endpoints.get('fraud')?.status).toBe('InService')
  })

  it('that cannot be deleted either: the error says to delete it before deploying again', async () => {
    fake.endpoints.delete('fraud')
    fake.failCreate = reason
    aws.sagemaker.on(DeleteEndpointCommand).rejects(awsError('AccessDeniedException', 'not authorized'))

    const result = await runAction({ ...PLAIN_DEPLOY, 'endpoint-name': 'fraud' }, { clock })

    expect(result.failed).toContain(`FailureReason: ${reason} The failed endpoint could not be deleted (`)
    expect(result.failed).toContain('so delete it (operation: delete) before deploying again.')
    expect(fake.endpoints.get('fraud')?.status).toBe('Failed')
  })
})

describe('SageMaker rolls back the promotion (canary config to release config)', () => {
  it('returns the endpoint to the previous config, traffic first', async () => {
    fake.failUpdateTo = {
      config: (name) => RELEASE_CONFIG.test(name),
      reason: 'Insufficient capacity for ml.m5.large.'
    }

    const result = await runAction(canary, { clock })

    const calls = changeCalls(aws)
    const [canaryConfig, releaseConfig] = createdConfigs(calls)
    expect(canaryConfig).toMatch(CANARY_CONFIG)
    expect(releaseConfig).toMatch(RELEASE_CONFIG)
    expect(calls.map((call) => call.name)).toEqual([
      'sagemaker.CreateModel',
      'sagemaker.CreateEndpointConfig',
      'sagemaker.UpdateEndpoint',
      'sagemaker.UpdateEndpointWeightsAndCapacities',
      'sagemaker.UpdateEndpointWeightsAndCapacities',
      'sagemaker.UpdateEndpointWeightsAndCapacities',
      'sagemaker.CreateEndpointConfig',
      'sagemaker.UpdateEndpoint',
      'sagemaker.UpdateEndpointWeightsAndCapacities',
      'sagemaker.UpdateEndpoint',
      'sagemaker.DeleteEndpointConfig',
      'sagemaker.DeleteEndpointConfig',
      'sagemaker.DeleteModel'
    ])
    expect(calls[7]?.input).toEqual({ EndpointName: 'fraud', EndpointConfigName: releaseConfig })
    expect(calls[8]?.input).toEqual({
      EndpointName: 'fraud',
      DesiredWeightsAndCapacities: [
        { VariantName: 'AllTraffic', DesiredWeight: 100 },
        { VariantName: 'fraud-v2', DesiredWeight: 0 }
      ]
    })
    // Other fields may ask SageMaker to keep the instance counts serving; the target is what matters here.
    expect(calls[9]?.input).toMatchObject({ EndpointName: 'fraud', EndpointConfigName: 'fraud-v1-config' })
    expect(calls[9]?.input).not.toHaveProperty('DeploymentConfig')
    expect(calls[10]?.input).toEqual({ EndpointConfigName: canaryConfig })
    // The release config never served, and the new model serves nowhere: neither is left behind.
    expect(calls[11]?.input).toEqual({ EndpointConfigName: releaseConfig })
    expect(calls[12]?.input).toEqual({ ModelName: 'fraud-v2' })

    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expect(result.outputs['rolled-back']).toBe('true')
    expect(result.failed).toContain('promotion failed')
    expect(result.failed).toContain('Insufficient capacity for ml.m5.large.')

    const state = fake.endpoint('fraud')
    expect(state.status).toBe('InService')
    expect(state.config).toBe('fraud-v1-config')
    expect(state.variants.map((variant) => variant.name)).toEqual(['AllTraffic'])
    expect([...fake.configs.keys()]).toEqual(['fraud-v1-config'])
    expect([...fake.models]).toEqual(['fraud-v1'])
    expect(core.savedPart('rollout')).toBe('')
  })
})

describe('an update that outlasts the timeout', () => {
  it('fails the step and leaves SageMaker the config and model it is moving the endpoint to', async () => {
    fake.transitionMs = { Updating: 40 * 60_000 }

    const result = await runAction(
      { ...canary, strategy: 'all-at-once', 'traffic-steps': '', timeout: '30m' },
      { clock }
    )

    expect(result.failed).toContain('was still Updating after 30m (input "timeout")')
    const calls = changeCalls(aws)
    const [releaseConfig] = createdConfigs(calls)
    // SageMaker carries on with the update: deleting what it deploys would break it half-way.
    expect(calls.map((call) => call.name)).toEqual([
      'sagemaker.CreateModel',
      'sagemaker.CreateEndpointConfig',
      'sagemaker.UpdateEndpoint'
    ])
    expect(fake.configs.has(releaseConfig as string)).toBe(true)
    expect(fake.models.has('fraud-v2')).toBe(true)
    expect(fake.endpoint('fraud').status).toBe('Updating')
  })
})

describe('a second deploy while a canary is in flight', () => {
  it('fails naming the in-flight config and changes nothing', async () => {
    const first = await runAction({ ...canary, 'traffic-steps': '10,50' }, { clock })
    expect(first.outputs['rollout-result']).toBe('paused')
    const canaryConfig = fake.endpoint('fraud').config
    expect(canaryConfig).toMatch(CANARY_CONFIG)
    const before = structuredClone({
      endpoint: fake.endpoint('fraud'),
      configs: [...fake.configs.keys()],
      models: [...fake.models]
    })
    for (const client of Object.values(aws)) client.resetHistory()

    const second = await runAction({ ...canary, 'model-name': 'fraud-v3' }, { clock })

    expect(second.failed).toBe(
      `A rollout is already in flight on endpoint "fraud": config "${canaryConfig}" carries new variant "fraud-v2". Finish it with operation: promote or undo it with operation: rollback; nothing was changed.`
    )
    expect(awsCallNames().filter((name) => /\.(Create|Update|Delete|Put|Register|Deregister)/.test(name))).toEqual([])
    expect(changeCalls(aws)).toEqual([])
    expect({
      endpoint: fake.endpoint('fraud'),
      configs: [...fake.configs.keys()],
      models: [...fake.models]
    }).toEqual(before)
    expect(fake.weights('fraud')).toEqual({ AllTraffic: 50, 'fraud-v2': 50 })
    expect(second.outputs['rollout-result']).toBeUndefined()
  })
})
