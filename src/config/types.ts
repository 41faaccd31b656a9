// The validated configuration: everything the later steps need, already parsed,
// range-checked and defaulted. Produced only by config/parse-config.ts.

export type Kind = 'job' | 'service';
export type UpdateStrategy = 'merge' | 'overwrite';
export type HttpMethod = 'POST' | 'GET' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';
export type Ingress = 'all' | 'internal' | 'internal-and-cloud-load-balancing';

export interface AuthConfig {
  /** projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER; absent = ADC. */
  workloadIdentityProvider?: string;
  /** Deployer service account to impersonate; absent = direct federated access. */
  serviceAccount?: string;
  /** Audience of the GitHub OIDC token (defaulted to https://iam.googleapis.com/ + provider). */
  audience?: string;
}

export interface EnvVar {
  name: string;
  value: string;
}

export interface SecretEnvVar {
  name: string;
  /** Secret ID (or projects/P/secrets/S). */
  secret: string;
  /** Version: a number or 'latest'. */
  version: string;
}

/** A secret mounted as a file: `/mount/dir/file=SECRET:VERSION` (deploy-cloudrun's form). */
export interface SecretFile {
  /** The file's full path, e.g. /secrets/api/key. */
  path: string;
  secret: string;
  version: string;
}

export type VpcEgress = 'all-traffic' | 'private-ranges-only';

/** VPC egress: Direct VPC (network and/or subnetwork) or a Serverless VPC Access connector. */
export interface VpcSettings {
  network?: string;
  subnetwork?: string;
  connector?: string;
  egress?: VpcEgress;
}

/** Networking, volumes and hardware; absent fields keep the live value (defaults only on create). */
export interface RuntimeSettings {
  vpc?: VpcSettings;
  /** PROJECT:REGION:INSTANCE. */
  cloudSqlInstances?: string[];
  executionEnvironment?: 'gen1' | 'gen2';
  /** GPUs per instance (0 removes the GPU) and their type. */
  gpu?: { count: number; type?: string };
  /** Services: CPU only while processing requests (resources.cpuIdle). */
  cpuThrottling?: boolean;
  startupCpuBoost?: boolean;
}

export interface JobSettings {
  tasks?: number;
  parallelism?: number;
  maxRetries?: number;
  taskTimeoutSeconds?: number;
}

export interface ServiceSettings {
  timeoutSeconds?: number;
  concurrency?: number;
  minInstances?: number;
  maxInstances?: number;
  ingress?: Ingress;
  allowUnauthenticated: boolean;
}

export interface ScheduleConfig {
  cron: string;
  timeZone: string;
  /** Scheduler job ID (short). */
  jobId: string;
  region: string;
  invokerServiceAccount: string;
  /** Service only; '/' for jobs (unused). */
  path: string;
  httpMethod: HttpMethod;
  /** Raw body text (not base64). */
  body?: string;
  /** True when kind=job and the body carries RunJobRequest overrides. */
  bodyHasOverrides: boolean;
  attemptDeadlineSeconds?: number;
  retryCount?: number;
  paused: boolean;
}

export type AlertCondition = 'failure' | 'missed';

/** Cloud Monitoring alerting of the workload (alert_channels, alerts, missed_grace). */
export interface AlertConfig {
  /** Full notification channel names, and email addresses (lower case) for channels the action finds or creates. */
  channels: { names: string[]; emails: string[] };
  /** The conditions asked for; 'none' removes the action's policies of the workload. */
  conditions: AlertCondition[] | 'none';
  /** alerts was set (not the default). */
  explicit: boolean;
  /** How late a run may be before it counts as missed; undefined: the workload's own timeout + 10 minutes. */
  missedGraceSeconds?: number;
}

export interface CommentConfig {
  /** auto: on pull_request events with dry_run: true. */
  mode: 'auto' | 'true' | 'false';
  /** github_token; absent outside the runner when not given. Never printed. */
  token?: string;
}

export interface Config {
  auth: AuthConfig;
  /** Fleet mode: the fleet's owner id (its label value and Scheduler description marker). */
  fleet?: string;
  /** Absent when it must come from ADC; resolved after auth. */
  projectId?: string;
  region: string;
  kind: Kind;
  name: string;
  image: string;
  /** An email, 'default' (the default compute account, opted in), or absent (keep the live one). */
  runtimeServiceAccount?: string;
  envVars: EnvVar[];
  envVarsUpdateStrategy: UpdateStrategy;
  secrets: SecretEnvVar[];
  secretsUpdateStrategy: UpdateStrategy;
  /** Secrets mounted as files (from `secrets` entries whose key is a path). */
  secretFiles: SecretFile[];
  runtime: RuntimeSettings;
  /**
   * The `spec` input: its text as given, then (once validated by run/spec.ts, before any
   * request) the partial resource to merge. Absent when the input is empty.
   */
  spec?: { text: string; resource?: Record<string, unknown>; envValues?: string[] };
  /** The user's labels, and commit-sha unless skip_default_labels (the owner record's are added by src/ownership). */
  labels: Record<string, string>;
  /** The repository's numeric id (GITHUB_REPOSITORY_ID): part of the owner record. */
  repositoryId?: string;
  command?: string[];
  args?: string[];
  cpu?: string;
  memory?: string;
  job: JobSettings;
  service: ServiceSettings;
  /** Absent = deploy only; no Scheduler job is touched. */
  schedule?: ScheduleConfig;
  /** Fleet mode: the workload's further schedules (a Scheduler job each, triggering the same workload). */
  moreSchedules?: ScheduleConfig[];
  /** Cloud Monitoring alerting; absent when alert_channels, alerts and missed_grace are empty. */
  alerts?: AlertConfig;
  /** smoke_test: enabled unless false; onlyWhenChanged for `changed` (skipped when nothing was written). */
  smoke: { enabled: boolean; onlyWhenChanged: boolean; timeoutSeconds: number };
  dryRun: boolean;
  /** read_only: the identity is the read-only planner; a run that would write is refused before it writes. */
  readOnly: boolean;
  /** state: absent: what to remove instead of deploying (the Scheduler job to delete first). */
  teardown?: { schedulerJobId: string; schedulerRegion: string; force: boolean };
  /** fail_on_drift: a dry run fails when the live state differs from the inputs. */
  failOnDrift: boolean;
  /** The plan as a pull-request comment. */
  comment: CommentConfig;
  /** Guard-rail warnings found while validating (printed by main as annotations). */
  warnings: string[];
  /** Inputs ignored because their part is off (no schedule, the other kind): printed as notices. */
  notices: string[];
}

/** A bad input: names the input and what is allowed. Thrown before any request. */
export class InputError extends Error {
  readonly input: string;
  constructor(input: string, message: string) {
    super(`Input '${input}': ${message}`);
    this.name = 'InputError';
    this.input = input;
  }
}

/**
 * Every bad input at once, so one failed run shows all there is to fix. It is an
 * InputError too (`input` lists the inputs), so `instanceof InputError` still catches it.
 */
export class InputErrors extends InputError {
  readonly errors: readonly InputError[];
  constructor(errors: readonly InputError[]) {
    super(errors.map((e) => e.input).join(', '), '');
    this.name = 'InputErrors';
    this.errors = errors;
    this.message =
      errors.length === 1
        ? errors[0]!.message
        : `${errors.length} problems with the inputs:\n${errors.map((e) => `- ${e.message}`).join('\n')}`;
  }
}
