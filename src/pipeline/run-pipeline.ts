// The one-workload pipeline below the fleet layer (src/fleet/run-fleet.ts): read what
// exists, plan, apply, smoke-test, each step recording what it did in the workload's report.
// A failure is recorded, not thrown: one failing workload does not stop the others.
import * as core from '../report/runner.js';
import { alertChanges, alertingReport, applyAlertPlan, listPoliciesForDeletion, planAlerting, readAlertState } from '../alerts/alerting.js';
import type { AlertPlan, AlertPolicy, AlertState } from '../alerts/plan.js';
import type { Config } from '../config/types.js';
import { ActionError, type ErrorContext } from '../errors/explain.js';
import { registerSecretValues, scrubSecrets } from '../errors/scrub.js';
import { createApi } from '../google/api.js';
import type { Api } from '../google/api.js';
import type { GoogleClients } from '../google/clients.js';
import { findDrift, type Drift } from '../plan/drift.js';
import { planChangesAnything, planRun, type CurrentState, type Names, type RunPlan } from '../plan/planner.js';
import { driftLine, driftMessage } from '../report/drift-text.js';
import { formatPlan } from '../report/plan-text.js';
import { logsUrlOf } from '../report/links.js';
import { phase as logPhase } from '../report/log.js';
import { changeLine } from '../report/summary.js';
import type { Change } from '../plan/types.js';
import type { RunReport, SmokeResult } from '../report/types.js';
import { envValuesOf, latestRevisionTraffic, type RunService } from '../run/workload.js';
import { smokeTest } from '../smoke/smoke.js';
import type { AttemptLog } from '../smoke/attempt-log.js';
import { applyPlan } from './apply.js';
import { resourceNames } from './names.js';
import { readCurrentState } from './read-current.js';
import { applyTeardown, planTeardownRun } from './teardown.js';

/** What every workload of a run shares: one authentication, one project, one deadline. */
export interface PipelineContext {
  api: Api;
  clients: GoogleClients;
  projectId: string;
  errorContext: Omit<ErrorContext, 'action' | 'resource'>;
  deployId: string;
  /** Log groups carry the workload's name when there are several. */
  label?: string;
  /** The run's one reader of Cloud Scheduler's attempt log, shared by every smoke test. */
  attemptLog: AttemptLog;
}

/** One workload as it goes through the pipeline. */
export interface WorkloadRun {
  config: Config;
  names: Names;
  phases: Record<string, number>;
  current?: CurrentState;
  runPlan?: RunPlan;
  /** Cloud Monitoring alerting: what was read, and its plan (absent without alerting inputs). */
  alertState?: AlertState;
  alertPlan?: AlertPlan;
  /** state: absent: the project's alert policies (undefined: the deployer may not list them). */
  teardownPolicies?: AlertPolicy[];
  report?: RunReport;
  /** Why this workload failed (its report, when there is one, says it too). */
  failure?: string;
  /** The execution the smoke test started, once known: it stays in the outputs whatever happens next. */
  startedExecution?: string;
  smokeStarted?: boolean;
}

function phaseOf(ctx: PipelineContext, run: WorkloadRun) {
  return <T>(name: string, fn: () => Promise<T>): Promise<T> =>
    logPhase(name, fn, { into: run.phases, group: !ctx.label });
}

export function startWorkload(ctx: PipelineContext, config: Config): WorkloadRun {
  return { config, names: resourceNames(config, ctx.projectId), phases: {} };
}

/** Reads what exists of the workload (its job or service, IAM policy, Scheduler job). */
export async function readWorkload(ctx: PipelineContext, run: WorkloadRun): Promise<void> {
  const { config, names } = run;
  await recordFailure(run, () =>
    phaseOf(ctx, run)('read', async () => {
      const [state] = await Promise.all([readCurrentState(ctx.api, ctx.clients, config, names), readAlerts(ctx, run)]);
      const kindLabel = config.kind === 'job' ? 'Cloud Run job' : 'Cloud Run service';
      core.info(`${kindLabel} ${config.name}: ${state.workload ? 'exists' : 'does not exist yet'}`);
      if (state.workload) core.info(`IAM policy of ${config.name}: ${state.policy?.bindings?.length ?? 0} binding(s)`);
      if (names.schedulerJob) core.info(`Scheduler job ${names.schedulerJob.split('/').pop()}: ${state.schedulerJob ? 'exists' : 'does not exist yet'}`);
      run.current = state;
    }),
  );
}

