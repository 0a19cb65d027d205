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

export function createAwsClients(region: string): AwsClients {
  const config = {
    region,
    customUserAgent: [[ACTION_NAME, ACTION_VERSION]] as [string, string][],
    ...RETRY_SETTINGS
  }
  return {
    sagemaker: new SageMakerClient(config),
    // An invocation is a probe: retrying it many times would hide the failure it measures.
    runtime: new SageMakerRuntimeClient({ ...config, maxAttempts: 3, retryMode: 'standard' }),
    autoscaling: new ApplicationAutoScalingClient(config),
    cloudwatch: new CloudWatchClient(config)
  }
}
