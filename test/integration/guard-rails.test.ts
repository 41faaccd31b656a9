// The guard rails (when a Job or a Service is the right choice): each fires on its
// case and stays silent on a good config; each error exits non-zero before any write.
// Every case runs on a local Google Cloud of its own (withFake), so all of them run at once
// (test.concurrent, one group at the top level: jest runs a describe's concurrent cases only
// after the previous describe's have ended). The cases about one deploy with overrides share
// that deploy, on a local Google Cloud of their own, and only read it.
import { afterAll, expect, test } from '@jest/globals';
import {
  closeFakes, failure, jobInputs, run, serviceInputs, sharedFake, visibleLog, withFake, writesIn, type ActionRun, type FakeGcp,
} from './setup.ts';

afterAll(closeFakes);

/** The ::warning:: annotations of a run, unescaped, but for the one about the fake's endpoint overrides. */
function warnings(r: ActionRun): string[] {
  return r.stdout
    .split('\n')
    .filter((l) => l.startsWith('::warning') && !l.includes('Google API endpoints are overridden'))
    .map((l) => l.replace(/^::warning[^:]*::/, '').replace(/%0A/g, '\n').replace(/%25/g, '%'));
}

/** Runs `inputs`, expects a failure matching `expected` and no request at all or, with reads allowed, no write. */
async function expectRefused(fake: FakeGcp, inputs: Record<string, string>, expected: RegExp[], reads: 'none' | 'allowed' = 'none'): Promise<ActionRun> {
  const before = fake.requests.length;
  const result = await run(fake, inputs);
  expect(result.code).not.toBe(0);
  const message = failure(result);
  for (const e of expected) expect(message).toMatch(e);
  if (reads === 'none') expect(fake.requests.slice(before)).toEqual([]);
  expect(writesIn(fake, before)).toEqual([]);
  expect(fake.requests.slice(before).filter((r) => r.method === 'PATCH' || r.path.endsWith(':setIamPolicy'))).toEqual([]);
  return result;
}

/** The ::notice:: annotations of a run, unescaped. */
function notices(r: ActionRun): string[] {
  return r.stdout
    .split('\n')
    .filter((l) => l.startsWith('::notice'))
    .map((l) => l.replace(/^::notice[^:]*::/, '').replace(/%0A/g, '\n').replace(/%25/g, '%'));
}

// A job trigger whose body carries overrides: one deploy, started by the first case that needs it
// and read by each.
const overridesBody = JSON.stringify({ overrides: { containerOverrides: [{ args: ['--full'] }], taskCount: 2 } });
const deployedWithOverrides = sharedFake(async (fake) => {
  const before = fake.requests.length;
  const result = await run(fake, jobInputs(fake, 'overrides', { body: overridesBody }));
  return { result, before };
});

test.concurrent('a job trigger whose body carries overrides: grants roles/run.jobsExecutorWithOverrides, not roles/run.invoker, on that job', async () => {
  const { fake, result } = await deployedWithOverrides();
  expect(failure(result)).toBe('');
  expect(result.code).toBe(0);
  const policy = fake.getPolicy('projects/demo-project/locations/us-central1/jobs/overrides');
  expect(policy.bindings).toEqual([{ role: 'roles/run.jobsExecutorWithOverrides', members: [`serviceAccount:${fake.world.invoker}`] }]);
});

test.concurrent('a job trigger whose body carries overrides: says why in the log, as a warning, and in the summary', async () => {
  const { result } = await deployedWithOverrides();
  const why = warnings(result).filter((w) => /overrides/.test(w));
  expect(why).toHaveLength(1);
  expect(why[0]).toContain('run.jobs.runWithOverrides');
  expect(why[0]).toContain('roles/run.jobsExecutorWithOverrides');
  expect(why[0]).toContain('instead of roles/run.invoker');
  expect(result.summary).toContain('IAM binding (roles/run.jobsExecutorWithOverrides)');
  expect(result.summary).not.toContain('IAM binding (roles/run.invoker)');
});

test.concurrent('a job trigger whose body carries overrides: the Scheduler job carries the body, and the smoke test passes through the Scheduler with it', async () => {
  const { fake, result, before } = await deployedWithOverrides();
  const sj = fake.schedulerJobs().find((j) => String(j.name).endsWith('/jobs/overrides-schedule')) as any;
  expect(Buffer.from(String(sj.httpTarget.body), 'base64').toString()).toBe(overridesBody);
  const attempts = fake.schedulerAttempts().filter((a) => String(a.job).endsWith('/overrides-schedule'));
  expect(attempts).toHaveLength(1);
  expect(result.outputs.execution_status).toBe('succeeded');
  const execution = fake.executions().find((e) => e.name === result.outputs.execution) as any;
  expect(execution.taskCount).toBe(2);
  expect(execution.succeededCount).toBe(2);
  // The run came from the Scheduler, not from the deployer.
  const directRuns = fake.requests.slice(before).filter((r) => r.service === 'run' && r.path.endsWith('/jobs/overrides:run'));
  expect(directRuns).toEqual([]);
});

