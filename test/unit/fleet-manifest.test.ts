// Fleet mode's manifest: validated by schema/manifest.schema.json, every problem at
// once with its path; workload keys read as the inputs of the same name; prune plans only
// what carries the fleet's marks.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { INPUT_NAMES } from '../../src/config/inputs.js';
import { FLEET_WIDE_INPUTS, loadManifest, nearest } from '../../src/fleet/manifest.js';
import { loadSpec } from '../../src/run/spec.js';
import schema from '../../schema/manifest.schema.json' with { type: 'json' };
import { planPrune } from '../../src/fleet/prune.js';
import { toDescription, toLabels } from '../../src/ownership/record.js';
import { planDeletions } from '../../src/plan/delete.js';

const SA = (n: string) => `${n}@my-project.iam.gserviceaccount.com`;
const IMAGE = `europe-west1-docker.pkg.dev/my-project/jobs/ingest@sha256:${'a'.repeat(64)}`;

async function load(text: string, inputs: Record<string, string> = {}, env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
  writeFileSync(join(dir, 'm.yaml'), text);
  const all: Record<string, string> = { manifest: 'm.yaml', region: 'europe-west1', project_id: 'my-project', ...inputs };
  return loadManifest((n) => all[n] ?? '', { GITHUB_WORKSPACE: dir, ...env });
}
const problemsOf = (p: Promise<unknown>) => p.then(() => [] as string[], (e: { problems?: string[]; message: string }) => e.problems ?? [e.message]);

const GOOD = `version: 1
fleet: reports
defaults:
  runtime_service_account: ${SA('cron-runtime')}
  invoker_service_account: ${SA('scheduler-invoker')}
  time_zone: Europe/Berlin
workloads:
  - name: nightly-report
    kind: job
    image: \${REPORT_IMAGE}
    schedule: '0 3 * * *'
  - name: ingest
    kind: job
    image: ${IMAGE}
    env_vars: { SOURCE: s3 }
    schedules:
      - id: hourly
        schedule: '0 * * * *'
      - id: weekly-full
        schedule: '30 2 * * 0'
        args: ['--full']
        task_count: 4
        task_timeout: 2h
  - name: cache-warmer
    kind: service
    image: ${IMAGE}
    schedule: '*/15 * * * *'
    path: /warm
`;

