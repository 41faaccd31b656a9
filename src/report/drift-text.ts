// Drift as people read it: one line per drifted resource, naming each field (live value and
// what the inputs ask for) and who changed the resource last where Google records it.
import type { Drift } from '../plan/drift.js';
import { parseResourceName } from './links.js';
import { DESCRIBED, displayValue, formatValue } from './plan-text.js';
import { oneLine } from './runner.js';
import { resourceLabel } from './summary.js';

/** One drifted resource as one line: what the live state holds is someone else's text (oneLine). */
export function driftLine(d: Drift): string {
  return oneLine(driftText(d));
}

function driftText(d: Drift): string {
  const c = d.change;
  const name = `${resourceLabel(c)} ${parseResourceName(c.resource)?.id ?? c.resource}`;
  if (d.missing) {
    const what = c.type === 'iam-binding' ? `the binding ${c.fields.map((f) => formatValue(f.after)).join(', ')} is missing` : 'does not exist';
    return `${name}: ${what}`;
  }
  const fields = d.fields
    .map((f) => (DESCRIBED.has(f.field) ? `${f.field}: ${String(f.after)}` : `${f.field} is ${formatValue(displayValue(f.field, f.before))}, the inputs say ${formatValue(displayValue(f.field, f.after))}`))
    .join('; ');
  return `${name}: ${fields}${lastChange(d)}`;
}

function lastChange(d: Drift): string {
  if (d.lastModifier) return ` (last changed by ${d.lastModifier}${d.modifiedAt ? ` at ${d.modifiedAt}` : ''})`;
  // The proto documents userUpdateTime as "the creation time": said as the field it is.
  if (d.modifiedAt && d.change.type === 'scheduler-job') return ` (Cloud Scheduler's userUpdateTime: ${d.modifiedAt}; it does not record who changed the job)`;
  if (d.modifiedAt) return ` (last changed at ${d.modifiedAt})`;
  return '';
}

/** The step's error when fail_on_drift finds drift. */
export function driftMessage(lines: readonly string[]): string {
  return [
    `Drift: the live state differs from the inputs (fail_on_drift: true):`,
    ...lines.map((l) => `- ${l}`),
    'Run without dry_run to put back what the inputs say, or change the inputs to keep what is live.',
  ].join('\n');
}
