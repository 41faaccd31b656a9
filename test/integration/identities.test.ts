// Two identities (docs/identities.md): the Quickstart's setup commands, run as written against a
// bare local Google Cloud (fake/gcloud.ts), bind the deployer to the production environment and
// the read-only planner to pull requests and main. The review loop then runs end to end with
// exactly those bindings: plan on the pull request as the planner, apply on merge as the
// deployer, drift check on a schedule as the planner. The fake enforces each binding's subject.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { ROOT } from '../../scripts/build.ts';
import { closeFakes, DIGEST, failure, run, visibleLog, withFake, type FakeGcp } from './setup.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'identities-test-'));
});
afterAll(async () => {
  await closeFakes();
  rmSync(dir, { recursive: true, force: true });
});

const PROJECT = 'demo-project';
const P = `projects/${PROJECT}/locations/us-central1`;
const PROVIDER = 'projects/123456789012/locations/global/workloadIdentityPools/github/providers/cloud-run-cron';
const POOL_PRINCIPAL = 'principal://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/github/subject/';
const account = (name: string) => `${name}@${PROJECT}.iam.gserviceaccount.com`;
const DEPLOYER = account('cloud-run-cron-deployer');
const PLANNER = account('cloud-run-cron-planner');

/** The ```sh block of a Markdown section. */
function shellBlock(file: string, after: string): string {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const at = text.indexOf(after);
  expect(at).toBeGreaterThanOrEqual(0);
  return /```sh\n([\s\S]*?)```/.exec(text.slice(at))![1]!;
}

/** What the reader of the Quickstart types or looks up, for the fake's project and the fake GitHub's repository. */
const GIVEN = {
  PROJECT_ID: PROJECT,
  GITHUB_ORG: 'acme',
  REPO: 'acme/app',
  GITHUB_ENVIRONMENT: 'production',
  GITHUB_ORG_ID: '1000001', // the fake GitHub token's repository_owner_id
  PROJECT_NUMBER: '123456789012',
};

function setUp(fake: FakeGcp): string[] {
  return fake.gcloud(shellBlock('README.md', '## One-time setup'), GIVEN);
}

function inputs(name: string, serviceAccount: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    workload_identity_provider: PROVIDER,
    service_account: serviceAccount,
    region: 'us-central1',
    name,
    image: `us-docker.pkg.dev/${PROJECT}/apps/${name}@${DIGEST('a')}`,
    runtime_service_account: account('cron-runtime'),
    schedule: '0 3 * * *',
    invoker_service_account: account('scheduler-invoker'),
    ...extra,
  };
}

/** Every request to Cloud Run or Cloud Scheduler that is not a read, after `since`. */
const writes = (fake: FakeGcp, since: number) =>
  fake.requests.slice(since).filter((r) => (r.service === 'run' || r.service === 'scheduler') && r.method !== 'GET').map((r) => `${r.method} ${r.path}`);
const reads = (fake: FakeGcp, since: number) => fake.requests.slice(since).filter((r) => (r.service === 'run' || r.service === 'scheduler') && r.method === 'GET');

function pullRequestEnv(fake: FakeGcp, number: number): Record<string, string> {
  const file = join(dir, `event-${number}.json`);
  writeFileSync(file, JSON.stringify(fake.github.pullRequestEvent({ number })));
  return { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: file, GITHUB_SHA: 'abcdef0123456789abcdef0123456789abcdef01' };
}

test('the documented setup binds both identities, and docs/identities.md shows the same planner commands', () =>
  withFake(
    async (fake) => {
      const applied = setUp(fake);
      expect(applied.filter((c) => c.startsWith('gcloud iam roles create')).map((c) => c.split(' ')[4])).toEqual(['cloudRunCronDeployer', 'cloudRunCronPlanner']);
      const planner = fake.getPolicy(`projects/${PROJECT}/serviceAccounts/${PLANNER}`).bindings;
      expect(planner).toEqual([
        { role: 'roles/iam.workloadIdentityUser', members: [`${POOL_PRINCIPAL}repo:acme/app:pull_request`, `${POOL_PRINCIPAL}repo:acme/app:ref:refs/heads/main`] },
      ]);
      const deployer = fake.getPolicy(`projects/${PROJECT}/serviceAccounts/${DEPLOYER}`).bindings;
      expect(deployer).toEqual([{ role: 'roles/iam.workloadIdentityUser', members: [`${POOL_PRINCIPAL}repo:acme/app:environment:production`] }]);
      // No set of principals anywhere: one subject per binding.
      expect(JSON.stringify(fake.getPolicy(`projects/${PROJECT}`))).not.toContain('principalSet');
      // The planner section of docs/identities.md is the README's, command for command.
      const flat = (script: string) => script.replace(/\\\n\s*/g, '').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
      const readme = flat(shellBlock('README.md', '## One-time setup'));
      for (const line of flat(shellBlock('docs/identities.md', '## Adding the planner'))) expect(readme).toContain(line);
    },
    { bare: true },
  ));

