// The documents stay in step with the workflows: no relative link that leads
// nowhere, and no action named at a version older than the one the examples
// and workflows pin (a reader copies the page, not the example).
import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'

const SKIPPED_DIRS = new Set(['node_modules', '.cache', '.git', 'dist', 'coverage'])

function markdownFiles(dir = '.'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : markdownFiles(full)
    return entry.name.endsWith('.md') ? [full] : []
  })
}

/** Relative link targets of a Markdown text, outside code blocks and inline code. */
export function relativeLinks(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '')
  return [...prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)]
    .map((match) => match[1] as string)
    .filter((target) => !/^([a-z][a-z0-9+.-]*:|#)/i.test(target))
}

type Version = [number, number, number]

/** `v6`, `v6.2` or `v6.2.3` to numbers; a part left out is open (`v6` is any 6.x.y). */
function parseVersion(text: string): { parts: number[] } | undefined {
  const match = /^v(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(text)
  return match
    ? {
        parts: match
          .slice(1)
          .filter((part) => part !== undefined)
          .map(Number)
      }
    : undefined
}

/** True when `named` is older than `pinned`, comparing only the parts `named` gives. */
export function isOlder(named: string, pinned: Version): boolean {
  const parsed = parseVersion(named)
  if (!parsed) return false
  for (let i = 0; i < parsed.parts.length; i++) {
    const diff = (parsed.parts[i] as number) - pinned[i]!
    if (diff !== 0) return diff < 0
  }
  return false
}

/** `owner/repo@ref` mentions, with the version a SHA pin's comment gives. */
export function actionMentions(text: string): Array<{ action: string; version: string }> {
  return [...text.matchAll(/\b([\w.-]+\/[\w.-]+)@([\w.-]+)(?:\s*#\s*(v[\d.]+))?/g)].flatMap((match) => {
    const ref = match[2] as string
    const version = /^[0-9a-f]{40}$/.test(ref) ? match[3] : ref
    return version && /^v\d/.test(version) ? [{ action: match[1] as string, version }] : []
  })
}

/** The newest version of each action the workflows and examples pin. */
function pinnedVersions(): Map<string, Version> {
  const pinned = new Map<string, Version>()
  for (const dir of ['.github/workflows', 'examples']) {
    for (const file of readdirSync(dir).filter((name) => /\.ya?ml$/.test(name))) {
      for (const { action, version } of actionMentions(readFileSync(path.join(dir, file), 'utf8'))) {
        const parts = parseVersion(version)?.parts
        if (parts?.length !== 3) continue
        const current = pinned.get(action)
        if (!current || isOlder(`v${current.join('.')}`, parts as Version)) pinned.set(action, parts as Version)
      }
    }
  }
  return pinned
}

const documents = markdownFiles()

describe('the documents', () => {
  it('are found, README and docs/ among them', () => {
    expect(documents).toEqual(expect.arrayContaining(['README.md', path.join('docs', 'maintainers.md')]))
  })

  it.each(documents)('%s has no relative link that leads nowhere', (file) => {
    const broken = relativeLinks(readFileSync(file, 'utf8')).filter((target) => {
      const withoutAnchor = decodeURI(target.split('#')[0] as string)
      return !existsSync(path.resolve(path.dirname(file), withoutAnchor))
    })
    expect(broken).toEqual([])
  })

  it.each(documents)('%s names no action older than the examples pin', (file) => {
    const pinned = pinnedVersions()
    const older = actionMentions(readFileSync(file, 'utf8')).filter(({ action, version }) => {
      const newest = pinned.get(action)
      return newest !== undefined && isOlder(version, newest)
    })
    expect(older).toEqual([])
  })

  it('would catch an older action and a dead link', () => {
    expect(pinnedVersions().get('aws-actions/configure-aws-credentials')).toBeDefined()
    const page = 'uses: aws-actions/configure-aws-credentials@v4\nsee [the examples](examples/) and [x](#anchor)'
    const pinned = pinnedVersions()
    const older = actionMentions(page).filter(({ action, version }) => isOlder(version, pinned.get(action)!))
    expect(older.map(({ version }) => version)).toEqual(['v4'])
    expect(relativeLinks(page)).toEqual(['examples/'])
    expect(existsSync(path.resolve('docs', 'examples/'))).toBe(false)
    expect(isOlder('v6', [6, 2, 3])).toBe(false)
    expect(isOlder('v6.1.0', [6, 2, 3])).toBe(true)
  })
})
