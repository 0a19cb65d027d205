// The day-two operations through the bundled action against the emulator:
// update-traffic, update-capacity, configure-autoscaling, delete-autoscaling,
// monitor, health-check, delete and rollback. deploy and promote have their
// own files (deploy.test.ts, rollout.test.ts).

import { describe, expect, it } from '@jest/globals'
import {
  DescribeScalableTargetsCommand,
  DescribeScalingPoliciesCommand
} from '@aws-sdk/client-application-auto-scaling'
import { CreateBucketCommand, ListObjectsV2Command } from '@aws-sdk/client-s3'
import { DescribeEndpointConfigCommand } from '@aws-sdk/client-sagemaker'
import { InvokeEndpointCommand } from '@aws-sdk/client-sagemaker-runtime'
import { captureEverything, putVariantMetrics, seedModelAndEndpoint, setAlarm } from './harness.js'
import {
  describeEndpoint,
  expectFailure,
  expectSuccess,
  image,
  inventory,
  jsonOutput,
  resultOf,
  summaryTable,
  useScenario,
  warningAnnotations
} from './scenario.js'

const s = useScenario()

/** blue serves on two instances, green on one, at 80/20. */
async function seedBlueGreen(endpointName = 'shop'): Promise<void> {
  await seedModelAndEndpoint(s.aws.sagemaker, {
    endpointName,
    variants: [
      { variantName: 'blue', instanceCount: 2, weight: 80 },
      { variantName: 'green', instanceCount: 1, weight: 20 }
    ]
  })
}

const liveVariants = async (endpointName: string): Promise<Array<[string, number | undefined, number | undefined]>> =>
  ((await describeEndpoint(s.aws, endpointName)).ProductionVariants ?? []).map((v) => [
    v.VariantName ?? '',
    v.CurrentWeight,
    v.CurrentInstanceCount
  ])

describe('update-traffic', () => {
  it('sets the weights and keeps the instance counts', async () => {
    await seedBlueGreen()
    const run = expectSuccess(
      await s.run({ operation: 'update-traffic', 'endpoint-name': 'shop', 'variant-weights': 'blue=10%, green=90%' })
    )
    expect(jsonOutput(run, 'variant-weights')).toEqual({ blue: 10, green: 90 })
    expect(run.outputs['endpoint-status']).toBe('InService')
    expect(resultOf(run).changes).toEqual([{ api: 'UpdateEndpointWeightsAndCapacities', resource: 'endpoint "shop"' }])
    expect(run.summary).toContain('<h2>✅ update-traffic succeeded: shop</h2>')
    expect(summaryTable(run.summary, 'Variant')).toEqual([
      ['blue', 'shop-blue-model', 'ml.m5.large', '2', '10%'],
      ['green', 'shop-green-model', 'ml.m5.large', '1', '90%']
    ])
    expect(await liveVariants('shop')).toEqual([
      ['blue', 10, 2],
      ['green', 90, 1]
    ])

    // A variant left out of the map gets no traffic.
    const drained = expectSuccess(
      await s.run({ operation: 'update-traffic', 'endpoint-name': 'shop', 'variant-weights': 'blue=100' })
    )
    expect(jsonOutput(drained, 'variant-weights')).toEqual({ blue: 100, green: 0 })
    expect(await liveVariants('shop')).toEqual([
      ['blue', 100, 2],
      ['green', 0, 1]
    ])
  })

  it('fails when SageMaker rolls the change back, and reports the weights the endpoint kept', async () => {
    await seedBlueGreen()
    await s.control.failWeightChanges({ endpoint: 'shop', count: 1 })

    const run = await s.run({
      operation: 'update-traffic',
      'endpoint-name': 'shop',
      'variant-weights': 'blue=10, green=90'
    })

    expect(expectFailure(run)[0]).toBe(
      'SageMaker did not make the weight change and rolled it back: endpoint "shop" is InService with variant "blue" at weight 80, not 10, variant "green" at weight 20, not 90.'
    )
    expect(run.stdout).toContain('is RollingBack')
    expect(run.outputs['variant-weights']).toBeUndefined()
    expect(await liveVariants('shop')).toEqual([
      ['blue', 80, 2],
      ['green', 20, 1]
    ])
  })

  it('refuses a variant the endpoint does not have, changing nothing', async () => {
    await seedBlueGreen()
    const run = await s.run({
      operation: 'update-traffic',
      'endpoint-name': 'shop',
      'variant-weights': 'blue=50,red=50'
    })
    expect(expectFailure(run)[0]).toMatch(/^Input "variant-weights" names "red", which endpoint "shop" does not have/)
    expect(await liveVariants('shop')).toEqual([
      ['blue', 80, 2],
      ['green', 20, 1]
    ])
  })
})

