/** What the rollout scenarios start from: one endpoint serving fraud-v1, and a canary deploy of fraud-v2. */
import { REAL_TIME_MINUTES } from '../src/invocation-metrics.js'
import type { InFlight } from '../src/rollout/in-flight.js'
import type { Move, Progress } from '../src/rollout/moves.js'
import { FakeClock } from './clock.js'
import type { FakeAws } from './fake-aws.js'
import { IMAGE, ROLE_ARN } from './sagemaker.js'

/** fraud-v2 deployed all at once, no gates: the inputs a refusal needs, and no more. */
export const PLAIN_DEPLOY: Record<string, string> = {
  operation: 'deploy',
  'endpoint-name': 'fraud',
  'image-uri': IMAGE,
  'execution-role-arn': ROLE_ARN,
  'model-name': 'fraud-v2'
}

/** A canary of fraud-v2 in three steps of ten minutes, judged every two. */
export const CANARY_DEPLOY: Record<string, string> = {
  ...PLAIN_DEPLOY,
  strategy: 'canary',
  'traffic-steps': '10,50,100',
  'bake-time': '10m',
  'gate-interval': '2m'
}

/** fraud-v1 alone on `fraud-v1-config`, a release config this action made, serving with `count` instances. */
export function seedServingEndpoint(fake: FakeAws, count = 1): void {
  fake.seedEndpoint('fraud', 'fraud-v1-config', [{ name: 'AllTraffic', weight: 1, count, model: 'fraud-v1' }], {
    'sagemaker-deploy:endpoint': 'fraud',
    'sagemaker-deploy:role': 'release'
  })
}

/** Client requests per second to `fraud`: 10% of it is 2 a second, 120 a minute, for the canary. */
export const CLIENT_RATE = 20

/** The publication delay SageMaker's metrics typically show: a minute appears 90 s after it closes. */
export const PUBLICATION_DELAY_MS = 90_000

/**
 * A fresh clock with client traffic to `fraud` at `rate` requests a second,
 * and CloudWatch publishing each minute `delayMs` after it closes.
 */
export function withTraffic(fake: FakeAws, rate = CLIENT_RATE, delayMs = PUBLICATION_DELAY_MS): FakeClock {
  const clock = new FakeClock()
  fake.clock = clock
  fake.cloudwatch.requestRates.set('fraud', rate)
  fake.cloudwatch.publicationDelayMs = () => delayMs
  return clock
}

/** Paused on the canary config at 50%: what promote and rollback start from. */
export function seedPausedCanary(fake: FakeAws): void {
  seedServingEndpoint(fake, 2)
  fake.seedEndpoint(
    'fraud',
    'fraud-canary',
    [
      { name: 'AllTraffic', weight: 50, count: 2, model: 'fraud-v1' },
      { name: 'fraud-v2', weight: 50, count: 2, model: 'fraud-v2' }
    ],
    {
      'sagemaker-deploy:endpoint': 'fraud',
      'sagemaker-deploy:role': 'canary',
      'sagemaker-deploy:previous-config': 'fraud-v1-config',
      'sagemaker-deploy:new-variant': 'fraud-v2',
      'sagemaker-deploy:paused-at': '2026-01-15T11:00:00.000Z'
    }
  )
}

/** A canary of fraud-v2 in two steps, as deployMoves plans it once its config exists. */
export const CANARY_MOVES: Move[] = [
  { kind: 'hold-capacity' },
  { kind: 'join', fleet: 4 },
  { kind: 'shift', weight: 10, index: 0, of: 2 },
  { kind: 'judge-step', weight: 10, index: 0, of: 2 },
  { kind: 'shift', weight: 100, index: 1, of: 2 },
  { kind: 'judge-step', weight: 100, index: 1, of: 2 },
  { kind: 'switch-to-release', planned: { VariantName: 'AllTraffic', InitialInstanceCount: 2 }, configSettings: {} }
]

/**
 * The progress a main step saves for its post step: a canary of fraud-v2
 * beside fraud-v1's AllTraffic, from fraud-v1-config, at the move of `kind`.
 */
export function canaryProgress(kind: Move['kind'], rollout: Partial<InFlight> = {}): Progress {
  return {
    endpointName: 'fraud',
    region: 'us-east-1',
    rollout: {
      previousConfig: 'fraud-v1-config',
      canaryConfig: 'fraud-canary',
      newVariant: 'fraud-v2',
      stableVariant: 'AllTraffic',
      oldVariants: [{ name: 'AllTraffic', share: 1 }],
      releaseConfig: 'fraud-release',
      userTags: {},
      held: [],
      source: REAL_TIME_MINUTES,
      ...rollout
    },
    moves: CANARY_MOVES,
    reached: CANARY_MOVES.findIndex((move) => move.kind === kind),
    failures: { consecutive: 0 },
    baseline: []
  }
}
