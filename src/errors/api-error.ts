// Reads the facts out of a failed Google API call, whatever shape it arrives in:
// - google-gax GoogleError (REST fallback): `code` = gRPC number, `httpStatusCode`,
//   `reason`/`domain`/`errorInfoMetadata` promoted from google.rpc.ErrorInfo, `statusDetails`;
// - gaxios GaxiosError: `status` = HTTP, `code` = HTTP number or a system code string,
//   `response.data` = the AIP-193 body `{error: {code, message, status, details}}` (or an
//   OAuth body `{error, error_description}` from STS);
// - a google.rpc.Status (an LRO `error`, a Scheduler attempt `status`): `{code, message}`;
// - anything else: its message.
import { scrubSecrets } from './scrub.js';

/** google.rpc.Code names, indexed by number. */
export const GRPC_CODE_NAMES = [
  'OK', 'CANCELLED', 'UNKNOWN', 'INVALID_ARGUMENT', 'DEADLINE_EXCEEDED', 'NOT_FOUND', 'ALREADY_EXISTS',
  'PERMISSION_DENIED', 'RESOURCE_EXHAUSTED', 'FAILED_PRECONDITION', 'ABORTED', 'OUT_OF_RANGE',
  'UNIMPLEMENTED', 'INTERNAL', 'UNAVAILABLE', 'DATA_LOSS', 'UNAUTHENTICATED',
] as const;

// The mapping google-gax applies (status.ts rpcCodeFromHttpStatusCode), for errors that carry
// only an HTTP status.
const HTTP_TO_GRPC: Record<number, number> = {
  400: 3, 401: 16, 403: 7, 404: 5, 409: 10, 412: 9, 416: 11, 429: 8, 499: 1, 501: 12, 503: 14, 504: 4,
};

