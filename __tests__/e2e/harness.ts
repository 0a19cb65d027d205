// Helpers for the end-to-end tests: a patched moto emulator (see
// test/emulator/launcher.py), a Node 24 runtime, and a runner-faithful way to
// execute the bundled dist/index.js against the emulator.
//
// E2E tests are meant to run with --runInBand (npm run test:e2e); the Node 24
// install is guarded by a lock anyway, so parallel workers stay safe.

import { spawn, type ChildProcess } from 'node:child_process'
import { promises as fsp, existsSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { ApplicationAutoScalingClient } from '@aws-sdk/client-application-auto-scaling'
import {
  CloudWatchClient,
  DescribeAlarmsCommand,
  PutMetricAlarmCommand,
  PutMetricDataCommand,
  SetAlarmStateCommand,
  type MetricDatum,
  type StateValue
} from '@aws-sdk/client-cloudwatch'
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  DescribeEndpointCommand,
  SageMakerClient,
  type DescribeEndpointCommandOutput,
  type ProductionVariantInstanceType,
  type Tag
} from '@aws-sdk/client-sagemaker'
import { SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime'

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
export const LAUNCHER = path.join(REPO_ROOT, 'test', 'emulator', 'launcher.py')
export const MOTO_VERSION = '5.2.1'
export const MOTO_INSTALL_HINT = `python3 -m pip install 'moto[server]==${MOTO_VERSION}'`
export const TEST_REGION = 'us-east-1'
export const TEST_ACCOUNT = '123456789012'
export const TEST_ROLE_ARN = `arn:aws:iam::${TEST_ACCOUNT}:role/sagemaker-execution`

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

// ---------------------------------------------------------------------------
// Emulator
// ---------------------------------------------------------------------------

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

export interface EmulatorOptions {
  /** Seconds an endpoint spends Creating/Updating/RollingBack (EMULATOR_TRANSITION_SECONDS). */
  transitionSeconds?: number
  /** Python interpreter; defaults to $EMULATOR_PYTHON or python3. */
  python?: string
  startTimeoutMs?: number
}

interface ProcessResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  error?: NodeJS.ErrnoException
}

function runProcess(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {}
): Promise<ProcessResult> {
  return new Promise((resolve) => {
    let stdout = ''
    let stderr = ''
    let settled = false
    const child = spawn(command, args, {
      cwd: options.cwd ?? REPO_ROOT,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    const timer =
      options.timeoutMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), options.timeoutMs)
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const finish = (result: ProcessResult): void => {
      if (settled) return
      settled = true
      if (timer) clearTimeout(timer)
      resolve(result)
    }
    child.on('error', (error: NodeJS.ErrnoException) => finish({ code: null, signal: null, stdout, stderr, error }))
    child.on('close', (code, signal) => finish({ code, signal, stdout, stderr }))
  })
}