test('the review loop with the two identities bound as documented: plan on the pull request, apply on merge, drift on a schedule', () =>
  withFake(
    async (fake) => {
      setUp(fake);
      const name = 'loop-job';

      // 1. Plan on a pull request, as the planner (plan.yml: dry_run, read_only, comment).
      fake.setGithubClaims({ event_name: 'pull_request' });
      let before = fake.requests.length;
      const plan = await run(fake, inputs(name, PLANNER, { dry_run: 'true', read_only: 'true', comment_on_pr: 'true', github_token: fake.github.writeToken }), pullRequestEnv(fake, 5));
      expect(failure(plan)).toBe('');
      expect(writes(fake, before)).toEqual([]);
      expect(visibleLog(plan)).toContain(`Authenticated as ${PLANNER} (GitHub OIDC subject repo:acme/app:pull_request)`);
      expect(fake.github.comments(5).map((c) => c.body).join('\n')).toContain(`+ create run-job ${P}/jobs/${name}`);

      // The pull request cannot become the deployer; the fix names its own subject, not the repository.
      before = fake.requests.length;
      const asDeployer = await run(fake, inputs(name, DEPLOYER, { dry_run: 'true', comment_on_pr: 'false' }), pullRequestEnv(fake, 5));
      const denied = failure(asDeployer);
      expect(denied).toMatch(new RegExp(`^Impersonating ${DEPLOYER.replace(/\./g, '\\.')} failed`));
      expect(denied).toContain(`--member=${POOL_PRINCIPAL}repo:acme/app:pull_request --role=roles/iam.workloadIdentityUser`);
      expect(denied).not.toContain('attribute.repository');
      expect(denied).toContain('A pull request should not impersonate the deployer: plan it as the read-only planner');
      expect(fake.requests.slice(before).filter((r) => r.service === 'run' || r.service === 'scheduler')).toEqual([]);

      // A run that would write, as the planner: refused after the plan, before any write.
      before = fake.requests.length;
      const refused = await run(fake, inputs(name, PLANNER, { read_only: 'true', comment_on_pr: 'false' }), pullRequestEnv(fake, 5));
      const message = failure(refused);
      expect(message).toMatch(new RegExp(`^Refused before any write: ${PLANNER.replace(/\./g, '\\.')} is the read-only planner \\(read_only: true\\)`));
      expect(message).toContain(`- create run-job ${P}/jobs/${name}`);
      expect(message).toContain('- the smoke test (it runs the trigger once)');
      expect(message).toContain(`the deployer (${DEPLOYER} in docs/identities.md's setup)`);
      expect(reads(fake, before).length).toBeGreaterThan(0); // it planned
      expect(writes(fake, before)).toEqual([]); // and wrote nothing
      expect(refused.outputs.changed).toBe('false');
      expect(refused.summary).toContain('Refused before any write');

      // Without read_only the planner's missing writes are IAM's to refuse: nothing is created.
      before = fake.requests.length;
      const unmarked = await run(fake, inputs(name, PLANNER, { comment_on_pr: 'false' }), pullRequestEnv(fake, 5));
      expect(failure(unmarked)).toMatch(/Permission 'run\.jobs\.create' denied/);
      expect(fake.runJobs().some((j) => j.name === `${P}/jobs/${name}`)).toBe(false);

      // 2. Apply on merge, as the deployer, in the production environment (with the smoke test).
      fake.setGithubClaims({ event_name: 'push', environment: 'production' });
      const apply = await run(fake, inputs(name, DEPLOYER));
      expect(failure(apply)).toBe('');
      expect(apply.outputs.execution_status).toBe('succeeded');
      expect(fake.runJobs().find((j) => j.name === `${P}/jobs/${name}`)?.creator).toBe(DEPLOYER);

      // 3. The nightly drift check on main, as the planner: clean, then a Console edit is drift.
      fake.setGithubClaims({ event_name: 'schedule', environment: undefined });
      const check = inputs(name, PLANNER, { read_only: 'true', dry_run: 'true', fail_on_drift: 'true' });
      before = fake.requests.length;
      const clean = await run(fake, check);
      expect(failure(clean)).toBe('');
      expect(visibleLog(clean)).toContain('Drift check: the live state matches the inputs.');
      expect(writes(fake, before)).toEqual([]);
      const token = fake.userToken('alice@acme.dev');
      const edit = await fetch(`${fake.url}/v1/${P}/jobs/${name}-schedule?updateMask=schedule`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ schedule: '0 4 * * *' }),
      });
      expect(edit.status).toBe(200);
      before = fake.requests.length;
      const drifted = await run(fake, check);
      expect(failure(drifted)).toMatch(/Scheduler job loop-job-schedule: schedule is "0 4 \* \* \*", the inputs say "0 3 \* \* \*"/);
      expect(writes(fake, before)).toEqual([]);

      // Fleet mode with prune, dry run, as the planner: the list reads are in its role too.
      const workspace = mkdtempSync(join(dir, 'fleet-'));
      writeFileSync(
        join(workspace, 'cloud-run-cron.yaml'),
        `version: 1\nfleet: loop\ndefaults:\n  runtime_service_account: ${account('cron-runtime')}\n  invoker_service_account: ${account('scheduler-invoker')}\nworkloads:\n  - name: fleet-a\n    image: us-docker.pkg.dev/${PROJECT}/apps/a@${DIGEST('a')}\n    schedule: '0 3 * * *'\n`,
      );
      before = fake.requests.length;
      const fleet = await run(
        fake,
        { workload_identity_provider: PROVIDER, service_account: PLANNER, region: 'us-central1', manifest: 'cloud-run-cron.yaml', prune: 'true', read_only: 'true', dry_run: 'true' },
        { GITHUB_WORKSPACE: workspace },
      );
      expect(failure(fleet)).toBe('');
      expect(writes(fake, before)).toEqual([]);
    },
    { bare: true },
  ));

