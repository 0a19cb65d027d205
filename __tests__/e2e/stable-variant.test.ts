// The name an endpoint serves under survives its releases, through the bundled
// action against the emulator: two canary releases in a row end on the variant
// the endpoint served under before, and a CloudWatch alarm on that variant,
// defined once before either, fires for the model of each release. The
// scalable target on it is never moved.

import { describe, expect, it } from '@jest/globals'
import { DescribeScalableTargetsCommand, RegisterScalableTargetCommand } from '@aws-sdk/client-application-auto-scaling'
import { DescribeAlarmsCommand, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch'
import { seedModelAndEndpoint, type ActionRun } from './harness.js'
import { configModels, expectSuccess, image, useScenario } from './scenario.js'

const s = useScenario()

const ENDPOINT = 'stable'
const ALARM = 'stable-5xx'
const SERVING = `endpoint/${ENDPOINT}/variant/AllTraffic`

/** A canary judged by probes, which need no CloudWatch minute: each release takes seconds. */
function release(model: string, tag: string): Promise<ActionRun> {
  return s.deploy(ENDPOINT, {
    'image-uri': image(tag),
    'model-name': model,
    strategy: 'canary',
    'traffic-steps': '10,100',
    'bake-time': '2s',
    'gate-interval': '1s',
    'probe-payload': '{"amount": 12.5}'
  })
}

/** The alarm as a user writes it once: any 5XX of the endpoint's AllTraffic variant in a minute. */
async function defineAlarm(): Promise<void> {
  await s.aws.cloudwatch.send(
    new PutMetricAlarmCommand({
      AlarmName: ALARM,
      Namespace: 'AWS/SageMaker',
      MetricName: 'Invocation5XXErrors',
      Dimensions: [
        { Name: 'EndpointName', Value: ENDPOINT },
        { Name: 'VariantName', Value: 'AllTraffic' }
      ],
      Statistic: 'Sum',
      Period: 60,
      EvaluationPeriods: 1,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching'
    })
  )
}

/** Waits for the alarm's own evaluation (every 10 s) to reach `state`; fails after `timeoutMs`. */
async function alarmReaches(state: 'OK' | 'ALARM', timeoutMs = 100_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let seen: string | undefined
  while (Date.now() < deadline) {
    const { MetricAlarms } = await s.aws.cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: [ALARM] }))
    seen = MetricAlarms?.[0]?.StateValue
    if (seen === state) return
    await new Promise((resolve) => setTimeout(resolve, 2_000))
  }
  throw new Error(`Alarm ${ALARM} stayed ${seen ?? 'undefined'}, never ${state}, for ${timeoutMs / 1000} s.`)
}

describe('two canary releases in a row', () => {
  it('keep the serving variant name, and an alarm keyed on it covers the model of each', async () => {
    await s.control.configure({ metricsMode: 'instant' })
    await seedModelAndEndpoint(s.aws.sagemaker, { endpointName: ENDPOINT })
    await s.aws.autoscaling.send(
      new RegisterScalableTargetCommand({
        ServiceNamespace: 'sagemaker',
        ResourceId: SERVING,
        ScalableDimension: 'sagemaker:variant:DesiredInstanceCount',
        MinCapacity: 1,
        MaxCapacity: 3
      })
    )
    await defineAlarm()
    await s.control.setTraffic(ENDPOINT, 5)

    const first = expectSuccess(await release('stable-m2', '2.0.0'))
    expect(first.outputs).toMatchObject({ 'rollout-result': 'succeeded', 'variant-name': 'AllTraffic' })
    expect(first.stdout).toContain('Shifting 10% of traffic to stable-m2.')
    expect(await configModels(s.aws, first.outputs['endpoint-config-name'] ?? '')).toEqual({ AllTraffic: 'stable-m2' })
    // The first release's model fails: the alarm on AllTraffic sees it.
    await s.control.setModelBehaviour({ match: 'stable-m2', errorRate: 1 })
    await alarmReaches('ALARM')
    await s.control.setModelBehaviour({ match: 'stable-m2', errorRate: 0 })

    const second = expectSuccess(await release('stable-m3', '3.0.0'))
    expect(second.outputs).toMatchObject({
      'rollout-result': 'succeeded',
      'variant-name': 'AllTraffic',
      'previous-endpoint-config-name': first.outputs['endpoint-config-name']
    })
    // The second canary had a name of its own beside AllTraffic, then took AllTraffic's.
    expect(second.stdout).toContain('Shifting 10% of traffic to stable-m3.')
    expect(await configModels(s.aws, second.outputs['endpoint-config-name'] ?? '')).toEqual({
      AllTraffic: 'stable-m3'
    })
    // The alarm's newest minutes are the healthy second model's; then that model fails, and the same alarm fires.
    await alarmReaches('OK')
    await s.control.setModelBehaviour({ match: 'stable-m3', errorRate: 1 })
    await alarmReaches('ALARM')

    // The scaling on the name never moved: nothing was deregistered by either release.
    expect(first.stdout + second.stdout).not.toContain('DeregisterScalableTarget')
    const targets = await s.aws.autoscaling.send(new DescribeScalableTargetsCommand({ ServiceNamespace: 'sagemaker' }))
    expect(targets.ScalableTargets?.map((target) => target.ResourceId)).toEqual([SERVING])
  }, 300_000)
})
