// The smoke test runs the real workload once, exactly as the schedule would: through the
// Scheduler job when there is one (so the trigger, its token and the invoker binding are
// proven), else directly. Then it follows the result to the end.
import type { protos } from '@google-cloud/run';
import type { Config } from '../config/types.js';
import { GRPC_CODE_NAMES, grpcCodeOf, isQuotaError } from '../errors/api-error.js';
import type { Api } from '../google/api.js';
import type { GoogleClients } from '../google/clients.js';
import { pollUntil } from '../google/poll.js';
import { sleep } from '../google/retry.js';
import { CONDITION_STATES, durationSeconds, enumName, timestampMs, toNumber } from '../google/values.js';
import { formatDuration } from '../config/duration.js';
import { formatTasks } from '../report/format.js';
import { createProgress } from '../report/log.js';
import type { SmokeResult, TaskCounts } from '../report/types.js';
import type { RunJob, RunResource } from '../run/workload.js';
import { CLOUD_PLATFORM_SCOPE, DEFAULT_ATTEMPT_DEADLINE, type SchedulerJob } from '../scheduler/scheduler-job.js';
import { LogUnreadable, type AttemptLog } from './attempt-log.js';

type Execution = protos.google.cloud.run.v2.IExecution;

export interface SmokeContext {
  api: Api;
  clients: GoogleClients;
  config: Config;
  /** Full name of the Cloud Run job or service. */
  resource: string;
  schedulerJob?: string;
  /** Epoch ms by which the smoke test must be over (smoke_timeout). */
  deadline: number;
  /** When this run granted the invoker its role (epoch ms), if it did: a denial may be IAM propagating. */
  grantedAt?: number;
  onProgress?: (line: string) => void;
  /** Called once the execution this smoke test started is known (kept in the outputs if the test then fails or times out). */
  onExecution?: (name: string) => void;
  /**
   * What the read phase saw before this run wrote anything (a member left undefined: it did not
   * exist then). The smoke test takes its "before" from here instead of reading again: the
   * Scheduler job's lastAttemptTime and the Run job's latestCreatedExecution, which this run's
   * own writes do not change.
   */
  known?: { workload?: RunResource; schedulerJob?: SchedulerJob };
  /** The run's one reader of Cloud Scheduler's attempt log (shared by every workload's smoke test). */
  attemptLog: AttemptLog;
}

/** How far the runner's clock may be off Google's when telling our execution from older ones. */
const CLOCK_SKEW_MS = 30_000;

/** How long a fresh grant may take to be seen by the invoker's token checks. */
export const IAM_PROPAGATION_MS = 120_000;

/** Most re-triggers after a denial: each one may run the workload, once it goes through. */
export const MAX_RETRIGGERS = 2;

export function taskCounts(e: Execution): TaskCounts {
  return {
    total: toNumber(e.taskCount) ?? 0,
    succeeded: toNumber(e.succeededCount) ?? 0,
    failed: toNumber(e.failedCount) ?? 0,
    cancelled: toNumber(e.cancelledCount) ?? 0,
    retried: toNumber(e.retriedCount) ?? 0,
    running: toNumber(e.runningCount) ?? 0,
  };
}

/**
 * Whether an execution has ended: its Completed condition is terminal. Not completionTime, which
 * execution.proto says "is not guaranteed to be set in happens-before order across separate
 * operations" (it has been seen before the condition, with the counts not yet final).
 */
export function executionFinished(e: Execution): boolean {
  const completed = (e.conditions ?? []).find((c) => c.type === 'Completed');
  const state = enumName(completed?.state, CONDITION_STATES);
  return state === 'CONDITION_SUCCEEDED' || state === 'CONDITION_FAILED';
}

