/**
 * The workflow run as the runner describes it in its default environment
 * variables: which repository, commit and ref, and where the run's page is.
 * https://docs.github.com/en/actions/reference/workflows-and-actions/variables#default-environment-variables
 */

export interface WorkflowRun {
  /** `owner/name`. */
  repository: string | undefined
  owner: string | undefined
  repo: string | undefined
  sha: string | undefined
  /** The full ref, such as `refs/heads/main` or `refs/pull/12/merge`. */
  ref: string | undefined
  serverUrl: string
  /** The REST API's base: api.github.com, or `<host>/api/v3` on GitHub Enterprise Server. */
  apiUrl: string
  runId: string | undefined
  runAttempt: string | undefined
  /**
   * The page of this attempt of the run: a re-run is a new attempt with logs
   * of its own, and the run's plain URL shows only the latest one.
   */
  runUrl: string | undefined
}

export function workflowRun(env: NodeJS.ProcessEnv): WorkflowRun {
  const value = (name: string): string | undefined => env[name]?.trim() || undefined
  const repository = value('GITHUB_REPOSITORY')
  const [owner, repo, ...rest] = repository?.split('/') ?? []
  const wellFormed = owner && repo && rest.length === 0
  const serverUrl = (value('GITHUB_SERVER_URL') ?? 'https://github.com').replace(/\/+$/, '')
  const runId = value('GITHUB_RUN_ID')
  const runAttempt = value('GITHUB_RUN_ATTEMPT')
  const runUrl =
    repository && runId
      ? `${serverUrl}/${repository}/actions/runs/${runId}${runAttempt ? `/attempts/${runAttempt}` : ''}`
      : undefined
  return {
    repository,
    owner: wellFormed ? owner : undefined,
    repo: wellFormed ? repo : undefined,
    sha: value('GITHUB_SHA'),
    ref: value('GITHUB_REF'),
    serverUrl,
    apiUrl: (value('GITHUB_API_URL') ?? 'https://api.github.com').replace(/\/+$/, ''),
    runId,
    runAttempt,
    runUrl
  }
}
