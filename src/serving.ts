/**
 * What a deploy builds from: the serving endpoint read whole (its config, its
 * variants, the model behind the main one), and the new model and variant
 * cloned from it with the inputs laid over. A production endpoint carries
 * settings nobody repeats in a workflow (a VPC, longer health-check timeouts
 * for a large model, asynchronous inference, data capture); a deploy that
 * started from defaults would drop them silently.
 *
 * What cannot be carried into the configs this action creates is refused
 * here, before anything changes.
 */
import {
  DescribeModelCommand,
  DescribeModelPackageCommand,
  type ContainerDefinition,
  type CreateEndpointConfigCommandInput,
  type DescribeModelCommandOutput,
  type InferenceExecutionConfig,
  type ProductionVariant,
  type VpcConfig
} from '@aws-sdk/client-sagemaker'
import { awsCall } from './aws/errors.js'
import type { OperationContext } from './context.js'
import { liveInstanceCount, type Endpoint, type EndpointConfig } from './endpoint.js'
import { refuseProbesOnAsynchronous, refuseProbesTooLargeForServerless } from './probes.js'
import { resolveFrameworkImage } from './images/framework-image.js'
import { counted } from './parse.js'
import {
  carriedExecutionConfig,
  namesSomething,
  newContainerSettings,
  recordSetting as record,
  servingContainer,
  severalContainers,
  type ContainerSettings,
  type SettingSource
} from './serving-container.js'
import { refuseWhatTheModelCannotServe } from './serving-refusals.js'
import { newInstanceCount } from './serving-capacity.js'
import { NEW_ENDPOINT_DEFAULTS, type DeploySettings, type ModelSource } from './settings.js'

export type { SettingSource } from './serving-container.js'

const ANY_CPU_INSTANCE_TYPE = 'ml.m5.large'

export type Model = DescribeModelCommandOutput

/** The endpoint as it serves before the deploy. */
export interface Serving {
  endpoint: Endpoint
  config: EndpointConfig
  /** The variant the new model is modelled on: the one with the largest share of traffic. */
  primary: ProductionVariant
  /** Its instances now (autoscaling may have moved them off the config's initial count). */
  primaryInstances?: number
  model: Model
}

export async function readServing(ctx: OperationContext, endpoint: Endpoint, config: EndpointConfig): Promise<Serving> {
  const live = endpoint.ProductionVariants ?? []
  const weightOf = (name: string | undefined): number => {
    const variant = live.find((candidate) => candidate.VariantName === name)
    return variant?.CurrentWeight ?? variant?.DesiredWeight ?? 0
  }
  const variants = config.ProductionVariants ?? []
  const primary = [...variants].sort((a, b) => weightOf(b.VariantName) - weightOf(a.VariantName))[0]
  if (!primary) throw new Error(`Endpoint config "${config.EndpointConfigName}" has no production variants.`)
  const model = primary.ModelName
    ? await awsCall('DescribeModel', `model "${primary.ModelName}"`, () =>
        ctx.clients.sagemaker.send(new DescribeModelCommand({ ModelName: primary.ModelName }))
      )
    : ({ $metadata: {} } as Model)
  const summary = live.find((candidate) => candidate.VariantName === primary.VariantName)
  const instances = summary ? liveInstanceCount(summary) : undefined
  return { endpoint, config, primary, ...(instances !== undefined ? { primaryInstances: instances } : {}), model }
}

/**
 * Refuses, before any change, an endpoint whose configs the action could not
 * rebuild faithfully: its rollout would drop what it cannot carry.
 */