describe('loadManifest', () => {
  it('labels every workload with the commit-sha as single mode does, unless skip_default_labels', async () => {
    const sha = '0123456789abcdef0123456789abcdef01234567';
    const m = await load(GOOD, {}, { REPORT_IMAGE: IMAGE, GITHUB_SHA: sha });
    for (const c of m.configs) expect(c.labels).toEqual({ 'commit-sha': '0123456' });
    for (const c of m.configs) expect(c.fleet).toBe('reports');
    const skipped = await load(GOOD.replace('  time_zone: Europe/Berlin\n', '  time_zone: Europe/Berlin\n  skip_default_labels: true\n'), {}, { REPORT_IMAGE: IMAGE, GITHUB_SHA: sha });
    for (const c of skipped.configs) expect(c.labels['commit-sha']).toBeUndefined();
  });

  it('reads the issue example into one Config per workload, with the fleet marks', async () => {
    const m = await load(GOOD, {}, { REPORT_IMAGE: IMAGE });
    expect(m.id).toBe('reports');
    expect(m.maxParallel).toBe(4);
    expect(m.prune).toBe(false);
    expect(m.configs.map((c) => [c.name, c.kind, c.region])).toEqual([
      ['nightly-report', 'job', 'europe-west1'],
      ['ingest', 'job', 'europe-west1'],
      ['cache-warmer', 'service', 'europe-west1'],
    ]);
    const [nightly, ingest, warmer] = m.configs;
    expect(nightly!.image).toBe(IMAGE);
    expect(nightly!.labels).toEqual({});
    expect(nightly!.fleet).toBe('reports');
    expect(nightly!.schedule).toMatchObject({ jobId: 'nightly-report-schedule', timeZone: 'Europe/Berlin', invokerServiceAccount: SA('scheduler-invoker') });
    // smoke_test defaults to changed in fleet mode.
    expect(nightly!.smoke).toMatchObject({ enabled: true, onlyWhenChanged: true });
    expect(ingest!.envVars).toEqual([{ name: 'SOURCE', value: 's3' }]);
    expect(ingest!.schedule).toMatchObject({ jobId: 'ingest-hourly', cron: '0 * * * *', bodyHasOverrides: false });
    expect(ingest!.moreSchedules).toHaveLength(1);
    const weekly = ingest!.moreSchedules![0]!;
    expect(weekly).toMatchObject({ jobId: 'ingest-weekly-full', cron: '30 2 * * 0', timeZone: 'Europe/Berlin', bodyHasOverrides: true });
    expect(JSON.parse(weekly.body!)).toEqual({ overrides: { containerOverrides: [{ args: ['--full'] }], taskCount: 4, timeoutSeconds: 7200 } });
    expect(warmer!.schedule).toMatchObject({ path: '/warm' });
  });

  it('smoke_test given as an input wins over the fleet default', async () => {
    const m = await load(GOOD, { smoke_test: 'false' }, { REPORT_IMAGE: IMAGE });
    expect(m.configs[0]!.smoke.enabled).toBe(false);
  });

  it('reports every problem at once, each with its path, and unknown keys with the nearest name', async () => {
    const problems = await problemsOf(
      load(`version: 2
fleet: Reports
defaultz: {}
workloads:
  - name: a
    imagee: x
    schedule: '0 3 * * *'
    schedules: [{ id: x, schedule: '0 4 * * *' }]
  - name: a
    image: \${MISSING}
    tasks: many
    schedules:
      - id: Bad_ID
        schedule: '0 4 * * *'
`),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^version \(line \d+\): /),
        expect.stringMatching(/^fleet \(line \d+\): must match pattern/),
        'defaultz (line 3): unknown key; did you mean defaults?',
        'workloads[0].imagee (line 6): unknown key; did you mean image?',
        expect.stringMatching(/^workloads\[1\]\.image \(line \d+\): \$\{MISSING\} is not set in the step's environment \(workload a\)/),
        expect.stringMatching(/^workloads\[1\]\.tasks \(line \d+\): must be integer/),
        expect.stringMatching(/^workloads\[1\]\.schedules\[0\]\.id \(line \d+\): must match pattern/),
      ]),
    );
  });

  it('reports duplicate names, duplicate Scheduler jobs and schedule with schedules, with the schema problems', async () => {
    const problems = await problemsOf(
      load(`version: 1
bogus: 1
fleet: reports
defaults: { invoker_service_account: ${SA('inv')} }
workloads:
  - { name: a, image: ${IMAGE}, schedule: '0 3 * * *', schedules: [{ id: x, schedule: '0 4 * * *' }] }
  - { name: a, image: ${IMAGE} }
  - { name: b, image: ${IMAGE}, schedule: '0 3 * * *', scheduler_job: a-x }
`),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^workloads\[1\]\.name \(line \d+\): "a" is also workloads\[0\]\.name/),
        expect.stringMatching(/^workloads\[0\] \(line \d+\): schedule and schedules are exclusive/),
        expect.stringMatching(/^workloads\[2\] \(line \d+\): Scheduler job "a-x" is also that of workloads\[0\]/),
        'bogus (line 2): unknown key; allowed: version, fleet, vars, defaults, workloads',
      ]),
    );
  });

  it('names the workload path of a value the input parser refuses, and a per-schedule one by its schedule', async () => {
    const problems = await problemsOf(
      load(`version: 1
fleet: reports
defaults: { invoker_service_account: ${SA('inv')} }
workloads:
  - name: a
    image: ${IMAGE}
    memory: lots
    schedules:
      - { id: x, schedule: '61 * * * *' }
      - { id: y, schedule: '0 3 * * *', task_timeout: forever }
  - { name: s, kind: service, image: ${IMAGE}, schedules: [{ id: x, schedule: '0 3 * * *', args: ['--x'] }] }
`),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^workloads\[0\]\.memory \(line \d+\): "lots" is not allowed/),
        expect.stringMatching(/^workloads\[0\]\.schedules\[0\]\.schedule \(line \d+\): "61 \* \* \* \*" is not allowed/),
        expect.stringMatching(/^workloads\[0\]\.schedules\[1\]\.task_timeout \(line \d+\): "forever" is not allowed/),
        expect.stringMatching(/^workloads\[1\]\.schedules\[0\] \(line \d+\): args is a job override/),
      ]),
    );
  });

  it('refuses single-workload inputs next to a manifest, naming them, before reading the file', async () => {
    const problems = await problemsOf(load('not: [valid', { name: 'x', image: 'y', schedule: '0 3 * * *' }));
    expect(problems).toEqual([expect.stringMatching(/^Inputs 'name', 'image', 'schedule': with manifest set, the single-workload inputs must be empty: move them into the manifest/)]);
  });

  it('only deploys the named workloads and turns prune off; an unknown name is a problem', async () => {
    const m = await load(GOOD, { only: 'ingest', prune: 'true' }, { REPORT_IMAGE: IMAGE });
    expect(m.configs.map((c) => c.name)).toEqual(['ingest']);
    expect(m.prune).toBe(false);
    expect(await problemsOf(load(GOOD, { only: 'nope' }, { REPORT_IMAGE: IMAGE }))).toEqual([`Input 'only': "nope" is not a workload of the manifest.`]);
  });

  it('the schema has every per-workload input of action.yml, in a workload and in defaults', () => {
    const perWorkload = INPUT_NAMES.filter((n) => !FLEET_WIDE_INPUTS.includes(n));
    expect(perWorkload.filter((n) => !(n in schema.definitions.workload.properties))).toEqual([]);
    // A workload's identity (its name, its one schedule and that schedule's job) is never a default.
    const own = ['name', 'schedule', 'scheduler_job'];
    expect(perWorkload.filter((n) => !own.includes(n) && !(n in schema.properties.defaults.properties))).toEqual([]);
  });

  it("passes the networking and spec keys through with YAML types; spec as a mapping, checked against the workload's own keys", async () => {
    const text = `version: 1
fleet: net
defaults:
  vpc_network: default
  cloudsql_instances: [my-project:europe-west1:main-db, 'my-project:europe-west1:replica']
workloads:
  - name: etl
    image: ${IMAGE}
    vpc_subnetwork: projects/my-project/regions/europe-west1/subnetworks/jobs
    vpc_egress: all-traffic
    execution_environment: gen2
    spec: { template: { template: { maxRetries: 5 } }, annotations: { team: data } }
  - name: api
    kind: service
    image: ${IMAGE}
    cpu: 4
    memory: 16Gi
    gpu: 1
    gpu_type: nvidia-l4
    cpu_throttling: false
    startup_cpu_boost: true
    spec: |
      template:
        sessionAffinity: true
`;
    const m = await load(text);
    const [etl, api] = m.configs;
    expect(etl!.runtime).toEqual({
      vpc: { network: 'default', subnetwork: 'projects/my-project/regions/europe-west1/subnetworks/jobs', connector: undefined, egress: 'all-traffic' },
      cloudSqlInstances: ['my-project:europe-west1:main-db', 'my-project:europe-west1:replica'],
      executionEnvironment: 'gen2',
      gpu: undefined,
      cpuThrottling: undefined,
      startupCpuBoost: undefined,
    });
    expect(api!.runtime).toMatchObject({ gpu: { count: 1, type: 'nvidia-l4' }, cpuThrottling: false, startupCpuBoost: true });
    // isSet answers for the workload's own keys (and its defaults), not the step's inputs.
    expect(['vpc_network', 'vpc_egress', 'cloudsql_instances', 'spec', 'image'].map((k) => m.isSet(etl!, k))).toEqual([true, true, true, true, true]);
    expect(['max_retries', 'gpu', 'manifest'].map((k) => m.isSet(etl!, k))).toEqual([false, false, true]);
    expect(m.isSet(api!, 'gpu')).toBe(true);
    await loadSpec(etl!, (k) => m.isSet(etl!, k));
    expect(etl!.spec!.resource).toEqual({ template: { template: { maxRetries: 5 } }, annotations: { team: 'data' } });
    await loadSpec(api!, (k) => m.isSet(api!, k));
    expect(api!.spec!.resource).toEqual({ template: { sessionAffinity: true } });
  });

  it("spec may not set what a workload's key sets (a key from defaults included)", async () => {
    const text = `version: 1
fleet: net
defaults:
  vpc_network: default
workloads:
  - name: etl
    image: ${IMAGE}
    max_retries: 2
    spec:
      template:
        template:
          maxRetries: 5
          vpcAccess: { networkInterfaces: [{ network: other }] }
`;
    const m = await load(text);
    const etl = m.configs[0]!;
    const problems = await loadSpec(etl, (k) => m.isSet(etl, k)).then(
      () => [],
      (e: { errors: { message: string }[] }) => e.errors.map((x) => x.message),
    );
    expect(problems).toEqual([
      expect.stringMatching(/template\.template\.maxRetries: also set by the input 'max_retries'/),
      expect.stringMatching(/template\.template\.vpcAccess\.networkInterfaces.*also set by the input 'vpc_network/),
    ]);
  });

  it('nearest suggests a close name only', () => {
    expect(nearest('imagee', ['image', 'name'])).toBe('image');
    expect(nearest('schedul', ['schedule', 'schedules'])).toBe('schedule');
    expect(nearest('zzzzzz', ['image', 'name'])).toBeUndefined();
  });
});

