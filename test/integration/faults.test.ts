// The action under faults: every route of the local Google Cloud it uses answering
// 503 or 429 once, an etag conflict, a lost create race, a failing operation, a cancelled
// execution, a Scheduler attempt past its deadline, a denial that is not IAM propagating, and
// two runs at once. Each case gets a local Google Cloud of its own, so the cases run in parallel.
import { afterAll, describe, expect, test } from '@jest/globals';
import { closeFakes, deployerToken, failure, jobInputs, run, serviceInputs, startFake, withFake, type ActionRun, type FakeGcp } from './setup.ts';

// Small timings keep the suite fast (setup.ts: operations 30 ms, task attempts 60 ms, Scheduler seconds 1 ms).
afterAll(closeFakes);

const NAME = 'nightly';
const IMAGE = (tag: string) => `us-docker.pkg.dev/demo-project/apps/${tag}`;

// ---------- the scenarios whose routes the table covers ----------

type Scenario = 'first' | 'update' | 'direct' | 'service';

/** Brings the fake to where the scenario starts, then runs the scenario's run of the action. */
const SCENARIOS: Record<Scenario, { before?: (fake: FakeGcp) => Promise<void>; run: (fake: FakeGcp) => Promise<ActionRun> }> = {
  // A first deploy of a job with a schedule: reads, create, operation, IAM, Scheduler create, smoke.
  first: { run: (fake) => run(fake, jobInputs(fake, NAME)) },
  // An update of image and schedule: the PATCH of the job and of the Scheduler job.
  update: {
    before: async (fake) => {
      const r = await run(fake, jobInputs(fake, NAME, { smoke_test: 'false' }));
      expect(failure(r)).toBe('');
    },
    run: (fake) => run(fake, jobInputs(fake, NAME, { image: IMAGE('nightly:v2'), schedule: '0 4 * * *' })),
  },
  // A job without a schedule: the smoke test runs it through Cloud Run's own :run.
  direct: { run: (fake) => run(fake, jobInputs(fake, NAME, { schedule: '', invoker_service_account: '', time_zone: '' })) },
  // A first deploy of a service with a schedule: service create, Ready wait, its IAM policy.
  service: { run: (fake) => run(fake, serviceInputs(fake, NAME)) },
};

const RUN = '^/v2/projects/demo-project/locations/us-central1';
const SCHED = '^/v1/projects/demo-project/locations';

/** Every route the action uses, by the scenario that first reaches it. */
const ROUTES: [Scenario, string, string, RegExp][] = [
  ['first', 'the GitHub OIDC token', 'GET', /^\/github\/token$/],
  ['first', 'the STS token exchange', 'POST', /^\/v1\/token$/],
  ['first', 'generateAccessToken', 'POST', /:generateAccessToken$/],
  ['first', 'the Run job read', 'GET', new RegExp(`${RUN}/jobs/${NAME}$`)],
  ['first', 'the Run service read (the other kind)', 'GET', new RegExp(`${RUN}/services/${NAME}$`)],
  ['first', 'getIamPolicy of the job', 'GET', new RegExp(`${RUN}/jobs/${NAME}:getIamPolicy$`)],
  ['first', 'the Scheduler job read', 'GET', new RegExp(`${SCHED}/us-central1/jobs/${NAME}-schedule$`)],
  ['first', 'the Scheduler locations', 'GET', new RegExp(`${SCHED}$`)],
  ['first', 'the Run job create', 'POST', new RegExp(`${RUN}/jobs$`)],
  ['first', 'the Run operation poll', 'GET', new RegExp(`${RUN}/operations/[^/]+$`)],
  ['first', 'setIamPolicy of the job', 'POST', new RegExp(`${RUN}/jobs/${NAME}:setIamPolicy$`)],
  ['first', 'the Scheduler job create', 'POST', new RegExp(`${SCHED}/us-central1/jobs$`)],
  ['first', 'the Scheduler :run', 'POST', new RegExp(`${SCHED}/us-central1/jobs/${NAME}-schedule:run$`)],
  ['first', 'the execution poll', 'GET', new RegExp(`${RUN}/jobs/${NAME}/executions/[^/]+$`)],
  ['update', 'the Run job update', 'PATCH', new RegExp(`${RUN}/jobs/${NAME}$`)],
  ['update', 'the Scheduler job update', 'PATCH', new RegExp(`${SCHED}/us-central1/jobs/${NAME}-schedule$`)],
  ['direct', 'the Run job :run', 'POST', new RegExp(`${RUN}/jobs/${NAME}:run$`)],
  ['service', 'the Run service create', 'POST', new RegExp(`${RUN}/services$`)],
  ['service', 'the Run service read (and Ready wait)', 'GET', new RegExp(`${RUN}/services/${NAME}$`)],
  ['service', 'the Run job read (the other kind)', 'GET', new RegExp(`${RUN}/jobs/${NAME}$`)],
  ['service', 'getIamPolicy of the service', 'GET', new RegExp(`${RUN}/services/${NAME}:getIamPolicy$`)],
  ['service', 'setIamPolicy of the service', 'POST', new RegExp(`${RUN}/services/${NAME}:setIamPolicy$`)],
  ['service', 'the service operation poll', 'GET', new RegExp(`${RUN}/operations/[^/]+$`)],
  ['service', "the Scheduler attempt's log entries (Cloud Logging)", 'POST', /^\/v2\/entries:list$/],
];

