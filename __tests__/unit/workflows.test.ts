// The CI workflows and the examples users copy must be valid workflows, and
// must pass this action only inputs that action.yml declares: GitHub merely
// warns about an unknown input, so a typo there would silently do nothing.
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parse } from 'yaml'

const WORKFLOW_DIRS = ['.github/workflows', 'examples']
const ACTIONLINT = path.resolve('node_modules', '@tktco', 'node-actionlint', 'bin', 'node-actionlint.js')
/** How the examples refer to this action (pinned by SHA, see pinning.test.ts), and how CI runs it on itself. */
const THIS_ACTION = /^(\.\/?|your-org\/sagemaker-deploy-action@RELEASE_COMMIT_SHA)$/

const workflowFiles = WORKFLOW_DIRS.flatMap((dir) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((file) => /\.ya?ml$/.test(file))
        .map((file) => path.join(dir, file))
    : []
)

interface Finding {
  file: string
  line: number
  column: number
  message: string
  kind: string
}

interface LintRun {
  status: number | null
  output: string
  checked: number
  findings: Finding[]
}

/** Runs the actionlint CLI (actionlint compiled to WebAssembly) on a glob pattern. */
function actionlint(pattern: string, cwd = process.cwd()): LintRun {
  const result = spawnSync(process.execPath, [ACTIONLINT, pattern], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    timeout: 120_000
  })
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`
  const findings: Finding[] = []
  for (const line of output.split('\n')) {
    const match = /^(\S.*?):(\d+):(\d+) (.*) \[ ?([\w-]+) ?\]$/.exec(line)
    if (match) {
      findings.push({
        file: path.normalize(match[1] as string),
        line: Number(match[2]),
        column: Number(match[3]),
        message: match[4] as string,
        kind: match[5] as string
      })
    }
  }
  const checked = Number(/Checking (\d+) workflow file/.exec(output)?.[1] ?? 0)
  return { status: result.status, output, checked, findings }
}

type Step = { uses?: unknown; with?: Record<string, unknown>; name?: unknown }
type Job = { steps?: Step[]; permissions?: unknown }
type Workflow = { permissions?: unknown; jobs?: Record<string, Job> }

const readWorkflow = (file: string): Workflow => parse(readFileSync(file, 'utf8')) as Workflow

/** Every step of every job that runs this action. */
function stepsUsingThisAction(workflow: Workflow): Array<{ job: string; step: Step; index: number }> {
  return Object.entries(workflow.jobs ?? {}).flatMap(([job, definition]) =>
    (definition.steps ?? []).flatMap((step, index) =>
      typeof step.uses === 'string' && THIS_ACTION.test(step.uses) ? [{ job, step, index }] : []
    )
  )
}

const actionInputs = (parse(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, { required?: boolean }> })
  .inputs
const declared = new Set(Object.keys(actionInputs))
const required = Object.entries(actionInputs)
  .filter(([, input]) => input.required)
  .map(([name]) => name)

describe('workflow files', () => {
  it('exist: CI, and the three examples', () => {
    expect(workflowFiles).toEqual(
      expect.arrayContaining([
        path.join('.github', 'workflows', 'ci.yml'),
        path.join('examples', 'release.yml'),
        path.join('examples', 'manual-operations.yml'),
        path.join('examples', 'scheduled-monitor.yml')
      ])
    )
  })
})

describe('actionlint', () => {
  let lint: LintRun | undefined
  const lintAll = (): LintRun => (lint ??= actionlint(`{${WORKFLOW_DIRS.join(',')}}/*.{yml,yaml}`))

  it('checks every workflow file', () => {
    const run = lintAll()
    expect(run.checked).toBe(workflowFiles.length)
  }, 120_000)

  it.each(workflowFiles)(
    'finds nothing in %s',
    (file) => {
      const run = lintAll()
      const findings = run.findings.filter((finding) => finding.file === path.normalize(file))
      expect(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.message} [${f.kind}]`)).toEqual([])
    },
    120_000
  )

  it('exits cleanly, with no finding anywhere', () => {
    const run = lintAll()
    if (run.status !== 0) throw new Error(`actionlint exited ${run.status}:\n${run.output}`)
    expect(run.findings).toEqual([])
  }, 120_000)

  // Without this, a linter that silently checks nothing would pass every file.
  it('reports a broken workflow', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'actionlint-'))
    try {
      writeFileSync(
        path.join(dir, 'broken.yml'),
        [
          'on: push',
          'jobs:',
          '  build:',
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - uses: actions/checkout@v4',
          '        with:',
          '          fetch-deep: 0',
          '      - run: echo "${{ github.no_such_property }}"',
          ''
        ].join('\n')
      )
      const run = actionlint('*.yml', dir)
      expect(run.status).not.toBe(0)
      expect(run.findings.map((finding) => finding.line).sort()).toEqual([8, 9])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 120_000)
})

describe.each(workflowFiles)('%s', (file) => {
  const workflow = readWorkflow(file)
  const uses = stepsUsingThisAction(workflow)

  it('passes this action only inputs declared in action.yml', () => {
    const unknown = uses.flatMap(({ job, step, index }) =>
      Object.keys(step.with ?? {})
        .filter((key) => !declared.has(key))
        .map((key) => `jobs.${job}.steps[${index}] (${String(step.name ?? step.uses)}): "${key}"`)
    )
    expect(unknown).toEqual([])
  })

  it('gives this action every required input', () => {
    const missing = uses.flatMap(({ job, step, index }) =>
      required
        .filter((name) => step.with?.[name] === undefined || step.with[name] === '')
        .map((name) => `jobs.${job}.steps[${index}] (${String(step.name ?? step.uses)}): "${name}"`)
    )
    expect(missing).toEqual([])
  })

  if (file.startsWith('examples')) {
    it('uses the action as users reference it', () => {
      expect(uses.length).toBeGreaterThan(0)
      for (const { step } of uses) expect(step.uses).toBe('your-org/sagemaker-deploy-action@RELEASE_COMMIT_SHA')
    })

    it('gets AWS credentials through OIDC in every job that uses the action', () => {
      for (const [name, job] of Object.entries(workflow.jobs ?? {})) {
        const steps = job.steps ?? []
        if (!steps.some((step) => typeof step.uses === 'string' && THIS_ACTION.test(step.uses))) continue
        const credentials = steps.findIndex(
          (step) => typeof step.uses === 'string' && step.uses.startsWith('aws-actions/configure-aws-credentials@')
        )
        const first = steps.findIndex((step) => typeof step.uses === 'string' && THIS_ACTION.test(step.uses))
        expect({ job: name, credentialsFirst: credentials >= 0 && credentials < first }).toEqual({
          job: name,
          credentialsFirst: true
        })
        const permissions = (job.permissions ?? workflow.permissions) as Record<string, string> | undefined
        expect({ job: name, idToken: permissions?.['id-token'] }).toEqual({ job: name, idToken: 'write' })
      }
    })
  }
})
