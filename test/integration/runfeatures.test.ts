// End to end: the networking, volume and hardware inputs and the spec escape hatch,
// deployed against the local Google Cloud and run again as no-ops; bad combinations and bad spec
// fields fail before any request.
// Every case runs on a local Google Cloud of its own (withFake), so all of them run at once
// (test.concurrent, one group at the top level: jest runs a describe's concurrent cases only
// after the previous describe's have ended); a rerun case deploys what it reruns itself.
import { afterAll, expect, test } from '@jest/globals';
import { closeFakes, failure, jobInputs, run, serviceInputs, withFake, writesIn, type FakeGcp } from './setup.ts';

afterAll(closeFakes);

const SHA = { GITHUB_SHA: '0123abc4567890def0123abc4567890def012345' };
const PLAN = (r: Awaited<ReturnType<typeof run>>) => JSON.parse(r.outputs.plan ?? '[]') as { type: string; action: string; fields: { field: string }[] }[];
const jobNamed = (fake: FakeGcp, name: string) => fake.runJobs().find((j) => String(j.name).endsWith(`/jobs/${name}`)) as any;
const serviceNamed = (fake: FakeGcp, name: string) => fake.runServices().find((s) => String(s.name).endsWith(`/services/${name}`)) as any;

const warehouseInputs = (fake: FakeGcp) =>
  jobInputs(fake, 'warehouse', {
    vpc_network: 'main',
    vpc_subnetwork: 'jobs-eu',
    vpc_egress: 'all-traffic',
    cloudsql_instances: 'demo-project:us-central1:main-db',
    secrets: 'DB_USER=db-user:latest\n/secrets/db/password=db-password:3',
    execution_environment: 'gen2',
    smoke_test: 'false',
  });

const inferenceInputs = (fake: FakeGcp, extra: Record<string, string> = {}) =>
  serviceInputs(fake, 'inference', {
    gpu: '1',
    gpu_type: 'nvidia-l4',
    cpu: '4',
    memory: '16Gi',
    cpu_throttling: 'false',
    startup_cpu_boost: 'true',
    vpc_connector: 'projects/demo-project/locations/us-central1/connectors/run-conn',
    smoke_test: 'false',
    ...extra,
  });

test.concurrent('a service with a GPU and a VPC connector: spec sets what no input covers; the plan names it; the rerun is a no-op', () =>
  withFake(async (fake) => {
    const first = await run(fake, inferenceInputs(fake));
    expect(failure(first)).toBe('');
    const spec = 'template:\n  sessionAffinity: true\n  containers:\n    - startupProbe:\n        tcpSocket: {port: 8080}\n';
    const changed = await run(fake, inferenceInputs(fake, { spec }));
    expect(failure(changed)).toBe('');
    expect(PLAN(changed)[0]!.fields.map((f) => f.field)).toEqual(['spec.template.sessionAffinity', 'spec.template.containers[0].startupProbe.tcpSocket.port']);
    const t = serviceNamed(fake, 'inference').template;
    expect(t.sessionAffinity).toBe(true);
    expect(t.containers[0].startupProbe).toEqual({ tcpSocket: { port: 8080 } });
    expect(t.containers[0].image).toBe(inferenceInputs(fake).image);
    const before = fake.requests.length;
    const again = await run(fake, inferenceInputs(fake, { spec }));
    expect(again.outputs.changed).toBe('false');
    expect(writesIn(fake, before)).toEqual([]);
  }),
);

test.concurrent('what only Cloud Run can check reaches the user with the field named: a service whose GPU (given by spec) Cloud Run refuses after accepting it fails, and is deployed again on the next run', () =>
  withFake(async (fake) => {
    fake.setVariants({ gpuRules: 'ready' });
    try {
      const spec = 'template:\n  nodeSelector: {accelerator: nvidia-l4}\n  containers:\n    - resources: {limits: {nvidia.com/gpu: "1"}}\n';
      const inputs = serviceInputs(fake, 'gpu-spec-svc', { spec, smoke_test: 'false' });
      const first = await run(fake, inputs);
      expect(failure(first)).toContain('service.template.containers[0].resources.limits[cpu]: a GPU needs at least 4 CPU');
      const again = await run(fake, inputs);
      expect(failure(again)).toContain('limits[cpu]: a GPU needs at least 4 CPU');
      expect(PLAN(again)[0]).toMatchObject({ type: 'run-service', action: 'update' });
    } finally {
      fake.setVariants({ gpuRules: '400' });
    }
  }),
);

