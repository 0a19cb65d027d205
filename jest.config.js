// Two projects: fast unit tests against aws-sdk-client-mock, and end-to-end
// tests that run the bundled dist/index.js against the moto emulator.
const tsJest = {
  '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json', diagnostics: false }]
}
const shared = {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: tsJest
}

export default {
  // Scenarios that wait real minutes for CloudWatch run side by side (it.concurrent).
  maxConcurrency: 16,
  // End-to-end files mostly wait (on the emulator's transitions and CloudWatch's minutes), so
  // more files run at once than there are cores; the default, one fewer than the cores, leaves
  // a two-core CI machine running them one by one.
  maxWorkers: 4,
  // The files that wait real minutes first: a run is as long as its longest file and what started before it.
  testSequencer: '<rootDir>/test/runner/sequencer.mjs',
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/__tests__/unit/**/*.test.ts'] },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/__tests__/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/test/runner/jest-global-setup.mjs',
      // Every test fails on a request AWS would refuse, the action's or its own.
      setupFilesAfterEnv: ['<rootDir>/test/runner/jest-invalid-requests.mjs']
    }
  ]
}
