/**
 * The action's entry point: parse every input, dispatch to the operation's
 * module, and always (failed runs too) set the result output and write the
 * job summary.
 */
import * as core from '@actions/core'
import { createAwsClients, type AwsClients } from './aws/clients.js'
import { loadCapturedPayloads } from './captured-payloads.js'
import { isExpiredCredentials } from './aws/errors.js'
import { systemClock, type Clock } from './clock.js'
import { OperationContext } from './context.js'
import { COMMON_INPUTS, parseSettings, readHeadline, recordingReader } from './inputs.js'
import { newReport, type Report } from './report.js'
import type { Operation, Settings } from './settings.js'
import { writeSummary } from './summary.js'
import { installCancellationHandlers, recordCancellation } from './cancel.js'
import { wasCancelled } from './cancelled.js'
import { runIdentity } from './identity.js'
import { withEndpointLock } from './lock.js'
import { saveCommonInputs, STATE_KEYS } from './rollout/state.js'
import type { DeploymentHandle, DeploymentOutcome } from './github/deployments.js'
import type { PlanCommentRequest } from './github/plan-comment.js'

export interface RunDependencies {
  clock: Clock
  createClients: (region: string) => AwsClients
  env: NodeJS.ProcessEnv
}

export async function run(overrides: Partial<RunDependencies> = {}): Promise<void> {
  const deps: RunDependencies = {
    clock: systemClock,
    createClients: createAwsClients,
    env: process.env,
    ...overrides
  }
  // One bundle serves both steps; the main step leaves a mark the post step finds.
  if (core.getState(STATE_KEYS.isPost) === 'true') {
    const { runPost } = await import('./post.js')
    return runPost(deps.clock, deps.createClients)
  }
  core.saveState(STATE_KEYS.isPost, 'true')

  const request: Array<[string, string]> = []
  const readInput = recordingReader((name) => core.getInput(name), request)
  let report = reportFromHeadline(deps, request)
  let clients: AwsClients | undefined
  let deployment: DeploymentHandle | undefined
  /** Set on a dry run with plan-comment: where the plan goes besides the job summary. */
  let planComment: Omit<PlanCommentRequest, 'body'> | undefined
  const decision = (): string => report.rollout?.decision ?? report.error ?? ''
  /** The `result` output and the job summary, whose HTML comes back for a plan comment. */
  const writeResult = async (): Promise<string | undefined> => {
    core.setOutput('result', JSON.stringify(resultOutput(report)))
    return writeSummary(report)
  }
  const finish = async (): Promise<void> => {
    report.finishedAt = deps.clock.now()
    // First, so that a warning about it reaches the summary.
    await deployment?.finish(deploymentOutcome(report), decision())
    const html = await writeResult()
    if (planComment && html) {
      const { postPlanComment } = await import('./github/plan-comment.js')
      await postPlanComment({ ...planComment, body: html })
    }
  }
  /** Set when the run should leave a dashboard: written however the operation ends, a rollback most of all. */
  let dashboardFor: OperationContext | undefined
  const uninstall = installCancellationHandlers(
    () => clients,
    async (whatWasDone) => {
      recordCancellation(report, whatWasDone, deps.clock.now())
      report.finishedAt = deps.clock.now()
      // The runner kills a cancelled step within seconds: the summary and outputs go out before GitHub is
      // called, which may take its whole timeout when GitHub is slow.
      await writeResult()
      await deployment?.finish('inactive', decision())
    }
  )
  try {
    const settings = parseSettings(readInput, deps.env)
    maskSecrets(settings)
    // The post step rebuilds these through the same parser, without reading inputs again.
    saveCommonInputs(Object.fromEntries(COMMON_INPUTS.map((name) => [name, core.getInput(name)])))
    report = newReport(settings.operation, settings.endpointName, settings.region, settings.dryRun, deps.clock.now())
    report.request = request
    if (settings.record.instanceHourPrice !== undefined) report.instanceHourPrice = settings.record.instanceHourPrice
    clients = deps.createClients(settings.region)
    const ctx = new OperationContext(settings, clients, deps.clock, report, runIdentity(deps.env))
    planComment = planCommentFor(settings, deps.env)
    ctx.output('endpoint-name', settings.endpointName)
    if (settings.record.dashboard && RELEASING.has(settings.operation)) dashboardFor = ctx
    await operateLocked(ctx, settings, deps.env, (handle) => (deployment = handle))
    report.succeeded = true
  } catch (error) {
    // Cancelled: the handler reports the run, and the post step finishes it; a change refused since is no failure.
    if (wasCancelled()) return
    report.succeeded = false
    report.error = describeFailure(error, report)
    core.setFailed(report.error)
  } finally {
    uninstall()
    if (!wasCancelled()) {
      // After a failure too: the graphs of a rolled-back canary are what a person wants to see next.
      if (dashboardFor) await recordDashboard(dashboardFor)
      await finish()
    }
  }
}

