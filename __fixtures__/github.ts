// One fake GitHub REST API for a test file: started once, up and empty before each test, closed at the end.
import { afterAll, beforeAll, beforeEach } from '@jest/globals'
import { startFakeGitHub, type FakeGitHub } from '../test/github/fake-github.mjs'

/** Returns the fake (valid inside tests and hooks); requests without `token` are refused as GitHub would. */
export function useFakeGitHub(token: string): () => FakeGitHub {
  let github: FakeGitHub | undefined
  beforeAll(async () => {
    github = await startFakeGitHub({ token })
  })
  afterAll(async () => {
    await github?.close()
  })
  beforeEach(async () => {
    await github?.up()
    github?.reset()
  })
  return () => {
    if (!github) throw new Error('The fake GitHub is started in beforeAll: use it inside tests and hooks.')
    return github
  }
}
