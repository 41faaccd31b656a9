// Ownership (docs/ownership.md): prune and state: absent delete only what carries this run's
// owner record (repository id, fleet, workload) and, for a Scheduler job, only one whose target
// is the workload being removed; nothing is deleted after a failure in the same run; triggers
// are found in every region the workload records; single mode takes a workload out of its
// fleet; the owner record's labels are reserved; the invoker the action granted is removed
// when it changes. Each case runs on a local Google Cloud of its own, concurrently.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from '@jest/globals';
import { closeFakes, DIGEST, editElsewhere, failure, jobInputs, run, visibleLog, withFake, writesIn, type FakeGcp } from './setup.ts';

const workspaces = mkdtempSync(join(tmpdir(), 'ownership-'));
afterAll(async () => {
  await closeFakes();
  rmSync(workspaces, { recursive: true, force: true });
});

const P = 'projects/demo-project/locations/us-central1';
const EU = 'projects/demo-project/locations/europe-west1';

interface Workload {
  name: string;
  extra?: string;
}

/** A manifest of fleet `fleet` with `workloads` (jobs, one schedule each unless `extra` says otherwise). */
function manifest(fake: FakeGcp, fleet: string, workloads: Workload[]): string {
  const w = fake.world;
  return `version: 1
fleet: ${fleet}
defaults:
  runtime_service_account: ${w.runtime}
  invoker_service_account: ${w.invoker}
workloads:
${workloads
  .map((x) => `  - name: ${x.name}\n    image: us-docker.pkg.dev/${w.projectId}/apps/${x.name}@${DIGEST('a')}\n${x.extra ?? "    schedule: '0 3 * * *'\n"}`)
  .join('')}`;
}

function fleetRun(fake: FakeGcp, text: string, inputs: Record<string, string> = {}, env: Record<string, string> = {}) {
  const workspace = mkdtempSync(join(workspaces, 'run-'));
  writeFileSync(join(workspace, 'cloud-run-cron.yaml'), text);
  const w = fake.world;
  return run(
    fake,
    { workload_identity_provider: w.provider, service_account: w.deployer, region: w.region, manifest: 'cloud-run-cron.yaml', smoke_test: 'false', ...inputs },
    { GITHUB_WORKSPACE: workspace, ...env },
  );
}

const jobExists = (fake: FakeGcp, name: string, at = P) => fake.runJobs().some((j) => j.name === `${at}/jobs/${name}`);
const triggerExists = (fake: FakeGcp, id: string, at = P) => fake.schedulerJobs().some((j) => j.name === `${at}/jobs/${id}`);
const deletesIn = (fake: FakeGcp, since: number) => fake.requests.slice(since).filter((q) => q.method === 'DELETE').map((q) => q.path);

test.concurrent('prune after a failed replacement: the renamed workload fails to create, so nothing is deleted, and the step says why', () =>
  withFake(async (fake) => {
    expect(failure(await fleetRun(fake, manifest(fake, 'reports', [{ name: 'report' }, { name: 'other' }])))).toBe('');
    // report becomes report-v2; its create is refused (the deployer may not act as its runtime account).
    const renamed = manifest(fake, 'reports', [{ name: 'report-v2' }, { name: 'other' }]);
    fake.injectFault({ method: 'POST', path: `/v2/${P}/jobs`, status: 403, message: 'Permission iam.serviceaccounts.actAs denied' });
    const before = fake.requests.length;
    const r = await fleetRun(fake, renamed, { prune: 'true' }).finally(() => fake.clearFaults());
    expect(r.code).not.toBe(0);
    expect(deletesIn(fake, before)).toEqual([]);
    expect(jobExists(fake, 'report')).toBe(true);
    expect(triggerExists(fake, 'report-schedule')).toBe(true);
    expect(r.outputs.deletions_skipped).toMatch(/^Prune and state: absent were skipped: report-v2 failed/);
    expect(visibleLog(r)).toMatch(/::warning::Prune and state: absent were skipped: report-v2 failed/);
    expect(r.summary).toContain('Deletions skipped');
    expect(r.summary).toContain('report-v2 failed');
    const plan = JSON.parse(r.outputs.plan) as { action: string; resource: string; status?: string }[];
    expect(plan.filter((c) => c.action === 'delete').map((c) => [c.resource, c.status])).toEqual([
      [`${P}/jobs/report-schedule`, 'not reached'],
      [`${P}/jobs/report`, 'not reached'],
    ]);

    // A dry run whose workload fails validation: the plan shows the deletions, and that prune would be skipped.
    const invalid = renamed.replace('  runtime_service_account: ', '  # no runtime account: ');
    const dry = await fleetRun(fake, invalid, { prune: 'true', dry_run: 'true' });
    expect(failure(dry)).toMatch(/report-v2: Input 'runtime_service_account': required to create/);
    expect(JSON.parse(dry.outputs.plan).filter((c: { action: string }) => c.action === 'delete')).toHaveLength(2);
    expect(dry.outputs.deletions_skipped).toMatch(/^Prune and state: absent would be skipped: report-v2 failed/);
    expect(dry.summary).toContain('Deletions that would be skipped');

    // Once the replacement deploys, prune removes the old workload, its trigger first.
    const fixed = await fleetRun(fake, renamed, { prune: 'true' });
    expect(failure(fixed)).toBe('');
    expect(fixed.outputs.deletions_skipped).toBe('');
    expect(jobExists(fake, 'report')).toBe(false);
    expect(triggerExists(fake, 'report-schedule')).toBe(false);
    expect(fake.deletedWhileTargeted()).toEqual([]);
  }),
);

