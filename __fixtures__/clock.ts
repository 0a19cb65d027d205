import type { Clock } from '../src/clock.js'

/** A clock whose sleeps return at once and move time forward: a 30-minute rollout runs in milliseconds. */
export class FakeClock implements Clock {
  readonly sleeps: number[] = []
  private readonly timers: Array<{ at: number; action: () => void }> = []

  constructor(private current = Date.UTC(2026, 0, 15, 12, 0, 0)) {}

  now(): number {
    return this.current
  }

  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms)
    this.advance(ms)
  }

  advance(ms: number): void {
    this.current += Math.max(0, ms)
    for (const timer of [...this.timers]) {
      if (timer.at <= this.current) {
        this.timers.splice(this.timers.indexOf(timer), 1)
        timer.action()
      }
    }
  }

  /** Runs `action` once fake time reaches `now() + ms` (to flip an alarm mid-rollout, say). */
  at(ms: number, action: () => void): void {
    this.timers.push({ at: this.current + ms, action })
  }

  get sleptMs(): number {
    return this.sleeps.reduce((sum, ms) => sum + ms, 0)
  }
}
