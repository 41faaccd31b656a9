// Deletions in a plan: `- delete` entries, made by whoever decides something must go (fleet
// prune, a teardown). Pure. Scheduler jobs are ordered before the workloads they trigger, so
// no trigger is left firing at a workload that is already gone.
import type { Change, ResourceType } from './types.js';

export type DeletableType = Extract<ResourceType, 'scheduler-job' | 'run-job' | 'run-service'>;

export interface Deletion {
  type: DeletableType;
  /** Full resource name. */
  resource: string;
  /** Why it goes (shown in the plan). */
  reason: string;
}

/** `- delete` changes for `deletions`: Scheduler jobs first, then jobs and services, each group by name. */
export function planDeletions(deletions: readonly Deletion[]): Change[] {
  const rank = (d: Deletion): number => (d.type === 'scheduler-job' ? 0 : 1);
  return [...deletions]
    .sort((a, b) => rank(a) - rank(b) || a.resource.localeCompare(b.resource))
    .map((d) => ({ type: d.type, resource: d.resource, action: 'delete', fields: [], reason: d.reason }));
}
