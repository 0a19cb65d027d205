import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { DeleteDashboardsCommand, GetDashboardCommand } from '@aws-sdk/client-cloudwatch'
import {
  DeleteEndpointCommand,
  DeleteEndpointConfigCommand,
  DeleteModelCommand,
  DescribeEndpointCommand,
  DescribeEndpointConfigCommand,
  ListEndpointsCommand,
  type EndpointSummary
} from '@aws-sdk/client-sagemaker'
import * as core from '../../../__fixtures__/core.js'
import { awsError, endpoint, endpointConfig } from '../../../__fixtures__/sagemaker.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, awsCallNames, resetAws, runAction } = await import('../../../__fixtures__/action.js')

const inputs = { operation: 'delete', 'endpoint-name': 'fraud' }
const gone = awsError('ValidationException', 'Could not find endpoint "fraud".')

function summary(name: string, status = 'InService'): EndpointSummary {
  return {
    EndpointName: name,
    EndpointArn: `arn:${name}`,
    EndpointStatus: status as EndpointSummary['EndpointStatus'],
    CreationTime: new Date(0),
    LastModifiedTime: new Date(0)
  }
}

/** `fraud` on fraud-cfg-1 (two models); it is gone once DeleteEndpoint has been called. */
function givenFraud(status = 'InService', extra = {}): void {
  let deleted = false
  aws.sagemaker.on(DeleteEndpointCommand).callsFake(() => {
    deleted = true
    return {}
  })
  aws.sagemaker.on(DescribeEndpointCommand, { EndpointName: 'fraud' }).callsFake(() => {
    if (deleted) throw gone
    return endpoint(
      'fraud',
      status,
      'fraud-cfg-1',
      [
        { name: 'blue', weight: 90 },
        { name: 'green', weight: 10 }
      ],
      extra
    )
  })
  aws.sagemaker.on(DescribeEndpointConfigCommand, { EndpointConfigName: 'fraud-cfg-1' }).resolves(
    endpointConfig('fraud-cfg-1', [
      { name: 'blue', model: 'fraud-model-1' },
      { name: 'green', model: 'fraud-model-2' }
    ])
  )
}

/** Another endpoint, `search`, on `config`, whose models are `models`. */
function givenOther(config: string, models: string[]): void {
  aws.sagemaker.on(ListEndpointsCommand).resolves({ Endpoints: [summary('fraud'), summary('search')] })
  aws.sagemaker
    .on(DescribeEndpointCommand, { EndpointName: 'search' })
    .resolves(endpoint('search', 'InService', config))
  aws.sagemaker.on(DescribeEndpointConfigCommand, { EndpointConfigName: config }).resolves(
    endpointConfig(
      config,
      models.map((model, index) => ({ name: `v${index}`, model }))
    )
  )
}

