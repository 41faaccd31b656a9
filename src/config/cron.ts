// Unix cron as Cloud Scheduler reads it: five fields, evaluated in an IANA time zone.
// Validation and run times are in cron-core.ts (on the start-up path); the English
// description needs cronstrue, which loads only with what imports this module (the report).
import cronstrue from 'cronstrue';

export { nextRuns, shortestIntervalSeconds, validateCron } from './cron-core.js';

/** The schedule in English, e.g. "At 03:00, Monday through Friday". */
export function describeCron(expr: string): string {
  return cronstrue.toString(expr.trim(), { use24HourTimeFormat: true, throwExceptionOnParseError: true });
}
