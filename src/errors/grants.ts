// Which role grants a missing permission, and the one gcloud command that grants it on the
// narrowest scope that fits what this action does.

export interface GrantContext {
  projectId?: string;
  /** Email of the identity the action deploys as (impersonated SA, or the ADC account). */
  deployer?: string;
  /** Workload Identity provider path (for principalSet members). */
  provider?: string;
  /** OWNER/REPO of the workflow (GITHUB_REPOSITORY). */
  repository?: string;
  /** The GitHub OIDC token's subject (`sub`): this run's own principal under the provider's pool. */
  subject?: string;
  /** service_account is the read-only planner (read_only: true): a missing read is the planner's. */
  readOnly?: boolean;
  /** Set when the failed call was made as the Scheduler's invoker SA, not the deployer. */
  invoker?: string;
  /** Full name of the Cloud Run job/service the call was about. */
  resource?: string;
  /** The service account the permission is on, when the error does not name it. */
  serviceAccount?: string;
}

export interface Grant {
  role: string;
  /** Who gets the role, as an IAM member string. */
  member: string;
  /** Where the role is granted, in words ('project p', 'service account x', 'job x'). */
  scope: string;
  command: string;
}

type Scope = 'project' | 'service-account' | 'run-resource' | 'federation';

interface Rule {
  permission: RegExp;
  /** Only for the read-only planner: it gets the viewer role, never an admin one. */
  readOnly?: boolean;
  /** Only when the caller was the invoker (run.jobs.run by the deployer falls to run.admin). */
  invokerOnly?: boolean;
  role: string;
  scope: Scope;
}

// First match wins; permission names compare case-insensitively because Google's
// messages spell them both ways ('iam.serviceaccounts.actAs').
const RULES: Rule[] = [
  { permission: /^run\.[a-z]+\.(get|list|getIamPolicy)$/i, readOnly: true, role: 'roles/run.viewer', scope: 'project' },
  { permission: /^cloudscheduler\.[a-z]+\.(get|list)$/i, readOnly: true, role: 'roles/cloudscheduler.viewer', scope: 'project' },
  { permission: /^iam\.serviceAccounts\.actAs$/i, role: 'roles/iam.serviceAccountUser', scope: 'service-account' },
  {
    permission: /^iam\.serviceAccounts\.(getAccessToken|getOpenIdToken|signJwt|signBlob)$/i,
    role: 'roles/iam.workloadIdentityUser',
    scope: 'federation',
  },
  { permission: /^run\.jobs\.runWithOverrides$/i, role: 'roles/run.jobsExecutorWithOverrides', scope: 'run-resource' },
  { permission: /^run\.(jobs\.run|routes\.invoke)$/i, invokerOnly: true, role: 'roles/run.invoker', scope: 'run-resource' },
  { permission: /^run\./i, role: 'roles/run.admin', scope: 'project' },
  { permission: /^cloudscheduler\./i, role: 'roles/cloudscheduler.admin', scope: 'project' },
  { permission: /^monitoring\.alertPolicies\./i, role: 'roles/monitoring.alertPolicyEditor', scope: 'project' },
  { permission: /^monitoring\.notificationChannels\./i, role: 'roles/monitoring.notificationChannelEditor', scope: 'project' },
];

const PLACEHOLDER = {
  project: 'PROJECT_ID',
  deployer: 'serviceAccount:DEPLOYER_SA_EMAIL',
  adcAccount: 'serviceAccount:ADC_ACCOUNT_EMAIL',
  serviceAccount: 'SERVICE_ACCOUNT_EMAIL',
  repository: 'OWNER/REPO',
  subject: 'SUBJECT',
} as const;

/** IAM member string of an email: service accounts and users differ. */
export function memberOf(email: string): string {
  return `${email.endsWith('.gserviceaccount.com') ? 'serviceAccount' : 'user'}:${email}`;
}

