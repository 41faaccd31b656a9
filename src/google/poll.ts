// Polling that notices completion soon and stays polite: quick at first, backing off to a
// cap (about one read a second, counted from the start of one read to the start of the
// next), slower after a quota error anywhere in the run; every read retried on passing
// errors (by the caller's api.call), and nothing waits past its deadline.
import { isQuotaError } from '../errors/api-error.js';
import { quotaSignal, sleep } from './retry.js';

export interface PollOptions<T> {
  read: () => Promise<T>;
  /** True once the read shows the end. */
  finished: (value: T) => boolean;
  /** Epoch ms; past it, onTimeout's error is thrown. */
  deadline: number;
  onTimeout: (last: T | undefined) => Error;
  onRead?: (value: T) => void;
  /** Wait before the first read, ms (default 0: read at once). */
  initialDelayMs?: number;
  /** Gap between the starts of the first two reads, ms; each next gap is 1.5x longer. */
  firstMs?: number;
  /** Longest gap between the starts of two reads, ms. */
  capMs?: number;
}

export const POLL_FIRST_MS = 100;
/** Under a second, so a completion is seen within 1 s; ~1.1 reads/s sustained. */
export const POLL_CAP_MS = 900;
/** A quota error multiplies the cap by up to this much. */
const QUOTA_SLOWDOWN_MAX = 8;

export async function pollUntil<T>(opts: PollOptions<T>): Promise<T> {
  const baseCap = opts.capMs ?? POLL_CAP_MS;
  let interval = opts.firstMs ?? POLL_FIRST_MS;
  let slowdown = 1;
  let quotaSeen = quotaSignal.count;
  let last: T | undefined;
  if (opts.initialDelayMs) await sleep(Math.min(opts.initialDelayMs, Math.max(0, opts.deadline - Date.now())));
  for (;;) {
    const readStart = Date.now();
    try {
      last = await opts.read();
      opts.onRead?.(last);
      if (opts.finished(last)) return last;
    } catch (err) {
      // The read itself already retried; a quota error that still comes through only slows us.
      if (!isQuotaError(err)) throw err;
    }
    if (quotaSignal.count !== quotaSeen) {
      // A 429 (ours, retried or not, or another call's): back off hard, and stay slower.
      quotaSeen = quotaSignal.count;
      slowdown = Math.min(QUOTA_SLOWDOWN_MAX, slowdown * 2);
      interval = Math.max(interval, baseCap) * 2;
    }
    const cap = baseCap * slowdown;
    interval = Math.min(cap, interval);
    const wait = Math.max(0, readStart + interval - Date.now());
    interval *= 1.5;
    const remaining = opts.deadline - Date.now();
    if (remaining <= 0) throw opts.onTimeout(last);
    await sleep(Math.min(wait, remaining));
  }
}
