// Does a Scheduler job trigger this workload? A job is run through its Admin API `:run` URI
// (the v1 namespaces form the action writes, or v2's); a service is called at one of its URLs.
// Owner records say who made a trigger; only its target says what it fires at.
import type { Kind } from '../config/types.js';

export interface TargetedWorkload {
  kind: Kind;
  name: string;
  region: string;
  /** The project id (and its number, when known): either may name it in a URI. */
  projects: string[];
  /** A service's URLs (uri and urls), when it exists. */
  urls?: string[];
}

/** A service's URLs as Cloud Run reports them (uri, and urls); none for a job. */
export function urlsOf(resource: { uri?: string | null; urls?: string[] | null } | null | undefined): string[] {
  return [...(resource?.uri ? [resource.uri] : []), ...(resource?.urls ?? [])];
}

interface HttpTargetLike {
  httpTarget?: { uri?: string | null } | null;
}

const V1_RUN = /^https:\/\/([a-z0-9-]+)-run\.googleapis\.com\/apis\/run\.googleapis\.com\/v1\/namespaces\/([^/]+)\/jobs\/([^/:]+):run$/;
const V2_RUN = /^https:\/\/run\.googleapis\.com\/v2\/projects\/([^/]+)\/locations\/([^/]+)\/jobs\/([^/:]+):run$/;

export function targetsWorkload(job: HttpTargetLike, w: TargetedWorkload): boolean {
  const uri = job.httpTarget?.uri ?? '';
  if (w.kind === 'job') {
    const v1 = V1_RUN.exec(uri);
    if (v1) return v1[1] === w.region && w.projects.includes(v1[2]!) && v1[3] === w.name;
    const v2 = V2_RUN.exec(uri);
    return !!v2 && w.projects.includes(v2[1]!) && v2[2] === w.region && v2[3] === w.name;
  }
  let host: string;
  try {
    host = new URL(uri).host;
  } catch {
    return false;
  }
  const urls = (w.urls ?? []).filter(Boolean);
  if (urls.length > 0) return urls.some((u) => URL.canParse(u) && new URL(u).host === host);
  // The service is gone: its URL was https://NAME-PROJECT_NUMBER.REGION.run.app or https://NAME-HASH-CODE.a.run.app.
  return host.startsWith(`${w.name}-`) && host.endsWith('.run.app');
}
