// Guards on fleet, prune, the plan comment and spec's env values, end to end: each case fails when
// one of the named mutants of scripts/mutants/list.ts is applied (the list names which). Every
// case has a local Google Cloud of its own and runs concurrently with the others; a case's runs
// share that fake's deploy and go one after the other. What happened is read from the fake (its
// request log, its state, and what it recorded), never from timing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from '@jest/globals';
import { closeFakes, DIGEST, deployerToken, failure, group, jobInputs, run, withFake, type ActionRun, type FakeGcp } from './setup.ts';

const dir = mkdtempSync(join(tmpdir(), 'fleet-guards-'));
afterAll(async () => {
  await closeFakes();
  rmSync(dir, { recursive: true, force: true });
});

const US = 'projects/demo-project/locations/us-central1';
const EU = 'projects/demo-project/locations/europe-west1';

function fleetRun(fake: FakeGcp, text: string, inputs: Record<string, string> = {}): Promise<ActionRun> {
  const workspace = mkdtempSync(join(dir, 'run-'));
  writeFileSync(join(workspace, 'cloud-run-cron.yaml'), text);
  const w = fake.world;
  return run(
    fake,
    { workload_identity_provider: w.provider, service_account: w.deployer, region: w.region, manifest: 'cloud-run-cron.yaml', smoke_test: 'false', ...inputs },
    { GITHUB_WORKSPACE: workspace },
  );
}

const image = (fake: FakeGcp, name: string) => `us-docker.pkg.dev/${fake.world.projectId}/apps/${name}@${DIGEST('a')}`;
const header = (fake: FakeGcp, fleet: string) => `version: 1
fleet: ${fleet}
defaults:
  runtime_service_account: ${fake.world.runtime}
  invoker_service_account: ${fake.world.invoker}
workloads:
`;
const schedulerJobNames = (fake: FakeGcp) => fake.schedulerJobs().map((j) => String(j.name));
const jobExists = (fake: FakeGcp, name: string) => fake.runJobs().some((j) => j.name === `${US}/jobs/${name}`);

