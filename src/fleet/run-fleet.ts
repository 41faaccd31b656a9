// The fleet layer above the one-workload pipeline: one authentication, then read all, plan
// all, apply with at most max_parallel workloads in flight, prune, report all. The
// single-workload mode is a fleet of one: the same path, with today's outputs and summary.
import * as core from '../report/runner.js';
import { AuthError, type Credentials } from '../auth/credentials.js';
import { RULES } from '../config/rules.js';
import { InputError, type Config } from '../config/types.js';
import { ActionError, explainAuthError, type ErrorContext } from '../errors/explain.js';
import { scrubSecrets } from '../errors/scrub.js';
import { createApi } from '../google/api.js';
import { overrideWarning } from '../google/endpoints.js';
import { makeClients } from '../google/clients.js';
import { phase } from '../report/log.js';
import { alertPoliciesOf, resultOf, setOutputs } from '../report/outputs.js';
import { formatPlan, planToJson } from '../report/plan-text.js';
import { changeLine, renderFleetSummary, type FleetDeletionNotes, renderSummary, renderSummaryText, writeSummary } from '../report/summary.js';
import { planChangesAnything, withSchedule } from '../plan/planner.js';
import { plannedWrites, readOnlyRefusal } from '../plan/read-only.js';
import type { Change } from '../plan/types.js';
import { applyDeletions, inParallel } from '../pipeline/delete.js';
import { applyWorkloadRun, planWorkloadRun, readAlerting, readWorkload, startWorkload, type PipelineContext, type WorkloadRun } from '../pipeline/run-pipeline.js';
import { planPrune, readForPrune, type PruneOwner } from './prune.js';
import { readTeardownTriggers } from '../pipeline/teardown.js';
import { schedulerIndex } from '../scheduler/upsert.js';
import { readFleet } from './read-fleet.js';
import { commentOnPullRequest } from '../report/pr-comment.js';
import { AttemptLog } from '../smoke/attempt-log.js';

export interface FleetRun {
  /** The fleet's owner id; absent in the single-workload mode. */
  id?: string;
  configs: Config[];
  prune: boolean;
  maxParallel: number;
}

