/**
 * model-name alone: a model that exists already, deployed as it is. It is
 * read before any change, so a name that names no model is refused then; it
 * gets no CreateModel, and since the run did not create it, no failure or
 * rollback of the run ever deletes it. Its description is returned: what
 * its containers run is judged with the rest.
 */
import { DescribeModelCommand, type DescribeModelCommandOutput } from '@aws-sdk/client-sagemaker'
import { awsCall, isNotFound } from './aws/errors.js'
import type { OperationContext } from './context.js'
import { refuseProbeTargetMismatch } from './probes.js'
import { recordSetting, servingContainer, type DescribedModel, type SettingSource } from './serving-container.js'
import type { DeploySettings } from './settings.js'

export async function readExistingModel(
  ctx: OperationContext,
  deploy: DeploySettings,
  modelName: string,
  sources: SettingSource[]
): Promise<DescribedModel> {
  let model: DescribeModelCommandOutput | undefined
  try {
    model = await awsCall('DescribeModel', `model "${modelName}"`, () =>
      ctx.clients.sagemaker.send(new DescribeModelCommand({ ModelName: modelName }))
    )
  } catch (error) {
    if (!isNotFound(error)) throw error
  }
  if (!model) {
    throw new Error(
      `Input "model-name": model "${modelName}" does not exist in ${ctx.settings.region}, and without image-uri, model-package-arn or framework a deploy creates no model; nothing was changed. Name a model that exists, or give image-uri (or model-package-arn, or framework) to create "${modelName}".`
    )
  }
  // Probes to it need a TargetModel exactly when it serves in MultiModel mode: refused now, not found by a rollback.
  const probe = deploy.rollout.gates.probe
  if (probe) {
    refuseProbeTargetMismatch(
      [{ name: modelName, multiModel: servingContainer(model)?.Mode === 'MultiModel' }],
      probe.targetModel
    )
  }
  recordSetting(sources, 'Model', modelName, 'input model-name: an existing model, deployed as it is')
  ctx.note(`Model "${modelName}" exists: it is deployed as it is, without CreateModel.`)
  return model
}
