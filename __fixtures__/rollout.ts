/** What the rollout scenarios start from: one endpoint serving fraud-v1, and a canary deploy of fraud-v2. */
import { FakeClock } from './clock.js'
import type { FakeAws } from './fake-aws.js'
import { IMAGE, ROLE_ARN } from './sagemaker.js'

/** A canary of fraud-v2 in three steps of ten minutes, judged every two. */
export const CANARY_DEPLOY: Record<string, string> = {
  operation: 'deploy',
  'endpoint-name': 'fraud',
  'image-uri': IMAGE,
  'execution-role-arn': ROLE_ARN,
  'model-name': 'fraud-v2',
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
