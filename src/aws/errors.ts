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
