/** The CreateModel request a deploy sends, from the model it planned. */
import type { ContainerDefinition, CreateModelCommandInput, Tag } from '@aws-sdk/client-sagemaker'
import { containerToCreate } from './serving-container.js'
import type { ModelSettings } from './serving.js'

/** Everything CreateModel needs besides the name and tags. */
export interface ModelSpec extends ModelSettings {
  /** What the container runs: the image or package, and where the model data is. */
  PrimaryContainer: ContainerDefinition
}

/** The CreateModel request for a spec: what the container runs joined with its settings. */
export function createModelInput(modelName: string, spec: ModelSpec, tags: Tag[]): CreateModelCommandInput {
  const { containerSettings, containerInList, PrimaryContainer: runs, ...model } = spec
  const container = containerToCreate(runs, containerSettings)
  return {
    ModelName: modelName,
    ...model,
    ...(containerInList ? { Containers: [container] } : { PrimaryContainer: container }),
    Tags: tags
  }
}
