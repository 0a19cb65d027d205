// Shared pieces of the scenario tests: one emulator per test file, reset
// before every test, and short ways to run the bundled action and to read the
// emulator's state back through the SDK.

import { afterAll, beforeAll, beforeEach, jest } from '@jest/globals'
import {
  DescribeEndpointCommand,
  DescribeEndpointConfigCommand,
  ListEndpointConfigsCommand,
  ListEndpointsCommand,
  ListModelsCommand,
  ListTagsCommand,
  type DescribeEndpointCommandOutput
} from '@aws-sdk/client-sagemaker'
import {
  TEST_ACCOUNT,
  TEST_REGION,
  TEST_ROLE_ARN,
  awsClients,
  runAction,
  startEmulator,
  type ActionRun,
  type AwsClients,
  type Emulator,
  type RunActionOptions
} from './harness.js'
import { emulatorControl, type EmulatorControl } from '../../test/emulator/control.mjs'

/** Long enough to see Creating/Updating, short enough that the action's first 500 ms poll finds it done. */
export const TRANSITION_SECONDS = 0.3

export const image = (tag: string): string => `${TEST_ACCOUNT}.dkr.ecr.${TEST_REGION}.amazonaws.com/model:${tag}`

export interface Scenario {
  emulator: Emulator
  aws: AwsClients
  control: EmulatorControl
  /** Runs dist/index.js against this file's emulator. */
  run(inputs: Record<string, string>, options?: Omit<RunActionOptions, 'inputs' | 'emulator'>): Promise<ActionRun>
  /** A deploy with the inputs every deploy needs. */
  deploy(
    endpointName: string,
    inputs: Record<string, string>,
    options?: Omit<RunActionOptions, 'inputs' | 'emulator'>
  ): Promise<ActionRun>
}

/** Starts this file's emulator in beforeAll and resets it before every test. */
export function useScenario({ transitionSeconds = TRANSITION_SECONDS }: { transitionSeconds?: number } = {}): Scenario {
  const scenario = {} as Scenario
  // A scenario runs the action several times, rollouts with seconds of bake each.
  jest.setTimeout(60_000)
  beforeAll(async () => {
    const emulator = await startEmulator({ transitionSeconds })
    scenario.emulator = emulator
    scenario.aws = awsClients(emulator)
    scenario.control = emulatorControl(emulator)
    scenario.run = (inputs, options = {}) => runAction({ timeoutMs: 90_000, ...options, inputs, emulator })
    scenario.deploy = (endpointName, inputs, options) =>
      scenario.run(
        { operation: 'deploy', 'endpoint-name': endpointName, 'execution-role-arn': TEST_ROLE_ARN, ...inputs },
        options
      )
  }, 120_000)
  afterAll(async () => {
    scenario.aws?.destroy()
    await scenario.emulator?.stop()
  })
  beforeEach(async () => {
    await scenario.emulator.reset()
  })
  return scenario
}

/** The run's whole log, for a failed expectation to show. */
export function transcript(run: ActionRun): string {
  return `exit ${run.exitCode}${run.signal ? ` (${run.signal})` : ''}${run.timedOut ? ' (timed out)' : ''}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`
}

/** Fails with the run's log when the step did not succeed. */
export function expectSuccess(run: ActionRun): ActionRun {
  if (run.exitCode !== 0) throw new Error(`The step failed:\n${transcript(run)}`)
  return run
}

/** Fails with the run's log when the step did not fail; returns its ::error:: annotations. */
export function expectFailure(run: ActionRun): string[] {
  if (run.exitCode !== 1) throw new Error(`Expected the step to fail with exit code 1:\n${transcript(run)}`)
  return errorAnnotations(run)
}

/** The messages of the run's ::error:: (or ::warning::, ::notice::) workflow commands, read from stdout as the runner does. */
export function annotations(run: ActionRun, kind: 'error' | 'warning' | 'notice'): string[] {
  return run.stdout
    .split('\n')
    .filter((line) => line.startsWith(`::${kind}`))
    .map((line) => decodeCommand(line.slice(line.indexOf('::', 2) + 2)))
}

