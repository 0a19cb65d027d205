// The new variant is sized and configured from the serving one, through the
// bundled action against the emulator: what a production endpoint carries and
// no workflow repeats (a VPC, network isolation, long startup and download
// timeouts, asynchronous inference) must be in every model and config a
// rollout creates and still be there after a rollback; a model package deploys
// only once approved; a framework image resolves for the region and for the
// instance type the new variant inherits; and the serving variants' scale-in
// is suspended for a rollout and given back after it, after a cancel too.
//
// The gates are probes or none, so nothing waits for CloudWatch minutes. The
// scenarios run side by side, each on an endpoint of its own in one emulator
// that is never reset between them.

import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import {
  DescribeScalableTargetsCommand,
  PutScalingPolicyCommand,
  RegisterScalableTargetCommand,
  type ScalableTarget,
  type SuspendedState
} from '@aws-sdk/client-application-auto-scaling'
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  CreateModelPackageCommand,
  CreateModelPackageGroupCommand,
  DeleteEndpointConfigCommand,
  DescribeEndpointConfigCommand,
  DescribeModelCommand,
  ListModelsCommand,
  type AsyncInferenceConfig,
  type DescribeEndpointConfigCommandOutput,
  type DescribeModelCommandOutput,
  type ProductionVariant,
  type VpcConfig
} from '@aws-sdk/client-sagemaker'
import { InvokeEndpointCommand } from '@aws-sdk/client-sagemaker-runtime'
import { emulatorControl, type EmulatorControl } from '../../test/emulator/control.mjs'
import {
  TEST_ROLE_ARN,
  awsClients,
  runAction,
  startEmulator,
  waitForEndpoint,
  type ActionRun,
  type AwsClients,
  type Emulator,
  type RunActionOptions,
  savedForPost
} from './harness.js'
import {
  describeEndpoint,
  expectFailure,
  expectSuccess,
  image,
  inventory,
  transcript,
  warningAnnotations
} from './scenario.js'

// Every scenario is a few seconds of transitions and one-second bakes; they run side by side.
jest.setTimeout(90_000)

let emulator: Emulator
let aws: AwsClients
let control: EmulatorControl

beforeAll(async () => {
  emulator = await startEmulator({ transitionSeconds: 0.3 })
  aws = awsClients(emulator)
  control = emulatorControl(emulator)
  await control.configure({ seed: 7 })
}, 120_000)

afterAll(async () => {
  aws?.destroy()
  await emulator?.stop()
})

const VPC: VpcConfig = { SecurityGroupIds: ['sg-0a1b2c3d'], Subnets: ['subnet-0aaa1111', 'subnet-0bbb2222'] }
/** A large model's variant: startup and download take longer than SageMaker's defaults, on a larger volume. */
const LARGE_MODEL_SETTINGS = {
  ContainerStartupHealthCheckTimeoutInSeconds: 900,
  ModelDataDownloadTimeoutInSeconds: 1200,
  VolumeSizeInGB: 128
} satisfies Partial<ProductionVariant>
const ASYNC: AsyncInferenceConfig = {
  OutputConfig: { S3OutputPath: 's3://inference-results/async/', S3FailurePath: 's3://inference-results/failed/' },
  ClientConfig: { MaxConcurrentInvocationsPerInstance: 4 }
}

/** Two gate evaluations a step, judged by probes alone: they answer at once. */
const PROBED = { 'bake-time': '1s', 'gate-interval': '1s', 'probe-payload': '{"rows": [[1, 2, 3]]}' }

interface ServingOptions {
  vpc?: VpcConfig
  networkIsolation?: boolean
  variant?: Partial<ProductionVariant>
  asyncInference?: AsyncInferenceConfig
}

interface Seeded {
  model: string
  config: string
}

