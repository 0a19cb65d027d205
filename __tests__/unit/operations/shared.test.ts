/**
 * What every operation promises alike, asserted once per operation against
 * the stateful fake: a bad input is refused before any AWS call and named; an
 * endpoint that is not there is said plainly, changing nothing; a refused read
 * names the call and the AWS error code; a dry run changes nothing; and every
 * run, failed ones included, writes a summary. Each operation's own file keeps
 * only what that operation does differently.
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { DescribeEndpointCommand } from '@aws-sdk/client-sagemaker'
import * as core from '../../../__fixtures__/core.js'
import { changeCalls, FakeAws } from '../../../__fixtures__/fake-aws.js'
import { awsError, IMAGE, ROLE_ARN } from '../../../__fixtures__/sagemaker.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, awsCallNames, resetAws, runAction } = await import('../../../__fixtures__/action.js')

const ENDPOINT = 'fraud'

/** The smallest valid inputs of each operation, for endpoint "fraud". */
const OPERATIONS: Record<string, Record<string, string>> = {
  deploy: { 'image-uri': IMAGE, 'execution-role-arn': ROLE_ARN, 'model-name': 'fraud-v2' },
  promote: {},
  'update-traffic': { 'variant-weights': 'blue=50, green=50' },
  'update-capacity': { 'instance-count': '3' },
  'configure-autoscaling': {
    'min-capacity': '1',
    'max-capacity': '4',
    'scaling-metric': 'InvocationsPerInstance',
    'target-value': '70'
  },
  'delete-autoscaling': {},
  monitor: {},
  'health-check': {},
  delete: {},
  rollback: {}
}
const ALL = Object.keys(OPERATIONS)
/** Every operation but deploy needs the endpoint to exist already. */
const ON_AN_EXISTING_ENDPOINT = ALL.filter((operation) => operation !== 'deploy')
/** What each says when the endpoint is not there: the same words, and what that means for it. */
const MISSING = `Endpoint "fraud" does not exist in us-east-1`
const MISSING_ENDPOINT: Record<string, string> = {
  delete: `${MISSING}; nothing to delete. Set ignore-missing: true if that is expected.`,
  'delete-autoscaling': `${MISSING}, and input "variant-name" is not set.`,
  rollback: `${MISSING}; there is nothing to roll back.`
}
/** The operations that act on one variant and must be told which when there are several. */
const ON_ONE_VARIANT = ['update-capacity', 'configure-autoscaling', 'delete-autoscaling']

/** Text as the summary shows it: HTML-escaped. */
const inSummary = (text: string): string => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;')

function inputsOf(operation: string, extra: Record<string, string> = {}): Record<string, string> {
  return { operation, 'endpoint-name': ENDPOINT, ...OPERATIONS[operation], ...extra }
}

let fake: FakeAws
beforeEach(() => {
  resetAws()
  fake = new FakeAws()
  fake.install(aws)
})

function seedTwoVariants(): void {
  fake.seedEndpoint(ENDPOINT, 'fraud-config-1', [
    { name: 'blue', weight: 1, count: 2 },
    { name: 'green', weight: 1, count: 1 }
  ])
}

describe.each(ALL)('%s', (operation) => {
  it.each([
    [{ 'endpoint-name': 'fraud detector' }, 'Input "endpoint-name" must be 1 to 63 letters'],
    [{ 'dry-run': 'yes' }, 'Input "dry-run" must be true or false'],
    [{ 'endpoint-name': '' }, 'Input "endpoint-name" is required']
  ])('refuses %j before any AWS call, naming the input, and still writes a summary', async (bad, expected) => {
    const result = await runAction(inputsOf(operation, bad))

    expect(result.failed).toContain(expected)
    expect(awsCallNames()).toEqual([])
    expect(result.summary).toContain(inSummary(expected))
  })

  it('fails without a region, naming the input and where else it may come from', async () => {
    const result = await runAction(inputsOf(operation), { env: {} })

    expect(result.failed).toContain(
      'Input "region" is required: set the region input, AWS_REGION or AWS_DEFAULT_REGION'
    )
    expect(awsCallNames()).toEqual([])
  })
})

describe.each(ON_AN_EXISTING_ENDPOINT)('%s', (operation) => {
  it('says plainly that the endpoint does not exist, changing nothing', async () => {
    const result = await runAction(inputsOf(operation))

    const expected = MISSING_ENDPOINT[operation] ?? `${MISSING}.`
    expect(result.failed).toBe(expected)
    expect(awsCallNames()).toEqual(['sagemaker.DescribeEndpoint'])
    expect(result.summary).toContain(inSummary(expected))
  })

  it('names the call and the AWS error code when reading the endpoint is refused, changing nothing', async () => {
    seedTwoVariants()
    aws.sagemaker
      .on(DescribeEndpointCommand)
      .rejects(awsError('AccessDeniedException', 'not authorized to perform sagemaker:DescribeEndpoint'))

    const result = await runAction(inputsOf(operation, { 'variant-name': 'blue' }))

    expect(result.failed).toMatch(/DescribeEndpoint .*endpoint "fraud".* failed: AccessDeniedException/)
    expect(changeCalls(aws)).toEqual([])
  })
})

describe.each(ON_ONE_VARIANT)('%s', (operation) => {
  it('needs variant-name when the endpoint has several variants, changing nothing', async () => {
    seedTwoVariants()

    const result = await runAction(inputsOf(operation))

    expect(result.failed).toContain('Input "variant-name" is required: endpoint "fraud" has 2 variants (blue, green)')
    expect(awsCallNames()).toEqual(['sagemaker.DescribeEndpoint'])
  })

  it('refuses a variant the endpoint does not have, naming the ones it has and changing nothing', async () => {
    seedTwoVariants()

    const result = await runAction(inputsOf(operation, { 'variant-name': 'purple' }))

    expect(result.failed).toContain(
      'Input "variant-name" names variant "purple", which endpoint "fraud" does not have (it has blue, green).'
    )
    expect(awsCallNames()).toEqual(['sagemaker.DescribeEndpoint'])
  })
})

describe.each(['update-traffic', 'update-capacity', 'configure-autoscaling', 'delete', 'deploy'])(
  '%s in a dry run',
  (operation) => {
    it('plans its calls without making one, and says so in the log and the summary', async () => {
      seedTwoVariants()

      const result = await runAction(inputsOf(operation, { 'dry-run': 'true', 'variant-name': 'blue' }))

      expect(result.failed).toBeUndefined()
      expect(changeCalls(aws)).toEqual([])
      expect(result.log.some((line) => line.includes('[dry-run] would call'))).toBe(true)
      expect(result.summary).toMatch(/dry run/i)
    })
  }
)
