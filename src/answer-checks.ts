/**
 * probe-expect: what a probe's answer must say, not only that it came back.
 * A model that answers quickly with wrong predictions passes every metric
 * gate (a wrong prediction is a 200), so each probe can be held to checks on
 * its answer, one a line:
 *
 *   status == 200                     the model's HTTP status
 *   $.label == "fraud"                a JSON path's value
 *   $.label in ["fraud", "legit"]     one of a set of values
 *   $.scores[0] between 0 and 1       a number within a range, ends included
 *
 * Values are JSON. A path starts at `$` and goes on by `.name` and `[index]`.
 * A probe passes only when every check holds; a failed check says what the
 * answer held, truncated, and the payload is never printed.
 */
import { isDeepStrictEqual } from 'node:util'
import { InputError } from './parse.js'

export type PathStep = string | number

export type AnswerCheck =
  | { kind: 'status'; text: string; status: number }
  | { kind: 'equals'; text: string; path: PathStep[]; value: unknown }
  | { kind: 'one-of'; text: string; path: PathStep[]; values: unknown[] }
  | { kind: 'range'; text: string; path: PathStep[]; min: number; max: number }

const INPUT = 'probe-expect'
const STATUS = /^status\s*==\s*(\d{3})$/
/** A path as a pattern reads it; parsePath reads its steps, and refuses what the pattern let through. */
const PATH = String.raw`(\$(?:[^\s"]|"[^"]*")*)`
const EQUALS = new RegExp(String.raw`^${PATH}\s*==\s*(.+)$`)
const ONE_OF = new RegExp(String.raw`^${PATH}\s+in\s+(\[.*\])$`)
const RANGE = new RegExp(String.raw`^${PATH}\s+between\s+(\S+)\s+and\s+(\S+)$`)
const PATH_STEP = /^(?:\.([A-Za-z_][\w-]*)|\[(\d+)\]|\["([^"]*)"\])/

/** One check a line; blank lines are skipped. Throws an InputError naming probe-expect on a line it cannot read. */
export function parseAnswerChecks(raw: string): AnswerCheck[] {
  return raw
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map(parseCheck)
}

function parseCheck(text: string): AnswerCheck {
  const status = STATUS.exec(text)
  if (status) return { kind: 'status', text, status: Number(status[1]) }
  const range = RANGE.exec(text)
  if (range) {
    const [min, max] = [Number(range[2]), Number(range[3])]
    if (!Number.isFinite(min) || !Number.isFinite(max) || min > max) {
      throw new InputError(INPUT, 'needs two numbers, the lower first, in "<path> between <min> and <max>"', text)
    }
    return { kind: 'range', text, path: parsePath(range[1] as string, text), min, max }
  }
  const oneOf = ONE_OF.exec(text)
  if (oneOf) {
    const values = jsonValue(oneOf[2] as string, text)
    if (!Array.isArray(values) || values.length === 0) {
      throw new InputError(INPUT, 'needs a JSON list of at least one value after "in"', text)
    }
    return { kind: 'one-of', text, path: parsePath(oneOf[1] as string, text), values }
  }
  const equals = EQUALS.exec(text)
  if (equals) {
    return {
      kind: 'equals',
      text,
      path: parsePath(equals[1] as string, text),
      value: jsonValue(equals[2] as string, text)
    }
  }
  throw new InputError(
    INPUT,
    'must hold one check a line: status == 200, $.path == <JSON value>, $.path in [<JSON values>] or $.path between <min> and <max>',
    text
  )
}

/** compare-path: a JSON path as probe-expect reads one. */
export function parseJsonPath(input: string, raw: string): PathStep[] {
  const path = raw.trim()
  if (!path.startsWith('$')) throw new InputError(input, 'must be a JSON path that starts at $, such as $.score', raw)
  return parsePath(path, raw, input)
}

function parsePath(path: string, text: string, input = INPUT): PathStep[] {
  const steps: PathStep[] = []
  let rest = path.slice(1)
  while (rest !== '') {
    const step = PATH_STEP.exec(rest)
    if (!step) throw new InputError(input, 'has a path it cannot read: use $.name, $[0] or $["name"] steps', text)
    steps.push(step[2] !== undefined ? Number(step[2]) : ((step[1] ?? step[3]) as string))
    rest = rest.slice(step[0].length)
  }
  return steps
}

