/**
 * A dry run's plan on the pull request it was run for (`plan-comment: true`),
 * so reviewers read what a merge would do where they review it. One comment
 * per endpoint and region: a later dry run updates it instead of adding
 * another. Like the deployment, nothing here may fail the run: every problem
 * with the GitHub API is a warning.
 *
 * REST API: https://docs.github.com/en/rest/issues/comments (a pull request's
 * conversation comments are its issue's comments).
 */
import { readFileSync } from 'node:fs'
import * as core from '@actions/core'
import { DEFAULT_TIMEOUT_MS, describeGitHubError, githubClient } from './api.js'
import { workflowRun, type WorkflowRun } from './run.js'

export interface PlanCommentRequest {
  /** The `github-token` input; blank means none was given. */
  token: string
  endpointName: string
  region: string
  /** The plan, as the job summary shows it (GitHub renders the same HTML in a comment). */
  body: string
  /** The runner's environment: repository, event and API URL come from its GITHUB_* variables. */
  env: NodeJS.ProcessEnv
  timeoutMs?: number
  warn?: (message: string) => void
}

const PERMISSION_HINT =
  "The workflow must grant the job's token `permissions: pull-requests: write`, or pass a token that has it as github-token."
/** GitHub refuses a comment body longer than this. */
const MAX_BODY_LENGTH = 65_536
/** Comments looked through for this endpoint's: a busy pull request's first thousand. */
const MAX_PAGES = 10
const PER_PAGE = 100

/** The hidden line that marks the comment as this endpoint's plan, so a later run finds it. */
export function planMarker(endpointName: string, region: string): string {
  return `<!-- sagemaker-deploy-plan: ${region}/${endpointName} -->`
}

/**
 * The pull request the run is for: the event's `pull_request` (pull_request
 * and pull_request_target events), or an issue comment's pull request, or
 * else a `refs/pull/<n>/merge` ref.
 */
export function pullRequestNumber(env: NodeJS.ProcessEnv, run: WorkflowRun): number | undefined {
  const path = env.GITHUB_EVENT_PATH?.trim()
  if (path) {
    try {
      const event = JSON.parse(readFileSync(path, 'utf8')) as {
        pull_request?: { number?: unknown }
        issue?: { number?: unknown; pull_request?: unknown }
      }
      const number = event.pull_request?.number ?? (event.issue?.pull_request ? event.issue.number : undefined)
      if (typeof number === 'number' && Number.isInteger(number) && number > 0) return number
    } catch {
      // An unreadable event file leaves the ref to say.
    }
  }
  const fromRef = /^refs\/pull\/(\d+)\//.exec(run.ref ?? '')?.[1]
  return fromRef ? Number(fromRef) : undefined
}

/** Posts or updates the plan's comment; resolves with its URL, or undefined when there was none to post. */
export async function postPlanComment(request: PlanCommentRequest): Promise<string | undefined> {
  const warn = request.warn ?? ((message: string) => core.warning(message))
  const run = workflowRun(request.env)
  const number = pullRequestNumber(request.env, run)
  if (number === undefined) {
    core.info('plan-comment: this run is not for a pull request, so the plan is in the job summary only.')
    return undefined
  }
  const prefix = `The plan's comment on pull request #${number}`
  const token = request.token.trim()
  if (!token) {
    warn(`${prefix} was not posted: no github-token was given. ${PERMISSION_HINT}`)
    return undefined
  }
  if (!run.owner || !run.repo) {
    warn(`${prefix} was not posted: GITHUB_REPOSITORY must name the repository.`)
    return undefined
  }
  const octokit = githubClient(token, run)
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const options = () => ({ request: { signal: AbortSignal.timeout(timeoutMs) } })
  const marker = planMarker(request.endpointName, request.region)
  const body = commentBody(marker, request, run)
  const issue = { owner: run.owner, repo: run.repo, issue_number: number }
  try {
    const existing = await findComment(octokit, issue, marker, options)
    const answer = existing
      ? await octokit.rest.issues.updateComment({
          owner: run.owner,
          repo: run.repo,
          comment_id: existing,
          body,
          ...options()
        })
      : await octokit.rest.issues.createComment({ ...issue, body, ...options() })
    core.info(`${existing ? 'Updated' : 'Posted'} the plan on pull request #${number}: ${answer.data.html_url}`)
    return answer.data.html_url
  } catch (error) {
    warn(
      `${prefix} was not posted: ${describeGitHubError(error, { apiUrl: run.apiUrl, timeoutMs, permissionHint: PERMISSION_HINT })}`
    )
    return undefined
  }
}

