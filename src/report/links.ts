// Cloud Console links. URL forms as the Console serves them (Logs Explorer's
// logs/query;query= form as in its own share links); the job permissions tab is assumed to follow
// the service's (`…/permissions`), which is verified.
import type { ResourceType } from '../plan/types.js';

const CONSOLE = 'https://console.cloud.google.com';

export interface ResourceName {
  project: string;
  location: string;
  /** 'jobs' (a Cloud Run or a Scheduler job) or 'services'. */
  collection: string;
  id: string;
  /** Execution ID, for projects/P/locations/L/jobs/J/executions/E. */
  execution?: string;
}

const NAME = /^projects\/([^/]+)\/locations\/([^/]+)\/(jobs|services)\/([^/]+)(?:\/executions\/([^/]+))?$/;

/** The parts of a full resource name, or undefined when it has another shape. */
export function parseResourceName(name: string): ResourceName | undefined {
  const m = NAME.exec(name);
  if (!m) return undefined;
  const [, project = '', location = '', collection = '', id = '', execution] = m;
  return { project, location, collection, id, execution };
}

const q = (project: string): string => `?project=${encodeURIComponent(project)}`;
const seg = encodeURIComponent;

export const runJobUrl = (r: ResourceName): string => `${CONSOLE}/run/jobs/details/${seg(r.location)}/${seg(r.id)}/executions${q(r.project)}`;
export const runServiceUrl = (r: ResourceName): string => `${CONSOLE}/run/detail/${seg(r.location)}/${seg(r.id)}/metrics${q(r.project)}`;
export const schedulerJobUrl = (r: ResourceName): string => `${CONSOLE}/cloudscheduler/jobs/edit/${seg(r.location)}/${seg(r.id)}${q(r.project)}`;

/** The permissions tab of a Cloud Run job or service (where its IAM policy is shown). */
export function runPermissionsUrl(r: ResourceName): string {
  const base = r.collection === 'services' ? `${CONSOLE}/run/detail` : `${CONSOLE}/run/jobs/details`;
  return `${base}/${seg(r.location)}/${seg(r.id)}/permissions${q(r.project)}`;
}

/** An execution's details page (tasks, status). */
export const executionUrl = (r: ResourceName & { execution: string }): string =>
  `${CONSOLE}/run/jobs/executions/details/${seg(r.location)}/${seg(r.execution)}${q(r.project)}`;

/**
 * Logs Explorer for a job, one execution of it, or a service:
 * console.cloud.google.com/logs/query;query=FILTER?project=P (the legacy logs/viewer form,
 * which Cloud Run still puts in Execution.logUri, is not used).
 */
export function logsUrl(r: ResourceName): string {
  const filter =
    r.collection === 'services'
      ? ['resource.type="cloud_run_revision"', `resource.labels.service_name="${r.id}"`, `resource.labels.location="${r.location}"`]
      : [
          'resource.type="cloud_run_job"',
          `resource.labels.job_name="${r.id}"`,
          `resource.labels.location="${r.location}"`,
          ...(r.execution ? [`labels."run.googleapis.com/execution_name"="${r.execution}"`] : []),
        ];
  return `${CONSOLE}/logs/query;query=${encodeURIComponent(filter.join('\n'))}${q(r.project)}`;
}

/** The Console page of a planned resource; for an IAM binding, the permissions of the resource it is on. */
export function consoleUrl(type: ResourceType, resource: string): string | undefined {
  if (type === 'alert-policy' || type === 'notification-channel') return monitoringUrl(resource);
  const r = parseResourceName(resource);
  if (!r) return undefined;
  switch (type) {
    case 'run-job':
      return runJobUrl(r);
    case 'run-service':
      return runServiceUrl(r);
    case 'iam-binding':
      return runPermissionsUrl(r);
    case 'scheduler-job':
      return schedulerJobUrl(r);
  }
}

/** An alert policy's page, or the notification channels of the project of a channel. */
export function monitoringUrl(name: string): string | undefined {
  const m = /^projects\/([^/]+)\/(alertPolicies|notificationChannels)\/([0-9]+)$/.exec(name);
  if (!m) return undefined;
  const [, project = '', collection, id = ''] = m;
  return collection === 'alertPolicies' ? `${CONSOLE}/monitoring/alerting/policies/${seg(id)}${q(project)}` : `${CONSOLE}/monitoring/alerting/notifications${q(project)}`;
}

/** Logs of a full job, execution or service name. */
export function logsUrlOf(resource: string): string | undefined {
  const r = parseResourceName(resource);
  return r ? logsUrl(r) : undefined;
}

/** The logs of a smoke test: its execution's (as a Logs Explorer link), else the link it came with. */
export function smokeLogsUrl(smoke: { execution?: string; logUri?: string }): string | undefined {
  return (smoke.execution && logsUrlOf(smoke.execution)) || smoke.logUri;
}

/** Details page of a full execution name (projects/P/locations/L/jobs/J/executions/E). */
export function executionUrlOf(name: string): string | undefined {
  const r = parseResourceName(name);
  return r?.execution ? executionUrl({ ...r, execution: r.execution }) : undefined;
}
