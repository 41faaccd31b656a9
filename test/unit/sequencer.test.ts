// The test order names the files that take longest (test/sequencer.mjs): a renamed or removed
// one would silently drop to the end of a fresh checkout's run, where it ran alone.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error: a plain ESM module of jest's configuration, without types
import { FIRST } from '../sequencer.mjs';

test.each(FIRST as string[])('%s, started first, exists', (file) => {
  expect(existsSync(join(import.meta.dirname, '..', file))).toBe(true);
});
