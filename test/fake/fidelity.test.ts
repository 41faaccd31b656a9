// The facts of fake/FACTS.md, checked on the wire: shapes the fake was corrected to, and each
// switchable variant of what is not settled.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startFakeGcp, type FakeGcp } from '../../fake/server.ts';
import { clients, jobBody, rest, tokenOf, until } from './helpers.ts';

let fake: FakeGcp;
let token: string;
const parent = 'projects/demo-project/locations/us-central1';
const invoker = 'scheduler-invoker@demo-project.iam.gserviceaccount.com';
const runUri = (job: string) => `https://us-central1-run.googleapis.com/apis/run.googleapis.com/v1/namespaces/demo-project/jobs/${job}:run`;

beforeAll(async () => {
  fake = await startFakeGcp({ taskMs: 30, operationMs: 30 });
  const c = clients(fake);
  token = await tokenOf(c.auth);
  const [op] = await c.jobs.createJob({ parent, jobId: 'facts', job: jobBody('img/worker:1') as never });
  await op.promise();
  fake.grant(`${parent}/jobs/facts`, `serviceAccount:${invoker}`, 'roles/run.invoker');
  fake.grant(`${parent}/jobs/facts`, `serviceAccount:${invoker}`, 'roles/run.jobsExecutorWithOverrides');
});
afterAll(async () => {
  await fake.close();
});

async function schedulerJob(id: string, body: Record<string, unknown> = {}): Promise<string> {
  const name = `${parent}/jobs/${id}`;
  const r = await rest(fake, token, 'POST', `/v1/${parent}/jobs`, {
    name, schedule: '0 3 * * *', httpTarget: { uri: runUri('facts'), httpMethod: 'POST', oauthToken: { serviceAccountEmail: invoker }, ...body },
  });
  expect(r.status).toBe(200);
  return name;
}

const attemptsOf = (name: string) => fake.schedulerAttempts().filter(a => a.job === name);

test('an empty IAM policy reads back as {"etag": "ACAB"}', async () => {
  const r = await rest(fake, token, 'GET', `/v2/${parent}/jobs/facts:getIamPolicy`);
  expect(r.status).toBe(200);
  const fresh = await rest(fake, token, 'POST', `/v2/${parent}/jobs?jobId=facts-empty`, jobBody('img/worker:1'));
  expect(fresh.status).toBe(200);
  await until(() => fake.runJobs().find(j => String(j.name).endsWith('/facts-empty')));
  expect((await rest(fake, token, 'GET', `/v2/${parent}/jobs/facts-empty:getIamPolicy`)).json).toEqual({ etag: 'ACAB' });
});

test('the v1 run call Scheduler makes takes overrides.timeoutSeconds, and rejects the v2 spelling', async () => {
  const good = await schedulerJob('v1-overrides', { body: Buffer.from(JSON.stringify({ overrides: { timeoutSeconds: 120, taskCount: 2 } })).toString('base64') });
  const before = fake.executions().length;
  await rest(fake, token, 'POST', `/v1/${good}:run`, {});
  await until(() => attemptsOf(good).length === 1);
  const exec = fake.executions().at(-1)! as { template: { timeout: string }; taskCount: number };
  expect(fake.executions().length).toBe(before + 1);
  expect(exec.template.timeout).toBe('120s');
  expect(exec.taskCount).toBe(2);

  const bad = await schedulerJob('v2-spelling', { body: Buffer.from(JSON.stringify({ overrides: { timeout: '120s' } })).toString('base64') });
  await rest(fake, token, 'POST', `/v1/${bad}:run`, {});
  await until(() => attemptsOf(bad).length === 1);
  expect(attemptsOf(bad)[0]!.httpStatus).toBe(400);
});

describe('Cloud Run in a region it does not serve', () => {
  const path = '/v2/projects/demo-project/locations/moon-central1/jobs/x';
  test('404 with an HTML page (default)', async () => {
    fake.setVariants({ runRegion: '404-html' });
    const r = await rest(fake, token, 'GET', path);
    expect(r.status).toBe(404);
    expect(String(r.json)).toMatch(/<html[\s\S]*The requested URL <code>\/v2\/projects\/demo-project\/locations\/moon-central1<\/code> was not found on this server/);
  });
  test('404 with a JSON "URL not found"', async () => {
    fake.setVariants({ runRegion: '404-json' });
    const r = await rest(fake, token, 'GET', path);
    expect(r.status).toBe(404);
    expect(r.json.error.message).toMatch(/The requested URL .* was not found on this server/);
  });
  test('400', async () => {
    fake.setVariants({ runRegion: '400' });
    expect((await rest(fake, token, 'GET', path)).status).toBe(400);
    fake.setVariants({ runRegion: '404-html' });
  });
});

test('getIamPolicy of a missing job: 404, or 403 under the variant', async () => {
  const path = `/v2/${parent}/jobs/absent:getIamPolicy`;
  expect((await rest(fake, token, 'GET', path)).status).toBe(404);
  fake.setVariants({ iamMissing: '403' });
  expect((await rest(fake, token, 'GET', path)).status).toBe(403);
  fake.setVariants({ iamMissing: '404' });
});

