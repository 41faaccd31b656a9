// Errors that name the fix: withholding one permission or role at a time, each
// failure names it, the resource, and the one gcloud command that grants it; auth failures
// say which link of GitHub OIDC -> STS -> impersonation broke.
import { afterAll, expect, test } from '@jest/globals';
import { closeFakes, failure, jobInputs, run, visibleLog, withFake, writesIn, type ActionRun, type FakeGcp, group } from './setup.ts';

// Each case withholds grants or breaks a link of auth on a local Google Cloud of its own (withFake),
// so all of them run at once.
afterAll(closeFakes);

const PROJECT = 'projects/demo-project';
const SA = (email: string) => `${PROJECT}/serviceAccounts/${email}`;
const PRINCIPAL_SET =
  'principalSet://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/github/attribute.repository/acme/app';
/** This run's own principal: the fake GitHub token's subject on main (repo:acme/app:ref:refs/heads/main). */
const RUN_PRINCIPAL =
  'principal://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/github/subject/repo:acme/app:ref:refs/heads/main';

/** Withholds a grant for one run (with `also` granted meanwhile), restoring it afterwards. */
async function withheld(
  fake: FakeGcp,
  grant: [resource: string, member: string, role: string],
  inputs: Record<string, string>,
  also?: [resource: string, member: string, role: string],
): Promise<ActionRun> {
  fake.revoke(...grant);
  if (also) fake.grant(...also);
  try {
    return await run(fake, inputs);
  } finally {
    if (also) fake.revoke(...also);
    fake.grant(...grant);
  }
}

/** The failure, checked to be a single annotation and not a stack trace. */
function explained(r: ActionRun): string {
  expect(r.code).not.toBe(0);
  expect(r.stdout.split('\n').filter((l) => l.startsWith('::error'))).toHaveLength(1);
  const message = failure(r);
  expect(message).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  expect(message).not.toMatch(/ya29\.|eyJ[A-Za-z0-9_-]{10,}\./);
  return message;
}

/** Run and Scheduler requests after `since` (none means the action stopped at auth). */
const apiRequests = (fake: FakeGcp, since: number) => fake.requests.slice(since).filter((r) => r.service === 'run' || r.service === 'scheduler');

// Every case has a local Google Cloud of its own, so all of them run at once: the groups are
// setup.ts's `group` (not describe blocks), and the file's cases are one concurrent set.