/** A port nobody listens on right now (the OS picks it when binding port 0). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => (port ? resolve(port) : reject(new Error('could not allocate a free port'))))
    })
  })
}

async function checkPython(python: string): Promise<void> {
  const probe = await runProcess(
    python,
    ['-c', 'import moto, flask, werkzeug, moto.server; from importlib.metadata import version; print(version("moto"))'],
    { timeoutMs: 60_000 }
  )
  if (probe.error?.code === 'ENOENT') {
    throw new Error(
      `The e2e tests need ${python} (Python 3) with moto ${MOTO_VERSION}, and ${python} was not found on PATH. ` +
        `Install Python 3, then run: ${MOTO_INSTALL_HINT}`
    )
  }
  if (probe.code !== 0) {
    throw new Error(
      `The e2e tests need moto ${MOTO_VERSION} with its server extras in ${python}, and importing it failed. ` +
        `Run: ${MOTO_INSTALL_HINT}\n${probe.stderr.trim()}`
    )
  }
  const version = probe.stdout.trim()
  if (version !== MOTO_VERSION) {
    // The launcher patches moto internals that change between releases.
    throw new Error(
      `The e2e emulator is written against moto ${MOTO_VERSION} but ${python} has moto ${version}. Run: ${MOTO_INSTALL_HINT}`
    )
  }
}

const pythonChecks = new Map<string, Promise<void>>()

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const python = options.python ?? process.env.EMULATOR_PYTHON ?? 'python3'
  const check = pythonChecks.get(python) ?? checkPython(python)
  pythonChecks.set(python, check)
  try {
    await check
  } catch (error) {
    pythonChecks.delete(python)
    throw error
  }
  let lastError: Error | undefined
  // Another process can take the port between freePort() and the bind.
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await launch(python, await freePort(), options)
    } catch (error) {
      lastError = error as Error
      if (!/address already in use/i.test(lastError.message)) throw lastError
    }
  }
  throw lastError ?? new Error('emulator did not start')
}

async function launch(python: string, port: number, options: EmulatorOptions): Promise<Emulator> {
  const env: NodeJS.ProcessEnv = { ...process.env, PYTHONUNBUFFERED: '1' }
  if (options.transitionSeconds !== undefined) env.EMULATOR_TRANSITION_SECONDS = String(options.transitionSeconds)
  const child = spawn(python, [LAUNCHER, '--host', '127.0.0.1', '--port', String(port)], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  const append = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-20_000)
  }
  child.stdout.on('data', append)
  child.stderr.on('data', append)
  let exited = false
  const exitedPromise = new Promise<void>((resolve) => {
    child.once('exit', () => {
      exited = true
      resolve()
    })
  })
  // A test that forgets stop() must not leave a server running.
  const killOnExit = (): void => {
    if (!exited) child.kill('SIGKILL')
  }
  process.once('exit', killOnExit)

  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000)
  for (;;) {
    if (exited) {
      process.removeListener('exit', killOnExit)
      throw new Error(`The emulator exited before it was ready:\n${output}`)
    }
    if (output.includes('EMULATOR READY')) {
      try {
        const response = await fetch(`${url}/emulator/health`)
        if (response.ok) break
      } catch {
        // not accepting yet
      }
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      process.removeListener('exit', killOnExit)
      throw new Error(`The emulator did not become ready within the timeout:\n${output}`)
    }
    await sleep(50)
  }

  return {
    url,
    port,
    logs: () => output,
    async reset() {
      await requestJson(url, '/moto-api/reset', 'POST', {})
    },
    async stop() {
      process.removeListener('exit', killOnExit)
      if (exited) return
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
      await exitedPromise
      clearTimeout(timer)
    }
  }
}

async function requestJson(url: string, pathname: string, method: string, body?: unknown): Promise<unknown> {
  const init: RequestInit = { method, headers: { 'content-type': 'application/json' } }
  if (body !== undefined) init.body = JSON.stringify(body)
  const response = await fetch(`${url}${pathname}`, init)
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} ${pathname} answered ${response.status}: ${text}`)
  return text ? (JSON.parse(text) as unknown) : {}
}

// ---------------------------------------------------------------------------
// Emulator control endpoints
// ---------------------------------------------------------------------------

export interface InvokeFailureRule {
  endpoint: string
  /** Omit to fail every variant of the endpoint. */
  variant?: string
  /** The container's HTTP status carried in ModelError.OriginalStatusCode (default 500). */
  status?: number
  message?: string
  /** Fail only this many invocations, then stop failing. */
  count?: number
}

export interface InvokeDelayRule {
  endpoint: string
  variant?: string
  delayMs: number
}

export interface RecordedInvocation {
  endpoint: string
  variant: string | null
  targetVariant: string | null
  /** 200, 400 (ValidationError) or 424 (ModelError). */
  status: number
  /** Epoch seconds. */
  time: number
}

export interface SeededInvokeResult {
  Body: string
  ContentType?: string
  InvokedProductionVariant?: string
  CustomAttributes?: string
}

