/**
 * The one place that reads the action's inputs. Every value is validated here,
 * before any AWS call, so a typo in a workflow can never half-change an endpoint.
 */
import { checkBeforeUsers } from './inputs-before-users.js'
import { ACTION_DEFAULTS } from './action-defaults.js'
import {} from './tags.js'
import {
  InputError,
  parseDuration,
  parseEnum,
  parseInteger,
  parseList,
  parseMap,
  parseNumber,
  parseLatencyThreshold,
  parsePercentage,
  parsePercentThreshold,
  parseSageMakerName
} from './parse.js'
import { checkSageMakerControllerLimits, parseBatchSize } from './rollout/native-limits.js'
import {
  CONTROLLERS,
  INCONCLUSIVE_ACTIONS,
  OPERATIONS,
  STRATEGIES,
  type CommonSettings,
  type GateSettings,
  type ReleaseRecordSettings,
  type ProbeSettings,
  type RolloutSettings,
  type Settings,
  type Strategy
} from './settings.js'
import { definedOnly, InputSource, type InputReader } from './input-source.js'
import { parseDeploy } from './inputs-deploy.js'
import { componentRollout } from './inputs-component.js'
import {
  parseAutoscaling,
  parseMonitor,
  parseUpdateCapacity,
  refuseConfigWithComponent,
  refuseVariantWithComponent
} from './inputs-operations.js'

export { definedOnly, type InputReader } from './input-source.js'

export const DEFAULT_TRAFFIC_STEPS: Record<Strategy, number[]> = {
  'all-at-once': [100],
  canary: [10, 100],
  linear: [25, 50, 75, 100],
  rolling: [100]
}

export function parseSettings(read: InputReader, env: NodeJS.ProcessEnv = process.env): Settings {
  const inputs = new InputSource(read)
  const operationRaw = inputs.raw('operation')
  if (operationRaw === '') throw new InputError('operation', `is required: one of ${OPERATIONS.join(', ')}`)
  const operation = parseEnum('operation', operationRaw, OPERATIONS)
  const common = { ...parseCommon(inputs, env), record: parseReleaseRecord(inputs) }

  switch (operation) {
    case 'deploy':
      return { ...common, operation, deploy: parseDeploy(inputs, env, parseRollout(inputs, common, operation)) }
    case 'promote':
      refuseComponent(common, "a component's rolling update never pauses, so there is no rollout to promote")
      return { ...common, operation, rollout: parseRollout(inputs, common, operation) }
    case 'update-traffic':
      refuseComponent(common, 'a component has no weight of its own: SageMaker routes its requests to its copies')
      return {
        ...common,
        operation,
        updateTraffic: { variantWeights: inputs.required('variant-weights', (raw) => parseVariantWeights(raw)) }
      }
    case 'update-capacity':
      return { ...common, operation, updateCapacity: parseUpdateCapacity(inputs, common.inferenceComponentName) }
    case 'configure-autoscaling':
      return { ...common, operation, autoscaling: parseAutoscaling(inputs, common.inferenceComponentName) }
    case 'delete-autoscaling':
      refuseVariantWithComponent(inputs, common.inferenceComponentName, 'variant-name')
      return { ...common, operation, deleteAutoscaling: definedOnly({ variantName: inputs.variantName() }) }
    case 'monitor':
      return { ...common, operation, monitor: parseMonitor(inputs) }
    case 'health-check':
      refuseVariantWithComponent(inputs, common.inferenceComponentName, 'target-variant')
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
          deleteEndpoint: inputs.boolean('delete-endpoint'),
          deleteEndpointConfig: inputs.boolean('delete-endpoint-config'),
          deleteModel: inputs.boolean('delete-model'),
          ignoreMissing: inputs.boolean('ignore-missing')
        }
      }
    case 'rollback':
      refuseConfigWithComponent(inputs, common.inferenceComponentName)
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

/** For the operations that have nothing to do with a component. */
function refuseComponent(common: CommonSettings, why: string): void {
  if (common.inferenceComponentName === undefined) return
  throw new InputError('inference-component-name', `does not apply here: ${why}`, common.inferenceComponentName)
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
    ...definedOnly({
      inferenceComponentName: inputs.optional('inference-component-name', (raw) =>
        parseSageMakerName('inference-component-name', raw)
      )
    }),
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
  const component = operation === 'deploy' && common.inferenceComponentName !== undefined
  if (operation === 'deploy' && strategy === 'rolling' && controller !== 'sagemaker' && !component) {
    throw new InputError(
      'strategy',
      "rolling is SageMaker's rolling update: it needs rollout-controller: sagemaker",
      inputs.raw('strategy')
    )
  }
  const gates = parseGates(inputs)
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
        strategy === 'rolling' || component
          ? inputs.optional('batch-size', (raw) => parseBatchSize('batch-size', raw))
          : undefined,
      rollbackBatchSize:
        strategy === 'rolling' || component
          ? inputs.optional('rollback-batch-size', (raw) => parseBatchSize('rollback-batch-size', raw))
          : undefined
    }),
    autoRollback: inputs.boolean('auto-rollback'),
    failOnRollback: inputs.boolean('fail-on-rollback')
  }
  if (operation === 'deploy') {
    const shadowPercent = inputs.optional('shadow-percent', (raw) =>
      parseInteger('shadow-percent', raw, { min: 1, max: 100 })
    )
    if (shadowPercent !== undefined) settings.shadowPercent = shadowPercent
  }
  checkBeforeUsers(settings, { operation, component }, inputs.raw('traffic-steps'))
  // An inference component's rollout is SageMaker's rolling update of its copies, with limits of its own.
  if (component) return componentRollout(settings, common.timeoutMs, (name) => inputs.shown(name))
  if (controller === 'sagemaker') checkSageMakerControllerLimits(settings, common, (name) => inputs.shown(name))
  return settings
}

/** The gates a rollout's steps are judged by. */
function parseGates(inputs: InputSource): GateSettings {
  const probe = inputs.probe()
  return {
    alarmNames: inputs.alarmNames(),
    ...definedOnly({
      agreement: inputs.agreement(probe),
      maxErrorRate: inputs.optional('max-error-rate', (raw) => parsePercentThreshold('max-error-rate', raw)),
      maxLatencyP99Ms: inputs.optional('max-latency-p99', (raw) => parseLatencyThreshold('max-latency-p99', raw)),
      probe,
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
}

export function parseTrafficSteps(raw: string): number[] {
  const steps = parseList(raw).map((item) => parsePercentage('traffic-steps', item))
  if (steps.length === 0 || steps.length > 20) {
    throw new InputError('traffic-steps', 'must list 1 to 20 percentages such as 10,50,100', raw)
  }
  steps.forEach((step, index) => {
    // Rising, so only the first may be 0: a dark step, before any user traffic.
    if (index > 0 && step <= (steps[index - 1] as number)) {
      throw new InputError(
        'traffic-steps',
        'must be percentages in rising order such as 10,50,100 (only the first may be 0, a dark step)',
        raw
      )
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
