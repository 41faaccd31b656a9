// Safe by default, end to end against the local Google Cloud: the four
// reproductions of the issue, and the other guarantees of README's "Safe by default".
import { afterAll, expect } from '@jest/globals';
import { closeFakes, failure, jobInputs, run, serviceInputs, visibleLog, withFake, writesIn, type ActionRun, type FakeGcp, group } from './setup.ts';

// Small timings keep the suite fast (setup.ts: operations 30 ms, task attempts 60 ms, Scheduler seconds 1 ms).
afterAll(closeFakes);

const RUN = 'projects/demo-project/locations/us-central1';
const IMAGE = (tag: string) => `us-docker.pkg.dev/demo-project/apps/${tag}`;
/** Inputs without a schedule (a deploy only). */
const NO_SCHEDULE = { schedule: '', invoker_service_account: '', time_zone: '' };

const ok = (r: ActionRun) => expect(failure(r)).toBe('');
type Template = { serviceAccount?: string; containers: { env?: { name: string; value?: string }[] }[] };
const jobTemplate = (fake: FakeGcp, name: string) =>
  (fake.runJobs().find((j) => j.name === `${RUN}/jobs/${name}`) as { template: { template: Template } }).template.template;

// Every case has a local Google Cloud of its own, so all of them run at once: the groups are
// setup.ts's `group` (not describe blocks), and the file's cases are one concurrent set.

// The longest wait first (jest starts concurrent cases in order): the action's re-triggers sleep 1 s, then 2 s.
group('the workload never runs twice by accident', (it) => {
  it('after a denial right after the grant, the trigger is sent again at most twice', () =>
    withFake(async (fake) => {
      fake.timings.iamPropagationMs = 10 * 60_000; // the denial outlasts the re-triggers
      const result = await run(fake, jobInputs(fake, 'denied'));
      expect(result.code).not.toBe(0);
      expect(failure(result)).toMatch(/PERMISSION_DENIED/);
      const attempts = fake.schedulerAttempts().filter((a) => String(a.job).endsWith('/denied-schedule'));
      expect(attempts.map((a) => (a.status as { code?: number }).code)).toEqual([7, 7, 7]);
    }),
  );
});

group('an empty input never changes a live value', (it) => {
  it('a job redeployed without runtime_service_account keeps running as its own account (reproduction 1)', () =>
    withFake(async (fake) => {
      ok(await run(fake, jobInputs(fake, 'sa-kept', { smoke_test: 'false' })));
      expect(jobTemplate(fake, 'sa-kept').serviceAccount).toBe(fake.world.runtime);
      const again = await run(fake, jobInputs(fake, 'sa-kept', { runtime_service_account: '', image: IMAGE('sa-kept:2'), smoke_test: 'false' }));
      ok(again);
      expect(jobTemplate(fake, 'sa-kept').serviceAccount).toBe(fake.world.runtime);
      expect(again.outputs.plan).not.toContain('runtime_service_account');
      expect(visibleLog(again)).not.toMatch(/default compute account/);
    }),
  );

  it('an internal service redeployed without ingress stays internal (reproduction 2)', () =>
    withFake(async (fake) => {
      const inputs = { ...serviceInputs(fake, 'internal-svc'), ...NO_SCHEDULE };
      ok(await run(fake, { ...inputs, ingress: 'internal', max_instances: '3', timeout: '15m', memory: '1Gi' }));
      const again = await run(fake, { ...inputs, image: IMAGE('internal-svc:2') });
      ok(again);
      const svc = fake.runServices().find((s) => s.name === `${RUN}/services/internal-svc`) as {
        ingress: string;
        template: { scaling?: { maxInstanceCount?: number }; timeout: string; containers: { resources: { limits: { memory: string } } }[] };
      };
      expect(svc.ingress).toBe('INGRESS_TRAFFIC_INTERNAL_ONLY');
      expect(svc.template.scaling?.maxInstanceCount).toBe(3);
      expect(svc.template.timeout).toBe('900s');
      expect(svc.template.containers[0]!.resources.limits.memory).toBe('1024Mi');
      expect(JSON.parse(again.outputs.plan!)[0].fields.map((f: { field: string }) => f.field)).toEqual(['image']);
    }),
  );

  it('a first deploy without runtime_service_account fails before any write, saying why; default opts in', () =>
    withFake(async (fake) => {
      const since = fake.requests.length;
      const refused = await run(fake, jobInputs(fake, 'no-sa', { runtime_service_account: '' }));
      expect(refused.code).not.toBe(0);
      expect(failure(refused)).toMatch(/runtime_service_account.*default compute account/);
      expect(failure(refused)).toMatch(/runtime_service_account: default/);
      expect(writesIn(fake, since)).toEqual([]);
      const opted = await run(fake, jobInputs(fake, 'no-sa', { runtime_service_account: 'default', smoke_test: 'false' }));
      ok(opted);
      expect(jobTemplate(fake, 'no-sa').serviceAccount).toMatch(/-compute@developer\.gserviceaccount\.com$/);
    }),
  );
});

