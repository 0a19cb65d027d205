// SageMaker inference components as the emulator runs them: their lifecycle,
// the endpoints that host them, copies placed on instances by their compute
// requirements (managed instance scaling adding and releasing instances),
// rolling updates in batches and their rollback on an alarm, InvokeEndpoint
// by InferenceComponentName, per-component metrics and autoscaling of copies.
// Everything goes through the AWS SDK and the control client.

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { GetMetricDataCommand } from '@aws-sdk/client-cloudwatch'
import { PutScalingPolicyCommand, RegisterScalableTargetCommand } from '@aws-sdk/client-application-auto-scaling'
import {
  AddTagsCommand,
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateInferenceComponentCommand,
  CreateModelCommand,
  DeleteInferenceComponentCommand,
  DeleteTagsCommand,
  DescribeInferenceComponentCommand,
  ListInferenceComponentsCommand,
  ListTagsCommand,
  UpdateInferenceComponentCommand,
  UpdateInferenceComponentRuntimeConfigCommand,
  type DescribeInferenceComponentCommandOutput,
  type InferenceComponentDeploymentConfig,
  type ListInferenceComponentsCommandInput,
  type ProductionVariantInstanceType
} from '@aws-sdk/client-sagemaker'
import { InvokeEndpointCommand } from '@aws-sdk/client-sagemaker-runtime'

import { emulatorControl, type EmulatorControl } from '../../test/emulator/control.mjs'
import {
  awsClients,
  seedModelAndEndpoint,
  setAlarm,
  startEmulator,
  TEST_ROLE_ARN,
  waitForEndpoint,
  type AwsClients,
  type Emulator
} from './harness.js'

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))
const IMAGE = (name: string): string => `123456789012.dkr.ecr.us-east-1.amazonaws.com/${name}:1`

let emulator: Emulator
let aws: AwsClients
let control: EmulatorControl

beforeAll(async () => {
  emulator = await startEmulator({ transitionSeconds: 1 })
  aws = awsClients(emulator)
  control = emulatorControl(emulator)
  await control.configure({ seed: 5, metricsMode: 'instant' })
}, 60_000)

afterAll(async () => {
  aws?.destroy()
  await emulator?.stop()
})

async function model(name: string): Promise<string> {
  await aws.sagemaker.send(
    new CreateModelCommand({
      ModelName: name,
      ExecutionRoleArn: TEST_ROLE_ARN,
      PrimaryContainer: { Image: IMAGE(name) }
    })
  )
  return name
}

/** An InService endpoint for components: one variant of `instances` × `type`, no model. */
async function componentEndpoint(
  name: string,
  type: ProductionVariantInstanceType,
  instances: number,
  scaling?: { min: number; max: number }
): Promise<void> {
  await aws.sagemaker.send(
    new CreateEndpointConfigCommand({
      EndpointConfigName: `${name}-config`,
      ExecutionRoleArn: TEST_ROLE_ARN,
      ProductionVariants: [
        {
          VariantName: 'AllTraffic',
          InstanceType: type,
          InitialInstanceCount: instances,
          ...(scaling && {
            ManagedInstanceScaling: { Status: 'ENABLED', MinInstanceCount: scaling.min, MaxInstanceCount: scaling.max }
          })
        }
      ]
    })
  )
  await aws.sagemaker.send(new CreateEndpointCommand({ EndpointName: name, EndpointConfigName: `${name}-config` }))
  await waitForEndpoint(aws.sagemaker, name, 'InService')
}

const gpuSpec = (modelName: string, gpus = 1) => ({
  ModelName: modelName,
  ComputeResourceRequirements: { NumberOfAcceleratorDevicesRequired: gpus, MinMemoryRequiredInMb: 1024 }
})

const createComponent = (name: string, endpoint: string, modelName: string, copies: number, gpus = 1) =>
  aws.sagemaker.send(
    new CreateInferenceComponentCommand({
      InferenceComponentName: name,
      EndpointName: endpoint,
      VariantName: 'AllTraffic',
      Specification: gpuSpec(modelName, gpus),
      RuntimeConfig: { CopyCount: copies }
    })
  )

