import { jest } from '@jest/globals';
import { createProgress, phase } from '../../src/report/log.js';

/** What the code writes to stdout (where workflow commands and info go). */
function captureStdout(): { lines: () => string[]; restore: () => void } {
  const out: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  return { lines: () => out.join('').split(/\r?\n/).filter(Boolean), restore: () => spy.mockRestore() };
}

describe('phase', () => {
  test('groups the output and records the wall time, also on failure', async () => {
    const stdout = captureStdout();
    let t = 1000;
    const clock = (): number => t;
    const into: Record<string, number> = {};
    try {
      const value = await phase('deploy', async () => {
        t += 2500;
        return 42;
      }, { title: 'Deploying the Cloud Run job', into, clock });
      expect(value).toBe(42);
      await expect(
        phase('smoke', async () => {
          t += 700;
          throw new Error('boom');
        }, { into, clock }),
      ).rejects.toThrow('boom');
    } finally {
      stdout.restore();
    }
    expect(into).toEqual({ deploy: 2500, smoke: 700 });
    expect(stdout.lines()).toEqual(['::group::Deploying the Cloud Run job', '::endgroup::', '::group::smoke', '::endgroup::']);
  });
});

describe('createProgress', () => {
  // A past bug: only on change, at most one line per interval; no heartbeat repeating the same state.
  test('prints only on change, at most once per interval, the latest state after it', () => {
    let t = 0;
    const printed: string[] = [];
    const progress = createProgress('Execution nightly-x', { clock: () => t, print: (l) => printed.push(l), intervalMs: 3_000 });
    const tasks = { total: 3, succeeded: 0, failed: 0, cancelled: 0, retried: 0, running: 3 };
    expect(progress.update({ status: 'RUNNING', tasks })).toBe(true);
    for (t = 1000; t < 30_000; t += 1000) expect(progress.update({ status: 'RUNNING', tasks })).toBe(false);
    t = 30_000;
    expect(progress.update({ status: 'RUNNING', tasks: { ...tasks, succeeded: 1, running: 2 } })).toBe(true);
    t = 31_000; // a change inside the interval waits
    expect(progress.update({ status: 'RUNNING', tasks: { ...tasks, succeeded: 2, running: 1 } })).toBe(false);
    t = 33_000;
    expect(progress.update({ status: 'RUNNING', tasks: { ...tasks, succeeded: 2, running: 1 } })).toBe(true);
    t = 34_000; // the end of the wait is printed at once
    expect(progress.update({ status: 'FINISHED', tasks: { ...tasks, succeeded: 3, running: 0 } }, true)).toBe(true);
    expect(printed).toEqual([
      'Execution nightly-x: RUNNING · 0/3 succeeded, 3 running (0ms)',
      'Execution nightly-x: RUNNING · 1/3 succeeded, 2 running (30s)',
      'Execution nightly-x: RUNNING · 2/3 succeeded, 1 running (33s)',
      'Execution nightly-x: FINISHED · 3/3 succeeded (34s)',
    ]);
  });
});
