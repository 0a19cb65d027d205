/**
 * The instances a component's rolling update added to the endpoint, as
 * measured: with managed instance scaling on, SageMaker launches instances
 * for the batch of new copies when the old ones leave no room, and removes
 * them once the update is done (AWS's sample of a component's rolling
 * update shows one extra instance through it:
 * https://github.com/aws-samples/sagemaker-genai-hosting-examples/blob/main/03-features/deployment/ic_rolling_deployment.ipynb).
 * Without it the copies roll within the instances the endpoint runs, and
 * nothing is added. The variant's instance count is read at most every
 * SAMPLE_INTERVAL_MS while the update runs; what it holds beyond the count
 * from before the update is summed over time into the run's instance-hours.
 */
import type { OperationContext } from '../context.js'
import { findEndpoint } from '../endpoint.js'
import { addInstanceTime } from '../report.js'

/** Often enough that a launched instance's minutes are not missed, rarely enough to be one read among many. */
const SAMPLE_INTERVAL_MS = 30_000

export class AddedInstances {
  private last: { at: number; extra: number } | undefined

  private constructor(
    private readonly ctx: OperationContext,
    private readonly variant: string,
    private readonly before: number
  ) {}

  /**
   * Reads the count the endpoint runs before the update; the summary states the hours even when none are added.
   * Undefined when the count cannot be read: nothing is then measured, rather than the whole fleet counted as added.
   */
  static async start(ctx: OperationContext, variant: string): Promise<AddedInstances | undefined> {
    const before = await instancesOf(ctx, variant).catch(() => undefined)
    if (before === undefined) return undefined
    const meter = new AddedInstances(ctx, variant, before)
    ctx.report.addedInstanceHours ??= 0
    ctx.report.addedInstancesBy = 'instances managed instance scaling launched for the rolling update'
    meter.last = { at: ctx.clock.now(), extra: 0 }
    return meter
  }

  /** A read of the count, when the last is SAMPLE_INTERVAL_MS old; a failed read only skips one sample. */
  readonly sample = async (): Promise<void> => {
    const now = this.ctx.clock.now()
    if (this.last && now - this.last.at < SAMPLE_INTERVAL_MS) return
    const count = await instancesOf(this.ctx, this.variant).catch(() => undefined)
    if (count === undefined) return
    this.close(now)
    this.last = { at: now, extra: Math.max(0, count - this.before) }
  }

  /** The update has ended: the last count read is held until now. */
  finish(): void {
    this.close(this.ctx.clock.now())
    this.last = undefined
  }

  private close(now: number): void {
    if (this.last) addInstanceTime(this.ctx.report, this.last.extra * (now - this.last.at))
  }
}

/** An instance is paid from its launch: the desired count leads the current one while instances come up. */
async function instancesOf(ctx: OperationContext, variant: string): Promise<number | undefined> {
  const endpoint = await findEndpoint(ctx)
  const summary = endpoint?.ProductionVariants?.find((candidate) => candidate.VariantName === variant)
  if (summary?.CurrentInstanceCount === undefined) return undefined
  return Math.max(summary.CurrentInstanceCount, summary.DesiredInstanceCount ?? 0)
}
