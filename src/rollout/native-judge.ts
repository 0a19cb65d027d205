/**
 * rollout-controller: sagemaker, judged by the action. SageMaker moves the
 * traffic between the fleets; the action judges the new fleet on its own
 * metrics (the EndpointConfigName dimension SageMaker publishes for each
 * fleet during a deployment) against the old fleet over the same minutes,
 * with the same gates and evidence rules as its own canary, and publishes
 * each verdict for the alarm SageMaker rolls back on (verdict-alarm.ts).
 * https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-configuration.html
 *
 * It works at every poll of the wait for the deployment, which it keeps
 * short enough for its evaluations and heartbeats. A verdict is never
 * "passed" without evidence: when the new fleet has not served enough to
 * judge by the time SageMaker would finish (less the time a failed verdict
 * takes to reach it: failedVerdictRollbackMs), the verdict turns failed
 * (on-inconclusive: rollback), so SageMaker rolls back instead of completing
 * a deployment nothing showed healthy.
 */
import * as core from '@actions/core'
import type { OperationContext } from '../context.js'
import type { Endpoint } from '../endpoint.js'
import { formatDuration } from '../parse.js'
import type { GateEvaluation, RolloutStepRecord } from '../report.js'
import type { MetricsSource } from '../invocation-metrics.js'
import type { RolloutSettings } from '../settings.js'
import { needsTraffic, StepJudge } from './gates.js'
import { ceilPeriod, floorPeriod, periodMsOf, type PeriodFigures } from './periods.js'
import { JudgingRhythm } from './judging-rhythm.js'
import { failedVerdictRollbackMs, type Verdict } from './verdict-alarm.js'
import { EvaluationLog, failedStepReason, stepPlace } from './words.js'

/** How often the last look after SageMaker completed reads CloudWatch: soon after each period lands. */
const LAST_LOOK_POLL_MS = 20_000

export interface JudgedFleets {
  variant: string
  newConfig: string
  oldConfig: string
  /**
   * The old fleet's periods from before the deployment, when it takes no traffic during it (all at once):
   * the new fleet is compared with them, as there are no same periods to compare with.
   */
  earlierBaseline?: PeriodFigures[]
  /** What both fleets publish: the new config carries the old one's settings. */
  source: MetricsSource
  /** How long SageMaker bakes from the moment the new fleet first takes traffic until it ends the deployment. */
  bakesMs: number
  /**
   * A rolling update's batches: each is provisioned then baked, and how long a provisioning takes is not
   * known, so the time left is known only once the last batch bakes (bakesMs is then its bake).
   */
  rollingBatches?: number
}

/** What the action concluded about the new fleet. */
export interface FleetVerdict {
  verdict: 'passed' | 'failed' | 'inconclusive'
  reason?: string
  /** Whether SageMaker was told: the verdict alarm's metric turned failed. */
  toldSageMaker?: boolean
}

/** The new fleet's share shows in the pending variant's status: Baking (or ActivatingTraffic) once it takes traffic. */
function trafficStartedAt(endpoint: Endpoint, newConfig: string, now: number): number | undefined {
  const pending = endpoint.PendingDeploymentSummary
  if (pending?.EndpointConfigName !== newConfig) return undefined
  const statuses = (pending.ProductionVariants ?? []).flatMap((variant) => variant.VariantStatus ?? [])
  const serving = statuses.find((status) => status.Status === 'Baking' || status.Status === 'ActivatingTraffic')
  if (!serving) return undefined
  return Math.min(serving.StartTime?.getTime() ?? now, now)
}

/**
 * Judges a deployment SageMaker carries out, at every poll of the wait for
 * it (onPoll), and says what it concluded once the deployment has ended
 * (conclude). The verdict is published whenever it is due, judged or not:
 * the alarm takes silence for a dead runner.
 */
