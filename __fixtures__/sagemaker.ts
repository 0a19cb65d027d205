/** Builders for SageMaker responses, so each test states only what matters to it. */
import {
  DescribeEndpointCommand,
  DescribeEndpointConfigCommand,
  UpdateEndpointWeightsAndCapacitiesCommand,
  type DescribeEndpointCommandOutput,
  type DescribeEndpointConfigCommandOutput,
  type SageMakerClient
} from '@aws-sdk/client-sagemaker'
import type { AwsClientStub } from 'aws-sdk-client-mock'

export const ACCOUNT = '123456789012'
export const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/SageMakerExecution`
export const IMAGE = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/model:2.0.0`

export interface VariantState {
  name: string
  weight?: number
  count?: number
  model?: string
  instanceType?: string
}

export function endpoint(
  name: string,
  status: string,
  config: string,
  variants: VariantState[] = [{ name: 'AllTraffic', weight: 1, count: 1 }],
  extra: Partial<DescribeEndpointCommandOutput> = {}
): DescribeEndpointCommandOutput {
  return {
    $metadata: {},
    EndpointName: name,
    EndpointArn: `arn:aws:sagemaker:us-east-1:${ACCOUNT}:endpoint/${name}`,
    EndpointConfigName: config,
    EndpointStatus: status as DescribeEndpointCommandOutput['EndpointStatus'],
    CreationTime: new Date(0),
    LastModifiedTime: new Date(0),
    ProductionVariants: variants.map((variant) => ({
      VariantName: variant.name,
      CurrentWeight: variant.weight ?? 1,
      DesiredWeight: variant.weight ?? 1,
      CurrentInstanceCount: variant.count ?? 1,
      DesiredInstanceCount: variant.count ?? 1
    })),
    ...extra
  }
}

export function endpointConfig(
  name: string,
  variants: VariantState[] = [{ name: 'AllTraffic', weight: 1, count: 1 }]
): DescribeEndpointConfigCommandOutput {
  return {
    $metadata: {},
    EndpointConfigName: name,
    EndpointConfigArn: `arn:aws:sagemaker:us-east-1:${ACCOUNT}:endpoint-config/${name}`,
    CreationTime: new Date(0),
    ProductionVariants: variants.map((variant) => ({
      VariantName: variant.name,
      ModelName: variant.model ?? `${name}-model`,
      InstanceType: (variant.instanceType ?? 'ml.m5.large') as 'ml.m5.large',
      InitialInstanceCount: variant.count ?? 1,
      InitialVariantWeight: variant.weight ?? 1
    }))
  }
}

/** A SageMaker-style error: the SDK throws these with `name` set to the AWS error code. */
export function awsError(code: string, message: string): Error {
  const error = new Error(message)
  error.name = code
  return Object.assign(error, { $fault: 'client', $metadata: { httpStatusCode: 400 } })
}

/**
 * Endpoint "fraud" on `cfg-1` with `variants`, whose next weights and
 * capacities change SageMaker cannot make: after the call it shows Updating,
 * then RollingBack, then InService as before
 * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DescribeEndpoint.html).
 */
export function givenAChangeRolledBack(sagemaker: AwsClientStub<SageMakerClient>, variants: VariantState[]): void {
  const afterTheCall = ['Updating', 'RollingBack']
  let called = false
  sagemaker
    .on(DescribeEndpointCommand)
    .callsFake(() => endpoint('fraud', (called && afterTheCall.shift()) || 'InService', 'cfg-1', variants))
  sagemaker.on(DescribeEndpointConfigCommand).resolves(endpointConfig('cfg-1', variants))
  sagemaker.on(UpdateEndpointWeightsAndCapacitiesCommand).callsFake(() => {
    called = true
    return { EndpointArn: 'arn' }
  })
}
