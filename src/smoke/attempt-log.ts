// One reader of Cloud Scheduler's attempt log for the whole run. Cloud Logging's entries.list is
// limited per project (60 read requests a minute by default, shared with every other log reader
// of the project), so the smoke tests of a fleet do not each poll it: they register the attempt
// they wait for, and one batched read (a filter over every pending Scheduler job) answers them
// all, paced to a share of the quota. A 429 means "not yet" (with a backoff, longer when the
// server hints so), never "no permission"; only a refusal of the deployer makes the log unreadable.
import { readApiError } from '../errors/api-error.js';
import { explainApiError, type ErrorContext } from '../errors/explain.js';
import type { GoogleClients } from '../google/clients.js';
import { sleep } from '../google/retry.js';

/** A Cloud Scheduler attempt's log entry (log cloudscheduler.googleapis.com%2Fexecutions). */
export interface AttemptEntry {
  timestamp?: string;
  resource?: { labels?: { job_id?: string; location?: string } };
  jsonPayload?: { status?: string; debugInfo?: string; jobName?: string };
  httpRequest?: { status?: number };
}

/** The deployer may not read the log (a refusal no wait mends); the message says why. */
export class LogUnreadable extends Error {}

export interface AttemptLogPacing {
  /** Most reads in any 60 s (default 20: a third of the project's default quota, for other readers). */
  perMinute: number;
  /** Least gap between two reads, ms. */
  minGapMs: number;
  /** First backoff after a 429 without a hint, ms (doubling up to maxBackoffMs). */
  backoffMs: number;
  maxBackoffMs: number;
}

export const DEFAULT_PACING: AttemptLogPacing = { perMinute: 20, minGapMs: 1000, backoffMs: 5000, maxBackoffMs: 60_000 };

/** Cloud Logging's longest query (https://cloud.google.com/logging/quotas): stay well below it. */
const MAX_FILTER_CHARS = 15_000;
/** How far Google's clocks may be off the runner's when asking for entries since an attempt. */
const SKEW_MS = 30_000;
/** Consecutive failures (not 429, not a refusal) before the log counts as unreadable. */
const MAX_FAILURES = 5;

interface Pending {
  project: string;
  location: string;
  id: string;
  /** Epoch ms of the attempt's start (Google's lastAttemptTime). */
  since: number;
}

const PAYLOAD = 'type.googleapis.com/google.cloud.scheduler.logging.AttemptFinished';

export class AttemptLog {
  /** entries.list requests sent (for the summary and the bench). */
  reads = 0;
  /** 429 answers received. */
  throttled = 0;
  private readonly pending = new Map<string, Pending>();
  private readonly found = new Map<string, AttemptEntry[]>();
  private readonly readTimes: number[] = [];
  private next?: Promise<void>;
  private notBefore = 0;
  private backoff: number;
  private failures = 0;
  private unreadable?: string;

  private readonly clients: GoogleClients;
  private readonly errorContext: Omit<ErrorContext, 'action' | 'resource'>;
  private readonly pacing: AttemptLogPacing;

  constructor(clients: GoogleClients, errorContext: Omit<ErrorContext, 'action' | 'resource'>, pacing: AttemptLogPacing = DEFAULT_PACING) {
    this.clients = clients;
    this.errorContext = errorContext;
    this.pacing = pacing;
    this.backoff = pacing.backoffMs;
  }

  /**
   * The AttemptFinished entry of the attempt of `schedulerJob` that started at `since` (epoch ms),
   * once a read has found it; undefined: not (yet) found by the next read that fits before
   * `deadline`. Throws LogUnreadable when Cloud Logging refuses the deployer.
   */
  async finished(schedulerJob: string, since: number, deadline: number): Promise<AttemptEntry | undefined> {
    const hit = this.take(schedulerJob, since);
    if (hit) return hit;
    if (this.unreadable) throw new LogUnreadable(this.unreadable);
    const [, project, , location, , id] = schedulerJob.split('/');
    this.pending.set(schedulerJob, { project: project!, location: location!, id: id!, since });
    if (this.nextReadAt() > deadline) return undefined;
    await this.read();
    if (this.unreadable) throw new LogUnreadable(this.unreadable);
    return this.take(schedulerJob, since);
  }

  /** Stops waiting for `schedulerJob` (its attempt was confirmed otherwise). */
  forget(schedulerJob: string): void {
    this.pending.delete(schedulerJob);
    this.found.delete(schedulerJob);
  }

  /** Whether the deployer may read the log: one read of its own (shared), or what is known. */
  async readable(project: string, deadline: number): Promise<true | string> {
    if (this.unreadable) return this.unreadable;
    if (this.reads > 0 && this.failures === 0) return true;
    const probe = `projects/${project}/locations/-/jobs/-`;
    this.pending.set(probe, { project, location: '-', id: '-', since: Date.now() });
    try {
      if (this.nextReadAt() <= deadline) await this.read();
    } finally {
      this.pending.delete(probe);
    }
    return this.unreadable ?? true;
  }

