// The local Google Cloud: one HTTP server on 127.0.0.1 serving the GitHub OIDC token endpoint,
// STS, IAM Credentials, Cloud Run Admin v2, Cloud Scheduler v1, Cloud Logging and Cloud Monitoring v3, seeded with a default world,
// plus /__fake/ control endpoints so another process can drive it.
import { paging } from './paging.ts';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Auth } from './auth.ts';
import { GITHUB_ISSUER, GitHub, type IssueComment } from './github.ts';
import { Clock, Router, type Fault, type RequestLogEntry } from './http.ts';
import { runGcloudSetup } from './gcloud.ts';
import { Iam, type Policy, type World } from './iam.ts';
import { Logging } from './logging.ts';
import { Monitoring } from './monitoring.ts';
import { CloudRun, type ServedRequest } from './run.ts';
import { Scheduler, type Attempt } from './scheduler.ts';
import type { Json } from './schema.ts';
import { DEFAULT_VARIANTS, parseVariants, setVariants, type Variants } from './variants.ts';

export type { Fault, RequestLogEntry, Policy, World, ServedRequest, Attempt, Variants, IssueComment };

export interface FakeOptions {
  port?: number;
  /** added before answering every non-control request */
  latencyMs?: number;
  /** one task attempt of an execution (default 300) */
  taskMs?: number;
  /** a create/update/delete operation and a revision's readiness (default 150) */
  operationMs?: number;
  /** no log lines on stderr (default true) */
  quiet?: boolean;
  /** real ms per second of Scheduler attempt deadline / retry backoff (default 2) */
  schedulerMsPerSecond?: number;
  /** how long a service stays Reconciling after its operation is done (default 0) */
  readyDelayMs?: number;
  /** unsettled behaviours (fake/variants.ts); default: FAKE_GCP_VARIANTS, else the first of each */
  variants?: Partial<Variants>;
  /**
   * A project as Google hands it over: only Google's own accounts (Compute default, Scheduler
   * service agent), no provider, no accounts of the user, no bindings; `fake.gcloud(script)` then
   * runs the documented setup. Default: the seeded world (DEFAULT_WORLD, bound as the tests need).
   */
  bare?: boolean;
  /** names of the project, pool, provider and accounts (default DEFAULT_WORLD), e.g. those a setup guide creates */
  world?: Partial<World>;
}

