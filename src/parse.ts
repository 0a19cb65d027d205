/**
 * Parsers for the value formats every input shares (durations, percentages,
 * lists, maps, integers). Each throws an InputError that names the input and
 * what it expected, so the user can fix the workflow without reading source.
 */

export class InputError extends Error {
  constructor(
    readonly input: string,
    expected: string,
    received?: string
  ) {
    super(
      received === undefined
        ? `Input "${input}" ${expected}.`
        : `Input "${input}" ${expected}; got ${quoteForMessage(received)}.`
    )
    this.name = 'InputError'
  }
}

/** Long or multi-line values are cut so an error never floods the log. */
export function quoteForMessage(value: string): string {
  const flat = value.replace(/\s+/g, ' ')
  const shown = flat.length > 80 ? `${flat.slice(0, 77)}...` : flat
  return JSON.stringify(shown)
}

const DURATION_UNITS_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000
}

/** Units largest first, each at most once: `1s1s` or `5m1h` is more likely a typo than a sum. */
const DURATION = /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s)?(?:(\d+(?:\.\d+)?)ms)?$/

/** The longest duration any input may take: SageMaker's own limits stop at 8 hours. */
const MAX_DURATION_MS = 24 * 3_600_000

/**
 * Accepts `45s`, `5m`, `1h30m`, `250ms` or a bare number of seconds. Returns
 * milliseconds.
 */
export function parseDuration(input: string, raw: string, { minMs = 0 }: { minMs?: number } = {}): number {
  const value = raw.trim()
  const expected = `must be a duration such as 45s, 5m, 1h30m or a number of seconds${
    minMs > 0 ? `, at least ${formatDuration(minMs)}` : ''
  }`
  let ms: number
  const parts = DURATION.exec(value)
  if (/^\d+(\.\d+)?$/.test(value)) {
    ms = Number(value) * 1000
  } else if (parts && value !== '') {
    ms = 0
    for (const [index, unit] of ['h', 'm', 's', 'ms'].entries()) {
      const amount = parts[index + 1]
      if (amount !== undefined) ms += Number(amount) * (DURATION_UNITS_MS[unit] as number)
    }
  } else {
    throw new InputError(input, expected, raw)
  }
  if (!Number.isFinite(ms) || ms < minMs || ms > MAX_DURATION_MS) {
    throw new InputError(input, `${expected} and at most 24h`, raw)
  }
  return Math.round(ms)
}

