// The GitHub Actions OIDC token endpoint that `core.getIDToken(audience)` calls:
// GET ${ACTIONS_ID_TOKEN_REQUEST_URL}&audience=AUD with `Authorization: Bearer ${ACTIONS_ID_TOKEN_REQUEST_TOKEN}`,
// answering {"value": JWT}, the JWT signed RS256 with a key only this fake holds.
import { randomBytes } from 'node:crypto';
import { ApiError, type Router } from './http.ts';
import { jwks, newKey, signJwt, type SigningKey } from './jwt.ts';

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';

export class GitHub {
  key: SigningKey = newKey();
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
    return {
      jti: randomBytes(16).toString('hex'),
      sub: `repo:${repository}:ref:${ref}`,
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

  register(router: Router): void {
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