test.concurrent("teardown from another fleet: fleet other's state: absent refuses fleet reports' workload; force does not override it", () =>
  withFake(async (fake) => {
    expect(failure(await fleetRun(fake, manifest(fake, 'reports', [{ name: 'x' }])))).toBe('');
    const absent = { name: 'x', extra: '    state: absent\n' };
    const before = fake.requests.length;
    const r = await fleetRun(fake, manifest(fake, 'other', [absent]));
    expect(r.code).not.toBe(0);
    expect(failure(r)).toMatch(/^x: state: absent refused: .*the Cloud Run job x belongs to fleet reports of repository 2000002.*\(other-fleet\)/);
    const forced = await fleetRun(fake, manifest(fake, 'other', [{ name: 'x', extra: '    state: absent\n    force: true\n' }]));
    expect(forced.code).not.toBe(0);
    expect(deletesIn(fake, before)).toEqual([]);
    expect(jobExists(fake, 'x')).toBe(true);
    expect(triggerExists(fake, 'x-schedule')).toBe(true);
    // Its own fleet removes it.
    expect(failure(await fleetRun(fake, manifest(fake, 'reports', [absent])))).toBe('');
    expect(jobExists(fake, 'x')).toBe(false);
    expect(triggerExists(fake, 'x-schedule')).toBe(false);
  }),
);

