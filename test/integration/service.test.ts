// The service path end to end: dist/index.js against the local Google Cloud.
import { afterAll, expect, test } from '@jest/globals';
import { closeFakes, failure, run, serviceInputs, sharedFake, visibleLog, withFake, writesIn, type FakeGcp, group } from './setup.ts';

// Each case has a local Google Cloud of its own (withFake), so all of them run at once; the cases
// that read the first deploy share it (and its local Google Cloud, closed in afterAll).
afterAll(closeFakes);

const SERVICE = (name: string) => `projects/demo-project/locations/us-central1/services/${name}`;
const service = (fake: FakeGcp, name: string) => fake.runServices().find((s) => s.name === SERVICE(name)) as any;
const schedulerJob = (fake: FakeGcp, id: string) => fake.schedulerJobs().find((j) => String(j.name).endsWith(`/jobs/${id}`)) as any;
/** Members holding `role` on a resource, over every binding of that role. */
const holders = (fake: FakeGcp, resource: string, role: string): string[] =>
  fake.getPolicy(resource).bindings.filter((b) => b.role === role).flatMap((b) => b.members);

// Every case has a local Google Cloud of its own, so all of them run at once: the groups are
// setup.ts's `group` (not describe blocks), and the file's cases are one concurrent set.

group('allow_unauthenticated', (it) => {
  // The longest waits first (jest starts concurrent cases in order): two runs each.
  it('true adds exactly one allUsers binding, of roles/run.invoker, and a rerun adds no other', () =>
    withFake(async (fake) => {
      const inputs = serviceInputs(fake, 'public', { allow_unauthenticated: 'true' });
      const first = await run(fake, inputs);
      expect(failure(first)).toBe('');
      const policy = fake.getPolicy(SERVICE('public'));
      const allUsers = policy.bindings.filter((b) => b.members.includes('allUsers'));
      expect(allUsers).toEqual([{ role: 'roles/run.invoker', members: expect.arrayContaining(['allUsers']) }]);
      expect(holders(fake, SERVICE('public'), 'roles/run.invoker').sort()).toEqual(['allUsers', `serviceAccount:${fake.world.invoker}`].sort());
      // not public anywhere else
      expect(JSON.stringify(fake.getPolicy('projects/demo-project'))).not.toContain('allUsers');

      const before = fake.requests.length;
      const again = await run(fake, inputs);
      expect(again.code).toBe(0);
      expect(again.outputs.changed).toBe('false');
      expect(writesIn(fake, before)).toEqual([]);
      expect(holders(fake, SERVICE('public'), 'roles/run.invoker').filter((m) => m === 'allUsers')).toHaveLength(1);
    }),
  );

  it('left out (or false) never adds one, also on updates', () =>
    withFake(async (fake) => {
      const first = await run(fake, serviceInputs(fake, 'private'));
      expect(failure(first)).toBe('');
      const second = await run(fake, serviceInputs(fake, 'private', { allow_unauthenticated: 'false', image: serviceInputs(fake, 'private').image.replace(/a{64}$/, 'b'.repeat(64)) }));
      expect(failure(second)).toBe('');
      expect(second.outputs.changed).toBe('true');
      expect(JSON.stringify(fake.getPolicy(SERVICE('private')))).not.toContain('allUsers');
    }),
  );
});

