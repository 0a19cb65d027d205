/**
 * configure-autoscaling: register the variant with Application Auto Scaling
 * and give it one target-tracking policy. The policy's name is fixed, so a
 * re-run updates it in place and a new scaling-metric replaces the old one.
 * With inference-component-name the component's copies are scaled instead
 * (ResourceId inference-component/<name>), on a metric per copy.
 */
import {
  componentScalable,
  describeScaling,
  describeVariantScaling,
  formatVariantScaling,
  isSuspended,
  registerScaling,
  registerVariantScaling,
  TARGET_TRACKING_POLICY_NAME,
  type VariantScaling
} from '../autoscaling.js'
import { adaptersOf, baseOf, noteAdapters, reportComponent, settledComponent } from '../components/component.js'
import { componentTrackingPolicy, SCALING_METRIC_DETAILS, targetTrackingPolicy } from '../scaling-policy.js'
import type { OperationContext } from '../context.js'
import { liveInstanceCount, reportEndpoint, resolveVariant, type EndpointConfig } from '../endpoint.js'
import { metricsSourceOf } from '../invocation-metrics.js'
import type { ConfigureAutoscalingSettings } from '../settings.js'
import { refuseServerlessVariant } from '../serverless-variant.js'
import { requireUpdatable } from '../wait.js'

export async function runConfigureAutoscaling(
  ctx: OperationContext,
  settings: ConfigureAutoscalingSettings
): Promise<void> {
  const component = ctx.settings.inferenceComponentName
  if (component !== undefined) return configureComponentScaling(ctx, component, settings)
  // Application Auto Scaling checks the variant against the live endpoint, which must not be mid-update.
  const endpoint = await requireUpdatable(ctx)
  const variantName = resolveVariant(endpoint, settings.variantName)
  ctx.output('variant-name', variantName)
  refuseServerlessVariant(endpoint, variantName, 'configure-autoscaling')
  const config = await reportEndpoint(ctx, endpoint)
  refuseUnpublishedScalingMetric(ctx, settings, config)
  const where = `variant "${variantName}" of endpoint "${ctx.endpointName}"`

  const before = await describeVariantScaling(ctx, ctx.endpointName, variantName)
  ctx.note(before ? `Before: ${where} scaled ${formatVariantScaling(before)}.` : `Before: ${where} had no autoscaling.`)

  const live = endpoint.ProductionVariants?.find((variant) => variant.VariantName === variantName)
  const count = live ? liveInstanceCount(live) : undefined
  if (count !== undefined && (count < settings.minCapacity || count > settings.maxCapacity)) {
    const bound = count < settings.minCapacity ? settings.minCapacity : settings.maxCapacity
    ctx.warn(
      `Variant "${variantName}" has ${count} instance(s), outside ${settings.minCapacity} to ${settings.maxCapacity}: Application Auto Scaling will move it to ${bound}.`
    )
  }

  const policy = targetTrackingPolicy(ctx.endpointName, variantName, settings)
  await registerVariantScaling(ctx, ctx.endpointName, variantName, {
    minCapacity: settings.minCapacity,
    maxCapacity: settings.maxCapacity,
    policies: [policy],
    // Scheduled actions already registered are not ours to touch; an empty list leaves them as they are.
    scheduledActions: []
  })

  const unit = SCALING_METRIC_DETAILS[settings.scalingMetric].unit
  ctx.note(
    `${ctx.dryRun ? 'Would set' : 'Now'}: ${where} scales from ${settings.minCapacity} to ${settings.maxCapacity} instances, tracking ${settings.scalingMetric} at ${settings.targetValue} (${unit}), scale-in cooldown ${settings.scaleInCooldownSeconds}s, scale-out cooldown ${settings.scaleOutCooldownSeconds}s (policy "${TARGET_TRACKING_POLICY_NAME}").`
  )
  if (settings.scalingMetric === 'ModelLatency' && settings.targetValue < 1000) {
    ctx.warn(
      `target-value ${settings.targetValue} for ModelLatency is ${settings.targetValue} microseconds (${settings.targetValue / 1000} ms): CloudWatch reports ModelLatency in microseconds, so 250 ms is 250000.`
    )
  }
  noteWhatStays(ctx, where, before)
}

/** Other policies act beside the action's, and a suspended target keeps it from acting at all. */
function noteWhatStays(ctx: OperationContext, where: string, before: VariantScaling | undefined): void {
  const others = (before?.policies ?? []).filter((existing) => existing.PolicyName !== TARGET_TRACKING_POLICY_NAME)
  if (others.length > 0) {
    ctx.note(
      `Left as they were: ${others.map((existing) => `policy "${existing.PolicyName}" (${existing.PolicyType})`).join(', ')}; they act alongside this one.`
    )
  }
  if (isSuspended(before?.suspendedState)) {
    ctx.warn(
      `Scaling is suspended on ${where} (SuspendedState ${JSON.stringify(before?.suspendedState)}): the policy will not act until it is resumed.`
    )
  }
}

