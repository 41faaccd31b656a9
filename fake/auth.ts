// Workload Identity Federation (STS token exchange), IAM Credentials (generateAccessToken /
// generateIdToken) and the bearer-token check every Google API call goes through.
import { createHash, randomBytes } from 'node:crypto';
import { evalCondition, evalExpression } from './cel.ts';
import type { GitHub } from './github.ts';
import { ApiError, badRequest, googleError, rfc3339, type Ctx, type Router } from './http.ts';
import type { Iam, Identity, World } from './iam.ts';
import { issuerKey, jwks, signJwt, verifyJwt, type SigningKey } from './jwt.ts';

export const GOOGLE_ISSUER = 'https://accounts.google.com';

export interface Provider {
  /** projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/ID */
  name: string;
  issuer: string;
  /** empty = the default: https://iam.googleapis.com/ + name */
  allowedAudiences: string[];
  attributeCondition: string;
  attributeMapping: Record<string, string>;
  disabled: boolean;
}

interface IssuedToken { identity: Identity; expires: number; scopes?: string[] }

const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';

function stsError(error: string, description: string, status = 400): ApiError {
  return new ApiError(status, { error, error_description: description }, description);
}

const UNAUTHENTICATED_MSG = 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.';

export class Auth {
  googleKey: SigningKey = issuerKey('google');
  providers: Provider[] = [];
  /** Longest lifetime of any access token this fake issues (tests of token refresh shorten it). */
  maxTokenSeconds = 3600;
  private tokens = new Map<string, IssuedToken>();
  private world: World;
  private iam: Iam;
  private github: GitHub;

  constructor(world: World, iam: Iam, github: GitHub) {
    this.world = world;
    this.iam = iam;
    this.github = github;
  }

  /** The numeric unique ID of a service account (its ID tokens' `sub`). */
  uniqueId(email: string): string {
    const h = createHash('sha256').update(email).digest();
    return '1' + (h.readBigUInt64BE(0) % 10n ** 20n).toString().padStart(20, '0');
  }

  issueAccessToken(identity: Identity, seconds = 3600, prefix = 'ya29.c.', scopes?: string[]): { token: string; expires: number } {
    const token = `${prefix}fake${randomBytes(24).toString('base64url')}`;
    const expires = Date.now() + Math.min(seconds, this.maxTokenSeconds) * 1000;
    this.tokens.set(token, { identity, expires, ...(scopes ? { scopes } : {}) });
    return { token, expires };
  }

  /** The OAuth scopes a token was minted with (undefined: not recorded, e.g. an STS token). */
  scopesOf(token: string): string[] | undefined {
    return this.tokens.get(token)?.scopes;
  }

  idToken(email: string, audience: string, includeEmail: boolean): string {
    const now = Math.floor(Date.now() / 1000);
    const id = this.uniqueId(email);
    return signJwt(this.googleKey, {
      aud: audience, azp: id, sub: id, iss: GOOGLE_ISSUER, iat: now, exp: now + 3600,
      ...(includeEmail ? { email, email_verified: true } : {}),
    });
  }

  /** Verifies a Google-signed ID token (as Cloud Run's front end does); undefined if invalid. */
  verifyIdToken(token: string): Record<string, unknown> | undefined {
    const r = verifyJwt(token, this.googleKey);
    if (!r.ok) return undefined;
    const exp = Number(r.claims.exp);
    if (r.claims.iss !== GOOGLE_ISSUER || !(exp * 1000 > Date.now())) return undefined;
    return r.claims;
  }

  /** Who holds this access token, if the fake issued it and it has not expired. */
  lookup(token: string): Identity | undefined {
    const t = this.tokens.get(token);
    return t && t.expires > Date.now() ? t.identity : undefined;
  }

  /** The Authorization check in front of every Google API (401 UNAUTHENTICATED like Google's front end). */
  identify(ctx: Ctx): Identity {
    const h = ctx.headers.authorization;
    if (!h) {
      throw googleError('UNAUTHENTICATED', 'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.', [{
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'CREDENTIALS_MISSING', domain: 'googleapis.com',
      }]);
    }
    const m = /^Bearer (.+)$/i.exec(h);
    const who = m ? this.lookup(m[1]) : undefined;
    if (!who) {
      // An ID token (a JWT) is not an access token: Google APIs reject it the same way.
      throw googleError('UNAUTHENTICATED', UNAUTHENTICATED_MSG, [{
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'ACCESS_TOKEN_TYPE_UNSUPPORTED', domain: 'googleapis.com',
      }]);
    }
    return who;
  }