test.concurrent('a job with Direct VPC egress, a Cloud SQL instance, a secret file and gen2: runs again as a no-op', () =>
  withFake(async (fake) => {
    const first = await run(fake, warehouseInputs(fake), SHA);
    expect(failure(first)).toBe('');
    const before = fake.requests.length;
    const again = await run(fake, warehouseInputs(fake), SHA);
    expect(failure(again)).toBe('');
    expect(again.outputs.changed).toBe('false');
    expect(PLAN(again).every((c) => c.action === 'unchanged')).toBe(true);
    expect(writesIn(fake, before)).toEqual([]);
  }),
);

test.concurrent('a job with Direct VPC egress, a Cloud SQL instance, a secret file and gen2: left empty, the inputs keep the live settings', () =>
  withFake(async (fake) => {
    const first = await run(fake, warehouseInputs(fake), SHA);
    expect(failure(first)).toBe('');
    const before = fake.requests.length;
    const again = await run(fake, jobInputs(fake, 'warehouse', { smoke_test: 'false', secrets: 'DB_USER=db-user:latest' }), SHA);
    expect(failure(again)).toBe('');
    expect(again.outputs.changed).toBe('false');
    expect(writesIn(fake, before)).toEqual([]);
  }),
);

test.concurrent('a service with a GPU and a VPC connector: runs again as a no-op', () =>
  withFake(async (fake) => {
    const first = await run(fake, inferenceInputs(fake));
    expect(failure(first)).toBe('');
    const before = fake.requests.length;
    const again = await run(fake, inferenceInputs(fake));
    expect(failure(again)).toBe('');
    expect(again.outputs.changed).toBe('false');
    expect(writesIn(fake, before)).toEqual([]);
  }),
);

test.concurrent('a job with Direct VPC egress, a Cloud SQL instance, a secret file and gen2: creates the job with each setting where Cloud Run reads it', () =>
  withFake(async (fake) => {
    const first = await run(fake, warehouseInputs(fake), SHA);
    expect(failure(first)).toBe('');
    const t = jobNamed(fake, 'warehouse').template.template;
    expect(t.vpcAccess).toEqual({ egress: 'ALL_TRAFFIC', networkInterfaces: [{ network: 'main', subnetwork: 'jobs-eu' }] });
    expect(t.executionEnvironment).toBe('EXECUTION_ENVIRONMENT_GEN2');
    expect(t.volumes).toEqual(
      expect.arrayContaining([
        { name: 'cloudsql', cloudSqlInstance: { instances: ['demo-project:us-central1:main-db'] } },
        { name: 'secret-secrets-db', secret: { secret: 'db-password', items: [{ path: 'password', version: '3' }] } },
      ]),
    );
    expect(t.containers[0].volumeMounts).toEqual(
      expect.arrayContaining([
        { name: 'cloudsql', mountPath: '/cloudsql' },
        { name: 'secret-secrets-db', mountPath: '/secrets/db' },
      ]),
    );
    expect(t.containers[0].env).toEqual([{ name: 'DB_USER', valueSource: { secretKeyRef: { secret: 'db-user', version: 'latest' } } }]);
    expect(jobNamed(fake, 'warehouse').labels).toEqual({
      'managed-by': 'cloud-run-cron',
      'cloud-run-cron-repo': '2000002',
      'cloud-run-cron-workload': 'warehouse',
      'cloud-run-cron-scheduler': 'us-central1',
      'commit-sha': '0123abc',
    });
    const fields = PLAN(first)[0]!.fields.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['vpc', 'cloudsql_instances', 'secret_files', 'execution_environment']));
  }),
);

test.concurrent('a service with a GPU and a VPC connector: creates the service with the GPU, its node selector and the connector', () =>
  withFake(async (fake) => {
    const first = await run(fake, inferenceInputs(fake));
    expect(failure(first)).toBe('');
    const t = serviceNamed(fake, 'inference').template;
    expect(t.containers[0].resources).toEqual({ limits: { cpu: '4000m', memory: '16384Mi', 'nvidia.com/gpu': '1' }, cpuIdle: false, startupCpuBoost: true });
    expect(t.nodeSelector).toEqual({ accelerator: 'nvidia-l4' });
    expect(t.vpcAccess).toEqual({ connector: 'projects/demo-project/locations/us-central1/connectors/run-conn', egress: 'PRIVATE_RANGES_ONLY' });
  }),
);

