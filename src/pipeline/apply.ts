// Applies a plan: the workload first (the binding needs it to exist, a service trigger
// needs its URL), then the IAM binding and the Scheduler job side by side.
import type { Config } from '../config/types.js';
import type { Api } from '../google/api.js';
import type { GoogleClients } from '../google/clients.js';
import { applyBindings } from '../iam/binding.js';
import { planScheduler, planWorkload, type IamPolicy, type Names, type RunPlan } from '../plan/planner.js';
import type { Change } from '../plan/types.js';
import { applyWorkload } from '../run/deploy.js';
import type { RunResource, RunService } from '../run/workload.js';
import { applySchedulerJob } from '../scheduler/upsert.js';
import type { SchedulerJob } from '../scheduler/scheduler-job.js';

export interface Applied {
  workload: RunResource;
  /** The changes as applied (a service trigger's URL filled in after deploy). */
  plan: Change[];
  changed: boolean;
  /** This run granted a role: a PERMISSION_DENIED soon after may be IAM propagating. */
  granted: boolean;
}

export interface ApplyHooks {
  /** Wraps each phase (deploy, iam + schedule) for the log. */
  phase<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** Called after each write, so a run that fails half-way still reports changed=true. */
  wrote(): void;
}

export async function applyPlan(
  api: Api,
  clients: GoogleClients,
  config: Config,
  names: Names,
  runPlan: RunPlan,
  current: { workload?: RunResource; schedulerJob?: SchedulerJob; policy?: IamPolicy },
  deployId: string,
  hooks: ApplyHooks,
): Promise<Applied> {
  const workloadChanged = runPlan.workload.change.action !== 'unchanged';
  const workload = await hooks.phase('deploy', () =>
    applyWorkload(api, clients, config.kind, names.resource, runPlan.workload, (fresh) => planWorkload(config, names, fresh, deployId), current.workload),
  );
  if (workloadChanged) hooks.wrote();

  // A new service's URL is known only now: plan the trigger again with it.
  const serviceUri = config.kind === 'service' ? ((workload as RunService).uri ?? undefined) : undefined;
  const scheduler = runPlan.scheduler && planScheduler(config, names, current.schedulerJob, serviceUri);

  // Independent of each other: side by side, in one log group.
  const [granted, scheduled] = await hooks.phase('iam + schedule', () =>
    Promise.all([
      applyBindings(api, clients, config.kind, names.resource, runPlan.bindings, current.policy).then((wrote) => {
        if (wrote) hooks.wrote();
        return wrote;
      }),
      scheduler && scheduler.change.action !== 'unchanged'
        ? applySchedulerJob(api, clients, scheduler, (fresh) => planScheduler(config, names, fresh, serviceUri)!).then(() => {
            hooks.wrote();
            return true;
          })
        : Promise.resolve(false),
    ]),
  );
  const plan = [runPlan.workload.change, ...runPlan.bindings.map((b) => b.change), ...(scheduler ? [scheduler.change] : [])];
  return { workload, plan, changed: workloadChanged || granted || scheduled, granted };
}
