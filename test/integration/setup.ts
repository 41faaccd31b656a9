// Shared set-up of the integration tests: the local Google Cloud in this process, and the
// bundled action run as the runner runs it, in a child process on Node 24.
import { writeFileSync } from 'node:fs';
import { startFakeGcp, type FakeGcp, type FakeOptions } from '../../fake/server.ts';
import type { Variants } from '../../fake/variants.ts';
import { runAction, type ActionRun } from '../../scripts/lib/run-action.ts';

export type { FakeGcp, ActionRun };

export const DIGEST = (c: string) => `sha256:${c.repeat(64)}`;

/** How a test's local Google Cloud is set up. */
export interface FakeSetup {
  /**
   * The fake's own waits (operations 150 ms, task attempts 300 ms, a Scheduler second 2 ms)
   * instead of the short ones. By default the waits are short, which keeps the suite fast
   * (operations 30 ms, task attempts 60 ms, a Scheduler second 1 ms): the order of events is the same.
   */
  defaultTimings?: boolean;
  /** Behaviours of Google that are not settled (fake/variants.ts), on top of FAKE_GCP_VARIANTS. */
  variants?: Partial<Variants>;
  /** Added before every answer (two requests of one run can then be in flight together). */
  latencyMs?: number;
  /** A project with nothing set up (fake.gcloud then runs the documented setup). */
  bare?: boolean;
  /** Names of the project, provider and accounts, when not the fake's default world. */
  world?: FakeOptions['world'];
}

const openFakes: FakeGcp[] = [];

/** A local Google Cloud of its own; closeFakes() (in afterAll) closes it if nothing else does. */
export async function startFake(setup: FakeSetup = {}): Promise<FakeGcp> {
  const timings = setup.defaultTimings ? {} : { operationMs: 30, taskMs: 60, schedulerMsPerSecond: 1 };
  const fake = await startFakeGcp({ quiet: true, ...timings, variants: setup.variants, latencyMs: setup.latencyMs ?? 0, bare: setup.bare, world: setup.world });
  openFakes.push(fake);
  return fake;
}

/** Runs `fn` against a local Google Cloud of its own (so cases can run concurrently), closed after it. */
export async function withFake<T>(fn: (fake: FakeGcp) => Promise<T>, setup: FakeSetup = {}): Promise<T> {
  const fake = await startFake(setup);
  try {
    return await fn(fake);
  } finally {
    await fake.close();
  }
}

/**
 * State that several concurrent cases read (one deploy that each case checks a part of): set up
 * once, on a local Google Cloud of its own, by the first case that asks for it.
 */
export function sharedFake<T extends object>(prepare: (fake: FakeGcp) => Promise<T>, setup: FakeSetup = {}): () => Promise<T & { fake: FakeGcp }> {
  let prepared: Promise<T & { fake: FakeGcp }> | undefined;
  return () => (prepared ??= startFake(setup).then(async (fake) => ({ ...(await prepare(fake)), fake })));
}

/** Closes every fake the file started that is still open (a case that timed out, a shared one). */
export async function closeFakes(): Promise<void> {
  await Promise.all(openFakes.map((f) => f.close().catch(() => undefined)));
}

/** One concurrent case of a group. */
export type Case = (name: string, fn: () => Promise<unknown>, timeout?: number) => void;

/**
 * Concurrent cases under a common title, in place of a describe block: jest (jest-circus 30,
 * regroupConcurrentChildren) runs a describe block's concurrent tests as one set and waits for it
 * before the next block, so cases in different describe blocks never overlap. A group's cases
 * join the file's one top-level set; the title starts each test's name, as a describe's would.
 */
export function group(title: string, cases: (it: Case) => void): void {
  // jest's global `test`, not an import of @jest/globals: the bench (scripts/bench.ts) imports
  // this module outside jest.
  cases((name, fn, timeout) => test.concurrent(`${title} ${name}`, fn, timeout));
}

/** The inputs a job with a schedule needs in the default world. */
export function jobInputs(fake: FakeGcp, name: string, extra: Record<string, string> = {}): Record<string, string> {
  const w = fake.world;
  return {
    workload_identity_provider: w.provider,
    service_account: w.deployer,
    region: w.region,
    name,
    image: `us-docker.pkg.dev/${w.projectId}/apps/${name}@${DIGEST('a')}`,
    runtime_service_account: w.runtime,
    schedule: '0 3 * * *',
    time_zone: 'Europe/Berlin',
    invoker_service_account: w.invoker,
    ...extra,
  };
}

