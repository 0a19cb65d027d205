/**
 * The inputs of deploy: the model and where it comes from, what the new
 * variant and its configs carry, and the user's environment and tags.
 */
import {} from './action-defaults.js'
import { MAX_USER_TAGS } from './tags.js'
import { FRAMEWORK_NAMES, isKnownFramework } from './images/framework-image.js'
import {
  InputError,
  parseBoolean,
  parseDuration,
  parseImageUri,
  parseInteger,
  parseList,
  parseMap,
  parsePercentage,
  parseRoleArn,
  parseS3Uri,
  parseSageMakerName
} from './parse.js'
import { type DeploySettings, type ModelSource, type VpcSettings, type RolloutSettings } from './settings.js'
import { definedOnly, InputSource } from './input-source.js'
import { parseComponent } from './inputs-component.js'

const ENVIRONMENT_KEY = /^[a-zA-Z_][a-zA-Z0-9_]{0,1023}$/
const TAG_KEY = /^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$/u

export function parseDeploy(inputs: InputSource, env: NodeJS.ProcessEnv, rollout: RolloutSettings): DeploySettings {
  const component = inputs.optional('inference-component-name', (raw) =>
    parseSageMakerName('inference-component-name', raw)
  )
  const roleRaw = inputs.raw('execution-role-arn') || (env.SAGEMAKER_EXECUTION_ROLE_ARN ?? '').trim()
  const startupTimeout = inputs.optional('container-startup-timeout', (raw) =>
    parseDuration('container-startup-timeout', raw, { minMs: 60_000 })
  )
  const downloadTimeout = inputs.optional('model-data-download-timeout', (raw) =>
    parseDuration('model-data-download-timeout', raw, { minMs: 60_000 })
  )
  for (const [name, ms] of [
    ['container-startup-timeout', startupTimeout],
    ['model-data-download-timeout', downloadTimeout]
  ] as const) {
    // SageMaker takes 60 to 3600 seconds for both.
    if (ms !== undefined && ms > 3_600_000) throw new InputError(name, 'must be from 60s to 1h', inputs.raw(name))
  }
  return {
    source: parseModelSource(inputs),
    ...definedOnly({
      executionRoleArn: roleRaw === '' ? undefined : parseRoleArn('execution-role-arn', roleRaw),
      modelName: inputs.optional('model-name', (raw) => parseSageMakerName('model-name', raw)),
      variantName: inputs.variantName(),
      instanceType: inputs.optional('instance-type', (raw) => {
        if (!/^ml\.[a-z0-9-]+\.[a-z0-9]+$/.test(raw)) {
          throw new InputError('instance-type', 'must be a SageMaker instance type such as ml.m5.large', raw)
        }
        return raw
      }),
      instanceCount: inputs.optional('instance-count', (raw) =>
        parseInteger('instance-count', raw, { min: 1, max: 1000 })
      ),
      vpc: parseVpc(inputs),
      enableNetworkIsolation: inputs.optional('enable-network-isolation', (raw) =>
        parseBoolean('enable-network-isolation', raw)
      ),
      containerStartupTimeoutSeconds: startupTimeout === undefined ? undefined : Math.round(startupTimeout / 1000),
      modelDataDownloadTimeoutSeconds: downloadTimeout === undefined ? undefined : Math.round(downloadTimeout / 1000),
      volumeSizeGb: inputs.optional('volume-size', (raw) => parseVolumeSize(raw)),
      dataCapture: parseDataCapture(inputs),
      acceptEula: parseAcceptEula(inputs)
    }),
    ...(component ? { component: parseComponent(inputs, component) } : {}),
    modelEnvironment: parseEnvironment(inputs.raw('model-environment')),
    // The run's traceability tags join these on every create (resources.ts), a workflow tag of the same key winning.
    tags: parseTags(inputs.raw('tags')),
    rollout
  }
}

const MODEL_PACKAGE_ARN =
  /^arn:aws[a-z-]*:sagemaker:[a-z0-9-]+:\d{12}:model-package\/[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}(\/\d{1,10})?$/

/**
 * Exactly one of image-uri, model-package-arn and framework says what to
 * deploy; with none of them, model-name names a model that exists already.
 */
