/**
 * What every use of GitHub's REST API shares: one way to make the client, one
 * limit on each call, and one way to say what went wrong and what to do.
 * Nothing that talks to GitHub may fail a deploy: callers turn these errors
 * into warnings.
 */
import { getOctokit } from '@actions/github'
import { systemClock, type Clock } from '../clock.js'
import { ACTION_NAME, ACTION_VERSION } from '../version.js'
import type { WorkflowRun } from './run.js'

export type Octokit = ReturnType<typeof getOctokit>

/** A limit on each API call, so a GitHub that does not answer never holds up the deploy. */
export const DEFAULT_TIMEOUT_MS = 10_000

export function githubClient(token: string, run: WorkflowRun): Octokit {
  return getOctokit(token, { baseUrl: run.apiUrl, userAgent: `${ACTION_NAME}/${ACTION_VERSION}` })
}

/** Attempts at a call GitHub may answer later. */
const ATTEMPTS = 3
/** GitHub asks for at least a minute before a retry after a secondary rate limit that gives no retry-after; the longest waited. */
const RATE_LIMIT_WAIT_MS = 60_000

/**
 * Runs `call`, again after a wait when GitHub may answer it later: a 5XX, no answer at all, or a secondary rate
 * limit (429, or 403 saying so), waiting as its retry-after header says, else a minute ("If the retry-after response
 * header is present, you should not retry your request until after that many seconds has elapsed. Otherwise, wait
 * for at least one minute before retrying":
 * https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api#handle-rate-limit-errors-appropriately),
 * once, and only for a wait of a minute or less. A spent primary limit (x-ratelimit-remaining 0) resets within the
 * hour, so it is not waited for. Only for calls a
 * repeat cannot harm: a status posted twice is the same status.
 */
export async function withRetries<T>(
  call: () => Promise<T>,
  clock: Clock = systemClock,
  attempts = ATTEMPTS
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call()
    } catch (error) {
      const waitMs = retryWaitMs(error, attempt)
      if (attempt >= attempts || waitMs === undefined) throw error
      await clock.sleep(waitMs)
    }
  }
}

function retryWaitMs(error: unknown, attempt: number): number | undefined {
  const fields = (error && typeof error === 'object' ? error : {}) as {
    status?: unknown
    message?: unknown
    response?: { headers?: Record<string, string | undefined> }
  }
  if (fields.response === undefined) return attempt * 1000
  const status = typeof fields.status === 'number' ? fields.status : 0
  const headers = fields.response.headers ?? {}
  const limited = status === 429 || (status === 403 && /rate limit/i.test(String(fields.message)))
  if (limited) {
    // Once, and never sooner than GitHub asks: a longer wait would hold the run's summary back.
    if (attempt > 1 || headers['x-ratelimit-remaining'] === '0') return undefined
    const after = headers['retry-after'] === undefined ? RATE_LIMIT_WAIT_MS / 1000 : Number(headers['retry-after'])
    return Number.isFinite(after) && after >= 0 && after * 1000 <= RATE_LIMIT_WAIT_MS ? after * 1000 : undefined
  }
  return status >= 500 ? attempt * 1000 : undefined
}

/**
 * The HTTP status and GitHub's message, with what to do for the answers that
 * have a known cause. No status means GitHub was never reached.
 */
export function describeGitHubError(
  error: unknown,
  { apiUrl, timeoutMs, permissionHint }: { apiUrl: string; timeoutMs: number; permissionHint: string }
): string {
  const fields = (error && typeof error === 'object' ? error : {}) as {
    status?: unknown
    response?: unknown
    message?: unknown
    cause?: { name?: unknown; message?: unknown }
  }
  const where = apiUrl ? ` at ${apiUrl}` : ''
  if (fields.response === undefined || typeof fields.status !== 'number') {
    // Octokit reports a request it could not make as HTTP 500 with no response; the cause says why.
    if (fields.cause?.name === 'TimeoutError') return `GitHub did not answer${where} within ${timeoutMs / 1000}s.`
    return `GitHub could not be reached${where} (${deepestMessage(error)}).`
  }
  // Octokit appends GitHub's documentation_url; the hints below say more about what to do.
  const message = String(fields.message ?? '').replace(/ - https?:\/\/\S+$/, '')
  const text = `HTTP ${fields.status}: ${sentence(message)}`
  switch (fields.status) {
    case 401:
      return `${text} The token was refused. ${permissionHint}`
    case 403:
    case 404:
      // The permission a fork's pull request or Dependabot lacks cannot be granted by the workflow.
      return `${text} ${permissionHint} A run for a pull request from a fork, or started by Dependabot, gets a read-only token whatever the workflow grants.`
    case 409:
      return `${text} GitHub found a conflict with the ref (a merge conflict, or required status checks that did not pass).`
    default:
      return text
  }
}

/** fetch says only "fetch failed"; the reason (ECONNREFUSED, a DNS failure) is in its cause. */
function deepestMessage(error: unknown): string {
  let message = String(error)
  let current: unknown = error
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    if ('message' in current && typeof current.message === 'string' && current.message) message = current.message
    current = 'cause' in current ? current.cause : undefined
  }
  return message
}

export function sentence(text: string): string {
  const trimmed = text.trim()
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`
}
