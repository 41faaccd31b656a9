// Jest's order of test files: the dist check first, then the integration tests, then the rest.
// Jest puts the files that took longest last time first; on a fresh checkout (CI) it has no
// times and goes by file size, so the long integration files (they wait on the local Google
// Cloud) started last and ran alone at the end. Started first, the short unit files fill the
// other worker around them. The dist check is one ncc build (~10 s of CPU and no waiting): run
// first, it fills the time the first integration files spend waiting, instead of running at
// the end (by size it is one of the small files).
import Sequencer from '@jest/test-sequencer';

const Base = Sequencer.default ?? Sequencer;
const rank = (test) => (/[\\/]test[\\/]unit[\\/]dist\.test\.ts$/.test(test.path) ? 0 : /[\\/]test[\\/]integration[\\/]/.test(test.path) ? 1 : 2);

export default class IntegrationFirst extends Base {
  async sort(tests) {
    const sorted = await super.sort(tests);
    return [0, 1, 2].flatMap((r) => sorted.filter((t) => rank(t) === r));
  }
}
