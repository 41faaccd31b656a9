// Real-cloud fidelity: the action against every switchable variant of the fake (fake/variants.ts): where
// Google's behaviour is not settled, each plausible one. A compact matrix (every value of every
// variant in at least one combination) over the scenarios that matter end to end.
import { afterAll, expect, test } from '@jest/globals';
import { variantMatrix, type Variants } from '../../fake/variants.ts';
import { closeFakes, failure, jobInputs, run, serviceInputs, visibleLog, withFake, writesIn, type FakeGcp } from './setup.ts';

const label = (v: Variants) => Object.entries(v).map(([k, x]) => `${k}=${x}`).join(' ');

afterAll(closeFakes);

// Every scenario under every combination, each case on a fake of its own so that all of them run
// concurrently (jest runs one describe block's concurrent cases together, the blocks one after the
// other: so no describe per combination). The longest scenario first.
const SCENARIOS: [string, (fake: FakeGcp) => Promise<void>][] = [
  [
    'a job with a schedule: first deploy, rerun, schedule change, dry run, then a kind switch',
    async (fake) => {
      const first = await run(fake, jobInputs(fake, 'nightly'));
      expect(failure(first)).toBe('');
      expect(first.outputs.execution_status).toBe('succeeded');
      expect(first.outputs.execution).toMatch(/^projects\/demo-project\/locations\/us-central1\/jobs\/nightly\/executions\/nightly-[a-z0-9]+$/);
      expect(fake.getPolicy('projects/demo-project/locations/us-central1/jobs/nightly').bindings).toEqual([
        { role: 'roles/run.invoker', members: [`serviceAccount:${fake.world.invoker}`] },
      ]);

      const rerun = await run(fake, jobInputs(fake, 'nightly', { smoke_test: 'true' }));
      expect(failure(rerun)).toBe('');
      expect(rerun.outputs.changed).toBe('false');
      expect(rerun.outputs.execution_status).toBe('succeeded');
      expect(rerun.outputs.execution).not.toBe(first.outputs.execution);

      const before = fake.requests.length;
      const changed = await run(fake, jobInputs(fake, 'nightly', { schedule: '30 4 * * *' }));
      expect(failure(changed)).toBe('');
      expect(writesIn(fake, before)).toEqual([
        { method: 'PATCH', path: '/v1/projects/demo-project/locations/us-central1/jobs/nightly-schedule', query: 'updateMask=schedule' },
      ]);

      const dryBefore = fake.requests.length;
      const dry = await run(fake, jobInputs(fake, 'nightly', { schedule: '0 5 * * *', dry_run: 'true' }));
      expect(failure(dry)).toBe('');
      expect(writesIn(fake, dryBefore)).toEqual([]);
      expect(dry.outputs.execution_status).toBe('skipped');

      const switched = await run(fake, serviceInputs(fake, 'nightly', { schedule: '30 4 * * *' }));
      expect(failure(switched)).toBe('');
      expect(switched.outputs.kind).toBe('service');
      expect(switched.outputs.execution_status).toBe('succeeded');
      const sj = fake.schedulerJobs().find((j) => String(j.name).endsWith('/jobs/nightly-schedule')) as { httpTarget: { oidcToken?: unknown } };
      expect(sj.httpTarget.oidcToken).toBeDefined();
    },
  ],
  [
    'a service with a schedule: first deploy and a rerun, each confirmed as its own attempt',
    async (fake) => {
      const first = await run(fake, serviceInputs(fake, 'web'));
      expect(failure(first)).toBe('');
      expect(first.outputs.execution_status).toBe('succeeded');
      expect(first.summary).toMatch(/confirmed by/);
      const rerun = await run(fake, serviceInputs(fake, 'web', { smoke_test: 'true' }));
      expect(failure(rerun)).toBe('');
      expect(rerun.outputs.execution_status).toBe('succeeded');
      expect(rerun.summary).toMatch(/confirmed by the attempt's AttemptFinished entry in Cloud Logging/);
      expect(fake.servedRequests().filter((r) => r.service.endsWith('/services/web'))).toHaveLength(2);
    },
  ],
  [
    'a service that answers 500 fails the smoke test with its attempt, never the previous one',
    async (fake) => {
      const result = await run(fake, serviceInputs(fake, 'web500', { image: 'us-docker.pkg.dev/demo-project/apps/fake-http500:1' }));
      expect(result.code).not.toBe(0);
      expect(result.outputs.execution_status).toBe('failed');
      expect(failure(result)).toMatch(/INTERNAL/);
    },
  ],
  [
    'a paused schedule: the smoke test does not run it and says why',
    async (fake) => {
      const result = await run(fake, jobInputs(fake, 'held', { paused: 'true' }));
      expect(failure(result)).toBe('');
      expect(result.outputs.execution_status).toBe('skipped');
      expect(result.summary).toMatch(/paused/);
      expect(fake.schedulerAttempts().filter((a) => String(a.job).endsWith('/held-schedule'))).toEqual([]);
      expect(fake.executions().filter((e) => String(e.name).includes('/jobs/held/'))).toEqual([]);
    },
  ],
  [
    'a Cloud Run region that is not served: an Input region error before any write',
    async (fake) => {
      const before = fake.requests.length;
      const result = await run(fake, jobInputs(fake, 'lost', { region: 'moon-central1', scheduler_region: 'us-central1' }));
      expect(result.code).not.toBe(0);
      expect(failure(result)).toMatch(/^Input 'region': Cloud Run does not serve 'moon-central1'/);
      expect(writesIn(fake, before)).toEqual([]);
    },
  ],
  [
    'a Scheduler location that is not offered: the scheduler_region message with the offered ones',
    async (fake) => {
      const before = fake.requests.length;
      const result = await run(fake, jobInputs(fake, 'far', { scheduler_region: 'europe-west12' }));
      expect(result.code).not.toBe(0);
      const message = failure(result);
      expect(message).toMatch(/^Input 'scheduler_region': Cloud Scheduler is not offered in europe-west12/);
      expect(message).toContain('europe-west1,');
      expect(writesIn(fake, before)).toEqual([]);
      expect(visibleLog(result)).not.toMatch(/HTTP 40[034]/);
    },
  ],
];

for (const [scenario, body] of SCENARIOS) {
  for (const variants of variantMatrix()) {
    test.concurrent(`under ${label(variants)}: ${scenario}`, () => withFake(body, { defaultTimings: true, variants }));
  }
}