const describeComponent = (name: string) =>
  aws.sagemaker.send(new DescribeInferenceComponentCommand({ InferenceComponentName: name }))

async function waitForComponent(
  name: string,
  done: string | ((d: DescribeInferenceComponentCommandOutput) => boolean),
  timeoutMs = 30_000
): Promise<DescribeInferenceComponentCommandOutput> {
  const predicate =
    typeof done === 'string'
      ? (d: DescribeInferenceComponentCommandOutput) => d.InferenceComponentStatus === done
      : done
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const last = await describeComponent(name)
    if (predicate(last)) return last
    if (Date.now() > deadline) throw new Error(`${name} stayed ${last.InferenceComponentStatus}`)
    await sleep(50)
  }
}

const rolling = (batch: number, waitSeconds: number, alarms: string[] = []): InferenceComponentDeploymentConfig => ({
  RollingUpdatePolicy: { MaximumBatchSize: { Type: 'COPY_COUNT', Value: batch }, WaitIntervalInSeconds: waitSeconds },
  ...(alarms.length > 0 && { AutoRollbackConfiguration: { Alarms: alarms.map((AlarmName) => ({ AlarmName })) } })
})

const invoke = (endpoint: string, component?: string) =>
  aws.runtime.send(
    new InvokeEndpointCommand({
      EndpointName: endpoint,
      Body: new TextEncoder().encode('{}'),
      ContentType: 'application/json',
      ...(component !== undefined && { InferenceComponentName: component })
    })
  )

describe('endpoints for inference components', () => {
  it('needs ExecutionRoleArn, keeps ManagedInstanceScaling to them, and hosts no component beside a model', async () => {
    await expect(
      aws.sagemaker.send(
        new CreateEndpointConfigCommand({
          EndpointConfigName: 'norole-config',
          ProductionVariants: [{ VariantName: 'AllTraffic', InstanceType: 'ml.g5.xlarge', InitialInstanceCount: 1 }]
        })
      )
    ).rejects.toMatchObject({ name: 'ValidationException', message: expect.stringMatching(/ExecutionRoleArn/) })
    await model('plain-model')
    await expect(
      aws.sagemaker.send(
        new CreateEndpointConfigCommand({
          EndpointConfigName: 'mis-config',
          ProductionVariants: [
            {
              VariantName: 'AllTraffic',
              ModelName: 'plain-model',
              InstanceType: 'ml.m5.large',
              InitialInstanceCount: 1,
              ManagedInstanceScaling: { Status: 'ENABLED', MinInstanceCount: 1, MaxInstanceCount: 2 }
            }
          ]
        })
      )
    ).rejects.toThrow('ManagedInstanceScaling is only supported for inference component endpoints.')
    await seedModelAndEndpoint(aws.sagemaker, { endpointName: 'modelled', variants: [{ variantName: 'AllTraffic' }] })
    await waitForEndpoint(aws.sagemaker, 'modelled', 'InService')
    await expect(createComponent('on-modelled', 'modelled', 'plain-model', 1)).rejects.toThrow(
      'Inference Components are not supported in this Endpoint. Please make sure this endpoint can deploy inference components.'
    )
  }, 30_000)
})