export interface FakeGcp {
  url: string;
  port: number;
  world: World & { provider: string };
  env(): Record<string, string>;
  requests: RequestLogEntry[];
  clearRequests(): void;
  grant(resource: string, member: string, role: string): void;
  revoke(resource: string, member: string, role: string): void;
  getPolicy(resource: string): Policy;
  setGithubClaims(partial: Record<string, unknown>): void;
  /** make the GitHub token endpoint answer `status` (0 restores it) */
  failGithubToken(status: number, message?: string): void;
  /** replace the provider's attribute condition (default `assertion.repository_owner == 'acme'`) */
  setAttributeCondition(expr: string): void;
  /** replace the provider's whole attribute mapping, as `update-oidc --attribute-mapping` does */
  setAttributeMapping(mapping: Record<string, string>): void;
  /** mint a GitHub OIDC token directly (for tests of STS) */
  githubToken(audience: string): string;
  injectFault(f: Fault): void;
  clearFaults(): void;
  setLatency(ms: number, path?: string | RegExp): void;
  runJobs(): Json[];
  runServices(): Json[];
  revisions(): Json[];
  executions(): Json[];
  schedulerJobs(): Json[];
  /**
   * What only Cloud Scheduler itself does (job.proto Job.State): DISABLED "by the system due to
   * error", UPDATE_FAILED after a failed UpdateJob. `job` is the job's ID or full name.
   */
  setSchedulerJobState(job: string, state: 'DISABLED' | 'UPDATE_FAILED'): void;
  /** Cloud Logging's entries.list requests a minute (default 60; lower plays other readers). */
  setLogReadQuota(perMinute: number): void;
  /** entries.list requests answered 429 so far. */
  logReadsThrottled(): number;
  /** Turns on Cloud Scheduler's per-project request quotas (default 1,250 reads and 500 writes a minute). */
  setSchedulerQuotas(q?: { readsPerMinute?: number; writesPerMinute?: number }): void;
  /** Scheduler requests answered 429 so far, by kind. */
  schedulerThrottled(): { read: number; write: number };
  schedulerAttempts(): Attempt[];
  /** requests that reached a service's container (through the Scheduler) */
  servedRequests(): ServedRequest[];
  /**
   * Changes the resource's IAM policy (e.g. `() => fake.grant(...)`) right after its next
   * getIamPolicy is answered: a reader's following setIamPolicy then carries a stale etag.
   */
  afterNextPolicyRead(resource: string, change: () => void): void;
  /** Every token handed out over HTTP (GitHub OIDC, STS, IAM Credentials), oldest first. */
  tokensSent(): string[];
  /**
   * Every Cloud Run job or service deleted while a Scheduler job still targeted it (its trigger
   * then fires at nothing), oldest first. Google allows such a delete; the fake only records it,
   * so a test can assert the action never sent one.
   */
  deletedWhileTargeted(): { resource: string; schedulerJobs: string[] }[];
  /** the variants in effect (fake/variants.ts); change them with setVariants */
  variants: Readonly<Variants>;
  setVariants(partial: Partial<Variants>): void;
  /** Cloud Monitoring alert policies / notification channels as stored (live objects: a test may edit one, as someone in the Console would) */
  alertPolicies(): Json[];
  notificationChannels(): Json[];
  /** Cloud Logging entries written so far (Scheduler attempts) */
  logEntries(): Json[];
  /** lifetime of every access token issued from now on / of GitHub OIDC tokens, seconds */
  setTokenLifetimes(l: { accessTokenSeconds?: number; githubTokenSeconds?: number }): void;
  /** an access token of a person (`user:EMAIL`) holding `role` on the project: someone editing in the Console */
  userToken(email: string, role?: string): string;
  /**
   * Runs a setup script's gcloud commands (fake/gcloud.ts) against this project: `given` holds the
   * variables the reader sets by hand (PROJECT_ID, REPO, ...). Returns the commands applied.
   */
  gcloud(script: string, given: Record<string, string>): string[];
  /** the local GitHub REST API (GITHUB_API_URL = url + /github/api): tokens, issue comments, event payloads */
  github: {
    /** a GITHUB_TOKEN with pull-requests: write / the read-only one of a fork's pull request */
    writeToken: string;
    readOnlyToken: string;
    /** a user's personal access token; it posts (and GET /user names it) as userLogin */
    userToken: string;
    userLogin: string;
    comments(issue?: number): IssueComment[];
    addComment(issue: number, body: string, login?: string): IssueComment;
    /** opens a pull request; returns the payload the runner writes to GITHUB_EVENT_PATH */
    pullRequestEvent(opts?: { number?: number; fork?: boolean; action?: string }): Record<string, unknown>;
  };
  /** most items per page of a list (Run jobs/services, Scheduler jobs), whatever was asked; default unlimited */
  listPageMax: number;
  /** timings in effect (tests may change them between steps) */
  timings: { operationMs: number; taskMs: number; schedulerMsPerSecond: number; iamPropagationMs: number; readyDelayMs: number };
  close(): Promise<void>;
}

export const DEFAULT_WORLD: World = {
  projectId: 'demo-project',
  projectNumber: '123456789012',
  pool: 'github',
  provider: 'projects/123456789012/locations/global/workloadIdentityPools/github/providers/github',
  deployer: 'deployer@demo-project.iam.gserviceaccount.com',
  runtime: 'runtime@demo-project.iam.gserviceaccount.com',
  invoker: 'scheduler-invoker@demo-project.iam.gserviceaccount.com',
  repository: 'acme/app',
  region: 'us-central1',
  computeServiceAccount: '123456789012-compute@developer.gserviceaccount.com',
  schedulerServiceAgent: 'service-123456789012@gcp-sa-cloudscheduler.iam.gserviceaccount.com',
};

