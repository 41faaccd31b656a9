// Cloud Monitoring v3: alert policies and notification channels (create, get, list with filter
// and paging, patch with updateMask, delete), validated the way google/monitoring/v3/alert.proto
// and alert_service.proto / notification_service.proto describe (see FACTS.md, "Cloud Monitoring
// v3"): one to six conditions, exactly one condition kind each, a combiner when there are several,
// duration limits, a metric-absence window of at most 23.5 hours, a log-match condition alone in
// its policy and only with alertStrategy.notificationRateLimit.
import { randomInt } from 'node:crypto';
import type { Auth } from './auth.ts';
import { badRequest, fieldError, googleError, notFound, permissionDenied, rfc3339, type Ctx, type Router } from './http.ts';
import type { Iam, Identity, World } from './iam.ts';
import { at } from './logging.ts';
import { page } from './paging.ts';
import { applyUpdateMask, decode, type Json } from './schema.ts';
import { DEFAULT_VARIANTS, type Variants } from './variants.ts';

const POLICY = 'google.monitoring.v3.AlertPolicy';
const CHANNEL = 'google.monitoring.v3.NotificationChannel';
/** MetricAbsence.duration: at least 120 s, whole minutes; at most 23.5 h (FACTS.md). */
export const ABSENCE_MIN_SECONDS = 120;
export const ABSENCE_MAX_SECONDS = 84_600;
const FILTER_MAX = 2048;
const LABEL_KEY = /^[a-z][a-z0-9_-]{0,62}$/;
const LABEL_VALUE = /^[a-z0-9_-]{0,63}$/;
/** update_mask paths of UpdateAlertPolicyRequest (alert_service.proto) the fake accepts. */
const POLICY_MUTABLE = ['displayName', 'documentation', 'userLabels', 'userLabel', 'conditions', 'combiner', 'enabled', 'notificationChannels', 'alertStrategy', 'severity'];
const CHANNEL_MUTABLE = ['type', 'displayName', 'description', 'labels', 'userLabels', 'enabled'];
/** Channel types whose required labels the fake knows (NotificationChannelDescriptor, FACTS.md). */
const CHANNEL_LABELS: Record<string, string[]> = {
  email: ['email_address'],
  sms: ['number'],
  slack: ['channel_name'],
  pagerduty: ['service_key'],
  webhook_tokenauth: ['url'],
  webhook_basicauth: ['url', 'username', 'password'],
  pubsub: ['topic'],
  campfire: ['room', 'subdomain'],
};

function seconds(d: unknown): number {
  return typeof d === 'string' ? Number(d.replace(/s$/, '')) : 0;
}

/** A `google.protobuf.Duration` that must be whole minutes (threshold and absence durations). */
function wholeMinutes(field: string, d: unknown): void {
  if (d !== undefined && seconds(d) % 60 !== 0) throw fieldError(field, `The duration must be a multiple of 60 seconds; got ${String(d)}.`);
}

/**
 * The basics of the Monitoring filter language a condition's filter must pass: balanced quotes and
 * parentheses, `metric.type` named (alert.proto: "The filter must specify the metric type"), no more
 * than 2048 characters.
 */
function checkMonitoringFilter(field: string, filter: unknown, needsResourceType: boolean): void {
  const f = String(filter ?? '');
  if (!f.trim()) throw fieldError(field, 'The filter is required.');
  if ([...f].length > FILTER_MAX) throw fieldError(field, `The filter must not exceed ${FILTER_MAX} characters.`);
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < f.length; i++) {
    const c = f[i];
    if (c === '\\' && quoted) i++;
    else if (c === '"') quoted = !quoted;
    else if (!quoted && c === '(') depth++;
    else if (!quoted && c === ')' && --depth < 0) break;
  }
  if (quoted || depth !== 0) throw fieldError(field, `Could not parse filter "${f}": unbalanced quotes or parentheses.`);
  if (!/\bmetric\.type\s*=\s*"[^"]+"/.test(f)) throw fieldError(field, `The filter "${f}" must specify a metric type (metric.type = "...").`);
  if (needsResourceType && !/\bresource\.type\s*=\s*"[^"]+"/.test(f)) throw fieldError(field, `The filter "${f}" must specify a resource type (resource.type = "...").`);
}

