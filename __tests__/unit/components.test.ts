/**
 * Inference components, the parts that decide before anything changes: the
 * inputs, the rolling batch SageMaker takes, whether the copies fit, the
 * moves of a deploy and of its way back, the request SageMaker is sent, and
 * the record a rollback returns to.
 */
import { describe, expect, it, jest } from '@jest/globals'
import { parseSettings } from '../../src/inputs.js'
import { capacityShortfall } from '../../src/components/capacity.js'
import {
  componentDeployMoves,
  componentRollbackMoves,
  HALF_THE_COPIES,
  rollingPlan
} from '../../src/components/moves.js'
import { decodeComponentState, encodeComponentState } from '../../src/components/record.js'
import { updateRequest } from '../../src/components/moves.js'

const BASE = {
  operation: 'deploy',
  'endpoint-name': 'llm',
  region: 'us-east-1',
  'image-uri': '123456789012.dkr.ecr.us-east-1.amazonaws.com/llm:2',
  'execution-role-arn': 'arn:aws:iam::123456789012:role/sagemaker',
  'inference-component-name': 'chat'
}

function parse(inputs: Record<string, string>) {
  const all: Record<string, string> = { ...BASE, ...inputs }
  return parseSettings((name) => all[name] ?? '', {})
}

function deployOf(inputs: Record<string, string>) {
  const settings = parse(inputs)
  if (settings.operation !== 'deploy') throw new Error('not a deploy')
  return settings.deploy
}

describe('the inputs of a component deploy', () => {
  it('make the rollout SageMaker rolling update, whatever strategy and controller were left at', () => {
    const deploy = deployOf({ 'copy-count': '4', 'memory-per-copy': '16GB', 'accelerators-per-copy': '1' })
    expect(deploy.rollout.strategy).toBe('rolling')
    expect(deploy.rollout.controller).toBe('sagemaker')
    expect(deploy.component).toEqual({
      name: 'chat',
      copyCount: 4,
      compute: { memoryMb: 16384, acceleratorDevices: 1 }
    })
  })

  it('read batch-size and rollback-batch-size without strategy: rolling', () => {
    const deploy = deployOf({ 'batch-size': '25%', 'rollback-batch-size': '2' })
    expect(deploy.rollout.batchSize).toEqual({ type: 'CAPACITY_PERCENT', value: 25 })
    expect(deploy.rollout.rollbackBatchSize).toEqual({ type: 'INSTANCE_COUNT', value: 2 })
  })

  it('refuse a canary, which a component cannot run, naming strategy', () => {
    expect(() => parse({ strategy: 'canary' })).toThrow(
      /^Input "strategy".*rolling update, a batch of copies at a time/
    )
  })

  it('refuse memory without its unit, and compute without memory', () => {
    expect(() => parse({ 'memory-per-copy': '2048' })).toThrow(/^Input "memory-per-copy".*2048MB or 16GB/)
    expect(() => parse({ 'accelerators-per-copy': '1' })).toThrow(/^Input "memory-per-copy" is required/)
    expect(() => parse({ 'memory-per-copy': '64MB' })).toThrow(/from 128MB/)
  })

  it("refuse more alarms than SageMaker's rolling update takes beside the verdict alarm, naming alarm-names", () => {
    const ten = Array.from({ length: 10 }, (_, index) => `alarm-${index}`).join(',')
    expect(() => parse({ 'alarm-names': ten })).toThrow(
      /^Input "alarm-names" may name at most 9 alarms with inference-component-name: SageMaker takes 10 in all, and the action's verdict is one of them/
    )
    expect(deployOf({ 'alarm-names': ten, 'auto-rollback': 'false' }).rollout.gates.alarmNames).toHaveLength(10)
  })

  it('refuse CPU cores that are not quarters', () => {
    expect(() => parse({ 'memory-per-copy': '1GB', 'cpu-cores-per-copy': '0.3' })).toThrow(
      /^Input "cpu-cores-per-copy".*multiple of 0.25/
    )
    expect(deployOf({ 'memory-per-copy': '1GB', 'cpu-cores-per-copy': '0.5' }).component?.compute?.cpuCores).toBe(0.5)
  })

  it('take managed instance scaling as a pair, and routing in either spelling', () => {
    expect(() => parse({ 'min-instance-count': '1' })).toThrow(/^Input "max-instance-count" is required/)
    expect(() => parse({ 'min-instance-count': '3', 'max-instance-count': '2' })).toThrow(/at least min-instance-count/)
    const deploy = deployOf({ 'max-instance-count': '4', 'routing-strategy': 'least-outstanding-requests' })
    expect(deploy.component?.managedScaling).toEqual({ min: 1, max: 4 })
    expect(deploy.component?.routing).toBe('LEAST_OUTSTANDING_REQUESTS')
  })

  it('are refused by the operations that have nothing to do with a component', () => {
    expect(() => parse({ operation: 'promote' })).toThrow(/^Input "inference-component-name" does not apply here/)
    expect(() => parse({ operation: 'update-traffic', 'variant-weights': 'a=100' })).toThrow(
      /^Input "inference-component-name" does not apply here: a component has no weight/
    )
  })

  it('hold a timeout to what MaximumExecutionTimeoutInSeconds takes', () => {
    expect(() => parse({ timeout: '5m' })).toThrow(/^Input "timeout".*from 10m to 8h with inference-component-name/)
  })
})

