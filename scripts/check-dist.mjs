// Fails when the committed dist/ differs from a fresh build of src/: users run
// dist/, so it must never lag behind the source. The bundle is split into
// chunks, so both directions count: a file the build makes that dist/ lacks or
// holds differently, and a file dist/ holds that the build no longer makes (a
// stale chunk would ship beside the new ones).
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { build } from './build.mjs'

const fresh = mkdtempSync(join(tmpdir(), 'check-dist-'))
try {
  await build(fresh)
  const built = readdirSync(fresh)
  const committed = readdirSync('dist')
  const differing = built.filter((file) => {
    try {
      return !readFileSync(join(fresh, file)).equals(readFileSync(join('dist', file)))
    } catch {
      return true
    }
  })
  const stale = committed.filter((file) => !built.includes(file))
  if (differing.length > 0 || stale.length > 0) {
    const problems = [
      differing.length > 0 ? `${differing.join(', ')} differ or are missing` : '',
      stale.length > 0 ? `${stale.join(', ')} are no longer built` : ''
    ].filter(Boolean)
    console.error(`dist/ is out of date (${problems.join('; ')}). Run "npm run build" and commit dist/ whole.`)
    process.exit(1)
  }
  console.log(`dist/ matches src/ (${built.length} files).`)
} finally {
  rmSync(fresh, { recursive: true, force: true })
}