/** The outcome of a finished execution. */
export function executionOutcome(e: Execution): { succeeded: boolean; cancelled?: boolean; reason?: string } {
  const completed = (e.conditions ?? []).find((c) => c.type === 'Completed');
  const state = enumName(completed?.state, CONDITION_STATES);
  if (state === 'CONDITION_SUCCEEDED') return { succeeded: true };
  const reason = completed?.message || (completed?.executionReason ? String(completed.executionReason) : undefined);
  // executionReason CANCELLED (3 as an enum number) or tasks counted as cancelled.
  const cancelled = completed?.executionReason === 'CANCELLED' || (completed?.executionReason as unknown) === 3 || (toNumber(e.cancelledCount) ?? 0) > 0;
  return { succeeded: false, cancelled, reason: reason ?? (cancelled ? 'cancelled' : undefined) };
}

async function followExecution(ctx: SmokeContext, name: string, started: number): Promise<SmokeResult> {
  const { api, clients } = ctx;
  const progress = createProgress(`Execution ${name.split('/').pop()}`, { print: ctx.onProgress });
  const execution = await pollUntil({
    read: () => api.call('reading the execution', name, () => clients.run.get<Execution>(name)),
    finished: executionFinished,
    onRead: (e) => {
      const finished = executionFinished(e);
      progress.update({ status: finished ? 'finished' : 'running', tasks: taskCounts(e) }, finished);
    },
    deadline: ctx.deadline,
    onTimeout: (e) =>
      new Error(
        `The smoke test timed out (smoke_timeout) while execution ${name} was still running` +
          (e ? ` (${formatTasks(taskCounts(e))})` : '') +
          `. It goes on running in Cloud Run; raise smoke_timeout or follow it at ${e?.logUri ?? 'its log'}.`,
      ),
  });
  const tasks = taskCounts(execution);
  const outcome = executionOutcome(execution);
  const durationMs = Date.now() - started;
  const logUri = execution.logUri ?? undefined;
  if (outcome.succeeded) {
    return { status: 'succeeded', execution: name, tasks, logUri, durationMs, message: `Execution ${name} succeeded: ${formatTasks(tasks)}.` };
  }
  const logs = `Logs: ${logUri ?? 'see the job in the Cloud Console'}`;
  const message = outcome.cancelled
    ? `Execution ${name} was cancelled before it finished (${formatTasks(tasks)})` +
      (outcome.reason && outcome.reason !== 'cancelled' ? `: ${outcome.reason}` : '') +
      `. Someone or something cancelled it in Cloud Run while the smoke test followed it. ${logs}`
    : `Execution ${name} failed: ${tasks.failed} of ${tasks.total} task(s) failed` + (outcome.reason ? ` (${outcome.reason})` : '') + `. ${logs}`;
  return { status: 'failed', execution: name, tasks, logUri, durationMs, message };
}

/** What a Scheduler attempt's status most likely means, by target kind. */
export function attemptHint(code: number, kind: Config['kind']): string {
  const hints: Record<number, string> = kind === 'service'
    ? {
        16: 'the OIDC token was rejected: its audience must be exactly the service URL (without the path)',
        7: 'the invoker service account lacks roles/run.invoker on the service',
        4: 'the service did not answer within attempt_deadline; for work this long use kind: job',
        5: 'the URL or path does not exist on the service',
        13: 'the service answered with a server error (HTTP 5xx): see its logs',
        2: 'the service answered with an error: see its logs',
        14: 'the service was unavailable (HTTP 503): see its logs',
      }
    : {
        16: 'the trigger must use an OAuth token (scope cloud-platform) to call the Cloud Run Admin API',
        7: 'the invoker service account lacks run.jobs.run on the job (roles/run.invoker)',
        5: 'the job run URI names another region or project than the job',
        3: 'the Cloud Run Admin API rejected the trigger body',
      };
  return hints[code] ?? 'see the Cloud Scheduler job\'s logs';
}

/**
 * What is wrong with the trigger's token for its target, read from the Scheduler job as it is
 * configured (not from an answer's text, which Cloud Scheduler does not pass on: its log gives a
 * category such as URL_ERROR-ERROR_AUTHENTICATION). A Google API (*.googleapis.com, the Cloud
 * Run Admin API of a job target) takes only an OAuth access token with the cloud-platform scope.
 */