describe('update-capacity and autoscaling', () => {
  const resourceId = 'endpoint/scaled/variant/AllTraffic'

  async function scaling(): Promise<{ targets: unknown[]; policies: unknown[] }> {
    const targets = await s.aws.autoscaling.send(new DescribeScalableTargetsCommand({ ServiceNamespace: 'sagemaker' }))
    const policies = await s.aws.autoscaling.send(new DescribeScalingPoliciesCommand({ ServiceNamespace: 'sagemaker' }))
    return {
      targets: (targets.ScalableTargets ?? []).map((t) => [t.ResourceId, t.MinCapacity, t.MaxCapacity]),
      policies: (policies.ScalingPolicies ?? []).map((p) => ({
        resource: p.ResourceId,
        name: p.PolicyName,
        ...p.TargetTrackingScalingPolicyConfiguration
      }))
    }
  }

  it('changes the instance count of the only variant', async () => {
    await seedModelAndEndpoint(s.aws.sagemaker, { endpointName: 'scaled' })
    const run = expectSuccess(
      await s.run({ operation: 'update-capacity', 'endpoint-name': 'scaled', 'instance-count': '3' })
    )
    expect(run.outputs).toMatchObject({ 'variant-name': 'AllTraffic', 'endpoint-status': 'InService' })
    expect(run.summary).toContain('Changed variant &quot;AllTraffic&quot; of endpoint &quot;scaled&quot; from 1 to 3')
    expect(summaryTable(run.summary, 'Variant')).toEqual([
      ['AllTraffic', 'scaled-alltraffic-model', 'ml.m5.large', '3', '100%']
    ])
    expect(await liveVariants('scaled')).toEqual([['AllTraffic', 1, 3]])
  })

  it('configures autoscaling, updates it in place, guards capacity and deletes it', async () => {
    await seedModelAndEndpoint(s.aws.sagemaker, { endpointName: 'scaled' })
    const configure = (inputs: Record<string, string>) =>
      s.run({ operation: 'configure-autoscaling', 'endpoint-name': 'scaled', ...inputs })

    const first = expectSuccess(
      await configure({
        'min-capacity': '1',
        'max-capacity': '4',
        'scaling-metric': 'InvocationsPerInstance',
        'target-value': '700',
        'scale-in-cooldown': '10m'
      })
    )
    expect(first.outputs['variant-name']).toBe('AllTraffic')
    expect(first.summary).toContain('had no autoscaling')
    expect(resultOf(first).changes).toEqual([
      { api: 'RegisterScalableTarget', resource: `scalable target "${resourceId}"` },
      { api: 'PutScalingPolicy', resource: `scaling policy "sagemaker-deploy-target-tracking" of ${resourceId}` }
    ])
    expect(await scaling()).toEqual({
      targets: [[resourceId, 1, 4]],
      policies: [
        {
          resource: resourceId,
          name: 'sagemaker-deploy-target-tracking',
          TargetValue: 700,
          PredefinedMetricSpecification: { PredefinedMetricType: 'SageMakerVariantInvocationsPerInstance' },
          ScaleInCooldown: 600,
          ScaleOutCooldown: 60
        }
      ]
    })

    // Re-running replaces the range and the one policy instead of adding another.
    const second = expectSuccess(
      await configure({
        'min-capacity': '2',
        'max-capacity': '6',
        'scaling-metric': 'CPUUtilization',
        'target-value': '70'
      })
    )
    expect(second.summary).toContain('scaled 1 to 4 instances')
    // One instance is below the new minimum of two: the user is told Application Auto Scaling will move it.
    expect(warningAnnotations(second).some((w) => w.includes('outside 2 to 6'))).toBe(true)
    expect(await scaling()).toEqual({
      targets: [[resourceId, 2, 6]],
      policies: [
        {
          resource: resourceId,
          name: 'sagemaker-deploy-target-tracking',
          TargetValue: 70,
          CustomizedMetricSpecification: {
            MetricName: 'CPUUtilization',
            Namespace: '/aws/sagemaker/Endpoints',
            Dimensions: [
              { Name: 'EndpointName', Value: 'scaled' },
              { Name: 'VariantName', Value: 'AllTraffic' }
            ],
            Statistic: 'Average'
          },
          ScaleInCooldown: 300,
          ScaleOutCooldown: 60
        }
      ]
    })

    // A capacity outside the registered range would be undone by autoscaling: refused before any change. (The
    // registration itself moved the one instance into the range, to two, as AWS does and the warning said.)
    const outside = await s.run({ operation: 'update-capacity', 'endpoint-name': 'scaled', 'instance-count': '9' })
    expect(expectFailure(outside)[0]).toMatch(/^Input "instance-count" is 9, outside the autoscaling range/)
    expect(await liveVariants('scaled')).toEqual([['AllTraffic', 1, 2]])

    const removed = expectSuccess(await s.run({ operation: 'delete-autoscaling', 'endpoint-name': 'scaled' }))
    expect(removed.outputs['variant-name']).toBe('AllTraffic')
    expect(removed.summary).toContain('Removed autoscaling from variant &quot;AllTraffic&quot;')
    expect(resultOf(removed).changes).toEqual([
      { api: 'DeleteScalingPolicy', resource: `scaling policy "sagemaker-deploy-target-tracking" of ${resourceId}` },
      { api: 'DeregisterScalableTarget', resource: `scalable target "${resourceId}"` }
    ])
    expect(await scaling()).toEqual({ targets: [], policies: [] })

    // Nothing left to delete is a warning, not a failure.
    const again = expectSuccess(await s.run({ operation: 'delete-autoscaling', 'endpoint-name': 'scaled' }))
    expect(warningAnnotations(again)).toEqual([expect.stringContaining('No autoscaling is registered')])
    expect(resultOf(again).changes).toEqual([])
  })
})

