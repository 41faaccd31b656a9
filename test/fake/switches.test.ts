// The fake's switches added for the named mutants: a service still Reconciling after its operation is
// done (readyDelayMs), and another writer changing a policy right after a read (afterNextPolicyRead).
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startFakeGcp, type FakeGcp } from '../../fake/server.ts';
import { clients, rest, tokenOf, until } from './helpers.ts';

let fake: FakeGcp;
let c: ReturnType<typeof clients>;
let token: string;
const parent = 'projects/demo-project/locations/us-central1';
const body = (image: string) => ({ template: { containers: [{ image }], serviceAccount: 'runtime@demo-project.iam.gserviceaccount.com' } });

beforeAll(async () => {
  fake = await startFakeGcp({ operationMs: 30 });
  c = clients(fake);
  token = await tokenOf(c.auth);
});
afterAll(async () => {
  await fake.close();
});

describe('readyDelayMs', () => {
  test('0: the service is Ready when its operation is done', async () => {
    fake.timings.readyDelayMs = 0;
    const [op] = await c.services.createService({ parent, serviceId: 'prompt', service: body('img/web:1') as never });
    await op.promise();
    const [svc] = await c.services.getService({ name: `${parent}/services/prompt` });
    expect(svc.reconciling).toBeFalsy();
    expect(svc.terminalCondition).toMatchObject({ state: 'CONDITION_SUCCEEDED' });
  });

  test('> 0: the operation is done while the service still reconciles, not serving its revision; Ready later', async () => {
    fake.timings.readyDelayMs = 400;
    try {
      const [op] = await c.services.createService({ parent, serviceId: 'settling', service: body('img/web:1') as never });
      await op.promise();
      const [svc] = await c.services.getService({ name: `${parent}/services/settling` });
      expect(svc.reconciling).toBe(true);
      expect(svc.terminalCondition).toMatchObject({ type: 'Ready', state: 'CONDITION_RECONCILING' });
      expect(svc.latestReadyRevision).toBeFalsy();
      const ready = await until(async () => {
        const [s] = await c.services.getService({ name: `${parent}/services/settling` });
        return s.reconciling ? undefined : s;
      });
      expect(ready.terminalCondition).toMatchObject({ state: 'CONDITION_SUCCEEDED' });
      expect(ready.latestReadyRevision).toBe(ready.latestCreatedRevision);
    } finally {
      fake.timings.readyDelayMs = 0;
    }
  });
});

describe('afterNextPolicyRead', () => {
  test("another writer's change lands right after the read: a write with the etag read is refused (409 ABORTED)", async () => {
    const name = `${parent}/services/prompt`;
    fake.afterNextPolicyRead(name, () => fake.grant(name, 'user:bob@example.com', 'roles/run.invoker'));
    const read = await rest(fake, token, 'GET', `/v2/${name}:getIamPolicy`);
    expect(read.status).toBe(200);
    expect(JSON.stringify(read.json)).not.toContain('bob@example.com');
    const write = await rest(fake, token, 'POST', `/v2/${name}:setIamPolicy`, {
      policy: { etag: read.json.etag, bindings: [{ role: 'roles/run.invoker', members: ['user:alice@example.com'] }] },
    });
    expect(write.status).toBe(409);
    expect(fake.getPolicy(name).bindings.flatMap((b) => b.members)).toEqual(['user:bob@example.com']);
    // Only once: the next read and write go through.
    const again = await rest(fake, token, 'GET', `/v2/${name}:getIamPolicy`);
    const retry = await rest(fake, token, 'POST', `/v2/${name}:setIamPolicy`, { policy: { ...again.json, bindings: [...again.json.bindings, { role: 'roles/run.developer', members: ['user:alice@example.com'] }] } });
    expect(retry.status).toBe(200);
  });
});
