/**
 * Rolling batches: at least one instance and 5% to 50% of the fleet, as
 * SageMaker's rolling update takes them; the default satisfies both for
 * every fleet that can roll, and a fleet of one is refused with what to do.
 */
import { describe, expect, it } from '@jest/globals'
import { batchInstances, rollingBatchFor, rollingBatchRange } from '../../src/rolling-batch.js'

describe('the default batch', () => {
  it.each([
    [2, 1],
    [3, 1],
    [4, 1],
    [6, 2],
    [10, 3],
    [40, 10],
    [100, 25],
    [1000, 250]
  ])('for a fleet of %i is %i instances', (fleet, instances) => {
    expect(rollingBatchFor(fleet, undefined)).toEqual({ type: 'INSTANCE_COUNT', value: instances })
  })

  it('is within the limits for every fleet from 2 to 1000 instances', () => {
    for (let fleet = 2; fleet <= 1000; fleet++) {
      const batch = rollingBatchFor(fleet, undefined).value
      expect(batch).toBeGreaterThanOrEqual(1)
      expect(batch).toBeGreaterThanOrEqual((5 / 100) * fleet)
      expect(batch).toBeLessThanOrEqual((50 / 100) * fleet)
    }
  })
})

describe('a fleet of one instance', () => {
  it('is refused, saying what to do instead', () => {
    expect(() => rollingBatchFor(1, undefined)).toThrow(
      'Input "strategy" rolling needs a fleet of at least 2 instances, and this one has 1 instance: SageMaker\'s rolling update replaces 5% to 50% of the fleet in each batch, and at least one instance. Deploy with strategy canary, linear or all-at-once (a blue/green deployment), or raise instance-count to 2 or more.'
    )
    expect(() => rollingBatchFor(1, { type: 'INSTANCE_COUNT', value: 1 })).toThrow(/^Input "strategy"/)
  })
})

describe('a requested batch', () => {
  it('within the limits is sent as given', () => {
    expect(rollingBatchFor(10, { type: 'CAPACITY_PERCENT', value: 20 })).toEqual({
      type: 'CAPACITY_PERCENT',
      value: 20
    })
    expect(rollingBatchFor(10, { type: 'INSTANCE_COUNT', value: 5 })).toEqual({ type: 'INSTANCE_COUNT', value: 5 })
  })

  it.each([
    ['under one instance', 4, { type: 'CAPACITY_PERCENT', value: 20 } as const, '20%'],
    ['above half the fleet', 10, { type: 'INSTANCE_COUNT', value: 6 } as const, '6'],
    ['under 5% of the fleet', 100, { type: 'INSTANCE_COUNT', value: 4 } as const, '4'],
    ['a percentage above 50%', 10, { type: 'CAPACITY_PERCENT', value: 60 } as const, '60%']
  ])('%s is refused, naming batch-size and what fits', (_case, fleet, batch, shown) => {
    const { least, most } = rollingBatchRange(fleet)
    expect(() => rollingBatchFor(fleet, batch, shown)).toThrow(
      `Input "batch-size" must be 5% to 50% of the fleet's ${fleet} instances, and at least one instance: from ${least} to ${most} instances here; got "${shown}".`
    )
  })

  it('as a share rounds down to whole instances', () => {
    expect(batchInstances({ type: 'CAPACITY_PERCENT', value: 25 }, 10)).toBe(2)
    expect(batchInstances({ type: 'INSTANCE_COUNT', value: 3 }, 10)).toBe(3)
  })
})