/**
 * The component's copies between min-capacity and max-capacity, tracking a
 * predefined metric per copy. An adapter has no copies to scale. Down to 0
 * only where something brings a copy back: "after scaling in to zero
 * instances, your endpoint can't respond to any incoming inference requests
 * until it provisions at least one instance. To automate the provisioning
 * process, you create a step scaling policy"
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/endpoint-auto-scaling-zero-instances.html).
 */
async function configureComponentScaling(
  ctx: OperationContext,
  name: string,
  settings: ConfigureAutoscalingSettings
): Promise<void> {
  const component = await settledComponent(ctx, name, 'its autoscaling changes')
  const base = baseOf(component)
  if (base) {
    throw new Error(
      `Inference component "${name}" is an adapter of "${base}": it runs inside the base's copies and has none of its own to scale. Nothing was changed; configure autoscaling on "${base}".`
    )
  }
  reportComponent(ctx, component)
  const where = `inference component "${name}"`
  const scalable = componentScalable(name)
  const before = await describeScaling(ctx, scalable)
  ctx.note(
    before
      ? `Before: ${where} scaled ${formatVariantScaling(before, 'copies')}.`
      : `Before: ${where} had no autoscaling.`
  )
  refuseZeroWithNoWayBack(name, settings, before)
  const copies = component.RuntimeConfig?.DesiredCopyCount
  if (copies !== undefined && (copies < settings.minCapacity || copies > settings.maxCapacity)) {
    const bound = copies < settings.minCapacity ? settings.minCapacity : settings.maxCapacity
    ctx.warn(
      `Inference component "${name}" runs ${copies} copies, outside ${settings.minCapacity} to ${settings.maxCapacity}: Application Auto Scaling will move it to ${bound}.`
    )
  }
  const adapters = await adaptersOf(ctx, name)
  await registerScaling(ctx, scalable, {
    minCapacity: settings.minCapacity,
    maxCapacity: settings.maxCapacity,
    policies: [componentTrackingPolicy(settings)],
    scheduledActions: []
  })
  const unit = SCALING_METRIC_DETAILS[settings.scalingMetric].unit
  ctx.note(
    `${ctx.dryRun ? 'Would set' : 'Now'}: ${where} scales from ${settings.minCapacity} to ${settings.maxCapacity} copies, tracking ${settings.scalingMetric} at ${settings.targetValue} (${unit}), scale-in cooldown ${settings.scaleInCooldownSeconds}s, scale-out cooldown ${settings.scaleOutCooldownSeconds}s (policy "${TARGET_TRACKING_POLICY_NAME}").`
  )
  if (settings.minCapacity === 0) {
    ctx.note(
      `At 0 copies the component answers no requests until its step scaling policy brings a copy back, which takes minutes.`
    )
  }
  noteWhatStays(ctx, where, before)
  noteAdapters(ctx, name, adapters)
}

/**
 * Target tracking alone never scales out of zero copies (no copy publishes the metric it tracks): min-capacity 0 is
 * taken only for a component that already has a step scaling policy, as AWS's way out of zero is one, invoked by an
 * alarm on NoCapacityInvocationFailures.
 */
function refuseZeroWithNoWayBack(
  name: string,
  settings: ConfigureAutoscalingSettings,
  before: VariantScaling | undefined
): void {
  if (settings.minCapacity !== 0 || before?.policies.some((policy) => policy.PolicyType === 'StepScaling')) return
  throw new Error(
    `Input "min-capacity" is 0, but nothing would bring inference component "${name}" back from zero copies: target tracking scales on a metric no copy publishes then, and every request would fail until someone added a copy. Nothing was changed. Set min-capacity to 1 or more, or first give the component a step scaling policy that adds a copy, invoked by a CloudWatch alarm on its NoCapacityInvocationFailures metric, as AWS describes: https://docs.aws.amazon.com/sagemaker/latest/dg/endpoint-auto-scaling-zero-instances.html (this operation keeps that policy).`
  )
}

/**
 * Target tracking on InvocationsPerInstance needs its datapoints, and an
 * asynchronous endpoint publishes none
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/async-inference-monitor.html):
 * the policy would never scale. AWS scales those on their backlog
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/async-inference-autoscale.html).
 */
function refuseUnpublishedScalingMetric(
  ctx: OperationContext,
  settings: ConfigureAutoscalingSettings,
  config: EndpointConfig | undefined
): void {
  if (settings.scalingMetric !== 'InvocationsPerInstance' || !metricsSourceOf(config).asynchronous) return
  throw new Error(
    `Input "scaling-metric": endpoint "${ctx.endpointName}" is asynchronous (its config "${config?.EndpointConfigName}" has an AsyncInferenceConfig), and SageMaker publishes no InvocationsPerInstance for it, so a policy tracking it would never scale; nothing was changed. Register a target-tracking policy on ApproximateBacklogSizePerInstance with Application Auto Scaling, as AWS advises for asynchronous endpoints, or track CPUUtilization.`
  )
}
