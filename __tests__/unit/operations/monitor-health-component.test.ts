import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { GetMetricDataCommand } from '@aws-sdk/client-cloudwatch'
import { DescribeEndpointCommand, DescribeEndpointConfigCommand } from '@aws-sdk/client-sagemaker'
import { InvokeEndpointCommand } from '@aws-sdk/client-sagemaker-runtime'
import { givenComponents } from '../../../__fixtures__/components.js'
import * as core from '../../../__fixtures__/core.js'
import { endpoint, endpointConfig } from '../../../__fixtures__/sagemaker.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, awsCallNames, resetAws, runAction } = await import('../../../__fixtures__/action.js')

const component = { 'endpoint-name': 'fraud', 'inference-component-name': 'scorer' }

beforeEach(() => {
  resetAws()
  aws.sagemaker.on(DescribeEndpointCommand).resolves(endpoint('fraud', 'InService', 'cfg-1'))
  aws.sagemaker.on(DescribeEndpointConfigCommand).resolves(endpointConfig('cfg-1'))
})

describe('monitor with an inference component', () => {
  beforeEach(() => {
    aws.cloudwatch.on(GetMetricDataCommand).resolves({ MetricDataResults: [] })
  })

  it("reads the component's metrics under InferenceComponentName alone and reports its copies", async () => {
    givenComponents(aws.sagemaker, [[{ name: 'scorer', copies: 3, current: 2, status: 'Updating' }]])

    const result = await runAction({ operation: 'monitor', ...component })

    expect(result.failed).toBeUndefined()
    const queries = aws.cloudwatch.commandCalls(GetMetricDataCommand)[0]?.args[0].input.MetricDataQueries ?? []
    expect(queries.length).toBeGreaterThan(0)
    for (const query of queries.filter((each) => each.MetricStat)) {
      expect(query.MetricStat?.Metric?.Namespace).toBe('AWS/SageMaker')
      expect(query.MetricStat?.Metric?.Dimensions).toEqual([{ Name: 'InferenceComponentName', Value: 'scorer' }])
    }
    expect(result.outputs['inference-component-status']).toBe('Updating')
    expect(result.outputs['healthy']).toBe('true')
    expect(result.summary).toContain('Updating, 2 of 3 copies')
  })

  it('is unhealthy when the component failed', async () => {
    givenComponents(aws.sagemaker, [[{ name: 'scorer', status: 'Failed', failureReason: 'CapacityError' }]])

    const result = await runAction({ operation: 'monitor', ...component })

    expect(result.failed).toBe(
      'Endpoint "fraud" is unhealthy: inference component "scorer" is Failed, not InService (FailureReason: CapacityError).'
    )
  })
})

describe('health-check with an inference component', () => {
  const probe = { operation: 'health-check', ...component, 'probe-payload': '{"amount": 1}' }

  it('probes the component by name, never with a TargetVariant', async () => {
    givenComponents(aws.sagemaker, [[{ name: 'scorer' }]])
    aws.runtime.on(InvokeEndpointCommand).resolves({ Body: new TextEncoder().encode('{}') as never })

    const result = await runAction(probe)

    expect(result.failed).toBeUndefined()
    const sent = aws.runtime.commandCalls(InvokeEndpointCommand).map((call) => call.args[0].input)
    expect(sent).toEqual([
      {
        EndpointName: 'fraud',
        InferenceComponentName: 'scorer',
        ContentType: 'application/json',
        Body: expect.anything()
      }
    ])
    expect(result.outputs['healthy']).toBe('true')
  })

  it('probes a component in a rolling update, whose copies serve all through it; a Failed one is unhealthy', async () => {
    givenComponents(aws.sagemaker, [[{ name: 'scorer', status: 'Updating' }]])
    aws.runtime.on(InvokeEndpointCommand).resolves({ Body: new TextEncoder().encode('{}') as never })

    const updating = await runAction(probe)

    expect(updating.failed).toBeUndefined()
    expect(updating.outputs['healthy']).toBe('true')
    expect(aws.runtime.commandCalls(InvokeEndpointCommand)).toHaveLength(1)

    givenComponents(aws.sagemaker, [[{ name: 'scorer', status: 'Failed', failureReason: 'CapacityError' }]])
    const failed = await runAction(probe)

    expect(failed.failed).toBe('Inference component "scorer" is Failed, not InService. FailureReason: CapacityError')
  })

  it('is unhealthy, sending no probe, when the component runs no copies', async () => {
    givenComponents(aws.sagemaker, [[{ name: 'scorer', copies: 0 }]])

    const result = await runAction(probe)

    expect(result.failed).toBe('Inference component "scorer" runs no copies.')
    expect(aws.runtime.commandCalls(InvokeEndpointCommand)).toEqual([])
  })

  it('refuses target-variant beside a component before any AWS call', async () => {
    const result = await runAction({ ...probe, 'target-variant': 'AllTraffic' })

    expect(result.failed).toContain('Input "target-variant" cannot be set with inference-component-name')
    expect(awsCallNames({ lock: true })).toEqual([])
  })
})
