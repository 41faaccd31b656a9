// What is wrong with a trigger's token, read from the Scheduler job as configured (not from the
// text of an answer, which Cloud Scheduler's log does not carry).
import { describe, expect, it } from '@jest/globals';
import { tokenProblem } from '../../src/smoke/smoke.ts';

const RUN_URI = 'https://us-central1-run.googleapis.com/apis/run.googleapis.com/v1/namespaces/p/jobs/j:run';
const CLOUD_PLATFORM = 'https://www.googleapis.com/auth/cloud-platform';

describe('tokenProblem', () => {
  it('accepts an OAuth token with the cloud-platform scope (or the default scope) for a Google API', () => {
    expect(tokenProblem({ httpTarget: { uri: RUN_URI, oauthToken: { serviceAccountEmail: 'a@p.iam.gserviceaccount.com', scope: CLOUD_PLATFORM } } })).toBeUndefined();
    expect(tokenProblem({ httpTarget: { uri: RUN_URI, oauthToken: { serviceAccountEmail: 'a@p.iam.gserviceaccount.com' } } })).toBeUndefined();
  });

  it('names an OAuth scope other than cloud-platform', () => {
    const scope = 'https://www.googleapis.com/auth/userinfo.email';
    expect(tokenProblem({ httpTarget: { uri: RUN_URI, oauthToken: { serviceAccountEmail: 'a@p.iam.gserviceaccount.com', scope } } })).toBe(
      `the trigger's OAuth token has scope ${scope}, and us-central1-run.googleapis.com needs ${CLOUD_PLATFORM}`,
    );
  });

  it('names an OIDC token, or none, sent to a Google API', () => {
    expect(tokenProblem({ httpTarget: { uri: RUN_URI, oidcToken: { serviceAccountEmail: 'a@p.iam.gserviceaccount.com' } } })).toMatch(/OIDC token to us-central1-run\.googleapis\.com, a Google API/);
    expect(tokenProblem({ httpTarget: { uri: RUN_URI } })).toMatch(/sends no token/);
  });

  it('has nothing to say of a service URL (the service checks its OIDC token itself)', () => {
    expect(tokenProblem({ httpTarget: { uri: 'https://web-abc-uc.a.run.app/', oidcToken: { serviceAccountEmail: 'a@p.iam.gserviceaccount.com' } } })).toBeUndefined();
    expect(tokenProblem(undefined)).toBeUndefined();
  });
});
