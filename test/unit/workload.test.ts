// The table of managed Cloud Run fields: reads with server defaults filled in, desired
// values from a real Config, and writes onto a copy that keeps every unmanaged field.
import { parseConfig } from '../../src/config/parse-config.js';
import type { Config } from '../../src/config/types.js';
import { resourceNames } from '../../src/pipeline/names.js';
import { planWorkload, type WorkloadStep } from '../../src/plan/planner.js';
import {
  cpuMillis,
  DEPLOY_ANNOTATION,
  fieldsFor,
  latestRevisionTraffic,
  memoryBytes,
  WORKLOAD_FIELDS,
  type RunJob,
  type RunResource,
  type RunService,
} from '../../src/run/workload.js';

const PROJECT = 'my-proj';
const DIGEST = `us-central1-docker.pkg.dev/my-proj/repo/app@sha256:${'a'.repeat(64)}`;
const DIGEST2 = `us-central1-docker.pkg.dev/my-proj/repo/app@sha256:${'b'.repeat(64)}`;
const COMPUTE_SA = '123-compute@developer.gserviceaccount.com';
/** The owner record the action writes on the job nightly of single mode (no schedule, no repository id here). */
const OWNED = { 'managed-by': 'cloud-run-cron', 'cloud-run-cron-workload': 'nightly' };

function config(inputs: Record<string, string> = {}): Config {
  const all: Record<string, string> = { project_id: PROJECT, region: 'us-central1', name: 'nightly', image: DIGEST, ...inputs };
  return parseConfig((n) => all[n] ?? '');
}

type Env = { name: string; value?: string; valueSource?: { secretKeyRef: { secret: string; version: string } } };
const plain = (name: string, value: string): Env => ({ name, value });
const secret = (name: string, s: string, version = 'latest'): Env => ({ name, valueSource: { secretKeyRef: { secret: s, version } } });

/** A job as Cloud Run returns it: server defaults filled in, plus fields this action does not manage. */
function job(over: { image?: string; env?: Env[]; labels?: Record<string, string>; cpu?: string; memory?: string; sa?: string } = {}): RunJob {
  return {
    name: `projects/${PROJECT}/locations/us-central1/jobs/nightly`,
    uid: 'u-1',
    generation: '3',
    etag: '"e3"',
    labels: over.labels ?? OWNED,
    annotations: { 'example.com/owner': 'data' },
    launchStage: 'GA',
    template: {
      taskCount: 1,
      parallelism: 0,
      annotations: { 'example.com/set-elsewhere': 'yes' },
      template: {
        containers: [
          {
            name: 'main',
            image: over.image ?? DIGEST,
            command: [],
            args: [],
            env: over.env ?? [],
            resources: { limits: { cpu: over.cpu ?? '1000m', memory: over.memory ?? '512Mi' } },
            ports: [{ name: 'http1', containerPort: 8080 }],
            volumeMounts: [{ name: 'data', mountPath: '/data' }],
          },
          { name: 'sidecar', image: 'otel/collector:0.1' },
        ],
        volumes: [{ name: 'data', gcs: { bucket: 'my-bucket' } }],
        vpcAccess: { connector: 'projects/my-proj/locations/us-central1/connectors/c1', egress: 'PRIVATE_RANGES_ONLY' },
        timeout: '600s' as unknown as RunJob['createTime'],
        maxRetries: 3,
        serviceAccount: over.sa ?? COMPUTE_SA,
        executionEnvironment: 'EXECUTION_ENVIRONMENT_GEN2',
      },
    },
  };
}

function service(over: { cpu?: string; concurrency?: number | string; ingress?: unknown; maxInstances?: number } = {}): RunService {
  return {
    name: `projects/${PROJECT}/locations/us-central1/services/nightly`,
    uri: 'https://nightly-abc123-uc.a.run.app',
    labels: OWNED,
    ingress: (over.ingress ?? 'INGRESS_TRAFFIC_ALL') as RunService['ingress'],
    template: {
      annotations: { 'example.com/set-elsewhere': 'yes' },
      scaling: { minInstanceCount: 0, maxInstanceCount: over.maxInstances ?? 100 },
      vpcAccess: { networkInterfaces: [{ network: 'default' }] },
      containers: [
        {
          image: DIGEST,
          command: [],
          args: [],
          env: [],
          resources: { limits: { cpu: over.cpu ?? '1000m', memory: '512Mi' } },
          ports: [{ name: 'h2c', containerPort: 9090 }],
        },
      ],
      timeout: { seconds: '300', nanos: 0 },
      maxInstanceRequestConcurrency: (over.concurrency ?? 80) as number,
      serviceAccount: COMPUTE_SA,
    },
  };
}

