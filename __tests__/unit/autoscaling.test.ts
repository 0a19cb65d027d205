import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import {
  DeleteScalingPolicyCommand,
  DeleteScheduledActionCommand,
  DeregisterScalableTargetCommand,
  DescribeScalableTargetsCommand,
  DescribeScalingPoliciesCommand,
  DescribeScheduledActionsCommand,
  PutScalingPolicyCommand,
  PutScheduledActionCommand,
  RegisterScalableTargetCommand,
  type ScalingPolicy,
  type ScheduledAction
} from '@aws-sdk/client-application-auto-scaling'
import { SCALABLE_DIMENSION, scalableTarget, scalingScope } from '../../__fixtures__/autoscaling.js'
import { FakeClock } from '../../__fixtures__/clock.js'
import * as core from '../../__fixtures__/core.js'
import { awsError } from '../../__fixtures__/sagemaker.js'
import { newReport } from '../../src/report.js'

jest.unstable_mockModule('@actions/core', () => core)
const { aws, awsCallNames, resetAws } = await import('../../__fixtures__/action.js')
const { OperationContext } = await import('../../src/context.js')
const { createAwsClients } = await import('../../src/aws/clients.js')
const {
  deregisterVariantScaling,
  describeVariantScaling,
  formatVariantScaling,
  registerVariantScaling,
  variantResourceId
} = await import('../../src/autoscaling.js')

const BLUE = 'endpoint/fraud/variant/blue'
const GREEN = 'endpoint/fraud/variant/green'

function context(dryRun = false): InstanceType<typeof OperationContext> {
  return new OperationContext(
    { endpointName: 'fraud', region: 'us-east-1', waitForCompletion: true, timeoutMs: 60_000, dryRun },
    createAwsClients('us-east-1'),
    new FakeClock(),
    newReport('promote', 'fraud', 'us-east-1', dryRun, 0)
  )
}

const blueTarget = scalableTarget(BLUE, 2, 8, { DynamicScalingInSuspended: true })

const cpuPolicy: ScalingPolicy = {
  ...scalingScope(BLUE),
  PolicyARN: 'arn:policy/cpu',
  PolicyName: 'cpu',
  PolicyType: 'TargetTrackingScaling',
  TargetTrackingScalingPolicyConfiguration: {
    TargetValue: 65,
    CustomizedMetricSpecification: {
      MetricName: 'CPUUtilization',
      Namespace: '/aws/sagemaker/Endpoints',
      Dimensions: [
        { Name: 'EndpointName', Value: 'fraud' },
        { Name: 'VariantName', Value: 'blue' }
      ],
      Statistic: 'Average'
    },
    ScaleInCooldown: 600,
    ScaleOutCooldown: 30,
    DisableScaleIn: false
  },
  Alarms: [{ AlarmName: `TargetTracking-${BLUE}-AlarmHigh-abc`, AlarmARN: 'arn:alarm/high' }],
  CreationTime: new Date(0)
}

const mathPolicy: ScalingPolicy = {
  ...scalingScope(BLUE),
  PolicyARN: 'arn:policy/math',
  PolicyName: 'errors-per-invocation',
  PolicyType: 'TargetTrackingScaling',
  TargetTrackingScalingPolicyConfiguration: {
    TargetValue: 0.5,
    CustomizedMetricSpecification: {
      Metrics: [
        {
          Id: 'invocations',
          ReturnData: false,
          MetricStat: {
            Metric: {
              MetricName: 'Invocations',
              Namespace: 'AWS/SageMaker',
              Dimensions: [
                { Name: 'EndpointName', Value: 'fraud' },
                { Name: 'VariantName', Value: 'blue' }
              ]
            },
            Stat: 'Sum'
          }
        },
        { Id: 'perInstance', Expression: 'invocations / 60', ReturnData: true }
      ]
    }
  },
  CreationTime: new Date(0)
}

const stepPolicy: ScalingPolicy = {
  ...scalingScope(BLUE),
  PolicyARN: 'arn:policy/step',
  PolicyName: 'backlog',
  PolicyType: 'StepScaling',
  StepScalingPolicyConfiguration: {
    AdjustmentType: 'ChangeInCapacity',
    StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 2 }],
    Cooldown: 120
  },
  Alarms: [{ AlarmName: 'fraud-backlog-high', AlarmARN: 'arn:alarm/backlog' }],
  CreationTime: new Date(0)
}

