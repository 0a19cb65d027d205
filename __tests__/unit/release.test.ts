// The release workflow runs scripts/release.mjs before it builds anything:
// a tag that names another version than the source, or has no notes, stops it.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { changelogSection, fileUnreleased, parseVersion, releaseProblems } from '../../scripts/release.mjs'

const files = {
  packageJson: readFileSync('package.json', 'utf8'),
  packageLock: readFileSync('package-lock.json', 'utf8'),
  versionSource: readFileSync('src/version.ts', 'utf8'),
  changelog: readFileSync('CHANGELOG.md', 'utf8')
}
const version = (JSON.parse(files.packageJson) as { version: string }).version

describe('the release check', () => {
  it('passes the tag of the version the source declares, which has its notes', () => {
    expect(releaseProblems(`v${version}`, files)).toEqual([])
    expect(changelogSection(files.changelog, version)).toContain('The first release.')
  })

  it('stops a tag for another version, naming every file that disagrees', () => {
    const problems = releaseProblems('v9.9.9', files) as string[]
    expect(problems).toHaveLength(4)
    expect(problems.join('\n')).toMatch(/package\.json declares .* not 9\.9\.9/)
    expect(problems.join('\n')).toContain('src/version.ts')
    expect(problems.join('\n')).toContain('no notes under "## [9.9.9]"')
  })

  it('stops a tag that is not a version', () => {
    expect(releaseProblems('1.0.0', files)).toHaveLength(1)
    expect(releaseProblems('v1', files)).toHaveLength(1)
    expect(parseVersion('v1.3.0-rc.1')).toEqual({
      version: '1.3.0-rc.1',
      tag: 'v1.3.0-rc.1',
      major: 'v1',
      prerelease: true
    })
  })

  it('files the Unreleased notes under the version, leaving Unreleased empty', () => {
    const changelog = '# Changelog\n\n## [Unreleased]\n\n- New input.\n\n## [1.0.0] - 2026-12-06\n\n- First.\n'
    const filed = fileUnreleased(changelog, '1.1.0', '2027-01-02') as string
    expect(changelogSection(filed, 'Unreleased')).toBe('')
    expect(changelogSection(filed, '1.1.0')).toBe('- New input.')
    expect(changelogSection(filed, '1.0.0')).toBe('- First.')
    expect(() => fileUnreleased(filed, '1.2.0', '2027-01-03')).toThrow(/no notes/)
  })
})
