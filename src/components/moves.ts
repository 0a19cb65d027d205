/**
 * An inference component's rollout as a list of moves, as an endpoint's is
 * (rollout/moves.ts): pure functions build the list, one executor carries it
 * out or, in a dry run, prints it with what each move costs (rollout.ts),
 * and the way back is a list of moves too.
 *
 * SageMaker carries out the update: UpdateInferenceComponent with a rolling
 * DeploymentConfig replaces the copies a batch at a time, bakes each batch
 * and rolls back on the alarms it is given, the action's verdict alarm among
 * them. The action judges all through it, and judges the new copies alone
 * once every copy runs the new model.
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_InferenceComponentRollingUpdatePolicy.html
 */
import type {
  UpdateInferenceComponentCommandInput,
  InferenceComponentCapacitySize,
  InferenceComponentSpecification,
  ProductionVariant
} from '@aws-sdk/client-sagemaker'
import { batchInstances, defaultBatchUnits, rollingBatchRange } from '../rolling-batch.js'
import { SAGEMAKER_LIMITS } from '../rollout/native-limits.js'
import type { BatchSize } from '../settings.js'

/** What a component runs, and how many copies: what a deploy changes, and what a rollback returns to. */
export interface ComponentState {
  specification: InferenceComponentSpecification
  copies: number
}

/** The rolling update SageMaker is asked for. */
export interface RollingPlan {
  batch: InferenceComponentCapacitySize
  rollbackBatch: InferenceComponentCapacitySize
  /** New copies in one batch. */
  batchCopies: number
  /** Old copies a rollback brings back in one batch, beside the copies running. */
  rollbackCopies: number
  batches: number
  /**
   * Copies running at once at the worst moment: every copy and one batch of new ones; then, should the update roll
   * back while its last batch bakes, before that batch's old copies go, a batch of old ones coming back beside them.
   */
  peakCopies: number
}

export type ComponentMove =
  /** A new endpoint ready for components: its variant names no model, its config the role components run as. */
  | { kind: 'create-endpoint'; config: string; variant: ProductionVariant; executionRoleArn: string }
  /** A new component with its copies. */
  | { kind: 'create-component'; variant: string; target: ComponentState }
  /** SageMaker's rolling update to `target`, judged by the action all through it. */
  | { kind: 'roll-component'; from: ComponentState; target: ComponentState; rolling: RollingPlan }
  /** The new copies alone, once every copy runs the new model: judged for bake-time. */
  | { kind: 'judge-component' }
  /**
   * Rollback: the component back on what it ran before, by a rolling update of its own; without `rolling`
   * (one copy, which no batch can split), by SageMaker's default for an update, blue/green.
   */
  | { kind: 'restore-component'; target: ComponentState; rolling?: RollingPlan }
  /** Rollback of a component this run created: it goes, and its endpoint stays for whatever else runs there. */
  | { kind: 'delete-component' }

export type ComponentMoveKind = ComponentMove['kind']

/**
 * A rolling batch as SageMaker takes it: a number counts copies, a
 * percentage the copy count, and either must come to 5% to 50% of the copies
 * (the API reference's MaximumBatchSize). Left out: a quarter of the copies,
 * at least one and at most half. Undefined when no batch is valid: one copy
 * cannot be replaced in batches of at most half of it.
 */
export function rollingPlan(
  copies: number,
  batch: BatchSize | undefined,
  rollbackBatch?: BatchSize
): RollingPlan | undefined {
  const { least, most } = rollingBatchRange(copies)
  const batchCopies = batch ? batchInstances(batch, copies) : defaultBatchUnits(copies)
  const percentOutside = batch?.type === 'CAPACITY_PERCENT' && (batch.value < 5 || batch.value > 50)
  if (most < least || percentOutside || batchCopies < least || batchCopies > most) return undefined
  const forward = capacitySize(batch) ?? { Type: 'COPY_COUNT', Value: batchCopies }
  const rollbackCopies = rollbackBatch ? Math.max(1, batchInstances(rollbackBatch, copies)) : batchCopies
  return {
    batch: forward,
    // Left out, SageMaker's rollback batch is "100% of the total capacity": the whole old fleet provisioned at once,
    // beside the new copies, on instances the endpoint's components share (API_InferenceComponentRollingUpdatePolicy).
    // The forward batch instead, so a rollback needs no more room than the update did.
    rollbackBatch: capacitySize(rollbackBatch) ?? forward,
    batchCopies,
    rollbackCopies,
    batches: Math.ceil(copies / batchCopies),
    peakCopies: copies + batchCopies + Math.min(rollbackCopies, copies - batchCopies)
  }
}

