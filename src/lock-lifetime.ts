/**
 * How long an endpoint lock may stand before a run may take it over: as long
 * as the job that took it can run, and the post step after it (lock.ts).
 */
import type { Settings } from './settings.js'

/**
 * A job runs for at most its timeout-minutes, which is 360 unless the
 * workflow sets it, and GitHub-hosted runners stop every job at 6 hours. A
 * lock held longer than that belongs to a run that is gone. (The action
 * cannot read its job's timeout-minutes: the runner does not expose it.)
 * https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#jobsjob_idtimeout-minutes
 * https://docs.github.com/en/actions/reference/actions-limits
 */
const JOB_TIMEOUT_MS = 6 * 60 * 60_000

/**
 * Endpoint transitions a run may wait for besides its steps' shifts: for the
 * endpoint to become updatable, the canary config, the promotion and a
 * rollback's weights and config. Each wait lasts at most `timeout`.
 */
const TRANSITIONS_OUTSIDE_STEPS = 5
/** The post step of a cancelled run waits out the update under way, then restores the config. */
const POST_STEP_TRANSITIONS = 2

/**
 * How long a lock may stand: as long as a job can run, or as long as this
 * operation could take if that is longer (a workflow may give a long rollout
 * a longer timeout-minutes on its own runners), and the post step after it.
 */
export function lockLifetimeMs(settings: Settings): number {
  const timeout = settings.timeoutMs
  const rollout =
    settings.operation === 'deploy'
      ? settings.deploy.rollout
      : settings.operation === 'promote'
        ? settings.rollout
        : undefined
  // A shadow phase is one more bake, and one more fleet change (the shadow config, then the canary's).
  const shadow = rollout?.shadowPercent !== undefined ? 1 : 0
  const steps = (rollout?.trafficSteps.length ?? 0) + shadow
  const perStep = rollout ? rollout.bakeTimeMs + rollout.maxDataDelayMs + timeout : 0
  const planned = steps * perStep + (TRANSITIONS_OUTSIDE_STEPS + shadow) * timeout
  return Math.max(JOB_TIMEOUT_MS, planned) + POST_STEP_TRANSITIONS * timeout
}
