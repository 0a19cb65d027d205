// Types for clients.mjs, so the TypeScript tests use it checked.

import type { ApplicationAutoScalingClient } from '@aws-sdk/client-application-auto-scaling'
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch'
import type { SageMakerClient } from '@aws-sdk/client-sagemaker'
import type { SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime'

export interface EmulatorClients {
  sagemaker: SageMakerClient
  runtime: SageMakerRuntimeClient
  cloudwatch: CloudWatchClient
  autoscaling: ApplicationAutoScalingClient
  destroy(): void
}

/** Clients to the emulator, or to a proxy in front of it, at `target`'s URL; one attempt a call unless told otherwise. */
export declare function emulatorClients(
  target: { url: string } | string,
  options?: { maxAttempts?: number }
): EmulatorClients
