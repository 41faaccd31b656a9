// The planner: desired state (from the config) against what exists (read in parallel by
// main) -> a plan and the exact request bodies to apply it. Pure: no I/O, no clock.
import type { protos as runProtos } from '@google-cloud/run';
import { InputError, type Config, type EnvVar, type ScheduleConfig } from '../config/types.js';
import { fieldsFor, serviceReadiness, stampDeploy, type RunResource, type RunService } from '../run/workload.js';
import { desiredSchedulerJob, SCHEDULER_FIELDS, SCHEDULER_STATES, type SchedulerJob } from '../scheduler/scheduler-job.js';
import { enumName } from '../google/values.js';
import { fieldsSetBySpec, mergeSpec, specChanges } from '../run/spec-merge.js';
import { envValueChanges } from '../errors/scrub.js';
import { bodyWithoutValues } from '../config/run-job-body.js';
import { ActionError } from '../errors/explain.js';
import { differences, type Compared } from './diff.js';
import { hereOf, takeover } from '../ownership/classify.js';
import { fromLabels, grantsOf, withGrants, type Grant } from '../ownership/record.js';
import type { Change, FieldChange, Plan } from './types.js';

export type IamPolicy = runProtos.google.iam.v1.IPolicy;

export interface Names {
  projectId: string;
  /** projects/P/locations/R/jobs/N or .../services/N */
  resource: string;
  /** projects/P/locations/SR/jobs/ID, when there is a schedule. */
  schedulerJob?: string;
}

export interface CurrentState {
  /** The job or service of this name and kind, if it exists. */
  workload?: RunResource;
  /** A resource of the other kind with the same name (a switch of kind). */
  otherKind?: RunResource;
  /** IAM policy of the workload; absent when the workload does not exist yet. */
  policy?: IamPolicy;
  schedulerJob?: SchedulerJob;
  /** The Scheduler jobs of config.moreSchedules, in their order (undefined: absent). */
  moreSchedulerJobs?: (SchedulerJob | undefined)[];
  /** state: absent: every Scheduler job of the regions the workload records (its triggers are among them). */
  triggers?: SchedulerJob[];
}

export interface WorkloadStep {
  change: Change;
  /** Full resource to create or to PATCH (the current one with managed fields replaced). */
  body?: RunResource;
}

export interface BindingStep {
  change: Change;
  role: string;
  member: string;
}

export interface SchedulerStep {
  change: Change;
  body: SchedulerJob;
  /** snake_case field paths of an update. */
  updateMask: string[];
  /** Pause or resume after the write; undefined = leave the state as it is. */
  setPaused?: boolean;
  /**
   * Delete the job and create it again (then pause it if setPaused): a job Cloud Scheduler
   * DISABLED cannot be resumed (ResumeJob needs PAUSED) or paused (PauseJob needs ENABLED).
   */
  recreate?: boolean;
}

export interface RunPlan {
  plan: Plan;
  workload: WorkloadStep;
  bindings: BindingStep[];
  scheduler?: SchedulerStep;
  /** The steps of config.moreSchedules, in their order. */
  moreSchedulers: SchedulerStep[];
  warnings: string[];
  /** Ownership moves (a workload leaving or joining a fleet). */
  notices: string[];
  /** The bindings the owner record says the action added, once applied. */
  grants: Grant[];
}

export const INVOKER_ROLE = 'roles/run.invoker';
export const OVERRIDES_ROLE = 'roles/run.jobsExecutorWithOverrides';

export function isDigestPinned(image: string): boolean {
  return /@sha256:[a-f0-9]{64}$/.test(image);
}

/**
 * A workload created without runtime_service_account would run as the default compute
 * account, which often holds Editor on the whole project: refused unless chosen explicitly.
 */
function requireRuntimeAccount(config: Config, names: Names): void {
  if (config.runtimeServiceAccount !== undefined) return;
  throw new InputError(
    'runtime_service_account',
    `required to create the ${config.kind} ${config.name}: without it the container runs as the project's default compute account ` +
      '(PROJECT_NUMBER-compute@developer.gserviceaccount.com), which often holds roles/editor on the whole project, so the workload ' +
      'could change almost anything in it. Create an account of its own and let the deployer act as it:\n' +
      `  gcloud iam service-accounts create ${config.name}-runtime --project=${names.projectId}\n` +
      `  gcloud iam service-accounts add-iam-policy-binding ${config.name}-runtime@${names.projectId}.iam.gserviceaccount.com ` +
      `--project=${names.projectId} --member=serviceAccount:${config.auth.serviceAccount ?? 'DEPLOYER'} --role=roles/iam.serviceAccountUser\n` +
      `then set runtime_service_account: ${config.name}-runtime@${names.projectId}.iam.gserviceaccount.com ` +
      '(and grant it only what the workload needs). To run as the default compute account anyway, set runtime_service_account: default.',
  );
}

