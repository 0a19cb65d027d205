/**
 * Health gates, judged on the new variant only. One evaluation makes at most
 * one DescribeAlarms call and one GetMetricData call, however many gates and
 * metrics there are, so a long bake stays cheap and clear of throttling.
 */
import type { OperationContext } from '../context.js'
import { describeAlarmStates, fetchVariantMetrics, windowPeriodSeconds } from '../metrics.js'
import { sendProbes } from '../probes.js'
import type { GateEvaluation } from '../report.js'
import type { GateSettings } from '../settings.js'

export function hasGates(gates: GateSettings): boolean {
  return (
    gates.alarmNames.length > 0 ||
    gates.maxErrorRate !== undefined ||
    gates.maxLatencyP99Ms !== undefined ||
    gates.minInvocations > 0 ||
    gates.probe !== undefined
  )
}

function needsMetrics(gates: GateSettings): boolean {
  return gates.maxErrorRate !== undefined || gates.maxLatencyP99Ms !== undefined || gates.minInvocations > 0
}

export interface GateWindow {
  endpointName: string
  variant: string
  /** Epoch milliseconds. */
  start: number
  end: number
}

export async function evaluateGates(
  ctx: OperationContext,
  gates: GateSettings,
  window: GateWindow
): Promise<GateEvaluation> {
  const evaluation: GateEvaluation = { at: window.end, verdict: 'passed', failures: [], alarmsInAlarm: [] }

  if (gates.probe) {
    const probes = await sendProbes(ctx, gates.probe, { targetVariant: window.variant })
    evaluation.probesSent = probes.length
    evaluation.probesPassed = probes.filter((probe) => probe.ok).length
    const failed = probes.find((probe) => !probe.ok)
    if (failed) evaluation.failures.push(`probe to ${window.variant} failed: ${failed.detail}`)
  }

  if (gates.alarmNames.length > 0) {
    const states = await describeAlarmStates(ctx, gates.alarmNames)
    evaluation.alarmsInAlarm = states.filter((alarm) => alarm.state === 'ALARM').map((alarm) => alarm.name)
    if (evaluation.alarmsInAlarm.length > 0) {
      evaluation.failures.push(`alarm ${evaluation.alarmsInAlarm.join(', ')} in ALARM`)
    }
  }

  if (needsMetrics(gates)) {
    const start = new Date(window.start)
    const end = new Date(window.end)
    const result = await fetchVariantMetrics(ctx, {
      endpointName: window.endpointName,
      variants: [window.variant],
      start,
      end,
      periodSeconds: windowPeriodSeconds(start, end)
    })
    const metrics = result.variants.find((entry) => entry.variant === window.variant)
    evaluation.invocations = metrics?.invocations ?? 0
    if (metrics?.errorRate !== undefined) evaluation.errorRate = metrics.errorRate
    if (metrics?.latencyP99Ms !== undefined) evaluation.latencyP99Ms = metrics.latencyP99Ms
    if (evaluation.invocations < gates.minInvocations) {
      evaluation.failures.push(
        `${evaluation.invocations} invocations, fewer than min-invocations ${gates.minInvocations}`
      )
    }
    if (
      gates.maxErrorRate !== undefined &&
      evaluation.errorRate !== undefined &&
      evaluation.errorRate > gates.maxErrorRate
    ) {
      evaluation.failures.push(
        `error rate ${(evaluation.errorRate * 100).toFixed(2)}% above max-error-rate ${(gates.maxErrorRate * 100).toFixed(2)}%`
      )
    }
    if (
      gates.maxLatencyP99Ms !== undefined &&
      evaluation.latencyP99Ms !== undefined &&
      evaluation.latencyP99Ms > gates.maxLatencyP99Ms
    ) {
      evaluation.failures.push(
        `p99 latency ${Math.round(evaluation.latencyP99Ms)} ms above max-latency-p99 ${gates.maxLatencyP99Ms} ms`
      )
    }
  }

  if (evaluation.failures.length > 0) evaluation.verdict = 'failed'
  return evaluation
}
