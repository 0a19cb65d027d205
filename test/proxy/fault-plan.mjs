// The fault plan: which requests the proxy fails, with which kinds, drawn
// from a seeded sequence so that a run can be repeated fault for fault.
//
// Plain ESM, typed with JSDoc, which the type check reads and checks.
// @ts-check

import { FAULT_KINDS } from './protocols.mjs'

/** @typedef {import('./protocols.mjs').AnsweredFaultKind} AnsweredFaultKind */
/** @typedef {import('./protocols.mjs').Identity} Identity */

/** @typedef {'lost-response'} LostResponseKind The upstream acts on the request; its answer is lost on the way back. */
/** @typedef {AnsweredFaultKind | LostResponseKind} FaultKind */
/** @typedef {'error' | 'reset'} LostResponseMode What the client gets instead of a lost answer. */

/**
 * @typedef {object} FaultRule
 * @property {number | undefined} [rate] Share of requests to fail, 0 to 1; required unless `firstCalls` is given (then 1 by default).
 * @property {FaultKind[] | undefined} [kinds] Kinds drawn from with equal odds; FAULT_KINDS by default.
 * @property {number | undefined} [firstCalls] Fault only the first n calls of each API the rule covers (counted from startProxy,
 *   setFaults or reset); later calls pass. `{ kinds: ['lost-response'], firstCalls: 1 }` loses exactly the first answer.
 * @property {LostResponseMode | undefined} [lostResponse] For `lost-response`: 'error' (default) or 'reset'.
 */

/**
 * @typedef {object} CompiledRule
 * @property {number} rate
 * @property {FaultKind[]} kinds
 * @property {number | undefined} firstCalls
 * @property {LostResponseMode} lostResponse
 * @property {Map<string, number>} calls
 */

/**
 * @typedef {FaultRule & {
 *   apis?: Record<string, number | FaultRule>,
 *   services?: Record<string, number | FaultRule>
 * }} FaultPlan `apis` by `service.Api` or `Api` (`sagemaker.DescribeEndpoint`, `GetMetricData`); `services` by
 *   service: sagemaker, cloudwatch, autoscaling, runtime.
 */

/**
 * The fault kind that forwards the request and loses the upstream's answer.
 * Left out of FAULT_KINDS so that plans written before it draw as they did and
 * never create a resource behind the client's back.
 */
export const LOST_RESPONSE = /** @type {LostResponseKind} */ ('lost-response')

/**
 * What the client gets instead of a lost answer: an InternalFailure 500, or a reset connection.
 * @type {LostResponseMode[]}
 */
export const LOST_RESPONSE_MODES = ['error', 'reset']

/**
 * mulberry32: small, fast and good enough to make fault sequences reproducible.
 * @param {number} seed
 */
export function seededRandom(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * @param {number | FaultRule | undefined} rule
 * @param {string} where
 * @returns {CompiledRule | undefined}
 */
function normalizeRule(rule, where) {
  if (rule === undefined || rule === null) return undefined
  const given = typeof rule === 'number' ? { rate: rule } : rule
  const firstCalls = given.firstCalls
  if (firstCalls !== undefined && !(Number.isInteger(firstCalls) && firstCalls >= 0)) {
    throw new Error(`${where}: firstCalls must be a whole number from 0`)
  }
  // "Fault the first call" means that call, not a chance of it.
  const rate = given.rate ?? (firstCalls === undefined ? undefined : 1)
  if (rate === undefined || !(rate >= 0 && rate <= 1)) throw new Error(`${where}: rate must be from 0 to 1`)
  const kinds = given.kinds ?? FAULT_KINDS
  for (const kind of kinds) {
    const known = /** @type {readonly FaultKind[]} */ (FAULT_KINDS).includes(kind) || kind === LOST_RESPONSE
    if (!known) throw new Error(`${where}: unknown fault kind ${kind}`)
  }
  const lostResponse = given.lostResponse ?? 'error'
  if (!LOST_RESPONSE_MODES.includes(lostResponse)) {
    throw new Error(`${where}: lostResponse must be one of ${LOST_RESPONSE_MODES.join(', ')}`)
  }
  // Calls counted per `service.Api` for firstCalls; a fresh count with every plan and reset().
  return { rate, kinds, firstCalls, lostResponse, calls: new Map() }
}

/**
 * Fault plan: `{ rate, kinds, firstCalls, lostResponse, apis: { 'DescribeEndpoint' | 'sagemaker.DescribeEndpoint':
 * rate | rule }, services: { cloudwatch: rate | rule } }`, a rule being `{ rate, kinds, firstCalls, lostResponse }`.
 * The most specific rule wins: `service.Api`, then `Api`, then the service, then the global one. A rule with
 * `firstCalls: n` faults only the first n calls of each API it covers (at `rate`, 1 unless given).
 * @param {FaultPlan} [plan]
 * @returns {(identity: Identity) => CompiledRule | undefined}
 */
export function compileFaults(plan = {}) {
  const global = normalizeRule(
    {
      rate: plan.rate ?? (plan.firstCalls === undefined ? 0 : undefined),
      kinds: plan.kinds,
      firstCalls: plan.firstCalls,
      lostResponse: plan.lostResponse
    },
    'faults'
  )
  const apis = Object.fromEntries(
    Object.entries(plan.apis ?? {}).map(([key, rule]) => [key, normalizeRule(rule, `faults.apis.${key}`)])
  )
  const services = Object.fromEntries(
    Object.entries(plan.services ?? {}).map(([key, rule]) => [key, normalizeRule(rule, `faults.services.${key}`)])
  )
  return (identity) => {
    if (identity.protocol === 'control') return undefined
    return apis[`${identity.service}.${identity.api}`] ?? apis[identity.api] ?? services[identity.service] ?? global
  }
}
