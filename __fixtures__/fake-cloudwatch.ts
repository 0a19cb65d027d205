/**
 * CloudWatch as SageMaker feeds it, on the test's clock: client traffic at a
 * set rate splits across the variants by their weights at each moment, each
 * variant's model answers with its own error rate and latency, an instance
 * serves a bounded rate, and a period's datapoints appear only after the
 * period has closed plus a publication delay (SageMaker: one to three
 * minutes). A variant at weight 0 gets no traffic and publishes nothing.
 * Nothing here is instant: a gate that passes on this data has waited for it.
 *
 * Each endpoint publishes what its config makes it publish
 * (src/invocation-metrics.ts): a period of a minute, or its MetricsConfig's
 * frequency with enhanced metrics; and, asynchronous, no Invocations but
 * InvocationsProcessed and InvocationFailures.
 */
import type { MetricDataQuery, MetricDataResult } from '@aws-sdk/client-cloudwatch'
import { servedForMs } from '../src/metric-retention.js'

const MINUTE_MS = 60_000

/** What an endpoint publishes, as src/invocation-metrics.ts's metricsSourceOf reads it from the config. */
export interface PublishedMetrics {
  asynchronous: boolean
  /** How long each published datapoint is. */
  periodSeconds: number
}

const REAL_TIME_MINUTES: PublishedMetrics = { asynchronous: false, periodSeconds: 60 }

/** How a model answers its requests. */
export interface ModelBehaviour {
  /** Share of requests answered with a 5XX, from 0 to 1. */
  errorRate: number
  /** Share of requests the model never answers (a timeout): in InvocationModelErrors, not Invocation5XXErrors. */
  unansweredRate?: number
  /** The p99 of ModelLatency, in ms. */
  latencyP99Ms: number
}

export const HEALTHY_MODEL: ModelBehaviour = { errorRate: 0, latencyP99Ms: 40 }

/** One variant as it served from a moment on. */
export interface ServingVariant {
  name: string
  model: string
  weight: number
  count: number
  instanceType: string
  /** A shadow variant: the share of the production variant's requests copied to it (its weight is not routed). */
  sampling?: number
}

interface ExpectedFigures {
  requests: number
  errors: number
  unanswered: number
  latencyP99Ms?: number
}

interface PeriodFigures {
  invocations: number
  errors5xx: number
  unanswered: number
  latencyP99Ms?: number
}

export class FakeCloudWatch {
  /** Client requests per second to each endpoint, split across its variants by weight. */
  readonly requestRates = new Map<string, number>()
  /** Each model's behaviour over time (a model never set is healthy). */
  private readonly behaviours = new Map<string, Array<{ from: number; behaviour: ModelBehaviour }>>()
  /** Requests per second one instance serves; beyond it, requests fail and latency rises. */
  capacityPerInstance: (instanceType: string) => number = () => Infinity
  /**
   * Whether CloudWatch serves ModelLatency's p99. AWS lists only Average, Sum,
   * Min, Max and Sample Count for it; where SageMaker publishes statistic sets,
   * CloudWatch has no percentile to serve.
   */
  latencyPercentiles = true
  /** How long after a period closes its datapoints appear; SageMaker shows one to three minutes. */
  publicationDelayMs: (periodStart: number) => number = () => 90_000
  /**
   * The name an asynchronous endpoint's count of processed requests is
   * published under: AWS's page spells it InvocationsProcesssed, code that
   * reads it InvocationsProcessed; the action reads both.
   */
  processedMetricName = 'InvocationsProcesssed'
  /** What each endpoint served from when, oldest first. */
  private readonly history = new Map<string, Array<{ at: number; variants: ServingVariant[] }>>()
  /** What each endpoint publishes (its config's), a real-time endpoint's minutes until told. */
  private readonly sources = new Map<string, PublishedMetrics>()
  /** Running sums of the expected figures (periodFigures), and what they were computed under. */
  private readonly sums = new Map<
    string,
    { version: number; rate: number; first: number; periods: ExpectedFigures[]; before: ExpectedFigures[] }
  >()
  /** Bumped whenever what the sums depend on changes: what an endpoint serves, how a model answers. */
  private version = 0
  /** Probes (InvokeEndpoint) by endpoint, variant and period. */
  private readonly probes = new Map<string, { invocations: number; errors5xx: number }>()

  constructor(private readonly now: () => number | undefined) {}