test.concurrent("a teardown entry naming another workload's trigger is refused: nothing is deleted", () =>
  withFake(async (fake) => {
    expect(failure(await fleetRun(fake, manifest(fake, 'reports', [{ name: 'x' }, { name: 'z' }])))).toBe('');
    const before = fake.requests.length;
    const r = await fleetRun(fake, manifest(fake, 'reports', [{ name: 'x', extra: '    state: absent\n    scheduler_job: z-schedule\n' }, { name: 'z' }]));
    expect(r.code).not.toBe(0);
    expect(failure(r)).toMatch(/the Scheduler job z-schedule triggers https:\/\/us-central1-run\.googleapis\.com\/.*\/jobs\/z:run, not the Cloud Run job x: it is another workload's trigger/);
    expect(deletesIn(fake, before)).toEqual([]);
    expect(triggerExists(fake, 'z-schedule')).toBe(true);
    expect(jobExists(fake, 'x')).toBe(true);
  }),
);

test.concurrent('two repositories, one fleet name: repository B prunes only its own workloads', () =>
  withFake(async (fake) => {
    const A = { GITHUB_REPOSITORY: 'acme/a', GITHUB_REPOSITORY_ID: '2000002' };
    const B = { GITHUB_REPOSITORY: 'acme/b', GITHUB_REPOSITORY_ID: '3000003' };
    expect(failure(await fleetRun(fake, manifest(fake, 'prod', [{ name: 'a-job' }]), {}, A))).toBe('');
    expect(failure(await fleetRun(fake, manifest(fake, 'prod', [{ name: 'b-job' }, { name: 'b-old' }]), {}, B))).toBe('');
    const before = fake.requests.length;
    const r = await fleetRun(fake, manifest(fake, 'prod', [{ name: 'b-job' }]), { prune: 'true' }, B);
    expect(failure(r)).toBe('');
    expect(deletesIn(fake, before)).toEqual([`/v1/${P}/jobs/b-old-schedule`, `/v2/${P}/jobs/b-old`]);
    expect(jobExists(fake, 'a-job')).toBe(true);
    expect(triggerExists(fake, 'a-job-schedule')).toBe(true);
    expect(visibleLog(r)).toMatch(/::notice::Prune left the Cloud Run job a-job alone: it carries the fleet id prod, but its owner record is fleet prod of repository 2000002/);
    expect(r.summary).toContain('Left alone');
    expect((fake.runJobs().find((j) => j.name === `${P}/jobs/a-job`) as any).labels).toMatchObject({ 'cloud-run-cron-repo': '2000002', 'cloud-run-cron-fleet': 'prod' });
  }),
);

test.concurrent('a trigger in another region: prune and teardown find it where the workload records it, and delete it before the workload', () =>
  withFake(async (fake) => {
    const eu = { name: 'eu-sched', extra: "    schedule: '0 3 * * *'\n    scheduler_region: europe-west1\n" };
    expect(failure(await fleetRun(fake, manifest(fake, 'reports', [eu, { name: 'kept' }])))).toBe('');
    expect(triggerExists(fake, 'eu-sched-schedule', EU)).toBe(true);
    let before = fake.requests.length;
    const r = await fleetRun(fake, manifest(fake, 'reports', [{ name: 'kept' }]), { prune: 'true' });
    expect(failure(r)).toBe('');
    expect(deletesIn(fake, before)).toEqual([`/v1/${EU}/jobs/eu-sched-schedule`, `/v2/${P}/jobs/eu-sched`]);

    // Single mode: state: absent without scheduler_region finds the trigger in europe-west1.
    expect(failure(await run(fake, jobInputs(fake, 'solo', { smoke_test: 'false', scheduler_region: 'europe-west1' })))).toBe('');
    const { image: _i, schedule: _s, invoker_service_account: _v, time_zone: _t, ...target } = jobInputs(fake, 'solo');
    before = fake.requests.length;
    const gone = await run(fake, { ...target, state: 'absent' });
    expect(failure(gone)).toBe('');
    expect(deletesIn(fake, before)).toEqual([`/v1/${EU}/jobs/solo-schedule`, `/v2/${P}/jobs/solo`]);
    // No workload was deleted while a Scheduler job still fired at it.
    expect(fake.deletedWhileTargeted()).toEqual([]);
  }),
);

test.concurrent("leaving a fleet: single mode clears the fleet mark with a notice, and the fleet's prune leaves the workload alone; a fleet taking it back says so", () =>
  withFake(async (fake) => {
    expect(failure(await fleetRun(fake, manifest(fake, 'reports', [{ name: 'mover' }, { name: 'stay' }])))).toBe('');
    const single = await run(fake, jobInputs(fake, 'mover', { smoke_test: 'false' }));
    expect(failure(single)).toBe('');
    const before = fake.requests.length;
    const pruned = await fleetRun(fake, manifest(fake, 'reports', [{ name: 'stay' }]), { prune: 'true' });
    expect(failure(pruned)).toBe('');
    expect(deletesIn(fake, before)).toEqual([]);
    expect(jobExists(fake, 'mover')).toBe(true);
    expect(triggerExists(fake, 'mover-schedule')).toBe(true);

    expect(visibleLog(single)).toContain('::notice::The Cloud Run job mover was in fleet reports: single mode removes its fleet mark');
    const labels = (fake.runJobs().find((j) => j.name === `${P}/jobs/mover`) as any).labels as Record<string, string>;
    expect(labels['cloud-run-cron-fleet']).toBeUndefined();
    expect(labels).toMatchObject({ 'managed-by': 'cloud-run-cron', 'cloud-run-cron-workload': 'mover' });
    expect((fake.schedulerJobs().find((j) => j.name === `${P}/jobs/mover-schedule`) as any).description).toMatch(/^cloud-run-cron fleet=- repo=2000002 workload=mover\n/);

    // The fleet takes it back: the plan says so.
    const dry = await fleetRun(fake, manifest(fake, 'reports', [{ name: 'mover' }, { name: 'stay' }]), { dry_run: 'true' });
    const change = (JSON.parse(dry.outputs.plan) as { resource: string; reason?: string }[]).find((c) => c.resource === `${P}/jobs/mover`);
    expect(change?.reason).toMatch(/^taken over by fleet reports from single mode/);

    // A job made outside the action: taken over with one warning that names it.
    await editElsewhere(fake, `/v2/${P}/jobs/stay`, (j) => (j.labels = {}));
    const taken = await fleetRun(fake, manifest(fake, 'reports', [{ name: 'mover' }, { name: 'stay' }]));
    expect(failure(taken)).toBe('');
    expect(visibleLog(taken).match(/::warning::stay: The Cloud Run job stay was not made by cloud-run-cron/g)).toHaveLength(1);
  }),
);

test.concurrent('the owner record is reserved: a label managed-by or cloud-run-cron-* is an input error naming it, before any request', () =>
  withFake(async (fake) => {
    const before = fake.requests.length;
    const r = await run(fake, jobInputs(fake, 'labelled', { labels: 'team=data,cloud-run-cron-fleet=reports' }));
    expect(failure(r)).toMatch(/^Input 'labels': the key "cloud-run-cron-fleet" is reserved: managed-by and keys starting with cloud-run-cron- carry the action's owner record/);
    const m = await fleetRun(fake, manifest(fake, 'reports', [{ name: 'a', extra: "    schedule: '0 3 * * *'\n    labels: { managed-by: me }\n" }]));
    expect(failure(m)).toMatch(/workloads\[0\]\.labels \(line 10\): the key "managed-by" is reserved/);
    expect(fake.requests.length).toBe(before);
  }),
);

test.concurrent('an invoker change removes the old invoker the action granted, in the same policy write, and keeps a binding it did not add', () =>
  withFake(async (fake) => {
    const w = fake.world;
    const resource = `${P}/jobs/inv`;
    expect(failure(await run(fake, jobInputs(fake, 'inv', { smoke_test: 'false' })))).toBe('');
    // Someone else grants a reader the invoker role too.
    fake.grant(resource, 'user:reader@example.com', 'roles/run.invoker');
    // The deployer may act as the compute account too (the fake's world): the new invoker.
    const second = w.computeServiceAccount;
    const dry = await run(fake, jobInputs(fake, 'inv', { smoke_test: 'false', invoker_service_account: second, dry_run: 'true' }));
    expect(failure(dry)).toBe('');
    const planned = (JSON.parse(dry.outputs.plan) as { type: string; action: string; fields: { field: string; before?: string; after?: string }[] }[]).filter((c) => c.type === 'iam-binding');
    expect(planned.map((c) => c.action)).toEqual(['create', 'delete']);
    expect(planned[1]!.fields).toEqual([{ field: 'binding', before: `roles/run.invoker serviceAccount:${w.invoker}` }]);
    const before = fake.requests.length;
    const r = await run(fake, jobInputs(fake, 'inv', { smoke_test: 'false', invoker_service_account: second }));
    expect(failure(r)).toBe('');
    expect(writesIn(fake, before).filter((q) => q.path.endsWith(':setIamPolicy'))).toHaveLength(1);
    const bindings = fake.getPolicy(resource).bindings as { role: string; members: string[] }[];
    expect(bindings.map((b) => [b.role, [...b.members].sort()])).toEqual([['roles/run.invoker', [`serviceAccount:${second}`, 'user:reader@example.com']]]);
    // The owner record now names the new invoker only: a rerun writes nothing.
    const after = fake.requests.length;
    expect(failure(await run(fake, jobInputs(fake, 'inv', { smoke_test: 'false', invoker_service_account: second })))).toBe('');
    expect(writesIn(fake, after)).toEqual([]);
  }),
);