/** An endpoint of its own, serving one AllTraffic variant whose model and config carry `options`. */
async function serving(endpointName: string, options: ServingOptions = {}): Promise<Seeded> {
  const seeded = { model: `${endpointName}-serving`, config: `${endpointName}-serving-config` }
  await aws.sagemaker.send(
    new CreateModelCommand({
      ModelName: seeded.model,
      ExecutionRoleArn: TEST_ROLE_ARN,
      PrimaryContainer: { Image: image(`${endpointName}-serving`) },
      ...(options.vpc ? { VpcConfig: options.vpc } : {}),
      ...(options.networkIsolation !== undefined ? { EnableNetworkIsolation: options.networkIsolation } : {})
    })
  )
  await aws.sagemaker.send(
    new CreateEndpointConfigCommand({
      EndpointConfigName: seeded.config,
      ProductionVariants: [
        {
          VariantName: 'AllTraffic',
          ModelName: seeded.model,
          InstanceType: 'ml.m5.large',
          InitialInstanceCount: 2,
          InitialVariantWeight: 1,
          ...options.variant
        }
      ],
      ...(options.asyncInference ? { AsyncInferenceConfig: options.asyncInference } : {})
    })
  )
  await aws.sagemaker.send(new CreateEndpointCommand({ EndpointName: endpointName, EndpointConfigName: seeded.config }))
  await waitForEndpoint(aws.sagemaker, endpointName, 'InService')
  return seeded
}

function run(
  inputs: Record<string, string>,
  options: Omit<RunActionOptions, 'inputs' | 'emulator'> = {}
): Promise<ActionRun> {
  return runAction({ timeoutMs: 60_000, ...options, inputs, emulator })
}

/** A deploy of `<endpoint>-new` to an existing endpoint; the role comes from the serving model. */
function deploy(
  endpointName: string,
  inputs: Record<string, string>,
  options: Omit<RunActionOptions, 'inputs' | 'emulator'> = {}
): Promise<ActionRun> {
  return run(
    {
      operation: 'deploy',
      'endpoint-name': endpointName,
      'image-uri': image(`${endpointName}-new`),
      'model-name': `${endpointName}-new`,
      ...inputs
    },
    options
  )
}

const describeConfig = (name: string): Promise<DescribeEndpointConfigCommandOutput> =>
  aws.sagemaker.send(new DescribeEndpointConfigCommand({ EndpointConfigName: name }))

const describeModel = (name: string): Promise<DescribeModelCommandOutput> =>
  aws.sagemaker.send(new DescribeModelCommand({ ModelName: name }))

function variantOf(config: DescribeEndpointConfigCommandOutput, name: string): ProductionVariant | undefined {
  return config.ProductionVariants?.find((variant) => variant.VariantName === name)
}

/** The endpoint's models, configs and endpoint: what a refused deploy must leave exactly as it was. */
async function resourcesOf(endpointName: string): Promise<{ models: string[]; configs: string[] }> {
  const all = await inventory(aws)
  const ours = (names: string[]): string[] => names.filter((name) => name.startsWith(endpointName))
  return { models: ours(all.models), configs: ours(all.configs) }
}

