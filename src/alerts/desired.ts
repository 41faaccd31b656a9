// The alert policies a workload should have, from its config: pure. Cloud Monitoring allows a
// log-match condition only alone in its policy (and only with a notification rate limit), and a
// metric-absence window of at most 23.5 hours, so a workload has up to three policies:
//   run      metric conditions on the workload: a job's failed executions, and a missed run
//            (no successful execution / 2xx request within the longest gap of its schedules
//            plus missed_grace) as a metric-absence condition when that window is 23.5 h or less;
//   missed   the same missed run as a PromQL absent_over_time condition, when the window is
//            longer (a daily schedule across a DST change, a weekly one), in a policy of its own;
//   trigger  a log match on Cloud Scheduler's AttemptFinished errors of the workload's
//            Scheduler jobs (a service's failure, and a trigger that cannot start a job).
import { longestGapSeconds } from '../config/cron-core.js';
import { formatDuration } from '../config/duration.js';
import type { AlertCondition, Config, ScheduleConfig } from '../config/types.js';
import { logsUrl, runJobUrl, runServiceUrl } from '../report/links.js';
import { roleLabel } from './owner.js';

/** Cloud Monitoring's longest metric-absence window: 23 h 30 min (see fake/FACTS.md). */
export const ABSENCE_MAX_SECONDS = 84_600;
/** A metric-absence window is at least 2 minutes, in whole minutes. */
const ABSENCE_MIN_SECONDS = 120;
/** Default lateness allowed on top of the workload's own timeout. */
const GRACE_EXTRA_SECONDS = 600;
/** Cloud Run's default task timeout and Cloud Scheduler's default attempt deadline. */
const DEFAULT_TASK_TIMEOUT = 600;
const DEFAULT_ATTEMPT_DEADLINE = 180;
/** At most one notification an hour from the trigger's log match (required for log-match policies). */
export const TRIGGER_RATE_LIMIT = '3600s';

export type PolicyRole = 'run' | 'missed' | 'trigger';
export const POLICY_ROLES: readonly PolicyRole[] = ['run', 'missed', 'trigger'];

/** An alert policy as sent to Cloud Monitoring (REST JSON), without name and channels. */
export interface PolicyBody {
  displayName: string;
  documentation: { content: string; mimeType: 'text/markdown'; subject?: string; links?: { displayName: string; url: string }[] };
  userLabels: Record<string, string>;
  conditions: Record<string, unknown>[];
  combiner: 'OR';
  enabled: boolean;
  alertStrategy?: Record<string, unknown>;
  severity: 'ERROR';
}

export interface DesiredPolicy {
  role: PolicyRole;
  /** What it watches, for the plan and summary: 'failure', 'missed', 'trigger'. */
  watches: string[];
  body: PolicyBody;
}

export interface DesiredAlerting {
  /** The policies wanted (empty with alerts: none: every policy of the workload goes). */
  policies: DesiredPolicy[];
  /** The missed-run window in seconds, when there is a missed-run condition. */
  missedWindowSeconds?: number;
  /** The window is over the metric-absence limit: the missed run is a PromQL condition. */
  missedByPromql?: boolean;
  /** Why a condition asked for is not there (a gap over 23.5 h, a paused schedule, no schedule). */
  notes: string[];
}

export const JOB_EXECUTIONS = 'run.googleapis.com/job/completed_execution_count';
export const SERVICE_REQUESTS = 'run.googleapis.com/request_count';
const SCHEDULER_LOG = 'cloudscheduler.googleapis.com%2Fexecutions';
const ATTEMPT_FINISHED = 'type.googleapis.com/google.cloud.scheduler.logging.AttemptFinished';

function schedulesOf(config: Config): ScheduleConfig[] {
  return [config.schedule, ...(config.moreSchedules ?? [])].filter((s): s is ScheduleConfig => s !== undefined);
}

/** How late a run may be: missed_grace, else the job's task timeout / the trigger's attempt deadline, plus 10 minutes. */
export function missedGraceSeconds(config: Config): number {
  if (config.alerts?.missedGraceSeconds !== undefined) return config.alerts.missedGraceSeconds;
  const own = config.kind === 'job'
    ? config.job.taskTimeoutSeconds ?? DEFAULT_TASK_TIMEOUT
    : Math.max(...schedulesOf(config).map((s) => s.attemptDeadlineSeconds ?? DEFAULT_ATTEMPT_DEADLINE), DEFAULT_ATTEMPT_DEADLINE);
  return own + GRACE_EXTRA_SECONDS;
}

