/**
 * The one place that reads the action's inputs. Every value is validated here,
 * before any AWS call, so a typo in a workflow can never half-change an endpoint.
 */
import { ACTION_DEFAULTS } from './action-defaults.js'
import { MAX_USER_TAGS } from './tags.js'
import { FRAMEWORK_NAMES, isKnownFramework } from './images/framework-image.js'
import {
  InputError,
  parseBoolean,
  parseDuration,
  parseEnum,
  parseImageUri,
  parseInteger,
  parseList,
  parseMap,
  parseNumber,
  parseLatencyThreshold,
  parsePercentage,
  parsePercentThreshold,
  parseRoleArn,
  parseS3Uri,
  parseSageMakerName,
  parseTargetModel
} from './parse.js'
import { checkSageMakerControllerLimits, parseBatchSize } from './rollout/native-limits.js'
import {
  CONTROLLERS,
  INCONCLUSIVE_ACTIONS,
  OPERATIONS,
  SCALING_METRICS,
  STRATEGIES,
  type CommonSettings,
  type DeploySettings,
  type GateSettings,
  type ModelSource,
  type ReleaseRecordSettings,
  type VpcSettings,
  type ProbeSettings,
  type RolloutSettings,
  type Settings,
  type Strategy
} from './settings.js'

/** Reads one input as the runner passes it: an empty string when unset. */
export type InputReader = (name: string) => string

/** The default action.yml declares for an input; the runner passes it as the input's value. */
function declaredDefault(name: string): string {
  const fallback = ACTION_DEFAULTS[name]
  if (fallback === undefined) throw new Error(`Input "${name}" has no default in action.yml.`)
  return fallback
}

export const DEFAULT_TRAFFIC_STEPS: Record<Strategy, number[]> = {
  'all-at-once': [100],
  canary: [10, 100],
  linear: [25, 50, 75, 100],
  rolling: [100]
}

const ENVIRONMENT_KEY = /^[a-zA-Z_][a-zA-Z0-9_]{0,1023}$/
const TAG_KEY = /^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$/u

/** Reads inputs by name; each accessor parses, so a value is never used unchecked. */
class InputSource {
  constructor(private readonly read: InputReader) {}

  raw(name: string): string {
    return this.read(name).trim()
  }

  optional<T>(name: string, parse: (raw: string) => T): T | undefined {
    const raw = this.raw(name)
    return raw === '' ? undefined : parse(raw)
  }

  required<T>(name: string, parse: (raw: string) => T, why = ''): T {
    const raw = this.raw(name)
    if (raw === '') throw new InputError(name, `is required${why}`)
    return parse(raw)
  }

  /** An input whose default action.yml declares: the runner passes it, yet a caller of run() may not. */
  withDefault<T>(name: string, parse: (raw: string) => T): T {
    const raw = this.raw(name)
    return parse(raw === '' ? declaredDefault(name) : raw)
  }

  /** The value as the user would recognise it in an error: what they wrote, or the default they left. */
  shown(name: string): string {
    return this.raw(name) || declaredDefault(name)
  }

  variantName(name = 'variant-name'): string | undefined {
    return this.optional(name, (raw) => parseSageMakerName(name, raw))
  }

  boolean(name: string): boolean {
    return this.withDefault(name, (raw) => parseBoolean(name, raw))
  }

  /** CloudWatch alarm names, without repeats; one DescribeAlarms page holds at most 100. */
  alarmNames(): string[] {
    const names = [...new Set(parseList(this.raw('alarm-names')))]
    if (names.length > 100) throw new InputError('alarm-names', 'may name at most 100 alarms')
    for (const name of names) {
      if (name.length > 255 || /[\u0000-\u001f\u007f]/.test(name)) {
        throw new InputError('alarm-names', 'must be CloudWatch alarm names of at most 255 printable characters', name)
      }
    }
    return names
  }

