/**
 * Time as the action sees it. Everything that waits takes a Clock, so tests
 * can run a thirty-minute rollout in milliseconds.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number
  sleep(ms: number): Promise<void>
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)))
}
