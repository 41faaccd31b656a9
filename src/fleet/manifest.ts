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
import { repositoryIdOf } from '../ownership/record.js';
import schema from '../../schema/manifest.schema.json' with { type: 'json' };

/** Inputs that stay inputs in fleet mode and apply to every workload. */
export const FLEET_WIDE_INPUTS: readonly InputName[] = [
  'workload_identity_provider', 'service_account', 'read_only', 'audience', 'project_id', 'region',
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
  const { data, withLines } = await parseYaml(path, text);
  const expanded = expandVariables(data, env, problems);
  const schemaProblems = await validateAgainstSchema(expanded);
  problems.push(...schemaProblems);
  const manifest = (isObject(expanded) ? expanded : {}) as { fleet: string; defaults?: Workload; workloads?: Workload[] | null };
  const workloads = Array.isArray(manifest.workloads) ? manifest.workloads : [];
  const defaults = isObject(manifest.defaults) ? manifest.defaults : {};
  // Duplicates are found in any file whose workloads are objects, with the schema's problems.
  if (workloads.every(isObject)) problems.push(...duplicates(workloads, defaults));
  if (settings.only) {
    const names = new Set(workloads.map((w) => (isObject(w) ? w.name : undefined)));
    for (const name of settings.only.filter((n) => !names.has(n))) problems.push(`Input 'only': ${quote(name)} is not a workload of the manifest.`);
  }
  // Each workload is read as the inputs are (its cron, sizes, durations...) even when the schema
  // found problems elsewhere, so the file's problems are all reported at once; a key the schema
  // already faulted is not reported twice.
  const faulted = new Set(schemaProblems.map(pathOfProblem));
  const semantic: string[] = [];
  const configs: Config[] = [];
  const keys = new Map<Config, ReadonlySet<string>>();
  workloads.forEach((workload, index) => {
    if (!isObject(workload)) return;
    if (settings.only && !settings.only.includes(String(workload.name))) return;
    const own = { ...defaults, ...workload };
    const config = workloadConfig(manifest.fleet, own, index, get, semantic, { commitSha: env.GITHUB_SHA, repositoryId: repositoryIdOf(env) });
    if (!config) return;
    configs.push(config);
    keys.set(config, new Set(Object.keys(own).filter((k) => own[k] !== null)));
  });
  problems.push(...semantic.filter((p) => ![...faulted].some((f) => f !== undefined && (pathOfProblem(p) === f || pathOfProblem(p)?.startsWith(`${f}.`)))));
  const notices = regionCounts(configs, problems);
  if (problems.length > 0) throw new ManifestError(path, withLines(problems));
  if (configs[0]) configs[0].notices.push(...notices);
  const isSet = (config: Config, input: string): boolean =>
    keys.get(config)?.has(input) === true || (FLEET_WIDE_INPUTS.includes(input as InputName) && get(input) !== '');
  return { ...settings, id: manifest.fleet, configs, isSet };
}


const isObject = (v: unknown): v is Workload => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The manifest path a problem starts with (`workloads[0].schedule`), if it starts with one. */
function pathOfProblem(problem: string): string | undefined {
  return /^([A-Za-z_][\w-]*(?:\[\d+\]|\.[A-Za-z_][\w-]*)*):/.exec(problem)?.[1];
}

