// The fields of a Cloud Run job or service that the action manages, as one table: where
// each lives in the v2 resource, its server-filled default, and how the desired value is
// made from the config. The planner diffs through this table; apply writes through it,
// onto a copy of the current resource, so fields the action does not manage survive.
import type { protos } from '@google-cloud/run';
import type { Config, EnvVar, SecretEnvVar } from '../config/types.js';
import { CONDITION_STATES, duration, durationSeconds, enumName, toNumber } from '../google/values.js';

export type RunJob = protos.google.cloud.run.v2.IJob;
export type RunService = protos.google.cloud.run.v2.IService;
export type RunResource = RunJob | RunService;
type Container = protos.google.cloud.run.v2.IContainer;
type EnvEntry = protos.google.cloud.run.v2.IEnvVar;

export const MANAGED_LABEL = { key: 'managed-by', value: 'cloud-run-cron' };
/** Template annotation that makes Cloud Run resolve a tag again (see planner). */
export const DEPLOY_ANNOTATION = 'cloud-run-cron/deploy-id';

const INGRESS_NAMES = [
  'INGRESS_TRAFFIC_UNSPECIFIED',
  'INGRESS_TRAFFIC_ALL',
  'INGRESS_TRAFFIC_INTERNAL_ONLY',
  'INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER',
  'INGRESS_TRAFFIC_NONE',
] as const;
export const INGRESS_BY_INPUT: Record<string, string> = {
  all: 'INGRESS_TRAFFIC_ALL',
  internal: 'INGRESS_TRAFFIC_INTERNAL_ONLY',
  'internal-and-cloud-load-balancing': 'INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER',
};

/** Millicores: '1' and '1000m' are the same CPU. */
export function cpuMillis(cpu: string): number {
  return cpu.endsWith('m') ? Number(cpu.slice(0, -1)) : Math.round(Number(cpu) * 1000);
}

const MEMORY_UNITS: Record<string, number> = {
  '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40,
};
/** Bytes: '512Mi' and '0.5Gi' are the same memory. */
export function memoryBytes(memory: string): number {
  const m = /^(\d+(?:\.\d+)?)([kMGT]i?)?$/.exec(memory);
  if (!m) return Number.NaN;
  return Math.round(Number(m[1]) * MEMORY_UNITS[m[2] ?? '']);
}

/** One spelling per CPU amount: '1' and '1000m' both become '1000m'. */
export function canonicalCpu(cpu: string): string {
  return `${cpuMillis(cpu)}m`;
}

/** One spelling per memory amount: '0.5Gi' and '512Mi' both become '512Mi'. */
export function canonicalMemory(memory: string): string {
  const bytes = memoryBytes(memory);
  const mi = bytes / 2 ** 20;
  return Number.isInteger(mi) ? `${mi}Mi` : String(bytes);
}

export const DEFAULT_CPU = '1000m';

function defaultConcurrency(cpu: string): number {
  return cpuMillis(cpu) < 1000 ? 1 : 80;
}
export const DEFAULT_MEMORY = '512Mi';

/** The parts of a resource the table reaches into. */
function revisionTemplate(r: RunResource, kind: Config['kind']): Record<string, unknown> {
  if (kind === 'job') {
    const job = r as RunJob;
    job.template ??= {};
    job.template.template ??= {};
    return job.template.template as Record<string, unknown>;
  }
  const service = r as RunService;
  service.template ??= {};
  return service.template as Record<string, unknown>;
}

/**
 * Which container the action manages: with sidecars, the one that serves (it has ports),
 * which need not be the first; otherwise the first.
 */
function managedIndex(containers: Container[] | undefined): number {
  const serving = (containers ?? []).findIndex((c) => (c.ports ?? []).length > 0);
  return serving >= 0 && (containers ?? []).length > 1 ? serving : 0;
}

