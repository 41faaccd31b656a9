// Fleet mode's manifest: a YAML file of every workload -> one validated Config per workload.
// The file is checked against schema/manifest.schema.json (the same file editors use), then
// each workload is read by the single-workload input parser, so a workload key means exactly
// what the input of that name means. Every problem of the file is reported at once, each with
// its path, before any request. Loaded only in fleet mode (the YAML parser and the JSON Schema
// validator are not on the single-workload start-up path).
import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { parseConfig } from '../config/parse-config.js';
import { INPUT_DEFAULTS, INPUT_NAMES, type InputName } from '../config/inputs.js';
import { parseDuration } from '../config/duration.js';
import { quote } from '../config/lists.js';
import { InputError, type Config } from '../config/types.js';
import { FLEET_LABEL } from './prune.js';
import schema from '../../schema/manifest.schema.json' with { type: 'json' };

/** Inputs that stay inputs in fleet mode and apply to every workload. */
export const FLEET_WIDE_INPUTS: readonly InputName[] = [
  'workload_identity_provider', 'service_account', 'audience', 'project_id', 'region',
  'dry_run', 'smoke_test', 'smoke_timeout', 'manifest', 'prune', 'max_parallel', 'only',
  'fail_on_drift', 'comment_on_pr', 'github_token',
];

/** Inputs of fleet mode itself: not a workload's. */
const FLEET_ONLY: readonly InputName[] = ['manifest', 'prune', 'max_parallel', 'only'];


export interface FleetSettings {
  /** The fleet's owner id; absent for the single-workload mode (a fleet of one). */
  id?: string;
  prune: boolean;
  maxParallel: number;
  /** Workloads named by `only`: the others are not deployed (and prune is off). */
  only?: string[];
}

export interface Manifest extends FleetSettings {
  configs: Config[];
  /** Whether a workload's input is set: a key of the workload (or of the defaults), or a fleet-wide input. */
  isSet: (config: Config, input: string) => boolean;
}

/** A manifest that cannot be used: every problem, each one line starting with its path. */
export class ManifestError extends InputError {
  readonly problems: readonly string[];
  constructor(file: string, problems: readonly string[]) {
    super('manifest', '');
    this.name = 'ManifestError';
    this.problems = problems;
    this.message =
      problems.length === 1
        ? `Manifest ${file}: ${problems[0]}`
        : `Manifest ${file}: ${problems.length} problems:\n${problems.map((p) => `- ${p}`).join('\n')}`;
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Workload = Record<string, Json>;

/** The fleet-wide inputs (prune, max_parallel, only), checked; problems go to `problems`. */
export function readFleetInputs(get: (name: string) => string, problems: string[]): FleetSettings {
  const prune = get('prune').toLowerCase() || 'false';
  if (prune !== 'true' && prune !== 'false') problems.push(`Input 'prune': ${quote(get('prune'))} is not allowed: use true or false.`);
  const parallel = get('max_parallel') || '4';
  const maxParallel = /^\d+$/.test(parallel) ? Number(parallel) : NaN;
  if (!(maxParallel >= 1 && maxParallel <= 50)) problems.push(`Input 'max_parallel': ${quote(parallel)} is not allowed: use a whole number from 1 to 50.`);
  const only = get('only') ? get('only').split(',').map((n) => n.trim()).filter(Boolean) : undefined;
  return { prune: prune === 'true' && only === undefined, maxParallel: maxParallel || 4, only };
}

/** Reads, expands, validates and converts the manifest named by the `manifest` input. */
export async function loadManifest(get: (name: string) => string, env: NodeJS.ProcessEnv): Promise<Manifest> {
  const path = get('manifest');
  const problems: string[] = [];
  // Single-workload inputs belong in the manifest now: say which, all at once.
  const misplaced = INPUT_NAMES.filter((n) => !FLEET_WIDE_INPUTS.includes(n) && get(n) !== '' && get(n) !== INPUT_DEFAULTS[n]);
  if (misplaced.length > 0) {
    problems.push(
      `Input${misplaced.length > 1 ? 's' : ''} ${misplaced.map((n) => `'${n}'`).join(', ')}: with manifest set, the single-workload inputs must be empty: move ${misplaced.length > 1 ? 'them' : 'it'} into the manifest (a workload's keys, or its defaults).`,
    );
  }
  const settings = readFleetInputs(get, problems);
  if (problems.length > 0) throw new ManifestError(path, problems);

  const file = isAbsolute(path) ? path : resolve(env.GITHUB_WORKSPACE ?? process.cwd(), path);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new InputError('manifest', `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}. Give the path of the YAML manifest relative to the repository root (GITHUB_WORKSPACE).`);
  }
  const data = await parseYaml(path, text);
  const expanded = expandVariables(data, env, problems);
  problems.push(...(await validateAgainstSchema(expanded)));
  const manifest = expanded as { fleet: string; defaults?: Workload; workloads: Workload[] | null };
  const workloads = manifest.workloads ?? [];
  // Duplicates are found in any file whose workloads are objects, with the schema's problems.
  const isObject = (v: unknown): v is Workload => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (Array.isArray(workloads) && workloads.every(isObject)) {
    problems.push(...duplicates(workloads, isObject(manifest.defaults) ? manifest.defaults : {}));
  }
  if (problems.length > 0) throw new ManifestError(path, problems);
  if (settings.only) {
    const names = new Set(workloads.map((w) => w.name));
    for (const name of settings.only.filter((n) => !names.has(n))) problems.push(`Input 'only': ${quote(name)} is not a workload of the manifest.`);
  }
  const configs: Config[] = [];
  const keys = new Map<Config, ReadonlySet<string>>();
  workloads.forEach((workload, index) => {
    if (settings.only && !settings.only.includes(String(workload.name))) return;
    const own = { ...(manifest.defaults ?? {}), ...workload };
    const config = workloadConfig(manifest.fleet, own, index, get, problems, env.GITHUB_SHA);
    if (!config) return;
    configs.push(config);
    keys.set(config, new Set(Object.keys(own).filter((k) => own[k] !== null)));
  });
  if (problems.length > 0) throw new ManifestError(path, problems);
  const isSet = (config: Config, input: string): boolean =>
    keys.get(config)?.has(input) === true || (FLEET_WIDE_INPUTS.includes(input as InputName) && get(input) !== '');
  return { ...settings, id: manifest.fleet, configs, isSet };
}


async function parseYaml(path: string, text: string): Promise<Json> {
  const { parseDocument } = await import('yaml');
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ManifestError(path, doc.errors.map((e) => `line ${e.linePos?.[0]?.line ?? '?'}: ${e.message.split('\n')[0]}`));
  }
  return doc.toJS() as Json;
}

