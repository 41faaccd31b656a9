// Applies a plan: the workload first (the binding needs it to exist, a service trigger
// needs its URL), then the IAM binding and the Scheduler job side by side. Each change
// records what was done with it (created, updated, unchanged, failed, or not reached), and
// every write that goes through is reported at once, so a run that fails half-way still
// tells the truth in its outputs and summary.
import type { Config } from '../config/types.js';
import type { Api } from '../google/api.js';
import type { GoogleClients } from '../google/clients.js';
import { applyBindings } from '../iam/binding.js';
import { planMoreSchedulers, planScheduler, planWorkload, withSchedule, type IamPolicy, type Names, type RunPlan } from '../plan/planner.js';
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
  /** The changes being applied, with their status so far (also when apply fails). */
  plan(plan: Change[]): void;
  /** A change is starting (status 'not reached' still) or has its outcome: for the log. */
  progress(change: Change, starting: boolean): void;
}

/** The clients with `onWrite` called after every write that Google accepted. */
function watchWrites(clients: GoogleClients, onWrite: () => void): GoogleClients {
  const after = <T>(p: Promise<T>): Promise<T> =>
    p.then((value) => {
      onWrite();
      return value;
    });
  return {
    ...clients,
    run: {
      ...clients.run,
      create: (parent, collection, id, body) => after(clients.run.create(parent, collection, id, body)),
      replace: (name, body) => after(clients.run.replace(name, body)),
      setIamPolicy: (name, policy) => after(clients.run.setIamPolicy(name, policy)),
    },
    scheduler: {
      ...clients.scheduler,
      create: (parent, job) => after(clients.scheduler.create(parent, job)),
      update: (name, job, mask) => after(clients.scheduler.update(name, job, mask)),
      call: (name, verb) => (verb === 'run' ? clients.scheduler.call(name, verb) : after(clients.scheduler.call(name, verb))),
    },
  };
}

export async function applyPlan(
  api: Api,
  clients: GoogleClients,
  config: Config,
  names: Names,
  runPlan: RunPlan,
  current: { workload?: RunResource; schedulerJob?: SchedulerJob; policy?: IamPolicy; moreSchedulerJobs?: (SchedulerJob | undefined)[] },
  deployId: string,
  hooks: ApplyHooks,
): Promise<Applied> {
  const bindingChanges = runPlan.bindings.map((b) => b.change);
  let plan = [runPlan.workload.change, ...bindingChanges, ...(runPlan.scheduler ? [runPlan.scheduler.change] : []), ...runPlan.moreSchedulers.map((m) => m.change)];
  for (const change of plan) change.status = 'not reached';
  hooks.plan(plan);

  /** Runs one resource's writes, recording on `changes` what came of them. */
  const step = async <T>(changes: Change[], fn: (tracked: GoogleClients) => Promise<T>): Promise<T> => {
    const tracked = watchWrites(clients, () => {
      for (const c of changes) c.written = true;
      hooks.wrote();
    });
    for (const c of changes) if (c.action !== 'unchanged') hooks.progress(c, true);
    try {
      const result = await fn(tracked);
      for (const c of changes) c.status = !c.written ? 'unchanged' : c.action === 'create' ? 'created' : 'updated';
      return result;
    } catch (err) {
      for (const c of changes) c.status = 'failed';
      throw err;
    } finally {
      for (const c of changes) hooks.progress(c, false);
    }
  };

  const workload = await hooks.phase('deploy', () =>
    step([runPlan.workload.change], (tracked) =>
      applyWorkload(api, tracked, config.kind, names.resource, runPlan.workload, (fresh) => planWorkload(config, names, fresh, deployId), current.workload),
    ),
  );

  // A new service's URL is known only now: plan the trigger again with it.
  const serviceUri = config.kind === 'service' ? ((workload as RunService).uri ?? undefined) : undefined;
  const scheduler = runPlan.scheduler && planScheduler(config, names, current.schedulerJob, serviceUri);
  const more = planMoreSchedulers(config, names, current.moreSchedulerJobs, serviceUri);
  const triggers = [...(scheduler ? [scheduler] : []), ...more];
  for (const t of triggers) t.change.status = 'not reached';
  plan = [runPlan.workload.change, ...bindingChanges, ...triggers.map((t) => t.change)];
  hooks.plan(plan);

  // Independent of each other: side by side, in one log group. Both are waited for, so a
  // failure of one does not leave the other's status unknown.
  const results = await hooks.phase('iam + schedule', () =>
    Promise.allSettled([
      step(bindingChanges, async (tracked) => {
        const wrote = await applyBindings(api, tracked, config.kind, names.resource, runPlan.bindings, current.policy);
        // A write whose answer was lost, then found done on the re-read: it went through.
        if (wrote && !bindingChanges.some((c) => c.written)) {
          bindingChanges.forEach((c) => (c.written = true));
          hooks.wrote();
        }
      }),
      ...triggers.map((trigger, i) =>
        step([trigger.change], async (tracked) => {
          if (trigger.change.action === 'unchanged') return;
          // The first trigger is config.schedule's; the others are config.moreSchedules', in order.
          const own = i === 0 && scheduler ? { config, names } : withSchedule(config, names, config.moreSchedules![scheduler ? i - 1 : i]!);
          await applySchedulerJob(api, tracked, trigger, (fresh) => planScheduler(own.config, own.names, fresh, serviceUri)!);
        }),
      ),
    ]),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return { workload, plan, changed: plan.some((c) => c.written), granted: bindingChanges.some((c) => c.written) };
}
