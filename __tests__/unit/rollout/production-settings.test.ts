/**
 * A deploy to a production endpoint clones what serves: the new model takes
 * the serving model's role, VPC and network isolation; the new variant the
 * serving variant's instance type, its instances now and its production
 * settings; every config the action creates the serving config's settings.
 * Inputs override; what cannot be carried is refused before any change.
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { InvokeEndpointCommand } from '@aws-sdk/client-sagemaker-runtime'
import * as core from '../../../__fixtures__/core.js'
import type { FakeClock } from '../../../__fixtures__/clock.js'
import { changeCalls, FakeAws, type AwsCall } from '../../../__fixtures__/fake-aws.js'
import { CANARY_DEPLOY, withTraffic } from '../../../__fixtures__/rollout.js'
import { IMAGE, ROLE_ARN } from '../../../__fixtures__/sagemaker.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, awsCallNames, resetAws, runAction } = await import('../../../__fixtures__/action.js')

const SERVING_ROLE = 'arn:aws:iam::123456789012:role/fraud-serving'
const VPC = { Subnets: ['subnet-0aaa1111bbbb2222c'], SecurityGroupIds: ['sg-0ddd3333eeee4444f'] }

/** What a production variant carries besides its name, model, type, count and weight. */
const VARIANT_FIELDS = {
  ContainerStartupHealthCheckTimeoutInSeconds: 1200,
  ModelDataDownloadTimeoutInSeconds: 1800,
  VolumeSizeInGB: 256,
  InferenceAmiVersion: 'al2-ami-sagemaker-inference-gpu-2',
  RoutingConfig: { RoutingStrategy: 'LEAST_OUTSTANDING_REQUESTS' },
  ManagedInstanceScaling: { Status: 'ENABLED', MinInstanceCount: 2, MaxInstanceCount: 8 }
}

/** What the serving config carries besides its variants, one of them a field this action has never heard of. */
const CONFIG_SETTINGS = {
  DataCaptureConfig: {
    EnableCapture: true,
    InitialSamplingPercentage: 20,
    DestinationS3Uri: 's3://fraud-capture/live',
    CaptureOptions: [{ CaptureMode: 'Input' }, { CaptureMode: 'Output' }]
  },
  KmsKeyId: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  AsyncInferenceConfig: { OutputConfig: { S3OutputPath: 's3://fraud-async/out' } },
  ExplainerConfig: { ClarifyExplainerConfig: { ShapConfig: { ShapBaselineConfig: { MimeType: 'text/csv' } } } },
  SomeSettingAddedNextYear: { Enabled: true }
}

let fake: FakeAws
let clock: FakeClock
beforeEach(() => {
  resetAws()
  fake = new FakeAws()
  fake.install(aws)
  clock = withTraffic(fake)
})

/** fraud-v1 on four ml.m5.xlarge (its config says two: autoscaling grew it), in a VPC, with every setting above. */
function seedProduction(extra: Parameters<FakeAws['seedEndpoint']>[3] = {}): void {
  fake.seedEndpoint(
    'fraud',
    'fraud-v1-config',
    [
      {
        name: 'AllTraffic',
        weight: 1,
        count: 4,
        initialCount: 2,
        model: 'fraud-v1',
        instanceType: 'ml.m5.xlarge',
        fields: VARIANT_FIELDS as never
      }
    ],
    { 'sagemaker-deploy:endpoint': 'fraud', 'sagemaker-deploy:role': 'release', ...extra },
    {
      configSettings: CONFIG_SETTINGS,
      modelSpec: {
        PrimaryContainer: { Image: `${IMAGE}-old` },
        ExecutionRoleArn: SERVING_ROLE,
        VpcConfig: VPC,
        EnableNetworkIsolation: true
      }
    }
  )
}

/** A canary without execution-role-arn: the serving model's role is the one to use. */
const canary = { ...CANARY_DEPLOY, 'execution-role-arn': '', 'traffic-steps': '10,100', 'max-error-rate': '1%' }

function created(calls: AwsCall[], api: string): Array<Record<string, unknown>> {
  return calls.filter((call) => call.name === `sagemaker.${api}`).map((call) => call.input)
}

