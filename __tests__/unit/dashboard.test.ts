import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { CloudWatchClient, PutDashboardCommand } from '@aws-sdk/client-cloudwatch'
import { ListInferenceComponentsCommand, SageMakerClient } from '@aws-sdk/client-sagemaker'
import { mockClient } from 'aws-sdk-client-mock'
import * as core from '../../__fixtures__/core.js'
import { FakeClock } from '../../__fixtures__/clock.js'
import { awsError } from '../../__fixtures__/sagemaker.js'

jest.unstable_mockModule('@actions/core', () => core)
const { OperationContext } = await import('../../src/context.js')
const { createAwsClients } = await import('../../src/aws/clients.js')
const { newReport } = await import('../../src/report.js')
const { componentsToGraph, dashboardName, putEndpointDashboard } = await import('../../src/dashboard.js')

const cloudwatch = mockClient(CloudWatchClient)

function context(dryRun = false, endpointName = 'fraud', region = 'eu-west-1') {
  const clock = new FakeClock()
  return new OperationContext(
    { endpointName, region, waitForCompletion: true, timeoutMs: 60_000, dryRun },
    createAwsClients(region),
    clock,
    newReport('deploy', endpointName, region, dryRun, clock.now())
  )
}

type Metric = [string, string, string, string, string, string, Record<string, unknown>]
interface Widget {
  type: string
  x: number
  y: number
  width: number
  height: number
  properties: {
    title?: string
    region?: string
    markdown?: string
    metrics?: Array<Metric | [Record<string, unknown>]>
    yAxis?: Record<string, { label?: string }>
  }
}

function sentBody(): { widgets: Widget[] } {
  const input = cloudwatch.commandCalls(PutDashboardCommand)[0]?.args[0].input
  return JSON.parse(input?.DashboardBody ?? '{}') as { widgets: Widget[] }
}

const NAME_RULE = /^[A-Za-z0-9_-]{1,255}$/

beforeEach(() => {
  cloudwatch.reset()
  core.resetCore()
})