export interface EmulatorControl {
  reset(): Promise<void>
  failInvocations(rule: InvokeFailureRule): Promise<void>
  clearInvocationFailures(): Promise<void>
  delayInvocations(rule: InvokeDelayRule): Promise<void>
  clearInvocationDelays(): Promise<void>
  invocations(): Promise<RecordedInvocation[]>
  clearInvocations(): Promise<void>
  setTransitionSeconds(seconds: number): Promise<void>
  transitionSeconds(): Promise<number>
  /** moto's own queue of InvokeEndpoint answers (consumed in order). */
  seedInvokeResults(results: SeededInvokeResult[]): Promise<void>
}

export function emulatorControl(target: Emulator | string): EmulatorControl {
  const url = typeof target === 'string' ? target : target.url
  const call = async (pathname: string, method: string, body?: unknown): Promise<void> => {
    await requestJson(url, pathname, method, body)
  }
  return {
    reset: () => call('/moto-api/reset', 'POST', {}),
    failInvocations: (rule) => call('/emulator/invoke-failures', 'POST', rule),
    clearInvocationFailures: () => call('/emulator/invoke-failures', 'DELETE'),
    delayInvocations: (rule) => call('/emulator/invoke-delays', 'POST', rule),
    clearInvocationDelays: () => call('/emulator/invoke-delays', 'DELETE'),
    invocations: async () =>
      ((await requestJson(url, '/emulator/invocations', 'GET')) as { invocations: RecordedInvocation[] }).invocations,
    clearInvocations: () => call('/emulator/invocations', 'DELETE'),
    setTransitionSeconds: (seconds) => call('/emulator/config', 'POST', { transitionSeconds: seconds }),
    transitionSeconds: async () =>
      ((await requestJson(url, '/emulator/config', 'GET')) as { transitionSeconds: number }).transitionSeconds,
    seedInvokeResults: (results) =>
      call('/moto-api/static/sagemaker/endpoint-results', 'POST', {
        account_id: TEST_ACCOUNT,
        region: TEST_REGION,
        results
      })
  }
}

// ---------------------------------------------------------------------------
// AWS clients and seeding helpers
// ---------------------------------------------------------------------------

export interface AwsClients {
  sagemaker: SageMakerClient
  runtime: SageMakerRuntimeClient
  cloudwatch: CloudWatchClient
  autoscaling: ApplicationAutoScalingClient
  destroy(): void
}

export function awsClients(target: Emulator | string): AwsClients {
  const endpoint = typeof target === 'string' ? target : target.url
  const config = {
    endpoint,
    region: TEST_REGION,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    // Retries would hide emulator errors and slow failing tests down.
    maxAttempts: 1
  }
  const clients = {
    sagemaker: new SageMakerClient(config),
    runtime: new SageMakerRuntimeClient(config),
    cloudwatch: new CloudWatchClient(config),
    autoscaling: new ApplicationAutoScalingClient(config)
  }
  return {
    ...clients,
    destroy() {
      for (const client of Object.values(clients)) client.destroy()
    }
  }
}

export interface SeedVariant {
  variantName: string
  /** Defaults to `<endpoint>-<variant>-model` (lowercased). */
  modelName?: string
  image?: string
  instanceType?: string
  instanceCount?: number
  /** InitialVariantWeight; defaults to 1. */
  weight?: number
}

export interface SeedOptions {
  endpointName: string
  /** Defaults to a single AllTraffic variant. */
  variants?: SeedVariant[]
  image?: string
  configName?: string
  tags?: Record<string, string>
  executionRoleArn?: string
  /** Wait until InService (default true). */
  wait?: boolean
  timeoutMs?: number
}

export interface SeededEndpoint {
  endpointName: string
  endpointArn: string
  configName: string
  modelNames: string[]
  variantNames: string[]
}

export const DEFAULT_IMAGE = `${TEST_ACCOUNT}.dkr.ecr.${TEST_REGION}.amazonaws.com/model:seed`

const toTags = (tags: Record<string, string> | undefined): Tag[] | undefined =>
  tags ? Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) : undefined

