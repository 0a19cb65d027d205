import { describe, expect, it } from '@jest/globals'
import {
  MAX_TAGS_PER_RESOURCE,
  MAX_USER_TAGS,
  TAGS,
  TRACEABILITY_TAGS,
  tagValue,
  toTagList,
  traceabilityTags
} from '../../src/tags.js'

/** SageMaker's rule for tag keys and values. */
const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u

const RUNNER: NodeJS.ProcessEnv = {
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'acme/fraud-models',
  GITHUB_SHA: '3f786850e387550fdab836ed7e6dc881de23001b',
  GITHUB_REF: 'refs/heads/main',
  GITHUB_RUN_ID: '8811',
  GITHUB_RUN_ATTEMPT: '2'
}

describe('traceabilityTags', () => {
  it('tags the repository, commit, ref and run', () => {
    expect(traceabilityTags(RUNNER)).toEqual({
      'sagemaker-deploy:repository': 'acme/fraud-models',
      'sagemaker-deploy:commit': '3f786850e387550fdab836ed7e6dc881de23001b',
      'sagemaker-deploy:ref': 'refs/heads/main',
      'sagemaker-deploy:run-url': 'https://github.com/acme/fraud-models/actions/runs/8811/attempts/2'
    })
  })

  it('gives no tag for what the environment does not say', () => {
    expect(traceabilityTags({})).toEqual({})
    expect(traceabilityTags({ GITHUB_SHA: '  ', GITHUB_REPOSITORY: 'acme/fraud-models' })).toEqual({
      'sagemaker-deploy:repository': 'acme/fraud-models'
    })
    expect(traceabilityTags({ ...RUNNER, GITHUB_RUN_ID: '' })).not.toHaveProperty('sagemaker-deploy:run-url')
  })

  it('links the run without an attempt when the runner gives none, on the server it names', () => {
    const { GITHUB_RUN_ATTEMPT: _attempt, ...env } = RUNNER
    expect(traceabilityTags({ ...env, GITHUB_SERVER_URL: 'https://ghe.example.com/' })).toMatchObject({
      'sagemaker-deploy:run-url': 'https://ghe.example.com/acme/fraud-models/actions/runs/8811'
    })
  })

  it('makes any value one SageMaker accepts', () => {
    const tags = traceabilityTags({
      ...RUNNER,
      GITHUB_REF: 'refs/heads/fix#12,bug!2%(x)',
      GITHUB_REPOSITORY: `acme/${'r'.repeat(300)}`
    })

    for (const [key, value] of Object.entries(tags)) {
      expect(key).toMatch(TAG_TEXT)
      expect(key.length).toBeLessThanOrEqual(128)
      expect(value).toMatch(TAG_TEXT)
      expect(value.length).toBeLessThanOrEqual(256)
    }
    expect(tags['sagemaker-deploy:ref']).toBe('refs/heads/fix_12_bug_2__x_')
    expect(tags['sagemaker-deploy:repository']).toHaveLength(256)
  })
})

describe('tagValue', () => {
  it('keeps letters of any script, digits, spaces and the allowed signs', () => {
    expect(tagValue('Modèle 7: ü/ß=+@-_.')).toBe('Modèle 7: ü/ß=+@-_.')
  })

  it('replaces control characters and cuts at 256 characters without splitting one', () => {
    expect(tagValue('a\nb\tc')).toBe('a_b_c')
    const value = tagValue('𝒳'.repeat(300))
    expect(Array.from(value)).toHaveLength(256)
    expect(value).toMatch(TAG_TEXT)
  })
})

describe('tag budget', () => {
  it("leaves room on an endpoint config for the workflow's tags, the bookkeeping and the traceability tags", () => {
    expect(MAX_TAGS_PER_RESOURCE).toBe(50)
    // A paused canary config of an existing model holds all six bookkeeping tags and the four traceability tags.
    expect(Object.keys(TAGS)).toHaveLength(6)
    expect(Object.keys(TRACEABILITY_TAGS)).toHaveLength(4)
    expect(MAX_USER_TAGS).toBe(40)
  })

  it('keeps every key the action owns under its own prefix, and each key once', () => {
    const keys = [...Object.values(TAGS), ...Object.values(TRACEABILITY_TAGS)]
    for (const key of keys) expect(key).toMatch(/^sagemaker-deploy:[a-z-]+$/)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('lists tags as SageMaker takes them', () => {
    expect(toTagList({ a: '1', b: '' })).toEqual([
      { Key: 'a', Value: '1' },
      { Key: 'b', Value: '' }
    ])
  })
})
