#!/usr/bin/env node
// `npm run release -- 1.2.0 [--dry-run]`: cut a release of the action.
//
// Users pin `@v1` (or `@v1.2.0`), and the runner executes the committed
// dist/index.js at that tag, so a release is: a clean main whose dist/ matches
// src/, the version bumped everywhere it is compiled in (package.json,
// src/version.ts, and so dist/, which carries it in the AWS user agent), the
// CHANGELOG's Unreleased section filed under the version, one commit, the tag
// v1.2.0, and the major tag v1 moved to it. Pushing stays a deliberate step:
// the script prints the commands instead of running them.
//
// --dry-run runs the read-only checks and prints every step without changing
// anything; a failed check is reported and the rest of the plan still shown.

import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const RELEASE_BRANCH = 'main'
const VERSION_FILE = 'src/version.ts'
const CHANGELOG = 'CHANGELOG.md'
const SEMVER = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/

const argv = process.argv.slice(2)
const dryRun = argv.includes('--dry-run')
const positional = argv.filter((arg) => !arg.startsWith('--'))
const unknownFlags = argv.filter((arg) => arg.startsWith('--') && arg !== '--dry-run')

function usage(message) {
  if (message) console.error(`${message}\n`)
  console.error('Usage: npm run release -- <version> [--dry-run]    (for example: npm run release -- 1.2.0)')
  process.exit(2)
}

if (unknownFlags.length > 0) usage(`Unknown option ${unknownFlags.join(', ')}.`)
if (positional.length !== 1) usage('Give exactly one version.')
const version = positional[0].replace(/^v/, '')
const parsed = SEMVER.exec(version)
if (!parsed) usage(`"${positional[0]}" is not a version like 1.2.0 (or 1.2.0-rc.1).`)
const tag = `v${version}`
const prerelease = parsed[4] !== undefined
// A prerelease must not move the tag every user of @v1 runs.
const majorTag = prerelease ? undefined : `v${parsed[1]}`

