// The alerting part of a workload's plan: the desired policies against the workload's policies
// as read (selected by the owner record) and the project's notification channels. Pure.
//   create   a policy of a role the workload does not have yet;
//   update   a PATCH with an updateMask of exactly the changed fields (condition IDs kept);
//   delete   a policy of a role no longer wanted, and every policy with alerts: none;
//   an email channel is created once (found by type and address first) and shared.
// Empty alert_channels keep the channels of the policy in place; with none in place and none
// given, no policy is created (alerting needs somewhere to send to).
import { formatDuration } from '../config/duration.js';
import { sameValue } from '../plan/diff.js';
import type { Change, FieldChange } from '../plan/types.js';
import type { AlertConfig } from '../config/types.js';
import { POLICY_ROLES, type DesiredAlerting, type DesiredPolicy, type PolicyBody, type PolicyRole } from './desired.js';

/** An alert policy as Cloud Monitoring answers it (REST JSON). */
export interface AlertPolicy extends Partial<Omit<PolicyBody, 'conditions'>> {
  name: string;
  conditions?: (Record<string, unknown> & { name?: string })[];
  notificationChannels?: string[];
  mutationRecord?: { mutateTime?: string; mutatedBy?: string };
}

export interface NotificationChannel {
  name: string;
  type?: string;
  displayName?: string;
  labels?: Record<string, string>;
  userLabels?: Record<string, string>;
}

/** What the planner compares against. */
export interface AlertState {
  /** The workload's own policies (owner record matched), by role. */
  policies: Partial<Record<PolicyRole, AlertPolicy>>;
  /** Every notification channel of the project. */
  channels: NotificationChannel[];
  /** Every alert policy of the project (which channels are still in use). */
  projectPolicies: AlertPolicy[];
}

export interface ChannelStep {
  change: Change;
  address: string;
  body: NotificationChannel | Omit<NotificationChannel, 'name'>;
}

export interface PolicyStep {
  change: Change;
  role: PolicyRole;
  /** Channels by full name, or `email:ADDRESS` for a channel this run creates. */
  channels: string[];
  /** The conditions as the plan shows them (none for a delete). */
  conditions: string[];
  /** The channels as people know them: email:ADDRESS for an email channel, else the full name. */
  shown: string[];
  body?: Record<string, unknown>;
  /** PATCH paths (snake_case), for an update. */
  updateMask?: string[];
}

export interface AlertPlan {
  channels: ChannelStep[];
  policies: PolicyStep[];
  /** Conditions asked for that cannot be had, and why (also in the plan's reasons). */
  notes: string[];
  /** Missed-run window of the run policy, seconds. */
  missedWindowSeconds?: number;
}

/** Body field -> update_mask path and the name the plan shows. */
const FIELDS: [keyof PolicyBody | 'notificationChannels', string, string][] = [
  ['displayName', 'display_name', 'display_name'],
  ['documentation', 'documentation', 'documentation'],
  ['userLabels', 'user_labels', 'user_labels'],
  ['conditions', 'conditions', 'conditions'],
  ['combiner', 'combiner', 'combiner'],
  ['enabled', 'enabled', 'enabled'],
  ['notificationChannels', 'notification_channels', 'channels'],
  ['alertStrategy', 'alert_strategy', 'alert_strategy'],
  ['severity', 'severity', 'severity'],
];

type Obj = Record<string, unknown>;

/**
 * A value as proto3 JSON may give it back: without the defaults it leaves out (0, '', false,
 * '0s', empty lists and objects) and without server-assigned condition names.
 */
export function comparable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(comparable);
  if (value && typeof value === 'object') {
    const out: Obj = {};
    for (const [k, v] of Object.entries(value as Obj)) {
      if (k === 'name') continue;
      const c = comparable(v);
      const empty = c === undefined || c === 0 || c === '' || c === false || c === '0s' || (Array.isArray(c) && c.length === 0) || (typeof c === 'object' && c !== null && !Array.isArray(c) && Object.keys(c).length === 0);
      if (!empty) out[k] = c;
    }
    return out;
  }
  return value;
}

const KINDS = ['conditionThreshold', 'conditionAbsent', 'conditionMatchedLog', 'conditionPrometheusQueryLanguage'];
const kindOf = (c: Obj): string | undefined => KINDS.find((k) => c[k] !== undefined);

/** The desired conditions, each carrying the name of the live condition of its kind (so its ID is kept). */
function withConditionNames(desired: Obj[], live: AlertPolicy | undefined): Obj[] {
  const used = new Set<string>();
  return desired.map((c) => {
    const match = (live?.conditions ?? []).find((l) => l.name && !used.has(l.name) && kindOf(l) === kindOf(c));
    if (!match?.name) return c;
    used.add(match.name);
    return { name: match.name, ...c };
  });
}

function emailChannel(channels: readonly NotificationChannel[], address: string): NotificationChannel | undefined {
  return channels.find((c) => c.type === 'email' && c.labels?.email_address?.toLowerCase() === address);
}

const sorted = (xs: readonly string[]): string[] => [...new Set(xs)].sort();

/**
 * The plan. `policyName`: the resource shown for a policy not created yet.
 * `channelLabels`: the owner's user labels for a channel this run creates.
 */
