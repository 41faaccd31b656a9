// Cloud Run Admin v2 jobs, executions, operations and IAM policies on the local Google Cloud,
// through the official client in REST mode.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startFakeGcp, type FakeGcp } from '../../fake/server.ts';
import { clients, jobBody, rest, tokenOf, until, wifClient } from './helpers.ts';

let fake: FakeGcp;
let c: ReturnType<typeof clients>;
let token: string;
const parent = 'projects/demo-project/locations/us-central1';

beforeAll(async () => {
  fake = await startFakeGcp({ taskMs: 60, operationMs: 40 });
  c = clients(fake);
  token = await tokenOf(c.auth);
});
afterAll(async () => {
  await fake.close();
});

async function createJob(id: string, image: string, extra: Record<string, unknown> = {}) {
  const [op] = await c.jobs.createJob({ parent, jobId: id, job: jobBody(image, extra) as never });
  const [job] = await op.promise();
  return job;
}

async function waitExecution(name: string) {
  return until(async () => {
    const [e] = await c.executions.getExecution({ name });
    return e.completionTime ? e : undefined;
  }, 30_000, 25);
}

describe('jobs', () => {
  test('create -> LRO -> get, with server defaults and output-only fields', async () => {
    const [op] = await c.jobs.createJob({ parent, jobId: 'nightly', job: jobBody('us-docker.pkg.dev/demo-project/app/worker:1') as never });
    expect(op.name).toMatch(/^projects\/demo-project\/locations\/us-central1\/operations\//);
    expect(op.done).toBeFalsy();
    const [job] = await op.promise();
    expect(job.name).toBe(`${parent}/jobs/nightly`);
    const [got] = await c.jobs.getJob({ name: `${parent}/jobs/nightly` });
    expect(got).toMatchObject({
      generation: '1', observedGeneration: '1', launchStage: 'GA', creator: fake.world.deployer,
      terminalCondition: { type: 'Ready', state: 'CONDITION_SUCCEEDED' },
    });
    const raw = fake.runJobs().find(j => j.name === `${parent}/jobs/nightly`)!;
    expect(raw.template).toMatchObject({
      taskCount: 1,
      template: {
        maxRetries: 3, timeout: '600s', serviceAccount: fake.world.runtime,
        containers: [{ image: 'us-docker.pkg.dev/demo-project/app/worker:1', resources: { limits: { cpu: '1000m', memory: '512Mi' } } }],
      },
    });
    expect(raw.etag).toBeTruthy();
    expect(raw.reconciling).toBeUndefined();
  });

  test('create of an existing job is 409 ALREADY_EXISTS; get of a missing one 404', async () => {
    await expect(c.jobs.createJob({ parent, jobId: 'nightly', job: jobBody('img') as never })).rejects.toMatchObject({ code: 6 }); // ALREADY_EXISTS
    const r = await rest(fake, token, 'GET', `/v2/${parent}/jobs/missing`);
    expect(r.status).toBe(404);
    expect(r.json.error.message).toBe("Resource 'missing' of kind 'JOB' in region 'us-central1' in project 'demo-project' does not exist.");
  });

  test('PATCH replaces the whole job, bumps the generation and checks the etag', async () => {
    const name = `${parent}/jobs/nightly`;
    const [cur] = await c.jobs.getJob({ name });
    const [op] = await c.jobs.updateJob({ job: { ...jobBody('img:2', { labels: { team: 'x' } }), name, etag: cur.etag } as never });
    await op.promise();
    const [after] = await c.jobs.getJob({ name });
    expect(after.generation).toBe('2');
    expect(after.labels).toEqual({ team: 'x' });
    expect(after.template?.template?.containers?.[0].image).toBe('img:2');
    // a stale etag is a conflict
    const stale = await rest(fake, token, 'PATCH', `/v2/${name}`, { ...jobBody('img:3'), etag: cur.etag });
    expect(stale.status).toBe(409);
    expect(stale.json.error.status).toBe('ABORTED');
    // absent + allowMissing upserts
    const up = await rest(fake, token, 'PATCH', `/v2/${parent}/jobs/upserted?allowMissing=true`, jobBody('img'));
    expect(up.status).toBe(200);
    expect((await rest(fake, token, 'PATCH', `/v2/${parent}/jobs/absent`, jobBody('img'))).status).toBe(404);
  });

  test('validation: unknown fields, bad ids, missing image, limits, reserved labels and env', async () => {
    const post = (id: string, body: unknown) => rest(fake, token, 'POST', `/v2/${parent}/jobs?jobId=${id}`, body);
    let r = await post('ok', { ...jobBody('img'), templat: {} });
    expect(r.status).toBe(400);
    expect(r.json.error.message).toBe('Invalid JSON payload received. Unknown name "templat" at \'job\': Cannot find field.');
    expect(r.json.error.details[0]['@type']).toBe('type.googleapis.com/google.rpc.BadRequest');
    r = await post('ok', { template: { template: { containers: [{ image: 'x', imagePullPolicy: 'Always' }] } } });
    expect(r.json.error.message).toMatch(/Unknown name "imagePullPolicy" at 'job.template.template.containers\[0\]'/);
    for (const bad of ['Upper', 'under_score', 'ends-', '9lead', 'a'.repeat(50)]) {
      expect((await post(bad, jobBody('img'))).status).toBe(400);
    }
    expect((await post('noimage', { template: { template: { containers: [{}] } } })).status).toBe(400);
    expect((await post('notemplate', {})).status).toBe(400);
    expect((await post('retries', { template: { template: { containers: [{ image: 'x' }], maxRetries: 11 } } })).status).toBe(400);
    expect((await post('tasks', { template: { taskCount: 10001, template: { containers: [{ image: 'x' }] } } })).status).toBe(400);
    expect((await post('timeout', { template: { template: { containers: [{ image: 'x' }], timeout: '604801s' } } })).status).toBe(400);
    expect((await post('labels', { ...jobBody('img'), labels: { 'run.googleapis.com/x': 'y' } })).status).toBe(400);
    r = await post('env', { template: { template: { containers: [{ image: 'x', env: [{ name: 'PORT', value: '1' }] }] } } });
    expect(r.json.error.message).toMatch(/reserved env names were provided: PORT/);
    // enums as numbers (what the client sends with enum-encoding=int) are stored as names
    r = await post('enums', { ...jobBody('img'), launchStage: 4 });
    expect(r.status).toBe(200);
    expect(fake.runJobs().find(j => j.name === `${parent}/jobs/enums`)?.launchStage).toBe('GA');
    expect((await post('badenum', { ...jobBody('img'), launchStage: 'NOPE' })).status).toBe(400);
  });

  test('403 names the permission; actAs on the runtime account is required', async () => {
    fake.revoke(`projects/demo-project/serviceAccounts/${fake.world.runtime}`, `serviceAccount:${fake.world.deployer}`, 'roles/iam.serviceAccountUser');
    try {
      const r = await rest(fake, token, 'POST', `/v2/${parent}/jobs?jobId=noact`, jobBody('img'));
      expect(r.status).toBe(403);
      expect(r.json.error.message).toBe(`Permission 'iam.serviceaccounts.actAs' denied on service account ${fake.world.runtime} (or it may not exist).`);
    } finally {
      fake.grant(`projects/demo-project/serviceAccounts/${fake.world.runtime}`, `serviceAccount:${fake.world.deployer}`, 'roles/iam.serviceAccountUser');
    }
    fake.revoke('projects/demo-project', `serviceAccount:${fake.world.deployer}`, 'roles/run.admin');
    try {
      const r = await rest(fake, token, 'POST', `/v2/${parent}/jobs?jobId=x`, jobBody('img'));
      expect(r.status).toBe(403);
      expect(r.json.error).toMatchObject({
        code: 403, status: 'PERMISSION_DENIED',
        message: `Permission 'run.jobs.create' denied on resource '${parent}/jobs/x' (or resource may not exist).`,
        details: [{ reason: 'IAM_PERMISSION_DENIED', metadata: { permission: 'run.jobs.create' } }],
      });
    } finally {
      fake.grant('projects/demo-project', `serviceAccount:${fake.world.deployer}`, 'roles/run.admin');
    }
  });
});

describe('executions', () => {
  test('run -> LRO with the Execution as metadata -> success', async () => {
    await createJob('ok-job', 'img/worker:1', { template: { taskCount: 3, parallelism: 2, template: { containers: [{ image: 'img/worker:1' }], serviceAccount: fake.world.runtime } } });
    const [op] = await c.jobs.runJob({ name: `${parent}/jobs/ok-job` });
    const meta = op.metadata as { name?: string };
    expect(meta.name).toMatch(new RegExp(`^${parent}/jobs/ok-job/executions/ok-job-[a-z0-9]{5}$`));
    const [exec] = await op.promise();
    expect(exec.name).toBe(meta.name);
    const done = await waitExecution(meta.name!);
    expect(done.succeededCount).toBe(3);
    expect(done.failedCount ?? 0).toBe(0);
    expect(done.job).toBe('ok-job');
    expect(done.logUri).toMatch(/^https:\/\/console\.cloud\.google\.com\/logs\/viewer\?project=demo-project&advancedFilter=/);
    expect(done.conditions?.find(x => x.type === 'Completed')?.state).toBe('CONDITION_SUCCEEDED');
    const [list] = await c.executions.listExecutions({ parent: `${parent}/jobs/ok-job` });
    expect(list[0].name).toBe(meta.name);
    const [job] = await c.jobs.getJob({ name: `${parent}/jobs/ok-job` });
    // The short execution ID, as the real API gives it (FACTS.md).
    expect(job.latestCreatedExecution?.name).toBe(meta.name!.split('/').pop());
    expect(job.executionCount).toBe(1);
  });

  test('an image with "fail" fails every attempt, with retries', async () => {
    await createJob('bad-job', 'img/fake-fail:1', { template: { taskCount: 2, template: { containers: [{ image: 'img/fake-fail:1' }], maxRetries: 1 } } });
    const [op] = await c.jobs.runJob({ name: `${parent}/jobs/bad-job` });
    await op.promise();
    const e = await waitExecution((op.metadata as { name: string }).name);
    expect(e.failedCount).toBe(2);
    expect(e.retriedCount).toBe(2);
    const completed = e.conditions?.find(x => x.type === 'Completed');
    expect(completed?.state).toBe('CONDITION_FAILED');
    expect(completed?.executionReason).toBe('NON_ZERO_EXIT_CODE');
  });

  test('"flaky" succeeds on retry; maxRetries 0 stays failed', async () => {
    await createJob('flaky-job', 'img/fake-flaky:1', { template: { template: { containers: [{ image: 'img/fake-flaky:1' }] } } });
    const [op] = await c.jobs.runJob({ name: `${parent}/jobs/flaky-job` });
    const e = await waitExecution((op.metadata as { name: string }).name);
    expect(e).toMatchObject({ succeededCount: 1, retriedCount: 1 });
    await createJob('flaky-0', 'img/fake-flaky:1', { template: { template: { containers: [{ image: 'img/fake-flaky:1' }], maxRetries: 0 } } });
    const [op0] = await c.jobs.runJob({ name: `${parent}/jobs/flaky-0` });
    expect((await waitExecution((op0.metadata as { name: string }).name)).failedCount).toBe(1);
  });

  test('overrides need run.jobs.runWithOverrides; the invoker role alone cannot', async () => {
    const job = `${parent}/jobs/ok-job`;
    fake.grant(job, `serviceAccount:${fake.world.invoker}`, 'roles/run.invoker');
    // let the repository impersonate the invoker for this test
    const sa = `projects/demo-project/serviceAccounts/${fake.world.invoker}`;
    const set = 'principalSet://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/github/attribute.repository/acme/app';
    await expect(tokenOf(wifClient(fake, { serviceAccount: fake.world.invoker }))).rejects.toThrow(/getAccessToken/);
    fake.grant(sa, set, 'roles/iam.workloadIdentityUser');
    try {
      const t = await tokenOf(wifClient(fake, { serviceAccount: fake.world.invoker }));
      expect((await rest(fake, t, 'POST', `/v2/${job}:run`, {})).status).toBe(200);
      const r = await rest(fake, t, 'POST', `/v2/${job}:run`, { overrides: { taskCount: 2 } });
      expect(r.status).toBe(403);
      expect(r.json.error.message).toMatch(/run\.jobs\.runWithOverrides/);
      // and it cannot read the job's policy or create jobs
      expect((await rest(fake, t, 'POST', `/v2/${parent}/jobs?jobId=nope`, jobBody('img'))).status).toBe(403);
    } finally {
      fake.revoke(sa, set, 'roles/iam.workloadIdentityUser');
      fake.revoke(job, `serviceAccount:${fake.world.invoker}`, 'roles/run.invoker');
    }
  });

  test('cancel makes the execution cancelled', async () => {
    // Long enough that the cancel always comes first, however loaded the machine.
    await createJob('long-job', 'img/fake-sleep60000ms:1');
    const [op] = await c.jobs.runJob({ name: `${parent}/jobs/long-job` });
    const name = (op.metadata as { name: string }).name;
    const [cop] = await c.executions.cancelExecution({ name });
    await cop.promise();
    const e = await waitExecution(name);
    expect(e.cancelledCount).toBe(1);
    expect(e.conditions?.find(x => x.type === 'Completed')?.executionReason).toBe('CANCELLED');
  });
});

describe('IAM policies on a job', () => {
  test('get/set with etag read-modify-write; a stale etag is 409 ABORTED', async () => {
    const resource = `${parent}/jobs/nightly`;
    const [p0] = await c.jobs.getIamPolicy({ resource });
    expect(p0.bindings ?? []).toEqual([]);
    const [p1] = await c.jobs.setIamPolicy({ resource, policy: { bindings: [{ role: 'roles/run.invoker', members: [`serviceAccount:${fake.world.invoker}`] }], etag: p0.etag } });
    expect(p1.bindings).toMatchObject([{ role: 'roles/run.invoker', members: [`serviceAccount:${fake.world.invoker}`] }]);
    expect(Buffer.from(p1.etag as Uint8Array).toString('base64')).not.toBe(Buffer.from(p0.etag as Uint8Array).toString('base64'));
    await expect(c.jobs.setIamPolicy({ resource, policy: { bindings: [], etag: p0.etag } })).rejects.toMatchObject({ code: 10 }); // ABORTED
    const stale = await rest(fake, token, 'POST', `/v2/${resource}:setIamPolicy`, { policy: { bindings: [], etag: Buffer.from(p0.etag as Uint8Array).toString('base64') } });
    expect(stale.json.error.message).toMatch(/There were concurrent policy changes/);
    expect(fake.getPolicy(resource).bindings).toHaveLength(1);
    // no project-level write happened
    expect(fake.getPolicy('projects/demo-project').bindings.find(b => b.role === 'roles/run.invoker')).toBeUndefined();
    const [perms] = await c.jobs.testIamPermissions({ resource, permissions: ['run.jobs.run', 'run.jobs.setIamPolicy', 'iam.serviceAccounts.actAs'] });
    expect(perms.permissions).toEqual(['run.jobs.run', 'run.jobs.setIamPolicy']);
    // an unknown service account member is refused
    await expect(c.jobs.setIamPolicy({ resource, policy: { bindings: [{ role: 'roles/run.invoker', members: ['serviceAccount:ghost@demo-project.iam.gserviceaccount.com'] }] } })).rejects.toMatchObject({ code: 3 });
  });
});
