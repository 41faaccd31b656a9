// Alerting end to end: the bundled action against the local Google Cloud creates each
// workload's Cloud Monitoring alert policies with the owner's labels and the channels asked for,
// reruns as a no-op, follows a schedule change with a PATCH of the conditions only, removes them
// with alerts: none, creates an email channel once and reuses it, falls back (and says so) for a
// weekly schedule, and reports an edited policy as drift.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from '@jest/globals';
import { closeFakes, DIGEST, failure, jobInputs, run, serviceInputs, withFake, type FakeGcp } from './setup.ts';

const workspaces = mkdtempSync(join(tmpdir(), 'alerts-'));
afterAll(async () => {
  await closeFakes();
  rmSync(workspaces, { recursive: true, force: true });
});

type Policy = Record<string, any>;
const policiesOf = (fake: FakeGcp, workload: string): Policy[] =>
  fake.alertPolicies().filter((p: Policy) => p.userLabels?.['cloud-run-cron-workload'] === workload) as Policy[];
const byRole = (ps: Policy[], role: string): Policy | undefined => ps.find((p) => p.userLabels['alert-role'] === role);
const monitoringWrites = (fake: FakeGcp, since: number) =>
  fake.requests.slice(since).filter((r) => r.service === 'monitoring' && r.method !== 'GET').map((r) => `${r.method} ${r.path}${r.query ? `?${r.query}` : ''}`);

async function channel(fake: FakeGcp, address: string): Promise<string> {
  const token = fake.userToken('ops@example.com');
  const res = await fetch(`${fake.url}/v3/projects/${fake.world.projectId}/notificationChannels`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'email', displayName: 'On call', labels: { email_address: address } }),
  });
  return ((await res.json()) as { name: string }).name;
}

test.concurrent('a job gets a run policy (failed execution + missed run) and a trigger policy, with the channel; a rerun writes nothing; a new schedule PATCHes the conditions only; alerts: none removes both', async () => {
  await withFake(async (fake) => {
    const oncall = await channel(fake, 'oncall@example.com');
    const inputs = jobInputs(fake, 'nightly', { alert_channels: oncall });
    const first = await run(fake, inputs);
    expect([first.code, failure(first)]).toEqual([0, '']);
    const ps = policiesOf(fake, 'nightly');
    expect(ps).toHaveLength(3);
    const runPolicy = byRole(ps, 'run')!;
    expect(runPolicy.notificationChannels).toEqual([oncall]);
    // The owner record (src/ownership) and the policy's role.
    expect(runPolicy.userLabels).toEqual({ 'managed-by': 'cloud-run-cron', 'cloud-run-cron-repo': '2000002', 'cloud-run-cron-workload': 'nightly', 'cloud-run-cron-scheduler': 'us-central1', 'alert-role': 'run' });
    const [failed] = runPolicy.conditions;
    expect(runPolicy.conditions).toHaveLength(1);
    expect(failed.conditionThreshold.filter).toContain('metric.type = "run.googleapis.com/job/completed_execution_count"');
    expect(failed.conditionThreshold.filter).toContain('metric.labels.result = "failed"');
    expect(failed.conditionThreshold.filter).toContain('resource.labels.job_name = "nightly"');
    expect(runPolicy.documentation.content).toContain('nightly');
    // Daily at 03:00 Europe/Berlin: the longest gap is 25 h (autumn's DST change), + 10m task timeout + 10m:
    // over the 23.5 h of a metric-absence condition, so a PromQL condition in a policy of its own.
    const missed = byRole(ps, 'missed')!;
    expect(missed.conditions[0].conditionPrometheusQueryLanguage.query).toBe(
      'absent_over_time(run_googleapis_com:job_completed_execution_count{monitored_resource="cloud_run_job",job_name="nightly",location="us-central1",result="succeeded"}[91200s])',
    );
    expect(missed.notificationChannels).toEqual([oncall]);
    const trigger = byRole(ps, 'trigger')!;
    expect(trigger.conditions[0].conditionMatchedLog.filter).toContain('resource.labels.job_id = "nightly-schedule"');
    expect(trigger.alertStrategy.notificationRateLimit.period).toBe('3600s');
    expect(trigger.notificationChannels).toEqual([oncall]);
    const outputs = JSON.parse(first.outputs.alert_policies);
    expect(outputs.map((o: any) => [o.role, o.status, o.name])).toEqual([['run', 'created', runPolicy.name], ['missed', 'created', missed.name], ['trigger', 'created', trigger.name]]);
    expect(first.summary).toContain('Alerting');
    expect(first.summary).toContain('the missed-run condition is a PromQL query');

    const before = fake.requests.length;
    const again = await run(fake, inputs);
    expect(again.code).toBe(0);
    expect(monitoringWrites(fake, before)).toEqual([]);
    expect(again.outputs.changed).toBe('false');

    // Every 6 hours: the longest gap is 7 h (DST), so the missed run becomes a metric-absence
    // condition of the run policy (its failure condition keeps its ID) and the PromQL policy goes.
    const mark = fake.requests.length;
    const changed = await run(fake, { ...inputs, schedule: '0 */6 * * *' });
    expect([changed.code, failure(changed)]).toEqual([0, '']);
    // The trigger's documentation names the schedule: it follows too.
    expect(monitoringWrites(fake, mark)).toEqual([
      `PATCH /v3/${runPolicy.name}?updateMask=documentation%2Cconditions`,
      `PATCH /v3/${trigger.name}?updateMask=documentation`,
      `DELETE /v3/${missed.name}`,
    ]);
    const after = byRole(policiesOf(fake, 'nightly'), 'run')!;
    expect(after.conditions[0].name).toBe(failed.name);
    expect(after.conditions[1].conditionAbsent.duration).toBe(`${7 * 3600 + 1200}s`);
    expect(byRole(policiesOf(fake, 'nightly'), 'missed')).toBeUndefined();

    const none = await run(fake, { ...inputs, alert_channels: '', alerts: 'none' });
    expect([none.code, failure(none)]).toEqual([0, '']);
    expect(policiesOf(fake, 'nightly')).toEqual([]);
    // A channel the action did not create stays.
    expect(fake.notificationChannels().map((c: any) => c.name)).toEqual([oncall]);
  });
}, 120_000);