function checkLabels(field: string, labels: unknown): void {
  const entries = Object.entries((labels ?? {}) as Record<string, string>);
  if (entries.length > 64) throw fieldError(field, 'At most 64 user labels are allowed.');
  for (const [k, v] of entries) {
    if (!LABEL_KEY.test(k)) throw fieldError(`${field}[${k}]`, `User label key "${k}" must start with a lowercase letter and contain only lowercase letters, digits, underscores and dashes (at most 63).`);
    if (!LABEL_VALUE.test(v)) throw fieldError(`${field}[${k}]`, `User label value "${v}" may contain only lowercase letters, digits, underscores and dashes (at most 63).`);
  }
}

const KINDS = ['conditionThreshold', 'conditionAbsent', 'conditionMatchedLog', 'conditionMonitoringQueryLanguage', 'conditionPrometheusQueryLanguage', 'conditionSql'];

/** Everything alert.proto says about a policy that a JSON decode alone does not check. */
export function validatePolicy(p: Json, variants: Pick<Variants, 'promqlMixed'> = DEFAULT_VARIANTS): void {
  const f = 'alert_policy';
  if (p.displayName !== undefined && [...String(p.displayName)].length > 512) throw fieldError(`${f}.display_name`, 'The display name is limited to 512 characters.');
  const conditions = (p.conditions ?? []) as Json[];
  if (conditions.length < 1 || conditions.length > 6) throw fieldError(`${f}.conditions`, `A policy can have from one to six conditions; got ${conditions.length}.`);
  conditions.forEach((c, i) => {
    const cf = `${f}.conditions[${i}]`;
    const kinds = KINDS.filter(k => c[k] !== undefined);
    if (kinds.length === 0) {
      throw fieldError(`${cf}.condition_case`, `Field ${cf}.condition_case had an invalid value of "0": Condition subtype (e.g. "condition_absent","condition_threshold", etc.) is absent or unknown.`);
    }
    if (kinds.length > 1) throw badRequest(`Invalid JSON payload received. oneof field 'condition' is already set. Cannot set '${kinds[1]}'.`);
    if (c.displayName !== undefined && [...String(c.displayName)].length > 512) throw fieldError(`${cf}.display_name`, 'The display name is limited to 512 characters.');
    const t = c.conditionThreshold as Json | undefined;
    if (t) {
      checkMonitoringFilter(`${cf}.condition_threshold.filter`, t.filter, true);
      wholeMinutes(`${cf}.condition_threshold.duration`, t.duration);
      if (t.comparison !== undefined && !['COMPARISON_GT', 'COMPARISON_LT'].includes(String(t.comparison))) {
        throw fieldError(`${cf}.condition_threshold.comparison`, 'Only COMPARISON_LT and COMPARISON_GT are supported.');
      }
      if (t.comparison === undefined) throw fieldError(`${cf}.condition_threshold.comparison`, 'The comparison is required (COMPARISON_GT or COMPARISON_LT).');
      if (t.evaluationMissingData !== undefined && seconds(t.duration) < 60) {
        throw fieldError(`${cf}.condition_threshold.evaluation_missing_data`, 'evaluation_missing_data needs a duration of at least 60 seconds.');
      }
    }
    const a = c.conditionAbsent as Json | undefined;
    if (a) {
      checkMonitoringFilter(`${cf}.condition_absent.filter`, a.filter, true);
      const d = seconds(a.duration);
      if (d < ABSENCE_MIN_SECONDS) throw fieldError(`${cf}.condition_absent.duration`, `The duration of a metric-absence condition must be at least ${ABSENCE_MIN_SECONDS} seconds; got ${String(a.duration ?? '0s')}.`);
      if (d > ABSENCE_MAX_SECONDS) throw fieldError(`${cf}.condition_absent.duration`, `The duration of a metric-absence condition must be at most 23 hours 30 minutes (${ABSENCE_MAX_SECONDS}s); got ${String(a.duration)}.`);
      wholeMinutes(`${cf}.condition_absent.duration`, a.duration);
    }
    const l = c.conditionMatchedLog as Json | undefined;
    if (l && !String(l.filter ?? '').trim()) throw fieldError(`${cf}.condition_matched_log.filter`, 'The log filter is required.');
    const q = c.conditionPrometheusQueryLanguage as Json | undefined;
    if (q) {
      if (!String(q.query ?? '').trim()) throw fieldError(`${cf}.condition_prometheus_query_language.query`, 'The PromQL query must not be empty.');
      if (q.duration !== undefined && seconds(q.duration) < 0) throw fieldError(`${cf}.condition_prometheus_query_language.duration`, 'The duration must be non-negative.');
      const ev = q.evaluationInterval === undefined ? 30 : seconds(q.evaluationInterval);
      if (ev <= 0 || ev % 30 !== 0) throw fieldError(`${cf}.condition_prometheus_query_language.evaluation_interval`, 'The evaluation interval must be a positive multiple of 30 seconds.');
    }
    const m = c.conditionMonitoringQueryLanguage as Json | undefined;
    if (m) {
      if (!String(m.query ?? '').trim()) throw fieldError(`${cf}.condition_monitoring_query_language.query`, 'The MQL query must not be empty.');
      wholeMinutes(`${cf}.condition_monitoring_query_language.duration`, m.duration);
    }
  });
  const logMatch = conditions.some(c => c.conditionMatchedLog);
  if (logMatch && conditions.length > 1) throw badRequest('Alert policies with a log matching condition can only have a single condition.');
  if (logMatch && !((p.alertStrategy as Json | undefined)?.notificationRateLimit as Json | undefined)?.period) {
    throw fieldError(`${f}.alert_strategy.notification_rate_limit`, 'A notification rate limit is required for alert policies with a log matching condition.');
  }
  if (conditions.length > 1 && conditions.some(c => c.conditionMonitoringQueryLanguage)) throw badRequest('A Monitoring Query Language condition must be the only condition of its policy.');
  if (conditions.length > 1 && conditions.some(c => c.conditionPrometheusQueryLanguage) && variants.promqlMixed === 'refused') {
    throw badRequest('A PromQL condition must be the only condition of its policy.');
  }
  if (conditions.length > 1 && !p.combiner) throw fieldError(`${f}.combiner`, 'A combiner (AND, OR or AND_WITH_MATCHING_RESOURCE) is required when a policy has more than one condition.');
  const doc = p.documentation as Json | undefined;
  if (doc) {
    if (doc.content !== undefined && [...String(doc.content)].length > 8192) throw fieldError(`${f}.documentation.content`, 'The documentation may not exceed 8,192 characters.');
    if (doc.content !== undefined && doc.mimeType !== 'text/markdown') throw fieldError(`${f}.documentation.mime_type`, 'Only "text/markdown" is supported.');
    const links = (doc.links ?? []) as Json[];
    if (links.length > 3) throw fieldError(`${f}.documentation.links`, 'At most 3 links are allowed.');
    links.forEach((k, i) => {
      const n = [...String(k.displayName ?? '')].length;
      if (n < 1 || n > 63) throw fieldError(`${f}.documentation.links[${i}].display_name`, 'A link display name must not be empty or exceed 63 characters.');
    });
  }
  checkLabels(`${f}.user_labels`, p.userLabels);
}