  /** Probe settings; undefined when there is no payload and no fallback (a rollout without probes). */
  probe(fallbackPayload?: string): ProbeSettings | undefined {
    const payload = this.raw('probe-payload') || fallbackPayload
    if (payload === undefined) return undefined
    if (Buffer.byteLength(payload) > 6 * 1024 * 1024) {
      throw new InputError('probe-payload', 'must be at most 6 MB, the largest request InvokeEndpoint accepts')
    }
    const contentType = this.withDefault('probe-content-type', (raw) => raw)
    // Spaces and tabs only around parameters: a line break would end up inside an HTTP header.
    if (!/^[\w.+-]+\/[\w.+-]+([ \t]*;[ \t]*[\w.-]+=[\w.-]+)*$/.test(contentType)) {
      throw new InputError('probe-content-type', 'must be a MIME type such as application/json', contentType)
    }
    if (contentType.startsWith('application/json')) {
      try {
        JSON.parse(payload)
      } catch {
        throw new InputError('probe-payload', 'must be valid JSON when probe-content-type is application/json', payload)
      }
    }
    return {
      payload,
      contentType,
      count: this.withDefault('probe-count', (raw) => parseInteger('probe-count', raw, { min: 1, max: 100 })),
      ...definedOnly({
        targetModel: this.optional('probe-target-model', (raw) => parseTargetModel('probe-target-model', raw))
      })
    }
  }
}

export function parseSettings(read: InputReader, env: NodeJS.ProcessEnv = process.env): Settings {
  const inputs = new InputSource(read)
  const operationRaw = inputs.raw('operation')
  if (operationRaw === '') throw new InputError('operation', `is required: one of ${OPERATIONS.join(', ')}`)
  const operation = parseEnum('operation', operationRaw, OPERATIONS)
  const common = { ...parseCommon(inputs, env), record: parseReleaseRecord(inputs) }

  switch (operation) {
    case 'deploy':
      return { ...common, operation, deploy: parseDeploy(inputs, env, common) }
    case 'promote':
      return { ...common, operation, rollout: parseRollout(inputs, common, operation) }
    case 'update-traffic':
      return {
        ...common,
        operation,
        updateTraffic: { variantWeights: inputs.required('variant-weights', (raw) => parseVariantWeights(raw)) }
      }
    case 'update-capacity':
      return {
        ...common,
        operation,
        updateCapacity: {
          ...definedOnly({ variantName: inputs.variantName() }),
          instanceCount: inputs.required('instance-count', (raw) =>
            parseInteger('instance-count', raw, { min: 1, max: 1000 })
          )
        }
      }
    case 'configure-autoscaling': {
      const minCapacity = inputs.required('min-capacity', (raw) =>
        parseInteger('min-capacity', raw, { min: 1, max: 1000 })
      )
      const maxCapacity = inputs.required('max-capacity', (raw) =>
        parseInteger('max-capacity', raw, { min: 1, max: 1000 })
      )
      if (maxCapacity < minCapacity) {
        throw new InputError('max-capacity', `must be at least min-capacity (${minCapacity})`, String(maxCapacity))
      }
      return {
        ...common,
        operation,
        autoscaling: {
          ...definedOnly({ variantName: inputs.variantName() }),
          minCapacity,
          maxCapacity,
          scalingMetric: inputs.required(
            'scaling-metric',
            (raw) => parseEnum('scaling-metric', raw, SCALING_METRICS),
            `: one of ${SCALING_METRICS.join(', ')}`
          ),
          targetValue: inputs.required('target-value', (raw) =>
            parseNumber('target-value', raw, { min: 0.001, max: 1e9 })
          ),
          scaleInCooldownSeconds:
            inputs.withDefault('scale-in-cooldown', (raw) => parseDuration('scale-in-cooldown', raw)) / 1000,
          scaleOutCooldownSeconds:
            inputs.withDefault('scale-out-cooldown', (raw) => parseDuration('scale-out-cooldown', raw)) / 1000
        }
      }
    }
    case 'delete-autoscaling':
      return { ...common, operation, deleteAutoscaling: definedOnly({ variantName: inputs.variantName() }) }
    case 'monitor': {
      const windowMs = inputs.withDefault('metrics-window', (raw) =>
        parseDuration('metrics-window', raw, { minMs: 60_000 })
      )
      const periodMs = inputs.withDefault('metrics-period', (raw) =>
        parseDuration('metrics-period', raw, { minMs: 60_000 })
      )
      if (periodMs % 60_000 !== 0) {
        throw new InputError(
          'metrics-period',
          'must be a whole number of minutes (CloudWatch periods are multiples of 60s)',
          inputs.raw('metrics-period')
        )
      }
      if (periodMs > windowMs) {
        throw new InputError('metrics-period', `must not be longer than metrics-window`, inputs.raw('metrics-period'))
      }
      return {
        ...common,
        operation,
        monitor: {
          windowMs,
          periodSeconds: periodMs / 1000,
          alarmNames: inputs.alarmNames(),
          ...definedOnly({
            maxErrorRate: inputs.optional('max-error-rate', (raw) => parsePercentThreshold('max-error-rate', raw)),
            maxLatencyP99Ms: inputs.optional('max-latency-p99', (raw) => parseLatencyThreshold('max-latency-p99', raw))
          }),
          failOnUnhealthy: inputs.boolean('fail-on-unhealthy')
        }
      }
    }
    case 'health-check':
      return {
        ...common,
        operation,
        healthCheck: {
          probe: inputs.probe('{}') as ProbeSettings,
          ...definedOnly({
            targetVariant: inputs.variantName('target-variant'),
            maxLatencyMs: inputs.optional('probe-max-latency', (raw) => parseLatencyThreshold('probe-max-latency', raw))
          }),
          failOnUnhealthy: inputs.boolean('fail-on-unhealthy')
        }
      }
    case 'delete':
      return {
        ...common,
        operation,
        delete: {
          deleteEndpointConfig: inputs.boolean('delete-endpoint-config'),
          deleteModel: inputs.boolean('delete-model'),
          ignoreMissing: inputs.boolean('ignore-missing')
        }
      }
    case 'rollback':
      return {
        ...common,
        operation,
        rollback: definedOnly({
          endpointConfigName: inputs.optional('endpoint-config-name', (raw) =>
            parseSageMakerName('endpoint-config-name', raw)
          )
        })
      }
  }
}

