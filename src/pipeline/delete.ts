// Applies `- delete` changes (src/plan/delete.ts): every Scheduler job first, then the alert
// policies watching the workloads, then every Cloud Run job and service, each deletion waited
// for. Each change records what came of it (deleted, unchanged when it was already gone,
// failed, not reached); a failed deletion stops the groups after it (a workload would be left
// with a trigger that fails), and the first error is thrown once everything that could go has gone.
import type { Api } from '../google/api.js';
import type { GoogleClients } from '../google/clients.js';
import type { Change } from '../plan/types.js';
import { deleteWorkload } from '../run/deploy.js';
import { deleteSchedulerJob } from '../scheduler/upsert.js';
import { deleteAlertPolicy, deleteChannelsOf } from '../alerts/alerting.js';

export interface DeleteHooks {
  /** A change is starting, or has its outcome: for the log. */
  progress?(change: Change, starting: boolean): void;
  /** After each deletion that went through. */
  wrote?(): void;
}

/** Deletes what `changes` (action 'delete') name, at most `parallel` at once per group. */
export async function applyDeletions(api: Api, clients: GoogleClients, changes: readonly Change[], parallel: number, hooks: DeleteHooks = {}): Promise<void> {
  const deletions = changes.filter((c) => c.action === 'delete');
  for (const c of deletions) c.status = 'not reached';
  const one = async (c: Change): Promise<void> => {
    hooks.progress?.(c, true);
    try {
      const deleted =
        c.type === 'scheduler-job'
          ? await deleteSchedulerJob(api, clients, c.resource)
          : c.type === 'alert-policy'
            ? await deleteAlertPolicy(api, clients, c.resource)
            : await deleteWorkload(api, clients, c.type === 'run-job' ? 'job' : 'service', c.resource);
      c.written = deleted;
      c.status = deleted ? 'deleted' : 'unchanged';
      if (deleted) hooks.wrote?.();
    } catch (err) {
      c.status = 'failed';
      throw err;
    } finally {
      hooks.progress?.(c, false);
    }
  };
  // Triggers, then the alert policies watching the workloads, then the workloads: each group only
  // when the one before went through.
  const groups = [
    deletions.filter((c) => c.type === 'scheduler-job'),
    deletions.filter((c) => c.type === 'alert-policy'),
    deletions.filter((c) => c.type !== 'scheduler-job' && c.type !== 'alert-policy'),
  ];
  const failures: PromiseRejectedResult[] = [];
  for (const group of groups) {
    if (failures.length === 0) failures.push(...(await inParallel(group, parallel, one)).filter((r): r is PromiseRejectedResult => r.status === 'rejected'));
  }
  // The email channels the action created for the deleted policies, once nothing uses them.
  const policies = groups[1]!.filter((c) => c.status === 'deleted').map((c) => c.resource);
  if (failures.length === 0 && policies.length) await deleteChannelsOf(api, clients, policies).catch((err: unknown) => failures.push({ status: 'rejected', reason: err }));
  if (failures[0]) throw failures[0].reason;
}

/** Runs `fn` on every item with at most `limit` in flight; settles them all. */
export async function inParallel<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<PromiseSettledResult<R>[]> {
  const results: PromiseSettledResult<R>[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      try {
        results[i] = { status: 'fulfilled', value: await fn(items[i]!, i) };
      } catch (reason) {
        results[i] = { status: 'rejected', reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