function container(r: RunResource, kind: Config['kind']): Container {
  const t = revisionTemplate(r, kind) as { containers?: Container[] };
  t.containers ??= [];
  const i = managedIndex(t.containers);
  t.containers[i] ??= {};
  return t.containers[i];
}

/** The revision/task template, read without changing the resource. */
function readTemplate(r: RunResource | undefined, kind: Config['kind']): Record<string, unknown> {
  const t = kind === 'job' ? (r as RunJob | undefined)?.template?.template : (r as RunService | undefined)?.template;
  return (t ?? {}) as Record<string, unknown>;
}

function readContainer(r: RunResource | undefined, kind: Config['kind']): Container {
  const containers = readTemplate(r, kind).containers as Container[] | undefined;
  return containers?.[managedIndex(containers)] ?? {};
}

function plainEnv(entries: EnvEntry[] | null | undefined): EnvVar[] {
  return (entries ?? []).filter((e) => !e.valueSource).map((e) => ({ name: e.name ?? '', value: e.value ?? '' }));
}

function secretEnv(entries: EnvEntry[] | null | undefined): SecretEnvVar[] {
  return (entries ?? [])
    .filter((e) => e.valueSource?.secretKeyRef)
    .map((e) => ({
      name: e.name ?? '',
      secret: e.valueSource!.secretKeyRef!.secret ?? '',
      version: e.valueSource!.secretKeyRef!.version ?? 'latest',
    }));
}

/** Every plain env var value of every container of the resource (for scrubSecrets). */
export function envValuesOf(r: RunResource | undefined, kind: Config['kind']): string[] {
  const containers = (readTemplate(r, kind).containers ?? []) as Container[];
  return containers.flatMap((c) => plainEnv(c.env).map((e) => e.value));
}

/** merge: keep what exists and is not named (in place), replace named, append new. */
function mergeByName<T extends { name: string }>(current: T[], wanted: T[], strategy: 'merge' | 'overwrite', namedElsewhere: Set<string>): T[] {
  if (strategy === 'overwrite') return wanted;
  const byName = new Map(wanted.map((w) => [w.name, w]));
  const kept = current
    .filter((c) => !namedElsewhere.has(c.name))
    .map((c) => byName.get(c.name) ?? c);
  const have = new Set(kept.map((c) => c.name));
  return [...kept, ...wanted.filter((w) => !have.has(w.name))];
}

export interface FieldDef {
  /** Name the user knows (an input name where there is one). */
  field: string;
  kinds: readonly Config['kind'][];
  /** Normalized current value (server defaults filled in). */
  read(r: RunResource | undefined, kind: Config['kind']): unknown;
  /**
   * Normalized desired value; undefined = not managed by this config (any value is fine, and
   * the live one is carried over: the body of an update is a copy of the current resource).
   */
  desired(config: Config, current: RunResource | undefined): unknown;
  /** Writes the desired value onto a resource body (undefined: leaves the body as it is). */
  write(r: RunResource, kind: Config['kind'], value: unknown): void;
}

/**
 * Empty means "leave it as it is": the value given, else nothing to manage on an update (the
 * live value stays), else, on a create, the default. The one rule every input that maps to a
 * setting of the job or service follows (README, "Safe by default").
 */
export function givenOrDefault<T>(given: T | undefined, current: RunResource | undefined, createDefault: T): T | undefined {
  if (given !== undefined) return given;
  return current ? undefined : createDefault;
}

/** runtime_service_account: default — the project's default compute account, chosen explicitly. */
export const DEFAULT_COMPUTE_ACCOUNT = '(default compute account)';
const isComputeAccount = (sa: string): boolean => sa.endsWith('-compute@developer.gserviceaccount.com');

const both = ['job', 'service'] as const;

