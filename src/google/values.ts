// Values as Google's APIs hand them back. REST JSON gives enum names, int64 and durations
// as strings ("600s") and bytes as base64; the generated clients give enum numbers, Longs
// and {seconds, nanos}. These read any of those forms; the action writes REST JSON.

type Longish = { toNumber(): number };

export function toNumber(value: unknown): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return Number(value);
  if (typeof (value as Longish).toNumber === 'function') return (value as Longish).toNumber();
  return undefined;
}

/** Seconds of a google.protobuf.Duration in any of its shapes. */
export function durationSeconds(value: unknown): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') {
    const m = /^(-?\d+(?:\.\d+)?)s$/.exec(value);
    return m ? Number(m[1]) : undefined;
  }
  if (typeof value === 'object') {
    const d = value as { seconds?: unknown; nanos?: unknown };
    return (toNumber(d.seconds) ?? 0) + (toNumber(d.nanos) ?? 0) / 1e9;
  }
  return toNumber(value);
}

/** A google.protobuf.Duration in REST JSON: "600s". */
export function duration(seconds: number): string {
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(9).replace(/0+$/, '')}s`;
}

/** Milliseconds since the epoch of a google.protobuf.Timestamp in any of its shapes. */
export function timestampMs(value: unknown): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'string') {
    const t = Date.parse(value);
    return Number.isNaN(t) ? undefined : t;
  }
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'object') {
    const t = value as { seconds?: unknown; nanos?: unknown };
    if (t.seconds === undefined && t.nanos === undefined) return undefined;
    return (toNumber(t.seconds) ?? 0) * 1000 + Math.floor((toNumber(t.nanos) ?? 0) / 1e6);
  }
  return undefined;
}

/** An enum's name, whether the client gave the name or the number. */
export function enumName(value: unknown, names: readonly string[]): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return names[value];
  return String(value);
}

/** Bytes fields come back as Buffer/Uint8Array or base64 text; this gives base64. */
export function bytesBase64(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  return undefined;
}

export const CONDITION_STATES = [
  'STATE_UNSPECIFIED',
  'CONDITION_PENDING',
  'CONDITION_RECONCILING',
  'CONDITION_FAILED',
  'CONDITION_SUCCEEDED',
] as const;