/** `${VAR}` in any string, from the step's environment; an unset one is named with its workload. */
export function expandVariables(data: Json, env: NodeJS.ProcessEnv, problems: string[]): Json {
  const walk = (value: Json, path: string, workload: string | undefined): Json => {
    if (typeof value === 'string') {
      return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
        const v = env[name];
        if (v === undefined) {
          problems.push(`${path}: \${${name}} is not set in the step's environment${workload ? ` (workload ${workload})` : ''}: set it with env: on the step.`);
          return '';
        }
        return v;
      });
    }
    if (Array.isArray(value)) return value.map((v, i) => walk(v, `${path}[${i}]`, workload));
    if (value && typeof value === 'object') {
      const own = path.match(/^workloads\[\d+\]$/) && typeof value.name === 'string' ? value.name : workload;
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, path ? `${path}.${k}` : k, own)]));
    }
    return value;
  };
  return walk(data, '', undefined);
}

interface SchemaProblem {
  dataPath: string;
  keyword: string;
  message?: string;
  params: { additionalProperty?: string; allowedValues?: unknown[]; missingProperty?: string };
  parentSchema?: { properties?: Record<string, unknown> };
}

/** Every problem the JSON Schema finds, each with its path; unknown keys with the nearest valid name. */
export async function validateAgainstSchema(data: Json): Promise<string[]> {
  const { default: Ajv } = await import('ajv');
  const ajv = new Ajv({ allErrors: true, verbose: true, jsonPointers: false });
  const validate = ajv.compile(schema);
  if (validate(data)) return [];
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const e of (validate.errors ?? []) as SchemaProblem[]) {
    const at = e.dataPath.replace(/^\./, '').replace(/\['([^']+)'\]/g, '.$1') || '(top level)';
    let line: string;
    if (e.keyword === 'additionalProperties' && e.params.additionalProperty) {
      const key = e.params.additionalProperty;
      const known = Object.keys(e.parentSchema?.properties ?? {});
      const near = nearest(key, known);
      line = `${at === '(top level)' ? key : `${at}.${key}`}: unknown key${near ? `; did you mean ${near}?` : `; allowed: ${known.join(', ')}`}`;
    } else if (e.keyword === 'enum') {
      line = `${at}: use one of ${(e.params.allowedValues ?? []).filter((v) => typeof v !== 'string' || v === v.toLowerCase() || !(e.params.allowedValues ?? []).includes(v.toLowerCase())).join(', ')}`;
    } else if (e.keyword === 'required') {
      line = `${at}: ${e.params.missingProperty?.replace(/^\./, '')} is required`;
    } else {
      line = `${at}: ${e.message ?? e.keyword}`;
    }
    if (!seen.has(line)) problems.push(line);
    seen.add(line);
  }
  return problems;
}