group('prune', (it) => {
  // multi: two schedules, both kept. far: its Scheduler jobs in another region than the job. gone:
  // removed from the manifest, its trigger's DELETE refused once.
  const manifest = (fake: FakeGcp, opts: { farWeekly: boolean; gone: boolean }) =>
    header(fake, 'guards') +
    `  - name: multi
    image: ${image(fake, 'multi')}
    schedules:
      - { id: hourly, schedule: '0 * * * *' }
      - { id: daily, schedule: '0 3 * * *' }
  - name: far
    image: ${image(fake, 'far')}
    scheduler_region: europe-west1
    schedules:
      - { id: daily, schedule: '0 4 * * *' }
${opts.farWeekly ? "      - { id: weekly, schedule: '0 5 * * 0' }\n" : ''}${
      opts.gone
        ? `  - name: gone
    image: ${image(fake, 'gone')}
    schedule: '0 6 * * *'
`
        : ''
    }`;

  it('keeps every schedule of a workload, finds Scheduler jobs in their scheduler_region, and deletes a workload only after its trigger is gone', () =>
    withFake(async (fake) => {
      const deletes = (since: number) => fake.requests.slice(since).filter((q) => q.method === 'DELETE').map((q) => `${q.path} ${q.status}`);
      // First deploy, with prune on: everything is declared, so nothing goes (a second schedule included).
      let since = fake.requests.length;
      const first = await fleetRun(fake, manifest(fake, { farWeekly: true, gone: true }), { prune: 'true' });
      expect(failure(first)).toBe('');
      expect(deletes(since)).toEqual([]);
      expect(schedulerJobNames(fake).sort()).toEqual([
        `${EU}/jobs/far-daily`,
        `${EU}/jobs/far-weekly`,
        `${US}/jobs/gone-schedule`,
        `${US}/jobs/multi-daily`,
        `${US}/jobs/multi-hourly`,
      ]);

      // far's weekly schedule (in europe-west1) and the workload gone are removed; deleting gone's
      // trigger is refused: gone's job must stay, since its trigger still fires at it.
      fake.injectFault({ method: 'DELETE', path: `/v1/${US}/jobs/gone-schedule`, status: 403, message: "Permission 'cloudscheduler.jobs.delete' denied" });
      since = fake.requests.length;
      const refused = await fleetRun(fake, manifest(fake, { farWeekly: false, gone: false }), { prune: 'true' });
      fake.clearFaults();
      expect(refused.code).not.toBe(0);
      expect(failure(refused)).toMatch(/^prune: .*cloudscheduler\.jobs\.delete/);
      expect(deletes(since).sort()).toEqual([`/v1/${EU}/jobs/far-weekly 200`, `/v1/${US}/jobs/gone-schedule 403`]);
      expect(jobExists(fake, 'gone')).toBe(true);
      expect(schedulerJobNames(fake)).toEqual(expect.arrayContaining([`${US}/jobs/multi-hourly`, `${US}/jobs/multi-daily`, `${EU}/jobs/far-daily`]));
      expect(schedulerJobNames(fake)).not.toContain(`${EU}/jobs/far-weekly`);

      // The next prune finishes the job: the trigger first, then the workload, never the other way.
      since = fake.requests.length;
      const again = await fleetRun(fake, manifest(fake, { farWeekly: false, gone: false }), { prune: 'true' });
      expect(failure(again)).toBe('');
      expect(deletes(since)).toEqual([`/v1/${US}/jobs/gone-schedule 200`, `/v2/${US}/jobs/gone 200`]);
      expect(jobExists(fake, 'gone')).toBe(false);
      expect(jobExists(fake, 'multi')).toBe(true);
      expect(schedulerJobNames(fake).sort()).toEqual([`${EU}/jobs/far-daily`, `${US}/jobs/multi-daily`, `${US}/jobs/multi-hourly`]);
      expect(fake.deletedWhileTargeted()).toEqual([]);

      // The fake does see such a deletion: multi deleted by hand while its two triggers remain.
      const token = await deployerToken(fake);
      const byHand = await fetch(`${fake.url}/v2/${US}/jobs/multi`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
      expect(byHand.status).toBe(200);
      expect(fake.deletedWhileTargeted()).toEqual([{ resource: `${US}/jobs/multi`, schedulerJobs: expect.arrayContaining([`${US}/jobs/multi-hourly`, `${US}/jobs/multi-daily`]) }]);
    }),
  );
});

group('max_parallel', (it) => {
  it('at 1: one workload written at a time, in manifest order; a failing workload does not stop those not started yet', () =>
    withFake(
      async (fake) => {
        const names = ['refused', 'alpha', 'bravo', 'charlie'];
        // refused fails at its first write: its runtime account does not exist.
        const text =
          header(fake, 'serial') +
          names
            .map((n) => `  - name: ${n}\n    image: ${image(fake, n)}\n    schedule: '0 3 * * *'\n${n === 'refused' ? '    runtime_service_account: ghost@demo-project.iam.gserviceaccount.com\n' : ''}`)
            .join('');
        const since = fake.requests.length;
        const r = await fleetRun(fake, text, { max_parallel: '1' });
        expect(r.code).not.toBe(0);
        expect(failure(r)).toMatch(/^refused: /);
        for (const n of names.slice(1)) {
          expect(jobExists(fake, n)).toBe(true);
          expect(schedulerJobNames(fake)).toContain(`${US}/jobs/${n}-schedule`);
        }
        // Each write of the run (Cloud Run, IAM, Scheduler), by the workload it is for.
        const owner = (q: (typeof fake.requests)[number]) =>
          names.find((n) => new RegExp(`/(jobs|services)/${n}(-schedule)?(:|$)|Id=${n}(&|$)`).test(`${q.path}?${q.query}`) || JSON.stringify(q.body ?? '').includes(`/jobs/${n}-schedule"`));
        const writes = fake.requests
          .slice(since)
          .filter((q) => (q.service === 'run' || q.service === 'scheduler') && (q.method !== 'GET' && !/:getIamPolicy$/.test(q.path)))
          .map((q) => ({ who: owner(q), start: q.start, end: q.end }));
        expect(writes.filter((w) => !w.who)).toEqual([]);
        const spans = names.map((n) => {
          const mine = writes.filter((w) => w.who === n);
          return { n, count: mine.length, start: Math.min(...mine.map((w) => w.start)), end: Math.max(...mine.map((w) => w.end)) };
        });
        expect(spans.map((s) => s.count > 0)).toEqual([true, true, true, true]);
        // The spans, in start order, are the manifest's order and do not overlap.
        const byStart = [...spans].sort((a, b) => a.start - b.start);
        expect(byStart.map((s) => s.n)).toEqual(names);
        const overlapping = byStart.slice(1).flatMap((s, i) => (s.start < byStart[i]!.end ? [`${s.n} was written while ${byStart[i]!.n} still was`] : []));
        expect(overlapping).toEqual([]);
      },
      // Every answer waits a little: workloads written at once would overlap in the log.
      { latencyMs: 15 },
    ),
  );
});

group('the plan comment', (it) => {
  it('two targets on one pull request: two comments, each updated in place by its own target', () =>
    withFake(async (fake) => {
      const event = join(dir, 'event-31.json');
      writeFileSync(event, JSON.stringify(fake.github.pullRequestEvent({ number: 31 })));
      const env = (sha: string) => ({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event, GITHUB_SHA: sha.repeat(40) });
      const plan = (name: string, sha: string) => run(fake, jobInputs(fake, name, { dry_run: 'true', github_token: fake.github.writeToken }), env(sha));
      const marker = (name: string) => `<!-- cloud-run-cron:plan project=demo-project region=us-central1 kind=job name=${name} -->`;
      const comment = (name: string) => fake.github.comments(31).filter((c) => c.body.includes(marker(name)));

      expect(failure(await plan('api-a', 'a'))).toBe('');
      expect(failure(await plan('api-b', 'b'))).toBe('');
      expect(fake.github.comments(31)).toHaveLength(2);
      const [a, b] = [comment('api-a'), comment('api-b')];
      expect([a.length, b.length]).toEqual([1, 1]);
      expect(a[0]!.body).toContain('for aaaaaaa');
      expect(b[0]!.body).toContain('for bbbbbbb');

      // Each target's next run edits its own comment and leaves the other's alone.
      expect(failure(await plan('api-a', 'c'))).toBe('');
      expect(failure(await plan('api-b', 'd'))).toBe('');
      expect(fake.github.comments(31)).toHaveLength(2);
      expect(comment('api-a').map((c) => [c.id, c.body.includes('for ccccccc')])).toEqual([[a[0]!.id, true]]);
      expect(comment('api-b').map((c) => [c.id, c.body.includes('for ddddddd')])).toEqual([[b[0]!.id, true]]);
    }),
  );
});

group('spec env values', (it) => {
  it('a value given in spec and echoed by a 400 is in no output: log (also the HTTP trace), outputs, summary', () =>
    withFake(async (fake) => {
      const SECRET = 'spec-s3cr3t-9f2c';
      const spec = `template:\n  template:\n    containers:\n      - env:\n          - { name: API_KEY, value: '${SECRET}' }\n`;
      fake.injectFault({ method: 'POST', path: `/v2/${US}/jobs`, status: 400, message: `Invalid value at 'job.template.template.containers[0].env[0]' (API_KEY): "${SECRET}"` });
      const r = await run(fake, jobInputs(fake, 'spec-env', { spec }), { RUNNER_DEBUG: '1' });
      expect(r.code).not.toBe(0);
      // The fake did echo it, and the run reported the error with the value scrubbed.
      expect(failure(r)).toContain('(API_KEY): "[REDACTED]"');
      const outputs = [r.stdout, r.stderr, r.summary, ...Object.values(r.outputs)];
      expect(outputs.filter((t) => t.includes(SECRET))).toEqual([]);
    }),
  );
});