const routeOf = (method: string, path: string) => ROUTES.find(([, , m, re]) => m === method && re.test(path));

describe('the route table covers every request of a clean run', () => {
  // Derived from the request log: a route the action starts to use must join the table.
  test.concurrent.each(Object.keys(SCENARIOS) as Scenario[])('%s', (scenario) =>
    withFake(async (fake) => {
      await SCENARIOS[scenario].before?.(fake);
      const since = fake.requests.length;
      const result = await SCENARIOS[scenario].run(fake);
      expect(failure(result)).toBe('');
      const unknown = fake.requests.slice(since).filter((r) => !routeOf(r.method, r.path)).map((r) => `${r.method} ${r.path}`);
      expect(unknown).toEqual([]);
    }),
  );
});

/** The :run calls: sent again after a 429 only, never after a 503 (see safety.test.ts). */
const isRun = (path: RegExp) => /:run\$$/.test(path.source);

describe.each([503, 429])('every route answering %i once: the run still succeeds', (status) => {
  const routes = ROUTES.filter(([, , , path]) => status === 429 || !isRun(path));
  test.concurrent.each(routes.map(([scenario, what, method, path]) => ({ scenario, what, method, path })))(
    '$scenario: $what ($method)',
    ({ scenario, method, path }) =>
      withFake(async (fake) => {
        await SCENARIOS[scenario].before?.(fake);
        const since = fake.requests.length;
        fake.injectFault({ method, path, status });
        const result = await SCENARIOS[scenario].run(fake);
        expect(failure(result)).toBe('');
        expect(result.code).toBe(0);
        expect(result.outputs.execution_status).toBe('succeeded');
        // The fault fired, and the action asked again (a read of the other kind answers 404).
        const hits = fake.requests.slice(since).filter((r) => r.method === method && path.test(r.path));
        expect(hits[0].status).toBe(status);
        if (/entries:list/.test(path.source)) {
          // The attempt log's reader waits its paced turn instead of asking at once (the attempt may
          // be confirmed otherwise first), and a passing error never makes the log "not readable".
          expect(result.stdout + result.stderr).not.toMatch(/not readable/);
          return;
        }
        expect(hits.length).toBeGreaterThanOrEqual(2);
        expect(hits[1].status).not.toBe(status);
      }),
  );
});

// ---------- conflicts ----------

/** Waits until the fake's log holds a request matching `pred` (polling its in-process log). */
async function seen(fake: FakeGcp, pred: (r: FakeGcp['requests'][number]) => boolean, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!fake.requests.some(pred)) {
    if (Date.now() > until) throw new Error('the awaited request never came');
    await new Promise((r) => setTimeout(r, 5));
  }
}

const JOB = `projects/demo-project/locations/us-central1/jobs/${NAME}`;