describe('monitor', () => {
  async function publish(): Promise<void> {
    await setAlarm(s.aws.cloudwatch, 'shop-latency', 'OK')
    // blue: 1% errors, p99 99 ms. green: 20% errors, p99 200 ms.
    await putVariantMetrics(s.aws.cloudwatch, 'shop', 'blue', {
      invocations: 200,
      errors5xx: 2,
      errors4xx: 5,
      latencyUs: Array.from({ length: 100 }, (_, i) => (i + 1) * 1000)
    })
    await putVariantMetrics(s.aws.cloudwatch, 'shop', 'green', {
      invocations: 50,
      errors5xx: 10,
      latencyUs: Array.from({ length: 50 }, (_, i) => (i < 45 ? 80_000 : 200_000))
    })
  }

  it('reports status, variants and per-variant metrics with p99', async () => {
    await seedBlueGreen()
    await publish()
    const run = expectSuccess(
      await s.run({
        operation: 'monitor',
        'endpoint-name': 'shop',
        'metrics-window': '5m',
        'alarm-names': 'shop-latency'
      })
    )
    expect(run.outputs).toMatchObject({ healthy: 'true', 'endpoint-status': 'InService' })
    expect(jsonOutput(run, 'variant-weights')).toEqual({ blue: 80, green: 20 })
    const metrics = jsonOutput<{ periodSeconds: number; variants: Record<string, Record<string, unknown>> }>(
      run,
      'metrics'
    )
    expect(metrics.periodSeconds).toBe(60)
    expect(metrics.variants.blue).toMatchObject({
      invocations: 200,
      errors4xx: 5,
      errors5xx: 2,
      errorRate: 0.01,
      latencyAverageMs: 50.5,
      latencyP99Ms: 99
    })
    expect(metrics.variants.green).toMatchObject({
      invocations: 50,
      errors4xx: 0,
      errors5xx: 10,
      errorRate: 0.2,
      latencyP99Ms: 200
    })
    expect(run.summary).toContain('<h3>Metrics (last 5m, 1m periods)</h3>')
    expect(summaryTable(run.summary, 'Variant').slice(0, 2)).toEqual([
      ['blue', 'shop-blue-model', 'ml.m5.large', '2', '80%'],
      ['green', 'shop-green-model', 'ml.m5.large', '1', '20%']
    ])
    expect(run.summary).toContain(
      '<tr><td>blue</td><td>200</td><td>5</td><td>2</td><td>1.00%</td><td>50.5 ms</td><td>99.0 ms</td></tr>'
    )
    expect(run.summary).toContain(
      '<tr><td>green</td><td>50</td><td>0</td><td>10</td><td>20.00%</td><td>92.0 ms</td><td>200.0 ms</td></tr>'
    )
    expect(resultOf(run).changes).toEqual([])
  })

  it('fails on thresholds and alarms, naming the variant, unless fail-on-unhealthy is false', async () => {
    await seedBlueGreen()
    await publish()
    await setAlarm(s.aws.cloudwatch, 'shop-latency', 'ALARM', 'p99 above 150 ms')
    const inputs = {
      operation: 'monitor',
      'endpoint-name': 'shop',
      'metrics-window': '5m',
      'max-error-rate': '5%',
      'max-latency-p99': '150ms',
      'alarm-names': 'shop-latency'
    }
    const run = await s.run(inputs)
    const errors = expectFailure(run)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain('variant "green" error rate 20% (10 5XX of 50) is above max-error-rate 5%')
    expect(errors[0]).toContain('variant "green" p99 model latency 200.0 ms is above max-latency-p99 150 ms')
    expect(errors[0]).toContain('alarm "shop-latency" is in ALARM (p99 above 150 ms)')
    expect(errors[0]).not.toContain('variant "blue"')
    expect(run.outputs.healthy).toBe('false')
    expect(run.summary).toContain('<h2>❌ monitor unhealthy: shop</h2>')

    const lenient = expectSuccess(await s.run({ ...inputs, 'fail-on-unhealthy': 'false' }))
    expect(lenient.outputs.healthy).toBe('false')
    expect(warningAnnotations(lenient)).toEqual([expect.stringContaining('fail-on-unhealthy is false')])
  })
})

