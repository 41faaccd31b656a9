// Real-cloud fidelity: behaviours of the real cloud that the old fake hid, one at a time (each of these
// failed against the code before the fix). Every case has a local Google Cloud of its own, with
// the fake's default timings, so that the cases run concurrently: their waits (an attempt
// deadline of 15 s, a token that expires) overlap.
import { afterAll, expect, test } from '@jest/globals';
import type { Variants } from '../../fake/variants.ts';
import { closeFakes, failure, jobInputs, run, serviceInputs, visibleLog, withFake, type FakeGcp } from './setup.ts';

/** A local Google Cloud of its own for each case, with the fake's default timings and `variants`. */
const withOwnFake = <T>(fn: (fake: FakeGcp) => Promise<T>, variants: Partial<Variants> = {}): Promise<T> =>
  withFake(fn, { defaultTimings: true, variants });
afterAll(closeFakes);

// Jest runs the concurrent cases of one describe block together, but one block after the other:
// so the cases are all at the top level, each named after the behaviour it is about, the longest
// waits first.
const LAST_ATTEMPT_AT_START = 'Scheduler writes lastAttemptTime when an attempt starts and its status only when it ends';
const NO_LOGS = `${LAST_ATTEMPT_AT_START}, without Cloud Logging access`;
const WIF = 'Workload Identity Federation';
const attemptTimeStart = { attemptTime: 'start' } as const;
const revokeLogging = (fake: FakeGcp) => fake.revoke('projects/demo-project', `serviceAccount:${fake.world.deployer}`, 'roles/logging.viewer');

// The second longest wait of the file (attempt_deadline 15 s, Scheduler's minimum).
test.concurrent(`${NO_LOGS}: an unchanged status is taken only once attempt_deadline has passed`, () =>
  withOwnFake(async (fake) => {
    revokeLogging(fake);
    const inputs = serviceInputs(fake, 'nologs-ok', { attempt_deadline: '15s', smoke_test: 'true' });
    expect((await run(fake, inputs)).outputs.execution_status).toBe('succeeded');
    const rerun = await run(fake, inputs);
    expect(rerun.outputs.execution_status).toBe('succeeded');
    expect(rerun.summary).toMatch(/once attempt_deadline had passed/);
    expect(rerun.wallMs).toBeGreaterThan(15_000);
  }, attemptTimeStart),
180_000);

// The longest (the first GitHub token expires during a 20 s execution).
test.concurrent(`${WIF}: every STS exchange uses a freshly requested GitHub token (the first one expires)`, () =>
  withOwnFake(async (fake) => {
    // Access tokens that are always within google-auth-library's refresh window, so every call
    // exchanges again; GitHub tokens of 12 s, which is ample time for the first exchange even on
    // a loaded machine (2 s lost that race once), and expire well before the execution ends.
    fake.setTokenLifetimes({ accessTokenSeconds: 60, githubTokenSeconds: 12 });
    const before = fake.requests.length;
    const result = await run(fake, jobInputs(fake, 'refresh', { image: 'us-docker.pkg.dev/demo-project/apps/fake-sleep20000ms:1' }));
    expect(failure(result)).toBe('');
    const requests = fake.requests.slice(before);
    const exchanges = requests.filter((r) => r.service === 'sts');
    const githubTokens = requests.filter((r) => r.service === 'github');
    expect(exchanges.length).toBeGreaterThan(1);
    expect(exchanges.every((r) => r.status === 200)).toBe(true);
    expect(githubTokens.length).toBe(exchanges.length);
    expect(visibleLog(result)).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
  }),
180_000);

test.concurrent(`${LAST_ATTEMPT_AT_START}: an attempt that fails after one that succeeded is reported as failed`, () =>
  withOwnFake(async (fake) => {
    const ok = await run(fake, serviceInputs(fake, 'flip'));
    expect(ok.outputs.execution_status).toBe('succeeded');
    const broken = await run(fake, serviceInputs(fake, 'flip', { image: 'us-docker.pkg.dev/demo-project/apps/fake-http500-sleep800ms:2' }));
    expect(broken.outputs.execution_status).toBe('failed');
    // Either confirmation is this attempt's: its AttemptFinished entry, or the job's status changing
    // after the run (whichever the smoke test sees first under load); never the earlier OK.
    expect(failure(broken)).toMatch(/failed with INTERNAL.*Confirmed by (the attempt's AttemptFinished entry in Cloud Logging|the Cloud Scheduler job's status, which changed after the run)/s);
  }, attemptTimeStart),
);

test.concurrent(`${LAST_ATTEMPT_AT_START}: a first attempt that fails is reported as failed, not as the absent status before it`, () =>
  withOwnFake(async (fake) => {
    // The handler takes 800 ms: long enough for a reader to see lastAttemptTime before the status.
    const result = await run(fake, serviceInputs(fake, 'first500', { image: 'us-docker.pkg.dev/demo-project/apps/fake-http500-sleep800ms:1' }));
    expect(result.outputs.execution_status).toBe('failed');
    expect(failure(result)).toMatch(/failed with INTERNAL/);
  }, attemptTimeStart),
);

