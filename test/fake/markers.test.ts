// The fake's failure triggers are explicit (fake/README.md, "Image markers"): only an image whose
// repository's last path segment is `fake-<marker>[-<marker>...]` asks for a behaviour.
import { describe, expect, test } from '@jest/globals';
import { imageMarkers } from '../../fake/run.ts';

describe('image markers', () => {
  test.each([
    ['us-docker.pkg.dev/p/apps/fake-fail:1', { fail: true }],
    ['us-docker.pkg.dev/p/apps/fake-flaky@sha256:' + 'a'.repeat(64), { flaky: true }],
    ['img/fake-flaky-sleep200ms:1', { flaky: true, sleepMs: 200 }],
    ['img/fake-notready', { notready: true }],
    ['localhost:5000/img/fake-http500:v2', { http500: true }],
    ['img/fake-slow:1', { slow: true }],
  ])('%s asks for %j', (image, markers) => {
    expect(imageMarkers(image)).toEqual({ fail: false, flaky: false, notready: false, http500: false, slow: false, ...markers });
  });

  test.each([
    'us-docker.pkg.dev/p/apps/task-fail:latest', // a word inside a name
    'us-docker.pkg.dev/p/fake-fail/app:1', // a marker in another segment
    'us-docker.pkg.dev/p/apps/app:fake-fail', // a marker as the tag
    'img/fails-twice@sha256:' + 'f'.repeat(64),
    'img/fake-failing:1', // not a marker, only starts like one
    'img/fake-fail-typo:1', // one unknown token: an ordinary image
    'img/slow-notready-http500-sleep20ms:1',
  ])('%s asks for nothing', (image) => {
    expect(imageMarkers(image)).toEqual({ fail: false, flaky: false, notready: false, http500: false, slow: false });
  });
});
