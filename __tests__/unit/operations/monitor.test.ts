import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { DescribeAlarmsCommand, GetMetricDataCommand, type MetricDataResult } from '@aws-sdk/client-cloudwatch'
import { DescribeEndpointCommand, DescribeEndpointConfigCommand } from '@aws-sdk/client-sagemaker'
import * as core from '../../../__fixtures__/core.js'
import { FakeClock } from '../../../__fixtures__/clock.js'
import { awsError, endpoint, endpointConfig } from '../../../__fixtures__/sagemaker.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, awsCallNames, resetAws, runAction } = await import('../../../__fixtures__/action.js')

const variants = [
  { name: 'blue', weight: 80, count: 2 },
  { name: 'green-v2', weight: 20, count: 1 }
]
const inputs = { operation: 'monitor', 'endpoint-name': 'fraud' }
/** Half a minute past noon: the window's edges must move to whole minutes. */
const clockAt = (): FakeClock => new FakeClock(Date.UTC(2026, 0, 15, 12, 0, 30))

const T1 = new Date('2026-01-15T11:58:00Z')
const T2 = new Date('2026-01-15T11:59:00Z')

function series(id: string, points: Array<[Date, number]>): MetricDataResult {
  return {
    Id: id,
    StatusCode: 'Complete',
    Timestamps: points.map(([timestamp]) => timestamp),
    Values: points.map(([, value]) => value)
  }
}

/**
 * blue: 1000 invocations, 5 5XX (0.5%), p99 up to 180 ms a minute; green-v2: 100 invocations, 4 5XX (4%), p99 420 ms
 * in its quieter minute and 310 ms over the window.
 */
const traffic: MetricDataResult[] = [
  series('v0_invocations', [
    [T1, 400],
    [T2, 600]
  ]),
  series('v0_errors4xx', [
    [T1, 2],
    [T2, 1]
  ]),
  series('v0_errors5xx', [
    [T1, 0],
    [T2, 5]
  ]),
  series('v0_latency_avg', [
    [T1, 10_000],
    [T2, 15_000]
  ]),
  series('v0_latency_p99', [
    [T1, 120_000],
    [T2, 180_000]
  ]),
  series('v1_invocations', [
    [T1, 40],
    [T2, 60]
  ]),
  series('v1_errors4xx', [[T2, 0]]),
  series('v1_errors5xx', [
    [T1, 1],
    [T2, 3]
  ]),
  series('v1_latency_avg', [
    [T1, 30_000],
    [T2, 35_000]
  ]),
  series('v1_latency_p99', [
    [T1, 420_000],
    [T2, 300_000]
  ]),
  series('v1_latency_p99_window', [[new Date('2026-01-15T11:50:00Z'), 310_000]])
]

function serving(status = 'InService', extra = {}): void {
  aws.sagemaker.on(DescribeEndpointCommand).resolves(endpoint('fraud', status, 'cfg-1', variants, extra))
  aws.sagemaker.on(DescribeEndpointConfigCommand).resolves(endpointConfig('cfg-1', variants))
  aws.cloudwatch.on(GetMetricDataCommand).resolves({ MetricDataResults: traffic })
}

