/**
 * The config changes of a rollout run by the action: the endpoint joins the
 * canary config (the new variant beside the serving ones, at weight 0), each
 * step shifts its weight, and at the end it switches to the release config
 * (the new variant alone). Also the tag that records when a pause began.
 */
import * as core from '@actions/core'
import { AddTagsCommand } from '@aws-sdk/client-sagemaker'
import { errorMessage } from '../aws/errors.js'
import type { OperationContext } from '../context.js'
import type { RolloutRecord, RolloutStepRecord } from '../report.js'
import { findEndpointConfig, getEndpoint, getEndpointConfig, liveInstanceCount } from '../endpoint.js'
import { counted } from '../parse.js'
import { createEndpointConfig, deleteConfigQuietly, fleetSize } from '../resources.js'
import { carriedConfigSettings } from '../serving.js'
import { TAGS } from '../tags.js'
import { updateEndpointConfig, updateWeightsAndCapacities } from '../update.js'
import { releaseVariant, type InFlight } from './in-flight.js'
import { desiredWeights, type Move } from './moves.js'
import { releaseServingCapacity, withScalingMoved } from './scaling.js'
import { rolloutProgress } from './state.js'

/** The config with the serving variants and the new one beside them at weight 0: the same call in a dry run. */
export async function createCanaryConfig(
  ctx: OperationContext,
  inFlight: InFlight,
  move: Extract<Move, { kind: 'create-canary-config' }>
): Promise<void> {
  await createEndpointConfig(
    ctx,
    inFlight.canaryConfig,
    move.variants,
    {
      role: 'canary',
      previousConfig: inFlight.previousConfig,
      newVariant: inFlight.newVariant,
      ...(inFlight.modelAsIs ? { modelAsIs: true } : {})
    },
    inFlight.userTags,
    move.configSettings
  )
}

export async function joinCanary(ctx: OperationContext, inFlight: InFlight, fleet: number): Promise<void> {
  await core.group(`Adding ${inFlight.newVariant} beside the serving variants at weight 0`, () =>
    updateEndpointConfig(ctx, inFlight.canaryConfig, {
      newFleetInstances: fleet,
      purpose: `adding ${inFlight.newVariant} beside the serving variants`,
      forceWait: true
    })
  )
  // The endpoint has left the shadow config: it served only the shadow phase.
  if (inFlight.shadowConfig) await deleteConfigQuietly(ctx, inFlight.shadowConfig)
}

/**
 * The new model alone, at the capacity it serves with now, under the
 * serving variant's name: alarms, dashboards and autoscaling keyed on that
 * name cover it from here on. The serving variant's autoscaling stays
 * registered through the update (only its model changes); a change of
 * instance type, or a scaled variant the release drops, moves it around the
 * update (scaling.ts).
 */
export async function switchToRelease(ctx: OperationContext, inFlight: InFlight): Promise<void> {
  // Scale-in back as it was first: the serving variant scales on as it did before the rollout.
  await releaseServingCapacity(ctx, inFlight.held)
  const endpoint = await getEndpoint(ctx)
  const canaryConfig = await getEndpointConfig(ctx, inFlight.canaryConfig)
  const release = [releaseVariant(endpoint, canaryConfig, inFlight)]
  const count = release[0]?.InitialInstanceCount
  await createEndpointConfig(
    ctx,
    inFlight.releaseConfig,
    release,
    { role: 'release', previousConfig: inFlight.previousConfig },
    inFlight.userTags,
    carriedConfigSettings(canaryConfig)
  )
  const { scaled } = await withScalingMoved(
    ctx,
    { endpoint, current: canaryConfig, target: release, targetName: inFlight.releaseConfig },
    () =>
      updateEndpointConfig(ctx, inFlight.releaseConfig, {
        newFleetInstances: fleetSize(release),
        purpose: `the promotion to ${inFlight.releaseConfig}`,
        forceWait: true
      })
  )
  const oldCapacity = (endpoint.ProductionVariants ?? [])
    .filter((variant) => variant.VariantName !== inFlight.newVariant)
    .reduce((sum, variant) => sum + (liveInstanceCount(variant) ?? 0), 0)
  if (scaled.includes(inFlight.stableVariant)) {
    ctx.note(
      `Autoscaling of variant "${inFlight.stableVariant}" covers the new model: the release kept the variant's name.`
    )
  } else if (count !== undefined && count < oldCapacity) {
    ctx.warn(
      `${inFlight.newVariant} takes all traffic as ${inFlight.stableVariant} with ${counted(count, 'instance')} where the old variants served with ${counted(oldCapacity, 'instance')}; raise instance-count or configure autoscaling if it needs more.`
    )
  }
  rolloutProgress.clear()
  await deleteConfigQuietly(ctx, inFlight.canaryConfig)
}

/** promote judges a pause from when it began: the canary config carries that time. */
export async function recordPauseStart(ctx: OperationContext, canaryConfig: string): Promise<void> {
  const pausedAt = new Date(ctx.clock.now()).toISOString()
  try {
    const config = await findEndpointConfig(ctx, canaryConfig)
    const input = {
      // In a dry run the canary config is not made, so its ARN is not known yet.
      ResourceArn: config?.EndpointConfigArn ?? `(the ARN of endpoint config "${canaryConfig}")`,
      Tags: [{ Key: TAGS.pausedAt, Value: pausedAt }]
    }
    if (!config?.EndpointConfigArn && !ctx.dryRun) return
    await ctx.change('AddTags', `endpoint config "${canaryConfig}"`, input, () =>
      ctx.clients.sagemaker.send(new AddTagsCommand(input))
    )
  } catch (error) {
    // The pause itself stands; promote takes forward only a recorded one, so say how to record it by hand.
    ctx.warn(
      `Could not record when the pause began on "${canaryConfig}" (${errorMessage(error)}), and promote takes forward only a pause so recorded: tag the config with ${TAGS.pausedAt}=${pausedAt} (aws sagemaker add-tags), or run rollback.`
    )
  }
}

/** A step's shift: the new variant takes its weight, the serving variants share the rest. */
export async function shift(
  ctx: OperationContext,
  inFlight: InFlight,
  { weight, index, of }: Extract<Move, { kind: 'shift' }>,
  record: RolloutRecord
): Promise<void> {
  const step: RolloutStepRecord = { weight, startedAt: ctx.clock.now(), evaluations: [], verdict: 'in-progress' }
  record.steps.push(step)
  core.startGroup(`Step ${index + 1}/${of}: ${weight}% of traffic to ${inFlight.newVariant}`)
  if (weight === 0) {
    // Only the first step may be 0, and the new variant joined at weight 0: nothing moves.
    core.info(`${inFlight.newVariant} serves no user traffic in this dark step: probes alone judge it.`)
    return
  }
  core.info(`Shifting ${weight}% of traffic to ${inFlight.newVariant}.`)
  await updateWeightsAndCapacities(ctx, desiredWeights(inFlight, weight), {
    purpose: `the shift to ${weight}%`,
    forceWait: true
  })
  step.startedAt = ctx.clock.now()
}
