/**
 * A small stateful SageMaker, CloudWatch and Application Auto Scaling behind
 * aws-sdk-client-mock, for rollout scenarios: each test states the starting
 * endpoint and the faults, runs the action, then checks the calls made and
 * where the endpoint ended. Transitions take a number of DescribeEndpoint
 * polls, as a real update takes a while.
 *
 * Where SageMaker refuses something (an update while one runs, removing a
 * variant that is registered with Application Auto Scaling, weights for a
 * variant the endpoint lacks), the fake refuses it too, so a scenario that
 * passes here does not lean on a leniency the real service lacks.
 */
import {
  AddTagsCommand,
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  DeleteEndpointCommand,
  DeleteEndpointConfigCommand,
  DeleteModelCommand,
  DescribeEndpointCommand,
  DescribeEndpointConfigCommand,
  DescribeInferenceExperimentCommand,
  DescribeModelCommand,
  DescribeModelPackageCommand,
  ListEndpointsCommand,
  ListInferenceExperimentsCommand,
  ListTagsCommand,
  UpdateEndpointCommand,
  UpdateEndpointWeightsAndCapacitiesCommand,
  type DeploymentConfig,
  type ProductionVariant
} from '@aws-sdk/client-sagemaker'
import { SCALABLE_DIMENSION, variantResourceId } from './autoscaling.js'
import { InvokeEndpointCommand } from '@aws-sdk/client-sagemaker-runtime'
import {
  DeleteAlarmsCommand,
  DescribeAlarmsCommand,
  GetMetricDataCommand,
  PutMetricAlarmCommand,
  PutMetricDataCommand,
  type MetricDataQuery,
  type PutMetricDataCommandInput
} from '@aws-sdk/client-cloudwatch'
import {
  DeleteScalingPolicyCommand,
  DeleteScheduledActionCommand,
  DeregisterScalableTargetCommand,
  DescribeScalableTargetsCommand,
  DescribeScalingPoliciesCommand,
  DescribeScheduledActionsCommand,
  PutScalingPolicyCommand,
  PutScheduledActionCommand,
  RegisterScalableTargetCommand,
  type ScalingPolicy,
  type ScheduledAction,
  type SuspendedState
} from '@aws-sdk/client-application-auto-scaling'
import { FakeContexts, LOCK_CALLS } from './contexts.js'
import { FakeCloudWatch, type PublishedMetrics, type ServingVariant } from './fake-cloudwatch.js'
import { awsError } from './sagemaker.js'

type Mocks = typeof import('./action.js').aws

export interface LiveVariant {
  name: string
  weight: number
  count: number
}

interface EndpointState {
  status: string
  config: string
  variants: LiveVariant[]
  failureReason?: string
  /**
   * The change under way: how many more DescribeEndpoint calls show it in
   * progress, or, with a clock, the time it ends.
   */
  pending?: { pollsLeft: number; endsAt?: number; apply: () => void }
  /** Every status DescribeEndpoint has shown, a repeat of the last one left out. */
  history: string[]
  /** The config an UpdateEndpoint under way moves to (DescribeEndpoint's PendingDeploymentSummary). */
  pendingConfig?: string
  /** What a weights and capacities change under way asks for: DescribeEndpoint's Desired* fields show it at once. */
  desired?: Map<string, { weight?: number; count?: number }>
  tags?: Record<string, string>
  /**
   * A deployment SageMaker carries out (UpdateEndpoint with a DeploymentConfig): from its start the new
   * fleet takes `share` of the traffic beside the old one, and each fleet publishes under its config's name.
   */
  deployment?: { newConfig: string; share: number; startedAt: number }
}

interface ConfigState {
  variants: ProductionVariant[]
  tags: Record<string, string>
  arn: string
  /** Every other field CreateEndpointConfig was given (data capture, KMS key, async config...), returned whole. */
  settings?: Record<string, unknown>
  shadowVariants?: ProductionVariant[]
}

export interface UpdateFailure {
  /** The config whose update fails: its name, a test on the name, or any config when absent. */
  config?: string | ((name: string) => boolean)
  reason: string
}

/** One AWS call as the mocks saw it. */
export interface AwsCall {
  /** `service.Command`, as awsCallNames() names it. */
  name: string
  input: Record<string, unknown>
}

export { SCALABLE_DIMENSION, variantResourceId }

/** What the caller gets when an answer is lost: an error, or the SDK's retry meeting what the first request did. */
export type LostAnswer = 'error' | 'retry'

/** The error a lost answer reaches the action as, once the SDK has given up retrying: a server fault. */
export function lostAnswerError(api: string): Error {
  const error = new Error(`We encountered an internal error while answering ${api}. Please try again.`)
  error.name = 'InternalFailure'
  return Object.assign(error, { $fault: 'server', $metadata: { httpStatusCode: 500 } })
}

/** Every call made through the mocks, in the order made, with its input. */
export function awsCalls(aws: Mocks): AwsCall[] {
  const calls = Object.entries(aws).flatMap(([service, client]) =>
    client.calls().map((call) => ({
      name: `${service}.${call.args[0].constructor.name.replace(/Command$/, '')}`,
      input: call.args[0].input as Record<string, unknown>,
      order: (call as unknown as { callId: number }).callId
    }))
  )
  return calls.sort((a, b) => a.order - b.order).map(({ name, input }) => ({ name, input }))
}

