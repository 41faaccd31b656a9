// The owner record: who made a resource, written on everything the action creates or updates
// and read back before anything is deleted or taken over. This module is the only one that
// knows the label keys and the Scheduler description's first line; every other module goes
// through recordOf / toLabels / fromLabels / toDescription / fromDescription.
//
// On a Cloud Run job or service (labels: lowercase, at most 63 characters a value):
//   managed-by: cloud-run-cron
//   cloud-run-cron-fleet: FLEET            (absent in single mode)
//   cloud-run-cron-repo: GITHUB_REPOSITORY_ID
//   cloud-run-cron-workload: NAME
//   cloud-run-cron-scheduler: REGION[_REGION...]  (where its Scheduler jobs are; "all" if too long)
//   annotation cloud-run-cron/grants: ROLE=MEMBER[,ROLE=MEMBER...]  (the IAM bindings the action added)
// On a Cloud Scheduler job (no labels there), the description's first line:
//   cloud-run-cron fleet=FLEET|- repo=ID|- workload=NAME
import type { Config } from '../config/types.js';

export interface OwnerRecord {
  /** The fleet's owner id; undefined in single mode. */
  fleet?: string;
  /** The repository's numeric id (GITHUB_REPOSITORY_ID); undefined outside GitHub Actions. */
  repositoryId?: string;
  /** The workload's name. */
  workload: string;
  /** Regions of the workload's Scheduler jobs, sorted; undefined: not known (search everywhere). */
  schedulerRegions?: string[];
}

/** A record as found on a resource. */
export type FoundRecord =
  | { kind: 'unmarked' }
  /** Marked before the owner record existed: managed-by (and a fleet) only. */
  | { kind: 'legacy'; fleet?: string; workload?: string }
  | { kind: 'record'; record: OwnerRecord };

export interface Grant {
  role: string;
  member: string;
}

const MANAGED_BY_KEY = 'managed-by';
const MANAGED_BY = 'cloud-run-cron';
const PREFIX = 'cloud-run-cron-';
const FLEET_KEY = `${PREFIX}fleet`;
const REPO_KEY = `${PREFIX}repo`;
const WORKLOAD_KEY = `${PREFIX}workload`;
const SCHEDULER_KEY = `${PREFIX}scheduler`;
const GRANTS_ANNOTATION = 'cloud-run-cron/grants';
const ALL_REGIONS = 'all';
const LABEL_VALUE_MAX = 63;
const NONE = '-';
const FIRST_LINE = /^cloud-run-cron fleet=(-|[a-z][a-z0-9-]*) repo=(-|[0-9]+) workload=([a-z0-9-]+)$/;
// Before the owner record: "cloud-run-cron fleet=F workload=W: text", or single mode's "... (managed by cloud-run-cron)".
const LEGACY_FLEET = /^cloud-run-cron fleet=([a-z][a-z0-9-]*) workload=([a-z0-9-]*): /;
const LEGACY_SINGLE = /^Runs the Cloud Run (?:job|service) ([a-z0-9-]+) \(managed by cloud-run-cron\)$/;

/** The repository's numeric id as the runner gives it (GITHUB_REPOSITORY_ID, the OIDC token's repository_id). */
export function repositoryIdOf(env: NodeJS.ProcessEnv): string | undefined {
  const id = env.GITHUB_REPOSITORY_ID?.trim();
  return id && /^[0-9]{1,20}$/.test(id) ? id : undefined;
}

/** The record this run writes on the workload of `config` and on its Scheduler jobs. */
export function recordOf(config: Config): OwnerRecord {
  const regions = [config.schedule, ...(config.moreSchedules ?? [])].flatMap((s) => (s ? [s.region] : []));
  return {
    ...(config.fleet !== undefined ? { fleet: config.fleet } : {}),
    ...(config.repositoryId !== undefined ? { repositoryId: config.repositoryId } : {}),
    workload: config.name,
    schedulerRegions: [...new Set(regions)].sort(),
  };
}

/** The labels that carry `record` (merged over a resource's other labels by withRecordLabels). */
export function toLabels(record: OwnerRecord): Record<string, string> {
  const labels: Record<string, string> = { [MANAGED_BY_KEY]: MANAGED_BY };
  if (record.fleet !== undefined) labels[FLEET_KEY] = record.fleet;
  if (record.repositoryId !== undefined) labels[REPO_KEY] = record.repositoryId;
  labels[WORKLOAD_KEY] = record.workload;
  if (record.schedulerRegions === undefined || record.schedulerRegions.length > 0) {
    const joined = (record.schedulerRegions ?? []).join('_');
    labels[SCHEDULER_KEY] = record.schedulerRegions === undefined || joined.length > LABEL_VALUE_MAX ? ALL_REGIONS : joined;
  }
  return labels;
}

