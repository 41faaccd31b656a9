// state: absent: the plan that removes the target, in the safe order (src/plan/delete.ts puts the
// Scheduler jobs before the workload they trigger; the workload's IAM policy goes with it). What
// does not exist is not planned, so a second teardown plans nothing. Ownership is an exact
// match of the owner record (src/ownership): the workload must be this run's (its fleet, or
// single mode; its repository; its name), or marked by it before the record existed; an
// unmarked one goes only with force. Its triggers are every Scheduler job, in every region
// its record names, whose target is this workload; a Scheduler job named by scheduler_job that
// fires at another workload, or a trigger of another owner, refuses the whole teardown. Pure.
import type { Config } from '../config/types.js';
import { classify, hereOf, mayDelete } from '../ownership/classify.js';
import { fromDescription, fromLabels } from '../ownership/record.js';
import { targetsWorkload, urlsOf } from '../ownership/targets.js';
import type { SchedulerJob } from '../scheduler/scheduler-job.js';
import { planDeletions, type Deletion } from './delete.js';
import type { CurrentState, Names } from './planner.js';
import type { Change } from './types.js';

export interface TeardownPlan {
  plan: Change[];
  /** Why resources that would be deleted are refused (empty: none). */
  refused: string[];
}

export function planTeardown(config: Config, names: Names, current: CurrentState): TeardownPlan {
  const force = config.teardown?.force ?? false;
  const here = hereOf(config);
  const kindLabel = config.kind === 'job' ? 'Cloud Run job' : 'Cloud Run service';
  const deletions: Deletion[] = [];
  const refused: string[] = [];
  const target = { kind: config.kind, name: config.name, region: config.region, projects: [names.projectId], urls: urlsOf(current.workload as { uri?: string }) };
  // The triggers as listed (every region the workload records), with the one named by scheduler_job.
  const jobs = new Map<string, SchedulerJob>();
  for (const j of [...(current.triggers ?? []), ...(current.schedulerJob ? [current.schedulerJob] : [])]) if (j.name) jobs.set(j.name, j);
  for (const [name, job] of [...jobs].sort(([a], [b]) => a.localeCompare(b))) {
    const id = name.split('/').pop();
    const named = name === names.schedulerJob;
    if (!targetsWorkload(job, target)) {
      if (named) refused.push(`the Scheduler job ${id} triggers ${job.httpTarget?.uri ?? 'nothing'}, not the ${kindLabel} ${config.name}: it is another workload's trigger`);
      continue;
    }
    const c = classify(fromDescription(job.description), here);
    if (mayDelete(c, true) || (force && c.ownership === 'unmarked')) {
      deletions.push({ type: 'scheduler-job', resource: name, reason: 'state: absent (first: nothing may trigger a workload that is gone)' });
    } else {
      refused.push(c.ownership === 'unmarked' ? `the Scheduler job ${id} triggers ${config.name} and has ${c.owner}` : `the Scheduler job ${id} triggers ${config.name} but belongs to ${c.owner} (${c.ownership}), which force: true does not override`);
    }
  }
  if (current.workload) {
    const c = classify(fromLabels(current.workload.labels as Record<string, string> | undefined), here);
    if (c.ownership === 'unmarked' && !force) {
      refused.push(`the ${kindLabel} ${config.name} has ${c.owner}`);
    } else if (c.ownership !== 'unmarked' && !mayDelete(c, true)) {
      refused.push(`the ${kindLabel} ${config.name} belongs to ${c.owner} (${c.ownership}), not to this run's ${here.fleet ? `fleet ${here.fleet}` : 'single mode'} of repository ${here.repositoryId ?? '(none)'}; force: true does not override that`);
    }
    deletions.push({ type: config.kind === 'job' ? 'run-job' : 'run-service', resource: names.resource, reason: 'state: absent (its IAM policy goes with it)' });
  }
  return { plan: planDeletions(deletions), refused };
}
