// The pure planner: desired state from a real validated Config against what the Google
// APIs hand back (server defaults filled in, in both the plain-JSON and decoded forms).
import { parseConfig } from '../../src/config/parse-config.js';
import type { Config } from '../../src/config/types.js';
import { resourceNames } from '../../src/pipeline/names.js';
import {
  desiredBindings,
  INVOKER_ROLE,
  isDigestPinned,
  OVERRIDES_ROLE,
  planBindings,
  planChangesAnything,
  planRun,
  planScheduler,
  planWorkload,
  type CurrentState,
  type IamPolicy,
  type RunPlan,
} from '../../src/plan/planner.js';
import { DEPLOY_ANNOTATION, type RunJob, type RunResource, type RunService } from '../../src/run/workload.js';
import { CLOUD_PLATFORM_SCOPE, URL_AFTER_DEPLOY, type SchedulerJob } from '../../src/scheduler/scheduler-job.js';

const PROJECT = 'my-proj';
const REGION = 'us-central1';
const REPO = 'us-central1-docker.pkg.dev/my-proj/repo/app';
const DIGEST = `${REPO}@sha256:${'a'.repeat(64)}`;
const DIGEST2 = `${REPO}@sha256:${'b'.repeat(64)}`;
const TAG = `${REPO}:latest`;
const INVOKER = 'invoker@my-proj.iam.gserviceaccount.com';
const COMPUTE_SA = '123-compute@developer.gserviceaccount.com';
const SERVICE_URI = 'https://nightly-abc123-uc.a.run.app';
const JOB_RUN_URI = `https://${REGION}-run.googleapis.com/apis/run.googleapis.com/v1/namespaces/${PROJECT}/jobs/nightly:run`;

const JOB_INPUTS: Record<string, string> = {
  project_id: PROJECT,
  region: REGION,
  name: 'nightly',
  image: DIGEST,
  runtime_service_account: 'default',
  schedule: '0 3 * * *',
  invoker_service_account: INVOKER,
  env_vars: 'MODE=full,LEVEL=2',
  secrets: 'API_KEY=api-key:latest',
  labels: 'team=data',
};

function config(inputs: Record<string, string> = {}): Config {
  const all = { ...JOB_INPUTS, ...inputs };
  return parseConfig((n) => all[n] ?? '');
}

function serviceConfig(inputs: Record<string, string> = {}): Config {
  return config({ kind: 'service', path: '/tick', ...inputs });
}

function plan(c: Config, current: CurrentState = {}, deployId = 'deploy-1'): RunPlan {
  return planRun({ config: c, names: resourceNames(c, PROJECT), current, deployId });
}

/** An int64 as a decoded protobuf gives it. */
class FakeLong {
  private readonly n: number;
  constructor(n: number) {
    this.n = n;
  }
  toNumber(): number {
    return this.n;
  }
}

/** 'json': a plain REST read (enum names, int64 strings, "600s"); 'decoded': an LRO result (enum numbers, Longs, {seconds}). */
type Form = 'json' | 'decoded';

type Loose = Record<string, unknown>;
const loose = (v: unknown) => v as Loose;

function seconds(d: unknown, fallback: number): number {
  if (typeof d === 'string') return Number(d.replace(/s$/, ''));
  if (d && typeof d === 'object') return Number((d as { seconds: unknown }).seconds);
  return fallback;
}

/** The action writes REST JSON: bytes as base64 text. */
function bytesOf(body: unknown): Buffer | undefined {
  if (!body) return undefined;
  return typeof body === 'string' ? Buffer.from(body, 'base64') : Buffer.from(body as Uint8Array);
}

function durationIn(form: Form, s: number): unknown {
  return form === 'json' ? `${s}s` : { seconds: new FakeLong(s), nanos: 0 };
}

/** What Cloud Run hands back after creating a job from `body`: defaults and output-only fields filled in. */
function serverJob(body: RunJob, form: Form = 'json'): RunJob {
  const job = structuredClone(body);
  const exec = job.template!;
  const task = exec.template!;
  loose(task).timeout = durationIn(form, seconds(task.timeout, 600));
  task.maxRetries ??= 3;
  exec.taskCount ??= 1;
  exec.parallelism ??= 0;
  task.serviceAccount ||= COMPUTE_SA;
  const c = task.containers![0]!;
  c.resources = { limits: { cpu: '1000m', memory: '512Mi', ...c.resources?.limits }, cpuIdle: false, startupCpuBoost: false };
  c.env = (c.env ?? []).map((e) => ({ ...e, ...(e.valueSource ? { values: 'valueSource' } : { values: 'value' }) }));
  c.ports ??= [];
  exec.annotations ??= {};
  return {
    ...job,
    name: `projects/${PROJECT}/locations/${REGION}/jobs/nightly`,
    uid: '0b1c2d3e',
    generation: form === 'json' ? '1' : (new FakeLong(1) as unknown as number),
    observedGeneration: form === 'json' ? '1' : (new FakeLong(1) as unknown as number),
    createTime: form === 'json' ? '2024-05-01T03:00:00Z' : { seconds: new FakeLong(1714532400), nanos: 0 },
    updateTime: form === 'json' ? '2024-05-01T03:00:00Z' : { seconds: new FakeLong(1714532400), nanos: 0 },
    creator: 'deployer@my-proj.iam.gserviceaccount.com',
    launchStage: (form === 'json' ? 'GA' : 5) as RunJob['launchStage'],
    terminalCondition: { type: 'Ready', state: (form === 'json' ? 'CONDITION_SUCCEEDED' : 4) as 'CONDITION_SUCCEEDED' },
    conditions: [],
    reconciling: false,
    executionCount: 0,
    etag: '"abc"',
    annotations: job.annotations ?? {},
    vpcAccess: null,
  } as RunJob;
}

