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

/** A variant by its name and share of traffic: a config's definition or the endpoint's live summary. */
interface WeightedVariant {
  VariantName?: string | undefined
  InitialVariantWeight?: number | undefined
  CurrentWeight?: number | undefined
  DesiredWeight?: number | undefined
}

/**
 * The name an endpoint serves under: its variant with the largest share of
 * traffic (live weights where the endpoint reports them, else the config's),
 * the first of equals. Alarms, dashboards and autoscaling are keyed on it, so
 * every release keeps it.
 */
export function servingVariantName(variants: WeightedVariant[]): string | undefined {
  const weightOf = (variant: WeightedVariant): number =>
    variant.CurrentWeight ?? variant.DesiredWeight ?? variant.InitialVariantWeight ?? 0
  let serving: WeightedVariant | undefined
  for (const variant of variants) if (!serving || weightOf(variant) > weightOf(serving)) serving = variant
  return serving?.VariantName
}

/**
 * The variant a whole-config replacement (all at once, or SageMaker's own
 * deployment) deploys into: the name asked for, else the name the endpoint
 * serves under, else AllTraffic.
 */
export function replacementVariantName(requested: string | undefined, live: WeightedVariant[]): string {
  return requested ?? servingVariantName(live) ?? 'AllTraffic'
}

/**
 * The new variant's own name while it serves beside the serving ones in a
 * canary: variant-name, else the model's name, which no serving variant may
 * have (two variants cannot share one); an endpoint whose variant is already
 * named after that model gets the model's name with `-canary`.
 */
export function canaryVariantName(requested: string | undefined, modelName: string, serving: string[]): string {
  if (requested !== undefined || !serving.includes(modelName)) return requested ?? modelName
  return derivedName(modelName, 'canary')
}
