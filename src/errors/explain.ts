// Every failure becomes one message a person can act on: what the step was doing, on which
// resource, what Google said, the missing permission, and the one command that grants it.
import { type ApiErrorFacts, grpcCodeOf, isPermissionDenied, readApiError, statusLabel } from './api-error.js';
import { type Grant, type GrantContext, grantFor, memberOf, subjectPrincipal } from './grants.js';
import { scrubSecrets } from './scrub.js';

export { isConflict, isNotFound, isPermissionDenied, isRetryable, readApiError } from './api-error.js';
export { scrubSecrets } from './scrub.js';
export { federationGrant, grantFor, subjectPrincipal } from './grants.js';

export interface ErrorContext extends GrantContext {
  /** What the step was doing, e.g. 'creating the Cloud Run job'. */
  action: string;
  /** The OIDC audience requested (auth errors). */
  audience?: string;
}

export interface ActionErrorDetails {
  permission?: string;
  resource?: string;
  role?: string;
  /** The command (or workflow change) that fixes it. */
  fix?: string;
  /** gRPC code (mapped from the HTTP status when the error carried only that). */
  code?: number;
  httpStatus?: number;
  cause?: unknown;
}

/** A failure explained: `message` is the whole story; the fields are for callers and tests. */
export class ActionError extends Error {
  readonly permission?: string;
  readonly resource?: string;
  readonly role?: string;
  readonly fix?: string;
  readonly code?: number;
  readonly httpStatus?: number;

  constructor(message: string, details: ActionErrorDetails = {}) {
    super(message, { cause: details.cause });
    this.name = 'ActionError';
    this.permission = details.permission;
    this.resource = details.resource;
    this.role = details.role;
    this.fix = details.fix;
    this.code = details.code;
    this.httpStatus = details.httpStatus;
  }
}

// ---------------------------------------------------------------------------------------
// The missing permission, from ErrorInfo metadata or, failing that, the message text.

interface Denial {
  permission: string;
  /** What it was denied on, as the error names it (a resource or a service account). */
  on?: string;
}

const DENIAL_PATTERNS: RegExp[] = [
  /Permission '([^']+)' denied on resource '([^']+)'/i,
  /Permission '([^']+)' denied on service account ([^\s()]+?)\.?(?=\s|$)/i,
  /lacks IAM permission "([^"]+)" for the resource "([^"]+)"/i,
  /Permission '([^']+)' denied/i,
];

/** 'iam.serviceaccounts.actAs' as IAM spells it elsewhere. */
const canonicalPermission = (p: string): string => p.replace(/^iam\.serviceaccounts\./i, 'iam.serviceAccounts.');

export function findDenial(facts: ApiErrorFacts): Denial | undefined {
  const { permission, resource } = facts.metadata;
  if (permission) return { permission: canonicalPermission(permission), on: resource };
  for (const pattern of DENIAL_PATTERNS) {
    const m = pattern.exec(facts.message);
    if (m?.[1]) return { permission: canonicalPermission(m[1]), on: m[2] };
  }
  return undefined;
}

