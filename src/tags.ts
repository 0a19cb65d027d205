/**
 * The tags the action puts on what it creates: its own bookkeeping, which ties
 * endpoint configs to their endpoint and to the config a rollback returns to,
 * and traceability tags that lead from a resource back to the commit and the
 * workflow run that made it.
 *
 * SageMaker's tag rules: keys of 1 to 128 and values of 0 to 256 characters,
 * both from letters, digits, spaces and `_.:/=+-@`; keys starting with `aws:`
 * are reserved; at most 50 tags on one resource.
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_Tag.html
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateEndpointConfig.html
 */
import { workflowRun } from './github/run.js'

/** Tags the action keeps on the endpoint configs it creates. */
export const TAGS = {
  endpoint: 'sagemaker-deploy:endpoint',
  /** The config that served before this deploy started: where rollback returns. */
  previousConfig: 'sagemaker-deploy:previous-config',
  /** `release` for a config meant to serve; `canary` for one that exists only during a rollout. */
  role: 'sagemaker-deploy:role',
  newVariant: 'sagemaker-deploy:new-variant',
  /** On a canary config: when its rollout paused (ISO 8601), so promote can judge the whole pause. */
  pausedAt: 'sagemaker-deploy:paused-at',
  /**
   * `true` on a canary config whose new model existed before the deploy
   * (model-name alone): a rolled-back promote must leave that model, which
   * the run did not create.
   */
  modelAsIs: 'sagemaker-deploy:model-as-is'
} as const

export type ConfigRole = 'release' | 'canary' | 'shadow'

/** A config that exists only while a rollout is under way: never a rollback target, never a release. */
export function isRolloutConfigRole(role: string | undefined): boolean {
  return role === 'canary' || role === 'shadow'
}

/** Where a resource came from: the repository, commit, ref and run that created it. */
export const TRACEABILITY_TAGS = {
  repository: 'sagemaker-deploy:repository',
  commit: 'sagemaker-deploy:commit',
  ref: 'sagemaker-deploy:ref',
  runUrl: 'sagemaker-deploy:run-url'
} as const

export const MAX_TAGS_PER_RESOURCE = 50
const MAX_TAG_VALUE_LENGTH = 256

/**
 * How many tags a workflow can give so that its tags, the bookkeeping and the
 * traceability tags fit on one endpoint config together.
 */
export const MAX_USER_TAGS = MAX_TAGS_PER_RESOURCE - Object.keys(TAGS).length - Object.keys(TRACEABILITY_TAGS).length

const NOT_IN_TAG_VALUE = /[^\p{L}\p{Z}\p{N}_.:/=+\-@]/gu

export function toTagList(tags: Record<string, string>): { Key: string; Value: string }[] {
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }))
}

/**
 * A value SageMaker accepts, made from any text: a character it refuses
 * becomes `_` (a branch name may hold `#`, `!` or `%`), and the length is counted
 * in characters, so a long value is cut without splitting one.
 */
export function tagValue(text: string): string {
  return Array.from(text.replace(NOT_IN_TAG_VALUE, '_')).slice(0, MAX_TAG_VALUE_LENGTH).join('')
}

/** The repository, commit, ref and run URL from the runner's environment; a variable not set gives no tag. */
export function traceabilityTags(env: NodeJS.ProcessEnv): Record<string, string> {
  const run = workflowRun(env)
  const values: Array<[string, string | undefined]> = [
    [TRACEABILITY_TAGS.repository, run.repository],
    [TRACEABILITY_TAGS.commit, run.sha],
    [TRACEABILITY_TAGS.ref, run.ref],
    [TRACEABILITY_TAGS.runUrl, run.runUrl]
  ]
  return Object.fromEntries(
    values
      .filter((entry): entry is [string, string] => entry[1] !== undefined)
      .map(([key, value]) => [key, tagValue(value)])
  )
}
