/**
 * Overlapping runs, lost answers and a cancel, against the emulator: two runs
 * started at the same instant on one endpoint, of which exactly one goes
 * ahead; a canary whose every create, update and delete has its answer lost
 * on the way back (the SDK retries, SageMaker refuses the retry); and a
 * cancelled canary, after whose post step nothing the run created is left.
 * The rollouts are judged by probes, so they need no CloudWatch minutes.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { DescribeScalableTargetsCommand, RegisterScalableTargetCommand } from '@aws-sdk/client-application-auto-scaling'
import {
  CreateContextCommand,
  DescribeContextCommand,
  DescribeEndpointCommand,
  ListTagsCommand,
  DescribeModelCommand
} from '@aws-sdk/client-sagemaker'
import { startFakeGitHub } from '../../test/github/fake-github.mjs'
import { startProxy, type Proxy, type TimelineEntry } from '../../test/proxy/proxy.mjs'
import { runAction, seedModelAndEndpoint, type ActionRun, savedForPost } from './harness.js'
import { configModels, image, inventory, transcript, useScenario } from './scenario.js'

// Long enough that the SDK's retry of an update always finds it still under way.
const scenario = useScenario({ transitionSeconds: 1.5 })

let proxy: Proxy | undefined
afterEach(async () => {
  await proxy?.close()
  proxy = undefined
})

const ENDPOINT = 'ledger'
const GITHUB_TOKEN = 'ghs_overlapTest'
const runUrl = (runId: string): string => `https://github.com/example/repo/actions/runs/${runId}/attempts/1`

function canary(model: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    operation: 'deploy',
    'endpoint-name': ENDPOINT,
    'image-uri': image(model),
    'execution-role-arn': 'arn:aws:iam::123456789012:role/sagemaker-execution',
    'model-name': model,
    strategy: 'canary',
    'traffic-steps': '50,100',
    'bake-time': '2s',
    'gate-interval': '1s',
    'min-invocations': '0',
    'probe-payload': '{"amount": 1}',
    'probe-count': '1',
    ...extra
  }
}

/** A run of this repository's workflow with its own run ID. */
const asRun = (runId: string) => ({ env: { GITHUB_RUN_ID: runId } })

describe('the endpoint lock in the emulator', () => {
  it('lets exactly one of many simultaneous CreateContext calls through', async () => {
    const attempts = await Promise.allSettled(
      Array.from({ length: 8 }, (_, index) =>
        scenario.aws.sagemaker.send(
          new CreateContextCommand({
            ContextName: 'sagemaker-deploy-lock-race',
            ContextType: 'sagemaker-deploy-lock',
            Source: { SourceUri: `run-${index}` },
            Properties: { token: String(index) }
          })
        )
      )
    )
    const won = attempts.filter((attempt) => attempt.status === 'fulfilled')
    expect(won).toHaveLength(1)
    for (const attempt of attempts) {
      if (attempt.status === 'rejected') expect((attempt.reason as Error).name).toBe('ValidationException')
    }
    const held = await scenario.aws.sagemaker.send(
      new DescribeContextCommand({ ContextName: 'sagemaker-deploy-lock-race' })
    )
    expect(held.Properties?.token).toBe(String(attempts.findIndex((attempt) => attempt.status === 'fulfilled')))
  })
})

