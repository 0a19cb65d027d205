/**
 * monitor: the endpoint's status, variants and per-variant metrics over a
 * recent window. Meant for a schedule: with thresholds or alarms given, an
 * endpoint that breaches them fails the step, so the workflow run turns red.
 * The metrics are the ones the endpoint publishes (invocation-metrics.ts):
 * an asynchronous endpoint's failures over the requests it processed, at
 * periods no shorter than its MetricsConfig publishes. With
 * inference-component-name, the component's status, copies and metrics
 * (SageMaker publishes them under InferenceComponentName alone:
 * https://docs.aws.amazon.com/sagemaker/latest/dg/monitoring-cloudwatch.html).
 */
import type { OperationContext } from '../context.js'
import { getEndpoint, reportEndpoint, type Endpoint } from '../endpoint.js'
import { getComponent, reportComponent } from '../components/component.js'
import { describeAlarmStates, refuseAlarmsOnUnpublishedMetrics, type AlarmState } from '../alarms.js'
import { errorsOf, metricsSourceOf, type MetricsSource } from '../invocation-metrics.js'
import {
  alignedWindow,
  fetchVariantMetrics,
  variantMetrics,
  type Fleet,
  type VariantMetricsResult
} from '../metrics.js'
import { countedErrors } from '../metrics-totals.js'
import { formatDuration } from '../parse.js'
import type { VariantMetrics } from '../report.js'
import type { MonitorSettings } from '../settings.js'

export async function runMonitor(ctx: OperationContext, settings: MonitorSettings): Promise<void> {
  const endpoint = await getEndpoint(ctx)
  const config = await reportEndpoint(ctx, endpoint)
  const source = metricsSourceOf(config)
  const status = endpoint.EndpointStatus ?? 'Unknown'
  const scope = await monitoredScope(ctx, endpoint)
  const alarms = await describeAlarmStates(ctx, settings.alarmNames)
  refuseAlarmsOnUnpublishedMetrics(ctx.endpointName, config, alarms)

  const periodSeconds = readablePeriod(ctx, settings.periodSeconds, source)
  const { start, end } = alignedWindow(ctx.clock.now(), settings.windowMs, periodSeconds)
  const metrics = await fetchVariantMetrics(ctx, {
    endpointName: ctx.endpointName,
    variants: scope.series,
    ...(scope.fleets ? { fleets: scope.fleets } : {}),
    start,
    end,
    periodSeconds,
    source,
    windowP99: true
  })
  ctx.report.metrics = {
    window: formatDuration(settings.windowMs),
    period: formatDuration(periodSeconds * 1000),
    variants: metrics.variants.map((entry) => variantMetrics(metrics, entry.variant))
  }
  ctx.output('metrics', metricsOutput(metrics))

  const problems: string[] = []
  // An update in progress still serves on the old fleet: a scheduled monitor must not page anyone for a deploy.
  if (SERVING_STATUSES.includes(status) && status !== 'InService') {
    ctx.note(`Endpoint "${ctx.endpointName}" is ${status}; it keeps serving while SageMaker works.`)
  } else if (status !== 'InService') {
    problems.push(
      `it is ${status}, not InService${endpoint.FailureReason ? ` (FailureReason: ${endpoint.FailureReason})` : ''}`
    )
  }
  problems.push(...scope.problems)
  problems.push(...thresholdBreaches(metrics.variants, settings, source, scope.noun))
  for (const alarm of alarms.filter((candidate) => candidate.state === 'ALARM')) {
    problems.push(`alarm "${alarm.name}" is in ALARM${alarm.reason ? ` (${shorten(alarm.reason)})` : ''}`)
  }

  const judged = settings.maxErrorRate !== undefined || settings.maxLatencyP99Ms !== undefined
  if (judged && metrics.variants.every((entry) => entry.invocations === 0)) {
    ctx.note(
      `No ${source.asynchronous ? 'processed invocations' : 'invocations'} in the last ${formatDuration(settings.windowMs)}: max-error-rate and max-latency-p99 had nothing to judge.`
    )
  }
  // What was set but could not be checked is said, so that "healthy" never covers a check that was not made.
  for (const unchecked of uncheckedThresholds(metrics.variants, settings, alarms, scope.noun)) ctx.warn(unchecked)

  ctx.output('healthy', problems.length === 0)
  if (problems.length === 0) {
    ctx.note(`Endpoint "${ctx.endpointName}" is healthy: ${healthyBecause(settings)}.`)
    return
  }
  const message = `Endpoint "${ctx.endpointName}" is unhealthy: ${problems.join('; ')}.`
  if (settings.failOnUnhealthy) throw new Error(message)
  ctx.note(message)
  ctx.warn(`${message} The step succeeds because fail-on-unhealthy is false.`)
}

const SERVING_STATUSES = ['InService', 'Updating', 'SystemUpdating']

