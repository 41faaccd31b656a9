// Faults, latency, the request log and the /__fake/ control endpoints.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startFakeGcp, type FakeGcp } from '../../fake/server.ts';
import { clients, jobBody, rest, tokenOf } from './helpers.ts';

let fake: FakeGcp;
let c: ReturnType<typeof clients>;
let token: string;
const parent = 'projects/demo-project/locations/us-central1';
const job = `${parent}/jobs/f`;

beforeAll(async () => {
  fake = await startFakeGcp({ operationMs: 20, taskMs: 20 });
  c = clients(fake);
  token = await tokenOf(c.auth);
  const [op] = await c.jobs.createJob({ parent, jobId: 'f', job: jobBody('img') as never });
  await op.promise();
});
afterAll(async () => {
  await fake.close();
});

describe('faults', () => {
  test('the nth matching call answers 429 with the quota text, once', async () => {
    fake.injectFault({ method: 'GET', path: `/v2/${job}`, nth: 2, status: 429 });
    expect((await rest(fake, token, 'GET', `/v2/${job}`)).status).toBe(200);
    const r = await rest(fake, token, 'GET', `/v2/${job}`);
    expect(r.status).toBe(429);
    expect(r.json.error.status).toBe('RESOURCE_EXHAUSTED');
    expect(r.json.error.message).toMatch(/^Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per region' of service 'run.googleapis.com'/);
    expect((await rest(fake, token, 'GET', `/v2/${job}`)).status).toBe(200);
    fake.clearFaults();
  });

  test('503 several times through the client, then recovery; regexp paths', async () => {
    fake.injectFault({ path: /\/jobs\/f$/, status: 503, times: 2 });
    await expect(c.jobs.getJob({ name: job })).rejects.toMatchObject({ code: 14 });
    await expect(c.jobs.getJob({ name: job })).rejects.toMatchObject({ code: 14 });
    await expect(c.jobs.getJob({ name: job })).resolves.toBeDefined();
    fake.clearFaults();
  });

  test('a fault on the operation poll reaches op.promise(); STS and Scheduler can fail too', async () => {
    fake.injectFault({ path: '/operations/', status: 500 });
    const [op] = await c.jobs.updateJob({ job: { ...jobBody('img:2'), name: job } as never });
    await expect(op.promise()).rejects.toBeDefined();
    fake.clearFaults();
    fake.injectFault({ path: '/v1/token', status: 503 });
    const res = await fetch(`${fake.url}/v1/token`, { method: 'POST', body: 'x=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(503);
    fake.injectFault({ method: 'GET', path: '/v1/projects/demo-project/locations', status: 409 });
    const r = await rest(fake, token, 'GET', '/v1/projects/demo-project/locations');
    expect(r.json.error.status).toBe('ABORTED');
    fake.clearFaults();
  });
});

describe('request log and latency', () => {
  test('entries carry method, path, query, status, service and timings; clearRequests empties it', async () => {
    fake.clearRequests();
    await c.jobs.getJob({ name: job });
    const [e] = fake.requests;
    expect(e).toMatchObject({ method: 'GET', path: `/v2/${job}`, status: 200, service: 'run' });
    expect(e.query).toContain('alt=json');
    expect(e.end).toBeGreaterThanOrEqual(e.start);
    fake.clearRequests();
    expect(fake.requests).toHaveLength(0);
  });

  test('latency is added before answering, globally or per route', async () => {
    fake.setLatency(60);
    let t = performance.now();
    await rest(fake, token, 'GET', `/v2/${job}`);
    expect(performance.now() - t).toBeGreaterThanOrEqual(55);
    fake.setLatency(0);
    // A per-route latency far above anything a loaded machine adds: the other route is not slowed.
    fake.setLatency(3000, '/executions');
    t = performance.now();
    await rest(fake, token, 'GET', `/v2/${job}`);
    expect(performance.now() - t).toBeLessThan(2500);
    t = performance.now();
    await rest(fake, token, 'GET', `/v2/${job}/executions`);
    expect(performance.now() - t).toBeGreaterThanOrEqual(2995);
    fake.setLatency(0, '/executions');
  });
});

describe('control endpoints', () => {
  const ctl = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${fake.url}/__fake/${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, json: (await res.json()) as any };
  };

  test('state, requests, faults, latency, IAM and GitHub claims over HTTP', async () => {
    const state = await ctl('GET', 'state');
    expect(state.json.world.projectId).toBe('demo-project');
    expect(state.json.runJobs.map((j: { name: string }) => j.name)).toContain(job);
    await ctl('POST', 'requests/clear', {});
    expect((await ctl('GET', 'requests')).json.requests).toEqual([]);
    await ctl('POST', 'fault', { path: '/^\\/v2\\/.*\\/jobs\\/f$/', status: 503 });
    expect((await rest(fake, token, 'GET', `/v2/${job}`)).status).toBe(503);
    expect((await ctl('GET', 'requests')).json.requests).toHaveLength(1);
    await ctl('POST', 'fault', { clear: true });
    await ctl('POST', 'latency', { ms: 0 });
    const p = await ctl('POST', 'iam/grant', { resource: job, member: 'allUsers', role: 'roles/run.invoker' });
    expect(p.json.bindings).toEqual([{ role: 'roles/run.invoker', members: ['allUsers'] }]);
    await ctl('POST', 'iam/revoke', { resource: job, member: 'allUsers', role: 'roles/run.invoker' });
    expect(fake.getPolicy(job).bindings).toEqual([]);
    await ctl('POST', 'github/claims', { repository: 'evil/x', repository_owner: 'evil' });
    await expect(tokenOf((await import('./helpers.ts')).wifClient(fake))).rejects.toThrow(/attribute condition/);
    await ctl('POST', 'github/claims', { repository: undefined, repository_owner: 'acme' });
    fake.setGithubClaims({ repository: 'acme/app', repository_owner: undefined });
    expect((await fetch(`${fake.url}/v2/nothing-here`)).status).toBe(404);
  });
});
