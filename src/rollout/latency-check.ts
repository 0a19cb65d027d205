/**
 * Whether the latency gates can be judged at all, looked at before any change.
 *
 * `max-latency-p99` and `max-latency-p99-increase` read ModelLatency's p99.
 * AWS's metric table lists ModelLatency's statistics as Average, Sum, Min, Max
 * and Sample Count only
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/monitoring-cloudwatch.html),
 * and CloudWatch computes a percentile only from raw values, never from a
 * statistic set whose samples differ
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricStatistics.html).
 * AWS does not say how SageMaker publishes it, so the action takes the safer
 * reading and looks: were p99 not served, every latency gate would be
 * inconclusive and every rollout rolled back, with no word on why.
 */
import type { OperationContext } from '../context.js'
import type { MetricsSource } from '../invocation-metrics.js'
import { alignedWindow, fetchVariantMetrics } from '../metrics.js'
import { InputError } from '../parse.js'
import type { GateSettings } from '../settings.js'

/** How far back the serving variant's traffic is looked at. */
export const LATENCY_CHECK_WINDOW_MS = 60 * 60_000

/**
 * Refuses the latency gates when the serving variant took traffic in the last
 * hour and CloudWatch served no p99 of its ModelLatency. A variant with no
 * traffic proves nothing either way, and is let through: its rollout's own
 * minutes are judged as they come.
 */
export async function refuseUnservedLatencyPercentile(
  ctx: OperationContext,
  gates: GateSettings,
  servingVariant: string,
  source: MetricsSource
): Promise<void> {
  const input =
    gates.maxLatencyP99Ms !== undefined
      ? 'max-latency-p99'
      : gates.maxLatencyP99Increase !== undefined
        ? 'max-latency-p99-increase'
        : undefined
  if (!input) return
  // What the endpoint publishes (an asynchronous one has no Invocations), in whole periods of it.
  const periodSeconds = Math.max(60, source.periodSeconds)
  const { start, end } = alignedWindow(ctx.clock.now(), LATENCY_CHECK_WINDOW_MS, periodSeconds)
  const result = await fetchVariantMetrics(ctx, {
    endpointName: ctx.endpointName,
    variants: [servingVariant],
    start,
    end,
    periodSeconds,
    source
  })
  const serving = result.variants[0]
  if (!serving || serving.invocations === 0 || serving.latencyP99Ms !== undefined) return
  const published =
    serving.latencyAverageMs === undefined
      ? 'and no ModelLatency at all'
      : `and ModelLatency's average (${serving.latencyAverageMs.toFixed(1)} ms) but not its p99`
  throw new InputError(
    input,
    `cannot be judged on endpoint "${ctx.endpointName}": its serving variant "${servingVariant}" took ${serving.invocations} requests in the last hour, ${published}, so CloudWatch serves this endpoint no p99 and every latency gate would be inconclusive; nothing was changed. Remove ${input} and name a CloudWatch alarm on ModelLatency's Average or Maximum in alarm-names instead`
  )
}
