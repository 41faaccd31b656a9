// Cloud Scheduler v1 on the local Google Cloud: jobs, patches with updateMask, and the
// asynchronous attempt with its auth checks against Cloud Run jobs and services.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startFakeGcp, type FakeGcp } from '../../fake/server.ts';
import { clients, jobBody, rest, tokenOf, until } from './helpers.ts';

let fake: FakeGcp;
let c: ReturnType<typeof clients>;
let token: string;
const parent = 'projects/demo-project/locations/us-central1';
const CLOUD_PLATFORM = 'https://www.googleapis.com/auth/cloud-platform';
const invoker = 'scheduler-invoker@demo-project.iam.gserviceaccount.com';
const runUri = (region: string, job: string) => `https://${region}-run.googleapis.com/apis/run.googleapis.com/v1/namespaces/demo-project/jobs/${job}:run`;

beforeAll(async () => {
  fake = await startFakeGcp({ taskMs: 30, operationMs: 30 });
  c = clients(fake);
  token = await tokenOf(c.auth);
  const [op] = await c.jobs.createJob({ parent, jobId: 'nightly', job: jobBody('img/worker:1') as never });
  await op.promise();
  const [sop] = await c.services.createService({ parent, serviceId: 'web', service: { template: { containers: [{ image: 'img/web:1' }] } } });
  await sop.promise();
  for (const [id, image] of [['web500', 'img/fake-http500:1'], ['webslow', 'img/fake-slow:1']]) {
    const [o] = await c.services.createService({ parent, serviceId: id, service: { template: { containers: [{ image }] } } });
    await o.promise();
  }
});
afterAll(async () => {
  await fake.close();
});

/** Runs the Scheduler job and waits for the attempt to land; returns the job's status. */
async function runAndWait(name: string) {
  const [before] = await c.scheduler.getJob({ name });
  const prev = Number(before.lastAttemptTime?.seconds ?? 0) * 1000 + Math.floor((before.lastAttemptTime?.nanos ?? 0) / 1e6);
  const started = Date.now();
  await c.scheduler.runJob({ name });
  return until(async () => {
    const [j] = await c.scheduler.getJob({ name });
    const t = Number(j.lastAttemptTime?.seconds ?? 0) * 1000 + Math.floor((j.lastAttemptTime?.nanos ?? 0) / 1e6);
    return t > prev && t >= started - 1000 ? j : undefined;
  }, 30_000, 20);
}

async function createSchedulerJob(id: string, httpTarget: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const [job] = await c.scheduler.createJob({ parent, job: { name: `${parent}/jobs/${id}`, schedule: '0 3 * * *', timeZone: 'Etc/UTC', httpTarget, ...extra } as never });
  return job;
}

