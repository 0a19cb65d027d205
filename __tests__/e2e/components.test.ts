// Inference components, through the bundled action against an emulator that
// places copies on instances, runs SageMaker's rolling update batch by batch
// with the alarms it is given, routes requests to old and new copies alike,
// and publishes each component's metrics under InferenceComponentName after
// a delay. The endpoints publish every 10 s (MetricsConfig's enhanced
// metrics, which AWS offers for components), so a judged rollout takes a
// minute or two, not a quarter of an hour; the judging runs at real time, on
// traffic that reached the copies. The scenarios run side by side, each on an
// endpoint of its own in one emulator.

import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch'
import {
  CreateInferenceComponentCommand,
  DescribeEndpointConfigCommand,
  DescribeInferenceComponentCommand,
  DescribeModelCommand,
  ListTagsCommand,
  UpdateInferenceComponentRuntimeConfigCommand,
  type DescribeInferenceComponentCommandOutput
} from '@aws-sdk/client-sagemaker'
import { emulatorControl, type EmulatorControl } from '../../test/emulator/control.mjs'
import { componentSettled as settled, GPU_COPY, seedComponentEndpoint } from '../../test/emulator/components.mjs'
import {
  TEST_ROLE_ARN,
  awsClients,
  runAction,
  savedForPost,
  startEmulator,
  type ActionRun,
  type AwsClients,
  type Emulator
} from './harness.js'
import { describeEndpoint, expectFailure, image, resultOf, transcript } from './scenario.js'

jest.setTimeout(8 * 60_000)

/** Later than the 10 s periods close, as CloudWatch is; sooner than production, to save minutes. */
const PUBLICATION_DELAY_SECONDS: [number, number] = [5, 15]

let emulator: Emulator
let aws: AwsClients
let control: EmulatorControl

beforeAll(async () => {
  emulator = await startEmulator({ transitionSeconds: 1 })
  aws = awsClients(emulator)
  control = emulatorControl(emulator)
  await control.configure({ seed: 23, metricsDelaySeconds: PUBLICATION_DELAY_SECONDS })
}, 120_000)

afterAll(async () => {
  await control?.stopTraffic()
  aws?.destroy()
  await emulator?.stop()
})

/** `<name>-chat` serving `<name>-old` (enhanced metrics every 10 s), with a client sending `rate` requests a second. */
async function servingComponent(
  name: string,
  {
    instances,
    copies,
    rate,
    managedScaling
  }: { instances: number; copies: number; rate: number; managedScaling?: { min: number; max: number } }
): Promise<string> {
  const component = await seedComponentEndpoint(aws.sagemaker, {
    name,
    roleArn: TEST_ROLE_ARN,
    image: image(`${name}-old`),
    instances,
    copies,
    metricsEverySeconds: 10,
    ...(managedScaling ? { managedScaling } : {})
  })
  if (rate > 0) await control.setComponentTraffic(name, component, rate)
  return component
}

async function describeComponent(name: string): Promise<DescribeInferenceComponentCommandOutput> {
  return aws.sagemaker.send(new DescribeInferenceComponentCommand({ InferenceComponentName: name }))
}

const componentSettled = (name: string) => settled(aws.sagemaker, name)

function deploy(name: string, inputs: Record<string, string>, extra: Partial<Parameters<typeof runAction>[0]> = {}) {
  return runAction({
    emulator,
    timeoutMs: 6 * 60_000,
    ...extra,
    inputs: {
      operation: 'deploy',
      'endpoint-name': name,
      'inference-component-name': `${name}-chat`,
      'image-uri': image(`${name}-new`),
      'model-name': `${name}-new`,
      'execution-role-arn': TEST_ROLE_ARN,
      'batch-size': '2',
      'bake-time': '20s',
      'gate-interval': '10s',
      // SageMaker's MaximumExecutionTimeout must hold every batch at the worst: an instance launched for each.
      timeout: '30m',
      'max-error-rate': '5%',
      'min-invocations': '10',
      ...inputs
    }
  })
}

interface Step {
  verdict: string
  reason?: string
  evaluations: Array<{ verdict: string; failures: string[] }>
}