/** The known name closest to `key` (edit distance at most a third of its length, at least 2). */
export function nearest(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(key.length / 3)) + 1;
  for (const name of known) {
    const d = editDistance(key.toLowerCase(), name);
    if (d < bestDistance) [best, bestDistance] = [name, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

/** Scheduler job IDs a workload uses (in its Scheduler region). */
function schedulerJobIds(w: Workload): string[] {
  if (Array.isArray(w.schedules)) return w.schedules.map((s) => `${String(w.name)}-${String((s as Workload).id)}`);
  if (w.schedule !== undefined) return [typeof w.scheduler_job === 'string' ? w.scheduler_job : `${String(w.name)}-schedule`];
  return [];
}

function duplicates(workloads: readonly Workload[], defaults: Workload): string[] {
  const problems: string[] = [];
  const names = new Map<string, number>();
  const jobs = new Map<string, string>();
  workloads.forEach((w, i) => {
    const name = String(w.name);
    if (names.has(name)) problems.push(`workloads[${i}].name: ${quote(name)} is also workloads[${names.get(name)}].name: each workload has its own name.`);
    else names.set(name, i);
    if (w.schedule !== undefined && w.schedules !== undefined) {
      problems.push(`workloads[${i}]: schedule and schedules are exclusive: use schedule for one, schedules for several.`);
    }
    const region = String(w.scheduler_region ?? w.region ?? defaults.scheduler_region ?? defaults.region ?? '');
    const ids = new Set<string>();
    for (const id of schedulerJobIds(w)) {
      const key = `${region}/${id}`;
      const other = jobs.get(key);
      if (other !== undefined || ids.has(id)) {
        problems.push(`workloads[${i}]: Scheduler job ${quote(id)} is also that of ${other ?? `workloads[${i}]`}: give each schedule its own id (or scheduler_job).`);
      }
      ids.add(id);
      jobs.set(key, `workloads[${i}]`);
    }
  });
  return problems;
}

/** A YAML value as the action input of the same name spells it. */
function asInput(key: string, value: Json): string {
  if (value === null) return '';
  if (Array.isArray(value)) {
    // cloudsql_instances: one a line; command, args: a JSON array of strings.
    return key === 'cloudsql_instances' ? value.map(String).join('\n') : JSON.stringify(value);
  }
  if (typeof value === 'object') {
    // body: sent as JSON; spec: a partial Cloud Run resource, which the spec reader takes as JSON (a YAML subset).
    if (key === 'body' || key === 'spec') return JSON.stringify(value);
    // env_vars, secrets, labels: one KEY="VALUE" a line, quotes in the value escaped.
    return Object.entries(value)
      .map(([k, v]) => `${k}="${String(v).replace(/"/g, '\\"')}"`)
      .join('\n');
  }
  return String(value);
}

/** Per-schedule keys that are the trigger's own inputs. */
const SCHEDULE_KEYS = ['schedule', 'time_zone', 'paused', 'retry_count', 'attempt_deadline', 'path', 'http_method', 'body'];
/** Per-schedule job overrides, sent in the v1 run body's `overrides`. */
const OVERRIDE_KEYS = ['args', 'env_vars', 'task_count', 'task_timeout'];

/**
 * The v1 RunJobRequest body of a schedule's overrides (containerOverrides, taskCount,
 * timeoutSeconds), or a problem. Undefined when the schedule has none.
 */
function overridesBody(schedule: Workload, kind: Json | undefined, at: string, problems: string[]): string | undefined {
  const keys = OVERRIDE_KEYS.filter((k) => schedule[k] !== undefined);
  if (keys.length === 0) return undefined;
  if (kind === 'service') {
    problems.push(`${at}: ${keys.join(', ')} ${keys.length > 1 ? 'are' : 'is a'} job override${keys.length > 1 ? 's' : ''}: a service's schedule takes path, http_method and body.`);
    return undefined;
  }
  if (schedule.body !== undefined) {
    problems.push(`${at}: body and the overrides (${keys.join(', ')}) are exclusive: the overrides are sent as the body.`);
    return undefined;
  }
  const container: Record<string, Json> = {};
  if (schedule.args !== undefined) container.args = schedule.args;
  if (schedule.env_vars && typeof schedule.env_vars === 'object') {
    container.env = Object.entries(schedule.env_vars).map(([name, value]) => ({ name, value: String(value) }));
  }
  const overrides: Record<string, Json> = {};
  if (Object.keys(container).length) overrides.containerOverrides = [container];
  if (schedule.task_count !== undefined) overrides.taskCount = schedule.task_count;
  if (schedule.task_timeout !== undefined) {
    const seconds = parseDuration(String(schedule.task_timeout));
    if (seconds === undefined || seconds < 1 || seconds > 168 * 3600) {
      problems.push(`${at}.task_timeout: ${quote(String(schedule.task_timeout))} is not allowed: use a duration from 1s to 168h, such as 90s, 10m, 2h or 1h30m.`);
    } else {
      overrides.timeoutSeconds = seconds;
    }
  }
  return JSON.stringify({ overrides });
}

function workloadConfig(fleet: string, workload: Workload, index: number, get: (name: string) => string, problems: string[], commitSha: string | undefined): Config | undefined {
  const at = `workloads[${index}]`;
  if (!Array.isArray(workload.schedules)) return parseWorkload(fleet, workload, get, problems, (input) => `${at}.${input}`, commitSha);
  // Several schedules: the workload with each schedule's trigger inputs, read as the inputs are.
  const base = Object.fromEntries(Object.entries(workload).filter(([k]) => k !== 'schedules' && !SCHEDULE_KEYS.includes(k)));
  const configs = workload.schedules.map((item, k) => {
    const schedule = item as Workload;
    const where = `${at}.schedules[${k}]`;
    const body = overridesBody(schedule, workload.kind, where, problems);
    const own: Workload = {
      ...base,
      ...Object.fromEntries(SCHEDULE_KEYS.filter((key) => schedule[key] !== undefined).map((key) => [key, schedule[key]!])),
      // A schedule without its own time zone takes the workload's (or the defaults').
      ...(schedule.time_zone === undefined && workload.time_zone !== undefined ? { time_zone: workload.time_zone } : {}),
      scheduler_job: `${String(workload.name)}-${String(schedule.id)}`,
      ...(body !== undefined ? { body } : {}),
    };
    return parseWorkload(fleet, own, get, problems, (input) => (SCHEDULE_KEYS.includes(input) ? `${where}.${input}` : input === 'body' ? where : `${at}.${input}`), commitSha);
  });
  const [first, ...more] = configs;
  if (!first || more.some((c) => c === undefined)) return undefined;
  first.moreSchedules = more.map((c) => c!.schedule!);
  return first;
}

function parseWorkload(
  fleet: string,
  workload: Workload,
  get: (name: string) => string,
  problems: string[],
  pathOf: (input: string) => string,
  commitSha: string | undefined,
): Config | undefined {
  const input = (name: string): string => {
    if (FLEET_ONLY.includes(name as InputName)) return '';
    if (FLEET_WIDE_INPUTS.includes(name as InputName) && !(name === 'region' && workload.region !== undefined)) {
      return get(name);
    }
    return name in workload ? asInput(name, workload[name]!) : '';
  };
  try {
    // The commit-sha label as in single mode (issue 13): a workload of a fleet is labelled the same way.
    const config = parseConfig(input, { deferWarnings: true, commitSha });
    config.fleet = fleet;
    config.labels = { ...config.labels, 'managed-by': 'cloud-run-cron', [FLEET_LABEL]: fleet };
    return config;
  } catch (err) {
    const errors = err instanceof InputError ? ('errors' in err ? (err.errors as InputError[]) : [err]) : [];
    if (errors.length === 0) throw err;
    for (const e of errors) {
      const where = FLEET_WIDE_INPUTS.includes(e.input as InputName) && !(e.input === 'region' && workload.region !== undefined) ? `Input '${e.input}'` : pathOf(e.input);
      const line = `${where}: ${e.message.replace(/^Input '[^']+': /, '')}`;
      if (!problems.includes(line)) problems.push(line);
    }
    return undefined;
  }
}
