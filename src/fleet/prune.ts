// Prune: what carries this fleet's marks and is no longer declared goes. The marks are the
// labels managed-by=cloud-run-cron and cloud-run-cron-fleet=FLEET on Cloud Run jobs and
// services, and the description prefix "cloud-run-cron fleet=FLEET workload=" on Cloud
// Scheduler jobs (they have no labels). Nothing without them is ever deleted, whatever its
// name. Reading is list calls per region (all pages); planning is pure.
import type { Api } from '../google/api.js';
import type { GoogleClients } from '../google/clients.js';
import { planDeletions, type Deletion } from '../plan/delete.js';
import type { Change } from '../plan/types.js';
import type { RunResource } from '../run/workload.js';
import { fleetMarker, type SchedulerJob } from '../scheduler/scheduler-job.js';
import { listSchedulerJobs, schedulerRegions } from '../scheduler/upsert.js';

/** The label every workload of a fleet carries, with the fleet's id as its value. */
export const FLEET_LABEL = 'cloud-run-cron-fleet';

export interface Owned {
  workloads: { type: 'run-job' | 'run-service'; resource: string }[];
  schedulerJobs: string[];
}

export function ownsWorkload(fleet: string, labels: Record<string, string> | null | undefined): boolean {
  return labels?.['managed-by'] === 'cloud-run-cron' && labels[FLEET_LABEL] === fleet;
}

export function ownsSchedulerJob(fleet: string, description: string | null | undefined): boolean {
  // The marker ends with "workload=": the fleet id is followed by a space, so fleet=a never matches fleet=ab.
  return (description ?? '').startsWith(fleetMarker(fleet, ''));
}

/** What carries the fleet's marks, in `regions` (Cloud Run) and wherever of them Cloud Scheduler is offered. */
export async function readOwned(api: Api, clients: GoogleClients, projectId: string, fleet: string, regions: readonly string[]): Promise<Owned> {
  const offered = new Set(await schedulerRegions(api, clients, projectId));
  const lists = await Promise.all([
    ...regions.flatMap((region) =>
      (['jobs', 'services'] as const).map(async (collection) => {
        const parent = `projects/${projectId}/locations/${region}`;
        const items = await api.call(`listing the Cloud Run ${collection}`, parent, () => clients.run.list<RunResource>(parent, collection));
        return items
          .filter((r) => ownsWorkload(fleet, r.labels as Record<string, string> | undefined) && r.name)
          .map((r) => ({ type: collection === 'jobs' ? ('run-job' as const) : ('run-service' as const), resource: r.name! }));
      }),
    ),
  ]);
  const scheduler = await Promise.all(
    regions.filter((r) => offered.has(r)).map(async (region) => {
      const jobs = await listSchedulerJobs(api, clients, `projects/${projectId}/locations/${region}`);
      return jobs.filter((j: SchedulerJob) => ownsSchedulerJob(fleet, j.description) && j.name).map((j) => j.name!);
    }),
  );
  return { workloads: lists.flat(), schedulerJobs: scheduler.flat() };
}

/** `- delete` changes for what is owned and not declared (full resource names). Pure. */
export function planPrune(fleet: string, owned: Owned, declared: { resources: ReadonlySet<string>; schedulerJobs: ReadonlySet<string> }): Change[] {
  const reason = `carries the marks of fleet ${fleet} and is no longer in the manifest`;
  const deletions: Deletion[] = [
    ...owned.schedulerJobs.filter((n) => !declared.schedulerJobs.has(n)).map((resource): Deletion => ({ type: 'scheduler-job', resource, reason })),
    ...owned.workloads.filter((w) => !declared.resources.has(w.resource)).map((w): Deletion => ({ type: w.type, resource: w.resource, reason })),
  ];
  return planDeletions(deletions);
}
