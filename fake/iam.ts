// The IAM model: who a caller is (its member strings), which permissions each predefined role
// holds, and allow policies on the project, on service accounts and on Cloud Run resources.
// A permission on a resource is granted by its own policy or by the project's (inheritance).
import { randomBytes } from 'node:crypto';
import { badRequest, googleError } from './http.ts';

export interface World {
  projectId: string;
  projectNumber: string;
  pool: string;
  provider: string;
  deployer: string;
  runtime: string;
  invoker: string;
  repository: string;
  region: string;
  computeServiceAccount: string;
  schedulerServiceAgent: string;
}

/** The caller behind a token: the member strings its bindings can name. */
export interface Identity {
  kind: 'serviceAccount' | 'federated' | 'user';
  /** `serviceAccount:EMAIL`, `principal://...`, `user:...`: shown as creator / lastModifier */
  principal: string;
  email?: string;
  members: string[];
  /** the verified claims / attributes, for tests that look at what arrived */
  attributes?: Record<string, string>;
}

export interface Binding { role: string; members: string[]; condition?: unknown }
export interface Policy { version: number; bindings: Binding[]; etag: string }

const RUN_ALL = [
  'run.jobs.create', 'run.jobs.delete', 'run.jobs.get', 'run.jobs.list', 'run.jobs.update', 'run.jobs.run',
  'run.jobs.runWithOverrides', 'run.jobs.getIamPolicy',
  'run.executions.get', 'run.executions.list', 'run.executions.delete', 'run.executions.cancel',
  'run.tasks.get', 'run.tasks.list', 'run.operations.get', 'run.operations.list', 'run.operations.delete',
  'run.services.create', 'run.services.delete', 'run.services.get', 'run.services.list', 'run.services.update',
  'run.services.getIamPolicy', 'run.revisions.get', 'run.revisions.list', 'run.revisions.delete',
  'run.routes.get', 'run.routes.list', 'run.routes.invoke', 'run.configurations.get', 'run.configurations.list',
  'run.locations.list', 'run.instances.invoke',
];
const READ = (p: string): boolean => /\.(get|list)$/.test(p);

/** Predefined roles -> permissions (the parts this fake checks). */
export const ROLES: Record<string, string[] | ((p: string) => boolean)> = {
  'roles/owner': () => true,
  'roles/editor': p => !p.endsWith('.setIamPolicy') && !p.startsWith('iam.serviceAccounts.getAccessToken') && !p.startsWith('iam.serviceAccounts.getOpenIdToken'),
  'roles/viewer': p => READ(p),
  'roles/run.admin': [...RUN_ALL, 'run.jobs.setIamPolicy', 'run.services.setIamPolicy'],
  'roles/run.developer': RUN_ALL,
  'roles/run.viewer': RUN_ALL.filter(p => READ(p) || p.endsWith('.getIamPolicy')),
  'roles/run.invoker': ['run.routes.invoke', 'run.jobs.run', 'run.instances.invoke'],
  'roles/run.jobsExecutor': ['run.jobs.run', 'run.jobs.get', 'run.jobs.list', 'run.executions.get', 'run.executions.list', 'run.operations.get', 'run.operations.list'],
  'roles/run.jobsExecutorWithOverrides': ['run.jobs.run', 'run.jobs.runWithOverrides', 'run.jobs.get', 'run.jobs.list', 'run.executions.get', 'run.executions.list', 'run.operations.get', 'run.operations.list'],
  'roles/run.servicesInvoker': ['run.routes.invoke'],
  'roles/cloudscheduler.admin': [
    'cloudscheduler.jobs.create', 'cloudscheduler.jobs.delete', 'cloudscheduler.jobs.enable', 'cloudscheduler.jobs.fullAccessGet',
    'cloudscheduler.jobs.get', 'cloudscheduler.jobs.list', 'cloudscheduler.jobs.pause', 'cloudscheduler.jobs.run',
    'cloudscheduler.jobs.update', 'cloudscheduler.locations.get', 'cloudscheduler.locations.list',
  ],
  'roles/cloudscheduler.jobRunner': ['cloudscheduler.jobs.run'],
  'roles/cloudscheduler.viewer': ['cloudscheduler.jobs.get', 'cloudscheduler.jobs.list', 'cloudscheduler.locations.get', 'cloudscheduler.locations.list'],
  'roles/logging.viewer': ['logging.logEntries.list', 'logging.logs.list', 'logging.logServices.list', 'logging.buckets.get', 'logging.views.get'],
  'roles/monitoring.alertPolicyEditor': ['monitoring.alertPolicies.create', 'monitoring.alertPolicies.delete', 'monitoring.alertPolicies.get', 'monitoring.alertPolicies.list', 'monitoring.alertPolicies.update'],
  'roles/monitoring.alertPolicyViewer': ['monitoring.alertPolicies.get', 'monitoring.alertPolicies.list'],
  'roles/monitoring.notificationChannelEditor': [
    'monitoring.notificationChannels.create', 'monitoring.notificationChannels.delete', 'monitoring.notificationChannels.get',
    'monitoring.notificationChannels.list', 'monitoring.notificationChannels.update',
  ],
  'roles/monitoring.notificationChannelViewer': ['monitoring.notificationChannels.get', 'monitoring.notificationChannels.list'],
  'roles/iam.serviceAccountUser': ['iam.serviceAccounts.actAs', 'iam.serviceAccounts.get', 'iam.serviceAccounts.list'],
  'roles/iam.serviceAccountTokenCreator': [
    'iam.serviceAccounts.getAccessToken', 'iam.serviceAccounts.getOpenIdToken', 'iam.serviceAccounts.implicitDelegation',
    'iam.serviceAccounts.signBlob', 'iam.serviceAccounts.signJwt', 'iam.serviceAccounts.get',
  ],
  'roles/iam.workloadIdentityUser': ['iam.serviceAccounts.getAccessToken', 'iam.serviceAccounts.getOpenIdToken', 'iam.serviceAccounts.get', 'iam.serviceAccounts.list'],
};

