/**
 * The serving variants' scale-in a rollout holds, noted on the endpoint's
 * lock. The post step gives it back; a run whose runner died, or whose post
 * step GitHub stopped, does not, and the hold outlived it unnoticed: the
 * next rollout found the scale-in suspended and could not tell its own
 * action's hold from a person's. Noted on the lock, a hold passes to the run
 * that takes the lock over, which gives it back when it ends (or, a rollout,
 * keeps holding it and gives it back at its own end), unless the dead run's
 * canary still stands then: a rollback returns to the fleet the hold keeps,
 * so it is left, with a warning and the command. A hold is noted before
 * the scale-in is suspended, so a run that dies in between leaves a note of a
 * hold that is not there, which is harmless: only a scale-in still suspended
 * is given back.
 */
import type { SuspendedState } from '@aws-sdk/client-application-auto-scaling'
import { DescribeContextCommand, UpdateContextCommand } from '@aws-sdk/client-sagemaker'
import { awsCall, errorMessage } from './aws/errors.js'
import type { OperationContext } from './context.js'
import { takenLock } from './rollout/state.js'

/** The lock's property that holds them: a JSON object of variant to the SuspendedState to put back. */
export const HOLDS_PROPERTY = 'scaleInHeld'

export type ScaleInHolds = Record<string, Required<SuspendedState>>

/** The holds a lock's properties note; none when unreadable. */
export function holdsOf(properties: { [HOLDS_PROPERTY]?: string }): ScaleInHolds {
  try {
    const parsed: unknown = JSON.parse(properties[HOLDS_PROPERTY] ?? '{}')
    return parsed && typeof parsed === 'object' ? (parsed as ScaleInHolds) : {}
  } catch {
    return {}
  }
}

/** Notes on this run's lock that it holds the variant's scale-in, and what to put back. Never throws. */
export async function noteScaleInHeld(
  ctx: OperationContext,
  variant: string,
  before: Required<SuspendedState>
): Promise<void> {
  const held = takenLock.current
  if (ctx.dryRun || !held) return
  try {
    const context = await awsCall('DescribeContext', `the lock "${held.name}"`, () =>
      ctx.clients.sagemaker.send(new DescribeContextCommand({ ContextName: held.name }))
    )
    const properties = context?.Properties ?? {}
    if (properties.token !== held.token) return
    const holds = JSON.stringify({ ...holdsOf(properties), [variant]: before })
    // "Properties: The new list of properties. Overwrites the current property list." So all of them go back.
    const input = { ContextName: held.name, Properties: { ...properties, [HOLDS_PROPERTY]: holds } }
    await awsCall('UpdateContext', `the lock "${held.name}"`, () =>
      ctx.clients.sagemaker.send(new UpdateContextCommand(input))
    )
  } catch (error) {
    ctx.warn(
      `Could not note on the endpoint's lock that this run holds the scale-in of variant "${variant}" (${errorMessage(error)}); the role needs sagemaker:UpdateContext. If the run dies before it gives it back, a later run cannot tell it is this action's.`
    )
  }
}

/** Holds a dead run left on the lock this run took over, not yet taken on by this run's rollout. */
let inherited: ScaleInHolds = {}

/** None: each run starts with no holds of another run's to give back. */
export function clearInheritedHolds(): void {
  inherited = {}
}

export function inheritHolds(ctx: OperationContext, holds: ScaleInHolds, from: string): void {
  inherited = { ...holds }
  const variants = Object.keys(holds)
  if (variants.length === 0) return
  ctx.warn(
    `${from} held the scale-in of ${variants.map((variant) => `variant "${variant}"`).join(', ')} and ended without giving it back; this run gives it back when it ends, unless a rollout still stands then.`
  )
}

/** The hold a dead run left on the variant, taken on by this run's rollout; undefined when there is none. */
export function takeInheritedHold(variant: string): Required<SuspendedState> | undefined {
  const hold = inherited[variant]
  delete inherited[variant]
  return hold
}

/** The holds not taken on, emptied: the run gives them back as it ends. */
export function takeAllInheritedHolds(): ScaleInHolds {
  const holds = inherited
  inherited = {}
  return holds
}
