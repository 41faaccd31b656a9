// The Cloud Scheduler job the action wants, and its managed fields as the planner compares
// them. The trigger's auth is the product's core promise: a Cloud Run job is run through
// the Admin API with an OAuth token; a service is called at its URL with an OIDC token
// whose audience is the service URL itself (never with the path).
import type { protos } from '@google-cloud/scheduler';
import type { Config } from '../config/types.js';
import { recordOf, toDescription } from '../ownership/record.js';
import { bytesBase64, duration, durationSeconds, enumName, toNumber } from '../google/values.js';

export type SchedulerJob = protos.google.cloud.scheduler.v1.IJob;

export const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
export const DEFAULT_ATTEMPT_DEADLINE = 180;
/** Placeholder while a new service has no URL yet; replaced by re-planning after deploy. */
export const URL_AFTER_DEPLOY = '(the service URL, known after deploy)';

const HTTP_METHODS = ['HTTP_METHOD_UNSPECIFIED', 'POST', 'GET', 'HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'] as const;
export const SCHEDULER_STATES = ['STATE_UNSPECIFIED', 'ENABLED', 'PAUSED', 'DISABLED', 'UPDATE_FAILED'] as const;

/** The documented URI that runs a Cloud Run job (regional host, v1 namespaces API). */
export function jobRunUri(region: string, projectId: string, name: string): string {
  return `https://${region}-run.googleapis.com/apis/run.googleapis.com/v1/namespaces/${projectId}/jobs/${name}:run`;
}

/** The service URL + path, without a doubled slash. */
export function serviceTargetUri(serviceUri: string, path: string): string {
  return serviceUri.replace(/\/+$/, '') + (path.startsWith('/') ? path : `/${path}`);
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * `current`: the Scheduler job as it exists, if it does. attempt_deadline and retry_count left
 * empty keep its values (an empty input never changes a live value); the defaults
 * apply on a create.
 */
export function desiredSchedulerJob(
  config: Config,
  names: { projectId: string; schedulerJob?: string },
  serviceUri: string | undefined,
  current?: SchedulerJob,
): SchedulerJob {
  const s = config.schedule!;
  const invoker = s.invokerServiceAccount;
  const audience = serviceUri ?? URL_AFTER_DEPLOY;
  const httpTarget: protos.google.cloud.scheduler.v1.IHttpTarget =
    config.kind === 'job'
      ? {
          uri: jobRunUri(config.region, names.projectId, config.name),
          httpMethod: s.httpMethod,
          oauthToken: { serviceAccountEmail: invoker, scope: CLOUD_PLATFORM_SCOPE },
        }
      : {
          uri: serviceUri ? serviceTargetUri(serviceUri, s.path) : URL_AFTER_DEPLOY,
          httpMethod: s.httpMethod,
          oidcToken: { serviceAccountEmail: invoker, audience },
        };
  if (s.body !== undefined) {
    httpTarget.body = Buffer.from(s.body, 'utf8').toString('base64'); // bytes: base64 in REST JSON
    if (isJson(s.body)) httpTarget.headers = { 'Content-Type': 'application/json' };
  }
  return {
    name: names.schedulerJob,
    description: schedulerDescription(config),
    schedule: s.cron,
    timeZone: s.timeZone,
    httpTarget,
    attemptDeadline: duration(
      s.attemptDeadlineSeconds ?? (current ? durationSeconds(current.attemptDeadline) : undefined) ?? DEFAULT_ATTEMPT_DEADLINE,
    ) as SchedulerJob['attemptDeadline'],
    retryConfig: { retryCount: s.retryCount ?? (current ? toNumber(current.retryConfig?.retryCount) : undefined) ?? 0 },
  };
}

/** Scheduler jobs have no labels: the owner record is the description's first line. */
function schedulerDescription(config: Config): string {
  return toDescription(recordOf(config), `Runs the Cloud Run ${config.kind} ${config.name}${config.fleet ? ` of fleet ${config.fleet}` : ''}.`);
}

/** The target as compared: what matters for the call Scheduler makes, defaults filled in. */
function normalizedTarget(job: SchedulerJob): unknown {
  const t = job.httpTarget;
  if (!t) return undefined;
  const token = t.oidcToken
    ? { oidc: t.oidcToken.serviceAccountEmail ?? '', audience: t.oidcToken.audience || t.uri || '' }
    : t.oauthToken
      ? { oauth: t.oauthToken.serviceAccountEmail ?? '', scope: t.oauthToken.scope || CLOUD_PLATFORM_SCOPE }
      : { none: true };
  const method = enumName(t.httpMethod, HTTP_METHODS);
  const contentType = Object.entries(t.headers ?? {}).find(([k]) => k.toLowerCase() === 'content-type')?.[1];
  return {
    uri: t.uri ?? '',
    method: !method || method === 'HTTP_METHOD_UNSPECIFIED' ? 'POST' : method,
    body: bytesBase64(t.body) || undefined,
    // With a body and no Content-Type, Scheduler stores application/octet-stream.
    contentType: bytesBase64(t.body) ? (contentType ?? 'application/octet-stream') : undefined,
    token,
  };
}

export interface SchedulerField {
  field: string;
  /** Path in Scheduler's updateMask (snake_case, as the client sends it). */
  mask: string;
  read(job: SchedulerJob): unknown;
}

export const SCHEDULER_FIELDS: readonly SchedulerField[] = [
  { field: 'schedule', mask: 'schedule', read: (j) => j.schedule ?? '' },
  // Scheduler stores an empty zone as UTC.
  { field: 'time_zone', mask: 'time_zone', read: (j) => (!j.timeZone || j.timeZone === 'UTC' ? 'Etc/UTC' : j.timeZone) },
  { field: 'target', mask: 'http_target', read: normalizedTarget },
  { field: 'attempt_deadline', mask: 'attempt_deadline', read: (j) => durationSeconds(j.attemptDeadline) ?? DEFAULT_ATTEMPT_DEADLINE },
  { field: 'retry_count', mask: 'retry_config.retry_count', read: (j) => toNumber(j.retryConfig?.retryCount) ?? 0 },
  { field: 'description', mask: 'description', read: (j) => j.description ?? '' },
];