const weekendAction: ScheduledAction = {
  ...scalingScope(BLUE),
  ScheduledActionName: 'weekend',
  ScheduledActionARN: 'arn:scheduled/weekend',
  Schedule: 'cron(0 0 ? * SAT *)',
  Timezone: 'Europe/Berlin',
  StartTime: new Date(Date.UTC(2026, 0, 1)),
  ScalableTargetAction: { MinCapacity: 1, MaxCapacity: 2 },
  CreationTime: new Date(0)
}

/** Blue is registered with three policies (over two pages) and a scheduled action; green with nothing. */
function givenBlueScaling(): void {
  aws.autoscaling.on(DescribeScalableTargetsCommand).resolves({ ScalableTargets: [] })
  aws.autoscaling
    .on(DescribeScalableTargetsCommand, { ResourceIds: [BLUE] })
    .resolves({ ScalableTargets: [blueTarget] })
  aws.autoscaling
    .on(DescribeScalingPoliciesCommand)
    .resolvesOnce({ ScalingPolicies: [cpuPolicy, mathPolicy], NextToken: 'page-2' })
    .resolvesOnce({ ScalingPolicies: [stepPolicy] })
  aws.autoscaling.on(DescribeScheduledActionsCommand).resolves({ ScheduledActions: [weekendAction] })
  aws.autoscaling.on(PutScalingPolicyCommand).resolves({ PolicyARN: 'arn:policy/new' })
}

