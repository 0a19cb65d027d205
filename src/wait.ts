/**
 * Waiting for SageMaker endpoint transitions. Polls DescribeEndpoint quickly at
 * first (an emulator or a weight change settles in seconds), then backs off to
 * spare the control plane's rate limits during a real ten-minute update. Every
 * status change is logged with the time elapsed.
 */
import * as core from '@actions/core'
import type { OperationContext } from './context.js'
import { findEndpoint, missingEndpoint, TRANSITIONAL_STATUSES, type Endpoint } from './endpoint.js'
import { formatDuration } from './parse.js'

const FAST_PHASE_MS = 10_000
const FAST_POLL_MS = 500
/** A weight change often settles within a couple of seconds: look closer then, so the next step is not kept waiting. */
const QUICK_PHASE_MS = 2_000
const QUICK_POLL_MS = 250
const FIRST_SLOW_POLL_MS = 2_000
const MAX_POLL_MS = 30_000
const BACKOFF_FACTOR = 1.5
/** A quiet wait still prints a line this often, so the log shows it is alive. */
const PROGRESS_EVERY_MS = 60_000

/** Delay before the next DescribeEndpoint, given how long the transition has run and the last delay. */
export function nextPollDelay(elapsedMs: number, previousDelayMs: number): number {
  if (elapsedMs + QUICK_POLL_MS <= QUICK_PHASE_MS) return QUICK_POLL_MS
  // The fast phase ends by FAST_PHASE_MS: its last poll must not spill past it.
  if (elapsedMs + FAST_POLL_MS <= FAST_PHASE_MS) return FAST_POLL_MS
  if (previousDelayMs < FIRST_SLOW_POLL_MS) return FIRST_SLOW_POLL_MS
  return Math.min(MAX_POLL_MS, Math.round(previousDelayMs * BACKOFF_FACTOR))
}

/** An endpoint that settled somewhere other than where it was asked to go. */
export class EndpointStateError extends Error {
  constructor(
    message: string,
    readonly endpoint: Endpoint | undefined
  ) {
    super(message)
    this.name = 'EndpointStateError'
  }
}

/** Called at every poll of a transition with the endpoint as seen; returns how soon it must be called again. */
export type WhileWaiting = (endpoint: Endpoint) => Promise<number>

export class WaitTimeoutError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'WaitTimeoutError'
  }
}

/**
 * Polls until the endpoint leaves every transitional status (or is gone, which
 * returns undefined). Throws WaitTimeoutError after `timeoutMs` (the `timeout`
 * input unless a caller needs longer).
 */
export async function waitForSettled(
  ctx: OperationContext,
  purpose: string,
  timeoutMs = ctx.settings.timeoutMs,
  expectedMs?: number,
  whileWaiting?: WhileWaiting
): Promise<Endpoint | undefined> {
  const { endpointName } = ctx
  return pollTransition(ctx, {
    read: () => findEndpoint(ctx, endpointName),
    status: (endpoint) => endpoint?.EndpointStatus ?? 'Deleted',
    transitional: TRANSITIONAL_STATUSES,
    describe: (_endpoint, status) => `Endpoint "${endpointName}" is ${status}`,
    purpose,
    timeoutMs,
    left: (status, elapsed) => timeLeft(status, elapsed, expectedMs),
    ...(whileWaiting ? { whileWaiting } : {}),
    stillAfterTimeout: (status) => `Endpoint "${endpointName}" was still ${status}`
  })
}

/** One resource's transition, as pollTransition watches it. */
export interface Transition<T> {
  read: () => Promise<T | undefined>
  /** Its status; what a resource that is gone reads as. */
  status: (item: T | undefined) => string
  transitional: readonly string[]
  /** The start of a progress line: what it is, and its status. */
  describe: (item: T | undefined, status: string) => string
  purpose: string
  timeoutMs: number
  /** What is left of the transition, in words, when it can be told. */
  left?: (status: string, elapsedMs: number) => string
  /** Work that must go on during the transition (judging SageMaker's deployment) says when it is next due. */
  whileWaiting?: (item: T) => Promise<number>
  /** The start of the timeout's message: "Endpoint "x" was still Updating". */
  stillAfterTimeout: (status: string) => string
}

/**
 * Polls a resource until it leaves its transitional statuses (or is gone:
 * undefined), logging each status change and, in a quiet wait, a line a
 * minute. Throws WaitTimeoutError after `timeoutMs`.
 */
