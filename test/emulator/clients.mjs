// SDK clients straight to the emulator (or a proxy in front of it), for the
// tests, the demo and the benchmark alike: the emulator's region, dummy
// credentials, and as many attempts as the caller wants (the tests take one,
// so that retries never hide an emulator error).
//
// Plain ESM so that the jest tests and plain Node scripts can both load it;
// types are in clients.d.mts.

import { ApplicationAutoScalingClient } from '@aws-sdk/client-application-auto-scaling'
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch'
import { SageMakerClient } from '@aws-sdk/client-sagemaker'
import { SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime'

import { EMULATOR_REGION } from '../runner/runner.mjs'

export function emulatorClients(target, { maxAttempts = 1 } = {}) {
  const config = {
    endpoint: typeof target === 'string' ? target : target.url,
    region: EMULATOR_REGION,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    maxAttempts
  }
  const clients = {
    sagemaker: new SageMakerClient(config),
    runtime: new SageMakerRuntimeClient(config),
    cloudwatch: new CloudWatchClient(config),
    autoscaling: new ApplicationAutoScalingClient(config)
  }
  return {
    ...clients,
    destroy() {
      for (const client of Object.values(clients)) client.destroy()
    }
  }
}