export function refuseWhatCannotBeCarried(ctx: OperationContext, serving: Serving, deploy: DeploySettings): void {
  const { config } = serving
  const rollout = deploy.rollout
  const name = `endpoint "${ctx.endpointName}"`
  // A config with ShadowProductionVariants may hold one production variant only
  // (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateEndpointConfig.html): a canary's two cannot
  // run beside it, and a release that kept it would go on copying users' requests to a model nobody asked for.
  if ((config.ShadowProductionVariants ?? []).length > 0) {
    const shadows = (config.ShadowProductionVariants ?? []).map((variant) => variant.VariantName).join(', ')
    throw new Error(
      `${capitalise(name)} runs shadow variants (${shadows}), which this action cannot carry into a new config: SageMaker allows a shadow variant beside one production variant only, so a canary cannot run beside it, and a release would have to drop it or keep copying users' requests to it; nothing was changed. End the shadow test first (promote or remove the shadow variant), then deploy.`
    )
  }
  // A model deployed as it is carries nothing from the serving one: it may have several containers of its own.
  const pipeline = deploy.source.kind === 'existing' ? undefined : severalContainers(serving.model)
  if (pipeline) {
    throw new Error(
      `${capitalise(name)} serves model "${serving.model.ModelName}" of ${pipeline}, which this action cannot carry into a new model of one container; nothing was changed. Create the new model with all its containers yourself (CreateModel), then deploy it as it is with model-name alone.`
    )
  }
  const componentBased = (config.ProductionVariants ?? []).some((variant) => !variant.ModelName)
  if (componentBased) {
    throw new Error(
      `${capitalise(name)} serves inference components (its variants name no model), which this action does not deploy; nothing was changed. Update the inference components with CreateInferenceComponent / UpdateInferenceComponent instead.`
    )
  }
  if (rollout.gates.probe) {
    refuseProbesOnAsynchronous(
      ctx.endpointName,
      config,
      'Judge the rollout on its metrics instead: alarm-names, max-error-rate, max-latency-p99.'
    )
    refuseProbesTooLargeForServerless(ctx.endpointName, config, rollout.gates.probe)
  }
  const serverless = (config.ProductionVariants ?? []).some((variant) => variant.ServerlessConfig)
  if (serverless && (rollout.controller === 'sagemaker' || rollout.strategy !== 'all-at-once')) {
    throw new Error(
      `Input "strategy": ${name} is serverless, and a ${rollout.controller === 'sagemaker' ? 'SageMaker-controlled' : rollout.strategy} rollout needs instance-backed variants to split traffic between; nothing was changed. Deploy with strategy: all-at-once and rollout-controller: action.`
    )
  }
}

/**
 * What the new model runs, resolved from whichever source the inputs gave:
 * the image or package, and where its model data is. Its other settings
 * (environment, mode...) are the model settings' `containerSettings`.
 */
export async function newContainer(
  ctx: OperationContext,
  source: Exclude<ModelSource, { kind: 'existing' }>,
  instanceType: string | undefined
): Promise<ContainerDefinition> {
  switch (source.kind) {
    case 'image':
      return {
        Image: source.imageUri,
        ...(source.modelDataUrl ? { ModelDataUrl: source.modelDataUrl } : {})
      }
    case 'framework':
      return {
        Image: resolveFrameworkImage({
          framework: source.framework,
          version: source.version,
          region: ctx.settings.region,
          // A serverless variant has no instance type and runs on CPU: any CPU type picks the CPU image.
          instanceType: instanceType ?? ANY_CPU_INSTANCE_TYPE
        }),
        ...(source.modelDataUrl ? { ModelDataUrl: source.modelDataUrl } : {})
      }
    case 'package': {
      await requireApprovedPackage(ctx, source.modelPackageArn)
      return { ModelPackageName: source.modelPackageArn }
    }
  }
}

/**
 * Only an approved package version deploys: the Model Registry's approval is
 * the gate a team put before production.
 * https://docs.aws.amazon.com/sagemaker/latest/dg/model-registry-approve.html
 */
async function requireApprovedPackage(ctx: OperationContext, arn: string): Promise<void> {
  const described = await awsCall('DescribeModelPackage', `model package "${arn}"`, () =>
    ctx.clients.sagemaker.send(new DescribeModelPackageCommand({ ModelPackageName: arn }))
  )
  const status = described.ModelApprovalStatus ?? 'unknown'
  if (status !== 'Approved') {
    throw new Error(
      `Input "model-package-arn": model package "${arn}" is ${status}, not Approved; nothing was changed. Approve it in the Model Registry (UpdateModelPackage ModelApprovalStatus=Approved), then deploy.`
    )
  }
  if (described.ModelPackageStatus && described.ModelPackageStatus !== 'Completed') {
    throw new Error(
      `Input "model-package-arn": model package "${arn}" is ${described.ModelPackageStatus}, not Completed; nothing was changed.`
    )
  }
}

/** The model's settings besides what its container runs: the inputs, else the serving model's. */
export interface ModelSettings {
  ExecutionRoleArn: string
  VpcConfig?: VpcConfig
  EnableNetworkIsolation?: boolean
  InferenceExecutionConfig?: InferenceExecutionConfig
  /** The container's own settings, joined with what it runs when the model is created. */
  containerSettings: ContainerSettings
  /**
   * The serving model declared its one container in `Containers` rather than
   * as `PrimaryContainer`: the new model does too, in the shape SageMaker
   * accepted, with the InferenceExecutionConfig that goes with it.
   */
  containerInList?: boolean
}

