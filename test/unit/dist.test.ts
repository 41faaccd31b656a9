// dist/ is what GitHub runs: it must be the build of the current source, and its
// licenses.txt must name every package bundled into it (issue 11).
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { build, bundledPackageDirs, ROOT } from '../../scripts/build.ts';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

let out: string;
let stats: string;
beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'dist-check-'));
  stats = join(mkdtempSync(join(tmpdir(), 'dist-stats-')), 'stats.json');
  build(out, stats);
}, 180_000);
afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  rmSync(join(stats, '..'), { recursive: true, force: true });
});

test('dist/ is the build of the current source (run `npm run build` and commit dist/)', () => {
  const built = files(out).map((f) => relative(out, f)).sort();
  const committed = files(join(ROOT, 'dist')).map((f) => relative(join(ROOT, 'dist'), f)).sort();
  expect(committed).toEqual(built);
  const stale = built.filter((f) => !readFileSync(join(out, f)).equals(readFileSync(join(ROOT, 'dist', f))));
  expect(stale).toEqual([]);
});

test('dist/licenses.txt names every package bundled into dist/, with its license', () => {
  const bundled = bundledPackageDirs(JSON.parse(readFileSync(stats, 'utf8'))).map(
    (dir) => JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as { name: string; license?: string },
  );
  // The runtime dependencies the source imports are among them (croner, on the start-up path, too).
  expect(bundled.map((p) => p.name)).toEqual(expect.arrayContaining(['croner', 'cronstrue', 'google-auth-library', 'node-fetch']));
  const licenses = readFileSync(join(ROOT, 'dist', 'licenses.txt'), 'utf8');
  const missing = bundled.filter((p) => !new RegExp(`(^|\\n\\n)${p.name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\n${p.license ?? ''}`).test(licenses));
  expect(missing.map((p) => p.name)).toEqual([]);
});
