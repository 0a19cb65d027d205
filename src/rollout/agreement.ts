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
  let compared = 0
  const differing: string[] = []
  fromNew.forEach((answered, index) => {
    const serving = fromServing[index]?.answer
    if (answered.answer === undefined || serving === undefined) return
    compared++
    const difference = disagreement(answered.answer, serving, agreement)
    // Words about two answers could echo the payload: masked as a probe's detail is.
    if (difference !== undefined) differing.push(shortDetail(difference, answered.masked))
  })
  evaluation.answersCompared = compared
  evaluation.answersDiffering = differing.length
  if (compared === 0) {
    evaluation.inconclusive.push(
      `no answer of the new variant could be compared with serving variant ${servingVariant}'s: one of them answered with an error`
    )
    return
  }
  const share = differing.length / compared
  if (share > agreement.maxDisagreement) {
    const first = differing[0] as string
    evaluation.failures.push(
      `${differing.length} of ${compared} answers differ from serving variant ${servingVariant}'s, more than max-disagreement ${+(agreement.maxDisagreement * 100).toFixed(3)}% (first: ${first})`
    )
  }
}

/** How two answers are compared, in words: `$.score within 0.05`, `$.label`, or `whole`. */
export function comparisonWords(agreement: AgreementSettings): string {
  if (!agreement.path) return 'whole'
  const tolerance = agreement.tolerance ? ` within ${agreement.tolerance}` : ''
  return `on ${pathText(agreement.path)}${tolerance}`
}
