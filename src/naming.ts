/** Names for the resources a deploy creates. */

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
