// Types for runner.mjs, so the TypeScript tests use it checked.

export declare const REPO_ROOT: string
/** The moto release the launcher's patches are written against: the one place it is pinned. */
export declare const MOTO_VERSION: string
/** moto's default account and the region every run uses. */
export declare const EMULATOR_ACCOUNT: string
export declare const EMULATOR_REGION: string
/** dist/index.js and action.yml of this repository. */
export declare const ACTION_ENTRY: string
export declare const ACTION_YML: string
/** Where emulatorPython() makes its virtual environment. */
export declare const EMULATOR_VENV: string
/** The runner's cancellation of a step: SIGINT, then SIGTERM after CANCEL_SIGTERM_MS, a kill after CANCEL_KILL_MS. */
/** The job's token, passed where an input's default is `${{ github.token }}`. */
export declare const RUNNER_GITHUB_TOKEN: string
export declare const CANCEL_SIGTERM_MS: number
export declare const CANCEL_KILL_MS: number

/** A failure the person running can act on (install something, build first): worth its message, not its stack. */
export declare class SetupError extends Error {}

type Environment = Record<string, string | undefined>

export interface EmulatorPythonOptions {
  /** Where EMULATOR_PYTHON and PATH are read; process.env by default. */
  env?: Environment
  /** The virtual environment to use or make; .cache/emulator-venv by default. */
  venv?: string
  /** Called with a line to show before a slow install starts. */
  onInstall?: (message: string) => void
}

/**
 * The Python that runs the emulator: EMULATOR_PYTHON when set, else the first
 * of the venv and python3 that imports moto at MOTO_VERSION with its server
 * extras, else a new venv (with the system's site packages) with moto
 * pip-installed. Throws a SetupError saying what to install when none works.
 */
export declare function emulatorPython(options?: EmulatorPythonOptions): Promise<string>

export interface EmulatorOptions {
  /** Seconds an endpoint spends Creating/Updating/RollingBack (EMULATOR_TRANSITION_SECONDS). */
  transitionSeconds?: number
  /** Python interpreter; emulatorPython() by default. */
  python?: string
  /** Extra environment for the launcher (a value of undefined removes the variable). */
  env?: Environment
  startTimeoutMs?: number
  /** In its own process group, so a Ctrl-C in the terminal reaches the caller alone, which then stops it in order. */
  detached?: boolean
}

export interface Emulator {
  /** Base URL to use as AWS_ENDPOINT_URL, e.g. http://127.0.0.1:41234 */
  url: string
  port: number
  /** Clears every AWS resource and every emulator rule (POST /moto-api/reset). */
  reset(): Promise<void>
  stop(): Promise<void>
  /** The launcher's recent output, for failure messages. */
  logs(): string
}

export declare function startEmulator(options?: EmulatorOptions): Promise<Emulator>
/** A JSON call to the emulator's own endpoints (/moto-api, /emulator); resolves to the parsed answer. */
export declare function requestJson(url: string, pathname: string, method: string, body?: unknown): Promise<unknown>

/** `node --version` of a binary, or undefined when it is missing or broken. */
export declare function nodeVersion(binary: string): Promise<string | undefined>
/** A Node 24 binary, installed into .cache/node24 on first use; parallel callers wait for one install. */
export declare function ensureNode24(options?: { onInstall?: (message: string) => void }): Promise<string>

export interface ActionInput {
  name: string
  /** As the runner passes it: text. */
  default?: string
  required: boolean
}

export declare function declaredInputs(actionYmlPath: string): Promise<ActionInput[]>
/** The runner's rule: upper-case, spaces to underscores, hyphens kept. */
export declare function inputEnvName(name: string): string
/** `name=value` lines and `name<<DELIMITER` heredocs; throws on any other line, as the runner does. */
export declare function parseRunnerFile(text: string): Record<string, string>
export declare function runnerEnvironment(dirs: {
  workspace: string
  temp: string
  eventPath: string
}): Record<string, string>
/** A copy of `env` without the developer's AWS_, INPUT_, STATE_, GITHUB_, RUNNER_, ACTIONS_, JEST_, SAGEMAKER_, npm_ variables, NODE_OPTIONS and NODE_ENV. */
export declare function scrubEnvironment(env: Environment): Record<string, string>
/** Throws a SetupError unless the bundle exists. */
export declare function requireBuiltAction(entry?: string): void

export interface SignalPlan {
  name: NodeJS.Signals
  /** Send the signal this long after start. */
  afterMs?: number
  /** Send the signal when a stdout/stderr line matches. */
  whenOutput?: RegExp | string
}

export interface RunStepOptions {
  inputs: Record<string, string>
  /** The emulator (or its URL, such as a proxy's). Without one, AWS calls go to a closed local port. */
  emulator?: Emulator | string
  /** Extra environment, applied last (set a value to undefined to remove it). */
  env?: Environment
  /** The event that triggered the run: its name (GITHUB_EVENT_NAME) and the payload written to GITHUB_EVENT_PATH. */
  event?: { name: string; payload: unknown }
  /** Run as the post step, with `state` passed as STATE_<name> variables. */
  post?: boolean
  state?: Record<string, string>
  signal?: SignalPlan
  /** Aborting it cancels the step as the runner cancels a run: SIGINT, SIGTERM 7.5 s later, a kill at 10 s. */
  cancel?: AbortSignal
  /** Called for every output line; may send signals through `send`. */
  onOutput?: (line: string, stream: 'stdout' | 'stderr', send: (signal: NodeJS.Signals) => void) => void
  /** The process is killed after this long (default 120 000); Infinity for no limit. */
  timeoutMs?: number
  /** Defaults to <repo>/dist/index.js and <repo>/action.yml. */
  entry?: string
  actionYml?: string
  /** The runner only warns about inputs action.yml does not declare; here they are taken as typos. */
  allowUndeclaredInputs?: boolean
  /** In its own process group, so a Ctrl-C in the terminal reaches the caller alone, which then cancels it. */
  detached?: boolean
}

export interface ActionRun {
  exitCode: number | null
  /** The signal that ended the process, if any. */
  signal: NodeJS.Signals | null
  timedOut: boolean
  /** Process start and end, epoch milliseconds with sub-millisecond precision (comparable with the proxy's timeline). */
  startedAt: number
  endedAt: number
  durationMs: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  state: Record<string, string>
  /** Variables exported through GITHUB_ENV. */
  exportedEnv: Record<string, string>
}

/** Runs dist/index.js under Node 24 the way a GitHub runner runs a `node24` action step. */
export declare function runStep(options: RunStepOptions): Promise<ActionRun>
