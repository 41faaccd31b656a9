// In units: the networking, volume and hardware inputs (parse, checks, field table),
// the commit-sha label, and the spec input (validation, conflicts, merge, plan lines).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../../src/config/parse-config.js';
import { InputErrors, type Config } from '../../src/config/types.js';
import { resourceNames } from '../../src/pipeline/names.js';
import { planWorkload } from '../../src/plan/planner.js';
import { loadSpec } from '../../src/run/spec.js';
import { mergeSpec, specChanges, specLeaves } from '../../src/run/spec-merge.js';
import type { RunJob, RunService } from '../../src/run/workload.js';
import { errorFor, errorsOf, parse, REQUIRED } from './config-helpers.js';

const SERVICE = { ...REQUIRED, kind: 'service' };
const GPU_SERVICE = { ...SERVICE, gpu: '1', gpu_type: 'nvidia-l4', cpu: '4', memory: '16Gi', cpu_throttling: 'false' };
const DIGEST = `us-central1-docker.pkg.dev/my-proj/repo/app@sha256:${'a'.repeat(64)}`;

describe('networking, volume and hardware inputs', () => {
  it('reads each into the config; empty ones stay undefined (the live value is kept)', () => {
    const c = parse({
      ...REQUIRED,
      project_id: 'my-proj',
      vpc_connector: 'conn',
      vpc_egress: 'all-traffic',
      cloudsql_instances: 'my-proj:europe-west1:db, other-proj:us-central1:db2',
      execution_environment: 'GEN2',
    });
    expect(c.runtime).toEqual({
      vpc: { network: undefined, subnetwork: undefined, connector: 'projects/my-proj/locations/europe-west1/connectors/conn', egress: 'all-traffic' },
      cloudSqlInstances: ['my-proj:europe-west1:db', 'other-proj:us-central1:db2'],
      executionEnvironment: 'gen2',
      gpu: undefined,
      cpuThrottling: undefined,
      startupCpuBoost: undefined,
    });
    expect(parse(REQUIRED).runtime.vpc).toBeUndefined();
  });

  it('refuses a connector with Direct VPC egress, and an egress with neither', () => {
    expect(errorFor({ ...REQUIRED, vpc_subnetwork: 'jobs', vpc_connector: 'projects/p/locations/europe-west1/connectors/c' })).toMatch(/^Input 'vpc_connector': is a Serverless VPC Access connector/);
    expect(errorFor({ ...REQUIRED, vpc_egress: 'all-traffic' })).toBe("Input 'vpc_egress': says which traffic goes through the VPC: it needs vpc_network, vpc_subnetwork or vpc_connector.");
    expect(errorFor({ ...REQUIRED, vpc_egress: 'all' })).toContain('use all-traffic or private-ranges-only');
  });

  it('needs the full connector name when the project is not known before authenticating', () => {
    expect(errorFor({ ...REQUIRED, vpc_connector: 'conn' })).toContain('use projects/PROJECT/locations/REGION/connectors/NAME');
  });

  it('checks Cloud SQL connection names', () => {
    expect(errorFor({ ...REQUIRED, cloudsql_instances: 'db' })).toContain('use PROJECT:REGION:INSTANCE');
    expect(errorFor({ ...REQUIRED, cloudsql_instances: 'p1:europe-west1:db,p1:europe-west1:db' })).toContain('an instance is given twice');
  });

  it('applies the GPU rules Cloud Run documents, before any request', () => {
    expect(parse(GPU_SERVICE).runtime.gpu).toEqual({ count: 1, type: 'nvidia-l4' });
    expect(errorFor({ ...GPU_SERVICE, gpu: '2' })).toContain('Cloud Run attaches one GPU per instance');
    expect(errorFor({ ...REQUIRED, gpu_type: 'nvidia-l4' })).toBe("Input 'gpu_type': needs gpu: set gpu: 1 to attach a GPU of this type.");
    expect(errorFor({ ...GPU_SERVICE, gpu_type: '' })).toBe("Input 'gpu_type': required with gpu: use nvidia-l4.");
    const e = errorsOf({ ...SERVICE, gpu: '1', gpu_type: 'nvidia-l4' });
    expect(e.errors.map((x) => x.message)).toEqual([
      "Input 'cpu': a GPU (nvidia-l4) needs at least 4 CPU: set cpu: 4 or more (it is empty).",
      "Input 'memory': a GPU (nvidia-l4) needs at least 16Gi of memory: set memory: 16Gi or more (it is empty).",
    ]);
    expect(errorFor({ ...GPU_SERVICE, cpu_throttling: 'true' })).toContain("Input 'cpu_throttling': true is not allowed with a GPU");
    // a job has no request-based billing to turn off
    expect(parse({ ...REQUIRED, gpu: '1', gpu_type: 'nvidia-l4', cpu: '4', memory: '16Gi' }).runtime.gpu).toEqual({ count: 1, type: 'nvidia-l4' });
    expect(parse({ ...REQUIRED, gpu: '0' }).runtime.gpu).toEqual({ count: 0 });
  });

  it('refuses instance-based billing and gen2 for a service with less than 1 CPU', () => {
    expect(errorsOf({ ...SERVICE, cpu: '0.5', cpu_throttling: 'false', execution_environment: 'gen2' }).errors.map((e) => e.input)).toEqual([
      'execution_environment',
      'cpu_throttling',
    ]);
    expect(parse({ ...SERVICE, cpu: '0.5', cpu_throttling: 'true', execution_environment: 'gen1' }).runtime.cpuThrottling).toBe(true);
    expect(parse({ ...REQUIRED, cpu: '0.5', execution_environment: 'gen2' }).runtime.executionEnvironment).toBe('gen2');
  });

  it('treats the service CPU settings as service-only', () => {
    const c = parse({ ...REQUIRED, cpu_throttling: 'false', startup_cpu_boost: 'true' });
    expect(c.runtime.cpuThrottling).toBeUndefined();
    expect(c.notices.join('\n')).toContain("Input 'startup_cpu_boost' is ignored: it applies to kind: service only");
    expect(parse({ ...SERVICE, startup_cpu_boost: 'TRUE' }).runtime.startupCpuBoost).toBe(true);
  });

  it('reads /path/file=SECRET:VERSION entries of secrets as files', () => {
    const c = parse({ ...REQUIRED, secrets: 'API_KEY=api:1\n/secrets/db/password=db:latest,/secrets/db/user=db:2' });
    expect(c.secrets).toEqual([{ name: 'API_KEY', secret: 'api', version: '1' }]);
    expect(c.secretFiles).toEqual([
      { path: '/secrets/db/password', secret: 'db', version: 'latest' },
      { path: '/secrets/db/user', secret: 'db', version: '2' },
    ]);
    expect(errorFor({ ...REQUIRED, secrets: '/password=db:1' })).toContain('use /MOUNT/DIR/FILE');
    expect(errorFor({ ...REQUIRED, secrets: '/s/../x=db:1' })).toContain('use /MOUNT/DIR/FILE');
    expect(errorFor({ ...REQUIRED, secrets: '/s/a=one:1,/s/b=two:1' })).toContain('"/s" holds files of two secrets (one and two)');
  });

  it('adds the commit-sha label from GITHUB_SHA unless skip_default_labels', () => {
    const sha = 'ABCDEF0123456789abcdef0123456789abcdef01';
    expect(parseConfig((n) => ({ ...REQUIRED })[n as keyof typeof REQUIRED] ?? '', { commitSha: sha }).labels).toEqual({ 'commit-sha': 'abcdef0' });
    const inputs: Record<string, string> = { ...REQUIRED, skip_default_labels: 'true' };
    expect(parseConfig((n) => inputs[n] ?? '', { commitSha: sha }).labels).toEqual({});
  });
});

