/**
 * What the new model could not serve as asked, refused before anything is
 * created: each names the input and what to do instead.
 */
import { InputError } from './parse.js'
import { refuseProbeTargetMismatch } from './probes.js'
import { modelDataUrlOf, servingContainer } from './serving-container.js'
import type { DeploySettings } from './settings.js'
import type { Serving } from './serving.js'

/** SageMaker's limit on one container's environment, keys and values together. */
const MAX_ENVIRONMENT_BYTES = 32 * 1024

export function refuseWhatTheModelCannotServe(deploy: DeploySettings, serving: Serving | undefined): void {
  const container = servingContainer(serving?.model)
  const multiModel = container?.Mode === 'MultiModel'
  const url = modelDataUrlOf(deploy)
  const name = serving?.model.ModelName ?? ''
  if (multiModel) refuseForMultiModel(deploy, name, url)
  const probe = deploy.rollout.gates.probe
  if (probe) refuseProbeTargetMismatch(serving ? [{ name, multiModel }] : [], probe.targetModel)
  // A serverless variant stays serverless unless instance-type moves it to instances.
  const serverless = serving?.primary.ServerlessConfig !== undefined && deploy.instanceType === undefined
  if (serverless && url !== undefined && (url.endsWith('/') || deploy.acceptEula === true)) {
    // https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ContainerDefinition.html
    throw new InputError(
      url.endsWith('/') ? 'model-data-url' : 'accept-eula',
      'needs ModelDataSource, which SageMaker does not take for a serverless endpoint; nothing was changed. Give a model.tar.gz archive without accept-eula, or move the endpoint to instances with instance-type'
    )
  }
  const environment = { ...container?.Environment, ...deploy.modelEnvironment }
  const bytes = Object.entries(environment).reduce(
    (sum, [key, value]) => sum + Buffer.byteLength(key) + Buffer.byteLength(value),
    0
  )
  if (bytes > MAX_ENVIRONMENT_BYTES) {
    // https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ContainerDefinition.html
    throw new InputError(
      'model-environment',
      `with the ${Object.keys(container?.Environment ?? {}).length} variables carried from model "${name}" comes to ${bytes} bytes, above the 32 KB SageMaker takes for a container's environment; nothing was changed. Shorten the values, or move large settings to the model data`
    )
  }
}

/**
 * A multi-model container loads the models under the prefix its ModelDataUrl
 * names (https://docs.aws.amazon.com/sagemaker/latest/dg/create-multi-model-endpoint.html);
 * without one, or with one archive, the new model would serve nothing.
 */
function refuseForMultiModel(deploy: DeploySettings, model: string, url: string | undefined): void {
  if (deploy.source.kind === 'package') {
    throw new InputError(
      'model-package-arn',
      `cannot replace model "${model}", which serves in MultiModel mode: the new model needs the S3 prefix of its models; nothing was changed. Deploy with image-uri and model-data-url ending in /`
    )
  }
  if (url === undefined || !url.endsWith('/')) {
    throw new InputError(
      'model-data-url',
      `must be the S3 prefix of the models, ending in /, since model "${model}" serves in MultiModel mode; nothing was changed`,
      url ?? ''
    )
  }
  if (deploy.acceptEula === true) {
    // ModelAccessConfig goes in ModelDataSource, which multi-model endpoints do not take.
    throw new InputError(
      'accept-eula',
      `cannot be set for model "${model}", which serves in MultiModel mode: SageMaker takes a EULA's acceptance only with ModelDataSource, which multi-model endpoints do not use; nothing was changed`
    )
  }
}
