// The local GitHub's REST API for issue comments (fake/FACTS.md, "GitHub REST API"): pages with a
// link header, create and update with a read-write token, 403 for a fork's read-only token.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { request } from 'node:http';
import { startFakeGcp, type FakeGcp } from '../../fake/server.ts';

let fake: FakeGcp;
beforeAll(async () => {
  fake = await startFakeGcp();
});
afterAll(async () => {
  await fake.close();
});

const api = async (token: string | undefined, method: string, path: string, body?: unknown) => {
  const res = await fetch(`${fake.env().GITHUB_API_URL}${path}`, {
    method,
    headers: { ...(token ? { authorization: `token ${token}` } : {}), 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, link: res.headers.get('link'), json: (await res.json()) as any };
};

describe('issue comments', () => {
  test('listed in ascending ID order, page by page, with next/last and first/prev links', async () => {
    fake.github.pullRequestEvent({ number: 1 });
    for (let i = 0; i < 5; i++) fake.github.addComment(1, `c${i}`);
    const first = await api(fake.github.readOnlyToken, 'GET', '/repos/acme/app/issues/1/comments?per_page=2');
    expect(first.json.map((c: any) => c.body)).toEqual(['c0', 'c1']);
    const base = `${fake.env().GITHUB_API_URL}/repos/acme/app/issues/1/comments?per_page=2`;
    expect(first.link).toBe(`<${base}&page=2>; rel="next", <${base}&page=3>; rel="last"`);
    const last = await api(fake.github.readOnlyToken, 'GET', '/repos/acme/app/issues/1/comments?per_page=2&page=3');
    expect(last.json.map((c: any) => c.body)).toEqual(['c4']);
    expect(last.link).toBe(`<${base}&page=1>; rel="first", <${base}&page=2>; rel="prev"`);
    const all = await api(fake.github.readOnlyToken, 'GET', '/repos/acme/app/issues/1/comments');
    expect(all.link).toBeNull();
  });

  test('create (201) and update (200) with a read-write token; 403 with a read-only one; 401 and 404', async () => {
    fake.github.pullRequestEvent({ number: 2 });
    const created = await api(fake.github.writeToken, 'POST', '/repos/acme/app/issues/2/comments', { body: 'plan v1' });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ body: 'plan v1', user: { login: 'github-actions[bot]', type: 'Bot' } });
    const updated = await api(fake.github.writeToken, 'PATCH', `/repos/acme/app/issues/comments/${created.json.id}`, { body: 'plan v2' });
    expect(updated.status).toBe(200);
    expect(fake.github.comments(2).map((c) => c.body)).toEqual(['plan v2']);

    const denied = await api(fake.github.readOnlyToken, 'POST', '/repos/acme/app/issues/2/comments', { body: 'x' });
    expect(denied.status).toBe(403);
    expect(denied.json.message).toBe('Resource not accessible by integration');
    expect((await api(fake.github.readOnlyToken, 'PATCH', `/repos/acme/app/issues/comments/${created.json.id}`, { body: 'x' })).status).toBe(403);
    expect((await api('ghs_unknown', 'GET', '/repos/acme/app/issues/2/comments')).status).toBe(401);
    expect((await api(undefined, 'GET', '/repos/acme/app/issues/2/comments')).json.message).toBe('Requires authentication');
    expect((await api(fake.github.writeToken, 'POST', '/repos/acme/app/issues/99/comments', { body: 'x' })).status).toBe(404);
    expect((await api(fake.github.writeToken, 'POST', '/repos/other/app/issues/2/comments', { body: 'x' })).status).toBe(404);
    expect(fake.github.comments(2)).toHaveLength(1);
  });

  test('a request without a User-Agent header is refused (403) before its token is looked at', async () => {
    fake.github.pullRequestEvent({ number: 4 });
    // Node's fetch always sends one (`node`); http.request sends none unless told to.
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${fake.env().GITHUB_API_URL}/repos/acme/app/issues/4/comments`, { headers: { authorization: `token ${fake.github.writeToken}` } }, (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body).message).toMatch(/^Request forbidden by administrative rules\. Please make sure your request has a User-Agent header/);
    expect((await api(fake.github.writeToken, 'GET', '/repos/acme/app/issues/4/comments')).status).toBe(200);
  });
});

describe('the authenticated user (GET /user)', () => {
  test("a user's token names its user and posts as it; an installation token gets 403 and posts as github-actions[bot]", async () => {
    const user = await api(fake.github.userToken, 'GET', '/user');
    expect(user.status).toBe(200);
    expect(user.json).toMatchObject({ login: fake.github.userLogin, type: 'User' });
    for (const token of [fake.github.writeToken, fake.github.readOnlyToken]) {
      const refused = await api(token, 'GET', '/user');
      expect(refused.status).toBe(403);
      expect(refused.json).toEqual({ message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user', status: '403' });
    }
    expect((await api(undefined, 'GET', '/user')).status).toBe(401);

    fake.github.pullRequestEvent({ number: 30 });
    const byUser = await api(fake.github.userToken, 'POST', '/repos/acme/app/issues/30/comments', { body: 'by the user' });
    const byBot = await api(fake.github.writeToken, 'POST', '/repos/acme/app/issues/30/comments', { body: 'by the bot' });
    expect([byUser.json.user, byBot.json.user]).toEqual([
      { login: fake.github.userLogin, type: 'User' },
      { login: 'github-actions[bot]', type: 'Bot' },
    ]);
  });
});