describe('settings described empty', () => {
  it('are not sent back, in the variants or in the config: an empty structure read back is no setting', async () => {
    fake.seedEndpoint(
      'fraud',
      'fraud-v1-config',
      [
        {
          name: 'AllTraffic',
          weight: 1,
          count: 2,
          model: 'fraud-v1',
          fields: { RoutingConfig: {}, ManagedInstanceScaling: {}, VolumeSizeInGB: 50 } as never
        }
      ],
      { 'sagemaker-deploy:endpoint': 'fraud', 'sagemaker-deploy:role': 'release' },
      {
        configSettings: {
          KmsKeyId: '',
          ExplainerConfig: {},
          AsyncInferenceConfig: { OutputConfig: { S3OutputPath: '' } }
        },
        modelSpec: { PrimaryContainer: { Image: `${IMAGE}-old` }, ExecutionRoleArn: SERVING_ROLE }
      }
    )

    const result = await runAction(canary, { clock })

    expect(result.failed).toBeUndefined()
    for (const config of created(changeCalls(aws), 'CreateEndpointConfig')) {
      for (const key of ['KmsKeyId', 'ExplainerConfig', 'AsyncInferenceConfig']) expect(config).not.toHaveProperty(key)
      for (const variant of config.ProductionVariants as Array<Record<string, unknown>>) {
        expect(variant).not.toHaveProperty('RoutingConfig')
        expect(variant).not.toHaveProperty('ManagedInstanceScaling')
      }
    }
    // What names something still comes along.
    const [canaryConfig] = created(changeCalls(aws), 'CreateEndpointConfig')
    expect((canaryConfig?.ProductionVariants as Array<Record<string, unknown>>)[1]).toMatchObject({
      VolumeSizeInGB: 50
    })
  })
})

describe('a canary on a production endpoint', () => {
  beforeEach(() => seedProduction())

  it('sizes the new variant like the serving one: 4 × ml.m5.xlarge, not the defaults', async () => {
    const result = await runAction(canary, { clock })

    expect(result.failed).toBeUndefined()
    const [canaryConfig] = created(changeCalls(aws), 'CreateEndpointConfig')
    const variants = canaryConfig?.ProductionVariants as Array<Record<string, unknown>>
    expect(variants[1]).toMatchObject({
      VariantName: 'fraud-v2',
      InstanceType: 'ml.m5.xlarge',
      InitialInstanceCount: 4
    })
    // At 100% it serves with the same four instances.
    expect(fake.endpoint('fraud').variants).toEqual([{ name: 'AllTraffic', weight: 1, count: 4 }])
  })

  it("gives the new model the serving model's role, VPC and network isolation", async () => {
    await runAction(canary, { clock })

    const [model] = created(changeCalls(aws), 'CreateModel')
    expect(model).toMatchObject({
      ModelName: 'fraud-v2',
      ExecutionRoleArn: SERVING_ROLE,
      VpcConfig: VPC,
      EnableNetworkIsolation: true,
      PrimaryContainer: { Image: IMAGE }
    })
  })

  it('gives the new variant every production setting of the serving one, in the canary and the release config', async () => {
    await runAction(canary, { clock })

    const [canaryConfig, releaseConfig] = created(changeCalls(aws), 'CreateEndpointConfig')
    const newInCanary = (canaryConfig?.ProductionVariants as Array<Record<string, unknown>>)[1]
    const newInRelease = (releaseConfig?.ProductionVariants as Array<Record<string, unknown>>)[0]
    expect(newInCanary).toMatchObject(VARIANT_FIELDS)
    expect(newInRelease).toMatchObject({ VariantName: 'AllTraffic', ModelName: 'fraud-v2', ...VARIANT_FIELDS })
    // The old variant in the canary config is the serving definition whole, at its live count.
    expect((canaryConfig?.ProductionVariants as Array<Record<string, unknown>>)[0]).toMatchObject({
      VariantName: 'AllTraffic',
      InitialInstanceCount: 4,
      ...VARIANT_FIELDS
    })
  })

  it('carries every endpoint-config setting into every config it creates, one it has never heard of too', async () => {
    await runAction(canary, { clock })

    const configs = created(changeCalls(aws), 'CreateEndpointConfig')
    expect(configs).toHaveLength(2)
    for (const config of configs) expect(config).toMatchObject(CONFIG_SETTINGS)
  })

  it('shows in the summary where each setting came from', async () => {
    const result = await runAction({ ...canary, 'volume-size': '512' }, { clock })

    expect(result.summary).toContain('Settings of the new model and variant')
    expect(result.summary).toContain(
      '<tr><td><code>InstanceType</code></td><td>ml.m5.xlarge</td><td>inherited from variant &quot;AllTraffic&quot;</td></tr>'
    )
    expect(result.summary).toContain(
      '<tr><td><code>ExecutionRoleArn</code></td><td>arn:aws:iam::123456789012:role/fraud-serving</td><td>inherited from model &quot;fraud-v1&quot;</td></tr>'
    )
    expect(result.summary).toContain(
      '<tr><td><code>VolumeSizeInGB</code></td><td>512</td><td>input volume-size</td></tr>'
    )
    expect(result.summary).toContain('<td><code>AsyncInferenceConfig</code></td>')
    expect(result.summary).toContain('inherited from the serving config')
  })
})

