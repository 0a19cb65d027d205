// An endpoint made for inference components, with one component serving, as
// the end-to-end tests and the benchmark set it up in the emulator. Plain ESM
// so that both load it; typed with JSDoc, which the type check reads.
// @ts-check

import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateInferenceComponentCommand,
  CreateModelCommand,
  DescribeEndpointCommand,
  DescribeInferenceComponentCommand
} from '@aws-sdk/client-sagemaker'

/** @typedef {import('@aws-sdk/client-sagemaker').SageMakerClient} SageMakerClient */
/** @typedef {import('@aws-sdk/client-sagemaker').ProductionVariantInstanceType} ProductionVariantInstanceType */
/** @typedef {import('@aws-sdk/client-sagemaker').DescribeInferenceComponentCommandOutput} DescribedComponent */

/** What each copy reserves: one GPU and 16 GB. */
export const GPU_COPY = { NumberOfAcceleratorDevicesRequired: 1, MinMemoryRequiredInMb: 16_384 }

/**
 * Polls a component until it has left Creating or Updating.
 * @param {SageMakerClient} sagemaker
 * @param {string} name
 * @param {number} [timeoutMs]
 * @returns {Promise<DescribedComponent>}
 */
export async function componentSettled(sagemaker, name, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const component = await sagemaker.send(new DescribeInferenceComponentCommand({ InferenceComponentName: name }))
    if (!['Creating', 'Updating'].includes(component.InferenceComponentStatus ?? '')) return component
    if (Date.now() > deadline) throw new Error(`${name} still ${component.InferenceComponentStatus}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

/**
 * Endpoint `name`, made for components (no model on its variant, the role on
 * its config), with `<name>-chat` serving model `<name>-old` on `copies`
 * copies of GPU_COPY. Resolves with the component's name once it is InService.
 * @param {SageMakerClient} sagemaker
 * @param {{
 *   name: string,
 *   roleArn: string,
 *   image: string,
 *   instances: number,
 *   copies: number,
 *   instanceType?: ProductionVariantInstanceType,
 *   metricsEverySeconds?: number,
 *   managedScaling?: { min: number, max: number }
 * }} endpoint `metricsEverySeconds`: MetricsConfig's enhanced metrics at that frequency;
 * `managedScaling`: managed instance scaling between those counts.
 * @returns {Promise<string>}
 */
export async function seedComponentEndpoint(sagemaker, endpoint) {
  const { name, roleArn, instances, copies } = endpoint
  await sagemaker.send(
    new CreateModelCommand({
      ModelName: `${name}-old`,
      ExecutionRoleArn: roleArn,
      PrimaryContainer: { Image: endpoint.image }
    })
  )
  await sagemaker.send(
    new CreateEndpointConfigCommand({
      EndpointConfigName: `${name}-config`,
      ExecutionRoleArn: roleArn,
      ProductionVariants: [
        {
          VariantName: 'AllTraffic',
          InstanceType: endpoint.instanceType ?? 'ml.g5.12xlarge',
          InitialInstanceCount: instances,
          ...(endpoint.managedScaling
            ? {
                ManagedInstanceScaling: {
                  Status: 'ENABLED',
                  MinInstanceCount: endpoint.managedScaling.min,
                  MaxInstanceCount: endpoint.managedScaling.max
                }
              }
            : {})
        }
      ],
      ...(endpoint.metricsEverySeconds
        ? {
            MetricsConfig: {
              EnableEnhancedMetrics: true,
              MetricPublishFrequencyInSeconds: endpoint.metricsEverySeconds
            }
          }
        : {})
    })
  )
  await sagemaker.send(new CreateEndpointCommand({ EndpointName: name, EndpointConfigName: `${name}-config` }))
  for (;;) {
    const described = await sagemaker.send(new DescribeEndpointCommand({ EndpointName: name }))
    if (described.EndpointStatus === 'InService') break
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  const component = `${name}-chat`
  await sagemaker.send(
    new CreateInferenceComponentCommand({
      InferenceComponentName: component,
      EndpointName: name,
      VariantName: 'AllTraffic',
      Specification: { ModelName: `${name}-old`, ComputeResourceRequirements: GPU_COPY },
      RuntimeConfig: { CopyCount: copies }
    })
  )
  await componentSettled(sagemaker, component)
  return component
}
