// Plan before write: idempotent upserts, exact update masks, unmanaged fields kept,
// env var strategies, dry_run and a switch of kind. dist/index.js against the local Google
// Cloud, judged by its request log and its state.
// Every case runs on a local Google Cloud of its own (withFake), so all of them run at once
// (test.concurrent, one group at the top level: jest runs a describe's concurrent cases only
// after the previous describe's have ended); a case that needs an earlier deploy does it itself.
import { afterAll, expect, test } from '@jest/globals';
import { closeFakes, deployerToken, DIGEST, failure, jobInputs, run, serviceInputs, visibleLog, withFake, writesIn, type FakeGcp } from './setup.ts';

afterAll(closeFakes);

const P = 'projects/demo-project/locations/us-central1';
const JOB = (name: string) => `${P}/jobs/${name}`;
const SERVICE = (name: string) => `${P}/services/${name}`;
const SCHEDULER = (name: string) => `${P}/jobs/${name}-schedule`;
const RUN_URI = (name: string) =>
  `https://us-central1-run.googleapis.com/apis/run.googleapis.com/v1/namespaces/demo-project/jobs/${name}:run`;
const runJob = (fake: FakeGcp, name: string) => fake.runJobs().find((j) => j.name === JOB(name)) as any;
const runService = (fake: FakeGcp, name: string) => fake.runServices().find((s) => s.name === SERVICE(name)) as any;
const schedulerJob = (fake: FakeGcp, name: string) => fake.schedulerJobs().find((j) => j.name === SCHEDULER(name)) as any;
/** The Scheduler job as configured: without what its attempts and the clock change. */
const schedulerConfig = (fake: FakeGcp, name: string): string => {
  const { lastAttemptTime: _a, status: _s, scheduleTime: _t, ...rest } = schedulerJob(fake, name);
  return JSON.stringify(rest);
};
const image = (name: string, c: string) => `us-docker.pkg.dev/demo-project/apps/${name}@${DIGEST(c)}`;

interface PlannedChange {
  type: string;
  resource: string;
  action: string;
  fields: { field: string; before?: unknown; after?: unknown }[];
  reason?: string;
}
/** The owner record's labels on a single-mode job of the default world (docs/ownership.md). */
const ownerLabels = (name: string) => ({ 'managed-by': 'cloud-run-cron', 'cloud-run-cron-repo': '2000002', 'cloud-run-cron-workload': name, 'cloud-run-cron-scheduler': 'us-central1' });
const planOf = (r: { outputs: Record<string, string> }): PlannedChange[] => JSON.parse(r.outputs.plan) as PlannedChange[];
const summaryOf = (plan: PlannedChange[]) => plan.map((c) => [c.type, c.action, c.fields.map((f) => f.field).sort()]);
const updateMask = (query: string) => (new URLSearchParams(query).get('updateMask') ?? '').split(',').filter(Boolean).sort();
const envOf = (container: any): Record<string, string> =>
  Object.fromEntries(((container.env ?? []) as { name: string; value?: string }[]).filter((e) => 'value' in e).map((e) => [e.name, e.value!]));

/** Someone else edits the job or service through the Admin API (a PATCH of the whole resource). */
async function editElsewhere(fake: FakeGcp, resource: string, edit: (resource: any) => void): Promise<void> {
  const token = await deployerToken(fake);
  const url = `${fake.url}/v2/${resource}`;
  const job = (await (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).json()) as any;
  edit(job);
  const res = await fetch(url, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(job),
  });
  if (!res.ok) throw new Error(`PATCH ${url}: ${res.status} ${await res.text()}`);
  // wait for the operation to finish (the resource reconciles)
  const current = () => [...fake.runJobs(), ...fake.runServices()].find((r) => r.name === resource)!;
  for (let i = 0; i < 100 && current().reconciling; i++) await new Promise((r) => setTimeout(r, 20));
}

