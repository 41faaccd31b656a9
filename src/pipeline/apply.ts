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
import { applySchedulerJob, DeletedAgainError, setSchedulerPaused } from '../scheduler/upsert.js';
import { SCHEDULER_STATES, type SchedulerJob } from '../scheduler/scheduler-job.js';
import { enumName } from '../google/values.js';

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
      delete: (name) => after(clients.scheduler.delete(name)),
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
  let plan = [runPlan.workload.change, ...runPlan.bindings.map((b) => b.change), ...(runPlan.scheduler ? [runPlan.scheduler.change] : []), ...runPlan.moreSchedulers.map((m) => m.change)];
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
      for (const c of changes) c.status = !c.written ? 'unchanged' : c.action === 'create' ? 'created' : c.action === 'delete' ? 'deleted' : 'updated';
      return result;
    } catch (err) {
      for (const c of changes) c.status = 'failed';
      throw err;
    } finally {
      for (const c of changes) hooks.progress(c, false);
    }
  };

  // paused: true on an existing Scheduler job: the pause is the first write of all, so nothing
  // this run changes can be triggered before it holds.
  let schedulerNow = current.schedulerJob;
  // Only an ENABLED job can be paused (PauseJob); one in a system state is repaired or recreated first.
  const pauseFirst = enumName(schedulerNow?.state, SCHEDULER_STATES) === 'ENABLED' && runPlan.scheduler?.setPaused === true;
  if (pauseFirst) {
    const planned = runPlan.scheduler!.change;
    schedulerNow = await hooks.phase('pause', () => step([planned], (tracked) => setSchedulerPaused(api, tracked, planned.resource, true)));
  }

  const workload = await hooks.phase('deploy', () =>
    step([runPlan.workload.change], (tracked) =>
      applyWorkload(api, tracked, config.kind, names.resource, runPlan.workload, (fresh) => planWorkload(config, names, fresh, deployId, runPlan.grants), current.workload),
    ),
  );

  // A new service's URL is known only now: plan the trigger again with it.
  const serviceUri = config.kind === 'service' ? ((workload as RunService).uri ?? undefined) : undefined;
  const scheduler = runPlan.scheduler && planScheduler(config, names, schedulerNow, serviceUri);
  const schedulerWrites = scheduler !== undefined && scheduler.change.action !== 'unchanged';
  // A workload's further schedules (fleet mode): a Scheduler job each, planned the same way.
  const more = planMoreSchedulers(config, names, current.moreSchedulerJobs, serviceUri);
  if (scheduler) {
    if (pauseFirst) scheduler.change = withPause(scheduler.change, runPlan.scheduler!.change);
    scheduler.change.status = 'not reached';
  }
  for (const m of more) m.change.status = 'not reached';
  if (scheduler || more.length) {
    plan = [runPlan.workload.change, ...runPlan.bindings.map((b) => b.change), ...(scheduler ? [scheduler.change] : []), ...more.map((m) => m.change)];
    hooks.plan(plan);
  }

  const bindingChanges = runPlan.bindings.map((b) => b.change);
  const schedulerChanges = scheduler ? [scheduler.change] : [];
  let grantedAt: number | undefined;
  const grant = () =>
    step(bindingChanges, async (tracked) => {
      const wrote = await applyBindings(api, tracked, config.kind, names.resource, runPlan.bindings, current.policy);
      // A write whose answer was lost, then found done on the re-read: it went through.
      if (wrote && !bindingChanges.some((c) => c.written)) {
        bindingChanges.forEach((c) => (c.written = true));
        hooks.wrote();
      }
      if (bindingChanges.some((c) => c.written)) grantedAt = Date.now();
    });
  const schedule = () =>
    step(schedulerChanges, async (tracked) => {
      if (!scheduler || !schedulerWrites) return;
      try {
        await applySchedulerJob(api, tracked, scheduler, (fresh) => planScheduler(config, names, fresh, serviceUri)!);
      } catch (err) {
        // Created, not paused, deleted again: it does not exist after this run.
        if (err instanceof DeletedAgainError) scheduler.change.written = false;
        throw err;
      }
    });
  const scheduleMore = () =>
    Promise.all(
      more.map((trigger, i) =>
        step([trigger.change], async (tracked) => {
          if (trigger.change.action === 'unchanged') return;
          const own = withSchedule(config, names, config.moreSchedules![i]!);
          await applySchedulerJob(api, tracked, trigger, (fresh) => planScheduler(own.config, own.names, fresh, serviceUri)!);
        }),
      ),
    );
  // A new Scheduler job to be paused is created and paused before the invoker may call the
  // target (if the pause fails, the job is deleted and nothing is granted). Otherwise the two
  // are independent: side by side, in one log group. Both are waited for, so a failure of one
  // does not leave the other's status unknown.
  const pausedCreate = (scheduler?.change.action === 'create' || scheduler?.recreate === true) && scheduler.setPaused === true;
  const results = await hooks.phase('iam + schedule', async () => {
    // A recreate deletes first: only once everything else of this run went through.
    if (scheduler?.recreate && !pausedCreate) {
      const others = await Promise.allSettled([grant(), scheduleMore()]);
      return others.some((r) => r.status === 'rejected') ? others : [...others, ...(await Promise.allSettled([schedule()]))];
    }
    if (!pausedCreate) return Promise.allSettled([grant(), schedule(), scheduleMore()]);
    const scheduled = await Promise.allSettled([schedule()]);
    return scheduled[0].status === 'rejected' ? scheduled : [...scheduled, ...(await Promise.allSettled([grant(), scheduleMore()]))];
  });
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return { workload, plan, changed: plan.some((c) => c.written), granted: bindingChanges.some((c) => c.written), grantedAt };
}

/** The Scheduler change as applied after the pause went first: the pause (and its write) stay in the report. */
function withPause(after: Change, planned: Change): Change {
  const pause = planned.fields.filter((f) => f.field === 'paused');
  return { ...after, action: 'update', fields: [...after.fields.filter((f) => f.field !== 'paused'), ...pause], written: planned.written };
}
