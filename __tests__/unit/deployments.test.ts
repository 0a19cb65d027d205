// GitHub deployments against a fake GitHub REST API over HTTP, with the real Octokit.
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '../../__fixtures__/core.js'
import { FakeClock } from '../../__fixtures__/clock.js'
import { useFakeGitHub } from '../../__fixtures__/github.js'
import type { DeploymentState, RecordedRequest } from '../../test/github/fake-github.mjs'

jest.unstable_mockModule('@actions/core', () => core)
const { startDeployment } = await import('../../src/github/deployments.js')

const SHA = '3f786850e387550fdab836ed7e6dc881de23001b'
const TOKEN = 'ghs_fakeToken123'
const CONSOLE_URL = 'https://eu-west-1.console.aws.amazon.com/sagemaker/home?region=eu-west-1#/endpoints/fraud'
const LOG_URL = 'https://fakeGitHub().com/acme/models/actions/runs/8811/attempts/2'

const fakeGitHub = useFakeGitHub(TOKEN)

let clock: FakeClock
beforeEach(() => {
  core.resetCore()
  core.warning.mockClear()
  clock = new FakeClock()
})

function runnerEnv(): NodeJS.ProcessEnv {
  return {
    GITHUB_API_URL: fakeGitHub().url,
    GITHUB_SERVER_URL: 'https://fakeGitHub().com',
    GITHUB_REPOSITORY: 'acme/models',
    GITHUB_SHA: SHA,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_RUN_ID: '8811',
    GITHUB_RUN_ATTEMPT: '2'
  }
}

function request(
  overrides: Partial<Parameters<typeof startDeployment>[0]> = {}
): Parameters<typeof startDeployment>[0] {
  return {
    token: TOKEN,
    environment: 'production',
    endpointName: 'fraud',
    region: 'eu-west-1',
    env: runnerEnv(),
    clock,
    ...overrides
  }
}

function warnings(): string[] {
  return core.log.filter((line) => line.startsWith('::warning::'))
}

function calls(): string[] {
  return fakeGitHub()
    .requests()
    .map((entry) => `${entry.method} ${entry.path}`)
}

/** The last status a deployment was given. */
function latestStatus(id: number) {
  return fakeGitHub()
    .deployments()
    .find((entry) => entry.id === id)
    ?.statuses.at(-1)
}

/** A deployment an earlier run made of `endpointName` in eu-west-1 to production, with these states in order. */
function seedProduction(endpointName: string, states: DeploymentState[]): number {
  return fakeGitHub().seedDeployment({
    owner: 'acme',
    repo: 'models',
    environment: 'production',
    payload: { endpointName, region: 'eu-west-1' },
    states
  })
}

function expectSuperseded(id: number, by: number | undefined): void {
  expect(latestStatus(id)).toMatchObject({ state: 'inactive', description: `Superseded by deployment ${by}` })
}

function statusBodies(): Array<Record<string, unknown>> {
  return fakeGitHub()
    .requests()
    .filter((entry: RecordedRequest) => entry.method === 'POST' && entry.path.endsWith('/statuses'))
    .map((entry) => entry.body as Record<string, unknown>)
}