const stepsOf = (run: ActionRun): Step[] => (resultOf(run).rollout as { steps: Step[] }).steps

async function alarmState(name: string): Promise<string | undefined> {
  const found = await aws.cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: [name] }))
  return found.MetricAlarms?.[0]?.StateValue
}

describe('deploying an inference component', () => {
  it.concurrent('creates an endpoint ready for components, then the component, and judges its copies', async () => {
    const name = 'ic-new'
    const run = await runAction({
      emulator,
      timeoutMs: 3 * 60_000,
      inputs: {
        operation: 'deploy',
        'endpoint-name': name,
        'inference-component-name': `${name}-chat`,
        'image-uri': image(`${name}-v1`),
        'model-name': `${name}-v1`,
        'execution-role-arn': TEST_ROLE_ARN,
        'instance-type': 'ml.g5.12xlarge',
        'min-instance-count': '1',
        'max-instance-count': '2',
        'copy-count': '2',
        'accelerators-per-copy': '1',
        'memory-per-copy': '16GB',
        'bake-time': '5s',
        'gate-interval': '2s',
        timeout: '10m',
        'probe-payload': '{"inputs": "hello"}'
      }
    })

    if (run.exitCode !== 0) throw new Error(transcript(run))
    expect(run.outputs['rollout-result']).toBe('succeeded')
    // The endpoint's variant runs no model; its config names the role components run as, and the scaling asked for.
    const endpoint = await describeEndpoint(aws, name)
    const config = await aws.sagemaker.send(
      new DescribeEndpointConfigCommand({ EndpointConfigName: endpoint.EndpointConfigName })
    )
    expect(config.ExecutionRoleArn).toBe(TEST_ROLE_ARN)
    expect(config.ProductionVariants?.[0]).toMatchObject({
      InstanceType: 'ml.g5.12xlarge',
      ManagedInstanceScaling: { Status: 'ENABLED', MinInstanceCount: 1, MaxInstanceCount: 2 }
    })
    expect(config.ProductionVariants?.[0]?.ModelName).toBeUndefined()
    const component = await describeComponent(`${name}-chat`)
    expect(component.Specification?.ModelName).toBe(`${name}-v1`)
    expect(component.Specification?.ComputeResourceRequirements).toMatchObject(GPU_COPY)
    expect(component.RuntimeConfig?.CurrentCopyCount).toBe(2)
    // The copies were judged by probes sent with InferenceComponentName, which only the component's copies answer.
    const [step] = stepsOf(run)
    expect(step?.verdict).toBe('passed')
    expect(run.stdout).toContain(`Probe 1/1 to inference component "${name}-chat": ok`)
    // Traceable to the run that created it.
    const tags = await aws.sagemaker.send(new ListTagsCommand({ ResourceArn: component.InferenceComponentArn }))
    expect(tags.Tags?.find((tag) => tag.Key === 'sagemaker-deploy:run-url')?.Value).toMatch(/\/actions\/runs\//)
  })

  it.concurrent('rolls a healthy model in batches, judged during and after, and records where to return', async () => {
    const name = 'ic-healthy'
    // One instance holds the 4 copies (a GPU each of its 4): managed scaling launches a second for the batch of new ones.
    const component = await servingComponent(name, {
      instances: 1,
      copies: 4,
      rate: 10,
      managedScaling: { min: 1, max: 2 }
    })

    const run = await deploy(name, {})

    if (run.exitCode !== 0) throw new Error(transcript(run))
    expect(run.outputs['rollout-result']).toBe('succeeded')
    const [update] = await control.componentUpdates(component)
    expect(update).toMatchObject({ type: 'ROLLING', batchSize: 2, status: 'Succeeded', peakCopies: 6 })
    // The instance launched for the update is counted, from the endpoint's own instance count.
    const added = /Instance-hours this run added:<\/strong> ([0-9.]+) \(instances/.exec(run.summary)
    expect(Number(added?.[1])).toBeGreaterThan(0)
    expect(update?.batches).toHaveLength(2)
    // The verdict alarm was in SageMaker's AutoRollbackConfiguration, and is gone now the update has ended.
    const verdict = update?.alarms.find((alarm) => alarm.endsWith('-verdict'))
    expect(verdict).toBeDefined()
    expect(await alarmState(verdict ?? '')).toBeUndefined()
    // Judged twice: the whole component through the update, then the new copies alone, passing on evidence.
    const steps = stepsOf(run)
    expect(steps.map((step) => step.verdict)).toEqual(['passed', 'passed'])
    expect(steps[1]?.evaluations.some((evaluation) => evaluation.verdict === 'passed')).toBe(true)
    const served = await describeComponent(component)
    expect(served.Specification?.ModelName).toBe(`${name}-new`)
    // The endpoint's variant names no model: the summary says what the component runs.
    expect(run.summary).toContain(
      `Inference component &quot;${component}&quot; is InService: 4 of 4 copies of model &quot;${name}-new&quot;.`
    )
    const tags = await aws.sagemaker.send(new ListTagsCommand({ ResourceArn: served.InferenceComponentArn }))
    expect(tags.Tags?.find((tag) => tag.Key === 'sagemaker-deploy:previous-component')?.Value).toBe(
      `model=${name}-old copies=4 accelerators=1 memory=16384`
    )
  })

  it.concurrent("is rolled back by SageMaker on the action's verdict when the new model fails", async () => {
    const name = 'ic-bad'
    const component = await servingComponent(name, { instances: 2, copies: 4, rate: 10 })
    await control.setModelBehaviour({ match: `${name}-new`, errorRate: 0.6 })

    const run = await deploy(name, { 'bake-time': '90s' })

    expect(run.exitCode).toBe(1)
    expect(run.outputs['rollout-result']).toBe('rolled-back')
    const [update] = await control.componentUpdates(component)
    expect(update?.status).toBe('RolledBack')
    expect(update?.rolledBackBy).toBe('alarm')
    expect(update?.firingAlarms.some((alarm) => alarm.endsWith('-verdict'))).toBe(true)
    // It rolled back in the first batch's bake, on the blend of old and new copies.
    expect(update?.batches).toHaveLength(1)
    expect(run.stdout).toMatch(
      /SageMaker rolled inference component "ic-bad-chat" back to model "ic-bad-old" on the action's verdict: .*above max-error-rate 5\.00%/
    )
    expect((await describeComponent(component)).Specification?.ModelName).toBe(`${name}-old`)
    // The model the run created, which nothing runs, is gone.
    await expect(aws.sagemaker.send(new DescribeModelCommand({ ModelName: `${name}-new` }))).rejects.toThrow()
  })

  it.concurrent('is rolled back by SageMaker when the runner dies mid-update', async () => {
    const name = 'ic-killed'
    const component = await servingComponent(name, { instances: 2, copies: 4, rate: 10 })

    const run = await deploy(
      name,
      { 'bake-time': '120s' },
      { signal: { name: 'SIGKILL', whenOutput: "SageMaker's rolling update of" }, timeoutMs: 3 * 60_000 }
    )
    expect(run.signal).toBe('SIGKILL')

    // Nothing of the action runs any more: its verdict falls silent, and missing data is breaching.
    const deadline = Date.now() + 3 * 60_000
    let [update] = await control.componentUpdates(component)
    while (update?.status === 'InProgress' || update?.status === 'RollingBack') {
      if (Date.now() > deadline) throw new Error(`still ${update.status}: ${JSON.stringify(update)}`)
      await new Promise((resolve) => setTimeout(resolve, 2_000))
      ;[update] = await control.componentUpdates(component)
    }
    expect(update?.status).toBe('RolledBack')
    expect(update?.firingAlarms.some((alarm) => alarm.endsWith('-verdict'))).toBe(true)
    // Within the heartbeat window plus one period of the update's start (50 s for a 10 s gate-interval), long
    // before the first batch's bake of 120 s would have ended.
    expect((update?.rollbackStartedAt ?? Infinity) - (update?.startedAt ?? 0)).toBeLessThan(120)
    expect((await describeComponent(component)).Specification?.ModelName).toBe(`${name}-old`)
  })

  it.concurrent('is rolled back when the run is cancelled, and the post step deletes the verdict alarm', async () => {
    const name = 'ic-cancelled'
    const component = await servingComponent(name, { instances: 2, copies: 4, rate: 10 })

    const main = await deploy(
      name,
      { 'bake-time': '120s' },
      { signal: { name: 'SIGINT', whenOutput: "SageMaker's rolling update of" }, timeoutMs: 2 * 60_000 }
    )
    expect(main.exitCode).toBe(1)
    const [update] = await control.componentUpdates(component)
    const verdict = update?.alarms.find((alarm) => alarm.endsWith('-verdict')) ?? ''
    expect(JSON.parse(savedForPost(main.state, 'nativeDeployment') || '{}')).toMatchObject({
      alarms: [verdict],
      component
    })

    // The verdict falls silent with the run: SageMaker rolls back, and the post step waits for that to end.
    const post = await deploy(name, {}, { post: true, state: main.state, timeoutMs: 4 * 60_000 })

    expect(post.exitCode).toBe(0)
    const [ended] = await control.componentUpdates(component)
    expect(ended?.status).toBe('RolledBack')
    expect((await describeComponent(component)).Specification?.ModelName).toBe(`${name}-old`)
    expect(await alarmState(verdict)).toBeUndefined()
    expect(post.summary).toContain(`its alarms ${verdict} were deleted`)
  })

  it.concurrent('scales, rolls back and deletes a component, leaving its sibling untouched', async () => {
    const name = 'ic-ops'
    const component = await servingComponent(name, { instances: 2, copies: 2, rate: 0 })
    await aws.sagemaker.send(
      new CreateInferenceComponentCommand({
        InferenceComponentName: `${name}-search`,
        EndpointName: name,
        VariantName: 'AllTraffic',
        Specification: { ModelName: `${name}-old`, ComputeResourceRequirements: GPU_COPY },
        RuntimeConfig: { CopyCount: 1 }
      })
    )
    const sibling = await componentSettled(`${name}-search`)
    const operation = (inputs: Record<string, string>) =>
      runAction({
        emulator,
        timeoutMs: 3 * 60_000,
        inputs: { 'endpoint-name': name, 'inference-component-name': component, ...inputs }
      })

    const scaled = await operation({ operation: 'update-capacity', 'copy-count': '3' })
    if (scaled.exitCode !== 0) throw new Error(transcript(scaled))
    expect((await describeComponent(component)).RuntimeConfig).toMatchObject({
      DesiredCopyCount: 3,
      CurrentCopyCount: 3
    })

    // No traffic, so no metric gates: this scenario is about what the operations do, judged ones are above.
    const deployed = await deploy(name, {
      'batch-size': '1',
      'bake-time': '2s',
      'gate-interval': '1s',
      timeout: '40m',
      'max-error-rate': '',
      'min-invocations': '0'
    })
    if (deployed.exitCode !== 0) throw new Error(transcript(deployed))
    expect((await describeComponent(component)).Specification?.ModelName).toBe(`${name}-new`)

    const rolledBack = await operation({ operation: 'rollback' })
    if (rolledBack.exitCode !== 0) throw new Error(transcript(rolledBack))
    const back = await describeComponent(component)
    expect(back.Specification?.ModelName).toBe(`${name}-old`)
    expect(back.RuntimeConfig?.CurrentCopyCount).toBe(3)

    const deleted = await operation({ operation: 'delete' })
    if (deleted.exitCode !== 0) throw new Error(transcript(deleted))
    await expect(describeComponent(component)).rejects.toThrow(/Could not find inference component/)
    // Through all of it the sibling kept its model and its copies, and the endpoint stayed.
    const untouched = await describeComponent(`${name}-search`)
    expect(untouched.Specification).toEqual(sibling.Specification)
    expect(untouched.RuntimeConfig?.CurrentCopyCount).toBe(1)
    expect((await describeEndpoint(aws, name)).EndpointStatus).toBe('InService')
    const updates = await control.componentUpdates(`${name}-search`)
    expect(updates).toEqual([])
  })

  it.concurrent('prints the rolling update as a plan in a dry run, and changes nothing', async () => {
    const name = 'ic-dry'
    const component = await servingComponent(name, { instances: 2, copies: 4, rate: 0 })

    const run = await deploy(name, { 'dry-run': 'true' })

    if (run.exitCode !== 0) throw new Error(transcript(run))
    expect(run.stdout).toContain(
      `SageMaker's rolling update from model "${name}-old" to "${name}-new": 2 batches of 2 copies, each placed then baked 20s with the alarms watched; up to 6 copies at once (4 old + 2 new), each reserving 1 accelerator, 16384 MB; a rollback brings the old copies back 2 copies at a time, 8 copies at once should it begin as the last batch bakes.`
    )
    expect(run.stdout).toMatch(
      /\[dry-run\] would call UpdateInferenceComponent on inference component "ic-dry-chat": .*"MaximumBatchSize":\{"Type":"COPY_COUNT","Value":2\}/
    )
    expect(run.stdout).toContain('Judge the new copies alone for 20s, from the first whole period after the update')
    expect(await control.componentUpdates(component)).toEqual([])
    await expect(aws.sagemaker.send(new DescribeModelCommand({ ModelName: `${name}-new` }))).rejects.toThrow()
  })

  it.concurrent('refuses the model it runs with other compute, instead of reporting nothing to deploy', async () => {
    const name = 'ic-same'
    const component = await servingComponent(name, { instances: 1, copies: 2, rate: 0 })

    const run = await deploy(name, {
      'image-uri': image(`${name}-old`),
      'model-name': `${name}-old`,
      'memory-per-copy': '8GB'
    })

    expect(expectFailure(run).join('\n')).toContain(
      `Inference component "${component}" already runs model "${name}-old", and the inputs change only the compute per copy (memory-per-copy, accelerators-per-copy, cpu-cores-per-copy): a deploy releases a new model, so nothing was changed.`
    )
    expect(await control.componentUpdates(component)).toEqual([])

    const again = await deploy(name, {
      'image-uri': image(`${name}-old`),
      'model-name': `${name}-old`,
      'copy-count': '3'
    })

    if (again.exitCode !== 0) throw new Error(transcript(again))
    expect(again.stdout).toContain(`already runs model "${name}-old"; nothing to deploy`)
    expect(again.stdout).toContain(`runs 2 copies, not the 3 of copy-count`)
    expect(await control.componentUpdates(component)).toEqual([])
  })

  it.concurrent('refuses a component defined by its container, which it could not return to', async () => {
    const name = 'ic-container'
    await servingComponent(name, { instances: 2, copies: 1, rate: 0 })
    await aws.sagemaker.send(
      new CreateInferenceComponentCommand({
        InferenceComponentName: `${name}-vision`,
        EndpointName: name,
        VariantName: 'AllTraffic',
        Specification: { Container: { Image: image(`${name}-vision`) }, ComputeResourceRequirements: GPU_COPY },
        RuntimeConfig: { CopyCount: 2 }
      })
    )
    await componentSettled(`${name}-vision`)

    const run = await deploy(name, { 'inference-component-name': `${name}-vision` })

    expect(expectFailure(run).join('\n')).toContain(
      `Inference component "${name}-vision" is defined by its container (an image and artifacts), not by a model, and the action can only roll, and return to, a component that names its model. Nothing was changed.`
    )
    expect(await control.componentUpdates(`${name}-vision`)).toEqual([])
    await expect(aws.sagemaker.send(new DescribeModelCommand({ ModelName: `${name}-new` }))).rejects.toThrow()
  })

  it.concurrent(
    'refuses an update whose rollback batch cannot fit beside the new copies, before any change',
    async () => {
      const name = 'ic-back'
      // Three copies of one GPU and a batch of one fit the four GPUs; a rollback as the last batch bakes does not:
      // three new, the batch's old one not yet gone, and two old ones coming back.
      const component = await servingComponent(name, { instances: 1, copies: 3, rate: 0 })
      const run = await deploy(name, { 'batch-size': '1', 'rollback-batch-size': '2' })

      expect(expectFailure(run).join('\n')).toContain(
        `Endpoint "${name}" cannot hold the rolling update's rollback: 6 copies must run at once (3 "${component}" (new) + 1 "${component}" (old) + 2 "${component}" (old, coming back))`
      )
      expect(await control.componentUpdates(component)).toEqual([])
    }
  )

  it.concurrent('refuses a share of the copies that comes to less than one copy, saying what fits', async () => {
    const name = 'ic-share'
    const component = await servingComponent(name, { instances: 1, copies: 4, rate: 0 })
    const run = await deploy(name, { 'batch-size': '10%' })

    expect(expectFailure(run).join('\n')).toContain(
      'Input "batch-size": 10% of 4 copies must be 5% to 50% of the copies, and at least one whole copy (AWS does not say how it rounds a share): from 1 to 2 copies here. Nothing was changed.'
    )
    expect(await control.componentUpdates(component)).toEqual([])
  })

  it.concurrent('refuses a component scaled to zero, which has no copy to replace or judge', async () => {
    const name = 'ic-zero'
    const component = await servingComponent(name, { instances: 1, copies: 2, rate: 0 })
    await aws.sagemaker.send(
      new UpdateInferenceComponentRuntimeConfigCommand({
        InferenceComponentName: component,
        DesiredRuntimeConfig: { CopyCount: 0 }
      })
    )
    await componentSettled(component)

    const run = await deploy(name, { 'batch-size': '1' })

    expect(expectFailure(run).join('\n')).toContain(
      `Inference component "${component}" runs no copies (scaled to zero): SageMaker's rolling update would have no copy to replace, and the new model none to be judged on. Nothing was changed.`
    )
    expect((await describeComponent(component)).Specification?.ModelName).toBe(`${name}-old`)
  })

  it.concurrent("carries the component's caching and placement into the update and onto the way back", async () => {
    const name = 'ic-carry'
    await servingComponent(name, { instances: 2, copies: 1, rate: 0 })
    const settings = {
      DataCacheConfig: { EnableCaching: true },
      SchedulingConfig: { PlacementStrategy: 'BINPACK' as const }
    }
    await aws.sagemaker.send(
      new CreateInferenceComponentCommand({
        InferenceComponentName: `${name}-cached`,
        EndpointName: name,
        VariantName: 'AllTraffic',
        Specification: { ModelName: `${name}-old`, ComputeResourceRequirements: GPU_COPY, ...settings },
        RuntimeConfig: { CopyCount: 2 }
      })
    )
    await componentSettled(`${name}-cached`)

    const run = await deploy(name, {
      'inference-component-name': `${name}-cached`,
      'batch-size': '1',
      'dry-run': 'true'
    })

    if (run.exitCode !== 0) throw new Error(transcript(run))
    const request = run.stdout.match(/would call UpdateInferenceComponent on inference component "[^"]+": (\{.*\})$/m)
    expect(JSON.parse(request?.[1] ?? '{}').Specification).toMatchObject({ ModelName: `${name}-new`, ...settings })
    const record = run.stdout.match(/would call AddTags on inference component "[^"]+": (\{.*\})$/m)
    expect(record?.[1]).toContain(`model=${name}-old copies=2 accelerators=1 memory=16384 cache=true placement=BINPACK`)
  })

  it.concurrent('refuses an update whose batch cannot fit beside the old copies, before any change', async () => {
    const name = 'ic-full'
    // Four copies of one GPU fill the one ml.g5.12xlarge: a batch of one more has nowhere to go.
    const component = await servingComponent(name, { instances: 1, copies: 4, rate: 0 })
    const run = await deploy(name, { 'batch-size': '1' })

    expect(expectFailure(run).join('\n')).toContain(
      `Endpoint "${name}" cannot hold the rolling update: 5 copies must run at once (4 "${component}" (old) + 1 "${component}" (new)), and only 4 fit on 1 × ml.g5.12xlarge (4 accelerators, 48 CPU cores, 196608 MB): a copy of "${component}" (new) reserves 1 accelerator, 16384 MB. Nothing was changed.`
    )
    expect(await control.componentUpdates(component)).toEqual([])
    await expect(aws.sagemaker.send(new DescribeModelCommand({ ModelName: `${name}-new` }))).rejects.toThrow()
    expect((await describeEndpoint(aws, name)).EndpointConfigName).toBe(`${name}-config`)
  })
})