/** The inputs every operation shares; the post step rebuilds them from saved state with this too. */
export function parseCommonSettings(read: InputReader, env: NodeJS.ProcessEnv = process.env): CommonSettings {
  return parseCommon(new InputSource(read), env)
}

/** The inputs parseCommonSettings reads, to save for the post step. */
export const COMMON_INPUTS = ['endpoint-name', 'region', 'wait-for-completion', 'timeout', 'dry-run'] as const

function parseCommon(inputs: InputSource, env: NodeJS.ProcessEnv): CommonSettings {
  return {
    endpointName: inputs.required('endpoint-name', (raw) => parseSageMakerName('endpoint-name', raw)),
    region: resolveRegion(inputs.raw('region'), env),
    waitForCompletion: inputs.boolean('wait-for-completion'),
    timeoutMs: inputs.withDefault('timeout', (raw) => parseDuration('timeout', raw, { minMs: 1000 })),
    dryRun: inputs.boolean('dry-run')
  }
}

function parseReleaseRecord(inputs: InputSource): ReleaseRecordSettings {
  return {
    githubToken: inputs.raw('github-token'),
    dashboard: inputs.boolean('dashboard'),
    planComment: inputs.boolean('plan-comment'),
    ...definedOnly({
      environment: inputs.optional('environment', (raw) => {
        // GitHub's environment names: at most 255 characters, no control characters.
        if (raw.length > 255 || /[\u0000-\u001f\u007f]/.test(raw)) {
          throw new InputError(
            'environment',
            'must be a GitHub environment name of at most 255 printable characters',
            raw
          )
        }
        return raw
      }),
      instanceHourPrice: inputs.optional('instance-hour-price', (raw) =>
        parseNumber('instance-hour-price', raw.replace(/^\$/, ''), { min: 0, max: 1000 })
      )
    })
  }
}

/** What a run was asked, read leniently: a run that fails on its inputs still names them in its summary. */
export interface Headline {
  operation: string
  endpointName: string
  region: string
  dryRun: boolean
}

export function readHeadline(read: InputReader, env: NodeJS.ProcessEnv): Headline {
  const raw = (name: string): string => read(name).trim()
  return {
    operation: raw('operation') || 'unknown',
    endpointName: raw('endpoint-name') || '(not set)',
    region: raw('region') || env.AWS_REGION?.trim() || env.AWS_DEFAULT_REGION?.trim() || 'unknown',
    dryRun: raw('dry-run') === 'true'
  }
}