export function newModelSettings(
  deploy: DeploySettings,
  serving: Serving | undefined,
  sources: SettingSource[]
): ModelSettings {
  const from = serving?.model.ModelName ? `inherited from model "${serving.model.ModelName}"` : undefined
  const role = deploy.executionRoleArn ?? serving?.model.ExecutionRoleArn
  if (!role) {
    throw new Error(
      'Input "execution-role-arn" is required (or set SAGEMAKER_EXECUTION_ROLE_ARN): the IAM role SageMaker assumes to run the model.'
    )
  }
  refuseWhatTheModelCannotServe(deploy, serving)
  record(sources, 'ExecutionRoleArn', role, deploy.executionRoleArn ? 'input execution-role-arn' : from)
  const settings: ModelSettings = {
    ExecutionRoleArn: role,
    containerSettings: newContainerSettings(deploy, serving?.model, sources)
  }
  const executionConfig = carriedExecutionConfig(serving?.model, sources)
  if (executionConfig) settings.InferenceExecutionConfig = executionConfig
  if (serving && !serving.model.PrimaryContainer && servingContainer(serving.model)) settings.containerInList = true
  const vpc: VpcConfig | undefined = deploy.vpc
    ? { Subnets: deploy.vpc.subnets, SecurityGroupIds: deploy.vpc.securityGroupIds }
    : carriedVpc(serving?.model.VpcConfig)
  if (vpc) {
    settings.VpcConfig = vpc
    record(
      sources,
      'VpcConfig',
      `${counted(vpc.Subnets?.length ?? 0, 'subnet')} (${(vpc.Subnets ?? []).join(', ')}), ${counted(vpc.SecurityGroupIds?.length ?? 0, 'security group')}`,
      deploy.vpc ? 'input vpc-subnets, vpc-security-group-ids' : from
    )
  }
  const isolation = deploy.enableNetworkIsolation ?? serving?.model.EnableNetworkIsolation
  if (isolation !== undefined) {
    settings.EnableNetworkIsolation = isolation
    record(
      sources,
      'EnableNetworkIsolation',
      String(isolation),
      deploy.enableNetworkIsolation !== undefined ? 'input enable-network-isolation' : from
    )
  }
  return settings
}

/**
 * The serving model's VPC, when it names subnets and security groups: an
 * empty or partial VpcConfig read back (an emulator answers `{}` for a model
 * outside any VPC) is refused by CreateModel, which needs 1 to 16 subnets and
 * 1 to 5 security groups
 * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_VpcConfig.html).
 */
function carriedVpc(vpc: VpcConfig | undefined): VpcConfig | undefined {
  if (!namesSomething(vpc?.Subnets) || !namesSomething(vpc?.SecurityGroupIds)) return undefined
  return { Subnets: vpc?.Subnets, SecurityGroupIds: vpc?.SecurityGroupIds } as VpcConfig
}

/** The new variant's instance type; undefined when it stays serverless like the one it replaces. */
export function newInstanceType(deploy: DeploySettings, serving: Serving | undefined): string | undefined {
  if (deploy.instanceType) return deploy.instanceType
  const primary = serving?.primary
  if (primary?.ServerlessConfig) return undefined
  return primary?.InstanceType ?? NEW_ENDPOINT_DEFAULTS.instanceType
}

/** Variant settings carried from the serving variant; each may be overridden by an input. */
const INHERITED_VARIANT_FIELDS = [
  'ContainerStartupHealthCheckTimeoutInSeconds',
  'ModelDataDownloadTimeoutInSeconds',
  'VolumeSizeInGB',
  'InferenceAmiVersion',
  'RoutingConfig',
  'ManagedInstanceScaling'
] as const

/**
 * The new variant: the serving variant's instance type, instance count and
 * production settings, with the inputs laid over; a new endpoint's from the
 * inputs and the action's defaults.
 */
