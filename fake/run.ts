// Cloud Run Admin API v2: jobs, executions (simulated in scaled real time), services,
// revisions, long-running operations and resource IAM policies. Also the two things Cloud
// Scheduler reaches from Google's side: the v1 `namespaces/P/jobs/J:run` endpoint and a
// service's own URL (behind Cloud Run's ID-token check).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Auth } from './auth.ts';
import {
  ApiError, badRequest, fieldError, googleError, notFound, permissionDenied, rfc3339, rpcCode,
  urlNotFoundHtml, urlNotFoundJson, type Clock, type Ctx, type Router,
} from './http.ts';
import { DEFAULT_VARIANTS, type Variants } from './variants.ts';
import type { Iam, Identity, World } from './iam.ts';
import { page } from './paging.ts';
import { applyUpdateMask, decode, type Json } from './schema.ts';

export interface RunTimings {
  /** how long a create/update operation takes, and a revision to become ready */
  operationMs: number;
  /** how long one task attempt runs (an image marker `fake-sleep<N>ms` overrides it) */
  taskMs: number;
  /**
   * How long a service stays Reconciling (not Ready, latest revision not serving) after its
   * operation is done (default 0: Ready when the operation finishes).
   */
  readyDelayMs?: number;
}

/** Cloud Run regions (2025). Region codes are those of the `*.a.run.app` hostnames. */
export const RUN_REGIONS: Record<string, string> = {
  'us-central1': 'uc', 'us-east1': 'ue', 'us-east4': 'uk', 'us-east5': 'ul', 'us-south1': 'vp', 'us-west1': 'uw',
  'us-west2': 'wl', 'us-west3': 'wm', 'us-west4': 'wn', 'northamerica-northeast1': 'nn', 'northamerica-northeast2': 'pd',
  'northamerica-south1': 'ns', 'southamerica-east1': 'rj', 'southamerica-west1': 'tl', 'europe-west1': 'ew', 'europe-west2': 'nw',
  'europe-west3': 'ey', 'europe-west4': 'ez', 'europe-west6': 'oa', 'europe-west8': 'oc', 'europe-west9': 'od',
  'europe-west10': 'oe', 'europe-west12': 'og', 'europe-north1': 'lz', 'europe-north2': 'ln', 'europe-central2': 'lm',
  'europe-southwest1': 'no', 'me-central1': 'mc', 'me-central2': 'md', 'me-west1': 'zf', 'asia-east1': 'de', 'asia-east2': 'df',
  'asia-northeast1': 'an', 'asia-northeast2': 'dt', 'asia-northeast3': 'du', 'asia-south1': 'el', 'asia-south2': 'em',
  'asia-southeast1': 'as', 'asia-southeast2': 'et', 'australia-southeast1': 'ts', 'australia-southeast2': 'km', 'africa-south1': 'bq',
};

const ID_RE = /^[a-z]([a-z0-9-]{0,47}[a-z0-9])?$/;
const RESERVED_LABEL_NS = ['run.googleapis.com', 'cloud.googleapis.com', 'serving.knative.dev', 'autoscaling.knative.dev'];
const JOB_RESERVED_ENV = ['PORT', 'CLOUD_RUN_JOB', 'CLOUD_RUN_EXECUTION', 'CLOUD_RUN_TASK_INDEX', 'CLOUD_RUN_TASK_ATTEMPT', 'CLOUD_RUN_TASK_COUNT'];
const SERVICE_RESERVED_ENV = ['PORT', 'K_SERVICE', 'K_REVISION', 'K_CONFIGURATION'];
const TYPE = (m: string): string => `type.googleapis.com/google.cloud.run.v2.${m}`;
const NOT_READY_MESSAGE = 'The user-provided container failed to start and listen on the port defined provided by the PORT=8080 environment variable within the allocated timeout. This can happen when the container port is misconfigured or if the timeout is too short. The health check timeout can be extended. Logs for this revision might contain more information.';

type Kind = 'jobs' | 'services';

/** What an image asks of the fake's containers (fake/README.md, "Image markers"). */
export interface ImageMarkers { fail: boolean; flaky: boolean; notready: boolean; http500: boolean; slow: boolean; sleepMs?: number }

/**
 * The markers of an image: only a repository whose last path segment is `fake-` followed by
 * markers joined with `-` (`.../fake-fail:1`, `.../fake-flaky-sleep200ms@sha256:...`) has any.
 * Any other name, tag or digest never changes behaviour, whatever words it contains.
 */
export function imageMarkers(image: string): ImageMarkers {
  const none: ImageMarkers = { fail: false, flaky: false, notready: false, http500: false, slow: false };
  const path = image.split('@')[0];
  const segment = path.slice(path.lastIndexOf('/') + 1).replace(/:[^:]*$/, '');
  const m = /^fake-([a-z0-9-]+)$/.exec(segment);
  if (!m) return none;
  const out = { ...none };
  for (const token of m[1].split('-')) {
    const sleep = /^sleep(\d+)ms$/.exec(token);
    if (sleep) out.sleepMs = Number(sleep[1]);
    else if (token === 'fail' || token === 'flaky' || token === 'notready' || token === 'http500' || token === 'slow') out[token] = true;
    else return none; // not a marker list: an ordinary image
  }
  return out;
}

interface Operation {
  name: string;
  metadataType: string;
  metadata: () => Json;
  done: boolean;
  response?: Json;
  error?: { code: number; message: string };
}

interface ExecState {
  json: Json;
  jobName: string;
  pending: number[];
  attempts: number[];
  finished: boolean;
  cancelled: boolean;
  op?: Operation;
  /** What the next read shows instead of `json` (variant completionOrder=time-first). */
  earlierView?: Json;
}

/** What a service's handler received (through Cloud Scheduler), for tests to assert. */
export interface ServedRequest {
  service: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  claims?: Record<string, unknown>;
  status: number;
  at: string;
}

export interface AttemptResult { httpStatus: number; message: string }

function parseSeconds(d: unknown): number {
  return typeof d === 'string' ? Number(d.replace(/s$/, '')) : NaN;
}

function setCount(o: Json, key: string, n: number): void {
  // proto3 JSON leaves zero values out, as the real API does.
  if (n) o[key] = n;
  else delete o[key];
}

function cond(type: string, state: string, extra: Json = {}): Json {
  return { type, state, lastTransitionTime: rfc3339(), ...extra };
}

const rand = (n: number): string => {
  const abc = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(randomBytes(n), b => abc[b % abc.length]).join('');
};

export class CloudRun {
  jobs = new Map<string, Json>();
  services = new Map<string, Json>();
  revisions = new Map<string, Json>();
  executions = new Map<string, ExecState>();
  operations = new Map<string, Operation>();
  served: ServedRequest[] = [];
  /** Called with a job or service about to be deleted (the server records what still targets it). */
  beforeDelete?: (name: string, workload: Json) => void;
  timings: RunTimings;
  /** Unsettled behaviours (fake/variants.ts); the server shares one object among the APIs. */
  variants: Variants = { ...DEFAULT_VARIANTS };
  private world: World;
  private iam: Iam;
  private auth: Auth;
  private clock: Clock;

  constructor(world: World, iam: Iam, auth: Auth, clock: Clock, timings: RunTimings) {
    this.world = world;
    this.iam = iam;
    this.auth = auth;
    this.clock = clock;
    this.timings = timings;
  }

  // ---------- naming, auth, errors ----------

  /** Checks project and region of a parent path; answers the canonical `projects/ID/locations/L`. */
  private parent(who: Identity, project: string, location: string, permission: string): string {
    const parent = `projects/${project}/locations/${location}`;
    if (project !== this.world.projectId && project !== this.world.projectNumber) throw permissionDenied(permission, parent);
    if (!RUN_REGIONS[location]) {
      // Unverified (FACTS.md): a region Cloud Run does not serve has no API behind its URL.
      const url = `/v2/${parent}`;
      if (this.variants.runRegion === '404-html') throw urlNotFoundHtml(url);
      if (this.variants.runRegion === '404-json') throw urlNotFoundJson(url);
      throw badRequest(`Location '${location}' is not a valid Cloud Run region.`);
    }
    return `projects/${this.world.projectId}/locations/${location}`;
  }