/**
 * The calls that change something: what a scenario's outcome hangs on. Reads
 * are left out, and so are probes (an invocation changes no resource) and the
 * endpoint lock (it changes nothing that serves).
 */
export function changeCalls(aws: Mocks): AwsCall[] {
  return awsCalls(aws).filter(
    (call) =>
      !/\.(Describe|List|Get)[A-Z]/.test(call.name) &&
      call.name !== 'runtime.InvokeEndpoint' &&
      !LOCK_CALLS.test(call.name)
  )
}

/** The weights each UpdateEndpointWeightsAndCapacities asked for, in order, as variant to DesiredWeight. */
export function weightShifts(calls: AwsCall[]): Array<Record<string, number | undefined>> {
  return calls
    .filter((call) => call.name === 'sagemaker.UpdateEndpointWeightsAndCapacities')
    .map((call) =>
      Object.fromEntries(
        (call.input.DesiredWeightsAndCapacities as Array<{ VariantName: string; DesiredWeight?: number }>).map(
          (desired) => [desired.VariantName, desired.DesiredWeight]
        )
      )
    )
}

/**
 * What an endpoint publishes by its config: an asynchronous one its own set
 * of invocation metrics; with enhanced metrics, at MetricsConfig's frequency
 * (API_MetricsConfig), else every minute.
 */
function publishedMetrics(settings: Record<string, unknown> | undefined): PublishedMetrics {
  const metrics = settings?.MetricsConfig as
    { EnableEnhancedMetrics?: boolean; MetricPublishFrequencyInSeconds?: number } | undefined
  return {
    asynchronous: Boolean(settings?.AsyncInferenceConfig),
    periodSeconds: metrics?.EnableEnhancedMetrics ? (metrics.MetricPublishFrequencyInSeconds ?? 60) : 60
  }
}

export class FakeAws {
  readonly endpoints = new Map<string, EndpointState>()
  readonly configs = new Map<string, ConfigState>()
  readonly models = new Set<string>()
  /** What CreateModel was given, returned whole by DescribeModel (a seeded model gets a plain container). */
  readonly modelSpecs = new Map<string, Record<string, unknown>>()
  /** Model Registry package versions by ARN, with their approval. */
  readonly modelPackages = new Map<string, { approval: string; status?: string }>()
  readonly alarms = new Map<string, string>()
  /** What PutMetricAlarm was given, by alarm name (the fake never evaluates them: set `alarms` to fire one). */
  readonly alarmSpecs = new Map<string, Record<string, unknown>>()
  readonly scalableTargets = new Map<string, { min: number; max: number; suspended?: SuspendedState }>()
  readonly scalingPolicies = new Map<string, ScalingPolicy[]>()
  readonly scheduledActions = new Map<string, ScheduledAction[]>()
  /** DescribeEndpoint polls a transition lasts. */
  transitionPolls = 2
  /**
   * How long transitions in a status last, in the clock's milliseconds:
   * where set (with `clock`), they end by time instead of by polls, as a long
   * blue/green deployment does.
   */
  transitionMs: Partial<Record<string, number>> = {}
  clock?: { now(): number; advance?(ms: number): void }
  /** The next CreateEndpoint ends Failed with this FailureReason, as one whose model fails its health check does. */
  failCreate?: string | undefined
  /** The next UpdateEndpoint (to the config named, or any) fails and SageMaker restores the old config. */
  failUpdateTo?: UpdateFailure
  /**
   * The weights and capacities changes SageMaker cannot make: Updating, then RollingBack, then InService as before
   * (API_DescribeEndpoint, EndpointStatus).
   */
  rollsBackWeightChange?: (
    desired: Array<{ VariantName: string; DesiredWeight?: number; DesiredInstanceCount?: number }>
  ) => boolean
  /**
   * A blue/green deployment (UpdateEndpoint with a DeploymentConfig) whose
   * alarm fired cannot be rolled back: the endpoint ends UpdateRollbackFailed.
   */
  blueGreenRollbackFails = false
  /**
   * CloudWatch fed by simulated client traffic on `clock`: set
   * `cloudwatch.requestRates` and `cloudwatch.behaviours`; without a clock
   * there is no traffic and no data.
   */
  readonly cloudwatch = new FakeCloudWatch(() => this.clock?.now())
  /** Probes to these variants fail with a ModelError. */
  readonly failingProbeVariants = new Set<string>()
  /** What a variant's model answers a probe, by variant: a fast 200 that may be wrong. {"score":0.1} otherwise. */
  readonly probeAnswers = new Map<string, string>()
  /** How long the next probes take, one entry each, on `clock` (the rest answer at once). */
  readonly probeDelaysMs: number[] = []
  readonly contexts = new FakeContexts()
  /** SageMaker's own shadow tests (inference experiments), by name: the endpoint each runs on, and its status. */
  readonly shadowTests = new Map<
    string,
    { endpoint: string; status: string; schedule?: { StartTime: Date; EndTime: Date } }
  >()
  /** Answers to lose, by API: the request is carried out, then the caller does not get its answer. */
  private readonly lostAnswers = new Map<string, { times: number; then: LostAnswer }>()
  /** Requests carried out, by API, the ones whose answer was lost included. */
  readonly accepted = new Map<string, number>()

  /**
   * The next `times` requests of `api` are carried out and their answers
   * lost: the caller gets an InternalFailure ('error'), or what the SDK's
   * retry of the same request meets ('retry': "already exists", "in progress").
   */
  loseAnswers(api: string, times = 1, then: LostAnswer = 'retry'): void {
    this.lostAnswers.set(api, { times, then })
  }