  private take(schedulerJob: string, since: number): AttemptEntry | undefined {
    const entries = this.found.get(schedulerJob) ?? [];
    const hit = entries.find((e) => Date.parse(e.timestamp ?? '') >= since);
    if (hit) {
      this.forget(schedulerJob);
      return hit;
    }
    return undefined;
  }

  private nextReadAt(): number {
    const now = Date.now();
    const windowStart = now - 60_000;
    while (this.readTimes.length && this.readTimes[0]! <= windowStart) this.readTimes.shift();
    const byWindow = this.readTimes.length >= this.pacing.perMinute ? this.readTimes[0]! + 60_000 : 0;
    const byGap = (this.readTimes.at(-1) ?? 0) + this.pacing.minGapMs;
    return Math.max(now, byWindow, byGap, this.notBefore);
  }

  /** The next batched read: one for every caller waiting now, paced. */
  private read(): Promise<void> {
    this.next ??= (async () => {
      await sleep(this.nextReadAt() - Date.now());
      this.next = undefined;
      await this.readOnce();
    })();
    return this.next;
  }

  private async readOnce(): Promise<void> {
    const batch = this.batch();
    if (!batch.length) return;
    const project = batch[0]!.project;
    const since = Math.min(...batch.map((p) => p.since)) - SKEW_MS;
    const jobs = batch.filter((p) => p.id !== '-').map((p) => `resource.labels.job_id = "${p.id}"`);
    const filter = [
      `logName = "projects/${project}/logs/cloudscheduler.googleapis.com%2Fexecutions"`,
      'resource.type = "cloud_scheduler_job"',
      `jsonPayload."@type" = "${PAYLOAD}"`,
      `timestamp >= "${new Date(since).toISOString()}"`,
      ...(jobs.length ? [`(${jobs.join(' OR ')})`] : []),
    ].join(' AND ');
    this.readTimes.push(Date.now());
    this.reads++;
    try {
      const page = await this.clients.logging.list<AttemptEntry>({ resourceNames: [`projects/${project}`], filter, orderBy: 'timestamp asc', pageSize: 1000 });
      this.failures = 0;
      this.backoff = this.pacing.backoffMs;
      const byJob = new Map<string, AttemptEntry[]>();
      for (const entry of page.entries ?? []) {
        const labels = entry.resource?.labels;
        const name = `projects/${project}/locations/${labels?.location}/jobs/${labels?.job_id}`;
        if (this.pending.has(name)) byJob.set(name, [...(byJob.get(name) ?? []), entry]);
      }
      for (const [name, entries] of byJob) this.found.set(name, entries);
    } catch (err) {
      const facts = readApiError(err);
      if (facts.httpStatus === 429 || facts.grpcCode === 8) {
        // The project's read quota is spent (by this run or another reader): not yet.
        this.throttled++;
        this.notBefore = Date.now() + (retryHintMs(err) ?? this.backoff);
        this.backoff = Math.min(this.backoff * 2, this.pacing.maxBackoffMs);
        return;
      }
      const refused = facts.httpStatus === 401 || facts.httpStatus === 403 || facts.grpcCode === 7 || facts.grpcCode === 16;
      if (refused || ++this.failures >= MAX_FAILURES) {
        const explained = explainApiError(err, { ...this.errorContext, action: 'reading the Cloud Scheduler attempt log (Cloud Logging)', resource: `projects/${project}` });
        this.unreadable = explained.message.split('\n')[0]!;
        return;
      }
      this.notBefore = Date.now() + this.backoff;
    }
  }

  /** The pending jobs of one project whose filter fits in one query. */
  private batch(): Pending[] {
    const all = [...this.pending.values()];
    const project = all[0]?.project;
    const out: Pending[] = [];
    let chars = 400;
    for (const p of all) {
      if (p.project !== project) continue;
      chars += p.id.length + 40;
      if (chars > MAX_FILTER_CHARS) break;
      out.push(p);
    }
    // The first waiting jobs go last next time, so a long list is read in turns.
    for (const p of out) {
      const key = `projects/${p.project}/locations/${p.location}/jobs/${p.id}`;
      if (this.pending.delete(key)) this.pending.set(key, p);
    }
    return out;
  }
}

/** A server's hint of when to try again: google.rpc.RetryInfo's retryDelay, or Retry-After. */
export function retryHintMs(err: unknown): number | undefined {
  for (let e: unknown = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const response = (e as { response?: { data?: unknown; headers?: unknown } }).response;
    const data = response?.data as { error?: { details?: { '@type'?: string; retryDelay?: string }[] } } | undefined;
    const delay = data?.error?.details?.find((d) => d['@type'] === 'type.googleapis.com/google.rpc.RetryInfo')?.retryDelay;
    const seconds = delay ? Number(/^([\d.]+)s$/.exec(delay)?.[1]) : NaN;
    if (Number.isFinite(seconds)) return seconds * 1000;
    const headers = response?.headers as { get?: (k: string) => string | null } | Record<string, string> | undefined;
    const after = typeof headers?.get === 'function' ? headers.get('retry-after') : (headers as Record<string, string> | undefined)?.['retry-after'];
    if (after && /^\d+$/.test(after)) return Number(after) * 1000;
  }
  return undefined;
}
