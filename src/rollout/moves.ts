/**
 * A rollout run by the action is a list of moves. Pure functions build the
 * list for each case (a deploy's canary or linear rollout, a promote from a
 * pause, and every rollback, from wherever the endpoint stands); one executor
 * carries it out (executor.ts), and a dry run prints the same list with what
 * each move would cost (plan.ts), so a dry run cannot drift from the run.
 */
import type { ProductionVariant } from '@aws-sdk/client-sagemaker'
import type { CaptureLocation } from '../captured-payloads.js'
import { TRANSITIONAL_STATUSES, type Endpoint } from '../endpoint.js'
import type { EndpointConfigSettings } from '../resources.js'
import type { PeriodFigures } from './periods.js'
import type { InFlight } from './in-flight.js'
import type { HeldCapacity, ScalingMove } from './scaling.js'

/** Where a promoted rollout picks up: the pause it judges first. */
export interface PauseToJudge {
  /** When the paused step began, epoch milliseconds. */
  since: number
  weight: number
}

export type Move =
  /** The config with the serving variants and the new one at weight 0. */
  | { kind: 'create-canary-config'; variants: ProductionVariant[]; configSettings: EndpointConfigSettings }
  /** The serving variants' scale-in suspended, so a rollback returns traffic to the fleet it left. */
  | { kind: 'hold-capacity'; atLeast?: Record<string, number> }
  /** The config with the serving variant at weight 1 and the new one as its shadow, copying `shadow`'s weight of its requests. */
  | {
      kind: 'create-shadow-config'
      serving: ProductionVariant
      shadow: ProductionVariant
      configSettings: EndpointConfigSettings
    }
  /** The endpoint moves to the shadow config: the new variant gets copies of requests and answers nobody. */
  | { kind: 'join-shadow'; fleet: number }
  /** The shadow phase judged on metrics and, with max-disagreement, on the answers `capture` holds. */
  | { kind: 'judge-shadow'; percent: number; capture?: CaptureLocation }
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
  /** Rollback: the new variant's traffic goes back to the serving variants at once, in `weights`. */
  | { kind: 'traffic-off'; variant: string; weights: Array<{ VariantName: string; DesiredWeight: number }> }
  /**
   * Rollback: the endpoint returns to `config`, a fleet of `fleet` instances at the counts its variants serve
   * with now; `scaling` is the autoscaling in the way, taken off before and put back after.
   */
  | { kind: 'return'; config: string; fleet: number; scaling: ScalingMove[]; wait: boolean }
  /** Rollback: the serving variants' scale-in as it was, and (after a return) their capacity as it was. */
  | { kind: 'give-back-capacity'; held: HeldCapacity[]; restoreCounts: boolean }
  /** Rollback: a config that existed only for the rollout, once the endpoint has left it. */
  | { kind: 'delete-config'; config: string }

export type MoveKind = Move['kind']

/** The new variant takes `weight`%; the old variants share the rest as they did before. */
export function desiredWeights(
  inFlight: Pick<InFlight, 'oldVariants' | 'newVariant'>,
  weight: number
): Array<{ VariantName: string; DesiredWeight: number }> {
  return [
    ...inFlight.oldVariants.map(({ name, share }) => ({
      VariantName: name,
      DesiredWeight: Math.round((100 - weight) * share * 1000) / 1000
    })),
    { VariantName: inFlight.newVariant, DesiredWeight: weight }
  ]
}

