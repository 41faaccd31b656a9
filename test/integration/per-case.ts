// One local Google Cloud per test case (jest only: setup.ts is also loaded by scripts/bench.ts).
import { afterAll } from '@jest/globals';
import { startFakeGcp, type FakeGcp } from '../../fake/server.ts';

/**
 * A local Google Cloud of its own per test case, so cases run in parallel; small timings keep
 * the suite fast (operations 30 ms, task attempts 60 ms, Scheduler seconds 1 ms). Call once per
 * test file: it closes whatever a failed case left open after all.
 */
export function fakePerCase(): <T>(fn: (fake: FakeGcp) => Promise<T>, latencyMs?: number) => Promise<T> {
  const fakes: FakeGcp[] = [];
  afterAll(async () => {
    await Promise.all(fakes.map((f) => f.close().catch(() => undefined)));
  });
  return async (fn, latencyMs = 0) => {
    const fake = await startFakeGcp({ quiet: true, operationMs: 30, taskMs: 60, schedulerMsPerSecond: 1, latencyMs });
    fakes.push(fake);
    try {
      return await fn(fake);
    } finally {
      await fake.close();
    }
  };
}
