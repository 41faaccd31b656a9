// Review before it runs: the plan as one pull-request comment, updated in place;
// a fork's read-only token only warns; fail_on_drift names each drifted field and who changed it.
// dist/index.js against the local Google Cloud and its local GitHub.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { closeFakes, DIGEST, editElsewhere, failure, jobInputs, run, serviceInputs, visibleLog, withFake, writesIn, type FakeGcp, group } from './setup.ts';

// Each case has a local Google Cloud (and GitHub) of its own (withFake), so all of them run at once.
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'review-test-'));
});
afterAll(async () => {
  await closeFakes();
  rmSync(dir, { recursive: true, force: true });
});

const P = 'projects/demo-project/locations/us-central1';
const MARKER = (name: string) => `<!-- cloud-run-cron:plan project=demo-project region=us-central1 kind=job name=${name} -->`;

/** The runner's env for a pull_request event: the payload file, the event name, a token. */
function pullRequestEnv(fake: FakeGcp, number: number, opts: { fork?: boolean; token?: string } = {}): Record<string, string> {
  const file = join(dir, `event-${number}-${opts.fork ? 'fork' : 'own'}.json`);
  writeFileSync(file, JSON.stringify(fake.github.pullRequestEvent({ number, fork: opts.fork })));
  return { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: file, GITHUB_SHA: 'abcdef0123456789abcdef0123456789abcdef01', GITHUB_SERVER_URL: 'https://github.com' };
}
const githubCalls = (fake: FakeGcp, since: number) => fake.requests.slice(since).filter((r) => r.service === 'github' && r.path.startsWith('/github/api/'));

// Every case has a local Google Cloud of its own, so all of them run at once: the groups are
// setup.ts's `group` (not describe blocks), and the file's cases are one concurrent set.