describe('monitor of a model that leaves requests unanswered', () => {
  it('counts them as errors, though SageMaker publishes no 5XX for them', async () => {
    await seedBlueGreen()
    await s.control.configure({ metricsMode: 'instant' })
    await s.control.setModelBehaviour({ match: 'shop-green-model', unansweredRate: 0.5 })
    const answers: Array<number | undefined> = []
    for (let i = 0; i < 20; i++) {
      // Under green's one instance's 10 requests a second: a 503 for capacity is not what this test is about.
      await new Promise((resolve) => setTimeout(resolve, 150))
      try {
        await s.aws.runtime.send(
          new InvokeEndpointCommand({
            EndpointName: 'shop',
            TargetVariant: 'green',
            Body: '{}',
            ContentType: 'application/json'
          })
        )
        answers.push(200)
      } catch (error) {
        // SageMaker's timeout: a ModelError carrying no status from the model.
        expect(error).toMatchObject({ name: 'ModelError', OriginalStatusCode: 0 })
        answers.push((error as { OriginalStatusCode?: number }).OriginalStatusCode)
      }
    }
    const unanswered = answers.filter((status) => status === 0).length
    expect(unanswered).toBeGreaterThan(2)

    const run = await s.run({
      operation: 'monitor',
      'endpoint-name': 'shop',
      'metrics-window': '5m',
      'max-error-rate': '5%'
    })

    const errors = expectFailure(run)
    expect(errors[0]).toContain(
      `variant "green" error rate ${+((unanswered / 20) * 100).toFixed(2)}% (${unanswered} 5XX or unanswered of 20 (${unanswered} unanswered))`
    )
    const metrics = jsonOutput<{ variants: Record<string, Record<string, unknown>> }>(run, 'metrics')
    expect(metrics.variants.green).toMatchObject({ invocations: 20, errors5xx: 0, unanswered })
    expect(run.summary).toContain('<th>5XX</th><th>Unanswered</th><th>Error rate</th>')
  })
})

