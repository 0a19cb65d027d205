/**
 * CloudWatch as SageMaker feeds it, on the test's clock: client traffic at a
 * set rate splits across the variants by their weights at each moment, each
 * variant's model answers with its own error rate and latency, an instance
 * serves a bounded rate, and a minute's datapoints appear only after the
 * minute has closed plus a publication delay (SageMaker: one to three
 * minutes). A variant at weight 0 gets no traffic and publishes nothing.
 * Nothing here is instant: a gate that passes on this data has waited for it.
 */
import type { MetricDataQuery, MetricDataResult } from '@aws-sdk/client-cloudwatch'

const MINUTE_MS = 60_000

/** How a model answers its requests. */
export interface ModelBehaviour {
  /** Share of requests answered with a 5XX, from 0 to 1. */
  errorRate: number
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
}

interface ExpectedFigures {
  requests: number
  errors: number
  latencyP99Ms?: number
}

interface MinuteFigures {
  invocations: number
  errors5xx: number
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
  /** How long after a minute closes its datapoints appear; SageMaker shows one to three minutes. */
  publicationDelayMs: (minuteStart: number) => number = () => 90_000
  /** What each endpoint served from when, oldest first. */
  private readonly history = new Map<string, Array<{ at: number; variants: ServingVariant[] }>>()
  /** Probes (InvokeEndpoint) by endpoint, variant and minute. */
  private readonly probes = new Map<string, { invocations: number; errors5xx: number }>()

  constructor(private readonly now: () => number | undefined) {}

  /**
   * How `model` answers from the minute that is under way on. Whole minutes,
   * as the datapoints are: a change half-way through one shows from the next.
   */
  setBehaviour(model: string, behaviour: ModelBehaviour): void {
    const from = floorMinute(this.now() ?? 0)
    const changes = (this.behaviours.get(model) ?? []).filter((change) => change.from < from)
    changes.push({ from, behaviour })
    this.behaviours.set(model, changes)
  }

  /** The model's behaviour in the minute starting at `minute`. */
  behaviourAt(model: string, minute: number): ModelBehaviour {
    return (this.behaviours.get(model) ?? []).findLast((change) => change.from <= minute)?.behaviour ?? HEALTHY_MODEL
  }

  /** Records what an endpoint serves from now on; a repeat of the last record is ignored. */
  serve(endpointName: string, variants: ServingVariant[]): void {
    const at = this.now()
    if (at === undefined) return
    const entries = this.history.get(endpointName) ?? []
    const last = entries.at(-1)
    if (last && JSON.stringify(last.variants) === JSON.stringify(variants)) return
    if (last && last.at === at) entries.pop()
    entries.push({ at, variants: variants.map((variant) => ({ ...variant })) })
    this.history.set(endpointName, entries)
  }

  /** An invocation sent with TargetVariant counts in that variant's metrics. */
  probe(endpointName: string, variant: string, failed: boolean): void {
    const at = this.now()
    if (at === undefined) return
    const key = probeKey(endpointName, variant, floorMinute(at))
    const counts = this.probes.get(key) ?? { invocations: 0, errors5xx: 0 }
    counts.invocations++
    if (failed) counts.errors5xx++
    this.probes.set(key, counts)
  }

  /** The minute's figures as SageMaker would publish them, or undefined before publication or without traffic. */
  published(endpointName: string, variantName: string, minute: number): MinuteFigures | undefined {
    const now = this.now()
    if (now === undefined || now < minute + MINUTE_MS + this.publicationDelayMs(minute)) return undefined
    const figures = this.minuteFigures(endpointName, variantName, minute)
    return figures.invocations > 0 ? figures : undefined
  }

