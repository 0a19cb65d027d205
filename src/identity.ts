/**
 * Who is running: the endpoint lock names its holder with it, and everything
 * a run creates is tagged with it, so a create whose answer was lost can tell
 * its own resource from another run's.
 */
import { randomUUID } from 'node:crypto'
import { hostname, userInfo } from 'node:os'
import { workflowRun } from './github/run.js'
import { traceabilityTags } from './tags.js'

export interface RunIdentity {
  /** For people: the page of this run attempt, or what a local run is. */
  owner: string
  /** `owner/name`, with the run's ID and attempt: absent outside GitHub Actions. */
  repository?: string
  runId?: string
  runAttempt?: string
  /** The job's ID in the workflow (matrix jobs share it). */
  job?: string
  /** This process alone: two jobs of one run have the same URL, never the same token. */
  token: string
  /** The repository, commit, ref and run URL, tagged on everything the run creates. */
  tags: Record<string, string>
}

export function runIdentity(env: NodeJS.ProcessEnv, newToken: () => string = randomUUID): RunIdentity {
  const run = workflowRun(env)
  const identity: RunIdentity = {
    owner: run.runUrl ?? localRun(env),
    token: newToken(),
    tags: traceabilityTags(env)
  }
  if (run.repository) identity.repository = run.repository
  if (run.runId) identity.runId = run.runId
  if (run.runAttempt) identity.runAttempt = run.runAttempt
  const job = env.GITHUB_JOB?.trim()
  if (job) identity.job = job
  return identity
}

function localRun(env: NodeJS.ProcessEnv): string {
  let user = env.USER ?? env.USERNAME ?? ''
  try {
    user ||= userInfo().username
  } catch {
    // No user entry (a container's arbitrary UID): the host and process still say which run it is.
  }
  return `a run outside GitHub Actions${user ? ` by ${user}` : ''} on ${hostname()} (process ${process.pid})`
}
