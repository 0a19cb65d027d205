// What the action's own end-to-end tests rely on and could not notice losing:
// the emulator's SageMaker keeps production's transitions, refusals and
// rollbacks (a too-lenient emulator would let them pass untested), and the
// runner module (test/runner/runner.mjs) gives a step what GitHub's runner
// gives it, under a whole Node 24, and cancels it as the runner does.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { promises as fsp } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { spawnSync } from 'node:child_process'

import {
  DeleteScalingPolicyCommand,
  DescribeScalableTargetsCommand,
  DescribeScalingPoliciesCommand,
  PutScalingPolicyCommand,
  RegisterScalableTargetCommand
} from '@aws-sdk/client-application-auto-scaling'
import {
  CreateEndpointConfigCommand,
  CreateModelCommand,
  DeleteEndpointCommand,
  UpdateEndpointCommand,
  UpdateEndpointWeightsAndCapacitiesCommand,
  type DescribeEndpointCommandOutput
} from '@aws-sdk/client-sagemaker'
import { InvokeEndpointCommand } from '@aws-sdk/client-sagemaker-runtime'

import { ACTION_DEFAULTS } from '../../src/action-defaults.js'
import {
  ACTION_YML,
  CANCEL_KILL_MS,
  CANCEL_SIGTERM_MS,
  declaredInputs,
  nodeVersion,
  runningEmulators,
  scrubEnvironment
} from '../../test/runner/runner.mjs'
import {
  TEST_ROLE_ARN,
  awsClients,
  emulatorControl,
  ensureNode24,
  inputEnvName,
  parseRunnerFile,
  runAction,
  seedModelAndEndpoint,
  setAlarm,
  startEmulator,
  waitForEndpoint,
  type AwsClients,
  type Emulator,
  type EmulatorControl
} from './harness.js'

// Long enough that a describe right after a change still sees the transition on a busy machine.
const TRANSITION_SECONDS = 1

let emulator: Emulator
let aws: AwsClients
let control: EmulatorControl

beforeAll(async () => {
  emulator = await startEmulator({ transitionSeconds: TRANSITION_SECONDS })
  aws = awsClients(emulator)
  control = emulatorControl(emulator)
}, 60_000)

afterAll(async () => {
  aws?.destroy()
  await emulator?.stop()
})

beforeEach(async () => {
  await emulator.reset()
})

const weights = (d: DescribeEndpointCommandOutput): Record<string, [number | undefined, number | undefined]> =>
  Object.fromEntries((d.ProductionVariants ?? []).map((v) => [v.VariantName ?? '', [v.CurrentWeight, v.DesiredWeight]]))

const counts = (d: DescribeEndpointCommandOutput): Record<string, [number | undefined, number | undefined]> =>
  Object.fromEntries(
    (d.ProductionVariants ?? []).map((v) => [v.VariantName ?? '', [v.CurrentInstanceCount, v.DesiredInstanceCount]])
  )

async function createModel(name: string, image: string): Promise<void> {
  await aws.sagemaker.send(
    new CreateModelCommand({ ModelName: name, ExecutionRoleArn: TEST_ROLE_ARN, PrimaryContainer: { Image: image } })
  )
}

async function createConfig(
  name: string,
  variants: Array<{ variant: string; model: string; count?: number; weight?: number; type?: string }>
): Promise<void> {
  await aws.sagemaker.send(
    new CreateEndpointConfigCommand({
      EndpointConfigName: name,
      ProductionVariants: variants.map((v) => ({
        VariantName: v.variant,
        ModelName: v.model,
        InstanceType: (v.type ?? 'ml.m5.large') as 'ml.m5.large',
        InitialInstanceCount: v.count ?? 1,
        InitialVariantWeight: v.weight ?? 1
      }))
    })
  )
}

function expectAwsError(promise: Promise<unknown>, name: string, message: RegExp): Promise<void> {
  return expect(promise).rejects.toMatchObject({ name, message: expect.stringMatching(message) })
}

