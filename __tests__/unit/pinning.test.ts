// Organisations that let an action hold their AWS role often require every
// action pinned to a full commit SHA (a tag can be moved to other code):
// https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#using-third-party-actions
// The workflows users copy, and our own, pin so, with the version in a comment
// as Dependabot and Renovate write and update it.
import { describe, expect, it } from '@jest/globals'
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'

const WORKFLOW_DIRS = ['.github/workflows', 'examples']
/** How the examples name this action: the release commit's SHA, which README says where to find. */
const THIS_ACTION = 'your-org/sagemaker-deploy-action'
const THIS_ACTION_REF = 'RELEASE_COMMIT_SHA'

interface UsesLine {
  file: string
  line: number
  action: string
  ref: string
  comment: string | undefined
}

/** Every `uses:` key of a workflow file, with the comment after it (YAML parsers drop comments). */
export function usesLines(file: string, text: string): UsesLine[] {
  return text.split('\n').flatMap((content, index) => {
    const match = /^\s*(?:-\s+)?uses:\s*['"]?([^\s'"#]+)['"]?\s*(?:#\s*(.*))?$/.exec(content)
    if (!match) return []
    const [action, ref = ''] = (match[1] as string).split('@')
    return [{ file, line: index + 1, action: action as string, ref, comment: match[2]?.trim() }]
  })
}

/** Why a `uses:` is not pinned as required, or undefined when it is. */
export function pinningProblem(uses: UsesLine, releaseVersion: string): string | undefined {
  if (uses.action.startsWith('./')) return undefined
  if (uses.action === THIS_ACTION) {
    return uses.ref === THIS_ACTION_REF && uses.comment === `v${releaseVersion}`
      ? undefined
      : `names this action as ${THIS_ACTION}@${THIS_ACTION_REF} # v${releaseVersion}`
  }
  if (!/^[0-9a-f]{40}$/.test(uses.ref)) return `pins ${uses.action} by "${uses.ref}", not a full commit SHA`
  if (!/^v\d+\.\d+\.\d+$/.test(uses.comment ?? '')) return `gives no "# vX.Y.Z" comment for ${uses.action}`
  return undefined
}

const workflowFiles = WORKFLOW_DIRS.flatMap((dir) =>
  readdirSync(dir)
    .filter((file) => /\.ya?ml$/.test(file))
    .map((file) => path.join(dir, file))
)
const allUses = workflowFiles.flatMap((file) => usesLines(file, readFileSync(file, 'utf8')))
const releaseVersion = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version
const where = (uses: UsesLine): string => `${uses.file}:${uses.line}`

describe('pinning of every action the workflows use', () => {
  it('finds the uses: lines of the workflows and examples', () => {
    expect(workflowFiles).toContain(path.join('.github', 'workflows', 'release.yml'))
    expect(allUses.filter((uses) => uses.action === 'actions/checkout').length).toBeGreaterThan(0)
    expect(allUses.filter((uses) => uses.action === THIS_ACTION).length).toBeGreaterThan(0)
  })

  it('pins each by a full commit SHA with its version in a comment', () => {
    const problems = allUses.flatMap((uses) => {
      const problem = pinningProblem(uses, releaseVersion)
      return problem ? [`${where(uses)} ${problem}`] : []
    })
    expect(problems).toEqual([])
  })

  it('pins each action at one commit and one version everywhere', () => {
    const pins = new Map<string, Set<string>>()
    for (const uses of allUses.filter((entry) => !entry.action.startsWith('./'))) {
      pins.set(uses.action, (pins.get(uses.action) ?? new Set()).add(`${uses.ref} # ${uses.comment ?? ''}`))
    }
    const split = [...pins].filter(([, refs]) => refs.size > 1).map(([action, refs]) => `${action}: ${[...refs]}`)
    expect(split).toEqual([])
  })

  it('refuses a tag, a short SHA, a missing version comment and this action by tag', () => {
    const sha = 'd23441a48e516b6c34aea4fa41551a30e30af803'
    const lines = [
      '      - uses: actions/checkout@v6',
      `      - uses: actions/checkout@${sha.slice(0, 12)} # v6.1.0`,
      `      - uses: actions/checkout@${sha}`,
      `        uses: ${THIS_ACTION}@v1`,
      `      - uses: actions/checkout@${sha} # v6.1.0`,
      `        uses: ${THIS_ACTION}@${THIS_ACTION_REF} # v${releaseVersion}`,
      '        uses: ./'
    ].join('\n')
    const verdicts = usesLines('fixture.yml', lines).map((uses) => pinningProblem(uses, releaseVersion) === undefined)
    expect(verdicts).toEqual([false, false, false, false, true, true, true])
  })
})