group('env var values never leave the cloud', (it) => {
  const SECRET = 'hunter2-s3cr3t';
  const leaks = (r: ActionRun) => [r.stdout, r.stderr, r.summary, ...Object.values(r.outputs)].filter((t) => t.includes(SECRET));

  it('a dry run with overwrite shows DB_PASSWORD: (removed), never its value (reproduction 3)', () =>
    withFake(async (fake) => {
      const first = await run(fake, jobInputs(fake, 'env-job', { env_vars: `DB_PASSWORD=${SECRET}\nMODE=full`, smoke_test: 'false' }));
      ok(first);
      expect(leaks(first)).toEqual([]);
      const dry = await run(fake, jobInputs(fake, 'env-job', { env_vars: 'MODE=lite', env_vars_update_strategy: 'overwrite', dry_run: 'true' }));
      ok(dry);
      expect(leaks(dry)).toEqual([]);
      const fields = JSON.parse(dry.outputs.plan!)[0].fields;
      expect(fields).toEqual([{ field: 'env_vars', after: 'MODE: (changed), DB_PASSWORD: (removed)' }]);
      expect(dry.stdout).toContain('env_vars: MODE: (changed), DB_PASSWORD: (removed)');
      expect(dry.summary).toContain('DB_PASSWORD: (removed)');
      // The value is still in Cloud Run: the dry run wrote nothing.
      expect(jobTemplate(fake, 'env-job').containers[0]!.env).toContainEqual({ name: 'DB_PASSWORD', value: SECRET });
    }),
  );

  it('an API error that echoes the request body, and the retry line before it, are scrubbed', () =>
    withFake(async (fake) => {
      ok(await run(fake, jobInputs(fake, 'echo-job', { env_vars: `DB_PASSWORD=${SECRET}`, smoke_test: 'false' })));
      const patch = new RegExp(`/v2/${RUN}/jobs/echo-job$`);
      const echoed = `Invalid request: env {name: "DB_PASSWORD" value: "${SECRET}"} is not allowed`;
      fake.injectFault({ method: 'PATCH', path: patch, status: 503, message: echoed });
      fake.injectFault({ method: 'PATCH', path: patch, status: 400, nth: 2, message: echoed });
      const result = await run(fake, jobInputs(fake, 'echo-job', { image: IMAGE('echo-job:2'), smoke_test: 'false' }));
      expect(result.code).not.toBe(0);
      expect(result.stdout).toMatch(/Retrying in \d+ms: .*\[REDACTED\]/);
      expect(failure(result)).toContain('value: "[REDACTED]"');
      expect(leaks(result)).toEqual([]);
    }),
  );
});

group('paused: true never fails open', (it) => {
  const PAUSE = /:pause$/;

  it('a new Scheduler job whose pause is denied is deleted again, and nothing is granted (reproduction 4)', () =>
    withFake(async (fake) => {
      fake.injectFault({ method: 'POST', path: PAUSE, status: 403, times: 100, message: "Permission 'cloudscheduler.jobs.pause' denied" });
      const since = fake.requests.length;
      const result = await run(fake, jobInputs(fake, 'paused-job', { paused: 'true' }));
      expect(result.code).not.toBe(0);
      expect(failure(result)).toMatch(/could not be paused, so this run deleted it again/);
      expect(fake.schedulerJobs().filter((j) => String(j.name).endsWith('/paused-job-schedule'))).toEqual([]);
      const writes = writesIn(fake, since).map((w) => `${w.method} ${w.path.split('/').slice(-2).join('/')}`);
      expect(writes).toEqual(['POST us-central1/jobs', 'POST us-central1/jobs', 'POST jobs/paused-job-schedule:pause', 'DELETE jobs/paused-job-schedule']);
      expect(fake.requests.slice(since).some((r) => r.path.endsWith(':setIamPolicy'))).toBe(false);
    }),
  );

  it('a new Scheduler job is paused before the invoker role is granted', () =>
    withFake(async (fake) => {
      const since = fake.requests.length;
      ok(await run(fake, jobInputs(fake, 'paused-ok', { paused: 'true', smoke_test: 'false' })));
      const writes = writesIn(fake, since).map((w) => w.path.split(':').pop()!.split('/').pop());
      expect(writes.indexOf('pause')).toBeGreaterThan(-1);
      expect(writes.indexOf('pause')).toBeLessThan(writes.indexOf('setIamPolicy'));
      expect(fake.schedulerJobs().find((j) => String(j.name).endsWith('/paused-ok-schedule'))?.state).toBe('PAUSED');
    }),
  );

  it('a rerun that pauses an existing job pauses it before any other write', () =>
    withFake(async (fake) => {
      ok(await run(fake, jobInputs(fake, 'pause-later', { smoke_test: 'false' })));
      const since = fake.requests.length;
      const result = await run(fake, jobInputs(fake, 'pause-later', { paused: 'true', image: IMAGE('pause-later:2'), schedule: '0 5 * * *', smoke_test: 'false' }));
      ok(result);
      const writes = writesIn(fake, since).map((w) => `${w.method} ${w.path.split('/').pop()}`);
      expect(writes[0]).toBe('POST pause-later-schedule:pause');
      expect(writes).toEqual(expect.arrayContaining(['PATCH pause-later', 'PATCH pause-later-schedule']));
      expect(writes.filter((w) => w.endsWith(':pause'))).toHaveLength(1);
      expect(fake.schedulerJobs().find((j) => String(j.name).endsWith('/pause-later-schedule'))?.state).toBe('PAUSED');
      expect(JSON.parse(result.outputs.plan!).find((c: { type: string }) => c.type === 'scheduler-job').fields.map((f: { field: string }) => f.field)).toContain('paused');
    }),
  );
});

