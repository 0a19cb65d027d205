/** The typed settings the input parser produces; nothing after it reads raw inputs. */
import type { AnswerCheck, AnswerComparison } from './answer-checks.js'
import type { CaptureLocation, CapturedPayload } from './captured-payloads.js'

export const OPERATIONS = [
  'deploy',
  'promote',
  'update-traffic',
  'update-capacity',
  'configure-autoscaling',
  'delete-autoscaling',
  'monitor',
  'health-check',
  'delete',
  'rollback'
] as const
export type Operation = (typeof OPERATIONS)[number]

/** rolling is SageMaker's rolling update (rollout-controller: sagemaker only). */
export const STRATEGIES = ['all-at-once', 'canary', 'linear', 'rolling'] as const
export type Strategy = (typeof STRATEGIES)[number]

export const CONTROLLERS = ['action', 'sagemaker'] as const
export type RolloutController = (typeof CONTROLLERS)[number]

/** What a step whose gates could not judge it does: go back, or stay where it is for a person to decide. */
export const INCONCLUSIVE_ACTIONS = ['rollback', 'pause'] as const
export type InconclusiveAction = (typeof INCONCLUSIVE_ACTIONS)[number]

export const SCALING_METRICS = [
  'InvocationsPerInstance',
  'CPUUtilization',
  'ModelLatency',
  'InvocationsPerCopy',
  'ConcurrentRequestsPerCopy'
] as const
export type ScalingMetric = (typeof SCALING_METRICS)[number]

/** What an inference component's copies scale on: Application Auto Scaling's predefined metrics for components. */
export const COMPONENT_SCALING_METRICS: readonly ScalingMetric[] = ['InvocationsPerCopy', 'ConcurrentRequestsPerCopy']

export interface CommonSettings {
  endpointName: string
  /** inference-component-name: the operation acts on this inference component of the endpoint. */
  inferenceComponentName?: string
  region: string
  waitForCompletion: boolean
  timeoutMs: number
  dryRun: boolean
}

/** What a run that changes what serves records beside it: a GitHub deployment, a dashboard, the cost. */
export interface ReleaseRecordSettings {
  /** The `environment` input; absent, no GitHub deployment is recorded. */
  environment?: string
  githubToken: string
  /** Create or update the endpoint's CloudWatch dashboard. */
  dashboard: boolean
  /** On a dry run for a pull request, post the plan as a comment on it (one per endpoint, updated). */
  planComment: boolean
  /** Price of one instance-hour (USD), to turn the instance-hours a run adds into a cost. */
  instanceHourPrice?: number
}

export interface ProbeSettings {
  payload: string
  contentType: string
  count: number
  /** Sent as TargetModel: the model a multi-model endpoint loads for the probe. */
  targetModel?: string
  /** probe-expect: what every answer must hold (answer-checks.ts). */
  expect?: AnswerCheck[]
  /** probe-payloads-from: replay the endpoint's captured requests instead of `payload` (captured-payloads.ts). */
  from?: CaptureLocation
  /** The requests read from `from`, before the operation begins; probes take them in turn. */
  captured?: CapturedPayload[]
}

export interface GateSettings {
  alarmNames: string[]
  /** Fraction from 0 to 1. */
  maxErrorRate?: number
  maxLatencyP99Ms?: number
  /** Fewer invocations than this in an evaluation's window is too few to decide: inconclusive. */
  minInvocations: number
  probe?: ProbeSettings
  /** How far the new variant's 5XX rate may exceed the baseline's, as a fraction (0.005 for 0.5 percentage points). */
  maxErrorRateIncrease?: number
  /** How much higher the new variant's p99 may be than the baseline's, as a fraction (0.2 for 20%). */
  maxLatencyP99Increase?: number
  /** Confidence of the baseline comparisons, from 0.5 to 0.999. */
  confidence: number
  /** max-disagreement: each probe's answer compared with the serving model's to the same payload. */
  agreement?: AgreementSettings
}

export interface AgreementSettings extends AnswerComparison {
  /** The share of answers, 0 to 1, that may differ from the serving model's before a step fails. */
  maxDisagreement: number
}

/**
 * A share of a fleet as SageMaker's CapacitySize takes it. For an inference
 * component a number counts copies, not instances (the component's rolling
 * update sends it as COPY_COUNT).
 */
export interface BatchSize {
  type: 'INSTANCE_COUNT' | 'CAPACITY_PERCENT'
  value: number
}

export interface RolloutSettings {
  strategy: Strategy
  controller: RolloutController
  /** The new variant's share at each step, ascending; the last may be below 100 (a pause). */
  trafficSteps: number[]
  bakeTimeMs: number
  gateIntervalMs: number
  failureThreshold: number
  gates: GateSettings
  /** How long past bake-time a step waits for CloudWatch to publish the minutes it exposed. */
  maxDataDelayMs: number
  onInconclusive: InconclusiveAction
  /** strategy rolling: how much of the fleet each batch replaces. */
  batchSize?: BatchSize
  /** strategy rolling: how much of the old fleet each rollback batch brings back; absent, all at once. */
  rollbackBatchSize?: BatchSize
  autoRollback: boolean
  failOnRollback: boolean
  /** shadow-percent: a shadow phase first, in which the new model gets a copy of this share (1 to 100) of requests. */
  shadowPercent?: number
}

