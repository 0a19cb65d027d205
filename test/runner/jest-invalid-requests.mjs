// Jest's setupFilesAfterEnv for the end-to-end project: after every test, each
// emulator the test file started is asked for the requests it refused as AWS
// would (invalid against AWS's service models, test/emulator/emu_validation.py),
// and the test fails naming each one's operation and parameters. The action's
// requests and the tests' own are held to the same rule: a test passes only on
// calls AWS would accept. A test that sends an invalid request on purpose takes
// it back with takeInvalidRequests() from test/emulator/control.mjs, asserting
// on what it sent.
//
// Scenarios run with it.concurrent share an emulator: a request one of them
// sent may be reported after another; its operation and parameters still say
// what it was.

// @ts-check

import { afterEach, jest } from '@jest/globals'

import { describeInvalidRequests, emulatorControl } from '../emulator/control.mjs'
import { runningEmulators } from './runner.mjs'

// Starting an emulator, and stopping one (which first asks it for the requests
// it refused), can take more than jest's 5 s on a busy two-core machine; a file
// that needs longer sets its own.
jest.setTimeout(30_000)

afterEach(async () => {
  const found = []
  for (const emulator of runningEmulators()) found.push(...(await emulatorControl(emulator).takeInvalidRequests()))
  if (found.length > 0) throw new Error(describeInvalidRequests(found))
})
