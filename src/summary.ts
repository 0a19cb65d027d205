/**
 * The job summary: one function per section, rendered from the run's report.
 * The verdict comes first, because that is what a person opens the page for.
 */
import * as core from '@actions/core'
import { formatDuration } from './parse.js'
import type { Report } from './report.js'
import { addRollout } from './summary-rollout.js'
import { escapeHtml, formatCount, formatRate } from './summary-format.js'

export { rolloutCharts } from './summary-rollout.js'
export { escapeHtml } from './summary-format.js'

type Summary = typeof core.summary

/** Operations that only look: their page is about health, not about changes. */
const READ_ONLY = new Set(['monitor', 'health-check'])

export function consoleUrl(region: string, endpointName: string): string {
  return `https://${region}.console.aws.amazon.com/sagemaker/home?region=${region}#/endpoints/${encodeURIComponent(endpointName)}`
}

function verdict(report: Report): { icon: string; text: string } {
  const result = report.outputs['rollout-result']
  if (report.cancelled) return { icon: '⏹️', text: 'cancelled' }
  if (result === 'rolled-back') return { icon: '↩️', text: 'rolled back' }
  if (report.outputs.healthy === 'false') return { icon: '❌', text: 'unhealthy' }
  if (report.dryRun && report.succeeded) return { icon: '📝', text: 'dry run: nothing was changed' }
  if (result === 'paused') return { icon: '⏸️', text: 'paused' }
  if (report.succeeded && report.outputs.healthy === 'true' && READ_ONLY.has(report.operation)) {
    return { icon: '✅', text: 'healthy' }
  }
  if (report.succeeded) return { icon: '✅', text: 'succeeded' }
  return { icon: '❌', text: 'failed' }
}

export function addHeading(summary: Summary, report: Report): void {
  const { icon, text } = verdict(report)
  summary.addHeading(`${icon} ${report.operation} ${text}: ${escapeHtml(report.endpointName)}`, 2)
  const facts = [
    `<a href="${consoleUrl(report.region, report.endpointName)}">Endpoint in the AWS console</a>`,
    `region <code>${escapeHtml(report.region)}</code>`
  ]
  if (report.dashboardUrl) facts.push(`<a href="${escapeHtml(report.dashboardUrl)}">CloudWatch dashboard</a>`)
  if (report.finishedAt !== undefined) facts.push(`took ${formatDuration(report.finishedAt - report.startedAt)}`)
  summary.addRaw(`<p>${facts.join(' · ')}</p>`, true)
  if (report.error) summary.addRaw(`<p><strong>❌ Error:</strong> ${escapeHtml(report.error)}</p>`, true)
  const decision = report.rollout?.decision
  if (decision && decision !== report.error) {
    summary.addRaw(`<p><strong>Decision:</strong> ${escapeHtml(decision)}</p>`, true)
  }
}

/** The inputs, folded away: they matter when something went wrong, not at a glance. */
export function addRequest(summary: Summary, report: Report): void {
  if (report.request.length === 0) return
  const rows = report.request
    .map(([name, value]) => `<tr><td><code>${escapeHtml(name)}</code></td><td>${escapeHtml(value)}</td></tr>`)
    .join('')
  summary.addDetails(
    `What was asked (${report.request.length} inputs)`,
    `<table><tr><th>Input</th><th>Value</th></tr>${rows}</table>`
  )
}

/**
 * The instance-hours the run added beyond the steady fleet, and what they
 * cost at the price the workflow gave: the second fleet SageMaker runs during
 * every update and the canary beside the serving variants are what a
 * progressive rollout costs.
 */
export function addCapacity(summary: Summary, report: Report): void {
  const hours = report.addedInstanceHours
  if (hours === undefined) return
  summary.addRaw(
    `<p><strong>Instance-hours ${report.dryRun ? 'this rollout would add' : 'this run added'}:</strong> ${instanceHoursText(hours, report.instanceHourPrice)} (${report.addedInstancesBy ?? 'the second fleet while SageMaker updates the endpoint, and the canary beside the serving variants'}).</p>`,
    true
  )
}

/** `1.40`, or with a price `1.40, about $2.10 at $1.5 an instance-hour`: the summary and a dry run's log say it alike. */
export function instanceHoursText(hours: number, price: number | undefined): string {
  const cost = price === undefined ? '' : `, about $${(hours * price).toFixed(2)} at $${price} an instance-hour`
  // An instance launched for a minute is not nothing: below a hundredth, one significant digit.
  const shown = hours === 0 || hours >= 0.01 ? hours.toFixed(2) : hours.toPrecision(1)
  return `${shown}${cost}`
}

/** A dry run's rollout, step by step: what would happen, judged how, and for how long. */
export function addPlan(summary: Summary, report: Report): void {
  const plan = report.plan
  if (!plan) return
  summary.addHeading(`Rollout plan: about ${formatDuration(plan.expectedDurationMs)}`, 3)
  summary.addList(plan.schedule.map(escapeHtml), true)
  summary.addRaw(
    `<p>${plan.gates.length > 0 ? `Gates: ${plan.gates.map(escapeHtml).join('; ')}.` : 'No gates are set.'} The duration assumes ${escapeHtml(plan.basis)}.</p>`,
    true
  )
}

/** In a dry run the plan is the point and stays open; otherwise the calls made are folded away. */
export function addChanges(summary: Summary, report: Report): void {
  if (report.changes.length === 0) {
    if (!READ_ONLY.has(report.operation)) summary.addRaw('<p>Nothing was changed.</p>', true)
    return
  }
  const items = report.changes.map(
    (change) => `<li><code>${change.api}</code> on ${escapeHtml(change.resource)}${describeWeights(change.input)}</li>`
  )
  if (report.dryRun) {
    summary.addHeading('Plan (nothing was changed)', 3)
    summary.addRaw(`<ol>${items.join('')}</ol>`, true)
    return
  }
  summary.addDetails(`What changed (${report.changes.length} calls)`, `<ol>${items.join('')}</ol>`)
}

