/**
 * The endpoint lock's side of the fake SageMaker: lineage contexts, and which
 * calls are the lock's (left out of a scenario's list of changes unless asked).
 */
import {
  CreateContextCommand,
  DeleteContextCommand,
  DescribeContextCommand,
  UpdateContextCommand,
  type SageMakerClient
} from '@aws-sdk/client-sagemaker'
import type { AwsClientStub } from 'aws-sdk-client-mock'
import { awsError } from './sagemaker.js'

/** The endpoint lock's own calls: taking and releasing it, tested in lock.test.ts. */
export const LOCK_CALLS = /^sagemaker\.(Create|Describe|Delete|Update)Context$/

/**
 * SageMaker lineage contexts, which the endpoint lock is made of: a name is
 * unique, and a second CreateContext of it is refused.
 */
export class FakeContexts {
  readonly contexts = new Map<string, { properties: Record<string, string>; type: string; createdAt: Date }>()

  /** A lock another run holds, as its CreateContext left it. */
  seedLock(endpointName: string, properties: Record<string, string>): void {
    this.contexts.set(`sagemaker-deploy-lock-${endpointName}`, {
      properties,
      type: 'sagemaker-deploy-lock',
      createdAt: new Date(0)
    })
  }

  lock(endpointName: string): Record<string, string> | undefined {
    return this.contexts.get(`sagemaker-deploy-lock-${endpointName}`)?.properties
  }

  install(
    sm: AwsClientStub<SageMakerClient>,
    lossy: <I, O>(api: string, handler: (input: I) => O) => (input: I) => O
  ): void {
    const arn = (name: string): string => `arn:aws:sagemaker:us-east-1:123456789012:context/${name}`
    const missing = (name: string): Error => awsError('ResourceNotFound', `Context ${arn(name)} does not exist.`)
    sm.on(CreateContextCommand).callsFake(
      lossy(
        'CreateContext',
        (input: { ContextName: string; ContextType: string; Properties?: Record<string, string> }) => {
          if (this.contexts.has(input.ContextName)) {
            throw awsError('ValidationException', `Context ${arn(input.ContextName)} already exists.`)
          }
          this.contexts.set(input.ContextName, {
            properties: { ...input.Properties },
            type: input.ContextType,
            createdAt: new Date()
          })
          return { ContextArn: arn(input.ContextName) }
        }
      )
    )
    sm.on(DescribeContextCommand).callsFake((input: { ContextName: string }) => {
      const context = this.contexts.get(input.ContextName)
      if (!context) throw missing(input.ContextName)
      return {
        ContextName: input.ContextName,
        ContextArn: arn(input.ContextName),
        ContextType: context.type,
        Properties: { ...context.properties },
        CreationTime: context.createdAt
      }
    })
    // "Properties: The new list of properties. Overwrites the current property list."
    sm.on(UpdateContextCommand).callsFake(
      (input: { ContextName: string; Properties?: Record<string, string>; PropertiesToRemove?: string[] }) => {
        const context = this.contexts.get(input.ContextName)
        if (!context) throw missing(input.ContextName)
        if (input.Properties) context.properties = { ...input.Properties }
        for (const key of input.PropertiesToRemove ?? []) delete context.properties[key]
        return { ContextArn: arn(input.ContextName) }
      }
    )
    sm.on(DeleteContextCommand).callsFake(
      lossy('DeleteContext', (input: { ContextName: string }) => {
        if (!this.contexts.delete(input.ContextName)) throw missing(input.ContextName)
        return { ContextArn: arn(input.ContextName) }
      })
    )
  }
}
