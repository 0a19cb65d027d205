// The compile cache goes in the runner's temp folder, and only where the
// runner gives one and Node has the cache: the entry point calls this before
// the runtime check, so it must never fail on an older Node.
import { describe, expect, it, jest } from '@jest/globals'
import path from 'node:path'

const enableCompileCache = jest.fn()
jest.unstable_mockModule('node:module', () => ({ enableCompileCache }))
const { keepCompiledCode } = await import('../../src/compile-cache.js')

describe('keepCompiledCode', () => {
  it('keeps the cache in a folder of RUNNER_TEMP', () => {
    keepCompiledCode('/runner/_temp')
    expect(enableCompileCache).toHaveBeenCalledWith(path.join('/runner/_temp', 'sagemaker-deploy-action-compile-cache'))
  })

  it('does nothing without a runner temp folder', () => {
    enableCompileCache.mockClear()
    keepCompiledCode(undefined)
    expect(enableCompileCache).not.toHaveBeenCalled()
  })
})