/** Fields of the revision/task template: one definition, a default per kind. */
function templateNumber(
  field: string,
  key: string,
  kinds: readonly Config['kind'][],
  defaults: Partial<Record<Config['kind'], number>>,
  fromConfig: (c: Config) => number | undefined,
  isDuration = false,
): FieldDef {
  const get = (v: unknown) => (isDuration ? durationSeconds(v) : toNumber(v));
  return {
    field,
    kinds,
    read: (r, kind) => (r ? (get(readTemplate(r, kind)[key]) ?? defaults[kind]) : undefined),
    desired: (c, cur) => givenOrDefault(fromConfig(c), cur, defaults[c.kind]),
    write: (r, kind, v) => {
      if (v === undefined) return;
      revisionTemplate(r, kind)[key] = isDuration ? duration(v as number) : v;
    },
  };
}

/** A container resource limit, compared in one canonical spelling ('1' == '1000m'). */
function resourceLimit(
  field: string,
  key: 'cpu' | 'memory',
  fallback: string,
  canonical: (value: string) => string,
  fromConfig: (c: Config) => string | undefined,
): FieldDef {
  return {
    field,
    kinds: both,
    read: (r, kind) => (r ? canonical(readContainer(r, kind).resources?.limits?.[key] ?? fallback) : undefined),
    desired: (c, cur) => {
      const value = givenOrDefault(fromConfig(c), cur, fallback);
      return value === undefined ? undefined : canonical(value);
    },
    write: (r, kind, v) => {
      if (v === undefined) return;
      const ctr = container(r, kind);
      ctr.resources = { ...ctr.resources, limits: { ...ctr.resources?.limits, [key]: v as string } };
    },
  };
}

