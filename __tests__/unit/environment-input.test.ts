/**
 * model-environment values may be secrets: a malformed entry, which may be a
 * value or part of one split at a comma, is refused without being quoted.
 */
import { describe, expect, it } from '@jest/globals'
import { parseSettings } from '../../src/inputs.js'

const SECRET = 'sk-live-0a1b2c3d4e5f6a7b'

function parseDeploy(environment: string): () => unknown {
  const inputs: Record<string, string> = {
    operation: 'deploy',
    'endpoint-name': 'fraud',
    region: 'us-east-1',
    'image-uri': '123456789012.dkr.ecr.us-east-1.amazonaws.com/model:2.0.0',
    'model-environment': environment
  }
  return () => parseSettings((name) => inputs[name] ?? '', {})
}

describe('a malformed model-environment', () => {
  it.each([
    ['a value split at a comma', `API_TOKEN=abc,${SECRET}`],
    ['a value without its key', SECRET],
    ['a key that is part of a value', `AUTH=Bearer x,${SECRET} tail=1`]
  ])('is refused without quoting it: %s', (_case, environment) => {
    const parse = parseDeploy(environment)

    expect(parse).toThrow(/^Input "model-environment" /)
    try {
      parse()
    } catch (error) {
      expect(String(error)).not.toContain(SECRET)
    }
  })

  it('other map inputs still quote what they could not read', () => {
    expect(() =>
      parseSettings(
        (name) =>
          ({
            operation: 'update-traffic',
            'endpoint-name': 'fraud',
            region: 'us-east-1',
            'variant-weights': 'blue'
          })[name] ?? '',
        {}
      )
    ).toThrow('Input "variant-weights" must be key=value pairs separated by commas or newlines; got "blue".')
  })
})