/** Weight changes look alike in a list; their weights tell the shift from the rollback. */
function describeWeights(input: unknown): string {
  const desired =
    (input as { DesiredWeightsAndCapacities?: Array<{ VariantName?: string; DesiredWeight?: number }> } | undefined)
      ?.DesiredWeightsAndCapacities ?? []
  const weights = desired.filter((entry) => entry.DesiredWeight !== undefined)
  if (weights.length === 0) return ''
  return `: ${weights.map((entry) => `${escapeHtml(entry.VariantName ?? '?')} ${entry.DesiredWeight}`).join(', ')}`
}

export function addNotes(summary: Summary, report: Report): void {
  if (report.notes.length === 0) return
  summary.addList(report.notes.map(escapeHtml))
}

export function addVariants(summary: Summary, report: Report): void {
  if (!report.variants || report.variants.length === 0) return
  summary.addHeading('Variants now', 3)
  summary.addTable([
    ['Variant', 'Model', 'Instance type', 'Instances', 'Weight'].map((data) => ({ data, header: true })),
    ...report.variants.map((variant) => [
      escapeHtml(variant.name),
      escapeHtml(variant.model ?? '—'),
      escapeHtml(variant.instanceType ?? '—'),
      variant.instanceCount === undefined ? '—' : String(variant.instanceCount),
      variant.weight === undefined ? '—' : `${variant.weight}%`
    ])
  ])
}

/**
 * Where each setting of the new model and variant came from: a production
 * endpoint's VPC or timeouts kept without anyone repeating them is only
 * reassuring when the page says so.
 */
export function addSettings(summary: Summary, report: Report): void {
  if (!report.settings || report.settings.length === 0) return
  const rows = report.settings
    .map(
      (entry) =>
        `<tr><td><code>${escapeHtml(entry.setting)}</code></td><td>${escapeHtml(shortValue(entry.value))}</td><td>${escapeHtml(entry.source)}</td></tr>`
    )
    .join('')
  summary.addDetails(
    `Settings of the new model and variant (${report.settings.length}): inherited, from inputs, or defaults`,
    `<table><tr><th>Setting</th><th>Value</th><th>From</th></tr>${rows}</table>`
  )
}

function shortValue(value: string): string {
  return value.length > 160 ? `${value.slice(0, 157)}...` : value
}

export function addProbes(summary: Summary, report: Report): void {
  if (!report.probes || report.probes.length === 0) return
  summary.addHeading('Health probes', 3)
  summary.addTable([
    ['#', 'Variant', 'Result', 'Latency', 'Detail'].map((data) => ({ data, header: true })),
    ...report.probes.map((probe, index) => [
      String(index + 1),
      escapeHtml(probe.variant ?? 'any'),
      probe.ok ? '✅ ok' : '❌ failed',
      `${Math.round(probe.latencyMs)} ms`,
      escapeHtml(probe.detail)
    ])
  ])
}

export function addMetrics(summary: Summary, report: Report): void {
  if (!report.metrics) return
  summary.addHeading(`Metrics (last ${report.metrics.window}, ${report.metrics.period} periods)`, 3)
  // An asynchronous endpoint counts the requests it processed, and rates its failures for any reason.
  const asynchronous = report.metrics.variants.some((metrics) => metrics.failures !== undefined)
  // Requests a real-time model never answered count in its error rate: shown where there were any.
  const unanswered = !asynchronous && report.metrics.variants.some((metrics) => (metrics.unanswered ?? 0) > 0)
  const headers = asynchronous
    ? ['Variant', 'Processed', '4XX', '5XX', 'Failures', 'Failure rate', 'Latency avg', 'Latency p99']
    : [
        'Variant',
        'Invocations',
        '4XX',
        '5XX',
        ...(unanswered ? ['Unanswered'] : []),
        'Error rate',
        'Latency avg',
        'Latency p99'
      ]
  summary.addTable([
    headers.map((data) => ({ data, header: true })),
    ...report.metrics.variants.map((metrics) => [
      escapeHtml(metrics.variant),
      formatCount(metrics.invocations),
      formatCount(metrics.errors4xx),
      formatCount(metrics.errors5xx),
      ...(asynchronous ? [formatCount(metrics.failures ?? 0)] : []),
      ...(unanswered ? [formatCount(metrics.unanswered ?? 0)] : []),
      formatRate(metrics.errorRate),
      metrics.latencyAverageMs === undefined ? '—' : `${metrics.latencyAverageMs.toFixed(1)} ms`,
      metrics.latencyP99Ms === undefined ? '—' : `${metrics.latencyP99Ms.toFixed(1)} ms`
    ])
  ])
}

export function renderSummary(summary: Summary, report: Report): void {
  addHeading(summary, report)
  addNotes(summary, report)
  addPlan(summary, report)
  addRollout(summary, report)
  addCapacity(summary, report)
  addVariants(summary, report)
  addSettings(summary, report)
  addProbes(summary, report)
  addMetrics(summary, report)
  addChanges(summary, report)
  addRequest(summary, report)
}

/**
 * Writes the summary once; a failure here is a warning and never hides the
 * run's own error. Resolves with its HTML, for a dry run's plan comment.
 */
export async function writeSummary(report: Report): Promise<string | undefined> {
  let html: string | undefined
  try {
    renderSummary(core.summary, report)
    html = core.summary.stringify()
    await core.summary.write()
  } catch (error) {
    core.warning(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`)
  }
  return html
}