group('a first deploy of a service with a schedule', (it) => {
  /** The deploy these cases read: started by the first of them, once, on a local Google Cloud of its own. */
  const deployed = sharedFake(async (fake) => {
    const requestsBefore = fake.requests.length;
    const result = await run(fake, serviceInputs(fake, 'web', { path: '/tasks/cleanup' }));
    return { result, requestsBefore };
  });

  it('succeeds with the documented outputs', async () => {
    const { fake, result } = await deployed();
    expect(failure(result)).toBe('');
    expect(result.code).toBe(0);
    const o = result.outputs;
    const svc = service(fake, 'web');
    expect(o.kind).toBe('service');
    expect(o.resource).toBe(SERVICE('web'));
    expect(o.url).toMatch(/^https:\/\/web-[a-z0-9]+-uc\.a\.run\.app$/);
    expect(o.url).toBe(svc.uri);
    expect(o.revision).toBe(String(svc.latestReadyRevision).split('/').pop());
    expect(o.revision).toMatch(/^web-00001-[a-z0-9]+$/);
    expect(o.scheduler_job).toBe('projects/demo-project/locations/us-central1/jobs/web-schedule');
    expect(o.changed).toBe('true');
    expect(o.execution_status).toBe('succeeded');
    const plan = JSON.parse(o.plan) as { type: string; action: string }[];
    expect(plan.map((c) => [c.type, c.action])).toEqual([
      ['run-service', 'create'],
      ['iam-binding', 'create'],
      ['scheduler-job', 'create'],
    ]);
  });

  it('leaves the service Ready, with the image and the runtime account', async () => {
    const { fake } = await deployed();
    const svc = service(fake, 'web');
    expect(svc.reconciling).toBeUndefined();
    expect(svc.observedGeneration).toBe(svc.generation);
    expect(svc.latestReadyRevision).toBe(svc.latestCreatedRevision);
    expect(svc.terminalCondition).toMatchObject({ type: 'Ready', state: 'CONDITION_SUCCEEDED' });
    expect(svc.template.containers[0].image).toBe(serviceInputs(fake, 'web').image);
    expect(svc.template.serviceAccount).toBe(fake.world.runtime);
    expect(svc.labels['managed-by']).toBe('cloud-run-cron');
  });

  it('is private: the invoker alone holds roles/run.invoker, on that service only', async () => {
    const { fake, requestsBefore } = await deployed();
    expect(fake.getPolicy(SERVICE('web')).bindings).toEqual([
      { role: 'roles/run.invoker', members: [`serviceAccount:${fake.world.invoker}`] },
    ]);
    expect(JSON.stringify(fake.getPolicy(SERVICE('web')))).not.toContain('allUsers');
    const setPolicies = fake.requests.slice(requestsBefore).filter((r) => r.path.endsWith(':setIamPolicy'));
    expect(setPolicies.map((r) => r.path)).toEqual([`/v2/${SERVICE('web')}:setIamPolicy`]);
    expect(JSON.stringify(fake.getPolicy('projects/demo-project'))).not.toContain(fake.world.invoker);
  });

  it('creates a Scheduler job that calls the service URL + path with an OIDC token for the service URL', async () => {
    const { fake } = await deployed();
    const uri = service(fake, 'web').uri as string;
    const sj = schedulerJob(fake, 'web-schedule');
    expect(sj.schedule).toBe('*/30 * * * *');
    expect(sj.timeZone).toBe('Europe/Berlin');
    expect(sj.httpTarget.uri).toBe(`${uri}/tasks/cleanup`);
    expect(sj.httpTarget.httpMethod).toBe('POST');
    expect(sj.httpTarget.oidcToken).toEqual({ serviceAccountEmail: fake.world.invoker, audience: uri });
    expect(sj.httpTarget.oauthToken).toBeUndefined();
  });

  it('the smoke test went through the trigger: the service got the path and a verified token', async () => {
    const { fake } = await deployed();
    const uri = service(fake, 'web').uri as string;
    const served = fake.servedRequests().filter((s) => s.service === SERVICE('web'));
    expect(served).toHaveLength(1);
    expect(served[0]).toMatchObject({ method: 'POST', path: '/tasks/cleanup', status: 200 });
    expect(served[0]!.headers['user-agent']).toBe('Google-Cloud-Scheduler');
    // claims are present only when the fake verified the token's signature
    expect(served[0]!.claims).toMatchObject({ aud: uri, email: fake.world.invoker, iss: 'https://accounts.google.com' });
    const attempts = fake.schedulerAttempts().filter((a) => String(a.job).endsWith('/jobs/web-schedule'));
    expect(attempts).toHaveLength(1);
    expect(attempts[0]!.httpStatus).toBe(200);
  });

  it('writes the job summary with the URL', async () => {
    const { result } = await deployed();
    expect(result.summary).toContain('web');
    expect(result.summary).toContain(result.outputs.url);
  });

  it('never shows a token', async () => {
    const { result } = await deployed();
    const log = visibleLog(result) + JSON.stringify(result.outputs) + result.summary;
    expect(log).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
    expect(log).not.toMatch(/ya29\./);
  });
});

test.concurrent('the trigger carries http_method, body (base64 on the wire), attempt_deadline and retry_count', () =>
  withFake(async (fake) => {
    const inputs = serviceInputs(fake, 'hook', {
      path: '/hooks/tick',
      http_method: 'PUT',
      body: '{"tick":true}',
      attempt_deadline: '90s',
      retry_count: '2',
    });
    const result = await run(fake, inputs);
    expect(failure(result)).toBe('');
    const uri = service(fake, 'hook').uri as string;
    const sj = schedulerJob(fake, 'hook-schedule');
    expect(sj.httpTarget).toMatchObject({
      uri: `${uri}/hooks/tick`,
      httpMethod: 'PUT',
      body: Buffer.from('{"tick":true}').toString('base64'),
      oidcToken: { serviceAccountEmail: fake.world.invoker, audience: uri },
    });
    expect(sj.attemptDeadline).toBe('90s');
    expect(sj.retryConfig.retryCount).toBe(2);
    const served = fake.servedRequests().filter((s) => s.service === SERVICE('hook'));
    expect(served).toHaveLength(1);
    expect(served[0]).toMatchObject({ method: 'PUT', path: '/hooks/tick', body: '{"tick":true}', status: 200 });
    expect(served[0]!.headers['content-type']).toBe('application/json');
    expect(served[0]!.claims).toMatchObject({ aud: uri, email: fake.world.invoker });
  }),
);

