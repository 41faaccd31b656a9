// The fields of a Cloud Run job or service that the action manages, as one table: where
// each lives in the v2 resource, its server-filled default, and how the desired value is
// made from the config. The planner diffs through this table; apply writes through it,
// onto a copy of the current resource, so fields the action does not manage survive.
import type { protos } from '@google-cloud/run';
import type { Config, EnvVar, SecretEnvVar, SecretFile, VpcEgress } from '../config/types.js';
import { mountDir } from '../config/lists.js';
import { recordOf, withRecordLabels } from '../ownership/record.js';
import { CONDITION_STATES, duration, durationSeconds, enumName, toNumber } from '../google/values.js';

export type RunJob = protos.google.cloud.run.v2.IJob;
export type RunService = protos.google.cloud.run.v2.IService;
export type RunResource = RunJob | RunService;
type Container = protos.google.cloud.run.v2.IContainer;
type EnvEntry = protos.google.cloud.run.v2.IEnvVar;

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
 * setting of the job or service follows (docs/safety.md).
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
    // Labels set elsewhere are kept; the ones given here win; the owner record replaces any earlier one.
    desired: (c, cur) => sortedRecord(withRecordLabels({ ...(cur?.labels ?? {}), ...c.labels }, recordOf(c))),
    write: (r, _k, v) => {
      r.labels = v as Record<string, string>;
    },
  },
];

