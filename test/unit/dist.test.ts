// The dist check itself (scripts/check-dist.ts, its own step of `npm test`): it must notice a
// stale, missing or extra file in dist/ and a bundled package missing from licenses.txt.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from '@jest/globals';
import { staleFiles, unlicensed } from '../../scripts/check-dist.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dist-tree-'));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

test('a dist/ equal to the build is current', () => {
  const files = { 'index.js': 'a', 'sub/1.index.js': 'b', 'licenses.txt': 'l' };
  expect(staleFiles(tree(files), tree(files))).toEqual([]);
});

test('a changed, missing or extra file in dist/ is named', () => {
  const built = tree({ 'index.js': 'new', '1.index.js': 'b', '2.index.js': 'c' });
  const committed = tree({ 'index.js': 'old', '1.index.js': 'b', '3.index.js': 'gone' });
  expect(staleFiles(built, committed)).toEqual(['dist/2.index.js is missing', 'dist/3.index.js is not part of the build', 'dist/index.js differs from the build']);
});

test('a bundled package without its license in licenses.txt is named', () => {
  const licenses = 'croner\nMIT\nThe MIT License...\n\nyaml\nISC\n...';
  expect(unlicensed([{ name: 'croner', license: 'MIT' }, { name: 'yaml', license: 'ISC' }], licenses)).toEqual([]);
  expect(unlicensed([{ name: 'croner', license: 'MIT' }, { name: 'cronstrue', license: 'MIT' }, { name: 'yaml', license: 'MIT' }], licenses)).toEqual(['cronstrue', 'yaml']);
});