export function validateChannel(c: Json): void {
  const f = 'notification_channel';
  const type = String(c.type ?? '');
  if (!type) throw fieldError(`${f}.type`, 'The channel type is required.');
  const required = CHANNEL_LABELS[type];
  if (!required) throw fieldError(`${f}.type`, `Unknown notification channel type "${type}".`);
  const labels = (c.labels ?? {}) as Record<string, string>;
  for (const k of Object.keys(labels)) if (!required.includes(k) && !(type === 'slack' && k === 'auth_token')) throw fieldError(`${f}.labels`, `Label "${k}" is not defined for channel type "${type}".`);
  for (const k of required) if (!labels[k]) throw fieldError(`${f}.labels`, `Label "${k}" is required for channel type "${type}".`);
  if (type === 'email' && !/^[^\s@]+@[^\s@]+$/.test(labels.email_address)) throw fieldError(`${f}.labels`, `"${labels.email_address}" is not a valid email address.`);
  if (c.displayName !== undefined && [...String(c.displayName)].length > 512) throw fieldError(`${f}.display_name`, 'The display name is limited to 512 characters.');
  if (c.description !== undefined && [...String(c.description)].length > 1024) throw fieldError(`${f}.description`, 'The description may not exceed 1024 characters.');
  checkLabels(`${f}.user_labels`, c.userLabels);
}