function config(inputs: Record<string, string>): Config {
  return parse({ ...REQUIRED, image: DIGEST, runtime_service_account: 'run@my-proj.iam.gserviceaccount.com', ...inputs });
}
const plan = (c: Config, current: RunJob | RunService | undefined) => planWorkload(c, resourceNames(c, 'my-proj'), current, 'd-1');
const written = (c: Config): RunJob => plan(c, undefined).body as RunJob;
const t = (r: RunJob) => r.template!.template!;

describe('the field table for the new inputs', () => {
  it('writes secret files as one volume per directory, keeping volumes set elsewhere', () => {
    const created = written(config({ secrets: '/etc/app/a=s1:1\n/etc/app/b=s1:2', cloudsql_instances: 'my-proj:europe-west1:db' }));
    t(created).volumes!.push({ name: 'data', gcs: { bucket: 'b' } });
    t(created).containers![0]!.volumeMounts!.push({ name: 'data', mountPath: '/data' });
    const again = plan(config({ secrets: '/etc/app/a=s1:1\n/etc/app/b=s1:2', cloudsql_instances: 'my-proj:europe-west1:db' }), created);
    expect(again.change.action).toBe('unchanged');
    // overwrite with another file: the old volume goes, the GCS and Cloud SQL ones stay
    const next = plan(config({ secrets: '/run/key=s2:3', secrets_update_strategy: 'overwrite' }), created);
    expect(next.change.fields.map((f) => f.field)).toEqual(['secret_files']);
    const body = next.body as RunJob;
    expect(t(body).volumes).toEqual([
      { name: 'cloudsql', cloudSqlInstance: { instances: ['my-proj:europe-west1:db'] } },
      { name: 'data', gcs: { bucket: 'b' } },
      { name: 'secret-run', secret: { secret: 's2', items: [{ path: 'key', version: '3' }] } },
    ]);
    expect(t(body).containers![0]!.volumeMounts).toEqual([
      { name: 'cloudsql', mountPath: '/cloudsql' },
      { name: 'data', mountPath: '/data' },
      { name: 'secret-run', mountPath: '/run' },
    ]);
    // merge (the default) keeps the files not named
    const merged = plan(config({ secrets: '/run/key=s2:3' }), created);
    // shown by path, never the secret referenced
    expect(merged.change.fields[0]!.after).toBe('/etc/app/a: (unchanged), /etc/app/b: (unchanged), /run/key: (added)');
  });

  it('takes a short network name for the live full one, and keeps network tags', () => {
    const current = written(config({ vpc_network: 'projects/my-proj/global/networks/main', vpc_subnetwork: 'jobs' }));
    t(current).vpcAccess!.networkInterfaces![0]!.tags = ['egress'];
    expect(plan(config({ vpc_network: 'main' }), current).change.action).toBe('unchanged');
    const egress = plan(config({ vpc_egress: 'all-traffic', vpc_network: 'main' }), current);
    expect(egress.change.fields).toEqual([{ field: 'vpc', before: expect.objectContaining({ egress: 'private-ranges-only' }), after: expect.objectContaining({ egress: 'all-traffic' }) }]);
    expect(t(egress.body as RunJob).vpcAccess).toEqual({
      egress: 'ALL_TRAFFIC',
      networkInterfaces: [{ network: 'projects/my-proj/global/networks/main', subnetwork: 'jobs', tags: ['egress'] }],
    });
  });

  it('switches Direct VPC to a connector, and gpu: 0 removes the GPU', () => {
    const current = written(config({ vpc_network: 'main', gpu: '1', gpu_type: 'nvidia-l4', cpu: '4', memory: '16Gi' }));
    expect(t(current).nodeSelector).toEqual({ accelerator: 'nvidia-l4' });
    const next = plan(config({ vpc_connector: 'projects/p/locations/europe-west1/connectors/c', gpu: '0', cpu: '4', memory: '16Gi' }), current).body as RunJob;
    expect(t(next).vpcAccess).toEqual({ connector: 'projects/p/locations/europe-west1/connectors/c', egress: 'PRIVATE_RANGES_ONLY' });
    expect(t(next).nodeSelector).toBeUndefined();
    expect(t(next).containers![0]!.resources!.limits).toEqual({ cpu: '4000m', memory: '16384Mi' });
  });
});

