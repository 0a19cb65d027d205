/** What the rollout scenarios start from: one endpoint serving fraud-v1, and a canary deploy of fraud-v2. */
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