describe('production settings a rollout carries', () => {
  it.concurrent(
    'a VPC, network isolation and long startup and download timeouts reach the new model, the canary config and the release config',
    async () => {
      const name = 'vpc-canary'
      const seeded = await serving(name, { vpc: VPC, networkIsolation: true, variant: LARGE_MODEL_SETTINGS })

      // Paused at 50%: the canary config stays in place to be read.
      const paused = expectSuccess(await deploy(name, { strategy: 'canary', 'traffic-steps': '50', ...PROBED }))
      expect(paused.outputs['rollout-result']).toBe('paused')
      const canaryConfig = paused.outputs['endpoint-config-name'] ?? ''
      expect(canaryConfig).toMatch(/-canary$/)

      const model = await describeModel(`${name}-new`)
      expect(model).toMatchObject({
        ExecutionRoleArn: TEST_ROLE_ARN,
        VpcConfig: VPC,
        EnableNetworkIsolation: true,
        PrimaryContainer: { Image: image(`${name}-new`) }
      })
      const canary = await describeConfig(canaryConfig)
      expect(canary.ProductionVariants?.map((variant) => variant.VariantName)).toEqual(['AllTraffic', `${name}-new`])
      // The new variant is sized like the serving one and keeps its timeouts and volume ...
      expect(variantOf(canary, `${name}-new`)).toMatchObject({
        ModelName: `${name}-new`,
        InstanceType: 'ml.m5.large',
        InitialInstanceCount: 2,
        ...LARGE_MODEL_SETTINGS
      })
      // ... and the serving variant beside it is its own definition, whole.
      expect(variantOf(canary, 'AllTraffic')).toMatchObject({ ModelName: seeded.model, ...LARGE_MODEL_SETTINGS })
      // The summary says where each setting came from.
      expect(paused.summary).toContain(`inherited from model &quot;${seeded.model}&quot;`)
      expect(paused.summary).toContain('inherited from variant &quot;AllTraffic&quot;')

      const promoted = expectSuccess(
        await run({ operation: 'promote', 'endpoint-name': name, 'traffic-steps': '100', ...PROBED })
      )
      const releaseConfig = promoted.outputs['endpoint-config-name'] ?? ''
      expect(releaseConfig).not.toBe(canaryConfig)
      expect((await describeEndpoint(aws, name)).EndpointConfigName).toBe(releaseConfig)
      const release = await describeConfig(releaseConfig)
      expect(release.ProductionVariants).toEqual([
        expect.objectContaining({
          VariantName: 'AllTraffic',
          ModelName: `${name}-new`,
          InstanceType: 'ml.m5.large',
          InitialInstanceCount: 2,
          ...LARGE_MODEL_SETTINGS
        })
      ])
    }
  )

  it.concurrent(
    'a canary whose probes fail is rolled back onto a config and model that still have the VPC, isolation and timeouts',
    async () => {
      const name = 'vpc-rollback'
      const seeded = await serving(name, { vpc: VPC, networkIsolation: true, variant: LARGE_MODEL_SETTINGS })
      // Every request to the new model fails, probes included.
      await control.setModelBehaviour({ match: `${name}-new`, errorRate: 1 })

      // The rollback deletes the canary config and the new model: read them while the canary serves.
      let canary: Promise<[DescribeEndpointConfigCommandOutput, DescribeModelCommandOutput]> | undefined
      const rolledBack = await deploy(
        name,
        { strategy: 'canary', 'traffic-steps': '10,100', ...PROBED },
        {
          onOutput: (line) => {
            if (!canary && line.includes('Shifting 10% of traffic')) {
              canary = Promise.all([
                describeEndpoint(aws, name).then((endpoint) => describeConfig(endpoint.EndpointConfigName ?? '')),
                describeModel(`${name}-new`)
              ])
            }
          }
        }
      )

      expect(expectFailure(rolledBack)[0]).toMatch(/^Rolled back: a failed gate evaluation at 10%/)
      expect(rolledBack.outputs).toMatchObject({ 'rollout-result': 'rolled-back', 'rolled-back': 'true' })
      if (!canary) throw new Error(`The canary never took traffic:\n${transcript(rolledBack)}`)
      const [canaryConfig, newModel] = await canary
      expect(canaryConfig.EndpointConfigName).toMatch(/-canary$/)
      expect(variantOf(canaryConfig, `${name}-new`)).toMatchObject(LARGE_MODEL_SETTINGS)
      expect(newModel).toMatchObject({ VpcConfig: VPC, EnableNetworkIsolation: true })

      const endpoint = await describeEndpoint(aws, name)
      expect(endpoint).toMatchObject({ EndpointStatus: 'InService', EndpointConfigName: seeded.config })
      expect(
        endpoint.ProductionVariants?.map((variant) => [variant.VariantName, variant.CurrentInstanceCount])
      ).toEqual([['AllTraffic', 2]])
      const final = await describeConfig(endpoint.EndpointConfigName ?? '')
      expect(final.ProductionVariants).toEqual([
        expect.objectContaining({ VariantName: 'AllTraffic', ModelName: seeded.model, ...LARGE_MODEL_SETTINGS })
      ])
      expect(await describeModel(seeded.model)).toMatchObject({ VpcConfig: VPC, EnableNetworkIsolation: true })
      expect(await resourcesOf(name)).toEqual({ models: [seeded.model], configs: [seeded.config] })
    }
  )

  it.concurrent(
    'an asynchronous endpoint keeps its AsyncInferenceConfig in the canary config and the release config',
    async () => {
      const name = 'async'
      await serving(name, { asyncInference: ASYNC })

      let canary: Promise<DescribeEndpointConfigCommandOutput> | undefined
      const promoted = expectSuccess(
        await deploy(
          name,
          // No gates: probes call InvokeEndpoint, not the InvokeEndpointAsync an asynchronous endpoint answers, and an
          // alarm gate waits for CloudWatch minutes. Each step waits for its bake-time only.
          { strategy: 'canary', 'traffic-steps': '50,100', 'bake-time': '1s', 'gate-interval': '1s' },
          {
            onOutput: (line) => {
              if (!canary && line.includes('Shifting 50% of traffic')) {
                canary = describeEndpoint(aws, name).then((endpoint) =>
                  describeConfig(endpoint.EndpointConfigName ?? '')
                )
              }
            }
          }
        )
      )

      expect(promoted.outputs['rollout-result']).toBe('succeeded')
      if (!canary) throw new Error(`The canary never took traffic:\n${transcript(promoted)}`)
      const canaryConfig = await canary
      expect(canaryConfig.EndpointConfigName).toMatch(/-canary$/)
      expect(canaryConfig.AsyncInferenceConfig).toEqual(ASYNC)
      const release = await describeConfig(promoted.outputs['endpoint-config-name'] ?? '')
      expect(release.ProductionVariants?.map((variant) => [variant.VariantName, variant.ModelName])).toEqual([
        ['AllTraffic', `${name}-new`]
      ])
      expect(release.AsyncInferenceConfig).toEqual(ASYNC)
      const endpoint = await describeEndpoint(aws, name)
      expect(endpoint.EndpointConfigName).toBe(release.EndpointConfigName)
      expect(endpoint.AsyncInferenceConfig).toEqual(ASYNC)
    }
  )

  it.concurrent(
    'an asynchronous endpoint is never probed: a canary with probes and a health-check are refused before anything is sent',
    async () => {
      const name = 'async-probed'
      await serving(name, { asyncInference: ASYNC })
      // What the refusal spares: SageMaker answers InvokeEndpoint on an asynchronous endpoint with a ValidationError.
      await expect(
        aws.runtime.send(new InvokeEndpointCommand({ EndpointName: name, Body: '{}', ContentType: 'application/json' }))
      ).rejects.toMatchObject({ name: 'ValidationError' })
      const before = await describeEndpoint(aws, name)

      const refused = expectFailure(await deploy(name, { strategy: 'canary', 'traffic-steps': '50,100', ...PROBED }))
      expect(refused).toEqual([
        expect.stringMatching(
          new RegExp(
            `^Input "probe-payload": endpoint "${name}" is asynchronous .* nothing was changed\\. Judge the rollout on its metrics instead`
          )
        )
      ])
      // A workflow mistake, not an unhealthy endpoint: it fails whatever fail-on-unhealthy says.
      const checked = expectFailure(
        await run({
          operation: 'health-check',
          'endpoint-name': name,
          'probe-payload': '{}',
          'fail-on-unhealthy': 'false'
        })
      )
      expect(checked).toEqual([expect.stringContaining('is asynchronous')])
      expect(checked[0]).toContain('Use operation: monitor')

      const after = await describeEndpoint(aws, name)
      expect(after.EndpointConfigName).toBe(before.EndpointConfigName)
      expect(after.LastModifiedTime).toEqual(before.LastModifiedTime)
      const models = await aws.sagemaker.send(new ListModelsCommand({ MaxResults: 100 }))
      expect((models.Models ?? []).map((model) => model.ModelName)).not.toContain(`${name}-new`)
      // Only the request above reached the endpoint: no probe was sent.
      expect((await control.invocations()).filter((invocation) => invocation.endpoint === name)).toHaveLength(1)
    }
  )
})

