// The plan as people read it in the log (Terraform-like) and as the `plan` output (JSON).
import { oneLine } from './runner.js';
import type { Change, ChangeAction, FieldChange, Plan } from '../plan/types.js';

const SYMBOL: Record<ChangeAction, string> = { create: '+', update: '~', unchanged: '=', delete: '-' };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** 'secrets.DB_PASSWORD', 'secrets': the value is a Secret Manager reference. */
const isSecretField = (field: string): boolean => field === 'secrets' || field.startsWith('secrets.');

/**
 * Only the reference of a secret value ('db-password:latest', 'DB=db-password:3'); anything
 * unrecognised is hidden rather than guessed at.
 */
function secretReference(value: unknown): unknown {
  if (value === undefined || value === null) return value;
  if (Array.isArray(value)) return value.map(secretReference);
  if (typeof value === 'string') return value;
  if (isObj(value)) {
    // SecretEnvVar {name, secret, version}, or Cloud Run's valueSource.secretKeyRef
    const ref = isObj(value.valueSource) && isObj(value.valueSource.secretKeyRef) ? value.valueSource.secretKeyRef : value;
    if (typeof ref.secret === 'string') {
      const reference = `${ref.secret}:${typeof ref.version === 'string' ? ref.version : 'latest'}`;
      return typeof value.name === 'string' ? `${value.name}=${reference}` : reference;
    }
  }
  return '(secret reference)';
}

/** A field's value as it may be shown or output. */
export function displayValue(field: string, value: unknown): unknown {
  return isSecretField(field) ? secretReference(value) : value;
}

/**
 * A value for the log: quoted strings, compact JSON, always whole: a digest, an email or a
 * URL cut in the middle cannot be read or copied (the log wraps long lines itself).
 */
export function formatValue(value: unknown): string {
  if (value === undefined) return '(none)';
  if (typeof value === 'string') return JSON.stringify(value);
  return JSON.stringify(value) ?? String(value);
}

/** Fields the planner already describes in words (`NAME: (changed)`, never a value or a reference). */
export const DESCRIBED: ReadonlySet<string> = new Set(['env_vars', 'secrets', 'secret_files']);

// Every piece from elsewhere (a field name from spec, a value, a reason naming live state) is one
// line (oneLine): a plan line is never two, and the log writer (report/runner.ts) sees each whole.
function fieldLine(action: ChangeAction, f: FieldChange): string {
  const field = oneLine(f.field);
  if (DESCRIBED.has(f.field)) return `    ${field}: ${oneLine(String(f.after))}`;
  const after = oneLine(formatValue(displayValue(f.field, f.after)));
  if (action === 'create') return `    ${field}: ${after}`;
  return `    ${field}: ${oneLine(formatValue(displayValue(f.field, f.before)))} -> ${after}`;
}

function changeLines(c: Change): string[] {
  return [
    `${SYMBOL[c.action]} ${c.action} ${c.type} ${oneLine(c.resource)}`,
    ...(c.reason ? [`  # ${oneLine(c.reason)}`] : []),
    ...(c.action === 'unchanged' ? [] : c.fields.map((f) => fieldLine(c.action, f))),
  ];
}

/** Whether the resource of a change exists after the run (a plan not applied: as planned). */
export function existsAfterRun(c: Change): boolean {
  switch (c.status) {
    case undefined:
    case 'created':
    case 'updated':
    case 'unchanged':
      return c.action !== 'delete';
    case 'deleted':
      return false;
    case 'failed':
    case 'not reached':
      return Boolean(c.written) || c.action !== 'create';
  }
}

/** 'Plan: 1 to create, 1 to update, 2 unchanged.' */
export function planTotals(plan: Plan): string {
  const count = (a: ChangeAction): number => plan.filter((c) => c.action === a).length;
  const deletes = count('delete') ? `, ${count('delete')} to delete` : '';
  return `Plan: ${count('create')} to create, ${count('update')} to update${deletes}, ${count('unchanged')} unchanged.`;
}

/** The plan as a readable diff for the log. */
export function formatPlan(plan: Plan): string {
  if (plan.length === 0) return 'Plan: nothing to do.';
  return [...plan.flatMap(changeLines), '', planTotals(plan)].join('\n');
}

/** Keys sorted at every level, so equal plans give equal JSON. */
function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (!isObj(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, stable(value[k])]),
  );
}

/** The `plan` output: compact JSON, fixed key order, secrets as references. */
export function planToJson(plan: Plan): string {
  return JSON.stringify(
    plan.map((c) => ({
      type: c.type,
      resource: c.resource,
      action: c.action,
      fields: c.fields.map((f) => ({
        field: f.field,
        before: stable(displayValue(f.field, f.before)),
        after: stable(displayValue(f.field, f.after)),
      })),
      ...(c.reason ? { reason: c.reason } : {}),
      ...(c.status ? { status: c.status } : {}),
    })),
  );
}