/** Inputs that may carry secrets are summarised by size, never shown. */
const UNSHOWN_INPUTS = new Set(['probe-payload', 'model-environment'])

/**
 * A reader that records every input the workflow chose, for the summary. The
 * runner passes every default too: those are left out, so the list shows
 * what the workflow asked for.
 */
export function recordingReader(read: InputReader, request: Array<[string, string]>): InputReader {
  return (name) => {
    const value = read(name)
    const trimmed = value.trim()
    // The runner passes the job's token whatever the workflow says: it tells a reader nothing.
    const worthShowing = name !== 'github-token'
    if (
      worthShowing &&
      trimmed !== '' &&
      trimmed !== ACTION_DEFAULTS[name] &&
      !request.some(([recorded]) => recorded === name)
    ) {
      request.push([
        name,
        UNSHOWN_INPUTS.has(name) ? `(${Buffer.byteLength(value)} bytes, not shown)` : shortened(trimmed)
      ])
    }
    return value
  }
}

/** A summary holds at most 1 MiB: an input pasted whole could crowd out the rest. */
function shortened(value: string): string {
  return value.length > 300 ? `${value.slice(0, 297)}...` : value
}

function parseDeploy(inputs: InputSource, env: NodeJS.ProcessEnv, common: CommonSettings): DeploySettings {
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
    modelEnvironment: parseEnvironment(inputs.raw('model-environment')),
    // The run's traceability tags join these on every create (resources.ts), a workflow tag of the same key winning.
    tags: parseTags(inputs.raw('tags')),
    rollout: parseRollout(inputs, common, 'deploy')
  }
}

const MODEL_PACKAGE_ARN =
  /^arn:aws[a-z-]*:sagemaker:[a-z0-9-]+:\d{12}:model-package\/[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}(\/\d{1,10})?$/

