// What real Google Cloud does that the fake did not model before: each case fails on an action
// that trusts the simpler world (fake/FACTS.md gives the source of each behaviour).
import { afterAll, expect } from '@jest/globals';
import { closeFakes, failure, group, jobInputs, run, withFake } from './setup.ts';

afterAll(closeFakes);

group('completion', (it) => {
  it('an execution whose completionTime shows one read before its Completed condition is followed to the condition', () =>
    withFake(async (fake) => {
      const result = await run(fake, jobInputs(fake, 'early'));
      expect(failure(result)).toBe('');
      expect(result.outputs.execution_status).toBe('succeeded');
      expect(result.summary).toMatch(/succeeded: 1\/1 succeeded/);
    }, { variants: { completionOrder: 'time-first' } }));

  it('a job without a schedule, run directly, under the same order', () =>
    withFake(async (fake) => {
      const { schedule: _s, time_zone: _t, invoker_service_account: _i, ...inputs } = jobInputs(fake, 'direct');
      const result = await run(fake, inputs);
      expect(failure(result)).toBe('');
      expect(result.outputs.execution_status).toBe('succeeded');
    }, { variants: { completionOrder: 'time-first' } }));
});