/** `grants`: the bindings the owner record says this action added (written with the workload). */
export function planWorkload(config: Config, names: Names, current: RunResource | undefined, deployId: string, grants: readonly Grant[] = []): WorkloadStep {
  if (!current) requireRuntimeAccount(config, names);
  const type = config.kind === 'job' ? 'run-job' : 'run-service';
  // Fields that the spec input sets are spec's (their inputs are empty): compared and written as spec.
  // A spec not yet checked (run/spec.ts loadSpec, before any request) is never dropped silently.
  if (config.spec && !config.spec.resource) throw new Error('The spec input was not checked before planning (loadSpec): nothing is written.');
  const spec = config.spec?.resource;
  const bySpec = spec ? fieldsSetBySpec(spec, config.kind) : new Set<string>();
  const defs = fieldsFor(config.kind).filter((d) => !bySpec.has(d.field));
  const compared: Compared[] = defs.map((d) => ({
    field: d.field,
    before: d.read(current, config.kind),
    after: d.desired(config, current),
  }));
  const fields = [...differences(compared, current !== undefined).map(withoutValues), ...(spec ? specChanges(spec, current) : [])];
  const recordedBefore = grantsOf(current?.annotations as Record<string, string> | undefined);
  const grantsText = (g: readonly Grant[]) => g.map((x) => `${x.role} ${x.member}`).sort();
  if (current && JSON.stringify(grantsText(recordedBefore)) !== JSON.stringify(grantsText(grants))) {
    fields.push({ field: 'owner_record.grants', before: grantsText(recordedBefore), after: grantsText(grants) });
  }
  const byTag = !isDigestPinned(config.image);
  // A service whose latest revision failed, or a job whose Ready condition failed (a setting Cloud
  // Run refused after accepting the request), is deployed again, not left as is.
  const failed = current ? serviceReadiness(current as RunService).failed : undefined;
  if (current && fields.length === 0 && !byTag && !failed) {
    return { change: { type, resource: names.resource, action: 'unchanged', fields } };
  }
  const body: RunResource = current ? structuredCloneResource(current) : {};
  if (current) dropOneTimeFields(body, config.kind);
  for (const d of defs) d.write(body, config.kind, compared.find((c) => c.field === d.field)!.after);
  if (spec) mergeSpec(body as Record<string, unknown>, spec);
  const annotations = withGrants(body.annotations as Record<string, string> | undefined, grants);
  if (Object.keys(annotations).length > 0 || body.annotations) body.annotations = annotations;
  if (byTag || failed) stampDeploy(body, config.kind, deployId);
  const change: Change = { type, resource: names.resource, action: current ? 'update' : 'create', fields };
  if (current && failed) {
    change.reason = `${config.kind === 'service' ? "the service's latest revision" : 'the job'} is not Ready (${failed}): deployed again`;
  } else if (current && byTag) {
    change.reason = fields.length
      ? 'image is named by a tag: Cloud Run resolves it to a digest again'
      : 'image is named by a tag, which may point at a new digest now: redeployed (pin the image by @sha256: digest to skip this)';
  }
  return { change, body };
}

/**
 * The plan never holds an env var value, nor the secret a variable or a file references: env_vars,
 * secrets and secret_files are shown as what happens to each variable (or file), by name,
 * `DB_PASSWORD: (changed)`. The values and references stay in the request body only.
 */
function withoutValues(f: FieldChange): FieldChange {
  if (f.field === 'env_vars') return { field: f.field, after: envValueChanges((f.before ?? []) as EnvVar[], (f.after ?? []) as EnvVar[]) };
  if (f.field === 'secrets' || f.field === 'secret_files') return { field: f.field, after: envValueChanges(references(f.before), references(f.after)) };
  return f;
}

/** Secret variables or files as name -> reference, for envValueChanges. */
function references(value: unknown): EnvVar[] {
  return ((value ?? []) as { name?: string; path?: string; secret: string; version: string }[]).map((s) => ({ name: s.name ?? s.path ?? '', value: `${s.secret}:${s.version}` }));
}

