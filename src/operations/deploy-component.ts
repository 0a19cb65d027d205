/**
 * deploy with inference-component-name: the model runs as that inference
 * component. A missing endpoint is created ready for components, a missing
 * component is created, and a serving one is updated by SageMaker's rolling
 * update, judged by the action (components/). Everything SageMaker would
 * refuse or could not place half-way is refused before any change: an
 * endpoint whose variants run a model, a batch outside SageMaker's limits,
 * copies that do not fit the instances, a timeout too short for the batches.
 */
import type { ProductionVariant } from '@aws-sdk/client-sagemaker'
import type { OperationContext } from '../context.js'
import { getEndpointConfig, type Endpoint, type EndpointConfig } from '../endpoint.js'
import { metricsSourceOf } from '../invocation-metrics.js'
import { derivedName, uniqueSuffix } from '../naming.js'
import { formatDuration } from '../parse.js'
import { rollingBatchRange } from '../rolling-batch.js'
import { findModel, type CreatedResources } from '../resources.js'
import { concludeRollout } from '../rollout/result.js'
import { PROVISIONING_ESTIMATE_MS } from '../rollout/native-limits.js'
import type { Serving } from '../serving.js'
import type { ComponentSettings, DeploySettings } from '../settings.js'
import { waitUntilUpdatable } from '../wait.js'
import { computeOf, copiesOfOthers, refuseWhatCannotBePlaced } from '../components/placement.js'
import {
  baseOf,
  describeComponentsOn,
  findComponent,
  modelOf,
  settledComponent,
  type Component
} from '../components/component.js'
import { componentBaseline } from '../components/judge.js'
import { componentDeployMoves, rollingPlan, type ComponentState, type RollingPlan } from '../components/moves.js'
import { alreadyRunning, refuseContainerComponent, refuseScaledToZero } from '../components/refusals.js'
import { carryOutComponent } from '../components/rollout.js'
import type { ComponentRollout } from '../components/requests.js'
import { provideModel, track, type Release } from './deploy-paths.js'
import { blueprintFor, nameRelease, refuseFiringAlarms } from './deploy-blueprint.js'

export async function deployComponent(
  ctx: OperationContext,
  deploy: DeploySettings,
  settings: ComponentSettings
): Promise<void> {
  await refuseFiringAlarms(ctx, deploy.rollout.gates.alarmNames)
  const endpoint = await waitUntilUpdatable(ctx)
  const config = endpoint ? await getEndpointConfig(ctx, endpoint.EndpointConfigName ?? '') : undefined
  if (config) refuseEndpointWithModels(ctx, config)
  const serving = endpoint ? await servingComponent(ctx, settings.name) : undefined
  const suffix = uniqueSuffix(ctx.clock.now())
  const release = nameRelease(ctx, deploy, settings.name, suffix)
  if (serving) refuseContainerComponent(serving)
  const servingModel = serving ? await findModel(ctx, modelOf(serving) ?? '') : undefined
  const blueprint = await blueprintFor(
    ctx,
    deploy,
    release,
    servingModel && endpoint && config
      ? ({ endpoint, config, primary: config.ProductionVariants?.[0] ?? {}, model: servingModel } as Serving)
      : undefined
  )
  const from = serving ? stateOf(serving) : undefined
  const target: ComponentState = {
    specification: specificationFor(deploy, settings, release.modelName, serving),
    copies: settings.copyCount ?? serving?.RuntimeConfig?.DesiredCopyCount ?? 1
  }
  if (from && modelOf(serving) === release.modelName) {
    return concludeRollout(ctx, alreadyRunning(ctx, settings.name, release.modelName, from, target))
  }
  if (from) refuseScaledToZero(settings.name, from)
  const rolling = from ? rollingFor(deploy, target.copies) : undefined
  const siblings = endpoint ? await siblingsOf(ctx, settings.name) : []
  const newVariant = endpoint ? undefined : componentVariant(deploy, settings, blueprint.variant('AllTraffic', 1))
  refuseWhatCannotBeHeld(ctx, { settings, config, endpoint, newVariant, siblings, from, target, rolling })
  if (rolling) refuseShortTimeout(ctx, deploy, rolling)
  nameAdapters(ctx, settings.name, siblings)

  const rollout: ComponentRollout = {
    component: settings.name,
    variant: newVariant?.VariantName ?? config?.ProductionVariants?.[0]?.VariantName ?? 'AllTraffic',
    ...(from ? { from } : {}),
    verdictKey: derivedName(settings.name, suffix),
    source: metricsSourceOf(config ?? {}),
    userTags: deploy.tags,
    startedAt: ctx.clock.now(),
    earlierBaseline: from
      ? await componentBaseline(ctx, deploy.rollout, settings.name, metricsSourceOf(config ?? {}), ctx.clock.now())
      : []
  }
  const moves = componentDeployMoves({
    ...(newVariant
      ? {
          newEndpoint: newEndpointFor(release, newVariant, blueprint.model?.ExecutionRoleArn ?? deploy.executionRoleArn)
        }
      : {}),
    variant: rollout.variant,
    ...(from ? { from } : {}),
    target,
    ...(rolling ? { rolling } : {})
  })
  const created: CreatedResources = { models: [], configs: newVariant ? [release.releaseConfig] : [] }
  track(ctx, created)
  await provideModel(ctx, deploy, blueprint, created)
  const result = await carryOutComponent(ctx, deploy.rollout, rollout, moves)
  if (result) await concludeRollout(ctx, result, created)
}

