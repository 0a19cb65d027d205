/**
 * Saved state for the post step: while a rollout has the endpoint off its
 * previous config, the state says how to put it back. A cancelled workflow
 * (SIGINT, then SIGTERM, then a kill) leaves the post step to finish the job.
 */
import * as core from '@actions/core'
import type { HeldCapacity } from './scaling.js'

export const STATE_KEYS = {
  isPost: 'isPost',
  rollout: 'rollout',
  /** The main step's common inputs (endpoint, region, timeout), for the post step's settings. */
  inputs: 'inputs',
  /** A deployment SageMaker runs, whose alarms the post step deletes once it has ended. */
  nativeDeployment: 'nativeDeployment',
  /** The endpoint lock the main step holds: left to the post step when it has work to finish. */
  lock: 'lock',
  /** What an unfinished deploy created: the post step deletes what nothing runs on. */
  created: 'created'
} as const

export interface InFlightRollout {
  endpointName: string
  region: string
  /** Where the endpoint must return if the rollout does not finish. */
  previousConfig: string
  /** The config with old and new variants side by side. */
  canaryConfig: string
  newVariant: string
  /** The old variants' weights before the rollout, to restore at once on cancel. */
  previousWeights: Record<string, number>
  /** The serving variants' capacity and suspended scale-in, to give back. */
  heldCapacity?: HeldCapacity[]
  startedAt: string
}

/**
 * One thing the main step leaves the post step. Saved state is readable only
 * in the post step, so the main step keeps its own copy too: the signal
 * handler must act on it within seconds.
 */
export class SavedState<T> {
  private value: T | undefined

  constructor(
    private readonly key: string,
    /** What it is, for a warning about an unreadable saved value. */
    private readonly what: string
  ) {}

  save(value: T): void {
    this.value = value
    core.saveState(this.key, JSON.stringify(value))
  }

  /** Nothing left for the post step. */
  clear(): void {
    this.value = undefined
    core.saveState(this.key, '')
  }

  /** What this process saved and has not cleared. */
  get current(): T | undefined {
    return this.value
  }

  /** What the main step saved, read in the post step. */
  read(): T | undefined {
    const raw = core.getState(this.key)
    if (!raw) return undefined
    try {
      return JSON.parse(raw) as T
    } catch {
      core.warning(`Saved ${this.what} state is unreadable and was ignored: ${raw.slice(0, 200)}`)
      return undefined
    }
  }
}

/** The rollout under way: how to put the endpoint back. */
export const inFlightRollout = new SavedState<InFlightRollout>(STATE_KEYS.rollout, 'rollout')

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
}

/** The deployment this process left to SageMaker, whose alarms the post step deletes. */
export const nativeDeployment = new SavedState<NativeDeployment>(STATE_KEYS.nativeDeployment, 'deployment')

/** An endpoint lock: its context's name and the token that says whose it is. */
export interface HeldLock {
  endpointName: string
  region: string
  name: string
  token: string
}

/** The endpoint lock the main step holds. */
export const heldLock = new SavedState<HeldLock>(STATE_KEYS.lock, 'lock')

/** What a deploy has created (or is creating) so far, while it has not ended. */
export interface UnfinishedDeploy {
  endpointName: string
  region: string
  models: string[]
  configs: string[]
}

/** What the deploy under way has created: the post step deletes what nothing runs on. */
export const unfinishedDeploy = new SavedState<UnfinishedDeploy>(STATE_KEYS.created, 'created resources')

/** Work the main step leaves to the post step: while there is some, the post step holds the endpoint lock. */
export function leftForPostStep(): boolean {
  return [inFlightRollout, nativeDeployment, unfinishedDeploy].some((state) => state.current !== undefined)
}
