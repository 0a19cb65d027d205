// Bad inputs through the bundled action: the step fails with one ::error::
// naming the input, writes its summary and result, and the emulator holds
// nothing new afterwards.

import { describe, expect, it } from '@jest/globals'
import { DescribeScalableTargetsCommand } from '@aws-sdk/client-application-auto-scaling'
import { seedModelAndEndpoint, TEST_ROLE_ARN, type ActionRun } from './harness.js'
import { describeEndpoint, expectFailure, image, inventory, resultOf, useScenario } from './scenario.js'

const s = useScenario()

const deploy = (inputs: Record<string, string>): Record<string, string> => ({
  operation: 'deploy',
  'endpoint-name': 'guarded',
  'image-uri': image('2.0.0'),
  'execution-role-arn': TEST_ROLE_ARN,
  ...inputs
})
const canary = (inputs: Record<string, string>): Record<string, string> =>
  deploy({ strategy: 'canary', 'bake-time': '1s', 'gate-interval': '1s', ...inputs })
const on = (operation: string, inputs: Record<string, string> = {}): Record<string, string> => ({
  operation,
  'endpoint-name': 'guarded',
  ...inputs
})

/** Checks a rejected run: exit 1, one ::error:: naming the input, and a summary and result saying so. */
function expectRejected(run: ActionRun, input: string, operation: string): string {
  const errors = expectFailure(run)
  expect(errors).toHaveLength(1)
  const message = errors[0] ?? ''
  expect(message).toMatch(new RegExp(`^Input "${input}"[ :]`))
  expect(resultOf(run)).toMatchObject({ succeeded: false, error: message, changes: [] })
  expect(run.summary).toContain(`${operation} failed`)
  expect(run.summary).toContain('<p><strong>❌ Error:</strong> Input &quot;')
  return message
}

describe('inputs rejected before any AWS call', () => {
  // [what is wrong, the inputs, the input the error must name]
  const cases: Array<[string, Record<string, string>, string]> = [
    ['no operation', on(''), 'operation'],
    ['an unknown operation', on('redeploy'), 'operation'],
    ['an endpoint name SageMaker refuses', deploy({ 'endpoint-name': 'fraud_detector' }), 'endpoint-name'],
    ['a region that is not one', deploy({ region: 'mars' }), 'region'],
    ['a timeout that is not a duration', deploy({ timeout: 'forever' }), 'timeout'],
    ['dry-run that is not a boolean', deploy({ 'dry-run': 'yes' }), 'dry-run'],
    ['no image', deploy({ 'image-uri': '' }), 'image-uri'],
    ['an image that is not one', deploy({ 'image-uri': 'not an image' }), 'image-uri'],
    ['no execution role', deploy({ 'execution-role-arn': '' }), 'execution-role-arn'],
    ['a malformed role ARN', deploy({ 'execution-role-arn': 'arn:aws:iam::123:role/x' }), 'execution-role-arn'],
    ['model data outside S3', deploy({ 'model-data-url': 'https://models.example/m.tar.gz' }), 'model-data-url'],
    ['an instance type without ml.', deploy({ 'instance-type': 'm5.large' }), 'instance-type'],
    ['zero instances', deploy({ 'instance-count': '0' }), 'instance-count'],
    ['a tag without a value', deploy({ tags: 'team' }), 'tags'],
    ['an environment name with a leading digit', deploy({ 'model-environment': '1BAD=x' }), 'model-environment'],
    ['an unknown strategy', deploy({ strategy: 'blue-green' }), 'strategy'],
    ['steps for all-at-once', deploy({ 'traffic-steps': '10,100' }), 'traffic-steps'],
    ['falling traffic steps', canary({ 'traffic-steps': '50,10' }), 'traffic-steps'],
    ['a bake time under a second', canary({ 'bake-time': '500ms' }), 'bake-time'],
    ['a zero gate interval', canary({ 'gate-interval': '0' }), 'gate-interval'],
    ['a zero failure threshold', canary({ 'failure-threshold': '0' }), 'failure-threshold'],
    ['an error rate above 100%', canary({ 'max-error-rate': '150%' }), 'max-error-rate'],
    ['a latency that is not a duration', canary({ 'max-latency-p99': 'fast' }), 'max-latency-p99'],
    ['a probe payload that is not JSON', canary({ 'probe-payload': '{oops' }), 'probe-payload'],
    ['a rolling update without SageMaker to run it', canary({ strategy: 'rolling' }), 'strategy'],
    ['weights that do not sum to 100', on('update-traffic', { 'variant-weights': 'blue=90' }), 'variant-weights'],
    ['no instance count', on('update-capacity'), 'instance-count'],
    [
      'a maximum below the minimum',
      on('configure-autoscaling', {
        'min-capacity': '4',
        'max-capacity': '2',
        'scaling-metric': 'CPUUtilization',
        'target-value': '70'
      }),
      'max-capacity'
    ],
    [
      'an unknown scaling metric',
      on('configure-autoscaling', {
        'min-capacity': '1',
        'max-capacity': '2',
        'scaling-metric': 'GPUUtilization',
        'target-value': '70'
      }),
      'scaling-metric'
    ],
    ['a period of 90 seconds', on('monitor', { 'metrics-period': '90s' }), 'metrics-period'],
    ['zero probes', on('health-check', { 'probe-count': '0' }), 'probe-count'],
    ['delete-model that is not a boolean', on('delete', { 'delete-model': 'yes' }), 'delete-model'],
    ['a config name SageMaker refuses', on('rollback', { 'endpoint-config-name': 'a_b' }), 'endpoint-config-name']
  ]

  it.each(cases)('%s', async (_what, inputs, input) => {
    const run = await s.run(inputs)
    expectRejected(run, input, inputs.operation || 'unknown')
    expect(await inventory(s.aws)).toEqual({ models: [], configs: [], endpoints: [] })
  })
})

