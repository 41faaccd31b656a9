// The redaction of the debug HTTP trace (src/google/trace.ts).
import { expect, test } from '@jest/globals';
import { scrubSecrets } from '../../src/errors/scrub.ts';
import { configureTrace, redactJson, REDACTED } from '../../src/google/trace.ts';

test('env var values, secret references, trigger bodies and every token field are redacted; the rest stays', () => {
  const body = {
    template: { template: { containers: [{ image: 'img', env: [{ name: 'A', value: 'x' }, { name: 'S', valueSource: { secretKeyRef: { secret: 's', version: '1' } } }] }] } },
    volumes: [{ name: 'v', secret: { secret: 'tls-cert', items: [] } }],
    httpTarget: { uri: 'https://x', body: 'eyJvdmVycmlkZXMiOnt9fQ==', headers: { Authorization: 'Bearer abc', 'Content-Type': 'application/json' }, oauthToken: { serviceAccountEmail: 'sa@p.iam.gserviceaccount.com', scope: 'cloud-platform' } },
    access_token: 'ya29.x', subject_token: 'eyJ.x.y', accessToken: 'ya29.y', token: 'eyJ', expires_in: 3599,
  };
  expect(redactJson(body)).toEqual({
    template: { template: { containers: [{ image: 'img', env: [{ name: 'A', value: REDACTED }, { name: 'S', valueSource: REDACTED }] }] } },
    volumes: [{ name: 'v', secret: { secret: REDACTED, items: [] } }],
    httpTarget: { uri: 'https://x', body: REDACTED, headers: { Authorization: REDACTED, 'Content-Type': 'application/json' }, oauthToken: { serviceAccountEmail: 'sa@p.iam.gserviceaccount.com', scope: 'cloud-platform' } },
    access_token: REDACTED, subject_token: REDACTED, accessToken: REDACTED, token: REDACTED, expires_in: 3599,
  });
});

// The trace text goes through the one scrubbing function of errors and retry lines.
test("this run's env var values and secret references are cut out of any text, short values only by field", () => {
  configureTrace({ RUNNER_DEBUG: '1' }, ['postgres://u:pw@db/x', 'my-secret:3', 'abc']);
  expect(scrubSecrets('Invalid value "postgres://u:pw@db/x" for my-secret:3 (abc)')).toBe(`Invalid value "${REDACTED}" for ${REDACTED} (abc)`);
  expect(scrubSecrets('Authorization: Bearer ya29.a0AfH6SM')).not.toContain('ya29');
  configureTrace({}, []);
});