group('the workload never runs twice by accident', (it) => {
  it('a 503 on the Scheduler job\'s :run is not sent again: one :run, and the step fails', () =>
    withFake(async (fake) => {
      const path = /-schedule:run$/;
      fake.injectFault({ method: 'POST', path, status: 503 });
      const result = await run(fake, jobInputs(fake, 'once'));
      expect(result.code).not.toBe(0);
      expect(fake.requests.filter((r) => r.method === 'POST' && path.test(r.path))).toHaveLength(1);
      expect(failure(result)).toMatch(/Running the Cloud Scheduler job once .*HTTP 503[\s\S]*not sent again/);
    }),
  );

  it('a 503 on the Cloud Run job\'s :run is not sent again: one :run, and the step fails', () =>
    withFake(async (fake) => {
      const path = new RegExp(`/v2/${RUN}/jobs/once-direct:run$`);
      fake.injectFault({ method: 'POST', path, status: 503 });
      const result = await run(fake, jobInputs(fake, 'once-direct', NO_SCHEDULE));
      expect(result.code).not.toBe(0);
      expect(fake.requests.filter((r) => r.method === 'POST' && path.test(r.path))).toHaveLength(1);
      expect(fake.executions().filter((e) => String(e.name).includes('/jobs/once-direct/'))).toHaveLength(0);
    }),
  );

  it('a 429 on :run is sent again: Google did not accept it', () =>
    withFake(async (fake) => {
      const path = /-schedule:run$/;
      fake.injectFault({ method: 'POST', path, status: 429 });
      const result = await run(fake, jobInputs(fake, 'quota'));
      ok(result);
      expect(fake.requests.filter((r) => r.method === 'POST' && path.test(r.path)).map((r) => r.status)).toEqual([429, 200]);
    }),
  );

});

group('open services are called out', (it) => {
  it('making a service public is a warning annotation', () =>
    withFake(async (fake) => {
      const inputs = { ...serviceInputs(fake, 'public-svc'), ...NO_SCHEDULE, allow_unauthenticated: 'true' };
      const first = await run(fake, inputs);
      ok(first);
      expect(first.stdout).toMatch(/^::warning::allow_unauthenticated: true makes the service public-svc public/m);
      const again = await run(fake, inputs);
      ok(again);
      expect(again.stdout).not.toMatch(/makes the service public-svc public/);
    }),
  );
});

group('endpoints', (it) => {
  it('an http:// override to another host fails before any request; an active override is one ::warning:: annotation', () =>
    withFake(async (fake) => {
      const since = fake.requests.length;
      const refused = await run(fake, jobInputs(fake, 'plain-http'), { CLOUDSDK_API_ENDPOINT_OVERRIDES_RUN: 'http://run.example.com/' });
      expect(refused.code).not.toBe(0);
      expect(failure(refused)).toMatch(/CLOUDSDK_API_ENDPOINT_OVERRIDES_RUN .*https:\/\//);
      expect(fake.requests.length).toBe(since);
      const fine = await run(fake, jobInputs(fake, 'loopback', { smoke_test: 'false' }));
      ok(fine);
      expect(fine.stdout.match(/CLOUDSDK_API_ENDPOINT_OVERRIDES_RUN sends run requests to/g)).toHaveLength(1);
      expect(fine.stdout).toMatch(/^::warning::Google API endpoints are overridden.*CLOUDSDK_API_ENDPOINT_OVERRIDES_RUN sends run requests to 127\.0\.0\.1:/m);
    }),
  );
});
