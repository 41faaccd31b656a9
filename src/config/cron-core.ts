// Unix cron as Cloud Scheduler reads it: five fields, evaluated in an IANA time zone.
// Validation (croner's parser) and run times: this is on the start-up path, before the first
// request; the English description (cronstrue) is in cron.ts, loaded later with the report.
import { CronPattern } from 'croner';

/** One list item of a field: `*`, a number or 3-letter name, an optional range end, an optional step. */
const ITEM = /^(\*|\d+|[A-Z]{3})(-(\d+|[A-Z]{3}))?(\/\d+)?$/;

function fields(expr: string): string[] {
  return expr.trim().split(/\s+/);
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
    // croner's parser says what is wrong with a field; the runs come from runTimes (croner's
    // own nextRun walks minute by minute through Intl: ~20 ms on every start-up).
    if (runTimes(expr, 'Etc/UTC', 1, Date.now()).length === 0) return 'it never fires';
  } catch (e) {
    return (e as Error).message.replace(/^CronPattern: /, '');
  }
  return undefined;
}

/**
 * The next `count` run times after `from` (default now): croner's runs, computed as
 * shortestIntervalSeconds does (croner's own walk reads the zone through Intl for every
 * candidate minute: ~20 ms for the summary's next runs, on every run of the action).
 */
export function nextRuns(expr: string, timeZone: string, count: number, from: Date = new Date()): Date[] {
  return runTimes(expr, timeZone, count, from.getTime()).map((t) => new Date(t));
}

/**
 * The shortest gap in seconds between consecutive runs over the next `runs` runs; Infinity if it
 * fires at most once. The same runs as croner's nextRuns, without croner's walk: croner reads the
 * time zone through Intl for every candidate time (~0.2 ms a run, ~40 ms for 200), which a fleet
 * pays once per workload. Here the day's wall-clock times come from the parsed fields, matching
 * days from the calendar, and each wall time becomes an instant through the zone's offsets
 * (sampled once a week and cached per zone: no zone changes its offset twice in a week), with
 * croner's rules at a DST change: a fixed-time job (one minute, one hour) in the skipped hour
 * runs when the clocks jump, and once in a repeated hour; any other job skips the skipped hour
 * and runs on both occurrences of a repeated time. test/unit/config-duration-cron.test.ts checks the result against croner's walk.
 */
export function shortestIntervalSeconds(expr: string, timeZone: string, runs = 200, from: Date = new Date()): number {
  const times = runTimes(expr, timeZone, runs, from.getTime());
  let min = Infinity;
  for (let i = 1; i < times.length; i++) min = Math.min(min, (times[i]! - times[i - 1]!) / 1000);
  return min;
}

/** One schedule of a workload: its cron and the time zone it is read in. */
export interface ZonedCron {
  cron: string;
  timeZone: string;
}

/**
 * The longest time in seconds between two consecutive runs of the union of `schedules` (a
 * workload's triggers), over the coming year: Infinity when they fire at most once. Read off the
 * same run times as nextRuns, in windows: the next `sample` runs of each schedule, and a window
 * of four days around each change of each zone's UTC offset in the year (a DST change lengthens
 * or shortens the gap of a run near it by the hour it moves).
 */
export function longestGapSeconds(schedules: readonly ZonedCron[], from: Date = new Date(), sample = 2000): number {
  if (schedules.length === 0) return Infinity;
  const start = from.getTime();
  // The first window runs to the end of the shortest sample (a yearly schedule: centuries).
  const windows: [number, number][] = [[start, Infinity]];
  for (const zone of new Set(schedules.map((s) => s.timeZone))) {
    for (const change of offsetChanges(zone, start, start + 366 * DAY)) windows.push([change - 2 * DAY, change + 2 * DAY]);
  }
  let longest = 0;
  let runs = 0;
  for (const [lo, hi] of windows) {
    // Each schedule's runs in the window; the window ends where the shortest sample ends.
    let end = hi;
    const times: number[] = [];
    for (const s of schedules) {
      const t = runTimes(s.cron, s.timeZone, sample, lo);
      if (t.length === sample) end = Math.min(end, t[t.length - 1]!);
      times.push(...t);
    }
    const within = [...new Set(times.filter((t) => t <= end))].sort((a, b) => a - b);
    runs = Math.max(runs, within.length);
    for (let i = 1; i < within.length; i++) longest = Math.max(longest, (within[i]! - within[i - 1]!) / 1000);
  }
  return runs < 2 ? Infinity : longest;
}