describe('inputs override what is inherited', () => {
  beforeEach(() => seedProduction())

  it('instance type and count, role, VPC, isolation, timeouts, volume and data capture', async () => {
    const result = await runAction(
      {
        ...canary,
        'execution-role-arn': ROLE_ARN,
        'instance-type': 'ml.c5.2xlarge',
        'instance-count': '6',
        'vpc-subnets': 'subnet-0123456789abcdef0, subnet-0fedcba9876543210',
        'vpc-security-group-ids': 'sg-0123456789abcdef0',
        'enable-network-isolation': 'false',
        'container-startup-timeout': '15m',
        'model-data-download-timeout': '10m',
        'volume-size': '100',
        'data-capture-s3-uri': 's3://fraud-capture/v2',
        'data-capture-percent': '5%'
      },
      { clock }
    )

    expect(result.failed).toBeUndefined()
    const calls = changeCalls(aws)
    expect(created(calls, 'CreateModel')[0]).toMatchObject({
      ExecutionRoleArn: ROLE_ARN,
      VpcConfig: {
        Subnets: ['subnet-0123456789abcdef0', 'subnet-0fedcba9876543210'],
        SecurityGroupIds: ['sg-0123456789abcdef0']
      },
      EnableNetworkIsolation: false
    })
    const [canaryConfig] = created(calls, 'CreateEndpointConfig')
    expect((canaryConfig?.ProductionVariants as Array<Record<string, unknown>>)[1]).toMatchObject({
      InstanceType: 'ml.c5.2xlarge',
      InitialInstanceCount: 6,
      ContainerStartupHealthCheckTimeoutInSeconds: 900,
      ModelDataDownloadTimeoutInSeconds: 600,
      VolumeSizeInGB: 100,
      // What no input sets is still inherited.
      InferenceAmiVersion: VARIANT_FIELDS.InferenceAmiVersion
    })
    expect(canaryConfig?.DataCaptureConfig).toEqual({
      EnableCapture: true,
      InitialSamplingPercentage: 5,
      DestinationS3Uri: 's3://fraud-capture/v2',
      CaptureOptions: [{ CaptureMode: 'Input' }, { CaptureMode: 'Output' }]
    })
    expect(canaryConfig?.KmsKeyId).toBe(CONFIG_SETTINGS.KmsKeyId)
  })
})

