/**
 * Which invocation metrics SageMaker publishes for an endpoint, and how
 * often: what the gates, monitor and the dashboard read follows from both.
 *
 * A real-time endpoint publishes Invocations, Invocation4XXErrors,
 * Invocation5XXErrors, InvocationModelErrors, ModelLatency, OverheadLatency
 * and InvocationsPerInstance in AWS/SageMaker under EndpointName and
 * VariantName (https://docs.aws.amazon.com/sagemaker/latest/dg/monitoring-cloudwatch.html).
 * Invocation5XXErrors counts the requests "where the model returned a 5xx
 * HTTP response code"; a model that never answers does not return one.
 * InvocationModelErrors counts every request that "did not result in 2XX
 * HTTP response. This includes 4XX/5XX status codes, low-level socket errors,
 * malformed HTTP responses, and request timeouts". So the error rate counts
 * the 5XX errors and the requests left unanswered: InvocationModelErrors less
 * the 4XX and 5XX, which a model that hangs or drops its connections would
 * otherwise pass max-error-rate with. A period without InvocationModelErrors
 * counts its 5XX alone.
 *
 * An asynchronous endpoint (its config has an AsyncInferenceConfig) does not:
 * "Any metric not listed below is not published if the endpoint is enabled
 * for asynchronous inference. Such metrics include (but are not limited to):
 * OverheadLatency, Invocations, InvocationsPerInstance"
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/async-inference-monitor.html).
 * The same page lists what it does publish, in AWS/SageMaker:
 * - under EndpointName and VariantName: Invocation4XXErrors,
 *   Invocation5XXErrors and ModelLatency (microseconds; "the same as the
 *   metrics published for real-time endpoints"), InvocationFailures ("If an
 *   invocation fails for any reason"), InvocationsProcesssed ("Number of async
 *   invocations processed by the endpoint"), TimeInBacklog, TotalProcessingTime
 *   (milliseconds), RequestDownloadFailures, ResponseUploadFailures,
 *   NotificationFailures, RequestDownloadLatency, ResponseUploadLatency and
 *   ExpiredRequests;
 * - under EndpointName alone (the queue is the endpoint's, not a variant's):
 *   ApproximateBacklogSize, ApproximateBacklogSizePerInstance and
 *   ApproximateAgeOfOldestRequest, and HasBacklogWithoutCapacity
 *   (https://docs.aws.amazon.com/sagemaker/latest/dg/async-inference-autoscale.html).
 * So an asynchronous variant is judged on the requests it processed
 * (InvocationsProcessed), those that failed for any reason
 * (InvocationFailures) and its ModelLatency. AWS's page spells the count
 * InvocationsProcesssed, with three s; code that reads it from CloudWatch
 * spells it InvocationsProcessed. AWS does not say which is published, so both
 * are read and each period takes the larger: whichever SageMaker publishes is
 * counted, and never twice. Whether InvocationsProcessed counts the failed
 * requests too is not said either: the error rate takes it as the count of
 * every request processed, failed ones included, the reading under which a
 * rate is never understated (failures over the larger of the two).
 *
 * How often: MetricsConfig.MetricPublishFrequencyInSeconds (10, 30, 60, 120,
 * 180, 240 or 300; default 60) applies to invocation metrics only with
 * EnableEnhancedMetrics; without it "invocation metrics continue to be
 * published at the default 60-second interval"
 * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_MetricsConfig.html).
 * AWS documents enhanced metrics for real-time endpoints
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/monitoring-cloudwatch-enhanced-metrics.html)
 * and says nothing of asynchronous ones. Reading at a period that is a whole
 * number of the published ones is right whichever is true, so an asynchronous
 * endpoint with enhanced metrics is read at the larger of its frequency and a
 * minute: 60 s holds whole 10 and 30 s datapoints, and 120 to 300 s are whole
 * minutes.
 */
import type { DescribeEndpointConfigCommandOutput as EndpointConfig } from '@aws-sdk/client-sagemaker'

/** What an endpoint's invocation metrics are and how often they come: the gates read by it. */
export interface MetricsSource {
  /** An asynchronous endpoint publishes its own set of invocation metrics (see above). */
  asynchronous: boolean
  /** How long one published datapoint is: the shortest period the metrics can honestly be read at. */
  periodSeconds: number
}

/** A real-time endpoint without enhanced metrics: one-minute datapoints of Invocations and the rest. */
export const REAL_TIME_MINUTES: MetricsSource = { asynchronous: false, periodSeconds: 60 }

/** The frequencies MetricsConfig takes (API_MetricsConfig). */
export const PUBLISH_FREQUENCIES = [10, 30, 60, 120, 180, 240, 300] as const

/** The metrics an endpoint config's endpoint publishes, and their period. */
export function metricsSourceOf(
  config: Partial<Pick<EndpointConfig, 'EndpointConfigName' | 'AsyncInferenceConfig' | 'MetricsConfig'>> | undefined
): MetricsSource {
  const asynchronous = Boolean(config?.AsyncInferenceConfig)
  const metrics = config?.MetricsConfig
  const frequency = metrics?.EnableEnhancedMetrics ? (metrics.MetricPublishFrequencyInSeconds ?? 60) : 60
  if (!(PUBLISH_FREQUENCIES as readonly number[]).includes(frequency)) {
    throw new Error(
      `Endpoint config "${config?.EndpointConfigName}" has MetricPublishFrequencyInSeconds ${frequency}, which SageMaker does not take (${PUBLISH_FREQUENCIES.join(', ')}).`
    )
  }
  return { asynchronous, periodSeconds: asynchronous ? Math.max(frequency, 60) : frequency }
}

/** The invocation metrics an asynchronous endpoint does not publish, which an alarm on it would wait for in vain. */
export const UNPUBLISHED_WHEN_ASYNCHRONOUS = ['Invocations', 'InvocationsPerInstance', 'OverheadLatency'] as const

/** The metric names that count a variant's requests: each period takes the larger (see above). */
export function requestMetricNames(source: MetricsSource): string[] {
  return source.asynchronous ? ['InvocationsProcesssed', 'InvocationsProcessed'] : ['Invocations']
}

/** A real-time endpoint's count of every request that did not end in a 2XX (see above). */
export const MODEL_ERRORS_METRIC = 'InvocationModelErrors'

/** The metric that counts the requests the error rate counts as errors. */
export function errorMetricName(source: MetricsSource): string {
  return source.asynchronous ? 'InvocationFailures' : 'Invocation5XXErrors'
}

/**
 * How the judged errors and requests read in a sentence: "3 5XX of 12", "3 5XX or unanswered of 12 (2
 * unanswered)", "3 failed of 12 processed".
 */
export function errorsOf(source: MetricsSource, errors: number, requests: number, unanswered = 0): string {
  if (source.asynchronous) return `${errors} failed of ${requests} processed`
  return unanswered > 0
    ? `${errors} 5XX or unanswered of ${requests} (${unanswered} unanswered)`
    : `${errors} 5XX of ${requests}`
}

/** What the error rate is a rate of, in words. */
export function errorRateWords(source: MetricsSource): string {
  return source.asynchronous
    ? 'failure rate (InvocationFailures / InvocationsProcessed)'
    : 'rate of 5XX and unanswered requests'
}

/** A period's length in words: "minute", "10 s period". */
export function periodWords(source: MetricsSource): string {
  return source.periodSeconds === 60 ? 'minute' : `${source.periodSeconds} s period`
}
