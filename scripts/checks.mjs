// The checks `npm test` runs before the tests, side by side: the type check,
// lint and formatting, dist/ against a fresh build, the generated docs, and
// the length of functions and files. Each is its own process and mostly
// waits on the CPU, so on two cores the four together take about as long as
// the longest two one after the other. Their output is printed whole, check
// by check, once all have ended; the exit code is non-zero when any failed.

import { spawn } from 'node:child_process'

const CHECKS = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['check-dist', 'npm', ['run', '--silent', 'check-dist']],
  ['docs', 'node', ['scripts/docs.mjs', '--check']],
  ['longest-functions', 'node', ['scripts/longest-functions.mjs', '--check', '--most', '3']]
]

function run([name, command, args]) {
  return new Promise((resolve) => {
    const started = Date.now()
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', (error) => resolve({ name, code: 1, output: `${output}${error.message}\n`, ms: 0 }))
    child.on('close', (code) => resolve({ name, code: code ?? 1, output, ms: Date.now() - started }))
  })
}

const results = await Promise.all(CHECKS.map(run))
for (const { name, code, output, ms } of results) {
  console.log(`--- ${name}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${(ms / 1000).toFixed(1)} s`)
  if (output.trim()) console.log(output.trimEnd())
}
const failed = results.filter((result) => result.code !== 0).map((result) => result.name)
if (failed.length > 0) {
  console.error(`Checks failed: ${failed.join(', ')}`)
  process.exit(1)
}