export function planAlerts(input: {
  alerts: AlertConfig;
  desired: DesiredAlerting;
  state: AlertState;
  projectId: string;
  workload: string;
  channelLabels: Record<string, string>;
}): AlertPlan {
  const { alerts, desired, state, projectId, workload } = input;
  const notes = [...desired.notes];
  const policies: PolicyStep[] = [];
  const channels: ChannelStep[] = [];
  const given = alerts.channels.names.length + alerts.channels.emails.length > 0;
  const refs: string[] = [...alerts.channels.names];
  for (const address of alerts.channels.emails) {
    const found = emailChannel(state.channels, address);
    if (found) {
      refs.push(found.name);
      continue;
    }
    refs.push(`email:${address}`);
    const body = { type: 'email', displayName: `cloud-run-cron: ${address}`, labels: { email_address: address }, userLabels: input.channelLabels };
    channels.push({
      address,
      body,
      change: { type: 'notification-channel', resource: `projects/${projectId}/notificationChannels/email:${address}`, action: 'create', fields: [{ field: 'email_address', after: address }], subject: `email:${address}` },
    });
  }
  const wanted = new Map<PolicyRole, DesiredPolicy>(desired.policies.map((p) => [p.role, p]));
  for (const role of POLICY_ROLES) {
    const live = state.policies[role];
    const want = wanted.get(role);
    if (!want) {
      if (live) {
        const reason = alerts.conditions === 'none' ? 'alerts: none' : `no longer wanted (alerts: ${(alerts.conditions as string[]).join(',')})`;
        policies.push({ role, channels: [], conditions: [], shown: [], change: { type: 'alert-policy', resource: live.name, action: 'delete', fields: [], reason, subject: role } });
      }
      continue;
    }
    const chosen = given ? sorted(refs) : sorted(live?.notificationChannels ?? []);
    if (!live && chosen.length === 0) {
      notes.push(`no ${role} alert policy is created: alert_channels is empty, and alerting needs a notification channel`);
      continue;
    }
    const body: Obj = { ...want.body, conditions: withConditionNames(want.body.conditions, live), notificationChannels: chosen };
    const reason = want.watches.join(' + ');
    const conditions = describeConditions(want.body.conditions);
    const shown = chosen.map((ref) => {
      const c = state.channels.find((x) => x.name === ref);
      return c?.type === 'email' && c.labels?.email_address ? `email:${c.labels.email_address}` : ref;
    });
    if (!live) {
      const fields = FIELDS.filter(([k]) => body[k] !== undefined && k !== 'documentation' && k !== 'userLabels').map(([k, , shown]): FieldChange => ({ field: shown, after: k === 'conditions' ? describeConditions(body.conditions as Obj[]) : body[k] }));
      policies.push({ role, channels: chosen, conditions, shown, body, change: { type: 'alert-policy', resource: `projects/${projectId}/alertPolicies/(new ${workload} ${role})`, action: 'create', fields, reason, subject: role } });
      continue;
    }
    const fields: FieldChange[] = [];
    const mask: string[] = [];
    for (const [k, path, shown] of FIELDS) {
      const before = k === 'notificationChannels' ? sorted(live.notificationChannels ?? []) : (live as unknown as Obj)[k];
      if (sameValue(comparable(before), comparable(body[k]))) continue;
      mask.push(path);
      fields.push(k === 'conditions'
        ? { field: shown, before: describeConditions((before ?? []) as Obj[]), after: describeConditions(body.conditions as Obj[]) }
        : k === 'documentation' ? { field: shown, before: '(changed)', after: '(changed)' } : { field: shown, before, after: body[k] });
    }
    policies.push({
      role,
      channels: chosen,
      conditions,
      shown,
      body: mask.length ? body : undefined,
      updateMask: mask.length ? mask : undefined,
      change: { type: 'alert-policy', resource: live.name, action: mask.length ? 'update' : 'unchanged', fields, reason, subject: role },
    });
  }
  // A channel is created only for a policy this run writes.
  const writing = policies.some((p) => p.body !== undefined);
  return { channels: writing ? channels : [], policies, notes, missedWindowSeconds: desired.missedWindowSeconds };
}

/** '91200s' -> '25h20m'. */
function inWords(duration: unknown): string {
  const seconds = /^(\d+)s$/.exec(String(duration ?? ''))?.[1];
  return seconds === undefined ? '?' : formatDuration(Number(seconds));
}

/** Conditions as the plan shows them: 'failed execution', 'absent 25h10m', 'log match'. */
export function describeConditions(conditions: readonly Obj[]): string[] {
  return conditions.map((c) => {
    if (c.conditionAbsent) return `no successful run in ${inWords((c.conditionAbsent as Obj).duration)}`;
    if (c.conditionThreshold) return 'failed execution';
    if (c.conditionMatchedLog) return 'Scheduler attempt failed';
    if (c.conditionPrometheusQueryLanguage) return `no successful run in ${inWords(/\[(\d+s)\]\)$/.exec(String((c.conditionPrometheusQueryLanguage as Obj).query))?.[1])} (PromQL)`;
    return String(c.displayName ?? 'other');
  });
}
