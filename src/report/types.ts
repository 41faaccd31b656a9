// What a run did, as the report (log, job summary, outputs) needs it.
import type { Config } from '../config/types.js';
import type { Change, Plan } from '../plan/types.js';

/** `running`: the execution was started and still ran when the step stopped (a smoke_timeout, a failed read). */
export type ExecutionStatus = 'succeeded' | 'failed' | 'running' | 'skipped';

export interface TaskCounts {
  total: number;
  succeeded: number;
  failed: number;
  cancelled: number;
  retried: number;
  running: number;
}

export interface SmokeResult {
  status: ExecutionStatus;
  /** Job: the execution's full name. */
  execution?: string;
  tasks?: TaskCounts;
  /** Cloud Logging link of the execution (job) or the service. */
  logUri?: string;
  durationMs?: number;
  /** Service through Scheduler: the attempt's google.rpc.Status. */
  attemptStatus?: { code: number; name: string; message?: string };
  /** One line: what happened (and, on failure, what it most likely means). */
  message: string;
  /** A skip the user should act on (a warning, not a notice). */
  warn?: boolean;
}

export interface RunReport {
  config: Config;
  projectId: string;
  plan: Plan;
  changed: boolean;
  dryRun: boolean;
  resource: string;
  url?: string;
  revision?: string;
  schedulerJob?: string;
  smoke: SmokeResult;
  warnings: string[];
  /** Wall time per phase, ms (auth, deploy, iam, schedule, smoke). */
  phases: Record<string, number>;
  /** fail_on_drift: one line per drifted resource (empty: none); absent when not checked. */
  drift?: string[];
  /** Cloud Monitoring alerting of the workload; absent when alerting is not configured. */
  alerting?: AlertingReport;
  /** Set when the run failed before it finished: the explained error (summary shows ❌ and it). */
  error?: string;
}

/** A workload's alert policies as planned or applied (the changes are those of `plan`). */
export interface AlertingReport {
  policies: { role: string; change: Change; conditions: string[]; channels: string[] }[];
  /** Conditions asked for that the workload cannot have, and why. */
  notes: string[];
  /** The missed-run window, seconds. */
  missedWindowSeconds?: number;
}