describe('what the new model runs', () => {
  /** A version in `group` of a package whose container is `packagedImage`. */
  async function modelPackage(
    group: string,
    packagedImage: string,
    status: 'Approved' | 'PendingManualApproval'
  ): Promise<string> {
    const created = await aws.sagemaker.send(
      new CreateModelPackageCommand({
        ModelPackageGroupName: group,
        ModelApprovalStatus: status,
        InferenceSpecification: {
          Containers: [{ Image: packagedImage, ModelDataUrl: `s3://models/${group}/model.tar.gz` }],
          SupportedContentTypes: ['application/json'],
          SupportedResponseMIMETypes: ['application/json'],
          SupportedRealtimeInferenceInstanceTypes: ['ml.m5.large']
        }
      })
    )
    return created.ModelPackageArn ?? ''
  }

  it.concurrent('an approved model package deploys by its ARN, and the package image serves', async () => {
    const name = 'package-approved'
    await serving(name)
    await aws.sagemaker.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: name }))
    const packagedImage = image(`${name}-packaged`)
    const arn = await modelPackage(name, packagedImage, 'Approved')

    const deployed = expectSuccess(
      await run({
        operation: 'deploy',
        'endpoint-name': name,
        'model-package-arn': arn,
        'model-name': `${name}-new`,
        strategy: 'canary',
        'traffic-steps': '100',
        ...PROBED
      })
    )

    expect(deployed.outputs['rollout-result']).toBe('succeeded')
    // The container names the package, so SageMaker takes the image and the artifacts from it.
    expect((await describeModel(`${name}-new`)).PrimaryContainer).toEqual({ ModelPackageName: arn })
    const endpoint = await describeEndpoint(aws, name)
    expect(endpoint.ProductionVariants?.map((variant) => variant.VariantName)).toEqual(['AllTraffic'])
    expect(
      endpoint.ProductionVariants?.[0]?.DeployedImages?.map((deployedImage) => deployedImage.SpecifiedImage)
    ).toEqual([packagedImage])
    // The probes reached the packaged model.
    const probes = (await control.invocations()).filter((probe) => probe.endpoint === name)
    expect(probes.length).toBeGreaterThan(0)
    expect(probes.every((probe) => probe.variant === `${name}-new` && probe.status === 200)).toBe(true)
  })

  it.concurrent(
    'a package version pending approval is refused before anything is created, naming the input',
    async () => {
      const name = 'package-pending'
      const seeded = await serving(name)
      await aws.sagemaker.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: name }))
      const arn = await modelPackage(name, image(`${name}-packaged`), 'PendingManualApproval')
      const before = await resourcesOf(name)

      const refused = await run({
        operation: 'deploy',
        'endpoint-name': name,
        'model-package-arn': arn,
        'model-name': `${name}-new`,
        strategy: 'canary',
        'traffic-steps': '10,100',
        ...PROBED
      })

      expect(expectFailure(refused)).toEqual([
        `Input "model-package-arn": model package "${arn}" is PendingManualApproval, not Approved; nothing was changed. Approve it in the Model Registry (UpdateModelPackage ModelApprovalStatus=Approved), then deploy.`
      ])
      expect(await resourcesOf(name)).toEqual(before)
      expect(before).toEqual({ models: [seeded.model], configs: [seeded.config] })
      const endpoint = await describeEndpoint(aws, name)
      expect(endpoint).toMatchObject({ EndpointStatus: 'InService', EndpointConfigName: seeded.config })
      expect((await control.fleet())[name]?.updateEndpointCalls).toBe(0)
    }
  )

  it.concurrent(
    "framework and framework-version resolve to the region's image, for the instance type the new variant inherits",
    async () => {
      // One endpoint serves on CPU, the other on a GPU instance the new variant inherits.
      const cpu = 'framework-cpu'
      const gpu = 'framework-gpu'
      await Promise.all([serving(cpu), serving(gpu, { variant: { InstanceType: 'ml.g5.xlarge' } })])
      const frameworkDeploy = (name: string, framework: string, version: string): Promise<ActionRun> =>
        run({
          operation: 'deploy',
          'endpoint-name': name,
          framework,
          'framework-version': version,
          'model-data-url': `s3://models/${name}/model.tar.gz`,
          'model-name': `${name}-new`
        })

      const [sklearn, pytorch] = await Promise.all([
        frameworkDeploy(cpu, 'sklearn', '1.2-1'),
        frameworkDeploy(gpu, 'pytorch', '2.1.0')
      ])

      expectSuccess(sklearn)
      expectSuccess(pytorch)
      expect((await describeModel(`${cpu}-new`)).PrimaryContainer).toEqual({
        Image: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3',
        ModelDataUrl: `s3://models/${cpu}/model.tar.gz`
      })
      expect((await describeModel(`${gpu}-new`)).PrimaryContainer).toEqual({
        Image: '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.1.0-gpu-py310',
        ModelDataUrl: `s3://models/${gpu}/model.tar.gz`
      })
      const gpuEndpoint = await describeEndpoint(aws, gpu)
      expect(gpuEndpoint.EndpointConfigName).toBe(pytorch.outputs['endpoint-config-name'])
      const gpuConfig = await describeConfig(gpuEndpoint.EndpointConfigName ?? '')
      expect(gpuConfig.ProductionVariants?.map((variant) => [variant.ModelName, variant.InstanceType])).toEqual([
        [`${gpu}-new`, 'ml.g5.xlarge']
      ])
    }
  )
})

