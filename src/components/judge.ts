/**
 * Judging an inference component's rollout. SageMaker publishes a
 * component's invocation metrics under InferenceComponentName alone, and
 * documents no dimension that tells the new copies from the old during an
 * update (https://docs.aws.amazon.com/sagemaker/latest/dg/monitoring-cloudwatch.html),
 * while it routes requests to old and new copies alike. So the action judges
 * twice:
 *
 * - during SageMaker's rolling update, the component as a whole, every
 *   gate-interval, against its own minutes from before the update: a new
 *   model bad enough to show through the blend fails it, the verdict alarm
 *   fires and SageMaker rolls back, with or without the runner;
 * - once every copy runs the new model, the new copies alone for bake-time,
 *   from the first whole period after the update (probes too: they can only
 *   reach new copies then). Only that judgement can pass the rollout.
 */
import * as core from '@actions/core'
import type { OperationContext } from '../context.js'
import type { MetricsSource } from '../invocation-metrics.js'
import type { GateEvaluation, RolloutStepRecord } from '../report.js'
import type { RolloutSettings } from '../settings.js'
import { baselineBefore } from '../rollout/all-at-once.js'
import { bake, type StepVerdict } from '../rollout/bake.js'
import { StepJudge } from '../rollout/gates.js'
import { ceilPeriod, floorPeriod, periodMsOf, type PeriodFigures } from '../rollout/periods.js'
import { JudgingRhythm } from '../rollout/judging-rhythm.js'
import type { VerdictTarget } from '../rollout/verdict-alarm.js'
import { EvaluationLog, failedStepReason, stepPlace } from '../rollout/words.js'

/** The series a component's metrics are read as: its name, under the InferenceComponentName dimension. */
function componentScope(component: string) {
  return { newVariant: component, fleets: { [component]: { component } }, component }
}

/** The component's periods before the update: what the comparisons judge it against. */
export async function componentBaseline(
  ctx: OperationContext,
  settings: RolloutSettings,
  component: string,
  source: MetricsSource,
  before: number
): Promise<PeriodFigures[]> {
  return baselineBefore(
    ctx,
    { baselineVariants: [component], deployStartedAt: before, source, fleets: { [component]: { component } } },
    settings
  )
}

/**
 * Judges the component at every poll of the wait for SageMaker's update, and
 * publishes its verdict for the alarm SageMaker rolls back on: failed once
 * the gates fail, else "judging", republished as a heartbeat so that the
 * action's silence fires the alarm too.
 */
export class ComponentUpdateJudge {
  failure: string | undefined
  /** Whether an evaluation passed on evidence: the update's step says so, never on silence. */
  passedOnce = false
  private failures = 0
  private readonly rhythm: JudgingRhythm
  private readonly judge: StepJudge
  private readonly log = new EvaluationLog()

  constructor(
    private readonly ctx: OperationContext,
    private readonly settings: RolloutSettings,
    judged: { component: string; source: MetricsSource; earlierBaseline: PeriodFigures[] },
    private readonly step: RolloutStepRecord,
    private readonly verdict: VerdictTarget | undefined
  ) {
    // Probes would reach old copies as well as new ones: they judge only once every copy is new.
    const { probe: _probes, ...gates } = settings.gates
    this.judge = new StepJudge(ctx, gates, {
      ...componentScope(judged.component),
      baselineVariants: [],
      source: judged.source,
      firstPeriod: floorPeriod(step.startedAt, periodMsOf(judged.source)),
      baselineServes: false,
      earlierBaseline: judged.earlierBaseline
    })
    this.rhythm = new JudgingRhythm(ctx, settings.gateIntervalMs, verdict)
    this.rhythm.evaluateFrom(step.startedAt + settings.gateIntervalMs)
  }

  readonly onPoll = (): Promise<number> =>
    this.rhythm.poll(
      () => this.evaluate(),
      () => (this.failure === undefined ? 'judging' : 'failed'),
      this.failure === undefined
    )

  /** Waits for an evaluation still running as the update ends: its verdict counts too. */
  settle(): Promise<void> {
    return this.rhythm.settle()
  }

  private async evaluate(): Promise<void> {
    const evaluation: GateEvaluation = await this.judge.evaluate()
    this.step.evaluations.push(evaluation)
    core.info(this.log.line(String(this.step.evaluations.length), stepPlace(this.step), evaluation))
    if (evaluation.verdict === 'failed') {
      this.failures++
      if (this.failures >= this.settings.failureThreshold) {
        this.failure = failedStepReason(this.failures, stepPlace(this.step), evaluation)
        const acted = this.verdict ? 'SageMaker rolls back on the verdict alarm' : 'auto-rollback is off'
        this.ctx.warn(`The inference component failed its gates during the update: ${this.failure}; ${acted}.`)
      }
    } else if (evaluation.verdict === 'passed') {
      this.failures = 0
      this.passedOnce = true
    }
  }
}

/**
 * The new copies alone, once SageMaker has replaced every copy: from the
 * first whole period after the update, for bake-time and until CloudWatch
 * has published what it exposed, as a step of the action's own canary.
 */
export async function judgeNewCopies(
  ctx: OperationContext,
  settings: RolloutSettings,
  judged: { component: string; source: MetricsSource; earlierBaseline: PeriodFigures[] },
  step: RolloutStepRecord
): Promise<StepVerdict> {
  const judge = new StepJudge(ctx, settings.gates, {
    ...componentScope(judged.component),
    baselineVariants: [],
    source: judged.source,
    firstPeriod: ceilPeriod(step.startedAt, periodMsOf(judged.source)),
    baselineServes: false,
    earlierBaseline: judged.earlierBaseline
  })
  return bake(ctx, settings, judge, step, { consecutive: 0 })
}
