/**
 * One run at a time may change an endpoint, across workflows and repositories:
 * GitHub's `concurrency` only orders runs of one repository, and says nothing
 * of a second repository, the action run by hand, or a workflow without the
 * endpoint's group.
 *
 * The lock is a SageMaker lineage context named after the endpoint. Context
 * names are unique in an account and region, and CreateContext refuses a name
 * that exists, so of two runs that start at once exactly one creates it; the
 * other finds it, reads whose it is, and stops before changing anything. A
 * context costs nothing and nothing serves from it.
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateContext.html (and _DescribeContext, _DeleteContext)
 *
 * Its properties name the holder (the run's URL, repository, run ID) and an
 * expiry, so a lock whose run died without a post step can be taken over (at
 * once, once GitHub says that run has ended). The lock calls are
 * not in the run's list of changes: they change nothing that serves, and a
 * dry run, which changes nothing, takes no lock.
 */
import * as core from '@actions/core'
import { CreateContextCommand, DeleteContextCommand, DescribeContextCommand } from '@aws-sdk/client-sagemaker'
import { answerMayBeLost, awsCall, errorCode, errorMessage, isNotFound } from './aws/errors.js'
import { wasCancelled } from './cancelled.js'
import type { OperationContext } from './context.js'
import { workflowRun } from './github/run.js'
import type { GitHubAccess } from './github/run-status.js'
import type { Operation, Settings } from './settings.js'
import { lockLifetimeMs } from './lock-lifetime.js'
import { takenLock, leftForPostStep, type TakenLock } from './rollout/state.js'
import { clearInheritedHolds, HOLDS_PROPERTY, holdsOf, inheritHolds } from './lock-holds.js'
import { giveBackInheritedHolds } from './scale-in.js'

/**
 * The operations that change an endpoint or its variants' autoscaling; the
 * others only read. Autoscaling is locked too: a rollout suspends the serving
 * variants' scale-in and moves their scaling to the new variant at promotion,
 * and a registration or deletion in between would be undone or refused.
 */
export const LOCKED_OPERATIONS: ReadonlySet<Operation> = new Set([
  'deploy',
  'promote',
  'rollback',
  'update-traffic',
  'update-capacity',
  'configure-autoscaling',
  'delete-autoscaling',
  'delete'
])

const LOCK_PREFIX = 'sagemaker-deploy-lock-'
const LOCK_CONTEXT_TYPE = 'sagemaker-deploy-lock'

/** A takeover takes seconds; a claim this old was left by a run that died taking over. */
const STALE_CLAIM_MS = 10 * 60_000

/** Create, find it taken by a lock that goes away at once, create again: give up after that. */
const ACQUIRE_ATTEMPTS = 3

/** What a lock's properties say. Every field is a string: context properties are a string map. */
interface LockRecord {
  owner: string
  token: string
  operation: string
  endpoint: string
  acquiredAt: string
  expiresAt: string
  repository?: string
  runId?: string
  runAttempt?: string
  job?: string
  /** The scale-in it holds (lock-holds.ts). */
  [HOLDS_PROPERTY]?: string
}

/** The record's fields a lock may lack: an older lock, or one taken outside a workflow run. */
const OPTIONAL_FIELDS = ['repository', 'runId', 'runAttempt', 'job', HOLDS_PROPERTY] as const

export class EndpointLockedError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'EndpointLockedError'
  }
}

export function lockName(endpointName: string): string {
  return `${LOCK_PREFIX}${endpointName}`
}

/**
 * Runs `work` holding the endpoint's lock when the operation changes the
 * endpoint. The lock is released when `work` ends, unless it left work for
 * the post step (a rollout to undo, SageMaker's deployment to wait for, what
 * a cancelled deploy created) or the run was cancelled: then the post step
 * releases it when done.
 */
