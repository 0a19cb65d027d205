import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import {
  DescribeEndpointCommand,
  DescribeModelCommand,
  ListTagsCommand,
  UpdateInferenceComponentCommand
} from '@aws-sdk/client-sagemaker'
import { componentArn, givenComponents, type ComponentShape } from '../../../__fixtures__/components.js'
import * as core from '../../../__fixtures__/core.js'
import { awsError, endpoint } from '../../../__fixtures__/sagemaker.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, awsCallNames, resetAws, runAction } = await import('../../../__fixtures__/action.js')

const inputs = { operation: 'rollback', 'endpoint-name': 'fraud', 'inference-component-name': 'scorer' }
const RECORD = 'model=scorer-v1 copies=4 cpus=1 memory=2048'

function givenRecord(value: string | undefined): void {
  aws.sagemaker
    .on(ListTagsCommand, { ResourceArn: componentArn('scorer') })
    .resolves({ Tags: value === undefined ? [] : [{ Key: 'sagemaker-deploy:previous-component', Value: value }] })
}

function updates(): unknown[] {
  return aws.sagemaker.commandCalls(UpdateInferenceComponentCommand).map((call) => call.args[0].input)
}

/** The component on v2, read before the rollback (twice: itself, then among the endpoint's), then `after`. */
function givenScorer(...after: ComponentShape[]): void {
  const now: ComponentShape = { name: 'scorer', model: 'scorer-v2', copies: 4 }
  givenComponents(aws.sagemaker, [[now, now, ...after]])
}

