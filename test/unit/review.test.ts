// Review before it runs, the pure parts: the review inputs, when a run comments and on
// which pull request, the comment's marker and body, what counts as drift and how it is said.
import { toDescription, toLabels } from '../../src/ownership/record.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { findDrift } from '../../src/plan/drift.js';
import { planTeardown } from '../../src/plan/teardown.js';
import type { Change } from '../../src/plan/types.js';
import { driftLine, driftMessage } from '../../src/report/drift-text.js';
import { commentBody, commentMarker, commentWanted, explainCommentError, pullRequestOf } from '../../src/report/pr-comment.js';
import { errorFor, parse, REQUIRED } from './config-helpers.js';

const JOB = 'projects/p/locations/europe-west1/jobs/nightly';
const SCHEDULER = 'projects/p/locations/europe-west1/jobs/nightly-schedule';

describe('review inputs', () => {
  it('comment_on_pr is auto, true or false; github_token is kept as given', () => {
    expect(parse(REQUIRED).comment).toEqual({ mode: 'auto', token: undefined });
    expect(parse({ ...REQUIRED, comment_on_pr: 'TRUE', github_token: 'ghs_x' }).comment).toEqual({ mode: 'true', token: 'ghs_x' });
    expect(errorFor({ ...REQUIRED, comment_on_pr: 'yes' })).toMatch(/^Input 'comment_on_pr': "yes" is not allowed: use auto, true or false/);
  });

  it("an unevaluated ${{ github.token }} (outside the runner) means no token", () => {
    expect(parse({ ...REQUIRED, github_token: '${{ github.token }}' }).comment.token).toBeUndefined();
  });

  it('fail_on_drift needs dry_run: true', () => {
    expect(parse({ ...REQUIRED, dry_run: 'true', fail_on_drift: 'true' }).failOnDrift).toBe(true);
    expect(errorFor({ ...REQUIRED, fail_on_drift: 'true' })).toMatch(/needs dry_run: true/);
  });
});

describe('when a run comments', () => {
  const auto = { comment: { mode: 'auto' as const }, dryRun: true };
  it.each([
    ['auto, dry run, pull_request', auto, 'pull_request', true],
    ['auto, dry run, pull_request_target', auto, 'pull_request_target', true],
    ['auto, dry run, push', auto, 'push', false],
    ['auto, a run that applies, pull_request', { ...auto, dryRun: false }, 'pull_request', false],
    ['true, a run that applies, push', { comment: { mode: 'true' as const }, dryRun: false }, 'push', true],
    ['false, dry run, pull_request', { comment: { mode: 'false' as const }, dryRun: true }, 'pull_request', false],
  ])('%s', (_name, config, event, wanted) => {
    expect(commentWanted(config, { GITHUB_EVENT_NAME: event })).toBe(wanted);
  });
});

