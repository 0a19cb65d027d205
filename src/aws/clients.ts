/**
 * The one place AWS clients are made: region, user agent and retry policy are
 * set here. Endpoint overrides (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_SAGEMAKER, ...)
 * are left to the SDK, which reads them itself, so the action can be pointed at
 * an emulator without inputs of its own.
 */
import { ApplicationAutoScalingClient } from '@aws-sdk/client-application-auto-scaling'
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch'
import { SageMakerClient } from '@aws-sdk/client-sagemaker'
import { SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime'
import type { S3Client } from '@aws-sdk/client-s3'
import { AdaptiveRetryStrategy } from '@smithy/core/retry'
import type { RetryErrorInfo, RetryStrategyV2, RetryToken } from '@smithy/types'
import { ACTION_NAME, ACTION_VERSION } from '../version.js'

export interface AwsClients {
  sagemaker: SageMakerClient
  /** For UpdateEndpoint and UpdateEndpointWeightsAndCapacities only: retries throttles, nothing else (below). */
  sagemakerChanges: SageMakerClient
  runtime: SageMakerRuntimeClient
  autoscaling: ApplicationAutoScalingClient
  cloudwatch: CloudWatchClient
  /** S3, loaded on first use: only probes that replay captured requests read it, and no other run pays for it. */
  s3: () => Promise<S3Client>
}

/**
 * SageMaker's control plane throttles at a few calls per second per account,
 * and a rollout polls for many minutes: adaptive retries back off (with jitter)
 * as throttling rises instead of failing the deploy on a busy account.
 */
export const RETRY_SETTINGS = { maxAttempts: 10, retryMode: 'adaptive' } as const

/**
 * Probes measure the model, and the SDK never retries the model's own answer:
 * a ModelError (the container failed, HTTP 424), a validation error or a slow
 * reply comes back on the first attempt whatever the limit. What it does retry,
 * a throttle or SageMaker's own 5xx, turned the request away before it reached
 * the model and says nothing about the new variant, so a probe gets the same
 * patience as the control plane; with only 3 attempts a busy account's
 * throttling would roll back a healthy model. Standard mode: the adaptive rate
 * limiter would hold a probe back behind other callers' throttles.
 */
export const PROBE_RETRY_SETTINGS = { maxAttempts: RETRY_SETTINGS.maxAttempts, retryMode: 'standard' } as const

/**
 * A change to an endpoint is never re-sent blindly. The SDK retries a request
 * whose answer was lost (a 5xx, a dropped connection) as it was: if the first
 * attempt started an UpdateEndpoint and the update ended before the retry
 * arrived, the retry is accepted and SageMaker provisions the whole fleet a
 * second time (every UpdateEndpoint deploys a new fleet:
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_UpdateEndpoint.html).
 * So the client for changes retries only throttles, which AWS refused before
 * acting on them; any other failure reaches update.ts, which asks
 * DescribeEndpoint whether the change landed before sending it again.
 */
export function retryingThrottlesOnly(inner: RetryStrategyV2): RetryStrategyV2 {
  return {
    acquireInitialRetryToken: (scope: string) => inner.acquireInitialRetryToken(scope),
    refreshRetryTokenForRetry: (token: RetryToken, errorInfo: RetryErrorInfo) =>
      errorInfo.errorType === 'THROTTLING'
        ? inner.refreshRetryTokenForRetry(token, errorInfo)
        : // The SDK answers a refused retry by throwing the request's own error.
          Promise.reject(new Error(`not retried: ${errorInfo.errorType}`)),
    recordSuccess: (token: RetryToken) => inner.recordSuccess(token)
  }
}

export function createAwsClients(region: string): AwsClients {
  let s3: Promise<S3Client> | undefined
  const config = {
    region,
    customUserAgent: [[ACTION_NAME, ACTION_VERSION]] as [string, string][],
    ...RETRY_SETTINGS
  }
  return {
    sagemaker: new SageMakerClient(config),
    sagemakerChanges: new SageMakerClient({
      ...config,
      retryStrategy: retryingThrottlesOnly(new AdaptiveRetryStrategy(async () => RETRY_SETTINGS.maxAttempts))
    }),
    runtime: new SageMakerRuntimeClient({ ...config, ...PROBE_RETRY_SETTINGS }),
    autoscaling: new ApplicationAutoScalingClient(config),
    cloudwatch: new CloudWatchClient(config),
    s3: () =>
      (s3 ??= import('@aws-sdk/client-s3').then(
        // An S3-compatible endpoint of one's own (an emulator) answers paths, not a bucket's own host name.
        ({ S3Client }) =>
          new S3Client({
            ...config,
            forcePathStyle: Boolean(process.env.AWS_ENDPOINT_URL_S3 ?? process.env.AWS_ENDPOINT_URL)
          })
      ))
  }
}