export class DeploymentJudge {
  private conclusion: FleetVerdict | undefined
  private published: Verdict = 'judging'
  private trafficSince: number | undefined
  /** The starts of the bakes seen so far (a rolling update's batches each start one). */
  private readonly bakesSeen = new Set<number>()
  private readonly rhythm: JudgingRhythm
  /** When SageMaker completed the deployment, once it has. */
  private completedAt: number | undefined
  private passedOnce = false
  private failures = 0
  private last: GateEvaluation | undefined
  private readonly log = new EvaluationLog()
  private readonly judge: StepJudge

  constructor(
    private readonly ctx: OperationContext,
    private readonly settings: RolloutSettings,
    private readonly fleets: JudgedFleets,
    private readonly step: RolloutStepRecord
  ) {
    const newFleet = `${fleets.variant} on ${fleets.newConfig}`
    const oldFleet = `${fleets.variant} on ${fleets.oldConfig}`
    this.judge = new StepJudge(ctx, settings.gates, {
      newVariant: newFleet,
      baselineVariants: [oldFleet],
      source: fleets.source,
      firstPeriod: floorPeriod(step.startedAt, periodMsOf(fleets.source)),
      baselineServes: fleets.earlierBaseline === undefined,
      earlierBaseline: fleets.earlierBaseline ?? [],
      fleets: {
        [newFleet]: { variant: fleets.variant, config: fleets.newConfig },
        [oldFleet]: { variant: fleets.variant, config: fleets.oldConfig }
      }
    })
    const target = { newConfig: fleets.newConfig, gateIntervalMs: settings.gateIntervalMs }
    this.rhythm = new JudgingRhythm(ctx, settings.gateIntervalMs, target)
  }

  /** One poll of the deployment: judge when due, decide when time is up, publish the verdict; when to come back. */
  readonly onPoll = async (endpoint: Endpoint): Promise<number> => {
    const now = this.ctx.clock.now()
    const bakingSince = trafficStartedAt(endpoint, this.fleets.newConfig, now)
    if (bakingSince !== undefined) this.bakesSeen.add(bakingSince)
    if (this.trafficSince === undefined) {
      this.trafficSince = bakingSince
      if (this.trafficSince !== undefined) {
        core.info('The new fleet takes traffic: the action judges it against the old fleet.')
        this.rhythm.evaluateFrom(now + this.settings.gateIntervalMs)
      }
    }
    const next = await this.rhythm.poll(
      () => this.evaluate(),
      () => this.published,
      !this.conclusion
    )
    // An evaluation running (one due has just started) may yet pass the fleet: it judges the time left as it ends.
    if (!this.rhythm.evaluating) this.decideUndecided()
    return next
  }

  private async evaluate(): Promise<void> {
    const evaluation = await this.judge.evaluate()
    this.last = evaluation
    this.step.evaluations.push(evaluation)
    core.info(this.log.line(String(this.step.evaluations.length), stepPlace(this.step), evaluation))
    if (evaluation.verdict === 'failed') {
      this.failures++
      if (this.failures >= this.settings.failureThreshold) {
        this.fail(failedStepReason(this.failures, stepPlace(this.step), evaluation))
      }
    } else if (evaluation.verdict === 'passed') {
      this.failures = 0
      if (this.judge.leaningToFailure === undefined) this.passedOnce = true
    }
    // The time left is judged with this evaluation's verdict in hand, while SageMaker still listens.
    if (this.completedAt === undefined) this.decideUndecided()
  }