interface Term { path: string[]; op: '=' | '!=' | ':'; value: string }

/**
 * The list filter (sorting-and-filtering): terms joined by AND, each `FIELD = "V"`, `FIELD != "V"`
 * or `FIELD : "V"` (has), with fields in snake_case (`user_labels.KEY`, `user_label.KEY`,
 * `display_name`, `type`, `labels.KEY`). Anything else: 400, as an unparseable filter is.
 */
function parseListFilter(filter: string): Term[] {
  const terms: Term[] = [];
  for (const raw of filter.split(/\s+AND\s+/).map(s => s.trim()).filter(Boolean)) {
    const m = /^([a-z_][a-z0-9_]*(?:\.(?:[A-Za-z0-9_-]+|"[A-Za-z0-9_-]+"))*)\s*(!=|=|:)\s*"((?:[^"\\]|\\.)*)"$/.exec(raw.replace(/^\((.*)\)$/, '$1'));
    if (!m) throw badRequest(`Invalid filter: could not parse "${raw}".`);
    const path = m[1].split('.').map(p => p.replace(/^"(.*)"$/, '$1'));
    if (path[0] === 'user_label') path[0] = 'user_labels';
    const camel = path.map((p, i) => (i === 0 || !['user_labels', 'labels'].includes(path[i - 1]) ? p.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()) : p));
    terms.push({ path: camel, op: m[2] as Term['op'], value: m[3].replace(/\\(.)/g, '$1') });
  }
  return terms;
}

function matches(x: Json, t: Term): boolean {
  const v = at(x, t.path);
  if (t.op === '=') return v !== undefined && String(v) === t.value;
  if (t.op === '!=') return v === undefined || String(v) !== t.value;
  return v !== undefined && String(v).includes(t.value);
}

const newId = (): string => String(randomInt(1, 2 ** 47)) + String(randomInt(0, 10_000)).padStart(4, '0');

export class Monitoring {
  policies = new Map<string, Json>();
  channels = new Map<string, Json>();
  /** Unsettled behaviours (fake/variants.ts); the server shares one object among the APIs. */
  variants: Variants = { ...DEFAULT_VARIANTS };
  private world: World;
  private iam: Iam;
  private auth: Auth;

  constructor(world: World, iam: Iam, auth: Auth) {
    this.world = world;
    this.iam = iam;
    this.auth = auth;
  }

  /** `projects/ID` for the project named by ID or number, after the caller's permission check. */
  private project(ctx: Ctx, project: string, permission: string): { who: Identity; parent: string } {
    const who = this.auth.identify(ctx);
    const parent = `projects/${this.world.projectId}`;
    if (project !== this.world.projectId && project !== this.world.projectNumber) throw permissionDenied(permission, `projects/${project}`);
    if (!this.iam.allowed(who, parent, permission)) throw permissionDenied(permission, parent);
    return { who, parent };
  }

  private record(who: Identity): Json {
    return { mutateTime: rfc3339(), mutatedBy: who.email ?? who.principal.replace(/^[a-zA-Z]+:/, '') };
  }

  private policyFrom(body: unknown, parent: string, name: string, old?: Json): Json {
    const p = decode(POLICY, body, 'alert_policy');
    delete p.creationRecord;
    delete p.mutationRecord;
    delete p.validity;
    this.finishPolicy(p, parent, name, old);
    return p;
  }

