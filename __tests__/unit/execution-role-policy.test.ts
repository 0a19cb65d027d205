/**
 * The model's execution role is SageMaker's: what it needs follows from what
 * the action asks SageMaker to do with it. A deployment SageMaker runs reads
 * its auto-rollback alarms with the role
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-configuration.html),
 * and a model in a VPC has SageMaker manage network interfaces with it
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/host-vpc.html). The
 * README's execution-role policy must grant what the requests the action
 * makes call for.
 */
import { readFileSync } from 'node:fs'
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '../../__fixtures__/core.js'
import { changeCalls, FakeAws, type AwsCall } from '../../__fixtures__/fake-aws.js'
import { CANARY_DEPLOY, withTraffic } from '../../__fixtures__/rollout.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, resetAws, runAction } = await import('../../__fixtures__/action.js')

const VPC_ACTIONS = [
  'ec2:CreateNetworkInterface',
  'ec2:CreateNetworkInterfacePermission',
  'ec2:DeleteNetworkInterface',
  'ec2:DeleteNetworkInterfacePermission',
  'ec2:DescribeNetworkInterfaces',
  'ec2:DescribeVpcs',
  'ec2:DescribeDhcpOptions',
  'ec2:DescribeSubnets',
  'ec2:DescribeSecurityGroups'
]

/** The actions SageMaker takes with the execution role for the requests the action made. */
function neededByRequests(calls: AwsCall[]): string[] {
  const needed = new Set<string>()
  for (const call of calls) {
    const input = call.input as {
      VpcConfig?: unknown
      DeploymentConfig?: { AutoRollbackConfiguration?: { Alarms?: unknown[] } }
    }
    if (call.name === 'sagemaker.CreateModel' && input.VpcConfig) VPC_ACTIONS.forEach((action) => needed.add(action))
    if (call.name === 'sagemaker.UpdateEndpoint' && input.DeploymentConfig?.AutoRollbackConfiguration?.Alarms?.length) {
      needed.add('cloudwatch:DescribeAlarms')
    }
  }
  return [...needed].sort()
}

function readmeExecutionRolePolicy(): Set<string> {
  const readme = readFileSync('README.md', 'utf8')
  const block =
    /<!-- execution-role-policy:start -->\n```json\n([\s\S]*?)\n```\n<!-- execution-role-policy:end -->/.exec(
      readme
    )?.[1]
  const policy = JSON.parse(block ?? '{"Statement": []}') as { Statement: Array<{ Action: string | string[] }> }
  return new Set(policy.Statement.flatMap((statement) => [statement.Action].flat()))
}

describe("the README's execution-role policy", () => {
  beforeEach(() => resetAws())

  it('grants what a SageMaker-run deployment of a model in a VPC needs', async () => {
    const fake = new FakeAws()
    fake.install(aws)
    const clock = withTraffic(fake)
    // As long as SageMaker's bakes: the action judges the new fleet while it serves.
    fake.transitionMs = { Updating: 25 * 60_000 }
    fake.seedEndpoint(
      'fraud',
      'fraud-v1-config',
      [{ name: 'AllTraffic', weight: 1, count: 4, model: 'fraud-v1' }],
      { 'sagemaker-deploy:endpoint': 'fraud', 'sagemaker-deploy:role': 'release' },
      {
        modelSpec: {
          ExecutionRoleArn: 'arn:aws:iam::123456789012:role/fraud-serving',
          PrimaryContainer: { Image: 'old' },
          VpcConfig: { Subnets: ['subnet-0aaa1111bbbb2222c'], SecurityGroupIds: ['sg-0ddd3333eeee4444f'] }
        }
      }
    )

    const result = await runAction(
      {
        ...CANARY_DEPLOY,
        'execution-role-arn': '',
        'rollout-controller': 'sagemaker',
        'traffic-steps': '25,100',
        'max-error-rate': '1%',
        timeout: '40m'
      },
      { clock }
    )

    expect(result.failed).toBeUndefined()
    const needed = neededByRequests(changeCalls(aws))
    // The scenario asks for both: a policy test on a run that needed nothing would prove nothing.
    expect(needed).toEqual(expect.arrayContaining(['cloudwatch:DescribeAlarms', 'ec2:CreateNetworkInterface']))
    const granted = readmeExecutionRolePolicy()
    expect(needed.filter((action) => !granted.has(action))).toEqual([])
  })
})