/**
 * What a new endpoint gets when the inputs leave it open. Applied by the
 * action rather than written as action.yml defaults, so an input left out can
 * be told apart from one that was set (and a deploy to an existing endpoint
 * takes what serves instead).
 */
export const NEW_ENDPOINT_DEFAULTS = { instanceType: 'ml.m5.large', instanceCount: 1 } as const

/**
 * What the new model runs: exactly one of an image, a Model Registry package
 * version, or an AWS framework image; or, with model-name alone, a model that
 * exists already, deployed as it is.
 */
export type ModelSource =
  | { kind: 'image'; imageUri: string; modelDataUrl?: string }
  | { kind: 'package'; modelPackageArn: string }
  | { kind: 'framework'; framework: string; version: string; modelDataUrl?: string }
  | { kind: 'existing'; modelName: string }

/** What one copy of an inference component reserves on an instance (ComputeResourceRequirements). */
export interface ComputePerCopy {
  acceleratorDevices?: number
  cpuCores?: number
  memoryMb: number
}

export const ROUTING_STRATEGIES = ['LEAST_OUTSTANDING_REQUESTS', 'RANDOM'] as const
export type RoutingStrategy = (typeof ROUTING_STRATEGIES)[number]

/**
 * deploy with inference-component-name: the component, what each copy
 * reserves, and for a new endpoint how it is made ready for components.
 * Absent fields are carried over from the component that serves.
 */
export interface ComponentSettings {
  name: string
  copyCount?: number
  compute?: ComputePerCopy
  /** min-instance-count and max-instance-count: managed instance scaling for a new endpoint. */
  managedScaling?: { min: number; max: number }
  routing?: RoutingStrategy
}

export interface VpcSettings {
  subnets: string[]
  securityGroupIds: string[]
}

/**
 * A deploy's inputs. Whatever is absent was left out by the workflow: a
 * deploy to an existing endpoint takes it from what serves, a new endpoint
 * from the action's defaults.
 */
export interface DeploySettings {
  source: ModelSource
  /** Required for a new endpoint; otherwise the serving model's role unless given. */
  executionRoleArn?: string
  /** Absent when the name is to be derived. */
  modelName?: string
  instanceType?: string
  instanceCount?: number
  /** Absent when the name is to be derived. */
  variantName?: string
  modelEnvironment: Record<string, string>
  tags: Record<string, string>
  vpc?: VpcSettings
  enableNetworkIsolation?: boolean
  containerStartupTimeoutSeconds?: number
  modelDataDownloadTimeoutSeconds?: number
  volumeSizeGb?: number
  dataCapture?: { destinationS3Uri: string; samplingPercent: number }
  /** accept-eula; absent, the serving model's acceptance is carried with new model data. */
  acceptEula?: boolean
  /** inference-component-name: the model deploys as that inference component, by SageMaker's rolling update. */
  component?: ComponentSettings
  rollout: RolloutSettings
}

export interface UpdateTrafficSettings {
  variantWeights: Record<string, number>
}

/** A variant's instance count, or with inference-component-name the component's copy count. */
export type UpdateCapacitySettings =
  { variantName?: string; instanceCount: number } | { componentName: string; copyCount: number }

export interface ConfigureAutoscalingSettings {
  variantName?: string
  minCapacity: number
  maxCapacity: number
  scalingMetric: ScalingMetric
  targetValue: number
  scaleInCooldownSeconds: number
  scaleOutCooldownSeconds: number
}

export interface DeleteAutoscalingSettings {
  variantName?: string
}

export interface MonitorSettings {
  windowMs: number
  periodSeconds: number
  /** Any of these in ALARM makes the endpoint unhealthy. */
  alarmNames: string[]
  /** Fraction from 0 to 1; any variant above it is unhealthy. */
  maxErrorRate?: number
  /** Any variant whose worst period's p99 ModelLatency is above it is unhealthy. */
  maxLatencyP99Ms?: number
  failOnUnhealthy: boolean
}

export interface HealthCheckSettings {
  probe: ProbeSettings
  targetVariant?: string
  maxLatencyMs?: number
  failOnUnhealthy: boolean
}

export interface DeleteSettings {
  /** With inference-component-name: delete the endpoint too, once no other component runs on it. */
  deleteEndpoint: boolean
  deleteEndpointConfig: boolean
  deleteModel: boolean
  ignoreMissing: boolean
}

export interface RollbackSettings {
  endpointConfigName?: string
}

export type Settings = CommonSettings & { record: ReleaseRecordSettings } & (
    | { operation: 'deploy'; deploy: DeploySettings }
    | { operation: 'promote'; rollout: RolloutSettings }
    | { operation: 'update-traffic'; updateTraffic: UpdateTrafficSettings }
    | { operation: 'update-capacity'; updateCapacity: UpdateCapacitySettings }
    | { operation: 'configure-autoscaling'; autoscaling: ConfigureAutoscalingSettings }
    | { operation: 'delete-autoscaling'; deleteAutoscaling: DeleteAutoscalingSettings }
    | { operation: 'monitor'; monitor: MonitorSettings }
    | { operation: 'health-check'; healthCheck: HealthCheckSettings }
    | { operation: 'delete'; delete: DeleteSettings }
    | { operation: 'rollback'; rollback: RollbackSettings }
  )