describe("the rolling batch SageMaker takes for a component's copies", () => {
  it('defaults to a quarter of the copies, at least one and at most half', () => {
    expect(rollingPlan(2, undefined)).toMatchObject({
      batch: { Type: 'COPY_COUNT', Value: 1 },
      batches: 2,
      peakCopies: 4
    })
    expect(rollingPlan(8, undefined)).toMatchObject({ batchCopies: 2, batches: 4, peakCopies: 12 })
  })

  it('sends a number as COPY_COUNT and a share as CAPACITY_PERCENT', () => {
    expect(rollingPlan(10, { type: 'INSTANCE_COUNT', value: 3 })?.batch).toEqual({ Type: 'COPY_COUNT', Value: 3 })
    expect(rollingPlan(10, { type: 'CAPACITY_PERCENT', value: 20 })).toMatchObject({
      batch: { Type: 'CAPACITY_PERCENT', Value: 20 },
      batchCopies: 2,
      batches: 5
    })
  })

  it('has none outside 5% to 50% of the copies, and none for one copy', () => {
    expect(rollingPlan(4, { type: 'INSTANCE_COUNT', value: 3 })).toBeUndefined()
    expect(rollingPlan(10, { type: 'CAPACITY_PERCENT', value: 60 })).toBeUndefined()
    expect(rollingPlan(1, undefined)).toBeUndefined()
  })
})