export const errorAnnotations = (run: ActionRun): string[] => annotations(run, 'error')
export const warningAnnotations = (run: ActionRun): string[] => annotations(run, 'warning')

// @actions/core escapes %, CR and LF in command messages.
function decodeCommand(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

/** The `result` output, parsed. */
export function resultOf(run: ActionRun): Record<string, unknown> {
  const raw = run.outputs.result
  if (raw === undefined) throw new Error(`The run set no result output:\n${transcript(run)}`)
  return JSON.parse(raw) as Record<string, unknown>
}

export function jsonOutput<T = Record<string, unknown>>(run: ActionRun, name: string): T {
  const raw = run.outputs[name]
  if (raw === undefined) throw new Error(`The run set no ${name} output:\n${transcript(run)}`)
  return JSON.parse(raw) as T
}

export interface Inventory {
  models: string[]
  configs: string[]
  endpoints: string[]
}

/** Every model, endpoint config and endpoint in the emulator, names sorted. */
export async function inventory(aws: AwsClients): Promise<Inventory> {
  const [models, configs, endpoints] = await Promise.all([
    aws.sagemaker.send(new ListModelsCommand({ MaxResults: 100 })),
    aws.sagemaker.send(new ListEndpointConfigsCommand({ MaxResults: 100 })),
    aws.sagemaker.send(new ListEndpointsCommand({ MaxResults: 100 }))
  ])
  const sorted = (names: Array<string | undefined>): string[] => names.map((name) => name ?? '').sort()
  return {
    models: sorted((models.Models ?? []).map((model) => model.ModelName)),
    configs: sorted((configs.EndpointConfigs ?? []).map((config) => config.EndpointConfigName)),
    endpoints: sorted((endpoints.Endpoints ?? []).map((endpoint) => endpoint.EndpointName))
  }
}

export async function describeEndpoint(aws: AwsClients, name: string): Promise<DescribeEndpointCommandOutput> {
  return aws.sagemaker.send(new DescribeEndpointCommand({ EndpointName: name }))
}

/** Variant name to its current weight, as DescribeEndpoint reports it. */
export function currentWeights(endpoint: DescribeEndpointCommandOutput): Record<string, number | undefined> {
  return Object.fromEntries((endpoint.ProductionVariants ?? []).map((v) => [v.VariantName ?? '', v.CurrentWeight]))
}

/** Variant name to model name, from an endpoint config. */
export async function configModels(aws: AwsClients, configName: string): Promise<Record<string, string>> {
  const config = await aws.sagemaker.send(new DescribeEndpointConfigCommand({ EndpointConfigName: configName }))
  return Object.fromEntries((config.ProductionVariants ?? []).map((v) => [v.VariantName ?? '', v.ModelName ?? '']))
}

/** The tags of an endpoint config, as a map. */
export async function configTags(aws: AwsClients, configName: string): Promise<Record<string, string>> {
  const config = await aws.sagemaker.send(new DescribeEndpointConfigCommand({ EndpointConfigName: configName }))
  const tags = await aws.sagemaker.send(new ListTagsCommand({ ResourceArn: config.EndpointConfigArn }))
  return Object.fromEntries((tags.Tags ?? []).map((tag) => [tag.Key ?? '', tag.Value ?? '']))
}

/** The rows of the summary's first HTML table whose header row starts with `firstHeader`. */
export function summaryTable(summary: string, firstHeader: string): string[][] {
  for (const table of summary.match(/<table>[\s\S]*?<\/table>/g) ?? []) {
    const rows = (table.match(/<tr>[\s\S]*?<\/tr>/g) ?? []).map((row) =>
      [...row.matchAll(/<t[hd]>([\s\S]*?)<\/t[hd]>/g)].map((cell) => cell[1] ?? '')
    )
    if (rows[0]?.[0] === firstHeader) return rows.slice(1)
  }
  return []
}