test.concurrent('a job trigger whose body carries overrides: a body without overrides keeps roles/run.invoker and says nothing', () =>
  withFake(async (fake) => {
    const plain = await run(fake, jobInputs(fake, 'no-overrides', { body: '{}' }));
    expect(plain.code).toBe(0);
    expect(warnings(plain)).toEqual([]);
    const policy = fake.getPolicy('projects/demo-project/locations/us-central1/jobs/no-overrides');
    expect(policy.bindings).toEqual([{ role: 'roles/run.invoker', members: [`serviceAccount:${fake.world.invoker}`] }]);
  }),
);

test.concurrent('a good config deploys without a guard-rail warning: a daily job', () =>
  withFake(async (fake) => {
    const result = await run(fake, jobInputs(fake, 'good-job'));
    expect(failure(result)).toBe('');
    expect(result.code).toBe(0);
    expect(warnings(result)).toEqual([]);
    expect(result.summary).not.toContain('[!WARNING]');
  }),
);

test.concurrent('a good config deploys without a guard-rail warning: a half-hourly service whose timeout fits the attempt deadline and the interval', () =>
  withFake(async (fake) => {
    const result = await run(fake, serviceInputs(fake, 'good-svc', { timeout: '10m', attempt_deadline: '15m' }));
    expect(failure(result)).toBe('');
    expect(result.code).toBe(0);
    expect(warnings(result)).toEqual([]);
  }),
);

test.concurrent('a service that outlives the Scheduler attempt deadline: timeout above the default 3m deadline: a warning that the Scheduler gives up first, suggesting kind: job', () =>
  withFake(async (fake) => {
    const result = await run(fake, serviceInputs(fake, 'long-svc', { timeout: '10m' }));
    expect(result.code).toBe(0);
    const w = warnings(result).filter((x) => /attempt deadline/.test(x));
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(/timeout \(10m\)/);
    expect(w[0]).toMatch(/\(3m\)/);
    expect(w[0]).toMatch(/gives up first/);
    expect(w[0]).toMatch(/retry/);
    expect(w[0]).toMatch(/kind: job/);
    expect(result.summary).toContain('gives up first');
  }),
);

test.concurrent('a service that outlives the Scheduler attempt deadline: timeout beyond the 30m maximum deadline: no attempt_deadline can help, use kind: job', () =>
  withFake(async (fake) => {
    const result = await run(fake, serviceInputs(fake, 'longer-svc', { timeout: '45m', attempt_deadline: '30m', schedule: '0 * * * *' }));
    expect(result.code).toBe(0);
    const w = warnings(result).filter((x) => /attempt deadline/.test(x));
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(/30m/);
    expect(w[0]).toMatch(/use kind: job/);
  }),
);

test.concurrent('a service that outlives the Scheduler attempt deadline: a timeout within the default 3m attempt deadline: silent', () =>
  withFake(async (fake) => {
    const result = await run(fake, serviceInputs(fake, 'fits-svc', { timeout: '2m' }));
    expect(result.code).toBe(0);
    expect(warnings(result)).toEqual([]);
  }),
);

