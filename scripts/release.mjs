#!/usr/bin/env node
// Releases are cut by .github/workflows/release.yml when a version tag is
// pushed; this script is what it runs, and what a maintainer runs first.
//
//   npm run release -- prepare 1.2.0   set the version in package.json, package-lock.json and
//                                      src/version.ts, and file CHANGELOG's Unreleased notes under it
//   npm run release -- check v1.2.0    what the workflow will check before it builds: the version
//                                      everywhere, the notes, and (unless --skip-dist) dist/ against src/
//   npm run release -- notes v1.2.0    the release notes the workflow publishes
//
// It never tags, pushes or publishes: the tag push is the deliberate step, and
// the workflow builds, attests and publishes from it.

import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const VERSION_FILE = 'src/version.ts'
const CHANGELOG = 'CHANGELOG.md'
const SEMVER = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/
const VERSION_LINE = /^(export const ACTION_VERSION = )'([^']*)'$/m

/** `v1.2.0` or `1.2.0` to its parts; undefined for anything else. */
export function parseVersion(text) {
  const version = String(text).replace(/^v/, '')
  const match = SEMVER.exec(version)
  if (!match) return undefined
  return { version, tag: `v${version}`, major: `v${match[1]}`, prerelease: match[4] !== undefined }
}

/** The body of a `## [heading]` section of a Keep a Changelog file, trimmed; undefined when absent. */
export function changelogSection(changelog, heading) {
  const escaped = heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const section = new RegExp(`^## \\[${escaped}\\][^\\n]*\\n([\\s\\S]*?)(?=^## |(?![\\s\\S]))`, 'm').exec(changelog)
  return section ? section[1].trim() : undefined
}

/** The changelog with the Unreleased notes filed under `version`, and an empty Unreleased above them. */
export function fileUnreleased(changelog, version, date) {
  const notes = changelogSection(changelog, 'Unreleased')
  if (!notes) throw new Error(`${CHANGELOG} has no notes under "## [Unreleased]".`)
  if (changelogSection(changelog, version) !== undefined) throw new Error(`${CHANGELOG} already has ${version}.`)
  return changelog.replace(/^## \[Unreleased\][^\n]*\n/m, `## [Unreleased]\n\n## [${version}] - ${date}\n`)
}

/** Every problem that would stop the workflow for `tag`, as sentences; empty when it would go on. */
export function releaseProblems(tag, files) {
  const parsed = parseVersion(tag)
  if (!parsed || !tag.startsWith('v')) return [`"${tag}" is not a version tag like v1.2.0 or v1.3.0-rc.1.`]
  const problems = []
  const declared = {
    'package.json': JSON.parse(files.packageJson).version,
    'package-lock.json': JSON.parse(files.packageLock).version,
    [VERSION_FILE]: VERSION_LINE.exec(files.versionSource)?.[2]
  }
  for (const [file, version] of Object.entries(declared)) {
    if (version !== parsed.version) problems.push(`${file} declares ${version ?? 'no version'}, not ${parsed.version}.`)
  }
  if (!changelogSection(files.changelog, parsed.version)) {
    problems.push(`${CHANGELOG} has no notes under "## [${parsed.version}]" for the release.`)
  }
  return problems
}

const read = (file) => readFileSync(path.join(REPO_ROOT, file), 'utf8')
const readReleaseFiles = () => ({
  packageJson: read('package.json'),
  packageLock: read('package-lock.json'),
  versionSource: read(VERSION_FILE),
  changelog: read(CHANGELOG)
})

function check(tag, skipDist) {
  const problems = releaseProblems(tag, readReleaseFiles())
  if (!skipDist) {
    try {
      execFileSync(process.execPath, ['scripts/check-dist.mjs'], { cwd: REPO_ROOT, stdio: 'pipe' })
    } catch (error) {
      problems.push(String(error.stderr || error.message).trim())
    }
  }
  for (const problem of problems) console.error(`✘ ${problem}`)
  if (problems.length > 0) process.exit(1)
  console.log(`✔ ${tag} is ready: push the tag and the Release workflow builds, attests and publishes it.`)
}

function prepare(text) {
  const parsed = parseVersion(text)
  if (!parsed) usage(`"${text}" is not a version like 1.2.0 or 1.3.0-rc.1.`)
  const today = new Date().toISOString().slice(0, 10)
  writeFileSync(path.join(REPO_ROOT, CHANGELOG), fileUnreleased(read(CHANGELOG), parsed.version, today))
  execFileSync('npm', ['version', parsed.version, '--no-git-tag-version', '--allow-same-version'], {
    cwd: REPO_ROOT,
    stdio: 'ignore'
  })
  writeFileSync(path.join(REPO_ROOT, VERSION_FILE), read(VERSION_FILE).replace(VERSION_LINE, `$1'${parsed.version}'`))
  console.log(
    [
      `Prepared ${parsed.tag}. Next:`,
      `  npm run build                      # the version is in the AWS user agent, so dist/ changes`,
      `  git commit -am "Release ${parsed.tag}"  # with dist/, through a pull request to main`,
      `  npm run release -- check ${parsed.tag}   # on main, once merged`,
      `  git tag -a ${parsed.tag} -m ${parsed.tag} && git push origin ${parsed.tag}`
    ].join('\n')
  )
}

function usage(message) {
  if (message) console.error(`${message}\n`)
  console.error('Usage: npm run release -- prepare <version> | check <tag> [--skip-dist] | notes <tag>')
  process.exit(2)
}

function main(argv) {
  const [command, value] = argv.filter((arg) => !arg.startsWith('--'))
  if (!value) usage()
  if (command === 'prepare') return prepare(value)
  if (command === 'check') return check(value, argv.includes('--skip-dist'))
  if (command === 'notes') {
    const notes = changelogSection(read(CHANGELOG), parseVersion(value)?.version ?? value)
    if (!notes) usage(`${CHANGELOG} has no section for ${value}.`)
    return console.log(notes)
  }
  usage(`Unknown command "${command}".`)
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2))
