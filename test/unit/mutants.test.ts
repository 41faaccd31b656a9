// The named-mutant list of `npm run mutants` cannot rot silently: every entry is
// well-formed, its search text still occurs exactly once in its src/ file, and its tests exist.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { MUTANTS, occurrences } from '../../scripts/mutants/list.ts';

describe('the named mutants', () => {
  test('names are unique and every entry is filled in', () => {
    expect(MUTANTS.length).toBeGreaterThanOrEqual(23);
    expect(new Set(MUTANTS.map((m) => m.name)).size).toBe(MUTANTS.length);
    for (const m of MUTANTS) {
      expect(m.name).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(m.breaks.length).toBeGreaterThan(10);
      expect(m.tests.length).toBeGreaterThan(0);
    }
  });

  test.each(MUTANTS.map((m) => [m.name, m] as const))('%s: the search text occurs once in its src/ file, and the replacement changes it', (_name, m) => {
    expect(m.file).toMatch(/^src\/.+\.ts$/);
    const text = readFileSync(m.file, 'utf8');
    expect(occurrences(text, m.search)).toBe(1);
    expect(m.replace).not.toBe(m.search);
    expect(occurrences(text.replace(m.search, () => m.replace), m.search)).toBe(0);
  });

  test.each(MUTANTS.map((m) => [m.name, m] as const))('%s: the tests that must kill it exist', (_name, m) => {
    for (const t of m.tests) {
      expect(t).toMatch(/^test\/.+\.test\.ts$/);
      expect(existsSync(t)).toBe(true);
    }
  });

  test('occurrences counts overlapping-free matches', () => {
    expect(occurrences('a-a-a', 'a')).toBe(3);
    expect(occurrences('abc', 'x')).toBe(0);
    expect(occurrences('aaaa', 'aa')).toBe(3);
  });
});