  /**
   * How `model` answers from the minute that is under way on. Whole minutes,
   * as the datapoints are: a change half-way through one shows from the next.
   */
  setBehaviour(model: string, behaviour: ModelBehaviour): void {
    this.version++
    const from = floorMinute(this.now() ?? 0)
    const changes = (this.behaviours.get(model) ?? []).filter((change) => change.from < from)
    changes.push({ from, behaviour })
    this.behaviours.set(model, changes)
  }

  /** The model's behaviour at `at`. */
  behaviourAt(model: string, at: number): ModelBehaviour {
    return (this.behaviours.get(model) ?? []).findLast((change) => change.from <= at)?.behaviour ?? HEALTHY_MODEL
  }

  /** What an endpoint publishes. */
  sourceOf(endpointName: string): PublishedMetrics {
    return this.sources.get(endpointName) ?? REAL_TIME_MINUTES
  }

  /** Records what an endpoint serves from now on, and what it publishes; a repeat of the last record is ignored. */
  serve(endpointName: string, variants: ServingVariant[], source: PublishedMetrics = REAL_TIME_MINUTES): void {
    this.sources.set(endpointName, source)
    const at = this.now()
    if (at === undefined) return
    const entries = this.history.get(endpointName) ?? []
    const last = entries.at(-1)
    if (last && JSON.stringify(last.variants) === JSON.stringify(variants)) return
    if (last && last.at === at) entries.pop()
    entries.push({ at, variants: variants.map((variant) => ({ ...variant })) })
    this.version++
    this.history.set(endpointName, entries)
  }

  /** An invocation sent with TargetVariant counts in that variant's metrics. */
  probe(endpointName: string, variant: string, failed: boolean): void {
    const at = this.now()
    if (at === undefined) return
    const key = probeKey(endpointName, variant, floorTo(at, this.periodMs(endpointName)))
    const counts = this.probes.get(key) ?? { invocations: 0, errors5xx: 0 }
    counts.invocations++
    if (failed) counts.errors5xx++
    this.probes.set(key, counts)
  }

  private periodMs(endpointName: string): number {
    return this.sourceOf(endpointName).periodSeconds * 1000
  }

  /** The period's figures as SageMaker would publish them, or undefined before publication or without traffic. */
  published(endpointName: string, variantName: string, period: number): PeriodFigures | undefined {
    const now = this.now()
    const periodMs = this.periodMs(endpointName)
    if (now === undefined || now < period + periodMs + this.publicationDelayMs(period)) return undefined
    const figures = this.periodFigures(endpointName, variantName, period)
    return figures.invocations > 0 ? figures : undefined
  }

  /**
   * Client traffic over the period, plus probes. Requests are whole: the
   * period gets the requests whose running total crosses a whole number in
   * it, so a trickle of 0.3 a minute still shows as one request every few.
   */
  private periodFigures(endpointName: string, variantName: string, period: number): PeriodFigures {
    const periodMs = this.periodMs(endpointName)
    const sums = this.runningSums(endpointName, variantName, periodMs)
    // Before the endpoint's first record it served nothing.
    if (period < sums.first) return { invocations: 0, errors5xx: 0, unanswered: 0 }
    const index = (period - sums.first) / periodMs
    while (sums.before.length <= index + 1) {
      const at = sums.first + (sums.before.length - 1) * periodMs
      const figures = this.expectedFigures(endpointName, variantName, at, periodMs)
      const last = sums.before.at(-1) as ExpectedFigures
      sums.periods.push(figures)
      sums.before.push({
        requests: last.requests + figures.requests,
        errors: last.errors + figures.errors,
        unanswered: last.unanswered + figures.unanswered
      })
    }
    const expected = sums.periods[index] as ExpectedFigures
    const before = sums.before[index] as ExpectedFigures
    const whole = (key: 'requests' | 'errors' | 'unanswered'): number =>
      Math.floor(before[key] + expected[key]) - Math.floor(before[key])
    const requests = whole('requests')
    const errors = whole('errors')
    const probes = this.probes.get(probeKey(endpointName, variantName, period))
    const invocations = requests + (probes?.invocations ?? 0)
    const errors5xx = Math.min(invocations, errors + (probes?.errors5xx ?? 0))
    const unanswered = Math.min(invocations - errors5xx, whole('unanswered'))
    let p99 = expected.latencyP99Ms
    if (p99 === undefined && probes) {
      const model = this.servingAt(endpointName, period)?.find((variant) => variant.name === variantName)?.model
      p99 = this.behaviourAt(model ?? '', period).latencyP99Ms
    }
    return {
      invocations,
      errors5xx,
      unanswered,
      ...(invocations > 0 && p99 !== undefined ? { latencyP99Ms: p99 } : {})
    }
  }

