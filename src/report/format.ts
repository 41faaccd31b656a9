// Small text formatters shared by the log, the plan and the summary.
import { formatDuration } from '../config/duration.js';
import type { TaskCounts } from './types.js';

/** Wall time for people: '850ms', '4.2s', '1m5s'. */
export function formatElapsed(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)}s`;
  return formatDuration(ms / 1000);
}

/** '2/5 succeeded, 1 running, 1 failed, 1 retried' (zero counts other than succeeded left out). */
export function formatTasks(t: TaskCounts): string {
  const extra = (
    [
      ['running', t.running],
      ['failed', t.failed],
      ['cancelled', t.cancelled],
      ['retried', t.retried],
    ] as const
  )
    .filter(([, n]) => n > 0)
    .map(([what, n]) => `${n} ${what}`);
  return [`${t.succeeded}/${t.total} succeeded`, ...extra].join(', ');
}

const RUN_TIME_FORMAT: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
};

function parts(date: Date, timeZone: string, locale: string): Record<string, string> {
  const fmt = new Intl.DateTimeFormat(locale, { ...RUN_TIME_FORMAT, timeZone });
  return Object.fromEntries(fmt.formatToParts(date).map((p) => [p.type, p.value]));
}

/**
 * 'Sat 2026-11-28 03:00 CET' in `timeZone`. en-US knows the American abbreviations
 * (EST) and en-GB the European ones (CET, BST); elsewhere the offset (GMT+9) stays.
 */
export function formatRunTime(date: Date, timeZone: string): string {
  const p = parts(date, timeZone, 'en-US');
  let zone = p.timeZoneName ?? '';
  if (zone.startsWith('GMT')) {
    const gb = parts(date, timeZone, 'en-GB').timeZoneName ?? '';
    if (/^[A-Z]{2,5}$/.test(gb) && gb !== 'GMT') zone = gb;
  }
  return `${p.weekday} ${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute} ${zone}`;
}
