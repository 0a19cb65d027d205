// Types for control.mjs: the emulator's control endpoints (see README.md).

export interface InvokeFailureRule {
  endpoint: string
  /** Omit to fail every variant of the endpoint. */
  variant?: string
  /** The container's HTTP status carried in ModelError.OriginalStatusCode (default 500). */
  status?: number
  message?: string
  /** Fail only this many invocations, then stop failing. */
  count?: number
}

export interface InvokeDelayRule {
  endpoint: string
  variant?: string
  delayMs: number
}

export interface RecordedInvocation {
  endpoint: string
  variant: string | null
  targetVariant: string | null
  /** The TargetModel a multi-model endpoint was asked for. */
  targetModel: string | null
  /** 200, 400 (ValidationError) or 424 (ModelError). */
  status: number
  /** Epoch seconds. */
  time: number
}

export interface SeededInvokeResult {
  Body: string
  ContentType?: string
  InvokedProductionVariant?: string
  CustomAttributes?: string
}

/** How the model of every variant whose container image (or model name) contains `match` behaves. */
export interface ModelBehaviourRule {
  match: string
  /** Share of requests answered 5XX, 0..1 (default 0). */
  errorRate?: number
  /** Median latency (default 40 ms). */
  latencyMs?: number
  /** p99 latency (default 80 ms, or twice latencyMs when only that is given). */
  latencyP99Ms?: number
}

export interface ModelBehaviours {
  /** Newest first: the first match wins. */
  rules: Required<ModelBehaviourRule>[]
  default: Required<Omit<ModelBehaviourRule, 'match'>>
}

export type MetricsMode = 'faithful' | 'instant'

export interface EmulatorSettings {
  /** Seconds an endpoint spends Creating/Updating/RollingBack, and a capacity change takes. */
  transitionSeconds?: number
  /** Makes every random draw reproducible; null returns to unseeded draws. */
  seed?: number | null
  /** [min, max] seconds after a minute closes before its metrics are published (default [60, 120]). */
  metricsDelaySeconds?: [number, number] | number
  /** 'instant' publishes each request's metrics at once, the open minute included. */
  metricsMode?: MetricsMode
  /** Requests per second one instance serves, by instance type. */
  capacityPerInstance?: Record<string, number>
  /** Requests per second of a .large instance of a type not in capacityPerInstance (x2 per size step). */
  defaultCapacityPerInstance?: number
  /** Seconds between two target-tracking evaluations (default 10). */
  autoscalingIntervalSeconds?: number
}

export interface EmulatorConfig {
  transitionSeconds: number
  seed: number | null
  metricsDelaySeconds: [number, number]
  metricsMode: MetricsMode
  capacityPerInstance: Record<string, number>
  defaultCapacityPerInstance: number
  autoscalingIntervalSeconds: number
}

export interface FleetStats {
  /** UpdateEndpoint calls SageMaker accepted. */
  updateEndpointCalls: number
  /** Every instance ever launched for the endpoint. */
  instancesProvisioned: number
  /** Most instances running at once (old and new fleets overlap during an update). */
  peakInstances: number
  /** Instance-seconds, integrated over real time. */
  instanceSeconds: number
  currentInstances: number
}

export interface LatencyPercentiles {
  p50: number | null
  p99: number | null
}

export interface RequestCounts {
  /** Requests that reached the variant (simulated and invoked). */
  requests: number
  /** Of which real InvokeEndpoint calls. */
  invoked: number
  errors4xx: number
  errors5xx: { model: number; capacity: number; total: number }
  /** Client-seen latency (model plus overhead) of the requests the model answered. */
  latencyMs: LatencyPercentiles
}

export interface VariantTrafficStats extends RequestCounts {
  /** One entry per minute with requests, oldest first. */
  minutes: (RequestCounts & { minute: string })[]
}

export interface EndpointTrafficStats {
  /** Requests turned away because the endpoint was missing, Creating or Failed. */
  rejected: number
  variants: Record<string, VariantTrafficStats>
  /**
   * By endpoint config (fleet), once the endpoint has been through an UpdateEndpoint: both fleets of a deployment
   * run the same variant names, so this is where the new fleet's requests are told from the old one's.
   */
  fleets: Record<string, VariantTrafficStats>
}

/** One traffic step of a deployment SageMaker runs inside an UpdateEndpoint. */
export interface DeploymentStep {
  /** Epoch seconds at which the step's share of the traffic went to the new fleet. */
  at: number
  /** ISO 8601 form of `at`. */
  startedAt: string
  /** Share of the traffic on the new fleet, 0..1. */
  newFleetShare: number
  /** WaitIntervalInSeconds baked at this step (0 for a canary's full-traffic step). */
  bakeSeconds: number
}

