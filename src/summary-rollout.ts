/**
 * The job summary's rollout section: a row per step with what judged it, and
 * charts of the traffic share and the error rate per step.
 */
import * as core from '@actions/core'
import { formatDuration } from './parse.js'
import type { GateEvaluation, Report, RolloutRecord, RolloutStepRecord } from './report.js'
import { escapeHtml, formatCount, formatRate } from './summary-format.js'

type Summary = typeof core.summary

/** The evaluation a step's row shows: the failed one, else the last conclusive pass, else the last. */
function decidingEvaluation(step: RolloutStepRecord): GateEvaluation | undefined {
  return (
    step.evaluations.find((evaluation) => evaluation.verdict === 'failed') ??
    step.evaluations.findLast((evaluation) => evaluation.verdict === 'passed') ??
    step.evaluations.at(-1)
  )
}

/**
 * The probes that passed, and, where answers were compared with the serving
 * model's (max-disagreement: the probes' in a step, captured pairs in a
 * shadow phase), how many agreed.
 */
function probesCell(evaluation: GateEvaluation | undefined): string {
  const probes = evaluation?.probesSent ? `${evaluation.probesPassed}/${evaluation.probesSent}` : undefined
  const compared = evaluation?.answersCompared
  const answers = compared ? `answers ${compared - (evaluation?.answersDiffering ?? 0)}/${compared} agree` : undefined
  return [probes, answers].filter((part) => part !== undefined).join(', ') || '—'
}

/** The new variant's figure, with the serving variants' beside it when a baseline was compared. */
function besideBaseline(value: string, baseline: string | undefined): string {
  return baseline === undefined || baseline === '—' ? value : `${value} (baseline ${baseline})`
}

/** Invocations the step's judged windows held: each minute is judged in one window only. */
function judgedInvocations(step: RolloutStepRecord): number | undefined {
  const windows = step.evaluations.filter((evaluation) => evaluation.window && evaluation.invocations !== undefined)
  if (windows.length === 0) return undefined
  // A window that stayed open to gather more invocations is judged again, larger; count the latest of each start.
  const byStart = new Map<number, number>()
  for (const evaluation of windows) byStart.set(evaluation.window?.from ?? 0, evaluation.invocations ?? 0)
  return [...byStart.values()].reduce((sum, count) => sum + count, 0)
}

function alarmsCell(evaluation: GateEvaluation | undefined): string {
  if (evaluation === undefined) return '—'
  if (evaluation.alarmsChecked === undefined) return 'none set'
  return evaluation.alarmsInAlarm.length ? escapeHtml(evaluation.alarmsInAlarm.join(', ')) : 'OK'
}

/** How the step's evaluations came out, such as "3 passed, 9 inconclusive". */
function evaluationCounts(step: RolloutStepRecord): string {
  const counts = new Map<string, number>()
  for (const evaluation of step.evaluations) counts.set(evaluation.verdict, (counts.get(evaluation.verdict) ?? 0) + 1)
  return ['passed', 'failed', 'inconclusive']
    .filter((verdict) => counts.has(verdict))
    .map((verdict) => `${counts.get(verdict)} ${verdict}`)
    .join(', ')
}

export function addRollout(summary: Summary, report: Report): void {
  const rollout = report.rollout
  if (!rollout) return
  const judge =
    rollout.controller === 'action'
      ? 'gates judged by the action'
      : "carried out by SageMaker's blue/green guardrails, gates judged by the action"
  summary.addHeading(`Rollout (${rollout.strategy}, ${judge})`, 3)
  if (rollout.plan) summary.addRaw(`<p>${escapeHtml(rollout.plan)}</p>`, true)
  if (rollout.gates && rollout.gates.length > 0) {
    summary.addRaw(`<p>Gates: ${rollout.gates.map(escapeHtml).join('; ')}.</p>`, true)
  }
  if (rollout.steps.length === 0) return
  summary.addTable([
    ['Step', 'Weight', 'Time', 'Invocations', 'Error rate', 'p99', 'Alarms', 'Probes', 'Evaluations', 'Verdict'].map(
      (data) => ({ data, header: true })
    ),
    ...rollout.steps.map((step, index) => {
      const evaluation = decidingEvaluation(step)
      const invocations = judgedInvocations(step)
      const baseline = evaluation?.baseline
      return [
        step.kind ?? String(stepNumber(rollout.steps, index)),
        step.kind === 'shadow' ? `a copy of ${step.shadowPercent ?? 0}%` : `${step.weight}%`,
        step.endedAt === undefined ? '—' : formatDuration(step.endedAt - step.startedAt),
        invocations === undefined ? '—' : formatCount(invocations),
        besideBaseline(formatRate(evaluation?.errorRate), baseline && formatRate(baseline.errorRate)),
        besideBaseline(formatMs(evaluation?.latencyP99Ms), baseline && formatMs(baseline.latencyP99Ms)),
        alarmsCell(evaluation),
        probesCell(evaluation),
        evaluationCounts(step) || '—',
        stepVerdict(step)
      ]
    })
  ])
  const findings = rollout.steps.flatMap((step, index) => {
    const label =
      step.kind === 'pause'
        ? 'The pause'
        : step.kind === 'shadow'
          ? 'The shadow phase'
          : `Step ${stepNumber(rollout.steps, index)}`
    const comparisons = decidingEvaluation(step)?.comparisons ?? []
    return [
      ...(step.reason && step.verdict !== 'passed' ? [`${label} ${step.verdict}: ${step.reason}`] : []),
      ...comparisons.map((comparison) => `${label}, ${comparison.gate} ${comparison.verdict}: ${comparison.detail}`)
    ]
  })
  if (findings.length > 0) {
    summary.addDetails(
      `Why each step ended as it did (${findings.length})`,
      `<ul>${findings.map((finding) => `<li>${escapeHtml(finding)}</li>`).join('')}</ul>`
    )
  }
  summary.addRaw(rolloutCharts(rollout), true)
}