function parseModelSource(inputs: InputSource): ModelSource {
  const given = (['image-uri', 'model-package-arn', 'framework'] as const).filter((name) => inputs.raw(name) !== '')
  if (given.length === 0) {
    if (inputs.raw('model-name') !== '') return existingModelSource(inputs)
    throw new InputError(
      'image-uri',
      'is required: the container image to deploy (or model-package-arn for a Model Registry package, framework with framework-version for an AWS image, or model-name alone for a model that exists)'
    )
  }
  if (given.length > 1) {
    throw new InputError(
      given[1] as string,
      `cannot be given with ${given[0]}: give one of image-uri, model-package-arn, framework`
    )
  }
  const modelDataUrl = inputs.optional('model-data-url', (raw) => parseS3Uri('model-data-url', raw))
  if (given[0] === 'model-package-arn') {
    if (modelDataUrl !== undefined) {
      throw new InputError(
        'model-data-url',
        'cannot be given with model-package-arn: the package names its own model data'
      )
    }
    return {
      kind: 'package',
      modelPackageArn: inputs.required('model-package-arn', (raw) => {
        if (!MODEL_PACKAGE_ARN.test(raw)) {
          throw new InputError(
            'model-package-arn',
            'must be a model package version ARN such as arn:aws:sagemaker:us-east-1:123456789012:model-package/fraud/3',
            raw
          )
        }
        return raw
      })
    }
  }
  if (given[0] === 'framework') {
    const framework = inputs.required('framework', (raw) => {
      if (!isKnownFramework(raw)) throw new InputError('framework', `must be one of ${FRAMEWORK_NAMES.join(', ')}`, raw)
      return raw
    })
    const version = inputs.required(
      'framework-version',
      (raw) => raw,
      ' with framework: the version of the AWS-provided image, such as 1.2-1 for sklearn'
    )
    return { kind: 'framework', framework, version, ...definedOnly({ modelDataUrl }) }
  }
  return {
    kind: 'image',
    imageUri: inputs.required('image-uri', (raw) => parseImageUri('image-uri', raw)),
    ...definedOnly({ modelDataUrl })
  }
}

/** What only CreateModel takes: given with an existing model deployed as it is, it would change nothing. */
const NEW_MODEL_INPUTS = [
  'model-data-url',
  'model-environment',
  'accept-eula',
  'execution-role-arn',
  'vpc-subnets',
  'vpc-security-group-ids',
  'enable-network-isolation',
  'framework-version'
] as const

/**
 * model-name alone deploys that model as it is: no CreateModel, so an input
 * that only a new model would take is refused rather than silently dropped.
 */
function existingModelSource(inputs: InputSource): ModelSource {
  const modelName = inputs.required('model-name', (raw) => parseSageMakerName('model-name', raw))
  const ignored = NEW_MODEL_INPUTS.find((name) => inputs.raw(name) !== '')
  if (ignored) {
    throw new InputError(
      ignored,
      `cannot be given with model-name alone, which deploys model "${modelName}" as it is, without creating a model: give image-uri (or model-package-arn, or framework) to create a new one, or leave ${ignored} empty`
    )
  }
  return { kind: 'existing', modelName }
}

/** A EULA is accepted for the model data SageMaker downloads: without model data there is nothing to accept it for. */
function parseAcceptEula(inputs: InputSource): boolean | undefined {
  const accept = inputs.optional('accept-eula', (raw) => parseBoolean('accept-eula', raw))
  if (accept === true && inputs.raw('model-data-url') === '') {
    throw new InputError(
      'accept-eula',
      'needs input "model-data-url": SageMaker takes the acceptance with the model data it downloads'
    )
  }
  return accept
}

