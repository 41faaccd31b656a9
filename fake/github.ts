// The GitHub Actions OIDC token endpoint that `core.getIDToken(audience)` calls:
// GET ${ACTIONS_ID_TOKEN_REQUEST_URL}&audience=AUD with `Authorization: Bearer ${ACTIONS_ID_TOKEN_REQUEST_TOKEN}`,
// answering {"value": JWT}, the JWT signed RS256 with a key only this fake holds.
// And the part of GitHub's REST API (under /github/api, the GITHUB_API_URL) that the pull-request
// comment uses: issue comments listed page by page (Link header), created and updated, with a
// read-write token and a read-only one (a fork's pull request); plus pull_request event payloads.
import { randomBytes } from 'node:crypto';
import { ApiError, rfc3339, type Ctx, type Router } from './http.ts';
import { issuerKey, jwks, signJwt, type SigningKey } from './jwt.ts';

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';

export interface IssueComment {
  id: number;
  issue: number;
  body: string;
  login: string;
  created_at: string;
  updated_at: string;
}

const DOCS = 'https://docs.github.com/rest/issues/comments';

export class GitHub {
  key: SigningKey = issuerKey('github');
  /** A GITHUB_TOKEN with pull-requests: write. */
  writeToken = `ghs_write${randomBytes(12).toString('hex')}`;
  /** The read-only GITHUB_TOKEN a pull request from a fork gets. */
  readOnlyToken = `ghs_read${randomBytes(12).toString('hex')}`;
  comments: IssueComment[] = [];
  /** Pull requests (issue numbers) that exist. */
  pullRequests = new Set<number>();
  private nextCommentId = 1000;
  requestToken = `ghs_fake${randomBytes(12).toString('hex')}`;
  /** Lifetime of a minted token (GitHub's: about 5 minutes). */
  ttlSeconds = 300;
  private overrides: Record<string, unknown> = {};
  private failure: { status: number; message: string } | undefined;
  private repository: string;

  constructor(repository: string) {
    this.repository = repository;
  }

  /** Changes claims of the next tokens (e.g. {repository: 'other/app'}); derived claims follow. */
  setClaims(partial: Record<string, unknown>): void {
    // An undefined value restores the default of that claim.
    const next: Record<string, unknown> = { ...this.overrides, ...partial };
    for (const [k, v] of Object.entries(next)) if (v === undefined) delete next[k];
    this.overrides = next;
  }

  resetClaims(): void {
    this.overrides = {};
    this.failure = undefined;
  }

  /** Makes the token endpoint answer this status until cleared (status 0 clears). */
  setFailure(status: number, message = 'Unable to get ACTIONS_ID_TOKEN_REQUEST_URL token'): void {
    this.failure = status ? { status, message } : undefined;
  }

  claims(audience: string): Record<string, unknown> {
    const o = this.overrides;
    const repository = String(o.repository ?? this.repository);
    const owner = String(o.repository_owner ?? repository.split('/')[0]);
    const ref = String(o.ref ?? 'refs/heads/main');
    const now = Math.floor(Date.now() / 1000);
    const workflow = `${repository}/.github/workflows/deploy.yml@${ref}`;
    // GitHub's default subject: the job's environment if it has one, else pull_request for that
    // event, else the ref (FACTS.md, GitHub OIDC reference, "Example subject claims").
    const environment = o.environment === undefined ? undefined : String(o.environment);
    const sub = environment !== undefined
      ? `repo:${repository}:environment:${environment}`
      : o.event_name === 'pull_request' ? `repo:${repository}:pull_request` : `repo:${repository}:ref:${ref}`;
    return {
      jti: randomBytes(16).toString('hex'),
      sub,
      aud: audience,
      ref,
      sha: '0123456789abcdef0123456789abcdef01234567',
      repository,
      repository_owner: owner,
      repository_owner_id: '1000001',
      repository_id: '2000002',
      repository_visibility: 'private',
      run_id: '3000003',
      run_number: '7',
      run_attempt: '1',
      actor: 'octocat',
      actor_id: '4000004',
      workflow: 'deploy',
      workflow_ref: workflow,
      job_workflow_ref: workflow,
      event_name: 'push',
      ref_type: 'branch',
      runner_environment: 'github-hosted',
      iss: GITHUB_ISSUER,
      nbf: now - 5,
      iat: now,
      exp: now + this.ttlSeconds,
      ...o,
    };
  }