describe('prune planning', () => {
  const P = 'projects/p/locations/europe-west1';
  const owner = { fleet: 'reports', repositoryId: '7' };
  const labels = (workload: string, extra: Record<string, string> = {}) => ({ ...toLabels({ fleet: 'reports', repositoryId: '7', workload, schedulerRegions: ['europe-west1'] }), ...extra });
  const trigger = (id: string, workload: string, record = { fleet: 'reports', repositoryId: '7', workload }) => ({
    name: `${P}/jobs/${id}`,
    description: toDescription(record, 'text'),
    httpTarget: { uri: `https://europe-west1-run.googleapis.com/apis/run.googleapis.com/v1/namespaces/p/jobs/${workload}:run` },
  });
  const declared = {
    resources: new Set([`${P}/jobs/kept`]),
    schedulerJobs: new Set([`${P}/jobs/kept-schedule`]),
    workloads: [{ kind: 'job' as const, name: 'kept', region: 'europe-west1', projects: ['p'] }],
  };

  it('deletes only what carries the owner record and is not declared: Scheduler jobs first', () => {
    const { deletions, notices } = planPrune(owner, ['p'], {
      workloads: [
        { type: 'run-job', resource: `${P}/jobs/kept`, labels: labels('kept'), urls: [] },
        { type: 'run-job', resource: `${P}/jobs/gone`, labels: labels('gone'), urls: [] },
      ],
      schedulerJobs: [trigger('kept-schedule', 'kept'), trigger('gone-schedule', 'gone'), trigger('kept-weekly', 'kept')],
    }, declared);
    expect(deletions.map((c) => [c.action, c.type, c.resource])).toEqual([
      ['delete', 'scheduler-job', `${P}/jobs/gone-schedule`],
      ['delete', 'scheduler-job', `${P}/jobs/kept-weekly`],
      ['delete', 'run-job', `${P}/jobs/gone`],
    ]);
    expect(notices).toEqual([]);
  });

  it('leaves another repository, a mark from before the record, and an unmarked job alone', () => {
    const { deletions, notices } = planPrune(owner, ['p'], {
      workloads: [
        { type: 'run-job', resource: `${P}/jobs/theirs`, labels: labels('theirs', { 'cloud-run-cron-repo': '8' }), urls: [] },
        { type: 'run-job', resource: `${P}/jobs/old`, labels: { 'managed-by': 'cloud-run-cron', 'cloud-run-cron-fleet': 'reports' }, urls: [] },
        { type: 'run-job', resource: `${P}/jobs/nobody`, labels: {}, urls: [] },
        { type: 'run-job', resource: `${P}/jobs/renamed`, labels: labels('other-name'), urls: [] },
      ],
      schedulerJobs: [trigger('theirs-schedule', 'theirs', { fleet: 'reports', repositoryId: '8', workload: 'theirs' })],
    }, declared);
    expect(deletions).toEqual([]);
    expect(notices.map((n) => n.split(':')[0])).toEqual([
      'Prune left the Cloud Run job theirs alone',
      'Prune left the Cloud Run job old alone',
      'Prune left the Cloud Run job renamed alone',
    ]);
  });

  it('keeps a workload that a trigger of another owner still fires at; deletes a trigger only when it targets the workload', () => {
    const foreign = { ...trigger('by-hand', 'gone'), description: 'made by hand' };
    const elsewhere = { ...trigger('gone-schedule', 'gone'), httpTarget: { uri: 'https://example.com/gone' } };
    const { deletions, notices } = planPrune(owner, ['p'], {
      workloads: [{ type: 'run-job', resource: `${P}/jobs/gone`, labels: labels('gone'), urls: [] }],
      schedulerJobs: [foreign, elsewhere],
    }, declared);
    expect(deletions).toEqual([]);
    expect(notices).toEqual([
      expect.stringMatching(/^Prune left the Scheduler job gone-schedule alone: .*its target \(https:\/\/example\.com\/gone\) is not a workload of the fleet/),
      expect.stringMatching(/^Prune left the Cloud Run job gone alone: the Scheduler job .*by-hand \(no owner record/),
    ]);
  });

  it('planDeletions orders triggers before workloads whatever the input order', () => {
    const plan = planDeletions([
      { type: 'run-job', resource: `${P}/jobs/a`, reason: 'r' },
      { type: 'scheduler-job', resource: `${P}/jobs/a-schedule`, reason: 'r' },
    ]);
    expect(plan.map((c) => c.type)).toEqual(['scheduler-job', 'run-job']);
  });
});

describe('what a region holds', () => {
  const many = (n: number, extra = '') =>
    `version: 1
fleet: big
defaults: { invoker_service_account: ${SA('inv')}, runtime_service_account: ${SA('run')} }
workloads:
${Array.from({ length: n }, (_, i) => `  - { name: w${i}, image: ${IMAGE}, schedule: '0 3 * * *'${extra} }`).join('\n')}
`;

  it('notes a fleet over the default 1,000 Cloud Run jobs and Scheduler jobs of a region, with the source', async () => {
    const m = await load(many(1001));
    const notices = m.configs[0]!.notices.join('\n');
    expect(notices).toContain('1001 Cloud Run jobs in europe-west1, more than the default 1,000 per project and region (https://cloud.google.com/run/quotas)');
    expect(notices).toContain('1001 Cloud Scheduler jobs in europe-west1, more than the default 1,000 per project and region (https://cloud.google.com/scheduler/quotas)');
  });
});
