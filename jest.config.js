// ESM, TypeScript stripped of its types by Node (test/strip-types.mjs); type checking is tsc's (`npm run typecheck`).
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': '<rootDir>/test/strip-types.mjs' },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // StrykerJS's sandbox copies of the repo (npm run stryker) are not part of this one.
  modulePathIgnorePatterns: ['<rootDir>/.stryker-tmp/'],
  testSequencer: '<rootDir>/test/sequencer.mjs',
  // A bound on a test that hangs, not a performance target: generous, so that a loaded machine
  // (scripts/load-test: two busy loops beside the suite) never turns a slow pass into a failure.
  testTimeout: 180000,
  // test.concurrent cases (integration tests against a local Google Cloud each) mostly wait
  // on it and on the action's backoffs: more of them at once keeps the 2 cores busy.
  maxConcurrency: 10,
};
