// Truthful reports: outputs and summary tell the truth after a failure at any point of the pipeline
// (auth, read, deploy, ready wait, IAM, schedule, pause, smoke), and smoke_test: changed.
// Each case gets a local Google Cloud of its own, so the cases run in parallel.
import { afterAll, describe, expect, test } from '@jest/globals';
import { closeFakes, failure, jobInputs, run, serviceInputs, withFake, type ActionRun } from './setup.ts';

afterAll(closeFakes);

const NAME = 'nightly';
const RUN = '^/v2/projects/demo-project/locations/us-central1';
const SCHED = '^/v1/projects/demo-project/locations/us-central1';
const JOB = `projects/demo-project/locations/us-central1/jobs/${NAME}`;
const SERVICE = `projects/demo-project/locations/us-central1/services/${NAME}`;
const SCHEDULER_JOB = `projects/demo-project/locations/us-central1/jobs/${NAME}-schedule`;
const DENIED = { status: 403, message: 'Permission denied (injected)' };

/** The summary's resource table as [resource, change] pairs (Markdown rows). */
function rows(r: ActionRun): string[][] {
  return r.summary
    .split('\n')
    .filter((l) => /^\| (Cloud Run|IAM binding|Scheduler job)/.test(l))
    .map((l) => l.split(' | ').map((c) => c.replace(/^\| /, '')))
    .map((cells) => [cells[0]!, cells[2]!]);
}

const planStatuses = (r: ActionRun): string[][] =>
  (JSON.parse(r.outputs.plan ?? '[]') as { type: string; status?: string }[]).map((c) => [c.type, c.status ?? '']);

