// A runner that dies in the middle of a bake: the action's process is killed
// with SIGKILL, as when a runner machine is lost, so no post step runs and
// nothing of the action acts again. What does the endpoint do by itself, how
// soon, and what is left for the next run? Used by the controllers section.

import { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch'
import { DescribeContextCommand, DescribeEndpointConfigCommand, DescribeModelCommand } from '@aws-sdk/client-sagemaker'

import { preciseNow } from '../../test/proxy/proxy.mjs'
import { actionSource } from './action-source.mjs'
import { sleep } from './common.mjs'

/**
 * The runner's `onOutput` that sends SIGKILL `afterMs` after the first line matching `marker` (the new model
 * taking traffic); `killed()` says when it was sent.
 */
export function killAfter(marker, afterMs) {
  let scheduled = false
  let killedAt
  return {
    onOutput(line, _stream, send) {
      const matches = typeof marker === 'string' ? line.includes(marker) : marker.test(line)
      if (scheduled || !matches) return
      scheduled = true
      setTimeout(() => {
        killedAt = preciseNow()
        send('SIGKILL')
      }, afterMs)
    },
    killed: () => killedAt
  }
}

/**
 * After the kill: SageMaker's deployment is watched until it rolls back, or `watchMs` has passed; an endpoint the
 * action moved by itself (its own canary) is read once `watchMs` has passed, to see whether anything moved it back.
 */
export async function afterTheKill(context, { name, controller, killedAt, watchMs, samples }) {
  const { control } = context
  const deadline = killedAt + watchMs
  let deployment
  for (;;) {
    deployment = (await control.deployments(name)).at(-1)
    if (controller === 'sagemaker' && deployment?.rollbackStartedAt) break
    if (preciseNow() >= deadline) break
    await sleep(500)
  }
  const rollbackMs = deployment?.rollbackStartedAt ? deployment.rollbackStartedAt * 1000 - killedAt : NaN
  // Once SageMaker's rollback has ended, what the next run would find.
  while (deployment?.status === 'RollingBack' || (deployment?.status === 'InProgress' && preciseNow() < deadline)) {
    await sleep(500)
    deployment = (await control.deployments(name)).at(-1)
  }
  return { deployment, rollbackMs, endpointAt: samples.at(-1), watchedMs: preciseNow() - killedAt }
}

/** What a killed run left: the endpoint's lock, the verdict alarm for the new config, the new config and the new model. */
export async function leftBehind(aws, { name, newConfig, model }) {
  const found = async (send) => {
    try {
      return await send()
    } catch (error) {
      if (/not ?found|does not exist|Could not find/i.test(`${error.name} ${error.message}`)) return undefined
      throw error
    }
  }
  // Named as the action names them.
  const { lockName } = await actionSource('src/lock.ts')
  const { verdictAlarmName } = await actionSource('src/rollout/verdict-alarm.ts')
  const lock = await found(() => aws.sagemaker.send(new DescribeContextCommand({ ContextName: lockName(name) })))
  const { MetricAlarms = [] } = newConfig
    ? await aws.cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: [verdictAlarmName({ newConfig })] }))
    : {}
  const config = newConfig
    ? await found(() => aws.sagemaker.send(new DescribeEndpointConfigCommand({ EndpointConfigName: newConfig })))
    : undefined
  const modelFound = await found(() => aws.sagemaker.send(new DescribeModelCommand({ ModelName: model })))
  return {
    lock: lock ? { expiresAt: Date.parse(lock.Properties?.expiresAt ?? ''), owner: lock.Properties?.owner } : undefined,
    alarms: MetricAlarms.map((alarm) => ({ name: alarm.AlarmName, state: alarm.StateValue })),
    config: config ? newConfig : undefined,
    model: modelFound ? model : undefined
  }
}

/** One line for the log and the docs: "the lock (expires 6.6 h after the kill), alarm ... in ALARM, ...". */
export function describeLeftBehind(left, killedAt) {
  const parts = []
  if (left.lock) {
    parts.push(
      `the endpoint's lock (expires ${((left.lock.expiresAt - killedAt) / 3_600_000).toFixed(1)} h after the kill)`
    )
  }
  for (const alarm of left.alarms) parts.push(`alarm ${alarm.name} (${alarm.state})`)
  if (left.config) parts.push(`config ${left.config}`)
  if (left.model) parts.push(`model ${left.model}`)
  return parts.length > 0 ? parts.join(', ') : 'nothing'
}