export const WORKLOAD_FIELDS: readonly FieldDef[] = [
  {
    field: 'image',
    kinds: both,
    read: (r, kind) => readContainer(r, kind).image ?? undefined,
    desired: (c) => c.image,
    write: (r, kind, v) => {
      container(r, kind).image = v as string;
    },
  },
  {
    field: 'command',
    kinds: both,
    read: (r, kind) => (r ? [...(readContainer(r, kind).command ?? [])] : undefined),
    desired: (c, cur) => givenOrDefault(c.command, cur, []),
    write: (r, kind, v) => {
      if (v !== undefined) container(r, kind).command = v as string[];
    },
  },
  {
    field: 'args',
    kinds: both,
    read: (r, kind) => (r ? [...(readContainer(r, kind).args ?? [])] : undefined),
    desired: (c, cur) => givenOrDefault(c.args, cur, []),
    write: (r, kind, v) => {
      if (v !== undefined) container(r, kind).args = v as string[];
    },
  },
  {
    field: 'env_vars',
    kinds: both,
    read: (r, kind) => (r ? plainEnv(readContainer(r, kind).env) : undefined),
    desired: (c, cur) =>
      mergeByName(plainEnv(readContainer(cur, c.kind).env), c.envVars, c.envVarsUpdateStrategy, new Set(c.secrets.map((s) => s.name))),
    write: (r, kind, v) => {
      const ctr = container(r, kind);
      const secrets = (ctr.env ?? []).filter((e) => e.valueSource);
      ctr.env = [...(v as EnvVar[]).map((e) => ({ name: e.name, value: e.value })), ...secrets];
    },
  },
  {
    field: 'secrets',
    kinds: both,
    read: (r, kind) => (r ? secretEnv(readContainer(r, kind).env) : undefined),
    desired: (c, cur) =>
      mergeByName(secretEnv(readContainer(cur, c.kind).env), c.secrets, c.secretsUpdateStrategy, new Set(c.envVars.map((e) => e.name))),
    write: (r, kind, v) => {
      const ctr = container(r, kind);
      const plain = (ctr.env ?? []).filter((e) => !e.valueSource);
      ctr.env = [
        ...plain,
        ...(v as SecretEnvVar[]).map((s) => ({ name: s.name, valueSource: { secretKeyRef: { secret: s.secret, version: s.version } } })),
      ];
    },
  },
  resourceLimit('cpu', 'cpu', DEFAULT_CPU, canonicalCpu, (c) => c.cpu),
  resourceLimit('memory', 'memory', DEFAULT_MEMORY, canonicalMemory, (c) => c.memory),
  {
    field: 'runtime_service_account',
    kinds: both,
    // An empty runtime account on the resource means the default compute account, which the server fills in.
    read: (r, kind) => {
      if (!r) return undefined;
      const sa = readTemplate(r, kind).serviceAccount as string | undefined;
      return !sa || isComputeAccount(sa) ? DEFAULT_COMPUTE_ACCOUNT : sa;
    },
    // 'default', or a default compute account named in the input, is the account the server
    // fills in; empty keeps the live account (a create without one is refused by the planner).
    desired: (c) => {
      const sa = c.runtimeServiceAccount;
      if (sa === undefined) return undefined;
      return sa === 'default' || isComputeAccount(sa) ? DEFAULT_COMPUTE_ACCOUNT : sa;
    },
    write: (r, kind, v) => {
      if (v === undefined) return;
      const t = revisionTemplate(r, kind);
      if (v === DEFAULT_COMPUTE_ACCOUNT) {
        if (!isComputeAccount(String(t.serviceAccount ?? ''))) delete t.serviceAccount;
      } else t.serviceAccount = v;
    },
  },
  templateNumber('task_timeout', 'timeout', ['job'], { job: 600 }, (c) => c.job.taskTimeoutSeconds, true),
  templateNumber('max_retries', 'maxRetries', ['job'], { job: 3 }, (c) => c.job.maxRetries),
  {
    field: 'tasks',
    kinds: ['job'],
    // 0 is proto3's unset (a plain REST read fills it in): the server default, 1.
    read: (r) => (r ? (toNumber((r as RunJob).template?.taskCount) || 1) : undefined),
    desired: (c, cur) => givenOrDefault(c.job.tasks, cur, 1),
    write: (r, _k, v) => {
      if (v === undefined) return;
      const job = r as RunJob;
      job.template = { ...job.template, taskCount: v as number };
    },
  },
  {
    field: 'parallelism',
    kinds: ['job'],
    // 0 or unset: as many as possible.
    read: (r) => (r ? (toNumber((r as RunJob).template?.parallelism) ?? 0) : undefined),
    desired: (c, cur) => givenOrDefault(c.job.parallelism, cur, 0),
    write: (r, _k, v) => {
      if (v === undefined) return;
      const job = r as RunJob;
      job.template = { ...job.template, parallelism: v as number };
    },
  },
  templateNumber('timeout', 'timeout', ['service'], { service: 300 }, (c) => c.service.timeoutSeconds, true),
  {
    field: 'concurrency',
    kinds: ['service'],
    // Unset or 0: 80 when the CPU is at least 1, else 1 (Cloud Run rejects concurrency > 1 with CPU < 1).
    read: (r) => {
      if (!r) return undefined;
      const t = readTemplate(r, 'service');
      return toNumber(t.maxInstanceRequestConcurrency) || defaultConcurrency(readContainer(r, 'service').resources?.limits?.cpu ?? DEFAULT_CPU);
    },
    desired: (c, cur) => givenOrDefault(c.service.concurrency, cur, defaultConcurrency(c.cpu ?? DEFAULT_CPU)),
    write: (r, kind, v) => {
      if (v !== undefined) revisionTemplate(r, kind).maxInstanceRequestConcurrency = v;
    },
  },
  {
    field: 'min_instances',
    kinds: ['service'],
    read: (r) => (r ? (toNumber((r as RunService).template?.scaling?.minInstanceCount) ?? 0) : undefined),
    desired: (c, cur) => givenOrDefault(c.service.minInstances, cur, 0),
    write: (r, _k, v) => {
      if (v === undefined) return;
      const t = revisionTemplate(r, 'service') as { scaling?: Record<string, unknown> };
      t.scaling = { ...t.scaling, minInstanceCount: v };
    },
  },
  {
    field: 'max_instances',
    kinds: ['service'],
    read: (r) => (r ? toNumber((r as RunService).template?.scaling?.maxInstanceCount) : undefined),
    // Left empty: the live value on an update, Cloud Run's own default on a create.
    desired: (c) => c.service.maxInstances,
    write: (r, _k, v) => {
      if (v === undefined) return;
      const t = revisionTemplate(r, 'service') as { scaling?: Record<string, unknown> };
      t.scaling = { ...t.scaling, maxInstanceCount: v };
    },
  },
  {
    field: 'ingress',
    kinds: ['service'],
    read: (r) => (r ? (enumName((r as RunService).ingress, INGRESS_NAMES) ?? 'INGRESS_TRAFFIC_ALL').replace('INGRESS_TRAFFIC_UNSPECIFIED', 'INGRESS_TRAFFIC_ALL') : undefined),
    desired: (c, cur) => givenOrDefault(c.service.ingress && INGRESS_BY_INPUT[c.service.ingress], cur, INGRESS_BY_INPUT.all),
    write: (r, _k, v) => {
      if (v !== undefined) (r as RunService).ingress = v as RunService['ingress'];
    },
  },
  {
    field: 'labels',
    kinds: both,
    read: (r) => (r ? sortedRecord(r.labels ?? {}) : undefined),
    // Labels set elsewhere are kept; the ones given here win.
    desired: (c, cur) => sortedRecord({ ...(cur?.labels ?? {}), ...c.labels }),
    write: (r, _k, v) => {
      r.labels = v as Record<string, string>;
    },
  },
];