describe('lifecycle', () => {
  it('creates, describes, lists, tags, rescales and deletes a component', async () => {
    await componentEndpoint('life', 'ml.g5.48xlarge', 1)
    await model('life-model')
    const { InferenceComponentArn: arn } = await aws.sagemaker.send(
      new CreateInferenceComponentCommand({
        InferenceComponentName: 'life-a',
        EndpointName: 'life',
        VariantName: 'AllTraffic',
        Specification: gpuSpec('life-model'),
        RuntimeConfig: { CopyCount: 2 },
        Tags: [{ Key: 'team', Value: 'ml' }]
      })
    )
    expect(arn).toBe('arn:aws:sagemaker:us-east-1:123456789012:inference-component/life-a')
    const creating = await describeComponent('life-a')
    expect(creating.InferenceComponentStatus).toBe('Creating')
    expect(creating.RuntimeConfig).toEqual({ DesiredCopyCount: 2, CurrentCopyCount: 0 })
    const ready = await waitForComponent('life-a', 'InService')
    expect(ready).toMatchObject({
      EndpointName: 'life',
      VariantName: 'AllTraffic',
      Specification: {
        ModelName: 'life-model',
        ComputeResourceRequirements: { NumberOfAcceleratorDevicesRequired: 1, MinMemoryRequiredInMb: 1024 }
      },
      RuntimeConfig: { DesiredCopyCount: 2, CurrentCopyCount: 2 }
    })
    // A model that does not exist is refused at once.
    await expect(createComponent('life-b', 'life', 'missing-model', 1)).rejects.toThrow(/Could not find model/)
    await createComponent('life-b', 'life', 'life-model', 1)
    await createComponent('other-c', 'life', 'life-model', 1)

    const list = async (input: ListInferenceComponentsCommandInput) =>
      await aws.sagemaker.send(new ListInferenceComponentsCommand(input))
    const names = async (input: ListInferenceComponentsCommandInput) =>
      ((await list(input)).InferenceComponents ?? []).map((c) => c.InferenceComponentName)
    expect(
      await names({ EndpointNameEquals: 'life', NameContains: 'life-', SortBy: 'Name', SortOrder: 'Ascending' })
    ).toEqual(['life-a', 'life-b'])
    expect(await names({ EndpointNameEquals: 'life', StatusEquals: 'Creating', SortBy: 'Name' })).toEqual([
      'other-c',
      'life-b'
    ])
    expect(await names({ VariantNameEquals: 'Other' })).toEqual([])
    const first = await list({ EndpointNameEquals: 'life', MaxResults: 2, SortBy: 'Name', SortOrder: 'Ascending' })
    expect(first.InferenceComponents?.map((c) => c.InferenceComponentName)).toEqual(['life-a', 'life-b'])
    expect(
      await names({
        EndpointNameEquals: 'life',
        MaxResults: 2,
        SortBy: 'Name',
        SortOrder: 'Ascending',
        NextToken: first.NextToken
      })
    ).toEqual(['other-c'])

    await aws.sagemaker.send(
      new AddTagsCommand({
        ResourceArn: arn,
        Tags: [
          { Key: 'team', Value: 'serving' },
          { Key: 'x', Value: '1' }
        ]
      })
    )
    await aws.sagemaker.send(new DeleteTagsCommand({ ResourceArn: arn, TagKeys: ['x'] }))
    expect((await aws.sagemaker.send(new ListTagsCommand({ ResourceArn: arn }))).Tags).toEqual([
      { Key: 'team', Value: 'serving' }
    ])

    await aws.sagemaker.send(
      new UpdateInferenceComponentRuntimeConfigCommand({
        InferenceComponentName: 'life-a',
        DesiredRuntimeConfig: { CopyCount: 3 }
      })
    )
    const updating = await describeComponent('life-a')
    expect(updating.InferenceComponentStatus).toBe('Updating')
    expect(updating.RuntimeConfig?.DesiredCopyCount).toBe(3)
    // Changes wait for the component to be InService.
    await expect(
      aws.sagemaker.send(
        new UpdateInferenceComponentRuntimeConfigCommand({
          InferenceComponentName: 'life-a',
          DesiredRuntimeConfig: { CopyCount: 1 }
        })
      )
    ).rejects.toThrow(/in-progress inference component/)
    expect((await waitForComponent('life-a', 'InService')).RuntimeConfig).toEqual({
      DesiredCopyCount: 3,
      CurrentCopyCount: 3
    })

    await waitForComponent('other-c', 'InService')
    await aws.sagemaker.send(new DeleteInferenceComponentCommand({ InferenceComponentName: 'other-c' }))
    expect((await describeComponent('other-c')).InferenceComponentStatus).toBe('Deleting')
    await sleep(1_500)
    await expect(describeComponent('other-c')).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringMatching(/^Could not find inference component/)
    })
  }, 60_000)
})

