/**
 * Every rollback is a plan that one pure function builds from where the
 * endpoint stands. Its plans, from each starting point, as plain values: no
 * AWS, fake or real, is involved.
 */
import { describe, expect, it } from '@jest/globals'
import { canaryProgress } from '../../../__fixtures__/rollout.js'
import { endpoint } from '../../../__fixtures__/sagemaker.js'
import type { HeldCapacity, ScalingMove } from '../../../src/rollout/scaling.js'
import { rollbackMoves, rolloutStanding, type Move, type Standing } from '../../../src/rollout/moves.js'

const HELD: HeldCapacity[] = [{ variant: 'AllTraffic', instances: 4, before: { DynamicScalingInSuspended: false } }]

/** fraud-v2 beside AllTraffic on the canary config, at `weight`% of the traffic. */
function onCanary(weight: number, status = 'InService'): ReturnType<typeof endpoint> {
  return endpoint('fraud', status, 'fraud-canary', [
    { name: 'AllTraffic', weight: 100 - weight, count: 4 },
    { name: 'fraud-v2', weight, count: 2 }
  ])
}

const ALL_TRAFFIC_BACK: Move = {
  kind: 'traffic-off',
  variant: 'fraud-v2',
  weights: [
    { VariantName: 'AllTraffic', DesiredWeight: 100 },
    { VariantName: 'fraud-v2', DesiredWeight: 0 }
  ]
}
/** A canary's way back to its previous config: the old variants come back at the 4 instances they held. */
const CANARY_RETURN: Move = { kind: 'return', config: 'fraud-v1-config', fleet: 4, scaling: [], wait: true }

describe('the way back of a canary run by the action', () => {
  /** The plan the executor (a failed gate, join or release) and the post step build from the progress. */
  function planFrom(kind: Move['kind'], now: ReturnType<typeof endpoint> | undefined): Move[] {
    return rollbackMoves(rolloutStanding(canaryProgress(kind, { held: HELD }), now))
  }

  it('after a failed gate: traffic off the new variant, the previous config, the capacity, then the canary config goes', () => {
    expect(planFrom('judge-step', onCanary(10))).toEqual([
      ALL_TRAFFIC_BACK,
      CANARY_RETURN,
      { kind: 'give-back-capacity', held: HELD, restoreCounts: true },
      { kind: 'delete-config', config: 'fraud-canary' }
    ])
  })

  it('shares the traffic among the serving variants as they shared it before the rollout', () => {
    const progress = canaryProgress('judge-step', {
      oldVariants: [
        { name: 'blue', share: 0.75 },
        { name: 'green', share: 0.25 }
      ]
    })

    expect(rollbackMoves(rolloutStanding(progress, onCanary(10)))[0]).toEqual({
      kind: 'traffic-off',
      variant: 'fraud-v2',
      weights: [
        { VariantName: 'blue', DesiredWeight: 75 },
        { VariantName: 'green', DesiredWeight: 25 },
        { VariantName: 'fraud-v2', DesiredWeight: 0 }
      ]
    })
  })

  it('after a cancel moved the traffic off: no second weight change, straight back to the previous config', () => {
    expect(planFrom('judge-step', onCanary(0)).map((move) => move.kind)).toEqual([
      'return',
      'give-back-capacity',
      'delete-config'
    ])
  })

  it('moves traffic off a new variant whose share is still being raised', () => {
    const raising = onCanary(0, 'Updating')
    const variant = raising.ProductionVariants?.[1]
    if (variant) variant.DesiredWeight = 50

    expect(planFrom('shift', raising)[0]).toEqual(ALL_TRAFFIC_BACK)
  })

  it('after a failed join SageMaker undid: already back, so only the capacity is given back and the canary config goes', () => {
    const back = endpoint('fraud', 'InService', 'fraud-v1-config', [{ name: 'AllTraffic', weight: 1, count: 4 }])

    expect(planFrom('join', back)).toEqual([
      { kind: 'give-back-capacity', held: HELD, restoreCounts: false },
      { kind: 'delete-config', config: 'fraud-canary' }
    ])
  })

  it('while the join is still under way: back to the previous config once it ends, no weights to change', () => {
    const joining = endpoint('fraud', 'Updating', 'fraud-v1-config', [{ name: 'AllTraffic', weight: 1, count: 4 }])

    expect(planFrom('join', joining)).toEqual([
      CANARY_RETURN,
      { kind: 'give-back-capacity', held: HELD, restoreCounts: true },
      { kind: 'delete-config', config: 'fraud-canary' }
    ])
  })

  it('when the endpoint cannot be read: straight back to the previous config, which restores the weights too', () => {
    expect(planFrom('judge-step', undefined).map((move) => move.kind)).toEqual([
      'return',
      'give-back-capacity',
      'delete-config'
    ])
  })

  it('after a failed release: the release config it may have left goes too, after the canary config', () => {
    expect(planFrom('switch-to-release', onCanary(100))).toEqual([
      ALL_TRAFFIC_BACK,
      CANARY_RETURN,
      { kind: 'give-back-capacity', held: HELD, restoreCounts: true },
      { kind: 'delete-config', config: 'fraud-canary' },
      { kind: 'delete-config', config: 'fraud-release' }
    ])
  })
})