/** The email in 'projects/-/serviceAccounts/EMAIL' or a bare email. */
function serviceAccountIn(text: string | undefined): string | undefined {
  return text ? /([^\s/'"]+@[^\s/'"]+)$/.exec(text)?.[1] : undefined;
}

// ---------------------------------------------------------------------------------------
// Message assembly.

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function headline(ctx: ErrorContext, facts: ApiErrorFacts): string {
  const label = statusLabel(facts);
  const on = ctx.resource && !ctx.action.includes(ctx.resource) ? ` ${ctx.resource}` : '';
  return `${capitalize(ctx.action)}${on} failed: ${facts.message}${label ? ` (${label})` : ''}`;
}

function grantLines(intro: string, grant: Grant): string[] {
  const lines = [`${intro} Grant ${grant.role} on ${grant.scope} to ${grant.member}:`, `  ${grant.command}`];
  if (grant.member.startsWith('principal://') && grant.member.includes('/subject/')) {
    lines.push("  (this run's own principal: its GitHub OIDC token's subject, with the provider mapping google.subject=assertion.sub)");
  }
  return lines;
}

/** A disabled API: the one `gcloud services enable`. */
function serviceDisabledFix(facts: ApiErrorFacts, ctx: ErrorContext): string | undefined {
  const disabled = facts.reason === 'SERVICE_DISABLED' || /has not been used in project \S+ before or it is disabled/i.test(facts.message);
  if (!disabled) return undefined;
  const service =
    facts.metadata.service ?? /apis\/api\/([a-z0-9.-]+)\//i.exec(facts.message)?.[1] ?? /\b([a-z0-9-]+\.googleapis\.com)\b/.exec(facts.message)?.[1];
  const project = facts.metadata.consumer?.replace(/^projects\//, '') ?? /in project (\S+?) before/.exec(facts.message)?.[1] ?? ctx.projectId;
  return `gcloud services enable ${service ?? 'SERVICE.googleapis.com'} --project=${project ?? 'PROJECT_ID'}`;
}

// One-line hints for codes that have no permission to name.
const CODE_HINTS: Record<number, string> = {
  8: 'A quota was exceeded; the action already backs off and retries. If it persists, raise the quota or run less often.',
  16: 'The access token was rejected (expired, or minted for another audience); re-run the step.',
};

interface ExplainOptions {
  /** The permission to name when the error is a denial that does not name one. */
  fallbackPermission?: string;
  /** A last line for a denial. */
  denialNote?: string;
}

/** Who made the denied call: the deployer account, else this run's own federated principal. */
const callerOf = (ctx: ErrorContext): string =>
  ctx.deployer ? memberOf(ctx.deployer) : ctx.provider && ctx.subject ? subjectPrincipal(ctx.provider, ctx.subject) : 'the deployer';

function explainFacts(facts: ApiErrorFacts, ctx: ErrorContext, cause: unknown, options: ExplainOptions = {}): ActionError {
  const { fallbackPermission, denialNote } = options;
  const lines = [headline(ctx, facts)];
  const code = grpcCodeOf(facts);
  const details: ActionErrorDetails = { code, httpStatus: facts.httpStatus, resource: ctx.resource, cause };

  const enable = serviceDisabledFix(facts, ctx);
  const denial = findDenial(facts) ?? (fallbackPermission ? { permission: fallbackPermission } : undefined);
  if (enable) {
    lines.push('The API is not enabled in the project. Enable it with:', `  ${enable}`);
    details.fix = enable;
  } else if (denial) {
    const serviceAccount = serviceAccountIn(denial.on) ?? ctx.serviceAccount;
    const grant = grantFor(denial.permission, { ...ctx, serviceAccount });
    const missing = `Missing permission ${denial.permission}${denial.on ? ` on ${denial.on}` : ''}.`;
    if (grant) lines.push(...grantLines(missing, grant));
    else lines.push(`${missing} Grant a role that includes it to ${callerOf(ctx)}.`);
    if (denialNote) lines.push(denialNote);
    Object.assign(details, { permission: denial.permission, role: grant?.role, fix: grant?.command, resource: ctx.resource ?? denial.on });
  } else if (code === 7) {
    lines.push(
      `Permission denied without naming the permission: check that ${callerOf(ctx)} has roles/run.admin and ` +
        'roles/cloudscheduler.admin on the project and roles/iam.serviceAccountUser on the runtime and invoker service accounts.',
    );
  } else if (code !== undefined && CODE_HINTS[code]) {
    lines.push(CODE_HINTS[code]);
  }
  return new ActionError(lines.join('\n'), details);
}

/** Turns any failed Google API call into one ActionError (an ActionError passes through). */
export function explainApiError(err: unknown, context: ErrorContext): ActionError {
  if (err instanceof ActionError) return err;
  return explainFacts(readApiError(err), context, err);
}

// ---------------------------------------------------------------------------------------
// Auth: which link of GitHub OIDC -> STS -> impersonation broke.

export type AuthStage = 'github-token' | 'sts' | 'impersonation' | 'adc';

const PROVIDER_PATH = /^projects\/([^/]+)\/locations\/global\/workloadIdentityPools\/([^/]+)\/providers\/([^/]+)$/;

/** What is wrong with the provider path's shape, if anything. */
export function providerPathProblem(provider: string | undefined): string | undefined {
  if (!provider) return undefined;
  const path = provider.replace(/^(?:https:)?\/\/iam\.googleapis\.com\//, '');
  const m = PROVIDER_PATH.exec(path);
  if (!m) {
    return /\/workloadIdentityPools\/[^/]+\/?$/.test(path)
      ? 'workload_identity_provider names a pool, not a provider: append /providers/PROVIDER_ID.'
      : 'workload_identity_provider must be projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER.';
  }
  const project = m[1] ?? '';
  if (!/^\d+$/.test(project)) {
    return (
      `workload_identity_provider uses '${project}' where the project NUMBER belongs; find it with:\n` +
      `  gcloud projects describe ${project} --format='value(projectNumber)'`
    );
  }
  return undefined;
}

/** The OAuth error of an STS failure: from the response body, or the message google-auth-library builds. */
function oauthErrorOf(facts: ApiErrorFacts): { error?: string; description?: string } {
  if (facts.oauthError) return { error: facts.oauthError, description: facts.oauthDescription };
  // oauth2common.getErrorFromOAuthErrorResponse: 'Error code CODE: DESCRIPTION - URI'
  const gal = /Error code (\w+)(?::\s*([\s\S]*?))?(?: - \S+)?$/.exec(facts.message);
  if (gal) return { error: gal[1], description: gal[2] };
  const json = { error: /"error"\s*:\s*"(\w+)"/.exec(facts.message)?.[1], description: /"error_description"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(facts.message)?.[1] };
  return json.error ? json : { description: facts.message };
}

function describeProviderCommand(provider: string | undefined): string {
  const m = provider ? PROVIDER_PATH.exec(provider) : null;
  const [, project = 'PROJECT_NUMBER', pool = 'POOL', id = 'PROVIDER'] = m ?? [];
  return `gcloud iam workload-identity-pools providers describe ${id} --workload-identity-pool=${pool} --location=global --project=${project} --format='value(attributeCondition)'`;
}

/**
 * The fix for a google.subject over 127 bytes, for the documented setup: it binds the deployer by
 * subject, so the sub moves to a custom attribute (only google.subject has the 127-byte limit)
 * and the binding follows it; the other mappings stay (update-oidc replaces them all).
 */
function shortSubjectCommands(provider: string | undefined): string[] {
  const m = provider ? PROVIDER_PATH.exec(provider) : null;
  const [, project = 'PROJECT_NUMBER', pool = 'POOL', id = 'PROVIDER'] = m ?? [];
  return [
    `gcloud iam workload-identity-pools providers update-oidc ${id} --workload-identity-pool=${pool} --location=global --project=${project} ` +
      `--attribute-mapping="google.subject=assertion.repository_id+':'+assertion.run_id,attribute.sub=assertion.sub,` +
      `attribute.actor=assertion.actor,attribute.repository=assertion.repository,attribute.repository_owner_id=assertion.repository_owner_id,` +
      `attribute.job_workflow_ref=assertion.job_workflow_ref"`,
    `gcloud iam service-accounts add-iam-policy-binding DEPLOYER --role=roles/iam.workloadIdentityUser ` +
      `--member="principalSet://iam.googleapis.com/projects/${project}/locations/global/workloadIdentityPools/${pool}/attribute.sub/SUBJECT"`,
  ];
}

function stsDiagnosis(error: string | undefined, description: string, ctx: ErrorContext): { text: string; fix?: string } {
  const provider = ctx.provider ?? 'PROVIDER';
  if (/exceeds the 127 bytes? limit/i.test(description)) {
    const [mapping, binding] = shortSubjectCommands(ctx.provider);
    return {
      text:
        "The provider's attribute mapping makes google.subject longer than the 127 bytes Google allows: with " +
        "google.subject=assertion.sub, GitHub's sub (repo:OWNER/REPO:environment:NAME, or repo:OWNER/REPO:ref:refs/heads/BRANCH " +
        'for a job without an environment) is too long for a long repository, environment or branch name. Keep the sub ' +
        'in a custom attribute (only google.subject has the limit), map google.subject to something short, keep the ' +
        'other mappings, and bind the deployer and the planner by the attribute instead of the subject (docs/identities.md) (SUBJECT is the sub the old ' +
        'binding named, such as repo:OWNER/REPO:environment:production):\n' +
        `  ${mapping}\n  ${binding}`,
      fix: mapping,
    };
  }
  if (/attribute condition/i.test(description)) {
    const fix = describeProviderCommand(ctx.provider);
    return {
      text:
        `The provider's attribute condition rejected this workflow's token` +
        `${ctx.repository ? ` (repository ${ctx.repository})` : ''}: compare the condition with the token's claims ` +
        '(repository, repository_owner, ref, job_workflow_ref). Show the condition with:\n' +
        `  ${fix}`,
      fix,
    };
  }
  if (error === 'invalid_target' || /does not exist|not found|disabled|deleted/i.test(description)) {
    return {
      text:
        `The provider ${provider} was not found or is disabled: check the pool and provider IDs, that the path uses ` +
        'the project NUMBER, and that pool and provider are enabled.',
    };
  }
  if (/audience/i.test(description)) {
    const requested = ctx.audience ?? `https://iam.googleapis.com/${provider}`;
    return {
      text:
        `The token's audience is not one the provider accepts: the action requested ${requested}. ` +
        "Leave 'audience' unset (the provider accepts https://iam.googleapis.com/ + its path by default) or add it to the provider's allowed audiences.",
    };
  }
  return { text: "Check workload_identity_provider (the full provider path, with the project number), the provider's attribute condition, and 'audience'." };
}

function explainGithubToken(err: unknown, env: NodeJS.ProcessEnv): ActionError {
  const facts = readApiError(err);
  const noRequestUrl = !env.ACTIONS_ID_TOKEN_REQUEST_URL || /ACTIONS_ID_TOKEN_REQUEST_(URL|TOKEN)/.test(facts.message);
  if (!noRequestUrl) return new ActionError(`Getting the GitHub OIDC token failed: ${facts.message}`, { cause: err });
  const fix = 'permissions:\n  id-token: write\n  contents: read';
  return new ActionError(
    'Getting the GitHub OIDC token failed: ACTIONS_ID_TOKEN_REQUEST_URL is not set, so the workflow lacks ' +
      "'permissions: id-token: write'. Add to the job (or the workflow):\n" +
      fix.replace(/^/gm, '  ') +
      '\n(Workflows triggered by pull requests from forks never get an OIDC token.)',
    { fix, cause: err },
  );
}

function explainSts(err: unknown, ctx: ErrorContext): ActionError {
  const facts = readApiError(err);
  const { error, description = facts.message } = oauthErrorOf(facts);
  const shape = providerPathProblem(ctx.provider);
  const diagnosis = stsDiagnosis(error, description, ctx);
  const lines = [
    `Exchanging the GitHub OIDC token at Google STS failed (Failed to generate Google Cloud federated token)` +
      `${ctx.provider ? ` for provider ${ctx.provider}` : ''}: ${error ? `${error}: ` : ''}${scrubSecrets(description)}`,
    ...(shape ? [shape] : []),
    diagnosis.text,
  ];
  return new ActionError(lines.join('\n'), {
    fix: diagnosis.fix,
    resource: ctx.provider,
    httpStatus: facts.httpStatus,
    code: grpcCodeOf(facts),
    cause: err,
  });
}

function explainImpersonation(err: unknown, ctx: ErrorContext): ActionError {
  const account = ctx.serviceAccount ?? ctx.deployer;
  const impersonation: ErrorContext = {
    ...ctx,
    // The stage says more than a caller's generic action ('authenticating').
    action: `impersonating ${account ?? 'the deployer service account'}`,
    resource: account,
    serviceAccount: account,
    // The caller here is the federated identity, not the deployer it is trying to become.
    deployer: undefined,
  };
  return explainFacts(readApiError(err), impersonation, err, {
    // iamcredentials answers 403 both for a missing binding and for an account that does not exist.
    fallbackPermission: isPermissionDenied(err) ? 'iam.serviceAccounts.getAccessToken' : undefined,
    denialNote: [
      ...(account ? [`(If ${account} does not exist, check the 'service_account' input.)`] : []),
      // A pull request plans as the planner; binding it to the deployer would widen the deployer's trust.
      ...(ctx.subject?.endsWith(':pull_request') && !ctx.readOnly
        ? ['A pull request should not impersonate the deployer: plan it as the read-only planner (service_account: the planner, read_only: true; docs/identities.md).']
        : []),
    ].join('\n') || undefined,
  });
}

/** Explains a failed link of the auth chain. */
export function explainAuthError(stage: AuthStage, err: unknown, ctx: ErrorContext, env: NodeJS.ProcessEnv = process.env): ActionError {
  if (err instanceof ActionError) return err;
  switch (stage) {
    case 'github-token':
      return explainGithubToken(err, env);
    case 'sts':
      return explainSts(err, ctx);
    case 'impersonation':
      return explainImpersonation(err, ctx);
    case 'adc':
      return new ActionError(
        `Authenticating with Application Default Credentials failed: ${readApiError(err).message}\n` +
          'Without workload_identity_provider this step uses Application Default Credentials, for example from a ' +
          'google-github-actions/auth step before it. To let this step authenticate by itself through Workload ' +
          'Identity Federation, set workload_identity_provider (and service_account, the deployer to impersonate), ' +
          "and give the job 'permissions: id-token: write'.",
        { cause: err },
      );
  }
}