export function tokenProblem(job: SchedulerJob | undefined): string | undefined {
  const t = job?.httpTarget;
  let host: string;
  try {
    host = new URL(t?.uri ?? '').hostname;
  } catch {
    return undefined;
  }
  if (!host.endsWith('.googleapis.com')) return undefined;
  if (t?.oidcToken) return `the trigger sends an OIDC token to ${host}, a Google API, which takes only an OAuth access token (scope cloud-platform)`;
  if (!t?.oauthToken) return `the trigger sends no token to ${host}: it needs an OAuth access token (scope cloud-platform)`;
  const scopes = (t.oauthToken.scope || CLOUD_PLATFORM_SCOPE).split(/[\s,]+/);
  if (!scopes.includes(CLOUD_PLATFORM_SCOPE)) return `the trigger's OAuth token has scope ${t.oauthToken.scope}, and ${host} needs ${CLOUD_PLATFORM_SCOPE}`;
  return undefined;
}

interface AttemptOutcome {
  code: number;
  message?: string;
  /** What is wrong with the trigger's configured token, if anything (no wait mends it). */
  tokenProblem?: string;
  /** Job targets: the execution the attempt started, when it showed before the attempt's status. */
  execution?: string;
  /** When the Scheduler job was run (runner's clock). */
  runAt: number;
  /** How the result is known to be this attempt's (for the summary). */
  confirmedBy: string;
}

/** Past attempt_deadline, plus this, an attempt has surely ended (Scheduler abandons it at the deadline). */
const ATTEMPT_END_MARGIN_MS = 2_000;
/** From the :run call to the attempt's start, as allowed for in the time check before triggering. */
const DISPATCH_ALLOWANCE_MS = 10_000;

type Confirmed = Omit<AttemptOutcome, 'runAt' | 'execution' | 'tokenProblem'> & { job?: SchedulerJob };

/**
 * Tells when the attempt this run started has ended, and with what. Cloud Scheduler may write
 * lastAttemptTime when an attempt starts and `status` only when it ends, so `status` alone, read
 * as soon as lastAttemptTime moves, may be the previous attempt's. In order:
 * 1. the attempt's AttemptFinished entry in Cloud Logging (needs logging.logEntries.list);
 * 2. the Scheduler job's `status`, once it differs from what it was before the run;
 * 3. the Scheduler job's `status`, once attempt_deadline has passed since the attempt was seen.
 */
function attemptConfirmer(ctx: SchedulerTrigger, previousStatus: string): (job: SchedulerJob) => Promise<Confirmed | undefined> {
  let logsUnreadable: string | undefined;
  let seenAt: number | undefined;
  return async (job) => {
    seenAt ??= Date.now();
    if (logsUnreadable === undefined) {
      try {
        const entry = await ctx.attemptLog.finished(ctx.schedulerJob, timestampMs(job.lastAttemptTime)!, ctx.deadline);
        if (entry) {
          const name = entry.jsonPayload?.status;
          const code = name ? GRPC_CODE_NAMES.indexOf(name as (typeof GRPC_CODE_NAMES)[number]) : -1;
          const http = entry.httpRequest?.status;
          return {
            code: code >= 0 ? code : http && http >= 400 ? (grpcCodeOf({ message: '', metadata: {}, httpStatus: http }) ?? 2) : 0,
            message: entry.jsonPayload?.debugInfo ?? job.status?.message ?? undefined,
            confirmedBy: "the attempt's AttemptFinished entry in Cloud Logging",
            job,
          };
        }
      } catch (err) {
        // Only a refusal of the deployer: a spent read quota (429) is "not yet" (attempt-log.ts).
        if (!(err instanceof LogUnreadable)) throw err;
        logsUnreadable = err.message;
        ctx.onProgress?.(`Cloud Logging is not readable (${logsUnreadable}); confirming the attempt from the Cloud Scheduler job instead`);
      }
    }
    const fromStatus = (how: string): Confirmed => {
      ctx.attemptLog.forget(ctx.schedulerJob);
      return { code: toNumber(job.status?.code) ?? 0, message: job.status?.message ?? undefined, confirmedBy: how, job };
    };
    const unreadable = logsUnreadable ? ` (Cloud Logging was not readable: grant the deployer roles/logging.viewer for a quicker answer)` : '';
    if (JSON.stringify(job.status ?? null) !== previousStatus) return fromStatus(`the Cloud Scheduler job's status, which changed after the run${unreadable}`);
    const deadlineMs = (durationSeconds(job.attemptDeadline) ?? DEFAULT_ATTEMPT_DEADLINE) * 1000;
    if (Date.now() >= seenAt + deadlineMs + ATTEMPT_END_MARGIN_MS) {
      return fromStatus(`the Cloud Scheduler job's status once attempt_deadline had passed${unreadable}`);
    }
    return undefined;
  };
}

