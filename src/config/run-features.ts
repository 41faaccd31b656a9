// The networking, volume and hardware inputs: VPC egress, Cloud SQL, the execution
// environment, GPUs and the service CPU settings; each checked before any request, with the
// rules Cloud Run documents (docs/cloud-run.md cites them).
import { quote } from './lists.js';
import type { Reader } from './reader.js';
import { cpuCores, memoryBytes } from './rules.js';
import type { Kind, RuntimeSettings, VpcEgress, VpcSettings } from './types.js';

const EGRESS: readonly VpcEgress[] = ['all-traffic', 'private-ranges-only'];
const GPU_TYPES = ['nvidia-l4'] as const;
/** Per GPU type, the least CPU (cores) and memory (bytes) an instance with it must have. */
export const GPU_MINIMUMS: Record<(typeof GPU_TYPES)[number], { cpu: number; memory: number; memoryText: string }> = {
  'nvidia-l4': { cpu: 4, memory: 16 * 2 ** 30, memoryText: '16Gi' },
};

const NAME = '[a-z]([-a-z0-9]*[a-z0-9])?';
const NETWORK = new RegExp(`^(?:${NAME}|projects/[a-z0-9-]+/global/networks/${NAME})$`);
const SUBNETWORK = new RegExp(`^(?:${NAME}|projects/[a-z0-9-]+/regions/[a-z0-9-]+/subnetworks/${NAME})$`);
const CONNECTOR = new RegExp(`^(?:${NAME}|projects/[a-z0-9-]+/locations/[a-z0-9-]+/connectors/${NAME})$`);
const CLOUDSQL = /^[a-z][a-z0-9-:.]*[a-z0-9]:[a-z]+(?:-[a-z]+)+\d+:[a-z][a-z0-9-]*$/;

/** true, false or empty (undefined). */
function optionalBool(r: Reader, input: 'cpu_throttling' | 'startup_cpu_boost'): boolean | undefined {
  const value = r.oneOf(input, ['true', 'false'] as const);
  return value === undefined ? undefined : value === 'true';
}

function readVpc(r: Reader, projectId: string | undefined, region: string | undefined): VpcSettings | undefined {
  const network = r.matching('vpc_network', { pattern: NETWORK, allowed: 'a VPC network name, or projects/PROJECT/global/networks/NAME' });
  const subnetwork = r.matching('vpc_subnetwork', {
    pattern: SUBNETWORK,
    allowed: 'a subnetwork name, or projects/PROJECT/regions/REGION/subnetworks/NAME',
  });
  let connector = r.matching('vpc_connector', { pattern: CONNECTOR, allowed: 'a connector name, or projects/PROJECT/locations/REGION/connectors/NAME' });
  const egress = r.oneOf('vpc_egress', EGRESS);
  if (connector && (network || subnetwork)) {
    r.fail(
      'vpc_connector',
      'is a Serverless VPC Access connector, and vpc_network/vpc_subnetwork ask for Direct VPC egress: a job or service uses one or the other. Remove vpc_connector or vpc_network/vpc_subnetwork.',
    );
  }
  if (egress && !connector && !network && !subnetwork) {
    r.fail('vpc_egress', 'says which traffic goes through the VPC: it needs vpc_network, vpc_subnetwork or vpc_connector.');
  }
  if (connector && !connector.includes('/')) {
    if (projectId && region) connector = `projects/${projectId}/locations/${region}/connectors/${connector}`;
    else r.fail('vpc_connector', `${quote(connector)} is a short name and project_id is not known before authenticating: use projects/PROJECT/locations/REGION/connectors/NAME`);
  }
  if (!network && !subnetwork && !connector && !egress) return undefined;
  return { network, subnetwork, connector, egress };
}

function readCloudSql(r: Reader): string[] | undefined {
  const text = r.text('cloudsql_instances');
  if (text === undefined) return undefined;
  const names = text.split(/[\n,]/).map((s) => s.trim()).filter(Boolean);
  for (const n of names.filter((n) => !CLOUDSQL.test(n))) {
    r.fail('cloudsql_instances', `${quote(n)} is not allowed: use PROJECT:REGION:INSTANCE (the instance connection name, e.g. my-proj:europe-west1:main-db).`);
  }
  if (new Set(names).size !== names.length) r.fail('cloudsql_instances', 'an instance is given twice.');
  return names;
}

/**
 * GPUs, with Cloud Run's documented rules (https://cloud.google.com/run/docs/configuring/services/gpu,
 * https://cloud.google.com/run/docs/configuring/jobs/gpu): one GPU per instance; an L4 needs at
 * least 4 CPU and 16 GiB of memory; a service with a GPU uses instance-based billing (CPU always
 * allocated, so cpu_throttling false; an empty cpu_throttling becomes false, with a notice, as the
 * GPU asked for needs it). cpu and memory must be given with gpu: an empty one keeps
 * the live value, which the check cannot see before reading.
 */