function capacitySize(batch: BatchSize | undefined): InferenceComponentCapacitySize | undefined {
  if (!batch) return undefined
  return { Type: batch.type === 'CAPACITY_PERCENT' ? 'CAPACITY_PERCENT' : 'COPY_COUNT', Value: batch.value }
}

/** A deploy's moves: the endpoint when it is missing, the component created or rolled, then the new copies judged. */
export function componentDeployMoves(plan: {
  newEndpoint?: { config: string; variant: ProductionVariant; executionRoleArn: string }
  variant: string
  from?: ComponentState
  target: ComponentState
  rolling?: RollingPlan
}): ComponentMove[] {
  const moves: ComponentMove[] = []
  if (plan.newEndpoint) moves.push({ kind: 'create-endpoint', ...plan.newEndpoint })
  if (plan.from && plan.rolling) {
    moves.push({ kind: 'roll-component', from: plan.from, target: plan.target, rolling: plan.rolling })
  } else {
    moves.push({ kind: 'create-component', variant: plan.variant, target: plan.target })
  }
  moves.push({ kind: 'judge-component' })
  return moves
}

/** Half the copies a batch, the most SageMaker takes: operation rollback's way back, which no deploy planned. */
export const HALF_THE_COPIES: BatchSize = { type: 'CAPACITY_PERCENT', value: 50 }

/**
 * The way back from a deploy that failed its judging: an updated component
 * returns to what it ran before, rolled back a batch at a time (`batch`: the
 * room the deploy checked for, rollback-batch-size or its forward batch;
 * where that is no valid batch of the old copies, a quarter of them), a
 * created one goes.
 */
export function componentRollbackMoves(
  from: ComponentState | undefined,
  batch: BatchSize | undefined
): ComponentMove[] {
  if (!from) return [{ kind: 'delete-component' }]
  const rolling = (batch && rollingPlan(from.copies, batch)) || rollingPlan(from.copies, undefined)
  return [{ kind: 'restore-component', target: from, ...(rolling ? { rolling } : {}) }]
}

/**
 * The rolling update's MaximumExecutionTimeoutInSeconds takes 10 minutes to
 * 8 hours: a deploy refuses a timeout outside them, other operations (a
 * rollback) send the nearest.
 */
function executionTimeoutSeconds(timeoutMs: number): number {
  const seconds = Math.round(timeoutMs / 1000)
  return Math.min(
    Math.max(seconds, SAGEMAKER_LIMITS.minExecutionTimeoutSeconds),
    SAGEMAKER_LIMITS.maxExecutionTimeoutSeconds
  )
}

/**
 * UpdateInferenceComponent with the whole specification and the copy count
 * (AWS's samples always send both), and a rolling DeploymentConfig with the
 * alarms SageMaker rolls back on.
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_InferenceComponentDeploymentConfig.html
 */
export function updateRequest(
  component: string,
  target: ComponentState,
  how: { rolling?: RollingPlan; bakeTimeMs: number; timeoutMs: number; alarms: string[] }
): UpdateInferenceComponentCommandInput {
  const { rolling } = how
  return {
    InferenceComponentName: component,
    Specification: target.specification,
    RuntimeConfig: { CopyCount: target.copies },
    ...(rolling
      ? {
          DeploymentConfig: {
            RollingUpdatePolicy: {
              MaximumBatchSize: rolling.batch,
              WaitIntervalInSeconds: Math.round(how.bakeTimeMs / 1000),
              MaximumExecutionTimeoutInSeconds: executionTimeoutSeconds(how.timeoutMs),
              RollbackMaximumBatchSize: rolling.rollbackBatch
            },
            ...(how.alarms.length > 0
              ? { AutoRollbackConfiguration: { Alarms: how.alarms.map((AlarmName) => ({ AlarmName })) } }
              : {})
          }
        }
      : {})
  }
}
