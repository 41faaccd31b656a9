// The step's log: one collapsible group per phase, and polling progress that says something only when there is something to say.
import * as core from '@actions/core';
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
}

/** Runs `fn` inside a log group and records its wall time under `name`, failed or not. */
export async function phase<T>(name: string, fn: () => Promise<T>, options: PhaseOptions = {}): Promise<T> {
  const { title = name, into = phaseTimes, clock = Date.now } = options;
  const start = clock();
  try {
    return await core.group(title, fn);
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
  /** Longest silence while nothing changes, ms (default 10 s). */
  intervalMs?: number;
  clock?: () => number;
  print?: (line: string) => void;
}

export interface Progress {
  /** Reports the latest poll; returns whether a line was printed. */
  update(state: ProgressState): boolean;
}

/**
 * A progress reporter for a polling loop: prints when the status, task counts or detail
 * change, otherwise at most once per interval (so a 1 s poll does not flood the log).
 */
export function createProgress(label: string, options: ProgressOptions = {}): Progress {
  const { intervalMs = 10_000, clock = Date.now, print = core.info } = options;
  const start = clock();
  let lastKey: string | undefined;
  let lastPrint = -Infinity;
  return {
    update(state) {
      const now = clock();
      const what = [state.status, state.tasks && formatTasks(state.tasks), state.detail].filter(Boolean).join(' · ');
      if (what === lastKey && now - lastPrint < intervalMs) return false;
      print(`${label}: ${what} (${formatElapsed(now - start)})`);
      lastKey = what;
      lastPrint = now;
      return true;
    },
  };
}
