/**
 * What every deploy works out before it changes anything: what the new model
 * and its variant will be, from the inputs and what serves (each setting
 * with where it came from), and whether an alarm of its gates already fires.
 */
import type { OperationContext } from '../context.js'
import { describeAlarmStates, type AlarmState } from '../alarms.js'
import { readExistingModel } from '../existing-model.js'
import type { ModelContainers } from '../serving-container.js'
import type { ModelSpec } from '../resources.js'
import {
  carriedConfigSettings,
  configOverrides,
  newContainer,
  newInstanceType,
  newModelSettings,
  newVariant,
  type Serving,
  type SettingSource
} from '../serving.js'
import type { DeploySettings } from '../settings.js'
import { derivedName } from '../naming.js'
import type { Blueprint, Release } from './deploy-paths.js'

export async function blueprintFor(
  ctx: OperationContext,
  deploy: DeploySettings,
  release: Release,
  serving: Serving | undefined
): Promise<Blueprint> {
  const sources: SettingSource[] = []
  const { source } = deploy
  let model: ModelSpec | undefined
  let newModel: ModelContainers
  if (source.kind === 'existing') {
    newModel = await readExistingModel(ctx, deploy, release.modelName, sources)
  } else {
    const modelSettings = newModelSettings(deploy, serving, sources)
    model = { ...modelSettings, PrimaryContainer: await newContainer(ctx, source, newInstanceType(deploy, serving)) }
    newModel = model
  }
  const configSettings = configOverrides(deploy, carriedConfigSettings(serving?.config), sources)
  const blueprint: Blueprint = {
    release,
    ...(model ? { model } : {}),
    newModel,
    ...(serving ? { serving } : {}),
    configSettings,
    sources,
    variant: (name, weight) => newVariant(deploy, serving, { name, model: release.modelName, weight }, sources)
  }
  // The sources are complete once the variant is built: record them with its first use.
  blueprint.variant('AllTraffic', 1)
  ctx.report.settings = sources
  return blueprint
}

/**
 * What the gates can already judge is judged before anything is created: a
 * deploy into an endpoint whose alarm is firing would be rolled back at its
 * first evaluation, after minutes of provisioning for nothing.
 */
export async function refuseFiringAlarms(ctx: OperationContext, alarmNames: string[]): Promise<AlarmState[]> {
  const alarms = await describeAlarmStates(ctx, alarmNames)
  const firing = alarms.filter((alarm) => alarm.state === 'ALARM')
  if (firing.length === 0) return alarms
  const names = firing.map((alarm) => `"${alarm.name}"${alarm.reason ? ` (${alarm.reason})` : ''}`).join(', ')
  throw new Error(
    `Input "alarm-names": ${names} ${firing.length === 1 ? 'is' : 'are'} already in ALARM, so the new model could not pass its gates; nothing was created. Deploy once the alarm is OK.`
  )
}

/**
 * The names of what one deploy creates, unique to it (`suffix`): the model,
 * named after `modelBase` unless model-name says otherwise, and the configs.
 * Set as the model-name output at once, so a failed run still says it.
 */
export function nameRelease(ctx: OperationContext, deploy: DeploySettings, modelBase: string, suffix: string): Release {
  const release: Release = {
    modelName: deploy.modelName ?? derivedName(modelBase, suffix),
    releaseConfig: derivedName(ctx.endpointName, suffix),
    canaryConfig: derivedName(ctx.endpointName, `${suffix}-canary`),
    shadowConfig: derivedName(ctx.endpointName, `${suffix}-shadow`)
  }
  ctx.output('model-name', release.modelName)
  return release
}
