// The read-only planner's refusal (src/plan/read-only.ts): every write a run would make, named.
import { describe, expect, it } from '@jest/globals';
import { plannedWrites, readOnlyRefusal } from '../../src/plan/read-only.js';
import type { Change } from '../../src/plan/types.js';

const change = (action: Change['action'], type: Change['type'], resource: string): Change => ({ action, type, resource, fields: [] });
const JOB = 'projects/p/locations/r/jobs/a';

describe('plannedWrites', () => {
  it('nothing to write: an unchanged plan whose smoke test would not run', () => {
    expect(plannedWrites([{ plan: [change('unchanged', 'run-job', JOB)], smokeTestRuns: false }], [])).toEqual([]);
  });

  it('each change, each smoke test that would run (it runs the trigger), and each deletion of prune', () => {
    const writes = plannedWrites(
      [
        { label: 'a', plan: [change('update', 'run-job', JOB), change('unchanged', 'iam-binding', JOB)], smokeTestRuns: true },
        { label: 'b', plan: [change('unchanged', 'run-job', 'projects/p/locations/r/jobs/b')], smokeTestRuns: true },
      ],
      [change('delete', 'scheduler-job', 'projects/p/locations/r/jobs/old-schedule')],
    );
    expect(writes).toEqual([
      `a: update run-job ${JOB}`,
      'a: the smoke test (it runs the trigger once)',
      'b: the smoke test (it runs the trigger once)',
      'prune: delete scheduler-job projects/p/locations/r/jobs/old-schedule',
    ]);
  });
});

describe('readOnlyRefusal', () => {
  it('names the planner, every write, and the deployer to apply with', () => {
    const text = readOnlyRefusal('cloud-run-cron-planner@p.iam.gserviceaccount.com', 'p', [`create run-job ${JOB}`]);
    expect(text.split('\n')[0]).toBe('Refused before any write: cloud-run-cron-planner@p.iam.gserviceaccount.com is the read-only planner (read_only: true), and this run would write:');
    expect(text).toContain(`- create run-job ${JOB}`);
    expect(text).toContain('Nothing was written.');
    expect(text).toContain('cloud-run-cron-deployer@p.iam.gserviceaccount.com');
  });
});
