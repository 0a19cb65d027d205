/** AWS failures rewritten to name the call, the resource and AWS's error code. */

export class AwsCallError extends Error {
  constructor(
    readonly api: string,
    readonly resource: string,
    readonly code: string,
    readonly awsMessage: string,
    options?: { cause: unknown }
  ) {
    super(`${api} on ${resource} failed: ${code}: ${awsMessage}`, options)
    this.name = 'AwsCallError'
  }
}

export function errorCode(error: unknown): string {
  if (error instanceof AwsCallError) return error.code
  if (error && typeof error === 'object' && 'name' in error && typeof error.name === 'string') return error.name
  return 'UnknownError'
}

export function errorMessage(error: unknown): string {
  if (error instanceof AwsCallError) return error.awsMessage
  return error instanceof Error ? error.message : String(error)
}

/** SageMaker answers "not found" with a ValidationException, not a dedicated code. */
export function isNotFound(error: unknown): boolean {
  const code = errorCode(error)
  if (code === 'ResourceNotFound' || code === 'ResourceNotFoundException' || code === 'ObjectNotFoundException') {
    return true
  }
  return code === 'ValidationException' && /could not find|not found|does not exist/i.test(errorMessage(error))
}

/**
 * An error after which the request may still have been carried out: its
 * answer was lost (a server error, a dropped connection, a timeout) rather
 * than a refusal. The SDK retries such a request, so a create or an update
 * can be applied once and then refused, or fail, on the retry.
 */
export function answerMayBeLost(error: unknown): boolean {
  const original = error instanceof AwsCallError ? error.cause : error
  if (!original || typeof original !== 'object') return false
  const { $fault, $metadata } = original as { $fault?: string; $metadata?: { httpStatusCode?: number } }
  if ($fault === 'server') return true
  const status = $metadata?.httpStatusCode
  if (status !== undefined) return status >= 500
  // No HTTP answer at all: the connection dropped or timed out after the request was sent.
  return (
    $metadata !== undefined ||
    /ECONNRESET|EPIPE|ETIMEDOUT|socket hang up|TimeoutError|AbortError/i.test(
      `${(original as { code?: string }).code ?? ''} ${(original as { name?: string }).name ?? ''} ${errorMessage(original)}`
    )
  )
}

/** SageMaker refuses to create a resource whose name is taken: "Cannot create already existing ...". */
export function isAlreadyExists(error: unknown): boolean {
  return (
    /^(ValidationException|ResourceInUse|ConflictException)$/.test(errorCode(error)) &&
    /already exist/i.test(errorMessage(error))
  )
}

/** Credentials that expired mid-run: the message must say what to do about it. */
export function isExpiredCredentials(error: unknown): boolean {
  return /^(ExpiredToken|ExpiredTokenException|RequestExpired)$/.test(errorCode(error))
}

/** Runs one AWS request and, if it fails, throws an AwsCallError that says which one. */
export async function awsCall<T>(api: string, resource: string, request: () => Promise<T>): Promise<T> {
  try {
    return await request()
  } catch (error) {
    if (error instanceof AwsCallError) throw error
    throw new AwsCallError(api, resource, errorCode(error), errorMessage(error), { cause: error })
  }
}

/**
 * Every item of a paginated call, following NextToken to the last page: on a
 * large account the first page is not the whole answer.
 */
export async function collectPages<Page extends { NextToken?: string | undefined }, Item>(
  api: string,
  resource: string,
  request: (page: { NextToken?: string }) => Promise<Page>,
  items: (page: Page) => readonly Item[] | undefined
): Promise<Item[]> {
  const collected: Item[] = []
  let token: string | undefined
  do {
    const page: Page | undefined = await awsCall(api, resource, () => request(token ? { NextToken: token } : {}))
    collected.push(...((page && items(page)) ?? []))
    token = page?.NextToken ?? undefined
  } while (token)
  return collected
}