  private require(who: Identity, resource: string, permission: string): void {
    if (!this.iam.allowed(who, resource, permission)) throw permissionDenied(permission, resource);
  }

  private notFoundError(kind: Kind | 'executions' | 'revisions', name: string): ApiError {
    const m = /^projects\/([^/]+)\/locations\/([^/]+)\/.*\/([^/]+)$/.exec(name);
    const [, project, region, id] = m ?? ['', '', '', name];
    const kindName = { jobs: 'JOB', services: 'SERVICE', executions: 'EXECUTION', revisions: 'REVISION' }[kind];
    return notFound(`Resource '${id}' of kind '${kindName}' in region '${region}' in project '${project}' does not exist.`);
  }

  // ---------- operations ----------

  private newOperation(parent: string, metadataType: string, metadata: () => Json): Operation {
    const op: Operation = { name: `${parent}/operations/${randomUUID()}`, metadataType, metadata, done: false };
    this.operations.set(op.name, op);
    return op;
  }

  private finish(op: Operation, response?: Json, error?: { code: number; message: string }): void {
    op.done = true;
    if (error) op.error = error;
    else op.response = structuredClone(response);
  }

  opJson(op: Operation): Json {
    const out: Json = { name: op.name, metadata: { '@type': op.metadataType, ...op.metadata() } };
    if (op.done) {
      out.done = true;
      if (op.error) out.error = op.error;
      else out.response = { '@type': op.metadataType, ...op.response };
    }
    return out;
  }

  // ---------- validation shared by jobs and services ----------

  private checkLabels(labels: unknown, field: string): void {
    for (const key of Object.keys((labels ?? {}) as Json)) {
      const ns = key.includes('/') ? key.split('/')[0] : '';
      if (RESERVED_LABEL_NS.some(r => ns === r || ns.endsWith(`.${r}`))) {
        throw fieldError(`${field}[${key}]`, `Cloud Run API v2 does not support labels or annotations with \`run.googleapis.com\`, \`cloud.googleapis.com\`, \`serving.knative.dev\`, or \`autoscaling.knative.dev\` namespaces: ${key}.`);
      }
    }
  }

  /** Whether Cloud Run deploys from the image's registry (FACTS.md: Artifact Registry, Container Registry, Docker Hub; GHCR per variant). */
  private pullable(image: string): boolean {
    const first = image.split('/')[0];
    const host = image.includes('/') && /[.:]|^localhost$/.test(first) ? first : 'docker.io';
    if (/^[a-z0-9-]+-docker\.pkg\.dev$/.test(host) || /^([a-z]+\.)?gcr\.io$/.test(host) || host === 'docker.io') return true;
    return host === 'ghcr.io' && this.variants.ghcrImages === 'public';
  }