/**
 * The full name of an execution the job refers to. Cloud Run gives `latestCreatedExecution.name`
 * as the short execution ID (`nightly-abc12`); some clients treat it as a full name: both work.
 */
export function executionName(job: string, ref: string | null | undefined): string | undefined {
  if (!ref) return undefined;
  return ref.includes('/') ? ref : `${job}/executions/${ref}`;
}

/** The job's newest execution if it is new and not older than our run (a schedule or a person may have started another). */
function ourExecution(resource: string, job: RunJob, previous: string | undefined, runAt: number): string | undefined {
  const newest = job.latestCreatedExecution;
  const name = executionName(resource, newest?.name);
  if (!name || name === previous) return undefined;
  return (timestampMs(newest?.createTime) ?? runAt) >= runAt - CLOCK_SKEW_MS ? name : undefined;
}

/**
 * Runs the Scheduler job once and waits for its attempt; retries a denial while IAM propagates.
 * For a job target it watches the job too (previousExecution: its newest execution before the
 * run), so a new execution ends the wait as soon as it exists, without another round trip.
 */
async function triggerThroughScheduler(ctx: SchedulerTrigger, previousExecution?: string): Promise<AttemptOutcome> {
  const { api, clients, resource } = ctx;
  const name = ctx.schedulerJob;
  const watchJob = ctx.config.kind === 'job';
  let retriggers = 0;
  let known = ctx.known;
  // Waits between tries while a fresh grant propagates: 1 s, doubling up to 16 s (no fixed sleep,
  // so a grant that takes effect quickly costs little).
  let propagationWaitMs = 1000;
  for (;;) {
    const before = known ? known.schedulerJob : await api.call('reading the Cloud Scheduler job', name, () => clients.scheduler.get<SchedulerJob>(name));
    known = undefined; // a retry after a denial reads afresh
    const previousAttempt = timestampMs(before?.lastAttemptTime) ?? 0;
    const confirm = attemptConfirmer(ctx, JSON.stringify(before?.status ?? null));
    const runAt = Date.now();
    // Sent again only after a 429 (turned away): after a 503 or a dropped connection the run may
    // have started, and a second one would run the workload twice.
    await runOnce(() => api.call('running the Cloud Scheduler job once', name, () => clients.scheduler.call(name, 'run'), { retryOn: isQuotaError }));
    ctx.onProgress?.(`Cloud Scheduler job ${name.split('/').pop()} triggered; waiting for its attempt`);
    const seen = await pollUntil({
      read: async () => {
        const [job, workload] = await Promise.all([
          api.call('reading the Cloud Scheduler job', name, () => clients.scheduler.get<SchedulerJob>(name)),
          watchJob ? api.call('reading the Cloud Run job', resource, () => clients.run.get<RunJob>(resource)) : undefined,
        ]);
        const execution = workload && ourExecution(resource, workload, previousExecution, runAt);
        const attempted = (timestampMs(job.lastAttemptTime) ?? 0) > previousAttempt;
        return { execution, result: !execution && attempted ? await confirm(job) : undefined };
      },
      finished: (x) => x.execution !== undefined || x.result !== undefined,
      deadline: ctx.deadline,
      onTimeout: () => new Error(`The smoke test timed out (smoke_timeout) waiting for Cloud Scheduler's attempt of ${name}.`),
    }).finally(() => ctx.attemptLog.forget(name)); // the shared reader stops looking for this attempt
    if (seen.execution) return { code: 0, execution: seen.execution, runAt, confirmedBy: 'the new execution of the job' };
    const { code, message, confirmedBy, job } = seen.result!;
    // A token of the wrong kind or scope is refused too, but no wait mends it.
    const badToken = code !== 0 ? tokenProblem(job) : undefined;
    // A denial right after this run's grant may be IAM propagating: triggered again, at most
    // MAX_RETRIGGERS times and only while the grant is younger than the propagation window.
    const propagating =
      code === 7 &&
      !badToken &&
      ctx.grantedAt !== undefined &&
      retriggers < MAX_RETRIGGERS &&
      Date.now() + propagationWaitMs - ctx.grantedAt < IAM_PROPAGATION_MS &&
      Date.now() + propagationWaitMs < ctx.deadline;
    if (!propagating) return { code, message, runAt, confirmedBy, tokenProblem: badToken };
    retriggers++;
    ctx.onProgress?.(`PERMISSION_DENIED right after granting the invoker role: IAM may still be propagating, trying again in ${propagationWaitMs / 1000}s`);
    await sleep(propagationWaitMs);
    propagationWaitMs = Math.min(propagationWaitMs * 2, 16_000);
  }
}