/** Steps are numbered without the pause a promotion judged first. */
function stepNumber(steps: RolloutStepRecord[], index: number): number {
  return steps.slice(0, index + 1).filter((step) => step.kind === undefined).length
}

function formatMs(ms: number | undefined): string {
  return ms === undefined ? '—' : `${Math.round(ms)} ms`
}

function stepVerdict(step: RolloutStepRecord): string {
  switch (step.verdict) {
    case 'passed':
      return '✅ passed'
    case 'failed':
      return '❌ failed'
    case 'inconclusive':
      return '❔ inconclusive'
    case 'skipped':
      return '⏭️ skipped'
    case 'cancelled':
      return '⏹️ cancelled'
    default:
      return '⏳ in progress'
  }
}

/**
 * Mermaid charts (GitHub renders them in job summaries): the new variant's
 * share of traffic per step, and its error rate per step against the limit.
 * Two charts, because an error rate of 0.3% drawn on a 0-100% weight axis is
 * a flat line; and no error-rate chart when no gate measured one, rather than
 * a chart of zeros nobody measured.
 */
export function rolloutCharts(rollout: RolloutRecord): string {
  if (rollout.steps.length < 2) return ''
  const variant = rollout.newVariant.replace(/"/g, '')
  const labels = rollout.steps
    .map((step, index) => `"${index + 1}${step.verdict === 'failed' ? ' ❌' : ''}"`)
    .join(', ')
  const charts = [
    chart(`${variant}: share of traffic per step (%)`, labels, 100, [
      `bar [${rollout.steps.map((step) => step.weight).join(', ')}]`
    ])
  ]
  const rates = rollout.steps.map((step) => decidingEvaluation(step)?.errorRate)
  if (rates.some((rate) => rate !== undefined)) {
    const values = rates.map((rate) => (rate === undefined ? 0 : asPercent(rate)))
    const limit = rollout.maxErrorRate === undefined ? undefined : asPercent(rollout.maxErrorRate)
    const top = niceCeiling(Math.max(...values, limit ?? 0, 0.1) * 1.2)
    charts.push(
      chart(
        `${variant}: 5XX error rate per step (%)${limit === undefined ? '' : `, line: max-error-rate ${limit}%`}`,
        labels,
        top,
        [`bar [${values.join(', ')}]`, ...(limit === undefined ? [] : [`line [${values.map(() => limit).join(', ')}]`])]
      )
    )
  }
  return charts.join('\n')
}

function chart(title: string, labels: string, top: number, series: string[]): string {
  return [
    '',
    '```mermaid',
    // Half the default height: two charts should not push the variants off the first screen.
    '%%{init: {"xyChart": {"height": 250}}}%%',
    'xychart-beta',
    `    title "${title}"`,
    `    x-axis "Step" [${labels}]`,
    `    y-axis "%" 0 --> ${top}`,
    ...series.map((line) => `    ${line}`),
    '```',
    ''
  ].join('\n')
}

function asPercent(rate: number): number {
  return Math.round(rate * 10000) / 100
}

/** The axis top: 1, 2 or 5 times a power of ten, so small rates fill the chart. */
function niceCeiling(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value))
  return [1, 2, 5, 10].map((factor) => factor * power).find((top) => top >= value - 1e-9) ?? value
}