test('subjects the setup does not bind are refused by the fake, and each fix names the exact subject', () =>
  withFake(
    async (fake) => {
      setUp(fake);
      const attempt = async (claims: Record<string, unknown>, serviceAccount: string, subject: string) => {
        fake.setGithubClaims({ event_name: undefined, environment: undefined, repository: undefined, ...claims });
        const before = fake.requests.length;
        const r = await run(fake, inputs('unbound', serviceAccount, { dry_run: 'true', read_only: serviceAccount === PLANNER ? 'true' : 'false' }));
        expect(failure(r)).toMatch(/^Impersonating .* failed/);
        expect(failure(r)).toContain(`--member=${POOL_PRINCIPAL}${subject} --role=roles/iam.workloadIdentityUser`);
        expect(fake.requests.slice(before).filter((x) => x.service === 'run' || x.service === 'scheduler')).toEqual([]);
      };
      // Another repository of the same owner passes the provider's condition, but no binding names it.
      await attempt({ repository: 'acme/other', event_name: 'pull_request' }, PLANNER, 'repo:acme/other:pull_request');
      // main without the environment is not the deployer; another environment is not the planner.
      await attempt({}, DEPLOYER, 'repo:acme/app:ref:refs/heads/main');
      await attempt({ environment: 'staging' }, PLANNER, 'repo:acme/app:environment:staging');
    },
    { bare: true },
  ));

test('a fleet run as the planner that would write is refused before any write, naming each write', () =>
  withFake(
    async (fake) => {
      setUp(fake);
      fake.setGithubClaims({ event_name: 'schedule' });
      const workspace = mkdtempSync(join(dir, 'fleet-refused-'));
      writeFileSync(
        join(workspace, 'cloud-run-cron.yaml'),
        `version: 1\nfleet: refused\ndefaults:\n  runtime_service_account: ${account('cron-runtime')}\n  invoker_service_account: ${account('scheduler-invoker')}\nworkloads:\n  - name: fleet-b\n    image: us-docker.pkg.dev/${PROJECT}/apps/b@${DIGEST('b')}\n    schedule: '0 3 * * *'\n`,
      );
      const before = fake.requests.length;
      const r = await run(
        fake,
        { workload_identity_provider: PROVIDER, service_account: PLANNER, region: 'us-central1', manifest: 'cloud-run-cron.yaml', read_only: 'true' },
        { GITHUB_WORKSPACE: workspace },
      );
      expect(failure(r)).toMatch(/^Refused before any write: .* is the read-only planner/);
      expect(failure(r)).toContain(`- fleet-b: create run-job ${P}/jobs/fleet-b`);
      expect(writes(fake, before)).toEqual([]);
    },
    { bare: true },
  ));

test('endpoint overrides from the environment are one ::warning:: annotation naming each variable and host', () =>
  withFake(async (fake) => {
    const w = fake.world;
    const r = await run(fake, {
      workload_identity_provider: w.provider, service_account: w.deployer, region: w.region, name: 'overridden',
      image: `us-docker.pkg.dev/${w.projectId}/apps/overridden@${DIGEST('a')}`, runtime_service_account: w.runtime, dry_run: 'true',
    });
    expect(failure(r)).toBe('');
    const warnings = r.stdout.split('\n').filter((l) => l.startsWith('::warning::Google API endpoints are overridden'));
    expect(warnings).toHaveLength(1);
    const host = new URL(fake.url).host;
    for (const api of ['RUN', 'CLOUDSCHEDULER', 'STS', 'IAMCREDENTIALS', 'LOGGING']) {
      expect(warnings[0]).toContain(`CLOUDSDK_API_ENDPOINT_OVERRIDES_${api} sends ${api.toLowerCase()} requests to ${host}`);
    }
  }));
