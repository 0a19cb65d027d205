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
import type { OperationContext } from '../context.js'
import { destinationLocation, type CaptureLocation } from '../captured-payloads.js'
import { sendProbesWithAnswers } from '../probes.js'
import type { GateEvaluation, RolloutRecord, RolloutStepRecord } from '../report.js'
import { createEndpointConfig, type EndpointConfigSettings } from '../resources.js'
import { CapturedAnswers } from '../shadow-capture.js'
import type { Serving } from '../serving.js'
import { modelPackagesOf, servingContainer, severalContainers, type ModelContainers } from '../serving-container.js'
import type { AgreementSettings, GateSettings, ProbeSettings, RolloutSettings } from '../settings.js'
import { updateEndpointConfig } from '../update.js'
import { compareAnswers, maxDisagreementWords, tooManyDiffer } from './agreement.js'
import { bake, sleepUntil } from './bake.js'
import { emptyEvaluation, settleVerdict, StepJudge, type StepScope } from './gates.js'
import type { InFlight } from './in-flight.js'
import type { Move, Progress } from './moves.js'
import { foreignModelPackage, inf1Fleet } from './native-limits.js'
import { floorPeriod, periodMsOf } from './periods.js'

/** How often the end of a shadow phase looks for the captured answers SageMaker has yet to write. */
const CAPTURE_POLL_MS = 20_000

