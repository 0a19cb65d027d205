// What GitHub's runner gives an action step: its inputs as INPUT_ variables
// with action.yml's defaults, the runner's own variables, the runner files read
// back, and nothing of the developer's environment. runner.mjs re-exports it.
//
// Plain ESM, typed with JSDoc, which the type check reads and checks.
// @ts-check

import { promises as fsp } from 'node:fs'
import path from 'node:path'

/** @typedef {import('./setup.mjs').Environment} Environment */

/** @type {Map<string, { mtimeMs: number, inputs: ActionInput[] }>} */
const inputCache = new Map()

/** The job's token, as the runner puts it where a default says `${{ github.token }}`. */
export const RUNNER_GITHUB_TOKEN = 'ghs_runner-job-token'

/**
 * A default as the runner passes it: the one expression action.yml uses evaluated, the rest as written.
 * @param {string} text
 */
export function evaluateDefault(text) {
  return text.replace(/\$\{\{\s*github\.token\s*\}\}/g, RUNNER_GITHUB_TOKEN)
}

/**
 * @typedef {object} ActionInput
 * @property {string} name
 * @property {string} [default] As the runner passes it: text.
 * @property {boolean} required
 */

/**
 * The inputs action.yml declares, with their defaults as the runner passes them (text) and their required flags.
 * @param {string} actionYmlPath
 * @returns {Promise<ActionInput[]>}
 */
export async function declaredInputs(actionYmlPath) {
  const { mtimeMs } = await fsp.stat(actionYmlPath)
  const cached = inputCache.get(actionYmlPath)
  if (cached?.mtimeMs === mtimeMs) return cached.inputs
  // Loaded here, not at the top, so that the rest of the module works without node_modules.
  const { parse } = await import('yaml')
  const declared = parse(await fsp.readFile(actionYmlPath, 'utf8'))?.inputs ?? {}
  if (typeof declared !== 'object' || Array.isArray(declared)) {
    throw new Error(`${actionYmlPath}: inputs is not a mapping of input names`)
  }
  const inputs = Object.entries(declared).map(([name, spec]) => {
    /** @type {ActionInput} */
    const input = { name, required: spec?.required === true || spec?.required === 'true' }
    // The same text scripts/docs.mjs writes into src/action-defaults.ts; an empty `default:` is ''.
    if (spec?.default !== undefined) input.default = spec.default === null ? '' : String(spec.default)
    return input
  })
  inputCache.set(actionYmlPath, { mtimeMs, inputs })
  return inputs
}

/**
 * The runner's rule: upper-case, spaces to underscores, hyphens kept.
 * @param {string} name
 */
export const inputEnvName = (name) => `INPUT_${name.replace(/ /g, '_').toUpperCase()}`

/**
 * Reads a GITHUB_OUTPUT / GITHUB_STATE / GITHUB_ENV file as the runner does:
 * `name=value` lines and `name<<DELIMITER` heredocs; any other line is an error.
 * @param {string} text
 */
export function parseRunnerFile(text) {
  /** @type {Record<string, string>} */
  const result = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    if (line === '') continue
    const equals = line.indexOf('=')
    const heredoc = line.indexOf('<<')
    if (equals >= 0 && (heredoc < 0 || equals < heredoc)) {
      if (equals === 0) throw new Error(`Invalid line in runner file, no name: ${JSON.stringify(line)}`)
      result[line.slice(0, equals)] = line.slice(equals + 1)
      continue
    }
    if (heredoc < 0) throw new Error(`Invalid line in runner file: ${JSON.stringify(line)}`)
    const name = line.slice(0, heredoc)
    const delimiter = line.slice(heredoc + 2)
    if (!name || !delimiter) throw new Error(`Invalid heredoc line in runner file: ${JSON.stringify(line)}`)
    const value = []
    let closed = false
    for (i++; i < lines.length; i++) {
      if (lines[i] === delimiter) {
        closed = true
        break
      }
      value.push(lines[i])
    }
    if (!closed) throw new Error(`Heredoc for ${name} is missing its closing delimiter ${delimiter}`)
    result[name] = value.join('\n')
  }
  return result
}

/**
 * What the runner exports for every step; a caller that needs other values passes them through `env`.
 * @param {{ workspace: string, temp: string, eventPath: string }} dirs
 */
export function runnerEnvironment(dirs) {
  return {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'example/repo',
    GITHUB_REPOSITORY_OWNER: 'example',
    GITHUB_WORKSPACE: dirs.workspace,
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_EVENT_PATH: dirs.eventPath,
    GITHUB_WORKFLOW: 'deploy',
    GITHUB_JOB: 'deploy',
    GITHUB_RUN_ID: '1001',
    GITHUB_RUN_NUMBER: '7',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTOR: 'octocat',
    GITHUB_ACTION: '__self',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REF_NAME: 'main',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_GRAPHQL_URL: 'https://api.github.com/graphql',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'e2e-runner',
    RUNNER_TEMP: dirs.temp,
    RUNNER_TOOL_CACHE: path.join(dirs.temp, 'tool-cache')
  }
}

// The runner starts an action with a clean slate of these: nothing of the
// developer's own AWS setup, inputs, state, test runner or `npm run` may leak
// into a step.
const DEVELOPER_ONLY = /^(AWS_|INPUT_|STATE_|GITHUB_|RUNNER_|ACTIONS_|JEST_|SAGEMAKER_|npm_|NODE_OPTIONS$|NODE_ENV$)/i

/**
 * A copy of `env` without the variables a runner would not pass to an action.
 * @param {Environment} env
 * @returns {Record<string, string>}
 */
export function scrubEnvironment(env) {
  return Object.fromEntries(
    Object.entries(env).flatMap(([key, value]) =>
      value === undefined || DEVELOPER_ONLY.test(key) ? [] : [/** @type {const} */ ([key, value])]
    )
  )
}
