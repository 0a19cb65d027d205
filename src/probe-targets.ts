/**
 * Whether probes need a TargetModel depends on the models of the variants
 * they reach: read them, and refuse before any probe or change what every
 * answer would fail (see refuseProbeTargetMismatch).
 */
import { DescribeModelCommand } from '@aws-sdk/client-sagemaker'
import { awsCall } from './aws/errors.js'
import type { OperationContext } from './context.js'
import type { EndpointConfig } from './endpoint.js'
import { refuseProbeTargetMismatch } from './probes.js'
import { servingContainer } from './serving-container.js'

/** Whether the probed variants' models serve in MultiModel mode decides whether probes need a TargetModel. */
export async function refuseMismatchedTargetModel(
  ctx: OperationContext,
  config: EndpointConfig | undefined,
  targetVariant: string | undefined,
  targetModel: string | undefined
): Promise<void> {
  const probed = (config?.ProductionVariants ?? []).filter(
    (variant) => variant.ModelName && (targetVariant === undefined || variant.VariantName === targetVariant)
  )
  const models = await Promise.all(
    [...new Set(probed.map((variant) => variant.ModelName as string))].map(async (name) => {
      const model = await awsCall('DescribeModel', `model "${name}"`, () =>
        ctx.clients.sagemaker.send(new DescribeModelCommand({ ModelName: name }))
      )
      return { name, multiModel: servingContainer(model)?.Mode === 'MultiModel' }
    })
  )
  if (models.length > 0) refuseProbeTargetMismatch(models, targetModel)
}