test.concurrent(`${NO_LOGS}: the result is confirmed by the Scheduler job's status once it changes, and the summary says so`, () =>
  withOwnFake(async (fake) => {
    revokeLogging(fake);
    const result = await run(fake, serviceInputs(fake, 'nologs', { image: 'us-docker.pkg.dev/demo-project/apps/fake-http500:1' }));
    expect(result.outputs.execution_status).toBe('failed');
    expect(failure(result)).toMatch(/failed with INTERNAL/);
    expect(result.summary).toMatch(/status, which changed after the run .*Cloud Logging was not readable/s);
  }, attemptTimeStart),
);

test.concurrent('a Cloud Run job whose latestCreatedExecution is the short ID: the execution is followed by its full name', () =>
  withOwnFake(async (fake) => {
    const result = await run(fake, jobInputs(fake, 'short-id'));
    expect(failure(result)).toBe('');
    expect(result.outputs.execution).toMatch(/^projects\/demo-project\/locations\/us-central1\/jobs\/short-id\/executions\/short-id-[a-z0-9]+$/);
    const job = fake.runJobs().find((j) => String(j.name).endsWith('/jobs/short-id')) as { latestCreatedExecution: { name: string } };
    expect(job.latestCreatedExecution.name).toBe(result.outputs.execution!.split('/').pop());
  }),
);

test.concurrent('getIamPolicy of a job that does not exist yet answers 403: a first deploy goes on', () =>
  withOwnFake(async (fake) => {
    const result = await run(fake, jobInputs(fake, 'iam403'));
    expect(failure(result)).toBe('');
    expect(result.outputs.execution_status).toBe('succeeded');
  }, { iamMissing: '403' }),
);

test.concurrent(`${WIF}: a google.subject over 127 bytes (a long branch name) is explained with the mapping that fixes it, and the fix works`, () =>
  withOwnFake(async (fake) => {
    // As the README's setup binds the deployer: by the token's subject.
    const deployer = `projects/demo-project/serviceAccounts/${fake.world.deployer}`;
    const pool = `//iam.googleapis.com/projects/${fake.world.projectNumber}/locations/global/workloadIdentityPools/${fake.world.pool}`;
    const sub = `repo:${fake.world.repository}:ref:refs/heads/feature/${'a-very-long-branch-name-'.repeat(5)}`;
    fake.revoke(deployer, `principalSet:${pool}/attribute.repository/${fake.world.repository}`, 'roles/iam.workloadIdentityUser');
    fake.grant(deployer, `principal:${pool}/subject/${sub}`, 'roles/iam.workloadIdentityUser');
    fake.setGithubClaims({ ref: `refs/heads/feature/${'a-very-long-branch-name-'.repeat(5)}`, sub });
    const result = await run(fake, jobInputs(fake, 'long-branch', { smoke_test: 'false' }));
    expect(result.code).not.toBe(0);
    const message = failure(result);
    expect(message).toMatch(/invalid_request: The size of mapped attribute google\.subject exceeds the 127 bytes limit/);
    expect(message).toMatch(/gcloud iam workload-identity-pools providers update-oidc github .*google\.subject=assertion\.repository_id/);
    // The documented setup binds the deployer by subject: the fix keeps the sub (as a custom
    // attribute, bound instead), and every mapping of the setup, repository_owner_id included.
    expect(message).toMatch(/attribute\.sub=assertion\.sub,.*attribute\.repository_owner_id=assertion\.repository_owner_id,attribute\.job_workflow_ref=assertion\.job_workflow_ref"/);
    const binding = /add-iam-policy-binding DEPLOYER --role=roles\/iam\.workloadIdentityUser --member="(principalSet:\/\/iam\.googleapis\.com\/projects\/\d+\/locations\/global\/workloadIdentityPools\/github\/attribute\.sub\/)SUBJECT"/.exec(message);
    expect(binding).not.toBeNull();

    // Apply both printed commands as printed: the same run then authenticates.
    const mapping = /--attribute-mapping="([^"]+)"/.exec(message)![1]!;
    fake.setAttributeMapping(Object.fromEntries(mapping.split(',').map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)])));
    // The subject binding alone no longer matches: the printed binding is what lets the job in.
    expect((await run(fake, jobInputs(fake, 'long-branch', { smoke_test: 'false' }))).code).not.toBe(0);
    fake.grant(deployer, binding![1]! + sub, 'roles/iam.workloadIdentityUser');
    const fixed = await run(fake, jobInputs(fake, 'long-branch', { smoke_test: 'false' }));
    expect(failure(fixed)).toBe('');
  }),
);
