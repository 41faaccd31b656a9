// Fleet mode end to end: a manifest of three workloads deploys, reruns as a
// no-op, changes one schedule with exactly one Scheduler PATCH, and prunes a removed
// workload without touching an unmarked job; a bad manifest fails before any request; a
// workload with the networking and spec keys (VPC egress, a spec mapping) deploys and reruns as a no-op.
// Every case runs concurrently with the others, on a local Google Cloud of its own, except the
// story of the fleet of three: its steps share one fake and run one after the other (each starts
// once the one before has settled) while the other cases run. All cases are at the top level:
// jest runs the concurrent cases of one describe block together, but the blocks one after the other.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { closeFakes, DIGEST, failure, jobInputs, run, startFake, withFake, writesIn, type FakeGcp } from './setup.ts';

// Each run writes its manifest into a workspace of its own (runs are concurrent).
const workspaces = mkdtempSync(join(tmpdir(), 'fleet-'));
afterAll(async () => {
  await closeFakes();
  rmSync(workspaces, { recursive: true, force: true });
});

const P = 'projects/demo-project/locations/us-central1';

function manifest(fake: FakeGcp, opts: { nightly?: string; withWarmer?: boolean; withWeekly?: boolean } = {}): string {
  const w = fake.world;
  const image = (n: string) => `us-docker.pkg.dev/${w.projectId}/apps/${n}@${DIGEST('a')}`;
  return `# yaml-language-server: $schema=../schema/manifest.schema.json
version: 1
fleet: reports
defaults:
  runtime_service_account: ${w.runtime}
  invoker_service_account: ${w.invoker}
  time_zone: Europe/Berlin
workloads:
  - name: nightly-report
    kind: job
    image: \${REPORT_IMAGE}
    schedule: '${opts.nightly ?? '0 3 * * *'}'
  - name: ingest
    kind: job
    image: ${image('ingest')}
    env_vars: { SOURCE: s3, URLS: 'a,b' }
    args: ['--since', '1 hour']
    schedules:
      - id: hourly
        schedule: '0 * * * *'
${
  opts.withWeekly === false
    ? ''
    : `      - id: weekly-full
        schedule: '30 2 * * 0'
        args: ['--full']
        task_count: 4
`
}${
  opts.withWarmer === false
    ? ''
    : `  - name: cache-warmer
    kind: service
    image: ${image('warmer')}
    schedule: '*/15 * * * *'
    path: /warm
`
}`;
}

function fleetRun(fake: FakeGcp, text: string, inputs: Record<string, string> = {}, env: Record<string, string> = {}) {
  const workspace = mkdtempSync(join(workspaces, 'run-'));
  writeFileSync(join(workspace, 'cloud-run-cron.yaml'), text);
  const w = fake.world;
  return run(
    fake,
    { workload_identity_provider: w.provider, service_account: w.deployer, region: w.region, manifest: 'cloud-run-cron.yaml', ...inputs },
    { GITHUB_WORKSPACE: workspace, REPORT_IMAGE: `us-docker.pkg.dev/${w.projectId}/apps/report@${DIGEST('b')}`, ...env },
  );
}

interface Result {
  name: string;
  kind: string;
  resource: string;
  scheduler_jobs: string[];
  changed: boolean;
  execution_status: string;
}

const FLEET = 'a fleet of three';
let storyFake: FakeGcp;
let lastStep: Promise<unknown> = Promise.resolve();
beforeAll(async () => {
  storyFake = await startFake();
});
afterAll(async () => {
  await storyFake?.close();
});
/**
 * A step of the story of the fleet of three, on its one fake: it starts once the step before it
 * has settled, passed or failed, as the next of sequential tests would (jest starts concurrent
 * cases in the order they are declared).
 */
function step(fn: (fake: FakeGcp) => Promise<void>): () => Promise<void> {
  return () => {
    const mine = lastStep.catch(() => undefined).then(() => fn(storyFake));
    lastStep = mine;
    return mine;
  };
}

