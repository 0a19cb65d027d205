/**
 * The rollout's words for people. The engine decides with data (verdicts,
 * weights, counts); this module is the one place those become sentences for
 * the log, the summary and the step's error, so wording never sits inside the
 * control flow.
 */
import { counted } from '../parse.js'
import type { GateEvaluation, RolloutStepRecord } from '../report.js'
import { formatPercent } from './gates.js'
import type { Move } from './moves.js'

export function describeEvaluation(evaluation: GateEvaluation): string {
  const parts = [verdictWords(evaluation)]
  if (evaluation.invocations !== undefined) parts.push(`${evaluation.invocations} invocations`)
  if (evaluation.errorRate !== undefined) parts.push(`error rate ${formatPercent(evaluation.errorRate)}`)
  if (evaluation.latencyP99Ms !== undefined) parts.push(`p99 ${Math.round(evaluation.latencyP99Ms)} ms`)
  if (evaluation.baseline?.errorRate !== undefined) {
    parts.push(`baseline error rate ${formatPercent(evaluation.baseline.errorRate)}`)
  }
  if (evaluation.probesSent) parts.push(`probes ${evaluation.probesPassed}/${evaluation.probesSent}`)
  if (evaluation.answersCompared) {
    parts.push(
      `answers differing from the serving model's ${evaluation.answersDiffering}/${evaluation.answersCompared}`
    )
  }
  return parts.join(', ')
}

function verdictWords(evaluation: GateEvaluation): string {
  if (evaluation.verdict === 'passed') return 'passed'
  if (evaluation.verdict === 'failed') return `FAILED (${evaluation.failures.join('; ')})`
  return `inconclusive (${evaluation.inconclusive.join('; ')})`
}

/**
 * The log line of one evaluation. A step waiting for CloudWatch is
 * inconclusive for the same reason several times over: the reason is said
 * once, and the evaluations after it only count on.
 */
export class EvaluationLog {
  private lastReason: string | undefined
  private sameSince = 0

  line(label: string, place: string, evaluation: GateEvaluation): string {
    const reason = evaluation.verdict === 'inconclusive' ? evaluation.inconclusive.join('; ') : undefined
    if (reason !== undefined && reason === this.lastReason) {
      this.sameSince++
      return `Evaluation ${label} ${place}: still inconclusive for the same reason (${counted(this.sameSince + 1, 'evaluation')} in a row).`
    }
    this.lastReason = reason
    this.sameSince = 0
    return `Evaluation ${label} ${place}: ${describeEvaluation(evaluation)}`
  }
}

/** Where a step stands, in words: `at 10%`, or `in the shadow phase`, whose variant takes copies and no weight. */
export function stepPlace(step: Pick<RolloutStepRecord, 'weight' | 'kind'>): string {
  return step.kind === 'shadow' ? 'in the shadow phase' : `at ${step.weight}%`
}

export function failedStepReason(consecutive: number, place: string, evaluation: GateEvaluation): string {
  const what =
    consecutive === 1
      ? 'a failed gate evaluation'
      : `${consecutive} failed gate evaluations without a pass between them`
  return `${what} ${place}: ${evaluation.failures.join('; ')}`
}

export function gateFailedWarning(consecutive: number, threshold: number, evaluation: GateEvaluation): string {
  return `Gate failed (${consecutive} without a pass between them; failure-threshold ${threshold} rolls back): ${evaluation.failures.join('; ')}`
}

export const NO_GATES_WARNING =
  'No health gates are set (alarm-names, max-error-rate, max-latency-p99, min-invocations, probe-payload, max-error-rate-increase, max-latency-p99-increase): each step only waits for bake-time.'

/** How a rollout run by the action ended, in the sentence the summary and the step's error carry. */
export const decisions = {
  pausedAsAsked: (weight: number, variant: string, previousConfig: string): string =>
    `Paused at ${weight}% on ${variant}, as traffic-steps asked. Run operation: promote to finish, or operation: rollback to return to ${previousConfig}.`,
  pausedUndecided: (weight: number, variant: string, why: string): string =>
    `Paused at ${weight}% on ${variant}: ${why}. Nothing shows the new model is healthy, and nothing shows it is not: look at it, then run operation: promote or operation: rollback.`,
  undecidedStep: (weight: number, reason: string, shadow = false): string =>
    `the gates could not judge the ${shadow ? 'shadow phase' : `${weight}% step`} (${reason})`,
  released: (canaryVariant: string, stableVariant: string, releaseConfig: string): string =>
    `All steps passed; ${canaryVariant}'s model now serves all traffic as ${stableVariant}, the name the endpoint served under before, on ${releaseConfig}.`,
  leftInPlace: (failure: string, previousConfig: string): string =>
    `Failed: ${failure}. auto-rollback is off, so the endpoint was left as it is; run operation: rollback to return to ${previousConfig}.`,
  rollbackFailed: (failure: string, error: string): string => `Failed: ${failure}. The rollback also failed: ${error}`,
  rolledBack: (failure: string, previousConfig: string): string =>
    `Rolled back: ${failure}. All traffic is back on ${previousConfig}.`,
  credentialsExpired: (weight: number): string => `Stopped at ${weight}%: the AWS credentials expired.`
}

/** A move of a rollback plan, as the plan's line in the log. */
export function describeMove(move: Move): string {
  switch (move.kind) {
    case 'traffic-off':
      return `Move all traffic off ${move.variant} at once (${move.weights.map((weight) => `${weight.VariantName} ${weight.DesiredWeight}`).join(', ')}).`
    case 'return': {
      const scaling = move.scaling.map(
        ({ from, to }) => `the autoscaling of ${from} taken off first${to ? ` and put back on ${to} after` : ''}`
      )
      return `Return the endpoint to ${move.config}: a new fleet of ${counted(move.fleet, 'instance')}, at the counts its variants serve with now${scaling.length > 0 ? `, ${scaling.join(', ')}` : ''}${move.wait ? '' : ', without waiting for it'}.`
    }
    case 'give-back-capacity':
      return move.restoreCounts
        ? 'Give the serving variants back at least the instances they served with before the rollout, and their scale-in.'
        : 'Give the serving variants back their scale-in.'
    case 'delete-config':
      return `Delete endpoint config ${move.config}, made for the rollout only.`
    default:
      return move.kind
  }
}