describe('delete', () => {
  beforeEach(() => {
    resetAws()
    aws.sagemaker.on(DeleteEndpointConfigCommand).resolves({})
    aws.sagemaker.on(DeleteModelCommand).resolves({})
  })

  it('deletes the endpoint, waits until it is gone, then its config and models', async () => {
    givenFraud()
    givenOther('search-cfg', ['search-model'])

    const result = await runAction({ ...inputs, 'delete-model': 'true' })

    expect(result.failed).toBeUndefined()
    expect(awsCallNames()).toEqual([
      'sagemaker.DescribeEndpoint',
      'sagemaker.DescribeEndpointConfig',
      'sagemaker.ListEndpoints',
      'sagemaker.DescribeEndpoint',
      'sagemaker.DescribeEndpointConfig',
      'sagemaker.DeleteEndpoint',
      'sagemaker.DescribeEndpoint',
      'sagemaker.DeleteEndpointConfig',
      'sagemaker.DeleteModel',
      'sagemaker.DeleteModel',
      'cloudwatch.GetDashboard'
    ])
    expect(aws.sagemaker.commandCalls(DeleteEndpointCommand)[0]?.args[0].input).toEqual({ EndpointName: 'fraud' })
    expect(aws.sagemaker.commandCalls(DeleteEndpointConfigCommand)[0]?.args[0].input).toEqual({
      EndpointConfigName: 'fraud-cfg-1'
    })
    expect(aws.sagemaker.commandCalls(DeleteModelCommand).map((call) => call.args[0].input.ModelName)).toEqual([
      'fraud-model-1',
      'fraud-model-2'
    ])
    expect(result.outputs).toMatchObject({
      'endpoint-name': 'fraud',
      'endpoint-status': 'Deleted',
      'endpoint-config-name': 'fraud-cfg-1',
      'model-name': 'fraud-model-1,fraud-model-2'
    })
    expect(result.summary).toContain('Deleted endpoint config &quot;fraud-cfg-1&quot;.')
    expect(result.summary).toContain('Deleted model &quot;fraud-model-2&quot;.')
  })

  it('keeps the models by default and does not read other endpoints’ configs', async () => {
    givenFraud()
    givenOther('search-cfg', ['search-model'])

    const result = await runAction(inputs)

    expect(result.failed).toBeUndefined()
    expect(aws.sagemaker.commandCalls(DeleteEndpointConfigCommand)).toHaveLength(1)
    expect(aws.sagemaker.commandCalls(DeleteModelCommand)).toHaveLength(0)
    expect(aws.sagemaker.commandCalls(DescribeEndpointConfigCommand)).toHaveLength(1)
    expect(result.summary).toContain(
      'Kept models &quot;fraud-model-1&quot;, &quot;fraud-model-2&quot; (delete-model is false).'
    )
  })

  it('keeps the config when another endpoint uses it, with a warning naming that endpoint', async () => {
    givenFraud()
    givenOther('fraud-cfg-1', ['fraud-model-1', 'fraud-model-2'])

    const result = await runAction({ ...inputs, 'delete-model': 'true' })

    expect(result.failed).toBeUndefined()
    expect(aws.sagemaker.commandCalls(DeleteEndpointCommand)).toHaveLength(1)
    expect(aws.sagemaker.commandCalls(DeleteEndpointConfigCommand)).toHaveLength(0)
    expect(aws.sagemaker.commandCalls(DeleteModelCommand)).toHaveLength(0)
    const log = result.log.join('\n')
    expect(log).toContain('::warning::Kept endpoint config "fraud-cfg-1": endpoint "search" uses it.')
    expect(log).toContain('::warning::Kept model "fraud-model-1": endpoint "search" uses it.')
    expect(result.outputs['endpoint-status']).toBe('Deleted')
  })

  it('keeps a model another endpoint’s config uses and deletes the rest', async () => {
    givenFraud()
    givenOther('search-cfg', ['fraud-model-2', 'search-model'])

    const result = await runAction({ ...inputs, 'delete-model': 'true' })

    expect(result.failed).toBeUndefined()
    expect(aws.sagemaker.commandCalls(DeleteEndpointConfigCommand)).toHaveLength(1)
    expect(aws.sagemaker.commandCalls(DeleteModelCommand).map((call) => call.args[0].input.ModelName)).toEqual([
      'fraud-model-1'
    ])
    expect(result.log).toContain('::warning::Kept model "fraud-model-2": endpoint "search" uses it.')
  })

  it('warns and succeeds on a missing endpoint with ignore-missing', async () => {
    aws.sagemaker.on(DescribeEndpointCommand).rejects(gone)

    const result = await runAction({ ...inputs, 'ignore-missing': 'true', 'delete-model': 'true' })

    expect(result.failed).toBeUndefined()
    expect(result.log).toContain(
      '::warning::Endpoint "fraud" does not exist in us-east-1; nothing was deleted (ignore-missing is true).'
    )
    expect(result.outputs['endpoint-status']).toBe('Deleted')
    expect(awsCallNames()).toEqual(['sagemaker.DescribeEndpoint'])
  })

  it('deletes a Failed endpoint', async () => {
    givenFraud('Failed', { FailureReason: 'Image pull failed.' })
    aws.sagemaker.on(ListEndpointsCommand).resolves({ Endpoints: [summary('fraud', 'Failed')] })

    const result = await runAction(inputs)

    expect(result.failed).toBeUndefined()
    expect(aws.sagemaker.commandCalls(DeleteEndpointCommand)).toHaveLength(1)
    expect(aws.sagemaker.commandCalls(DeleteEndpointConfigCommand)).toHaveLength(1)
    expect(result.outputs['endpoint-status']).toBe('Deleted')
  })

  it('waits for an update in progress to finish before deleting', async () => {
    let polls = 0
    givenFraud()
    aws.sagemaker.on(ListEndpointsCommand).resolves({ Endpoints: [summary('fraud', 'Updating')] })
    const settled = endpoint('fraud', 'InService', 'fraud-cfg-1')
    aws.sagemaker.on(DescribeEndpointCommand, { EndpointName: 'fraud' }).callsFake(() => {
      polls++
      if (aws.sagemaker.commandCalls(DeleteEndpointCommand).length > 0) throw gone
      return polls < 3 ? endpoint('fraud', 'Updating', 'fraud-cfg-1') : settled
    })

    const result = await runAction(inputs)

    expect(result.failed).toBeUndefined()
    const names = awsCallNames()
    expect(names.slice(0, 3)).toEqual([
      'sagemaker.DescribeEndpoint',
      'sagemaker.DescribeEndpoint',
      'sagemaker.DescribeEndpoint'
    ])
    expect(names.indexOf('sagemaker.DeleteEndpoint')).toBeGreaterThan(2)
    expect(result.clock.sleptMs).toBeGreaterThan(0)
  })

  it('deletes the config without waiting when wait-for-completion is false', async () => {
    givenFraud()
    aws.sagemaker.on(ListEndpointsCommand).resolves({ Endpoints: [summary('fraud')] })

    const result = await runAction({ ...inputs, 'wait-for-completion': 'false' })

    expect(result.failed).toBeUndefined()
    expect(awsCallNames()).toEqual([
      'sagemaker.DescribeEndpoint',
      'sagemaker.DescribeEndpointConfig',
      'sagemaker.ListEndpoints',
      'sagemaker.DeleteEndpoint',
      'sagemaker.DeleteEndpointConfig',
      'cloudwatch.GetDashboard'
    ])
    expect(result.outputs['endpoint-status']).toBe('Deleting')
  })

  it('keeps the config and models when the endpoint is still there after the deletion', async () => {
    givenFraud()
    aws.sagemaker.on(ListEndpointsCommand).resolves({ Endpoints: [summary('fraud')] })
    aws.sagemaker
      .on(DescribeEndpointCommand, { EndpointName: 'fraud' })
      .resolvesOnce(endpoint('fraud', 'InService', 'fraud-cfg-1'))
      .resolvesOnce(endpoint('fraud', 'Deleting', 'fraud-cfg-1'))
      .resolves(endpoint('fraud', 'Failed', 'fraud-cfg-1', undefined, { FailureReason: 'Internal failure.' }))

    const result = await runAction({ ...inputs, 'delete-model': 'true' })

    expect(result.failed).toBe(
      'Endpoint "fraud" is Failed after DeleteEndpoint, not gone; its config and models were kept. FailureReason: Internal failure.'
    )
    expect(aws.sagemaker.commandCalls(DeleteEndpointConfigCommand)).toHaveLength(0)
    expect(aws.sagemaker.commandCalls(DeleteModelCommand)).toHaveLength(0)
  })

  it('plans every deletion without making any in a dry run', async () => {
    givenFraud()
    givenOther('search-cfg', ['search-model'])

    const result = await runAction({ ...inputs, 'delete-model': 'true', 'dry-run': 'true' })

    expect(result.failed).toBeUndefined()
    expect(awsCallNames().filter((name) => name.startsWith('sagemaker.Delete'))).toEqual([])
    const planned = result.log.filter((line) => line.startsWith('[dry-run] would call'))
    expect(planned).toEqual([
      '[dry-run] would call DeleteEndpoint on endpoint "fraud": {"EndpointName":"fraud"}',
      '[dry-run] would call DeleteEndpointConfig on endpoint config "fraud-cfg-1": {"EndpointConfigName":"fraud-cfg-1"}',
      '[dry-run] would call DeleteModel on model "fraud-model-1": {"ModelName":"fraud-model-1"}',
      '[dry-run] would call DeleteModel on model "fraud-model-2": {"ModelName":"fraud-model-2"}'
    ])
    expect(result.outputs['endpoint-status']).toBe('InService')
    expect(result.summary).toContain('Plan (nothing was changed)')
  })

  it.each([
    ['delete-model', 'maybe'],
    ['delete-endpoint-config', 'yes please'],
    ['ignore-missing', '2'],
    ['endpoint-name', 'fraud_detector!']
  ])('rejects %s=%j before any AWS call', async (input, value) => {
    const result = await runAction({ ...inputs, [input]: value })

    expect(result.failed).toContain(`"${input}"`)
    expect(awsCallNames()).toEqual([])
  })

  it('names the API, the endpoint and the AWS error code when SageMaker refuses, deleting nothing more', async () => {
    givenFraud()
    aws.sagemaker.on(ListEndpointsCommand).resolves({ Endpoints: [summary('fraud')] })
    aws.sagemaker
      .on(DeleteEndpointCommand)
      .rejects(awsError('AccessDeniedException', 'not authorized to perform sagemaker:DeleteEndpoint'))

    const result = await runAction({ ...inputs, 'delete-model': 'true' })

    expect(result.failed).toBe(
      'DeleteEndpoint on endpoint "fraud" failed: AccessDeniedException: not authorized to perform sagemaker:DeleteEndpoint'
    )
    expect(aws.sagemaker.commandCalls(DeleteEndpointConfigCommand)).toHaveLength(0)
    expect(aws.sagemaker.commandCalls(DeleteModelCommand)).toHaveLength(0)
  })

  it('names ListEndpoints when other endpoints cannot be checked, deleting nothing', async () => {
    givenFraud()
    aws.sagemaker
      .on(ListEndpointsCommand)
      .rejects(awsError('AccessDeniedException', 'not authorized to perform sagemaker:ListEndpoints'))

    const result = await runAction(inputs)

    expect(result.failed).toContain('ListEndpoints on endpoints in us-east-1 failed: AccessDeniedException')
    expect(aws.sagemaker.commandCalls(DeleteEndpointCommand)).toHaveLength(0)
  })

  it('deletes only the endpoint when asked to keep its config and models', async () => {
    givenFraud()

    const result = await runAction({ ...inputs, 'delete-endpoint-config': 'false' })

    expect(result.failed).toBeUndefined()
    expect(awsCallNames()).toEqual([
      'sagemaker.DescribeEndpoint',
      'sagemaker.DescribeEndpointConfig',
      'sagemaker.DeleteEndpoint',
      'sagemaker.DescribeEndpoint',
      'cloudwatch.GetDashboard'
    ])
    expect(result.summary).toContain('Kept endpoint config &quot;fraud-cfg-1&quot; (delete-endpoint-config is false).')
  })
})

