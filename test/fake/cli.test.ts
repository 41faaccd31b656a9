// The fake's command line: `npm run fake -- --help` crashed with "Unknown option '--help'" and a
// stack trace. It prints its options; a wrong option or value is named, with the usage, exit 2.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ROOT } from '../../scripts/readme-tables.ts';

const CLI = join(ROOT, 'fake/cli.ts');
const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 120_000 });

describe('fake/cli.ts', () => {
  it.each(['--help', '-h'])('%s prints every option and exits 0', (flag) => {
    const r = cli(flag);
    expect(r.status).toBe(0);
    for (const option of ['--port', '--latency', '--task-ms', '--operation-ms', '--variants', '--verbose', '--help']) {
      expect(r.stdout).toContain(option);
    }
  });

  it('names an unknown option, prints the usage, exits 2, without a stack trace', () => {
    const r = cli('--bogus');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^fake: Unknown option '--bogus'/);
    expect(r.stderr).toContain('Usage: npm run fake');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a value that is not a number', () => {
    const r = cli('--port', 'eighty');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^fake: --port must be a whole number, not "eighty"/);
  });

  it('starts on a free port with --port 0 and prints the env that points the action at it', async () => {
    const child = spawn(process.execPath, [CLI, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      let out = '';
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('scripts/node24 dist/index.js')) resolve();
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      expect(url).toBeDefined();
      expect(url).not.toMatch(/:0$/);
      expect(out).toMatch(/^export CLOUDSDK_API_ENDPOINT_OVERRIDES_RUN=/m);
      expect(out).toMatch(/^export ACTIONS_ID_TOKEN_REQUEST_URL=/m);
      expect((await fetch(`${url}/__fake/state`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
