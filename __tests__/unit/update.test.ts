import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import {
  DescribeEndpointCommand,
  DescribeEndpointConfigCommand,
  UpdateEndpointWeightsAndCapacitiesCommand
} from '@aws-sdk/client-sagemaker'
import * as core from '../../__fixtures__/core.js'
import { lostAnswerError } from '../../__fixtures__/fake-aws.js'
import { awsError, endpoint, endpointConfig } from '../../__fixtures__/sagemaker.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, resetAws, runAction } = await import('../../__fixtures__/action.js')

const inputs = { operation: 'update-traffic', 'endpoint-name': 'fraud', 'variant-weights': 'AllTraffic=100' }
const inProgress = () =>
  awsError(
    'ValidationException',
    'Cannot update in-progress endpoint "arn:aws:sagemaker:us-east-1:123456789012:endpoint/fraud".'
  )

beforeEach(() => {
  resetAws()
  aws.sagemaker.on(DescribeEndpointCommand).resolves(endpoint('fraud', 'InService', 'cfg-1'))
  aws.sagemaker.on(DescribeEndpointConfigCommand).resolves(endpointConfig('cfg-1'))
})

/** An accepted change: from now on the endpoint shows the weight asked for. */
function landTheWeight(): object {
  aws.sagemaker
    .on(DescribeEndpointCommand)
    .resolves(endpoint('fraud', 'InService', 'cfg-1', [{ name: 'AllTraffic', weight: 100, count: 1 }]))
  return {}
}

describe('a change whose answer was lost', () => {
  // The client for changes does not retry these (aws/clients.ts): the action looks before sending again.
  const lost = (): Error => lostAnswerError('UpdateEndpointWeightsAndCapacities')

  it('is sent again, after a pause, when the endpoint shows no sign of it', async () => {
    aws.sagemaker.on(UpdateEndpointWeightsAndCapacitiesCommand).rejectsOnce(lost()).callsFake(landTheWeight)

    const result = await runAction(inputs)

    expect(result.failed).toBeUndefined()
    expect(aws.sagemaker.commandCalls(UpdateEndpointWeightsAndCapacitiesCommand)).toHaveLength(2)
    expect(result.log.join('\n')).toContain('shows no sign of it; sending it again')
  })

  it('is looked for once more after the last attempt, and not failed when it landed', async () => {
    let sent = 0
    aws.sagemaker.on(UpdateEndpointWeightsAndCapacitiesCommand).callsFake(() => {
      sent++
      throw lost()
    })
    // The tenth change landed; SageMaker shows it as the endpoint's desired weight while it is Updating.
    aws.sagemaker
      .on(DescribeEndpointCommand)
      .callsFake(() =>
        sent >= 10
          ? endpoint('fraud', 'Updating', 'cfg-1', [{ name: 'AllTraffic', weight: 100, count: 1 }])
          : endpoint('fraud', 'InService', 'cfg-1')
      )

    const result = await runAction({ ...inputs, 'wait-for-completion': 'false' })

    expect(result.failed).toBeUndefined()
    expect(sent).toBe(10)
    expect(result.log.join('\n')).toContain('was accepted though its answer was lost')
  })

  it('gives up after as many attempts as the SDK makes of other calls, naming the call and the code', async () => {
    aws.sagemaker.on(UpdateEndpointWeightsAndCapacitiesCommand).rejects(lost())

    const result = await runAction(inputs)

    expect(result.failed).toContain('UpdateEndpointWeightsAndCapacities on endpoint "fraud" failed: InternalFailure')
    expect(aws.sagemaker.commandCalls(UpdateEndpointWeightsAndCapacitiesCommand)).toHaveLength(10)
  })
})

