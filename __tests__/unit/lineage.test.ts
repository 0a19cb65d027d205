import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import {
  DescribeEndpointCommand,
  DescribeEndpointConfigCommand,
  ListEndpointsCommand,
  ListTagsCommand
} from '@aws-sdk/client-sagemaker'
import * as core from '../../__fixtures__/core.js'
import { FakeClock } from '../../__fixtures__/clock.js'
import { awsError, endpoint, endpointConfig } from '../../__fixtures__/sagemaker.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, awsCallNames, resetAws } = await import('../../__fixtures__/action.js')
const { createAwsClients } = await import('../../src/aws/clients.js')
const { OperationContext } = await import('../../src/context.js')
const { newReport } = await import('../../src/report.js')
const lineage = await import('../../src/lineage.js')

function context(endpointName = 'fraud') {
  const settings = { endpointName, region: 'us-east-1', waitForCompletion: true, timeoutMs: 60_000, dryRun: false }
  return new OperationContext(
    settings,
    createAwsClients('us-east-1'),
    new FakeClock(),
    newReport('delete', endpointName, 'us-east-1', false, 0)
  )
}

const notFound = (what: string) => awsError('ValidationException', `Could not find ${what}.`)

describe('lineage', () => {
  beforeEach(() => {
    resetAws()
    core.resetCore()
  })

  it('reads the action tags, ignoring the rest', () => {
    expect(
      lineage.lineageOf({
        'sagemaker-deploy:endpoint': 'fraud',
        'sagemaker-deploy:previous-config': 'fraud-cfg-1',
        'sagemaker-deploy:role': 'release',
        team: 'risk'
      })
    ).toEqual({ endpoint: 'fraud', previousConfig: 'fraud-cfg-1', role: 'release' })
    expect(lineage.lineageOf({})).toEqual({})
  })

  it('reads every page of a config’s tags', async () => {
    const config = endpointConfig('fraud-cfg-2')
    aws.sagemaker
      .on(ListTagsCommand)
      .resolvesOnce({ Tags: [{ Key: 'sagemaker-deploy:endpoint', Value: 'fraud' }], NextToken: 'page-2' })
      .resolvesOnce({ Tags: [{ Key: 'sagemaker-deploy:previous-config', Value: 'fraud-cfg-1' }] })

    const tags = await lineage.configTags(context(), config)

    expect(tags).toEqual({ 'sagemaker-deploy:endpoint': 'fraud', 'sagemaker-deploy:previous-config': 'fraud-cfg-1' })
    const calls = aws.sagemaker.commandCalls(ListTagsCommand).map((call) => call.args[0].input)
    expect(calls[0]).toMatchObject({ ResourceArn: config.EndpointConfigArn })
    expect(calls[1]).toMatchObject({ ResourceArn: config.EndpointConfigArn, NextToken: 'page-2' })
  })

  it('names ListTags, the config and the AWS code when tags cannot be read', async () => {
    aws.sagemaker.on(ListTagsCommand).rejects(awsError('AccessDeniedException', 'not authorized to ListTags'))

    await expect(lineage.configTags(context(), endpointConfig('fraud-cfg-2'))).rejects.toThrow(
      'ListTags on endpoint config "fraud-cfg-2" failed: AccessDeniedException'
    )
  })

  it('lists every model a config runs once, shadow variants included', () => {
    const config = endpointConfig('cfg', [
      { name: 'a', model: 'model-a' },
      { name: 'b', model: 'model-a' },
      { name: 'c', model: 'model-c' }
    ])
    config.ShadowProductionVariants = [{ VariantName: 'shadow', ModelName: 'model-shadow' }]
    expect(lineage.modelsOf(config)).toEqual(['model-a', 'model-c', 'model-shadow'])
  })

  it('maps the configs and models other endpoints use, across every page of endpoints', async () => {
    aws.sagemaker
      .on(ListEndpointsCommand)
      .resolvesOnce({
        Endpoints: [
          {
            EndpointName: 'fraud',
            EndpointArn: 'a',
            EndpointStatus: 'InService',
            CreationTime: new Date(0),
            LastModifiedTime: new Date(0)
          },
          {
            EndpointName: 'search',
            EndpointArn: 'b',
            EndpointStatus: 'InService',
            CreationTime: new Date(0),
            LastModifiedTime: new Date(0)
          }
        ],
        NextToken: 'more'
      })
      .resolvesOnce({
        Endpoints: [
          {
            EndpointName: 'fraud-v2',
            EndpointArn: 'c',
            EndpointStatus: 'Updating',
            CreationTime: new Date(0),
            LastModifiedTime: new Date(0)
          },
          {
            EndpointName: 'old',
            EndpointArn: 'd',
            EndpointStatus: 'Deleting',
            CreationTime: new Date(0),
            LastModifiedTime: new Date(0)
          }
        ]
      })
    aws.sagemaker
      .on(DescribeEndpointCommand, { EndpointName: 'search' })
      .resolves(endpoint('search', 'InService', 'shared-cfg'))
    aws.sagemaker.on(DescribeEndpointCommand, { EndpointName: 'fraud-v2' }).resolves(
      endpoint('fraud-v2', 'Updating', 'shared-cfg', undefined, {
        PendingDeploymentSummary: { EndpointConfigName: 'fraud-v2-cfg-2' }
      })
    )
    aws.sagemaker
      .on(DescribeEndpointConfigCommand, { EndpointConfigName: 'shared-cfg' })
      .resolves(endpointConfig('shared-cfg', [{ name: 'AllTraffic', model: 'shared-model' }]))
    aws.sagemaker
      .on(DescribeEndpointConfigCommand, { EndpointConfigName: 'fraud-v2-cfg-2' })
      .resolves(endpointConfig('fraud-v2-cfg-2', [{ name: 'AllTraffic', model: 'fraud-v2-model-2' }]))

    const inUse = await lineage.inUseByOtherEndpoints(context(), 'fraud')

    expect(Object.fromEntries(inUse.configs)).toEqual({
      'shared-cfg': ['search', 'fraud-v2'],
      'fraud-v2-cfg-2': ['fraud-v2']
    })
    expect(Object.fromEntries(inUse.models)).toEqual({
      'shared-model': ['search', 'fraud-v2'],
      'fraud-v2-model-2': ['fraud-v2']
    })
    const described = aws.sagemaker.commandCalls(DescribeEndpointCommand).map((call) => call.args[0].input.EndpointName)
    expect(described.sort()).toEqual(['fraud-v2', 'search'])
  })

  it('skips an endpoint that vanished between listing and describing it', async () => {
    aws.sagemaker.on(ListEndpointsCommand).resolves({
      Endpoints: [
        {
          EndpointName: 'gone',
          EndpointArn: 'g',
          EndpointStatus: 'InService',
          CreationTime: new Date(0),
          LastModifiedTime: new Date(0)
        }
      ]
    })
    aws.sagemaker.on(DescribeEndpointCommand).rejects(notFound('endpoint "gone"'))

    const { configs } = await lineage.inUseByOtherEndpoints(context(), 'fraud', { models: false })

    expect(configs.size).toBe(0)
  })

  it('does not read configs when only configs are asked for', async () => {
    aws.sagemaker.on(ListEndpointsCommand).resolves({
      Endpoints: [
        {
          EndpointName: 'search',
          EndpointArn: 'b',
          EndpointStatus: 'InService',
          CreationTime: new Date(0),
          LastModifiedTime: new Date(0)
        }
      ]
    })
    aws.sagemaker.on(DescribeEndpointCommand).resolves(endpoint('search', 'InService', 'search-cfg'))

    const { configs } = await lineage.inUseByOtherEndpoints(context(), 'fraud', { models: false })

    expect(Object.fromEntries(configs)).toEqual({ 'search-cfg': ['search'] })
    expect(awsCallNames()).toEqual(['sagemaker.ListEndpoints', 'sagemaker.DescribeEndpoint'])
  })
})
