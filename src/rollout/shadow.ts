/**
 * The shadow phase (shadow-percent): before the new model takes any user
 * request, it runs as a shadow variant beside the one serving variant and
 * gets a copy of a share of its requests; its answers go nowhere
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/shadow-tests.html). It is
 * judged against the serving variant on the same minutes, by its own metrics
 * (a shadow variant publishes them under its VariantName, as AWS's shadow
 * example reads them: aws/amazon-sagemaker-examples, Shadow_variant.ipynb),
 * and by the answers data capture holds from both for the same InferenceId.
 * Then the canary config replaces the shadow config, the new variant joins at
 * weight 0 and the steps follow; a failed phase rolls back, and users never
 * met the new model.
 *
 * SageMaker allows a shadow variant beside one production variant only
 * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateEndpointConfig.html).
 * The share copied is the shadow's weight against the production variant's:
 * AWS's example sets the production weight to 1 and the shadow's to 0.5 to
 * copy "50% of the production variant requests" (Shadow_variant.ipynb), and
 * says nothing of other weights, so the shadow config always gives the
 * production variant weight 1.
 */
import * as core from '@actions/core'
import { randomUUID } from 'node:crypto'
import type { ProductionVariant } from '@aws-sdk/client-sagemaker'
import { disagreement } from '../answer-checks.js'
import type { OperationContext } from '../context.js'
import { parseCaptureLocation, type CaptureLocation } from '../captured-payloads.js'
import { shortDetail, sendProbesWithAnswers } from '../probes.js'
import type { GateEvaluation, RolloutRecord, RolloutStepRecord } from '../report.js'
import { createEndpointConfig, type EndpointConfigSettings } from '../resources.js'
import { readCapturedAnswers } from '../shadow-capture.js'
import type { Serving } from '../serving.js'
import type { AgreementSettings, GateSettings, ProbeSettings, RolloutSettings } from '../settings.js'
import { updateEndpointConfig } from '../update.js'
import { bake, sleepUntil, type StepVerdict } from './bake.js'
import { StepJudge, type StepScope } from './gates.js'
import type { InFlight } from './in-flight.js'
import type { Move, Progress } from './moves.js'
import { floorPeriod, periodMsOf } from './periods.js'

/** How often the end of a shadow phase looks for the captured answers SageMaker has yet to write. */
const CAPTURE_POLL_MS = 20_000

/** Where data capture writes the endpoint's answers, when it captures them. */
export function captureOf(settings: EndpointConfigSettings): CaptureLocation | undefined {
  const capture = settings.DataCaptureConfig
  if (!capture?.DestinationS3Uri || capture.EnableCapture === false) return undefined
  const modes = (capture.CaptureOptions ?? []).map((option) => option.CaptureMode)
  if (!modes.includes('Output') && !modes.includes('InputAndOutput')) return undefined
  return parseCaptureLocation('data-capture-s3-uri', capture.DestinationS3Uri)
}

/**
 * What a shadow phase cannot run on, refused before anything is created.
 * One production variant only (CreateEndpointConfig). SageMaker's shadow
 * tests exclude serverless and asynchronous inference, multi-model and
 * multiple-container endpoints, Inf1 instances and Marketplace containers
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/shadow-tests-exclusions.html);
 * AWS does not say whether a config's ShadowProductionVariants share those
 * limits, so the action takes them as its own.
 */
export function refuseShadowPhase(
  endpointName: string,
  rollout: RolloutSettings,
  serving: Serving,
  configSettings: EndpointConfigSettings
): void {
  if (rollout.shadowPercent === undefined) return
  const refuse = (why: string, instead: string): never => {
    throw new Error(`Input "shadow-percent": ${why}; nothing was changed. ${instead}`)
  }
  const variants = (serving.endpoint.ProductionVariants ?? []).map((variant) => variant.VariantName)
  const without =
    'Deploy without shadow-percent (a dark first step, traffic-steps 0,..., checks answers before users too).'
  if (variants.length !== 1) {
    refuse(
      `endpoint "${endpointName}" serves ${variants.length} variants (${variants.join(', ')}), and SageMaker runs a shadow beside one production variant only`,
      without
    )
  }
  const primary = serving.primary
  const container = serving.model.PrimaryContainer
  const excluded = primary.ServerlessConfig
    ? 'a serverless variant'
    : configSettings.AsyncInferenceConfig
      ? 'an asynchronous endpoint'
      : container?.Mode === 'MultiModel'
        ? 'a multi-model endpoint'
        : (serving.model.Containers?.length ?? 0) > 1
          ? 'a multiple-container model'
          : primary.InstanceType?.startsWith('ml.inf1.')
            ? 'an Inf1 instance'
            : undefined
  if (excluded) refuse(`endpoint "${endpointName}" serves ${excluded}, which SageMaker's shadow tests exclude`, without)
  if (rollout.gates.agreement && !captureOf(configSettings)) {
    refuse(
      "max-disagreement compares the shadow's answers with the serving variant's, which only data capture holds, and the endpoint does not capture its answers",
      'Set data-capture-s3-uri (the new configs then capture requests and answers), or leave out max-disagreement.'
    )
  }
}

