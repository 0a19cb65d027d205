/**
 * Cancellation. When a run is cancelled the runner sends SIGINT, then SIGTERM
 * 7.5 s later, then kills the process 2.5 s after that: too little time to
 * restore a config (minutes), but enough to stop the harm. The handler moves
 * all traffic back to the old variants at once, leaves the saved state for the
 * post step, which restores the previous config, deletes what the run created
 * and releases the endpoint's lock, and exits.
 */
import * as core from '@actions/core'
import { DescribeEndpointCommand, UpdateEndpointWeightsAndCapacitiesCommand } from '@aws-sdk/client-sagemaker'
import type { AwsClients } from './aws/clients.js'
import { errorMessage } from './aws/errors.js'
import { TRANSITIONAL_STATUSES, weightPercentages, type Endpoint } from './endpoint.js'
import type { Report } from './report.js'
import { nativeDeployment, inFlightRollout, unfinishedDeploy, type InFlightRollout } from './rollout/state.js'

/** The weight change must be sent well inside the 7.5 s before SIGTERM. */
const CANCEL_BUDGET_MS = 5_000

export function installCancellationHandlers(
  clients: () => AwsClients | undefined,
  onCancelled: (whatWasDone: string) => Promise<void>
): () => void {
  let handling = false
  const handler = (signal: NodeJS.Signals): void => {
    if (handling) return
    handling = true
    core.warning(`Received ${signal}: the run was cancelled.`)
    void stopTheHarm(clients())
      .then(onCancelled)
      .finally(() => process.exit(1))
  }
  process.on('SIGINT', handler)
  process.on('SIGTERM', handler)
  return () => {
    process.off('SIGINT', handler)
    process.off('SIGTERM', handler)
  }
}

/** What the handler did about the traffic, in a sentence for the log and the summary. */
export async function stopTheHarm(clients: AwsClients | undefined): Promise<string> {
  const rollout = inFlightRollout.current
  if (!rollout || !clients) return ''
  const abortSignal = AbortSignal.timeout(CANCEL_BUDGET_MS)
  let done: string
  try {
    const endpoint = await clients.sagemaker.send(new DescribeEndpointCommand({ EndpointName: rollout.endpointName }), {
      abortSignal
    })
    const status = endpoint.EndpointStatus ?? ''
    if (TRANSITIONAL_STATUSES.includes(status)) {
      done = whileUpdating(rollout, status, endpoint)
    } else {
      await clients.sagemaker.send(
        new UpdateEndpointWeightsAndCapacitiesCommand({
          EndpointName: rollout.endpointName,
          DesiredWeightsAndCapacities: [
            ...Object.entries(rollout.previousWeights).map(([VariantName, DesiredWeight]) => ({
              VariantName,
              DesiredWeight
            })),
            { VariantName: rollout.newVariant, DesiredWeight: 0 }
          ]
        }),
        { abortSignal }
      )
      done = `All traffic was moved off ${rollout.newVariant} at once.`
    }
  } catch (error) {
    done = `Traffic could not be moved off ${rollout.newVariant} (${errorMessage(error)}).`
  }
  core.warning(`${done} ${postStepPlan()}`)
  return done
}

/**
 * SageMaker refuses UpdateEndpointWeightsAndCapacities until an update ends,
 * and an update takes minutes: nothing can move traffic within the runner's
 * ten seconds, so the handler only says where things stand.
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_UpdateEndpointWeightsAndCapacities.html
 */
function whileUpdating(rollout: InFlightRollout, status: string, endpoint: Endpoint): string {
  const moving = endpoint.PendingDeploymentSummary?.EndpointConfigName
  const share = weightPercentages(endpoint.ProductionVariants ?? [])[rollout.newVariant]
  const exposure =
    share === undefined || share === 0
      ? `${rollout.newVariant} takes no traffic meanwhile`
      : `${rollout.newVariant} keeps serving ${share}% of traffic until then`
  return `Endpoint "${rollout.endpointName}" is ${status}${moving ? ` (moving to "${moving}")` : ''}, and SageMaker refuses weight changes until that ends, so no traffic could be moved in the seconds the runner gives a cancelled step; ${exposure}. The post step waits for the update to finish first.`
}

/** What the post step will do, from the state this run saved for it. */
function postStepPlan(): string {
  const rollout = inFlightRollout.current
  const created = unfinishedDeploy.current
  const plans: string[] = []
  if (rollout) plans.push(`returns endpoint "${rollout.endpointName}" to "${rollout.previousConfig}"`)
  if (nativeDeployment.current) plans.push("deletes the alarms of SageMaker's deployment once it has ended")
  if (created && created.models.length + created.configs.length > 0) {
    plans.push(
      `deletes what this run created and nothing runs on (${[
        ...created.models.map((name) => `model "${name}"`),
        ...created.configs.map((name) => `config "${name}"`)
      ].join(', ')}, those that exist)`
    )
  }
  if (plans.length === 0) return ''
  return `The post step ${plans.join(', then ')}, and releases the endpoint's lock.`
}

/**
 * The run's report once cancelled: the rollout's step under way is marked
 * cancelled, not left "in progress", and the error says what was done and
 * what the post step will do.
 */
export function recordCancellation(report: Report, whatWasDone: string, now: number): void {
  report.succeeded = false
  report.cancelled = true
  const step = report.rollout?.steps.at(-1)
  if (step && step.verdict === 'in-progress') {
    step.verdict = 'cancelled'
    step.endedAt = now
    step.reason = 'the run was cancelled'
  }
  if (report.rollout && !report.rollout.result) {
    report.rollout.decision = `Cancelled${step ? ` at ${step.weight}% on ${report.rollout.newVariant}` : ''}.`
  }
  report.error = ['The run was cancelled.', whatWasDone, postStepPlan()].filter(Boolean).join(' ')
}
