import { describe, expect, it } from '@jest/globals'
import { metricsSourceOf } from '../../src/invocation-metrics.js'

const asyncInference = { OutputConfig: { S3OutputPath: 's3://bucket/out/' } }

describe('metricsSourceOf', () => {
  it('is a real-time endpoint publishing every minute without a config that says otherwise', () => {
    expect(metricsSourceOf(undefined)).toEqual({ asynchronous: false, periodSeconds: 60 })
    expect(metricsSourceOf({ EndpointConfigName: 'c' })).toEqual({
      asynchronous: false,
      periodSeconds: 60
    })
  })

  it('knows an asynchronous endpoint by its AsyncInferenceConfig', () => {
    expect(metricsSourceOf({ AsyncInferenceConfig: asyncInference })).toEqual({
      asynchronous: true,
      periodSeconds: 60
    })
  })

  it('takes the publishing frequency only with enhanced metrics, which alone apply it to invocation metrics', () => {
    const frequency = (MetricsConfig: object) => metricsSourceOf({ MetricsConfig }).periodSeconds
    expect(frequency({ EnableEnhancedMetrics: true, MetricPublishFrequencyInSeconds: 10 })).toBe(10)
    expect(frequency({ EnableEnhancedMetrics: true, MetricPublishFrequencyInSeconds: 300 })).toBe(300)
    expect(frequency({ EnableEnhancedMetrics: true })).toBe(60)
    // Without enhanced metrics the frequency is the utilization metrics'; invocations stay at a minute.
    expect(frequency({ EnableEnhancedMetrics: false, MetricPublishFrequencyInSeconds: 10 })).toBe(60)
    expect(frequency({ MetricPublishFrequencyInSeconds: 300 })).toBe(60)
  })

  it('reads an asynchronous endpoint at whole minutes or longer, right whether enhanced metrics reach it or not', () => {
    const source = (frequency: number) =>
      metricsSourceOf({
        AsyncInferenceConfig: asyncInference,
        MetricsConfig: { EnableEnhancedMetrics: true, MetricPublishFrequencyInSeconds: frequency }
      })
    expect(source(10)).toEqual({ asynchronous: true, periodSeconds: 60 })
    expect(source(30)).toEqual({ asynchronous: true, periodSeconds: 60 })
    expect(source(240)).toEqual({ asynchronous: true, periodSeconds: 240 })
  })

  it('refuses a frequency SageMaker does not take rather than read at a wrong period', () => {
    expect(() =>
      metricsSourceOf({
        EndpointConfigName: 'odd',
        MetricsConfig: { EnableEnhancedMetrics: true, MetricPublishFrequencyInSeconds: 45 as 60 }
      })
    ).toThrow('"odd" has MetricPublishFrequencyInSeconds 45')
  })
})
