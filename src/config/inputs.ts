// The action's inputs and their action.yml defaults. The runner applies these defaults
// itself; readInputs applies them too, so running dist/index.js with only the required
// inputs set behaves the same. test/unit/action-defaults.test.ts keeps this table and
// action.yml in step. Required inputs have no default ('').

export const INPUT_DEFAULTS = {
  // Auth
  workload_identity_provider: '',
  service_account: '',
  read_only: 'false',
  audience: '',
  // Target
  project_id: '',
  region: '',
  kind: 'job',
  name: '',
  image: '',
  runtime_service_account: '',
  env_vars: '',
  env_vars_update_strategy: 'merge',
  secrets: '',
  secrets_update_strategy: 'merge',
  labels: '',
  skip_default_labels: 'false',
  command: '',
  args: '',
  cpu: '',
  memory: '',
  // Networking, volumes and hardware
  vpc_network: '',
  vpc_subnetwork: '',
  vpc_egress: '',
  vpc_connector: '',
  cloudsql_instances: '',
  execution_environment: '',
  gpu: '',
  gpu_type: '',
  spec: '',
  // Job only
  tasks: '',
  parallelism: '',
  max_retries: '',
  task_timeout: '',
  // Service only
  timeout: '',
  concurrency: '',
  min_instances: '',
  max_instances: '',
  ingress: '',
  allow_unauthenticated: 'false',
  cpu_throttling: '',
  startup_cpu_boost: '',
  // Schedule
  schedule: '',
  time_zone: 'Etc/UTC',
  scheduler_job: '',
  scheduler_region: '',
  invoker_service_account: '',
  path: '/',
  http_method: 'POST',
  body: '',
  attempt_deadline: '',
  retry_count: '',
  paused: 'false',
  // Alerts
  alert_channels: '',
  alerts: '',
  missed_grace: '',
  // Smoke test and mode
  smoke_test: 'changed',
  smoke_timeout: '10m',
  dry_run: 'false',
  // Review
  state: 'present',
  force: 'false',
  fail_on_drift: 'false',
  comment_on_pr: 'auto',
  github_token: '${{ github.token }}',
  // Fleet mode
  manifest: '',
  prune: 'false',
  max_parallel: '4',
  only: '',
} as const satisfies Record<string, string>;

export type InputName = keyof typeof INPUT_DEFAULTS;
export type RawInputs = Record<InputName, string>;

/** Inputs action.yml marks required: true. */
export const REQUIRED_INPUTS: readonly InputName[] = ['region'];

export const INPUT_NAMES = Object.keys(INPUT_DEFAULTS) as InputName[];

/** A default the runner evaluates (`${{ github.token }}`): outside the runner it means empty. */
export const isExpression = (value: string): boolean => value.startsWith('${{');

/** Every input, trimmed, with the action.yml default when absent or empty (an expression default: empty). */
export function readInputs(get: (name: string) => string): RawInputs {
  const raw = {} as RawInputs;
  for (const name of INPUT_NAMES) {
    const value = (get(name) ?? '').trim();
    const fallback: string = INPUT_DEFAULTS[name];
    raw[name] = value !== '' && !isExpression(value) ? value : isExpression(fallback) ? '' : fallback;
  }
  return raw;
}