  /** Names conditions (kept when the request names an existing one), defaults `enabled`, checks channels. */
  private finishPolicy(p: Json, parent: string, name: string, old?: Json): void {
    const oldNames = new Set(((old?.conditions ?? []) as Json[]).map(c => String(c.name)));
    for (const c of (p.conditions ?? []) as Json[]) {
      if (c.name !== undefined && !oldNames.has(String(c.name))) {
        if (!old) throw fieldError('alert_policy.conditions.name', 'Do not include the name of a condition when creating a policy.');
        throw notFound(`Condition ${String(c.name)} does not exist in policy ${name}.`);
      }
      c.name ??= `${name}/conditions/${newId()}`;
    }
    p.name = name;
    p.enabled ??= true;
    validatePolicy(p, this.variants);
    for (const ch of (p.notificationChannels ?? []) as string[]) {
      const id = /^projects\/([^/]+)\/notificationChannels\/([^/]+)$/.exec(ch);
      const full = id && (id[1] === this.world.projectId || id[1] === this.world.projectNumber) ? `${parent}/notificationChannels/${id[2]}` : '';
      if (!this.channels.has(full)) throw fieldError('alert_policy.notification_channels', `Notification channel ${ch} does not exist.`);
    }
  }

  private get(map: Map<string, Json>, parent: string, kind: string, id: string): Json {
    const name = `${parent}/${kind}/${id}`;
    const x = map.get(name);
    if (!x) throw notFound(`Requested entity was not found: ${name}.`);
    return x;
  }

