/**
 * SageMaker's own shadow tests (inference experiments) on the endpoint. SageMaker
 * carries one out on the endpoint itself: when it starts, the endpoint is moved
 * onto the test's production and shadow variants, and when it ends "the endpoint
 * reverts to the state it was in prior to starting the test"
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/shadow-tests-create.html).
 * A release made inside a test's window would be replaced by the test's own
 * variants while it runs, or undone when it ends, with no word to anyone: a
 * deploy is refused before any change while a test on the endpoint has not ended.
 *
 * ListInferenceExperiments names no endpoint (API_InferenceExperimentSummary), so
 * every test that has not ended is described for its EndpointMetadata.
 */
import {
  DescribeInferenceExperimentCommand,
  ListInferenceExperimentsCommand,
  type DescribeInferenceExperimentCommandOutput,
  type InferenceExperimentStatus
} from '@aws-sdk/client-sagemaker'
import { awsCall, errorCode, errorMessage, isNotFound } from './aws/errors.js'
import type { OperationContext } from './context.js'

/** Every status but Completed and Cancelled (API_InferenceExperimentSummary): a test still to start, running, or ending. */
const NOT_ENDED: InferenceExperimentStatus[] = ['Creating', 'Created', 'Updating', 'Starting', 'Running', 'Stopping']

/** The largest page ListInferenceExperiments serves. */
const PAGE_SIZE = 100

type ShadowTest = DescribeInferenceExperimentCommandOutput

/** Refuses, before any change, a release (`operation`: deploy or promote) onto an endpoint under a shadow test. */
export async function refuseShadowTestsOnEndpoint(ctx: OperationContext, operation = 'deploy'): Promise<void> {
  const tests = await shadowTestsOnEndpoint(ctx, 'would replace this release while it runs and undo it when it ends')
  if (tests.length === 0) return
  throw new Error(
    `Endpoint "${ctx.endpointName}" is under ${namedTests(tests)}. SageMaker moves the endpoint onto a test's variants when it starts, and puts it back as it was before the test when it ends, so a release made now would be replaced while the test runs or undone when it ends; nothing was changed. Run ${operation} once the test has ended, or stop the test first (StopInferenceExperiment, or Stop in the console's shadow tests), keeping the variant you want.`
  )
}

/**
 * Warns of a day-two change (update-traffic, update-capacity) made under a shadow test. Not refused: such a change
 * is often made to meet load now, and it holds until the test moves the endpoint (a test still to start puts it back
 * as it is now; one running puts it back as it was before the test began).
 */
export async function warnOfShadowTestsOnEndpoint(ctx: OperationContext, change: string): Promise<void> {
  let tests: ShadowTest[]
  try {
    tests = await shadowTestsOnEndpoint(ctx, `would set this ${change} aside while it runs`)
  } catch (error) {
    // Only a warning could come of the look: a change made to meet load must not wait on it.
    ctx.warn(`Could not look for SageMaker shadow tests on endpoint "${ctx.endpointName}": ${errorMessage(error)}`)
    return
  }
  if (tests.length === 0) return
  ctx.warn(
    `Endpoint "${ctx.endpointName}" is under ${namedTests(tests)}. SageMaker moves the endpoint onto a test's variants when it starts, and puts it back as it was before the test when it ends: a ${change} made while a test runs is undone when it ends, and one made before it starts is set aside while it runs.`
  )
}

/** The tests not yet ended on this endpoint; none, with a warning, when the role may not look. */
async function shadowTestsOnEndpoint(ctx: OperationContext, consequence: string): Promise<ShadowTest[]> {
  try {
    const names = (await Promise.all(NOT_ENDED.map((status) => testsIn(ctx, status)))).flat()
    return (await Promise.all(names.map((name) => describeTest(ctx, name)))).filter(
      (test): test is ShadowTest => test?.EndpointMetadata?.EndpointName === ctx.endpointName
    )
  } catch (error) {
    if (errorCode(error) !== 'AccessDeniedException') throw error
    // A warning, not a refusal: a role granted before this check existed must not stop every release.
    ctx.warn(
      `Could not look for SageMaker shadow tests (${errorCode(error)}): grant sagemaker:ListInferenceExperiments and sagemaker:DescribeInferenceExperiment. A shadow test scheduled on endpoint "${ctx.endpointName}" ${consequence}.`
    )
    return []
  }
}

/** `SageMaker shadow test "a" (...)` or `SageMaker shadow tests "a" (...), "b" (...)`. */
function namedTests(tests: ShadowTest[]): string {
  return `SageMaker shadow test${tests.length > 1 ? 's' : ''} ${tests.map(describedTest).join(', ')}`
}

async function testsIn(ctx: OperationContext, status: InferenceExperimentStatus): Promise<string[]> {
  const names: string[] = []
  let nextToken: string | undefined
  do {
    const page = await awsCall('ListInferenceExperiments', `shadow tests ${status}`, () =>
      ctx.clients.sagemaker.send(
        new ListInferenceExperimentsCommand({
          StatusEquals: status,
          MaxResults: PAGE_SIZE,
          ...(nextToken ? { NextToken: nextToken } : {})
        })
      )
    )
    names.push(...(page?.InferenceExperiments ?? []).flatMap((test) => (test.Name ? [test.Name] : [])))
    nextToken = page?.NextToken
  } while (nextToken)
  return names
}

async function describeTest(ctx: OperationContext, name: string): Promise<ShadowTest | undefined> {
  try {
    return await awsCall('DescribeInferenceExperiment', `shadow test "${name}"`, () =>
      ctx.clients.sagemaker.send(new DescribeInferenceExperimentCommand({ Name: name }))
    )
  } catch (error) {
    // Deleted between the listing and now: it no longer stands in the way.
    if (isNotFound(error)) return undefined
    throw error
  }
}

/** `"name" (Created, from 2026-12-07 10:00 UTC to 2026-12-14 10:00 UTC)`. */
function describedTest(test: ShadowTest): string {
  const { StartTime: start, EndTime: end } = test.Schedule ?? {}
  const at = (when: Date): string => `${when.toISOString().slice(0, 16).replace('T', ' ')} UTC`
  const window = start && end ? `, from ${at(start)} to ${at(end)}` : end ? `, until ${at(end)}` : ''
  return `"${test.Name}" (${test.Status}${window})`
}