test('a manual run of a paused Scheduler job runs, or is refused under the variant', async () => {
  const name = await schedulerJob('paused');
  await rest(fake, token, 'POST', `/v1/${name}:pause`, {});
  expect((await rest(fake, token, 'POST', `/v1/${name}:run`, {})).status).toBe(200);
  await until(() => attemptsOf(name).length === 1);
  fake.setVariants({ pausedRun: 'refused' });
  const refused = await rest(fake, token, 'POST', `/v1/${name}:run`, {});
  expect(refused.status).toBe(400);
  expect(refused.json.error.status).toBe('FAILED_PRECONDITION');
  fake.setVariants({ pausedRun: 'runs' });
});

describe('when an attempt becomes visible', () => {
  async function watch(name: string): Promise<{ lastAttemptTime?: string; status?: unknown }[]> {
    const seen: { lastAttemptTime?: string; status?: unknown }[] = [];
    await rest(fake, token, 'POST', `/v1/${name}:run`, {});
    await until(async () => {
      const j = (await rest(fake, token, 'GET', `/v1/${name}`)).json as { lastAttemptTime?: string; status?: unknown };
      seen.push({ lastAttemptTime: j.lastAttemptTime, status: j.status });
      return attemptsOf(name).length === 1 && j.status !== undefined;
    }, 30_000, 2);
    return seen;
  }
  test('end (default): lastAttemptTime and status are written together', async () => {
    const seen = await watch(await schedulerJob('timing-end'));
    expect(seen.some(s => s.lastAttemptTime && s.status === undefined)).toBe(false);
  });
  test('start: lastAttemptTime at dispatch, the status only when the attempt ends', async () => {
    fake.setVariants({ attemptTime: 'start' });
    try {
      // a service whose handler takes 3 s to answer: a wide window for the reads in between, also on a loaded machine
      const c = clients(fake);
      const [op] = await c.services.createService({ parent, serviceId: 'slowweb', service: { template: { containers: [{ image: 'img/fake-sleep3000ms:1' }] } } });
      const [svc] = await op.promise();
      fake.grant(`${parent}/services/slowweb`, `serviceAccount:${invoker}`, 'roles/run.invoker');
      const name = `${parent}/jobs/timing-start`;
      const r = await rest(fake, token, 'POST', `/v1/${parent}/jobs`, {
        name, schedule: '0 3 * * *', httpTarget: { uri: `${svc.uri}/`, oidcToken: { serviceAccountEmail: invoker, audience: svc.uri } },
      });
      expect(r.status).toBe(200);
      const seen = await watch(name);
      expect(seen.some((x) => x.lastAttemptTime && x.status === undefined)).toBe(true);
      expect(seen.at(-1)!.status).toEqual({});
    } finally {
      fake.setVariants({ attemptTime: 'end' });
    }
  });
});

test('each attempt is logged as AttemptStarted and AttemptFinished, readable through entries:list', async () => {
  const name = await schedulerJob('logged');
  const since = new Date(Date.now() - 1000).toISOString();
  await rest(fake, token, 'POST', `/v1/${name}:run`, {});
  await until(() => attemptsOf(name).length === 1);
  const filter = [
    'resource.type = "cloud_scheduler_job"',
    'resource.labels.job_id = "logged"',
    'resource.labels.location = "us-central1"',
    'jsonPayload."@type" = "type.googleapis.com/google.cloud.scheduler.logging.AttemptFinished"',
    `timestamp >= "${since}"`,
  ].join(' AND ');
  const r = await until(async () => {
    const x = await rest(fake, token, 'POST', '/v2/entries:list', { resourceNames: ['projects/demo-project'], filter, orderBy: 'timestamp desc' });
    return x.json.entries?.length ? x : undefined;
  });
  expect(r.json.entries[0]).toMatchObject({ jsonPayload: { jobName: name, targetType: 'HTTP' }, httpRequest: { status: 200 }, logName: 'projects/demo-project/logs/cloudscheduler.googleapis.com%2Fexecutions' });
  expect((await rest(fake, token, 'POST', '/v2/entries:list', { resourceNames: ['projects/demo-project'], filter: 'nonsense(' })).status).toBe(400);
});

describe('STS', () => {
  const form = (subjectToken: string) => new URLSearchParams({
    grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
    audience: `//iam.googleapis.com/${fake.world.provider}`,
    scope: 'https://www.googleapis.com/auth/cloud-platform',
    requested_token_type: 'urn:ietf:params:oauth:token-type:access_token',
    subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
    subject_token: subjectToken,
  });
  test('a mapped google.subject over 127 bytes is invalid_request', async () => {
    fake.setGithubClaims({ ref: `refs/heads/feature/${'x'.repeat(120)}` });
    const res = await fetch(`${fake.url}/v1/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form(fake.githubToken(`https://iam.googleapis.com/${fake.world.provider}`)) });
    fake.setGithubClaims({ ref: undefined });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; error_description: string };
    expect(body.error).toBe('invalid_request');
    expect(body.error_description).toMatch(/The size of mapped attribute google\.subject exceeds the 127 bytes limit/);
  });
});
