import { describe, expect, it, jest } from '@jest/globals'
import { DescribeEndpointCommand, SageMakerClient } from '@aws-sdk/client-sagemaker'
import { mockClient } from 'aws-sdk-client-mock'
import * as core from '../../__fixtures__/core.js'
import { FakeClock } from '../../__fixtures__/clock.js'
import { awsError, endpoint } from '../../__fixtures__/sagemaker.js'

jest.unstable_mockModule('@actions/core', () => core)
const { OperationContext } = await import('../../src/context.js')
const { createAwsClients } = await import('../../src/aws/clients.js')
const { newReport } = await import('../../src/report.js')
const { AddedInstances } = await import('../../src/components/added-instances.js')

const sagemaker = mockClient(SageMakerClient)

function context() {
  const clock = new FakeClock()
  const ctx = new OperationContext(
    { endpointName: 'fraud', region: 'eu-west-1', waitForCompletion: true, timeoutMs: 60_000, dryRun: false },
    createAwsClients('eu-west-1'),
    clock,
    newReport('deploy', 'fraud', 'eu-west-1', false, clock.now())
  )
  return { ctx, clock }
}

/** The endpoint runs `count` instances of AllTraffic until the next call changes it. */
function runs(count: number): void {
  sagemaker.on(DescribeEndpointCommand).resolves(endpoint('fraud', 'Updating', 'cfg', [{ name: 'AllTraffic', count }]))
}

describe("the instances a component's rolling update adds", () => {
  it('sums the instances beyond the count before the update, over the time they ran', async () => {
    sagemaker.reset()
    const { ctx, clock } = context()
    runs(1)
    const added = await AddedInstances.start(ctx, 'AllTraffic')
    clock.advance(30_000)
    runs(2)
    await added?.sample()
    // Read again only once the last read is 30 s old.
    clock.advance(10_000)
    runs(3)
    await added?.sample()
    clock.advance(110_000)
    runs(1)
    await added?.sample()
    clock.advance(60_000)
    added?.finish()

    // One instance from 30 s to 150 s: 120 instance-seconds.
    expect(ctx.report.addedInstanceHours).toBeCloseTo(120 / 3600, 6)
    expect(ctx.report.addedInstancesBy).toContain('managed instance scaling')
    expect(sagemaker.commandCalls(DescribeEndpointCommand)).toHaveLength(3)
  })

  it('states none added when the copies rolled within the instances', async () => {
    sagemaker.reset()
    const { ctx, clock } = context()
    runs(2)
    const added = await AddedInstances.start(ctx, 'AllTraffic')
    clock.advance(300_000)
    await added?.sample()
    added?.finish()

    expect(ctx.report.addedInstanceHours).toBe(0)
  })

  it('measures nothing when the count before the update cannot be read', async () => {
    sagemaker.reset()
    const { ctx } = context()
    sagemaker.on(DescribeEndpointCommand).rejects(awsError('ThrottlingException', 'Rate exceeded'))

    expect(await AddedInstances.start(ctx, 'AllTraffic')).toBeUndefined()
    expect(ctx.report.addedInstanceHours).toBeUndefined()
  })
})

describe('instance-hours in words', () => {
  it('shows a few instance-minutes as more than nothing', async () => {
    const { instanceHoursText } = await import('../../src/summary.js')
    expect(instanceHoursText(15 / 3600, undefined)).toBe('0.004')
    expect(instanceHoursText(0, undefined)).toBe('0.00')
    expect(instanceHoursText(1.5, 2)).toBe('1.50, about $3.00 at $2 an instance-hour')
  })
})