function readGpu(r: Reader, kind: Kind | undefined, cpu: string | undefined, memory: string | undefined, cpuThrottling: boolean | undefined): RuntimeSettings['gpu'] {
  const count = r.int('gpu', 0, 1_000);
  const type = r.oneOf('gpu_type', GPU_TYPES);
  if (count === undefined) {
    if (type !== undefined) r.fail('gpu_type', 'needs gpu: set gpu: 1 to attach a GPU of this type.');
    return undefined;
  }
  if (count > 1) return r.fail('gpu', `${count} is not allowed: Cloud Run attaches one GPU per instance; use 1 (or 0 to remove the GPU).`);
  if (count === 0) {
    if (type !== undefined) r.fail('gpu_type', 'is set while gpu is 0 (no GPU): remove gpu_type.');
    return { count };
  }
  if (type === undefined) {
    if (!r.hasError('gpu_type')) r.fail('gpu_type', `required with gpu: use ${GPU_TYPES.join(' or ')}.`);
    return undefined;
  }
  const min = GPU_MINIMUMS[type];
  const cores = cpu === undefined ? undefined : cpuCores(cpu);
  if (cores === undefined || cores < min.cpu) {
    r.fail('cpu', `a GPU (${type}) needs at least ${min.cpu} CPU: set cpu: ${min.cpu} or more${cpu === undefined ? ' (it is empty)' : ''}.`);
  }
  const bytes = memory === undefined ? undefined : memoryBytes(memory);
  if (bytes === undefined || bytes < min.memory) {
    r.fail('memory', `a GPU (${type}) needs at least ${min.memoryText} of memory: set memory: ${min.memoryText} or more${memory === undefined ? ' (it is empty)' : ''}.`);
  }
  if (kind === 'service' && cpuThrottling === true) {
    r.fail('cpu_throttling', 'true is not allowed with a GPU: a service with a GPU needs instance-based billing (CPU always allocated); set cpu_throttling: false or leave it empty.');
  }
  return { count, type };
}

/**
 * A service with less than 1 CPU needs request-based billing and the first generation execution
 * environment (https://cloud.google.com/run/docs/configuring/services/cpu, "If you use less than
 * 1 vCPU").
 */
function checkFractionalCpu(r: Reader, cpu: string | undefined, runtime: RuntimeSettings): void {
  const cores = cpu === undefined ? undefined : cpuCores(cpu);
  if (cores === undefined || cores >= 1) return;
  if (runtime.cpuThrottling === false) {
    r.fail('cpu_throttling', `false (instance-based billing) needs at least 1 CPU, and cpu is ${cpu}: with less than 1 CPU Cloud Run bills by request.`);
  }
  if (runtime.executionEnvironment === 'gen2') {
    r.fail('execution_environment', `gen2 needs at least 1 CPU for a service, and cpu is ${cpu}: use gen1, or cpu: 1 or more.`);
  }
}

export function readRuntime(
  r: Reader,
  kind: Kind | undefined,
  at: { projectId: string | undefined; region: string | undefined; cpu: string | undefined; memory: string | undefined },
): RuntimeSettings {
  const service = kind === 'service';
  let cpuThrottling = service ? optionalBool(r, 'cpu_throttling') : undefined;
  const gpu = readGpu(r, kind, at.cpu, at.memory, cpuThrottling);
  if (service && gpu?.count && cpuThrottling === undefined && !r.hasError('cpu_throttling')) {
    cpuThrottling = false;
    r.notices.push("Input 'cpu_throttling' is empty and gpu is set: the service gets cpu_throttling: false (CPU always allocated, instance-based billing), which Cloud Run requires with a GPU.");
  }
  const runtime: RuntimeSettings = {
    vpc: readVpc(r, at.projectId, at.region),
    cloudSqlInstances: readCloudSql(r),
    executionEnvironment: r.oneOf('execution_environment', ['gen1', 'gen2'] as const),
    gpu,
    cpuThrottling,
    startupCpuBoost: service ? optionalBool(r, 'startup_cpu_boost') : undefined,
  };
  if (service) checkFractionalCpu(r, at.cpu, runtime);
  return runtime;
}

/** The `spec` input's text, when set (parsed and validated lazily by run/spec.ts, before any request). */
export function readSpecText(r: Reader): { text: string } | undefined {
  const text = r.text('spec');
  return text === undefined ? undefined : { text };
}
