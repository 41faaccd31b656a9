// Keeps a run's requests to one API under that API's per-project, per-minute quota, so a large
// fleet is not turned away with 429s (which the retries would then have to wait out). A token
// bucket: a burst for the first requests, then an even pace; in any 60 s at most burst + rate.
import { sleep } from './retry.js';

export class Pacer {
  private readonly perMinute: number;
  private readonly burst: number;
  private tokens: number;
  private at = Date.now();
  private queue: Promise<void> = Promise.resolve();

  constructor(perMinute: number, burst: number) {
    this.perMinute = perMinute;
    this.burst = burst;
    this.tokens = burst;
  }

  /** Resolves when the next request may go (callers are served in order). */
  take(): Promise<void> {
    const turn = this.queue.then(async () => {
      this.refill();
      if (this.tokens < 1) {
        await sleep(Math.ceil(((1 - this.tokens) * 60_000) / this.perMinute));
        this.refill();
      }
      this.tokens -= 1;
    });
    this.queue = turn;
    return turn;
  }

  private refill(): void {
    const now = Date.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) / 60_000) * this.perMinute);
    this.at = now;
  }
}
