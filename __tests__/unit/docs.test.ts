import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { renderDefaults, renderTables, updateReadme } from '../../scripts/docs.mjs'
import * as core from '../../__fixtures__/core.js'
import { FakeAws } from '../../__fixtures__/fake-aws.js'
import { CANARY_DEPLOY, seedPausedCanary, seedServingEndpoint, withTraffic } from '../../__fixtures__/rollout.js'
import { ROLE_ARN } from '../../__fixtures__/sagemaker.js'
import { OPERATIONS, type Operation } from '../../src/settings.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, awsCallNames, resetAws, runAction } = await import('../../__fixtures__/action.js')

const readme = readFileSync('README.md', 'utf8')
const inputsPage = readFileSync('docs/inputs.md', 'utf8')
const actionYaml = readFileSync('action.yml', 'utf8')

describe('the docs', () => {
  it('show the inputs and outputs tables generated from action.yml', () => {
    expect(updateReadme(inputsPage, renderTables(actionYaml))).toBe(inputsPage)
  })

  it('keeps the defaults the action compiles in equal to action.yml', () => {
    expect(renderDefaults(actionYaml)).toBe(readFileSync('src/action-defaults.ts', 'utf8'))
    expect(renderDefaults(actionYaml)).toContain(`'bake-time': "5m"`)
  })

  it('notices a table that has drifted from action.yml', () => {
    const drifted = actionYaml.replace('default: 5m', 'default: 7m')
    expect(updateReadme(inputsPage, renderTables(drifted))).not.toBe(inputsPage)
  })

  it('shows the test command CI runs', () => {
    expect(readme).toContain('npm test')
    expect(readFileSync('.ci/run', 'utf8')).toContain('npm test')
  })
})

/** Every AWS API the source calls, as IAM actions, read from the SDK command imports. */
function actionsUsedBySource(): string[] {
  const prefixes: Record<string, string> = {
    'client-sagemaker': 'sagemaker',
    'client-sagemaker-runtime': 'sagemaker',
    'client-cloudwatch': 'cloudwatch',
    'client-application-auto-scaling': 'application-autoscaling'
  }
  const files = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'))
  const actions = new Set<string>()
  for (const file of files) {
    const source = readFileSync(join('src', file), 'utf8')
    for (const match of source.matchAll(/import\s*\{([^}]*)\}\s*from\s*'@aws-sdk\/([\w-]+)'/g)) {
      const prefix = prefixes[match[2] as string]
      for (const name of (match[1] as string).matchAll(/\b(\w+)Command\b/g)) {
        if (prefix) actions.add(`${prefix}:${name[1]}`)
      }
    }
  }
  return [...actions].sort()
}

interface DocumentedPolicy {
  where: string
  /** The operations a role with this policy runs. */
  operations: readonly Operation[]
  allowed: Set<string>
}

/**
 * Every policy block in the README, each marked with the operations its role
 * runs (`<!-- iam-policy:start operations="monitor,health-check" -->`; no
 * list: every operation).
 */
function readmePolicies(): DocumentedPolicy[] {
  const blocks = readme.matchAll(/<!-- iam-policy:start(?: operations="([^"]*)")? -->\n```json\n([\s\S]*?)\n```/g)
  return [...blocks].map((block) => {
    const operations = block[1] ? (block[1].split(',').map((name) => name.trim()) as Operation[]) : OPERATIONS
    const policy = JSON.parse(block[2] as string) as { Statement: Array<{ Action: string | string[] }> }
    return {
      where: `the README's policy for ${block[1] ?? 'every operation'}`,
      operations,
      allowed: new Set(policy.Statement.flatMap((statement) => [statement.Action].flat()))
    }
  })
}

/** The read-only role of the scheduled example: the actions its header grants, the operations its steps run. */
function scheduledMonitorPolicy(): DocumentedPolicy {
  const text = readFileSync('examples/scheduled-monitor.yml', 'utf8')
  const header = text.slice(0, text.indexOf('\nname:'))
  const workflow = parse(text) as { jobs: Record<string, { steps: Array<{ with?: { operation?: string } }> }> }
  const operations = Object.values(workflow.jobs).flatMap((job) =>
    job.steps.flatMap((step) => (step.with?.operation ? [step.with.operation as Operation] : []))
  )
  return {
    where: 'examples/scheduled-monitor.yml',
    operations: [...new Set(operations)],
    allowed: new Set(header.match(/\b(?:sagemaker|cloudwatch|application-autoscaling):\w+/g) ?? [])
  }
}

const IAM_PREFIX: Record<string, string> = {
  sagemaker: 'sagemaker',
  runtime: 'sagemaker',
  cloudwatch: 'cloudwatch',
  autoscaling: 'application-autoscaling'
}

const PACKAGE = 'arn:aws:sagemaker:us-east-1:123456789012:model-package/fraud/3'
const gates = { 'alarm-names': 'fraud-5xx', 'max-error-rate': '1%', 'probe-payload': '{"amount": 1}' }
const scaled = (fake: FakeAws): void => fake.seedScaling('fraud', 'AllTraffic', { min: 1, max: 4 })
const alarmOk = (fake: FakeAws): void => void fake.alarms.set('fraud-5xx', 'OK')

/**
 * Each operation, run through the fake along the paths that call the most:
 * gates of every kind, autoscaling to move, a rollback, SageMaker's
 * controller, a new endpoint, a registry package, a delete of everything.
 */
