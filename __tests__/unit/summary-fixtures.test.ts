/**
 * Three runs whose job summaries are kept as files, so a person (and
 * scripts/render-summaries.mjs) can see what the run page shows without a
 * real rollout. With UPDATE_SUMMARY_FIXTURES=1 the files are rewritten;
 * otherwise each summary is checked for the pieces a reader relies on.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '../../__fixtures__/core.js'
import { FakeClock } from '../../__fixtures__/clock.js'
import { GetMetricDataCommand, type MetricDataResult } from '@aws-sdk/client-cloudwatch'
import { FakeAws } from '../../__fixtures__/fake-aws.js'
import { IMAGE, ROLE_ARN } from '../../__fixtures__/sagemaker.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, resetAws, runAction } = await import('../../__fixtures__/action.js')

const SUMMARIES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '__fixtures__', 'summaries')
const UPDATE = process.env.UPDATE_SUMMARY_FIXTURES === '1'
const CONSOLE = 'https://us-east-1.console.aws.amazon.com/sagemaker/home?region=us-east-1#/endpoints/fraud'
const START = Date.UTC(2026, 0, 15, 12, 0, 0)

const canary = {
  operation: 'deploy',
  'endpoint-name': 'fraud',
  'image-uri': IMAGE,
  'execution-role-arn': ROLE_ARN,
  'model-name': 'fraud-v2',
  strategy: 'canary',
  'traffic-steps': '10,50,100',
  'bake-time': '10m',
  'gate-interval': '2m',
  'alarm-names': 'fraud-5xx',
  'max-error-rate': '1%',
  'max-latency-p99': '250ms',
  'probe-payload': '{"features":[0.1,0.2]}'
}

/**
 * Client traffic on the test's clock, CloudWatch publishing 90 s after each
 * minute; the new model a little worse from minute 13 on, so the chart's line
 * is not flat.
 */
function canaryTraffic(fake: FakeAws, clock: FakeClock): void {
  fake.clock = clock
  fake.cloudwatch.requestRates.set('fraud', 20)
  fake.cloudwatch.publicationDelayMs = () => 90_000
  fake.cloudwatch.setBehaviour('fraud-v2', { errorRate: 0, latencyP99Ms: 48 })
  clock.at(13 * 60_000, () => fake.cloudwatch.setBehaviour('fraud-v2', { errorRate: 0.003, latencyP99Ms: 62 }))
}

function seedFraud(fake: FakeAws): void {
  fake.seedEndpoint('fraud', 'fraud-v1-config', [{ name: 'AllTraffic', weight: 1, count: 2, model: 'fraud-v1' }], {
    'sagemaker-deploy:endpoint': 'fraud',
    'sagemaker-deploy:role': 'release'
  })
}

function keep(name: string, summary: string): void {
  if (!UPDATE) return
  mkdirSync(SUMMARIES, { recursive: true })
  writeFileSync(path.join(SUMMARIES, `${name}.md`), summary.endsWith('\n') ? summary : `${summary}\n`)
}

interface Table {
  headers: string[]
  rows: string[][]
}