describe('putEndpointDashboard', () => {
  it('writes one row of graphs per variant, for the endpoint in its region, and returns the console URL', async () => {
    cloudwatch.on(PutDashboardCommand).resolves({})

    const dashboard = await putEndpointDashboard(context(), {
      endpointName: 'fraud',
      region: 'eu-west-1',
      variants: ['blue-v1', 'green-v2']
    })

    expect(dashboard).toEqual({
      name: 'sagemaker_fraud_eu-west-1',
      url: 'https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#dashboards/dashboard/sagemaker_fraud_eu-west-1'
    })
    expect(cloudwatch.commandCalls(PutDashboardCommand)).toHaveLength(1)
    expect(cloudwatch.commandCalls(PutDashboardCommand)[0]?.args[0].input.DashboardName).toBe(
      'sagemaker_fraud_eu-west-1'
    )
    const graphs = sentBody().widgets.filter((widget) => widget.type === 'metric')
    expect(graphs.map((widget) => widget.properties.title)).toEqual([
      'blue-v1: invocations',
      'blue-v1: errors',
      'blue-v1: model latency',
      'blue-v1: invocations per instance',
      'green-v2: invocations',
      'green-v2: errors',
      'green-v2: model latency',
      'green-v2: invocations per instance'
    ])
    for (const graph of graphs) {
      expect(graph.properties.region).toBe('eu-west-1')
      const variant = graph.properties.title?.split(':')[0]
      for (const metric of graph.properties.metrics ?? []) {
        if (metric.length === 1) continue
        expect(metric.slice(0, 1)).toEqual(['AWS/SageMaker'])
        expect(metric.slice(2, 6)).toEqual(['EndpointName', 'fraud', 'VariantName', variant])
      }
    }
  })

  it('graphs invocations, 4XX and 5XX errors with the 5XX rate, latency average and p99 in microseconds, and invocations per instance', async () => {
    cloudwatch.on(PutDashboardCommand).resolves({})

    await putEndpointDashboard(context(), { endpointName: 'fraud', region: 'eu-west-1', variants: ['blue-v1'] })

    const [invocations, errors, latency, perInstance] = sentBody().widgets.filter((widget) => widget.type === 'metric')
    expect(invocations?.properties.metrics).toEqual([
      [
        'AWS/SageMaker',
        'Invocations',
        'EndpointName',
        'fraud',
        'VariantName',
        'blue-v1',
        expect.objectContaining({ stat: 'Sum' })
      ]
    ])
    expect(errors?.properties.metrics).toEqual([
      [...dimensions('Invocation4XXErrors'), expect.objectContaining({ id: 'errors4xx', stat: 'Sum' })],
      [...dimensions('Invocation5XXErrors'), expect.objectContaining({ id: 'errors5xx', stat: 'Sum' })],
      [
        ...dimensions('InvocationModelErrors'),
        expect.objectContaining({ id: 'modelerrors', stat: 'Sum', visible: false })
      ],
      [...dimensions('Invocations'), expect.objectContaining({ id: 'invocations', stat: 'Sum', visible: false })],
      [
        {
          // 5XX and the requests the model never answered (InvocationModelErrors less its 4XX and 5XX), as the gates.
          expression: '100 * MAX([errors5xx, FILL(modelerrors, 0) - errors4xx]) / invocations',
          id: 'rate5xx',
          label: 'Error rate, 5XX and unanswered (%)',
          yAxis: 'right'
        }
      ]
    ])
    expect(latency?.properties.metrics).toEqual([
      [...dimensions('ModelLatency'), expect.objectContaining({ stat: 'Average', label: 'ModelLatency average (µs)' })],
      [...dimensions('ModelLatency'), expect.objectContaining({ stat: 'p99', label: 'ModelLatency p99 (µs)' })]
    ])
    expect(latency?.properties.yAxis?.left?.label).toBe('Microseconds')
    expect(perInstance?.properties.metrics).toEqual([
      [...dimensions('InvocationsPerInstance'), expect.objectContaining({ stat: 'Sum' })]
    ])
  })

  it('graphs what an asynchronous endpoint publishes, at its period: processed requests, failures, the queue', async () => {
    cloudwatch.on(PutDashboardCommand).resolves({})

    await putEndpointDashboard(context(), {
      endpointName: 'fraud',
      region: 'eu-west-1',
      variants: ['blue-v1'],
      source: { asynchronous: true, periodSeconds: 300 }
    })

    const graphs = sentBody().widgets.filter((widget) => widget.type === 'metric')
    expect(graphs.map((widget) => widget.properties.title)).toEqual([
      'blue-v1: processed invocations',
      'blue-v1: failures',
      'blue-v1: model latency',
      'blue-v1: endpoint queue'
    ])
    const names = graphs.flatMap((graph) => (graph.properties.metrics ?? []).map((metric) => metric[1]))
    for (const unpublished of ['Invocations', 'InvocationsPerInstance', 'OverheadLatency']) {
      expect(names).not.toContain(unpublished)
    }
    expect(names).toEqual(
      expect.arrayContaining(['InvocationsProcesssed', 'InvocationsProcessed', 'InvocationFailures'])
    )
    const [processed, failures, , queue] = graphs
    // Whichever spelling of the count is published, taken once.
    expect(processed?.properties.metrics?.at(-1)).toEqual([
      expect.objectContaining({ expression: 'MAX([FILL(processed1, 0), FILL(processed2, 0)])' })
    ])
    expect(failures?.properties.metrics?.at(-1)).toEqual([
      expect.objectContaining({ expression: '100 * failures / MAX([FILL(processed1, 0), FILL(processed2, 0)])' })
    ])
    // The queue is the endpoint's, published with EndpointName alone.
    expect(queue?.properties.metrics?.map((metric) => metric.slice(0, 4))).toEqual([
      ['AWS/SageMaker', 'ApproximateBacklogSize', 'EndpointName', 'fraud'],
      ['AWS/SageMaker', 'ApproximateAgeOfOldestRequest', 'EndpointName', 'fraud']
    ])
    // Five-minute datapoints graphed in five-minute periods.
    expect(new Set(graphs.map((graph) => (graph.properties as { period?: number }).period))).toEqual(new Set([300]))
  })

  it('lays the widgets out on the 24-column grid without overlaps', async () => {
    cloudwatch.on(PutDashboardCommand).resolves({})

    await putEndpointDashboard(context(), { endpointName: 'fraud', region: 'eu-west-1', variants: ['a', 'b', 'c'] })

    const widgets = sentBody().widgets
    const cells = new Set<string>()
    for (const widget of widgets) {
      expect(widget.x + widget.width).toBeLessThanOrEqual(24)
      for (let x = widget.x; x < widget.x + widget.width; x++) {
        for (let y = widget.y; y < widget.y + widget.height; y++) {
          const cell = `${x},${y}`
          expect(cells.has(cell)).toBe(false)
          cells.add(cell)
        }
      }
    }
    expect(widgets.filter((widget) => widget.type === 'text').map((widget) => widget.properties.markdown)).toEqual([
      expect.stringContaining('changes made here are replaced'),
      '### Variant a',
      '### Variant b',
      '### Variant c'
    ])
  })

  it("graphs each inference component under its own dimension, and the copies' reservation of the instances", async () => {
    cloudwatch.on(PutDashboardCommand).resolves({})

    await putEndpointDashboard(context(), {
      endpointName: 'fraud',
      region: 'eu-west-1',
      variants: ['AllTraffic'],
      components: ['chat', 'ranker']
    })

    const widgets = sentBody().widgets
    expect(widgets.filter((widget) => widget.type === 'text').map((widget) => widget.properties.markdown)).toEqual([
      expect.stringContaining('changes made here are replaced'),
      '### Variant AllTraffic',
      '### Inference component chat',
      '### Inference component ranker'
    ])
    const graphs = widgets.filter((widget) => widget.type === 'metric')
    const [reservation, ...componentGraphs] = graphs
    expect(reservation?.properties.metrics?.map((line) => line.slice(0, 6))).toEqual(
      ['CPUReservation', 'MemoryReservation', 'GPUReservation'].map((name) => [
        '/aws/sagemaker/Endpoints',
        name,
        'EndpointName',
        'fraud',
        'VariantName',
        'AllTraffic'
      ])
    )
    expect(componentGraphs.map((graph) => graph.properties.title)).toEqual([
      'chat: invocations',
      'chat: errors',
      'chat: model latency',
      'chat: invocations per copy',
      'ranker: invocations',
      'ranker: errors',
      'ranker: model latency',
      'ranker: invocations per copy'
    ])
    // Published under InferenceComponentName alone: a VariantName beside it would match no datapoint.
    for (const graph of componentGraphs) {
      for (const line of graph.properties.metrics ?? []) {
        if (typeof line[0] === 'string') expect(line.slice(2, 4)).toEqual(['InferenceComponentName', line[3]])
      }
    }
    expect(componentGraphs[3]?.properties.metrics?.[0]?.slice(0, 4)).toEqual([
      'AWS/SageMaker',
      'InvocationsPerCopy',
      'InferenceComponentName',
      'chat'
    ])
    expect(componentGraphs[1]?.properties.metrics?.at(-1)).toEqual([
      expect.objectContaining({ expression: '100 * MAX([errors5xx, FILL(modelerrors, 0) - errors4xx]) / invocations' })
    ])
  })

  it('shows a variant named twice once', async () => {
    cloudwatch.on(PutDashboardCommand).resolves({})

    await putEndpointDashboard(context(), { endpointName: 'fraud', region: 'eu-west-1', variants: ['a', 'a'] })

    expect(sentBody().widgets.filter((widget) => widget.type === 'metric')).toHaveLength(4)
  })

  it('only plans the call in a dry run', async () => {
    const ctx = context(true)

    const dashboard = await putEndpointDashboard(ctx, { endpointName: 'fraud', region: 'eu-west-1', variants: ['a'] })

    expect(dashboard).toBeUndefined()
    expect(cloudwatch.calls()).toHaveLength(0)
    expect(ctx.report.changes).toEqual([
      {
        api: 'PutDashboard',
        resource: 'dashboard "sagemaker_fraud_eu-west-1"',
        input: { DashboardName: 'sagemaker_fraud_eu-west-1', DashboardBody: expect.any(String) }
      }
    ])
  })

  it('warns, and does not fail the deploy, when CloudWatch refuses', async () => {
    cloudwatch
      .on(PutDashboardCommand)
      .rejects(awsError('AccessDenied', 'User is not authorized to perform: cloudwatch:PutDashboard'))
    const ctx = context()

    const dashboard = await putEndpointDashboard(ctx, { endpointName: 'fraud', region: 'eu-west-1', variants: ['a'] })

    expect(dashboard).toBeUndefined()
    expect(core.log).toContainEqual(
      expect.stringMatching(/^::warning::CloudWatch dashboard sagemaker_fraud_eu-west-1 was not written .*AccessDenied/)
    )
    expect(ctx.report.notes).toEqual([expect.stringContaining('cloudwatch:PutDashboard')])
  })

  it("passes on CloudWatch's remarks about the body as warnings", async () => {
    cloudwatch.on(PutDashboardCommand).resolves({
      DashboardValidationMessages: [
        { DataPath: '/widgets/3/properties/metrics/0', Message: 'Should NOT have more than 2 items' }
      ]
    })

    const dashboard = await putEndpointDashboard(context(), {
      endpointName: 'fraud',
      region: 'eu-west-1',
      variants: ['a']
    })

    expect(dashboard).toBeDefined()
    expect(core.log).toContainEqual(
      '::warning::CloudWatch dashboard sagemaker_fraud_eu-west-1: /widgets/3/properties/metrics/0 Should NOT have more than 2 items'
    )
  })

  it('writes nothing for an endpoint without variants', async () => {
    const dashboard = await putEndpointDashboard(context(), {
      endpointName: 'fraud',
      region: 'eu-west-1',
      variants: []
    })

    expect(dashboard).toBeUndefined()
    expect(cloudwatch.calls()).toHaveLength(0)
  })
})