/** The report before the inputs are parsed: from the few a failed parse still needs, for its summary. */
function reportFromHeadline(deps: RunDependencies, request: Array<[string, string]>): Report {
  const headline = readHeadline((name) => core.getInput(name), deps.env)
  const report = newReport(
    headline.operation as Operation,
    headline.endpointName,
    headline.region,
    headline.dryRun,
    deps.clock.now()
  )
  report.request = request
  return report
}

/** Where a dry run's plan goes besides the job summary, with plan-comment. */
function planCommentFor(settings: Settings, env: NodeJS.ProcessEnv): Omit<PlanCommentRequest, 'body'> | undefined {
  if (!settings.dryRun || !settings.record.planComment) return undefined
  return { token: settings.record.githubToken, endpointName: settings.endpointName, region: settings.region, env }
}

/** The operation inside the endpoint's lock, with the GitHub deployment that records it. */
async function operateLocked(
  ctx: OperationContext,
  settings: Settings,
  env: NodeJS.ProcessEnv,
  recordDeployment: (handle: DeploymentHandle | undefined) => void
): Promise<void> {
  await withEndpointLock(
    ctx,
    settings,
    async () => {
      // Inside the lock: a run turned away by another one's lock records no deployment of its own.
      if (RELEASING.has(settings.operation) && !settings.dryRun) {
        const { startDeployment } = await import('./github/deployments.js')
        recordDeployment(
          await startDeployment({
            token: settings.record.githubToken,
            environment: settings.record.environment,
            endpointName: settings.endpointName,
            region: settings.region,
            env,
            description: `${settings.operation} of ${settings.endpointName} in ${settings.region}`,
            warn: (message) => ctx.warn(message),
            clock: ctx.clock
          })
        )
      }
      // Before the operation changes anything: a capture without requests fails while nothing has moved.
      await loadCapturedPayloads(ctx, settings)
      await dispatch(ctx, settings)
    },
    env
  )
}

/** The operations that change what an endpoint serves: the ones a GitHub deployment records. */
const RELEASING = new Set<Operation>(['deploy', 'promote', 'rollback'])

/** A rollout that paused is still under way: its deployment stays in progress until promote or rollback. */
function deploymentOutcome(report: Report): DeploymentOutcome {
  const result = report.outputs['rollout-result']
  if (!report.succeeded || result === 'rolled-back' || result === 'failed') return 'failure'
  return result === 'paused' ? 'in_progress' : 'success'
}

async function recordDashboard(ctx: OperationContext): Promise<void> {
  const { componentsToGraph, putEndpointDashboard } = await import('./dashboard.js')
  const components = await componentsToGraph(ctx)
  const dashboard = await putEndpointDashboard(ctx, {
    endpointName: ctx.endpointName,
    region: ctx.settings.region,
    variants: (ctx.report.variants ?? []).map((variant) => variant.name),
    ...(ctx.report.metricsSource ? { source: ctx.report.metricsSource } : {}),
    ...(components ? { components } : {})
  })
  if (dashboard) ctx.report.dashboardUrl = dashboard.url
}

