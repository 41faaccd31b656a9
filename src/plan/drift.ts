// Drift: where the live state differs from the inputs, read off a plan that was not applied.
// A changed field is drift; so is a resource that does not exist. A redeploy of a tag or of a
// failed revision with no field changed is not (nothing differs from the inputs). Who changed
// a resource last comes from what Google records: Cloud Run's `lastModifier` and `updateTime`,
// Cloud Scheduler's `userUpdateTime` (when only: a Scheduler job records no author), nothing for
// an IAM policy. Pure: no I/O.
import type { CurrentState } from './planner.js';
import type { Change, FieldChange, Plan } from './types.js';

export interface Drift {
  change: Change;
  /** The fields whose live value (`before`) differs from the inputs (`after`). */
  fields: FieldChange[];
  /** The resource does not exist (or, for a binding, the policy lacks it). */
  missing: boolean;
  /** Who changed the resource last, where Google says (Cloud Run's lastModifier). */
  lastModifier?: string;
  /** When it was changed last (Cloud Run's updateTime, Scheduler's userUpdateTime). */
  modifiedAt?: string;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

export function findDrift(plan: Plan, current: CurrentState): Drift[] {
  const drift: Drift[] = [];
  for (const change of plan) {
    if (change.action === 'unchanged' || (change.action === 'update' && change.fields.length === 0)) continue;
    const missing = change.action === 'create';
    const item: Drift = { change, fields: missing ? [] : change.fields, missing };
    if (!missing && (change.type === 'run-job' || change.type === 'run-service')) {
      const w = current.workload as { lastModifier?: unknown; updateTime?: unknown } | undefined;
      item.lastModifier = text(w?.lastModifier);
      item.modifiedAt = timestamp(w?.updateTime);
    } else if (!missing && change.type === 'scheduler-job') {
      item.modifiedAt = timestamp((current.schedulerJob as { userUpdateTime?: unknown } | undefined)?.userUpdateTime);
    }
    drift.push(item);
  }
  return drift;
}

/** An RFC 3339 string as read over REST, or a protobuf Timestamp {seconds, nanos} from a client. */
function timestamp(v: unknown): string | undefined {
  if (typeof v === 'string') return text(v);
  const seconds = (v as { seconds?: unknown } | undefined)?.seconds;
  if (seconds === undefined || seconds === null) return undefined;
  const n = Number(typeof seconds === 'object' ? String(seconds) : seconds);
  return Number.isFinite(n) ? new Date(n * 1000).toISOString() : undefined;
}