/** The shadow config: the serving variant at weight 1 and the new one as its shadow, copying `percent`%. */
export function shadowConfigMove(plan: {
  serving: ProductionVariant
  newVariant: ProductionVariant
  percent: number
  configSettings: EndpointConfigSettings
}): Extract<Move, { kind: 'create-shadow-config' }> {
  return {
    kind: 'create-shadow-config',
    serving: { ...plan.serving, InitialVariantWeight: 1 },
    shadow: { ...plan.newVariant, InitialVariantWeight: plan.percent / 100 },
    configSettings: plan.configSettings
  }
}

export async function createShadowConfig(
  ctx: OperationContext,
  inFlight: InFlight,
  move: Extract<Move, { kind: 'create-shadow-config' }>
): Promise<void> {
  await createEndpointConfig(
    ctx,
    inFlight.shadowConfig as string,
    [move.serving],
    { role: 'shadow', previousConfig: inFlight.previousConfig, newVariant: inFlight.newVariant },
    inFlight.userTags,
    { ...move.configSettings, ShadowProductionVariants: [move.shadow] }
  )
}

export async function joinShadow(ctx: OperationContext, inFlight: InFlight, fleet: number): Promise<void> {
  await core.group(`Adding ${inFlight.newVariant} as a shadow of the serving variant`, () =>
    updateEndpointConfig(ctx, inFlight.shadowConfig as string, {
      newFleetInstances: fleet,
      purpose: `adding ${inFlight.newVariant} as a shadow`,
      forceWait: true
    })
  )
}

/** The gates that can judge a shadow: its metrics and alarms. Probes cannot reach it; agreement is judged from capture. */
export function shadowGates(gates: GateSettings): GateSettings {
  const { probe: _probe, agreement: _agreement, ...rest } = gates
  return rest
}

/**
 * A step judge whose every evaluation first sends the probes to the
 * endpoint, each with an InferenceId: the serving variant answers them and
 * SageMaker copies its share to the shadow, so data capture holds pairs to
 * compare even when users send no InferenceId. Their answers are the serving
 * model's, and not judged.
 */
class ShadowJudge extends StepJudge {
  /** The probes as sent, with no checks; one object for the whole phase, so replayed captures go on in turn. */
  private readonly probe: ProbeSettings | undefined

  constructor(ctx: OperationContext, gates: GateSettings, scope: StepScope, probe: ProbeSettings | undefined) {
    super(ctx, gates, scope)
    if (probe) {
      const { expect: _checks, ...asSent } = probe
      this.probe = asSent
    }
  }

  override async evaluate(): Promise<GateEvaluation> {
    if (this.probe) await sendProbesWithAnswers(this.ctx, this.probe, { inferenceId: () => randomUUID() })
    return super.evaluate()
  }
}

