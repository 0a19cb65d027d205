/**
 * The statistics behind the baseline comparisons (max-error-rate-increase,
 * max-latency-p99-increase). Each comparison has three answers: the data shows
 * the new variant worse than the margin (failed), shows it within the margin
 * (passed), or cannot tell yet (inconclusive). A canary judged on a handful of
 * requests must come out inconclusive, not passed.
 *
 * - Error rates are counts: the difference of two proportions, bounded with
 *   Newcombe's hybrid score interval (method 10 in Newcombe, "Interval
 *   estimation for the difference between independent proportions", Statistics
 *   in Medicine 17, 1998). It is built from Wilson score intervals, so it stays
 *   honest at zero errors and at small counts, where the textbook Wald interval
 *   claims certainty it does not have.
 * - Latency comes as one p99 per minute: no distribution to pool, a few values
 *   that are far from normal. The Mann-Whitney U test compares them by rank
 *   alone (as Netflix's Kayenta canary judge does), exactly for small samples
 *   and with the normal approximation and a tie correction beyond.
 */

export type ComparisonVerdict = 'passed' | 'failed' | 'inconclusive'

/** Φ⁻¹(p): Acklam's rational approximation, relative error below 1.2e-9 over (0, 1). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new Error(`normalQuantile needs 0 < p < 1; got ${p}`)
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239
  ]
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572]
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783
  ]
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416]
  const low = 0.02425
  const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number]
  const [b0, b1, b2, b3, b4] = b as [number, number, number, number, number]
  const [c0, c1, c2, c3, c4, c5] = c as [number, number, number, number, number, number]
  const [d0, d1, d2, d3] = d as [number, number, number, number]
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p))
    return (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1)
  }
  if (p > 1 - low) return -normalQuantile(1 - p)
  const q = p - 0.5
  const r = q * q
  return (
    ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) /
    (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1)
  )
}

/** Φ(x), from the complementary error function (Numerical Recipes' erfc, fractional error below 1.2e-7). */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2
  const t = 1 / (1 + 0.5 * z)
  const erfc =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))))
    )
  return x >= 0 ? 1 - erfc / 2 : erfc / 2
}

/** Wilson's score interval for a proportion of `successes` in `trials`, at the normal quantile `z`. */
export function wilsonInterval(successes: number, trials: number, z: number): [number, number] {
  if (trials <= 0) return [0, 1]
  const p = successes / trials
  const z2 = z * z
  const denominator = 1 + z2 / trials
  const centre = (p + z2 / (2 * trials)) / denominator
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator
  return [Math.max(0, centre - half), Math.min(1, centre + half)]
}

export interface ErrorRateComparison {
  verdict: ComparisonVerdict
  newRate: number
  baselineRate: number
  /** Bounds of newRate - baselineRate, each one-sided at the confidence asked. */
  lower: number
  upper: number
}

/**
 * Is the new variant's error rate more than `margin` above the baseline's?
 * Failed when even the difference's lower bound exceeds the margin, passed
 * when its upper bound does not, inconclusive in between.
 */
export function compareErrorRates(input: {
  newErrors: number
  newRequests: number
  baselineErrors: number
  baselineRequests: number
  margin: number
  confidence: number
}): ErrorRateComparison {
  const { newErrors, newRequests, baselineErrors, baselineRequests, margin, confidence } = input
  const newRate = newRequests > 0 ? newErrors / newRequests : 0
  const baselineRate = baselineRequests > 0 ? baselineErrors / baselineRequests : 0
  if (newRequests <= 0 || baselineRequests <= 0) {
    return { verdict: 'inconclusive', newRate, baselineRate, lower: -1, upper: 1 }
  }
  const z = normalQuantile(confidence)
  const [newLow, newHigh] = wilsonInterval(newErrors, newRequests, z)
  const [baseLow, baseHigh] = wilsonInterval(baselineErrors, baselineRequests, z)
  const difference = newRate - baselineRate
  const lower = difference - Math.sqrt((newRate - newLow) ** 2 + (baseHigh - baselineRate) ** 2)
  const upper = difference + Math.sqrt((newHigh - newRate) ** 2 + (baselineRate - baseLow) ** 2)
  const verdict: ComparisonVerdict = lower > margin ? 'failed' : upper <= margin ? 'passed' : 'inconclusive'
  return { verdict, newRate, baselineRate, lower, upper }
}

export interface RankTest {
  /** Mann-Whitney U of the first sample: pairs where it is larger, ties counting a half. */
  u: number
  /** P(U ≥ u) under the null hypothesis: small when the first sample is larger. */
  pGreater: number
  /** P(U ≤ u) under the null hypothesis: small when the first sample is smaller. */
  pLess: number
}

