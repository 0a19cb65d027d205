import { describe, expect, it } from '@jest/globals'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
// @ts-expect-error: a plain ES module script without types
import { renderDefaults, renderTables, updateReadme } from '../../scripts/docs.mjs'

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
