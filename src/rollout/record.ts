/** The rollout's record on the run's report: what the summary's rollout section is drawn from. */
import type { OperationContext } from '../context.js'
import type { RolloutRecord } from '../report.js'
import type { RolloutSettings } from '../settings.js'
import { describeGates } from './gates.js'
import type { InFlight } from './in-flight.js'

export function startRolloutRecord(
  ctx: OperationContext,
  settings: RolloutSettings,
  inFlight: Pick<InFlight, 'newVariant' | 'source'> & { previousConfig?: string }
): RolloutRecord {
  const record: RolloutRecord = {
    controller: settings.controller,
    strategy: settings.strategy,
    newVariant: inFlight.newVariant,
    ...(inFlight.previousConfig ? { previousConfig: inFlight.previousConfig } : {}),
    ...(settings.gates.maxErrorRate !== undefined ? { maxErrorRate: settings.gates.maxErrorRate } : {}),
    gates: describeGates(settings.gates, inFlight.source),
    steps: []
  }
  ctx.report.rollout = record
  if (inFlight.previousConfig) ctx.output('previous-endpoint-config-name', inFlight.previousConfig)
  ctx.output('variant-name', inFlight.newVariant)
  return record
}
