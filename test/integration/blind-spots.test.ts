// Behaviours that once had no test able to fail: each test here fails when the
// action's code for it is switched off (see scripts/mutants/list.ts, run by `npm run mutants`).
// Every case runs on a local Google Cloud of its own (it reads the fake's request log, tokens,
// timings or policies), all of them concurrently. They are all at the top level, named after
// what they are about: jest runs the concurrent cases of one describe block together, but the
// blocks one after the other.
import { afterAll, expect, test } from '@jest/globals';
import { closeFakes, DIGEST, failure, jobInputs, run, serviceInputs, withFake } from './setup.ts';

afterAll(closeFakes);

const JOB = (name: string) => `projects/demo-project/locations/us-central1/jobs/${name}`;
const SERVICE = (name: string) => `projects/demo-project/locations/us-central1/services/${name}`;
const INVOKER_ROLE = 'roles/run.invoker';

/**
 * Lines of both streams that are not runner commands: what could print a value. The endpoint
 * override notices are made from the environment before any token exists, so they are not.
 */
const isText = (line: string) => line !== '' && !line.startsWith('::') && !line.startsWith('CLOUDSDK_API_ENDPOINT_OVERRIDES_');

const READY = 'a service still Reconciling after its operation is done';
const RERUN = 'a rerun';
const MASKING = 'token masking';
const ETAG = 'the invoker binding is a read-modify-write with the etag';

// The longest wait first.
test.concurrent.each([
  ['Ready 1.5 s after the operation is done', 1500],
  ['Ready when the operation is done', 0],
])(`${READY}: %s: the action waits for Ready before it goes on`, (_what, delay) =>
  withFake(async (fake) => {
    fake.timings.readyDelayMs = delay;
    const name = `settling-${delay}`;
    const result = await run(fake, serviceInputs(fake, name));
    expect(failure(result)).toBe('');
    expect(result.code).toBe(0);
    const svc = fake.runServices().find((s) => s.name === SERVICE(name))!;
    // The revision it reports is the one that became Ready, and the trigger reached it.
    expect(result.outputs.revision).toBe(String(svc.latestCreatedRevision).split('/').pop());
    expect(result.outputs.execution_status).toBe('succeeded');
    const served = fake.servedRequests().filter((r) => r.service === SERVICE(name));
    expect(served.map((r) => r.status)).toEqual([200]);
  }),
);

test.concurrent(`${RERUN}: follows the execution it started, not the job's previous one`, () =>
  withFake(async (fake) => {
    const first = await run(fake, jobInputs(fake, 'rerun'));
    expect(failure(first)).toBe('');
    const executionsBefore = fake.executions().filter((e) => String(e.name).startsWith(`${JOB('rerun')}/`)).length;
    const startedAt = Date.now();
    const again = await run(fake, jobInputs(fake, 'rerun', { smoke_test: 'true' }));
    expect(failure(again)).toBe('');
    expect(again.outputs.execution_status).toBe('succeeded');
    expect(again.outputs.execution).not.toBe(first.outputs.execution);
    const ours = fake.executions().filter((e) => String(e.name).startsWith(`${JOB('rerun')}/`));
    expect(ours).toHaveLength(executionsBefore + 1);
    const followed = ours.find((e) => e.name === again.outputs.execution);
    expect(followed).toBeDefined();
    expect(Date.parse(String(followed!.createTime))).toBeGreaterThanOrEqual(startedAt - 1000);
    expect(followed!.completionTime).toBeDefined();
  }),
);

test.concurrent(`${ETAG}: a policy changed between the read and the write: the write is refused, and every binding survives`, () =>
  withFake(async (fake) => {
    const name = 'shared-policy';
    const first = await run(fake, jobInputs(fake, name));
    expect(failure(first)).toBe('');
    const job = JOB(name);
    const invoker = `serviceAccount:${fake.world.invoker}`;
    // Someone else's binding, and our own taken away so that the rerun must write.
    fake.grant(job, 'user:alice@example.com', 'roles/run.developer');
    fake.revoke(job, invoker, INVOKER_ROLE);
    // Another writer adds a member right after the action reads the policy.
    fake.afterNextPolicyRead(job, () => fake.grant(job, 'user:bob@example.com', INVOKER_ROLE));
    const since = fake.requests.length;
    const again = await run(fake, jobInputs(fake, name));
    expect(failure(again)).toBe('');
    const writes = fake.requests.slice(since).filter((r) => r.path === `/v2/${job}:setIamPolicy`);
    // The first write carried the etag it read, so it was refused; the second came after a re-read.
    expect(writes.map((w) => w.status)).toEqual([409, 200]);
    const bindings = fake.getPolicy(job).bindings;
    const holders = (role: string) => bindings.filter((b) => b.role === role).flatMap((b) => b.members).sort();
    expect(holders('roles/run.developer')).toEqual(['user:alice@example.com']);
    expect(holders(INVOKER_ROLE)).toEqual([invoker, 'user:bob@example.com'].sort());
  }),
);

test.concurrent(`${ETAG}: other members' bindings on the resource are kept when the action adds its own`, () =>
  withFake(async (fake) => {
    const name = 'kept-bindings';
    const first = await run(fake, jobInputs(fake, name, { image: `us-docker.pkg.dev/demo-project/apps/kept@${DIGEST('b')}` }));
    expect(failure(first)).toBe('');
    const job = JOB(name);
    const invoker = `serviceAccount:${fake.world.invoker}`;
    fake.grant(job, 'user:carol@example.com', INVOKER_ROLE);
    fake.grant(job, 'group:ops@example.com', 'roles/run.viewer');
    fake.revoke(job, invoker, INVOKER_ROLE);
    const again = await run(fake, jobInputs(fake, name, { image: `us-docker.pkg.dev/demo-project/apps/kept@${DIGEST('b')}` }));
    expect(failure(again)).toBe('');
    const bindings = fake.getPolicy(job).bindings;
    const holders = (role: string) => bindings.filter((b) => b.role === role).flatMap((b) => b.members).sort();
    expect(holders(INVOKER_ROLE)).toEqual([invoker, 'user:carol@example.com'].sort());
    expect(holders('roles/run.viewer')).toEqual(['group:ops@example.com']);
  }),
);

test.concurrent(`${MASKING}: every token the action receives is masked before the first line it could appear in, and never shown`, () =>
  withFake(async (fake) => {
    const since = fake.tokensSent().length;
    const result = await run(fake, jobInputs(fake, 'masked'));
    expect(failure(result)).toBe('');
    const tokens = fake.tokensSent().slice(since);
    // The GitHub OIDC token, the STS token and the deployer's access token, at least.
    expect(tokens.length).toBeGreaterThanOrEqual(3);
    const lines = result.stdout.split('\n');
    const firstText = lines.findIndex(isText);
    expect(firstText).toBeGreaterThan(0);
    for (const token of tokens) {
      const mask = lines.indexOf(`::add-mask::${token}`);
      expect(mask).toBeGreaterThanOrEqual(0);
      expect(mask).toBeLessThan(firstText);
      const shown = (result.stdout + result.stderr).split('\n').filter((l) => l.includes(token) && l !== `::add-mask::${token}`);
      expect(shown).toEqual([]);
    }
    expect(result.stderr.split('\n').filter(isText).some((l) => tokens.some((t) => l.includes(t)))).toBe(false);
  }),
);
