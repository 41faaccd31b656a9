import type { FieldChange } from './types.js';

/** Deep equality of JSON-like values (key order ignored). */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => x.localeCompare(y)))
      : v,
  );
}

export interface Compared {
  field: string;
  before: unknown;
  /** undefined: not managed by this config, so never a difference. */
  after: unknown;
}

const isEmpty = (v: unknown): boolean =>
  v === '' || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v !== null && Object.keys(v).length === 0);

/** The differences among compared fields; on a create every managed field that has a value. */
export function differences(compared: Compared[], exists: boolean): FieldChange[] {
  return compared
    .filter((c) => c.after !== undefined && (exists ? !sameValue(c.before, c.after) : !isEmpty(c.after)))
    .map((c) => (exists ? { field: c.field, before: c.before, after: c.after } : { field: c.field, after: c.after }));
}
