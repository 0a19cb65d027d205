/**
 * What every use of GitHub's REST API shares: one way to make the client, one
 * limit on each call, and one way to say what went wrong and what to do.
 * Nothing that talks to GitHub may fail a deploy: callers turn these errors
 * into warnings.
 */
import { getOctokit } from '@actions/github'
import { ACTION_NAME, ACTION_VERSION } from '../version.js'
import type { WorkflowRun } from './run.js'

export type Octokit = ReturnType<typeof getOctokit>

/** A limit on each API call, so a GitHub that does not answer never holds up the deploy. */
export const DEFAULT_TIMEOUT_MS = 10_000

export function githubClient(token: string, run: WorkflowRun): Octokit {
  return getOctokit(token, { baseUrl: run.apiUrl, userAgent: `${ACTION_NAME}/${ACTION_VERSION}` })
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
      return `${text} ${permissionHint}`
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
