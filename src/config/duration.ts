// Durations as the inputs write them: 90s, 10m, 2h, 1h30m, 1h30m15s, or bare seconds.

const UNIT_SECONDS = { h: 3600, m: 60, s: 1 } as const;
const DURATION = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

/** Seconds in `text`, or undefined when it is not a duration. */
export function parseDuration(text: string): number | undefined {
  const t = text.trim();
  if (/^\d+$/.test(t)) return Number(t);
  const m = DURATION.exec(t);
  if (!m || t === '') return undefined;
  const [, h = '0', min = '0', s = '0'] = m;
  return Number(h) * UNIT_SECONDS.h + Number(min) * UNIT_SECONDS.m + Number(s);
}

/** The shortest spelling: 5400 -> '1h30m', 90 -> '1m30s', 0 -> '0s'. */
export function formatDuration(seconds: number): string {
  let rest = Math.round(seconds);
  let out = '';
  for (const [unit, size] of Object.entries(UNIT_SECONDS)) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0) out += `${n}${unit}`;
  }
  return out || '0s';
}