  private lossy<I, O>(api: string, handler: (input: I) => O): (input: I) => O {
    return (input) => {
      const result = handler(input)
      this.accepted.set(api, (this.accepted.get(api) ?? 0) + 1)
      const loss = this.lostAnswers.get(api)
      if (!loss || loss.times <= 0) return result
      loss.times--
      if (loss.then === 'error') throw lostAnswerError(api)
      return handler(input)
    }
  }

  seedEndpoint(
    name: string,
    config: string,
    variants: Array<
      LiveVariant & {
        model?: string
        instanceType?: string
        initialCount?: number
        fields?: Partial<ProductionVariant>
      }
    >,
    tags: Record<string, string> = {},
    production: {
      /** Endpoint-level settings of the config (DataCaptureConfig, KmsKeyId, AsyncInferenceConfig...). */
      configSettings?: Record<string, unknown>
      /** What DescribeModel returns for the serving models besides their name. */
      modelSpec?: Record<string, unknown>
      shadowVariants?: ProductionVariant[]
    } = {}
  ): void {
    this.configs.set(config, {
      arn: this.configArn(config),
      tags,
      variants: variants.map((variant) => ({
        VariantName: variant.name,
        ModelName: variant.model ?? `${config}-model`,
        InstanceType: (variant.instanceType ?? 'ml.m5.large') as 'ml.m5.large',
        InitialInstanceCount: variant.initialCount ?? 1,
        InitialVariantWeight: variant.weight,
        ...variant.fields
      })),
      ...(production.configSettings ? { settings: production.configSettings } : {}),
      ...(production.shadowVariants ? { shadowVariants: production.shadowVariants } : {})
    })
    for (const variant of variants) {
      const model = variant.model ?? `${config}-model`
      this.models.add(model)
      if (production.modelSpec) this.modelSpecs.set(model, production.modelSpec)
    }
    this.endpoints.set(name, {
      status: 'InService',
      config,
      variants: variants.map(({ name: n, weight, count }) => ({ name: n, weight, count })),
      history: []
    })
    this.recordServing(name)
  }

  /** Tells the fake CloudWatch what the endpoint serves now, model by model. */
  recordServing(endpointName: string): void {
    const state = this.endpoints.get(endpointName)
    if (!state || !['InService', 'Updating', 'RollingBack', 'SystemUpdating'].includes(state.status)) return
    const definitions = this.configs.get(state.config)?.variants ?? []
    const source = publishedMetrics(this.configs.get(state.deployment?.newConfig ?? state.config)?.settings)
    if (state.deployment && state.status === 'Updating') {
      this.cloudwatch.serve(endpointName, this.fleetsServing(state, state.deployment), source)
      return
    }
    const serving: ServingVariant[] = state.variants.map((variant) => {
      const definition = definitions.find((candidate) => candidate.VariantName === variant.name)
      return {
        name: variant.name,
        model: definition?.ModelName ?? '',
        weight: variant.weight,
        count: variant.count,
        instanceType: definition?.InstanceType ?? 'ml.m5.large'
      }
    })
    this.cloudwatch.serve(endpointName, [...serving, ...this.shadowsServing(state.config)], source)
  }

  /**
   * A config's shadow variant, copied its share of the one production variant's requests: its weight against
   * the production variant's (the emulator's emu_traffic._copy_to_shadow says why).
   */
  private shadowsServing(configName: string): ServingVariant[] {
    const config = this.configs.get(configName)
    const shadows = (config?.settings?.ShadowProductionVariants ?? []) as ProductionVariant[]
    const production = config?.variants[0]?.InitialVariantWeight ?? 0
    return shadows.map((shadow) => ({
      name: shadow.VariantName ?? '',
      model: shadow.ModelName ?? '',
      weight: 0,
      count: shadow.InitialInstanceCount ?? 1,
      instanceType: shadow.InstanceType ?? 'ml.m5.large',
      sampling: production > 0 ? Math.min(1, (shadow.InitialVariantWeight ?? 0) / production) : 0
    }))
  }

  /** Both fleets of a deployment, each under the name FakeCloudWatch keys a fleet by (fleetKey). */
  private fleetsServing(state: EndpointState, deployment: NonNullable<EndpointState['deployment']>): ServingVariant[] {
    const fleet = (config: string, share: number): ServingVariant[] =>
      (this.configs.get(config)?.variants ?? []).map((definition) => ({
        name: fleetKey(definition.VariantName ?? '', config),
        model: definition.ModelName ?? '',
        weight: share,
        count: definition.InitialInstanceCount ?? 1,
        instanceType: definition.InstanceType ?? 'ml.m5.large'
      }))
    return [...fleet(state.config, 1 - deployment.share), ...fleet(deployment.newConfig, deployment.share)]
  }

  /** Registers a variant with Application Auto Scaling, as configure-autoscaling would have. */
  seedScaling(
    endpointName: string,
    variantName: string,
    limits: { min: number; max: number },
    policies: Array<Omit<ScalingPolicy, 'ServiceNamespace' | 'ResourceId' | 'ScalableDimension' | 'CreationTime'>> = []
  ): void {
    const resourceId = variantResourceId(endpointName, variantName)
    this.scalableTargets.set(resourceId, limits)
    this.scalingPolicies.set(
      resourceId,
      policies.map((policy) => ({
        ...policy,
        ServiceNamespace: 'sagemaker',
        ResourceId: resourceId,
        ScalableDimension: SCALABLE_DIMENSION,
        CreationTime: new Date(0)
      }))
    )
  }

