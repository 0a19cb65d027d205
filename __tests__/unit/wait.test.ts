import { describe, expect, it } from '@jest/globals'
import { nextPollDelay, timeLeft } from '../../src/wait.js'

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

describe('the time left a long wait shows', () => {
  it('counts down in whole minutes against the estimate', () => {
    expect(timeLeft('Updating', 2 * 60_000 + 10_000, 10 * 60_000)).toBe('; about 8m left of the 10m expected')
  })

  it('never promises more time left than was expected in all', () => {
    expect(timeLeft('Updating', 0, 1_000)).toBe('; under a minute left of the 1s expected')
    expect(timeLeft('Updating', 20_000, 60_000)).toBe('; under a minute left of the 1m expected')
  })

  it('says when a change outlasts its estimate', () => {
    expect(timeLeft('Updating', 11 * 60_000, 10 * 60_000)).toBe('; longer than the 10m expected')
  })

  it('says nothing once the endpoint has settled, or without an estimate', () => {
    expect(timeLeft('InService', 0, 60_000)).toBe('')
    expect(timeLeft('Updating', 0, undefined)).toBe('')
  })
})
