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
import { applySchedulerJob, setSchedulerPaused } from '../scheduler/upsert.js';
import type { SchedulerJob } from '../scheduler/scheduler-job.js';

export interface Applied {
  workload: RunResource;
  /** The changes as applied (a service trigger's URL filled in after deploy). */
  plan: Change[];
  changed: boolean;
  /** This run granted a role: a PERMISSION_DENIED soon after may be IAM propagating. */
  granted: boolean;
  /** When the grant was written (epoch ms), for the smoke test's propagation window. */
  grantedAt?: number;
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
  // paused: true on an existing Scheduler job: the pause is the first write of all, so nothing
  // this run changes can be triggered before it holds (issue 11).
  let schedulerNow = current.schedulerJob;
  const pauseFirst = Boolean(schedulerNow) && runPlan.scheduler?.setPaused === true;
  if (pauseFirst) {
    schedulerNow = await hooks.phase('pause', () => setSchedulerPaused(api, clients, runPlan.scheduler!.change.resource, true));
    hooks.wrote();
  }
  const workloadChanged = runPlan.workload.change.action !== 'unchanged';
  const workload = await hooks.phase('deploy', () =>
    applyWorkload(api, clients, config.kind, names.resource, runPlan.workload, (fresh) => planWorkload(config, names, fresh, deployId), current.workload),
  );
  if (workloadChanged) hooks.wrote();

  // A new service's URL is known only now: plan the trigger again with it.
  const serviceUri = config.kind === 'service' ? ((workload as RunService).uri ?? undefined) : undefined;
  const scheduler = runPlan.scheduler && planScheduler(config, names, schedulerNow, serviceUri);
  let grantedAt: number | undefined;
  const grant = () =>
    applyBindings(api, clients, config.kind, names.resource, runPlan.bindings, current.policy).then((wrote) => {
      if (wrote) {
        grantedAt = Date.now();
        hooks.wrote();
      }
      return wrote;
    });
  const schedule = () =>
    scheduler && scheduler.change.action !== 'unchanged'
      ? applySchedulerJob(api, clients, scheduler, (fresh) => planScheduler(config, names, fresh, serviceUri)!).then(() => {
          hooks.wrote();
          return true;
        })
      : Promise.resolve(false);
  if (pauseFirst) scheduler!.change = withPause(scheduler!.change, runPlan.scheduler!.change);
  // A new job to be paused is created and paused before the invoker may call the target (if the
  // pause fails, the job is deleted and nothing is granted); otherwise the two are independent:
  // side by side, in one log group.
  const pausedCreate = scheduler?.change.action === 'create' && scheduler.setPaused === true;
  const [granted, scheduled] = await hooks.phase('iam + schedule', async () => {
    if (!pausedCreate) return Promise.all([grant(), schedule()]);
    const wrote = await schedule();
    return [await grant(), wrote] as const;
  });
  const plan = [runPlan.workload.change, ...runPlan.bindings.map((b) => b.change), ...(scheduler ? [scheduler.change] : [])];
  return { workload, plan, changed: workloadChanged || granted || scheduled || pauseFirst, granted, grantedAt };
}

/** The Scheduler change as applied after the pause went first: the pause stays in the report. */
function withPause(after: Change, planned: Change): Change {
  const pause = planned.fields.filter((f) => f.field === 'paused');
  return { ...after, action: 'update', fields: [...after.fields.filter((f) => f.field !== 'paused'), ...pause] };
}