describe('capacity', () => {
  it('fails a component whose copies fit on no instance, with a CapacityError', async () => {
    await componentEndpoint('tight', 'ml.g5.xlarge', 1)
    await model('tight-model')
    await createComponent('tight-a', 'tight', 'tight-model', 2)
    const failed = await waitForComponent('tight-a', (d) => d.InferenceComponentStatus !== 'Creating')
    expect(failed.InferenceComponentStatus).toBe('Failed')
    expect(failed.FailureReason).toMatch(/CapacityError/)
    // One copy of one GPU fits the one ml.g5.xlarge.
    await createComponent('tight-b', 'tight', 'tight-model', 1)
    expect(
      (await waitForComponent('tight-b', (d) => d.InferenceComponentStatus !== 'Creating')).InferenceComponentStatus
    ).toBe('InService')
    const report = await control.inferenceComponents('tight')
    expect(report.endpoints.tight?.variants.AllTraffic?.instances.map((i) => i.copies.length)).toEqual([1])
  }, 30_000)

  it('managed instance scaling launches instances for copies, the endpoint Updating meanwhile', async () => {
    await componentEndpoint('grow', 'ml.g5.2xlarge', 1, { min: 1, max: 2 })
    await model('grow-model')
    await createComponent('grow-a', 'grow', 'grow-model', 2)
    const updating = await waitForEndpoint(aws.sagemaker, 'grow', () => true)
    expect(updating.EndpointStatus).toBe('Updating')
    expect(updating.ProductionVariants?.[0]).toMatchObject({ CurrentInstanceCount: 1, DesiredInstanceCount: 2 })
    await waitForComponent('grow-a', 'InService')
    const done = await waitForEndpoint(aws.sagemaker, 'grow', 'InService')
    expect(done.ProductionVariants?.[0]).toMatchObject({
      CurrentInstanceCount: 2,
      DesiredInstanceCount: 2,
      ManagedInstanceScaling: { Status: 'ENABLED', MinInstanceCount: 1, MaxInstanceCount: 2 }
    })
    // Past MaxInstanceCount nothing fits.
    await createComponent('grow-b', 'grow', 'grow-model', 1)
    expect((await waitForComponent('grow-b', (d) => d.InferenceComponentStatus !== 'Creating')).FailureReason).toMatch(
      /CapacityError/
    )
    expect((await control.fleet()).grow?.currentInstances).toBe(2)
  }, 30_000)
})

