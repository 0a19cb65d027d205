/**
 * One warning channel: a warning reaches the log and the summary's notes
 * alike (ctx.warn), so a person who reads only the summary still learns that
 * resources were left behind or that a rollout rolled back.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '../../__fixtures__/core.js'
import { FakeAws } from '../../__fixtures__/fake-aws.js'
import type { FakeClock } from '../../__fixtures__/clock.js'
import { CANARY_DEPLOY, seedServingEndpoint, withTraffic } from '../../__fixtures__/rollout.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, resetAws, runAction } = await import('../../__fixtures__/action.js')
const { escapeHtml } = await import('../../src/summary.js')

/**
 * The only places that may warn in the log alone, each because its message
 * reaches the summary another way or cannot reach it at all.
 */
const LOG_ONLY_WARNINGS: Record<string, { count: number; why: string }> = {
  'src/context.ts': { count: 1, why: 'ctx.warn itself' },
  'src/cancel.ts': { count: 2, why: "the cancel's words go into the report's error, which the summary shows first" },
  'src/post.ts': { count: 2, why: "the post step's failures are its report's error" },
  'src/rollout/state.ts': { count: 1, why: 'saved state is read before the post step has a report' },
  'src/summary.ts': { count: 1, why: 'the summary itself could not be written' },
  'src/github/plan-comment.ts': { count: 1, why: 'the plan comment is posted after the summary is written' },
  'src/github/deployments.ts': { count: 1, why: 'a default for callers without a context; the run passes ctx.warn' }
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    return statSync(full).isDirectory() ? sourceFiles(full) : full.endsWith('.ts') ? [full] : []
  })
}

describe('warnings', () => {
  it('go through ctx.warn everywhere but the places listed, each with its reason', () => {
    const found: Record<string, number> = {}
    for (const file of sourceFiles('src')) {
      const count = (readFileSync(file, 'utf8').match(/core\.warning\(/g) ?? []).length
      if (count > 0) found[file.split(path.sep).join('/')] = count
    }
    expect(found).toEqual(
      Object.fromEntries(Object.entries(LOG_ONLY_WARNINGS).map(([file, { count }]) => [file, count]))
    )
  })

  describe('every warning of a run appears in its summary', () => {
    let fake: FakeAws
    let clock: FakeClock
    beforeEach(() => {
      resetAws()
      fake = new FakeAws()
      seedServingEndpoint(fake, 2)
      fake.install(aws)
      clock = withTraffic(fake)
    })

    function expectWarningsInSummary(run: { log: string[]; summary: string }): string[] {
      const warnings = run.log.filter((line) => line.startsWith('::warning::')).map((line) => line.slice(11))
      for (const warning of warnings) expect(run.summary).toContain(escapeHtml(warning))
      return warnings
    }

    it('a canary rolled back after a failed gate below failure-threshold, then a second', async () => {
      fake.cloudwatch.setBehaviour('fraud-v2', { errorRate: 0.3, latencyP99Ms: 40 })
      const run = await runAction({ ...CANARY_DEPLOY, 'max-error-rate': '1%', 'failure-threshold': '2' }, { clock })
      expect(run.outputs['rollout-result']).toBe('rolled-back')
      const warnings = expectWarningsInSummary(run)
      expect(warnings.some((warning) => warning.startsWith('Gate failed (1 without a pass'))).toBe(true)
      expect(warnings.some((warning) => warning.startsWith('Rolling back: '))).toBe(true)
    })

    it('a canary with no gates', async () => {
      const run = await runAction({ ...CANARY_DEPLOY, 'traffic-steps': '10' }, { clock })
      expect(run.outputs['rollout-result']).toBe('paused')
      expect(expectWarningsInSummary(run)).toEqual([expect.stringMatching(/^No health gates are set/)])
    })
  })
})
