/** Inference components as DescribeInferenceComponent and ListInferenceComponents show them. */
import {
  DescribeInferenceComponentCommand,
  ListInferenceComponentsCommand,
  type DescribeInferenceComponentCommandOutput,
  type SageMakerClient
} from '@aws-sdk/client-sagemaker'
import type { AwsClientStub } from 'aws-sdk-client-mock'
import { ACCOUNT, awsError } from './sagemaker.js'

export interface ComponentShape {
  name: string
  endpoint?: string
  status?: string
  model?: string
  /** Desired copies; current copies default to the same. */
  copies?: number
  current?: number
  /** An adapter: the base component it runs inside. */
  base?: string
  failureReason?: string
}

export function componentArn(name: string): string {
  return `arn:aws:sagemaker:us-east-1:${ACCOUNT}:inference-component/${name}`
}

export function component(shape: ComponentShape): DescribeInferenceComponentCommandOutput {
  const endpoint = shape.endpoint ?? 'fraud'
  return {
    $metadata: {},
    InferenceComponentName: shape.name,
    InferenceComponentArn: componentArn(shape.name),
    EndpointName: endpoint,
    EndpointArn: `arn:aws:sagemaker:us-east-1:${ACCOUNT}:endpoint/${endpoint}`,
    VariantName: 'AllTraffic',
    CreationTime: new Date(0),
    LastModifiedTime: new Date(0),
    InferenceComponentStatus: (shape.status ?? 'InService') as 'InService',
    ...(shape.failureReason ? { FailureReason: shape.failureReason } : {}),
    Specification: shape.base
      ? { BaseInferenceComponentName: shape.base, Container: { ArtifactUrl: 's3://adapters/a.tar.gz' } }
      : {
          ModelName: shape.model ?? `${shape.name}-v2`,
          ComputeResourceRequirements: { MinMemoryRequiredInMb: 2048, NumberOfCpuCoresRequired: 1 }
        },
    ...(shape.base
      ? {}
      : {
          RuntimeConfig: { DesiredCopyCount: shape.copies ?? 2, CurrentCopyCount: shape.current ?? shape.copies ?? 2 }
        })
  }
}

/**
 * The components on the endpoint, each answering DescribeInferenceComponent
 * with its shapes in turn (the last one from then on), and listed by
 * ListInferenceComponents; a name without shapes is not found.
 */
export function givenComponents(sagemaker: AwsClientStub<SageMakerClient>, states: ComponentShape[][]): void {
  sagemaker
    .on(DescribeInferenceComponentCommand)
    .rejects(awsError('ValidationException', 'Could not find inference component'))
  for (const shapes of states) {
    const name = shapes[0]?.name ?? ''
    let chain = sagemaker.on(DescribeInferenceComponentCommand, { InferenceComponentName: name })
    for (const shape of shapes.slice(0, -1)) chain = chain.resolvesOnce(component(shape))
    chain.resolves(component(shapes.at(-1) as ComponentShape))
  }
  sagemaker.on(ListInferenceComponentsCommand).resolves({
    InferenceComponents: states.map((shapes) => {
      const shape = shapes.at(-1) as ComponentShape
      return {
        InferenceComponentName: shape.name,
        InferenceComponentArn: componentArn(shape.name),
        EndpointName: shape.endpoint ?? 'fraud',
        EndpointArn: `arn:aws:sagemaker:us-east-1:${ACCOUNT}:endpoint/${shape.endpoint ?? 'fraud'}`,
        VariantName: 'AllTraffic',
        CreationTime: new Date(0),
        LastModifiedTime: new Date(0),
        InferenceComponentStatus: (shape.status ?? 'InService') as 'InService'
      }
    })
  })
}