describe("the serving variants' scale-in during a rollout", () => {
  /** Scale-out and scheduled scaling suspended by their owner: the rollout must give back exactly this. */
  const OWN_STATE: Required<SuspendedState> = {
    DynamicScalingInSuspended: false,
    DynamicScalingOutSuspended: true,
    ScheduledScalingSuspended: true
  }

  async function scaled(endpointName: string): Promise<void> {
    await serving(endpointName)
    const target = {
      ServiceNamespace: 'sagemaker' as const,
      ResourceId: `endpoint/${endpointName}/variant/AllTraffic`,
      ScalableDimension: 'sagemaker:variant:DesiredInstanceCount' as const
    }
    await aws.autoscaling.send(
      new RegisterScalableTargetCommand({ ...target, MinCapacity: 2, MaxCapacity: 6, SuspendedState: OWN_STATE })
    )
    await aws.autoscaling.send(
      new PutScalingPolicyCommand({
        ...target,
        PolicyName: 'invocations',
        PolicyType: 'TargetTrackingScaling',
        TargetTrackingScalingPolicyConfiguration: {
          TargetValue: 300,
          PredefinedMetricSpecification: { PredefinedMetricType: 'SageMakerVariantInvocationsPerInstance' }
        }
      })
    )
  }

  async function servingTarget(endpointName: string): Promise<ScalableTarget | undefined> {
    const { ScalableTargets } = await aws.autoscaling.send(
      new DescribeScalableTargetsCommand({
        ServiceNamespace: 'sagemaker',
        ResourceIds: [`endpoint/${endpointName}/variant/AllTraffic`]
      })
    )
    return ScalableTargets?.[0]
  }

  it.concurrent('is suspended while a canary bakes and given back as it was after a cancel', async () => {
    const name = 'scale-cancel'
    await scaled(name)
    const inputs = { strategy: 'canary', 'traffic-steps': '50,100', ...PROBED, 'bake-time': '5m' }

    let during: Promise<ScalableTarget | undefined> | undefined
    const cancelled = await deploy(name, inputs, {
      // Cancelled mid-bake at 50%, once the suspension has been read.
      onOutput: (line, _stream, send) => {
        if (!during && /Evaluation 1\/\d+ at 50%/.test(line)) {
          during = servingTarget(name).finally(() => send('SIGINT'))
        }
      }
    })

    expect(cancelled.exitCode).toBe(1)
    expect(cancelled.stdout).toContain('Received SIGINT')
    if (!during) throw new Error(`The canary never baked:\n${transcript(cancelled)}`)
    expect((await during)?.SuspendedState).toEqual({ ...OWN_STATE, DynamicScalingInSuspended: true })
    const saved = JSON.parse(savedForPost(cancelled.state, 'rollout') || '{}') as { rollout?: { held?: unknown[] } }
    expect(saved.rollout?.held).toEqual([{ variant: 'AllTraffic', instances: 2, before: OWN_STATE }])

    const post = await run({ operation: 'deploy', 'endpoint-name': name }, { post: true, state: cancelled.state })

    expect(post.exitCode).toBe(0)
    const endpoint = await describeEndpoint(aws, name)
    expect(endpoint).toMatchObject({ EndpointStatus: 'InService', EndpointConfigName: `${name}-serving-config` })
    expect(await servingTarget(name)).toMatchObject({ MinCapacity: 2, MaxCapacity: 6, SuspendedState: OWN_STATE })
  })

  it.concurrent('is given back after a cancel even when the post step cannot restore the previous config', async () => {
    const name = 'scale-lost-config'
    await scaled(name)
    const cancelled = await deploy(
      name,
      { strategy: 'canary', 'traffic-steps': '50,100', ...PROBED, 'bake-time': '5m' },
      { signal: { name: 'SIGINT', whenOutput: /Evaluation 1\/\d+ at 50%/ } }
    )
    expect(cancelled.exitCode).toBe(1)
    // Deleted by someone between the cancel and the post step: there is nothing to return to.
    await aws.sagemaker.send(new DeleteEndpointConfigCommand({ EndpointConfigName: `${name}-serving-config` }))

    const post = await run({ operation: 'deploy', 'endpoint-name': name }, { post: true, state: cancelled.state })

    // The post step reports what it could not do; the job's verdict was the main step's.
    expect(post.exitCode).toBe(0)
    expect(warningAnnotations(post)).toContainEqual(
      expect.stringContaining(`Could not return "${name}" to "${name}-serving-config"`)
    )
    expect((await describeEndpoint(aws, name)).EndpointConfigName).toMatch(/-canary$/)
    // The rollout is over all the same: nothing else would ever give the variant its scale-in back.
    expect(await servingTarget(name)).toMatchObject({ MinCapacity: 2, MaxCapacity: 6, SuspendedState: OWN_STATE })
  })

  it.concurrent('is suspended while a canary bakes and given back as it was after a rollback', async () => {
    const name = 'scale-rollback'
    await scaled(name)
    await control.setModelBehaviour({ match: `${name}-new`, errorRate: 1 })

    let during: Promise<ScalableTarget | undefined> | undefined
    const rolledBack = await deploy(
      name,
      { strategy: 'canary', 'traffic-steps': '10,100', ...PROBED },
      {
        onOutput: (line) => {
          if (!during && line.includes('Shifting 10% of traffic')) during = servingTarget(name)
        }
      }
    )

    expect(expectFailure(rolledBack)[0]).toMatch(/^Rolled back: a failed gate evaluation at 10%/)
    if (!during) throw new Error(`The canary never took traffic:\n${transcript(rolledBack)}`)
    expect((await during)?.SuspendedState).toEqual({ ...OWN_STATE, DynamicScalingInSuspended: true })
    expect((await describeEndpoint(aws, name)).EndpointConfigName).toBe(`${name}-serving-config`)
    expect(await servingTarget(name)).toMatchObject({ MinCapacity: 2, MaxCapacity: 6, SuspendedState: OWN_STATE })
  })
})
