// Everything the planner compares against, read in one parallel round trip: the job or
// service, the same name as the other kind, its IAM policy, the Scheduler job, and where
// Cloud Scheduler is offered.
import type { Config } from '../config/types.js';
import { isNotFound } from '../errors/api-error.js';
import type { Api } from '../google/api.js';
import type { GoogleClients } from '../google/clients.js';
import { readPolicy } from '../iam/binding.js';
import type { CurrentState, Names } from '../plan/planner.js';
import { readWorkload } from '../run/deploy.js';
import { readSchedulerJob, schedulerRegions } from '../scheduler/upsert.js';
import { otherKindName } from './names.js';

export async function readCurrentState(api: Api, clients: GoogleClients, config: Config, names: Names): Promise<CurrentState> {
  const other = config.kind === 'job' ? 'service' : 'job';
  const [workload, otherKind, policy, schedulerJob, regions] = await Promise.all([
    readWorkload(api, clients, config.kind, names.resource),
    readWorkload(api, clients, other, otherKindName(config, names.projectId)),
    // The policy read fails with NOT_FOUND when the workload does not exist yet.
    readPolicy(api, clients, config.kind, names.resource).catch((err: unknown) => {
      if (isNotFound(err)) return undefined;
      throw err;
    }),
    names.schedulerJob ? readSchedulerJob(api, clients, names.schedulerJob) : undefined,
    config.schedule ? schedulerRegions(api, clients, names.projectId) : undefined,
  ]);
  if (config.schedule && regions && !regions.includes(config.schedule.region)) {
    throw new Error(
      `Input 'scheduler_region': Cloud Scheduler is not offered in ${config.schedule.region}. ` +
        `It is offered in: ${regions.join(', ')}. Set scheduler_region to one of them (the Cloud Run ${config.kind} may stay in ${config.region}).`,
    );
  }
  return { workload, otherKind, policy: workload ? policy : undefined, schedulerJob };
}
