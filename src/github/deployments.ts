/**
 * A GitHub deployment for the run: with an `environment`, the repository's
 * environment page and the commit show what was deployed, where it serves
 * and how it went. Nothing here may fail the deploy: every problem with the
 * GitHub API is a warning and the SageMaker deploy goes on.
 *
 * REST API: https://docs.github.com/en/rest/deployments/deployments and
 * https://docs.github.com/en/rest/deployments/statuses
 */
import * as core from '@actions/core'
import { consoleUrl } from '../summary.js'
import { systemClock, type Clock } from '../clock.js'
import { DEFAULT_TIMEOUT_MS, describeGitHubError, githubClient, sentence, withRetries, type Octokit } from './api.js'
import { workflowRun } from './run.js'

/**
 * How a run leaves its deployment: failure covers a rollout that failed or was
 * rolled back; in_progress a rollout that paused, which a later promote or
 * rollback finishes with a deployment of its own.
 */
export type DeploymentOutcome = 'success' | 'failure' | 'inactive' | 'in_progress'

export interface DeploymentRequest {
  /** The `github-token` input; blank means none was given. */
  token: string
  /** The `environment` input; blank or undefined records no deployment and calls nothing. */
  environment: string | undefined
  endpointName: string
  region: string
  /** The runner's environment: repository, commit, run and API URL come from its GITHUB_* variables. */
  env: NodeJS.ProcessEnv
  /** Shown on the deployment; at most 140 characters are kept. */
  description?: string
  /** Kept on the deployment beside the endpoint's name and region, for tools that read deployments. */
  payload?: Record<string, unknown>
  /** What to deploy; the workflow's commit (GITHUB_SHA) by default. */
  ref?: string
  /** A limit on each API call, so a GitHub that does not answer never holds up the deploy. */
  timeoutMs?: number
  /** Where warnings go; `ctx.warn` puts them in the job summary too. */
  warn?: (message: string) => void
  /** What a retried status post waits on. */
  clock?: Clock
}

export interface DeploymentHandle {
  readonly id: number
  readonly environment: string
  /** Posts the final status once; later calls do nothing, so every way out of a run can call it. */
  finish(outcome: DeploymentOutcome, description: string): Promise<void>
}

/** GitHub refuses a longer status description. */
const MAX_DESCRIPTION_LENGTH = 140
/** Older deployments of the endpoint looked at when a new one succeeds: enough to catch one left behind. */
const SUPERSEDED_LOOKBACK = 30
/**
 * Pages of the environment's deployments read to find them, newest first: one environment may hold many
 * endpoints' deployments, and this endpoint's last one may lie well past the first page.
 */
const LOOKBACK_PAGES = 5
const PAGE_SIZE = 100
const PERMISSION_HINT =
  "The workflow must grant the job's token `permissions: deployments: write`, or pass a token that has it as github-token."

/** What every call to GitHub for one deployment shares. */
interface Connection {
  octokit: ReturnType<typeof githubClient>
  repository: { owner: string; repo: string }
  run: ReturnType<typeof workflowRun>
  ref: string
  environment: string
  timeoutMs: number
  options: () => { request: { signal: AbortSignal } }
  warn: (message: string) => void
  /** How every warning about this deployment begins. */
  prefix: string
  clock: Clock
}

/**
 * Creates the deployment and marks it in progress. Undefined when there is
 * nothing to record or GitHub would not create it (with a warning saying why).
 */
export async function startDeployment(request: DeploymentRequest): Promise<DeploymentHandle | undefined> {
  const github = connect(request)
  if (!github) return undefined
  const id = await createDeployment(github, request)
  if (id === undefined) return undefined
  core.info(`Recorded GitHub deployment ${id} to environment "${github.environment}".`)
  const post = statusPoster(github, id, request)
  // Not retried: it would hold up the deploy, and the final status, which is, replaces it.
  await post('in_progress', request.description ?? `Deploying to SageMaker endpoint ${request.endpointName}`, false)
  const target = { endpointName: request.endpointName, region: request.region }
  let finished = false
  return {
    id,
    environment: github.environment,
    async finish(outcome, description) {
      if (finished) return
      finished = true
      const posted = await post(outcome, description, true)
      if (posted && outcome !== 'in_progress') {
        await retireSuperseded(github.octokit, {
          ...github.repository,
          environment: github.environment,
          id,
          target,
          // A success replaces what served; any ending replaces a rollout left in progress
          // (a paused canary this run promoted or rolled back, or a run that died).
          states: outcome === 'success' ? ['success', 'in_progress'] : ['in_progress'],
          options: github.options,
          timeoutMs: github.timeoutMs,
          warn: (text) => github.warn(`${github.prefix}: ${text}`)
        })
      }
    }
  }
}

/** The client and the repository, commit and environment to record under; undefined (with a warning) when one is missing. */
function connect(request: DeploymentRequest): Connection | undefined {
  const environment = request.environment?.trim()
  if (!environment) return undefined
  const warn = request.warn ?? ((message: string) => core.warning(message))
  const prefix = `GitHub deployment to environment "${environment}"`
  const token = request.token.trim()
  if (!token) {
    warn(`${prefix} was not recorded: no github-token was given. ${PERMISSION_HINT}`)
    return undefined
  }
  const run = workflowRun(request.env)
  const ref = request.ref?.trim() || run.sha
  if (!run.owner || !run.repo || !ref) {
    warn(`${prefix} was not recorded: GITHUB_REPOSITORY and GITHUB_SHA must name the repository and commit.`)
    return undefined
  }
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS
  return {
    octokit: githubClient(token, run),
    repository: { owner: run.owner, repo: run.repo },
    run,
    ref,
    environment,
    timeoutMs,
    options: () => ({ request: { signal: AbortSignal.timeout(timeoutMs) } }),
    warn,
    prefix,
    clock: request.clock ?? systemClock
  }
}

