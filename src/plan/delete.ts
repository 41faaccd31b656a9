// Deletions in a plan: `- delete` entries, made by whoever decides something must go (fleet
// prune, a teardown). Pure. Scheduler jobs are ordered before the workloads they trigger, so
// no trigger is left firing at a workload that is already gone.
import type { Change, ResourceType } from './types.js';

export type DeletableType = Extract<ResourceType, 'scheduler-job' | 'alert-policy' | 'run-job' | 'run-service'>;

export interface Deletion {
  type: DeletableType;
  /** Full resource name. */
  resource: string;
  /** Why it goes (shown in the plan). */
  reason: string;
}

/** `- delete` changes for `deletions`: Scheduler jobs first, then alert policies, then jobs and services, each group by name. */
export function planDeletions(deletions: readonly Deletion[]): Change[] {
  // Triggers, then the alert policies that watch the workload, then the workload.
  const rank = (d: Deletion): number => (d.type === 'scheduler-job' ? 0 : d.type === 'alert-policy' ? 1 : 2);
  return [...deletions]
    .sort((a, b) => rank(a) - rank(b) || a.resource.localeCompare(b.resource))
    .map((d) => ({ type: d.type, resource: d.resource, action: 'delete', fields: [], reason: d.reason }));
}