const git = (...args) => execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim()
const quote = (arg) => (/^[\w@%+=:,./^-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`)

let failedChecks = 0
const step = (text) => console.log(`${dryRun ? '[dry-run] ' : ''}${text}`)

/** A read-only check: runs in a dry run too. */
function check(description, test) {
  let problem
  try {
    problem = test()
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error)
  }
  if (!problem) {
    console.log(`✔ ${description}`)
    return
  }
  failedChecks++
  console.log(`✘ ${description}: ${problem}`)
  if (!dryRun) process.exit(1)
}

/** A change: printed in a dry run, done otherwise. */
function change(description, command, action) {
  step(`${description}${command ? `\n    $ ${command}` : ''}`)
  if (!dryRun) action()
}

function compareVersions(a, b) {
  const pa = SEMVER.exec(a)
  const pb = SEMVER.exec(b)
  if (!pa || !pb) return 0
  for (let i = 1; i <= 3; i++) {
    const diff = Number(pa[i]) - Number(pb[i])
    if (diff !== 0) return diff
  }
  // 1.2.0-rc.1 comes before 1.2.0
  if (pa[4] === undefined || pb[4] === undefined) return (pa[4] === undefined) - (pb[4] === undefined)
  return pa[4].localeCompare(pb[4], 'en', { numeric: true })
}

const packageJson = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'))
const currentVersion = packageJson.version

console.log(`Release ${tag} (from ${currentVersion})${dryRun ? ': dry run, nothing will change' : ''}\n`)

// ---------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------

check(`on branch ${RELEASE_BRANCH}`, () => {
  const branch = git('rev-parse', '--abbrev-ref', 'HEAD')
  return branch === RELEASE_BRANCH ? undefined : `on "${branch}"`
})

check('the working tree is clean', () => {
  const status = execFileSync('git', ['status', '--porcelain'], { cwd: REPO_ROOT, encoding: 'utf8' }).trimEnd()
  return status ? `uncommitted changes:\n${status}` : undefined
})

check(`${tag} is newer than ${currentVersion}`, () =>
  compareVersions(version, currentVersion) > 0 ? undefined : `${version} is not above ${currentVersion}`
)

check(`the tag ${tag} does not exist yet`, () =>
  git('tag', '--list', tag) ? `${tag} already exists (git show ${tag})` : undefined
)

const versionSource = readFileSync(path.join(REPO_ROOT, VERSION_FILE), 'utf8')
const VERSION_LINE = /^(export const ACTION_VERSION = )'[^']*'$/m
check(`${VERSION_FILE} declares ACTION_VERSION`, () =>
  VERSION_LINE.test(versionSource) ? undefined : `no line "export const ACTION_VERSION = '...'"`
)

const changelog = existsSync(path.join(REPO_ROOT, CHANGELOG))
  ? readFileSync(path.join(REPO_ROOT, CHANGELOG), 'utf8')
  : ''
const UNRELEASED = /^## \[?Unreleased\]?[^\n]*\n([\s\S]*?)(?=^## |(?![\s\S]))/m
const releaseNotes = UNRELEASED.exec(changelog)?.[1]?.trim() ?? ''
check(`${CHANGELOG} says what is in the release (its Unreleased section)`, () =>
  releaseNotes ? undefined : `add the release's changes under "## [Unreleased]" first`
)

check('dist/ matches src/', () => {
  try {
    execFileSync(process.execPath, ['scripts/check-dist.mjs'], { cwd: REPO_ROOT, encoding: 'utf8', stdio: 'pipe' })
    return undefined
  } catch (error) {
    return `${(error.stderr || error.stdout || error.message).trim()}`
  }
})

if (failedChecks > 0) console.log(`\n${failedChecks} check(s) failed: a real run would stop there.`)
console.log()

// ---------------------------------------------------------------------------
// Changes
// ---------------------------------------------------------------------------

change(
  `Set the version to ${version} in package.json and package-lock.json`,
  `npm version ${version} --no-git-tag-version`,
  () =>
    execFileSync('npm', ['version', version, '--no-git-tag-version', '--allow-same-version'], {
      cwd: REPO_ROOT,
      stdio: 'inherit'
    })
)

change(`Set ACTION_VERSION to '${version}' in ${VERSION_FILE}`, undefined, () =>
  writeFileSync(path.join(REPO_ROOT, VERSION_FILE), versionSource.replace(VERSION_LINE, `$1'${version}'`))
)

const today = new Date().toISOString().slice(0, 10)
change(`File the Unreleased notes in ${CHANGELOG} under "## [${version}] - ${today}"`, undefined, () => {
  const updated = changelog.replace(/^## \[?Unreleased\]?[^\n]*\n/m, `## [Unreleased]\n\n## [${version}] - ${today}\n`)
  writeFileSync(path.join(REPO_ROOT, CHANGELOG), updated)
})

// The version is compiled into the bundle (the AWS user agent), so dist/ changes with it.
change('Rebuild dist/', 'npm run build', () =>
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: REPO_ROOT, stdio: 'inherit' })
)

const files = ['package.json', 'package-lock.json', VERSION_FILE, CHANGELOG, 'dist']
change('Commit', `git add ${files.join(' ')} && git commit -m ${quote(`Release ${tag}`)}`, () => {
  git('add', '--', ...files)
  git('commit', '--quiet', '-m', `Release ${tag}`)
})

// An annotated tag carrying the notes: `gh release create --notes-from-tag` publishes them.
change(`Tag ${tag} (annotated, with the release notes)`, `git tag -a ${tag} -F <notes>`, () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'release-notes-'))
  try {
    const notes = path.join(dir, 'notes.md')
    writeFileSync(notes, `${tag}\n\n${releaseNotes}\n`)
    // Markdown headings start with '#', which the default cleanup drops as comments.
    git('tag', '-a', tag, '--cleanup=whitespace', '-F', notes)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

if (majorTag) {
  change(`Move the major tag ${majorTag} to ${tag}`, `git tag -f ${majorTag}`, () => git('tag', '-f', majorTag))
} else {
  step(`${tag} is a prerelease: ${`v${parsed[1]}`} stays where it is.`)
}

console.log(
  dryRun
    ? '\nThen, as a real run would, print how to publish:\n'
    : `\nReleased ${tag} locally; nothing was pushed. Push with:\n`
)
console.log(`  git push origin ${RELEASE_BRANCH} ${tag}`)
if (majorTag) console.log(`  git push --force origin ${majorTag}`)
console.log(`\nThen publish it (and list it on the Marketplace):\n`)
console.log(`  gh release create ${tag} --verify-tag --notes-from-tag${prerelease ? ' --prerelease' : ''}`)

if (dryRun && failedChecks > 0) process.exit(1)