export async function withEndpointLock<T>(
  ctx: OperationContext,
  settings: Settings,
  work: () => Promise<T>,
  env: NodeJS.ProcessEnv = process.env
): Promise<T> {
  if (ctx.dryRun || !LOCKED_OPERATIONS.has(settings.operation)) return work()
  const github = { token: settings.record.githubToken, run: workflowRun(env) }
  const held = await acquireEndpointLock(ctx, settings.operation, lockLifetimeMs(settings), github)
  let succeeded = false
  try {
    const result = await work()
    succeeded = true
    return result
  } finally {
    // A dead run's holds this run took over: given back once its own operation is over, unless it was cancelled.
    if (!wasCancelled()) await giveBackInheritedHolds(ctx, succeeded)
    if (leftForPostStep() || wasCancelled()) {
      core.info(`The post step releases the lock on endpoint "${ctx.endpointName}" once it has finished.`)
    } else {
      await releaseEndpointLock(ctx, held)
    }
  }
}

export async function acquireEndpointLock(
  ctx: OperationContext,
  operation: string,
  lifetimeMs: number,
  github?: GitHubAccess
): Promise<TakenLock> {
  const held: TakenLock = {
    endpointName: ctx.endpointName,
    region: ctx.settings.region,
    name: lockName(ctx.endpointName),
    token: ctx.run.token
  }
  const now = ctx.clock.now()
  const record = recordFor(ctx, operation, now, now + lifetimeMs)
  clearInheritedHolds()
  // Saved before the create: a run cancelled while it waits for the answer leaves the post step to check.
  takenLock.save(held)
  try {
    for (let attempt = 1; ; attempt++) {
      const taken = await claim(ctx, held.name, record, 'the lock')
      if (taken === 'held') break
      const { holder, refusal } = taken
      if (!holder) {
        if (attempt < ACQUIRE_ATTEMPTS) continue
        throw refusal
      }
      const stale = staleness(ctx, holder) ?? (await holderRunEnded(ctx, holder, github))
      if (!stale || attempt >= ACQUIRE_ATTEMPTS) throw lockedError(ctx, holder)
      await takeOver(ctx, held.name, holder, stale)
    }
  } catch (error) {
    takenLock.clear()
    throw error
  }
  core.info(
    `Locked endpoint "${ctx.endpointName}" for this run until ${record.expiresAt} (SageMaker context "${held.name}").`
  )
  return held
}

/**
 * Releases the lock if this run still holds it; a lock another run holds
 * (taken over after this one's expiry) is left alone. Never throws: the
 * lock expires by itself, and the run's own outcome matters more.
 */
export async function releaseEndpointLock(ctx: OperationContext, held: TakenLock): Promise<void> {
  try {
    const holder = await findLock(ctx, held.name)
    if (holder && holder.token !== held.token) {
      ctx.warn(`The lock on endpoint "${held.endpointName}" is now held by ${holder.owner}, so it was left alone.`)
    } else if (holder) {
      await deleteContext(ctx, held.name, 'the lock')
      core.info(`Released the lock on endpoint "${held.endpointName}".`)
    }
    takenLock.clear()
  } catch (error) {
    ctx.warn(
      `Could not release the lock on endpoint "${held.endpointName}" (${errorMessage(error)}); it expires by itself, or delete SageMaker context "${held.name}".`
    )
  }
}

function recordFor(ctx: OperationContext, operation: string, now: number, expiresAt: number): LockRecord {
  const { run } = ctx
  return {
    owner: run.owner,
    token: run.token,
    operation,
    endpoint: ctx.endpointName,
    acquiredAt: new Date(now).toISOString(),
    expiresAt: new Date(expiresAt).toISOString(),
    ...(run.repository ? { repository: run.repository } : {}),
    ...(run.runId ? { runId: run.runId } : {}),
    ...(run.runAttempt ? { runAttempt: run.runAttempt } : {}),
    ...(run.job ? { job: run.job } : {})
  }
}

/**
 * Why a lock another process holds may be taken over, if it may: it has
 * expired, or an earlier attempt of this same run holds it (GitHub starts a
 * re-run only once every job of the run has ended).
 */
