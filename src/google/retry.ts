// Bounded retries with exponential backoff and full jitter. Google's APIs answer 429 and
// 503 in normal operation; the Run and Scheduler clients do not retry in REST mode.
import { isQuotaError, isRetryable } from '../errors/api-error.js';

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface RetryOptions {
  /** Most attempts in all (default 6). */
  attempts?: number;
  /** First backoff ceiling, ms (default 250). */
  baseMs?: number;
  /** Largest backoff ceiling, ms (default 8000). */
  maxMs?: number;
  /** No retry starts after this epoch time (ms): the run's overall deadline. */
  deadline?: number;
  /** No retry starts when the call has been at it this long, ms (default 120000). */
  budgetMs?: number;
  /** Which errors are worth another try (default: isRetryable). */
  retryOn?: (err: unknown) => boolean;
  onRetry?: (err: unknown, delayMs: number, attempt: number) => void;
  /** For tests and the benchmark: the randomness of the jitter. */
  random?: () => number;
}

/**
 * When a quota error (429 / RESOURCE_EXHAUSTED) was last seen, by any call of this run: the
 * project's read quota is shared, so the pollers slow down (pollUntil reads this).
 */
export const quotaSignal = { lastAt: 0, count: 0 };


/** The backoff before attempt `attempt + 1`; quota errors back off harder. */
export function backoffMs(attempt: number, err: unknown, opts: RetryOptions = {}): number {
  const base = opts.baseMs ?? 250;
  const quota = isQuotaError(err);
  const ceiling = Math.min(opts.maxMs ?? 8000, (quota ? base * 4 : base) * 2 ** (attempt - 1));
  // Full jitter, but never less than a quarter of the ceiling, so a retry is not immediate.
  const r = (opts.random ?? Math.random)();
  return Math.round(ceiling * (0.25 + 0.75 * r));
}

export async function withRetry<T>(fn: () => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  const attempts = opts.attempts ?? 6;
  const retryOn = opts.retryOn ?? isRetryable;
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (isQuotaError(err)) {
        quotaSignal.lastAt = Date.now();
        quotaSignal.count++;
      }
      if (attempt >= attempts || !retryOn(err)) throw err;
      const delay = backoffMs(attempt, err, opts);
      if (opts.deadline !== undefined && Date.now() + delay > opts.deadline) throw err;
      if (Date.now() + delay - started > (opts.budgetMs ?? 120_000)) throw err;
      opts.onRetry?.(err, delay, attempt);
      await sleep(delay);
    }
  }
}
