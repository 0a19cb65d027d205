// Helpers for the tests of deployments SageMaker runs inside one
// UpdateEndpoint, against the emulator.

import { CreateEndpointConfigCommand, CreateModelCommand, UpdateEndpointCommand } from '@aws-sdk/client-sagemaker'
import type { DeploymentConfig, DescribeEndpointCommandOutput } from '@aws-sdk/client-sagemaker'

import type { EmulatorControl, EndpointTrafficStats } from '../../test/emulator/control.mjs'
import { seedModelAndEndpoint, TEST_ROLE_ARN, type AwsClients } from './harness.js'

export const IMAGE = (name: string): string => `123456789012.dkr.ecr.us-east-1.amazonaws.com/${name}:1`

export type FleetCounts = Record<string, { requests: number; errors: number }>

/** An endpoint serving a good model on `instances`, and a next config of the same variant running `image`. */
export async function endpointWithNextConfig(
  aws: AwsClients,
  name: string,
  image: string,
  instances = 4
): Promise<string> {
  await seedModelAndEndpoint(aws.sagemaker, {
    endpointName: name,
    variants: [{ variantName: 'AllTraffic', instanceCount: instances }]
  })
  await aws.sagemaker.send(
    new CreateModelCommand({
      ModelName: `${name}-next`,
      ExecutionRoleArn: TEST_ROLE_ARN,
      PrimaryContainer: { Image: image }
    })
  )
  await aws.sagemaker.send(
    new CreateEndpointConfigCommand({
      EndpointConfigName: `${name}-next`,
      ProductionVariants: [
        {
          VariantName: 'AllTraffic',
          ModelName: `${name}-next`,
          InstanceType: 'ml.m5.large',
          InitialInstanceCount: instances
        }
      ]
    })
  )
  return `${name}-next`
}

export const update = (aws: AwsClients, name: string, config: string, deploymentConfig: DeploymentConfig) =>
  aws.sagemaker.send(
    new UpdateEndpointCommand({ EndpointName: name, EndpointConfigName: config, DeploymentConfig: deploymentConfig })
  )

export const pendingStatus = (d: DescribeEndpointCommandOutput) =>
  d.PendingDeploymentSummary?.ProductionVariants?.[0]?.VariantStatus?.[0]

/** Requests (and 5XX errors) each fleet has served, by config. */
export async function fleets(control: EmulatorControl, name: string): Promise<FleetCounts> {
  const stats: EndpointTrafficStats | undefined = (await control.trafficStats())[name]
  return Object.fromEntries(
    Object.entries(stats?.fleets ?? {}).map(([config, s]) => [
      config,
      { requests: s.requests, errors: s.errors5xx.total }
    ])
  )
}

/** The new fleet's share of the requests served between two snapshots. */
export function newShare(
  before: Awaited<ReturnType<typeof fleets>>,
  after: Awaited<ReturnType<typeof fleets>>,
  oldConfig: string,
  newConfig: string
) {
  const delta = (config: string) => (after[config]?.requests ?? 0) - (before[config]?.requests ?? 0)
  return delta(newConfig) / (delta(newConfig) + delta(oldConfig))
}