describe('rollback with an inference component', () => {
  beforeEach(() => {
    resetAws()
    aws.sagemaker.on(UpdateInferenceComponentCommand).resolves({ InferenceComponentArn: componentArn('scorer') })
    aws.sagemaker.on(DescribeModelCommand).resolves({ ModelName: 'scorer-v1' })
  })

  it('returns the component to the recorded specification and copies, a batch of copies at a time', async () => {
    givenScorer(
      { name: 'scorer', model: 'scorer-v1', copies: 4, status: 'Updating' },
      { name: 'scorer', model: 'scorer-v1', copies: 4 }
    )
    givenRecord(RECORD)

    const result = await runAction(inputs)

    expect(result.failed).toBeUndefined()
    expect(updates()).toEqual([
      {
        InferenceComponentName: 'scorer',
        Specification: {
          ModelName: 'scorer-v1',
          ComputeResourceRequirements: { MinMemoryRequiredInMb: 2048, NumberOfCpuCoresRequired: 1 }
        },
        RuntimeConfig: { CopyCount: 4 },
        DeploymentConfig: {
          RollingUpdatePolicy: {
            MaximumBatchSize: { Type: 'CAPACITY_PERCENT', Value: 50 },
            WaitIntervalInSeconds: 0,
            MaximumExecutionTimeoutInSeconds: expect.any(Number),
            RollbackMaximumBatchSize: { Type: 'CAPACITY_PERCENT', Value: 50 }
          }
        }
      }
    ])
    expect(result.outputs['rolled-back']).toBe('true')
    expect(result.outputs['model-name']).toBe('scorer-v1')
    expect(result.log).toContain('Inference component "scorer" is back on model "scorer-v1".')
  })

  it('waits for the endpoint to leave Updating first, as it does for minutes after a rolling update', async () => {
    givenScorer({ name: 'scorer', model: 'scorer-v1', copies: 4 })
    givenRecord(RECORD)
    const variants = [{ name: 'AllTraffic', weight: 1, count: 2 }]
    aws.sagemaker
      .on(DescribeEndpointCommand)
      .resolvesOnce(endpoint('fraud', 'Updating', 'cfg-1', variants))
      .resolvesOnce(endpoint('fraud', 'Updating', 'cfg-1', variants))
      .resolves(endpoint('fraud', 'InService', 'cfg-1', variants))

    const result = await runAction(inputs)

    expect(result.failed).toBeUndefined()
    const names = awsCallNames()
    const update = names.indexOf('sagemaker.UpdateInferenceComponent')
    expect(names.slice(0, update).filter((name) => name === 'sagemaker.DescribeEndpoint')).toHaveLength(3)
    expect(result.log).toContain('Endpoint "fraud" is Updating; waiting for it to finish before changing it.')
  })

  it('returns one copy all at once: no batch of 5% to 50% splits it', async () => {
    givenComponents(aws.sagemaker, [
      [
        { name: 'scorer', model: 'scorer-v2', copies: 1 },
        { name: 'scorer', model: 'scorer-v2', copies: 1 },
        { name: 'scorer', model: 'scorer-v1', copies: 1 }
      ]
    ])
    givenRecord('model=scorer-v1 copies=1 cpus=1 memory=2048')

    const result = await runAction(inputs)

    expect(result.failed).toBeUndefined()
    expect(updates()).toEqual([expect.not.objectContaining({ DeploymentConfig: expect.anything() })])
    expect(updates()).toHaveLength(1)
  })

  it('fails when the component ends on the model it left', async () => {
    givenScorer({ name: 'scorer', model: 'scorer-v2', copies: 4, failureReason: 'CapacityError' })
    givenRecord(RECORD)

    const result = await runAction(inputs)

    expect(result.failed).toBe(
      'The rollback of inference component "scorer" ended InService on model "scorer-v2", not "scorer-v1". FailureReason: CapacityError'
    )
    expect(result.outputs['rolled-back']).toBe('false')
  })

  it('changes nothing when the component already runs the recorded specification', async () => {
    givenComponents(aws.sagemaker, [[{ name: 'scorer', model: 'scorer-v1', copies: 3 }]])
    givenRecord(RECORD)

    const result = await runAction(inputs)

    expect(result.failed).toBeUndefined()
    expect(updates()).toEqual([])
    expect(result.log.join('\n')).toContain(
      'Inference component "scorer" already runs the specification recorded before its last deploy (model "scorer-v1"); nothing to roll back.'
    )
    expect(result.outputs['rolled-back']).toBe('false')
  })

  it('refuses a component with no record, saying what to do', async () => {
    givenScorer()
    givenRecord(undefined)

    const result = await runAction(inputs)

    expect(result.failed).toContain(
      'Inference component "scorer" has no record of what it ran before (tag sagemaker-deploy:previous-component)'
    )
    expect(result.failed).toContain('deploy it with operation: deploy and inference-component-name: scorer')
    expect(updates()).toEqual([])
  })

  it('refuses when the recorded model is gone', async () => {
    givenScorer()
    givenRecord(RECORD)
    aws.sagemaker.on(DescribeModelCommand).rejects(awsError('ValidationException', 'Could not find model "scorer-v1".'))

    const result = await runAction(inputs)

    expect(result.failed).toContain('model "scorer-v1", which it ran before its last deploy, no longer exists')
    expect(updates()).toEqual([])
  })

  it('records the update in a dry run without sending it', async () => {
    givenScorer()
    givenRecord(RECORD)

    const result = await runAction({ ...inputs, 'dry-run': 'true' })

    expect(result.failed).toBeUndefined()
    expect(updates()).toEqual([])
    expect(result.outputs['rolled-back']).toBe('false')
    expect(result.log.join('\n')).toContain(
      'Rolling inference component "scorer" back from model "scorer-v2" to "scorer-v1" with 4 copies, 2 copies a batch.'
    )
  })

  it('refuses endpoint-config-name beside a component before any AWS call', async () => {
    const result = await runAction({ ...inputs, 'endpoint-config-name': 'fraud-config-1' })

    expect(result.failed).toContain('Input "endpoint-config-name" cannot be set with inference-component-name')
    expect(awsCallNames({ lock: true })).toEqual([])
  })
})