group('the plan as a pull-request comment', (it) => {
  it('a dry run on a pull request creates one comment; the next run updates it in place, also when it is on a later page', () =>
    withFake(async (fake) => {
      const name = 'pr-job';
      // Someone else's comments fill the first page (100 a page), so the action's own lands on page 2.
      for (let i = 0; i < 100; i++) fake.github.addComment(7, `looks good ${i}`);
      const inputs = jobInputs(fake, name, { dry_run: 'true', github_token: fake.github.writeToken });
      const before = fake.requests.length;
      const first = await run(fake, inputs, pullRequestEnv(fake, 7));
      expect(failure(first)).toBe('');
      expect(writesIn(fake, before)).toEqual([]);
      const mine = () => fake.github.comments(7).filter((c) => c.body.includes(MARKER(name)));
      expect(mine()).toHaveLength(1);
      const created = mine()[0]!;
      expect(created.login).toBe('github-actions[bot]');
      expect(created.body).toContain('Dry run');
      expect(created.body).toMatch(/Next runs: /);
      expect(created.body).toContain('+ create run-job');
      expect(created.body).toContain('https://github.com/acme/app/actions/runs/');
      // Who the token posts as (GET /user: 403 for an installation token), the comments, the new one.
      expect(githubCalls(fake, before).map((r) => `${r.method} ${r.path.replace(/^\/github\/api\/repos\/[^/]+\/[^/]+/, '')} ${r.status}`).sort()).toEqual(['GET /github/api/user 403', 'GET /issues/7/comments 200', 'POST /issues/7/comments 201']);
      expect(visibleLog(first)).toMatch(/Pull request #7: plan comment created/);

      // The workload exists now; the second dry run plans no creation and edits the same comment.
      const applied = await run(fake, { ...inputs, dry_run: 'false', smoke_test: 'false' });
      expect(failure(applied)).toBe('');
      const again = fake.requests.length;
      const second = await run(fake, { ...inputs, image: `us-docker.pkg.dev/demo-project/apps/${name}@${DIGEST('b')}` }, pullRequestEnv(fake, 7));
      expect(failure(second)).toBe('');
      expect(mine()).toHaveLength(1);
      expect(mine()[0]!.id).toBe(created.id);
      expect(mine()[0]!.body).toContain('~ update run-job');
      expect(mine()[0]!.body).not.toContain('+ create run-job');
      // page 1 (with a Link to page 2), page 2, then the update: never a second POST
      expect(githubCalls(fake, again).filter((r) => r.path !== '/github/api/user').map((r) => `${r.method} ${r.status} ${r.query}`)).toEqual([
        'GET 200 per_page=100',
        'GET 200 per_page=100&page=2',
        `PATCH 200 `,
      ]);
      expect(fake.github.comments(7)).toHaveLength(101);
    }),
  );

  it("a fork's read-only token only warns: the step succeeds and the plan stays in the summary", () =>
    withFake(async (fake) => {
      const inputs = jobInputs(fake, 'fork-job', { dry_run: 'true', github_token: fake.github.readOnlyToken });
      const before = fake.requests.length;
      // Step debug logging on: the HTTP trace must not show the token either.
      const r = await run(fake, inputs, { ...pullRequestEnv(fake, 8, { fork: true }), RUNNER_DEBUG: '1' });
      expect(r.code).toBe(0);
      expect(failure(r)).toBe('');
      expect(r.stdout).toMatch(/::warning::Could not comment on pull request #8: GitHub answered 403: Resource not accessible by integration.*fork.*read-only token/);
      expect(githubCalls(fake, before).map((c) => `${c.method} ${c.status}`).sort()).toEqual(['GET 200', 'GET 403', 'POST 403']);
      expect(fake.github.comments(8)).toEqual([]);
      expect(r.summary).toContain('Dry run');
      expect(visibleLog(r)).not.toContain(fake.github.readOnlyToken);
    }),
  );

  it('comment_on_pr auto: no comment outside pull-request events, nor for a run that applies', () =>
    withFake(async (fake) => {
      const before = fake.requests.length;
      const push = await run(fake, jobInputs(fake, 'push-job', { dry_run: 'true', github_token: fake.github.writeToken }), { GITHUB_EVENT_NAME: 'push' });
      expect(failure(push)).toBe('');
      const apply = await run(fake, jobInputs(fake, 'push-job', { smoke_test: 'false', github_token: fake.github.writeToken }), pullRequestEnv(fake, 9));
      expect(failure(apply)).toBe('');
      expect(githubCalls(fake, before)).toEqual([]);
    }),
  );
});

group('fail_on_drift', (it) => {
  it('a console edit of the schedule and of the job fails the check, naming each field and who changed it', () =>
    withFake(async (fake) => {
      const name = 'drift-edit';
      // tasks set: an input left empty keeps the live value, so only a set one can drift.
      const inputs = jobInputs(fake, name, { smoke_test: 'false', tasks: '1' });
      expect(failure(await run(fake, inputs))).toBe('');
      const check = { ...inputs, dry_run: 'true', fail_on_drift: 'true' };
      const clean = await run(fake, check);
      expect(failure(clean)).toBe('');
      expect(visibleLog(clean)).toContain('Drift check: the live state matches the inputs.');
      expect(clean.summary).toContain('None: the live state matches the inputs.');

      // Someone edits the schedule in the Console, and the job's task count.
      const token = fake.userToken('alice@acme.dev');
      const call = (method: string, path: string, body: unknown) =>
        fetch(`${fake.url}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect((await call('PATCH', `/v1/${P}/jobs/${name}-schedule?updateMask=schedule`, { schedule: '0 4 * * *' })).status).toBe(200);
      const job = (await (await fetch(`${fake.url}/v2/${P}/jobs/${name}`, { headers: { authorization: `Bearer ${token}` } })).json()) as any;
      job.template.taskCount = 5;
      expect((await call('PATCH', `/v2/${P}/jobs/${name}`, job)).status).toBe(200);

      const before = fake.requests.length;
      const drifted = await run(fake, check);
      expect(drifted.code).not.toBe(0);
      expect(writesIn(fake, before)).toEqual([]);
      const message = failure(drifted);
      expect(message).toMatch(/^Drift: the live state differs from the inputs/);
      expect(message).toMatch(/Cloud Run job drift-\w+: tasks is 5, the inputs say 1 \(last changed by alice@acme\.dev at \d{4}-/);
      expect(message).toMatch(/Scheduler job drift-\w+-schedule: schedule is "0 4 \* \* \*", the inputs say "0 3 \* \* \*" \(Cloud Scheduler's userUpdateTime: \d{4}-\d\d-\d\dT[\d:]+Z; it does not record who changed the job\)/);
      expect(drifted.summary).toContain(`❌ Drift: Cloud Run job ${name} differs from the inputs`);
      expect(drifted.outputs.changed).toBe('false');
    }),
  );

  it('a missing Scheduler job is drift too', () =>
    withFake(async (fake) => {
      const r = await run(fake, jobInputs(fake, 'never-deployed', { dry_run: 'true', fail_on_drift: 'true' }));
      expect(failure(r)).toMatch(/Cloud Run job never-deployed: does not exist/);
      expect(failure(r)).toMatch(/Scheduler job never-deployed-schedule: does not exist/);
    }),
  );

  it('without dry_run it is a bad input, before any request', () =>
    withFake(async (fake) => {
      const before = fake.requests.length;
      const r = await run(fake, jobInputs(fake, 'x-job', { fail_on_drift: 'true' }));
      expect(failure(r)).toMatch(/^Input 'fail_on_drift': true needs dry_run: true/);
      expect(fake.requests.length).toBe(before);
    }),
  );
});

group('state: absent', (it) => {
  const teardownInputs = (fake: FakeGcp, name: string, extra: Record<string, string> = {}) => {
    const { image: _image, schedule: _s, invoker_service_account: _i, time_zone: _t, ...target } = jobInputs(fake, name);
    return { ...target, state: 'absent', ...extra };
  };
  const deletes = (fake: FakeGcp, since: number) => fake.requests.slice(since).filter((r) => r.method === 'DELETE').map((r) => r.path);

  it("deletes the Scheduler job first, then the job (waiting for it); a second run is a no-op; a dry run only plans", () =>
    withFake(async (fake) => {
      const name = 'gone-job';
      expect(failure(await run(fake, jobInputs(fake, name, { smoke_test: 'false' })))).toBe('');

      let before = fake.requests.length;
      const dry = await run(fake, teardownInputs(fake, name, { dry_run: 'true' }));
      expect(failure(dry)).toBe('');
      expect(writesIn(fake, before)).toEqual([]);
      expect(JSON.parse(dry.outputs.plan).map((c: { type: string; action: string }) => `${c.action} ${c.type}`)).toEqual(['delete scheduler-job', 'delete run-job']);
      expect(visibleLog(dry)).toContain(`- delete scheduler-job ${P}/jobs/${name}-schedule`);

      before = fake.requests.length;
      const gone = await run(fake, teardownInputs(fake, name));
      expect(failure(gone)).toBe('');
      expect(deletes(fake, before)).toEqual([`/v1/${P}/jobs/${name}-schedule`, `/v2/${P}/jobs/${name}`]);
      // the job's deletion is a long-running operation, polled until done
      const afterDelete = fake.requests.slice(before).findIndex((r) => r.method === 'DELETE' && r.path.startsWith('/v2/'));
      expect(fake.requests.slice(before + afterDelete + 1).some((r) => r.path.includes('/operations/'))).toBe(true);
      expect(fake.runJobs().some((j) => j.name === `${P}/jobs/${name}`)).toBe(false);
      expect(fake.schedulerJobs().some((j) => j.name === `${P}/jobs/${name}-schedule`)).toBe(false);
      expect(gone.outputs.changed).toBe('true');
      expect(gone.outputs.resource).toBe('');
      expect(gone.summary).toContain(`🗑️ Cloud Run job ${name} removed`);

      before = fake.requests.length;
      const again = await run(fake, teardownInputs(fake, name));
      expect(failure(again)).toBe('');
      expect(writesIn(fake, before)).toEqual([]);
      expect(again.outputs.changed).toBe('false');
      expect(again.summary).toContain(`🗑️ Cloud Run job ${name} is already absent`);
    }),
  );

  it('a service: its Scheduler job, then the service', () =>
    withFake(async (fake) => {
      const name = 'gone-svc';
      expect(failure(await run(fake, serviceInputs(fake, name, { smoke_test: 'false' })))).toBe('');
      const before = fake.requests.length;
      const gone = await run(fake, teardownInputs(fake, name, { kind: 'service' }));
      expect(failure(gone)).toBe('');
      expect(deletes(fake, before)).toEqual([`/v1/${P}/jobs/${name}-schedule`, `/v2/${P}/services/${name}`]);
      expect(fake.runServices().some((x) => x.name === `${P}/services/${name}`)).toBe(false);
    }),
  );

  it('a job without an owner record (made elsewhere) is refused, nothing deleted; force: true removes it', () =>
    withFake(async (fake) => {
      const name = 'unmarked-job';
      expect(failure(await run(fake, jobInputs(fake, name, { smoke_test: 'false' })))).toBe('');
      // Another tool strips the marks: the job and its trigger are no longer the action's.
      await editElsewhere(fake, `/v2/${P}/jobs/${name}`, (j) => (j.labels = { team: 'data' }));
      await editElsewhere(fake, `/v1/${P}/jobs/${name}-schedule`, (j) => (j.description = 'made by hand'), 'description');
      const before = fake.requests.length;
      const refused = await run(fake, teardownInputs(fake, name));
      expect(failure(refused)).toMatch(/^state: absent refused: .*the Cloud Run job unmarked-job has no owner record \(not made by cloud-run-cron\).*Nothing was deleted.*force: true/);
      expect(deletes(fake, before)).toEqual([]);
      expect(fake.runJobs().some((j) => j.name === `${P}/jobs/${name}`)).toBe(true);

      const forced = await run(fake, teardownInputs(fake, name, { force: 'true' }));
      expect(failure(forced)).toBe('');
      expect(fake.runJobs().some((j) => j.name === `${P}/jobs/${name}`)).toBe(false);
    }),
  );
});

test.concurrent('fleet mode: state: absent on a workload of the manifest removes it, without prune', () =>
  withFake(async (fake) => {
    const w = fake.world;
    const workspace = mkdtempSync(join(tmpdir(), 'review-fleet-'));
    const fleetRun = (state: string) => {
      writeFileSync(
        join(workspace, 'cloud-run-cron.yaml'),
        `version: 1
fleet: review
defaults:
  runtime_service_account: ${w.runtime}
  invoker_service_account: ${w.invoker}
workloads:
  - name: fleet-kept
    image: us-docker.pkg.dev/${w.projectId}/apps/kept@${DIGEST('a')}
    schedule: '0 3 * * *'
  - name: fleet-gone
    image: us-docker.pkg.dev/${w.projectId}/apps/gone@${DIGEST('a')}
    schedule: '0 4 * * *'
    state: ${state}
`,
      );
      return run(fake, { workload_identity_provider: w.provider, service_account: w.deployer, region: w.region, manifest: 'cloud-run-cron.yaml', smoke_test: 'false' }, { GITHUB_WORKSPACE: workspace });
    };
    try {
      expect(failure(await fleetRun('present'))).toBe('');
      expect(fake.runJobs().some((j) => j.name === `${P}/jobs/fleet-gone`)).toBe(true);
      const before = fake.requests.length;
      const r = await fleetRun('absent');
      expect(failure(r)).toBe('');
      expect(fake.requests.slice(before).filter((x) => x.method === 'DELETE').map((x) => x.path)).toEqual([`/v1/${P}/jobs/fleet-gone-schedule`, `/v2/${P}/jobs/fleet-gone`]);
      expect(fake.runJobs().some((j) => j.name === `${P}/jobs/fleet-kept`)).toBe(true);
      expect(fake.runJobs().some((j) => j.name === `${P}/jobs/fleet-gone`)).toBe(false);
    } finally {
      rmSync(workspace, { recursive: true, force: true });
    }
  }),
);
