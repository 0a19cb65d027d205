/**
 * Nothing in use is lost: a rollback never lands on a config whose model is
 * gone, and delete never takes a config another endpoint still runs on.
 */
import { describe, expect, it } from '@jest/globals'
import {
  CreateEndpointCommand,
  CreateModelCommand,
  DeleteModelCommand,
  DescribeInferenceExperimentCommand,
  DescribeModelCommand,
  StopInferenceExperimentCommand
} from '@aws-sdk/client-sagemaker'
import { InvokeEndpointCommand } from '@aws-sdk/client-sagemaker-runtime'
import { OTHER_ACCOUNT, seedModelPackage, shadowTestRequest, TEST_ROLE_ARN, waitForEndpoint } from './harness.js'
import {
  describeEndpoint,
  expectFailure,
  expectSuccess,
  image,
  inventory,
  useScenario,
  warningAnnotations,
  type Inventory
} from './scenario.js'
import type { ActionRun } from './harness.js'

const scenario = useScenario()

describe('nothing in use is lost', () => {
  it('rollback refuses a target whose model was deleted, and changes nothing', async () => {
    const first = expectSuccess(await scenario.deploy('ledger', { 'image-uri': image('1'), 'model-name': 'ledger-v1' }))
    const second = expectSuccess(
      await scenario.deploy('ledger', { 'image-uri': image('2'), 'model-name': 'ledger-v2' })
    )
    await scenario.aws.sagemaker.send(new DeleteModelCommand({ ModelName: 'ledger-v1' }))
    const before = await inventory(scenario.aws)

    const rollback = await scenario.run({ operation: 'rollback', 'endpoint-name': 'ledger' })

    const errors = expectFailure(rollback)
    expect(errors[0]).toContain('ledger-v1')
    expect(errors[0]).toMatch(/no longer exist/)
    const endpoint = await describeEndpoint(scenario.aws, 'ledger')
    expect(endpoint.EndpointConfigName).toBe(second.outputs['endpoint-config-name'])
    expect(endpoint.EndpointConfigName).not.toBe(first.outputs['endpoint-config-name'])
    expect(await inventory(scenario.aws)).toEqual(before)
  })

  it('delete keeps the config and model another endpoint runs on', async () => {
    const deployed = expectSuccess(
      await scenario.deploy('ledger', { 'image-uri': image('1'), 'model-name': 'ledger-v1' })
    )
    const sharedConfig = deployed.outputs['endpoint-config-name'] ?? ''
    // A second endpoint on the very same config, as a blue/green copy or a hand-made twin would be.
    await scenario.aws.sagemaker.send(
      new CreateEndpointCommand({ EndpointName: 'ledger-twin', EndpointConfigName: sharedConfig })
    )
    await waitForEndpoint(scenario.aws.sagemaker, 'ledger-twin', 'InService')

    const deleted = await scenario.run({
      operation: 'delete',
      'endpoint-name': 'ledger',
      'delete-endpoint-config': 'true',
      'delete-model': 'true'
    })

    expectSuccess(deleted)
    const warnings = warningAnnotations(deleted).join('\n')
    expect(warnings).toContain(`Kept endpoint config "${sharedConfig}"`)
    expect(warnings).toContain('ledger-twin')
    const left = await inventory(scenario.aws)
    expect(left.endpoints).toEqual(['ledger-twin'])
    expect(left.configs).toContain(sharedConfig)
    expect(left.models).toContain('ledger-v1')
    expect((await describeEndpoint(scenario.aws, 'ledger-twin')).EndpointStatus).toBe('InService')
  })
})