test.concurrent('a service gets its missed-run policy and its failure through the trigger policy; email: creates one channel, reused by the next workload', async () => {
  await withFake(async (fake) => {
    const web = await run(fake, serviceInputs(fake, 'web', { alert_channels: 'email:Ops@Example.com' }));
    expect([web.code, failure(web)]).toEqual([0, '']);
    const channels = fake.notificationChannels() as any[];
    expect(channels.map((c) => [c.type, c.labels.email_address, c.userLabels['created-by']])).toEqual([['email', 'ops@example.com', 'cloud-run-cron']]);
    const ps = policiesOf(fake, 'web');
    const runPolicy = byRole(ps, 'run')!;
    expect(runPolicy.conditions.map((c: any) => Object.keys(c).find((k) => k.startsWith('condition')))).toEqual(['conditionAbsent']);
    expect(runPolicy.conditions[0].conditionAbsent.filter).toContain('metric.type = "run.googleapis.com/request_count"');
    // Every 30 minutes + the attempt deadline (3 min) + 10 min.
    expect(runPolicy.conditions[0].conditionAbsent.duration).toBe(`${(30 + 13) * 60}s`);
    expect(byRole(ps, 'trigger')!.conditions[0].conditionMatchedLog.filter).toContain('resource.labels.job_id = "web-schedule"');
    for (const p of ps) expect(p.notificationChannels).toEqual([channels[0].name]);

    const job = await run(fake, jobInputs(fake, 'nightly', { alert_channels: 'email:ops@example.com', alerts: 'failure' }));
    expect([job.code, failure(job)]).toEqual([0, '']);
    expect(fake.notificationChannels()).toHaveLength(1);
    const jobPolicies = policiesOf(fake, 'nightly');
    expect(byRole(jobPolicies, 'run')!.conditions).toHaveLength(1);
    for (const p of jobPolicies) expect(p.notificationChannels).toEqual([channels[0].name]);
  });
}, 120_000);

