// Survivors of the StrykerJS run on src/config that matter: a memory or time zone
// with trailing or leading garbage must be refused, not read by its valid prefix or suffix.
import { describe, expect, test } from '@jest/globals';
import { cpuCores, isTimeZone, memoryBytes } from '../../src/config/rules.js';

describe('memory', () => {
  test.each(['512Mix', '512Mi ', '1Gib', '2GB', '512'])('%j is not a memory size', (text) => {
    expect(memoryBytes(text)).toBeUndefined();
  });
  test('the bounds 128Mi and 32Gi are inside', () => {
    expect(memoryBytes('128Mi')).toBe(128 * 2 ** 20);
    expect(memoryBytes('32Gi')).toBe(32 * 2 ** 30);
    expect(memoryBytes('127Mi')).toBeUndefined();
    expect(memoryBytes('33Gi')).toBeUndefined();
  });
});

describe('cpu', () => {
  test.each([['1', 1], ['1000m', 1], ['80m', 0.08], ['999m', 0.999], ['2', 2]])('%j is %d cores', (text, cores) => {
    expect(cpuCores(text)).toBe(cores);
  });
  test.each(['79m', '3', '1.5', 'x'])('%j is not a CPU count Cloud Run accepts', (text) => {
    expect(cpuCores(text)).toBeUndefined();
  });
});

describe('time zone', () => {
  test.each(['Europe/Berlin', 'Etc/UTC', 'America/Argentina/Buenos_Aires'])('%j is a zone', (zone) => {
    expect(isTimeZone(zone)).toBe(true);
  });
  test.each(['+01:00', '-0300', 'europe/berlin', 'Europe/Atlantis', ''])('%j is not', (zone) => {
    expect(isTimeZone(zone)).toBe(false);
  });
});
