// state: absent after the read: plan the deletions, refuse what this action did not make
// (unless force), print the plan, and in a run that applies delete through the shared delete
// plumbing (src/pipeline/delete.ts: Scheduler jobs first, each deletion waited for).
import * as core from '@actions/core';
import type { Config } from '../config/types.js';
import { ActionError } from '../errors/explain.js';
import type { Api } from '../google/api.js';
import type { GoogleClients } from '../google/clients.js';
import type { CurrentState, Names } from '../plan/planner.js';
import { planTeardown } from '../plan/teardown.js';
import { formatPlan } from '../report/plan-text.js';
import { changeLine } from '../report/summary.js';
import type { RunReport } from '../report/types.js';
import { applyDeletions } from './delete.js';

export async function teardown(
  config: Config,
  projectId: string,
  names: Names,
  current: CurrentState,
  ctx: { api: Api; clients: GoogleClients; phase<T>(name: string, fn: () => Promise<T>): Promise<T> },
  /** Receives the report before anything can fail, so outputs and summary are written whatever happens. */
  onReport: (report: RunReport) => void,
): Promise<void> {
  const torn = planTeardown(config, names, current);
  core.info(`Plan:\n${formatPlan(torn.plan)}`);
  const report: RunReport = {
    config,
    projectId,
    dryRun: config.dryRun,
    resource: names.resource,
    schedulerJob: names.schedulerJob,
    warnings: [...config.warnings],
    phases: {},
    plan: torn.plan,
    changed: false,
    smoke: { status: 'skipped', message: 'state: absent: nothing is deployed, so there is nothing to smoke-test.' },
  };
  onReport(report);
  if (torn.refused.length > 0) {
    throw new ActionError(
      `state: absent refused: ${torn.refused.join('; ')}, so it was not made by cloud-run-cron. Nothing was deleted. ` +
        'Check the names (name, kind, region, scheduler_job, scheduler_region), or set force: true to delete it anyway.',
    );
  }
  if (config.dryRun || torn.plan.length === 0) {
    core.info(torn.plan.length === 0 ? 'state: absent: nothing is left to remove.' : 'Dry run: the plan above was not applied.');
    return;
  }
  await ctx.phase('delete', () =>
    applyDeletions(ctx.api, ctx.clients, torn.plan, 1, {
      progress: (change, starting) => core.info(changeLine(change, starting)),
      wrote: () => (report.changed = true),
    }),
  );
}