  mint(audience: string): string {
    return signJwt(this.key, this.claims(audience));
  }

  /** Opens a pull request and returns the event payload the runner writes to GITHUB_EVENT_PATH. */
  pullRequestEvent(opts: { number?: number; fork?: boolean; action?: string } = {}): Record<string, unknown> {
    const number = opts.number ?? this.pullRequests.size + 1;
    this.pullRequests.add(number);
    const [owner, name] = this.repository.split('/');
    const repo = { name, full_name: this.repository, owner: { login: owner, type: 'Organization' }, fork: false };
    const headRepo = opts.fork ? { name, full_name: `contributor/${name}`, owner: { login: 'contributor', type: 'User' }, fork: true } : repo;
    return {
      action: opts.action ?? 'synchronize',
      number,
      pull_request: {
        number,
        state: 'open',
        html_url: `https://github.com/${this.repository}/pull/${number}`,
        url: `https://api.github.com/repos/${this.repository}/pulls/${number}`,
        head: { ref: 'feature', sha: '0123456789abcdef0123456789abcdef01234567', repo: headRepo },
        base: { ref: 'main', sha: 'fedcba9876543210fedcba9876543210fedcba98', repo },
      },
      repository: repo,
      sender: { login: opts.fork ? 'contributor' : 'octocat', type: 'User' },
    };
  }

  /** A comment by someone else (to fill pages before the action's own). */
  addComment(issue: number, body: string, login = 'octocat'): IssueComment {
    this.pullRequests.add(issue);
    const now = rfc3339().replace(/\.\d+Z$/, 'Z');
    const c: IssueComment = { id: this.nextCommentId++, issue, body, login, created_at: now, updated_at: now };
    this.comments.push(c);
    return c;
  }

  private commentJson(c: IssueComment, base: string): Record<string, unknown> {
    return {
      id: c.id,
      node_id: `IC_fake${c.id}`,
      url: `${base}/repos/${this.repository}/issues/comments/${c.id}`,
      html_url: `https://github.com/${this.repository}/pull/${c.issue}#issuecomment-${c.id}`,
      issue_url: `${base}/repos/${this.repository}/issues/${c.issue}`,
      body: c.body,
      user: { login: c.login, type: c.login.endsWith('[bot]') ? 'Bot' : 'User' },
      created_at: c.created_at,
      updated_at: c.updated_at,
      author_association: 'NONE',
    };
  }

  /** Who may do what with this request's token: 401 without a known one. */
  private access(ctx: Ctx): 'write' | 'read' {
    // Before anything else: GitHub refuses a request without a User-Agent (fake/FACTS.md).
    if (!String(ctx.headers['user-agent'] ?? '').trim()) {
      throw new ApiError(403, { message: 'Request forbidden by administrative rules. Please make sure your request has a User-Agent header (https://docs.github.com/en/rest/using-the-rest-api/getting-started-with-the-rest-api#user-agent).' }, 'no user agent');
    }
    const m = /^(?:token|bearer) (.+)$/i.exec(String(ctx.headers.authorization ?? ''));
    if (m?.[1] === this.writeToken) return 'write';
    if (m?.[1] === this.readOnlyToken) return 'read';
    throw new ApiError(401, { message: m ? 'Bad credentials' : 'Requires authentication', documentation_url: 'https://docs.github.com/rest', status: '401' }, 'bad credentials');
  }

  private repoAndIssue(ctx: Ctx, issue?: string): void {
    const [owner, repo] = ctx.params;
    if (`${owner}/${repo}`.toLowerCase() !== this.repository.toLowerCase() || (issue !== undefined && !this.pullRequests.has(Number(issue)))) {
      throw new ApiError(404, { message: 'Not Found', documentation_url: DOCS, status: '404' }, 'not found');
    }
  }