function seed(iam: Iam, auth: Auth, w: World): void {
  for (const sa of [w.deployer, w.runtime, w.invoker, w.computeServiceAccount, w.schedulerServiceAgent]) iam.serviceAccounts.add(sa);
  const project = `projects/${w.projectId}`;
  const deployer = `serviceAccount:${w.deployer}`;
  iam.grant(project, deployer, 'roles/run.admin');
  iam.grant(project, deployer, 'roles/cloudscheduler.admin');
  // As the README's setup grants it: the smoke test reads the Scheduler's attempt log entries.
  iam.grant(project, deployer, 'roles/logging.viewer');
  // As docs/alerts.md grants it: alert policies and the email channels the action creates.
  iam.grant(project, deployer, 'roles/monitoring.alertPolicyEditor');
  iam.grant(project, deployer, 'roles/monitoring.notificationChannelEditor');
  for (const sa of [w.runtime, w.invoker, w.computeServiceAccount]) iam.grant(iam.saResource(sa), deployer, 'roles/iam.serviceAccountUser');
  iam.grant(iam.saResource(w.deployer), `principalSet://iam.googleapis.com/projects/${w.projectNumber}/locations/global/workloadIdentityPools/${w.pool}/attribute.repository/${w.repository}`, 'roles/iam.workloadIdentityUser');
  auth.providers.push({
    name: w.provider,
    issuer: GITHUB_ISSUER,
    allowedAudiences: [],
    attributeCondition: `assertion.repository_owner == '${w.repository.split('/')[0]}'`,
    attributeMapping: {
      'google.subject': 'assertion.sub',
      'attribute.repository': 'assertion.repository',
      'attribute.repository_owner': 'assertion.repository_owner',
      'attribute.actor': 'assertion.actor',
      'attribute.ref': 'assertion.ref',
    },
    disabled: false,
  });
}

