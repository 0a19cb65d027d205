// A dry run's plan as a pull request comment, against a fake GitHub REST API over HTTP, with the real Octokit.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '../../__fixtures__/core.js'
import { useFakeGitHub } from '../../__fixtures__/github.js'

jest.unstable_mockModule('@actions/core', () => core)
const { planMarker, postPlanComment, pullRequestNumber } = await import('../../src/github/plan-comment.js')
const { workflowRun } = await import('../../src/github/run.js')

const TOKEN = 'ghs_fakeToken123'
const SHA = '3f786850e387550fdab836ed7e6dc881de23001b'
const PLAN = '<h3>Rollout plan: about 13 minutes</h3><ol><li>10% for 5m</li></ol>'

const fakeGitHub = useFakeGitHub(TOKEN)
const eventDirectory = mkdtempSync(join(tmpdir(), 'plan-comment-'))

beforeEach(() => {
  core.resetCore()
})

/** The runner's environment for an event whose payload is `event`. */
function runnerEnv(event: object, ref = 'refs/pull/42/merge'): NodeJS.ProcessEnv {
  const path = join(eventDirectory, `event-${Math.random().toString(36).slice(2)}.json`)
  writeFileSync(path, JSON.stringify(event))
  return {
    GITHUB_API_URL: fakeGitHub().url,
    GITHUB_SERVER_URL: 'https://fakeGitHub().com',
    GITHUB_REPOSITORY: 'acme/models',
    GITHUB_SHA: SHA,
    GITHUB_REF: ref,
    GITHUB_RUN_ID: '8811',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_EVENT_PATH: path
  }
}

const onPullRequest = (number = 42): NodeJS.ProcessEnv => runnerEnv({ pull_request: { number } })

function request(env: NodeJS.ProcessEnv, body = PLAN): Parameters<typeof postPlanComment>[0] {
  return { token: TOKEN, endpointName: 'fraud', region: 'eu-west-1', body, env }
}

const warnings = (): string[] => core.log.filter((line) => line.startsWith('::warning::'))

describe('the pull request a run is for', () => {
  it('comes from the event, an issue comment on a pull request, or a pull request ref', () => {
    const number = (env: NodeJS.ProcessEnv): number | undefined => pullRequestNumber(env, workflowRun(env))
    expect(number(runnerEnv({ pull_request: { number: 7 } }, 'refs/heads/main'))).toBe(7)
    expect(number(runnerEnv({ issue: { number: 8, pull_request: {} } }, 'refs/heads/main'))).toBe(8)
    expect(number(runnerEnv({ issue: { number: 9 } }, 'refs/heads/main'))).toBeUndefined()
    expect(number(runnerEnv({}, 'refs/pull/12/merge'))).toBe(12)
    expect(number(runnerEnv({ ref: 'refs/tags/v1' }, 'refs/tags/v1'))).toBeUndefined()
  })
})