  private providerPath(audience: string): Provider | undefined {
    const name = audience.replace(/^(https:)?\/\/iam\.googleapis\.com\//, '');
    return this.providers.find(p => p.name === name && !p.disabled);
  }

  /** STS: exchanges a GitHub OIDC JWT for a federated access token. */
  private exchange(ctx: Ctx): object {
    const b = (ctx.body ?? {}) as Record<string, string | undefined>;
    const get = (snake: string, camel: string): string | undefined => b[snake] ?? b[camel];
    const grantType = get('grant_type', 'grantType');
    if (grantType !== TOKEN_EXCHANGE) {
      throw stsError('unsupported_grant_type', `Invalid value for "grant_type": ${grantType ?? '(missing)'}.`);
    }
    const subjectTokenType = get('subject_token_type', 'subjectTokenType');
    if (subjectTokenType !== 'urn:ietf:params:oauth:token-type:jwt' && subjectTokenType !== 'urn:ietf:params:oauth:token-type:id_token') {
      throw stsError('invalid_request', `Invalid value for "subject_token_type": ${subjectTokenType ?? '(missing)'}.`);
    }
    const requested = get('requested_token_type', 'requestedTokenType');
    if (requested !== ACCESS_TOKEN_TYPE) {
      throw stsError('invalid_request', `Invalid value for "requested_token_type": ${requested ?? '(missing)'}.`);
    }
    const audience = get('audience', 'audience') ?? '';
    const provider = audience.startsWith('//iam.googleapis.com/') ? this.providerPath(audience) : undefined;
    if (!provider) {
      throw stsError('invalid_target', 'The target service indicated by the "audience" parameters is invalid. This might either be because the pool or provider is disabled or deleted or because it doesn\'t exist.');
    }
    const subjectToken = get('subject_token', 'subjectToken');
    if (!subjectToken) throw stsError('invalid_request', 'Missing required parameter "subject_token".');
    const v = verifyJwt(subjectToken, this.github.key);
    if (!v.ok) {
      throw stsError('invalid_grant', v.reason === 'malformed'
        ? 'Unable to parse the ID Token.'
        : 'Invalid ID Token signature: the token was not signed by a key of the issuer\'s JWKS.');
    }
    const claims = v.claims;
    if (claims.iss !== provider.issuer) {
      throw stsError('invalid_grant', `The issuer in ID Token ${String(claims.iss)} does not match the expected ones: ${provider.issuer}.`);
    }
    const now = Date.now() / 1000;
    if (typeof claims.exp !== 'number' || claims.exp <= now) {
      throw stsError('invalid_grant', 'ID Token has expired.');
    }
    if (typeof claims.iat === 'number' && claims.iat > now + 300) {
      throw stsError('invalid_grant', 'ID Token issued in the future.');
    }
    const allowed = provider.allowedAudiences.length
      ? provider.allowedAudiences
      : [`https://iam.googleapis.com/${provider.name}`, `//iam.googleapis.com/${provider.name}`];
    const auds = Array.isArray(claims.aud) ? claims.aud.map(String) : [String(claims.aud)];
    if (!auds.some(a => allowed.includes(a))) {
      throw stsError('invalid_grant', `The audience in ID Token [${auds.join(', ')}] does not match the expected audience ${allowed[0]}.`);
    }
    const attributes: Record<string, string> = {};
    for (const [target, expr] of Object.entries(provider.attributeMapping)) {
      // A CEL expression over the token's claims; one that reads a claim the token lacks maps nothing.
      let value: unknown;
      try {
        value = evalExpression(expr, { assertion: claims });
      } catch {
        value = undefined;
      }
      if (typeof value === 'string' || typeof value === 'boolean') attributes[target] = String(value);
    }
    if (!attributes['google.subject']) {
      throw stsError('invalid_grant', 'The mapped attribute google.subject must not be empty.');
    }
    // The 127-byte limit of google.subject, and its error (FACTS.md).
    if (Buffer.byteLength(attributes['google.subject'], 'utf8') > 127) {
      throw stsError('invalid_request', 'The size of mapped attribute google.subject exceeds the 127 bytes limit. Either modify your attribute mapping or the incoming assertion to produce a mapped attribute that is less than 127 bytes.');
    }
    let pass = false;
    try {
      pass = evalCondition(provider.attributeCondition, { assertion: claims, attribute: prefixed(attributes, 'attribute.'), google: prefixed(attributes, 'google.') });
    } catch {
      pass = false;
    }
    // unauthorized_client, not invalid_grant (FACTS.md).
    if (!pass) throw stsError('unauthorized_client', 'The given credential is rejected by the attribute condition.');

    const poolPath = provider.name.replace(/\/providers\/[^/]+$/, '');
    const base = `//iam.googleapis.com/${poolPath}`;
    const members = [`principal:${base}/subject/${attributes['google.subject']}`, `principalSet:${base}/*`];
    for (const [k, val] of Object.entries(attributes)) {
      if (k.startsWith('attribute.')) members.push(`principalSet:${base}/${k}/${val}`);
    }
    const identity: Identity = { kind: 'federated', principal: members[0], members, attributes };
    const { token } = this.issueAccessToken(identity, 3600, 'ya29.d.');
    return { access_token: token, issued_token_type: ACCESS_TOKEN_TYPE, token_type: 'Bearer', expires_in: Math.min(3599, this.maxTokenSeconds) };
  }

  private requireTokenPermission(who: Identity, project: string, email: string, permission: string): void {
    const exists = this.iam.serviceAccounts.has(email) && (project === '-' || project === this.world.projectId || project === this.world.projectNumber);
    if (exists && this.iam.allowed(who, this.iam.saResource(email), permission)) return;
    throw googleError('PERMISSION_DENIED', `Permission '${permission}' denied on resource (or it may not exist).`, [{
      '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'IAM_PERMISSION_DENIED', domain: 'iam.googleapis.com',
      metadata: { permission },
    }]);
  }

  register(router: Router): void {
    router.add('POST', /^\/v1\/token$/, 'sts', ctx => this.exchange(ctx));

    router.add('POST', /^\/v1\/projects\/([^/]+)\/serviceAccounts\/([^/:]+):generateAccessToken$/, 'iamcredentials', ctx => {
      const who = this.identify(ctx);
      const [project, email] = ctx.params;
      const body = checkFields(ctx.body, ['delegates', 'scope', 'lifetime']);
      this.requireTokenPermission(who, project, email, 'iam.serviceAccounts.getAccessToken');
      const scope = body.scope;
      if (!Array.isArray(scope) || scope.length === 0) throw badRequest('Scope required.');
      let seconds = 3600;
      if (body.lifetime !== undefined) {
        const m = /^(\d+(?:\.\d+)?)s$/.exec(String(body.lifetime));
        if (!m) throw badRequest(`Invalid value at 'lifetime' (type.googleapis.com/google.protobuf.Duration), "${String(body.lifetime)}"`);
        seconds = Number(m[1]);
        if (seconds > 3600 || seconds <= 0) {
          throw badRequest('The lifetime requested for the token is invalid. It must be between 1 second and 3600 seconds.');
        }
      }
      const { token, expires } = this.issueAccessToken(this.iam.identityOfServiceAccount(email), seconds);
      return { accessToken: token, expireTime: rfc3339(expires).replace(/\.\d+Z$/, 'Z') };
    });

    router.add('POST', /^\/v1\/projects\/([^/]+)\/serviceAccounts\/([^/:]+):generateIdToken$/, 'iamcredentials', ctx => {
      const who = this.identify(ctx);
      const [project, email] = ctx.params;
      const body = checkFields(ctx.body, ['delegates', 'audience', 'includeEmail', 'organizationNumberIncluded']);
      this.requireTokenPermission(who, project, email, 'iam.serviceAccounts.getOpenIdToken');
      if (!body.audience) throw badRequest('Audience required.');
      return { token: this.idToken(email, String(body.audience), body.includeEmail === true) };
    });

    router.add('GET', /^\/oauth2\/v3\/certs$/, 'iamcredentials', () => jwks(this.googleKey));
  }
}

function prefixed(attrs: Record<string, string>, prefix: string): Record<string, string> {
  return Object.fromEntries(Object.entries(attrs).filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]));
}

/** Top-level unknown JSON fields are a 400, as everywhere on Google's REST front end. */
function checkFields(body: unknown, known: string[]): Record<string, unknown> {
  const b = (body ?? {}) as Record<string, unknown>;
  for (const k of Object.keys(b)) {
    if (!known.includes(k)) {
      const msg = `Invalid JSON payload received. Unknown name "${k}": Cannot find field.`;
      throw badRequest(msg, [{ field: '', description: msg }]);
    }
  }
  return b;
}

