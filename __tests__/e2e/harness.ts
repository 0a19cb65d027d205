// Helpers for the end-to-end tests: the emulator's control endpoints, AWS
// clients and seeding helpers. Starting the emulator and running the bundled
// dist/index.js as the runner does live in test/runner/runner.mjs, shared
// with the demo and the benchmark; this file passes them on under the names
// the tests use.
//
// E2E tests are meant to run with --runInBand (npm run test:e2e); the Node 24
// install is guarded by a lock anyway, so parallel workers stay safe.

import { PutMetricDataCommand, type CloudWatchClient, type MetricDatum } from '@aws-sdk/client-cloudwatch'
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateInferenceExperimentCommand,
  CreateModelCommand,
  CreateModelPackageCommand,
  CreateModelPackageGroupCommand,
  DescribeEndpointCommand,
  type CreateEndpointConfigCommandInput,
  type SageMakerClient,
  type DescribeEndpointCommandOutput,
  type ProductionVariantInstanceType,
  type Tag
} from '@aws-sdk/client-sagemaker'

import { EMULATOR_ACCOUNT, EMULATOR_REGION, type Emulator } from '../../test/runner/runner.mjs'

import { emulatorClients, type EmulatorClients } from '../../test/emulator/clients.mjs'

export { setAlarm } from '../../test/emulator/alarms.mjs'
export {
  REPO_ROOT,
  ensureNode24,
  inputEnvName,
  parseRunnerFile,
  runStep as runAction,
  startEmulator,
  type ActionInput,
  type ActionRun,
  type Emulator,
  type EmulatorOptions,
  type RunStepOptions as RunActionOptions,
  type SignalPlan
} from '../../test/runner/runner.mjs'

export const TEST_REGION = EMULATOR_REGION
export const TEST_ACCOUNT = EMULATOR_ACCOUNT
export const TEST_ROLE_ARN = `arn:aws:iam::${TEST_ACCOUNT}:role/sagemaker-execution`

/** Data capture of every request and answer, JSON as text, under `destination`: what the capture tests seed. */
export function captureEverything(destination: string) {
  return {
    DataCaptureConfig: {
      EnableCapture: true,
      InitialSamplingPercentage: 100,
      DestinationS3Uri: destination,
      CaptureOptions: [{ CaptureMode: 'Input' as const }, { CaptureMode: 'Output' as const }],
      CaptureContentTypeHeader: { JsonContentTypes: ['application/json'] }
    }
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

// ---------------------------------------------------------------------------
// Emulator control endpoints: one client, shared with the demo and the benchmark
// ---------------------------------------------------------------------------

export {
  emulatorControl,
  type EmulatorControl,
  type InvokeDelayRule,
  type InvokeFailureRule,
  type RecordedInvocation,
  type SeededInvokeResult
} from '../../test/emulator/control.mjs'

// ---------------------------------------------------------------------------
// AWS clients and seeding helpers
// ---------------------------------------------------------------------------

export type AwsClients = EmulatorClients

/** Clients to the emulator (or a proxy); one attempt a call: retries would hide emulator errors and slow failing tests down. */
export function awsClients(target: Emulator | string): AwsClients {
  return emulatorClients(target)
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
  /** Endpoint-level settings of the config (AsyncInferenceConfig, MetricsConfig...). */
  configSettings?: Omit<CreateEndpointConfigCommandInput, 'EndpointConfigName' | 'ProductionVariants' | 'Tags'>
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
      ...options.configSettings,
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

/** An account other than the emulator's, for packages it shares (an AWS Marketplace package's is one too). */
export const OTHER_ACCOUNT = '210987654321'

/**
 * A package version created by `account` (another one by default) in group
 * `group`, its container running `image`; its ARN, which the emulator's
 * account names it by, as it would a package shared with it.
 */
export async function seedModelPackage(
  target: Emulator | string,
  {
    group,
    image,
    account = OTHER_ACCOUNT,
    status = 'Approved'
  }: { group: string; image: string; account?: string; status?: 'Approved' | 'PendingManualApproval' }
): Promise<string> {
  const owner = emulatorClients(target, { account })
  try {
    await owner.sagemaker.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: group }))
    const created = await owner.sagemaker.send(
      new CreateModelPackageCommand({
        ModelPackageGroupName: group,
        ModelApprovalStatus: status,
        InferenceSpecification: {
          Containers: [{ Image: image, ModelDataUrl: `s3://models/${group}/model.tar.gz` }],
          SupportedContentTypes: ['application/json'],
          SupportedResponseMIMETypes: ['application/json'],
          SupportedRealtimeInferenceInstanceTypes: ['ml.m5.large']
        }
      })
    )
    return created.ModelPackageArn ?? ''
  } finally {
    owner.destroy()
  }
}

/**
 * A SageMaker shadow test (inference experiment) on `endpoint`, scheduled to
 * start `startInHours` from now and run `days`: `production` serves, `shadow`
 * gets a copy of a fifth of its requests. The emulator holds it Created.
 */
export function shadowTestRequest(
  name: string,
  endpoint: string,
  models: { production: string; shadow: string },
  { startInHours = 2, days = 7 }: { startInHours?: number; days?: number } = {}
): CreateInferenceExperimentCommand {
  const start = new Date(Date.now() + startInHours * 3600_000)
  const variant = (variantName: string, modelName: string) => ({
    VariantName: variantName,
    ModelName: modelName,
    InfrastructureConfig: {
      InfrastructureType: 'RealTimeInference' as const,
      RealTimeInferenceConfig: { InstanceType: 'ml.m5.large' as const, InstanceCount: 1 }
    }
  })
  return new CreateInferenceExperimentCommand({
    Name: name,
    Type: 'ShadowMode',
    RoleArn: TEST_ROLE_ARN,
    EndpointName: endpoint,
    Schedule: { StartTime: start, EndTime: new Date(start.getTime() + days * 86400_000) },
    ModelVariants: [variant('production', models.production), variant('shadow', models.shadow)],
    ShadowModeConfig: {
      SourceModelVariantName: 'production',
      ShadowModelVariants: [{ ShadowModelVariantName: 'shadow', SamplingPercentage: 20 }]
    }
  })
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

/** One part of the record the main step saved for the post step, as JSON; '' when it saved none. */
export function savedForPost(
  state: Record<string, string>,
  part: 'rollout' | 'lock' | 'nativeDeployment' | 'created'
): string {
  const record = JSON.parse(state.run || '{}') as Record<string, unknown>
  return record[part] === undefined ? '' : JSON.stringify(record[part])
}
