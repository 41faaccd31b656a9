// Workload Identity Federation: GitHub OIDC token -> STS federated token -> (optionally)
// an access token of the deployer service account. Without a provider, Application
// Default Credentials. Every token that passes through is masked.
import type { AuthClient } from 'google-auth-library';
// The two clients of Workload Identity Federation, from their own modules: the package's index
// loads every kind of credential (service account keys, AWS, metadata server, ...) on every run.
import { IdentityPoolClient } from 'google-auth-library/build/src/auth/identitypoolclient.js';
import { Impersonated } from 'google-auth-library/build/src/auth/impersonated.js';
// @internal in google-auth-library 11 (what its GoogleAuth wraps trusted configurations in); absent in
// another version, the warning is back and test/integration/adc.test.ts says so.
import * as authUtil from 'google-auth-library/build/src/util.js';
import nodeFetch from 'node-fetch';
import type { AuthConfig } from '../config/types.js';
import type { AuthStage } from '../errors/explain.js';
import { subjectPrincipal } from '../errors/grants.js';
import { REQUEST_TIMEOUT_MS } from '../google/clients.js';
import { endpointFor } from '../google/endpoints.js';
import { tracedFetch } from '../google/trace.js';
import { githubAudience, GithubTokenError, requestGithubToken, subjectOf } from './github-token.js';
import { setSecret } from '../report/workflow-commands.js';

const suppressAdcWarning = (authUtil as { suppressAdcWarning?: <T>(fn: () => T) => T }).suppressAdcWarning;

export const CLOUD_PLATFORM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';


/** An authentication failure, tagged with the link of the chain that broke. */
export class AuthError extends Error {
  readonly stage: AuthStage;
  /** The GitHub OIDC token's subject, when the token came (the principal a fix names). */
  readonly subject?: string;
  constructor(stage: AuthStage, cause: unknown, subject?: string) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'AuthError';
    this.stage = stage;
    this.subject = subject;
  }
}

export interface Credentials {
  authClient: AuthClient;
  /** Who the calls run as: the deployer, the federated principal, or ADC's account. */
  identity: string;
  /** ADC's project, when it has one (used when project_id is not given). */
  adcProjectId?: string;
  /** Workload Identity Federation: the GitHub OIDC token's subject (its `sub`). */
  subject?: string;
}

const TOKEN_FIELDS = ['access_token', 'accessToken', 'token', 'id_token', 'idToken'];

/** Masks every token in an auth response before anything could print it. */
function maskTokensIn(data: unknown): void {
  if (!data || typeof data !== 'object') return;
  for (const field of TOKEN_FIELDS) {
    const value = (data as Record<string, unknown>)[field];
    if (typeof value === 'string' && value) setSecret(value);
  }
}

/**
 * Every request an auth client makes (its own, the STS exchange's, and the API calls made through
 * it) goes through node-fetch with the same timeout as all the others, is traced in step debug
 * logging, and has the tokens of its answer masked before anything could print them.
 */
function prepareTransport(client: AuthClient): void {
  const exchange = (client as unknown as { stsCredential?: { transporter?: AuthClient['transporter'] } }).stsCredential;
  for (const transporter of new Set([client.transporter, exchange?.transporter])) {
    if (!transporter) continue;
    // node-fetch honours proxy agents; loaded while the GitHub token is in flight (start-up).
    transporter.defaults.fetchImplementation = tracedFetch(transporter.defaults.fetchImplementation ?? (nodeFetch as unknown as typeof fetch));
    transporter.defaults.timeout ??= REQUEST_TIMEOUT_MS;
    transporter.interceptors.response.add({
      resolved: async (response) => {
        maskTokensIn(response.data);
        return response;
      },
    });
  }
}

function federatedClient(auth: AuthConfig, githubToken: Promise<string>, env: NodeJS.ProcessEnv): IdentityPoolClient {
  const provider = auth.workloadIdentityProvider!;
  // The GitHub OIDC token lives about 5 minutes: the first exchange uses the one requested at
  // start-up, every later one (google-auth-library refreshes before the access token expires)
  // a freshly requested one.
  let first: Promise<string> | undefined = githubToken;
  const subjectToken = (): Promise<string> => {
    const token = first ?? requestGithubToken(githubAudience(auth), env);
    first = undefined;
    return token;
  };
  const sts = endpointFor('sts', env);
  const iamcredentials = endpointFor('iamcredentials', env);
  const client = new IdentityPoolClient({
    type: 'external_account',
    audience: `//iam.googleapis.com/${provider}`,
    subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
    token_url: `${sts}v1/token`,
    service_account_impersonation_url: auth.serviceAccount
      ? `${iamcredentials}v1/projects/-/serviceAccounts/${auth.serviceAccount}:generateAccessToken`
      : undefined,
    subject_token_supplier: { getSubjectToken: subjectToken },
    scopes: [CLOUD_PLATFORM_SCOPE],
  } as ConstructorParameters<typeof IdentityPoolClient>[0]);
  prepareTransport(client);
  return client;
}

