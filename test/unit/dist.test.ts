// dist/ is what GitHub runs: it must be the build of the current source.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { NODE24, ROOT } from '../../scripts/lib/run-action.ts';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

test('dist/ is the build of the current source (run `npm run build` and commit dist/)', () => {
  const out = mkdtempSync(join(tmpdir(), 'dist-check-'));
  try {
    execFileSync(
      NODE24,
      [join(ROOT, 'node_modules/@vercel/ncc/dist/ncc/cli.js'), 'build', 'src/index.ts', '-o', out, '--license', 'licenses.txt', '--target', 'es2022', '--quiet'],
      { cwd: ROOT, stdio: 'pipe' },
    );
    const built = files(out).map((f) => relative(out, f)).sort();
    const committed = files(join(ROOT, 'dist')).map((f) => relative(join(ROOT, 'dist'), f)).sort();
    expect(committed).toEqual(built);
    const stale = built.filter((f) => !readFileSync(join(out, f)).equals(readFileSync(join(ROOT, 'dist', f))));
    expect(stale).toEqual([]);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}, 120_000);
