// Reads and writes the Cloud Scheduler job: create, or PATCH with an updateMask of exactly
// the changed fields; pause/resume are their own calls (state is output-only).
import { isConflict, readApiError, unlessNotFound } from '../errors/api-error.js';
import { ActionError } from '../errors/explain.js';
import { enumName } from '../google/values.js';
import type { Api } from '../google/api.js';
import type { GoogleClients } from '../google/clients.js';
import type { SchedulerStep } from '../plan/planner.js';
import { SCHEDULER_STATES, type SchedulerJob } from './scheduler-job.js';

export async function readSchedulerJob(api: Api, clients: GoogleClients, name: string): Promise<SchedulerJob | undefined> {
  return api.call('reading the Cloud Scheduler job', name, () => unlessNotFound(() => clients.scheduler.get<SchedulerJob>(name)));
}

/** Deletes the Scheduler job (a synchronous call); one already gone counts as deleted. Answers whether this call deleted it. */
export async function deleteSchedulerJob(api: Api, clients: GoogleClients, name: string): Promise<boolean> {
  return api.call('deleting the Cloud Scheduler job', name, async () => (await unlessNotFound(() => clients.scheduler.delete(name).then(() => true))) ?? false);
}

/** Every Scheduler job of a location. */
export async function listSchedulerJobs(api: Api, clients: GoogleClients, parent: string): Promise<SchedulerJob[]> {
  return api.call('listing the Cloud Scheduler jobs', parent, () => clients.scheduler.list<SchedulerJob>(parent));
}

/** The regions where Cloud Scheduler is offered to this project. */
export async function schedulerRegions(api: Api, clients: GoogleClients, projectId: string): Promise<string[]> {
  return api.call('listing the Cloud Scheduler locations', `projects/${projectId}`, () => clients.scheduler.locations(projectId));
}

function parentOf(name: string): string {
  return name.slice(0, name.lastIndexOf('/jobs/'));
}

/** Applies the step; `replan` re-plans against a job another writer created first. */
export async function applySchedulerJob(
  api: Api,
  clients: GoogleClients,
  step: SchedulerStep,
  replan: (current: SchedulerJob | undefined) => SchedulerStep,
): Promise<SchedulerJob | undefined> {
  const name = step.change.resource;
  let current = step;
  let result: SchedulerJob | undefined;
  if (current.recreate) {
    await deleteSchedulerJob(api, clients, name);
    result = await api.call('creating the Cloud Scheduler job again', name, () => clients.scheduler.create(parentOf(name), current.body));
    return current.setPaused ? pauseNewOrDelete(api, clients, name) : result;
  }
  if (current.change.action === 'create') {
    try {
      result = await api.call('creating the Cloud Scheduler job', name, async () =>
        clients.scheduler.create(parentOf(name), current.body),
      );
    } catch (err) {
      if (!isConflict(err)) throw err;
      current = replan(await readSchedulerJob(api, clients, name));
    }
  }
  if (current.change.action === 'update' && current.updateMask.length > 0) {
    result = await api.call('updating the Cloud Scheduler job', name, async () =>
      clients.scheduler.update(name, current.body, current.updateMask),
    );
  }
  if (current.setPaused === true && current.change.action === 'create') {
    result = await pauseNewOrDelete(api, clients, name);
  } else if (current.setPaused !== undefined) {
    result = await setSchedulerPaused(api, clients, name, current.setPaused);
  }
  return result;
}

/** Pauses or resumes the Scheduler job; one that is in that state already is fine. */
export async function setSchedulerPaused(api: Api, clients: GoogleClients, name: string, pause: boolean): Promise<SchedulerJob> {
  return api.call(`${pause ? 'pausing' : 'resuming'} the Cloud Scheduler job`, name, async () => {
    try {
      return await clients.scheduler.call<SchedulerJob>(name, pause ? 'pause' : 'resume');
    } catch (err) {
      // FAILED_PRECONDITION: already in that state (e.g. an earlier try that did go through).
      if (readApiError(err).grpcCode !== 9) throw err;
      const job = await clients.scheduler.get<SchedulerJob>(name);
      if (enumName(job.state, SCHEDULER_STATES) === (pause ? 'PAUSED' : 'ENABLED')) return job;
      throw err;
    }
  });
}

/** The new Scheduler job could not be paused and was deleted again: it does not exist. */
export class DeletedAgainError extends ActionError {}

/**
 * paused: true on a job this run just created. Cloud Scheduler cannot create a job paused
 * (Job.state is output only), so it is paused at once, before anyone may invoke the target; if
 * that fails, the job is deleted again: a pause never fails open into a live trigger.
 */
async function pauseNewOrDelete(api: Api, clients: GoogleClients, name: string): Promise<SchedulerJob> {
  try {
    return await setSchedulerPaused(api, clients, name, true);
  } catch (pauseError) {
    const why = pauseError instanceof Error ? pauseError.message : String(pauseError);
    try {
      await api.call('deleting the Cloud Scheduler job this run created', name, () => clients.scheduler.delete(name));
    } catch (deleteError) {
      throw new ActionError(
        `paused: true, but the new Cloud Scheduler job ${name} could not be paused, and deleting it failed too: it is ENABLED and ` +
          `will fire on its schedule. Pause or delete it now: gcloud scheduler jobs delete ${name.split('/').pop()} ` +
          `--location=${name.split('/')[3]} --project=${name.split('/')[1]}\nPausing: ${why}\nDeleting: ${deleteError instanceof Error ? deleteError.message : String(deleteError)}`,
        { cause: pauseError },
      );
    }
    throw new DeletedAgainError(
      `paused: true, but the new Cloud Scheduler job ${name} could not be paused, so this run deleted it again (no trigger is left ` +
        `running, and the invoker role was not granted). ${why}`,
      { cause: pauseError },
    );
  }
}

/** Where Cloud Scheduler is offered, and the jobs of each location: each asked at most once per run. */
export interface SchedulerIndex {
  offered(): Promise<string[]>;
  /** The jobs of every location of `regions` where Scheduler is offered (undefined: every one offered), listed in parallel. */
  jobsIn(regions: readonly string[] | undefined): Promise<SchedulerJob[]>;
}

export function schedulerIndex(api: Api, clients: GoogleClients, projectId: string): SchedulerIndex {
  let offered: Promise<string[]> | undefined;
  const lists = new Map<string, Promise<SchedulerJob[]>>();
  const index: SchedulerIndex = {
    offered: () => (offered ??= schedulerRegions(api, clients, projectId)),
    async jobsIn(regions) {
      const where = await index.offered();
      const wanted = regions === undefined ? where : [...new Set(regions)].filter((r) => where.includes(r));
      const jobs = await Promise.all(
        wanted.map((region) => {
          let list = lists.get(region);
          if (!list) lists.set(region, (list = listSchedulerJobs(api, clients, `projects/${projectId}/locations/${region}`)));
          return list;
        }),
      );
      return jobs.flat();
    },
  };
  return index;
}
