// Where the action's own requests go. gcloud's CLOUDSDK_API_ENDPOINT_OVERRIDES_* properties,
// read as env vars, move them (a proxy, a private endpoint, the local Google Cloud); what the
// action stores in Google Cloud (Scheduler URIs, OIDC audiences) always stays canonical.

export type GoogleApi = 'run' | 'cloudscheduler' | 'sts' | 'iamcredentials' | 'logging';

const PUBLIC_HOSTS: Record<GoogleApi, string> = {
  run: 'run.googleapis.com',
  cloudscheduler: 'cloudscheduler.googleapis.com',
  sts: 'sts.googleapis.com',
  iamcredentials: 'iamcredentials.googleapis.com',
  logging: 'logging.googleapis.com',
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
  // A path in the override is kept (a proxy may serve the API under one).
  return `${url.origin}${url.pathname.replace(/\/*$/, '/')}`;
}
