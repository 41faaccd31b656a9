// `npm test`'s dist step: dist/ is what GitHub runs, so it must be the build of the current
// source, and dist/licenses.txt must name every package bundled into it. One ncc build into a
// temporary directory, compared file by file with the committed dist/. It runs beside jest in
// scripts/test (not among the unit tests: a full build is the slowest check, and a contributor
// running `npm run jest -- test/unit` should not wait for it).
//
//   scripts/node24 scripts/check-dist.ts      exit 0 when current; else the problems, exit 1
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, bundledPackageDirs, ROOT } from './build.ts';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** What differs between a fresh build and the committed dist/, as sentences; [] when current. */
export function staleFiles(built: string, committed: string): string[] {
  const builtFiles = files(built).map((f) => relative(built, f)).sort();
  const committedFiles = files(committed).map((f) => relative(committed, f)).sort();
  const problems: string[] = [];
  for (const f of builtFiles.filter((f) => !committedFiles.includes(f))) problems.push(`dist/${f} is missing`);
  for (const f of committedFiles.filter((f) => !builtFiles.includes(f))) problems.push(`dist/${f} is not part of the build`);
  for (const f of builtFiles.filter((f) => committedFiles.includes(f))) {
    if (!readFileSync(join(built, f)).equals(readFileSync(join(committed, f)))) problems.push(`dist/${f} differs from the build`);
  }
  return problems;
}

/** Packages bundled (per the build's webpack stats) that licenses.txt does not name with their license. */
export function unlicensed(packages: readonly { name: string; license?: string }[], licenses: string): string[] {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return packages.filter((p) => !new RegExp(`(^|\\n\\n)${escape(p.name)}\\n${escape(p.license ?? '')}`).test(licenses)).map((p) => p.name);
}

function main(): void {
  const out = mkdtempSync(join(tmpdir(), 'dist-check-'));
  const statsDir = mkdtempSync(join(tmpdir(), 'dist-stats-'));
  try {
    const stats = join(statsDir, 'stats.json');
    build(out, stats);
    const problems = staleFiles(out, join(ROOT, 'dist'));
    const bundled = bundledPackageDirs(JSON.parse(readFileSync(stats, 'utf8'))).map(
      (dir) => JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as { name: string; license?: string },
    );
    // The runtime dependencies the source imports must be among them: else the stats are not the bundle's.
    for (const name of ['croner', 'cronstrue', 'google-auth-library']) {
      if (!bundled.some((p) => p.name === name)) problems.push(`the build's module list lacks ${name}: is it still a bundle of src/?`);
    }
    for (const name of unlicensed(bundled, readFileSync(join(ROOT, 'dist', 'licenses.txt'), 'utf8'))) {
      problems.push(`dist/licenses.txt does not name ${name} with its license`);
    }
    if (problems.length) {
      console.error(`dist/ is not the build of the current source: run \`npm run build\` and commit dist/.\n  ${problems.join('\n  ')}`);
      process.exit(1);
    }
    console.log(`dist/ is the build of the current source (${bundled.length} bundled packages, each in licenses.txt)`);
  } finally {
    rmSync(out, { recursive: true, force: true });
    rmSync(statsDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
