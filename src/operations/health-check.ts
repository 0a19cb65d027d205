/**
 * health-check: is the endpoint InService and does it answer? Synthetic
 * invocations (probes) answer the second question the way a caller would.
 * An unhealthy endpoint fails the step unless fail-on-unhealthy is false, so
 * a workflow can branch on the `healthy` output instead. With
 * inference-component-name the component must be InService and answer
 * probes sent to it (InvokeEndpoint's InferenceComponentName, never with a
 * TargetVariant: https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_runtime_InvokeEndpoint.html).
 */
import type { OperationContext } from '../context.js'
import { findEndpoint, reportEndpoint, resolveVariant } from '../endpoint.js'
import { refuseMismatchedTargetModel } from '../probe-targets.js'
import { medianLatency, refuseProbesOnAsynchronous, refuseProbesTooLargeForServerless, sendProbes } from '../probes.js'
import type { HealthCheckSettings } from '../settings.js'
import { findComponent, reportComponent } from '../components/component.js'

/**
 * The statuses in which an endpoint serves: an update "shifts endpoint traffic to the new instances" with "no
 * availability loss" (API_UpdateEndpoint), SystemUpdating is maintenance that "does not change any
 * customer-specified values", and RollingBack returns it to what served (API_DescribeEndpoint, EndpointStatus).
 * In these a health check probes, and judges on the answers: a scheduled check must not page anyone through every
 * deploy and maintenance window. UpdateRollbackFailed serves too, but on "a mix of the old and new endpoint
 * configurations", which needs someone: it is unhealthy, as Creating, Deleting, Failed and OutOfService are.
 */
const SERVING_STATUSES = ['InService', 'Updating', 'SystemUpdating', 'RollingBack']

export async function runHealthCheck(ctx: OperationContext, settings: HealthCheckSettings): Promise<void> {
  const endpoint = await findEndpoint(ctx)
  if (!endpoint) {
    return unhealthy(ctx, settings, `Endpoint "${ctx.endpointName}" does not exist in ${ctx.settings.region}.`)
  }
  const config = await reportEndpoint(ctx, endpoint)
  // An endpoint that cannot be probed is a workflow mistake, not an unhealthy endpoint: it fails whatever fail-on-unhealthy says.
  refuseProbesOnAsynchronous(
    ctx.endpointName,
    config,
    "Use operation: monitor, which judges the endpoint's status and metrics."
  )
  refuseProbesTooLargeForServerless(ctx.endpointName, config, settings.probe)
  const { targetVariant } = settings
  if (targetVariant !== undefined) {
    // A misspelt variant is a workflow mistake, not an unhealthy endpoint: it fails whatever fail-on-unhealthy says.
    resolveVariant(endpoint, targetVariant, 'target-variant')
    ctx.output('variant-name', targetVariant)
  }
  // Probes a multi-model endpoint refuses, or a single-model one, are a workflow mistake too.
  await refuseMismatchedTargetModel(ctx, config, targetVariant, settings.probe.targetModel)

  const status = endpoint.EndpointStatus ?? 'Unknown'
  if (!SERVING_STATUSES.includes(status)) {
    const reason = endpoint.FailureReason ? ` FailureReason: ${endpoint.FailureReason}` : ''
    return unhealthy(ctx, settings, `Endpoint "${ctx.endpointName}" is ${status}, not InService.${reason}`)
  }
  if (status !== 'InService') {
    ctx.note(`Endpoint "${ctx.endpointName}" is ${status}, and serves meanwhile: its health is judged on its probes.`)
  }

  const component = ctx.settings.inferenceComponentName
  if (component !== undefined) {
    const problem = await componentProblem(ctx, component)
    if (problem) return unhealthy(ctx, settings, problem)
  }

  if (ctx.dryRun) ctx.note('Dry run: probes are still sent, since an invocation changes nothing in AWS.')
  const records = await sendProbes(ctx, settings.probe, {
    ...(targetVariant !== undefined ? { targetVariant } : {}),
    ...(component !== undefined ? { inferenceComponentName: component } : {}),
    ...(settings.maxLatencyMs !== undefined ? { maxLatencyMs: settings.maxLatencyMs } : {})
  })
  ctx.report.probes = records
  const median = medianLatency(records)
  if (median !== undefined) ctx.output('latency-ms', Math.round(median))

  const target =
    component !== undefined
      ? ` to inference component "${component}"`
      : targetVariant !== undefined
        ? ` to variant "${targetVariant}"`
        : ''
  const failed = records.filter((record) => !record.ok)
  if (failed.length > 0) {
    return unhealthy(
      ctx,
      settings,
      `Endpoint "${ctx.endpointName}" is unhealthy: ${failed.length} of ${records.length} probes${target} failed (first: ${failed[0]?.detail}).`
    )
  }
  ctx.output('healthy', true)
  ctx.note(
    `Endpoint "${ctx.endpointName}" is healthy: ${records.length} of ${records.length} probes${target} answered, median ${Math.round(median ?? 0)} ms.`
  )
}

/** Why the component cannot answer, or undefined when it can; one of another endpoint is a workflow mistake. */
async function componentProblem(ctx: OperationContext, name: string): Promise<string | undefined> {
  const component = await findComponent(ctx, name)
  if (!component) return `Inference component "${name}" does not exist on endpoint "${ctx.endpointName}".`
  if (component.EndpointName !== ctx.endpointName) {
    throw new Error(
      `Inference component "${name}" runs on endpoint "${component.EndpointName}", not "${ctx.endpointName}".`
    )
  }
  reportComponent(ctx, component)
  const status = component.InferenceComponentStatus ?? 'Unknown'
  // A rolling update keeps copies serving all through it: judged on its probes, as an endpoint that is Updating.
  if (status !== 'InService' && status !== 'Updating') {
    const reason = component.FailureReason ? ` FailureReason: ${component.FailureReason}` : ''
    return `Inference component "${name}" is ${status}, not InService.${reason}`
  }
  if (component.RuntimeConfig?.CurrentCopyCount === 0) return `Inference component "${name}" runs no copies.`
  return undefined
}

function unhealthy(ctx: OperationContext, settings: HealthCheckSettings, message: string): void {
  ctx.output('healthy', false)
  if (settings.failOnUnhealthy) throw new Error(message)
  ctx.note(message)
  ctx.warn(`${message} The step succeeds because fail-on-unhealthy is false.`)
}
