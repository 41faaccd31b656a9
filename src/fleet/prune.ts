// Prune: what carries this fleet's owner record (this fleet, this repository, its own workload
// name: src/ownership) and is no longer declared goes; so do its triggers, found in every
// region its record names, and only those whose target is that workload. Anything else that
// looks related (another repository's fleet of the same name, a mark from before the owner
// record, a trigger someone else made) is left alone with a notice. A workload with a trigger
// that is not this fleet's to delete is left too: nothing may fire at a workload that is gone.
// Reading is list calls (all pages), each location once; planning is pure.
import { listPoliciesForDeletion, policyDeletions } from '../alerts/alerting.js';
import { policyWorkload } from '../alerts/owner.js';
import type { AlertPolicy } from '../alerts/plan.js';
import type { Api } from '../google/api.js';
import type { GoogleClients } from '../google/clients.js';
import { classify, mayDelete } from '../ownership/classify.js';
import { fromDescription, fromLabels } from '../ownership/record.js';
import { targetsWorkload, urlsOf, type TargetedWorkload } from '../ownership/targets.js';
import { planDeletions, type Deletion } from '../plan/delete.js';
import type { Change } from '../plan/types.js';
import type { RunResource } from '../run/workload.js';
import type { SchedulerJob } from '../scheduler/scheduler-job.js';
import type { SchedulerIndex } from '../scheduler/upsert.js';

/** The run asking: the fleet's id and its repository. */
export interface PruneOwner {
  fleet: string;
  repositoryId?: string;
}

export interface ListedWorkload {
  type: 'run-job' | 'run-service';
  /** Full resource name. */
  resource: string;
  labels: Record<string, string>;
  urls: string[];
}

/** What prune looks at: every Cloud Run job and service of the regions, and the Scheduler jobs where their triggers may be. */
export interface Listed {
  workloads: ListedWorkload[];
  schedulerJobs: SchedulerJob[];
  /** The project's alert policies (undefined: the deployer may not list them). */
  alertPolicies?: AlertPolicy[];
}

export interface Declared {
  resources: ReadonlySet<string>;
  schedulerJobs: ReadonlySet<string>;
  /** The declared workloads as triggers target them. */
  workloads: TargetedWorkload[];
}

export interface PrunePlan {
  deletions: Change[];
  /** What was left alone, and why. */
  notices: string[];
}

const shortName = (resource: string): string => resource.split('/').pop()!;
const regionOf = (resource: string): string => resource.split('/')[3]!;

/** Lists the Cloud Run jobs and services of `regions`, then the Scheduler jobs of every region this fleet's workloads record (and `schedulerRegions`). */
export async function readForPrune(
  api: Api,
  clients: GoogleClients,
  projectId: string,
  owner: PruneOwner,
  regions: readonly string[],
  schedulerRegions: readonly string[],
  index: SchedulerIndex,
): Promise<Listed> {
  const lists = await Promise.all(
    regions.flatMap((region) =>
      (['jobs', 'services'] as const).map(async (collection) => {
        const parent = `projects/${projectId}/locations/${region}`;
        const items = await api.call(`listing the Cloud Run ${collection}`, parent, () => clients.run.list<RunResource>(parent, collection));
        return items.flatMap((r): ListedWorkload[] =>
          r.name ? [{ type: collection === 'jobs' ? 'run-job' : 'run-service', resource: r.name, labels: (r.labels ?? {}) as Record<string, string>, urls: urlsOf(r as { uri?: string }) }] : [],
        );
      }),
    ),
  );
  const workloads = lists.flat();
  // Where this fleet's triggers may be: the regions its workloads record (a record without them: everywhere offered).
  let everywhere = false;
  const recorded = new Set(schedulerRegions);
  for (const w of owned(owner, workloads)) {
    const found = fromLabels(w.labels);
    const where = found.kind === 'record' ? found.record.schedulerRegions : undefined;
    if (where === undefined) everywhere = true;
    else where.forEach((r) => recorded.add(r));
  }
  const [schedulerJobs, alertPolicies] = await Promise.all([index.jobsIn(everywhere ? undefined : [...recorded]), listPoliciesForDeletion(api, clients, projectId)]);
  return { workloads, schedulerJobs, alertPolicies };
}