describe('Cloud Scheduler', () => {
  test('locations leave out some Cloud Run regions', async () => {
    const r = await rest(fake, token, 'GET', '/v1/projects/demo-project/locations');
    const ids = (r.json.locations as { locationId: string }[]).map(l => l.locationId);
    expect(ids).toContain('us-central1');
    expect(ids).toContain('europe-west1');
    expect(ids).not.toContain('europe-west12');
    expect((await rest(fake, token, 'POST', '/v1/projects/demo-project/locations/europe-west12/jobs', {})).status).toBe(400);
    fake.setVariants({ schedulerLocation: '403' });
    expect((await rest(fake, token, 'GET', '/v1/projects/demo-project/locations/europe-west12/jobs/x', undefined)).status).toBe(403);
    fake.setVariants({ schedulerLocation: '404' });
    expect((await rest(fake, token, 'GET', '/v1/projects/demo-project/locations/europe-west12/jobs/x', undefined)).status).toBe(404);
    fake.setVariants({ schedulerLocation: '400' });
  });

  test('job target: create, defaults, run -> OK and an execution starts', async () => {
    fake.grant(`${parent}/jobs/nightly`, `serviceAccount:${invoker}`, 'roles/run.invoker');
    const job = await createSchedulerJob('nightly-schedule', { uri: runUri('us-central1', 'nightly'), httpMethod: 'POST', oauthToken: { serviceAccountEmail: invoker, scope: CLOUD_PLATFORM } });
    expect(job.state).toBe('ENABLED');
    expect(job.attemptDeadline).toMatchObject({ seconds: '180' });
    // scheduleTime shows on later reads, not in the create answer; no retryConfig was sent, none is filled in.
    expect(job.scheduleTime).toBeFalsy();
    expect(job.retryConfig).toBeFalsy();
    await new Promise(r => setTimeout(r, 30));
    const [read] = await c.scheduler.getJob({ name: `${parent}/jobs/nightly-schedule` });
    expect(read.scheduleTime).toBeTruthy();
    const stored = fake.schedulerJobs().find(j => j.name === `${parent}/jobs/nightly-schedule`)!;
    expect(stored.httpTarget).toMatchObject({ httpMethod: 'POST', oauthToken: { serviceAccountEmail: invoker, scope: CLOUD_PLATFORM } });
    const before = fake.executions().length;
    const after = await runAndWait(`${parent}/jobs/nightly-schedule`);
    expect(after.status?.code ?? 0).toBe(0);
    expect(fake.executions().length).toBe(before + 1);
    expect(fake.executions().at(-1)?.creator).toBe(invoker);
  });

  test('patch with updateMask (snake_case) changes only those fields; NOT_FOUND when absent', async () => {
    const name = `${parent}/jobs/nightly-schedule`;
    const [j] = await c.scheduler.updateJob({ job: { name, schedule: '*/5 * * * *', description: 'ignored' }, updateMask: { paths: ['schedule'] } });
    expect(j.schedule).toBe('*/5 * * * *');
    expect(j.description ?? '').toBe('');
    const log = fake.requests.filter(r => r.method === 'PATCH' && r.service === 'scheduler').at(-1)!;
    expect(decodeURIComponent(log.query)).toContain('updateMask=schedule');
    await expect(c.scheduler.updateJob({ job: { name: `${parent}/jobs/absent`, schedule: '* * * * *' }, updateMask: { paths: ['schedule'] } })).rejects.toMatchObject({ code: 5 });
  });

  test('job target failures: OIDC token, missing invoker binding, wrong region', async () => {
    await createSchedulerJob('oidc-on-job', { uri: runUri('us-central1', 'nightly'), oidcToken: { serviceAccountEmail: invoker, audience: runUri('us-central1', 'nightly') } });
    expect((await runAndWait(`${parent}/jobs/oidc-on-job`)).status?.code).toBe(16);

    fake.revoke(`${parent}/jobs/nightly`, `serviceAccount:${invoker}`, 'roles/run.invoker');
    const denied = await runAndWait(`${parent}/jobs/nightly-schedule`);
    expect(denied.status?.code).toBe(7);
    fake.grant(`${parent}/jobs/nightly`, `serviceAccount:${invoker}`, 'roles/run.invoker');

    await createSchedulerJob('wrong-region', { uri: runUri('europe-west1', 'nightly'), oauthToken: { serviceAccountEmail: invoker } });
    expect((await runAndWait(`${parent}/jobs/wrong-region`)).status?.code).toBe(5);
  });

  test('job target: a token minted with another scope than cloud-platform is refused by the Admin API', async () => {
    await createSchedulerJob('narrow-scope', { uri: runUri('us-central1', 'nightly'), oauthToken: { serviceAccountEmail: invoker, scope: 'https://www.googleapis.com/auth/userinfo.email' } });
    const refused = await runAndWait(`${parent}/jobs/narrow-scope`);
    expect(refused.status?.code).toBe(7);
    // Scheduler's log says how the attempt ended, in its own words (not the API's message).
    const finished = fake.logEntries().filter((e: any) => e.resource.labels.job_id === 'narrow-scope' && e.jsonPayload.status);
    expect(finished.map((e: any) => e.jsonPayload.debugInfo)).toEqual(['URL_ERROR-ERROR_AUTHENTICATION. Original HTTP response code number = 403']);
    await createSchedulerJob('full-scope', { uri: runUri('us-central1', 'nightly'), oauthToken: { serviceAccountEmail: invoker, scope: CLOUD_PLATFORM } });
    expect((await runAndWait(`${parent}/jobs/full-scope`)).status?.code ?? 0).toBe(0);
  });

  test('service target: OK, wrong audience, missing binding, 500, deadline', async () => {
    const [svc] = await c.services.getService({ name: `${parent}/services/web` });
    const uri = svc.uri!;
    const target = (aud: string) => ({ uri: `${uri}/tick`, httpMethod: 'POST', body: Buffer.from('{"a":1}').toString('base64'), headers: { 'Content-Type': 'application/json' }, oidcToken: { serviceAccountEmail: invoker, audience: aud } });
    await createSchedulerJob('web-tick', target(uri));
    // no binding yet
    expect((await runAndWait(`${parent}/jobs/web-tick`)).status?.code).toBe(7);
    fake.grant(`${parent}/services/web`, `serviceAccount:${invoker}`, 'roles/run.invoker');
    expect((await runAndWait(`${parent}/jobs/web-tick`)).status?.code ?? 0).toBe(0);
    const served = fake.servedRequests().filter(r => r.status === 200).at(-1)!;
    expect(served).toMatchObject({ method: 'POST', path: '/tick', body: '{"a":1}' });
    expect(served.headers['user-agent']).toBe('Google-Cloud-Scheduler');
    expect(served.claims).toMatchObject({ aud: uri, email: invoker, iss: 'https://accounts.google.com' });

    await createSchedulerJob('web-badaud', target(`${uri}/tick`));
    expect((await runAndWait(`${parent}/jobs/web-badaud`)).status?.code).toBe(16);
    // the deterministic URL is an accepted audience too
    await createSchedulerJob('web-url-aud', target(svc.urls![0]));
    expect((await runAndWait(`${parent}/jobs/web-url-aud`)).status?.code ?? 0).toBe(0);

    for (const id of ['web500', 'webslow']) fake.grant(`${parent}/services/${id}`, `serviceAccount:${invoker}`, 'roles/run.invoker');
    const [s500] = await c.services.getService({ name: `${parent}/services/web500` });
    await createSchedulerJob('web-500', { uri: s500.uri, oidcToken: { serviceAccountEmail: invoker, audience: s500.uri } });
    expect((await runAndWait(`${parent}/jobs/web-500`)).status?.code).toBe(13);
    const [slow] = await c.services.getService({ name: `${parent}/services/webslow` });
    await createSchedulerJob('web-slow', { uri: slow.uri, oidcToken: { serviceAccountEmail: invoker, audience: slow.uri } }, { attemptDeadline: { seconds: 30 } });
    expect((await runAndWait(`${parent}/jobs/web-slow`)).status?.code).toBe(4);
  });

  test('validation: cron, time zone, deadline, retries, body with GET, id, actAs', async () => {
    const post = (id: string, extra: Record<string, unknown>) => rest(fake, token, 'POST', `/v1/${parent}/jobs`, {
      name: `${parent}/jobs/${id}`, schedule: '0 3 * * *', httpTarget: { uri: runUri('us-central1', 'nightly'), oauthToken: { serviceAccountEmail: invoker } }, ...extra,
    });
    let r = await post('bad-cron', { schedule: '61 * * * *' });
    expect(r.status).toBe(400);
    expect(r.json.error.message).toBe('Schedule or time zone is invalid.');
    expect((await post('bad-cron2', { schedule: '* * * *' })).status).toBe(400);
    expect((await post('bad-tz', { timeZone: 'Mars/Olympus' })).status).toBe(400);
    expect((await post('ok-tz', { timeZone: 'Europe/Berlin' })).status).toBe(200);
    expect((await post('deadline', { attemptDeadline: '10s' })).status).toBe(400);
    expect((await post('deadline2', { attemptDeadline: '1801s' })).status).toBe(400);
    expect((await post('retries', { retryConfig: { retryCount: 6 } })).status).toBe(400);
    expect((await post('get-body', { httpTarget: { uri: 'https://x.a.run.app', httpMethod: 'GET', body: 'eA==' } })).status).toBe(400);
    expect((await post('bad id!', {})).status).toBe(400);
    expect((await post('extra', { httpTarget: { uri: 'https://x', bogus: 1 } })).json.error.message).toMatch(/Unknown name "bogus" at 'job.http_target'/);
    expect((await post('enum-int', { httpTarget: { uri: 'https://x.a.run.app', httpMethod: 1 } })).status).toBe(200);
    expect(fake.schedulerJobs().find(j => String(j.name).endsWith('/enum-int'))?.httpTarget).toMatchObject({ httpMethod: 'POST' });
    fake.revoke(`projects/demo-project/serviceAccounts/${invoker}`, 'serviceAccount:deployer@demo-project.iam.gserviceaccount.com', 'roles/iam.serviceAccountUser');
    r = await post('no-actas', {});
    expect(r.status).toBe(403);
    expect(r.json.error.message).toBe(`Permission 'iam.serviceaccounts.actAs' denied on service account ${invoker} (or it may not exist).`);
    fake.grant(`projects/demo-project/serviceAccounts/${invoker}`, 'serviceAccount:deployer@demo-project.iam.gserviceaccount.com', 'roles/iam.serviceAccountUser');
  });

  test('pause, resume, delete', async () => {
    const name = `${parent}/jobs/nightly-schedule`;
    const [p] = await c.scheduler.pauseJob({ name });
    expect(p.state).toBe('PAUSED');
    const [r] = await c.scheduler.resumeJob({ name });
    expect(r.state).toBe('ENABLED');
    await c.scheduler.deleteJob({ name: `${parent}/jobs/ok-tz` });
    await expect(c.scheduler.getJob({ name: `${parent}/jobs/ok-tz` })).rejects.toMatchObject({ code: 5 });
  });
});

describe("Cloud Scheduler's request quotas (when turned on)", () => {
  test('a write over the per-minute quota is answered 429 RESOURCE_EXHAUSTED; reads count apart', async () => {
    const own = await startFakeGcp({ quiet: true });
    try {
      const t = await tokenOf(clients(own).auth);
      own.setSchedulerQuotas({ writesPerMinute: 2, readsPerMinute: 100 });
      const body = (id: string) => ({ name: `${parent}/jobs/${id}`, schedule: '0 3 * * *', httpTarget: { uri: 'https://example.com/' } });
      const answers = [];
      for (const id of ['q1', 'q2', 'q3']) answers.push(await rest(own, t, 'POST', `/v1/${parent}/jobs`, body(id)));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 429]);
      expect(answers[2]!.json.error.status).toBe('RESOURCE_EXHAUSTED');
      expect((await rest(own, t, 'GET', `/v1/${parent}/jobs/q1`)).status).toBe(200);
      expect(own.schedulerThrottled()).toEqual({ read: 0, write: 1 });
    } finally {
      await own.close();
    }
  });
});