function sortedRecord(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

export function fieldsFor(kind: Config['kind']): FieldDef[] {
  return WORKLOAD_FIELDS.filter((f) => f.kinds.includes(kind));
}

/** Sets the template annotation that makes Cloud Run resolve a tag again. */
export function stampDeploy(r: RunResource, kind: Config['kind'], deployId: string): void {
  if (kind === 'job') {
    const job = r as RunJob;
    job.template = { ...job.template, annotations: { ...(job.template?.annotations ?? {}), [DEPLOY_ANNOTATION]: deployId } };
  } else {
    const service = r as RunService;
    service.template = { ...service.template, annotations: { ...(service.template?.annotations ?? {}), [DEPLOY_ANNOTATION]: deployId } };
  }
}

export interface ReadyState {
  ready: boolean;
  failed?: string;
}

/** Cloud Run's own readiness rule for a service. */
export function serviceReadiness(service: RunService): ReadyState {
  const terminal = service.terminalCondition;
  const state = enumName(terminal?.state, CONDITION_STATES);
  if (state === 'CONDITION_FAILED') return { ready: false, failed: terminal?.message ?? 'the service is not Ready' };
  const ready =
    !service.reconciling &&
    toNumber(service.observedGeneration) === toNumber(service.generation) &&
    Boolean(service.latestReadyRevision) &&
    service.latestReadyRevision === service.latestCreatedRevision &&
    state === 'CONDITION_SUCCEEDED';
  return { ready };
}

const TRAFFIC_TYPES = ['TRAFFIC_TARGET_ALLOCATION_TYPE_UNSPECIFIED', 'TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST', 'TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION'] as const;

/**
 * The share of traffic (percent) the latest ready revision serves. Traffic pinned to a named
 * revision (set elsewhere, kept by the update) leaves a new revision without requests.
 */
export function latestRevisionTraffic(service: RunService): number {
  const latest = service.latestReadyRevision?.split('/').pop();
  const targets = service.trafficStatuses?.length ? service.trafficStatuses : (service.traffic ?? []);
  if (targets.length === 0) return 100; // no split configured: all to the latest
  return targets
    .filter((t) => enumName(t.type, TRAFFIC_TYPES) === 'TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST' || (latest && t.revision?.split('/').pop() === latest))
    .reduce((sum, t) => sum + (toNumber(t.percent) ?? 0), 0);
}