const SCENARIOS: Record<Operation, Array<{ seed: (fake: FakeAws) => void; inputs: Record<string, string> }>> = {
  deploy: [
    {
      seed: (fake) => (seedServingEndpoint(fake, 2), scaled(fake), alarmOk(fake)),
      inputs: { ...CANARY_DEPLOY, ...gates }
    },
    {
      seed: (fake) => (seedServingEndpoint(fake, 2), alarmOk(fake), fake.failingProbeVariants.add('fraud-v2')),
      inputs: { ...CANARY_DEPLOY, ...gates }
    },
    {
      seed: (fake) => seedServingEndpoint(fake, 2),
      inputs: {
        ...CANARY_DEPLOY,
        'rollout-controller': 'sagemaker',
        'traffic-steps': '50,100',
        'max-error-rate': '1%',
        timeout: '45m'
      }
    },
    {
      seed: (fake) => fake.modelPackages.set(PACKAGE, { approval: 'Approved' }),
      inputs: {
        operation: 'deploy',
        'endpoint-name': 'fresh',
        'model-package-arn': PACKAGE,
        'execution-role-arn': ROLE_ARN
      }
    }
  ],
  promote: [
    {
      seed: (fake) => (seedPausedCanary(fake), alarmOk(fake)),
      inputs: { operation: 'promote', 'endpoint-name': 'fraud', ...gates }
    }
  ],
  rollback: [
    {
      seed: (fake) => (seedPausedCanary(fake), scaled(fake)),
      inputs: { operation: 'rollback', 'endpoint-name': 'fraud' }
    }
  ],
  'update-traffic': [
    {
      seed: (fake) => seedPausedCanary(fake),
      inputs: { operation: 'update-traffic', 'endpoint-name': 'fraud', 'variant-weights': 'AllTraffic=90, fraud-v2=10' }
    }
  ],
  'update-capacity': [
    {
      seed: (fake) => seedServingEndpoint(fake),
      inputs: { operation: 'update-capacity', 'endpoint-name': 'fraud', 'instance-count': '3' }
    }
  ],
  'configure-autoscaling': [
    {
      seed: (fake) => seedServingEndpoint(fake),
      inputs: {
        operation: 'configure-autoscaling',
        'endpoint-name': 'fraud',
        'min-capacity': '1',
        'max-capacity': '4',
        'scaling-metric': 'InvocationsPerInstance',
        'target-value': '70'
      }
    }
  ],
  'delete-autoscaling': [
    {
      seed: (fake) => (seedServingEndpoint(fake), scaled(fake)),
      inputs: { operation: 'delete-autoscaling', 'endpoint-name': 'fraud' }
    }
  ],
  monitor: [
    {
      seed: (fake) => (seedPausedCanary(fake), alarmOk(fake)),
      inputs: { operation: 'monitor', 'endpoint-name': 'fraud', 'alarm-names': 'fraud-5xx', 'max-error-rate': '1%' }
    }
  ],
  'health-check': [
    {
      seed: (fake) => seedPausedCanary(fake),
      inputs: { operation: 'health-check', 'endpoint-name': 'fraud', 'probe-payload': '{"amount": 1}' }
    }
  ],
  delete: [
    {
      seed: (fake) => (seedServingEndpoint(fake), scaled(fake)),
      inputs: {
        operation: 'delete',
        'endpoint-name': 'fraud',
        'delete-endpoint-config': 'true',
        'delete-model': 'true'
      }
    }
  ]
}

/** The IAM actions an operation's scenarios call, as the fake saw them. */
async function actionsCalledBy(operation: Operation): Promise<string[]> {
  const actions = new Set<string>()
  for (const scenario of SCENARIOS[operation]) {
    resetAws()
    const fake = new FakeAws()
    scenario.seed(fake)
    fake.install(aws)
    const clock = withTraffic(fake)
    const result = await runAction(scenario.inputs, { clock })
    if (result.failed && !/rolled back|Rolled back/.test(result.failed)) {
      throw new Error(`${operation} failed in the fake: ${result.failed}`)
    }
    for (const name of awsCallNames({ lock: true })) {
      const [service, api] = name.split('.') as [string, string]
      actions.add(`${IAM_PREFIX[service] ?? service}:${api}`)
    }
  }
  return [...actions].sort()
}

describe('every IAM policy in the docs', () => {
  beforeEach(() => resetAws())
  const policies = [...readmePolicies(), scheduledMonitorPolicy()]

  it('finds the policies: the full one, the read-only one and the scheduled example', () => {
    expect(policies.map((policy) => policy.operations.length)).toEqual([OPERATIONS.length, 2, 2])
    expect(new Set(Object.keys(SCENARIOS))).toEqual(new Set(OPERATIONS))
  })

  it.each(policies.map((policy) => [policy.where, policy] as const))(
    '%s grants every call its operations make',
    async (_where, policy) => {
      const missing: string[] = []
      for (const operation of policy.operations) {
        const used = await actionsCalledBy(operation)
        expect(used.length).toBeGreaterThan(0)
        missing.push(...used.filter((action) => !policy.allowed.has(action)).map((action) => `${operation}: ${action}`))
      }
      expect(missing).toEqual([])
    }
  )
})

describe('IAM policy in the README', () => {
  const policyJson = /<!-- iam-policy:start -->\n```json\n([\s\S]*?)\n```/.exec(readme)?.[1] ?? '{}'
  const policy = JSON.parse(policyJson) as { Statement: Array<{ Action: string | string[] }> }
  const allowed = new Set(policy.Statement.flatMap((statement) => [statement.Action].flat()))

  it('grants every AWS API the source calls', () => {
    const used = actionsUsedBySource()
    expect(used.length).toBeGreaterThan(15)
    expect(used.filter((action) => !allowed.has(action))).toEqual([])
  })

  it('includes iam:PassRole for the execution role', () => {
    expect(allowed.has('iam:PassRole')).toBe(true)
  })
})
