// ESLint flat config: @eslint/js recommended for everything, typescript-eslint's
// recommended rules for TypeScript (src, test, fake, scripts), plain Node globals for the
// JavaScript examples. Type-aware rules are left out on purpose: `npm run typecheck` is
// the type gate, and lint stays fast.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

// The Node globals the JavaScript files use (the `globals` package is not a direct
// dependency; TypeScript files need none of this, tsc checks names there).
const node = Object.fromEntries(
  [
    'process', 'console', 'Buffer', 'URL', 'URLSearchParams', 'AbortSignal', 'AbortController',
    'fetch', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate',
    'structuredClone', 'TextEncoder', 'TextDecoder', 'globalThis',
  ].map((name) => [name, 'readonly']),
);

export default defineConfig(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'build/**',
      'coverage/**',
      '.bench/**',
      '.stryker-tmp/**',
      'reports/**',
      '.cloud-run-cron/**',
      'examples/**/node_modules/**',
      'examples/**/dist/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: node, ecmaVersion: 2024, sourceType: 'module' },
  },
  {
    rules: {
      // `_`-prefixed names are deliberate placeholders (unused parameters, skipped
      // destructured fields); anything else unused is a real finding.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // The action writes to the runner only through src/report/runner.ts: its logLine is the one
    // function that writes a plain log line, so no text from elsewhere can become a command.
    files: ['src/**/*.ts'],
    ignores: ['src/report/runner.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: '@actions/core', message: 'Write to the runner through src/report/runner.ts.' }] }],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'stdout', message: 'Log through src/report/runner.ts (logLine).' },
        { object: 'console', property: 'log', message: 'Log through src/report/runner.ts (logLine).' },
        { object: 'console', property: 'info', message: 'Log through src/report/runner.ts (logLine).' },
      ],
    },
  },
  {
    // Tests and the local fake work with loosely typed JSON on purpose.
    files: ['test/**/*.ts', 'fake/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Terse assertions such as `expect(a), expect(b)` are a matter of style in tests.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
);
