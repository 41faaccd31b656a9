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
  testTimeout: 60000,
  // test.concurrent cases (integration tests against a local Google Cloud each) mostly wait
  // on it and on the action's backoffs: more of them at once keeps the 2 cores busy.
  maxConcurrency: 10,
};