/**
 * Fields of the current resource that must not be sent back with an update: a fixed revision
 * name (a changed template under the same name fails with "Revision named ... with different
 * configuration already exists"), and a job's execution tokens (they start an execution named
 * after them on create or update).
 */
function dropOneTimeFields(body: RunResource, kind: Config['kind']): void {
  if (kind === 'service') {
    const template = (body as { template?: { revision?: unknown } }).template;
    if (template) delete template.revision;
  } else {
    const job = body as { startExecutionToken?: unknown; runExecutionToken?: unknown };
    delete job.startExecutionToken;
    delete job.runExecutionToken;
  }
}

/** A plain object of any realm (a vm context, structuredClone), not a Long, Buffer or Date. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!value || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** A copy that keeps protobuf values (Long, Buffer) intact, unlike JSON round trips. */
function structuredCloneResource<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => structuredCloneResource(v)) as T;
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, structuredCloneResource(v)])) as T;
  }
  return value;
}

/** Who needs which role on the workload: the Scheduler's invoker, and allUsers when asked. */
export function desiredBindings(config: Config): { role: string; member: string; reason?: string }[] {
  const out: { role: string; member: string; reason?: string }[] = [];
  if (config.schedule) {
    // One binding for every trigger: they share the invoker; any trigger with overrides needs the larger role.
    const withOverrides = config.kind === 'job' && [config.schedule, ...(config.moreSchedules ?? [])].some((s) => s.bodyHasOverrides);
    out.push({
      role: withOverrides ? OVERRIDES_ROLE : INVOKER_ROLE,
      member: `serviceAccount:${config.schedule.invokerServiceAccount}`,
      reason: withOverrides
        ? `the trigger body carries overrides, which need run.jobs.runWithOverrides: ${INVOKER_ROLE} does not include it`
        : undefined,
    });
  }
  if (config.kind === 'service' && config.service.allowUnauthenticated) {
    out.push({ role: INVOKER_ROLE, member: 'allUsers', reason: 'allow_unauthenticated: true makes the service public' });
  }
  return out;
}

export function hasBinding(policy: IamPolicy | undefined, role: string, member: string): boolean {
  return (policy?.bindings ?? []).some((b) => b.role === role && !b.condition && (b.members ?? []).includes(member));
}

/**
 * The bindings to add, and the ones this action added earlier (`recorded`, from the owner
 * record) that are no longer wanted: an old invoker, the overrides role once no trigger has
 * overrides. A binding the action did not record is never removed.
 */
export function planBindings(config: Config, names: Names, policy: IamPolicy | undefined, recorded: readonly Grant[] = []): BindingStep[] {
  const desired = desiredBindings(config);
  const step = (role: string, member: string, action: Change['action'], fields: FieldChange[], reason: string | undefined): BindingStep => ({
    role,
    member,
    change: { type: 'iam-binding', resource: names.resource, subject: role, action, fields, ...(reason ? { reason } : {}) },
  });
  const adds = desired.map(({ role, member, reason }) =>
    hasBinding(policy, role, member) ? step(role, member, 'unchanged', [], reason) : step(role, member, 'create', [{ field: 'binding', after: `${role} ${member}` }], reason),
  );
  const stale = recorded
    .filter((g) => !desired.some((d) => d.role === g.role && d.member === g.member) && hasBinding(policy, g.role, g.member))
    .map(({ role, member }) => step(role, member, 'delete', [{ field: 'binding', before: `${role} ${member}` }], 'granted by this action for an earlier setting and no longer needed'));
  return [...adds, ...stale];
}

/** What the owner record says the action granted once `bindings` are applied: what it adds now, and what it added before and still wants. */
export function grantsAfter(bindings: readonly BindingStep[], recorded: readonly Grant[]): Grant[] {
  return bindings
    .filter((b) => b.change.action === 'create' || (b.change.action === 'unchanged' && recorded.some((g) => g.role === b.role && g.member === b.member)))
    .map(({ role, member }) => ({ role, member }));
}

/** serviceUri: the service's URL; undefined while the service is still to be created. */
/**
 * The trigger as the plan shows it: a body that carries override env values (a schedule's
 * env_vars) decoded, with each value hidden; base64 would only hide it from a reader, not from
 * anyone who decodes it. Compared before this: a changed value is still a change.
 */
function targetWithoutValues(target: unknown): unknown {
  const t = target as { body?: string } | undefined;
  if (!t?.body) return target;
  const shown = bodyWithoutValues(Buffer.from(t.body, 'base64').toString('utf8'));
  return shown === undefined ? target : { ...t, body: shown };
}

