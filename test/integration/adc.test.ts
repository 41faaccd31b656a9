// Application Default Credentials (no workload_identity_provider): the credential file that
// google-github-actions/auth writes (an external_account config) stands in for an earlier
// auth step, pointing at the local Google Cloud.
// Each run of the action has a local Google Cloud of its own (withFake), so those cases run at
// once (test.concurrent); the case that authenticates in this process (it sets
// process.env.GOOGLE_APPLICATION_CREDENTIALS and silences process.stdout) runs after them, alone.
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authStepCredentials, closeFakes, failure, jobInputs, run, visibleLog, withFake, type FakeGcp } from './setup.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'adc-'));
});
afterAll(async () => {
  await closeFakes();
  rmSync(dir, { recursive: true, force: true });
});

/** What google-github-actions/auth writes to GOOGLE_APPLICATION_CREDENTIALS (a file per case). */
const credentialFile = (fake: FakeGcp, name: string, impersonate: string | undefined): string =>
  authStepCredentials(fake, join(dir, `${name}.json`), fake.world.provider, impersonate);

test.concurrent('deploys with the credentials of an earlier auth step (impersonation in the file)', () =>
  withFake(async (fake) => {
    const inputs = { ...jobInputs(fake, 'adc-file'), workload_identity_provider: '', service_account: '', project_id: 'demo-project' };
    const result = await run(fake, inputs, { GOOGLE_APPLICATION_CREDENTIALS: credentialFile(fake, 'file', fake.world.deployer) });
    expect(failure(result)).toBe('');
    expect(result.outputs.execution_status).toBe('succeeded');
    expect(fake.runJobs().some((j) => String(j.name).endsWith('/jobs/adc-file'))).toBe(true);
    expect(visibleLog(result)).not.toMatch(/ya29\.|eyJ[A-Za-z0-9_-]{10,}\./);
  }),
);

test.concurrent('impersonates service_account on top of Application Default Credentials', () =>
  withFake(async (fake) => {
    const inputs = { ...jobInputs(fake, 'adc-impersonated'), workload_identity_provider: '' };
    const result = await run(fake, inputs, { GOOGLE_APPLICATION_CREDENTIALS: credentialFile(fake, 'plain', undefined) });
    expect(failure(result)).toBe('');
    expect(result.stdout).toContain(`Authenticated as ${fake.world.deployer}`);
    // The impersonated client is built from a validated configuration: no library warning in the log.
    expect(result.stdout + result.stderr).not.toContain('The `Impersonated` constructor does not validate');
    expect(result.stderr).not.toMatch(/does not validate the credential configuration/);
    const job = fake.runJobs().find((j) => String(j.name).endsWith('/jobs/adc-impersonated'));
    expect(job?.creator).toBe(fake.world.deployer);
  }),
);

test.concurrent('with neither a provider nor Application Default Credentials: a clear error', () =>
  withFake(async (fake) => {
    const inputs = { ...jobInputs(fake, 'adc-none'), workload_identity_provider: '', project_id: 'demo-project' };
    const before = fake.requests.length;
    const result = await run(fake, inputs, { GOOGLE_APPLICATION_CREDENTIALS: join(dir, 'missing.json') });
    expect(result.code).not.toBe(0);
    expect(failure(result)).toMatch(/Application Default Credentials|GOOGLE_APPLICATION_CREDENTIALS|workload_identity_provider/);
    expect(fake.requests.slice(before).filter((r) => r.service === 'run' || r.service === 'scheduler')).toEqual([]);
  }),
);

test.concurrent('a project ID from Application Default Credentials meets the project_id rule before any request', () =>
  withFake(async (fake) => {
    const inputs = { ...jobInputs(fake, 'adc-project'), workload_identity_provider: '', service_account: '', project_id: '' };
    const before = fake.requests.length;
    const result = await run(fake, inputs, {
      GOOGLE_APPLICATION_CREDENTIALS: credentialFile(fake, 'project', fake.world.deployer),
      GOOGLE_CLOUD_PROJECT: 'Demo_Project/../other',
    });
    expect(result.code).not.toBe(0);
    expect(failure(result)).toMatch(/Input 'project_id': the project of Application Default Credentials, "Demo_Project\/\.\.\/other", is not allowed/);
    expect(fake.requests.slice(before).filter((r) => r.service === 'run' || r.service === 'scheduler')).toEqual([]);
  }),
);

// Not concurrent: it changes process.env and process.stdout of this worker while it runs.
test('every client of the Application Default Credentials path has the same request timeout as the API calls', () =>
  withFake(async (fake) => {
    const { authenticate } = await import('../../src/auth/credentials.ts');
    const { REQUEST_TIMEOUT_MS } = await import('../../src/google/clients.ts');
    const saved = process.env.GOOGLE_APPLICATION_CREDENTIALS;
    process.env.GOOGLE_APPLICATION_CREDENTIALS = credentialFile(fake, 'timeouts', undefined);
    // The runner's mask commands the tokens would print here are not this test's output.
    const write = process.stdout.write;
    process.stdout.write = (() => true) as typeof process.stdout.write;
    try {
      const creds = await authenticate({ serviceAccount: fake.world.deployer }, undefined, fake.env(), 'demo-project');
      type WithTransport = { transporter: { defaults: { timeout?: number } }; stsCredential?: WithTransport; sourceClient?: WithTransport };
      const impersonated = creds.authClient as unknown as WithTransport;
      const source = impersonated.sourceClient!;
      const clients = [impersonated, source, source.stsCredential!];
      expect(clients.map((c) => c.transporter.defaults.timeout)).toEqual(clients.map(() => REQUEST_TIMEOUT_MS));
    } finally {
      process.stdout.write = write;
      process.env.GOOGLE_APPLICATION_CREDENTIALS = saved;
    }
  }),
);