/** The endpoint a first component needs: its config names the role components run as. */
function newEndpointFor(release: Release, variant: ProductionVariant, executionRoleArn: string | undefined) {
  if (!executionRoleArn) {
    throw new Error(
      'Input "execution-role-arn" is required for a new endpoint for inference components: its config names the role they run as (ExecutionRoleArn). Nothing was changed.'
    )
  }
  return { config: release.releaseConfig, variant, executionRoleArn }
}

/** Components need an endpoint made for them: variants that name no model, the config's ExecutionRoleArn. */
function refuseEndpointWithModels(ctx: OperationContext, config: EndpointConfig): void {
  const withModels = (config.ProductionVariants ?? []).filter((variant) => variant.ModelName)
  if (withModels.length === 0) return
  throw new Error(
    `Input "inference-component-name": endpoint "${ctx.endpointName}" serves models on its variants (${withModels.map((variant) => `${variant.VariantName} runs "${variant.ModelName}"`).join(', ')}), and SageMaker places inference components only on an endpoint made for them, whose variants name no model. Nothing was changed. Deploy the component to a new endpoint (the action creates it ready for components), or leave inference-component-name out to deploy a variant.`
  )
}

/** The component when it exists, once settled (settledComponent refuses one that cannot be updated); not an adapter. */
async function servingComponent(ctx: OperationContext, name: string): Promise<Component | undefined> {
  if (!(await findComponent(ctx, name))) return undefined
  const component = await settledComponent(ctx, name, 'the deploy updates it')
  const base = baseOf(component)
  if (base) {
    throw new Error(
      `Inference component "${name}" is an adapter of "${base}": it runs inside the base component's copies and has no copies of its own to roll. Nothing was changed; update the base component, or the adapter's artifacts with UpdateInferenceComponent.`
    )
  }
  return component
}

function stateOf(component: Component): ComponentState {
  const spec = component.Specification
  return {
    specification: {
      ...(spec?.ModelName ? { ModelName: spec.ModelName } : {}),
      ...(spec?.ComputeResourceRequirements ? { ComputeResourceRequirements: spec.ComputeResourceRequirements } : {}),
      ...(spec?.StartupParameters ? { StartupParameters: spec.StartupParameters } : {}),
      ...placementAndCaching(component)
    },
    copies: component.RuntimeConfig?.DesiredCopyCount ?? 1
  }
}

/**
 * How the serving component caches its model data and places its copies (API_InferenceComponentSpecification):
 * carried into the new specification and onto the way back, since AWS does not say whether an update keeps a
 * setting its specification leaves out, and the safer reading is that it does not.
 */
