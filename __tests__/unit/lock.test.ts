import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '../../__fixtures__/core.js'
import { FakeClock } from '../../__fixtures__/clock.js'
import { changeCalls, FakeAws } from '../../__fixtures__/fake-aws.js'
import { useFakeGitHub } from '../../__fixtures__/github.js'
import { CANARY_DEPLOY, seedServingEndpoint } from '../../__fixtures__/rollout.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, awsCallNames, resetAws, runAction } = await import('../../__fixtures__/action.js')
const { lockLifetimeMs } = await import('../../src/lock-lifetime.js')
const { parseSettings } = await import('../../src/inputs.js')

const RUN = {
  AWS_REGION: 'us-east-1',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'acme/fraud-models',
  GITHUB_RUN_ID: '4242',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_JOB: 'deploy'
}
const OWN_URL = 'https://github.com/acme/fraud-models/actions/runs/4242/attempts/1'
const OTHER_URL = 'https://github.com/acme/fraud-models/actions/runs/777/attempts/1'
const HOUR = 60 * 60_000
const GITHUB_TOKEN = 'ghs_lockTest'

const traffic = { operation: 'update-traffic', 'endpoint-name': 'fraud', 'variant-weights': 'blue=50, green=50' }

let fake: FakeAws
let clock: FakeClock
beforeEach(() => {
  resetAws()
  fake = new FakeAws()
  fake.seedEndpoint('fraud', 'cfg-1', [
    { name: 'blue', weight: 90, count: 2 },
    { name: 'green', weight: 10, count: 1 }
  ])
  fake.install(aws)
  clock = new FakeClock()
  fake.clock = clock
})

/** A lock as another run's CreateContext left it. */
function heldByAnotherRun(overrides: Record<string, string> = {}): Record<string, string> {
  const lock = {
    owner: OTHER_URL,
    token: 'their-token',
    operation: 'deploy',
    endpoint: 'fraud',
    acquiredAt: new Date(clock.now() - HOUR).toISOString(),
    expiresAt: new Date(clock.now() + 5 * HOUR).toISOString(),
    repository: 'acme/fraud-models',
    runId: '777',
    runAttempt: '1',
    job: 'deploy',
    ...overrides
  }
  fake.contexts.seedLock('fraud', lock)
  return lock
}