function step(c: Config, current: RunResource | undefined, deployId = 'd-1'): WorkloadStep {
  return planWorkload(c, resourceNames(c, PROJECT), current, deployId);
}

const ctr = (r: RunResource | undefined) => (r as RunJob).template!.template!.containers![0]!;
const env = (r: RunResource | undefined) =>
  (ctr(r).env ?? []).map((e) => (e.valueSource ? { name: e.name, valueSource: e.valueSource } : { name: e.name, value: e.value }));

describe('units', () => {
  it('compares CPU in millicores and memory in bytes', () => {
    expect(cpuMillis('1')).toBe(cpuMillis('1000m'));
    expect(cpuMillis('0.5')).toBe(500);
    expect(memoryBytes('0.5Gi')).toBe(memoryBytes('512Mi'));
    expect(memoryBytes('1Gi')).toBe(memoryBytes('1024Mi'));
    expect(memoryBytes('1G')).toBe(1e9);
  });
});

describe('the field table', () => {
  it('has the job fields for jobs and the service fields for services', () => {
    const jobFields = fieldsFor('job').map((f) => f.field);
    const serviceFields = fieldsFor('service').map((f) => f.field);
    expect(jobFields).toEqual(expect.arrayContaining(['image', 'env_vars', 'secrets', 'cpu', 'memory', 'task_timeout', 'max_retries', 'tasks', 'parallelism', 'labels']));
    expect(jobFields).not.toContain('concurrency');
    expect(serviceFields).toEqual(expect.arrayContaining(['image', 'timeout', 'concurrency', 'min_instances', 'max_instances', 'ingress', 'labels']));
    expect(serviceFields).not.toContain('max_retries');
    expect(new Set(WORKLOAD_FIELDS.map((f) => `${f.field}:${f.kinds.join()}`)).size).toBe(WORKLOAD_FIELDS.length);
  });

  it('reads nothing from an absent resource', () => {
    for (const f of WORKLOAD_FIELDS) for (const kind of f.kinds) expect(f.read(undefined, kind)).toBeUndefined();
  });

  it('creates with the server defaults: what a job created with empty inputs reads back as', () => {
    const c = config({ runtime_service_account: 'default' });
    // (the networking, volume and hardware fields have no create default: undefined, Cloud Run's own)
    for (const f of fieldsFor('job').filter((f) => f.desired(c, undefined) !== undefined)) {
      expect([f.field, f.read(job(), 'job')]).toEqual([f.field, f.desired(c, undefined)]);
    }
  });

  // Safe by default: an empty input never changes a live value. Only the fields that merge with what
  // exists (env_vars, secrets, labels) want something on an update without an input.
  it('wants nothing on an update from an empty input: the live value is kept', () => {
    const wanting = fieldsFor('job').filter((f) => f.desired(config(), job()) !== undefined).map((f) => f.field);
    expect(wanting.sort()).toEqual(['env_vars', 'image', 'labels', 'secrets']);
    const wantingService = fieldsFor('service').filter((f) => f.desired(config({ kind: 'service' }), service()) !== undefined).map((f) => f.field);
    expect(wantingService.sort()).toEqual(['env_vars', 'image', 'labels', 'secrets']);
  });
});

