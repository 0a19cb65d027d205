/**
 * rollback with inference-component-name: return the component to what it
 * ran before its last deploy, as that deploy recorded it on the component
 * (tag sagemaker-deploy:previous-component), so any later run can find it.
 * UpdateInferenceComponent gets the whole recorded specification and copy
 * count, rolled back a batch of copies at a time when the copies allow a
 * batch of 5% to 50% (else SageMaker's default, all at once); the batches
 * follow each other without a bake, since the state they return to served
 * before.
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_UpdateInferenceComponent.html
 */
import type { OperationContext } from '../context.js'
import { tagsOf } from '../lineage.js'
import { findModel } from '../resources.js'
import { setRolloutOutputs } from '../rollout/result.js'
import {
  adaptersOf,
  baseOf,
  modelOf,
  noteAdapters,
  reportComponent,
  settledComponent,
  waitForComponent,
  type Component
} from '../components/component.js'
import { componentRollbackMoves, HALF_THE_COPIES, type ComponentState } from '../components/moves.js'
import { updateComponent } from '../components/requests.js'
import { decodeComponentState, PREVIOUS_STATE_TAG } from '../components/record.js'

export async function rollBackComponent(ctx: OperationContext, name: string): Promise<void> {
  setRolloutOutputs(ctx, { rolledBack: false })
  const component = await settledComponent(ctx, name, 'rolling it back')
  const recorded = await recordedState(ctx, component)
  reportComponent(ctx, component)
  if (sameSpecification(component, recorded)) {
    ctx.note(
      `Inference component "${name}" already runs the specification recorded before its last deploy (model "${recorded.specification.ModelName}"); nothing to roll back. Its copies are left as they are.`
    )
    return
  }
  await refuseMissingModel(ctx, name, recorded)
  const adapters = await adaptersOf(ctx, name)
  const [restore] = componentRollbackMoves(recorded, HALF_THE_COPIES)
  if (restore?.kind !== 'restore-component')
    throw new Error(`No way back was planned for inference component "${name}".`)
  const how = restore.rolling
    ? `${restore.rolling.batchCopies} copies a batch`
    : 'all at once (one copy cannot roll in batches)'
  ctx.note(
    `Rolling inference component "${name}" back from model "${modelOf(component)}" to "${recorded.specification.ModelName}" with ${recorded.copies} copies, ${how}.`
  )
  await updateComponent(ctx, name, restore, { bakeTimeMs: 0, alarms: [] })
  noteAdapters(ctx, name, adapters)
  ctx.output('model-name', recorded.specification.ModelName ?? '')
  if (ctx.dryRun || !ctx.settings.waitForCompletion) {
    setRolloutOutputs(ctx, { rolledBack: !ctx.dryRun })
    return
  }
  await checkReturned(ctx, name, recorded)
}

/** The state the last deploy recorded; a component without one was never updated by a deploy of this action. */
async function recordedState(ctx: OperationContext, component: Component): Promise<ComponentState> {
  const name = component.InferenceComponentName ?? ''
  const base = baseOf(component)
  if (base) {
    throw new Error(
      `Inference component "${name}" is an adapter of "${base}": a deploy never updates an adapter, so it has nothing recorded to return to. Nothing was changed; roll back "${base}" instead.`
    )
  }
  const tags = await tagsOf(ctx, component.InferenceComponentArn ?? '', `inference component "${name}"`)
  const recorded = decodeComponentState(tags[PREVIOUS_STATE_TAG])
  if (recorded) return recorded
  throw new Error(
    `Inference component "${name}" has no record of what it ran before (tag ${PREVIOUS_STATE_TAG}): only a deploy of this action that updated it leaves one, and its first deploy created it. Nothing was changed. To return to an earlier model, deploy it with operation: deploy and inference-component-name: ${name}.`
  )
}

/** The model, compute and start-up settings as recorded; the copies may have moved since, by autoscaling. */
function sameSpecification(component: Component, recorded: ComponentState): boolean {
  const spec = component.Specification
  const wanted = recorded.specification
  return (
    spec?.ModelName === wanted.ModelName &&
    JSON.stringify(spec?.ComputeResourceRequirements ?? {}) === JSON.stringify(wanted.ComputeResourceRequirements ?? {})
  )
}

/** SageMaker would take the update and fail minutes later, copies half-replaced: refuse it now. */
async function refuseMissingModel(ctx: OperationContext, name: string, recorded: ComponentState): Promise<void> {
  const model = recorded.specification.ModelName ?? ''
  if (await findModel(ctx, model)) return
  throw new Error(
    `Cannot roll inference component "${name}" back: model "${model}", which it ran before its last deploy, no longer exists. Nothing was changed.`
  )
}

/** A component has no RollingBack status: only the model it ends InService on tells where it is. */
async function checkReturned(ctx: OperationContext, name: string, recorded: ComponentState): Promise<void> {
  const ended = await waitForComponent(ctx, name, 'the rollback')
  if (ended) reportComponent(ctx, ended)
  if (ended?.InferenceComponentStatus === 'InService' && modelOf(ended) === recorded.specification.ModelName) {
    setRolloutOutputs(ctx, { rolledBack: true })
    ctx.note(`Inference component "${name}" is back on model "${recorded.specification.ModelName}".`)
    return
  }
  const reason = ended?.FailureReason ? ` FailureReason: ${ended.FailureReason}` : ''
  throw new Error(
    `The rollback of inference component "${name}" ended ${ended?.InferenceComponentStatus ?? 'with the component gone'} on model "${modelOf(ended) ?? ''}", not "${recorded.specification.ModelName}".${reason}`
  )
}
