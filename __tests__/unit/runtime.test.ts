// The action declares runs.using: node24; started on an older Node (a Linux
// ARM32 runner runs node24 actions on Node 20) it must say what it needs and
// stop before loading anything of itself.
import { afterEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '../../__fixtures__/core.js'

const run = jest.fn(async () => undefined)
jest.unstable_mockModule('@actions/core', () => core)
jest.unstable_mockModule('../../src/main.js', () => ({ run }))
const { start } = await import('../../src/start.js')
const { unsupportedRuntime } = await import('../../src/runtime.js')

afterEach(() => {
  core.resetCore()
  jest.clearAllMocks()
})

describe('the runtime check', () => {
  it('accepts Node 24 and later', () => {
    expect(unsupportedRuntime('24.0.0')).toBeUndefined()
    expect(unsupportedRuntime('24.22.3')).toBeUndefined()
    expect(unsupportedRuntime('26.1.0')).toBeUndefined()
  })

  it('refuses an older Node, naming the runner and Enterprise Server versions', () => {
    const message = unsupportedRuntime('20.19.2')
    expect(message).toContain('Node 20.19.2')
    expect(message).toContain('runner 2.327.1 or later')
    expect(message).toContain('GitHub Enterprise Server 3.18 or later')
    expect(unsupportedRuntime('22.12.0')).toBeDefined()
    expect(unsupportedRuntime('not a version')).toBeDefined()
  })

  it('fails the step on Node 20 without loading the action', async () => {
    await start('20.19.2')
    expect(run).not.toHaveBeenCalled()
    expect(core.setFailed).toHaveBeenCalledTimes(1)
    expect(String(core.setFailed.mock.calls[0]?.[0])).toContain('needs Node 24')
  })

  it('keeps the post step of a refused run quiet', async () => {
    await start('20.19.2')
    await start('20.19.2')
    expect(core.setFailed).toHaveBeenCalledTimes(1)
    expect(run).not.toHaveBeenCalled()
  })

  it('runs the action on Node 24', async () => {
    await start('24.22.3')
    expect(run).toHaveBeenCalledTimes(1)
    expect(core.setFailed).not.toHaveBeenCalled()
  })
})
