/**
 * A stand-in for @actions/core: inputs come from a map, outputs, state and log
 * lines are recorded, and the job summary is the real one, so tests can check
 * the HTML a person would see.
 */
import { jest } from '@jest/globals'
import * as actual from '@actions/core'

export const inputs: Record<string, string> = {}
export const outputs: Record<string, string> = {}
export const state: Record<string, string> = {}
export const log: string[] = []

export const getInput = jest.fn((name: string) => inputs[name] ?? '')
export const setOutput = jest.fn((name: string, value: unknown) => {
  outputs[name] = typeof value === 'string' ? value : JSON.stringify(value)
})
export const setFailed = jest.fn((message: string | Error) => {
  log.push(`::error::${String(message)}`)
})
export const info = jest.fn((message: string) => {
  log.push(message)
})
export const debug = jest.fn()
export const warning = jest.fn((message: string | Error) => {
  log.push(`::warning::${String(message)}`)
})
export const notice = jest.fn((message: string | Error) => {
  log.push(`::notice::${String(message)}`)
})
export const error = jest.fn((message: string | Error) => {
  log.push(`::error::${String(message)}`)
})
export const setSecret = jest.fn()
export const saveState = jest.fn((name: string, value: unknown) => {
  state[name] = typeof value === 'string' ? value : JSON.stringify(value)
})
export const getState = jest.fn((name: string) => state[name] ?? '')

/** The record the main step saves for the post step, under one key (see src/rollout/state.ts). */
function runRecord(): Record<string, unknown> {
  return JSON.parse(state.run || '{}') as Record<string, unknown>
}

/** One part of that record (rollout, lock, created, nativeDeployment) as JSON; '' when it holds none. */
export function savedPart(part: string): string {
  const value = runRecord()[part]
  return value === undefined ? '' : JSON.stringify(value)
}

/** Puts one part into that record, as a main step would have left it for the post step. */
export function leaveForPost(part: string, value: unknown): void {
  state.run = JSON.stringify({ ...runRecord(), [part]: value })
}
export const startGroup = jest.fn((name: string) => {
  log.push(`::group::${name}`)
})
export const endGroup = jest.fn(() => {
  log.push('::endgroup::')
})
export async function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  startGroup(name)
  try {
    return await fn()
  } finally {
    endGroup()
  }
}
export const isDebug = jest.fn(() => false)

/** The real summary buffer; write() is replaced so tests can read what would be written. */
export const summary = actual.summary
export const writtenSummaries: string[] = []
jest.spyOn(summary, 'write').mockImplementation(async () => {
  writtenSummaries.push(summary.stringify())
  summary.emptyBuffer()
  return summary
})

export function resetCore(newInputs: Record<string, string> = {}): void {
  for (const record of [inputs, outputs, state]) {
    for (const key of Object.keys(record)) delete record[key]
  }
  Object.assign(inputs, newInputs)
  log.length = 0
  writtenSummaries.length = 0
  summary.emptyBuffer()
  process.exitCode = undefined
}