/** The shadow phase judged: its bake on metrics and alarms, then its answers against the serving variant's. */
export async function judgeShadow(
  ctx: OperationContext,
  settings: RolloutSettings,
  progress: Progress,
  record: RolloutRecord,
  move: Extract<Move, { kind: 'judge-shadow' }>
): Promise<void> {
  const inFlight = progress.rollout
  const serving = inFlight.oldVariants[0]?.name ?? ''
  const step: RolloutStepRecord = {
    weight: 0,
    startedAt: ctx.clock.now(),
    evaluations: [],
    verdict: 'in-progress',
    kind: 'shadow',
    shadowPercent: move.percent
  }
  record.steps.push(step)
  core.startGroup(`Shadow phase: ${move.percent}% of the requests to ${serving} copied to ${inFlight.newVariant}`)
  const gates = shadowGates(settings.gates)
  const probe = settings.gates.agreement ? settings.gates.probe : undefined
  const judge = new ShadowJudge(
    ctx,
    gates,
    {
      newVariant: inFlight.newVariant,
      baselineVariants: [serving],
      source: inFlight.source,
      firstPeriod: floorPeriod(step.startedAt, periodMsOf(inFlight.source)),
      baselineServes: true,
      earlierBaseline: []
    },
    probe
  )
  let verdict = await bake(
    ctx,
    { ...settings, gates: { ...gates, ...(probe ? { probe } : {}) } },
    judge,
    step,
    progress.failures
  )
  if (verdict.verdict !== 'failed' && settings.gates.agreement && move.capture) {
    const answers = await judgeCapturedAnswers(ctx, settings, {
      agreement: settings.gates.agreement,
      capture: move.capture,
      serving,
      shadow: inFlight.newVariant,
      since: step.startedAt
    })
    step.evaluations.push(answers)
    if (answers.verdict !== 'passed') {
      verdict = {
        verdict: answers.verdict,
        reason: `the shadow's answers ${[...answers.failures, ...answers.inconclusive].join('; ')}`
      }
    }
  }
  core.endGroup()
  step.endedAt = ctx.clock.now()
  step.verdict = verdict.verdict
  if (verdict.verdict !== 'passed') {
    step.reason = verdict.reason
    progress.stopped = { kind: verdict.verdict, reason: verdict.reason, weight: 0, shadow: true }
  } else {
    progress.baseline = [...progress.baseline, ...judge.baselineSeen]
  }
}

/**
 * The shadow's captured answers compared with the serving variant's to the
 * same requests (the same InferenceId). SageMaker writes capture in batches,
 * so the phase waits for pairs up to max-data-delay; none is no evidence, and
 * inconclusive.
 */
async function judgeCapturedAnswers(
  ctx: OperationContext,
  settings: RolloutSettings,
  compare: { agreement: AgreementSettings; capture: CaptureLocation; serving: string; shadow: string; since: number }
): Promise<GateEvaluation & { verdict: StepVerdict['verdict'] }> {
  const deadline = ctx.clock.now() + settings.maxDataDelayMs
  for (;;) {
    const fromShadow = await readCapturedAnswers(ctx, compare.capture, compare.shadow, compare.since)
    const fromServing = await readCapturedAnswers(ctx, compare.capture, compare.serving, compare.since)
    const paired = [...fromShadow].filter(([id]) => fromServing.has(id))
    if (paired.length > 0 || ctx.clock.now() >= deadline) {
      const evaluation = compared(
        ctx,
        compare,
        paired.map(([id, shadow]) => [shadow, fromServing.get(id)!] as const)
      )
      core.info(
        `Captured answers: ${evaluation.answersCompared} pairs, ${evaluation.answersDiffering} differing (${fromShadow.size} from ${compare.shadow}, ${fromServing.size} from ${compare.serving}).`
      )
      return evaluation
    }
    core.info(`No captured answer of ${compare.shadow}'s pairs with ${compare.serving}'s yet; looking again shortly.`)
    await sleepUntil(ctx.clock, Math.min(deadline, ctx.clock.now() + CAPTURE_POLL_MS))
  }
}

function compared(
  ctx: OperationContext,
  compare: { agreement: AgreementSettings; serving: string; shadow: string },
  pairs: ReadonlyArray<readonly [{ answer: string; request: string }, { answer: string }]>
): GateEvaluation & { verdict: StepVerdict['verdict'] } {
  const differing = pairs.flatMap(([shadow, serving]) => {
    const difference = disagreement(shadow.answer, serving.answer, compare.agreement)
    return difference === undefined ? [] : [shadowDetail(difference, shadow.request)]
  })
  const evaluation: GateEvaluation & { verdict: StepVerdict['verdict'] } = {
    at: ctx.clock.now(),
    verdict: 'passed',
    failures: [],
    inconclusive: [],
    alarmsInAlarm: [],
    answersCompared: pairs.length,
    answersDiffering: differing.length
  }
  const { maxDisagreement } = compare.agreement
  if (pairs.length === 0) {
    evaluation.inconclusive.push(
      `could not be compared: data capture holds no answer of ${compare.shadow}'s and ${compare.serving}'s to the same InferenceId`
    )
    evaluation.verdict = 'inconclusive'
  } else if (differing.length / pairs.length > maxDisagreement) {
    evaluation.failures.push(
      `differ from ${compare.serving}'s in ${differing.length} of ${pairs.length} captured requests, more than max-disagreement ${+(maxDisagreement * 100).toFixed(3)}% (first: ${differing[0]})`
    )
    evaluation.verdict = 'failed'
  }
  return evaluation
}

/** Words about two answers could echo the request: masked as a probe's detail is. */
function shadowDetail(difference: string, request: string): string {
  return request ? shortDetail(difference, request) : difference
}