describe('the endpoint lock', () => {
  it('is taken before the first change, names this run, and is released when the operation ends', async () => {
    const result = await runAction(traffic, { clock, env: RUN })

    expect(result.failed).toBeUndefined()
    expect(fake.weights('fraud')).toEqual({ blue: 50, green: 50 })
    const names = awsCallNames({ lock: true })
    expect(names[0]).toBe('sagemaker.CreateContext')
    expect(names.indexOf('sagemaker.CreateContext')).toBeLessThan(
      names.indexOf('sagemaker.UpdateEndpointWeightsAndCapacities')
    )
    expect(names.slice(-2)).toEqual(['sagemaker.DescribeContext', 'sagemaker.DeleteContext'])
    expect(fake.contexts.contexts.size).toBe(0)
    expect(core.savedPart('lock')).toBe('')

    const create = aws.sagemaker.calls().find((call) => call.args[0].constructor.name === 'CreateContextCommand')
    const input = create?.args[0].input as { ContextName: string; Properties: Record<string, string> }
    expect(input.ContextName).toBe('sagemaker-deploy-lock-fraud')
    expect(input.Properties).toMatchObject({
      owner: OWN_URL,
      operation: 'update-traffic',
      endpoint: 'fraud',
      repository: 'acme/fraud-models',
      runId: '4242',
      runAttempt: '1',
      job: 'deploy',
      acquiredAt: '2026-01-15T12:00:00.000Z',
      // Six hours (a job's longest) and the post step's two transitions of the default 30m timeout.
      expiresAt: '2026-01-15T19:00:00.000Z'
    })
    expect(input.Properties.token).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('stops a run that finds another run holding it before any change, naming that run and the expiry', async () => {
    const theirs = heldByAnotherRun()

    const result = await runAction(traffic, { clock, env: RUN })

    expect(result.failed).toBe(
      `Endpoint "fraud" is locked by another run: ${OTHER_URL}, running deploy since 2026-01-15T11:00:00.000Z. One run at a time may change an endpoint, so this run changed nothing. Its lock expires at 2026-01-15T17:00:00.000Z; if that run is no longer running, remove the lock with: aws sagemaker delete-context --context-name sagemaker-deploy-lock-fraud --region us-east-1. A run of this repository takes it over once GitHub says that run has ended, if the job may read its Actions (permissions: actions: read).`
    )
    expect(changeCalls(aws)).toEqual([])
    expect(awsCallNames({ lock: true })).toEqual(['sagemaker.CreateContext', 'sagemaker.DescribeContext'])
    expect(fake.contexts.lock('fraud')).toEqual(theirs)
    expect(fake.weights('fraud')).toEqual({ blue: 90, green: 10 })
    // Nothing for this run's post step: the lock was never its own.
    expect(core.savedPart('lock')).toBe('')
  })

  it('is not taken over from another job of the same run attempt, which may be running beside this one', async () => {
    heldByAnotherRun({ owner: OWN_URL, runId: '4242' })

    const result = await runAction(traffic, { clock, env: RUN })

    expect(result.failed).toMatch(/^Endpoint "fraud" is locked by another job or step of this same run \(https:/)
    expect(changeCalls(aws)).toEqual([])
  })

  it('is taken over from an earlier attempt of the same run, which has ended', async () => {
    heldByAnotherRun({ owner: OWN_URL, runId: '4242', runAttempt: '1' })

    const result = await runAction(traffic, { clock, env: { ...RUN, GITHUB_RUN_ATTEMPT: '2' } })

    expect(result.failed).toBeUndefined()
    expect(result.log).toContain(
      `::warning::Taking over the lock on endpoint "fraud" from ${OWN_URL}: attempt 1 of this run holds it, and has ended.`
    )
    expect(fake.weights('fraud')).toEqual({ blue: 50, green: 50 })
    expect(fake.contexts.contexts.size).toBe(0)
  })

  describe('held by a run of this repository', () => {
    const github = useFakeGitHub(GITHUB_TOKEN)
    const withGitHub = () => ({ ...RUN, GITHUB_API_URL: github().url })
    const asking = { ...traffic, 'github-token': GITHUB_TOKEN }

    it('is taken over once GitHub says that run has ended: its post step was killed, or its runner lost', async () => {
      heldByAnotherRun()
      github().seedRun({ owner: 'acme', repo: 'fraud-models', id: 777, status: 'completed', conclusion: 'cancelled' })

      const result = await runAction(asking, { clock, env: withGitHub() })

      expect(result.failed).toBeUndefined()
      expect(result.log).toContain(
        `::warning::Taking over the lock on endpoint "fraud" from ${OTHER_URL}: the run that holds it has ended (cancelled).`
      )
      expect(fake.weights('fraud')).toEqual({ blue: 50, green: 50 })
      expect(
        github()
          .requests()
          .map((request) => `${request.method} ${request.path}`)
      ).toEqual(['GET /repos/acme/fraud-models/actions/runs/777'])
    })

    it('stands while that run is still going, or when GitHub cannot say', async () => {
      heldByAnotherRun()
      github().seedRun({ owner: 'acme', repo: 'fraud-models', id: 777, status: 'in_progress' })

      const running = await runAction(asking, { clock, env: withGitHub() })

      expect(running.failed).toMatch(/^Endpoint "fraud" is locked by another run: /)
      expect(fake.weights('fraud')).toEqual({ blue: 90, green: 10 })

      github().fail('/actions/runs/', 403)
      const forbidden = await runAction(asking, { clock, env: withGitHub() })

      expect(forbidden.failed).toMatch(/^Endpoint "fraud" is locked by another run: /)
      expect(forbidden.log.some((line) => line.includes('permissions: actions: read'))).toBe(true)
      expect(fake.weights('fraud')).toEqual({ blue: 90, green: 10 })
    })

    it('of another repository is never asked about', async () => {
      heldByAnotherRun({ repository: 'acme/other-models' })

      const result = await runAction(asking, { clock, env: withGitHub() })

      expect(result.failed).toMatch(/^Endpoint "fraud" is locked by another run: /)
      expect(github().requests()).toEqual([])
    })
  })

  it('is taken over once it has expired, behind a claim that is gone afterwards', async () => {
    heldByAnotherRun({ expiresAt: new Date(clock.now() - 1000).toISOString() })

    const result = await runAction(traffic, { clock, env: RUN })

    expect(result.failed).toBeUndefined()
    expect(result.log.join('\n')).toContain(`from ${OTHER_URL}: it expired at 2026-01-15T11:59:59.000Z`)
    const contextCalls = awsCalls().filter((call) => /Context$/.test(call.name))
    expect(contextCalls.map((call) => `${call.name} ${call.input.ContextName as string}`)).toEqual([
      'sagemaker.CreateContext sagemaker-deploy-lock-fraud',
      'sagemaker.DescribeContext sagemaker-deploy-lock-fraud',
      'sagemaker.CreateContext sagemaker-deploy-lock-fraud-takeover',
      'sagemaker.DescribeContext sagemaker-deploy-lock-fraud',
      'sagemaker.DeleteContext sagemaker-deploy-lock-fraud',
      'sagemaker.DeleteContext sagemaker-deploy-lock-fraud-takeover',
      'sagemaker.CreateContext sagemaker-deploy-lock-fraud',
      'sagemaker.DescribeContext sagemaker-deploy-lock-fraud',
      'sagemaker.DeleteContext sagemaker-deploy-lock-fraud'
    ])
    expect(fake.contexts.contexts.size).toBe(0)
  })

  it('is not taken over while another run is taking it over', async () => {
    heldByAnotherRun({ expiresAt: new Date(clock.now() - 1000).toISOString() })
    fake.contexts.contexts.set('sagemaker-deploy-lock-fraud-takeover', {
      type: 'sagemaker-deploy-lock',
      createdAt: new Date(clock.now()),
      properties: {
        owner: 'https://github.com/acme/other/actions/runs/9',
        token: 'x',
        acquiredAt: new Date(clock.now() - 5000).toISOString()
      }
    })

    const result = await runAction(traffic, { clock, env: RUN })

    expect(result.failed).toContain('https://github.com/acme/other/actions/runs/9 is taking it over')
    expect(changeCalls(aws)).toEqual([])
    expect(fake.contexts.lock('fraud')?.owner).toBe(OTHER_URL)
  })

  it('clears a takeover claim left by a run that died taking over, then takes over', async () => {
    heldByAnotherRun({ expiresAt: new Date(clock.now() - 1000).toISOString() })
    fake.contexts.contexts.set('sagemaker-deploy-lock-fraud-takeover', {
      type: 'sagemaker-deploy-lock',
      createdAt: new Date(0),
      properties: {
        owner: 'https://github.com/acme/other/actions/runs/9',
        token: 'x',
        acquiredAt: '2026-01-15T11:00:00Z'
      }
    })

    const result = await runAction(traffic, { clock, env: RUN })

    expect(result.failed).toBeUndefined()
    expect(fake.weights('fraud')).toEqual({ blue: 50, green: 50 })
    expect(fake.contexts.contexts.size).toBe(0)
  })

  it('holds for this run when the answer to its own CreateContext was lost and the retry was refused', async () => {
    fake.loseAnswers('CreateContext', 1, 'retry')

    const result = await runAction(traffic, { clock, env: RUN })

    expect(result.failed).toBeUndefined()
    expect(fake.weights('fraud')).toEqual({ blue: 50, green: 50 })
    expect(fake.contexts.contexts.size).toBe(0)
  })

  it('holds for this run when its CreateContext failed after SageMaker carried it out', async () => {
    fake.loseAnswers('CreateContext', 1, 'error')

    const result = await runAction(traffic, { clock, env: RUN })

    expect(result.failed).toBeUndefined()
    expect(fake.weights('fraud')).toEqual({ blue: 50, green: 50 })
  })

  it('is released when the operation fails', async () => {
    const result = await runAction({ ...traffic, 'variant-weights': 'blue=50, red=50' }, { clock, env: RUN })

    expect(result.failed).toContain('names "red"')
    expect(fake.contexts.contexts.size).toBe(0)
  })

  it('is released when its DeleteContext answer was lost', async () => {
    fake.loseAnswers('DeleteContext', 1, 'retry')

    const result = await runAction(traffic, { clock, env: RUN })

    expect(result.failed).toBeUndefined()
    expect(result.log.join('\n')).not.toContain('Could not release')
    expect(fake.contexts.contexts.size).toBe(0)
  })

  it.each([
    [
      'configure-autoscaling',
      {
        'variant-name': 'blue',
        'min-capacity': '1',
        'max-capacity': '4',
        'scaling-metric': 'InvocationsPerInstance',
        'target-value': '70'
      }
    ],
    ['delete-autoscaling', { 'variant-name': 'blue' }]
  ])(
    'stops %s too: a rollout suspends scale-in and moves scaling at promotion, which a change in between would undo',
    async (operation, inputs) => {
      heldByAnotherRun()

      const result = await runAction({ operation, 'endpoint-name': 'fraud', ...inputs }, { clock, env: RUN })

      expect(result.failed).toMatch(/^Endpoint "fraud" is locked by another run: .*this run changed nothing\./)
      expect(changeCalls(aws)).toEqual([])
    }
  )

  it('is not taken by a dry run, nor by operations that only read', async () => {
    heldByAnotherRun()

    const dryRun = await runAction({ ...traffic, 'dry-run': 'true' }, { clock, env: RUN })
    const monitor = await runAction({ operation: 'monitor', 'endpoint-name': 'fraud' }, { clock, env: RUN })

    expect(dryRun.failed).toBeUndefined()
    expect(monitor.failed).toBeUndefined()
    expect(awsCallNames({ lock: true }).filter((name) => name.endsWith('Context'))).toEqual([])
  })

  it('is taken by a rollout and released by it', async () => {
    resetAws()
    fake = new FakeAws()
    seedServingEndpoint(fake)
    fake.install(aws)
    fake.clock = clock

    const result = await runAction({ ...CANARY_DEPLOY, 'bake-time': '1m', 'gate-interval': '30s' }, { clock, env: RUN })

    expect(result.failed).toBeUndefined()
    const names = awsCallNames({ lock: true })
    expect(names.indexOf('sagemaker.CreateContext')).toBeLessThan(names.indexOf('sagemaker.CreateModel'))
    expect(names.at(-1)).toBe('sagemaker.DeleteContext')
    expect(fake.contexts.contexts.size).toBe(0)
  })
})

describe('a scale-in the lock holder held', () => {
  const SUSPENDED_IN = {
    DynamicScalingInSuspended: true,
    DynamicScalingOutSuspended: false,
    ScheduledScalingSuspended: false
  }
  const NOTHING_SUSPENDED = { ...SUSPENDED_IN, DynamicScalingInSuspended: false }

  function scaledServingEndpoint(suspended = NOTHING_SUSPENDED): void {
    resetAws()
    fake = new FakeAws()
    seedServingEndpoint(fake, 2)
    fake.seedScaling('fraud', 'AllTraffic', { min: 2, max: 6 })
    const target = fake.scalableTargets.get('endpoint/fraud/variant/AllTraffic')
    if (target) target.suspended = suspended
    fake.install(aws)
    fake.clock = clock
  }

  /** A lock that expired, left by a run that died holding AllTraffic's scale-in. */
  const heldByDeadRun = (): void => {
    heldByAnotherRun({
      expiresAt: new Date(clock.now() - 1000).toISOString(),
      scaleInHeld: JSON.stringify({ AllTraffic: NOTHING_SUSPENDED })
    })
  }

  const capacityTo = (count: number) =>
    runAction(
      { operation: 'update-capacity', 'endpoint-name': 'fraud', 'instance-count': String(count) },
      { clock, env: RUN }
    )

  const updateContexts = () =>
    awsCalls()
      .filter((call) => call.name === 'sagemaker.UpdateContext')
      .map((call) => call.input)

  it('is noted on the lock before the rollout suspends it, the lock record kept whole', async () => {
    scaledServingEndpoint()

    const result = await runAction({ ...CANARY_DEPLOY, 'bake-time': '1m', 'gate-interval': '30s' }, { clock, env: RUN })

    expect(result.failed).toBeUndefined()
    const [noted] = updateContexts()
    expect(noted).toMatchObject({
      ContextName: 'sagemaker-deploy-lock-fraud',
      Properties: expect.objectContaining({
        owner: OWN_URL,
        operation: 'deploy',
        scaleInHeld: JSON.stringify({ AllTraffic: NOTHING_SUSPENDED })
      })
    })
    const names = awsCallNames({ lock: true })
    expect(names.indexOf('sagemaker.UpdateContext')).toBeLessThan(names.indexOf('autoscaling.RegisterScalableTarget'))
    expect(fake.scalableTargets.get('endpoint/fraud/variant/AllTraffic')?.suspended).toEqual(NOTHING_SUSPENDED)
  })

  it('is given back by a run that takes the lock over from a run that died holding it', async () => {
    scaledServingEndpoint(SUSPENDED_IN)
    heldByDeadRun()

    const result = await capacityTo(3)

    expect(result.failed).toBeUndefined()
    expect(result.log).toContain(
      `::warning::The run that held it, ${OTHER_URL}, held the scale-in of variant "AllTraffic" and ended without giving it back; this run gives it back when it ends, unless a rollout still stands then.`
    )
    expect(fake.scalableTargets.get('endpoint/fraud/variant/AllTraffic')?.suspended).toEqual(NOTHING_SUSPENDED)
    expect(result.summary).toContain('Gave back the scale-in of variant &quot;AllTraffic&quot;')
  })

  it('is held on by a rollout that takes the lock over, and given back at its end, with no warning of a stranger\u2019s hold', async () => {
    scaledServingEndpoint(SUSPENDED_IN)
    heldByDeadRun()

    const result = await runAction({ ...CANARY_DEPLOY, 'bake-time': '1m', 'gate-interval': '30s' }, { clock, env: RUN })

    expect(result.failed).toBeUndefined()
    expect(result.log.join('\n')).not.toContain('was suspended already')
    expect(result.log.join('\n')).toContain('held on from the run whose lock this one took over')
    expect(updateContexts()[0]?.Properties).toMatchObject({
      scaleInHeld: JSON.stringify({ AllTraffic: NOTHING_SUSPENDED })
    })
    expect(fake.scalableTargets.get('endpoint/fraud/variant/AllTraffic')?.suspended).toEqual(NOTHING_SUSPENDED)
  })

  it('stays suspended while the dead run\u2019s canary still stands, which a rollback returns to', async () => {
    scaledServingEndpoint(SUSPENDED_IN)
    fake.seedEndpoint('fraud', 'fraud-canary', [{ name: 'AllTraffic', weight: 1, count: 2, model: 'fraud-v1' }], {
      'sagemaker-deploy:endpoint': 'fraud',
      'sagemaker-deploy:role': 'canary'
    })
    heldByDeadRun()

    const result = await capacityTo(3)

    expect(result.failed).toBeUndefined()
    expect(result.log.join('\n')).toContain(
      'is left suspended: the endpoint is still on canary config "fraud-canary". Once the endpoint is back on a release'
    )
    expect(fake.scalableTargets.get('endpoint/fraud/variant/AllTraffic')?.suspended).toEqual(SUSPENDED_IN)
  })

  it('stays suspended, with a warning, when the run that took the lock over fails', async () => {
    scaledServingEndpoint(SUSPENDED_IN)
    heldByDeadRun()

    const result = await capacityTo(9)

    expect(result.failed).toContain('outside the autoscaling range')
    expect(result.log.join('\n')).toContain('is left suspended: this run failed')
    expect(fake.scalableTargets.get('endpoint/fraud/variant/AllTraffic')?.suspended).toEqual(SUSPENDED_IN)
  })
})

describe('the post step', () => {
  it('releases the lock the main step left it, after its own work', async () => {
    fake.contexts.seedLock('fraud', { owner: OWN_URL, token: 'main-step-token', expiresAt: '2026-01-15T19:00:00Z' })
    core.resetCore({ operation: 'update-traffic', 'endpoint-name': 'fraud' })
    core.state.isPost = 'true'
    core.leaveForPost('lock', {
      endpointName: 'fraud',
      region: 'us-east-1',
      name: 'sagemaker-deploy-lock-fraud',
      token: 'main-step-token'
    })
    const { run } = await import('../../src/main.js')

    await run({ env: RUN, clock })

    expect(core.setFailed).not.toHaveBeenCalled()
    expect(fake.contexts.contexts.size).toBe(0)
    expect(core.savedPart('lock')).toBe('')
    expect(core.log).toContain('Released the lock on endpoint "fraud".')
  })

  it('leaves alone a lock another run has taken meanwhile', async () => {
    const theirs = heldByAnotherRun()
    core.resetCore({ operation: 'update-traffic', 'endpoint-name': 'fraud' })
    core.state.isPost = 'true'
    core.leaveForPost('lock', {
      endpointName: 'fraud',
      region: 'us-east-1',
      name: 'sagemaker-deploy-lock-fraud',
      token: 'main-step-token'
    })
    const { run } = await import('../../src/main.js')

    await run({ env: RUN, clock })

    expect(fake.contexts.lock('fraud')).toEqual(theirs)
    expect(core.log.join('\n')).toContain(`is now held by ${OTHER_URL}, so it was left alone`)
  })
})

describe('how long a lock stands', () => {
  const settings = (inputs: Record<string, string>) =>
    parseSettings((name) => ({ 'endpoint-name': 'fraud', ...inputs })[name] ?? '', { AWS_REGION: 'us-east-1' })

  it('outlasts the longest job GitHub runs, and the post step after it', () => {
    expect(lockLifetimeMs(settings({ operation: 'update-capacity', 'instance-count': '2', timeout: '30m' }))).toBe(
      7 * HOUR
    )
  })

  it('outlasts a rollout planned to take longer than that, on a runner whose job may', () => {
    const long = settings({
      ...CANARY_DEPLOY,
      'endpoint-name': 'fraud',
      'traffic-steps': '10,20,30,40,50,60,70,80,90,100',
      'bake-time': '1h',
      timeout: '30m'
    })
    // Ten steps of bake, data delay and a transition, five more transitions, then the post step's two.
    const dataDelay = long.operation === 'deploy' ? long.deploy.rollout.maxDataDelayMs : 0
    expect(lockLifetimeMs(long)).toBe(10 * (HOUR + dataDelay + HOUR / 2) + 5 * (HOUR / 2) + HOUR)
  })

  it('counts a shadow phase as one more bake and one more fleet change', () => {
    const inputs = {
      ...CANARY_DEPLOY,
      'endpoint-name': 'fraud',
      'traffic-steps': '10,20,30,40,50,60,70,80,90,100',
      'bake-time': '1h',
      'max-error-rate': '1%',
      'max-data-delay': '5m',
      timeout: '30m'
    }
    const plain = lockLifetimeMs(settings(inputs))
    const dataDelay = 5 * 60_000
    expect(lockLifetimeMs(settings({ ...inputs, 'shadow-percent': '20' }))).toBe(
      plain + HOUR + dataDelay + HOUR / 2 + HOUR / 2
    )
  })
})

function awsCalls(): Array<{ name: string; input: Record<string, unknown> }> {
  return aws.sagemaker.calls().map((call) => ({
    name: `sagemaker.${call.args[0].constructor.name.replace(/Command$/, '')}`,
    input: call.args[0].input as Record<string, unknown>
  }))
}
