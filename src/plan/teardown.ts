// state: absent: the plan that removes the target, in the safe order (src/plan/delete.ts puts the
// Scheduler job before the workload it triggers; the workload's IAM policy goes with it). What
// does not exist is not planned, so a second teardown plans nothing. A workload without the
// label managed-by=cloud-run-cron, or a Scheduler job whose description does not name
// cloud-run-cron, was not made by this action: it is refused unless force. Pure.
import type { Config } from '../config/types.js';
import { planDeletions, type Deletion } from './delete.js';
import type { CurrentState, Names } from './planner.js';
import type { Change } from './types.js';

export const MANAGED_BY = 'cloud-run-cron';

export interface TeardownPlan {
  plan: Change[];
  /** Why resources that would be deleted are refused (empty: none; always empty with force). */
  refused: string[];
}

export function planTeardown(config: Config, names: Names, current: CurrentState): TeardownPlan {
  const force = config.teardown?.force ?? false;
  const kindLabel = config.kind === 'job' ? 'Cloud Run job' : 'Cloud Run service';
  const deletions: Deletion[] = [];
  const refused: string[] = [];
  if (names.schedulerJob && current.schedulerJob) {
    const id = names.schedulerJob.split('/').pop();
    if (!force && !(current.schedulerJob.description ?? '').includes(MANAGED_BY)) {
      refused.push(`the Scheduler job ${id} does not name ${MANAGED_BY} in its description`);
    }
    deletions.push({ type: 'scheduler-job', resource: names.schedulerJob, reason: 'state: absent (first: nothing may trigger a workload that is gone)' });
  }
  if (current.workload) {
    const labels = (current.workload.labels ?? {}) as Record<string, string>;
    if (!force && labels['managed-by'] !== MANAGED_BY) {
      refused.push(`the ${kindLabel} ${config.name} does not carry the label managed-by=${MANAGED_BY}`);
    }
    deletions.push({ type: config.kind === 'job' ? 'run-job' : 'run-service', resource: names.resource, reason: 'state: absent (its IAM policy goes with it)' });
  }
  return { plan: planDeletions(deletions), refused };
}
