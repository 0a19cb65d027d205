/**
 * An all-at-once deploy judged by the action: the new config takes all
 * traffic at once (SageMaker keeps the old fleet until the new one is
 * healthy), then the gates judge it for one bake, and a failure returns the
 * endpoint to its previous config.
 */
import * as core from '@actions/core'
import type { OperationContext } from '../context.js'
import { fetchVariantMetrics, type Fleet } from '../metrics.js'
import { formatDuration } from '../parse.js'
import type { RolloutStepRecord } from '../report.js'
import type { MetricsSource } from '../invocation-metrics.js'
import type { RolloutSettings } from '../settings.js'
import { bake } from './bake.js'
import { switchBack } from './executor.js'
import { hasGates, StepJudge } from './gates.js'
import { ceilPeriod, floorPeriod, MINUTE_MS, periodMsOf, periodsOf, type PeriodFigures } from './periods.js'
import { startRolloutRecord } from './record.js'
import type { RolloutResult } from './result.js'

/**
 * All-at-once is one step of 100% judged by the same gates after the switch.
 * Its periods start with the first whole period after the switch: the
 * variant may keep the old one's name, and the period of the switch holds
 * both models' traffic. The serving variants' periods from before the deploy
 * are the baseline. A failed gate returns the endpoint to its previous
 * config, when there is one.
 */
export async function judgeAllAtOnce(
  ctx: OperationContext,
  settings: RolloutSettings,
  judged: {
    variant: string
    previousConfig?: string
    baselineVariants: string[]
    deployStartedAt: number
    /** What the endpoint publishes on its new config (its settings are the old config's, carried). */
    source: MetricsSource
  }
): Promise<RolloutResult> {
  const { variant, previousConfig } = judged
  if (!hasGates(settings.gates)) {
    return { outcome: 'succeeded', decision: `${variant} serves all traffic.`, failsStep: false }
  }
  const record = startRolloutRecord(ctx, settings, {
    newVariant: variant,
    source: judged.source,
    ...(previousConfig ? { previousConfig } : {})
  })
  const step: RolloutStepRecord = { weight: 100, startedAt: ctx.clock.now(), evaluations: [], verdict: 'in-progress' }
  record.steps.push(step)
  const earlierBaseline = await baselineBefore(ctx, judged, settings)
  const judge = new StepJudge(ctx, settings.gates, {
    newVariant: variant,
    baselineVariants: [],
    source: judged.source,
    firstPeriod: ceilPeriod(step.startedAt, periodMsOf(judged.source)),
    baselineServes: false,
    earlierBaseline
  })
  const verdict = await core.group(`Watching ${variant} at 100% for ${formatDuration(settings.bakeTimeMs)}`, () =>
    bake(ctx, settings, judge, step, { consecutive: 0 })
  )
  step.endedAt = ctx.clock.now()
  step.verdict = verdict.verdict
  if (verdict.verdict === 'passed') {
    return {
      outcome: 'succeeded',
      decision: `All gates passed with ${variant} serving all traffic.`,
      healthy: true,
      failsStep: false
    }
  }
  step.reason = verdict.reason
  const failure =
    verdict.verdict === 'inconclusive' ? `the gates could not judge ${variant} (${verdict.reason})` : verdict.reason
  if (verdict.verdict === 'inconclusive' && settings.onInconclusive === 'pause') {
    return {
      outcome: 'paused',
      decision: `${variant} serves all traffic, but ${failure}. on-inconclusive is pause, so it was left in place: look at it, then keep it or run operation: rollback${previousConfig ? ` to return to "${previousConfig}"` : ''}.`,
      healthy: false,
      failsStep: true
    }
  }
  if (!previousConfig || !settings.autoRollback) {
    return {
      outcome: 'failed',
      decision: `${capitalised(failure)}${previousConfig ? `. auto-rollback is off; run operation: rollback to return to "${previousConfig}".` : '. The endpoint is new, so there is nothing to roll back to.'}`,
      healthy: false,
      failsStep: true
    }
  }
  ctx.warn(`Rolling back: ${failure}`)
  await switchBack(ctx, previousConfig)
  return {
    outcome: 'rolled-back',
    decision: `Rolled back: ${failure}. The endpoint is back on "${previousConfig}".`,
    healthy: false,
    failsStep: settings.failOnRollback
  }
}

/** The serving variants' published periods before the deploy began: the baseline of an all-at-once switch. */
export async function baselineBefore(
  ctx: OperationContext,
  judged: {
    baselineVariants: string[]
    deployStartedAt: number
    source: MetricsSource
    fleets?: Record<string, Fleet>
  },
  settings: RolloutSettings
): Promise<PeriodFigures[]> {
  const variants = judged.baselineVariants
  if (variants.length === 0) return []
  const { maxErrorRateIncrease, maxLatencyP99Increase } = settings.gates
  if (maxErrorRateIncrease === undefined && maxLatencyP99Increase === undefined) return []
  const periodMs = periodMsOf(judged.source)
  const end = floorPeriod(judged.deployStartedAt, periodMs)
  // As long a look back as the step will take, and never less than a quarter of an hour.
  const span = ceilPeriod(Math.max(15 * MINUTE_MS, settings.bakeTimeMs), periodMs)
  const result = await fetchVariantMetrics(ctx, {
    endpointName: ctx.endpointName,
    variants,
    start: new Date(end - span),
    end: new Date(end),
    periodSeconds: judged.source.periodSeconds,
    source: judged.source,
    ...(judged.fleets ? { fleets: judged.fleets } : {})
  })
  return periodsOf(result, variants)
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
