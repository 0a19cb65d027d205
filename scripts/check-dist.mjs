// Fails when the committed dist/ differs from a fresh build of src/:
// users run dist/, so it must never lag behind the source.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const fresh = mkdtempSync(join(tmpdir(), 'check-dist-'))
try {
  execFileSync('npx', ['ncc', 'build', 'src/index.ts', '-o', fresh, '--license', 'licenses.txt'], { stdio: 'pipe' })
  const differing = readdirSync(fresh).filter((file) => {
    try {
      return !readFileSync(join(fresh, file)).equals(readFileSync(join('dist', file)))
    } catch {
      return true
    }
  })
  if (differing.length > 0) {
    console.error(`dist/ is out of date (${differing.join(', ')} differ). Run "npm run build" and commit dist/.`)
    process.exit(1)
  }
  console.log('dist/ matches src/.')
} finally {
  rmSync(fresh, { recursive: true, force: true })
}
