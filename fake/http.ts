// Routing, Google-style errors, the request log, latency and fault injection.
// Every API module registers routes here; the server feeds each request through `dispatch`.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';

export type Service = 'github' | 'sts' | 'iamcredentials' | 'run' | 'scheduler' | 'logging' | 'monitoring' | 'control';

export interface RequestLogEntry {
  method: string;
  path: string;
  query: string;
  status: number;
  service: Service;
  /** performance.now() of the fake's process when the request arrived / the answer was sent */
  start: number;
  end: number;
  /** Date.now() when the request arrived, to line up with another process's clock */
  at: number;
  body?: unknown;
}

export interface Fault {
  method?: string;
  /** a string matches when the request path contains it; a RegExp is tested on the path */
  path: string | RegExp;
  /** the first matching call that fails, 1-based (default 1) */
  nth?: number;
  status: number;
  /** how many consecutive matching calls fail, from the nth (default 1) */
  times?: number;
  message?: string;
}

interface FaultState extends Fault { seen: number; fired: number }

/** google.rpc.Code names by number, and the HTTP status each maps to. */
export const RPC_CODES: Record<string, [number, number]> = {
  OK: [0, 200], CANCELLED: [1, 499], UNKNOWN: [2, 500], INVALID_ARGUMENT: [3, 400],
  DEADLINE_EXCEEDED: [4, 504], NOT_FOUND: [5, 404], ALREADY_EXISTS: [6, 409],
  PERMISSION_DENIED: [7, 403], RESOURCE_EXHAUSTED: [8, 429], FAILED_PRECONDITION: [9, 400],
  ABORTED: [10, 409], OUT_OF_RANGE: [11, 400], UNIMPLEMENTED: [12, 501], INTERNAL: [13, 500],
  UNAVAILABLE: [14, 503], DATA_LOSS: [15, 500], UNAUTHENTICATED: [16, 401],
};

export function rpcCode(status: string): number {
  return RPC_CODES[status]?.[0] ?? 2;
}

/** The canonical status name for an HTTP status (used for injected faults and attempt results). */
export function statusForHttp(http: number): string {
  const direct: Record<number, string> = {
    400: 'INVALID_ARGUMENT', 401: 'UNAUTHENTICATED', 403: 'PERMISSION_DENIED', 404: 'NOT_FOUND',
    409: 'ABORTED', 429: 'RESOURCE_EXHAUSTED', 499: 'CANCELLED', 500: 'INTERNAL', 501: 'UNIMPLEMENTED',
    503: 'UNAVAILABLE', 504: 'DEADLINE_EXCEEDED',
  };
  if (direct[http]) return direct[http];
  if (http >= 500) return 'UNKNOWN';
  if (http >= 400) return 'FAILED_PRECONDITION';
  return 'OK';
}

/** An error answered as Google's JSON error envelope (or a raw body for the OAuth-style STS). */
export class ApiError extends Error {
  status: number;
  body: unknown;
  constructor(status: number, body: unknown, message: string) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

export function googleError(statusName: string, message: string, details?: unknown[], http?: number): ApiError {
  // In REST JSON the envelope's `code` is the HTTP status, `status` the google.rpc.Code name.
  const status = http ?? RPC_CODES[statusName]?.[1] ?? 500;
  const error: Record<string, unknown> = { code: status, message, status: statusName };
  if (details?.length) error.details = details;
  return new ApiError(status, { error }, message);
}

export function badRequest(message: string, violations: { field: string; description: string }[] = []): ApiError {
  return googleError('INVALID_ARGUMENT', message, violations.length
    ? [{ '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: violations }]
    : undefined);
}

/** One bad field: the message names it, as the real APIs do. */
export function fieldError(field: string, description: string): ApiError {
  return badRequest(description, [{ field, description }]);
}

export function permissionDenied(permission: string, resource: string, message?: string): ApiError {
  return googleError('PERMISSION_DENIED',
    message ?? `Permission '${permission}' denied on resource '${resource}' (or resource may not exist).`,
    [{
      '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'IAM_PERMISSION_DENIED',
      domain: 'iam.googleapis.com', metadata: { permission, resource },
    }]);
}

export function notFound(message: string): ApiError {
  return googleError('NOT_FOUND', message);
}

/** The front end's answer to a URL no API serves: 404 with an HTML page (a string body is sent as text/html). */
export function urlNotFoundHtml(path: string): ApiError {
  const html = `<!DOCTYPE html>\n<html lang=en>\n  <meta charset=utf-8>\n  <title>Error 404 (Not Found)!!1</title>\n` +
    `  <p><b>404.</b> <ins>That\u2019s an error.</ins>\n  <p>The requested URL <code>${path}</code> was not found on this server.  <ins>That\u2019s all we know.</ins>\n`;
  return new ApiError(404, html, 'not found');
}

/** The same as JSON (the error envelope some front ends give). */
export function urlNotFoundJson(path: string): ApiError {
  return new ApiError(404, { error: { code: 404, message: `The requested URL ${path} was not found on this server.`, status: 'NOT_FOUND' } }, 'not found');
}

export interface Ctx {
  req: IncomingMessage;
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  rawBody: string;
  /** parsed JSON (or form) body; undefined when empty */
  body: unknown;
  /** regexp groups of the route, decoded */
  params: string[];
}

export interface Reply { status?: number; body?: unknown; headers?: Record<string, string>; text?: string }
export type Handler = (ctx: Ctx) => Promise<Reply | object> | Reply | object;

interface Route { method: string; re: RegExp; service: Service; handler: Handler }

export function isReply(x: unknown): x is Reply {
  return typeof x === 'object' && x !== null && ('status' in x || 'text' in x) && Object.keys(x).every(k => ['status', 'body', 'headers', 'text'].includes(k));
}

const SECRET_KEYS = /^(subject_?token|subjectToken|access_?token|accessToken|id_?token|token|assertion|client_?secret|password)$/i;

/** Copies a request body for the log without anything that looks like a credential. */
function redact(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(redact);
  if (x && typeof x === 'object') {
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, SECRET_KEYS.test(k) && typeof v === 'string' ? '[redacted]' : redact(v)]));
  }
  return x;
}