group('auth failures say which link broke, before any Cloud Run or Scheduler request', (it) => {
  // The longest wait first (jest starts concurrent cases in order): the action retries the GitHub token endpoint.
  it('the GitHub token endpoint failing: says so, without blaming the permissions', () =>
    withFake(async (fake) => {
      fake.failGithubToken(500, 'boom');
      try {
        const before = fake.requests.length;
        const message = explained(await run(fake, jobInputs(fake, 'github-down')));
        expect(message).toMatch(/^Getting the GitHub OIDC token failed/);
        expect(message).not.toContain('id-token: write');
        expect(apiRequests(fake, before)).toEqual([]);
      } finally {
        fake.failGithubToken(0);
      }
    }),
  );

  it('no ACTIONS_ID_TOKEN_REQUEST_URL: the workflow lacks id-token: write', () =>
    withFake(async (fake) => {
      const before = fake.requests.length;
      const result = await run(fake, jobInputs(fake, 'no-oidc'), { ACTIONS_ID_TOKEN_REQUEST_URL: '', ACTIONS_ID_TOKEN_REQUEST_TOKEN: '' });
      const message = explained(result);
      expect(message).toMatch(/^Getting the GitHub OIDC token failed: ACTIONS_ID_TOKEN_REQUEST_URL is not set/);
      expect(message).toContain("'permissions: id-token: write'");
      expect(message).toMatch(/permissions:\n\s+id-token: write/);
      expect(fake.requests.slice(before)).toEqual([]);
    }),
  );

  it("STS: the provider's attribute condition rejects the token: says so and shows how to read the condition", () =>
    withFake(async (fake) => {
      fake.setAttributeCondition("assertion.repository_owner == 'someone-else'");
      try {
        const before = fake.requests.length;
        const message = explained(await run(fake, jobInputs(fake, 'condition')));
        expect(message).toMatch(/^Exchanging the GitHub OIDC token at Google STS failed/);
        expect(message).toContain(fake.world.provider);
        expect(message).toMatch(/attribute condition rejected this workflow's token \(repository acme\/app\)/);
        expect(message).toContain(
          "gcloud iam workload-identity-pools providers describe github --workload-identity-pool=github --location=global --project=123456789012 --format='value(attributeCondition)'",
        );
        expect(apiRequests(fake, before)).toEqual([]);
      } finally {
        fake.setAttributeCondition("assertion.repository_owner == 'acme'");
      }
    }),
  );

  it('STS: a provider path with the project ID instead of the number is refused before any request', () =>
    withFake(async (fake) => {
      const before = fake.requests.length;
      const provider = 'projects/demo-project/locations/global/workloadIdentityPools/github/providers/github';
      const message = explained(await run(fake, jobInputs(fake, 'by-id', { workload_identity_provider: provider })));
      expect(message).toMatch(/Input 'workload_identity_provider'/);
      expect(message).toContain('the project number, not the project ID "demo-project"');
      expect(message).toContain("gcloud projects describe demo-project --format='value(projectNumber)'");
      expect(fake.requests.slice(before)).toEqual([]);
    }),
  );

  it('STS: a provider that does not exist: says the provider was not found and to check the IDs and the number', () =>
    withFake(async (fake) => {
      const before = fake.requests.length;
      const provider = 'projects/123456789012/locations/global/workloadIdentityPools/github/providers/gitlab';
      const message = explained(await run(fake, jobInputs(fake, 'no-provider', { workload_identity_provider: provider })));
      expect(message).toContain(`The provider ${provider} was not found or is disabled`);
      expect(message).toMatch(/project NUMBER/);
      expect(apiRequests(fake, before)).toEqual([]);
    }),
  );

  it("STS: an audience the provider does not accept: names the audience requested and the fix", () =>
    withFake(async (fake) => {
      const before = fake.requests.length;
      const audience = 'https://example.com/not-the-provider';
      const message = explained(await run(fake, jobInputs(fake, 'audience', { audience })));
      expect(message).toMatch(/^Exchanging the GitHub OIDC token at Google STS failed/);
      expect(message).toContain(`the action requested ${audience}`);
      expect(message).toMatch(/Leave 'audience' unset/);
      expect(apiRequests(fake, before)).toEqual([]);
    }),
  );

  it('impersonation of an account that does not exist: names the account and the service_account input', () =>
    withFake(async (fake) => {
      const before = fake.requests.length;
      const message = explained(await run(fake, jobInputs(fake, 'ghost', { service_account: 'ghost@demo-project.iam.gserviceaccount.com' })));
      expect(message).toMatch(/^Impersonating ghost@demo-project\.iam\.gserviceaccount\.com failed/);
      expect(message).toContain('roles/iam.workloadIdentityUser');
      expect(message).toContain("check the 'service_account' input");
      expect(apiRequests(fake, before)).toEqual([]);
    }),
  );
});

group('withholding one permission at a time', (it) => {
  it('actAs on the runtime account: names the permission, the account, and the gcloud command', () =>
    withFake(async (fake) => {
      const deployer = `serviceAccount:${fake.world.deployer}`;
      const before = fake.requests.length;
      const result = await withheld(fake, [SA(fake.world.runtime), deployer, 'roles/iam.serviceAccountUser'], jobInputs(fake, 'no-actas-runtime'));
      const message = explained(result);
      expect(message).toMatch(/^Creating the Cloud Run job/m);
      expect(message).toContain(`Missing permission iam.serviceAccounts.actAs on ${SA(fake.world.runtime)}`);
      expect(message).toContain(
        `gcloud iam service-accounts add-iam-policy-binding ${fake.world.runtime} --member=${deployer} --role=roles/iam.serviceAccountUser`,
      );
      // The failed create was the last write: no IAM binding, no Scheduler job.
      expect(writesIn(fake, before).filter((w) => w.path.endsWith(':setIamPolicy') || w.path.startsWith('/v1/'))).toEqual([]);
      expect(fake.runJobs().some((j) => String(j.name).endsWith('/no-actas-runtime'))).toBe(false);
    }),
  );

  it('actAs on the invoker account: names the permission, the account, and the gcloud command', () =>
    withFake(async (fake) => {
      const deployer = `serviceAccount:${fake.world.deployer}`;
      const result = await withheld(fake, [SA(fake.world.invoker), deployer, 'roles/iam.serviceAccountUser'], jobInputs(fake, 'no-actas-invoker'));
      const message = explained(result);
      expect(message).toMatch(/Scheduler job/i);
      expect(message).toMatch(/iam\.serviceAccounts\.actAs/);
      expect(message).toContain(fake.world.invoker);
      expect(message).toContain(
        `gcloud iam service-accounts add-iam-policy-binding ${fake.world.invoker} --member=${deployer} --role=roles/iam.serviceAccountUser`,
      );
      expect(fake.schedulerJobs().some((j) => String(j.name).endsWith('/no-actas-invoker-schedule'))).toBe(false);
    }),
  );

  it('run.jobs.setIamPolicy (roles/run.developer instead of roles/run.admin): names it, the job, and the grant', () =>
    withFake(async (fake) => {
      const deployer = `serviceAccount:${fake.world.deployer}`;
      const job = `${PROJECT}/locations/us-central1/jobs/no-set-iam`;
      const result = await withheld(fake, [PROJECT, deployer, 'roles/run.admin'], jobInputs(fake, 'no-set-iam'), [PROJECT, deployer, 'roles/run.developer']);
      const message = explained(result);
      expect(message).toContain('run.jobs.setIamPolicy');
      expect(message).toContain(job);
      expect(message).toContain(`gcloud projects add-iam-policy-binding demo-project --member=${deployer} --role=roles/run.admin`);
      expect(fake.getPolicy(job).bindings).toEqual([]);
    }),
  );

  it('cloudscheduler.jobs.create (roles/cloudscheduler.viewer only): names it, the Scheduler job, and the grant', () =>
    withFake(async (fake) => {
      const deployer = `serviceAccount:${fake.world.deployer}`;
      const result = await withheld(
        fake,
        [PROJECT, deployer, 'roles/cloudscheduler.admin'],
        jobInputs(fake, 'no-scheduler-create'),
        [PROJECT, deployer, 'roles/cloudscheduler.viewer'],
      );
      const message = explained(result);
      expect(message).toContain('cloudscheduler.jobs.create');
      expect(message).toMatch(/projects\/demo-project\/locations\/us-central1(\/jobs\/no-scheduler-create-schedule)?\b/);
      expect(message).toContain('no-scheduler-create-schedule');
      expect(message).toContain(`gcloud projects add-iam-policy-binding demo-project --member=${deployer} --role=roles/cloudscheduler.admin`);
    }),
  );

  it('roles/iam.workloadIdentityUser on the deployer: impersonation fails naming the role, the account, and the grant to this run\'s own principal', () =>
    withFake(async (fake) => {
      const before = fake.requests.length;
      const result = await withheld(fake, [SA(fake.world.deployer), PRINCIPAL_SET, 'roles/iam.workloadIdentityUser'], jobInputs(fake, 'no-wif-user'));
      const message = explained(result);
      expect(message).toMatch(/^Impersonating deployer@demo-project\.iam\.gserviceaccount\.com failed/);
      expect(message).toContain('roles/iam.workloadIdentityUser');
      expect(message).toContain('iam.serviceAccounts.getAccessToken');
      expect(message).toContain(
        `gcloud iam service-accounts add-iam-policy-binding ${fake.world.deployer} --member=${RUN_PRINCIPAL} --role=roles/iam.workloadIdentityUser`,
      );
      // The exact subject of this run, never the whole repository.
      expect(message).not.toContain('attribute.repository');
      expect(apiRequests(fake, before)).toEqual([]);
    }),
  );
});

test.concurrent('an error message never carries a token, and the log shows each failure once', () =>
  withFake(async (fake) => {
    const deployer = `serviceAccount:${fake.world.deployer}`;
    const result = await withheld(fake, [SA(fake.world.runtime), deployer, 'roles/iam.serviceAccountUser'], jobInputs(fake, 'no-leak'));
    const log = visibleLog(result);
    expect(log).not.toMatch(/ya29\.|eyJ[A-Za-z0-9_-]{10,}\./);
    expect(log.match(/Missing permission iam\.serviceAccounts\.actAs/g)).toHaveLength(1);
  }),
);
