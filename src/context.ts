/** What every operation is handed: settings, AWS clients, time, and the run's report. */
import * as core from '@actions/core'
import type { AwsClients } from './aws/clients.js'
import { awsCall } from './aws/errors.js'
import type { Clock } from './clock.js'
import { runIdentity, type RunIdentity } from './identity.js'
import type { OutputName, Report } from './report.js'
import type { CommonSettings } from './settings.js'
import { wasCancelled } from './cancelled.js'

export class OperationContext {
  /** How long a fleet change of this endpoint is expected to take, once the run has read its history. */
  expectedFleetChangeMs: number | undefined

  constructor(
    readonly settings: CommonSettings,
    readonly clients: AwsClients,
    readonly clock: Clock,
    readonly report: Report,
    readonly run: RunIdentity = runIdentity(process.env)
  ) {}

  get endpointName(): string {
    return this.settings.endpointName
  }

  get dryRun(): boolean {
    return this.settings.dryRun
  }

  /** Sets a step output at once (a later failure must not lose it) and keeps it for the summary. */
  output(name: OutputName, value: string | number | boolean | object): void {
    // Once cancelled, the handler has set the outputs that say so: an outcome the refused flow reaches is not the run's.
    if (wasCancelled()) return
    const text = typeof value === 'object' ? JSON.stringify(value) : String(value)
    this.report.outputs[name] = text
    core.setOutput(name, text)
  }

  note(message: string): void {
    this.report.notes.push(message)
    core.info(message)
  }

  /** A note that also stands out in the log and on the run page as a warning annotation. */
  warn(message: string): void {
    this.report.notes.push(message)
    core.warning(message)
  }

  /**
   * Every call that changes AWS goes through here: in a dry run it is only
   * printed and recorded as the plan, otherwise it is made and recorded as done.
   */
  async change<T>(api: string, resource: string, input: object, request: () => Promise<T>): Promise<T | undefined> {
    this.report.changes.push({ api, resource, input })
    if (this.dryRun) {
      core.info(`[dry-run] would call ${api} on ${resource}: ${JSON.stringify(input)}`)
      return undefined
    }
    if (wasCancelled()) {
      throw new Error(`${api} on ${resource} was not sent: the run was cancelled.`)
    }
    core.info(`${api} on ${resource}`)
    return awsCall(api, resource, request)
  }
}