/**
 * Each operation is loaded when it runs: the runner starts the bundle for every
 * step, and V8 compiles what is loaded, so a monitor need not pay for the
 * rollout engine, autoscaling or the framework image tables. ncc emits each
 * dynamic import as a chunk beside dist/index.js.
 */
async function dispatch(ctx: OperationContext, settings: Settings): Promise<void> {
  switch (settings.operation) {
    case 'deploy':
      return (await import('./operations/deploy.js')).runDeploy(ctx, settings.deploy)
    case 'promote':
      return (await import('./operations/promote.js')).runPromote(ctx, settings.rollout)
    case 'update-traffic':
      return (await import('./operations/update-traffic.js')).runUpdateTraffic(ctx, settings.updateTraffic)
    case 'update-capacity':
      return (await import('./operations/update-capacity.js')).runUpdateCapacity(ctx, settings.updateCapacity)
    case 'configure-autoscaling':
      return (await import('./operations/configure-autoscaling.js')).runConfigureAutoscaling(ctx, settings.autoscaling)
    case 'delete-autoscaling':
      return (await import('./operations/delete-autoscaling.js')).runDeleteAutoscaling(ctx, settings.deleteAutoscaling)
    case 'monitor':
      return (await import('./operations/monitor.js')).runMonitor(ctx, settings.monitor)
    case 'health-check':
      return (await import('./operations/health-check.js')).runHealthCheck(ctx, settings.healthCheck)
    case 'delete':
      return (await import('./operations/delete.js')).runDelete(ctx, settings.delete)
    case 'rollback':
      return (await import('./operations/rollback.js')).runRollback(ctx, settings.rollback)
  }
}

/**
 * Container environment values are often credentials: mask them in the log in
 * case anything (an AWS error echoing a request, say) would print one. Very
 * short values are left alone, or every "1" or "on" in the log would vanish.
 */
function maskSecrets(settings: Settings): void {
  if (settings.operation !== 'deploy') return
  for (const value of Object.values(settings.deploy.modelEnvironment)) {
    if (value.length >= 6) core.setSecret(value)
  }
}

function describeFailure(error: unknown, report: Report): string {
  const message = error instanceof Error ? error.message : String(error)
  if (!isExpiredCredentials(error)) return message
  const step = report.rollout?.steps.at(-1)
  const where = step
    ? ` The rollout had reached ${step.weight}% on ${report.rollout?.newVariant}: the endpoint may still be on its canary config. With fresh credentials, run operation: rollback (back to ${report.rollout?.previousConfig ?? 'the previous config'}) or operation: promote.`
    : ' Check the endpoint before re-running.'
  return `${message} The AWS credentials expired during the run.${where} To avoid it, make the role session outlast the whole run: role-duration-seconds in aws-actions/configure-aws-credentials, and the role's maximum session duration.`
}

/** The `result` output: the whole operation as JSON, for scripts downstream. */
export function resultOutput(report: Report): object {
  const { result: _result, ...outputs } = report.outputs
  return {
    operation: report.operation,
    endpointName: report.endpointName,
    region: report.region,
    dryRun: report.dryRun,
    succeeded: report.succeeded ?? false,
    ...(report.error ? { error: report.error } : {}),
    outputs,
    changes: report.changes.map(({ api, resource }) => ({ api, resource })),
    ...(report.rollout ? { rollout: report.rollout } : {}),
    ...(report.probes ? { probes: report.probes } : {}),
    ...(report.metrics ? { metrics: report.metrics } : {}),
    notes: report.notes,
    durationMs: (report.finishedAt ?? report.startedAt) - report.startedAt
  }
}