test.concurrent('an etag conflict on setIamPolicy: the action re-reads, and both bindings survive', () =>
  withFake(async (fake) => {
    // setIamPolicy is held 400 ms before the fake handles it; the other writer changes the
    // policy as soon as the action's read of it has been answered.
    fake.setLatency(400, /:setIamPolicy$/);
    const other = 'user:alice@example.com';
    const pending = run(fake, jobInputs(fake, NAME));
    await seen(fake, (r) => r.path.endsWith(`${NAME}:getIamPolicy`) && r.status === 200);
    fake.grant(JOB, other, 'roles/run.invoker');
    const result = await pending;
    expect(failure(result)).toBe('');
    const sets = fake.requests.filter((r) => r.path.endsWith(':setIamPolicy')).map((r) => r.status);
    expect(sets).toEqual([409, 200]);
    const invokers = fake.getPolicy(JOB).bindings.find((b) => b.role === 'roles/run.invoker')?.members;
    expect(invokers).toEqual(expect.arrayContaining([other, `serviceAccount:${fake.world.invoker}`]));
  }),
);

test.concurrent('a create that meets ALREADY_EXISTS (another writer won) continues as an update', () =>
  withFake(async (fake) => {
    expect(failure(await run(fake, jobInputs(fake, NAME, { smoke_test: 'false' })))).toBe('');
    // The action's read says "no such job" (the other writer's create had not landed yet).
    fake.injectFault({ method: 'GET', path: new RegExp(`${RUN}/jobs/${NAME}$`), status: 404, message: 'Resource not found.' });
    const since = fake.requests.length;
    const result = await run(fake, jobInputs(fake, NAME, { image: IMAGE('nightly:v2'), smoke_test: 'false' }));
    expect(failure(result)).toBe('');
    const writes = fake.requests.slice(since).filter((r) => r.service === 'run' && (r.method === 'POST' || r.method === 'PATCH') && !r.path.includes(':'));
    expect(writes.map((r) => [r.method, r.status])).toEqual([['POST', 409], ['PATCH', 200]]);
    const job = fake.runJobs().find((j) => j.name === JOB) as { template: { template: { containers: { image: string }[] } } };
    expect(job.template.template.containers[0]!.image).toBe(IMAGE('nightly:v2'));
  }),
);

// ---------- failures that must end the run clearly ----------

test.concurrent('a failing operation fails the step with the operation\'s error', () =>
  withFake(async (fake) => {
    const result = await run(fake, serviceInputs(fake, NAME, { image: IMAGE('fake-notready:1') }));
    expect(result.code).not.toBe(0);
    const message = failure(result);
    expect(message).toContain(NAME);
    expect(message).toMatch(/is not ready and cannot serve traffic/);
  }),
);

test.concurrent('an execution cancelled while the smoke test follows it fails the step, saying it was cancelled', () =>
  withFake(async (fake) => {
    const pending = run(fake, jobInputs(fake, NAME, { image: IMAGE('fake-sleep20000ms:1') }));
    await seen(fake, (r) => /\/executions\/[^/]+$/.test(r.path) && r.method === 'GET');
    const execution = String(fake.executions().find((e) => String(e.name).startsWith(`${JOB}/executions/`))!.name);
    const token = await deployerToken(fake);
    const cancel = await fetch(`${fake.url}/v2/${execution}:cancel`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: '{}' });
    expect(cancel.status).toBe(200);
    const result = await pending;
    expect(result.code).not.toBe(0);
    expect(result.outputs.execution_status).toBe('failed');
    expect(result.outputs.execution).toBe(execution);
    const message = failure(result);
    expect(message).toContain(execution);
    expect(message).toMatch(/cancel/i);
  }),
);

test.concurrent('a Scheduler attempt that ends in DEADLINE_EXCEEDED fails the step naming it', () =>
  withFake(async (fake) => {
    const result = await run(fake, serviceInputs(fake, NAME, { image: IMAGE('fake-slow:1') }));
    expect(result.code).not.toBe(0);
    const message = failure(result);
    expect(message).toMatch(/DEADLINE_EXCEEDED/);
    expect(message).toMatch(/attempt_deadline/);
  }),
);

