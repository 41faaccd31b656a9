// Everything the planner compares against, read in one parallel round trip: the job or
// service, the same name as the other kind, its IAM policy, the Scheduler job, and where
// Cloud Scheduler is offered.
import type { Config } from '../config/types.js';
import type { Api } from '../google/api.js';
import type { GoogleClients } from '../google/clients.js';
import { readPolicy } from '../iam/binding.js';
import type { CurrentState, IamPolicy, Names } from '../plan/planner.js';
import { readWorkload } from '../run/deploy.js';
import type { SchedulerJob } from '../scheduler/scheduler-job.js';
import { readSchedulerJob, schedulerRegions } from '../scheduler/upsert.js';
import { otherKindName } from './names.js';

type Settled<T> = { value: T } | { error: unknown };
const settle = <T>(p: Promise<T>): Promise<Settled<T>> => p.then((value) => ({ value }), (error: unknown) => ({ error }));
const valueOf = <T>(s: Settled<T>): T => {
  if ('error' in s) throw s.error;
  return s.value;
};

/** The error for a Scheduler region where Cloud Scheduler is not offered (`offered`: where it is). */
export function schedulerNotOffered(config: Config, region: string, offered: readonly string[]): Error {
  return new Error(
    `Input 'scheduler_region': Cloud Scheduler is not offered in ${region}. ` +
      `It is offered in: ${offered.join(', ')}. Set scheduler_region to one of them (the Cloud Run ${config.kind} may stay in ${config.region}).`,
  );
}

export async function readCurrentState(api: Api, clients: GoogleClients, config: Config, names: Names): Promise<CurrentState> {
  const other = config.kind === 'job' ? 'service' : 'job';
  // The policy and Scheduler reads are settled, not raced: what they mean depends on the others
  // (a policy read of a workload that does not exist may fail with 404 or 403; a Scheduler job
  // read in a location where Scheduler is not offered fails with 400, 403 or 404).
  const more = (config.moreSchedules ?? []).map((s) => `projects/${names.projectId}/locations/${s.region}/jobs/${s.jobId}`);
  const [workload, otherKind, policy, schedulerJob, regions, ...moreSchedulerJobs] = await Promise.all([
    readWorkload(api, clients, config.kind, names.resource),
    readWorkload(api, clients, other, otherKindName(config, names.projectId)),
    settle<IamPolicy | undefined>(readPolicy(api, clients, config.kind, names.resource)),
    settle<SchedulerJob | undefined>(names.schedulerJob ? readSchedulerJob(api, clients, names.schedulerJob) : Promise.resolve(undefined)),
    config.schedule ? schedulerRegions(api, clients, names.projectId) : undefined,
    ...more.map((name) => readSchedulerJob(api, clients, name)),
  ]);
  if (config.schedule && regions && !regions.includes(config.schedule.region)) throw schedulerNotOffered(config, config.schedule.region, regions);
  // The workload read says it is absent: whatever its policy read answered does not matter.
  return {
    workload,
    otherKind,
    policy: workload ? valueOf(policy) : undefined,
    schedulerJob: valueOf(schedulerJob),
    ...(more.length ? { moreSchedulerJobs: moreSchedulerJobs as (SchedulerJob | undefined)[] } : {}),
  };
}