/** The instants in [from, to) at which `timeZone` changes its UTC offset. */
function offsetChanges(timeZone: string, from: number, to: number): number[] {
  const zone = zoneOffsets(timeZone);
  const out: number[] = [];
  for (let w = Math.floor(from / WEEK); w * WEEK < to; w++) {
    const [a, b] = [zone.offsetAt(w * WEEK), zone.offsetAt((w + 1) * WEEK)];
    if (a !== b) out.push(changeBetween(w * WEEK, (w + 1) * WEEK, zone.offsetAt));
  }
  return out;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
/** croner stops looking for runs in the year 3000 (a wildcard year). */
const LAST_YEAR = 3000;

/** The first `count` run instants (ms) after `after`, in order. */
function runTimes(expr: string, timeZone: string, count: number, after: number): number[] {
  const pattern = new CronPattern(expr.trim(), undefined, { mode: '5-part' });
  // Vixie cron (and Cloud Scheduler) OR day-of-month and day-of-week only when both are
  // restricted; a field starting with '*' (such as */2) counts as unrestricted.
  const [, , dom = '*', , dow = '*'] = fields(expr);
  const and = dom.startsWith('*') || dow.startsWith('*');
  const dayMinutes: number[] = [];
  pattern.hour.forEach((h, hour) => pattern.minute.forEach((m, minute) => h && m && dayMinutes.push(hour * 60 + minute)));
  const zone = zoneOffsets(timeZone);
  const out: number[] = [];
  // From the local date of `after`: the first day that can hold a later run.
  const start = new Date(after + zone.offsetAt(after) * MINUTE - DAY);
  const earliest = after + (zone.offsetAt(after) - 180) * MINUTE;
  let year = start.getUTCFullYear();
  let month = start.getUTCMonth();
  let day = start.getUTCDate();
  let enough = Infinity; // once `count` runs are found, finish that day and the next (an hour that repeats)
  for (; year < LAST_YEAR && out.length < enough; month === 11 ? ((month = 0), year++) : month++, day = 1) {
    if (!pattern.month[month]) continue;
    const first = Date.UTC(year, month, 1);
    const length = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    const weekday = new Date(first).getUTCDay();
    for (; day <= length && out.length < enough; day++) {
      const d = pattern.day[day - 1] ? 1 : 0;
      const w = pattern.dayOfWeek[(weekday + day - 1) % 7] ? 1 : 0;
      if (!(and ? d && w : d || w)) continue;
      const midnight = first + (day - 1) * DAY;
      for (const minutes of dayMinutes) {
        const wall = midnight + minutes * MINUTE;
        if (wall < earliest) continue; // hours before `after` (a DST change moves a time by less than 3h)
        for (const t of zone.instants(wall, pattern.isFixedTime)) if (t > after) out.push(t);
      }
      if (out.length >= count && enough === Infinity) enough = out.length + 1;
    }
  }
  return out.sort((a, b) => a - b).slice(0, count);
}

interface Zone {
  /** Minutes to add to UTC for the local time at `t`. */
  offsetAt(t: number): number;
  /** The instants at which the wall-clock time `wall` (as if UTC) happens, as croner runs them. */
  instants(wall: number, fixedTime: boolean): number[];
}

const WEEK = 7 * DAY;

/** The first second after `lo` (up to `hi`) whose offset differs from that at `lo`, as croner finds it. */
function changeBetween(lo: number, hi: number, offset: (t: number) => number): number {
  const at = offset(lo);
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (offset(mid) === at) lo = mid;
    else hi = mid;
  }
  return hi;
}

const zones = new Map<string, Zone>();

/** A time zone's UTC offsets, read through Intl once a week of time and at each change, and cached. */
function zoneOffsets(timeZone: string): Zone {
  const cached = zones.get(timeZone);
  if (cached) return cached;
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  });
  const read = (t: number): number => {
    const p = Object.fromEntries(format.formatToParts(t).map((x) => [x.type, Number(x.value)]));
    return Math.round((Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - Math.floor(t / 1000) * 1000) / MINUTE);
  };
  const weeks = new Map<number, number>();
  const atWeek = (w: number): number => {
    let o = weeks.get(w);
    if (o === undefined) weeks.set(w, (o = read(w * WEEK)));
    return o;
  };
  const changes = new Map<number, number>(); // week -> first second of the new offset
  const offsetAt = (t: number): number => {
    const w = Math.floor(t / WEEK);
    const [before, next] = [atWeek(w), atWeek(w + 1)];
    if (before === next) return before;
    let change = changes.get(w);
    if (change === undefined) changes.set(w, (change = changeBetween(w * WEEK, (w + 1) * WEEK, read)));
    return t < change ? before : next;
  };
  const instants = (wall: number, fixedTime: boolean): number[] => {
    const [before, after] = [offsetAt(wall - 2 * DAY), offsetAt(wall + 2 * DAY)];
    if (before === after) return [wall - before * MINUTE]; // no change within two days
    const offsets = [before, after];
    const found = offsets.map((o) => wall - o * MINUTE).filter((t) => t + offsetAt(t) * MINUTE === wall).sort((a, b) => a - b);
    if (found.length > 0) return fixedTime ? found.slice(0, 1) : found;
    if (!fixedTime) return [];
    // In the hour the clocks skip: when they jump, if that is still the same day.
    const jump = Math.max(...offsets.map((o) => wall - o * MINUTE));
    const change = changeBetween(Math.min(...offsets.map((o) => wall - o * MINUTE)), jump, offsetAt);
    return Math.floor((change + offsetAt(change) * MINUTE) / DAY) === Math.floor(wall / DAY) ? [change] : [];
  };
  const zone = { offsetAt, instants };
  zones.set(timeZone, zone);
  return zone;
}
