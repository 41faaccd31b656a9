// Warnings for designs that deploy fine but are known to misbehave once scheduled.
import { shortestIntervalSeconds } from './cron-core.js';
import { formatDuration } from './duration.js';
import type { Config, ScheduleConfig } from './types.js';

/** Cloud Run defaults when the input is empty. */
const DEFAULT_TASK_TIMEOUT_SECONDS = 600;
const DEFAULT_SERVICE_TIMEOUT_SECONDS = 300;
/** Cloud Scheduler's attempt deadline for HTTP targets: default and maximum. */
export const DEFAULT_ATTEMPT_DEADLINE_SECONDS = 180;
const MAX_ATTEMPT_DEADLINE_SECONDS = 30 * 60;

type Rule = (config: Config, schedule: ScheduleConfig) => string | undefined;

const serviceOutlivesDeadline: Rule = ({ kind, service }, schedule) => {
  const timeout = service.timeoutSeconds;
  const deadline = schedule.attemptDeadlineSeconds ?? DEFAULT_ATTEMPT_DEADLINE_SECONDS;
  if (kind !== 'service' || timeout === undefined || timeout <= deadline) return undefined;
  const problem =
    `The service's timeout (${formatDuration(timeout)}) is longer than the Cloud Scheduler attempt deadline ` +
    `(${formatDuration(deadline)}): the Scheduler gives up first and may retry while the first request still runs.`;
  return timeout > MAX_ATTEMPT_DEADLINE_SECONDS
    ? `${problem} No attempt deadline can exceed 30m, so use kind: job, which runs to completion without holding a request open.`
    : `${problem} Set attempt_deadline to at least ${formatDuration(timeout)}, or use kind: job.`;
};

const runsCanOverlap: Rule = ({ kind, job, service }, schedule) => {
  const [work, input] =
    kind === 'job'
      ? [job.taskTimeoutSeconds ?? DEFAULT_TASK_TIMEOUT_SECONDS, "the job's task_timeout"]
      : [service.timeoutSeconds ?? DEFAULT_SERVICE_TIMEOUT_SECONDS, "the service's timeout"];
  const interval = shortestIntervalSeconds(schedule.cron, schedule.timeZone);
  if (interval >= work) return undefined;
  return (
    `The schedule "${schedule.cron}" fires as often as every ${formatDuration(interval)}, but one run may take up to ` +
    `${formatDuration(work)} (${input}): ` +
    'runs can overlap. Fire less often, shorten the timeout, or make the work safe to run twice at once.'
  );
};

const overridesNeedRole: Rule = ({ kind }, schedule) =>
  kind === 'job' && schedule.bodyHasOverrides
    ? `The trigger body carries overrides, which need the permission run.jobs.runWithOverrides: ` +
      `${schedule.invokerServiceAccount} is granted roles/run.jobsExecutorWithOverrides on the job instead of roles/run.invoker.`
    : undefined;

const ingressBlocksScheduler: Rule = ({ kind, service }) =>
  kind === 'service' && service.ingress !== undefined && service.ingress !== 'all'
    ? `The service's ingress is ${service.ingress}: Cloud Scheduler reaches it only from inside a VPC Service Controls ` +
      'perimeter that includes Cloud Scheduler; otherwise the scheduled requests are refused. Use ingress all (IAM still guards the service) unless you have such a perimeter.'
    : undefined;

const RULES: readonly Rule[] = [serviceOutlivesDeadline, runsCanOverlap, overridesNeedRole, ingressBlocksScheduler];

/** Plain-sentence warnings for a valid config; none for a good design or without a schedule. */
export function guardRailWarnings(config: Config): string[] {
  const { schedule } = config;
  if (schedule === undefined) return [];
  return RULES.map((rule) => rule(config, schedule)).filter((w): w is string => w !== undefined);
}