describe('monitor', () => {
  beforeEach(() => resetAws())

  it('reads every variant in one GetMetricData call over the window and reports totals and series', async () => {
    serving()

    const result = await runAction({ ...inputs, 'metrics-window': '10m' }, { clock: clockAt() })

    expect(result.failed).toBeUndefined()
    expect(awsCallNames()).toEqual([
      'sagemaker.DescribeEndpoint',
      'sagemaker.DescribeEndpointConfig',
      'cloudwatch.GetMetricData'
    ])
    const input = aws.cloudwatch.commandCalls(GetMetricDataCommand)[0]?.args[0].input
    expect(input?.StartTime).toEqual(new Date('2026-01-15T11:50:00Z'))
    expect(input?.EndTime).toEqual(new Date('2026-01-15T12:01:00Z'))
    expect(input?.MetricDataQueries).toHaveLength(14)
    const green = {
      Dimensions: [
        { Name: 'EndpointName', Value: 'fraud' },
        { Name: 'VariantName', Value: 'green-v2' }
      ]
    }
    expect(input?.MetricDataQueries?.[12]?.MetricStat).toMatchObject({ Metric: green, Period: 60, Stat: 'p99' })
    // The window's own p99, in one period of its 11 minutes: a p99 cannot be combined across periods.
    expect(input?.MetricDataQueries?.[13]).toMatchObject({
      Id: 'v1_latency_p99_window',
      MetricStat: { Metric: green, Period: 660, Stat: 'p99' }
    })

    const metrics = JSON.parse(result.outputs.metrics ?? '')
    expect(metrics).toMatchObject({
      start: '2026-01-15T11:50:00.000Z',
      end: '2026-01-15T12:01:00.000Z',
      periodSeconds: 60
    })
    expect(metrics.variants.blue).toEqual({
      invocations: 1000,
      errors4xx: 3,
      errors5xx: 5,
      errorRate: 0.005,
      // (10 ms × 400 + 15 ms × 600) / 1000
      latencyAverageMs: 13,
      latencyP99Ms: 180,
      series: [
        {
          timestamp: '2026-01-15T11:58:00.000Z',
          invocations: 400,
          errors4xx: 2,
          errors5xx: 0,
          errorRate: 0,
          latencyAverageMs: 10,
          latencyP99Ms: 120
        },
        {
          timestamp: '2026-01-15T11:59:00.000Z',
          invocations: 600,
          errors4xx: 1,
          errors5xx: 5,
          errorRate: 5 / 600,
          latencyAverageMs: 15,
          latencyP99Ms: 180
        }
      ]
    })
    expect(metrics.variants['green-v2']).toMatchObject({ invocations: 100, errors5xx: 4, errorRate: 0.04 })
    // The window's p99, not the worst minute's; blue, with no window p99 served, keeps its worst minute's.
    expect(metrics.variants['green-v2'].latencyP99Ms).toBe(310)
    expect(metrics.variants['green-v2'].series.map((point: { latencyP99Ms: number }) => point.latencyP99Ms)).toEqual([
      420, 300
    ])
    expect(result.outputs).toMatchObject({ 'endpoint-status': 'InService', healthy: 'true' })
    expect(JSON.parse(result.outputs['variant-weights'] ?? '')).toEqual({ blue: 80, 'green-v2': 20 })
  })

  it('renders the Metrics table in the job summary', async () => {
    serving()

    const result = await runAction(inputs, { clock: clockAt() })

    expect(result.summary).toContain('<h3>Metrics (last 15m, 1m periods)</h3>')
    expect(result.summary).toContain(
      '<tr><td>blue</td><td>1,000</td><td>3</td><td>5</td><td>0.50%</td><td>13.0 ms</td><td>180.0 ms</td></tr>'
    )
    expect(result.summary).toContain(
      '<tr><td>green-v2</td><td>100</td><td>0</td><td>4</td><td>4.00%</td><td>33.0 ms</td><td>310.0 ms</td></tr>'
    )
    expect(result.summary).toContain('<h3>Variants now</h3>')
  })

  it('shows a variant without traffic as zeros and dashes', async () => {
    serving()
    aws.cloudwatch.on(GetMetricDataCommand).resolves({ MetricDataResults: [] })

    const result = await runAction({ ...inputs, 'max-error-rate': '1%' }, { clock: clockAt() })

    expect(result.failed).toBeUndefined()
    expect(result.summary).toContain(
      '<tr><td>blue</td><td>0</td><td>0</td><td>0</td><td>—</td><td>—</td><td>—</td></tr>'
    )
    expect(JSON.parse(result.outputs.metrics ?? '').variants.blue).toEqual({
      invocations: 0,
      errors4xx: 0,
      errors5xx: 0,
      series: []
    })
    expect(result.summary).toContain('No invocations in the last 15m')
  })

  it('uses metrics-period for every query and aligns the window to it', async () => {
    serving()

    await runAction({ ...inputs, 'metrics-window': '1h', 'metrics-period': '5m' }, { clock: clockAt() })

    const input = aws.cloudwatch.commandCalls(GetMetricDataCommand)[0]?.args[0].input
    expect(input?.StartTime).toEqual(new Date('2026-01-15T11:00:00Z'))
    expect(input?.EndTime).toEqual(new Date('2026-01-15T12:05:00Z'))
    // metrics-period for every series, and the whole window for its own p99.
    expect(new Set(input?.MetricDataQueries?.map((query) => query.MetricStat?.Period))).toEqual(new Set([300, 3900]))
  })

  it('fails the step when a variant is above max-error-rate', async () => {
    serving()

    const result = await runAction({ ...inputs, 'max-error-rate': '2%' }, { clock: clockAt() })

    expect(result.failed).toBe(
      'Endpoint "fraud" is unhealthy: variant "green-v2" error rate 4% (4 5XX of 100) is above max-error-rate 2%.'
    )
    expect(result.outputs.healthy).toBe('false')
    expect(result.outputs.metrics).toBeDefined()
    expect(result.summary).toContain('❌ monitor unhealthy')
    expect(result.summary).toContain('<h3>Metrics')
  })

  it('fails the step when a variant is above max-latency-p99', async () => {
    serving()

    const result = await runAction({ ...inputs, 'max-latency-p99': '250ms' }, { clock: clockAt() })

    expect(result.failed).toBe(
      'Endpoint "fraud" is unhealthy: variant "green-v2" p99 model latency 310.0 ms is above max-latency-p99 250 ms.'
    )
  })

  it('passes when every variant is within the thresholds', async () => {
    serving()

    const result = await runAction({ ...inputs, 'max-error-rate': '5%', 'max-latency-p99': '500ms' })

    expect(result.failed).toBeUndefined()
    expect(result.outputs.healthy).toBe('true')
    expect(result.summary).toContain(
      'Endpoint &quot;fraud&quot; is healthy: InService, error rate at most 5%, p99 latency at most 500 ms.'
    )
  })

  it('warns and succeeds with healthy=false when fail-on-unhealthy is false', async () => {
    serving()

    const result = await runAction(
      { ...inputs, 'max-error-rate': '1%', 'max-latency-p99': '200ms', 'fail-on-unhealthy': 'false' },
      { clock: clockAt() }
    )

    expect(result.failed).toBeUndefined()
    expect(result.outputs.healthy).toBe('false')
    expect(result.log).toContain(
      '::warning::Endpoint "fraud" is unhealthy: variant "green-v2" error rate 4% (4 5XX of 100) is above max-error-rate 1%; variant "green-v2" p99 model latency 310.0 ms is above max-latency-p99 200 ms. The step succeeds because fail-on-unhealthy is false.'
    )
    expect(result.summary).toContain('❌ monitor unhealthy')
  })

  it('reads alarm-names in one DescribeAlarms call and is unhealthy when one is in ALARM', async () => {
    serving()
    aws.cloudwatch.on(DescribeAlarmsCommand).resolves({
      MetricAlarms: [
        { AlarmName: 'fraud-5xx', StateValue: 'ALARM', StateReason: 'Threshold Crossed: 1 datapoint [12.0] > 5.0' },
        { AlarmName: 'fraud-latency', StateValue: 'OK' }
      ]
    })

    const result = await runAction({ ...inputs, 'alarm-names': 'fraud-5xx\nfraud-latency' }, { clock: clockAt() })

    expect(aws.cloudwatch.commandCalls(DescribeAlarmsCommand)).toHaveLength(1)
    expect(aws.cloudwatch.commandCalls(DescribeAlarmsCommand)[0]?.args[0].input.AlarmNames).toEqual([
      'fraud-5xx',
      'fraud-latency'
    ])
    expect(result.failed).toBe(
      'Endpoint "fraud" is unhealthy: alarm "fraud-5xx" is in ALARM (Threshold Crossed: 1 datapoint [12.0] > 5.0).'
    )
  })

  it('is healthy while the alarms are OK or short of data', async () => {
    serving()
    aws.cloudwatch.on(DescribeAlarmsCommand).resolves({
      MetricAlarms: [{ AlarmName: 'fraud-5xx', StateValue: 'INSUFFICIENT_DATA' }],
      CompositeAlarms: [{ AlarmName: 'fraud-overall', StateValue: 'OK' }]
    })

    const result = await runAction({ ...inputs, 'alarm-names': 'fraud-5xx, fraud-overall' }, { clock: clockAt() })

    expect(result.failed).toBeUndefined()
    expect(result.outputs.healthy).toBe('true')
    // Short of data says nothing either way, and the run says so.
    expect(result.log).toContain(
      '::warning::Alarm "fraud-5xx" is in INSUFFICIENT_DATA: it has no data to judge by, and says nothing of the endpoint\'s health.'
    )
    expect(result.log.some((line) => line.includes('"fraud-overall" is in INSUFFICIENT_DATA'))).toBe(false)
  })

  it('says so when max-latency-p99 could not be checked: requests, but no p99 served', async () => {
    serving()
    // ModelLatency published as statistic sets: CloudWatch serves its average, no percentile.
    aws.cloudwatch.on(GetMetricDataCommand).resolves({
      MetricDataResults: traffic.filter((result) => !result.Id?.endsWith('_latency_p99'))
    })

    const result = await runAction({ ...inputs, 'max-latency-p99': '250ms' }, { clock: clockAt() })

    expect(result.outputs.healthy).toBe('true')
    expect(result.log.filter((line) => line.startsWith('::warning::max-latency-p99 was not checked'))).toEqual([
      expect.stringContaining('on variant "blue": it took'),
      expect.stringContaining('on variant "green-v2": it took')
    ])
  })

  it('names alarm-names when an alarm does not exist, whatever fail-on-unhealthy says', async () => {
    serving()
    aws.cloudwatch.on(DescribeAlarmsCommand).resolves({ MetricAlarms: [{ AlarmName: 'fraud-5xx', StateValue: 'OK' }] })

    const result = await runAction(
      { ...inputs, 'alarm-names': 'fraud-5xx,fraud-typo', 'fail-on-unhealthy': 'false' },
      { clock: clockAt() }
    )

    expect(result.failed).toBe('Input "alarm-names" names "fraud-typo", which is not a CloudWatch alarm in us-east-1.')
  })

  it('is unhealthy when the endpoint is not InService, even without thresholds', async () => {
    serving('Failed', { FailureReason: 'Image pull failed' })

    const result = await runAction(inputs, { clock: clockAt() })

    expect(result.failed).toBe(
      'Endpoint "fraud" is unhealthy: it is Failed, not InService (FailureReason: Image pull failed).'
    )
    expect(result.outputs).toMatchObject({ healthy: 'false', 'endpoint-status': 'Failed' })
  })

  it('fails when the endpoint does not exist', async () => {
    aws.sagemaker
      .on(DescribeEndpointCommand)
      .rejects(awsError('ValidationException', 'Could not find endpoint "fraud".'))

    const result = await runAction({ ...inputs, 'fail-on-unhealthy': 'false' })

    expect(result.failed).toBe('Endpoint "fraud" does not exist in us-east-1.')
    expect(aws.cloudwatch.calls()).toHaveLength(0)
  })

  it.each([
    ['metrics-window', '30s', 'at least 1m'],
    ['metrics-period', '90s', 'whole number of minutes'],
    ['max-error-rate', '5 percent', 'percentage with its % sign, such as 1% or 0.5%'],
    ['max-error-rate', '0.05', 'a bare number is ambiguous: is 0.01 1% or 0.01%?'],
    ['max-error-rate', '150%', 'percentage from 0% to 100%'],
    ['max-latency-p99', 'fast', 'latency with its unit, ms or s, such as 250ms or 1.5s'],
    ['max-latency-p99', '250', 'a bare number is ambiguous: ModelLatency is published in microseconds'],
    ['fail-on-unhealthy', 'maybe', 'true or false']
  ])('rejects %s %j before any AWS call', async (input, value, expected) => {
    const result = await runAction({ ...inputs, [input]: value })
    expect(result.failed).toContain(`"${input}"`)
    expect(result.failed).toContain(expected)
    expect(awsCallNames()).toEqual([])
  })

  it('rejects more than 100 alarm names before any AWS call', async () => {
    const names = Array.from({ length: 101 }, (_, index) => `alarm-${index}`).join(',')
    const result = await runAction({ ...inputs, 'alarm-names': names })
    expect(result.failed).toContain('"alarm-names" may name at most 100 alarms')
    expect(awsCallNames()).toEqual([])
  })

  it('names the API, the endpoint and the AWS error code when CloudWatch refuses', async () => {
    serving()
    aws.cloudwatch
      .on(GetMetricDataCommand)
      .rejects(awsError('AccessDenied', 'User is not authorized to perform: cloudwatch:GetMetricData'))

    const result = await runAction(inputs, { clock: clockAt() })

    expect(result.failed).toBe(
      'GetMetricData on endpoint "fraud" (blue, green-v2) failed: AccessDenied: User is not authorized to perform: cloudwatch:GetMetricData'
    )
    expect(result.outputs['endpoint-status']).toBe('InService')
  })
})