describe('health-check', () => {
  it('probes one variant through TargetVariant', async () => {
    await seedBlueGreen()
    const run = expectSuccess(
      await s.run({
        operation: 'health-check',
        'endpoint-name': 'shop',
        'target-variant': 'green',
        'probe-count': '3',
        'probe-payload': '{"sku": "secret-4711"}'
      })
    )
    expect(run.outputs).toMatchObject({ healthy: 'true', 'variant-name': 'green', 'endpoint-status': 'InService' })
    expect(Number(run.outputs['latency-ms'])).toBeGreaterThanOrEqual(0)
    const probes = summaryTable(run.summary, '#')
    expect(probes.map((row) => [row[0], row[1], row[2]])).toEqual([
      ['1', 'green', '✅ ok'],
      ['2', 'green', '✅ ok'],
      ['3', 'green', '✅ ok']
    ])
    expect(run.stdout + run.summary).not.toContain('secret-4711')
    const invocations = await s.control.invocations()
    expect(invocations.map((i) => [i.endpoint, i.targetVariant, i.variant, i.status])).toEqual([
      ['shop', 'green', 'green', 200],
      ['shop', 'green', 'green', 200],
      ['shop', 'green', 'green', 200]
    ])
  })

  it('fails when the targeted variant fails or is too slow, while the other stays healthy', async () => {
    await seedBlueGreen()
    await s.control.failInvocations({ endpoint: 'shop', variant: 'green', status: 503, message: 'model not loaded' })
    const failing = await s.run({ operation: 'health-check', 'endpoint-name': 'shop', 'target-variant': 'green' })
    const errors = expectFailure(failing)
    expect(errors[0]).toMatch(
      /^Endpoint "shop" is unhealthy: 1 of 1 probes to variant "green" failed \(first: ModelError/
    )
    expect(failing.outputs.healthy).toBe('false')
    expect(summaryTable(failing.summary, '#').map((row) => [row[1], row[2]])).toEqual([['green', '❌ failed']])

    const blue = expectSuccess(
      await s.run({ operation: 'health-check', 'endpoint-name': 'shop', 'target-variant': 'blue' })
    )
    expect(blue.outputs.healthy).toBe('true')

    await s.control.delayInvocations({ endpoint: 'shop', variant: 'blue', delayMs: 400 })
    const slow = await s.run({
      operation: 'health-check',
      'endpoint-name': 'shop',
      'target-variant': 'blue',
      'probe-max-latency': '150ms',
      'fail-on-unhealthy': 'false'
    })
    expectSuccess(slow)
    expect(slow.outputs.healthy).toBe('false')
    expect(Number(slow.outputs['latency-ms'])).toBeGreaterThanOrEqual(400)
    expect(warningAnnotations(slow)[0]).toContain('slower than 150 ms')
  })
})

describe('health-check with probe-expect', () => {
  it('fails on the answers of a model that answers fast and wrong, naming the check and never the payload', async () => {
    await seedBlueGreen('shop-answers')
    await s.control.setModelBehaviour({ match: 'shop-answers-green-model', answer: { label: 'spam', score: 0.2 } })
    const inputs = {
      operation: 'health-check',
      'endpoint-name': 'shop-answers',
      'probe-payload': '{"sku": "secret-4711"}',
      'probe-expect': '$.label in ["fraud", "legit"]\n$.score between 0 and 1'
    }

    const wrong = await s.run({ ...inputs, 'target-variant': 'green' })
    const errors = expectFailure(wrong)
    expect(errors[0]).toContain('1 of 1 probes to variant "green" failed')
    expect(errors[0]).toContain('$.label in ["fraud", "legit"]: $.label is "spam"')
    expect(wrong.outputs.healthy).toBe('false')
    expect(wrong.stdout + wrong.summary).not.toContain('secret-4711')

    await s.control.setModelBehaviour({ match: 'shop-answers-blue-model', answer: { label: 'fraud', score: 0.9 } })
    const right = expectSuccess(await s.run({ ...inputs, 'target-variant': 'blue' }))
    expect(right.outputs.healthy).toBe('true')
  })
})

describe('health-check replaying captured requests', () => {
  it("replays the requests the endpoint's data capture wrote to S3, each checked, never printed", async () => {
    const { s3 } = s.aws
    await s3.send(new CreateBucketCommand({ Bucket: 'capture' }))
    await seedModelAndEndpoint(s.aws.sagemaker, {
      endpointName: 'captured',
      configSettings: captureEverything('s3://capture/datacapture')
    })
    // Users' requests, which SageMaker captures as it answers them.
    for (const card of ['secret-1111', 'secret-2222', 'secret-3333']) {
      await s.aws.runtime.send(
        new InvokeEndpointCommand({
          EndpointName: 'captured',
          ContentType: 'application/json',
          Body: new TextEncoder().encode(JSON.stringify({ card }))
        })
      )
    }
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'capture', Prefix: 'datacapture/captured/' }))
    expect(listed.Contents?.map((object) => object.Key)).toEqual(
      Array.from({ length: 3 }, () =>
        expect.stringMatching(/^datacapture\/captured\/AllTraffic\/\d{4}\/\d\d\/\d\d\/\d\d\/.+\.jsonl$/)
      )
    )

    const run = expectSuccess(
      await s.run({
        operation: 'health-check',
        'endpoint-name': 'captured',
        'probe-payloads-from': 's3://capture/datacapture/captured/',
        'probe-count': '3',
        'probe-expect': 'status == 200'
      })
    )

    expect(run.outputs.healthy).toBe('true')
    expect(run.stdout).toContain('Probes replay 3 captured requests from s3://capture/datacapture/captured/')
    expect(run.stdout + run.summary).not.toContain('secret-')
  })
})