describe('the way back of an endpoint switched whole to the new model', () => {
  const scaled: ScalingMove = {
    from: 'fraud-v2',
    to: 'AllTraffic',
    scaling: { minCapacity: 2, maxCapacity: 6, policies: [], scheduledActions: [] }
  }

  it('after a failed all-at-once judgement or a SageMaker deployment the gates could not pass: one return, scaling moved', () => {
    const standing: Standing = {
      target: 'fraud-v1-config',
      fleet: 3,
      endpoint: endpoint('fraud', 'InService', 'fraud-v2-config', [{ name: 'fraud-v2', count: 3 }]),
      scaling: [scaled],
      waits: true
    }

    expect(rollbackMoves(standing)).toEqual([
      { kind: 'return', config: 'fraud-v1-config', fleet: 3, scaling: [scaled], wait: true }
    ])
  })
})

describe('the way back of operation: rollback', () => {
  const pausedCanary: Standing = {
    target: 'fraud-v1-config',
    fleet: 4,
    endpoint: onCanary(10),
    canary: { canaryConfig: 'fraud-canary', newVariant: 'fraud-v2', oldVariants: [{ name: 'AllTraffic', share: 1 }] },
    scaling: [],
    waits: true
  }

  it('from a release: one return to the target', () => {
    const standing: Standing = {
      target: 'fraud-v1-config',
      fleet: 2,
      endpoint: endpoint('fraud', 'InService', 'fraud-v2-config'),
      scaling: [],
      waits: true
    }

    expect(rollbackMoves(standing)).toEqual([
      { kind: 'return', config: 'fraud-v1-config', fleet: 2, scaling: [], wait: true }
    ])
  })

  it('from a paused canary: its traffic off first, then the target, then the canary config goes', () => {
    expect(rollbackMoves(pausedCanary)).toEqual([
      ALL_TRAFFIC_BACK,
      CANARY_RETURN,
      { kind: 'delete-config', config: 'fraud-canary' }
    ])
  })

  it('without waiting, keeps the canary config: the endpoint is not known to have left it', () => {
    expect(rollbackMoves({ ...pausedCanary, waits: false })).toEqual([
      ALL_TRAFFIC_BACK,
      { ...CANARY_RETURN, wait: false }
    ])
  })

  it('waits all the same when autoscaling must be put back on a variant of the target', () => {
    const scaling: ScalingMove[] = [
      {
        from: 'fraud-v2',
        to: 'AllTraffic',
        scaling: { minCapacity: 1, maxCapacity: 4, policies: [], scheduledActions: [] }
      }
    ]

    expect(rollbackMoves({ ...pausedCanary, waits: false, scaling })).toEqual([
      ALL_TRAFFIC_BACK,
      { ...CANARY_RETURN, scaling, wait: true },
      { kind: 'delete-config', config: 'fraud-canary' }
    ])
  })
})