async function findComment(
  octokit: ReturnType<typeof githubClient>,
  issue: { owner: string; repo: string; issue_number: number },
  marker: string,
  options: () => { request: { signal: AbortSignal } }
): Promise<number | undefined> {
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { data } = await octokit.rest.issues.listComments({ ...issue, per_page: PER_PAGE, page, ...options() })
    const found = data.find((comment) => comment.body?.includes(marker) && mayBeOurs(comment))
    if (found) return found.id
    if (data.length < PER_PAGE) return undefined
  }
  return undefined
}

/**
 * Associations of people the repository has taken in (owners, members, invited collaborators), unlike anyone who
 * may comment on a public pull request: a personal token's comments carry its owner's.
 * https://docs.github.com/en/graphql/reference/enums#commentauthorassociation
 */
const WRITERS = new Set(['OWNER', 'MEMBER', 'COLLABORATOR'])

/**
 * Whether a comment with the marker may be the plan an earlier run posted: written by the workflow's token
 * (github-actions[bot]) or by someone who can push. Anyone may comment on a public repository's pull request; a
 * comment of theirs carrying the hidden marker would otherwise be the one updated, which its author could edit into
 * a false plan for reviewers, or, if the token may not edit it, keep the plan from being posted at all.
 */
function mayBeOurs(comment: { user?: { login?: string; type?: string } | null; author_association?: string }): boolean {
  const bySelf = comment.user?.type === 'Bot' && comment.user.login === 'github-actions[bot]'
  return bySelf || WRITERS.has(comment.author_association ?? '')
}

function commentBody(marker: string, request: PlanCommentRequest, run: WorkflowRun): string {
  const by = run.runUrl ? `[this run](${run.runUrl})` : 'a run'
  const commit = run.sha ? ` at ${run.sha.slice(0, 7)}` : ''
  const footer = `\n\n<sub>Dry run of endpoint ${request.endpointName} in ${request.region}, by ${by}${commit}: nothing was changed. A later dry run updates this comment.</sub>`
  const room = MAX_BODY_LENGTH - marker.length - footer.length - 2
  return `${marker}\n${fitted(request.body, room)}${footer}`
}

const CUT_SHORT = '\n\n(cut short: see the run)'

/**
 * The plan within `room` characters, cut where the rest still renders: the charts go first (they repeat the
 * step table), then the text is cut outside any code fence and any tag, so the footer after it is not swallowed
 * by an unclosed mermaid block or half a tag.
 */
function fitted(plan: string, room: number): string {
  if (plan.length <= room) return plan
  const withoutCharts = plan.replace(/\n?```mermaid\n[\s\S]*?\n```\n?/g, '\n')
  if (withoutCharts.length + CUT_SHORT.length <= room) return `${withoutCharts}${CUT_SHORT}`
  let cut = withoutCharts.slice(0, room - CUT_SHORT.length)
  if ((cut.match(/```/g) ?? []).length % 2 === 1) cut = cut.slice(0, cut.lastIndexOf('```'))
  if (cut.lastIndexOf('<') > cut.lastIndexOf('>')) cut = cut.slice(0, cut.lastIndexOf('<'))
  return `${cut}${CUT_SHORT}`
}