/** An UpdateEndpoint's deployment as the emulator runs it (GET /emulator/deployments). */
export interface Deployment {
  endpoint: string
  newConfig: string
  oldConfig: string
  type: 'ALL_AT_ONCE' | 'CANARY' | 'LINEAR' | 'ROLLING'
  /** Empty when the new fleet failed its health checks and never took traffic. */
  steps: DeploymentStep[]
  /** Full traffic on the new fleet before the old one goes (blue/green). */
  terminationWaitSeconds: number
  /** AutoRollbackConfiguration alarms, watched from the first step to the end. */
  alarms: string[]
  /** Epoch seconds of the UpdateEndpoint. */
  startedAt: number
  /** When it ends if nothing rolls it back. */
  plannedEndAt: number
  status: 'InProgress' | 'RollingBack' | 'Succeeded' | 'RolledBack' | 'Failed'
  /** When SageMaker moved all traffic back to the old fleet (the alarm seen in ALARM), or null. */
  rollbackStartedAt: number | null
  firingAlarms: string[]
  endedAt: number | null
}

/**
 * One closed period of one variant's metrics, as the emulator published it (faithful mode): a minute, or the
 * period its endpoint config's MetricsConfig sets with enhanced metrics.
 */
export interface MetricPublication {
  endpoint: string
  variant: string
  /** Set for the copy with the EndpointConfigName dimension, null for the EndpointName/VariantName one. */
  endpointConfigName: string | null
  /** The period's start, ISO 8601. */
  minute: string
  /** How long the period is: 60 unless MetricsConfig says otherwise. */
  periodSeconds: number
  /** Epoch seconds from which any read sees the period: its close plus the drawn publication delay. */
  dueAt: number
  /** Epoch seconds of the sync that published it (the tick, or the first read after dueAt). */
  publishedAt: number
  /** dueAt minus the period's close. */
  delaySeconds: number
  invocations: number
  errors5xx: number
  /** An asynchronous endpoint's InvocationFailures; null for a real-time one. */
  failures: number | null
}

export interface EmulatorControl {
  url: string
  /** Clears every AWS resource, every rule and all traffic; settings return to their start-up values. */
  reset(): Promise<void>
  health(): Promise<{ ok: boolean; transitionSeconds: number }>
  failInvocations(rule: InvokeFailureRule): Promise<void>
  clearInvocationFailures(): Promise<void>
  delayInvocations(rule: InvokeDelayRule): Promise<void>
  clearInvocationDelays(): Promise<void>
  invocations(): Promise<RecordedInvocation[]>
  clearInvocations(): Promise<void>
  setTransitionSeconds(seconds: number): Promise<void>
  transitionSeconds(): Promise<number>
  /** moto's own queue of InvokeEndpoint answers (consumed in order). */
  seedInvokeResults(results: SeededInvokeResult[]): Promise<void>
  /** Starts (or changes) a simulated client; 0 stops it. Answers every client's rate. */
  setTraffic(endpoint: string, ratePerSecond: number): Promise<Record<string, number>>
  /** Stops one simulated client, or all of them. */
  stopTraffic(endpoint?: string): Promise<Record<string, number>>
  traffic(): Promise<Record<string, number>>
  setModelBehaviour(rule: ModelBehaviourRule): Promise<Required<ModelBehaviourRule>[]>
  clearModelBehaviours(): Promise<void>
  modelBehaviours(): Promise<ModelBehaviours>
  configure(settings: EmulatorSettings): Promise<EmulatorConfig>
  config(): Promise<EmulatorConfig>
  fleet(): Promise<Record<string, FleetStats>>
  trafficStats(): Promise<Record<string, EndpointTrafficStats>>
  /** When each closed period's metrics became readable, oldest first; of one endpoint, or of all. */
  metricPublications(endpoint?: string): Promise<MetricPublication[]>
  /** Every UpdateEndpoint's deployment, oldest first; of one endpoint, or of all. */
  deployments(endpoint?: string): Promise<Deployment[]>
}

export function emulatorControl(
  target: string | { url: string },
  options?: { account?: string; region?: string }
): EmulatorControl

/** A JSON call to the emulator's own endpoints (/moto-api, /emulator). */
export declare function requestJson(url: string, pathname: string, method: string, body?: unknown): Promise<unknown>
