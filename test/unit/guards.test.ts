// Guards on the pure parts of teardown and spec that nothing else covered: each case fails when
// its named mutant (scripts/mutants/list.ts) is applied. The fleet, prune and comment halves are in
// test/integration/fleet-guards.test.ts.
import { describe, expect, it } from '@jest/globals';
import { InputErrors } from '../../src/config/types.js';
import { planTeardown } from '../../src/plan/teardown.js';
import { loadSpec } from '../../src/run/spec.js';
import { parse, REQUIRED } from './config-helpers.js';

const JOB = 'projects/p/locations/europe-west1/jobs/nightly';
const SCHEDULER = 'projects/p/locations/europe-west1/jobs/nightly-schedule';

describe('state: absent and the managed-by label', () => {
  const names = { projectId: 'p', resource: JOB, schedulerJob: SCHEDULER };
  const current = (managedBy: string) => ({
    workload: { name: JOB, labels: { 'managed-by': managedBy } } as never,
    schedulerJob: {
      name: SCHEDULER,
      description: 'Runs the Cloud Run job nightly (managed by cloud-run-cron)',
      httpTarget: { uri: 'https://europe-west1-run.googleapis.com/apis/run.googleapis.com/v1/namespaces/p/jobs/nightly:run' },
    } as never,
  });

  it('a workload labelled managed-by=terraform is refused without force: the value must be cloud-run-cron, not any value', () => {
    const config = parse({ ...REQUIRED, state: 'absent', image: '' });
    expect(planTeardown(config, names, current('terraform')).refused).toEqual(['the Cloud Run job nightly has no owner record (not made by cloud-run-cron)']);
    expect(planTeardown(config, names, current('')).refused).toHaveLength(1);
    expect(planTeardown(config, names, current('cloud-run-cron')).refused).toEqual([]);
    const forced = parse({ ...REQUIRED, state: 'absent', image: '', force: 'true' });
    expect(planTeardown(forced, names, current('terraform'))).toMatchObject({ refused: [], plan: [{ type: 'scheduler-job' }, { type: 'run-job' }] });
  });
});

describe('spec refuses output-only fields of every shape', () => {
  async function specErrors(inputs: Record<string, string>, spec: string): Promise<string[]> {
    const config = parse({ ...inputs, spec });
    try {
      await loadSpec(config, (name) => (inputs[name] ?? '') !== '');
    } catch (e) {
      if (e instanceof InputErrors) return e.errors.map((x) => x.message);
      throw e;
    }
    return [];
  }

  it('a repeated output-only field (conditions, urls) is refused even when empty, as a scalar one is', async () => {
    expect(await specErrors(REQUIRED, 'conditions: []')).toEqual(["Input 'spec': conditions: output only (Cloud Run sets it); remove it"]);
    expect(await specErrors({ ...REQUIRED, kind: 'service' }, 'urls: []\nconditions: [{type: Ready}]')).toEqual([
      "Input 'spec': urls: output only (Cloud Run sets it); remove it",
      "Input 'spec': conditions: output only (Cloud Run sets it); remove it",
    ]);
    expect(await specErrors(REQUIRED, 'template: {template: {maxRetries: 5}}')).toEqual([]);
  });
});
