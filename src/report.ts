/**
 * What a run did, gathered as it goes: the outputs, the job summary and the
 * post step all read from here, so a run that fails half-way still reports
 * everything it had done up to then.
 */
import type { MetricsSource } from './invocation-metrics.js'
import type { Operation } from './settings.js'

export const OUTPUT_NAMES = [
  'endpoint-name',
  'endpoint-arn',
  'endpoint-status',
  'endpoint-config-name',
  'previous-endpoint-config-name',
  'model-name',
  'variant-name',
  'variant-weights',
  'inference-component-status',
  'copy-count',
  'rollout-result',
  'rolled-back',
  'healthy',
  'latency-ms',
  'metrics',
  'result'
] as const
export type OutputName = (typeof OUTPUT_NAMES)[number]

export type RolloutOutcome = 'succeeded' | 'rolled-back' | 'paused' | 'failed'

/** A call that changes something in AWS: made, or only planned in a dry run. */
export interface ChangeRecord {
  api: string
  resource: string
  input: unknown
}

export interface VariantRow {
  name: string
  model?: string
  instanceType?: string
  instanceCount?: number
  /** Percentage of the endpoint's traffic. */
  weight?: number
}

export interface ProbeRecord {
  variant?: string
  ok: boolean
  latencyMs: number
  statusCode?: number
  /** Truncated and never the payload sent. */
  detail: string
}

export interface VariantMetrics {
  variant: string
  invocations: number
  errors4xx: number
  errors5xx: number
  /**
   * Requests a real-time model never answered with a status (timeouts, dropped connections, malformed
   * responses): InvocationModelErrors less its 4XX and 5XX. Counted as errors; absent when there were none.
   */
  unanswered?: number
  /**
   * An asynchronous endpoint's InvocationFailures (it publishes no Invocations: `invocations` is then
   * InvocationsProcessed); absent for a real-time one.
   */
  failures?: number
  /** 5XX errors and unanswered requests (or failures) / invocations; undefined with no invocations. */
  errorRate?: number
  latencyAverageMs?: number
  latencyP99Ms?: number
}

/** Inconclusive: the evaluation had no evidence to judge by (no traffic yet, too few invocations, no data yet). */
export type GateVerdict = 'passed' | 'failed' | 'inconclusive'

/** A baseline comparison's result within one evaluation. */
export interface ComparisonRecord {
  gate: 'max-error-rate-increase' | 'max-latency-p99-increase'
  verdict: GateVerdict
  /** The figures and the test's bounds, in words. */
  detail: string
}

/** The serving variants' figures over the minutes an evaluation compared. */
export interface BaselineFigures {
  invocations: number
  errorRate?: number
  latencyP99Ms?: number
}

export interface GateEvaluation {
  at: number
  verdict: GateVerdict
  /** Why a gate failed, one line each. */
  failures: string[]
  /** Why the evaluation could not judge, one line each. */
  inconclusive: string[]
  /** The CloudWatch minutes the metric gates judged, [from, to) in epoch milliseconds. */
  window?: { from: number; to: number }
  invocations?: number
  errorRate?: number
  latencyP99Ms?: number
  baseline?: BaselineFigures
  comparisons?: ComparisonRecord[]
  /** Absent when no alarms were set. */
  alarmsChecked?: number
  alarmsInAlarm: string[]
  probesPassed?: number
  probesSent?: number
  /** max-disagreement: the answers compared with the serving variant's to the same payloads, and how many differed. */
  answersCompared?: number
  answersDiffering?: number
}

export interface RolloutStepRecord {
  /** The new variant's share during this step. */
  weight: number
  startedAt: number
  endedAt?: number
  evaluations: GateEvaluation[]
  verdict: 'passed' | 'failed' | 'inconclusive' | 'in-progress' | 'skipped' | 'cancelled'
  /**
   * A pause judged by promote before it moves traffic, rather than a step of its own; or the shadow phase, in
   * which the new variant took copies of requests and answered nobody.
   */
  kind?: 'pause' | 'shadow'
  /** The shadow phase: the share of the serving variant's requests copied to the new one. */
  shadowPercent?: number
  /** Why a step ended inconclusive or failed, in a sentence. */
  reason?: string
}

export interface RolloutRecord {
  controller: 'action' | 'sagemaker'
  strategy: string
  newVariant: string
  /** The error-rate limit, for the chart. */
  maxErrorRate?: number
  /** The gates and their thresholds, in words, for the summary. */
  gates?: string[]
  /** What SageMaker was asked to do, when it runs the rollout itself. */
  plan?: string
  previousConfig?: string
  steps: RolloutStepRecord[]
  result?: RolloutOutcome
  /** The decision and why, in a sentence. */
  decision?: string
}

export interface Report {
  operation: Operation
  endpointName: string
  region: string
  dryRun: boolean
  startedAt: number
  finishedAt?: number
  /** The inputs that shaped this run, as the user would name them. */
  request: Array<[string, string]>
  changes: ChangeRecord[]
  variants?: VariantRow[]
  /** What the endpoint's config makes it publish, as the dashboard graphs it. */
  metricsSource?: MetricsSource
  /** The new model's and variant's settings, each with where it came from (deploy). */
  settings?: Array<{ setting: string; value: string; source: string }>
  rollout?: RolloutRecord
  probes?: ProbeRecord[]
  metrics?: { window: string; period: string; variants: VariantMetrics[] }
  /** The endpoint's CloudWatch dashboard, when the run wrote it. */
  dashboardUrl?: string
  /** A dry run's rollout: its schedule in words, the gates, how long it would take and on what estimate. */
  plan?: { schedule: string[]; gates: string[]; expectedDurationMs: number; basis: string }
  /**
   * Instance-hours beyond the steady fleet: the second fleet SageMaker runs
   * while it updates the endpoint, and a canary beside the serving variants.
   * Planned ones in a dry run.
   */
  addedInstanceHours?: number
  /** What added them, in words for the summary; the second fleet and the canary of a rollout on variants when unset. */
  addedInstancesBy?: string
  /** The instance-hour price the workflow gave, to turn them into a cost. */
  instanceHourPrice?: number
  /** Decisions and facts worth a line in the summary. */
  notes: string[]
  outputs: Partial<Record<OutputName, string>>
  succeeded?: boolean
  /** The workflow was cancelled while the run was under way. */
  cancelled?: boolean
  error?: string
}

export function newReport(
  operation: Operation,
  endpointName: string,
  region: string,
  dryRun: boolean,
  now: number
): Report {
  return { operation, endpointName, region, dryRun, startedAt: now, request: [], changes: [], notes: [], outputs: {} }
}

/** Adds instance time (instances × milliseconds) beyond the steady fleet to the run's tally. */
export function addInstanceTime(report: Report, instanceMs: number): void {
  if (!(instanceMs > 0)) return
  report.addedInstanceHours = (report.addedInstanceHours ?? 0) + instanceMs / 3_600_000
}