export async function runFleet(fleet: FleetRun, authenticating: Promise<Credentials>, env: NodeJS.ProcessEnv, deployDeadlineMs: number): Promise<void> {
  const single = fleet.id === undefined;
  const tag = (config: Config, text: string): string => (single ? text : `${config.name}: ${text}`);
  for (const config of fleet.configs) {
    for (const notice of config.notices) core.notice(tag(config, notice));
    for (const warning of config.warnings) core.warning(tag(config, warning));
  }
  const overridden = overrideWarning(env);
  if (overridden) core.warning(overridden);
  // Values never leave the run: main registered every workload's env values and secret references
  // with the one scrubbing function (configureTrace) before anything was sent.
  const first = fleet.configs[0];
  if (!first) {
    // A manifest with no workloads: nothing is deployed, and nothing is ever pruned.
    core.info(`Fleet ${fleet.id}: the manifest has no workloads: nothing to deploy, and nothing is pruned.`);
    core.setOutput('changed', 'false');
    core.setOutput('plan', '[]');
    core.setOutput('results', '[]');
    return;
  }
  const errorContext: Omit<ErrorContext, 'action' | 'resource'> = {
    projectId: first.projectId,
    deployer: first.auth.serviceAccount,
    provider: first.auth.workloadIdentityProvider,
    repository: env.GITHUB_REPOSITORY,
    audience: first.auth.audience,
    readOnly: first.readOnly,
  };
  const authPhase: Record<string, number> = {};
  let runs: WorkloadRun[] = [];
  let deletions: Change[] = [];
  const failures: string[] = [];
  const leftAlone: string[] = [];
  let skipped: string | undefined;
  try {
    const credentials = await phase(
      'auth',
      async () => {
        try {
          const c = await authenticating;
          errorContext.subject = c.subject;
          core.info(`Authenticated as ${c.identity}${c.subject ? ` (GitHub OIDC subject ${c.subject})` : ''}`);
          return c;
        } catch (err) {
          if (err instanceof AuthError) throw explainAuthError(err.stage, err.cause, { ...errorContext, subject: err.subject, action: 'authenticating' }, env);
          throw err;
        }
      },
      { into: authPhase },
    );
    const projectId = first.projectId ?? credentials.adcProjectId;
    if (!projectId) {
      throw new Error("Input 'project_id': no project is known: set project_id, or a service_account whose email names its project.");
    }
    // A project from Application Default Credentials meets the same rule as the input.
    if (!RULES.projectId.pattern.test(projectId)) {
      throw new InputError('project_id', `the project of Application Default Credentials, ${JSON.stringify(projectId)}, is not allowed: ${RULES.projectId.allowed}. Set project_id.`);
    }
    const api = createApi({ ...errorContext, projectId }, Date.now() + deployDeadlineMs, (err, delay) =>
      core.info(scrubSecrets(`Retrying in ${delay}ms: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`)),
    );
    const clients = makeClients(credentials.authClient, env);
    const ctx: PipelineContext = {
      api,
      clients,
      projectId,
      errorContext,
      deployId: `${env.GITHUB_RUN_ID ?? Date.now()}-${env.GITHUB_RUN_ATTEMPT ?? '1'}`,
      // One reader of the attempt log for every workload: Cloud Logging's read quota is per project.
      attemptLog: new AttemptLog(clients, { ...errorContext, projectId }),
    };
    const ctxOf = (config: Config): PipelineContext => (single ? ctx : { ...ctx, label: config.name });
    runs = fleet.configs.map((config) => startWorkload(ctxOf(config), config));
    for (const run of runs) Object.assign(run.phases, authPhase);

    // Read all (and, to prune, what the fleet owns), then plan all. Each Scheduler location is listed once.
    const index = schedulerIndex(api, ctx.clients, projectId);
    const owner: PruneOwner | undefined = fleet.prune && fleet.id !== undefined ? { fleet: fleet.id, repositoryId: first.repositoryId } : undefined;
    const scheduleRegions = [...new Set(fleet.configs.flatMap((c) => [c.schedule, ...(c.moreSchedules ?? [])].flatMap((s) => (s ? [s.region] : []))))];
    const listed = owner ? readForPrune(api, ctx.clients, projectId, owner, [...new Set(fleet.configs.map((c) => c.region))], scheduleRegions, index) : undefined;
    listed?.catch(() => undefined);
    if (single) {
      await Promise.all(runs.map((run) => readWorkload(ctxOf(run.config), run)));
    } else {
      // A fleet reads with list calls: two round trips whatever its size.
      await phase('read', async () => {
        await Promise.all([readFleet(api, ctx.clients, projectId, runs, index), ...runs.map((run) => readAlerting(ctxOf(run.config), run))]);
        const exist = runs.filter((r) => r.current?.workload).length;
        core.info(`Fleet ${fleet.id}: ${runs.length} workload(s) declared, ${exist} exist${runs.some((r) => r.failure) ? `, ${runs.filter((r) => r.failure).length} could not be read` : ''}`);
      });
    }
    // state: absent: a workload's triggers are wherever its owner record says.
    await Promise.all(
      runs
        .filter((r) => r.config.teardown && r.current && !r.failure)
        .map((r) => readTeardownTriggers(index, r).catch((err: unknown) => (r.failure = scrubSecrets(err instanceof Error ? err.message : String(err))))),
    );
    for (const run of runs) {
      // A workload that cannot be planned (e.g. a new one without runtime_service_account) fails alone.
      try {
        planWorkloadRun(ctxOf(run.config), run);
      } catch (err) {
        run.failure = scrubSecrets(err instanceof Error ? err.message : String(err));
      }
    }
    if (listed && owner) {
      const declared = {
        resources: new Set(runs.map((r) => r.names.resource)),
        schedulerJobs: new Set(
          runs.flatMap((r) => [
            ...(r.names.schedulerJob ? [r.names.schedulerJob] : []),
            ...(r.config.moreSchedules ?? []).map((s) => withSchedule(r.config, r.names, s).names.schedulerJob!),
          ]),
        ),
        workloads: runs.map((r) => ({ kind: r.config.kind, name: r.config.name, region: r.config.region, projects: [projectId] })),
      };
      // What prune could not read is a failure of prune alone: the workloads still deploy, nothing is pruned.
      const read = await listed.catch((err: unknown) => void failures.push(scrubSecrets(`prune: ${err instanceof Error ? err.message : String(err)}`)));
      if (read) {
        const pruned = planPrune(owner, [projectId], read, declared);
        deletions = pruned.deletions;
        leftAlone.push(...pruned.notices);
        for (const notice of pruned.notices) core.notice(notice);
        core.info(`Prune plan of fleet ${fleet.id}:\n${deletions.length ? formatPlan(deletions) : 'nothing carries its owner record that the manifest no longer declares.'}`);
      }
    }

    // Apply with at most max_parallel workloads in flight. Deleting comes last, and only after a
    // clean run: a workload that failed (e.g. a renamed one whose create was refused) may be
    // what the deletions would leave without a replacement.
    const removals = [...runs.filter((r) => r.config.teardown && r.report?.plan.length), ...deletions];
    const failedNames = (): string[] => runs.filter((r) => r.failure).map((r) => r.config.name);
    if (!first.dryRun) {
      if (first.readOnly) refuseWrites(runs, deletions, credentials.identity, projectId, single);
      await inParallel(runs.filter((r) => !r.config.teardown), fleet.maxParallel, (run) => applyWorkloadRun(ctxOf(run.config), run));
      const failed = failedNames();
      if (failed.length > 0 && removals.length > 0) {
        skipped = `Prune and state: absent were skipped: ${failed.join(', ')} failed, so nothing was deleted in this run (a failed workload may be the replacement of what would go). Fix the failure and run again.`;
        core.warning(skipped);
        for (const c of [...runs.filter((r) => r.config.teardown).flatMap((r) => r.report?.plan ?? []), ...deletions]) c.status = 'not reached';
        for (const r of runs.filter((x) => x.config.teardown && x.report && !x.failure)) r.report!.error = skipped;
      } else {
        await inParallel(runs.filter((r) => r.config.teardown), fleet.maxParallel, (run) => applyWorkloadRun(ctxOf(run.config), run));
        if (deletions.length > 0) {
          await phase('prune', () =>
            applyDeletions(api, ctx.clients, deletions, fleet.maxParallel, { progress: (c, starting) => core.info(changeLine(c, starting)) }),
          ).catch((err: unknown) => failures.push(scrubSecrets(`prune: ${err instanceof Error ? err.message : String(err)}`)));
        }
      }
    } else {
      const failed = failedNames();
      if (failed.length > 0 && removals.length > 0) {
        skipped = `Prune and state: absent would be skipped: ${failed.join(', ')} failed, and nothing is deleted after a failure in the same run.`;
        core.warning(skipped);
      }
      if (deletions.length > 0) core.info('Dry run: the deletions above were not applied.');
    }
  } catch (err) {
    failures.push(scrubSecrets(err instanceof Error ? err.message : String(err)));
  }
  for (const run of runs) if (run.failure) failures.unshift(single ? run.failure : `${run.config.name}: ${run.failure}`);
  await report(fleet, runs, deletions, failures, env, { skipped, leftAlone });
  if (failures.length === 1) core.setFailed(failures[0]!);
  else if (failures.length > 1) core.setFailed(`${failures.length} failures:\n${failures.map((f) => `- ${f}`).join('\n')}`);
}