  endpoint(name: string): EndpointState {
    const state = this.endpoints.get(name)
    if (!state) throw new Error(`no endpoint ${name} in the fake`)
    return state
  }

  /** The live weights as percentages. */
  weights(name: string): Record<string, number> {
    const variants = this.endpoint(name).variants
    const total = variants.reduce((sum, variant) => sum + variant.weight, 0)
    return Object.fromEntries(
      variants.map((variant) => [variant.name, total ? Math.round((variant.weight / total) * 10000) / 100 : 0])
    )
  }

  private configArn(name: string): string {
    return `arn:aws:sagemaker:us-east-1:123456789012:endpoint-config/${name}`
  }

  private startTransition(state: EndpointState, status: string, apply: () => void): void {
    state.status = status
    const lasts = this.transitionMs[status]
    state.pending = {
      pollsLeft: this.transitionPolls,
      ...(lasts !== undefined && this.clock ? { endsAt: this.clock.now() + lasts } : {}),
      apply
    }
  }

  private transitionEnded(pending: NonNullable<EndpointState['pending']>): boolean {
    if (pending.endsAt !== undefined && this.clock) return this.clock.now() >= pending.endsAt
    return pending.pollsLeft-- <= 0
  }

  /**
   * SageMaker refuses an update that removes a variant registered with
   * Application Auto Scaling or changes its instance type.
   */
  private checkScalingAllows(endpointName: string, state: EndpointState, next: ConfigState): void {
    const current = this.configs.get(state.config)
    const blocked = state.variants
      .map((variant) => variant.name)
      .filter((variant) => this.scalableTargets.has(variantResourceId(endpointName, variant)))
      .filter((variant) => {
        const kept = next.variants.find((candidate) => candidate.VariantName === variant)
        const before = current?.variants.find((candidate) => candidate.VariantName === variant)
        return !kept || (before !== undefined && kept.InstanceType !== before.InstanceType)
      })
    if (blocked.length > 0) {
      throw awsError(
        'ValidationException',
        `The variant(s) "[${blocked.join(', ')}]" must be deregistered as scalable targets with AWS Application Auto Scaling before they can be removed or have their instance type updated.`
      )
    }
  }