describe('rolling updates', () => {
  it('replaces copies batch by batch, with one extra instance meanwhile, released at the end', async () => {
    await componentEndpoint('roll', 'ml.g5.2xlarge', 2, { min: 1, max: 3 })
    await model('roll-old')
    await model('roll-new')
    await createComponent('roll-ic', 'roll', 'roll-old', 2)
    await waitForComponent('roll-ic', 'InService')
    // A batch must be 5% to 50% of the copy count.
    await expect(
      aws.sagemaker.send(
        new UpdateInferenceComponentCommand({
          InferenceComponentName: 'roll-ic',
          Specification: gpuSpec('roll-new'),
          DeploymentConfig: rolling(2, 1)
        })
      )
    ).rejects.toThrow(/between 5% to 50% of the copy count/)

    await aws.sagemaker.send(
      new UpdateInferenceComponentCommand({
        InferenceComponentName: 'roll-ic',
        Specification: gpuSpec('roll-new'),
        RuntimeConfig: { CopyCount: 2 },
        DeploymentConfig: rolling(1, 2)
      })
    )
    const updating = await describeComponent('roll-ic')
    expect(updating.InferenceComponentStatus).toBe('Updating')
    expect(updating.Specification?.ModelName).toBe('roll-new')
    const extra = await waitForEndpoint(
      aws.sagemaker,
      'roll',
      (d) => d.ProductionVariants?.[0]?.DesiredInstanceCount === 3
    )
    expect(extra.EndpointStatus).toBe('Updating')
    // The first batch bakes: one new copy beside the two old ones, each on its own instance.
    const mixed = await waitForComponent('roll-ic', (d) => d.RuntimeConfig?.CurrentCopyCount === 3)
    expect(mixed.InferenceComponentStatus).toBe('Updating')
    const during = (await control.inferenceComponents('roll')).inferenceComponents['roll-ic']
    expect(during?.copies.map((c) => c.generation).sort()).toEqual(['new', 'old', 'old'])

    const done = await waitForComponent('roll-ic', 'InService')
    expect(done).toMatchObject({
      Specification: { ModelName: 'roll-new' },
      RuntimeConfig: { DesiredCopyCount: 2, CurrentCopyCount: 2 },
      LastDeploymentConfig: rolling(1, 2)
    })
    expect(done.FailureReason).toBeUndefined()
    const [update] = await control.componentUpdates('roll-ic')
    expect(update).toMatchObject({
      type: 'ROLLING',
      status: 'Succeeded',
      batchSize: 1,
      peakCopies: 3,
      peakInstances: 3
    })
    expect(update?.batches.map((b) => [b.newCopies, b.oldCopiesRemoved])).toEqual([
      [1, 1],
      [1, 1]
    ])
    // Each batch baked its WaitIntervalInSeconds after its copies took traffic, the last one too.
    for (const batch of update?.batches ?? []) expect(batch.bakedAt - batch.readyAt).toBe(2)
    expect((update?.endedAt ?? 0) - (update?.batches[1]?.readyAt ?? 0)).toBeGreaterThanOrEqual(2)
    const after = await waitForEndpoint(aws.sagemaker, 'roll', 'InService')
    expect(after.ProductionVariants?.[0]).toMatchObject({ CurrentInstanceCount: 2, DesiredInstanceCount: 2 })
    expect((await control.fleet()).roll).toMatchObject({ peakInstances: 3, currentInstances: 2 })
  }, 60_000)

  it('rolls back on an alarm: old copies restored, InService on the old Specification with the alarm named', async () => {
    await componentEndpoint('back', 'ml.g5.12xlarge', 1)
    await model('back-old')
    await model('back-new')
    await createComponent('back-ic', 'back', 'back-old', 2)
    await waitForComponent('back-ic', 'InService')
    await setAlarm(aws.cloudwatch, 'back-guard', 'OK')
    await aws.sagemaker.send(
      new UpdateInferenceComponentCommand({
        InferenceComponentName: 'back-ic',
        Specification: gpuSpec('back-new'),
        DeploymentConfig: rolling(1, 30, ['back-guard'])
      })
    )
    await waitForComponent('back-ic', (d) => d.RuntimeConfig?.CurrentCopyCount === 3)
    await setAlarm(aws.cloudwatch, 'back-guard', 'ALARM')
    const back = await waitForComponent('back-ic', 'InService', 20_000)
    expect(back.Specification?.ModelName).toBe('back-old')
    expect(back.RuntimeConfig).toEqual({ DesiredCopyCount: 2, CurrentCopyCount: 2 })
    expect(back.FailureReason).toMatch(/back-guard/)
    const [update] = await control.componentUpdates('back-ic')
    expect(update).toMatchObject({ status: 'RolledBack', rolledBackBy: 'alarm', firingAlarms: ['back-guard'] })
    expect(update?.rollbackBatches).toEqual([expect.objectContaining({ newCopiesRemoved: 1, oldCopiesPlaced: 0 })])
    const copies = (await control.inferenceComponents('back')).inferenceComponents['back-ic']?.copies ?? []
    expect(copies.map((c) => c.modelName)).toEqual(['back-old', 'back-old'])
  }, 60_000)
})