  /**
   * SageMaker ends the deployment when its bakes are over. If by then the new
   * fleet has not passed on evidence, the verdict must have turned failed a
   * period earlier, so the alarm fires while SageMaker still listens.
   */
  private decideUndecided(): void {
    // A pass stands only while no window leans to failure on thin evidence, as at the end of the action's steps.
    const healthy = this.passedOnce && this.judge.leaningToFailure === undefined
    if (this.conclusion || healthy || this.trafficSince === undefined) return
    const lastBakeFrom = this.lastBakeStart()
    if (lastBakeFrom === undefined) return
    const decideBy = lastBakeFrom + this.fleets.bakesMs - failedVerdictRollbackMs(this.settings.gateIntervalMs)
    if (this.ctx.clock.now() < decideBy) return
    const why =
      this.judge.leaningToFailure ??
      (this.last?.inconclusive.join('; ') || 'no period of the new fleet was published to judge')
    this.conclusion = {
      verdict: 'inconclusive',
      reason: `the gates could not judge the new fleet within SageMaker's bakes (${formatDuration(this.fleets.bakesMs)}): ${why}`
    }
    this.published = 'failed'
  }

  /** From when SageMaker's remaining bakes (bakesMs) run: the first traffic, or a rolling update's last batch. */
  private lastBakeStart(): number | undefined {
    const batches = this.fleets.rollingBatches
    if (batches === undefined) return this.trafficSince
    return this.bakesSeen.size >= batches ? Math.max(...this.bakesSeen) : undefined
  }

  private fail(reason: string): void {
    this.conclusion = { verdict: 'failed', reason }
    this.published = 'failed'
    const acted = !this.settings.autoRollback
      ? 'auto-rollback is off'
      : this.completedAt !== undefined
        ? 'SageMaker has completed the deployment, so the action returns the endpoint to the previous config'
        : 'SageMaker rolls back on the verdict alarm'
    this.ctx.warn(`The new fleet failed its gates: ${reason}; ${acted}.`)
  }

  /**
   * SageMaker completed the deployment, and CloudWatch has yet to publish its last minutes at full traffic. As the
   * action's own steps are, the fleet is judged on until the period the deployment ended in is published, or
   * max-data-delay has passed: a success is never reported on minutes nobody read. What fails now is the action's
   * to take back (completedBySageMaker).
   */
  async judgeToTheEnd(endedAt: number): Promise<void> {
    await this.rhythm.settle()
    this.completedAt = endedAt
    if (this.conclusion || this.trafficSince === undefined || !needsTraffic(this.settings.gates)) return
    const exposedUntil = ceilPeriod(endedAt, this.judge.periodMs)
    const deadline = exposedUntil + this.settings.maxDataDelayMs
    if (this.judge.judgedThrough >= exposedUntil) return
    core.info('SageMaker has completed the deployment: judging its last minutes as CloudWatch publishes them.')
    while (!this.conclusion && this.judge.judgedThrough < exposedUntil && this.ctx.clock.now() < deadline) {
      await this.ctx.clock.sleep(Math.min(this.settings.gateIntervalMs, LAST_LOOK_POLL_MS))
      await this.evaluate()
    }
    if (!this.conclusion && this.judge.judgedThrough < exposedUntil) {
      this.ctx.note(
        `CloudWatch had not published every period of the deployment within max-data-delay (${formatDuration(this.settings.maxDataDelayMs)}); the new fleet was judged on the periods it had.`
      )
    }
  }

  /** What the action concluded, once an evaluation still running has ended. */
  async conclude(): Promise<FleetVerdict> {
    await this.rhythm.settle()
    if (this.conclusion) return { ...this.conclusion, toldSageMaker: this.published === 'failed' }
    if (this.judge.leaningToFailure !== undefined) {
      return { verdict: 'inconclusive', reason: `the last window was still undecided: ${this.judge.leaningToFailure}` }
    }
    if (this.passedOnce && this.failures === 0) return { verdict: 'passed' }
    if (this.failures > 0) {
      return {
        verdict: 'failed',
        reason: `a failed gate evaluation was not cleared by a passing one: ${this.last?.failures.join('; ') ?? ''}`
      }
    }
    return {
      verdict: 'inconclusive',
      reason: this.last?.inconclusive.join('; ') || 'the new fleet served nothing the gates could judge'
    }
  }
}
