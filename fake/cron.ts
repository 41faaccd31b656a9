// Unix-cron (5 fields) parsing and next-run computation in an IANA time zone, for Cloud
// Scheduler's validation and `scheduleTime`. Built-ins only (Intl), so the fake has no deps.

const RANGES: [number, number][] = [[0, 59], [0, 23], [1, 31], [1, 12], [0, 7]];
const NAMES: Record<string, number>[] = [
  {}, {}, {},
  Object.fromEntries(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((m, i) => [m, i + 1])),
  Object.fromEntries(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d, i) => [d, i])),
];

export interface Cron { fields: Set<number>[]; domStar: boolean; dowStar: boolean }

export function parseCron(expr: string): Cron | undefined {
  const parts = expr.trim().split(/\s+/);
  if (parts.length !== 5) return undefined;
  const fields: Set<number>[] = [];
  for (let i = 0; i < 5; i++) {
    const [lo, hi] = RANGES[i];
    const set = new Set<number>();
    for (const item of parts[i].split(',')) {
      const m = /^(\*|[a-z0-9]+(?:-[a-z0-9]+)?)(?:\/(\d+))?$/i.exec(item);
      if (!m) return undefined;
      const step = m[2] ? Number(m[2]) : 1;
      if (step < 1) return undefined;
      let a = lo;
      let b = hi;
      if (m[1] !== '*') {
        const [x, y] = m[1].split('-').map(v => (/^\d+$/.test(v) ? Number(v) : NAMES[i][v.toLowerCase()]));
        if (x === undefined || Number.isNaN(x) || (y !== undefined && Number.isNaN(y))) return undefined;
        a = x;
        b = y ?? (m[2] ? hi : x);
      }
      if (a < lo || b > hi || a > b) return undefined;
      for (let v = a; v <= b; v += step) set.add(i === 4 && v === 7 ? 0 : v);
    }
    fields.push(set);
  }
  return { fields, domStar: parts[2] === '*', dowStar: parts[4] === '*' };
}

export function validTimeZone(tz: string): boolean {
  if (tz === 'UTC' || tz === 'Etc/UTC' || tz === 'GMT' || tz === 'Etc/GMT') return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(tz);
  } catch {
    return false;
  }
}

// One formatter per zone: building an Intl.DateTimeFormat costs far more than using one, and
// nextRun reads the local time of up to a few hundred candidate instants.
const formatters = new Map<string, Intl.DateTimeFormat>();

function localParts(ms: number, tz: string): { minute: number; hour: number; day: number; month: number; dow: number } {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz, hourCycle: 'h23', minute: 'numeric', hour: 'numeric', day: 'numeric', month: 'numeric', weekday: 'short',
    });
    formatters.set(tz, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(ms)).map(x => [x.type, x.value]));
  const dow = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(p.weekday);
  return { minute: Number(p.minute), hour: Number(p.hour), day: Number(p.day), month: Number(p.month), dow };
}

/** The first minute strictly after `from` that matches, or undefined within ~5 years. */
export function nextRun(c: Cron, tz: string, from = Date.now()): number | undefined {
  const [mins, hours, doms, months, dows] = c.fields;
  let t = Math.floor(from / 60000) * 60000 + 60000;
  const limit = from + 5 * 366 * 86400000;
  while (t < limit) {
    const p = localParts(t, tz);
    const dayOk = c.domStar || c.dowStar ? doms.has(p.day) && dows.has(p.dow) : doms.has(p.day) || dows.has(p.dow);
    if (!months.has(p.month) || !dayOk) {
      t += (60 - p.minute) * 60000 + (23 - p.hour) * 3600000; // to the next local midnight (DST-safe enough)
      continue;
    }
    if (!hours.has(p.hour)) {
      t += (60 - p.minute) * 60000;
      continue;
    }
    if (!mins.has(p.minute)) {
      t += 60000;
      continue;
    }
    return t;
  }
  return undefined;
}
