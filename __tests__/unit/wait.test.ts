import { describe, expect, it } from '@jest/globals'
import { nextPollDelay } from '../../src/wait.js'

/** The delays a transition of `durationMs` sees, poll after poll. */
function schedule(durationMs: number): Array<{ at: number; delay: number }> {
  const polls: Array<{ at: number; delay: number }> = []
  let elapsed = 0
  let delay = 0
  while (elapsed < durationMs) {
    delay = nextPollDelay(elapsed, delay)
    polls.push({ at: elapsed, delay })
    elapsed += delay
  }
  return polls
}

describe('polling DescribeEndpoint during a transition', () => {
  const polls = schedule(10 * 60_000)

  it('looks closely in the first seconds, when a weight change settles', () => {
    expect(polls.filter((poll) => poll.at < 2_000).every((poll) => poll.delay === 250)).toBe(true)
    expect(polls.filter((poll) => poll.at >= 2_000 && poll.at < 9_500).every((poll) => poll.delay === 500)).toBe(true)
  })

  it('never polls more often than every 2 s after the first 10 s, backing off to 30 s', () => {
    const late = polls.filter((poll) => poll.at + poll.delay > 10_000)
    expect(Math.min(...late.map((poll) => poll.delay))).toBe(2_000)
    expect(late.map((poll) => poll.delay).slice(0, 5)).toEqual([2_000, 3_000, 4_500, 6_750, 10_125])
    expect(Math.max(...late.map((poll) => poll.delay))).toBe(30_000)
  })

  it('spends few calls on a ten-minute update', () => {
    expect(polls.length).toBeLessThan(50)
  })
})