describe('what cannot be carried is refused before any change', () => {
  it('probes on an asynchronous endpoint, which answers InvokeEndpointAsync only', async () => {
    seedProduction()

    const result = await runAction({ ...canary, 'probe-payload': '{"amount": 1}' }, { clock })

    expect(result.failed).toBe(
      'Input "probe-payload": endpoint "fraud" is asynchronous (its config "fraud-v1-config" has an AsyncInferenceConfig), and probes call InvokeEndpoint, which SageMaker answers only on real-time endpoints; nothing was changed. Judge the rollout on its metrics instead: alarm-names, max-error-rate, max-latency-p99.'
    )
    expect(changeCalls(aws)).toEqual([])
    expect(aws.runtime.commandCalls(InvokeEndpointCommand)).toEqual([])
  })

  it('shadow variants', async () => {
    fake.seedEndpoint(
      'fraud',
      'fraud-v1-config',
      [{ name: 'AllTraffic', weight: 1, count: 2, model: 'fraud-v1' }],
      {},
      {
        shadowVariants: [
          { VariantName: 'shadow', ModelName: 'fraud-shadow', InstanceType: 'ml.m5.large', InitialInstanceCount: 1 }
        ]
      }
    )

    const result = await runAction(canary, { clock })

    expect(result.failed).toMatch(/^Endpoint "fraud" runs shadow variants \(shadow\), which this action cannot carry/)
    expect(result.failed).toContain('SageMaker allows a shadow variant beside one production variant only')
    expect(changeCalls(aws)).toEqual([])
  })

  it('inference components', async () => {
    fake.seedEndpoint('fraud', 'fraud-ic-config', [{ name: 'AllTraffic', weight: 1, count: 2, model: 'unused' }])
    const config = fake.configs.get('fraud-ic-config')
    if (config) config.variants = config.variants.map(({ ModelName: _model, ...variant }) => variant)

    const result = await runAction(canary, { clock })

    expect(result.failed).toContain('serves inference components')
    expect(result.failed).toContain('nothing was changed')
    expect(changeCalls(aws)).toEqual([])
  })

  it('a canary on a serverless endpoint; all-at-once keeps it serverless', async () => {
    const serverless = { MemorySizeInMB: 2048, MaxConcurrency: 20 }
    fake.seedEndpoint('fraud', 'fraud-sl-config', [
      { name: 'AllTraffic', weight: 1, count: 1, model: 'fraud-v1', fields: { ServerlessConfig: serverless } }
    ])

    const refused = await runAction(canary, { clock })
    expect(refused.failed).toMatch(/^Input "strategy": endpoint "fraud" is serverless/)
    expect(changeCalls(aws)).toEqual([])

    const allAtOnce = await runAction(
      { ...canary, strategy: 'all-at-once', 'traffic-steps': '', 'execution-role-arn': ROLE_ARN },
      { clock }
    )
    expect(allAtOnce.failed).toBeUndefined()
    const [config] = created(changeCalls(aws), 'CreateEndpointConfig')
    const [variant] = config?.ProductionVariants as Array<Record<string, unknown>>
    expect(variant).toMatchObject({ ServerlessConfig: serverless })
    expect(variant).not.toHaveProperty('InstanceType')
  })

  it('a probe larger than the 4 MB a serverless endpoint takes: refused before any change', async () => {
    fake.seedEndpoint('fraud', 'fraud-sl-config', [
      {
        name: 'AllTraffic',
        weight: 1,
        count: 1,
        model: 'fraud-v1',
        fields: { ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 20 } }
      }
    ])
    const large = JSON.stringify({ pixels: 'x'.repeat(4.5 * 1024 * 1024) })

    const result = await runAction(
      { ...canary, strategy: 'all-at-once', 'traffic-steps': '', 'probe-payload': large },
      { clock }
    )

    expect(result.failed).toMatch(
      /^Input "probe-payload" is 4\.5 MB, and endpoint "fraud" is serverless, which takes requests of up to 4 MB; nothing was changed\./
    )
    expect(changeCalls(aws)).toEqual([])
  })
})