export interface ApiErrorFacts {
  /** The API's own message, scrubbed of anything token-like. */
  message: string;
  httpStatus?: number;
  /** gRPC code as the error carries it (not derived from the HTTP status). */
  grpcCode?: number;
  /** google.rpc.ErrorInfo reason, e.g. IAM_PERMISSION_DENIED, SERVICE_DISABLED. */
  reason?: string;
  domain?: string;
  /** google.rpc.ErrorInfo metadata, e.g. {permission, resource} or {service, consumer}. */
  metadata: Record<string, string>;
  /** OAuth error code of an STS response, e.g. invalid_grant. */
  oauthError?: string;
  oauthDescription?: string;
  /** Node/undici system code of a transport failure, e.g. ECONNRESET. */
  systemCode?: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function grpcFromName(name: unknown): number | undefined {
  const i = GRPC_CODE_NAMES.indexOf(name as (typeof GRPC_CODE_NAMES)[number]);
  return i >= 0 ? i : undefined;
}

/** Parsed body of a gaxios response (object, or JSON text). */
function responseBody(err: Obj): Obj | undefined {
  const data = isObj(err.response) ? err.response.data : undefined;
  if (isObj(data)) return data;
  if (typeof data === 'string') {
    try {
      const parsed: unknown = JSON.parse(data);
      return isObj(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The google.rpc.ErrorInfo among raw JSON details or decoded statusDetails. */
function errorInfo(details: unknown): Obj | undefined {
  if (!Array.isArray(details)) return undefined;
  return details.find(
    (d): d is Obj =>
      isObj(d) && (d['@type'] === 'type.googleapis.com/google.rpc.ErrorInfo' || (typeof d.reason === 'string' && isObj(d.metadata))),
  );
}

function stringRecord(v: unknown): Record<string, string> {
  if (!isObj(v)) return {};
  return Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** The facts of `err`, from whichever fields it carries. */
export function readApiError(err: unknown): ApiErrorFacts {
  if (!isObj(err)) return { message: scrubSecrets(String(err)), metadata: {} };
  const body = responseBody(err);
  const apiBody = body && isObj(body.error) ? body.error : undefined; // AIP-193
  const oauth = body && typeof body.error === 'string' ? body : undefined; // RFC 6749 §5.2
  const info = errorInfo(apiBody?.details) ?? errorInfo(err.statusDetails);

  const code = num(err.code);
  const httpStatus =
    num(err.httpStatusCode) ?? num(err.status) ?? (isObj(err.response) ? num(err.response.status) : undefined) ??
    num(apiBody?.code) ?? (code !== undefined && code >= 100 ? code : undefined);
  const grpcCode = (code !== undefined && code < 100 ? code : undefined) ?? grpcFromName(apiBody?.status) ?? grpcFromName(err.status);

  const message = str(apiBody?.message) ?? str(err.message) ?? (oauth ? `${String(oauth.error)}` : String(err));
  const cause = isObj(err.cause) ? err.cause : undefined;
  return {
    message: scrubSecrets(message),
    httpStatus,
    grpcCode,
    reason: str(err.reason) ?? str(info?.reason),
    domain: str(err.domain) ?? str(info?.domain),
    metadata: { ...stringRecord(info?.metadata), ...stringRecord(err.errorInfoMetadata) },
    oauthError: str(oauth?.error),
    oauthDescription: str(oauth?.error_description),
    systemCode: str(err.code) ?? str(cause?.code),
  };
}

/** The gRPC code of `facts`: as carried, else mapped from the HTTP status like google-gax does. */
export function grpcCodeOf(facts: ApiErrorFacts): number | undefined {
  if (facts.grpcCode !== undefined) return facts.grpcCode;
  const http = facts.httpStatus;
  if (http === undefined) return undefined;
  return HTTP_TO_GRPC[http] ?? (http >= 500 && http < 600 ? 13 : http >= 400 && http < 500 ? 9 : undefined);
}

/** 'HTTP 403, PERMISSION_DENIED' — whichever parts are known. */
export function statusLabel(facts: ApiErrorFacts): string {
  const code = grpcCodeOf(facts);
  return [facts.httpStatus && `HTTP ${facts.httpStatus}`, code !== undefined && GRPC_CODE_NAMES[code]].filter(Boolean).join(', ');
}

// Classification: an error matches when either its HTTP status or its gRPC code says so
// (a GoogleError for HTTP 409 + status ALREADY_EXISTS carries code 6 and httpStatusCode 409).
function matches(err: unknown, http: readonly number[], grpc: readonly number[]): boolean {
  const f = readApiError(err);
  return (f.httpStatus !== undefined && http.includes(f.httpStatus)) || (f.grpcCode !== undefined && grpc.includes(f.grpcCode));
}

// Connection-level failures worth one more try (ECONNREFUSED is not: nothing listens).
const TRANSIENT_SYSTEM_CODES = ['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'UND_ERR_SOCKET', 'TimeoutError'];

/** 429, 5xx gateway errors, RESOURCE_EXHAUSTED / UNAVAILABLE / INTERNAL / DEADLINE_EXCEEDED, dropped connections. */
export function isRetryable(err: unknown): boolean {
  if (matches(err, [429, 500, 502, 503, 504], [8, 14, 13, 4])) return true;
  const system = readApiError(err).systemCode;
  return system !== undefined && TRANSIENT_SYSTEM_CODES.includes(system);
}

/** 409, ALREADY_EXISTS, ABORTED (a stale etag). */
export const isConflict = (err: unknown): boolean => matches(err, [409], [6, 10]);
/** 404, NOT_FOUND. */
export const isNotFound = (err: unknown): boolean => matches(err, [404], [5]);

/** What `call` answers, or undefined when Google says the resource does not exist (a read of nothing, a deletion of what is gone). */
export async function unlessNotFound<T>(call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}
/**
 * 429, RESOURCE_EXHAUSTED: a quota; back off harder and poll slower. Also the only answer after
 * which a call that must not run twice (a job's or a Scheduler job's :run) is sent again: Google
 * turned the request away before doing anything. A 503, a 500, a 504 or a dropped connection
 * leave it unknown whether the work started.
 */
export const isQuotaError = (err: unknown): boolean => matches(err, [429], [8]);
/** 403, PERMISSION_DENIED. */
export const isPermissionDenied = (err: unknown): boolean => matches(err, [403], [7]);