function sortedRecord(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

// ---------- networking, volumes and hardware ----------
// Each is managed only when its input is given: empty leaves the live value as it is, and a
// create without it gets Cloud Run's default.

type Volume = protos.google.cloud.run.v2.IVolume;
type VolumeMount = protos.google.cloud.run.v2.IVolumeMount;

const EGRESS_NAMES = ['VPC_EGRESS_UNSPECIFIED', 'ALL_TRAFFIC', 'PRIVATE_RANGES_ONLY'] as const;
const EGRESS_BY_INPUT: Record<VpcEgress, string> = { 'all-traffic': 'ALL_TRAFFIC', 'private-ranges-only': 'PRIVATE_RANGES_ONLY' };
const EXECUTION_ENVIRONMENTS = ['EXECUTION_ENVIRONMENT_UNSPECIFIED', 'EXECUTION_ENVIRONMENT_GEN1', 'EXECUTION_ENVIRONMENT_GEN2'] as const;
export const GPU_LIMIT = 'nvidia.com/gpu';
export const CLOUDSQL_MOUNT = '/cloudsql';

interface VpcValue {
  mode: 'direct' | 'connector';
  network?: string;
  subnetwork?: string;
  connector?: string;
  egress: VpcEgress;
}

function readVpc(r: RunResource | undefined, kind: Config['kind']): VpcValue | undefined {
  const access = readTemplate(r, kind).vpcAccess as protos.google.cloud.run.v2.IVpcAccess | undefined;
  const nic = access?.networkInterfaces?.[0];
  if (!access?.connector && !nic) return undefined;
  // Unset egress is PRIVATE_RANGES_ONLY (google/cloud/run/v2/vendor_settings.proto, VpcAccess.egress).
  const egress = enumName(access.egress, EGRESS_NAMES) === 'ALL_TRAFFIC' ? 'all-traffic' : 'private-ranges-only';
  if (access.connector) return { mode: 'connector', connector: access.connector, egress };
  return { mode: 'direct', ...(nic?.network ? { network: nic.network } : {}), ...(nic?.subnetwork ? { subnetwork: nic.subnetwork } : {}), egress };
}

/** A name given short (`main`) is the live one when that is its full form (`projects/p/global/networks/main`). */
function sameOrGiven(given: string | undefined, live: string | undefined): string | undefined {
  if (given === undefined) return undefined;
  return live !== undefined && !given.includes('/') && live.endsWith(`/${given}`) ? live : given;
}

function desiredVpc(c: Config, cur: RunResource | undefined): VpcValue | undefined {
  const v = c.runtime.vpc;
  if (!v) return undefined;
  const live = readVpc(cur, c.kind);
  const mode = v.connector ? 'connector' : v.network || v.subnetwork ? 'direct' : live?.mode;
  if (!mode) return undefined;
  const same = live?.mode === mode ? live : undefined;
  const egress = v.egress ?? same?.egress ?? 'private-ranges-only';
  if (mode === 'connector') return { mode, connector: sameOrGiven(v.connector, same?.connector) ?? same?.connector, egress };
  // A part not given (a network without a subnetwork) is what the live interface has, unless the
  // part given changes (a subnetwork belongs to its network).
  const givenNetwork = sameOrGiven(v.network, same?.network);
  const givenSubnetwork = sameOrGiven(v.subnetwork, same?.subnetwork);
  const network = givenNetwork ?? (givenSubnetwork === undefined || givenSubnetwork === same?.subnetwork ? same?.network : undefined);
  const subnetwork = givenSubnetwork ?? (givenNetwork === undefined || givenNetwork === same?.network ? same?.subnetwork : undefined);
  return { mode, ...(network ? { network } : {}), ...(subnetwork ? { subnetwork } : {}), egress };
}

function writeVpc(r: RunResource, kind: Config['kind'], value: unknown): void {
  const v = value as VpcValue | undefined;
  if (!v) return;
  const t = revisionTemplate(r, kind) as { vpcAccess?: protos.google.cloud.run.v2.IVpcAccess };
  const egress = EGRESS_BY_INPUT[v.egress] as protos.google.cloud.run.v2.VpcAccess['egress'];
  if (v.mode === 'connector') {
    t.vpcAccess = { connector: v.connector, egress };
    return;
  }
  // Network tags set elsewhere stay.
  const tags = t.vpcAccess?.networkInterfaces?.[0]?.tags;
  t.vpcAccess = {
    egress,
    networkInterfaces: [{ ...(v.network ? { network: v.network } : {}), ...(v.subnetwork ? { subnetwork: v.subnetwork } : {}), ...(tags?.length ? { tags } : {}) }],
  };
}

function volumesOf(r: RunResource | undefined, kind: Config['kind']): Volume[] {
  return (readTemplate(r, kind).volumes ?? []) as Volume[];
}

function cloudSqlOf(r: RunResource | undefined, kind: Config['kind']): string[] {
  return volumesOf(r, kind).flatMap((v) => v.cloudSqlInstance?.instances ?? []).sort();
}

/** Puts (or, with `volume` undefined, removes) the volume `name` and its mount on the managed container. */
function setVolume(r: RunResource, kind: Config['kind'], name: string, volume: Volume | undefined, mountPath: string | undefined): void {
  const t = revisionTemplate(r, kind) as { volumes?: Volume[] };
  const ctr = container(r, kind);
  const volumes = (t.volumes ?? []).filter((v) => v.name !== name);
  const mounts = (ctr.volumeMounts ?? []).filter((m: VolumeMount) => m.name !== name);
  if (volume && mountPath) {
    volumes.push(volume);
    mounts.push({ name, mountPath });
  }
  t.volumes = volumes;
  ctr.volumeMounts = mounts;
  if (!volumes.length) delete t.volumes;
  if (!mounts.length) delete ctr.volumeMounts;
}

/** Secret files: each item of a Secret Manager volume mounted on the managed container. */
function secretFilesOf(r: RunResource | undefined, kind: Config['kind']): SecretFile[] {
  const mounts = readContainer(r, kind).volumeMounts ?? [];
  return volumesOf(r, kind)
    .filter((v) => v.secret?.items?.length)
    .flatMap((v) => {
      const mount = mounts.find((m) => m.name === v.name);
      if (!mount?.mountPath) return [];
      return (v.secret!.items ?? []).map((i) => ({ path: `${mount.mountPath}/${i.path ?? ''}`, secret: v.secret!.secret ?? '', version: i.version ?? 'latest' }));
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** A volume name from its directory, the same on every run (`/secrets/api` -> `secret-secrets-api`). */
function secretVolumeName(dir: string): string {
  return `secret${dir.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`.slice(0, 63).replace(/-+$/, '');
}

function writeSecretFiles(r: RunResource, kind: Config['kind'], value: unknown): void {
  if (value === undefined) return;
  const files = value as SecretFile[];
  const mounts = readContainer(r, kind).volumeMounts ?? [];
  // The secret volumes with items that the managed container mounts are this field's: replaced.
  for (const v of volumesOf(r, kind).filter((v) => v.secret?.items?.length && mounts.some((m) => m.name === v.name))) {
    setVolume(r, kind, v.name ?? '', undefined, undefined);
  }
  const byDir = new Map<string, SecretFile[]>();
  for (const f of files) byDir.set(mountDir(f.path), [...(byDir.get(mountDir(f.path)) ?? []), f]);
  for (const [dir, inDir] of byDir) {
    const name = secretVolumeName(dir);
    const items = inDir.map((f) => ({ path: f.path.slice(dir.length + 1), version: f.version }));
    setVolume(r, kind, name, { name, secret: { secret: inDir[0]!.secret, items } }, dir);
  }
}

interface GpuValue {
  count: number;
  type?: string;
}

function readGpu(r: RunResource | undefined, kind: Config['kind']): GpuValue {
  const count = Number(readContainer(r, kind).resources?.limits?.[GPU_LIMIT] ?? 0) || 0;
  const type = (readTemplate(r, kind).nodeSelector as { accelerator?: string } | undefined)?.accelerator;
  return count ? { count, ...(type ? { type } : {}) } : { count };
}

function containerFlag(field: string, key: 'cpuIdle' | 'startupCpuBoost', fromConfig: (c: Config) => boolean | undefined): FieldDef {
  return {
    field,
    kinds: ['service'],
    // Unset reads as false: with resources set (the action always sets limits), cpu_idle must be
    // set explicitly to be true (google/cloud/run/v2/k8s.min.proto, ResourceRequirements.cpu_idle).
    read: (r) => (r ? readContainer(r, 'service').resources?.[key] === true : undefined),
    desired: (c) => fromConfig(c),
    write: (r, kind, v) => {
      if (v === undefined) return;
      const ctr = container(r, kind);
      ctr.resources = { ...ctr.resources, [key]: v as boolean };
    },
  };
}

export const RUNTIME_FIELDS: readonly FieldDef[] = [
  {
    field: 'vpc',
    kinds: both,
    read: (r, kind) => (r ? readVpc(r, kind) ?? null : undefined),
    desired: desiredVpc,
    write: writeVpc,
  },
  {
    field: 'cloudsql_instances',
    kinds: both,
    read: (r, kind) => (r ? cloudSqlOf(r, kind) : undefined),
    desired: (c) => (c.runtime.cloudSqlInstances ? [...c.runtime.cloudSqlInstances].sort() : undefined),
    write: (r, kind, v) => {
      if (v === undefined) return;
      const instances = v as string[];
      const existing = volumesOf(r, kind).find((x) => x.cloudSqlInstance);
      const name = existing?.name ?? 'cloudsql';
      const mountPath = (readContainer(r, kind).volumeMounts ?? []).find((m) => m.name === name)?.mountPath ?? CLOUDSQL_MOUNT;
      setVolume(r, kind, name, instances.length ? { name, cloudSqlInstance: { instances } } : undefined, mountPath);
    },
  },
  {
    field: 'secret_files',
    kinds: both,
    read: (r, kind) => (r ? secretFilesOf(r, kind) : undefined),
    // Like secrets: merge keeps the files not named (by path); overwrite replaces them all.
    // With the secrets input empty, the live files stay.
    desired: (c, cur) => {
      if (!c.secretFiles.length && !c.secrets.length) return undefined;
      const named = (fs: SecretFile[]) => fs.map((f) => ({ ...f, name: f.path }));
      const merged = mergeByName(named(secretFilesOf(cur, c.kind)), named(c.secretFiles), c.secretsUpdateStrategy, new Set());
      return merged.map(({ path, secret, version }) => ({ path, secret, version })).sort((a, b) => a.path.localeCompare(b.path));
    },
    write: writeSecretFiles,
  },
  {
    field: 'execution_environment',
    kinds: both,
    read: (r, kind) => {
      if (!r) return undefined;
      const name = enumName(readTemplate(r, kind).executionEnvironment, EXECUTION_ENVIRONMENTS);
      return name === 'EXECUTION_ENVIRONMENT_GEN1' ? 'gen1' : name === 'EXECUTION_ENVIRONMENT_GEN2' ? 'gen2' : '(Cloud Run default)';
    },
    desired: (c) => c.runtime.executionEnvironment,
    write: (r, kind, v) => {
      if (v !== undefined) revisionTemplate(r, kind).executionEnvironment = v === 'gen1' ? 'EXECUTION_ENVIRONMENT_GEN1' : 'EXECUTION_ENVIRONMENT_GEN2';
    },
  },
  {
    field: 'gpu',
    kinds: both,
    read: (r, kind) => (r ? readGpu(r, kind) : undefined),
    desired: (c) => c.runtime.gpu,
    write: (r, kind, v) => {
      const gpu = v as GpuValue | undefined;
      if (!gpu) return;
      const t = revisionTemplate(r, kind);
      const ctr = container(r, kind);
      const limits = { ...ctr.resources?.limits };
      delete limits[GPU_LIMIT];
      if (gpu.count) {
        limits[GPU_LIMIT] = String(gpu.count);
        t.nodeSelector = { accelerator: gpu.type };
      } else delete t.nodeSelector;
      ctr.resources = { ...ctr.resources, limits };
    },
  },
  containerFlag('cpu_throttling', 'cpuIdle', (c) => c.runtime.cpuThrottling),
  containerFlag('startup_cpu_boost', 'startupCpuBoost', (c) => c.runtime.startupCpuBoost),
];

export function fieldsFor(kind: Config['kind']): FieldDef[] {
  return [...WORKLOAD_FIELDS, ...RUNTIME_FIELDS].filter((f) => f.kinds.includes(kind));
}

/** Where a field of the table lives in the resource, and which inputs set it (for `spec`). */
export interface FieldPaths {
  field: string;
  inputs: readonly string[];
  kinds?: readonly Config['kind'][];
  /** `$T`: the revision (service) or task (job) template; `$C`: its first container, the one the inputs shape. */
  paths: readonly string[];
  /** Whether the config sets it, when that is not simply "one of `inputs` is not empty". */
  given?: (c: Config) => boolean;
}

/**
 * The `spec` input may set a path only when the inputs that own it are empty (checked before any
 * request by run/spec.ts); where it does, the field is spec's, and the table leaves it alone.
 */
export const FIELD_PATHS: readonly FieldPaths[] = [
  { field: 'name', inputs: ['name'], paths: ['name'] },
  { field: 'image', inputs: ['image'], paths: ['$C.image'] },
  { field: 'command', inputs: ['command'], paths: ['$C.command'] },
  { field: 'args', inputs: ['args'], paths: ['$C.args'] },
  { field: 'env_vars', inputs: ['env_vars'], paths: ['$C.env'] },
  { field: 'secrets', inputs: ['secrets'], paths: ['$C.env'], given: (c) => c.secrets.length > 0 },
  { field: 'secret_files', inputs: ['secrets'], paths: ['$T.volumes', '$C.volumeMounts'], given: (c) => c.secretFiles.length > 0 },
  { field: 'cpu', inputs: ['cpu'], paths: ['$C.resources.limits.cpu'] },
  { field: 'memory', inputs: ['memory'], paths: ['$C.resources.limits.memory'] },
  { field: 'runtime_service_account', inputs: ['runtime_service_account'], paths: ['$T.serviceAccount'] },
  { field: 'tasks', inputs: ['tasks'], kinds: ['job'], paths: ['template.taskCount'] },
  { field: 'parallelism', inputs: ['parallelism'], kinds: ['job'], paths: ['template.parallelism'] },
  { field: 'max_retries', inputs: ['max_retries'], kinds: ['job'], paths: ['$T.maxRetries'] },
  { field: 'task_timeout', inputs: ['task_timeout'], kinds: ['job'], paths: ['$T.timeout'] },
  { field: 'timeout', inputs: ['timeout'], kinds: ['service'], paths: ['$T.timeout'] },
  { field: 'concurrency', inputs: ['concurrency'], kinds: ['service'], paths: ['$T.maxInstanceRequestConcurrency'] },
  { field: 'min_instances', inputs: ['min_instances'], kinds: ['service'], paths: ['$T.scaling.minInstanceCount'] },
  { field: 'max_instances', inputs: ['max_instances'], kinds: ['service'], paths: ['$T.scaling.maxInstanceCount'] },
  { field: 'ingress', inputs: ['ingress'], kinds: ['service'], paths: ['ingress'] },
  { field: 'vpc', inputs: ['vpc_network', 'vpc_subnetwork', 'vpc_egress', 'vpc_connector'], paths: ['$T.vpcAccess'] },
  { field: 'cloudsql_instances', inputs: ['cloudsql_instances'], paths: ['$T.volumes', '$C.volumeMounts'] },
  { field: 'execution_environment', inputs: ['execution_environment'], paths: ['$T.executionEnvironment'] },
  { field: 'gpu', inputs: ['gpu', 'gpu_type'], paths: [`$C.resources.limits.${GPU_LIMIT}`, '$T.nodeSelector'] },
  { field: 'cpu_throttling', inputs: ['cpu_throttling'], kinds: ['service'], paths: ['$C.resources.cpuIdle'] },
  { field: 'startup_cpu_boost', inputs: ['startup_cpu_boost'], kinds: ['service'], paths: ['$C.resources.startupCpuBoost'] },
];

/**
 * A FIELD_PATHS path spelled for a kind. The inputs shape the first container (spec may set the
 * others, e.g. a sidecar, freely); with sidecars already on a service, the one that serves.
 */
export function resourcePath(path: string, kind: Config['kind']): string {
  const template = kind === 'job' ? 'template.template' : 'template';
  return path.replace('$C', '$T.containers[0]').replace('$T', template);
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