describe("SageMaker's own shadow test", () => {
  it('a deploy under a scheduled one is refused before any change, and goes ahead once it is stopped', async () => {
    const serving = expectSuccess(
      await scenario.deploy('ledger', { 'image-uri': image('1'), 'model-name': 'ledger-v1' })
    )
    await scenario.aws.sagemaker.send(
      new CreateModelCommand({
        ModelName: 'ledger-candidate',
        ExecutionRoleArn: TEST_ROLE_ARN,
        PrimaryContainer: { Image: image('candidate') }
      })
    )
    const shadowTest = shadowTestRequest('ledger-shadow', 'ledger', {
      production: 'ledger-v1',
      shadow: 'ledger-candidate'
    })
    await scenario.aws.sagemaker.send(shadowTest)
    const { StartTime: start, EndTime: end } = shadowTest.input.Schedule as { StartTime: Date; EndTime: Date }
    const before = await inventory(scenario.aws)

    const refused = await scenario.deploy('ledger', { 'image-uri': image('2'), 'model-name': 'ledger-v2' })

    const errors = expectFailure(refused)
    const window = (when: Date): string => `${when.toISOString().slice(0, 16).replace('T', ' ')} UTC`
    expect(errors[0]).toContain(
      `Endpoint "ledger" is under SageMaker shadow test "ledger-shadow" (Created, from ${window(start)} to ${window(end)})`
    )
    expect(errors[0]).toContain('nothing was changed')
    expect(await inventory(scenario.aws)).toEqual(before)
    expect((await describeEndpoint(scenario.aws, 'ledger')).EndpointConfigName).toBe(
      serving.outputs['endpoint-config-name']
    )

    await scenario.aws.sagemaker.send(
      new StopInferenceExperimentCommand({
        Name: 'ledger-shadow',
        ModelVariantActions: { production: 'Retain', shadow: 'Remove' },
        DesiredState: 'Cancelled'
      })
    )
    const stopped = await scenario.aws.sagemaker.send(new DescribeInferenceExperimentCommand({ Name: 'ledger-shadow' }))
    expect(stopped.Status).toBe('Cancelled')

    const released = expectSuccess(
      await scenario.deploy('ledger', { 'image-uri': image('2'), 'model-name': 'ledger-v2' })
    )
    expect((await describeEndpoint(scenario.aws, 'ledger')).EndpointConfigName).toBe(
      released.outputs['endpoint-config-name']
    )
  })
})