describe('delete', () => {
  it('deletes the endpoint, then its config and models, keeping what another endpoint uses', async () => {
    // Two endpoints share model "shared-m1": the second deploy reuses it.
    const a = expectSuccess(await s.deploy('del-a', { 'image-uri': image('1'), 'model-name': 'shared-m1' }))
    const b = expectSuccess(await s.deploy('del-b', { 'image-uri': image('1'), 'model-name': 'shared-m1' }))
    expect(b.summary).toContain('already exists with the same container; reusing it')
    const [configA, configB] = [a.outputs['endpoint-config-name'] ?? '', b.outputs['endpoint-config-name'] ?? '']

    const first = expectSuccess(await s.run({ operation: 'delete', 'endpoint-name': 'del-a', 'delete-model': 'true' }))
    expect(first.outputs).toMatchObject({
      'endpoint-status': 'Deleted',
      'endpoint-config-name': configA,
      'model-name': 'shared-m1'
    })
    expect(resultOf(first).changes).toEqual([
      { api: 'DeleteEndpoint', resource: 'endpoint "del-a"' },
      { api: 'DeleteEndpointConfig', resource: `endpoint config "${configA}"` }
    ])
    expect(warningAnnotations(first)).toEqual(['Kept model "shared-m1": endpoint "del-b" uses it.'])
    expect(first.summary).toContain('<h2>✅ delete succeeded: del-a</h2>')
    // The variant table is the last view of what was deleted.
    expect(summaryTable(first.summary, 'Variant')).toEqual([['AllTraffic', 'shared-m1', 'ml.m5.large', '1', '100%']])
    expect(await inventory(s.aws)).toEqual({ models: ['shared-m1'], configs: [configB], endpoints: ['del-b'] })

    const second = expectSuccess(await s.run({ operation: 'delete', 'endpoint-name': 'del-b', 'delete-model': 'true' }))
    expect(resultOf(second).changes).toEqual([
      { api: 'DeleteEndpoint', resource: 'endpoint "del-b"' },
      { api: 'DeleteEndpointConfig', resource: `endpoint config "${configB}"` },
      { api: 'DeleteModel', resource: 'model "shared-m1"' }
    ])
    expect(await inventory(s.aws)).toEqual({ models: [], configs: [], endpoints: [] })
  })

  it('keeps the config and models when asked, and treats a missing endpoint as asked', async () => {
    const seeded = await seedModelAndEndpoint(s.aws.sagemaker, { endpointName: 'keep' })
    const run = expectSuccess(
      await s.run({ operation: 'delete', 'endpoint-name': 'keep', 'delete-endpoint-config': 'false' })
    )
    expect(resultOf(run).changes).toEqual([{ api: 'DeleteEndpoint', resource: 'endpoint "keep"' }])
    expect(await inventory(s.aws)).toEqual({ models: seeded.modelNames, configs: [seeded.configName], endpoints: [] })
    const config = await s.aws.sagemaker.send(
      new DescribeEndpointConfigCommand({ EndpointConfigName: seeded.configName })
    )
    expect(config.ProductionVariants?.[0]?.ModelName).toBe(seeded.modelNames[0])

    const missing = await s.run({ operation: 'delete', 'endpoint-name': 'keep' })
    expect(expectFailure(missing)[0]).toMatch(/^Endpoint "keep" does not exist in us-east-1; nothing to delete/)
    const ignored = expectSuccess(
      await s.run({ operation: 'delete', 'endpoint-name': 'keep', 'ignore-missing': 'true' })
    )
    expect(ignored.outputs['endpoint-status']).toBe('Deleted')
    expect(await inventory(s.aws)).toEqual({ models: seeded.modelNames, configs: [seeded.configName], endpoints: [] })
  })
})

