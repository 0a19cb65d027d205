/**
 * The requests an inference component's moves make, the same in a run and
 * a dry run (ctx.change only records them in a dry run), and what the moves
 * act on.
 */
import {
  AddTagsCommand,
  CreateInferenceComponentCommand,
  DeleteInferenceComponentCommand,
  UpdateInferenceComponentCommand,
  type CreateInferenceComponentCommandInput
} from '@aws-sdk/client-sagemaker'
import { isNotFound } from '../aws/errors.js'
import type { OperationContext } from '../context.js'
import type { MetricsSource } from '../invocation-metrics.js'
import { createEndpointConfig, createEndpointOn, createOrAdopt, ownedByThisRun, runTags } from '../resources.js'
import type { PeriodFigures } from '../rollout/periods.js'
import type { RolloutSettings } from '../settings.js'
import { toTagList } from '../tags.js'
import { waitUntilUpdatable } from '../wait.js'
import { findComponent } from './component.js'
import { updateRequest, type ComponentMove, type ComponentState } from './moves.js'
import { encodeComponentState, PREVIOUS_STATE_TAG } from './record.js'

/** One component's rollout: what the moves act on. */
export interface ComponentRollout {
  component: string
  /** The variant of the endpoint the component runs on. */
  variant: string
  /** What the component ran before this deploy: where a rollback returns; absent for a new component. */
  from?: ComponentState
  /** Names the verdict alarm of this run: unique to it. */
  verdictKey: string
  source: MetricsSource
  userTags: Record<string, string>
  /** When the deploy began: the component's periods before it are what its comparisons judge it against. */
  startedAt: number
  /**
   * Those periods as far as CloudWatch had published them when the deploy began (the last minutes are not yet):
   * read again, whole, before the new copies are judged alone.
   */
  earlierBaseline: PeriodFigures[]
}

/** The request each move makes (none for judging): the same in a run and a dry run. */
export async function sendMove(
  ctx: OperationContext,
  rollout: ComponentRollout,
  move: ComponentMove,
  settings: RolloutSettings,
  alarms: string[] = []
): Promise<void> {
  const sagemaker = ctx.clients.sagemaker
  const resource = `inference component "${rollout.component}"`
  switch (move.kind) {
    case 'create-endpoint':
      await createEndpointConfig(ctx, move.config, [move.variant], { role: 'release' }, rollout.userTags, {
        ExecutionRoleArn: move.executionRoleArn
      })
      await createEndpointOn(ctx, move.config, rollout.userTags)
      return
    case 'create-component': {
      const input: CreateInferenceComponentCommandInput = {
        InferenceComponentName: rollout.component,
        EndpointName: ctx.endpointName,
        VariantName: move.variant,
        Specification: move.target.specification,
        RuntimeConfig: { CopyCount: move.target.copies },
        Tags: toTagList(runTags(ctx, rollout.userTags))
      }
      await createOrAdopt(
        ctx,
        { api: 'CreateInferenceComponent', resource, input },
        () => sagemaker.send(new CreateInferenceComponentCommand(input)),
        async () => {
          const found = await findComponent(ctx, rollout.component)
          return found ? ownedByThisRun(ctx, found.InferenceComponentArn, input.Tags) : undefined
        }
      )
      return
    }
    case 'roll-component':
    case 'restore-component':
      await updateComponent(ctx, rollout.component, move, { bakeTimeMs: settings.bakeTimeMs, alarms })
      return
    case 'delete-component': {
      await afterEndpointSettles(ctx)
      const input = { InferenceComponentName: rollout.component }
      await ctx
        .change('DeleteInferenceComponent', resource, input, () =>
          sagemaker.send(new DeleteInferenceComponentCommand(input))
        )
        .catch((error: unknown) => {
          if (!isNotFound(error)) throw error
        })
      return
    }
    case 'judge-component':
      return
  }
}

/**
 * UpdateInferenceComponent for a move that rolls the component forward or
 * back. The way back bakes nothing and watches no alarm: what it returns to
 * served before the deploy, and an alarm firing on the way back would roll
 * the component forward again.
 */
export async function updateComponent(
  ctx: OperationContext,
  component: string,
  move: Extract<ComponentMove, { kind: 'roll-component' | 'restore-component' }>,
  forward: { bakeTimeMs: number; alarms: string[] }
): Promise<void> {
  const back = move.kind === 'restore-component'
  if (back) await afterEndpointSettles(ctx)
  const input = updateRequest(component, move.target, {
    ...(move.rolling ? { rolling: move.rolling } : {}),
    bakeTimeMs: back ? 0 : forward.bakeTimeMs,
    timeoutMs: ctx.settings.timeoutMs,
    alarms: back ? [] : forward.alarms
  })
  await ctx.change('UpdateInferenceComponent', `inference component "${component}"`, input, () =>
    ctx.clients.sagemaker.send(new UpdateInferenceComponentCommand(input))
  )
}

/**
 * A way back waits for the endpoint to be InService. With managed instance scaling the endpoint stays Updating for
 * minutes after a component's rolling update has completed, while SageMaker releases the instance the update added
 * (AWS's sample: https://github.com/aws-samples/sagemaker-genai-hosting-examples/blob/main/03-features/deployment/ic_rolling_deployment.ipynb).
 * AWS does not say whether a component can change meanwhile: the safer reading is that it cannot, and a rollback
 * sent then would be refused, leaving the model that failed its gates on every copy.
 */
async function afterEndpointSettles(ctx: OperationContext): Promise<void> {
  if (!ctx.dryRun) await waitUntilUpdatable(ctx)
}

/** Where operation: rollback returns, on the component itself, before anything changes it. */
export async function recordWhereRollbackReturns(
  ctx: OperationContext,
  rollout: ComponentRollout,
  from: ComponentState
): Promise<void> {
  const component = await findComponent(ctx, rollout.component)
  const arn = component?.InferenceComponentArn
  if (!arn) return
  const input = { ResourceArn: arn, Tags: [{ Key: PREVIOUS_STATE_TAG, Value: encodeComponentState(from) }] }
  await ctx.change('AddTags', `inference component "${rollout.component}"`, input, () =>
    ctx.clients.sagemaker.send(new AddTagsCommand(input))
  )
}