export async function pollTransition<T>(ctx: OperationContext, transition: Transition<T>): Promise<T | undefined> {
  const { clock } = ctx
  const { purpose, timeoutMs } = transition
  const started = clock.now()
  let lastStatus = ''
  let lastLogAt = started
  let delay = 0
  for (;;) {
    const item = await transition.read()
    const status = transition.status(item)
    const elapsed = clock.now() - started
    if (status !== lastStatus || clock.now() - lastLogAt >= PROGRESS_EVERY_MS) {
      const left = transition.left?.(status, elapsed) ?? ''
      core.info(
        `${transition.describe(item, status)} (${formatDuration(elapsed)} into ${purpose}${left})${status === lastStatus ? ', still waiting' : ''}`
      )
      lastStatus = status
      lastLogAt = clock.now()
    }
    if (!item || !transition.transitional.includes(status)) return item
    delay = nextPollDelay(elapsed, delay)
    const dueInMs = transition.whileWaiting ? await transition.whileWaiting(item) : Infinity
    delay = Math.max(0, Math.min(delay, dueInMs))
    if (clock.now() + delay > started + timeoutMs) {
      throw new WaitTimeoutError(
        `${transition.stillAfterTimeout(status)} after ${formatDuration(timeoutMs)} (input "timeout") waiting for ${purpose}. SageMaker carries on with it; nothing more was changed.`
      )
    }
    await clock.sleep(delay)
  }
}

/** What is left of a transition, against what it was expected to take. */
export function timeLeft(status: string, elapsedMs: number, expectedMs: number | undefined): string {
  if (expectedMs === undefined || !TRANSITIONAL_STATUSES.includes(status)) return ''
  const left = expectedMs - elapsedMs
  const expected = formatDuration(expectedMs)
  if (left <= 0) return `; longer than the ${expected} expected`
  // Whole minutes: a countdown in seconds would promise a precision no estimate has.
  if (left < 60_000) return `; under a minute left of the ${expected} expected`
  return `; about ${formatDuration(Math.ceil(left / 60_000) * 60_000)} left of the ${expected} expected`
}

/**
 * Waits for an update or creation to finish and checks it landed: InService on
 * `expectedConfig`. SageMaker rolls a failed update back to the old config and
 * reports InService, so "InService" alone does not mean success.
 */
export async function waitForInService(
  ctx: OperationContext,
  expectedConfig: string,
  purpose: string,
  timeoutMs = ctx.settings.timeoutMs,
  expectedMs?: number,
  whileWaiting?: WhileWaiting
): Promise<Endpoint> {
  const { endpointName } = ctx
  const endpoint = await waitForSettled(ctx, purpose, timeoutMs, expectedMs, whileWaiting)
  if (!endpoint) {
    throw new EndpointStateError(`Endpoint "${endpointName}" disappeared during ${purpose}.`, undefined)
  }
  const reason = endpoint.FailureReason ? ` FailureReason: ${endpoint.FailureReason}` : ''
  if (endpoint.EndpointStatus !== 'InService') {
    throw new EndpointStateError(
      `Endpoint "${endpointName}" ended ${endpoint.EndpointStatus} during ${purpose}.${reason}`,
      endpoint
    )
  }
  if (endpoint.EndpointConfigName !== expectedConfig) {
    throw new EndpointStateError(
      `SageMaker did not complete ${purpose} and restored the endpoint: "${endpointName}" is InService on "${endpoint.EndpointConfigName}", not "${expectedConfig}".${reason}`,
      endpoint
    )
  }
  return endpoint
}

/**
 * An endpoint can only be changed from InService: wait out another run's (or
 * SageMaker's own) transition first, and refuse a Failed endpoint outright.
 */
export async function waitUntilUpdatable(ctx: OperationContext): Promise<Endpoint | undefined> {
  const { endpointName } = ctx
  const endpoint = await findEndpoint(ctx, endpointName)
  if (!endpoint) return undefined
  let settled: Endpoint | undefined = endpoint
  if (TRANSITIONAL_STATUSES.includes(endpoint.EndpointStatus ?? '')) {
    core.info(`Endpoint "${endpointName}" is ${endpoint.EndpointStatus}; waiting for it to finish before changing it.`)
    settled = await waitForSettled(ctx, `the endpoint's ${endpoint.EndpointStatus} to finish`)
  }
  if (settled && settled.EndpointStatus !== 'InService') {
    // "DeleteEndpoint is the only operation that can be performed on a failed endpoint" (API_DescribeEndpoint).
    const remedy =
      settled.EndpointStatus === 'Failed'
        ? ' SageMaker allows nothing on a failed endpoint but its deletion: delete it (operation: delete), then deploy.'
        : ''
    throw new EndpointStateError(
      `Endpoint "${endpointName}" is ${settled.EndpointStatus} and cannot be updated.${
        settled.FailureReason ? ` FailureReason: ${settled.FailureReason}` : ''
      }${remedy}`,
      settled
    )
  }
  return settled
}

/** As waitUntilUpdatable, for operations that need the endpoint to exist. */
export async function requireUpdatable(ctx: OperationContext): Promise<Endpoint> {
  const endpoint = await waitUntilUpdatable(ctx)
  if (!endpoint) throw missingEndpoint(ctx)
  return endpoint
}
