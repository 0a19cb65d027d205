/**
 * The batch a rolling update replaces at a time. SageMaker's rolling update
 * takes a MaximumBatchSize of 5% to 50% of the variant's instances
 * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_RollingUpdatePolicy.html),
 * and instances are whole: a batch is at least one. A fleet of one instance
 * satisfies neither at once, and is refused with what to do instead; any
 * larger fleet has a default batch that satisfies both.
 */
import { counted, InputError } from './parse.js'
import type { BatchSize } from './settings.js'

const MIN_BATCH_PERCENT = 5
const MAX_BATCH_PERCENT = 50
/** About a quarter of the fleet: four batches, each small enough to roll back from. */
const DEFAULT_BATCH_PERCENT = 25

/** The fewest and most instances one batch of a fleet may replace. */
export function rollingBatchRange(fleet: number): { least: number; most: number } {
  return {
    least: Math.max(1, Math.ceil((MIN_BATCH_PERCENT / 100) * fleet)),
    most: Math.floor((MAX_BATCH_PERCENT / 100) * fleet)
  }
}

/** The default batch: a quarter of the fleet in whole units (instances, or a component's copies), within the limits. */
export function defaultBatchUnits(fleet: number): number {
  const { least, most } = rollingBatchRange(fleet)
  return Math.min(most, Math.max(least, Math.round((DEFAULT_BATCH_PERCENT / 100) * fleet)))
}

/** The instances a batch replaces in a fleet: a share of capacity rounds down to whole instances. */
export function batchInstances(batch: BatchSize, fleet: number): number {
  return batch.type === 'INSTANCE_COUNT' ? batch.value : Math.floor((batch.value / 100) * fleet)
}

/**
 * The batch to send for a fleet of `fleet` instances: `requested` when it is
 * within SageMaker's limits, else an InputError naming batch-size (shown as
 * `shown`) and the batches that fit; absent, a quarter of the fleet in whole
 * instances, within the limits.
 */
export function rollingBatchFor(fleet: number, requested: BatchSize | undefined, shown = ''): BatchSize {
  const { least, most } = rollingBatchRange(fleet)
  if (most < least) {
    throw new InputError(
      'strategy',
      `rolling needs a fleet of at least 2 instances, and this one has ${counted(fleet, 'instance')}: SageMaker's rolling update replaces ${MIN_BATCH_PERCENT}% to ${MAX_BATCH_PERCENT}% of the fleet in each batch, and at least one instance. Deploy with strategy canary, linear or all-at-once (a blue/green deployment), or raise instance-count to 2 or more`
    )
  }
  if (!requested) return { type: 'INSTANCE_COUNT', value: defaultBatchUnits(fleet) }
  const instances = batchInstances(requested, fleet)
  const percentOutside =
    requested.type === 'CAPACITY_PERCENT' &&
    (requested.value < MIN_BATCH_PERCENT || requested.value > MAX_BATCH_PERCENT)
  if (percentOutside || instances < least || instances > most) {
    throw new InputError(
      'batch-size',
      `must be ${MIN_BATCH_PERCENT}% to ${MAX_BATCH_PERCENT}% of the fleet's ${counted(fleet, 'instance')}, and at least one instance: from ${least} to ${most} instances here`,
      shown
    )
  }
  return requested
}