describe('inputs rejected once AWS has been read, before any change', () => {
  // [what is wrong, the inputs, the input the error must name]
  const cases: Array<[string, Record<string, string>, string]> = [
    ['an alarm that does not exist', canary({ 'alarm-names': 'no-such-alarm' }), 'alarm-names'],
    ['a canary variant named like the serving one', canary({ 'variant-name': 'AllTraffic' }), 'variant-name'],
    [
      'a model name taken by another image',
      deploy({ 'model-name': 'guarded-alltraffic-model', 'image-uri': image('other') }),
      'model-name'
    ],
    [
      'weights for a variant the endpoint lacks',
      on('update-traffic', { 'variant-weights': 'ghost=100' }),
      'variant-weights'
    ],
    [
      'capacity for a variant the endpoint lacks',
      on('update-capacity', { 'variant-name': 'ghost', 'instance-count': '2' }),
      'variant-name'
    ],
    [
      'autoscaling for a variant the endpoint lacks',
      on('configure-autoscaling', {
        'variant-name': 'ghost',
        'min-capacity': '1',
        'max-capacity': '2',
        'scaling-metric': 'CPUUtilization',
        'target-value': '70'
      }),
      'variant-name'
    ],
    ['probes to a variant the endpoint lacks', on('health-check', { 'target-variant': 'ghost' }), 'target-variant'],
    [
      'a rollback target that does not exist',
      on('rollback', { 'endpoint-config-name': 'no-such-config' }),
      'endpoint-config-name'
    ]
  ]

  it.each(cases)('%s', async (_what, inputs, input) => {
    await seedModelAndEndpoint(s.aws.sagemaker, { endpointName: 'guarded' })
    const before = await inventory(s.aws)
    const endpoint = await describeEndpoint(s.aws, 'guarded')

    const run = await s.run(inputs)
    expectRejected(run, input, inputs.operation ?? '')

    expect(await inventory(s.aws)).toEqual(before)
    const after = await describeEndpoint(s.aws, 'guarded')
    expect(after).toMatchObject({
      EndpointStatus: 'InService',
      EndpointConfigName: endpoint.EndpointConfigName,
      LastModifiedTime: endpoint.LastModifiedTime,
      ProductionVariants: endpoint.ProductionVariants
    })
    const targets = await s.aws.autoscaling.send(new DescribeScalableTargetsCommand({ ServiceNamespace: 'sagemaker' }))
    expect(targets.ScalableTargets).toEqual([])
    expect(await s.control.invocations()).toEqual([])
  })
})
