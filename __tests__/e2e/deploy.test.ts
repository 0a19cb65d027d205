// Deploy scenarios through the bundled action: a new endpoint, an existing
// one, an update SageMaker rolls back, a model that exists deployed as it is,
// a dry run, and rollback after many deploys with a neighbour endpoint whose
// name shares the prefix.

import { describe, expect, it } from '@jest/globals'
import { CreateModelCommand } from '@aws-sdk/client-sagemaker'
import {
  configModels,
  configTags,
  currentWeights,
  describeEndpoint,
  expectFailure,
  expectSuccess,
  image,
  inventory,
  resultOf,
  summaryTable,
  useScenario
} from './scenario.js'
import { savedForPost, TEST_ROLE_ARN } from './harness.js'

const s = useScenario()

describe('deploy', () => {
  it('creates a new endpoint with its model and a tagged release config', async () => {
    const run = expectSuccess(
      await s.deploy('fraud', {
        'image-uri': image('1.0.0'),
        'model-name': 'fraud-m1',
        'model-data-url': 's3://models/fraud/1.0.0/model.tar.gz',
        'instance-count': '2',
        tags: 'team=ml, cost-center=42'
      })
    )

    expect(run.outputs).toMatchObject({
      'endpoint-name': 'fraud',
      'endpoint-status': 'InService',
      'model-name': 'fraud-m1',
      'variant-name': 'AllTraffic',
      'rollout-result': 'succeeded',
      'rolled-back': 'false'
    })
    expect(JSON.parse(run.outputs['variant-weights'] ?? '')).toEqual({ AllTraffic: 100 })
    const config = run.outputs['endpoint-config-name'] ?? ''
    expect(config).toMatch(/^fraud-\d{14}-[a-z0-9]{5}$/)
    expect(run.outputs['previous-endpoint-config-name']).toBeUndefined()
    expect(resultOf(run)).toMatchObject({
      operation: 'deploy',
      succeeded: true,
      changes: [
        { api: 'CreateModel', resource: 'model "fraud-m1"' },
        { api: 'CreateEndpointConfig', resource: `endpoint config "${config}"` },
        { api: 'CreateEndpoint', resource: 'endpoint "fraud"' }
      ]
    })

    expect(run.summary).toContain('<h2>✅ deploy succeeded: fraud</h2>')
    expect(summaryTable(run.summary, 'Variant')).toEqual([['AllTraffic', 'fraud-m1', 'ml.m5.large', '2', '100%']])
    expect(run.summary).toContain('<code>CreateEndpoint</code> on endpoint &quot;fraud&quot;')

    const endpoint = await describeEndpoint(s.aws, 'fraud')
    expect(endpoint).toMatchObject({ EndpointStatus: 'InService', EndpointConfigName: config })
    expect(endpoint.EndpointArn).toBe(run.outputs['endpoint-arn'])
    expect(endpoint.ProductionVariants?.[0]).toMatchObject({ VariantName: 'AllTraffic', CurrentInstanceCount: 2 })
    expect(await configModels(s.aws, config)).toEqual({ AllTraffic: 'fraud-m1' })
    // The workflow's tags, the action's bookkeeping, and the run that made it (which is how a retried create knows it).
    expect(await configTags(s.aws, config)).toEqual({
      team: 'ml',
      'cost-center': '42',
      'sagemaker-deploy:endpoint': 'fraud',
      'sagemaker-deploy:role': 'release',
      'sagemaker-deploy:repository': 'example/repo',
      'sagemaker-deploy:commit': '0123456789abcdef0123456789abcdef01234567',
      'sagemaker-deploy:ref': 'refs/heads/main',
      'sagemaker-deploy:run-url': 'https://github.com/example/repo/actions/runs/1001/attempts/1'
    })
    expect(await inventory(s.aws)).toEqual({ models: ['fraud-m1'], configs: [config], endpoints: ['fraud'] })
  })

  it('moves an existing endpoint to the new model all at once, keeping the variant name', async () => {
    const first = expectSuccess(await s.deploy('fraud', { 'image-uri': image('1.0.0'), 'model-name': 'fraud-m1' }))
    const firstConfig = first.outputs['endpoint-config-name'] ?? ''

    const run = expectSuccess(await s.deploy('fraud', { 'image-uri': image('1.1.0'), 'model-name': 'fraud-m2' }))
    const config = run.outputs['endpoint-config-name'] ?? ''
    expect(config).not.toBe(firstConfig)
    expect(run.outputs).toMatchObject({
      'endpoint-status': 'InService',
      'previous-endpoint-config-name': firstConfig,
      'model-name': 'fraud-m2',
      'variant-name': 'AllTraffic',
      'rollout-result': 'succeeded',
      'rolled-back': 'false'
    })
    expect(resultOf(run).changes).toEqual([
      { api: 'CreateModel', resource: 'model "fraud-m2"' },
      { api: 'CreateEndpointConfig', resource: `endpoint config "${config}"` },
      { api: 'UpdateEndpoint', resource: 'endpoint "fraud"' }
    ])
    expect(summaryTable(run.summary, 'Variant')).toEqual([['AllTraffic', 'fraud-m2', 'ml.m5.large', '1', '100%']])
    expect(run.stdout).toMatch(/Endpoint "fraud" is Updating/)

    const endpoint = await describeEndpoint(s.aws, 'fraud')
    expect(endpoint).toMatchObject({ EndpointStatus: 'InService', EndpointConfigName: config })
    expect(endpoint.FailureReason).toBeUndefined()
    expect(await configModels(s.aws, config)).toEqual({ AllTraffic: 'fraud-m2' })
    expect(await configTags(s.aws, config)).toMatchObject({
      'sagemaker-deploy:role': 'release',
      'sagemaker-deploy:previous-config': firstConfig
    })
    // The old config stays: it is where rollback returns.
    expect(await inventory(s.aws)).toEqual({
      models: ['fraud-m1', 'fraud-m2'],
      configs: [firstConfig, config].sort(),
      endpoints: ['fraud']
    })
  })

  it('does nothing when the endpoint already serves the named model', async () => {
    const first = expectSuccess(await s.deploy('same', { 'image-uri': image('1'), 'model-name': 'same-m1' }))
    const before = await inventory(s.aws)
    const run = expectSuccess(await s.deploy('same', { 'image-uri': image('1'), 'model-name': 'same-m1' }))
    expect(run.outputs['endpoint-config-name']).toBe(first.outputs['endpoint-config-name'])
    expect(resultOf(run).changes).toEqual([])
    expect(run.summary).toContain('already serves model')
    expect(await inventory(s.aws)).toEqual(before)
  })

  it.each(['all-at-once', 'canary'])(
    'fails quoting FailureReason when SageMaker rolls the %s update back',
    async (strategy) => {
      const first = expectSuccess(await s.deploy('roll', { 'image-uri': image('good'), 'model-name': 'roll-good' }))
      const goodConfig = first.outputs['endpoint-config-name'] ?? ''

      const run = await s.deploy('roll', {
        'image-uri': image('fail-update-2'),
        'model-name': 'roll-bad',
        strategy,
        'bake-time': '1s',
        'gate-interval': '1s'
      })
      const errors = expectFailure(run)
      const reason = 'did not pass the ping health check'
      expect(errors).toHaveLength(1)
      expect(errors[0]).toContain(`FailureReason: Failed to update endpoint: The primary container`)
      expect(errors[0]).toContain(reason)
      expect(errors[0]).toContain(`is InService on "${goodConfig}"`)
      expect(run.outputs).toMatchObject({
        'endpoint-status': 'InService',
        'endpoint-config-name': goodConfig,
        'previous-endpoint-config-name': goodConfig,
        'rollout-result': 'failed'
      })
      expect(resultOf(run)).toMatchObject({ succeeded: false })
      expect(run.summary).toContain('<h2>❌ deploy failed: roll</h2>')
      expect(run.summary).toContain(reason)
      expect(summaryTable(run.summary, 'Variant')).toEqual([['AllTraffic', 'roll-good', 'ml.m5.large', '1', '100%']])

      const endpoint = await describeEndpoint(s.aws, 'roll')
      expect(endpoint).toMatchObject({ EndpointStatus: 'InService', EndpointConfigName: goodConfig })
      expect(endpoint.FailureReason).toContain(reason)
      expect(currentWeights(endpoint)).toEqual({ AllTraffic: 1 })
      expect(await configModels(s.aws, goodConfig)).toEqual({ AllTraffic: 'roll-good' })
      // A canary's side-by-side config is removed with the rollback; nothing is left mid-rollout.
      const configs = (await inventory(s.aws)).configs
      expect(configs).toContain(goodConfig)
      expect(configs.filter((name) => name.endsWith('-canary'))).toEqual([])
      expect(savedForPost(run.state, 'rollout')).toBe('')
    }
  )

  it('deploys a model that exists as it is, and refuses one that does not before any change', async () => {
    const first = expectSuccess(await s.deploy('kept', { 'image-uri': image('1'), 'model-name': 'kept-m1' }))
    // Made outside the action, as a training pipeline would.
    await s.aws.sagemaker.send(
      new CreateModelCommand({
        ModelName: 'kept-trained',
        PrimaryContainer: { Image: image('trained') },
        ExecutionRoleArn: TEST_ROLE_ARN
      })
    )
    const asIs = { operation: 'deploy', 'endpoint-name': 'kept', strategy: 'canary', 'bake-time': '1s' }

    const before = await inventory(s.aws)
    const missing = await s.run({ ...asIs, 'model-name': 'kept-never-made' })
    expect(expectFailure(missing)).toEqual([
      expect.stringMatching(/^Input "model-name": model "kept-never-made" does not exist in .*; nothing was changed\./)
    ])
    expect(await inventory(s.aws)).toEqual(before)
    expect((await describeEndpoint(s.aws, 'kept')).EndpointConfigName).toBe(first.outputs['endpoint-config-name'])

    const run = expectSuccess(await s.run({ ...asIs, 'model-name': 'kept-trained' }))
    expect(run.outputs).toMatchObject({ 'model-name': 'kept-trained', 'rollout-result': 'succeeded' })
    expect(resultOf(run).changes).not.toContainEqual(expect.objectContaining({ api: 'CreateModel' }))
    expect(run.stdout).toContain('Model "kept-trained" exists: it is deployed as it is, without CreateModel.')
    const release = run.outputs['endpoint-config-name'] ?? ''
    expect(Object.values(await configModels(s.aws, release))).toEqual(['kept-trained'])
    expect((await describeEndpoint(s.aws, 'kept')).EndpointConfigName).toBe(release)
  })

  it('plans a deploy in a dry run and creates nothing', async () => {
    const newEndpoint = expectSuccess(
      await s.deploy('dry', { 'image-uri': image('1'), 'model-name': 'dry-m1', 'dry-run': 'true' })
    )
    expect(newEndpoint.stdout).toMatch(/\[dry-run\] would call CreateModel on model "dry-m1"/)
    expect(newEndpoint.stdout).toMatch(/\[dry-run\] would call CreateEndpoint on endpoint "dry"/)
    expect(resultOf(newEndpoint)).toMatchObject({
      dryRun: true,
      succeeded: true,
      changes: [{ api: 'CreateModel' }, { api: 'CreateEndpointConfig' }, { api: 'CreateEndpoint' }]
    })
    expect(newEndpoint.summary).toContain('<h2>📝 deploy dry run: nothing was changed: dry</h2>')
    expect(newEndpoint.summary).toContain('<h3>Plan (nothing was changed)</h3>')
    expect(await inventory(s.aws)).toEqual({ models: [], configs: [], endpoints: [] })

    // On an existing endpoint, a dry-run canary leaves it exactly as it was.
    const first = expectSuccess(await s.deploy('dry', { 'image-uri': image('1'), 'model-name': 'dry-m1' }))
    const before = await inventory(s.aws)
    const described = await describeEndpoint(s.aws, 'dry')
    const canary = expectSuccess(
      await s.deploy('dry', {
        'image-uri': image('2'),
        'model-name': 'dry-m2',
        strategy: 'canary',
        'bake-time': '1s',
        'gate-interval': '1s',
        'dry-run': 'true'
      })
    )
    // The whole plan: the canary goes in at weight 0, traffic moves step by step, and the release config follows.
    expect(resultOf(canary).changes).toEqual([
      { api: 'CreateModel', resource: 'model "dry-m2"' },
      { api: 'CreateEndpointConfig', resource: expect.stringMatching(/-canary"$/) },
      { api: 'UpdateEndpoint', resource: 'endpoint "dry"' },
      { api: 'UpdateEndpointWeightsAndCapacities', resource: 'endpoint "dry"' },
      { api: 'UpdateEndpointWeightsAndCapacities', resource: 'endpoint "dry"' },
      { api: 'CreateEndpointConfig', resource: expect.stringMatching(/^endpoint config "dry-\d{14}-[a-z0-9]{5}"$/) },
      { api: 'UpdateEndpoint', resource: 'endpoint "dry"' },
      { api: 'DeleteEndpointConfig', resource: expect.stringMatching(/-canary"$/) }
    ])
    expect(canary.outputs['previous-endpoint-config-name']).toBe(first.outputs['endpoint-config-name'])
    expect(savedForPost(canary.state, 'rollout')).toBe('')
    expect(await inventory(s.aws)).toEqual(before)
    const after = await describeEndpoint(s.aws, 'dry')
    expect(after).toMatchObject({
      EndpointStatus: 'InService',
      EndpointConfigName: described.EndpointConfigName,
      LastModifiedTime: described.LastModifiedTime
    })
  })
})

describe('rollback after many deploys', () => {
  it('returns to the config of the 11th of 12 deploys and never touches a neighbour sharing the prefix', async () => {
    // This scenario is about lineage, not transitions: endpoints settle at the first read.
    await s.control.setTransitionSeconds(0)
    const configs: string[] = []
    const neighbourModels: string[] = []
    let neighbour = ''
    for (let index = 1; index <= 12; index++) {
      const run = expectSuccess(
        await s.deploy('fraud', { 'image-uri': image(`1.${index}.0`), 'model-name': `fraud-m${index}` })
      )
      configs.push(run.outputs['endpoint-config-name'] ?? '')
      // The neighbour's configs are newer than some of fraud's and share its name's prefix.
      if (index === 1 || index === 11) {
        // Model names derived from the endpoint name, so they share the prefix too.
        const other = expectSuccess(await s.deploy('fraud-v2', { 'image-uri': image(`2.${index}.0`) }))
        neighbour = other.outputs['endpoint-config-name'] ?? ''
        neighbourModels.push(other.outputs['model-name'] ?? '')
      }
    }
    expect(new Set(configs).size).toBe(12)
    expect(neighbourModels).toEqual([
      expect.stringMatching(/^fraud-v2-\d{14}-[a-z0-9]{5}$/),
      expect.stringMatching(/^fraud-v2-\d{14}-[a-z0-9]{5}$/)
    ])
    expect(neighbourModels[0]).not.toBe(neighbourModels[1])
    const neighbourBefore = await describeEndpoint(s.aws, 'fraud-v2')
    const before = await inventory(s.aws)

    const run = expectSuccess(await s.run({ operation: 'rollback', 'endpoint-name': 'fraud' }))
    expect(run.outputs).toMatchObject({
      'endpoint-status': 'InService',
      'endpoint-config-name': configs[10],
      'previous-endpoint-config-name': configs[11],
      'model-name': 'fraud-m11',
      'rolled-back': 'true'
    })
    expect(resultOf(run).changes).toEqual([{ api: 'UpdateEndpoint', resource: 'endpoint "fraud"' }])
    expect(run.summary).toContain('<h2>✅ rollback succeeded: fraud</h2>')
    expect(summaryTable(run.summary, 'Variant')).toEqual([['AllTraffic', 'fraud-m11', 'ml.m5.large', '1', '100%']])

    const endpoint = await describeEndpoint(s.aws, 'fraud')
    expect(endpoint).toMatchObject({ EndpointStatus: 'InService', EndpointConfigName: configs[10] })
    const neighbourAfter = await describeEndpoint(s.aws, 'fraud-v2')
    expect(neighbourAfter).toMatchObject({
      EndpointStatus: 'InService',
      EndpointConfigName: neighbour,
      LastModifiedTime: neighbourBefore.LastModifiedTime
    })
    expect(await configModels(s.aws, neighbour)).toEqual({ AllTraffic: neighbourModels[1] })
    expect(await inventory(s.aws)).toEqual(before)

    // A second rollback follows the chain one further back, still on fraud's own configs.
    const again = expectSuccess(await s.run({ operation: 'rollback', 'endpoint-name': 'fraud' }))
    expect(again.outputs['endpoint-config-name']).toBe(configs[9])
    expect((await describeEndpoint(s.aws, 'fraud')).EndpointConfigName).toBe(configs[9])
    expect((await describeEndpoint(s.aws, 'fraud-v2')).EndpointConfigName).toBe(neighbour)
  }, 120_000)

  it('refuses to roll onto the neighbour endpoint config, changing nothing', async () => {
    expectSuccess(await s.deploy('fraud', { 'image-uri': image('1'), 'model-name': 'fraud-m1' }))
    const other = expectSuccess(await s.deploy('fraud-v2', { 'image-uri': image('2'), 'model-name': 'fraud-v2-m1' }))
    const before = await describeEndpoint(s.aws, 'fraud')

    const run = await s.run({
      operation: 'rollback',
      'endpoint-name': 'fraud',
      'endpoint-config-name': other.outputs['endpoint-config-name'] ?? ''
    })
    const errors = expectFailure(run)
    expect(errors[0]).toContain('belongs to endpoint "fraud-v2"')
    const after = await describeEndpoint(s.aws, 'fraud')
    expect(after.EndpointConfigName).toBe(before.EndpointConfigName)
    expect(after.LastModifiedTime).toEqual(before.LastModifiedTime)
  })
})
