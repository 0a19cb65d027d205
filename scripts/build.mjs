// `npm run build [-- <out dir>]`: bundle src/ into dist/ (or <out dir>) with ncc,
// then write licenses.txt for every package the bundle carries.
//
// The bundle is split: each operation is a dynamic import that ncc emits as a
// chunk beside index.js. ncc's own --license writes one file per chunk under the
// same name, so the last chunk's packages overwrite the rest; the licenses are
// collected here instead, from the build's module list, across all chunks.
// check-dist.mjs builds through this script too, so both agree byte for byte.

import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const LICENSE_FILE = /^(licen[cs]e|copying)(\.(md|txt))?$/i

/** Bundles src/index.ts into outDir and returns the paths of the modules it holds. */
function bundle(outDir) {
  const scratch = mkdtempSync(path.join(tmpdir(), 'build-stats-'))
  try {
    const stats = path.join(scratch, 'stats.json')
    execFileSync('npx', ['ncc', 'build', 'src/index.ts', '-o', outDir, '--stats-out', stats], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'ignore', 'inherit']
    })
    const { modules } = JSON.parse(readFileSync(stats, 'utf8'))
    // A concatenated module lists the modules it was made of.
    return modules.flatMap((module) => [module.name, ...(module.modules ?? []).map((inner) => inner.name)])
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

/** The package folder a bundled module came from, for the innermost node_modules it sits in. */
function packageDirOf(modulePath) {
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(modulePath.replace(/^\.\//, ''))
  return match ? path.join(REPO_ROOT, match[1]) : undefined
}

function licenseEntry(packageDir) {
  const manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'))
  const licenseName = typeof manifest.license === 'string' ? manifest.license : (manifest.license?.type ?? 'UNKNOWN')
  const textFile = readdirSync(packageDir).find((file) => LICENSE_FILE.test(file))
  const text = textFile ? readFileSync(path.join(packageDir, textFile), 'utf8').trim() : ''
  return { name: manifest.name, text: `${manifest.name}\n${licenseName}\n${text}` }
}

export function build(outDir = path.join(REPO_ROOT, 'dist')) {
  // A chunk the source no longer makes must not linger beside the new ones.
  rmSync(outDir, { recursive: true, force: true })
  const modules = bundle(outDir)
  const packageDirs = [...new Set(modules.map(packageDirOf).filter((dir) => dir && existsSync(dir)))]
  const entries = packageDirs.map(licenseEntry).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  // One entry per package name: a package bundled from two folders is listed once.
  const unique = entries.filter((entry, index) => index === 0 || entries[index - 1].name !== entry.name)
  writeFileSync(path.join(outDir, 'licenses.txt'), `${unique.map((entry) => entry.text).join('\n\n')}\n`)
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  build(process.argv[2] ? path.resolve(process.argv[2]) : undefined)
}