describe('updates on a fixed fleet', () => {
  it('rolls a blue/green update that does not fit back with a CapacityError, where a rolling one fits', async () => {
    await componentEndpoint('fixed', 'ml.g5.12xlarge', 1)
    await model('fixed-old')
    await model('fixed-new')
    await createComponent('fixed-ic', 'fixed', 'fixed-old', 3)
    await waitForComponent('fixed-ic', 'InService')
    // Blue/green needs three more GPUs beside the three in use; the instance has four.
    await aws.sagemaker.send(
      new UpdateInferenceComponentCommand({ InferenceComponentName: 'fixed-ic', Specification: gpuSpec('fixed-new') })
    )
    expect((await describeComponent('fixed-ic')).InferenceComponentStatus).toBe('Updating')
    const back = await waitForComponent('fixed-ic', 'InService')
    expect(back.Specification?.ModelName).toBe('fixed-old')
    expect(back.FailureReason).toMatch(/CapacityError/)
    expect((await control.componentUpdates('fixed-ic'))[0]).toMatchObject({
      type: 'BLUE_GREEN',
      status: 'RolledBack',
      rolledBackBy: 'capacity'
    })
    // One copy at a time fits in the free GPU.
    await aws.sagemaker.send(
      new UpdateInferenceComponentCommand({
        InferenceComponentName: 'fixed-ic',
        Specification: gpuSpec('fixed-new'),
        DeploymentConfig: rolling(1, 0)
      })
    )
    const done = await waitForComponent('fixed-ic', 'InService')
    expect(done.Specification?.ModelName).toBe('fixed-new')
    expect(done.FailureReason).toBeUndefined()
    const update = (await control.componentUpdates('fixed-ic'))[1]
    expect(update).toMatchObject({ type: 'ROLLING', status: 'Succeeded', peakCopies: 4, peakInstances: 1 })
    expect(update?.batches).toHaveLength(3)
  }, 30_000)
})

describe('invocation', () => {
  it('routes by InferenceComponentName to old and new copies alike, each behaving as its model', async () => {
    await componentEndpoint('route', 'ml.g5.12xlarge', 1)
    await model('route-old')
    await model('route-bad')
    await control.setModelBehaviour({ match: 'route-bad', errorRate: 1 })
    await createComponent('route-ic', 'route', 'route-old', 2)
    await waitForComponent('route-ic', 'InService')
    await expect(invoke('route')).rejects.toMatchObject({ name: 'ValidationError' })
    await expect(invoke('route', 'no-such-ic')).rejects.toMatchObject({ name: 'ValidationError' })
    const answer = await invoke('route', 'route-ic')
    expect(JSON.parse(new TextDecoder().decode(answer.Body))).toMatchObject({
      inferenceComponent: 'route-ic',
      modelName: 'route-old'
    })

    await aws.sagemaker.send(
      new UpdateInferenceComponentCommand({
        InferenceComponentName: 'route-ic',
        Specification: gpuSpec('route-bad'),
        DeploymentConfig: rolling(1, 30)
      })
    )
    await waitForComponent('route-ic', (d) => d.RuntimeConfig?.CurrentCopyCount === 3)
    const outcomes = { ok: 0, failed: 0 }
    for (let i = 0; i < 60; i++) {
      try {
        await invoke('route', 'route-ic')
        outcomes.ok++
      } catch (error) {
        expect(error).toMatchObject({ name: 'ModelError' })
        outcomes.failed++
      }
    }
    // One new copy of three: about a third of the requests reach the failing model.
    expect(outcomes.failed).toBeGreaterThan(8)
    expect(outcomes.ok).toBeGreaterThan(25)
    const state = (await control.inferenceComponents('route')).inferenceComponents['route-ic']
    expect(state?.requestsByModel['route-bad']).toBe(outcomes.failed)
  }, 60_000)
})