function serverService(body: RunService, form: Form = 'json'): RunService {
  const service = structuredClone(body);
  const t = service.template!;
  loose(t).timeout = durationIn(form, seconds(t.timeout, 300));
  t.maxInstanceRequestConcurrency ??= 80;
  t.serviceAccount ||= COMPUTE_SA;
  t.scaling = { minInstanceCount: 0, maxInstanceCount: 100, ...t.scaling };
  const c = t.containers![0]!;
  c.resources = { limits: { cpu: '1000m', memory: '512Mi', ...c.resources?.limits }, cpuIdle: true, startupCpuBoost: false };
  c.ports = [{ name: 'http1', containerPort: 8080 }];
  return {
    ...service,
    name: `projects/${PROJECT}/locations/${REGION}/services/nightly`,
    uri: SERVICE_URI,
    urls: [SERVICE_URI],
    generation: form === 'json' ? '1' : (new FakeLong(1) as unknown as number),
    ingress: (form === 'json' ? (service.ingress ?? 'INGRESS_TRAFFIC_ALL') : 1) as RunService['ingress'],
    latestReadyRevision: 'nightly-00001-abc',
    latestCreatedRevision: 'nightly-00001-abc',
    traffic: [{ type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST', percent: 100 }],
    reconciling: false,
    etag: '"svc"',
  } as RunService;
}

const HTTP_METHOD_NUMBERS: Record<string, number> = { POST: 1, GET: 2, HEAD: 3, PUT: 4, DELETE: 5, PATCH: 6, OPTIONS: 7 };

/** What Cloud Scheduler hands back after creating `body`. */
function serverScheduler(body: SchedulerJob, form: Form = 'json', paused = false): SchedulerJob {
  const t = body.httpTarget!;
  const bodyBytes = bytesOf(t.body);
  return {
    name: body.name,
    description: body.description,
    schedule: body.schedule,
    timeZone: body.timeZone,
    httpTarget: {
      uri: t.uri,
      httpMethod: (form === 'json' ? t.httpMethod : HTTP_METHOD_NUMBERS[t.httpMethod as string]) as 'POST',
      headers: bodyBytes ? { 'User-Agent': 'Google-Cloud-Scheduler', ...(t.headers ?? { 'Content-Type': 'application/octet-stream' }) } : {},
      body: form === 'json' ? (bodyBytes?.toString('base64') ?? '') : (bodyBytes ?? Buffer.alloc(0)),
      ...(t.oauthToken ? { oauthToken: { ...t.oauthToken } } : {}),
      ...(t.oidcToken ? { oidcToken: { ...t.oidcToken } } : {}),
    } as SchedulerJob['httpTarget'],
    attemptDeadline: durationIn(form, seconds(body.attemptDeadline, 180)) as SchedulerJob['attemptDeadline'],
    retryConfig: {
      retryCount: 0,
      maxRetryDuration: durationIn(form, 0) as '0s',
      minBackoffDuration: durationIn(form, 5) as '5s',
      maxBackoffDuration: durationIn(form, 3600) as '3600s',
      maxDoublings: 5,
      ...body.retryConfig,
    },
    state: (form === 'json' ? (paused ? 'PAUSED' : 'ENABLED') : paused ? 2 : 1) as SchedulerJob['state'],
    userUpdateTime: '2024-05-01T03:00:00Z',
    scheduleTime: '2024-05-02T03:00:00Z',
    status: {},
  } as SchedulerJob;
}

function policyFrom(bindings: { role: string; member: string }[]): IamPolicy {
  const byRole = new Map<string, string[]>();
  for (const b of bindings) byRole.set(b.role, [...(byRole.get(b.role) ?? []), b.member]);
  return {
    version: 1,
    etag: Buffer.from('BwX1'),
    bindings: [...byRole].map(([role, members]) => ({ role, members, condition: null })),
  };
}

/** The server's view of everything a first deploy of `c` created. */
function deployed(c: Config, form: Form = 'json', opts: { paused?: boolean } = {}): CurrentState {
  const first = plan(c);
  const workload =
    c.kind === 'job' ? serverJob(first.workload.body as RunJob, form) : serverService(first.workload.body as RunService, form);
  const uri = c.kind === 'service' ? SERVICE_URI : undefined;
  const sched = c.schedule ? planScheduler(c, resourceNames(c, PROJECT), undefined, uri) : undefined;
  return {
    workload,
    policy: policyFrom(first.bindings.map((b) => ({ role: b.role, member: b.member }))),
    schedulerJob: sched ? serverScheduler(sched.body, form, opts.paused ?? c.schedule?.paused) : undefined,
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value) && !ArrayBuffer.isView(value)) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

const actions = (p: RunPlan) => p.plan.map((c) => `${c.type}:${c.action}`);
const jobContainer = (body: RunResource | undefined) => (body as RunJob).template!.template!.containers![0]!;

describe('isDigestPinned', () => {
  it('is true only for a full sha256 digest at the end', () => {
    expect(isDigestPinned(DIGEST)).toBe(true);
    expect(isDigestPinned(`${REPO}:v1@sha256:${'c'.repeat(64)}`)).toBe(true);
    expect(isDigestPinned(TAG)).toBe(false);
    expect(isDigestPinned(REPO)).toBe(false);
    expect(isDigestPinned(`${REPO}@sha256:${'a'.repeat(63)}`)).toBe(false);
  });
});

describe('a first deploy of a scheduled job', () => {
  const c = config();
  const p = plan(c);

  it('creates everything', () => {
    expect(actions(p)).toEqual(['run-job:create', 'iam-binding:create', 'scheduler-job:create']);
    expect(p.plan[0]!.resource).toBe(`projects/${PROJECT}/locations/${REGION}/jobs/nightly`);
    expect(p.plan[2]!.resource).toBe(`projects/${PROJECT}/locations/${REGION}/jobs/nightly-schedule`);
    expect(p.warnings).toEqual([]);
    expect(planChangesAnything(p.plan)).toBe(true);
  });

  it('lists every managed field of the new job, without before values', () => {
    const fields = p.workload.change.fields;
    expect(fields.map((f) => f.field)).toEqual(
      expect.arrayContaining(['image', 'env_vars', 'secrets', 'labels', 'task_timeout', 'max_retries', 'tasks']),
    );
    expect(fields.every((f) => !('before' in f))).toBe(true);
    expect(fields.find((f) => f.field === 'image')!.after).toBe(DIGEST);
  });

  it('builds the job body: image, env, secrets, labels with managed-by', () => {
    const body = p.workload.body as RunJob;
    const ctr = jobContainer(body);
    expect(ctr.image).toBe(DIGEST);
    expect(ctr.env).toEqual([
      { name: 'MODE', value: 'full' },
      { name: 'LEVEL', value: '2' },
      { name: 'API_KEY', valueSource: { secretKeyRef: { secret: 'api-key', version: 'latest' } } },
    ]);
    expect(body.labels).toEqual({ 'managed-by': 'cloud-run-cron', 'cloud-run-cron-workload': 'nightly', 'cloud-run-cron-scheduler': REGION, team: 'data' });
    // A digest is not stamped: only a tag is.
    expect(body.template?.annotations?.[DEPLOY_ANNOTATION]).toBeUndefined();
    expect(body.template?.template?.serviceAccount).toBeUndefined();
  });

  it('builds the Scheduler job with the documented run URI and an OAuth token', () => {
    const s = p.scheduler!;
    expect(s.updateMask).toEqual([]);
    expect(s.setPaused).toBeUndefined();
    expect(s.body.name).toBe(`projects/${PROJECT}/locations/${REGION}/jobs/nightly-schedule`);
    expect(s.body.schedule).toBe('0 3 * * *');
    expect(s.body.timeZone).toBe('Etc/UTC');
    expect(s.body.httpTarget).toEqual({
      uri: JOB_RUN_URI,
      httpMethod: 'POST',
      oauthToken: { serviceAccountEmail: INVOKER, scope: CLOUD_PLATFORM_SCOPE },
    });
    expect(CLOUD_PLATFORM_SCOPE).toBe('https://www.googleapis.com/auth/cloud-platform');
  });

  it('grants the invoker roles/run.invoker on the job', () => {
    expect(p.bindings).toHaveLength(1);
    expect(p.bindings[0]).toMatchObject({ role: 'roles/run.invoker', member: `serviceAccount:${INVOKER}` });
    expect(p.bindings[0]!.change).toMatchObject({ type: 'iam-binding', action: 'create', resource: p.plan[0]!.resource });
    expect(INVOKER_ROLE).toBe('roles/run.invoker');
  });

  it('uses the scheduler_region and scheduler_job in the Scheduler name, the job region in the run URI', () => {
    const c2 = config({ scheduler_region: 'europe-west1', scheduler_job: 'my_trigger' });
    const p2 = plan(c2);
    expect(p2.scheduler!.change.resource).toBe(`projects/${PROJECT}/locations/europe-west1/jobs/my_trigger`);
    expect(p2.scheduler!.body.httpTarget!.uri).toBe(JOB_RUN_URI);
  });
});

describe('a rerun against what the first deploy created', () => {
  it.each<Form>(['json', 'decoded'])('changes nothing with a digest-pinned image (%s form)', (form) => {
    const c = config();
    const p = plan(c, deepFreeze(deployed(c, form)), 'deploy-2');
    expect(actions(p)).toEqual(['run-job:unchanged', 'iam-binding:unchanged', 'scheduler-job:unchanged']);
    expect(p.plan.every((ch) => ch.fields.length === 0)).toBe(true);
    expect(p.workload.body).toBeUndefined();
    expect(p.scheduler!.updateMask).toEqual([]);
    expect(p.scheduler!.setPaused).toBeUndefined();
    expect(p.warnings).toEqual([]);
    expect(planChangesAnything(p.plan)).toBe(false);
  });

  it.each<Form>(['json', 'decoded'])('changes nothing with every job input set (%s form)', (form) => {
    const c = config({
      task_timeout: '1h', max_retries: '0', tasks: '4', parallelism: '2', cpu: '2', memory: '1Gi',
      runtime_service_account: 'runner@my-proj.iam.gserviceaccount.com', command: 'python main.py', args: '--full',
      time_zone: 'Europe/Berlin', attempt_deadline: '10m', retry_count: '2',
      body: '{"overrides": {"containerOverrides": [{"args": ["--full"]}], "taskCount": 2}}',
    });
    const p = plan(c, deepFreeze(deployed(c, form)), 'deploy-2');
    expect(actions(p)).toEqual(['run-job:unchanged', 'iam-binding:unchanged', 'scheduler-job:unchanged']);
  });

  it('treats a job made elsewhere with only server defaults as equal to empty inputs', () => {
    const c = config({ env_vars: '', secrets: '', labels: '', skip_default_labels: 'true' });
    const minimal: RunJob = {
      name: `projects/${PROJECT}/locations/${REGION}/jobs/nightly`,
      // The owner record is the action's, not an input: a job without it is taken over (a label write).
      labels: { 'managed-by': 'cloud-run-cron', 'cloud-run-cron-workload': 'nightly', 'cloud-run-cron-scheduler': REGION },
      template: {
        taskCount: 1,
        parallelism: 0,
        template: {
          containers: [{ image: DIGEST, command: [], args: [], env: [], resources: { limits: { cpu: '1000m', memory: '512Mi' } } }],
          timeout: { seconds: '600', nanos: 0 },
          maxRetries: 3,
          serviceAccount: COMPUTE_SA,
        },
      },
    };
    const step = planWorkload(c, resourceNames(c, PROJECT), deepFreeze(minimal), 'x');
    expect(step.change).toMatchObject({ action: 'unchanged', fields: [] });
  });

  it('redeploys an image named by a tag, once, with a reason and a template stamp', () => {
    const c = config({ image: TAG });
    const current = deepFreeze(deployed(c));
    const p = plan(c, current, 'deploy-2');
    expect(actions(p)).toEqual(['run-job:update', 'iam-binding:unchanged', 'scheduler-job:unchanged']);
    expect(p.workload.change.fields).toEqual([]);
    expect(p.workload.change.reason).toMatch(/tag/);
    expect(p.workload.change.reason).toMatch(/@sha256:/);
    const body = p.workload.body as RunJob;
    expect(body.template!.annotations![DEPLOY_ANNOTATION]).toBe('deploy-2');
    expect(jobContainer(body).image).toBe(TAG);
    // the stamp is on the copy, not on what was read
    expect((current.workload as RunJob).template!.annotations![DEPLOY_ANNOTATION]).toBe('deploy-1');
  });

  it('stamps a first deploy of a tag too, without a reason', () => {
    const p = plan(config({ image: TAG }), {}, 'deploy-1');
    expect(p.workload.change.action).toBe('create');
    expect(p.workload.change.reason).toBeUndefined();
    expect((p.workload.body as RunJob).template!.annotations![DEPLOY_ANNOTATION]).toBe('deploy-1');
  });

  it('writes only the workload for a new image, with the one field image', () => {
    const current = deepFreeze(deployed(config()));
    const p = plan(config({ image: DIGEST2 }), current, 'deploy-2');
    expect(p.plan.filter((ch) => ch.action !== 'unchanged')).toHaveLength(1);
    expect(p.workload.change).toMatchObject({ type: 'run-job', action: 'update' });
    expect(p.workload.change.fields).toEqual([{ field: 'image', before: DIGEST, after: DIGEST2 }]);
    expect(p.workload.change.reason).toBeUndefined();
    const body = p.workload.body as RunJob;
    expect(jobContainer(body).image).toBe(DIGEST2);
    expect(body.template!.annotations?.[DEPLOY_ANNOTATION]).toBeUndefined();
    // the update body is the current job with the image replaced
    expect(body.etag).toBe('"abc"');
    const plain = (env: unknown) => (env as { name: string; value?: string; valueSource?: unknown }[]).map(({ name, value, valueSource }) => ({ name, value, valueSource }));
    expect(plain(jobContainer(body).env)).toEqual(plain(jobContainer(current.workload).env));
  });

  it.each([
    [{ schedule: '30 4 * * 1-5' }, ['schedule'], 'schedule'],
    [{ time_zone: 'Europe/Berlin' }, ['time_zone'], 'time_zone'],
    [{ attempt_deadline: '5m' }, ['attempt_deadline'], 'attempt_deadline'],
    [{ retry_count: '3' }, ['retry_config.retry_count'], 'retry_count'],
  ])('patches only the Scheduler job for %j, with updateMask %j', (inputs, mask, field) => {
    const current = deepFreeze(deployed(config()));
    const p = plan(config(inputs), current, 'deploy-2');
    expect(p.workload.change.action).toBe('unchanged');
    expect(p.scheduler!.change.action).toBe('update');
    expect(p.scheduler!.updateMask).toEqual(mask);
    expect(p.scheduler!.change.fields.map((f) => f.field)).toEqual([field]);
    expect(p.scheduler!.setPaused).toBeUndefined();
  });

  it('a new invoker: the trigger is re-pointed, the old invoker this action granted is removed, and the owner record names the new one', () => {
    const other = 'other@my-proj.iam.gserviceaccount.com';
    const current = deepFreeze(deployed(config()));
    const p = plan(config({ invoker_service_account: other }), current, 'deploy-2');
    expect(p.scheduler!.updateMask).toEqual(['http_target']);
    expect(p.bindings.map((b) => [b.change.action, b.role, b.member])).toEqual([
      ['create', INVOKER_ROLE, `serviceAccount:${other}`],
      ['delete', INVOKER_ROLE, `serviceAccount:${INVOKER}`],
    ]);
    expect(p.workload.change.fields).toEqual([
      { field: 'owner_record.grants', before: [`${INVOKER_ROLE} serviceAccount:${INVOKER}`], after: [`${INVOKER_ROLE} serviceAccount:${other}`] },
    ]);
    // A binding the record does not name (granted by someone else) is never removed.
    const foreign = { ...current, workload: { ...current.workload, annotations: {} } } as CurrentState;
    expect(plan(config({ invoker_service_account: other }), foreign).bindings.map((b) => b.change.action)).toEqual(['create']);
  });

  it('the overrides role goes once no trigger carries overrides, if this action granted it', () => {
    const withOverrides = config({ body: JSON.stringify({ overrides: { taskCount: 2 } }) });
    const current = deepFreeze(deployed(withOverrides));
    const p = plan(config(), current, 'deploy-2');
    expect(p.bindings.map((b) => [b.change.action, b.role])).toEqual([
      ['create', INVOKER_ROLE],
      ['delete', OVERRIDES_ROLE],
    ]);
  });

  it('names before and after of a new schedule', () => {
    const p = plan(config({ schedule: '30 4 * * *' }), deployed(config()));
    expect(p.scheduler!.change.fields).toEqual([{ field: 'schedule', before: '0 3 * * *', after: '30 4 * * *' }]);
    expect(p.bindings.every((b) => b.change.action === 'unchanged')).toBe(true);
  });

  it('a new invoker is also a new binding (and the old one, which this action granted, goes)', () => {
    const other = 'other@my-proj.iam.gserviceaccount.com';
    const p = plan(config({ invoker_service_account: other }), deployed(config()));
    expect(p.bindings).toHaveLength(2);
    expect(p.bindings[0]).toMatchObject({ role: INVOKER_ROLE, member: `serviceAccount:${other}` });
    expect(p.bindings[0]!.change.action).toBe('create');
  });

  // Safe by default: an empty input never changes a live value.
  it('keeps a live attempt_deadline and retry_count when the inputs are empty; defaults only on a create', () => {
    for (const form of ['json', 'decoded'] as Form[]) {
      const live = deployed(config({ attempt_deadline: '10m', retry_count: '3' }), form).schedulerJob;
      const kept = planScheduler(config(), resourceNames(config(), PROJECT), live, undefined)!;
      expect(kept.change.action).toBe('unchanged');
      const changed = planScheduler(config({ retry_count: '1' }), resourceNames(config(), PROJECT), live, undefined)!;
      expect(changed.change.fields).toEqual([{ field: 'retry_count', before: 3, after: 1 }]);
      expect(changed.updateMask).toEqual(['retry_config.retry_count']);
    }
    const created = planScheduler(config(), resourceNames(config(), PROJECT), undefined, undefined)!;
    expect([created.body.attemptDeadline, created.body.retryConfig]).toEqual(['180s', { retryCount: 0 }]);
  });

  it('treats a Scheduler time zone stored as "" or UTC as Etc/UTC', () => {
    const current = deployed(config());
    for (const timeZone of ['', 'UTC']) {
      const p = planScheduler(config(), resourceNames(config(), PROJECT), { ...current.schedulerJob, timeZone }, undefined);
      expect(p!.change.action).toBe('unchanged');
    }
  });
});

describe('paused', () => {
  it('pauses a job that runs, and lists the field', () => {
    const p = plan(config({ paused: 'true' }), deployed(config()));
    expect(p.scheduler!.setPaused).toBe(true);
    expect(p.scheduler!.updateMask).toEqual([]);
    expect(p.scheduler!.change.action).toBe('update');
    expect(p.scheduler!.change.fields).toEqual([{ field: 'paused', before: false, after: true }]);
  });

  it.each<Form>(['json', 'decoded'])('resumes a paused job (state in %s form)', (form) => {
    const p = plan(config({ paused: 'false' }), deployed(config(), form, { paused: true }));
    expect(p.scheduler!.setPaused).toBe(false);
    expect(p.scheduler!.change.fields).toEqual([{ field: 'paused', before: true, after: false }]);
  });

  it.each<Form>(['json', 'decoded'])('leaves a paused job paused when asked for paused (%s form)', (form) => {
    const c = config({ paused: 'true' });
    const p = plan(c, deployed(c, form));
    expect(p.scheduler!.change.action).toBe('unchanged');
    expect(p.scheduler!.setPaused).toBeUndefined();
  });

  it('creates a job paused', () => {
    const p = plan(config({ paused: 'true' }));
    expect(p.scheduler!.change.action).toBe('create');
    expect(p.scheduler!.setPaused).toBe(true);
    expect(p.scheduler!.change.fields).toContainEqual({ field: 'paused', after: true });
  });
});

describe('IAM bindings', () => {
  const overrides = '{"overrides": {"containerOverrides": [{"args": ["--full"]}]}}';

  it('grants roles/run.jobsExecutorWithOverrides when the body carries overrides', () => {
    const c = config({ body: overrides });
    expect(desiredBindings(c)).toEqual([
      { role: 'roles/run.jobsExecutorWithOverrides', member: `serviceAccount:${INVOKER}`, reason: expect.stringContaining('run.jobs.runWithOverrides') },
    ]);
    const p = plan(c);
    expect(p.bindings.map((b) => b.role)).toEqual([OVERRIDES_ROLE]);
    expect(p.bindings[0]!.change.reason).toContain('overrides');
    const target = p.scheduler!.body.httpTarget!;
    expect(bytesOf(target.body)!.toString('utf8')).toBe(overrides);
    expect(target.headers).toEqual({ 'Content-Type': 'application/json' });
  });

  it('grants roles/run.invoker for a body without overrides', () => {
    expect(desiredBindings(config({ body: '{}' })).map((b) => b.role)).toEqual([INVOKER_ROLE]);
  });

  it('does not count an invoker binding toward the overrides role, nor a conditional binding', () => {
    const c = config({ body: overrides });
    const names = resourceNames(c, PROJECT);
    expect(planBindings(c, names, policyFrom([{ role: INVOKER_ROLE, member: `serviceAccount:${INVOKER}` }]))[0]!.change.action).toBe('create');
    const conditional: IamPolicy = {
      bindings: [{ role: OVERRIDES_ROLE, members: [`serviceAccount:${INVOKER}`], condition: { expression: 'request.time < timestamp("2020-01-01T00:00:00Z")' } }],
    };
    expect(planBindings(c, names, conditional)[0]!.change.action).toBe('create');
    const held: IamPolicy = { bindings: [{ role: OVERRIDES_ROLE, members: ['user:a@example.com', `serviceAccount:${INVOKER}`] }] };
    expect(planBindings(c, names, held)[0]!.change).toMatchObject({ action: 'unchanged', fields: [] });
  });

  it('wants no binding without a schedule', () => {
    const c = config({ schedule: '', invoker_service_account: '' });
    const p = plan(c);
    expect(actions(p)).toEqual(['run-job:create']);
    expect(p.bindings).toEqual([]);
    expect(p.scheduler).toBeUndefined();
  });

  it('binds allUsers for allow_unauthenticated, and only then', () => {
    const pub = plan(serviceConfig({ allow_unauthenticated: 'true' }));
    expect(pub.bindings.map((b) => `${b.role} ${b.member}`)).toEqual([
      `${INVOKER_ROLE} serviceAccount:${INVOKER}`,
      `${INVOKER_ROLE} allUsers`,
    ]);
    const priv = plan(serviceConfig());
    expect(priv.bindings.map((b) => b.member)).toEqual([`serviceAccount:${INVOKER}`]);
  });

  it('warns when allUsers holds the invoker role although allow_unauthenticated is false', () => {
    const c = serviceConfig();
    const current = deployed(c);
    current.policy = { ...current.policy, bindings: [...(current.policy!.bindings ?? []), { role: INVOKER_ROLE, members: ['allUsers'] }] };
    const p = plan(c, current);
    expect(p.warnings).toHaveLength(1);
    expect(p.warnings[0]).toMatch(/allUsers/);
    expect(p.warnings[0]).toMatch(/allow_unauthenticated/);
    // it is left as it is: nothing is planned about it
    expect(actions(p)).toEqual(['run-service:unchanged', 'iam-binding:unchanged', 'scheduler-job:unchanged']);
    expect(plan(serviceConfig({ allow_unauthenticated: 'true' }), current).warnings).toEqual([]);
  });
});

describe('a scheduled service', () => {
  it('creates the service; the trigger URL is known only after deploy', () => {
    const c = serviceConfig();
    const p = plan(c);
    expect(actions(p)).toEqual(['run-service:create', 'iam-binding:create', 'scheduler-job:create']);
    const target = p.scheduler!.body.httpTarget!;
    expect(target.uri).toBe(URL_AFTER_DEPLOY);
    expect(target.uri).toMatch(/known after deploy/);
    expect(target.oidcToken).toEqual({ serviceAccountEmail: INVOKER, audience: URL_AFTER_DEPLOY });
    expect(target.oauthToken).toBeUndefined();
    const body = p.workload.body as RunService;
    expect(body.template!.containers![0]!.image).toBe(DIGEST);
    expect(body.labels).toMatchObject({ 'managed-by': 'cloud-run-cron' });
  });

  it('with the service URL: target = URL + path, audience = the URL alone', () => {
    const c = serviceConfig();
    const s = planScheduler(c, resourceNames(c, PROJECT), undefined, SERVICE_URI)!;
    expect(s.body.httpTarget).toEqual({
      uri: `${SERVICE_URI}/tick`,
      httpMethod: 'POST',
      oidcToken: { serviceAccountEmail: INVOKER, audience: SERVICE_URI },
    });
    const slash = planScheduler(c, resourceNames(c, PROJECT), undefined, `${SERVICE_URI}/`)!;
    expect(slash.body.httpTarget!.uri).toBe(`${SERVICE_URI}/tick`);
  });

  it('uses the service uri from the current service in planRun', () => {
    const c = serviceConfig();
    const current = deployed(c);
    const p = plan(c, { ...current, schedulerJob: undefined });
    expect(p.scheduler!.body.httpTarget!.uri).toBe(`${SERVICE_URI}/tick`);
    expect(p.scheduler!.body.httpTarget!.oidcToken!.audience).toBe(SERVICE_URI);
  });

  it.each<Form>(['json', 'decoded'])('changes nothing on a rerun (%s form)', (form) => {
    const c = serviceConfig({ allow_unauthenticated: 'true', http_method: 'GET' });
    const p = plan(c, deepFreeze(deployed(c, form)));
    expect(actions(p)).toEqual(['run-service:unchanged', 'iam-binding:unchanged', 'iam-binding:unchanged', 'scheduler-job:unchanged']);
  });

  it('changes nothing on a rerun with a non-JSON body (Scheduler stores application/octet-stream)', () => {
    const c = serviceConfig({ body: 'ping' });
    const p = plan(c, deepFreeze(deployed(c)));
    expect(p.scheduler!.change.action).toBe('unchanged');
  });

  it('fixes an OIDC audience left empty (it would default to the URL with the path)', () => {
    const c = serviceConfig();
    const current = deployed(c);
    const job = current.schedulerJob!;
    const emptyAudience = { ...job, httpTarget: { ...job.httpTarget, oidcToken: { serviceAccountEmail: INVOKER, audience: '' } } };
    const p = plan(c, { ...current, schedulerJob: emptyAudience });
    expect(p.scheduler!.updateMask).toEqual(['http_target']);
    expect(p.scheduler!.body.httpTarget!.oidcToken!.audience).toBe(SERVICE_URI);
  });

  it('a new path is a target change', () => {
    const current = deployed(serviceConfig());
    const p = plan(serviceConfig({ path: '/run' }), current);
    expect(p.scheduler!.updateMask).toEqual(['http_target']);
    expect(p.scheduler!.body.httpTarget!.uri).toBe(`${SERVICE_URI}/run`);
    expect(p.scheduler!.change.reason).toBeUndefined();
  });
});

describe('switching kind', () => {
  it('re-points a job trigger at the service with an OIDC token and warns about the job', () => {
    const asJob = deployed(config());
    const c = serviceConfig();
    const p = plan(c, deepFreeze({ otherKind: asJob.workload, schedulerJob: asJob.schedulerJob }));
    expect(actions(p)).toEqual(['run-service:create', 'iam-binding:create', 'scheduler-job:update']);
    const s = p.scheduler!;
    expect(s.updateMask).toContain('http_target');
    expect(s.change.reason).toMatch(/re-pointed/);
    expect(s.change.reason).toMatch(/OIDC/);
    expect(s.body.httpTarget!.oidcToken).toBeDefined();
    expect(s.body.httpTarget!.oauthToken).toBeUndefined();
    expect(s.body.httpTarget!.uri).toBe(URL_AFTER_DEPLOY);
    expect(p.warnings).toHaveLength(1);
    expect(p.warnings[0]).toContain('Cloud Run job named nightly');
    expect(p.warnings[0]).toContain(`gcloud run jobs delete nightly --region=${REGION} --project=${PROJECT}`);

    // after deploy, re-planned with the URL: the service URL + path, audience the URL
    const after = planScheduler(c, resourceNames(c, PROJECT), asJob.schedulerJob, SERVICE_URI)!;
    expect(after.change.action).toBe('update');
    expect(after.body.httpTarget!.uri).toBe(`${SERVICE_URI}/tick`);
    expect(after.body.httpTarget!.oidcToken).toEqual({ serviceAccountEmail: INVOKER, audience: SERVICE_URI });
    expect(after.change.reason).toMatch(/job to the service/);
  });

  it('re-points a service trigger at the job with an OAuth token and warns about the service', () => {
    const asService = deployed(serviceConfig());
    const c = config();
    const p = plan(c, deepFreeze({ otherKind: asService.workload, schedulerJob: asService.schedulerJob }));
    const s = p.scheduler!;
    expect(s.change.action).toBe('update');
    expect(s.updateMask).toContain('http_target');
    expect(s.change.reason).toMatch(/service to the job/);
    expect(s.change.reason).toMatch(/OAuth/);
    expect(s.body.httpTarget).toEqual({
      uri: JOB_RUN_URI,
      httpMethod: 'POST',
      oauthToken: { serviceAccountEmail: INVOKER, scope: CLOUD_PLATFORM_SCOPE },
    });
    expect(p.warnings[0]).toContain('Cloud Run service named nightly');
    expect(p.warnings[0]).toContain(`gcloud run services delete nightly --region=${REGION} --project=${PROJECT}`);
  });

  it('does not warn when the other kind does not exist', () => {
    expect(plan(serviceConfig(), { schedulerJob: deployed(config()).schedulerJob }).warnings).toEqual([]);
  });
});

describe('purity', () => {
  it('does not change deep-frozen inputs, whatever the plan', () => {
    const current = deepFreeze(deployed(config()));
    const snapshot = JSON.stringify(current);
    const variants: Record<string, string>[] = [
      { image: TAG },
      { image: DIGEST2, env_vars: 'NEW=1', env_vars_update_strategy: 'overwrite', secrets: '', labels: 'team=ml', cpu: '2', memory: '1Gi' },
      { schedule: '1 1 * * *', paused: 'true' },
      { kind: 'service', path: '/x' },
    ];
    for (const inputs of variants) {
      const c = deepFreeze(config(inputs));
      expect(() => plan(c, current, 'deploy-3')).not.toThrow();
    }
    expect(JSON.stringify(current)).toBe(snapshot);
  });

  it('gives the same plan for the same inputs', () => {
    const current = deployed(config());
    expect(plan(config({ image: TAG }), current, 'd')).toEqual(plan(config({ image: TAG }), current, 'd'));
  });
});

describe('what is not sent back, and what is repaired', () => {
  it('drops a fixed revision name from a service update (a changed template under it would clash)', () => {
    const c = serviceConfig();
    const current = deployed(c);
    (current.workload as RunService).template!.revision = 'nightly-pinned';
    const p = plan(serviceConfig({ image: DIGEST2 }), current);
    expect(p.workload.change.action).toBe('update');
    expect((p.workload.body as RunService).template!.revision).toBeUndefined();
    expect((current.workload as RunService).template!.revision).toBe('nightly-pinned');
  });

  it("drops a job's execution tokens from an update (they would start an execution)", () => {
    const c = config();
    const current = deployed(c);
    Object.assign(current.workload as object, { startExecutionToken: 'tf-1' });
    const p = plan(config({ image: DIGEST2 }), current);
    expect(p.workload.body).not.toHaveProperty('startExecutionToken');
    expect(p.workload.body).not.toHaveProperty('runExecutionToken');
  });

  it('deploys a service again when its latest revision failed, even with nothing changed', () => {
    const c = serviceConfig();
    const current = deployed(c);
    Object.assign(current.workload as object, {
      terminalCondition: { type: 'Ready', state: 'CONDITION_FAILED', message: 'Revision nightly-00002 is not ready' },
    });
    const p = plan(c, current, 'deploy-7');
    expect(p.workload.change.action).toBe('update');
    expect(p.workload.change.reason).toMatch(/not Ready \(Revision nightly-00002 is not ready\): deployed again/);
    expect((p.workload.body as RunService).template!.annotations![DEPLOY_ANNOTATION]).toBe('deploy-7');
  });

  it('repairs a Scheduler job left UPDATE_FAILED with a PATCH of every managed field', () => {
    const c = config();
    const current = deployed(c);
    current.schedulerJob = { ...current.schedulerJob, state: 'UPDATE_FAILED' };
    const step = plan(c, current).scheduler!;
    expect(step.change.action).toBe('update');
    expect(step.updateMask).toEqual(['schedule', 'time_zone', 'http_target', 'attempt_deadline', 'retry_config.retry_count', 'description']);
    expect(step.change.fields).toContainEqual({ field: 'state', before: 'UPDATE_FAILED', after: 'ENABLED' });
  });

  it('recreates a Scheduler job the system DISABLED when its description is the one the action writes (ResumeJob needs PAUSED), and pauses it after if asked', () => {
    const current = deployed(config());
    current.schedulerJob = { ...current.schedulerJob, state: 'DISABLED' };
    const step = plan(config(), current).scheduler!;
    expect(step.recreate).toBe(true);
    expect(step.setPaused).toBeUndefined();
    expect(step.change.fields).toContainEqual({ field: 'state', before: 'DISABLED', after: 'ENABLED' });
    expect(step.change.reason).toMatch(/deleted and created again/);
    expect(plan(config({ paused: 'true' }), current).scheduler!.setPaused).toBe(true);
  });

  it('refuses to recreate a DISABLED Scheduler job whose description the action did not write', () => {
    const current = deployed(config());
    current.schedulerJob = { ...current.schedulerJob, state: 'DISABLED', description: 'made by hand' };
    expect(() => plan(config(), current)).toThrow(/is DISABLED: .*not the one this action writes/);
  });

  it('sets paused explicitly after repairing an UPDATE_FAILED job (the state that follows is the API\'s to say)', () => {
    const current = deployed(config());
    current.schedulerJob = { ...current.schedulerJob, state: 'UPDATE_FAILED' };
    expect(plan(config(), current).scheduler!.setPaused).toBe(false);
    expect(plan(config({ paused: 'true' }), current).scheduler!.setPaused).toBe(true);
  });
});