describe('a failure at each point of the pipeline: outputs and summary say what was done', () => {
  test.concurrent('auth: nothing was read or written', () =>
    withFake(async (fake) => {
      fake.injectFault({ method: 'POST', path: /^\/v1\/token$/, ...DENIED });
      const r = await run(fake, jobInputs(fake, NAME));
      expect(r.code).not.toBe(0);
      expect(r.outputs).toMatchObject({ changed: 'false', execution_status: 'skipped' });
      expect(r.outputs.scheduler_job ?? '').toBe('');
      expect(r.outputs.execution ?? '').toBe('');
      expect(r.summary).toMatch(/was not deployed/);
      expect(r.summary).toMatch(/Nothing was written/);
    }),
  );

  test.concurrent('read: nothing was written', () =>
    withFake(async (fake) => {
      fake.injectFault({ method: 'GET', path: new RegExp(`${RUN}/jobs/${NAME}$`), ...DENIED, times: 10 });
      const r = await run(fake, jobInputs(fake, NAME));
      expect(failure(r)).toMatch(/Permission denied/);
      expect(r.outputs).toMatchObject({ changed: 'false', execution_status: 'skipped' });
      expect(r.outputs.scheduler_job ?? '').toBe('');
      expect(r.summary).toMatch(/Nothing was written/);
    }),
  );

  test.concurrent('deploy: the job failed, IAM and Scheduler were not reached, nothing exists', () =>
    withFake(async (fake) => {
      fake.injectFault({ method: 'POST', path: new RegExp(`${RUN}/jobs$`), ...DENIED });
      const r = await run(fake, jobInputs(fake, NAME));
      expect(failure(r)).toMatch(/Permission denied/);
      expect(rows(r)).toEqual([['Cloud Run job', 'failed'], ['IAM binding (roles/run.invoker)', 'not reached'], ['Scheduler job', 'not reached']]);
      expect(planStatuses(r).map(([, s]) => s)).toEqual(['failed', 'not reached', 'not reached']);
      expect(r.outputs).toMatchObject({ changed: 'false', resource: '', scheduler_job: '', execution: '', execution_status: 'skipped' });
      expect(r.summary).not.toMatch(/Next runs/);
      expect(r.summary).toMatch(/Not applied: the Scheduler job was not created, since the run stopped\. It does not exist/);
    }),
  );

  test.concurrent('ready wait: the service was created (changed) but failed; no Scheduler job', () =>
    withFake(async (fake) => {
      const r = await run(fake, serviceInputs(fake, NAME, { image: 'us-docker.pkg.dev/demo-project/apps/fake-notready:1' }));
      expect(failure(r)).toMatch(/failed to deploy: Revision .* is not ready/);
      expect(rows(r)).toEqual([['Cloud Run service', 'failed'], ['IAM binding (roles/run.invoker)', 'not reached'], ['Scheduler job', 'not reached']]);
      expect(r.outputs).toMatchObject({ changed: 'true', resource: SERVICE, scheduler_job: '', execution_status: 'skipped' });
      expect(r.summary).not.toMatch(/Next runs/);
    }),
  );

  test.concurrent('IAM: the grant failed; the job and the Scheduler job were written', () =>
    withFake(async (fake) => {
      fake.injectFault({ method: 'POST', path: new RegExp(`${RUN}/jobs/${NAME}:setIamPolicy$`), ...DENIED });
      const r = await run(fake, jobInputs(fake, NAME));
      expect(failure(r)).toMatch(/Permission denied/);
      expect(rows(r)).toEqual([['Cloud Run job', 'created'], ['IAM binding (roles/run.invoker)', 'failed'], ['Scheduler job', 'created']]);
      expect(r.outputs).toMatchObject({ changed: 'true', resource: JOB, scheduler_job: SCHEDULER_JOB, execution_status: 'skipped' });
    }),
  );

  test.concurrent('schedule: the Scheduler create failed; no scheduler_job output, no next runs', () =>
    withFake(async (fake) => {
      fake.injectFault({ method: 'POST', path: new RegExp(`${SCHED}/jobs$`), ...DENIED });
      const r = await run(fake, jobInputs(fake, NAME));
      expect(failure(r)).toMatch(/Permission denied/);
      expect(rows(r)).toEqual([['Cloud Run job', 'created'], ['IAM binding (roles/run.invoker)', 'created'], ['Scheduler job', 'failed']]);
      expect(r.outputs).toMatchObject({ changed: 'true', resource: JOB, scheduler_job: '' });
      expect(r.summary).not.toMatch(/Next runs/);
    }),
  );

  // Safe by default: a pause cannot fail open. The new job is deleted again, and the invoker role is
  // not granted (the pause comes before the grant).
  test.concurrent('pause: the Scheduler job was created, then the pause failed: deleted again, binding not reached', () =>
    withFake(async (fake) => {
      fake.injectFault({ method: 'POST', path: new RegExp(`${SCHED}/jobs/${NAME}-schedule:pause$`), ...DENIED });
      const r = await run(fake, jobInputs(fake, NAME, { paused: 'true' }));
      expect(failure(r)).toMatch(/Permission denied/);
      expect(failure(r)).toMatch(/deleted it again/);
      expect(rows(r)).toEqual([['Cloud Run job', 'created'], ['IAM binding (roles/run.invoker)', 'not reached'], ['Scheduler job', 'failed']]);
      expect(r.outputs).toMatchObject({ changed: 'true', scheduler_job: '' });
      expect(fake.schedulerJobs().filter((j) => j.name === SCHEDULER_JOB)).toEqual([]);
    }),
  );

  test.concurrent('smoke: a timeout keeps the started execution, as running', () =>
    withFake(async (fake) => {
      const r = await run(fake, jobInputs(fake, NAME, { image: 'us-docker.pkg.dev/demo-project/apps/fake-sleep60000ms:1', smoke_timeout: '1s' }));
      expect(failure(r)).toMatch(/timed out/);
      expect(r.outputs.execution).toMatch(new RegExp(`^${JOB}/executions/`));
      expect(r.outputs).toMatchObject({ changed: 'true', execution_status: 'running', scheduler_job: SCHEDULER_JOB });
      expect(r.outputs.logs_url).toMatch(/execution_name/);
      expect(rows(r)).toEqual([['Cloud Run job', 'created'], ['IAM binding (roles/run.invoker)', 'created'], ['Scheduler job', 'created']]);
      expect(r.summary).toMatch(/⏳ running/);
    }),
  );
});