describe('two runs started at the same instant on one endpoint', () => {
  it('lets exactly one go ahead; the other fails before any change, naming the run that holds the endpoint', async () => {
    const seeded = await seedModelAndEndpoint(scenario.aws.sagemaker, { endpointName: ENDPOINT })
    const before = await inventory(scenario.aws)

    const runs = await Promise.all([
      runAction({ inputs: canary('ledger-a'), emulator: scenario.emulator, timeoutMs: 90_000, ...asRun('2001') }),
      runAction({ inputs: canary('ledger-b'), emulator: scenario.emulator, timeoutMs: 90_000, ...asRun('2002') })
    ])

    const winners = runs.filter((run) => run.exitCode === 0)
    const losers = runs.filter((run) => run.exitCode !== 0)
    if (winners.length !== 1) throw new Error(runs.map(transcript).join('\n\n'))
    const [winner, loser] = [winners[0] as ActionRun, losers[0] as ActionRun]
    const winnerId = winner === runs[0] ? '2001' : '2002'
    const [winnerModel, loserModel] = winnerId === '2001' ? ['ledger-a', 'ledger-b'] : ['ledger-b', 'ledger-a']

    expect(loser.exitCode).toBe(1)
    expect(loser.stdout).toContain(`Endpoint "${ENDPOINT}" is locked by another run: ${runUrl(winnerId)}`)
    expect(loser.stdout).toMatch(/this run changed nothing\. Its lock expires at \d{4}-\d\d-\d\dT/)
    const loserResult = JSON.parse(loser.outputs.result ?? '{}') as { changes?: unknown[] }
    expect(loserResult.changes).toEqual([])
    expect(savedForPost(loser.state, 'lock')).toBe('')

    expect(winner.outputs['rollout-result']).toBe('succeeded')
    const after = await inventory(scenario.aws)
    expect(after.models).toEqual([...before.models, winnerModel].sort())
    expect(after.models).not.toContain(loserModel)
    expect(after.configs).toEqual([seeded.configName, winner.outputs['endpoint-config-name']].sort())
    const endpoint = await scenario.aws.sagemaker.send(new DescribeEndpointCommand({ EndpointName: ENDPOINT }))
    expect(await configModels(scenario.aws, endpoint.EndpointConfigName ?? '')).toEqual({ AllTraffic: winnerModel })
    // Released once the winner ended.
    await expect(
      scenario.aws.sagemaker.send(new DescribeContextCommand({ ContextName: `sagemaker-deploy-lock-${ENDPOINT}` }))
    ).rejects.toMatchObject({ name: 'ResourceNotFound' })
  }, 120_000)
})

const CREATES_AND_UPDATES = [
  'sagemaker.CreateContext',
  'sagemaker.CreateModel',
  'sagemaker.CreateEndpointConfig',
  'sagemaker.UpdateEndpoint',
  'sagemaker.UpdateEndpointWeightsAndCapacities',
  'sagemaker.DeleteEndpointConfig',
  'sagemaker.DeleteContext'
]

/** The SDK never retries these itself (src/aws/clients.ts): the action looks before it sends one again. */
const UPDATES = ['sagemaker.UpdateEndpoint', 'sagemaker.UpdateEndpointWeightsAndCapacities']

/**
 * Loses the answer to the first attempt of every create, update and delete.
 * A create's or delete's retry by the SDK gets through and meets what the
 * first attempt did: its lost first attempt disarms the API, and the retry
 * arms it for the next call. Every update loses its answer.
 */
function loseEveryFirstAnswer(p: Proxy, lostResponse: 'error' | 'reset'): void {
  const armed = new Set(CREATES_AND_UPDATES)
  const plan = () => ({
    apis: Object.fromEntries(
      [...armed].map((api) => [api, { kinds: ['lost-response' as const], firstCalls: 1, lostResponse }])
    )
  })
  p.setFaults(plan())
  p.onRequest((entry: TimelineEntry) => {
    if (!CREATES_AND_UPDATES.includes(entry.key)) return
    if (UPDATES.includes(entry.key)) armed.add(entry.key)
    else if (entry.fault) armed.delete(entry.key)
    else armed.add(entry.key)
    // A fresh plan counts calls afresh: the next call of an armed API loses its answer.
    p.setFaults(plan())
  })
}

