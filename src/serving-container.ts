/**
 * The new model's container as what serves configures it. A framework
 * container finds its entry point through SAGEMAKER_PROGRAM and
 * SAGEMAKER_SUBMIT_DIRECTORY, a large-model container its model through
 * HF_MODEL_ID and OPTION_*, a multi-model container loads what callers name:
 * none of that is repeated in a workflow, and a new model without it would
 * not start, or would serve something else. So the serving container's
 * settings are carried over and the inputs laid on top. Its model data is
 * not: a new model means new data, or none.
 *
 * Only what names something is carried: a describe call may answer an empty
 * structure (an emulator does), which CreateModel would refuse.
 */
import * as core from '@actions/core'
import type {
  ContainerDefinition,
  ContainerMode,
  DescribeModelCommandOutput,
  ImageConfig,
  InferenceExecutionConfig,
  ModelAccessConfig,
  MultiModelConfig
} from '@aws-sdk/client-sagemaker'
import { counted } from './parse.js'
import type { DeploySettings } from './settings.js'

/** Where a setting of the new model or variant came from, for the summary. */
export interface SettingSource {
  setting: string
  value: string
  /** `inherited from model "x"`, `input instance-type`, `default`. */
  source: string
}

/** What a summary shows instead of an environment variable's value, which may be a secret. */
export const HIDDEN_VALUE = '(value not shown)'

/**
 * The container's settings besides what it runs (image or package) and its
 * model data: carried from the serving container, with the inputs laid over.
 */
export interface ContainerSettings {
  Environment?: Record<string, string>
  ImageConfig?: ImageConfig
  Mode?: ContainerMode
  MultiModelConfig?: MultiModelConfig
  /** Goes with the model data (ModelDataSource.S3DataSource), where SageMaker takes it. */
  ModelAccessConfig?: ModelAccessConfig
}

/** The model as DescribeModel answers it, as far as its containers go. */
export type DescribedModel = Pick<
  DescribeModelCommandOutput,
  'ModelName' | 'PrimaryContainer' | 'Containers' | 'InferenceExecutionConfig'
>

/** What a model runs, without its name: the CreateModel request of a new model, or a described one. */
export type ModelContainers = Omit<DescribedModel, 'ModelName'>

/** A model's one container, wherever it is declared; undefined for none, or for several (refused before any change). */
export function servingContainer(model: ModelContainers | undefined): ContainerDefinition | undefined {
  if (model?.PrimaryContainer) return model.PrimaryContainer
  const containers = model?.Containers ?? []
  return containers.length === 1 ? containers[0] : undefined
}

/** The model packages a model's containers name, however many it has. */
export function modelPackagesOf(model: ModelContainers | undefined): string[] {
  const containers = [...(model?.PrimaryContainer ? [model.PrimaryContainer] : []), ...(model?.Containers ?? [])]
  return containers.flatMap((container) => (container.ModelPackageName ? [container.ModelPackageName] : []))
}

/** The containers of a model that runs several (an inference pipeline, direct invocation), in words; else undefined. */
export function severalContainers(model: ModelContainers | undefined): string | undefined {
  const containers = model?.Containers ?? []
  if (containers.length < 2) return undefined
  const names = containers.map(
    (container, index) =>
      container.ContainerHostname ?? container.Image ?? container.ModelPackageName ?? `#${index + 1}`
  )
  const mode = model?.InferenceExecutionConfig?.Mode
  return `${counted(containers.length, 'container')} (${names.join(', ')})${mode ? `, invoked ${mode}` : ''}`
}

/** Whether a structure read from AWS names anything: `{}`, `[]` and `{"Subnets": []}` do not. */
export function namesSomething(value: unknown): boolean {
  if (value === undefined || value === null) return false
  if (Array.isArray(value)) return value.some(namesSomething)
  if (typeof value === 'object') return Object.values(value).some(namesSomething)
  return value !== ''
}

/** The fields of a structure read from AWS that name something: a describe may answer empty ones for settings never set. */
export function withoutEmptyFields<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => namesSomething(field))) as T
}

/**
 * The new container's settings: the serving container's, with the inputs
 * laid over. `model-environment` wins over a carried variable of the same
 * name; every variable is recorded by key and source, never by value.
 */