async function createDeployment(github: Connection, request: DeploymentRequest): Promise<number | undefined> {
  const { warn, prefix, ref } = github
  const target = { endpointName: request.endpointName, region: request.region }
  try {
    const created = await github.octokit.rest.repos.createDeployment({
      ...github.repository,
      ref,
      environment: github.environment,
      task: 'deploy',
      // The commit was built and tested by this workflow: deploy it as it is,
      // not merged with the default branch, and without waiting on status checks.
      auto_merge: false,
      required_contexts: [],
      description: shortened(request.description ?? `SageMaker endpoint ${request.endpointName} in ${request.region}`),
      payload: { ...request.payload, ...target },
      ...github.options()
    })
    if (!('id' in created.data)) {
      // 202: GitHub merged the default branch into the ref instead of creating a deployment.
      warn(
        `${prefix} was not created: GitHub answered HTTP ${created.status}: ${sentence(created.data.message ?? 'no deployment')}`
      )
      return undefined
    }
    return created.data.id
  } catch (error) {
    warn(`${prefix} could not be created at ${ref}: ${describeError(github, error)}`)
    return undefined
  }
}

/** Sets the deployment's status; false (with a warning) when GitHub would not. */
function statusPoster(
  github: Connection,
  id: number,
  request: DeploymentRequest
): (state: DeploymentOutcome, description: string, retried: boolean) => Promise<boolean> {
  const environmentUrl = consoleUrl(request.region, request.endpointName)
  return async (state, description, retried) => {
    try {
      // Retried where GitHub may answer later: a deployment left in progress by one lost answer stays so until the
      // endpoint's next deploy. (The deployment itself is not: a create whose answer was lost would make two.)
      await withRetries(
        () =>
          github.octokit.rest.repos.createDeploymentStatus({
            ...github.repository,
            deployment_id: id,
            state,
            description: shortened(description),
            environment_url: environmentUrl,
            ...(github.run.runUrl ? { log_url: github.run.runUrl } : {}),
            // GitHub would mark every earlier successful deployment of the environment
            // inactive, whichever endpoint it put there; retireSuperseded does it for this endpoint only.
            auto_inactive: false,
            ...github.options()
          }),
        github.clock,
        retried ? undefined : 1
      )
      return true
    } catch (error) {
      github.warn(`${github.prefix}: could not set deployment ${id} to ${state}: ${describeError(github, error)}`)
      return false
    }
  }
}

function describeError(github: Connection, error: unknown): string {
  return describeGitHubError(error, {
    apiUrl: github.run.apiUrl,
    timeoutMs: github.timeoutMs,
    permissionHint: PERMISSION_HINT
  })
}

/**
 * Once a deployment succeeds, the endpoint no longer serves what earlier ones
 * put there: their `success` becomes `inactive`; and once one ends, an earlier
 * one still `in_progress` is over too. Only deployments of the same
 * endpoint and region are touched, since one environment may hold several
 * endpoints; and only older ones, since a newer run may already have succeeded.
 * GitHub's own auto_inactive cannot do this: it would take every endpoint in a
 * non-production environment and none in a production one.
 */
async function retireSuperseded(
  octokit: Octokit,
  scope: {
    owner: string
    repo: string
    environment: string
    id: number
    target: { endpointName: string; region: string }
    /** The latest states that make an earlier deployment superseded. */
    states: string[]
    options: () => { request: { signal: AbortSignal } }
    timeoutMs: number
    warn: (message: string) => void
  }
): Promise<void> {
  const { owner, repo, environment, id, target, options, timeoutMs } = scope
  try {
    const earlier: Array<{ id: number }> = []
    for (let page = 1; page <= LOOKBACK_PAGES && earlier.length < SUPERSEDED_LOOKBACK; page++) {
      const { data } = await octokit.rest.repos.listDeployments({
        owner,
        repo,
        environment,
        per_page: PAGE_SIZE,
        page,
        ...options()
      })
      earlier.push(...data.filter((deployment) => deployment.id < id && sameTarget(deployment.payload, target)))
      if (data.length < PAGE_SIZE) break
    }
    for (const deployment of earlier.slice(0, SUPERSEDED_LOOKBACK)) {
      const { data: statuses } = await octokit.rest.repos.listDeploymentStatuses({
        owner,
        repo,
        deployment_id: deployment.id,
        per_page: 1,
        ...options()
      })
      if (!scope.states.includes(statuses[0]?.state ?? '')) continue
      await octokit.rest.repos.createDeploymentStatus({
        owner,
        repo,
        deployment_id: deployment.id,
        state: 'inactive',
        description: `Superseded by deployment ${id}`,
        ...options()
      })
    }
  } catch (error) {
    scope.warn(
      `could not mark earlier deployments of the endpoint inactive: ${describeGitHubError(error, { apiUrl: '', timeoutMs, permissionHint: PERMISSION_HINT })}`
    )
  }
}

/** Whether a deployment's payload names this endpoint; GitHub returns it as an object, or as the string it was given. */
function sameTarget(payload: unknown, target: { endpointName: string; region: string }): boolean {
  let value = payload
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value)
    } catch {
      return false
    }
  }
  if (!value || typeof value !== 'object') return false
  const fields = value as Record<string, unknown>
  return fields.endpointName === target.endpointName && fields.region === target.region
}

function shortened(text: string): string {
  return text.length > MAX_DESCRIPTION_LENGTH ? `${text.slice(0, MAX_DESCRIPTION_LENGTH - 3)}...` : text
}