export async function startFakeGcp(opts: FakeOptions = {}): Promise<FakeGcp> {
  const world = { ...DEFAULT_WORLD, ...opts.world };
  const router = new Router();
  router.quiet = opts.quiet ?? true;
  router.latencyMs = opts.latencyMs ?? 0;
  const clock = new Clock();
  const iam = new Iam(world);
  const github = new GitHub(world.repository);
  const auth = new Auth(world, iam, github);
  const run = new CloudRun(world, iam, auth, clock, { operationMs: opts.operationMs ?? 150, taskMs: opts.taskMs ?? 300, readyDelayMs: opts.readyDelayMs ?? 0 });
  const scheduler = new Scheduler(world, iam, auth, run, clock, { msPerSecond: opts.schedulerMsPerSecond ?? 2, dispatchMs: 20 });
  const logging = new Logging(world, iam, auth);
  const monitoring = new Monitoring(world, iam, auth);
  const variants = setVariants({ ...DEFAULT_VARIANTS }, { ...parseVariants(process.env.FAKE_GCP_VARIANTS), ...(opts.variants ?? {}) });
  run.variants = variants;
  scheduler.variants = variants;
  monitoring.variants = variants;
  scheduler.logging = logging;
  const deletedWhileTargeted: { resource: string; schedulerJobs: string[] }[] = [];
  run.beforeDelete = (resource, workload) => {
    const schedulerJobs = scheduler.jobsTargeting(resource, workload);
    if (schedulerJobs.length) deletedWhileTargeted.push({ resource, schedulerJobs });
  };
  if (opts.bare) for (const sa of [world.computeServiceAccount, world.schedulerServiceAgent]) iam.serviceAccounts.add(sa);
  else seed(iam, auth, world);
  github.register(router);
  auth.register(router);
  run.register(router);
  scheduler.register(router);
  logging.register(router);
  monitoring.register(router);

  const server = createServer((req, res) => void router.dispatch(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;

  const fake: FakeGcp = {
    url,
    port,
    world,
    env: () => ({
      CLOUDSDK_API_ENDPOINT_OVERRIDES_RUN: `${url}/`,
      CLOUDSDK_API_ENDPOINT_OVERRIDES_CLOUDSCHEDULER: `${url}/`,
      CLOUDSDK_API_ENDPOINT_OVERRIDES_STS: `${url}/`,
      CLOUDSDK_API_ENDPOINT_OVERRIDES_IAMCREDENTIALS: `${url}/`,
      CLOUDSDK_API_ENDPOINT_OVERRIDES_LOGGING: `${url}/`,
      CLOUDSDK_API_ENDPOINT_OVERRIDES_MONITORING: `${url}/`,
      ACTIONS_ID_TOKEN_REQUEST_URL: `${url}/github/token?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: github.requestToken,
      GITHUB_API_URL: `${url}/github/api`,
    }),
    get requests() {
      return router.requests;
    },
    clearRequests: () => {
      router.requests.length = 0;
    },
    grant: (r, m, role) => iam.grant(r, m, role),
    revoke: (r, m, role) => iam.revoke(r, m, role),
    getPolicy: r => iam.getPolicy(r),
    setGithubClaims: p => github.setClaims(p),
    failGithubToken: (status, message) => github.setFailure(status, message),
    setAttributeCondition: expr => {
      auth.providers[0].attributeCondition = expr;
    },
    setAttributeMapping: mapping => {
      auth.providers[0].attributeMapping = { ...mapping };
    },
    githubToken: aud => github.mint(aud),
    injectFault: f => router.injectFault(f),
    clearFaults: () => router.clearFaults(),
    setLatency: (ms, path) => router.setLatency(ms, path),
    runJobs: () => [...run.jobs.values()],
    runServices: () => [...run.services.values()],
    revisions: () => [...run.revisions.values()],
    executions: () => [...run.executions.values()].map(s => s.json),
    schedulerJobs: () => [...scheduler.jobs.values()],
    setLogReadQuota: (perMinute) => logging.setReadQuota(perMinute),
    setSchedulerQuotas: (q = {}) => scheduler.setQuotas(q),
    schedulerThrottled: () => ({ ...scheduler.throttled }),
    logReadsThrottled: () => logging.throttled,
    setSchedulerJobState: (job, state) => {
      const found = [...scheduler.jobs.values()].find((j) => j.name === job || String(j.name).endsWith(`/jobs/${job}`));
      if (!found) throw new Error(`No Scheduler job ${job}`);
      found.state = state;
    },
    schedulerAttempts: () => scheduler.attempts,
    servedRequests: () => run.served,
    tokensSent: () => [...router.tokensSent],
    deletedWhileTargeted: () => deletedWhileTargeted.map(d => ({ ...d, schedulerJobs: [...d.schedulerJobs] })),
    afterNextPolicyRead: (resource, change) => {
      run.afterPolicyRead.set(resource, change);
    },
    variants,
    setVariants: partial => {
      setVariants(variants, partial);
    },
    logEntries: () => logging.entries,
    alertPolicies: () => [...monitoring.policies.values()],
    notificationChannels: () => [...monitoring.channels.values()],
    userToken: (email, role = 'roles/editor') => {
      iam.grant(`projects/${world.projectId}`, `user:${email}`, role);
      return auth.issueAccessToken({ kind: 'user', principal: `user:${email}`, email, members: [`user:${email}`] }).token;
    },
    gcloud: (script, given) => runGcloudSetup({ iam, auth, projectId: world.projectId, projectNumber: world.projectNumber }, script, given),
    github: {
      writeToken: github.writeToken,
      readOnlyToken: github.readOnlyToken,
      userToken: github.userToken,
      userLogin: github.userLogin,
      comments: issue => github.comments.filter(c => issue === undefined || c.issue === issue),
      addComment: (issue, body, login) => github.addComment(issue, body, login),
      pullRequestEvent: opts => github.pullRequestEvent(opts),
    },
    setTokenLifetimes: l => {
      if (l.accessTokenSeconds !== undefined) auth.maxTokenSeconds = l.accessTokenSeconds;
      if (l.githubTokenSeconds !== undefined) github.ttlSeconds = l.githubTokenSeconds;
    },
    get listPageMax() { return paging.max; },
    set listPageMax(v: number) { paging.max = v; },
    timings: {
      get operationMs() { return run.timings.operationMs; },
      set operationMs(v: number) { run.timings.operationMs = v; },
      get taskMs() { return run.timings.taskMs; },
      set taskMs(v: number) { run.timings.taskMs = v; },
      get schedulerMsPerSecond() { return scheduler.timings.msPerSecond; },
      set schedulerMsPerSecond(v: number) { scheduler.timings.msPerSecond = v; },
      get iamPropagationMs() { return iam.propagationMs; },
      set iamPropagationMs(v: number) { iam.propagationMs = v; },
      get readyDelayMs() { return run.timings.readyDelayMs ?? 0; },
      set readyDelayMs(v: number) { run.timings.readyDelayMs = v; },
    },
    close: async () => {
      clock.clear();
      server.closeAllConnections();
      await new Promise<void>(r => server.close(() => r()));
    },
  };

  registerControl(router, fake);
  return fake;
}

/** /__fake/ endpoints: the same controls over HTTP for a benchmark or a demo in another process. */
function registerControl(router: Router, fake: FakeGcp): void {
  const body = (x: unknown): Json => (x ?? {}) as Json;
  const re = (p: unknown): string | RegExp => {
    const s = String(p ?? '');
    const m = /^\/(.*)\/([a-z]*)$/.exec(s);
    return m ? new RegExp(m[1], m[2]) : s;
  };
  router.add('GET', /^\/__fake\/requests$/, 'control', () => ({ requests: fake.requests }));
  router.add('POST', /^\/__fake\/requests\/clear$/, 'control', () => {
    fake.clearRequests();
    return {};
  });
  router.add('GET', /^\/__fake\/state$/, 'control', () => ({
    world: fake.world,
    runJobs: fake.runJobs(), runServices: fake.runServices(), revisions: fake.revisions(), executions: fake.executions(),
    schedulerJobs: fake.schedulerJobs(), schedulerAttempts: fake.schedulerAttempts(), servedRequests: fake.servedRequests(),
    alertPolicies: fake.alertPolicies(), notificationChannels: fake.notificationChannels(),
    timings: { ...fake.timings },
  }));
  router.add('GET', /^\/__fake\/env$/, 'control', () => fake.env());
  router.add('POST', /^\/__fake\/variants$/, 'control', ctx => {
    try {
      fake.setVariants(body(ctx.body) as Partial<Variants>);
    } catch (e) {
      return { status: 400, body: { error: { code: 400, message: (e as Error).message, status: 'INVALID_ARGUMENT' } } };
    }
    return { ...fake.variants };
  });
  router.add('POST', /^\/__fake\/fault$/, 'control', ctx => {
    const b = body(ctx.body);
    if (b.clear) fake.clearFaults();
    else fake.injectFault({ ...(b as unknown as Fault), path: re(b.path) });
    return {};
  });
  router.add('POST', /^\/__fake\/latency$/, 'control', ctx => {
    const b = body(ctx.body);
    fake.setLatency(Number(b.ms ?? 0), b.path === undefined ? undefined : re(b.path));
    return {};
  });
  router.add('POST', /^\/__fake\/timings$/, 'control', ctx => {
    const b = body(ctx.body);
    for (const k of ['operationMs', 'taskMs', 'schedulerMsPerSecond', 'iamPropagationMs', 'readyDelayMs'] as const) if (b[k] !== undefined) fake.timings[k] = Number(b[k]);
    return { ...fake.timings };
  });
  router.add('POST', /^\/__fake\/iam\/(grant|revoke)$/, 'control', ctx => {
    const b = body(ctx.body);
    if (ctx.params[0] === 'grant') fake.grant(String(b.resource), String(b.member), String(b.role));
    else fake.revoke(String(b.resource), String(b.member), String(b.role));
    return fake.getPolicy(String(b.resource));
  });
  router.add('GET', /^\/__fake\/iam\/policy$/, 'control', ctx => fake.getPolicy(String(ctx.query.get('resource'))));
  router.add('POST', /^\/__fake\/github\/claims$/, 'control', ctx => {
    const b = body(ctx.body);
    if (b.fail !== undefined) fake.failGithubToken(Number(b.fail));
    else fake.setGithubClaims(b);
    return {};
  });
  router.add('POST', /^\/__fake\/provider\/condition$/, 'control', ctx => {
    fake.setAttributeCondition(String(body(ctx.body).condition));
    return {};
  });
}