/**
 * This run's own principal under the provider's pool: the GitHub OIDC token's subject, e.g.
 * principal://iam.googleapis.com/projects/N/locations/global/workloadIdentityPools/P/subject/repo:OWNER/REPO:environment:production
 * (with the documented mapping google.subject=assertion.sub). Never a set such as the whole
 * repository: a fix widens trust to exactly the run that needed it.
 */
export function subjectPrincipal(provider: string, subject: string = PLACEHOLDER.subject): string {
  const pool = provider.replace(/^\/*(?:iam\.googleapis\.com\/)?/, '').replace(/\/providers\/[^/]+$/, '');
  return `principal://iam.googleapis.com/${pool}/subject/${subject}`;
}

/** The member that made the deployer's calls: the deployer SA, else this run's federated principal. */
function callerMember(ctx: GrantContext): string {
  if (ctx.deployer) return memberOf(ctx.deployer);
  if (ctx.provider) return subjectPrincipal(ctx.provider, ctx.subject);
  return PLACEHOLDER.deployer;
}

const RUN_RESOURCE = /^projects\/([^/]+)\/locations\/([^/]+)\/(jobs|services)\/([^/]+)$/;

/** Project of a full resource name, if it has one. */
export function projectOf(resource: string | undefined): string | undefined {
  return resource ? /^projects\/([^/]+)\//.exec(resource)?.[1] : undefined;
}

function projectGrant(role: string, member: string, ctx: GrantContext): Grant {
  const project = ctx.projectId ?? projectOf(ctx.resource) ?? PLACEHOLDER.project;
  return {
    role,
    member,
    scope: `project ${project}`,
    command: `gcloud projects add-iam-policy-binding ${project} --member=${member} --role=${role}`,
  };
}

function serviceAccountGrant(role: string, member: string, account: string): Grant {
  return {
    role,
    member,
    scope: `service account ${account}`,
    command: `gcloud iam service-accounts add-iam-policy-binding ${account} --member=${member} --role=${role}`,
  };
}

function runResourceGrant(role: string, member: string, ctx: GrantContext): Grant {
  const m = RUN_RESOURCE.exec(ctx.resource ?? '');
  if (!m) return projectGrant(role, member, ctx); // no resource to bind on: the project still works
  const [, project, region, collection, name] = m;
  return {
    role,
    member,
    scope: `${collection === 'jobs' ? 'job' : 'service'} ${name}`,
    command: `gcloud run ${collection} add-iam-policy-binding ${name} --region=${region} --project=${project} --member=${member} --role=${role}`,
  };
}

/** The grant that fixes a missing `permission`, or undefined when the table has no rule for it. */
export function grantFor(permission: string, ctx: GrantContext): Grant | undefined {
  const rule = RULES.find((r) => r.permission.test(permission) && (!r.invokerOnly || ctx.invoker) && (!r.readOnly || (ctx.readOnly && !ctx.invoker)));
  if (!rule) return undefined;
  switch (rule.scope) {
    case 'project':
      return projectGrant(rule.role, callerMember(ctx), ctx);
    case 'service-account':
      return serviceAccountGrant(rule.role, callerMember(ctx), ctx.serviceAccount ?? PLACEHOLDER.serviceAccount);
    case 'run-resource':
      return runResourceGrant(rule.role, ctx.invoker ? memberOf(ctx.invoker) : callerMember(ctx), ctx);
    case 'federation':
      return federationGrant(ctx);
  }
}

/**
 * Who may mint tokens for the deployer SA: the workflow's federated identity
 * (roles/iam.workloadIdentityUser), or without federation the ADC account
 * (roles/iam.serviceAccountTokenCreator).
 */
export function federationGrant(ctx: GrantContext): Grant {
  const account = ctx.serviceAccount ?? ctx.deployer ?? PLACEHOLDER.serviceAccount;
  return ctx.provider
    ? serviceAccountGrant('roles/iam.workloadIdentityUser', subjectPrincipal(ctx.provider, ctx.subject), account)
    : serviceAccountGrant('roles/iam.serviceAccountTokenCreator', PLACEHOLDER.adcAccount, account);
}
