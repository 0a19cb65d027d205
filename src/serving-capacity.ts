/** How many instances the new variant starts with, and why. */
import { NEW_ENDPOINT_DEFAULTS, type DeploySettings } from './settings.js'
import type { Serving } from './serving.js'

/**
 * The new variant's instances: the input, else the count the serving variant
 * serves with now (autoscaling may have grown it past its config's initial
 * count), else the action's default. An asynchronous endpoint may be scaled
 * to zero (https://docs.aws.amazon.com/sagemaker/latest/dg/async-inference-autoscale.html),
 * and a variant takes at least one instance (InitialInstanceCount, minimum 1,
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ProductionVariant.html):
 * then the config's initial count, at least one, so the new model is never a
 * fleet of zero.
 */
export function newInstanceCount(
  deploy: DeploySettings,
  serving: Serving | undefined
): { count: number; source: string } {
  if (deploy.instanceCount !== undefined) return { count: deploy.instanceCount, source: 'input instance-count' }
  const primary = serving?.primary
  if (!primary?.InstanceType) return { count: NEW_ENDPOINT_DEFAULTS.instanceCount, source: 'default' }
  const from = `inherited from variant "${primary.VariantName}"`
  const live = serving?.primaryInstances
  if (live === 0) {
    return {
      count: Math.max(1, primary.InitialInstanceCount ?? 1),
      source: `${from}: it is scaled to zero, so its config's initial count, at least one instance`
    }
  }
  if (live !== undefined) return { count: live, source: `${from}, the instances it serves with now` }
  return { count: primary.InitialInstanceCount ?? NEW_ENDPOINT_DEFAULTS.instanceCount, source: from }
}