/** Creates models, an endpoint config and an endpoint directly through the SDK. */
export async function seedModelAndEndpoint(sagemaker: SageMakerClient, options: SeedOptions): Promise<SeededEndpoint> {
  const endpointName = options.endpointName
  const variants = options.variants ?? [{ variantName: 'AllTraffic' }]
  const configName = options.configName ?? `${endpointName}-seed-config`
  const tags = toTags(options.tags)
  const modelNames: string[] = []
  for (const variant of variants) {
    const modelName = variant.modelName ?? `${endpointName}-${variant.variantName}-model`.toLowerCase()
    if (!modelNames.includes(modelName)) {
      await sagemaker.send(
        new CreateModelCommand({
          ModelName: modelName,
          ExecutionRoleArn: options.executionRoleArn ?? TEST_ROLE_ARN,
          PrimaryContainer: { Image: variant.image ?? options.image ?? DEFAULT_IMAGE },
          ...(tags ? { Tags: tags } : {})
        })
      )
      modelNames.push(modelName)
    }
  }
  await sagemaker.send(
    new CreateEndpointConfigCommand({
      EndpointConfigName: configName,
      ProductionVariants: variants.map((variant) => ({
        VariantName: variant.variantName,
        ModelName: variant.modelName ?? `${endpointName}-${variant.variantName}-model`.toLowerCase(),
        InstanceType: (variant.instanceType ?? 'ml.m5.large') as ProductionVariantInstanceType,
        InitialInstanceCount: variant.instanceCount ?? 1,
        InitialVariantWeight: variant.weight ?? 1
      })),
      ...(tags ? { Tags: tags } : {})
    })
  )
  const created = await sagemaker.send(
    new CreateEndpointCommand({
      EndpointName: endpointName,
      EndpointConfigName: configName,
      ...(tags ? { Tags: tags } : {})
    })
  )
  if (options.wait ?? true) {
    await waitForEndpoint(sagemaker, endpointName, (d) => d.EndpointStatus !== 'Creating', options.timeoutMs)
  }
  return {
    endpointName,
    endpointArn: created.EndpointArn ?? '',
    configName,
    modelNames,
    variantNames: variants.map((v) => v.variantName)
  }
}

/** Polls DescribeEndpoint until `done` holds (or a status string matches). */
export async function waitForEndpoint(
  sagemaker: SageMakerClient,
  endpointName: string,
  done: string | ((description: DescribeEndpointCommandOutput) => boolean),
  timeoutMs = 30_000,
  intervalMs = 50
): Promise<DescribeEndpointCommandOutput> {
  const predicate = typeof done === 'string' ? (d: DescribeEndpointCommandOutput) => d.EndpointStatus === done : done
  const deadline = Date.now() + timeoutMs
  let last: DescribeEndpointCommandOutput | undefined
  for (;;) {
    last = await sagemaker.send(new DescribeEndpointCommand({ EndpointName: endpointName }))
    if (predicate(last)) return last
    if (Date.now() > deadline) {
      throw new Error(`Endpoint ${endpointName} did not reach the expected state; last status ${last.EndpointStatus}`)
    }
    await sleep(intervalMs)
  }
}

export interface VariantMetrics {
  invocations?: number
  errors5xx?: number
  errors4xx?: number
  /** ModelLatency samples in microseconds: one value, or one value per sample. */
  latencyUs?: number | number[]
  timestamp?: Date
}

/** Publishes the AWS/SageMaker per-variant metrics the action reads. */
export async function putVariantMetrics(
  cloudwatch: CloudWatchClient,
  endpointName: string,
  variantName: string,
  metrics: VariantMetrics
): Promise<void> {
  const Dimensions = [
    { Name: 'EndpointName', Value: endpointName },
    { Name: 'VariantName', Value: variantName }
  ]
  const Timestamp = metrics.timestamp ?? new Date()
  const data: MetricDatum[] = []
  const count = (MetricName: string, value: number | undefined): void => {
    if (value !== undefined) data.push({ MetricName, Dimensions, Timestamp, Value: value, Unit: 'None' })
  }
  count('Invocations', metrics.invocations)
  count('Invocation5XXErrors', metrics.errors5xx)
  count('Invocation4XXErrors', metrics.errors4xx)
  if (metrics.latencyUs !== undefined) {
    const samples = Array.isArray(metrics.latencyUs) ? metrics.latencyUs : [metrics.latencyUs]
    // PutMetricData takes at most 150 distinct values per datum.
    const counts = new Map<number, number>()
    for (const sample of samples) counts.set(sample, (counts.get(sample) ?? 0) + 1)
    const distinct = [...counts.entries()]
    for (let i = 0; i < distinct.length; i += 150) {
      const slice = distinct.slice(i, i + 150)
      data.push({
        MetricName: 'ModelLatency',
        Dimensions,
        Timestamp,
        Unit: 'Microseconds',
        Values: slice.map(([value]) => value),
        Counts: slice.map(([, n]) => n)
      })
    }
  }
  for (let i = 0; i < data.length; i += 20) {
    await cloudwatch.send(new PutMetricDataCommand({ Namespace: 'AWS/SageMaker', MetricData: data.slice(i, i + 20) }))
  }
}

