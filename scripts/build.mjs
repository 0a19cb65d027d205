// `npm run build [-- <out dir>]`: bundle src/ into dist/ (or <out dir>) with ncc,
// then write licenses.txt for every package the bundle carries.
//
// The bundle is split: each operation is a dynamic import that ncc emits as a
// chunk beside index.js. ncc's own --license writes one file per chunk under the
// same name, so the last chunk's packages overwrite the rest; the licenses are
// collected here instead, from the build's module list, across all chunks.
// check-dist.mjs builds through this script too, so both agree byte for byte.
//
// ncc is called through its API rather than its command line for one setting the
// command line lacks: packages are resolved through their "module" field first.
// The AWS SDK clients publish an ES module build beside the CommonJS one, and
// only the ES module build lets the bundle leave out what no step uses: the
// CommonJS build of the SageMaker client is one 0.8 MB file holding every
// command of the API, which every step compiled, while the ES module build is a
// file per command, so the bundle carries only the commands the action sends.
// Packages with an "exports" field are resolved through it, as before.

import { createRequire } from 'node:module'
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const LICENSE_FILE = /^(licen[cs]e|copying)(\.(md|txt))?$/i
const ncc = createRequire(import.meta.url)('@vercel/ncc')

/**
 * Bundles entry into outDir (index.js, or index.mjs for an .mjs entry, and its
 * chunks) and returns the paths of the modules the bundle holds.
 */
export async function bundle(entry, outDir) {
  const cwd = process.cwd()
  // ncc resolves the tsconfig and its cache from the working directory, as its command line does.
  process.chdir(REPO_ROOT)
  try {
    const { code, assets, stats } = await ncc(path.resolve(REPO_ROOT, entry), {
      mainFields: ['module', 'main'],
      quiet: true,
      // No persistent cache: ncc keys it on the working folder alone, not on these
      // options, so a cache left by an earlier build (with other resolve settings)
      // would make this machine's bundle differ from a clean machine's.
      cache: false
    })
    mkdirSync(outDir, { recursive: true })
    writeFileSync(path.join(outDir, entry.endsWith('.mjs') ? 'index.mjs' : 'index.js'), code)
    for (const [name, asset] of Object.entries(assets)) writeFileSync(path.join(outDir, name), asset.source)
    // A concatenated module lists the modules it was made of.
    return stats
      .toJson()
      .modules.flatMap((module) => [module.name, ...(module.modules ?? []).map((inner) => inner.name)])
  } finally {
    process.chdir(cwd)
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

export async function build(outDir = path.join(REPO_ROOT, 'dist')) {
  // A chunk the source no longer makes must not linger beside the new ones.
  rmSync(outDir, { recursive: true, force: true })
  const modules = await bundle('src/index.ts', outDir)
  const packageDirs = [...new Set(modules.map(packageDirOf).filter((dir) => dir && existsSync(dir)))]
  const entries = packageDirs.map(licenseEntry).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  // One entry per package name: a package bundled from two folders is listed once.
  const unique = entries.filter((entry, index) => index === 0 || entries[index - 1].name !== entry.name)
  writeFileSync(path.join(outDir, 'licenses.txt'), `${unique.map((entry) => entry.text).join('\n\n')}\n`)
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await build(process.argv[2] ? path.resolve(process.argv[2]) : undefined)
}