async function specOf(inputs: Record<string, string>, spec: string): Promise<Config> {
  const c = parse({ ...inputs, spec });
  await loadSpec(c, (name) => (inputs[name] ?? '') !== '');
  return c;
}

async function specErrors(inputs: Record<string, string>, spec: string): Promise<string[]> {
  try {
    await specOf(inputs, spec);
  } catch (e) {
    if (e instanceof InputErrors) return e.errors.map((x) => x.message);
    throw e;
  }
  throw new Error('expected InputErrors');
}

describe('spec', () => {
  it('accepts YAML or JSON and keeps the partial resource', async () => {
    const yaml = await specOf(REQUIRED, 'template:\n  template:\n    gpuZonalRedundancyDisabled: true\n');
    const json = await specOf(REQUIRED, '{"template": {"template": {"gpuZonalRedundancyDisabled": true}}}');
    expect(yaml.spec!.resource).toEqual({ template: { template: { gpuZonalRedundancyDisabled: true } } });
    expect(json.spec!.resource).toEqual(yaml.spec!.resource);
  });

  it('names every unknown field with its path and the nearest valid name', async () => {
    expect(await specErrors(REQUIRED, 'template: {template: {vpcAcess: {}, max_retries: 3, zzzzzzzz: 1}}')).toEqual([
      "Input 'spec': template.template.vpcAcess: unknown field; did you mean vpcAccess?",
      "Input 'spec': template.template.max_retries: unknown field; did you mean maxRetries?",
      expect.stringMatching(/^Input 'spec': template\.template\.zzzzzzzz: unknown field; the fields of TaskTemplate are containers, volumes, /),
    ]);
    expect(await specErrors(SERVICE, 'template: {sessionAffinity: true}\nignoredField: 1')).toEqual([expect.stringContaining('ignoredField: unknown field')]);
  });

  it('checks types and enum values against the schema', async () => {
    expect(await specErrors(SERVICE, 'template: {sessionAffinity: "yes", timeout: 30, executionEnvironment: GEN3, containers: {}}')).toEqual([
      `Input 'spec': template.sessionAffinity: must be true or false, not "\\"yes\\""`,
      `Input 'spec': template.timeout: must be a duration in seconds such as "600s", not "30"`,
      "Input 'spec': template.executionEnvironment: \"GEN3\" is not allowed; use EXECUTION_ENVIRONMENT_GEN1, EXECUTION_ENVIRONMENT_GEN2",
      "Input 'spec': template.containers: must be a list",
    ]);
  });

  it('refuses output-only fields, and fields an input sets unless it is empty', async () => {
    expect(await specErrors(REQUIRED, 'createTime: "2024-01-01T00:00:00Z"')).toEqual(["Input 'spec': createTime: output only (Cloud Run sets it); remove it"]);
    expect(await specErrors({ ...REQUIRED, max_retries: '2' }, 'template: {template: {maxRetries: 5}}')).toEqual([
      "Input 'spec': template.template.maxRetries: also set by the input 'max_retries'; set it in one place (remove it from spec, or leave the input empty)",
    ]);
    await expect(specOf(REQUIRED, 'template: {template: {maxRetries: 5}}')).resolves.toBeDefined();
    expect(await specErrors(REQUIRED, 'labels: {managed-by: me, team: data}')).toEqual([
      expect.stringMatching(/^Input 'spec': labels\.managed-by: the key "managed-by" is reserved: managed-by and keys starting with cloud-run-cron- carry the action's owner record/),
    ]);
    expect(await specErrors({ ...REQUIRED, labels: 'team=x' }, 'labels: {team: data}')).toEqual([
      "Input 'spec': labels.team: also set by the input 'labels' or a default label; set it in one place (skip_default_labels: true drops the default ones)",
    ]);
    expect(await specErrors(REQUIRED, 'name: other')).toEqual([expect.stringContaining("name: also set by the input 'name'")]);
  });

  it('is a mapping', async () => {
    await expect(specOf(REQUIRED, '- a')).rejects.toThrow("Input 'spec': must be a mapping");
    await expect(specOf(REQUIRED, 'a: [')).rejects.toThrow("Input 'spec': is not valid YAML or JSON");
  });

  it('merges maps, replaces lists, and merges containers by position', () => {
    const target = { labels: { a: '1' }, template: { containers: [{ image: 'x', args: ['1'] }, { image: 'side' }], volumes: [{ name: 'v' }] } };
    mergeSpec(target, { labels: { b: '2' }, template: { containers: [{ args: ['2'] }], volumes: [] } });
    expect(target).toEqual({ labels: { a: '1', b: '2' }, template: { containers: [{ image: 'x', args: ['2'] }, { image: 'side' }], volumes: [] } });
    expect(specLeaves({ template: { containers: [{ resources: { limits: { 'nvidia.com/gpu': '1' } } }] } }).map((l) => l.path)).toEqual([
      'template.containers[0].resources.limits.nvidia.com/gpu',
    ]);
  });

  it('plans only what differs from the live resource (server fills and zero values are no change)', () => {
    const live = { template: { sessionAffinity: true, scaling: { minInstanceCount: 0 }, containers: [{ image: 'x', startupProbe: { tcpSocket: { port: 8080 }, periodSeconds: 10 } }] } };
    expect(specChanges({ template: { sessionAffinity: true, healthCheckDisabled: false, containers: [{ startupProbe: { tcpSocket: { port: 8080 } } }] } }, live)).toEqual([]);
    expect(specChanges({ template: { sessionAffinity: false } }, live)).toEqual([{ field: 'spec.template.sessionAffinity', before: true, after: false }]);
  });

  it('is never dropped: a config whose spec was not checked is not planned', () => {
    const c = config({ spec: 'template: {template: {maxRetries: 7}}' });
    expect(() => plan(c, undefined)).toThrow('The spec input was not checked before planning');
  });

  it('owns the fields it sets: the table neither compares nor writes them', async () => {
    const c = await specOf({ ...REQUIRED, image: DIGEST, runtime_service_account: 'run@my-proj.iam.gserviceaccount.com' }, 'template: {template: {maxRetries: 7}}');
    const created = plan(c, undefined);
    expect(created.change.fields.map((f) => f.field)).not.toContain('max_retries');
    expect(created.change.fields.map((f) => f.field)).toContain('spec.template.template.maxRetries');
    expect(t(created.body as RunJob).maxRetries).toBe(7);
    const live = created.body as RunJob;
    expect(plan(c, live).change.action).toBe('unchanged');
  });
});

describe('docs/cloud-run.md: the flag mapping table', () => {
  const doc = readFileSync(new URL('../../docs/cloud-run.md', import.meta.url), 'utf8');
  const table = doc.slice(doc.indexOf('## From deploy-cloudrun and `gcloud run jobs deploy`'));

  it('maps the networking, volume and hardware inputs', () => {
    for (const input of ['vpc_network', 'vpc_subnetwork', 'vpc_egress', 'vpc_connector', 'cloudsql_instances', 'execution_environment', 'gpu', 'gpu_type', 'cpu_throttling', 'startup_cpu_boost', 'spec']) {
      expect(table).toContain(`\`${input}\``);
    }
  });

  it('names only spec paths that the Run v2 schema has', async () => {
    const { MESSAGES } = await import('../../src/run/run-schema.js');
    const exists = (root: string, path: string) => {
      let type = root;
      for (const part of path.split('.')) {
        const field = MESSAGES[type]?.[part.replace(/\[\d+\]$/, '')];
        if (!field) return false;
        type = field[0];
      }
      return true;
    };
    const paths = [...table.matchAll(/`spec`: `([^`:]+)/g)].map((m) => m[1]!.trim());
    expect(paths.length).toBeGreaterThan(10);
    for (const p of paths) {
      const job = p.replace('$C', '$T.containers[0]').replace('$T', 'template.template');
      const service = p.replace('$C', '$T.containers[0]').replace('$T', 'template');
      expect([p, exists('Job', job) || exists('Service', service)]).toEqual([p, true]);
    }
  });
});

