/**
 * Reading inputs by name, each accessor parsing what it reads: the typed
 * input source every parser of inputs.ts and inputs-deploy.ts is handed.
 */
import { ACTION_DEFAULTS } from './action-defaults.js'
import { parseAnswerChecks, parseJsonPath } from './answer-checks.js'
import { parseCaptureLocation } from './captured-payloads.js'
import {} from './tags.js'
import {
  InputError,
  parseBoolean,
  parseInteger,
  parseList,
  parseNumber,
  parsePercentThreshold,
  parseSageMakerName,
  parseTargetModel
} from './parse.js'
import { type AgreementSettings, type ProbeSettings } from './settings.js'

/** Reads one input as the runner passes it: an empty string when unset. */
export type InputReader = (name: string) => string

/** The default action.yml declares for an input; the runner passes it as the input's value. */
function declaredDefault(name: string): string {
  const fallback = ACTION_DEFAULTS[name]
  if (fallback === undefined) throw new Error(`Input "${name}" has no default in action.yml.`)
  return fallback
}

/** Reads inputs by name; each accessor parses, so a value is never used unchecked. */
export class InputSource {
  constructor(private readonly read: InputReader) {}

  raw(name: string): string {
    return this.read(name).trim()
  }

  optional<T>(name: string, parse: (raw: string) => T): T | undefined {
    const raw = this.raw(name)
    return raw === '' ? undefined : parse(raw)
  }

  required<T>(name: string, parse: (raw: string) => T, why = ''): T {
    const raw = this.raw(name)
    if (raw === '') throw new InputError(name, `is required${why}`)
    return parse(raw)
  }

  /** An input whose default action.yml declares: the runner passes it, yet a caller of run() may not. */
  withDefault<T>(name: string, parse: (raw: string) => T): T {
    const raw = this.raw(name)
    return parse(raw === '' ? declaredDefault(name) : raw)
  }

  /** The value as the user would recognise it in an error: what they wrote, or the default they left. */
  shown(name: string): string {
    return this.raw(name) || declaredDefault(name)
  }

  variantName(name = 'variant-name'): string | undefined {
    return this.optional(name, (raw) => parseSageMakerName(name, raw))
  }

  boolean(name: string): boolean {
    return this.withDefault(name, (raw) => parseBoolean(name, raw))
  }

  /** CloudWatch alarm names, without repeats; one DescribeAlarms page holds at most 100. */
  alarmNames(): string[] {
    const names = [...new Set(parseList(this.raw('alarm-names')))]
    if (names.length > 100) throw new InputError('alarm-names', 'may name at most 100 alarms')
    for (const name of names) {
      if (name.length > 255 || /[\u0000-\u001f\u007f]/.test(name)) {
        throw new InputError('alarm-names', 'must be CloudWatch alarm names of at most 255 printable characters', name)
      }
    }
    return names
  }

  /** Probe settings; undefined when there is no payload and no fallback (a rollout without probes). */
  probe(fallbackPayload?: string): ProbeSettings | undefined {
    const from = this.optional('probe-payloads-from', (raw) => parseCaptureLocation('probe-payloads-from', raw))
    if (from && this.raw('probe-payload')) {
      throw new InputError('probe-payloads-from', 'replaces probe-payload with captured requests: set one of the two')
    }
    // Captured requests carry their own payloads and content types, read before the operation begins.
    if (from) return this.probeOf({ payload: '', contentType: 'application/json', from })
    const payload = this.raw('probe-payload') || fallbackPayload
    if (payload === undefined) return undefined
    if (Buffer.byteLength(payload) > 6 * 1024 * 1024) {
      throw new InputError('probe-payload', 'must be at most 6 MB, the largest request InvokeEndpoint accepts')
    }
    const contentType = this.withDefault('probe-content-type', (raw) => raw)
    // Spaces and tabs only around parameters: a line break would end up inside an HTTP header.
    if (!/^[\w.+-]+\/[\w.+-]+([ \t]*;[ \t]*[\w.-]+=[\w.-]+)*$/.test(contentType)) {
      throw new InputError('probe-content-type', 'must be a MIME type such as application/json', contentType)
    }
    if (contentType.startsWith('application/json')) {
      try {
        JSON.parse(payload)
      } catch {
        throw new InputError('probe-payload', 'must be valid JSON when probe-content-type is application/json', payload)
      }
    }
    return this.probeOf({ payload, contentType })
  }

  /** The probe settings every kind of payload shares. */
  private probeOf(sent: Pick<ProbeSettings, 'payload' | 'contentType' | 'from'>): ProbeSettings {
    return {
      ...sent,
      count: this.withDefault('probe-count', (raw) => parseInteger('probe-count', raw, { min: 1, max: 100 })),
      ...definedOnly({
        targetModel: this.optional('probe-target-model', (raw) => parseTargetModel('probe-target-model', raw)),
        expect: this.optional('probe-expect', parseAnswerChecks)
      })
    }
  }

  /**
   * max-disagreement, with compare-path and compare-tolerance saying how two
   * answers are compared; undefined without it. The other two mean nothing
   * alone, and are refused alone.
   */
  agreement(probe: ProbeSettings | undefined): AgreementSettings | undefined {
    const maxDisagreement = this.optional('max-disagreement', (raw) => parsePercentThreshold('max-disagreement', raw))
    const path = this.optional('compare-path', (raw) => parseJsonPath('compare-path', raw))
    const tolerance = this.optional('compare-tolerance', (raw) =>
      parseNumber('compare-tolerance', raw, { min: 0, max: Number.MAX_VALUE })
    )
    if (maxDisagreement === undefined) {
      const alone = path !== undefined ? 'compare-path' : tolerance !== undefined ? 'compare-tolerance' : undefined
      if (alone)
        throw new InputError(alone, 'says how answers are compared, and needs max-disagreement to compare them')
      return undefined
    }
    if (tolerance !== undefined && path === undefined) {
      throw new InputError('compare-tolerance', 'needs compare-path: the number within a tolerance is found at a path')
    }
    if (!probe) {
      throw new InputError(
        'max-disagreement',
        "compares the probes' answers with the serving model's, and needs probe-payload or probe-payloads-from to send them"
      )
    }
    return { maxDisagreement, ...definedOnly({ path, tolerance }) }
  }
}

/** Drops undefined members so optional properties stay absent (exactOptionalPropertyTypes). */
export function definedOnly<T extends Record<string, unknown>>(
  value: T
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>
  }
}