describe('emulator', () => {
  // The file's first SageMaker calls load moto's backends: slow on a busy machine.
  it('passes a new endpoint through Creating to InService', async () => {
    const seeded = await seedModelAndEndpoint(aws.sagemaker, { endpointName: 'create-ep', wait: false })
    const creating = await waitForEndpoint(aws.sagemaker, 'create-ep', () => true)
    expect(creating.EndpointStatus).toBe('Creating')
    const ready = await waitForEndpoint(aws.sagemaker, 'create-ep', 'InService')
    expect(ready.EndpointConfigName).toBe(seeded.configName)
    expect(ready.ProductionVariants?.[0]).toMatchObject({
      VariantName: 'AllTraffic',
      CurrentWeight: 1,
      DesiredWeight: 1,
      CurrentInstanceCount: 1,
      DesiredInstanceCount: 1,
      DeployedImages: [expect.objectContaining({ SpecifiedImage: expect.stringContaining('model:seed') })]
    })
  }, 30_000)

  it('ends a fail-create endpoint Failed with a FailureReason', async () => {
    await seedModelAndEndpoint(aws.sagemaker, { endpointName: 'broken-ep', image: 'registry.example/fail-create:1' })
    const described = await waitForEndpoint(aws.sagemaker, 'broken-ep', () => true)
    expect(described.EndpointStatus).toBe('Failed')
    expect(described.FailureReason).toMatch(/AllTraffic.*health check/)
  })

  it('runs UpdateEndpoint through Updating on the old config, refusing changes meanwhile', async () => {
    // Long enough for the four refused calls below to land inside it on a busy machine.
    const transitionSeconds = 3
    await control.configure({ transitionSeconds })
    const seeded = await seedModelAndEndpoint(aws.sagemaker, { endpointName: 'upd-ep' })
    await createModel('upd-new', 'registry.example/model:2')
    await createConfig('upd-new-config', [
      { variant: 'AllTraffic', model: seeded.modelNames[0] ?? '', weight: 1 },
      { variant: 'canary', model: 'upd-new', weight: 0, count: 2 }
    ])
    await aws.sagemaker.send(
      new UpdateEndpointCommand({ EndpointName: 'upd-ep', EndpointConfigName: 'upd-new-config' })
    )

    const updating = await waitForEndpoint(aws.sagemaker, 'upd-ep', () => true)
    expect(updating.EndpointStatus).toBe('Updating')
    expect(updating.EndpointConfigName).toBe(seeded.configName)
    expect(updating.ProductionVariants?.map((v) => v.VariantName)).toEqual(['AllTraffic'])
    expect(updating.PendingDeploymentSummary?.EndpointConfigName).toBe('upd-new-config')

    const inProgress = /^Cannot update in-progress endpoint "arn:aws:sagemaker:us-east-1:\d+:endpoint\/upd-ep"\.$/
    await expectAwsError(
      aws.sagemaker.send(new UpdateEndpointCommand({ EndpointName: 'upd-ep', EndpointConfigName: 'upd-new-config' })),
      'ValidationException',
      inProgress
    )
    await expectAwsError(
      aws.sagemaker.send(
        new UpdateEndpointWeightsAndCapacitiesCommand({
          EndpointName: 'upd-ep',
          DesiredWeightsAndCapacities: [{ VariantName: 'AllTraffic', DesiredWeight: 1 }]
        })
      ),
      'ValidationException',
      inProgress
    )
    await expectAwsError(
      aws.sagemaker.send(new DeleteEndpointCommand({ EndpointName: 'upd-ep' })),
      'ValidationException',
      inProgress
    )

    const done = await waitForEndpoint(aws.sagemaker, 'upd-ep', 'InService')
    expect(done.EndpointConfigName).toBe('upd-new-config')
    expect(done.FailureReason).toBeUndefined()
    expect(done.PendingDeploymentSummary).toBeUndefined()
    // Weight 0 variants keep their weight fields.
    expect(weights(done)).toEqual({ AllTraffic: [1, 1], canary: [0, 0] })
    expect(counts(done)).toEqual({ AllTraffic: [1, 1], canary: [2, 2] })
  }, 30_000)

  it('rolls a fail-update image back to the old config with a FailureReason', async () => {
    const seeded = await seedModelAndEndpoint(aws.sagemaker, { endpointName: 'rb-ep' })
    await createModel('rb-bad', 'registry.example/fail-update:2')
    await createConfig('rb-bad-config', [{ variant: 'AllTraffic', model: 'rb-bad' }])
    await aws.sagemaker.send(new UpdateEndpointCommand({ EndpointName: 'rb-ep', EndpointConfigName: 'rb-bad-config' }))
    expect((await waitForEndpoint(aws.sagemaker, 'rb-ep', () => true)).EndpointStatus).toBe('Updating')
    const done = await waitForEndpoint(aws.sagemaker, 'rb-ep', 'InService')
    expect(done.EndpointConfigName).toBe(seeded.configName)
    expect(done.FailureReason).toMatch(/health check/)
    expect(done.ProductionVariants?.[0]?.DeployedImages?.[0]?.SpecifiedImage).toContain('model:seed')
  })

  it('rolls a blue/green update back through RollingBack when its alarm fires', async () => {
    const seeded = await seedModelAndEndpoint(aws.sagemaker, { endpointName: 'bg-ep' })
    await createModel('bg-new', 'registry.example/model:3')
    await createConfig('bg-new-config', [{ variant: 'AllTraffic', model: 'bg-new' }])
    await setAlarm(aws.cloudwatch, 'bg-5xx', 'ALARM')
    await aws.sagemaker.send(
      new UpdateEndpointCommand({
        EndpointName: 'bg-ep',
        EndpointConfigName: 'bg-new-config',
        DeploymentConfig: {
          BlueGreenUpdatePolicy: {
            TrafficRoutingConfiguration: { Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 0 },
            TerminationWaitInSeconds: 0
          },
          AutoRollbackConfiguration: { Alarms: [{ AlarmName: 'bg-5xx' }] }
        }
      })
    )
    const seen = new Set<string>()
    const done = await waitForEndpoint(aws.sagemaker, 'bg-ep', (d) => {
      seen.add(d.EndpointStatus ?? '')
      return d.EndpointStatus === 'InService'
    })
    expect([...seen]).toEqual(['Updating', 'RollingBack', 'InService'])
    expect(done.EndpointConfigName).toBe(seeded.configName)
    expect(done.FailureReason).toContain('bg-5xx')
    expect(done.LastDeploymentConfig?.AutoRollbackConfiguration?.Alarms?.[0]?.AlarmName).toBe('bg-5xx')
  })

  it('completes a blue/green update whose alarm stays OK', async () => {
    await seedModelAndEndpoint(aws.sagemaker, { endpointName: 'bg-ok-ep' })
    await createModel('bg-ok-new', 'registry.example/model:4')
    await createConfig('bg-ok-config', [{ variant: 'AllTraffic', model: 'bg-ok-new' }])
    await setAlarm(aws.cloudwatch, 'bg-ok-5xx', 'OK')
    await aws.sagemaker.send(
      new UpdateEndpointCommand({
        EndpointName: 'bg-ok-ep',
        EndpointConfigName: 'bg-ok-config',
        DeploymentConfig: { AutoRollbackConfiguration: { Alarms: [{ AlarmName: 'bg-ok-5xx' }] } }
      })
    )
    await waitForEndpoint(aws.sagemaker, 'bg-ok-ep', 'Updating')
    const done = await waitForEndpoint(aws.sagemaker, 'bg-ok-ep', 'InService')
    expect(done.EndpointConfigName).toBe('bg-ok-config')
    expect(done.FailureReason).toBeUndefined()
  })

  it('shifts weights and capacity through Updating, keeping weight-0 variants and untouched fields', async () => {
    await seedModelAndEndpoint(aws.sagemaker, {
      endpointName: 'w-ep',
      variants: [
        { variantName: 'blue', weight: 1, instanceCount: 2 },
        { variantName: 'green', weight: 0, instanceCount: 1 }
      ]
    })
    const before = await waitForEndpoint(aws.sagemaker, 'w-ep', 'InService')
    expect(weights(before)).toEqual({ blue: [1, 1], green: [0, 0] })

    await aws.sagemaker.send(
      new UpdateEndpointWeightsAndCapacitiesCommand({
        EndpointName: 'w-ep',
        DesiredWeightsAndCapacities: [
          { VariantName: 'blue', DesiredWeight: 90 },
          { VariantName: 'green', DesiredWeight: 10, DesiredInstanceCount: 3 }
        ]
      })
    )
    const updating = await waitForEndpoint(aws.sagemaker, 'w-ep', () => true)
    expect(updating.EndpointStatus).toBe('Updating')
    expect(weights(updating)).toEqual({ blue: [1, 90], green: [0, 10] })
    expect(counts(updating)).toEqual({ blue: [2, 2], green: [1, 3] })

    const done = await waitForEndpoint(aws.sagemaker, 'w-ep', 'InService')
    expect(weights(done)).toEqual({ blue: [90, 90], green: [10, 10] })
    expect(counts(done)).toEqual({ blue: [2, 2], green: [3, 3] })

    await aws.sagemaker.send(
      new UpdateEndpointWeightsAndCapacitiesCommand({
        EndpointName: 'w-ep',
        DesiredWeightsAndCapacities: [{ VariantName: 'green', DesiredWeight: 0 }]
      })
    )
    const back = await waitForEndpoint(aws.sagemaker, 'w-ep', 'InService')
    expect(weights(back)).toEqual({ blue: [90, 90], green: [0, 0] })
    expect(counts(back)).toEqual({ blue: [2, 2], green: [3, 3] })
  })

  it('invokes by TargetVariant and injects ModelError failures', async () => {
    await seedModelAndEndpoint(aws.sagemaker, {
      endpointName: 'inv-ep',
      variants: [
        { variantName: 'blue', weight: 1 },
        { variantName: 'green', weight: 0 }
      ]
    })
    const invoke = (target?: string) =>
      aws.runtime.send(
        new InvokeEndpointCommand({
          EndpointName: 'inv-ep',
          Body: new TextEncoder().encode('{}'),
          ContentType: 'application/json',
          ...(target ? { TargetVariant: target } : {})
        })
      )
    expect((await invoke('green')).InvokedProductionVariant).toBe('green')
    expect((await invoke()).InvokedProductionVariant).toBe('blue')

    await control.failInvocations({ endpoint: 'inv-ep', variant: 'green', status: 503, message: 'model not loaded' })
    await expect(invoke('green')).rejects.toMatchObject({
      name: 'ModelError',
      $metadata: { httpStatusCode: 424 },
      OriginalStatusCode: 503,
      OriginalMessage: 'model not loaded'
    })
    expect((await invoke('blue')).InvokedProductionVariant).toBe('blue')

    await expect(
      aws.runtime.send(new InvokeEndpointCommand({ EndpointName: 'nope-ep', Body: new TextEncoder().encode('{}') }))
    ).rejects.toMatchObject({
      name: 'ValidationError',
      $metadata: { httpStatusCode: 400 },
      message: 'Endpoint nope-ep of account 123456789012 not found.'
    })

    const recorded = await control.invocations()
    expect(recorded.map((r) => [r.endpoint, r.targetVariant, r.variant, r.status])).toEqual([
      ['inv-ep', 'green', 'green', 200],
      ['inv-ep', null, 'blue', 200],
      ['inv-ep', 'green', 'green', 424],
      ['inv-ep', 'blue', 'blue', 200],
      ['nope-ep', null, null, 400]
    ])
  })

  it('guards autoscaled variants and cleans their targets up on delete', async () => {
    const seeded = await seedModelAndEndpoint(aws.sagemaker, { endpointName: 'as-ep' })
    const target = {
      ServiceNamespace: 'sagemaker' as const,
      ResourceId: 'endpoint/as-ep/variant/AllTraffic',
      ScalableDimension: 'sagemaker:variant:DesiredInstanceCount' as const
    }
    await expect(
      aws.autoscaling.send(
        new PutScalingPolicyCommand({
          ...target,
          PolicyName: 'early',
          PolicyType: 'TargetTrackingScaling',
          TargetTrackingScalingPolicyConfiguration: { TargetValue: 50 }
        })
      )
    ).rejects.toMatchObject({ name: 'ObjectNotFoundException' })
    await expect(
      aws.autoscaling.send(
        new RegisterScalableTargetCommand({
          ...target,
          ResourceId: 'endpoint/as-ep/variant/ghost',
          MinCapacity: 1,
          MaxCapacity: 2
        })
      )
    ).rejects.toMatchObject({ name: 'ValidationException' })

    await aws.autoscaling.send(new RegisterScalableTargetCommand({ ...target, MinCapacity: 1, MaxCapacity: 4 }))
    await aws.autoscaling.send(
      new PutScalingPolicyCommand({
        ...target,
        PolicyName: 'invocations',
        PolicyType: 'TargetTrackingScaling',
        TargetTrackingScalingPolicyConfiguration: {
          TargetValue: 70,
          PredefinedMetricSpecification: { PredefinedMetricType: 'SageMakerVariantInvocationsPerInstance' },
          ScaleInCooldown: 300,
          ScaleOutCooldown: 60
        }
      })
    )
    const policies = await aws.autoscaling.send(new DescribeScalingPoliciesCommand({ ServiceNamespace: 'sagemaker' }))
    expect(policies.ScalingPolicies?.[0]?.TargetTrackingScalingPolicyConfiguration).toMatchObject({
      TargetValue: 70,
      ScaleInCooldown: 300,
      ScaleOutCooldown: 60
    })

    await createModel('as-new', 'registry.example/model:5')
    await createConfig('as-renamed', [{ variant: 'renamed', model: 'as-new' }])
    await expectAwsError(
      aws.sagemaker.send(new UpdateEndpointCommand({ EndpointName: 'as-ep', EndpointConfigName: 'as-renamed' })),
      'ValidationException',
      /AllTraffic.*scalable targets|scalable targets.*AllTraffic/
    )
    await createConfig('as-same-variant', [{ variant: 'AllTraffic', model: 'as-new' }])
    await aws.sagemaker.send(
      new UpdateEndpointCommand({ EndpointName: 'as-ep', EndpointConfigName: 'as-same-variant' })
    )
    await waitForEndpoint(aws.sagemaker, 'as-ep', 'InService')
    expect(seeded.endpointName).toBe('as-ep')

    await aws.sagemaker.send(new DeleteEndpointCommand({ EndpointName: 'as-ep' }))
    const targets = await aws.autoscaling.send(new DescribeScalableTargetsCommand({ ServiceNamespace: 'sagemaker' }))
    expect(targets.ScalableTargets).toEqual([])
    const left = await aws.autoscaling.send(new DescribeScalingPoliciesCommand({ ServiceNamespace: 'sagemaker' }))
    expect(left.ScalingPolicies).toEqual([])
    await expect(
      aws.autoscaling.send(new DeleteScalingPolicyCommand({ ...target, PolicyName: 'invocations' }))
    ).rejects.toMatchObject({ name: 'ValidationException' })
  })

  it('refuses duplicate models, configs and endpoints', async () => {
    const seeded = await seedModelAndEndpoint(aws.sagemaker, { endpointName: 'dup-ep' })
    await expectAwsError(
      createModel(seeded.modelNames[0] ?? '', 'registry.example/other:1'),
      'ValidationException',
      /^Cannot create already existing model/
    )
    await expectAwsError(
      createConfig(seeded.configName, [{ variant: 'AllTraffic', model: seeded.modelNames[0] ?? '' }]),
      'ValidationException',
      /^Cannot create already existing endpoint configuration/
    )
    await expectAwsError(
      seedModelAndEndpoint(aws.sagemaker, {
        endpointName: 'dup-ep',
        configName: 'dup-ep-other',
        variants: [{ variantName: 'AllTraffic', modelName: 'dup-other' }]
      }),
      'ValidationException',
      /^Cannot create already existing endpoint "/
    )
  })
})