describe('changing an endpoint another run is changing', () => {
  it('waits out SageMaker refusing an in-progress update, then retries', async () => {
    aws.sagemaker.on(UpdateEndpointWeightsAndCapacitiesCommand).rejectsOnce(inProgress()).callsFake(landTheWeight)

    const result = await runAction(inputs)

    expect(result.failed).toBeUndefined()
    expect(aws.sagemaker.commandCalls(UpdateEndpointWeightsAndCapacitiesCommand)).toHaveLength(2)
    expect(result.log.join('\n')).toContain('being changed by someone else')
  })

  it('gives up after repeated refusals, naming the call and the code', async () => {
    aws.sagemaker.on(UpdateEndpointWeightsAndCapacitiesCommand).rejects(inProgress())

    const result = await runAction(inputs)

    expect(result.failed).toContain(
      'UpdateEndpointWeightsAndCapacities on endpoint "fraud" failed: ValidationException'
    )
    expect(aws.sagemaker.commandCalls(UpdateEndpointWeightsAndCapacitiesCommand)).toHaveLength(6)
  })

  it('does not send again once someone else has moved the endpoint to another config', async () => {
    aws.sagemaker
      .on(DescribeEndpointCommand)
      .resolvesOnce(endpoint('fraud', 'InService', 'cfg-1'))
      .resolvesOnce(endpoint('fraud', 'InService', 'cfg-1'))
      .resolves(endpoint('fraud', 'InService', 'cfg-2'))
    aws.sagemaker.on(UpdateEndpointWeightsAndCapacitiesCommand).rejectsOnce(inProgress()).resolves({})

    const result = await runAction(inputs)

    expect(result.failed).toBe(
      'Endpoint "fraud" was moved from "cfg-1" to "cfg-2" by someone else while this run was sending the weight change; the weight change was not sent again.'
    )
    expect(aws.sagemaker.commandCalls(UpdateEndpointWeightsAndCapacitiesCommand)).toHaveLength(1)
  })

  it('does not retry other validation errors', async () => {
    aws.sagemaker
      .on(UpdateEndpointWeightsAndCapacitiesCommand)
      .rejects(awsError('ValidationException', 'Variant AllTraffic weight must be non-negative.'))

    const result = await runAction(inputs)

    expect(result.failed).toContain('weight must be non-negative')
    expect(aws.sagemaker.commandCalls(UpdateEndpointWeightsAndCapacitiesCommand)).toHaveLength(1)
  })
})

describe('credentials that expire mid-run', () => {
  it('says what happened and how to avoid it', async () => {
    aws.sagemaker
      .on(UpdateEndpointWeightsAndCapacitiesCommand)
      .rejects(awsError('ExpiredTokenException', 'The security token included in the request is expired'))

    const result = await runAction(inputs)

    expect(result.failed).toContain('ExpiredTokenException')
    expect(result.failed).toContain('The AWS credentials expired during the run')
    expect(result.failed).toContain('role-duration-seconds')
    expect(JSON.parse(result.outputs.result ?? '{}').succeeded).toBe(false)
  })
})

describe('credentials that expire mid-rollout', () => {
  it('stops without trying calls that would fail too, and says where the endpoint was left', async () => {
    const { FakeAws } = await import('../../__fixtures__/fake-aws.js')
    resetAws()
    const fake = new FakeAws()
    fake.seedEndpoint('fraud', 'cfg-1', [{ name: 'AllTraffic', weight: 1, count: 1 }])
    fake.install(aws)
    aws.cloudwatch.reset()
    aws.cloudwatch.rejects(awsError('ExpiredTokenException', 'The security token included in the request is expired'))

    const result = await runAction({
      operation: 'deploy',
      'endpoint-name': 'fraud',
      'image-uri': '123456789012.dkr.ecr.us-east-1.amazonaws.com/fraud:2',
      'execution-role-arn': 'arn:aws:iam::123456789012:role/SageMakerExecution',
      'model-name': 'fraud-v2',
      strategy: 'canary',
      'max-error-rate': '1%'
    })

    expect(result.failed).toContain('The AWS credentials expired during the run')
    expect(result.failed).toContain('reached 10% on fraud-v2')
    expect(result.failed).toContain('run operation: rollback (back to cfg-1)')
    expect(result.outputs['rollout-result']).toBe('failed')
    // No rollback attempt: it would only fail the same way. The endpoint is where the message says.
    expect(aws.sagemaker.commandCalls(UpdateEndpointWeightsAndCapacitiesCommand)).toHaveLength(1)
    expect(fake.endpoint('fraud').config).toMatch(/-canary$/)
    expect(fake.weights('fraud')).toEqual({ AllTraffic: 90, 'fraud-v2': 10 })
    // The post step still knows how to put it back once credentials work again.
    expect(JSON.parse(core.savedPart('rollout') ?? '{}')).toMatchObject({
      rollout: { previousConfig: 'cfg-1', newVariant: 'fraud-v2' }
    })
  })
})
