/** How far back CloudWatch serves metrics at each period: what a read may ask for and get an answer. */
const MINUTE_MS = 60_000
const HOUR_MS = 60 * MINUTE_MS
const DAY_MS = 24 * HOUR_MS

/**
 * How far back CloudWatch serves datapoints of a period: "If the StartTime
 * parameter specifies a time stamp that is greater than 3 hours ago, you must
 * specify the period as follows or no data points in that time range is
 * returned": a multiple of 60 s up to 15 days ago, of 300 s up to 63 days, of
 * 3600 s beyond (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_MetricStat.html);
 * and it keeps hourly data for 455 days.
 */
export function servedForMs(periodSeconds: number): number {
  if (periodSeconds % 3600 === 0) return 455 * DAY_MS
  if (periodSeconds % 300 === 0) return 63 * DAY_MS
  if (periodSeconds % 60 === 0) return 15 * DAY_MS
  return 3 * HOUR_MS
}

/** The shortest period that reads data starting `ageMs` ago, or undefined beyond CloudWatch's 455 days. */
export function shortestServedPeriod(ageMs: number): number | undefined {
  return [1, 60, 300, 3600].find((period) => ageMs <= servedForMs(period))
}

/**
 * The shortest period, a whole number of an endpoint's `publishedSeconds` datapoints, that CloudWatch still serves
 * for data `ageMs` old; undefined beyond its 455 days.
 */
export function servedPeriodFor(publishedSeconds: number, ageMs: number): number | undefined {
  const needed = shortestServedPeriod(ageMs)
  if (needed === undefined) return undefined
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b))
  return (publishedSeconds * needed) / gcd(publishedSeconds, needed)
}

/**
 * The earliest start, on a period boundary, of data CloudWatch still serves at `periodSeconds` at `nowMs`: a
 * period later than the limit, so that a read is never refused for a second's drift.
 */
export function servedSince(nowMs: number, periodSeconds: number): number {
  const periodMs = periodSeconds * 1000
  return Math.ceil((nowMs - servedForMs(periodSeconds)) / periodMs) * periodMs + periodMs
}