describe('runner module: action.yml and runner files', () => {
  it('reads the defaults and required flags of the real action.yml, as scripts/docs.mjs does', async () => {
    const inputs = await declaredInputs(ACTION_YML)
    const byName = new Map(inputs.map((input) => [input.name, input]))
    expect(byName.get('operation')).toEqual({ name: 'operation', required: true })
    expect(byName.get('endpoint-name')).toEqual({ name: 'endpoint-name', required: true })
    expect(byName.get('region')).toEqual({ name: 'region', required: false, default: '' })
    expect(byName.get('wait-for-completion')).toEqual({ name: 'wait-for-completion', required: false, default: 'true' })
    // src/action-defaults.ts is generated from action.yml by scripts/docs.mjs: the two readers agree.
    const nonEmptyDefaults = Object.fromEntries(
      inputs.filter((input) => input.default).map((input) => [input.name, input.default])
    )
    expect(nonEmptyDefaults).toEqual(ACTION_DEFAULTS)
  })

  it('names input variables as the runner does', () => {
    expect(inputEnvName('endpoint-name')).toBe('INPUT_ENDPOINT-NAME')
    expect(inputEnvName('some input')).toBe('INPUT_SOME_INPUT')
  })

  it('reads runner files strictly: name=value lines and heredocs', () => {
    expect(
      parseRunnerFile('a=1\nb<<EOF_1\nline=1\n\nline 3\nEOF_1 not yet\nEOF_1\nc=x<<y\nempty=\nd<<E\r\ncrlf\r\nE\r\n')
    ).toEqual({
      a: '1',
      b: 'line=1\n\nline 3\nEOF_1 not yet',
      c: 'x<<y',
      empty: '',
      d: 'crlf'
    })
    expect(parseRunnerFile('')).toEqual({})
    expect(() => parseRunnerFile('a<<EOF\nnever closed\n')).toThrow(/closing delimiter EOF/)
    expect(() => parseRunnerFile('a=1\njust text\n')).toThrow(/Invalid line.*just text/)
    expect(() => parseRunnerFile('=no name\n')).toThrow(/no name/)
    expect(() => parseRunnerFile('a<<\nx\n')).toThrow(/Invalid heredoc line/)
  })

  it("keeps the developer's AWS setup, inputs, state and tooling out of a step's environment", () => {
    const developer = {
      PATH: '/usr/bin',
      HOME: '/home/dev',
      NODE_EXTRA_CA_CERTS: '/etc/ca.pem',
      NODE_OPTIONS_FOR_SOMETHING_ELSE: 'kept',
      MY_AWS_TOOL: 'kept',
      AWS_PROFILE: 'developer-profile',
      AWS_ACCESS_KEY_ID: 'AKIA-real',
      INPUT_STALE: 'leak',
      STATE_isPost: 'true',
      GITHUB_TOKEN: 'ghp_secret',
      RUNNER_TEMP: '/tmp/old',
      ACTIONS_RUNTIME_TOKEN: 'token',
      JEST_WORKER_ID: '1',
      NODE_OPTIONS: '--experimental-vm-modules',
      NODE_ENV: 'test',
      SAGEMAKER_ROLE: 'arn:aws:iam::1:role/dev',
      npm_config_prefix: '/elsewhere',
      NPM_CONFIG_USERCONFIG: '/home/dev/.npmrc',
      UNSET: undefined
    }
    expect(scrubEnvironment(developer)).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/dev',
      NODE_EXTRA_CA_CERTS: '/etc/ca.pem',
      NODE_OPTIONS_FOR_SOMETHING_ELSE: 'kept',
      MY_AWS_TOOL: 'kept'
    })
  })
})