test.concurrent('a weekly schedule gets its missed-run condition as PromQL (over the 23.5 h metric-absence limit), and the plan and summary say so', async () => {
  await withFake(async (fake) => {
    // Mondays 04:00 Europe/Berlin: 169 h across the autumn DST change.
    const r = await run(fake, jobInputs(fake, 'weekly', { schedule: '0 4 * * MON', alert_channels: 'email:ops@example.com', dry_run: 'true' }));
    expect([r.code, failure(r)]).toEqual([0, '']);
    expect(r.stdout).toMatch(/the missed-run condition is a PromQL query \(absent_over_time\) in a policy of its own: the schedule's longest gap between runs \(169h\)/);
    expect(r.summary).toMatch(/The missed-run condition is a PromQL query/);
    expect(fake.alertPolicies()).toEqual([]);
    const applied = await run(fake, jobInputs(fake, 'weekly', { schedule: '0 4 * * MON', alert_channels: 'email:ops@example.com' }));
    expect(applied.code).toBe(0);
    expect(byRole(policiesOf(fake, 'weekly'), 'run')!.conditions.map((c: any) => c.displayName)).toEqual(['weekly: an execution failed']);
    expect(byRole(policiesOf(fake, 'weekly'), 'missed')!.conditions[0].conditionPrometheusQueryLanguage.query).toContain(`[${169 * 3600 + 1200}s]`);
  });
}, 120_000);

test.concurrent('fail_on_drift reports a policy edited in the Console, naming the field and who changed it', async () => {
  await withFake(async (fake) => {
    const inputs = jobInputs(fake, 'nightly', { alert_channels: 'email:ops@example.com' });
    expect((await run(fake, inputs)).code).toBe(0);
    const policy = byRole(policiesOf(fake, 'nightly'), 'run')!;
    const token = fake.userToken('alice@example.com');
    const res = await fetch(`${fake.url}/v3/${policy.name}?updateMask=enabled`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ enabled: false }),
    });
    expect(res.status).toBe(200);
    const drift = await run(fake, { ...inputs, dry_run: 'true', fail_on_drift: 'true' });
    expect(drift.code).not.toBe(0);
    expect(failure(drift)).toMatch(/Alert policy projects\/demo-project\/alertPolicies\/\d+: enabled is false, the inputs say true \(last changed by alice@example.com/);
    // Deleted in the Console: reported as missing.
    await fetch(`${fake.url}/v3/${policy.name}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    const gone = await run(fake, { ...inputs, dry_run: 'true', fail_on_drift: 'true' });
    expect(failure(gone)).toMatch(/Alert policy projects\/demo-project\/alertPolicies\/\(new nightly run\): does not exist/);
  });
}, 120_000);

test.concurrent('bad alerting inputs fail before any request, naming the input', async () => {
  await withFake(async (fake) => {
    const r = await run(fake, jobInputs(fake, 'nightly', { alert_channels: 'ops@example.com', alerts: 'sometimes', missed_grace: '2d' }));
    expect(r.code).not.toBe(0);
    const message = failure(r);
    expect(message).toContain(`Input 'alert_channels': "ops@example.com" is not allowed`);
    expect(message).toContain(`Input 'alerts': "sometimes" is not allowed: use failure,missed, failure, missed or none`);
    expect(message).toContain(`Input 'missed_grace'`);
    expect(fake.requests.filter((q) => q.service !== 'github' && q.service !== 'control')).toEqual([]);
  });
}, 60_000);

test.concurrent('a fleet: alert_channels in defaults, one channel for every workload, the summary lists each policy', async () => {
  await withFake(async (fake) => {
    const w = fake.world;
    const dir = mkdtempSync(join(workspaces, 'fleet-'));
    const image = (n: string) => `us-docker.pkg.dev/${w.projectId}/apps/${n}@${DIGEST('a')}`;
    writeFileSync(join(dir, 'fleet.yaml'), `version: 1
fleet: reports
defaults:
  runtime_service_account: ${w.runtime}
  invoker_service_account: ${w.invoker}
  alert_channels: [email:ops@example.com]
workloads:
  - name: nightly-report
    image: ${image('report')}
    schedule: '0 3 * * *'
  - name: hourly-sync
    image: ${image('sync')}
    schedule: '0 * * * *'
    alerts: missed
    missed_grace: 5m
`);
    const inputs = { workload_identity_provider: w.provider, service_account: w.deployer, region: w.region, manifest: 'fleet.yaml' };
    const r = await run(fake, inputs, { GITHUB_WORKSPACE: dir });
    expect([r.code, failure(r)]).toEqual([0, '']);
    expect(fake.notificationChannels()).toHaveLength(1);
    const sync = policiesOf(fake, 'hourly-sync');
    expect(sync.map((p) => p.userLabels['alert-role'])).toEqual(['run']);
    // hourly: 1 h + 5 m grace
    expect(sync[0]!.userLabels['cloud-run-cron-fleet']).toBe('reports');
    expect(sync[0]!.conditions[0].conditionAbsent.duration).toBe(`${65 * 60}s`);
    expect(policiesOf(fake, 'nightly-report')).toHaveLength(3);
    expect(r.summary).toContain('Alerting');
    expect(JSON.parse(r.outputs.alert_policies)).toHaveLength(4);
  });
}, 120_000);

test.concurrent('without the Monitoring permissions the run fails before any write, naming the permission and the role', async () => {
  await withFake(async (fake) => {
    fake.revoke(`projects/${fake.world.projectId}`, `serviceAccount:${fake.world.deployer}`, 'roles/monitoring.alertPolicyEditor');
    const r = await run(fake, jobInputs(fake, 'nightly', { alert_channels: 'email:ops@example.com' }));
    expect(r.code).not.toBe(0);
    expect(failure(r)).toContain('monitoring.alertPolicies.list');
    expect(failure(r)).toContain('roles/monitoring.alertPolicyEditor');
    expect(fake.requests.filter((q) => q.method !== 'GET' && (q.service === 'run' || q.service === 'scheduler' || q.service === 'monitoring'))).toEqual([]);
  });
}, 60_000);

test.concurrent('state: absent deletes the workload\'s policies after its trigger and before the workload, and only those with its exact owner record', async () => {
  await withFake(async (fake) => {
    const inputs = jobInputs(fake, 'nightly', { alert_channels: 'email:ops@example.com' });
    expect((await run(fake, inputs)).code).toBe(0);
    // Another repository's policy for a workload of the same name: not this run's to delete.
    const token = fake.userToken('alice@example.com');
    const foreign = await fetch(`${fake.url}/v3/projects/${fake.world.projectId}/alertPolicies`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        displayName: 'theirs', combiner: 'OR',
        conditions: [{ displayName: 'x', conditionThreshold: { filter: 'metric.type = "a/b" AND resource.type = "cloud_run_job"', comparison: 'COMPARISON_GT', duration: '0s' } }],
        userLabels: { 'managed-by': 'cloud-run-cron', 'cloud-run-cron-repo': '999', 'cloud-run-cron-workload': 'nightly', 'alert-role': 'run' },
      }),
    }).then((r) => r.json() as Promise<{ name: string }>);
    const ours = policiesOf(fake, 'nightly').filter((p) => p.userLabels['cloud-run-cron-repo'] === '2000002').map((p) => p.name);
    expect(ours).toHaveLength(3);
    const mark = fake.requests.length;
    const r = await run(fake, { ...inputs, state: 'absent', alert_channels: '' });
    expect([r.code, failure(r)]).toEqual([0, '']);
    const deletes = fake.requests.slice(mark).filter((q) => q.method === 'DELETE').map((q) => q.path);
    const at = (re: RegExp) => deletes.findIndex((p) => re.test(p));
    expect(deletes.filter((p) => p.includes('/alertPolicies/')).sort()).toEqual(ours.map((n) => `/v3/${n}`).sort());
    expect(at(/\/jobs\/nightly-schedule$/)).toBeLessThan(at(/\/alertPolicies\//));
    expect(deletes.findLastIndex((p) => p.includes('/alertPolicies/'))).toBeLessThan(at(/\/jobs\/nightly$/));
    expect(fake.alertPolicies().map((p: any) => p.name)).toEqual([foreign.name]);
    // The email channel the action created, which no policy uses any more, goes with them.
    expect(fake.notificationChannels()).toEqual([]);
  });
}, 120_000);

test.concurrent('prune deletes the policies of a workload no longer in the manifest, after its trigger and before it', async () => {
  await withFake(async (fake) => {
    const w = fake.world;
    const dir = mkdtempSync(join(workspaces, 'prune-'));
    const image = (n: string) => `us-docker.pkg.dev/${w.projectId}/apps/${n}@${DIGEST('a')}`;
    const manifest = (both: boolean) => `version: 1
fleet: reports
defaults:
  runtime_service_account: ${w.runtime}
  invoker_service_account: ${w.invoker}
  alert_channels: [email:ops@example.com]
workloads:
  - name: keep
    image: ${image('keep')}
    schedule: '*/30 * * * *'
${both ? `  - name: gone
    image: ${image('gone')}
    schedule: '*/30 * * * *'
` : ''}`;
    const inputs = { workload_identity_provider: w.provider, service_account: w.deployer, region: w.region, manifest: 'fleet.yaml' };
    writeFileSync(join(dir, 'fleet.yaml'), manifest(true));
    expect((await run(fake, inputs, { GITHUB_WORKSPACE: dir })).code).toBe(0);
    const gone = policiesOf(fake, 'gone').map((p) => p.name);
    expect(gone).toHaveLength(2);
    writeFileSync(join(dir, 'fleet.yaml'), manifest(false));
    const mark = fake.requests.length;
    const r = await run(fake, { ...inputs, prune: 'true' }, { GITHUB_WORKSPACE: dir });
    expect([r.code, failure(r)]).toEqual([0, '']);
    const deletes = fake.requests.slice(mark).filter((q) => q.method === 'DELETE').map((q) => q.path);
    expect(deletes).toEqual([`/v2/projects/demo-project/locations/us-central1/jobs/gone-schedule`.replace('/v2/', '/v1/'), ...gone.map((n) => `/v3/${n}`).sort(), '/v2/projects/demo-project/locations/us-central1/jobs/gone']);
    expect(policiesOf(fake, 'gone')).toEqual([]);
    expect(policiesOf(fake, 'keep')).toHaveLength(2);
    // The shared email channel stays: keep's policies still use it.
    expect(fake.notificationChannels()).toHaveLength(1);
  });
}, 120_000);
