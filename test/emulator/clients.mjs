// SDK clients straight to the emulator (or a proxy in front of it), for the
// tests, the demo and the benchmark alike: the emulator's region, dummy
// credentials, and as many attempts as the caller wants (the tests take one,
// so that retries never hide an emulator error).
//
// Plain ESM so that the jest tests and plain Node scripts can both load it;
// typed with JSDoc, which the type check reads and checks.
// @ts-check

import { ApplicationAutoScalingClient } from '@aws-sdk/client-application-auto-scaling'
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch'
import { S3Client } from '@aws-sdk/client-s3'
import { SageMakerClient } from '@aws-sdk/client-sagemaker'
import { SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime'

import { EMULATOR_REGION } from '../runner/runner.mjs'

/**
 * @typedef {object} EmulatorClients
 * @property {SageMakerClient} sagemaker
 * @property {SageMakerRuntimeClient} runtime
 * @property {CloudWatchClient} cloudwatch
 * @property {ApplicationAutoScalingClient} autoscaling
 * @property {S3Client} s3 Path-style: the emulator serves every bucket at its own URL.
 * @property {() => void} destroy
 */

/**
 * A middleware that sends each request as `account`'s: moto takes the account from its `x-moto-account-id` header.
 * @param {string} account
 * @returns {import('@smithy/types').BuildMiddleware<any, any>}
 */
function asAccount(account) {
  return (next) => async (args) => {
    const request = /** @type {{ headers?: Record<string, string> }} */ (args.request)
    if (request.headers) request.headers['x-moto-account-id'] = account
    return next(args)
  }
}

/**
 * Clients to the emulator, or to a proxy in front of it, at `target`'s URL; one attempt a call unless told otherwise.
 * `account` makes them act as another account than the emulator's (moto's `x-moto-account-id` header): what they
 * create belongs to that account, as a package another account shares, or an AWS Marketplace one, does.
 * @param {{ url: string } | string} target
 * @param {{ maxAttempts?: number, account?: string }} [options]
 * @returns {EmulatorClients}
 */
export function emulatorClients(target, { maxAttempts = 1, account } = {}) {
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
    autoscaling: new ApplicationAutoScalingClient(config),
    s3: new S3Client({ ...config, forcePathStyle: true })
  }
  if (account !== undefined) {
    const options = /** @type {const} */ ({ step: 'build', name: 'emulatorAccount' })
    clients.sagemaker.middlewareStack.add(asAccount(account), options)
    clients.runtime.middlewareStack.add(asAccount(account), options)
    clients.cloudwatch.middlewareStack.add(asAccount(account), options)
    clients.autoscaling.middlewareStack.add(asAccount(account), options)
    clients.s3.middlewareStack.add(asAccount(account), options)
  }
  return {
    ...clients,
    destroy() {
      for (const client of Object.values(clients)) client.destroy()
    }
  }
}
