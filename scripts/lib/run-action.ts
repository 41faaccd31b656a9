// Runs the bundled action exactly as the GitHub runner does: a fresh Node process on
// dist/index.js, inputs as INPUT_<NAME> with action.yml's defaults applied, and the
// runner's files for outputs and the job summary. Shared by the tests, the demo and the bench.
import { spawn, type ChildProcess } from 'node:child_process';
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

let defaults: Record<string, string> | undefined;

/** action.yml's defaults, as the runner applies them (read once per process). */
export function actionDefaults(): Record<string, string> {
  if (!defaults) {
    const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> };
    defaults = Object.fromEntries(Object.entries(action.inputs).map(([name, spec]) => [name, spec.default ?? '']));
  }
  return { ...defaults };
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
    GITHUB_REPOSITORY_ID: '2000002',
    GITHUB_RUN_ID: String(Date.now()),
    GITHUB_RUN_ATTEMPT: '1',
    RUNNER_TEMP: dir,
    ...(opts.compileCache ? { NODE_COMPILE_CACHE: COMPILE_CACHE_DIR } : {}),
    ...opts.env,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  let stdout = '';
  let stderr = '';
  const output = (stream: 'stdout' | 'stderr', data: string): void => {
    if (stream === 'stdout') stdout += data;
    else stderr += data;
    if (opts.echo) process[stream].write(data);
  };
  const { code, wallMs, spawnedAt } = await startViaSpawner(NODE24, [BUNDLE], env, dir, output);
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

type Output = (stream: 'stdout' | 'stderr', data: string) => void;
interface Exit {
  code: number;
  wallMs: number;
  /** Epoch ms just before the process was started. */
  spawnedAt: number;
}

type SpawnerMessage =
  | { id: number; type: 'spawned'; at: number }
  | { id: number; type: 'stdout' | 'stderr'; data: string }
  | { id: number; type: 'close'; code: number; wallMs: number };

const SPAWNER = join(ROOT, 'scripts', 'lib', 'spawner.mjs');
/** How long the spawner waits for the next start before it is let go. */
const SPAWNER_IDLE_MS = 500;
let spawner: { process: ChildProcess; pending: Map<number, (m: SpawnerMessage) => void>; idle?: NodeJS.Timeout } | undefined;
let nextId = 1;

/**
 * Starts the process through the spawner (scripts/lib/spawner.mjs: starting it from a big
 * process such as a jest worker is slow), which this starts when there is none. While a start
 * is pending the spawner keeps this process alive; idle for SPAWNER_IDLE_MS, it is let go.
 */
function startViaSpawner(command: string, args: string[], env: Record<string, string>, cwd: string, output: Output): Promise<Exit> {
  if (!spawner) {
    const proc = spawn(NODE24, [SPAWNER], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const started = { process: proc, pending: new Map<number, (m: SpawnerMessage) => void>() };
    proc.on('message', (m: SpawnerMessage) => started.pending.get(m.id)?.(m));
    proc.on('exit', () => {
      if (spawner === started) spawner = undefined;
      for (const handle of started.pending.values()) handle({ id: 0, type: 'close', code: 1, wallMs: 0 });
    });
    proc.unref();
    spawner = started;
  }
  const s = spawner;
  clearTimeout(s.idle);
  s.process.channel?.ref();
  const id = nextId++;
  let spawnedAt = Date.now();
  return new Promise<Exit>((resolve) => {
    s.pending.set(id, (m) => {
      if (m.type === 'spawned') spawnedAt = m.at;
      else if (m.type === 'stdout' || m.type === 'stderr') output(m.type, m.data);
      else if (m.type === 'close') {
        s.pending.delete(id);
        if (s.pending.size === 0) {
          s.process.channel?.unref();
          s.idle = setTimeout(() => {
            if (spawner === s) spawner = undefined; // the next start gets a new one
            if (s.process.connected) s.process.disconnect();
          }, SPAWNER_IDLE_MS).unref();
        }
        resolve({ code: m.code, wallMs: m.wallMs, spawnedAt });
      }
    });
    s.process.send({ id, command, args, env, cwd });
  });
}
