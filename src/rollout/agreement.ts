/**
 * max-disagreement: each probe's answer from the new variant is compared
 * with the serving variant's answer to the same payload, sent to it by
 * TargetVariant, which reaches a variant whatever its weight
 * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_runtime_InvokeEndpoint.html).
 * A wrong prediction is a 200 and moves no metric; a model that disagrees
 * with the one it replaces on the same requests is the check that matters.
 * It works at every step, 0% included. The serving model's answers are not
 * judged: only how the new one's differ from them.
 */
import type { OperationContext } from '../context.js'
import { disagreement, pathText } from '../answer-checks.js'
import { sendProbesWithAnswers, shortDetail, type AnsweredProbe } from '../probes.js'
import type { GateEvaluation } from '../report.js'
import type { AgreementSettings, ProbeSettings } from '../settings.js'

export async function judgeAgreement(
  ctx: OperationContext,
  compare: { probe: ProbeSettings; agreement: AgreementSettings; servingVariant: string },
  fromNew: AnsweredProbe[],
  evaluation: GateEvaluation
): Promise<void> {
  const { probe, agreement, servingVariant } = compare
  // The same payloads, to the model that serves now; its answers are read, never held to probe-expect.
  const { expect: _checks, ...asSent } = probe
  const replayed = fromNew.flatMap(({ capturedIndex }) => (capturedIndex === undefined ? [] : [capturedIndex]))
  const fromServing = await sendProbesWithAnswers(ctx, asSent, {
    targetVariant: servingVariant,
    ...(replayed.length > 0 ? { capturedIndexes: replayed } : {})
  })
  const pairs = fromNew.flatMap((answered, index) => {
    const serving = fromServing[index]?.answer
    if (answered.answer === undefined || serving === undefined) return []
    return [{ fromNew: answered.answer, fromServing: serving, masked: answered.masked }]
  })
  const { compared, differing } = compareAnswers(pairs, agreement, evaluation)
  if (compared === 0) {
    evaluation.inconclusive.push(
      `no answer of the new variant could be compared with serving variant ${servingVariant}'s: one of them answered with an error`
    )
    return
  }
  if (tooManyDiffer(compared, differing, agreement)) {
    evaluation.failures.push(
      `${differing.length} of ${compared} answers differ from serving variant ${servingVariant}'s, more than ${maxDisagreementWords(agreement)} (first: ${differing[0]})`
    )
  }
}

/** Two answers to the same request: the new model's, the serving model's, and the request's text to mask. */
export interface AnswerPair {
  fromNew: string
  fromServing: string
  /** Words about the two answers could echo the request: masked as a probe's detail is, and cut to one short line. */
  masked: string
}

/**
 * Each pair compared as max-disagreement says (whole, or at compare-path
 * within compare-tolerance), counted into `evaluation`; the differences, in
 * words, in order. The probes of a step and the captured answers of a shadow
 * phase are judged alike.
 */
export function compareAnswers(
  pairs: AnswerPair[],
  agreement: AgreementSettings,
  evaluation: GateEvaluation
): { compared: number; differing: string[] } {
  const differing = pairs.flatMap(({ fromNew, fromServing, masked }) => {
    const difference = disagreement(fromNew, fromServing, agreement)
    if (difference === undefined) return []
    return [shortDetail(difference, masked)]
  })
  evaluation.answersCompared = pairs.length
  evaluation.answersDiffering = differing.length
  return { compared: pairs.length, differing }
}

/** Whether more than max-disagreement of the answers compared differ. */
export function tooManyDiffer(compared: number, differing: string[], agreement: AgreementSettings): boolean {
  return compared > 0 && differing.length / compared > agreement.maxDisagreement
}

/** `max-disagreement 10%`, as failures name it. */
export function maxDisagreementWords(agreement: AgreementSettings): string {
  return `max-disagreement ${+(agreement.maxDisagreement * 100).toFixed(3)}%`
}

/** How two answers are compared, in words: `$.score within 0.05`, `$.label`, or `whole`. */
export function comparisonWords(agreement: AgreementSettings): string {
  if (!agreement.path) return 'whole'
  const tolerance = agreement.tolerance ? ` within ${agreement.tolerance}` : ''
  return `on ${pathText(agreement.path)}${tolerance}`
}
