import { GoogleError } from 'google-gax';
import {
  ActionError,
  explainApiError,
  explainAuthError,
  isConflict,
  isNotFound,
  isPermissionDenied,
  isRetryable,
  scrubSecrets,
} from '../../src/errors/explain.js';

const PROJECT = 'acme-prod';
const JOB = `projects/${PROJECT}/locations/europe-west1/jobs/nightly-report`;
const SERVICE = `projects/${PROJECT}/locations/europe-west1/services/nightly-api`;
const DEPLOYER = 'deployer@acme-prod.iam.gserviceaccount.com';
const RUNTIME = 'runtime@acme-prod.iam.gserviceaccount.com';
const INVOKER = 'invoker@acme-prod.iam.gserviceaccount.com';
const PROVIDER = 'projects/123456789/locations/global/workloadIdentityPools/github/providers/acme';
const REPO = 'acme/reports';

/** A GoogleError exactly as google-gax's REST transport builds it from an HTTP error body. */
function httpError(httpStatus: number, status: string, message: string, errorInfo?: { reason: string; domain: string; metadata: Record<string, string> }): GoogleError {
  const details = errorInfo ? [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', ...errorInfo }] : undefined;
  const err = GoogleError.parseHttpError({ error: { code: httpStatus, message, status, ...(details ? { details } : {}) } });
  err.httpStatusCode = httpStatus;
  return err;
}

const denied = (permission: string, resource: string, message = `Permission '${permission}' denied on resource '${resource}' (or resource may not exist).`): GoogleError =>
  httpError(403, 'PERMISSION_DENIED', message, { reason: 'IAM_PERMISSION_DENIED', domain: 'iam.googleapis.com', metadata: { permission, resource } });

const ctx = { projectId: PROJECT, deployer: DEPLOYER, provider: PROVIDER, repository: REPO };

describe('explainApiError: the missing permission and the command that grants it', () => {
  test('run.jobs.create -> roles/run.admin on the project (from ErrorInfo)', () => {
    const e = explainApiError(denied('run.jobs.create', JOB), { ...ctx, action: 'creating the Cloud Run job', resource: JOB });
    expect(e).toBeInstanceOf(ActionError);
    expect(e.message.split('\n')[0]).toBe(
      `Creating the Cloud Run job ${JOB} failed: Permission 'run.jobs.create' denied on resource '${JOB}' (or resource may not exist). (HTTP 403, PERMISSION_DENIED)`,
    );
    expect(e).toMatchObject({
      permission: 'run.jobs.create',
      role: 'roles/run.admin',
      resource: JOB,
      code: 7,
      httpStatus: 403,
      fix: `gcloud projects add-iam-policy-binding ${PROJECT} --member=serviceAccount:${DEPLOYER} --role=roles/run.admin`,
    });
    expect(e.message).toContain(`Missing permission run.jobs.create on ${JOB}. Grant roles/run.admin on project ${PROJECT} to serviceAccount:${DEPLOYER}:\n  gcloud projects`);
  });

  test('run.jobs.setIamPolicy -> roles/run.admin, from the message text alone', () => {
    const err = httpError(403, 'PERMISSION_DENIED', `Permission 'run.jobs.setIamPolicy' denied on resource '${JOB}' (or resource may not exist).`);
    const e = explainApiError(err, { ...ctx, action: 'granting roles/run.invoker on the job', resource: JOB });
    expect(e.permission).toBe('run.jobs.setIamPolicy');
    expect(e.fix).toBe(`gcloud projects add-iam-policy-binding ${PROJECT} --member=serviceAccount:${DEPLOYER} --role=roles/run.admin`);
  });

  test('actAs on the runtime service account -> roles/iam.serviceAccountUser on that account', () => {
    const err = httpError(403, 'PERMISSION_DENIED', `Permission 'iam.serviceaccounts.actAs' denied on service account ${RUNTIME} (or it may not exist).`);
    const e = explainApiError(err, { ...ctx, action: 'creating the Cloud Run job', resource: JOB });
    expect(e).toMatchObject({
      permission: 'iam.serviceAccounts.actAs',
      role: 'roles/iam.serviceAccountUser',
      fix: `gcloud iam service-accounts add-iam-policy-binding ${RUNTIME} --member=serviceAccount:${DEPLOYER} --role=roles/iam.serviceAccountUser`,
    });
    expect(e.message).toContain(`Missing permission iam.serviceAccounts.actAs on ${RUNTIME}.`);
  });

  test('actAs on the invoker (Scheduler create, ErrorInfo with a projects/-/serviceAccounts resource)', () => {
    const err = denied('iam.serviceAccounts.actAs', `projects/-/serviceAccounts/${INVOKER}`);
    const e = explainApiError(err, { ...ctx, action: 'creating the Scheduler job' });
    expect(e.fix).toBe(`gcloud iam service-accounts add-iam-policy-binding ${INVOKER} --member=serviceAccount:${DEPLOYER} --role=roles/iam.serviceAccountUser`);
  });

  test('cloudscheduler.jobs.create -> roles/cloudscheduler.admin', () => {
    const name = `projects/${PROJECT}/locations/europe-west1/jobs/nightly-report-schedule`;
    const e = explainApiError(denied('cloudscheduler.jobs.create', `projects/${PROJECT}/locations/europe-west1`), {
      ...ctx,
      action: 'creating the Scheduler job',
      resource: name,
    });
    expect(e.fix).toBe(`gcloud projects add-iam-policy-binding ${PROJECT} --member=serviceAccount:${DEPLOYER} --role=roles/cloudscheduler.admin`);
    expect(e.resource).toBe(name);
  });

  test('run.jobs.run by the invoker -> the run.invoker binding on that job', () => {
    const e = explainApiError({ code: 7, message: `Permission 'run.jobs.run' denied on resource '${JOB}'` }, {
      ...ctx,
      action: 'the Scheduler calling the job',
      resource: JOB,
      invoker: INVOKER,
    });
    expect(e.fix).toBe(
      `gcloud run jobs add-iam-policy-binding nightly-report --region=europe-west1 --project=${PROJECT} --member=serviceAccount:${INVOKER} --role=roles/run.invoker`,
    );
  });

  test('run.routes.invoke by the invoker -> the run.invoker binding on that service', () => {
    const e = explainApiError(denied('run.routes.invoke', SERVICE), { ...ctx, action: 'calling the service', resource: SERVICE, invoker: INVOKER });
    expect(e.fix).toBe(
      `gcloud run services add-iam-policy-binding nightly-api --region=europe-west1 --project=${PROJECT} --member=serviceAccount:${INVOKER} --role=roles/run.invoker`,
    );
  });

  test('run.jobs.runWithOverrides -> roles/run.jobsExecutorWithOverrides', () => {
    const e = explainApiError(denied('run.jobs.runWithOverrides', JOB), { ...ctx, action: 'running the job', resource: JOB, invoker: INVOKER });
    expect(e.role).toBe('roles/run.jobsExecutorWithOverrides');
  });

  test("direct federation (no deployer SA): the member is this run's own principal (the token's subject), never the repository", () => {
    const subject = `repo:${REPO}:environment:production`;
    const e = explainApiError(denied('run.jobs.get', JOB), { projectId: PROJECT, provider: PROVIDER, repository: REPO, subject, action: 'reading the job', resource: JOB });
    expect(e.fix).toBe(
      `gcloud projects add-iam-policy-binding ${PROJECT} --member=principal://iam.googleapis.com/projects/123456789/locations/global/workloadIdentityPools/github/subject/${subject} --role=roles/run.admin`,
    );
    expect(e.message).not.toContain('attribute.repository');
  });

  test('the read-only planner missing a read: the viewer role, never an admin one', () => {
    const e = explainApiError(denied('run.jobs.getIamPolicy', JOB), { ...ctx, readOnly: true, action: 'reading the IAM policy', resource: JOB });
    expect(e.role).toBe('roles/run.viewer');
    const s = explainApiError(denied('cloudscheduler.jobs.get', JOB), { ...ctx, readOnly: true, action: 'reading the Scheduler job' });
    expect(s.role).toBe('roles/cloudscheduler.viewer');
    // The deployer keeps the admin hint.
    expect(explainApiError(denied('run.jobs.getIamPolicy', JOB), { ...ctx, action: 'reading the IAM policy', resource: JOB }).role).toBe('roles/run.admin');
  });

  test('a disabled API -> gcloud services enable', () => {
    const err = httpError(403, 'PERMISSION_DENIED', 'Cloud Scheduler API has not been used in project 123456789 before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/cloudscheduler.googleapis.com/overview?project=123456789 then retry.', {
      reason: 'SERVICE_DISABLED',
      domain: 'googleapis.com',
      metadata: { service: 'cloudscheduler.googleapis.com', consumer: 'projects/123456789' },
    });
    const e = explainApiError(err, { ...ctx, action: 'creating the Scheduler job' });
    expect(e.fix).toBe('gcloud services enable cloudscheduler.googleapis.com --project=123456789');
  });

  test('a gaxios error with the AIP-193 body is read the same way', () => {
    const err = Object.assign(new Error('Request failed with status code 403'), {
      status: 403,
      response: { status: 403, data: { error: { code: 403, status: 'PERMISSION_DENIED', message: `Permission 'run.services.update' denied on resource '${SERVICE}'` } } },
    });
    const e = explainApiError(err, { ...ctx, action: 'updating the Cloud Run service', resource: SERVICE });
    expect(e.permission).toBe('run.services.update');
    expect(e.message).toContain("failed: Permission 'run.services.update' denied");
  });

  test('other failures keep the API message and pass through once explained', () => {
    const e = explainApiError(httpError(400, 'INVALID_ARGUMENT', 'Invalid value for field schedule'), { action: 'updating the Scheduler job' });
    expect(e.message).toBe('Updating the Scheduler job failed: Invalid value for field schedule (HTTP 400, INVALID_ARGUMENT)');
    expect(explainApiError(e, { action: 'something else' })).toBe(e);
    expect(explainApiError(new Error('socket hang up'), { action: 'reading the job' }).message).toBe('Reading the job failed: socket hang up');
  });
});

describe('explainAuthError', () => {
  test('no ACTIONS_ID_TOKEN_REQUEST_URL -> permissions: id-token: write', () => {
    const e = explainAuthError('github-token', new Error('Error message: Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable'), { action: 'x' }, {});
    expect(e.message).toContain("the workflow lacks 'permissions: id-token: write'");
    expect(e.message).toContain('  permissions:\n    id-token: write');
    expect(e.fix).toContain('id-token: write');
  });

  test('STS: the attribute condition, as google-auth-library wraps it', () => {
    // stscredentials.js -> getErrorFromOAuthErrorResponse(response.data, gaxiosError)
    const err = Object.assign(new Error('Error code unauthorized_client: The given credential is rejected by the attribute condition.'), {
      status: 400,
      response: { status: 400, data: { error: 'unauthorized_client', error_description: 'The given credential is rejected by the attribute condition.' } },
    });
    const e = explainAuthError('sts', err, { ...ctx, action: 'exchanging the token' });
    expect(e.message).toContain('Failed to generate Google Cloud federated token');
    expect(e.message).toContain("The provider's attribute condition rejected this workflow's token (repository acme/reports)");
    expect(e.fix).toBe(
      "gcloud iam workload-identity-pools providers describe acme --workload-identity-pool=github --location=global --project=123456789 --format='value(attributeCondition)'",
    );
  });

  test('STS: invalid_target with a project ID in the provider path', () => {
    const err = new Error(
      'Error code invalid_target: The target service indicated by the "audience" parameters is invalid. This might either be because the pool or provider is disabled or deleted or because it doesn\'t exist.',
    );
    const provider = 'projects/acme-prod/locations/global/workloadIdentityPools/github/providers/acme';
    const e = explainAuthError('sts', err, { action: 'x', provider });
    expect(e.message).toContain("workload_identity_provider uses 'acme-prod' where the project NUMBER belongs");
    expect(e.message).toContain("gcloud projects describe acme-prod --format='value(projectNumber)'");
    expect(e.message).toContain('was not found or is disabled');
  });

  test('STS: an audience mismatch, from a raw response body', () => {
    const err = { response: { status: 400, data: JSON.stringify({ error: 'invalid_grant', error_description: 'The audience in ID Token [https://example.com] does not match the expected audience.' }) } };
    const e = explainAuthError('sts', err, { action: 'x', provider: PROVIDER, audience: 'https://example.com' });
    expect(e.message).toContain("invalid_grant: The audience in ID Token");
    expect(e.message).toContain('the action requested https://example.com');
  });

  test('STS: a pool given instead of a provider', () => {
    const e = explainAuthError('sts', new Error('Error code invalid_request: Invalid value'), {
      action: 'x',
      provider: 'projects/123456789/locations/global/workloadIdentityPools/github',
    });
    expect(e.message).toContain('names a pool, not a provider');
  });

  test("impersonation 403 -> roles/iam.workloadIdentityUser for this run's own principal, never the repository", () => {
    const err = denied('iam.serviceAccounts.getAccessToken', `projects/-/serviceAccounts/${DEPLOYER}`,
      "Permission 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist).");
    const subject = `repo:${REPO}:environment:production`;
    const e = explainAuthError('impersonation', err, { ...ctx, subject, action: `impersonating ${DEPLOYER}` });
    expect(e).toMatchObject({ permission: 'iam.serviceAccounts.getAccessToken', role: 'roles/iam.workloadIdentityUser' });
    expect(e.fix).toBe(
      `gcloud iam service-accounts add-iam-policy-binding ${DEPLOYER} --member=principal://iam.googleapis.com/projects/123456789/locations/global/workloadIdentityPools/github/subject/${subject} --role=roles/iam.workloadIdentityUser`,
    );
    expect(e.message.split('\n')[0]).toBe(
      `Impersonating ${DEPLOYER} failed: Permission 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist). (HTTP 403, PERMISSION_DENIED)`,
    );
    expect(e.message).toContain("this run's own principal: its GitHub OIDC token's subject");
    expect(e.message).not.toContain('attribute.repository');
    expect(e.message).toContain("check the 'service_account' input");
    expect(e.message).not.toContain('A pull request should not impersonate the deployer');
  });

  test('a pull request denied the deployer is told to plan as the read-only planner', () => {
    const err = denied('iam.serviceAccounts.getAccessToken', `projects/-/serviceAccounts/${DEPLOYER}`);
    const e = explainAuthError('impersonation', err, { ...ctx, subject: `repo:${REPO}:pull_request`, action: `impersonating ${DEPLOYER}` });
    expect(e.fix).toContain(`/subject/repo:${REPO}:pull_request `);
    expect(e.message).toContain('A pull request should not impersonate the deployer: plan it as the read-only planner');
  });

  test('impersonation from Application Default Credentials -> roles/iam.serviceAccountTokenCreator', () => {
    const e = explainAuthError('impersonation', denied('iam.serviceAccounts.getAccessToken', `projects/-/serviceAccounts/${DEPLOYER}`), {
      action: 'authenticating',
      deployer: DEPLOYER,
    });
    expect(e.fix).toBe(
      `gcloud iam service-accounts add-iam-policy-binding ${DEPLOYER} --member=serviceAccount:ADC_ACCOUNT_EMAIL --role=roles/iam.serviceAccountTokenCreator`,
    );
  });

  test('impersonation 403 without details still names the permission (google-auth-library Impersonated message)', () => {
    const err = Object.assign(new Error('PERMISSION_DENIED: unable to impersonate: The caller does not have permission'), { status: 403 });
    const e = explainAuthError('impersonation', err, { ...ctx, action: `impersonating ${DEPLOYER}` });
    expect(e.role).toBe('roles/iam.workloadIdentityUser');
  });
});

describe('classification', () => {
  test.each([
    ['HTTP 429', { httpStatusCode: 429 }, true],
    ['HTTP 503 (gaxios)', { status: 503 }, true],
    ['gRPC RESOURCE_EXHAUSTED', httpError(429, 'RESOURCE_EXHAUSTED', "Quota exceeded for quota metric 'Read requests'"), true],
    ['gRPC UNAVAILABLE', { code: 14 }, true],
    ['gRPC INTERNAL', { code: 13 }, true],
    ['gRPC DEADLINE_EXCEEDED', { code: 4 }, true],
    ['ECONNRESET', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), true],
    ['fetch failed with a reset cause', new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } }), true],
    ['ECONNREFUSED', Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }), false],
    ['HTTP 403', denied('run.jobs.get', JOB), false],
    ['HTTP 400', { status: 400 }, false],
  ])('isRetryable: %s', (_name, err, expected) => {
    expect(isRetryable(err)).toBe(expected);
  });

  test('conflict, not found, permission denied', () => {
    expect(isConflict(httpError(409, 'ALREADY_EXISTS', 'Resource already exists'))).toBe(true);
    expect(isConflict(httpError(409, 'ABORTED', 'etag mismatch'))).toBe(true);
    expect(isConflict({ code: 10 })).toBe(true);
    expect(isConflict({ status: 404 })).toBe(false);
    expect(isNotFound(httpError(404, 'NOT_FOUND', 'Resource not found'))).toBe(true);
    expect(isNotFound({ code: 5 })).toBe(true);
    expect(isNotFound({ response: { status: 404, data: {} } })).toBe(true);
    expect(isPermissionDenied(denied('run.jobs.get', JOB))).toBe(true);
    expect(isPermissionDenied({ code: 403 })).toBe(true); // gaxios: code is the HTTP status
    expect(isPermissionDenied(new Error('nope'))).toBe(false);
  });
});