/** What is watched: every variant, or the named component alone, with what its status makes unhealthy. */
async function monitoredScope(
  ctx: OperationContext,
  endpoint: Endpoint
): Promise<{ series: string[]; fleets?: Record<string, Fleet>; noun: string; problems: string[] }> {
  const name = ctx.settings.inferenceComponentName
  if (name === undefined) {
    const series = (endpoint.ProductionVariants ?? []).map((variant) => variant.VariantName ?? '')
    return { series, noun: 'variant', problems: [] }
  }
  const component = await getComponent(ctx, name)
  reportComponent(ctx, component)
  const status = component.InferenceComponentStatus ?? 'Unknown'
  const problems: string[] = []
  // Its old copies serve while SageMaker updates it, as an endpoint's old fleet does.
  if (status !== 'InService' && status !== 'Updating') {
    const reason = component.FailureReason ? ` (FailureReason: ${component.FailureReason})` : ''
    problems.push(`inference component "${name}" is ${status}, not InService${reason}`)
  } else if (component.RuntimeConfig?.CurrentCopyCount === 0) {
    problems.push(`inference component "${name}" runs no copies, so requests to it fail`)
  }
  return { series: [name], fleets: { [name]: { component: name } }, noun: 'inference component', problems }
}

/**
 * metrics-period, or the least whole number of the endpoint's datapoints above it: five-minute datapoints read a
 * minute at a time would show four minutes in five empty.
 */
function readablePeriod(ctx: OperationContext, periodSeconds: number, source: MetricsSource): number {
  if (periodSeconds % source.periodSeconds === 0) return periodSeconds
  const readable = Math.ceil(periodSeconds / source.periodSeconds) * source.periodSeconds
  ctx.note(
    `Endpoint "${ctx.endpointName}" publishes its invocation metrics every ${source.periodSeconds} s (its MetricsConfig), so they are read in periods of ${formatDuration(readable * 1000)} rather than metrics-period ${formatDuration(periodSeconds * 1000)}.`
  )
  return readable
}

/** Every variant is judged, not only the newest: any one serving badly hurts callers. */
function thresholdBreaches(
  variants: VariantMetrics[],
  settings: MonitorSettings,
  source: MetricsSource,
  noun: string
): string[] {
  const breaches: string[] = []
  for (const metrics of variants) {
    if (settings.maxErrorRate !== undefined && metrics.errorRate !== undefined) {
      if (metrics.errorRate > settings.maxErrorRate) {
        breaches.push(
          `${noun} "${metrics.variant}" error rate ${percent(metrics.errorRate)} (${errorsOf(source, countedErrors(metrics), metrics.invocations, metrics.unanswered)}) is above max-error-rate ${percent(settings.maxErrorRate)}`
        )
      }
    }
    if (settings.maxLatencyP99Ms !== undefined && metrics.latencyP99Ms !== undefined) {
      if (metrics.latencyP99Ms > settings.maxLatencyP99Ms) {
        breaches.push(
          `${noun} "${metrics.variant}" p99 model latency ${metrics.latencyP99Ms.toFixed(1)} ms is above max-latency-p99 ${settings.maxLatencyP99Ms} ms`
        )
      }
    }
  }
  return breaches
}

/**
 * A p99 CloudWatch did not serve for a variant that took requests (ModelLatency published as statistic sets, from
 * which no percentile is computed), and an alarm with no data to judge by (INSUFFICIENT_DATA).
 */
function uncheckedThresholds(
  variants: VariantMetrics[],
  settings: MonitorSettings,
  alarms: AlarmState[],
  noun: string
): string[] {
  const unchecked: string[] = []
  if (settings.maxLatencyP99Ms !== undefined) {
    for (const metrics of variants.filter((entry) => entry.invocations > 0 && entry.latencyP99Ms === undefined)) {
      unchecked.push(
        `max-latency-p99 was not checked on ${noun} "${metrics.variant}": it took ${metrics.invocations} requests, but CloudWatch served no p99 of its ModelLatency.`
      )
    }
  }
  for (const alarm of alarms.filter((candidate) => candidate.state === 'INSUFFICIENT_DATA')) {
    unchecked.push(
      `Alarm "${alarm.name}" is in INSUFFICIENT_DATA: it has no data to judge by, and says nothing of the endpoint's health.`
    )
  }
  return unchecked
}

function healthyBecause(settings: MonitorSettings): string {
  const checks = ['InService']
  if (settings.maxErrorRate !== undefined) checks.push(`error rate at most ${percent(settings.maxErrorRate)}`)
  if (settings.maxLatencyP99Ms !== undefined) checks.push(`p99 latency at most ${settings.maxLatencyP99Ms} ms`)
  if (settings.alarmNames.length > 0) checks.push(`no alarm of ${settings.alarmNames.length} in ALARM`)
  return checks.join(', ')
}

/** The `metrics` output: keyed by variant so a workflow can read `fromJSON(...).variants.<name>.errorRate`. */
function metricsOutput(metrics: VariantMetricsResult): object {
  return {
    start: metrics.start.toISOString(),
    end: metrics.end.toISOString(),
    periodSeconds: metrics.periodSeconds,
    variants: Object.fromEntries(metrics.variants.map(({ variant, ...values }) => [variant, values]))
  }
}

function percent(rate: number): string {
  return `${Number((rate * 100).toFixed(2))}%`
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > 160 ? `${flat.slice(0, 159)}…` : flat
}
