// Cloud Logging v2, the part the action reads: `POST /v2/entries:list` over the entries Cloud
// Scheduler writes for each attempt (log `cloudscheduler.googleapis.com%2Fexecutions`, resource
// `cloud_scheduler_job`, AttemptStarted / AttemptFinished payloads; see FACTS.md). Entries become
// visible after an ingestion delay. The filter language is a strict subset: terms joined by AND,
// each `FIELD = "VALUE"`, `FIELD >= "VALUE"` or `FIELD > "VALUE"`; anything else is a 400.
import { randomBytes } from 'node:crypto';
import type { Auth } from './auth.ts';
import { badRequest, googleError, permissionDenied, rfc3339, type Router } from './http.ts';
import type { Iam, World } from './iam.ts';
import type { Json } from './schema.ts';

const SCHEDULER_LOG = 'cloudscheduler.googleapis.com%2Fexecutions';
/** Length of a Logging query language query (https://cloud.google.com/logging/quotas). */
const MAX_FILTER_CHARS = 20_000;
const PAYLOAD_TYPE = (t: string): string => `type.googleapis.com/google.cloud.scheduler.logging.${t}`;

/** The category Scheduler's AttemptFinished debugInfo gives an HTTP answer (recorded forms; FACTS.md). */
function debugCategory(http: number): string {
  if (http < 300) return 'URL_CRAWLED';
  if (http === 401 || http === 403) return 'URL_ERROR-ERROR_AUTHENTICATION';
  if (http === 404) return 'URL_ERROR-ERROR_NOT_FOUND';
  if (http >= 500 || http === 429) return 'URL_UNREACHABLE-UNREACHABLE_5xx';
  return 'URL_ERROR-ERROR_OTHER';
}

interface Term { path: string[]; op: '=' | '>=' | '>'; value: string }

