// Turns the raw inputs into a Config, or throws InputErrors naming every bad input.
import { split as splitWords } from 'shlex';
import { readAlerts } from './alert-inputs.js';
import { validateCron } from './cron-core.js';
import { guardRailWarnings } from './guard-rails.js';
import { INPUT_NAMES, readInputs, type InputName } from './inputs.js';
import { parseEnvVars, parseLabels, parseSecrets, quote } from './lists.js';
import { Reader } from './reader.js';
import { registryNotice, unpullableReason } from './registry.js';
import { cpuCores, isTimeZone, memoryBytes, RULES } from './rules.js';
import { checkRunJobBody } from './run-job-body.js';
import { readRuntime, readSpecText } from './run-features.js';
import {
  InputErrors,
  type InputError,
  type AuthConfig, type Config, type HttpMethod, type Ingress, type JobSettings, type Kind,
  type ScheduleConfig, type ServiceSettings, type UpdateStrategy,
} from './types.js';

const KINDS: readonly Kind[] = ['job', 'service'];
const STRATEGIES: readonly UpdateStrategy[] = ['merge', 'overwrite'];
const INGRESSES: readonly Ingress[] = ['all', 'internal', 'internal-and-cloud-load-balancing'];
const HTTP_METHODS: readonly HttpMethod[] = ['POST', 'GET', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
const BODY_METHODS: readonly HttpMethod[] = ['POST', 'PUT', 'PATCH'];

const JOB_ONLY: readonly InputName[] = ['tasks', 'parallelism', 'max_retries', 'task_timeout'];
const SERVICE_ONLY: readonly InputName[] = [
  'timeout', 'concurrency', 'min_instances', 'max_instances', 'ingress', 'allow_unauthenticated', 'path',
  'cpu_throttling', 'startup_cpu_boost',
];
/** Inputs that only shape the Scheduler job. */
const SCHEDULE_ONLY: readonly InputName[] = [
  'time_zone', 'scheduler_job', 'scheduler_region', 'invoker_service_account', 'path', 'http_method', 'body',
  'attempt_deadline', 'retry_count', 'paused',
];

const HOUR = 3600;

const PROVIDER = /^projects\/([^/]+)\/locations\/global\/workloadIdentityPools\/([^/]+)\/providers\/([^/]+)$/;
const POOL = /^projects\/[^/]+\/locations\/global\/workloadIdentityPools\/[^/]+\/?$/;
const POOL_OR_PROVIDER_ID = /^[a-z0-9-]{4,32}$/;
const PROVIDER_FORMAT = 'projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER';
const SA_PROJECT = /^[^@]+@([a-z][a-z0-9-]{4,28}[a-z0-9])\.iam\.gserviceaccount\.com$/;

/**
 * Validates every input; throws InputErrors listing all problems, before any request.
 * `deferWarnings`: leave config.warnings empty (the guard rails read the schedule's time zone
 * through Intl, ~1 ms): main computes them with guardRailWarnings once the first request is in flight.
 */
export function parseConfig(get: (name: string) => string, options: { deferWarnings?: boolean; commitSha?: string; repositoryId?: string } = {}): Config {
  const r = new Reader(readInputs(get));
  const absent = r.oneOf('state', ['present', 'absent'] as const) === 'absent';
  const kind = r.oneOf('kind', KINDS);
  const name = r.required('name', RULES.name);
  const region = r.required('region', RULES.region);
  const auth = readAuth(r);
  const labels = readLabels(r, options.commitSha);
  if (kind === 'job') ignoreOthers(r, SERVICE_ONLY, 'service', kind);
  if (kind === 'service') ignoreOthers(r, JOB_ONLY, 'job', kind);
  for (const input of ['prune', 'max_parallel', 'only'] as const) {
    if (r.isSet(input)) r.ignore(input, 'it applies to fleet mode only, and manifest is empty');
  }
  const job = kind === 'job' ? readJob(r) : {};
  const service = kind === 'service' ? readService(r) : { allowUnauthenticated: false };
  const projectId = readProjectId(r, auth);
  const cpu = readChecked(r, 'cpu', RULES.cpu.allowed, cpuCores);
  const memory = readChecked(r, 'memory', RULES.memory.allowed, memoryBytes);
  const config: Config = {
    auth,
    projectId,
    region: region ?? '',
    kind: kind ?? 'job',
    name: name ?? '',
    image: readImage(r, absent),
    runtimeServiceAccount: readRuntimeAccount(r),
    ...readEnv(r),
    envVarsUpdateStrategy: r.oneOf('env_vars_update_strategy', STRATEGIES) ?? 'merge',
    secretsUpdateStrategy: r.oneOf('secrets_update_strategy', STRATEGIES) ?? 'merge',
    labels,
    ...(options.repositoryId ? { repositoryId: options.repositoryId } : {}),
    command: readWords(r, 'command'),
    args: readWords(r, 'args'),
    cpu,
    memory,
    runtime: readRuntime(r, kind, { projectId, region, cpu, memory }),
    spec: readSpecText(r),
    job,
    service,
    schedule: absent ? undefined : readSchedule(r, kind, name, region, projectId),
    teardown: readTeardown(r, absent, name, region),
    alerts: readAlerts(r),
    smoke: readSmoke(r),
    dryRun: r.bool('dry_run'),
    readOnly: r.bool('read_only'),
    failOnDrift: readFailOnDrift(r),
    comment: { mode: r.oneOf('comment_on_pr', ['auto', 'true', 'false'] as const) ?? 'auto', token: r.text('github_token') },
    warnings: [],
    notices: r.notices,
  };
  if (r.errors.length > 0) throw new InputErrors(inActionYmlOrder(r.errors));
  if (!options.deferWarnings) config.warnings = guardRailWarnings(config);
  return config;
}

/** The image, from a registry Cloud Run deploys from (state: absent deploys nothing: any reference). */
function readImage(r: Reader, absent: boolean): string {
  if (absent) return r.matching('image', RULES.image) ?? '';
  const image = r.required('image', RULES.image);
  if (image === undefined) return '';
  const unpullable = unpullableReason(image);
  if (unpullable) return r.fail('image', `${quote(image)}: ${unpullable}.`) ?? '';
  const notice = registryNotice(image);
  if (notice) r.notices.push(notice);
  return image;
}

/** smoke_test: changed (only a run that wrote something; the default), true (every run) or false. */
function readSmoke(r: Reader): Config['smoke'] {
  // A rerun that writes nothing must not run the real workload again (its side effects and cost)
  // unless asked to: changed is the default, also when the reusable workflow passes ''.
  const mode = r.oneOf('smoke_test', ['true', 'false', 'changed'] as const) ?? 'changed';
  return {
    enabled: mode !== 'false',
    onlyWhenChanged: mode === 'changed',
    timeoutSeconds: r.duration('smoke_timeout', 1, 6 * HOUR) ?? 600,
  };
}

/** state: absent: the Scheduler job to delete (named as a deploy names it) and whether unmarked resources may go. */
function readTeardown(r: Reader, absent: boolean, name: string | undefined, region: string | undefined): Config['teardown'] {
  const force = r.bool('force');
  if (!absent) {
    if (force) r.ignore('force', 'it applies to state: absent only');
    return undefined;
  }
  if (r.raw.fail_on_drift.toLowerCase() === 'true') r.fail('fail_on_drift', 'applies to state: present: with state: absent there is nothing the live state should match. Remove fail_on_drift.');
  return {
    schedulerJobId: r.matching('scheduler_job', RULES.schedulerJob) ?? `${name}-schedule`,
    schedulerRegion: r.matching('scheduler_region', RULES.region) ?? region ?? '',
    force,
  };
}

/** fail_on_drift: a check that reads only, so it needs dry_run: true. */
function readFailOnDrift(r: Reader): boolean {
  const fail = r.bool('fail_on_drift');
  if (fail && r.raw.dry_run.toLowerCase() !== 'true') {
    r.fail('fail_on_drift', 'true needs dry_run: true: the drift check only reads (a run that applies would change the drifted fields back). Set dry_run: true, or remove fail_on_drift.');
  }
  return fail;
}

/** Errors listed as action.yml lists the inputs (a stable sort keeps each input's own order). */
function inActionYmlOrder(errors: readonly InputError[]): InputError[] {
  const rank = (e: InputError) => INPUT_NAMES.indexOf(e.input as InputName);
  return [...errors].sort((a, b) => rank(a) - rank(b));
}

function readAuth(r: Reader): AuthConfig {
  const provider = readProvider(r);
  const serviceAccount = r.matching('service_account', RULES.serviceAccount);
  let audience = r.text('audience');
  if (audience !== undefined && r.text('workload_identity_provider') === undefined) {
    r.fail('audience', 'needs workload_identity_provider: the audience is that of the GitHub token exchanged with the provider.');
  } else if (audience !== undefined && /\s/.test(audience)) {
    r.notAllowed('audience', 'use a URI without spaces, such as https://iam.googleapis.com/' + PROVIDER_FORMAT);
  }
  audience ??= provider && `https://iam.googleapis.com/${provider}`;
  return { workloadIdentityProvider: provider, serviceAccount, audience };
}

/** The provider path, with a message for each mistake people make with it. */
function readProvider(r: Reader): string | undefined {
  const input = 'workload_identity_provider';
  const value = r.text(input);
  if (value === undefined) return undefined;
  if (value.startsWith('//iam.googleapis.com/')) {
    return r.notAllowed(input, `drop the leading //iam.googleapis.com/: use ${PROVIDER_FORMAT}`);
  }
  if (POOL.test(value)) {
    return r.notAllowed(input, `this is a workload identity pool, not a provider: add /providers/PROVIDER (${PROVIDER_FORMAT})`);
  }
  const m = PROVIDER.exec(value);
  if (!m) return r.notAllowed(input, `use ${PROVIDER_FORMAT}`);
  const [, project = '', pool = '', providerId = ''] = m;
  if (!/^\d+$/.test(project)) {
    return r.notAllowed(
      input,
      `the provider path needs the project number, not the project ID ${quote(project)}; ` +
        `find it with: gcloud projects describe ${project} --format='value(projectNumber)'`,
    );
  }
  if (!POOL_OR_PROVIDER_ID.test(pool) || !POOL_OR_PROVIDER_ID.test(providerId)) {
    return r.notAllowed(input, 'pool and provider IDs are 4 to 32 lowercase letters, digits and hyphens');
  }
  return value;
}

/** project_id, else the project of service_account; undefined = from Application Default Credentials. */
/** The project ID a service account belongs to, where its email says it (not for PROJECT_NUMBER-compute@...). */
function accountProject(email: string): string | undefined {
  return SA_PROJECT.exec(email)?.[1] ?? /^([a-z][a-z0-9-]{4,28}[a-z0-9])@appspot\.gserviceaccount\.com$/.exec(email)?.[1];
}

function readProjectId(r: Reader, auth: AuthConfig): string | undefined {
  if (r.isSet('project_id')) return r.matching('project_id', RULES.projectId);
  return SA_PROJECT.exec(auth.serviceAccount ?? '')?.[1];
}

/** An email, or `default`: the default compute account, chosen explicitly (see the planner). */
function readRuntimeAccount(r: Reader): string | undefined {
  if (r.text('runtime_service_account')?.toLowerCase() === 'default') return 'default';
  return r.matching('runtime_service_account', { ...RULES.serviceAccount, allowed: `${RULES.serviceAccount.allowed}, or default` });
}

function readEnv(r: Reader): Pick<Config, 'envVars' | 'secrets' | 'secretFiles'> {
  const env = parseEnvVars(r.raw.env_vars);
  const secrets = parseSecrets(r.raw.secrets);
  env.problems.forEach((p) => r.fail('env_vars', `${p}.`));
  secrets.problems.forEach((p) => r.fail('secrets', `${p}.`));
  const envNames = new Set(env.items.map((e) => e.name));
  for (const s of secrets.items.filter((s) => envNames.has(s.name))) {
    r.fail('secrets', `${quote(s.name)} is also in env_vars: a variable comes from one or the other.`);
  }
  return { envVars: env.items, secrets: secrets.items, secretFiles: secrets.files };
}

/**
 * The labels given, and the default one unless skip_default_labels: commit-sha (the short SHA
 * of GITHUB_SHA, when the run has one; a user's own commit-sha wins). The owner record's labels
 * are not the user's: src/ownership/record.ts writes them on every workload.
 */
function readLabels(r: Reader, commitSha: string | undefined): Record<string, string> {
  const { items, problems } = parseLabels(r.raw.labels);
  problems.forEach((p) => r.fail('labels', `${p}.`));
  const labels = Object.fromEntries(items.map(({ key, value }) => [key, value]));
  if (r.bool('skip_default_labels')) return labels;
  const sha: Record<string, string> = commitSha && /^[0-9a-f]{7,}$/i.test(commitSha) ? { 'commit-sha': commitSha.slice(0, 7).toLowerCase() } : {};
  return { ...sha, ...labels };
}

/**
 * command/args: a JSON array of strings, or shell-style words (POSIX quoting by shlex, the
 * port of Python's shlex.split): `--query "SELECT 1"` is two words. Nothing is expanded:
 * `$(VAR)` reaches Cloud Run, which substitutes it itself.
 */
function readWords(r: Reader, input: 'command' | 'args'): string[] | undefined {
  const value = r.text(input);
  if (value === undefined) return undefined;
  const forms = 'use a JSON array of strings such as ["--query", "SELECT 1"], or words separated by spaces with quotes around a word that has spaces (--query "SELECT 1")';
  if (!value.startsWith('[')) {
    try {
      return splitWords(value);
    } catch (e) {
      return r.notAllowed(input, `${(e as Error).message.replace(/\.$/, '').toLowerCase()}: ${forms}`);
    }
  }
  try {
    const words: unknown = JSON.parse(value);
    if (Array.isArray(words) && words.every((w) => typeof w === 'string')) return words;
  } catch {
    // reported below
  }
  return r.notAllowed(input, forms);
}

/** A value kept as written once `check` accepts it (cpu, memory). */
function readChecked(r: Reader, input: InputName, allowed: string, check: (v: string) => number | undefined): string | undefined {
  const value = r.text(input);
  if (value === undefined || check(value) !== undefined) return value;
  return r.notAllowed(input, `use ${allowed}`);
}

/**
 * A notice for each input of the other kind that is set: it is ignored, not an error, so one
 * workflow can template its inputs for both kinds (a job's tasks do nothing to a service).
 */
function ignoreOthers(r: Reader, inputs: readonly InputName[], owner: Kind, kind: Kind): void {
  // path is also a Scheduler input: without a schedule it gets that notice instead.
  const schedule = r.text('schedule') !== undefined;
  for (const input of inputs.filter((i) => r.isSet(i) && (schedule || !SCHEDULE_ONLY.includes(i)))) {
    r.ignore(input, `it applies to kind: ${owner} only, and this is kind: ${kind}`);
  }
}

function readJob(r: Reader): JobSettings {
  const tasks = r.int('tasks', 1, 10000);
  return {
    tasks,
    parallelism: r.int('parallelism', 0, tasks ?? 1),
    maxRetries: r.int('max_retries', 0, 10),
    taskTimeoutSeconds: r.duration('task_timeout', 1, 168 * HOUR),
  };
}

function readService(r: Reader): ServiceSettings {
  const minInstances = r.int('min_instances', 0);
  const maxInstances = r.int('max_instances', 0);
  if (minInstances !== undefined && maxInstances !== undefined && minInstances > maxInstances) {
    r.fail('min_instances', `${minInstances} is more than max_instances (${maxInstances}): use at most max_instances.`);
  }
  return {
    timeoutSeconds: r.duration('timeout', 1, HOUR),
    concurrency: r.int('concurrency', 1, 1000),
    minInstances,
    maxInstances,
    ingress: r.oneOf('ingress', INGRESSES),
    allowUnauthenticated: r.bool('allow_unauthenticated'),
  };
}

function readSchedule(r: Reader, kind: Kind | undefined, name: string | undefined, region: string | undefined, projectId: string | undefined): ScheduleConfig | undefined {
  const cron = r.text('schedule');
  if (cron === undefined) {
    // Deploy only: the Scheduler inputs have nothing to shape. A workflow that always passes
    // its invoker (templated from a variable) deploys only when its schedule is empty.
    SCHEDULE_ONLY.filter((input) => r.isSet(input)).forEach((input) =>
      r.ignore(input, 'it shapes the Cloud Scheduler job, and schedule is empty (deploy only: no Scheduler job is touched)'),
    );
    return undefined;
  }
  const problem = validateCron(cron);
  if (problem) r.notAllowed('schedule', `${problem}. Use unix-cron with 5 fields: minute hour day-of-month month day-of-week, such as "0 3 * * *"`);
  const timeZone = r.raw.time_zone;
  if (!isTimeZone(timeZone)) r.notAllowed('time_zone', 'use an IANA time zone name such as Etc/UTC or Europe/Berlin, spelled with its capitals');
  const fields = readScheduleFields(r, kind);
  const invoker = r.matching('invoker_service_account', RULES.serviceAccount);
  if (invoker === undefined && !r.hasError('invoker_service_account')) {
    r.fail('invoker_service_account', `required with schedule: ${RULES.serviceAccount.allowed}, the account Cloud Scheduler calls the ${kind ?? 'job'} as.`);
  }
  const invokerProject = invoker === undefined ? undefined : accountProject(invoker);
  if (invoker !== undefined && projectId !== undefined && invokerProject !== undefined && invokerProject !== projectId) {
    r.fail(
      'invoker_service_account',
      `${quote(invoker)} belongs to project ${invokerProject}, and the Cloud Scheduler job is created in ${projectId}: Cloud Scheduler ` +
        'makes tokens only for a service account in the job\'s own project. Use an invoker account of ' +
        `${projectId} (such as scheduler-invoker@${projectId}.iam.gserviceaccount.com).`,
    );
  }
  return {
    cron,
    timeZone,
    jobId: r.matching('scheduler_job', RULES.schedulerJob) ?? `${name}-schedule`,
    region: r.matching('scheduler_region', RULES.region) ?? region ?? '',
    invokerServiceAccount: invoker ?? '',
    ...fields,
  };
}

type ScheduleFields = Pick<ScheduleConfig, 'path' | 'httpMethod' | 'body' | 'bodyHasOverrides' | 'attemptDeadlineSeconds' | 'retryCount' | 'paused'>;

function readScheduleFields(r: Reader, kind: Kind | undefined): ScheduleFields {
  const httpMethod = r.oneOf('http_method', HTTP_METHODS) ?? 'POST';
  if (kind === 'job' && httpMethod !== 'POST') {
    r.notAllowed('http_method', 'a job is started with POST to its :run URI; remove http_method');
  }
  const body = r.text('body');
  let bodyHasOverrides = false;
  if (body !== undefined && !BODY_METHODS.includes(httpMethod)) {
    r.fail('body', `is allowed only with http_method POST, PUT or PATCH, and http_method is ${httpMethod}. Remove body or change http_method.`);
  } else if (body !== undefined && kind === 'job') {
    const checked = checkRunJobBody(body);
    checked.problems.forEach((p) =>
      r.fail('body', `for a job it must be a JSON RunJobRequest such as {"overrides": {"containerOverrides": [{"args": ["--full"]}], "taskCount": 2}}: ${p}.`),
    );
    bodyHasOverrides = checked.hasOverrides;
  }
  return {
    path: (kind === 'service' && r.matching('path', RULES.path)) || '/',
    httpMethod,
    body,
    bodyHasOverrides,
    attemptDeadlineSeconds: r.duration('attempt_deadline', 15, 30 * 60),
    retryCount: r.int('retry_count', 0, 5),
    paused: r.bool('paused'),
  };
}