/** The metric filter of the workload's runs: a job's executions with `result`, a service's 2xx requests. */
function metricFilter(config: Config, result: 'failed' | 'succeeded'): string {
  const terms = config.kind === 'job'
    ? ['resource.type = "cloud_run_job"', `resource.labels.job_name = "${config.name}"`, `resource.labels.location = "${config.region}"`, `metric.type = "${JOB_EXECUTIONS}"`, `metric.labels.result = "${result}"`]
    : ['resource.type = "cloud_run_revision"', `resource.labels.service_name = "${config.name}"`, `resource.labels.location = "${config.region}"`, `metric.type = "${SERVICE_REQUESTS}"`, 'metric.labels.response_code_class = "2xx"'];
  return terms.join(' AND ');
}

/** The PromQL form of the successful runs' metric (Cloud Monitoring's names: domain:path, `monitored_resource`). */
function promqlSelector(config: Config): string {
  return config.kind === 'job'
    ? `run_googleapis_com:job_completed_execution_count{monitored_resource="cloud_run_job",job_name="${config.name}",location="${config.region}",result="succeeded"}`
    : `run_googleapis_com:request_count{monitored_resource="cloud_run_revision",service_name="${config.name}",location="${config.region}",response_code_class="2xx"}`;
}

/** One series per workload, whatever its revisions: a new revision does not look like a stopped series. */
function aggregations(config: Config, seconds: number): Record<string, unknown>[] {
  const by = config.kind === 'job' ? 'resource.labels.job_name' : 'resource.labels.service_name';
  return [{ alignmentPeriod: `${seconds}s`, perSeriesAligner: 'ALIGN_SUM', crossSeriesReducer: 'REDUCE_SUM', groupByFields: [by] }];
}

/** The log filter of failed attempts of the workload's Scheduler jobs. */
export function triggerLogFilter(projectId: string, schedules: readonly ScheduleConfig[]): string {
  const ids = schedules.map((s) => `resource.labels.job_id = "${s.jobId}"`);
  return [
    `logName = "projects/${projectId}/logs/${SCHEDULER_LOG}"`,
    'resource.type = "cloud_scheduler_job"',
    ids.length === 1 ? ids[0]! : `(${ids.join(' OR ')})`,
    `jsonPayload."@type" = "${ATTEMPT_FINISHED}"`,
    'severity >= ERROR',
  ].join(' AND ');
}

/** The missed-run window: the longest gap of the unpaused schedules plus the grace, in whole minutes. */
export function missedWindow(config: Config, from: Date): { seconds?: number; promql?: boolean; note?: string } {
  const active = schedulesOf(config).filter((s) => !s.paused);
  if (schedulesOf(config).length === 0) return { note: 'missed-run alerting needs a schedule: this workload has none' };
  if (active.length === 0) return { note: 'no missed-run condition: the schedule is paused' };
  const gap = longestGapSeconds(active.map((s) => ({ cron: s.cron, timeZone: s.timeZone })), from);
  if (!Number.isFinite(gap)) return { note: 'no missed-run condition: the schedule fires at most once' };
  const grace = missedGraceSeconds(config);
  const seconds = Math.max(ABSENCE_MIN_SECONDS, Math.ceil((gap + grace) / 60) * 60);
  if (seconds > ABSENCE_MAX_SECONDS) {
    return {
      seconds,
      promql: true,
      note: `the missed-run condition is a PromQL query (absent_over_time) in a policy of its own: the schedule's longest gap between runs (${formatDuration(gap)}) plus missed_grace (${formatDuration(grace)}) is ${formatDuration(seconds)}, over Cloud Monitoring's 23h30m limit for a metric-absence condition`,
    };
  }
  return { seconds };
}

function documentation(config: Config, projectId: string, repository: string | undefined, role: PolicyRole, missed?: number): PolicyBody['documentation'] {
  const r = { project: projectId, location: config.region, collection: config.kind === 'job' ? 'jobs' : 'services', id: config.name };
  const runs = config.kind === 'job' ? runJobUrl(r) : runServiceUrl(r);
  const schedules = schedulesOf(config).map((s) => `\`${s.cron}\` (${s.timeZone}${s.paused ? ', paused' : ''}), Scheduler job \`${s.jobId}\` in ${s.region}`);
  const what = role === 'trigger'
    ? 'A Cloud Scheduler attempt to run it failed (the target answered an error, or the trigger could not reach or start it: a lost permission, a deleted target).'
    : role === 'missed'
      ? `No successful run happened within ${formatDuration(missed ?? 0)} (the longest gap of its schedule plus missed_grace).`
      : [
        config.kind === 'job' ? 'An execution failed, or ' : '',
        missed ? `no successful run happened within ${formatDuration(missed)} (the longest gap of its schedule plus missed_grace).` : '',
      ].join('') || 'An execution failed.';
  const content = [
    `**${config.name}**: Cloud Run ${config.kind} in ${config.region}, project ${projectId}, deployed by cloud-run-cron${repository ? ` from ${repository}` : ''}.`,
    '',
    what,
    '',
    ...(schedules.length ? [`Schedule: ${schedules.join('; ')}.`, ''] : []),
    `${config.kind === 'job' ? 'Executions' : 'Service'}: ${runs}`,
    `Logs: ${logsUrl(r)}`,
  ].join('\n');
  const links = [
    { displayName: config.kind === 'job' ? 'executions' : 'service', url: runs },
    { displayName: 'logs', url: logsUrl(r) },
    ...(repository ? [{ displayName: 'repository', url: `https://github.com/${repository}` }] : []),
  ];
  const subject = { run: config.kind === 'job' ? 'failed or missed a run' : 'missed a run', missed: 'missed a run', trigger: 'trigger failed' }[role];
  return { content, mimeType: 'text/markdown', subject: `cloud-run-cron: ${config.name} ${subject}`, links };
}