/** `labels` with the owner record replaced by `record`'s: an earlier record (another fleet's mark) does not survive. */
export function withRecordLabels(labels: Record<string, string> | null | undefined, record: OwnerRecord): Record<string, string> {
  const kept = Object.entries(labels ?? {}).filter(([k]) => !isOwnerLabel(k));
  return { ...Object.fromEntries(kept), ...toLabels(record) };
}

function isOwnerLabel(key: string): boolean {
  return key === MANAGED_BY_KEY || key.startsWith(PREFIX);
}

/** The record on a Cloud Run job's or service's labels. */
export function fromLabels(labels: Record<string, string> | null | undefined): FoundRecord {
  const l = labels ?? {};
  if (l[MANAGED_BY_KEY] !== MANAGED_BY) return { kind: 'unmarked' };
  const fleet = l[FLEET_KEY];
  const workload = l[WORKLOAD_KEY];
  if (workload === undefined) return { kind: 'legacy', ...(fleet !== undefined ? { fleet } : {}) };
  const scheduler = l[SCHEDULER_KEY];
  return {
    kind: 'record',
    record: {
      ...(fleet !== undefined ? { fleet } : {}),
      ...(l[REPO_KEY] !== undefined ? { repositoryId: l[REPO_KEY] } : {}),
      workload,
      schedulerRegions: scheduler === undefined ? [] : scheduler === ALL_REGIONS ? undefined : scheduler.split('_').filter(Boolean),
    },
  };
}

/** A Scheduler job's description: the record's fixed first line, then `text` for people. */
export function toDescription(record: OwnerRecord, text: string): string {
  return `cloud-run-cron fleet=${record.fleet ?? NONE} repo=${record.repositoryId ?? NONE} workload=${record.workload}\n${text}`;
}

/** The record in a Scheduler job's description. */
export function fromDescription(description: string | null | undefined): FoundRecord {
  const text = description ?? '';
  const m = FIRST_LINE.exec(text.split('\n', 1)[0]!);
  if (m) {
    return {
      kind: 'record',
      record: {
        ...(m[1] !== NONE ? { fleet: m[1]! } : {}),
        ...(m[2] !== NONE ? { repositoryId: m[2]! } : {}),
        workload: m[3]!,
      },
    };
  }
  const fleet = LEGACY_FLEET.exec(text);
  if (fleet) return { kind: 'legacy', fleet: fleet[1]!, workload: fleet[2]! };
  const single = LEGACY_SINGLE.exec(text);
  if (single) return { kind: 'legacy', workload: single[1]! };
  return { kind: 'unmarked' };
}

/**
 * A user label the action keeps for its record: managed-by and every cloud-run-cron-* key.
 * Undefined when `key` is the user's to set.
 */
export function reservedLabel(key: string): string | undefined {
  if (!isOwnerLabel(key)) return undefined;
  return `the key ${JSON.stringify(key)} is reserved: ${MANAGED_BY_KEY} and keys starting with ${PREFIX} carry the action's owner record (docs/ownership.md)`;
}

/** The grants recorded on a workload (its top-level annotations). */
export function grantsOf(annotations: Record<string, string> | null | undefined): Grant[] {
  const text = annotations?.[GRANTS_ANNOTATION];
  if (!text) return [];
  return text.split(',').flatMap((pair) => {
    const at = pair.indexOf('=');
    return at > 0 ? [{ role: pair.slice(0, at), member: pair.slice(at + 1) }] : [];
  });
}

/** `annotations` with the grants recorded as `grants` (none: the annotation goes). */
export function withGrants(annotations: Record<string, string> | null | undefined, grants: readonly Grant[]): Record<string, string> {
  const out = Object.fromEntries(Object.entries(annotations ?? {}).filter(([k]) => k !== GRANTS_ANNOTATION));
  const value = [...grants].map((g) => `${g.role}=${g.member}`).sort().join(',');
  if (value) out[GRANTS_ANNOTATION] = value;
  return out;
}

/** Who a record names, for notices: "fleet reports of repository 2000002". */
export function describeOwner(found: FoundRecord): string {
  if (found.kind === 'unmarked') return 'no owner record (not made by cloud-run-cron)';
  if (found.kind === 'legacy') return `${found.fleet ? `fleet ${found.fleet}` : 'single mode'}, marked before the owner record (no repository id)`;
  const r = found.record;
  return `${r.fleet ? `fleet ${r.fleet}` : 'single mode'} of repository ${r.repositoryId ?? '(none)'}, workload ${r.workload}`;
}
