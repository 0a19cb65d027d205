/**
 * A rollout run by the action is a list of moves. Pure functions build the
 * list for each case (a deploy's canary or linear rollout, a promote from a
 * pause, a rollback from wherever the rollout stands); one executor carries
 * it out (executor.ts), and a dry run prints the same list with what each
 * move would cost (plan.ts), so a dry run cannot drift from the run.
 */
import type { ProductionVariant } from '@aws-sdk/client-sagemaker'
import type { Endpoint } from '../endpoint.js'
import type { EndpointConfigSettings } from '../resources.js'
import type { RolloutSettings } from '../settings.js'
import { hasGates } from './gates.js'
import type { PauseToJudge } from './bake.js'
import type { InFlight } from './in-flight.js'

export type Move =
  /** The config with the serving variants and the new one at weight 0. */
  | { kind: 'create-canary-config'; variants: ProductionVariant[]; configSettings: EndpointConfigSettings }
  /** The serving variants' scale-in suspended, so a rollback returns traffic to the fleet it left. */
  | { kind: 'hold-capacity'; atLeast?: Record<string, number> }
  /** The endpoint moves to the canary config: a new fleet for the new variant, at weight 0. */
  | { kind: 'join'; fleet: number }
  /** promote: the gates over the whole pause, before any traffic moves. */
  | { kind: 'judge-pause'; pause: PauseToJudge }
  /** The new variant takes `weight`% of traffic. */
  | { kind: 'shift'; weight: number; index: number; of: number }
  /** The step at `weight`% judged through its bake and the publication of its minutes. */
  | { kind: 'judge-step'; weight: number; index: number; of: number }
  /** The rollout rests at `weight`% until promote or rollback. */
  | { kind: 'pause'; weight: number }
  /** The release config with the new model alone, under the serving variant's name; the endpoint moves to it, the canary config goes. */
  | { kind: 'switch-to-release'; planned: ProductionVariant; configSettings: EndpointConfigSettings }
  /** Rollback: the new variant's traffic goes back to the serving variants at once. */
  | { kind: 'traffic-off' }
  /** Rollback: the endpoint returns to the previous config at the instances the old variants hold. */
  | { kind: 'return-to-previous' }
  /** Rollback: the serving variants' scale-in as it was, and (after a return) their capacity as it was. */
  | { kind: 'give-back-capacity'; restoreCounts: boolean }
  /** The canary config exists only for the rollout: once the endpoint has left it, it goes. */
  | { kind: 'delete-canary-config' }

export type MoveKind = Move['kind']

/** The moves from which the rollout judges: the serving capacity is held until the rollout ends. */
export function isJudging(move: Move): boolean {
  return move.kind === 'judge-pause' || move.kind === 'shift'
}

/** The steps and their ending: a list that stops short of 100 pauses there, else the release takes over. */
function stepsThenEnd(
  steps: number[],
  release: { planned: ProductionVariant; configSettings: EndpointConfigSettings }
): Move[] {
  const moves: Move[] = steps.flatMap((weight, index): Move[] => [
    { kind: 'shift', weight, index, of: steps.length },
    { kind: 'judge-step', weight, index, of: steps.length }
  ])
  const last = steps.at(-1) ?? 0
  moves.push(last < 100 ? { kind: 'pause', weight: last } : { kind: 'switch-to-release', ...release })
  return moves
}

/** A deploy's canary or linear rollout run by the action. */
export function deployMoves(plan: {
  steps: number[]
  canaryVariants: ProductionVariant[]
  /** The new variant as the release config will hold it: under the serving variant's name. */
  release: ProductionVariant
  configSettings: EndpointConfigSettings
}): Move[] {
  return [
    { kind: 'create-canary-config', variants: plan.canaryVariants, configSettings: plan.configSettings },
    { kind: 'hold-capacity' },
    { kind: 'join', fleet: plan.canaryVariants.reduce((sum, v) => sum + (v.InitialInstanceCount ?? 0), 0) },
    ...stepsThenEnd(plan.steps, { planned: plan.release, configSettings: plan.configSettings })
  ]
}

/** promote: the pause judged first (when there is anything to judge it by), then the steps left. */
export function promoteMoves(
  settings: RolloutSettings,
  plan: {
    steps: number[]
    pause: PauseToJudge
    release: ProductionVariant
    configSettings: EndpointConfigSettings
    /** What a rollback owes each serving variant: what it served with before the canary. */
    owed: Record<string, number>
  }
): Move[] {
  return [
    { kind: 'hold-capacity', atLeast: plan.owed },
    ...(hasGates(settings.gates) ? [{ kind: 'judge-pause', pause: plan.pause } as const] : []),
    ...stepsThenEnd(plan.steps, { planned: plan.release, configSettings: plan.configSettings })
  ]
}

/**
 * The way back from wherever the rollout stands, read from the endpoint now.
 * Still (or again) on the previous config: only the held capacity to give
 * back. Otherwise the harm stops first (weight 0 takes seconds, and is
 * skipped when a cancel already moved it), then the config goes back.
 */
export function rollbackMoves(inFlight: InFlight, endpoint: Endpoint | undefined, settled: boolean): Move[] {
  if (endpoint?.EndpointConfigName === inFlight.previousConfig && settled) {
    return [{ kind: 'give-back-capacity', restoreCounts: false }, { kind: 'delete-canary-config' }]
  }
  const newVariant = endpoint?.ProductionVariants?.find((variant) => variant.VariantName === inFlight.newVariant)
  const serving = (newVariant?.CurrentWeight ?? 0) > 0 || (newVariant?.DesiredWeight ?? 0) > 0
  return [
    ...(serving ? [{ kind: 'traffic-off' } as const] : []),
    { kind: 'return-to-previous' },
    { kind: 'give-back-capacity', restoreCounts: true },
    { kind: 'delete-canary-config' }
  ]
}
