// Unix cron as Cloud Scheduler reads it: five fields, evaluated in an IANA time zone.
// Validation and run times only (croner): this is on the start-up path, before the first
// request; the English description (cronstrue) is in cron.ts, loaded later with the report.
import { Cron } from 'croner';

/** One list item of a field: `*`, a number or 3-letter name, an optional range end, an optional step. */
const ITEM = /^(\*|\d+|[A-Z]{3})(-(\d+|[A-Z]{3}))?(\/\d+)?$/;

function fields(expr: string): string[] {
  return expr.trim().split(/\s+/);
}

// Vixie cron (and Cloud Scheduler) OR day-of-month and day-of-week only when both are
// restricted; a field starting with '*' (such as */2) counts as unrestricted.
function buildCron(expr: string, timeZone: string): Cron {
  const [, , dom = '*', , dow = '*'] = fields(expr);
  return new Cron(expr.trim(), {
    mode: '5-part',
    timezone: timeZone,
    domAndDow: dom.startsWith('*') || dow.startsWith('*'),
  });
}

/** Why `expr` is not a schedule Cloud Scheduler accepts, or undefined when it is fine. */
export function validateCron(expr: string): string | undefined {
  const parts = fields(expr);
  if (expr.trim().startsWith('@')) return 'macros such as @daily are not unix-cron: write the five fields (for example "0 0 * * *")';
  if (parts.length !== 5) return `it has ${parts.length} fields; unix-cron has 5 (minute hour day-of-month month day-of-week), without seconds or year`;
  const bad = parts.flatMap((p) => p.split(',')).find((item) => !ITEM.test(item));
  if (bad !== undefined) {
    return `"${bad}" is not allowed: use numbers, *, ranges (1-5), steps (*/15), lists (1,15) and upper-case names (MON, JAN); L, W, # and ? are not supported`;
  }
  try {
    if (buildCron(expr, 'Etc/UTC').nextRun() === null) return 'it never fires';
  } catch (e) {
    return (e as Error).message.replace(/^CronPattern: /, '');
  }
  return undefined;
}

/** The next `count` run times after `from` (default now). */
export function nextRuns(expr: string, timeZone: string, count: number, from: Date = new Date()): Date[] {
  return buildCron(expr, timeZone).nextRuns(count, from);
}

/** The shortest gap in seconds between consecutive runs over the next `runs` runs; Infinity if it fires at most once. */
export function shortestIntervalSeconds(expr: string, timeZone: string, runs = 200, from: Date = new Date()): number {
  const times = nextRuns(expr, timeZone, runs, from).map((d) => d.getTime());
  let min = Infinity;
  for (let i = 1; i < times.length; i++) min = Math.min(min, (times[i]! - times[i - 1]!) / 1000);
  return min;
}