  install(aws: Mocks): void {
    const sm = aws.sagemaker
    sm.on(DescribeEndpointCommand).callsFake((input: { EndpointName: string }) => {
      const state = this.endpoints.get(input.EndpointName)
      if (!state) throw awsError('ValidationException', `Could not find endpoint "${input.EndpointName}".`)
      if (state.pending) {
        if (this.transitionEnded(state.pending)) {
          const { apply } = state.pending
          delete state.pending
          apply()
        }
      }
      this.recordServing(input.EndpointName)
      if (state.history.at(-1) !== state.status) state.history.push(state.status)
      return {
        EndpointName: input.EndpointName,
        EndpointArn: `arn:aws:sagemaker:us-east-1:123456789012:endpoint/${input.EndpointName}`,
        EndpointConfigName: state.config,
        EndpointStatus: state.status,
        ...(state.failureReason ? { FailureReason: state.failureReason } : {}),
        ...(state.pendingConfig
          ? { PendingDeploymentSummary: pendingSummary(state.pendingConfig, state.deployment, this.configs) }
          : {}),
        ProductionVariants: state.variants.map((variant) => ({
          VariantName: variant.name,
          CurrentWeight: variant.weight,
          DesiredWeight: state.desired?.get(variant.name)?.weight ?? variant.weight,
          CurrentInstanceCount: variant.count,
          DesiredInstanceCount: state.desired?.get(variant.name)?.count ?? variant.count
        }))
      }
    })
    sm.on(DescribeEndpointConfigCommand).callsFake((input: { EndpointConfigName: string }) => {
      const config = this.configs.get(input.EndpointConfigName)
      if (!config) {
        throw awsError('ValidationException', `Could not find endpoint configuration "${input.EndpointConfigName}".`)
      }
      return {
        ...config.settings,
        EndpointConfigName: input.EndpointConfigName,
        EndpointConfigArn: config.arn,
        ProductionVariants: config.variants,
        ...(config.shadowVariants ? { ShadowProductionVariants: config.shadowVariants } : {})
      }
    })
    sm.on(ListTagsCommand).callsFake((input: { ResourceArn: string }) => {
      const config = [...this.configs.values()].find((candidate) => candidate.arn === input.ResourceArn)
      const model = /^arn:model\/(.+)$/.exec(input.ResourceArn)?.[1]
      const endpoint = /:endpoint\/(.+)$/.exec(input.ResourceArn)?.[1]
      const tags = config
        ? Object.entries(config.tags).map(([Key, Value]) => ({ Key, Value }))
        : model
          ? ((this.modelSpecs.get(model)?.Tags as Array<{ Key: string; Value: string }> | undefined) ?? [])
          : Object.entries(this.endpoints.get(endpoint ?? '')?.tags ?? {}).map(([Key, Value]) => ({ Key, Value }))
      return { Tags: tags }
    })
    sm.on(DescribeModelCommand).callsFake((input: { ModelName: string }) => {
      if (!this.models.has(input.ModelName)) {
        throw awsError('ValidationException', `Could not find model "${input.ModelName}".`)
      }
      const { Tags: _tags, ...spec } = this.modelSpecs.get(input.ModelName) ?? {
        PrimaryContainer: { Image: 'image' },
        ExecutionRoleArn: 'role'
      }
      return { ModelName: input.ModelName, ModelArn: `arn:model/${input.ModelName}`, ...spec }
    })
    sm.on(CreateModelCommand).callsFake(
      this.lossy('CreateModel', (input: { ModelName: string }) => {
        if (this.models.has(input.ModelName)) {
          throw awsError('ValidationException', `Cannot create already existing model "${input.ModelName}".`)
        }
        this.models.add(input.ModelName)
        this.modelSpecs.set(input.ModelName, { ...input })
        return { ModelArn: `arn:model/${input.ModelName}` }
      })
    )
    sm.on(DescribeModelPackageCommand).callsFake((input: { ModelPackageName: string }) => {
      const found = this.modelPackages.get(input.ModelPackageName)
      if (!found) throw awsError('ValidationException', `Model package ${input.ModelPackageName} does not exist.`)
      return {
        ModelPackageArn: input.ModelPackageName,
        ModelApprovalStatus: found.approval,
        ModelPackageStatus: found.status ?? 'Completed'
      }
    })
    sm.on(DeleteModelCommand).callsFake(
      this.lossy('DeleteModel', (input: { ModelName: string }) => {
        if (!this.models.delete(input.ModelName)) {
          throw awsError('ValidationException', `Could not find model "${input.ModelName}".`)
        }
        return {}
      })
    )
    sm.on(CreateEndpointConfigCommand).callsFake(
      this.lossy(
        'CreateEndpointConfig',
        ({
          EndpointConfigName,
          ProductionVariants,
          Tags,
          ...settings
        }: {
          EndpointConfigName: string
          ProductionVariants: ProductionVariant[]
          Tags?: Array<{ Key: string; Value: string }>
        }) => {
          const input = { EndpointConfigName, ProductionVariants, Tags }
          if (this.configs.has(input.EndpointConfigName)) {
            throw awsError(
              'ValidationException',
              `Cannot create already existing endpoint configuration "${input.EndpointConfigName}".`
            )
          }
          this.configs.set(input.EndpointConfigName, {
            arn: this.configArn(input.EndpointConfigName),
            variants: input.ProductionVariants,
            tags: Object.fromEntries((input.Tags ?? []).map((tag) => [tag.Key, tag.Value])),
            settings
          })
          return { EndpointConfigArn: this.configArn(input.EndpointConfigName) }
        }
      )
    )
    sm.on(DeleteEndpointConfigCommand).callsFake(
      this.lossy('DeleteEndpointConfig', (input: { EndpointConfigName: string }) => {
        if (!this.configs.delete(input.EndpointConfigName)) {
          throw awsError('ValidationException', `Could not find endpoint configuration "${input.EndpointConfigName}".`)
        }
        return {}
      })
    )
    sm.on(CreateEndpointCommand).callsFake(
      this.lossy(
        'CreateEndpoint',
        (input: { EndpointName: string; EndpointConfigName: string; Tags?: Array<{ Key: string; Value: string }> }) => {
          if (this.endpoints.has(input.EndpointName)) {
            throw awsError('ValidationException', `Cannot create already existing endpoint "${input.EndpointName}".`)
          }
          const config = this.configs.get(input.EndpointConfigName)
          if (!config) throw awsError('ValidationException', 'Could not find endpoint configuration.')
          const state: EndpointState = {
            status: 'Creating',
            config: input.EndpointConfigName,
            variants: [],
            history: [],
            tags: Object.fromEntries((input.Tags ?? []).map((tag) => [tag.Key, tag.Value]))
          }
          this.endpoints.set(input.EndpointName, state)
          const failure = this.failCreate
          this.failCreate = undefined
          this.startTransition(state, 'Creating', () => {
            if (failure) {
              state.status = 'Failed'
              state.failureReason = failure
              return
            }
            state.status = 'InService'
            state.variants = liveVariants(config.variants)
          })
          return { EndpointArn: `arn:endpoint/${input.EndpointName}` }
        }
      )
    )
    sm.on(ListEndpointsCommand).callsFake(() => ({
      Endpoints: [...this.endpoints.entries()].map(([name, state]) => ({
        EndpointName: name,
        EndpointArn: `arn:aws:sagemaker:us-east-1:123456789012:endpoint/${name}`,
        EndpointStatus: state.status,
        CreationTime: new Date(0),
        LastModifiedTime: new Date(0)
      }))
    }))
    sm.on(ListInferenceExperimentsCommand).callsFake((input: { StatusEquals?: string }) => ({
      InferenceExperiments: [...this.shadowTests.entries()]
        .filter(([, test]) => !input.StatusEquals || test.status === input.StatusEquals)
        .map(([name, test]) => ({ Name: name, Type: 'ShadowMode', Status: test.status, Schedule: test.schedule }))
    }))
    sm.on(DescribeInferenceExperimentCommand).callsFake((input: { Name: string }) => {
      const test = this.shadowTests.get(input.Name)
      if (!test) throw awsError('ResourceNotFound', `Inference experiment ${input.Name} does not exist.`)
      return {
        Name: input.Name,
        Type: 'ShadowMode',
        Status: test.status,
        Schedule: test.schedule,
        EndpointMetadata: { EndpointName: test.endpoint }
      }
    })
    sm.on(DeleteEndpointCommand).callsFake((input: { EndpointName: string }) => {
      if (!this.endpoints.delete(input.EndpointName)) {
        throw awsError('ValidationException', `Could not find endpoint "${input.EndpointName}".`)
      }
      return {}
    })
    sm.on(UpdateEndpointCommand).callsFake(
      this.lossy(
        'UpdateEndpoint',
        (input: {
          EndpointName: string
          EndpointConfigName: string
          DeploymentConfig?: DeploymentConfig
          RetainAllVariantProperties?: boolean
          ExcludeRetainedVariantProperties?: Array<{ VariantPropertyType?: string }>
        }) => {
          const state = this.endpoint(input.EndpointName)
          if (state.status !== 'InService') {
            throw awsError('ValidationException', `Cannot update in-progress endpoint "${input.EndpointName}".`)
          }
          const config = this.configs.get(input.EndpointConfigName)
          if (!config) throw awsError('ValidationException', 'Could not find endpoint configuration.')
          this.checkScalingAllows(input.EndpointName, state, config)
          const failure = this.failUpdateTo
          const fails =
            failure !== undefined &&
            (failure.config === undefined ||
              (typeof failure.config === 'function'
                ? failure.config(input.EndpointConfigName)
                : failure.config === input.EndpointConfigName))
          if (fails) delete this.failUpdateTo
          const guards = (input.DeploymentConfig?.AutoRollbackConfiguration?.Alarms ?? []).map(
            (alarm) => alarm.AlarmName ?? ''
          )
          state.pendingConfig = input.EndpointConfigName
          if (input.DeploymentConfig && this.clock) {
            state.deployment = {
              newConfig: input.EndpointConfigName,
              share: firstShare(input.DeploymentConfig),
              startedAt: this.clock.now()
            }
          }
          this.startTransition(state, 'Updating', () => {
            state.status = 'InService'
            delete state.pendingConfig
            delete state.deployment
            if (fails) {
              state.failureReason = failure.reason
              return
            }
            // Blue/green: an alarm that fires while traffic moves sends it back to the old fleet.
            const fired = guards.find((name) => this.alarms.get(name) === 'ALARM')
            if (fired) {
              const reason = `Deployment was rolled back because CloudWatch alarm "${fired}" went into ALARM state.`
              if (this.blueGreenRollbackFails) {
                state.status = 'UpdateRollbackFailed'
                state.failureReason = `${reason} The rollback failed: the old fleet could not be restored.`
                return
              }
              state.pendingConfig = input.EndpointConfigName
              this.startTransition(state, 'RollingBack', () => {
                state.status = 'InService'
                delete state.pendingConfig
                state.failureReason = reason
              })
              return
            }
            delete state.failureReason
            state.config = input.EndpointConfigName
            // Without RetainAllVariantProperties, counts and weights come from the new config, not from what served.
            const retained = input.RetainAllVariantProperties
              ? new Map(state.variants.map((variant) => [variant.name, variant]))
              : new Map<string, LiveVariant>()
            const excluded = new Set(
              (input.ExcludeRetainedVariantProperties ?? []).map((property) => property.VariantPropertyType)
            )
            state.variants = liveVariants(config.variants).map((variant) => {
              const before = retained.get(variant.name)
              if (!before) return variant
              return {
                name: variant.name,
                weight: excluded.has('DesiredWeight') ? variant.weight : before.weight,
                count: excluded.has('DesiredInstanceCount') ? variant.count : before.count
              }
            })
          })
          return {}
        }
      )
    )
    sm.on(UpdateEndpointWeightsAndCapacitiesCommand).callsFake(
      this.lossy(
        'UpdateEndpointWeightsAndCapacities',
        (input: {
          EndpointName: string
          DesiredWeightsAndCapacities: Array<{
            VariantName: string
            DesiredWeight?: number
            DesiredInstanceCount?: number
          }>
        }) => {
          const state = this.endpoint(input.EndpointName)
          if (state.status !== 'InService') {
            throw awsError('ValidationException', `Cannot update in-progress endpoint "${input.EndpointName}".`)
          }
          // "capacity of one variant" (API_UpdateEndpointWeightsAndCapacities): the stricter reading, as the emulator's.
          if (
            input.DesiredWeightsAndCapacities.filter((desired) => desired.DesiredInstanceCount !== undefined).length > 1
          ) {
            throw awsError('ValidationException', 'The capacity of one variant only can be updated in a request.')
          }
          const unknown = input.DesiredWeightsAndCapacities.filter(
            (desired) => !state.variants.some((variant) => variant.name === desired.VariantName)
          )
          if (unknown.length > 0) {
            throw awsError(
              'ValidationException',
              `The variant name(s) "[${unknown.map((desired) => desired.VariantName).join(', ')}]" is/are not present in the endpoint "${input.EndpointName}".`
            )
          }
          state.desired = new Map(
            input.DesiredWeightsAndCapacities.map((desired) => [
              desired.VariantName,
              {
                ...(desired.DesiredWeight !== undefined ? { weight: desired.DesiredWeight } : {}),
                ...(desired.DesiredInstanceCount !== undefined ? { count: desired.DesiredInstanceCount } : {})
              }
            ])
          )
          if (this.rollsBackWeightChange?.(input.DesiredWeightsAndCapacities)) {
            this.startTransition(state, 'Updating', () =>
              this.startTransition(state, 'RollingBack', () => {
                state.status = 'InService'
                delete state.desired
              })
            )
            return {}
          }
          this.startTransition(state, 'Updating', () => {
            state.status = 'InService'
            delete state.desired
            for (const desired of input.DesiredWeightsAndCapacities) {
              const variant = state.variants.find((candidate) => candidate.name === desired.VariantName) as LiveVariant
              if (desired.DesiredWeight !== undefined) variant.weight = desired.DesiredWeight
              if (desired.DesiredInstanceCount !== undefined) variant.count = desired.DesiredInstanceCount
            }
          })
          return {}
        }
      )
    )

    aws.cloudwatch.on(DescribeAlarmsCommand).callsFake((input: { AlarmNames?: string[] }) => ({
      // An alarm defined through PutMetricAlarm (or alarmSpecs) is described with what it watches.
      MetricAlarms: (input.AlarmNames ?? [])
        .filter((name) => this.alarms.has(name))
        .map((name) => ({ ...this.alarmSpecs.get(name), AlarmName: name, StateValue: this.alarms.get(name) }))
    }))
    aws.cloudwatch
      .on(GetMetricDataCommand)
      .callsFake((input: { MetricDataQueries: MetricDataQuery[]; StartTime: Date; EndTime: Date }) =>
        this.cloudwatch.getMetricData(input)
      )
    aws.cloudwatch.on(PutMetricAlarmCommand).callsFake((input: { AlarmName: string }) => {
      this.alarmSpecs.set(input.AlarmName, { ...input })
      if (!this.alarms.has(input.AlarmName)) this.alarms.set(input.AlarmName, 'INSUFFICIENT_DATA')
      return {}
    })
    aws.cloudwatch.on(PutMetricDataCommand).callsFake((input: PutMetricDataCommandInput) => {
      // The fake evaluates no alarm but the ones on a published metric: a breaching value puts them in ALARM.
      for (const datum of input.MetricData ?? []) {
        for (const [name, spec] of this.alarmSpecs) {
          const watched = spec.Namespace === input.Namespace && spec.MetricName === datum.MetricName
          if (watched && (datum.Value ?? 0) >= Number(spec.Threshold)) this.alarms.set(name, 'ALARM')
          else if (watched) this.alarms.set(name, 'OK')
        }
      }
      return {}
    })
    aws.cloudwatch.on(DeleteAlarmsCommand).callsFake((input: { AlarmNames: string[] }) => {
      for (const name of input.AlarmNames) {
        this.alarms.delete(name)
        this.alarmSpecs.delete(name)
      }
      return {}
    })
    sm.on(AddTagsCommand).callsFake((input: { ResourceArn: string; Tags: Array<{ Key: string; Value: string }> }) => {
      const config = [...this.configs.values()].find((candidate) => candidate.arn === input.ResourceArn)
      if (!config) throw awsError('ValidationException', `Could not find resource "${input.ResourceArn}".`)
      for (const tag of input.Tags) config.tags[tag.Key] = tag.Value
      return { Tags: input.Tags }
    })
    aws.runtime.on(InvokeEndpointCommand).callsFake((input: { EndpointName: string; TargetVariant?: string }) => {
      const delayMs = this.probeDelaysMs.shift()
      if (delayMs !== undefined) this.clock?.advance?.(delayMs)
      const fails = input.TargetVariant !== undefined && this.failingProbeVariants.has(input.TargetVariant)
      if (input.TargetVariant) this.cloudwatch.probe(input.EndpointName, input.TargetVariant, fails)
      if (fails) {
        throw Object.assign(awsError('ModelError', 'Received server error (500) from primary'), {
          $metadata: { httpStatusCode: 424 }
        })
      }
      return {
        Body: new TextEncoder().encode(this.probeAnswers.get(input.TargetVariant ?? '') ?? '{"score":0.1}'),
        ContentType: 'application/json',
        InvokedProductionVariant: input.TargetVariant,
        $metadata: { httpStatusCode: 200 }
      }
    })

    this.contexts.install(sm, (api, handler) => this.lossy(api, handler))
    this.installAutoscaling(aws)
  }

