/**
 * monitor: the endpoint's status, variants and per-variant metrics over a
 * recent window. Meant for a schedule: with thresholds or alarms given, an
 * endpoint that breaches them fails the step, so the workflow run turns red.
 */
import type { OperationContext } from '../context.js'
import { getEndpoint, reportEndpoint } from '../endpoint.js'
import { describeAlarmStates } from '../alarms.js'
import { alignedWindow, fetchVariantMetrics, variantMetrics, type VariantMetricsResult } from '../metrics.js'
import { formatDuration } from '../parse.js'
import type { VariantMetrics } from '../report.js'
import type { MonitorSettings } from '../settings.js'

export async function runMonitor(ctx: OperationContext, settings: MonitorSettings): Promise<void> {
  const endpoint = await getEndpoint(ctx)
  await reportEndpoint(ctx, endpoint)
  const status = endpoint.EndpointStatus ?? 'Unknown'
  const variants = (endpoint.ProductionVariants ?? []).map((variant) => variant.VariantName ?? '')

  const { start, end } = alignedWindow(ctx.clock.now(), settings.windowMs, settings.periodSeconds)
  const metrics = await fetchVariantMetrics(ctx, {
    endpointName: ctx.endpointName,
    variants,
    start,
    end,
    periodSeconds: settings.periodSeconds
  })
  ctx.report.metrics = {
    window: formatDuration(settings.windowMs),
    period: formatDuration(settings.periodSeconds * 1000),
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
  problems.push(...thresholdBreaches(metrics.variants, settings))
  const alarms = await describeAlarmStates(ctx, settings.alarmNames)
  for (const alarm of alarms.filter((candidate) => candidate.state === 'ALARM')) {
    problems.push(`alarm "${alarm.name}" is in ALARM${alarm.reason ? ` (${shorten(alarm.reason)})` : ''}`)
  }

  const judged = settings.maxErrorRate !== undefined || settings.maxLatencyP99Ms !== undefined
  if (judged && metrics.variants.every((entry) => entry.invocations === 0)) {
    ctx.note(
      `No invocations in the last ${formatDuration(settings.windowMs)}: max-error-rate and max-latency-p99 had nothing to judge.`
    )
  }

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

/** Every variant is judged, not only the newest: any one serving badly hurts callers. */
function thresholdBreaches(variants: VariantMetrics[], settings: MonitorSettings): string[] {
  const breaches: string[] = []
  for (const metrics of variants) {
    if (settings.maxErrorRate !== undefined && metrics.errorRate !== undefined) {
      if (metrics.errorRate > settings.maxErrorRate) {
        breaches.push(
          `variant "${metrics.variant}" error rate ${percent(metrics.errorRate)} (${metrics.errors5xx} 5XX of ${metrics.invocations}) is above max-error-rate ${percent(settings.maxErrorRate)}`
        )
      }
    }
    if (settings.maxLatencyP99Ms !== undefined && metrics.latencyP99Ms !== undefined) {
      if (metrics.latencyP99Ms > settings.maxLatencyP99Ms) {
        breaches.push(
          `variant "${metrics.variant}" p99 model latency ${metrics.latencyP99Ms.toFixed(1)} ms is above max-latency-p99 ${settings.maxLatencyP99Ms} ms`
        )
      }
    }
  }
  return breaches
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
