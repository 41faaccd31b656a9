// state: absent in the pipeline: after the read, plan the deletions and refuse what this
// action did not make (unless force); in a run that applies, delete through the shared delete
// plumbing (src/pipeline/delete.ts: Scheduler jobs first, each deletion waited for).
import * as core from '../report/runner.js';
import type { CurrentState } from '../plan/planner.js';
import { planTeardown } from '../plan/teardown.js';
import { formatPlan } from '../report/plan-text.js';
import { changeLine } from '../report/summary.js';
import type { RunReport } from '../report/types.js';
import { fromLabels } from '../ownership/record.js';
import type { SchedulerIndex } from '../scheduler/upsert.js';
import { applyDeletions } from './delete.js';
import { policyDeletions } from '../alerts/alerting.js';
import { hereOf } from '../ownership/classify.js';
import { planDeletions, type DeletableType } from '../plan/delete.js';
import { startReport, type PipelineContext, type WorkloadRun } from './run-pipeline.js';

/**
 * Lists the Scheduler jobs where the workload's triggers may be: every region its owner record
 * names (one marked before the record, or unmarked: every region where Scheduler is offered),
 * and the region of scheduler_job. Each location is listed once per run, in parallel.
 */
export async function readTeardownTriggers(index: SchedulerIndex, run: WorkloadRun): Promise<void> {
  const { config, current } = run;
  if (!config.teardown || !current) return;
  const named = config.teardown.schedulerRegion ? [config.teardown.schedulerRegion] : [];
  const found = current.workload ? fromLabels(current.workload.labels as Record<string, string> | undefined) : undefined;
  const regions = !found ? named : found.kind === 'record' && found.record.schedulerRegions ? [...named, ...found.record.schedulerRegions] : undefined;
  current.triggers = await index.jobsIn(regions);
}

/** Plans the teardown and starts the workload's report; a refusal is the workload's failure. */
export function planTeardownRun(ctx: PipelineContext, run: WorkloadRun, current: CurrentState): void {
  const { config, names } = run;
  const torn = planTeardown(config, names, current);
  // The workload's alert policies (exact owner record) go after its triggers, before it.
  const policies = policyDeletions(run.teardownPolicies, hereOf(config), 'state: absent (after its triggers: nothing may watch a workload that is gone)');
  if (policies.length) torn.plan = planDeletions([...torn.plan.map((c) => ({ type: c.type as DeletableType, resource: c.resource, reason: c.reason ?? '' })), ...policies]);
  if (run.teardownPolicies === undefined) core.info('state: absent: the alert policies were not checked: the deployer may not list them (monitoring.alertPolicies.list).');
  core.info(`Plan${ctx.label ? ` of ${ctx.label}` : ''}:\n${formatPlan(torn.plan)}`);
  run.report = startReport(ctx, run, torn.plan, [], 'state: absent: nothing is deployed, so there is nothing to smoke-test.');
  if (torn.refused.length > 0) {
    run.failure = run.report.error =
      `state: absent refused: ${torn.refused.join('; ')}. Nothing was deleted. ` +
      'Check the names (name, kind, region, scheduler_job, scheduler_region); force: true deletes a workload that has no owner record (docs/ownership.md).';
  } else if (config.dryRun || torn.plan.length === 0) {
    core.info(torn.plan.length === 0 ? 'state: absent: nothing is left to remove.' : 'Dry run: the plan above was not applied.');
  }
}

/** Deletes what the teardown plan names. */
export async function applyTeardown(ctx: PipelineContext, report: RunReport, phase: <T>(name: string, fn: () => Promise<T>) => Promise<T>): Promise<void> {
  if (report.plan.length === 0) return;
  await phase('delete', () =>
    applyDeletions(ctx.api, ctx.clients, report.plan, 1, {
      progress: (change, starting) => core.info(changeLine(change, starting)),
      wrote: () => (report.changed = true),
    }),
  );
}
