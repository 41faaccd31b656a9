// The read-only planner (read_only: true): the identity that pull requests and drift checks
// impersonate may only read. A run with it that would write is refused after the plan and
// before the first write, so nothing is half-applied and no error suggests widening the planner.
import type { Change } from './types.js';

/** One workload as planned: its changes, and whether its smoke test would run the trigger. */
export interface PlannedWorkload {
  label?: string;
  plan: readonly Change[];
  smokeTestRuns: boolean;
}

/** Everything the run would write, one line each: changes, deletions, and smoke tests (each runs the trigger). */
export function plannedWrites(workloads: readonly PlannedWorkload[], deletions: readonly Change[]): string[] {
  const line = (c: Change, label?: string): string => `${label ? `${label}: ` : ''}${c.action} ${c.type} ${c.resource}`;
  return [
    ...workloads.flatMap((w) => [
      ...w.plan.filter((c) => c.action !== 'unchanged').map((c) => line(c, w.label)),
      ...(w.smokeTestRuns ? [`${w.label ? `${w.label}: ` : ''}the smoke test (it runs the trigger once)`] : []),
    ]),
    ...deletions.map((c) => line(c, 'prune')),
  ];
}

/** The refusal, naming the planner account and the deployer that applies. */
export function readOnlyRefusal(account: string, projectId: string, writes: readonly string[]): string {
  return [
    `Refused before any write: ${account} is the read-only planner (read_only: true), and this run would write:`,
    ...writes.map((w) => `- ${w}`),
    'Nothing was written. Plans and drift checks run as the planner with dry_run: true; writes belong to the deployer ' +
      `(cloud-run-cron-deployer@${projectId}.iam.gserviceaccount.com in docs/identities.md's setup), which only the deploying ` +
      "environment may impersonate: apply from a job with that environment, service_account set to the deployer and read_only unset.",
  ].join('\n');
}