test.concurrent('a schedule that fires more often than the work may take: a job every 5m with the default 10m task_timeout: an overlap warning', () =>
  withFake(async (fake) => {
    const result = await run(fake, jobInputs(fake, 'often-job', { schedule: '*/5 * * * *' }));
    expect(result.code).toBe(0);
    const w = warnings(result);
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(/every 5m/);
    expect(w[0]).toMatch(/10m \(the job's task_timeout\)/);
    expect(w[0]).toMatch(/overlap/);
  }),
);

test.concurrent('a schedule that fires more often than the work may take: a job every 5m with task_timeout 4m: silent', () =>
  withFake(async (fake) => {
    const result = await run(fake, jobInputs(fake, 'often-short-job', { schedule: '*/5 * * * *', task_timeout: '4m' }));
    expect(result.code).toBe(0);
    expect(warnings(result)).toEqual([]);
  }),
);

test.concurrent("a schedule that fires more often than the work may take: a service every 2m with its timeout of 3m: an overlap warning naming the service's timeout", () =>
  withFake(async (fake) => {
    const result = await run(fake, serviceInputs(fake, 'often-svc', { schedule: '*/2 * * * *', timeout: '3m' }));
    expect(result.code).toBe(0);
    const w = warnings(result);
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(/every 2m/);
    expect(w[0]).toMatch(/3m \(the service's timeout\)/);
    expect(w[0]).toMatch(/overlap/);
  }),
);

test.concurrent('a body with a method that carries none: GET without a body on a service: silent', () =>
  withFake(async (fake) => {
    const result = await run(fake, serviceInputs(fake, 'get-no-body', { http_method: 'GET' }));
    expect(failure(result)).toBe('');
    expect(result.code).toBe(0);
    expect(warnings(result)).toEqual([]);
    const sj = fake.schedulerJobs().find((j) => String(j.name).endsWith('/jobs/get-no-body-schedule')) as any;
    expect(sj.httpTarget.httpMethod).toBe('GET');
  }),
);

test.concurrent('a scheduler_region where Cloud Scheduler is not offered: a region where it is offered, other than the Cloud Run region: deployed and scheduled there', () =>
  withFake(async (fake) => {
    const result = await run(fake, jobInputs(fake, 'other-scheduler-region', { scheduler_region: 'europe-west1' }));
    expect(failure(result)).toBe('');
    expect(result.code).toBe(0);
    expect(result.outputs.scheduler_job).toBe('projects/demo-project/locations/europe-west1/jobs/other-scheduler-region-schedule');
    // (The one warning is the fake's endpoint overrides.)
    expect(visibleLog(result).split('\n').filter((l) => l.startsWith('::warning') && !l.includes('Google API endpoints are overridden'))).toEqual([]);
  }),
);

test.concurrent('a scheduler_region where Cloud Scheduler is not offered: europe-west12: an error listing where it is offered, before any write', () =>
  withFake(async (fake) => {
    const result = await expectRefused(
      fake,
      jobInputs(fake, 'wrong-scheduler-region', { scheduler_region: 'europe-west12' }),
      [/Input 'scheduler_region'/, /not offered in europe-west12/, /us-central1/, /europe-west1\b/],
      'allowed',
    );
    // The list comes from the Scheduler locations API.
    expect(result.stdout).not.toContain('::group::deploy');
    expect(fake.runJobs().some((j) => String(j.name).endsWith('/wrong-scheduler-region'))).toBe(false);
    const offered = /offered in: ([^.]+)\./.exec(failure(result))?.[1]?.split(', ') ?? [];
    expect(offered.length).toBeGreaterThan(10);
    expect(offered).not.toContain('europe-west12');
  }),
);

test.concurrent.each(['GET', 'DELETE'])('a body with a method that carries none: http_method %s with a body on a service: an error, before any request', (method) =>
  withFake(async (fake) => {
    await expectRefused(fake, serviceInputs(fake, 'get-with-body', { http_method: method, body: '{"x":1}' }), [
      /Input 'body'/,
      new RegExp(`http_method is ${method}`),
      /POST, PUT or PATCH/,
    ]);
  }),
);

// A past bug: an input of the other kind is ignored with a notice (a workflow that templates its
// inputs for both kinds works), not an error. Dry runs: the notice, and nothing written.
async function expectIgnored(fake: FakeGcp, inputs: Record<string, string>, expected: string[]): Promise<void> {
  const before = fake.requests.length;
  const result = await run(fake, { ...inputs, dry_run: 'true' });
  expect(failure(result)).toBe('');
  expect(notices(result)).toEqual(expected);
  expect(writesIn(fake, before)).toEqual([]);
}

const jobOnly: [string, string][] = [
  ['tasks', '2'],
  ['parallelism', '1'],
  ['max_retries', '0'],
  ['task_timeout', '5m'],
];
test.concurrent.each(jobOnly)('inputs of the other kind: job-only %s on a service: ignored with a notice naming the input and the kind', (input, value) =>
  withFake(async (fake) => {
    await expectIgnored(fake, serviceInputs(fake, 'svc-with-job-input', { [input]: value }), [
      `Input '${input}' is ignored: it applies to kind: job only, and this is kind: service.`,
    ]);
  }),
);

const serviceOnly: [string, string][] = [
  ['timeout', '60s'],
  ['concurrency', '10'],
  ['min_instances', '1'],
  ['max_instances', '3'],
  ['ingress', 'internal'],
  ['allow_unauthenticated', 'true'],
  ['path', '/tick'],
];
test.concurrent.each(serviceOnly)('inputs of the other kind: service-only %s on a job: ignored with a notice naming the input and the kind', (input, value) =>
  withFake(async (fake) => {
    await expectIgnored(fake, jobInputs(fake, 'job-with-service-input', { [input]: value }), [
      `Input '${input}' is ignored: it applies to kind: service only, and this is kind: job.`,
    ]);
  }),
);

test.concurrent('inputs of the other kind: every input of the other kind gets its notice', () =>
  withFake(async (fake) => {
    await expectIgnored(fake, serviceInputs(fake, 'svc-many', { tasks: '2', task_timeout: '5m' }), [
      "Input 'tasks' is ignored: it applies to kind: job only, and this is kind: service.",
      "Input 'task_timeout' is ignored: it applies to kind: job only, and this is kind: service.",
    ]);
  }),
);