function placementAndCaching(component: Component | undefined): Partial<ComponentState['specification']> {
  const spec = component?.Specification
  const caching = spec?.DataCacheConfig?.EnableCaching
  return {
    ...(caching !== undefined ? { DataCacheConfig: { EnableCaching: caching } } : {}),
    ...(spec?.SchedulingConfig ? { SchedulingConfig: spec.SchedulingConfig } : {})
  }
}

/**
 * The new specification: the new model, with the compute and start-up settings the inputs set or the serving
 * component has, and its caching and placement.
 */
function specificationFor(
  deploy: DeploySettings,
  settings: ComponentSettings,
  modelName: string,
  serving: Component | undefined
): ComponentState['specification'] {
  const carried = serving?.Specification
  const compute = settings.compute
    ? {
        MinMemoryRequiredInMb: settings.compute.memoryMb,
        ...(settings.compute.acceleratorDevices !== undefined
          ? { NumberOfAcceleratorDevicesRequired: settings.compute.acceleratorDevices }
          : {}),
        ...(settings.compute.cpuCores !== undefined ? { NumberOfCpuCoresRequired: settings.compute.cpuCores } : {})
      }
    : carried?.ComputeResourceRequirements
  if (!compute) {
    throw new Error(
      `Input "memory-per-copy" is required for a new inference component: SageMaker reserves memory (and accelerators-per-copy, cpu-cores-per-copy) for every copy. Nothing was changed.`
    )
  }
  const startup = {
    ...carried?.StartupParameters,
    ...(deploy.modelDataDownloadTimeoutSeconds !== undefined
      ? { ModelDataDownloadTimeoutInSeconds: deploy.modelDataDownloadTimeoutSeconds }
      : {}),
    ...(deploy.containerStartupTimeoutSeconds !== undefined
      ? { ContainerStartupHealthCheckTimeoutInSeconds: deploy.containerStartupTimeoutSeconds }
      : {})
  }
  return {
    ModelName: modelName,
    ComputeResourceRequirements: compute,
    ...(Object.keys(startup).length > 0 ? { StartupParameters: startup } : {}),
    ...placementAndCaching(serving)
  }
}

function rollingFor(deploy: DeploySettings, copies: number): RollingPlan {
  const rolling = rollingPlan(copies, deploy.rollout.batchSize, deploy.rollout.rollbackBatchSize)
  if (rolling) return rolling
  const batch = deploy.rollout.batchSize
  if (copies < 2) {
    throw new Error(
      `Input "copy-count": one copy cannot be updated by SageMaker's rolling update, whose batches are 5% to 50% of the copies. Run 2 copies or more (copy-count: 2); nothing was changed.`
    )
  }
  const { least, most } = rollingBatchRange(copies)
  throw new Error(
    `Input "batch-size": ${batch?.value}${batch?.type === 'CAPACITY_PERCENT' ? '%' : ' copies'} of ${copies} copies must be 5% to 50% of the copies, and at least one whole copy (AWS does not say how it rounds a share): from ${least} to ${most} copies here. Nothing was changed.`
  )
}

/** A new endpoint's variant for components: the instances, no model, managed scaling and routing as asked. */
function componentVariant(
  deploy: DeploySettings,
  settings: ComponentSettings,
  modelled: ProductionVariant
): ProductionVariant {
  return {
    VariantName: deploy.variantName ?? 'AllTraffic',
    InstanceType: modelled.InstanceType,
    InitialInstanceCount: modelled.InitialInstanceCount ?? 1,
    ...(settings.managedScaling
      ? {
          ManagedInstanceScaling: {
            Status: 'ENABLED',
            MinInstanceCount: settings.managedScaling.min,
            MaxInstanceCount: settings.managedScaling.max
          }
        }
      : {}),
    ...(settings.routing ? { RoutingConfig: { RoutingStrategy: settings.routing } } : {})
  }
}

/** Every other component on the endpoint: their copies take the same instances. */
async function siblingsOf(ctx: OperationContext, name: string): Promise<Component[]> {
  return (await describeComponentsOn(ctx)).filter((component) => component.InferenceComponentName !== name)
}