describe('a model package from the Model Registry', () => {
  const PACKAGE = 'arn:aws:sagemaker:us-east-1:123456789012:model-package/fraud/3'
  const fromPackage = { ...canary, 'image-uri': '', 'model-package-arn': PACKAGE }

  it('deploys an Approved version, the container naming the package', async () => {
    seedProduction()
    fake.modelPackages.set(PACKAGE, { approval: 'Approved' })

    const result = await runAction(fromPackage, { clock })

    expect(result.failed).toBeUndefined()
    expect(created(changeCalls(aws), 'CreateModel')[0]?.PrimaryContainer).toEqual({ ModelPackageName: PACKAGE })
  })

  it('refuses a version pending approval before any change', async () => {
    seedProduction()
    fake.modelPackages.set(PACKAGE, { approval: 'PendingManualApproval' })

    const result = await runAction(fromPackage, { clock })

    expect(result.failed).toBe(
      `Input "model-package-arn": model package "${PACKAGE}" is PendingManualApproval, not Approved; nothing was changed. Approve it in the Model Registry (UpdateModelPackage ModelApprovalStatus=Approved), then deploy.`
    )
    expect(changeCalls(aws)).toEqual([])
  })
})

describe('a framework image', () => {
  it("resolves for the serving variant's instance type: a GPU fleet gets the GPU image", async () => {
    fake.seedEndpoint('fraud', 'fraud-v1-config', [
      { name: 'AllTraffic', weight: 1, count: 2, model: 'fraud-v1', instanceType: 'ml.g5.xlarge' }
    ])

    const result = await runAction(
      { ...canary, 'image-uri': '', framework: 'pytorch', 'framework-version': '2.1', 'execution-role-arn': ROLE_ARN },
      { clock }
    )

    expect(result.failed).toBeUndefined()
    expect(created(changeCalls(aws), 'CreateModel')[0]?.PrimaryContainer).toEqual({
      Image: '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.1-gpu-py310'
    })
  })

  it('names the known versions for an unknown one, before any change', async () => {
    seedProduction()

    const result = await runAction(
      { ...canary, 'image-uri': '', framework: 'sklearn', 'framework-version': '9.9-9' },
      { clock }
    )

    expect(result.failed).toMatch(/^Input "framework-version" must be a known sklearn version: .*1\.2-1/)
    expect(changeCalls(aws)).toEqual([])
  })
})

describe('a new endpoint', () => {
  const create = {
    operation: 'deploy',
    'endpoint-name': 'fresh',
    'image-uri': IMAGE,
    'execution-role-arn': ROLE_ARN,
    'model-name': 'fresh-v1'
  }

  it("gets the action's defaults, said to be defaults: ml.m5.large and one instance", async () => {
    const result = await runAction(create, { clock })

    expect(result.failed).toBeUndefined()
    const [config] = created(changeCalls(aws), 'CreateEndpointConfig')
    expect(config?.ProductionVariants).toEqual([
      {
        VariantName: 'AllTraffic',
        ModelName: 'fresh-v1',
        InitialVariantWeight: 1,
        InstanceType: 'ml.m5.large',
        InitialInstanceCount: 1
      }
    ])
    expect(result.summary).toContain('<tr><td><code>InstanceType</code></td><td>ml.m5.large</td><td>default</td></tr>')
  })

  it('needs an execution role, and says so before any change', async () => {
    const result = await runAction({ ...create, 'execution-role-arn': '' }, { clock })

    expect(result.failed).toBe(
      'Input "execution-role-arn" is required (or set SAGEMAKER_EXECUTION_ROLE_ARN): the IAM role SageMaker assumes to run the model.'
    )
    expect(awsCallNames().filter((name) => !/\.(Describe|List|Get)/.test(name))).toEqual([])
  })
})

describe('the SageMaker controller', () => {
  it('provisions the new fleet at the size and type of the serving one', async () => {
    seedProduction()
    // As long as SageMaker's bakes: the action judges the new fleet while it serves.
    fake.transitionMs = { Updating: 25 * 60_000 }

    const result = await runAction(
      { ...canary, 'rollout-controller': 'sagemaker', 'max-error-rate': '', 'traffic-steps': '25,100', timeout: '40m' },
      { clock }
    )

    expect(result.failed).toBeUndefined()
    const [config] = created(changeCalls(aws), 'CreateEndpointConfig')
    expect((config?.ProductionVariants as Array<Record<string, unknown>>)[0]).toMatchObject({
      VariantName: 'AllTraffic',
      InstanceType: 'ml.m5.xlarge',
      InitialInstanceCount: 4,
      ...VARIANT_FIELDS
    })
    expect(config).toMatchObject(CONFIG_SETTINGS)
  })
})
