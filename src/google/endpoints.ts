// Where the action's own requests go. gcloud's CLOUDSDK_API_ENDPOINT_OVERRIDES_* properties,
// read as env vars, move them (a proxy, a private endpoint, the local Google Cloud); what the
// action stores in Google Cloud (Scheduler URIs, OIDC audiences) always stays canonical.

export type GoogleApi = 'run' | 'cloudscheduler' | 'sts' | 'iamcredentials' | 'logging' | 'monitoring';

const PUBLIC_HOSTS: Record<GoogleApi, string> = {
  run: 'run.googleapis.com',
  cloudscheduler: 'cloudscheduler.googleapis.com',
  sts: 'sts.googleapis.com',
  iamcredentials: 'iamcredentials.googleapis.com',
  logging: 'logging.googleapis.com',
  monitoring: 'monitoring.googleapis.com',
};

/** The base URL of an API, ending in '/': https://run.googleapis.com/ or its override. */
export function endpointFor(api: GoogleApi, env: NodeJS.ProcessEnv = process.env): string {
  const name = `CLOUDSDK_API_ENDPOINT_OVERRIDES_${api.toUpperCase()}`;
  const override = env[name]?.trim();
  if (!override) return `https://${PUBLIC_HOSTS[api]}/`;
  let url: URL;
  try {
    url = new URL(override);
  } catch {
    throw new Error(`${name} is not a URL: use a base URL such as https://${PUBLIC_HOSTS[api]}/`);
  }
  // Tokens travel to this endpoint: plain http only to this machine (the local Google Cloud).
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    throw new Error(
      `${name} is ${JSON.stringify(`${url.protocol}//${url.host}`)}: use an https:// URL (plain http:// is allowed only for a loopback host such as 127.0.0.1 or localhost), because the access token is sent to it.`,
    );
  }
  // A path in the override is kept (a proxy may serve the API under one).
  return `${url.origin}${url.pathname.replace(/\/*$/, '/')}`;
}

/**
 * The one warning of a run whose requests go elsewhere, naming each variable and its host: an
 * earlier step can set these through GITHUB_ENV, and the GitHub OIDC token and every access
 * token travel to them, so the override belongs in the run's annotations, not only in its log.
 */
export function overrideWarning(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const active = (Object.keys(PUBLIC_HOSTS) as GoogleApi[]).filter((api) => env[`CLOUDSDK_API_ENDPOINT_OVERRIDES_${api.toUpperCase()}`]?.trim());
  if (active.length === 0) return undefined;
  const each = active.map((api) => `CLOUDSDK_API_ENDPOINT_OVERRIDES_${api.toUpperCase()} sends ${api} requests to ${new URL(endpointFor(api, env)).host} (not ${PUBLIC_HOSTS[api]})`);
  return `Google API endpoints are overridden, and tokens go to these hosts: ${each.join('; ')}. If this workflow or an earlier step did not mean to set them, remove them.`;
}

/** 127.0.0.0/8, ::1 and localhost. */
function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/** Throws on the first bad override, before any request is sent (main calls it with the inputs). */
export function checkOverrides(env: NodeJS.ProcessEnv = process.env): void {
  for (const api of Object.keys(PUBLIC_HOSTS) as GoogleApi[]) endpointFor(api, env);
}