test.concurrent('env_vars across runs: merge (default) keeps variables that exist and are not named; overwrite makes the list exactly the input', () =>
  withFake(async (fake) => {
    const name = 'envs';
    const container = () => runJob(fake, name).template.template.containers[0];
    const first = await run(fake, jobInputs(fake, name, { env_vars: 'A=1\nB=2', smoke_test: 'false' }));
    expect(failure(first)).toBe('');
    expect(envOf(container())).toEqual({ A: '1', B: '2' });

    const merged = await run(fake, jobInputs(fake, name, { env_vars: 'B=3,C=4', smoke_test: 'false' }));
    expect(failure(merged)).toBe('');
    expect(envOf(container())).toEqual({ A: '1', B: '3', C: '4' });
    const envChange = planOf(merged)[0]!.fields.find((f) => f.field === 'env_vars');
    expect(envChange).toBeDefined();

    // the same merge again: nothing to write
    const before = fake.requests.length;
    const same = await run(fake, jobInputs(fake, name, { env_vars: 'B=3', smoke_test: 'false' }));
    expect(same.outputs.changed).toBe('false');
    expect(writesIn(fake, before)).toEqual([]);

    const overwritten = await run(fake, jobInputs(fake, name, { env_vars: 'D=5', env_vars_update_strategy: 'overwrite', smoke_test: 'false' }));
    expect(failure(overwritten)).toBe('');
    expect(envOf(container())).toEqual({ D: '5' });
    expect(overwritten.outputs.changed).toBe('true');
  }),
);

test.concurrent('switching kind under the same name: job, service and back to a job: the trigger runs the job with an OAuth token; the service stays; the warning names it', () =>
  withFake(async (fake) => {
    const name = 'switch';
    // the job, then the service under the same name (the switch of the case below), deployed here
    expect(failure(await run(fake, jobInputs(fake, name, { smoke_test: 'false' })))).toBe('');
    expect(failure(await run(fake, serviceInputs(fake, name, { smoke_test: 'false' })))).toBe('');

    const before = fake.requests.length;
    const executionsBefore = fake.executions().filter((e) => String(e.name).startsWith(`${JOB(name)}/`)).length;
    const asJob = await run(fake, jobInputs(fake, name));
    expect(failure(asJob)).toBe('');
    const sj = schedulerJob(fake, name);
    expect(sj.httpTarget.uri).toBe(RUN_URI(name));
    expect(sj.httpTarget.oauthToken).toEqual({ serviceAccountEmail: fake.world.invoker, scope: 'https://www.googleapis.com/auth/cloud-platform' });
    expect(sj.httpTarget.oidcToken).toBeUndefined();
    expect(writesIn(fake, before).map((w) => `${w.method} ${w.path}`)).toEqual([`PATCH /v1/${SCHEDULER(name)}`]);
    expect(runService(fake, name)).toBeDefined();
    const warnings = asJob.stdout.split('\n').filter((l) => l.startsWith('::warning'));
    expect(warnings.join('\n')).toContain('gcloud run services delete switch --region=us-central1 --project=demo-project');
    expect(asJob.outputs.execution_status).toBe('succeeded');
    expect(fake.executions().filter((e) => String(e.name).startsWith(`${JOB(name)}/`)).length).toBe(executionsBefore + 1);
  }),
);

