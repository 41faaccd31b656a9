// The step's outputs (src/report/outputs.ts), which a StrykerJS run found covered
// only by integration tests: every output, its empty form, and the plan as compact JSON.
import { describe, expect, test } from '@jest/globals';
import { outputsOf } from '../../src/report/outputs.js';
import { config, JOB, jobReport, SCHEDULER, SERVICE } from './report-fixtures.js';

describe('outputsOf', () => {
  test('a job run: every output, as action.yml declares them', () => {
    const o = outputsOf(jobReport());
    expect(Object.keys(o).sort()).toEqual(
      ['alert_policies', 'changed', 'execution', 'execution_status', 'kind', 'logs_url', 'plan', 'resource', 'revision', 'scheduler_job', 'url'].sort(),
    );
    expect(o).toMatchObject({
      kind: 'job',
      resource: JOB,
      url: '',
      revision: '',
      scheduler_job: SCHEDULER,
      execution: `${JOB}/executions/nightly-report-x7k2p`,
      execution_status: 'succeeded',
      // Logs Explorer, narrowed to this execution (not the legacy logs/viewer link of logUri).
      logs_url: expect.stringMatching(/^https:\/\/console\.cloud\.google\.com\/logs\/query;query=.*nightly-report-x7k2p.*\?project=acme-prod$/),
      changed: 'true',
    });
  });

  test('the plan output: the changes in order, with fields, before/after and the reason when there is one', () => {
    const plan = JSON.parse(outputsOf(jobReport()).plan) as Record<string, unknown>[];
    expect(plan.map((c) => `${String(c.type)}:${String(c.action)}`)).toEqual(['run-job:create', 'iam-binding:unchanged', 'scheduler-job:update']);
    expect(plan[0]).toEqual({ type: 'run-job', resource: JOB, action: 'create', fields: [{ field: 'image', after: 'europe-docker.pkg.dev/acme-prod/app/report@sha256:abc' }] });
    expect(plan[1]!.reason).toBe('roles/run.invoker for scheduler-invoker@acme-prod.iam.gserviceaccount.com');
    expect(plan[2]!.fields).toEqual([
      { field: 'schedule', before: '0 4 * * *', after: '0 3 * * *' },
      { field: 'timeZone', before: 'Etc/UTC', after: 'Europe/Berlin' },
    ]);
    expect('reason' in plan[2]!).toBe(false);
  });

  test('object values keep a fixed key order', () => {
    const report = jobReport({
      plan: [{ type: 'run-job', resource: JOB, action: 'update', fields: [{ field: 'labels', before: { b: '2', a: '1' }, after: { z: '1', a: '2' } }] }],
    });
    expect(outputsOf(report).plan).toBe(
      JSON.stringify([{ type: 'run-job', resource: JOB, action: 'update', fields: [{ field: 'labels', before: { a: '1', b: '2' }, after: { a: '2', z: '1' } }] }]),
    );
  });

  test('a service: url and revision; nothing changed; no execution', () => {
    const o = outputsOf(
      jobReport({
        config: config({ kind: 'service', name: 'nightly-api' }),
        resource: SERVICE,
        url: 'https://nightly-api-abc-ew.a.run.app',
        revision: 'nightly-api-00002-xyz',
        changed: false,
        smoke: { status: 'succeeded', message: 'ok' },
      }),
    );
    expect(o).toMatchObject({ kind: 'service', url: 'https://nightly-api-abc-ew.a.run.app', revision: 'nightly-api-00002-xyz', execution: '', changed: 'false' });
    // Without a log link from the smoke test, the resource's own logs.
    expect(o.logs_url).toMatch(/^https:\/\/console\.cloud\.google\.com\/.*nightly-api/);
  });

  test('a dry run without a schedule: empty scheduler_job and logs_url, status skipped', () => {
    const o = outputsOf(jobReport({ dryRun: true, schedulerJob: undefined, changed: false, smoke: { status: 'skipped', message: 'dry run' } }));
    expect(o).toMatchObject({ scheduler_job: '', logs_url: '', execution: '', execution_status: 'skipped', changed: 'false' });
  });
});