test.concurrent.each(['400', 'ready'] as const)('what only Cloud Run can check reaches the user with the field named: a GPU given by spec on a job with too little CPU (gpuRules=%s)', (gpuRules) =>
  withFake(async (fake) => {
    fake.setVariants({ gpuRules });
    try {
      const spec = 'template:\n  template:\n    nodeSelector: {accelerator: nvidia-l4}\n    containers:\n      - resources: {limits: {nvidia.com/gpu: "1"}}\n';
      const r = await run(fake, jobInputs(fake, `gpu-spec-${gpuRules}`, { spec, smoke_test: 'false' }));
      expect(r.code).not.toBe(0);
      expect(failure(r)).toContain('containers[0].resources.limits[cpu]: a GPU needs at least 4 CPU');
    } finally {
      fake.setVariants({ gpuRules: '400' });
    }
  }),
);

test.concurrent('what only Cloud Run can check reaches the user with the field named: a connector and a network interface in spec are refused before any request', () =>
  withFake(async (fake) => {
    const before = fake.requests.length;
    const spec = '{"template": {"vpcAccess": {"connector": "projects/p/locations/us-central1/connectors/c", "networkInterfaces": [{"network": "main"}]}}}';
    const r = await run(fake, serviceInputs(fake, 'both-vpc', { spec }));
    expect(failure(r)).toBe("Input 'spec': template.vpcAccess: connector and networkInterfaces together; a job or service uses a connector or Direct VPC egress, not both");
    expect(fake.requests.length).toBe(before);
  }),
);

/** Runs `inputs` on `fake`, expects a failure and no request at all; the failure message. */
const refused = async (fake: FakeGcp, inputs: Record<string, string>) => {
  const before = fake.requests.length;
  const r = await run(fake, inputs);
  expect(r.code).not.toBe(0);
  expect(fake.requests.length).toBe(before);
  return failure(r);
};

test.concurrent('refused before any request: an unknown spec field, with the nearest valid name', () =>
  withFake(async (fake) => {
    const msg = await refused(fake, jobInputs(fake, 'bad-spec', { spec: '{"template": {"template": {"vpcAcess": {}}}}' }));
    expect(msg).toBe("Input 'spec': template.template.vpcAcess: unknown field; did you mean vpcAccess?");
  }),
);

test.concurrent('refused before any request: a spec field that an input sets, and an output-only field', () =>
  withFake(async (fake) => {
    const msg = await refused(fake, jobInputs(fake, 'bad-spec', { cpu: '2', spec: 'template:\n  template:\n    containers:\n      - resources: {limits: {cpu: "4"}}\n' }));
    expect(msg).toContain("template.template.containers[0].resources.limits.cpu: also set by the input 'cpu'");
    expect(await refused(fake, jobInputs(fake, 'bad-spec', { spec: 'uid: abc' }))).toBe("Input 'spec': uid: output only (Cloud Run sets it); remove it");
  }),
);

test.concurrent('refused before any request: a connector with Direct VPC egress', () =>
  withFake(async (fake) => {
    const msg = await refused(fake, jobInputs(fake, 'bad-vpc', { vpc_network: 'main', vpc_connector: 'projects/p/locations/us-central1/connectors/c' }));
    expect(msg).toContain("Input 'vpc_connector': is a Serverless VPC Access connector, and vpc_network/vpc_subnetwork ask for Direct VPC egress");
  }),
);

test.concurrent('refused before any request: a GPU without the CPU, memory and billing it needs', () =>
  withFake(async (fake) => {
    const msg = await refused(fake, serviceInputs(fake, 'bad-gpu', { gpu: '1', gpu_type: 'nvidia-l4', cpu: '2', memory: '8Gi', cpu_throttling: 'true' }));
    expect(msg).toContain("Input 'cpu': a GPU (nvidia-l4) needs at least 4 CPU");
    expect(msg).toContain("Input 'memory': a GPU (nvidia-l4) needs at least 16Gi of memory");
    expect(msg).toContain("Input 'cpu_throttling': true is not allowed with a GPU: a service with a GPU needs instance-based billing");
  }),
);