describe.each(['error', 'reset'] as const)('a canary whose every create and update loses its answer (%s)', (mode) => {
  it('succeeds with one model, exactly two accepted UpdateEndpoint calls and nothing left over', async () => {
    const seeded = await seedModelAndEndpoint(scenario.aws.sagemaker, { endpointName: ENDPOINT })
    const before = await inventory(scenario.aws)
    proxy = await startProxy({ target: scenario.emulator.url, seed: 1 })
    loseEveryFirstAnswer(proxy, mode)

    const run = await runAction({ inputs: canary('ledger-v2'), emulator: proxy.url, timeoutMs: 120_000 })

    if (run.exitCode !== 0) throw new Error(transcript(run))
    expect(run.outputs['rollout-result']).toBe('succeeded')
    const lost = proxy.timeline().filter((entry) => entry.fault === 'lost-response')
    // Every kind of call lost an answer, and every UpdateEndpoint and weight change did.
    expect(new Set(lost.map((entry) => entry.key))).toEqual(new Set(CREATES_AND_UPDATES))
    expect(lost.filter((entry) => entry.key === 'sagemaker.UpdateEndpoint')).toHaveLength(2)
    expect(lost.filter((entry) => entry.key === 'sagemaker.UpdateEndpointWeightsAndCapacities')).toHaveLength(2)
    // Each update provisioned one fleet: the canary config, then the release config.
    expect(proxy.acceptedCalls('UpdateEndpoint')).toBe(2)
    expect(proxy.acceptedCalls('UpdateEndpointWeightsAndCapacities')).toBe(2)
    expect(proxy.acceptedCalls('CreateModel')).toBe(1)
    expect(run.stdout).toContain('was created by this run, though CreateModel')
    expect(run.stdout).toMatch(/The update to "[^"]+-canary" was accepted though its answer was lost/)

    const after = await inventory(scenario.aws)
    expect(after.models).toEqual([...before.models, 'ledger-v2'].sort())
    expect(after.configs).toEqual([seeded.configName, run.outputs['endpoint-config-name']].sort())
    const endpoint = await scenario.aws.sagemaker.send(new DescribeEndpointCommand({ EndpointName: ENDPOINT }))
    expect(endpoint.EndpointConfigName).toBe(run.outputs['endpoint-config-name'])
    expect(await configModels(scenario.aws, endpoint.EndpointConfigName ?? '')).toEqual({ AllTraffic: 'ledger-v2' })
    // The model is tagged with the run that created it, which is how its retry knew it.
    const model = await scenario.aws.sagemaker.send(new DescribeModelCommand({ ModelName: 'ledger-v2' }))
    const tags = await scenario.aws.sagemaker.send(new ListTagsCommand({ ResourceArn: model.ModelArn }))
    expect(tags.Tags).toContainEqual({ Key: 'sagemaker-deploy:run-url', Value: runUrl('1001') })
    await expect(
      scenario.aws.sagemaker.send(new DescribeContextCommand({ ContextName: `sagemaker-deploy-lock-${ENDPOINT}` }))
    ).rejects.toMatchObject({ name: 'ResourceNotFound' })
  }, 150_000)
})