describe('monitor on what the endpoint publishes', () => {
  beforeEach(() => resetAws())

  it('reports an asynchronous endpoint by its processed requests and failures, and judges max-error-rate on them', async () => {
    aws.sagemaker.on(DescribeEndpointCommand).resolves(endpoint('fraud', 'InService', 'cfg-1', [variants[0]!]))
    aws.sagemaker.on(DescribeEndpointConfigCommand).resolves({
      ...endpointConfig('cfg-1', [variants[0]!]),
      AsyncInferenceConfig: { OutputConfig: { S3OutputPath: 's3://fraud-async/out/' } }
    })
    aws.cloudwatch.on(GetMetricDataCommand).resolves({
      MetricDataResults: [
        series('v0_invocations', [[T2, 200]]),
        series('v0_errors5xx', [[T2, 1]]),
        series('v0_failures', [[T2, 10]])
      ]
    })

    const result = await runAction({ ...inputs, 'max-error-rate': '2%' }, { clock: clockAt() })

    const names = (aws.cloudwatch.commandCalls(GetMetricDataCommand)[0]?.args[0].input.MetricDataQueries ?? []).map(
      (query) => query.MetricStat?.Metric?.MetricName
    )
    expect(names).toContain('InvocationFailures')
    expect(names).not.toContain('Invocations')
    // Failures for any reason, not only the model's 5XX answers: 10 of 200 is 5%.
    expect(result.failed).toBe(
      'Endpoint "fraud" is unhealthy: variant "blue" error rate 5% (10 failed of 200 processed) is above max-error-rate 2%.'
    )
    expect(result.summary).toContain(
      '<th>Variant</th><th>Processed</th><th>4XX</th><th>5XX</th><th>Failures</th><th>Failure rate</th>'
    )
  })

  it('counts the requests a real-time model never answered as errors: InvocationModelErrors less its 4XX and 5XX', async () => {
    aws.sagemaker.on(DescribeEndpointCommand).resolves(endpoint('fraud', 'InService', 'cfg-1', [variants[0]!]))
    aws.sagemaker.on(DescribeEndpointConfigCommand).resolves(endpointConfig('cfg-1', [variants[0]!]))
    aws.cloudwatch.on(GetMetricDataCommand).resolves({
      MetricDataResults: [
        series('v0_invocations', [[T2, 200]]),
        series('v0_errors4xx', [[T2, 4]]),
        series('v0_errors5xx', [[T2, 1]]),
        // 4 4XX, 1 5XX and 9 timeouts or dropped connections.
        series('v0_model_errors', [[T2, 14]])
      ]
    })

    const result = await runAction({ ...inputs, 'max-error-rate': '2%' }, { clock: clockAt() })

    expect(result.failed).toBe(
      'Endpoint "fraud" is unhealthy: variant "blue" error rate 5% (10 5XX or unanswered of 200 (9 unanswered)) is above max-error-rate 2%.'
    )
    const metrics = JSON.parse(result.outputs.metrics ?? '{}') as { variants: Record<string, object> }
    expect(metrics.variants.blue).toMatchObject({ errors4xx: 4, errors5xx: 1, unanswered: 9, errorRate: 0.05 })
    expect(result.summary).toContain('<th>4XX</th><th>5XX</th><th>Unanswered</th><th>Error rate</th>')
  })

  it('refuses an alarm on Invocations of an asynchronous endpoint, which would pass it for ever', async () => {
    aws.sagemaker.on(DescribeEndpointCommand).resolves(endpoint('fraud', 'InService', 'cfg-1', [variants[0]!]))
    aws.sagemaker.on(DescribeEndpointConfigCommand).resolves({
      ...endpointConfig('cfg-1', [variants[0]!]),
      AsyncInferenceConfig: { OutputConfig: { S3OutputPath: 's3://fraud-async/out/' } }
    })
    aws.cloudwatch.on(DescribeAlarmsCommand).resolves({
      MetricAlarms: [
        {
          AlarmName: 'fraud-idle',
          StateValue: 'OK',
          Namespace: 'AWS/SageMaker',
          MetricName: 'Invocations',
          Dimensions: [{ Name: 'EndpointName', Value: 'fraud' }]
        }
      ]
    })

    const result = await runAction({ ...inputs, 'alarm-names': 'fraud-idle' }, { clock: clockAt() })

    expect(result.failed).toMatch(/^Input "alarm-names": "fraud-idle" watches Invocations of endpoint "fraud"/)
    expect(awsCallNames()).not.toContain('cloudwatch.GetMetricData')
  })

  it('reads an endpoint publishing every five minutes in five-minute periods, and says so', async () => {
    serving()
    aws.sagemaker.on(DescribeEndpointConfigCommand).resolves({
      ...endpointConfig('cfg-1', variants),
      MetricsConfig: { EnableEnhancedMetrics: true, MetricPublishFrequencyInSeconds: 300 }
    })

    const result = await runAction({ ...inputs, 'metrics-window': '15m' }, { clock: clockAt() })

    const input = aws.cloudwatch.commandCalls(GetMetricDataCommand)[0]?.args[0].input
    expect(new Set(input?.MetricDataQueries?.map((query) => query.MetricStat?.Period))).toEqual(new Set([300, 1200]))
    expect(input?.StartTime).toEqual(new Date('2026-01-15T11:45:00Z'))
    expect(input?.EndTime).toEqual(new Date('2026-01-15T12:05:00Z'))
    expect(result.summary).toContain(
      'Endpoint &quot;fraud&quot; publishes its invocation metrics every 300 s (its MetricsConfig), so they are read in periods of 5m rather than metrics-period 1m.'
    )
  })
})