describe("delete and the endpoint's dashboard", () => {
  beforeEach(() => resetAws())
  const name = 'sagemaker_fraud_us-east-1'

  it('deletes the dashboard the action wrote, once the endpoint is gone', async () => {
    givenFraud()
    aws.sagemaker.on(ListEndpointsCommand).resolves({ Endpoints: [summary('fraud')] })
    aws.cloudwatch.on(GetDashboardCommand, { DashboardName: name }).resolves({
      DashboardName: name,
      DashboardBody: JSON.stringify({
        widgets: [{ type: 'text', properties: { markdown: 'Written by sagemaker-deploy on every deploy: ...' } }]
      })
    })

    const result = await runAction(inputs)

    expect(result.failed).toBeUndefined()
    expect(aws.cloudwatch.commandCalls(DeleteDashboardsCommand).map((call) => call.args[0].input)).toEqual([
      { DashboardNames: [name] }
    ])
    const names = awsCallNames()
    expect(names.indexOf('cloudwatch.DeleteDashboards')).toBeGreaterThan(names.lastIndexOf('sagemaker.DeleteModel'))
    expect(result.summary).toContain(`Deleted CloudWatch dashboard ${name}.`)
  })

  it('keeps a dashboard of the same name that someone else wrote', async () => {
    givenFraud()
    aws.sagemaker.on(ListEndpointsCommand).resolves({ Endpoints: [summary('fraud')] })
    aws.cloudwatch.on(GetDashboardCommand).resolves({ DashboardName: name, DashboardBody: '{"widgets": []}' })

    const result = await runAction(inputs)

    expect(result.failed).toBeUndefined()
    expect(aws.cloudwatch.commandCalls(DeleteDashboardsCommand)).toHaveLength(0)
  })

  it('warns, naming the permissions, when the role may not read it; the endpoint is deleted all the same', async () => {
    givenFraud()
    aws.sagemaker.on(ListEndpointsCommand).resolves({ Endpoints: [summary('fraud')] })
    aws.cloudwatch.on(GetDashboardCommand).rejects(awsError('AccessDenied', 'not authorized to perform GetDashboard'))

    const result = await runAction(inputs)

    expect(result.failed).toBeUndefined()
    expect(result.outputs['endpoint-status']).toBe('Deleted')
    expect(
      result.log.find((line) => line.startsWith(`::warning::CloudWatch dashboard ${name} was not deleted`))
    ).toContain('The role needs cloudwatch:GetDashboard and cloudwatch:DeleteDashboards')
  })
})