/** Where data capture writes the endpoint's answers, when it captures them. */
export function captureOf(settings: EndpointConfigSettings): CaptureLocation | undefined {
  const capture = settings.DataCaptureConfig
  if (!capture?.DestinationS3Uri || capture.EnableCapture === false) return undefined
  const modes = (capture.CaptureOptions ?? []).map((option) => option.CaptureMode)
  if (!modes.includes('Output') && !modes.includes('InputAndOutput')) return undefined
  const location = destinationLocation(capture.DestinationS3Uri)
  if (!location) {
    // Carried from the serving config, so no input of this run is to blame.
    throw new Error(
      `The endpoint's data capture writes to "${capture.DestinationS3Uri}", which the action cannot read as an S3 bucket and prefix; nothing was changed. Set data-capture-s3-uri to its s3:// form.`
    )
  }
  return location
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
  planned: {
    configSettings: EndpointConfigSettings
    /** The new variant as the deploy would run it. */
    newVariant: ProductionVariant
    /** What the new model runs: its containers, as created or as it exists. */
    newModel: ModelContainers
  }
): void {
  const { configSettings } = planned
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
  // Both models: the new one may be an existing model deployed as it is, with containers of its own.
  const models = [serving.model, planned.newModel]
  const severalOf = models.map(severalContainers).find(Boolean)
  const inf1 = inf1Fleet([primary, planned.newVariant])
  const marketplace = foreignModelPackage(serving.endpoint.EndpointArn, models.flatMap(modelPackagesOf))
  const excluded = primary.ServerlessConfig
    ? 'a serverless variant'
    : configSettings.AsyncInferenceConfig
      ? 'an asynchronous endpoint'
      : models.some((model) => servingContainer(model)?.Mode === 'MultiModel')
        ? 'a multi-model endpoint'
        : severalOf
          ? `a model of ${severalOf}`
          : inf1
            ? `Inf1 instances (${inf1.InstanceType})`
            : marketplace
              ? `model package "${marketplace}" of another account, as every AWS Marketplace package is`
              : undefined
  if (excluded) refuse(`the rollout would run ${excluded}, which SageMaker's shadow tests exclude`, without)
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
 * Both variants' answers as data capture holds them, paired by InferenceId
 * and compared as max-disagreement says, over the whole phase so far.
 * SageMaker writes capture in batches, so the pairs arrive as the phase goes.
 */
class CapturedComparison {
  private readonly fromShadow: CapturedAnswers
  private readonly fromServing: CapturedAnswers

  constructor(
    endpointName: string,
    private readonly compare: {
      agreement: AgreementSettings
      capture: CaptureLocation
      serving: string
      shadow: string
      since: number
    }
  ) {
    this.fromShadow = new CapturedAnswers(compare.capture, endpointName, compare.shadow, compare.since)
    this.fromServing = new CapturedAnswers(compare.capture, endpointName, compare.serving, compare.since)
  }

  /** Reads what capture holds now and judges it into `evaluation`; returns how many pairs it compared. */
  async judge(ctx: OperationContext, evaluation: GateEvaluation, final: boolean): Promise<number> {
    await this.fromShadow.refresh(ctx)
    await this.fromServing.refresh(ctx)
    const { agreement, serving, shadow } = this.compare
    const paired = [...this.fromShadow.answers].flatMap(([id, answer]) => {
      const theirs = this.fromServing.answers.get(id)
      return theirs ? [{ fromNew: answer.answer, fromServing: theirs.answer, masked: answer.request }] : []
    })
    const { compared: pairs, differing } = compareAnswers(paired, agreement, evaluation)
    if (pairs === 0) {
      // Capture comes in batches, perhaps only after the bake: no pair yet is no verdict, until the last look.
      if (final) {
        evaluation.inconclusive.push(
          `the shadow's answers could not be compared: data capture holds no answer of ${shadow}'s and ${serving}'s to the same InferenceId`
        )
      }
    } else if (tooManyDiffer(pairs, differing, agreement)) {
      evaluation.failures.push(
        `the shadow's answers differ from ${serving}'s in ${differing.length} of ${pairs} captured requests, more than ${maxDisagreementWords(agreement)} (first: ${differing[0]})`
      )
    }
    settleVerdict(evaluation)
    return pairs
  }
}

/**
 * A step judge whose every evaluation first sends the probes to the
 * endpoint, each with an InferenceId: the serving variant answers them and
 * SageMaker copies its share to the shadow, so data capture holds pairs to
 * compare even when users send no InferenceId. Their answers are the serving
 * model's, and not judged; the captured pairs are, at every evaluation.
 */
class ShadowJudge extends StepJudge {
  /** The probes as sent, with no checks; one object for the whole phase, so replayed captures go on in turn. */
  private readonly probe: ProbeSettings | undefined
  private readonly comparison: CapturedComparison | undefined

  constructor(
    ctx: OperationContext,
    gates: GateSettings,
    scope: StepScope,
    answers: { probe: ProbeSettings | undefined; comparison: CapturedComparison | undefined }
  ) {
    super(ctx, gates, scope)
    this.comparison = answers.comparison
    if (answers.probe) {
      const { expect: _checks, ...asSent } = answers.probe
      this.probe = asSent
    }
  }

  override async evaluate(): Promise<GateEvaluation> {
    if (this.probe) await sendProbesWithAnswers(this.ctx, this.probe, { inferenceId: () => randomUUID() })
    const evaluation = await super.evaluate()
    if (this.comparison) await this.comparison.judge(this.ctx, evaluation, false)
    return evaluation
  }
}

/** The shadow phase judged: its metrics, alarms and captured answers at every evaluation, then its answers once more. */
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
  const { agreement, probe } = settings.gates
  const comparison =
    agreement && move.capture
      ? new CapturedComparison(ctx.endpointName, {
          agreement,
          capture: move.capture,
          serving,
          shadow: inFlight.newVariant,
          since: step.startedAt
        })
      : undefined
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
    { probe: comparison ? probe : undefined, comparison }
  )
  // With a comparison, the probes make every evaluation worth having: bake() then judges even without metric gates.
  const bakeGates = { ...gates, ...(comparison && probe ? { probe } : {}) }
  let verdict = await bake(ctx, { ...settings, gates: bakeGates }, judge, step, progress.failures)
  if (verdict.verdict !== 'failed' && comparison) {
    const last = await lastLookAtCapture(ctx, settings, comparison)
    step.evaluations.push(last)
    if (last.verdict !== 'passed') {
      verdict = { verdict: last.verdict, reason: [...last.failures, ...last.inconclusive].join('; ') }
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
 * Once the bake is over, the captured pairs once more, late ones included:
 * with none at all yet, it waits for them up to max-data-delay, since
 * SageMaker writes capture in batches; none then is no evidence, and
 * inconclusive.
 */
async function lastLookAtCapture(
  ctx: OperationContext,
  settings: RolloutSettings,
  comparison: CapturedComparison
): Promise<GateEvaluation> {
  const deadline = ctx.clock.now() + settings.maxDataDelayMs
  for (;;) {
    const evaluation = emptyEvaluation(ctx.clock.now())
    const final = ctx.clock.now() >= deadline
    const pairs = await comparison.judge(ctx, evaluation, final)
    if (pairs > 0 || final) {
      core.info(`Captured answers over the phase: ${pairs} pairs, ${evaluation.answersDiffering ?? 0} differing.`)
      return evaluation
    }
    core.info("No captured answer of the shadow pairs with the serving variant's yet; looking again shortly.")
    await sleepUntil(ctx.clock, Math.min(deadline, ctx.clock.now() + CAPTURE_POLL_MS))
  }
}