/** "1 subnet", "2 subnets": a count with its noun, in English's regular plural unless one is given. */
export function counted(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`
  let seconds = Math.round(ms / 1000)
  const hours = Math.floor(seconds / 3600)
  seconds -= hours * 3600
  const minutes = Math.floor(seconds / 60)
  seconds -= minutes * 60
  return [hours ? `${hours}h` : '', minutes ? `${minutes}m` : '', seconds || (!hours && !minutes) ? `${seconds}s` : '']
    .filter(Boolean)
    .join('')
}

/** Accepts `10%` or `10`, from 0 to 100. */
export function parsePercentage(input: string, raw: string): number {
  const value = raw.trim().replace(/%$/, '').trim()
  if (!/^\d+(\.\d+)?$/.test(value) || Number(value) > 100) {
    throw new InputError(input, 'must be a percentage from 0 to 100 such as 10% or 10', raw)
  }
  return Number(value)
}

/**
 * A threshold in percent, which must carry its % sign: a bare 0.01 could mean
 * 1% or 0.01%, and a gate that guesses wrong never fires. Returns a fraction
 * (5% gives 0.05). `max` is in percent.
 */
export function parsePercentThreshold(input: string, raw: string, { max = 100 }: { max?: number } = {}): number {
  const value = raw.trim()
  const match = /^(\d+(?:\.\d+)?)\s*%$/.exec(value)
  if (!match) {
    const bare = /^\d+(\.\d+)?$/.test(value)
    throw new InputError(
      input,
      `must be a percentage with its % sign, such as 1% or 0.5%${bare ? ' (a bare number is ambiguous: is 0.01 1% or 0.01%?)' : ''}`,
      raw
    )
  }
  const percent = Number(match[1])
  if (percent > max) throw new InputError(input, `must be a percentage from 0% to ${max}%`, raw)
  return percent / 100
}

/**
 * A latency threshold, which must carry its unit (ms or s): ModelLatency is
 * published in microseconds, so a bare 250 is as likely 250 µs as 250 ms.
 * Returns milliseconds.
 */
export function parseLatencyThreshold(input: string, raw: string): number {
  const value = raw.trim()
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s)$/.exec(value)
  const ms = match ? Number(match[1]) * (match[2] === 's' ? 1000 : 1) : NaN
  if (!match || !(ms > 0) || ms > 3_600_000) {
    const bare = /^\d+(\.\d+)?$/.test(value)
    throw new InputError(
      input,
      `must be a latency with its unit, ms or s, such as 250ms or 1.5s${bare ? ' (a bare number is ambiguous: ModelLatency is published in microseconds)' : ''}`,
      raw
    )
  }
  return ms
}

export function parseInteger(input: string, raw: string, { min, max }: { min: number; max: number }): number {
  const value = raw.trim()
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new InputError(input, `must be a whole number from ${min} to ${max}`, raw)
  }
  return Number(value)
}

export function parseNumber(input: string, raw: string, { min, max }: { min: number; max: number }): number {
  const value = raw.trim()
  if (!/^\d+(\.\d+)?$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new InputError(input, `must be a number from ${min} to ${max}`, raw)
  }
  return Number(value)
}

export function parseBoolean(input: string, raw: string): boolean {
  const value = raw.trim().toLowerCase()
  if (value === 'true') return true
  if (value === 'false') return false
  throw new InputError(input, 'must be true or false', raw)
}

/** Items separated by commas or newlines; blanks are dropped. */
export function parseList(raw: string): string[] {
  return raw
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0)
}

/**
 * `key=value` pairs separated by commas or newlines. Keys must be unique.
 * With `secretValues`, a malformed entry is not quoted: it may be a value, or
 * part of one split at a comma.
 */
export function parseMap(input: string, raw: string, { secretValues = false } = {}): Map<string, string> {
  const map = new Map<string, string>()
  for (const pair of parseList(raw)) {
    const separator = pair.indexOf('=')
    const key = separator > 0 ? pair.slice(0, separator).trim() : ''
    if (!key && secretValues) {
      throw new InputError(
        input,
        'must be key=value pairs separated by commas or newlines; an entry without a key was not shown, since it may hold a value (a value cannot contain a comma: put each pair on a line of its own)'
      )
    }
    if (!key) {
      throw new InputError(input, 'must be key=value pairs separated by commas or newlines', pair)
    }
    if (map.has(key)) {
      throw new InputError(input, `has the key "${key}" twice`)
    }
    map.set(key, pair.slice(separator + 1).trim())
  }
  return map
}

export function parseEnum<T extends string>(input: string, raw: string, allowed: readonly T[]): T {
  const value = raw.trim()
  if (!(allowed as readonly string[]).includes(value)) {
    throw new InputError(input, `must be one of ${allowed.join(', ')}`, raw)
  }
  return value as T
}

/** SageMaker's pattern for endpoint, config, model and variant names. */
const SAGEMAKER_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/

export function parseSageMakerName(input: string, raw: string): string {
  const value = raw.trim()
  if (!SAGEMAKER_NAME.test(value)) {
    throw new InputError(
      input,
      'must be 1 to 63 letters, digits and hyphens, starting and ending with a letter or digit',
      raw
    )
  }
  return value
}

export function parseS3Uri(input: string, raw: string): string {
  const value = raw.trim()
  const [, bucket = '', key = ''] = (value.length <= 1024 && /^s3:\/\/([^/]*)\/(.*)$/s.exec(value)) || []
  if (
    !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket) ||
    bucket.includes('..') ||
    !/^[^\s\u0000-\u001f\u007f]+$/.test(key) ||
    // SageMaker would fetch "." and ".." segments literally, while most tools resolve them: never what was meant.
    key.split('/').some((segment) => segment === '.' || segment === '..')
  ) {
    throw new InputError(input, 'must be an S3 URI such as s3://bucket/path/model.tar.gz', raw)
  }
  return value
}

export function parseRoleArn(input: string, raw: string): string {
  const value = raw.trim()
  // A path of up to 512 characters, then a role name of at most 64.
  if (
    value.length > 700 ||
    !/^arn:aws[a-z-]*:iam::\d{12}:role\/(?:[\w+=,.@-]+\/){0,256}[\w+=,.@-]{1,64}$/.test(value)
  ) {
    throw new InputError(
      input,
      'must be an IAM role ARN such as arn:aws:iam::123456789012:role/SageMakerExecution',
      raw
    )
  }
  return value
}

/**
 * Docker's reference grammar: a registry host, lower-case path components
 * (which rules out `..` and look-alike letters), then a tag or a digest.
 */
const IMAGE_REFERENCE =
  /^[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::\d+)?(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)+(?::\w[\w.-]{0,127}|@sha256:[a-f0-9]{64})?$/

/** A container image in ECR (or any registry SageMaker can pull from with VPC access). */
export function parseImageUri(input: string, raw: string): string {
  const value = raw.trim()
  if (value.length > 255 || !IMAGE_REFERENCE.test(value)) {
    throw new InputError(
      input,
      'must be a container image such as 123456789012.dkr.ecr.us-east-1.amazonaws.com/model:1.2.0',
      raw
    )
  }
  return value
}

/**
 * InvokeEndpoint's TargetModel: the model's path under the multi-model
 * prefix, 1 to 1024 printable characters without leading whitespace
 * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_runtime_InvokeEndpoint.html).
 */
export function parseTargetModel(input: string, raw: string): string {
  const value = raw.trim()
  if (value.length > 1024 || !/^\S[\x20-\x7e]*$/.test(value)) {
    throw new InputError(input, 'must be a model path under the prefix, such as model-a.tar.gz', raw)
  }
  return value
}
