// npm run mutants [-- --only a,b] [--no-baseline] [--keep]: applies each named critical mutation of
// scripts/mutants/list.ts to a scratch copy of the repository, rebuilds the bundle there, runs the
// tests named for it, and prints one line per mutant (killed by which test, or survived), then
// `N killed, M survived`. Exits non-zero if a mutant survived, a search text is missing, or the
// unmutated baseline fails its tests. Slow (a bundle per mutant): not part of `npm test`.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MUTANTS, occurrences } from './mutants/list.ts';

const ROOT = resolve(import.meta.dirname, '..');
/** Left out of the scratch copy: node_modules is linked, the rest is output or history. */
const SKIP = new Set(['node_modules', 'dist', '.git', '.stryker-tmp', 'reports', 'coverage', '.bench', 'build']);

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};

function sh(cwd: string, args: string[]): { status: number; out: string } {
  // The scratch copy's own dist/, whatever the caller's environment points at.
  const env = { ...process.env };
  delete env.CLOUD_RUN_CRON_DIST;
  const r = spawnSync(join(cwd, 'scripts/node24'), args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status ?? 1, out: (r.stdout ?? '') + (r.stderr ?? '') };
}

function build(dir: string): void {
  rmSync(join(dir, 'dist'), { recursive: true, force: true });
  // As `npm run build` does (ncc's --transpile-only would emit CommonJS, which cannot hold the
  // entry's top-level await): a mutant must type-check too.
  const r = sh(dir, ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build', 'src/index.ts', '-o', 'dist', '--target', 'es2022', '--quiet']);
  if (r.status !== 0) throw new Error(`the bundle did not build:\n${r.out}`);
}

interface JestResult {
  success: boolean;
  testResults: { name: string; status: string; message: string; assertionResults: { fullName: string; status: string }[] }[];
}

/** Runs the test files; answers the failed tests ("file › name"), or a crash message. */
function runTests(dir: string, tests: string[]): { failed: string[]; crashed?: string } {
  const out = join(dir, '.jest-result.json');
  rmSync(out, { force: true });
  const r = sh(dir, ['--experimental-vm-modules', '--no-warnings', 'node_modules/jest/bin/jest.js', '--ci', '--maxWorkers=1', '--json', `--outputFile=${out}`, ...tests]);
  let result: JestResult;
  try {
    result = JSON.parse(readFileSync(out, 'utf8')) as JestResult;
  } catch {
    return { failed: [], crashed: r.out.slice(-2000) };
  }
  const failed: string[] = [];
  for (const file of result.testResults) {
    const rel = file.name.slice(dir.length + 1);
    const names = file.assertionResults.filter((a) => a.status === 'failed').map((a) => `${rel} › ${a.fullName}`);
    failed.push(...(names.length ? names : file.status === 'failed' ? [`${rel} (${file.message.split('\n')[0] || 'failed to run'})`] : []));
  }
  return { failed };
}

function main(): number {
  const only = option('only')?.split(',');
  const chosen = MUTANTS.filter((m) => !only || only.includes(m.name));
  if (only && chosen.length !== only.length) {
    console.error(`unknown mutant(s): ${only.filter((n) => !MUTANTS.some((m) => m.name === n)).join(', ')}`);
    return 2;
  }
  // A search text that is gone (or ambiguous) fails before anything is built.
  const rotten = chosen.filter((m) => occurrences(readFileSync(join(ROOT, m.file), 'utf8'), m.search) !== 1);
  for (const m of rotten) console.log(`${m.name}: search text not found exactly once in ${m.file}: ${JSON.stringify(m.search)}`);
  if (rotten.length) return 2;

  const dir = mkdtempSync(join(tmpdir(), 'cloud-run-cron-mutants-'));
  const started = Date.now();
  try {
    cpSync(ROOT, dir, { recursive: true, filter: (src) => !SKIP.has(src.slice(ROOT.length + 1).split('/')[0]!) });
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));

    if (!flag('no-baseline')) {
      // The named tests must pass on the unmutated code, or a "kill" would mean nothing.
      build(dir);
      const tests = [...new Set(chosen.flatMap((m) => m.tests))];
      const base = runTests(dir, tests);
      if (base.crashed || base.failed.length) {
        console.log(`baseline: the named tests fail without any mutation:\n  ${base.crashed ?? base.failed.join('\n  ')}`);
        return 2;
      }
      console.log(`baseline: ${tests.length} test file(s) pass unmutated`);
    }

    let killed = 0;
    for (const m of chosen) {
      const file = join(dir, m.file);
      const original = readFileSync(file, 'utf8');
      writeFileSync(file, original.replace(m.search, () => m.replace));
      const t0 = Date.now();
      try {
        build(dir);
        const r = runTests(dir, m.tests);
        const secs = ((Date.now() - t0) / 1000).toFixed(0);
        if (r.failed.length) {
          killed++;
          console.log(`killed    ${m.name} (${secs}s) by ${r.failed[0]}${r.failed.length > 1 ? ` (+${r.failed.length - 1} more)` : ''}`);
        } else if (r.crashed) {
          killed++;
          console.log(`killed    ${m.name} (${secs}s): the test run crashed: ${r.crashed.split('\n').find(Boolean) ?? ''}`);
        } else {
          console.log(`survived  ${m.name} (${secs}s): ${m.breaks}; ${m.tests.join(', ')} still pass`);
        }
      } catch (err) {
        // A mutant that does not even bundle proves nothing about the tests: fix its entry.
        const lines = (err as Error).message.split('\n');
        console.log(`survived  ${m.name}: ${lines[0]} ${lines.find((l) => /error TS\d+/.test(l)) ?? lines[1] ?? ''}`);
      } finally {
        writeFileSync(file, original);
      }
    }
    console.log(`(${((Date.now() - started) / 1000).toFixed(0)}s)`);
    console.log(`${killed} killed, ${chosen.length - killed} survived`);
    return killed === chosen.length ? 0 : 1;
  } finally {
    if (flag('keep')) console.log(`scratch copy kept at ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = main();
