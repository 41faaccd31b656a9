// The HTTP trace of step debug logging (RUNNER_DEBUG=1, or the ACTIONS_STEP_DEBUG secret set to
// true): every exchange with GitHub and Google as one `::debug::` line — method, URL, status,
// duration, and the JSON bodies with every token, Authorization header, env var value and secret
// reference redacted. It is what a user attaches to a bug report from a real project, so the
// redaction is the point: by field name (tokens, credentials, `value`, `valueSource`, trigger
// bodies), then by pattern (JWTs, access tokens, bearer headers: errors/scrub.ts), then every
// env var value and secret reference of this run's inputs wherever it appears.
// Light on purpose: it is loaded at start-up, before the first request.
import { registerSecretValues, scrubSecrets } from '../errors/scrub.js';
import { debug } from '../report/runner.js';

export const REDACTED = '[REDACTED]';
/** A body longer than this is cut (an HTML error page, a long list). */
const MAX_BODY_CHARS = 4000;

/** Keys whose string values are credentials. */
const SECRET_KEY = /token|secret|password|assertion|authorization|credential|private_?key|api_?key/i;
/** Keys whose values are redacted whole: env var values, secret references, trigger bodies (they may carry env overrides). */
const VALUE_KEYS = new Set(['value', 'valueSource', 'body']);

const state = { enabled: false };

export function traceEnabled(env: NodeJS.ProcessEnv): boolean {
  return env.RUNNER_DEBUG === '1' || /^true$/i.test(env.ACTIONS_STEP_DEBUG ?? '');
}

/**
 * Turns the trace on when step debug logging is, and registers this run's env var values and
 * secret references with the one scrubbing function (errors/scrub.ts), which every message
 * goes through too. Values shorter than MIN_SCRUBBED_LENGTH are redacted by field only.
 */
export function configureTrace(env: NodeJS.ProcessEnv, sensitive: readonly string[]): void {
  state.enabled = traceEnabled(env);
  registerSecretValues(sensitive);
}

/** A copy of a JSON value with credentials, env var values and secret references replaced. */
export function redactJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactJson);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => {
        if (v === null || v === undefined) return [k, v];
        if (VALUE_KEYS.has(k) || (SECRET_KEY.test(k) && typeof v !== 'object')) return [k, REDACTED];
        return [k, redactJson(v)];
      }),
    );
  }
  return value;
}


/** A request or response body as the trace shows it: parsed (JSON or a form), redacted, one line. */
function showBody(body: unknown): string | undefined {
  if (body === undefined || body === null || body === '') return undefined;
  let parsed: unknown = body;
  if (body instanceof URLSearchParams) parsed = Object.fromEntries(body);
  else if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = /^[\w.~-]+=[^&]*(&[\w.~-]+=[^&]*)*$/.test(body) ? Object.fromEntries(new URLSearchParams(body)) : body;
    }
  } else if (typeof body !== 'object') parsed = String(body);
  const text = typeof parsed === 'string' ? parsed.replace(/\s+/g, ' ').trim() : JSON.stringify(redactJson(parsed));
  const cut = text.length > MAX_BODY_CHARS ? `${text.slice(0, MAX_BODY_CHARS)}… (${text.length} chars)` : text;
  return scrubSecrets(cut);
}

export interface Exchange {
  method: string;
  url: string;
  /** HTTP status, or why there was none (a timeout, a dropped connection). */
  status: number | string;
  ms: number;
  request?: unknown;
  response?: unknown;
}

/** Writes one exchange to the debug log (when tracing). */
export function traceExchange(x: Exchange): void {
  if (!state.enabled) return;
  const parts = [`HTTP ${x.method.toUpperCase()} ${scrubSecrets(x.url)} -> ${x.status} (${Math.round(x.ms)} ms)`];
  const request = showBody(x.request);
  if (request) parts.push(`request: ${request}`);
  const response = showBody(x.response);
  if (response) parts.push(`response: ${response}`);
  debug(parts.join(' | '));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Fetch = (input: any, init?: any) => Promise<any>;
interface ResponseLike {
  status: number;
  statusText: string;
  headers: unknown;
  url?: string;
  text(): Promise<string>;
}

/**
 * A fetch that traces every exchange. The response body is read here and handed on as a new
 * Response of the same class (cloning would stall a body larger than the stream's buffer).
 */
export function tracedFetch<F extends Fetch>(inner: F): F {
  const traced = async (input: unknown, init?: { method?: string; body?: unknown }): Promise<unknown> => {
    if (!state.enabled) return inner(input, init);
    const started = performance.now();
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : String((input as { url?: string }).url ?? input);
    const method = init?.method ?? 'GET';
    let res: ResponseLike;
    try {
      res = (await inner(input, init)) as ResponseLike;
    } catch (err) {
      traceExchange({ method, url, status: `failed (${err instanceof Error ? err.message : String(err)})`, ms: performance.now() - started, request: init?.body });
      throw err;
    }
    const text = await res.text();
    traceExchange({ method, url, status: res.status, ms: performance.now() - started, request: init?.body, response: text });
    const Response = res.constructor as new (body: string, init: object) => ResponseLike;
    const empty = res.status === 204 || res.status === 304;
    return new Response(empty ? (null as unknown as string) : text, { status: res.status, statusText: res.statusText, headers: res.headers, url: res.url });
  };
  return traced as unknown as F;
}