  /**
   * Each period's expected figures from the endpoint's first record on, and the running totals before each,
   * kept while nothing they depend on changes: a ten-second endpoint has hundreds of periods in a rollout.
   */
  private runningSums(
    endpointName: string,
    variantName: string,
    periodMs: number
  ): { first: number; periods: ExpectedFigures[]; before: ExpectedFigures[] } {
    const first = floorTo(this.history.get(endpointName)?.[0]?.at ?? 0, periodMs)
    const key = `${endpointName}\u0000${variantName}\u0000${periodMs}`
    const rate = this.requestRates.get(endpointName) ?? 0
    const cached = this.sums.get(key)
    if (cached && cached.version === this.version && cached.rate === rate && cached.first === first) return cached
    const fresh = {
      version: this.version,
      rate,
      first,
      periods: [],
      before: [{ requests: 0, errors: 0, unanswered: 0 }]
    }
    this.sums.set(key, fresh)
    return fresh
  }

  /** The requests and errors the period would see on average, segment by segment of the serving history. */
  private expectedFigures(
    endpointName: string,
    variantName: string,
    period: number,
    periodMs: number
  ): ExpectedFigures {
    const rate = this.requestRates.get(endpointName) ?? 0
    const figures: ExpectedFigures = { requests: 0, errors: 0, unanswered: 0 }
    const entries = this.history.get(endpointName) ?? []
    // An asynchronous endpoint queues what its instances cannot take yet: its backlog grows, nothing fails.
    const queues = this.sourceOf(endpointName).asynchronous
    entries.forEach((entry, index) => {
      const from = Math.max(entry.at, period)
      const to = Math.min(entries[index + 1]?.at ?? Infinity, period + periodMs)
      if (to <= from || rate <= 0) return
      const routed = entry.variants.filter((candidate) => candidate.sampling === undefined)
      const total = routed.reduce((sum, variant) => sum + variant.weight, 0)
      const variant = entry.variants.find((candidate) => candidate.name === variantName)
      if (!variant || total <= 0 || (variant.sampling ?? variant.weight) <= 0) return
      // A shadow gets its copies on top of what the production variant serves.
      const perSecond = variant.sampling !== undefined ? rate * variant.sampling : (rate * variant.weight) / total
      const requests = perSecond * ((to - from) / 1000)
      const behaviour = this.behaviourAt(variant.model, from)
      const capacity = variant.count * this.capacityPerInstance(variant.instanceType)
      // Beyond capacity the excess is turned away with 5XX errors and the served requests queue.
      const overload = !queues && perSecond > capacity ? (perSecond - capacity) / perSecond : 0
      figures.requests += requests
      figures.errors += requests * (overload + (1 - overload) * behaviour.errorRate)
      figures.unanswered += requests * (1 - overload) * (behaviour.unansweredRate ?? 0)
      const p99 = behaviour.latencyP99Ms * (overload > 0 ? 1 + 10 * overload : 1)
      figures.latencyP99Ms = Math.max(figures.latencyP99Ms ?? 0, p99)
    })
    return figures
  }

  private servingAt(endpointName: string, at: number): ServingVariant[] | undefined {
    return (this.history.get(endpointName) ?? []).findLast((entry) => entry.at <= at)?.variants
  }