/** The moves from which the rollout judges: the serving capacity is held until the rollout ends. */
export function isJudging(move: Move): boolean {
  return move.kind === 'judge-pause' || move.kind === 'judge-shadow' || move.kind === 'shift'
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

/** A deploy's canary or linear rollout run by the action, after its shadow phase when it has one. */
export function deployMoves(plan: {
  steps: number[]
  canaryVariants: ProductionVariant[]
  /** The new variant as the release config will hold it: under the serving variant's name. */
  release: ProductionVariant
  configSettings: EndpointConfigSettings
  shadow?: { config: Extract<Move, { kind: 'create-shadow-config' }>; judge: Extract<Move, { kind: 'judge-shadow' }> }
}): Move[] {
  const fleetOf = (variants: ProductionVariant[]): number =>
    variants.reduce((sum, v) => sum + (v.InitialInstanceCount ?? 0), 0)
  const { shadow } = plan
  return [
    { kind: 'create-canary-config', variants: plan.canaryVariants, configSettings: plan.configSettings },
    ...(shadow ? [shadow.config] : []),
    { kind: 'hold-capacity' },
    ...(shadow
      ? [{ kind: 'join-shadow', fleet: fleetOf([shadow.config.serving, shadow.config.shadow]) } as const, shadow.judge]
      : []),
    { kind: 'join', fleet: fleetOf(plan.canaryVariants) },
    ...stepsThenEnd(plan.steps, { planned: plan.release, configSettings: plan.configSettings })
  ]
}

/** promote: the pause judged first (when there is anything to judge it by), then the steps left. */
export function promoteMoves(plan: {
  /** Whether any gate is set to judge the pause by. */
  judgePause: boolean
  steps: number[]
  pause: PauseToJudge
  release: ProductionVariant
  configSettings: EndpointConfigSettings
  /** What a rollback owes each serving variant: what it served with before the canary. */
  owed: Record<string, number>
}): Move[] {
  return [
    { kind: 'hold-capacity', atLeast: plan.owed },
    ...(plan.judgePause ? [{ kind: 'judge-pause', pause: plan.pause } as const] : []),
    ...stepsThenEnd(plan.steps, { planned: plan.release, configSettings: plan.configSettings })
  ]
}

/**
 * Where a rollout run by the action stands: the plan, the move it has
 * reached, and what the judging has learnt so far. The executor keeps it,
 * and saves it whole for a cancel and the post step, which build the way back
 * from it (rolloutStanding).
 */
export interface Progress {
  endpointName: string
  region: string
  rollout: InFlight
  moves: Move[]
  /** The index of the move under way, or the last one carried out. */
  reached: number
  /** Failed evaluations without a pass between them, across steps. */
  failures: { consecutive: number }
  /** The serving variants' periods seen so far: the baseline of a step where they serve nothing. */
  baseline: PeriodFigures[]
  /** After a judged pause: the first minute its judging left to the first step. */
  pauseJudgedThrough?: number
  /** Why the rollout stopped short, once it has; `shadow` when its shadow phase did, which cannot pause. */
  stopped?: { kind: 'failed' | 'inconclusive'; reason: string; weight: number; shadow?: boolean }
}

/** Where the endpoint stands when it must go back: what every rollback plan is built from. */
export interface Standing {
  /** The config the endpoint goes back to. */
  target: string
  /** The instances the return brings up. */
  fleet: number
  /** The endpoint as DescribeEndpoint showed it when the rollback began; absent when it could not be read. */
  endpoint?: Endpoint
  /** The canary the endpoint is on, or may be on: its config, its new variant, the serving variants' shares. */
  canary?: Pick<InFlight, 'canaryConfig' | 'newVariant' | 'oldVariants'>
  /** The serving capacity a rollout run by the action holds: kept through the return, given back after it. */
  held?: HeldCapacity[]
  /** Autoscaling the return would break: taken off before it and put back after. */
  scaling: ScalingMove[]
  /** The return waits for the endpoint to land, as a rollout's always does. */
  waits: boolean
  /** A release config that a promotion stopped half-way may have left. */
  leftover?: string
  /** The shadow config of a rollout's shadow phase: it goes once the endpoint is known to have left it. */
  shadowConfig?: string
}

/**
 * The way back, from where the endpoint stands. Already back on the target
 * (a failed update SageMaker undid, a rollout that never left): only the held
 * capacity to give back. Otherwise the harm stops first (weight 0 takes
 * seconds, and is skipped when nothing sends the new variant traffic, as
 * after a cancel), then the config goes back. A canary config goes once the
 * endpoint is known to have left it.
 */
export function rollbackMoves(standing: Standing): Move[] {
  const { target, endpoint, canary, held, scaling } = standing
  const back = endpoint?.EndpointConfigName === target && !TRANSITIONAL_STATUSES.includes(endpoint.EndpointStatus ?? '')
  // Autoscaling can only be put back on a variant that exists, that is once the return has landed.
  const waits = standing.waits || scaling.some((move) => move.to !== undefined)
  const moves: Move[] = []
  if (!back && canary && takesTraffic(endpoint, canary.newVariant)) {
    moves.push({ kind: 'traffic-off', variant: canary.newVariant, weights: desiredWeights(canary, 0) })
  }
  if (!back) moves.push({ kind: 'return', config: target, fleet: standing.fleet, scaling, wait: waits })
  if (held) moves.push({ kind: 'give-back-capacity', held, restoreCounts: !back })
  if (canary && (back || waits)) moves.push({ kind: 'delete-config', config: canary.canaryConfig })
  if (standing.shadowConfig && (back || waits)) moves.push({ kind: 'delete-config', config: standing.shadowConfig })
  if (standing.leftover) moves.push({ kind: 'delete-config', config: standing.leftover })
  return moves
}

function takesTraffic(endpoint: Endpoint | undefined, variant: string): boolean {
  const live = endpoint?.ProductionVariants?.find((candidate) => candidate.VariantName === variant)
  return (live?.CurrentWeight ?? 0) > 0 || (live?.DesiredWeight ?? 0) > 0
}

/**
 * Where a rollout run by the action stands, from its progress and the
 * endpoint as read now: it goes back to the previous config, its old
 * variants at the instances they held (their autoscaling stays where it is:
 * only its scale-in was suspended), and a release config is left only by a
 * rollout that reached its release.
 */
export function rolloutStanding(
  progress: Pick<Progress, 'rollout' | 'moves' | 'reached'>,
  endpoint?: Endpoint
): Standing {
  const { rollout } = progress
  const released = progress.moves.slice(0, progress.reached + 1).some((move) => move.kind === 'switch-to-release')
  return {
    target: rollout.previousConfig,
    fleet: rollout.held.reduce((sum, entry) => sum + entry.instances, 0),
    ...(endpoint ? { endpoint } : {}),
    canary: rollout,
    held: rollout.held,
    scaling: [],
    waits: true,
    ...(released && rollout.releaseConfig ? { leftover: rollout.releaseConfig } : {}),
    ...(rollout.shadowConfig ? { shadowConfig: rollout.shadowConfig } : {})
  }
}
