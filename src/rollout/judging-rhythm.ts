/**
 * When a judge of SageMaker's deployment evaluates its gates and when it
 * publishes its verdict, at every poll of the wait for the deployment.
 *
 * The verdict alarm takes the action's silence for a dead runner
 * (verdict-alarm.ts), so the heartbeat must never wait for an evaluation:
 * one can take a minute (CloudWatch throttling GetMetricData, retried with
 * backoff; probes retried), longer than the heartbeat window of a short
 * alarm period, and SageMaker would roll a healthy fleet back on the
 * silence. An evaluation therefore runs beside the polls, which keep
 * publishing the verdict on time whatever it is doing. Its verdict is
 * published as soon as it ends, and its error is thrown at the next poll.
 */
import type { OperationContext } from '../context.js'
import { heartbeatIntervalMs, publishVerdict, type Verdict, type VerdictTarget } from './verdict-alarm.js'

export class JudgingRhythm {
  private running: Promise<void> | undefined
  private failed: { error: unknown } | undefined
  private nextEvaluation: number | undefined
  private nextHeartbeat: number

  /** `target` is the verdict alarm's: without one (auto-rollback off), nothing is published. */
  constructor(
    private readonly ctx: OperationContext,
    private readonly gateIntervalMs: number,
    private readonly target: VerdictTarget | undefined
  ) {
    this.nextHeartbeat = ctx.clock.now()
  }

  /** Whether an evaluation is running: a decision on the time left waits for it, as its verdict may settle it. */
  get evaluating(): boolean {
    return this.running !== undefined
  }

  /** Evaluations from `at` on, every gate interval; the first call sets it. */
  evaluateFrom(at: number): void {
    this.nextEvaluation ??= at
  }

  /**
   * One poll: throws the error of an evaluation that failed; starts one when due (and none runs) if `mayEvaluate`
   * (a judge that has concluded judges no more); publishes `verdict()` when due. Returns when to poll again.
   */
  async poll(evaluate: () => Promise<void>, verdict: () => Verdict, mayEvaluate: boolean): Promise<number> {
    if (this.failed) throw this.failed.error
    const now = this.ctx.clock.now()
    if (mayEvaluate && !this.running && this.nextEvaluation !== undefined && now >= this.nextEvaluation) {
      this.nextEvaluation += this.gateIntervalMs
      this.running = this.evaluateThenPublish(evaluate, verdict)
    }
    if (this.ctx.clock.now() >= this.nextHeartbeat) await this.publish(verdict())
    const after = this.ctx.clock.now()
    const heartbeatDue = this.target ? this.nextHeartbeat - after : Infinity
    // While one runs, the next waits for it: the heartbeat's polls notice when it has ended.
    const evaluationDue =
      mayEvaluate && !this.running && this.nextEvaluation !== undefined ? this.nextEvaluation - after : Infinity
    return Math.max(0, Math.min(heartbeatDue, evaluationDue))
  }

  /** Waits for an evaluation still running, and throws its error: the judge concludes on every evaluation it began. */
  async settle(): Promise<void> {
    await this.running
    if (this.failed) throw this.failed.error
  }

  private async evaluateThenPublish(evaluate: () => Promise<void>, verdict: () => Verdict): Promise<void> {
    try {
      await evaluate()
      await this.publish(verdict())
    } catch (error) {
      this.failed = { error }
    } finally {
      this.running = undefined
    }
  }

  private async publish(verdict: Verdict): Promise<void> {
    if (!this.target) return
    await publishVerdict(this.ctx, this.target, verdict)
    this.nextHeartbeat = this.ctx.clock.now() + heartbeatIntervalMs(this.gateIntervalMs)
  }
}