function staleness(ctx: OperationContext, holder: LockRecord): string | undefined {
  const { run } = ctx
  const expiresAt = Date.parse(holder.expiresAt)
  if (!Number.isFinite(expiresAt) || expiresAt <= ctx.clock.now()) return `it expired at ${holder.expiresAt}`
  if (
    run.runId !== undefined &&
    holder.repository === run.repository &&
    holder.runId === run.runId &&
    Number(holder.runAttempt) < Number(run.runAttempt)
  ) {
    return `attempt ${holder.runAttempt} of this run holds it, and has ended`
  }
  return undefined
}

/**
 * Why a lock held by another run of this repository may be taken over: that run has ended, post steps included.
 * GitHub stops a cancelled job's post step at its cancellation timeout, often before the return it waits for has
 * landed, and a lost runner runs none: either left the lock for hours, refusing the rollback the endpoint needed.
 * Undefined when that cannot be told (another repository, no token, no `actions: read`): the lock stands.
 */
async function holderRunEnded(
  ctx: OperationContext,
  holder: LockRecord,
  github: GitHubAccess | undefined
): Promise<string | undefined> {
  const { repository, runId } = holder
  if (!github?.token || !repository || !runId || repository !== ctx.run.repository || runId === ctx.run.runId) {
    return undefined
  }
  try {
    const { workflowRunStatus } = await import('./github/run-status.js')
    const status = await workflowRunStatus(github.token, github.run, { repository, runId })
    return status.ended ? `the run that holds it has ended (${status.conclusion})` : undefined
  } catch (error) {
    core.info(`Could not ask GitHub whether the run holding the lock has ended: ${errorMessage(error)}`)
    return undefined
  }
}

/**
 * Deleting a stale lock must not delete the fresh lock another run has just
 * created in its place. So takeovers go one at a time, behind a second
 * context (a claim) that only one run can create, and the stale lock is
 * deleted only if it is still the one found stale. The new lock is then
 * created by the caller, where a newcomer may still win the name fairly.
 */
async function takeOver(ctx: OperationContext, name: string, stale: LockRecord, why: string): Promise<void> {
  const claimName = `${name}-takeover`
  const now = ctx.clock.now()
  const record = recordFor(ctx, 'take over the lock', now, now + STALE_CLAIM_MS)
  const taken = await claim(ctx, claimName, record, 'the takeover claim')
  if (taken !== 'held') {
    const other = taken.holder
    if (other && Date.parse(other.acquiredAt) + STALE_CLAIM_MS > now) {
      throw lockedError(ctx, stale, `${other.owner} is taking it over`)
    }
    if (other) await deleteContext(ctx, claimName, 'a stale takeover claim')
    if ((await claim(ctx, claimName, record, 'the takeover claim')) !== 'held') {
      throw lockedError(ctx, stale, 'another run is taking it over')
    }
  }
  try {
    const current = await findLock(ctx, name)
    if (current?.token === stale.token) {
      ctx.warn(`Taking over the lock on endpoint "${ctx.endpointName}" from ${stale.owner}: ${why}.`)
      await deleteContext(ctx, name, 'the stale lock')
      inheritHolds(ctx, holdsOf(current), `The run that held it, ${stale.owner},`)
    }
  } finally {
    await deleteContext(ctx, claimName, 'the takeover claim').catch((error: unknown) =>
      ctx.warn(`Could not delete the takeover claim "${claimName}": ${errorMessage(error)}`)
    )
  }
}

/**
 * Creates the context, or finds it already this process's own: a create
 * whose answer was lost is retried by the SDK and refused, yet it did its
 * work. Otherwise says who holds the name, if anyone still does.
 */
async function claim(
  ctx: OperationContext,
  name: string,
  record: LockRecord,
  what: string
): Promise<'held' | { holder: LockRecord | undefined; refusal: Error }> {
  const refusal = await tryCreate(ctx, name, record, what)
  if (!refusal) return 'held'
  const holder = await findLock(ctx, name)
  return holder?.token === record.token ? 'held' : { holder, refusal }
}