/** Subnets and security groups go together: a model in a VPC needs both. */
function parseVpc(inputs: InputSource): VpcSettings | undefined {
  const subnets = parseList(inputs.raw('vpc-subnets'))
  const securityGroupIds = parseList(inputs.raw('vpc-security-group-ids'))
  if (subnets.length === 0 && securityGroupIds.length === 0) return undefined
  if (subnets.length === 0) {
    throw new InputError('vpc-security-group-ids', 'must come with input "vpc-subnets": a model in a VPC needs both')
  }
  if (securityGroupIds.length === 0) {
    throw new InputError('vpc-subnets', 'must come with input "vpc-security-group-ids": a model in a VPC needs both')
  }
  // VpcConfig takes 1 to 16 subnets and 1 to 5 security groups.
  if (subnets.length > 16) throw new InputError('vpc-subnets', 'may list at most 16 subnets')
  if (securityGroupIds.length > 5) throw new InputError('vpc-security-group-ids', 'may list at most 5 security groups')
  for (const subnet of subnets) {
    if (!/^subnet-[0-9a-f]{8,17}$/.test(subnet)) {
      throw new InputError('vpc-subnets', 'must be subnet IDs such as subnet-0abc1234def567890', subnet)
    }
  }
  for (const group of securityGroupIds) {
    if (!/^sg-[0-9a-f]{8,17}$/.test(group)) {
      throw new InputError('vpc-security-group-ids', 'must be security group IDs such as sg-0abc1234def567890', group)
    }
  }
  return { subnets, securityGroupIds }
}

function parseVolumeSize(raw: string): number {
  const match = /^(\d+)\s*(GB|GiB)?$/i.exec(raw)
  const size = match ? Number(match[1]) : NaN
  // ProductionVariant.VolumeSizeInGB takes 1 to 512.
  if (!(size >= 1 && size <= 512))
    throw new InputError('volume-size', 'must be a size in GB from 1 to 512, such as 64', raw)
  return size
}

function parseDataCapture(inputs: InputSource): DeploySettings['dataCapture'] {
  const percent = inputs.optional('data-capture-percent', (raw) => {
    const value = parsePercentage('data-capture-percent', raw)
    if (!Number.isInteger(value)) {
      throw new InputError('data-capture-percent', 'must be a whole percentage from 0 to 100, such as 20%', raw)
    }
    return value
  })
  const destination = inputs.optional('data-capture-s3-uri', (raw) => {
    if (!/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/[^\s]*)?$/.test(raw)) {
      throw new InputError('data-capture-s3-uri', 'must be an S3 URI such as s3://bucket/capture', raw)
    }
    return raw
  })
  if (destination === undefined) {
    if (percent !== undefined) {
      throw new InputError(
        'data-capture-percent',
        'must come with input "data-capture-s3-uri", where captured data goes'
      )
    }
    return undefined
  }
  return { destinationS3Uri: destination, samplingPercent: percent ?? 100 }
}

function parseEnvironment(raw: string): Record<string, string> {
  const environment: Array<[string, string]> = []
  const entries = parseMap('model-environment', raw, { secretValues: true })
  if (entries.size > 100) throw new InputError('model-environment', 'may hold at most 100 variables')
  for (const [key, value] of entries) {
    if (!ENVIRONMENT_KEY.test(key)) {
      // Not quoted: a "key" that is no variable name is often part of a value split at a comma.
      throw new InputError(
        'model-environment',
        'keys must be environment variable names (letters, digits, underscores); one is not, and is not shown, since it may be part of a value split at a comma'
      )
    }
    if (value.length > 1024 || /[\u0000-\u001f]/.test(value)) {
      throw new InputError('model-environment', `value of ${key} must be at most 1024 printable characters`)
    }
    environment.push([key, value])
  }
  // fromEntries defines own properties: a key such as __proto__ stays a key instead of vanishing into the prototype.
  return Object.fromEntries(environment)
}

function parseTags(raw: string): Record<string, string> {
  const tags: Array<[string, string]> = []
  const entries = parseMap('tags', raw)
  // A few of SageMaker's 50 tags are the action's own bookkeeping (see tags.ts).
  if (entries.size > MAX_USER_TAGS) throw new InputError('tags', `may hold at most ${MAX_USER_TAGS} tags`)
  for (const [key, value] of entries) {
    if (key.length > 128 || !TAG_KEY.test(key) || key.toLowerCase().startsWith('aws:')) {
      throw new InputError(
        'tags',
        'keys must be at most 128 letters, digits, spaces or _.:/=+-@ and must not start with aws:',
        key
      )
    }
    if (value.length > 256 || !TAG_KEY.test(value)) {
      throw new InputError('tags', `value of ${key} must be at most 256 letters, digits, spaces or _.:/=+-@`)
    }
    tags.push([key, value])
  }
  return Object.fromEntries(tags)
}