describe('unmanaged fields survive an update', () => {
  it('keeps VPC access, volumes, annotations, ports, mounts and a second container on a job', () => {
    const current = job();
    const s = step(config({ image: DIGEST2, env_vars: 'A=1' }), current);
    expect(s.change.action).toBe('update');
    const body = s.body as RunJob;
    const t = body.template!.template!;
    expect(t.vpcAccess).toEqual(current.template!.template!.vpcAccess);
    expect(t.volumes).toEqual(current.template!.template!.volumes);
    expect(t.executionEnvironment).toBe('EXECUTION_ENVIRONMENT_GEN2');
    expect(body.template!.annotations).toEqual({ 'example.com/set-elsewhere': 'yes' });
    expect(body.annotations).toEqual({ 'example.com/owner': 'data' });
    expect(body.etag).toBe('"e3"');
    expect(t.containers).toHaveLength(2);
    expect(t.containers![1]).toEqual({ name: 'sidecar', image: 'otel/collector:0.1' });
    expect(t.containers![0]).toMatchObject({
      name: 'main',
      image: DIGEST2,
      ports: [{ name: 'http1', containerPort: 8080 }],
      volumeMounts: [{ name: 'data', mountPath: '/data' }],
    });
    // the current resource is untouched
    expect(ctr(current).image).toBe(DIGEST);
    expect(ctr(current).env).toEqual([]);
  });

  it('keeps template annotations set elsewhere next to the tag stamp', () => {
    const s = step(config({ image: 'us-central1-docker.pkg.dev/my-proj/repo/app:latest' }), job(), 'd-7');
    expect((s.body as RunJob).template!.annotations).toEqual({ 'example.com/set-elsewhere': 'yes', [DEPLOY_ANNOTATION]: 'd-7' });
  });

  it('keeps VPC access, annotations and ports on a service, and stamps its revision template', () => {
    const current = service();
    const s = step(config({ kind: 'service', image: 'us-central1-docker.pkg.dev/my-proj/repo/app:v2' }), current, 'd-2');
    const t = (s.body as RunService).template!;
    expect(t.vpcAccess).toEqual({ networkInterfaces: [{ network: 'default' }] });
    expect(t.containers![0]!.ports).toEqual([{ name: 'h2c', containerPort: 9090 }]);
    expect(t.annotations).toEqual({ 'example.com/set-elsewhere': 'yes', [DEPLOY_ANNOTATION]: 'd-2' });
    expect((s.body as RunService).uri).toBe(current.uri);
  });
});

describe('env_vars and secrets', () => {
  const existing = [plain('KEEP', 'k'), plain('MODE', 'old'), secret('TOKEN', 'token'), secret('OLD_SECRET', 'old')];

  it('merge keeps unnamed variables in place, replaces named ones, appends new ones', () => {
    const s = step(config({ env_vars: 'MODE=new,ADDED=a' }), job({ env: existing }));
    expect(s.change.fields.map((f) => f.field)).toEqual(['env_vars']);
    // Safe by default: the plan names the variables and what happens to each, never a value.
    expect(s.change.fields[0]).toEqual({ field: 'env_vars', after: 'KEEP: (unchanged), MODE: (changed), ADDED: (added)' });
    expect(env(s.body)).toEqual([plain('KEEP', 'k'), plain('MODE', 'new'), plain('ADDED', 'a'), secret('TOKEN', 'token'), secret('OLD_SECRET', 'old')]);
  });

  it('merge with nothing new is no change', () => {
    expect(step(config({ env_vars: 'MODE=old' }), job({ env: existing })).change.action).toBe('unchanged');
    expect(step(config(), job({ env: existing })).change.action).toBe('unchanged');
  });

  it('overwrite makes the plain variables exactly the input and leaves secrets alone', () => {
    const s = step(config({ env_vars: 'ADDED=a', env_vars_update_strategy: 'overwrite' }), job({ env: existing }));
    expect(s.change.fields.map((f) => f.field)).toEqual(['env_vars']);
    expect(env(s.body)).toEqual([plain('ADDED', 'a'), secret('TOKEN', 'token'), secret('OLD_SECRET', 'old')]);
  });

  it('overwrite with no input removes every plain variable', () => {
    const s = step(config({ env_vars_update_strategy: 'overwrite' }), job({ env: existing }));
    expect(env(s.body)).toEqual([secret('TOKEN', 'token'), secret('OLD_SECRET', 'old')]);
    expect(s.change.fields).toEqual([{ field: 'env_vars', after: 'KEEP: (removed), MODE: (removed)' }]);
  });

  it('secrets merge: keeps unnamed, replaces named (a new version), appends new', () => {
    const s = step(config({ secrets: 'TOKEN=token:3,NEW_SECRET=fresh:latest' }), job({ env: existing }));
    expect(s.change.fields.map((f) => f.field)).toEqual(['secrets']);
    expect(env(s.body)).toEqual([
      plain('KEEP', 'k'),
      plain('MODE', 'old'),
      secret('TOKEN', 'token', '3'),
      secret('OLD_SECRET', 'old'),
      secret('NEW_SECRET', 'fresh'),
    ]);
  });

  it('secrets overwrite is exactly the input, plain variables kept (independent strategies)', () => {
    const s = step(config({ secrets: 'NEW_SECRET=fresh:2', secrets_update_strategy: 'overwrite', env_vars: 'MODE=new' }), job({ env: existing }));
    expect(s.change.fields.map((f) => f.field).sort()).toEqual(['env_vars', 'secrets']);
    expect(env(s.body)).toEqual([plain('KEEP', 'k'), plain('MODE', 'new'), secret('NEW_SECRET', 'fresh', '2')]);
  });

  it('a variable moved from plain to secret leaves the plain list', () => {
    const s = step(config({ secrets: 'MODE=mode-secret:1' }), job({ env: existing }));
    expect(env(s.body)).toEqual([plain('KEEP', 'k'), secret('TOKEN', 'token'), secret('OLD_SECRET', 'old'), secret('MODE', 'mode-secret', '1')]);
  });

  it('a variable moved from secret to plain leaves the secret list', () => {
    const s = step(config({ env_vars: 'TOKEN=plain' }), job({ env: existing }));
    expect(env(s.body)).toEqual([plain('KEEP', 'k'), plain('MODE', 'old'), plain('TOKEN', 'plain'), secret('OLD_SECRET', 'old')]);
  });
});