describe('metrics and autoscaling', () => {
  it('publishes per-component metrics (InferenceComponentName only) with the variant metrics, after the delay', async () => {
    await control.configure({ metricsMode: 'faithful', metricsDelaySeconds: [1, 2] })
    try {
      await componentEndpoint('met', 'ml.g5.12xlarge', 1)
      await model('met-model')
      await createComponent('met-ic', 'met', 'met-model', 2)
      await waitForComponent('met-ic', 'InService')
      await control.setComponentTraffic('met', 'met-ic', 10)
      expect(await control.componentTraffic()).toEqual({ met: { 'met-ic': 10 } })
      await sleep(2_000)
      await control.stopTraffic('met')
      const minute = Math.floor(Date.now() / 60_000) * 60_000
      let entries = await control.metricPublications('met')
      while (!entries.some((e) => e.inferenceComponent === 'met-ic' && Date.parse(e.minute) === minute)) {
        await sleep(500)
        entries = await control.metricPublications('met')
      }
      const ofComponent = entries.filter((e) => e.inferenceComponent === 'met-ic')
      const ofVariant = entries.filter((e) => e.inferenceComponent === null)
      for (const entry of ofComponent) {
        expect(entry.dueAt).toBeGreaterThanOrEqual(Date.parse(entry.minute) / 1000 + 60 + 1)
        expect(ofVariant.find((e) => e.minute === entry.minute)?.dueAt).toBe(entry.dueAt)
      }
      const total = ofComponent.reduce((sum, e) => sum + e.invocations, 0)
      expect(total).toBeGreaterThanOrEqual(18)
      const query = (id: string, name: string, stat: string) => ({
        Id: id,
        MetricStat: {
          Metric: {
            Namespace: 'AWS/SageMaker',
            MetricName: name,
            Dimensions: [{ Name: 'InferenceComponentName', Value: 'met-ic' }]
          },
          Period: 3600,
          Stat: stat
        }
      })
      const data = await aws.cloudwatch.send(
        new GetMetricDataCommand({
          StartTime: new Date(Date.now() - 3_600_000),
          EndTime: new Date(Date.now() + 60_000),
          MetricDataQueries: [
            query('inv', 'Invocations', 'Sum'),
            query('copy', 'InvocationsPerCopy', 'Sum'),
            query('p99', 'ModelLatency', 'p99'),
            query('err', 'InvocationModelErrors', 'Sum')
          ]
        })
      )
      const value = (id: string) => data.MetricDataResults?.find((r) => r.Id === id)?.Values?.[0]
      expect(value('inv')).toBe(total)
      expect(value('copy')).toBeCloseTo(total / 2, 6)
      expect(value('p99')).toBeGreaterThan(10_000)
      expect(value('err')).toBe(0)
    } finally {
      await control.configure({ metricsMode: 'instant' })
    }
  }, 120_000)

  it('scales the copy count by target tracking on InvocationsPerCopy, within MaxCapacity', async () => {
    await control.configure({ autoscalingIntervalSeconds: 1 })
    try {
      await componentEndpoint('auto', 'ml.g5.12xlarge', 1)
      await model('auto-model')
      await createComponent('auto-ic', 'auto', 'auto-model', 1)
      await waitForComponent('auto-ic', 'InService')
      const register = (resource: string) =>
        aws.autoscaling.send(
          new RegisterScalableTargetCommand({
            ServiceNamespace: 'sagemaker',
            ResourceId: `inference-component/${resource}`,
            ScalableDimension: 'sagemaker:inference-component:DesiredCopyCount',
            MinCapacity: 0,
            MaxCapacity: 3
          })
        )
      await expect(register('no-such-ic')).rejects.toMatchObject({ name: 'ValidationException' })
      await register('auto-ic')
      await aws.autoscaling.send(
        new PutScalingPolicyCommand({
          PolicyName: 'per-copy',
          ServiceNamespace: 'sagemaker',
          ResourceId: 'inference-component/auto-ic',
          ScalableDimension: 'sagemaker:inference-component:DesiredCopyCount',
          PolicyType: 'TargetTrackingScaling',
          TargetTrackingScalingPolicyConfiguration: {
            TargetValue: 60,
            PredefinedMetricSpecification: { PredefinedMetricType: 'SageMakerInferenceComponentInvocationsPerCopy' }
          }
        })
      )
      // 5 requests a second is 300 a minute: five copies at 60 each, held to MaxCapacity 3.
      await control.setComponentTraffic('auto', 'auto-ic', 5)
      const scaled = await waitForComponent('auto-ic', (d) => d.RuntimeConfig?.CurrentCopyCount === 3, 40_000)
      expect(scaled.RuntimeConfig?.DesiredCopyCount).toBe(3)
      await sleep(4_000)
      expect((await describeComponent('auto-ic')).RuntimeConfig?.DesiredCopyCount).toBe(3)
      await control.stopTraffic('auto')
      const steps = await control.componentUpdates('auto-ic')
      expect(steps.map((s) => [s.trigger, s.toCopyCount])).toEqual([
        ['ApplicationAutoScaling', 2],
        ['ApplicationAutoScaling', 3]
      ])
    } finally {
      await control.configure({ autoscalingIntervalSeconds: 10 })
    }
  }, 60_000)
})