export function newContainerSettings(
  deploy: DeploySettings,
  model: DescribedModel | undefined,
  sources: SettingSource[]
): ContainerSettings {
  const serving = servingContainer(model)
  const from = model?.ModelName ? `inherited from model "${model.ModelName}"` : 'the serving model'
  const settings: ContainerSettings = {}
  const environment: Record<string, string> = {}
  for (const [key, value] of Object.entries(serving?.Environment ?? {})) {
    environment[key] = value
    // As the inputs' values are (main.ts): the runner masks it should anything print it.
    if (value.length >= 6) core.setSecret(value)
    recordSetting(sources, `Environment ${key}`, HIDDEN_VALUE, from + codeInS3(key, value))
  }
  for (const [key, value] of Object.entries(deploy.modelEnvironment)) {
    environment[key] = value
    recordSetting(sources, `Environment ${key}`, HIDDEN_VALUE, 'input model-environment')
  }
  if (Object.keys(environment).length > 0) settings.Environment = environment
  // A private registry's access mode belongs to the image it was set for: an
  // AWS framework image or a package's own image is pulled from ECR.
  if (deploy.source.kind === 'image' && namesSomething(serving?.ImageConfig?.RepositoryAccessMode)) {
    settings.ImageConfig = serving?.ImageConfig as ImageConfig
    recordSetting(sources, 'ImageConfig', JSON.stringify(settings.ImageConfig), from)
  }
  if (serving?.Mode) {
    settings.Mode = serving.Mode
    recordSetting(sources, 'Mode', serving.Mode, from)
  }
  if (serving?.Mode === 'MultiModel' && namesSomething(serving.MultiModelConfig)) {
    settings.MultiModelConfig = serving.MultiModelConfig as MultiModelConfig
    recordSetting(sources, 'MultiModelConfig', JSON.stringify(settings.MultiModelConfig), from)
  }
  const carriedAccess = serving?.ModelDataSource?.S3DataSource?.ModelAccessConfig
  if (deploy.acceptEula) {
    settings.ModelAccessConfig = { AcceptEula: true }
    recordSetting(sources, 'ModelAccessConfig', 'AcceptEula: true', 'input accept-eula')
  } else if (deploy.acceptEula === undefined && carriedAccess?.AcceptEula !== undefined && modelDataUrlOf(deploy)) {
    settings.ModelAccessConfig = { AcceptEula: carriedAccess.AcceptEula }
    recordSetting(sources, 'ModelAccessConfig', `AcceptEula: ${carriedAccess.AcceptEula}`, from)
  }
  return settings
}

/**
 * A framework container's SAGEMAKER_SUBMIT_DIRECTORY may name the serving
 * model's code archive in S3 (the SageMaker Python SDK's source_dir may be an
 * S3 URI of a tar file: https://github.com/aws/sagemaker-python-sdk/pull/1498)
 * rather than code inside its model data: carried, the new model runs that
 * code. The summary says so, without the value.
 */
function codeInS3(key: string, value: string): string {
  return key === 'SAGEMAKER_SUBMIT_DIRECTORY' && value.startsWith('s3://')
    ? ': it names code in S3, which the new model runs unless model-environment sets it'
    : ''
}

/** The model's settings that describe how its containers are called, carried as they serve. */
export function carriedExecutionConfig(
  model: DescribedModel | undefined,
  sources: SettingSource[]
): InferenceExecutionConfig | undefined {
  const config = model?.InferenceExecutionConfig
  if (!config?.Mode) return undefined
  recordSetting(sources, 'InferenceExecutionConfig', config.Mode, `inherited from model "${model?.ModelName}"`)
  return { Mode: config.Mode }
}

/** The model data an input names, whatever the model source. */
export function modelDataUrlOf(deploy: DeploySettings): string | undefined {
  return 'modelDataUrl' in deploy.source ? deploy.source.modelDataUrl : undefined
}

/**
 * The container CreateModel is sent: what runs (image or package, and the
 * model data's location) with the carried settings. A `model-data-url`
 * ending in `/` is an uncompressed S3 prefix, given as ModelDataSource; a
 * multi-model container takes the prefix of its models as ModelDataUrl
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/create-multi-model-endpoint.html),
 * and ModelDataSource is not for multi-model endpoints
 * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ContainerDefinition.html).
 * An accepted EULA goes with the data
 * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_S3ModelDataSource.html),
 * so a compressed archive then goes as ModelDataSource too.
 */
export function containerToCreate(runs: ContainerDefinition, settings: ContainerSettings): ContainerDefinition {
  const { ModelDataUrl: url, ...what } = runs
  const { ModelAccessConfig: access, ...rest } = settings
  const container: ContainerDefinition = { ...what, ...rest }
  if (url === undefined) return container
  if (settings.Mode === 'MultiModel' || (!url.endsWith('/') && !access)) return { ...container, ModelDataUrl: url }
  const prefix = url.endsWith('/')
  container.ModelDataSource = {
    S3DataSource: {
      S3Uri: url,
      S3DataType: prefix ? 'S3Prefix' : 'S3Object',
      CompressionType: prefix ? 'None' : 'Gzip',
      ...(access ? { ModelAccessConfig: access } : {})
    }
  }
  return container
}

/** Where a container's model data is, in whichever form it was given. */
export function modelDataLocation(container: ContainerDefinition | undefined): string {
  return container?.ModelDataUrl ?? container?.ModelDataSource?.S3DataSource?.S3Uri ?? ''
}

export function recordSetting(sources: SettingSource[], setting: string, value: string, source?: string): void {
  const existing = sources.findIndex((entry) => entry.setting === setting)
  const entry = { setting, value, source: source ?? 'default' }
  if (existing >= 0) sources[existing] = entry
  else sources.push(entry)
}
