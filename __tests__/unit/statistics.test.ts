/** The tests behind the baseline comparisons, checked against values worked out by hand or published in tables. */
import { describe, expect, it } from '@jest/globals'
import {
  compareErrorRates,
  compareLatency,
  mannWhitney,
  normalCdf,
  normalQuantile,
  wilsonInterval
} from '../../src/rollout/statistics.js'

describe('the normal distribution', () => {
  it.each([
    [0.5, 0],
    [0.95, 1.6448536],
    [0.975, 1.959964],
    [0.999, 3.0902323],
    [0.01, -2.3263479]
  ])('Φ⁻¹(%s) is %s', (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 5)
    expect(normalCdf(z)).toBeCloseTo(p, 6)
  })

  it('refuses probabilities outside (0, 1)', () => {
    expect(() => normalQuantile(1)).toThrow()
    expect(() => normalQuantile(0)).toThrow()
  })
})

describe('Wilson score interval', () => {
  it('is not a point at zero successes: 0 of 10 still allows about a quarter at 95%', () => {
    const [low, high] = wilsonInterval(0, 10, 1.959964)
    expect(low).toBe(0)
    // Newcombe (1998), table I: 0/10 gives 0 to 0.2775.
    expect(high).toBeCloseTo(0.2775, 3)
  })

  it('matches the published 15/148 interval (Newcombe 1998: 0.0624 to 0.1605)', () => {
    const [low, high] = wilsonInterval(15, 148, 1.959964)
    expect(low).toBeCloseTo(0.0624, 3)
    expect(high).toBeCloseTo(0.1605, 3)
  })
})

describe('compareErrorRates', () => {
  const base = { baselineErrors: 50, baselineRequests: 10_000, confidence: 0.95 }

  it('passes the same error rate on plenty of requests', () => {
    const test = compareErrorRates({ ...base, newErrors: 50, newRequests: 10_000, margin: 0.005 })
    expect(test.verdict).toBe('passed')
    expect(test.upper).toBeLessThan(0.005)
  })

  it('fails a rate clearly above baseline plus margin', () => {
    const test = compareErrorRates({ ...base, newErrors: 300, newRequests: 10_000, margin: 0.005 })
    expect(test.verdict).toBe('failed')
    expect(test.lower).toBeGreaterThan(0.005)
  })

  it('cannot tell from a handful of requests, even with no errors at all', () => {
    const test = compareErrorRates({ ...base, newErrors: 0, newRequests: 20, margin: 0.005 })
    expect(test.verdict).toBe('inconclusive')
  })

  it('cannot tell without traffic on either side', () => {
    expect(compareErrorRates({ ...base, newErrors: 0, newRequests: 0, margin: 0.01 }).verdict).toBe('inconclusive')
    expect(
      compareErrorRates({
        newErrors: 5,
        newRequests: 100,
        baselineErrors: 0,
        baselineRequests: 0,
        margin: 0.01,
        confidence: 0.95
      }).verdict
    ).toBe('inconclusive')
  })

  it('needs more evidence for more confidence', () => {
    const input = { ...base, newErrors: 80, newRequests: 10_000, margin: 0.001 }
    expect(compareErrorRates({ ...input, confidence: 0.9 }).verdict).toBe('failed')
    expect(compareErrorRates({ ...input, confidence: 0.999 }).verdict).toBe('inconclusive')
  })
})

describe('mannWhitney', () => {
  it('gives the exact tail for completely separated samples: 1 of C(8,4) = 70 orderings', () => {
    const test = mannWhitney([5, 6, 7, 8], [1, 2, 3, 4])
    expect(test.u).toBe(16)
    expect(test.pGreater).toBeCloseTo(1 / 70, 10)
    expect(test.pLess).toBe(1)
  })

  it('is symmetric: the same samples the other way round', () => {
    const test = mannWhitney([1, 2, 3, 4], [5, 6, 7, 8])
    expect(test.u).toBe(0)
    expect(test.pLess).toBeCloseTo(1 / 70, 10)
  })

  it('matches the exact distribution for n = 3, m = 5: P(U ≥ 12) = 7/56', () => {
    // U = 12, 13, 14, 15 arise from 3, 2, 1 and 1 of the C(8,3) = 56 orderings.
    const test = mannWhitney([4.5, 7.5, 8.5], [1, 2, 3, 5, 8])
    expect(test.u).toBe(12)
    expect(test.pGreater).toBeCloseTo(7 / 56, 10)
  })

  it('falls back to the normal approximation with ties', () => {
    const test = mannWhitney([2, 2, 3, 3, 4, 4], [1, 1, 2, 2, 3, 3])
    expect(test.pGreater).toBeGreaterThan(0)
    expect(test.pGreater).toBeLessThan(0.2)
    expect(test.pLess).toBeGreaterThan(0.8)
  })
})

describe('compareLatency', () => {
  const baseline = [100, 104, 98, 101, 103, 99, 102, 97]

  it('fails a new variant twice as slow against a 20% margin', () => {
    const test = compareLatency({
      newP99Ms: baseline.map((value) => value * 2),
      baselineP99Ms: baseline,
      margin: 0.2,
      confidence: 0.95
    })
    expect(test.verdict).toBe('failed')
    expect(test.newMedianMs).toBeCloseTo(201, 0)
  })

  it('passes a new variant as fast as the baseline', () => {
    const test = compareLatency({
      newP99Ms: [...baseline].reverse(),
      baselineP99Ms: baseline,
      margin: 0.2,
      confidence: 0.95
    })
    expect(test.verdict).toBe('passed')
  })

  it('cannot tell from three minutes of each: the most extreme ordering is still 1 in 20', () => {
    const test = compareLatency({
      newP99Ms: [100, 101, 99],
      baselineP99Ms: [100, 98, 102],
      margin: 0.2,
      confidence: 0.95
    })
    expect(test.verdict).toBe('inconclusive')
  })

  it('cannot tell a 10% slowdown from a 20% margin either way on noisy minutes', () => {
    const test = compareLatency({
      newP99Ms: [120, 95, 140, 100, 118],
      baselineP99Ms: [100, 120, 90, 110, 95],
      margin: 0.2,
      confidence: 0.95
    })
    expect(test.verdict).toBe('inconclusive')
  })
})