describe('a deploy with an environment', () => {
  it('creates the deployment at the workflow commit and marks it in progress, then successful', async () => {
    const handle = await startDeployment(request({ payload: { model: 'fraud-v7' } }))

    expect(handle).toBeDefined()
    const [create] = fakeGitHub().requests()
    expect(create).toMatchObject({ method: 'POST', path: '/repos/acme/models/deployments', status: 201 })
    expect(create?.body).toEqual({
      ref: SHA,
      environment: 'production',
      task: 'deploy',
      auto_merge: false,
      required_contexts: [],
      description: 'SageMaker endpoint fraud in eu-west-1',
      payload: { model: 'fraud-v7', endpointName: 'fraud', region: 'eu-west-1' }
    })

    await handle?.finish('success', 'Rolled out fraud-v7 at 100%')

    const [deployment] = fakeGitHub().deployments()
    expect(deployment).toMatchObject({ id: handle?.id, sha: SHA, ref: SHA, environment: 'production' })
    expect(deployment?.statuses.map((status) => status.state)).toEqual(['in_progress', 'success'])
    for (const status of deployment?.statuses ?? []) {
      expect(status).toMatchObject({ environment_url: CONSOLE_URL, log_url: LOG_URL, target_url: LOG_URL })
    }
    expect(statusBodies()).toEqual([
      expect.objectContaining({ state: 'in_progress', auto_inactive: false }),
      expect.objectContaining({ state: 'success', description: 'Rolled out fraud-v7 at 100%', auto_inactive: false })
    ])
    expect(warnings()).toEqual([])
  })

  it('sends the token in the Authorization header of every call', async () => {
    const handle = await startDeployment(request())
    await handle?.finish('success', 'done')

    const requests = fakeGitHub().requests()
    expect(requests.length).toBeGreaterThan(2)
    for (const entry of requests) expect(entry.authorization).toBe(`token ${TOKEN}`)
    expect(requests.every((entry) => (entry.status ?? 500) < 400)).toBe(true)
  })

  it('marks a failed or rolled-back deploy as failure, leaving the earlier successful deployment active', async () => {
    const earlier = fakeGitHub().seedDeployment({
      owner: 'acme',
      repo: 'models',
      environment: 'production',
      payload: { endpointName: 'fraud', region: 'eu-west-1' },
      states: ['in_progress', 'success']
    })

    const handle = await startDeployment(request())
    await handle?.finish('failure', 'Rolled back: 5XX error rate 4.1% above 1%')

    const deployments = fakeGitHub().deployments()
    expect(deployments.find((entry) => entry.id === handle?.id)?.statuses.map((status) => status.state)).toEqual([
      'in_progress',
      'failure'
    ])
    expect(deployments.find((entry) => entry.id === earlier)?.statuses.at(-1)?.state).toBe('success')
    expect(warnings()).toEqual([])
  })

  it('retires the deployment of a paused canary once a promote or rollback of the endpoint ends, however it ends', async () => {
    const seed = (states: DeploymentState[], endpointName = 'fraud') => seedProduction(endpointName, states)
    const serving = seed(['in_progress', 'success'])
    const paused = seed(['in_progress'])
    const otherPaused = seed(['in_progress'], 'churn')

    const handle = await startDeployment(request())
    await handle?.finish('failure', 'Rolled back: the pause at 25% failed its gates')

    expectSuperseded(paused, handle?.id)
    // What served before the canary serves again after a rollback; another endpoint's rollout is its own.
    expect(latestStatus(serving)?.state).toBe('success')
    expect(latestStatus(otherPaused)?.state).toBe('in_progress')
  })

  it('can end a deployment as inactive', async () => {
    const handle = await startDeployment(request())
    await handle?.finish('inactive', 'Cancelled: traffic moved back to the previous config')

    expect(
      fakeGitHub()
        .deployments()[0]
        ?.statuses.map((status) => status.state)
    ).toEqual(['in_progress', 'inactive'])
  })

  it('on success retires earlier deployments of the same endpoint only, in production too', async () => {
    const seed = (payload: object, environment = 'production') =>
      fakeGitHub().seedDeployment({ owner: 'acme', repo: 'models', environment, payload, states: ['success'] })
    const sameEndpoint = seed({ endpointName: 'fraud', region: 'eu-west-1' })
    const otherEndpoint = seed({ endpointName: 'churn', region: 'eu-west-1' })
    const otherRegion = seed({ endpointName: 'fraud', region: 'us-east-1' })
    const notOurs = seed({})
    const otherEnvironment = seed({ endpointName: 'fraud', region: 'eu-west-1' }, 'staging')

    const handle = await startDeployment(request())
    await handle?.finish('success', 'done')

    expectSuperseded(sameEndpoint, handle?.id)
    expect(latestStatus(otherEndpoint)?.state).toBe('success')
    expect(latestStatus(otherRegion)?.state).toBe('success')
    expect(latestStatus(notOurs)?.state).toBe('success')
    expect(latestStatus(otherEnvironment)?.state).toBe('success')
    expect(calls()).toContain('GET /repos/acme/models/deployments')
    expect(
      fakeGitHub()
        .requests()
        .find((entry) => entry.method === 'GET')?.query
    ).toMatchObject({
      environment: 'production'
    })
  })

  it('finds the endpoint\u2019s last deployment past the first page of a busy shared environment', async () => {
    const serving = seedProduction('fraud', ['in_progress', 'success'])
    for (let index = 0; index < 150; index++) seedProduction('churn', ['in_progress', 'success'])

    const handle = await startDeployment(request())
    await handle?.finish('success', 'done')

    expectSuperseded(serving, handle?.id)
    const listed = fakeGitHub()
      .requests()
      .filter((entry) => entry.method === 'GET' && entry.path === '/repos/acme/models/deployments')
    expect(listed.map((entry) => entry.query.page)).toEqual(['1', '2'])
  })

  it('keeps other endpoints of a non-production environment active, which GitHub would not by default', async () => {
    const otherEndpoint = fakeGitHub().seedDeployment({
      owner: 'acme',
      repo: 'models',
      environment: 'staging',
      payload: { endpointName: 'churn', region: 'eu-west-1' },
      states: ['success']
    })

    const handle = await startDeployment(request({ environment: 'staging' }))
    await handle?.finish('success', 'done')

    expect(
      fakeGitHub()
        .deployments()
        .find((entry) => entry.id === otherEndpoint)
        ?.statuses.at(-1)?.state
    ).toBe('success')
  })

  it('posts the final status once, whichever way out of the run calls finish', async () => {
    const handle = await startDeployment(request())
    await handle?.finish('failure', 'failed')
    await handle?.finish('success', 'late')

    expect(statusBodies().map((body) => body.state)).toEqual(['in_progress', 'failure'])
  })

  it('keeps descriptions within the 140 characters GitHub accepts', async () => {
    const long = 'x'.repeat(300)
    const handle = await startDeployment(request({ description: long }))
    await handle?.finish('success', long)

    expect(warnings()).toEqual([])
    for (const body of statusBodies()) expect(String(body.description)).toHaveLength(140)
    expect(String((fakeGitHub().requests()[0]?.body as { description: string }).description)).toHaveLength(140)
  })

  it('deploys another ref when asked', async () => {
    await startDeployment(request({ ref: 'refs/tags/v1.2.0' }))

    expect(fakeGitHub().requests()[0]?.body).toMatchObject({ ref: 'refs/tags/v1.2.0' })
  })

  it('leaves log_url out without a run id', async () => {
    const env = runnerEnv()
    delete env.GITHUB_RUN_ID
    const handle = await startDeployment(request({ env }))
    await handle?.finish('success', 'done')

    expect(statusBodies()[0]).not.toHaveProperty('log_url')
    expect(statusBodies()[0]).toMatchObject({ environment_url: CONSOLE_URL })
  })
})

