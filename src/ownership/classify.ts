// Whose is it? Every decision to delete or take over a resource goes through classify: pure,
// and an exact match of the owner record (repository id, fleet, workload), never a marker
// that merely appears somewhere.
import type { Config } from '../config/types.js';
import { describeOwner, type FoundRecord } from './record.js';

/** The run asking: its fleet (undefined in single mode), repository id, and the workload in question. */
export interface Here {
  fleet?: string;
  repositoryId?: string;
  workload: string;
}

/** The run asking about the workload of `config`. */
export function hereOf(config: Config): Here {
  return { fleet: config.fleet, repositoryId: config.repositoryId, workload: config.name };
}

export type Ownership =
  | 'ours'
  /** Marked before the owner record, by this fleet (or by single mode, asked in single mode): no repository id to check. */
  | 'legacy-mark'
  | 'other-repository'
  | 'other-fleet'
  /** Deployed in single mode, asked by a fleet. */
  | 'single-mode'
  /** This fleet's and repository's, but another workload's (a trigger naming another workload). */
  | 'other-workload'
  | 'unmarked';

export interface Classified {
  ownership: Ownership;
  /** Whose it is, in words, for notices and refusals. */
  owner: string;
}

export function classify(found: FoundRecord, here: Here): Classified {
  const owner = describeOwner(found);
  const fleetMismatch = (fleet: string | undefined): Ownership | undefined =>
    fleet === here.fleet ? undefined : fleet === undefined ? 'single-mode' : 'other-fleet';
  if (found.kind === 'unmarked') return { ownership: 'unmarked', owner };
  if (found.kind === 'legacy') {
    const ownership = fleetMismatch(found.fleet) ?? (found.workload !== undefined && found.workload !== here.workload ? 'other-workload' : 'legacy-mark');
    return { ownership, owner };
  }
  const r = found.record;
  if (r.repositoryId !== here.repositoryId) return { ownership: 'other-repository', owner };
  const ownership = fleetMismatch(r.fleet) ?? (r.workload !== here.workload ? 'other-workload' : 'ours');
  return { ownership, owner };
}

/** May a deletion go ahead? Ours, or (a workload named explicitly, or its trigger) marked by this fleet before the record existed. */
export function mayDelete(c: Classified, legacyAllowed: boolean): boolean {
  return c.ownership === 'ours' || (legacyAllowed && c.ownership === 'legacy-mark');
}

/** What a deploy says when it writes its record over another one (or over none). */
export interface Takeover {
  /** On the workload's plan line. */
  reason?: string;
  notice?: string;
  /** A resource made outside the action: named once, as a ::warning::. */
  warning?: string;
}

/** A deploy of `what` (e.g. "Cloud Run job x") by `here` over what it carries now. Pure. */
export function takeover(found: FoundRecord, here: Here, what: string): Takeover {
  const c = classify(found, here);
  const mine = here.fleet ? `fleet ${here.fleet}` : 'single mode';
  const foundFleet = found.kind === 'record' ? found.record.fleet : found.kind === 'legacy' ? found.fleet : undefined;
  switch (c.ownership) {
    case 'ours':
    case 'legacy-mark':
      return {};
    case 'unmarked':
      return {
        reason: 'taken over: it had no owner record',
        warning: `The ${what} was not made by cloud-run-cron (it has no owner record): this run takes it over and writes the owner record of ${mine}, so prune and state: absent may delete it from now on.`,
      };
    case 'other-repository':
      return {
        reason: `taken over from ${c.owner}`,
        warning: `The ${what} belonged to ${c.owner}: this run takes it over for ${mine} of repository ${here.repositoryId ?? '(none)'}; the other repository no longer prunes or removes it.`,
      };
    default:
      if (!here.fleet && foundFleet) {
        return {
          reason: `leaves fleet ${foundFleet} (single mode)`,
          notice: `The ${what} was in fleet ${foundFleet}: single mode removes its fleet mark, so fleet ${foundFleet}'s prune no longer deletes it.`,
        };
      }
      return {
        reason: `taken over by ${mine} from ${c.owner}`,
        notice: `The ${what} was ${c.owner}: ${mine} takes it over, so ${foundFleet ? `fleet ${foundFleet}'s prune` : 'single mode'} no longer manages it.`,
      };
  }
}