/** Reads the workload's alert policies and the project's channels (fleet mode: beside the list reads). */
export async function readAlerting(ctx: PipelineContext, run: WorkloadRun): Promise<void> {
  await recordFailure(run, () => readAlerts(ctx, run));
}

/** What alerting needs: with alerting inputs, the workload's policies and the channels; for state: absent, the policies to delete with it. */
async function readAlerts(ctx: PipelineContext, run: WorkloadRun): Promise<void> {
  const { config, names } = run;
  if (config.teardown) run.teardownPolicies = await listPoliciesForDeletion(ctx.api, ctx.clients, names.projectId);
  else if (config.alerts) run.alertState = await readAlertState(ctx.api, ctx.clients, config, names.projectId);
}

/** Plans the workload against what was read, and starts its report. Pure but for the log. */
export function planWorkloadRun(ctx: PipelineContext, run: WorkloadRun): void {
  const { config, names, current } = run;
  if (!current || run.failure) return;
  if (config.teardown) return planTeardownRun(ctx, run, current);
  registerSecretValues([...envValuesOf(current.workload, config.kind), ...envValuesOf(current.otherKind, config.kind === 'job' ? 'service' : 'job')]);
  const runPlan = planRun({ config, names, current, deployId: ctx.deployId });
  run.runPlan = runPlan;
  if (run.alertState) {
    run.alertPlan = planAlerting(config, names.projectId, run.alertState, { repository: ctx.errorContext.repository, now: new Date() });
    runPlan.plan.push(...alertChanges(run.alertPlan));
  }
  for (const warning of runPlan.warnings) core.warning(scrubSecrets(ctx.label ? `${ctx.label}: ${warning}` : warning));
  for (const notice of runPlan.notices) core.notice(ctx.label ? `${ctx.label}: ${notice}` : notice);
  // Each change's reason (a tag redeploy, a re-pointed trigger) is in the plan, once.
  core.info(`Plan${ctx.label ? ` of ${ctx.label}` : ''}:\n${formatPlan(runPlan.plan)}`);
  run.report = startReport(ctx, run, runPlan.plan, runPlan.warnings, 'The run stopped before the smoke test.');
  run.report.alerting = alertingReport(run.alertPlan);
  run.report.url = (current.workload as RunService | undefined)?.uri ?? undefined;
  if (config.dryRun) {
    run.report.smoke.message = 'Dry run: nothing was written and the smoke test was skipped.';
    core.info(planChangesAnything(runPlan.plan) ? `Dry run: the plan${ctx.label ? ` of ${ctx.label}` : ''} above was not applied.` : `Dry run: ${ctx.label ?? 'everything'} is up to date.`);
    if (config.failOnDrift) {
      run.report.drift = findDrift(runPlan.plan, current).map((d) => driftLine(withPolicyAuthor(d, run.alertState)));
      if (run.report.drift.length > 0) run.failure = run.report.error = driftMessage(run.report.drift);
      else core.info(`Drift check${ctx.label ? ` of ${ctx.label}` : ''}: the live state matches the inputs.`);
    }
  }
}

/** The workload's report as planned: nothing written yet, the smoke test skipped for `why`. */
export function startReport(ctx: PipelineContext, run: WorkloadRun, plan: Change[], warnings: string[], why: string): RunReport {
  const { config, names } = run;
  return {
    config,
    projectId: ctx.projectId,
    dryRun: config.dryRun,
    resource: names.resource,
    schedulerJob: names.schedulerJob,
    warnings: [...config.warnings, ...warnings],
    phases: run.phases,
    plan,
    changed: false,
    smoke: { status: 'skipped', message: why },
  };
}