test.concurrent('fields the action does not manage survive an update of the job', () =>
  withFake(async (fake) => {
    const first = await run(fake, jobInputs(fake, 'keep', { labels: 'team=data', smoke_test: 'false' }));
    expect(failure(first)).toBe('');
    await editElsewhere(fake, JOB('keep'), (job) => {
      job.labels = { ...job.labels, 'cost-center': 'cc-42' };
      job.annotations = { 'example.com/owner': 'platform' };
      job.template.template.vpcAccess = { connector: `${P}/connectors/vpc-1`, egress: 'PRIVATE_RANGES_ONLY' };
      job.template.template.volumes = [{ name: 'scratch', emptyDir: { medium: 'MEMORY', sizeLimit: '1Gi' } }];
      job.template.template.containers[0].volumeMounts = [{ name: 'scratch', mountPath: '/scratch' }];
    });
    expect(runJob(fake, 'keep').template.template.vpcAccess).toBeDefined();

    const before = fake.requests.length;
    const second = await run(fake, jobInputs(fake, 'keep', { image: image('keep', 'e'), env_vars: 'MODE=full', smoke_test: 'false' }));
    expect(failure(second)).toBe('');
    expect(writesIn(fake, before).map((w) => `${w.method} ${w.path}`)).toEqual([`PATCH /v2/${JOB('keep')}`]);
    const job = runJob(fake, 'keep');
    const t = job.template.template;
    expect(t.containers[0].image).toBe(image('keep', 'e'));
    expect(envOf(t.containers[0])).toEqual({ MODE: 'full' });
    expect(t.vpcAccess).toEqual({ connector: `${P}/connectors/vpc-1`, egress: 'PRIVATE_RANGES_ONLY' });
    expect(t.volumes).toEqual([{ name: 'scratch', emptyDir: { medium: 'MEMORY', sizeLimit: '1Gi' } }]);
    expect(t.containers[0].volumeMounts).toHaveLength(1);
    expect(t.containers[0].volumeMounts[0]).toMatchObject({ name: 'scratch', mountPath: '/scratch' });
    expect(job.annotations).toEqual({ 'example.com/owner': 'platform' });
    expect(job.labels).toEqual({ ...ownerLabels('keep'), team: 'data', 'cost-center': 'cc-42' });
    // and a rerun sees them as no difference
    const third = await run(fake, jobInputs(fake, 'keep', { image: image('keep', 'e'), env_vars: 'MODE=full', smoke_test: 'false' }));
    expect(third.outputs.changed).toBe('false');
  }),
);

test.concurrent('a service whose last revision failed is deployed again on a rerun, and fails again while it still fails', () =>
  withFake(async (fake) => {
    const broken = serviceInputs(fake, 'fails-twice', { image: `us-docker.pkg.dev/demo-project/apps/fake-notready@${DIGEST('9')}` });
    const first = await run(fake, broken);
    expect(first.code).not.toBe(0);
    const before = fake.requests.length;
    const second = await run(fake, broken);
    expect(second.code).not.toBe(0);
    expect(failure(second)).toMatch(/failed to start and listen on the port/);
    expect(writesIn(fake, before).map((w) => `${w.method} ${w.path}`)).toEqual([`PATCH /v2/${SERVICE('fails-twice')}`]);
    expect(visibleLog(second)).toMatch(/latest revision is not Ready .*: deployed again/);
    const fixed = await run(fake, serviceInputs(fake, 'fails-twice'));
    expect(failure(fixed)).toBe('');
    expect(fixed.outputs.execution_status).toBe('succeeded');
  }),
);