/** The YAML file as data, and a function that adds each problem's line in the file. */
async function parseYaml(path: string, text: string): Promise<{ data: Json; withLines: (problems: string[]) => string[] }> {
  const { parseDocument, LineCounter, isNode } = await import('yaml');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true, lineCounter });
  if (doc.errors.length > 0) {
    throw new ManifestError(
      path,
      doc.errors.map((e) => {
        const at = e.linePos?.[0];
        return `${at ? `line ${at.line}, column ${at.col}` : 'line ?'}: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`;
      }),
    );
  }
  const lineOf = (path: string): number | undefined => {
    const keys = [...path.matchAll(/\[(\d+)\]|([^.[\]]+)/g)].map((m) => (m[1] !== undefined ? Number(m[1]) : m[2]!));
    // The deepest node the path reaches (a missing key: its map).
    for (let n = keys.length; n > 0; n--) {
      const node = doc.getIn(keys.slice(0, n), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  const withLines = (problems: string[]): string[] =>
    problems.map((p) => {
      const at = pathOfProblem(p);
      const line = at === undefined ? undefined : lineOf(at);
      return line === undefined ? p : `${at} (line ${line})${p.slice(at!.length)}`;
    });
  return { data: doc.toJS() as Json, withLines };
}

/**
 * Variables a manifest may not read: the runner's credentials and settings (ACTIONS_*, RUNNER_*,
 * GITHUB_TOKEN), the step's inputs (INPUT_*, github_token among them), and what the action and
 * google-auth-library read themselves (endpoint overrides, credential files, debug switches, the
 * runner's files). A value expanded into a manifest is deployed into the container and shown in
 * the plan: the workload (or a pull request that edits the manifest) would get the credential.
 */
const DENIED_PREFIXES = ['ACTIONS_', 'INPUT_', 'RUNNER_', 'CLOUDSDK_', 'GOOGLE_', 'GCLOUD_', 'GCE_'];
const DENIED_NAMES = new Set(['GITHUB_TOKEN', 'GH_TOKEN', 'GH_ENTERPRISE_TOKEN', 'NODE_OPTIONS', 'NODE_EXTRA_CA_CERTS', 'HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy']);
/** The runner's GITHUB_* variables a manifest may read: what describes the run, nothing that reaches a file, a token or the API. */
export const GITHUB_VARIABLES_ALLOWED = [
  'GITHUB_SHA', 'GITHUB_REF', 'GITHUB_REF_NAME', 'GITHUB_REF_TYPE', 'GITHUB_HEAD_REF', 'GITHUB_BASE_REF',
  'GITHUB_REPOSITORY', 'GITHUB_REPOSITORY_OWNER', 'GITHUB_RUN_ID', 'GITHUB_RUN_NUMBER', 'GITHUB_RUN_ATTEMPT',
  'GITHUB_WORKFLOW', 'GITHUB_JOB', 'GITHUB_ACTOR', 'GITHUB_EVENT_NAME', 'GITHUB_SERVER_URL',
];

/** Why a manifest may not read `name`, or undefined when it may. */
export function deniedVariable(name: string): string | undefined {
  const upper = name.toUpperCase();
  if (DENIED_NAMES.has(name) || DENIED_NAMES.has(upper)) return 'a credential or a setting of the runner';
  const prefix = DENIED_PREFIXES.find((p) => upper.startsWith(p));
  if (prefix === 'INPUT_') return "an input of this step (inputs such as github_token are the action's own)";
  if (prefix) return `a variable of the runner or of the action itself (${prefix}*)`;
  if (upper.startsWith('GITHUB_') && !GITHUB_VARIABLES_ALLOWED.includes(name)) return "a variable of the runner (of GitHub's GITHUB_* variables a manifest may read only those that describe the run, such as GITHUB_SHA and GITHUB_REF_NAME)";
  return undefined;
}

/**
 * `${VAR}` in any string, from the step's environment; an unset one, and one a manifest may not
 * read (deniedVariable), are named with their workload. `vars`, when the manifest lists them, are
 * the only variables it may read.
 */
export function expandVariables(data: Json, env: NodeJS.ProcessEnv, problems: string[]): Json {
  const listed = data && typeof data === 'object' && !Array.isArray(data) && Array.isArray(data.vars) ? new Set(data.vars.map(String)) : undefined;
  if (listed) {
    for (const name of listed) {
      const why = deniedVariable(name);
      if (why) problems.push(`vars: ${name} is ${why}: a manifest may not read it.`);
    }
  }
  const walk = (value: Json, path: string, workload: string | undefined): Json => {
    if (typeof value === 'string') {
      return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
        const where = `${path}: \${${name}}${workload ? ` (workload ${workload})` : ''}`;
        const why = deniedVariable(name);
        if (why) {
          problems.push(`${where}: ${name} is ${why}: a manifest may not read it. Pass what the workload needs in a variable of your own (env: on the step), or as a Secret Manager secret (secrets).`);
          return '';
        }
        if (listed && !listed.has(name)) {
          problems.push(`${where}: ${name} is not in the manifest's vars: list it there to read it.`);
          return '';
        }
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
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, path === '' && k === 'vars' ? v : walk(v, path ? `${path}.${k}` : k, own)]));
    }
    return value;
  };
  return walk(data, '', undefined);
}

interface SchemaProblem {
  instancePath: string;
  keyword: string;
  message?: string;
  params: { additionalProperty?: string; allowedValues?: unknown[]; missingProperty?: string };
  parentSchema?: { properties?: Record<string, unknown> };
}

type AjvClass = typeof import('ajv').Ajv;

/**
 * ajv's class. ajv is CommonJS (`module.exports = Ajv`, with `.Ajv` and `.default` on it): Node's
 * ESM loader gives it as the namespace's `default`, the bundle (webpack's interop) as the namespace.
 */