describe('nothing to record', () => {
  it('calls nothing without an environment', async () => {
    expect(await startDeployment(request({ environment: undefined }))).toBeUndefined()
    expect(await startDeployment(request({ environment: '  ' }))).toBeUndefined()

    expect(fakeGitHub().requests()).toEqual([])
    expect(warnings()).toEqual([])
  })

  it('warns without a token, naming the permission, and calls nothing', async () => {
    expect(await startDeployment(request({ token: '' }))).toBeUndefined()

    expect(fakeGitHub().requests()).toEqual([])
    expect(warnings()).toEqual([expect.stringContaining('permissions: deployments: write')])
  })

  it('warns when the runner did not say which repository and commit', async () => {
    const env = runnerEnv()
    delete env.GITHUB_SHA
    expect(await startDeployment(request({ env }))).toBeUndefined()

    expect(fakeGitHub().requests()).toEqual([])
    expect(warnings()).toEqual([expect.stringContaining('GITHUB_SHA')])
  })
})

describe('a GitHub API that fails is a warning, never an error', () => {
  it('warns when GitHub is down', async () => {
    await fakeGitHub().down()

    const handle = await startDeployment(request())

    expect(handle).toBeUndefined()
    expect(warnings()).toEqual([
      expect.stringMatching(
        new RegExp(
          `GitHub deployment to environment "production" could not be created .*GitHub could not be reached at ${fakeGitHub().url}`
        )
      )
    ])
  })

  it('warns with the status and message on a 500', async () => {
    fakeGitHub().fail('POST /repos/acme/models/deployments', 500)

    expect(await startDeployment(request())).toBeUndefined()
    expect(warnings()).toEqual([expect.stringContaining('HTTP 500: Server Error')])
  })

  it('names the permission the token lacks on a 403', async () => {
    fakeGitHub().fail(/deployments/, 403)

    expect(await startDeployment(request())).toBeUndefined()
    expect(warnings()).toEqual([
      expect.stringMatching(
        /HTTP 403: Resource not accessible by integration.*permissions: deployments: write.*from a fork, or started by Dependabot, gets a read-only token/
      )
    ])
  })

  it('says so when the token is refused', async () => {
    expect(await startDeployment(request({ token: 'ghs_wrong' }))).toBeUndefined()
    expect(warnings()).toEqual([expect.stringMatching(/HTTP 401: Bad credentials.*The token was refused/)])
  })

  it('reports a 409 conflict on the ref', async () => {
    fakeGitHub().fail('POST /repos/acme/models/deployments', 409)

    expect(await startDeployment(request())).toBeUndefined()
    expect(warnings()).toEqual([expect.stringMatching(/HTTP 409: Conflict.*required status checks/)])
  })

  it('reports a 202 auto-merge answer, which creates no deployment', async () => {
    fakeGitHub().fail('POST /repos/acme/models/deployments', 202, {
      body: { message: 'Auto-merged main into topic-branch on deployment.' }
    })

    expect(await startDeployment(request())).toBeUndefined()
    expect(warnings()).toEqual([expect.stringContaining('HTTP 202: Auto-merged main into topic-branch on deployment.')])
  })

  it('keeps the deployment when a status cannot be posted, and warns for each', async () => {
    fakeGitHub().fail(/statuses$/, 503)

    const handle = await startDeployment(request())
    await handle?.finish('success', 'done')

    expect(handle).toBeDefined()
    expect(warnings()).toEqual([
      expect.stringContaining(`could not set deployment ${handle?.id} to in_progress: HTTP 503`),
      expect.stringContaining(`could not set deployment ${handle?.id} to success: HTTP 503`)
    ])
    // The final one tried three times, a second and then two seconds apart; in_progress, which it replaces, once.
    expect(clock.sleeps).toEqual([1000, 2000])
  })

  it('posts the final status through a passing 502, so the deployment does not stay in progress', async () => {
    const handle = await startDeployment(request())
    fakeGitHub().fail(/statuses$/, 502, { times: 1 })
    await handle?.finish('success', 'done')

    expect(warnings()).toEqual([])
    expect(latestStatus(handle?.id ?? 0)?.state).toBe('success')
    expect(clock.sleeps).toEqual([1000])
  })

  it('waits as a secondary rate limit says, and not for a spent primary limit', async () => {
    const handle = await startDeployment(request())
    fakeGitHub().fail(/statuses$/, 403, {
      times: 1,
      message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      headers: { 'retry-after': '7' }
    })
    await handle?.finish('success', 'done')
    expect(latestStatus(handle?.id ?? 0)?.state).toBe('success')
    expect(clock.sleeps).toEqual([7000])

    const next = await startDeployment(request())
    fakeGitHub().fail(/statuses$/, 403, {
      message: 'API rate limit exceeded for installation.',
      headers: { 'x-ratelimit-remaining': '0' }
    })
    await next?.finish('success', 'done')
    expect(clock.sleeps).toEqual([7000])
    expect(warnings()).toEqual([expect.stringContaining(`could not set deployment ${next?.id} to success: HTTP 403`)])

    // Nor for a secondary limit that asks for longer than a minute: the run's summary waits on it.
    fakeGitHub().clearFailures()
    const later = await startDeployment(request())
    fakeGitHub().fail(/statuses$/, 429, { headers: { 'retry-after': '120' } })
    await later?.finish('success', 'done')
    expect(clock.sleeps).toEqual([7000])
    expect(warnings()).toHaveLength(2)
  })

  it('does not throw when GitHub goes down between start and finish', async () => {
    const handle = await startDeployment(request())
    await fakeGitHub().down()

    await expect(handle?.finish('success', 'done')).resolves.toBeUndefined()
    expect(warnings()).toEqual([
      expect.stringContaining(`to success: GitHub could not be reached at ${fakeGitHub().url}`)
    ])
  })

  it('warns when retiring earlier deployments fails, after the success is recorded', async () => {
    fakeGitHub().fail('GET /repos/acme/models/deployments', 500)

    const handle = await startDeployment(request())
    await handle?.finish('success', 'done')

    expect(fakeGitHub().deployments()[0]?.statuses.at(-1)?.state).toBe('success')
    expect(warnings()).toEqual([expect.stringContaining('could not mark earlier deployments of the endpoint inactive')])
  })

  it('gives up on a GitHub that does not answer, after the time allowed', async () => {
    fakeGitHub().fail('POST /repos/acme/models/deployments', 'hang')

    const started = Date.now()
    expect(await startDeployment(request({ timeoutMs: 200 }))).toBeUndefined()

    expect(Date.now() - started).toBeLessThan(5000)
    expect(warnings()).toEqual([expect.stringContaining(`GitHub did not answer at ${fakeGitHub().url} within 0.2s.`)])
  })

  it('sends warnings where it is told to', async () => {
    const seen: string[] = []
    fakeGitHub().fail('POST /repos/acme/models/deployments', 500)

    await startDeployment(request({ warn: (message) => seen.push(message) }))

    expect(seen).toEqual([expect.stringContaining('HTTP 500')])
    expect(warnings()).toEqual([])
  })
})
