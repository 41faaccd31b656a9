// Cloud Logging v2, the part the action reads: `POST /v2/entries:list` over the entries Cloud
// Scheduler writes for each attempt (log `cloudscheduler.googleapis.com%2Fexecutions`, resource
// `cloud_scheduler_job`, AttemptStarted / AttemptFinished payloads; see FACTS.md). Entries become
// visible after an ingestion delay. The filter language is a strict subset: terms joined by AND,
// each `FIELD = "VALUE"`, `FIELD >= "VALUE"` or `FIELD > "VALUE"`; anything else is a 400.
import { randomBytes } from 'node:crypto';
import type { Auth } from './auth.ts';
import { badRequest, permissionDenied, rfc3339, type Router } from './http.ts';
import type { Iam, World } from './iam.ts';
import type { Json } from './schema.ts';

const SCHEDULER_LOG = 'cloudscheduler.googleapis.com%2Fexecutions';
const PAYLOAD_TYPE = (t: string): string => `type.googleapis.com/google.cloud.scheduler.logging.${t}`;

interface Term { path: string[]; op: '=' | '>=' | '>'; value: string }

/** `a.b."@type" = "x" AND timestamp >= "..."` -> terms; a 400 for anything outside the subset. */
function parseFilter(filter: string): Term[] {
  const terms: Term[] = [];
  for (const raw of filter.split(/\s+AND\s+|\n+/).map(s => s.trim()).filter(Boolean)) {
    const m = /^([A-Za-z_][\w.]*(?:\."[^"]+")?(?:\.[\w]+)*)\s*(>=|>|=)\s*"((?:[^"\\]|\\.)*)"$/.exec(raw);
    if (!m) throw badRequest(`Unparseable filter: ${raw}`);
    const path = [...m[1].matchAll(/"([^"]+)"|([^.]+)/g)].map(x => x[1] ?? x[2]);
    terms.push({ path, op: m[2] as Term['op'], value: m[3].replace(/\\(.)/g, '$1') });
  }
  return terms;
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
      entry.httpRequest = { status: failure?.httpStatus ?? 200 };
      if (failure) {
        payload.status = failure.status;
        payload.debugInfo = `URL_ERROR-ERROR_OTHER. Original HTTP response code number = ${failure.httpStatus}`;
      }
    }
    this.entries.push(entry);
    this.visibleAt.set(entry, Date.now() + this.ingestionMs);
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
      const terms = parseFilter(String(body.filter ?? ''));
      const now = Date.now();
      let found = this.entries.filter(e => (this.visibleAt.get(e) ?? 0) <= now && terms.every(t => matches(e, t)));
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