describe('the pull request of the event', () => {
  const dir = mkdtempSync(join(tmpdir(), 'review-unit-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const env = (payload: unknown) => {
    const file = join(dir, `${Math.random()}.json`);
    writeFileSync(file, JSON.stringify(payload));
    return { GITHUB_REPOSITORY: 'acme/app', GITHUB_EVENT_PATH: file };
  };
  const repo = { full_name: 'acme/app' };

  it('a pull_request payload, from the same repository or a fork', async () => {
    expect(await pullRequestOf(env({ pull_request: { number: 4, head: { repo } }, repository: repo }))).toEqual({ owner: 'acme', repo: 'app', number: 4, fromFork: false });
    const fork = { pull_request: { number: 5, head: { repo: { full_name: 'someone/app' } } }, repository: repo };
    expect((await pullRequestOf(env(fork)))?.fromFork).toBe(true);
  });

  it('an issue_comment on a pull request; nothing for a push or a missing file', async () => {
    expect((await pullRequestOf(env({ issue: { number: 6, pull_request: {} }, repository: repo })))?.number).toBe(6);
    expect(await pullRequestOf(env({ issue: { number: 6 }, repository: repo }))).toBeUndefined();
    expect(await pullRequestOf(env({ ref: 'refs/heads/main', repository: repo }))).toBeUndefined();
    expect(await pullRequestOf({ GITHUB_REPOSITORY: 'acme/app', GITHUB_EVENT_PATH: join(dir, 'none.json') })).toBeUndefined();
  });
});

describe('the comment', () => {
  it('has a hidden marker naming the target, the summary, and a link to the run', () => {
    const marker = commentMarker({ project: 'p', region: 'europe-west1', kind: 'job', name: 'nightly' });
    expect(marker).toBe('<!-- cloud-run-cron:plan project=p region=europe-west1 kind=job name=nightly -->');
    const body = commentBody(marker, '## 📝 Dry run\n', { GITHUB_REPOSITORY: 'acme/app', GITHUB_RUN_ID: '42', GITHUB_SERVER_URL: 'https://ghe.example.com/', GITHUB_SHA: 'abcdef0123' }, new Date('2026-01-02T03:04:05.678Z'));
    expect(body.startsWith(`${marker}\n## 📝 Dry run\n`)).toBe(true);
    expect(body).toContain('[Workflow run](https://ghe.example.com/acme/app/actions/runs/42) for abcdef0 · updated 2026-01-02T03:04:05Z');
  });

  it('a 403 is explained: a fork gets a read-only token; otherwise the job needs pull-requests: write', () => {
    const err = Object.assign(new Error('Resource not accessible by integration'), { status: 403 });
    const pr = { owner: 'acme', repo: 'app', number: 3, fromFork: true };
    expect(explainCommentError(err, pr)).toMatch(/#3: GitHub answered 403: Resource not accessible by integration\. This pull request comes from a fork/);
    expect(explainCommentError(err, { ...pr, fromFork: false })).toMatch(/pull-requests: write/);
  });
});

describe('drift', () => {
  const change = (over: Partial<Change>): Change => ({ type: 'run-job', resource: JOB, action: 'update', fields: [], ...over });

  it('changed fields and missing resources are drift; a tag redeploy with no field changed is not', () => {
    const plan = [
      change({ reason: 'image is named by a tag' }),
      change({ fields: [{ field: 'tasks', before: 5, after: 1 }] }),
      change({ type: 'scheduler-job', resource: SCHEDULER, action: 'create', fields: [{ field: 'schedule', after: '0 3 * * *' }] }),
      change({ type: 'iam-binding', action: 'unchanged' }),
    ];
    const drift = findDrift(plan, {
      workload: { lastModifier: 'alice@acme.dev', updateTime: { seconds: 1767225600, nanos: 0 } } as never,
    });
    expect(drift.map((d) => [d.change.type, d.missing, d.fields.map((f) => f.field), d.lastModifier, d.modifiedAt])).toEqual([
      ['run-job', false, ['tasks'], 'alice@acme.dev', '2026-01-01T00:00:00.000Z'],
      ['scheduler-job', true, [], undefined, undefined],
    ]);
    expect(drift.map(driftLine)).toEqual([
      'Cloud Run job nightly: tasks is 5, the inputs say 1 (last changed by alice@acme.dev at 2026-01-01T00:00:00.000Z)',
      'Scheduler job nightly-schedule: does not exist',
    ]);
  });

  it("Scheduler says when, not who; secrets are shown as references; a missing binding is named", () => {
    const drift = findDrift(
      [
        change({ type: 'scheduler-job', resource: SCHEDULER, fields: [{ field: 'paused', before: true, after: false }] }),
        change({ fields: [{ field: 'secrets.DB', before: { name: 'DB', valueSource: { secretKeyRef: { secret: 'db', version: '2' } } }, after: { name: 'DB', secret: 'db', version: '3' } }] }),
        change({ type: 'iam-binding', action: 'create', fields: [{ field: 'binding', after: 'roles/run.invoker serviceAccount:i@p.iam.gserviceaccount.com' }], subject: 'roles/run.invoker' }),
      ],
      { schedulerJob: { userUpdateTime: '2026-01-01T00:00:00Z' } as never },
    );
    expect(drift.map(driftLine)).toEqual([
      "Scheduler job nightly-schedule: paused is true, the inputs say false (Cloud Scheduler's userUpdateTime: 2026-01-01T00:00:00Z; it does not record who changed the job)",
      'Cloud Run job nightly: secrets.DB is "DB=db:2", the inputs say "DB=db:3"',
      'IAM binding (roles/run.invoker) nightly: the binding "roles/run.invoker serviceAccount:i@p.iam.gserviceaccount.com" is missing',
    ]);
    expect(driftMessage(['a'])).toBe(
      'Drift: the live state differs from the inputs (fail_on_drift: true):\n- a\nRun without dry_run to put back what the inputs say, or change the inputs to keep what is live.',
    );
  });
});

describe('state: absent', () => {
  const names = { projectId: 'p', resource: JOB, schedulerJob: SCHEDULER };
  const config = parse({ ...REQUIRED, region: 'europe-west1', state: 'absent', image: '' });
  const job = (labels: Record<string, string>) => ({ name: JOB, labels }) as never;
  const RUN_URI = 'https://europe-west1-run.googleapis.com/apis/run.googleapis.com/v1/namespaces/p/jobs/nightly:run';
  const trigger = (description: string, uri = RUN_URI) => ({ name: SCHEDULER, description, httpTarget: { uri } }) as never;
  const ours = toLabels({ workload: 'nightly', schedulerRegions: ['europe-west1'] });

  it('force is checked always (ignored with a notice without state: absent); fail_on_drift does not go with it', () => {
    expect(errorFor({ ...REQUIRED, force: 'yes' })).toMatch(/^Input 'force': "yes" is not allowed: use true or false/);
    expect(parse({ ...REQUIRED, force: 'true' }).notices).toEqual(["Input 'force' is ignored: it applies to state: absent only."]);
    expect(errorFor({ ...REQUIRED, state: 'absent', dry_run: 'true', fail_on_drift: 'true' })).toMatch(/^Input 'fail_on_drift': applies to state: present/);
  });

  it('needs no image; names the Scheduler job as a deploy does', () => {
    expect(config.teardown).toEqual({ schedulerJobId: 'nightly-schedule', schedulerRegion: 'europe-west1', force: false });
    expect(config.schedule).toBeUndefined();
  });

  it('plans the Scheduler job before the workload; nothing when nothing exists', () => {
    const { plan, refused } = planTeardown(config, names, { workload: job(ours), schedulerJob: trigger(toDescription({ workload: 'nightly' }, 'text')) });
    expect(plan.map((c) => `${c.action} ${c.type} ${c.resource}`)).toEqual([`delete scheduler-job ${SCHEDULER}`, `delete run-job ${JOB}`]);
    expect(refused).toEqual([]);
    expect(planTeardown(config, names, {})).toEqual({ plan: [], refused: [] });
    // Marked before the owner record existed (single mode's description, managed-by only): still this action's.
    const legacy = planTeardown(config, names, { workload: job({ 'managed-by': 'cloud-run-cron' }), schedulerJob: trigger('Runs the Cloud Run job nightly (managed by cloud-run-cron)') });
    expect(legacy.refused).toEqual([]);
    expect(legacy.plan).toHaveLength(2);
  });

  it('refuses what this action did not make, unless force', () => {
    const current = { workload: job({ team: 'data' }), schedulerJob: trigger('made by hand') };
    expect(planTeardown(config, names, current).refused).toEqual([
      'the Scheduler job nightly-schedule triggers nightly and has no owner record (not made by cloud-run-cron)',
      'the Cloud Run job nightly has no owner record (not made by cloud-run-cron)',
    ]);
    const forced = parse({ ...REQUIRED, state: 'absent', force: 'true' });
    expect(planTeardown(forced, names, current)).toMatchObject({ refused: [], plan: [{ type: 'scheduler-job' }, { type: 'run-job' }] });
  });

  it("refuses another fleet's or repository's workload even with force, and a named trigger of another workload", () => {
    const forced = parse({ ...REQUIRED, state: 'absent', force: 'true' });
    const fleets = planTeardown(forced, names, { workload: job(toLabels({ fleet: 'reports', workload: 'nightly' })) });
    expect(fleets.refused).toEqual([expect.stringMatching(/^the Cloud Run job nightly belongs to fleet reports .*\(other-fleet\).*force: true does not override/)]);
    const repos = planTeardown(forced, names, { workload: job(toLabels({ repositoryId: '9', workload: 'nightly' })) });
    expect(repos.refused).toEqual([expect.stringMatching(/belongs to single mode of repository 9.*\(other-repository\)/)]);
    const other = planTeardown(config, names, { workload: job(ours), schedulerJob: trigger(toDescription({ workload: 'z' }, 'text'), RUN_URI.replace('/nightly:run', '/z:run')) });
    expect(other.refused).toEqual([expect.stringMatching(/^the Scheduler job nightly-schedule triggers https:.*\/jobs\/z:run, not the Cloud Run job nightly: it is another workload's trigger/)]);
  });
});