describe('a cancelled canary', () => {
  it('leaves no model or config behind once its post step has run, and says it was cancelled', async () => {
    const seeded = await seedModelAndEndpoint(scenario.aws.sagemaker, { endpointName: ENDPOINT })
    const before = await inventory(scenario.aws)

    const main = await runAction({
      inputs: canary('ledger-v2', { 'bake-time': '5m' }),
      emulator: scenario.emulator,
      signal: { name: 'SIGINT', whenOutput: /Evaluation 2\/\d+ at 50%/ },
      timeoutMs: 60_000
    })

    expect(main.exitCode).toBe(1)
    expect(main.summary).toMatch(/<h2>⏹️ deploy cancelled: ledger<\/h2>/)
    expect(main.summary).toContain('⏹️ cancelled')
    expect(main.summary).not.toContain('in progress')
    expect(main.stdout).toContain('All traffic was moved off ledger-v2 at once.')
    expect(JSON.parse(savedForPost(main.state, 'created') || '{}')).toMatchObject({ models: ['ledger-v2'] })
    expect(savedForPost(main.state, 'lock')).toContain(`sagemaker-deploy-lock-${ENDPOINT}`)

    const post = await runAction({
      inputs: canary('ledger-v2'),
      emulator: scenario.emulator,
      post: true,
      state: main.state,
      timeoutMs: 60_000
    })

    expect(post.exitCode).toBe(0)
    expect(post.summary).toContain(`back on &quot;${seeded.configName}&quot;`)
    expect(post.summary).toContain(
      'Deleted what the cancelled run created and nothing runs on: model &quot;ledger-v2&quot;'
    )
    expect(await inventory(scenario.aws)).toEqual(before)
    const endpoint = await scenario.aws.sagemaker.send(new DescribeEndpointCommand({ EndpointName: ENDPOINT }))
    expect(endpoint.EndpointConfigName).toBe(seeded.configName)
    await expect(
      scenario.aws.sagemaker.send(new DescribeContextCommand({ ContextName: `sagemaker-deploy-lock-${ENDPOINT}` }))
    ).rejects.toMatchObject({ name: 'ResourceNotFound' })
  }, 120_000)

  it('cancelled while the canary config is being applied: moves nothing, says why, and the post step still cleans up', async () => {
    const seeded = await seedModelAndEndpoint(scenario.aws.sagemaker, { endpointName: ENDPOINT })
    const before = await inventory(scenario.aws)

    const main = await runAction({
      inputs: canary('ledger-v2'),
      emulator: scenario.emulator,
      signal: { name: 'SIGINT', whenOutput: /is Updating \(.* into adding ledger-v2/ },
      timeoutMs: 60_000
    })

    expect(main.exitCode).toBe(1)
    expect(main.stdout).toMatch(
      /Endpoint "ledger" is Updating \(moving to "[^"]+-canary"\), and SageMaker refuses weight changes until that ends/
    )
    expect(main.stdout).toContain('ledger-v2 takes no traffic meanwhile')

    const post = await runAction({
      inputs: canary('ledger-v2'),
      emulator: scenario.emulator,
      post: true,
      state: main.state,
      timeoutMs: 60_000
    })

    expect(post.exitCode).toBe(0)
    expect(await inventory(scenario.aws)).toEqual(before)
    const endpoint = await scenario.aws.sagemaker.send(new DescribeEndpointCommand({ EndpointName: ENDPOINT }))
    expect(endpoint.EndpointStatus).toBe('InService')
    expect(endpoint.EndpointConfigName).toBe(seeded.configName)
  }, 120_000)
})

describe('a cancelled run whose post step GitHub stopped', () => {
  it('leaves its lock to the next run of the repository, which takes it over once GitHub says the run ended', async () => {
    const github = await startFakeGitHub({ token: GITHUB_TOKEN })
    try {
      const seeded = await seedModelAndEndpoint(scenario.aws.sagemaker, { endpointName: ENDPOINT })
      // The serving variant scales: the canary suspends its scale-in, and notes the hold on its lock first.
      const target = {
        ServiceNamespace: 'sagemaker' as const,
        ResourceId: `endpoint/${ENDPOINT}/variant/AllTraffic`,
        ScalableDimension: 'sagemaker:variant:DesiredInstanceCount' as const
      }
      await scenario.aws.autoscaling.send(
        new RegisterScalableTargetCommand({ ...target, MinCapacity: 1, MaxCapacity: 3 })
      )
      const scaleInSuspended = async (): Promise<boolean | undefined> => {
        const found = await scenario.aws.autoscaling.send(
          new DescribeScalableTargetsCommand({ ServiceNamespace: 'sagemaker', ResourceIds: [target.ResourceId] })
        )
        return found.ScalableTargets?.[0]?.SuspendedState?.DynamicScalingInSuspended
      }
      const main = await runAction({
        inputs: canary('ledger-v2'),
        emulator: scenario.emulator,
        signal: { name: 'SIGINT', whenOutput: /is Updating \(.* into adding ledger-v2/ },
        timeoutMs: 60_000,
        ...asRun('4001')
      })
      expect(main.exitCode).toBe(1)
      expect(await scaleInSuspended()).toBe(true)
      // No post step: GitHub's cancellation timeout ran out first. The run is over, its lock still stands.
      github.seedRun({ owner: 'example', repo: 'repo', id: 4001, status: 'completed', conclusion: 'cancelled' })

      const rollback = await runAction({
        inputs: { operation: 'rollback', 'endpoint-name': ENDPOINT, 'github-token': GITHUB_TOKEN },
        emulator: scenario.emulator,
        timeoutMs: 60_000,
        env: { GITHUB_RUN_ID: '4002', GITHUB_API_URL: github.url }
      })

      if (rollback.exitCode !== 0) throw new Error(transcript(rollback))
      expect(rollback.stdout).toContain(
        `Taking over the lock on endpoint "${ENDPOINT}" from ${runUrl('4001')}: the run that holds it has ended (cancelled).`
      )
      const endpoint = await scenario.aws.sagemaker.send(new DescribeEndpointCommand({ EndpointName: ENDPOINT }))
      expect(endpoint.EndpointConfigName).toBe(seeded.configName)
      // The hold the cancelled run noted on its lock, given back by the run that took the lock over.
      expect(rollback.stdout).toContain('held the scale-in of variant "AllTraffic" and ended without giving it back')
      expect(await scaleInSuspended()).toBe(false)
      await expect(
        scenario.aws.sagemaker.send(new DescribeContextCommand({ ContextName: `sagemaker-deploy-lock-${ENDPOINT}` }))
      ).rejects.toThrow()
    } finally {
      await github.close()
    }
  }, 120_000)
})