/** A :run call (sent again on 429 only); a failure says why it was not sent again. */
async function runOnce<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (!(err instanceof Error) || isQuotaError(err)) throw err;
    err.message +=
      '\nThe run was not sent again: after this answer it is unknown whether the workload started, and a second run could run it twice. ' +
      'Check the job\'s executions (or the service\'s logs) before running it by hand.';
    throw err;
  }
}

type SchedulerTrigger = SmokeContext & { schedulerJob: string };

function failedAttempt(ctx: SmokeContext, attempt: AttemptOutcome, started: number): SmokeResult {
  const { code, message } = attempt;
  const name = GRPC_CODE_NAMES[code] ?? String(code);
  // The job's status may say only UNKNOWN whatever the attempt met: its log entry says more.
  const unknownOnly = code === 2 && !message;
  const likely = attempt.tokenProblem
    ?? (unknownOnly
      ? "Cloud Scheduler's job status gives no more than UNKNOWN; the attempt's own status and HTTP code are in its AttemptFinished log entry (grant the deployer roles/logging.viewer to have them here)"
      : `most likely ${attemptHint(code, ctx.config.kind)}`);
  return {
    status: 'failed',
    durationMs: Date.now() - started,
    attemptStatus: { code, name, message },
    message:
      `The Cloud Scheduler attempt failed with ${name}${message ? ` (${message})` : ''}: ${likely}. ` +
      `(Confirmed by ${attempt.confirmedBy}.)`,
  };
}

/**
 * Decided before triggering: can the service attempt be confirmed before smoke_timeout? An
 * attempt whose status equals the previous one is confirmed by its log entry, else only once
 * attempt_deadline has passed; so without logging.logEntries.list and with smoke_timeout shorter
 * than attempt_deadline, the trigger would run the service and the run would end in a bare
 * timeout. Fails (smoke_test: true) or skips (smoke_test: changed) with the reason instead.
 */