function dimensions(metric: string): string[] {
  return ['AWS/SageMaker', metric, 'EndpointName', 'fraud', 'VariantName', 'blue-v1']
}

describe('componentsToGraph', () => {
  const sagemaker = mockClient(SageMakerClient)
  beforeEach(() => {
    sagemaker.reset()
  })

  function componentContext(inferenceComponentName?: string) {
    const clock = new FakeClock()
    return new OperationContext(
      {
        endpointName: 'fraud',
        region: 'eu-west-1',
        waitForCompletion: true,
        timeoutMs: 60_000,
        dryRun: false,
        ...(inferenceComponentName !== undefined ? { inferenceComponentName } : {})
      },
      createAwsClients('eu-west-1'),
      clock,
      newReport('deploy', 'fraud', 'eu-west-1', false, clock.now())
    )
  }

  it("graphs every component on the endpoint, so a deploy of one keeps the others' rows", async () => {
    sagemaker.on(ListInferenceComponentsCommand).resolves({
      InferenceComponents: [{ InferenceComponentName: 'ranker' }, { InferenceComponentName: 'chat' }] as never
    })

    expect(await componentsToGraph(componentContext('chat'))).toEqual(['chat', 'ranker'])
    expect(sagemaker.commandCalls(ListInferenceComponentsCommand)[0]?.args[0].input.EndpointNameEquals).toBe('fraud')
  })

  it('graphs the component acted on, with a warning, when the others cannot be listed', async () => {
    sagemaker.on(ListInferenceComponentsCommand).rejects(awsError('AccessDeniedException', 'not allowed'))
    const ctx = componentContext('chat')

    expect(await componentsToGraph(ctx)).toEqual(['chat'])
    expect(core.log).toContainEqual(expect.stringMatching(/^::warning::CloudWatch dashboard: .*could not be listed/))
  })

  it('graphs no component for a run on variants', async () => {
    expect(await componentsToGraph(componentContext())).toBeUndefined()
    expect(sagemaker.calls()).toHaveLength(0)
  })
})

describe('dashboardName', () => {
  it('names the dashboard after the endpoint and its region, since dashboards are global', () => {
    expect(dashboardName('fraud', 'us-east-1')).toBe('sagemaker_fraud_us-east-1')
    expect(dashboardName('fraud', 'eu-west-1')).not.toBe(dashboardName('fraud', 'us-east-1'))
  })

  it('keeps the longest endpoint name SageMaker allows whole', () => {
    const longest = `a${'-b'.repeat(31)}`
    expect(longest).toHaveLength(63)
    expect(dashboardName(longest, 'ap-southeast-2')).toBe(`sagemaker_${longest}_ap-southeast-2`)
  })

  it('makes any name valid, and keeps names that had to change apart', () => {
    const odd = ['fraud.v2', 'fraud v2', 'fräud/v2', 'fraud_v2', 'x'.repeat(400), `${'x'.repeat(400)}y`]
    const names = odd.map((endpoint) => dashboardName(endpoint, 'us-east-1'))
    for (const name of names) expect(name).toMatch(NAME_RULE)
    expect(new Set(names).size).toBe(odd.length)
    expect(names[4]).toMatch(/_us-east-1-[0-9a-f]{8}$/)
  })
})