describe('a gate that cannot be judged', () => {
  it('max-latency-p99 is refused before any change where CloudWatch serves no p99 of the serving variant', async () => {
    const serving = expectSuccess(
      await scenario.deploy('ledger', { 'image-uri': image('1'), 'model-name': 'ledger-v1' })
    )
    // SageMaker publishing ModelLatency as statistic sets: CloudWatch has no percentile to serve.
    await scenario.control.configure({ metricsMode: 'instant', latencyPercentiles: false })
    for (let request = 0; request < 5; request++) {
      await scenario.aws.runtime.send(
        new InvokeEndpointCommand({ EndpointName: 'ledger', Body: '{}', ContentType: 'application/json' })
      )
    }
    const before = await inventory(scenario.aws)

    const refused = await scenario.deploy('ledger', {
      'image-uri': image('2'),
      'model-name': 'ledger-v2',
      'max-latency-p99': '250ms'
    })

    const errors = expectFailure(refused)
    expect(errors[0]).toMatch(/^Input "max-latency-p99" cannot be judged on endpoint "ledger"/)
    expect(errors[0]).toContain('but not its p99')
    expect(await inventory(scenario.aws)).toEqual(before)
    expect((await describeEndpoint(scenario.aws, 'ledger')).EndpointConfigName).toBe(
      serving.outputs['endpoint-config-name']
    )
  })

  it('rollout-controller: sagemaker is refused before any change on Inf1, where SageMaker would not bake', async () => {
    const serving = expectSuccess(
      await scenario.deploy('ledger', {
        'image-uri': image('1'),
        'model-name': 'ledger-v1',
        'instance-type': 'ml.inf1.xlarge',
        'instance-count': '2'
      })
    )
    const before = await inventory(scenario.aws)

    const refused = await scenario.deploy('ledger', {
      'image-uri': image('2'),
      'model-name': 'ledger-v2',
      'rollout-controller': 'sagemaker',
      strategy: 'canary',
      'traffic-steps': '50,100',
      'bake-time': '1m',
      timeout: '30m'
    })

    const errors = expectFailure(refused)
    expect(errors[0]).toMatch(/^Input "rollout-controller" sagemaker cannot guard a deployment on Inf1 instances/)
    expect(await inventory(scenario.aws)).toEqual(before)
    expect((await describeEndpoint(scenario.aws, 'ledger')).EndpointConfigName).toBe(
      serving.outputs['endpoint-config-name']
    )
  })

  /** The serving endpoint's config, models and configs are as they were, and SageMaker was sent no update. */
  async function expectNothingChanged(serving: ActionRun, before: Inventory): Promise<void> {
    expect(await inventory(scenario.aws)).toEqual(before)
    expect(await describeEndpoint(scenario.aws, 'ledger')).toMatchObject({
      EndpointStatus: 'InService',
      EndpointConfigName: serving.outputs['endpoint-config-name']
    })
    expect((await scenario.control.fleet()).ledger?.updateEndpointCalls).toBe(0)
    expect(await scenario.control.deployments('ledger')).toEqual([])
  }

  const SAGEMAKER_CANARY = {
    'rollout-controller': 'sagemaker',
    strategy: 'canary',
    'traffic-steps': '50,100',
    'bake-time': '1m',
    timeout: '30m'
  }

  it("rollout-controller: sagemaker is refused before any change for a new model from another account's package", async () => {
    const serving = expectSuccess(
      await scenario.deploy('ledger', { 'image-uri': image('1'), 'model-name': 'ledger-v1', 'instance-count': '2' })
    )
    // Approved, so that only where it comes from stands in the way: shared, or from AWS Marketplace.
    const foreign = await seedModelPackage(scenario.emulator, { group: 'ledger-scorer', image: image('scorer') })
    const before = await inventory(scenario.aws)

    const refused = await scenario.deploy('ledger', {
      'model-package-arn': foreign,
      'model-name': 'ledger-v2',
      ...SAGEMAKER_CANARY
    })

    const errors = expectFailure(refused)
    expect(errors[0]).toMatch(
      /^Input "rollout-controller" sagemaker cannot guard a deployment of model package "[^"]+": it belongs to another account, as every AWS Marketplace package does/
    )
    expect(errors[0]).toContain(`model package "${foreign}"`)
    await expectNothingChanged(serving, before)

    // The action's own canary takes the same package.
    const deployed = expectSuccess(
      await scenario.deploy('ledger', { 'model-package-arn': foreign, 'model-name': 'ledger-v2' })
    )
    expect((await describeEndpoint(scenario.aws, 'ledger')).EndpointConfigName).toBe(
      deployed.outputs['endpoint-config-name']
    )
  })

  it("rollout-controller: sagemaker is refused before any change when the serving model is another account's package", async () => {
    const foreign = await seedModelPackage(scenario.emulator, { group: 'ledger-scorer', image: image('scorer') })
    const serving = expectSuccess(
      await scenario.deploy('ledger', {
        'model-package-arn': foreign,
        'model-name': 'ledger-v1',
        'instance-count': '2'
      })
    )
    expect(foreign).toContain(`:${OTHER_ACCOUNT}:model-package/`)
    // As SageMaker describes it: the container names the package.
    const model = await scenario.aws.sagemaker.send(new DescribeModelCommand({ ModelName: 'ledger-v1' }))
    expect(model.PrimaryContainer).toEqual({ ModelPackageName: foreign })
    const before = await inventory(scenario.aws)

    const refused = await scenario.deploy('ledger', {
      'image-uri': image('2'),
      'model-name': 'ledger-v2',
      ...SAGEMAKER_CANARY
    })

    const errors = expectFailure(refused)
    expect(errors[0]).toMatch(/^Input "rollout-controller" sagemaker cannot guard a deployment of model package "/)
    expect(errors[0]).toContain(`model package "${foreign}"`)
    await expectNothingChanged(serving, before)
  })

  it("rollout-controller: sagemaker is refused before any change for a model that exists and runs another account's package", async () => {
    const serving = expectSuccess(
      await scenario.deploy('ledger', { 'image-uri': image('1'), 'model-name': 'ledger-v1', 'instance-count': '2' })
    )
    const foreign = await seedModelPackage(scenario.emulator, { group: 'ledger-scorer', image: image('scorer') })
    // Made outside the action, as a pipeline would, then deployed as it is with model-name alone.
    await scenario.aws.sagemaker.send(
      new CreateModelCommand({
        ModelName: 'ledger-v2',
        ExecutionRoleArn: TEST_ROLE_ARN,
        PrimaryContainer: { ModelPackageName: foreign }
      })
    )
    const before = await inventory(scenario.aws)

    const refused = await scenario.run({
      operation: 'deploy',
      'endpoint-name': 'ledger',
      'model-name': 'ledger-v2',
      ...SAGEMAKER_CANARY
    })

    const errors = expectFailure(refused)
    expect(errors[0]).toMatch(/^Input "rollout-controller" sagemaker cannot guard a deployment of model package "/)
    expect(errors[0]).toContain(`model package "${foreign}"`)
    await expectNothingChanged(serving, before)
  })
})