  private requireWrite(ctx: Ctx, doc: string): void {
    if (this.access(ctx) === 'write') return;
    throw new ApiError(403, { message: 'Resource not accessible by integration', documentation_url: `${DOCS}#${doc}`, status: '403' }, 'read-only token');
  }

  private registerComments(router: Router): void {
    const base = (ctx: Ctx): string => `http://${ctx.headers.host ?? '127.0.0.1'}/github/api`;
    const R = '^/github/api/repos/([^/]+)/([^/]+)';
    router.add('GET', new RegExp(`${R}/issues/(\\d+)/comments$`), 'github', ctx => {
      this.access(ctx);
      this.repoAndIssue(ctx, ctx.params[2]);
      const issue = Number(ctx.params[2]);
      const perPage = Math.min(100, Math.max(1, Number(ctx.query.get('per_page') ?? 30) || 30));
      const page = Math.max(1, Number(ctx.query.get('page') ?? 1) || 1);
      const all = this.comments.filter(c => c.issue === issue).sort((a, b) => a.id - b.id);
      const last = Math.max(1, Math.ceil(all.length / perPage));
      const url = (p: number): string => `${base(ctx)}/repos/${this.repository}/issues/${issue}/comments?per_page=${perPage}&page=${p}`;
      const links = [
        ...(page < last ? [`<${url(page + 1)}>; rel="next"`, `<${url(last)}>; rel="last"`] : []),
        ...(page > 1 ? [`<${url(1)}>; rel="first"`, `<${url(page - 1)}>; rel="prev"`] : []),
      ];
      return {
        status: 200,
        headers: links.length ? { link: links.join(', ') } : {},
        body: all.slice((page - 1) * perPage, page * perPage).map(c => this.commentJson(c, base(ctx))),
      };
    });
    router.add('POST', new RegExp(`${R}/issues/(\\d+)/comments$`), 'github', ctx => {
      this.requireWrite(ctx, 'create-an-issue-comment');
      this.repoAndIssue(ctx, ctx.params[2]);
      const body = (ctx.body as { body?: unknown } | undefined)?.body;
      if (typeof body !== 'string' || body === '') throw new ApiError(422, { message: 'Validation Failed', errors: [{ resource: 'IssueComment', code: 'missing_field', field: 'body' }], status: '422' }, 'no body');
      const c = this.addComment(Number(ctx.params[2]), body, 'github-actions[bot]');
      return { status: 201, body: this.commentJson(c, base(ctx)) };
    });
    router.add('PATCH', new RegExp(`${R}/issues/comments/(\\d+)$`), 'github', ctx => {
      this.requireWrite(ctx, 'update-an-issue-comment');
      this.repoAndIssue(ctx);
      const c = this.comments.find(x => x.id === Number(ctx.params[2]));
      if (!c) throw new ApiError(404, { message: 'Not Found', documentation_url: DOCS, status: '404' }, 'not found');
      const body = (ctx.body as { body?: unknown } | undefined)?.body;
      if (typeof body !== 'string' || body === '') throw new ApiError(422, { message: 'Validation Failed', status: '422' }, 'no body');
      c.body = body;
      c.updated_at = rfc3339().replace(/\.\d+Z$/, 'Z');
      return this.commentJson(c, base(ctx));
    });
  }

  register(router: Router): void {
    this.registerComments(router);
    router.add('GET', /^\/github\/token$/, 'github', ctx => {
      if (ctx.headers.authorization !== `Bearer ${this.requestToken}`) {
        throw new ApiError(401, { message: 'Bad credentials' }, 'bad credentials');
      }
      if (this.failure) throw new ApiError(this.failure.status, { message: this.failure.message }, this.failure.message);
      // Without ?audience= GitHub uses the repository owner's URL.
      const audience = ctx.query.get('audience') || `https://github.com/${String(this.overrides.repository_owner ?? this.repository.split('/')[0])}`;
      return { count: 1, value: this.mint(audience) };
    });
    router.add('GET', /^\/github\/\.well-known\/jwks$/, 'github', () => jwks(this.key));
  }
}