export function planScheduler(
  config: Config,
  names: Names,
  current: SchedulerJob | undefined,
  serviceUri: string | undefined,
): SchedulerStep | undefined {
  if (!config.schedule || !names.schedulerJob) return undefined;
  const desired = desiredSchedulerJob(config, names, serviceUri, current);
  const compared = SCHEDULER_FIELDS.map((f) => ({ field: f.field, before: current ? f.read(current) : undefined, after: f.read(desired) }));
  const fields = differences(compared, current !== undefined).map((f) =>
    f.field === 'target' ? { ...f, before: targetWithoutValues(f.before), after: targetWithoutValues(f.after) } : f,
  );
  const state = current ? enumName(current.state, SCHEDULER_STATES) : undefined;
  const paused = config.schedule.paused;
  if (current && state === 'DISABLED') return recreateDisabled(config, names, current, desired, fields);
  // A job left UPDATE_FAILED by an interrupted update is not run until a PATCH succeeds
  // (job.proto: "retry UpdateJob until a successful response is received"): write every managed
  // field again, whether or not they look the same.
  const repair = state === 'UPDATE_FAILED';
  if (repair) fields.push({ field: 'state', before: 'UPDATE_FAILED', after: 'ENABLED' });
  const updateMask = !current
    ? []
    : SCHEDULER_FIELDS.filter((f) => repair || fields.some((c) => c.field === f.field)).map((f) => f.mask);
  const currentlyPaused = state === 'PAUSED';
  // After a repair the state is the API's to say: paused is set explicitly either way.
  const setPaused = current ? (repair || paused !== currentlyPaused ? paused : undefined) : paused ? true : undefined;
  if (current && paused !== currentlyPaused) fields.push({ field: 'paused', before: currentlyPaused, after: paused });
  else if (!current && paused) fields.push({ field: 'paused', after: true });
  const action = !current ? 'create' : fields.length ? 'update' : 'unchanged';
  const change: Change = { type: 'scheduler-job', resource: names.schedulerJob, action, fields };
  const retargeted = fields.find((f) => f.field === 'target');
  if (current && retargeted && targetKind(current) !== config.kind) {
    change.reason = `re-pointed from the Cloud Run ${targetKind(current)} to the ${config.kind}, with ${config.kind === 'job' ? 'an OAuth' : 'an OIDC'} token`;
  }
  return { change, body: desired, updateMask, setPaused };
}

/**
 * A Scheduler job the system DISABLED (job.proto: "disabled by the system due to error"): neither
 * resumed nor paused by the API. A job this action wrote (its description is exactly the one
 * the action writes) is deleted and created again from the desired state, which the action
 * holds whole; any other is left alone, and the run stops before any write.
 */
function recreateDisabled(config: Config, names: Names, current: SchedulerJob, desired: SchedulerJob, fields: FieldChange[]): SchedulerStep {
  const name = names.schedulerJob!;
  if (current.description !== desired.description) {
    const [, project, , location, , id] = name.split('/');
    throw new ActionError(
      `The Cloud Scheduler job ${name} is DISABLED: Cloud Scheduler disabled it after errors, and it can be neither resumed nor paused. ` +
        `Its description (${JSON.stringify(current.description ?? '')}) is not the one this action writes, so it is not this action's to ` +
        `delete and create again. See why it was disabled (gcloud scheduler jobs describe ${id} --location=${location} --project=${project}), ` +
        `then delete it (gcloud scheduler jobs delete ${id} --location=${location} --project=${project}) and run again, or set scheduler_job to another name.`,
    );
  }
  const paused = config.schedule!.paused;
  const change: Change = {
    type: 'scheduler-job',
    resource: name,
    action: 'update',
    fields: [...fields, { field: 'state', before: 'DISABLED', after: paused ? 'PAUSED' : 'ENABLED' }],
    reason: 'Cloud Scheduler DISABLED it after errors (it can be neither resumed nor paused): deleted and created again from the inputs',
  };
  return { change, body: desired, updateMask: [], setPaused: paused ? true : undefined, recreate: true };
}

function targetKind(job: SchedulerJob): 'job' | 'service' {
  return job.httpTarget?.oidcToken ? 'service' : 'job';
}

/** The config and names as seen by one of config.moreSchedules (the same workload, another trigger). */
export function withSchedule(config: Config, names: Names, schedule: ScheduleConfig): { config: Config; names: Names } {
  return {
    config: { ...config, schedule, moreSchedules: undefined },
    names: { ...names, schedulerJob: `projects/${names.projectId}/locations/${schedule.region}/jobs/${schedule.jobId}` },
  };
}

