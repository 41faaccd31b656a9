// The step's log: one collapsible group per phase, and polling progress that says something only when there is something to say.
import * as core from './runner.js';
import { formatElapsed, formatTasks } from './format.js';
import type { TaskCounts } from './types.js';

export type PhaseTimes = Record<string, number>;

/** Wall time per phase of this run, ms (what RunReport.phases carries). */
export const phaseTimes: PhaseTimes = {};

export interface PhaseOptions {
  /** Group title in the log; default the phase name. */
  title?: string;
  /** Where the wall time goes; default `phaseTimes`. */
  into?: PhaseTimes;
  clock?: () => number;
  /** false: no log group (phases of workloads that run side by side would interleave their groups). */
  group?: boolean;
}

/** Runs `fn` inside a log group and records its wall time under `name`, failed or not. */
export async function phase<T>(name: string, fn: () => Promise<T>, options: PhaseOptions = {}): Promise<T> {
  const { title = name, into = phaseTimes, clock = Date.now, group = true } = options;
  const start = clock();
  try {
    return await (group ? core.group(title, fn) : fn());
  } finally {
    into[name] = (into[name] ?? 0) + (clock() - start);
  }
}

export interface ProgressState {
  /** e.g. 'RUNNING', 'waiting for the Scheduler attempt'. */
  status: string;
  tasks?: TaskCounts;
  detail?: string;
}

export interface ProgressOptions {
  /** Shortest gap between two lines, ms (default 3 s): a change inside it waits for the next poll after it. */
  intervalMs?: number;
  clock?: () => number;
  print?: (line: string) => void;
}

export interface Progress {
  /** Reports the latest poll; `final` (the wait is over) prints a change at once. Returns whether a line was printed. */
  update(state: ProgressState, final?: boolean): boolean;
}

/**
 * A progress reporter for a polling loop: a line only when the status, task counts or detail
 * changed since the last line, and at most one per interval (so a 1 s poll does not flood
 * the log, and a long wait on nothing new stays quiet).
 */
export function createProgress(label: string, options: ProgressOptions = {}): Progress {
  const { intervalMs = 3_000, clock = Date.now, print = core.info } = options;
  const start = clock();
  let lastKey: string | undefined;
  let lastPrint = -Infinity;
  return {
    update(state, final = false) {
      const now = clock();
      const what = [state.status, state.tasks && formatTasks(state.tasks), state.detail].filter(Boolean).join(' · ');
      if (what === lastKey || (!final && now - lastPrint < intervalMs)) return false;
      print(`${label}: ${what} (${formatElapsed(now - start)})`);
      lastKey = what;
      lastPrint = now;
      return true;
    },
  };
}