describe('resources and defaults', () => {
  it('cpu "1" equals "1000m", memory "1Gi" equals "1024Mi", "512Mi" equals "0.5Gi"', () => {
    expect(step(config({ cpu: '1', memory: '1Gi' }), job({ cpu: '1000m', memory: '1024Mi' })).change.action).toBe('unchanged');
    expect(step(config({ cpu: '1000m', memory: '512Mi' }), job({ cpu: '1', memory: '0.5Gi' })).change.action).toBe('unchanged');
    expect(step(config(), job({ cpu: '1', memory: '0.5Gi' })).change.action).toBe('unchanged');
  });

  it('writes a new cpu and memory, keeping other limits', () => {
    const current = job();
    ctr(current).resources!.limits!['nvidia.com/gpu'] = '1';
    const s = step(config({ cpu: '2', memory: '2Gi' }), current);
    expect(s.change.fields).toEqual([
      { field: 'cpu', before: '1000m', after: '2000m' },
      { field: 'memory', before: '512Mi', after: '2048Mi' },
    ]);
    expect(ctr(s.body).resources!.limits).toEqual({ cpu: '2000m', memory: '2048Mi', 'nvidia.com/gpu': '1' });
  });

  it('reads durations, int32 and int64 in every client shape', () => {
    const c = config({ task_timeout: '1h', max_retries: '5', tasks: '3', parallelism: '2' });
    for (const timeout of ['3600s', { seconds: '3600', nanos: 0 }, { seconds: { toNumber: () => 3600 }, nanos: 0 }, { seconds: 3600 }]) {
      const current = job();
      const t = current.template!;
      (t.template as Record<string, unknown>).timeout = timeout;
      t.template!.maxRetries = 5;
      t.taskCount = '3' as unknown as number;
      t.parallelism = { toNumber: () => 2 } as unknown as number;
      expect(step(c, current).change.action).toBe('unchanged');
    }
  });

  it('an explicit max_retries 0 differs from the default 3', () => {
    const s = step(config({ max_retries: '0' }), job());
    expect(s.change.fields).toEqual([{ field: 'max_retries', before: 3, after: 0 }]);
    expect((s.body as RunJob).template!.template!.maxRetries).toBe(0);
  });

  it('reads an unset task count (0 in a plain REST read) as the default 1', () => {
    const current = job();
    current.template!.taskCount = 0;
    expect(step(config(), current).change.action).toBe('unchanged');
  });

  it('writes a task timeout as a Duration', () => {
    const s = step(config({ task_timeout: '90s' }), job());
    expect(s.change.fields).toEqual([{ field: 'task_timeout', before: 600, after: 90 }]);
    expect((s.body as RunJob).template!.template!.timeout).toEqual('90s');
  });
});