export function newVariant(
  deploy: DeploySettings,
  serving: Serving | undefined,
  placement: { name: string; model: string; weight: number },
  sources: SettingSource[]
): ProductionVariant {
  const primary = serving?.primary
  const from = primary ? `inherited from variant "${primary.VariantName}"` : undefined
  const variant: ProductionVariant = {
    VariantName: placement.name,
    ModelName: placement.model,
    InitialVariantWeight: placement.weight
  }
  if (primary?.ServerlessConfig && deploy.instanceType === undefined) {
    variant.ServerlessConfig = primary.ServerlessConfig
    record(sources, 'ServerlessConfig', JSON.stringify(primary.ServerlessConfig), from)
  } else {
    const instanceType = newInstanceType(deploy, serving) ?? NEW_ENDPOINT_DEFAULTS.instanceType
    const instances = newInstanceCount(deploy, serving)
    variant.InstanceType = instanceType as ProductionVariant['InstanceType']
    variant.InitialInstanceCount = instances.count
    record(
      sources,
      'InstanceType',
      instanceType,
      deploy.instanceType ? 'input instance-type' : primary?.InstanceType ? from : 'default'
    )
    record(sources, 'InitialInstanceCount', String(instances.count), instances.source)
  }
  for (const field of INHERITED_VARIANT_FIELDS) {
    const inherited = primary?.[field]
    // An empty structure read back (a RoutingConfig of nothing) is no setting: CreateEndpointConfig may refuse it.
    if (namesSomething(inherited)) {
      Object.assign(variant, { [field]: inherited })
      record(sources, field, typeof inherited === 'object' ? JSON.stringify(inherited) : String(inherited), from)
    }
  }
  const overrides: Array<[keyof ProductionVariant, number | undefined, string]> = [
    ['ContainerStartupHealthCheckTimeoutInSeconds', deploy.containerStartupTimeoutSeconds, 'container-startup-timeout'],
    ['ModelDataDownloadTimeoutInSeconds', deploy.modelDataDownloadTimeoutSeconds, 'model-data-download-timeout'],
    ['VolumeSizeInGB', deploy.volumeSizeGb, 'volume-size']
  ]
  for (const [field, value, input] of overrides) {
    if (value === undefined) continue
    Object.assign(variant, { [field]: value })
    record(sources, field, String(value), `input ${input}`)
  }
  return variant
}

/**
 * Every endpoint-level setting of the serving config, for every config the
 * action creates: whatever DescribeEndpointConfig returns besides the
 * config's identity and its variants is a setting to keep (data capture, the
 * KMS key, asynchronous inference, the explainer, and any added later).
 */
export function carriedConfigSettings(
  config: EndpointConfig | undefined
): Omit<CreateEndpointConfigCommandInput, 'EndpointConfigName' | 'ProductionVariants'> {
  if (!config) return {}
  const {
    $metadata: _metadata,
    EndpointConfigName: _name,
    EndpointConfigArn: _arn,
    CreationTime: _created,
    ProductionVariants: _variants,
    ShadowProductionVariants: _shadows,
    ...settings
  } = config
  const carried: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(settings)) {
    // Nothing empty is sent back: an empty structure, list or string read back is no setting.
    if (!namesSomething(value)) continue
    // Some describes return an empty capture setting; CreateEndpointConfig refuses one without a destination.
    if (key === 'DataCaptureConfig' && !(value as { DestinationS3Uri?: string }).DestinationS3Uri) continue
    carried[key] = value
  }
  return carried as Omit<CreateEndpointConfigCommandInput, 'EndpointConfigName' | 'ProductionVariants'>
}

/** The config-level settings a deploy's inputs set, laid over what is carried. */
export function configOverrides(
  deploy: DeploySettings,
  carried: ReturnType<typeof carriedConfigSettings>,
  sources: SettingSource[]
): ReturnType<typeof carriedConfigSettings> {
  const settings = { ...carried }
  for (const [key, value] of Object.entries(carried)) {
    record(
      sources,
      key,
      typeof value === 'object' ? JSON.stringify(value) : String(value),
      'inherited from the serving config'
    )
  }
  if (deploy.dataCapture) {
    // Capture both what callers send and what the model answers, as a model monitor needs.
    settings.DataCaptureConfig = {
      EnableCapture: true,
      InitialSamplingPercentage: deploy.dataCapture.samplingPercent,
      DestinationS3Uri: deploy.dataCapture.destinationS3Uri,
      CaptureOptions: [{ CaptureMode: 'Input' }, { CaptureMode: 'Output' }]
    }
    record(
      sources,
      'DataCaptureConfig',
      `${deploy.dataCapture.samplingPercent}% of requests and responses to ${deploy.dataCapture.destinationS3Uri}`,
      'input data-capture-s3-uri'
    )
  }
  return settings
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