function isImpersonationFailure(err: unknown): boolean {
  const e = err as { config?: { url?: unknown }; response?: { config?: { url?: unknown } } };
  const url = String(e?.config?.url ?? e?.response?.config?.url ?? '');
  return url.includes(':generateAccessToken');
}

/**
 * Authenticates and proves it by getting the first access token now, so a broken link of
 * the chain fails here, named, before any Cloud Run or Scheduler request.
 */
export async function authenticate(
  auth: AuthConfig,
  githubToken: Promise<string> | undefined,
  env: NodeJS.ProcessEnv = process.env,
  /** The project when the inputs name it; otherwise ADC's project is asked for. */
  projectId?: string,
): Promise<Credentials> {
  const provider = auth.workloadIdentityProvider;
  if (!provider) return applicationDefault(auth.serviceAccount, env, projectId);
  if (!githubToken) throw new Error('internal: a GitHub token request is needed with a workload identity provider');

  const client = federatedClient(auth, githubToken, env);
  // The first token's subject: the principal this run is, named by every permission fix.
  const subject = githubToken.then(subjectOf, () => undefined);
  try {
    await client.getAccessToken(); // masked by the interceptor
  } catch (err) {
    if (err instanceof GithubTokenError) throw new AuthError('github-token', err);
    // The supplier's promise may have failed inside the library; look at it directly.
    const tokenFailure = await githubToken.then(
      () => undefined,
      (e: unknown) => e,
    );
    if (tokenFailure) throw new AuthError('github-token', tokenFailure);
    throw new AuthError(isImpersonationFailure(err) ? 'impersonation' : 'sts', err, await subject);
  }
  const sub = await subject;
  return {
    authClient: client,
    identity: auth.serviceAccount ?? (sub ? subjectPrincipal(provider, sub) : `the federated principal of ${provider}`),
    subject: sub,
  };
}

async function applicationDefault(serviceAccount: string | undefined, env: NodeJS.ProcessEnv, projectId: string | undefined): Promise<Credentials> {
  let stage: AuthStage = 'adc';
  try {
    // A known project spares the library finding one (for a federated credential file that
    // is a Cloud Resource Manager request, which needs resourcemanager.projects.get).
    const { GoogleAuth } = await import('google-auth-library');
    const googleAuth = new GoogleAuth({ scopes: [CLOUD_PLATFORM_SCOPE], ...(projectId ? { projectId } : {}) });
    const source = await googleAuth.getClient();
    prepareTransport(source);
    const adcProjectId = projectId ?? ((await googleAuth.getProjectId().catch(() => undefined)) ?? undefined);
    let authClient: AuthClient = source;
    if (serviceAccount) {
      // ADC (e.g. from an earlier auth step) acting as the deployer account.
      stage = 'impersonation';
      // The library warns on every Impersonated built from a configuration it did not validate
      // itself; it builds its own from a trusted ADC file inside suppressAdcWarning. This one is
      // validated before it gets here: the target is the service_account input (checked as a
      // service account email), the endpoint comes from endpointFor (https, or http to loopback
      // only), and the source is ADC's own client. docs/identities.md says so too.
      const options = {
        sourceClient: source,
        targetPrincipal: serviceAccount,
        targetScopes: [CLOUD_PLATFORM_SCOPE],
        lifetime: 3600,
        delegates: [],
        endpoint: endpointFor('iamcredentials', env).replace(/\/$/, ''),
      };
      authClient = suppressAdcWarning ? suppressAdcWarning(() => new Impersonated(options)) : new Impersonated(options);
      prepareTransport(authClient);
    }
    const { token } = await authClient.getAccessToken();
    if (token) setSecret(token);
    const email = serviceAccount ?? (source as { email?: string }).email;
    return { authClient, identity: email ?? 'Application Default Credentials', adcProjectId };
  } catch (err) {
    throw new AuthError(stage, err);
  }
}
