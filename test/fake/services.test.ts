// Cloud Run services, revisions and readiness on the local Google Cloud.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startFakeGcp, type FakeGcp } from '../../fake/server.ts';
import { clients, rest, tokenOf } from './helpers.ts';

let fake: FakeGcp;
let c: ReturnType<typeof clients>;
let token: string;
const parent = 'projects/demo-project/locations/us-central1';
const svcBody = (image: string, extra: Record<string, unknown> = {}) => ({
  template: { containers: [{ image }], serviceAccount: 'runtime@demo-project.iam.gserviceaccount.com' },
  ...extra,
});

beforeAll(async () => {
  fake = await startFakeGcp({ operationMs: 40 });
  c = clients(fake);
  token = await tokenOf(c.auth);
});
afterAll(async () => {
  await fake.close();
});

describe('services', () => {
  test('create -> ready, with uri, urls, revisions and defaults', async () => {
    const [op] = await c.services.createService({ parent, serviceId: 'web', service: svcBody('img/web:1') as never });
    const [svc] = await op.promise();
    expect(svc.name).toBe(`${parent}/services/web`);
    const [got] = await c.services.getService({ name: `${parent}/services/web` });
    expect(got.uri).toMatch(/^https:\/\/web-[a-z0-9]{10}-uc\.a\.run\.app$/);
    expect(got.urls).toEqual(['https://web-123456789012.us-central1.run.app', got.uri]);
    expect(got.reconciling).toBeFalsy();
    expect(got.observedGeneration).toBe(got.generation);
    expect(got.latestReadyRevision).toBe(got.latestCreatedRevision);
    // Full revision names (FACTS.md).
    expect(got.latestCreatedRevision).toMatch(/^projects\/demo-project\/locations\/us-central1\/services\/web\/revisions\/web-00001-[a-z0-9]{3}$/);
    expect(got.terminalCondition).toMatchObject({ type: 'Ready', state: 'CONDITION_SUCCEEDED' });
    expect(got.ingress).toBe('INGRESS_TRAFFIC_ALL');
    expect(got.template?.timeout).toMatchObject({ seconds: '300' });
    expect(got.template?.maxInstanceRequestConcurrency).toBe(80);
    const [revs] = await c.revisions.listRevisions({ parent: `${parent}/services/web` });
    expect(revs.map(r => r.name)).toEqual([got.latestCreatedRevision]);
    // private by default
    expect(fake.getPolicy(`${parent}/services/web`).bindings).toEqual([]);
  });

  test('PATCH with an updateMask changes only the masked fields; a template change makes a revision', async () => {
    const name = `${parent}/services/web`;
    const [op] = await c.services.updateService({ service: { name, labels: { a: 'b' }, template: { containers: [{ image: 'ignored' }] } } as never, updateMask: { paths: ['labels'] } });
    await op.promise();
    let [got] = await c.services.getService({ name });
    expect(got.labels).toEqual({ a: 'b' });
    expect(got.template?.containers?.[0].image).toBe('img/web:1');
    expect(got.latestCreatedRevision).toMatch(/\/revisions\/web-00001-/);
    const [op2] = await c.services.updateService({ service: { ...svcBody('img/web:2'), name } as never });
    await op2.promise();
    [got] = await c.services.getService({ name });
    expect(got.generation).toBe('3');
    expect(got.latestCreatedRevision).toMatch(/\/revisions\/web-00003-/);
    expect(got.latestReadyRevision).toBe(got.latestCreatedRevision);
  });

  test('an image that never listens ends the operation with the container message', async () => {
    const [op] = await c.services.createService({ parent, serviceId: 'broken', service: svcBody('img/fake-notready:1') as never });
    await expect(op.promise()).rejects.toThrow(/failed to start and listen on the port defined provided by the PORT=8080/);
    const [got] = await c.services.getService({ name: `${parent}/services/broken` });
    expect(got.terminalCondition).toMatchObject({ type: 'Ready', state: 'CONDITION_FAILED' });
    expect(got.latestReadyRevision).toBeFalsy();
  });

  test('validation: timeout, concurrency, reserved PORT, bad id', async () => {
    const post = (id: string, body: unknown) => rest(fake, token, 'POST', `/v2/${parent}/services?serviceId=${id}`, body);
    expect((await post('t', svcBody('x', { template: { containers: [{ image: 'x' }], timeout: '3601s' } }))).status).toBe(400);
    expect((await post('c', svcBody('x', { template: { containers: [{ image: 'x' }], maxInstanceRequestConcurrency: 2000 } }))).status).toBe(400);
    expect((await post('p', svcBody('x', { template: { containers: [{ image: 'x', env: [{ name: 'PORT', value: '1' }] }] } }))).status).toBe(400);
    expect((await post('Bad_Name', svcBody('x'))).status).toBe(400);
    expect((await post('u', { ...svcBody('x'), bogus: 1 })).json.error.message).toMatch(/Unknown name "bogus" at 'service'/);
  });

  test('service IAM policy: allUsers binding on that service only', async () => {
    const resource = `${parent}/services/web`;
    const [p0] = await c.services.getIamPolicy({ resource });
    await c.services.setIamPolicy({ resource, policy: { bindings: [{ role: 'roles/run.invoker', members: ['allUsers'] }], etag: p0.etag } });
    expect(fake.getPolicy(resource).bindings).toEqual([{ role: 'roles/run.invoker', members: ['allUsers'] }]);
  });
});
