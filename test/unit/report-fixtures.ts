// Shared fixtures for the report tests: a job and a service run as main would report them.
import type { Config } from '../../src/config/types.js';
import type { RunReport } from '../../src/report/types.js';

export const PROJECT = 'acme-prod';
export const REGION = 'europe-west1';
export const JOB = `projects/${PROJECT}/locations/${REGION}/jobs/nightly-report`;
export const SERVICE = `projects/${PROJECT}/locations/${REGION}/services/nightly-api`;
export const SCHEDULER = `projects/${PROJECT}/locations/${REGION}/jobs/nightly-report-schedule`;
export const INVOKER = 'scheduler-invoker@acme-prod.iam.gserviceaccount.com';

export function config(overrides: Partial<Config> = {}): Config {
  return {
    auth: { workloadIdentityProvider: 'projects/123456789/locations/global/workloadIdentityPools/github/providers/acme' },
    projectId: PROJECT,
    region: REGION,
    kind: 'job',
    name: 'nightly-report',
    image: 'europe-docker.pkg.dev/acme-prod/app/report@sha256:abc',
    envVars: [],
    envVarsUpdateStrategy: 'merge',
    secrets: [],
    secretsUpdateStrategy: 'merge',
    secretFiles: [],
    runtime: {},
    labels: { 'managed-by': 'cloud-run-cron' },
    job: {},
    service: { allowUnauthenticated: false },
    schedule: {
      cron: '0 3 * * *',
      timeZone: 'Europe/Berlin',
      jobId: 'nightly-report-schedule',
      region: REGION,
      invokerServiceAccount: INVOKER,
      path: '/',
      httpMethod: 'POST',
      bodyHasOverrides: false,
      paused: false,
    },
    smoke: { enabled: true, onlyWhenChanged: false, timeoutSeconds: 600 },
    dryRun: false,
    readOnly: false,
    failOnDrift: false,
    comment: { mode: 'auto' },
    warnings: [],
    notices: [],
    ...overrides,
  };
}

export function jobReport(overrides: Partial<RunReport> = {}): RunReport {
  return {
    config: config(),
    projectId: PROJECT,
    plan: [
      { type: 'run-job', resource: JOB, action: 'create', fields: [{ field: 'image', after: 'europe-docker.pkg.dev/acme-prod/app/report@sha256:abc' }] },
      { type: 'iam-binding', resource: JOB, action: 'unchanged', fields: [], reason: `roles/run.invoker for ${INVOKER}` },
      {
        type: 'scheduler-job',
        resource: SCHEDULER,
        action: 'update',
        fields: [
          { field: 'schedule', before: '0 4 * * *', after: '0 3 * * *' },
          { field: 'timeZone', before: 'Etc/UTC', after: 'Europe/Berlin' },
        ],
      },
    ],
    changed: true,
    dryRun: false,
    resource: JOB,
    schedulerJob: SCHEDULER,
    smoke: {
      status: 'succeeded',
      execution: `${JOB}/executions/nightly-report-x7k2p`,
      tasks: { total: 3, succeeded: 3, failed: 0, cancelled: 0, retried: 1, running: 0 },
      logUri: 'https://console.cloud.google.com/logs/viewer?project=acme-prod&advancedFilter=x',
      durationMs: 83_000,
      message: 'Execution nightly-report-x7k2p succeeded',
    },
    warnings: [],
    phases: { auth: 1200, deploy: 35_000, iam: 800, schedule: 900, smoke: 83_000 },
    ...overrides,
  };
}
