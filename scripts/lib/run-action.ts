// Runs the bundled action exactly as the GitHub runner does: a fresh Node process on
// dist/index.js, inputs as INPUT_<NAME> with action.yml's defaults applied, and the
// runner's files for outputs and the job summary. Shared by the tests, the demo and the bench.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/**
 * Node 24 itself, spawned directly as the runner does (scripts/node24 is a shell wrapper that
 * starts a Node process of its own to check the version: ~75 ms that a runner never pays).
 * The tests and scripts already run on a new enough Node (through scripts/node24): this one.
 */
export const NODE24 = Number(process.versions.node.split('.')[0]) >= 22 ? process.execPath : join(ROOT, 'scripts', 'node24');
/** The bundle to run: dist/ (what GitHub runs), or another build of it (CLOUD_RUN_CRON_DIST). */
export const BUNDLE = join(process.env.CLOUD_RUN_CRON_DIST ?? join(ROOT, 'dist'), 'index.js');

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** ms from spawn to exit. */
  wallMs: number;
  /** Epoch ms just before spawn (for start-up measurements). */
  spawnedAt: number;
}

let defaults: { text: string; values: Record<string, string> } | undefined;

/** action.yml's defaults, as the runner applies them (parsed again only when the file changed). */
export function actionDefaults(): Record<string, string> {
  const text = readFileSync(join(ROOT, 'action.yml'), 'utf8');
  if (defaults?.text !== text) {
    const action = parse(text) as { inputs: Record<string, { default?: string }> };
    defaults = { text, values: Object.fromEntries(Object.entries(action.inputs).map(([name, spec]) => [name, spec.default ?? ''])) };
  }
  return { ...defaults.values };
}

/** The runner's GITHUB_OUTPUT file format: name<<DELIMITER ... DELIMITER. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]!);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1);
      outputs[heredoc[1]!] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (lines[i]!.includes('=')) {
      const at = lines[i]!.indexOf('=');
      outputs[lines[i]!.slice(0, at)] = lines[i]!.slice(at + 1);
    }
  }
  return outputs;
}

export interface RunOptions {
  inputs: Record<string, string>;
  /** The fake's env() and anything else (GITHUB_REPOSITORY, ...). */
  env: Record<string, string>;
  /** Apply action.yml defaults like the runner (default true). */
  applyDefaults?: boolean;
  /** Echo the action's stdout/stderr as it runs. */
  echo?: boolean;
  /**
   * Let Node keep the bundle's compiled code between runs (NODE_COMPILE_CACHE): the tests run
   * the action hundreds of times. Off by default: a runner starts cold, and the bench measures that.
   */
  compileCache?: boolean;
}

/** Where compileCache keeps Node's compiled code (per checkout; Node keys it by file content). */
export const COMPILE_CACHE_DIR = join(ROOT, 'node_modules', '.cache', 'node-compile-cache');

export async function runAction(opts: RunOptions): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'cloud-run-cron-'));
  const outputFile = join(dir, 'output');
  const summaryFile = join(dir, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const inputs = { ...(opts.applyDefaults === false ? {} : actionDefaults()), ...opts.inputs };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_RUN_ID: String(Date.now()),
    GITHUB_RUN_ATTEMPT: '1',
    RUNNER_TEMP: dir,
    ...(opts.compileCache ? { NODE_COMPILE_CACHE: COMPILE_CACHE_DIR } : {}),
    ...opts.env,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  const spawnedAt = Date.now();
  const t0 = performance.now();
  const child = spawn(NODE24, [BUNDLE], { env, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d;
    if (opts.echo) process.stdout.write(d);
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d;
    if (opts.echo) process.stderr.write(d);
  });
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  const wallMs = performance.now() - t0;
  const result: ActionRun = {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    wallMs,
    spawnedAt,
  };
  rmSync(dir, { recursive: true, force: true });
  return result;
}