describe('a dry run on a pull request', () => {
  it('posts the plan once, marked as this endpoint’s, with a link to the run', async () => {
    const url = await postPlanComment(request(onPullRequest()))

    const [comment, ...others] = fakeGitHub().comments()
    expect(others).toEqual([])
    expect(comment?.issue).toBe(42)
    expect(url).toBe(comment?.html_url)
    expect(comment?.body.startsWith(`${planMarker('fraud', 'eu-west-1')}\n${PLAN}`)).toBe(true)
    expect(comment?.body).toContain(
      '[this run](https://fakeGitHub().com/acme/models/actions/runs/8811/attempts/1) at 3f78685'
    )
    expect(warnings()).toEqual([])
  })

  it('updates its own comment on the next dry run, and leaves other comments and endpoints alone', async () => {
    fakeGitHub().seedComment({ owner: 'acme', repo: 'models', issue: 42, body: 'Looks good to me' })
    fakeGitHub().seedComment({
      owner: 'acme',
      repo: 'models',
      issue: 42,
      body: `${planMarker('fraud', 'us-east-1')}\nold`
    })
    await postPlanComment(request(onPullRequest(), '<p>first plan</p>'))
    await postPlanComment(request(onPullRequest(), '<p>second plan</p>'))

    const bodies = fakeGitHub()
      .comments()
      .map((comment) => comment.body)
    expect(bodies).toHaveLength(3)
    expect(bodies[0]).toBe('Looks good to me')
    expect(bodies[1]).toBe(`${planMarker('fraud', 'us-east-1')}\nold`)
    expect(bodies[2]).toContain('<p>second plan</p>')
    expect(bodies[2]).not.toContain('first plan')
    expect(
      fakeGitHub()
        .requests()
        .filter((entry) => entry.method === 'PATCH')
    ).toHaveLength(1)
  })

  it('updates a marked comment its own token or someone who can push wrote, never an outsider’s', async () => {
    const planted = `${planMarker('fraud', 'eu-west-1')}\nplanted`
    // Anyone may comment on a public pull request, the hidden marker included.
    fakeGitHub().seedComment({
      owner: 'acme',
      repo: 'models',
      issue: 42,
      body: planted,
      user: { login: 'mallory', type: 'User' },
      association: 'NONE'
    })
    fakeGitHub().seedComment({
      owner: 'acme',
      repo: 'models',
      issue: 42,
      body: planted,
      user: { login: 'renovate[bot]', type: 'Bot' },
      association: 'NONE'
    })
    await postPlanComment(request(onPullRequest(), '<p>first plan</p>'))

    const bodies = fakeGitHub()
      .comments()
      .map((comment) => comment.body)
    expect(bodies.slice(0, 2)).toEqual([planted, planted])
    expect(bodies[2]).toContain('<p>first plan</p>')
    expect(bodies).toHaveLength(3)
  })

  it('takes a maintainer’s personal token’s marked comment as its own', async () => {
    fakeGitHub().seedComment({
      owner: 'acme',
      repo: 'models',
      issue: 42,
      body: `${planMarker('fraud', 'eu-west-1')}\nold`,
      user: { login: 'maintainer', type: 'User' },
      association: 'MEMBER'
    })
    await postPlanComment(request(onPullRequest(), '<p>second plan</p>'))

    const bodies = fakeGitHub()
      .comments()
      .map((comment) => comment.body)
    expect(bodies).toHaveLength(1)
    expect(bodies[0]).toContain('<p>second plan</p>')
  })

  it('finds its comment past the first page of a long conversation', async () => {
    for (let index = 0; index < 150; index++) {
      fakeGitHub().seedComment({ owner: 'acme', repo: 'models', issue: 42, body: `comment ${index}` })
    }
    fakeGitHub().seedComment({
      owner: 'acme',
      repo: 'models',
      issue: 42,
      body: `${planMarker('fraud', 'eu-west-1')}\nold`
    })

    await postPlanComment(request(onPullRequest()))

    expect(fakeGitHub().comments()).toHaveLength(151)
    expect(fakeGitHub().comments().at(-1)?.body).toContain(PLAN)
  })

  it('keeps a plan too long for a comment within GitHub’s limit', async () => {
    await postPlanComment(request(onPullRequest(), 'x'.repeat(70_000)))

    const [comment] = fakeGitHub().comments()
    expect(comment?.body.length).toBeLessThanOrEqual(65_536)
    expect(comment?.body).toContain('(cut short: see the run)')
  })

  it('drops the charts first, and never cuts inside a code fence or a tag', async () => {
    const chart = ['```mermaid', 'xychart-beta', `    bar [${'1, '.repeat(4000)}1]`, '```'].join('\n')
    const table = `<table>${'<tr><td>step</td></tr>'.repeat(2500)}</table>`
    await postPlanComment(request(onPullRequest(), `<h2>Plan</h2>\n${chart}\n${table}\n${chart}`))

    const body = fakeGitHub().comments()[0]?.body ?? ''
    expect(body.length).toBeLessThanOrEqual(65_536)
    expect(body).not.toContain('```mermaid')
    expect(body).toContain('<h2>Plan</h2>')
    // The charts alone were dropped: the table, which they repeat, is whole.
    expect(body).toContain('</table>')
    expect(body).toContain('(cut short: see the run)')

    await postPlanComment(request(onPullRequest(), `<p>${'<b>x</b>'.repeat(9000)}</p>\n${chart}`))
    const cut = fakeGitHub().comments()[0]?.body ?? ''
    const plan = cut.slice(0, cut.indexOf('(cut short: see the run)'))
    expect(plan.length).toBeGreaterThan(60_000)
    expect((plan.match(/```/g) ?? []).length % 2).toBe(0)
    expect(plan.lastIndexOf('<')).toBeLessThan(plan.lastIndexOf('>'))
    expect(cut).toMatch(/<sub>Dry run of endpoint fraud/)
  })
})

describe('what is only a warning, or nothing at all', () => {
  it('posts nothing for a run that is not for a pull request', async () => {
    const url = await postPlanComment(request(runnerEnv({ ref: 'refs/heads/main' }, 'refs/heads/main')))

    expect(url).toBeUndefined()
    expect(fakeGitHub().requests()).toEqual([])
    expect(warnings()).toEqual([])
    expect(core.log.join('\n')).toContain('not for a pull request')
  })

  it('warns, naming the permission, when the token may not comment', async () => {
    fakeGitHub().fail('POST /repos/acme/models/issues/42/comments', 403)

    const url = await postPlanComment(request(onPullRequest()))

    expect(url).toBeUndefined()
    expect(warnings()).toEqual([
      expect.stringContaining(
        "The plan's comment on pull request #42 was not posted: HTTP 403: Resource not accessible by integration. The workflow must grant the job's token `permissions: pull-requests: write`"
      )
    ])
  })

  it('warns when GitHub is down, and when no token was given', async () => {
    await fakeGitHub().down()
    await postPlanComment(request(onPullRequest()))
    await postPlanComment({ ...request(onPullRequest()), token: '  ' })

    expect(warnings()).toEqual([
      expect.stringMatching(/was not posted: GitHub could not be reached at http:\/\/127\.0\.0\.1:\d+/),
      expect.stringContaining('was not posted: no github-token was given')
    ])
  })
})