/** Applies the plan and smoke-tests the workload, recording what was done (also on failure). */
export async function applyWorkloadRun(ctx: PipelineContext, run: WorkloadRun): Promise<void> {
  const { config, names, current, runPlan, report } = run;
  if (config.teardown && report && !run.failure && !config.dryRun) return recordFailure(run, () => applyTeardown(ctx, report, phaseOf(ctx, run)));
  if (!current || !runPlan || !report || run.failure || config.dryRun) return;
  const phase = phaseOf(ctx, run);
  await recordFailure(run, async () => {
    const alerting = alertChanges(run.alertPlan);
    for (const change of alerting) change.status = 'not reached';
    const applied = await applyPlan(ctx.api, ctx.clients, config, names, runPlan, current, ctx.deployId, {
      phase,
      wrote: () => (report.changed = true),
      plan: (plan) => (report.plan = [...plan, ...alerting]),
      progress: (change, starting) => core.info(changeLine(change, starting)),
    });
    report.plan = [...applied.plan, ...alerting];
    // After the workload and its trigger: the policies watch what exists.
    if (run.alertPlan && run.alertState) {
      await phase('alerts', () =>
        applyAlertPlan(ctx.api, ctx.clients, names.projectId, run.alertPlan!, run.alertState!, {
          wrote: () => (report.changed = true),
          progress: (change, starting) => core.info(changeLine(change, starting)),
        }),
      );
    }
    const service = config.kind === 'service' ? (applied.workload as RunService) : undefined;
    report.changed = applied.changed || alerting.some((c) => c.written);
    report.url = service?.uri ?? undefined;
    report.revision = service?.latestReadyRevision?.split('/').pop() ?? undefined;
    const share = service ? latestRevisionTraffic(service) : 100;
    if (share < 100) {
      const warning = `The service's traffic is split or pinned elsewhere: its latest revision ${report.revision} serves ${share}% of requests, so the trigger (and the smoke test) may reach an older revision. Route traffic to the latest revision: gcloud run services update-traffic ${config.name} --to-latest --region=${config.region} --project=${ctx.projectId}`;
      core.warning(warning);
      report.warnings.push(warning);
    }
    report.smoke = { status: 'skipped', message: 'The smoke test is off (smoke_test: false).' };
    if (config.smoke.enabled && config.smoke.onlyWhenChanged && !report.changed) {
      report.smoke = { status: 'skipped', message: 'Nothing was written, so the smoke test did not run (smoke_test: changed).' };
      core.info(ctx.label ? `${ctx.label}: ${report.smoke.message}` : report.smoke.message);
    } else if (config.smoke.enabled) {
      run.smokeStarted = true;
      const smokeApi = createApi({ ...ctx.errorContext, projectId: ctx.projectId }, Date.now() + config.smoke.timeoutSeconds * 1000);
      const smoke: SmokeResult = await phase('smoke', () =>
        smokeTest({
          api: smokeApi,
          clients: ctx.clients,
          config,
          resource: names.resource,
          schedulerJob: names.schedulerJob,
          deadline: smokeApi.deadline,
          grantedAt: applied.grantedAt,
          onProgress: (line) => core.info(line),
          onExecution: (name) => (run.startedExecution = name),
          known: { workload: current.workload, schedulerJob: current.schedulerJob },
          attemptLog: ctx.attemptLog,
        }),
      );
      // A failed execution's or attempt's message comes from Google: scrubbed like any error.
      report.smoke = { ...smoke, message: scrubSecrets(smoke.message) };
      if (smoke.status === 'failed') throw new ActionError(report.smoke.message);
      if (smoke.warn) core.warning(ctx.label ? `${ctx.label}: ${report.smoke.message}` : report.smoke.message);
      else core.info(report.smoke.message);
    }
  });
}

/** Runs `fn`; a failure is recorded on the workload and its report, not thrown. */
async function recordFailure(run: WorkloadRun, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    const message = scrubSecrets(err instanceof Error ? err.message : String(err));
    run.failure = message;
    const report = run.report;
    if (!report) return;
    if (report.smoke.status !== 'failed') report.error = message;
    if (run.startedExecution && report.smoke.execution === undefined) {
      // Timed out or lost sight of it: the execution goes on in Cloud Run.
      report.smoke = { status: 'running', execution: run.startedExecution, logUri: logsUrlOf(run.startedExecution), message: `Execution ${run.startedExecution} was still running when the step stopped.` };
    } else if (report.smoke.status === 'skipped' && run.smokeStarted) {
      report.smoke = { status: 'failed', message };
    }
  }
}

/** Drift of an alert policy names who changed it last, as Cloud Monitoring records it. */
function withPolicyAuthor(d: Drift, alerts: AlertState | undefined): Drift {
  if (d.missing || d.change.type !== 'alert-policy' || !alerts) return d;
  const live = Object.values(alerts.policies).find((p) => p?.name === d.change.resource);
  return { ...d, lastModifier: live?.mutationRecord?.mutatedBy, modifiedAt: live?.mutationRecord?.mutateTime };
}
