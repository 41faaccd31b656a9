import { jest } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatRunTime } from '../../src/report/format.js';
import { renderSummary, renderSummaryText, writeSummary } from '../../src/report/summary.js';
import { config, INVOKER, JOB, jobReport, PROJECT, REGION, SERVICE } from './report-fixtures.js';

const NOW = new Date('2026-11-27T12:00:00Z'); // a Friday

describe('renderSummary', () => {
  test('a job run: outcome, resource table with links, schedule, smoke test, timings', () => {
    const md = renderSummary(jobReport(), NOW);
    expect(md).toMatch(/^## ✅ Cloud Run job nightly-report deployed and scheduled\n/);
    expect(md).toContain(`Project \`${PROJECT}\` · region \`${REGION}\``);
    expect(md).toContain('| Resource | Name | Change | Changed fields | Notes |');
    expect(md).toContain(
      `| Cloud Run job | [\`nightly-report\`](https://console.cloud.google.com/run/jobs/details/${REGION}/nightly-report/executions?project=${PROJECT}) | created | — |`,
    );
    expect(md).toContain(
      `| IAM binding (roles/run.invoker) | [\`nightly-report\`](https://console.cloud.google.com/run/jobs/details/${REGION}/nightly-report/permissions?project=${PROJECT}) | unchanged |`,
    );
    expect(md).toContain(
      `| Scheduler job | [\`nightly-report-schedule\`](https://console.cloud.google.com/cloudscheduler/jobs/edit/${REGION}/nightly-report-schedule?project=${PROJECT}) | updated | schedule, timeZone |`,
    );
    expect(md).toContain('- `0 3 * * *` — At 03:00 (Europe/Berlin)');
    expect(md).toContain('- Next runs: Sat 2026-11-28 03:00 CET · Sun 2026-11-29 03:00 CET · Mon 2026-11-30 03:00 CET');
    expect(md).toContain(`- Triggered by Scheduler job \`nightly-report-schedule\` as \`${INVOKER}\``);
    expect(md).toContain('### Smoke test\n\n- ✅ succeeded — Execution nightly-report-x7k2p succeeded\n- Duration: 1m23s');
    // Logs Explorer, not the logs/viewer link Cloud Run puts in logUri.
    expect(md).toContain(
      `- Execution: [\`nightly-report-x7k2p\`](https://console.cloud.google.com/run/jobs/executions/details/${REGION}/nightly-report-x7k2p?project=${PROJECT}) · [logs](https://console.cloud.google.com/logs/query;query=`,
    );
    expect(md).not.toContain('logs/viewer');
    expect(md).toContain('- Tasks: 3/3 succeeded, 1 retried');
    expect(md).toContain('Timings: auth 1.2s · deploy 35s · iam 800ms · schedule 900ms · smoke 1m23s');
    expect(md).not.toContain('[!NOTE]');
    expect(md).not.toContain('```diff');
  });

  // A past bug: 'succeeded: 1/1 succeeded.' and then 'Tasks: 1/1 succeeded' said the counts twice.
  test('task counts are said once: not again when the message gives them', () => {
    const tasks = { total: 1, succeeded: 1, failed: 0, cancelled: 0, retried: 0, running: 0 };
    const execution = 'projects/acme-prod/locations/europe-west1/jobs/nightly-report/executions/nightly-report-x7k2p';
    const md = renderSummary(jobReport({ smoke: { status: 'succeeded', execution, tasks, message: `Execution ${execution} succeeded: 1/1 succeeded.` } }), NOW);
    expect(md.match(/1\/1 succeeded/g)).toHaveLength(1);
    const other = renderSummary(jobReport({ smoke: { status: 'succeeded', execution, tasks, message: 'Done.' } }), NOW);
    expect(other).toContain('- Tasks: 1/1 succeeded');
  });

  test('a service run: URL, revision, service console link, Scheduler attempt', () => {
    const report = jobReport({
      config: config({ kind: 'service', name: 'nightly-api' }),
      resource: SERVICE,
      url: 'https://nightly-api-abc123-ew.a.run.app',
      revision: 'nightly-api-00002-xyz',
      changed: false,
      plan: [{ type: 'run-service', resource: SERVICE, action: 'unchanged', fields: [] }],
      smoke: {
        status: 'succeeded',
        durationMs: 4200,
        attemptStatus: { code: 0, name: 'OK' },
        message: 'The Scheduler attempt reached the service',
      },
      phases: {},
    });
    const md = renderSummary(report, NOW);
    expect(md).toMatch(/^## ✅ Cloud Run service nightly-api is up to date and scheduled\n/);
    expect(md).toContain(
      ' · URL [https://nightly-api-abc123-ew.a.run.app](https://nightly-api-abc123-ew.a.run.app) · revision `nightly-api-00002-xyz`',
    );
    expect(md).toContain(`(https://console.cloud.google.com/run/detail/${REGION}/nightly-api/metrics?project=${PROJECT})`);
    expect(md).toContain('- Scheduler attempt: OK\n'); // the status name, not 'OK (0)'
    expect(md).not.toContain('Timings');
    expect(md).not.toContain('Notes');
  });

  test('a failed smoke test: ❌, the execution, its task counts and the warnings', () => {
    const report = jobReport({
      smoke: {
        status: 'failed',
        execution: `${JOB}/executions/nightly-report-f00d1`,
        tasks: { total: 3, succeeded: 1, failed: 2, cancelled: 0, retried: 6, running: 0 },
        logUri: 'https://example.test/logs',
        durationMs: 125_000,
        message: 'Execution nightly-report-f00d1 failed: NON_ZERO_EXIT_CODE',
      },
      warnings: ['The schedule fires every 5m but a task may take 10m: runs may overlap.', 'Second warning'],
    });
    const md = renderSummary(report, NOW);
    expect(md).toMatch(/^## ❌ Cloud Run job nightly-report: the smoke test failed\n/);
    expect(md).toContain('- ❌ failed — Execution nightly-report-f00d1 failed: NON_ZERO_EXIT_CODE');
    expect(md).toContain('- Tasks: 1/3 succeeded, 2 failed, 6 retried');
    expect(md).toMatch(/\[logs\]\(https:\/\/console\.cloud\.google\.com\/logs\/query;query=[^)]*execution_name/);
    expect(md).toContain('> [!WARNING]\n> - The schedule fires every 5m but a task may take 10m: runs may overlap.\n> - Second warning');
  });

  test('a run that stopped with an error shows it in a code block', () => {
    const error = "Creating the Cloud Run job x failed: denied\nMissing permission run.jobs.create.\n  gcloud projects add-iam-policy-binding p";
    const md = renderSummary(jobReport({ error, smoke: { status: 'skipped', message: 'not reached' } }), NOW);
    expect(md).toMatch(/^## ❌ Cloud Run job nightly-report: the run failed\n/);
    expect(md).toContain('> [!CAUTION]\n> The run stopped with this error:\n> ```\n> Creating the Cloud Run job x failed: denied\n');
    expect(md).toContain('>   gcloud projects add-iam-policy-binding p\n> ```');
  });

  test('a dry run: the plan as a diff and a note that nothing was written', () => {
    const report = jobReport({
      dryRun: true,
      changed: false,
      smoke: { status: 'skipped', message: 'dry run' },
    });
    const md = renderSummary(report, NOW);
    expect(md).toMatch(/^## 📝 Dry run: Cloud Run job nightly-report — 2 changes planned\n/);
    expect(md).toContain('> [!NOTE]\n> Dry run: nothing was written.');
    expect(md).toContain('| to create |');
    expect(md).toContain('| to update |');
    expect(md).toContain('### Plan\n\n```diff\n+ create run-job ' + JOB);
    expect(md).toContain('~ update scheduler-job');
    expect(md).toContain('    schedule: "0 4 * * *" -> "0 3 * * *"');
    expect(md).toContain('- ⏭️ skipped — dry run');
  });

  test('without a schedule, and with a paused one', () => {
    const none = renderSummary(jobReport({ config: config({ schedule: undefined }) }), NOW);
    expect(none).toMatch(/^## ✅ Cloud Run job nightly-report deployed\n/);
    expect(none).toContain('### Schedule\n\nNone: deployed only; no Scheduler job was touched.');
    const c = config();
    const paused = renderSummary(jobReport({ config: { ...c, schedule: { ...c.schedule!, paused: true } } }), NOW);
    expect(paused).toContain('Paused: the Scheduler job does not fire until it is resumed.');
    expect(paused).not.toContain('Next runs');
  });
});

describe('next run times', () => {
  test('are shown in the schedule time zone', () => {
    const c = config();
    const tokyo = renderSummary(jobReport({ config: { ...c, schedule: { ...c.schedule!, cron: '30 9 * * 1-5', timeZone: 'Asia/Tokyo' } } }), NOW);
    expect(tokyo).toContain('Next runs: Mon 2026-11-30 09:30 GMT+9 · Tue 2026-12-01 09:30 GMT+9 · Wed 2026-12-02 09:30 GMT+9');
  });

  test('formatRunTime uses the usual abbreviations', () => {
    const d = new Date('2026-07-01T12:00:00Z');
    expect(formatRunTime(d, 'America/New_York')).toBe('Wed 2026-07-01 08:00 EDT');
    expect(formatRunTime(d, 'Europe/London')).toBe('Wed 2026-07-01 13:00 BST');
    expect(formatRunTime(d, 'Europe/Berlin')).toBe('Wed 2026-07-01 14:00 CEST');
    expect(formatRunTime(d, 'Etc/UTC')).toBe('Wed 2026-07-01 12:00 UTC');
    expect(formatRunTime(new Date('2026-01-01T00:00:00Z'), 'America/Los_Angeles')).toBe('Wed 2025-12-31 16:00 PST');
  });
});

describe('renderSummaryText', () => {
  test('says the same in plain text, links listed under the table', () => {
    const text = renderSummaryText(jobReport(), NOW);
    expect(text).toMatch(/^✅ Cloud Run job nightly-report deployed and scheduled\n/);
    expect(text).toMatch(/Resource +Name +Change +Changed fields +Notes/);
    expect(text).toMatch(/Scheduler job +nightly-report-schedule +updated +schedule, timeZone/);
    expect(text).toContain(`  Scheduler job nightly-report-schedule: https://console.cloud.google.com/cloudscheduler/jobs/edit/${REGION}/nightly-report-schedule?project=${PROJECT}`);
    expect(text).toContain('Next runs: Sat 2026-11-28 03:00 CET');
    expect(text).toContain('Smoke test\n----------\n\n  - ✅ succeeded');
    expect(text).not.toMatch(/\]\(|\| ---/);
  });
});

describe('writeSummary', () => {
  test('appends to GITHUB_STEP_SUMMARY', async () => {
    // The runner creates the file before the step starts.
    const file = join(mkdtempSync(join(tmpdir(), 'summary-')), 'summary.md');
    writeFileSync(file, '');
    const saved = process.env.GITHUB_STEP_SUMMARY;
    process.env.GITHUB_STEP_SUMMARY = file;
    try {
      expect(await writeSummary('# one')).toBe(true);
      expect(await writeSummary('# two\n')).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.GITHUB_STEP_SUMMARY;
      else process.env.GITHUB_STEP_SUMMARY = saved;
    }
    expect(readFileSync(file, 'utf8')).toBe('# one\n# two\n');
  });

  test('does nothing without GITHUB_STEP_SUMMARY', async () => {
    const quiet = jest.spyOn(process.stdout, 'write').mockImplementation(() => true); // core.debug
    try {
      const saved = process.env.GITHUB_STEP_SUMMARY;
      delete process.env.GITHUB_STEP_SUMMARY;
      expect(await writeSummary('# one')).toBe(false);
      if (saved !== undefined) process.env.GITHUB_STEP_SUMMARY = saved;
    } finally {
      quiet.mockRestore();
    }
  });
});