/** Samples this small get the exact null distribution (no ties); larger ones the normal approximation. */
const EXACT_LIMIT = 30

/** The Mann-Whitney U test of sample `x` against sample `y`, one-sided both ways. */
export function mannWhitney(x: number[], y: number[]): RankTest {
  const n = x.length
  const m = y.length
  if (n === 0 || m === 0) return { u: 0, pGreater: 1, pLess: 1 }
  let u = 0
  let ties = false
  for (const a of x) {
    for (const b of y) {
      if (a > b) u += 1
      else if (a === b) {
        u += 0.5
        ties = true
      }
    }
  }
  if (!ties && n <= EXACT_LIMIT && m <= EXACT_LIMIT) {
    const counts = exactUDistribution(n, m)
    const total = counts.reduce((sum, count) => sum + count, 0)
    const tail = (from: number, to: number): number => {
      let sum = 0
      for (let k = from; k <= to; k++) sum += counts[k] ?? 0
      return sum / total
    }
    return { u, pGreater: tail(u, n * m), pLess: tail(0, u) }
  }
  const mean = (n * m) / 2
  const ranks = rankWithTies([...x, ...y])
  const tieTerm = ranks.tieGroups.reduce((sum, size) => sum + (size ** 3 - size), 0)
  const variance = ((n * m) / 12) * (n + m + 1 - tieTerm / ((n + m) * (n + m - 1)))
  if (variance <= 0) return { u, pGreater: 1, pLess: 1 }
  const sd = Math.sqrt(variance)
  // Continuity correction: U moves in steps of a half or one.
  return { u, pGreater: 1 - normalCdf((u - mean - 0.5) / sd), pLess: normalCdf((u - mean + 0.5) / sd) }
}

/** How many arrangements of n and m values give each U, from 0 to n·m (the classic recurrence). */
function exactUDistribution(n: number, m: number): number[] {
  // ways[i][j][u]: arrangements of i x-values and j y-values with statistic u.
  let previous: number[][] = Array.from({ length: m + 1 }, () => [1])
  for (let i = 1; i <= n; i++) {
    const current: number[][] = [Array.from({ length: 1 }, () => 1)]
    for (let j = 1; j <= m; j++) {
      const size = i * j + 1
      const row = new Array<number>(size).fill(0)
      // The largest value is an x (beating all j y-values) or a y (beating nothing new).
      const withX = previous[j] ?? []
      const withY = current[j - 1] ?? []
      for (let k = 0; k < size; k++) row[k] = (k - j >= 0 ? (withX[k - j] ?? 0) : 0) + (withY[k] ?? 0)
      current.push(row)
    }
    previous = current
  }
  return previous[m] ?? [1]
}

function rankWithTies(values: number[]): { tieGroups: number[] } {
  const sorted = [...values].sort((a, b) => a - b)
  const tieGroups: number[] = []
  for (let i = 0; i < sorted.length;) {
    let j = i
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[i]) j++
    if (j > i) tieGroups.push(j - i + 1)
    i = j + 1
  }
  return { tieGroups }
}

export interface LatencyComparison {
  verdict: ComparisonVerdict
  /** Medians of the per-minute p99s, in ms. */
  newMedianMs: number
  baselineMedianMs: number
  /** The one-sided p-values behind the verdict. */
  pWorse: number
  pWithin: number
}

/**
 * Is the new variant's p99 more than `margin` (0.2 for 20%) above the
 * baseline's? Each baseline minute's p99 is raised by the margin, then the
 * rank test asks whether the new minutes sit above those (failed) or below
 * them (passed). Logarithms keep the margin a ratio.
 */
export function compareLatency(input: {
  newP99Ms: number[]
  baselineP99Ms: number[]
  margin: number
  confidence: number
}): LatencyComparison {
  const { newP99Ms, baselineP99Ms, margin, confidence } = input
  const newMedianMs = median(newP99Ms)
  const baselineMedianMs = median(baselineP99Ms)
  const positive = (values: number[]): number[] => values.filter((value) => value > 0)
  const x = positive(newP99Ms).map(Math.log)
  const y = positive(baselineP99Ms).map((value) => Math.log(value) + Math.log(1 + margin))
  const test = mannWhitney(x, y)
  // Strictly below, and clear of rounding: the most extreme of 20 orderings (p = 0.05) does not make 95%.
  const alpha = 1 - confidence - 1e-9
  const verdict: ComparisonVerdict = test.pGreater < alpha ? 'failed' : test.pLess < alpha ? 'passed' : 'inconclusive'
  return { verdict, newMedianMs, baselineMedianMs, pWorse: test.pGreater, pWithin: test.pLess }
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}