describe('rollback', () => {
  it('returns to the previous config by default, or to the one named', async () => {
    const configs: string[] = []
    for (const tag of ['1', '2', '3']) {
      const run = expectSuccess(await s.deploy('rb', { 'image-uri': image(tag), 'model-name': `rb-m${tag}` }))
      configs.push(run.outputs['endpoint-config-name'] ?? '')
    }
    const [one, two, three] = configs as [string, string, string]

    const back = expectSuccess(await s.run({ operation: 'rollback', 'endpoint-name': 'rb' }))
    expect(back.outputs).toMatchObject({
      'endpoint-config-name': two,
      'previous-endpoint-config-name': three,
      'model-name': 'rb-m2',
      'rolled-back': 'true',
      'endpoint-status': 'InService'
    })
    expect(back.summary).toContain(
      `Rolling endpoint &quot;rb&quot; back from config &quot;${three}&quot; to &quot;${two}&quot;`
    )
    expect((await describeEndpoint(s.aws, 'rb')).EndpointConfigName).toBe(two)

    const named = expectSuccess(
      await s.run({ operation: 'rollback', 'endpoint-name': 'rb', 'endpoint-config-name': one })
    )
    expect(named.outputs).toMatchObject({ 'endpoint-config-name': one, 'model-name': 'rb-m1', 'rolled-back': 'true' })
    expect(summaryTable(named.summary, 'Variant')).toEqual([['AllTraffic', 'rb-m1', 'ml.m5.large', '1', '100%']])
    expect((await describeEndpoint(s.aws, 'rb')).EndpointConfigName).toBe(one)

    const there = expectSuccess(
      await s.run({ operation: 'rollback', 'endpoint-name': 'rb', 'endpoint-config-name': one })
    )
    expect(there.outputs['rolled-back']).toBe('false')
    expect(resultOf(there).changes).toEqual([])
    // Nothing was created or deleted along the way.
    expect((await inventory(s.aws)).configs).toEqual([...configs].sort())
  })

  it('fails without changing anything when no previous config is recorded', async () => {
    const seeded = await seedModelAndEndpoint(s.aws.sagemaker, { endpointName: 'bare' })
    const run = await s.run({ operation: 'rollback', 'endpoint-name': 'bare' })
    expect(expectFailure(run)[0]).toContain('Pass endpoint-config-name to choose the config to return to.')
    expect(run.outputs['rolled-back']).toBe('false')
    expect((await describeEndpoint(s.aws, 'bare')).EndpointConfigName).toBe(seeded.configName)
  })
})
