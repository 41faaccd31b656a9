// Where the action's own requests go. gcloud's CLOUDSDK_API_ENDPOINT_OVERRIDES_* properties,
// read as env vars, move them (a proxy, a private endpoint, the local Google Cloud); what the
// action stores in Google Cloud (Scheduler URIs, OIDC audiences) always stays canonical.

export type GoogleApi = 'run' | 'cloudscheduler' | 'sts' | 'iamcredentials';

const PUBLIC_HOSTS: Record<GoogleApi, string> = {
  run: 'run.googleapis.com',
  cloudscheduler: 'cloudscheduler.googleapis.com',
  sts: 'sts.googleapis.com',
  iamcredentials: 'iamcredentials.googleapis.com',
};

export interface Endpoint {
  /** Base URL ending in '/', e.g. https://run.googleapis.com/ */
  base: string;
  /** Options for the @google-cloud/* clients in REST mode. */
  clientOptions: { apiEndpoint: string; port?: number; protocol?: string };
}

export function endpointFor(api: GoogleApi, env: NodeJS.ProcessEnv = process.env): Endpoint {
  const override = env[`CLOUDSDK_API_ENDPOINT_OVERRIDES_${api.toUpperCase()}`]?.trim();
  if (!override) {
    return { base: `https://${PUBLIC_HOSTS[api]}/`, clientOptions: { apiEndpoint: PUBLIC_HOSTS[api] } };
  }
  let url: URL;
  try {
    url = new URL(override);
  } catch {
    throw new Error(
      `CLOUDSDK_API_ENDPOINT_OVERRIDES_${api.toUpperCase()} is not a URL: use a base URL such as https://${PUBLIC_HOSTS[api]}/`,
    );
  }
  const protocol = url.protocol.replace(':', '');
  const port = url.port ? Number(url.port) : protocol === 'http' ? 80 : 443;
  return {
    base: `${url.protocol}//${url.host}/`,
    clientOptions: { apiEndpoint: url.hostname, port, protocol },
  };
}
