// ESM + ts-jest; type checking is `npm run typecheck`, so jest only transpiles (isolatedModules).
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.test.json' }] },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // StrykerJS's sandbox copies of the repo (npm run stryker) are not part of this one.
  modulePathIgnorePatterns: ['<rootDir>/.stryker-tmp/'],
  testSequencer: '<rootDir>/test/sequencer.mjs',
  testTimeout: 60000,
  // test.concurrent cases (integration tests against a local Google Cloud each) mostly wait
  // on it and on the action's backoffs: more of them at once keeps the 2 cores busy.
  maxConcurrency: 10,
};
