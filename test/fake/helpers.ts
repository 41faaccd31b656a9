// Shared set-up for the fake's tests: the official clients in REST mode, authenticated through
// Workload Identity Federation exactly as the action does it.
import { IdentityPoolClient, type AuthClient } from 'google-auth-library';
import { v2 } from '@google-cloud/run';
import { CloudSchedulerClient } from '@google-cloud/scheduler';
import type { FakeGcp } from '../../fake/server.ts';

export function wifClient(fake: FakeGcp, opts: { serviceAccount?: string; audience?: string; provider?: string } = {}): IdentityPoolClient {
  const provider = opts.provider ?? fake.world.provider;
  const sa = opts.serviceAccount === undefined ? fake.world.deployer : opts.serviceAccount;
  const env = fake.env();
  return new IdentityPoolClient({
    audience: opts.audience ?? `//iam.googleapis.com/${provider}`,
    subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
    token_url: `${fake.url}/v1/token`,
    ...(sa ? { service_account_impersonation_url: `${fake.url}/v1/projects/-/serviceAccounts/${sa}:generateAccessToken` } : {}),
    subject_token_supplier: {
      getSubjectToken: async () => {
        const aud = `https://iam.googleapis.com/${provider}`;
        const res = await fetch(`${env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=${encodeURIComponent(aud)}`, {
          headers: { authorization: `Bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` },
        });
        if (!res.ok) throw new Error(`GitHub token request failed: ${res.status}`);
        return ((await res.json()) as { value: string }).value;
      },
    },
  });
}

export function clientOpts(fake: FakeGcp, authClient: AuthClient) {
  return { fallback: true as const, apiEndpoint: '127.0.0.1', port: fake.port, protocol: 'http', authClient };
}

export function clients(fake: FakeGcp, authClient: AuthClient = wifClient(fake)) {
  const o = clientOpts(fake, authClient);
  return {
    auth: authClient,
    jobs: new v2.JobsClient(o),
    executions: new v2.ExecutionsClient(o),
    services: new v2.ServicesClient(o),
    revisions: new v2.RevisionsClient(o),
    scheduler: new CloudSchedulerClient(o),
  };
}

export const sleep = (ms: number): Promise<void> => new Promise(r => setTimeout(r, ms));

// Waits are generous (30 s): they only bound a test that fails, and a loaded machine is slow.
export async function until<T>(fn: () => Promise<T | undefined> | T | undefined, timeoutMs = 30_000, everyMs = 20): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined && v !== null && (v as unknown) !== false) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await sleep(everyMs);
  }
}

/** Raw REST call with a token, for what the clients hide (error bodies, status codes). */
export async function rest(fake: FakeGcp, token: string | undefined, method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${fake.url}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, json };
}

export async function tokenOf(client: AuthClient): Promise<string> {
  const t = await client.getAccessToken();
  if (!t.token) throw new Error('no token');
  return t.token;
}

export function jobBody(image: string, extra: Record<string, unknown> = {}) {
  return {
    template: {
      taskCount: 1,
      template: {
        containers: [{ image }],
        serviceAccount: 'runtime@demo-project.iam.gserviceaccount.com',
      },
    },
    ...extra,
  };
}