/** Sets an alarm's state, creating a plain metric alarm of that name first if needed. */
export async function setAlarm(
  cloudwatch: CloudWatchClient,
  alarmName: string,
  state: StateValue,
  reason = 'set by the e2e test'
): Promise<void> {
  const existing = await cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: [alarmName] }))
  if (!existing.MetricAlarms?.length && !existing.CompositeAlarms?.length) {
    await cloudwatch.send(
      new PutMetricAlarmCommand({
        AlarmName: alarmName,
        Namespace: 'AWS/SageMaker',
        MetricName: 'Invocation5XXErrors',
        Statistic: 'Sum',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold'
      })
    )
  }
  await cloudwatch.send(new SetAlarmStateCommand({ AlarmName: alarmName, StateValue: state, StateReason: reason }))
}

// ---------------------------------------------------------------------------
// Node 24
// ---------------------------------------------------------------------------

async function nodeVersion(binary: string): Promise<string | undefined> {
  if (!existsSync(binary)) return undefined
  const result = await runProcess(binary, ['--version'], { timeoutMs: 30_000 })
  return result.code === 0 ? result.stdout.trim() : undefined
}

async function withLock<T>(lockDir: string, work: () => Promise<T>, staleMs = 10 * 60_000): Promise<T> {
  await fsp.mkdir(path.dirname(lockDir), { recursive: true })
  for (;;) {
    try {
      await fsp.mkdir(lockDir)
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      // A lock left behind by a killed worker must not block forever.
      const stat = await fsp.stat(lockDir).catch(() => undefined)
      if (stat && Date.now() - stat.mtimeMs > staleMs) await fsp.rm(lockDir, { recursive: true, force: true })
      await sleep(250)
    }
  }
  try {
    return await work()
  } finally {
    await fsp.rm(lockDir, { recursive: true, force: true })
  }
}

/** Path to a Node 24 binary (GitHub's node24 runtime), installed into .cache/node24 on first use. */
export async function ensureNode24(): Promise<string> {
  const pkg = `node-${process.platform}-${process.arch}`
  const prefix = path.join(REPO_ROOT, '.cache', 'node24')
  const binary = path.join(prefix, 'node_modules', pkg, 'bin', 'node')
  if ((await nodeVersion(binary))?.startsWith('v24.')) return binary
  await withLock(path.join(REPO_ROOT, '.cache', 'node24.lock'), async () => {
    if ((await nodeVersion(binary))?.startsWith('v24.')) return
    await fsp.mkdir(prefix, { recursive: true })
    // npm run by jest exports npm_config_* for the project; they must not
    // steer an install into another folder.
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)))
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
    const result = await runProcess(
      npm,
      ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, `${pkg}@24`],
      { cwd: prefix, env, timeoutMs: 10 * 60_000 }
    )
    if (result.code !== 0) {
      throw new Error(`npm install ${pkg}@24 failed (exit ${result.code}):\n${result.stderr || result.stdout}`)
    }
  })
  const version = await nodeVersion(binary)
  if (!version?.startsWith('v24.')) {
    throw new Error(`Installed ${pkg}@24 but ${binary} reports ${version ?? 'nothing'}`)
  }
  return binary
}

// ---------------------------------------------------------------------------
// Running the action as the GitHub runner does
// ---------------------------------------------------------------------------

