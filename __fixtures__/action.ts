/**
 * Runs the action's `run()` in-process against aws-sdk-client-mock, with inputs
 * as the runner would give them. Import this only after mocking @actions/core:
 *
 *   jest.unstable_mockModule('@actions/core', () => core)
 *   const { runAction, aws } = await import('../../__fixtures__/action.js')
 */
import { ApplicationAutoScalingClient } from '@aws-sdk/client-application-auto-scaling'
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch'
import { SageMakerClient } from '@aws-sdk/client-sagemaker'
import { SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime'
import { mockClient } from 'aws-sdk-client-mock'
import * as core from './core.js'
import { FakeClock } from './clock.js'
import { FakeContexts, LOCK_CALLS } from './contexts.js'

const { run } = await import('../src/main.js')

export const aws = {
  sagemaker: mockClient(SageMakerClient),
  runtime: mockClient(SageMakerRuntimeClient),
  autoscaling: mockClient(ApplicationAutoScalingClient),
  cloudwatch: mockClient(CloudWatchClient)
}

/** The lock's contexts for tests that mock SageMaker call by call; a FakeAws brings its own. */
export let lockContexts = new FakeContexts()

export function resetAws(): void {
  for (const client of Object.values(aws)) client.reset()
  lockContexts = new FakeContexts()
  lockContexts.install(aws.sagemaker, (_api, handler) => handler)
}

/**
 * Every AWS call the action made, in order, as `Service.Command` names. The
 * endpoint lock's own calls are left out unless asked for: lock.test.ts is
 * about them, the other tests about what the operation does.
 */
export function awsCallNames({ lock = false }: { lock?: boolean } = {}): string[] {
  const calls = Object.entries(aws).flatMap(([service, client]) =>
    client.calls().map((call) => ({
      name: `${service}.${call.args[0].constructor.name.replace(/Command$/, '')}`,
      order: (call as unknown as { callId: number }).callId
    }))
  )
  return calls
    .sort((a, b) => a.order - b.order)
    .map((call) => call.name)
    .filter((name) => lock || !LOCK_CALLS.test(name))
}

/** The calls without the look for SageMaker shadow tests on the endpoint (shadow-tests.test.ts is about those). */
export function withoutShadowTestLookups(names: string[]): string[] {
  return names.filter((name) => !/^sagemaker\.(ListInferenceExperiments|DescribeInferenceExperiment)$/.test(name))
}

export interface ActionRun {
  outputs: Record<string, string>
  failed?: string
  summary: string
  log: string[]
  clock: FakeClock
}

export async function runAction(
  inputs: Record<string, string>,
  { clock = new FakeClock(), env = { AWS_REGION: 'us-east-1' } }: { clock?: FakeClock; env?: NodeJS.ProcessEnv } = {}
): Promise<ActionRun> {
  core.resetCore(inputs)
  await run({ clock, env })
  const failedCall = core.setFailed.mock.calls.at(-1)
  core.setFailed.mockClear()
  process.exitCode = undefined
  const result: ActionRun = {
    outputs: { ...core.outputs },
    summary: core.writtenSummaries.join('\n'),
    log: [...core.log],
    clock
  }
  if (failedCall) result.failed = String(failedCall[0])
  return result
}