describe('spec and env var values', () => {
  it('plans an env list in spec by name and what happens to each value, never the values', async () => {
    const c = await specOf(REQUIRED, 'template: {template: {containers: [{}, {name: side, image: otel, env: [{name: TOKEN, value: s3cr3t-value}]}]}}');
    expect(c.spec!.envValues).toEqual(['s3cr3t-value']);
    const live = { template: { template: { containers: [{ image: 'x' }, { name: 'side', image: 'otel', env: [{ name: 'TOKEN', value: 'old-value' }] }] } } };
    const changes = specChanges(c.spec!.resource!, live);
    expect(changes).toEqual([{ field: 'spec.template.template.containers[1].env', after: 'TOKEN: (changed)' }]);
    expect(JSON.stringify(specChanges(c.spec!.resource!, undefined))).not.toContain('s3cr3t');
  });
});

describe('the Run v2 schema that spec is checked against', () => {
  it('is what scripts/gen-run-schema.ts makes from the protos of @google-cloud/run (regenerate it if this fails)', () => {
    const root = new URL('../..', import.meta.url).pathname;
    const generated = execFileSync(join(root, 'scripts/node24'), [join(root, 'scripts/gen-run-schema.ts')], { cwd: root, encoding: 'utf8' });
    expect(generated).toBe(readFileSync(join(root, 'src/run/run-schema.ts'), 'utf8'));
  });

  it('is not in the bundle entry: it loads, with the YAML parser, only when spec is set', () => {
    const root = new URL('../..', import.meta.url).pathname;
    const entry = readFileSync(join(root, 'dist/index.js'), 'utf8');
    expect(entry).not.toContain('unknown field; ');
    expect(entry).not.toContain('gpuZonalRedundancyDisabled');
    expect(entry).not.toContain('YAMLParseError');
    const chunks = readdirSync(join(root, 'dist')).filter((f) => f.endsWith('.index.js')).map((f) => readFileSync(join(root, 'dist', f), 'utf8'));
    expect(chunks.some((c) => c.includes('unknown field; '))).toBe(true);
  });
});

describe('FIELD_PATHS', () => {
  it('says where every field of the table lives (labels are checked key by key), so spec cannot silently fight an input', async () => {
    const { FIELD_PATHS, fieldsFor } = await import('../../src/run/workload.js');
    const located = new Set(FIELD_PATHS.map((f) => f.field));
    for (const kind of ['job', 'service'] as const) {
      const missing = fieldsFor(kind).map((f) => f.field).filter((f) => f !== 'labels' && !located.has(f));
      expect([kind, missing]).toEqual([kind, []]);
    }
  });
});
