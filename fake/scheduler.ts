// Cloud Scheduler v1: locations, jobs (create, get, list, patch with updateMask, delete,
// pause, resume, run) and the attempt a run performs from Google's side: it mints the job's
// OAuth or OIDC token for its service account, calls the target, and records the outcome in
// `status` (google.rpc.Status) and `lastAttemptTime`. The fake does not fire on the schedule
// itself, only on `:run`; attempt deadlines and backoffs run on a scaled clock.
import type { Auth } from './auth.ts';
import { nextRun, parseCron, validTimeZone } from './cron.ts';
import {
  badRequest, fieldError, googleError, notFound, permissionDenied, rfc3339, rpcCode, statusForHttp,
  type Clock, type Ctx, type Router,
} from './http.ts';
import type { Iam, Identity, World } from './iam.ts';
import type { AttemptResult, CloudRun } from './run.ts';
import type { Logging } from './logging.ts';
import { page } from './paging.ts';
import { applyUpdateMask, decode, type Json } from './schema.ts';
import { DEFAULT_VARIANTS, type Variants } from './variants.ts';

/**
 * Regions where Cloud Scheduler is offered. Deliberately not every Cloud Run region:
 * europe-west12, me-central2, africa-south1, europe-north2 and northamerica-south1 are left
 * out, so a scheduler_region fallback can be exercised. (Unverified against Google's live list.)
 */
export const SCHEDULER_REGIONS = [
  'us-central1', 'us-east1', 'us-east4', 'us-east5', 'us-south1', 'us-west1', 'us-west2', 'us-west3', 'us-west4',
  'northamerica-northeast1', 'northamerica-northeast2', 'southamerica-east1', 'southamerica-west1',
  'europe-west1', 'europe-west2', 'europe-west3', 'europe-west4', 'europe-west6', 'europe-west8', 'europe-west9',
  'europe-west10', 'europe-north1', 'europe-central2', 'europe-southwest1', 'me-central1', 'me-west1',
  'asia-east1', 'asia-east2', 'asia-northeast1', 'asia-northeast2', 'asia-northeast3', 'asia-south1', 'asia-south2',
  'asia-southeast1', 'asia-southeast2', 'australia-southeast1', 'australia-southeast2',
];

export interface SchedulerTimings {
  /** real milliseconds the fake waits per second of attempt deadline / backoff (scaled clock) */
  msPerSecond: number;
  /** delay between `:run` and the attempt */
  dispatchMs: number;
}

/** One attempt as it happened, for tests. */
export interface Attempt { job: string; uri: string; httpStatus: number; status: Json; start: string; end: string }

const JOB_ID_RE = /^[A-Za-z0-9_-]{1,500}$/;
const CLOUD_PLATFORM = 'https://www.googleapis.com/auth/cloud-platform';
const MUTABLE = ['description', 'schedule', 'timeZone', 'httpTarget', 'pubsubTarget', 'appEngineHttpTarget', 'retryConfig', 'attemptDeadline'];

function seconds(d: unknown): number {
  return typeof d === 'string' ? Number(d.replace(/s$/, '')) : NaN;
}

/** The two forms of a Cloud Run job's `:run` URI (v1 on the regional host, v2 on run.googleapis.com). */
function runJobUri(url: URL): { v1: RegExpExecArray | null; v2: RegExpExecArray | null } {
  const path = decodeURIComponent(url.pathname);
  return {
    v1: /^\/apis\/run\.googleapis\.com\/v1\/namespaces\/([^/]+)\/jobs\/([^/:]+):run$/.exec(path),
    v2: /^\/v2\/projects\/([^/]+)\/locations\/([^/]+)\/jobs\/([^/:]+):run$/.exec(path),
  };
}

export class Scheduler {
  jobs = new Map<string, Json>();
  attempts: Attempt[] = [];
  timings: SchedulerTimings;
  /** Unsettled behaviours (fake/variants.ts); the server shares one object among the APIs. */
  variants: Variants = { ...DEFAULT_VARIANTS };
  /** Where each attempt's AttemptStarted / AttemptFinished entries go (set by the server). */
  logging?: Logging;
  private world: World;
  private iam: Iam;
  private auth: Auth;
  private run: CloudRun;
  private clock: Clock;