export const sleep = (ms: number): Promise<void> => new Promise(r => setTimeout(r, ms));

export class Router {
  routes: Route[] = [];
  requests: RequestLogEntry[] = [];
  faults: FaultState[] = [];
  latencyMs = 0;
  routeLatency: { path: string | RegExp; ms: number }[] = [];
  quiet = true;

  add(method: string, re: RegExp, service: Service, handler: Handler): void {
    this.routes.push({ method, re, service, handler });
  }

  injectFault(f: Fault): void {
    this.faults.push({ ...f, seen: 0, fired: 0 });
  }

  clearFaults(): void {
    this.faults = [];
  }

  setLatency(ms: number, path?: string | RegExp): void {
    if (path === undefined) this.latencyMs = ms;
    else this.routeLatency.push({ path, ms });
  }

  private matches(p: string | RegExp, path: string): boolean {
    return typeof p === 'string' ? path.includes(p) : p.test(path);
  }

  private fault(method: string, path: string): FaultState | undefined {
    let hit: FaultState | undefined;
    for (const f of this.faults) {
      if (f.method && f.method.toUpperCase() !== method) continue;
      if (!this.matches(f.path, path)) continue;
      f.seen++;
      const nth = f.nth ?? 1;
      const times = f.times ?? 1;
      if (!hit && f.seen >= nth && f.fired < times) {
        f.fired++;
        hit = f;
      }
    }
    return hit;
  }

  private latencyFor(path: string): number {
    let ms = this.latencyMs;
    for (const r of this.routeLatency) if (this.matches(r.path, path)) ms = r.ms;
    return ms;
  }

  /** Every token (GitHub OIDC, STS, access, ID token) this server handed to a caller, in order. */
  readonly tokensSent: string[] = [];

  private noteTokensSent(service: Service, body: unknown): void {
    if (service !== 'github' && service !== 'sts' && service !== 'iamcredentials') return;
    if (!body || typeof body !== 'object') return;
    for (const key of ['value', 'access_token', 'id_token', 'accessToken', 'token']) {
      const v = (body as Record<string, unknown>)[key];
      if (typeof v === 'string' && v) this.tokensSent.push(v);
    }
  }

