// Workload Identity Federation and IAM Credentials on the local Google Cloud.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { startFakeGcp, type FakeGcp } from '../../fake/server.ts';
import { clients, rest, tokenOf, wifClient } from './helpers.ts';

let fake: FakeGcp;
beforeAll(async () => {
  fake = await startFakeGcp();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.setGithubClaims({ repository: 'acme/app', repository_owner: 'acme', exp: undefined, iss: undefined, aud: undefined });
  fake.failGithubToken(0);
});

const STS_FORM = (fake: FakeGcp, subject: string, audience = `//iam.googleapis.com/${fake.world.provider}`) => new URLSearchParams({
  grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
  audience,
  scope: 'https://www.googleapis.com/auth/cloud-platform',
  requested_token_type: 'urn:ietf:params:oauth:token-type:access_token',
  subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
  subject_token: subject,
});

async function sts(body: URLSearchParams): Promise<{ status: number; json: any }> {
  const res = await fetch(`${fake.url}/v1/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
  return { status: res.status, json: await res.json() };
}

const defaultAud = (): string => `https://iam.googleapis.com/${fake.world.provider}`;

describe('GitHub OIDC token endpoint', () => {
  test('answers {value} with RS256 claims for the requested audience', async () => {
    const env = fake.env();
    expect(env.ACTIONS_ID_TOKEN_REQUEST_URL).toContain('?');
    const res = await fetch(`${env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=${encodeURIComponent('x-aud')}`, { headers: { authorization: `Bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` } });
    const { value } = (await res.json()) as { value: string };
    const [h, c] = value.split('.').slice(0, 2).map(p => JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>);
    expect(h.alg).toBe('RS256');
    expect(c).toMatchObject({ aud: 'x-aud', iss: 'https://token.actions.githubusercontent.com', repository: 'acme/app', repository_owner: 'acme', sub: 'repo:acme/app:ref:refs/heads/main', ref: 'refs/heads/main' });
    expect(c.job_workflow_ref).toBeDefined();
  });

  test('rejects a wrong request token, and can be made to fail', async () => {
    const env = fake.env();
    expect((await fetch(`${env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=a`, { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
    fake.failGithubToken(500);
    expect((await fetch(`${env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=a`, { headers: { authorization: `Bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` } })).status).toBe(500);
  });
});

describe('STS token exchange', () => {
  test('happy path through IdentityPoolClient and impersonation of the deployer', async () => {
    const c = wifClient(fake);
    const token = await tokenOf(c);
    expect(token).toMatch(/^ya29\.c\./);
    // the deployer can list jobs
    const { jobs } = clients(fake, c);
    const [list] = await jobs.listJobs({ parent: 'projects/demo-project/locations/us-central1' });
    expect(list).toEqual([]);
  });

  test('direct federated access (no service account) works when the principal set is bound', async () => {
    const principalSet = `principalSet://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/github/attribute.repository/acme/app`;
    const c = wifClient(fake, { serviceAccount: '' });
    const token = await tokenOf(c);
    expect(token).toMatch(/^ya29\.d\./);
    let r = await rest(fake, token, 'GET', '/v2/projects/demo-project/locations/us-central1/jobs');
    expect(r.status).toBe(403);
    fake.grant('projects/demo-project', principalSet, 'roles/run.viewer');
    r = await rest(fake, token, 'GET', '/v2/projects/demo-project/locations/us-central1/jobs');
    expect(r.status).toBe(200);
    fake.revoke('projects/demo-project', principalSet, 'roles/run.viewer');
  });

  test('attribute condition rejects another owner', async () => {
    fake.setGithubClaims({ repository: 'evil/app', repository_owner: 'evil' });
    const r = await sts(STS_FORM(fake, fake.githubToken(defaultAud())));
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ error: 'unauthorized_client', error_description: 'The given credential is rejected by the attribute condition.' });
    await expect(tokenOf(wifClient(fake))).rejects.toThrow(/attribute condition/);
  });

  test('a provider path with the project ID (not number) is an invalid target', async () => {
    const r = await sts(STS_FORM(fake, fake.githubToken(defaultAud()), '//iam.googleapis.com/projects/demo-project/locations/global/workloadIdentityPools/github/providers/github'));
    expect(r.status).toBe(400);
    expect(r.json.error).toBe('invalid_target');
    expect(r.json.error_description).toMatch(/The target service indicated by the "audience" parameters is invalid/);
  });

  test('JWT audience must be the provider', async () => {
    const r = await sts(STS_FORM(fake, fake.githubToken('https://github.com/acme')));
    expect(r.json.error).toBe('invalid_grant');
    expect(r.json.error_description).toMatch(/audience/);
  });

  test('the //iam.googleapis.com form of the audience is accepted too', async () => {
    const r = await sts(STS_FORM(fake, fake.githubToken(`//iam.googleapis.com/${fake.world.provider}`)));
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ token_type: 'Bearer', issued_token_type: 'urn:ietf:params:oauth:token-type:access_token' });
  });

  test('expired, wrongly signed and wrong-issuer tokens are rejected', async () => {
    fake.setGithubClaims({ exp: Math.floor(Date.now() / 1000) - 10 });
    expect((await sts(STS_FORM(fake, fake.githubToken(defaultAud())))).json.error_description).toMatch(/expired/);
    fake.setGithubClaims({ exp: undefined });
    const good = fake.githubToken(defaultAud());
    const forged = good.slice(0, good.lastIndexOf('.') + 1) + Buffer.from('x'.repeat(256)).toString('base64url');
    expect((await sts(STS_FORM(fake, forged))).json.error).toBe('invalid_grant');
    fake.setGithubClaims({ iss: 'https://evil.example' });
    expect((await sts(STS_FORM(fake, fake.githubToken(defaultAud())))).json.error_description).toMatch(/issuer/);
  });

  test('a custom attribute condition with || and in', async () => {
    fake.setAttributeCondition("assertion.repository_owner == 'acme' && assertion.ref in ['refs/heads/main', 'refs/heads/prod'] || assertion.repository == 'x/y'");
    expect((await sts(STS_FORM(fake, fake.githubToken(defaultAud())))).status).toBe(200);
    fake.setGithubClaims({ ref: 'refs/heads/feature' });
    expect((await sts(STS_FORM(fake, fake.githubToken(defaultAud())))).status).toBe(400);
    fake.setGithubClaims({ ref: 'refs/heads/main' });
    fake.setAttributeCondition("assertion.repository_owner == 'acme'");
  });

  test('an attribute mapping is a CEL expression: concatenation maps a short subject; a missing claim maps nothing', async () => {
    const longRef = `refs/heads/${'x'.repeat(130)}`;
    fake.setGithubClaims({ ref: longRef, sub: `repo:acme/app:ref:${longRef}` });
    expect((await sts(STS_FORM(fake, fake.githubToken(defaultAud())))).json.error_description).toMatch(/google\.subject exceeds the 127 bytes limit/);
    fake.setAttributeMapping({
      'google.subject': "assertion.repository_id + ':' + assertion.run_id",
      'attribute.sub': 'assertion.sub',
      'attribute.repository_owner': 'assertion.repository_owner',
      'attribute.missing': 'assertion.no_such_claim',
    });
    try {
      expect((await sts(STS_FORM(fake, fake.githubToken(defaultAud())))).status).toBe(200);
      const e = await evalOf("assertion.repository_id + ':' + assertion.run_id");
      expect(e).toBe('2000002:3000003');
    } finally {
      fake.setAttributeMapping({ 'google.subject': 'assertion.sub', 'attribute.repository': 'assertion.repository', 'attribute.repository_owner': 'assertion.repository_owner', 'attribute.actor': 'assertion.actor', 'attribute.ref': 'assertion.ref' });
      fake.setGithubClaims({ ref: 'refs/heads/main', sub: undefined });
    }
  });
});

async function evalOf(expr: string): Promise<unknown> {
  const { evalExpression } = await import('../../fake/cel.ts');
  return evalExpression(expr, { assertion: { repository_id: '2000002', run_id: '3000003' } });
}

describe('IAM Credentials', () => {
  test('a repository of the owner without a workloadIdentityUser binding cannot impersonate', async () => {
    fake.setGithubClaims({ repository: 'acme/other' });
    const fed = (await sts(STS_FORM(fake, fake.githubToken(defaultAud())))).json.access_token as string;
    const r = await rest(fake, fed, 'POST', `/v1/projects/-/serviceAccounts/${fake.world.deployer}:generateAccessToken`, { scope: ['https://www.googleapis.com/auth/cloud-platform'] });
    expect(r.status).toBe(403);
    expect(r.json.error).toMatchObject({
      code: 403, status: 'PERMISSION_DENIED',
      message: "Permission 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist).",
    });
    await expect(tokenOf(wifClient(fake))).rejects.toThrow(/getAccessToken/);
  });

  test('generateAccessToken validates scope and lifetime; generateIdToken signs an ID token', async () => {
    const fed = (await sts(STS_FORM(fake, fake.githubToken(defaultAud())))).json.access_token as string;
    const path = `/v1/projects/-/serviceAccounts/${fake.world.deployer}`;
    expect((await rest(fake, fed, 'POST', `${path}:generateAccessToken`, { scope: [] })).status).toBe(400);
    expect((await rest(fake, fed, 'POST', `${path}:generateAccessToken`, { scope: ['x'], lifetime: '7200s' })).status).toBe(400);
    expect((await rest(fake, fed, 'POST', `${path}:generateAccessToken`, { scopes: ['x'] })).status).toBe(400);
    const ok = await rest(fake, fed, 'POST', `${path}:generateAccessToken`, { scope: ['x'], lifetime: '600s' });
    expect(ok.status).toBe(200);
    expect(ok.json.expireTime).toMatch(/Z$/);
    const id = await rest(fake, fed, 'POST', `${path}:generateIdToken`, { audience: 'https://svc', includeEmail: true });
    const claims = JSON.parse(Buffer.from(String(id.json.token).split('.')[1], 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ iss: 'https://accounts.google.com', aud: 'https://svc', email: fake.world.deployer });
    // An unknown account looks like a missing permission, as on Google.
    expect((await rest(fake, fed, 'POST', '/v1/projects/-/serviceAccounts/nobody@demo-project.iam.gserviceaccount.com:generateAccessToken', { scope: ['x'] })).status).toBe(403);
  });

  test('Google APIs want a bearer token the fake issued', async () => {
    const noAuth = await rest(fake, undefined, 'GET', '/v2/projects/demo-project/locations/us-central1/jobs');
    expect(noAuth.status).toBe(401);
    expect(noAuth.json.error.status).toBe('UNAUTHENTICATED');
    const bad = await rest(fake, 'ya29.made-up', 'GET', '/v2/projects/demo-project/locations/us-central1/jobs');
    expect(bad.status).toBe(401);
    // An ID token is not an access token.
    const fed = (await sts(STS_FORM(fake, fake.githubToken(defaultAud())))).json.access_token as string;
    const id = await rest(fake, fed, 'POST', `/v1/projects/-/serviceAccounts/${fake.world.deployer}:generateIdToken`, { audience: 'x' });
    expect((await rest(fake, id.json.token, 'GET', '/v2/projects/demo-project/locations/us-central1/jobs')).status).toBe(401);
  });

  test('no token appears in the request log', async () => {
    const all = JSON.stringify(fake.requests);
    expect(all).not.toMatch(/ya29\./);
    expect(all).not.toMatch(/eyJ[A-Za-z0-9_-]{20,}/);
    expect(fake.requests.some(r => r.service === 'sts')).toBe(true);
    expect(fake.requests.some(r => r.service === 'iamcredentials')).toBe(true);
    expect(fake.requests.some(r => r.service === 'github')).toBe(true);
  });
});
