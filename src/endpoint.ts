/** Reading an endpoint and its config, shared by every operation. */
import {
  DescribeEndpointCommand,
  DescribeEndpointConfigCommand,
  type DescribeEndpointConfigCommandOutput,
  type DescribeEndpointCommandOutput,
  type ProductionVariantSummary
} from '@aws-sdk/client-sagemaker'
import { awsCall, isNotFound } from './aws/errors.js'
import type { OperationContext } from './context.js'
import { metricsSourceOf } from './invocation-metrics.js'
import type { VariantRow } from './report.js'

export type Endpoint = DescribeEndpointCommandOutput
export type EndpointConfig = DescribeEndpointConfigCommandOutput

/** Statuses from which SageMaker will reach InService (or Failed) without our help. */
export const TRANSITIONAL_STATUSES = ['Creating', 'Updating', 'SystemUpdating', 'RollingBack', 'Deleting']

export async function findEndpoint(
  ctx: OperationContext,
  endpointName = ctx.endpointName
): Promise<Endpoint | undefined> {
  try {
    return await awsCall('DescribeEndpoint', `endpoint "${endpointName}"`, () =>
      ctx.clients.sagemaker.send(new DescribeEndpointCommand({ EndpointName: endpointName }))
    )
  } catch (error) {
    if (isNotFound(error)) return undefined
    throw error
  }
}

export async function getEndpoint(ctx: OperationContext): Promise<Endpoint> {
  const endpoint = await findEndpoint(ctx)
  if (!endpoint) throw missingEndpoint(ctx)
  return endpoint
}

export function missingEndpoint(ctx: OperationContext): Error {
  return new Error(`Endpoint "${ctx.endpointName}" does not exist in ${ctx.settings.region}.`)
}

export async function getEndpointConfig(ctx: OperationContext, configName: string): Promise<EndpointConfig> {
  return awsCall('DescribeEndpointConfig', `endpoint config "${configName}"`, () =>
    ctx.clients.sagemaker.send(new DescribeEndpointConfigCommand({ EndpointConfigName: configName }))
  )
}

export async function findEndpointConfig(
  ctx: OperationContext,
  configName: string
): Promise<EndpointConfig | undefined> {
  try {
    return await getEndpointConfig(ctx, configName)
  } catch (error) {
    if (isNotFound(error)) return undefined
    throw error
  }
}

/** The variants' live weights as percentages of the endpoint's traffic. */
export function weightPercentages(variants: ProductionVariantSummary[]): Record<string, number> {
  const weights = variants.map((variant) => variant.CurrentWeight ?? variant.DesiredWeight ?? 0)
  const total = weights.reduce((sum, weight) => sum + weight, 0)
  return Object.fromEntries(
    variants.map((variant, index) => [
      variant.VariantName ?? '',
      total > 0 ? roundPercent(((weights[index] as number) / total) * 100) : 0
    ])
  )
}

export function roundPercent(value: number): number {
  return Math.round(value * 100) / 100
}

export function liveInstanceCount(variant: ProductionVariantSummary): number | undefined {
  return variant.CurrentInstanceCount ?? variant.DesiredInstanceCount
}

/** Rows for the summary's variant table: live weights and counts, model and type from the config. */
export function variantRows(endpoint: Endpoint, config?: EndpointConfig): VariantRow[] {
  const live = endpoint.ProductionVariants ?? []
  const weights = weightPercentages(live)
  return live.map((variant) => {
    const name = variant.VariantName ?? ''
    const definition = config?.ProductionVariants?.find((candidate) => candidate.VariantName === name)
    const row: VariantRow = { name, weight: weights[name] ?? 0 }
    const count = liveInstanceCount(variant)
    if (count !== undefined) row.instanceCount = count
    if (definition?.ModelName) row.model = definition.ModelName
    if (definition?.InstanceType) row.instanceType = definition.InstanceType
    return row
  })
}

/** Records the endpoint's state in outputs and in the summary's variant table. */
/** Puts the endpoint in the report and the outputs; resolves with its config, when it still exists. */
export async function reportEndpoint(ctx: OperationContext, endpoint: Endpoint): Promise<EndpointConfig | undefined> {
  const config = endpoint.EndpointConfigName ? await findEndpointConfig(ctx, endpoint.EndpointConfigName) : undefined
  ctx.report.variants = variantRows(endpoint, config)
  if (config) ctx.report.metricsSource = metricsSourceOf(config)
  ctx.output('endpoint-name', endpoint.EndpointName ?? ctx.endpointName)
  if (endpoint.EndpointArn) ctx.output('endpoint-arn', endpoint.EndpointArn)
  if (endpoint.EndpointStatus) ctx.output('endpoint-status', endpoint.EndpointStatus)
  if (endpoint.EndpointConfigName) ctx.output('endpoint-config-name', endpoint.EndpointConfigName)
  ctx.output('variant-weights', weightPercentages(endpoint.ProductionVariants ?? []))
  return config
}

/** The one variant an operation may act on when the user named none. */
export function resolveVariant(endpoint: Endpoint, requested: string | undefined, input = 'variant-name'): string {
  const names = (endpoint.ProductionVariants ?? []).map((variant) => variant.VariantName ?? '')
  if (requested !== undefined) {
    if (!names.includes(requested)) {
      throw new Error(
        `Input "${input}" names variant "${requested}", which endpoint "${endpoint.EndpointName}" does not have (it has ${names.join(', ')}).`
      )
    }
    return requested
  }
  if (names.length !== 1) {
    throw new Error(
      `Input "${input}" is required: endpoint "${endpoint.EndpointName}" has ${names.length} variants (${names.join(', ')}).`
    )
  }
  return names[0] as string
}