/**
 * The policies of `config`'s workload. `labels`: the owner record as user labels (the ownership
 * module's), to which the role is added. `from`: the time the schedule gaps are counted from.
 */
export function desiredAlerting(config: Config, projectId: string, labels: Record<string, string>, opts: { repository?: string; from: Date }): DesiredAlerting {
  const alerts = config.alerts;
  if (!alerts || alerts.conditions === 'none') return { policies: [], notes: [] };
  const want = (c: AlertCondition): boolean => (alerts.conditions as AlertCondition[]).includes(c);
  const notes: string[] = [];
  const policies: DesiredPolicy[] = [];
  const window = want('missed') ? missedWindow(config, opts.from) : {};
  if (window.note) notes.push(window.note);
  const conditions: Record<string, unknown>[] = [];
  const watches: string[] = [];
  if (want('failure') && config.kind === 'job') {
    watches.push('failure');
    conditions.push({
      displayName: `${config.name}: an execution failed`,
      conditionThreshold: {
        filter: metricFilter(config, 'failed'),
        aggregations: aggregations(config, 60),
        comparison: 'COMPARISON_GT',
        thresholdValue: 0,
        duration: '0s',
        trigger: { count: 1 },
      },
    });
  }
  if (window.seconds !== undefined && !window.promql) {
    watches.push('missed');
    conditions.push({
      displayName: `${config.name}: no successful run in ${formatDuration(window.seconds)}`,
      conditionAbsent: {
        filter: metricFilter(config, 'succeeded'),
        aggregations: aggregations(config, 300),
        duration: `${window.seconds}s`,
        trigger: { count: 1 },
      },
    });
  }
  const base = (role: PolicyRole) => ({
    userLabels: { ...labels, ...roleLabel(role) },
    combiner: 'OR' as const,
    enabled: true,
    severity: 'ERROR' as const,
  });
  if (conditions.length) {
    policies.push({
      role: 'run',
      watches,
      body: { displayName: `cloud-run-cron: ${config.name} (${config.kind})`, documentation: documentation(config, projectId, opts.repository, 'run', window.promql ? undefined : window.seconds), conditions, ...base('run') },
    });
  }
  if (window.seconds !== undefined && window.promql) {
    policies.push({
      role: 'missed',
      watches: ['missed'],
      body: {
        displayName: `cloud-run-cron: ${config.name} missed run`,
        documentation: documentation(config, projectId, opts.repository, 'missed', window.seconds),
        conditions: [{
          displayName: `${config.name}: no successful run in ${formatDuration(window.seconds)}`,
          conditionPrometheusQueryLanguage: { query: `absent_over_time(${promqlSelector(config)}[${window.seconds}s])`, evaluationInterval: '300s' },
        }],
        ...base('missed'),
      },
    });
  }
  const schedules = schedulesOf(config);
  if (want('failure') && schedules.length) {
    policies.push({
      role: 'trigger',
      watches: ['trigger'],
      body: {
        displayName: `cloud-run-cron: ${config.name} trigger`,
        documentation: documentation(config, projectId, opts.repository, 'trigger'),
        conditions: [{ displayName: `${config.name}: a Scheduler attempt failed`, conditionMatchedLog: { filter: triggerLogFilter(projectId, schedules) } }],
        alertStrategy: { notificationRateLimit: { period: TRIGGER_RATE_LIMIT } },
        ...base('trigger'),
      },
    });
  } else if (want('failure') && config.kind === 'service') {
    notes.push('no failure condition: a service is watched through its Scheduler attempts, and it has no schedule');
  }
  return { policies, missedWindowSeconds: window.seconds, missedByPromql: window.promql, notes };
}