async function ajvClass(): Promise<AjvClass> {
  const ns = (await import('ajv')) as unknown as { Ajv?: AjvClass; default?: AjvClass | { Ajv?: AjvClass } };
  const found = [ns.Ajv, ns.default, (ns.default as { Ajv?: AjvClass } | undefined)?.Ajv].find((c) => typeof c === 'function');
  if (!found) throw new Error('ajv: no validator class in the module');
  return found as AjvClass;
}

/** Every problem the JSON Schema finds, each with its path; unknown keys with the nearest valid name. */
export async function validateAgainstSchema(data: Json): Promise<string[]> {
  const Ajv = await ajvClass();
  const ajv = new Ajv({ allErrors: true, verbose: true, allowUnionTypes: true });
  const validate = ajv.compile(schema);
  if (validate(data)) return [];
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const e of (validate.errors ?? []) as SchemaProblem[]) {
    // A JSON pointer (/workloads/0/name) as the manifest's paths read (workloads[0].name).
    const at = pathOfPointer(e.instancePath) || '(top level)';
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

/** `/workloads/0/env_vars/A~1B` -> `workloads[0].env_vars.A/B`. */
function pathOfPointer(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, t) => (/^\d+$/.test(t) ? `${path}[${t}]` : path ? `${path}.${t}` : t), '');
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

/**
 * What a region holds per project: Cloud Scheduler at most 5,000 jobs (1,000 by default,
 * https://cloud.google.com/scheduler/quotas); Cloud Run 1,000 jobs and 1,000 services by default
 * (https://cloud.google.com/run/quotas, which now says they can be raised). Over the Scheduler
 * maximum is a problem; over a default, a notice (the project's own quota is not known here).
 */
function regionCounts(configs: readonly Config[], problems: string[]): string[] {
  const count = new Map<string, number>();
  const add = (key: string, n: number) => count.set(key, (count.get(key) ?? 0) + n);
  for (const c of configs) {
    add(`${c.kind === 'job' ? 'Cloud Run jobs' : 'Cloud Run services'}|${c.region}`, 1);
    for (const s of [c.schedule, ...(c.moreSchedules ?? [])]) if (s) add(`Cloud Scheduler jobs|${s.region}`, 1);
  }
  const notices: string[] = [];
  for (const [key, n] of count) {
    const [what, region] = key.split('|') as [string, string];
    const scheduler = what === 'Cloud Scheduler jobs';
    const source = scheduler ? 'https://cloud.google.com/scheduler/quotas' : 'https://cloud.google.com/run/quotas';
    if (scheduler && n > 5000) {
      problems.push(`workloads: ${n} ${what} in ${region}: Cloud Scheduler holds at most 5,000 jobs per project and region (${source}). Split the fleet across regions (scheduler_region) or projects.`);
    } else if (n > 1000) {
      notices.push(`The fleet has ${n} ${what} in ${region}, more than the default 1,000 per project and region (${source}): the deploy fails past the project's quota unless it was raised.`);
    }
  }
  return notices;
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
    return key === 'cloudsql_instances' || key === 'alert_channels' ? value.map(String).join('\n') : JSON.stringify(value);
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

/** What every workload of the run is stamped with: the commit, and the repository (the owner record). */
interface RunIds {
  commitSha?: string;
  repositoryId?: string;
}

function workloadConfig(fleet: string, workload: Workload, index: number, get: (name: string) => string, problems: string[], ids: RunIds): Config | undefined {
  const at = `workloads[${index}]`;
  if (!Array.isArray(workload.schedules)) return parseWorkload(fleet, workload, get, problems, (input) => `${at}.${input}`, ids);
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
    return parseWorkload(fleet, own, get, problems, (input) => (SCHEDULE_KEYS.includes(input) ? `${where}.${input}` : input === 'body' ? where : `${at}.${input}`), ids);
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
  ids: RunIds,
): Config | undefined {
  const input = (name: string): string => {
    if (FLEET_ONLY.includes(name as InputName)) return '';
    if (FLEET_WIDE_INPUTS.includes(name as InputName) && !(name === 'region' && workload.region !== undefined)) {
      return get(name);
    }
    return name in workload ? asInput(name, workload[name]!) : '';
  };
  try {
    // The commit-sha label as in single mode: a workload of a fleet is labelled the same way.
    const config = parseConfig(input, { deferWarnings: true, ...ids });
    // The fleet id goes into the owner record (src/ownership/record.ts) of everything it deploys.
    config.fleet = fleet;
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