describe('smoke_test: changed (the default)', () => {
  test.concurrent('runs the smoke test on a run that wrote, skips it on a no-op rerun', () =>
    withFake(async (fake) => {
      const inputs = jobInputs(fake, NAME);
      const first = await run(fake, inputs);
      expect(failure(first)).toBe('');
      expect(first.outputs).toMatchObject({ changed: 'true', execution_status: 'succeeded' });
      const executions = fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith(':run')).length;
      const rerun = await run(fake, inputs);
      expect(failure(rerun)).toBe('');
      expect(rerun.outputs).toMatchObject({ changed: 'false', execution_status: 'skipped', execution: '' });
      expect(rerun.summary).toMatch(/Nothing was written, so the smoke test did not run \(smoke_test: changed\)/);
      expect(fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith(':run')).length).toBe(executions);
      // The same labels on every run (the invoker row read 'IAM binding' on a rerun).
      expect(rows(rerun).map(([label]) => label)).toEqual(rows(first).map(([label]) => label));
      expect(rerun.summary).toContain('| IAM binding (roles/run.invoker) |');
      // smoke_test: true still proves the trigger path on a run that writes nothing.
      const proven = await run(fake, jobInputs(fake, NAME, { smoke_test: 'true' }));
      expect(failure(proven)).toBe('');
      expect(proven.outputs).toMatchObject({ changed: 'false', execution_status: 'succeeded' });
      expect(fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith(':run')).length).toBeGreaterThan(executions);
    }),
  );
});

describe('inputs of a part the run does not use', () => {
  test.concurrent('are ignored with a notice: an invoker without a schedule, a service input on a job', () =>
    withFake(async (fake) => {
      const r = await run(fake, jobInputs(fake, NAME, { schedule: '', concurrency: '10', smoke_test: 'false' }));
      expect(failure(r)).toBe('');
      expect(r.stdout).toMatch(/^::notice::Input 'concurrency' is ignored: it applies to kind: service only, and this is kind: job\.$/m);
      expect(r.stdout).toMatch(/^::notice::Input 'invoker_service_account' is ignored: it shapes the Cloud Scheduler job, and schedule is empty/m);
      expect(r.summary).toMatch(/\[!NOTE\][\s\S]*Input 'time_zone' is ignored/);
      expect(r.outputs.scheduler_job).toBe('');
      expect(fake.schedulerJobs()).toEqual([]);
    }),
  );
});

/** The lines inside the log group `title`. */
function group(r: ActionRun, title: string): string[] {
  const lines = r.stdout.split('\n');
  const start = lines.indexOf(`::group::${title}`);
  const end = lines.indexOf('::endgroup::', start);
  return start < 0 ? [] : lines.slice(start + 1, end);
}

describe('a log worth reading', () => {
  test.concurrent('each phase group says what it found and did; the plan is never cut; status names, not numbers', () =>
    withFake(async (fake) => {
      const r = await run(fake, serviceInputs(fake, 'a-service-name-long-enough-to-matter'));
      expect(failure(r)).toBe('');
      expect(group(r, 'read')).toEqual(
        expect.arrayContaining(['Cloud Run service a-service-name-long-enough-to-matter: does not exist yet', expect.stringMatching(/^Scheduler job .*: does not exist yet$/)]),
      );
      const deploy = group(r, 'deploy');
      expect(deploy[0]).toBe('Cloud Run service a-service-name-long-enough-to-matter: creating');
      expect(deploy.at(-1)).toBe('Cloud Run service a-service-name-long-enough-to-matter: created');
      expect(group(r, 'iam + schedule')).toEqual(
        expect.arrayContaining([
          'IAM binding (roles/run.invoker) a-service-name-long-enough-to-matter: created',
          'Scheduler job a-service-name-long-enough-to-matter-schedule: created',
        ]),
      );
      // No line repeats itself, and no value is cut in the middle.
      const log = r.stdout.split('\n').filter((l) => !l.startsWith('::'));
      expect(log.filter((l, i) => l.trim() !== '' && log.indexOf(l) !== i)).toEqual([]);
      expect(r.stdout).not.toContain('…');
      expect(r.stdout).toContain(fake.world.invoker);
      expect(r.summary).toMatch(/Scheduler attempt: OK\n/);
      expect(r.summary).not.toMatch(/OK \(0\)/);
      expect(r.outputs.logs_url).toMatch(/^https:\/\/console\.cloud\.google\.com\/logs\/query;query=/);
    }),
  );
});
