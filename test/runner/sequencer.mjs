// Jest's order for this project's tests: the end-to-end files that wait real
// minutes for CloudWatch start first. A run lasts as long as its longest file
// plus whatever started before it; without timings from an earlier run (a
// clean CI clone has none), Jest starts the largest files first, and the
// longest waits began minutes late. The rest keep Jest's own order.
import Sequencer from '@jest/test-sequencer'

/** Longest first: each waits real minutes, most of them for CloudWatch's publication delay. */
const LONG_POLES = ['evidence.test.ts', 'asynchronous.test.ts', 'strategies.test.ts', 'components.test.ts']

const rank = (path) => {
  const index = LONG_POLES.findIndex((name) => path.endsWith(`/e2e/${name}`))
  return index === -1 ? LONG_POLES.length : index
}

export default class LongPolesFirst extends Sequencer {
  async sort(tests) {
    const ordered = await super.sort(tests)
    // Array.prototype.sort is stable: within a rank, Jest's order stands.
    return [...ordered].sort((a, b) => rank(a.path) - rank(b.path))
  }
}