export function serviceInputs(fake: FakeGcp, name: string, extra: Record<string, string> = {}): Record<string, string> {
  return { ...jobInputs(fake, name), kind: 'service', schedule: '*/30 * * * *', ...extra };
}

export function run(fake: FakeGcp, inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({ inputs, env: { ...fake.env(), ...env }, compileCache: true });
}

/** Writes the action sent: everything but reads, token exchanges and the smoke test's runs. */
export function writesIn(fake: FakeGcp, since = 0): { method: string; path: string; query: string }[] {
  return fake.requests
    .slice(since)
    .filter((r) => r.service === 'run' || r.service === 'scheduler')
    .filter((r) => r.method !== 'GET')
    .filter((r) => !/:run$/.test(r.path) && !/:getIamPolicy$/.test(r.path))
    .map(({ method, path, query }) => ({ method, path, query }));
}

/** The action's log without the runner's mask commands (which carry the values to mask). */
export function visibleLog(r: ActionRun): string {
  return (r.stdout + r.stderr)
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
}

/** The error the step failed with (the ::error:: annotation, unescaped). */
export function failure(r: ActionRun): string {
  const line = r.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';
  return line.replace(/^::error::/, '').replace(/%0A/g, '\n').replace(/%25/g, '%').replace(/%0D/g, '\r');
}

/** A deployer access token got through STS and impersonation, for a test to act as another tool (gcloud, Terraform). */
export async function deployerToken(fake: FakeGcp): Promise<string> {
  const sts = await fetch(`${fake.url}/v1/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
      audience: `//iam.googleapis.com/${fake.world.provider}`,
      scope: 'https://www.googleapis.com/auth/cloud-platform',
      requested_token_type: 'urn:ietf:params:oauth:token-type:access_token',
      subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
      subject_token: fake.githubToken(`https://iam.googleapis.com/${fake.world.provider}`),
    }),
  });
  const federated = ((await sts.json()) as { access_token: string }).access_token;
  const sa = await fetch(`${fake.url}/v1/projects/-/serviceAccounts/${fake.world.deployer}:generateAccessToken`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${federated}` },
    body: JSON.stringify({ scope: ['https://www.googleapis.com/auth/cloud-platform'] }),
  });
  const token = ((await sa.json()) as { accessToken?: string }).accessToken;
  if (!token) throw new Error(`no deployer token: ${sa.status}`);
  return token;
}

/**
 * Another tool (gcloud, the console) edits a Cloud Run job or service (`/v2/...`) or a Scheduler
 * job (`/v1/...`, the fields named in `mask`) through the public API, as the deployer.
 */
export async function editElsewhere(fake: FakeGcp, path: string, edit: (resource: any) => void, mask?: string): Promise<void> {
  const token = await deployerToken(fake);
  const url = `${fake.url}${path}`;
  const resource = (await (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).json()) as any;
  edit(resource);
  const res = await fetch(mask ? `${url}?updateMask=${mask}` : url, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(resource),
  });
  if (!res.ok) throw new Error(`PATCH ${url}: ${res.status} ${await res.text()}`);
  const name = path.replace(/^\/v\d\//, '');
  const current = () => [...fake.runJobs(), ...fake.runServices()].find((r) => r.name === name);
  for (let i = 0; i < 100 && current()?.reconciling; i++) await new Promise((r) => setTimeout(r, 20));
}

/**
 * What google-github-actions/auth writes to GOOGLE_APPLICATION_CREDENTIALS for a provider (an
 * external_account config; with a service account, impersonation), pointed at the fake: the
 * credentials of an earlier auth step. Written to `file`, which is returned.
 */
export function authStepCredentials(fake: FakeGcp, file: string, provider: string, impersonate: string | undefined): string {
  const env = fake.env();
  writeFileSync(
    file,
    JSON.stringify({
      type: 'external_account',
      audience: `//iam.googleapis.com/${provider}`,
      subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
      token_url: `${fake.url}/v1/token`,
      ...(impersonate
        ? { service_account_impersonation_url: `${fake.url}/v1/projects/-/serviceAccounts/${impersonate}:generateAccessToken` }
        : {}),
      credential_source: {
        url: `${env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=${encodeURIComponent(`https://iam.googleapis.com/${provider}`)}`,
        headers: { Authorization: `Bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` },
        format: { type: 'json', subject_token_field_name: 'value' },
      },
    }),
  );
  return file;
}
