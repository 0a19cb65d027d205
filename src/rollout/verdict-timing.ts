/**
 * How fast the verdict alarm (verdict-alarm.ts) carries the action's verdict,
 * or its silence, to SageMaker. Pure arithmetic, so the input parser can hold
 * a deployment's bakes against it without loading CloudWatch's client.
 *
 * The period: 10 s when the gates are judged that often, else 30 s, both on
 * a high-resolution metric
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html).
 * It no longer follows gate-interval up to whole minutes: the heartbeat
 * republishes the verdict every half period whatever the gates are doing
 * (judging-rhythm.ts), so every period holds a datapoint anyway, while a
 * minute's period made the heartbeat window 7 minutes, longer than most of a
 * deployment's bakes: a runner that died after their first minutes left
 * SageMaker to complete a fleet nobody judged. A failed verdict is seen
 * within one period of being published: a rollback starts within
 * gate-interval + one period (+ SageMaker's reaction) of the evidence.
 *
 * Silence: with missing data breaching, CloudWatch judges the newest real
 * datapoint in its evaluation range and fires only when the range holds none
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarms-and-missing-data.html).
 * AWS gives the range's length by example only (5 datapoints for 3 evaluation
 * periods); the reading taken, the emulator's too: EvaluationPeriods + 2
 * periods under a minute, EvaluationPeriods + max(2, ceil(300 s / period)) for
 * a minute or more, plus one period for the evaluation to come round.
 */

/** What SageMaker adds to an alarm's firing before it moves traffic back, as the rollback bound counts it. */
export const SAGEMAKER_REACTION_MS = 5_000

/** The alarm's period in seconds: 10 for gates judged at least every 10 s, else 30. */
export function verdictPeriodSeconds(gateIntervalMs: number): number {
  if (!(gateIntervalMs > 0)) throw new Error(`the gate interval must be positive; got ${gateIntervalMs} ms`)
  return gateIntervalMs <= 10_000 ? 10 : 30
}

/** How many periods one evaluation of a one-period alarm looks back over (see the module's note). */
export function evaluationRangePeriods(periodSeconds: number, evaluationPeriods = 1): number {
  if (periodSeconds < 60) return evaluationPeriods + 2
  return evaluationPeriods + Math.max(2, Math.ceil(300 / periodSeconds))
}

/** How often the action republishes its last verdict: twice a period, so no period goes without one. */
export function heartbeatIntervalMs(gateIntervalMs: number): number {
  return (verdictPeriodSeconds(gateIntervalMs) * 1000) / 2
}

/**
 * The heartbeat window: the longest the action may be silent before its alarm fires and SageMaker rolls back
 * (the evaluation range, plus one period for the evaluation to come round).
 */
export function heartbeatWindowMs(gateIntervalMs: number): number {
  const period = verdictPeriodSeconds(gateIntervalMs)
  return (evaluationRangePeriods(period) + 1) * period * 1000
}

/** The longest from a dead runner's last verdict to SageMaker's rollback: the heartbeat window and one period. */
export function silenceRollbackMs(gateIntervalMs: number): number {
  return heartbeatWindowMs(gateIntervalMs) + verdictPeriodSeconds(gateIntervalMs) * 1000
}

/** The longest from the evidence to SageMaker's rollback on a failed verdict: gate interval, one period, reaction. */
export function failedVerdictRollbackMs(gateIntervalMs: number): number {
  return gateIntervalMs + verdictPeriodSeconds(gateIntervalMs) * 1000 + SAGEMAKER_REACTION_MS
}
