// Jest's order of test files. Jest starts the files that took longest last time first; on a fresh
// checkout (CI) it has no times and goes by file size, which put the files that take longest
// (because they wait, or build) last, where they ran alone at the end while the other worker
// had nothing left to do. So:
// 1. First, the files known to take longest, in this order: fidelity waits out a 15 s Scheduler
//    attempt deadline (little CPU: the other worker, tsc and ESLint use the time); faults runs
//    59 concurrent cases; plan has the most integration cases. (The dist check, one ncc build, is
//    its own step of scripts/test, beside jest.)
// 2. Then the other integration tests (they wait on the local Google Cloud), in jest's order.
// 3. Then the unit and fake tests: short, they fill the gaps at the end.
import Sequencer from '@jest/test-sequencer';

const Base = Sequencer.default ?? Sequencer;
export const FIRST = ['integration/fidelity.test.ts', 'integration/faults.test.ts', 'integration/plan.test.ts'];
const path = (test) => test.path.replace(/\\/g, '/');
const first = (test) => FIRST.findIndex((f) => path(test).endsWith(`/test/${f}`));
const integration = (test) => path(test).includes('/test/integration/');

export default class LongestFirst extends Base {
  async sort(tests) {
    const sorted = await super.sort(tests);
    const known = sorted.filter((t) => first(t) >= 0).sort((a, b) => first(a) - first(b));
    const rest = sorted.filter((t) => first(t) < 0);
    return [...known, ...rest.filter(integration), ...rest.filter((t) => !integration(t))];
  }
}
