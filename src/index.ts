import { keepCompiledCode } from './compile-cache.js'

// Before anything else is loaded, so that all of it, @actions/core included, is cached for the next step.
keepCompiledCode(process.env.RUNNER_TEMP)
const { start } = await import('./start.js')
await start()