test.concurrent(`${FLEET}: deploys every workload with the fleet marks, in one run`,
  step(async (fake) => {
    const r = await fleetRun(fake, manifest(fake));
    expect(failure(r)).toBe('');
    const results = JSON.parse(r.outputs.results!) as Result[];
    expect(results.map((x) => [x.name, x.kind, x.resource, x.changed])).toEqual([
      ['nightly-report', 'job', `${P}/jobs/nightly-report`, true],
      ['ingest', 'job', `${P}/jobs/ingest`, true],
      ['cache-warmer', 'service', `${P}/services/cache-warmer`, true],
    ]);
    expect(results[0]!.scheduler_jobs).toEqual([`${P}/jobs/nightly-report-schedule`]);
    // smoke_test defaults to changed in fleet mode: every workload was written, so each ran once.
    expect(results.map((x) => x.execution_status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    expect(r.outputs.changed).toBe('true');
    const job = fake.runJobs().find((j) => j.name === `${P}/jobs/ingest`) as any;
    expect(job.labels).toMatchObject({ 'managed-by': 'cloud-run-cron', 'cloud-run-cron-fleet': 'reports' });
    expect(job.template.template.containers[0].args).toEqual(['--since', '1 hour']);
    expect(job.template.template.containers[0].env).toEqual(expect.arrayContaining([{ name: 'URLS', value: 'a,b' }]));
    const nightly = fake.runJobs().find((j) => j.name === `${P}/jobs/nightly-report`) as any;
    expect(nightly.template.template.containers[0].image).toContain(DIGEST('b'));
    const sj = fake.schedulerJobs().find((j) => String(j.name).endsWith('/jobs/cache-warmer-schedule')) as any;
    expect(sj.description).toMatch(/^cloud-run-cron fleet=reports repo=2000002 workload=cache-warmer\n/);
    // Two schedules of one job: two Scheduler jobs, the second with its overrides in the v1 run body.
    expect(results[1]!.scheduler_jobs).toEqual([`${P}/jobs/ingest-hourly`, `${P}/jobs/ingest-weekly-full`]);
    const weekly = fake.schedulerJobs().find((j) => String(j.name).endsWith('/jobs/ingest-weekly-full')) as any;
    expect(JSON.parse(Buffer.from(weekly.httpTarget.body, 'base64').toString())).toEqual({
      overrides: { containerOverrides: [{ args: ['--full'] }], taskCount: 4 },
    });
    const hourly = fake.schedulerJobs().find((j) => String(j.name).endsWith('/jobs/ingest-hourly')) as any;
    expect(hourly.httpTarget.body).toBeUndefined();
    // Overrides need run.jobs.runWithOverrides: the invoker gets that role on this job only.
    expect(fake.getPolicy(`${P}/jobs/ingest`).bindings).toEqual([{ role: 'roles/run.jobsExecutorWithOverrides', members: [`serviceAccount:${fake.world.invoker}`] }]);
    expect(fake.getPolicy(`${P}/jobs/nightly-report`).bindings).toEqual([{ role: 'roles/run.invoker', members: [`serviceAccount:${fake.world.invoker}`] }]);
  }),
);

test.concurrent(`${FLEET}: a rerun reads with list calls (every page), writes nothing and runs no smoke test`,
  step(async (fake) => {
    const before = fake.requests.length;
    fake.listPageMax = 1; // one item a page: the action must follow nextPageToken
    const r = await fleetRun(fake, manifest(fake)).finally(() => (fake.listPageMax = Infinity));
    expect(failure(r)).toBe('');
    const reads = fake.requests.slice(before).filter((q) => q.method === 'GET');
    expect(reads.some((q) => q.path === `/v2/${P}/jobs` && q.query.includes('pageToken='))).toBe(true);
    expect(reads.some((q) => q.path === `/v1/${P}/jobs` && q.query.includes('pageToken='))).toBe(true);
    // No read of one workload at a time: its IAM policy only.
    expect(reads.filter((q) => /\/(jobs|services)\/[^/:]+$/.test(q.path))).toEqual([]);
    expect(writesIn(fake, before)).toEqual([]);
    expect(r.outputs.changed).toBe('false');
    expect((JSON.parse(r.outputs.results!) as Result[]).map((x) => x.execution_status)).toEqual(['skipped', 'skipped', 'skipped']);
    // One authentication for the fleet.
    expect(fake.requests.slice(before).filter((q) => q.service === 'sts').length).toBe(1);
  }),
);

test.concurrent(`${FLEET}: a changed schedule is exactly one Scheduler PATCH`,
  step(async (fake) => {
    const before = fake.requests.length;
    const r = await fleetRun(fake, manifest(fake, { nightly: '0 4 * * *' }), { smoke_test: 'false' });
    expect(failure(r)).toBe('');
    const writes = writesIn(fake, before);
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({ method: 'PATCH', path: `/v1/${P}/jobs/nightly-report-schedule` });
  }),
);

test.concurrent(`${FLEET}: prune deletes a removed schedule, a removed workload and its Scheduler job, and nothing without the marks`,
  step(async (fake) => {
    // The same name pattern, deployed without the fleet (so without its marks).
    const single = await run(fake, jobInputs(fake, 'cache-warmer-2', { smoke_test: 'false', scheduler_job: 'cache-warmer-2-schedule' }));
    expect(failure(single)).toBe('');

    const dry = await fleetRun(fake, manifest(fake, { nightly: '0 4 * * *', withWarmer: false, withWeekly: false }), { prune: 'true', dry_run: 'true' });
    expect(failure(dry)).toBe('');
    const planned = (JSON.parse(dry.outputs.plan!) as { type: string; resource: string; action: string; fields: { before?: string }[] }[]).filter((c) => c.action === 'delete');
    // ingest's trigger with overrides is gone: the overrides role the action granted goes too (the invoker role replaces it).
    expect(planned.filter((c) => c.type === 'iam-binding').map((c) => [c.resource, c.fields[0]!.before])).toEqual([
      [`${P}/jobs/ingest`, `roles/run.jobsExecutorWithOverrides serviceAccount:${fake.world.invoker}`],
    ]);
    expect(planned.filter((c) => c.type !== 'iam-binding').map((c) => [c.type, c.resource])).toEqual([
      ['scheduler-job', `${P}/jobs/cache-warmer-schedule`],
      ['scheduler-job', `${P}/jobs/ingest-weekly-full`],
      ['run-service', `${P}/services/cache-warmer`],
    ]);
    expect(fake.runServices().some((s) => s.name === `${P}/services/cache-warmer`)).toBe(true);

    const before = fake.requests.length;
    const r = await fleetRun(fake, manifest(fake, { nightly: '0 4 * * *', withWarmer: false, withWeekly: false }), { prune: 'true' });
    expect(failure(r)).toBe('');
    const deletes = fake.requests.slice(before).filter((q) => q.method === 'DELETE').map((q) => q.path);
    // Triggers first, then workloads.
    expect(deletes.slice(0, 2).sort()).toEqual([`/v1/${P}/jobs/cache-warmer-schedule`, `/v1/${P}/jobs/ingest-weekly-full`]);
    expect(deletes.slice(2)).toEqual([`/v2/${P}/services/cache-warmer`]);
    expect(fake.schedulerJobs().some((j) => String(j.name).endsWith('/jobs/ingest-hourly'))).toBe(true);
    expect(fake.runJobs().some((j) => j.name === `${P}/jobs/ingest`)).toBe(true);
    expect(fake.runServices().some((s) => s.name === `${P}/services/cache-warmer`)).toBe(false);
    expect(fake.runJobs().some((j) => j.name === `${P}/jobs/cache-warmer-2`)).toBe(true);
    expect(fake.getPolicy(`${P}/jobs/ingest`).bindings).toEqual([{ role: 'roles/run.invoker', members: [`serviceAccount:${fake.world.invoker}`] }]);
    expect(fake.schedulerJobs().some((j) => String(j.name).endsWith('/jobs/cache-warmer-2-schedule'))).toBe(true);
    expect(r.outputs.changed).toBe('true');
  }),
);

test.concurrent(`${FLEET}: a manifest with no workloads never prunes`,
  step(async (fake) => {
    const before = fake.requests.length;
    const r = await fleetRun(fake, 'version: 1\nfleet: reports\nworkloads: []\n', { prune: 'true' });
    expect(failure(r)).toBe('');
    expect(fake.requests.slice(before).filter((q) => q.method === 'DELETE')).toEqual([]);
    expect(fake.runJobs().some((j) => j.name === `${P}/jobs/nightly-report`)).toBe(true);
  }),
);

test.concurrent(`${FLEET}: a failing workload does not stop the others; the step names it; 429s are backed off`, () =>
  withFake(async (fake) => {
    // The fleet as the prune of the story above leaves it: nightly-report at 0 4, ingest with its
    // hourly schedule only, no cache-warmer.
    const setUp = await fleetRun(fake, manifest(fake, { nightly: '0 4 * * *', withWarmer: false, withWeekly: false }));
    expect(failure(setUp)).toBe('');
    // Creating one new job is refused; every Scheduler write meets one 429 first.
    fake.injectFault({ method: 'POST', path: `/v2/${P}/jobs`, status: 403, message: 'Permission denied on the new job' });
    fake.injectFault({ method: 'POST', path: /\/v1\/.*\/jobs$/, status: 429, message: 'Quota exceeded' });
    const text = manifest(fake, { nightly: '0 4 * * *' }).replace('workloads:\n', `workloads:\n  - { name: refused, image: us-docker.pkg.dev/${fake.world.projectId}/apps/r@${DIGEST('c')}, schedule: '0 5 * * *' }\n`);
    const r = await fleetRun(fake, text, { smoke_test: 'false' }).finally(() => fake.clearFaults());
    expect(r.code).not.toBe(0);
    expect(failure(r)).toMatch(/^refused: /);
    const results = JSON.parse(r.outputs.results!) as Result[];
    expect(results.map((x) => [x.name, x.resource !== ''])).toEqual([
      ['refused', false],
      ['nightly-report', true],
      ['ingest', true],
      ['cache-warmer', true],
    ]);
    expect(fake.runJobs().some((j) => j.name === `${P}/jobs/refused`)).toBe(false);
    // cache-warmer (not in the fleet before) was created, its Scheduler job after one 429.
    expect(fake.schedulerJobs().some((j) => String(j.name).endsWith('/jobs/cache-warmer-schedule'))).toBe(true);
    expect(r.stdout).toMatch(/Retrying in \d+ms: .*Quota exceeded/);
  }),
);

const BAD = `version: 1
fleet: Reports
workloads:
  - name: a
    imagee: x
    schedule: '0 3 * * *'
  - name: a
    image: \${NOT_SET_ANYWHERE}
    tasks: many
    schedule: '61 * * * *'
`;

test.concurrent("a fleet workload with the networking and spec keys: Direct VPC egress and a spec mapping deploy, and a rerun is a no-op", () =>
  withFake(async (fake) => {
    const w = fake.world;
    const text = `version: 1
fleet: net
defaults: { vpc_network: main, runtime_service_account: ${w.runtime}, invoker_service_account: ${w.invoker} }
workloads:
  - name: etl-vpc
    image: us-docker.pkg.dev/${w.projectId}/apps/etl@${DIGEST('d')}
    vpc_subnetwork: jobs-eu
    vpc_egress: all-traffic
    schedule: '0 2 * * *'
    spec: { template: { template: { maxRetries: 5 } } }
`;
    const r = await fleetRun(fake, text, { smoke_test: 'false' });
    expect(failure(r)).toBe('');
    const job = fake.runJobs().find((j) => j.name === `${P}/jobs/etl-vpc`) as { template: { template: Record<string, unknown> } };
    expect(job.template.template.vpcAccess).toEqual({ egress: 'ALL_TRAFFIC', networkInterfaces: [{ network: 'main', subnetwork: 'jobs-eu' }] });
    expect(job.template.template.maxRetries).toBe(5);
    const before = fake.requests.length;
    const again = await fleetRun(fake, text, { smoke_test: 'false' });
    expect(failure(again)).toBe('');
    expect(writesIn(fake, before)).toEqual([]);
    expect(again.outputs.changed).toBe('false');
  }),
);

test.concurrent('a bad manifest: fails before any request, with every problem and its path', () =>
  withFake(async (fake) => {
    const before = fake.requests.length;
    // A single-workload input next to a manifest is named alone (nothing else is read with it).
    const misplaced = await fleetRun(fake, BAD, { name: 'stray' });
    expect(misplaced.code).not.toBe(0);
    expect(failure(misplaced)).toMatch(/^Manifest cloud-run-cron.yaml: Input 'name': with manifest set, the single-workload inputs must be empty/);
    const r = await fleetRun(fake, BAD);
    expect(r.code).not.toBe(0);
    expect(fake.requests.length).toBe(before);
    // Each problem carries its line in the file (checked in real-cloud.test.ts); compared without it here.
    expect(failure(r)).toMatch(/workloads\[1\]\.tasks \(line \d+\): must be integer/);
    const all = failure(r).replace(/ \(line \d+\)/g, '');
    expect(all).toContain('fleet: must match pattern');
    expect(all).toContain('workloads[0].imagee: unknown key; did you mean image?');
    expect(all).toContain('workloads[1].image: ${NOT_SET_ANYWHERE} is not set');
    expect(all).toContain('workloads[1].tasks: must be integer');
    expect(all).toContain('workloads[1].name: "a" is also workloads[0].name');
  }),
);