  /**
   * Client traffic over the minute, plus probes. Requests are whole: the
   * minute gets the requests whose running total crosses a whole number in
   * it, so a trickle of 0.3 a minute still shows as one request every few.
   */
  private minuteFigures(endpointName: string, variantName: string, minute: number): MinuteFigures {
    const first = floorMinute(this.history.get(endpointName)?.[0]?.at ?? minute)
    let requestsBefore = 0
    let errorsBefore = 0
    let expected: ExpectedFigures = { requests: 0, errors: 0 }
    for (let at = first; at <= minute; at += MINUTE_MS) {
      expected = this.expectedFigures(endpointName, variantName, at)
      if (at < minute) {
        requestsBefore += expected.requests
        errorsBefore += expected.errors
      }
    }
    const requests = Math.floor(requestsBefore + expected.requests) - Math.floor(requestsBefore)
    const errors = Math.floor(errorsBefore + expected.errors) - Math.floor(errorsBefore)
    const probes = this.probes.get(probeKey(endpointName, variantName, minute))
    const invocations = requests + (probes?.invocations ?? 0)
    const errors5xx = Math.min(invocations, errors + (probes?.errors5xx ?? 0))
    let p99 = expected.latencyP99Ms
    if (p99 === undefined && probes) {
      const model = this.servingAt(endpointName, minute)?.find((variant) => variant.name === variantName)?.model
      p99 = this.behaviourAt(model ?? '', minute).latencyP99Ms
    }
    return { invocations, errors5xx, ...(invocations > 0 && p99 !== undefined ? { latencyP99Ms: p99 } : {}) }
  }

  /** The requests and errors the minute would see on average, segment by segment of the serving history. */
  private expectedFigures(endpointName: string, variantName: string, minute: number): ExpectedFigures {
    const rate = this.requestRates.get(endpointName) ?? 0
    const figures: ExpectedFigures = { requests: 0, errors: 0 }
    const entries = this.history.get(endpointName) ?? []
    entries.forEach((entry, index) => {
      const from = Math.max(entry.at, minute)
      const to = Math.min(entries[index + 1]?.at ?? Infinity, minute + MINUTE_MS)
      if (to <= from || rate <= 0) return
      const total = entry.variants.reduce((sum, variant) => sum + variant.weight, 0)
      const variant = entry.variants.find((candidate) => candidate.name === variantName)
      if (!variant || total <= 0 || variant.weight <= 0) return
      const perSecond = (rate * variant.weight) / total
      const requests = perSecond * ((to - from) / 1000)
      const behaviour = this.behaviourAt(variant.model, minute)
      const capacity = variant.count * this.capacityPerInstance(variant.instanceType)
      // Beyond capacity the excess is turned away with 5XX errors and the served requests queue.
      const overload = perSecond > capacity ? (perSecond - capacity) / perSecond : 0
      figures.requests += requests
      figures.errors += requests * (overload + (1 - overload) * behaviour.errorRate)
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
   * minute, one datapoint per period from there, only for published minutes.
   */
  getMetricData(input: { MetricDataQueries: MetricDataQuery[]; StartTime: Date; EndTime: Date }): {
    MetricDataResults: MetricDataResult[]
  } {
    const start = floorMinute(input.StartTime.getTime())
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
        const timestamps: Date[] = []
        const values: number[] = []
        for (let bucket = start; bucket < end; bucket += periodMs) {
          const minutes: MinuteFigures[] = []
          for (let minute = bucket; minute < Math.min(bucket + periodMs, end); minute += MINUTE_MS) {
            const figures = this.published(endpointName, variant, minute)
            if (figures) minutes.push(figures)
          }
          const value = statistic(stat?.Metric?.MetricName, stat?.Stat, minutes, this.latencyPercentiles)
          if (value === undefined) continue
          timestamps.push(new Date(bucket))
          values.push(value)
        }
        return { Id: query.Id, Label: query.Label, StatusCode: 'Complete', Timestamps: timestamps, Values: values }
      })
    }
  }
}

function statistic(
  metric: string | undefined,
  stat: string | undefined,
  minutes: MinuteFigures[],
  percentiles: boolean
): number | undefined {
  if (minutes.length === 0) return undefined
  const sum = (pick: (figures: MinuteFigures) => number): number => minutes.reduce((total, m) => total + pick(m), 0)
  switch (metric) {
    case 'Invocations':
      return sum((figures) => figures.invocations)
    case 'Invocation5XXErrors':
      return sum((figures) => figures.errors5xx)
    case 'Invocation4XXErrors':
      return 0
    case 'ModelLatency': {
      const p99s = minutes.flatMap((figures) => (figures.latencyP99Ms === undefined ? [] : [figures.latencyP99Ms]))
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
  return Math.floor(ms / MINUTE_MS) * MINUTE_MS
}

function probeKey(endpointName: string, variant: string, minute: number): string {
  return `${endpointName}\u0000${variant}\u0000${minute}`
}
