import type { Plan } from '../../src/plan/types.js';
import { consoleUrl, executionUrlOf, logsUrlOf, parseResourceName } from '../../src/report/links.js';
import { formatPlan, planToJson } from '../../src/report/plan-text.js';
import { JOB, SCHEDULER, SERVICE } from './report-fixtures.js';

const plan: Plan = [
  {
    type: 'run-job',
    resource: JOB,
    action: 'update',
    reason: 'the image is a tag: redeployed to pick up what it points to now',
    fields: [
      { field: 'image', before: 'app:1', after: 'app:2' },
      { field: 'env.GREETING', before: undefined, after: 'hello' },
      { field: 'env.OLD', before: 'x', after: undefined },
      { field: 'secrets.DB_PASSWORD', before: { name: 'DB_PASSWORD', secret: 'db-password', version: '1' }, after: { secret: 'db-password', version: 'latest' } },
      { field: 'secrets.API_KEY', after: { value: 'sk-live-not-a-reference' } },
      { field: 'args', before: ['--a'], after: ['x'.repeat(200)] },
    ],
  },
  { type: 'iam-binding', resource: JOB, action: 'unchanged', fields: [] },
  { type: 'scheduler-job', resource: SCHEDULER, action: 'create', fields: [{ field: 'schedule', after: '0 3 * * *' }, { field: 'paused', after: false }] },
];

describe('formatPlan', () => {
  const text = formatPlan(plan);

  test('reads like a Terraform plan', () => {
    expect(text.split('\n').slice(0, 5)).toEqual([
      `~ update run-job ${JOB}`,
      '  # the image is a tag: redeployed to pick up what it points to now',
      '    image: "app:1" -> "app:2"',
      '    env.GREETING: (none) -> "hello"',
      '    env.OLD: "x" -> (none)',
    ]);
    expect(text).toContain(`= unchanged iam-binding ${JOB}\n+ create scheduler-job ${SCHEDULER}\n    schedule: "0 3 * * *"\n    paused: false`);
    expect(text.endsWith('\n\nPlan: 1 to create, 1 to update, 1 unchanged.')).toBe(true);
  });

  test('shows secrets only as references', () => {
    expect(text).toContain('    secrets.DB_PASSWORD: "DB_PASSWORD=db-password:1" -> "db-password:latest"');
    expect(text).toContain('    secrets.API_KEY: (none) -> "(secret reference)"');
    expect(text).not.toContain('sk-live');
  });

  // A past bug: values were cut at ~80 characters, digests, emails and URLs in the middle.
  test('never cuts a value: long ones are whole', () => {
    const line = text.split('\n').find((l) => l.startsWith('    args:'))!;
    expect(line).toMatch(/^ {4}args: \["--a"\] -> \["x{70,}"\]$/);
    expect(line).not.toContain('…');
    const digest = `us-docker.pkg.dev/acme-prod/apps/nightly-report@sha256:${'0123456789abcdef'.repeat(4)}`;
    const email = 'a-very-long-runtime-service-account-name@acme-production-project.iam.gserviceaccount.com';
    const plan = formatPlan([{ type: 'run-job', resource: JOB, action: 'update', fields: [{ field: 'image', before: 'x', after: digest }, { field: 'runtime_service_account', after: email }] }]);
    expect(plan).toContain(`    image: "x" -> "${digest}"`);
    expect(plan).toContain(`    runtime_service_account: (none) -> "${email}"`);
  });

  test('an empty plan', () => {
    expect(formatPlan([])).toBe('Plan: nothing to do.');
  });
});

describe('planToJson', () => {
  test('is compact, keeps full values, hides secret values, and is stable', () => {
    const json = planToJson(plan);
    expect(json).not.toMatch(/\n| {2}/);
    expect(json).not.toContain('sk-live');
    const parsed = JSON.parse(json) as Array<{ action: string; fields: Array<{ field: string; after?: unknown }>; reason?: string }>;
    expect(parsed.map((c) => c.action)).toEqual(['update', 'unchanged', 'create']);
    expect(parsed[0]!.fields.find((f) => f.field === 'args')!.after).toEqual(['x'.repeat(200)]);
    expect(parsed[0]!.fields.find((f) => f.field === 'secrets.DB_PASSWORD')!.after).toBe('db-password:latest');
    expect(parsed[1]).not.toHaveProperty('reason');
    // Key order of nested objects does not change the output.
    const a: Plan = [{ type: 'run-job', resource: JOB, action: 'update', fields: [{ field: 'resources', after: { cpu: '1', memory: '512Mi' } }] }];
    const b: Plan = [{ type: 'run-job', resource: JOB, action: 'update', fields: [{ field: 'resources', after: { memory: '512Mi', cpu: '1' } }] }];
    expect(planToJson(a)).toBe(planToJson(b));
  });
});

describe('links', () => {
  test('console pages of each resource', () => {
    expect(consoleUrl('run-job', JOB)).toBe('https://console.cloud.google.com/run/jobs/details/europe-west1/nightly-report/executions?project=acme-prod');
    expect(consoleUrl('run-service', SERVICE)).toBe('https://console.cloud.google.com/run/detail/europe-west1/nightly-api/metrics?project=acme-prod');
    expect(consoleUrl('iam-binding', SERVICE)).toBe('https://console.cloud.google.com/run/detail/europe-west1/nightly-api/permissions?project=acme-prod');
    expect(consoleUrl('iam-binding', JOB)).toBe('https://console.cloud.google.com/run/jobs/details/europe-west1/nightly-report/permissions?project=acme-prod');
    expect(consoleUrl('scheduler-job', SCHEDULER)).toBe(
      'https://console.cloud.google.com/cloudscheduler/jobs/edit/europe-west1/nightly-report-schedule?project=acme-prod',
    );
    expect(consoleUrl('run-job', 'not/a/name')).toBeUndefined();
  });

  test('execution page and Logs Explorer links (logs/query;query=, not the legacy logs/viewer)', () => {
    const execution = `${JOB}/executions/nightly-report-x7k2p`;
    expect(parseResourceName(execution)).toMatchObject({ id: 'nightly-report', execution: 'nightly-report-x7k2p' });
    expect(executionUrlOf(execution)).toBe(
      'https://console.cloud.google.com/run/jobs/executions/details/europe-west1/nightly-report-x7k2p?project=acme-prod',
    );
    expect(logsUrlOf(execution)).toBe(
      'https://console.cloud.google.com/logs/query;query=' +
        'resource.type%3D%22cloud_run_job%22%0Aresource.labels.job_name%3D%22nightly-report%22%0A' +
        'resource.labels.location%3D%22europe-west1%22%0Alabels.%22run.googleapis.com%2Fexecution_name%22%3D%22nightly-report-x7k2p%22' +
        '?project=acme-prod',
    );
    expect(decodeURIComponent(logsUrlOf(SERVICE)!)).toContain('resource.type="cloud_run_revision"\nresource.labels.service_name="nightly-api"');
  });
});
