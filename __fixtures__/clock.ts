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

  /** Moves time forward, running each timer it passes at its own time, in order. */
  advance(ms: number): void {
    const until = this.current + Math.max(0, ms)
    for (;;) {
      const due = this.timers.filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at)[0]
      if (!due) break
      this.timers.splice(this.timers.indexOf(due), 1)
      this.current = Math.max(this.current, due.at)
      due.action()
    }
    this.current = until
  }

  /** Runs `action` once fake time reaches `now() + ms` (to flip an alarm mid-rollout, say). */
  at(ms: number, action: () => void): void {
    this.timers.push({ at: this.current + ms, action })
  }

  get sleptMs(): number {
    return this.sleeps.reduce((sum, ms) => sum + ms, 0)
  }
}
