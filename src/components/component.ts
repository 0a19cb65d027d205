/**
 * Inference components as SageMaker shows them: read, listed per endpoint,
 * and waited for. A component has no RollingBack status: after SageMaker
 * rolls an update back it is simply InService again, on the specification it
 * had (AWS's sample on rolling updates: the component "will revert to
 * InService status without any changes"), so what an update did is read
 * from the specification it ended on, never from the status alone.
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DescribeInferenceComponent.html
 */
import {
  DescribeInferenceComponentCommand,
  ListInferenceComponentsCommand,
  type DescribeInferenceComponentCommandOutput,
  type InferenceComponentSummary
} from '@aws-sdk/client-sagemaker'
import { awsCall, collectPages, isNotFound } from '../aws/errors.js'
import type { OperationContext } from '../context.js'
import { pollTransition } from '../wait.js'

export type Component = DescribeInferenceComponentCommandOutput

/** Statuses from which SageMaker reaches InService or Failed by itself. */
export const COMPONENT_TRANSITIONS = ['Creating', 'Updating', 'Deleting']

export async function findComponent(ctx: OperationContext, name: string): Promise<Component | undefined> {
  try {
    return await awsCall('DescribeInferenceComponent', `inference component "${name}"`, () =>
      ctx.clients.sagemaker.send(new DescribeInferenceComponentCommand({ InferenceComponentName: name }))
    )
  } catch (error) {
    if (isNotFound(error)) return undefined
    throw error
  }
}

export async function getComponent(ctx: OperationContext, name: string): Promise<Component> {
  const component = await findComponent(ctx, name)
  if (!component) {
    throw new Error(
      `Inference component "${name}" does not exist on endpoint "${ctx.endpointName}" in ${ctx.settings.region}.`
    )
  }
  if (component.EndpointName !== ctx.endpointName) {
    throw new Error(
      `Inference component "${name}" runs on endpoint "${component.EndpointName}", not "${ctx.endpointName}"; nothing was changed.`
    )
  }
  return component
}

/** Every component on the endpoint, as ListInferenceComponents summarises them (no specification). */
export async function componentsOn(
  ctx: OperationContext,
  endpointName = ctx.endpointName
): Promise<InferenceComponentSummary[]> {
  return collectPages(
    'ListInferenceComponents',
    `endpoint "${endpointName}"`,
    (page) =>
      ctx.clients.sagemaker.send(
        new ListInferenceComponentsCommand({ EndpointNameEquals: endpointName, MaxResults: 100, ...page })
      ),
    (page) => page.InferenceComponents
  )
}

/** Every component on the endpoint, described: its specification and copies. */
export async function describeComponentsOn(ctx: OperationContext): Promise<Component[]> {
  const summaries = await componentsOn(ctx)
  const described = await Promise.all(
    summaries.map((summary) => findComponent(ctx, summary.InferenceComponentName ?? ''))
  )
  return described.filter((component): component is Component => component !== undefined)
}

/**
 * The models the endpoint's components run; undefined (with a warning) while
 * one is changing, when what it will run is not known yet, so that nothing it
 * may need is deleted.
 */
export async function modelsComponentsRun(ctx: OperationContext): Promise<string[] | undefined> {
  const components = await describeComponentsOn(ctx)
  const moving = components.find((component) => component.InferenceComponentStatus !== 'InService')
  if (moving) {
    ctx.warn(
      `Inference component "${moving.InferenceComponentName}" is ${moving.InferenceComponentStatus}: the model and configs this run created were kept.`
    )
    return undefined
  }
  return components.flatMap((component) => component.Specification?.ModelName ?? [])
}

/** The model a component's specification runs, for messages and comparisons. */
export function modelOf(component: Component | undefined): string | undefined {
  return component?.Specification?.ModelName
}

/** Called at every poll of a component's transition; returns how soon it must be called again. */
export type WhileComponentWaits = (component: Component) => Promise<number>

/**
 * Polls a component until it leaves its transition (or is gone: undefined),
 * on the same schedule as an endpoint's, logging progress with its copies.
 */