describe('whether the copies fit', () => {
  const gpu = { acceleratorDevices: 1, memoryMb: 8192 }

  it('fits one batch of new copies beside the old on free accelerators', () => {
    const check = {
      instanceType: 'ml.g5.12xlarge',
      instances: 1,
      managedMaximum: false,
      copies: [
        { label: '"chat" (old)', count: 2, compute: gpu },
        { label: '"chat" (new)', count: 2, compute: gpu }
      ]
    }
    expect(capacityShortfall(check)).toBeUndefined()
  })

  it('says how many copies fit, where, and what one reserves, when they do not', () => {
    const shortfall = capacityShortfall({
      instanceType: 'ml.g5.12xlarge',
      instances: 1,
      managedMaximum: false,
      copies: [
        { label: '"search"', count: 2, compute: gpu },
        { label: '"chat" (old)', count: 2, compute: gpu },
        { label: '"chat" (new)', count: 1, compute: gpu }
      ]
    })
    expect(shortfall).toBe(
      '5 copies must run at once (2 "search" + 2 "chat" (old) + 1 "chat" (new)), and only 4 fit on 1 × ml.g5.12xlarge (4 accelerators, 48 CPU cores, 196608 MB): a copy of "chat" (new) reserves 1 accelerator, 8192 MB'
    )
  })

  it('places whole copies: memory left on two instances does not add up to one copy', () => {
    const half = { memoryMb: 10 * 1024 }
    const check = (count: number) =>
      capacityShortfall({
        instanceType: 'ml.m5.xlarge',
        instances: 2,
        managedMaximum: true,
        copies: [{ label: '"tiny"', count, compute: half }]
      })
    expect(check(2)).toBeUndefined()
    expect(check(3)).toMatch(/only 2 fit on 2 × ml.m5.xlarge .*managed instance scaling's maximum/)
  })

  it('leaves an instance type it does not know to SageMaker', () => {
    expect(
      capacityShortfall({ instanceType: 'ml.x9.huge', instances: 1, managedMaximum: false, copies: [] })
    ).toBeUndefined()
  })
})

const OLD = {
  specification: { ModelName: 'chat-1', ComputeResourceRequirements: { MinMemoryRequiredInMb: 8192 } },
  copies: 4
}
const NEW = { specification: { ...OLD.specification, ModelName: 'chat-2' }, copies: 4 }

describe('the moves of a component deploy', () => {
  it('roll a serving component, then judge its new copies', () => {
    const rolling = rollingPlan(4, undefined)!
    expect(componentDeployMoves({ variant: 'AllTraffic', from: OLD, target: NEW, rolling })).toEqual([
      { kind: 'roll-component', from: OLD, target: NEW, rolling },
      { kind: 'judge-component' }
    ])
  })

  it('make the endpoint first when it is missing, then create the component', () => {
    const variant = { VariantName: 'AllTraffic', InstanceType: 'ml.g5.xlarge' as const, InitialInstanceCount: 1 }
    const moves = componentDeployMoves({
      newEndpoint: { config: 'llm-1', variant, executionRoleArn: BASE['execution-role-arn'] },
      variant: 'AllTraffic',
      target: NEW
    })
    expect(moves.map((move) => move.kind)).toEqual(['create-endpoint', 'create-component', 'judge-component'])
  })

  it('go back to the recorded state by a rolling update, or delete a component the run created', () => {
    expect(componentRollbackMoves(OLD, { type: 'INSTANCE_COUNT', value: 2 })).toEqual([
      { kind: 'restore-component', target: OLD, rolling: rollingPlan(4, { type: 'INSTANCE_COUNT', value: 2 }) }
    ])
    // A batch SageMaker would refuse falls back to its default, a quarter of the copies.
    expect(componentRollbackMoves(OLD, { type: 'INSTANCE_COUNT', value: 4 })[0]).toMatchObject({
      rolling: { batchCopies: 1 }
    })
    expect(componentRollbackMoves(OLD, undefined)[0]).toMatchObject({ rolling: { batchCopies: 1, batches: 4 } })
    expect(componentRollbackMoves(OLD, HALF_THE_COPIES)[0]).toMatchObject({ rolling: { batchCopies: 2, batches: 2 } })
    expect(componentRollbackMoves({ ...OLD, copies: 1 }, undefined)).toEqual([
      { kind: 'restore-component', target: { ...OLD, copies: 1 } }
    ])
    expect(componentRollbackMoves(undefined, undefined)).toEqual([{ kind: 'delete-component' }])
  })

  it("bring the old copies back a forward batch at a time unless told, never SageMaker's whole old fleet at once", () => {
    const plain = rollingPlan(8, { type: 'INSTANCE_COUNT', value: 2 })!
    expect(plain).toMatchObject({
      batch: { Type: 'COPY_COUNT', Value: 2 },
      rollbackBatch: { Type: 'COPY_COUNT', Value: 2 },
      rollbackCopies: 2,
      peakCopies: 12
    })
    const widerBack = rollingPlan(8, { type: 'INSTANCE_COUNT', value: 2 }, { type: 'CAPACITY_PERCENT', value: 50 })!
    expect(widerBack).toMatchObject({ rollbackBatch: { Type: 'CAPACITY_PERCENT', Value: 50 }, rollbackCopies: 4 })
    expect(widerBack.peakCopies).toBe(14)
    // Two copies: the rollback brings back at most the one old copy the first batch took away.
    expect(rollingPlan(2, { type: 'INSTANCE_COUNT', value: 1 })?.peakCopies).toBe(4)
  })
})

describe("the rolling update's request", () => {
  it('sends the whole specification, the copies and the alarms SageMaker rolls back on', () => {
    const rolling = rollingPlan(4, { type: 'INSTANCE_COUNT', value: 1 }, { type: 'CAPACITY_PERCENT', value: 50 })!
    expect(
      updateRequest('chat', NEW, { rolling, bakeTimeMs: 120_000, timeoutMs: 3_600_000, alarms: ['errors', 'verdict'] })
    ).toEqual({
      InferenceComponentName: 'chat',
      Specification: NEW.specification,
      RuntimeConfig: { CopyCount: 4 },
      DeploymentConfig: {
        RollingUpdatePolicy: {
          MaximumBatchSize: { Type: 'COPY_COUNT', Value: 1 },
          WaitIntervalInSeconds: 120,
          MaximumExecutionTimeoutInSeconds: 3600,
          RollbackMaximumBatchSize: { Type: 'CAPACITY_PERCENT', Value: 50 }
        },
        AutoRollbackConfiguration: { Alarms: [{ AlarmName: 'errors' }, { AlarmName: 'verdict' }] }
      }
    })
  })

  it('has no DeploymentConfig without a rolling plan, and no AutoRollbackConfiguration without alarms', () => {
    expect(updateRequest('chat', NEW, { bakeTimeMs: 1000, timeoutMs: 600_000, alarms: [] })).not.toHaveProperty(
      'DeploymentConfig'
    )
    const rolling = rollingPlan(4, undefined)!
    expect(
      updateRequest('chat', NEW, { rolling, bakeTimeMs: 1000, timeoutMs: 600_000, alarms: [] }).DeploymentConfig
    ).not.toHaveProperty('AutoRollbackConfiguration')
  })

  it('sends a timeout SageMaker takes, 10 minutes to 8 hours, whatever the run allows', () => {
    const rolling = rollingPlan(4, undefined)!
    const timeoutFor = (timeoutMs: number) =>
      updateRequest('chat', NEW, { rolling, bakeTimeMs: 0, timeoutMs, alarms: [] }).DeploymentConfig
        ?.RollingUpdatePolicy?.MaximumExecutionTimeoutInSeconds
    expect(timeoutFor(60_000)).toBe(600)
    expect(timeoutFor(2_700_000)).toBe(2700)
    expect(timeoutFor(48 * 3_600_000)).toBe(28_800)
  })
})

describe('the record a rollback returns to', () => {
  it('survives the round trip through a tag value SageMaker accepts', () => {
    const state = {
      specification: {
        ModelName: 'chat-20261206-abcde',
        ComputeResourceRequirements: {
          MinMemoryRequiredInMb: 16384,
          NumberOfAcceleratorDevicesRequired: 1,
          NumberOfCpuCoresRequired: 2.5
        },
        StartupParameters: { ContainerStartupHealthCheckTimeoutInSeconds: 600 }
      },
      copies: 3
    }
    const value = encodeComponentState(state)
    expect(value).toMatch(/^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u)
    expect(value.length).toBeLessThanOrEqual(256)
    expect(decodeComponentState(value)).toEqual(state)
  })

  it('keeps the caching, the placement and the memory ceiling, within the 256 characters of a tag', () => {
    const state = {
      specification: {
        ModelName: 'a-model-name-of-sixty-three-characters-the-longest-sagemaker-tak',
        ComputeResourceRequirements: {
          MinMemoryRequiredInMb: 163840,
          MaxMemoryRequiredInMb: 196608,
          NumberOfAcceleratorDevicesRequired: 8,
          NumberOfCpuCoresRequired: 47.75
        },
        StartupParameters: {
          ModelDataDownloadTimeoutInSeconds: 3600,
          ContainerStartupHealthCheckTimeoutInSeconds: 3600
        },
        DataCacheConfig: { EnableCaching: false },
        SchedulingConfig: {
          PlacementStrategy: 'BINPACK' as const,
          AvailabilityZoneBalance: { EnforcementMode: 'PERMISSIVE' as const, MaxImbalance: 2 }
        }
      },
      copies: 1000
    }
    const value = encodeComponentState(state)
    expect(value.length).toBeLessThanOrEqual(256)
    expect(decodeComponentState(value)).toEqual(state)
  })

  it('is nothing to return to without a model', () => {
    expect(decodeComponentState('copies=2')).toBeUndefined()
    expect(decodeComponentState(undefined)).toBeUndefined()
  })
})

describe('a deploy of the model the component runs already', () => {
  const serving = {
    specification: {
      ModelName: 'chat-v1',
      ComputeResourceRequirements: {
        MinMemoryRequiredInMb: 2048,
        NumberOfCpuCoresRequired: 1,
        MaxMemoryRequiredInMb: 4096
      }
    },
    copies: 2
  }

  it('is nothing to deploy when the inputs set what it has, whatever else SageMaker describes', async () => {
    const { alreadyRunning } = await import('../../src/components/refusals.js')
    const ctx = { warn: jest.fn() } as never
    const rerun = {
      specification: {
        ModelName: 'chat-v1',
        ComputeResourceRequirements: { MinMemoryRequiredInMb: 2048, NumberOfCpuCoresRequired: 1 }
      },
      copies: 2
    }

    expect(alreadyRunning(ctx, 'chat', 'chat-v1', serving, rerun).outcome).toBe('succeeded')
  })

  it('is refused when an input asks for other compute, which a deploy would not apply', async () => {
    const { alreadyRunning } = await import('../../src/components/refusals.js')
    const ctx = { warn: jest.fn() } as never
    const more = {
      specification: {
        ModelName: 'chat-v1',
        ComputeResourceRequirements: { MinMemoryRequiredInMb: 8192, NumberOfCpuCoresRequired: 1 }
      },
      copies: 2
    }

    expect(() => alreadyRunning(ctx, 'chat', 'chat-v1', serving, more)).toThrow(
      /^Inference component "chat" already runs model "chat-v1", and the inputs change only the compute per copy/
    )
  })
})