describe('runtime service account', () => {
  it('treats the server-filled default compute account as an empty input', () => {
    expect(step(config(), job({ sa: COMPUTE_SA })).change.action).toBe('unchanged');
    expect(step(config(), job({ sa: '' })).change.action).toBe('unchanged');
  });

  it('treats the default compute account named in the input as the same account', () => {
    expect(step(config({ runtime_service_account: COMPUTE_SA }), job({ sa: COMPUTE_SA })).change.action).toBe('unchanged');
  });

  it('sets a user-managed account; an emptied input keeps it; default drops it', () => {
    const runner = 'runner@my-proj.iam.gserviceaccount.com';
    const set = step(config({ runtime_service_account: runner }), job());
    expect(set.change.fields).toEqual([{ field: 'runtime_service_account', before: '(default compute account)', after: runner }]);
    expect((set.body as RunJob).template!.template!.serviceAccount).toBe(runner);
    // Safe by default, first reproduction: redeployed without the input, the job keeps its account.
    const kept = step(config(), job({ sa: runner }));
    expect(kept.change.action).toBe('unchanged');
    const newImage = step(config({ image: DIGEST2 }), job({ sa: runner }));
    expect(newImage.change.fields.map((f) => f.field)).toEqual(['image']);
    expect((newImage.body as RunJob).template!.template!.serviceAccount).toBe(runner);
    const cleared = step(config({ runtime_service_account: 'default' }), job({ sa: runner }));
    expect(cleared.change.fields).toEqual([{ field: 'runtime_service_account', before: runner, after: '(default compute account)' }]);
    expect((cleared.body as RunJob).template!.template!.serviceAccount).toBeUndefined();
  });

  it('refuses to create a workload without runtime_service_account, explaining the risk and the way out', () => {
    for (const kind of ['job', 'service']) {
      expect(() => step(config({ kind }), undefined)).toThrow(/runtime_service_account.*default compute account[\s\S]*roles\/editor[\s\S]*gcloud iam service-accounts create[\s\S]*runtime_service_account: default/);
    }
    const opted = step(config({ runtime_service_account: 'default' }), undefined);
    expect(opted.change.action).toBe('create');
    expect((opted.body as RunJob).template!.template!.serviceAccount).toBeUndefined();
    expect(step(config({ runtime_service_account: 'DEFAULT' }), undefined).change.action).toBe('create');
  });
});

describe('labels', () => {
  it('keeps labels set elsewhere; the inputs win', () => {
    const current = job({ labels: { ...OWNED, env: 'prod', team: 'old' } });
    expect(step(config(), current).change.action).toBe('unchanged');
    const s = step(config({ labels: 'team=data' }), current);
    expect(s.change.fields).toEqual([
      { field: 'labels', before: { ...OWNED, env: 'prod', team: 'old' }, after: { ...OWNED, env: 'prod', team: 'data' } },
    ]);
    expect(s.body!.labels).toEqual({ ...OWNED, env: 'prod', team: 'data' });
  });

  it('writes the owner record on a job that lacks it, and replaces another fleet\'s', () => {
    const s = step(config(), job({ labels: { env: 'prod' } }));
    expect(s.body!.labels).toEqual({ env: 'prod', ...OWNED });
    const moved = step(config(), job({ labels: { env: 'prod', ...OWNED, 'cloud-run-cron-fleet': 'reports', 'cloud-run-cron-repo': '1' } }));
    expect(moved.body!.labels).toEqual({ env: 'prod', ...OWNED });
  });
});

describe('service fields', () => {
  const svc = (inputs: Record<string, string> = {}) => config({ kind: 'service', ...inputs });

  // Safe by default, second reproduction: an internal service stays internal when ingress is left out.
  it('keeps every live service setting when the inputs are empty', () => {
    const live: RunService = {
      ...service({ ingress: 'INGRESS_TRAFFIC_INTERNAL_ONLY', concurrency: 5, maxInstances: 4, cpu: '2000m' }),
    };
    live.template!.scaling!.minInstanceCount = 2;
    live.template!.timeout = '900s' as unknown as RunService['createTime'];
    live.template!.serviceAccount = 'runtime@my-proj.iam.gserviceaccount.com';
    const s = step(svc({ image: DIGEST2 }), live);
    expect(s.change.fields.map((f) => f.field)).toEqual(['image']);
    const body = s.body as RunService;
    expect(body.ingress).toBe('INGRESS_TRAFFIC_INTERNAL_ONLY');
    expect(body.template!.scaling).toEqual({ minInstanceCount: 2, maxInstanceCount: 4 });
    expect(body.template!.maxInstanceRequestConcurrency).toBe(5);
    expect(body.template!.timeout).toBe('900s');
    expect(body.template!.serviceAccount).toBe('runtime@my-proj.iam.gserviceaccount.com');
    expect(body.template!.containers![0]!.resources!.limits).toEqual({ cpu: '2000m', memory: '512Mi' });
  });

  it('reads the ingress enum as a name or a number, UNSPECIFIED as ALL', () => {
    for (const ingress of ['INGRESS_TRAFFIC_ALL', 1, 'INGRESS_TRAFFIC_UNSPECIFIED', 0]) {
      expect(step(svc(), service({ ingress })).change.action).toBe('unchanged');
    }
    expect(step(svc({ ingress: 'internal' }), service({ ingress: 2 })).change.action).toBe('unchanged');
    const s = step(svc({ ingress: 'internal' }), service({ ingress: 1 }));
    expect(s.change.fields).toEqual([{ field: 'ingress', before: 'INGRESS_TRAFFIC_ALL', after: 'INGRESS_TRAFFIC_INTERNAL_ONLY' }]);
    expect((s.body as RunService).ingress).toBe('INGRESS_TRAFFIC_INTERNAL_ONLY');
  });

  it('leaves max_instances alone when the input is empty', () => {
    expect(step(svc(), service({ maxInstances: 7 })).change.action).toBe('unchanged');
    const s = step(svc({ max_instances: '3' }), service({ maxInstances: 7 }));
    expect(s.change.fields).toEqual([{ field: 'max_instances', before: 7, after: 3 }]);
    expect((s.body as RunService).template!.scaling).toEqual({ minInstanceCount: 0, maxInstanceCount: 3 });
  });

  it('creates a service without max_instances', () => {
    const s = step(svc({ runtime_service_account: 'default' }), undefined);
    expect(s.change.fields.map((f) => f.field)).not.toContain('max_instances');
    expect((s.body as RunService).template!.scaling).toEqual({ minInstanceCount: 0 });
  });

  it('defaults concurrency by CPU: 80 from one CPU, 1 below (unset read as 0 too)', () => {
    expect(step(svc(), service({ concurrency: 80 })).change.action).toBe('unchanged');
    expect(step(svc(), service({ concurrency: 0 })).change.action).toBe('unchanged');
    expect(step(svc({ cpu: '0.5' }), service({ cpu: '500m', concurrency: 1 })).change.action).toBe('unchanged');
    const created = step(svc({ cpu: '0.5', runtime_service_account: 'default' }), undefined);
    expect((created.body as RunService).template!.maxInstanceRequestConcurrency).toBe(1);
    expect(step(svc({ concurrency: '10' }), service({ concurrency: '10' })).change.action).toBe('unchanged');
  });
});

