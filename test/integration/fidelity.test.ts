// Issue 10: behaviours of the real cloud that the old fake hid, one at a time (each of these
// failed against the code before the fix).
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { startFakeGcp } from '../../fake/server.ts';
import { failure, jobInputs, run, serviceInputs, visibleLog, type FakeGcp } from './setup.ts';

let fake: FakeGcp;
beforeAll(async () => {
  fake = await startFakeGcp({ quiet: true });
});
afterAll(async () => {
  await fake?.close();
});

describe('Scheduler writes lastAttemptTime when an attempt starts and its status only when it ends', () => {
  beforeAll(() => fake.setVariants({ attemptTime: 'start' }));
  afterAll(() => fake.setVariants({ attemptTime: 'end' }));

  test('a first attempt that fails is reported as failed, not as the absent status before it', async () => {
    // The handler takes 800 ms: long enough for a reader to see lastAttemptTime before the status.
    const result = await run(fake, serviceInputs(fake, 'first500', { image: 'us-docker.pkg.dev/demo-project/apps/fake-http500-sleep800ms:1' }));
    expect(result.outputs.execution_status).toBe('failed');
    expect(failure(result)).toMatch(/failed with INTERNAL/);
  });

  test('an attempt that fails after one that succeeded is reported as failed', async () => {
    const ok = await run(fake, serviceInputs(fake, 'flip'));
    expect(ok.outputs.execution_status).toBe('succeeded');
    const broken = await run(fake, serviceInputs(fake, 'flip', { image: 'us-docker.pkg.dev/demo-project/apps/fake-http500-sleep800ms:2' }));
    expect(broken.outputs.execution_status).toBe('failed');
    // Either confirmation is this attempt's: its AttemptFinished entry, or the job's status changing
    // after the run (whichever the smoke test sees first under load); never the earlier OK.
    expect(failure(broken)).toMatch(/failed with INTERNAL.*Confirmed by (the attempt's AttemptFinished entry in Cloud Logging|the Cloud Scheduler job's status, which changed after the run)/s);
  });

  describe('without Cloud Logging access', () => {
    const project = 'projects/demo-project';
    const deployer = () => `serviceAccount:${fake.world.deployer}`;
    beforeAll(() => fake.revoke(project, deployer(), 'roles/logging.viewer'));
    afterAll(() => fake.grant(project, deployer(), 'roles/logging.viewer'));

    test("the result is confirmed by the Scheduler job's status once it changes, and the summary says so", async () => {
      const result = await run(fake, serviceInputs(fake, 'nologs', { image: 'us-docker.pkg.dev/demo-project/apps/fake-http500:1' }));
      expect(result.outputs.execution_status).toBe('failed');
      expect(failure(result)).toMatch(/failed with INTERNAL/);
      expect(result.summary).toMatch(/status, which changed after the run .*Cloud Logging was not readable/s);
    });

    test('an unchanged status is taken only once attempt_deadline has passed', async () => {
      const inputs = serviceInputs(fake, 'nologs-ok', { attempt_deadline: '15s' });
      expect((await run(fake, inputs)).outputs.execution_status).toBe('succeeded');
      const rerun = await run(fake, inputs);
      expect(rerun.outputs.execution_status).toBe('succeeded');
      expect(rerun.summary).toMatch(/once attempt_deadline had passed/);
      expect(rerun.wallMs).toBeGreaterThan(15_000);
    }, 60_000);
  });
});

test('a Cloud Run job whose latestCreatedExecution is the short ID: the execution is followed by its full name', async () => {
  const result = await run(fake, jobInputs(fake, 'short-id'));
  expect(failure(result)).toBe('');
  expect(result.outputs.execution).toMatch(/^projects\/demo-project\/locations\/us-central1\/jobs\/short-id\/executions\/short-id-[a-z0-9]+$/);
  const job = fake.runJobs().find((j) => String(j.name).endsWith('/jobs/short-id')) as { latestCreatedExecution: { name: string } };
  expect(job.latestCreatedExecution.name).toBe(result.outputs.execution!.split('/').pop());
});

test('getIamPolicy of a job that does not exist yet answers 403: a first deploy goes on', async () => {
  fake.setVariants({ iamMissing: '403' });
  try {
    const result = await run(fake, jobInputs(fake, 'iam403'));
    expect(failure(result)).toBe('');
    expect(result.outputs.execution_status).toBe('succeeded');
  } finally {
    fake.setVariants({ iamMissing: '404' });
  }
});

describe('Workload Identity Federation', () => {
  afterEach(() => {
    fake.setGithubClaims({ ref: undefined });
    fake.setTokenLifetimes({ accessTokenSeconds: 3600, githubTokenSeconds: 300 });
  });

  test('a google.subject over 127 bytes (a long branch name) is explained with the mapping that fixes it', async () => {
    fake.setGithubClaims({ ref: `refs/heads/feature/${'a-very-long-branch-name-'.repeat(5)}` });
    const result = await run(fake, jobInputs(fake, 'long-branch'));
    expect(result.code).not.toBe(0);
    const message = failure(result);
    expect(message).toMatch(/invalid_request: The size of mapped attribute google\.subject exceeds the 127 bytes limit/);
    expect(message).toMatch(/gcloud iam workload-identity-pools providers update-oidc github .*google\.subject=assertion\.repository_id/);
  });

  test('every STS exchange uses a freshly requested GitHub token (the first one expires)', async () => {
    // Access tokens that are always within google-auth-library's refresh window, GitHub tokens of 2 s.
    fake.setTokenLifetimes({ accessTokenSeconds: 60, githubTokenSeconds: 2 });
    const before = fake.requests.length;
    const result = await run(fake, jobInputs(fake, 'refresh', { image: 'us-docker.pkg.dev/demo-project/apps/fake-sleep3500ms:1' }));
    expect(failure(result)).toBe('');
    const requests = fake.requests.slice(before);
    const exchanges = requests.filter((r) => r.service === 'sts');
    const githubTokens = requests.filter((r) => r.service === 'github');
    expect(exchanges.length).toBeGreaterThan(1);
    expect(exchanges.every((r) => r.status === 200)).toBe(true);
    expect(githubTokens.length).toBe(exchanges.length);
    expect(visibleLog(result)).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
  }, 60_000);
});
