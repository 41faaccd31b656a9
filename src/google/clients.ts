// Cloud Run Admin API v2, Cloud Scheduler v1, Cloud Logging and Cloud Monitoring over REST (HTTP/1.1 + JSON), through the
// authenticated client of google-auth-library. Not the generated @google-cloud/* clients:
// loading google-gax and their protos costs about 250 ms of CPU before the first read,
// more than all the round trips of a no-op run (see docs/development.md, Performance). The wire format
// is the same REST JSON those clients speak: enums as names, int64 and durations as strings.
import type { AuthClient } from 'google-auth-library';
import { endpointFor, type GoogleApi } from './endpoints.js';
import { Pacer } from './pacer.js';

type Query = Record<string, string | undefined>;

/** No single request may hang the step: a stalled one fails (and is retried where safe). */
export const REQUEST_TIMEOUT_MS = 60_000;

/** A google.longrunning.Operation as REST gives it. */
export interface Operation<R = unknown, M = unknown> {
  name?: string;
  done?: boolean;
  error?: { code?: number; message?: string };
  metadata?: M;
  response?: R;
}

export interface RestClient {
  get<T>(api: GoogleApi, path: string, query?: Query): Promise<T>;
  send<T>(api: GoogleApi, method: 'POST' | 'PATCH', path: string, body: unknown, query?: Query): Promise<T>;
  delete<T>(api: GoogleApi, path: string): Promise<T>;
}

export function restClient(authClient: AuthClient, env: NodeJS.ProcessEnv = process.env): RestClient {
  const bases = new Map<GoogleApi, string>();
  const url = (api: GoogleApi, path: string, query?: Query) => {
    if (!bases.has(api)) bases.set(api, endpointFor(api, env));
    const params = Object.entries(query ?? {}).filter((e): e is [string, string] => e[1] !== undefined);
    const search = params.length ? `?${new URLSearchParams(params).toString()}` : '';
    // Resource names keep their '/' and ':'; nothing else in them needs escaping.
    return `${bases.get(api)}${path}${search}`;
  };
  // Cloud Scheduler allows 1,250 reads and 500 writes a minute per project
  // (https://cloud.google.com/scheduler/quotas): a run keeps to 1,100 and 450 in any minute.
  const schedulerPace = { read: new Pacer(1000, 100), write: new Pacer(400, 50) };
  const request = async <T>(api: GoogleApi, method: string, target: string, body?: unknown): Promise<T> => {
    if (api === 'cloudscheduler') await schedulerPace[method === 'GET' ? 'read' : 'write'].take();
    const res = await authClient.request<T>({ url: target, method, data: body, responseType: 'json', retry: false, timeout: REQUEST_TIMEOUT_MS });
    return res.data;
  };
  return {
    get: (api, path, query) => request(api, 'GET', url(api, path, query)),
    send: (api, method, path, body, query) => request(api, method, url(api, path, query), body ?? {}),
    delete: (api, path) => request(api, 'DELETE', url(api, path)),
  };
}

export interface GoogleClients {
  run: CloudRunApi;
  scheduler: SchedulerApi;
  logging: LoggingApi;
  monitoring: MonitoringApi;
}

/** Cloud Monitoring v3: alert policies and notification channels of a project. */
export interface MonitoringApi {
  /** Every item of the collection (all pages), optionally filtered. */
  list<T>(projectId: string, collection: 'alertPolicies' | 'notificationChannels', filter?: string): Promise<T[]>;
  create<T>(projectId: string, collection: 'alertPolicies' | 'notificationChannels', body: T): Promise<T>;
  update<T>(name: string, body: T, mask: string[]): Promise<T>;
  delete(name: string): Promise<unknown>;
}

/** Cloud Logging v2: the one read the smoke test makes (a Scheduler attempt's log entries). */
export interface LoggingApi {
  list<T>(request: { resourceNames: string[]; filter: string; orderBy?: string; pageSize?: number }): Promise<{ entries?: T[] }>;
}

/** The Cloud Run Admin API v2 calls the action makes. Names are full resource names. */
export interface CloudRunApi {
  get<T>(name: string): Promise<T>;
  create<T>(parent: string, collection: 'jobs' | 'services', id: string, body: T): Promise<Operation<T>>;
  /** PATCH the whole resource (a job has no update mask: this replaces it). */
  replace<T>(name: string, body: T): Promise<Operation<T>>;
  run<M>(name: string): Promise<Operation<unknown, M>>;
  getIamPolicy<P>(name: string): Promise<P>;
  setIamPolicy<P>(name: string, policy: P): Promise<P>;
  /** Every job or service of a location (all pages). */
  list<T>(parent: string, collection: 'jobs' | 'services'): Promise<T[]>;
  delete<T>(name: string): Promise<Operation<T>>;
}