export interface ActionInput {
  name: string
  default?: string
  required: boolean
}

function yamlScalar(raw: string): string {
  const text = raw.trim()
  if (text.startsWith("'")) {
    const end = text.lastIndexOf("'")
    return text.slice(1, end > 0 ? end : undefined).replace(/''/g, "'")
  }
  if (text.startsWith('"')) {
    const end = text.lastIndexOf('"')
    return JSON.parse(text.slice(0, end > 0 ? end + 1 : undefined)) as string
  }
  return text.replace(/\s+#.*$/, '')
}

function blockScalar(indicator: string, lines: string[]): string {
  const nonEmpty = lines.filter((line) => line.trim() !== '')
  const indent = Math.min(...nonEmpty.map((line) => line.length - line.trimStart().length))
  const body = lines.map((line) => line.slice(Number.isFinite(indent) ? indent : 0))
  while (body.length && body[body.length - 1]?.trim() === '') body.pop()
  let value: string
  if (indicator.startsWith('>')) {
    value = ''
    for (const line of body) {
      if (line === '') value += '\n'
      else value += value === '' || value.endsWith('\n') ? line : ` ${line}`
    }
  } else {
    value = body.join('\n')
  }
  if (indicator.includes('-')) return value
  return `${value}\n`
}

/**
 * The `inputs:` block of an action.yml: name, default and required. A small
 * reader for the subset of YAML action metadata uses (mappings, plain,
 * quoted and block scalars), so the tests need no YAML dependency.
 */
export function parseActionInputs(yaml: string): ActionInput[] {
  const lines = yaml.split(/\r?\n/)
  const start = lines.findIndex((line) => /^inputs:\s*(#.*)?$/.test(line))
  if (start < 0) return []
  const inputs: ActionInput[] = []
  let nameIndent: number | undefined
  let propertyIndent: number | undefined
  let current: ActionInput | undefined
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i] ?? ''
    if (line.trim() === '' || line.trim().startsWith('#')) continue
    const indent = line.length - line.trimStart().length
    if (indent === 0) break
    nameIndent ??= indent
    if (indent === nameIndent) {
      const match = /^\s*(['"]?)([^'":]+)\1:\s*(#.*)?$/.exec(line)
      if (!match?.[2]) throw new Error(`Cannot read input declaration in action.yml: ${line}`)
      current = { name: match[2], required: false }
      propertyIndent = undefined
      inputs.push(current)
      continue
    }
    if (!current || indent < nameIndent) continue
    propertyIndent ??= indent
    // Deeper lines continue a multi-line plain scalar of the previous key.
    if (indent !== propertyIndent) continue
    const property = /^\s*([A-Za-z-]+):(?:\s+(.*))?$/.exec(line)
    if (!property) continue
    const key = property[1]
    const rest = property[2] ?? ''
    let value: string
    if (/^[|>][-+]?\s*(#.*)?$/.test(rest.trim())) {
      const block: string[] = []
      while (i + 1 < lines.length) {
        const next = lines[i + 1] ?? ''
        const nextIndent = next.length - next.trimStart().length
        if (next.trim() !== '' && nextIndent <= indent) break
        block.push(next)
        i++
      }
      value = blockScalar(rest.trim(), block)
    } else {
      value = yamlScalar(rest)
    }
    if (key === 'default') current.default = value
    if (key === 'required') current.required = value.trim() === 'true'
  }
  return inputs
}

/** The runner's rule: upper-case, spaces to underscores, hyphens kept. */
export const inputEnvName = (name: string): string => `INPUT_${name.replace(/ /g, '_').toUpperCase()}`

/**
 * Reads a GITHUB_OUTPUT / GITHUB_STATE / GITHUB_ENV file as the runner does:
 * `name=value` lines and `name<<DELIMITER` heredocs.
 */
export function parseRunnerFile(text: string): Record<string, string> {
  const result: Record<string, string> = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    if (line === '') continue
    const equals = line.indexOf('=')
    const heredoc = line.indexOf('<<')
    if (equals >= 0 && (heredoc < 0 || equals < heredoc)) {
      result[line.slice(0, equals)] = line.slice(equals + 1)
      continue
    }
    if (heredoc < 0) throw new Error(`Invalid line in runner file: ${JSON.stringify(line)}`)
    const name = line.slice(0, heredoc)
    const delimiter = line.slice(heredoc + 2)
    if (!name || !delimiter) throw new Error(`Invalid heredoc line in runner file: ${JSON.stringify(line)}`)
    const value: string[] = []
    let closed = false
    for (i++; i < lines.length; i++) {
      if (lines[i] === delimiter) {
        closed = true
        break
      }
      value.push(lines[i] ?? '')
    }
    if (!closed) throw new Error(`Heredoc for ${name} is missing its closing delimiter ${delimiter}`)
    result[name] = value.join('\n')
  }
  return result
}

export interface SignalPlan {
  name: NodeJS.Signals
  /** Send the signal this long after start. */
  afterMs?: number
  /** Send the signal when a stdout/stderr line matches. */
  whenOutput?: RegExp | string
}

export interface RunActionOptions {
  inputs: Record<string, string>
  /** The emulator (or its URL). Without one, AWS calls go to a closed local port. */
  emulator?: Emulator | string
  /** Extra environment, applied last (set a value to undefined to remove it). */
  env?: Record<string, string | undefined>
  /** Run as the post step, with `state` passed as STATE_<name> variables. */
  post?: boolean
  state?: Record<string, string>
  signal?: SignalPlan
  /** Called for every output line; may send signals through `send`. */
  onOutput?: (line: string, stream: 'stdout' | 'stderr', send: (signal: NodeJS.Signals) => void) => void
  timeoutMs?: number
  /** Defaults to <repo>/dist/index.js and <repo>/action.yml. */
  entry?: string
  actionYml?: string
  /** The runner only warns about inputs action.yml does not declare; tests treat them as typos. */
  allowUndeclaredInputs?: boolean
}

export interface ActionRun {
  exitCode: number | null
  /** The signal that ended the process, if any. */
  signal: NodeJS.Signals | null
  timedOut: boolean
  durationMs: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  state: Record<string, string>
  /** Variables exported through GITHUB_ENV. */
  exportedEnv: Record<string, string>
}

// What the runner exports for every step; a test that needs other values
// passes them through `env`.
function runnerEnvironment(dirs: { workspace: string; temp: string; eventPath: string }): Record<string, string> {
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

// The runner starts actions with a clean slate of these; nothing of the
// developer's own AWS setup, inputs or state may leak into a test.
const SCRUBBED_ENV = /^(AWS_|INPUT_|STATE_|GITHUB_|RUNNER_|ACTIONS_|JEST_|NODE_OPTIONS$|NODE_ENV$|SAGEMAKER_)/

let inputCache: { file: string; mtimeMs: number; inputs: ActionInput[] } | undefined

async function declaredInputs(file: string): Promise<ActionInput[]> {
  const stat = await fsp.stat(file).catch(() => undefined)
  if (!stat) throw new Error(`${file} does not exist`)
  if (inputCache?.file !== file || inputCache.mtimeMs !== stat.mtimeMs) {
    inputCache = { file, mtimeMs: stat.mtimeMs, inputs: parseActionInputs(await fsp.readFile(file, 'utf8')) }
  }
  return inputCache.inputs
}

/** Runs dist/index.js with Node 24 the way a GitHub runner runs a `node24` action step. */
export async function runAction(options: RunActionOptions): Promise<ActionRun> {
  const entry = options.entry ?? path.join(REPO_ROOT, 'dist', 'index.js')
  if (!existsSync(entry)) throw new Error(`${entry} does not exist: run npm run build first`)
  const declared = await declaredInputs(options.actionYml ?? path.join(REPO_ROOT, 'action.yml'))
  const undeclared = Object.keys(options.inputs).filter((name) => !declared.some((input) => input.name === name))
  if (undeclared.length && !options.allowUndeclaredInputs) {
    throw new Error(
      `Input(s) not declared in action.yml: ${undeclared.join(', ')}. Declared: ${declared.map((i) => i.name).join(', ')}`
    )
  }
  const node = await ensureNode24()

  const root = await fsp.mkdtemp(path.join(os.tmpdir(), 'action-run-'))
  const dirs = {
    workspace: path.join(root, 'workspace'),
    temp: path.join(root, 'runner-temp'),
    eventPath: path.join(root, 'event.json')
  }
  await fsp.mkdir(dirs.workspace)
  await fsp.mkdir(dirs.temp)
  await fsp.writeFile(dirs.eventPath, JSON.stringify({ inputs: {} }))
  const files = {
    GITHUB_OUTPUT: path.join(root, 'output'),
    GITHUB_STATE: path.join(root, 'state'),
    GITHUB_STEP_SUMMARY: path.join(root, 'step-summary'),
    GITHUB_ENV: path.join(root, 'env'),
    GITHUB_PATH: path.join(root, 'path')
  }
  for (const file of Object.values(files)) await fsp.writeFile(file, '')

  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !SCRUBBED_ENV.test(key)) env[key] = value
  }
  Object.assign(env, runnerEnvironment(dirs), files)
  const emulatorUrl = typeof options.emulator === 'string' ? options.emulator : options.emulator?.url
  Object.assign(env, {
    AWS_ENDPOINT_URL: emulatorUrl ?? 'http://127.0.0.1:9',
    AWS_REGION: TEST_REGION,
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    // Keep the developer's ~/.aws files and instance metadata out of reach.
    AWS_CONFIG_FILE: path.join(root, 'aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(root, 'aws-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true'
  })
  for (const input of declared) {
    if (input.default !== undefined) env[inputEnvName(input.name)] = input.default
  }
  for (const [name, value] of Object.entries(options.inputs)) env[inputEnvName(name)] = value
  if (options.post) {
    for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value
  }
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key]
    else env[key] = value
  }

  const started = Date.now()
  const child: ChildProcess = spawn(node, [entry], { cwd: dirs.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  let timedOut = false
  const timers: NodeJS.Timeout[] = []
  const send = (signal: NodeJS.Signals): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal)
  }
  let signalSent = false
  const plan = options.signal
  const sendPlanned = (): void => {
    if (plan && !signalSent) {
      signalSent = true
      send(plan.name)
    }
  }
  if (plan?.afterMs !== undefined) timers.push(setTimeout(sendPlanned, plan.afterMs))
  const watch = (stream: 'stdout' | 'stderr', source: NodeJS.ReadableStream | null): void => {
    let pending = ''
    source?.on('data', (chunk: Buffer) => {
      const text = chunk.toString()
      if (stream === 'stdout') stdout += text
      else stderr += text
      pending += text
      const lines = pending.split('\n')
      pending = lines.pop() ?? ''
      for (const line of lines) {
        options.onOutput?.(line, stream, send)
        if (plan?.whenOutput !== undefined) {
          const hit = typeof plan.whenOutput === 'string' ? line.includes(plan.whenOutput) : plan.whenOutput.test(line)
          if (hit) sendPlanned()
        }
      }
    })
  }
  watch('stdout', child.stdout)
  watch('stderr', child.stderr)
  timers.push(
    setTimeout(() => {
      timedOut = true
      send('SIGKILL')
    }, options.timeoutMs ?? 120_000)
  )
  const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (code, sig) => resolve([code, sig]))
  })
  for (const timer of timers) clearTimeout(timer)

  const read = (file: string): Promise<string> => fsp.readFile(file, 'utf8')
  const run: ActionRun = {
    exitCode,
    signal,
    timedOut,
    durationMs: Date.now() - started,
    stdout,
    stderr,
    outputs: parseRunnerFile(await read(files.GITHUB_OUTPUT)),
    summary: await read(files.GITHUB_STEP_SUMMARY),
    state: parseRunnerFile(await read(files.GITHUB_STATE)),
    exportedEnv: parseRunnerFile(await read(files.GITHUB_ENV))
  }
  await fsp.rm(root, { recursive: true, force: true })
  return run
}