  private list(ctx: Ctx, items: Json[], key: string): Json {
    const terms = parseListFilter(ctx.query.get('filter') ?? '');
    let found = items.filter(x => terms.every(t => matches(x, t)));
    const order = ctx.query.get('orderBy');
    if (order) {
      const keys = order.split(',').map(s => s.trim()).filter(Boolean).map(s => ({ desc: s.startsWith('-'), path: s.replace(/^-/, '').split('.').map((p, i) => (i === 0 ? p.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()) : p)) }));
      found = [...found].sort((a, b) => {
        for (const k of keys) {
          const x = String(at(a, k.path) ?? '');
          const y = String(at(b, k.path) ?? '');
          if (x !== y) return (x < y ? -1 : 1) * (k.desc ? -1 : 1);
        }
        return 0;
      });
    }
    const out = page(found, ctx.query, key, 1000);
    if (found.length) out.totalSize = found.length;
    return out;
  }

  register(router: Router): void {
    const P = '^/v3/projects/([^/]+)';
    router.add('POST', new RegExp(`${P}/alertPolicies$`), 'monitoring', ctx => {
      const { who, parent } = this.project(ctx, ctx.params[0], 'monitoring.alertPolicies.create');
      const body = (ctx.body ?? {}) as Json;
      if (body.name !== undefined && body.name !== '') throw fieldError('alert_policy.name', 'Do not include the name field when creating a policy; it is assigned by Cloud Monitoring.');
      const name = `${parent}/alertPolicies/${newId()}`;
      const p = this.policyFrom(body, parent, name);
      p.creationRecord = this.record(who);
      p.mutationRecord = p.creationRecord;
      this.policies.set(name, p);
      return p;
    });
    router.add('GET', new RegExp(`${P}/alertPolicies$`), 'monitoring', ctx => {
      this.project(ctx, ctx.params[0], 'monitoring.alertPolicies.list');
      return this.list(ctx, [...this.policies.values()], 'alertPolicies');
    });
    router.add('GET', new RegExp(`${P}/alertPolicies/([^/]+)$`), 'monitoring', ctx => {
      const { parent } = this.project(ctx, ctx.params[0], 'monitoring.alertPolicies.get');
      return this.get(this.policies, parent, 'alertPolicies', ctx.params[1]);
    });
    router.add('PATCH', new RegExp(`${P}/alertPolicies/([^/]+)$`), 'monitoring', ctx => {
      const { who, parent } = this.project(ctx, ctx.params[0], 'monitoring.alertPolicies.update');
      const old = this.get(this.policies, parent, 'alertPolicies', ctx.params[1]);
      const name = String(old.name);
      const body = decode(POLICY, ctx.body, 'alert_policy');
      const mask = ctx.query.get('updateMask') ?? '';
      let next: Json;
      if (mask) {
        next = applyUpdateMask(old, body, mask, (path, raw) => {
          if (!POLICY_MUTABLE.includes(path[0])) throw fieldError('update_mask', `Invalid update_mask path: ${raw}.`);
        });
        next.userLabels = next.userLabels ?? next.userLabel;
        delete next.userLabel;
        if (next.userLabels === undefined) delete next.userLabels;
      } else {
        // No mask: the supplied policy replaces the old one, keeping its ID (alert_service.proto).
        next = body;
      }
      delete next.creationRecord;
      delete next.mutationRecord;
      delete next.validity;
      this.finishPolicy(next, parent, name, old);
      next.creationRecord = old.creationRecord;
      next.mutationRecord = this.record(who);
      this.policies.set(name, next);
      return next;
    });
    router.add('DELETE', new RegExp(`${P}/alertPolicies/([^/]+)$`), 'monitoring', ctx => {
      const { parent } = this.project(ctx, ctx.params[0], 'monitoring.alertPolicies.delete');
      const p = this.get(this.policies, parent, 'alertPolicies', ctx.params[1]);
      this.policies.delete(String(p.name));
      return {};
    });

    router.add('POST', new RegExp(`${P}/notificationChannels$`), 'monitoring', ctx => {
      const { who, parent } = this.project(ctx, ctx.params[0], 'monitoring.notificationChannels.create');
      const c = decode(CHANNEL, ctx.body, 'notification_channel');
      delete c.creationRecord;
      delete c.mutationRecords;
      delete c.verificationStatus;
      validateChannel(c);
      c.name = `${parent}/notificationChannels/${newId()}`;
      c.enabled ??= true;
      c.creationRecord = this.record(who);
      this.channels.set(String(c.name), c);
      return c;
    });
    router.add('GET', new RegExp(`${P}/notificationChannels$`), 'monitoring', ctx => {
      this.project(ctx, ctx.params[0], 'monitoring.notificationChannels.list');
      return this.list(ctx, [...this.channels.values()], 'notificationChannels');
    });
    router.add('GET', new RegExp(`${P}/notificationChannels/([^/]+)$`), 'monitoring', ctx => {
      const { parent } = this.project(ctx, ctx.params[0], 'monitoring.notificationChannels.get');
      return this.get(this.channels, parent, 'notificationChannels', ctx.params[1]);
    });
    router.add('PATCH', new RegExp(`${P}/notificationChannels/([^/]+)$`), 'monitoring', ctx => {
      const { who, parent } = this.project(ctx, ctx.params[0], 'monitoring.notificationChannels.update');
      const old = this.get(this.channels, parent, 'notificationChannels', ctx.params[1]);
      const body = decode(CHANNEL, ctx.body, 'notification_channel');
      const mask = ctx.query.get('updateMask') ?? '';
      const next = mask
        ? applyUpdateMask(old, body, mask, (path, raw) => {
          if (!CHANNEL_MUTABLE.includes(path[0])) throw fieldError('update_mask', `Invalid update_mask path: ${raw}.`);
        })
        : { ...body, name: old.name, creationRecord: old.creationRecord };
      validateChannel(next);
      next.name = old.name;
      next.enabled ??= true;
      next.mutationRecords = [...((old.mutationRecords ?? []) as Json[]), this.record(who)];
      this.channels.set(String(old.name), next);
      return next;
    });
    router.add('DELETE', new RegExp(`${P}/notificationChannels/([^/]+)$`), 'monitoring', ctx => {
      const { parent } = this.project(ctx, ctx.params[0], 'monitoring.notificationChannels.delete');
      const c = this.get(this.channels, parent, 'notificationChannels', ctx.params[1]);
      const name = String(c.name);
      const users = [...this.policies.values()].filter(p => ((p.notificationChannels ?? []) as string[]).some(ch => ch.endsWith(`/notificationChannels/${ctx.params[1]}`)));
      if (users.length && ctx.query.get('force') !== 'true') {
        throw googleError('FAILED_PRECONDITION', `Notification channel ${name} is referenced by alert policies (${users.map(p => String(p.name)).join(', ')}); delete with force=true to remove it from them.`);
      }
      for (const p of users) p.notificationChannels = ((p.notificationChannels ?? []) as string[]).filter(ch => !ch.endsWith(`/notificationChannels/${ctx.params[1]}`));
      this.channels.delete(name);
      return {};
    });
  }
}