describe('token scrubbing', () => {
  const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOmFjbWUifQ.c2lnbmF0dXJlLXBhcnQ';
  const access = 'ya29.a0AfH6SMBxyz-123_abc.def';

  test('removes JWTs, access tokens and bearer credentials', () => {
    expect(scrubSecrets(`bad token ${jwt} here`)).toBe('bad token [REDACTED] here');
    expect(scrubSecrets(`Authorization: Bearer ${access}`)).toBe('Authorization: Bearer [REDACTED]');
    expect(scrubSecrets(`subject_token=${jwt}&x=1`)).toBe('subject_token=[REDACTED]&x=1');
    expect(scrubSecrets('{"accessToken":"opaque-value","expireTime":"x"}')).toBe('{"accessToken":"[REDACTED]","expireTime":"x"}');
    expect(scrubSecrets("Permission 'run.jobs.get' denied")).toBe("Permission 'run.jobs.get' denied");
  });

  test('explained errors never carry a token', () => {
    const api = explainApiError(httpError(400, 'INVALID_ARGUMENT', `Invalid JWT ${jwt}`), { action: 'calling' });
    const sts = explainAuthError('sts', new Error(`Error code invalid_grant: bad subject_token ${jwt}`), { action: 'x', provider: PROVIDER });
    const gh = explainAuthError('github-token', new Error(`Failed with ${access}`), { action: 'x' }, { ACTIONS_ID_TOKEN_REQUEST_URL: 'https://x' });
    for (const e of [api, sts, gh]) {
      expect(e.message).not.toContain('eyJhbGci');
      expect(e.message).not.toContain('ya29.');
    }
  });
});