/** Creates the context; returns the error when the name was taken (or may have been), throws any other. */
async function tryCreate(
  ctx: OperationContext,
  name: string,
  record: LockRecord,
  what: string
): Promise<Error | undefined> {
  const input = {
    ContextName: name,
    ContextType: LOCK_CONTEXT_TYPE,
    Description: `Held by ${record.owner} for ${record.operation} on endpoint "${record.endpoint}" until ${record.expiresAt}. Delete it only if that run is no longer running.`,
    Source: { SourceUri: record.owner, SourceType: 'workflow-run' },
    Properties: { ...record }
  }
  try {
    await awsCall('CreateContext', `${what} "${name}"`, () =>
      ctx.clients.sagemaker.send(new CreateContextCommand(input))
    )
    return undefined
  } catch (error) {
    // Whatever SageMaker's refusal of a taken name says, and whether a lost answer hides a success, a look at the name tells.
    if (/^(ValidationException|ResourceInUse|ConflictException)$/.test(errorCode(error)) || answerMayBeLost(error)) {
      return error as Error
    }
    throw error
  }
}

async function findLock(ctx: OperationContext, name: string): Promise<LockRecord | undefined> {
  try {
    const context = await awsCall('DescribeContext', `the lock "${name}"`, () =>
      ctx.clients.sagemaker.send(new DescribeContextCommand({ ContextName: name }))
    )
    const properties = context?.Properties ?? {}
    return {
      owner: properties.owner ?? 'an unknown run',
      token: properties.token ?? '',
      operation: properties.operation ?? 'an operation',
      endpoint: properties.endpoint ?? ctx.endpointName,
      acquiredAt: properties.acquiredAt ?? context?.CreationTime?.toISOString() ?? '',
      expiresAt: properties.expiresAt ?? '',
      ...Object.fromEntries(OPTIONAL_FIELDS.flatMap((field) => (properties[field] ? [[field, properties[field]]] : [])))
    }
  } catch (error) {
    if (isNotFound(error)) return undefined
    throw error
  }
}

async function deleteContext(ctx: OperationContext, name: string, what: string): Promise<void> {
  try {
    await awsCall('DeleteContext', `${what} "${name}"`, () =>
      ctx.clients.sagemaker.send(new DeleteContextCommand({ ContextName: name }))
    )
  } catch (error) {
    // Gone already: a retried delete whose first answer was lost, or the holder released it meanwhile.
    if (isNotFound(error)) return
    if (answerMayBeLost(error) && !(await findLock(ctx, name))) return
    throw error
  }
}

function lockedError(ctx: OperationContext, holder: LockRecord, detail?: string): EndpointLockedError {
  const { run } = ctx
  const sameRun = run.runId !== undefined && holder.runId === run.runId && holder.repository === run.repository
  const who = sameRun ? `another job or step of this same run (${holder.owner})` : `another run: ${holder.owner}`
  const since = holder.acquiredAt ? ` since ${holder.acquiredAt}` : ''
  const expiry = holder.expiresAt ? ` Its lock expires at ${holder.expiresAt}` : ' Its lock has no expiry'
  const ours = !sameRun && holder.repository !== undefined && holder.repository === run.repository
  const takeover = ours
    ? ' A run of this repository takes it over once GitHub says that run has ended, if the job may read its Actions (permissions: actions: read).'
    : ''
  return new EndpointLockedError(
    `Endpoint "${ctx.endpointName}" is locked by ${who}, running ${holder.operation}${since}${detail ? `; ${detail}` : ''}. One run at a time may change an endpoint, so this run changed nothing.${expiry}; if that run is no longer running, remove the lock with: aws sagemaker delete-context --context-name ${lockName(ctx.endpointName)} --region ${ctx.settings.region}.${takeover}`
  )
}