/**
 * The worst moments of the rollout must fit: every other component's copies,
 * every old copy and one batch of new ones (a new component: all its copies),
 * then for its rollback every new copy, the last batch's old ones and a batch
 * of old ones coming back, on the instances the endpoint runs, or managed
 * scaling's maximum.
 */
function refuseWhatCannotBeHeld(
  ctx: OperationContext,
  on: {
    settings: ComponentSettings
    config: EndpointConfig | undefined
    endpoint: Endpoint | undefined
    newVariant: ProductionVariant | undefined
    siblings: Component[]
    from: ComponentState | undefined
    target: ComponentState
    rolling: RollingPlan | undefined
  }
): void {
  const name = `"${on.settings.name}"`
  const copies = (label: string, count: number, state: ComponentState) => ({
    label,
    count,
    compute: computeOf(state.specification.ComputeResourceRequirements)
  })
  const moments = [{ what: 'the new component', own: [copies(name, on.target.copies, on.target)] }]
  if (on.from && on.rolling) {
    moments[0] = {
      what: 'the rolling update',
      own: [
        copies(`${name} (old)`, on.from.copies, on.from),
        copies(`${name} (new)`, on.rolling.batchCopies, on.target)
      ]
    }
    // A rollback while the last batch bakes: SageMaker removes a batch's old copies once it has baked, and brings
    // old ones back before it removes new ones (RollbackMaximumBatchSize: API_InferenceComponentRollingUpdatePolicy).
    const { batchCopies, rollbackCopies } = on.rolling
    moments.push({
      what: "the rolling update's rollback",
      own: [
        copies(`${name} (new)`, on.target.copies, on.target),
        copies(`${name} (old)`, batchCopies, on.from),
        copies(`${name} (old, coming back)`, Math.min(rollbackCopies, on.target.copies - batchCopies), on.from)
      ]
    })
  }
  const room = { variant: on.newVariant ?? on.config?.ProductionVariants?.[0], endpoint: on.endpoint }
  refuseWhatCannotBePlaced(
    ctx,
    room,
    moments.map(({ what, own }) => ({
      copies: [...copiesOfOthers(on.siblings), ...own],
      refusal: `Endpoint "${ctx.endpointName}" cannot hold ${what}`
    })),
    'Give it room (more instances, or a higher max-instance-count with managed instance scaling), a smaller batch-size or rollback-batch-size, or smaller copies.'
  )
}

/** SageMaker's MaximumExecutionTimeout must hold every batch: placed (a provisioning at worst) and baked. */
function refuseShortTimeout(ctx: OperationContext, deploy: DeploySettings, rolling: RollingPlan): void {
  const needed = rolling.batches * (PROVISIONING_ESTIMATE_MS + deploy.rollout.bakeTimeMs)
  if (ctx.settings.timeoutMs >= needed) return
  const least = Math.ceil(needed / 60_000) * 60_000
  throw new Error(
    `Input "timeout": ${formatDuration(ctx.settings.timeoutMs)} is shorter than SageMaker's rolling update would take, ${rolling.batches} batches each placed (up to ${formatDuration(PROVISIONING_ESTIMATE_MS)}) and baked ${formatDuration(deploy.rollout.bakeTimeMs)}; SageMaker would time out and roll back half-way. Set timeout to at least ${formatDuration(least)}, or a larger batch-size. Nothing was changed.`
  )
}

/** Adapters run inside their base's copies: the update reaches them too, and the action leaves them as they are. */
function nameAdapters(ctx: OperationContext, base: string, siblings: Component[]): void {
  const adapters = siblings
    .filter((sibling) => sibling.Specification?.BaseInferenceComponentName === base)
    .map((sibling) => `"${sibling.InferenceComponentName}"`)
  if (adapters.length === 0) return
  ctx.note(
    `Adapter components of "${base}", left as they are: ${adapters.join(', ')}. They run inside its copies, so each new copy loads them; check them once the rollout ends.`
  )
}