/** The Cloud Scheduler v1 calls the action makes. */
export interface SchedulerApi {
  get<T>(name: string): Promise<T>;
  create<T>(parent: string, job: T): Promise<T>;
  update<T>(name: string, job: T, mask: string[]): Promise<T>;
  call<T>(name: string, verb: 'run' | 'pause' | 'resume'): Promise<T>;
  delete(name: string): Promise<unknown>;
  /** Location IDs where Cloud Scheduler is offered to the project. */
  locations(projectId: string): Promise<string[]>;
  /** Every Scheduler job of a location (all pages). */
  list<T>(parent: string): Promise<T[]>;
}

/** Every item of a paged list: follows nextPageToken to the end. */
async function allPages<T>(key: string, read: (pageToken: string | undefined) => Promise<Record<string, unknown> & { nextPageToken?: string }>): Promise<T[]> {
  const items: T[] = [];
  let pageToken: string | undefined;
  do {
    const page = await read(pageToken);
    items.push(...((page[key] as T[] | undefined) ?? []));
    pageToken = page.nextPageToken || undefined;
  } while (pageToken);
  return items;
}

export function makeClients(authClient: AuthClient, env: NodeJS.ProcessEnv = process.env): GoogleClients {
  const rest = restClient(authClient, env);
  const run: CloudRunApi = {
    get: (name) => rest.get('run', `v2/${name}`),
    create: (parent, collection, id, body) =>
      rest.send('run', 'POST', `v2/${parent}/${collection}`, body, { [collection === 'jobs' ? 'jobId' : 'serviceId']: id }),
    replace: (name, body) => rest.send('run', 'PATCH', `v2/${name}`, body),
    run: (name) => rest.send('run', 'POST', `v2/${name}:run`, {}),
    getIamPolicy: (name) => rest.get('run', `v2/${name}:getIamPolicy`, { 'options.requestedPolicyVersion': '3' }),
    setIamPolicy: (name, policy) => rest.send('run', 'POST', `v2/${name}:setIamPolicy`, { policy }),
    list: (parent, collection) => allPages(collection, (pageToken) => rest.get('run', `v2/${parent}/${collection}`, { pageSize: '100', pageToken })),
    delete: (name) => rest.delete('run', `v2/${name}`),
  };
  const scheduler: SchedulerApi = {
    get: (name) => rest.get('cloudscheduler', `v1/${name}`),
    create: (parent, job) => rest.send('cloudscheduler', 'POST', `v1/${parent}/jobs`, job),
    update: (name, job, mask) => rest.send('cloudscheduler', 'PATCH', `v1/${name}`, job, { updateMask: mask.join(',') }),
    call: (name, verb) => rest.send('cloudscheduler', 'POST', `v1/${name}:${verb}`, {}),
    delete: (name) => rest.delete('cloudscheduler', `v1/${name}`),
    async locations(projectId) {
      const locations = await allPages<{ locationId?: string }>('locations', (pageToken) => rest.get('cloudscheduler', `v1/projects/${projectId}/locations`, { pageToken }));
      return locations.flatMap((l) => (l.locationId ? [l.locationId] : [])).sort();
    },
    list: (parent) => allPages('jobs', (pageToken) => rest.get('cloudscheduler', `v1/${parent}/jobs`, { pageSize: '500', pageToken })),
  };
  const logging: LoggingApi = {
    list: (request) => rest.send('logging', 'POST', 'v2/entries:list', request),
  };
  const monitoring: MonitoringApi = {
    list: (projectId, collection, filter) =>
      allPages(collection, (pageToken) => rest.get('monitoring', `v3/projects/${projectId}/${collection}`, { pageSize: '1000', pageToken, filter })),
    create: (projectId, collection, body) => rest.send('monitoring', 'POST', `v3/projects/${projectId}/${collection}`, body),
    update: (name, body, mask) => rest.send('monitoring', 'PATCH', `v3/${name}`, body, { updateMask: mask.join(',') }),
    delete: (name) => rest.delete('monitoring', `v3/${name}`),
  };
  return { run, scheduler, logging, monitoring };
}
