/** Names for the resources a deploy creates, and the tags that tie them to their endpoint. */

const MAX_NAME_LENGTH = 63

/**
 * A UTC timestamp and a random suffix: two deploys in the same second (a re-run,
 * a matrix job) still get different names.
 */
export function uniqueSuffix(now: number, random: () => number = Math.random): string {
  const stamp = new Date(now).toISOString().replace(/[-:T]/g, '').slice(0, 14)
  const token = Math.floor(random() * 36 ** 5)
    .toString(36)
    .padStart(5, '0')
  return `${stamp}-${token}`
}

/** `<base>-<suffix>`, cutting the base so the whole stays within SageMaker's 63 characters. */
export function derivedName(base: string, suffix: string): string {
  const room = MAX_NAME_LENGTH - suffix.length - 1
  const trimmed = base.slice(0, room).replace(/-+$/, '')
  return `${trimmed}-${suffix}`
}

/** Tags the action keeps on the endpoint configs it creates. */
export const TAGS = {
  endpoint: 'sagemaker-deploy:endpoint',
  /** The config that served before this deploy started: where rollback returns. */
  previousConfig: 'sagemaker-deploy:previous-config',
  /** `release` for a config meant to serve; `canary` for one that exists only during a rollout. */
  role: 'sagemaker-deploy:role',
  newVariant: 'sagemaker-deploy:new-variant',
  /** On a canary config: when its rollout paused (ISO 8601), so promote can judge the whole pause. */
  pausedAt: 'sagemaker-deploy:paused-at'
} as const

export type ConfigRole = 'release' | 'canary'

export function toTagList(tags: Record<string, string>): { Key: string; Value: string }[] {
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }))
}