  constructor(world: World, iam: Iam, auth: Auth, run: CloudRun, clock: Clock, timings: SchedulerTimings) {
    this.world = world;
    this.iam = iam;
    this.auth = auth;
    this.run = run;
    this.clock = clock;
    this.timings = timings;
  }

  private parent(project: string, location: string, permission: string): string {
    const parent = `projects/${project}/locations/${location}`;
    if (project !== this.world.projectId && project !== this.world.projectNumber) throw permissionDenied(permission, parent);
    if (!SCHEDULER_REGIONS.includes(location)) {
      // 400 INVALID_ARGUMENT is one observed form; 403 and 404 are plausible too (FACTS.md).
      if (this.variants.schedulerLocation === '403') throw permissionDenied(permission, parent);
      if (this.variants.schedulerLocation === '404') throw notFound(`Location '${location}' not found.`);
      throw badRequest(`Location '${location}' is not a valid Cloud Scheduler location.`);
    }
    return `projects/${this.world.projectId}/locations/${location}`;
  }

  /**
   * The Scheduler jobs whose HTTP target is this Cloud Run job (its `:run` URI, v1 or v2) or
   * service (its uri or one of its urls): they would fire at it. Test scaffolding (see
   * `deletedWhileTargeted` in server.ts).
   */
  jobsTargeting(resource: string, workload: Json): string[] {
    const byId = (project: string) => (project === this.world.projectNumber ? this.world.projectId : project);
    const [, project = '', location = '', collection = '', id = ''] = /^projects\/([^/]+)\/locations\/([^/]+)\/(jobs|services)\/([^/]+)$/.exec(resource) ?? [];
    const origins = [workload.uri, ...((workload.urls ?? []) as unknown[])].filter(Boolean).map(String);
    return [...this.jobs.values()]
      .filter(j => {
        let url: URL;
        try {
          url = new URL(String((j.httpTarget as Json | undefined)?.uri ?? ''));
        } catch {
          return false;
        }
        if (collection === 'services') return origins.includes(url.origin);
        const { v1, v2 } = runJobUri(url);
        const target = v2 ? [v2[1], v2[2], v2[3]] : v1 ? [v1[1], /^([a-z0-9-]+)-run\.googleapis\.com$/.exec(url.hostname)?.[1], v1[2]] : undefined;
        return !!target && byId(target[0]!) === byId(project) && target[1] === location && target[2] === id;
      })
      .map(j => String(j.name));
  }

  private require(who: Identity, resource: string, permission: string): void {
    if (!this.iam.allowed(who, resource, permission)) throw permissionDenied(permission, resource);
  }

  private getJob(name: string): Json {
    const j = this.jobs.get(name);
    if (!j) throw notFound(`Job not found.`);
    return j;
  }

