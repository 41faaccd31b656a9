// state: absent in the pipeline: after the read, plan the deletions and refuse what this
// action did not make (unless force); in a run that applies, delete through the shared delete
// plumbing (src/pipeline/delete.ts: Scheduler jobs first, each deletion waited for).
import * as core from '../report/runner.js';
import type { CurrentState } from '../plan/planner.js';
import { planTeardown } from '../plan/teardown.js';
import { formatPlan } from '../report/plan-text.js';
import { changeLine } from '../report/summary.js';
import type { RunReport } from '../report/types.js';
import { applyDeletions } from './delete.js';
import { startReport, type PipelineContext, type WorkloadRun } from './run-pipeline.js';

/** Plans the teardown and starts the workload's report; a refusal is the workload's failure. */
export function planTeardownRun(ctx: PipelineContext, run: WorkloadRun, current: CurrentState): void {
  const { config, names } = run;
  const torn = planTeardown(config, names, current);
  core.info(`Plan${ctx.label ? ` of ${ctx.label}` : ''}:\n${formatPlan(torn.plan)}`);
  run.report = startReport(ctx, run, torn.plan, [], 'state: absent: nothing is deployed, so there is nothing to smoke-test.');
  if (torn.refused.length > 0) {
    run.failure = run.report.error =
      `state: absent refused: ${torn.refused.join('; ')}, so it was not made by cloud-run-cron. Nothing was deleted. ` +
      'Check the names (name, kind, region, scheduler_job, scheduler_region), or set force: true to delete it anyway.';
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
