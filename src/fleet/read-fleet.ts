// The current state of every workload of a fleet at once, with list calls rather than one
// read per workload: the Cloud Run jobs and services of each region and the Scheduler jobs of
// each Scheduler region (all pages), with where Scheduler is offered, side by side; then the
// IAM policy of each workload that exists, side by side. Two round trips whatever the size of
// the fleet. A failed read fails only the workloads that depend on it.
import type { Config } from '../config/types.js';
import type { Api } from '../google/api.js';
import type { GoogleClients } from '../google/clients.js';
import { readPolicy } from '../iam/binding.js';
import type { CurrentState, IamPolicy } from '../plan/planner.js';
import { withSchedule } from '../plan/planner.js';
import { otherKindName } from '../pipeline/names.js';
import { schedulerNotOffered } from '../pipeline/read-current.js';
import type { WorkloadRun } from '../pipeline/run-pipeline.js';
import type { RunResource } from '../run/workload.js';
import type { SchedulerJob } from '../scheduler/scheduler-job.js';
import type { SchedulerIndex } from '../scheduler/upsert.js';

type Settled<T> = { value: T } | { error: unknown };
const settle = <T>(p: Promise<T>): Promise<Settled<T>> => p.then((value) => ({ value }), (error: unknown) => ({ error }));

const schedulesOf = (c: Config) => [c.schedule, ...(c.moreSchedules ?? [])].filter((s) => s !== undefined);

/** Fills in `run.current` of every run (or `run.failure` when what it needs could not be read). */
export async function readFleet(api: Api, clients: GoogleClients, projectId: string, runs: readonly WorkloadRun[], index: SchedulerIndex): Promise<void> {
  const regions = [...new Set(runs.map((r) => r.config.region))];
  // A workload with state: absent has no schedule, but its Scheduler job is to be deleted: read that region too.
  const schedulerRegionsUsed = [...new Set(runs.flatMap((r) => [...schedulesOf(r.config).map((s) => s.region), ...(r.config.teardown ? [r.config.teardown.schedulerRegion] : [])]))];
  const byName = <T extends { name?: string | null }>(items: T[]): Map<string, T> => new Map(items.flatMap((i) => (i.name ? [[i.name, i]] : [])));
  const listRun = (region: string, collection: 'jobs' | 'services') => {
    const parent = `projects/${projectId}/locations/${region}`;
    return settle(api.call(`listing the Cloud Run ${collection}`, parent, () => clients.run.list<RunResource>(parent, collection)).then(byName));
  };
  const [offered, runLists, schedulerLists] = await Promise.all([
    schedulerRegionsUsed.length ? settle(index.offered()) : undefined,
    Promise.all(regions.map(async (region) => [region, await listRun(region, 'jobs'), await listRun(region, 'services')] as const)),
    Promise.all(
      // The same lists prune and state: absent read (each location once per run).
      schedulerRegionsUsed.map(async (region) => [region, await settle(index.jobsIn([region]).then(byName))] as const),
    ),
  ]);
  const jobsIn = new Map(runLists.map(([region, jobs]) => [region, jobs]));
  const servicesIn = new Map(runLists.map(([region, , services]) => [region, services]));
  const schedulerIn = new Map(schedulerLists);

  const value = <T>(s: Settled<T> | undefined): T => {
    if (!s) throw new Error('not read');
    if ('error' in s) throw s.error;
    return s.value;
  };
  await Promise.all(
    runs.map(async (run) => {
      const { config, names } = run;
      try {
        const jobs = value(jobsIn.get(config.region));
        const services = value(servicesIn.get(config.region));
        const [own, other] = config.kind === 'job' ? [jobs, services] : [services, jobs];
        const schedules = schedulesOf(config);
        if (schedules.length && offered) {
          const where = value(offered);
          const missing = schedules.find((s) => !where.includes(s.region));
          if (missing) throw schedulerNotOffered(config, missing.region, where);
        }
        const schedulerJob = (name: string | undefined, region: string | undefined): SchedulerJob | undefined =>
          name && region ? value(schedulerIn.get(region)).get(name) : undefined;
        const workload = own.get(names.resource);
        const otherName = otherKindName(config, projectId);
        const policy: IamPolicy | undefined = workload ? await readPolicy(api, clients, config.kind, names.resource) : undefined;
        const state: CurrentState = {
          workload,
          otherKind: other.get(otherName),
          policy,
          schedulerJob: schedulerJob(names.schedulerJob, config.schedule?.region ?? config.teardown?.schedulerRegion),
        };
        if (config.moreSchedules?.length) {
          state.moreSchedulerJobs = config.moreSchedules.map((s) => schedulerJob(withSchedule(config, names, s).names.schedulerJob, s.region));
        }
        run.current = state;
      } catch (err) {
        run.failure = err instanceof Error ? err.message : String(err);
      }
    }),
  );
}