  /**
   * GetMetricData as CloudWatch answers it: StartTime rounded down to the
   * minute (to the period, for a period under a minute), one datapoint per
   * period from there, of the published datapoints stamped in it. A metric
   * the endpoint does not publish has none.
   */
  getMetricData(input: { MetricDataQueries: MetricDataQuery[]; StartTime: Date; EndTime: Date }): {
    MetricDataResults: MetricDataResult[]
  } {
    const end = input.EndTime.getTime()
    return {
      MetricDataResults: input.MetricDataQueries.map((query) => {
        const stat = query.MetricStat
        const dimensions = stat?.Metric?.Dimensions ?? []
        const endpointName = dimensions.find((dimension) => dimension.Name === 'EndpointName')?.Value ?? ''
        const variantName = dimensions.find((dimension) => dimension.Name === 'VariantName')?.Value ?? ''
        const config = dimensions.find((dimension) => dimension.Name === 'EndpointConfigName')?.Value
        // One fleet of a deployment: served under the name FakeAws gives it (fleetKey in fake-aws.ts).
        const variant = config === undefined ? variantName : `${variantName}\u0000${config}`
        const periodMs = (stat?.Period ?? 60) * 1000
        const start = floorTo(input.StartTime.getTime(), Math.min(periodMs, MINUTE_MS))
        // A StartTime further back than CloudWatch serves the period: "no data points in that time range is
        // returned" (API_MetricStat).
        if ((this.now() ?? 0) - input.StartTime.getTime() > servedForMs(stat?.Period ?? 60)) {
          return { Id: query.Id, Label: query.Label, StatusCode: 'Complete', Timestamps: [], Values: [] }
        }
        const publishedMs = this.periodMs(endpointName)
        const timestamps: Date[] = []
        const values: number[] = []
        for (let bucket = start; bucket < end; bucket += periodMs) {
          const periods: PeriodFigures[] = []
          const stamped = Math.ceil(bucket / publishedMs) * publishedMs
          for (let period = stamped; period < Math.min(bucket + periodMs, end); period += publishedMs) {
            const figures = this.published(endpointName, variant, period)
            if (figures) periods.push(figures)
          }
          const value = statistic(
            this.metricOf(endpointName, stat?.Metric?.MetricName),
            stat?.Stat,
            periods,
            this.latencyPercentiles
          )
          if (value === undefined) continue
          timestamps.push(new Date(bucket))
          values.push(value)
        }
        return { Id: query.Id, Label: query.Label, StatusCode: 'Complete', Timestamps: timestamps, Values: values }
      })
    }
  }

  /**
   * The figure a metric name stands for on this endpoint, or undefined for
   * one it does not publish: an asynchronous endpoint publishes no
   * Invocations, InvocationsPerInstance or OverheadLatency (AWS's page on
   * monitoring asynchronous endpoints), a real-time one none of the
   * asynchronous metrics.
   */
  private metricOf(endpointName: string, metric: string | undefined): Figure | undefined {
    const common: Record<string, Figure> = {
      Invocation5XXErrors: 'errors',
      Invocation4XXErrors: 'none',
      ModelLatency: 'latency'
    }
    const own: Record<string, Figure> = this.sourceOf(endpointName).asynchronous
      ? { [this.processedMetricName]: 'requests', InvocationFailures: 'errors' }
      : { Invocations: 'requests', InvocationModelErrors: 'modelErrors' }
    return metric === undefined ? undefined : (own[metric] ?? common[metric])
  }
}

/** What a published metric counts of a period's figures. */
type Figure = 'requests' | 'errors' | 'modelErrors' | 'none' | 'latency'

function statistic(
  metric: Figure | undefined,
  stat: string | undefined,
  periods: PeriodFigures[],
  percentiles: boolean
): number | undefined {
  if (periods.length === 0) return undefined
  const sum = (pick: (figures: PeriodFigures) => number): number => periods.reduce((total, p) => total + pick(p), 0)
  switch (metric) {
    case 'requests':
      return sum((figures) => figures.invocations)
    case 'errors':
      return sum((figures) => figures.errors5xx)
    case 'modelErrors':
      // Every request not answered with a 2XX: here the 5XX and the unanswered (the fake's models send no 4XX).
      return sum((figures) => figures.errors5xx + figures.unanswered)
    case 'none':
      return 0
    case 'latency': {
      const p99s = periods.flatMap((figures) => (figures.latencyP99Ms === undefined ? [] : [figures.latencyP99Ms]))
      if (p99s.length === 0 || (stat === 'p99' && !percentiles)) return undefined
      // Published in microseconds; the average sits well below the tail.
      const worst = Math.max(...p99s) * 1000
      return stat === 'p99' ? worst : worst / 2
    }
    default:
      return undefined
  }
}

function floorMinute(ms: number): number {
  return floorTo(ms, MINUTE_MS)
}

function floorTo(ms: number, unitMs: number): number {
  return Math.floor(ms / unitMs) * unitMs
}

function probeKey(endpointName: string, variant: string, period: number): string {
  return `${endpointName}\u0000${variant}\u0000${period}`
}