/** The first table after the `<h3>` whose text starts with `heading`, as cell text. */
function tableAfter(summary: string, heading: string): Table {
  const at = summary.indexOf(`<h3>${heading}`)
  if (at === -1) throw new Error(`no <h3>${heading}…</h3> in the summary`)
  const table = /<table>([\s\S]*?)<\/table>/.exec(summary.slice(at))?.[1]
  if (table === undefined) throw new Error(`no table after <h3>${heading}…</h3>`)
  const cells = (row: string, tag: 'th' | 'td'): string[] =>
    [...row.matchAll(new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((match) => match[1] ?? '')
  const rows = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((match) => match[1] ?? '')
  return {
    headers: rows.flatMap((row) => cells(row, 'th')),
    rows: rows.map((row) => cells(row, 'td')).filter((row) => row.length > 0)
  }
}

function column(table: Table, header: string): string[] {
  const index = table.headers.indexOf(header)
  if (index === -1) throw new Error(`no column "${header}" among ${table.headers.join(', ')}`)
  return table.rows.map((row) => row[index] ?? '')
}

/** The verdict is the page's first line: nothing may come before it. */
function expectVerdictFirst(summary: string, icon: string, verdict: RegExp): void {
  const first = /^\s*<h2>([^<]*)<\/h2>/.exec(summary)?.[1]
  expect(first).toBeDefined()
  expect(first).toContain(icon)
  expect(first).toMatch(verdict)
  expect(first).toContain('fraud')
}

function expectConsoleLink(summary: string): void {
  expect(summary).toContain(`<a href="${CONSOLE}">`)
}

/**
 * The rollout chart's series, one value a step each. GitHub draws it only
 * when the fence and chart type are exactly right; an init directive may come first.
 */
function chartOf(summary: string): { categories: number; series: number[][] } {
  const chart = /\n```mermaid\n(?:%%\{.*\}%%\n)?(xychart-beta\n[\s\S]*?)\n```\n/.exec(summary)?.[1]
  if (chart === undefined) throw new Error('no ```mermaid xychart-beta block in the summary')
  const axis = /^\s*x-axis\b.*\[(.*)\]\s*$/m.exec(chart)?.[1]
  if (axis === undefined) throw new Error(`no x-axis categories in the chart:\n${chart}`)
  const series = [...chart.matchAll(/^\s*(?:bar|line)\s*\[(.*)\]\s*$/gm)].map((match) =>
    (match[1] ?? '').split(',').map(Number)
  )
  for (const values of series) expect(values.every(Number.isFinite)).toBe(true)
  return { categories: [...axis.matchAll(/"[^"]*"/g)].length, series }
}

function expectChartOfSteps(summary: string, steps: number): void {
  const chart = chartOf(summary)
  expect(chart.categories).toBe(steps)
  expect(chart.series.length).toBeGreaterThan(0)
  for (const values of chart.series) expect(values).toHaveLength(steps)
}

/** Three one-minute periods before noon; latency in microseconds, as SageMaker publishes ModelLatency. */
function monitorSeries(): MetricDataResult[] {
  const minutes = [3, 2, 1].map((ago) => new Date(START - ago * 60_000))
  const series = (id: string, values: number[]): MetricDataResult => ({
    Id: id,
    StatusCode: 'Complete',
    Timestamps: minutes.slice(0, values.length),
    Values: values
  })
  return [
    // blue: 4,800 invocations, 12 5XX (0.25%), 3 4XX.
    series('v0_invocations', [1500, 1600, 1700]),
    series('v0_errors4xx', [1, 0, 2]),
    series('v0_errors5xx', [2, 4, 6]),
    series('v0_latency_avg', [41_000, 43_000, 46_000]),
    series('v0_latency_p99', [150_000, 172_000, 181_000]),
    // green-v2: 1,200 invocations, 1 5XX (0.08%).
    series('v1_invocations', [380, 400, 420]),
    series('v1_errors4xx', [0, 0, 0]),
    series('v1_errors5xx', [0, 1, 0]),
    series('v1_latency_avg', [28_000, 29_000, 27_500]),
    series('v1_latency_p99', [88_000, 95_000, 91_000])
  ]
}

const STEP_HEADERS = ['Step', 'Weight', 'Error rate', 'p99', 'Alarms', 'Probes', 'Evaluations', 'Verdict']

let fake: FakeAws
beforeAll(() => {
  // Config names end in a random token: fixed here so the kept files only change when the summary does.
  jest.spyOn(Math, 'random').mockReturnValue(0.5)
})
afterAll(() => {
  jest.restoreAllMocks()
})
beforeEach(() => {
  resetAws()
  fake = new FakeAws()
})

describe('job summaries kept as fixtures', () => {
  it('canary-succeeded: a three-step canary that passes every gate', async () => {
    const clock = new FakeClock(START)
    canaryTraffic(fake, clock)
    seedFraud(fake)
    fake.alarms.set('fraud-5xx', 'OK')
    fake.install(aws)

    const result = await runAction(canary, { clock })
    keep('canary-succeeded', result.summary)

    expect(result.failed).toBeUndefined()
    expectVerdictFirst(result.summary, '✅', /succeeded/)
    expectConsoleLink(result.summary)
    const steps = tableAfter(result.summary, 'Rollout')
    expect(steps.headers).toEqual(expect.arrayContaining(STEP_HEADERS))
    expect(column(steps, 'Weight')).toEqual(['10%', '50%', '100%'])
    expect(column(steps, 'Alarms')).toEqual(['OK', 'OK', 'OK'])
    expect(column(steps, 'Verdict')).toEqual(['✅ passed', '✅ passed', '✅ passed'])
    expectChartOfSteps(result.summary, 3)
    const variants = tableAfter(result.summary, 'Variants')
    expect(variants.headers).toEqual(expect.arrayContaining(['Variant', 'Model', 'Weight']))
    // The new model serves under the name the endpoint served under before.
    expect(column(variants, 'Variant')).toEqual(['AllTraffic'])
    expect(column(variants, 'Model')).toEqual(['fraud-v2'])
  })

  it('canary-rolled-back: an alarm fires half-way through step 2', async () => {
    const clock = new FakeClock(START)
    canaryTraffic(fake, clock)
    seedFraud(fake)
    fake.alarms.set('fraud-5xx', 'OK')
    fake.install(aws)
    // Step 1 ends at about 12:13; minute twenty is inside step 2.
    clock.at(20 * 60_000, () => fake.alarms.set('fraud-5xx', 'ALARM'))

    const result = await runAction(canary, { clock })
    keep('canary-rolled-back', result.summary)

    expect(result.outputs['rollout-result']).toBe('rolled-back')
    expectVerdictFirst(result.summary, '↩️', /rolled back/)
    expectConsoleLink(result.summary)
    expect(result.summary).toContain('fraud-5xx')
    const steps = tableAfter(result.summary, 'Rollout')
    expect(steps.headers).toEqual(expect.arrayContaining(STEP_HEADERS))
    expect(column(steps, 'Weight')).toEqual(['10%', '50%'])
    expect(column(steps, 'Alarms')).toEqual(['OK', 'fraud-5xx'])
    expect(column(steps, 'Verdict')).toEqual(['✅ passed', '❌ failed'])
    expectChartOfSteps(result.summary, 2)
    const variants = tableAfter(result.summary, 'Variants')
    expect(column(variants, 'Variant')).toEqual(['AllTraffic'])
  })

  it('monitor-two-variants: metrics for an endpoint split 80/20', async () => {
    fake.seedEndpoint('fraud', 'fraud-split-config', [
      { name: 'blue', weight: 80, count: 2, model: 'fraud-v1' },
      { name: 'green-v2', weight: 20, count: 1, model: 'fraud-v2' }
    ])
    fake.install(aws)
    // Explicit series rather than FakeAws.traffic, whose one latency value would make average and p99 alike.
    aws.cloudwatch.on(GetMetricDataCommand).resolves({ MetricDataResults: monitorSeries() })

    const result = await runAction(
      {
        operation: 'monitor',
        'endpoint-name': 'fraud',
        'metrics-window': '15m',
        'max-error-rate': '1%',
        'max-latency-p99': '500ms'
      },
      { clock: new FakeClock(START) }
    )
    keep('monitor-two-variants', result.summary)

    expect(result.failed).toBeUndefined()
    expect(result.outputs.healthy).toBe('true')
    expectVerdictFirst(result.summary, '✅', /succeeded|healthy/)
    expectConsoleLink(result.summary)
    const metrics = tableAfter(result.summary, 'Metrics')
    expect(metrics.headers).toEqual(expect.arrayContaining(['Variant', 'Invocations', 'Error rate', 'Latency p99']))
    expect(column(metrics, 'Variant')).toEqual(['blue', 'green-v2'])
    expect(column(metrics, 'Invocations')).toEqual(['4,800', '1,200'])
    expect(column(metrics, 'Error rate')).toEqual(['0.25%', '0.08%'])
    const variants = tableAfter(result.summary, 'Variants')
    expect(column(variants, 'Variant')).toEqual(['blue', 'green-v2'])
    expect(column(variants, 'Weight')).toEqual(['80%', '20%'])
    // A monitor has no rollout, so no chart.
    expect(result.summary).not.toContain('```mermaid')
  })
})
