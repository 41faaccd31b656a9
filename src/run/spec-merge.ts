// The `spec` input once validated (run/spec.ts): merged into the body the field table made, and
// compared with the live resource field by field, so the plan shows what spec changes and a
// rerun with the same spec writes nothing. Maps are merged and lists replaced, except the
// containers list, whose entries merge with the container at the same position.
import type { Config } from '../config/types.js';
import { envValueChanges } from '../errors/scrub.js';
import type { FieldChange } from '../plan/types.js';
import { FIELD_PATHS, resourcePath } from './workload.js';

export type Json = Record<string, unknown>;

export interface SpecLeaf {
  /** Dotted path as the messages show it: template.containers[0].image. */
  path: string;
  segments: (string | number)[];
  value: unknown;
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Lists merged entry by entry (by position), not replaced. */
const MERGED_LISTS = new Set(['containers']);

/** The values spec sets: scalars, lists (replaced whole) and empty maps; containers entry by entry. */
export function specLeaves(spec: Json, segments: (string | number)[] = []): SpecLeaf[] {
  return Object.entries(spec).flatMap(([key, value]): SpecLeaf[] => {
    const here = [...segments, key];
    if (MERGED_LISTS.has(key) && Array.isArray(value)) {
      return value.flatMap((entry, i) => (isObject(entry) ? specLeaves(entry, [...here, i]) : [leaf([...here, i], entry)]));
    }
    if (isObject(value) && Object.keys(value).length > 0) return specLeaves(value, here);
    return [leaf(here, value)];
  });
}

function leaf(segments: (string | number)[], value: unknown): SpecLeaf {
  const path = segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
  return { path, segments, value };
}

/** Merges `spec` into `target` in place. */
export function mergeSpec(target: Json, spec: Json): void {
  for (const [key, value] of Object.entries(spec)) {
    const current = target[key];
    if (MERGED_LISTS.has(key) && Array.isArray(value) && Array.isArray(current)) {
      const merged = current.map((c: unknown) => structuredClone(c));
      value.forEach((entry, i) => {
        if (isObject(entry) && isObject(merged[i])) mergeSpec(merged[i] as Json, entry);
        else merged[i] = structuredClone(entry);
      });
      target[key] = merged;
    } else if (isObject(value) && isObject(current)) {
      mergeSpec(current, value);
    } else {
      target[key] = structuredClone(value);
    }
  }
}

function at(resource: unknown, segments: (string | number)[]): unknown {
  let v: unknown = resource;
  for (const s of segments) v = v === null || typeof v !== 'object' ? undefined : (v as Record<string | number, unknown>)[s];
  return v;
}

/**
 * Whether the live value already is what spec asks for. Only what spec gives is compared (the
 * server fills in the rest); proto3 leaves zero values out of what it returns; int64 comes back
 * as a string.
 */
function covers(live: unknown, wanted: unknown): boolean {
  if (Array.isArray(wanted)) return Array.isArray(live) && live.length === wanted.length && wanted.every((w, i) => covers(live[i], w));
  if (isObject(wanted)) return Object.entries(wanted).every(([k, w]) => covers(isObject(live) ? live[k] : undefined, w));
  if (live === undefined || live === null) return wanted === false || wanted === 0 || wanted === '' || wanted === null;
  return live === wanted || (typeof live !== 'object' && String(live) === String(wanted));
}

/** A container's env list as names and values (a secret reference stands for its value). */
function envPairs(list: unknown): { name: string; value: string }[] {
  return (Array.isArray(list) ? list : []).filter(isObject).map((e) => ({
    name: String(e.name ?? ''),
    value: e.valueSource !== undefined ? JSON.stringify(e.valueSource) : String(e.value ?? ''),
  }));
}

const isEnvList = (l: SpecLeaf): boolean => l.segments.at(-1) === 'env' && typeof l.segments.at(-2) === 'number';

/** Every env var value spec gives (for the scrubbing of messages and the trace). */
export function specEnvValues(spec: Json): string[] {
  return specLeaves(spec)
    .filter(isEnvList)
    .flatMap((l) => (Array.isArray(l.value) ? l.value : []).filter(isObject).map((e) => e.value))
    .filter((v): v is string => typeof v === 'string');
}

/**
 * The plan's lines for spec: each value it sets that the live resource does not have yet. An env
 * list is shown as what happens to each variable, never with its values.
 */
export function specChanges(spec: Json, current: unknown): FieldChange[] {
  return specLeaves(spec)
    .filter((l) => current === undefined || !covers(at(current, l.segments), l.value))
    .map((l): FieldChange => {
      const field = `spec.${l.path}`;
      if (isEnvList(l)) return { field, after: envValueChanges(envPairs(at(current, l.segments)), envPairs(l.value)) };
      return current === undefined ? { field, after: l.value } : { field, before: at(current, l.segments), after: l.value };
    });
}

/** Whether a spec path and a field path overlap (one is the other or inside it). */
export function overlaps(specPath: string, fieldPath: string): boolean {
  const inside = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || a.startsWith(`${b}[`);
  return inside(specPath, fieldPath) || inside(fieldPath, specPath);
}

/** The fields of the table that spec sets (their inputs are empty: run/spec.ts refused the rest). */
export function fieldsSetBySpec(spec: Json, kind: Config['kind']): Set<string> {
  const leaves = specLeaves(spec);
  return new Set(
    FIELD_PATHS.filter((f) => !f.kinds || f.kinds.includes(kind))
      .filter((f) => f.paths.some((p) => leaves.some((l) => overlaps(l.path, resourcePath(p, kind)))))
      .map((f) => f.field),
  );
}
