// Jest's order of test files, with the integration tests first. Jest puts the files that took
// longest last time first; on a fresh checkout (CI) it has no times and goes by file size, so
// the long integration files (they wait on the local Google Cloud) started last and ran alone
// at the end. Started first, the short unit files fill the other worker around them.
import Sequencer from '@jest/test-sequencer';

const Base = Sequencer.default ?? Sequencer;
const integration = (test) => /[\\/]test[\\/]integration[\\/]/.test(test.path);

export default class IntegrationFirst extends Base {
  async sort(tests) {
    const sorted = await super.sort(tests);
    return [...sorted.filter(integration), ...sorted.filter((t) => !integration(t))];
  }
}