export async function waitForComponent(
  ctx: OperationContext,
  name: string,
  purpose: string,
  { timeoutMs = ctx.settings.timeoutMs, whileWaiting }: { timeoutMs?: number; whileWaiting?: WhileComponentWaits } = {}
): Promise<Component | undefined> {
  return pollTransition(ctx, {
    read: () => findComponent(ctx, name),
    status: (component) => component?.InferenceComponentStatus ?? 'Deleted',
    transitional: COMPONENT_TRANSITIONS,
    describe: (component, status) => {
      const copies = component?.RuntimeConfig
      const counts = copies ? `, ${copies.CurrentCopyCount ?? 0} of ${copies.DesiredCopyCount ?? 0} copies` : ''
      return `Inference component "${name}" is ${status}${counts}`
    },
    purpose,
    timeoutMs,
    ...(whileWaiting ? { whileWaiting } : {}),
    stillAfterTimeout: (status) => `Inference component "${name}" was still ${status}`
  })
}

/**
 * The component named by inference-component-name on this endpoint, once a
 * transition of its own has ended (a dry run only says it would wait);
 * refused when it does not end InService.
 */
export async function settledComponent(ctx: OperationContext, name: string, purpose: string): Promise<Component> {
  const component = await getComponent(ctx, name)
  const status = component.InferenceComponentStatus ?? ''
  if (!COMPONENT_TRANSITIONS.includes(status)) return requireInService(component)
  if (ctx.dryRun) {
    ctx.note(`Inference component "${name}" is ${status}; a real run would wait for that to end before ${purpose}.`)
    return component
  }
  const settled = await waitForComponent(ctx, name, `its ${status} to end before ${purpose}`)
  if (!settled) throw new Error(`Inference component "${name}" was deleted while this run waited for it.`)
  return requireInService(settled)
}

function requireInService(component: Component): Component {
  if (component.InferenceComponentStatus === 'InService') return component
  const reason = component.FailureReason ? ` (FailureReason: ${component.FailureReason})` : ''
  throw new Error(
    `Inference component "${component.InferenceComponentName}" is ${component.InferenceComponentStatus ?? 'in an unknown state'}${reason}, not InService; nothing was changed.`
  )
}

/** The base an adapter component runs inside, or undefined for a component with copies of its own. */
export function baseOf(component: Component): string | undefined {
  return component.Specification?.BaseInferenceComponentName
}

/**
 * The adapter components of `base` on the endpoint: they run inside its
 * copies, and an operation on the base leaves them as they are.
 * https://docs.aws.amazon.com/sagemaker/latest/dg/realtime-endpoints-adapt.html
 */
export async function adaptersOf(ctx: OperationContext, base: string): Promise<string[]> {
  const components = await describeComponentsOn(ctx)
  return components
    .filter((component) => baseOf(component) === base)
    .map((component) => component.InferenceComponentName ?? '')
}

/** Names the adapters an operation left alone, in the log and the summary. */
export function noteAdapters(ctx: OperationContext, base: string, adapters: string[]): void {
  if (adapters.length === 0) return
  ctx.note(
    `Adapter components of "${base}", left as they are: ${adapters.map((name) => `"${name}"`).join(', ')}. They run inside its copies.`
  )
}

/** The component's status and copies: outputs, and a line of the summary. */
export function reportComponent(ctx: OperationContext, component: Component): void {
  const name = component.InferenceComponentName ?? ''
  const status = component.InferenceComponentStatus ?? 'Unknown'
  const copies = component.RuntimeConfig
  ctx.output('inference-component-status', status)
  if (copies?.DesiredCopyCount !== undefined) ctx.output('copy-count', copies.DesiredCopyCount)
  const base = baseOf(component)
  const runs = base ? `an adapter of "${base}"` : `model "${modelOf(component) ?? 'unknown'}"`
  const counts = copies ? `, ${copies.CurrentCopyCount ?? 0} of ${copies.DesiredCopyCount ?? 0} copies` : ''
  ctx.note(
    `Inference component "${name}" on variant "${component.VariantName ?? 'unknown'}" of endpoint "${component.EndpointName ?? ctx.endpointName}": ${status}${counts}, ${runs}.`
  )
}