describe('autoscaling', () => {
  beforeEach(() => {
    resetAws()
    core.resetCore()
  })

  it('names a variant the way Application Auto Scaling does', () => {
    expect(variantResourceId('fraud', 'blue')).toBe(BLUE)
  })

  it('finds nothing for a variant that is not registered', async () => {
    aws.autoscaling.on(DescribeScalableTargetsCommand).resolves({ ScalableTargets: [] })

    expect(await describeVariantScaling(context(), 'fraud', 'green')).toBeUndefined()
    expect(awsCallNames()).toEqual(['autoscaling.DescribeScalableTargets'])
    expect(aws.autoscaling.commandCalls(DescribeScalableTargetsCommand)[0]?.args[0].input).toEqual({
      ServiceNamespace: 'sagemaker',
      ScalableDimension: SCALABLE_DIMENSION,
      ResourceIds: [GREEN]
    })
  })

  it('describes the target, every page of policies and the scheduled actions', async () => {
    givenBlueScaling()

    const scaling = await describeVariantScaling(context(), 'fraud', 'blue')

    expect(aws.autoscaling.commandCalls(DescribeScalingPoliciesCommand).map((call) => call.args[0].input)).toEqual([
      scalingScope(BLUE),
      { ...scalingScope(BLUE), NextToken: 'page-2' }
    ])
    expect(scaling).toEqual({
      minCapacity: 2,
      maxCapacity: 8,
      suspendedState: blueTarget.SuspendedState,
      policies: [
        {
          PolicyName: 'cpu',
          PolicyType: 'TargetTrackingScaling',
          TargetTrackingScalingPolicyConfiguration: cpuPolicy.TargetTrackingScalingPolicyConfiguration
        },
        {
          PolicyName: 'errors-per-invocation',
          PolicyType: 'TargetTrackingScaling',
          TargetTrackingScalingPolicyConfiguration: mathPolicy.TargetTrackingScalingPolicyConfiguration
        },
        {
          PolicyName: 'backlog',
          PolicyType: 'StepScaling',
          StepScalingPolicyConfiguration: stepPolicy.StepScalingPolicyConfiguration,
          AlarmNames: ['fraud-backlog-high']
        }
      ],
      scheduledActions: [
        {
          ScheduledActionName: 'weekend',
          Schedule: 'cron(0 0 ? * SAT *)',
          Timezone: 'Europe/Berlin',
          StartTime: '2026-01-01T00:00:00.000Z',
          ScalableTargetAction: { MinCapacity: 1, MaxCapacity: 2 }
        }
      ]
    })
  })

  it('carries autoscaling from variant blue to variant green, pointing the metrics at green', async () => {
    givenBlueScaling()
    const ctx = context()

    const scaling = await describeVariantScaling(ctx, 'fraud', 'blue')
    if (!scaling) throw new Error('blue should be registered')
    await deregisterVariantScaling(ctx, 'fraud', 'blue', scaling)
    // Through JSON, as the post step of a cancelled run would get it back from saved state.
    await registerVariantScaling(ctx, 'fraud', 'green', JSON.parse(JSON.stringify(scaling)))

    expect(awsCallNames().filter((name) => !name.includes('.Describe'))).toEqual([
      'autoscaling.DeleteScalingPolicy',
      'autoscaling.DeleteScalingPolicy',
      'autoscaling.DeleteScalingPolicy',
      'autoscaling.DeleteScheduledAction',
      'autoscaling.DeregisterScalableTarget',
      'autoscaling.RegisterScalableTarget',
      'autoscaling.PutScalingPolicy',
      'autoscaling.PutScalingPolicy',
      'autoscaling.PutScalingPolicy',
      'autoscaling.PutScheduledAction'
    ])
    expect(aws.autoscaling.commandCalls(DeleteScalingPolicyCommand).map((call) => call.args[0].input)).toEqual([
      { ...scalingScope(BLUE), PolicyName: 'cpu' },
      { ...scalingScope(BLUE), PolicyName: 'errors-per-invocation' },
      { ...scalingScope(BLUE), PolicyName: 'backlog' }
    ])
    expect(aws.autoscaling.commandCalls(DeleteScheduledActionCommand)[0]?.args[0].input).toEqual({
      ...scalingScope(BLUE),
      ScheduledActionName: 'weekend'
    })
    expect(aws.autoscaling.commandCalls(DeregisterScalableTargetCommand)[0]?.args[0].input).toEqual(scalingScope(BLUE))

    expect(aws.autoscaling.commandCalls(RegisterScalableTargetCommand)[0]?.args[0].input).toEqual({
      ...scalingScope(GREEN),
      MinCapacity: 2,
      MaxCapacity: 8,
      SuspendedState: blueTarget.SuspendedState
    })
    const puts = aws.autoscaling.commandCalls(PutScalingPolicyCommand).map((call) => call.args[0].input)
    expect(puts[0]).toEqual({
      ...scalingScope(GREEN),
      PolicyName: 'cpu',
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingScalingPolicyConfiguration: {
        TargetValue: 65,
        CustomizedMetricSpecification: {
          MetricName: 'CPUUtilization',
          Namespace: '/aws/sagemaker/Endpoints',
          Dimensions: [
            { Name: 'EndpointName', Value: 'fraud' },
            { Name: 'VariantName', Value: 'green' }
          ],
          Statistic: 'Average'
        },
        ScaleInCooldown: 600,
        ScaleOutCooldown: 30,
        DisableScaleIn: false
      }
    })
    expect(
      puts[1]?.TargetTrackingScalingPolicyConfiguration?.CustomizedMetricSpecification?.Metrics?.[0]?.MetricStat?.Metric
        ?.Dimensions
    ).toEqual([
      { Name: 'EndpointName', Value: 'fraud' },
      { Name: 'VariantName', Value: 'green' }
    ])
    expect(puts[2]).toEqual({
      ...scalingScope(GREEN),
      PolicyName: 'backlog',
      PolicyType: 'StepScaling',
      StepScalingPolicyConfiguration: stepPolicy.StepScalingPolicyConfiguration
    })
    expect(aws.autoscaling.commandCalls(PutScheduledActionCommand)[0]?.args[0].input).toEqual({
      ...scalingScope(GREEN),
      ScheduledActionName: 'weekend',
      Schedule: 'cron(0 0 ? * SAT *)',
      Timezone: 'Europe/Berlin',
      StartTime: new Date(Date.UTC(2026, 0, 1)),
      ScalableTargetAction: { MinCapacity: 1, MaxCapacity: 2 }
    })
    expect(core.log).toContain(
      `::warning::Step scaling policy "backlog" is now on ${GREEN} (arn:policy/new), but alarms "fraud-backlog-high" still invoke the policy it was copied from: point their actions at the new policy.`
    )
    // The description itself still speaks of blue: it is what to restore if the update fails.
    expect(scaling.policies[0]?.TargetTrackingScalingPolicyConfiguration?.CustomizedMetricSpecification).toEqual(
      cpuPolicy.TargetTrackingScalingPolicyConfiguration?.CustomizedMetricSpecification
    )
  })

  it('points the endpoint dimension at another endpoint too', async () => {
    const ctx = context()
    await registerVariantScaling(ctx, 'fraud-v2', 'AllTraffic', {
      minCapacity: 1,
      maxCapacity: 3,
      policies: [
        {
          PolicyName: 'cpu',
          PolicyType: 'TargetTrackingScaling',
          TargetTrackingScalingPolicyConfiguration: cpuPolicy.TargetTrackingScalingPolicyConfiguration as never
        }
      ],
      scheduledActions: []
    })

    const put = aws.autoscaling.commandCalls(PutScalingPolicyCommand)[0]?.args[0].input
    expect(put?.ResourceId).toBe('endpoint/fraud-v2/variant/AllTraffic')
    expect(put?.TargetTrackingScalingPolicyConfiguration?.CustomizedMetricSpecification?.Dimensions).toEqual([
      { Name: 'EndpointName', Value: 'fraud-v2' },
      { Name: 'VariantName', Value: 'AllTraffic' }
    ])
  })

  it('only plans the changes in a dry run', async () => {
    givenBlueScaling()
    const ctx = context(true)

    const scaling = await describeVariantScaling(ctx, 'fraud', 'blue')
    if (!scaling) throw new Error('blue should be registered')
    await deregisterVariantScaling(ctx, 'fraud', 'blue', scaling)
    await registerVariantScaling(ctx, 'fraud', 'green', scaling)

    expect(awsCallNames().every((name) => name.includes('.Describe'))).toBe(true)
    expect(ctx.report.changes.map((change) => `${change.api} ${change.resource}`)).toEqual([
      `DeleteScalingPolicy scaling policy "cpu" of ${BLUE}`,
      `DeleteScalingPolicy scaling policy "errors-per-invocation" of ${BLUE}`,
      `DeleteScalingPolicy scaling policy "backlog" of ${BLUE}`,
      `DeleteScheduledAction scheduled action "weekend" of ${BLUE}`,
      `DeregisterScalableTarget scalable target "${BLUE}"`,
      `RegisterScalableTarget scalable target "${GREEN}"`,
      `PutScalingPolicy scaling policy "cpu" of ${GREEN}`,
      `PutScalingPolicy scaling policy "errors-per-invocation" of ${GREEN}`,
      `PutScalingPolicy scaling policy "backlog" of ${GREEN}`,
      `PutScheduledAction scheduled action "weekend" of ${GREEN}`
    ])
  })

  it('counts a target that is already gone as deregistered', async () => {
    aws.autoscaling
      .on(DeregisterScalableTargetCommand)
      .rejects(awsError('ObjectNotFoundException', 'No scalable target registered for service namespace: sagemaker'))

    await expect(
      deregisterVariantScaling(context(), 'fraud', 'blue', {
        minCapacity: 1,
        maxCapacity: 2,
        policies: [],
        scheduledActions: []
      })
    ).resolves.toBeUndefined()
  })

  it('names the call, the policy and the AWS error code when a registration fails', async () => {
    aws.autoscaling
      .on(PutScalingPolicyCommand)
      .rejects(awsError('LimitExceededException', 'too many policies for this target'))

    await expect(
      registerVariantScaling(context(), 'fraud', 'green', {
        minCapacity: 1,
        maxCapacity: 2,
        policies: [{ PolicyName: 'backlog', PolicyType: 'StepScaling', StepScalingPolicyConfiguration: {} }],
        scheduledActions: []
      })
    ).rejects.toThrow(
      `PutScalingPolicy on scaling policy "backlog" of ${GREEN} failed: LimitExceededException: too many policies for this target`
    )
  })

  it('summarises a registration in one line', async () => {
    givenBlueScaling()
    const scaling = await describeVariantScaling(context(), 'fraud', 'blue')

    expect(formatVariantScaling(scaling as NonNullable<typeof scaling>)).toBe(
      '2 to 8 instances; scaling suspended; policy "cpu": target tracking CPUUtilization at 65 (scale-in cooldown 600s, scale-out cooldown 30s); policy "errors-per-invocation": target tracking a metric math expression at 0.5; policy "backlog": step scaling; scheduled action "weekend" (cron(0 0 ? * SAT *): 1 to 2)'
    )
  })
})
