// The pacer of a run's Cloud Scheduler requests: a burst, then an even pace, callers in order.
import { describe, expect, it } from '@jest/globals';
import { Pacer } from '../../src/google/pacer.ts';

describe('Pacer', () => {
  it('lets a burst through at once, then makes the next request wait for its token', async () => {
    const pacer = new Pacer(600, 2); // one token every 100 ms
    const order: number[] = [];
    const started = Date.now();
    await Promise.all([0, 1].map((i) => pacer.take().then(() => order.push(i))));
    const afterBurst = Date.now();
    await Promise.all([2, 3].map((i) => pacer.take().then(() => order.push(i))));
    expect(order).toEqual([0, 1, 2, 3]);
    // Two more tokens take at least 2 x 100 ms to come back (a lower bound: a slow machine only adds).
    expect(Date.now() - afterBurst).toBeGreaterThanOrEqual(190);
    expect(afterBurst - started).toBeLessThan(10_000);
  });
});