test.concurrent('a handler that answers 500 fails the smoke test naming the status', () =>
  withFake(async (fake) => {
    const inputs = serviceInputs(fake, 'web-500', { image: 'us-docker.pkg.dev/demo-project/apps/fake-http500@sha256:' + 'c'.repeat(64) });
    const result = await run(fake, inputs);
    expect(result.code).not.toBe(0);
    expect(result.outputs.execution_status).toBe('failed');
    const message = failure(result);
    expect(message).toMatch(/INTERNAL/);
    expect(message).toMatch(/server error \(HTTP 5xx\)/);
    // the deploy itself went through: the service is Ready, the trigger was called once
    expect(service(fake, 'web-500').terminalCondition.state).toBe('CONDITION_SUCCEEDED');
    expect(fake.servedRequests().filter((s) => s.service === SERVICE('web-500')).map((s) => s.status)).toEqual([500]);
  }),
);

test.concurrent('a revision that never becomes ready fails the deploy with the condition message', () =>
  withFake(async (fake) => {
    const before = fake.requests.length;
    const inputs = serviceInputs(fake, 'web-notready', { image: 'us-docker.pkg.dev/demo-project/apps/fake-notready@sha256:' + 'd'.repeat(64) });
    const result = await run(fake, inputs);
    expect(result.code).not.toBe(0);
    const message = failure(result);
    expect(message).toContain(SERVICE('web-notready'));
    expect(message).toMatch(/Revision 'web-notready-00001-[a-z0-9]+' is not ready and cannot serve traffic/);
    expect(message).toMatch(/failed to start and listen on the port/);
    expect(service(fake, 'web-notready').terminalCondition.message).toMatch(/is not ready and cannot serve traffic/);
    // it stopped there: no trigger, no smoke test
    expect(schedulerJob(fake, 'web-notready-schedule')).toBeUndefined();
    expect(fake.requests.slice(before).filter((r) => r.service === 'scheduler' && r.method !== 'GET')).toEqual([]);
  }),
);

group('service limits are checked before any request', (it) => {
  const cases: [string, Record<string, string>, RegExp][] = [
    ['a timeout of 2h (above 3600s)', { timeout: '2h' }, /Input 'timeout'/],
    ['a concurrency of 2000 (above 1000)', { concurrency: '2000' }, /Input 'concurrency'.*1000/s],
    ['an unknown ingress', { ingress: 'public' }, /Input 'ingress'/],
    ['min_instances above max_instances', { min_instances: '3', max_instances: '2' }, /Input 'min_instances': 3 is more than max_instances/],
  ];
  for (const [what, change, expected] of cases) {
    it(what, () =>
      withFake(async (fake) => {
        const before = fake.requests.length;
        const result = await run(fake, serviceInputs(fake, 'bad-service', change));
        expect(result.code).not.toBe(0);
        expect(failure(result)).toMatch(expected);
        expect(fake.requests.length).toBe(before);
      }),
    );
  }
});

test.concurrent('a service without a schedule: deployed, waited on until Ready, nothing else touched', () =>
  withFake(async (fake) => {
    const before = fake.requests.length;
    const inputs = serviceInputs(fake, 'api', { schedule: '', invoker_service_account: '', time_zone: '' });
    const result = await run(fake, inputs);
    expect(failure(result)).toBe('');
    const svc = service(fake, 'api');
    expect(svc.terminalCondition.state).toBe('CONDITION_SUCCEEDED');
    expect(svc.latestReadyRevision).toBe(svc.latestCreatedRevision);
    expect(result.outputs.url).toBe(svc.uri);
    expect(result.outputs.revision).toBe(String(svc.latestReadyRevision).split('/').pop());
    expect(result.outputs.scheduler_job).toBe('');
    expect(result.outputs.changed).toBe('true');
    expect(fake.schedulerJobs().some((j) => String(j.name).includes('/jobs/api'))).toBe(false);
    // no binding is needed without a trigger, and no Scheduler request at all
    expect(fake.getPolicy(SERVICE('api')).bindings).toEqual([]);
    const sent = fake.requests.slice(before);
    expect(sent.filter((r) => r.service === 'scheduler')).toEqual([]);
    expect(sent.filter((r) => r.path.endsWith(':setIamPolicy'))).toEqual([]);
    // the step ended once the service was Ready: its outputs name the ready revision, and nothing called it
    expect(result.outputs.revision).toMatch(/^api-00001-[a-z0-9]+$/);
    expect(fake.servedRequests().filter((s) => s.service === SERVICE('api'))).toEqual([]);
  }),
);
