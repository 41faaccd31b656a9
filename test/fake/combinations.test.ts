// The fake's checks of combinations Cloud Run refuses (fake/FACTS.md): VPC access
// with both or neither of a connector and a network interface; the GPU rules, at once (400) or
// as a failed Ready condition, by variant.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startFakeGcp, type FakeGcp } from '../../fake/server.ts';
import { clients, jobBody } from './helpers.ts';

let fake: FakeGcp;
let c: ReturnType<typeof clients>;
const parent = 'projects/demo-project/locations/us-central1';
const IMAGE = 'us-docker.pkg.dev/demo-project/app/worker:1';

beforeAll(async () => {
  fake = await startFakeGcp({ quiet: true, taskMs: 60, operationMs: 20 });
  c = clients(fake);
});
afterAll(async () => {
  await fake.close();
});

function withTemplate(extra: Record<string, unknown>, container: Record<string, unknown> = {}) {
  const body = jobBody(IMAGE);
  Object.assign(body.template.template, extra);
  Object.assign(body.template.template.containers[0]!, container);
  return body;
}

async function create(jobId: string, job: unknown) {
  const [op] = await c.jobs.createJob({ parent, jobId, job: job as never });
  return op.promise();
}

describe('VPC access', () => {
  test('a connector and a network interface together are a 400 naming the field', async () => {
    const job = withTemplate({ vpcAccess: { connector: `${parent}/connectors/c`, networkInterfaces: [{ network: 'main' }] } });
    await expect(create('vpc-both', job)).rejects.toThrow(
      'Violation in CreateJobRequest.job.template.template.vpc_access.connector: one and only one of connector and network_interfaces must be set.',
    );
  });

  test('neither is a 400 too; one network interface or one connector is accepted', async () => {
    await expect(create('vpc-none', withTemplate({ vpcAccess: { egress: 'ALL_TRAFFIC' } }))).rejects.toThrow('one and only one of connector and network_interfaces');
    const [job] = await create('vpc-direct', withTemplate({ vpcAccess: { networkInterfaces: [{ subnetwork: 'jobs' }] } }));
    expect(job.template?.template?.vpcAccess?.networkInterfaces?.[0]?.subnetwork).toBe('jobs');
  });
});

describe('GPU rules', () => {
  const gpuJob = (memory: string) =>
    withTemplate({ nodeSelector: { accelerator: 'nvidia-l4' } }, { resources: { limits: { cpu: '4', memory, 'nvidia.com/gpu': '1' } } });

  test('gpuRules=400: too little memory is refused at once, naming the field', async () => {
    fake.setVariants({ gpuRules: '400' });
    await expect(create('gpu-400', gpuJob('8Gi'))).rejects.toThrow('job.template.template.containers[0].resources.limits[memory]: a GPU needs at least 16Gi of memory, got 8Gi.');
    expect(fake.runJobs().some((j) => String(j.name).endsWith('/gpu-400'))).toBe(false);
  });

  test('gpuRules=ready: the job is written and its Ready condition fails with the field named', async () => {
    fake.setVariants({ gpuRules: 'ready' });
    try {
      await expect(create('gpu-ready', gpuJob('8Gi'))).rejects.toThrow('limits[memory]: a GPU needs at least 16Gi of memory');
      const [job] = await c.jobs.getJob({ name: `${parent}/jobs/gpu-ready` });
      expect(job.terminalCondition).toMatchObject({ type: 'Ready', state: 'CONDITION_FAILED', message: expect.stringContaining('limits[memory]') });
    } finally {
      fake.setVariants({ gpuRules: '400' });
    }
  });

  test('a GPU with enough CPU and memory and a type is accepted; a GPU type alone is not', async () => {
    const [job] = await create('gpu-ok', gpuJob('16Gi'));
    expect(job.template?.template?.nodeSelector?.accelerator).toBe('nvidia-l4');
    await expect(create('gpu-type-only', withTemplate({ nodeSelector: { accelerator: 'nvidia-l4' } }))).rejects.toThrow('a GPU type needs a container with a GPU limit');
  });
});