  /** Semantic checks of a full job (after defaults and, for a patch, after the mask is applied). */
  private validate(job: Json, who: Identity): void {
    const cron = typeof job.schedule === 'string' ? parseCron(job.schedule) : undefined;
    if (!job.schedule) throw fieldError('job.schedule', 'Schedule is required.');
    if (!cron || !validTimeZone(String(job.timeZone ?? 'Etc/UTC'))) throw fieldError('job.schedule', 'Schedule or time zone is invalid.');
    const targets = ['httpTarget', 'pubsubTarget', 'appEngineHttpTarget'].filter(k => job[k]);
    if (targets.length !== 1) throw badRequest('Exactly one target (http_target, pubsub_target or app_engine_http_target) is required.');
    if (!job.httpTarget) throw badRequest('This fake supports only http_target jobs.');
    const t = job.httpTarget as Json;
    let url: URL;
    try {
      url = new URL(String(t.uri ?? ''));
    } catch {
      throw fieldError('job.http_target.uri', 'HttpTarget.uri must be a valid absolute URL starting with http:// or https://.');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw fieldError('job.http_target.uri', 'HttpTarget.uri must start with http:// or https://.');
    const method = String(t.httpMethod ?? 'POST');
    if (t.body && !['POST', 'PUT', 'PATCH'].includes(method)) {
      throw fieldError('job.http_target.body', 'A request body is allowed only if the HTTP method is POST, PUT or PATCH.');
    }
    if (t.oauthToken && t.oidcToken) throw badRequest("Invalid JSON payload received. oneof field 'authorization_header' is already set. Cannot set 'oidcToken'.");
    const tok = (t.oauthToken ?? t.oidcToken) as Json | undefined;
    if (tok) {
      const email = String(tok.serviceAccountEmail ?? '');
      const field = t.oauthToken ? 'job.http_target.oauth_token.service_account_email' : 'job.http_target.oidc_token.service_account_email';
      if (!email) throw fieldError(field, 'The service account email is required.');
      if (t.oidcToken && url.protocol !== 'https:') throw fieldError('job.http_target.uri', 'An OIDC token can only be sent to an https:// URL.');
      // "The service account must be within the same project as the job" (target.proto); how a
      // breach is answered is unverified (variant crossProjectInvoker, fake/FACTS.md).
      const project = /@([a-z][a-z0-9-]+)\.iam\.gserviceaccount\.com$/.exec(email)?.[1];
      if (project && project !== this.world.projectId) {
        if (this.variants.crossProjectInvoker === '400') throw fieldError(field, `The service account ${email} must be within the same project as the job.`);
        throw permissionDenied('iam.serviceAccounts.actAs', `projects/-/serviceAccounts/${email}`, `Permission 'iam.serviceaccounts.actAs' denied on service account ${email} (or it may not exist).`);
      }
      // Scheduler impersonates the account on the caller's behalf: the caller must be allowed to act as it.
      this.iam.requireActAs(who, email);
    }
    const d = job.attemptDeadline === undefined ? 180 : seconds(job.attemptDeadline);
    if (!(d >= 15 && d <= 1800)) throw fieldError('job.attempt_deadline', 'The attempt deadline for an HTTP target must be between 15 seconds and 30 minutes.');
    const r = (job.retryConfig ?? {}) as Json;
    const rc = Number(r.retryCount ?? 0);
    if (rc < 0 || rc > 5) throw fieldError('job.retry_config.retry_count', 'retry_count must be between 0 and 5.');
    if (r.maxDoublings !== undefined && (Number(r.maxDoublings) < 0 || Number(r.maxDoublings) > 16)) throw fieldError('job.retry_config.max_doublings', 'max_doublings must be between 0 and 16.');
    if (job.description !== undefined && String(job.description).length > 500) throw fieldError('job.description', 'The description must be at most 500 characters.');
  }

  /** Server-filled defaults, as a GET shows them. */
  private withDefaults(job: Json): Json {
    const out = structuredClone(job);
    out.timeZone ??= 'Etc/UTC';
    out.attemptDeadline ??= '180s';
    // A retryConfig that was not sent is not filled in (FACTS.md); a sent one gets its defaults.
    if (out.retryConfig) out.retryConfig = { maxRetryDuration: '0s', minBackoffDuration: '5s', maxBackoffDuration: '3600s', maxDoublings: 5, ...(out.retryConfig as Json) };
    const t = out.httpTarget as Json | undefined;
    if (t) {
      t.httpMethod ??= 'POST';
      const oauth = t.oauthToken as Json | undefined;
      if (oauth) oauth.scope ??= CLOUD_PLATFORM;
      const oidc = t.oidcToken as Json | undefined;
      if (oidc) oidc.audience ??= t.uri;
    }
    return out;
  }

  private scheduleTime(job: Json): string | undefined {
    const c = parseCron(String(job.schedule));
    const next = c ? nextRun(c, String(job.timeZone ?? 'Etc/UTC')) : undefined;
    return next === undefined ? undefined : rfc3339(next).replace(/\.\d+Z$/, 'Z');
  }

  private create(ctx: Ctx, who: Identity): Json {
    const [project, location] = ctx.params;
    const parent = this.parent(project, location, 'cloudscheduler.jobs.create');
    const body = decode('google.cloud.scheduler.v1.Job', ctx.body, 'job');
    const raw = String(body.name ?? '');
    const m = /^projects\/([^/]+)\/locations\/([^/]+)\/jobs\/(.+)$/.exec(raw);
    if (!m || !JOB_ID_RE.test(m[3])) {
      throw fieldError('job.name', 'Job name must be formatted: "projects/<PROJECT_ID>/locations/<LOCATION_ID>/jobs/<JOB_ID>".');
    }
    if (`projects/${m[1] === this.world.projectNumber ? this.world.projectId : m[1]}/locations/${m[2]}` !== parent) {
      throw fieldError('job.name', `Job name ${raw} must be in parent ${parent}.`);
    }
    const name = `${parent}/jobs/${m[3]}`;
    this.require(who, name, 'cloudscheduler.jobs.create');
    const job = this.withDefaults(body);
    this.validate(job, who);
    if (this.jobs.has(name)) throw googleError('ALREADY_EXISTS', 'Job already exists.');
    const now = rfc3339();
    const stored: Json = { ...job, name, userUpdateTime: now.replace(/\.\d+Z$/, 'Z'), state: 'ENABLED' };
    this.jobs.set(name, stored);
    const answer = structuredClone(stored);
    this.laterScheduleTime(name);
    return answer;
  }

  private patch(ctx: Ctx, who: Identity): Json {
    const [project, location, id] = ctx.params;
    const name = `${this.parent(project, location, 'cloudscheduler.jobs.update')}/jobs/${id}`;
    const body = decode('google.cloud.scheduler.v1.Job', ctx.body, 'job');
    this.require(who, name, 'cloudscheduler.jobs.update');
    const cur = this.getJob(name);
    const mask = ctx.query.get('updateMask');
    let next: Json;
    if (mask) {
      next = applyUpdateMask(cur, body, mask, (path, raw) => {
        if (!MUTABLE.includes(path[0])) throw fieldError('update_mask', `Invalid update_mask path: ${raw}.`);
      });
      // A replaced target drops the other target kinds (they are a oneof).
      if (mask.match(/http_target|httpTarget/)) { delete next.pubsubTarget; delete next.appEngineHttpTarget; }
    } else {
      next = { ...structuredClone(cur), ...Object.fromEntries(MUTABLE.map(k => [k, body[k]])) };
      for (const k of MUTABLE) if (next[k] === undefined) delete next[k];
    }
    next = this.withDefaults(next);
    this.validate(next, who);
    next.name = name;
    // Every update moves it, to the second (a recorded PATCH, fake/FACTS.md).
    next.userUpdateTime = rfc3339().replace(/\.\d+Z$/, 'Z');
    // UPDATE_FAILED is left by a successful UpdateJob (job.proto); which state follows is unverified: ENABLED here.
    if (cur.state === 'UPDATE_FAILED') next.state = 'ENABLED';
    this.jobs.set(name, next);
    const answer = structuredClone(next);
    this.laterScheduleTime(name);
    return answer;
  }

  /** scheduleTime is not in the create/patch answer; it shows on later reads (FACTS.md). */
  private laterScheduleTime(name: string): void {
    this.clock.later(10, () => {
      const job = this.jobs.get(name);
      const st = job && this.scheduleTime(job);
      if (job && st) job.scheduleTime = st;
    });
  }

  // ---------- the attempt ----------

  private finishAttempt(name: string, start: number, uri: string, r: AttemptResult, tries: number): void {
    const job = this.jobs.get(name);
    const statusName = statusForHttp(r.httpStatus);
    // The job's own status: how much it says is unverified (variant jobStatus, FACTS.md).
    const status: Json =
      statusName === 'OK' ? {}
        : this.variants.jobStatus === 'message' ? { code: rpcCode(statusName), message: r.message }
          : this.variants.jobStatus === 'code' ? { code: rpcCode(statusName) }
            : { code: rpcCode('UNKNOWN') };
    this.attempts.push({ job: name, uri, httpStatus: r.httpStatus, status, start: rfc3339(start), end: rfc3339() });
    this.logging?.schedulerAttempt(name, 'AttemptFinished', uri, statusName === 'OK' ? undefined : { status: statusName, httpStatus: r.httpStatus, message: r.message });
    if (!job) return;
    job.lastAttemptTime = rfc3339(start);
    job.status = status;
    const retryCount = Number((job.retryConfig as Json | undefined)?.retryCount ?? 0);
    if (statusName !== 'OK' && tries < retryCount) {
      const rc = job.retryConfig as Json;
      const backoff = Math.min(seconds(rc.minBackoffDuration) * 2 ** Math.min(tries, Number(rc.maxDoublings ?? 5)), seconds(rc.maxBackoffDuration));
      this.clock.later(backoff * this.timings.msPerSecond, () => void this.attempt(name, tries + 1));
    }
  }

  /** Performs one attempt of the job as Cloud Scheduler does, from Google's side. */
  async attempt(name: string, tries = 0): Promise<void> {
    const job = this.jobs.get(name);
    if (!job) return;
    const start = Date.now();
    const t = job.httpTarget as Json;
    const uri = String(t.uri);
    this.logging?.schedulerAttempt(name, 'AttemptStarted', uri);
    // Unverified (FACTS.md): lastAttemptTime may be written at dispatch, status only at the end.
    if (this.variants.attemptTime === 'start') job.lastAttemptTime = rfc3339(start);
    const deadlineMs = seconds(job.attemptDeadline) * this.timings.msPerSecond;
    let r: AttemptResult;
    try {
      r = await this.call(job, t, uri, deadlineMs);
    } catch (e) {
      r = { httpStatus: 500, message: (e as Error).message };
    }
    this.finishAttempt(name, start, uri, r, tries);
  }

  private async call(job: Json, t: Json, uri: string, deadlineMs: number): Promise<AttemptResult> {
    const url = new URL(uri);
    const method = String(t.httpMethod ?? 'POST');
    const body = t.body ? Buffer.from(String(t.body), 'base64').toString('utf8') : '';
    const headers: Record<string, string> = { ...((t.headers ?? {}) as Record<string, string>) };
    headers['User-Agent'] = 'Google-Cloud-Scheduler';
    headers['X-CloudScheduler'] = 'true';
    headers['X-CloudScheduler-JobName'] = String(job.name).split('/').pop()!;
    headers['X-CloudScheduler-ScheduleTime'] = rfc3339();
    if (body && !Object.keys(headers).some(h => h.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/octet-stream';

    // Scheduler's service agent mints the token for the job's account.
    let bearer: string | undefined;
    let tokenKind: 'oauth' | 'oidc' | undefined;
    const oauth = t.oauthToken as Json | undefined;
    const oidc = t.oidcToken as Json | undefined;
    const email = String((oauth ?? oidc)?.serviceAccountEmail ?? '');
    if (email && !this.iam.serviceAccounts.has(email)) {
      return { httpStatus: 403, message: `Cloud Scheduler could not get a token for ${email}: the service account does not exist.` };
    }
    if (oauth) {
      const scope = String(oauth.scope ?? CLOUD_PLATFORM);
      bearer = this.auth.issueAccessToken(this.iam.identityOfServiceAccount(email), 3600, undefined, scope.split(/[\s,]+/).filter(Boolean)).token;
      tokenKind = 'oauth';
    } else if (oidc) {
      bearer = this.auth.idToken(email, String(oidc.audience ?? uri), true);
      tokenKind = 'oidc';
    }
    if (bearer) headers.Authorization = `Bearer ${bearer}`;

    const host = url.hostname;
    if (host.endsWith('.googleapis.com')) {
      // A Google API: its front end wants an OAuth access token; an ID token is rejected.
      const who = tokenKind === 'oauth' && bearer ? this.auth.lookup(bearer) : undefined;
      if (!who) return { httpStatus: 401, message: 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.' };
      // Cloud Run Admin API methods need the cloud-platform scope; a token without it is refused.
      if (!(this.auth.scopesOf(bearer!) ?? [CLOUD_PLATFORM]).includes(CLOUD_PLATFORM)) {
        return { httpStatus: 403, message: 'Request had insufficient authentication scopes.' };
      }
      const { v1, v2 } = runJobUri(url);
      if (method !== 'POST') return { httpStatus: 404, message: `Method ${method} not found for ${url.pathname}.` };
      let parsed: Json = {};
      try {
        parsed = body ? (JSON.parse(body) as Json) : {};
      } catch {
        return { httpStatus: 400, message: 'Invalid JSON payload received.' };
      }
      if (v1 && /^[a-z0-9-]+-run\.googleapis\.com$/.test(host)) return this.run.runJobV1(who, host, v1[1], v1[2], parsed);
      if (v2 && host === 'run.googleapis.com') return this.run.runJobV1(who, `${v2[2]}-run.googleapis.com`, v2[1], v2[3], parsed);
      return { httpStatus: 404, message: `The requested URL ${url.pathname} was not found on this server.` };
    }
    if (host.endsWith('.run.app')) {
      return this.run.invokeService(url, method, lowerKeys(headers), body, deadlineMs);
    }
    return { httpStatus: 503, message: `The fake cannot reach ${url.host}.` };
  }

  // ---------- routes ----------

  /**
   * Cloud Scheduler's per-project request quotas, off unless set (fake.setSchedulerQuotas): 1,250
   * read and 500 write requests a minute by default (https://cloud.google.com/scheduler/quotas).
   */
  quotas = { read: Infinity, write: Infinity };
  /** Requests answered 429 for a quota, by kind. */
  throttled = { read: 0, write: 0 };
  private buckets = { read: { tokens: 0, at: 0 }, write: { tokens: 0, at: 0 } };

  setQuotas(q: { readsPerMinute?: number; writesPerMinute?: number }): void {
    this.quotas = { read: q.readsPerMinute ?? 1250, write: q.writesPerMinute ?? 500 };
    this.buckets = { read: { tokens: this.quotas.read, at: Date.now() }, write: { tokens: this.quotas.write, at: Date.now() } };
  }

  private takeQuota(kind: 'read' | 'write'): void {
    const cap = this.quotas[kind];
    if (cap === Infinity) return;
    const b = this.buckets[kind];
    const now = Date.now();
    b.tokens = Math.min(cap, b.tokens + ((now - b.at) / 60_000) * cap);
    b.at = now;
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return;
    }
    this.throttled[kind]++;
    // The shape of other Google APIs' recorded quota answers (fake/FACTS.md); Scheduler's own wording is unverified.
    const metric = kind === 'read' ? 'Read requests' : 'Write requests';
    throw googleError('RESOURCE_EXHAUSTED',
      `Quota exceeded for quota metric '${metric}' and limit '${metric} per minute' of service 'cloudscheduler.googleapis.com' for consumer 'project_number:${this.world.projectNumber}'.`,
      [{
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'RATE_LIMIT_EXCEEDED', domain: 'googleapis.com',
        metadata: { consumer: `projects/${this.world.projectNumber}`, quota_limit_value: String(cap), service: 'cloudscheduler.googleapis.com' },
      }], 429);
  }

  register(outer: Router): void {
    // Every route counts against the project's read (GET) or write (any other) quota.
    const router = {
      add: (method: string, re: RegExp, service: Parameters<Router['add']>[2], handler: Parameters<Router['add']>[3]) =>
        outer.add(method, re, service, ctx => {
          this.takeQuota(method === 'GET' ? 'read' : 'write');
          return handler(ctx);
        }),
    };
    const P = '^/v1/projects/([^/]+)/locations';
    const J = `${P}/([^/]+)/jobs/([^/:]+)`;
    router.add('GET', new RegExp(`${P}$`), 'scheduler', ctx => {
      const who = this.auth.identify(ctx);
      const [project] = ctx.params;
      if (project !== this.world.projectId && project !== this.world.projectNumber) throw permissionDenied('cloudscheduler.locations.list', `projects/${project}`);
      this.require(who, `projects/${this.world.projectId}`, 'cloudscheduler.locations.list');
      return { locations: SCHEDULER_REGIONS.map(l => this.location(project, l)) };
    });
    router.add('GET', new RegExp(`${P}/([^/]+)$`), 'scheduler', ctx => {
      const who = this.auth.identify(ctx);
      const [project, location] = ctx.params;
      this.parent(project, location, 'cloudscheduler.locations.get');
      this.require(who, `projects/${this.world.projectId}`, 'cloudscheduler.locations.get');
      return this.location(project, location);
    });
    router.add('POST', new RegExp(`${P}/([^/]+)/jobs$`), 'scheduler', ctx => this.create(ctx, this.auth.identify(ctx)));
    router.add('GET', new RegExp(`${P}/([^/]+)/jobs$`), 'scheduler', ctx => {
      const who = this.auth.identify(ctx);
      const [project, location] = ctx.params;
      const parent = this.parent(project, location, 'cloudscheduler.jobs.list');
      this.require(who, parent, 'cloudscheduler.jobs.list');
      const jobs = [...this.jobs.values()].filter(j => String(j.name).startsWith(`${parent}/`));
      return page(jobs, ctx.query, 'jobs', 500);
    });
    const named = (ctx: Ctx, who: Identity, permission: string): string => {
      const [project, location, id] = ctx.params;
      const name = `${this.parent(project, location, permission)}/jobs/${id}`;
      this.require(who, name, permission);
      return name;
    };
    router.add('GET', new RegExp(`${J}$`), 'scheduler', ctx => this.getJob(named(ctx, this.auth.identify(ctx), 'cloudscheduler.jobs.get')));
    router.add('PATCH', new RegExp(`${J}$`), 'scheduler', ctx => this.patch(ctx, this.auth.identify(ctx)));
    router.add('DELETE', new RegExp(`${J}$`), 'scheduler', ctx => {
      const name = named(ctx, this.auth.identify(ctx), 'cloudscheduler.jobs.delete');
      this.getJob(name);
      this.jobs.delete(name);
      return {};
    });
    router.add('POST', new RegExp(`${J}:pause$`), 'scheduler', ctx => {
      const job = this.getJob(named(ctx, this.auth.identify(ctx), 'cloudscheduler.jobs.pause'));
      // "A job must be in Job.State.ENABLED to be paused" (cloudscheduler.proto PauseJob).
      if (job.state !== 'ENABLED') throw googleError('FAILED_PRECONDITION', `Job is ${String(job.state)}: only an ENABLED job can be paused.`);
      job.state = 'PAUSED';
      return job;
    });
    router.add('POST', new RegExp(`${J}:resume$`), 'scheduler', ctx => {
      const job = this.getJob(named(ctx, this.auth.identify(ctx), 'cloudscheduler.jobs.enable'));
      // "A job must be in Job.State.PAUSED to be resumed" (cloudscheduler.proto ResumeJob).
      if (job.state !== 'PAUSED') throw googleError('FAILED_PRECONDITION', `Job is ${String(job.state)}: only a PAUSED job can be resumed.`);
      job.state = 'ENABLED';
      const st = this.scheduleTime(job);
      if (st) job.scheduleTime = st;
      return job;
    });
    router.add('POST', new RegExp(`${J}:run$`), 'scheduler', ctx => {
      const name = named(ctx, this.auth.identify(ctx), 'cloudscheduler.jobs.run');
      const job = this.getJob(name);
      // Unverified (FACTS.md): a paused job may run on demand, or be refused.
      if (job.state === 'PAUSED' && this.variants.pausedRun === 'refused') {
        throw googleError('FAILED_PRECONDITION', 'Job is paused: resume it before running it.');
      }
      // The attempt happens asynchronously, shortly after; the call answers with the job at once.
      this.clock.later(this.timings.dispatchMs, () => void this.attempt(name));
      return job;
    });
  }

  private location(project: string, l: string): Json {
    return { name: `projects/${project}/locations/${l}`, locationId: l, labels: { 'cloud.googleapis.com/region': l } };
  }
}

function lowerKeys(h: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
}
