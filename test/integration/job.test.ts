// The job path end to end: dist/index.js against the local Google Cloud.
// Every case runs on a local Google Cloud of its own (withFake), so all of them run at once
// (test.concurrent, one group at the top level: jest runs a describe's concurrent cases only
// after the previous describe's have ended). The cases about the first deploy share it, on a
// local Google Cloud of their own, and only read it; the rerun deploys what it reruns itself.
import { afterAll, expect, test } from '@jest/globals';
import { closeFakes, failure, jobInputs, run, sharedFake, visibleLog, withFake, writesIn } from './setup.ts';

afterAll(closeFakes);

const RUN_URI = (name: string) =>
  `https://us-central1-run.googleapis.com/apis/run.googleapis.com/v1/namespaces/demo-project/jobs/${name}:run`;

/** A first deploy of a job with a schedule: started by the first case that needs it, read by each. */
const deployedNightly = sharedFake(async (fake) => {
  const requestsBefore = fake.requests.length;
  const result = await run(fake, jobInputs(fake, 'nightly'));
  return { result, requestsBefore };
});

test.concurrent('a first deploy of a job with a schedule: a rerun with the same digest-pinned inputs writes nothing', () =>
  withFake(async (fake) => {
    const result = await run(fake, jobInputs(fake, 'nightly'));
    expect(failure(result)).toBe('');
    const before = fake.requests.length;
    // smoke_test: true, so that the rerun that writes nothing still proves the trigger path.
    const again = await run(fake, jobInputs(fake, 'nightly', { smoke_test: 'true' }));
    expect(again.code).toBe(0);
    expect(again.outputs.changed).toBe('false');
    expect(writesIn(fake, before)).toEqual([]);
    expect(again.outputs.execution_status).toBe('succeeded');
    // The smoke test followed the execution this run started, not the first run's.
    expect(again.outputs.execution).toMatch(/\/executions\//);
    expect(again.outputs.execution).not.toBe(result.outputs.execution);
  }),
);

test.concurrent('a first deploy of a job with a schedule: succeeds with the documented outputs', async () => {
  const { result } = await deployedNightly();
  expect(failure(result)).toBe('');
  expect(result.code).toBe(0);
  const o = result.outputs;
  expect(o.kind).toBe('job');
  expect(o.resource).toBe('projects/demo-project/locations/us-central1/jobs/nightly');
  expect(o.scheduler_job).toBe('projects/demo-project/locations/us-central1/jobs/nightly-schedule');
  expect(o.execution).toMatch(/^projects\/demo-project\/locations\/us-central1\/jobs\/nightly\/executions\/nightly-[a-z0-9]+$/);
  expect(o.execution_status).toBe('succeeded');
  expect(o.logs_url).toMatch(/^https:\/\/console\.cloud\.google\.com\/logs/);
  expect(o.changed).toBe('true');
  const plan = JSON.parse(o.plan) as { type: string; action: string }[];
  expect(plan.map((c) => [c.type, c.action])).toEqual([
    ['run-job', 'create'],
    ['iam-binding', 'create'],
    ['scheduler-job', 'create'],
  ]);
});

test.concurrent('a first deploy of a job with a schedule: leaves the job with the image and the runtime account', async () => {
  const { fake } = await deployedNightly();
  const job = fake.runJobs().find((j) => j.name === 'projects/demo-project/locations/us-central1/jobs/nightly') as any;
  expect(job.template.template.containers[0].image).toBe(jobInputs(fake, 'nightly').image);
  expect(job.template.template.serviceAccount).toBe(fake.world.runtime);
  expect(job.labels['managed-by']).toBe('cloud-run-cron');
});

test.concurrent('a first deploy of a job with a schedule: creates a Scheduler job that runs the job through the Admin API with an OAuth token', async () => {
  const { fake } = await deployedNightly();
  const sj = fake.schedulerJobs().find((j) => String(j.name).endsWith('/jobs/nightly-schedule')) as any;
  expect(sj.schedule).toBe('0 3 * * *');
  expect(sj.timeZone).toBe('Europe/Berlin');
  expect(sj.httpTarget.uri).toBe(RUN_URI('nightly'));
  expect(sj.httpTarget.httpMethod).toBe('POST');
  expect(sj.httpTarget.oauthToken).toEqual({
    serviceAccountEmail: fake.world.invoker,
    scope: 'https://www.googleapis.com/auth/cloud-platform',
  });
  expect(sj.httpTarget.oidcToken).toBeUndefined();
});

test.concurrent('a first deploy of a job with a schedule: grants roles/run.invoker to the invoker on that job only, with no project-level policy write', async () => {
  const { fake, requestsBefore } = await deployedNightly();
  const policy = fake.getPolicy('projects/demo-project/locations/us-central1/jobs/nightly');
  expect(policy.bindings).toEqual([{ role: 'roles/run.invoker', members: [`serviceAccount:${fake.world.invoker}`] }]);
  const setPolicies = fake.requests.slice(requestsBefore).filter((r) => r.path.endsWith(':setIamPolicy'));
  expect(setPolicies.map((r) => r.path)).toEqual(['/v2/projects/demo-project/locations/us-central1/jobs/nightly:setIamPolicy']);
  const project = fake.getPolicy('projects/demo-project');
  expect(JSON.stringify(project)).not.toContain(fake.world.invoker);
});

test.concurrent('a first deploy of a job with a schedule: runs one execution to success through the Scheduler', async () => {
  const { fake, result } = await deployedNightly();
  const executions = fake.executions().filter((e) => String(e.name).includes('/jobs/nightly/executions/'));
  expect(executions).toHaveLength(1);
  expect(String(executions[0]!.name)).toBe(result.outputs.execution);
  expect(executions[0]!.succeededCount).toBe(1);
  expect(fake.schedulerAttempts().filter((a) => String(a.job).endsWith('nightly-schedule'))).toHaveLength(1);
});

test.concurrent('a first deploy of a job with a schedule: writes the job summary', async () => {
  const { result } = await deployedNightly();
  expect(result.summary).toContain('nightly');
  expect(result.summary).toContain('Next runs');
  expect(result.summary).toMatch(/succeeded/);
});

test.concurrent('a first deploy of a job with a schedule: never shows a token', async () => {
  const { result } = await deployedNightly();
  const log = visibleLog(result) + JSON.stringify(result.outputs) + result.summary;
  expect(log).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
  expect(log).not.toMatch(/ya29\./);
});

test.concurrent('a failing workload fails the step naming the execution, its failed tasks and its logs', () =>
  withFake(async (fake) => {
    const inputs = jobInputs(fake, 'broken', { image: 'us-docker.pkg.dev/demo-project/apps/fake-fail:latest', tasks: '2', max_retries: '0' });
    const result = await run(fake, inputs);
    expect(result.code).not.toBe(0);
    expect(result.outputs.execution_status).toBe('failed');
    const message = failure(result);
    expect(message).toContain(result.outputs.execution);
    expect(message).toMatch(/2 of 2 task\(s\) failed/);
    expect(message).toContain('https://console.cloud.google.com/logs');
  }),
);

test.concurrent('a job without a schedule is deployed and run directly', () =>
  withFake(async (fake) => {
    const inputs = jobInputs(fake, 'once', { schedule: '', invoker_service_account: '', time_zone: '' });
    const result = await run(fake, inputs);
    expect(failure(result)).toBe('');
    expect(result.outputs.scheduler_job).toBe('');
    expect(result.outputs.execution_status).toBe('succeeded');
    expect(fake.schedulerJobs().some((j) => String(j.name).includes('once'))).toBe(false);
  }),
);

test.concurrent('auth failures say which link broke: a deployer without actAs on the runtime account: names the permission and the account', () =>
  withFake(async (fake) => {
    const sa = `projects/demo-project/serviceAccounts/${fake.world.runtime}`;
    const member = `serviceAccount:${fake.world.deployer}`;
    fake.revoke(sa, member, 'roles/iam.serviceAccountUser');
    try {
      const result = await run(fake, jobInputs(fake, 'no-actas-runtime'));
      expect(result.code).not.toBe(0);
      const message = failure(result);
      expect(message).toMatch(/iam\.service[aA]ccounts\.actAs/);
      expect(message).toContain(fake.world.runtime);
      expect(message).toContain('roles/iam.serviceAccountUser');
    } finally {
      fake.grant(sa, member, 'roles/iam.serviceAccountUser');
    }
  }),
);

test.concurrent('auth failures say which link broke: a deployer without actAs on the invoker account: names the permission and the account', () =>
  withFake(async (fake) => {
    const sa = `projects/demo-project/serviceAccounts/${fake.world.invoker}`;
    const member = `serviceAccount:${fake.world.deployer}`;
    fake.revoke(sa, member, 'roles/iam.serviceAccountUser');
    try {
      const result = await run(fake, jobInputs(fake, 'no-actas-invoker'));
      expect(result.code).not.toBe(0);
      const message = failure(result);
      expect(message).toMatch(/iam\.service[aA]ccounts\.actAs/);
      expect(message).toContain(fake.world.invoker);
    } finally {
      fake.grant(sa, member, 'roles/iam.serviceAccountUser');
    }
  }),
);

test.concurrent('auth failures say which link broke: a repository the attribute condition rejects: no Cloud Run or Scheduler request', () =>
  withFake(async (fake) => {
    fake.setGithubClaims({ repository: 'intruder/app', repository_owner: 'intruder', sub: 'repo:intruder/app:ref:refs/heads/main' });
    try {
      const before = fake.requests.length;
      const result = await run(fake, jobInputs(fake, 'rejected'));
      expect(result.code).not.toBe(0);
      expect(failure(result)).toMatch(/attribute condition/i);
      expect(fake.requests.slice(before).filter((r) => r.service === 'run' || r.service === 'scheduler')).toEqual([]);
    } finally {
      fake.setGithubClaims({ repository: 'acme/app', repository_owner: 'acme', sub: 'repo:acme/app:ref:refs/heads/main' });
    }
  }),
);

test.concurrent('auth failures say which link broke: no id-token permission: says to add it', () =>
  withFake(async (fake) => {
    const result = await run(fake, jobInputs(fake, 'no-oidc'), { ACTIONS_ID_TOKEN_REQUEST_URL: '', ACTIONS_ID_TOKEN_REQUEST_TOKEN: '' });
    expect(result.code).not.toBe(0);
    expect(failure(result)).toMatch(/id-token: write/);
  }),
);

const badInputs: [string, Record<string, string>, RegExp][] = [
  ['a malformed cron', { schedule: '61 * * * *' }, /Input 'schedule'/],
  ['an uppercase name', { name: 'Nightly' }, /Input 'name'/],
  ['an underscored name', { name: 'nightly_job' }, /Input 'name'/],
  ['an unknown kind', { kind: 'cronjob' }, /Input 'kind'.*job.*service/s],
  ['no region', { region: '' }, /Input 'region'/],
  ['a malformed provider', { workload_identity_provider: 'projects/demo-project/locations/global/workloadIdentityPools/github' }, /Input 'workload_identity_provider'/],
  ['a task_timeout beyond 168h', { task_timeout: '169h' }, /Input 'task_timeout'/],
  ['a schedule without invoker', { invoker_service_account: '' }, /Input 'invoker_service_account'/],
  ['a body with GET', { http_method: 'GET', body: '{}' }, /Input 'body'|Input 'http_method'/],
  ['a job trigger other than POST', { http_method: 'GET' }, /Input 'http_method'.*a job is started with POST/s],
];
test.concurrent.each(badInputs)('bad inputs fail before any request: %s', (_what, change, expected) =>
  withFake(async (fake) => {
    const before = fake.requests.length;
    const result = await run(fake, jobInputs(fake, 'bad-input', change));
    expect(result.code).not.toBe(0);
    expect(failure(result)).toMatch(expected);
    expect(fake.requests.length).toBe(before);
  }),
);