describe('a PERMISSION_DENIED that is not IAM propagating is not retried', () => {
  const denied = (permission: string) => `Permission '${permission}' denied on resource '${JOB}' (or resource may not exist).`;

  test.concurrent('on a write: one request, and the message', () =>
    withFake(async (fake) => {
      fake.injectFault({ method: 'POST', path: /:setIamPolicy$/, status: 403, times: 1000, message: denied('run.jobs.setIamPolicy') });
      const result = await run(fake, jobInputs(fake, NAME));
      expect(result.code).not.toBe(0);
      expect(failure(result)).toContain("Permission 'run.jobs.setIamPolicy' denied");
      expect(fake.requests.filter((r) => r.path.endsWith(':setIamPolicy'))).toHaveLength(1);
    }),
  );

  test.concurrent('on the smoke test\'s poll: one request, and the message', () =>
    withFake(async (fake) => {
      fake.injectFault({ method: 'GET', path: /\/executions\/[^/]+$/, status: 403, times: 1000, message: denied('run.executions.get') });
      const result = await run(fake, jobInputs(fake, NAME));
      expect(result.code).not.toBe(0);
      expect(failure(result)).toContain("Permission 'run.executions.get' denied");
      expect(fake.requests.filter((r) => /\/executions\/[^/]+$/.test(r.path))).toHaveLength(1);
    }),
  );
});

// ---------- two runs at once ----------

test.concurrent('two runs at once on the same job: both end well or one fails clearly, and no binding is lost to the race (only one the owner record says to remove)', () =>
  withFake(async (fake) => {
    const [a, b] = await Promise.all([
      run(fake, jobInputs(fake, NAME, { invoker_service_account: fake.world.invoker })),
      run(fake, jobInputs(fake, NAME, { invoker_service_account: fake.world.runtime })),
    ]);
    for (const r of [a, b]) {
      if (r.code !== 0) expect(failure(r)).toMatch(/\S/);
      else expect(failure(r)).toBe('');
    }
    expect([a.code, b.code].filter((c) => c === 0).length).toBeGreaterThanOrEqual(1);
    const invokers = fake.getPolicy(JOB).bindings.find((x) => x.role === 'roles/run.invoker')?.members ?? [];
    // A run that read the other's grant in the owner record removes it on purpose (an invoker change,
    // docs/ownership.md); otherwise no binding is lost to the concurrent read-modify-writes.
    const removed = [a, b].some((r) => (JSON.parse(r.outputs.plan || '[]') as { type: string; action: string }[]).some((c) => c.type === 'iam-binding' && c.action === 'delete'));
    const both = [`serviceAccount:${fake.world.invoker}`, `serviceAccount:${fake.world.runtime}`];
    if (!removed) expect(invokers).toEqual(expect.arrayContaining(both));
    expect(invokers.every((m) => both.includes(m))).toBe(true);
    // What the owner record says the action granted is what the policy holds.
    const job = fake.runJobs().find((j) => j.name === JOB) as { annotations?: Record<string, string> };
    const recorded = (job.annotations?.['cloud-run-cron/grants'] ?? '').split(',').filter(Boolean).map((g) => g.slice(g.indexOf('=') + 1));
    if (a.code === 0 && b.code === 0) {
      expect(recorded.length).toBeGreaterThan(0);
      expect(invokers).toEqual(expect.arrayContaining(recorded));
    }
    expect(fake.runJobs().filter((j) => j.name === JOB)).toHaveLength(1);
  }, { latencyMs: 15 }),
);

// Concurrent: its 5 s wait (the action's pause before trying again) overlaps the other cases.
test.concurrent('a PERMISSION_DENIED right after this run granted the invoker role is waited out (IAM propagation)', async () => {
  const fake = await startFake();
  try {
    fake.timings.iamPropagationMs = 2000;
    const result = await run(fake, jobInputs(fake, 'propagating'));
    expect(failure(result)).toBe('');
    expect(result.outputs.execution_status).toBe('succeeded');
    expect(result.stdout).toMatch(/PERMISSION_DENIED right after granting the invoker role/);
    const attempts = fake.schedulerAttempts().filter((a) => String(a.job).endsWith('/propagating-schedule'));
    // Denied while the grant propagates (once or more, by the action's growing waits), then OK.
    const codes = attempts.map((a) => (a.status as { code?: number }).code ?? 0);
    expect(codes.length).toBeGreaterThanOrEqual(2);
    expect(codes.slice(0, -1).every((c) => c === 7)).toBe(true);
    expect(codes.at(-1)).toBe(0);
  } finally {
    await fake.close();
  }
}, 180_000);
