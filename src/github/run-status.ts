/**
 * Whether a workflow run has ended, as GitHub's REST API says
 * (https://docs.github.com/en/rest/actions/workflow-runs#get-a-workflow-run):
 * a run is `completed` only once every job in it has ended, post steps
 * included, whether it succeeded, failed, was cancelled or its runner was
 * lost. Needs a token that may read the run's Actions (`actions: read`).
 */
import { DEFAULT_TIMEOUT_MS, describeGitHubError, githubClient } from './api.js'
import type { WorkflowRun } from './run.js'

/** The job's token and the run, to ask GitHub about another run of the repository. */
export interface GitHubAccess {
  token: string
  run: WorkflowRun
}

export type RunStatus = { ended: true; conclusion: string } | { ended: false; status: string }

/** The run's status; throws, saying why, when GitHub could not tell. */
export async function workflowRunStatus(
  token: string,
  run: WorkflowRun,
  { repository, runId }: { repository: string; runId: string },
  timeoutMs = DEFAULT_TIMEOUT_MS
): Promise<RunStatus> {
  const [owner = '', repo = ''] = repository.split('/')
  try {
    const { data } = await githubClient(token, run).rest.actions.getWorkflowRun({
      owner,
      repo,
      run_id: Number(runId),
      request: { signal: AbortSignal.timeout(timeoutMs) }
    })
    if (data.status === 'completed') return { ended: true, conclusion: data.conclusion ?? 'completed' }
    return { ended: false, status: data.status ?? 'unknown' }
  } catch (error) {
    throw new Error(
      describeGitHubError(error, {
        apiUrl: run.apiUrl,
        timeoutMs,
        permissionHint: "The workflow must grant the job's token `permissions: actions: read`."
      }),
      { cause: error }
    )
  }
}