  private installAutoscaling(aws: Mocks): void {
    const auto = aws.autoscaling
    const notRegistered = (resourceId: string): Error =>
      awsError(
        'ObjectNotFoundException',
        `No scalable target registered for service namespace: sagemaker, resource ID: ${resourceId}`
      )
    auto.on(DescribeScalableTargetsCommand).callsFake((input: { ResourceIds?: string[] }) => ({
      ScalableTargets: (input.ResourceIds ?? [])
        .filter((id) => this.scalableTargets.has(id))
        .map((id) => ({
          ServiceNamespace: 'sagemaker',
          ResourceId: id,
          ScalableDimension: SCALABLE_DIMENSION,
          MinCapacity: this.scalableTargets.get(id)?.min,
          MaxCapacity: this.scalableTargets.get(id)?.max,
          ...(this.scalableTargets.get(id)?.suspended
            ? { SuspendedState: this.scalableTargets.get(id)?.suspended }
            : {}),
          RoleARN: 'role',
          CreationTime: new Date(0)
        }))
    }))
    auto.on(DescribeScalingPoliciesCommand).callsFake((input: { ResourceId?: string }) => ({
      ScalingPolicies: this.scalingPolicies.get(input.ResourceId ?? '') ?? []
    }))
    auto.on(DescribeScheduledActionsCommand).callsFake((input: { ResourceId?: string }) => ({
      ScheduledActions: this.scheduledActions.get(input.ResourceId ?? '') ?? []
    }))
    auto
      .on(RegisterScalableTargetCommand)
      .callsFake(
        (input: {
          ResourceId: string
          MinCapacity?: number
          MaxCapacity?: number
          SuspendedState?: SuspendedState
        }) => {
          const [, endpointName, , variantName] = input.ResourceId.split('/')
          const live = this.endpoints.get(endpointName ?? '')?.variants.some((variant) => variant.name === variantName)
          if (!live) {
            throw awsError('ValidationException', `The endpoint variant "${input.ResourceId}" does not exist.`)
          }
          // A registered target is updated in place: what the call leaves out stays as it was.
          const before = this.scalableTargets.get(input.ResourceId)
          if (!before && (input.MinCapacity === undefined || input.MaxCapacity === undefined)) {
            throw awsError('ValidationException', 'MinCapacity and MaxCapacity are required to register a new target.')
          }
          const suspended = input.SuspendedState ?? before?.suspended
          this.scalableTargets.set(input.ResourceId, {
            min: input.MinCapacity ?? before?.min ?? 0,
            max: input.MaxCapacity ?? before?.max ?? 0,
            ...(suspended ? { suspended } : {})
          })
          return {}
        }
      )
    auto.on(PutScalingPolicyCommand).callsFake((input: ScalingPolicy & { ResourceId: string; PolicyName: string }) => {
      if (!this.scalableTargets.has(input.ResourceId)) throw notRegistered(input.ResourceId)
      const policies = (this.scalingPolicies.get(input.ResourceId) ?? []).filter(
        (policy) => policy.PolicyName !== input.PolicyName
      )
      this.scalingPolicies.set(input.ResourceId, [
        ...policies,
        { ...input, CreationTime: new Date(0), PolicyARN: `arn:policy/${input.PolicyName}` }
      ])
      return { PolicyARN: `arn:policy/${input.PolicyName}` }
    })
    auto.on(DeleteScalingPolicyCommand).callsFake((input: { ResourceId: string; PolicyName: string }) => {
      const policies = this.scalingPolicies.get(input.ResourceId) ?? []
      if (!policies.some((policy) => policy.PolicyName === input.PolicyName)) {
        throw awsError('ObjectNotFoundException', `No scaling policy found for ${input.PolicyName}`)
      }
      this.scalingPolicies.set(
        input.ResourceId,
        policies.filter((policy) => policy.PolicyName !== input.PolicyName)
      )
      return {}
    })
    auto
      .on(PutScheduledActionCommand)
      .callsFake((input: ScheduledAction & { ResourceId: string; ScheduledActionName: string }) => {
        if (!this.scalableTargets.has(input.ResourceId)) throw notRegistered(input.ResourceId)
        const actions = (this.scheduledActions.get(input.ResourceId) ?? []).filter(
          (action) => action.ScheduledActionName !== input.ScheduledActionName
        )
        this.scheduledActions.set(input.ResourceId, [...actions, { ...input, CreationTime: new Date(0) }])
        return {}
      })
    auto.on(DeleteScheduledActionCommand).callsFake((input: { ResourceId: string; ScheduledActionName: string }) => {
      this.scheduledActions.set(
        input.ResourceId,
        (this.scheduledActions.get(input.ResourceId) ?? []).filter(
          (action) => action.ScheduledActionName !== input.ScheduledActionName
        )
      )
      return {}
    })
    auto.on(DeregisterScalableTargetCommand).callsFake((input: { ResourceId: string }) => {
      if (!this.scalableTargets.delete(input.ResourceId)) throw notRegistered(input.ResourceId)
      // Deregistering takes the target's policies and scheduled actions with it.
      this.scalingPolicies.delete(input.ResourceId)
      this.scheduledActions.delete(input.ResourceId)
      return {}
    })
  }
}