describe('runner module: processes', () => {
  let dir: string

  beforeAll(async () => {
    dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'runner-processes-'))
  })

  afterAll(async () => {
    await fsp.rm(dir, { recursive: true, force: true })
  })

  it('fails the stop of an emulator that refused a request nobody took back, naming its operation and parameter', async () => {
    const own = await startEmulator({ transitionSeconds: TRANSITION_SECONDS })
    const clients = awsClients(own)
    try {
      await expect(
        clients.sagemaker.send(
          new CreateModelCommand({
            ModelName: 'model_with_underscores',
            ExecutionRoleArn: TEST_ROLE_ARN,
            PrimaryContainer: { Image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/model:1' }
          })
        )
      ).rejects.toMatchObject({ name: 'ValidationException' })
    } finally {
      clients.destroy()
    }
    // The demo and the benchmark stop their emulator this way too: neither passes on a call AWS would refuse.
    await expect(own.stop()).rejects.toMatchObject({
      name: 'InvalidRequestsError',
      message: expect.stringMatching(
        /refused 1 request that AWS would refuse[^\n]*\n {2}sagemaker CreateModel from another client, ModelName: 1 validation error detected: Value 'model_with_underscores' at 'modelName'/
      )
    })
    expect(runningEmulators().map((running) => running.url)).not.toContain(own.url)
  }, 60_000)

  it('provides a Node 24 binary', async () => {
    const node = await ensureNode24()
    const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim()
    expect(version).toMatch(/^v24\./)
    expect(await ensureNode24()).toBe(node)
  }, 600_000)

  it('reads no version from a binary another process is still writing, instead of failing to spawn it', async () => {
    // What a test worker meets while another one installs Node 24: Linux
    // refuses to run a file open for writing (ETXTBSY), and Node throws that.
    const binary = path.join(dir, 'node-being-written')
    const writing = await fsp.open(binary, 'w', 0o755)
    try {
      await writing.write('#!/bin/sh\necho v24.0.0\n')
      expect(await nodeVersion(binary)).toBeUndefined()
    } finally {
      await writing.close()
    }
    expect(await nodeVersion(binary)).toBe('v24.0.0')
  })

  /** A fake action in `dir`: action.yml declaring three inputs, and `source` as its entry point. */
  async function fakeAction(name: string, source: string): Promise<{ entry: string; actionYml: string }> {
    const actionYml = path.join(dir, name, 'action.yml')
    const entry = path.join(dir, name, 'index.mjs')
    await fsp.mkdir(path.dirname(entry), { recursive: true })
    await fsp.writeFile(
      actionYml,
      [
        'name: fake',
        'inputs:',
        '  endpoint-name:',
        '    required: true',
        '  wait-for-completion:',
        "    default: 'true'",
        '  timeout:',
        '    default: 30m',
        'runs:',
        '  using: node24',
        '  main: index.mjs'
      ].join('\n')
    )
    await fsp.writeFile(entry, source)
    return { entry, actionYml }
  }

  it('runs an action entry point the way the runner does', async () => {
    // Mirrors what @actions/core writes: heredoc outputs, state and exported variables.
    const action = await fakeAction(
      'main-and-post',
      `import fs from 'node:fs'
const env = process.env
const heredoc = (file, name, value) => fs.appendFileSync(file, name + '<<ghadelimiter_1\\n' + value + '\\nghadelimiter_1\\n')
if (env.STATE_phase === 'main') {
  fs.appendFileSync(env.GITHUB_OUTPUT, 'post-saw=' + env.STATE_endpoint + '\\n')
  process.exit(0)
}
const seen = Object.fromEntries(Object.entries(env).filter(([k]) => /^(INPUT_|AWS_|GITHUB_REPOSITORY$|GITHUB_ACTIONS$|STATE_|RUNNER_TEMP$|EXTRA$|HOME$)/.test(k)))
heredoc(env.GITHUB_OUTPUT, 'env', JSON.stringify(seen))
heredoc(env.GITHUB_OUTPUT, 'multi', 'one\\ntwo=2')
heredoc(env.GITHUB_STATE, 'phase', 'main')
heredoc(env.GITHUB_STATE, 'endpoint', env['INPUT_ENDPOINT-NAME'])
heredoc(env.GITHUB_ENV, 'EXPORTED', 'for later steps')
fs.appendFileSync(env.GITHUB_STEP_SUMMARY, '# Summary\\n')
process.on('SIGINT', () => { console.log('got SIGINT'); process.stderr.write('no newline at the end'); process.exit(130) })
console.log('waiting for a signal')
setTimeout(() => process.exit(0), 20000)
`
    )
    const saved = { AWS_PROFILE: process.env.AWS_PROFILE, INPUT_STALE: process.env.INPUT_STALE }
    process.env.AWS_PROFILE = 'developer-profile'
    process.env.INPUT_STALE = 'leak'
    try {
      const lines: string[] = []
      const run = await runAction({
        ...action,
        emulator,
        inputs: { 'endpoint-name': 'my-ep', timeout: '5m' },
        env: { EXTRA: 'applied last', AWS_REGION: 'eu-west-1', HOME: undefined },
        signal: { name: 'SIGINT', whenOutput: 'waiting for a signal' },
        onOutput: (line, stream) => lines.push(`${stream}: ${line}`),
        timeoutMs: 30_000
      })
      expect(run.exitCode).toBe(130)
      expect(run.timedOut).toBe(false)
      expect(lines).toEqual(['stdout: waiting for a signal', 'stdout: got SIGINT', 'stderr: no newline at the end'])
      expect(run.summary).toBe('# Summary\n')
      expect(run.outputs.multi).toBe('one\ntwo=2')
      expect(run.state).toEqual({ phase: 'main', endpoint: 'my-ep' })
      expect(run.exportedEnv).toEqual({ EXPORTED: 'for later steps' })
      expect(run.endedAt - run.startedAt).toBeCloseTo(run.durationMs)
      const seen = JSON.parse(run.outputs.env ?? '{}') as Record<string, string>
      expect(seen).toMatchObject({
        'INPUT_ENDPOINT-NAME': 'my-ep',
        'INPUT_WAIT-FOR-COMPLETION': 'true',
        INPUT_TIMEOUT: '5m',
        AWS_ENDPOINT_URL: emulator.url,
        AWS_REGION: 'eu-west-1',
        AWS_ACCESS_KEY_ID: 'testing',
        AWS_SECRET_ACCESS_KEY: 'testing',
        GITHUB_REPOSITORY: 'example/repo',
        GITHUB_ACTIONS: 'true',
        EXTRA: 'applied last'
      })
      expect(seen.AWS_PROFILE).toBeUndefined()
      expect(seen.INPUT_STALE).toBeUndefined()
      expect(seen.HOME).toBeUndefined()
      expect(seen.RUNNER_TEMP).toBeTruthy()

      const post = await runAction({
        ...action,
        emulator,
        inputs: { 'endpoint-name': 'my-ep' },
        post: true,
        state: run.state
      })
      expect(post.exitCode).toBe(0)
      expect(post.outputs['post-saw']).toBe('my-ep')

      await expect(runAction({ ...action, inputs: { 'endpont-name': 'typo' } })).rejects.toThrow(/endpont-name/)
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key]
        else process.env[key] = value
      }
    }
  }, 600_000)

  it('cancels a step as the runner does, and kills one that outlives its timeout', async () => {
    const action = await fakeAction(
      'stubborn',
      `const started = Date.now()
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => console.log(signal + ' after ' + (Date.now() - started) + ' ms'))
console.log('running')
setInterval(() => {}, 1000)
`
    )
    const cancellation = new AbortController()
    const cancelled = await runAction({
      ...action,
      inputs: { 'endpoint-name': 'my-ep' },
      cancel: cancellation.signal,
      onOutput: (line) => {
        if (line === 'running') cancellation.abort()
      },
      timeoutMs: 60_000
    })
    // It ignores both signals, so only the kill at CANCEL_KILL_MS ends it.
    expect(cancelled.stdout).toMatch(/^running\nSIGINT after \d+ ms\nSIGTERM after \d+ ms\n$/)
    const [sigint, sigterm] = [...cancelled.stdout.matchAll(/after (\d+) ms/g)].map((match) => Number(match[1]))
    expect((sigterm ?? 0) - (sigint ?? 0)).toBeGreaterThanOrEqual(CANCEL_SIGTERM_MS - 100)
    expect(cancelled.signal).toBe('SIGKILL')
    expect(cancelled.timedOut).toBe(false)
    expect(cancelled.durationMs).toBeGreaterThanOrEqual(CANCEL_KILL_MS - 100)

    const hung = await runAction({ ...action, inputs: { 'endpoint-name': 'my-ep' }, timeoutMs: 1_000 })
    expect(hung.timedOut).toBe(true)
    expect(hung.signal).toBe('SIGKILL')
    expect(hung.durationMs).toBeLessThan(CANCEL_SIGTERM_MS)
  }, 60_000)
})
