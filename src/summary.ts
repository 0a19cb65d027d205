/**
 * The job summary: one function per section, rendered from the run's report.
 * The verdict comes first, because that is what a person opens the page for.
 */
import * as core from '@actions/core'
import { formatDuration } from './parse.js'
import type { GateEvaluation, Report, RolloutRecord, RolloutStepRecord } from './report.js'

type Summary = typeof core.summary

export function consoleUrl(region: string, endpointName: string): string {
  return `https://${region}.console.aws.amazon.com/sagemaker/home?region=${region}#/endpoints/${encodeURIComponent(endpointName)}`
}

function verdict(report: Report): { icon: string; text: string } {
  const result = report.outputs['rollout-result']
  if (result === 'rolled-back') return { icon: '↩️', text: 'rolled back' }
  if (report.outputs.healthy === 'false') return { icon: '❌', text: 'unhealthy' }
  if (report.dryRun && report.succeeded) return { icon: '📝', text: 'dry run: nothing was changed' }
  if (result === 'paused') return { icon: '⏸️', text: 'paused' }
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
  if (report.finishedAt !== undefined) facts.push(`took ${formatDuration(report.finishedAt - report.startedAt)}`)
  summary.addRaw(`<p>${facts.join(' · ')}</p>`, true)
  if (report.error) summary.addRaw(`<blockquote><strong>Error:</strong> ${escapeHtml(report.error)}</blockquote>`, true)
  if (report.rollout?.decision)
    summary.addRaw(`<p><strong>Decision:</strong> ${escapeHtml(report.rollout.decision)}</p>`, true)
}

export function addRequest(summary: Summary, report: Report): void {
  if (report.request.length === 0) return
  summary.addHeading('What was asked', 3)
  summary.addTable([
    [
      { data: 'Input', header: true },
      { data: 'Value', header: true }
    ],
    ...report.request.map(([name, value]) => [`<code>${escapeHtml(name)}</code>`, escapeHtml(value)])
  ])
}

export function addChanges(summary: Summary, report: Report): void {
  summary.addHeading(report.dryRun ? 'Plan (nothing was changed)' : 'What changed', 3)
  if (report.changes.length === 0) {
    summary.addRaw('<p>Nothing.</p>', true)
    return
  }
  summary.addList(
    report.changes.map((change) => `<code>${change.api}</code> on ${escapeHtml(change.resource)}`),
    true
  )
}

export function addNotes(summary: Summary, report: Report): void {
  if (report.notes.length === 0) return
  summary.addList(report.notes.map(escapeHtml))
}

export function addVariants(summary: Summary, report: Report): void {
  if (!report.variants || report.variants.length === 0) return
  summary.addHeading('Variants', 3)
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

/** The worst of a step's evaluations: what the step's row should show. */
function worstEvaluation(step: RolloutStepRecord): GateEvaluation | undefined {
  return step.evaluations.find((evaluation) => evaluation.verdict === 'failed') ?? step.evaluations.at(-1)
}

function formatRate(rate: number | undefined): string {
  return rate === undefined ? '—' : `${(rate * 100).toFixed(2)}%`
}

export function addRollout(summary: Summary, report: Report): void {
  const rollout = report.rollout
  if (!rollout || rollout.steps.length === 0) return
  summary.addHeading(`Rollout (${rollout.strategy}, ${rollout.controller} controller)`, 3)
  summary.addTable([
    ['Step', 'Weight', 'Time', 'Invocations', 'Error rate', 'p99', 'Alarms', 'Probes', 'Verdict'].map((data) => ({
      data,
      header: true
    })),
    ...rollout.steps.map((step, index) => {
      const evaluation = worstEvaluation(step)
      const invocations = step.evaluations.reduce((sum, entry) => Math.max(sum, entry.invocations ?? 0), 0)
      return [
        String(index + 1),
        `${step.weight}%`,
        step.endedAt === undefined ? '—' : formatDuration(step.endedAt - step.startedAt),
        evaluation?.invocations === undefined ? '—' : String(invocations),
        formatRate(evaluation?.errorRate),
        evaluation?.latencyP99Ms === undefined ? '—' : `${Math.round(evaluation.latencyP99Ms)} ms`,
        evaluation === undefined
          ? '—'
          : evaluation.alarmsInAlarm.length
            ? escapeHtml(evaluation.alarmsInAlarm.join(', '))
            : 'OK',
        evaluation?.probesSent ? `${evaluation.probesPassed}/${evaluation.probesSent}` : '—',
        stepVerdict(step)
      ]
    })
  ])
  const failures = rollout.steps.flatMap((step) => step.evaluations.flatMap((evaluation) => evaluation.failures))
  if (failures.length > 0) {
    summary.addDetails(
      'Failed gate evaluations',
      `<ul>${[...new Set(failures)].map((failure) => `<li>${escapeHtml(failure)}</li>`).join('')}</ul>`
    )
  }
  summary.addRaw(rolloutChart(rollout), true)
}

function stepVerdict(step: RolloutStepRecord): string {
  switch (step.verdict) {
    case 'passed':
      return '✅ passed'
    case 'failed':
      return '❌ failed'
    case 'skipped':
      return '⏭️ skipped'
    default:
      return '⏳ in progress'
  }
}

/** A mermaid chart (GitHub renders it in job summaries) of weight and error rate per step. */
export function rolloutChart(rollout: RolloutRecord): string {
  const labels = rollout.steps.map((_, index) => `"${index + 1}"`).join(', ')
  const weights = rollout.steps.map((step) => step.weight).join(', ')
  const errorRates = rollout.steps
    .map((step) => {
      const rate = worstEvaluation(step)?.errorRate
      return rate === undefined ? 0 : Math.round(rate * 10000) / 100
    })
    .join(', ')
  return [
    '',
    '```mermaid',
    'xychart-beta',
    '    title "New variant: weight (bars) and error rate (line), % per step"',
    `    x-axis "Step" [${labels}]`,
    '    y-axis "%" 0 --> 100',
    `    bar [${weights}]`,
    `    line [${errorRates}]`,
    '```',
    ''
  ].join('\n')
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
  summary.addTable([
    ['Variant', 'Invocations', '4XX', '5XX', 'Error rate', 'Latency avg', 'Latency p99'].map((data) => ({
      data,
      header: true
    })),
    ...report.metrics.variants.map((metrics) => [
      escapeHtml(metrics.variant),
      String(metrics.invocations),
      String(metrics.errors4xx),
      String(metrics.errors5xx),
      formatRate(metrics.errorRate),
      metrics.latencyAverageMs === undefined ? '—' : `${metrics.latencyAverageMs.toFixed(1)} ms`,
      metrics.latencyP99Ms === undefined ? '—' : `${metrics.latencyP99Ms.toFixed(1)} ms`
    ])
  ])
}

export function renderSummary(summary: Summary, report: Report): void {
  addHeading(summary, report)
  addNotes(summary, report)
  addRollout(summary, report)
  addVariants(summary, report)
  addProbes(summary, report)
  addMetrics(summary, report)
  addChanges(summary, report)
  addRequest(summary, report)
}

/** Writes the summary once; a failure here is a warning and never hides the run's own error. */
export async function writeSummary(report: Report): Promise<void> {
  try {
    renderSummary(core.summary, report)
    await core.summary.write()
  } catch (error) {
    core.warning(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`)
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}
