/**
 * A serverless variant has no instances to count or scale: SageMaker scales
 * its concurrency by itself, and Application Auto Scaling scales only its
 * provisioned concurrency, under a dimension of its own,
 * sagemaker:variant:DesiredProvisionedConcurrency, tracking
 * SageMakerVariantProvisionedConcurrencyUtilization
 * (https://docs.aws.amazon.com/sagemaker/latest/dg/serverless-endpoints-autoscale.html).
 * The capacity operations act on instances, so they refuse such a variant,
 * and say where its capacity is set instead.
 */
import type { Endpoint } from './endpoint.js'

const SERVERLESS_SCALING = 'https://docs.aws.amazon.com/sagemaker/latest/dg/serverless-endpoints-autoscale.html'

/** Its serverless settings as DescribeEndpoint shows them, or undefined for a variant on instances. */
export function serverlessSettings(endpoint: Endpoint, variantName: string): string | undefined {
  const live = endpoint.ProductionVariants?.find((variant) => variant.VariantName === variantName)
  const config = live?.CurrentServerlessConfig ?? live?.DesiredServerlessConfig
  if (!config) return undefined
  const provisioned = config.ProvisionedConcurrency ? `, ProvisionedConcurrency ${config.ProvisionedConcurrency}` : ''
  return `MemorySizeInMB ${config.MemorySizeInMB}, MaxConcurrency ${config.MaxConcurrency}${provisioned}`
}

/** Refuses an instance-count change or instance autoscaling on a serverless variant, before any change. */
export function refuseServerlessVariant(
  endpoint: Endpoint,
  variantName: string,
  operation: 'update-capacity' | 'configure-autoscaling'
): void {
  const settings = serverlessSettings(endpoint, variantName)
  if (!settings) return
  const where = `Variant "${variantName}" of endpoint "${endpoint.EndpointName}" is serverless (${settings}): it has no instances`
  const instead =
    operation === 'update-capacity'
      ? 'Its concurrency is its endpoint config\u2019s ServerlessConfig: deploy a config with the MaxConcurrency or ProvisionedConcurrency it needs.'
      : `SageMaker scales its concurrency by itself; to scale its provisioned concurrency, register sagemaker:variant:DesiredProvisionedConcurrency with Application Auto Scaling (${SERVERLESS_SCALING}), which this action does not manage.`
  throw new Error(`${where} for ${operation} to act on. Nothing was changed. ${instead}`)
}

/** What delete-autoscaling says of a serverless variant it found no instance autoscaling on. */
export function serverlessScalingNote(endpoint: Endpoint | undefined, variantName: string): string {
  if (!endpoint || !serverlessSettings(endpoint, variantName)) return ''
  return ` The variant is serverless: autoscaling of its provisioned concurrency (sagemaker:variant:DesiredProvisionedConcurrency), if any, is not this action's and was left as it is (${SERVERLESS_SCALING}).`
}
