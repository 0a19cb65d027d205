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

/** The rollout this process is running, for the signal handler: it must act within seconds. */
let running: InFlightRollout | undefined

export function saveInFlightRollout(rollout: InFlightRollout): void {
  running = rollout
  core.saveState(STATE_KEYS.rollout, JSON.stringify(rollout))
}

/** The rollout ended one way or another (succeeded, paused, rolled back): nothing for the post step. */
export function clearInFlightRollout(): void {
  if (!running) return
  running = undefined
  core.saveState(STATE_KEYS.rollout, '')
}

export function runningRollout(): InFlightRollout | undefined {
  return running
}

export function readInFlightRollout(): InFlightRollout | undefined {
  return readSaved<InFlightRollout>(STATE_KEYS.rollout, 'rollout')
}

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

/** The deployment this process left to SageMaker: saved state is only readable in the post step. */
let nativeRunning: NativeDeployment | undefined

export function saveNativeDeployment(deployment: NativeDeployment): void {
  nativeRunning = deployment
  core.saveState(STATE_KEYS.nativeDeployment, JSON.stringify(deployment))
}

export function clearNativeDeployment(): void {
  nativeRunning = undefined
  core.saveState(STATE_KEYS.nativeDeployment, '')
}

export function runningNativeDeployment(): NativeDeployment | undefined {
  return nativeRunning
}

export function readNativeDeployment(): NativeDeployment | undefined {
  return readSaved<NativeDeployment>(STATE_KEYS.nativeDeployment, 'deployment')
}

/** An endpoint lock: its context's name and the token that says whose it is. */
export interface HeldLock {
  endpointName: string
  region: string
  name: string
  token: string
}

export function saveHeldLock(lock: HeldLock): void {
  core.saveState(STATE_KEYS.lock, JSON.stringify(lock))
}

export function clearHeldLock(): void {
  core.saveState(STATE_KEYS.lock, '')
}

export function readHeldLock(): HeldLock | undefined {
  return readSaved<HeldLock>(STATE_KEYS.lock, 'lock')
}

/** What a deploy has created (or is creating) so far, while it has not ended. */
export interface UnfinishedDeploy {
  endpointName: string
  region: string
  models: string[]
  configs: string[]
}

let unfinished: UnfinishedDeploy | undefined

export function saveUnfinishedDeploy(deploy: UnfinishedDeploy): void {
  unfinished = deploy
  core.saveState(STATE_KEYS.created, JSON.stringify(deploy))
}

/** The deploy ended where nothing is left for the post step to delete. */
export function clearUnfinishedDeploy(): void {
  unfinished = undefined
  core.saveState(STATE_KEYS.created, '')
}

export function unfinishedDeploy(): UnfinishedDeploy | undefined {
  return unfinished
}

export function readUnfinishedDeploy(): UnfinishedDeploy | undefined {
  return readSaved<UnfinishedDeploy>(STATE_KEYS.created, 'created resources')
}

/** Work the main step leaves to the post step: while there is some, the post step holds the endpoint lock. */
export function leftForPostStep(): boolean {
  return running !== undefined || nativeRunning !== undefined || unfinished !== undefined
}

function readSaved<T>(key: string, what: string): T | undefined {
  const raw = core.getState(key)
  if (!raw) return undefined
  try {
    return JSON.parse(raw) as T
  } catch {
    core.warning(`Saved ${what} state is unreadable and was ignored: ${raw.slice(0, 200)}`)
    return undefined
  }
}