async function cannotConfirmInTime(ctx: SchedulerTrigger): Promise<Omit<SmokeResult, 'durationMs'> | undefined> {
  const before = ctx.known?.schedulerJob;
  // Without an earlier attempt's status, any status the attempt writes is a change.
  if (!before?.status) return undefined;
  const deadlineSeconds = ctx.config.schedule?.attemptDeadlineSeconds ?? durationSeconds(before.attemptDeadline) ?? DEFAULT_ATTEMPT_DEADLINE;
  const needMs = deadlineSeconds * 1000 + ATTEMPT_END_MARGIN_MS + DISPATCH_ALLOWANCE_MS;
  if (ctx.deadline - Date.now() >= needMs) return undefined;
  const project = ctx.schedulerJob.split('/')[1]!;
  const readable = await ctx.attemptLog.readable(project, ctx.deadline);
  if (readable === true) return undefined;
  const skip = ctx.config.smoke.onlyWhenChanged;
  const message =
    `The smoke test ${skip ? 'was skipped' : 'cannot confirm the attempt in time, so it did not run the service'}: Cloud Logging is not readable ` +
    `(${readable}), and without logging.logEntries.list an attempt whose status equals the previous one is confirmed only once ` +
    `attempt_deadline (${formatDuration(deadlineSeconds)}) has passed, while smoke_timeout is ${formatDuration(ctx.config.smoke.timeoutSeconds)}. ` +
    `Grant the deployer roles/logging.viewer on project ${project}, or set smoke_timeout above ${formatDuration(Math.ceil(needMs / 1000))}.`;
  return { status: skip ? 'skipped' : 'failed', message, ...(skip ? { warn: true } : {}) };
}

/** The execution the trigger started: the job's newest execution, once it is a new one. */
async function newExecution(ctx: SmokeContext, previous: string | undefined, runAt: number): Promise<string> {
  const { api, clients, resource } = ctx;
  const job = await pollUntil({
    read: () => api.call('reading the Cloud Run job', resource, () => clients.run.get<RunJob>(resource)),
    finished: (j) => ourExecution(resource, j, previous, runAt) !== undefined,
    deadline: ctx.deadline,
    onTimeout: () => new Error(`The smoke test timed out (smoke_timeout): the trigger ran but no new execution of ${resource} appeared.`),
  });
  return ourExecution(resource, job, previous, runAt)!;
}

export async function smokeTest(ctx: SmokeContext): Promise<SmokeResult> {
  const started = Date.now();
  const { api, clients, config, resource } = ctx;
  if (config.kind === 'service' && !ctx.schedulerJob) {
    return { status: 'skipped', message: 'No schedule: the service is Ready, and nothing triggers it.' };
  }
  if (config.kind === 'job' && !ctx.schedulerJob) {
    const op = await runOnce(() => api.call('running the Cloud Run job', resource, () => clients.run.run<Execution>(resource), { retryOn: isQuotaError }));
    const name = op.metadata?.name;
    if (!name) throw new Error(`Running ${resource} gave no execution name.`);
    ctx.onExecution?.(name);
    ctx.onProgress?.(`Execution ${name.split('/').pop()} started`);
    return followExecution(ctx, name, started);
  }
  if (config.schedule?.paused) {
    return {
      status: 'skipped',
      message:
        'The Cloud Scheduler job is paused (paused: true), so the smoke test did not run it: a paused trigger does not fire, ' +
        'and Cloud Scheduler may refuse to run a paused job by hand. Set paused: false to resume it and test it.',
    };
  }
  const trigger = { ...ctx, schedulerJob: ctx.schedulerJob! };
  if (config.kind === 'service') {
    const cannot = await cannotConfirmInTime(trigger);
    if (cannot) return { ...cannot, durationMs: Date.now() - started };
    const attempt = await triggerThroughScheduler(trigger);
    if (attempt.code !== 0) return failedAttempt(ctx, attempt, started);
    return {
      status: 'succeeded',
      durationMs: Date.now() - started,
      attemptStatus: { code: 0, name: 'OK' },
      message: `Cloud Scheduler called the service with its OIDC token, and the service answered with success (confirmed by ${attempt.confirmedBy}).`,
    };
  }
  const before = ctx.known
    ? (ctx.known.workload as RunJob | undefined)
    : await api.call('reading the Cloud Run job', resource, () => clients.run.get<RunJob>(resource));
  const previous = executionName(resource, before?.latestCreatedExecution?.name);
  const attempt = await triggerThroughScheduler(trigger, previous);
  if (attempt.code !== 0) return failedAttempt(ctx, attempt, started);
  const execution = attempt.execution ?? (await newExecution(ctx, previous, attempt.runAt));
  ctx.onExecution?.(execution);
  ctx.onProgress?.(`Execution ${execution.split('/').pop()} started by Cloud Scheduler`);
  return followExecution(ctx, execution, started);
}
