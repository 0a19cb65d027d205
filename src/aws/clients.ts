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
import { ACTION_NAME, ACTION_VERSION } from '../version.js'

export interface AwsClients {
  sagemaker: SageMakerClient
  runtime: SageMakerRuntimeClient
  autoscaling: ApplicationAutoScalingClient
  cloudwatch: CloudWatchClient
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

export function createAwsClients(region: string): AwsClients {
  const config = {
    region,
    customUserAgent: [[ACTION_NAME, ACTION_VERSION]] as [string, string][],
    ...RETRY_SETTINGS
  }
  return {
    sagemaker: new SageMakerClient(config),
    runtime: new SageMakerRuntimeClient({ ...config, ...PROBE_RETRY_SETTINGS }),
    autoscaling: new ApplicationAutoScalingClient(config),
    cloudwatch: new CloudWatchClient(config)
  }
}