  private checkContainers(containers: Json[] | undefined, field: string, reservedEnv: string[]): void {
    if (!containers?.length) throw fieldError(`${field}.containers`, `${field}.containers: at least one container is required.`);
    if (containers.length > 10) throw fieldError(`${field}.containers`, 'A maximum of 10 containers is allowed.');
    containers.forEach((c, i) => {
      const f = `${field}.containers[${i}]`;
      if (!c.image) throw fieldError(`${f}.image`, `${f}.image: Image is required.`);
      if (!this.pullable(String(c.image))) {
        throw fieldError(`${f}.image`,
          'Expected an image path like [host/]repo-path[:tag and/or @digest], where host is one of [region.]gcr.io, [region-]docker.pkg.dev or docker.io ' +
          `but obtained ${String(c.image)}. To deploy container images from other public or private registries, set up an Artifact Registry remote repository. ` +
          'See https://cloud.google.com/artifact-registry/docs/repositories/remote-repo.');
      }
      const names = new Set<string>();
      ((c.env ?? []) as Json[]).forEach((e, j) => {
        const name = String(e.name ?? '');
        if (!name) throw fieldError(`${f}.env[${j}].name`, `${f}.env[${j}].name: Name is required.`);
        if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(name)) throw fieldError(`${f}.env[${j}].name`, `Invalid environment variable name: ${name}.`);
        if (reservedEnv.includes(name)) {
          throw fieldError(`${f}.env`, `The following reserved env names were provided: ${name}. These values are automatically set by the system.`);
        }
        if (names.has(name)) throw fieldError(`${f}.env`, `Duplicate environment variable name: ${name}.`);
        names.add(name);
        if (e.value !== undefined && e.valueSource !== undefined) throw fieldError(`${f}.env[${j}]`, 'value and value_source are mutually exclusive.');
        const sk = (e.valueSource as Json | undefined)?.secretKeyRef as Json | undefined;
        if (e.valueSource && !sk?.secret) throw fieldError(`${f}.env[${j}].value_source.secret_key_ref.secret`, 'Secret is required.');
      });
      const limits = ((c.resources as Json | undefined)?.limits ?? {}) as Json;
      if (limits.cpu !== undefined && !/^(\d+(\.\d+)?|\d+m)$/.test(String(limits.cpu))) throw fieldError(`${f}.resources.limits[cpu]`, `Invalid value specified for cpu: ${String(limits.cpu)}.`);
      if (limits.memory !== undefined && !/^\d+(\.\d+)?(Ki|Mi|Gi|Ti|k|M|G|T)?$/.test(String(limits.memory))) throw fieldError(`${f}.resources.limits[memory]`, `Invalid value specified for memory: ${String(limits.memory)}.`);
    });
  }

  /**
   * Combinations Cloud Run refuses (FACTS.md): a VPC access with both or neither of a connector
   * and a network interface is a 400 (a recorded real error); the GPU rules are documented, but not
   * whether a breach is refused at once or fails the Ready condition: variant `gpuRules`. Answers
   * the message of a Ready failure to report later, or throws the 400.
   */
  private checkCombinations(t: Json, field: string, request: string, isService: boolean): string | undefined {
    const vpc = t.vpcAccess as Json | undefined;
    if (vpc) {
      const nics = (vpc.networkInterfaces ?? []) as Json[];
      if (Boolean(vpc.connector) === nics.length > 0) {
        throw fieldError(`${field}.vpc_access.connector`, `Violation in ${request}.${field}.vpc_access.connector: one and only one of connector and network_interfaces must be set.`);
      }
      if (nics.length > 1) throw fieldError(`${field}.vpc_access.network_interfaces`, `${field}.vpc_access.network_interfaces: only a single network interface is supported.`);
      if (nics.length && !nics[0].network && !nics[0].subnetwork) {
        throw fieldError(`${field}.vpc_access.network_interfaces[0]`, `${field}.vpc_access.network_interfaces[0]: at least one of network or subnetwork must be specified.`);
      }
    }
    const containers = (t.containers ?? []) as Json[];
    const i = containers.findIndex(c => (((c.resources as Json | undefined)?.limits ?? {}) as Json)['nvidia.com/gpu'] !== undefined);
    const accelerator = (t.nodeSelector as Json | undefined)?.accelerator;
    let problem: [string, string] | undefined;
    if (i < 0) {
      if (accelerator) problem = [`${field}.node_selector.accelerator`, `${field}.node_selector.accelerator: a GPU type needs a container with a GPU limit (nvidia.com/gpu).`];
    } else {
      const c = containers[i];
      const res = (c.resources ?? {}) as Json;
      const limits = res.limits as Json;
      const f = `${field}.containers[${i}].resources`;
      const gpu = String(limits['nvidia.com/gpu']);
      const cores = limits.cpu === undefined ? 1 : String(limits.cpu).endsWith('m') ? Number(String(limits.cpu).slice(0, -1)) / 1000 : Number(limits.cpu);
      const mem = limits.memory === undefined ? 512 * 2 ** 20 : this.memoryBytes(String(limits.memory));
      if (gpu !== '1') problem = [`${f}.limits[nvidia.com/gpu]`, `${f}.limits[nvidia.com/gpu]: the only supported value is '1', got '${gpu}'.`];
      else if (!accelerator) problem = [`${field}.node_selector.accelerator`, `${field}.node_selector.accelerator: a container with a GPU needs a GPU type, e.g. nvidia-l4.`];
      else if (cores < 4) problem = [`${f}.limits[cpu]`, `${f}.limits[cpu]: a GPU needs at least 4 CPU, got ${String(limits.cpu ?? '1000m')}.`];
      else if (mem < 16 * 2 ** 30) problem = [`${f}.limits[memory]`, `${f}.limits[memory]: a GPU needs at least 16Gi of memory, got ${String(limits.memory ?? '512Mi')}.`];
      else if (isService && res.cpuIdle === true) problem = [`${f}.cpu_idle`, `${f}.cpu_idle: a GPU needs CPU always allocated (instance-based billing): cpu_idle must be false.`];
    }
    if (!problem) return undefined;
    if (this.variants.gpuRules === '400') throw fieldError(problem[0], problem[1]);
    return problem[1];
  }

  private memoryBytes(m: string): number {
    const u: Record<string, number> = { '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 };
    const x = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T)?$/.exec(m);
    return x ? Number(x[1]) * u[x[2] ?? ''] : NaN;
  }

  private withContainerDefaults(containers: Json[], isService: boolean): Json[] {
    return containers.map(c => {
      const out = structuredClone(c);
      const res = (out.resources ?? {}) as Json;
      res.limits = { cpu: '1000m', memory: '512Mi', ...((res.limits ?? {}) as Json) };
      out.resources = res;
      if (isService && !out.ports) out.ports = [{ name: 'http1', containerPort: 8080 }];
      return out;
    });
  }

  // ---------- jobs ----------

  private validateJob(job: Json, request = 'CreateJobRequest'): string | undefined {
    this.checkLabels(job.labels, 'job.labels');
    this.checkLabels(job.annotations, 'job.annotations');
    const t = job.template as Json | undefined;
    if (!t) throw fieldError('job.template', 'job.template: Field is required.');
    this.checkLabels(t.labels, 'job.template.labels');
    const tc = t.taskCount as number | undefined;
    if (tc !== undefined && (tc < 0 || tc > 10000)) throw fieldError('job.template.task_count', `job.template.task_count: must be between 1 and 10000, got ${tc}.`);
    const par = t.parallelism as number | undefined;
    if (par !== undefined && par < 0) throw fieldError('job.template.parallelism', 'job.template.parallelism: must not be negative.');
    const tt = (t.template ?? {}) as Json;
    this.checkContainers(tt.containers as Json[] | undefined, 'job.template.template', JOB_RESERVED_ENV);
    const mr = tt.maxRetries as number | undefined;
    if (mr !== undefined && (mr < 0 || mr > 10)) throw fieldError('job.template.template.max_retries', `job.template.template.max_retries: must be between 0 and 10, got ${mr}.`);
    if (tt.timeout !== undefined) {
      const s = parseSeconds(tt.timeout);
      if (!(s > 0) || s > 168 * 3600) throw fieldError('job.template.template.timeout', `job.template.template.timeout: must be at most 168h (604800s), got ${String(tt.timeout)}.`);
    }
    return this.checkCombinations(tt, 'job.template.template', request, false);
  }

  private jobSpec(job: Json): Json {
    const t = structuredClone(job.template as Json);
    t.taskCount ??= 1;
    const tt = (t.template ?? {}) as Json;
    tt.containers = this.withContainerDefaults(tt.containers as Json[], false);
    if (tt.maxRetries === undefined) tt.maxRetries = 3;
    tt.timeout ??= '600s';
    tt.serviceAccount ??= this.world.computeServiceAccount;
    tt.executionEnvironment ??= 'EXECUTION_ENVIRONMENT_GEN2';
    t.template = tt;
    const out: Json = {};
    for (const k of ['labels', 'annotations', 'client', 'clientVersion', 'binaryAuthorization']) if (job[k] !== undefined) out[k] = job[k];
    out.launchStage = job.launchStage ?? 'GA';
    out.template = t;
    return out;
  }

  private etag(): string {
    return `"${randomBytes(18).toString('base64url')}"`;
  }

  private writeJob(who: Identity, name: string, job: Json, prev: Json | undefined, op: Operation, failure?: string): Json {
    const now = rfc3339();
    const spec = this.jobSpec(job);
    const generation = prev ? String(Number(prev.generation) + 1) : '1';
    const stored: Json = {
      name,
      uid: prev?.uid ?? randomUUID(),
      generation,
      ...spec,
      createTime: prev?.createTime ?? now,
      updateTime: now,
      creator: prev?.creator ?? who.email ?? who.principal,
      lastModifier: who.email ?? who.principal,
      observedGeneration: prev?.observedGeneration ?? generation,
      terminalCondition: cond('Ready', 'CONDITION_RECONCILING'),
      reconciling: true,
      etag: this.etag(),
    };
    if (prev?.executionCount) stored.executionCount = prev.executionCount;
    if (prev?.latestCreatedExecution) stored.latestCreatedExecution = prev.latestCreatedExecution;
    this.jobs.set(name, stored);
    const snapshot = structuredClone(stored);
    op.metadata = () => snapshot;
    this.clock.later(this.timings.operationMs, () => {
      const cur = this.jobs.get(name);
      if (cur && cur.generation === generation) {
        cur.observedGeneration = generation;
        cur.terminalCondition = failure ? cond('Ready', 'CONDITION_FAILED', { message: failure }) : cond('Ready', 'CONDITION_SUCCEEDED');
        delete cur.reconciling;
        cur.etag = this.etag();
      }
      if (failure) this.finish(op, undefined, { code: rpcCode('FAILED_PRECONDITION'), message: failure });
      else this.finish(op, cur ?? snapshot);
    });
    return stored;
  }

  private decodeJobBody(ctx: Ctx): Json {
    return decode('google.cloud.run.v2.Job', ctx.body, 'job');
  }

  private createJob(ctx: Ctx, who: Identity): Json {
    const [project, location] = ctx.params;
    const parent = this.parent(who, project, location, 'run.jobs.create');
    const id = ctx.query.get('jobId') ?? '';
    const job = this.decodeJobBody(ctx);
    if (!ID_RE.test(id)) {
      throw fieldError('job_id', `Invalid value specified for job_id: '${id}'. Job ID must start with a letter, contain only lowercase letters, digits and hyphens, not end with a hyphen, and be at most 49 characters long.`);
    }
    const name = `${parent}/jobs/${id}`;
    this.require(who, name, 'run.jobs.create');
    if (job.name && job.name !== name && job.name !== id) throw fieldError('job.name', `job.name must be empty or '${name}'.`);
    const failure = this.validateJob(job);
    this.iam.requireActAs(who, String((((job.template as Json).template ?? {}) as Json).serviceAccount ?? this.world.computeServiceAccount));
    if (this.jobs.has(name)) throw googleError('ALREADY_EXISTS', `Resource '${id}' already exists.`);
    const op = this.newOperation(parent, TYPE('Job'), () => ({}));
    if (ctx.query.get('validateOnly') === 'true') {
      this.finish(op, { name, ...this.jobSpec(job) });
      return this.opJson(op);
    }
    this.writeJob(who, name, job, undefined, op, failure);
    return this.opJson(op);
  }

  private updateJob(ctx: Ctx, who: Identity): Json {
    const [project, location, id] = ctx.params;
    const parent = this.parent(who, project, location, 'run.jobs.update');
    const name = `${parent}/jobs/${id}`;
    const job = this.decodeJobBody(ctx);
    const prev = this.jobs.get(name);
    const allowMissing = ctx.query.get('allowMissing') === 'true';
    this.require(who, name, prev || !allowMissing ? 'run.jobs.update' : 'run.jobs.create');
    if (!prev && !allowMissing) throw this.notFoundError('jobs', name);
    if (job.name && job.name !== name && job.name !== `projects/${this.world.projectNumber}/locations/${location}/jobs/${id}`) {
      throw fieldError('job.name', `job.name '${String(job.name)}' does not match the resource in the URL.`);
    }
    if (prev && job.etag && job.etag !== prev.etag) {
      throw googleError('ABORTED', `The job '${id}' was modified concurrently: the etag in the request does not match the current one. Read the job again and retry.`);
    }
    const failure = this.validateJob(job, 'UpdateJobRequest');
    this.iam.requireActAs(who, String((((job.template as Json).template ?? {}) as Json).serviceAccount ?? this.world.computeServiceAccount));
    const op = this.newOperation(parent, TYPE('Job'), () => ({}));
    if (ctx.query.get('validateOnly') === 'true') {
      this.finish(op, { name, ...this.jobSpec(job) });
      return this.opJson(op);
    }
    this.writeJob(who, name, job, prev, op, failure);
    return this.opJson(op);
  }

  // ---------- executions ----------

  private logUri(job: string, location: string, exec: string): string {
    const filter = `resource.type = "cloud_run_job"\nresource.labels.job_name = "${job}"\nresource.labels.location = "${location}"\nlabels."run.googleapis.com/execution_name" = "${exec}"`;
    return `https://console.cloud.google.com/logs/viewer?project=${this.world.projectId}&advancedFilter=${encodeURIComponent(filter)}`;
  }

  /** Starts an execution of a job (from `:run` or from the Scheduler's v1 call). */
  startExecution(who: Identity, jobName: string, overrides: Json | undefined): ExecState {
    const job = this.jobs.get(jobName)!;
    const [, , , location, , jobId] = jobName.split('/');
    const execId = `${jobId}-${rand(5)}`;
    const name = `${jobName}/executions/${execId}`;
    const t = structuredClone(job.template as Json);
    const template = structuredClone(t.template as Json);
    if (overrides) {
      for (const co of (overrides.containerOverrides ?? []) as Json[]) {
        const containers = template.containers as Json[];
        const c = co.name ? containers.find(x => x.name === co.name) : containers[0];
        if (!c) throw fieldError('overrides.container_overrides.name', `Container '${String(co.name)}' not found in the job.`);
        if (co.clearArgs) delete c.args;
        if ((co.args as string[] | undefined)?.length) c.args = co.args;
        if ((co.env as Json[] | undefined)?.length) {
          const env = ((c.env ?? []) as Json[]).filter(e => !(co.env as Json[]).some(o => o.name === e.name));
          c.env = [...env, ...(co.env as Json[])];
        }
      }
      if (overrides.timeout) template.timeout = overrides.timeout;
    }
    const taskCount = Number(overrides?.taskCount || t.taskCount || 1);
    const now = rfc3339();
    const json: Json = {
      name, uid: randomUUID(), creator: who.email ?? who.principal, generation: '1', createTime: now, updateTime: now,
      launchStage: job.launchStage ?? 'GA', job: jobId, taskCount, template,
      reconciling: true,
      conditions: [cond('ResourcesAvailable', 'CONDITION_PENDING'), cond('Started', 'CONDITION_PENDING'), cond('Completed', 'CONDITION_PENDING')],
      observedGeneration: '1', logUri: this.logUri(jobId, location, execId), etag: this.etag(),
    };
    if (t.parallelism) json.parallelism = t.parallelism;
    if (t.labels) json.labels = t.labels;
    const state: ExecState = { json, jobName, pending: Array.from({ length: taskCount }, (_, i) => i), attempts: new Array<number>(taskCount).fill(0), finished: false, cancelled: false };
    this.executions.set(name, state);
    job.executionCount = Number(job.executionCount ?? 0) + 1;
    // The short execution ID, not the resource name (FACTS.md).
    job.latestCreatedExecution = { name: execId, createTime: now, completionStatus: 'EXECUTION_RUNNING' };
    // Provisioning takes a moment before the first task starts.
    this.clock.later(Math.min(30, this.timings.taskMs / 5), () => this.beginTasks(state));
    return state;
  }

  private taskDuration(image: string): number {
    return imageMarkers(image).sleepMs ?? this.timings.taskMs;
  }

  private beginTasks(s: ExecState): void {
    if (s.cancelled) return;
    s.json.startTime = rfc3339();
    s.json.conditions = [cond('ResourcesAvailable', 'CONDITION_SUCCEEDED'), cond('Started', 'CONDITION_SUCCEEDED'), cond('Completed', 'CONDITION_PENDING')];
    const parallelism = Number(s.json.parallelism ?? 0) || s.pending.length;
    for (let i = 0; i < parallelism; i++) this.nextTask(s);
  }

  private nextTask(s: ExecState): void {
    if (s.cancelled || s.finished) return;
    const task = s.pending.shift();
    if (task === undefined) {
      if (!Number(s.json.runningCount ?? 0)) this.complete(s);
      return;
    }
    const image = String(((s.json.template as Json).containers as Json[])[0].image);
    setCount(s.json, 'runningCount', Number(s.json.runningCount ?? 0) + 1);
    const attempt = s.attempts[task]++;
    this.clock.later(this.taskDuration(image), () => {
      if (s.cancelled) return;
      setCount(s.json, 'runningCount', Number(s.json.runningCount ?? 0) - 1);
      const markers = imageMarkers(image);
      const failed = markers.fail || (markers.flaky && attempt === 0);
      const maxRetries = Number((s.json.template as Json).maxRetries ?? 3);
      if (!failed) setCount(s.json, 'succeededCount', Number(s.json.succeededCount ?? 0) + 1);
      else if (attempt < maxRetries) {
        if (attempt === 0) setCount(s.json, 'retriedCount', Number(s.json.retriedCount ?? 0) + 1);
        s.pending.unshift(task);
      } else setCount(s.json, 'failedCount', Number(s.json.failedCount ?? 0) + 1);
      s.json.updateTime = rfc3339();
      this.nextTask(s);
    });
  }

  private complete(s: ExecState): void {
    if (s.finished) return;
    s.finished = true;
    const j = s.json;
    const now = rfc3339();
    // completion_time "is not guaranteed to be set in happens-before order" (execution.proto):
    // under completionOrder=time-first the next read shows it before the Completed condition.
    if (this.variants.completionOrder === 'time-first') s.earlierView = { ...structuredClone(j), completionTime: now };
    j.completionTime = now;
    j.updateTime = now;
    delete j.reconciling;
    const failed = Number(j.failedCount ?? 0);
    const conditions = (j.conditions as Json[]).filter(c => c.type !== 'Completed');
    let status = 'EXECUTION_SUCCEEDED';
    if (s.cancelled) {
      status = 'EXECUTION_CANCELLED';
      conditions.push(cond('Completed', 'CONDITION_FAILED', { executionReason: 'CANCELLED', message: 'The execution was cancelled.' }));
    } else if (failed) {
      status = 'EXECUTION_FAILED';
      const execId = String(j.name).split('/').pop();
      conditions.push(cond('Completed', 'CONDITION_FAILED', {
        executionReason: 'NON_ZERO_EXIT_CODE',
        message: `Task ${execId}-task0 failed with message: The container exited with an error. ${failed}/${String(j.taskCount)} tasks failed.`,
      }));
    } else {
      const secs = ((Date.parse(now) - Date.parse(String(j.startTime ?? j.createTime))) / 1000).toFixed(2);
      conditions.push(cond('Completed', 'CONDITION_SUCCEEDED', { message: `Execution completed successfully in ${secs}s.` }));
    }
    j.conditions = conditions;
    const job = this.jobs.get(s.jobName);
    const ref = job?.latestCreatedExecution as Json | undefined;
    if (ref && ref.name === String(j.name).split('/').pop()) {
      ref.completionTime = now;
      ref.completionStatus = status;
    }
    // The run operation ends when the execution does; its response is the Execution either way
    // (a failed workload shows in the execution's conditions and counts, not as an operation error).
    if (s.op && !s.op.done) this.finish(s.op, j);
  }

  private cancelExecution(s: ExecState): void {
    if (s.finished) return;
    s.cancelled = true;
    const left = s.pending.length + Number(s.json.runningCount ?? 0);
    setCount(s.json, 'runningCount', 0);
    setCount(s.json, 'cancelledCount', Number(s.json.cancelledCount ?? 0) + left);
    s.pending = [];
    this.complete(s);
  }

  private runJob(ctx: Ctx, who: Identity): Json {
    const [project, location, id] = ctx.params;
    const parent = this.parent(who, project, location, 'run.jobs.run');
    const name = `${parent}/jobs/${id}`;
    const body = decode('google.cloud.run.v2.RunJobRequest', ctx.body, '');
    const overrides = body.overrides as Json | undefined;
    this.require(who, name, 'run.jobs.run');
    const hasOverrides = !!overrides && Object.keys(overrides).length > 0;
    if (hasOverrides) this.require(who, name, 'run.jobs.runWithOverrides');
    const job = this.jobs.get(name);
    if (!job) throw this.notFoundError('jobs', name);
    if (body.etag && body.etag !== job.etag) throw googleError('ABORTED', `The job '${id}' was modified concurrently: the etag in the request does not match the current one.`);
    if (overrides?.taskCount !== undefined && (Number(overrides.taskCount) < 0 || Number(overrides.taskCount) > 10000)) {
      throw fieldError('overrides.task_count', 'overrides.task_count: must be between 1 and 10000.');
    }
    const op = this.newOperation(parent, TYPE('Execution'), () => ({}));
    if (body.validateOnly) {
      this.finish(op, {});
      return this.opJson(op);
    }
    const s = this.startExecution(who, name, overrides);
    s.op = op;
    op.metadata = () => s.json;
    return this.opJson(op);
  }

  /** The Cloud Run Admin API v1 run call Cloud Scheduler makes for a job target. */
  runJobV1(who: Identity, host: string, namespace: string, jobId: string, body: Json): AttemptResult {
    const region = /^([a-z0-9-]+)-run\.googleapis\.com$/.exec(host)?.[1];
    const project = namespace === this.world.projectNumber ? this.world.projectId : namespace;
    const name = `projects/${project}/locations/${region}/jobs/${jobId}`;
    if (!region || project !== this.world.projectId) return { httpStatus: 404, message: `Namespaces instance [${namespace}] not found.` };
    if (!this.jobs.has(name)) {
      // The v1 API is regional: a job in another region is not found in this one.
      return { httpStatus: 404, message: `Namespaces instance [${namespace}] not found: job '${jobId}' does not exist in region '${region}'.` };
    }
    if (!this.iam.allowed(who, name, 'run.jobs.run')) return { httpStatus: 403, message: `Permission 'run.jobs.run' denied on resource '${name}' (or resource may not exist).` };
    const overrides = body.overrides as Json | undefined;
    if (overrides && Object.keys(overrides).length && !this.iam.allowed(who, name, 'run.jobs.runWithOverrides')) {
      return { httpStatus: 403, message: `Permission 'run.jobs.runWithOverrides' denied on resource '${name}' (or resource may not exist).` };
    }
    // The v1 RunJobRequest.Overrides: {containerOverrides, taskCount, timeoutSeconds} (FACTS.md).
    let v2: Json | undefined;
    if (overrides) {
      const unknown = Object.keys(overrides).find(k => !['containerOverrides', 'taskCount', 'timeoutSeconds'].includes(k));
      if (unknown) return { httpStatus: 400, message: `Invalid JSON payload received. Unknown name "${unknown}" at 'overrides': Cannot find field.` };
      const { timeoutSeconds, ...rest } = overrides;
      v2 = { ...rest, ...(timeoutSeconds !== undefined ? { timeout: `${Number(timeoutSeconds)}s` } : {}) };
    }
    this.startExecution(who, name, v2);
    return { httpStatus: 200, message: 'OK' };
  }

  // ---------- services ----------

  serviceUrls(name: string): { uri: string; urls: string[] } {
    const [, , , location, , id] = name.split('/');
    const hash = BigInt('0x' + createHash('sha256').update(this.world.projectNumber).digest('hex').slice(0, 15)).toString(36).slice(0, 10).padEnd(10, 'a');
    const uri = `https://${id}-${hash}-${RUN_REGIONS[location] ?? 'uc'}.a.run.app`;
    return { uri, urls: [`https://${id}-${this.world.projectNumber}.${location}.run.app`, uri] };
  }

  private validateService(svc: Json, request = 'CreateServiceRequest'): string | undefined {
    this.checkLabels(svc.labels, 'service.labels');
    this.checkLabels(svc.annotations, 'service.annotations');
    const t = svc.template as Json | undefined;
    if (!t) throw fieldError('service.template', 'service.template: Field is required.');
    this.checkLabels(t.labels, 'service.template.labels');
    this.checkContainers(t.containers as Json[] | undefined, 'service.template', SERVICE_RESERVED_ENV);
    if (t.timeout !== undefined) {
      const s = parseSeconds(t.timeout);
      if (!(s > 0) || s > 3600) throw fieldError('service.template.timeout', `service.template.timeout: must be at most 3600s, got ${String(t.timeout)}.`);
    }
    const c = t.maxInstanceRequestConcurrency as number | undefined;
    if (c !== undefined && (c < 0 || c > 1000)) {
      throw fieldError('service.template.max_instance_request_concurrency', `service.template.max_instance_request_concurrency: must be between 1 and 1000, got ${c}.`);
    }
    const sc = (t.scaling ?? {}) as Json;
    if (sc.minInstanceCount !== undefined && sc.maxInstanceCount !== undefined && Number(sc.minInstanceCount) > Number(sc.maxInstanceCount)) {
      throw fieldError('service.template.scaling', 'service.template.scaling: min_instance_count must not exceed max_instance_count.');
    }
    const traffic = (svc.traffic ?? []) as Json[];
    if (traffic.length && traffic.reduce((n, x) => n + Number(x.percent ?? 0), 0) !== 100) {
      throw fieldError('service.traffic', 'service.traffic: the percentages must add up to 100.');
    }
    return this.checkCombinations(t, 'service.template', request, true);
  }

  private serviceSpec(svc: Json): Json {
    const t = structuredClone(svc.template as Json);
    t.containers = this.withContainerDefaults(t.containers as Json[], true);
    t.maxInstanceRequestConcurrency ??= 80;
    t.timeout ??= '300s';
    t.serviceAccount ??= this.world.computeServiceAccount;
    t.scaling = { maxInstanceCount: 100, ...((t.scaling ?? {}) as Json) };
    const out: Json = {};
    for (const k of ['description', 'labels', 'annotations', 'client', 'clientVersion', 'binaryAuthorization', 'scaling', 'invokerIamDisabled', 'defaultUriDisabled', 'customAudiences', 'iapEnabled']) {
      if (svc[k] !== undefined) out[k] = svc[k];
    }
    out.ingress = svc.ingress ?? 'INGRESS_TRAFFIC_ALL';
    out.launchStage = svc.launchStage ?? 'GA';
    out.template = t;
    out.traffic = (svc.traffic as Json[] | undefined)?.length ? svc.traffic : [{ type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST', percent: 100 }];
    return out;
  }

  /** A named revision is immutable: a changed template under an existing name is refused. */
  private checkRevisionName(name: string, prev: Json | undefined, svc: Json): void {
    const revision = (svc.template as Json | undefined)?.revision;
    if (!prev || !revision) return;
    const existing = this.revisions.get(`${name}/revisions/${String(revision)}`);
    const templateChanged = JSON.stringify(prev.template) !== JSON.stringify(this.serviceSpec(svc).template);
    if (existing && templateChanged) {
      throw googleError('ALREADY_EXISTS', `Revision named '${String(revision)}' with different configuration already exists.`);
    }
  }

  private writeService(who: Identity, name: string, svc: Json, prev: Json | undefined, op: Operation, failure?: string): void {
    const now = rfc3339();
    const spec = this.serviceSpec(svc);
    const generation = prev ? String(Number(prev.generation) + 1) : '1';
    const templateChanged = !prev || JSON.stringify(prev.template) !== JSON.stringify(spec.template);
    const id = name.split('/').pop()!;
    const revName = templateChanged
      ? `${name.replace(/\/services\/[^/]+$/, '')}/services/${id}/revisions/${String(spec.template && (spec.template as Json).revision || `${id}-${generation.padStart(5, '0')}-${rand(3)}`)}`
      : String(prev!.latestCreatedRevision);
    const stored: Json = {
      name, uid: prev?.uid ?? randomUUID(), generation, ...spec,
      createTime: prev?.createTime ?? now, updateTime: now,
      creator: prev?.creator ?? who.email ?? who.principal, lastModifier: who.email ?? who.principal,
      observedGeneration: prev?.observedGeneration ?? generation,
      terminalCondition: cond('Ready', 'CONDITION_RECONCILING'),
      conditions: [cond('RoutesReady', 'CONDITION_RECONCILING'), cond('ConfigurationsReady', 'CONDITION_RECONCILING')],
      // Full revision names (FACTS.md).
      latestCreatedRevision: revName,
      reconciling: true,
      etag: this.etag(),
      ...this.serviceUrls(name),
    };
    if (prev?.latestReadyRevision) stored.latestReadyRevision = prev.latestReadyRevision;
    if (prev?.trafficStatuses) stored.trafficStatuses = prev.trafficStatuses;
    this.services.set(name, stored);
    const template = spec.template as Json;
    const image = String((template.containers as Json[])[0].image);
    if (templateChanged) {
      this.revisions.set(revName, {
        name: revName, uid: randomUUID(), generation: '1', service: id, createTime: now, updateTime: now, launchStage: 'GA',
        scaling: template.scaling, containers: template.containers, timeout: template.timeout, serviceAccount: template.serviceAccount,
        maxInstanceRequestConcurrency: template.maxInstanceRequestConcurrency, executionEnvironment: template.executionEnvironment,
        reconciling: true, observedGeneration: '1', etag: this.etag(),
        conditions: [cond('ResourcesAvailable', 'CONDITION_RECONCILING'), cond('ContainerHealthy', 'CONDITION_RECONCILING')],
        logUri: `https://console.cloud.google.com/logs/viewer?project=${this.world.projectId}&resource=cloud_run_revision/service_name/${id}/revision_name/${revName.split('/').pop()}`,
      });
    }
    const snapshot = structuredClone(stored);
    op.metadata = () => snapshot;
    this.clock.later(this.timings.operationMs, () => {
      const cur = this.services.get(name);
      const rev = this.revisions.get(revName);
      if (!cur || cur.generation !== generation) {
        this.finish(op, cur ?? snapshot);
        return;
      }
      const revShort = revName.split('/').pop()!;
      cur.observedGeneration = generation;
      delete cur.reconciling;
      cur.etag = this.etag();
      if (failure) {
        const msg = `Revision '${revShort}' is not ready and cannot serve traffic. ${failure}`;
        if (rev) {
          delete rev.reconciling;
          rev.conditions = [cond('ResourcesAvailable', 'CONDITION_FAILED', { message: failure })];
        }
        cur.terminalCondition = cond('Ready', 'CONDITION_FAILED', { message: msg });
        cur.conditions = [cond('RoutesReady', 'CONDITION_FAILED', { message: msg }), cond('ConfigurationsReady', 'CONDITION_FAILED', { message: msg })];
        this.finish(op, undefined, { code: rpcCode('FAILED_PRECONDITION'), message: msg });
        return;
      }
      if (imageMarkers(image).notready) {
        const msg = `Revision '${revShort}' is not ready and cannot serve traffic. ${NOT_READY_MESSAGE}`;
        if (rev) {
          delete rev.reconciling;
          rev.conditions = [cond('ResourcesAvailable', 'CONDITION_SUCCEEDED'), cond('ContainerHealthy', 'CONDITION_FAILED', { message: NOT_READY_MESSAGE, reason: 'HEALTH_CHECK_CONTAINER_ERROR' })];
        }
        cur.terminalCondition = cond('Ready', 'CONDITION_FAILED', { message: msg, revisionReason: 'HEALTH_CHECK_CONTAINER_ERROR' });
        cur.conditions = [cond('RoutesReady', 'CONDITION_FAILED', { message: msg }), cond('ConfigurationsReady', 'CONDITION_FAILED', { message: msg })];
        this.finish(op, undefined, { code: rpcCode('FAILED_PRECONDITION'), message: msg });
        return;
      }
      const becomeReady = (): void => {
        if (this.services.get(name) !== cur || cur.generation !== generation) return;
        if (rev) {
          delete rev.reconciling;
          rev.conditions = [cond('Ready', 'CONDITION_SUCCEEDED'), cond('ResourcesAvailable', 'CONDITION_SUCCEEDED'), cond('ContainerHealthy', 'CONDITION_SUCCEEDED')];
        }
        delete cur.reconciling;
        cur.latestReadyRevision = revName;
        cur.terminalCondition = cond('Ready', 'CONDITION_SUCCEEDED');
        cur.conditions = [cond('RoutesReady', 'CONDITION_SUCCEEDED'), cond('ConfigurationsReady', 'CONDITION_SUCCEEDED')];
        cur.trafficStatuses = (cur.traffic as Json[]).map(t => structuredClone(t));
        cur.etag = this.etag();
      };
      const delay = this.timings.readyDelayMs ?? 0;
      if (delay > 0) {
        // The operation is done, the service still Reconciling: Ready (and serving) only later.
        cur.reconciling = true;
        this.finish(op, cur);
        this.clock.later(delay, becomeReady);
        return;
      }
      becomeReady();
      this.finish(op, cur);
    });
  }

  private createService(ctx: Ctx, who: Identity): Json {
    const [project, location] = ctx.params;
    const parent = this.parent(who, project, location, 'run.services.create');
    const id = ctx.query.get('serviceId') ?? '';
    const svc = decode('google.cloud.run.v2.Service', ctx.body, 'service');
    if (!ID_RE.test(id)) {
      throw fieldError('service_id', `Invalid value specified for service_id: '${id}'. Service ID must start with a letter, contain only lowercase letters, digits and hyphens, not end with a hyphen, and be at most 49 characters long.`);
    }
    const name = `${parent}/services/${id}`;
    this.require(who, name, 'run.services.create');
    if (svc.name && svc.name !== name && svc.name !== id) throw fieldError('service.name', `service.name must be empty or '${name}'.`);
    const failure = this.validateService(svc);
    this.iam.requireActAs(who, String((svc.template as Json).serviceAccount ?? this.world.computeServiceAccount));
    if (this.services.has(name)) throw googleError('ALREADY_EXISTS', `Resource '${id}' already exists.`);
    const op = this.newOperation(parent, TYPE('Service'), () => ({}));
    if (ctx.query.get('validateOnly') === 'true') {
      this.finish(op, { name, ...this.serviceSpec(svc) });
      return this.opJson(op);
    }
    this.writeService(who, name, svc, undefined, op, failure);
    return this.opJson(op);
  }

  private updateService(ctx: Ctx, who: Identity): Json {
    const [project, location, id] = ctx.params;
    const parent = this.parent(who, project, location, 'run.services.update');
    const name = `${parent}/services/${id}`;
    const body = decode('google.cloud.run.v2.Service', ctx.body, 'service');
    const prev = this.services.get(name);
    const allowMissing = ctx.query.get('allowMissing') === 'true';
    this.require(who, name, prev || !allowMissing ? 'run.services.update' : 'run.services.create');
    if (!prev && !allowMissing) throw this.notFoundError('services', name);
    if (body.name && body.name !== name && body.name !== `projects/${this.world.projectNumber}/locations/${location}/services/${id}`) {
      throw fieldError('service.name', `service.name '${String(body.name)}' does not match the resource in the URL.`);
    }
    if (prev && body.etag && body.etag !== prev.etag) {
      throw googleError('ABORTED', `The service '${id}' was modified concurrently: the etag in the request does not match the current one. Read the service again and retry.`);
    }
    let svc = body;
    const mask = ctx.query.get('updateMask');
    // Only the masked fields come from the request; the rest stays as it is.
    if (mask && prev) svc = applyUpdateMask(prev, body, mask);
    const failure = this.validateService(svc, 'UpdateServiceRequest');
    this.checkRevisionName(name, prev, svc);
    this.iam.requireActAs(who, String((svc.template as Json).serviceAccount ?? this.world.computeServiceAccount));
    const op = this.newOperation(parent, TYPE('Service'), () => ({}));
    if (ctx.query.get('validateOnly') === 'true') {
      this.finish(op, { name, ...this.serviceSpec(svc) });
      return this.opJson(op);
    }
    this.writeService(who, name, svc, prev, op, failure);
    return this.opJson(op);
  }

  /**
   * A request reaching a service URL, as Cloud Run's front end handles it: an ID token signed by
   * Google whose audience is the service's uri, one of its urls or a custom audience; the caller
   * needs run.routes.invoke; then the container answers (by image marker).
   */
  async invokeService(target: URL, method: string, headers: Record<string, string>, body: string, deadlineMs: number): Promise<AttemptResult> {
    const origin = `${target.protocol}//${target.host}`;
    const svc = [...this.services.values()].find(s => s.uri === origin || (s.urls as string[]).includes(origin));
    if (!svc) return { httpStatus: 404, message: `No Cloud Run service answers at ${origin}.` };
    const record = (status: number, claims?: Record<string, unknown>): void => {
      this.served.push({ service: String(svc.name), method, path: target.pathname + target.search, headers, body, status, at: rfc3339(), ...(claims ? { claims } : {}) });
    };
    const auth = headers.authorization ?? headers.Authorization;
    const token = auth?.replace(/^Bearer /i, '');
    const claims = token ? this.auth.verifyIdToken(token) : undefined;
    const name = String(svc.name);
    let allowed = this.iam.allowedAnonymous(name, 'run.routes.invoke') || svc.invokerIamDisabled === true;
    if (!allowed) {
      const audiences = [String(svc.uri), ...(svc.urls as string[]), ...((svc.customAudiences ?? []) as string[])];
      if (!claims || !audiences.includes(String(claims.aud))) {
        record(401, claims);
        return { httpStatus: 401, message: 'The request was not authenticated. Either allow unauthenticated invocations or set the proper Authorization header.' };
      }
      const who = this.iam.identityOfServiceAccount(String(claims.email ?? ''));
      allowed = !!claims.email && this.iam.allowed(who, name, 'run.routes.invoke');
      if (!allowed) {
        record(403, claims);
        return { httpStatus: 403, message: 'The request was not authorized to invoke this service.' };
      }
    }
    const rev = svc.latestReadyRevision ? this.revisions.get(String(svc.latestReadyRevision)) : undefined;
    if (!rev) {
      record(503, claims);
      return { httpStatus: 503, message: 'Service Unavailable' };
    }
    const image = String(((rev.containers as Json[])[0]).image);
    const markers = imageMarkers(image);
    if (markers.slow) {
      await new Promise<void>(r => this.clock.later(deadlineMs + 10, r));
      record(504, claims);
      return { httpStatus: 504, message: 'upstream request timeout' };
    }
    const status = markers.http500 ? 500 : 200;
    // `sleep<N>ms` marker: the handler takes N ms to answer (as for job tasks).
    await new Promise<void>(r => this.clock.later(markers.sleepMs ?? 5, r));
    record(status, claims);
    return { httpStatus: status, message: status === 200 ? 'OK' : 'Internal Server Error' };
  }

  // ---------- IAM policies on jobs and services ----------

  /** One change per resource to make right after its policy is next read (see FakeGcp.afterNextPolicyRead). */
  readonly afterPolicyRead = new Map<string, () => void>();

  private iamRoutes(router: Router, kind: Kind, idOf: (ctx: Ctx, who: Identity) => string): void {
    const base = `^/v2/projects/([^/]+)/locations/([^/]+)/${kind}/([^/:]+)`;
    const perm = `run.${kind}`;
    const store = kind === 'jobs' ? this.jobs : this.services;
    router.add('GET', new RegExp(`${base}:getIamPolicy$`), 'run', ctx => {
      const who = this.auth.identify(ctx);
      const name = idOf(ctx, who);
      this.require(who, name, `${perm}.getIamPolicy`);
      if (!store.has(name)) {
        // Unverified (FACTS.md): 404, or 403 as for a resource the caller may not see.
        throw this.variants.iamMissing === '403' ? permissionDenied(`${perm}.getIamPolicy`, name) : this.notFoundError(kind, name);
      }
      const answer = policyJson(this.iam.getPolicy(name));
      // A change a test asked for, made after this read was answered: the reader's etag is stale.
      const change = this.afterPolicyRead.get(name);
      this.afterPolicyRead.delete(name);
      change?.();
      return answer;
    });
    router.add('POST', new RegExp(`${base}:setIamPolicy$`), 'run', ctx => {
      const who = this.auth.identify(ctx);
      const name = idOf(ctx, who);
      const body = decode('google.iam.v1.SetIamPolicyRequest', ctx.body, '');
      this.require(who, name, `${perm}.setIamPolicy`);
      if (!store.has(name)) throw this.notFoundError(kind, name);
      const policy = (body.policy ?? {}) as Json;
      return policyJson(this.iam.setPolicy(name, { bindings: (policy.bindings ?? []) as never, etag: policy.etag as string | undefined, version: policy.version as number | undefined }));
    });
    router.add('POST', new RegExp(`${base}:testIamPermissions$`), 'run', ctx => {
      const who = this.auth.identify(ctx);
      const name = idOf(ctx, who);
      const body = decode('google.iam.v1.TestIamPermissionsRequest', ctx.body, '');
      const held = this.iam.permissionsOf(who, name, (body.permissions ?? []) as string[]);
      return held.length ? { permissions: held } : {};
    });
  }

  // ---------- routes ----------

  register(router: Router): void {
    const P = '^/v2/projects/([^/]+)/locations/([^/]+)';
    const nameOf = (kind: string) => (ctx: Ctx, who: Identity): string => {
      const [project, location, id] = ctx.params;
      return `${this.parent(who, project, location, `run.${kind}.get`)}/${kind}/${id}`;
    };
    const get = (kind: Kind) => (ctx: Ctx): Json => {
      const who = this.auth.identify(ctx);
      const name = nameOf(kind)(ctx, who);
      this.require(who, name, `run.${kind}.get`);
      const r = (kind === 'jobs' ? this.jobs : this.services).get(name);
      if (!r) throw this.notFoundError(kind, name);
      return r;
    };
    const list = (kind: Kind) => (ctx: Ctx): Json => {
      const who = this.auth.identify(ctx);
      const [project, location] = ctx.params;
      const parent = this.parent(who, project, location, `run.${kind}.list`);
      this.require(who, parent, `run.${kind}.list`);
      const items = [...(kind === 'jobs' ? this.jobs : this.services).values()].filter(x => String(x.name).startsWith(`${parent}/`));
      // The proto gives no maximum page size; the fake caps at 100 (unverified).
      return page(items, ctx.query, kind, 100);
    };
    const del = (kind: Kind) => (ctx: Ctx): Json => {
      const who = this.auth.identify(ctx);
      const name = nameOf(kind)(ctx, who);
      this.require(who, name, `run.${kind}.delete`);
      const store = kind === 'jobs' ? this.jobs : this.services;
      const cur = store.get(name);
      if (!cur) throw this.notFoundError(kind, name);
      const etag = ctx.query.get('etag');
      if (etag && etag !== cur.etag) throw googleError('ABORTED', 'The etag in the request does not match the current one.');
      const op = this.newOperation(name.replace(/\/(jobs|services)\/[^/]+$/, ''), TYPE(kind === 'jobs' ? 'Job' : 'Service'), () => cur);
      if (ctx.query.get('validateOnly') === 'true') {
        this.finish(op, cur);
        return this.opJson(op);
      }
      this.beforeDelete?.(name, cur);
      store.delete(name);
      cur.deleteTime = rfc3339();
      this.clock.later(this.timings.operationMs, () => this.finish(op, cur));
      return this.opJson(op);
    };

    router.add('POST', new RegExp(`${P}/jobs$`), 'run', ctx => this.createJob(ctx, this.auth.identify(ctx)));
    router.add('GET', new RegExp(`${P}/jobs$`), 'run', list('jobs'));
    router.add('GET', new RegExp(`${P}/jobs/([^/:]+)$`), 'run', get('jobs'));
    router.add('PATCH', new RegExp(`${P}/jobs/([^/:]+)$`), 'run', ctx => this.updateJob(ctx, this.auth.identify(ctx)));
    router.add('DELETE', new RegExp(`${P}/jobs/([^/:]+)$`), 'run', del('jobs'));
    router.add('POST', new RegExp(`${P}/jobs/([^/:]+):run$`), 'run', ctx => this.runJob(ctx, this.auth.identify(ctx)));
    this.iamRoutes(router, 'jobs', nameOf('jobs'));

    const execOf = (ctx: Ctx, who: Identity, permission: string): ExecState => {
      const [project, location, jobId, execId] = ctx.params;
      const jobName = `${this.parent(who, project, location, permission)}/jobs/${jobId}`;
      // Executions are checked against their job (that is where invokers and developers are bound).
      this.require(who, jobName, permission);
      const s = this.executions.get(`${jobName}/executions/${execId}`);
      if (!s) throw this.notFoundError('executions', `${jobName}/executions/${execId}`);
      return s;
    };
    router.add('GET', new RegExp(`${P}/jobs/([^/:]+)/executions$`), 'run', ctx => {
      const who = this.auth.identify(ctx);
      const [project, location, jobId] = ctx.params;
      const jobName = `${this.parent(who, project, location, 'run.executions.list')}/jobs/${jobId}`;
      this.require(who, jobName, 'run.executions.list');
      const items = [...this.executions.values()].filter(s => s.jobName === jobName).map(s => s.json).reverse();
      return items.length ? { executions: items } : {};
    });
    router.add('GET', new RegExp(`${P}/jobs/([^/:]+)/executions/([^/:]+)$`), 'run', ctx => {
      const s = execOf(ctx, this.auth.identify(ctx), 'run.executions.get');
      const view = s.earlierView ?? s.json;
      delete s.earlierView;
      return view;
    });
    router.add('POST', new RegExp(`${P}/jobs/([^/:]+)/executions/([^/:]+):cancel$`), 'run', ctx => {
      const who = this.auth.identify(ctx);
      const s = execOf(ctx, who, 'run.executions.cancel');
      if (s.finished) throw googleError('FAILED_PRECONDITION', `Execution ${String(s.json.name).split('/').pop()} has already completed.`);
      const op = this.newOperation(String(s.json.name).replace(/\/jobs\/.*$/, ''), TYPE('Execution'), () => s.json);
      this.cancelExecution(s);
      this.finish(op, s.json);
      return this.opJson(op);
    });
    router.add('GET', new RegExp(`${P}/jobs/([^/:]+)/executions/([^/:]+)/tasks$`), 'run', ctx => {
      const s = execOf(ctx, this.auth.identify(ctx), 'run.tasks.list');
      const tasks = s.attempts.map((a, i) => ({
        name: `${String(s.json.name)}/tasks/${String(s.json.name).split('/').pop()}-task${i}`, index: i, job: s.json.job,
        execution: String(s.json.name).split('/').pop(), retried: Math.max(0, a - 1),
      }));
      return { tasks };
    });

    router.add('POST', new RegExp(`${P}/services$`), 'run', ctx => this.createService(ctx, this.auth.identify(ctx)));
    router.add('GET', new RegExp(`${P}/services$`), 'run', list('services'));
    router.add('GET', new RegExp(`${P}/services/([^/:]+)$`), 'run', get('services'));
    router.add('PATCH', new RegExp(`${P}/services/([^/:]+)$`), 'run', ctx => this.updateService(ctx, this.auth.identify(ctx)));
    router.add('DELETE', new RegExp(`${P}/services/([^/:]+)$`), 'run', del('services'));
    this.iamRoutes(router, 'services', nameOf('services'));
    router.add('GET', new RegExp(`${P}/services/([^/:]+)/revisions$`), 'run', ctx => {
      const who = this.auth.identify(ctx);
      const svc = nameOf('services')(ctx, who);
      this.require(who, svc, 'run.revisions.list');
      const items = [...this.revisions.values()].filter(r => String(r.name).startsWith(`${svc}/revisions/`)).reverse();
      return items.length ? { revisions: items } : {};
    });
    router.add('GET', new RegExp(`${P}/services/([^/:]+)/revisions/([^/:]+)$`), 'run', ctx => {
      const who = this.auth.identify(ctx);
      const svc = nameOf('services')(ctx, who);
      this.require(who, svc, 'run.revisions.get');
      const r = this.revisions.get(`${svc}/revisions/${ctx.params[3]}`);
      if (!r) throw this.notFoundError('revisions', `${svc}/revisions/${ctx.params[3]}`);
      return r;
    });

    const opOf = (ctx: Ctx): Operation => {
      const who = this.auth.identify(ctx);
      const [project, location, id] = ctx.params;
      const parent = this.parent(who, project, location, 'run.operations.get');
      this.require(who, parent, 'run.operations.get');
      const op = this.operations.get(`${parent}/operations/${id}`);
      if (!op) throw notFound(`Operation '${parent}/operations/${id}' not found.`);
      return op;
    };
    router.add('GET', new RegExp(`${P}/operations/([^/:]+)$`), 'run', ctx => this.opJson(opOf(ctx)));
    router.add('POST', new RegExp(`${P}/operations/([^/:]+):wait$`), 'run', async ctx => {
      const op = opOf(ctx);
      const timeout = Math.min(parseSeconds((ctx.body as Json | undefined)?.timeout ?? '10s') * 1000 || 10000, 60000);
      const until = Date.now() + timeout;
      while (!op.done && Date.now() < until) await new Promise<void>(r => this.clock.later(10, r));
      return this.opJson(op);
    });
    router.add('GET', new RegExp(`${P}/operations$`), 'run', ctx => {
      const who = this.auth.identify(ctx);
      const [project, location] = ctx.params;
      const parent = this.parent(who, project, location, 'run.operations.list');
      this.require(who, parent, 'run.operations.list');
      const ops = [...this.operations.values()].filter(o => o.name.startsWith(`${parent}/`)).map(o => this.opJson(o));
      return ops.length ? { operations: ops } : {};
    });
  }
}

/** An empty policy reads back as {"etag": "ACAB"}: no version, no bindings (FACTS.md). */
function policyJson(p: { version: number; bindings: unknown[]; etag: string }): Json {
  if (!p.bindings.length) return { etag: p.etag };
  return { version: p.version, etag: p.etag, bindings: p.bindings };
}