test.concurrent.each([
  ['job', (fake: FakeGcp) => jobInputs(fake, 'same-job')],
  ['service', (fake: FakeGcp) => serviceInputs(fake, 'same-svc', { env_vars: 'MODE=batch', labels: 'team=data', memory: '1Gi', cpu: '1' })],
  [
    'job with every job input',
    (fake: FakeGcp) =>
      jobInputs(fake, 'same-job-all', {
        env_vars: 'MODE=batch\nLEVEL=3', secrets: 'DB_PASSWORD=db-password:2', labels: 'team=data', command: 'node', args: 'run.js,--all',
        cpu: '2', memory: '1Gi', tasks: '3', parallelism: '2', max_retries: '0', task_timeout: '1h30m',
        attempt_deadline: '5m', retry_count: '2', body: '{"overrides":{"taskCount":3}}',
      }),
  ],
  [
    'service with every service input',
    (fake: FakeGcp) =>
      serviceInputs(fake, 'same-svc-all', {
        env_vars: 'MODE=web', secrets: 'API_KEY=api-key:latest', command: 'node', args: 'server.js', cpu: '500m', memory: '256Mi',
        timeout: '15m', concurrency: '1', min_instances: '1', max_instances: '3', ingress: 'internal', path: '/hooks/tick?x=1',
        http_method: 'PUT', body: '{"tick":true}', attempt_deadline: '90s', retry_count: '1',
      }),
  ],
])('the same inputs twice with a digest-pinned image write nothing the second time: %s', (_kind, inputsOf) =>
  withFake(async (fake) => {
    const inputs = () => inputsOf(fake);
    const first = await run(fake, inputs());
    expect(failure(first)).toBe('');
    expect(first.outputs.changed).toBe('true');
    const before = fake.requests.length;
    const second = await run(fake, inputs());
    expect(failure(second)).toBe('');
    expect(second.outputs.changed).toBe('false');
    expect(writesIn(fake, before)).toEqual([]);
    // smoke_test defaults to changed: the second run sends nothing but reads, not even a run
    const nonReads = fake.requests.slice(before).filter((r) => (r.service === 'run' || r.service === 'scheduler') && r.method !== 'GET');
    expect(nonReads.map((r) => `${r.method} ${r.path}`)).toEqual([]);
    expect(planOf(second).map((c) => c.action)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(second.outputs.execution_status).toBe('skipped');
    // smoke_test: true runs the Scheduler job once, and writes nothing else
    const third = await run(fake, { ...inputs(), smoke_test: 'true' });
    const thirdNonReads = fake.requests.slice(before).filter((r) => (r.service === 'run' || r.service === 'scheduler') && r.method !== 'GET');
    expect(thirdNonReads.map((r) => `${r.method} ${r.path}`)).toEqual([`POST /v1/${SCHEDULER(inputs().name!)}:run`]);
    expect(third.outputs).toMatchObject({ changed: 'false', execution_status: 'succeeded' });
    expect(visibleLog(second)).toMatch(/0 to create, 0 to update, 3 unchanged/);
  }),
);

test.concurrent.each([
  ['job', jobInputs, { task_timeout: '10m', max_retries: '3', tasks: '1', cpu: '1', memory: '512Mi', time_zone: 'Europe/Berlin', attempt_deadline: '3m', retry_count: '0' }],
  ['service', serviceInputs, { timeout: '5m', concurrency: '80', min_instances: '0', cpu: '1000m', memory: '512Mi', ingress: 'all', path: '/' }],
])('%s: inputs that spell the server-filled defaults compare equal to inputs left empty', (kind, inputsOf, defaults) =>
  withFake(async (fake) => {
    const name = `defaults-${kind}`;
    const first = await run(fake, inputsOf(fake, name, { smoke_test: 'false' }));
    expect(failure(first)).toBe('');
    const before = fake.requests.length;
    const second = await run(fake, inputsOf(fake, name, { ...defaults, smoke_test: 'false' }));
    expect(failure(second)).toBe('');
    expect(second.outputs.changed).toBe('false');
    expect(writesIn(fake, before)).toEqual([]);
    expect(planOf(second).every((c) => c.action === 'unchanged')).toBe(true);
  }),
);

test.concurrent.each([
  ['job', jobInputs, 'img-job', '/jobs/'],
  ['service', serviceInputs, 'img-svc', '/services/'],
])('a new image only: %s: exactly one write of the workload; Scheduler and IAM untouched', (_kind, inputsOf, name, collection) =>
  withFake(async (fake) => {
    const first = await run(fake, inputsOf(fake, name, { smoke_test: 'false' }));
    expect(failure(first)).toBe('');
    const scheduledBefore = schedulerConfig(fake, name);
    const before = fake.requests.length;
    const second = await run(fake, inputsOf(fake, name, { image: image(name, 'b') }));
    expect(failure(second)).toBe('');
    expect(second.outputs.changed).toBe('true');
    expect(writesIn(fake, before)).toEqual([{ method: 'PATCH', path: `/v2/${P}${collection}${name}`, query: expect.any(String) }]);
    expect(fake.requests.slice(before).filter((r) => r.path.endsWith(':setIamPolicy'))).toEqual([]);
    expect(schedulerConfig(fake, name)).toBe(scheduledBefore); // userUpdateTime included
    expect(summaryOf(planOf(second))).toEqual([
      [collection === '/jobs/' ? 'run-job' : 'run-service', 'update', ['image']],
      ['iam-binding', 'unchanged', []],
      ['scheduler-job', 'unchanged', []],
    ]);
    const workload = collection === '/jobs/' ? runJob(fake, name).template.template : runService(fake, name).template;
    expect(workload.containers[0].image).toBe(image(name, 'b'));
    expect(second.outputs.execution_status).toBe('succeeded');
  }),
);

const scheduleCases: [string, Record<string, string>, string[]][] = [
  ['schedule', { schedule: '15 4 * * 1-5' }, ['schedule']],
  ['time_zone', { time_zone: 'America/New_York' }, ['time_zone']],
  ['both', { schedule: '0 6 * * *', time_zone: 'Asia/Tokyo' }, ['schedule', 'time_zone']],
];
test.concurrent.each(scheduleCases)('a new schedule or time zone only: one Scheduler PATCH with exactly that in its updateMask: %s', (what, change, mask) =>
  withFake(async (fake) => {
    const name = `sched-${what.replace('_', '')}`;
    const quick = { smoke_test: 'false' };
    const first = await run(fake, jobInputs(fake, name, quick));
    expect(failure(first)).toBe('');
    const before = fake.requests.length;
    const second = await run(fake, jobInputs(fake, name, { ...change, ...quick }));
    expect(failure(second)).toBe('');
    expect(second.outputs.changed).toBe('true');
    const writes = writesIn(fake, before);
    expect(writes.map((w) => `${w.method} ${w.path}`)).toEqual([`PATCH /v1/${SCHEDULER(name)}`]);
    expect(updateMask(writes[0]!.query).map((p) => p.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`))).toEqual(mask);
    const sj = schedulerJob(fake, name);
    if (change.schedule) expect(sj.schedule).toBe(change.schedule);
    if (change.time_zone) expect(sj.timeZone).toBe(change.time_zone);
    expect(sj.httpTarget.uri).toBe(RUN_URI(name));
    expect(summaryOf(planOf(second))).toEqual([
      ['run-job', 'unchanged', []],
      ['iam-binding', 'unchanged', []],
      ['scheduler-job', 'update', mask],
    ]);
  }),
);

test.concurrent('fields the action does not manage survive an update of the service', () =>
  withFake(async (fake) => {
    const first = await run(fake, serviceInputs(fake, 'keep-svc', { smoke_test: 'false' }));
    expect(failure(first)).toBe('');
    await editElsewhere(fake, SERVICE('keep-svc'), (svc) => {
      svc.annotations = { 'example.com/owner': 'platform' };
      svc.template.vpcAccess = { networkInterfaces: [{ network: 'default', subnetwork: 'default' }], egress: 'ALL_TRAFFIC' };
      svc.template.containers[0].ports = [{ name: 'http1', containerPort: 3000 }];
    });
    const before = fake.requests.length;
    const second = await run(fake, serviceInputs(fake, 'keep-svc', { image: image('keep-svc', 'e'), concurrency: '10' }));
    expect(failure(second)).toBe('');
    expect(writesIn(fake, before).map((w) => `${w.method} ${w.path}`)).toEqual([`PATCH /v2/${SERVICE('keep-svc')}`]);
    const svc = runService(fake, 'keep-svc');
    expect(svc.template.containers[0].image).toBe(image('keep-svc', 'e'));
    expect(svc.template.maxInstanceRequestConcurrency).toBe(10);
    // (the official client sends proto3 defaults such as connector: "", which mean unset)
    expect(svc.template.vpcAccess).toMatchObject({ networkInterfaces: [{ network: 'default', subnetwork: 'default' }], egress: 'ALL_TRAFFIC' });
    expect(svc.template.containers[0].ports).toEqual([{ name: 'http1', containerPort: 3000 }]);
    expect(svc.annotations).toEqual({ 'example.com/owner': 'platform' });
    expect(second.outputs.execution_status).toBe('succeeded');
  }),
);

test.concurrent('dry_run: true with everything different: the plan lists every change, changed=false, nothing written', () =>
  withFake(async (fake) => {
    const name = 'dry';
    const first = await run(fake, jobInputs(fake, name, { smoke_test: 'false' }));
    expect(failure(first)).toBe('');
    const jobBefore = JSON.stringify(runJob(fake, name));
    const schedulerBefore = JSON.stringify(schedulerJob(fake, name));
    const policyBefore = JSON.stringify(fake.getPolicy(JOB(name)));
    const executionsBefore = fake.executions().length;

    const before = fake.requests.length;
    const result = await run(
      fake,
      jobInputs(fake, name, {
        dry_run: 'true',
        image: image(name, 'f'),
        env_vars: 'MODE=dry',
        labels: 'team=ops',
        cpu: '2',
        memory: '1Gi',
        tasks: '4',
        max_retries: '1',
        task_timeout: '30m',
        runtime_service_account: 'other@demo-project.iam.gserviceaccount.com',
        schedule: '*/5 * * * *',
        time_zone: 'Asia/Tokyo',
        attempt_deadline: '10m',
        retry_count: '2',
        invoker_service_account: fake.world.runtime,
      }),
    );
    expect(failure(result)).toBe('');
    expect(result.code).toBe(0);
    expect(result.outputs.changed).toBe('false');
    expect(result.outputs.execution_status).toBe('skipped');

    // every change is in the plan output
    const plan = planOf(result);
    expect(summaryOf(plan)).toEqual([
      ['run-job', 'update', ['cpu', 'env_vars', 'image', 'labels', 'max_retries', 'memory', 'owner_record.grants', 'runtime_service_account', 'task_timeout', 'tasks']],
      ['iam-binding', 'create', ['binding']],
      // the old invoker, which the action granted, goes in the same policy write
      ['iam-binding', 'delete', ['binding']],
      ['scheduler-job', 'update', ['attempt_deadline', 'retry_count', 'schedule', 'target', 'time_zone']],
    ]);
    const image0 = plan[0]!.fields.find((f) => f.field === 'image')!;
    expect(image0).toEqual({ field: 'image', before: image(name, 'a'), after: image(name, 'f') });
    expect(plan[1]!.fields[0]!.after).toBe(`roles/run.invoker serviceAccount:${fake.world.runtime}`);

    // zero writes, not even the smoke test's run
    const sent = fake.requests.slice(before).filter((r) => r.service === 'run' || r.service === 'scheduler');
    expect(sent.filter((r) => r.method !== 'GET' && !r.path.endsWith(':getIamPolicy'))).toEqual([]);
    expect(JSON.stringify(runJob(fake, name))).toBe(jobBefore);
    expect(JSON.stringify(schedulerJob(fake, name))).toBe(schedulerBefore);
    expect(JSON.stringify(fake.getPolicy(JOB(name)))).toBe(policyBefore);
    expect(fake.executions().length).toBe(executionsBefore);

    // the plan is in the log as a readable diff, and in the summary
    const log = visibleLog(result);
    expect(log).toContain(`~ update run-job ${JOB(name)}`);
    expect(log).toMatch(/image: ".*" -> ".*"/);
    expect(log).toMatch(/schedule: "0 3 \* \* \*" -> "\*\/5 \* \* \* \*"/);
    expect(log).toMatch(/Plan: 1 to create, 2 to update, 1 to delete, 0 unchanged\./);
    expect(result.summary).toMatch(/Dry run/);
    expect(result.summary).toContain(`~ update scheduler-job ${SCHEDULER(name)}`);
    expect(result.summary).toContain('time_zone: "Europe/Berlin" -> "Asia/Tokyo"');
  }),
);

test.concurrent('dry_run: true on a service with every service field different: each is in the plan, nothing is written', () =>
  withFake(async (fake) => {
    const name = 'dry-svc';
    const first = await run(fake, serviceInputs(fake, name, { smoke_test: 'false' }));
    expect(failure(first)).toBe('');
    const serviceBefore = JSON.stringify(runService(fake, name));
    const before = fake.requests.length;
    const result = await run(
      fake,
      serviceInputs(fake, name, {
        dry_run: 'true',
        image: image(name, 'f'),
        timeout: '20m',
        concurrency: '5',
        min_instances: '1',
        max_instances: '4',
        ingress: 'internal-and-cloud-load-balancing',
        allow_unauthenticated: 'true',
        path: '/run',
        http_method: 'GET',
      }),
    );
    expect(failure(result)).toBe('');
    expect(result.outputs.changed).toBe('false');
    expect(summaryOf(planOf(result))).toEqual([
      ['run-service', 'update', ['concurrency', 'image', 'ingress', 'max_instances', 'min_instances', 'owner_record.grants', 'timeout']],
      ['iam-binding', 'unchanged', []],
      ['iam-binding', 'create', ['binding']],
      ['scheduler-job', 'update', ['target']],
    ]);
    const sent = fake.requests.slice(before).filter((r) => r.service === 'run' || r.service === 'scheduler');
    expect(sent.filter((r) => r.method !== 'GET' && !r.path.endsWith(':getIamPolicy'))).toEqual([]);
    expect(JSON.stringify(runService(fake, name))).toBe(serviceBefore);
    expect(JSON.stringify(fake.getPolicy(SERVICE(name)))).not.toContain('allUsers');
  }),
);

test.concurrent('dry_run: true for a target that does not exist yet: the plan creates everything, nothing is written', () =>
  withFake(async (fake) => {
    const before = fake.requests.length;
    const result = await run(fake, serviceInputs(fake, 'dry-new', { dry_run: 'true' }));
    expect(failure(result)).toBe('');
    expect(result.outputs.changed).toBe('false');
    expect(planOf(result).map((c) => [c.type, c.action])).toEqual([
      ['run-service', 'create'],
      ['iam-binding', 'create'],
      ['scheduler-job', 'create'],
    ]);
    const sent = fake.requests.slice(before).filter((r) => r.service === 'run' || r.service === 'scheduler');
    expect(sent.filter((r) => r.method !== 'GET' && !r.path.endsWith(':getIamPolicy'))).toEqual([]);
    expect(runService(fake, 'dry-new')).toBeUndefined();
    expect(schedulerJob(fake, 'dry-new')).toBeUndefined();
  }),
);

test.concurrent('switching kind under the same name: job then service: the trigger targets the service with an OIDC token; the job stays; the warning names it', () =>
  withFake(async (fake) => {
    const name = 'switch';
    const asJob = await run(fake, jobInputs(fake, name, { smoke_test: 'false' }));
    expect(failure(asJob)).toBe('');
    expect(schedulerJob(fake, name).httpTarget.oauthToken).toBeDefined();

    const before = fake.requests.length;
    const asService = await run(fake, serviceInputs(fake, name));
    expect(failure(asService)).toBe('');
    expect(asService.outputs.changed).toBe('true');
    const uri = runService(fake, name).uri as string;
    const sj = schedulerJob(fake, name);
    expect(sj.httpTarget.uri).toBe(`${uri}/`);
    expect(sj.httpTarget.oidcToken).toEqual({ serviceAccountEmail: fake.world.invoker, audience: uri });
    expect(sj.httpTarget.oauthToken).toBeUndefined();
    // the Scheduler job was re-pointed in place: one PATCH, no create
    const schedulerWrites = writesIn(fake, before).filter((w) => w.path.startsWith('/v1/'));
    expect(schedulerWrites.map((w) => `${w.method} ${w.path}`)).toEqual([`PATCH /v1/${SCHEDULER(name)}`]);
    expect(updateMask(schedulerWrites[0]!.query)).toContain('http_target');
    const change = planOf(asService).find((c) => c.type === 'scheduler-job')!;
    expect(change.reason).toMatch(/re-pointed from the Cloud Run job to the service, with an OIDC token/);
    // the job is left in place, and the warning names it and how to delete it
    expect(runJob(fake, name)).toBeDefined();
    const warnings = asService.stdout.split('\n').filter((l) => l.startsWith('::warning'));
    expect(warnings.join('\n')).toMatch(/Cloud Run job named switch still exists/);
    expect(warnings.join('\n')).toContain('gcloud run jobs delete switch --region=us-central1 --project=demo-project');
    // and the smoke test called the service through the re-pointed trigger
    const served = fake.servedRequests().filter((s) => s.service === SERVICE(name));
    expect(served).toHaveLength(1);
    expect(served[0]!.claims).toMatchObject({ aud: uri, email: fake.world.invoker });
    expect(asService.outputs.execution_status).toBe('succeeded');
  }),
);

test.concurrent.each([
  ['job', jobInputs, JOB, (r: any) => r.template.annotations],
  ['service', serviceInputs, SERVICE, (r: any) => r.template.annotations],
])('an image named by a tag is redeployed on every run, and the log says why once: %s', (kind, inputsOf, resourceOf, annotationsOf) =>
  withFake(async (fake) => {
    const name = `tagged-${kind}`;
    const tagged = { image: `us-docker.pkg.dev/demo-project/apps/${name}:latest`, smoke_test: 'false' };
    const current = () => [...fake.runJobs(), ...fake.runServices()].find((r) => r.name === resourceOf(name));
    const first = await run(fake, inputsOf(fake, name, tagged));
    expect(failure(first)).toBe('');
    const deployId = annotationsOf(current())?.['cloud-run-cron/deploy-id'];
    const before = fake.requests.length;
    const second = await run(fake, inputsOf(fake, name, tagged));
    expect(failure(second)).toBe('');
    expect(second.outputs.changed).toBe('true');
    expect(writesIn(fake, before).map((w) => `${w.method} ${w.path}`)).toEqual([`PATCH /v2/${resourceOf(name)}`]);
    const reasons = visibleLog(second).split('\n').filter((l) => /image is named by a tag/.test(l));
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(/may point at a new digest.*pin the image by @sha256: digest/);
    expect(planOf(second)[0]).toMatchObject({ action: 'update', reason: expect.stringMatching(/tag/) });
    // the redeploy changes the template, so Cloud Run resolves the tag again
    expect(annotationsOf(current())?.['cloud-run-cron/deploy-id']).not.toBe(deployId);
    if (kind === 'service') expect(current()!.latestReadyRevision).toMatch(/-00002-/);
  }),
);

test.concurrent('a service whose revision was named elsewhere is updated (the fixed name is not sent back)', () =>
  withFake(async (fake) => {
    const first = await run(fake, serviceInputs(fake, 'named-rev', { smoke_test: 'false' }));
    expect(failure(first)).toBe('');
    await editElsewhere(fake, SERVICE('named-rev'), (svc) => {
      svc.template.revision = 'named-rev-pinned';
      svc.template.containers[0].env = [{ name: 'SET_BY', value: 'terraform' }];
    });
    const second = await run(fake, serviceInputs(fake, 'named-rev', { image: image('named-rev', 'f') }));
    expect(failure(second)).toBe('');
    expect(runService(fake, 'named-rev').template.containers[0].image).toBe(image('named-rev', 'f'));
    expect(runService(fake, 'named-rev').latestReadyRevision).not.toBe('named-rev-pinned');
  }),
);