/** A custom role's name: projects/PROJECT/roles/ROLE_ID (what `gcloud iam roles create --project` makes). */
const CUSTOM_ROLE = /^projects\/[^/]+\/roles\/[A-Za-z0-9_.]{3,64}$/;

const newEtag = (): string => Buffer.concat([Buffer.from([7, 5]), randomBytes(6)]).toString('base64');

const MEMBER_RE = /^(allUsers|allAuthenticatedUsers|(serviceAccount|user|group|domain):[^\s]+|principal(Set)?:\/\/iam\.googleapis\.com\/[^\s]+)$/;

export class Iam {
  world: World;
  serviceAccounts = new Set<string>();
  /** Custom roles of the project, by name (projects/PROJECT/roles/ID): exactly their listed permissions. */
  customRoles = new Map<string, string[]>();
  /** How long a policy change takes to be seen by permission checks (real IAM: up to minutes). */
  propagationMs = 0;
  private policies = new Map<string, Policy>();
  /** The policy checks still see while a change propagates, and until when. */
  private propagating = new Map<string, { policy: Policy; until: number }>();

  constructor(world: World) {
    this.world = world;
  }

  /** `projects/NUMBER/...` and `projects/-/serviceAccounts/...` name the same thing as the project ID form. */
  normalize(resource: string): string {
    const { projectId, projectNumber } = this.world;
    return resource
      .replace(new RegExp(`^projects/${projectNumber}(?=/|$)`), `projects/${projectId}`)
      .replace(/^projects\/-\/serviceAccounts\//, `projects/${projectId}/serviceAccounts/`);
  }

  saResource(email: string): string {
    return `projects/${this.world.projectId}/serviceAccounts/${email}`;
  }

  getPolicy(resource: string): Policy {
    const key = this.normalize(resource);
    let p = this.policies.get(key);
    if (!p) {
      p = { version: 1, bindings: [], etag: 'ACAB' };
      this.policies.set(key, p);
    }
    return structuredClone(p);
  }

  /** setIamPolicy semantics: a sent etag must match the current one (read-modify-write). */
  setPolicy(resource: string, policy: { bindings?: Binding[]; etag?: string; version?: number }): Policy {
    const key = this.normalize(resource);
    const cur = this.getPolicy(key);
    if (policy.etag && policy.etag !== cur.etag) {
      throw googleError('ABORTED', 'There were concurrent policy changes. Please retry the whole read-modify-write with exponential backoff.');
    }
    const bindings: Binding[] = [];
    for (const b of policy.bindings ?? []) {
      if (!b.role || !(ROLES[b.role] || this.customRoles.has(this.normalize(b.role)))) {
        throw badRequest(`Role ${b.role ?? '(empty)'} is not supported for this resource.`);
      }
      for (const m of b.members ?? []) {
        if (!MEMBER_RE.test(m)) throw badRequest(`Invalid member: ${m}`);
        if (m.startsWith('serviceAccount:') && !this.serviceAccounts.has(m.slice('serviceAccount:'.length))) {
          throw badRequest(`Service account ${m.slice('serviceAccount:'.length)} does not exist.`);
        }
      }
      const members = [...new Set(b.members ?? [])].sort();
      if (members.length) bindings.push({ role: b.role, members, ...(b.condition ? { condition: b.condition } : {}) });
    }
    const next: Policy = { version: policy.version ?? 1, bindings: mergeSameRole(bindings), etag: newEtag() };
    if (this.propagationMs > 0) this.propagating.set(key, { policy: this.inEffect(key) ?? cur, until: Date.now() + this.propagationMs });
    this.policies.set(key, next);
    return structuredClone(next);
  }

  grant(resource: string, member: string, role: string): void {
    const p = this.getPolicy(resource);
    const b = p.bindings.find(x => x.role === role && !x.condition);
    if (b) {
      if (!b.members.includes(member)) b.members.push(member);
    } else p.bindings.push({ role, members: [member] });
    this.setPolicy(resource, { bindings: p.bindings, version: p.version });
  }

  revoke(resource: string, member: string, role: string): void {
    const p = this.getPolicy(resource);
    for (const b of p.bindings) if (b.role === role) b.members = b.members.filter(m => m !== member);
    this.setPolicy(resource, { bindings: p.bindings, version: p.version });
  }

  /** gcloud iam roles create ID --project=P --permissions=...: a role of exactly those permissions. */
  createRole(project: string, id: string, permissions: string[]): string {
    const name = this.normalize(`projects/${project}/roles/${id}`);
    if (!CUSTOM_ROLE.test(name)) throw badRequest(`Invalid role ID: ${id}`);
    if (this.customRoles.has(name)) throw googleError('ALREADY_EXISTS', `A role named ${id} in projects/${project} already exists.`);
    this.customRoles.set(name, [...new Set(permissions)]);
    return name;
  }

  private roleHas(role: string, permission: string): boolean {
    const custom = this.customRoles.get(this.normalize(role));
    if (custom) return custom.includes(permission);
    const r = ROLES[role];
    if (!r) return false;
    return typeof r === 'function' ? r(permission) : r.includes(permission);
  }

  /** The resource itself, then the project it lives in. */
  private chain(resource: string): string[] {
    const key = this.normalize(resource);
    const project = /^projects\/[^/]+/.exec(key)?.[0];
    return project && project !== key ? [key, project] : [key];
  }

  /** The policy permission checks see now: the previous one while a change propagates. */
  private inEffect(key: string): Policy | undefined {
    const old = this.propagating.get(key);
    if (old && Date.now() < old.until) return old.policy;
    return this.policies.get(key);
  }

  allowed(who: Identity, resource: string, permission: string): boolean {
    const members = new Set([...who.members, 'allUsers', 'allAuthenticatedUsers']);
    for (const r of this.chain(resource)) {
      const p = this.inEffect(r);
      if (!p) continue;
      for (const b of p.bindings) {
        if (b.members.some(m => members.has(m)) && this.roleHas(b.role, permission)) return true;
      }
    }
    return false;
  }

  /** Anonymous callers (no token) can only be let in by an allUsers binding. */
  allowedAnonymous(resource: string, permission: string): boolean {
    for (const r of this.chain(resource)) {
      const p = this.inEffect(r);
      if (p?.bindings.some(b => b.members.includes('allUsers') && this.roleHas(b.role, permission))) return true;
    }
    return false;
  }

  permissionsOf(who: Identity, resource: string, asked: string[]): string[] {
    return asked.filter(p => this.allowed(who, resource, p));
  }

  /** actAs on a service account, with the real (lower-case) wording of the denial. */
  requireActAs(who: Identity, email: string): void {
    if (this.serviceAccounts.has(email) && this.allowed(who, this.saResource(email), 'iam.serviceAccounts.actAs')) return;
    throw googleError('PERMISSION_DENIED', `Permission 'iam.serviceaccounts.actAs' denied on service account ${email} (or it may not exist).`, [{
      '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'IAM_PERMISSION_DENIED', domain: 'iam.googleapis.com',
      metadata: { permission: 'iam.serviceAccounts.actAs', resource: this.saResource(email) },
    }]);
  }

  identityOfServiceAccount(email: string): Identity {
    return { kind: 'serviceAccount', principal: `serviceAccount:${email}`, email, members: [`serviceAccount:${email}`] };
  }
}

function mergeSameRole(bindings: Binding[]): Binding[] {
  const out: Binding[] = [];
  for (const b of bindings) {
    const same = out.find(x => x.role === b.role && JSON.stringify(x.condition) === JSON.stringify(b.condition));
    if (same) same.members = [...new Set([...same.members, ...b.members])].sort();
    else out.push(b);
  }
  return out.sort((a, b) => a.role.localeCompare(b.role));
}