  async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const start = performance.now();
    const at = Date.now();
    const url = new URL(req.url ?? '/', 'http://fake');
    // The REST clients percent-encode some characters of resource names (':' in verbs, '@' in emails).
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      path = url.pathname;
    }
    const method = (req.method ?? 'GET').toUpperCase();
    const rawBody = await readBody(req);
    const service = serviceOf(path);
    let status = 500;
    let logBody: unknown;
    try {
      if (service !== 'control') {
        const ms = this.latencyFor(path);
        if (ms > 0) await sleep(ms);
      }
      const body = parseBody(rawBody, req.headers['content-type']);
      logBody = body === undefined ? undefined : redact(body);
      const f = service === 'control' ? undefined : this.fault(method, path);
      if (f) throw faultError(f, service);
      const route = this.find(method, path);
      const ctx: Ctx = {
        req, method, path, query: url.searchParams, headers: req.headers, rawBody, body,
        params: route.params,
      };
      const out = await route.route.handler(ctx);
      const reply: Reply = isReply(out) ? out : { body: out };
      this.noteTokensSent(service, reply.body);
      status = reply.status ?? 200;
      send(res, status, reply);
    } catch (e) {
      if (e instanceof ApiError) {
        status = e.status;
        send(res, status, typeof e.body === 'string'
          ? { text: e.body, headers: { 'content-type': 'text/html; charset=UTF-8' } }
          : { body: e.body });
      } else {
        status = 500;
        if (!this.quiet) console.error('fake: handler crashed', e);
        send(res, 500, { body: { error: { code: 500, message: `Internal error in the fake: ${(e as Error).message}`, status: 'INTERNAL' } } });
      }
    }
    if (service !== 'control') {
      const entry: RequestLogEntry = { method, path, query: url.search.replace(/^\?/, ''), status, service, start, end: performance.now(), at };
      if (logBody !== undefined) entry.body = logBody;
      this.requests.push(entry);
      if (!this.quiet) console.error(`fake: ${method} ${path} -> ${status} (${(entry.end - start).toFixed(0)} ms)`);
    }
  }

  private find(method: string, path: string): { route: Route; params: string[] } {
    let pathMatched = false;
    for (const route of this.routes) {
      const m = route.re.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      return { route, params: m.slice(1).map(x => x ?? '') };
    }
    if (pathMatched) {
      // Google's front end answers a known path with an unsupported verb with 404 too, but 405 reads better in tests.
      throw googleError('NOT_FOUND', `Method ${method} is not allowed on ${path}.`, undefined, 405);
    }
    throw urlNotFoundJson(path);
  }
}

function serviceOf(path: string): Service {
  if (path.startsWith('/__fake/')) return 'control';
  if (path.startsWith('/github/')) return 'github';
  if (path === '/v1/token') return 'sts';
  if (path.startsWith('/oauth2/')) return 'iamcredentials';
  if (path.startsWith('/v1/projects/-/serviceAccounts/') || /^\/v1\/projects\/[^/]+\/serviceAccounts\//.test(path)) return 'iamcredentials';
  if (path.startsWith('/v2/entries')) return 'logging';
  if (path.startsWith('/v3/')) return 'monitoring';
  if (path.startsWith('/v2/')) return 'run';
  return 'scheduler';
}

const SERVICE_HOSTS: Record<Service, string> = {
  run: 'run.googleapis.com', scheduler: 'cloudscheduler.googleapis.com', sts: 'sts.googleapis.com',
  iamcredentials: 'iamcredentials.googleapis.com', logging: 'logging.googleapis.com', monitoring: 'monitoring.googleapis.com', github: 'github', control: 'fake',
};

function faultError(f: Fault, service: Service): ApiError {
  const statusName = statusForHttp(f.status);
  const host = SERVICE_HOSTS[service];
  if (f.status === 429) {
    const msg = f.message ?? `Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per region' of service '${host}' for consumer 'project_number:123456789012'.`;
    return googleError('RESOURCE_EXHAUSTED', msg, [{
      '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'RATE_LIMIT_EXCEEDED', domain: 'googleapis.com',
      metadata: { quota_metric: `${host}/read_requests`, quota_limit: 'ReadRequestsPerMinutePerProjectPerRegion', service: host, consumer: 'projects/123456789012' },
    }], 429);
  }
  const defaults: Record<string, string> = {
    UNAVAILABLE: 'The service is currently unavailable.',
    INTERNAL: 'Internal error encountered.',
    ABORTED: 'The operation was aborted.',
    DEADLINE_EXCEEDED: 'The request deadline was exceeded.',
  };
  return googleError(statusName, f.message ?? defaults[statusName] ?? `Injected fault (${f.status}).`, undefined, f.status);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseBody(raw: string, contentType: string | undefined): unknown {
  if (!raw) return undefined;
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(raw));
  }
  try {
    return JSON.parse(raw);
  } catch {
    throw badRequest(`Invalid JSON payload received. Unexpected token.\n${raw.slice(0, 40)}\n^`);
  }
}

function send(res: ServerResponse, status: number, reply: Reply): void {
  if (res.headersSent) return;
  const headers: Record<string, string> = { ...(reply.headers ?? {}) };
  let payload: string;
  if (reply.text !== undefined) {
    payload = reply.text;
    headers['content-type'] ??= 'text/plain; charset=utf-8';
  } else {
    payload = JSON.stringify(reply.body ?? {}, null, 2);
    headers['content-type'] ??= 'application/json; charset=UTF-8';
  }
  res.writeHead(status, headers);
  res.end(payload);
}

/** Timers the fake schedules (operations, tasks, attempts); all cleared on close. */
export class Clock {
  private timers = new Set<NodeJS.Timeout>();
  later(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, Math.max(0, ms));
    this.timers.add(t);
  }
  clear(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}

export function rfc3339(ms = Date.now()): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}
