// What a person reads: the job summary (GITHUB_STEP_SUMMARY) after a run and after a
// dry run, and the step's log: one group per phase, annotations, polling progress that does not flood.
import { afterAll, expect, test } from '@jest/globals';
import { nextRuns } from '../../src/config/cron.ts';
import { closeFakes, failure, jobInputs, run, serviceInputs, sharedFake, withFake, writesIn, type ActionRun, group } from './setup.ts';

// Each case has a local Google Cloud of its own (withFake), so all of them run at once; the cases
// that read one successful run share it (and its local Google Cloud, closed in afterAll).
afterAll(closeFakes);

const CONSOLE = 'https://console.cloud.google.com';

/** The cells of the Markdown table rows whose first cell starts with `what`. */
function tableRow(summary: string, what: string): string[] | undefined {
  const line = summary.split('\n').find((l) => l.startsWith(`| ${what}`));
  return line?.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim());
}

/** 'YYYY-MM-DD HH:MM' and the zone abbreviation of `d` in `timeZone`, computed independently of the action. */
function wallClock(d: Date, timeZone: string): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short',
    }).formatToParts(d).map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute} ${p.timeZoneName}`;
}

/** Log groups as [title, lines inside]; fails the test on a nested or unclosed group. */
function groups(r: ActionRun): [string, string[]][] {
  const out: [string, string[]][] = [];
  let open: [string, string[]] | undefined;
  for (const line of r.stdout.split('\n')) {
    if (line.startsWith('::group::')) {
      expect(open).toBeUndefined(); // no nested groups
      open = [line.slice('::group::'.length), []];
    } else if (line.startsWith('::endgroup::')) {
      expect(open).toBeDefined();
      out.push(open!);
      open = undefined;
    } else if (open && !line.startsWith('::add-mask::')) {
      open[1].push(line);
    }
  }
  expect(open).toBeUndefined();
  return out;
}

// Every case has a local Google Cloud of its own, so all of them run at once: the groups are
// setup.ts's `group` (not describe blocks), and the file's cases are one concurrent set.

group('the log', (it) => {
  // The longest wait first (jest starts concurrent cases in order): task attempts of 3 s.
  it('polling progress: elapsed time and task counts, a few lines for many polls', () =>
    withFake(async (fake) => {
      const taskMs = fake.timings.taskMs;
      fake.timings.taskMs = 3000;
      try {
        const before = fake.requests.length;
        const result = await run(fake, jobInputs(fake, 'long-task'));
        expect(failure(result)).toBe('');
        const smoke = groups(result).find(([t]) => t === 'smoke')![1];
        const polls = fake.requests.slice(before).filter((r) => r.method === 'GET' && /\/executions\/[^/]+$/.test(r.path));
        const progress = smoke.filter((l) => /^Execution long-task-\w+: /.test(l));
        expect(progress.length).toBeGreaterThanOrEqual(2);
        for (const l of progress) expect(l).toMatch(/: (running|finished) · \d\/1 succeeded.* \(\d+(\.\d)?(ms|s)\)$/);
        expect(progress[progress.length - 1]).toMatch(/finished · 1\/1 succeeded/);
        // It printed when something changed, not on every poll.
        expect(polls.length).toBeGreaterThanOrEqual(progress.length + 3);
        expect(smoke.length).toBeLessThanOrEqual(10);
      } finally {
        fake.timings.taskMs = taskMs;
      }
    }),
  );

  it('warnings are ::warning:: annotations, once each', () =>
    withFake(async (fake) => {
      const result = await run(fake, jobInputs(fake, 'warned', { schedule: '*/5 * * * *' }));
      expect(result.code).toBe(0);
      const annotations = result.stdout.split('\n').filter((l) => /overlap/.test(l));
      expect(annotations).toHaveLength(1);
      expect(annotations[0]).toMatch(/^::warning::The schedule "\*\/5 \* \* \* \*" fires as often as every 5m/);
    }),
  );

  it('an error is one ::error:: annotation, and the groups stay closed', () =>
    withFake(async (fake) => {
      const result = await run(fake, jobInputs(fake, 'failing', { image: 'us-docker.pkg.dev/demo-project/apps/fake-fail:latest', max_retries: '0' }));
      expect(result.code).not.toBe(0);
      const errors = result.stdout.split('\n').filter((l) => l.startsWith('::error'));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain(result.outputs.execution);
      groups(result); // well formed even on failure
      expect(result.summary.split('\n')[0]).toBe('## ❌ Cloud Run job failing: the smoke test failed');
      expect(result.summary).toMatch(/^- ❌ failed — /m);
    }),
  );
});

group('after a successful run of a job with a schedule', (it) => {
  const zone = 'America/New_York';
  const cron = '30 6 * * 1-5';
  /** The run these cases read: started by the first of them, once, on a local Google Cloud of its own. */
  const deployed = sharedFake(async (fake) => {
    const expectedRuns = nextRuns(cron, zone, 3, new Date());
    const result = await run(fake, jobInputs(fake, 'report', { schedule: cron, time_zone: zone }));
    return { result, expectedRuns };
  });

  it('succeeds', async () => {
    const { result } = await deployed();
    expect(failure(result)).toBe('');
    expect(result.code).toBe(0);
  });

  it('the summary opens with what happened, the project and the region', async () => {
    const { result } = await deployed();
    expect(result.summary.split('\n')[0]).toBe('## ✅ Cloud Run job report deployed and scheduled');
    expect(result.summary).toContain('Project `demo-project` · region `us-central1`');
  });

  it('a table of the resources, each created, each linked to the Cloud Console', async () => {
    const { result } = await deployed();
    expect(result.summary).toContain('| Resource | Name | Change | Changed fields |\n| --- | --- | --- | --- |');
    expect(tableRow(result.summary, 'Cloud Run job')).toEqual([
      'Cloud Run job',
      `[\`report\`](${CONSOLE}/run/jobs/details/us-central1/report/executions?project=demo-project)`,
      'created',
      '—',
    ]);
    expect(tableRow(result.summary, 'IAM binding')).toEqual([
      'IAM binding (roles/run.invoker)',
      `[\`report\`](${CONSOLE}/run/jobs/details/us-central1/report/permissions?project=demo-project)`,
      'created',
      '—',
    ]);
    expect(tableRow(result.summary, 'Scheduler job')).toEqual([
      'Scheduler job',
      `[\`report-schedule\`](${CONSOLE}/cloudscheduler/jobs/edit/us-central1/report-schedule?project=demo-project)`,
      'created',
      '—',
    ]);
  });

  it('the schedule in words and the next three run times in the given time zone', async () => {
    const { fake, result, expectedRuns } = await deployed();
    expect(result.summary).toContain('### Schedule');
    expect(result.summary).toContain(`- \`${cron}\` — At 06:30, Monday through Friday (${zone})`);
    const line = result.summary.split('\n').find((l) => l.startsWith('- Next runs: '));
    const shown = line!.replace('- Next runs: ', '').split(' · ');
    expect(shown).toHaveLength(3);
    shown.forEach((s, i) => {
      expect(s).toMatch(/^(Mon|Tue|Wed|Thu|Fri) \d{4}-\d\d-\d\d 06:30 E[SD]T$/);
      expect(s.slice(4)).toBe(wallClock(expectedRuns[i]!, zone));
    });
    expect(result.summary).toContain(`- Triggered by Scheduler job \`report-schedule\` as \`${fake.world.invoker}\``);
  });

  it("the smoke test's result, duration and execution with its log link", async () => {
    const { result } = await deployed();
    const execution = result.outputs.execution!.split('/').pop()!;
    expect(result.summary).toContain('### Smoke test');
    expect(result.summary).toMatch(/^- ✅ succeeded — /m);
    expect(result.summary).toMatch(/^- Duration: \d+(\.\d)?(ms|s)$/m);
    expect(result.summary).toContain(
      `- Execution: [\`${execution}\`](${CONSOLE}/run/jobs/executions/details/us-central1/${execution}?project=demo-project) · [logs](${result.outputs.logs_url})`,
    );
    // The counts once: in the result line, not again as a Tasks line.
    expect(result.summary.match(/1\/1 succeeded/g)).toHaveLength(1);
  });

  it('reads well in GitHub Markdown: every table row has as many cells as the header', async () => {
    const { result } = await deployed();
    const rows = result.summary.split('\n').filter((l) => l.startsWith('|'));
    const cells = rows.map((l) => l.split(/(?<!\\)\|/).length);
    expect(new Set(cells).size).toBe(1);
    expect(result.summary).not.toMatch(/undefined|\[object Object\]|NaN/);
  });

  it('the log has one group per phase, none nested, each closed', async () => {
    const { result } = await deployed();
    const titles = groups(result).map(([t]) => t);
    expect(new Set(titles).size).toBe(titles.length);
    for (const phase of ['auth', 'deploy', 'iam', 'schedule', 'smoke']) expect(titles.some((t) => t.toLowerCase().includes(phase))).toBe(true);
    expect(titles[0]).toBe('auth');
    expect(titles[titles.length - 1]).toBe('smoke');
  });

  it('a rerun with a changed field: that row says updated and names the field, the others unchanged', async () => {
    const { fake } = await deployed();
    const again = await run(fake, jobInputs(fake, 'report', { schedule: cron, time_zone: zone, memory: '1Gi' }));
    expect(again.code).toBe(0);
    expect(tableRow(again.summary, 'Cloud Run job')?.slice(2)).toEqual(['updated', 'memory']);
    expect(tableRow(again.summary, 'IAM binding')?.[2]).toBe('unchanged');
    expect(tableRow(again.summary, 'Scheduler job')?.[2]).toBe('unchanged');
    expect(again.summary.split('\n')[0]).toBe('## ✅ Cloud Run job report deployed and scheduled');
  });
});

