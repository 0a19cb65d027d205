/**
 * Saved state for the post step: while a rollout has the endpoint off its
 * previous config, its progress says how to put it back. A cancelled workflow
 * (SIGINT, then SIGTERM, then a kill) leaves the post step to finish the job.
 */
import * as core from '@actions/core'
import { wasCancelled } from '../cancelled.js'
import type { Progress } from './moves.js'
import type { ScalingMove } from './scaling.js'

export const STATE_KEYS = {
  isPost: 'isPost',
  /** What the main step leaves the post step, in one record: see RunRecord. */
  run: 'run',
  /** The main step's common inputs (endpoint, region, timeout), for the post step's settings. */
  inputs: 'inputs'
} as const

/**
 * Everything the main step leaves the post step, saved whole under one key
 * at every change: the post step reads one record, so no save can be
 * overtaken by another, whatever order the parts change in.
 */
export interface RunRecord {
  /** A rollout run by the action, while it has the endpoint off its previous config: its progress. */
  rollout?: Progress
  /** A deployment run by SageMaker, whose alarms outlive the main step until it ends. */
  nativeDeployment?: NativeDeployment
  /** The endpoint lock the main step holds: left to the post step when it has work to finish. */
  lock?: TakenLock
  /** What an unfinished deploy created: the post step deletes what nothing runs on. */
  created?: UnfinishedDeploy
  /** Autoscaling taken off for an update and not put back yet: the post step puts it back. */
  scalingOff?: ScalingOff
}

/**
 * The run's record. Saved state is readable only in the post step, so the
 * main step keeps its own copy too: the signal handler must act on it
 * within seconds.
 */
class RunState {
  private record: RunRecord = {}

  set<K extends keyof RunRecord>(part: K, value: RunRecord[K] | undefined): void {
    // Once cancelled, what is saved is what the post step must finish: the main flow, which goes on for the
    // seconds before the runner kills it, must not clear or change it.
    if (wasCancelled()) return
    if (value === undefined) delete this.record[part]
    else this.record[part] = value
    core.saveState(STATE_KEYS.run, JSON.stringify(this.record, leftForThePostStep))
  }

  get<K extends keyof RunRecord>(part: K): RunRecord[K] {
    return this.record[part]
  }

  /** What the main step saved, read in the post step. */
  read(): RunRecord {
    const raw = core.getState(STATE_KEYS.run)
    if (!raw) return {}
    try {
      const parsed: unknown = JSON.parse(raw)
      return parsed && typeof parsed === 'object' ? (parsed as RunRecord) : {}
    } catch {
      core.warning(`The saved run state is unreadable and was ignored: ${raw.slice(0, 200)}`)
      return {}
    }
  }
}

/**
 * What the post step is handed: the record without the rollout's baseline, the serving variants' periods, which
 * only the main step's judging reads. It grows by one period per period: a long rollout on an endpoint publishing
 * every 10 s would outgrow what the runner can hand a process, one environment variable (128 KiB on Linux, 32 KiB
 * on Windows), and the post step, which must undo the rollout, would not start.
 */
function leftForThePostStep(this: unknown, key: string, value: unknown): unknown {
  return key === 'baseline' && this !== null && typeof this === 'object' && 'moves' in this ? [] : value
}

const runState = new RunState()

/** One part of the run's record, as the code that owns it sees it. */
export class SavedPart<K extends keyof RunRecord> {
  constructor(private readonly part: K) {}

  save(value: NonNullable<RunRecord[K]>): void {
    runState.set(this.part, value)
  }

  /** Nothing of this part left for the post step. */
  clear(): void {
    runState.set(this.part, undefined)
  }

  /** What this process saved and has not cleared. */
  get current(): RunRecord[K] {
    return runState.get(this.part)
  }

  /** What the main step saved, read in the post step. */
  read(): RunRecord[K] {
    return runState.read()[this.part]
  }
}

/** The progress of the rollout under way, from which a cancel and the post step build the way back. */
export const rolloutProgress = new SavedPart('rollout')

export function saveCommonInputs(inputs: Record<string, string>): void {
  core.saveState(STATE_KEYS.inputs, JSON.stringify(inputs))
}

export function readCommonInputs(): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(core.getState(STATE_KEYS.inputs) || '{}')
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {}
  } catch {
    return {}
  }
}

/** A deployment run by SageMaker: it carries on without the runner, and its alarms must outlive the main step until it ends. */
export interface NativeDeployment {
  endpointName: string
  region: string
  /** The alarms the action created for it. */
  alarms: string[]
  /** The inference component whose rolling update it is; absent for an endpoint's deployment. */
  component?: string
}

/** The deployment this process left to SageMaker, whose alarms the post step deletes. */
export const nativeDeployment = new SavedPart('nativeDeployment')

/** An endpoint lock: its context's name and the token that says whose it is. */
export interface TakenLock {
  endpointName: string
  region: string
  name: string
  token: string
}

/** The endpoint lock the main step holds. */
export const takenLock = new SavedPart('lock')

/** What a deploy has created (or is creating) so far, while it has not ended. */
export interface UnfinishedDeploy {
  endpointName: string
  region: string
  models: string[]
  configs: string[]
}

/** What the deploy under way has created: the post step deletes what nothing runs on. */
export const unfinishedDeploy = new SavedPart('created')

/**
 * Autoscaling taken off variants for an update (a scaled variant cannot change instance type or go away), saved
 * before it comes off: AWS puts nothing back by itself
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/endpoint-scaling-update.html), and a run cancelled during the
 * update, minutes long, would leave the variant that serves with no autoscaling.
 */
export interface ScalingOff {
  endpointName: string
  region: string
  /** The config the update moves the endpoint to: only on it do the moves' destinations exist as planned. */
  targetConfig: string
  moves: ScalingMove[]
}

/** The autoscaling this process has taken off and not yet put back. */
export const scalingTakenOff = new SavedPart('scalingOff')

/** Work the main step leaves to the post step: while there is some, the post step holds the endpoint lock. */
export function leftForPostStep(): boolean {
  return [rolloutProgress, nativeDeployment, unfinishedDeploy, scalingTakenOff].some(
    (state) => state.current !== undefined
  )
}
