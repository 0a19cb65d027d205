/**
 * Cancellation. When a run is cancelled the runner sends SIGINT, then SIGTERM
 * 7.5 s later, then kills the process 2.5 s after that: too little time to
 * restore a config (minutes), but enough to stop the harm. The handler builds
 * the way back from the rollout's progress as the post step will, carries out
 * its first move when that is taking all traffic off the new variant, leaves
 * the progress for the post step, which carries out the rest, deletes what
 * the run created and releases the endpoint's lock, and exits.
 */
import * as core from '@actions/core'
import { DescribeEndpointCommand, UpdateEndpointWeightsAndCapacitiesCommand } from '@aws-sdk/client-sagemaker'
import type { AwsClients } from './aws/clients.js'
import { errorMessage } from './aws/errors.js'
import { markCancelled } from './cancelled.js'
import { TRANSITIONAL_STATUSES, weightPercentages, type Endpoint } from './endpoint.js'
import type { Report } from './report.js'
import { rollbackMoves, rolloutStanding, type Progress } from './rollout/moves.js'
import { nativeDeployment, rolloutProgress, scalingTakenOff, unfinishedDeploy } from './rollout/state.js'

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
    markCancelled()
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
  const progress = rolloutProgress.current
  if (!progress || !clients) return ''
  const { newVariant } = progress.rollout
  const abortSignal = AbortSignal.timeout(CANCEL_BUDGET_MS)
  let done: string
  try {
    const endpoint = await clients.sagemaker.send(
      new DescribeEndpointCommand({ EndpointName: progress.endpointName }),
      { abortSignal }
    )
    const status = endpoint.EndpointStatus ?? ''
    done = TRANSITIONAL_STATUSES.includes(status)
      ? whileUpdating(progress, status, endpoint)
      : await firstMoveBack(clients, progress, endpoint, abortSignal)
  } catch (error) {
    done = `Traffic could not be moved off ${newVariant} (${errorMessage(error)}).`
  }
  core.warning(`${done} ${postStepPlan()}`)
  return done
}

/**
 * The way back's first move, when it is the one that fits in the runner's
 * seconds: the traffic off the new variant (weight 0 takes seconds, a config
 * minutes). The post step builds the plan again from where the endpoint then
 * stands, and carries out the rest.
 */
async function firstMoveBack(
  clients: AwsClients,
  progress: Progress,
  endpoint: Endpoint,
  abortSignal: AbortSignal
): Promise<string> {
  const { newVariant } = progress.rollout
  const first = rollbackMoves(rolloutStanding(progress, endpoint))[0]
  if (first?.kind !== 'traffic-off') return `${newVariant} was taking no traffic, so none had to be moved.`
  await clients.sagemaker.send(
    new UpdateEndpointWeightsAndCapacitiesCommand({
      EndpointName: progress.endpointName,
      DesiredWeightsAndCapacities: first.weights
    }),
    { abortSignal }
  )
  return `All traffic was moved off ${newVariant} at once.`
}

/**
 * SageMaker refuses UpdateEndpointWeightsAndCapacities until an update ends,
 * and an update takes minutes: nothing can move traffic within the runner's
 * ten seconds, so the handler only says where things stand.
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_UpdateEndpointWeightsAndCapacities.html
 */
function whileUpdating(progress: Progress, status: string, endpoint: Endpoint): string {
  const { newVariant } = progress.rollout
  const moving = endpoint.PendingDeploymentSummary?.EndpointConfigName
  const share = weightPercentages(endpoint.ProductionVariants ?? [])[newVariant]
  const exposure =
    share === undefined || share === 0
      ? `${newVariant} takes no traffic meanwhile`
      : `${newVariant} keeps serving ${share}% of traffic until then`
  return `Endpoint "${progress.endpointName}" is ${status}${moving ? ` (moving to "${moving}")` : ''}, and SageMaker refuses weight changes until that ends, so no traffic could be moved in the seconds the runner gives a cancelled step; ${exposure}. The post step waits for the update to finish first.`
}

/** What the post step will do, from the state this run saved for it. */
function postStepPlan(): string {
  const progress = rolloutProgress.current
  const created = unfinishedDeploy.current
  const plans: string[] = []
  if (progress) plans.push(`returns endpoint "${progress.endpointName}" to "${progress.rollout.previousConfig}"`)
  if (nativeDeployment.current) plans.push("deletes the alarms of SageMaker's deployment once it has ended")
  if (created && created.models.length + created.configs.length > 0) {
    plans.push(
      `deletes what this run created and nothing runs on (${[
        ...created.models.map((name) => `model "${name}"`),
        ...created.configs.map((name) => `config "${name}"`)
      ].join(', ')}, those that exist)`
    )
  }
  const scalingOff = scalingTakenOff.current
  if (scalingOff) {
    const variants = scalingOff.moves.map((move) => `"${move.to ?? move.from}"`).join(', ')
    plans.push(
      `puts back the autoscaling taken off for the update (variants ${variants}) once the endpoint is InService`
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