test.concurrent('a service: the URL and revision, and the Scheduler attempt as the smoke result', () =>
  withFake(async (fake) => {
    const result = await run(fake, serviceInputs(fake, 'web-tick', { time_zone: 'Asia/Tokyo' }));
    expect(failure(result)).toBe('');
    const revision = result.outputs.revision!;
    expect(result.summary).toContain(`URL [${result.outputs.url}](${result.outputs.url}) · revision \`${revision}\``);
    expect(tableRow(result.summary, 'Cloud Run service')?.[1]).toBe(
      `[\`web-tick\`](${CONSOLE}/run/detail/us-central1/web-tick/metrics?project=demo-project)`,
    );
    const line = result.summary.split('\n').find((l) => l.startsWith('- Next runs: '))!;
    // Tokyo has no abbreviation in en-US or en-GB: the offset stays.
    expect(line).toMatch(/^- Next runs: (\w{3} \d{4}-\d\d-\d\d \d\d:(00|30) GMT\+9( · |$)){3}/);
    expect(result.summary).toMatch(/^- ✅ succeeded — /m);
    expect(result.summary).toContain('- Scheduler attempt: OK\n');
  }),
);

group('after a dry run', (it) => {
  it('of a new job: the plan, the table of what would be created, and nothing written', () =>
    withFake(async (fake) => {
      const before = fake.requests.length;
      const result = await run(fake, jobInputs(fake, 'planned', { dry_run: 'true' }));
      expect(failure(result)).toBe('');
      expect(result.code).toBe(0);
      expect(writesIn(fake, before)).toEqual([]);
      const s = result.summary;
      expect(s.split('\n')[0]).toBe('## 📝 Dry run: Cloud Run job planned — 3 changes planned');
      expect(s).toContain('> [!NOTE]\n> Dry run: nothing was written.');
      expect(tableRow(s, 'Cloud Run job')?.[2]).toBe('to create');
      expect(tableRow(s, 'IAM binding')?.[2]).toBe('to create');
      expect(tableRow(s, 'Scheduler job')?.[2]).toBe('to create');
      const plan = /### Plan\n\n```diff\n([\s\S]*?)\n```/.exec(s)?.[1];
      expect(plan).toBeDefined();
      expect(plan).toContain('+ create run-job projects/demo-project/locations/us-central1/jobs/planned');
      expect(plan).toContain('+ create iam-binding projects/demo-project/locations/us-central1/jobs/planned');
      expect(plan).toContain('+ create scheduler-job projects/demo-project/locations/us-central1/jobs/planned-schedule');
      expect(plan).toMatch(/Plan: 3 to create, 0 to update, 0 unchanged\./);
      expect(s).toMatch(/^- ⏭️ skipped — Dry run/m);
    }),
  );

  it('of a change to a deployed job: the update, field by field, and nothing written', () =>
    withFake(async (fake) => {
      expect((await run(fake, jobInputs(fake, 'deployed'))).code).toBe(0);
      const before = fake.requests.length;
      const result = await run(fake, jobInputs(fake, 'deployed', { dry_run: 'true', schedule: '0 4 * * *' }));
      expect(result.code).toBe(0);
      expect(writesIn(fake, before)).toEqual([]);
      const s = result.summary;
      expect(s.split('\n')[0]).toBe('## 📝 Dry run: Cloud Run job deployed — 1 change planned');
      expect(tableRow(s, 'Cloud Run job')?.[2]).toBe('unchanged');
      expect(tableRow(s, 'Scheduler job')?.slice(2)).toEqual(['to update', 'schedule']);
      expect(s).toContain('~ update scheduler-job projects/demo-project/locations/us-central1/jobs/deployed-schedule');
      expect(s).toContain('    schedule: "0 3 * * *" -> "0 4 * * *"');
      const sj = fake.schedulerJobs().find((j) => String(j.name).endsWith('/deployed-schedule')) as any;
      expect(sj.schedule).toBe('0 3 * * *');
    }),
  );
});