/** Exactly one of image-uri, model-package-arn and framework says what to deploy. */
function parseModelSource(inputs: InputSource): ModelSource {
  const given = (['image-uri', 'model-package-arn', 'framework'] as const).filter((name) => inputs.raw(name) !== '')
  if (given.length === 0) {
    throw new InputError(
      'image-uri',
      'is required: the container image to deploy (or model-package-arn for a Model Registry package, or framework with framework-version for an AWS image)'
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

function parseRollout(inputs: InputSource, common: CommonSettings, operation: 'deploy' | 'promote'): RolloutSettings {
  const strategy = inputs.withDefault('strategy', (raw) => parseEnum('strategy', raw, STRATEGIES))
  const controller = inputs.withDefault('rollout-controller', (raw) =>
    parseEnum('rollout-controller', raw, CONTROLLERS)
  )
  const trafficSteps =
    inputs.optional('traffic-steps', (raw) => parseTrafficSteps(raw)) ?? DEFAULT_TRAFFIC_STEPS[strategy]
  // strategy is a deploy input: promote continues whatever rollout is paused, with the steps it is given.
  const wholeFleet = strategy === 'all-at-once' || strategy === 'rolling'
  if (operation === 'deploy' && wholeFleet && (trafficSteps.length !== 1 || trafficSteps[0] !== 100)) {
    throw new InputError(
      'traffic-steps',
      `must be 100 (or empty) with strategy ${strategy}`,
      inputs.raw('traffic-steps')
    )
  }
  if (operation === 'deploy' && strategy === 'rolling' && controller !== 'sagemaker') {
    throw new InputError(
      'strategy',
      "rolling is SageMaker's rolling update: it needs rollout-controller: sagemaker",
      inputs.raw('strategy')
    )
  }
  const gates: GateSettings = {
    alarmNames: inputs.alarmNames(),
    ...definedOnly({
      maxErrorRate: inputs.optional('max-error-rate', (raw) => parsePercentThreshold('max-error-rate', raw)),
      maxLatencyP99Ms: inputs.optional('max-latency-p99', (raw) => parseLatencyThreshold('max-latency-p99', raw)),
      probe: inputs.probe(),
      maxErrorRateIncrease: inputs.optional('max-error-rate-increase', (raw) =>
        parsePercentThreshold('max-error-rate-increase', raw)
      ),
      maxLatencyP99Increase: inputs.optional('max-latency-p99-increase', (raw) =>
        parsePercentThreshold('max-latency-p99-increase', raw, { max: 1000 })
      )
    }),
    minInvocations: inputs.withDefault('min-invocations', (raw) =>
      parseInteger('min-invocations', raw, { min: 0, max: 1_000_000_000 })
    ),
    confidence: inputs.withDefault('confidence', (raw) => {
      const confidence = parsePercentThreshold('confidence', raw)
      if (confidence < 0.5 || confidence > 0.999) {
        throw new InputError('confidence', 'must be from 50% to 99.9%, such as 95%', raw)
      }
      return confidence
    })
  }
  const settings: RolloutSettings = {
    strategy,
    controller,
    trafficSteps,
    bakeTimeMs: inputs.withDefault('bake-time', (raw) => parseDuration('bake-time', raw, { minMs: 1000 })),
    gateIntervalMs: inputs.withDefault('gate-interval', (raw) => parseDuration('gate-interval', raw, { minMs: 1000 })),
    failureThreshold: inputs.withDefault('failure-threshold', (raw) =>
      parseInteger('failure-threshold', raw, { min: 1, max: 100 })
    ),
    gates,
    maxDataDelayMs: inputs.withDefault('max-data-delay', (raw) => parseDuration('max-data-delay', raw, { minMs: 0 })),
    onInconclusive: inputs.withDefault('on-inconclusive', (raw) =>
      parseEnum('on-inconclusive', raw, INCONCLUSIVE_ACTIONS)
    ),
    ...definedOnly({
      batchSize:
        strategy === 'rolling'
          ? inputs.withDefault('batch-size', (raw) => parseBatchSize('batch-size', raw))
          : undefined,
      rollbackBatchSize:
        strategy === 'rolling'
          ? inputs.optional('rollback-batch-size', (raw) => parseBatchSize('rollback-batch-size', raw))
          : undefined
    }),
    autoRollback: inputs.boolean('auto-rollback'),
    failOnRollback: inputs.boolean('fail-on-rollback')
  }
  if (controller === 'sagemaker') checkSageMakerControllerLimits(settings, common, (name) => inputs.shown(name))
  return settings
}

export function parseTrafficSteps(raw: string): number[] {
  const steps = parseList(raw).map((item) => parsePercentage('traffic-steps', item))
  if (steps.length === 0 || steps.length > 20) {
    throw new InputError('traffic-steps', 'must list 1 to 20 percentages such as 10,50,100', raw)
  }
  steps.forEach((step, index) => {
    if (step <= 0 || (index > 0 && step <= (steps[index - 1] as number))) {
      throw new InputError('traffic-steps', 'must be percentages above 0 in rising order such as 10,50,100', raw)
    }
  })
  return steps
}

export function parseVariantWeights(raw: string): Record<string, number> {
  const weights: Record<string, number> = {}
  for (const [variant, weight] of parseMap('variant-weights', raw)) {
    parseSageMakerName('variant-weights', variant)
    weights[variant] = parsePercentage('variant-weights', weight)
  }
  const total = Object.values(weights).reduce((sum, weight) => sum + weight, 0)
  if (Object.keys(weights).length === 0 || Math.abs(total - 100) > 1e-6) {
    throw new InputError('variant-weights', `must give percentages that sum to 100 (these sum to ${total})`, raw)
  }
  return weights
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

export function resolveRegion(input: string, env: NodeJS.ProcessEnv): string {
  const region = input || env.AWS_REGION?.trim() || env.AWS_DEFAULT_REGION?.trim() || ''
  if (region === '') {
    throw new InputError('region', 'is required: set the region input, AWS_REGION or AWS_DEFAULT_REGION')
  }
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) {
    throw new InputError('region', 'must be an AWS region such as us-east-1', region)
  }
  return region
}

/** Drops undefined members so optional properties stay absent (exactOptionalPropertyTypes). */
export function definedOnly<T extends Record<string, unknown>>(
  value: T
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>
  }
}