/** The Scheduler steps of config.moreSchedules. */
export function planMoreSchedulers(config: Config, names: Names, current: (SchedulerJob | undefined)[] | undefined, serviceUri: string | undefined): SchedulerStep[] {
  return (config.moreSchedules ?? []).flatMap((schedule, i) => {
    const other = withSchedule(config, names, schedule);
    const step = planScheduler(other.config, other.names, current?.[i], serviceUri);
    return step ? [step] : [];
  });
}

export interface PlanInput {
  config: Config;
  names: Names;
  current: CurrentState;
  /** Unique per run: stamps a redeploy of a tag. */
  deployId: string;
}

export function planRun({ config, names, current, deployId }: PlanInput): RunPlan {
  const recorded = grantsOf(current.workload?.annotations as Record<string, string> | undefined);
  const bindings = planBindings(config, names, current.policy, recorded);
  const grants = grantsAfter(bindings, recorded);
  const workload = planWorkload(config, names, current.workload, deployId, grants);
  const serviceUri = config.kind === 'service' ? (current.workload as { uri?: string } | undefined)?.uri ?? undefined : undefined;
  const scheduler = planScheduler(config, names, current.schedulerJob, serviceUri);
  const moreSchedulers = planMoreSchedulers(config, names, current.moreSchedulerJobs, serviceUri);
  const warnings: string[] = [];
  if (current.otherKind) {
    const other = config.kind === 'job' ? 'service' : 'job';
    const command = other === 'job' ? 'jobs' : 'services';
    warnings.push(
      `A Cloud Run ${other} named ${config.name} still exists in ${config.region}; it is left in place and no longer triggered. ` +
        `Delete it when it is no longer needed: gcloud run ${command} delete ${config.name} --region=${config.region} --project=${names.projectId}`,
    );
  }
  if (config.kind === 'service' && !config.service.allowUnauthenticated && hasBinding(current.policy, INVOKER_ROLE, 'allUsers')) {
    warnings.push(
      `The service ${config.name} is public (allUsers holds ${INVOKER_ROLE}) although allow_unauthenticated is false; the binding was not made by this run and is left as it is.`,
    );
  }
  warnings.push(...openServiceWarnings(config, current));
  const notices: string[] = [];
  if (current.workload) {
    const moved = takeover(fromLabels(current.workload.labels as Record<string, string> | undefined), hereOf(config), `Cloud Run ${config.kind} ${config.name}`);
    if (moved.reason) workload.change.reason = workload.change.reason ? `${moved.reason}; ${workload.change.reason}` : moved.reason;
    if (moved.warning) warnings.push(moved.warning);
    if (moved.notice) notices.push(moved.notice);
  }
  const plan = [workload.change, ...bindings.map((b) => b.change), ...(scheduler ? [scheduler.change] : []), ...moreSchedulers.map((m) => m.change)];
  return { plan, workload, bindings, scheduler, moreSchedulers, warnings, notices, grants };
}

/**
 * Where a service is or becomes open to anyone: a warning annotation, not only a plan
 * line. The action does not turn invokerIamDisabled off (a setting made elsewhere, kept like the
 * others it does not manage); it says so, with the command that does.
 */
function openServiceWarnings(config: Config, current: CurrentState): string[] {
  if (config.kind !== 'service') return [];
  const out: string[] = [];
  const service = current.workload as RunService | undefined;
  if (service?.invokerIamDisabled === true && !config.service.allowUnauthenticated) {
    out.push(
      `The service ${config.name} has the invoker IAM check disabled (invokerIamDisabled: true): anyone who can reach it can call it, ` +
        `although allow_unauthenticated is not true. It is left as it is; turn the check on again: ` +
        `gcloud run services update ${config.name} --invoker-iam-check --region=${config.region}`,
    );
  }
  if (config.service.allowUnauthenticated && !hasBinding(current.policy, INVOKER_ROLE, 'allUsers')) {
    out.push(
      `allow_unauthenticated: true makes the service ${config.name} public: ${INVOKER_ROLE} is granted to allUsers, so anyone on the ` +
        'internet can call it. A scheduled service does not need this; remove the input to keep it private.',
    );
  }
  return out;
}

export function planChangesAnything(plan: Plan): boolean {
  return plan.some((c) => c.action !== 'unchanged');
}