/** read_only: a run that would write anything stops here, before its first write. */
function refuseWrites(runs: readonly WorkloadRun[], deletions: readonly Change[], account: string, projectId: string, single: boolean): void {
  const planned = runs.filter((run) => !run.failure && run.report);
  const writes = plannedWrites(
    planned.map((run) => {
      const plan = run.report?.plan ?? [];
      const smoke = run.config.smoke;
      return { label: single ? undefined : run.config.name, plan, smokeTestRuns: !run.config.teardown && smoke.enabled && (!smoke.onlyWhenChanged || planChangesAnything(plan)) };
    }),
    deletions,
  );
  if (writes.length === 0) return;
  const refusal = readOnlyRefusal(account, projectId, writes);
  // The summary of each workload says why nothing was applied.
  for (const run of planned) run.report!.error = refusal;
  throw new ActionError(refusal);
}

async function report(fleet: FleetRun, runs: readonly WorkloadRun[], deletions: readonly Change[], failures: readonly string[], env: NodeJS.ProcessEnv, notes: FleetDeletionNotes): Promise<void> {
  core.setOutput('deletions_skipped', notes.skipped ?? '');
  const results = fleet.configs.map((config, i) => resultOf(config.name, config.kind, runs[i]?.report));
  const single = fleet.id === undefined ? runs[0] : undefined;
  if (fleet.id === undefined) {
    const config = fleet.configs[0]!;
    const report = single?.report;
    if (report) {
      setOutputs(report);
      core.setOutput('results', JSON.stringify(results));
      // Without a summary file (run by hand, outside GitHub Actions) the summary goes to the log.
      const summary = renderSummary(report);
      if (!(await writeSummary(summary))) core.info(renderSummaryText(report));
      await commentOnPullRequest(config, { project: report.projectId, region: config.region, kind: config.kind, name: config.name }, summary, env, core);
      return;
    }
    // Stopped before anything was read (auth, the project, the Scheduler region): no plan.
    core.setOutput('kind', config.kind);
    core.setOutput('changed', 'false');
    core.setOutput('execution_status', 'skipped');
    core.setOutput('results', JSON.stringify(results));
    const message = failures[0] ?? 'unknown error';
    await writeSummary(`## ❌ cloud-run-cron: ${config.kind} ${config.name} was not deployed\n\nNothing was written.\n\n\`\`\`\n${message}\n\`\`\`\n`).catch(() => undefined);
    return;
  }
  const plan = [...runs.flatMap((r) => r.report?.plan ?? []), ...deletions];
  core.setOutput('changed', String(runs.some((r) => r.report?.changed) || deletions.some((c) => c.written)));
  core.setOutput('plan', planToJson(plan));
  core.setOutput('results', JSON.stringify(results));
  core.setOutput('alert_policies', JSON.stringify(runs.flatMap((r) => alertPoliciesOf(r.report))));
  const entries = fleet.configs.map((config, i) => ({ name: config.name, kind: config.kind, report: runs[i]?.report, failure: runs[i]?.failure ?? (runs[i] ? undefined : failures[0]) }));
  const { markdown, text } = renderFleetSummary(fleet.id, fleet.configs[0]?.dryRun ?? false, entries, deletions, new Date(), notes);
  if (!(await writeSummary(markdown))) core.info(text);
  const first = fleet.configs[0];
  if (first) await commentOnPullRequest(first, { fleet: fleet.id }, markdown, env, core);
}