describe('a first deploy body', () => {
  it('holds every managed field of a job', () => {
    const s = step(config({ env_vars: 'A=1', secrets: 'S=s:1', command: 'python main.py', args: '["--full"]', task_timeout: '30m', tasks: '2', runtime_service_account: 'default' }), undefined);
    expect(s.change.action).toBe('create');
    const body = s.body as RunJob;
    expect(body.template!.taskCount).toBe(2);
    expect(body.template!.template).toEqual({
      containers: [
        {
          image: DIGEST,
          command: ['python', 'main.py'],
          args: ['--full'],
          env: [plain('A', '1'), secret('S', 's', '1')],
          resources: { limits: { cpu: '1000m', memory: '512Mi' } },
        },
      ],
      timeout: '1800s',
      maxRetries: 3,
    });
    expect(body.labels).toEqual(OWNED);
  });
});

describe('sidecars and traffic', () => {
  it('manages the serving container (the one with ports), not a sidecar listed first', () => {
    const c = parseConfig((n) => ({ region: 'us-central1', name: 'web', kind: 'service', image: `a/web@sha256:${'c'.repeat(64)}` })[n] ?? '');
    const current: RunService = {
      template: {
        containers: [
          { name: 'proxy-sidecar', image: 'envoy:1' },
          { name: 'app', image: 'a/web:old', ports: [{ containerPort: 8080 }] },
        ],
      },
    };
    const step = planWorkload(c, { projectId: 'p', resource: 'projects/p/locations/us-central1/services/web' }, current, 'd1');
    const containers = (step.body as RunService).template!.containers!;
    expect(containers[0]!.image).toBe('envoy:1');
    expect(containers[1]!.image).toBe(c.image);
  });

  it("tells how much traffic the latest revision serves", () => {
    const latest = 'projects/p/locations/r/services/web/revisions/web-00002-abc';
    expect(latestRevisionTraffic({ latestReadyRevision: latest })).toBe(100);
    expect(latestRevisionTraffic({ latestReadyRevision: latest, trafficStatuses: [{ type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST', percent: 100 }] })).toBe(100);
    expect(
      latestRevisionTraffic({ latestReadyRevision: latest, trafficStatuses: [{ type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION', revision: 'web-00001-xyz', percent: 100 }] }),
    ).toBe(0);
    expect(
      latestRevisionTraffic({
        latestReadyRevision: latest,
        traffic: [
          { type: 2, revision: 'web-00002-abc', percent: 10 },
          { type: 2, revision: 'web-00001-xyz', percent: 90 },
        ],
      }),
    ).toBe(10);
  });
});
