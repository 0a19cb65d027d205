import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { DescribeEndpointCommand, UpdateEndpointCommand } from '@aws-sdk/client-sagemaker'
import type { RetryErrorInfo, RetryStrategyV2, RetryToken } from '@smithy/types'
import { createAwsClients, retryingThrottlesOnly } from '../../src/aws/clients.js'

describe('the client for endpoint changes', () => {
  const token = { getRetryCount: () => 0 } as unknown as RetryToken
  const inner = (): RetryStrategyV2 & { refreshed: RetryErrorInfo[] } => {
    const refreshed: RetryErrorInfo[] = []
    return {
      refreshed,
      acquireInitialRetryToken: async () => token,
      refreshRetryTokenForRetry: async (_token, info) => {
        refreshed.push(info)
        return token
      },
      recordSuccess: () => undefined
    }
  }

  it('hands a throttle to the SDK strategy, and refuses to retry anything else', async () => {
    const strategy = inner()
    const wrapped = retryingThrottlesOnly(strategy)
    const throttle: RetryErrorInfo = { errorType: 'THROTTLING', error: new Error('Rate exceeded') } as RetryErrorInfo
    await expect(wrapped.refreshRetryTokenForRetry(token, throttle)).resolves.toBe(token)
    for (const errorType of ['TRANSIENT', 'SERVER_ERROR', 'CLIENT_ERROR'] as const) {
      await expect(
        wrapped.refreshRetryTokenForRetry(token, { errorType, error: new Error(errorType) } as RetryErrorInfo)
      ).rejects.toThrow(errorType)
    }
    expect(strategy.refreshed).toEqual([throttle])
  })

  describe('against a server that answers every request with a 500', () => {
    let server: Server
    let requests: string[]
    let url: string
    beforeAll(async () => {
      server = createServer((request, response) => {
        requests.push(String(request.headers['x-amz-target']))
        response.writeHead(500, { 'content-type': 'application/x-amz-json-1.1' })
        response.end(JSON.stringify({ __type: 'InternalFailure', message: 'lost' }))
      })
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    })
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))
    beforeEach(() => {
      requests = []
      process.env.AWS_ENDPOINT_URL = url
      process.env.AWS_ACCESS_KEY_ID = 'testing'
      process.env.AWS_SECRET_ACCESS_KEY = 'testing'
    })
    afterEach(() => {
      for (const name of ['AWS_ENDPOINT_URL', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']) delete process.env[name]
    })

    it('sends an UpdateEndpoint once and gives the action its error, where a describe is retried', async () => {
      const clients = createAwsClients('us-east-1')
      try {
        await expect(
          clients.sagemakerChanges.send(new UpdateEndpointCommand({ EndpointName: 'ep', EndpointConfigName: 'c' }))
        ).rejects.toMatchObject({ name: 'InternalFailure', $metadata: { httpStatusCode: 500 } })
        expect(requests).toEqual(['SageMaker.UpdateEndpoint'])

        // The ordinary client retries the same answer (first retry only: its backoff is real time).
        requests = []
        const abort = new AbortController()
        const describe = clients.sagemaker.send(new DescribeEndpointCommand({ EndpointName: 'ep' }), {
          abortSignal: abort.signal
        })
        while (requests.length < 2) await new Promise((resolve) => setTimeout(resolve, 5))
        abort.abort()
        await expect(describe).rejects.toBeDefined()
        expect(requests.slice(0, 2)).toEqual(['SageMaker.DescribeEndpoint', 'SageMaker.DescribeEndpoint'])
      } finally {
        for (const client of Object.values(clients)) if (typeof client !== 'function') client.destroy()
      }
    })
  })
})