function jsonValue(raw: string, text: string): unknown {
  try {
    return JSON.parse(raw) as unknown
  } catch {
    throw new InputError(INPUT, `has a value that is not JSON (${raw}); quote strings, as in $.label == "fraud"`, text)
  }
}

/** Whether a check is on the status: then the status decides, not the default of any 2xx. */
export function checksStatus(checks: AnswerCheck[]): boolean {
  return checks.some((check) => check.kind === 'status')
}

/**
 * Why the answer fails the checks, the first that fails, in words; undefined
 * when every check holds. `body` is the answer's text; a check on a path of
 * an answer that is not JSON fails.
 */
export function failedCheck(checks: AnswerCheck[], statusCode: number | undefined, body: string): string | undefined {
  let parsed: { value: unknown } | undefined
  const answer = (): { value: unknown } | undefined => {
    if (parsed === undefined) {
      try {
        parsed = { value: JSON.parse(body) as unknown }
      } catch {
        return undefined
      }
    }
    return parsed
  }
  for (const check of checks) {
    if (check.kind === 'status') {
      if (statusCode !== check.status) return `${check.text}: the status was ${statusCode ?? 'none'}`
      continue
    }
    const json = answer()
    if (!json) return `${check.text}: the answer is not JSON`
    const found = at(json.value, check.path)
    if (!found) return `${check.text}: the answer has no ${pathText(check.path)}`
    const failure = judge(check, found.value)
    if (failure !== undefined)
      return `${check.text}: ${pathText(check.path)} is ${JSON.stringify(found.value)}${failure}`
  }
  return undefined
}

/** Undefined when the value holds; otherwise what to say after the value ('' when the value says it all). */
function judge(check: Exclude<AnswerCheck, { kind: 'status' }>, value: unknown): string | undefined {
  switch (check.kind) {
    case 'equals':
      return isDeepStrictEqual(value, check.value) ? undefined : ''
    case 'one-of':
      return check.values.some((wanted) => isDeepStrictEqual(value, wanted)) ? undefined : ''
    case 'range':
      if (typeof value !== 'number') return ', not a number'
      return value >= check.min && value <= check.max ? undefined : ''
  }
}

function at(value: unknown, path: PathStep[]): { value: unknown } | undefined {
  let current = value
  for (const step of path) {
    if (typeof step === 'number') {
      if (!Array.isArray(current) || step >= current.length) return undefined
      current = current[step] as unknown
    } else {
      if (current === null || typeof current !== 'object' || Array.isArray(current) || !(step in current)) {
        return undefined
      }
      current = (current as Record<string, unknown>)[step]
    }
  }
  return { value: current }
}

export function pathText(path: PathStep[]): string {
  return `$${path.map((step) => (typeof step === 'number' ? `[${step}]` : /^[A-Za-z_][\w-]*$/.test(step) ? `.${step}` : `["${step}"]`)).join('')}`
}

/** How two answers to one payload are compared: whole, or one JSON path's number within an absolute tolerance. */
export interface AnswerComparison {
  path?: PathStep[]
  tolerance?: number
}

/**
 * How the new model's answer differs from the serving model's to the same
 * payload, in words; undefined when they agree. Whole answers agree when
 * equal as JSON (or as text, when either is not JSON); with a path, the
 * values there agree when equal, or, both numbers, within the tolerance.
 */
export function disagreement(newAnswer: string, servingAnswer: string, how: AnswerComparison): string | undefined {
  const parse = (text: string): { value: unknown } | undefined => {
    try {
      return { value: JSON.parse(text) as unknown }
    } catch {
      return undefined
    }
  }
  const [fresh, serving] = [parse(newAnswer), parse(servingAnswer)]
  if (!how.path) {
    if (fresh && serving) return isDeepStrictEqual(fresh.value, serving.value) ? undefined : 'the answers differ'
    return newAnswer === servingAnswer ? undefined : 'the answers differ'
  }
  const where = pathText(how.path)
  const [a, b] = [fresh && at(fresh.value, how.path), serving && at(serving.value, how.path)]
  if (!a || !b) return `${where} is missing from ${!a ? "the new model's" : "the serving model's"} answer`
  if (typeof a.value === 'number' && typeof b.value === 'number') {
    return Math.abs(a.value - b.value) <= (how.tolerance ?? 0) ? undefined : `${where} ${a.value} against ${b.value}`
  }
  return isDeepStrictEqual(a.value, b.value)
    ? undefined
    : `${where} ${JSON.stringify(a.value)} against ${JSON.stringify(b.value)}`
}