function parseTerm(raw: string): Term {
  const m = /^([A-Za-z_][\w.]*(?:\."[^"]+")?(?:\.[\w]+)*)\s*(>=|>|=)\s*"((?:[^"\\]|\\.)*)"$/.exec(raw);
  if (!m) throw badRequest(`Unparseable filter: ${raw}`);
  const path = [...m[1].matchAll(/"([^"]+)"|([^.]+)/g)].map(x => x[1] ?? x[2]);
  return { path, op: m[2] as Term['op'], value: m[3].replace(/\\(.)/g, '$1') };
}

/**
 * `a.b."@type" = "x" AND timestamp >= "..." AND (c = "1" OR c = "2")` -> groups of terms (an
 * entry matches when every group has a matching term); a 400 for anything outside the subset.
 */
function parseFilter(filter: string): Term[][] {
  if (filter.length > MAX_FILTER_CHARS) throw badRequest(`The filter is longer than ${MAX_FILTER_CHARS} characters.`);
  const groups: Term[][] = [];
  for (const raw of filter.split(/\s+AND\s+|\n+/).map(s => s.trim()).filter(Boolean)) {
    const inner = /^\((.*)\)$/.exec(raw)?.[1];
    groups.push(inner === undefined ? [parseTerm(raw)] : inner.split(/\s+OR\s+/).map(t => parseTerm(t.trim())));
  }
  return groups;
}

/** The value at `path` in a JSON object (undefined where it stops). */
export function at(entry: Json, path: string[]): unknown {
  let v: unknown = entry;
  for (const p of path) v = v && typeof v === 'object' ? (v as Json)[p] : undefined;
  return v;
}

function matches(entry: Json, t: Term): boolean {
  const v = at(entry, t.path);
  if (v === undefined) return false;
  if (t.path[0] === 'timestamp') {
    const a = Date.parse(String(v));
    const b = Date.parse(t.value);
    return t.op === '=' ? a === b : t.op === '>=' ? a >= b : a > b;
  }
  return t.op === '=' ? String(v) === t.value : t.op === '>=' ? String(v) >= t.value : String(v) > t.value;
}

export class Logging {
  entries: Json[] = [];
  /** How long an entry takes to show in entries:list (real: seconds). */
  ingestionMs = 30;
  private visibleAt = new Map<Json, number>();
  private world: World;
  private iam: Iam;
  private auth: Auth;

  constructor(world: World, iam: Iam, auth: Auth) {
    this.world = world;
    this.iam = iam;
    this.auth = auth;
  }

  /** What Cloud Scheduler logs for an attempt of `job` (a full Scheduler job name). */
  schedulerAttempt(job: string, type: 'AttemptStarted' | 'AttemptFinished', url: string, failure?: { status: string; httpStatus: number; message: string }): void {
    const [, , , location, , id] = job.split('/');
    const now = rfc3339();
    const payload: Json = { '@type': PAYLOAD_TYPE(type), jobName: job, targetType: 'HTTP', url };
    const entry: Json = {
      insertId: randomBytes(6).toString('hex'),
      jsonPayload: payload,
      resource: { type: 'cloud_scheduler_job', labels: { job_id: id, location, project_id: this.world.projectId } },
      timestamp: now,
      severity: failure ? 'ERROR' : 'INFO',
      logName: `projects/${this.world.projectId}/logs/${SCHEDULER_LOG}`,
      receiveTimestamp: now,
    };
    if (type === 'AttemptFinished') {
      const http = failure?.httpStatus ?? 200;
      entry.httpRequest = { status: http };
      // What the attempt came to, in Scheduler's words (not the target's message): FACTS.md.
      payload.debugInfo = `${debugCategory(http)}. Original HTTP response code number = ${http}`;
      if (failure) payload.status = failure.status;
    }
    this.entries.push(entry);
    this.visibleAt.set(entry, Date.now() + this.ingestionMs);
  }

  /**
   * Read requests (entries.list) a minute for the project: 60 by default (a token bucket, refilled
   * evenly); set lower to play other readers of the same project. Infinity turns it off.
   */
  readsPerMinute = 60;
  /** entries.list requests answered 429. */
  throttled = 0;
  private tokens = 60;
  private tokensAt = Date.now();

  private takeReadToken(): void {
    const now = Date.now();
    const cap = this.readsPerMinute;
    this.tokens = Math.min(cap, this.tokens + ((now - this.tokensAt) / 60_000) * cap);
    this.tokensAt = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return;
    }
    this.throttled++;
    // As recorded (snarfed/bridgy-fed#620, DefangLabs/defang#1268): no RetryInfo, no Retry-After.
    throw googleError('RESOURCE_EXHAUSTED',
      `Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute' of service 'logging.googleapis.com' for consumer 'project_number:${this.world.projectNumber}'.`,
      [
        {
          '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'RATE_LIMIT_EXCEEDED', domain: 'googleapis.com',
          metadata: {
            consumer: `projects/${this.world.projectNumber}`, quota_limit: 'ReadRequestsPerMinutePerProject', quota_limit_value: String(cap),
            quota_location: 'global', quota_metric: 'logging.googleapis.com/read_requests', quota_unit: '1/min/{project}', service: 'logging.googleapis.com',
          },
        },
        { '@type': 'type.googleapis.com/google.rpc.Help', links: [{ description: 'Request a higher quota limit.', url: 'https://cloud.google.com/docs/quotas/help/request_increase' }] },
      ], 429);
  }

  /** Sets the read quota (and fills the bucket to it). */
  setReadQuota(perMinute: number): void {
    this.readsPerMinute = perMinute;
    this.tokens = perMinute;
    this.tokensAt = Date.now();
  }

  register(router: Router): void {
    router.add('POST', /^\/v2\/entries:list$/, 'logging', ctx => {
      const who = this.auth.identify(ctx);
      const body = (ctx.body ?? {}) as Json;
      for (const k of Object.keys(body)) {
        if (!['resourceNames', 'filter', 'orderBy', 'pageSize', 'pageToken', 'projectIds'].includes(k)) {
          throw badRequest(`Invalid JSON payload received. Unknown name "${k}": Cannot find field.`);
        }
      }
      const names = (body.resourceNames ?? []) as string[];
      if (!names.length) throw badRequest('resource_names: at least one resource name is required.');
      for (const n of names) {
        const project = /^projects\/([^/]+)$/.exec(n)?.[1];
        if (project !== this.world.projectId && project !== this.world.projectNumber) throw permissionDenied('logging.logEntries.list', n);
        if (!this.iam.allowed(who, `projects/${this.world.projectId}`, 'logging.logEntries.list')) throw permissionDenied('logging.logEntries.list', n);
      }
      const orderBy = String(body.orderBy ?? 'timestamp asc');
      if (!/^timestamp( (asc|desc))?$/.test(orderBy)) throw badRequest(`Invalid orderBy: ${orderBy}`);
      const groups = parseFilter(String(body.filter ?? ''));
      this.takeReadToken();
      const now = Date.now();
      let found = this.entries.filter(e => (this.visibleAt.get(e) ?? 0) <= now && groups.every(g => g.some(t => matches(e, t))));
      if (orderBy.endsWith('desc')) found = found.reverse();
      const start = Number(body.pageToken ?? 0) || 0;
      const size = Math.min(Number(body.pageSize ?? 50) || 50, 1000);
      const page = found.slice(start, start + size);
      const out: Json = {};
      if (page.length) out.entries = page;
      if (start + size < found.length) out.nextPageToken = String(start + size);
      return out;
    });
  }
}
