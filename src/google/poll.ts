// Polling that notices completion soon and stays polite: quick at first, backing off to a
// cap (about one read a second), slower again after a quota error; every read retried on
// passing errors, and nothing waits past its deadline.
import { readApiError } from '../errors/api-error.js';
import { sleep } from './retry.js';

export interface PollOptions<T> {
  read: () => Promise<T>;
  /** The value to return once the read shows the end, else undefined to keep polling. */
  finished: (value: T) => boolean;
  /** Epoch ms; past it, onTimeout's error is thrown. */
  deadline: number;
  onTimeout: (last: T | undefined) => Error;
  onRead?: (value: T) => void;
  firstMs?: number;
  capMs?: number;
}

export const POLL_FIRST_MS = 200;
export const POLL_CAP_MS = 1000;

export async function pollUntil<T>(opts: PollOptions<T>): Promise<T> {
  const cap = opts.capMs ?? POLL_CAP_MS;
  let interval = opts.firstMs ?? POLL_FIRST_MS;
  let last: T | undefined;
  for (;;) {
    try {
      last = await opts.read();
      opts.onRead?.(last);
      if (opts.finished(last)) return last;
      interval = Math.min(cap, interval * 1.5);
    } catch (err) {
      // The read itself already retried; a quota error that still comes through slows us.
      if (readApiError(err).httpStatus !== 429 && readApiError(err).grpcCode !== 8) throw err;
      interval = Math.min(cap * 8, interval * 4);
    }
    if (Date.now() + interval > opts.deadline) {
      const remaining = opts.deadline - Date.now();
      if (remaining <= 0) throw opts.onTimeout(last);
      await sleep(remaining);
      continue;
    }
    await sleep(interval);
  }
}
