// `npm run build`: bundles src/index.ts into dist/ with ncc, then writes dist/licenses.txt
// from the webpack stats of that very build: every package with a module in any chunk.
//
// Why not ncc's own `--license`: its license plugin drops the packages of the entry chunk as
// soon as the bundle has a second chunk (main.ts loads most of the code with import(), so it
// always has several). croner, imported statically on the start-up path, was missing from
// dist/licenses.txt for that reason; a one-chunk bundle of it lists it. The file keeps the
// plugin's format: name, license type, license text, sorted by name.
//
//   scripts/node24 scripts/build.ts [OUT_DIR] [--stats FILE]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface StatsModule {
  name?: string;
  modules?: StatsModule[];
}

/** Directories (relative to ROOT) of the packages that have a module in the bundle. */
export function bundledPackageDirs(stats: { modules?: StatsModule[]; chunks?: { modules?: StatsModule[] }[] }): string[] {
  const dirs = new Set<string>();
  const walk = (m: StatsModule): void => {
    const name = m.name ?? '';
    const at = name.lastIndexOf('node_modules/');
    if (at >= 0) {
      const parts = name.slice(at + 'node_modules/'.length).split('/');
      const pkg = parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
      dirs.add(`${name.slice(0, at).replace(/^\.\//, '')}node_modules/${pkg}`);
    }
    (m.modules ?? []).forEach(walk);
  };
  (stats.modules ?? []).forEach(walk);
  for (const chunk of stats.chunks ?? []) (chunk.modules ?? []).forEach(walk);
  return [...dirs].sort();
}

function licenseType(pkg: { license?: unknown; licenses?: unknown }): string | undefined {
  if (typeof pkg.license === 'string') return pkg.license;
  const typed = (v: unknown) => (v && typeof v === 'object' && typeof (v as { type?: unknown }).type === 'string' ? (v as { type: string }).type : undefined);
  return typed(pkg.license) ?? (Array.isArray(pkg.licenses) ? typed(pkg.licenses[0]) : undefined);
}

/** licenses.txt for the packages in `dirs`: name, license type, license text; sorted by name. */
export function renderLicenses(dirs: readonly string[], root = ROOT): string {
  const entries = new Map<string, string>();
  for (const dir of dirs) {
    const abs = join(root, dir);
    const pkg = JSON.parse(readFileSync(join(abs, 'package.json'), 'utf8')) as { name?: string; license?: unknown; licenses?: unknown };
    if (!pkg.name || entries.has(pkg.name)) continue;
    const file = readdirSync(abs).find((f) => /^licen[cs]e/i.test(f) && !statSync(join(abs, f)).isDirectory());
    const text = file ? readFileSync(join(abs, file), 'utf8').replace(/\r\n/g, '\n') : undefined;
    const type = licenseType(pkg);
    entries.set(pkg.name, `${pkg.name}${type ? `\n${type}` : ''}${text ? `\n${text}` : ''}\n\n`);
  }
  const names = [...entries.keys()].sort((a, b) => (a < b ? -1 : 1));
  return `${names.map((n) => entries.get(n)).join('').trim()}\n`;
}

/**
 * Builds into `out`; keeps the webpack stats at `statsFile` when given. ncc only transpiles
 * (tsconfig.json resolves as the bundler does, so each file's output is the same as with its
 * type check, byte for byte): the type check is tsc's, run by `npm run build` before this and by
 * `npm test`. ncc's own check cost ~4 s of CPU on every build, the dist check's included.
 */
export function build(out: string, statsFile?: string): void {
  const tmp = mkdtempSync(join(tmpdir(), 'ncc-stats-'));
  const stats = statsFile ?? join(tmp, 'stats.json');
  try {
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules/@vercel/ncc/dist/ncc/cli.js'), 'build', 'src/index.ts', '-o', out, '--target', 'es2022', '--transpile-only', '--no-cache', '--stats-out', stats],
      { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    const dirs = bundledPackageDirs(JSON.parse(readFileSync(stats, 'utf8')));
    writeFileSync(join(out, 'licenses.txt'), renderLicenses(dirs));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const statsAt = args.indexOf('--stats');
  const stats = statsAt >= 0 ? resolve(args[statsAt + 1]!) : undefined;
  const out = resolve(args.find((a, i) => !a.startsWith('--') && i !== statsAt + 1) ?? join(ROOT, 'dist'));
  // Type errors stop the build (ncc only transpiles).
  execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', join(ROOT, 'tsconfig.json')], { cwd: ROOT, stdio: 'inherit' });
  if (existsSync(out)) rmSync(out, { recursive: true, force: true });
  build(out, stats);
}