function liveVariants(variants: ProductionVariant[]): LiveVariant[] {
  return variants.map((variant) => ({
    name: variant.VariantName ?? '',
    weight: variant.InitialVariantWeight ?? 1,
    count: variant.InitialInstanceCount ?? 1
  }))
}

/** How FakeCloudWatch names one fleet of a variant during a deployment; fleetKey(variant, config). */
export function fleetKey(variant: string, config: string): string {
  return `${variant}\u0000${config}`
}

/** The new fleet's share of traffic the fake gives it all through a deployment: the first step's. */
function firstShare(config: DeploymentConfig): number {
  const routing = config.BlueGreenUpdatePolicy?.TrafficRoutingConfiguration
  const size = routing?.CanarySize ?? routing?.LinearStepSize
  if (size?.Type === 'CAPACITY_PERCENT' && size.Value !== undefined) return size.Value / 100
  const batch = config.RollingUpdatePolicy?.MaximumBatchSize
  if (batch?.Type === 'CAPACITY_PERCENT' && batch.Value !== undefined) return batch.Value / 100
  return routing?.Type === 'ALL_AT_ONCE' ? 1 : 0.5
}

/** DescribeEndpoint's PendingDeploymentSummary: the new fleet Baking once it takes traffic. */
function pendingSummary(
  pendingConfig: string,
  deployment: EndpointState['deployment'],
  configs: Map<string, ConfigState>
): Record<string, unknown> {
  if (!deployment) return { EndpointConfigName: pendingConfig }
  return {
    EndpointConfigName: pendingConfig,
    ProductionVariants: (configs.get(pendingConfig)?.variants ?? []).map((variant) => ({
      VariantName: variant.VariantName,
      VariantStatus: [{ Status: 'Baking', StartTime: new Date(deployment.startedAt) }]
    }))
  }
}