function owned(owner: PruneOwner, workloads: readonly ListedWorkload[]): ListedWorkload[] {
  return workloads.filter((w) => classify(fromLabels(w.labels), { ...owner, workload: shortName(w.resource) }).ownership === 'ours');
}

function targetOf(w: ListedWorkload, projects: string[]): TargetedWorkload {
  return { kind: w.type === 'run-job' ? 'job' : 'service', name: shortName(w.resource), region: regionOf(w.resource), projects, urls: w.urls };
}

/** The deletions of prune, and notices for what was left alone. Pure. */
export function planPrune(owner: PruneOwner, projects: string[], listed: Listed, declared: Declared): PrunePlan {
  const notices: string[] = [];
  const kindOf = (type: string): string => (type === 'run-job' ? 'Cloud Run job' : 'Cloud Run service');
  const mine = owned(owner, listed.workloads);
  for (const w of listed.workloads) {
    if (mine.includes(w) || declared.resources.has(w.resource)) continue;
    const found = fromLabels(w.labels);
    const fleet = found.kind === 'record' ? found.record.fleet : found.kind === 'legacy' ? found.fleet : undefined;
    if (fleet !== owner.fleet) continue;
    const c = classify(found, { ...owner, workload: shortName(w.resource) });
    notices.push(`Prune left the ${kindOf(w.type)} ${shortName(w.resource)} alone: it carries the fleet id ${owner.fleet}, but its owner record is ${c.owner} (${c.ownership}), not this repository's fleet.`);
  }
  const undeclared = mine.filter((w) => !declared.resources.has(w.resource));
  const targets = [...declared.workloads.map((t) => ({ t, undeclared: undefined as ListedWorkload | undefined })), ...undeclared.map((w) => ({ t: targetOf(w, projects), undeclared: w }))];
  // Declared workloads' URLs come from the listing (a service's trigger is its URL).
  for (const x of targets) {
    if (x.undeclared || x.t.kind !== 'service') continue;
    const live = listed.workloads.find((w) => w.type === 'run-service' && shortName(w.resource) === x.t.name && regionOf(w.resource) === x.t.region);
    if (live) x.t = { ...x.t, urls: live.urls };
  }
  const reason = `carries the owner record of fleet ${owner.fleet} (this repository) and is no longer in the manifest`;
  const deletions: Deletion[] = [];
  const blocked = new Map<string, string>();
  for (const job of listed.schedulerJobs) {
    if (!job.name) continue;
    const hit = targets.find((x) => targetsWorkload(job, x.t));
    const found = fromDescription(job.description);
    if (!hit) {
      const c = classify(found, { ...owner, workload: found.kind === 'record' ? found.record.workload : '' });
      if (c.ownership === 'ours' && !declared.schedulerJobs.has(job.name)) {
        notices.push(`Prune left the Scheduler job ${shortName(job.name)} alone: it carries this fleet's record, but its target (${job.httpTarget?.uri ?? 'none'}) is not a workload of the fleet.`);
      }
      continue;
    }
    const c = classify(found, { ...owner, workload: hit.t.name });
    if (mayDelete(c, true)) {
      if (!declared.schedulerJobs.has(job.name)) deletions.push({ type: 'scheduler-job', resource: job.name, reason: `triggers ${hit.t.name}, ${reason}` });
    } else if (hit.undeclared) {
      blocked.set(hit.undeclared.resource, `the Scheduler job ${job.name} (${c.owner}) still triggers it, and is not this fleet's to delete`);
    }
  }
  for (const w of undeclared) {
    const why = blocked.get(w.resource);
    if (why) notices.push(`Prune left the ${kindOf(w.type)} ${shortName(w.resource)} alone: ${why}. Delete that trigger, then run prune again.`);
    else deletions.push({ type: w.type, resource: w.resource, reason });
  }
  // The alert policies of every workload no longer declared (exact owner record), unless the workload stays.
  const declaredNames = new Set(declared.workloads.map((t) => t.name));
  const kept = new Set(undeclared.filter((w) => blocked.has(w.resource)).map((w) => shortName(w.resource)));
  for (const policy of listed.alertPolicies ?? []) {
    const workload = policyWorkload(policy);
    if (workload === undefined || declaredNames.has(workload) || kept.has(workload)) continue;
    deletions.push(...policyDeletions([policy], { ...owner, workload }, `watches ${workload}, ${reason}`));
  }
  return { deletions: planDeletions(deletions), notices };
}
