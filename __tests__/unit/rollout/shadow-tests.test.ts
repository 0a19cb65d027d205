/**
 * SageMaker's own shadow tests (inference experiments): SageMaker moves the
 * endpoint onto a test's variants when it starts and puts it back when it
 * ends, so a deploy is refused before any change while one on the endpoint
 * has not ended; tests elsewhere, or ended, do not stand in the way.
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { DescribeInferenceExperimentCommand, ListInferenceExperimentsCommand } from '@aws-sdk/client-sagemaker'
import * as core from '../../../__fixtures__/core.js'
import { changeCalls, FakeAws } from '../../../__fixtures__/fake-aws.js'
import { awsError } from '../../../__fixtures__/sagemaker.js'
import { CANARY_DEPLOY, PLAIN_DEPLOY, seedPausedCanary, seedServingEndpoint } from '../../../__fixtures__/rollout.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, resetAws, runAction } = await import('../../../__fixtures__/action.js')

const deploy = PLAIN_DEPLOY

const NEXT_WEEK = {
  StartTime: new Date('2026-12-07T10:00:00Z'),
  EndTime: new Date('2026-12-14T10:00:00Z')
}

let fake: FakeAws
beforeEach(() => {
  resetAws()
  fake = new FakeAws()
  seedServingEndpoint(fake)
  fake.install(aws)
})

describe('a SageMaker shadow test on the endpoint', () => {
  it('scheduled: the deploy is refused before any change, naming the test and its window', async () => {
    fake.shadowTests.set('fraud-shadow', { endpoint: 'fraud', status: 'Created', schedule: NEXT_WEEK })

    const result = await runAction(deploy)

    expect(result.failed).toBe(
      'Endpoint "fraud" is under SageMaker shadow test "fraud-shadow" (Created, from 2026-12-07 10:00 UTC to 2026-12-14 10:00 UTC). SageMaker moves the endpoint onto a test\'s variants when it starts, and puts it back as it was before the test when it ends, so a release made now would be replaced while the test runs or undone when it ends; nothing was changed. Run deploy once the test has ended, or stop the test first (StopInferenceExperiment, or Stop in the console\'s shadow tests), keeping the variant you want.'
    )
    expect(changeCalls(aws)).toEqual([])
  })

  it('running: named as the test, not only as the shadow variant it put in the config', async () => {
    fake.seedEndpoint(
      'fraud',
      'fraud-shadow-test-config',
      [{ name: 'AllTraffic', weight: 1, count: 1, model: 'fraud-v1' }],
      {},
      {
        shadowVariants: [
          { VariantName: 'shadow', ModelName: 'fraud-v2', InstanceType: 'ml.m5.large', InitialInstanceCount: 1 }
        ]
      }
    )
    fake.shadowTests.set('fraud-shadow', { endpoint: 'fraud', status: 'Running', schedule: NEXT_WEEK })

    const result = await runAction({ ...CANARY_DEPLOY, 'max-error-rate': '1%' })

    expect(result.failed).toMatch(/^Endpoint "fraud" is under SageMaker shadow test "fraud-shadow" \(Running, /)
    expect(changeCalls(aws)).toEqual([])
  })

  it('two of them: both named', async () => {
    fake.shadowTests.set('fraud-shadow', { endpoint: 'fraud', status: 'Created', schedule: NEXT_WEEK })
    fake.shadowTests.set('fraud-shadow-2', { endpoint: 'fraud', status: 'Created' })

    const result = await runAction(deploy)

    expect(result.failed).toMatch(
      /^Endpoint "fraud" is under SageMaker shadow tests "fraud-shadow" \(Created, from [^)]+\), "fraud-shadow-2" \(Created\)\. /
    )
  })

  it('is refused in a dry run too: the plan would not be carried out', async () => {
    fake.shadowTests.set('fraud-shadow', { endpoint: 'fraud', status: 'Starting', schedule: NEXT_WEEK })

    const result = await runAction({ ...deploy, 'dry-run': 'true' })

    expect(result.failed).toMatch(/^Endpoint "fraud" is under SageMaker shadow test "fraud-shadow" \(Starting, /)
  })

  it('every test that has not ended is found, on whichever page of the listing it is', async () => {
    fake.shadowTests.set('fraud-shadow', { endpoint: 'fraud', status: 'Stopping', schedule: NEXT_WEEK })
    fake.shadowTests.set('ledger-shadow', { endpoint: 'ledger', status: 'Created', schedule: NEXT_WEEK })
    // Page by page, as SageMaker lists a long account: the test on this endpoint on the second page.
    aws.sagemaker
      .on(ListInferenceExperimentsCommand)
      .callsFake((input: { StatusEquals?: string; NextToken?: string }) => {
        if (input.StatusEquals !== 'Stopping') return { InferenceExperiments: [] }
        return input.NextToken === 'page-2'
          ? { InferenceExperiments: [{ Name: 'fraud-shadow', Type: 'ShadowMode', Status: 'Stopping' }] }
          : {
              InferenceExperiments: [{ Name: 'ledger-shadow', Type: 'ShadowMode', Status: 'Stopping' }],
              NextToken: 'page-2'
            }
      })

    const result = await runAction(deploy)

    expect(result.failed).toMatch(/^Endpoint "fraud" is under SageMaker shadow test "fraud-shadow" \(Stopping, /)
    const listed = aws.sagemaker.commandCalls(ListInferenceExperimentsCommand).map((call) => call.args[0].input)
    expect(new Set(listed.map((input) => input.StatusEquals))).toEqual(
      new Set(['Creating', 'Created', 'Updating', 'Starting', 'Running', 'Stopping'])
    )
    expect(listed.filter((input) => input.NextToken === 'page-2')).toHaveLength(1)
  })
})

describe('promote', () => {
  it('is refused before it moves any traffic when a shadow test was scheduled while the canary paused', async () => {
    seedPausedCanary(fake)
    fake.shadowTests.set('fraud-shadow', { endpoint: 'fraud', status: 'Created', schedule: NEXT_WEEK })

    const result = await runAction({ operation: 'promote', 'endpoint-name': 'fraud' })

    expect(result.failed).toMatch(/^Endpoint "fraud" is under SageMaker shadow test "fraud-shadow" \(Created, /)
    expect(result.failed).toContain('Run promote once the test has ended')
    expect(changeCalls(aws)).toEqual([])
    expect(fake.weights('fraud')).toEqual({ AllTraffic: 50, 'fraud-v2': 50 })
  })
})

describe('a day-two change under a shadow test', () => {
  it('update-traffic is made, with a warning that the test will set it aside or undo it', async () => {
    seedPausedCanary(fake)
    fake.shadowTests.set('fraud-shadow', { endpoint: 'fraud', status: 'Running', schedule: NEXT_WEEK })

    const result = await runAction({
      operation: 'update-traffic',
      'endpoint-name': 'fraud',
      'variant-weights': 'AllTraffic=80, fraud-v2=20'
    })

    expect(result.failed).toBeUndefined()
    expect(fake.weights('fraud')).toEqual({ AllTraffic: 80, 'fraud-v2': 20 })
    const warning = result.log.find((line) => line.startsWith('::warning::Endpoint "fraud" is under SageMaker'))
    expect(warning).toContain('shadow test "fraud-shadow" (Running, from 2026-12-07 10:00 UTC')
    expect(warning).toContain('a weight change made while a test runs is undone when it ends')
  })

  it('update-capacity is made, with the same warning in its own words', async () => {
    fake.shadowTests.set('fraud-shadow', { endpoint: 'fraud', status: 'Created' })

    const result = await runAction({ operation: 'update-capacity', 'endpoint-name': 'fraud', 'instance-count': '3' })

    expect(result.failed).toBeUndefined()
    expect(changeCalls(aws).map((call) => call.name)).toEqual(['sagemaker.UpdateEndpointWeightsAndCapacities'])
    const warning = result.log.find((line) => line.startsWith('::warning::Endpoint "fraud" is under SageMaker'))
    expect(warning).toContain('shadow test "fraud-shadow" (Created)')
    expect(warning).toContain('a capacity change made while a test runs')
  })

  it('a lookup that fails otherwise is a warning: the change is made', async () => {
    aws.sagemaker.on(ListInferenceExperimentsCommand).rejects(awsError('ThrottlingException', 'Rate exceeded'))

    const result = await runAction({ operation: 'update-capacity', 'endpoint-name': 'fraud', 'instance-count': '3' })

    expect(result.failed).toBeUndefined()
    expect(changeCalls(aws).map((call) => call.name)).toEqual(['sagemaker.UpdateEndpointWeightsAndCapacities'])
    expect(
      result.log.some((line) =>
        line.startsWith('::warning::Could not look for SageMaker shadow tests on endpoint "fraud"')
      )
    ).toBe(true)
  })

  it('a test on another endpoint says nothing', async () => {
    fake.shadowTests.set('ledger-shadow', { endpoint: 'ledger', status: 'Running', schedule: NEXT_WEEK })

    const result = await runAction({ operation: 'update-capacity', 'endpoint-name': 'fraud', 'instance-count': '3' })

    expect(result.failed).toBeUndefined()
    expect(result.log.filter((line) => line.includes('shadow test'))).toEqual([])
  })
})

describe('what does not stand in the way', () => {
  it('a test on another endpoint, and ended tests on this one', async () => {
    fake.shadowTests.set('ledger-shadow', { endpoint: 'ledger', status: 'Running', schedule: NEXT_WEEK })
    fake.shadowTests.set('fraud-last-month', { endpoint: 'fraud', status: 'Completed' })
    fake.shadowTests.set('fraud-called-off', { endpoint: 'fraud', status: 'Cancelled' })

    const result = await runAction(deploy)

    expect(result.failed).toBeUndefined()
    expect(result.outputs['rollout-result']).toBe('succeeded')
    expect(changeCalls(aws).map((call) => call.name)).toContain('sagemaker.UpdateEndpoint')
  })

  it('a role that may not list shadow tests: a warning that names the permissions, and the deploy goes on', async () => {
    aws.sagemaker
      .on(ListInferenceExperimentsCommand)
      .rejects(awsError('AccessDeniedException', 'not authorized to perform: sagemaker:ListInferenceExperiments'))

    const result = await runAction(deploy)

    expect(result.failed).toBeUndefined()
    expect(result.outputs['rollout-result']).toBe('succeeded')
    const warning = result.log.find((line) => line.startsWith('::warning::Could not look for SageMaker shadow tests'))
    expect(warning).toContain('sagemaker:ListInferenceExperiments and sagemaker:DescribeInferenceExperiment')
    expect(result.summary).toContain('Could not look for SageMaker shadow tests')
  })

  it('a role that may list shadow tests but not describe them: the same warning', async () => {
    fake.shadowTests.set('fraud-shadow', { endpoint: 'fraud', status: 'Created', schedule: NEXT_WEEK })
    aws.sagemaker
      .on(DescribeInferenceExperimentCommand)
      .rejects(awsError('AccessDeniedException', 'not authorized to perform: sagemaker:DescribeInferenceExperiment'))

    const result = await runAction(deploy)

    expect(result.failed).toBeUndefined()
    expect(result.log.some((line) => line.startsWith('::warning::Could not look for SageMaker shadow tests'))).toBe(
      true
    )
  })

  it('any other failure to list them stops the deploy before any change', async () => {
    aws.sagemaker.on(ListInferenceExperimentsCommand).rejects(awsError('ValidationException', 'something else'))

    const result = await runAction(deploy)

    expect(result.failed).toMatch(/^ListInferenceExperiments on shadow tests \w+ failed: ValidationException/)
    expect(changeCalls(aws)).toEqual([])
  })
})
